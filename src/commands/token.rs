//! `dbiam token`: mint an RDS/Aurora or Aurora DSQL IAM auth token (flags as
//! `aws rds generate-db-auth-token`), or `dbiam token inspect` one.

use serde_json::{json, Value};
use std::io::{IsTerminal, Read, Write};

use super::{write_err, Context};
use crate::db::redshift::{self, RedshiftArgs};
use crate::db::{sign_token, TokenKind};
use crate::error::{Error, Kind, Result};
use crate::output::{human_duration, rfc3339, Format};
use crate::token;

/// `dbiam token` flags.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Decode a token instead of minting one.
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Database endpoint host name (the name the token is signed for).
    #[arg(long, value_name = "HOST")]
    pub hostname: Option<String>,
    /// Database port (RDS/Aurora).
    #[arg(long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Option<u16>,
    /// Database user name (RDS/Aurora).
    #[arg(long, value_name = "USER")]
    pub username: Option<String>,
    /// Mint an Aurora DSQL token instead of an RDS one.
    #[arg(long)]
    pub dsql: bool,
    /// DSQL: a token for the `admin` role (DbConnectAdmin).
    #[arg(long, requires = "dsql")]
    pub admin: bool,
    /// DSQL: token lifetime in seconds (default 900).
    #[arg(long, requires = "dsql", value_name = "SECONDS")]
    pub expires_in: Option<u64>,
    /// Check the credentials with STS GetCallerIdentity before minting.
    #[arg(long)]
    pub verify: bool,
    /// Print Amazon Redshift temporary database credentials (user, password, expiration)
    /// for other tools, from --cluster-id/--db-user or --workgroup, instead of a token.
    #[arg(long, conflicts_with_all = ["dsql", "port", "username"])]
    pub redshift: bool,
    /// Redshift: the database the credentials are for.
    #[arg(long, value_name = "DBNAME", requires = "redshift")]
    pub db_name: Option<String>,
    /// Redshift credential flags.
    #[command(flatten)]
    pub redshift_args: RedshiftArgs,
}

/// `dbiam token` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Decode a token: host, port, user, region, signer, expiry (never the signature).
    Inspect {
        /// The token, or `-` (the default) to read it from stdin.
        #[arg(value_name = "TOKEN")]
        token: Option<String>,
    },
}

fn required<'a>(v: &'a Option<String>, flag: &str) -> Result<&'a str> {
    v.as_deref().ok_or_else(|| {
        Error::usage(format!("{flag} is required")).with_hint("see `dbiam token --help`")
    })
}

/// Run `dbiam token`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    if let Some(Action::Inspect { token }) = args.action {
        return inspect(token, ctx);
    }
    if args.redshift {
        return redshift(&args, ctx).await;
    }
    if args.redshift_args.is_used() || args.db_name.is_some() {
        return Err(Error::usage("the Redshift flags need --redshift")
            .with_hint("pass --redshift to print Redshift credentials"));
    }
    let host = required(&args.hostname, "--hostname")?;
    token::sign::validate_host(host)?;
    let region = ctx.aws.region(Some(host)).await?;
    let (port, username) = if args.dsql {
        if args.port.is_some() {
            return Err(Error::usage("--port does not apply to DSQL tokens"));
        }
        let user = if args.admin {
            Some("admin".to_owned())
        } else {
            args.username.clone()
        };
        (None, user)
    } else {
        let port = args.port.ok_or_else(|| {
            Error::usage("--port is required").with_hint("see `dbiam token --help`")
        })?;
        (
            Some(port),
            Some(required(&args.username, "--username")?.to_owned()),
        )
    };

    let creds = ctx.aws.credentials().await?;
    if args.verify {
        let id = ctx.aws.identity(&region).await?;
        crate::debug!("verified: account {} arn {}", id.account, id.arn);
    }
    ctx.aws.ensure_account_allowed(&region).await?;
    let keys = creds.signing_keys();
    let at = ctx.signing_time();
    let kind = match port {
        None => TokenKind::Dsql {
            host,
            admin: args.admin,
            expires_in: args.expires_in.unwrap_or(900),
        },
        Some(port) => TokenKind::Rds {
            host,
            port,
            user: username.as_deref().unwrap_or_default(),
        },
    };
    let minted = sign_token(kind, &region, &keys, at)?;
    crate::debug!(
        "minted a {} token for {host} in {region}, {} bytes, value {:?}",
        if args.dsql { "DSQL" } else { "RDS" },
        minted.value.len(),
        minted.value
    );

    let mut out = std::io::stdout().lock();
    match ctx.format.unwrap_or(Format::Table) {
        Format::Table => writeln!(out, "{}", minted.value.expose())
            .and_then(|_| out.flush())
            .map_err(write_err),
        format => {
            let fields = [
                ("token", json!(minted.value.expose())),
                ("hostname", json!(host)),
                ("port", port.map_or(Value::Null, |p| json!(p))),
                ("username", username.map_or(Value::Null, Value::String)),
                ("region", json!(region)),
                ("issued_at", json!(rfc3339(minted.issued_at))),
                ("expires_at", json!(rfc3339(minted.expires_at()))),
                ("access_key_id", json!(keys.access_key_id)),
            ];
            ctx.output(format).record(out, &fields).map_err(write_err)
        }
    }
}

/// `dbiam token --redshift`: temporary Redshift credentials, password included (asked for).
async fn redshift(args: &Args, ctx: &Context) -> Result<()> {
    if let Some(host) = &args.hostname {
        token::sign::validate_host(host)?;
    }
    let target = redshift::Target {
        host: args.hostname.as_deref(),
        user: None,
        dbname: args.db_name.as_deref(),
    };
    let region = ctx.aws.region(args.hostname.as_deref()).await?;
    ctx.aws.ensure_account_allowed(&region).await?;
    let creds = redshift::credentials(&args.redshift_args, target, ctx).await?;
    let fields = [
        ("user", json!(creds.user)),
        ("password", json!(creds.password.expose())),
        (
            "expiration",
            creds.expiration.map_or(Value::Null, Value::String),
        ),
    ];
    ctx.output(Format::Table)
        .record(std::io::stdout().lock(), &fields)
        .map_err(write_err)
}

fn inspect(arg: Option<String>, ctx: &Context) -> Result<()> {
    let raw = match arg.as_deref() {
        Some("-") | None => {
            let mut stdin = std::io::stdin();
            if arg.is_none() && stdin.is_terminal() {
                return Err(Error::usage("no token given")
                    .with_hint("pass the token, or pipe it in with -"));
            }
            let mut s = String::new();
            stdin
                .read_to_string(&mut s)
                .map_err(|e| Error::input("cannot read the token from stdin", e))?;
            s
        }
        Some(t) => t.to_owned(),
    };
    let info = token::inspect(&raw)?;
    let now = crate::aws::now();
    let left = (info.expires_at - now).whole_seconds();
    let expired = left <= 0;
    let fields = [
        ("kind", json!(info.kind)),
        ("host", json!(info.host)),
        ("port", info.port.map_or(Value::Null, |p| json!(p))),
        ("user", info.user.clone().map_or(Value::Null, Value::String)),
        ("region", json!(info.region)),
        ("action", json!(info.action)),
        ("access_key_id", json!(info.access_key_id)),
        ("signed_at", json!(rfc3339(info.signed_at))),
        ("expires_at", json!(rfc3339(info.expires_at))),
        ("seconds_left", json!(left.max(0))),
        (
            "time_left",
            json!(if expired {
                format!("expired {} ago", human_duration(left))
            } else {
                human_duration(left)
            }),
        ),
        ("expired", json!(expired)),
        ("session_token", json!(info.has_session_token)),
    ];
    ctx.output(Format::Table)
        .record(std::io::stdout().lock(), &fields)
        .map_err(write_err)?;
    if expired {
        return Err(Error::new(
            Kind::Failure,
            format!("the token expired at {}", rfc3339(info.expires_at)),
        )
        .with_hint("mint a new one with `dbiam token`"));
    }
    Ok(())
}
