//! Shared helpers for dbiam's integration tests: the real binary with a cleaned
//! environment, and the test bench's services (moto, botocore) found through the
//! variables `scripts/test` exports. A missing service fails loudly under `CI`.
#![allow(dead_code)]

pub mod moto;
pub mod mysql;
pub mod pg;
pub mod pg_auth;
pub mod pty;

use std::path::{Path, PathBuf};

/// Whether we run in CI, where a missing service is a failure, not a skip.
pub fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false")
}

/// The value of a variable the test bench sets; `None` (skip) on a laptop without it,
/// a panic under CI.
pub fn bench_var(name: &str) -> Option<String> {
    match std::env::var(name) {
        Ok(v) if !v.is_empty() => Some(v),
        _ => {
            assert!(
                !in_ci(),
                "{name} is not set: run the tests through scripts/test"
            );
            eprintln!("skipped: {name} is not set (run the tests through scripts/test)");
            None
        }
    }
}

/// The moto server's URL.
pub fn moto_url() -> Option<String> {
    bench_var("DBIAM_TEST_MOTO_URL")
}

/// The test virtualenv's Python (with botocore).
pub fn python() -> Option<String> {
    bench_var("DBIAM_TEST_PYTHON")
}

/// The shared reference fixtures directory (`../shared/fixtures` beside the checkout).
pub fn fixtures_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    if dir.is_dir() {
        Some(dir)
    } else {
        assert!(!in_ci(), "{} is missing", dir.display());
        eprintln!("skipped: {} is missing", dir.display());
        None
    }
}

/// A temporary HOME for one test.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Home {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The dbiam binary with only PATH, this HOME and no instance metadata in its environment.
    pub fn dbiam(&self) -> assert_cmd::Command {
        let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_dbiam"));
        c.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path())
            .env("XDG_CONFIG_HOME", self.path().join(".config"))
            .env("XDG_STATE_HOME", self.path().join(".local/state"))
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .timeout(std::time::Duration::from_secs(60));
        c
    }

    /// The binary with static dummy keys and a region in its environment.
    pub fn dbiam_with_keys(&self) -> assert_cmd::Command {
        let mut c = self.dbiam();
        c.env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
            .env(
                "AWS_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            )
            .env("AWS_REGION", "us-east-1");
        c
    }
}

/// Run a client with `input` on its stdin (so no secret lands in argv); its stdout.
/// Panics, with its stderr, if it fails.
pub fn run_with_stdin(cmd: &mut std::process::Command, input: &str) -> Vec<u8> {
    use std::io::Write;
    use std::process::Stdio;
    let what = format!("{:?}", cmd.get_program());
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Read a JSON-lines file.
pub fn read_jsonl(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// A loopback TCP port with nothing listening on it.
pub fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// A loopback host the test bench exports in `var` (`127.0.0.1` when unset); anything
/// else is refused: tests send traffic only to loopback.
fn bench_host(var: &str) -> String {
    let host = std::env::var(var).unwrap_or_else(|_| "127.0.0.1".to_owned());
    assert!(
        matches!(host.as_str(), "127.0.0.1" | "::1" | "localhost"),
        "{var}={host}: tests talk only to loopback"
    );
    host
}

/// A port the test bench exports in `var`; a panic naming scripts/test when it is unset.
fn bench_port(var: &str) -> u16 {
    let v = std::env::var(var).unwrap_or_else(|_| {
        panic!(
            "{var} is not set: run the tests through scripts/test, which starts the test servers"
        )
    });
    v.parse()
        .unwrap_or_else(|_| panic!("{var}={v} is not a port number"))
}

/// The private PostgreSQL test server scripts/test starts: its host (loopback,
/// `DBIAM_TEST_PG_HOST`). Trust authentication for `postgres` (the superuser).
pub fn pg_host() -> &'static str {
    static HOST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOST.get_or_init(|| bench_host("DBIAM_TEST_PG_HOST"))
}

/// Its port (`DBIAM_TEST_PG_PORT`).
pub fn pg_port() -> u16 {
    bench_port("DBIAM_TEST_PG_PORT")
}

/// Its port as a string, for argument lists.
pub fn pg_port_str() -> &'static str {
    static PORT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PORT.get_or_init(|| pg_port().to_string())
}

/// `host:port` of the PostgreSQL test server, as dbiam prints it.
pub fn pg_addr() -> String {
    format!("{}:{}", pg_host(), pg_port())
}

/// Its private unix-socket directory (`DBIAM_TEST_PG_SOCKET_DIR`).
pub fn pg_socket_dir() -> Option<String> {
    bench_var("DBIAM_TEST_PG_SOCKET_DIR")
}

/// Whether the test bench's PostgreSQL server accepts connections and `psql` is installed:
/// a panic under CI when not, a loud skip on a laptop.
pub fn postgres_available() -> bool {
    service_available("PostgreSQL", "DBIAM_TEST_PG_PORT", "psql")
}

/// The private MariaDB test server scripts/test starts: its host (loopback,
/// `DBIAM_TEST_MYSQL_HOST`); user `root` without a password.
pub fn mysql_host() -> &'static str {
    static HOST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOST.get_or_init(|| bench_host("DBIAM_TEST_MYSQL_HOST"))
}

/// Its port (`DBIAM_TEST_MYSQL_PORT`).
pub fn mysql_port() -> u16 {
    bench_port("DBIAM_TEST_MYSQL_PORT")
}

/// Its port as a string, for argument lists.
pub fn mysql_port_str() -> &'static str {
    static PORT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PORT.get_or_init(|| mysql_port().to_string())
}

/// `host:port` of the MariaDB test server, as dbiam prints it.
pub fn mysql_addr() -> String {
    format!("{}:{}", mysql_host(), mysql_port())
}

/// Its private unix socket (`DBIAM_TEST_MYSQL_SOCKET`).
pub fn mysql_socket() -> Option<String> {
    bench_var("DBIAM_TEST_MYSQL_SOCKET")
}

/// Whether the test bench's MariaDB server accepts connections and the `mariadb` client is
/// installed: a panic under CI when not, a loud skip on a laptop.
pub fn mariadb_available() -> bool {
    service_available("MariaDB", "DBIAM_TEST_MYSQL_PORT", "mariadb")
}

fn service_available(what: &str, port_var: &str, client: &str) -> bool {
    let why = match std::env::var(port_var) {
        Err(_) => format!("{port_var} is not set (run the tests through scripts/test)"),
        Ok(port) => {
            let addr = format!("127.0.0.1:{port}");
            let listening = addr.parse().is_ok_and(|a| {
                std::net::TcpStream::connect_timeout(&a, std::time::Duration::from_secs(3)).is_ok()
            });
            if !listening {
                format!("{what} is not listening on {addr}")
            } else if !std::process::Command::new(client)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
            {
                format!("{client} is not installed")
            } else {
                return true;
            }
        }
    };
    assert!(!in_ci(), "{why}");
    eprintln!("skipped: {why}");
    false
}

/// A loopback port that refuses every connection and stays reserved while the value
/// lives: a socket bound without `listen()`, so no other process can take the port
/// (unlike [`closed_port`], whose port is free again once it returns).
pub struct RefusedPort {
    _socket: tokio::net::TcpSocket,
    /// The port.
    pub port: u16,
}

pub fn refused_port() -> RefusedPort {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let port = socket.local_addr().unwrap().port();
    RefusedPort {
        _socket: socket,
        port,
    }
}

/// A loopback port that completes TCP connections (the kernel's backlog) but never says
/// a word: a listener nobody accepts from, for "the server never answers" (held while
/// the value lives).
pub struct SilentPort {
    _listener: std::net::TcpListener,
    /// The port.
    pub port: u16,
}

pub fn silent_port() -> SilentPort {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    SilentPort {
        _listener: listener,
        port,
    }
}
