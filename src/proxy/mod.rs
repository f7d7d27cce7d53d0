//! `dbiam proxy`'s core: loopback listeners that speak the server side of a database's
//! handshake, log local clients in with a local password ([`local_auth`]), log in
//! upstream with the IAM credential over verified TLS ([`upstream`]), then relay bytes.
//!
//! The framework owns binding, accepting, the per-connection task and its log line
//! ([`log`]), and the lifecycle (stop accepting, drain, close). An engine module
//! ([`postgres`], [`mysql`]) owns one client connection: it gets a
//! [`Session`] (the client stream, the listener's [`Service`] with its local auth and
//! upstream, the shutdown signal) and fills in the [`ConnLog`].

pub mod local_auth;
pub mod log;
pub mod mysql;
pub mod postgres;
pub mod stream;
pub mod upstream;

use std::collections::HashSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;

pub use local_auth::LocalAuth;
pub use log::{ConnLog, LogFormat};
pub use stream::{ClientStream, UpstreamStream};
pub use upstream::{LoginFuture, LoginSource, Upstream};

use crate::db::Engine;
use crate::error::{Error, Result};

/// The wire protocol a listener speaks to its clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wire {
    /// PostgreSQL's (PostgreSQL, Aurora, RDS Proxy, Redshift, Aurora DSQL).
    Postgres,
    /// MySQL's (MySQL, MariaDB, Aurora MySQL).
    MySql,
}

impl Wire {
    /// The protocol of an engine (`None`: ElastiCache / MemoryDB, which are not proxied).
    pub fn of(engine: Engine) -> Option<Self> {
        match engine {
            Engine::MySql => Some(Wire::MySql),
            Engine::Postgres | Engine::Redshift | Engine::Dsql => Some(Wire::Postgres),
            Engine::Redis => None,
        }
    }

    /// The URL scheme clients use for it.
    pub fn scheme(self) -> &'static str {
        match self {
            Wire::Postgres => "postgresql",
            Wire::MySql => "mysql",
        }
    }
}

/// Settings shared by every listener.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long a client may take to log in before it is dropped (30 s).
    pub client_timeout: Duration,
    /// How long open sessions may go on after Ctrl-C/SIGTERM.
    pub drain_timeout: Duration,
    /// `--log-format`.
    pub log_format: LogFormat,
}

/// One listener's service, shared by its connections.
#[derive(Debug)]
pub struct Service {
    /// The listener's name in logs (the target's name, or `user@host:port/db`).
    pub name: String,
    /// The protocol clients speak.
    pub wire: Wire,
    /// How clients log in to the proxy.
    pub auth: LocalAuth,
    /// How the proxy logs in upstream.
    pub upstream: Upstream,
    /// Shared settings.
    pub settings: Settings,
    /// PostgreSQL backend keys (pid and secret) of this listener's live sessions: a
    /// cancel request is forwarded only for one of these.
    pub cancel_keys: Mutex<HashSet<Vec<u8>>>,
}

/// Resolves once the proxy closes the remaining sessions (after the drain timeout).
#[derive(Debug, Clone)]
pub struct Shutdown(watch::Receiver<bool>);

impl Shutdown {
    /// Wait until open sessions must be closed.
    pub async fn closing(&mut self) {
        if self.0.wait_for(|close| *close).await.is_err() {
            // The proxy is gone: nothing will ever ask to close.
            std::future::pending::<()>().await;
        }
    }
}

/// What an engine gets for one accepted client connection.
#[derive(Debug)]
pub struct Session {
    /// The client's stream (counts bytes each way).
    pub client: ClientStream,
    /// The listener's service: local auth, upstream, settings.
    pub service: Arc<Service>,
    /// Resolves when the session must end (the drain timeout has passed).
    pub shutdown: Shutdown,
}

/// A bound listener, ready to serve.
#[derive(Debug)]
pub struct Bound {
    /// What it serves.
    pub service: Arc<Service>,
    /// The TCP listener.
    tcp: TcpListener,
    /// The address it listens on (with the port the system chose).
    pub addr: SocketAddr,
    /// The Unix socket, for PostgreSQL clients (`--socket DIR`).
    #[cfg(unix)]
    unix: Option<(tokio::net::UnixListener, PathBuf)>,
}

impl Bound {
    /// The Unix socket's path, when there is one.
    pub fn socket_path(&self) -> Option<&Path> {
        #[cfg(unix)]
        {
            self.unix.as_ref().map(|(_, p)| p.as_path())
        }
        #[cfg(not(unix))]
        {
            None
        }
    }
}

/// Bind `addr` (and, for PostgreSQL, a socket `.s.PGSQL.PORT` in `socket_dir`).
pub async fn bind(service: Service, addr: SocketAddr, socket_dir: Option<&Path>) -> Result<Bound> {
    let tcp = TcpListener::bind(addr).await.map_err(|e| {
        Error::io(format!("cannot listen on {addr}"), e)
            .with_hint("choose another --listen address or port")
    })?;
    let addr = tcp
        .local_addr()
        .map_err(|e| Error::io("cannot read the listening address", e))?;
    #[cfg(unix)]
    let unix = match socket_dir {
        Some(dir) => Some(bind_socket(dir, addr.port())?),
        None => None,
    };
    #[cfg(not(unix))]
    if socket_dir.is_some() {
        return Err(Error::usage("--socket needs a Unix system"));
    }
    Ok(Bound {
        service: Arc::new(service),
        tcp,
        addr,
        #[cfg(unix)]
        unix,
    })
}

#[cfg(unix)]
fn bind_socket(dir: &Path, port: u16) -> Result<(tokio::net::UnixListener, PathBuf)> {
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};
    if !dir.exists() {
        crate::aws::session::create_private_dir(dir)?;
    }
    let meta = std::fs::metadata(dir)
        .map_err(|e| Error::io(format!("cannot use --socket {}", dir.display()), e))?;
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(Error::usage(format!(
            "refusing --socket {}: other users can enter it",
            dir.display()
        ))
        .with_hint(format!(
            "chmod 700 {}, or name a new directory",
            dir.display()
        )));
    }
    let path = dir.join(format!(".s.PGSQL.{port}"));
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_socket()) {
        let _ = std::fs::remove_file(&path);
    }
    let l = tokio::net::UnixListener::bind(&path)
        .map_err(|e| Error::io(format!("cannot listen on {}", path.display()), e))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
        .map_err(|e| Error::io(format!("cannot restrict {}", path.display()), e))?;
    Ok((l, path))
}

/// Serve every listener until `stop` resolves (Ctrl-C, SIGTERM); then stop accepting,
/// let open sessions finish for up to the drain timeout, close the rest and return.
pub async fn serve(
    listeners: Vec<Bound>,
    drain_timeout: Duration,
    stop: impl std::future::Future<Output = ()>,
) -> Result<()> {
    let (close_tx, close_rx) = watch::channel(false);
    let (stop_tx, stop_rx) = watch::channel(false);
    let live = Arc::new(());
    let mut sockets = Vec::new();
    let mut accepting = tokio::task::JoinSet::new();
    for b in listeners {
        #[cfg(unix)]
        if let Some((unix, path)) = b.unix {
            sockets.push(path);
            accepting.spawn(accept(
                Socket::Unix(unix),
                b.service.clone(),
                Shutdown(close_rx.clone()),
                stop_rx.clone(),
                live.clone(),
            ));
        }
        accepting.spawn(accept(
            Socket::Tcp(b.tcp),
            b.service,
            Shutdown(close_rx.clone()),
            stop_rx.clone(),
            live.clone(),
        ));
    }
    stop.await;
    let _ = stop_tx.send(true);
    while accepting.join_next().await.is_some() {}
    for p in &sockets {
        let _ = std::fs::remove_file(p);
    }
    let open = Arc::strong_count(&live) - 1;
    if open > 0 {
        eprintln!(
            "dbiam proxy: stopping; waiting up to {} s for {open} open session(s)",
            drain_timeout.as_secs()
        );
    }
    let drained = wait_idle(&live, drain_timeout).await;
    if !drained {
        eprintln!("dbiam proxy: closing the sessions still open");
        let _ = close_tx.send(true);
        wait_idle(&live, Duration::from_secs(2)).await;
    }
    Ok(())
}

async fn wait_idle(live: &Arc<()>, limit: Duration) -> bool {
    let deadline = tokio::time::Instant::now() + limit;
    while Arc::strong_count(live) > 1 {
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    true
}

/// A bound socket of either kind.
enum Socket {
    Tcp(TcpListener),
    #[cfg(unix)]
    Unix(tokio::net::UnixListener),
}

impl Socket {
    async fn accept(&self) -> std::io::Result<(ClientStream, String)> {
        match self {
            Socket::Tcp(l) => {
                let (s, peer) = l.accept().await?;
                Ok((ClientStream::tcp(s), peer.to_string()))
            }
            #[cfg(unix)]
            Socket::Unix(l) => Ok((ClientStream::unix(l.accept().await?.0), "unix".to_owned())),
        }
    }
}

async fn accept(
    socket: Socket,
    service: Arc<Service>,
    shutdown: Shutdown,
    mut stop: watch::Receiver<bool>,
    live: Arc<()>,
) {
    loop {
        let accepted = tokio::select! {
            biased;
            _ = stop.wait_for(|s| *s) => return,
            a = socket.accept() => a,
        };
        match accepted {
            Ok((client, peer)) => {
                let session = Session {
                    client,
                    service: service.clone(),
                    shutdown: shutdown.clone(),
                };
                tokio::spawn(connection(session, peer, live.clone()));
            }
            Err(e) => accept_failed(&e).await,
        }
    }
}

/// Out of file descriptors, say: report it and pause instead of spinning.
async fn accept_failed(e: &std::io::Error) {
    eprintln!("dbiam proxy: accept failed: {e}");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// One client connection: the engine's session, then its log line.
async fn connection(session: Session, peer: String, live: Arc<()>) {
    let service = session.service.clone();
    let mut log = ConnLog::new(&service.name, peer, service.upstream.describe());
    match service.wire {
        Wire::Postgres => postgres::serve(session, &mut log).await,
        Wire::MySql => mysql::serve(session, &mut log).await,
    }
    eprintln!("{}", log.line(service.settings.log_format));
    drop(live);
}
