//! Resolving the connection flags into [`ConnParams`]: the flags, then a URL, then the
//! engine's environment variables (`PG*`, `MYSQL_*`), then each engine's defaults; and
//! how the client authenticates ([`Auth`]). Named targets are filled in above this, by
//! the command layer's resolver.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::url::{parse_url, UrlParts};
use super::{engine, redshift, ConnectionArgs, Engine, SslMode};
use crate::error::{Error, Result};
use crate::secret::Secret;

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
    /// ElastiCache / MemoryDB: which service signs the token (the signing host is the
    /// cache or cluster name).
    pub cache: Option<super::CacheKind>,
    /// The name the connection goes by on the server (`application_name`, MySQL's
    /// `program_name` attribute): the user's (`?application_name=`, `PGAPPNAME`), else,
    /// after an IAM login, the audit tag ([`super::audit`]); `None`: the default.
    pub application_name: Option<String>,
    /// Whether an IAM login names the connection with the audit tag (off with
    /// `--no-audit-tag` or `audit_tag = false`; set by the command layer).
    pub audit_tag: bool,
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
        super::validate_host(&host)?;
        if let Some(h) = &self.signing_host {
            super::validate_host(h)?;
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
                Engine::Redis => String::new(),
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
        // As libpq: the URL's application_name, then PGAPPNAME (PostgreSQL engines).
        let application_name = url
            .application_name
            .or_else(|| env("PGAPPNAME"))
            .filter(|a| !a.is_empty());
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
            // As libpq: a password in the URL wins over PGPASSWORD.
            Auth::Password(url.password.or_else(|| env("PGPASSWORD").map(Secret::new)))
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
            cache: self.cache,
            application_name,
            audit_tag: true,
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

    /// `user@host:port/dbname`, for messages.
    pub fn describe(&self) -> String {
        format!("{}@{}:{}/{}", self.user, self.host, self.port, self.dbname)
    }

    /// Whether the password is an IAM token.
    pub fn is_iam(&self) -> bool {
        matches!(self.auth, Auth::Iam { .. })
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
