//! PostgreSQL in the shell: the names completion offers (the describe commands are
//! [`crate::sql::describe`]'s).

use super::meta::Catalog;

/// PostgreSQL's completion query.
#[derive(Debug, Clone, Copy, Default)]
pub struct PgCatalog;

const USER_SCHEMAS: &str =
    "n.nspname <> 'pg_catalog' AND n.nspname !~ '^pg_toast' AND n.nspname <> 'information_schema'";

impl Catalog for PgCatalog {
    fn completion_names(&self) -> String {
        format!(
            "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n\
             UNION SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n  \
             WHERE c.relkind IN ('r','p','v','m','f') AND {USER_SCHEMAS}\n\
             UNION SELECT a.attname FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid\n  \
             JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n  \
             WHERE c.relkind IN ('r','p','v','m','f') AND a.attnum > 0 AND NOT a.attisdropped AND {USER_SCHEMAS}\n\
             LIMIT 5000"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completion_names_skip_system_schemas() {
        let q = PgCatalog.completion_names();
        assert!(
            q.contains("information_schema") && q.contains("LIMIT 5000"),
            "{q}"
        );
    }
}
