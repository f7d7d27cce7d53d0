//! psql's print-setting meta commands, for `dbiam sql` and `dbiam connect` alike: `\pset`,
//! `\a`, `\t`, `\x`, `\C` and `\f`, with psql's arguments (abbreviated format names,
//! boolean words, toggling without a value), its confirmations (`Output format is
//! unaligned.`, printed unless quiet) and its error messages. They change a
//! [`PrintSettings`]; the renderers in `output::results` read it.

use super::cond::parse_bool;
use crate::output::results::{Expanded, PrintSettings, Separator};
use crate::output::Format;

/// What a print command prints on success.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// psql's confirmation (`Border style is 2.`), printed unless quiet.
    Confirm(String),
    /// `\pset` alone: every setting, printed even when quiet.
    Listing(String),
    /// Nothing: psql says nothing when a boolean is given its value (`\t on`, `\pset
    /// footer off`), only when toggled.
    Silent,
}

/// Whether `cmd` (a meta command's name) is one of the print-setting commands.
pub fn handles(cmd: &str) -> bool {
    matches!(cmd, "pset" | "a" | "t" | "x" | "C" | "f")
}

/// Run print command `cmd` with its arguments on `settings`. `Err` is psql's error message
/// (settings unchanged).
pub fn apply(cmd: &str, args: &[String], settings: &mut PrintSettings) -> Result<Reply, String> {
    let first = args.first().map(String::as_str);
    let (param, value) = match cmd {
        "pset" => match first {
            None => return Ok(Reply::Listing(listing(settings))),
            Some(p) => (p, args.get(1).map(String::as_str)),
        },
        "a" => {
            let to = if settings.format == Format::Table {
                "unaligned"
            } else {
                "aligned"
            };
            ("format", Some(to))
        }
        "t" => ("tuples_only", first),
        "x" => ("expanded", first),
        "C" => ("title", first),
        "f" => ("fieldsep", first),
        other => return Err(format!("invalid command \\{other}")),
    };
    set(param, value, settings)?;
    if value.is_some() && matches!(param, "t" | "tuples_only" | "footer") {
        return Ok(Reply::Silent);
    }
    Ok(Reply::Confirm(confirmation(param, settings)))
}

/// psql's format names, in its order, with dbiam's JSON formats among them (for
/// abbreviations); `None` for the ones dbiam does not print.
const FORMATS: &[(&str, Option<Format>)] = &[
    ("aligned", Some(Format::Table)),
    ("asciidoc", None),
    ("csv", Some(Format::Csv)),
    ("html", None),
    ("json", Some(Format::Json)),
    ("latex", None),
    ("ndjson", Some(Format::Ndjson)),
    ("troff-ms", None),
    ("unaligned", Some(Format::Unaligned)),
    ("wrapped", None),
];

/// The formats dbiam prints, for messages.
const ALLOWED: &str = "aligned, csv, json, ndjson, unaligned";

/// psql's `\pset format` matching: a unique case-insensitive prefix of a format name.
fn format_named(value: &str) -> Result<Format, String> {
    if value.eq_ignore_ascii_case("table") {
        return Ok(Format::Table);
    }
    let lower = value.to_ascii_lowercase();
    let mut found: Option<(&str, Option<Format>)> = None;
    for (name, format) in FORMATS {
        if name.starts_with(&lower) {
            if let Some((first, _)) = found {
                return Err(format!(
                    "\\pset: ambiguous abbreviation \"{value}\" matches both \"{first}\" and \"{name}\""
                ));
            }
            found = Some((name, *format));
        }
    }
    let name = match found {
        Some((_, Some(format))) => return Ok(format),
        Some((name, None)) => name,
        None if "latex-longtable".starts_with(&lower) => "latex-longtable",
        None => return Err(format!("\\pset: allowed formats are {ALLOWED}")),
    };
    Err(format!(
        "\\pset: format \"{name}\" is not supported by dbiam; allowed formats are {ALLOWED}"
    ))
}

/// psql's `ParseVariableBool` with its message; no value toggles.
fn boolean(param: &str, value: Option<&str>, current: bool) -> Result<bool, String> {
    match value {
        None => Ok(!current),
        Some(v) => parse_bool(v)
            .ok_or_else(|| format!("unrecognized value \"{v}\" for \"{param}\": Boolean expected")),
    }
}

/// C's `atoi`: leading blanks, a sign, digits; 0 when there are none.
fn atoi(value: &str) -> i64 {
    let v = value.trim_start();
    let (sign, digits) = match v.as_bytes().first() {
        Some(b'-') => (-1, &v[1..]),
        Some(b'+') => (1, &v[1..]),
        _ => (1, v),
    };
    let n = digits
        .bytes()
        .take_while(u8::is_ascii_digit)
        .fold(0i64, |n, d| {
            n.saturating_mul(10).saturating_add(i64::from(d - b'0'))
        });
    sign * n
}

/// psql's `do_pset`: change one setting (no value: toggle a boolean, or just show).
fn set(param: &str, value: Option<&str>, s: &mut PrintSettings) -> Result<(), String> {
    match param {
        "format" => {
            if let Some(v) = value {
                s.format = format_named(v)?;
            }
        }
        // psql keeps an unsigned short: a negative border wraps, as there.
        "border" => {
            if let Some(v) = value {
                s.border = atoi(v) as u16;
            }
        }
        "x" | "expanded" | "vertical" => {
            s.expanded = match value {
                Some(v) if v.eq_ignore_ascii_case("auto") => Expanded::Auto,
                Some(v) => match parse_bool(v) {
                    Some(true) => Expanded::On,
                    Some(false) => Expanded::Off,
                    None => {
                        return Err(format!(
                            "unrecognized value \"{v}\" for \"{param}\"\nAvailable values are: on, off, auto."
                        ))
                    }
                },
                None if s.expanded == Expanded::Off => Expanded::On,
                None => Expanded::Off,
            }
        }
        "csv_fieldsep" => {
            if let Some(v) = value {
                let mut chars = v.chars();
                let c = match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii() => c,
                    _ => {
                        return Err(
                            "\\pset: csv_fieldsep must be a single one-byte character".into()
                        )
                    }
                };
                if matches!(c, '"' | '\n' | '\r') {
                    return Err("\\pset: csv_fieldsep cannot be a double quote, a newline, or a carriage return".into());
                }
                s.csv_fieldsep = c;
            }
        }
        "null" => {
            if let Some(v) = value {
                s.null = v.to_owned();
            }
        }
        "fieldsep" => {
            if let Some(v) = value {
                s.fieldsep = Separator::Text(v.to_owned());
            }
        }
        "fieldsep_zero" => s.fieldsep = Separator::Zero,
        "recordsep" => {
            if let Some(v) = value {
                s.recordsep = Separator::Text(v.to_owned());
            }
        }
        "recordsep_zero" => s.recordsep = Separator::Zero,
        "t" | "tuples_only" => s.tuples_only = boolean(param, value, s.tuples_only)?,
        "C" | "title" => s.title = value.map(str::to_owned),
        "footer" => s.footer = boolean(param, value, s.footer)?,
        "columns" => {
            if let Some(v) = value {
                s.columns = atoi(v).clamp(0, i64::from(u16::MAX)) as usize;
            }
        }
        "linestyle" | "numericlocale" | "pager" | "pager_min_lines" | "T" | "tableattr"
        | "unicode_border_linestyle" | "unicode_column_linestyle"
        | "unicode_header_linestyle" => {
            return Err(format!("\\pset: {param} is not supported by dbiam"))
        }
        other => return Err(format!("\\pset: unknown option: {other}")),
    }
    Ok(())
}

/// psql's `printPsetInfo`: the line that confirms a setting.
fn confirmation(param: &str, s: &PrintSettings) -> String {
    let on = |b: bool| if b { "on" } else { "off" };
    match param {
        "format" => format!("Output format is {}.", s.format.pset_name()),
        "border" => format!("Border style is {}.", s.border),
        "x" | "expanded" | "vertical" => match s.expanded {
            Expanded::On => "Expanded display is on.".into(),
            Expanded::Auto => "Expanded display is used automatically.".into(),
            Expanded::Off => "Expanded display is off.".into(),
        },
        "csv_fieldsep" => format!("Field separator for CSV is \"{}\".", s.csv_fieldsep),
        "fieldsep" | "fieldsep_zero" => match &s.fieldsep {
            Separator::Zero => "Field separator is zero byte.".into(),
            Separator::Text(t) => format!("Field separator is \"{t}\"."),
        },
        "recordsep" | "recordsep_zero" => match &s.recordsep {
            Separator::Zero => "Record separator is zero byte.".into(),
            Separator::Text(t) if t == "\n" => "Record separator is <newline>.".into(),
            Separator::Text(t) => format!("Record separator is \"{t}\"."),
        },
        "null" => format!("Null display is \"{}\".", s.null),
        "t" | "tuples_only" => format!("Tuples only is {}.", on(s.tuples_only)),
        "C" | "title" => match &s.title {
            Some(t) => format!("Title is \"{t}\"."),
            None => "Title is unset.".into(),
        },
        "footer" => format!("Default footer is {}.", on(s.footer)),
        "columns" if s.columns == 0 => "Target width is unset.".into(),
        "columns" => format!("Target width is {}.", s.columns),
        _ => String::new(),
    }
}

/// psql's `pset_quoted_string`.
fn quoted(s: &str) -> String {
    let mut out = String::from("'");
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\'' => out.push_str("\\'"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// `\pset` alone: every setting as psql lists them (`NAME` padded to 24, the value).
/// The settings dbiam does not change show psql's defaults, which is how dbiam prints.
fn listing(s: &PrintSettings) -> String {
    let on = |b: bool| if b { "on" } else { "off" }.to_owned();
    let sep = |sep: &Separator| match sep {
        Separator::Text(t) => quoted(t),
        Separator::Zero => "''".to_owned(),
    };
    let rows: [(&str, String); 21] = [
        ("border", s.border.to_string()),
        ("columns", s.columns.to_string()),
        ("csv_fieldsep", quoted(&s.csv_fieldsep.to_string())),
        (
            "expanded",
            match s.expanded {
                Expanded::On => "on",
                Expanded::Off => "off",
                Expanded::Auto => "auto",
            }
            .to_owned(),
        ),
        ("fieldsep", sep(&s.fieldsep)),
        ("fieldsep_zero", on(s.fieldsep == Separator::Zero)),
        ("footer", on(s.footer)),
        ("format", s.format.pset_name().to_owned()),
        ("linestyle", "ascii".to_owned()),
        ("null", quoted(&s.null)),
        ("numericlocale", "off".to_owned()),
        ("pager", "1".to_owned()),
        ("pager_min_lines", "0".to_owned()),
        ("recordsep", sep(&s.recordsep)),
        ("recordsep_zero", on(s.recordsep == Separator::Zero)),
        ("tableattr", String::new()),
        ("title", s.title.as_deref().map(quoted).unwrap_or_default()),
        ("tuples_only", on(s.tuples_only)),
        ("unicode_border_linestyle", "single".to_owned()),
        ("unicode_column_linestyle", "single".to_owned()),
        ("unicode_header_linestyle", "single".to_owned()),
    ];
    rows.iter()
        .map(|(name, value)| format!("{name:<24} {value}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(cmd: &str, args: &[&str], s: &mut PrintSettings) -> Result<Reply, String> {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        apply(cmd, &args, s)
    }

    fn confirm(text: &str) -> Result<Reply, String> {
        Ok(Reply::Confirm(text.into()))
    }

    #[test]
    fn formats_take_psql_abbreviations() {
        let mut s = PrintSettings::default();
        assert_eq!(
            run("pset", &["format", "u"], &mut s),
            confirm("Output format is unaligned.")
        );
        assert_eq!(s.format, Format::Unaligned);
        assert_eq!(
            run("pset", &["format", "a"], &mut s),
            Err(
                "\\pset: ambiguous abbreviation \"a\" matches both \"aligned\" and \"asciidoc\""
                    .into()
            )
        );
        assert_eq!(s.format, Format::Unaligned);
        assert!(run("pset", &["format", "html"], &mut s)
            .unwrap_err()
            .contains("not supported by dbiam"));
        assert_eq!(
            run("pset", &["format", "nope"], &mut s),
            Err(format!("\\pset: allowed formats are {ALLOWED}"))
        );
        assert_eq!(run("a", &[], &mut s), confirm("Output format is aligned."));
        assert_eq!(
            run("a", &[], &mut s),
            confirm("Output format is unaligned.")
        );
        run("pset", &["format", "CSV"], &mut s).unwrap();
        assert_eq!(s.format, Format::Csv);
        assert_eq!(run("a", &[], &mut s), confirm("Output format is aligned."));
    }

    #[test]
    fn booleans_toggle_and_reject_other_words() {
        let mut s = PrintSettings::default();
        assert_eq!(run("t", &[], &mut s), confirm("Tuples only is on."));
        assert_eq!(run("t", &["off"], &mut s), Ok(Reply::Silent));
        assert!(!s.tuples_only);
        assert_eq!(
            run("t", &["foo"], &mut s),
            Err("unrecognized value \"foo\" for \"tuples_only\": Boolean expected".into())
        );
        assert_eq!(run("pset", &["footer", "off"], &mut s), Ok(Reply::Silent));
        assert_eq!(
            run("pset", &["footer"], &mut s),
            confirm("Default footer is on.")
        );
        assert_eq!(run("x", &[], &mut s), confirm("Expanded display is on."));
        assert_eq!(
            run("x", &["auto"], &mut s),
            confirm("Expanded display is used automatically.")
        );
        assert_eq!(
            run("pset", &["x"], &mut s),
            confirm("Expanded display is off.")
        );
        assert_eq!(
            run("x", &["foo"], &mut s),
            Err(
                "unrecognized value \"foo\" for \"expanded\"\nAvailable values are: on, off, auto."
                    .into()
            )
        );
    }

    #[test]
    fn strings_and_numbers() {
        let mut s = PrintSettings::default();
        assert_eq!(
            run("pset", &["null", "(null)"], &mut s),
            confirm("Null display is \"(null)\".")
        );
        assert_eq!(run("C", &["T"], &mut s), confirm("Title is \"T\"."));
        assert_eq!(run("C", &[], &mut s), confirm("Title is unset."));
        assert_eq!(
            run("f", &[","], &mut s),
            confirm("Field separator is \",\".")
        );
        assert_eq!(run("f", &[], &mut s), confirm("Field separator is \",\"."));
        assert_eq!(
            run("pset", &["fieldsep_zero"], &mut s),
            confirm("Field separator is zero byte.")
        );
        assert_eq!(
            run("pset", &["recordsep"], &mut s),
            confirm("Record separator is <newline>.")
        );
        assert_eq!(
            run("pset", &["border", "2x"], &mut s),
            confirm("Border style is 2.")
        );
        assert_eq!(
            run("pset", &["border", "x"], &mut s),
            confirm("Border style is 0.")
        );
        assert_eq!(
            run("pset", &["csv_fieldsep", "ab"], &mut s),
            Err("\\pset: csv_fieldsep must be a single one-byte character".into())
        );
        assert_eq!(
            run("pset", &["csv_fieldsep", ";"], &mut s),
            confirm("Field separator for CSV is \";\".")
        );
        assert_eq!(
            run("pset", &["bogus"], &mut s),
            Err("\\pset: unknown option: bogus".into())
        );
    }

    #[test]
    fn pset_alone_lists_every_setting() {
        let mut s = PrintSettings::default();
        let Ok(Reply::Listing(text)) = run("pset", &[], &mut s) else {
            panic!("no listing");
        };
        assert!(text.starts_with("border                   1\ncolumns                  0\ncsv_fieldsep             ','\n"));
        assert!(text.contains("\nrecordsep                '\\n'\n"));
        assert!(text.contains("\ntableattr                \n"));
        assert_eq!(text.lines().count(), 21);
    }
}
