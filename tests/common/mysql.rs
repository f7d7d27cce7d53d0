//! The test bench's private MariaDB (started by scripts/test on a free loopback port:
//! [`mysql_host`], [`mysql_port`]) for MySQL tests: root through the `mariadb` client (SQL
//! on stdin, no secret in argv), scratch databases and users dropped at the end, and the
//! test CA its server certificate is signed by.
#![allow(dead_code)]

use std::process::Command;

use super::bench_var;
use super::pg::unique;
#[allow(unused_imports)]
pub use super::{mysql_addr, mysql_host, mysql_port, mysql_port_str, mysql_socket};

/// The `mariadb` client as root on the test server, without TLS, no option files.
pub fn mariadb_command() -> Command {
    let mut c = Command::new("mariadb");
    c.args(["--no-defaults", "-h", mysql_host(), "-P", mysql_port_str()])
        .args(["-u", "root", "--skip-ssl"])
        .env_remove("MYSQL_PWD");
    c
}

pub fn test_ca() -> Option<String> {
    bench_var("DBIAM_TEST_MYSQL_CA")
}

pub fn other_ca() -> Option<String> {
    bench_var("DBIAM_TEST_MYSQL_OTHER_CA")
}

/// Run SQL as root through the mariadb client (SQL on stdin: no secret in argv);
/// returns the `--batch` output.
pub fn mariadb(db: &str, sql: &str) -> Vec<u8> {
    super::run_with_stdin(
        mariadb_command()
            .arg("--batch")
            .args((!db.is_empty()).then_some(db)),
        sql,
    )
}

/// A scratch database dropped at the end.
pub struct ScratchDb(pub String);

impl ScratchDb {
    pub fn new(prefix: &str) -> Self {
        let name = unique(prefix);
        mariadb("", &format!("create database `{name}`;"));
        ScratchDb(name)
    }
}

impl Drop for ScratchDb {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(|| {
            mariadb("", &format!("drop database if exists `{}`;", self.0))
        });
    }
}

/// A user for 127.0.0.1 (created by the test), dropped at the end.
pub struct User(pub String);

impl Drop for User {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(|| {
            mariadb(
                "",
                &format!("drop user if exists '{}'@'127.0.0.1';", self.0),
            )
        });
    }
}

/// A `REQUIRE SSL` user for 127.0.0.1 named after `prefix`, whose password is its IAM
/// token for the test server signed at `signing_time` (with a session token: longer than
/// 1,000 bytes; MariaDB stores any length as a hash). Returns the user and the token.
pub fn iam_user(home: &super::Home, prefix: &str, signing_time: &str) -> (User, String) {
    let name = unique(prefix);
    let token = super::pg::mint_token(
        home,
        &[
            "--hostname",
            mysql_host(),
            "--port",
            mysql_port_str(),
            "--username",
            &name,
            "--signing-time",
            signing_time,
        ],
    );
    mariadb(
        "",
        &format!("create user '{name}'@'127.0.0.1' identified by '{token}' require ssl;"),
    );
    (User(name), token)
}
