//! The one output layer: every subcommand hands records or row streams to it, and it
//! renders them as a table for people, or JSON, NDJSON or CSV for machines.
//!
//! Colour is decided once ([`ColorChoice::resolve`]); table cells are sanitised so a
//! value from a database or an AWS API cannot send control sequences to the terminal.

mod csv;
mod json;
mod objects;
pub mod progress;
pub mod results;
mod table;

use serde_json::Value;
use std::io::{self, IsTerminal, Write};

pub use self::csv::{csv_field, csv_field_sep};
pub use self::objects::ObjectWriter;
pub use self::table::sanitize;

/// `--output`: how results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned table for people.
    Table,
    /// One JSON document (an object, or an array of objects).
    Json,
    /// One JSON object per line.
    Ndjson,
    /// Comma-separated values with a header line.
    Csv,
    /// `dbiam token` only: the connection as libpq keywords in one JSON object (host,
    /// port, user, dbname, password, sslmode, sslrootcert), as Postico's pre-connect
    /// script and other password helpers read it. Other commands print JSON.
    #[value(name = "libpq-json")]
    LibpqJson,
    /// psql's unaligned text (`dbiam sql -A`, `\pset format unaligned`): values joined by
    /// the field separator. Statement results only; not an `--output` value (records
    /// and lists print it as a table).
    #[value(skip)]
    Unaligned,
}

impl Format {
    /// A `\pset format` value, whole (`aligned` and `table` both name the table;
    /// `sql::print_meta` also takes psql's abbreviations).
    pub fn from_pset(s: &str) -> Option<Self> {
        match s {
            "table" | "aligned" => Some(Format::Table),
            "unaligned" => Some(Format::Unaligned),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "ndjson" => Some(Format::Ndjson),
            _ => None,
        }
    }

    /// The name `\pset` shows (psql's `aligned` for the table).
    pub fn pset_name(self) -> &'static str {
        match self {
            Format::Table => "aligned",
            Format::Unaligned => "unaligned",
            Format::Csv => "csv",
            Format::Json | Format::LibpqJson => "json",
            Format::Ndjson => "ndjson",
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Decide once whether to colour: the flag, then `NO_COLOR`, then whether stdout is a terminal.
    pub fn resolve(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && io::stdout().is_terminal()
            }
        }
    }
}

/// Resolved output settings shared by every subcommand.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    /// The format to print in.
    pub format: Format,
    /// Whether to use colour (tables only).
    pub color: bool,
}

/// A sink for a stream of rows with fixed columns. Rows are written as they come
/// (the table renderer alone must see every row before it can align them).
pub trait RowWriter {
    /// Column names, once, before any row.
    fn begin(&mut self, columns: &[String]) -> io::Result<()>;
    /// One row, values in column order.
    fn row(&mut self, values: &[Value]) -> io::Result<()>;
    /// After the last row.
    fn end(&mut self) -> io::Result<()>;
}

impl Output {
    /// Settings with the given format.
    pub fn new(format: Format, color: bool) -> Self {
        Output { format, color }
    }

    /// A row writer for this format, writing to `out`.
    pub fn rows<'a, W: Write + 'a>(&self, out: W) -> Box<dyn RowWriter + 'a> {
        match self.format {
            Format::Table | Format::Unaligned => Box::new(table::TableWriter::new(out, self.color)),
            Format::Json | Format::LibpqJson => Box::new(json::JsonWriter::new(out, false)),
            Format::Ndjson => Box::new(json::JsonWriter::new(out, true)),
            Format::Csv => Box::new(csv::CsvWriter::new(out)),
        }
    }

    /// Print a single record (a list of named fields): a two-column table for people,
    /// one JSON object for machines.
    pub fn record<W: Write>(&self, mut out: W, fields: &[(&str, Value)]) -> io::Result<()> {
        match self.format {
            Format::Table | Format::Unaligned => table::write_record(&mut out, fields, self.color),
            Format::Json | Format::LibpqJson => {
                let obj = object(fields);
                serde_json::to_writer_pretty(&mut out, &obj)?;
                writeln!(out)
            }
            Format::Ndjson => {
                serde_json::to_writer(&mut out, &object(fields))?;
                writeln!(out)
            }
            Format::Csv => {
                let cols: Vec<String> = fields.iter().map(|(k, _)| k.to_string()).collect();
                let vals: Vec<Value> = fields.iter().map(|(_, v)| v.clone()).collect();
                let mut w = csv::CsvWriter::new(&mut out);
                w.begin(&cols)?;
                w.row(&vals)?;
                w.end()
            }
        }
    }

    /// Print a list of objects that share the given columns.
    pub fn list<W: Write>(&self, out: W, columns: &[&str], rows: &[Vec<Value>]) -> io::Result<()> {
        let cols: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        let mut w = self.rows(out);
        w.begin(&cols)?;
        for r in rows {
            w.row(r)?;
        }
        w.end()
    }
}

/// An instant as RFC 3339 text (`2026-11-30T04:29:53Z`): the one way dbiam writes times.
pub fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// A span of seconds for people: `1h 2m 3s`, `4m 5s`, `6s` (sign ignored).
pub fn human_duration(secs: i64) -> String {
    let a = secs.unsigned_abs();
    let (h, m, s) = (a / 3600, a % 3600 / 60, a % 60);
    if h > 0 {
        format!("{h}h {m}m {s}s")
    } else if m > 0 {
        format!("{m}m {s}s")
    } else {
        format!("{s}s")
    }
}

/// Build a JSON object from named fields, keeping their order.
pub fn object(fields: &[(&str, Value)]) -> Value {
    Value::Object(
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    )
}

/// How a value reads as plain text: strings as they are, null as empty, other JSON compact.
pub fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}
