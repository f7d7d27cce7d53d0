//! The statement splitter's throughput on a ~10 MB migration-like script, pushed whole
//! and line by line (as a REPL or a streamed file feeds it), for both dialects.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dbiam::sql::split::{split, Dialect, Splitter};
use std::hint::black_box;

const PG_UNIT: &str = "-- add a row; 'not a quote\n\
INSERT INTO accounts (id, name, note) VALUES (1, 'O''Brien; Ltd', E'tab\\there\\'s'), (2, \"x\", NULL);\n\
CREATE FUNCTION f_:n() RETURNS text AS $body$\nBEGIN\n  RETURN $$;$$ || 'x;'; /* nested /* ; */ */\nEND;\n$body$ LANGUAGE plpgsql;\n\
SELECT count(*) FROM accounts WHERE id IN (1, 2) AND name <> ';';\n";

const MYSQL_UNIT: &str = "# add a row; 'not a quote\n\
INSERT INTO accounts (id, name, note) VALUES (1, 'O\\'Brien; Ltd', \"say \\\"hi\\\"\"), (2, `x;``y`, NULL);\n\
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE */;\n\
DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1; -- one\n  SELECT 2;\nEND //\nDELIMITER ;\n";

fn script(unit: &str) -> String {
    unit.repeat(10_000_000 / unit.len())
}

fn bench(c: &mut Criterion) {
    for (name, dialect, unit) in [
        ("postgres", Dialect::Postgres, PG_UNIT),
        ("mysql", Dialect::MySql, MYSQL_UNIT),
    ] {
        let text = script(unit);
        let mut g = c.benchmark_group(format!("split_{name}"));
        g.sample_size(10);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("whole", |b| {
            b.iter(|| split(black_box(&text), dialect).len())
        });
        g.bench_function("line_by_line", |b| {
            b.iter(|| {
                let mut s = Splitter::new(dialect);
                let mut n = 0;
                for line in black_box(&text).split_inclusive('\n') {
                    n += s.push(line).len();
                }
                n + s.finish_all().len()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
