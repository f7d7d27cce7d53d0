//! Where a session's query results go, as psql's `queryFout`: stdout (through the pager
//! at the shell's prompt), or the file or command pipe `\o` chose; `\g FILE|\|command`
//! for one query; and the print settings they are rendered with. `\echo` and `\timing`
//! always write to stdout; `\qecho` and results follow `\o`.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

use super::render;
use crate::output::results::{Expanded, PrintSettings, Printer, ResultSink};

/// A place for query output other than stdout: a file or a shell command's stdin.
pub enum Target {
    /// `\o FILE`, `\g FILE` (created, or truncated).
    File(BufWriter<File>),
    /// `\o |command`, `\g |command`: the command's stdin (it runs in `sh -c`, with
    /// dbiam's environment and nothing more on its command line).
    Pipe(Child, BufWriter<ChildStdin>),
}

impl Target {
    /// Open psql's `\o`/`\g` argument: `|command` or a file name. The error is psql's
    /// `NAME: reason`.
    pub fn open(arg: &str) -> std::result::Result<Target, String> {
        if let Some(cmd) = arg.strip_prefix('|') {
            let mut child = Command::new("sh")
                .arg("-c")
                .arg(cmd)
                .stdin(Stdio::piped())
                .spawn()
                .map_err(|e| format!("could not open pipe to \"{cmd}\": {}", io_reason(&e)))?;
            let stdin = child.stdin.take().expect("piped stdin");
            return Ok(Target::Pipe(child, BufWriter::new(stdin)));
        }
        File::create(arg)
            .map(|f| Target::File(BufWriter::new(f)))
            .map_err(|e| format!("{arg}: {}", io_reason(&e)))
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Target::File(f) => f,
            Target::Pipe(_, w) => w,
        }
    }

    /// Flush and close: a pipe's command gets its end of input and is waited for, so
    /// that what it prints comes before what follows (as psql's `pclose`).
    pub fn close(self) -> io::Result<()> {
        match self {
            Target::File(mut f) => f.flush(),
            Target::Pipe(mut child, mut w) => {
                // The command may exit without reading everything: a broken pipe is fine.
                let _ = w.flush();
                drop(w);
                child.wait().map(|_| ())
            }
        }
    }
}

/// An I/O error's reason without Rust's ` (os error N)` suffix, as psql prints it.
pub fn io_reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Where results go and how they look.
pub struct Output {
    /// psql's print settings (`\pset` and friends, `-t`, `-q`/`QUIET`, the terminal's width).
    pub settings: PrintSettings,
    /// The pager command, at a terminal prompt only (`None`: write straight to stdout).
    pub pager: Option<String>,
    /// The terminal's height, for the pager (`None`: never page).
    pub rows: Option<usize>,
    /// `\o`'s target (`None`: stdout).
    target: Option<Target>,
}

impl Output {
    /// Results to stdout, printed with `settings`.
    pub fn new(settings: PrintSettings) -> Self {
        Output {
            settings,
            pager: None,
            rows: None,
            target: None,
        }
    }

    /// `\o`: send results to `target` from now on (`None`: stdout), closing the previous one.
    pub fn redirect(&mut self, target: Option<Target>) -> io::Result<()> {
        match std::mem::replace(&mut self.target, target) {
            Some(old) => old.close(),
            None => Ok(()),
        }
    }

    /// Whether `\o` sends results elsewhere than stdout.
    pub fn redirected(&self) -> bool {
        self.target.is_some()
    }

    /// A writer for the output of one query: `once` (`\g`) if given, else `\o`'s target,
    /// else stdout (held back and paged at the end at a terminal prompt).
    pub fn writer<'a>(&'a mut self, once: Option<&'a mut Target>) -> QueryOut<'a> {
        if let Some(t) = once {
            return QueryOut::Borrowed(t.writer());
        }
        if let Some(t) = self.target.as_mut() {
            return QueryOut::Borrowed(t.writer());
        }
        match (&self.pager, self.rows) {
            (Some(cmd), Some(rows)) => QueryOut::Paged {
                buf: Vec::new(),
                pager: cmd.clone(),
                rows,
            },
            _ => QueryOut::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout().lock())),
        }
    }

    /// The renderer for one query's results, writing to [`Output::writer`]. `expanded`
    /// is `\gx` (expanded display for this query).
    pub fn sink<'a>(
        &'a mut self,
        once: Option<&'a mut Target>,
        expanded: bool,
    ) -> Box<dyn ResultSink + 'a> {
        let mut settings = self.settings.clone();
        if expanded {
            settings.expanded = Expanded::On;
        }
        Box::new(Printer::new(self.writer(once), settings))
    }

    /// Text for the query output (`\qecho`, a describe command's listing).
    pub fn write(&mut self, text: &[u8]) -> io::Result<()> {
        let mut w = self.writer(None);
        w.write_all(text)?;
        w.flush()
    }

    /// Flush and close `\o`'s target (at the end of a session).
    pub fn close(&mut self) -> io::Result<()> {
        self.redirect(None)
    }
}

/// Where one query's output is written.
pub enum QueryOut<'a> {
    /// Straight to stdout.
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// Held until the query ends, then shown through the pager when longer than the terminal.
    Paged {
        /// The output so far.
        buf: Vec<u8>,
        /// The pager command.
        pager: String,
        /// The terminal's height.
        rows: usize,
    },
    /// A file or pipe (`\o`, `\g`).
    Borrowed(&'a mut dyn Write),
}

impl Write for QueryOut<'_> {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        match self {
            QueryOut::Stdout(w) => w.write(data),
            QueryOut::Paged { buf, .. } => buf.write(data),
            QueryOut::Borrowed(w) => w.write(data),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            QueryOut::Stdout(w) => w.flush(),
            // Shown when the query's output is complete (on drop).
            QueryOut::Paged { .. } => Ok(()),
            QueryOut::Borrowed(w) => w.flush(),
        }
    }
}

impl Drop for QueryOut<'_> {
    fn drop(&mut self) {
        if let QueryOut::Paged { buf, pager, rows } = self {
            if !buf.is_empty() {
                // The user may quit the pager early; nothing to report.
                let _ = render::page(buf, Some(pager), Some(*rows));
            }
        }
    }
}
