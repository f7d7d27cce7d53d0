//! The interactive shell behind `dbiam connect`: reads lines with the [`editor`], cuts
//! them into statements and meta commands with the `dbiam sql` splitter, runs them
//! through [`AnyDriver`] with psql's or the mysql client's manners ([`flavor`]), shows results with the
//! `dbiam sql` renderers, cancels on Ctrl-C, and reconnects with a cached or fresh IAM
//! token when the connection drops, without re-running anything.

mod describe;
pub mod editor;
pub mod flavor;
pub mod history;
pub mod meta;
pub mod mysql;
pub mod postgres;
pub mod render;

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use crate::aws::Signer;
use crate::db::token_cache::TokenCache;
use crate::db::{cancellable, AnyDriver, ConnParams, Driver, ExecError, Login};
use crate::error::{Error, Result};
use crate::sql::run::{self as script, CopyIn, Input};
use crate::sql::split::{Piece, Splitter};

use self::editor::{LineEditor, Names, Read};
use self::flavor::Flavor;
use self::meta::{Catalog, Meta};
use self::render::{Collect, Collected};
use crate::output::results::{PrintSettings, Printer};
use crate::output::Format;
use crate::sql::print_meta::{self, Reply};

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

enum Flow {
    Continue,
    Quit,
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

struct Shell<'a> {
    ctx: &'a dyn Signer,
    params: ConnParams,
    cache: TokenCache,
    /// How the current connection logged in (for Redshift, as the credentials' user).
    login: Login,
    driver: AnyDriver,
    flavor: Flavor,
    catalog: Box<dyn Catalog>,
    editor: LineEditor,
    names: Names,
    splitter: Splitter,
    settings: PrintSettings,
    timing: bool,
    output: Option<File>,
    pager: Option<String>,
    history: Option<PathBuf>,
    transaction: Tx,
    /// A `COPY … FROM STDIN` whose data is being typed.
    copy: Option<CopyIn>,
}

/// Open the connection and run the shell until `\q` or Ctrl-D.
pub async fn run(ctx: &dyn Signer, params: ConnParams, opts: Options) -> Result<()> {
    let cache = TokenCache::new();
    let login = cache.login(&params, ctx).await?;
    let driver = AnyDriver::open(&login.params, login.password.clone()).await?;
    let flavor = Flavor::of(params.engine);
    let splitter = Splitter::new(driver.dialect());
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
    let mut shell = Shell {
        ctx,
        cache,
        login,
        driver,
        catalog: flavor.catalog(),
        flavor,
        editor,
        names,
        splitter,
        settings: opts.settings,
        timing: false,
        output: None,
        pager: if opts.no_pager || !stdout_tty {
            None
        } else {
            render::pager_command()
        },
        history: opts.history,
        transaction: Tx::Idle,
        copy: None,
        params,
    };
    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        println!(
            "dbiam connect: {} ({}). Type \\? for help, \\q to quit.",
            shell.login.params.describe(),
            shell.auth_summary()
        );
    }
    shell.refresh_names().await;
    shell.repl().await
}

/// The first keyword of a statement, upper-cased.
fn first_word(sql: &str) -> String {
    sql.trim_start()
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_uppercase()
}

impl Shell<'_> {
    fn prompt(&self) -> String {
        // psql's %x: `*` inside a transaction, `!` in a failed one.
        let tx = match self.transaction {
            Tx::Idle => "",
            Tx::Open => "*",
            Tx::Failed => "!",
        };
        format!(
            "{}@{}{}{tx}> ",
            self.login.params.user,
            self.flavor.prompt_database(&self.login.params.dbname),
            self.splitter.state_char()
        )
    }

    /// What the IAM secret is called for this engine, and its article.
    fn secret_name(&self) -> (&'static str, &'static str) {
        match self.params.engine {
            crate::db::Engine::Redshift => ("a", "Redshift temporary password"),
            crate::db::Engine::Dsql => ("a", "DSQL token"),
            crate::db::Engine::Postgres | crate::db::Engine::MySql | crate::db::Engine::Redis => {
                ("an", "IAM token")
            }
        }
    }

    fn auth_summary(&self) -> String {
        if self.params.is_iam() {
            format!(
                "{}, sslmode {}",
                self.secret_name().1,
                self.params.effective_sslmode().as_str()
            )
        } else {
            format!(
                "password, sslmode {}",
                self.params.effective_sslmode().as_str()
            )
        }
    }

    async fn repl(&mut self) -> Result<()> {
        let mut entry = String::new();
        loop {
            self.settings.terminal_width = self.editor.dimensions().map(|(w, _)| w);
            let line_read = self.editor.read(self.prompt()).await?;
            let line = match line_read {
                Read::Eof => {
                    if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                        println!();
                    } else {
                        // Piped input: a last statement without `;` runs, as with psql -f.
                        for piece in self.splitter.finish_all() {
                            if let Flow::Quit = self.piece(piece).await? {
                                break;
                            }
                        }
                    }
                    return Ok(());
                }
                Read::Interrupted | Read::NotUtf8 => {
                    // Ctrl-C at the prompt: drop the pending statement (or COPY), as psql
                    // does. A line that is not UTF-8 text is dropped the same way, with the
                    // statement it belonged to (it cannot be sent without that line).
                    if matches!(line_read, Read::NotUtf8) {
                        eprintln!(
                            "dbiam: error: a line of input is not UTF-8 text; it was dropped{}",
                            if entry.is_empty() && self.copy.is_none() {
                                ""
                            } else {
                                " with the statement it was part of"
                            }
                        );
                    }
                    if self.copy.take().is_some() {
                        self.driver.copy_abort();
                        eprintln!("dbiam: COPY canceled; nothing was copied");
                    }
                    self.splitter = Splitter::new(self.driver.dialect())
                        .with_variables(self.splitter.variables().clone());
                    entry.clear();
                    continue;
                }
                Read::Line(l) => l,
            };
            // COPY data lines are not history (only the COPY statement is).
            let copying = self.copy.is_some();
            if !copying {
                if !entry.is_empty() {
                    entry.push('\n');
                }
                entry.push_str(&line);
            }
            let mut quit = false;
            for piece in self.splitter.push(&format!("{line}\n")) {
                if let Flow::Quit = self.piece(piece).await? {
                    quit = true;
                    break;
                }
            }
            if (!copying && self.copy.is_some()) || self.splitter.is_empty() || quit {
                self.remember(&entry);
                entry.clear();
            }
            if quit {
                return Ok(());
            }
        }
    }

    async fn piece(&mut self, piece: Piece) -> Result<Flow> {
        match piece {
            Piece::Sql { text, .. } => self.statement(&text).await,
            Piece::Meta { text, .. } => self.meta(&text).await,
            Piece::CopyStart { text, line } => {
                if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                    println!("Enter data to be copied followed by a newline.\nEnd with a backslash and a period on a line by itself, or an EOF signal.");
                }
                let (copy, result) = CopyIn::start(&mut self.driver, text, line).await;
                let text = copy.text.clone();
                self.copy = Some(copy);
                self.copy_result(&text, result, &mut Collect::new(false))
                    .await
            }
            Piece::CopyData { data } => {
                let Some(mut copy) = self.copy.take() else {
                    return Ok(Flow::Continue);
                };
                let result = copy.data(&mut self.driver, data.as_bytes()).await;
                let text = copy.text.clone();
                self.copy = Some(copy);
                self.copy_result(&text, result, &mut Collect::new(false))
                    .await
            }
            Piece::CopyEnd => {
                let Some(copy) = self.copy.take() else {
                    return Ok(Flow::Continue);
                };
                let text = copy.text.clone();
                let mut sink = Collect::new(false);
                let result = copy.end(&mut self.driver, &mut sink).await;
                self.copy_result(&text, result, &mut sink).await
            }
        }
    }

    /// psql's `\copy`: the data from or to a file on this side.
    async fn client_copy(&mut self, args: &str) -> Result<Flow> {
        let copy = match crate::sql::client_copy::parse(args) {
            Ok(c) => c,
            Err(e) => {
                crate::error::print_error(e);
                return Ok(Flow::Continue);
            }
        };
        let sql = copy.sql.clone();
        let mut sink = Collect::new(false);
        match crate::sql::client_copy::run(&mut self.driver, copy, 0, &mut sink).await {
            Ok(result) => self.copy_result(&sql, result, &mut sink).await,
            Err(e) => {
                crate::error::print_error(e);
                Ok(Flow::Continue)
            }
        }
    }

    /// Show what a step of a COPY did, as for a statement.
    async fn copy_result(
        &mut self,
        text: &str,
        result: std::result::Result<(), ExecError>,
        sink: &mut Collect,
    ) -> Result<Flow> {
        self.show(&sink.results)?;
        match result {
            Ok(()) => {}
            Err(ExecError::Server(e)) => eprint!("{}", self.flavor.error_text(text, &e)),
            Err(ExecError::Connection(e)) => {
                crate::debug!("{e}");
                self.copy = None;
                self.reconnect("the COPY did not complete; nothing was copied")
                    .await;
            }
            Err(ExecError::Output(e)) => return Err(Error::io("cannot write output", e)),
        }
        Ok(Flow::Continue)
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

    /// Write output to `\o`'s file, or stdout (through the pager when long).
    fn emit(&mut self, text: &[u8]) -> Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        let write_err = |e| Error::io("cannot write output", e);
        match self.output.as_mut() {
            Some(f) => f.write_all(text).map_err(write_err),
            None => {
                let rows = self
                    .pager
                    .as_ref()
                    .and_then(|_| self.editor.dimensions().map(|(_, h)| h));
                render::page(text, self.pager.as_deref(), rows).map_err(write_err)
            }
        }
    }

    fn show(&mut self, results: &[Collected]) -> Result<()> {
        let mut buf = Vec::new();
        for r in results {
            render::render(&mut buf, r, &self.settings)
                .map_err(|e| Error::io("cannot render output", e))?;
        }
        self.emit(&buf)
    }

    /// Run SQL with Ctrl-C sending a server-side cancel.
    async fn execute(
        &mut self,
        sql: &str,
        sink: &mut Collect,
    ) -> std::result::Result<(), ExecError> {
        let canceller = self.driver.canceller();
        let work = self.driver.execute(sql, sink);
        // The shell waits for the cancelled statement: `None` does not happen.
        match cancellable(canceller.as_ref(), work, true).await {
            Ok(r) => r,
            Err(_) => Err(ExecError::Connection(Error::failure("interrupted"))),
        }
    }

    async fn statement(&mut self, sql: &str) -> Result<Flow> {
        if sql.trim().is_empty() {
            return Ok(Flow::Continue);
        }
        if self.driver.is_closed().await {
            self.reconnect("the statement was not run; run it again")
                .await;
            return Ok(Flow::Continue);
        }
        let started = Instant::now();
        let mut sink = Collect::new(self.settings.format != Format::Csv);
        let result = self.execute(sql, &mut sink).await;
        let elapsed = started.elapsed();
        self.show(&sink.results)?;
        match result {
            Ok(()) => {
                self.track_transaction(sql, true);
                self.track_database(sql);
                if matches!(
                    first_word(sql).as_str(),
                    "CREATE" | "ALTER" | "DROP" | "COMMIT" | "END" | "ROLLBACK"
                ) {
                    self.refresh_names().await;
                }
            }
            Err(ExecError::Server(e)) => {
                self.track_transaction(sql, false);
                eprint!("{}", self.flavor.error_text(sql, &e));
            }
            Err(ExecError::Connection(e)) => {
                crate::debug!("{e}");
                self.reconnect(
                    "the statement may not have completed; check before running it again",
                )
                .await;
                return Ok(Flow::Continue);
            }
            Err(ExecError::Output(e)) => return Err(Error::io("cannot write output", e)),
        }
        if self.timing {
            // On stdout even with \o, as psql does.
            println!("Time: {:.3} ms", elapsed.as_secs_f64() * 1000.0);
        }
        Ok(Flow::Continue)
    }

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
            self.params.dbname = name.to_owned();
            self.login.params.dbname = name.to_owned();
        }
    }

    async fn open(&self, params: &ConnParams) -> Result<(AnyDriver, Login)> {
        let login = self.cache.login(params, self.ctx).await?;
        match AnyDriver::open(&login.params, login.password.clone()).await {
            Ok(d) => Ok((d, login)),
            Err(e) => {
                // A refused token is not handed out again.
                self.cache.clear();
                Err(e)
            }
        }
    }

    /// The connection dropped: reconnect and say in one line what was lost.
    async fn reconnect(&mut self, lost: &str) {
        let tx = std::mem::replace(&mut self.transaction, Tx::Idle) != Tx::Idle;
        let params = self.params.clone();
        match self.open(&params).await {
            Ok((driver, login)) => {
                self.driver = driver;
                self.login = login;
                let how = if self.params.is_iam() {
                    let (article, name) = self.secret_name();
                    format!(" with {article} {name}")
                } else {
                    String::new()
                };
                eprintln!(
                    "dbiam: the connection to the server was lost; reconnected as {}{how}; {lost}{}",
                    self.login.params.describe(),
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

    async fn refresh_names(&mut self) {
        let sql = self.catalog.completion_names();
        let mut sink = Collect::new(false);
        if self.driver.execute(&sql, &mut sink).await.is_ok() {
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

    async fn switch_database(&mut self, dbname: &str) {
        let mut params = self.params.clone();
        params.dbname = dbname.to_owned();
        match self.open(&params).await {
            Ok((driver, login)) => {
                self.driver = driver;
                self.login = login;
                self.params = params;
                self.transaction = Tx::Idle;
                println!(
                    "You are now connected to database \"{}\" as user \"{}\".",
                    self.login.params.dbname, self.login.params.user
                );
                self.refresh_names().await;
            }
            Err(e) => {
                crate::error::print_error(e);
                eprintln!("Previous connection kept");
            }
        }
    }

    async fn include(&mut self, file: &str) -> Result<()> {
        let mut sources = match script::open(&[Input::File(file.into())]) {
            Ok(s) => s,
            Err(e) => {
                crate::error::print_error(e);
                return Ok(());
            }
        };
        let opts = script::Options {
            continue_on_error: true,
            single_transaction: false,
            variables: self.splitter.variables().clone(),
        };
        let out: Box<dyn Write> = match self.output.as_ref().map(File::try_clone) {
            Some(Ok(f)) => Box::new(f),
            _ => Box::new(std::io::stdout()),
        };
        let mut sink = Printer::new(out, self.settings.clone());
        let canceller = self.driver.canceller();
        let work = script::run(&mut self.driver, &mut sources, &opts, &mut sink);
        if let Ok(Err(e)) = cancellable(canceller.as_ref(), work, true).await {
            crate::error::print_error(e);
        }
        // What the file set with \pset stays set, as in psql.
        self.settings = sink.settings().clone();
        self.refresh_names().await;
        Ok(())
    }

    async fn meta(&mut self, text: &str) -> Result<Flow> {
        if let ("copy", args) = script::meta_split(text) {
            return self.client_copy(args).await;
        }
        let (name, args) = self.splitter.meta_args(text);
        if print_meta::handles(&name) {
            match print_meta::apply(&name, &args, &mut self.settings) {
                Ok(Reply::Listing(text)) => print!("{text}"),
                Ok(Reply::Confirm(line)) => println!("{line}"),
                Ok(Reply::Silent) => {}
                Err(e) => eprintln!("dbiam: error: {e}"),
            }
            return Ok(Flow::Continue);
        }
        let cmd = match meta::parse(&name, &args) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("dbiam: {e}");
                return Ok(Flow::Continue);
            }
        };
        match cmd {
            Meta::Quit => return Ok(Flow::Quit),
            Meta::Help => print!("{}", meta::help_text()),
            Meta::ListDatabases => self.list(&self.catalog.list_databases()).await?,
            Meta::ListTables(p) => {
                let sql = self.catalog.list_tables(p.as_deref());
                self.relations(&sql, p.as_deref()).await?;
            }
            Meta::Describe(None) => {
                let sql = self.catalog.list_relations();
                self.relations(&sql, None).await?;
            }
            Meta::Describe(Some(p)) => self.describe(&p).await?,
            Meta::ListSchemas => self.list(&self.catalog.list_schemas()).await?,
            Meta::ListRoles => self.list(&self.catalog.list_roles()).await?,
            Meta::Timing(v) => {
                self.timing = v.unwrap_or(!self.timing);
                println!("Timing is {}.", if self.timing { "on" } else { "off" });
            }
            Meta::ConnInfo => self.conninfo().await?,
            Meta::Connect(db) => self.switch_database(&db).await,
            Meta::Include(f) => self.include(&f).await?,
            Meta::Output(None) => self.output = None,
            Meta::Output(Some(f)) => match File::create(&f) {
                Ok(file) => self.output = Some(file),
                Err(e) => crate::error::print_error(format_args!("cannot open {f}: {e}")),
            },
            Meta::Variable => {}
            Meta::Echo(t) => println!("{t}"),
        }
        Ok(Flow::Continue)
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
