//! The PostgreSQL engine of `dbiam proxy` (PostgreSQL, Aurora, RDS Proxy, Redshift,
//! Aurora DSQL): the server side of the startup (SSLRequest answered `N` on the loopback
//! leg, StartupMessage, SCRAM-SHA-256 with the local password), the upstream startup
//! (SSLRequest → TLS → the client's StartupMessage with the target's user → cleartext,
//! MD5 or SCRAM with the credential), then the server's messages relayed unchanged and
//! bytes copied both ways. Cancel requests are forwarded, over a new TLS connection, for
//! the backend keys of this listener's live sessions only.

use std::sync::Arc;

use postgres_protocol::authentication::sasl::{ChannelBinding, ScramSha256};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::local_auth::ScramError;
use super::{ConnLog, Service, Session, UpstreamStream};
use crate::db::Login;
use crate::error::Kind;

const SSL_REQUEST: u32 = 80_877_103;
const GSSENC_REQUEST: u32 = 80_877_104;
const CANCEL_REQUEST: u32 = 80_877_102;
/// PostgreSQL's own limit on a startup packet.
const MAX_STARTUP: usize = 10_000;
/// The largest handshake message accepted from either side.
const MAX_HANDSHAKE_MESSAGE: usize = 1 << 20;
const SCRAM: &str = "SCRAM-SHA-256";

/// An error that ends the connection: sent to the client as a FATAL ErrorResponse.
#[derive(Debug)]
struct Fatal {
    code: &'static str,
    message: String,
}

fn fatal(code: &'static str, message: impl Into<String>) -> Fatal {
    Fatal {
        code,
        message: message.into(),
    }
}

/// How an upstream attempt failed.
enum UpFail {
    /// A failure of ours (unreachable, TLS, credentials): a FATAL from the proxy.
    Fatal(Fatal),
    /// The server's own ErrorResponse (a refused password, a missing database):
    /// forwarded as it is.
    Server {
        raw: Vec<u8>,
        code: String,
        message: String,
    },
}

impl From<Fatal> for UpFail {
    fn from(f: Fatal) -> Self {
        UpFail::Fatal(f)
    }
}

/// An ErrorResponse message.
fn error_response(severity: &str, code: &str, message: &str) -> Vec<u8> {
    let mut body = Vec::new();
    for (field, value) in [
        (b'S', severity),
        (b'V', severity),
        (b'C', code),
        (b'M', message),
    ] {
        body.push(field);
        body.extend_from_slice(value.replace('\0', " ").as_bytes());
        body.push(0);
    }
    body.push(0);
    message_bytes(b'E', &body)
}

fn message_bytes(kind: u8, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 5);
    out.push(kind);
    out.extend_from_slice(&((body.len() + 4) as u32).to_be_bytes());
    out.extend_from_slice(body);
    out
}

fn auth_message(code: u32, data: &[u8]) -> Vec<u8> {
    let mut body = code.to_be_bytes().to_vec();
    body.extend_from_slice(data);
    message_bytes(b'R', &body)
}

/// The SQLSTATE and message of an ErrorResponse body.
fn error_fields(body: &[u8]) -> (String, String) {
    let (mut code, mut message) = (String::new(), String::new());
    let mut rest = body;
    while let Some((&field, tail)) = rest.split_first() {
        if field == 0 {
            break;
        }
        let end = tail.iter().position(|b| *b == 0).unwrap_or(tail.len());
        let value = String::from_utf8_lossy(&tail[..end]).into_owned();
        match field {
            b'C' => code = value,
            b'M' => message = value,
            _ => {}
        }
        rest = tail.get(end + 1..).unwrap_or_default();
    }
    (code, message)
}

/// Read one typed message (`kind`, body) of at most `max` bytes.
async fn read_message<S: AsyncRead + Unpin>(
    s: &mut S,
    max: usize,
) -> std::io::Result<(u8, Vec<u8>)> {
    let kind = s.read_u8().await?;
    let len = s.read_u32().await? as usize;
    if !(4..=max).contains(&len) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("invalid message length {len}"),
        ));
    }
    let mut body = vec![0; len - 4];
    s.read_exact(&mut body).await?;
    Ok((kind, body))
}

/// What a client opens with.
enum First {
    Startup {
        version: u32,
        params: Vec<(String, String)>,
    },
    Cancel(Vec<u8>),
}

async fn read_first<S: AsyncRead + AsyncWrite + Unpin>(s: &mut S) -> Result<First, Fatal> {
    let proto = |m: &str| fatal("08P01", m);
    loop {
        let len = s
            .read_u32()
            .await
            .map_err(|_| proto("the client closed the connection before the startup packet"))?
            as usize;
        if !(8..=MAX_STARTUP).contains(&len) {
            return Err(proto("invalid length of startup packet"));
        }
        let mut body = vec![0; len - 4];
        s.read_exact(&mut body)
            .await
            .map_err(|_| proto("incomplete startup packet"))?;
        let code = u32::from_be_bytes([body[0], body[1], body[2], body[3]]);
        match code {
            SSL_REQUEST | GSSENC_REQUEST if len == 8 => {
                // The loopback leg is plain text: clients use sslmode=disable or prefer.
                s.write_all(b"N")
                    .await
                    .map_err(|_| proto("the client went away"))?;
            }
            CANCEL_REQUEST if len >= 16 => return Ok(First::Cancel(body[4..].to_vec())),
            v if v >> 16 == 3 => {
                let mut params = Vec::new();
                let mut fields = body[4..].split(|b| *b == 0);
                loop {
                    let Some(k) = fields.next() else {
                        return Err(proto("invalid startup packet layout"));
                    };
                    if k.is_empty() {
                        break;
                    }
                    let v = fields
                        .next()
                        .ok_or_else(|| proto("invalid startup packet layout"))?;
                    let text = |b: &[u8]| {
                        String::from_utf8(b.to_vec())
                            .map_err(|_| proto("startup packet is not valid UTF-8"))
                    };
                    params.push((text(k)?, text(v)?));
                }
                return Ok(First::Startup { version: v, params });
            }
            _ => return Err(proto("unsupported frontend protocol or request")),
        }
    }
}

/// Serve one PostgreSQL client connection, filling in `log`.
pub async fn serve(mut s: Session, log: &mut ConnLog) {
    let service = s.service.clone();
    if let Err(f) = run(&mut s, &service, log).await {
        log.fail(&f.message);
        let _ = s
            .client
            .write_all(&error_response("FATAL", f.code, &f.message))
            .await;
        let _ = s.client.shutdown().await;
    }
    log.bytes_from_client = s.client.from_client;
    log.bytes_to_client = s.client.to_client;
}

async fn run(s: &mut Session, service: &Arc<Service>, log: &mut ConnLog) -> Result<(), Fatal> {
    let timeout = service.settings.client_timeout;
    let first = tokio::time::timeout(timeout, read_first(&mut s.client))
        .await
        .map_err(|_| {
            fatal(
                "08P01",
                format!("no startup packet within {} s", timeout.as_secs()),
            )
        })??;
    let (version, mut params) = match first {
        First::Cancel(key) => {
            forward_cancel(service, &key, log).await;
            return Ok(());
        }
        First::Startup { version, params } => (version, params),
    };
    let get = |params: &[(String, String)], k: &str| {
        params
            .iter()
            .find(|(name, _)| name == k)
            .map(|(_, v)| v.clone())
    };
    let user = get(&params, "user").ok_or_else(|| {
        fatal(
            "28000",
            "no PostgreSQL user name specified in startup packet",
        )
    })?;
    log.user = Some(user.clone());
    let database = get(&params, "database")
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| service.upstream.params().dbname.clone());
    log.database = Some(database.clone());
    service
        .auth
        .check_user(&user, None)
        .map_err(|m| fatal("28000", m))?;
    if let Some(keys) = service.auth.scram() {
        tokio::time::timeout(timeout, scram_login(&mut s.client, keys, &user))
            .await
            .map_err(|_| fatal("08P01", format!("no login within {} s", timeout.as_secs())))??;
    }

    let login = tokio::time::timeout(std::time::Duration::from_secs(60), service.upstream.login())
        .await
        .map_err(|_| fatal("08001", "dbiam proxy: timed out getting the AWS credential"))?
        .map_err(|e| {
            let code = match e.kind() {
                Kind::Credentials | Kind::AccountNotAllowed => "28000",
                _ => "08001",
            };
            fatal(code, format!("dbiam proxy: {e}"))
        })?;
    if service.auth.user().is_none() {
        service
            .auth
            .check_user(&user, Some(&login.params.user))
            .map_err(|m| fatal("28000", m))?;
    }
    for (k, v) in params.iter_mut() {
        if k == "user" {
            v.clone_from(&login.params.user);
        }
    }
    if get(&params, "database").is_none_or(|d| d.is_empty()) {
        params.retain(|(k, _)| k != "database");
        params.push(("database".into(), database));
    }
    // The audit tag (or the name the proxy was given) names the session upstream,
    // unless the client named it itself: the client's own application_name wins.
    if let Some(name) = &login.params.application_name {
        if get(&params, "application_name").is_none_or(|a| a.is_empty()) {
            params.retain(|(k, _)| k != "application_name");
            params.push(("application_name".into(), name.clone()));
        }
    }

    let connect_timeout = service.upstream.connect_timeout();
    let opened = tokio::time::timeout(
        connect_timeout,
        open_upstream(service, &login, version, &params),
    )
    .await
    .unwrap_or_else(|_| {
        Err(UpFail::Fatal(fatal(
            "08001",
            format!(
                "dbiam proxy: cannot connect to {}: timed out after {} s",
                service.upstream.describe(),
                connect_timeout.as_secs()
            ),
        )))
    });
    let (mut up, greeting) = match opened {
        Ok(x) => x,
        Err(UpFail::Fatal(f)) => return Err(f),
        Err(UpFail::Server { raw, code, message }) => {
            log.fail(format!("upstream refused: {code} {message}"));
            let raw = if code.starts_with("28") {
                // A refused credential (a rejected key, a token signed for another
                // endpoint, …): the next client gets a fresh one, and this one hears
                // the server's words with dbiam's reason, not a bare "password
                // authentication failed" it would blame on the local password.
                service.upstream.forget();
                let hint = crate::db::auth_failure_hint(service.upstream.params());
                error_response("FATAL", &code, &format!("{message} (dbiam proxy: {hint})"))
            } else {
                raw
            };
            let _ = s.client.write_all(&raw).await;
            let _ = s.client.shutdown().await;
            return Ok(());
        }
    };
    // ParameterStatus, BackendKeyData, … up to ReadyForQuery, as the server sent them
    // (gathered after the authentication messages and written in one go, not one
    // write per message); the backend key is remembered for cancel requests.
    let mut pending = greeting;
    let mut key_guard = None;
    loop {
        let (kind, body) = tokio::time::timeout(
            connect_timeout,
            read_message(&mut up, MAX_HANDSHAKE_MESSAGE),
        )
        .await
        .map_err(|_| {
            fatal(
                "08001",
                "dbiam proxy: the server did not finish the startup",
            )
        })?
        .map_err(|e| {
            fatal(
                "08006",
                format!("dbiam proxy: connection to the server lost: {e}"),
            )
        })?;
        if kind == b'K' {
            key_guard = Some(CancelKey::register(service, body.clone()));
        }
        pending.extend_from_slice(&message_bytes(kind, &body));
        if matches!(kind, b'Z' | b'E') {
            s.client
                .write_all(&pending)
                .await
                .map_err(|_| fatal("08006", "the client went away"))?;
        }
        match kind {
            b'Z' => break,
            b'E' => {
                let (code, message) = error_fields(&body);
                log.fail(format!("upstream error: {code} {message}"));
                return Ok(());
            }
            _ => {}
        }
    }

    log.outcome = "ok".into();
    tokio::select! {
        r = tokio::io::copy_bidirectional(&mut s.client, &mut up) => {
            if let Err(e) = r {
                log.fail(format!("connection broken: {e}"));
            }
        }
        _ = s.shutdown.closing() => log.fail("closed at shutdown"),
    }
    drop(key_guard);
    Ok(())
}

/// SCRAM-SHA-256 with the local password: the client proves it knows it.
async fn scram_login<S: AsyncRead + AsyncWrite + Unpin>(
    client: &mut S,
    keys: &super::local_auth::ScramKeys,
    user: &str,
) -> Result<(), Fatal> {
    let gone = |_| fatal("08006", "the client closed the connection during login");
    let mut mechanisms = SCRAM.as_bytes().to_vec();
    mechanisms.extend_from_slice(b"\0\0");
    client
        .write_all(&auth_message(10, &mechanisms))
        .await
        .map_err(gone)?;
    let (kind, body) = read_message(client, MAX_STARTUP).await.map_err(gone)?;
    if kind != b'p' {
        return Err(fatal("08P01", "expected a SASL response"));
    }
    let nul = body
        .iter()
        .position(|b| *b == 0)
        .ok_or_else(|| fatal("08P01", "malformed SASL initial response"))?;
    if &body[..nul] != SCRAM.as_bytes() {
        return Err(fatal(
            "28000",
            "the client must log in with SCRAM-SHA-256 (use the local password)",
        ));
    }
    let data = body
        .get(nul + 5..)
        .ok_or_else(|| fatal("08P01", "malformed SASL initial response"))?;
    let scram_fail = |e: ScramError| match e {
        ScramError::Protocol(m) => fatal("08P01", m),
        ScramError::BadProof => fatal(
            "28P01",
            format!("password authentication failed for user \"{user}\""),
        ),
    };
    let (exchange, server_first) = keys.start(data).map_err(scram_fail)?;
    client
        .write_all(&auth_message(11, server_first.as_bytes()))
        .await
        .map_err(gone)?;
    let (kind, body) = read_message(client, MAX_STARTUP).await.map_err(gone)?;
    if kind != b'p' {
        return Err(fatal("08P01", "expected a SASL response"));
    }
    let server_final = exchange.finish(&body).map_err(scram_fail)?;
    client
        .write_all(&auth_message(12, server_final.as_bytes()))
        .await
        .map_err(gone)?;
    Ok(())
}

/// Connect to the server and ask for TLS the PostgreSQL way; refuse to go on in clear
/// when TLS is required (always with IAM).
async fn connect_tls(service: &Service) -> Result<UpstreamStream, Fatal> {
    let up = &service.upstream;
    let mut tcp = up
        .connect_tcp()
        .await
        .map_err(|e| fatal("08001", format!("dbiam proxy: {e}")))?;
    if !up.wants_tls() {
        return Ok(UpstreamStream::Plain(tcp));
    }
    let lost = |e: std::io::Error| {
        fatal(
            "08001",
            format!("dbiam proxy: cannot connect to {}: {e}", up.describe()),
        )
    };
    let mut req = 8u32.to_be_bytes().to_vec();
    req.extend_from_slice(&SSL_REQUEST.to_be_bytes());
    tcp.write_all(&req).await.map_err(lost)?;
    match tcp.read_u8().await.map_err(lost)? {
        b'S' => up
            .start_tls(tcp)
            .await
            .map_err(|e| fatal("08001", format!("dbiam proxy: {e}"))),
        b'N' if !up.requires_tls() => Ok(UpstreamStream::Plain(tcp)),
        b'N' => Err(fatal(
            "08001",
            format!(
                "dbiam proxy: {} refused TLS; the credential is never sent in clear",
                up.describe()
            ),
        )),
        _ => Err(fatal(
            "08P01",
            format!("dbiam proxy: {} is not a PostgreSQL server", up.describe()),
        )),
    }
}

/// Open the upstream connection and log in with the credential. Returns the stream and
/// what to pass on to the client (AuthenticationOk, and any protocol negotiation).
async fn open_upstream(
    service: &Service,
    login: &Login,
    version: u32,
    params: &[(String, String)],
) -> Result<(UpstreamStream, Vec<u8>), UpFail> {
    let mut up = connect_tls(service).await?;
    let lost = |e: std::io::Error| {
        UpFail::Fatal(fatal(
            "08006",
            format!(
                "dbiam proxy: connection to {} lost during login: {e}",
                service.upstream.describe()
            ),
        ))
    };
    let mut body = version.to_be_bytes().to_vec();
    for (k, v) in params {
        body.extend_from_slice(k.as_bytes());
        body.push(0);
        body.extend_from_slice(v.as_bytes());
        body.push(0);
    }
    body.push(0);
    let mut startup = ((body.len() + 4) as u32).to_be_bytes().to_vec();
    startup.extend_from_slice(&body);
    up.write_all(&startup).await.map_err(lost)?;

    let password = || {
        login.password.as_ref().ok_or_else(|| {
            UpFail::Fatal(fatal(
                "28000",
                "dbiam proxy: the server asks for a password and none is set (PGPASSWORD)",
            ))
        })
    };
    let mut scram: Option<ScramSha256> = None;
    let mut greeting = Vec::new();
    loop {
        let (kind, body) = read_message(&mut up, MAX_HANDSHAKE_MESSAGE)
            .await
            .map_err(lost)?;
        match kind {
            b'R' if body.len() >= 4 => {
                let code = u32::from_be_bytes([body[0], body[1], body[2], body[3]]);
                let data = &body[4..];
                let reply = match code {
                    0 => {
                        greeting.extend(message_bytes(kind, &body));
                        return Ok((up, greeting));
                    }
                    3 => {
                        let mut pw = password()?.expose().as_bytes().to_vec();
                        pw.push(0);
                        pw
                    }
                    5 if data.len() >= 4 => {
                        let salt = [data[0], data[1], data[2], data[3]];
                        let mut pw = postgres_protocol::authentication::md5_hash(
                            login.params.user.as_bytes(),
                            password()?.expose().as_bytes(),
                            salt,
                        )
                        .into_bytes();
                        pw.push(0);
                        pw
                    }
                    10 => {
                        let offered = data
                            .split(|b| *b == 0)
                            .any(|m| m == SCRAM.as_bytes());
                        if !offered {
                            return Err(fatal(
                                "28000",
                                "dbiam proxy: the server offers no SASL mechanism the proxy speaks",
                            )
                            .into());
                        }
                        let client = ScramSha256::new(
                            password()?.expose().as_bytes(),
                            ChannelBinding::unsupported(),
                        );
                        let mut out = SCRAM.as_bytes().to_vec();
                        out.push(0);
                        out.extend_from_slice(&(client.message().len() as u32).to_be_bytes());
                        out.extend_from_slice(client.message());
                        scram = Some(client);
                        out
                    }
                    11 | 12 => {
                        let client = scram.as_mut().ok_or_else(|| {
                            UpFail::Fatal(fatal("08P01", "dbiam proxy: unexpected SASL message"))
                        })?;
                        let step = if code == 11 {
                            client.update(data)
                        } else {
                            client.finish(data)
                        };
                        step.map_err(|e| {
                            UpFail::Fatal(fatal(
                                "28000",
                                format!("dbiam proxy: SCRAM with the server failed: {e}"),
                            ))
                        })?;
                        if code == 12 {
                            continue;
                        }
                        client.message().to_vec()
                    }
                    other => {
                        return Err(fatal(
                            "28000",
                            format!("dbiam proxy: the server asks for an authentication method the proxy does not speak ({other})"),
                        )
                        .into())
                    }
                };
                up.write_all(&message_bytes(b'p', &reply))
                    .await
                    .map_err(lost)?;
            }
            b'E' => {
                let (code, message) = error_fields(&body);
                return Err(UpFail::Server {
                    raw: message_bytes(kind, &body),
                    code,
                    message,
                });
            }
            b'v' | b'N' => greeting.extend(message_bytes(kind, &body)),
            other => {
                return Err(fatal(
                    "08P01",
                    format!(
                        "dbiam proxy: unexpected message '{}' from the server during login",
                        other as char
                    ),
                )
                .into())
            }
        }
    }
}

/// A live session's backend key, forgotten when the session ends.
struct CancelKey<'a> {
    service: &'a Service,
    key: Vec<u8>,
}

impl<'a> CancelKey<'a> {
    fn register(service: &'a Service, key: Vec<u8>) -> Self {
        if let Ok(mut keys) = service.cancel_keys.lock() {
            keys.insert(key.clone());
        }
        CancelKey { service, key }
    }
}

impl Drop for CancelKey<'_> {
    fn drop(&mut self) {
        if let Ok(mut keys) = self.service.cancel_keys.lock() {
            keys.remove(&self.key);
        }
    }
}

/// Forward a cancel request for one of this listener's sessions to the server, over a
/// new TLS connection; requests for unknown keys are dropped (PostgreSQL never answers
/// a cancel request either way).
async fn forward_cancel(service: &Service, key: &[u8], log: &mut ConnLog) {
    let known = service
        .cancel_keys
        .lock()
        .map(|k| k.contains(key))
        .unwrap_or(false);
    if !known {
        log.fail("cancel request for no live session: ignored");
        return;
    }
    let send = async {
        let mut up = connect_tls(service).await.map_err(|f| f.message)?;
        let mut packet = ((key.len() + 8) as u32).to_be_bytes().to_vec();
        packet.extend_from_slice(&CANCEL_REQUEST.to_be_bytes());
        packet.extend_from_slice(key);
        up.write_all(&packet).await.map_err(|e| e.to_string())?;
        up.flush().await.map_err(|e| e.to_string())?;
        // The server closes the connection once it has read the request.
        let mut sink = [0u8; 64];
        while up.read(&mut sink).await.map_err(|e| e.to_string())? > 0 {}
        Ok::<(), String>(())
    };
    match tokio::time::timeout(service.upstream.connect_timeout(), send).await {
        Ok(Ok(())) => log.outcome = "cancel forwarded".into(),
        Ok(Err(e)) => log.fail(format!("cancel not forwarded: {e}")),
        Err(_) => log.fail("cancel not forwarded: timed out"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_responses_round_trip() {
        let m = error_response(
            "FATAL",
            "28P01",
            "password authentication failed for user \"a\"",
        );
        assert_eq!(m[0], b'E');
        assert_eq!(
            u32::from_be_bytes([m[1], m[2], m[3], m[4]]) as usize,
            m.len() - 1
        );
        let (code, message) = error_fields(&m[5..]);
        assert_eq!(code, "28P01");
        assert_eq!(message, "password authentication failed for user \"a\"");
    }

    #[tokio::test]
    async fn startup_packets_and_garbage() {
        let mut startup = 196_608u32.to_be_bytes().to_vec();
        startup.extend_from_slice(b"user\0app\0database\0d\0\0");
        let mut input = ((startup.len() + 4) as u32).to_be_bytes().to_vec();
        input.extend_from_slice(&startup);
        let mut ssl = 8u32.to_be_bytes().to_vec();
        ssl.extend_from_slice(&SSL_REQUEST.to_be_bytes());
        ssl.extend_from_slice(&input);
        let (mut a, mut b) = tokio::io::duplex(1024);
        b.write_all(&ssl).await.unwrap();
        match read_first(&mut a).await {
            Ok(First::Startup { version, params }) => {
                assert_eq!(version, 196_608);
                assert_eq!(params[0], ("user".into(), "app".into()));
                assert_eq!(params[1], ("database".into(), "d".into()));
            }
            _ => panic!("not a startup packet"),
        }
        assert_eq!(b.read_u8().await.unwrap(), b'N');
        let (mut a, mut b) = tokio::io::duplex(1024);
        b.write_all(b"GET / HTTP/1.1\r\n\r\n").await.unwrap();
        let e = read_first(&mut a).await.err().unwrap();
        assert_eq!(e.code, "08P01");
    }
}
