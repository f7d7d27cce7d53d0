//! Renderers for statement results as `psql` prints them, one per file: rows arrive as
//! PostgreSQL's text values (`Option<&str>`, `None` = NULL). The [`Printer`] sink routes
//! each result to the renderer its [`PrintSettings`] choose: psql's aligned table (which
//! alone buffers a result to size its columns, as psql does) and unaligned text, CSV
//! byte-identical to `psql --csv`, and JSON (one array per result) and NDJSON typed by
//! column type. The others write rows as they come.

mod aligned;
mod csv;
mod json;
mod settings;
mod unaligned;

use std::io::{self, Write};

use super::Format;

/// PostgreSQL type OIDs the renderers treat specially.
mod oid {
    pub const BOOL: u32 = 16;
    pub const INT8: u32 = 20;
    pub const INT2: u32 = 21;
    pub const INT4: u32 = 23;
    pub const OID: u32 = 26;
    pub const JSON: u32 = 114;
    pub const FLOAT4: u32 = 700;
    pub const FLOAT8: u32 = 701;
    pub const MONEY: u32 = 790;
    pub const NUMERIC: u32 = 1700;
    pub const JSONB: u32 = 3802;
    pub const XID: u32 = 28;
    pub const CID: u32 = 29;
    pub const XID8: u32 = 5069;
}

pub use self::json::write_json_value;
pub use self::settings::{Expanded, PrintSettings, Separator};

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
    fn wants_types(&self) -> bool {
        false
    }
    /// The statement returns rows with these columns.
    fn columns(&mut self, columns: &[Column]) -> io::Result<()> {
        let _ = columns;
        Ok(())
    }
    /// One row.
    fn row(&mut self, row: &dyn TextRow) -> io::Result<()> {
        let _ = row;
        Ok(())
    }
    /// The statement finished; `tag` is its command tag (`SELECT 3`, `INSERT 0 1`, …).
    fn complete(&mut self, tag: &str) -> io::Result<()> {
        let _ = tag;
        Ok(())
    }
    /// Flush buffered output.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Data of a `COPY … TO STDOUT`, written as the server sends it (as psql does,
    /// whatever the output format). Dropped by default.
    fn copy_out(&mut self, data: &[u8]) -> io::Result<()> {
        let _ = data;
        Ok(())
    }
    /// A title printed above the next result (psql's `\pset title`, or a describe command's
    /// "List of relations"). Called before `columns`. Ignored by default (psql's CSV prints none).
    fn title(&mut self, _title: &str) -> io::Result<()> {
        Ok(())
    }
    /// Footer lines printed after the rows of the current result, instead of the row count
    /// (describe's "Indexes:" block). Called before `complete`. Ignored by default.
    fn footers(&mut self, _lines: &[String]) -> io::Result<()> {
        Ok(())
    }
    /// The print settings (`\pset`) of a sink that prints results, for the commands that
    /// change them; `None` for sinks that do not print (collectors, discards).
    fn print_settings(&mut self) -> Option<&mut PrintSettings> {
        None
    }
}

/// The result being printed, in the renderer the settings chose when it began.
#[derive(Debug, Default)]
enum Current {
    /// Between results.
    #[default]
    Idle,
    Aligned(aligned::Table),
    Unaligned(unaligned::Unaligned),
    Csv(csv::Csv),
    Json(json::Json),
}

/// The sink that prints statement results as its [`PrintSettings`] say, writing to `out`.
/// Settings may change between results (`\pset`); a result in progress keeps the
/// renderer it began with.
pub struct Printer<W: Write> {
    out: W,
    settings: PrintSettings,
    title: Option<String>,
    footers: Option<Vec<String>>,
    current: Current,
}

impl<W: Write> Printer<W> {
    /// A printer with these settings.
    pub fn new(out: W, settings: PrintSettings) -> Self {
        Printer {
            out,
            settings,
            title: None,
            footers: None,
            current: Current::Idle,
        }
    }

    /// The settings.
    pub fn settings(&self) -> &PrintSettings {
        &self.settings
    }
}

impl<W: Write> ResultSink for Printer<W> {
    fn wants_types(&self) -> bool {
        // Alignment (aligned) and JSON typing need them; CSV and unaligned do not.
        !matches!(self.settings.format, Format::Csv | Format::Unaligned)
    }

    fn title(&mut self, title: &str) -> io::Result<()> {
        self.title = Some(title.to_owned());
        Ok(())
    }

    fn footers(&mut self, lines: &[String]) -> io::Result<()> {
        self.footers = Some(lines.to_vec());
        Ok(())
    }

    fn columns(&mut self, columns: &[Column]) -> io::Result<()> {
        let s = &self.settings;
        let title = self.title.take().or_else(|| s.title.clone());
        let out = &mut self.out;
        self.current = match s.format {
            Format::Table => Current::Aligned(aligned::Table::new(columns, title)),
            Format::Unaligned => Current::Unaligned(unaligned::Unaligned::begin(
                out,
                columns,
                title.as_deref(),
                s,
            )?),
            Format::Csv => Current::Csv(csv::Csv::begin(out, columns, s)?),
            Format::Json | Format::LibpqJson => {
                Current::Json(json::Json::begin(out, columns, false)?)
            }
            Format::Ndjson => Current::Json(json::Json::begin(out, columns, true)?),
        };
        Ok(())
    }

    fn row(&mut self, row: &dyn TextRow) -> io::Result<()> {
        let (out, s) = (&mut self.out, &self.settings);
        match &mut self.current {
            Current::Idle => Ok(()),
            Current::Aligned(t) => {
                t.row(
                    (0..row.len())
                        .map(|i| row.get(i).map(str::to_owned))
                        .collect(),
                );
                Ok(())
            }
            Current::Unaligned(u) => u.row(out, row, s),
            Current::Csv(c) => c.row(out, row, s),
            Current::Json(j) => j.row(out, row),
        }
    }

    fn complete(&mut self, tag: &str) -> io::Result<()> {
        let footers = self.footers.take();
        self.title = None;
        let (out, s) = (&mut self.out, &self.settings);
        match std::mem::take(&mut self.current) {
            Current::Idle => {
                // JSON prints results only; the text formats print other commands' tags.
                let json = matches!(s.format, Format::Json | Format::LibpqJson | Format::Ndjson);
                if !json && !s.quiet && !tag.is_empty() {
                    writeln!(out, "{tag}")?;
                }
                Ok(())
            }
            Current::Aligned(t) => t.finish(out, s, footers.as_deref()),
            Current::Unaligned(u) => u.finish(out, s, footers.as_deref()),
            Current::Csv(_) => Ok(()),
            Current::Json(j) => j.finish(out),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn copy_out(&mut self, data: &[u8]) -> io::Result<()> {
        self.out.write_all(data)
    }

    fn print_settings(&mut self) -> Option<&mut PrintSettings> {
        Some(&mut self.settings)
    }
}

/// A sink that drops everything (for the runner's own BEGIN/COMMIT).
#[derive(Debug, Default)]
pub struct Discard;

impl ResultSink for Discard {}

#[cfg(test)]
mod tests {
    use super::oid::*;
    use super::*;

    fn col(name: &str, oid: u32) -> Column {
        Column {
            name: name.into(),
            type_oid: Some(oid),
        }
    }

    fn print(
        settings: &PrintSettings,
        cols: &[Column],
        rows: &[&[Option<&str>]],
        tag: &str,
        title: Option<&str>,
        footers: Option<&[String]>,
    ) -> String {
        let mut buf = Vec::new();
        {
            let mut s = Printer::new(&mut buf, settings.clone());
            if let Some(t) = title {
                s.title(t).unwrap();
            }
            s.columns(cols).unwrap();
            for r in rows {
                s.row(&r.to_vec()).unwrap();
            }
            if let Some(f) = footers {
                s.footers(f).unwrap();
            }
            s.complete(tag).unwrap();
            s.complete("INSERT 0 3").unwrap();
            s.flush().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    fn run(
        kind: Format,
        opts: PrintSettings,
        cols: &[Column],
        rows: &[&[Option<&str>]],
        tag: &str,
    ) -> String {
        let settings = PrintSettings {
            format: kind,
            ..opts
        };
        print(&settings, cols, rows, tag, None, None)
    }

    /// Captured from psql 15: `create table t(a int primary key, b text); \d t` (the
    /// describe commands' title and footers), in each format.
    #[test]
    fn titles_and_footers_as_psql_prints_describe_output() {
        let cols: Vec<Column> = ["Column", "Type", "Collation", "Nullable", "Default"]
            .iter()
            .map(|n| col(n, 25))
            .collect();
        let rows: &[&[Option<&str>]] = &[
            &[
                Some("a"),
                Some("integer"),
                Some(""),
                Some("not null"),
                Some(""),
            ],
            &[Some("b"), Some("text"), Some(""), Some(""), Some("")],
        ];
        let footers = vec![
            "Indexes:".to_owned(),
            "    \"t_pkey\" PRIMARY KEY, btree (a)".to_owned(),
        ];
        let title = Some("Table \"public.t\"");
        let mut s = PrintSettings::default();
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", title, Some(&footers)),
            concat!(
                "                 Table \"public.t\"\n",
                " Column |  Type   | Collation | Nullable | Default \n",
                "--------+---------+-----------+----------+---------\n",
                " a      | integer |           | not null | \n",
                " b      | text    |           |          | \n",
                "Indexes:\n",
                "    \"t_pkey\" PRIMARY KEY, btree (a)\n",
                "\n",
                "INSERT 0 3\n"
            )
        );
        s.border = 2;
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", title, Some(&footers)),
            concat!(
                "                  Table \"public.t\"\n",
                "+--------+---------+-----------+----------+---------+\n",
                "| Column |  Type   | Collation | Nullable | Default |\n",
                "+--------+---------+-----------+----------+---------+\n",
                "| a      | integer |           | not null |         |\n",
                "| b      | text    |           |          |         |\n",
                "+--------+---------+-----------+----------+---------+\n",
                "Indexes:\n",
                "    \"t_pkey\" PRIMARY KEY, btree (a)\n",
                "\n",
                "INSERT 0 3\n"
            )
        );
        s.format = Format::Unaligned;
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", title, Some(&footers)),
            concat!(
                "Table \"public.t\"\n",
                "Column|Type|Collation|Nullable|Default\n",
                "a|integer||not null|\n",
                "b|text|||\n",
                "Indexes:\n",
                "    \"t_pkey\" PRIMARY KEY, btree (a)\n",
                "INSERT 0 3\n"
            )
        );
        s.format = Format::Csv;
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", title, Some(&footers)),
            "Column,Type,Collation,Nullable,Default\na,integer,,not null,\nb,text,,,\nINSERT 0 3\n"
        );
        // A title given to one result does not stay for the next.
        s.format = Format::Table;
        s.border = 1;
        let next = print(
            &s,
            &[col("x", INT4)],
            &[&[Some("1")]],
            "SELECT 1",
            None,
            None,
        );
        assert_eq!(next, " x \n---\n 1\n(1 row)\n\nINSERT 0 3\n");
    }

    /// Captured from psql 15 (`\x` with borders 0, 1, 2 and tuples only).
    #[test]
    fn expanded_matches_psql() {
        let cols = [col("a", INT4), col("long header", 25)];
        let rows: &[&[Option<&str>]] =
            &[&[Some("1"), Some("x")], &[Some("22"), Some("multi\nline")]];
        let mut s = PrintSettings {
            expanded: Expanded::On,
            ..PrintSettings::default()
        };
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", None, None),
            "-[ RECORD 1 ]------\na           | 1\nlong header | x\n-[ RECORD 2 ]------\na           | 22\nlong header | multi+\n            | line\n\nINSERT 0 3\n"
        );
        s.border = 0;
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", None, None),
            "* Record 1      \na           1\nlong header x\n* Record 2      \na           22\nlong header multi+\n            line\n\nINSERT 0 3\n"
        );
        s.border = 2;
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", None, None),
            "+-[ RECORD 1 ]+-------+\n| a           | 1     |\n| long header | x     |\n+-[ RECORD 2 ]+-------+\n| a           | 22    |\n| long header | multi+|\n|             | line  |\n+-------------+-------+\n\nINSERT 0 3\n"
        );
        s.tuples_only = true;
        s.border = 1;
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", None, None),
            "a           | 1\nlong header | x\n------------+------\na           | 22\nlong header | multi+\n            | line\n\nINSERT 0 3\n"
        );
        s.tuples_only = false;
        assert_eq!(
            print(&s, &cols, &[], "SELECT 0", Some("T"), None),
            "(0 rows)\n\nINSERT 0 3\n"
        );
    }

    /// Captured from psql 15 (`\pset border 0` and `2`, a title, `\pset null`).
    #[test]
    fn borders_titles_and_null_match_psql() {
        let cols = [col("a", INT4), col("long header", 25), col("c", 25)];
        let rows: &[&[Option<&str>]] = &[
            &[Some("1"), Some("x"), None],
            &[Some("22"), Some("multi\nline"), Some("zz")],
        ];
        let mut s = PrintSettings {
            border: 0,
            ..PrintSettings::default()
        };
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", None, None),
            "a  long header c  \n-- ----------- --\n 1 x           \n22 multi      +zz\n   line        \n(2 rows)\n\nINSERT 0 3\n"
        );
        s.border = 2;
        s.title = Some("T".into());
        s.null = "-".into();
        assert_eq!(
            print(&s, &cols, rows, "SELECT 2", None, None),
            "            T\n+----+-------------+----+\n| a  | long header | c  |\n+----+-------------+----+\n|  1 | x           | -  |\n| 22 | multi      +| zz |\n|    | line        |    |\n+----+-------------+----+\n(2 rows)\n\nINSERT 0 3\n"
        );
        s.format = Format::Json;
        assert_eq!(
            print(&s, &cols[..1], &[&[None]], "SELECT 1", None, None),
            "[\n  {\"a\":null}\n]\n"
        );
    }

    #[test]
    fn aligned_matches_psql() {
        // Captured from psql 15: select 1 as id, 'alice'::text as name, 2.5::numeric as n
        // union all select 22, 'b', null; then an INSERT.
        let cols = [col("id", INT4), col("name", 25), col("n", NUMERIC)];
        let got = run(
            Format::Table,
            PrintSettings::default(),
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
            Format::Table,
            PrintSettings::default(),
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
            Format::Csv,
            PrintSettings::default(),
            &cols,
            &[&[Some("1"), None], &[None, Some("x\"y")]],
            "SELECT 2",
        );
        assert_eq!(got, "a,\"b,c\"\n1,\n,\"x\"\"y\"\nINSERT 0 3\n");
        let quiet = PrintSettings {
            tuples_only: true,
            quiet: true,
            ..PrintSettings::default()
        };
        assert_eq!(
            run(
                Format::Csv,
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
            Format::Ndjson,
            PrintSettings::default(),
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
            Format::Json,
            PrintSettings::default(),
            &[col("x", INT4)],
            &[&[Some("1")], &[Some("-2")]],
            "SELECT 2",
        );
        assert_eq!(got, "[\n  {\"x\":1},\n  {\"x\":-2}\n]\n");
        let got = run(
            Format::Json,
            PrintSettings::default(),
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
            assert!(json::is_json_number(ok), "{ok}");
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
            assert!(!json::is_json_number(bad), "{bad}");
        }
    }
}
