//! psql's print settings (its `printTableOpt`/`printQueryOpt`): what `\pset`, `\a`, `\t`,
//! `\x`, `\C`, `\f` and the command line's `-t`, `-A`, `-F`, `-R`, `-x`, `-P` change, and
//! what every renderer of statement results reads. `sql::print_meta` owns the commands
//! that change them; this type only holds them.

use crate::output::Format;

/// `\x`: expanded (vertical) display off, on, or when the table is wider than the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Expanded {
    /// Tables.
    #[default]
    Off,
    /// One record per block.
    On,
    /// Expanded when the aligned table would be wider than the output's width.
    Auto,
}

/// A field or record separator: a string, or psql's zero byte (`fieldsep_zero`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Separator {
    /// This text.
    Text(String),
    /// A zero byte.
    Zero,
}

impl Separator {
    /// The bytes written.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Separator::Text(s) => s.as_bytes(),
            Separator::Zero => b"\0",
        }
    }
}

/// How statement results are printed, with psql's defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintSettings {
    /// `\pset format`.
    pub format: Format,
    /// `\pset border` (0, 1 or 2; larger values print as 2, as psql does).
    pub border: u16,
    /// `\pset expanded` / `\x`.
    pub expanded: Expanded,
    /// `\pset tuples_only` / `\t` / `-t`: no title, header or footer.
    pub tuples_only: bool,
    /// `\pset footer`: the `(N rows)` line.
    pub footer: bool,
    /// `\pset null`: how NULL is shown (not in JSON, where it is `null`).
    pub null: String,
    /// `\pset fieldsep` / `\f` / `-F` (unaligned format).
    pub fieldsep: Separator,
    /// `\pset recordsep` / `-R` (unaligned format).
    pub recordsep: Separator,
    /// `\pset csv_fieldsep`.
    pub csv_fieldsep: char,
    /// `\pset title` / `\C`: printed above each result (aligned and unaligned formats).
    pub title: Option<String>,
    /// `\pset columns`: the width `\x auto` compares with (0: the terminal's, if any).
    pub columns: usize,
    /// The terminal's width when the output is one (set by the caller, not by `\pset`).
    pub terminal_width: Option<usize>,
    /// `-q`: no command tags and no `\pset` confirmations.
    pub quiet: bool,
}

impl Default for PrintSettings {
    fn default() -> Self {
        PrintSettings {
            format: Format::Table,
            border: 1,
            expanded: Expanded::Off,
            tuples_only: false,
            footer: true,
            null: String::new(),
            fieldsep: Separator::Text("|".into()),
            recordsep: Separator::Text("\n".into()),
            csv_fieldsep: ',',
            title: None,
            columns: 0,
            terminal_width: None,
            quiet: false,
        }
    }
}

impl PrintSettings {
    /// Defaults with this format.
    pub fn new(format: Format) -> Self {
        PrintSettings {
            format,
            ..Self::default()
        }
    }

    /// The width `\x auto` compares a table with, as psql chooses it: `\pset columns`,
    /// else the terminal's (none when the output is not a terminal: never expand).
    pub fn output_columns(&self) -> Option<usize> {
        match self.columns {
            0 => self.terminal_width.filter(|w| *w > 0),
            n => Some(n),
        }
    }

    /// `\pset border` as the printers use it.
    pub(super) fn border(&self) -> u16 {
        self.border.min(2)
    }

    /// How a value is shown: the text, or the `null` setting for NULL.
    pub(super) fn cell<'a>(&'a self, v: Option<&'a str>) -> &'a str {
        v.unwrap_or(&self.null)
    }
}
