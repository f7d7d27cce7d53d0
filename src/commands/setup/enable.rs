//! `dbiam setup enable`: turn IAM database authentication on for an RDS instance or
//! Aurora cluster, wait until it is on (or pending a maintenance window or reboot), say which.

use serde_json::{json, Value};
use std::time::Duration;

use super::{cluster_flag, next_step, token_command};
use crate::commands::{write_err, Context};
use crate::error::{Error, Result};
use crate::output::progress::Progress;
use crate::output::Format;
use crate::setup::rds::{self, Outcome, TargetKind, Wait};

/// Seconds between two looks at the database while waiting.
const POLL_INTERVAL: Duration = Duration::from_secs(5);

/// `dbiam setup enable` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// RDS DB instance identifier (with --cluster: Aurora DB cluster identifier).
    #[arg(value_name = "DBID")]
    pub dbid: String,
    /// DBID is an Aurora DB cluster (IAM authentication is a cluster setting in Aurora).
    #[arg(long)]
    pub cluster: bool,
    /// Apply now instead of in the next maintenance window.
    #[arg(long)]
    pub apply_immediately: bool,
    /// Give up waiting after this many seconds, at most a week (exit 1; the change goes on).
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 900,
        value_parser = clap::value_parser!(u64).range(0..=604_800)
    )]
    pub timeout: u64,
    /// Request the change and return without waiting.
    #[arg(long, conflicts_with = "timeout")]
    pub no_wait: bool,
}

/// Run `dbiam setup enable`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    rds::validate_identifier(&args.dbid)?;
    let kind = if args.cluster {
        TargetKind::Cluster
    } else {
        TargetKind::Instance
    };
    let region = ctx.aws.region(None).await?;
    let client = aws_sdk_rds::Client::new(&ctx.aws.sdk_config(&region).await?);
    let db = rds::lookup(&client, &args.dbid, kind, &region).await?;

    let (outcome, state) = if db.iam_enabled {
        (Outcome::AlreadyEnabled, db)
    } else {
        rds::request_enable(&client, &db, args.apply_immediately).await?;
        crate::debug!(
            "requested IAM authentication on DB {} {} (apply immediately: {})",
            kind.as_str(),
            db.id,
            args.apply_immediately
        );
        let wait = Wait {
            timeout: Duration::from_secs(if args.no_wait { 0 } else { args.timeout }),
            interval: POLL_INTERVAL,
        };
        let mut progress = Progress::immediate();
        let waited = rds::wait_until_settled(&client, &db, args.apply_immediately, wait, |s, t| {
            progress.spin(
                &format!(
                    "waiting for IAM authentication on DB {} {}: status {}",
                    kind.as_str(),
                    s.id,
                    s.status
                ),
                t,
            )
        })
        .await;
        progress.finish();
        match waited? {
            (Some(o), s) => (o, s),
            (None, s) if args.no_wait => (Outcome::Requested, s),
            (None, s) => {
                return Err(Error::failure(format!(
                    "IAM authentication is not on yet for DB {} '{}' after {}s (status {})",
                    kind.as_str(),
                    s.id,
                    args.timeout,
                    s.status
                ))
                .with_hint(format!(
                    "the change may still be applying: run `dbiam setup enable {}{}` again later to check",
                    s.id,
                    cluster_flag(kind)
                )));
            }
        }
    };

    let fields = [
        ("id", json!(state.id)),
        ("kind", json!(kind.as_str())),
        ("region", json!(region)),
        ("engine", json!(state.engine)),
        ("resource_id", json!(state.resource_id)),
        ("outcome", json!(outcome.as_str())),
        (
            "iam_database_authentication_enabled",
            json!(state.iam_enabled),
        ),
        ("status", json!(state.status)),
        (
            "endpoint",
            state.endpoint.clone().map_or(Value::Null, Value::String),
        ),
        ("port", state.port.map_or(Value::Null, |p| json!(p))),
    ];
    ctx.output(Format::Table)
        .record(std::io::stdout().lock(), &fields)
        .map_err(write_err)?;

    let flag = cluster_flag(kind);
    match outcome {
        Outcome::Enabled | Outcome::AlreadyEnabled => next_step(&format!(
            "`dbiam setup policy {}{flag} --db-user USER` prints the IAM policy; create USER in the database; then `{}` mints a token to try",
            state.id,
            token_command(&state, "USER")
        )),
        Outcome::PendingMaintenance => next_step(&format!(
            "the change applies in the next maintenance window; run `dbiam setup enable {}{flag} --apply-immediately` to apply it now",
            state.id
        )),
        Outcome::PendingReboot => next_step(&format!(
            "the change applies after the DB instance(s) reboot (`aws rds reboot-db-instance`); then `dbiam setup enable {}{flag}` reports it on",
            state.id
        )),
        Outcome::Requested => next_step(&format!(
            "run `dbiam setup enable {}{flag}` later to see whether it is on",
            state.id
        )),
    }
    Ok(())
}
