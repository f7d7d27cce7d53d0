//! The MySQL/MariaDB engine of `dbiam proxy`: one client session from the greeting to
//! the relay.
//!
//! 1. Connect to the server and read its greeting (nothing is sent yet).
//! 2. Greet the client as that server (its version string, thread id, character set
//!    and the capabilities the proxy can relay unchanged), with a fresh nonce and
//!    `mysql_native_password` (`caching_sha2_password` when the server prefers it).
//! 3. Check the client's proof of the local password (either plugin; any other is
//!    switched to the greeting's), in constant time, and that it names the target's
//!    user. `--trust` skips the password, never the user.
//! 4. Log in upstream: SSLRequest, TLS verified as `dbiam sql` verifies it, the
//!    client's handshake response with the target's user and the IAM token (sent in
//!    clear only when the server asks for `mysql_clear_password`, as RDS does, and only
//!    inside TLS), whatever database the client asked for.
//! 5. Hand the server's OK to the client. From then on both sides have agreed on the
//!    same capabilities and every command restarts the sequence ids, so bytes are
//!    relayed unchanged (`KILL QUERY` is an ordinary statement; the thread id the
//!    client saw is the server's).
//!
//! Every failure reaches the client as an ERR packet with dbiam's one-line reason:
//! 1045 (28000) for a refused login, 1043 (08S01) for a bad handshake, 2003 (HY000)
//! when the server cannot be reached or its TLS is refused.

pub mod scramble;
pub mod wire;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use self::scramble::{CACHING_SHA2, CLEAR, NATIVE};
use self::wire::{caps, Greeting, Response};
use crate::db::{auth_failure_hint, connection_error, ConnParams};
use crate::error::{Error, Kind, Result};
use crate::secret::Secret;

/// A byte stream in both directions (the client's socket, the server's TLS stream).
pub trait Duplex: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Duplex for T {}

/// How local clients prove themselves to the proxy.
#[derive(Debug, Clone, Copy)]
pub enum LocalAuth<'a> {
    /// The local password (checked through the client's scramble; never sent anywhere).
    Password(&'a Secret),
    /// `--trust`: any password is accepted (the user name is still checked).
    Trust,
}

/// What one session needs from the proxy framework.
pub struct Session<'a> {
    /// The target: where the server is, the user and default database, TLS mode and
    /// connect timeout.
    pub params: &'a ConnParams,
    /// The TLS configuration for the server (`dbiam sql`'s, from the sslmode);
    /// `None` only for `--sslmode disable` without IAM.
    pub tls: Option<Arc<rustls::ClientConfig>>,
    /// How the local client authenticates.
    pub local: LocalAuth<'a>,
    /// The client's address as the server would name it in "Access denied for user
    /// 'u'@'host'".
    pub client_host: &'a str,
    /// How long the client may take to answer each handshake step.
    pub handshake_timeout: Duration,
}

/// An authenticated session, ready to relay.
pub struct Established {
    /// The stream to the server (TLS unless the sslmode is `disable`).
    pub upstream: Box<dyn Duplex>,
    /// The user the client named (the target's).
    pub user: String,
    /// The database the session started in (`None`: none).
    pub database: Option<String>,
}

/// What the client named before the session was refused or failed (for the log line).
#[derive(Debug, Default, Clone)]
pub struct Attempt {
    /// The user name the client sent, once read.
    pub user: Option<String>,
    /// The database the client asked for, once read.
    pub database: Option<String>,
}

/// Answer a MySQL client on `client` and log it in upstream with the secret `login`
/// returns (the IAM token; called only after the client proved the local password).
/// On failure the client has already received an ERR packet; the error says why, for
/// the log.
pub async fn handshake<C, L, F>(
    client: &mut C,
    session: &Session<'_>,
    login: L,
    attempt: &mut Attempt,
) -> Result<Established>
where
    C: AsyncRead + AsyncWrite + Unpin,
    L: FnOnce() -> F,
    F: Future<Output = Result<Secret>>,
{
    // The greeting is packet 0: the "last" id before it is 255.
    let mut client = Client {
        io: client,
        seq: u8::MAX,
    };
    let params = session.params;

    // 1. The server's greeting, before anything is asked of the client.
    let (tcp, greeting) = match within(params.connect_timeout, greet_upstream(params)).await {
        Ok(v) => v,
        Err(e) => return Err(client.refuse(e).await),
    };
    if session.tls.is_some() && greeting.caps & caps::SSL == 0 {
        let e = connection_error(
            params,
            "the server does not support TLS",
            "IAM tokens are only sent over TLS: enable TLS on the server",
        );
        return Err(client.refuse(e).await);
    }

    // 2. Greet the client as that server.
    let offered = client_greeting(&greeting);
    client.send(&offered.encode()).await?;

    // 3. The client's answer and proof of the local password.
    let (seq, first) = client.read(session.handshake_timeout).await?;
    client.seq = seq;
    if Response::is_ssl_request(&first) {
        let e = Error::new(
            Kind::Usage,
            "the client asked for TLS: the loopback leg to the proxy is not encrypted",
        )
        .with_hint("connect with TLS off (mariadb --skip-ssl, mysql --ssl-mode=DISABLED, JDBC sslMode=disable)");
        return Err(client.fail(1043, "08S01", e).await);
    }
    let resp = match Response::parse(&first, offered.caps) {
        Ok(r) => r,
        Err(m) => {
            let e = Error::new(Kind::Usage, format!("bad handshake: {m}"));
            return Err(client.fail(1043, "08S01", e).await);
        }
    };
    let user = String::from_utf8_lossy(&resp.user).into_owned();
    attempt.user = Some(user.clone());
    attempt.database = resp
        .database
        .as_ref()
        .map(|d| String::from_utf8_lossy(d).into_owned());
    let fast_auth = verify_local(&mut client, session, &offered, &resp, &user).await?;
    if user != params.user {
        let e = Error::new(
            Kind::Credentials,
            format!(
                "Access denied for user '{user}'@'{}': this dbiam proxy logs in only as '{}', the target's user",
                session.client_host, params.user
            ),
        );
        return Err(client.fail(1045, "28000", e).await);
    }
    if fast_auth {
        // caching_sha2_password: "fast authentication succeeded"; the OK follows.
        client.send(&[0x01, 0x03]).await?;
    }

    // 4. Log in upstream.
    let database = resp
        .database
        .clone()
        .or_else(|| (!params.dbname.is_empty()).then(|| params.dbname.as_bytes().to_vec()));
    let upstream = async {
        let secret = login().await?;
        login_upstream(
            tcp,
            &greeting,
            &offered,
            &resp,
            database.clone(),
            session,
            &secret,
        )
        .await
    };
    let (upstream, ok) = match within(params.connect_timeout, upstream).await {
        Ok(v) => v,
        Err(e) => return Err(client.refuse(e).await),
    };

    // 5. The server's OK, as the server sent it, in the client's sequence.
    client.send(&ok).await?;
    Ok(Established {
        upstream,
        user,
        database: database.map(|d| String::from_utf8_lossy(&d).into_owned()),
    })
}

/// The client side of the handshake: its stream and the last sequence id used.
struct Client<'a, C> {
    io: &'a mut C,
    seq: u8,
}

impl<C: AsyncRead + AsyncWrite + Unpin> Client<'_, C> {
    async fn send(&mut self, payload: &[u8]) -> Result<()> {
        self.seq = self.seq.wrapping_add(1);
        wire::write_packet(self.io, self.seq, payload)
            .await
            .map_err(|e| Error::io("writing to the client", e))
    }

    async fn read(&mut self, timeout: Duration) -> Result<(u8, Vec<u8>)> {
        match tokio::time::timeout(timeout, wire::read_packet(self.io)).await {
            Ok(Ok(p)) => Ok(p),
            Ok(Err(e)) => Err(Error::io("reading the client's handshake", e)),
            Err(_) => Err(Error::failure(format!(
                "the client sent no handshake within {} s",
                timeout.as_secs()
            ))),
        }
    }

    /// Send `e` as an ERR packet and return it.
    async fn fail(&mut self, code: u16, state: &str, e: Error) -> Error {
        let message = crate::error::one_line(&e.to_string());
        let _ = self.send(&wire::err_packet(code, state, &message)).await;
        e
    }

    /// Send an upstream failure (or the AWS side's) to the client, with a code for its
    /// kind, and return it.
    async fn refuse(&mut self, e: Error) -> Error {
        let (code, state) = upstream_code(&e).unwrap_or_else(|| match e.kind() {
            Kind::Credentials | Kind::AccountNotAllowed => (1045, "28000".to_owned()),
            _ => (2003, "HY000".to_owned()),
        });
        self.fail(code, &state, e).await
    }
}

/// The ERR code the server itself gave, when `e` carries one.
fn upstream_code(e: &Error) -> Option<(u16, String)> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(s) = cur {
        if let Some(se) = s.downcast_ref::<UpstreamErr>() {
            return Some((se.0.code, se.0.state.clone()));
        }
        cur = s.source();
    }
    None
}

/// The server's ERR packet, kept as the cause of a dbiam error.
#[derive(Debug)]
struct UpstreamErr(wire::ServerErr);

impl std::fmt::Display for UpstreamErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for UpstreamErr {}

/// Run `f` within `timeout`, a timeout being a connection error.
async fn within<T>(timeout: Duration, f: impl Future<Output = Result<T>>) -> Result<T> {
    tokio::time::timeout(timeout, f).await.unwrap_or_else(|_| {
        Err(Error::new(
            Kind::Connection,
            format!(
                "the server did not answer within {} s (--connect-timeout)",
                timeout.as_secs()
            ),
        ))
    })
}

/// The greeting the client gets: the server's identity and the capabilities that can
/// be relayed, a fresh nonce, and an authentication plugin the proxy can check.
fn client_greeting(server: &Greeting) -> Greeting {
    Greeting {
        server_version: server.server_version.clone(),
        connection_id: server.connection_id,
        nonce: scramble::nonce(),
        caps: (server.caps & caps::RELAYABLE) | caps::PLUGIN_AUTH | caps::SECURE_CONNECTION,
        charset: server.charset,
        status: server.status,
        auth_plugin: if server.auth_plugin == CACHING_SHA2 {
            CACHING_SHA2.to_vec()
        } else {
            NATIVE.to_vec()
        },
    }
}

/// Check the client's proof of the local password, switching it to the greeting's
/// plugin when it used another. Returns whether `caching_sha2_password` was used (whose
/// success the client must be told before the OK). A wrong password gets 1045.
async fn verify_local<C: AsyncRead + AsyncWrite + Unpin>(
    client: &mut Client<'_, C>,
    session: &Session<'_>,
    offered: &Greeting,
    resp: &Response,
    user: &str,
) -> Result<bool> {
    let client_plugin: &[u8] = match &resp.auth_plugin {
        Some(p) => p,
        None => NATIVE,
    };
    let (plugin, nonce, proof) = if client_plugin == offered.auth_plugin.as_slice() {
        (
            client_plugin.to_vec(),
            offered.nonce.clone(),
            resp.auth.clone(),
        )
    } else {
        // Another plugin: its first answer may not use the greeting's nonce (libmariadb
        // sends none), so ask again, for that plugin when the proxy can check it.
        let plugin = if client_plugin == NATIVE || client_plugin == CACHING_SHA2 {
            client_plugin.to_vec()
        } else {
            offered.auth_plugin.clone()
        };
        let nonce = scramble::nonce();
        let mut data = nonce.clone();
        data.push(0);
        client.send(&wire::auth_switch(&plugin, &data)).await?;
        let (seq, proof) = client.read(session.handshake_timeout).await?;
        client.seq = seq;
        (plugin, nonce, proof)
    };
    let accepted = match session.local {
        LocalAuth::Trust => true,
        LocalAuth::Password(pw) => {
            let expected = scramble::proof(&plugin, pw.expose().as_bytes(), &nonce);
            expected.is_some_and(|e| scramble::constant_time_eq(&proof, &e))
        }
    };
    if !accepted {
        let e = Error::new(
            Kind::Credentials,
            format!(
                "Access denied for user '{user}'@'{}' (using password: {})",
                session.client_host,
                if proof.is_empty() { "NO" } else { "YES" }
            ),
        )
        .with_hint("use the proxy's local password (dbiam proxy --print-password TARGET)");
        return Err(client.fail(1045, "28000", e).await);
    }
    Ok(plugin == CACHING_SHA2)
}

/// Connect to the server and read its greeting.
async fn greet_upstream(params: &ConnParams) -> Result<(TcpStream, Greeting)> {
    let addr = params
        .hostaddr
        .map_or_else(|| params.host.clone(), |a| a.to_string());
    let mut tcp = TcpStream::connect((addr.as_str(), params.port))
        .await
        .map_err(|e| {
            let hint = match e.kind() {
                std::io::ErrorKind::ConnectionRefused => {
                    "nothing listens on that port: check the host and port, and that the server is running"
                }
                _ => "check the host, port and network",
            };
            connection_error(params, &e.to_string(), hint)
        })?;
    let _ = tcp.set_nodelay(true);
    let (_, payload) = wire::read_packet(&mut tcp).await.map_err(|e| {
        connection_error(
            params,
            &format!("no greeting from the server: {e}"),
            "check that a MySQL or MariaDB server listens on that port",
        )
    })?;
    if payload.first() == Some(&0xff) {
        let se = wire::parse_err(&payload);
        return Err(
            connection_error(params, &se.to_string(), "see the server's message")
                .with_source(UpstreamErr(se)),
        );
    }
    let g = Greeting::parse(&payload).map_err(|m| {
        connection_error(
            params,
            &format!("not a MySQL greeting: {m}"),
            "check that a MySQL or MariaDB server listens on that port",
        )
    })?;
    if g.caps & caps::PROTOCOL_41 == 0 {
        return Err(connection_error(
            params,
            "the server predates MySQL 4.1",
            "upgrade the server",
        ));
    }
    Ok((tcp, g))
}

/// Log in to the server on `tcp` (whose greeting was `server`) with `secret` for the
/// client whose response was `client`. Returns the stream and the server's OK payload.
async fn login_upstream(
    tcp: TcpStream,
    server: &Greeting,
    offered: &Greeting,
    client: &Response,
    database: Option<Vec<u8>>,
    session: &Session<'_>,
    secret: &Secret,
) -> Result<(Box<dyn Duplex>, Vec<u8>)> {
    let params = session.params;
    let token = secret.expose().as_bytes();
    // What the client and the proxy agreed on (so what the server must agree on too),
    // plus what this handshake needs.
    let relayed = client.caps & offered.caps & caps::RELAYABLE & !caps::HANDSHAKE_ONLY;
    let mut caps = relayed
        | caps::PROTOCOL_41
        | caps::SECURE_CONNECTION
        | caps::PLUGIN_AUTH
        | (server.caps & caps::PLUGIN_AUTH_LENENC_CLIENT_DATA);
    let attrs = client
        .attrs
        .clone()
        .filter(|_| server.caps & caps::CONNECT_ATTRS != 0);
    let plugin: &[u8] = if server.auth_plugin == CACHING_SHA2 {
        CACHING_SHA2
    } else {
        NATIVE
    };
    if session.tls.is_some() {
        caps |= caps::SSL;
    }
    let response = Response {
        caps,
        max_packet: client.max_packet,
        charset: client.charset,
        user: params.user.as_bytes().to_vec(),
        auth: scramble::proof(plugin, token, &server.nonce).unwrap_or_default(),
        database,
        auth_plugin: Some(plugin.to_vec()),
        attrs,
    };
    let mut seq = 0u8;
    let mut stream: Box<dyn Duplex> = match &session.tls {
        Some(config) => {
            // MariaDB takes the capabilities from the SSLRequest, so it carries the
            // same flags as the response that follows it.
            seq += 1;
            let mut tcp = tcp;
            wire::write_packet(&mut tcp, seq, &response.encode(true))
                .await
                .map_err(|e| {
                    connection_error(params, &e.to_string(), "the server closed the connection")
                })?;
            let name = ServerName::try_from(params.host.clone()).map_err(|e| {
                connection_error(
                    params,
                    &format!("not a TLS server name: {e}"),
                    "check --host",
                )
            })?;
            let tls = tokio_rustls::TlsConnector::from(config.clone())
                .connect(name, tcp)
                .await
                .map_err(|e| tls_error(params, e))?;
            Box::new(tls)
        }
        None => Box::new(tcp),
    };
    seq += 1;
    let io_err = |e: std::io::Error| {
        connection_error(
            params,
            &format!("the server closed the connection during login: {e}"),
            "check the server's error log",
        )
    };
    wire::write_packet(&mut stream, seq, &response.encode(false))
        .await
        .map_err(io_err)?;
    let tls = session.tls.is_some();
    let clear = |what: &str| -> Result<Vec<u8>> {
        if !tls {
            return Err(connection_error(
                params,
                &format!("the server asked for the password in clear text ({what}) on a connection without TLS"),
                "refused: dbiam sends clear-text passwords only over TLS; drop --sslmode disable",
            ));
        }
        let mut t = token.to_vec();
        t.push(0);
        Ok(t)
    };
    for _ in 0..8 {
        let (s, p) = wire::read_packet(&mut stream).await.map_err(io_err)?;
        seq = s;
        let reply = match p.first() {
            Some(0x00) => return Ok((stream, p)),
            Some(0xff) => {
                let se = wire::parse_err(&p);
                let hint = if se.code == 1045 {
                    auth_failure_hint(params)
                } else {
                    "see the server's message".to_owned()
                };
                return Err(
                    connection_error(params, &se.to_string(), &hint).with_source(UpstreamErr(se))
                );
            }
            Some(0xfe) => {
                let (plugin, nonce) = wire::parse_auth_switch(&p).map_err(|m| {
                    connection_error(
                        params,
                        &m.to_string(),
                        "the server's authentication is not supported",
                    )
                })?;
                if plugin == CLEAR {
                    clear("mysql_clear_password")?
                } else if let Some(proof) = scramble::proof(&plugin, token, &nonce) {
                    proof
                } else {
                    return Err(connection_error(
                        params,
                        &format!(
                            "the server asked for the {} authentication plugin",
                            String::from_utf8_lossy(&plugin)
                        ),
                        "the proxy answers mysql_clear_password (RDS IAM), mysql_native_password and caching_sha2_password",
                    ));
                }
            }
            // caching_sha2_password: 3 = fast authentication done (the OK follows),
            // 4 = send the password (over TLS, in clear, as MySQL's clients do).
            Some(0x01) if p.get(1) == Some(&0x03) => continue,
            Some(0x01) if p.get(1) == Some(&0x04) => {
                clear("caching_sha2_password full authentication")?
            }
            _ => {
                return Err(connection_error(
                    params,
                    "an unexpected packet during login",
                    "check that a MySQL or MariaDB server listens on that port",
                ))
            }
        };
        seq = seq.wrapping_add(1);
        wire::write_packet(&mut stream, seq, &reply)
            .await
            .map_err(io_err)?;
    }
    Err(connection_error(
        params,
        "the server kept asking for more authentication",
        "check the server's authentication plugins",
    ))
}

/// A TLS failure towards the server, with the verification that failed.
fn tls_error(params: &ConnParams, e: std::io::Error) -> Error {
    if let Some(t) = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
        let (what, hint) = crate::db::tls::describe_tls_error(t);
        return connection_error(params, &what, hint);
    }
    connection_error(
        params,
        &format!("TLS handshake failed: {e}"),
        "check that the server speaks TLS on this port",
    )
}

#[cfg(test)]
mod tests {
    //! The session against a FAKE upstream server (plain TCP, `--sslmode disable`
    //! without IAM: no TLS in unit tests) and real client libraries (mysql_async) or
    //! hand-made packets on the client side.
    use super::*;
    use crate::db::{Auth, Engine, SslMode};
    use mysql_async::prelude::Queryable;
    use std::sync::Mutex;
    use tokio::net::TcpListener;

    const TOKEN: &str = "iam-token-stand-in";
    const LOCAL: &str = "local-secret";

    /// What the fake server saw.
    #[derive(Debug, Default, Clone)]
    struct Seen {
        user: Vec<u8>,
        database: Option<Vec<u8>>,
        caps: u64,
        proof_ok: bool,
        cleartext: Option<Vec<u8>>,
        queries: Vec<Vec<u8>>,
    }

    const FAKE_CAPS: u64 = caps::LONG_PASSWORD
        | caps::LONG_FLAG
        | caps::CONNECT_WITH_DB
        | caps::PROTOCOL_41
        | caps::TRANSACTIONS
        | caps::SECURE_CONNECTION
        | caps::MULTI_STATEMENTS
        | caps::MULTI_RESULTS
        | caps::PS_MULTI_RESULTS
        | caps::PLUGIN_AUTH
        | caps::CONNECT_ATTRS
        | caps::PLUGIN_AUTH_LENENC_CLIENT_DATA
        | caps::DEPRECATE_EOF
        | caps::COMPRESS;

    /// A FAKE MySQL server: greets with `plugin`, checks the token's proof (or, with
    /// `ask_clear`, switches to mysql_clear_password), answers OK, then OK for every
    /// COM_QUERY.
    async fn fake_server(plugin: &'static [u8], ask_clear: bool) -> (u16, Arc<Mutex<Seen>>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Seen::default()));
        let seen2 = seen.clone();
        tokio::spawn(async move {
            while let Ok((mut s, _)) = listener.accept().await {
                let seen = seen2.clone();
                tokio::spawn(async move {
                    let g = Greeting {
                        server_version: b"8.0.99-fake".to_vec(),
                        connection_id: 4242,
                        nonce: b"abcdefghijklmnopqrst".to_vec(),
                        caps: FAKE_CAPS,
                        charset: 45,
                        status: 2,
                        auth_plugin: plugin.to_vec(),
                    };
                    wire::write_packet(&mut s, 0, &g.encode()).await.unwrap();
                    let Ok((seq, p)) = wire::read_packet(&mut s).await else {
                        return;
                    };
                    let r = Response::parse(&p, FAKE_CAPS).unwrap();
                    let expected = scramble::proof(plugin, TOKEN.as_bytes(), &g.nonce).unwrap();
                    {
                        let mut seen = seen.lock().unwrap();
                        seen.user = r.user.clone();
                        seen.database = r.database.clone();
                        seen.caps = r.caps;
                        seen.proof_ok = r.auth == expected;
                    }
                    let mut seq = seq + 1;
                    if ask_clear {
                        let sw = wire::auth_switch(CLEAR, b"");
                        wire::write_packet(&mut s, seq, &sw).await.unwrap();
                        let Ok((_, p)) = wire::read_packet(&mut s).await else {
                            return;
                        };
                        seen.lock().unwrap().cleartext = Some(p);
                        return;
                    }
                    if plugin == CACHING_SHA2 {
                        wire::write_packet(&mut s, seq, &[1, 3]).await.unwrap();
                        seq += 1;
                    }
                    if r.auth != expected {
                        let e = wire::err_packet(
                            1045,
                            "28000",
                            "Access denied for user 'app'@'localhost' (using password: YES)",
                        );
                        wire::write_packet(&mut s, seq, &e).await.unwrap();
                        return;
                    }
                    wire::write_packet(&mut s, seq, &wire::ok_packet(2))
                        .await
                        .unwrap();
                    while let Ok((_, p)) = wire::read_packet(&mut s).await {
                        if p.first() != Some(&3) {
                            return;
                        }
                        seen.lock().unwrap().queries.push(p[1..].to_vec());
                        wire::write_packet(&mut s, 1, &wire::ok_packet(2))
                            .await
                            .unwrap();
                    }
                });
            }
        });
        (port, seen)
    }

    fn params(port: u16) -> ConnParams {
        ConnParams {
            engine: Engine::MySql,
            redshift: Default::default(),
            host: "127.0.0.1".into(),
            hostaddr: None,
            port,
            user: "app".into(),
            dbname: "appdb".into(),
            sslmode: SslMode::Disable,
            sslrootcert: None,
            auth: Auth::Password(None),
            connect_timeout: Duration::from_secs(2),
        }
    }

    /// A proxy listener for one target; `login` is what the upstream login gets.
    async fn proxy(
        upstream_port: u16,
        trust: bool,
        login: fn() -> Result<Secret>,
    ) -> (u16, Arc<Mutex<Vec<String>>>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let log2 = log.clone();
        tokio::spawn(async move {
            while let Ok((mut c, _)) = listener.accept().await {
                let log = log2.clone();
                tokio::spawn(async move {
                    let p = params(upstream_port);
                    let pw = Secret::new(LOCAL);
                    let session = Session {
                        params: &p,
                        tls: None,
                        local: if trust {
                            LocalAuth::Trust
                        } else {
                            LocalAuth::Password(&pw)
                        },
                        client_host: "127.0.0.1",
                        handshake_timeout: Duration::from_secs(2),
                    };
                    let mut attempt = Attempt::default();
                    match handshake(&mut c, &session, || async { login() }, &mut attempt).await {
                        Ok(mut est) => {
                            log.lock().unwrap().push(format!("ok {}", est.user));
                            let _ = tokio::io::copy_bidirectional(&mut c, &mut est.upstream).await;
                        }
                        Err(e) => log.lock().unwrap().push(format!("refused {e}")),
                    }
                });
            }
        });
        (port, log)
    }

    fn token() -> Result<Secret> {
        Ok(Secret::new(TOKEN))
    }

    fn client_opts(port: u16, user: &str, pass: &str, db: Option<&str>) -> mysql_async::Opts {
        mysql_async::OptsBuilder::default()
            .ip_or_hostname("127.0.0.1")
            .tcp_port(port)
            .user(Some(user))
            .pass(Some(pass))
            .db_name(db)
            .prefer_socket(false)
            .max_allowed_packet(Some(1 << 24))
            .wait_timeout(Some(28_800))
            .into()
    }

    async fn server_error(opts: mysql_async::Opts) -> mysql_async::ServerError {
        match mysql_async::Conn::new(opts).await {
            Err(mysql_async::Error::Server(e)) => e,
            other => panic!("expected a server error, got {:?}", other.map(|_| ())),
        }
    }

    #[tokio::test]
    async fn a_client_with_the_local_password_reaches_the_server_as_the_target() {
        for plugin in [NATIVE, CACHING_SHA2] {
            let (up, seen) = fake_server(plugin, false).await;
            let (port, log) = proxy(up, false, token).await;
            let mut conn = mysql_async::Conn::new(client_opts(port, "app", LOCAL, Some("other")))
                .await
                .unwrap();
            assert_eq!(conn.id(), 4242, "the server's thread id reaches the client");
            assert_eq!(conn.server_version(), (8, 0, 99));
            conn.query_drop("KILL QUERY 4242").await.unwrap();
            conn.disconnect().await.unwrap();
            let s = seen.lock().unwrap().clone();
            assert_eq!(s.user, b"app");
            assert!(
                s.proof_ok,
                "the token's proof for {}",
                String::from_utf8_lossy(plugin)
            );
            assert_eq!(s.database.as_deref(), Some(&b"other"[..]));
            assert_eq!(s.queries, [b"KILL QUERY 4242".to_vec()]);
            assert_eq!(s.caps & caps::COMPRESS, 0, "compression is never relayed");
            assert_eq!(log.lock().unwrap().as_slice(), ["ok app"]);
        }
    }

    #[tokio::test]
    async fn without_a_database_the_targets_is_used() {
        let (up, seen) = fake_server(NATIVE, false).await;
        let (port, _) = proxy(up, false, token).await;
        let conn = mysql_async::Conn::new(client_opts(port, "app", LOCAL, None))
            .await
            .unwrap();
        drop(conn);
        assert_eq!(
            seen.lock().unwrap().database.as_deref(),
            Some(&b"appdb"[..])
        );
    }

    #[tokio::test]
    async fn a_wrong_password_or_user_gets_1045_and_nothing_goes_upstream() {
        let (up, seen) = fake_server(NATIVE, false).await;
        let (port, log) = proxy(up, false, token).await;
        let e = server_error(client_opts(port, "app", "wrong", None)).await;
        assert_eq!((e.code, e.state.as_str()), (1045, "28000"));
        assert!(
            e.message
                .starts_with("Access denied for user 'app'@'127.0.0.1' (using password: YES)"),
            "{}",
            e.message
        );
        let e = server_error(client_opts(port, "root", LOCAL, None)).await;
        assert_eq!((e.code, e.state.as_str()), (1045, "28000"));
        assert!(e.message.contains("logs in only as 'app'"), "{}", e.message);
        assert!(seen.lock().unwrap().user.is_empty(), "no login upstream");
        assert_eq!(log.lock().unwrap().len(), 2);
        // --trust: any password, but still only the target's user.
        let (port, _) = proxy(up, true, token).await;
        mysql_async::Conn::new(client_opts(port, "app", "anything", None))
            .await
            .unwrap()
            .disconnect()
            .await
            .unwrap();
        let e = server_error(client_opts(port, "root", "anything", None)).await;
        assert_eq!(e.code, 1045);
    }

    #[tokio::test]
    async fn upstream_failures_reach_the_client_as_err_packets() {
        // Nothing listens.
        let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let closed_port = closed.local_addr().unwrap().port();
        drop(closed);
        let (port, _) = proxy(closed_port, false, token).await;
        let started = std::time::Instant::now();
        let e = server_error(client_opts(port, "app", LOCAL, None)).await;
        assert_eq!(e.code, 2003);
        assert!(
            e.message.contains("cannot connect to app@127.0.0.1"),
            "{}",
            e.message
        );
        assert!(started.elapsed() < Duration::from_secs(2));
        // AWS credentials expired: the client hears dbiam's reason.
        let (up, seen) = fake_server(NATIVE, false).await;
        let (port, log) = proxy(up, false, || {
            Err(Error::credentials(
                "AWS credentials expired; run dbiam login",
            ))
        })
        .await;
        let e = server_error(client_opts(port, "app", LOCAL, None)).await;
        assert_eq!((e.code, e.state.as_str()), (1045, "28000"));
        assert_eq!(e.message, "AWS credentials expired; run dbiam login");
        assert!(seen.lock().unwrap().user.is_empty());
        // The proxy keeps serving.
        let e = server_error(client_opts(port, "app", LOCAL, None)).await;
        assert_eq!(e.code, 1045);
        assert_eq!(log.lock().unwrap().len(), 2);
        // The server refuses the token: its code, dbiam's hint.
        let (port, _) = proxy(up, false, || Ok(Secret::new("stale"))).await;
        let e = server_error(client_opts(port, "app", LOCAL, None)).await;
        assert_eq!((e.code, e.state.as_str()), (1045, "28000"));
        assert!(
            e.message
                .contains("Access denied for user 'app'@'localhost'"),
            "{}",
            e.message
        );
    }

    #[tokio::test]
    async fn a_cleartext_request_without_tls_is_refused() {
        let (up, seen) = fake_server(NATIVE, true).await;
        let (port, _) = proxy(up, false, token).await;
        let e = server_error(client_opts(port, "app", LOCAL, None)).await;
        assert!(e.message.contains("only over TLS"), "{}", e.message);
        assert_eq!(seen.lock().unwrap().cleartext, None);
    }

    /// A client whose first answer uses another plugin is switched to the greeting's.
    #[tokio::test]
    async fn other_plugins_are_switched_to_the_greetings() {
        let (up, _) = fake_server(NATIVE, false).await;
        let (port, _) = proxy(up, false, token).await;
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let (_, g) = wire::read_packet(&mut s).await.unwrap();
        let g = Greeting::parse(&g).unwrap();
        assert_eq!(g.auth_plugin, NATIVE);
        assert_eq!(g.caps & (caps::COMPRESS | caps::SSL), 0);
        let r = Response {
            caps: caps::PROTOCOL_41 | caps::SECURE_CONNECTION | caps::PLUGIN_AUTH,
            max_packet: 1 << 24,
            charset: 33,
            user: b"app".to_vec(),
            auth: vec![1; 32],
            auth_plugin: Some(b"client_ed25519".to_vec()),
            ..Response::default()
        };
        wire::write_packet(&mut s, 1, &r.encode(false))
            .await
            .unwrap();
        let (seq, sw) = wire::read_packet(&mut s).await.unwrap();
        assert_eq!(seq, 2);
        let (plugin, nonce) = wire::parse_auth_switch(&sw).unwrap();
        assert_eq!(plugin, NATIVE);
        assert_ne!(nonce, g.nonce, "a fresh nonce");
        wire::write_packet(&mut s, 3, &scramble::native(LOCAL.as_bytes(), &nonce))
            .await
            .unwrap();
        let (seq, ok) = wire::read_packet(&mut s).await.unwrap();
        assert_eq!((seq, ok[0]), (4, 0));
        // An SSLRequest is refused with a bad-handshake error.
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        wire::read_packet(&mut s).await.unwrap();
        let ssl = Response {
            caps: caps::PROTOCOL_41 | caps::SSL,
            ..Response::default()
        };
        wire::write_packet(&mut s, 1, &ssl.encode(true))
            .await
            .unwrap();
        let (seq, err) = wire::read_packet(&mut s).await.unwrap();
        let e = wire::parse_err(&err);
        assert_eq!((seq, e.code), (2, 1043));
        assert!(e.message.contains("TLS"), "{}", e.message);
        // Garbage: a bad handshake, not a panic.
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        wire::read_packet(&mut s).await.unwrap();
        wire::write_packet(&mut s, 1, b"GET / HTTP/1.1")
            .await
            .unwrap();
        let (_, err) = wire::read_packet(&mut s).await.unwrap();
        assert_eq!(wire::parse_err(&err).code, 1043);
    }
}
