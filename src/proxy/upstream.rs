//! The upstream side of a listener: the resolved connection parameters, the one login
//! (an IAM token, a DSQL token or Redshift credentials, through the shared token cache,
//! supplied by a [`LoginSource`]), the one TLS client configuration of [`crate::db::tls`],
//! and a TCP connect bounded by `--connect-timeout`. Engines speak the protocol.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use tokio::net::TcpStream;

use super::stream::UpstreamStream;
use crate::db::{tls, ConnParams, Login, SslMode};
use crate::error::{Error, Kind, Result};

/// A boxed login future.
pub type LoginFuture<'a> = Pin<Box<dyn Future<Output = Result<Login>> + Send + 'a>>;

/// Where the credential for upstream logins comes from (implemented by the command,
/// which owns the credential chain and the token cache). Called once per client
/// connection; a cache makes 50 connections mint one token.
pub trait LoginSource: Send + Sync {
    /// A credential that is valid now (cached or fresh). An error is dbiam's one-line
    /// message (expired AWS credentials, say), shown to the client as a FATAL error.
    fn login(&self) -> LoginFuture<'_>;
    /// The server refused the credential: mint a fresh one next time.
    fn forget(&self);
}

/// How a listener reaches and logs in to its database server.
pub struct Upstream {
    params: ConnParams,
    source: Arc<dyn LoginSource>,
    tls: Option<Arc<rustls::ClientConfig>>,
}

impl std::fmt::Debug for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upstream")
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

impl Upstream {
    /// The upstream for `params`, logging in through `source`. The TLS configuration is
    /// built once here, exactly as `dbiam sql` builds it.
    pub fn new(params: ConnParams, source: Arc<dyn LoginSource>) -> Result<Self> {
        let tls = match params.effective_sslmode() {
            SslMode::Disable => None,
            _ => Some(Arc::new(tls::params_config(&params)?)),
        };
        Ok(Upstream {
            params,
            source,
            tls,
        })
    }

    /// The resolved parameters (the target's user, database, host, …).
    pub fn params(&self) -> &ConnParams {
        &self.params
    }

    /// `host:port`, for logs.
    pub fn describe(&self) -> String {
        if self.params.host.contains(':') {
            format!("[{}]:{}", self.params.host, self.params.port)
        } else {
            format!("{}:{}", self.params.host, self.params.port)
        }
    }

    /// `--connect-timeout`: the bound on reaching and logging in to the server.
    pub fn connect_timeout(&self) -> Duration {
        self.params.connect_timeout
    }

    /// A credential for one upstream login (see [`LoginSource::login`]).
    pub async fn login(&self) -> Result<Login> {
        self.source.login().await
    }

    /// The server refused the credential: the next login mints a fresh one.
    pub fn forget(&self) {
        self.source.forget();
    }

    /// Whether TLS is attempted at all (every sslmode but `disable`).
    pub fn wants_tls(&self) -> bool {
        self.tls.is_some()
    }

    /// Whether the connection must be TLS (every sslmode from `require` up, and always
    /// with IAM): a server that refuses TLS is then an error, never a plain fallback.
    pub fn requires_tls(&self) -> bool {
        matches!(
            self.params.effective_sslmode(),
            SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull
        ) || self.params.is_iam()
    }

    fn fail(&self, what: impl std::fmt::Display) -> Error {
        Error::new(
            Kind::Connection,
            format!("cannot connect to {}: {what}", self.describe()),
        )
    }

    /// Open a TCP connection to the server (`--hostaddr` when given), within the
    /// connect timeout.
    pub async fn connect_tcp(&self) -> Result<TcpStream> {
        let p = &self.params;
        let connect = async {
            let s = match p.hostaddr {
                Some(ip) => TcpStream::connect(SocketAddr::new(ip, p.port)).await,
                None => TcpStream::connect((p.host.as_str(), p.port)).await,
            };
            s.map_err(|e| self.fail(e))
        };
        let s = tokio::time::timeout(p.connect_timeout, connect)
            .await
            .map_err(|_| {
                self.fail(format_args!(
                    "timed out after {} s",
                    p.connect_timeout.as_secs()
                ))
            })??;
        let _ = s.set_nodelay(true);
        Ok(s)
    }

    /// Shake hands over `tcp` (after the protocol's own TLS request) with the server
    /// certificate checked as the sslmode says, within the connect timeout.
    pub async fn start_tls(&self, tcp: TcpStream) -> Result<UpstreamStream> {
        let Some(config) = &self.tls else {
            return Ok(UpstreamStream::Plain(tcp));
        };
        let name = ServerName::try_from(self.params.host.clone())
            .map_err(|e| self.fail(format_args!("bad host name for TLS: {e}")))?;
        let connector = tokio_rustls::TlsConnector::from(config.clone());
        let tls = tokio::time::timeout(self.params.connect_timeout, connector.connect(name, tcp))
            .await
            .map_err(|_| self.fail("timed out in the TLS handshake"))?
            .map_err(|e| {
                match e
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>())
                {
                    Some(tls_err) => {
                        let (what, hint) = tls::describe_tls_error(tls_err);
                        self.fail(what).with_hint(hint)
                    }
                    None => self.fail(format_args!("TLS handshake failed: {e}")),
                }
            })?;
        Ok(UpstreamStream::Tls(Box::new(tls)))
    }
}
