//! The local PostgreSQL (127.0.0.1:5432, superuser `postgres` with trust auth, TLS with
//! the test CA from scripts/test) for tests of the engines that speak its protocol:
//! superuser SQL through psql, throw-away roles, and `hostssl … password` pg_hba lines.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The server's address.
pub const PG_HOST: &str = "127.0.0.1";

/// The test CA (scripts/test installs a server certificate signed by it).
pub fn test_ca() -> Option<String> {
    super::bench_var("DBIAM_TEST_PG_CA")
}

/// A unique lower-case name for roles, users and databases.
pub fn unique(prefix: &str) -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "dbiam_{prefix}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

/// Run SQL as the superuser through psql (SQL on stdin, so no secret lands in argv).
pub fn psql_super(db: &str, sql: &str) -> String {
    let mut child = Command::new("psql")
        .args(["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", PG_HOST])
        .args(["-U", "postgres", "-d", db, "-f", "-"])
        .env_remove("PGPASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("psql");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(sql.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "psql failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `name` as a quoted SQL identifier.
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A login role (any name: `IAM:alice` too) with a password, dropped at the end.
pub struct Role(pub String);

impl Role {
    pub fn with_password(name: &str, password: &str) -> Self {
        assert!(!password.contains('\''));
        psql_super(
            "postgres",
            &format!("create role {} login password '{password}';", ident(name)),
        );
        Role(name.to_owned())
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        let _ = psql_super_quiet(&format!("drop role if exists {}", ident(&self.0)));
    }
}

fn psql_super_quiet(sql: &str) -> std::io::Result<std::process::Output> {
    Command::new("psql")
        .args([
            "-X", "-q", "-h", PG_HOST, "-U", "postgres", "-d", "postgres", "-c", sql,
        ])
        .output()
}

/// A `hostssl all "ROLE" 127.0.0.1/32 password` line at the top of the server's hba_file,
/// removed again on drop. Edits hold the same file lock as tests/sql_postgres.rs.
pub struct HbaLine {
    file: PathBuf,
    marker: String,
}

fn with_hba_lock<T>(f: impl FnOnce() -> T) -> T {
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(std::env::temp_dir().join("dbiam-test-pg-hba.lock"))
        .unwrap();
    lock.lock().unwrap();
    let r = f();
    let _ = lock.unlock();
    r
}

impl HbaLine {
    /// Require a password over TLS for `role`; waits until the server applies it.
    pub fn password_for(role: &str, ca: &str) -> Self {
        let file = PathBuf::from(psql_super("postgres", "show hba_file;").trim());
        let marker = format!("# dbiam-test {}", role.replace(':', "_"));
        with_hba_lock(|| {
            let old = std::fs::read_to_string(&file).unwrap();
            let new = format!(
                "hostssl all {} 127.0.0.1/32 password {marker}\n{old}",
                ident(role)
            );
            std::fs::write(&file, new).unwrap();
            psql_super("postgres", "select pg_reload_conf();");
        });
        // Wait until the server applies it: the role without a password is refused.
        let conninfo = format!(
            "host={PG_HOST} user='{role}' dbname=postgres sslmode=verify-ca sslrootcert={ca}"
        );
        for _ in 0..100 {
            let out = Command::new("psql")
                .args(["-X", "-w", &conninfo, "-c", "select 1"])
                .env_remove("PGPASSWORD")
                .output()
                .unwrap();
            if !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("password") {
                return HbaLine { file, marker };
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the pg_hba line for {role} was not applied");
    }
}

impl Drop for HbaLine {
    fn drop(&mut self) {
        with_hba_lock(|| {
            if let Ok(old) = std::fs::read_to_string(&self.file) {
                let new: String = old
                    .lines()
                    .filter(|l| !l.ends_with(&self.marker))
                    .map(|l| format!("{l}\n"))
                    .collect();
                let _ = std::fs::write(&self.file, new);
                let _ = psql_super_quiet("select pg_reload_conf()");
            }
        });
    }
}

/// Keys with a session token long enough that an IAM token exceeds 1,000 characters.
pub fn with_session_keys(c: &mut assert_cmd::Command) -> &mut assert_cmd::Command {
    c.env("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE")
        .env(
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        )
        .env(
            "AWS_SESSION_TOKEN",
            format!("IQoJb3JpZ2luX2Vj{}", "AbCdEf0123456789+/".repeat(40)),
        )
        .env("AWS_REGION", "us-east-1")
}
