//! PostgreSQL in the shell: psql's catalogue queries behind the meta commands (as
//! `psql -E` shows them, trimmed to what dbiam prints).

use super::meta::{literal, pattern_regexes, Catalog};

/// psql's catalogue queries.
#[derive(Debug, Clone, Copy, Default)]
pub struct PgCatalog;

const USER_SCHEMAS: &str =
    "n.nspname <> 'pg_catalog' AND n.nspname !~ '^pg_toast' AND n.nspname <> 'information_schema'";

fn name_filter(pattern: Option<&str>) -> String {
    match pattern {
        None => format!("{USER_SCHEMAS} AND pg_catalog.pg_table_is_visible(c.oid)"),
        Some(p) => {
            let (schema, name) = pattern_regexes(p);
            let mut w = format!(
                "c.relname OPERATOR(pg_catalog.~) {} COLLATE pg_catalog.default",
                literal(&name)
            );
            match schema {
                Some(s) => w.push_str(&format!(
                    " AND n.nspname OPERATOR(pg_catalog.~) {} COLLATE pg_catalog.default",
                    literal(&s)
                )),
                None => w.push_str(" AND pg_catalog.pg_table_is_visible(c.oid)"),
            }
            w
        }
    }
}

fn relations(kinds: &str, pattern: Option<&str>) -> String {
    format!(
        "SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n  \
         CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' \
         WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' \
         WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\",\n  \
         pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"\n\
         FROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n\
         WHERE c.relkind IN ({kinds})\n      AND {}\nORDER BY 1,2",
        name_filter(pattern)
    )
}

impl Catalog for PgCatalog {
    fn list_databases(&self) -> String {
        "SELECT d.datname as \"Name\",\n       pg_catalog.pg_get_userbyid(d.datdba) as \"Owner\",\n       \
         pg_catalog.pg_encoding_to_char(d.encoding) as \"Encoding\",\n       d.datcollate as \"Collate\",\n       \
         d.datctype as \"Ctype\",\n       pg_catalog.array_to_string(d.datacl, E'\\n') AS \"Access privileges\"\n\
         FROM pg_catalog.pg_database d\nORDER BY 1"
            .into()
    }

    fn list_tables(&self, pattern: Option<&str>) -> String {
        relations("'r','p',''", pattern)
    }

    fn list_relations(&self) -> String {
        relations("'r','p','v','m','S','f',''", None)
    }

    fn list_schemas(&self) -> String {
        "SELECT n.nspname AS \"Name\",\n  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\"\n\
         FROM pg_catalog.pg_namespace n\nWHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\nORDER BY 1"
            .into()
    }

    fn list_roles(&self) -> String {
        "SELECT r.rolname AS \"Role name\",\n  pg_catalog.concat_ws(', ',\n    \
         CASE WHEN r.rolsuper THEN 'Superuser' END,\n    CASE WHEN NOT r.rolinherit THEN 'No inheritance' END,\n    \
         CASE WHEN r.rolcreaterole THEN 'Create role' END,\n    CASE WHEN r.rolcreatedb THEN 'Create DB' END,\n    \
         CASE WHEN NOT r.rolcanlogin THEN 'Cannot login' END,\n    CASE WHEN r.rolreplication THEN 'Replication' END,\n    \
         CASE WHEN r.rolbypassrls THEN 'Bypass RLS' END) AS \"Attributes\",\n  \
         pg_catalog.array_to_string(ARRAY(SELECT b.rolname FROM pg_catalog.pg_auth_members m \
         JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid) WHERE m.member = r.oid ORDER BY 1), ', ') AS \"Member of\"\n\
         FROM pg_catalog.pg_roles r\nWHERE r.rolname !~ '^pg_'\nORDER BY 1"
            .into()
    }

    fn find_relations(&self, pattern: &str) -> String {
        format!(
            "SELECT c.oid::pg_catalog.text, n.nspname, c.relname,\n  \
             CASE c.relkind WHEN 'r' THEN 'Table' WHEN 'v' THEN 'View' WHEN 'm' THEN 'Materialized view' \
             WHEN 'i' THEN 'Index' WHEN 'S' THEN 'Sequence' WHEN 'f' THEN 'Foreign table' \
             WHEN 'p' THEN 'Partitioned table' WHEN 'I' THEN 'Partitioned index' ELSE 'Relation' END\n\
             FROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n\
             WHERE {}\nORDER BY 2, 3",
            name_filter(Some(pattern))
        )
    }

    fn describe_columns(&self, id: &str) -> String {
        format!(
            "SELECT a.attname AS \"Column\",\n  pg_catalog.format_type(a.atttypid, a.atttypmod) AS \"Type\",\n  \
             coalesce((SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t\n   \
             WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation), '') AS \"Collation\",\n  \
             CASE WHEN a.attnotnull THEN 'not null' ELSE '' END AS \"Nullable\",\n  \
             coalesce(CASE WHEN a.attidentity = 'a' THEN 'generated always as identity' \
             WHEN a.attidentity = 'd' THEN 'generated by default as identity' \
             ELSE pg_catalog.pg_get_expr(d.adbin, d.adrelid, true) END, '') AS \"Default\"\n\
             FROM pg_catalog.pg_attribute a\n     LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum\n\
             WHERE a.attrelid = {} AND a.attnum > 0 AND NOT a.attisdropped\nORDER BY a.attnum",
            literal(id)
        )
    }

    fn describe_indexes(&self, id: &str) -> String {
        format!(
            "SELECT c2.relname,\n  CASE WHEN i.indisprimary THEN 'PRIMARY KEY, ' WHEN i.indisunique THEN \
             CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype = 'u') \
             THEN 'UNIQUE CONSTRAINT, ' ELSE 'UNIQUE, ' END ELSE '' END\n  \
             || pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(i.indexrelid, 0, true), '^.* USING ', '')\n\
             FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c2 ON c2.oid = i.indexrelid\n\
             WHERE i.indrelid = {}\nORDER BY i.indisprimary DESC, c2.relname",
            literal(id)
        )
    }

    fn describe_footers(&self, id: &str) -> Vec<(&'static str, String)> {
        let id = literal(id);
        vec![
            (
                "Check constraints",
                format!(
                    "SELECT '\"' || r.conname || '\" ' || pg_catalog.pg_get_constraintdef(r.oid, true)\n\
                     FROM pg_catalog.pg_constraint r\nWHERE r.conrelid = {id} AND r.contype = 'c'\nORDER BY r.conname"
                ),
            ),
            (
                "Foreign-key constraints",
                format!(
                    "SELECT '\"' || r.conname || '\" ' || pg_catalog.pg_get_constraintdef(r.oid, true)\n\
                     FROM pg_catalog.pg_constraint r\nWHERE r.conrelid = {id} AND r.contype = 'f' AND r.conparentid = 0\nORDER BY r.conname"
                ),
            ),
            (
                "Referenced by",
                format!(
                    "SELECT 'TABLE \"' || c.conrelid::pg_catalog.regclass || '\" CONSTRAINT \"' || c.conname || '\" ' \
                     || pg_catalog.pg_get_constraintdef(c.oid, true)\nFROM pg_catalog.pg_constraint c\n\
                     WHERE c.confrelid = {id} AND c.contype = 'f' AND c.conparentid = 0\nORDER BY c.conname"
                ),
            ),
            (
                "Triggers",
                format!(
                    "SELECT pg_catalog.regexp_replace(pg_catalog.pg_get_triggerdef(t.oid, true), '^CREATE (CONSTRAINT )?TRIGGER ', '')\n\
                     FROM pg_catalog.pg_trigger t\nWHERE t.tgrelid = {id} AND NOT t.tgisinternal\nORDER BY t.tgname"
                ),
            ),
        ]
    }

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
    fn patterns_filter_by_schema_and_visibility() {
        let q = PgCatalog.list_tables(Some("app.ord*"));
        assert!(q.contains("'^(ord.*)$'") && q.contains("'^(app)$'"), "{q}");
        assert!(!q.contains("pg_table_is_visible"));
        let q = PgCatalog.list_tables(None);
        assert!(q.contains("pg_table_is_visible") && q.contains("information_schema"));
        assert!(PgCatalog.describe_columns("16384").contains("= '16384'"));
    }
}
