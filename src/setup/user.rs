//! Creating the IAM database user: the statements for each engine (PostgreSQL
//! `CREATE USER` + `GRANT rds_iam`; MySQL `IDENTIFIED WITH AWSAuthenticationPlugin AS
//! 'RDS'` + `REQUIRE SSL`), safe quoting of the name, and the idempotent PostgreSQL run
//! (an existing user or membership is reported, not an error).

use tokio_postgres::Client;

use crate::db::Engine;
use crate::error::{one_line, Error, Result};

/// The longest user name `engine` takes (PostgreSQL NAMEDATALEN-1, MySQL 32).
pub fn max_user_len(engine: Engine) -> usize {
    match engine {
        Engine::MySql => 32,
        // ElastiCache and MemoryDB user ids.
        Engine::Redis => 40,
        Engine::Postgres | Engine::Redshift | Engine::Dsql => 63,
    }
}

/// A user name that can be an IAM database user: what an IAM policy can name
/// ([`crate::setup::policy::validate_db_user`]) and no longer than the engine allows.
pub fn validate_user(engine: Engine, user: &str) -> Result<()> {
    crate::setup::policy::validate_db_user(user)
        .map_err(|e| e.with_hint("use letters, digits and _ . - @ + ="))?;
    if user.len() > max_user_len(engine) {
        return Err(Error::usage(format!(
            "the user name '{user}' is longer than {} characters, the {} limit",
            max_user_len(engine),
            engine.name()
        )));
    }
    Ok(())
}

/// A PostgreSQL identifier in double quotes (embedded `"` doubled): the exact name, any case.
pub fn quote_pg_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A MySQL string literal in single quotes (`'` doubled, `\` escaped).
pub fn quote_mysql_string(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
}

/// The statements that make `user` an IAM database user (what `--dry-run` prints).
pub fn statements(engine: Engine, user: &str) -> Vec<String> {
    match engine {
        Engine::Postgres | Engine::Redshift | Engine::Dsql => {
            let u = quote_pg_ident(user);
            vec![
                format!("CREATE USER {u};"),
                format!("GRANT rds_iam TO {u};"),
            ]
        }
        // ElastiCache and MemoryDB users are made with the AWS API, not SQL: `setup user`
        // refuses such targets before it gets here.
        Engine::Redis => Vec::new(),
        Engine::MySql => {
            let u = format!("{}@'%'", quote_mysql_string(user));
            vec![
                format!(
                    "CREATE USER IF NOT EXISTS {u} IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';"
                ),
                format!("ALTER USER {u} REQUIRE SSL;"),
            ]
        }
    }
}

/// What [`ensure_pg_user`] found and did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PgOutcome {
    /// The role existed before.
    pub existed: bool,
    /// The role was a member of `rds_iam` before.
    pub was_member: bool,
}

impl PgOutcome {
    /// `created`, `granted` (existed, now a member of rds_iam) or `unchanged`.
    pub fn as_str(self) -> &'static str {
        match (self.existed, self.was_member) {
            (false, _) => "created",
            (true, false) => "granted",
            (true, true) => "unchanged",
        }
    }
}

fn query_error(what: &str, e: &tokio_postgres::Error) -> Error {
    match e.as_db_error() {
        Some(db) => {
            let err = Error::failure(format!("{what}: {}", one_line(db.message())));
            if db.code() == &tokio_postgres::error::SqlState::INSUFFICIENT_PRIVILEGE {
                err.with_hint("connect as the master user or a role with CREATEROLE")
            } else {
                err
            }
        }
        None => Error::failure(format!("{what}: {}", one_line(&e.to_string()))),
    }
}

async fn flag(
    client: &Client,
    what: &str,
    sql: &str,
    params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
) -> Result<bool> {
    client
        .query_one(sql, params)
        .await
        .map_err(|e| query_error(what, &e))?
        .try_get::<_, bool>(0)
        .map_err(|e| query_error(what, &e))
}

/// Make `user` a PostgreSQL login role that is a member of `rds_iam`, doing only what is
/// missing. The name goes to the server as a bind parameter in queries and as a quoted
/// identifier in `CREATE USER` / `GRANT`.
pub async fn ensure_pg_user(client: &Client, user: &str) -> Result<PgOutcome> {
    validate_user(Engine::Postgres, user)?;
    let has_rds_iam = flag(
        client,
        "cannot look up role rds_iam",
        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rds_iam')",
        &[],
    )
    .await?;
    if !has_rds_iam {
        return Err(Error::failure(
            "the database has no role rds_iam, so IAM authentication cannot work there",
        )
        .with_hint("RDS for PostgreSQL and Aurora PostgreSQL have it; is this an RDS database?"));
    }
    let existed = flag(
        client,
        "cannot look up the user",
        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
        &[&user],
    )
    .await?;
    let was_member = existed
        && flag(
            client,
            "cannot look up the user's roles",
            "SELECT EXISTS (SELECT 1 FROM pg_auth_members m \
             JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member \
             WHERE r.rolname = 'rds_iam' AND u.rolname = $1)",
            &[&user],
        )
        .await?;
    let quoted = quote_pg_ident(user);
    if !existed {
        crate::debug!("CREATE USER {quoted}");
        client
            .batch_execute(&format!("CREATE USER {quoted}"))
            .await
            .map_err(|e| query_error("CREATE USER failed", &e))?;
    }
    if !was_member {
        crate::debug!("GRANT rds_iam TO {quoted}");
        client
            .batch_execute(&format!("GRANT rds_iam TO {quoted}"))
            .await
            .map_err(|e| query_error("GRANT rds_iam failed", &e))?;
    }
    Ok(PgOutcome {
        existed,
        was_member,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote_pg_ident("app"), "\"app\"");
        assert_eq!(quote_pg_ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(quote_mysql_string("o'k\\"), "'o''k\\\\'");
    }

    #[test]
    fn statements_per_engine() {
        assert_eq!(
            statements(Engine::Postgres, "jane.doe@example.com"),
            [
                "CREATE USER \"jane.doe@example.com\";",
                "GRANT rds_iam TO \"jane.doe@example.com\";"
            ]
        );
        assert_eq!(
            statements(Engine::MySql, "app"),
            [
                "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';",
                "ALTER USER 'app'@'%' REQUIRE SSL;"
            ]
        );
    }

    #[test]
    fn names_that_cannot_be_users_are_refused() {
        for bad in ["x; drop table t", "a'b", "a\"b", "", "a b"] {
            assert_eq!(
                validate_user(Engine::Postgres, bad)
                    .unwrap_err()
                    .exit_code()
                    .code(),
                2,
                "{bad:?}"
            );
        }
        assert!(validate_user(Engine::Postgres, &"u".repeat(63)).is_ok());
        assert!(validate_user(Engine::Postgres, &"u".repeat(64)).is_err());
        assert!(validate_user(Engine::MySql, &"u".repeat(32)).is_ok());
        assert!(validate_user(Engine::MySql, &"u".repeat(33)).is_err());
    }
}
