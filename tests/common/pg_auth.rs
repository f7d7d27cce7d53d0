//! Password logins on the test bench's PostgreSQL for engines whose credentials are not an RDS
//! token for a plain role name (Redshift's `IAM:alice`, DSQL tokens): roles with any name
//! and a given password (their `hostssl … password` lines: [`super::pg::HbaLine::tls_password_for`]).
#![allow(dead_code)]

pub use super::pg::ident;
use super::pg::{psql_command, psql_super};

fn psql_quiet(sql: &str) {
    let _ = psql_command("postgres").args(["-q", "-c", sql]).output();
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
