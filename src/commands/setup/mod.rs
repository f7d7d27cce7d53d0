//! `dbiam setup`: switch IAM database authentication on, step by step —
//! `setup enable` (on the database), `setup policy` (the IAM policy document) and
//! `setup user` (the database user).

pub mod enable;
pub mod policy;
pub mod user;

use super::Context;
use crate::error::Result;

/// `dbiam setup` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The step to do.
    #[command(subcommand)]
    pub action: Action,
}

/// `dbiam setup` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Turn IAM database authentication on for an RDS instance or Aurora cluster, and wait.
    Enable(enable::Args),
    /// Print a least-privilege IAM policy (JSON) for connecting with IAM authentication.
    Policy(policy::Args),
    /// Create the IAM database user (PostgreSQL: CREATE USER + GRANT rds_iam), or print the SQL.
    User(user::Args),
}

/// Run `dbiam setup`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    match args.action {
        Action::Enable(a) => enable::run(a, ctx).await,
        Action::Policy(a) => policy::run(a, ctx).await,
        Action::User(a) => user::run(a, ctx).await,
    }
}

/// Print the "next step" line on stderr.
fn next_step(line: &str) {
    eprintln!("next: {line}");
}

/// `--cluster` when the target is a cluster, for commands we suggest.
fn cluster_flag(kind: crate::setup::rds::TargetKind) -> &'static str {
    match kind {
        crate::setup::rds::TargetKind::Cluster => " --cluster",
        crate::setup::rds::TargetKind::Instance => "",
    }
}

/// The `dbiam token --verify …` command to try for this database and user.
fn token_command(db: &crate::setup::rds::DbState, user: &str) -> String {
    format!(
        "dbiam token --verify --hostname {} --port {} --username {user}",
        db.endpoint.as_deref().unwrap_or("HOST"),
        db.port.map_or_else(|| "PORT".to_owned(), |p| p.to_string()),
    )
}
