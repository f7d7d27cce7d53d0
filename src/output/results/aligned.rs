//! psql's `aligned` format, as its `print_aligned_text` and `print_aligned_vertical` print
//! it (ASCII line style): borders 0, 1 and 2, a centred title, `+` marking continued
//! multi-line values, the `(N rows)` footer or given footers, and the expanded
//! `-[ RECORD n ]-` form. It alone buffers a result, to size its columns, as psql does.

use std::io::{self, Write};

use super::oid::*;
use super::settings::{Expanded, PrintSettings};
use super::Column;

/// Whether psql right-aligns values of this type (its `column_type_alignment`).
fn right_aligned(oid: Option<u32>) -> bool {
    matches!(
        oid,
        Some(INT2 | INT4 | INT8 | OID | FLOAT4 | FLOAT8 | NUMERIC | MONEY | XID | CID | XID8)
    )
}

fn width(s: &str) -> usize {
    s.chars().count()
}

fn spaces<W: Write>(out: &mut W, n: usize) -> io::Result<()> {
    write!(out, "{:n$}", "")
}

fn repeat<W: Write>(out: &mut W, s: &str, n: usize) -> io::Result<()> {
    for _ in 0..n {
        out.write_all(s.as_bytes())?;
    }
    Ok(())
}

/// A value as psql lays it out: its lines (split at newlines, tabs expanded, control
/// characters escaped) and its display width (the widest line).
struct Cell {
    lines: Vec<String>,
    width: usize,
}

impl Cell {
    fn new(s: &str) -> Self {
        let lines: Vec<String> = s
            .split('\n')
            .map(|l| crate::output::sanitize(&expand_tabs(l)))
            .collect();
        let width = lines.iter().map(|l| width(l)).max().unwrap_or(0);
        Cell { lines, width }
    }
}

/// psql's default footer, `(N rows)`.
pub(super) fn row_count_footer(n: usize) -> String {
    format!("({n} {})", if n == 1 { "row" } else { "rows" })
}

/// One result, buffered until it is complete.
#[derive(Debug, Default)]
pub(super) struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<Option<String>>>,
    title: Option<String>,
}

impl Table {
    pub(super) fn new(columns: &[Column], title: Option<String>) -> Self {
        Table {
            columns: columns.to_vec(),
            rows: Vec::new(),
            title,
        }
    }

    pub(super) fn row(&mut self, row: Vec<Option<String>>) {
        self.rows.push(row);
    }

    /// Print the result; `footers`, when given, replace the `(N rows)` line.
    pub(super) fn finish<W: Write>(
        self,
        out: &mut W,
        s: &PrintSettings,
        footers: Option<&[String]>,
    ) -> io::Result<()> {
        let p = Layout {
            s,
            border: s.border(),
            right: self
                .columns
                .iter()
                .map(|c| right_aligned(c.type_oid))
                .collect(),
            headers: self.columns.iter().map(|c| Cell::new(&c.name)).collect(),
            cells: self
                .rows
                .iter()
                .map(|r| r.iter().map(|v| Cell::new(s.cell(v.as_deref()))).collect())
                .collect(),
            nrows: self.rows.len(),
            title: self.title.as_deref(),
            footers,
        };
        match s.expanded {
            Expanded::On => p.vertical(out),
            Expanded::Off | Expanded::Auto => p.text(out),
        }
    }
}

/// A result ready to print.
struct Layout<'a> {
    s: &'a PrintSettings,
    border: u16,
    right: Vec<bool>,
    headers: Vec<Cell>,
    cells: Vec<Vec<Cell>>,
    nrows: usize,
    title: Option<&'a str>,
    /// Footers given by the caller (describe commands).
    footers: Option<&'a [String]>,
}

impl Layout<'_> {
    /// The given footers, else `(N rows)` unless `\pset footer off` (psql's
    /// `footers_with_default`).
    fn footers_with_default(&self) -> Option<Vec<String>> {
        match self.footers {
            Some(f) => Some(f.to_vec()),
            None if self.s.footer => Some(vec![row_count_footer(self.nrows)]),
            None => None,
        }
    }

    /// A horizontal rule (`_print_horizontal_line`).
    fn rule<W: Write>(&self, out: &mut W, widths: &[usize]) -> io::Result<()> {
        let n = widths.len();
        match self.border {
            1 => out.write_all(b"-")?,
            2 => out.write_all(b"+-")?,
            _ => {}
        }
        for (i, w) in widths.iter().enumerate() {
            repeat(out, "-", *w)?;
            if i + 1 < n {
                out.write_all(if self.border == 0 { b" " } else { b"-+-" })?;
            }
        }
        match self.border {
            1 => out.write_all(b"-")?,
            2 => out.write_all(b"-+")?,
            _ => {}
        }
        out.write_all(b"\n")
    }

    /// psql's `print_aligned_text`.
    fn text<W: Write>(&self, out: &mut W) -> io::Result<()> {
        let border = self.border;
        let ncols = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width).collect();
        for row in &self.cells {
            for (i, c) in row.iter().enumerate() {
                widths[i] = widths[i].max(c.width);
            }
        }
        let base = match border {
            0 => ncols,
            1 => (ncols * 3).saturating_sub(1),
            _ => ncols * 3 + 1,
        };
        let width_total = base + widths.iter().sum::<usize>();
        let header_total = base + self.headers.iter().map(|h| h.width).sum::<usize>();
        if self.s.expanded == Expanded::Auto && ncols > 1 {
            if let Some(columns) = self.s.output_columns() {
                if columns < header_total || columns < width_total {
                    return self.vertical(out);
                }
            }
        }
        let tuples_only = self.s.tuples_only;
        if let (Some(title), false) = (self.title, tuples_only) {
            let w = title.split('\n').map(width).max().unwrap_or(0);
            if w < width_total {
                spaces(out, (width_total - w) / 2)?;
            }
            writeln!(out, "{title}")?;
        }
        if !tuples_only {
            if border == 2 {
                self.rule(out, &widths)?;
            }
            let height = self.headers.iter().map(|h| h.lines.len()).max();
            for line in 0..height.unwrap_or(0) {
                if border == 2 {
                    out.write_all(b"|")?;
                }
                for (i, h) in self.headers.iter().enumerate() {
                    if border != 0 {
                        out.write_all(b" ")?;
                    }
                    let more = line + 1 < h.lines.len();
                    match h.lines.get(line) {
                        Some(text) => {
                            let pad = widths[i] - width(text);
                            spaces(out, pad / 2)?;
                            out.write_all(text.as_bytes())?;
                            spaces(out, pad.div_ceil(2))?;
                        }
                        None => spaces(out, widths[i])?,
                    }
                    out.write_all(if more { b"+" } else { b" " })?;
                    if border != 0 && i + 1 < ncols {
                        out.write_all(b"|")?;
                    }
                }
                if border == 2 {
                    out.write_all(b"|")?;
                }
                out.write_all(b"\n")?;
            }
            self.rule(out, &widths)?;
        }
        // psql prints no line for a row without columns.
        for row in self.cells.iter().filter(|_| ncols > 0) {
            let height = row.iter().map(|c| c.lines.len()).max().unwrap_or(1);
            for line in 0..height {
                if border == 2 {
                    out.write_all(b"|")?;
                }
                for (j, cell) in row.iter().enumerate() {
                    let last = j + 1 == ncols;
                    let finalspaces = border == 2 || !last;
                    if border != 0 {
                        out.write_all(b" ")?;
                    }
                    let mut printed = widths[j];
                    if let Some(text) = cell.lines.get(line) {
                        printed = width(text);
                        if self.right[j] {
                            spaces(out, widths[j] - printed)?;
                        }
                        out.write_all(text.as_bytes())?;
                    } else if finalspaces {
                        spaces(out, widths[j])?;
                    }
                    let continued = line + 1 < cell.lines.len();
                    if !self.right[j] && (finalspaces || continued) {
                        spaces(out, widths[j] - printed)?;
                    }
                    if continued {
                        out.write_all(b"+")?;
                    } else if finalspaces {
                        out.write_all(b" ")?;
                    }
                    if border != 0 && !last {
                        out.write_all(b"|")?;
                    }
                }
                if border == 2 {
                    out.write_all(b"|")?;
                }
                out.write_all(b"\n")?;
            }
        }
        if border == 2 {
            self.rule(out, &widths)?;
        }
        if let (Some(footers), false) = (self.footers_with_default(), tuples_only) {
            for f in footers {
                writeln!(out, "{f}")?;
            }
        }
        out.write_all(b"\n")
    }

    /// A record's rule in expanded display (`print_aligned_vertical_line`); `record` 0
    /// draws a plain rule.
    fn record_rule<W: Write>(
        &self,
        out: &mut W,
        record: usize,
        hwidth: usize,
        dwidth: usize,
    ) -> io::Result<()> {
        let border = self.border;
        let fill = if border > 0 { "-" } else { " " };
        match border {
            2 => out.write_all(b"+-")?,
            1 => out.write_all(b"-")?,
            _ => {}
        }
        let mut reclen: isize = 0;
        if record > 0 {
            let label = if border == 0 {
                format!("* Record {record}")
            } else {
                format!("[ RECORD {record} ]")
            };
            out.write_all(label.as_bytes())?;
            reclen = label.len() as isize;
        }
        if border != 2 {
            reclen += 1;
        }
        let hwidth = hwidth as isize;
        if reclen < hwidth {
            repeat(out, fill, (hwidth - reclen) as usize)?;
        }
        reclen -= hwidth;
        let middle: &[&str] = if border > 0 { &["-", "+", "-"] } else { &[" "] };
        for part in middle {
            if reclen <= 0 {
                out.write_all(part.as_bytes())?;
            }
            reclen -= 1;
        }
        let reclen = reclen.max(0) as usize;
        if reclen < dwidth {
            repeat(out, fill, dwidth - reclen)?;
        }
        if border == 2 {
            out.write_all(b"-+")?;
        }
        out.write_all(b"\n")
    }

    /// psql's `print_aligned_vertical` (expanded display).
    fn vertical<W: Write>(&self, out: &mut W) -> io::Result<()> {
        let border = self.border;
        let tuples_only = self.s.tuples_only;
        let ncols = self.headers.len();
        if ncols == 0 || self.nrows == 0 {
            if let (Some(footers), false) = (self.footers_with_default(), tuples_only) {
                for f in footers {
                    writeln!(out, "{f}")?;
                }
            }
            return out.write_all(b"\n");
        }
        let hwidth = self.headers.iter().map(|h| h.width).max().unwrap_or(0);
        let hmultiline = self.headers.iter().any(|h| h.lines.len() > 1);
        let mut dwidth = 0;
        let mut dmultiline = false;
        for c in self.cells.iter().flatten() {
            dwidth = dwidth.max(c.width);
            dmultiline |= c.lines.len() > 1;
        }
        if let (Some(title), false) = (self.title, tuples_only) {
            writeln!(out, "{title}")?;
        }
        // The data column is at least as wide as the record rule needs.
        let mut swidth = match border {
            0 => 1 + usize::from(hmultiline),
            1 => 3,
            _ => 7,
        };
        if dmultiline && border < 2 {
            swidth += 1;
        }
        let mut rwidth = 0;
        if !tuples_only {
            rwidth = self.nrows.to_string().len()
                + match border {
                    0 => 9,
                    1 => 12,
                    _ => 15,
                };
        }
        dwidth = (hwidth + swidth + dwidth).max(rwidth) - hwidth - swidth;
        for (r, row) in self.cells.iter().enumerate() {
            if !tuples_only {
                self.record_rule(out, r + 1, hwidth, dwidth)?;
            } else if r != 0 || border == 2 {
                self.record_rule(out, 0, hwidth, dwidth)?;
            }
            for (header, data) in self.headers.iter().zip(row) {
                let (mut hline, mut dline) = (0, 0);
                let (mut hdone, mut ddone) = (false, false);
                while !hdone || !ddone {
                    if border == 2 {
                        out.write_all(b"|")?;
                    }
                    if !hdone {
                        if border == 2 {
                            out.write_all(b" ")?;
                        }
                        let text = &header.lines[hline];
                        out.write_all(text.as_bytes())?;
                        spaces(out, hwidth - width(text))?;
                        let more = hline + 1 < header.lines.len();
                        if border > 0 || hmultiline {
                            out.write_all(if more { b"+" } else { b" " })?;
                        }
                        if more {
                            hline += 1;
                        } else {
                            hdone = true;
                        }
                    } else {
                        let mut w = hwidth + usize::from(border);
                        if border == 0 && hmultiline {
                            w += 1;
                        }
                        spaces(out, w.max(1))?;
                    }
                    if border > 0 {
                        out.write_all(b"|")?;
                    }
                    if !ddone {
                        out.write_all(b" ")?;
                        let text = &data.lines[dline];
                        out.write_all(text.as_bytes())?;
                        let pad = dwidth.saturating_sub(width(text));
                        if dline + 1 < data.lines.len() {
                            if border > 1 || dmultiline {
                                spaces(out, pad)?;
                                out.write_all(b"+")?;
                            }
                            dline += 1;
                        } else {
                            if border > 1 {
                                spaces(out, pad)?;
                                out.write_all(b" ")?;
                            }
                            ddone = true;
                        }
                        if border == 2 {
                            out.write_all(b"|")?;
                        }
                        out.write_all(b"\n")?;
                    } else if border < 2 {
                        out.write_all(b"\n")?;
                    } else {
                        spaces(out, dwidth)?;
                        out.write_all(b"  |\n")?;
                    }
                }
            }
        }
        if border == 2 {
            self.record_rule(out, 0, hwidth, dwidth)?;
        }
        if let (Some(footers), false) = (self.footers, tuples_only) {
            if border < 2 {
                out.write_all(b"\n")?;
            }
            for f in footers {
                writeln!(out, "{f}")?;
            }
        }
        out.write_all(b"\n")
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
            col += 1;
        }
    }
    out.into()
}
