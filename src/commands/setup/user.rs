//! `dbiam setup user`: connect as an administrator and create the IAM database user
//! (PostgreSQL `CREATE USER` + `GRANT rds_iam`), idempotently; `--dry-run` prints the SQL
//! for PostgreSQL or MySQL without connecting.

use clap::ArgAction;
use serde_json::json;
use std::io::Write;

use super::next_step;
use crate::commands::{write_err, Context};
use crate::db::postgres::Postgres;
use crate::db::ConnectionArgs;
use crate::db::Engine;
use crate::error::{Error, Result};
use crate::output::Format;
use crate::setup::user;

/// `dbiam setup user` flags (`-h` is the host, as in psql; help is `--help`).
#[derive(Debug, clap::Args)]
#[command(disable_help_flag = true)]
pub struct Args {
    /// The administrator connection. For the master user pass --no-iam: the password
    /// comes from PGPASSWORD or a hidden prompt, never from the command line.
    #[command(flatten)]
    pub conn: ConnectionArgs,
    /// Print the SQL on stdout and change nothing (no connection is made).
    #[arg(long)]
    pub dry_run: bool,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
}

/// Run `dbiam setup user`.
pub async fn run(mut args: Args, ctx: &Context) -> Result<()> {
    // --engine is the connection's (ConnectionArgs, or the named target's); MySQL:
    // --dry-run only.
    let (conn, _) = ctx.apply_target(&args.conn)?;
    let engine = match conn.engine {
        Some(Engine::MySql) => Engine::MySql,
        Some(Engine::Redis) => {
            return Err(Error::usage(
                "ElastiCache and MemoryDB users are made with the AWS API, not with SQL",
            )
            .with_hint("aws elasticache create-user --authentication-mode Type=iam …"))
        }
        _ => Engine::Postgres,
    };
    // --db-user is the connection's (shared with Redshift's GetClusterCredentials flag);
    // taken out so it does not select --engine redshift.
    let name = &args.conn.redshift.db_user.take().ok_or_else(|| {
        Error::usage("--db-user is required")
            .with_hint("name the IAM database user to create: --db-user USER")
    })?;
    user::validate_user(engine, name)?;
    if args.dry_run {
        let mut out = std::io::stdout().lock();
        for s in user::statements(engine, name) {
            writeln!(out, "{s}").map_err(write_err)?;
        }
        out.flush().map_err(write_err)?;
        let how = match engine {
            Engine::MySql => "the mysql client",
            _ => "`dbiam sql --no-iam -h HOST -U MASTER -f -`",
        };
        next_step(&format!(
            "run this SQL as the master user (e.g. with {how}), then `dbiam setup policy DBID --db-user {name}` prints the IAM policy"
        ));
        return Ok(());
    }
    if engine == Engine::MySql {
        return Err(Error::usage(
            "dbiam setup user runs its statements on PostgreSQL only so far",
        )
        .with_hint(
            "print the SQL with --dry-run and run it as the master user (e.g. `dbiam sql --engine mysql --no-iam -f -`)",
        ));
    }

    let (ctx, params) = ctx.connection(&args.conn).await?;
    let ctx = &ctx;
    let password = params.password(ctx).await?;
    let db = Postgres::connect(&params, password).await?;
    let outcome = user::ensure_pg_user(db.client(), name).await?;

    let fields = [
        ("user", json!(name)),
        ("engine", json!(engine.name())),
        ("database", json!(params.describe())),
        ("outcome", json!(outcome.as_str())),
        ("created", json!(!outcome.existed)),
        ("granted_rds_iam", json!(!outcome.was_member)),
    ];
    ctx.output(Format::Table)
        .record(std::io::stdout().lock(), &fields)
        .map_err(write_err)?;
    next_step(&format!(
        "`dbiam setup policy DBID --db-user {name}` prints the IAM policy; with it attached, `dbiam token --verify --hostname {host} --port {port} --username {name}` mints a token to try and `dbiam sql -h {host} -p {port} -U {name} -d {db}` connects with one",
        host = params.host,
        port = params.port,
        db = params.dbname,
    ));
    Ok(())
}
