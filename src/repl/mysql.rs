//! MySQL and MariaDB in the shell: the meta commands mapped to `SHOW DATABASES`,
//! `SHOW TABLES` and the columns `DESCRIBE` shows (the queries live in
//! [`crate::db::mysql::catalog`]).

use super::meta::Catalog;
use crate::db::mysql::catalog;

/// The MySQL catalogue queries.
#[derive(Debug, Clone, Copy, Default)]
pub struct MySqlCatalog;

impl Catalog for MySqlCatalog {
    fn list_databases(&self) -> String {
        catalog::list_databases()
    }

    fn list_tables(&self, pattern: Option<&str>) -> String {
        catalog::list_tables(pattern)
    }

    fn list_relations(&self) -> String {
        catalog::list_relations()
    }

    fn list_schemas(&self) -> String {
        catalog::list_schemas()
    }

    fn list_roles(&self) -> String {
        catalog::list_roles()
    }

    fn find_relations(&self, pattern: &str) -> String {
        catalog::find_relations(pattern)
    }

    fn describe_columns(&self, id: &str) -> String {
        catalog::describe_columns(id)
    }

    fn describe_indexes(&self, id: &str) -> String {
        catalog::describe_indexes(id)
    }

    fn describe_footers(&self, id: &str) -> Vec<(&'static str, String)> {
        vec![
            (
                "Foreign-key constraints",
                catalog::describe_foreign_keys(id),
            ),
            ("Referenced by", catalog::describe_referenced_by(id)),
        ]
    }

    fn completion_names(&self) -> String {
        catalog::completion_names()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_become_like() {
        assert_eq!(
            MySqlCatalog.list_tables(Some("t*")),
            "SHOW TABLES LIKE 't%'"
        );
    }
}
