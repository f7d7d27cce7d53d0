//! The test bench's private PostgreSQL (started by scripts/test on a free loopback port:
//! [`pg_host`], [`pg_port`]) for integration tests (`sql`, `connect`): the test CA its
//! server certificate is signed by, superuser SQL through psql, scratch databases,
//! login roles and pg_hba lines that clean up after themselves, and session keys long
//! enough to make a full-length IAM token.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::bench_var;
#[allow(unused_imports)]
pub use super::{pg_addr, pg_host, pg_port, pg_port_str, pg_socket_dir};

/// `psql` as the superuser `postgres` on the test server (no `.psqlrc`, no password).
pub fn psql_command(db: &str) -> Command {
    let mut c = Command::new("psql");
    c.args([
        "-X",
        "-h",
        pg_host(),
        "-p",
        pg_port_str(),
        "-U",
        "postgres",
        "-d",
        db,
    ])
    .env_remove("PGPASSWORD");
    c
}

/// Run one statement as the superuser, ignoring the outcome (clean-up on drop).
fn psql_quiet(sql: &str) {
    let _ = psql_command("postgres").args(["-q", "-c", sql]).output();
}

/// The test CA (scripts/test installs a server certificate signed by it).
pub fn test_ca() -> Option<String> {
    bench_var("DBIAM_TEST_PG_CA")
}

pub fn other_ca() -> Option<String> {
    bench_var("DBIAM_TEST_PG_OTHER_CA")
}

/// A unique lower-case name for roles and databases.
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
    let out = super::run_with_stdin(
        psql_command(db).args(["-q", "-At", "-v", "ON_ERROR_STOP=1", "-f", "-"]),
        sql,
    );
    String::from_utf8(out).unwrap()
}

/// Mint a token with `dbiam token ARGS` and session keys (so it exceeds 1,000 bytes).
pub fn mint_token(home: &super::Home, args: &[&str]) -> String {
    let out = home
        .dbiam()
        .envs(session_keys())
        .arg("token")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let token = String::from_utf8(out).unwrap().trim().to_owned();
    assert!(token.len() > 1000, "token is only {} bytes", token.len());
    token
}

/// A scratch database dropped at the end.
pub struct ScratchDb(pub String);

impl ScratchDb {
    pub fn new(prefix: &str) -> Self {
        let name = unique(prefix);
        psql_super("postgres", &format!("create database {name};"));
        ScratchDb(name)
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        psql_quiet(&format!("drop database if exists {} with (force)", self.0));
    }
}

/// A login role, dropped at the end.
pub struct Role(pub String);

impl Role {
    pub fn new(prefix: &str) -> Self {
        let name = unique(prefix);
        psql_super("postgres", &format!("create role {name} login;"));
        Role(name)
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        psql_quiet(&format!("drop role if exists {}", self.0));
    }
}

/// A login role whose password is its IAM token for the test server, signed at
/// `signing_time`, behind a `hostssl … password` line (as RDS): the role, the token and
/// the line are removed at the end.
pub struct IamRole {
    pub role: Role,
    pub token: String,
    _hba: HbaLine,
}

impl IamRole {
    pub fn new(home: &super::Home, prefix: &str, ca: &str, signing_time: &str) -> Self {
        let role = Role::new(prefix);
        let token = mint_token(
            home,
            &[
                "--hostname",
                pg_host(),
                "--port",
                pg_port_str(),
                "--username",
                &role.0,
                "--signing-time",
                signing_time,
            ],
        );
        psql_super(
            "postgres",
            &format!("alter role {} password '{token}';", role.0),
        );
        let hba = HbaLine::tls_password_for(&role.0, ca);
        IamRole {
            role,
            token,
            _hba: hba,
        }
    }
}

/// `name` as a quoted SQL identifier.
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A `password` line for one role at the top of the test server's hba_file (in its
/// private data directory: `show hba_file`), removed again on drop, each change applied
/// with a reload. Edits hold a file lock (other test processes edit it too).
pub struct HbaLine {
    file: PathBuf,
    marker: String,
}

pub fn with_hba_lock<T>(f: impl FnOnce() -> T) -> T {
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
    /// `host all ROLE 127.0.0.1/32 password`: a password over TLS or not.
    pub fn password_for(role: &str) -> Self {
        Self::add("host", role, role, None)
    }

    /// `hostssl all "ROLE" 127.0.0.1/32 password` for a role with any name (`IAM:alice`
    /// too): a password over TLS; the wait for it checks with `ca` (verify-ca).
    pub fn tls_password_for(role: &str, ca: &str) -> Self {
        Self::add("hostssl", &ident(role), role, Some(ca))
    }

    /// Insert the line and wait until the server applies it: `role` without a password is refused.
    fn add(kind: &str, role_in_hba: &str, role: &str, ca: Option<&str>) -> Self {
        let file = PathBuf::from(psql_super("postgres", "show hba_file;").trim());
        let marker = format!("# dbiam-test {}", role.replace(':', "_"));
        with_hba_lock(|| {
            let old = std::fs::read_to_string(&file).unwrap();
            let new = format!("{kind} all {role_in_hba} 127.0.0.1/32 password {marker}\n{old}");
            std::fs::write(&file, new).unwrap();
            psql_super("postgres", "select pg_reload_conf();");
        });
        for _ in 0..100 {
            let mut probe = Command::new("psql");
            probe
                .args(["-X", "-w", "-h", pg_host(), "-p", pg_port_str()])
                .args(["-U", role, "-d", "postgres", "-c", "select 1"])
                .env_remove("PGPASSWORD");
            if let Some(ca) = ca {
                probe.env("PGSSLMODE", "verify-ca").env("PGSSLROOTCERT", ca);
            }
            let out = probe.output().unwrap();
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
                psql_quiet("select pg_reload_conf()");
            }
        });
    }
}

/// Write a `dbiam login` session record (as `dbiam login` caches it, mode 0600) holding
/// [`session_keys`]' credentials for the principal `arn`, valid until `expires_at`.
#[allow(dead_code)]
pub fn write_login_record(home: &super::Home, arn: &str, expires_at: &str) {
    let keys: std::collections::HashMap<_, _> = session_keys().into_iter().collect();
    let dir = home.path().join(".local/state/dbiam/sessions");
    std::fs::create_dir_all(&dir).unwrap();
    let body = serde_json::json!({
        "version": 1,
        "name": "default",
        "access_key_id": keys["AWS_ACCESS_KEY_ID"],
        "secret_access_key": keys["AWS_SECRET_ACCESS_KEY"],
        "session_token": keys["AWS_SESSION_TOKEN"],
        "expires_at": expires_at,
        "account": "123456789012",
        "arn": arn,
        "user_id": "AIDATESTPRINCIPAL",
        "source": "environment",
        "via": "get-session-token",
        "created_at": "2020-01-01T00:00:00Z",
    });
    let path = dir.join("default.json");
    std::fs::write(&path, body.to_string()).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// Keys with a session token long enough that the token exceeds 1,000 characters.
pub fn session_keys() -> Vec<(&'static str, String)> {
    vec![
        ("AWS_ACCESS_KEY_ID", "ASIAIOSFODNN7EXAMPLE".to_owned()),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".to_owned(),
        ),
        (
            "AWS_SESSION_TOKEN",
            format!("IQoJb3JpZ2luX2Vj{}", "AbCdEf0123456789+/".repeat(40)),
        ),
        ("AWS_REGION", "us-east-1".to_owned()),
    ]
}

/// [`session_keys`] in a command's environment.
pub fn with_session_keys(c: &mut assert_cmd::Command) -> &mut assert_cmd::Command {
    c.envs(session_keys())
}
