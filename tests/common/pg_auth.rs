//! Password logins on the local PostgreSQL for engines whose credentials are not an RDS
//! token for a plain role name (Redshift's `IAM:alice`, DSQL tokens): roles with any name
//! and a given password, and `hostssl … password` pg_hba lines for them. Builds on
//! [`super::pg`].
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

use super::pg::{psql_super, with_hba_lock, PG_HOST};

/// `name` as a quoted SQL identifier.
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn psql_quiet(sql: &str) {
    let _ = Command::new("psql")
        .args([
            "-X", "-q", "-h", PG_HOST, "-U", "postgres", "-d", "postgres", "-c", sql,
        ])
        .output();
}

/// A login role with any name (`IAM:alice` too) and a password, dropped at the end.
pub struct NamedRole(pub String);

impl NamedRole {
    pub fn with_password(name: &str, password: &str) -> Self {
        assert!(!password.contains('\''));
        psql_super(
            "postgres",
            &format!("create role {} login password '{password}';", ident(name)),
        );
        NamedRole(name.to_owned())
    }
}

impl Drop for NamedRole {
    fn drop(&mut self) {
        psql_quiet(&format!("drop role if exists {}", ident(&self.0)));
    }
}

/// A `hostssl all "ROLE" 127.0.0.1/32 password` line at the top of the server's hba_file,
/// removed again on drop (under the same lock as [`super::pg::HbaLine`]).
pub struct TlsPasswordLine {
    file: PathBuf,
    marker: String,
}

impl TlsPasswordLine {
    /// Require a password over TLS for `role`; waits until the server applies it.
    pub fn for_role(role: &str, ca: &str) -> Self {
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
                return TlsPasswordLine { file, marker };
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("the pg_hba line for {role} was not applied");
    }
}

impl Drop for TlsPasswordLine {
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
