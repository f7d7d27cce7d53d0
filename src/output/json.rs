//! JSON renderers: an array of objects streamed as rows arrive, or one object per line.

use serde_json::{Map, Value};
use std::io::{self, Write};

use super::RowWriter;

pub(super) struct JsonWriter<W: Write> {
    out: W,
    ndjson: bool,
    columns: Vec<String>,
    rows: usize,
}

impl<W: Write> JsonWriter<W> {
    pub(super) fn new(out: W, ndjson: bool) -> Self {
        JsonWriter {
            out,
            ndjson,
            columns: Vec::new(),
            rows: 0,
        }
    }
}

impl<W: Write> RowWriter for JsonWriter<W> {
    fn begin(&mut self, columns: &[String]) -> io::Result<()> {
        self.columns = columns.to_vec();
        if !self.ndjson {
            self.out.write_all(b"[")?;
        }
        Ok(())
    }

    fn row(&mut self, values: &[Value]) -> io::Result<()> {
        let obj: Map<String, Value> = self
            .columns
            .iter()
            .cloned()
            .zip(values.iter().cloned())
            .collect();
        if !self.ndjson {
            self.out
                .write_all(if self.rows == 0 { b"\n  " } else { b",\n  " })?;
        }
        serde_json::to_writer(&mut self.out, &Value::Object(obj))?;
        if self.ndjson {
            self.out.write_all(b"\n")?;
        }
        self.rows += 1;
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        if !self.ndjson {
            self.out
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(ndjson: bool, rows: &[Vec<Value>]) -> String {
        let mut buf = Vec::new();
        {
            let mut w = JsonWriter::new(&mut buf, ndjson);
            w.begin(&["b".into(), "a".into()]).unwrap();
            for r in rows {
                w.row(r).unwrap();
            }
            w.end().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn json_array_keeps_column_order_and_parses() {
        let s = render(
            false,
            &[vec![json!(1), json!("x")], vec![Value::Null, json!(true)]],
        );
        let v: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v, json!([{"b":1,"a":"x"},{"b":null,"a":true}]));
        assert!(s.find("\"b\"").unwrap() < s.find("\"a\"").unwrap());
        assert_eq!(render(false, &[]), "[]\n");
    }

    #[test]
    fn ndjson_is_one_object_per_line() {
        let s = render(
            true,
            &[vec![json!(1), json!("x")], vec![json!(2), json!("y")]],
        );
        assert_eq!(s, "{\"b\":1,\"a\":\"x\"}\n{\"b\":2,\"a\":\"y\"}\n");
    }
}
