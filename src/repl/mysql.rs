//! MySQL and MariaDB in the shell: the meta commands mapped to `SHOW DATABASES`,
//! `SHOW TABLES` and the columns `DESCRIBE` shows (the queries live in
//! [`crate::db::mysql::catalog`]), errors printed as the mysql client prints them, and
//! the [`Engine`] glue (connecting, noticing a dropped connection, TLS details).

use std::io::{Read, Write};
use std::net::TcpStream;

use mysql_async::prelude::Queryable;

use super::meta::Catalog;
use super::render::Collect;
use super::Engine;
use crate::db::mysql::{catalog, MySql};
use crate::db::tls::{self, Peer};
use crate::db::{ConnParams, Driver, ServerError};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::sql::split::Dialect;

/// The MySQL catalogue queries.
#[derive(Debug, Clone, Copy, Default)]
pub struct MySqlCatalog;

impl Catalog for MySqlCatalog {
    fn list_databases(&self) -> String {
        catalog::list_databases()
    }

    fn list_tables(&self, pattern: Option<&str>) -> String {
        catalog::list_tables(pattern)
    }

    fn list_relations(&self) -> String {
        catalog::list_relations()
    }

    fn list_schemas(&self) -> String {
        catalog::list_schemas()
    }

    fn list_roles(&self) -> String {
        catalog::list_roles()
    }

    fn find_relations(&self, pattern: &str) -> String {
        catalog::find_relations(pattern)
    }

    fn describe_columns(&self, id: &str) -> String {
        catalog::describe_columns(id)
    }

    fn describe_indexes(&self, id: &str) -> String {
        catalog::describe_indexes(id)
    }

    fn describe_footers(&self, id: &str) -> Vec<(&'static str, String)> {
        vec![
            (
                "Foreign-key constraints",
                catalog::describe_foreign_keys(id),
            ),
            ("Referenced by", catalog::describe_referenced_by(id)),
        ]
    }

    fn completion_names(&self) -> String {
        catalog::completion_names()
    }
}

/// Capability flags of the SSLRequest packet: long password, protocol 4.1, SSL,
/// secure connection (as every 4.1+ client sends).
const SSL_REQUEST_CAPABILITIES: u32 = 0x0000_0001 | 0x0000_0200 | 0x0000_0800 | 0x0000_8000;
/// `CLIENT_SSL` in the server's greeting.
const CLIENT_SSL: u16 = 0x0800;

/// Read the server's greeting and, if it offers TLS, send the 32-byte SSLRequest
/// packet (sequence 1) after which the TLS handshake starts, as every MySQL client does.
fn start_tls(sock: &mut TcpStream) -> std::io::Result<bool> {
    let mut header = [0u8; 4];
    sock.read_exact(&mut header)?;
    let len = u32::from_le_bytes([header[0], header[1], header[2], 0]) as usize;
    let mut greeting = vec![0u8; len];
    sock.read_exact(&mut greeting)?;
    let bad = || std::io::Error::new(std::io::ErrorKind::InvalidData, "unexpected greeting");
    if greeting.first() != Some(&10) {
        // Not protocol 10: an error packet (too many connections, host blocked, …).
        return Err(bad());
    }
    // protocol(1) server-version(NUL-terminated) thread-id(4) auth-data(8) filler(1) caps(2)
    let version_end = greeting[1..].iter().position(|&b| b == 0).ok_or_else(bad)? + 1;
    let caps_at = version_end + 1 + 4 + 8 + 1;
    let caps = greeting.get(caps_at..caps_at + 2).ok_or_else(bad)?;
    if u16::from_le_bytes([caps[0], caps[1]]) & CLIENT_SSL == 0 {
        return Ok(false);
    }
    let mut packet = vec![32, 0, 0, 1];
    packet.extend_from_slice(&SSL_REQUEST_CAPABILITIES.to_le_bytes());
    packet.extend_from_slice(&(16u32 << 20).to_le_bytes());
    packet.push(45); // utf8mb4_general_ci
    packet.extend_from_slice(&[0; 23]);
    sock.write_all(&packet)?;
    Ok(true)
}

impl Engine for MySql {
    fn dialect() -> Dialect {
        Dialect::MySql
    }

    fn catalog() -> Box<dyn Catalog> {
        Box::new(MySqlCatalog)
    }

    async fn open(params: &ConnParams, password: Option<Secret>) -> Result<Self> {
        MySql::connect(params, password).await
    }

    /// The driver only learns of a closed connection by using it: a ping (one round trip
    /// before each statement typed at the prompt) tells, without running anything.
    async fn is_closed(&mut self) -> bool {
        let conn = self.conn();
        conn.is_disconnected() || conn.ping().await.is_err()
    }

    async fn tls_info(&mut self, params: &ConnParams) -> Result<Option<Peer>> {
        let mut sink = Collect::new(false);
        self.execute(
            "SHOW SESSION STATUS WHERE Variable_name IN ('Ssl_version', 'Ssl_cipher')",
            &mut sink,
        )
        .await
        .map_err(|e| Error::failure(format!("cannot read the session status: {e:?}")))?;
        let mut version = String::new();
        let mut cipher = String::new();
        for row in sink.rows() {
            let value = row.get(1).cloned().flatten().unwrap_or_default();
            match row.first().cloned().flatten().as_deref() {
                Some("Ssl_version") => version = value,
                Some("Ssl_cipher") => cipher = value,
                _ => {}
            }
        }
        if cipher.is_empty() {
            return Ok(None);
        }
        let subject = tls::probe(params, start_tls)
            .await
            .unwrap_or_else(|e| {
                crate::debug!("{e}");
                None
            })
            .and_then(|p| p.subject);
        Ok(Some(Peer {
            version,
            cipher,
            subject,
        }))
    }

    /// `ERROR 1146 (42S02): Table 'app.nope' doesn't exist`, as the mysql client prints it.
    fn error_text(_sql: &str, e: &ServerError) -> String {
        format!("{} {}: {}\n", e.severity, e.code, e.message)
    }

    /// MySQL keeps a transaction usable after a failed statement.
    fn error_aborts_transaction() -> bool {
        false
    }

    fn prompt_database(dbname: &str) -> String {
        if dbname.is_empty() {
            "(none)".to_owned()
        } else {
            dbname.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_print_like_the_mysql_client() {
        let e = ServerError {
            severity: "ERROR".into(),
            code: "1146 (42S02)".into(),
            message: "Table 'app.nope' doesn't exist".into(),
            ..ServerError::default()
        };
        assert_eq!(
            <MySql as Engine>::error_text("select * from nope", &e),
            "ERROR 1146 (42S02): Table 'app.nope' doesn't exist\n"
        );
        assert_eq!(<MySql as Engine>::prompt_database(""), "(none)");
        assert_eq!(
            MySqlCatalog.list_tables(Some("t*")),
            "SHOW TABLES LIKE 't%'"
        );
    }
}
