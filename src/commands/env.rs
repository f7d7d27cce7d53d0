//! `dbiam env TARGET [--shell sh|fish|powershell]`: print the variables `dbiam exec`
//! sets, as lines for `eval`. The token is printed (that is what was asked for); the CA
//! bundle it points at is kept in the cache directory so it outlives this process.

use clap::ArgAction;
use std::io::Write;

use super::{write_err, Context};
use crate::db::client_env::{self, Shell};
use crate::db::ConnectionArgs;
use crate::error::Result;

/// `dbiam env` flags (`-h` is the host, as in `dbiam sql`; help is `--help`).
#[derive(Debug, clap::Args)]
#[command(disable_help_flag = true)]
pub struct Args {
    /// Where to connect: a target name, a URL, or the connection flags of `dbiam sql`.
    #[command(flatten)]
    pub conn: ConnectionArgs,
    /// The shell to write for.
    #[arg(long, value_enum, default_value_t = Shell::Sh, value_name = "SHELL")]
    pub shell: Shell,
    /// Name of the connection URL variable instead of DATABASE_URL (REDIS_URL for
    /// ElastiCache / MemoryDB), e.g. FLYWAY_URL.
    #[arg(long, value_name = "NAME")]
    pub url_var: Option<String>,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
}

/// Run `dbiam env`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    if let Some(name) = &args.url_var {
        client_env::validate_var_name(name)?;
    }
    let (ctx, params) = ctx.connection(&args.conn).await?;
    let ctx = &ctx;
    let crate::db::Login {
        params, password, ..
    } = params.login(ctx).await?;
    let files = client_env::write_files(&params, &client_env::cache_dir()?)?;
    let vars = client_env::vars(
        &params,
        password.as_ref(),
        &files.ca_file,
        files.mysql_home.as_deref(),
        args.url_var.as_deref(),
    )?;
    let mut out = std::io::stdout().lock();
    for (k, v) in &vars {
        writeln!(
            out,
            "{}",
            client_env::export_line(args.shell, k, v.expose())
        )
        .map_err(write_err)?;
    }
    out.flush().map_err(write_err)?;
    if let Some(hint) = client_env::mysql_hint(&params, &files.ca_file) {
        eprintln!("dbiam: {hint}");
    }
    Ok(())
}
