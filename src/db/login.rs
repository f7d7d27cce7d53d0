//! Logging in: the one place that chooses what a connection sends as its password — an
//! RDS IAM token, a DSQL token, an ElastiCache / MemoryDB token, Redshift's temporary
//! credentials, or a typed password —
//! used by `token`, `sql`, `connect`, `exec`, `env`, `doctor` and `proxy`.

use std::time::Duration;

use time::OffsetDateTime;

use super::{redshift, Auth, ConnParams, Engine};
use crate::aws::Signer;
use crate::error::{Error, Kind, Result};
use crate::secret::Secret;
use crate::token::{CacheService, DsqlAction, SigningKeys, Token};

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

/// Which IAM token to sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind<'a> {
    /// An RDS IAM token for `user` at `host:port` (RDS, Aurora, RDS Proxy; PostgreSQL
    /// and MySQL).
    Rds {
        /// The host the token is signed for.
        host: &'a str,
        /// The port the token is signed for.
        port: u16,
        /// The database user.
        user: &'a str,
    },
    /// An Aurora DSQL token for `host`, valid `expires_in` seconds.
    Dsql {
        /// The cluster endpoint.
        host: &'a str,
        /// `DbConnectAdmin` (the `admin` role) rather than `DbConnect`.
        admin: bool,
        /// Lifetime in seconds.
        expires_in: u64,
    },
    /// An ElastiCache or MemoryDB token for the IAM user `user` of the cache `name`.
    Cache {
        /// ElastiCache (serverless or not) or MemoryDB.
        service: CacheService,
        /// The replication group, serverless cache or cluster name.
        name: &'a str,
        /// The user id.
        user: &'a str,
    },
}

impl std::fmt::Display for TokenKind<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TokenKind::Rds { host, port, user } => {
                write!(f, "an IAM token for {user}@{host}:{port}")
            }
            TokenKind::Dsql { host, admin, .. } => {
                let action = if *admin { "ConnectAdmin" } else { "Connect" };
                write!(f, "a DSQL token ({action}) for {host}")
            }
            TokenKind::Cache {
                service,
                name,
                user,
            } => write!(f, "an {} token for {user}@{name}", service.signing_name()),
        }
    }
}

/// Sign the token `kind` names, in `region`, at `at`.
pub fn sign_token(
    kind: TokenKind<'_>,
    region: &str,
    keys: &SigningKeys,
    at: OffsetDateTime,
) -> Result<Token> {
    match kind {
        TokenKind::Rds { host, port, user } => {
            crate::token::rds_token(host, port, user, region, keys, at)
        }
        TokenKind::Dsql {
            host,
            admin,
            expires_in,
        } => {
            let action = if admin {
                DsqlAction::ConnectAdmin
            } else {
                DsqlAction::Connect
            };
            crate::token::dsql_token(host, region, action, expires_in, keys, at)
        }
        TokenKind::Cache {
            service,
            name,
            user,
        } => crate::token::cache_token(service, name, user, region, keys, at),
    }
}

impl ConnParams {
    /// The password to send: a fresh IAM token, PGPASSWORD, or `None` (ask when needed).
    /// (For Redshift the credentials also name the user: use [`ConnParams::login`].)
    pub async fn password(&self, ctx: &dyn Signer) -> Result<Option<Secret>> {
        Ok(self.login(ctx).await?.password)
    }

    /// Get what logging in needs: a fresh IAM token (RDS or DSQL), Redshift's temporary
    /// credentials (whose user, `IAM:alice`, replaces ours), or the typed password. IAM
    /// credentials of an account that is not allowed are refused first (exit 5). After
    /// an IAM login the parameters carry the audit tag ([`ConnParams::apply_audit_tag`]),
    /// naming the principal only when it is already known (no extra AWS call).
    pub async fn login(&self, ctx: &dyn Signer) -> Result<Login> {
        let mut login = self.mint(ctx).await?;
        login
            .params
            .apply_audit_tag(ctx.aws().known_arn().as_deref());
        Ok(login)
    }

    async fn mint(&self, ctx: &dyn Signer) -> Result<Login> {
        let token = |token: Token, region: String| Login {
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
                let region = ctx.aws().sts_region().await?;
                ctx.aws().ensure_account_allowed(&region).await?;
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
            (
                Auth::Iam {
                    signing_host,
                    signing_port,
                },
                engine,
            ) => {
                let kind = match engine {
                    Engine::Dsql => TokenKind::Dsql {
                        host: signing_host,
                        admin: self.user == "admin",
                        expires_in: 900,
                    },
                    Engine::Redis => TokenKind::Cache {
                        service: self.cache.map(|c| c.service()).ok_or_else(|| {
                            Error::usage("an ElastiCache/MemoryDB target needs `cache`").with_hint(
                                "add cache = \"elasticache\", \"elasticache-serverless\" or \"memorydb\" to the target (`dbiam targets add --cache`)",
                            )
                        })?,
                        name: signing_host,
                        user: &self.user,
                    },
                    _ => TokenKind::Rds {
                        host: signing_host,
                        port: *signing_port,
                        user: &self.user,
                    },
                };
                let region = ctx.aws().region(Some(signing_host)).await?;
                ctx.aws().ensure_account_allowed(&region).await?;
                let keys = ctx.aws().signing_keys().await?;
                let t = sign_token(kind, &region, &keys, ctx.signing_time())?;
                crate::debug!("minted {kind} in {region} ({} bytes)", t.value.len());
                Ok(token(t, region))
            }
        }
    }
}

/// The error for opening a SQL connection to an ElastiCache / MemoryDB target.
pub fn redis_has_no_shell() -> Error {
    Error::usage("dbiam has no Redis shell: ElastiCache and MemoryDB targets work with `dbiam exec`, `dbiam env` and `dbiam token`")
        .with_hint("run redis-cli or valkey-cli through `dbiam exec TARGET -- redis-cli`")
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
