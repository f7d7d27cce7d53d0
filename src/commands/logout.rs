//! `dbiam logout`: remove cached `dbiam login` sessions (one by name, or all).

use super::Context;
use crate::aws::session;
use crate::error::Result;

/// `dbiam logout` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The session to remove (default: DBIAM_SESSION, else `default`).
    #[arg(long, env = "DBIAM_SESSION", default_value = session::DEFAULT_NAME, value_name = "NAME")]
    pub session: String,
    /// Remove every cached session.
    #[arg(long)]
    pub all: bool,
}

/// Run `dbiam logout`. Removing a session that is not there is not an error.
pub async fn run(args: Args, _ctx: &Context) -> Result<()> {
    if args.all {
        let removed = session::remove_all()?;
        if removed.is_empty() {
            eprintln!("dbiam: no cached sessions");
        }
        for name in removed {
            eprintln!("dbiam: removed session '{name}'");
        }
        return Ok(());
    }
    if session::remove(&args.session)? {
        eprintln!("dbiam: removed session '{}'", args.session);
    } else {
        eprintln!("dbiam: no cached session '{}'", args.session);
    }
    Ok(())
}
