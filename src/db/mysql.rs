//! The MySQL/MariaDB driver (mysql_async over rustls): TLS options from the sslmode (the
//! bundled RDS CA plus `--ssl-ca`), the IAM token sent with `mysql_clear_password` only
//! over TLS, connection failures with their likely cause, and statements run with the
//! text protocol so rows arrive as the server's own text (what `mariadb --batch` prints).
//!
//! | sslmode | TLS | chain checked | host name checked |
//! | --- | --- | --- | --- |
//! | `disable` | never (refused with IAM) | – | – |
//! | `allow`, `prefer`, `require` | always | only with `--ssl-ca` (as PostgreSQL's `require`) | no |
//! | `verify-ca` | always | yes | yes, in practice (below) |
//! | `verify-full` (default) | always | yes | yes |
//!
//! mysql_async forgives a name mismatch (verify-ca, `require` with `--ssl-ca`) only for
//! rustls' plain `NotValidForName` error, and current rustls reports the mismatch as
//! `NotValidForNameContext`: the host name is then checked anyway — stricter, never
//! weaker. `--hostaddr` (TLS checks `--host`) covers tunnels.
//!
//! The cleartext plugin is enabled only on a TLS connection: over a plain one a server's
//! `mysql_clear_password` request fails the login instead of receiving the password.

use mysql_async::consts::ColumnType;
use mysql_async::prelude::Queryable;
use mysql_async::{Conn, Opts, OptsBuilder, SslOpts, Value};
use std::borrow::Cow;
use std::io;
use std::pin::Pin;

use super::tls::{self, Peer, SslMode, Verification};
use super::{
    auth_failure_hint, connection_error, Canceller, ConnParams, Driver, ExecError, ServerError,
};
use crate::error::{Error, Kind, Result};
use crate::output::results::{Column, ResultSink, TextRow};
use crate::secret::Secret;
use crate::sql::split::Dialect;

/// A MySQL or MariaDB connection.
pub struct MySql {
    conn: Conn,
    opts: Opts,
}

impl std::fmt::Debug for MySql {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MySql")
    }
}

/// mysql_async's TLS options for `mode`: `None` without TLS.
pub fn ssl_opts(params: &ConnParams) -> Result<Option<SslOpts>> {
    let mode = params.effective_sslmode();
    if mode == SslMode::Disable {
        return Ok(None);
    }
    // PostgreSQL's prefer/allow fall back to plain text; here TLS is always required
    // once asked for (mysql_async has no fallback, and a token never travels in clear).
    let verify = match mode {
        SslMode::Allow | SslMode::Prefer => {
            tls::verification(SslMode::Require, params.sslrootcert.as_deref())
        }
        m => tls::verification(m, params.sslrootcert.as_deref()),
    };
    crate::debug!("sslmode {} (TLS verification {verify:?})", mode.as_str());
    let mut roots = vec![tls::RDS_CA_BUNDLE.as_bytes().to_vec().into()];
    if let Some(path) = &params.sslrootcert {
        // Read and parse it now, for a clear error before connecting.
        tls::root_store(Some(path))?;
        roots.push(path.clone().into());
    }
    let mut ssl = SslOpts::default()
        .with_root_certs(roots)
        .with_disable_built_in_roots(true)
        .with_danger_skip_domain_validation(verify != Verification::Full)
        .with_danger_accept_invalid_certs(verify == Verification::None);
    if params.hostaddr.is_some() {
        ssl = ssl.with_danger_tls_hostname_override(Some(params.host.clone()));
    }
    Ok(Some(ssl))
}

/// The connection options: TLS per the sslmode, the cleartext plugin only with TLS.
pub fn options(params: &ConnParams, password: Option<&Secret>) -> Result<Opts> {
    let ssl = ssl_opts(params)?;
    if params.is_iam() && ssl.is_none() {
        // Resolution refuses this already; keep the guarantee local to the driver too.
        return Err(Error::usage("refusing to send an IAM token without TLS"));
    }
    let addr = params
        .hostaddr
        .map_or_else(|| params.host.clone(), |a| a.to_string());
    let cleartext = ssl.is_some();
    Ok(OptsBuilder::default()
        .ip_or_hostname(addr)
        .tcp_port(params.port)
        .user(Some(params.user.clone()))
        .pass(password.map(|p| p.expose().to_owned()))
        .db_name((!params.dbname.is_empty()).then(|| params.dbname.clone()))
        .prefer_socket(false)
        .stmt_cache_size(0)
        // Known up front, so connecting costs no `SELECT @@max_allowed_packet, …` round
        // trip (the server still enforces its own max_allowed_packet).
        .max_allowed_packet(Some(1 << 30))
        .wait_timeout(Some(28_800))
        .ssl_opts(ssl)
        .enable_cleartext_plugin(cleartext)
        // The audit tag or the user's name, where the server shows who connected
        // (performance_schema.session_connect_attrs).
        .connect_attribute("program_name", params.application_name_or_default())
        .into())
}

/// Capability flags of the SSLRequest packet: long password, protocol 4.1, SSL,
/// secure connection (as every 4.1+ client sends).
const SSL_REQUEST_CAPABILITIES: u32 = 0x0000_0001 | 0x0000_0200 | 0x0000_0800 | 0x0000_8000;
/// `CLIENT_SSL` in the server's greeting.
const CLIENT_SSL: u16 = 0x0800;

/// Read the server's greeting and, if it offers TLS, send the 32-byte SSLRequest
/// packet (sequence 1) after which the TLS handshake starts, as every MySQL client does.
///
/// For [`tls::probe`]: `false` when the server does not offer TLS.
pub fn start_tls(sock: &mut std::net::TcpStream) -> Result<bool> {
    use std::io::{Read, Write};
    let not_mysql = |e: &dyn std::fmt::Display| {
        Error::failure(format!("no MySQL greeting: {e}"))
            .with_hint("check that this port speaks MySQL")
    };
    let mut header = [0u8; 4];
    sock.read_exact(&mut header).map_err(|e| not_mysql(&e))?;
    let len = u32::from_le_bytes([header[0], header[1], header[2], 0]) as usize;
    let mut greeting = vec![0u8; len];
    sock.read_exact(&mut greeting).map_err(|e| not_mysql(&e))?;
    let bad = || not_mysql(&"unexpected greeting");
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
    sock.write_all(&packet).map_err(|e| not_mysql(&e))?;
    Ok(true)
}

impl MySql {
    /// Connect and authenticate with `password` (an IAM token or a typed password).
    pub async fn connect(params: &ConnParams, password: Option<Secret>) -> Result<Self> {
        let opts = options(params, password.as_ref())?;
        let conn = match tokio::time::timeout(params.connect_timeout, Conn::new(opts.clone())).await
        {
            Ok(r) => r.map_err(|e| classify(params, &e))?,
            Err(_) => {
                return Err(connection_error(
                    params,
                    "timed out",
                    "the server did not answer in time: check security groups, network ACLs, VPN or tunnel (--connect-timeout)",
                ))
            }
        };
        Ok(MySql { conn, opts })
    }

    /// The underlying connection (for `connect`'s catalogue queries).
    pub fn conn(&mut self) -> &mut Conn {
        &mut self.conn
    }
}

fn tls_cause(e: &mysql_async::Error) -> Option<&rustls::Error> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = cur {
        if let Some(t) = s.downcast_ref::<rustls::Error>() {
            return Some(t);
        }
        if let Some(io_err) = s.downcast_ref::<io::Error>() {
            if let Some(t) = io_err
                .get_ref()
                .and_then(|i| i.downcast_ref::<rustls::Error>())
            {
                return Some(t);
            }
        }
        cur = s.source();
    }
    None
}

/// Turn a connection failure into one line with the likely cause.
pub fn classify(params: &ConnParams, e: &mysql_async::Error) -> Error {
    use mysql_async::{DriverError, IoError};
    match e {
        mysql_async::Error::Server(s) => {
            let what = format!("ERROR {} ({}): {}", s.code, s.state, s.message);
            let hint = match s.code {
                // ER_ACCESS_DENIED_ERROR, ER_ACCESS_DENIED_NO_PASSWORD_ERROR
                1045 | 1698 => auth_failure_hint(params),
                // ER_BAD_DB_ERROR
                1049 => "check the database name (-d)".to_owned(),
                // ER_SECURE_TRANSPORT_REQUIRED
                3159 => "the server requires TLS; do not pass --sslmode disable".to_owned(),
                _ => "see the server's message".to_owned(),
            };
            connection_error(params, &what, &hint)
        }
        mysql_async::Error::Driver(DriverError::CleartextPluginDisabled) => connection_error(
            params,
            "the server asked for the password in clear text (mysql_clear_password) on a connection without TLS",
            "refused: dbiam sends clear-text passwords only over TLS; drop --sslmode disable",
        ),
        mysql_async::Error::Driver(DriverError::NoClientSslFlagFromServer) => connection_error(
            params,
            "the server does not support TLS",
            "IAM tokens are only sent over TLS: enable TLS on the server (ssl_cert/ssl_key)",
        ),
        _ => {
            if let Some(t) = tls_cause(e) {
                let (what, hint) = tls::describe_tls_error(t);
                let hint = if matches!(
                    t,
                    rustls::Error::InvalidCertificate(
                        rustls::CertificateError::NotValidForName
                            | rustls::CertificateError::NotValidForNameContext { .. }
                    )
                ) {
                    // See the module docs: verify-ca cannot skip the name check here.
                    "connect with a name in the certificate (with --hostaddr IP for tunnels: TLS checks --host)"
                } else {
                    hint
                };
                return connection_error(params, &what, hint);
            }
            if let mysql_async::Error::Io(IoError::Io(io_err)) = e {
                let hint = match io_err.kind() {
                    io::ErrorKind::ConnectionRefused => {
                        "nothing listens on that port: check the host and port, and that the server is running"
                    }
                    io::ErrorKind::TimedOut => {
                        "the server did not answer: check security groups, network ACLs, VPN or tunnel"
                    }
                    _ => "check the host, port and network",
                };
                return connection_error(params, &io_err.to_string(), hint);
            }
            connection_error(params, &e.to_string(), "check the host, port and network")
        }
    }
}

fn exec_error(e: mysql_async::Error) -> ExecError {
    match e {
        mysql_async::Error::Server(s) => ExecError::Server(ServerError {
            severity: "ERROR".into(),
            code: format!("{} ({})", s.code, s.state),
            message: s.message,
            ..ServerError::default()
        }),
        other => ExecError::Connection(
            Error::new(
                Kind::Connection,
                format!("the connection to the server was lost: {other}"),
            )
            .with_hint("the server may have restarted or closed the session; nothing after the failing statement ran"),
        ),
    }
}

/// The PostgreSQL type OID whose JSON rendering fits a MySQL column type (numbers as
/// numbers, JSON as JSON); `None` renders the value as a string.
pub fn json_type(t: ColumnType) -> Option<u32> {
    use ColumnType::*;
    match t {
        MYSQL_TYPE_TINY | MYSQL_TYPE_SHORT | MYSQL_TYPE_LONG | MYSQL_TYPE_INT24
        | MYSQL_TYPE_LONGLONG | MYSQL_TYPE_YEAR => Some(20),
        MYSQL_TYPE_DECIMAL | MYSQL_TYPE_NEWDECIMAL => Some(1700),
        MYSQL_TYPE_FLOAT | MYSQL_TYPE_DOUBLE => Some(701),
        MYSQL_TYPE_JSON => Some(114),
        _ => None,
    }
}

/// The command tag for a statement that returned no rows (the mysql client's wording).
pub fn ok_tag(affected: u64) -> String {
    format!(
        "Query OK, {affected} row{} affected",
        if affected == 1 { "" } else { "s" }
    )
}

struct Row<'a>(&'a [Option<Cow<'a, str>>]);

impl TextRow for Row<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn get(&self, i: usize) -> Option<&str> {
        self.0[i].as_deref()
    }
}

fn text(v: &Value) -> Option<Cow<'_, str>> {
    match v {
        Value::NULL => None,
        Value::Bytes(b) => Some(String::from_utf8_lossy(b)),
        // The text protocol sends every value as bytes; other variants only for safety.
        other => Some(Cow::Owned(other.as_sql(true).trim_matches('\'').to_owned())),
    }
}

impl Driver for MySql {
    /// The driver only learns of a closed connection by using it: a ping (one round trip
    /// before each statement typed at the prompt) tells, without running anything.
    async fn is_closed(&mut self) -> bool {
        self.conn.is_disconnected() || self.conn.ping().await.is_err()
    }

    async fn tls_info(&mut self, params: &ConnParams) -> Result<Option<Peer>> {
        let status: Vec<(String, String)> = self
            .conn
            .query("SHOW SESSION STATUS WHERE Variable_name = 'Ssl_cipher'")
            .await
            .map_err(|e| Error::failure(format!("cannot read the session status: {e}")))?;
        if status.iter().all(|(_, cipher)| cipher.is_empty()) {
            return Ok(None);
        }
        tls::probe(params).await
    }

    async fn execute(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<(), ExecError> {
        let mut result = self.conn.query_iter(sql).await.map_err(exec_error)?;
        loop {
            let columns = result.columns();
            let has_columns = columns.as_ref().is_some_and(|c| !c.is_empty());
            let affected = result.affected_rows();
            if let Some(cols) = columns.as_ref().filter(|_| has_columns) {
                let cols: Vec<Column> = cols
                    .iter()
                    .map(|c| Column {
                        name: c.name_str().into_owned(),
                        type_oid: json_type(c.column_type()),
                    })
                    .collect();
                sink.columns(&cols).map_err(ExecError::Output)?;
            }
            let mut rows = 0u64;
            while let Some(row) = result.next().await.map_err(exec_error)? {
                let values: Vec<Option<Cow<'_, str>>> = (0..row.len())
                    .map(|i| row.as_ref(i).and_then(text))
                    .collect();
                sink.row(&Row(&values)).map_err(ExecError::Output)?;
                rows += 1;
            }
            let tag = if has_columns {
                format!("SELECT {rows}")
            } else {
                ok_tag(affected)
            };
            sink.complete(&tag).map_err(ExecError::Output)?;
            if result.is_empty() {
                break;
            }
        }
        Ok(())
    }

    fn canceller(&self) -> Box<dyn Canceller> {
        Box::new(MySqlCanceller {
            opts: self.opts.clone(),
            id: self.conn.id(),
        })
    }

    fn dialect(&self) -> Dialect {
        Dialect::MySql
    }
}

/// Cancels with `KILL QUERY id` from a second connection (what the mysql client does).
struct MySqlCanceller {
    opts: Opts,
    id: u32,
}

impl Canceller for MySqlCanceller {
    fn cancel(&self) -> Pin<Box<dyn std::future::Future<Output = Result<()>> + Send + '_>> {
        Box::pin(async move {
            let fail = |e: mysql_async::Error| {
                Error::failure(format!("could not send the cancel request: {e}"))
            };
            let mut conn = Conn::new(self.opts.clone()).await.map_err(fail)?;
            conn.query_drop(format!("KILL QUERY {}", self.id))
                .await
                .map_err(fail)?;
            conn.disconnect().await.map_err(fail)
        })
    }
}

/// The catalogue queries behind `connect`'s meta commands for MySQL/MariaDB (`\l` →
/// `SHOW DATABASES`, `\dt` → `SHOW TABLES`, `\d NAME` → the columns `DESCRIBE` shows,
/// from `information_schema` in the shape the shell prints), one function per command,
/// named as the shell's catalogue methods. Patterns are psql's (`*`, `?`, `schema.name`).
pub mod catalog {
    /// A MySQL string literal (backslashes and quotes escaped).
    pub fn literal(s: &str) -> String {
        format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
    }

    /// A psql pattern (`*`, `?`) as a LIKE pattern.
    pub fn like(pattern: &str) -> String {
        let mut out = String::new();
        for c in pattern.chars() {
            match c {
                '*' => out.push('%'),
                '?' => out.push('_'),
                '%' | '_' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                c => out.push(c),
            }
        }
        out
    }

    fn schema_and_name(pattern: &str) -> (String, String) {
        match pattern.split_once('.') {
            Some((s, n)) => (format!("table_schema LIKE {}", literal(&like(s))), like(n)),
            None => ("table_schema = DATABASE()".to_owned(), like(pattern)),
        }
    }

    /// `\l`
    pub fn list_databases() -> String {
        "SHOW DATABASES".to_owned()
    }

    /// `\dt [PATTERN]`
    pub fn list_tables(pattern: Option<&str>) -> String {
        match pattern {
            None => "SHOW TABLES".to_owned(),
            Some(p) => format!("SHOW TABLES LIKE {}", literal(&like(p))),
        }
    }

    /// `\d` without a name: tables and views with their type.
    pub fn list_relations() -> String {
        "SHOW FULL TABLES".to_owned()
    }

    /// `\dn` (a MySQL schema is a database).
    pub fn list_schemas() -> String {
        list_databases()
    }

    /// `\du`
    pub fn list_roles() -> String {
        "SELECT user AS `User`, host AS `Host` FROM mysql.user ORDER BY 1, 2".to_owned()
    }

    /// Relations matching a `\d` pattern: rows of (id, schema, name, kind title).
    pub fn find_relations(pattern: &str) -> String {
        let (schema, name) = schema_and_name(pattern);
        format!(
            "SELECT concat(table_schema, '.', table_name), table_schema, table_name, \
             CASE table_type WHEN 'VIEW' THEN 'View' ELSE 'Table' END \
             FROM information_schema.tables WHERE {schema} AND table_name LIKE {} ORDER BY 2, 3",
            literal(&name)
        )
    }

    /// The columns of relation `id` (`schema.name`): Column, Type, Collation, Nullable, Default.
    pub fn describe_columns(id: &str) -> String {
        format!(
            "SELECT column_name AS `Column`, column_type AS `Type`, \
             coalesce(collation_name, '') AS `Collation`, \
             CASE is_nullable WHEN 'NO' THEN 'not null' ELSE '' END AS `Nullable`, \
             coalesce(column_default, '') AS `Default` \
             FROM information_schema.columns WHERE concat(table_schema, '.', table_name) = {} \
             ORDER BY ordinal_position",
            literal(id)
        )
    }

    /// The indexes of relation `id`: rows of (name, description).
    pub fn describe_indexes(id: &str) -> String {
        format!(
            "SELECT index_name, concat(CASE WHEN index_name = 'PRIMARY' THEN 'PRIMARY KEY, ' \
             WHEN non_unique = 0 THEN 'UNIQUE, ' ELSE '' END, lower(index_type), ' (', \
             group_concat(column_name ORDER BY seq_in_index SEPARATOR ', '), ')') \
             FROM information_schema.statistics WHERE concat(table_schema, '.', table_name) = {} \
             GROUP BY index_name, non_unique, index_type ORDER BY index_name = 'PRIMARY' DESC, index_name",
            literal(id)
        )
    }

    /// The foreign keys of relation `id`, one line each as psql prints them:
    /// `"name" FOREIGN KEY (a, b) REFERENCES db.t(x, y)`.
    pub fn describe_foreign_keys(id: &str) -> String {
        format!(
            "SELECT concat('\"', constraint_name, '\" FOREIGN KEY (', \
             group_concat(column_name ORDER BY ordinal_position SEPARATOR ', '), ') REFERENCES ', \
             referenced_table_schema, '.', referenced_table_name, '(', \
             group_concat(referenced_column_name ORDER BY ordinal_position SEPARATOR ', '), ')') \
             FROM information_schema.key_column_usage \
             WHERE concat(table_schema, '.', table_name) = {} AND referenced_table_name IS NOT NULL \
             GROUP BY constraint_name, referenced_table_schema, referenced_table_name ORDER BY constraint_name",
            literal(id)
        )
    }

    /// The foreign keys of other tables that point at relation `id`:
    /// `TABLE "db.child" CONSTRAINT "name" FOREIGN KEY (a) REFERENCES db.t(x)`.
    pub fn describe_referenced_by(id: &str) -> String {
        format!(
            "SELECT concat('TABLE \"', table_schema, '.', table_name, '\" CONSTRAINT \"', constraint_name, \
             '\" FOREIGN KEY (', group_concat(column_name ORDER BY ordinal_position SEPARATOR ', '), \
             ') REFERENCES ', referenced_table_schema, '.', referenced_table_name, '(', \
             group_concat(referenced_column_name ORDER BY ordinal_position SEPARATOR ', '), ')') \
             FROM information_schema.key_column_usage \
             WHERE concat(referenced_table_schema, '.', referenced_table_name) = {} \
             GROUP BY table_schema, table_name, constraint_name, referenced_table_schema, referenced_table_name \
             ORDER BY constraint_name",
            literal(id)
        )
    }

    /// Database, table and column names for completion: one text column.
    pub fn completion_names() -> String {
        "SELECT schema_name FROM information_schema.schemata \
         UNION SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() \
         UNION SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE()"
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{ConnectionArgs, Engine};

    #[test]
    fn catalogue_patterns_and_literals() {
        assert_eq!(catalog::like("t*_x?"), "t%\\_x_");
        assert_eq!(catalog::literal("a'b\\c"), "'a''b\\\\c'");
        assert_eq!(catalog::list_tables(Some("t*")), "SHOW TABLES LIKE 't%'");
        assert!(catalog::find_relations("db.t*").contains("table_schema LIKE 'db'"));
        assert!(catalog::find_relations("t").contains("table_schema = DATABASE()"));
    }

    fn params(extra: ConnectionArgs) -> ConnParams {
        ConnectionArgs {
            engine: Some(Engine::MySql),
            host: Some("db.example.com".into()),
            username: Some("u".into()),
            ..extra
        }
        .resolve_with(3306, &|_| None)
        .unwrap()
    }

    #[test]
    fn iam_always_gets_tls_and_cleartext_only_with_it() {
        let p = params(ConnectionArgs::default());
        let o = options(&p, Some(&Secret::new("t"))).unwrap();
        let ssl = o.ssl_opts().expect("TLS");
        assert!(!ssl.skip_domain_validation());
        assert!(!ssl.accept_invalid_certs());
        assert!(ssl.disable_built_in_roots());
        assert!(o.enable_cleartext_plugin());

        let p = params(ConnectionArgs {
            sslmode: Some(SslMode::Prefer),
            ..Default::default()
        });
        let o = options(&p, None).unwrap();
        assert!(o.ssl_opts().is_some_and(|s| s.accept_invalid_certs()));

        let p = params(ConnectionArgs {
            sslmode: Some(SslMode::Disable),
            no_iam: true,
            ..Default::default()
        });
        let o = options(&p, None).unwrap();
        assert!(o.ssl_opts().is_none());
        assert!(!o.enable_cleartext_plugin());
    }

    #[test]
    fn verify_ca_skips_only_the_name() {
        let p = params(ConnectionArgs {
            sslmode: Some(SslMode::VerifyCa),
            ..Default::default()
        });
        let o = options(&p, None).unwrap();
        let ssl = o.ssl_opts().unwrap();
        assert!(ssl.skip_domain_validation());
        assert!(!ssl.accept_invalid_certs());
    }

    #[test]
    fn tags_and_types() {
        assert_eq!(ok_tag(1), "Query OK, 1 row affected");
        assert_eq!(ok_tag(0), "Query OK, 0 rows affected");
        assert_eq!(json_type(ColumnType::MYSQL_TYPE_LONGLONG), Some(20));
        assert_eq!(json_type(ColumnType::MYSQL_TYPE_VAR_STRING), None);
    }
}
