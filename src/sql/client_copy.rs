//! psql's `\copy`: a `COPY … FROM STDIN` / `TO STDOUT` whose data dbiam reads from or
//! writes to a file on the client (the way to bulk-load an RDS or Aurora database, whose
//! server cannot read the client's files). Shared by `dbiam sql` and `dbiam connect`.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use super::run::CopyIn;
use crate::db::{Driver, ExecError};
use crate::error::{Error, Kind, Result};
use crate::output::results::ResultSink;

/// Where a `\copy`'s data comes from or goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file on the client.
    File(PathBuf),
    /// dbiam's own stdin (`pstdin`) or stdout (`stdout`, `pstdout`).
    Stdio,
}

/// A parsed `\copy`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCopy {
    /// The statement the server runs (`COPY … FROM STDIN` or `COPY … TO STDOUT`).
    pub sql: String,
    /// Data goes to the server (`from`).
    pub from: bool,
    /// The client side.
    pub target: Target,
    /// The options after the file, as written.
    pub options: String,
}

fn bad(msg: impl Into<String>) -> Error {
    Error::new(Kind::Script, format!("\\copy: {}", msg.into())).with_hint(
        "\\copy TABLE [(COLUMNS)] FROM 'FILE' | pstdin [WITH (…)], or \\copy TABLE|(QUERY) TO 'FILE' | stdout [WITH (…)]",
    )
}

/// Parse the arguments of `\copy` (the rest of its line), as psql does: the table (with
/// its columns) or a parenthesized query, `from` or `to`, then a quoted or bare file
/// name or `pstdin`/`stdout`/`pstdout`, then the options, passed to the server as written.
pub fn parse(args: &str) -> Result<ClientCopy> {
    let args = args.trim().trim_end_matches(';').trim_end();
    let b = args.as_bytes();
    // The `from`/`to` keyword: at depth 0, outside quotes, after the table or query.
    let (mut depth, mut quote, mut at) = (0usize, None::<u8>, None);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'\'' | b'"' => quote = Some(c),
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                _ if depth == 0
                    && (i == 0 || b[i - 1].is_ascii_whitespace() || b[i - 1] == b')') =>
                {
                    let word: String = args[i..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphabetic())
                        .collect::<String>()
                        .to_ascii_lowercase();
                    let ends = b
                        .get(i + word.len())
                        .is_none_or(|c| c.is_ascii_whitespace());
                    if (word == "from" || word == "to") && ends && i > 0 {
                        at = Some((i, word == "from"));
                        break;
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    let (at, from) = at.ok_or_else(|| bad("expected FROM or TO"))?;
    let head = args[..at].trim();
    if head.is_empty() {
        return Err(bad("expected a table or a (query)"));
    }
    let rest = args[at + if from { 4 } else { 2 }..].trim_start();
    // The file: 'quoted' ('' is a quote), or a bare word.
    let (file, options) = if let Some(body) = rest.strip_prefix('\'') {
        let mut name = String::new();
        let mut chars = body.char_indices().peekable();
        let mut end = None;
        while let Some((j, c)) = chars.next() {
            if c == '\'' {
                if chars.peek().map(|&(_, n)| n) == Some('\'') {
                    name.push('\'');
                    chars.next();
                } else {
                    end = Some(j + 1);
                    break;
                }
            } else {
                name.push(c);
            }
        }
        let end = end.ok_or_else(|| bad("unterminated quoted file name"))?;
        (Some(name), &body[end..])
    } else {
        let word = rest.split_whitespace().next().unwrap_or("");
        let target = match word.to_ascii_lowercase().as_str() {
            "" => return Err(bad("expected a file name, pstdin or stdout")),
            "pstdin" if from => None,
            "stdout" | "pstdout" if !from => None,
            "stdin" => {
                return Err(bad(
                    "FROM stdin reads the script's own lines in psql; dbiam runs COPY … FROM STDIN for that, or reads pstdin",
                ))
            }
            "program" => return Err(bad("PROGRAM is not supported: dbiam runs no commands")),
            w @ ("pstdin" | "stdout" | "pstdout") => {
                return Err(bad(format!("{w} does not fit {}", if from { "FROM" } else { "TO" })))
            }
            _ => Some(word.to_owned()),
        };
        (target, &rest[word.len()..])
    };
    let target = match file {
        Some(f) => Target::File(PathBuf::from(f)),
        None => Target::Stdio,
    };
    let sql = format!(
        "COPY {head} {} {}",
        if from { "FROM STDIN" } else { "TO STDOUT" },
        options.trim()
    )
    .trim_end()
    .to_owned();
    Ok(ClientCopy {
        sql,
        from,
        target,
        options: options.trim().to_owned(),
    })
}

/// How many of the server's data messages for a `COPY … TO` with these options are not
/// rows: a header line (`HEADER`), or binary's trailer (its header rides with the first row).
fn non_row_messages(options: &str) -> u64 {
    let words: Vec<String> = options
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let header = words.iter().enumerate().any(|(i, w)| {
        w == "header"
            && !words
                .get(i + 1)
                .is_some_and(|n| matches!(n.as_str(), "false" | "off" | "0"))
    });
    u64::from(header || words.iter().any(|w| w == "binary"))
}

/// Writes a COPY's data to a file (or stdout) and counts its rows (the server sends one
/// message per row in the text and CSV formats).
struct RawSink<W: Write> {
    out: W,
    rows: u64,
}

impl<W: Write> ResultSink for RawSink<W> {
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn copy_out(&mut self, data: &[u8]) -> io::Result<()> {
        self.rows += 1;
        self.out.write_all(data)
    }
}

/// Run a parsed `\copy` at `line` through `driver` and complete `sink` with `COPY n`.
/// The outer error is the client's (a file that cannot be read or written); the inner
/// one the server's or the connection's.
pub async fn run<D: Driver>(
    driver: &mut D,
    copy: ClientCopy,
    line: usize,
    sink: &mut dyn ResultSink,
) -> Result<std::result::Result<(), ExecError>> {
    let file_error = |what: &str, path: &PathBuf, e: io::Error| {
        Error::new(
            Kind::Script,
            format!("\\copy: cannot {what} {}: {e}", path.display()),
        )
    };
    if copy.from {
        let mut input: Box<dyn Read> = match &copy.target {
            Target::File(p) => Box::new(File::open(p).map_err(|e| file_error("read", p, e))?),
            Target::Stdio => Box::new(io::stdin()),
        };
        let (mut feed, started) = CopyIn::start(driver, copy.sql, line).await;
        if let Err(e) = started {
            return Ok(Err(e));
        }
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = match input.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    driver.copy_abort();
                    return Err(Error::new(
                        Kind::Script,
                        format!("\\copy: cannot read the data: {e}"),
                    ));
                }
            };
            if let Err(e) = feed.data(driver, &buf[..n]).await {
                return Ok(Err(e));
            }
        }
        Ok(feed.end(driver, sink).await)
    } else {
        let out: Box<dyn Write> = match &copy.target {
            Target::File(p) => Box::new(io::BufWriter::new(
                File::create(p).map_err(|e| file_error("write", p, e))?,
            )),
            Target::Stdio => {
                // What the script printed before comes first (psql has one stdout).
                if let Err(e) = sink.flush() {
                    return Ok(Err(ExecError::Output(e)));
                }
                Box::new(io::stdout())
            }
        };
        let skip = non_row_messages(&copy.options);
        let mut raw = RawSink { out, rows: 0 };
        let result = driver.execute(&copy.sql, &mut raw).await;
        if let Err(e) = raw.flush() {
            return Ok(Err(ExecError::Output(e)));
        }
        if result.is_ok() {
            if let Err(e) = sink.complete(&format!("COPY {}", raw.rows.saturating_sub(skip))) {
                return Ok(Err(ExecError::Output(e)));
            }
        }
        Ok(result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(sql: &str, from: bool, path: &str, options: &str) -> ClientCopy {
        ClientCopy {
            sql: sql.into(),
            from,
            target: Target::File(path.into()),
            options: options.into(),
        }
    }

    #[test]
    fn parses_psql_copy_arguments() {
        assert_eq!(
            parse("items (id, name) from '/tmp/it''s.csv' with (format csv, header)").unwrap(),
            file(
                "COPY items (id, name) FROM STDIN with (format csv, header)",
                true,
                "/tmp/it's.csv",
                "with (format csv, header)"
            )
        );
        assert_eq!(
            parse("(select 1 from t where a = 'to') TO out.csv csv header;").unwrap(),
            file(
                "COPY (select 1 from t where a = 'to') TO STDOUT csv header",
                false,
                "out.csv",
                "csv header"
            )
        );
        assert_eq!(
            parse("\"From\" FROM pstdin").unwrap(),
            ClientCopy {
                sql: "COPY \"From\" FROM STDIN".into(),
                from: true,
                target: Target::Stdio,
                options: String::new(),
            }
        );
        assert_eq!(parse("t to stdout").unwrap().target, Target::Stdio);
        assert_eq!(non_row_messages("with (format csv, header)"), 1);
        assert_eq!(non_row_messages("csv HEADER"), 1);
        assert_eq!(non_row_messages("with (format csv, header false)"), 0);
        assert_eq!(non_row_messages("with (format binary)"), 1);
        assert_eq!(non_row_messages("csv"), 0);
        for bad in [
            "t",
            "from 'x'",
            "t from",
            "t from stdin",
            "t to pstdin",
            "t from program 'ls'",
            "t from 'open",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
