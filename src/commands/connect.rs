//! `dbiam connect`: the interactive SQL shell that stays logged in; wires the
//! connection flags (shared with `dbiam sql`) and shell options to [`crate::repl`].

use clap::ArgAction;

use super::sql::PrintArgs;
use super::Context;
use crate::db::{ConnectionArgs, Engine};
use crate::error::Result;
use crate::output::Format;
use crate::repl;

/// `dbiam connect` flags (`-h` is the host, as in psql; help is `--help`).
#[derive(Debug, clap::Args)]
#[command(disable_help_flag = true)]
pub struct Args {
    /// Where to connect and how to authenticate.
    #[command(flatten)]
    pub conn: ConnectionArgs,
    /// Never page long results (the pager is PAGER, else `less -FRX`; only on a terminal).
    #[arg(long)]
    pub no_pager: bool,
    /// Do not read or write the history file.
    #[arg(long)]
    pub no_history: bool,
    /// psql's print flags (as `dbiam sql`'s).
    #[command(flatten)]
    pub print: PrintArgs,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
}

/// Run `dbiam connect`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    let (ctx, params) = ctx.connection(&args.conn).await?;
    let ctx = &ctx;
    let settings = args.print.settings(ctx.format.unwrap_or(Format::Table))?;
    let opts = repl::Options {
        no_pager: args.no_pager,
        settings,
        history: if args.no_history {
            None
        } else {
            repl::history::default_path()
        },
    };
    if params.engine == Engine::Redis {
        return Err(crate::db::redis_has_no_shell());
    }
    repl::run(ctx, params, opts).await
}
