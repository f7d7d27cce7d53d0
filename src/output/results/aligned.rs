//! psql's aligned table for statement results (it alone buffers a result, to size its
//! columns, as psql does).

use std::io::{self, Write};

use super::oid::*;
use super::{Column, Options, ResultSink, TextRow};

fn right_aligned(oid: Option<u32>) -> bool {
    matches!(
        oid,
        Some(INT2 | INT4 | INT8 | OID | FLOAT4 | FLOAT8 | NUMERIC | MONEY | XID | CID | XID8)
    )
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// psql's default `aligned` format with `border 1`: centred header, `-+-` rule,
/// `+` marking continued multi-line values, a `(N rows)` footer and a blank line.
pub struct Aligned<W: Write> {
    out: W,
    opts: Options,
    columns: Vec<Column>,
    rows: Vec<Vec<Option<String>>>,
    in_result: bool,
    /// A title for the next result (centred above it).
    title: Option<String>,
    /// Footer lines for the current result, instead of the row count.
    footers: Option<Vec<String>>,
}

impl<W: Write> Aligned<W> {
    /// An aligned-table renderer.
    pub fn new(out: W, opts: Options) -> Self {
        Aligned {
            out,
            opts,
            columns: Vec::new(),
            rows: Vec::new(),
            in_result: false,
            title: None,
            footers: None,
        }
    }

    /// psql's footer: the given lines, or the row count.
    fn footer(&mut self) -> io::Result<()> {
        if self.opts.tuples_only {
            return Ok(());
        }
        match self.footers.take() {
            Some(lines) => {
                for l in lines {
                    writeln!(self.out, "{l}")?;
                }
                Ok(())
            }
            None => {
                let n = self.rows.len();
                writeln!(self.out, "({n} {})", if n == 1 { "row" } else { "rows" })
            }
        }
    }

    fn render(&mut self) -> io::Result<()> {
        let title = self.title.take();
        let ncols = self.columns.len();
        if ncols == 0 {
            // As psql: a bare rule, no lines for the rows, the footer.
            if !self.opts.tuples_only {
                if let Some(t) = &title {
                    writeln!(self.out, "{t}")?;
                }
                writeln!(self.out, "--")?;
            }
            self.footer()?;
            return writeln!(self.out);
        }
        let sanitized: Vec<Vec<Vec<String>>> = self
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|v| {
                        v.as_deref()
                            .unwrap_or("")
                            .split('\n')
                            .map(|l| crate::output::sanitize(&expand_tabs(l)))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let headers: Vec<Vec<String>> = self
            .columns
            .iter()
            .map(|c| c.name.split('\n').map(crate::output::sanitize).collect())
            .collect();
        let mut widths: Vec<usize> = headers
            .iter()
            .map(|h| h.iter().map(|l| width(l)).max().unwrap_or(0))
            .collect();
        for r in &sanitized {
            for (i, cell) in r.iter().enumerate() {
                for l in cell {
                    widths[i] = widths[i].max(width(l));
                }
            }
        }
        let right: Vec<bool> = self
            .columns
            .iter()
            .map(|c| right_aligned(c.type_oid))
            .collect();
        let out = &mut self.out;
        if let Some(t) = title.filter(|_| !self.opts.tuples_only) {
            // psql centres the title over the table, or starts it at the margin when wider.
            let total: usize = widths.iter().map(|w| w + 3).sum::<usize>() - 1;
            let pad = total.saturating_sub(width(&t)) / 2;
            writeln!(out, "{}{t}", " ".repeat(pad))?;
        }
        if !self.opts.tuples_only {
            let height = headers.iter().map(Vec::len).max().unwrap_or(1);
            for line in 0..height {
                let mut s = String::new();
                for (i, h) in headers.iter().enumerate() {
                    if i > 0 {
                        s.push('|');
                    }
                    let text = h.get(line).map(String::as_str).unwrap_or("");
                    let pad = widths[i] - width(text);
                    s.push(' ');
                    s.extend(std::iter::repeat_n(' ', pad / 2));
                    s.push_str(text);
                    s.extend(std::iter::repeat_n(' ', pad - pad / 2));
                    s.push(if line + 1 < h.len() { '+' } else { ' ' });
                }
                writeln!(out, "{s}")?;
            }
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(w + 2)).collect();
            writeln!(out, "{}", rule.join("+"))?;
        }
        for r in &sanitized {
            let height = r.iter().map(Vec::len).max().unwrap_or(1);
            for line in 0..height {
                let mut s = String::new();
                for (i, cell) in r.iter().enumerate() {
                    let last = i + 1 == ncols;
                    if i > 0 {
                        s.push('|');
                    }
                    let text = cell.get(line).map(String::as_str).unwrap_or("");
                    let more = line + 1 < cell.len();
                    let pad = widths[i] - width(text);
                    s.push(' ');
                    if right[i] && line < cell.len() {
                        s.extend(std::iter::repeat_n(' ', pad));
                        s.push_str(text);
                    } else {
                        s.push_str(text);
                        if !last || more {
                            s.extend(std::iter::repeat_n(' ', pad));
                        }
                    }
                    if more {
                        s.push('+');
                    } else if !last {
                        s.push(' ');
                    }
                }
                writeln!(out, "{s}")?;
            }
        }
        self.footer()?;
        writeln!(self.out)
    }
}

impl<W: Write> ResultSink for Aligned<W> {
    fn wants_types(&self) -> bool {
        true
    }

    fn columns(&mut self, columns: &[Column]) -> io::Result<()> {
        self.columns = columns.to_vec();
        self.rows.clear();
        self.in_result = true;
        Ok(())
    }

    fn row(&mut self, row: &dyn TextRow) -> io::Result<()> {
        self.rows.push(
            (0..row.len())
                .map(|i| row.get(i).map(str::to_owned))
                .collect(),
        );
        Ok(())
    }

    fn complete(&mut self, tag: &str) -> io::Result<()> {
        if std::mem::take(&mut self.in_result) {
            self.render()?;
            self.rows = Vec::new();
        } else if !self.opts.quiet && !tag.is_empty() {
            writeln!(self.out, "{tag}")?;
        }
        Ok(())
    }

    fn title(&mut self, title: &str) -> io::Result<()> {
        self.title = Some(title.to_owned());
        Ok(())
    }

    fn footers(&mut self, lines: &[String]) -> io::Result<()> {
        self.footers = Some(lines.to_vec());
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn copy_out(&mut self, data: &[u8]) -> io::Result<()> {
        self.out.write_all(data)
    }
}

/// psql's aligned output shows a tab as spaces up to the next multiple of 8 columns.
fn expand_tabs(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('\t') {
        return line.into();
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut col = 0;
    for c in line.chars() {
        if c == '\t' {
            let n = 8 - col % 8;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push(c);
            col += width(c.encode_utf8(&mut [0; 4]));
        }
    }
    out.into()
}
