//! The table renderer for people: aligned columns, bold headers when colour is on,
//! control characters made visible.

use comfy_table::{
    Attribute, Cell, ContentArrangement, ContentLineStyle, LineStyle, Table, TableStyle,
};
use serde_json::Value;
use std::io::{self, Write};

use super::{text, RowWriter};

/// Make control characters visible (`\x1b` → `\u{1b}`) so values cannot drive the terminal.
pub fn sanitize(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// psql's aligned look: ` a | b `, a `---+---` line under the header, no borders.
const PSQL_STYLE: TableStyle = TableStyle::new()
    .header_lines(ContentLineStyle::none().junction('|'))
    .header_separator(LineStyle::none().fill('-').junction('+'))
    .content_lines(ContentLineStyle::none().junction('|'));

fn new_table(color: bool) -> Table {
    let mut t = Table::new();
    t.load_style(PSQL_STYLE)
        .set_content_arrangement(ContentArrangement::Disabled);
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

fn header_cell(name: &str, color: bool) -> Cell {
    let c = Cell::new(sanitize(name));
    if color {
        c.add_attribute(Attribute::Bold)
    } else {
        c
    }
}

pub(super) struct TableWriter<W: Write> {
    out: W,
    color: bool,
    table: Table,
    rows: usize,
}

impl<W: Write> TableWriter<W> {
    pub(super) fn new(out: W, color: bool) -> Self {
        TableWriter {
            out,
            color,
            table: new_table(color),
            rows: 0,
        }
    }
}

impl<W: Write> RowWriter for TableWriter<W> {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        let color = self.color;
        self.table
            .set_header(columns.iter().map(|c| header_cell(c, color)));
        Ok(())
    }

    fn row(&mut self, values: &[Value]) -> io::Result<()> {
        self.table
            .add_row(values.iter().map(|v| Cell::new(sanitize(&text(v)))));
        self.rows += 1;
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        if self.rows > 0 {
            writeln!(self.out, "{}", self.table)?;
        }
        writeln!(
            self.out,
            "({} {})",
            self.rows,
            if self.rows == 1 { "row" } else { "rows" }
        )?;
        self.out.flush()
    }
}

pub(super) fn write_record<W: Write>(
    out: &mut W,
    fields: &[(&str, Value)],
    color: bool,
) -> io::Result<()> {
    let width = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in fields {
        let value = sanitize(&text(v));
        if color {
            writeln!(out, "\x1b[1m{k:<width$}\x1b[0m  {value}")?;
        } else {
            writeln!(out, "{k:<width$}  {value}")?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sanitizes_escape_sequences() {
        assert_eq!(sanitize("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("plain\ttext"), "plain\ttext");
    }

    #[test]
    fn table_has_header_rows_and_count() {
        let mut buf = Vec::new();
        {
            let mut w = TableWriter::new(&mut buf, false);
            w.begin(&["id".into(), "name".into()]).unwrap();
            w.row(&[json!(1), json!("x")]).unwrap();
            w.row(&[json!(22), Value::Null]).unwrap();
            w.end().unwrap();
        }
        let s = String::from_utf8(buf).unwrap();
        assert!(s.contains("id"), "{s}");
        assert!(s.contains("22"), "{s}");
        assert!(s.ends_with("(2 rows)\n"), "{s}");
        assert!(!s.contains('\x1b'));
    }

    #[test]
    fn record_aligns_keys() {
        let mut buf = Vec::new();
        write_record(&mut buf, &[("a", json!("1")), ("long", json!(true))], false).unwrap();
        assert_eq!(String::from_utf8(buf).unwrap(), "a     1\nlong  true\n");
    }
}
