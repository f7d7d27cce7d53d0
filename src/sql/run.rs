//! THE script engine ([`Session`]) behind `dbiam sql` and `dbiam connect`: reads
//! `-c`/`-f`/stdin sources in order (or the shell's lines one at a time), splits them into
//! statements as psql does, runs each through a [`Driver`] in one loop over the split
//! pieces, runs every meta command in one layer, and applies psql's script semantics
//! (ON_ERROR_STOP, `-1`, `file:line` errors, `\if`, variables, `\g` family, `\o`).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::client_copy;
use super::cond::{parse_bool, Conditionals};
use super::host::{Host, Lost};
use super::output::{io_reason, Output, Target};
use super::print_meta::{self, Reply};
use super::report;
use super::split::{Dialect, Piece, Splitter};
use crate::db::{Driver, ExecError, Outcome, ServerError};
use crate::error::{one_line, Error, Kind, Result};
use crate::output::results::{Discard, ResultSink};

/// One input, in command-line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// `-c SQL`.
    Command(String),
    /// `-f FILE`.
    File(PathBuf),
    /// `-f -`, or stdin when nothing else is given.
    Stdin,
}

/// An opened input.
pub struct Source {
    /// How errors name it: the file path, `<stdin>` or `-c`.
    pub name: String,
    reader: Box<dyn BufRead>,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Source({})", self.name)
    }
}

/// Open every input before connecting, so a missing file fails early (exit 1, as psql).
pub fn open(inputs: &[Input]) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    let inputs: Vec<Input> = if inputs.is_empty() {
        if std::io::stdin().is_terminal() {
            return Err(Error::usage("no SQL given")
                .with_hint("pass -c SQL, -f FILE, or pipe a script into stdin (dbiam connect is the interactive shell)"));
        }
        vec![Input::Stdin]
    } else {
        inputs.to_vec()
    };
    for input in inputs {
        out.push(match input {
            Input::Command(sql) => Source {
                name: "-c".into(),
                reader: Box::new(std::io::Cursor::new(sql.into_bytes())),
            },
            Input::Stdin => Source {
                name: "<stdin>".into(),
                reader: Box::new(BufReader::new(std::io::stdin())),
            },
            Input::File(path) => {
                let f = std::fs::File::open(&path)
                    .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
                Source {
                    name: path.display().to_string(),
                    reader: Box::new(BufReader::with_capacity(64 * 1024, f)),
                }
            }
        });
    }
    Ok(out)
}

/// Script semantics.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Go on after a failing statement (psql's default without ON_ERROR_STOP).
    pub continue_on_error: bool,
    /// Wrap everything in BEGIN … COMMIT; ROLLBACK on error.
    pub single_transaction: bool,
    /// `-v NAME=VALUE`.
    pub variables: BTreeMap<String, String>,
    /// Lines come from the shell's prompt ([`Session::feed`]): no `FILE:LINE:` prefix,
    /// COPY data typed line by line, the mysql client's error lines for MySQL.
    pub interactive: bool,
}

/// Line and column of 1-based character `position` in a statement starting at `line`.
pub fn locate(text: &str, line: usize, position: u32) -> (usize, usize) {
    let mut l = line;
    let mut col = 1;
    for c in text.chars().take(position.saturating_sub(1) as usize) {
        if c == '\n' {
            l += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (l, col)
}

/// A failing statement as one line: `file:line: ERROR 42P01: message (at line L, column C); DETAIL: …`,
/// with the server's HINT as the hint.
pub fn script_error(source: &str, line: usize, text: &str, e: &ServerError) -> Error {
    let mut msg = format!(
        "{source}:{line}: {} {}: {}",
        e.severity,
        e.code,
        one_line(&e.message)
    );
    if let Some(p) = e.position {
        let (l, c) = locate(text, line, p);
        msg.push_str(&format!(" (at line {l}, column {c})"));
    }
    if let Some(d) = &e.detail {
        msg.push_str(&format!("; DETAIL: {}", one_line(d)));
    }
    if let Some(c) = e.context.as_deref().and_then(|c| c.lines().next()) {
        msg.push_str(&format!("; CONTEXT: {c}"));
    }
    let err = Error::new(Kind::Script, msg);
    match &e.hint {
        Some(h) => err.with_hint(format!("HINT: {}", one_line(h))),
        None => err,
    }
}

fn output_error(e: std::io::Error) -> Error {
    Error::io("cannot write output", e)
}

/// Whether to go on reading input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on.
    Continue,
    /// `\q`.
    Quit,
}

/// A meta command's name and the raw rest of its line (`("copy", " t from 'f'")` for
/// `\copy t from 'f'`), for commands that take their line unsplit.
pub fn meta_split(text: &str) -> (&str, &str) {
    let text = text.strip_prefix('\\').unwrap_or(text);
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    text.split_at(end)
}

/// How much COPY data is gathered before it is sent.
const COPY_CHUNK: usize = 64 * 1024;

/// A `COPY … FROM STDIN` in progress (shared by `dbiam sql` and `dbiam connect`): its
/// statement, and the data gathered but not sent yet.
#[derive(Debug)]
pub struct CopyIn {
    /// The COPY statement.
    pub text: String,
    /// Its line.
    pub line: usize,
    buf: Vec<u8>,
    /// False once the statement or sending failed: the rest of its data is skipped.
    ok: bool,
}

impl CopyIn {
    /// Send the statement; on failure the copy is kept (not ok) so that its data, which
    /// follows in the input, is skipped.
    pub async fn start<D: Driver>(
        driver: &mut D,
        text: String,
        line: usize,
    ) -> (Self, std::result::Result<(), ExecError>) {
        let result = driver.copy_start(&text).await;
        let copy = CopyIn {
            text,
            line,
            buf: Vec::new(),
            ok: result.is_ok(),
        };
        (copy, result)
    }

    /// Take data, sending it in chunks.
    pub async fn data<D: Driver>(
        &mut self,
        driver: &mut D,
        data: &[u8],
    ) -> std::result::Result<(), ExecError> {
        if !self.ok {
            return Ok(());
        }
        self.buf.extend_from_slice(data);
        if self.buf.len() < COPY_CHUNK {
            return Ok(());
        }
        let chunk = std::mem::take(&mut self.buf);
        let result = driver.copy_data(chunk).await;
        if result.is_err() {
            self.ok = false;
            driver.copy_abort();
        }
        result
    }

    /// The data ended: send the rest and complete `sink` with the server's `COPY n`.
    pub async fn end<D: Driver>(
        mut self,
        driver: &mut D,
        sink: &mut dyn ResultSink,
    ) -> std::result::Result<(), ExecError> {
        if !self.ok {
            return Ok(());
        }
        if !self.buf.is_empty() {
            if let Err(e) = driver.copy_data(std::mem::take(&mut self.buf)).await {
                driver.copy_abort();
                return Err(e);
            }
        }
        driver.copy_end(sink).await
    }
}

/// THE script engine, shared by `dbiam sql` and `dbiam connect`: one loop over split
/// pieces (statements, meta commands, COPY data) and one meta-command layer, with psql's
/// script semantics (`\if`, variables, `\g` family, ON_ERROR_STOP, `\o`, …). `dbiam sql`
/// runs whole [`Source`]s through it ([`Session::run`]); the shell feeds it each line it
/// reads ([`Session::feed`]). What only a prompt does goes through the [`Host`].
pub struct Session<D: Driver, H: Host<D>> {
    /// The connection (the host may replace it: `\c`, a reconnect).
    pub driver: D,
    /// The program around the engine.
    pub host: H,
    /// Where results go, and how they look.
    pub out: Output,
    opts: Options,
    splitter: Splitter,
    failures: usize,
    /// A `COPY … FROM STDIN` of the splitter's own (the shell's line-by-line mode).
    copy: Option<CopyIn>,
    /// psql's `\restrict KEY` (pg_dump writes it): only `\unrestrict KEY` may follow.
    restricted: Option<String>,
    /// Lines read from the current source so far (psql's `lineno`: errors name the line
    /// a statement ended on).
    lineno: usize,
    /// The server refused a `COPY … FROM STDIN`: psql skips the input lines up to `\.`.
    skip_copy_data: bool,
    /// psql's `\if` stack.
    cond: Conditionals,
    /// The last statement sent (a bare `\g` sends it again).
    last_sql: Option<String>,
    /// The name of the source being read (for messages about it).
    location_source: String,
    /// `\timing`.
    timing: bool,
}

/// What a `\g`-family command asks of the statement it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Go {
    /// Print the result (`;`, `\g [FILE|\|cmd]`, `\gx [FILE|\|cmd]`): to `to` instead of
    /// the query output when given, expanded for `\gx`.
    Print { to: Option<String>, expanded: bool },
    /// `\gset [PREFIX]`: store the one row's values in variables.
    Set(String),
    /// `\gexec`: run each value of the result as a statement.
    Exec,
}

impl Go {
    const PRINT: Go = Go::Print {
        to: None,
        expanded: false,
    };
}

/// A sink that notes the command tag and, for `\gset`/`\gexec`, keeps the rows instead
/// of printing them.
struct Tap<'a> {
    inner: &'a mut dyn ResultSink,
    tag: Option<String>,
    capture: Option<Captured>,
}

/// A result kept by [`Tap`]: column names and rows.
type Captured = (Vec<String>, Vec<Vec<Option<String>>>);

impl ResultSink for Tap<'_> {
    fn wants_types(&self) -> bool {
        self.capture.is_none() && self.inner.wants_types()
    }
    fn columns(&mut self, columns: &[crate::output::results::Column]) -> std::io::Result<()> {
        match &mut self.capture {
            Some((names, rows)) => {
                *names = columns.iter().map(|c| c.name.clone()).collect();
                rows.clear();
                Ok(())
            }
            None => self.inner.columns(columns),
        }
    }
    fn row(&mut self, row: &dyn crate::output::results::TextRow) -> std::io::Result<()> {
        match &mut self.capture {
            Some((_, rows)) => {
                rows.push(
                    (0..row.len())
                        .map(|i| row.get(i).map(str::to_owned))
                        .collect(),
                );
                Ok(())
            }
            None => self.inner.row(row),
        }
    }
    fn complete(&mut self, tag: &str) -> std::io::Result<()> {
        self.tag = Some(tag.to_owned());
        match self.capture {
            Some(_) => Ok(()),
            None => self.inner.complete(tag),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
    fn copy_out(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.inner.copy_out(data)
    }
    fn title(&mut self, title: &str) -> std::io::Result<()> {
        self.inner.title(title)
    }
    fn footers(&mut self, lines: &[String]) -> std::io::Result<()> {
        self.inner.footers(lines)
    }
    fn print_settings(&mut self) -> Option<&mut crate::output::results::PrintSettings> {
        self.inner.print_settings()
    }
}

/// psql meta commands dbiam does not run yet (others are unknown to psql too).
const PSQL_ONLY: &str = "H T \
    encoding password prompt sf sv lo_import lo_export ! cd s w p e ef ev \
    errverbose crosstabview watch gdesc bind";

/// Whether a meta command is one of `\if`, `\elif`, `\else`, `\endif`.
fn is_conditional(text: &str) -> bool {
    matches!(meta_split(text).0, "if" | "elif" | "else" | "endif")
}

/// psql's `ROW_COUNT` from a command tag: its last number (`INSERT 0 5` → 5), else 0.
fn row_count(tag: &str) -> String {
    tag.rsplit(' ')
        .next()
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or("0")
        .to_owned()
}

/// A line that ends COPY data (`\.`, with its line end).
fn is_copy_end(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r']) == "\\."
}

/// Whether a statement reads COPY data from the client, by its text (`FROM STDIN`, or
/// `FROM STDOUT`, which the server reads the same way).
fn copies_from_client(sql: &str) -> bool {
    super::split::is_copy_from_stdin(sql) || super::split::is_copy_with(sql, "from", "stdout")
}

/// The server waits for COPY data: send the input lines up to `\.` (or the end).
async fn send_copy_data<D: Driver>(
    driver: &mut D,
    src: &mut Source,
    lineno: &mut usize,
    splitter: &mut Splitter,
) -> std::result::Result<(), ExecError> {
    let mut buf: Vec<u8> = Vec::with_capacity(COPY_CHUNK);
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = match src.reader.read_until(b'\n', &mut line) {
            Ok(n) => n,
            Err(e) => {
                driver.copy_abort();
                return Err(ExecError::Connection(Error::io(
                    format!("cannot read {}", src.name),
                    e,
                )));
            }
        };
        if n == 0 {
            break;
        }
        *lineno += 1;
        splitter.skip_lines(1);
        if line == b"\\.\n" || line == b"\\.\r\n" || line == b"\\." {
            break;
        }
        buf.extend_from_slice(&line);
        if buf.len() >= COPY_CHUNK {
            let chunk = std::mem::replace(&mut buf, Vec::with_capacity(COPY_CHUNK));
            if let Err(e) = driver.copy_data(chunk).await {
                driver.copy_abort();
                return Err(e);
            }
        }
    }
    if !buf.is_empty() {
        if let Err(e) = driver.copy_data(buf).await {
            driver.copy_abort();
            return Err(e);
        }
    }
    Ok(())
}

/// The source the shell's lines come from: no name (no `FILE:LINE:` prefix, as at psql's
/// prompt) and nothing more to read (COPY data arrives as lines, through the splitter).
fn prompt_source() -> Source {
    Source {
        name: String::new(),
        reader: Box::new(std::io::empty()),
    }
}

/// `\timing [on|off]`: the new value (no value toggles).
fn on_off(value: Option<&str>, current: bool) -> std::result::Result<bool, String> {
    match value {
        None => Ok(!current),
        Some(v) => parse_bool(v).ok_or_else(|| {
            format!("unrecognized value \"{v}\" for \"\\timing\": Boolean expected")
        }),
    }
}

impl<D: Driver, H: Host<D>> Session<D, H> {
    /// A session on `driver`, results to `out`.
    pub fn new(driver: D, host: H, out: Output, opts: Options) -> Self {
        let mut splitter = Splitter::new(driver.dialect()).with_variables(opts.variables.clone());
        if !opts.interactive {
            splitter = splitter.for_script();
        }
        if out.settings.quiet && !splitter.variables().contains_key("QUIET") {
            // `-q` is psql's QUIET variable.
            splitter.set_variable("QUIET", "on");
        }
        Session {
            driver,
            host,
            out,
            opts,
            splitter,
            failures: 0,
            copy: None,
            restricted: None,
            lineno: 0,
            skip_copy_data: false,
            cond: Conditionals::default(),
            last_sql: None,
            location_source: String::new(),
            timing: false,
        }
    }

    /// The splitter (the shell's prompt shows its state; variables live in it).
    pub fn splitter(&self) -> &Splitter {
        &self.splitter
    }

    /// Whether COPY data is being typed.
    pub fn copying(&self) -> bool {
        self.copy.is_some()
    }

    /// Statements and meta commands that failed so far without stopping the run.
    pub fn failures(&self) -> usize {
        self.failures
    }

    /// Ctrl-C at the prompt: drop the pending statement and any COPY being typed, as
    /// psql does. Returns whether a COPY was abandoned.
    pub fn interrupt(&mut self) -> bool {
        let copying = self.copy.take().is_some();
        if copying {
            self.driver.copy_abort();
        }
        self.splitter =
            Splitter::new(self.driver.dialect()).with_variables(self.splitter.variables().clone());
        copying
    }

    /// One line typed at the prompt (without its newline): run what it completes.
    pub async fn feed(&mut self, line: &str) -> Result<Flow> {
        let mut src = prompt_source();
        self.location_source.clear();
        self.drain(&mut src, &format!("{line}\n")).await
    }

    /// The end of the shell's input: run a last statement that has no `;` (piped input,
    /// as psql -f does).
    pub async fn finish(&mut self) -> Result<Flow> {
        let mut src = prompt_source();
        self.splitter
            .set_standard_conforming_strings(self.driver.standard_conforming_strings());
        let pieces = self.splitter.finish_all();
        self.pieces(&mut src, pieces).await
    }

    /// Run every source, in order (`dbiam sql`), inside BEGIN … COMMIT with `-1`.
    /// Returns the number of steps that failed (only non-zero when going on after errors).
    pub async fn run(&mut self, sources: &mut [Source]) -> Result<usize> {
        if self.opts.single_transaction {
            control(&mut self.driver, "BEGIN").await?;
        }
        let result = self.all(sources).await;
        let closed = self.out.close().map_err(output_error);
        match result.and(closed) {
            Ok(()) => {
                if self.opts.single_transaction {
                    control(&mut self.driver, "COMMIT").await?;
                }
                Ok(self.failures)
            }
            Err(e) => {
                if self.opts.single_transaction && e.kind() != Kind::Connection {
                    let _ = self.driver.execute("ROLLBACK", &mut Discard).await;
                }
                Err(e)
            }
        }
    }

    /// psql's `FILE:LINE:` prefix for messages about the current line (none for `-c`
    /// and at the prompt).
    fn location(&self, source: &str) -> Option<String> {
        (!matches!(source, "-c" | "")).then(|| format!("dbiam:{source}:{}:", self.lineno))
    }

    /// A psql variable's value.
    fn var(&self, name: &str) -> Option<&str> {
        self.splitter.variables().get(name).map(String::as_str)
    }

    fn set_var(&mut self, name: &str, value: &str) {
        self.splitter.set_variable(name, value);
    }

    /// `QUIET` (`-q`): no command tags and no "… is on." confirmations.
    fn quiet(&self) -> bool {
        self.var("QUIET").and_then(parse_bool).unwrap_or(false)
    }

    /// `ON_ERROR_STOP`: the variable when set, else the command line's choice.
    fn on_error_stop(&self) -> bool {
        match self.var("ON_ERROR_STOP") {
            Some(v) => parse_bool(v).unwrap_or(false),
            None => !self.opts.continue_on_error,
        }
    }

    /// How errors are reported (`VERBOSITY`, `SHOW_CONTEXT`).
    fn style(&self) -> report::Style {
        let verbosity = match self.var("VERBOSITY") {
            Some("terse") => report::Verbosity::Terse,
            Some("verbose") => report::Verbosity::Verbose,
            Some("sqlstate") => report::Verbosity::Sqlstate,
            _ => report::Verbosity::Default,
        };
        report::Style {
            verbosity,
            context: self.var("SHOW_CONTEXT") != Some("never"),
        }
    }

    /// The `\g`-family command in a meta command's text, if it is one dbiam runs.
    fn go_of(&self, text: &str) -> Option<Go> {
        let (name, rest) = meta_split(text);
        let to = || {
            let rest = rest.trim();
            if rest.starts_with('|') {
                // psql takes a pipe's command as the rest of the line, verbatim.
                Some(rest.to_owned())
            } else {
                self.splitter.meta_args(text).1.into_iter().next()
            }
        };
        match name {
            "g" => Some(Go::Print {
                to: to(),
                expanded: false,
            }),
            "gx" => Some(Go::Print {
                to: to(),
                expanded: true,
            }),
            "gset" => Some(Go::Set(rest.trim().to_owned())),
            "gexec" => Some(Go::Exec),
            _ => None,
        }
    }

    async fn statement(
        &mut self,
        src: &mut Source,
        line: usize,
        text: &str,
        go: Go,
    ) -> Result<Flow> {
        if text.trim().is_empty() {
            return Ok(Flow::Continue);
        }
        if !self.host.before_statement(&mut self.driver).await {
            return Ok(Flow::Continue);
        }
        crate::debug!(
            "{}:{line}: running a statement of {} bytes",
            src.name,
            text.len()
        );
        self.last_sql = Some(text.to_owned());
        if self.var("ECHO") == Some("queries") {
            println!("{text}");
        }
        let (to, expanded) = match &go {
            Go::Print { to, expanded } => (to.clone(), *expanded),
            _ => (None, false),
        };
        let mut once = match to.as_deref().map(Target::open) {
            None => None,
            Some(Ok(t)) => Some(t),
            Some(Err(message)) => {
                let source = src.name.clone();
                return self.meta_error(&source, &message);
            }
        };
        let started = Instant::now();
        let mut copied_in = false;
        let mut sink = self.out.sink(once.as_mut(), expanded);
        let mut tap = Tap {
            inner: &mut *sink,
            tag: None,
            capture: (!matches!(go, Go::Print { .. })).then(Captured::default),
        };
        let mut result = match self.driver.run(text, &mut tap).await {
            Ok(Outcome::Done) => Ok(()),
            Ok(Outcome::CopyIn) => {
                copied_in = true;
                match send_copy_data(&mut self.driver, src, &mut self.lineno, &mut self.splitter)
                    .await
                {
                    Ok(()) => self.driver.copy_end(&mut tap).await,
                    Err(e) => Err(e),
                }
            }
            Err(e) => Err(e),
        };
        let (tag, rows) = (tap.tag.take(), tap.capture.take());
        if let Err(e) = tap.flush() {
            result = result.and(Err(ExecError::Output(e)));
        }
        drop(tap);
        drop(sink);
        if let Some(t) = once {
            if let Err(e) = t.close() {
                result = result.and(Err(ExecError::Output(e)));
            }
        }
        let elapsed = started.elapsed();
        match &result {
            Ok(()) => {
                self.set_var("ERROR", "false");
                self.set_var("SQLSTATE", "00000");
                self.set_var("ROW_COUNT", &row_count(tag.as_deref().unwrap_or("")));
            }
            Err(ExecError::Server(e)) => {
                let (code, message) = (e.code.clone(), e.message.clone());
                self.set_var("ERROR", "true");
                self.set_var("SQLSTATE", &code);
                self.set_var("ROW_COUNT", "0");
                self.set_var("LAST_ERROR_MESSAGE", &message);
                self.set_var("LAST_ERROR_SQLSTATE", &code);
                // psql skips the data of a COPY the server refused outright.
                if !copied_in && copies_from_client(text) && !self.opts.interactive {
                    self.skip_copy_data = true;
                }
            }
            Err(_) => {}
        }
        let failed = result.is_err();
        let lost = matches!(result, Err(ExecError::Connection(_)));
        if !lost {
            self.host
                .after_statement(&mut self.driver, text, !failed)
                .await;
        }
        let flow = self
            .done(&src.name.clone(), line, text, result, Lost::Statement)
            .await?;
        if self.timing && !lost {
            // On stdout even with \o, as psql does.
            println!("Time: {:.3} ms", elapsed.as_secs_f64() * 1000.0);
        }
        if failed {
            return Ok(flow);
        }
        match (go, rows) {
            (Go::Set(prefix), Some((names, rows))) => self.gset(&src.name, &prefix, &names, rows),
            (Go::Exec, Some((_, rows))) => {
                for value in rows.into_iter().flatten().flatten() {
                    let flow = Box::pin(self.statement(src, line, &value, Go::PRINT)).await?;
                    if let Flow::Quit = flow {
                        return Ok(Flow::Quit);
                    }
                }
                Ok(Flow::Continue)
            }
            _ => Ok(flow),
        }
    }

    /// `\gset`: the one row's values into variables (NULL unsets).
    fn gset(
        &mut self,
        source: &str,
        prefix: &str,
        names: &[String],
        rows: Vec<Vec<Option<String>>>,
    ) -> Result<Flow> {
        match rows.len() {
            0 => self.meta_error(source, "no rows returned for \\gset"),
            1 => {
                for (name, value) in names.iter().zip(&rows[0]) {
                    let var = format!("{prefix}{name}");
                    match value {
                        Some(v) => self.set_var(&var, v),
                        None => self.splitter.unset_variable(&var),
                    }
                }
                Ok(Flow::Continue)
            }
            _ => self.meta_error(source, "more than one row returned for \\gset"),
        }
    }

    /// A meta command failed: psql's `FILE:LINE: error: …` line, then go on or stop.
    fn meta_error(&mut self, source: &str, message: &str) -> Result<Flow> {
        match self.location(source) {
            // An empty message: the command failed without a word (psql's QUIET describe).
            _ if message.is_empty() => {}
            Some(loc) => eprintln!("{loc} error: {message}"),
            None => crate::error::print_error(message),
        }
        if self.on_error_stop() {
            return Err(Error::new(Kind::Script, message.to_owned()).reported());
        }
        self.failures += 1;
        Ok(Flow::Continue)
    }

    /// What a statement's result means for the script: go on, or stop with an error.
    async fn done(
        &mut self,
        source: &str,
        line: usize,
        text: &str,
        result: std::result::Result<(), ExecError>,
        why: Lost,
    ) -> Result<Flow> {
        let mysql = self.splitter.dialect() == Dialect::MySql;
        match result {
            Ok(()) => Ok(Flow::Continue),
            // The mysql client's report differs from psql's: keep dbiam's one line.
            Err(ExecError::Server(e)) if mysql && !self.opts.interactive => {
                self.failed(script_error(source, line, text, &e))
            }
            Err(ExecError::Server(e)) => {
                let report = if mysql {
                    // At the prompt, as the mysql client.
                    report::mysql(&e)
                } else {
                    // As psql: the server's error, whole.
                    let location = self.location(source);
                    let mut report = report::render(location.as_deref(), text, &e, self.style());
                    if self.var("ECHO") == Some("errors") {
                        if let Some(loc) = &location {
                            report.push_str(loc);
                            report.push(' ');
                        }
                        report.push_str(&format!("STATEMENT:  {text}\n"));
                    }
                    report
                };
                eprint!("{report}");
                if !self.on_error_stop() {
                    self.failures += 1;
                    return Ok(Flow::Continue);
                }
                Err(script_error(source, line, text, &e).reported())
            }
            Err(ExecError::Connection(e)) => {
                self.copy = None;
                self.host
                    .lost(&mut self.driver, e, why)
                    .await
                    .map(|()| Flow::Continue)
            }
            Err(ExecError::Output(e)) => Err(output_error(e)),
        }
    }

    async fn meta(&mut self, src: &mut Source, line: usize, text: &str) -> Result<Flow> {
        let source = src.name.clone();
        let source = source.as_str();
        let (cmd, args) = self.splitter.meta_args(text);
        if let Some(key) = &self.restricted {
            // As psql: only `\unrestrict` with the same key lifts the restriction.
            if cmd == "unrestrict" && args.first() == Some(key) {
                self.restricted = None;
                return Ok(Flow::Continue);
            }
            return Err(Error::new(
                Kind::Script,
                format!("{source}:{line}: backslash commands are restricted; only \\unrestrict is allowed"),
            )
            .with_hint("the script (a pg_dump output?) ends the restriction with \\unrestrict and its key"));
        }
        let expression = |args: &[String]| {
            let value = args.join(" ");
            (parse_bool(&value), value)
        };
        match cmd.as_str() {
            "if" => {
                let value = if self.cond.active() {
                    let (b, text) = expression(&args);
                    if b.is_none() {
                        self.bool_error(source, &text, "\\if expression");
                    }
                    Some(b.unwrap_or(false))
                } else {
                    None
                };
                self.cond.push_if(value);
            }
            "elif" => {
                let value = if self.cond.elif_needs_value() {
                    let (b, text) = expression(&args);
                    if b.is_none() {
                        self.bool_error(source, &text, "\\elif expression");
                    }
                    Some(b.unwrap_or(false))
                } else {
                    None
                };
                if let Err(e) = self.cond.elif(value) {
                    return self.meta_error(source, e);
                }
            }
            "else" => {
                if let Err(e) = self.cond.else_() {
                    return self.meta_error(source, e);
                }
            }
            "endif" => {
                if let Err(e) = self.cond.endif() {
                    return self.meta_error(source, e);
                }
            }
            "q" | "quit" => return Ok(Flow::Quit),
            "echo" | "qecho" | "warn" => {
                let (newline, words) = match args.split_first() {
                    Some((n, rest)) if n == "-n" => (false, rest),
                    _ => (true, &args[..]),
                };
                let mut text = words.join(" ");
                if newline {
                    text.push('\n');
                }
                match cmd.as_str() {
                    "warn" => eprint!("{text}"),
                    // `\qecho` writes where query results go (`\o`).
                    "qecho" => self.out.write(text.as_bytes()).map_err(output_error)?,
                    _ => {
                        print!("{text}");
                        std::io::Write::flush(&mut std::io::stdout()).map_err(output_error)?;
                    }
                }
            }
            "set" => match args.split_first() {
                Some((name, value)) => self.set_var(name, &value.concat()),
                None => {
                    for (k, v) in self.splitter.variables() {
                        println!("{k} = '{v}'");
                    }
                }
            },
            "unset" => match args.first() {
                Some(name) => self.splitter.unset_variable(name),
                None => return self.meta_error(source, "\\unset: missing required argument"),
            },
            "getenv" => match (args.first(), args.get(1)) {
                (Some(var), Some(env)) => {
                    if let Ok(v) = std::env::var(env) {
                        self.set_var(var, &v);
                    }
                }
                _ => return self.meta_error(source, "\\getenv: missing required argument"),
            },
            "setenv" => match (args.first(), args.get(1)) {
                (Some(env), _) if env.is_empty() || env.contains('=') => {
                    return self.meta_error(
                        source,
                        "\\setenv: environment variable name must not contain \"=\"",
                    )
                }
                (Some(env), Some(value)) => std::env::set_var(env, value),
                (Some(env), None) => std::env::remove_var(env),
                _ => return self.meta_error(source, "\\setenv: missing required argument"),
            },
            "i" | "include" | "ir" | "include_relative" => {
                let Some(name) = args.first() else {
                    return self.meta_error(source, &format!("\\{cmd}: missing required argument"));
                };
                let mut path = PathBuf::from(name);
                if cmd.starts_with("ir") || cmd == "include_relative" {
                    if let Some(dir) = Path::new(source)
                        .parent()
                        .filter(|_| !matches!(source, "-c" | "<stdin>" | ""))
                    {
                        path = dir.join(name);
                    }
                }
                return self.include(path).await;
            }
            // `\o [FILE|\|command]`: where query results go from now on.
            "o" | "out" => {
                let rest = meta_split(text).1.trim();
                let target = if rest.starts_with('|') {
                    Some(rest.to_owned())
                } else {
                    args.first().cloned()
                };
                let opened = match target.as_deref().map(Target::open) {
                    None => None,
                    Some(Ok(t)) => Some(t),
                    Some(Err(message)) => return self.meta_error(source, &message),
                };
                self.out.redirect(opened).map_err(output_error)?;
            }
            "timing" => match on_off(args.first().map(String::as_str), self.timing) {
                Ok(on) => {
                    self.timing = on;
                    if !self.quiet() {
                        println!("Timing is {}.", if on { "on" } else { "off" });
                    }
                }
                Err(message) => return self.meta_error(source, &message),
            },
            "c" | "connect" => {
                let dbname = args.first().map(String::as_str);
                match self.host.connect(&mut self.driver, dbname).await {
                    Ok((db, user)) => {
                        if !self.quiet() {
                            println!(
                                "You are now connected to database \"{db}\" as user \"{user}\"."
                            );
                        }
                    }
                    Err(e) if self.opts.interactive => {
                        crate::error::print_error(e);
                        eprintln!("Previous connection kept");
                    }
                    Err(e) => {
                        let message = format!("{}; the previous connection is kept", e.message());
                        return self.meta_error(source, &message);
                    }
                }
            }
            "conninfo" => {
                let text = self.host.conninfo(&mut self.driver).await;
                print!("{text}");
            }
            c if print_meta::handles(c) => return self.print_meta(source, c, &args),
            c if super::describe::handles(c) => {
                let settings = super::describe::Settings {
                    quiet: self.quiet(),
                    location: self.location(source),
                };
                let mut sink = self.out.sink(None, false);
                let done =
                    super::describe::run(&mut self.driver, c, &args, &settings, sink.as_mut())
                        .await;
                drop(sink);
                match done {
                    Ok(()) => {}
                    Err(super::describe::Failed::Meta(m)) => return self.meta_error(source, &m),
                    Err(super::describe::Failed::Exec(sql, e)) => {
                        return self.done(source, line, &sql, Err(*e), Lost::Command).await
                    }
                }
            }
            // pg_dump's guard against meta commands hidden in the data it dumps.
            "restrict" if args.len() == 1 => {
                self.restricted = args.into_iter().next();
            }
            _ => {
                let host = self
                    .host
                    .meta(&mut self.driver, &mut self.out, &cmd, &args)
                    .await;
                match host {
                    Some(Ok(())) => {}
                    Some(Err(e)) => return self.meta_error(source, e.message()),
                    None => {
                        let message = if PSQL_ONLY.split(' ').any(|c| c == cmd) {
                            format!("\\{cmd} is not supported by dbiam yet")
                        } else {
                            format!("invalid command \\{cmd}")
                        };
                        let flow = self.meta_error(source, &message);
                        if self.opts.interactive {
                            eprintln!("Try \\? for help.");
                        }
                        return flow;
                    }
                }
            }
        }
        Ok(Flow::Continue)
    }

    /// `\pset`, `\a`, `\t`, `\x`, `\C`, `\f`: change the session's print settings and say
    /// so unless quiet (`-q`, or the `QUIET` variable), as psql does.
    fn print_meta(&mut self, source: &str, cmd: &str, args: &[String]) -> Result<Flow> {
        let quiet = self.quiet();
        let text = match print_meta::apply(cmd, args, &mut self.out.settings) {
            Ok(Reply::Listing(text)) => text,
            Ok(Reply::Confirm(line)) if !quiet => format!("{line}\n"),
            Ok(Reply::Confirm(_) | Reply::Silent) => return Ok(Flow::Continue),
            Err(message) => return self.meta_error(source, &message),
        };
        print!("{text}");
        std::io::Write::flush(&mut std::io::stdout()).map_err(output_error)?;
        Ok(Flow::Continue)
    }

    /// psql's message for a value that is not a boolean; not an error of the script.
    fn bool_error(&mut self, source: &str, value: &str, what: &str) {
        let message = format!("unrecognized value \"{value}\" for \"{what}\": Boolean expected");
        match self.location(source) {
            Some(loc) => eprintln!("{loc} error: {message}"),
            None => crate::error::print_error(&message),
        }
    }

    /// `\i FILE` / `\ir FILE`: run another file, with its own lines and conditionals.
    async fn include(&mut self, path: PathBuf) -> Result<Flow> {
        let name = path.display().to_string();
        let file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                let source = self.location_source.clone();
                let msg = format!("{name}: {}", io_reason(&e));
                return self.meta_error(&source, &msg);
            }
        };
        let mut inner = Source {
            name,
            reader: Box::new(BufReader::new(file)),
        };
        let fresh = Splitter::new(self.splitter.dialect())
            .with_variables(self.splitter.variables().clone())
            .for_script();
        let outer = std::mem::replace(&mut self.splitter, fresh);
        let saved = (
            self.lineno,
            self.skip_copy_data,
            std::mem::take(&mut self.cond),
            self.location_source.clone(),
        );
        let flow = Box::pin(self.source(&mut inner)).await;
        let vars = self.splitter.variables().clone();
        self.splitter = outer;
        *self.splitter.variables_mut() = vars;
        (
            self.lineno,
            self.skip_copy_data,
            self.cond,
            self.location_source,
        ) = saved;
        flow
    }

    /// A step of the script failed: with --continue-on-error report it and go on,
    /// else stop with it.
    fn failed(&mut self, err: Error) -> Result<Flow> {
        if !self.opts.continue_on_error {
            return Err(err);
        }
        crate::error::print_error(err);
        self.failures += 1;
        Ok(Flow::Continue)
    }

    /// psql's `\copy`, with the file or stdio on dbiam's side.
    async fn client_copy(&mut self, source: &str, line: usize, args: &str) -> Result<Flow> {
        let done = match client_copy::parse(args) {
            Ok(copy) => {
                let sql = copy.sql.clone();
                let mut sink = self.out.sink(None, false);
                let r = client_copy::run(&mut self.driver, copy, line, &mut *sink)
                    .await
                    .map(|result| (sql, result));
                let flushed = sink.flush();
                drop(sink);
                match (r, flushed) {
                    (Ok((sql, Ok(()))), Err(e)) => Ok((sql, Err(ExecError::Output(e)))),
                    (r, _) => r,
                }
            }
            Err(e) => Err(e),
        };
        match done {
            Ok((sql, result)) => self.done(source, line, &sql, result, Lost::Copy).await,
            Err(e) => self.failed(
                Error::new(Kind::Script, format!("{source}:{line}: {}", e.message()))
                    .with_hint(e.hint().unwrap_or_default()),
            ),
        }
    }

    async fn piece(&mut self, src: &mut Source, piece: Piece, go: Go) -> Result<Flow> {
        self.out.settings.quiet = self.quiet();
        let source = src.name.clone();
        let source = source.as_str();
        if !self.cond.active() {
            // A skipped branch: only the conditionals themselves are looked at.
            return match piece {
                Piece::Meta { text, line } if is_conditional(&text) => {
                    self.meta(src, line, &text).await
                }
                _ => Ok(Flow::Continue),
            };
        }
        match piece {
            Piece::Sql { text, line } => self.statement(src, line, &text, go).await,
            Piece::Meta { text, line }
                if self.restricted.is_none() && self.go_of(&text).is_some() =>
            {
                // A `\g`-family command with no statement of its own sends the last one again.
                let go = self.go_of(&text).unwrap_or(Go::PRINT);
                match self.last_sql.clone() {
                    Some(sql) => self.statement(src, line, &sql, go).await,
                    None => Ok(Flow::Continue),
                }
            }
            Piece::Meta { text, line }
                if self.restricted.is_none() && meta_split(&text).0 == "copy" =>
            {
                self.client_copy(source, line, meta_split(&text).1).await
            }
            Piece::Meta { text, line } => self.meta(src, line, &text).await,
            Piece::CopyStart { text, line } => {
                crate::debug!("{source}:{line}: COPY FROM STDIN");
                if self.opts.interactive && std::io::stdin().is_terminal() {
                    println!("Enter data to be copied followed by a newline.\nEnd with a backslash and a period on a line by itself, or an EOF signal.");
                }
                let (copy, result) = CopyIn::start(&mut self.driver, text, line).await;
                let (line, text) = (copy.line, copy.text.clone());
                self.copy = Some(copy);
                self.done(source, line, &text, result, Lost::Copy).await
            }
            Piece::CopyData { data } => {
                let Some(mut copy) = self.copy.take() else {
                    return Ok(Flow::Continue);
                };
                let result = copy.data(&mut self.driver, data.as_bytes()).await;
                let (line, text) = (copy.line, copy.text.clone());
                self.copy = Some(copy);
                self.done(source, line, &text, result, Lost::Copy).await
            }
            Piece::CopyEnd => match self.copy.take() {
                Some(copy) => {
                    let (line, text) = (copy.line, copy.text.clone());
                    let mut sink = self.out.sink(None, false);
                    let mut result = copy.end(&mut self.driver, &mut *sink).await;
                    if let Err(e) = sink.flush() {
                        result = result.and(Err(ExecError::Output(e)));
                    }
                    drop(sink);
                    self.done(source, line, &text, result, Lost::Copy).await
                }
                None => Ok(Flow::Continue),
            },
        }
    }

    /// Run the pieces of what was pushed so far, one at a time, so that each sees what
    /// the statements before it changed (`standard_conforming_strings`, COPY data read).
    async fn drain(&mut self, src: &mut Source, line: &str) -> Result<Flow> {
        let mut input = line;
        loop {
            self.splitter
                .set_standard_conforming_strings(self.driver.standard_conforming_strings());
            let pieces = self.splitter.push(input);
            input = "";
            if pieces.is_empty() {
                return Ok(Flow::Continue);
            }
            if let Flow::Quit = self.pieces(src, pieces).await? {
                return Ok(Flow::Quit);
            }
        }
    }

    /// THE loop over split pieces: a statement followed by a `\g`-family command runs
    /// as it asks.
    async fn pieces(&mut self, src: &mut Source, pieces: Vec<Piece>) -> Result<Flow> {
        let mut it = pieces.into_iter().peekable();
        while let Some(piece) = it.next() {
            let go = match (&piece, it.peek()) {
                (Piece::Sql { .. }, Some(Piece::Meta { text, .. })) => self.go_of(text),
                _ => None,
            };
            if go.is_some() {
                it.next();
            }
            if let Flow::Quit = self.piece(src, piece, go.unwrap_or(Go::PRINT)).await? {
                return Ok(Flow::Quit);
            }
        }
        Ok(Flow::Continue)
    }

    async fn source(&mut self, src: &mut Source) -> Result<Flow> {
        let mut line = String::new();
        self.lineno = 0;
        self.skip_copy_data = false;
        self.location_source = src.name.clone();
        loop {
            line.clear();
            let n = src
                .reader
                .read_line(&mut line)
                .map_err(|e| Error::io(format!("cannot read {}", src.name), e))?;
            if n == 0 {
                break;
            }
            self.lineno += 1;
            if self.var("ECHO") == Some("all") {
                print!("{line}");
                if !line.ends_with('\n') {
                    println!();
                }
            }
            if self.skip_copy_data {
                // The data of a COPY the server refused.
                self.splitter.skip_lines(1);
                self.skip_copy_data = !is_copy_end(&line);
                continue;
            }
            if let Flow::Quit = self.drain(src, &line).await? {
                return Ok(Flow::Quit);
            }
        }
        self.splitter
            .set_standard_conforming_strings(self.driver.standard_conforming_strings());
        let pieces = self.splitter.finish_all();
        if let Flow::Quit = self.pieces(src, pieces).await? {
            return Ok(Flow::Quit);
        }
        if self.cond.is_open() {
            self.cond = Conditionals::default();
            return self
                .meta_error(&src.name, "reached EOF without finding closing \\endif(s)")
                .map(|_| Flow::Continue);
        }
        Ok(Flow::Continue)
    }

    async fn all(&mut self, sources: &mut [Source]) -> Result<()> {
        for src in sources.iter_mut() {
            if let Flow::Quit = self.source(src).await? {
                break;
            }
        }
        Ok(())
    }
}

async fn control<D: Driver>(driver: &mut D, sql: &str) -> Result<()> {
    match driver.execute(sql, &mut Discard).await {
        Ok(()) => Ok(()),
        Err(ExecError::Server(e)) => Err(script_error("-1", 0, sql, &e)),
        Err(ExecError::Connection(e)) => Err(e),
        Err(ExecError::Output(e)) => Err(output_error(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_commands_split_into_name_and_raw_rest() {
        assert_eq!(
            meta_split("\\copy t from 'a b;c'"),
            ("copy", " t from 'a b;c'")
        );
        assert_eq!(meta_split("\\q"), ("q", ""));
        assert_eq!(meta_split("\\copyx t"), ("copyx", " t"));
    }

    #[test]
    fn locates_positions_across_lines() {
        assert_eq!(locate("select\n  nope", 10, 10), (11, 3));
        assert_eq!(locate("select x", 1, 8), (1, 8));
        assert_eq!(locate("é\nx", 5, 3), (6, 1));
    }

    #[test]
    fn script_errors_name_file_line_and_sqlstate() {
        let e = ServerError {
            severity: "ERROR".into(),
            code: "42P01".into(),
            message: "relation \"nope\" does not exist".into(),
            detail: Some("d".into()),
            hint: Some("h".into()),
            position: Some(15),
            context: Some("COPY t, line 2\nmore".into()),
            internal: None,
            verbose: Default::default(),
        };
        let err = script_error("m.sql", 3, "select * from nope", &e);
        assert_eq!(err.exit_code().code(), 3);
        assert_eq!(
            err.to_string(),
            "m.sql:3: ERROR 42P01: relation \"nope\" does not exist (at line 3, column 15); DETAIL: d; CONTEXT: COPY t, line 2; HINT: h"
        );
    }
}
