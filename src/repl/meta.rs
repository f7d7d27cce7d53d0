//! Meta commands: the table behind `\?` and completion, parsing a backslash line into a
//! [`Meta`], psql's name patterns, and the [`Catalog`] trait through which each engine
//! supplies its own catalogue queries (PostgreSQL's are psql's, as `psql -E` shows them).

use crate::error::Result;

/// One meta command, for `\?`, completion and hints.
#[derive(Debug, Clone, Copy)]
pub struct Help {
    /// Name without the backslash.
    pub name: &'static str,
    /// Argument syntax.
    pub args: &'static str,
    /// What it does.
    pub about: &'static str,
}

/// Every meta command the shell knows.
pub const COMMANDS: &[Help] = &[
    Help {
        name: "?",
        args: "",
        about: "show this help",
    },
    Help {
        name: "q",
        args: "",
        about: "quit (Ctrl-D works too)",
    },
    Help {
        name: "l",
        args: "",
        about: "list databases",
    },
    Help {
        name: "dt",
        args: "[PATTERN]",
        about: "list tables",
    },
    Help {
        name: "d",
        args: "[NAME]",
        about: "describe a table, view or index (no NAME: list relations)",
    },
    Help {
        name: "dn",
        args: "",
        about: "list schemas",
    },
    Help {
        name: "du",
        args: "",
        about: "list roles",
    },
    Help {
        name: "x",
        args: "[on|off|auto]",
        about: "toggle expanded display",
    },
    Help {
        name: "a",
        args: "",
        about: "toggle between aligned and unaligned output",
    },
    Help {
        name: "t",
        args: "[on|off]",
        about: "show only rows (no header, no footer)",
    },
    Help {
        name: "C",
        args: "[TITLE]",
        about: "set the title printed above results, or unset it",
    },
    Help {
        name: "f",
        args: "[SEP]",
        about: "show or set the field separator for unaligned output",
    },
    Help {
        name: "timing",
        args: "[on|off]",
        about: "toggle showing how long statements take",
    },
    Help {
        name: "conninfo",
        args: "",
        about: "show the connection: host, TLS, IAM identity, token expiry",
    },
    Help {
        name: "c",
        args: "DBNAME",
        about: "connect to another database (same host and user)",
    },
    Help {
        name: "i",
        args: "FILE",
        about: "run the SQL in FILE (as dbiam sql -f FILE)",
    },
    Help {
        name: "copy",
        args: "TABLE|(QUERY) FROM|TO 'FILE'|pstdin|stdout [WITH (…)]",
        about: "COPY with the data in a file on this machine",
    },
    Help {
        name: "o",
        args: "[FILE | |COMMAND]",
        about: "send results to FILE or COMMAND, or back to stdout",
    },
    Help {
        name: "g",
        args: "[FILE | |COMMAND]",
        about: "run the statement (results to FILE or COMMAND)",
    },
    Help {
        name: "gx",
        args: "[FILE | |COMMAND]",
        about: "as \\g, in expanded display",
    },
    Help {
        name: "gset",
        args: "[PREFIX]",
        about: "run the statement, its one row into variables",
    },
    Help {
        name: "gexec",
        args: "",
        about: "run the statement, then each value of its result",
    },
    Help {
        name: "if",
        args: "EXPR",
        about: "begin a conditional block (\\elif EXPR, \\else, \\endif)",
    },
    Help {
        name: "set",
        args: "[NAME [VALUE]]",
        about: "set a variable (ON_ERROR_STOP, ECHO, QUIET, VERBOSITY, …), or list them",
    },
    Help {
        name: "unset",
        args: "NAME",
        about: "unset a variable",
    },
    Help {
        name: "echo",
        args: "TEXT",
        about: "print TEXT (\\qecho: to the \\o output, \\warn: to stderr)",
    },
    Help {
        name: "ir",
        args: "FILE",
        about: "as \\i, relative to the current file",
    },
    Help {
        name: "pset",
        args: "[NAME [VALUE]]",
        about: "set a print option: format (aligned|unaligned|csv|json|ndjson), border, null, …",
    },
];

/// A meta command the shell runs itself (the engine runs every other one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meta {
    /// `\?`
    Help,
    /// `\l`
    ListDatabases,
    /// `\dt [PATTERN]`
    ListTables(Option<String>),
    /// `\d NAME` (no name: list tables, views and sequences as psql does)
    Describe(Option<String>),
    /// `\dn`
    ListSchemas,
    /// `\du`
    ListRoles,
}

/// Parse a meta command's name and arguments (as [`crate::sql::split::Splitter::meta_args`]
/// gives them); `None` when it is not one of the shell's own.
pub fn parse(name: &str, args: &[String]) -> Result<Option<Meta>> {
    let first = args.first();
    Ok(Some(match name {
        "?" | "help" => Meta::Help,
        "l" | "list" | "l+" => Meta::ListDatabases,
        "dt" | "dt+" => Meta::ListTables(first.cloned()),
        "d" | "d+" => Meta::Describe(first.cloned()),
        "dn" | "dn+" => Meta::ListSchemas,
        "du" | "dg" | "du+" => Meta::ListRoles,
        _ => return Ok(None),
    }))
}

/// `\?`'s text.
pub fn help_text() -> String {
    let mut s = String::from("dbiam connect meta commands:\n");
    for c in COMMANDS {
        let left = if c.args.is_empty() {
            format!("\\{}", c.name)
        } else {
            format!("\\{} {}", c.name, c.args)
        };
        s.push_str(&format!("  {left:<36} {}\n", c.about));
    }
    s.push_str("\nStatements end at ';'. Ctrl-C cancels a running statement or clears the line; Ctrl-D quits.\n");
    s
}

/// A psql name pattern split into (schema regex, name regex), both anchored:
/// `*` is any text, `?` one character, `"…"` keeps case and special characters,
/// unquoted letters are folded to lower case, and a `.` outside quotes separates the
/// schema from the name.
pub fn pattern_regexes(pattern: &str) -> (Option<String>, String) {
    let mut parts: Vec<String> = vec![String::new()];
    let mut quoted = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let cur = parts.last_mut().expect("one part at least");
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(String::new()),
            '*' if !quoted => cur.push_str(".*"),
            '?' if !quoted => cur.push('.'),
            c if "|+()[]{}^$\\.*?".contains(c) => {
                cur.push('\\');
                cur.push(c);
            }
            c if !quoted => cur.extend(c.to_lowercase()),
            c => cur.push(c),
        }
    }
    let anchor = |s: &str| format!("^({s})$");
    match parts.len() {
        1 => (None, anchor(&parts[0])),
        _ => {
            let name = parts.pop().unwrap_or_default();
            let schema = parts.pop().unwrap_or_default();
            (Some(anchor(&schema)), anchor(&name))
        }
    }
}

/// A relation `\d` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// The engine's id for it (PostgreSQL: the oid).
    pub id: String,
    /// Schema (or MySQL database).
    pub schema: String,
    /// Name.
    pub name: String,
    /// What it is, as psql titles it: `Table`, `View`, `Index`, …
    pub kind: String,
}

/// The catalogue queries of one engine. Every method returns SQL to run; the
/// results are shown with the shell's renderers (or read back, for `\d` and completion).
pub trait Catalog: Send + Sync {
    /// `\l`
    fn list_databases(&self) -> String;
    /// `\dt [PATTERN]`
    fn list_tables(&self, pattern: Option<&str>) -> String;
    /// `\d` without a name: tables, views, sequences.
    fn list_relations(&self) -> String;
    /// `\dn`
    fn list_schemas(&self) -> String;
    /// `\du`
    fn list_roles(&self) -> String;
    /// Relations matching a `\d` pattern: rows of (id, schema, name, kind title).
    fn find_relations(&self, pattern: &str) -> String;
    /// The columns of relation `id` (Column, Type, Collation, Nullable, Default).
    fn describe_columns(&self, id: &str) -> String;
    /// The indexes of relation `id`: rows of (name, description) for the footer.
    fn describe_indexes(&self, id: &str) -> String;
    /// More footer sections of `\d` after the indexes, as psql shows them (`Check
    /// constraints:`, `Foreign-key constraints:`, `Referenced by:`, `Triggers:`): each a
    /// title and a query whose rows are the section's lines (one text column).
    fn describe_footers(&self, id: &str) -> Vec<(&'static str, String)> {
        let _ = id;
        Vec::new()
    }
    /// Schema, table and column names for completion: one text column.
    fn completion_names(&self) -> String;
}

/// A SQL string literal.
pub fn literal(s: &str) -> String {
    crate::sql::split::quote_literal(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_shells_own_meta_commands() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse("dt", &a(&["t*"])).unwrap(),
            Some(Meta::ListTables(Some("t*".into())))
        );
        assert_eq!(parse("?", &[]).unwrap(), Some(Meta::Help));
        // Everything else is the engine's (src/sql/run.rs).
        assert_eq!(parse("timing", &a(&["on"])).unwrap(), None);
        assert_eq!(parse("zz", &[]).unwrap(), None);
    }

    #[test]
    fn patterns_become_anchored_regexes() {
        assert_eq!(pattern_regexes("Orders*"), (None, "^(orders.*)$".into()));
        assert_eq!(
            pattern_regexes("app.t?"),
            (Some("^(app)$".into()), "^(t.)$".into())
        );
        assert_eq!(
            pattern_regexes("\"My.Table\""),
            (None, "^(My\\.Table)$".into())
        );
    }
}
