//! `dbiam token`: mint an RDS/Aurora, Aurora DSQL, ElastiCache or MemoryDB IAM auth
//! token (flags as `aws rds generate-db-auth-token`), or `dbiam token inspect` one.

use serde_json::{json, Value};
use std::io::{IsTerminal, Read, Write};

use super::{write_err, Context};
use crate::db::redshift::{self, RedshiftArgs};
use crate::db::{sign_token, Auth, Engine, TokenKind};
use crate::error::{Error, Kind, Result};
use crate::output::{human_duration, rfc3339, Format};
use crate::token::{self, Token};

/// `dbiam token` flags.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Decode a token instead of minting one.
    #[command(subcommand)]
    pub action: Option<Action>,
    /// A target from the config file (host, port, user, region and profile from it), as a
    /// password helper for GUIs: the token is cached and reused across calls for up to 10
    /// minutes. Without TARGET and --hostname: PGHOST, PGPORT and PGUSER, as libpq.
    #[arg(value_name = "TARGET", conflicts_with_all = ["hostname", "dsql", "redshift", "elasticache", "memorydb"])]
    pub target: Option<String>,
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
    /// Mint an ElastiCache (Valkey/Redis OSS) IAM token for --cache-name and --username.
    #[arg(long, conflicts_with_all = ["dsql", "redshift", "memorydb", "hostname", "port"], requires = "cache_name")]
    pub elasticache: bool,
    /// ElastiCache: the replication group or serverless cache name.
    #[arg(long, value_name = "NAME", requires = "elasticache")]
    pub cache_name: Option<String>,
    /// ElastiCache: the cache is serverless (signs `ResourceType=ServerlessCache`).
    #[arg(long, requires = "elasticache")]
    pub serverless: bool,
    /// Mint a MemoryDB IAM token for --cluster-name and --username.
    #[arg(long, conflicts_with_all = ["dsql", "redshift", "hostname", "port"], requires = "cluster_name")]
    pub memorydb: bool,
    /// MemoryDB: the cluster name.
    #[arg(long, value_name = "NAME", requires = "memorydb")]
    pub cluster_name: Option<String>,
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
    if args.elasticache || args.memorydb {
        return cache(&args, ctx).await;
    }
    if args.redshift_args.is_used() || args.db_name.is_some() {
        return Err(Error::usage("the Redshift flags need --redshift")
            .with_hint("pass --redshift to print Redshift credentials"));
    }
    if args.hostname.is_none() && !args.dsql {
        return helper(&args, ctx).await;
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

    let keys = signing_keys(&args, ctx, &region).await?;
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

    let about = [
        ("hostname", json!(host)),
        ("port", port.map_or(Value::Null, |p| json!(p))),
        ("username", username.map_or(Value::Null, Value::String)),
    ];
    print_token(&minted, &about, &region, &keys, ctx)
}

/// `dbiam token TARGET` and `dbiam token` from `PG*`: resolve the connection as `exec`
/// does, reuse a cached token ([`crate::db::token_store`]) or mint one, and print it.
async fn helper(args: &Args, ctx: &Context) -> Result<()> {
    let conn = crate::db::ConnectionArgs {
        target: args.target.clone(),
        port: args.port,
        username: args.username.clone(),
        ..Default::default()
    };
    let (ctx, params) = ctx.connection(&conn).await?;
    let ctx = &ctx;
    let Auth::Iam {
        signing_host,
        signing_port,
    } = &params.auth
    else {
        return Err(Error::usage("this connection does not use IAM"));
    };
    let region = ctx.aws.region(Some(signing_host)).await?;
    let keys = signing_keys(args, ctx, &region).await?;
    // Redshift's credentials come from an API and name their own user: not cached.
    let cacheable = params.engine != Engine::Redshift && ctx.signing_time.is_none();
    let session = keys
        .session_token
        .as_ref()
        .map(|t| crate::db::token_store::key(&[t.expose()]))
        .unwrap_or_default();
    let key = crate::db::token_store::key(&[
        params.engine.name(),
        &signing_host.to_ascii_lowercase(),
        &signing_port.to_string(),
        &params.user,
        &region,
        &keys.access_key_id,
        &session,
        params.cache.map_or("", |c| c.service().signing_name()),
    ]);
    let now = crate::aws::now();
    let dir = if cacheable {
        Some(crate::db::token_store::dir()?)
    } else {
        None
    };
    let cached = dir
        .as_deref()
        .and_then(|d| crate::db::token_store::get(d, &key, now));
    let (params, minted) = match cached {
        Some(t) => {
            crate::debug!("reusing a cached token for {}", params.describe());
            (params, t)
        }
        None => {
            let login = params.login(ctx).await?;
            let password = login
                .password
                .ok_or_else(|| Error::failure("no token was minted"))?;
            let issued_at = ctx.signing_time();
            let t = Token {
                value: password,
                issued_at,
                expires_in: login.lifetime.map_or(900, |l| l.as_secs()),
            };
            if let Some(d) = &dir {
                crate::db::token_store::put(d, &key, &t, now)?;
            }
            (login.params, t)
        }
    };
    if ctx.format == Some(Format::LibpqJson) {
        let ca = crate::db::client_env::write_files(&params, &crate::db::client_env::cache_dir()?)?;
        let mut fields = vec![
            ("host", json!(params.host)),
            ("port", json!(params.port)),
            ("user", json!(params.user)),
            ("dbname", json!(params.dbname)),
            ("password", json!(minted.value.expose())),
            ("sslmode", json!(params.effective_sslmode().as_str())),
        ];
        if params.effective_sslmode() != crate::db::SslMode::Disable {
            let root = if params.engine.uses_public_ca() && params.sslrootcert.is_none() {
                "system".to_owned()
            } else {
                ca.ca_file.display().to_string()
            };
            fields.push(("sslrootcert", json!(root)));
        }
        return ctx
            .output(Format::Json)
            .record(std::io::stdout().lock(), &fields)
            .map_err(write_err);
    }
    let about = [
        ("hostname", json!(params.host)),
        ("port", json!(params.port)),
        ("username", json!(params.user)),
    ];
    print_token(&minted, &about, &region, &keys, ctx)
}

/// The credentials' signing keys, after `--verify` and the allowed-accounts check.
async fn signing_keys(args: &Args, ctx: &Context, region: &str) -> Result<token::SigningKeys> {
    let creds = ctx.aws.credentials().await?;
    if args.verify {
        let id = ctx.aws.identity(region).await?;
        crate::debug!("verified: account {} arn {}", id.account, id.arn);
    }
    ctx.aws.ensure_account_allowed(region).await?;
    Ok(creds.signing_keys())
}

/// Print a minted token: the bare token for people and scripts, or a record with `about`
/// (what it was signed for) in JSON, NDJSON and CSV.
fn print_token(
    minted: &Token,
    about: &[(&str, Value)],
    region: &str,
    keys: &token::SigningKeys,
    ctx: &Context,
) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match ctx.format.unwrap_or(Format::Table) {
        Format::Table => writeln!(out, "{}", minted.value.expose())
            .and_then(|_| out.flush())
            .map_err(write_err),
        format => {
            let mut fields = vec![("token", json!(minted.value.expose()))];
            fields.extend(about.iter().cloned());
            fields.extend([
                ("region", json!(region)),
                ("issued_at", json!(rfc3339(minted.issued_at))),
                ("expires_at", json!(rfc3339(minted.expires_at()))),
                ("access_key_id", json!(keys.access_key_id)),
            ]);
            ctx.output(format).record(out, &fields).map_err(write_err)
        }
    }
}

/// `dbiam token --elasticache|--memorydb`: a Valkey/Redis OSS IAM token (the `AUTH` password
/// of an IAM-enabled user whose user id is --username).
async fn cache(args: &Args, ctx: &Context) -> Result<()> {
    let (service, name, name_key) = if args.memorydb {
        (
            token::CacheService::MemoryDb,
            required(&args.cluster_name, "--cluster-name")?,
            "cluster_name",
        )
    } else {
        (
            token::CacheService::ElastiCache {
                serverless: args.serverless,
            },
            required(&args.cache_name, "--cache-name")?,
            "cache_name",
        )
    };
    token::sign::validate_cache_name(name)?;
    let user = required(&args.username, "--username")?;
    let region = ctx.aws.region(None).await?;
    let keys = signing_keys(args, ctx, &region).await?;
    let kind = TokenKind::Cache {
        service,
        name,
        user,
    };
    let minted = sign_token(kind, &region, &keys, ctx.signing_time())?;
    crate::debug!(
        "minted a {} token for {user}@{name} in {region}, {} bytes, value {:?}",
        service.signing_name(),
        minted.value.len(),
        minted.value
    );
    let about = [
        ("service", json!(service.signing_name())),
        (name_key, json!(name)),
        ("username", json!(user)),
    ];
    print_token(&minted, &about, &region, &keys, ctx)
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
