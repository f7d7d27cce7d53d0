//! `dbiam sql`: run SQL non-interactively (as `psql -X -v ON_ERROR_STOP=1`) with an IAM
//! token (or Redshift's temporary credentials) over verified TLS, on any engine of
//! [`crate::db::Engine`]; wires the connection flags, inputs and output format to
//! [`crate::db`], [`crate::sql::run`] and [`crate::output::results`].

use clap::{Arg, ArgAction, ArgMatches};
use std::collections::BTreeMap;

use super::Context;
use crate::db::{cancellable, ConnectionArgs, Driver, Stopped};
use crate::error::{Error, Kind, Result};
use crate::output::results::{Expanded, PrintSettings, Separator};
use crate::output::Format;
use crate::sql::host::{Link, ScriptHost};
use crate::sql::output::Output;
use crate::sql::print_meta;
use crate::sql::run::{self, Input, Session};

/// `dbiam sql` flags (`-h` is the host, as in psql; help is `--help`).
#[derive(Debug, clap::Args)]
#[command(disable_help_flag = true)]
pub struct Args {
    /// Where to connect and how to authenticate.
    #[command(flatten)]
    pub conn: ConnectionArgs,
    /// `-c` and `-f`, in command-line order.
    #[command(flatten)]
    pub inputs: Inputs,
    /// Set a psql variable for :NAME, :'NAME' and :"NAME" (repeatable).
    #[arg(short = 'v', long = "set", value_name = "NAME=VALUE")]
    pub variables: Vec<String>,
    /// Run everything in one transaction (BEGIN … COMMIT; ROLLBACK on error).
    #[arg(short = '1', long)]
    pub single_transaction: bool,
    /// Go on after a failing statement (psql without ON_ERROR_STOP; exit 0).
    #[arg(long)]
    pub continue_on_error: bool,
    /// Do not print command tags (INSERT 0 1, CREATE TABLE, …).
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// psql's print flags.
    #[command(flatten)]
    pub print: PrintArgs,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
}

/// psql's print flags, shared by `dbiam sql` and `dbiam connect`; they set the same
/// [`PrintSettings`] as the `\pset` family.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PrintArgs {
    /// Print rows only: no header, no row-count footer.
    #[arg(short = 't', long)]
    pub tuples_only: bool,
    /// psql's unaligned output: values joined by the field separator (`\pset format unaligned`).
    #[arg(short = 'A', long)]
    pub no_align: bool,
    /// Field separator for unaligned output (default `|`).
    #[arg(short = 'F', long, value_name = "SEP")]
    pub field_separator: Option<String>,
    /// Record separator for unaligned output (default newline).
    #[arg(short = 'R', long, value_name = "SEP")]
    pub record_separator: Option<String>,
    /// Field separator for unaligned output is a zero byte.
    #[arg(short = 'z', long)]
    pub field_separator_zero: bool,
    /// Record separator for unaligned output is a zero byte.
    #[arg(short = '0', long)]
    pub record_separator_zero: bool,
    /// Expanded display: one `-[ RECORD n ]-` block per row (`\x`).
    #[arg(short = 'x', long)]
    pub expanded: bool,
    /// Set a print option as `\pset NAME VALUE` does (repeatable), e.g. `-P null=NULL`, `-P border=2`.
    #[arg(short = 'P', long = "pset", value_name = "NAME[=VALUE]")]
    pub pset: Vec<String>,
}

impl PrintArgs {
    /// The print settings the flags ask for: `--output`, then psql's `-t`, `-A`, `-F`,
    /// `-R`, `-z`, `-0`, `-x`, then each `-P NAME=VALUE` in order (as `\pset NAME VALUE`).
    pub fn settings(&self, format: Format) -> Result<PrintSettings> {
        let mut s = PrintSettings::new(if self.no_align {
            Format::Unaligned
        } else {
            format
        });
        s.tuples_only = self.tuples_only;
        if let Some(sep) = &self.field_separator {
            s.fieldsep = Separator::Text(sep.clone());
        }
        if let Some(sep) = &self.record_separator {
            s.recordsep = Separator::Text(sep.clone());
        }
        if self.field_separator_zero {
            s.fieldsep = Separator::Zero;
        }
        if self.record_separator_zero {
            s.recordsep = Separator::Zero;
        }
        if self.expanded {
            s.expanded = Expanded::On;
        }
        for p in &self.pset {
            let words: Vec<String> = match p.split_once('=') {
                Some((name, value)) => vec![name.to_owned(), value.to_owned()],
                None => vec![p.clone()],
            };
            print_meta::apply("pset", &words, &mut s).map_err(|e| {
                Error::usage(format!("-P {p}: {e}"))
                    .with_hint("write -P NAME=VALUE, as \\pset NAME VALUE")
            })?;
        }
        Ok(s)
    }
}

/// `-c SQL` and `-f FILE`, kept in the order given (psql runs them in that order).
#[derive(Debug, Clone, Default)]
pub struct Inputs(pub Vec<Input>);

impl clap::FromArgMatches for Inputs {
    fn from_arg_matches(m: &ArgMatches) -> std::result::Result<Self, clap::Error> {
        let mut all: Vec<(usize, Input)> = Vec::new();
        if let (Some(vals), Some(idx)) = (m.get_many::<String>("command"), m.indices_of("command"))
        {
            all.extend(idx.zip(vals.map(|v| Input::Command(v.clone()))));
        }
        if let (Some(vals), Some(idx)) = (m.get_many::<String>("file"), m.indices_of("file")) {
            all.extend(idx.zip(vals.map(|v| {
                if v == "-" {
                    Input::Stdin
                } else {
                    Input::File(v.into())
                }
            })));
        }
        all.sort_by_key(|(i, _)| *i);
        Ok(Inputs(all.into_iter().map(|(_, x)| x).collect()))
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> std::result::Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl clap::Args for Inputs {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.arg(
            Arg::new("command")
                .short('c')
                .long("command")
                .value_name("SQL")
                .value_parser(clap::value_parser!(String))
                .action(ArgAction::Append)
                .help("Run this SQL (repeatable; runs in order with -f)"),
        )
        .arg(
            Arg::new("file")
                .short('f')
                .long("file")
                .value_name("FILE")
                .value_parser(clap::value_parser!(String))
                .action(ArgAction::Append)
                .help("Run the SQL script in FILE, `-` for stdin (repeatable). Default: stdin when it is not a terminal"),
        )
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

fn parse_variables(vars: &[String]) -> Result<BTreeMap<String, String>> {
    vars.iter()
        .map(|v| {
            let (k, val) = v.split_once('=').ok_or_else(|| {
                Error::usage(format!("-v '{v}' is not NAME=VALUE")).with_hint("write -v NAME=VALUE")
            })?;
            if k.is_empty() {
                return Err(Error::usage(format!("-v '{v}' has no variable name")));
            }
            Ok((k.to_owned(), val.to_owned()))
        })
        .collect()
}

/// Run `dbiam sql`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    let (ctx, params) = ctx.connection(&args.conn).await?;
    let ctx = &ctx;
    let opts = run::Options {
        continue_on_error: args.continue_on_error,
        single_transaction: args.single_transaction,
        variables: parse_variables(&args.variables)?,
        interactive: false,
    };
    let mut settings = args.print.settings(ctx.format.unwrap_or(Format::Table))?;
    settings.quiet = args.quiet;
    // `\x auto` compares tables with the terminal's width, as psql's `COLUMNS` gives it.
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        settings.terminal_width = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
    }
    // Open every input first: a missing file fails before anything is sent (exit 1).
    let mut sources = run::open(&args.inputs.0)?;
    let (link, driver) = Link::open(ctx, params).await?;

    let out = Output::new(settings);
    let canceller = driver.canceller();
    let mut session = Session::new(driver, ScriptHost { link }, out, opts);
    let work = session.run(&mut sources);
    match cancellable(canceller.as_ref(), work, false).await {
        Err(stopped) => {
            let (kind, what) = match stopped {
                Stopped::Interrupted => (Kind::Interrupted, "interrupted"),
                Stopped::Terminated => (Kind::Terminated, "terminated (SIGTERM)"),
            };
            Err(
                Error::new(kind, format!("{what}; the running statement was cancelled")).with_hint(
                    if args.single_transaction {
                        "the transaction was rolled back"
                    } else {
                        "statements before it stay committed"
                    },
                ),
            )
        }
        Ok(r) => r.map(|failures| {
            if failures > 0 {
                crate::debug!("{failures} statement(s) failed (--continue-on-error)");
            }
        }),
    }
}
