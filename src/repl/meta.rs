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
        args: "[PATTERN]",
        about: "list databases",
    },
    Help {
        name: "d",
        args: "[NAME]",
        about: "describe a table, view, index or sequence (no NAME: list relations)",
    },
    Help {
        name: "dt",
        args: "[PATTERN]",
        about: "list tables (S: system ones too; +: more columns, on every \\d command)",
    },
    Help {
        name: "dv",
        args: "[PATTERN]",
        about: "list views (\\dm materialized views)",
    },
    Help {
        name: "di",
        args: "[PATTERN]",
        about: "list indexes",
    },
    Help {
        name: "ds",
        args: "[PATTERN]",
        about: "list sequences",
    },
    Help {
        name: "df",
        args: "[PATTERN]",
        about: "list functions",
    },
    Help {
        name: "dn",
        args: "[PATTERN]",
        about: "list schemas",
    },
    Help {
        name: "du",
        args: "[PATTERN]",
        about: "list roles",
    },
    Help {
        name: "dx",
        args: "[PATTERN]",
        about: "list installed extensions",
    },
    Help {
        name: "dp",
        args: "[PATTERN]",
        about: "list table, view and sequence access privileges",
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
}

/// Parse a meta command's name and arguments (as [`crate::sql::split::Splitter::meta_args`]
/// gives them); `None` when it is not one of the shell's own.
pub fn parse(name: &str, args: &[String]) -> Result<Option<Meta>> {
    let _ = args;
    Ok(Some(match name {
        "?" | "help" => Meta::Help,
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

/// The catalogue query of one engine that the shell itself needs (the describe commands
/// are [`crate::sql::describe`]'s).
pub trait Catalog: Send + Sync {
    /// Schema, table and column names for completion: one text column.
    fn completion_names(&self) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_shells_own_meta_commands() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(parse("?", &[]).unwrap(), Some(Meta::Help));
        // The describe commands are the engine's too (src/sql/describe.rs).
        assert_eq!(parse("dt", &a(&["t*"])).unwrap(), None);
        // Everything else is the engine's (src/sql/run.rs).
        assert_eq!(parse("timing", &a(&["on"])).unwrap(), None);
        assert_eq!(parse("zz", &[]).unwrap(), None);
    }
}
