//! A server error as psql prints it while running a script: `FILE:LINE: ERROR:  message`
//! (the line the statement ended on, as psql counts it), then libpq's `LINE n:` with the
//! statement's line and a caret under the error's position, `DETAIL:`, `HINT:`, `QUERY:`
//! and `CONTEXT:` lines, each server text verbatim; with `VERBOSITY verbose` the SQLSTATE,
//! the object names and libpq's `LOCATION:  routine, file:line`.

use crate::db::ServerError;

/// libpq's screen width limit for the `LINE n:` excerpt, and how far it tries to keep the
/// caret from the excerpt's end (`reportErrorPosition` in fe-protocol3.c).
const DISPLAY_SIZE: usize = 60;
const MIN_RIGHT_CUT: usize = 10;

/// Which parts of an error are shown (psql's `VERBOSITY` and `SHOW_CONTEXT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// `VERBOSITY`.
    pub verbosity: Verbosity,
    /// `SHOW_CONTEXT`: whether CONTEXT lines are shown for errors.
    pub context: bool,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            verbosity: Verbosity::Default,
            context: true,
        }
    }
}

/// psql's `VERBOSITY` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Severity and message only.
    Terse,
    /// Message, position, DETAIL, HINT, QUERY, CONTEXT.
    Default,
    /// As default, with the SQLSTATE after the severity.
    Verbose,
    /// Severity and SQLSTATE only.
    Sqlstate,
}

/// The whole report (ending with a newline). `location` is psql's `FILE:LINE:` prefix
/// with the program's name (`dbiam:f.sql:3:`), none for `-c`.
pub fn render(location: Option<&str>, statement: &str, e: &ServerError, style: Style) -> String {
    let mut out = String::new();
    if let Some(loc) = location {
        out.push_str(loc);
        out.push(' ');
    }
    out.push_str(&e.severity);
    out.push_str(":  ");
    match style.verbosity {
        Verbosity::Sqlstate => {
            out.push_str(&e.code);
            out.push('\n');
            return out;
        }
        Verbosity::Verbose => {
            out.push_str(&e.code);
            out.push_str(": ");
        }
        _ => {}
    }
    out.push_str(&e.message);
    if style.verbosity == Verbosity::Terse {
        if let Some(p) = e.position {
            out.push_str(&format!(" at character {p}"));
        }
        out.push('\n');
        return out;
    }
    out.push('\n');
    match (e.position, &e.internal) {
        (Some(p), _) => position(&mut out, statement, p),
        (None, Some((p, query))) => position(&mut out, query, *p),
        _ => {}
    }
    let mut field = |name: &str, value: &Option<String>| {
        if let Some(v) = value {
            out.push_str(&format!("{name}:  {v}\n"));
        }
    };
    field("DETAIL", &e.detail);
    field("HINT", &e.hint);
    field("QUERY", &e.internal.as_ref().map(|(_, q)| q.clone()));
    if style.context {
        field("CONTEXT", &e.context);
    }
    if style.verbosity == Verbosity::Verbose {
        // libpq's pqBuildErrorMessage3: the objects, then where the server raised it.
        let v = &e.verbose;
        field("SCHEMA NAME", &v.schema);
        field("TABLE NAME", &v.table);
        field("COLUMN NAME", &v.column);
        field("DATATYPE NAME", &v.datatype);
        field("CONSTRAINT NAME", &v.constraint);
        if v.routine.is_some() || v.file.is_some() || v.line.is_some() {
            out.push_str("LOCATION:  ");
            if let Some(r) = &v.routine {
                out.push_str(&format!("{r}, "));
            }
            if let (Some(f), Some(l)) = (&v.file, v.line) {
                out.push_str(&format!("{f}:{l}"));
            }
            out.push('\n');
        }
    }
    out
}

/// A server error as the mysql client prints it: `ERROR 1146 (42S02): Table 'app.nope' doesn't exist`.
pub fn mysql(e: &ServerError) -> String {
    format!("{} {}: {}\n", e.severity, e.code, e.message)
}

/// libpq's `reportErrorPosition`: the line of `query` holding 1-based character `loc`,
/// cut to [`DISPLAY_SIZE`] columns around it, and a caret under it.
fn position(out: &mut String, query: &str, loc: u32) {
    let Some(loc) = (loc as usize).checked_sub(1) else {
        return;
    };
    let chars: Vec<char> = query
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let (mut line, mut begin, mut end) = (1, 0, None);
    for (i, &c) in chars.iter().enumerate() {
        if c == '\r' || c == '\n' {
            if i < loc {
                if c == '\r' || i == 0 || chars[i - 1] != '\r' {
                    line += 1;
                }
                begin = i + 1;
            } else {
                end = Some(i);
                break;
            }
        }
    }
    let mut end = end.unwrap_or(chars.len());
    if loc > chars.len() {
        return;
    }
    let (mut cut_begin, mut cut_end) = (false, false);
    if end - begin > DISPLAY_SIZE {
        if begin + DISPLAY_SIZE >= loc + MIN_RIGHT_CUT {
            while end - begin > DISPLAY_SIZE {
                end -= 1;
            }
            cut_end = true;
        } else {
            while loc + MIN_RIGHT_CUT < end {
                end -= 1;
                cut_end = true;
            }
            while end - begin > DISPLAY_SIZE {
                begin += 1;
                cut_begin = true;
            }
        }
    }
    let mut prefix = format!("LINE {line}: ");
    if cut_begin {
        prefix.push_str("...");
    }
    let width = prefix.chars().count() + loc - begin;
    out.push_str(&prefix);
    out.extend(&chars[begin..end]);
    if cut_end {
        out.push_str("...");
    }
    out.push('\n');
    out.push_str(&" ".repeat(width));
    out.push_str("^\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(message: &str, position: Option<u32>) -> ServerError {
        ServerError {
            severity: "ERROR".into(),
            code: "42P01".into(),
            message: message.into(),
            position,
            ..ServerError::default()
        }
    }

    #[test]
    fn renders_like_psql() {
        let e = err("relation \"nope\" does not exist", Some(15));
        assert_eq!(
            render(
                Some("dbiam:f.sql:5:"),
                "select * from nope\n where x;",
                &e,
                Style::default()
            ),
            "dbiam:f.sql:5: ERROR:  relation \"nope\" does not exist\nLINE 1: select * from nope\n                      ^\n"
        );
        let e = ServerError {
            detail: Some("d  d".into()),
            hint: Some("h".into()),
            context: Some("c1\nc2".into()),
            ..err("a  b", Some(12))
        };
        assert_eq!(
            render(None, "select 1,\n\tnope", &e, Style::default()),
            "ERROR:  a  b\nLINE 2:  nope\n         ^\nDETAIL:  d  d\nHINT:  h\nCONTEXT:  c1\nc2\n"
        );
        let terse = Style {
            verbosity: Verbosity::Terse,
            context: true,
        };
        assert_eq!(
            render(None, "x", &e, terse),
            "ERROR:  a  b at character 12\n"
        );
        let e = ServerError {
            verbose: Box::new(crate::db::VerboseFields {
                table: Some("t".into()),
                routine: Some("scanner_yyerror".into()),
                file: Some("scan.l".into()),
                line: Some(1188),
                ..Default::default()
            }),
            ..err("m", None)
        };
        let verbose = Style {
            verbosity: Verbosity::Verbose,
            context: true,
        };
        assert_eq!(
            render(None, "x", &e, verbose),
            "ERROR:  42P01: m\nTABLE NAME:  t\nLOCATION:  scanner_yyerror, scan.l:1188\n"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let q = format!("select {} from nope", "x, ".repeat(30));
        let e = err("m", Some(q.find("nope").unwrap() as u32 + 1));
        let text = render(None, &q, &e, Style::default());
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].starts_with("LINE 1: ...") && lines[1].ends_with("from nope"));
        let caret = lines[2].find('^').unwrap();
        assert_eq!(&lines[1][caret..caret + 4], "nope");
    }
}
