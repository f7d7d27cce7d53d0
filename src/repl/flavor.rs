//! What really differs between engines in the shell, and nothing else: the catalogue
//! queries behind the meta commands, how a server error prints (psql's way or the
//! mysql client's, both from [`crate::sql::report`]), the database in the prompt, and
//! whether an error inside a transaction aborts it. The connection itself is [`crate::db::AnyDriver`]'s.

use super::meta::Catalog;
use super::mysql::MySqlCatalog;
use super::postgres::PgCatalog;
use crate::db::{Engine, ServerError};
use crate::sql::report;

/// Whose manners the shell follows: psql's (PostgreSQL, Redshift, DSQL) or the mysql
/// client's (MySQL, MariaDB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// psql.
    Psql,
    /// The mysql client.
    Mysql,
}

impl Flavor {
    /// The manners for `engine`.
    pub fn of(engine: Engine) -> Flavor {
        match engine {
            Engine::MySql => Flavor::Mysql,
            // Redis never reaches a shell or a script (`redis_has_no_shell` refuses it first).
            Engine::Postgres | Engine::Redshift | Engine::Dsql | Engine::Redis => Flavor::Psql,
        }
    }

    /// Its catalogue queries.
    pub fn catalog(self) -> Box<dyn Catalog> {
        match self {
            Flavor::Psql => Box::new(PgCatalog),
            Flavor::Mysql => Box::new(MySqlCatalog),
        }
    }

    /// A server error as the engine's own client prints it.
    pub fn error_text(self, sql: &str, e: &ServerError) -> String {
        match self {
            Flavor::Psql => report::render(None, sql, e, report::Style::default()),
            Flavor::Mysql => report::mysql(e),
        }
    }

    /// The database as the prompt shows it (the mysql client's `(none)` for no database).
    pub fn prompt_database(self, dbname: &str) -> String {
        match self {
            Flavor::Mysql if dbname.is_empty() => "(none)".to_owned(),
            _ => dbname.to_owned(),
        }
    }

    /// Whether an error inside a transaction aborts it until ROLLBACK (PostgreSQL's
    /// rule; MySQL keeps the transaction usable).
    pub fn error_aborts_transaction(self) -> bool {
        self == Flavor::Psql
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_errors_print_like_psql() {
        let e = ServerError {
            severity: "ERROR".into(),
            code: "42P01".into(),
            message: "relation \"nope\" does not exist".into(),
            detail: None,
            hint: Some("h".into()),
            position: Some(15),
            context: Some("SQL function \"f\" statement 1".into()),
            internal: None,
            verbose: Default::default(),
        };
        assert_eq!(
            Flavor::Psql.error_text("select * from nope", &e),
            "ERROR:  relation \"nope\" does not exist\nLINE 1: select * from nope\n                      ^\nHINT:  h\nCONTEXT:  SQL function \"f\" statement 1\n"
        );
    }

    #[test]
    fn errors_print_like_the_mysql_client() {
        let e = ServerError {
            severity: "ERROR".into(),
            code: "1146 (42S02)".into(),
            message: "Table 'app.nope' doesn't exist".into(),
            ..ServerError::default()
        };
        assert_eq!(
            Flavor::Mysql.error_text("select * from nope", &e),
            "ERROR 1146 (42S02): Table 'app.nope' doesn't exist\n"
        );
        assert_eq!(Flavor::Mysql.prompt_database(""), "(none)");
        assert_eq!(Flavor::Psql.prompt_database("app"), "app");
    }
}
