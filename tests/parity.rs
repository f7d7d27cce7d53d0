//! The psql parity corpus: every `tests/parity/*.sql` script runs with `psql` and with
//! `dbiam sql`, each on its own fresh database, and the two must agree on stdout (byte
//! for byte), the ordered server errors (each error line with its `LINE n:`, caret,
//! DETAIL, HINT and CONTEXT lines), the exit status, and a `pg_dump` of the final state
//! (the schema, and the data lines sorted).
//!
//! Adding a case is adding a file. Its first lines may hold directives:
//! - `-- parity: csv` runs the case in CSV mode only (default: CSV and table);
//! - `-- parity: table` runs it in table mode only.
//!
//! The modes:
//! - CSV: `psql -X -q --csv -f F` against `dbiam sql -q --output csv --continue-on-error -f F`;
//! - table: `psql -X -q -f F` (aligned) against `dbiam sql -q --output table --continue-on-error -f F`.
//!
//! Both run in `tests/parity/` with the file's bare name, so error lines name the same
//! file. A failing case prints a line diff of what differs. `PARITY_CASE=name` runs the
//! cases whose name contains `name`.

mod common;

use common::pg::{pg_host, pg_port_str, test_ca, ScratchDb};
use common::Home;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Cases known to differ still, by file stem. This list only shrinks: a listed case that
/// passes fails the run until it is removed from here.
const KNOWN_FAILING: &[&str] = &[];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Csv,
    Table,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Csv => "csv",
            Mode::Table => "table",
        }
    }
}

struct Case {
    name: String,
    file: PathBuf,
    modes: Vec<Mode>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parity")
}

fn cases() -> Vec<Case> {
    let filter = std::env::var("PARITY_CASE").unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&file).unwrap();
            let mut modes = vec![Mode::Csv, Mode::Table];
            for line in text.lines().take_while(|l| l.starts_with("--")) {
                match line.strip_prefix("-- parity:").map(str::trim) {
                    Some("csv") => modes = vec![Mode::Csv],
                    Some("table") => modes = vec![Mode::Table],
                    Some(other) => panic!("{name}: unknown directive `-- parity: {other}`"),
                    None => {}
                }
            }
            Case { name, file, modes }
        })
        .filter(|c| c.name.contains(&filter))
        .collect()
}

/// One client's run: what it printed, its errors, its exit status, the database after.
struct Run {
    stdout: String,
    errors: String,
    status: Option<i32>,
    schema: String,
    data: String,
    stderr: String,
}

fn psql(case: &Case, mode: Mode, db: &str) -> Output {
    let mut c = Command::new("psql");
    c.current_dir(corpus_dir())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["-X", "-q", "-h", pg_host(), "-p", pg_port_str()])
        .args(["-U", "postgres", "-d", db]);
    if mode == Mode::Csv {
        c.arg("--csv");
    }
    c.arg("-f").arg(case.file.file_name().unwrap());
    c.output().unwrap()
}

fn dbiam(home: &Home, ca: &str, case: &Case, mode: Mode, db: &str) -> Output {
    let mut c = home.dbiam();
    c.current_dir(corpus_dir())
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
        ])
        .args(["-d", db, "--no-iam"])
        .args(["--sslrootcert", ca, "-q", "--continue-on-error"])
        .args(["--output", mode.name(), "-f"])
        .arg(case.file.file_name().unwrap());
    c.output().unwrap()
}

/// The server's errors in a client's stderr: each `PROG:FILE:LINE: ERROR:  …` line (the
/// program's name left out) with the lines that belong to it (`LINE n:`, the caret,
/// `DETAIL:`, `HINT:`, `CONTEXT:`), in order.
fn errors(stderr: &str) -> String {
    let mut out = String::new();
    let mut in_error = false;
    for line in stderr.lines() {
        let located = ["psql:", "dbiam:"]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .filter(|rest| rest.contains(": "));
        match located {
            Some(rest) => {
                in_error = rest.contains(": ERROR:  ") || rest.contains(": FATAL:  ");
                if in_error {
                    out.push_str(rest);
                    out.push('\n');
                }
            }
            None if in_error && !line.starts_with("NOTICE:") && !line.starts_with("WARNING:") => {
                out.push_str(line);
                out.push('\n');
            }
            None => in_error = false,
        }
    }
    out
}

fn pg_dump(db: &str, what: &str) -> String {
    let out = Command::new("pg_dump")
        .args([
            "--no-owner",
            "--no-privileges",
            "--restrict-key=parity",
            what,
        ])
        .args([
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "-d",
            db,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pg_dump: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn finish(out: Output, db: &ScratchDb) -> Run {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let mut data: Vec<String> = pg_dump(&db.0, "--data-only")
        .lines()
        .map(str::to_owned)
        .collect();
    data.sort();
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        errors: errors(&stderr),
        status: out.status.code(),
        schema: pg_dump(&db.0, "--schema-only"),
        data: data.join("\n"),
        stderr,
    }
}

/// A line diff (`-` psql, `+` dbiam) of two texts, by longest common subsequence.
fn diff(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.split_inclusive('\n').collect();
    let b: Vec<&str> = b.split_inclusive('\n').collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    let show = |sign: char, l: &str| format!("  {sign} {:?}\n", l);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push_str(&show(' ', a[i]));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&show('+', b[j]));
            j += 1;
        } else {
            out.push_str(&show('-', a[i]));
            i += 1;
        }
    }
    out
}

/// What differs between the psql run and the dbiam run, as a readable report.
fn compare(p: &Run, d: &Run) -> Option<String> {
    let mut report = String::new();
    for (what, x, y) in [
        ("stdout", &p.stdout, &d.stdout),
        ("server errors", &p.errors, &d.errors),
        ("schema (pg_dump)", &p.schema, &d.schema),
        ("data (pg_dump, sorted)", &p.data, &d.data),
    ] {
        if x != y {
            report.push_str(&format!(
                "{what} differs (- psql, + dbiam):\n{}",
                diff(x, y)
            ));
        }
    }
    if p.status != d.status {
        report.push_str(&format!(
            "exit status differs: psql {:?}, dbiam {:?}\n",
            p.status, d.status
        ));
    }
    if report.is_empty() {
        return None;
    }
    report.push_str(&format!(
        "psql's stderr:\n{}dbiam's stderr:\n{}",
        p.stderr, d.stderr
    ));
    Some(report)
}

fn run_case(home: &Home, ca: &str, case: &Case, mode: Mode) -> Option<String> {
    let (a, b) = (
        ScratchDb::new("parity_psql"),
        ScratchDb::new("parity_dbiam"),
    );
    let p = finish(psql(case, mode, &a.0), &a);
    let d = finish(dbiam(home, ca, case, mode, &b.0), &b);
    compare(&p, &d)
}

#[test]
fn parity_corpus_matches_psql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let cases = cases();
    assert!(!cases.is_empty(), "no parity cases matched");
    let jobs: Vec<(&Case, Mode)> = cases
        .iter()
        .flat_map(|c| c.modes.iter().map(move |m| (c, *m)))
        .collect();
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Mode, Option<String>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some((case, mode)) = jobs.get(i) else {
                    break;
                };
                let r = run_case(&home, &ca, case, *mode);
                results.lock().unwrap().push((case.name.clone(), *mode, r));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|x, y| (&x.0, x.1.name()).cmp(&(&y.0, y.1.name())));
    let mut failures = Vec::new();
    let mut passed = 0;
    for (name, mode, report) in &results {
        let known = KNOWN_FAILING.contains(&name.as_str());
        match (report, known) {
            (None, false) => passed += 1,
            (None, true) => failures.push(format!(
                "{name} [{}] now matches psql: remove it from KNOWN_FAILING\n",
                mode.name()
            )),
            (Some(_), true) => eprintln!("known failing: {name} [{}]", mode.name()),
            (Some(r), false) => failures.push(format!("{name} [{}]:\n{r}", mode.name())),
        }
    }
    eprintln!(
        "parity: {passed} of {} runs match psql ({} known failing)",
        results.len(),
        KNOWN_FAILING.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
