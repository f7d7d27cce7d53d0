//! The interactive shell behind `dbiam connect`: reads lines with the [`editor`] and hands
//! each one to THE script engine ([`Session`], the same one as `dbiam sql`: one loop over
//! split pieces, one meta-command layer), so everything a script can do works at the
//! prompt. This module keeps only what a prompt has: line editing, history, the prompt
//! with psql's transaction mark, Ctrl-C, the pager, completion names, `\?`, and
//! reconnecting with a cached or fresh IAM token when the connection drops, without
//! re-running anything ([`Interactive`], the engine's [`Host`]).

pub mod editor;
pub mod flavor;
pub mod history;
pub mod meta;
pub mod mysql;
pub mod postgres;

pub use crate::sql::render;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use crate::aws::Signer;
use crate::db::{cancellable, AnyDriver, ConnParams, Driver};
use crate::error::{Error, Kind, Result};
use crate::sql::host::{Host, Link, Lost};
use crate::sql::output::Output;
use crate::sql::run::{self as script, Flow, Session};

use self::editor::{LineEditor, Names, Read};
use self::flavor::Flavor;
use self::meta::{Catalog, Meta};
use self::render::Collect;
use crate::output::results::PrintSettings;

/// Shell options from the command line.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--no-pager`.
    pub no_pager: bool,
    /// The initial print settings (`--output` and psql's print flags).
    pub settings: PrintSettings,
    /// The history file (`None`: no history is kept).
    pub history: Option<PathBuf>,
}

/// Where the session stands, as followed from the statements typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tx {
    /// No transaction open.
    Idle,
    /// Inside BEGIN … COMMIT.
    Open,
    /// A statement failed inside it (PostgreSQL then refuses all but ROLLBACK).
    Failed,
}

/// What only the prompt does, as the engine's [`Host`]: reconnecting, following the
/// transaction for the prompt, completion names, `\?`, and (until the describe family
/// moves into the engine) the `\d` commands.
pub struct Interactive<'a> {
    link: Link<'a>,
    flavor: Flavor,
    catalog: Box<dyn Catalog>,
    names: Names,
    transaction: Tx,
}

struct Shell<'a> {
    session: Session<AnyDriver, Interactive<'a>>,
    editor: LineEditor,
    history: Option<PathBuf>,
}

/// Open the connection and run the shell until `\q` or Ctrl-D.
pub async fn run(ctx: &dyn Signer, params: ConnParams, opts: Options) -> Result<()> {
    let (link, driver) = Link::open(ctx, params).await?;
    let flavor = Flavor::of(link.params.engine);
    let names: Names = Arc::new(RwLock::new(Vec::new()));
    let entries = opts
        .history
        .as_deref()
        .map(history::load)
        .unwrap_or_default();
    let editor = LineEditor::new(names.clone(), &entries)?;
    let stdout_tty = std::io::IsTerminal::is_terminal(&std::io::stdout());
    // Keep SIGINT from killing the shell between statements (Ctrl-C is read as a key
    // at the prompt and cancels the running statement otherwise).
    #[cfg(unix)]
    let _sigint = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())
        .map_err(|e| Error::failure(format!("cannot handle Ctrl-C: {e}")))?;
    let mut out = Output::new(opts.settings);
    out.pager = if opts.no_pager || !stdout_tty {
        None
    } else {
        render::pager_command()
    };
    let host = Interactive {
        link,
        catalog: flavor.catalog(),
        flavor,
        names,
        transaction: Tx::Idle,
    };
    let session_opts = script::Options {
        // psql at a prompt: an error is reported and the next input runs (unless
        // ON_ERROR_STOP is set, which drops the rest of the input line).
        continue_on_error: true,
        single_transaction: false,
        variables: BTreeMap::new(),
        interactive: true,
    };
    let mut shell = Shell {
        session: Session::new(driver, host, out, session_opts),
        editor,
        history: opts.history,
    };
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        let link = &shell.session.host.link;
        println!(
            "dbiam connect: {} ({}). Type \\? for help, \\q to quit.",
            link.login.params.describe(),
            auth_summary(link)
        );
    }
    let session = &mut shell.session;
    session.host.refresh_names(&mut session.driver).await;
    let result = shell.repl().await;
    let closed = shell
        .session
        .out
        .close()
        .map_err(|e| Error::io("cannot write output", e));
    result.and(closed)
}

/// The first keyword of a statement, upper-cased.
fn first_word(sql: &str) -> String {
    sql.trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_uppercase()
}

fn auth_summary(link: &Link<'_>) -> String {
    let mode = link.params.effective_sslmode();
    if link.params.is_iam() {
        format!("{}, sslmode {}", link.secret_name().1, mode.as_str())
    } else {
        format!("password, sslmode {}", mode.as_str())
    }
}

impl Shell<'_> {
    fn prompt(&self) -> String {
        let host = &self.session.host;
        // psql's %x: `*` inside a transaction, `!` in a failed one.
        let tx = match host.transaction {
            Tx::Idle => "",
            Tx::Open => "*",
            Tx::Failed => "!",
        };
        format!(
            "{}@{}{}{tx}> ",
            host.link.login.params.user,
            host.flavor.prompt_database(&host.link.login.params.dbname),
            self.session.splitter().state_char()
        )
    }

    /// Run a line (or, with `None`, the end of the input) through the engine, with
    /// Ctrl-C sending a server-side cancel. `true` on `\q`.
    async fn feed(&mut self, line: Option<&str>) -> Result<bool> {
        let canceller = self.session.driver.canceller();
        let result = match line {
            Some(line) => cancellable(canceller.as_ref(), self.session.feed(line), true).await,
            None => cancellable(canceller.as_ref(), self.session.finish(), true).await,
        };
        // The shell waits for a cancelled statement: `Err` does not happen.
        let Ok(result) = result else {
            return Ok(false);
        };
        match result {
            Ok(Flow::Quit) => Ok(true),
            Ok(Flow::Continue) => Ok(false),
            // ON_ERROR_STOP at a prompt: the rest of the input is dropped, the shell goes on.
            Err(e) if e.kind() == Kind::Script => {
                if !e.is_reported() {
                    crate::error::print_error(e);
                }
                self.session.interrupt();
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }

    async fn repl(&mut self) -> Result<()> {
        let mut entry = String::new();
        loop {
            let dims = self.editor.dimensions();
            self.session.out.settings.terminal_width = dims.map(|(w, _)| w);
            self.session.out.rows = dims.map(|(_, h)| h);
            let line_read = self.editor.read(self.prompt()).await?;
            let line = match line_read {
                Read::Eof => {
                    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                        println!();
                    } else {
                        // Piped input: a last statement without `;` runs, as with psql -f.
                        self.feed(None).await?;
                    }
                    return Ok(());
                }
                Read::Interrupted | Read::NotUtf8 => {
                    // Ctrl-C at the prompt: drop the pending statement (or COPY), as psql
                    // does. A line that is not UTF-8 text is dropped the same way, with the
                    // statement it belonged to (it cannot be sent without that line).
                    if matches!(line_read, Read::NotUtf8) {
                        crate::error::print_error(format_args!(
                            "a line of input is not UTF-8 text; it was dropped{}",
                            if entry.is_empty() && !self.session.copying() {
                                ""
                            } else {
                                " with the statement it was part of"
                            }
                        ));
                    }
                    if self.session.interrupt() {
                        eprintln!("dbiam: COPY canceled; nothing was copied");
                    }
                    entry.clear();
                    continue;
                }
                Read::Line(l) => l,
            };
            // COPY data lines are not history (only the COPY statement is).
            let copying = self.session.copying();
            if !copying {
                if !entry.is_empty() {
                    entry.push('\n');
                }
                entry.push_str(&line);
            }
            let quit = self.feed(Some(&line)).await?;
            if (!copying && self.session.copying()) || self.session.splitter().is_empty() || quit {
                self.remember(&entry);
                entry.clear();
            }
            if quit {
                return Ok(());
            }
        }
    }

    /// Add an entry to the session's and the file's history (secrets never; see [`history`]).
    fn remember(&self, entry: &str) {
        if entry.trim().is_empty() {
            return;
        }
        if !history::may_store(entry) {
            crate::debug!("not keeping a history entry that may hold a secret");
            return;
        }
        self.editor.add_history(entry);
        if let Some(path) = &self.history {
            if let Err(e) = history::append(path, entry) {
                crate::debug!("cannot write the history file {}: {e}", path.display());
            }
        }
    }
}

impl Host<AnyDriver> for Interactive<'_> {
    async fn connect(
        &mut self,
        driver: &mut AnyDriver,
        dbname: Option<&str>,
    ) -> Result<(String, String)> {
        let switched = self.link.switch(driver, dbname).await?;
        self.transaction = Tx::Idle;
        self.refresh_names(driver).await;
        Ok(switched)
    }

    async fn conninfo(&mut self, driver: &mut AnyDriver) -> String {
        self.link.conninfo(driver).await
    }

    async fn lost(&mut self, driver: &mut AnyDriver, e: Error, why: Lost) -> Result<()> {
        crate::debug!("{e}");
        self.reconnect(driver, why.consequence()).await;
        Ok(())
    }

    async fn before_statement(&mut self, driver: &mut AnyDriver) -> bool {
        if driver.is_closed().await {
            self.reconnect(driver, "the statement was not run; run it again")
                .await;
            return false;
        }
        true
    }

    async fn after_statement(&mut self, driver: &mut AnyDriver, sql: &str, ok: bool) {
        self.track_transaction(sql, ok);
        if ok {
            self.track_database(sql);
            if matches!(
                first_word(sql).as_str(),
                "CREATE" | "ALTER" | "DROP" | "COMMIT" | "END" | "ROLLBACK"
            ) {
                self.refresh_names(driver).await;
            }
        }
    }

    async fn meta(
        &mut self,
        driver: &mut AnyDriver,
        out: &mut Output,
        name: &str,
        args: &[String],
    ) -> Option<Result<()>> {
        // The describe commands are the engine's (`crate::sql::describe`).
        let _ = (driver, out);
        let cmd = match meta::parse(name, args) {
            Ok(Some(c)) => c,
            Ok(None) => return None,
            Err(e) => return Some(Err(e)),
        };
        Some(match cmd {
            Meta::Help => {
                print!("{}", meta::help_text());
                Ok(())
            }
        })
    }
}

impl Interactive<'_> {
    /// Follow BEGIN / COMMIT / ROLLBACK for the prompt and for what a reconnect loses.
    fn track_transaction(&mut self, sql: &str, ok: bool) {
        let word = first_word(sql);
        let to_savepoint = word == "ROLLBACK" && sql.to_ascii_uppercase().contains(" TO ");
        match word.as_str() {
            "BEGIN" | "START" if ok => self.transaction = Tx::Open,
            "COMMIT" | "END" | "ABORT" | "PREPARE" | "ROLLBACK" if !to_savepoint => {
                self.transaction = Tx::Idle;
            }
            _ if to_savepoint && ok && self.transaction == Tx::Failed => {
                self.transaction = Tx::Open;
            }
            _ if !ok && self.transaction == Tx::Open && self.flavor.error_aborts_transaction() => {
                self.transaction = Tx::Failed;
            }
            _ => {}
        }
    }

    /// MySQL's `USE db` switches the database: the prompt and a reconnect follow it.
    fn track_database(&mut self, sql: &str) {
        if first_word(sql) != "USE" {
            return;
        }
        let name = sql.trim_start()[3..]
            .trim()
            .trim_end_matches(';')
            .trim()
            .trim_matches('`');
        if !name.is_empty() {
            self.link.params.dbname = name.to_owned();
            self.link.login.params.dbname = name.to_owned();
        }
    }

    /// The connection dropped: reconnect and say in one line what was lost.
    async fn reconnect(&mut self, driver: &mut AnyDriver, lost: &str) {
        let tx = std::mem::replace(&mut self.transaction, Tx::Idle) != Tx::Idle;
        let params = self.link.params.clone();
        match self.link.reopen(&params).await {
            Ok((new, login)) => {
                *driver = new;
                self.link.login = login;
                let how = if self.link.params.is_iam() {
                    let (article, name) = self.link.secret_name();
                    format!(" with {article} {name}")
                } else {
                    String::new()
                };
                eprintln!(
                    "dbiam: the connection to the server was lost; reconnected as {}{how}; {lost}{}",
                    self.link.login.params.describe(),
                    if tx {
                        "; the open transaction was rolled back"
                    } else {
                        ""
                    }
                );
            }
            Err(e) => crate::error::print_error(format_args!(
                "the connection to the server was lost and reconnecting failed: {e}"
            )),
        }
    }

    /// Read the schema, table and column names for completion again.
    async fn refresh_names(&mut self, driver: &mut AnyDriver) {
        let sql = self.catalog.completion_names();
        let mut sink = Collect::new(false);
        if driver.execute(&sql, &mut sink).await.is_ok() {
            let names: Vec<String> = sink
                .rows()
                .into_iter()
                .filter_map(|r| r.into_iter().next().flatten())
                .collect();
            if let Ok(mut n) = self.names.write() {
                *n = names;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words() {
        assert_eq!(first_word("  create table t()"), "CREATE");
        assert_eq!(first_word("begin;"), "BEGIN");
    }
}
