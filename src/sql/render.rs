//! How a session shows results that are not streamed: a collector for results and
//! catalogue queries, handed to the output layer's [`Printer`] with the session's print
//! settings (`\pset`, `\x`, …), and the pager for output longer than the terminal.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use crate::output::results::{Column, PrintSettings, Printer, ResultSink, TextRow};

/// One result as it arrived: its columns, rows and command tag.
#[derive(Debug, Default, Clone)]
pub struct Collected {
    /// Columns (empty for a statement without rows).
    pub columns: Vec<Column>,
    /// Rows of text values; `None` is NULL.
    pub rows: Vec<Vec<Option<String>>>,
    /// The command tag.
    pub tag: String,
    /// `COPY … TO STDOUT` data, shown as it is.
    pub raw: Vec<u8>,
}

/// A sink that keeps every result of a statement in memory.
#[derive(Debug, Default)]
pub struct Collect {
    /// Whether to ask the driver for column types.
    pub types: bool,
    /// The results, in order.
    pub results: Vec<Collected>,
    current: Option<Collected>,
}

impl Collect {
    /// A collector; `types` when the results will be rendered (aligned, JSON).
    pub fn new(types: bool) -> Self {
        Collect {
            types,
            ..Self::default()
        }
    }

    /// The rows of the last result that had columns.
    pub fn rows(&self) -> Vec<Vec<Option<String>>> {
        self.results
            .iter()
            .rev()
            .find(|r| !r.columns.is_empty())
            .map(|r| r.rows.clone())
            .unwrap_or_default()
    }
}

impl ResultSink for Collect {
    fn wants_types(&self) -> bool {
        self.types
    }
    fn columns(&mut self, columns: &[Column]) -> io::Result<()> {
        self.current = Some(Collected {
            columns: columns.to_vec(),
            ..Collected::default()
        });
        Ok(())
    }
    fn row(&mut self, row: &dyn TextRow) -> io::Result<()> {
        if let Some(c) = self.current.as_mut() {
            c.rows.push(
                (0..row.len())
                    .map(|i| row.get(i).map(str::to_owned))
                    .collect(),
            );
        }
        Ok(())
    }
    fn complete(&mut self, tag: &str) -> io::Result<()> {
        let mut c = self.current.take().unwrap_or_default();
        c.tag = tag.to_owned();
        self.results.push(c);
        Ok(())
    }
    fn copy_out(&mut self, data: &[u8]) -> io::Result<()> {
        match self.results.last_mut() {
            Some(c) if c.columns.is_empty() && c.tag.is_empty() => c.raw.extend_from_slice(data),
            _ => self.results.push(Collected {
                raw: data.to_vec(),
                ..Collected::default()
            }),
        }
        Ok(())
    }
}

struct OwnedRow<'a>(&'a [Option<String>]);

impl TextRow for OwnedRow<'_> {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn get(&self, i: usize) -> Option<&str> {
        self.0[i].as_deref()
    }
}

/// Render one result into `out` with `settings`.
pub fn render(out: &mut Vec<u8>, r: &Collected, settings: &PrintSettings) -> io::Result<()> {
    if !r.raw.is_empty() {
        out.extend_from_slice(&r.raw);
        return Ok(());
    }
    let mut sink = Printer::new(&mut *out, settings.clone());
    if !r.columns.is_empty() {
        sink.columns(&r.columns)?;
        for row in &r.rows {
            sink.row(&OwnedRow(row))?;
        }
    }
    sink.complete(&r.tag)?;
    sink.flush()
}

/// The pager command: `PAGER`, else `less -FRX` when `less` is on PATH.
pub fn pager_command() -> Option<String> {
    match std::env::var("PAGER") {
        Ok(p) if !p.trim().is_empty() => Some(p),
        Ok(_) => None,
        Err(_) => {
            let path = std::env::var_os("PATH")?;
            std::env::split_paths(&path)
                .any(|d| d.join("less").is_file())
                .then(|| "less -FRX".to_owned())
        }
    }
}

/// Write `text` to stdout, through `pager` when it has more lines than `rows`.
pub fn page(text: &[u8], pager: Option<&str>, rows: Option<usize>) -> io::Result<()> {
    let lines = text.iter().filter(|b| **b == b'\n').count();
    crate::debug!("{lines} lines of output, terminal rows {rows:?}, pager {pager:?}");
    if let (Some(cmd), Some(rows)) = (pager, rows) {
        if lines + 1 >= rows {
            let child = Command::new("sh")
                .arg("-c")
                .arg(cmd)
                .stdin(Stdio::piped())
                .spawn();
            if let Ok(mut child) = child {
                if let Some(mut stdin) = child.stdin.take() {
                    // The user may quit the pager early: a broken pipe is fine.
                    let _ = stdin.write_all(text);
                }
                let _ = child.wait();
                return Ok(());
            }
            crate::debug!("cannot start the pager '{cmd}'; printing directly");
        }
    }
    let mut out = io::stdout().lock();
    out.write_all(text)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::results::Expanded;

    fn result() -> Collected {
        Collected {
            columns: vec![
                Column {
                    name: "a".into(),
                    type_oid: Some(23),
                },
                Column {
                    name: "bcd".into(),
                    type_oid: Some(25),
                },
            ],
            rows: vec![
                vec![Some("1".into()), Some("hello world".into())],
                vec![Some("22".into()), None],
            ],
            tag: "SELECT 2".into(),
            raw: Vec::new(),
        }
    }

    #[test]
    fn auto_expands_only_when_too_wide() {
        let mut s = PrintSettings {
            expanded: Expanded::Auto,
            terminal_width: Some(80),
            ..PrintSettings::default()
        };
        let mut out = Vec::new();
        render(&mut out, &result(), &s).unwrap();
        assert!(String::from_utf8_lossy(&out).contains("(2 rows)"));
        s.terminal_width = Some(10);
        let mut out = Vec::new();
        render(&mut out, &result(), &s).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "-[ RECORD 1 ]----\na   | 1\nbcd | hello world\n-[ RECORD 2 ]----\na   | 22\nbcd | \n\n"
        );
    }
}
