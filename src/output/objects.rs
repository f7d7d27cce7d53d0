//! Streams of JSON objects whose keys vary from one object to the next (DynamoDB items,
//! documents): JSON and NDJSON write each object as it comes; the table and CSV renderers
//! need fixed columns, so they collect the objects and use the union of their keys (in the
//! order first seen) as columns, a missing key being an empty cell.

use serde_json::{Map, Value};
use std::io::{self, Write};

use super::{Format, Output, RowWriter};

/// A sink for a stream of JSON objects with varying keys.
pub trait ObjectWriter {
    /// One object.
    fn object(&mut self, obj: Map<String, Value>) -> io::Result<()>;
    /// Push what was written so far to the output (streaming formats; a no-op for the
    /// collecting ones). Call it between batches, e.g. after each page of results.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// After the last object.
    fn end(&mut self) -> io::Result<()>;
}

/// JSON (an array) or NDJSON (one object per line), written as objects arrive.
struct Streaming<W: Write> {
    out: W,
    ndjson: bool,
    count: usize,
}

impl<W: Write> ObjectWriter for Streaming<W> {
    fn object(&mut self, obj: Map<String, Value>) -> io::Result<()> {
        if self.ndjson {
            serde_json::to_writer(&mut self.out, &obj)?;
            self.out.write_all(b"\n")?;
        } else {
            self.out
                .write_all(if self.count == 0 { b"[\n  " } else { b",\n  " })?;
            serde_json::to_writer(&mut self.out, &obj)?;
        }
        self.count += 1;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn end(&mut self) -> io::Result<()> {
        if !self.ndjson {
            self.out
                .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// Table or CSV: everything is collected, then written with the union of keys as columns.
struct Collecting<'a> {
    rows: Box<dyn RowWriter + 'a>,
    objects: Vec<Map<String, Value>>,
}

impl ObjectWriter for Collecting<'_> {
    fn object(&mut self, obj: Map<String, Value>) -> io::Result<()> {
        self.objects.push(obj);
        Ok(())
    }

    fn end(&mut self) -> io::Result<()> {
        let mut columns: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for o in &self.objects {
            for k in o.keys() {
                if seen.insert(k.as_str()) {
                    columns.push(k.clone());
                }
            }
        }
        self.rows.begin(&columns)?;
        for o in self.objects.drain(..) {
            let values: Vec<Value> = columns
                .iter()
                .map(|c| o.get(c).cloned().unwrap_or(Value::Null))
                .collect();
            self.rows.row(&values)?;
        }
        self.rows.end()
    }
}

impl Output {
    /// A writer for a stream of objects with varying keys, writing to `out`.
    pub fn objects<'a, W: Write + 'a>(&self, out: W) -> Box<dyn ObjectWriter + 'a> {
        match self.format {
            Format::Json | Format::LibpqJson | Format::Ndjson => Box::new(Streaming {
                out,
                ndjson: self.format == Format::Ndjson,
                count: 0,
            }),
            Format::Table | Format::Unaligned | Format::Csv => Box::new(Collecting {
                rows: self.rows(out),
                objects: Vec::new(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(format: Format, objects: &[Value]) -> String {
        let mut buf = Vec::new();
        {
            let mut w = Output::new(format, false).objects(&mut buf);
            for o in objects {
                w.object(o.as_object().unwrap().clone()).unwrap();
            }
            w.end().unwrap();
        }
        String::from_utf8(buf).unwrap()
    }

    fn sample() -> Vec<Value> {
        vec![json!({"pk":"a","x":1}), json!({"pk":"b","y":{"z":[1]}})]
    }

    #[test]
    fn ndjson_writes_each_object_whole() {
        assert_eq!(
            render(Format::Ndjson, &sample()),
            "{\"pk\":\"a\",\"x\":1}\n{\"pk\":\"b\",\"y\":{\"z\":[1]}}\n"
        );
        assert_eq!(render(Format::Ndjson, &[]), "");
    }

    #[test]
    fn json_is_one_array() {
        let s = render(Format::Json, &sample());
        assert_eq!(serde_json::from_str::<Value>(&s).unwrap(), json!(sample()));
        assert_eq!(render(Format::Json, &[]), "[]\n");
    }

    #[test]
    fn csv_uses_the_union_of_keys_in_first_seen_order() {
        assert_eq!(
            render(Format::Csv, &sample()),
            "pk,x,y\na,1,\nb,,\"{\"\"z\"\":[1]}\"\n"
        );
    }

    #[test]
    fn flush_pushes_streamed_objects_out() {
        let mut sink = std::io::BufWriter::new(Vec::new());
        {
            let mut w = Output::new(Format::Ndjson, false).objects(&mut sink);
            w.object(json!({"a":1}).as_object().unwrap().clone())
                .unwrap();
            w.flush().unwrap();
        }
        assert_eq!(sink.buffer(), b"");
        assert_eq!(sink.get_ref(), b"{\"a\":1}\n");
    }

    #[test]
    fn table_counts_rows() {
        let s = render(Format::Table, &sample());
        assert!(s.contains(" pk "), "{s}");
        assert!(s.ends_with("(2 rows)\n"), "{s}");
        assert_eq!(render(Format::Table, &[]), "(0 rows)\n");
    }
}
