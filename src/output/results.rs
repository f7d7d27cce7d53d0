//! Renderers for statement results as `psql` prints them: rows arrive as PostgreSQL's
//! text values (`Option<&str>`, `None` = NULL) and are written as they come — CSV
//! byte-identical to `psql --csv`, JSON (one array per result) and NDJSON typed by
//! column type, and psql's aligned table (which alone buffers a result to size its
//! columns, as psql does).

use std::io::{self, Write};

use super::csv_field;

/// A result column: its name and, when the driver knows it, the PostgreSQL type OID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Column name.
    pub name: String,
    /// Type OID (`None` when the driver did not ask for types).
    pub type_oid: Option<u32>,
}

/// One row of text values.
pub trait TextRow {
    /// Number of values.
    fn len(&self) -> usize;
    /// Value `i` as text; `None` is NULL.
    fn get(&self, i: usize) -> Option<&str>;
    /// Whether the row has no values.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl TextRow for Vec<Option<&str>> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn get(&self, i: usize) -> Option<&str> {
        self[i]
    }
}

/// Where a driver sends the results of one statement at a time: `columns` (if the
/// statement returns rows), each `row`, then `complete` with the command tag.
pub trait ResultSink {
    /// Whether the renderer needs type OIDs (drivers may skip fetching them otherwise).
    fn wants_types(&self) -> bool;
    /// The statement returns rows with these columns.
    fn columns(&mut self, columns: &[Column]) -> io::Result<()>;
    /// One row.
    fn row(&mut self, row: &dyn TextRow) -> io::Result<()>;
    /// The statement finished; `tag` is its command tag (`SELECT 3`, `INSERT 0 1`, …).
    fn complete(&mut self, tag: &str) -> io::Result<()>;
    /// Flush buffered output.
    fn flush(&mut self) -> io::Result<()>;
    /// Data of a `COPY … TO STDOUT`, written as the server sends it (as psql does,
    /// whatever the output format).
    fn copy_out(&mut self, data: &[u8]) -> io::Result<()>;
}

/// `-t` and `-q`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// No header, no row-count footer.
    pub tuples_only: bool,
    /// No command tags.
    pub quiet: bool,
}

/// The output formats of `dbiam sql`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// psql's aligned table.
    Aligned,
    /// psql's `--csv`.
    Csv,
    /// One JSON array of objects per result.
    Json,
    /// One JSON object per row, one per line.
    Ndjson,
}

/// A renderer of `kind` writing to `out`.
pub fn sink<'a, W: Write + 'a>(kind: Kind, out: W, opts: Options) -> Box<dyn ResultSink + 'a> {
    match kind {
        Kind::Aligned => Box::new(Aligned::new(out, opts)),
        Kind::Csv => Box::new(Csv::new(out, opts)),
        Kind::Json => Box::new(Json::new(out, opts, false)),
        Kind::Ndjson => Box::new(Json::new(out, opts, true)),
    }
}

/// A sink that drops everything (for the runner's own BEGIN/COMMIT).
#[derive(Debug, Default)]
pub struct Discard;

impl ResultSink for Discard {
    fn wants_types(&self) -> bool {
        false
    }
    fn columns(&mut self, _: &[Column]) -> io::Result<()> {
        Ok(())
    }
    fn row(&mut self, _: &dyn TextRow) -> io::Result<()> {
        Ok(())
    }
    fn complete(&mut self, _: &str) -> io::Result<()> {
        Ok(())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn copy_out(&mut self, _: &[u8]) -> io::Result<()> {
        Ok(())
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

// ---------------------------------------------------------------- CSV

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

// ---------------------------------------------------------------- JSON

const BOOL: u32 = 16;
const INT8: u32 = 20;
const INT2: u32 = 21;
const INT4: u32 = 23;
const OID: u32 = 26;
const JSON: u32 = 114;
const FLOAT4: u32 = 700;
const FLOAT8: u32 = 701;
const MONEY: u32 = 790;
const NUMERIC: u32 = 1700;
const JSONB: u32 = 3802;
const XID: u32 = 28;
const CID: u32 = 29;
const XID8: u32 = 5069;

/// Whether `s` is a JSON number as written (PostgreSQL's numbers are, except NaN/Infinity).
fn is_json_number(s: &str) -> bool {
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

// ---------------------------------------------------------------- aligned

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
        }
    }

    fn render(&mut self) -> io::Result<()> {
        let ncols = self.columns.len();
        if ncols == 0 {
            // As psql: a bare rule, no lines for the rows, the footer.
            if !self.opts.tuples_only {
                let n = self.rows.len();
                writeln!(self.out, "--")?;
                writeln!(self.out, "({n} {})", if n == 1 { "row" } else { "rows" })?;
            }
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
                            .map(|l| super::sanitize(&expand_tabs(l)))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let headers: Vec<Vec<String>> = self
            .columns
            .iter()
            .map(|c| c.name.split('\n').map(super::sanitize).collect())
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
        if !self.opts.tuples_only {
            let n = self.rows.len();
            writeln!(out, "({n} {})", if n == 1 { "row" } else { "rows" })?;
        }
        writeln!(out)
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

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn copy_out(&mut self, data: &[u8]) -> io::Result<()> {
        self.out.write_all(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn col(name: &str, oid: u32) -> Column {
        Column {
            name: name.into(),
            type_oid: Some(oid),
        }
    }

    fn run(
        kind: Kind,
        opts: Options,
        cols: &[Column],
        rows: &[&[Option<&str>]],
        tag: &str,
    ) -> String {
        let mut buf = Vec::new();
        {
            let mut s = sink(kind, &mut buf, opts);
            s.columns(cols).unwrap();
            for r in rows {
                s.row(&r.to_vec()).unwrap();
            }
            s.complete(tag).unwrap();
            s.complete("INSERT 0 3").unwrap();
            s.flush().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn aligned_matches_psql() {
        // Captured from psql 15: select 1 as id, 'alice'::text as name, 2.5::numeric as n
        // union all select 22, 'b', null; then an INSERT.
        let cols = [col("id", INT4), col("name", 25), col("n", NUMERIC)];
        let got = run(
            Kind::Aligned,
            Options::default(),
            &cols,
            &[
                &[Some("1"), Some("alice"), Some("2.5")],
                &[Some("22"), Some("b"), None],
            ],
            "SELECT 2",
        );
        assert_eq!(
            got,
            " id | name  |  n  \n----+-------+-----\n  1 | alice | 2.5\n 22 | b     |    \n(2 rows)\n\nINSERT 0 3\n"
        );
        let cols = [col("ml", 25), col("longheadername", INT4)];
        let got = run(
            Kind::Aligned,
            Options::default(),
            &cols,
            &[&[Some("x\ny"), Some("1")]],
            "SELECT 1",
        );
        assert_eq!(
            got,
            " ml | longheadername \n----+----------------\n x +|              1\n y  | \n(1 row)\n\nINSERT 0 3\n"
        );
    }

    #[test]
    fn csv_and_quiet() {
        let cols = [col("a", INT4), col("b,c", 25)];
        let got = run(
            Kind::Csv,
            Options::default(),
            &cols,
            &[&[Some("1"), None], &[None, Some("x\"y")]],
            "SELECT 2",
        );
        assert_eq!(got, "a,\"b,c\"\n1,\n,\"x\"\"y\"\nINSERT 0 3\n");
        let quiet = Options {
            tuples_only: true,
            quiet: true,
        };
        assert_eq!(
            run(
                Kind::Csv,
                quiet,
                &cols,
                &[&[Some("1"), Some("")]],
                "SELECT 1"
            ),
            "1,\n"
        );
    }

    #[test]
    fn json_is_typed() {
        let cols = [
            col("i", INT8),
            col("f", FLOAT8),
            col("b", BOOL),
            col("j", JSONB),
            col("t", 25),
            col("n", NUMERIC),
        ];
        let got = run(
            Kind::Ndjson,
            Options::default(),
            &cols,
            &[&[
                Some("12345678901234567890"),
                Some("NaN"),
                Some("t"),
                Some("{\"a\": [1]}"),
                Some("x\n"),
                None,
            ]],
            "SELECT 1",
        );
        assert_eq!(
            got,
            "{\"i\":12345678901234567890,\"f\":\"NaN\",\"b\":true,\"j\":{\"a\": [1]},\"t\":\"x\\n\",\"n\":null}\n"
        );
        let got = run(
            Kind::Json,
            Options::default(),
            &[col("x", INT4)],
            &[&[Some("1")], &[Some("-2")]],
            "SELECT 2",
        );
        assert_eq!(got, "[\n  {\"x\":1},\n  {\"x\":-2}\n]\n");
        let got = run(
            Kind::Json,
            Options::default(),
            &[col("x", INT4)],
            &[],
            "SELECT 0",
        );
        assert_eq!(got, "[]\n");
    }

    #[test]
    fn json_numbers() {
        for ok in [
            "0",
            "-1",
            "1.5",
            "1e+100",
            "1.5E-05",
            "123456789012345678901234567890.123",
        ] {
            assert!(is_json_number(ok), "{ok}");
        }
        for bad in [
            "NaN",
            "Infinity",
            "-Infinity",
            "01",
            "1.",
            ".5",
            "",
            "-",
            "1e",
            "$1.00",
        ] {
            assert!(!is_json_number(bad), "{bad}");
        }
    }
}
