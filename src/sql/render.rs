//! How a session shows results that are not streamed: the renderers (aligned, CSV, JSON,
//! NDJSON) chosen by `\pset format`, psql's expanded display for `\x` / `\x auto` / `\gx`,
//! a collector for catalogue queries, and the pager for output longer than the terminal.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use crate::output::results::{self, Column, ResultSink, TextRow};
use crate::output::Format;

/// `\x`: expanded display off, on, or when the table is wider than the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expanded {
    /// Tables.
    Off,
    /// One record per block.
    On,
    /// Expanded when the aligned table does not fit the terminal's width.
    Auto,
}

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

/// How to show results.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// `\pset format`.
    pub format: Format,
    /// `\x`.
    pub expanded: Expanded,
    /// Terminal width for `\x auto` (`None`: not a terminal, never expand).
    pub width: Option<usize>,
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

fn feed(sink: &mut dyn ResultSink, r: &Collected) -> io::Result<()> {
    if !r.columns.is_empty() {
        sink.columns(&r.columns)?;
        for row in &r.rows {
            sink.row(&OwnedRow(row))?;
        }
    }
    sink.complete(&r.tag)?;
    sink.flush()
}

/// Render one result into `out` with `settings`.
pub fn render(out: &mut Vec<u8>, r: &Collected, settings: &Settings) -> io::Result<()> {
    if !r.raw.is_empty() {
        out.extend_from_slice(&r.raw);
        return Ok(());
    }
    let opts = results::Options::default();
    let rows_result = !r.columns.is_empty();
    if settings.format == Format::Table && rows_result {
        match settings.expanded {
            Expanded::On => return expanded(out, r),
            Expanded::Auto => {
                let mut table = Vec::new();
                feed(&mut results::Aligned::new(&mut table, opts), r)?;
                let too_wide = settings.width.is_some_and(|w| {
                    String::from_utf8_lossy(&table)
                        .lines()
                        .any(|l| l.chars().count() > w)
                });
                if too_wide {
                    return expanded(out, r);
                }
                out.extend_from_slice(&table);
                return Ok(());
            }
            Expanded::Off => {}
        }
    }
    let mut sink = results::sink(settings.format, &mut *out, opts);
    feed(sink.as_mut(), r)
}

/// psql's expanded display (`\x`, border 1): a `-[ RECORD n ]` rule, then `name | value`.
pub fn expanded(out: &mut Vec<u8>, r: &Collected) -> io::Result<()> {
    if r.rows.is_empty() {
        return writeln!(out, "(0 rows)\n");
    }
    let names: Vec<String> = r
        .columns
        .iter()
        .map(|c| crate::output::sanitize(&c.name))
        .collect();
    let hwidth = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    let values: Vec<Vec<Vec<String>>> = r
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|v| {
                    v.as_deref()
                        .unwrap_or("")
                        .split('\n')
                        .map(crate::output::sanitize)
                        .collect()
                })
                .collect()
        })
        .collect();
    let dwidth = values
        .iter()
        .flatten()
        .flatten()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    for (n, row) in values.iter().enumerate() {
        let rule = format!("{}+{}", "-".repeat(hwidth + 1), "-".repeat(dwidth + 1));
        let head = format!("-[ RECORD {} ]", n + 1);
        let tail: String = rule.chars().skip(head.chars().count()).collect();
        writeln!(out, "{head}{tail}")?;
        for (name, lines) in names.iter().zip(row) {
            for (i, l) in lines.iter().enumerate() {
                let label = if i == 0 { name.as_str() } else { "" };
                let pad = hwidth - label.chars().count();
                let more = if i + 1 < lines.len() { "+" } else { "" };
                writeln!(out, "{label}{} | {l}{more}", " ".repeat(pad))?;
            }
        }
    }
    writeln!(out)
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
    fn expanded_matches_psql() {
        let mut out = Vec::new();
        expanded(&mut out, &result()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "-[ RECORD 1 ]----\na   | 1\nbcd | hello world\n-[ RECORD 2 ]----\na   | 22\nbcd | \n\n"
        );
        let mut r = result();
        r.columns[0].name = "longheadername".into();
        r.rows = vec![vec![Some("a".into()), Some("1".into())]];
        let mut out = Vec::new();
        expanded(&mut out, &r).unwrap();
        assert!(String::from_utf8(out)
            .unwrap()
            .starts_with("-[ RECORD 1 ]--+--\nlongheadername | a\n"));
    }

    #[test]
    fn auto_expands_only_when_too_wide() {
        let mut s = Settings {
            format: Format::Table,
            expanded: Expanded::Auto,
            width: Some(80),
        };
        let mut out = Vec::new();
        render(&mut out, &result(), &s).unwrap();
        assert!(String::from_utf8_lossy(&out).contains("(2 rows)"));
        s.width = Some(10);
        let mut out = Vec::new();
        render(&mut out, &result(), &s).unwrap();
        assert!(String::from_utf8_lossy(&out).starts_with("-[ RECORD 1 ]"));
    }
}
