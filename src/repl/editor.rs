//! The line editor: rustyline with dbiam's [`ShellHelper`] (completion of SQL keywords,
//! meta commands and catalogue names; a hint with a meta command's arguments), run on
//! the blocking pool so the current-thread runtime keeps driving the connection.

use std::sync::{Arc, Mutex, RwLock};

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::Validator;
use rustyline::{Config, Editor, Helper};

use super::meta::COMMANDS;
use crate::error::{Error, Result};

/// SQL keywords offered by tab completion (upper case; typed lower case stays lower case).
pub const KEYWORDS: &[&str] = &[
    "ABORT",
    "ALTER",
    "ANALYZE",
    "AND",
    "AS",
    "ASC",
    "BEGIN",
    "BETWEEN",
    "BY",
    "CASCADE",
    "CASE",
    "CHECK",
    "COLUMN",
    "COMMIT",
    "CONSTRAINT",
    "COPY",
    "CREATE",
    "CROSS",
    "DATABASE",
    "DEFAULT",
    "DELETE",
    "DESC",
    "DISTINCT",
    "DROP",
    "ELSE",
    "END",
    "EXCEPT",
    "EXISTS",
    "EXPLAIN",
    "FALSE",
    "FOREIGN",
    "FROM",
    "FULL",
    "FUNCTION",
    "GRANT",
    "GROUP",
    "HAVING",
    "IF",
    "ILIKE",
    "IN",
    "INDEX",
    "INNER",
    "INSERT",
    "INTERSECT",
    "INTO",
    "IS",
    "JOIN",
    "KEY",
    "LEFT",
    "LIKE",
    "LIMIT",
    "NOT",
    "NULL",
    "OFFSET",
    "ON",
    "OR",
    "ORDER",
    "OUTER",
    "PRIMARY",
    "REFERENCES",
    "RETURNING",
    "REVOKE",
    "RIGHT",
    "ROLE",
    "ROLLBACK",
    "SCHEMA",
    "SELECT",
    "SEQUENCE",
    "SET",
    "SHOW",
    "TABLE",
    "THEN",
    "TO",
    "TRUE",
    "TRUNCATE",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VACUUM",
    "VALUES",
    "VIEW",
    "WHEN",
    "WHERE",
    "WITH",
];

/// Catalogue names for completion, refreshed by the shell (after `\c` and DDL).
pub type Names = Arc<RwLock<Vec<String>>>;

/// rustyline's helper for the shell.
pub struct ShellHelper {
    names: Names,
}

impl ShellHelper {
    /// A helper completing from `names` as well as keywords and meta commands.
    pub fn new(names: Names) -> Self {
        ShellHelper { names }
    }

    /// Candidates for the word ending at `pos` in `line`: (start of the word, candidates).
    pub fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let before = &line[..pos];
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '\\' | '"')))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[start..];
        let mut out: Vec<String> = Vec::new();
        if let Some(cmd) = word.strip_prefix('\\') {
            if start == before.len() - word.len() && before[..start].trim().is_empty() {
                out.extend(
                    COMMANDS
                        .iter()
                        .filter(|c| c.name.starts_with(cmd))
                        .map(|c| format!("\\{}", c.name)),
                );
            }
            out.dedup();
            return (start, out);
        }
        if word.is_empty() {
            return (start, out);
        }
        let lower = word.to_lowercase();
        let upper_case = word.chars().any(|c| c.is_uppercase());
        for k in KEYWORDS {
            if k.to_lowercase().starts_with(&lower) {
                out.push(if upper_case {
                    (*k).to_owned()
                } else {
                    k.to_lowercase()
                });
            }
        }
        if let Ok(names) = self.names.read() {
            for n in names.iter() {
                if n.to_lowercase().starts_with(&lower) {
                    out.push(n.clone());
                }
            }
        }
        out.sort();
        out.dedup();
        (start, out)
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let (start, words) = self.candidates(line, pos);
        Ok((
            start,
            words
                .into_iter()
                .map(|w| Pair {
                    display: w.clone(),
                    replacement: w,
                })
                .collect(),
        ))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;

    /// After a complete meta command name, show its arguments (`\dt` → ` [PATTERN]`).
    fn hint(&self, line: &str, pos: usize, _ctx: &rustyline::Context<'_>) -> Option<String> {
        if pos != line.len() {
            return None;
        }
        let name = line.trim_start().strip_prefix('\\')?;
        COMMANDS
            .iter()
            .find(|c| c.name == name && !c.args.is_empty())
            .map(|c| format!(" {}", c.args))
    }
}

impl Highlighter for ShellHelper {}
impl Validator for ShellHelper {}
impl Helper for ShellHelper {}

/// What one prompt produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// A line (without its newline).
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D on an empty line, or the end of piped input.
    Eof,
    /// A line whose bytes are not UTF-8 text (it was read and dropped).
    NotUtf8,
}

/// The editor, shared with the blocking thread that reads each line.
#[derive(Clone)]
pub struct LineEditor {
    inner: Arc<Mutex<Editor<ShellHelper, DefaultHistory>>>,
}

impl std::fmt::Debug for LineEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LineEditor")
    }
}

fn editor_error(e: impl std::fmt::Display) -> Error {
    Error::failure(format!("the line editor failed: {e}"))
}

impl LineEditor {
    /// An editor completing from `names`, with `history` (oldest first) for the arrows.
    pub fn new(names: Names, history: &[String]) -> Result<Self> {
        let config = Config::builder()
            .auto_add_history(false)
            .max_history_size(super::history::MAX_ENTRIES)
            .map_err(editor_error)?
            .completion_type(rustyline::CompletionType::List)
            .build();
        let mut ed: Editor<ShellHelper, DefaultHistory> =
            Editor::with_config(config).map_err(editor_error)?;
        ed.set_helper(Some(ShellHelper::new(names)));
        for h in history {
            let _ = ed.history_mut().add(h);
        }
        Ok(LineEditor {
            inner: Arc::new(Mutex::new(ed)),
        })
    }

    /// Show `prompt` and read one line on the blocking pool.
    pub async fn read(&self, prompt: String) -> Result<Read> {
        let inner = self.inner.clone();
        let r = tokio::task::spawn_blocking(move || {
            let mut ed = inner.lock().map_err(editor_error)?;
            match ed.readline(&prompt) {
                Ok(line) => Ok(Read::Line(line)),
                Err(rustyline::error::ReadlineError::Interrupted) => Ok(Read::Interrupted),
                Err(rustyline::error::ReadlineError::Eof) => Ok(Read::Eof),
                Err(rustyline::error::ReadlineError::Io(e))
                    if e.kind() == std::io::ErrorKind::InvalidData =>
                {
                    Ok(Read::NotUtf8)
                }
                Err(e) => Err(editor_error(e)),
            }
        })
        .await
        .map_err(editor_error)?;
        r
    }

    /// Remember `entry` for the arrow keys in this session.
    pub fn add_history(&self, entry: &str) {
        if let Ok(mut ed) = self.inner.lock() {
            let _ = ed.add_history_entry(entry);
        }
    }

    /// The terminal's (columns, rows), when stdout is one.
    pub fn dimensions(&self) -> Option<(usize, usize)> {
        self.inner
            .lock()
            .ok()?
            .dimensions()
            .map(|(w, h)| (w as usize, h as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn helper(names: &[&str]) -> ShellHelper {
        ShellHelper::new(Arc::new(RwLock::new(
            names.iter().map(|s| s.to_string()).collect(),
        )))
    }

    #[test]
    fn completes_keywords_names_and_meta_commands() {
        let h = helper(&["orders", "order_items", "public"]);
        assert_eq!(h.candidates("sel", 3), (0, vec!["select".to_string()]));
        assert_eq!(h.candidates("SEL", 3).1, vec!["SELECT".to_string()]);
        let (start, c) = h.candidates("select * from ord", 17);
        assert_eq!(start, 14);
        assert_eq!(c, vec!["order", "order_items", "orders"]);
        let (_, c) = h.candidates("\\d", 2);
        assert!(c.contains(&"\\dt".to_string()) && c.contains(&"\\du".to_string()));
        assert!(c.iter().all(|x| x.starts_with("\\d")));
        assert_eq!(h.candidates("select ", 7).1, Vec::<String>::new());
    }
}
