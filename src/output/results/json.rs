//! JSON (one array of objects per result) and NDJSON (one object per line) for statement
//! results, values typed by the column's PostgreSQL type.

use std::io::{self, Write};

use super::oid::*;
use super::{Column, TextRow};

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

/// One result being written: JSON (an array of objects) or NDJSON (an object per line).
#[derive(Debug)]
pub(super) struct Json {
    lines: bool,
    columns: Vec<Column>,
    keys: Vec<String>,
    rows: u64,
}

impl Json {
    /// Start a result; `lines` for NDJSON.
    pub(super) fn begin<W: Write>(
        out: &mut W,
        columns: &[Column],
        lines: bool,
    ) -> io::Result<Self> {
        if !lines {
            out.write_all(b"[")?;
        }
        Ok(Json {
            lines,
            columns: columns.to_vec(),
            keys: columns
                .iter()
                .map(|c| serde_json::to_string(&c.name).unwrap_or_default())
                .collect(),
            rows: 0,
        })
    }

    pub(super) fn row<W: Write>(&mut self, out: &mut W, row: &dyn TextRow) -> io::Result<()> {
        if !self.lines {
            out.write_all(if self.rows == 0 { b"\n  " } else { b",\n  " })?;
        }
        self.rows += 1;
        out.write_all(b"{")?;
        for i in 0..row.len() {
            if i > 0 {
                out.write_all(b",")?;
            }
            out.write_all(self.keys[i].as_bytes())?;
            out.write_all(b":")?;
            write_json_value(out, self.columns[i].type_oid, row.get(i))?;
        }
        out.write_all(b"}")?;
        if self.lines {
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    pub(super) fn finish<W: Write>(self, out: &mut W) -> io::Result<()> {
        if !self.lines {
            out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}
