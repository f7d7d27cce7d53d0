//! CSV renderer, quoting as `psql --csv` does: a field is quoted when it holds the
//! separator, a double quote, CR or LF, or is exactly `\.`; NULL is an empty field.

use serde_json::Value;
use std::io::{self, Write};

use super::{text, RowWriter};

/// Quote one CSV field as psql does.
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    csv_field_sep(s, ',')
}

/// Quote one CSV field as psql does with the field separator `sep` (its
/// `csv_print_field`: also always when the separator is a backslash or `.`).
pub fn csv_field_sep(s: &str, sep: char) -> std::borrow::Cow<'_, str> {
    if s.contains([sep, '"', '\r', '\n']) || s == "\\." || sep == '\\' || sep == '.' {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}

pub(super) struct CsvWriter<W: Write> {
    out: W,
}

impl<W: Write> CsvWriter<W> {
    pub(super) fn new(out: W) -> Self {
        CsvWriter { out }
    }

    fn line(&mut self, fields: impl Iterator<Item = String>) -> io::Result<()> {
        let mut first = true;
        for f in fields {
            if !first {
                self.out.write_all(b",")?;
            }
            first = false;
            self.out.write_all(csv_field(&f).as_bytes())?;
        }
        self.out.write_all(b"\n")
    }
}

impl<W: Write> RowWriter for CsvWriter<W> {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        self.line(columns.iter().cloned())
    }

    fn row(&mut self, values: &[Value]) -> io::Result<()> {
        self.line(values.iter().map(text))
    }

    fn end(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quotes_like_psql() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("\\."), "\"\\.\"");
    }

    #[test]
    fn writes_header_and_rows() {
        let mut buf = Vec::new();
        {
            let mut w = CsvWriter::new(&mut buf);
            w.begin(&["a".into(), "b".into()]).unwrap();
            w.row(&[json!(1), Value::Null]).unwrap();
            w.end().unwrap();
        }
        assert_eq!(String::from_utf8(buf).unwrap(), "a,b\n1,\n");
    }
}
