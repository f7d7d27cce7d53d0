//! psql's `unaligned` format (`\a`, `-A`), as its `print_unaligned_text` and
//! `print_unaligned_vertical` print it: values joined by `fieldsep`, records ended by
//! `recordsep`, the title and header first and the footer last unless `tuples_only`.
//! Rows are written as they come.

use std::io::{self, Write};

use super::aligned::row_count_footer;
use super::settings::{Expanded, PrintSettings};
use super::{Column, TextRow};

/// One result being written.
#[derive(Debug)]
pub(super) struct Unaligned {
    headers: Vec<String>,
    vertical: bool,
    need_recordsep: bool,
    rows: usize,
}

impl Unaligned {
    /// Start a result: the title and header line (psql's start of table).
    pub(super) fn begin<W: Write>(
        out: &mut W,
        columns: &[Column],
        title: Option<&str>,
        s: &PrintSettings,
    ) -> io::Result<Self> {
        let vertical = s.expanded == Expanded::On;
        let mut need_recordsep = false;
        if let (Some(title), false) = (title, s.tuples_only) {
            out.write_all(title.as_bytes())?;
            if vertical {
                need_recordsep = true;
            } else {
                out.write_all(s.recordsep.bytes())?;
            }
        }
        if !vertical && !s.tuples_only {
            for (i, c) in columns.iter().enumerate() {
                if i > 0 {
                    out.write_all(s.fieldsep.bytes())?;
                }
                out.write_all(c.name.as_bytes())?;
            }
            need_recordsep = true;
        }
        Ok(Unaligned {
            headers: columns.iter().map(|c| c.name.clone()).collect(),
            vertical,
            need_recordsep,
            rows: 0,
        })
    }

    pub(super) fn row<W: Write>(
        &mut self,
        out: &mut W,
        row: &dyn TextRow,
        s: &PrintSettings,
    ) -> io::Result<()> {
        self.rows += 1;
        let n = row.len();
        for i in 0..n {
            if self.need_recordsep {
                out.write_all(s.recordsep.bytes())?;
                if self.vertical {
                    // Records are set apart by two record separators in this form.
                    out.write_all(s.recordsep.bytes())?;
                }
                self.need_recordsep = false;
            }
            if self.vertical {
                out.write_all(self.headers[i].as_bytes())?;
                out.write_all(s.fieldsep.bytes())?;
            }
            out.write_all(s.cell(row.get(i)).as_bytes())?;
            if i + 1 < n {
                out.write_all(if self.vertical {
                    s.recordsep.bytes()
                } else {
                    s.fieldsep.bytes()
                })?;
            } else {
                self.need_recordsep = true;
            }
        }
        Ok(())
    }

    /// End the result: the footers (given ones, else `(N rows)` unless `\pset footer
    /// off`; expanded display shows only given ones), and a last newline.
    pub(super) fn finish<W: Write>(
        mut self,
        out: &mut W,
        s: &PrintSettings,
        footers: Option<&[String]>,
    ) -> io::Result<()> {
        if !s.tuples_only {
            if self.vertical {
                if let Some(footers) = footers {
                    out.write_all(s.recordsep.bytes())?;
                    for f in footers {
                        out.write_all(s.recordsep.bytes())?;
                        out.write_all(f.as_bytes())?;
                    }
                }
            } else {
                let default;
                let footers = match footers {
                    Some(f) => Some(f),
                    None if s.footer => {
                        default = [row_count_footer(self.rows)];
                        Some(&default[..])
                    }
                    None => None,
                };
                for f in footers.unwrap_or_default() {
                    if self.need_recordsep {
                        out.write_all(s.recordsep.bytes())?;
                    }
                    out.write_all(f.as_bytes())?;
                    self.need_recordsep = true;
                }
            }
        }
        // The last record ends with a newline whatever the record separator, unless
        // that is a zero byte.
        if self.need_recordsep {
            out.write_all(match s.recordsep {
                super::settings::Separator::Zero => b"\0",
                super::settings::Separator::Text(_) => b"\n",
            })?;
        }
        Ok(())
    }
}
