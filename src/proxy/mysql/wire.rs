//! The MySQL/MariaDB client/server protocol as far as the proxy speaks it: framed packets
//! with sequence ids, capability flags (MySQL's 32 and MariaDB's extended 32), the
//! HandshakeV10 greeting, HandshakeResponse41, AuthSwitchRequest, and OK/ERR packets.
//! Pure encoding and decoding; no I/O policy beyond reading and writing one packet.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// Capability flags (`CLIENT_*`). Bits 32–63 hold MariaDB's extended capabilities.
pub mod caps {
    /// `CLIENT_LONG_PASSWORD`; MariaDB calls it `CLIENT_MYSQL`: a server greeting without
    /// it (or a client response without it) carries MariaDB's extended capabilities.
    pub const LONG_PASSWORD: u64 = 1;
    pub const FOUND_ROWS: u64 = 1 << 1;
    pub const LONG_FLAG: u64 = 1 << 2;
    pub const CONNECT_WITH_DB: u64 = 1 << 3;
    pub const NO_SCHEMA: u64 = 1 << 4;
    pub const COMPRESS: u64 = 1 << 5;
    pub const ODBC: u64 = 1 << 6;
    pub const LOCAL_FILES: u64 = 1 << 7;
    pub const IGNORE_SPACE: u64 = 1 << 8;
    pub const PROTOCOL_41: u64 = 1 << 9;
    pub const INTERACTIVE: u64 = 1 << 10;
    pub const SSL: u64 = 1 << 11;
    pub const IGNORE_SIGPIPE: u64 = 1 << 12;
    pub const TRANSACTIONS: u64 = 1 << 13;
    pub const RESERVED: u64 = 1 << 14;
    pub const SECURE_CONNECTION: u64 = 1 << 15;
    pub const MULTI_STATEMENTS: u64 = 1 << 16;
    pub const MULTI_RESULTS: u64 = 1 << 17;
    pub const PS_MULTI_RESULTS: u64 = 1 << 18;
    pub const PLUGIN_AUTH: u64 = 1 << 19;
    pub const CONNECT_ATTRS: u64 = 1 << 20;
    pub const PLUGIN_AUTH_LENENC_CLIENT_DATA: u64 = 1 << 21;
    pub const CAN_HANDLE_EXPIRED_PASSWORDS: u64 = 1 << 22;
    pub const SESSION_TRACK: u64 = 1 << 23;
    pub const DEPRECATE_EOF: u64 = 1 << 24;
    pub const OPTIONAL_RESULTSET_METADATA: u64 = 1 << 25;
    pub const ZSTD_COMPRESSION: u64 = 1 << 26;
    pub const QUERY_ATTRIBUTES: u64 = 1 << 27;
    pub const MULTI_FACTOR_AUTHENTICATION: u64 = 1 << 28;
    pub const CAPABILITY_EXTENSION: u64 = 1 << 29;
    pub const SSL_VERIFY_SERVER_CERT: u64 = 1 << 30;
    pub const REMEMBER_OPTIONS: u64 = 1 << 31;
    pub const MARIADB_PROGRESS: u64 = 1 << 32;
    pub const MARIADB_COM_MULTI: u64 = 1 << 33;
    pub const MARIADB_STMT_BULK_OPERATIONS: u64 = 1 << 34;
    pub const MARIADB_EXTENDED_METADATA: u64 = 1 << 35;
    pub const MARIADB_CACHE_METADATA: u64 = 1 << 36;
    pub const MARIADB_BULK_UNIT_RESULTS: u64 = 1 << 37;

    /// Flags whose meaning after authentication is the same whichever side of the proxy
    /// looks at them, so that bytes can be relayed unchanged once both sides agreed on
    /// them. Left out: compression (the proxy would have to unpack frames), TLS towards
    /// the client, multi-factor authentication and unknown bits.
    pub const RELAYABLE: u64 = LONG_PASSWORD
        | FOUND_ROWS
        | LONG_FLAG
        | CONNECT_WITH_DB
        | NO_SCHEMA
        | ODBC
        | LOCAL_FILES
        | IGNORE_SPACE
        | PROTOCOL_41
        | INTERACTIVE
        | IGNORE_SIGPIPE
        | TRANSACTIONS
        | RESERVED
        | SECURE_CONNECTION
        | MULTI_STATEMENTS
        | MULTI_RESULTS
        | PS_MULTI_RESULTS
        | PLUGIN_AUTH
        | CONNECT_ATTRS
        | PLUGIN_AUTH_LENENC_CLIENT_DATA
        | CAN_HANDLE_EXPIRED_PASSWORDS
        | SESSION_TRACK
        | DEPRECATE_EOF
        | OPTIONAL_RESULTSET_METADATA
        | QUERY_ATTRIBUTES
        | REMEMBER_OPTIONS
        | MARIADB_PROGRESS
        | MARIADB_COM_MULTI
        | MARIADB_STMT_BULK_OPERATIONS
        | MARIADB_EXTENDED_METADATA
        | MARIADB_CACHE_METADATA
        | MARIADB_BULK_UNIT_RESULTS;

    /// Flags that only shape the handshake itself.
    pub const HANDSHAKE_ONLY: u64 = SECURE_CONNECTION
        | PLUGIN_AUTH
        | PLUGIN_AUTH_LENENC_CLIENT_DATA
        | CONNECT_ATTRS
        | CONNECT_WITH_DB
        | CAN_HANDLE_EXPIRED_PASSWORDS
        | SSL;
}

/// The largest handshake packet accepted (a real one is a few hundred bytes; connection
/// attributes are at most 64 KiB).
pub const MAX_HANDSHAKE_PACKET: usize = 1 << 20;

/// A protocol violation (the peer sent something that is not MySQL's protocol).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub String);

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn malformed(what: &str) -> Malformed {
    Malformed(what.to_owned())
}

/// Read one packet: its sequence id and payload (at most `MAX_HANDSHAKE_PACKET` bytes).
pub async fn read_packet<R: AsyncRead + Unpin>(r: &mut R) -> std::io::Result<(u8, Vec<u8>)> {
    let mut h = [0u8; 4];
    r.read_exact(&mut h).await?;
    let len = u32::from_le_bytes([h[0], h[1], h[2], 0]) as usize;
    if len > MAX_HANDSHAKE_PACKET {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("a {len}-byte handshake packet (not MySQL's protocol?)"),
        ));
    }
    let mut body = vec![0; len];
    r.read_exact(&mut body).await?;
    Ok((h[3], body))
}

/// Write one packet (payloads here are far below the 16 MiB frame limit).
pub async fn write_packet<W: AsyncWrite + Unpin>(
    w: &mut W,
    seq: u8,
    payload: &[u8],
) -> std::io::Result<()> {
    let len = (payload.len() as u32).to_le_bytes();
    let mut frame = Vec::with_capacity(4 + payload.len());
    frame.extend_from_slice(&[len[0], len[1], len[2], seq]);
    frame.extend_from_slice(payload);
    w.write_all(&frame).await?;
    w.flush().await
}

/// A cursor over a packet payload.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.buf.len()
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], Malformed> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.buf.len());
        let end = end.ok_or_else(|| Malformed(format!("the packet ends inside {what}")))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u8(&mut self, what: &str) -> Result<u8, Malformed> {
        Ok(self.take(1, what)?[0])
    }

    fn u16(&mut self, what: &str) -> Result<u16, Malformed> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self, what: &str) -> Result<u32, Malformed> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A NUL-terminated string; at the end of the packet the NUL may be missing.
    fn nul_str(&mut self) -> &'a [u8] {
        let rest = &self.buf[self.pos.min(self.buf.len())..];
        match rest.iter().position(|b| *b == 0) {
            Some(i) => {
                self.pos += i + 1;
                &rest[..i]
            }
            None => {
                self.pos = self.buf.len();
                rest
            }
        }
    }

    fn lenenc_int(&mut self, what: &str) -> Result<u64, Malformed> {
        Ok(match self.u8(what)? {
            n @ 0..=0xfa => u64::from(n),
            0xfc => u64::from(self.u16(what)?),
            0xfd => {
                let b = self.take(3, what)?;
                u64::from(u32::from_le_bytes([b[0], b[1], b[2], 0]))
            }
            0xfe => {
                let b = self.take(8, what)?;
                u64::from_le_bytes(b.try_into().unwrap_or_default())
            }
            _ => return Err(Malformed(format!("a bad length in {what}"))),
        })
    }

    fn lenenc_bytes(&mut self, what: &str) -> Result<&'a [u8], Malformed> {
        let n = self.lenenc_int(what)?;
        let n = usize::try_from(n).map_err(|_| malformed(what))?;
        self.take(n, what)
    }

    fn rest(&mut self) -> &'a [u8] {
        let s = &self.buf[self.pos.min(self.buf.len())..];
        self.pos = self.buf.len();
        s
    }
}

fn put_lenenc_int(out: &mut Vec<u8>, n: u64) {
    match n {
        0..=0xfa => out.push(n as u8),
        0xfb..=0xffff => {
            out.push(0xfc);
            out.extend_from_slice(&(n as u16).to_le_bytes());
        }
        0x1_0000..=0xff_ffff => {
            out.push(0xfd);
            out.extend_from_slice(&(n as u32).to_le_bytes()[..3]);
        }
        _ => {
            out.push(0xfe);
            out.extend_from_slice(&n.to_le_bytes());
        }
    }
}

fn put_lenenc_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_lenenc_int(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// A server's HandshakeV10 greeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Greeting {
    /// `10.11.6-MariaDB` (MariaDB prefixes `5.5.5-` for old clients), `8.0.35`, …
    pub server_version: Vec<u8>,
    /// The server's thread id (what `KILL` and `CONNECTION_ID()` use).
    pub connection_id: u32,
    /// The scramble (nonce), without its trailing NUL.
    pub nonce: Vec<u8>,
    /// Capabilities, MariaDB's extended ones in bits 32–63.
    pub caps: u64,
    /// The default character set (collation id).
    pub charset: u8,
    /// Server status flags.
    pub status: u16,
    /// The default authentication plugin.
    pub auth_plugin: Vec<u8>,
}

impl Greeting {
    /// Decode a greeting payload (an ERR payload is reported by the caller first).
    pub fn parse(p: &[u8]) -> Result<Greeting, Malformed> {
        let mut r = Reader::new(p);
        let version = r.u8("the protocol version")?;
        if version != 10 {
            return Err(Malformed(format!(
                "protocol version {version} (only version 10 is supported)"
            )));
        }
        let server_version = r.nul_str().to_vec();
        let connection_id = r.u32("the connection id")?;
        let mut nonce = r.take(8, "the scramble")?.to_vec();
        r.u8("the filler")?;
        let mut caps = u64::from(r.u16("the capabilities")?);
        let mut g = Greeting {
            server_version,
            connection_id,
            nonce: Vec::new(),
            caps: 0,
            charset: 0,
            status: 0,
            auth_plugin: Vec::new(),
        };
        if r.at_end() {
            g.nonce = nonce;
            g.caps = caps;
            return Ok(g);
        }
        g.charset = r.u8("the character set")?;
        g.status = r.u16("the status")?;
        caps |= u64::from(r.u16("the capabilities")?) << 16;
        let auth_len = r.u8("the scramble length")?;
        r.take(6, "the reserved bytes")?;
        let ext = r.u32("the extended capabilities")?;
        if caps & caps::LONG_PASSWORD == 0 {
            caps |= u64::from(ext) << 32;
        }
        if caps & caps::SECURE_CONNECTION != 0 {
            let n = (usize::from(auth_len).saturating_sub(8)).max(13);
            let part2 = r
                .take(n, "the scramble")
                .or_else(|_| Ok::<_, Malformed>(r.rest()))?;
            nonce.extend_from_slice(part2.strip_suffix(&[0]).unwrap_or(part2));
        }
        if caps & caps::PLUGIN_AUTH != 0 {
            g.auth_plugin = r.nul_str().to_vec();
        }
        g.nonce = nonce;
        g.caps = caps;
        Ok(g)
    }

    /// Encode as a greeting payload.
    pub fn encode(&self) -> Vec<u8> {
        let mut p = vec![10];
        p.extend_from_slice(&self.server_version);
        p.push(0);
        p.extend_from_slice(&self.connection_id.to_le_bytes());
        let (part1, part2) = self.nonce.split_at(self.nonce.len().min(8));
        p.extend_from_slice(part1);
        p.push(0);
        p.extend_from_slice(&(self.caps as u16).to_le_bytes());
        p.push(self.charset);
        p.extend_from_slice(&self.status.to_le_bytes());
        p.extend_from_slice(&((self.caps >> 16) as u16).to_le_bytes());
        p.push(if self.caps & caps::PLUGIN_AUTH != 0 {
            (self.nonce.len() + 1) as u8
        } else {
            0
        });
        p.extend_from_slice(&[0; 6]);
        if self.caps & caps::LONG_PASSWORD == 0 {
            p.extend_from_slice(&((self.caps >> 32) as u32).to_le_bytes());
        } else {
            p.extend_from_slice(&[0; 4]);
        }
        if self.caps & caps::SECURE_CONNECTION != 0 {
            p.extend_from_slice(part2);
            // Part 2 is at least 13 bytes including its NUL.
            p.extend(std::iter::repeat_n(0, 13usize.saturating_sub(part2.len())));
        }
        if self.caps & caps::PLUGIN_AUTH != 0 {
            p.extend_from_slice(&self.auth_plugin);
            p.push(0);
        }
        p
    }
}

/// A client's HandshakeResponse41 (or, when `ssl_request`, its SSLRequest).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Response {
    /// Capabilities, MariaDB's extended ones in bits 32–63.
    pub caps: u64,
    /// The largest packet the client accepts.
    pub max_packet: u32,
    /// The client's character set (collation id).
    pub charset: u8,
    /// The user name.
    pub user: Vec<u8>,
    /// The authentication data for `auth_plugin`.
    pub auth: Vec<u8>,
    /// The database to use (`CONNECT_WITH_DB`).
    pub database: Option<Vec<u8>>,
    /// The plugin `auth` was made with (`PLUGIN_AUTH`).
    pub auth_plugin: Option<Vec<u8>>,
    /// The connection attributes, still encoded (`CONNECT_ATTRS`).
    pub attrs: Option<Vec<u8>>,
}

impl Response {
    /// Whether this payload is only an SSLRequest (the client wants TLS before the rest).
    pub fn is_ssl_request(p: &[u8]) -> bool {
        p.len() == 32 && p[1] & 0x08 != 0
    }

    /// Decode a HandshakeResponse41 payload. `server_caps` tells whether the extended
    /// MariaDB capabilities can be present.
    pub fn parse(p: &[u8], server_caps: u64) -> Result<Response, Malformed> {
        let mut r = Reader::new(p);
        let mut caps = u64::from(r.u32("the capabilities")?);
        if caps & caps::PROTOCOL_41 == 0 {
            return Err(malformed(
                "a pre-4.1 client handshake (the client is too old for this server)",
            ));
        }
        let max_packet = r.u32("the maximum packet size")?;
        let charset = r.u8("the character set")?;
        r.take(19, "the filler")?;
        let ext = r.u32("the extended capabilities")?;
        if caps & caps::LONG_PASSWORD == 0 && server_caps & caps::LONG_PASSWORD == 0 {
            caps |= u64::from(ext) << 32;
        }
        let user = r.nul_str().to_vec();
        let auth = if r.at_end() {
            Vec::new()
        } else if caps & caps::PLUGIN_AUTH_LENENC_CLIENT_DATA != 0 {
            r.lenenc_bytes("the authentication data")?.to_vec()
        } else if caps & caps::SECURE_CONNECTION != 0 {
            let n = r.u8("the authentication data")?;
            r.take(usize::from(n), "the authentication data")?.to_vec()
        } else {
            r.nul_str().to_vec()
        };
        let database = (caps & caps::CONNECT_WITH_DB != 0 && !r.at_end())
            .then(|| r.nul_str().to_vec())
            .filter(|d| !d.is_empty());
        let auth_plugin =
            (caps & caps::PLUGIN_AUTH != 0 && !r.at_end()).then(|| r.nul_str().to_vec());
        let attrs = if caps & caps::CONNECT_ATTRS != 0 && !r.at_end() {
            Some(r.lenenc_bytes("the connection attributes")?.to_vec())
        } else {
            None
        };
        Ok(Response {
            caps,
            max_packet,
            charset,
            user,
            auth,
            database,
            auth_plugin,
            attrs,
        })
    }

    /// Encode as a HandshakeResponse41 payload (the flags for the optional parts are
    /// set or cleared to match the fields). With `ssl_request_only`, only the 32-byte
    /// SSLRequest prefix.
    pub fn encode(&self, ssl_request_only: bool) -> Vec<u8> {
        let mut caps = self.caps;
        caps = set(caps, caps::CONNECT_WITH_DB, self.database.is_some());
        caps = set(caps, caps::PLUGIN_AUTH, self.auth_plugin.is_some());
        caps = set(caps, caps::CONNECT_ATTRS, self.attrs.is_some());
        let mut p = Vec::with_capacity(128 + self.auth.len());
        p.extend_from_slice(&(caps as u32).to_le_bytes());
        p.extend_from_slice(&self.max_packet.to_le_bytes());
        p.push(self.charset);
        p.extend_from_slice(&[0; 19]);
        if caps & caps::LONG_PASSWORD == 0 {
            p.extend_from_slice(&((caps >> 32) as u32).to_le_bytes());
        } else {
            p.extend_from_slice(&[0; 4]);
        }
        if ssl_request_only {
            return p;
        }
        p.extend_from_slice(&self.user);
        p.push(0);
        if caps & caps::PLUGIN_AUTH_LENENC_CLIENT_DATA != 0 {
            put_lenenc_bytes(&mut p, &self.auth);
        } else {
            // SECURE_CONNECTION: one length byte (callers keep such data under 256 bytes).
            p.push(self.auth.len().min(255) as u8);
            p.extend_from_slice(&self.auth[..self.auth.len().min(255)]);
        }
        if let Some(db) = &self.database {
            p.extend_from_slice(db);
            p.push(0);
        }
        if let Some(plugin) = &self.auth_plugin {
            p.extend_from_slice(plugin);
            p.push(0);
        }
        if let Some(attrs) = &self.attrs {
            put_lenenc_bytes(&mut p, attrs);
        }
        p
    }
}

/// Connection attributes (the encoded key/value pairs of a handshake response) with
/// `key` = `value` added unless the client sent `key` itself (its own value wins).
/// Attributes that do not decode are passed on unchanged.
pub fn attrs_with_default(attrs: Option<&[u8]>, key: &str, value: &str) -> Option<Vec<u8>> {
    let mut r = Reader::new(attrs.unwrap_or_default());
    while !r.at_end() {
        let Ok(k) = r.lenenc_bytes("an attribute name") else {
            return attrs.map(<[u8]>::to_vec);
        };
        if k == key.as_bytes() {
            return attrs.map(<[u8]>::to_vec);
        }
        if r.lenenc_bytes("an attribute value").is_err() {
            return attrs.map(<[u8]>::to_vec);
        }
    }
    let mut out = attrs.unwrap_or_default().to_vec();
    put_lenenc_bytes(&mut out, key.as_bytes());
    put_lenenc_bytes(&mut out, value.as_bytes());
    Some(out)
}

fn set(caps: u64, flag: u64, on: bool) -> u64 {
    if on {
        caps | flag
    } else {
        caps & !flag
    }
}

/// An AuthSwitchRequest: `0xfe`, the plugin name, the plugin's data.
pub fn auth_switch(plugin: &[u8], data: &[u8]) -> Vec<u8> {
    let mut p = vec![0xfe];
    p.extend_from_slice(plugin);
    p.push(0);
    p.extend_from_slice(data);
    p
}

/// Decode an AuthSwitchRequest payload (starting with `0xfe`): the plugin and its data
/// (without a trailing NUL).
pub fn parse_auth_switch(p: &[u8]) -> Result<(Vec<u8>, Vec<u8>), Malformed> {
    if p.first() != Some(&0xfe) || p.len() < 2 {
        return Err(malformed(
            "an old-style authentication switch (pre-4.1 passwords are not supported)",
        ));
    }
    let mut r = Reader::new(&p[1..]);
    let plugin = r.nul_str().to_vec();
    let data = r.rest();
    Ok((plugin, data.strip_suffix(&[0]).unwrap_or(data).to_vec()))
}

/// A server error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerErr {
    /// The error number (1045, …).
    pub code: u16,
    /// The SQLSTATE (`28000`, …); `HY000` when the packet had none.
    pub state: String,
    /// The message.
    pub message: String,
}

impl std::fmt::Display for ServerErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ERROR {} ({}): {}", self.code, self.state, self.message)
    }
}

/// Encode an ERR packet payload. The SQLSTATE (`#` and five characters) is left out when
/// `state` is `None`: before the handshake, as servers do (the client has not said it
/// speaks protocol 4.1, and some client libraries then read the marker as text). The
/// message is cut at 500 bytes (the client libraries' buffer is 512).
pub fn err_packet(code: u16, state: Option<&str>, message: &str) -> Vec<u8> {
    let mut p = vec![0xff];
    p.extend_from_slice(&code.to_le_bytes());
    if let Some(state) = state {
        p.push(b'#');
        let mut st = [b'H', b'Y', b'0', b'0', b'0'];
        for (d, s) in st.iter_mut().zip(state.bytes()) {
            *d = s;
        }
        p.extend_from_slice(&st);
    }
    let mut end = message.len().min(500);
    while !message.is_char_boundary(end) {
        end -= 1;
    }
    p.extend_from_slice(&message.as_bytes()[..end]);
    p
}

/// Decode an ERR packet payload (starting with `0xff`).
pub fn parse_err(p: &[u8]) -> ServerErr {
    let mut r = Reader::new(p.get(1..).unwrap_or_default());
    let code = r.u16("the error code").unwrap_or(0);
    let rest = r.rest();
    let (state, message) = match rest.split_first() {
        Some((b'#', tail)) if tail.len() >= 5 => {
            (String::from_utf8_lossy(&tail[..5]).into_owned(), &tail[5..])
        }
        _ => ("HY000".to_owned(), rest),
    };
    ServerErr {
        code,
        state,
        message: String::from_utf8_lossy(message).into_owned(),
    }
}

/// A plain OK packet payload: nothing affected, `status` flags, no warnings.
pub fn ok_packet(status: u16) -> Vec<u8> {
    let mut p = vec![0, 0, 0];
    p.extend_from_slice(&status.to_le_bytes());
    p.extend_from_slice(&[0, 0]);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_name_is_added_unless_the_client_sent_one() {
        let pair = |k: &str, v: &str| {
            let mut b = Vec::new();
            put_lenenc_bytes(&mut b, k.as_bytes());
            put_lenenc_bytes(&mut b, v.as_bytes());
            b
        };
        let tag = "dbiam/0.1.0 (user/jane)";
        assert_eq!(
            attrs_with_default(None, "program_name", tag),
            Some(pair("program_name", tag))
        );
        let client = [pair("_os", "Linux"), pair("_pid", "42")].concat();
        assert_eq!(
            attrs_with_default(Some(&client), "program_name", tag),
            Some([client.clone(), pair("program_name", tag)].concat())
        );
        let own = [pair("program_name", "mysql"), pair("_pid", "42")].concat();
        assert_eq!(
            attrs_with_default(Some(&own), "program_name", tag),
            Some(own.clone())
        );
        // A long value (length over 250: a 3-byte length) survives the walk.
        let long = [pair("x", &"v".repeat(300)), pair("program_name", "app")].concat();
        assert_eq!(
            attrs_with_default(Some(&long), "program_name", tag),
            Some(long.clone())
        );
        let broken = vec![0xfc, 0xff];
        assert_eq!(
            attrs_with_default(Some(&broken), "program_name", tag),
            Some(broken.clone())
        );
    }

    /// A greeting captured from MariaDB 10.11 (nonce bytes replaced).
    fn mariadb_greeting() -> Vec<u8> {
        let mut p = vec![10];
        p.extend_from_slice(b"5.5.5-10.11.19-MariaDB-0+deb12u1\0");
        p.extend_from_slice(&42u32.to_le_bytes());
        p.extend_from_slice(b"ABCDEFGH\0");
        p.extend_from_slice(&0xfffeu16.to_le_bytes());
        p.push(45);
        p.extend_from_slice(&2u16.to_le_bytes());
        p.extend_from_slice(&0x81ffu16.to_le_bytes());
        p.push(21);
        p.extend_from_slice(&[0; 6]);
        p.extend_from_slice(&0x1du32.to_le_bytes());
        p.extend_from_slice(b"IJKLMNOPQRST\0");
        p.extend_from_slice(b"mysql_native_password\0");
        p
    }

    #[test]
    fn a_mariadb_greeting_round_trips_with_extended_capabilities() {
        let raw = mariadb_greeting();
        let g = Greeting::parse(&raw).unwrap();
        assert_eq!(g.server_version, b"5.5.5-10.11.19-MariaDB-0+deb12u1");
        assert_eq!(g.connection_id, 42);
        assert_eq!(g.nonce, b"ABCDEFGHIJKLMNOPQRST");
        assert_eq!(g.caps & caps::LONG_PASSWORD, 0);
        assert_ne!(g.caps & caps::SSL, 0);
        assert_ne!(g.caps & caps::MARIADB_PROGRESS, 0);
        assert_ne!(g.caps & caps::MARIADB_STMT_BULK_OPERATIONS, 0);
        assert_ne!(g.caps & caps::MARIADB_CACHE_METADATA, 0);
        assert_eq!(g.caps >> 32, 0x1d);
        assert_eq!(g.charset, 45);
        assert_eq!(g.status, 2);
        assert_eq!(g.auth_plugin, b"mysql_native_password");
        assert_eq!(g.encode(), raw);
    }

    #[test]
    fn a_mysql_greeting_ignores_the_reserved_bytes() {
        let mut raw = mariadb_greeting();
        // Set CLIENT_LONG_PASSWORD: MySQL, whose reserved bytes are not capabilities.
        raw[1 + 33 + 4 + 9] |= 1;
        let g = Greeting::parse(&raw).unwrap();
        assert_eq!(g.caps >> 32, 0);
        assert_eq!(g.nonce, b"ABCDEFGHIJKLMNOPQRST");
        let again = Greeting::parse(&g.encode()).unwrap();
        assert_eq!(again, g);
    }

    #[test]
    fn truncated_greetings_are_errors_not_panics() {
        let raw = mariadb_greeting();
        for n in 0..raw.len() {
            let _ = Greeting::parse(&raw[..n]);
        }
        assert!(Greeting::parse(&[9, 0]).is_err());
        assert!(Greeting::parse(&[]).is_err());
    }

    fn response() -> Response {
        Response {
            caps: caps::PROTOCOL_41
                | caps::SECURE_CONNECTION
                | caps::PLUGIN_AUTH_LENENC_CLIENT_DATA
                | caps::MULTI_RESULTS
                | caps::MARIADB_PROGRESS,
            max_packet: 1 << 24,
            charset: 33,
            user: b"app".to_vec(),
            auth: vec![7; 20],
            database: Some(b"appdb".to_vec()),
            auth_plugin: Some(b"mysql_native_password".to_vec()),
            attrs: Some(b"\x0c_client_name\x0alibmariadb".to_vec()),
        }
    }

    #[test]
    fn a_handshake_response_round_trips() {
        let r = response();
        let bytes = r.encode(false);
        let parsed = Response::parse(&bytes, caps::PROTOCOL_41).unwrap();
        let mut want = r.clone();
        want.caps |= caps::CONNECT_WITH_DB | caps::PLUGIN_AUTH | caps::CONNECT_ATTRS;
        assert_eq!(parsed, want);
        assert!(!Response::is_ssl_request(&bytes));
        let mut ssl = r.clone();
        ssl.caps |= caps::SSL;
        let prefix = ssl.encode(true);
        assert_eq!(prefix.len(), 32);
        assert!(Response::is_ssl_request(&prefix));
        assert_eq!(&bytes[4..32], &prefix[4..32]);
    }

    #[test]
    fn long_auth_data_uses_a_length_encoded_integer() {
        let mut r = response();
        r.auth = vec![b'x'; 1500];
        let parsed = Response::parse(&r.encode(false), 0).unwrap();
        assert_eq!(parsed.auth.len(), 1500);
        assert_eq!(parsed.database.as_deref(), Some(&b"appdb"[..]));
    }

    #[test]
    fn a_minimal_response_without_optional_parts_parses() {
        let mut p = (caps::PROTOCOL_41 | caps::SECURE_CONNECTION | caps::CONNECT_WITH_DB)
            .to_le_bytes()[..4]
            .to_vec();
        p.extend_from_slice(&[0; 4 + 1 + 23]);
        p.extend_from_slice(b"bob\0");
        let r = Response::parse(&p, 0).unwrap();
        assert_eq!(r.user, b"bob");
        assert!(r.auth.is_empty() && r.database.is_none() && r.auth_plugin.is_none());
        // Pre-4.1 and truncated packets are refused.
        assert!(Response::parse(&[0; 32], 0).is_err());
        assert!(Response::parse(&p[..10], 0).is_err());
    }

    #[test]
    fn err_packets_carry_code_state_and_message() {
        let p = err_packet(
            1045,
            Some("28000"),
            "Access denied for user 'x'@'localhost'",
        );
        assert_eq!(&p[..9], b"\xff\x15\x04#28000");
        let e = parse_err(&p);
        assert_eq!(e.code, 1045);
        assert_eq!(e.state, "28000");
        assert_eq!(
            e.to_string(),
            "ERROR 1045 (28000): Access denied for user 'x'@'localhost'"
        );
        // Without the marker (errors before the handshake).
        assert_eq!(
            err_packet(1040, None, "Too many connections"),
            b"\xff\x10\x04Too many connections"
        );
        let e = parse_err(b"\xff\x10\x04Too many connections");
        assert_eq!((e.code, e.state.as_str()), (1040, "HY000"));
        assert_eq!(e.message, "Too many connections");
        // Long messages are cut on a character boundary.
        let long = "é".repeat(400);
        let p = err_packet(1, Some("HY000"), &long);
        assert!(p.len() <= 9 + 500);
        assert!(std::str::from_utf8(&p[9..]).is_ok());
    }

    #[test]
    fn auth_switch_round_trips() {
        let p = auth_switch(b"mysql_clear_password", b"");
        assert_eq!(
            parse_auth_switch(&p).unwrap(),
            (b"mysql_clear_password".to_vec(), vec![])
        );
        let mut p = auth_switch(b"mysql_native_password", b"01234567890123456789");
        p.push(0);
        assert_eq!(parse_auth_switch(&p).unwrap().1, b"01234567890123456789");
        assert!(parse_auth_switch(&[0xfe]).is_err());
    }

    #[tokio::test]
    async fn packets_are_framed_with_their_sequence_id() {
        let mut buf = Vec::new();
        write_packet(&mut buf, 3, b"hello").await.unwrap();
        assert_eq!(buf, b"\x05\x00\x00\x03hello");
        let (seq, body) = read_packet(&mut &buf[..]).await.unwrap();
        assert_eq!((seq, body.as_slice()), (3, &b"hello"[..]));
        let huge = [0xff, 0xff, 0xff, 0];
        assert!(read_packet(&mut &huge[..]).await.is_err());
    }
}
