//! The MySQL/MariaDB engine of `dbiam proxy` (MySQL, MariaDB, Aurora MySQL): one client
//! connection from the greeting to the relay.
//!
//! 1. Connect to the server and read its greeting (nothing is sent to it yet).
//! 2. Greet the client as that server (its version string, thread id, character set and
//!    status, and the capabilities the proxy can relay unchanged: no compression, no TLS
//!    on the loopback leg) with a fresh nonce and `mysql_native_password`
//!    (`caching_sha2_password` when the server prefers it).
//! 3. Check the client's proof of the local password with either plugin (a client
//!    answering with another plugin is asked again), in constant time, then that it
//!    names the target's user. `--trust` skips the password, never the user.
//! 4. Log in upstream: the SSLRequest with the capabilities of the response that follows
//!    (MariaDB reads them there), TLS verified as `dbiam sql` verifies it, then the
//!    client's handshake response with the target's user, the proof of the IAM token for
//!    the server's plugin, and the database the client named (else the target's). The
//!    token goes in clear only when the server asks for `mysql_clear_password` (RDS's
//!    `AWSAuthenticationPlugin`) or caching_sha2's full authentication, and only over TLS.
//! 5. Hand the server's OK to the client in the client's sequence. Both sides now agree
//!    on the same capabilities and every command restarts the sequence ids, so bytes are
//!    relayed unchanged (`KILL QUERY` is an ordinary statement: the thread id the client
//!    saw is the server's).
//!
//! The server's greeting comes first because it carries the thread id the client's
//! cancel uses (`KILL QUERY <id>` from the mariadb client's Ctrl-C, JDBC's
//! `Statement.cancel()`), which must be the server's. A server counts a connection
//! dropped in the middle of its handshake against `max_connect_errors` and, past it,
//! blocks the proxy's host; so an upstream connection a client leaves unused (a wrong
//! local password, garbage, a client that goes away or stays silent, a refused user) is
//! finished with a login and `COM_QUIT` in the background ([`finish_unused`]), which also
//! resets the server's count. Without a credential to log in with (expired AWS
//! credentials, an account not allowed) no upstream connection is opened at all: the
//! proxy greets the client itself, checks the local password, and answers 1045 with
//! dbiam's reason. A client still silent after [`PARK`] gets a fresh upstream
//! connection if it ever logs in, so the parked one is never held past the server's own
//! `connect_timeout` (10 s by default).
//!
//! Every failure reaches the client as an ERR packet: 1045 (28000) with the server's own
//! wording for a wrong local password, 1045 for another user name or missing AWS
//! credentials, 1043 (08S01) for a bad handshake, 1105 (08S01, a connection failure for
//! JDBC pools) when the server cannot be reached or its TLS is refused, and the server's
//! own code when it refuses the login. (Client libraries take an ERR with a client-side
//! code such as 2003 for a malformed packet, so only server codes are sent.)

pub mod scramble;
pub mod wire;

use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;

use self::scramble::{CACHING_SHA2, CLEAR, NATIVE};
use self::wire::{caps, Greeting, Response};
use super::local_auth::constant_time_eq;
use super::{ConnLog, Service, Session, UpstreamStream};
use crate::db::{auth_failure_hint, Login};
use crate::error::Kind;

/// How long getting the upstream credential (an AWS call at worst) may take.
const LOGIN_TIMEOUT: Duration = Duration::from_secs(60);

/// The code and SQLSTATE for a server that cannot be reached.
const UNREACHABLE: (u16, &str) = (1105, "08S01");

/// How long an upstream connection waits for the client's first answer before it is
/// finished (well inside the servers' default `connect_timeout` of 10 s).
pub const PARK: Duration = Duration::from_secs(5);

/// At most this many unused upstream connections are finished at once (a flood of bad
/// clients cannot turn into a flood of logins; one finished login resets the server's
/// count anyway).
static FINISHING: Semaphore = Semaphore::const_new(8);

/// `COM_QUIT`.
const COM_QUIT: u8 = 0x01;

/// Why a connection ends before the relay: sent to the client as an ERR packet, logged.
#[derive(Debug)]
struct Refusal {
    code: u16,
    state: String,
    message: String,
    /// What the log says when it differs from what the client is told.
    log: Option<String>,
}

fn refusal(code: u16, state: &str, message: impl Into<String>) -> Refusal {
    Refusal {
        code,
        state: state.to_owned(),
        message: message.into(),
        log: None,
    }
}

/// A failure to reach or log in to the server: ER_UNKNOWN_ERROR with a connection
/// failure's SQLSTATE.
fn unreachable(service: &Service, what: impl std::fmt::Display) -> Refusal {
    refusal(
        UNREACHABLE.0,
        UNREACHABLE.1,
        format!(
            "dbiam proxy: cannot connect to {}: {what}",
            service.upstream.describe()
        ),
    )
}

/// Serve one MySQL client connection, filling in `log`.
pub async fn serve(mut s: Session, log: &mut ConnLog) {
    let service = s.service.clone();
    let host = client_host(&log.client);
    let mut client = Client {
        io: &mut s.client,
        // The greeting is packet 0: the "last" id before it is 255.
        seq: u8::MAX,
    };
    match handshake(&mut client, &service, &host, log).await {
        Ok(mut up) => {
            log.outcome = "ok".into();
            tokio::select! {
                r = tokio::io::copy_bidirectional(&mut s.client, &mut up) => {
                    match r {
                        // A server closing after COM_QUIT without TLS close_notify, or
                        // a client resetting after it: the session simply ended.
                        Err(e) if !matches!(e.kind(), std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset) => {
                            log.fail(format!("connection broken: {e}"));
                        }
                        _ => {}
                    }
                }
                _ = s.shutdown.closing() => log.fail("closed at shutdown"),
            }
        }
        Err(r) => {
            log.fail(r.log.as_deref().unwrap_or(&r.message));
            // Before the greeting the client has not said it speaks protocol 4.1.
            let state = (client.seq != u8::MAX).then_some(r.state.as_str());
            let message = crate::error::one_line(&r.message);
            let _ = client
                .send(&wire::err_packet(r.code, state, &message))
                .await;
            let _ = s.client.shutdown().await;
        }
    }
    log.bytes_from_client = s.client.from_client;
    log.bytes_to_client = s.client.to_client;
}

/// The host part of `127.0.0.1:5000` or `[::1]:5000`, as the server would name the
/// client in "Access denied for user 'u'@'host'".
fn client_host(addr: &str) -> String {
    let host = addr.rsplit_once(':').map_or(addr, |(h, _)| h);
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned()
}

/// The client side of the handshake: its stream and the last sequence id used.
struct Client<'a, C> {
    io: &'a mut C,
    seq: u8,
}

impl<C: AsyncRead + AsyncWrite + Unpin> Client<'_, C> {
    async fn send(&mut self, payload: &[u8]) -> Result<(), Refusal> {
        self.seq = self.seq.wrapping_add(1);
        wire::write_packet(self.io, self.seq, payload)
            .await
            .map_err(|e| {
                refusal(
                    UNREACHABLE.0,
                    UNREACHABLE.1,
                    format!("the client went away: {e}"),
                )
            })
    }

    async fn read(&mut self, timeout: Duration) -> Result<Vec<u8>, Refusal> {
        let (seq, p) = tokio::time::timeout(timeout, wire::read_packet(self.io))
            .await
            .map_err(|_| no_login(timeout))?
            .map_err(bad_handshake)?;
        self.seq = seq;
        Ok(p)
    }

    /// [`Client::read`] that releases `parked` when the client has not answered within
    /// [`PARK`] (the read itself goes on, never cancelled half-way through a packet).
    async fn read_parked(
        &mut self,
        timeout: Duration,
        parked: &mut Parked,
    ) -> Result<Vec<u8>, Refusal> {
        let read = wire::read_packet(self.io);
        tokio::pin!(read);
        let early = tokio::select! {
            r = &mut read => Some(r),
            _ = tokio::time::sleep(PARK.min(timeout)) => None,
        };
        let r = match early {
            Some(r) => r,
            None => {
                parked.finish_now();
                tokio::time::timeout(timeout.saturating_sub(PARK), &mut read)
                    .await
                    .map_err(|_| no_login(timeout))?
            }
        };
        let (seq, p) = r.map_err(bad_handshake)?;
        self.seq = seq;
        Ok(p)
    }
}

fn no_login(timeout: Duration) -> Refusal {
    refusal(
        1043,
        "08S01",
        format!("dbiam proxy: no login within {} s", timeout.as_secs()),
    )
}

fn bad_handshake(e: std::io::Error) -> Refusal {
    refusal(1043, "08S01", format!("bad handshake: {e}"))
}

/// An upstream connection whose greeting was read and which nobody has logged in on
/// yet: finished with [`finish_unused`] if it is dropped unused.
struct Parked {
    service: Arc<Service>,
    conn: Option<(TcpStream, Greeting)>,
}

impl Parked {
    /// Finish the connection now (the client is slow); a new one is made if needed.
    fn finish_now(&mut self) {
        if let Some((tcp, server)) = self.conn.take() {
            tokio::spawn(finish_unused(self.service.clone(), tcp, server));
        }
    }
}

impl Drop for Parked {
    fn drop(&mut self) {
        if self.conn.is_some() && tokio::runtime::Handle::try_current().is_ok() {
            self.finish_now();
        }
    }
}

/// Log in on an upstream connection no client will use, then `COM_QUIT`, so the server
/// sees a complete, successful connection rather than an interrupted handshake. Bounded
/// by the connect timeout; without a credential (expired AWS credentials) or TLS the
/// connection is simply closed.
async fn finish_unused(service: Arc<Service>, tcp: TcpStream, server: Greeting) {
    let Ok(_permit) = FINISHING.try_acquire() else {
        return;
    };
    let upstream = &service.upstream;
    if upstream.requires_tls() && server.caps & caps::SSL == 0 {
        return;
    }
    let finish = async {
        let login = upstream.login().await.ok()?;
        let nobody = Response {
            max_packet: 1 << 24,
            charset: server.charset,
            ..Response::default()
        };
        let request = upstream_response(&server, &server, &nobody, None, &login, &service);
        let (mut up, _) = login_upstream(&service, tcp, request, &login).await.ok()?;
        wire::write_packet(&mut up, 0, &[COM_QUIT]).await.ok()?;
        let _ = up.shutdown().await;
        Some(())
    };
    let done = tokio::time::timeout(upstream.connect_timeout(), finish).await;
    crate::debug!(
        "proxy: {} an upstream connection no client used (login, then COM_QUIT)",
        if matches!(done, Ok(Some(()))) {
            "finished"
        } else {
            "could not finish"
        }
    );
}

/// Connect to the server and read its greeting, both within the connect timeout.
async fn connect_upstream(service: &Service) -> Result<(TcpStream, Greeting), Refusal> {
    let upstream = &service.upstream;
    let deadline = tokio::time::Instant::now() + upstream.connect_timeout();
    let tcp = upstream
        .connect_tcp()
        .await
        .map_err(|e| refusal(UNREACHABLE.0, UNREACHABLE.1, format!("dbiam proxy: {e}")))?;
    let (tcp, server) = tokio::time::timeout_at(deadline, read_greeting(service, tcp))
        .await
        .map_err(|_| unreachable(service, "no greeting from the server"))??;
    if upstream.requires_tls() && server.caps & caps::SSL == 0 {
        return Err(unreachable(
            service,
            "the server does not support TLS (IAM tokens are only sent over TLS)",
        ));
    }
    Ok((tcp, server))
}

/// Steps 1–5: the authenticated upstream stream, the server's OK already sent on.
async fn handshake<C: AsyncRead + AsyncWrite + Unpin>(
    client: &mut Client<'_, C>,
    service: &Arc<Service>,
    host: &str,
    log: &mut ConnLog,
) -> Result<UpstreamStream, Refusal> {
    let upstream = &service.upstream;
    let timeout = upstream.connect_timeout();

    // 0. A credential to log in with (from the token cache). Without one (expired AWS
    //    credentials, an account not allowed) no upstream connection is opened, since
    //    it could not be finished cleanly: the client still proves the local password,
    //    to a greeting of the proxy's own, and then hears why.
    let no_credential = credential(service).await.err();

    // 1. The server's greeting, before anything is asked of the client; from here on
    //    the connection is finished cleanly whatever the client does.
    let (conn, server) = match no_credential {
        None => {
            let (tcp, server) = connect_upstream(service).await?;
            (Some((tcp, server.clone())), server)
        }
        Some(_) => (None, own_greeting()),
    };
    let mut parked = Parked {
        service: service.clone(),
        conn,
    };

    // 2. Greet the client as that server.
    let offered = client_greeting(&server)?;
    client.send(&offered.encode()).await?;

    // 3. The client's answer and its proof of the local password. A client that has
    //    not answered within PARK releases the upstream connection.
    let client_timeout = service.settings.client_timeout;
    let first = client.read_parked(client_timeout, &mut parked).await?;
    if Response::is_ssl_request(&first) {
        return Err(refusal(
            1043,
            "08S01",
            "dbiam proxy: the loopback leg to the proxy does not use TLS; connect with TLS off \
             (mariadb --skip-ssl, mysql --ssl-mode=DISABLED, JDBC sslMode=disable)",
        ));
    }
    let resp = Response::parse(&first, offered.caps)
        .map_err(|m| refusal(1043, "08S01", format!("bad handshake: {m}")))?;
    let user = String::from_utf8_lossy(&resp.user).into_owned();
    log.user = Some(user.clone());
    let database = resp
        .database
        .as_ref()
        .map(|d| String::from_utf8_lossy(d).into_owned())
        .or_else(|| Some(upstream.params().dbname.clone()).filter(|d| !d.is_empty()));
    log.database.clone_from(&database);
    let fast_auth = verify_local(client, service, &offered, &resp, &user, host).await?;
    service
        .auth
        .check_user(&user, None)
        .map_err(|m| refusal(1045, "28000", m))?;
    if let Some(refused) = no_credential {
        return Err(refused);
    }
    if fast_auth {
        // caching_sha2_password: "fast authentication succeeded"; the OK follows.
        client.send(&[0x01, 0x03]).await?;
    }

    // 4. Log in upstream, with the credential as it is now (the client may have taken
    //    a while; the token cache hands out a fresh token when the old one is due).
    let login = credential(service).await?;
    // The parked connection, or a new one when it was released (its thread id is then
    // not the one the client was told: a KILL of that id finds no thread).
    let (tcp, server) = match parked.conn.take() {
        Some(c) => c,
        None => connect_upstream(service).await?,
    };
    let request = upstream_response(&server, &offered, &resp, database, &login, service);
    let (up, ok) = tokio::time::timeout(timeout, login_upstream(service, tcp, request, &login))
        .await
        .map_err(|_| {
            unreachable(
                service,
                format_args!("timed out after {} s", timeout.as_secs()),
            )
        })??;

    // 5. The server's OK, as the server sent it, in the client's sequence.
    client.send(&ok).await?;
    Ok(up)
}

/// Read the server's greeting (an ERR instead, "Too many connections" say, is passed on).
async fn read_greeting(
    service: &Service,
    mut tcp: TcpStream,
) -> Result<(TcpStream, Greeting), Refusal> {
    let (_, payload) = wire::read_packet(&mut tcp)
        .await
        .map_err(|e| unreachable(service, format_args!("no greeting from the server: {e}")))?;
    if payload.first() == Some(&0xff) {
        let e = wire::parse_err(&payload);
        return Err(server_refusal(service, &e));
    }
    let g = Greeting::parse(&payload)
        .map_err(|m| unreachable(service, format_args!("not a MySQL server: {m}")))?;
    if g.caps & caps::PROTOCOL_41 == 0 {
        return Err(unreachable(service, "the server predates MySQL 4.1"));
    }
    Ok((tcp, g))
}

/// The greeting the client gets: the server's identity and the capabilities that can be
/// relayed, a fresh nonce, and an authentication plugin the proxy can check.
fn client_greeting(server: &Greeting) -> Result<Greeting, Refusal> {
    Ok(Greeting {
        server_version: server.server_version.clone(),
        connection_id: server.connection_id,
        nonce: scramble::nonce()
            .map_err(|e| refusal(1105, "HY000", format!("dbiam proxy: {e}")))?,
        caps: (server.caps & caps::RELAYABLE) | caps::PLUGIN_AUTH | caps::SECURE_CONNECTION,
        charset: server.charset,
        status: server.status,
        auth_plugin: if server.auth_plugin == CACHING_SHA2 {
            CACHING_SHA2.to_vec()
        } else {
            NATIVE.to_vec()
        },
    })
}

/// The credential to log in upstream with, or the refusal a client hears without one.
async fn credential(service: &Service) -> Result<Login, Refusal> {
    tokio::time::timeout(LOGIN_TIMEOUT, service.upstream.login())
        .await
        .map_err(|_| {
            refusal(
                UNREACHABLE.0,
                UNREACHABLE.1,
                "dbiam proxy: timed out getting the AWS credential",
            )
        })?
        .map_err(|e| {
            let (code, state) = match e.kind() {
                Kind::Credentials | Kind::AccountNotAllowed => (1045, "28000"),
                _ => UNREACHABLE,
            };
            refusal(code, state, format!("dbiam proxy: {e}"))
        })
}

/// The greeting the proxy gives a client when it has no credential to log in upstream
/// with: enough for the client to prove the local password before it hears why.
fn own_greeting() -> Greeting {
    Greeting {
        server_version: b"5.7.0-dbiam-proxy".to_vec(),
        connection_id: 0,
        nonce: Vec::new(),
        caps: caps::RELAYABLE,
        charset: 45, // utf8mb4_general_ci
        status: 2,   // SERVER_STATUS_AUTOCOMMIT
        auth_plugin: NATIVE.to_vec(),
    }
}

/// Check the client's proof of the local password. Returns whether
/// `caching_sha2_password` was used (whose success the client is told before the OK). A
/// wrong password gets the server's own 1045.
async fn verify_local<C: AsyncRead + AsyncWrite + Unpin>(
    client: &mut Client<'_, C>,
    service: &Service,
    offered: &Greeting,
    resp: &Response,
    user: &str,
    host: &str,
) -> Result<bool, Refusal> {
    let client_plugin: &[u8] = resp.auth_plugin.as_deref().unwrap_or(NATIVE);
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
        let nonce =
            scramble::nonce().map_err(|e| refusal(1105, "HY000", format!("dbiam proxy: {e}")))?;
        let mut data = nonce.clone();
        data.push(0);
        client.send(&wire::auth_switch(&plugin, &data)).await?;
        let proof = client.read(service.settings.client_timeout).await?;
        (plugin, nonce, proof)
    };
    let accepted = match service.auth.secret() {
        None => service.auth.is_trust(),
        Some(pw) => scramble::proof(&plugin, pw.expose().as_bytes(), &nonce)
            .is_some_and(|expected| constant_time_eq(&proof, &expected)),
    };
    if !accepted {
        return Err(Refusal {
            log: Some(format!(
                "wrong local password for user '{user}' ({})",
                String::from_utf8_lossy(&plugin)
            )),
            ..refusal(
                1045,
                "28000",
                format!(
                    "Access denied for user '{user}'@'{host}' (using password: {})",
                    if proof.is_empty() { "NO" } else { "YES" }
                ),
            )
        });
    }
    Ok(plugin == CACHING_SHA2)
}

/// The handshake response for the server: what the client and the proxy agreed on (so
/// what the server must agree on too), the target's user, the credential's proof for the
/// server's default plugin, the database, the client's connection attributes.
fn upstream_response(
    server: &Greeting,
    offered: &Greeting,
    client: &Response,
    database: Option<String>,
    login: &Login,
    service: &Service,
) -> Response {
    let relayed = client.caps & offered.caps & caps::RELAYABLE & !caps::HANDSHAKE_ONLY;
    let mut flags = relayed
        | caps::PROTOCOL_41
        | caps::SECURE_CONNECTION
        | caps::PLUGIN_AUTH
        | (server.caps & caps::PLUGIN_AUTH_LENENC_CLIENT_DATA);
    if service.upstream.wants_tls() && server.caps & caps::SSL != 0 {
        flags |= caps::SSL;
    }
    let plugin = if server.auth_plugin == CACHING_SHA2 {
        CACHING_SHA2
    } else {
        NATIVE
    };
    let secret = login
        .password
        .as_ref()
        .map_or(&[][..], |p| p.expose().as_bytes());
    Response {
        caps: flags,
        max_packet: client.max_packet,
        charset: client.charset,
        user: login.params.user.as_bytes().to_vec(),
        auth: scramble::proof(plugin, secret, &server.nonce).unwrap_or_default(),
        database: database.map(String::into_bytes),
        auth_plugin: Some(plugin.to_vec()),
        // The client's attributes, plus the audit tag (or the proxy's given name) as
        // program_name unless the client sent its own.
        attrs: match &login.params.application_name {
            Some(name) => wire::attrs_with_default(client.attrs.as_deref(), "program_name", name),
            None => client.attrs.clone(),
        }
        .filter(|_| server.caps & caps::CONNECT_ATTRS != 0),
    }
}

/// Log in to the server on `tcp` with `request`, answering its authentication requests
/// with the credential. Returns the stream and the server's OK payload.
async fn login_upstream(
    service: &Service,
    tcp: TcpStream,
    request: Response,
    login: &Login,
) -> Result<(UpstreamStream, Vec<u8>), Refusal> {
    let upstream = &service.upstream;
    let lost =
        |e: std::io::Error| unreachable(service, format_args!("connection lost during login: {e}"));
    let mut seq = 0u8;
    let mut up = if request.caps & caps::SSL != 0 {
        // MariaDB takes the capabilities from the SSLRequest, so it carries the flags of
        // the response that follows.
        seq += 1;
        let mut tcp = tcp;
        wire::write_packet(&mut tcp, seq, &request.encode(true))
            .await
            .map_err(lost)?;
        upstream
            .start_tls(tcp)
            .await
            .map_err(|e| refusal(UNREACHABLE.0, UNREACHABLE.1, format!("dbiam proxy: {e}")))?
    } else {
        UpstreamStream::Plain(tcp)
    };
    seq += 1;
    wire::write_packet(&mut up, seq, &request.encode(false))
        .await
        .map_err(lost)?;
    let secret = login
        .password
        .as_ref()
        .map_or(&[][..], |p| p.expose().as_bytes());
    let tls = up.is_tls();
    let clear = |what: &str| -> Result<Vec<u8>, Refusal> {
        if !tls {
            return Err(unreachable(
                service,
                format_args!("the server asked for the password in clear text ({what}) on a connection without TLS; refused"),
            ));
        }
        let mut t = secret.to_vec();
        t.push(0);
        Ok(t)
    };
    for _ in 0..8 {
        let (s, p) = wire::read_packet(&mut up).await.map_err(lost)?;
        let reply = match p.first() {
            Some(0x00) => return Ok((up, p)),
            Some(0xff) => {
                let e = wire::parse_err(&p);
                if e.code == 1045 {
                    // A refused token: the next client gets a fresh one.
                    upstream.forget();
                }
                return Err(server_refusal(service, &e));
            }
            Some(0xfe) => {
                let (plugin, nonce) =
                    wire::parse_auth_switch(&p).map_err(|m| unreachable(service, m))?;
                if plugin == CLEAR {
                    clear("mysql_clear_password")?
                } else if let Some(proof) = scramble::proof(&plugin, secret, &nonce) {
                    proof
                } else {
                    return Err(unreachable(
                        service,
                        format_args!(
                            "the server asked for the {} authentication plugin (the proxy answers \
                             mysql_clear_password, mysql_native_password and caching_sha2_password)",
                            String::from_utf8_lossy(&plugin)
                        ),
                    ));
                }
            }
            // caching_sha2_password: 3 = fast authentication done (the OK follows),
            // 4 = send the password (in clear, over TLS, as MySQL's clients do).
            Some(0x01) if p.get(1) == Some(&0x03) => continue,
            Some(0x01) if p.get(1) == Some(&0x04) => clear("caching_sha2_password")?,
            _ => return Err(unreachable(service, "an unexpected packet during login")),
        };
        seq = s.wrapping_add(1);
        wire::write_packet(&mut up, seq, &reply)
            .await
            .map_err(lost)?;
    }
    Err(unreachable(
        service,
        "the server kept asking for more authentication",
    ))
}

/// The server's ERR, passed on with its code and words, and with dbiam's hint when it
/// refused the credential.
fn server_refusal(service: &Service, e: &wire::ServerErr) -> Refusal {
    let hint = match e.code {
        // ER_ACCESS_DENIED_ERROR, ER_ACCESS_DENIED_NO_PASSWORD_ERROR
        1045 | 1698 => format!(
            " (dbiam proxy: {})",
            auth_failure_hint(service.upstream.params())
        ),
        _ => String::new(),
    };
    Refusal {
        code: e.code,
        state: e.state.clone(),
        message: format!("{}{hint}", e.message),
        log: Some(format!("upstream refused: {e}")),
    }
}

#[cfg(test)]
mod tests {
    //! The engine against a FAKE upstream server (plain TCP, `--sslmode disable` without
    //! IAM: no TLS in unit tests) with a real client library (mysql_async) or hand-made
    //! packets on the client side. The real-server tests are in tests/proxy_mysql.rs.
    use super::*;
    use crate::db::{Auth, ConnParams, Engine, SslMode};
    use crate::proxy::{
        ClientStream, LocalAuth, LogFormat, LoginFuture, LoginSource, Settings, Shutdown, Upstream,
        Wire,
    };
    use crate::secret::Secret;
    use mysql_async::prelude::Queryable;
    use std::sync::{Arc, Mutex};
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
        /// Connections closed before the handshake response.
        interrupted: usize,
        /// Sessions ended with COM_QUIT.
        quits: usize,
        /// Connections accepted.
        connections: usize,
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
                seen.lock().unwrap().connections += 1;
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
                        // Dropped in the middle of the handshake: what a server counts
                        // against max_connect_errors.
                        seen.lock().unwrap().interrupted += 1;
                        return;
                    };
                    let r = Response::parse(&p, FAKE_CAPS).unwrap();
                    let expected = scramble::proof(plugin, TOKEN.as_bytes(), &g.nonce).unwrap();
                    {
                        let mut seen = seen.lock().unwrap();
                        seen.user.clone_from(&r.user);
                        seen.database.clone_from(&r.database);
                        seen.caps = r.caps;
                        seen.proof_ok = r.auth == expected;
                    }
                    let mut seq = seq + 1;
                    if ask_clear {
                        let sw = wire::auth_switch(CLEAR, b"");
                        wire::write_packet(&mut s, seq, &sw).await.unwrap();
                        if let Ok((_, p)) = wire::read_packet(&mut s).await {
                            seen.lock().unwrap().cleartext = Some(p);
                        }
                        return;
                    }
                    if plugin == CACHING_SHA2 {
                        wire::write_packet(&mut s, seq, &[1, 3]).await.unwrap();
                        seq += 1;
                    }
                    if r.auth != expected {
                        let e = wire::err_packet(
                            1045,
                            Some("28000"),
                            "Access denied for user 'app'@'localhost' (using password: YES)",
                        );
                        wire::write_packet(&mut s, seq, &e).await.unwrap();
                        return;
                    }
                    let ok = wire::ok_packet(2);
                    wire::write_packet(&mut s, seq, &ok).await.unwrap();
                    while let Ok((_, p)) = wire::read_packet(&mut s).await {
                        if p.first() == Some(&COM_QUIT) {
                            seen.lock().unwrap().quits += 1;
                        }
                        if p.first() != Some(&3) {
                            return;
                        }
                        seen.lock().unwrap().queries.push(p[1..].to_vec());
                        wire::write_packet(&mut s, 1, &ok).await.unwrap();
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
            cache: None,
            application_name: None,
            audit_tag: true,
        }
    }

    /// The upstream credential: a fixed secret, or dbiam's error.
    struct Fixed(ConnParams, fn() -> crate::error::Result<Secret>);

    impl LoginSource for Fixed {
        fn login(&self) -> LoginFuture<'_> {
            let r = (self.1)().map(|s| Login {
                params: self.0.clone(),
                password: Some(s),
                expires_at: None,
                lifetime: None,
                region: None,
            });
            Box::pin(async move { r })
        }
        fn forget(&self) {}
    }

    /// A proxy listener for one target; returns its port and the log lines.
    async fn proxy_with_timeout(
        upstream_port: u16,
        client_timeout: Duration,
    ) -> (u16, Arc<Mutex<Vec<String>>>) {
        proxy_with(upstream_port, false, token, client_timeout).await
    }

    async fn proxy(
        upstream_port: u16,
        trust: bool,
        login: fn() -> crate::error::Result<Secret>,
    ) -> (u16, Arc<Mutex<Vec<String>>>) {
        proxy_with(upstream_port, trust, login, Duration::from_secs(2)).await
    }

    async fn proxy_with(
        upstream_port: u16,
        trust: bool,
        login: fn() -> crate::error::Result<Secret>,
        client_timeout: Duration,
    ) -> (u16, Arc<Mutex<Vec<String>>>) {
        let p = params(upstream_port);
        let auth = if trust {
            LocalAuth::trust(Some("app".into()))
        } else {
            LocalAuth::password(Some("app".into()), Secret::new(LOCAL), "/unused".into()).unwrap()
        };
        let service = Arc::new(Service {
            name: "t".into(),
            wire: Wire::MySql,
            auth,
            upstream: Upstream::new(p.clone(), Arc::new(Fixed(p, login))).unwrap(),
            settings: Settings {
                client_timeout,
                drain_timeout: Duration::from_secs(1),
                log_format: LogFormat::Text,
            },
            cancel_keys: Default::default(),
        });
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let lines2 = lines.clone();
        let (_close, rx) = tokio::sync::watch::channel(false);
        tokio::spawn(async move {
            let _close = _close;
            while let Ok((c, peer)) = listener.accept().await {
                let session = Session {
                    client: ClientStream::tcp(c),
                    service: service.clone(),
                    shutdown: Shutdown(rx.clone()),
                };
                let lines = lines2.clone();
                tokio::spawn(async move {
                    let mut log = ConnLog::new("t", peer.to_string(), "up".into());
                    serve(session, &mut log).await;
                    lines.lock().unwrap().push(log.line(LogFormat::Text));
                });
            }
        });
        (port, lines)
    }

    fn token() -> crate::error::Result<Secret> {
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

    /// Wait for `n` log lines.
    async fn lines(log: &Mutex<Vec<String>>, n: usize) -> Vec<String> {
        for _ in 0..200 {
            if log.lock().unwrap().len() >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        log.lock().unwrap().clone()
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
            assert!(s.proof_ok, "the token's proof for {plugin:?}");
            assert_eq!(s.database.as_deref(), Some(&b"other"[..]));
            assert_eq!(s.queries, [b"KILL QUERY 4242".to_vec()]);
            assert_eq!(s.caps & caps::COMPRESS, 0, "compression is never relayed");
            let l = lines(&log, 1).await;
            assert!(
                l[0].contains("user=app db=other upstream=up outcome=ok"),
                "{l:?}"
            );
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

    /// Wait (bounded) until what the fake server saw satisfies `done`.
    async fn wait_for(seen: &Mutex<Seen>, done: impl Fn(&Seen) -> bool) -> Seen {
        for _ in 0..500 {
            if done(&seen.lock().unwrap()) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        seen.lock().unwrap().clone()
    }

    #[tokio::test]
    async fn bad_clients_never_leave_an_interrupted_handshake_upstream() {
        use tokio::io::AsyncReadExt;
        let (up, seen) = fake_server(NATIVE, false).await;
        let (port, _) = proxy_with_timeout(up, Duration::from_secs(30)).await;
        // A client that reads the greeting and goes away, one that sends garbage, and
        // one that asks for TLS.
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        wire::read_packet(&mut s).await.unwrap();
        drop(s);
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        wire::read_packet(&mut s).await.unwrap();
        wire::write_packet(&mut s, 1, b"garbage").await.unwrap();
        let mut rest = Vec::new();
        let _ = s.read_to_end(&mut rest).await;
        let s = wait_for(&seen, |s| s.quits == 2).await;
        assert_eq!((s.interrupted, s.quits), (0, 2), "{s:?}");
        // A client silent for longer than PARK: its upstream connection is finished at
        // PARK; when it logs in after all, it gets a fresh one.
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let (_, g) = wire::read_packet(&mut s).await.unwrap();
        let g = Greeting::parse(&g).unwrap();
        tokio::time::sleep(PARK + Duration::from_millis(500)).await;
        let s2 = wait_for(&seen, |s| s.quits == 3).await;
        assert_eq!((s2.interrupted, s2.quits), (0, 3), "{s2:?}");
        let r = Response {
            caps: caps::PROTOCOL_41 | caps::SECURE_CONNECTION | caps::PLUGIN_AUTH,
            max_packet: 1 << 24,
            charset: 33,
            user: b"app".to_vec(),
            auth: scramble::proof(NATIVE, LOCAL.as_bytes(), &g.nonce).unwrap(),
            auth_plugin: Some(NATIVE.to_vec()),
            ..Response::default()
        };
        wire::write_packet(&mut s, 1, &r.encode(false))
            .await
            .unwrap();
        let (_, ok) = wire::read_packet(&mut s).await.unwrap();
        assert_eq!(ok[0], 0, "logged in late: {ok:?}");
        wire::write_packet(&mut s, 0, &[3, b'd', b'o', b' ', b'1'])
            .await
            .unwrap();
        wire::read_packet(&mut s).await.unwrap();
        let s = seen.lock().unwrap().clone();
        assert_eq!(s.queries, [b"do 1".to_vec()]);
        assert_eq!(s.interrupted, 0, "{s:?}");
    }

    #[tokio::test]
    async fn a_wrong_password_or_user_gets_1045_and_nothing_goes_upstream() {
        let (up, seen) = fake_server(NATIVE, false).await;
        let (port, log) = proxy(up, false, token).await;
        let e = server_error(client_opts(port, "app", "wrong", None)).await;
        assert_eq!((e.code, e.state.as_str()), (1045, "28000"));
        assert_eq!(
            e.message,
            "Access denied for user 'app'@'127.0.0.1' (using password: YES)"
        );
        let e = server_error(client_opts(port, "root", LOCAL, None)).await;
        assert_eq!((e.code, e.state.as_str()), (1045, "28000"));
        assert!(e.message.contains("log in as \"app\""), "{}", e.message);
        // The upstream connections the two clients left were finished by the proxy: a
        // login as the target's user and COM_QUIT, never an interrupted handshake, and
        // nothing from the clients reached the server.
        let s = wait_for(&seen, |s| s.quits == 2).await;
        assert_eq!((s.interrupted, s.quits), (0, 2), "{s:?}");
        assert!(s.queries.is_empty());
        assert_eq!(s.database, None, "not the client's database");
        let l = lines(&log, 2).await;
        assert!(
            l.iter().any(|l| l.contains("wrong local password")),
            "{l:?}"
        );
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
        // Nothing listens: a bound socket that never listens keeps the port reserved (so
        // no other test's server can take it) and refuses every connection.
        let closed = tokio::net::TcpSocket::new_v4().unwrap();
        closed.bind("127.0.0.1:0".parse().unwrap()).unwrap();
        let closed_port = closed.local_addr().unwrap().port();
        let (port, _) = proxy(closed_port, false, token).await;
        let started = std::time::Instant::now();
        let e = server_error(client_opts(port, "app", LOCAL, None)).await;
        // Before the greeting: no SQLSTATE, as servers do.
        assert_eq!((e.code, e.state.as_str()), (UNREACHABLE.0, "HY000"));
        assert!(
            e.message.contains("dbiam proxy: cannot connect to"),
            "{}",
            e.message
        );
        assert!(started.elapsed() < Duration::from_secs(2));
        // AWS credentials expired: the client hears dbiam's reason.
        let (up, seen) = fake_server(NATIVE, false).await;
        let (port, log) = proxy(up, false, || {
            Err(crate::error::Error::credentials(
                "AWS credentials expired; run dbiam login",
            ))
        })
        .await;
        for _ in 0..2 {
            let e = server_error(client_opts(port, "app", LOCAL, None)).await;
            assert_eq!((e.code, e.state.as_str()), (1045, "28000"));
            assert_eq!(
                e.message,
                "dbiam proxy: AWS credentials expired; run dbiam login"
            );
        }
        // The local password is still checked first, against the proxy's own greeting.
        let e = server_error(client_opts(port, "app", "wrong", None)).await;
        assert_eq!(
            (e.code, e.message.as_str()),
            (
                1045,
                "Access denied for user 'app'@'127.0.0.1' (using password: YES)"
            )
        );
        // No upstream connection was opened, so none was left half-way through its
        // handshake (what a server counts against max_connect_errors).
        assert_eq!(seen.lock().unwrap().connections, 0);
        assert_eq!(lines(&log, 3).await.len(), 3);
        // The server refuses the token: its code and words, dbiam's hint.
        let (port, log) = proxy(up, false, || Ok(Secret::new("stale"))).await;
        let e = server_error(client_opts(port, "app", LOCAL, None)).await;
        assert_eq!((e.code, e.state.as_str()), (1045, "28000"));
        assert!(
            e.message.starts_with(
                "Access denied for user 'app'@'localhost' (using password: YES) (dbiam proxy: "
            ),
            "{}",
            e.message
        );
        let l = lines(&log, 1).await;
        assert!(
            l[0].contains("upstream refused: ERROR 1045 (28000)"),
            "{l:?}"
        );
    }

    #[tokio::test]
    async fn a_cleartext_request_without_tls_is_refused() {
        let (up, seen) = fake_server(NATIVE, true).await;
        let (port, _) = proxy(up, false, token).await;
        let e = server_error(client_opts(port, "app", LOCAL, None)).await;
        assert!(e.message.contains("without TLS; refused"), "{}", e.message);
        assert_eq!(seen.lock().unwrap().cleartext, None);
    }

    /// Hand-made client packets: plugin switches, an SSLRequest, garbage.
    #[tokio::test]
    async fn other_plugins_are_asked_again() {
        let (up, _) = fake_server(NATIVE, false).await;
        let (port, _) = proxy(up, false, token).await;
        for (plugin, switched_to) in [
            (&b"client_ed25519"[..], NATIVE),
            (CACHING_SHA2, CACHING_SHA2),
        ] {
            let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
            let (_, g) = wire::read_packet(&mut s).await.unwrap();
            let g = Greeting::parse(&g).unwrap();
            assert_eq!(g.auth_plugin, NATIVE);
            assert_eq!(g.connection_id, 4242);
            assert_eq!(g.caps & (caps::COMPRESS | caps::SSL), 0);
            let r = Response {
                caps: caps::PROTOCOL_41 | caps::SECURE_CONNECTION | caps::PLUGIN_AUTH,
                max_packet: 1 << 24,
                charset: 33,
                user: b"app".to_vec(),
                auth: vec![],
                auth_plugin: Some(plugin.to_vec()),
                ..Response::default()
            };
            wire::write_packet(&mut s, 1, &r.encode(false))
                .await
                .unwrap();
            let (seq, sw) = wire::read_packet(&mut s).await.unwrap();
            assert_eq!(seq, 2);
            let (plugin, nonce) = wire::parse_auth_switch(&sw).unwrap();
            assert_eq!(plugin, switched_to);
            assert_ne!(nonce, g.nonce, "a fresh nonce");
            let proof = scramble::proof(&plugin, LOCAL.as_bytes(), &nonce).unwrap();
            wire::write_packet(&mut s, 3, &proof).await.unwrap();
            let mut seq = 4;
            if plugin == CACHING_SHA2 {
                assert_eq!(wire::read_packet(&mut s).await.unwrap(), (4, vec![1, 3]));
                seq = 5;
            }
            let (got, ok) = wire::read_packet(&mut s).await.unwrap();
            assert_eq!((got, ok[0]), (seq, 0));
        }
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
        assert!(e.message.contains("TLS off"), "{}", e.message);
        // Garbage: a bad handshake, not a panic; a silent client is dropped.
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        wire::read_packet(&mut s).await.unwrap();
        wire::write_packet(&mut s, 1, b"GET / HTTP/1.1")
            .await
            .unwrap();
        let (_, err) = wire::read_packet(&mut s).await.unwrap();
        assert_eq!(wire::parse_err(&err).code, 1043);
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        wire::read_packet(&mut s).await.unwrap();
        let (_, err) = wire::read_packet(&mut s).await.unwrap();
        let e = wire::parse_err(&err);
        assert!(e.message.contains("no login within 2 s"), "{}", e.message);
    }

    #[test]
    fn the_client_host_is_the_address_without_the_port() {
        assert_eq!(client_host("127.0.0.1:5000"), "127.0.0.1");
        assert_eq!(client_host("[::1]:5000"), "::1");
    }
}
