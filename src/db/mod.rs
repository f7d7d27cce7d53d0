//! Database connections shared by `sql`, `connect`, `exec` and every engine: the
//! connection flags ([`ConnectionArgs`]), their resolution into [`ConnParams`] (flags,
//! then a URL, then the libpq environment), the password (an IAM token or a typed one),
//! the [`Driver`] trait a runner talks to, and connection errors with their likely cause.

pub mod postgres;
pub mod tls;
pub mod token_cache;

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::commands::Context;
use crate::error::{one_line, Error, Kind, Result};
use crate::output::results::ResultSink;
use crate::secret::Secret;

pub use self::tls::SslMode;

/// Connection flags, flattened into every subcommand that talks to a database.
/// Values come from the flags, then a URL, then `PG*` variables, then defaults.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConnectionArgs {
    /// A connection URL: postgres://USER@HOST:PORT/DBNAME (no password with IAM).
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
    /// Database server port (default 5432) [env: PGPORT].
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
    #[arg(long, value_name = "FILE")]
    pub sslrootcert: Option<PathBuf>,
    /// Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT].
    #[arg(long, value_name = "SECONDS")]
    pub connect_timeout: Option<u64>,
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

/// Parts of a `postgres://` URL.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct UrlParts {
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
    let rest = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
        .ok_or_else(|| {
            Error::usage(format!("'{url}' is not a postgres:// URL"))
                .with_hint("write postgres://USER@HOST:PORT/DBNAME or use -h/-p/-U/-d")
        })?;
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut parts = UrlParts::default();
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
            .ok_or_else(|| {
                Error::usage("no database host given")
                    .with_hint("pass -h HOST, a postgres:// URL, or set PGHOST")
            })?;
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
            .or_else(|| env("USER"))
            .ok_or_else(|| {
                Error::usage("no database user given").with_hint("pass -U USER or set PGUSER")
            })?;
        let dbname = self
            .dbname
            .clone()
            .or(url.dbname)
            .or_else(|| env("PGDATABASE"))
            .unwrap_or_else(|| user.clone());
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
    pub async fn password(&self, ctx: &Context) -> Result<Option<Secret>> {
        match &self.auth {
            Auth::Password(p) => Ok(p.clone()),
            Auth::Iam {
                signing_host,
                signing_port,
            } => {
                let region = ctx.aws.region(Some(signing_host)).await?;
                let keys = ctx.aws.signing_keys().await?;
                let token = crate::token::rds_token(
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
                    token.value.len()
                );
                Ok(Some(token.value))
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

/// One engine's connection, as the statement runner sees it.
#[allow(async_fn_in_trait)]
pub trait Driver {
    /// Run one statement, streaming any rows into `sink`, and calling `sink.complete`.
    async fn execute(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<(), ExecError>;

    /// A handle that asks the server to cancel the running statement.
    fn canceller(&self) -> Box<dyn Canceller>;
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
    match &params.auth {
        Auth::Iam {
            signing_host,
            signing_port,
        } => format!(
            "the IAM token was refused; likely causes: the wrong region (pass --region), expired or \
             wrong AWS credentials (check `aws sts get-caller-identity`), IAM database authentication \
             not enabled on the instance, the user lacking the rds_iam role (GRANT rds_iam TO {}), or \
             a token signed for the wrong endpoint ({signing_host}:{signing_port}; pass --signing-host/--signing-port)",
            params.user
        ),
        Auth::Password(_) => "check the password (PGPASSWORD) and the user name".to_owned(),
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
        assert!(parse_url("mysql://h").is_err());
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
