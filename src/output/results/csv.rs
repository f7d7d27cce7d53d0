//! psql's `csv` format (`--csv`, `\pset format csv`), byte for byte: a header line unless
//! `tuples_only`, `csv_fieldsep` between values, the `null` setting for NULL, no title
//! and no footer; expanded display prints `name,value` lines. Rows are written as they come.

use std::io::{self, Write};

use super::settings::{Expanded, PrintSettings};
use super::{Column, TextRow};
use crate::output::csv_field_sep;

/// One result being written.
#[derive(Debug)]
pub(super) struct Csv {
    headers: Vec<String>,
    vertical: bool,
}

fn field<W: Write>(out: &mut W, v: &str, sep: char) -> io::Result<()> {
    out.write_all(csv_field_sep(v, sep).as_bytes())
}

fn separator<W: Write>(out: &mut W, sep: char) -> io::Result<()> {
    write!(out, "{sep}")
}

impl Csv {
    pub(super) fn begin<W: Write>(
        out: &mut W,
        columns: &[Column],
        s: &PrintSettings,
    ) -> io::Result<Self> {
        let vertical = s.expanded == Expanded::On;
        if !vertical && !s.tuples_only {
            for (i, c) in columns.iter().enumerate() {
                if i > 0 {
                    separator(out, s.csv_fieldsep)?;
                }
                field(out, &c.name, s.csv_fieldsep)?;
            }
            out.write_all(b"\n")?;
        }
        Ok(Csv {
            headers: columns.iter().map(|c| c.name.clone()).collect(),
            vertical,
        })
    }

    pub(super) fn row<W: Write>(
        &mut self,
        out: &mut W,
        row: &dyn TextRow,
        s: &PrintSettings,
    ) -> io::Result<()> {
        let sep = s.csv_fieldsep;
        for i in 0..row.len() {
            let value = s.cell(row.get(i));
            if self.vertical {
                field(out, &self.headers[i], sep)?;
                separator(out, sep)?;
                field(out, value, sep)?;
                out.write_all(b"\n")?;
            } else {
                if i > 0 {
                    separator(out, sep)?;
                }
                field(out, value, sep)?;
            }
        }
        // psql writes no line for a row without columns (only the empty header line).
        if !self.vertical && !row.is_empty() {
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}
