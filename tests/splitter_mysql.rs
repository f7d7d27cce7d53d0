//! mysql-client parity of the statement splitter (MySQL dialect): for a corpus of scripts,
//! the statements the real `mariadb` client sends to a scratch database (echoed with
//! `-vvv --comments`) are exactly the Sql pieces `dbiam::sql::split` returns.

mod common;

use std::process::{Command, Stdio};

use common::{mariadb_available, mysql_host, mysql_port_str};
use dbiam::sql::split::{Dialect, Piece, Splitter};

/// The `mariadb` client against the test server, with no option files.
fn mariadb() -> Command {
    let mut c = Command::new("mariadb");
    c.args(["--no-defaults", "-h", mysql_host(), "-P", mysql_port_str()])
        .args(["-u", "root", "--connect-timeout=10"])
        .env_remove("MYSQL_PWD");
    c
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
        let out = mariadb()
            .args(["-e", &format!("CREATE DATABASE {name}")])
            .output()
            .expect("run mariadb");
        assert!(
            out.status.success(),
            "CREATE DATABASE: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ScratchDb { name }
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        let _ = mariadb()
            .args(["-e", &format!("DROP DATABASE IF EXISTS {}", self.name)])
            .output();
    }
}

/// The statements the client sent while running `script` (its `-vvv` echo), trimmed,
/// without the comment-only ones (the client sends a leading comment line on its own).
fn client_statements(db: &str, script: &str) -> Vec<String> {
    use std::io::Write;
    let mut child = mariadb()
        .args(["--comments", "-vvv", "--force", "-D", db])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run mariadb");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("write script");
    let out = child.wait_with_output().expect("mariadb output");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut statements = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line != "--------------" {
            continue;
        }
        let mut stmt = Vec::new();
        for l in lines.by_ref() {
            if l == "--------------" {
                break;
            }
            stmt.push(l);
        }
        let stmt = stmt.join("\n");
        let stmt = stmt.trim();
        if !is_comment_only(stmt) {
            statements.push(stmt.to_string());
        }
    }
    statements
}

fn is_comment_only(stmt: &str) -> bool {
    stmt.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l.starts_with("-- ") || l == "--"
    })
}

/// The splitter's statements for a script pushed in the given chunks.
fn splitter_statements<'a>(chunks: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut s = Splitter::new(Dialect::MySql);
    let mut pieces = Vec::new();
    for chunk in chunks {
        pieces.extend(s.push(chunk));
    }
    pieces.extend(s.finish_all());
    pieces
        .into_iter()
        .filter_map(|p| match p {
            Piece::Sql { text, .. } => Some(text),
            _ => None,
        })
        .collect()
}

/// Scripts the client and the splitter must cut the same way (server errors do not matter).
/// Not here: a `;` inside `/*! … */`, which the client treats as the end of a statement and
/// the splitter does not (see the module docs).
const CORPUS: &[&str] = &[
    "SELECT 1;\nSELECT 2;\n",
    "SELECT 'a;\\'b', \"c;\\\"d\", `e;``f`, 'g''h;' FROM (SELECT 1 AS `e;``f`) t; SELECT 2;",
    "SELECT 1 # x;\n;\nSELECT 2 -- y;\n;\nSELECT 3--4;\nSELECT 5 /* ; */;\nSELECT 6 --\t;\n;",
    "/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE */;\n/*!40101 SET SQL_MODE='' */;\nSELECT 1;\n/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;",
    "CREATE TABLE t1 (id int, v text);\nDELIMITER //\nCREATE PROCEDURE p1()\nBEGIN\n  INSERT INTO t1 VALUES (1, 'a;b');\n  SELECT * FROM t1;\nEND //\ndelimiter ;\nCALL p1();\n  DELIMITER $$\nSELECT 1$$ SELECT 2 $$\nDELIMITER ;\nSELECT 3;",
    "DELIMITER ;;\nCREATE TRIGGER tr BEFORE INSERT ON t1 FOR EACH ROW BEGIN SET NEW.v = CONCAT(NEW.v, ';'); END ;;\nDELIMITER ;\nINSERT INTO t1 VALUES (2, 'x');",
    "SELECT 8\\G SELECT 9;\nSELECT 'x\\G';",
    "SELECT (1;2);SELECT $$a;b$$;",
    "SELECT 'é;' AS `ñ;`, \"日本;\";",
    "SELECT 1;\nSELECT 'abc;\n",
];

#[test]
fn statements_match_what_the_mariadb_client_sends() {
    if !mariadb_available() {
        return;
    }
    let db = ScratchDb::create();
    let mut compared = 0;
    for (i, script) in CORPUS.iter().enumerate() {
        let sent = client_statements(&db.name, script);
        let ours = splitter_statements([*script]);
        assert_eq!(ours, sent, "script {i}:\n{script}");
        let by_line = splitter_statements(script.split_inclusive('\n'));
        assert_eq!(by_line, ours, "script {i} fed line by line");
        compared += sent.len();
    }
    assert!(compared > 25, "only {compared} statements compared");
}
