//! The PostgreSQL driver (tokio-postgres over rustls): connecting with the resolved
//! parameters, classifying connection failures, and running statements with the
//! simple-query protocol so rows stream as the server's own text (what psql prints).

use futures_util::StreamExt;
use std::error::Error as _;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio_postgres::config::SslMode as PgSslMode;
use tokio_postgres::error::{DbError, ErrorPosition, SqlState};
use tokio_postgres::{
    AsyncMessage, CancelToken, Client, ScriptMessage, ScriptQuery, SimpleQueryRow,
};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::tls::{self, Peer, SslMode};
use super::{
    auth_failure_hint, connection_error, Canceller, ConnParams, Driver, ExecError, Outcome,
    ServerError,
};
use crate::error::{Error, Kind, Result};
use crate::output::results::{Column, ResultSink, TextRow};
use crate::secret::Secret;

/// A PostgreSQL connection.
pub struct Postgres {
    client: Client,
    tls: MakeRustlsConnect,
    /// A `COPY … FROM STDIN` whose server waits for data (dropping it aborts it).
    copy: Option<Box<ScriptQuery>>,
    /// `standard_conforming_strings` as the server last reported it.
    std_strings: Arc<AtomicBool>,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Postgres")
    }
}

fn tls_connector(params: &ConnParams) -> Result<MakeRustlsConnect> {
    Ok(MakeRustlsConnect::new(tls::params_config(params)?))
}

/// PostgreSQL's SSLRequest (Int32 length 8, Int32 80877103) on a fresh connection, for
/// [`tls::probe`]: `true` when the server answers `S` (it will shake hands), `false`
/// for `N`.
pub fn start_tls(sock: &mut std::net::TcpStream) -> Result<bool> {
    use std::io::{Read, Write};
    let not_pg = "check that this port speaks PostgreSQL";
    let mut answer = [0u8; 1];
    sock.write_all(&[0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])
        .and_then(|()| sock.read_exact(&mut answer))
        .map_err(|e| {
            Error::failure(format!("no answer to the SSLRequest: {e}")).with_hint(not_pg)
        })?;
    match answer[0] {
        b'S' => Ok(true),
        b'N' => Ok(false),
        other => Err(
            Error::failure(format!("unexpected answer {other:#04x} to the SSLRequest"))
                .with_hint(not_pg),
        ),
    }
}

impl Postgres {
    /// Connect and authenticate with `password` (an IAM token or a typed password).
    /// With no password and a server that asks for one, prompt on the terminal (not with IAM).
    pub async fn connect(params: &ConnParams, password: Option<Secret>) -> Result<Self> {
        let mode = params.effective_sslmode();
        if params.is_iam() && mode == SslMode::Disable {
            // Resolution refuses this already; keep the guarantee local to the driver too.
            return Err(Error::usage("refusing to send an IAM token without TLS"));
        }
        let tls = tls_connector(params)?;
        match Self::bounded(params, password.as_ref(), tls.clone()).await? {
            Err(e) if password.is_none() && is_password_missing(&e) => {
                // The prompt is not timed; the second attempt is, on its own.
                let typed = super::prompt_password(&params.user)?;
                Self::bounded(params, Some(&typed), tls)
                    .await?
                    .map_err(|e| classify(params, &e))
            }
            other => other.map_err(|e| classify(params, &e)),
        }
    }

    /// One connection attempt, the whole of it (TCP, TLS, startup, authentication)
    /// bounded by `--connect-timeout` as libpq's `connect_timeout`: tokio-postgres' own
    /// timeout covers only the TCP connect, so a server that accepts and never answers
    /// would hang. `Err` is the time-out; `Ok` the attempt's own outcome.
    async fn bounded(
        params: &ConnParams,
        password: Option<&Secret>,
        tls: MakeRustlsConnect,
    ) -> Result<std::result::Result<Self, tokio_postgres::Error>> {
        tokio::time::timeout(
            params.connect_timeout,
            Self::try_connect(params, password, tls),
        )
        .await
        .map_err(|_| {
            connection_error(
                params,
                &format!("timed out after {} s", params.connect_timeout.as_secs()),
                "the server did not answer in time: check security groups, network ACLs, VPN or \
                 tunnel, and that the port speaks PostgreSQL (--connect-timeout)",
            )
        })
    }

    async fn try_connect(
        params: &ConnParams,
        password: Option<&Secret>,
        tls: MakeRustlsConnect,
    ) -> std::result::Result<Self, tokio_postgres::Error> {
        let mut config = tokio_postgres::Config::new();
        config
            .host(&params.host)
            .port(params.port)
            .user(&params.user)
            .dbname(&params.dbname)
            .application_name(params.application_name_or_default())
            .connect_timeout(params.connect_timeout)
            .ssl_mode(match params.effective_sslmode() {
                SslMode::Disable => PgSslMode::Disable,
                SslMode::Allow | SslMode::Prefer => PgSslMode::Prefer,
                SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => PgSslMode::Require,
            });
        if let Some(addr) = params.hostaddr {
            config.hostaddr(addr);
        }
        if let Some(p) = password {
            config.password(p.expose());
        }
        let (client, mut connection) = config.connect(tls.clone()).await?;
        let std_strings = Arc::new(AtomicBool::new(
            connection.parameter("standard_conforming_strings") != Some("off"),
        ));
        let reported = std_strings.clone();
        // Drive the connection, printing server notices on stderr as psql does, and
        // following the parameters the splitter depends on.
        tokio::spawn(async move {
            let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
            while let Some(m) = messages.next().await {
                match m {
                    Ok(AsyncMessage::Notice(n)) => eprint!("{}", notice_text(&n)),
                    Ok(AsyncMessage::ParameterStatus { name, value })
                        if name == "standard_conforming_strings" =>
                    {
                        reported.store(value != "off", Ordering::SeqCst);
                    }
                    Ok(_) => {}
                    Err(e) => {
                        crate::debug!("connection ended: {e}");
                        break;
                    }
                }
            }
        });
        Ok(Postgres {
            client,
            tls,
            copy: None,
            std_strings,
        })
    }

    /// Run `sql` with the simple-query protocol (tokio-postgres' `script_query`, patched
    /// in vendor/), as psql does: the server's answer decides whether a COPY follows and
    /// in which direction. Rows of a result are held (up to [`RESULT_BUFFER`] bytes) until
    /// the statement completes, so a statement that fails half-way prints only its error,
    /// as psql's; a larger result streams. On [`Outcome::CopyIn`] the query stays pending
    /// for [`Driver::copy_data`] and [`Driver::copy_end`].
    async fn script(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<Outcome, ExecError> {
        self.abandon_copy();
        // Column types only when the renderer needs them (JSON, aligned table): the
        // text protocol does not carry them, so describe the statement first.
        let types: Option<Vec<u32>> = if sink.wants_types() && !sql.trim().is_empty() {
            let st = self.client.prepare(sql).await.map_err(exec_error)?;
            Some(st.columns().iter().map(|c| c.type_().oid()).collect())
        } else {
            None
        };
        let mut query = self.client.script_query(sql).await.map_err(exec_error)?;
        let mut held = Held::default();
        let mut failed = None;
        let mut copied_out = false;
        while let Some(msg) = query.next().await {
            let msg = match msg {
                Ok(m) => m,
                Err(e) if e.as_db_error().is_some() && failed.is_none() => {
                    // The server's error ends the statement: what it sent is dropped.
                    held = Held::default();
                    failed = Some(e);
                    continue;
                }
                Err(e) => return Err(exec_error(e)),
            };
            match msg {
                ScriptMessage::RowDescription(cols) => {
                    let columns: Vec<Column> = cols
                        .iter()
                        .enumerate()
                        .map(|(i, c)| Column {
                            name: c.name().to_owned(),
                            type_oid: types
                                .as_ref()
                                .filter(|t| t.len() == cols.len())
                                .map(|t| t[i]),
                        })
                        .collect();
                    held.columns(columns);
                }
                ScriptMessage::Row(row) => held.row(row, sink).map_err(ExecError::Output)?,
                ScriptMessage::CommandComplete(tag) => {
                    held.flush(sink).map_err(ExecError::Output)?;
                    // psql prints no tag after COPY TO STDOUT's data.
                    if !std::mem::take(&mut copied_out) {
                        sink.complete(&tag).map_err(ExecError::Output)?;
                    }
                }
                ScriptMessage::CopyIn => {
                    self.copy = Some(Box::new(query));
                    return Ok(Outcome::CopyIn);
                }
                ScriptMessage::CopyOut => copied_out = true,
                ScriptMessage::CopyData(data) => sink.copy_out(&data).map_err(ExecError::Output)?,
                _ => {}
            }
        }
        match failed {
            Some(e) => Err(exec_error(e)),
            None => Ok(Outcome::Done),
        }
    }

    /// A COPY FROM STDIN nobody finished (its data never came): abort it.
    fn abandon_copy(&mut self) {
        // Dropping a query whose server waits for data sends a CopyFail.
        self.copy = None;
    }

    /// The underlying client (for `connect`'s catalogue queries).
    pub fn client(&self) -> &Client {
        &self.client
    }
}

fn is_password_missing(e: &tokio_postgres::Error) -> bool {
    e.to_string().contains("password missing")
}

fn sources(e: &tokio_postgres::Error) -> Vec<&(dyn std::error::Error + 'static)> {
    let mut out = Vec::new();
    let mut cur = e.source();
    while let Some(s) = cur {
        out.push(s);
        cur = s.source();
    }
    out
}

/// Turn a connection failure into one line with the likely cause.
pub fn classify(params: &ConnParams, e: &tokio_postgres::Error) -> Error {
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        let msg = db.message();
        if code == &SqlState::INVALID_PASSWORD
            || msg.contains("password authentication failed")
            || msg.contains("PAM authentication failed")
        {
            return connection_error(params, msg, &auth_failure_hint(params));
        }
        if code == &SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
            return connection_error(
                params,
                msg,
                "the server's pg_hba.conf has no entry for this user, database and address (or requires TLS)",
            );
        }
        if code == &SqlState::INVALID_CATALOG_NAME {
            return connection_error(params, msg, "check the database name (-d)");
        }
        return connection_error(params, msg, "see the server's message");
    }
    for s in sources(e) {
        if let Some(tls_err) = s.downcast_ref::<rustls::Error>() {
            let (what, hint) = tls::describe_tls_error(tls_err);
            return connection_error(params, &what, hint);
        }
        if let Some(io_err) = s.downcast_ref::<io::Error>() {
            if let Some(tls_err) = io_err
                .get_ref()
                .and_then(|i| i.downcast_ref::<rustls::Error>())
            {
                let (what, hint) = tls::describe_tls_error(tls_err);
                return connection_error(params, &what, hint);
            }
            let hint = match io_err.kind() {
                io::ErrorKind::ConnectionRefused => {
                    "nothing listens on that port: check the host and port, and that the server is running"
                }
                io::ErrorKind::TimedOut => {
                    "the server did not answer: check security groups, network ACLs, VPN or tunnel"
                }
                _ if io_err.to_string().contains("lookup") => "the host name does not resolve: check it (and your VPN/DNS)",
                _ => "check the host, port and network",
            };
            return connection_error(params, &io_err.to_string(), hint);
        }
    }
    let text = e.to_string();
    if text.contains("timeout") || text.contains("timed out") {
        return connection_error(
            params,
            &text,
            "the server did not answer in time: check security groups, network ACLs, VPN or tunnel (--connect-timeout)",
        );
    }
    if text.contains("does not support TLS") || text.contains("TLS") {
        return connection_error(
            params,
            &text,
            "the server does not accept TLS; IAM tokens are only sent over TLS",
        );
    }
    connection_error(params, &text, "check the host, port and network")
}

struct Row<'a>(&'a SimpleQueryRow);

impl TextRow for Row<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn get(&self, i: usize) -> Option<&str> {
        self.0.get(i)
    }
}

/// A server notice as psql prints it at its default verbosity: the severity and message,
/// then its DETAIL and HINT lines (each continuation line as the server sent it).
fn notice_text(n: &tokio_postgres::error::DbError) -> String {
    let mut text = format!("{}:  {}\n", n.severity(), n.message());
    if let Some(detail) = n.detail() {
        text.push_str(&format!("DETAIL:  {detail}\n"));
    }
    if let Some(hint) = n.hint() {
        text.push_str(&format!("HINT:  {hint}\n"));
    }
    text
}

fn server_error(db: &DbError) -> ServerError {
    ServerError {
        severity: db.severity().to_owned(),
        code: db.code().code().to_owned(),
        message: db.message().to_owned(),
        detail: db.detail().map(str::to_owned),
        hint: db.hint().map(str::to_owned),
        position: match db.position() {
            Some(ErrorPosition::Original(p)) => Some(*p),
            _ => None,
        },
        context: db.where_().map(str::to_owned),
        internal: match db.position() {
            Some(ErrorPosition::Internal { position, query }) => Some((*position, query.clone())),
            _ => None,
        },
        verbose: Box::new(super::VerboseFields {
            schema: db.schema().map(str::to_owned),
            table: db.table().map(str::to_owned),
            column: db.column().map(str::to_owned),
            datatype: db.datatype().map(str::to_owned),
            constraint: db.constraint().map(str::to_owned),
            routine: db.routine().map(str::to_owned),
            file: db.file().map(str::to_owned),
            line: db.line(),
        }),
    }
}

fn exec_error(e: tokio_postgres::Error) -> ExecError {
    match e.as_db_error() {
        Some(db) if db.severity() != "FATAL" && db.severity() != "PANIC" => ExecError::Server(server_error(db)),
        _ => ExecError::Connection(
            Error::new(Kind::Connection, format!("the connection to the server was lost: {e}"))
                .with_hint("the server may have restarted or closed the session; nothing after the failing statement ran"),
        ),
    }
}

impl Driver for Postgres {
    async fn is_closed(&mut self) -> bool {
        self.client.is_closed()
    }

    async fn tls_info(&mut self, params: &ConnParams) -> Result<Option<Peer>> {
        let asked = self
            .client
            .simple_query(
                "SELECT ssl::pg_catalog.text FROM pg_catalog.pg_stat_ssl WHERE pid = pg_catalog.pg_backend_pid()",
            )
            .await;
        match asked {
            Ok(messages) => {
                let on_tls = messages
                    .iter()
                    .any(|m| matches!(m, tokio_postgres::SimpleQueryMessage::Row(r) if r.get(0) == Some("true")));
                if !on_tls {
                    return Ok(None);
                }
            }
            Err(e) => {
                // Redshift and DSQL have no pg_stat_ssl: with sslmode require or stronger
                // the session is on TLS.
                crate::debug!("cannot read pg_stat_ssl: {e}");
                if matches!(
                    params.effective_sslmode(),
                    SslMode::Disable | SslMode::Allow | SslMode::Prefer
                ) {
                    return Err(Error::failure("the server does not say (no pg_stat_ssl)"));
                }
            }
        }
        tls::probe(params).await
    }

    async fn execute(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<(), ExecError> {
        match self.script(sql, sink).await? {
            Outcome::Done => Ok(()),
            // No data to give here (a COPY FROM STDIN outside a script): end it empty.
            Outcome::CopyIn => self.copy_end(sink).await,
        }
    }

    async fn run(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<Outcome, ExecError> {
        self.script(sql, sink).await
    }

    async fn copy_start(&mut self, sql: &str) -> Result<(), ExecError> {
        match self
            .script(sql, &mut crate::output::results::Discard)
            .await?
        {
            Outcome::CopyIn => Ok(()),
            Outcome::Done => Err(ExecError::Server(ServerError {
                severity: "ERROR".into(),
                code: "08P01".into(),
                message: "the server did not start a COPY FROM STDIN".into(),
                ..ServerError::default()
            })),
        }
    }

    async fn copy_data(&mut self, data: Vec<u8>) -> Result<(), ExecError> {
        match self.copy.as_mut() {
            Some(copy) => copy.copy_data(data.into()).await.map_err(exec_error),
            None => Ok(()),
        }
    }

    async fn copy_end(&mut self, sink: &mut dyn ResultSink) -> Result<(), ExecError> {
        let Some(mut copy) = self.copy.take() else {
            return Ok(());
        };
        copy.copy_done().await.map_err(exec_error)?;
        let mut failed = None;
        while let Some(msg) = copy.next().await {
            match msg {
                Ok(ScriptMessage::CommandComplete(tag)) => {
                    sink.complete(&tag).map_err(ExecError::Output)?
                }
                Ok(_) => {}
                Err(e) if e.as_db_error().is_some() && failed.is_none() => failed = Some(e),
                Err(e) => return Err(exec_error(e)),
            }
        }
        match failed {
            Some(e) => Err(exec_error(e)),
            None => Ok(()),
        }
    }

    fn copy_abort(&mut self) {
        self.abandon_copy();
    }

    fn standard_conforming_strings(&self) -> bool {
        self.std_strings.load(Ordering::SeqCst)
    }

    fn canceller(&self) -> Box<dyn Canceller> {
        Box::new(PgCanceller {
            token: self.client.cancel_token(),
            tls: self.tls.clone(),
        })
    }
}

/// How many bytes of a result's rows are held before its first byte is written (see
/// [`Postgres::script`]): 4 MiB, after which the result streams, as psql's does with
/// `FETCH_COUNT`.
pub const RESULT_BUFFER: usize = 4 << 20;

/// A result's columns and rows, held until the statement completes or they outgrow
/// [`RESULT_BUFFER`].
#[derive(Default)]
struct Held {
    columns: Option<Vec<Column>>,
    rows: Vec<SimpleQueryRow>,
    bytes: usize,
    /// The result outgrew the buffer: the rest streams.
    streaming: bool,
}

impl Held {
    fn columns(&mut self, columns: Vec<Column>) {
        *self = Held {
            columns: Some(columns),
            ..Held::default()
        };
    }

    fn row(&mut self, row: SimpleQueryRow, sink: &mut dyn ResultSink) -> io::Result<()> {
        if self.streaming {
            return sink.row(&Row(&row));
        }
        self.bytes += 16
            + (0..row.len())
                .map(|i| row.get(i).map_or(0, str::len) + 8)
                .sum::<usize>();
        self.rows.push(row);
        if self.bytes > RESULT_BUFFER {
            self.flush(sink)?;
            self.streaming = true;
        }
        Ok(())
    }

    /// Write what is held.
    fn flush(&mut self, sink: &mut dyn ResultSink) -> io::Result<()> {
        if let Some(columns) = self.columns.take() {
            sink.columns(&columns)?;
        }
        for row in self.rows.drain(..) {
            sink.row(&Row(&row))?;
        }
        self.bytes = 0;
        Ok(())
    }
}

struct PgCanceller {
    token: CancelToken,
    tls: MakeRustlsConnect,
}

impl Canceller for PgCanceller {
    fn cancel(&self) -> Pin<Box<dyn std::future::Future<Output = Result<()>> + Send + '_>> {
        Box::pin(async move {
            self.token
                .cancel_query(self.tls.clone())
                .await
                .map_err(|e| Error::failure(format!("could not send the cancel request: {e}")))
        })
    }
}

/// Object words that form multi-word command tags (`CREATE MATERIALIZED VIEW`, …).
const OBJECT_WORDS: &[&str] = &[
    "ACCESS",
    "AGGREGATE",
    "CAST",
    "CLASS",
    "COLLATION",
    "CONFIGURATION",
    "CONVERSION",
    "DATA",
    "DATABASE",
    "DICTIONARY",
    "DOMAIN",
    "EVENT",
    "EXTENSION",
    "FAMILY",
    "FOREIGN",
    "FUNCTION",
    "GROUP",
    "INDEX",
    "LANGUAGE",
    "MAPPING",
    "MATERIALIZED",
    "METHOD",
    "OPERATOR",
    "PARSER",
    "POLICY",
    "PROCEDURE",
    "PUBLICATION",
    "ROLE",
    "ROUTINE",
    "RULE",
    "SCHEMA",
    "SEARCH",
    "SEQUENCE",
    "SERVER",
    "STATISTICS",
    "SUBSCRIPTION",
    "SYSTEM",
    "TABLE",
    "TABLESPACE",
    "TEMPLATE",
    "TEXT",
    "TRANSFORM",
    "TRIGGER",
    "TYPE",
    "USER",
    "VIEW",
    "WRAPPER",
    "DEFAULT",
    "PRIVILEGES",
    "LARGE",
    "OBJECT",
    "CONSTRAINT",
];

/// Words that may follow CREATE before the object type and are not part of the tag.
const CREATE_MODIFIERS: &[&str] = &[
    "OR",
    "REPLACE",
    "TEMP",
    "TEMPORARY",
    "UNLOGGED",
    "GLOBAL",
    "LOCAL",
    "UNIQUE",
    "RECURSIVE",
    "TRUSTED",
    "PROCEDURAL",
    "CONSTRAINT",
    "DEFAULT",
];

fn words(sql: &str) -> Vec<String> {
    // Skip leading comments and whitespace, then take up to eight bare words.
    let mut s = sql.trim_start();
    loop {
        if let Some(rest) = s.strip_prefix("--") {
            s = rest.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(rest) = s.strip_prefix("/*") {
            let mut depth = 1;
            let mut i = 0;
            let b = rest.as_bytes();
            while i < b.len() && depth > 0 {
                if rest[i..].starts_with("/*") {
                    depth += 1;
                    i += 2;
                } else if rest[i..].starts_with("*/") {
                    depth -= 1;
                    i += 2;
                } else {
                    i += 1;
                }
            }
            s = rest.get(i..).unwrap_or("").trim_start();
        } else {
            break;
        }
    }
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_ascii_uppercase)
        .collect()
}

/// The first statement keyword outside parentheses and quotes after `WITH …`.
fn main_verb_after_ctes(sql: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut word = String::new();
    let mut chars = sql.chars().peekable();
    let verbs = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE",
    ];
    while let Some(c) = chars.next() {
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c.to_ascii_uppercase());
            continue;
        }
        if depth == 0 && verbs.contains(&word.as_str()) {
            return Some(word);
        }
        word.clear();
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '\'' | '"' => {
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    (depth == 0 && verbs.contains(&word.as_str())).then_some(word)
}

/// The command tag PostgreSQL sends for `sql` (tokio-postgres reports only the row
/// count, so the tag is rebuilt from the statement's leading keywords and that count).
pub fn command_tag(sql: &str, rows: u64, returned_rows: bool) -> String {
    let w = words(sql);
    let Some(first) = w.first().map(String::as_str) else {
        return String::new();
    };
    let has = |word: &str| w.iter().any(|x| x == word);
    match first {
        "INSERT" => format!("INSERT 0 {rows}"),
        "UPDATE" | "DELETE" | "MERGE" | "FETCH" | "MOVE" | "COPY" => format!("{first} {rows}"),
        "SELECT" | "VALUES" | "TABLE" | "SHOW" | "EXPLAIN" => format!("SELECT {rows}"),
        "WITH" => match main_verb_after_ctes(sql).as_deref() {
            Some("INSERT") => format!("INSERT 0 {rows}"),
            Some(v @ ("UPDATE" | "DELETE" | "MERGE")) => format!("{v} {rows}"),
            _ => format!("SELECT {rows}"),
        },
        "BEGIN" | "START" => {
            if first == "START" {
                "START TRANSACTION".into()
            } else {
                "BEGIN".into()
            }
        }
        "END" | "COMMIT" => "COMMIT".into(),
        "ABORT" | "ROLLBACK" => "ROLLBACK".into(),
        "TRUNCATE" => "TRUNCATE TABLE".into(),
        "LOCK" => "LOCK TABLE".into(),
        "DECLARE" => "DECLARE CURSOR".into(),
        "CLOSE" => "CLOSE CURSOR".into(),
        "DISCARD" => format!(
            "DISCARD {}",
            w.get(1)
                .map_or("ALL", |s| if s == "TEMPORARY" { "TEMP" } else { s })
        ),
        "REFRESH" => "REFRESH MATERIALIZED VIEW".into(),
        "PREPARE" if w.get(1).is_some_and(|s| s == "TRANSACTION") => "PREPARE TRANSACTION".into(),
        "SECURITY" => "SECURITY LABEL".into(),
        "IMPORT" => "IMPORT FOREIGN SCHEMA".into(),
        "REASSIGN" => "REASSIGN OWNED".into(),
        "DROP" if w.get(1).is_some_and(|s| s == "OWNED") => "DROP OWNED".into(),
        "CREATE" | "ALTER" | "DROP" => {
            if returned_rows
                || (first == "CREATE"
                    && has("AS")
                    && (has("TABLE") || has("MATERIALIZED"))
                    && has("SELECT"))
            {
                return format!("SELECT {rows}");
            }
            let mut rest = w[1..].iter().map(String::as_str).peekable();
            if first == "CREATE" {
                while rest.peek().is_some_and(|x| CREATE_MODIFIERS.contains(x)) {
                    rest.next();
                }
            }
            let mut obj: Vec<&str> = rest.take_while(|x| OBJECT_WORDS.contains(x)).collect();
            if obj.first() == Some(&"USER") && obj.get(1) != Some(&"MAPPING") {
                obj = vec!["ROLE"];
            }
            if obj.first() == Some(&"GROUP") {
                obj = vec!["ROLE"];
            }
            if obj.is_empty() {
                first.to_owned()
            } else {
                format!("{first} {}", obj.join(" "))
            }
        }
        _ => first.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::command_tag;

    #[test]
    fn tags_like_the_server() {
        assert_eq!(
            command_tag("insert into t values (1),(2)", 2, false),
            "INSERT 0 2"
        );
        assert_eq!(
            command_tag("  -- c\n/* x /* y */ */ update t set a=1", 5, false),
            "UPDATE 5"
        );
        assert_eq!(
            command_tag("create table t(a int)", 0, false),
            "CREATE TABLE"
        );
        assert_eq!(
            command_tag("create or replace function f() returns int", 0, false),
            "CREATE FUNCTION"
        );
        assert_eq!(
            command_tag("CREATE UNIQUE INDEX i ON t(a)", 0, false),
            "CREATE INDEX"
        );
        assert_eq!(
            command_tag("create temp table x as select 1", 1, false),
            "SELECT 1"
        );
        assert_eq!(
            command_tag("create materialized view v as select 1", 1, false),
            "SELECT 1"
        );
        assert_eq!(
            command_tag("drop table if exists t", 0, false),
            "DROP TABLE"
        );
        assert_eq!(
            command_tag("alter user u with login", 0, false),
            "ALTER ROLE"
        );
        assert_eq!(command_tag("set search_path = x", 0, false), "SET");
        assert_eq!(command_tag("begin", 0, false), "BEGIN");
        assert_eq!(
            command_tag(
                "with x as (select 1) insert into t select * from x",
                1,
                false
            ),
            "INSERT 0 1"
        );
        assert_eq!(
            command_tag(
                "with d as (delete from t returning 1) update u set a = (select 1)",
                4,
                false
            ),
            "UPDATE 4"
        );
        assert_eq!(
            command_tag(
                "with recursive r(n) as (select 1 union all select n + 1 from r) select * from r",
                3,
                true
            ),
            "SELECT 3"
        );
        assert_eq!(command_tag("truncate t", 0, false), "TRUNCATE TABLE");
        assert_eq!(command_tag("-- only a comment", 0, false), "");
    }
}
