//! `dbiam proxy`: a local IAM proxy. Wires the connection flags (shared with `dbiam
//! sql`; several targets, one listener each), the listen addresses, the local password
//! and the log format to [`crate::proxy`]; supplies the upstream login (the credential
//! chain and the shared token cache) and prints how to connect.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::ArgAction;

use super::Context;
use crate::db::token_cache::TokenCache;
use crate::db::{ConnParams, ConnectionArgs, Login};
use crate::error::{Error, Result};
use crate::output::Format;
use crate::proxy::local_auth::{default_password_file, load_or_create_password};
use crate::proxy::{
    self, LocalAuth, LogFormat, LoginFuture, LoginSource, Service, Settings, Upstream, Wire,
};

/// `dbiam proxy` flags (`-h` is the host, as in psql; help is `--help`).
#[derive(Debug, clap::Args)]
#[command(disable_help_flag = true)]
pub struct Args {
    /// Where to connect and how to authenticate (the first target).
    #[command(flatten)]
    pub conn: ConnectionArgs,
    /// More targets (names or URLs): one listener each.
    #[arg(value_name = "TARGET")]
    pub more_targets: Vec<String>,
    /// Listen on HOST:PORT (repeatable: one per target, in order). Default: the target's
    /// `proxy_port` on 127.0.0.1, else a free port (printed).
    #[arg(long, value_name = "HOST:PORT")]
    pub listen: Vec<String>,
    /// Allow a non-loopback --listen address (needs a local password; not with --trust).
    #[arg(long)]
    pub allow_remote: bool,
    /// Also listen on a Unix socket in DIR (PostgreSQL clients: `host=DIR`; mode 0700
    /// directory, 0600 socket).
    #[arg(long, value_name = "DIR")]
    pub socket: Option<PathBuf>,
    /// The local password file (created with a random password when missing; must not be
    /// readable by group or others). Default: one per target in dbiam's state directory.
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Print the local password of TARGET (a name or URL) and exit.
    #[arg(long, value_name = "TARGET")]
    pub print_password: Option<String>,
    /// Accept any local password (loopback only; for single-user machines).
    #[arg(long, conflicts_with = "password_file")]
    pub trust: bool,
    /// The per-connection log line on stderr.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// After Ctrl-C or SIGTERM, let open sessions finish for this long before closing them.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub drain_timeout: u64,
    /// Drop a client that has not logged in after this long.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub client_timeout: u64,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
}

/// The upstream login of one listener: the credential chain (re-resolved when it fails
/// or expires, so a new `dbiam login` is picked up without a restart) and the shared
/// token cache (one token for many connections).
struct CommandLogin {
    base: Arc<Context>,
    conn: ConnectionArgs,
    params: ConnParams,
    cache: Arc<TokenCache>,
    ctx: tokio::sync::Mutex<Option<Arc<Context>>>,
}

impl CommandLogin {
    /// A context with live credentials: the current one, or a fresh one when the
    /// credentials expire within a minute or failed before.
    async fn context(&self) -> Result<Arc<Context>> {
        let mut slot = self.ctx.lock().await;
        let iam = self.params.is_iam();
        if let Some(c) = slot.as_ref().filter(|_| !iam) {
            return Ok(c.clone());
        }
        if let Some(c) = slot.as_ref() {
            let soon = crate::aws::now() + time::Duration::minutes(1);
            if let Ok(creds) = c.aws.credentials().await {
                if creds.expires_at.is_none_or(|t| t > soon) {
                    return Ok(c.clone());
                }
            }
        }
        *slot = None;
        let c = Arc::new(self.base.connection(&self.conn).await?.0);
        if iam {
            c.aws.credentials().await?;
        }
        *slot = Some(c.clone());
        Ok(c)
    }

    async fn login_now(&self) -> Result<Login> {
        let ctx = self.context().await?;
        self.cache
            .login(&self.params, ctx.as_ref())
            .await
            .inspect_err(|_| {
                if let Ok(mut slot) = self.ctx.try_lock() {
                    *slot = None;
                }
            })
    }
}

impl LoginSource for CommandLogin {
    fn login(&self) -> LoginFuture<'_> {
        Box::pin(self.login_now())
    }

    fn forget(&self) {
        self.cache.clear();
    }
}

/// One listener's plan, resolved before anything is bound.
struct Plan {
    name: String,
    params: ConnParams,
    conn: ConnectionArgs,
    listen: SocketAddr,
}

fn parse_listen(s: &str) -> Result<SocketAddr> {
    let bad = || {
        Error::usage(format!("--listen '{s}' is not HOST:PORT"))
            .with_hint("write --listen 127.0.0.1:15432 (or a port alone)")
    };
    if let Ok(port) = s.parse::<u16>() {
        return Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port));
    }
    if let Ok(a) = s.parse::<SocketAddr>() {
        return Ok(a);
    }
    let (host, port) = s.rsplit_once(':').ok_or_else(bad)?;
    let port: u16 = port.parse().map_err(|_| bad())?;
    match host {
        "localhost" | "" => Ok(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port)),
        h => h
            .parse::<IpAddr>()
            .map(|ip| SocketAddr::new(ip, port))
            .map_err(|_| bad()),
    }
}

/// Percent-encode a URL component (RFC 3986 unreserved characters stay).
fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A libpq connection-string value, quoted when needed.
fn libpq_value(s: &str) -> String {
    if !s.is_empty() && !s.contains([' ', '\'', '\\']) {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// How to connect to one listener (the start-up output).
#[derive(Debug, serde::Serialize)]
struct ConnectInfo {
    target: String,
    engine: String,
    listen: String,
    host: String,
    port: u16,
    user: String,
    database: String,
    upstream: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    libpq: Option<String>,
    url: String,
    jdbc: String,
    password_file: Option<String>,
    trust: bool,
    socket: Option<String>,
}

fn connect_info(b: &proxy::Bound) -> ConnectInfo {
    let s = &b.service;
    let p = s.upstream.params();
    let host = match b.addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    let port = b.addr.port();
    let (user, db) = (p.user.clone(), p.dbname.clone());
    let (libpq, url, jdbc) = match s.wire {
        Wire::Postgres => (
            Some(format!(
                "host={} port={port} user={} dbname={} sslmode=disable",
                b.addr.ip(),
                libpq_value(&user),
                libpq_value(&db)
            )),
            format!(
                "postgresql://{}@{host}:{port}/{}?sslmode=disable",
                url_escape(&user),
                url_escape(&db)
            ),
            format!(
                "jdbc:postgresql://{host}:{port}/{}?user={}&sslmode=disable",
                url_escape(&db),
                url_escape(&user)
            ),
        ),
        Wire::MySql => (
            None,
            format!(
                "mysql://{}@{host}:{port}/{}",
                url_escape(&user),
                url_escape(&db)
            ),
            format!(
                "jdbc:mariadb://{host}:{port}/{}?user={}",
                url_escape(&db),
                url_escape(&user)
            ),
        ),
    };
    ConnectInfo {
        target: s.name.clone(),
        engine: crate::config::enum_name(&p.engine),
        listen: b.addr.to_string(),
        host: b.addr.ip().to_string(),
        port,
        user,
        database: db,
        upstream: s.upstream.describe(),
        libpq,
        url,
        jdbc,
        password_file: s.auth.password_file().map(|f| f.display().to_string()),
        trust: s.auth.is_trust(),
        socket: b.socket_path().map(|p| p.display().to_string()),
    }
}

fn print_info(infos: &[ConnectInfo], json: bool) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if json {
        let v = serde_json::json!({ "listeners": infos });
        writeln!(out, "{v}").map_err(super::write_err)?;
    } else {
        for i in infos {
            writeln!(
                out,
                "dbiam proxy: {} ({}) on {} -> {} as {}",
                i.target, i.engine, i.listen, i.upstream, i.user
            )
            .map_err(super::write_err)?;
            if let Some(l) = &i.libpq {
                writeln!(out, "  libpq:    {l}").map_err(super::write_err)?;
            }
            writeln!(out, "  URL:      {}", i.url).map_err(super::write_err)?;
            writeln!(out, "  JDBC:     {}", i.jdbc).map_err(super::write_err)?;
            // A listener without a target name is named `user@host:port/db`: give it back
            // as a URL (target names cannot contain '@').
            let which = if i.target.contains('@') {
                let scheme = if i.engine == "mysql" {
                    "mysql"
                } else {
                    "postgres"
                };
                format!("{scheme}://{}", i.target)
            } else {
                i.target.clone()
            };
            match &i.password_file {
                Some(f) => writeln!(
                    out,
                    "  password: in {f} (dbiam proxy --print-password {which})"
                ),
                None => writeln!(out, "  password: any (--trust)"),
            }
            .map_err(super::write_err)?;
            if let Some(s) = &i.socket {
                writeln!(out, "  socket:   {s}").map_err(super::write_err)?;
            }
        }
    }
    out.flush().map_err(super::write_err)
}

/// The listener name (the target's name, else `user@host:port/db`) and the resolved
/// parameters of one target.
fn resolve_target(conn: &ConnectionArgs, ctx: &Context) -> Result<(String, ConnParams)> {
    let named = conn.target.clone().filter(|t| !t.contains("://"));
    let params = ctx.params(conn)?;
    let name = named.unwrap_or_else(|| params.describe());
    Ok((name, params))
}

/// Stop on Ctrl-C or SIGTERM.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Run `dbiam proxy`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    if let Some(which) = &args.print_password {
        return print_password(which, args.password_file.as_ref(), ctx);
    }
    let mut targets: Vec<Option<String>> = vec![args.conn.target.clone().or(args.conn.url.clone())];
    targets.extend(args.more_targets.iter().cloned().map(Some));
    let mut plans = Vec::new();
    for (i, target) in targets.iter().enumerate() {
        let mut conn = args.conn.clone();
        conn.url = None;
        conn.target = target.clone();
        let original = conn.clone();
        let (name, params) = resolve_target(&conn, ctx)?;
        let proxy_port = ctx.target(&name).and_then(|t| t.proxy_port);
        let listen = match args.listen.get(i) {
            Some(l) => parse_listen(l)?,
            None => SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), proxy_port.unwrap_or(0)),
        };
        plans.push(Plan {
            name,
            params,
            conn: original,
            listen,
        });
    }
    if args.listen.len() > plans.len() {
        return Err(Error::usage(format!(
            "{} --listen addresses for {} target(s)",
            args.listen.len(),
            plans.len()
        ))
        .with_hint("give one --listen per target, in the same order"));
    }

    if args.password_file.is_some() && plans.len() > 1 {
        return Err(Error::usage("--password-file applies to one target")
            .with_hint("start one proxy per target, or use the per-target default files"));
    }

    let base = Arc::new(Context::new(&ctx.flags)?);
    let cache = Arc::new(TokenCache::new());
    let settings = Settings {
        client_timeout: Duration::from_secs(args.client_timeout),
        drain_timeout: Duration::from_secs(args.drain_timeout),
        log_format: args.log_format,
    };
    let mut bound = Vec::new();
    for plan in plans {
        let wire = Wire::of(plan.params.engine).ok_or_else(|| {
            Error::usage(format!(
                "{}: dbiam proxy does not proxy ElastiCache or MemoryDB",
                plan.name
            ))
            .with_hint("use `dbiam exec TARGET -- redis-cli` or `dbiam token TARGET`")
        })?;
        let remote = !plan.listen.ip().is_loopback();
        if remote && (!args.allow_remote || args.trust) {
            return Err(Error::usage(format!(
                "refusing to listen on {}: not a loopback address",
                plan.listen
            ))
            .with_hint(if args.trust {
                "--trust is for loopback only; drop it and use the local password"
            } else {
                "listen on 127.0.0.1, or pass --allow-remote (clients then need the local password)"
            }));
        }
        let user = Some(plan.params.user.clone()).filter(|u| !u.is_empty());
        let auth = if args.trust {
            LocalAuth::trust(user)
        } else {
            let file = match &args.password_file {
                Some(f) => f.clone(),
                None => default_password_file(&plan.name)?,
            };
            let (secret, created) = load_or_create_password(&file)?;
            if created {
                eprintln!(
                    "dbiam proxy: made a new local password for {} in {}",
                    plan.name,
                    file.display()
                );
            }
            LocalAuth::password(user, secret, file)?
        };
        let source = Arc::new(CommandLogin {
            base: base.clone(),
            conn: plan.conn,
            params: plan.params.clone(),
            cache: cache.clone(),
            ctx: tokio::sync::Mutex::new(None),
        });
        let service = Service {
            name: plan.name,
            wire,
            auth,
            upstream: Upstream::new(plan.params, source)?,
            settings: settings.clone(),
            cancel_keys: Default::default(),
        };
        let socket = args.socket.as_deref().filter(|_| wire == Wire::Postgres);
        bound.push(proxy::bind(service, plan.listen, socket).await?);
    }
    for listen in bound
        .iter()
        .map(|b| b.addr)
        .filter(|a| !a.ip().is_loopback())
    {
        eprintln!(
            "dbiam proxy: WARNING: --allow-remote: {listen} accepts clients from other machines (with the local password; their sessions are not encrypted on that leg)"
        );
    }
    if args.trust {
        eprintln!(
            "dbiam proxy: WARNING: --trust: every local user and process can use these databases without a password"
        );
    }
    let infos: Vec<ConnectInfo> = bound.iter().map(connect_info).collect();
    print_info(
        &infos,
        matches!(ctx.format, Some(Format::Json | Format::Ndjson)),
    )?;
    proxy::serve(bound, settings.drain_timeout, stop_signal()).await
}

/// `--print-password TARGET`: the local password of TARGET (a name or URL; its file is
/// created when missing, so a client can be set up before the proxy starts).
fn print_password(which: &str, file: Option<&PathBuf>, ctx: &Context) -> Result<()> {
    let file = match file {
        Some(f) => f.clone(),
        None => {
            let conn = ConnectionArgs {
                target: Some(which.to_owned()),
                ..ConnectionArgs::default()
            };
            default_password_file(&resolve_target(&conn, ctx)?.0)?
        }
    };
    let (secret, _) = load_or_create_password(&file)?;
    println!("{}", secret.expose());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_addresses() {
        assert_eq!(parse_listen("6432").unwrap().to_string(), "127.0.0.1:6432");
        assert_eq!(
            parse_listen("localhost:1").unwrap().to_string(),
            "127.0.0.1:1"
        );
        assert_eq!(parse_listen("[::1]:5").unwrap().to_string(), "[::1]:5");
        assert!(parse_listen("0.0.0.0:5").unwrap().ip().is_unspecified());
        assert!(parse_listen("nohost").is_err());
    }

    #[test]
    fn escaping_for_urls_and_libpq() {
        assert_eq!(url_escape("IAM:alice"), "IAM%3Aalice");
        assert_eq!(libpq_value("a b"), "'a b'");
        assert_eq!(libpq_value("app"), "app");
    }
}
