//! The non-interactive runner behind `dbiam sql`: reads `-c`/`-f`/stdin sources in
//! order, splits them into statements as psql does, runs each through a [`Driver`],
//! and applies psql's script semantics (ON_ERROR_STOP, `-1`, `file:line` errors).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal};
use std::path::PathBuf;

use super::client_copy;
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

enum Flow {
    Continue,
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

struct Runner<'a, D: Driver> {
    driver: &'a mut D,
    sink: &'a mut dyn ResultSink,
    opts: &'a Options,
    splitter: Splitter,
    failures: usize,
    /// A `COPY … FROM STDIN` of the splitter's own (the REPL's text-based mode).
    copy: Option<CopyIn>,
    /// psql's `\restrict KEY` (pg_dump writes it): only `\unrestrict KEY` may follow.
    restricted: Option<String>,
    /// Lines read from the current source so far (psql's `lineno`: errors name the line
    /// a statement ended on).
    lineno: usize,
    /// The server refused a `COPY … FROM STDIN`: psql skips the input lines up to `\.`.
    skip_copy_data: bool,
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

impl<D: Driver> Runner<'_, D> {
    /// psql's `FILE:LINE:` prefix for messages about the current line (none for `-c`).
    fn location(&self, source: &str) -> Option<String> {
        (source != "-c").then(|| format!("dbiam:{source}:{}:", self.lineno))
    }

    async fn statement(&mut self, src: &mut Source, line: usize, text: &str) -> Result<Flow> {
        if text.trim().is_empty() {
            return Ok(Flow::Continue);
        }
        crate::debug!(
            "{}:{line}: running a statement of {} bytes",
            src.name,
            text.len()
        );
        let result = match self.driver.run(text, self.sink).await {
            Ok(Outcome::Done) => Ok(()),
            Ok(Outcome::CopyIn) => self.copy_in_data(src).await,
            Err(e) => Err(e),
        };
        if matches!(result, Err(ExecError::Server(_))) && copies_from_client(text) {
            self.skip_copy_data = true;
        }
        self.done(&src.name, line, text, result)
    }

    /// The server waits for COPY data: the input lines up to `\.` (or the end).
    async fn copy_in_data(&mut self, src: &mut Source) -> std::result::Result<(), ExecError> {
        let mut buf: Vec<u8> = Vec::with_capacity(COPY_CHUNK);
        let mut line = Vec::new();
        loop {
            line.clear();
            let n = match src.reader.read_until(b'\n', &mut line) {
                Ok(n) => n,
                Err(e) => {
                    self.driver.copy_abort();
                    return Err(ExecError::Connection(Error::io(
                        format!("cannot read {}", src.name),
                        e,
                    )));
                }
            };
            if n == 0 {
                break;
            }
            self.lineno += 1;
            self.splitter.skip_lines(1);
            if line == b"\\.\n" || line == b"\\.\r\n" || line == b"\\." {
                break;
            }
            buf.extend_from_slice(&line);
            if buf.len() >= COPY_CHUNK {
                let chunk = std::mem::replace(&mut buf, Vec::with_capacity(COPY_CHUNK));
                if let Err(e) = self.driver.copy_data(chunk).await {
                    self.driver.copy_abort();
                    return Err(e);
                }
            }
        }
        if !buf.is_empty() {
            if let Err(e) = self.driver.copy_data(buf).await {
                self.driver.copy_abort();
                return Err(e);
            }
        }
        self.driver.copy_end(self.sink).await
    }

    /// What a statement's result means for the script: go on, or stop with an error.
    fn done(
        &mut self,
        source: &str,
        line: usize,
        text: &str,
        result: std::result::Result<(), ExecError>,
    ) -> Result<Flow> {
        match result {
            Ok(()) => Ok(Flow::Continue),
            Err(ExecError::Server(e)) => {
                // As psql: the server's error, whole, then go on or stop.
                self.sink.flush().map_err(output_error)?;
                let report = super::report::render(
                    self.location(source).as_deref(),
                    text,
                    &e,
                    super::report::Style::default(),
                );
                eprint!("{report}");
                if self.opts.continue_on_error {
                    self.failures += 1;
                    return Ok(Flow::Continue);
                }
                Err(script_error(source, line, text, &e).reported())
            }
            Err(ExecError::Connection(e)) => Err(e),
            Err(ExecError::Output(e)) => Err(output_error(e)),
        }
    }

    fn meta(&mut self, source: &str, line: usize, text: &str) -> Result<Flow> {
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
        match cmd.as_str() {
            "q" | "quit" => return Ok(Flow::Quit),
            "echo" => {
                self.sink.flush().map_err(output_error)?;
                println!("{}", args.join(" "));
                return Ok(Flow::Continue);
            }
            // The splitter has applied these already.
            "set" | "unset" => return Ok(Flow::Continue),
            // pg_dump's guard against meta commands hidden in the data it dumps.
            "restrict" if args.len() == 1 => {
                self.restricted = args.into_iter().next();
                return Ok(Flow::Continue);
            }
            _ => {}
        }
        let err = Error::new(
            Kind::Script,
            format!("{source}:{line}: \\{cmd} is not supported by dbiam sql"),
        )
        .with_hint("dbiam sql runs SQL and \\echo, \\set, \\unset, \\copy, \\q; use dbiam connect for other meta commands");
        self.failed(err)
    }

    /// A step of the script failed: with --continue-on-error report it and go on,
    /// else stop with it.
    fn failed(&mut self, err: Error) -> Result<Flow> {
        if !self.opts.continue_on_error {
            return Err(err);
        }
        self.sink.flush().map_err(output_error)?;
        crate::error::print_error(err);
        self.failures += 1;
        Ok(Flow::Continue)
    }

    /// psql's `\copy`, with the file or stdio on dbiam's side.
    async fn client_copy(&mut self, source: &str, line: usize, args: &str) -> Result<Flow> {
        let done = match client_copy::parse(args) {
            Ok(copy) => {
                let sql = copy.sql.clone();
                client_copy::run(self.driver, copy, line, self.sink)
                    .await
                    .map(|result| (sql, result))
            }
            Err(e) => Err(e),
        };
        match done {
            Ok((sql, result)) => self.done(source, line, &sql, result),
            Err(e) => self.failed(
                Error::new(Kind::Script, format!("{source}:{line}: {}", e.message()))
                    .with_hint(e.hint().unwrap_or_default()),
            ),
        }
    }

    async fn piece(&mut self, src: &mut Source, piece: Piece) -> Result<Flow> {
        let source = src.name.clone();
        let source = source.as_str();
        match piece {
            Piece::Sql { text, line } => self.statement(src, line, &text).await,
            Piece::Meta { text, line }
                if self.restricted.is_none() && meta_split(&text).0 == "copy" =>
            {
                self.client_copy(source, line, meta_split(&text).1).await
            }
            Piece::Meta { text, line } => self.meta(source, line, &text),
            Piece::CopyStart { text, line } => {
                crate::debug!("{source}:{line}: COPY FROM STDIN");
                let (copy, result) = CopyIn::start(self.driver, text, line).await;
                let flow = self.done(source, copy.line, &copy.text, result);
                self.copy = Some(copy);
                flow
            }
            Piece::CopyData { data } => {
                let Some(mut copy) = self.copy.take() else {
                    return Ok(Flow::Continue);
                };
                let result = copy.data(self.driver, data.as_bytes()).await;
                let flow = self.done(source, copy.line, &copy.text, result);
                self.copy = Some(copy);
                flow
            }
            Piece::CopyEnd => match self.copy.take() {
                Some(copy) => {
                    let (line, text) = (copy.line, copy.text.clone());
                    let result = copy.end(self.driver, self.sink).await;
                    self.done(source, line, &text, result)
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
            for piece in pieces {
                if let Flow::Quit = self.piece(src, piece).await? {
                    return Ok(Flow::Quit);
                }
            }
        }
    }

    async fn source(&mut self, src: &mut Source) -> Result<Flow> {
        let mut line = String::new();
        self.lineno = 0;
        self.skip_copy_data = false;
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
        for piece in self.splitter.finish_all() {
            if let Flow::Quit = self.piece(src, piece).await? {
                return Ok(Flow::Quit);
            }
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

/// Run every source through `driver`, rendering results into `sink`. Returns the
/// number of statements that failed (only non-zero with `continue_on_error`).
pub async fn run<D: Driver>(
    driver: &mut D,
    sources: &mut [Source],
    opts: &Options,
    sink: &mut dyn ResultSink,
) -> Result<usize> {
    if opts.single_transaction {
        control(driver, "BEGIN").await?;
    }
    let dialect: Dialect = driver.dialect();
    let mut runner = Runner {
        driver,
        sink,
        opts,
        splitter: Splitter::new(dialect)
            .with_variables(opts.variables.clone())
            .for_script(),
        failures: 0,
        copy: None,
        restricted: None,
        lineno: 0,
        skip_copy_data: false,
    };
    let result = runner.all(sources).await;
    let failures = runner.failures;
    runner.sink.flush().map_err(output_error)?;
    match result {
        Ok(()) => {
            if opts.single_transaction {
                control(driver, "COMMIT").await?;
            }
            Ok(failures)
        }
        Err(e) => {
            if opts.single_transaction && e.kind() != Kind::Connection {
                let _ = driver.execute("ROLLBACK", &mut Discard).await;
            }
            Err(e)
        }
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
        };
        let err = script_error("m.sql", 3, "select * from nope", &e);
        assert_eq!(err.exit_code().code(), 3);
        assert_eq!(
            err.to_string(),
            "m.sql:3: ERROR 42P01: relation \"nope\" does not exist (at line 3, column 15); DETAIL: d; CONTEXT: COPY t, line 2; HINT: h"
        );
    }
}
