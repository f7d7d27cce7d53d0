//! JSON (one array of objects per result) and NDJSON (one object per line) for statement
//! results, values typed by the column's PostgreSQL type.

use std::io::{self, Write};

use super::oid::*;
use super::{Column, Options, ResultSink, TextRow};

/// Whether `s` is a JSON number as written (PostgreSQL's numbers are, except NaN/Infinity).
pub(super) fn is_json_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if b.first() == Some(&b'-') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    let int_start = i;
    if !digits(&mut i) || (b[int_start] == b'0' && i - int_start > 1) {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

/// Write one text value as JSON according to its column type.
pub fn write_json_value<W: Write>(
    out: &mut W,
    oid: Option<u32>,
    v: Option<&str>,
) -> io::Result<()> {
    let Some(v) = v else {
        return out.write_all(b"null");
    };
    match oid {
        Some(BOOL) if v == "t" => out.write_all(b"true"),
        Some(BOOL) if v == "f" => out.write_all(b"false"),
        Some(INT2 | INT4 | INT8 | OID | FLOAT4 | FLOAT8 | NUMERIC | XID | CID | XID8)
            if is_json_number(v) =>
        {
            out.write_all(v.as_bytes())
        }
        Some(JSON | JSONB) if serde_json::from_str::<serde::de::IgnoredAny>(v).is_ok() => {
            out.write_all(v.as_bytes())
        }
        _ => serde_json::to_writer(&mut *out, v).map_err(io::Error::other),
    }
}

/// JSON (an array of objects per result) or NDJSON (an object per line).
pub struct Json<W: Write> {
    out: W,
    lines: bool,
    columns: Vec<Column>,
    keys: Vec<String>,
    rows: u64,
    in_result: bool,
}

impl<W: Write> Json<W> {
    /// A JSON renderer; `lines` for NDJSON.
    pub fn new(out: W, _opts: Options, lines: bool) -> Self {
        Json {
            out,
            lines,
            columns: Vec::new(),
            keys: Vec::new(),
            rows: 0,
            in_result: false,
        }
    }
}

impl<W: Write> ResultSink for Json<W> {
    fn wants_types(&self) -> bool {
        true
    }

    fn columns(&mut self, columns: &[Column]) -> io::Result<()> {
        self.columns = columns.to_vec();
        self.keys = columns
            .iter()
            .map(|c| serde_json::to_string(&c.name).unwrap_or_default())
            .collect();
        self.rows = 0;
        self.in_result = true;
        if !self.lines {
            self.out.write_all(b"[")?;
        }
        Ok(())
    }

    fn row(&mut self, row: &dyn TextRow) -> io::Result<()> {
        if !self.lines {
            self.out
                .write_all(if self.rows == 0 { b"\n  " } else { b",\n  " })?;
        }
        self.rows += 1;
        self.out.write_all(b"{")?;
        for i in 0..row.len() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            self.out.write_all(self.keys[i].as_bytes())?;
            self.out.write_all(b":")?;
            write_json_value(&mut self.out, self.columns[i].type_oid, row.get(i))?;
        }
        self.out.write_all(b"}")?;
        if self.lines {
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn complete(&mut self, _tag: &str) -> io::Result<()> {
        if std::mem::take(&mut self.in_result) && !self.lines {
            self.out
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
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
