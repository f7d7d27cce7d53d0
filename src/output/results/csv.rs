//! `psql --csv` for statement results, byte for byte.

use std::io::{self, Write};

use super::{Column, Options, ResultSink, TextRow};
use crate::output::csv_field;

/// `psql --csv`: a header line, rows, NULL as an empty field; tags for other statements.
pub struct Csv<W: Write> {
    out: W,
    opts: Options,
    in_result: bool,
}

impl<W: Write> Csv<W> {
    /// A CSV renderer.
    pub fn new(out: W, opts: Options) -> Self {
        Csv {
            out,
            opts,
            in_result: false,
        }
    }

    fn field(&mut self, i: usize, v: Option<&str>) -> io::Result<()> {
        if i > 0 {
            self.out.write_all(b",")?;
        }
        if let Some(v) = v {
            self.out.write_all(csv_field(v).as_bytes())?;
        }
        Ok(())
    }
}

impl<W: Write> ResultSink for Csv<W> {
    fn wants_types(&self) -> bool {
        false
    }

    fn columns(&mut self, columns: &[Column]) -> io::Result<()> {
        self.in_result = true;
        if !self.opts.tuples_only {
            for (i, c) in columns.iter().enumerate() {
                self.field(i, Some(&c.name))?;
            }
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn row(&mut self, row: &dyn TextRow) -> io::Result<()> {
        // psql writes no line for a row without columns (only the empty header line).
        if row.is_empty() {
            return Ok(());
        }
        for i in 0..row.len() {
            self.field(i, row.get(i))?;
        }
        self.out.write_all(b"\n")
    }

    fn complete(&mut self, tag: &str) -> io::Result<()> {
        if !std::mem::take(&mut self.in_result) && !self.opts.quiet && !tag.is_empty() {
            writeln!(self.out, "{tag}")?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn copy_out(&mut self, data: &[u8]) -> io::Result<()> {
        self.out.write_all(data)
    }
}
