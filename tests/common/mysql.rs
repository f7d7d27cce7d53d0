//! The local MariaDB for MySQL tests: root through the `mariadb` client (SQL on stdin,
//! no secret in argv), scratch databases and users dropped at the end, and the test CA
//! scripts/test installed on the server.
#![allow(dead_code)]

use std::process::Command;

use super::bench_var;
use super::pg::unique;

pub const HOST: &str = "127.0.0.1";

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
        Command::new("mariadb")
            .args(["-h", HOST, "-u", "root", "--batch", "--skip-ssl"])
            .args((!db.is_empty()).then_some(db))
            .env_remove("MYSQL_PWD"),
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
