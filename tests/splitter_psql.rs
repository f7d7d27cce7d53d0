//! psql parity of the statement splitter: for a corpus of tricky scripts, the statements
//! the real `psql -f` sends to a scratch database (logged with `-L`) are exactly the Sql
//! pieces `dbiam::sql::split` returns, with the same `-v` variables.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use common::{pg_host, pg_port_str, postgres_available};
use dbiam::sql::split::{Dialect, Piece, Splitter};

/// `psql` against the test server, with no psqlrc.
fn psql(db: &str) -> Command {
    let mut c = Command::new("psql");
    c.args(["-X", "-q", "-h", pg_host(), "-p", pg_port_str()])
        .args(["-U", "postgres", "-d", db])
        .env("PGCONNECT_TIMEOUT", "10")
        .env_remove("PGPASSWORD")
        .env_remove("PGOPTIONS");
    c
}

fn check(out: Output, what: &str) -> Output {
    assert!(
        out.status.success(),
        "{what}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A database of its own for this test run, dropped at the end.
struct ScratchDb {
    name: String,
}

impl ScratchDb {
    fn create() -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!("dbiam_split_{}_{nanos}", std::process::id());
        let out = psql("postgres")
            .args(["-c", &format!("CREATE DATABASE {name}")])
            .output()
            .expect("run psql");
        check(out, "CREATE DATABASE");
        ScratchDb { name }
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        let _ = psql("postgres")
            .args([
                "-c",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .output();
    }
}

/// The variables given to both psql (`-v`) and the splitter.
fn variables() -> BTreeMap<String, String> {
    [
        ("n", "42"),
        ("q", "it's"),
        ("bs", "a\\b"),
        ("t", "my \"table\""),
        ("cmd", "SELECT 10; SELECT 11"),
        ("r", ":r x"),
        ("open", "'abc"),
        ("ü", "u"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// The queries psql sent while running `file`, from its `-L` log.
fn psql_queries(db: &str, file: &Path, log: &Path) -> Vec<String> {
    let mut c = psql(db);
    for (k, v) in variables() {
        c.arg("-v").arg(format!("{k}={v}"));
    }
    let out = c
        .arg("-o")
        .arg("/dev/null")
        .arg("-L")
        .arg(log)
        .arg("-f")
        .arg(file)
        .output()
        .expect("run psql");
    // Statements may fail on the server (the corpus has junk on purpose); psql goes on.
    assert!(
        out.status.code().is_some(),
        "psql was killed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = std::fs::read_to_string(log).unwrap_or_default();
    const START: &str = "********* QUERY **********\n";
    const END: &str = "\n**************************\n\n";
    let mut queries = Vec::new();
    let mut rest = log.as_str();
    while let Some(s) = rest.find(START) {
        let body = &rest[s + START.len()..];
        let e = body.find(END).expect("end of a logged query");
        queries.push(body[..e].to_string());
        rest = &body[e + END.len()..];
    }
    queries
}

/// A query psql sent, trimmed; `None` for the queries the splitter drops (empty, or
/// only comments).
fn normalise(q: &str) -> Option<String> {
    let t = q.trim();
    let body = t.strip_suffix(';').unwrap_or(t);
    if strip_comments(body).trim().is_empty() {
        return None;
    }
    Some(t.to_string())
}

/// Whether the splitter's statements are the queries psql sent: the same text, but for
/// psql's terminating `;` (absent after `\g`, or at the end of the file, where a trailing
/// `;` belongs to an unterminated quote).
fn same(ours: &[String], sent: &[String]) -> bool {
    ours.len() == sent.len()
        && ours
            .iter()
            .zip(sent)
            .all(|(o, s)| o == s || s.strip_suffix(';').is_some_and(|s| s.trim_end() == o))
}

/// The text without `/* */` (nested) and `--` comments (enough for comment-only queries).
fn strip_comments(t: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut rest = t;
    while !rest.is_empty() {
        if rest.starts_with("/*") {
            depth += 1;
            rest = &rest[2..];
        } else if depth > 0 && rest.starts_with("*/") {
            depth -= 1;
            rest = &rest[2..];
        } else if depth == 0 && rest.starts_with("--") {
            rest = rest.find('\n').map_or("", |n| &rest[n..]);
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            if depth == 0 {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The splitter's statements for a script pushed in the given chunks.
fn splitter_statements<'a>(chunks: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut s = Splitter::new(Dialect::Postgres).with_variables(variables());
    let mut pieces = Vec::new();
    for chunk in chunks {
        pieces.extend(s.push(chunk));
    }
    pieces.extend(s.finish_all());
    pieces
        .into_iter()
        .filter_map(|p| match p {
            Piece::Sql { text, .. } | Piece::CopyStart { text, .. } => Some(text),
            _ => None,
        })
        .collect()
}

/// Scripts psql and the splitter must cut the same way. Objects are created in the scratch
/// database; errors from the server are expected for some statements and do not matter.
const CORPUS: &[&str] = &[
    "SELECT 1;\nSELECT 2;\n",
    "-- hello; 'x\n\n/* block; */ SELECT 1 -- inner;\n;;\n/* only a comment */;\n",
    "SELECT 'a;b', 'it''s -- no', '/* no'; SELECT 2;",
    "SELECT 1 -- it's\n; /* \"x' */ SELECT 2;",
    "SELECT E'a\\'b;c', e'\\\\';SELECT 'c\\';",
    "SELECT somee'x\\';",
    "SELECT 1 AS \"a;\"\"b\"; SELECT 2",
    "CREATE FUNCTION f() RETURNS text AS $body$\nBEGIN\n  RETURN $$;$$ || 'x;';\nEND;\n$body$ LANGUAGE plpgsql;\nSELECT f();\nPREPARE p(int) AS SELECT $1, a$b$c FROM (SELECT 1 AS a$b$c) t;\n",
    "SELECT $1$a$;$a$; SELECT $x;SELECT $a$ $A$; $ab$ ;$a$;",
    "/* a /* b; */ c; */ SELECT 1; SELECT /* x */ 2;",
    "SELECT (1;\n2);SELECT 3;SELECT 4);SELECT 5;",
    "CREATE OR REPLACE FUNCTION fa(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\n  SELECT 3;\nEND;\nSELECT fa(1);\nCREATE TABLE t (begin int);\nSELECT begin FROM t;\nBEGIN; SELECT 1; END;\ncreate procedure pa() language sql begin atomic select 1; select (2); end;\nCALL pa();\nCREATE FUNCTION fb() RETURNS int BEGIN ATOMIC SELECT 1; END;\n",
    "SELECT :n, :'q', :\"t\", :'bs', :undefined, :'undef', :\"undef\", 1::int, :{?n}, :{?zz}, ':n', \":n\", $$:n$$, :ü -- :n\n;",
    "SELECT 0;\n:cmd;\nSELECT :r;\nSELECT :open;\n';\n",
    "SELECT a[1:n], :n:n, :{?n}x, :'n'::text, :'n:n' AS \"x;\";",
    "\\set x 5\nSELECT :x;\n\\set y 'a b' c :'q'\nSELECT :y;\n\\unset x\nSELECT :x;\n",
    "\\echo hi\n SELECT 1; \\echo there\n",
    "SELECT 5 \\echo mid\n;\nSELECT 3 \\g\nSELECT 4 \\gx\nSELECT 6 \\r\nSELECT 7 \\; SELECT 8 \\:x;",
    "SELECT 1;\nSELECT 'abc;\n",
    "SELECT 1; -- tail\n/* tail */",
    "SELECT 6\n-- c",
    "\n\n  SELECT\n1;\n\n\nSELECT 2",
    "SELECT 1\r\n  + 1;\r\nSELECT 2 -- x\r;\r\n",
    "SELECT 'é;' AS ñame, 1 AS ñ$x$y, \"日本;\" FROM (SELECT 1 AS \"日本;\") t;SELECT $ü$;$ü$;",
    "SELECT E'x'  -- c\n 'y\\';z';",
    "SELECT 1 - -2, 4/2, 1/**/+1; SELECT 1 -- x",
    "CREATE TABLE m (id int PRIMARY KEY, body text);\n\
     COMMENT ON TABLE m IS E'line\\nwith \\'quote\\' and ;';\n\
     INSERT INTO m VALUES (1, 'a;b'), (2, $q$ it's; $$ $q$), (3, U&'\\0041;');\n\
     DO $$\nDECLARE x int;\nBEGIN\n  SELECT count(*) INTO x FROM m; -- ;\n  RAISE NOTICE 'n = %;', x;\nEND\n$$;\n\
     CREATE VIEW v AS SELECT id, body FROM m WHERE body <> ';' /* ; */;\n\
     SELECT * FROM v WHERE id IN (1, 2\n  ;\n);\n",
    "CREATE TABLE c (a int, b text);\nCOPY c (a, b) FROM stdin; SELECT 'skipped';\n1\tx;y\n2\t'; SELECT 99; --\n\\.\nSELECT count(*) FROM c;\ncopy c from STDIN with (format csv);\r\n3,\"a\\.\"\r\n\\.\r\nSELECT 3;\nCOPY c FROM stdin;\n4\tlast\n",
];

#[test]
fn statements_match_what_psql_sends() {
    if !postgres_available() {
        return;
    }
    let db = ScratchDb::create();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut compared = 0;
    for (i, script) in CORPUS.iter().enumerate() {
        let file = dir.path().join(format!("script{i}.sql"));
        std::fs::write(&file, script).expect("write script");
        let log = dir.path().join(format!("script{i}.log"));
        let sent: Vec<String> = psql_queries(&db.name, &file, &log)
            .iter()
            .filter_map(|q| normalise(q))
            .collect();
        let ours = splitter_statements([*script]);
        assert!(
            same(&ours, &sent),
            "script {i}:\n{script}\nsplitter: {ours:#?}\npsql sent: {sent:#?}"
        );
        // As a REPL feeds it: one line at a time.
        let by_line = splitter_statements(script.split_inclusive('\n'));
        assert_eq!(by_line, ours, "script {i} fed line by line");
        compared += sent.len();
    }
    // psql really ran the corpus (an empty log would make every comparison vacuous).
    assert!(compared > 60, "only {compared} statements compared");
}
