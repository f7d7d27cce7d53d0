//! Meta commands: the table behind `\?` and completion, parsing a backslash line into a
//! [`Meta`], and the [`Catalog`] trait through which each engine supplies its completion
//! query (the describe commands and their queries are [`crate::sql::describe`]'s).

use crate::error::{Error, Result};

use super::render::Expanded;
use crate::output::Format;

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
        args: "[FILE]",
        about: "send results to FILE, or back to stdout",
    },
    Help {
        name: "pset",
        args: "format table|csv|json|ndjson",
        about: "set the output format",
    },
];

/// A parsed meta command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meta {
    /// `\?`
    Help,
    /// `\q`
    Quit,
    /// A describe command (`\d`, `\dt`, `\l`, …: [`crate::sql::describe`]): its name and arguments.
    Describe(String, Vec<String>),
    /// `\x [on|off|auto]` (`None` toggles)
    Expanded(Option<Expanded>),
    /// `\timing [on|off]` (`None` toggles)
    Timing(Option<bool>),
    /// `\conninfo`
    ConnInfo,
    /// `\c DBNAME`
    Connect(String),
    /// `\i FILE`
    Include(String),
    /// `\o [FILE]`
    Output(Option<String>),
    /// `\pset format F`
    Format(Format),
    /// `\set`, `\unset` (done by the splitter; nothing more to do)
    Variable,
    /// `\echo TEXT`
    Echo(String),
}

fn on_off(what: &str, v: Option<&String>) -> Result<Option<bool>> {
    match v.map(String::as_str) {
        None => Ok(None),
        Some("on" | "true" | "1" | "yes") => Ok(Some(true)),
        Some("off" | "false" | "0" | "no") => Ok(Some(false)),
        Some(o) => Err(Error::usage(format!(
            "\\{what}: unrecognized value \"{o}\"; use on or off"
        ))),
    }
}

/// Parse a meta command's name and arguments (as [`crate::sql::split::Splitter::meta_args`] gives them).
pub fn parse(name: &str, args: &[String]) -> Result<Meta> {
    let first = args.first();
    let need = |what: &str| {
        first.cloned().ok_or_else(|| {
            Error::usage(format!("\\{name}: missing required argument"))
                .with_hint(format!("write \\{name} {what}"))
        })
    };
    Ok(match name {
        "?" | "help" => Meta::Help,
        "q" | "quit" => Meta::Quit,
        d if crate::sql::describe::handles(d) => Meta::Describe(d.to_owned(), args.to_vec()),
        "x" => Meta::Expanded(match first.map(String::as_str) {
            None => None,
            Some("auto") => Some(Expanded::Auto),
            Some(_) => on_off("x", first)?.map(|on| if on { Expanded::On } else { Expanded::Off }),
        }),
        "timing" => Meta::Timing(on_off("timing", first)?),
        "conninfo" => Meta::ConnInfo,
        "c" | "connect" => Meta::Connect(need("DBNAME")?),
        "i" | "include" => Meta::Include(need("FILE")?),
        "o" | "out" => Meta::Output(first.cloned()),
        "pset" => match (first.map(String::as_str), args.get(1)) {
            (Some("format"), Some(f)) => Meta::Format(Format::from_pset(f).ok_or_else(|| {
                Error::usage(format!(
                    "\\pset: allowed formats are table, csv, json, ndjson (not \"{f}\")"
                ))
            })?),
            _ => {
                return Err(Error::usage("\\pset: only \"format\" is supported")
                    .with_hint("write \\pset format table|csv|json|ndjson"))
            }
        },
        "set" | "unset" => Meta::Variable,
        "echo" => Meta::Echo(args.join(" ")),
        other => {
            return Err(
                Error::usage(format!("invalid command \\{other}")).with_hint("try \\? for help")
            )
        }
    })
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
    fn parses_meta_commands() {
        let a = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            parse("dt", &a(&["t*"])).unwrap(),
            Meta::Describe("dt".into(), a(&["t*"]))
        );
        assert_eq!(
            parse("x", &a(&["auto"])).unwrap(),
            Meta::Expanded(Some(Expanded::Auto))
        );
        assert_eq!(parse("x", &[]).unwrap(), Meta::Expanded(None));
        assert_eq!(
            parse("timing", &a(&["on"])).unwrap(),
            Meta::Timing(Some(true))
        );
        assert_eq!(
            parse("pset", &a(&["format", "csv"])).unwrap(),
            Meta::Format(Format::Csv)
        );
        assert!(parse("pset", &a(&["format", "html"])).is_err());
        assert!(parse("c", &[]).is_err());
        assert!(parse("zz", &[])
            .unwrap_err()
            .to_string()
            .contains("invalid command"));
    }
}
