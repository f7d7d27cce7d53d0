//! `dbiam targets list|show|add|remove`: named connections in the config file
//! ([`crate::config`]). `add` takes the same connection flags as `dbiam sql`.

use clap::{ArgAction, Subcommand};
use serde_json::{json, Value};

use super::{write_err, Context};
use crate::config::{self, Target};
use crate::db::{parse_url, ConnectionArgs};
use crate::error::{Error, Result};
use crate::output::Format;

/// `dbiam targets` subcommands.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do with the targets.
    #[command(subcommand)]
    pub command: Sub,
}

/// The `targets` subcommands.
#[derive(Debug, Subcommand)]
pub enum Sub {
    /// List the targets in the config file.
    List,
    /// Show one target's settings.
    Show {
        /// The target's name.
        name: String,
    },
    /// Add (or with --force replace) a target; takes the connection flags of `dbiam sql`.
    #[command(disable_help_flag = true)]
    Add(Box<AddArgs>),
    /// Remove a target.
    Remove {
        /// The target's name.
        name: String,
    },
}

/// `dbiam targets add` flags (`-h` is the host, as in `dbiam sql`; help is `--help`).
#[derive(Debug, clap::Args)]
pub struct AddArgs {
    /// The target's name (letters, digits, '-', '_', '.').
    #[arg(value_name = "NAME")]
    pub name: String,
    /// The connection: a URL and/or flags (as `dbiam sql`). --region and --profile are stored too.
    #[command(flatten)]
    pub conn: ConnectionArgs,
    /// Assume this IAM role before minting tokens for this target.
    #[arg(long, value_name = "ARN")]
    pub role_arn: Option<String>,
    /// --engine redis: the service that signs the token (default: from an AWS host name).
    #[arg(long, value_enum, value_name = "KIND")]
    pub cache: Option<config::CacheKind>,
    /// --engine redis: the replication group, serverless cache or cluster name the token
    /// is signed for.
    #[arg(long, value_name = "NAME")]
    pub cache_name: Option<String>,
    /// The loopback port `dbiam proxy` listens on for this target.
    #[arg(long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub proxy_port: Option<u16>,
    /// Replace a target of the same name.
    #[arg(long)]
    pub force: bool,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
}

/// Run `dbiam targets`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    match args.command {
        Sub::List => list(ctx),
        Sub::Show { name } => show(ctx, &name),
        Sub::Add(a) => add(*a, ctx),
        Sub::Remove { name } => remove(ctx, &name),
    }
}

fn value_of(t: &Target, key: &str) -> Value {
    t.fields()
        .into_iter()
        .find(|(k, _)| *k == key)
        .map_or(Value::Null, |(_, v)| match v {
            config::FieldValue::Str(s) => json!(s),
            config::FieldValue::Int(i) => json!(i),
        })
}

fn list(ctx: &Context) -> Result<()> {
    let columns = [
        "name", "engine", "host", "port", "user", "database", "region", "profile",
    ];
    let rows: Vec<Vec<Value>> = ctx
        .config
        .config
        .targets
        .iter()
        .map(|(name, t)| {
            std::iter::once(json!(name))
                .chain(columns[1..].iter().map(|k| value_of(t, k)))
                .collect()
        })
        .collect();
    ctx.output(Format::Table)
        .list(std::io::stdout().lock(), &columns, &rows)
        .map_err(write_err)?;
    if rows.is_empty() && ctx.format.unwrap_or(Format::Table) == Format::Table {
        eprintln!(
            "dbiam: no targets in {}; add one with `dbiam targets add NAME -h HOST -U USER …`",
            ctx.config.path.display()
        );
    }
    Ok(())
}

fn not_found(ctx: &Context, name: &str) -> Error {
    Error::usage(format!(
        "no target named '{name}' in {}",
        ctx.config.path.display()
    ))
    .with_hint("see `dbiam targets list`")
}

fn show(ctx: &Context, name: &str) -> Result<()> {
    let t = ctx.target(name).ok_or_else(|| not_found(ctx, name))?;
    let mut fields: Vec<(&str, Value)> = vec![("name", json!(name))];
    for (k, _) in t.fields() {
        fields.push((k, value_of(t, k)));
    }
    ctx.output(Format::Table)
        .record(std::io::stdout().lock(), &fields)
        .map_err(write_err)
}

/// Build a target from `targets add` flags (flags win over the URL).
pub fn target_from_args(a: &AddArgs, ctx: &Context) -> Result<Target> {
    let c = &a.conn;
    if c.no_iam || c.hostaddr.is_some() || c.connect_timeout.is_some() {
        return Err(Error::usage(
            "--no-iam, --hostaddr and --connect-timeout are not stored in targets",
        )
        .with_hint("pass them on the command line when you use the target"));
    }
    let url = match c.target.as_deref().or(c.url.as_deref()) {
        Some(u) => parse_url(u)?,
        None => Default::default(),
    };
    if url.has_password {
        return Err(
            Error::usage("the URL carries a password; targets never store passwords")
                .with_hint("remove the password from the URL"),
        );
    }
    if let Some(arn) = &a.role_arn {
        crate::aws::validate_role_arn(arn)?;
    }
    let t = Target {
        engine: c.engine.or(url.engine),
        host: c.host.clone().or(url.host),
        port: c.port.or(url.port),
        user: c.username.clone().or(url.user),
        database: c.dbname.clone().or(url.dbname),
        region: ctx.flags.region.clone(),
        profile: ctx.flags.profile.clone(),
        role_arn: a.role_arn.clone(),
        signing_host: c.signing_host.clone(),
        signing_port: c.signing_port,
        sslmode: c.sslmode.or(url.sslmode),
        sslrootcert: c.sslrootcert.clone().or(url.sslrootcert),
        cache: None,
        cache_name: None,
        proxy_port: a.proxy_port,
    };
    let t = cache_fields(t, a)?;
    if let Some(r) = &t.region {
        crate::token::sign::validate_region(r)?;
    }
    let Some(host) = &t.host else {
        return Err(Error::usage("a target needs a host")
            .with_hint("pass -h HOST or a postgres:// or mysql:// URL"));
    };
    // Refuse here what using the target would refuse (a target always uses IAM).
    crate::db::validate_host(host)?;
    if let Some(h) = &t.signing_host {
        crate::db::validate_host(h)?;
    }
    if t.sslmode == Some(crate::db::SslMode::Disable) {
        return Err(Error::usage(
            "--sslmode disable would send the IAM token without TLS; a target uses IAM, refused",
        )
        .with_hint("use the default --sslmode verify-full (or require)"));
    }
    Ok(t)
}

/// The service a cache endpoint's host name names.
fn cache_from_host(host: &str) -> Option<config::CacheKind> {
    let h = host.to_ascii_lowercase();
    if h.contains(".memorydb.") && h.ends_with(".amazonaws.com") {
        Some(config::CacheKind::Memorydb)
    } else if h.contains(".serverless.") && h.contains(".cache.amazonaws.com") {
        Some(config::CacheKind::ElasticacheServerless)
    } else if h.contains(".cache.amazonaws.com") {
        Some(config::CacheKind::Elasticache)
    } else {
        None
    }
}

/// `--cache` and `--cache-name`: required with `--engine redis`, refused without it.
fn cache_fields(mut t: Target, a: &AddArgs) -> Result<Target> {
    if t.engine != Some(crate::db::Engine::Redis) {
        if a.cache.is_some() || a.cache_name.is_some() {
            return Err(Error::usage("--cache and --cache-name need --engine redis"));
        }
        return Ok(t);
    }
    let cache = a
        .cache
        .or_else(|| t.host.as_deref().and_then(cache_from_host))
        .ok_or_else(|| {
            Error::usage("a redis target needs --cache")
                .with_hint("pass --cache elasticache, elasticache-serverless or memorydb")
        })?;
    let name = a.cache_name.clone().ok_or_else(|| {
        Error::usage("a redis target needs --cache-name").with_hint(
            "pass the replication group, serverless cache or cluster name the token is signed for",
        )
    })?;
    crate::token::sign::validate_cache_name(&name)?;
    t.cache = Some(cache);
    t.cache_name = Some(name);
    Ok(t)
}

fn add(a: AddArgs, ctx: &Context) -> Result<()> {
    config::validate_name(&a.name)?;
    let t = target_from_args(&a, ctx)?;
    if ctx.target(&a.name).is_some() && !a.force {
        return Err(Error::usage(format!(
            "a target named '{}' exists already in {}",
            a.name,
            ctx.config.path.display()
        ))
        .with_hint("pass --force to replace it, or pick another name"));
    }
    config::save_target(&ctx.config.path, &a.name, &t)?;
    eprintln!(
        "dbiam: target '{}' saved in {}",
        a.name,
        ctx.config.path.display()
    );
    Ok(())
}

fn remove(ctx: &Context, name: &str) -> Result<()> {
    if !config::remove_target(&ctx.config.path, name)? {
        return Err(not_found(ctx, name));
    }
    eprintln!(
        "dbiam: target '{name}' removed from {}",
        ctx.config.path.display()
    );
    Ok(())
}
