//! What a statement runner talks to: the [`Driver`] trait every engine implements, its
//! [`Canceller`], and how a statement fails ([`ExecError`], [`ServerError`]).

use super::tls::Peer;
use super::ConnParams;
use crate::error::{Error, Result};
use crate::output::results::ResultSink;

/// An error reported by the server for a statement (PostgreSQL's ErrorResponse fields).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServerError {
    /// `ERROR`, `FATAL`, …
    pub severity: String,
    /// SQLSTATE.
    pub code: String,
    /// Primary message.
    pub message: String,
    /// DETAIL.
    pub detail: Option<String>,
    /// HINT.
    pub hint: Option<String>,
    /// 1-based character position in the statement.
    pub position: Option<u32>,
    /// CONTEXT: where it happened (`COPY t, line 2`, a PL/pgSQL call stack).
    pub context: Option<String>,
    /// An error in a query the server ran internally (in a PL/pgSQL function): the
    /// 1-based position in that query, and the query (psql's `QUERY:` line).
    pub internal: Option<(u32, String)>,
    /// What psql's `VERBOSITY verbose` adds: the objects the error is about (SCHEMA NAME,
    /// TABLE NAME, COLUMN NAME, DATATYPE NAME, CONSTRAINT NAME) and where in the server's
    /// source it was raised (`LOCATION:  routine, file:line`).
    pub verbose: Box<VerboseFields>,
}

/// An error's fields shown only with `VERBOSITY verbose` (all `None` when the engine
/// does not send them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerboseFields {
    /// SCHEMA NAME.
    pub schema: Option<String>,
    /// TABLE NAME.
    pub table: Option<String>,
    /// COLUMN NAME.
    pub column: Option<String>,
    /// DATATYPE NAME.
    pub datatype: Option<String>,
    /// CONSTRAINT NAME.
    pub constraint: Option<String>,
    /// The server routine that raised it.
    pub routine: Option<String>,
    /// The server source file.
    pub file: Option<String>,
    /// The line in that file.
    pub line: Option<u32>,
}

/// Why a statement did not complete.
#[derive(Debug)]
pub enum ExecError {
    /// The server rejected the statement; the session goes on.
    Server(ServerError),
    /// The connection broke (exit 2, as psql).
    Connection(Error),
    /// Writing the results failed (a closed stdout, a full disk).
    Output(std::io::Error),
}

/// How a statement run by [`Driver::run`] ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It completed.
    Done,
    /// The server started a `COPY … FROM STDIN` and waits for its data
    /// ([`Driver::copy_data`], then [`Driver::copy_end`]).
    CopyIn,
}

/// One engine's connection, as the statement runner sees it.
#[allow(async_fn_in_trait)]
pub trait Driver {
    /// Run one statement, streaming any rows into `sink`, and calling `sink.complete`.
    async fn execute(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<(), ExecError>;

    /// Whether the server closed the connection (then nothing can have been sent).
    async fn is_closed(&mut self) -> bool;

    /// The TLS session this connection runs on, as [`super::tls::probe`] shows it (`None`:
    /// no TLS). `params` are the ones it was opened with.
    async fn tls_info(&mut self, params: &ConnParams) -> Result<Option<Peer>>;

    /// Run one statement of a script, as [`Driver::execute`], except that when the
    /// server answers with a `COPY … FROM STDIN` the copy stays open for the script's
    /// data ([`Outcome::CopyIn`]).
    async fn run(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<Outcome, ExecError> {
        self.execute(sql, sink).await.map(|()| Outcome::Done)
    }

    /// A handle that asks the server to cancel the running statement.
    fn canceller(&self) -> Box<dyn Canceller>;

    /// Which client's rules split scripts for this engine (psql's by default).
    fn dialect(&self) -> crate::sql::split::Dialect {
        crate::sql::split::Dialect::Postgres
    }

    /// The server's `standard_conforming_strings` as it last reported it (whether a
    /// backslash in `'…'` is a plain character): psql's lexer follows it, and so does
    /// the splitter.
    fn standard_conforming_strings(&self) -> bool {
        true
    }

    /// `COPY … FROM STDIN`: send the statement; the server then takes the data
    /// ([`Driver::copy_data`]) until [`Driver::copy_end`]. Refused by engines without it.
    async fn copy_start(&mut self, sql: &str) -> Result<(), ExecError> {
        let _ = sql;
        Err(ExecError::Server(ServerError {
            severity: "ERROR".into(),
            code: "0A000".into(),
            message: "COPY … FROM STDIN is not supported for this engine".into(),
            ..ServerError::default()
        }))
    }

    /// Send COPY data (whole lines, as the script holds them).
    async fn copy_data(&mut self, data: Vec<u8>) -> Result<(), ExecError> {
        let _ = data;
        Ok(())
    }

    /// End the COPY data and complete `sink` with the server's tag (`COPY 3`).
    async fn copy_end(&mut self, sink: &mut dyn ResultSink) -> Result<(), ExecError> {
        let _ = sink;
        Ok(())
    }

    /// Abandon a COPY in progress (the server rolls it back).
    fn copy_abort(&mut self) {}
}

/// Cancels the statement running on a connection (Ctrl-C).
pub trait Canceller: Send {
    /// Send the cancel request; errors are ignored by callers (best effort, as psql).
    fn cancel(
        &self,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<()>> + Send + '_>>;
}

/// The signal that stopped a [`cancellable`] run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// Ctrl-C (SIGINT): exit 130.
    Interrupted,
    /// SIGTERM: exit 143.
    Terminated,
}

/// How long a cancel request sent on SIGTERM may take before dbiam exits anyway.
const TERM_CANCEL_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Run `work` (a statement or a script on a driver whose `canceller` this is); on Ctrl-C
/// ask the server to cancel the running statement, as psql does. With `keep_waiting`
/// (the shell) say so and wait for `work`, which then ends with the server's "canceling
/// statement" error; without (`dbiam sql`) return [`Stopped::Interrupted`] at once.
/// Without `keep_waiting`, SIGTERM too cancels the statement (the cancel request bounded
/// by a few seconds) and returns [`Stopped::Terminated`], so a supervisor's stop does not
/// leave the query running on the server. The shell does not take SIGTERM over: once
/// tokio handles it, its default action is gone for the life of the process, and the
/// shell must stay killable at its prompt. The one Ctrl-C and SIGTERM race.
pub async fn cancellable<T>(
    canceller: &dyn Canceller,
    work: impl std::future::Future<Output = T>,
    keep_waiting: bool,
) -> std::result::Result<T, Stopped> {
    use tokio::signal::unix::{signal, SignalKind};
    tokio::pin!(work);
    let mut term = if keep_waiting {
        None
    } else {
        signal(SignalKind::terminate()).ok()
    };
    // Completes only on a SIGTERM (after which the race returns): never polled again.
    let terminated = async {
        if let Some(t) = term.as_mut() {
            if t.recv().await.is_some() {
                return;
            }
        }
        std::future::pending::<()>().await
    };
    tokio::pin!(terminated);
    loop {
        tokio::select! {
            biased;
            r = &mut work => return Ok(r),
            () = &mut terminated => {
                match tokio::time::timeout(TERM_CANCEL_WAIT, canceller.cancel()).await {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => crate::debug!("{e}"),
                    Err(_) => crate::debug!("the cancel request did not complete in time"),
                }
                return Err(Stopped::Terminated);
            }
            _ = tokio::signal::ctrl_c() => {
                let sent = canceller.cancel().await;
                if !keep_waiting {
                    if let Err(e) = sent {
                        crate::debug!("{e}");
                    }
                    return Err(Stopped::Interrupted);
                }
                match sent {
                    Ok(()) => eprintln!("Cancel request sent"),
                    Err(e) => eprintln!("dbiam: could not cancel: {e}"),
                }
            }
        }
    }
}
