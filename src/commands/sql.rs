//! `dbiam sql`: run SQL non-interactively (as `psql -X -v ON_ERROR_STOP=1`) with an IAM
//! token (or Redshift's temporary credentials) over verified TLS, on any engine of
//! [`crate::db::Engine`]; wires the connection flags, inputs and output format to
//! [`crate::db`], [`crate::sql::run`] and [`crate::output::results`].

use clap::{Arg, ArgAction, ArgMatches};
use std::collections::BTreeMap;

use super::Context;
use crate::db::{cancellable, ConnectionArgs, Driver, Stopped};
use crate::error::{Error, Kind, Result};
use crate::output::results::Options as RenderOptions;
use crate::output::Format;
use crate::sql::host::{Link, ScriptHost};
use crate::sql::output::Output;
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
    /// Print rows only: no header, no row-count footer.
    #[arg(short = 't', long)]
    pub tuples_only: bool,
    /// Do not print command tags (INSERT 0 1, CREATE TABLE, …).
    #[arg(short = 'q', long)]
    pub quiet: bool,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
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
    // Open every input first: a missing file fails before anything is sent (exit 1).
    let mut sources = run::open(&args.inputs.0)?;
    let (link, driver) = Link::open(ctx, params).await?;

    let render = RenderOptions {
        tuples_only: args.tuples_only,
        quiet: args.quiet,
    };
    let out = Output::new(ctx.format.unwrap_or(Format::Table), render);
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
