//! `dbiam doctor TARGET`: run [`crate::doctor`]'s checklist for a connection and print
//! it (a table, or `--output json`: an array of `{check, status, detail, fix}`). Exits 0
//! when no check fails (skipped checks do not fail), else 1.

use clap::ArgAction;
use serde_json::{json, Value};

use super::{write_err, Context};
use crate::db::ConnectionArgs;
use crate::error::{Error, Result};
use crate::output::Format;

/// `dbiam doctor` flags (`-h` is the host, as in `dbiam sql`; help is `--help`).
#[derive(Debug, clap::Args)]
#[command(disable_help_flag = true)]
pub struct Args {
    /// What to check: a target name, a URL, or the connection flags of `dbiam sql`.
    #[command(flatten)]
    pub conn: ConnectionArgs,
    /// The RDS instance (or Aurora cluster) to ask about IAM auth, when the host is not
    /// its endpoint (tunnels, proxies, CNAMEs).
    #[arg(long, value_name = "ID")]
    pub db_instance_identifier: Option<String>,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
}

/// Run `dbiam doctor`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    let (ctx, params) = ctx.connection(&args.conn).await?;
    let ctx = &ctx;
    let checks = crate::doctor::run(ctx, &params, args.db_instance_identifier.as_deref()).await;
    let rows: Vec<Vec<Value>> = checks
        .iter()
        .map(|c| {
            vec![
                json!(c.name),
                json!(c.status.as_str()),
                json!(c.detail),
                json!(c.fix),
            ]
        })
        .collect();
    ctx.output(Format::Table)
        .list(
            std::io::stdout().lock(),
            &["check", "status", "detail", "fix"],
            &rows,
        )
        .map_err(write_err)?;
    let failed: Vec<&str> = checks
        .iter()
        .filter(|c| c.status == crate::doctor::Status::Fail)
        .map(|c| c.name)
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Error::failure(format!(
            "{} check(s) failed: {}",
            failed.len(),
            failed.join(", ")
        )))
    }
}
