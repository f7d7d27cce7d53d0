//! Database connections shared by `sql`, `connect`, `exec` and every engine: the
//! connection flags ([`ConnectionArgs`]), their resolution into [`ConnParams`] (flags,
//! then a URL, then the libpq environment), the password (an IAM token or a typed one),
//! the [`Driver`] trait a runner talks to, and connection errors with their likely cause.

pub mod client_env;
pub mod engine;
pub mod mysql;
pub mod postgres;
pub mod redshift;
pub mod tls;
pub mod token_cache;

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use time::OffsetDateTime;

use crate::commands::Context;
use crate::error::{one_line, Error, Kind, Result};
use crate::output::results::ResultSink;
use crate::secret::Secret;

pub use self::engine::{AnyDriver, Engine};
pub use self::tls::SslMode;

/// Connection flags, flattened into every subcommand that talks to a database.
/// Values come from the flags, then a URL, then `PG*` variables, then defaults.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConnectionArgs {
    /// The database engine (default: from the URL scheme, the host name, or the port).
    #[arg(long, value_enum, value_name = "ENGINE")]
    pub engine: Option<Engine>,
    /// A connection URL: postgres://USER@HOST:PORT/DBNAME or mysql://… (no password with IAM).
    /// Or the name of a target from the config file (`dbiam targets list`).
    #[arg(value_name = "URL")]
    pub target: Option<String>,
    /// A connection URL (same as the positional URL).
    #[arg(long, value_name = "URL", conflicts_with = "target")]
    pub url: Option<String>,
    /// Database server host name [env: PGHOST].
    #[arg(short = 'h', long, value_name = "HOST")]
    pub host: Option<String>,
    /// Connect to this IP address instead of resolving --host; TLS still checks --host
    /// (as libpq's hostaddr; for SSH tunnels) [env: PGHOSTADDR].
    #[arg(long, value_name = "IP")]
    pub hostaddr: Option<IpAddr>,
    /// Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT].
    #[arg(short = 'p', long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Option<u16>,
    /// Database user name (default: the OS user) [env: PGUSER].
    #[arg(short = 'U', long, value_name = "USER")]
    pub username: Option<String>,
    /// Database name (default: the user name) [env: PGDATABASE].
    #[arg(short = 'd', long, value_name = "DBNAME")]
    pub dbname: Option<String>,
    /// Sign the IAM token for this host instead of --host (the RDS endpoint behind a
    /// tunnel, proxy or CNAME).
    #[arg(long, value_name = "HOST")]
    pub signing_host: Option<String>,
    /// Sign the IAM token for this port instead of --port.
    #[arg(long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub signing_port: Option<u16>,
    /// Do not use IAM: the password comes from PGPASSWORD or a hidden prompt.
    #[arg(long)]
    pub no_iam: bool,
    /// TLS mode, as libpq (default verify-full) [env: PGSSLMODE].
    #[arg(long, value_enum, value_name = "MODE")]
    pub sslmode: Option<SslMode>,
    /// Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT].
    #[arg(long, visible_alias = "ssl-ca", value_name = "FILE")]
    pub sslrootcert: Option<PathBuf>,
    /// Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT].
    #[arg(long, value_name = "SECONDS")]
    pub connect_timeout: Option<u64>,
    /// Redshift: where the temporary database credentials come from.
    #[command(flatten)]
    pub redshift: redshift::RedshiftArgs,
}

/// How the client authenticates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Auth {
    /// An IAM token minted for `signing_host:signing_port`.
    Iam {
        /// The host name the token is signed for.
        signing_host: String,
        /// The port the token is signed for.
        signing_port: u16,
    },
    /// A password (PGPASSWORD, or asked for on the terminal when the server wants one).
    Password(Option<Secret>),
}

/// Fully resolved connection parameters.
#[derive(Debug, Clone)]
pub struct ConnParams {
    /// The database engine.
    pub engine: Engine,
    /// Redshift credential options (only used with [`Engine::Redshift`]).
    pub redshift: redshift::RedshiftArgs,
    /// Host name (used for TLS verification and, without `hostaddr`, to connect).
    pub host: String,
    /// The address to connect to instead of resolving `host`.
    pub hostaddr: Option<IpAddr>,
    /// Port.
    pub port: u16,
    /// User name.
    pub user: String,
    /// Database name.
    pub dbname: String,
    /// TLS mode.
    pub sslmode: SslMode,
    /// Extra trusted CA file.
    pub sslrootcert: Option<PathBuf>,
    /// How to authenticate.
    pub auth: Auth,
    /// Connect timeout.
    pub connect_timeout: Duration,
}

/// What logging in takes, from [`ConnParams::login`].
#[derive(Debug, Clone)]
pub struct Login {
    /// The parameters to connect with (for Redshift, the user is the one the temporary
    /// credentials are for).
    pub params: ConnParams,
    /// The secret to send (`None`: ask on the terminal if the server wants one).
    pub password: Option<Secret>,
    /// When an IAM token or Redshift password stops being accepted (`None`: a typed
    /// password, or the service did not say).
    pub expires_at: Option<OffsetDateTime>,
    /// How long the secret is accepted from now, as minted (`None`: not known).
    pub lifetime: Option<Duration>,
    /// The region the credentials are for (`None` for typed passwords).
    pub region: Option<String>,
}

/// Parts of a `postgres://` (or `mysql://`) URL.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct UrlParts {
    /// The engine the scheme names (`mysql://`, `mariadb://`), if not PostgreSQL.
    pub engine: Option<Engine>,
    /// `user`
    pub user: Option<String>,
    /// Whether the URL carried a password (`user:password@`).
    pub has_password: bool,
    /// `host`
    pub host: Option<String>,
    /// `port`
    pub port: Option<u16>,
    /// `/dbname`
    pub dbname: Option<String>,
    /// `?sslmode=`
    pub sslmode: Option<SslMode>,
    /// `?sslrootcert=`
    pub sslrootcert: Option<PathBuf>,
}

fn percent_decode(s: &str) -> Result<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| {
                    Error::usage(format!("bad %-escape in connection URL near '{}'", &s[i..]))
                })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map_err(|_| Error::usage("connection URL is not valid UTF-8 once decoded"))
}

/// Parse `postgres://[user[:password]@][host][:port][/dbname][?sslmode=…&sslrootcert=…]`.
pub fn parse_url(url: &str) -> Result<UrlParts> {
    let (scheme_engine, rest) = engine::split_scheme(url).ok_or_else(|| {
        Error::usage(format!("'{url}' is not a postgres:// or mysql:// URL"))
            .with_hint("write postgres://USER@HOST:PORT/DBNAME or use -h/-p/-U/-d")
    })?;
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut parts = UrlParts {
        engine: scheme_engine,
        ..UrlParts::default()
    };
    let hostport = match authority.rsplit_once('@') {
        Some((userinfo, hostport)) => {
            let (user, password) = match userinfo.split_once(':') {
                Some((u, p)) => (u, Some(p)),
                None => (userinfo, None),
            };
            parts.has_password = password.is_some();
            if !user.is_empty() {
                parts.user = Some(percent_decode(user)?);
            }
            hostport
        }
        None => authority,
    };
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        let (h, after) = v6
            .split_once(']')
            .ok_or_else(|| Error::usage(format!("bad IPv6 host in '{url}'")))?;
        (h.to_owned(), after.strip_prefix(':'))
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (percent_decode(h)?, Some(p)),
            None => (percent_decode(hostport)?, None),
        }
    };
    if !host.is_empty() {
        parts.host = Some(host);
    }
    if let Some(p) = port.filter(|p| !p.is_empty()) {
        parts.port = Some(
            p.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| Error::usage(format!("bad port '{p}' in connection URL")))?,
        );
    }
    if !path.is_empty() {
        parts.dbname = Some(percent_decode(path)?);
    }
    for pair in query.split('&').filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v)?;
        match k {
            "sslmode" => {
                parts.sslmode = Some(
                    <SslMode as clap::ValueEnum>::from_str(&v, false).map_err(|_| {
                        Error::usage(format!("bad sslmode '{v}' in connection URL"))
                    })?,
                )
            }
            "sslrootcert" => parts.sslrootcert = Some(PathBuf::from(v)),
            "password" => parts.has_password = true,
            // Other libpq parameters (application_name, connect_timeout, …) are ignored.
            _ => crate::debug!("ignoring URL parameter {k}"),
        }
    }
    Ok(parts)
}

/// Where the process environment is read (a function so tests can substitute it).
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl ConnectionArgs {
    /// When the positional TARGET is a name (no `://`), look it up in the config file,
    /// fill every connection flag that was not given from it, and return it. Flags win
    /// over the target; the target wins over the environment.
    pub fn apply_target(
        &mut self,
        config: &crate::config::Loaded,
    ) -> Result<Option<crate::config::Target>> {
        let Some(name) = self.target.clone().filter(|t| !t.contains("://")) else {
            return Ok(None);
        };
        let t = config.config.targets.get(&name).cloned().ok_or_else(|| {
            Error::usage(format!(
                "no target named '{name}' in {}",
                config.path.display()
            ))
            .with_hint("see `dbiam targets list`, or give a postgres:// or mysql:// URL")
        })?;
        crate::debug!("using target '{name}' from {}", config.path.display());
        self.target = None;
        self.engine = self.engine.or(t.engine);
        self.host = self.host.take().or_else(|| t.host.clone());
        self.port = self.port.or(t.port);
        self.username = self.username.take().or_else(|| t.user.clone());
        self.dbname = self.dbname.take().or_else(|| t.database.clone());
        self.signing_host = self.signing_host.take().or_else(|| t.signing_host.clone());
        self.signing_port = self.signing_port.or(t.signing_port);
        self.sslmode = self.sslmode.or(t.sslmode);
        self.sslrootcert = self.sslrootcert.take().or_else(|| t.sslrootcert.clone());
        Ok(Some(t))
    }

    /// Resolve the flags against the process environment; `default_port` is the engine's.
    pub fn resolve(&self, default_port: u16) -> Result<ConnParams> {
        self.resolve_with(default_port, &process_env)
    }

    /// Resolve against a given environment: flags, then the URL, then `PG*`, then defaults.
    pub fn resolve_with(&self, default_port: u16, env: EnvLookup<'_>) -> Result<ConnParams> {
        let url = match self.target.as_deref().or(self.url.as_deref()) {
            Some(u) => parse_url(u)?,
            None => UrlParts::default(),
        };
        let engine = engine::infer(self, &url, env);
        if engine != Engine::Redshift {
            self.redshift.check_unused()?;
        }
        let env = |name: &str| engine.env_name(name).and_then(env);
        let default_port = match engine {
            Engine::Postgres => default_port,
            other => other.default_port(),
        };
        let iam = !self.no_iam;
        if iam && url.has_password {
            return Err(Error::usage(
                "the connection URL carries a password, but IAM auth mints the password",
            )
            .with_hint("remove the password from the URL, or pass --no-iam"));
        }
        let host = self
            .host
            .clone()
            .or(url.host)
            .or_else(|| env("PGHOST"))
            .ok_or_else(|| Error::usage("no database host given").with_hint(engine.host_hint()))?;
        if host.starts_with('/') {
            return Err(Error::usage(format!(
                "'{host}' is a Unix socket directory; dbiam connects over TCP only"
            ))
            .with_hint("pass a host name"));
        }
        let hostaddr = match self.hostaddr {
            Some(a) => Some(a),
            None => env("PGHOSTADDR")
                .map(|a| {
                    a.parse()
                        .map_err(|_| Error::usage(format!("PGHOSTADDR '{a}' is not an IP address")))
                })
                .transpose()?,
        };
        let port =
            match self.port.or(url.port) {
                Some(p) => p,
                None => match env("PGPORT") {
                    Some(p) => p.parse::<u16>().ok().filter(|p| *p > 0).ok_or_else(|| {
                        Error::usage(format!("PGPORT '{p}' is not a port number"))
                    })?,
                    None => default_port,
                },
            };
        let user = self
            .username
            .clone()
            .or(url.user)
            .or_else(|| env("PGUSER"))
            .or_else(|| {
                self.redshift
                    .db_user
                    .clone()
                    .filter(|_| engine == Engine::Redshift)
            })
            .or_else(|| (engine == Engine::Dsql).then(|| "admin".to_owned()))
            .or_else(|| env("USER"))
            // Redshift with IAM: the credentials name the user.
            .or_else(|| (engine == Engine::Redshift && iam).then(String::new))
            .ok_or_else(|| {
                Error::usage("no database user given").with_hint(match engine {
                    Engine::MySql => "pass -U USER or a mysql://USER@HOST URL",
                    _ => "pass -U USER or set PGUSER",
                })
            })?;
        let dbname = self
            .dbname
            .clone()
            .or(url.dbname)
            .or_else(|| env("PGDATABASE"))
            .unwrap_or_else(|| match engine {
                Engine::Postgres => user.clone(),
                Engine::MySql => String::new(),
                Engine::Redshift => "dev".to_owned(),
                Engine::Dsql => "postgres".to_owned(),
            });
        let sslmode = match self.sslmode.or(url.sslmode) {
            Some(m) => m,
            None => match env("PGSSLMODE") {
                Some(m) => <SslMode as clap::ValueEnum>::from_str(&m, false)
                    .map_err(|_| Error::usage(format!("PGSSLMODE '{m}' is not an sslmode")))?,
                None => SslMode::VerifyFull,
            },
        };
        let sslrootcert = self
            .sslrootcert
            .clone()
            .or(url.sslrootcert)
            .or_else(|| env("PGSSLROOTCERT").map(PathBuf::from));
        let connect_timeout = match self.connect_timeout {
            Some(s) => s,
            None => match env("PGCONNECT_TIMEOUT") {
                Some(s) => s.parse().map_err(|_| {
                    Error::usage(format!(
                        "PGCONNECT_TIMEOUT '{s}' is not a number of seconds"
                    ))
                })?,
                None => 30,
            },
        };
        let auth = if iam {
            if sslmode == SslMode::Disable {
                return Err(Error::usage(
                    "--sslmode disable would send the IAM token without TLS; refused",
                )
                .with_hint("use the default --sslmode verify-full (or require), or --no-iam"));
            }
            Auth::Iam {
                signing_host: self.signing_host.clone().unwrap_or_else(|| host.clone()),
                signing_port: self.signing_port.unwrap_or(port),
            }
        } else {
            if self.signing_host.is_some() || self.signing_port.is_some() {
                return Err(
                    Error::usage("--signing-host/--signing-port only apply with IAM auth")
                        .with_hint("drop --no-iam or the signing flags"),
                );
            }
            Auth::Password(env("PGPASSWORD").map(Secret::new))
        };
        Ok(ConnParams {
            engine,
            redshift: self.redshift.clone(),
            host,
            hostaddr,
            port,
            user,
            dbname,
            sslmode,
            sslrootcert,
            auth,
            connect_timeout: Duration::from_secs(connect_timeout.max(1)),
        })
    }
}

impl ConnParams {
    /// The sslmode actually used: with IAM, `allow` and `prefer` become `require`
    /// (TLS is mandatory; a token never travels in clear).
    pub fn effective_sslmode(&self) -> SslMode {
        match (&self.auth, self.sslmode) {
            (Auth::Iam { .. }, SslMode::Allow | SslMode::Prefer) => SslMode::Require,
            (_, SslMode::Allow) => SslMode::Prefer,
            (_, m) => m,
        }
    }

    /// The password to send: a fresh IAM token, PGPASSWORD, or `None` (ask when needed).
    /// (For Redshift the credentials also name the user: use [`ConnParams::login`].)
    pub async fn password(&self, ctx: &Context) -> Result<Option<Secret>> {
        Ok(self.login(ctx).await?.password)
    }

    /// Get what logging in needs: a fresh IAM token (RDS or DSQL), Redshift's temporary
    /// credentials (whose user, `IAM:alice`, replaces ours), or the typed password.
    pub async fn login(&self, ctx: &Context) -> Result<Login> {
        let token = |token: crate::token::Token, region: String| Login {
            params: self.clone(),
            expires_at: Some(token.expires_at()),
            lifetime: Some(Duration::from_secs(token.expires_in)),
            password: Some(token.value),
            region: Some(region),
        };
        match (&self.auth, self.engine) {
            (Auth::Password(p), _) => Ok(Login {
                params: self.clone(),
                password: p.clone(),
                expires_at: None,
                lifetime: None,
                region: None,
            }),
            (Auth::Iam { .. }, Engine::Redshift) => {
                let target = redshift::Target {
                    host: Some(&self.host),
                    user: Some(&self.user),
                    dbname: Some(&self.dbname),
                };
                let creds = redshift::credentials(&self.redshift, target, ctx).await?;
                let expires_at = creds.expiration.as_deref().and_then(|t| {
                    OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339).ok()
                });
                let mut params = self.clone();
                params.user = creds.user;
                Ok(Login {
                    params,
                    password: Some(creds.password),
                    lifetime: expires_at.map(|at| {
                        Duration::try_from(at - crate::aws::now()).unwrap_or(Duration::ZERO)
                    }),
                    expires_at,
                    region: Some(creds.region),
                })
            }
            (Auth::Iam { signing_host, .. }, Engine::Dsql) => {
                let region = ctx.aws.region(Some(signing_host)).await?;
                let keys = ctx.aws.signing_keys().await?;
                let action = if self.user == "admin" {
                    crate::token::DsqlAction::ConnectAdmin
                } else {
                    crate::token::DsqlAction::Connect
                };
                let t = crate::token::dsql_token(
                    signing_host,
                    &region,
                    action,
                    900,
                    &keys,
                    ctx.signing_time(),
                )?;
                crate::debug!(
                    "minted a DSQL token ({action:?}) for {signing_host} in {region} ({} bytes)",
                    t.value.len()
                );
                Ok(token(t, region))
            }
            (
                Auth::Iam {
                    signing_host,
                    signing_port,
                },
                Engine::Postgres | Engine::MySql,
            ) => {
                let region = ctx.aws.region(Some(signing_host)).await?;
                let keys = ctx.aws.signing_keys().await?;
                let t = crate::token::rds_token(
                    signing_host,
                    *signing_port,
                    &self.user,
                    &region,
                    &keys,
                    ctx.signing_time(),
                )?;
                crate::debug!(
                    "minted an IAM token for {}@{signing_host}:{signing_port} in {region} ({} bytes)",
                    self.user,
                    t.value.len()
                );
                Ok(token(t, region))
            }
        }
    }

    /// `user@host:port/dbname`, for messages.
    pub fn describe(&self) -> String {
        format!("{}@{}:{}/{}", self.user, self.host, self.port, self.dbname)
    }

    /// Whether the password is an IAM token.
    pub fn is_iam(&self) -> bool {
        matches!(self.auth, Auth::Iam { .. })
    }
}

/// Ask for a password on the terminal without echo (as psql does).
pub fn prompt_password(user: &str) -> Result<Secret> {
    rpassword::prompt_password(format!("Password for user {user}: "))
        .map(Secret::new)
        .map_err(|e| {
            Error::new(
                Kind::Connection,
                format!("the server asks for a password and none could be read: {e}"),
            )
            .with_hint("set PGPASSWORD, or drop --no-iam to use an IAM token")
        })
}

/// An error reported by the server for a statement (PostgreSQL's ErrorResponse fields).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServerError {
    /// `ERROR`, `FATAL`, …
    pub severity: String,
    /// SQLSTATE.
    pub code: String,
    /// Primary message.
    pub message: String,
    /// DETAIL.
    pub detail: Option<String>,
    /// HINT.
    pub hint: Option<String>,
    /// 1-based character position in the statement.
    pub position: Option<u32>,
    /// CONTEXT: where it happened (`COPY t, line 2`, a PL/pgSQL call stack).
    pub context: Option<String>,
    /// An error in a query the server ran internally (in a PL/pgSQL function): the
    /// 1-based position in that query, and the query (psql's `QUERY:` line).
    pub internal: Option<(u32, String)>,
}

/// Why a statement did not complete.
#[derive(Debug)]
pub enum ExecError {
    /// The server rejected the statement; the session goes on.
    Server(ServerError),
    /// The connection broke (exit 2, as psql).
    Connection(Error),
    /// Writing the results failed (a closed stdout, a full disk).
    Output(std::io::Error),
}

/// How a statement run by [`Driver::run`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It completed.
    Done,
    /// The server started a `COPY … FROM STDIN` and waits for its data
    /// ([`Driver::copy_data`], then [`Driver::copy_end`]).
    CopyIn,
}

/// One engine's connection, as the statement runner sees it.
#[allow(async_fn_in_trait)]
pub trait Driver {
    /// Run one statement, streaming any rows into `sink`, and calling `sink.complete`.
    async fn execute(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<(), ExecError>;

    /// Run one statement of a script, as [`Driver::execute`], except that when the
    /// server answers with a `COPY … FROM STDIN` the copy stays open for the script's
    /// data ([`Outcome::CopyIn`]).
    async fn run(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<Outcome, ExecError> {
        self.execute(sql, sink).await.map(|()| Outcome::Done)
    }

    /// A handle that asks the server to cancel the running statement.
    fn canceller(&self) -> Box<dyn Canceller>;

    /// Which client's rules split scripts for this engine (psql's by default).
    fn dialect(&self) -> crate::sql::split::Dialect {
        crate::sql::split::Dialect::Postgres
    }

    /// The server's `standard_conforming_strings` as it last reported it (whether a
    /// backslash in `'…'` is a plain character): psql's lexer follows it, and so does
    /// the splitter.
    fn standard_conforming_strings(&self) -> bool {
        true
    }

    /// `COPY … FROM STDIN`: send the statement; the server then takes the data
    /// ([`Driver::copy_data`]) until [`Driver::copy_end`]. Refused by engines without it.
    async fn copy_start(&mut self, sql: &str) -> Result<(), ExecError> {
        let _ = sql;
        Err(ExecError::Server(ServerError {
            severity: "ERROR".into(),
            code: "0A000".into(),
            message: "COPY … FROM STDIN is not supported for this engine".into(),
            ..ServerError::default()
        }))
    }

    /// Send COPY data (whole lines, as the script holds them).
    async fn copy_data(&mut self, data: Vec<u8>) -> Result<(), ExecError> {
        let _ = data;
        Ok(())
    }

    /// End the COPY data and complete `sink` with the server's tag (`COPY 3`).
    async fn copy_end(&mut self, sink: &mut dyn ResultSink) -> Result<(), ExecError> {
        let _ = sink;
        Ok(())
    }

    /// Abandon a COPY in progress (the server rolls it back).
    fn copy_abort(&mut self) {}
}

/// Cancels the statement running on a connection (Ctrl-C).
pub trait Canceller: Send {
    /// Send the cancel request; errors are ignored by callers (best effort, as psql).
    fn cancel(
        &self,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send + '_>>;
}

/// A connection failure as one line with the likely cause.
pub fn connection_error(params: &ConnParams, what: &str, hint: &str) -> Error {
    Error::new(
        Kind::Connection,
        format!(
            "cannot connect to {}: {}",
            params.describe(),
            one_line(what)
        ),
    )
    .with_hint(hint)
}

/// The hint for a rejected password: with IAM the usual suspects, ranked.
pub fn auth_failure_hint(params: &ConnParams) -> String {
    match (&params.auth, params.engine) {
        (Auth::Iam { .. }, Engine::MySql) => format!(
            "the IAM token was refused; likely causes: the wrong region (pass --region), expired or \
             wrong AWS credentials, IAM database authentication not enabled on the instance, the user \
             not created WITH AWSAuthenticationPlugin AS 'RDS' ({}), or a token signed for the wrong \
             endpoint (pass --signing-host/--signing-port)",
            params.user
        ),
        (Auth::Iam { .. }, Engine::Redshift) => "the temporary Redshift credentials were refused; \
             check that the cluster or workgroup (--cluster-id/--workgroup) is the one you connect to, \
             and the database user's permissions"
            .to_owned(),
        (Auth::Iam { .. }, Engine::Dsql) => format!(
            "the DSQL token was refused; likely causes: the wrong region (pass --region), expired or \
             wrong AWS credentials, a missing dsql:DbConnect{} permission, or a role not mapped to \
             your IAM identity (AWS IAM GRANT)",
            if params.user == "admin" { "Admin" } else { "" }
        ),
        (
            Auth::Iam {
                signing_host,
                signing_port,
            },
            _,
        ) => format!(
            "the IAM token was refused; likely causes: the wrong region (pass --region), expired or \
             wrong AWS credentials (check `aws sts get-caller-identity`), IAM database authentication \
             not enabled on the instance, the user lacking the rds_iam role (GRANT rds_iam TO {}), or \
             a token signed for the wrong endpoint ({signing_host}:{signing_port}; pass --signing-host/--signing-port)",
            params.user
        ),
        (Auth::Password(_), Engine::MySql) => {
            "check the password (MYSQL_PWD) and the user name".to_owned()
        }
        (Auth::Password(_), _) => "check the password (PGPASSWORD) and the user name".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn resolve(args: &ConnectionArgs, env: &[(&str, &str)]) -> Result<ConnParams> {
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        args.resolve_with(5432, &|k| env.get(k).cloned())
    }

    #[test]
    fn url_parts() {
        let p = parse_url("postgres://jane%40x@db.example.com:6543/app?sslmode=verify-ca").unwrap();
        assert_eq!(p.user.as_deref(), Some("jane@x"));
        assert_eq!(p.host.as_deref(), Some("db.example.com"));
        assert_eq!(p.port, Some(6543));
        assert_eq!(p.dbname.as_deref(), Some("app"));
        assert_eq!(p.sslmode, Some(SslMode::VerifyCa));
        assert!(!p.has_password);
        assert!(parse_url("postgresql://u:pw@h/d").unwrap().has_password);
        assert_eq!(
            parse_url("postgres://[::1]:5/d").unwrap().host.as_deref(),
            Some("::1")
        );
        assert!(parse_url("ftp://h").is_err());
        assert_eq!(parse_url("mysql://h").unwrap().engine, Some(Engine::MySql));
        assert!(parse_url("postgres://h:99999/d").is_err());
    }

    #[test]
    fn flags_beat_url_beat_environment() {
        let args = ConnectionArgs {
            target: Some("postgres://urluser@urlhost/urldb".into()),
            port: Some(7000),
            ..Default::default()
        };
        let p = resolve(
            &args,
            &[
                ("PGHOST", "envhost"),
                ("PGPORT", "1"),
                ("PGDATABASE", "envdb"),
            ],
        )
        .unwrap();
        assert_eq!(
            (p.host.as_str(), p.port, p.user.as_str(), p.dbname.as_str()),
            ("urlhost", 7000, "urluser", "urldb")
        );
        let p = resolve(
            &ConnectionArgs::default(),
            &[("PGHOST", "h"), ("PGUSER", "u"), ("PGPORT", "6000")],
        )
        .unwrap();
        assert_eq!(
            (p.host.as_str(), p.port, p.dbname.as_str()),
            ("h", 6000, "u")
        );
        assert_eq!(p.sslmode, SslMode::VerifyFull);
        assert_eq!(
            p.auth,
            Auth::Iam {
                signing_host: "h".into(),
                signing_port: 6000
            }
        );
    }

    #[test]
    fn iam_refuses_plaintext_and_url_passwords() {
        let args = ConnectionArgs {
            host: Some("h".into()),
            username: Some("u".into()),
            sslmode: Some(SslMode::Disable),
            ..Default::default()
        };
        let e = resolve(&args, &[]).unwrap_err();
        assert_eq!(e.exit_code().code(), 2);
        assert!(e.to_string().contains("without TLS"), "{e}");
        let e = resolve(
            &ConnectionArgs {
                target: Some("postgres://u:pw@h/d".into()),
                ..Default::default()
            },
            &[],
        )
        .unwrap_err();
        assert!(e.to_string().contains("password"), "{e}");
        let p = resolve(
            &ConnectionArgs {
                no_iam: true,
                ..args
            },
            &[("PGPASSWORD", "pw")],
        )
        .unwrap();
        assert_eq!(p.effective_sslmode(), SslMode::Disable);
        assert_eq!(p.auth, Auth::Password(Some(Secret::new("pw"))));
    }

    #[test]
    fn iam_turns_prefer_into_require() {
        let args = ConnectionArgs {
            host: Some("h".into()),
            username: Some("u".into()),
            sslmode: Some(SslMode::Prefer),
            ..Default::default()
        };
        assert_eq!(
            resolve(&args, &[]).unwrap().effective_sslmode(),
            SslMode::Require
        );
        let args = ConnectionArgs {
            no_iam: true,
            sslmode: Some(SslMode::Allow),
            ..args
        };
        assert_eq!(
            resolve(&args, &[]).unwrap().effective_sslmode(),
            SslMode::Prefer
        );
    }

    #[test]
    fn signing_host_and_port_override() {
        let args = ConnectionArgs {
            host: Some("localhost".into()),
            username: Some("u".into()),
            signing_host: Some("db.abc.eu-west-1.rds.amazonaws.com".into()),
            signing_port: Some(5432),
            port: Some(15432),
            ..Default::default()
        };
        let p = resolve(&args, &[]).unwrap();
        assert_eq!(
            p.auth,
            Auth::Iam {
                signing_host: "db.abc.eu-west-1.rds.amazonaws.com".into(),
                signing_port: 5432
            }
        );
    }
}
