//! The statement splitter: cuts a script (or a REPL's lines) into SQL statements and
//! backslash meta commands the way `psql` (PostgreSQL) or the `mysql` client (MySQL) does,
//! with psql's `:NAME` / `:'NAME'` / `:"NAME"` variable interpolation.
//!
//! The splitter is incremental and linear: [`Splitter::push`] takes any chunk (a line, a
//! buffer of a file, one character) and returns the pieces that chunk completed; pushing a
//! text in pieces gives the same result as pushing it whole. Only the few bytes of a token
//! that might continue in the next chunk (`-` before a possible `-`, `$tag` before a
//! possible `$`, a variable name, …) are held back and looked at again.
//!
//! # PostgreSQL (psql 15 rules)
//! A `;` ends a statement except inside `'…'` (with `''`; backslash is literal:
//! `standard_conforming_strings` is assumed on), `E'…'` (backslash escapes), `"…"`,
//! `$tag$…$tag$`, `--` comments, nested `/* */` comments, parentheses, and the
//! `BEGIN ATOMIC … END` body of `CREATE [OR REPLACE] FUNCTION|PROCEDURE` (tracked with
//! psql's own heuristic). `\;` and `\:` put a literal `;` / `:` into the statement.
//! Leading whitespace and `--` comments before a statement are dropped (psql does the same);
//! a leading `/* */` comment is kept as part of the statement's text.
//!
//! Variables (see [`Splitter::with_variables`], `\set`, `\unset`) are replaced outside
//! quotes, comments and dollar quotes: `:NAME` by the value, which is then read as SQL text
//! again (so a value may hold `;`, as in psql); `:'NAME'` by a string literal (`'…'` with
//! `''`, or ` E'…'` with doubled backslashes when the value has a backslash, exactly as
//! libpq's `PQescapeLiteral`); `:"NAME"` by a quoted identifier; `:{?NAME}` by `TRUE` or
//! `FALSE`. An undefined variable is left as written, `::` casts are untouched.
//! Only the variables the splitter was given or saw in `\set` are known: psql's own
//! (`DBNAME`, `USER`, …) are not, unless the caller passes them.
//!
//! # MySQL (mysql client rules)
//! Backtick identifiers, `'…'` and `"…"` strings with backslash escapes and doubled quotes,
//! `#` comments, `-- ` comments (the dashes followed by whitespace, a control character or
//! the end of input), `/* */` comments (not nested), `/*! … */` and `/*M! … */` executable
//! comments (kept, and counted as SQL; unlike the mysql client, a `;` inside one does not
//! end the statement), and the client's `DELIMITER xx` command (a line starting with
//! `DELIMITER`, in any case, while no statement is pending; it is not returned as a piece),
//! and its `USE db` command, which like the client's needs no terminator: a line starting
//! with `USE` while no statement is pending is one statement, without a trailing
//! delimiter.
//! `\g` and `\G` end a statement. There is no parenthesis rule (the mysql client has none).
//! The server's `NO_BACKSLASH_ESCAPES` and `ANSI_QUOTES` modes are not followed (the
//! defaults are assumed, as the mysql client does until it learns otherwise).
//!
//! # COPY … FROM STDIN (PostgreSQL)
//! As psql reads a script: the lines after the one that ends a `COPY … FROM STDIN`
//! statement are its data ([`Piece::CopyData`]), exactly as written, up to a line `\.`
//! or the end of the input ([`Piece::CopyEnd`]); the rest of the COPY's own line is split
//! after that, as psql runs it after the copy.
//!
//! # Meta commands
//! A backslash outside quotes and comments starts a meta command: the rest of the line,
//! trimmed, is returned as [`Piece::Meta`]. With no statement pending that is all. While
//! a statement is pending, psql runs the meta command and keeps the statement pending, and
//! so does the splitter (PostgreSQL dialect): the Meta piece is returned first, the Sql
//! piece later. The `\g` family (`\g`, `\gx`, `\gset`, `\gdesc`, `\gexec`, `\crosstabview`,
//! `\watch`) ends the pending statement instead: its Sql piece comes first, then a Meta
//! piece with the command unless it was a bare `\g`. `\r` clears the pending statement.
//! `\set NAME VALUE…` and `\unset NAME` are applied by the splitter itself (so they affect
//! the statements after them in the same chunk) and are still returned as Meta pieces.
//! In the MySQL dialect a backslash inside a pending statement (other than `\g`, `\G`)
//! is kept as text. psql's `\if` … `\endif` are returned as Meta pieces and not
//! evaluated (a `\set` inside an inactive branch is still applied), and the data lines
//! after `COPY … FROM STDIN` are not recognised.
//!
//! # Line numbers
//! A piece's `line` is the 1-based input line of the first character of its `text`
//! (after the dropped leading whitespace and `--`/`#` comments; a kept leading `/* */`
//! comment counts), so a server error position maps to `line` + the newlines before it in
//! `text` (unless a variable's value brought newlines in).

use std::collections::{BTreeMap, VecDeque};

/// Which client's rules to split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// psql.
    Postgres,
    /// The mysql / mariadb command-line client.
    MySql,
}

/// One thing to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A complete SQL statement, without its terminating `;` (or MySQL DELIMITER), trimmed;
    /// comments inside it are kept as they are (the server ignores them).
    Sql { text: String, line: usize },
    /// A backslash meta command (psql `\dt x`, `\q`, …): the whole rest of the line, trimmed,
    /// starting with the backslash. `\set` and `\unset` have already been applied to the
    /// splitter's variables when they are returned: do not apply them again (a
    /// self-referencing `\set p :p/x` would grow twice).
    Meta { text: String, line: usize },
    /// PostgreSQL `COPY … FROM STDIN` (without its `;`): its data follows in the input, from
    /// the next line, as [`Piece::CopyData`] pieces, then one [`Piece::CopyEnd`].
    CopyStart { text: String, line: usize },
    /// Lines of COPY data, each with its newline, exactly as written (the `\.` line that
    /// ends them is not data).
    CopyData { data: String },
    /// The end of the COPY data: a line `\.`, or the end of the input.
    CopyEnd,
}

/// How a quoted token ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quote {
    /// The closing byte (`'`, `"` or `` ` ``); doubling it escapes it.
    close: u8,
    /// Whether a backslash escapes the next character.
    backslash: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    /// Between tokens.
    Normal,
    /// In a `--` or `#` comment, up to the end of the line.
    LineComment,
    /// In a `/* */` comment, nested `depth` deep (PostgreSQL nests them).
    Block { depth: usize },
    /// In a quoted token; `escaped` after a backslash that escapes the next character.
    Quoted { q: Quote, escaped: bool },
    /// Just after a closing quote: a second one right after it continues the token.
    QuoteEnd { q: Quote },
    /// In a dollar quote, ending at `delim` (`$tag$`).
    Dollar { delim: String },
    /// Collecting a meta command (or a MySQL client line command) to the end of the line.
    Meta { cmd: Option<LineCmd> },
    /// After `COPY … FROM STDIN;`: the rest of the line is kept for after the data, which
    /// starts on the next line.
    CopySkip,
    /// At the start of a line of COPY data.
    CopyData,
}

/// The mysql client's commands that take the rest of the line, without a terminator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineCmd {
    /// `DELIMITER xx`: change the statement terminator (not returned as a piece).
    Delimiter,
    /// `USE db`: returned as a statement.
    Use,
}

impl LineCmd {
    fn word(self) -> &'static [u8] {
        match self {
            LineCmd::Delimiter => b"delimiter",
            LineCmd::Use => b"use",
        }
    }
}

/// Where the scanner is reading from.
struct Src {
    /// Bytes of the scanned text up to which `Splitter::line` has been counted.
    counted: usize,
    /// A variable's value being read again as SQL: no line counting, no meta commands.
    from_var: bool,
}

/// What one step of the scanner did.
enum Step {
    /// Go on at this byte.
    At(usize),
    /// The token at this byte might continue in the next chunk: stop here.
    Wait(usize),
}

/// The incremental statement splitter (see the module docs).
#[derive(Debug, Clone)]
pub struct Splitter {
    dialect: Dialect,
    vars: BTreeMap<String, String>,
    /// Input not scanned yet (a token that waits for more input).
    carry: String,
    /// The input line at the scanner's counted position.
    line: usize,
    /// The pending statement's text.
    cur: String,
    /// The line of `cur`'s first character.
    cur_line: usize,
    /// Whether `cur` holds anything but comments.
    has_sql: bool,
    state: State,
    paren: usize,
    /// psql's BEGIN ATOMIC tracking: the first identifiers of the statement, their count, depth.
    idents: [u8; 4],
    ident_count: usize,
    begin_depth: usize,
    /// MySQL: inside `/*! … */`.
    in_hint: bool,
    /// MySQL: the statement terminator.
    delimiter: String,
    /// Only whitespace since the last newline (for MySQL's DELIMITER).
    line_start: bool,
    /// The meta command being collected, and its line.
    meta: String,
    meta_line: usize,
    /// Variables being expanded (psql refuses recursive expansion).
    expanding: Vec<String>,
    /// Pieces completed by `finish` and not yet returned.
    finished: VecDeque<Piece>,
    /// The rest of the line of a `COPY … FROM STDIN;` (scanned after its data, as psql
    /// does), and that line's number.
    copy_rest: String,
    copy_line: usize,
    /// PostgreSQL: `standard_conforming_strings` is on (a backslash in `'…'` is literal).
    std_strings: bool,
    /// PostgreSQL: the lines after `COPY … FROM STDIN;` are taken as its data by the
    /// statement's text (false: the caller asks the server and reads the data itself).
    copy_by_text: bool,
    /// Stop scanning once a piece is complete (the rest waits for the next `push`).
    one_piece: bool,
}

impl Splitter {
    /// A splitter for one input, with no variables.
    pub fn new(dialect: Dialect) -> Self {
        Splitter {
            dialect,
            vars: BTreeMap::new(),
            carry: String::new(),
            line: 1,
            cur: String::new(),
            cur_line: 1,
            has_sql: false,
            state: State::Normal,
            paren: 0,
            idents: [0; 4],
            ident_count: 0,
            begin_depth: 0,
            in_hint: false,
            delimiter: ";".to_string(),
            line_start: true,
            meta: String::new(),
            meta_line: 1,
            expanding: Vec::new(),
            finished: VecDeque::new(),
            copy_rest: String::new(),
            copy_line: 1,
            std_strings: true,
            copy_by_text: true,
            one_piece: false,
        }
    }

    /// Script mode, as psql reads a script: a statement's text keeps its `;` (psql sends
    /// it; it shows in `pg_prepared_statements` and in error positions);
    /// [`Splitter::push`] returns at most one piece (push `""` for the next), so that what the server answers to a statement (a
    /// `standard_conforming_strings` change, a `COPY … FROM STDIN` that reads the lines
    /// after it) applies to the text after it; and COPY data is not recognised by the
    /// statement's text: the caller reads it from the input when the server asks for it
    /// (then [`Splitter::skip_lines`]).
    pub fn for_script(mut self) -> Self {
        self.copy_by_text = false;
        self.one_piece = true;
        self
    }

    /// Follow the server's `standard_conforming_strings` (psql's lexer does): when off,
    /// a backslash in `'…'` escapes the next character.
    pub fn set_standard_conforming_strings(&mut self, on: bool) {
        self.std_strings = on;
    }

    /// `n` input lines were read by the caller (COPY data), not pushed: count them.
    pub fn skip_lines(&mut self, n: usize) {
        self.line += n;
    }

    /// psql `-v NAME=VALUE` / `\set` variables for interpolation (Postgres dialect only).
    pub fn with_variables(mut self, vars: BTreeMap<String, String>) -> Self {
        self.vars = vars;
        self
    }

    /// The variables as they are now (after any `\set` / `\unset` seen so far).
    pub fn variables(&self) -> &BTreeMap<String, String> {
        &self.vars
    }

    /// Set a variable (psql `\set NAME VALUE` done by the caller).
    pub fn set_variable(&mut self, name: &str, value: &str) {
        self.vars.insert(name.to_string(), value.to_string());
    }

    /// The variables, to change or replace.
    pub fn variables_mut(&mut self) -> &mut BTreeMap<String, String> {
        &mut self.vars
    }

    /// Remove a variable.
    pub fn unset_variable(&mut self, name: &str) {
        self.vars.remove(name);
    }

    /// The dialect split by.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// MySQL: the current statement terminator (`;` unless a DELIMITER command changed it).
    pub fn delimiter(&self) -> &str {
        &self.delimiter
    }

    /// Feed more input (any chunk: a line with its newline, a whole file). Returns the pieces completed by it.
    ///
    /// A REPL pushes each line with its newline: a meta command is complete at its newline.
    pub fn push(&mut self, input: &str) -> Vec<Piece> {
        let mut out = Vec::new();
        if self.carry.is_empty() {
            let used = self.scan_input(input, false, &mut out);
            self.carry.push_str(&input[used..]);
        } else {
            let mut text = std::mem::take(&mut self.carry);
            text.push_str(input);
            let used = self.scan_input(&text, false, &mut out);
            text.drain(..used);
            self.carry = text;
        }
        out
    }

    /// End of input: the pending rest as a final statement (psql runs a last statement without `;`
    /// at end of file), or None when only whitespace/comments remain.
    ///
    /// Rarely more than one piece remains (the input ends, without a newline, in a `\gx`-style
    /// command after a statement, or in a variable whose value holds `;`): call `finish` again
    /// until it returns `None`, or use [`Splitter::finish_all`]. After the end the splitter
    /// starts a new input (line 1, default delimiter) and keeps its variables.
    pub fn finish(&mut self) -> Option<Piece> {
        if self.finished.is_empty() {
            let pieces = self.end_input();
            self.finished.extend(pieces);
        }
        self.finished.pop_front()
    }

    /// End of input: every remaining piece (see [`Splitter::finish`]).
    pub fn finish_all(&mut self) -> Vec<Piece> {
        let mut out: Vec<Piece> = self.finished.drain(..).collect();
        out.extend(self.end_input());
        out
    }

    /// True when nothing is pending (the REPL shows `=>` then, `->` otherwise).
    pub fn is_empty(&self) -> bool {
        self.cur.is_empty()
            && self.carry.is_empty()
            && matches!(self.state, State::Normal | State::LineComment)
    }

    /// What the REPL prompt should show while pending: inside a quote `'`, identifier `"`
    /// (MySQL: a `"` string `"`, a backtick identifier `` ` ``), dollar quote `$`, comment `*`,
    /// parenthesis `(`, or none `-` — like psql's prompt %R; `=` when nothing is pending.
    pub fn state_char(&self) -> char {
        match &self.state {
            State::Quoted { q, .. } => q.close as char,
            State::Dollar { .. } => '$',
            State::Block { .. } => '*',
            State::CopySkip | State::CopyData => '>',
            _ if self.in_hint => '*',
            _ if self.paren > 0 => '(',
            _ if self.is_empty() => '=',
            _ => '-',
        }
    }

    /// A meta command's name (without the backslash) and its arguments, split and unquoted
    /// as psql does for `\set`: whitespace separates arguments; `'…'` is unquoted (`''`,
    /// `\n`, `\t`, `\b`, `\r`, `\f`, `\ooo`, `\xHH`); `"…"` is kept with its quotes; `:NAME`,
    /// `:'NAME'`, `:"NAME"` are replaced by this splitter's variables.
    pub fn meta_args(&self, text: &str) -> (String, Vec<String>) {
        meta_args(text, &self.vars)
    }

    /// End of input: scan what was held back, then close what is pending, and reset.
    fn end_input(&mut self) -> Vec<Piece> {
        let mut out = Vec::new();
        let text = std::mem::take(&mut self.carry);
        let one_piece = std::mem::replace(&mut self.one_piece, false);
        self.scan_input(&text, true, &mut out);
        if let State::Meta { cmd } = self.state {
            self.end_meta(cmd, &mut out);
        }
        self.end_statement(&mut out);
        if matches!(self.state, State::CopySkip | State::CopyData) {
            self.state = State::Normal;
            out.push(Piece::CopyEnd);
            self.scan_copy_rest(true, &mut out);
            if let State::Meta { cmd } = self.state {
                self.end_meta(cmd, &mut out);
            }
            self.end_statement(&mut out);
        }
        let vars = std::mem::take(&mut self.vars);
        let (std_strings, copy_by_text) = (self.std_strings, self.copy_by_text);
        *self = Splitter::new(self.dialect).with_variables(vars);
        self.std_strings = std_strings;
        self.copy_by_text = copy_by_text;
        self.one_piece = one_piece;
        out
    }

    /// Scan input text (not a variable's value); returns how many bytes were used.
    fn scan_input(&mut self, s: &str, eof: bool, out: &mut Vec<Piece>) -> usize {
        let mut src = Src {
            counted: 0,
            from_var: false,
        };
        let used = self.scan(s, eof, &mut src, out);
        self.sync_line(s, used, &mut src);
        used
    }

    /// Count the newlines of `s` up to byte `i` into `self.line`, and return it.
    fn sync_line(&mut self, s: &str, i: usize, src: &mut Src) -> usize {
        if !src.from_var && i > src.counted {
            self.line += count_newlines(&s.as_bytes()[src.counted..i]);
            src.counted = i;
        }
        self.line
    }

    /// Append text to the pending statement (marking where it starts).
    #[inline]
    fn append(&mut self, s: &str, from: usize, to: usize, src: &mut Src) {
        if from == to {
            return;
        }
        if self.cur.is_empty() {
            self.cur_line = self.sync_line(s, from, src);
        }
        self.cur.push_str(&s[from..to]);
    }

    /// Append SQL (not a comment) to the pending statement.
    fn append_sql(&mut self, s: &str, from: usize, to: usize, src: &mut Src) {
        self.append(s, from, to, src);
        self.has_sql = true;
    }

    /// Append a generated text (a variable's quoted value) at byte `at` of the input.
    fn append_value(&mut self, value: &str, s: &str, at: usize, src: &mut Src) {
        if self.cur.is_empty() {
            self.cur_line = self.sync_line(s, at, src);
        }
        self.cur.push_str(value);
        self.has_sql = true;
    }

    /// The statement is complete: return it (unless it holds only comments) and reset.
    fn end_statement(&mut self, out: &mut Vec<Piece>) {
        // The next statement is likely about as long as this one: spare it the regrowth.
        let capacity = self.cur.len().min(1 << 16);
        let cur = std::mem::replace(&mut self.cur, String::with_capacity(capacity));
        if self.has_sql {
            let trimmed = cur.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0b');
            let text = if trimmed.len() == cur.len() {
                cur
            } else {
                trimmed.to_string()
            };
            let line = self.cur_line;
            if self.dialect == Dialect::Postgres && self.copy_by_text && is_copy_from_stdin(&text) {
                out.push(Piece::CopyStart { text, line });
                self.state = State::CopySkip;
            } else {
                out.push(Piece::Sql { text, line });
            }
        }
        self.has_sql = false;
        self.paren = 0;
        self.begin_depth = 0;
        self.ident_count = 0;
        self.in_hint = false;
    }

    /// The scanner: runs the state machine over `s` and returns how many bytes it used
    /// (all of them when `eof`, else up to a token that may continue in the next chunk).
    fn scan(&mut self, s: &str, eof: bool, src: &mut Src, out: &mut Vec<Piece>) -> usize {
        let b = s.as_bytes();
        let mut i = 0;
        let pieces = out.len();
        while i < b.len() {
            if self.one_piece && !src.from_var && out.len() > pieces {
                return i;
            }
            let step = match std::mem::replace(&mut self.state, State::Normal) {
                State::Normal => {
                    let line_start = self.line_start;
                    let step = self.normal(s, i, eof, src, out);
                    if matches!(step, Step::Wait(_)) {
                        self.line_start = line_start;
                    }
                    step
                }
                State::LineComment => {
                    let end = b[i..]
                        .iter()
                        .position(|&c| {
                            c == b'\n' || (c == b'\r' && self.dialect == Dialect::Postgres)
                        })
                        .map_or(b.len(), |p| i + p);
                    if !self.cur.is_empty() {
                        self.append(s, i, end, src);
                    }
                    if end == b.len() {
                        self.state = State::LineComment;
                    }
                    Step::At(end)
                }
                State::Block { depth } => self.block(s, i, depth, eof, src),
                State::Quoted { q, escaped } => self.quoted(s, i, q, escaped, src),
                State::QuoteEnd { q } => {
                    if b[i] == q.close {
                        self.append(s, i, i + 1, src);
                        self.state = State::Quoted { q, escaped: false };
                        Step::At(i + 1)
                    } else {
                        Step::At(i)
                    }
                }
                State::Dollar { delim } => self.dollar(s, i, delim, eof, src),
                State::CopySkip => {
                    if self.copy_rest.is_empty() {
                        self.copy_line = self.sync_line(s, i, src);
                    }
                    match b[i..].iter().position(|&c| c == b'\n') {
                        Some(p) => {
                            self.copy_rest.push_str(&s[i..i + p + 1]);
                            self.state = State::CopyData;
                            Step::At(i + p + 1)
                        }
                        None => {
                            self.copy_rest.push_str(&s[i..]);
                            self.state = State::CopySkip;
                            Step::At(b.len())
                        }
                    }
                }
                State::CopyData => self.copy_data(s, i, eof, out),
                State::Meta { cmd } => {
                    let end = b[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .map_or(b.len(), |p| i + p);
                    self.meta.push_str(&s[i..end]);
                    if end < b.len() {
                        self.end_meta(cmd, out);
                    } else {
                        self.state = State::Meta { cmd };
                    }
                    Step::At(end)
                }
            };
            match step {
                Step::At(next) => i = next,
                Step::Wait(at) => {
                    debug_assert!(!eof);
                    return at;
                }
            }
        }
        if eof && matches!(self.state, State::QuoteEnd { .. }) {
            self.state = State::Normal;
        }
        b.len()
    }

    /// The COPY's data ended: scan the rest of its line, as psql runs it after the copy
    /// (its statements are numbered with the COPY's line).
    fn scan_copy_rest(&mut self, eof: bool, out: &mut Vec<Piece>) {
        let rest = std::mem::take(&mut self.copy_rest);
        if rest.trim().is_empty() {
            return;
        }
        let line = std::mem::replace(&mut self.line, self.copy_line);
        let mut src = Src {
            // Nothing here is counted: the lines were counted when first read.
            counted: rest.len(),
            from_var: false,
        };
        // The rest ends at its newline, where every token ends: scan it all (a Wait for
        // lookahead cannot happen before the newline).
        let used = self.scan(&rest, eof || rest.ends_with('\n'), &mut src, out);
        debug_assert_eq!(used, rest.len());
        self.line = line;
    }

    /// A line of COPY data at byte `i` (a line start): data, or the `\.` that ends it.
    fn copy_data(&mut self, s: &str, i: usize, eof: bool, out: &mut Vec<Piece>) -> Step {
        let b = s.as_bytes();
        let end = match b[i..].iter().position(|&c| c == b'\n') {
            Some(p) => i + p + 1,
            None if !eof => {
                self.state = State::CopyData;
                return Step::Wait(i);
            }
            None => b.len(),
        };
        let line = &s[i..end];
        if line.trim_end_matches(['\n', '\r']) == "\\." {
            out.push(Piece::CopyEnd);
            self.line_start = true;
            self.scan_copy_rest(false, out);
            return Step::At(end);
        }
        match out.last_mut() {
            Some(Piece::CopyData { data }) => data.push_str(line),
            _ => out.push(Piece::CopyData {
                data: line.to_owned(),
            }),
        }
        self.state = State::CopyData;
        Step::At(end)
    }

    /// One token between tokens, at byte `i`.
    fn normal(
        &mut self,
        s: &str,
        i: usize,
        eof: bool,
        src: &mut Src,
        out: &mut Vec<Piece>,
    ) -> Step {
        let b = s.as_bytes();
        let c = b[i];
        let pg = self.dialect == Dialect::Postgres;
        let next = b.get(i + 1).copied();
        // Lookahead of one byte: wait for it when the chunk ends here.
        macro_rules! need_next {
            () => {
                if next.is_none() && !eof {
                    return Step::Wait(i);
                }
            };
        }
        if !pg && !self.in_hint && c == self.delimiter.as_bytes()[0] {
            let d = self.delimiter.as_bytes();
            let (len, have) = (d.len(), &b[i..]);
            if have.starts_with(d) {
                self.line_start = false;
                self.end_statement(out);
                return Step::At(i + len);
            }
            if have.len() < len && d.starts_with(have) && !eof {
                return Step::Wait(i);
            }
        }
        if is_space(c) {
            let end = b[i..]
                .iter()
                .position(|&c| !is_space(c))
                .map_or(b.len(), |p| i + p);
            if !self.cur.is_empty() {
                self.append(s, i, end, src);
            }
            if b[i..end].contains(&b'\n') {
                self.line_start = true;
            }
            return Step::At(end);
        }
        let at_line_start = std::mem::replace(&mut self.line_start, false);
        match c {
            b'-' => {
                need_next!();
                if next == Some(b'-') {
                    if pg {
                        self.state = State::LineComment;
                        return Step::At(i);
                    }
                    match b.get(i + 2) {
                        None if !eof => return Step::Wait(i),
                        Some(&c3) if c3 > b' ' && c3 != 0x7f => {}
                        _ => {
                            self.state = State::LineComment;
                            return Step::At(i);
                        }
                    }
                }
                self.append_sql(s, i, i + 1, src);
                Step::At(i + 1)
            }
            b'#' if !pg => {
                self.state = State::LineComment;
                Step::At(i)
            }
            b'/' => {
                need_next!();
                if next != Some(b'*') {
                    self.append_sql(s, i, i + 1, src);
                    return Step::At(i + 1);
                }
                if !pg {
                    let rest = &b[i + 2..];
                    let hint = if rest.first() == Some(&b'!') {
                        Some(3)
                    } else if rest.first() == Some(&b'M') && rest.get(1) == Some(&b'!') {
                        Some(4)
                    } else if !eof && (rest.is_empty() || rest == b"M") {
                        return Step::Wait(i);
                    } else {
                        None
                    };
                    if let Some(len) = hint {
                        self.in_hint = true;
                        self.append_sql(s, i, i + len, src);
                        return Step::At(i + len);
                    }
                }
                self.append(s, i, i + 2, src);
                self.state = State::Block { depth: 1 };
                Step::At(i + 2)
            }
            b'*' if self.in_hint => {
                need_next!();
                if next == Some(b'/') {
                    self.in_hint = false;
                    self.append_sql(s, i, i + 2, src);
                    return Step::At(i + 2);
                }
                self.append_sql(s, i, i + 1, src);
                Step::At(i + 1)
            }
            b'\'' | b'"' => {
                let q = Quote {
                    close: c,
                    backslash: !pg || (c == b'\'' && !self.std_strings),
                };
                self.append_sql(s, i, i + 1, src);
                self.state = State::Quoted { q, escaped: false };
                Step::At(i + 1)
            }
            b'`' if !pg => {
                let q = Quote {
                    close: c,
                    backslash: false,
                };
                self.append_sql(s, i, i + 1, src);
                self.state = State::Quoted { q, escaped: false };
                Step::At(i + 1)
            }
            b'$' if pg => self.dollar_start(s, i, eof, src),
            b'(' if pg => {
                self.paren += 1;
                self.append_sql(s, i, i + 1, src);
                Step::At(i + 1)
            }
            b')' if pg => {
                self.paren = self.paren.saturating_sub(1);
                self.append_sql(s, i, i + 1, src);
                Step::At(i + 1)
            }
            b';' if pg => {
                if self.paren == 0 && self.begin_depth == 0 {
                    // psql sends the statement with its `;` (script mode).
                    if self.has_sql && self.one_piece {
                        self.append(s, i, i + 1, src);
                    }
                    self.end_statement(out);
                } else {
                    self.append_sql(s, i, i + 1, src);
                }
                Step::At(i + 1)
            }
            b':' if pg => self.variable(s, i, eof, src, out),
            b'\\' if !src.from_var => {
                need_next!();
                self.backslash(s, i, next, src, out)
            }
            _ if pg && is_ident_start(c) => self.identifier(s, i, eof, src),
            b'd' | b'D' | b'u' | b'U' if !pg && at_line_start && !self.has_sql => {
                let cmd = if c.eq_ignore_ascii_case(&b'd') {
                    LineCmd::Delimiter
                } else {
                    LineCmd::Use
                };
                let want = cmd.word();
                let have = &b[i..b.len().min(i + want.len())];
                if have.eq_ignore_ascii_case(&want[..have.len()]) {
                    if have.len() < want.len() {
                        if !eof {
                            return Step::Wait(i);
                        }
                    } else {
                        match b.get(i + want.len()) {
                            None if !eof => return Step::Wait(i),
                            None | Some(b' ' | b'\t' | b'\n' | b'\r') => {
                                self.meta_line = self.sync_line(s, i, src);
                                self.state = State::Meta { cmd: Some(cmd) };
                                return Step::At(i);
                            }
                            _ => {}
                        }
                    }
                }
                self.plain(s, i, src)
            }
            _ => self.plain(s, i, src),
        }
    }

    /// A run of bytes that mean nothing to the splitter.
    fn plain(&mut self, s: &str, i: usize, src: &mut Src) -> Step {
        let b = s.as_bytes();
        let pg = self.dialect == Dialect::Postgres;
        let delim0 = self.delimiter.as_bytes()[0];
        let mut end = i + 1;
        while end < b.len() {
            let c = b[end];
            let special = is_space(c)
                || matches!(c, b'-' | b'/' | b'\'' | b'"' | b'\\')
                || if pg {
                    matches!(c, b'$' | b'(' | b')' | b';' | b':') || is_ident_start(c)
                } else {
                    matches!(c, b'#' | b'`') || c == delim0 || (c == b'*' && self.in_hint)
                };
            if special {
                break;
            }
            end += 1;
        }
        self.append_sql(s, i, end, src);
        Step::At(end)
    }

    /// PostgreSQL: an identifier or key word (also `E'` strings and BEGIN ATOMIC tracking).
    fn identifier(&mut self, s: &str, i: usize, eof: bool, src: &mut Src) -> Step {
        let b = s.as_bytes();
        let end = b[i..]
            .iter()
            .position(|&c| !is_ident_char(c))
            .map_or(b.len(), |p| i + p);
        if end == b.len() && !eof {
            return Step::Wait(i);
        }
        let word = &s[i..end];
        if word.eq_ignore_ascii_case("e") && b.get(end) == Some(&b'\'') {
            self.append_sql(s, i, end + 1, src);
            self.state = State::Quoted {
                q: Quote {
                    close: b'\'',
                    backslash: true,
                },
                escaped: false,
            };
            return Step::At(end + 1);
        }
        self.track_begin(word);
        self.append_sql(s, i, end, src);
        Step::At(end)
    }

    /// psql's heuristic for `CREATE [OR REPLACE] FUNCTION|PROCEDURE … BEGIN ATOMIC … END`.
    fn track_begin(&mut self, word: &str) {
        if self.ident_count == 0 {
            self.idents = [0; 4];
        }
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        if self.ident_count < self.idents.len()
            && (is("create") || is("function") || is("procedure") || is("or") || is("replace"))
        {
            self.idents[self.ident_count] = word.as_bytes()[0].to_ascii_lowercase();
        }
        self.ident_count = self.ident_count.saturating_add(1);
        let id = self.idents;
        let routine = id[0] == b'c'
            && (id[1] == b'f'
                || id[1] == b'p'
                || (id[1] == b'o' && id[2] == b'r' && (id[3] == b'f' || id[3] == b'p')));
        if routine && self.paren == 0 {
            if is("begin") {
                self.begin_depth += 1;
            } else if is("case") {
                // CASE also ends with END; it matters only inside a BEGIN.
                if self.begin_depth >= 1 {
                    self.begin_depth += 1;
                }
            } else if is("end") {
                self.begin_depth = self.begin_depth.saturating_sub(1);
            }
        }
    }

    /// PostgreSQL: a `$` between tokens: a dollar quote, a parameter, or just a `$`.
    fn dollar_start(&mut self, s: &str, i: usize, eof: bool, src: &mut Src) -> Step {
        let b = s.as_bytes();
        match b.get(i + 1) {
            None if !eof => Step::Wait(i),
            Some(b'$') => {
                self.append_sql(s, i, i + 2, src);
                self.state = State::Dollar {
                    delim: "$$".to_string(),
                };
                Step::At(i + 2)
            }
            Some(&c) if is_ident_start(c) => {
                let end = b[i + 1..]
                    .iter()
                    .position(|&c| !is_dollar_tag_char(c))
                    .map_or(b.len(), |p| i + 1 + p);
                match b.get(end) {
                    None if !eof => Step::Wait(i),
                    Some(b'$') => {
                        self.append_sql(s, i, end + 1, src);
                        self.state = State::Dollar {
                            delim: s[i..=end].to_string(),
                        };
                        Step::At(end + 1)
                    }
                    _ => {
                        self.append_sql(s, i, end, src);
                        Step::At(end)
                    }
                }
            }
            _ => {
                self.append_sql(s, i, i + 1, src);
                Step::At(i + 1)
            }
        }
    }

    /// Inside a dollar quote.
    fn dollar(&mut self, s: &str, i: usize, delim: String, eof: bool, src: &mut Src) -> Step {
        let b = s.as_bytes();
        let d = delim.as_bytes();
        let mut from = i;
        while let Some(p) = b[from..].iter().position(|&c| c == b'$').map(|p| from + p) {
            let have = &b[p..];
            if have.starts_with(d) {
                self.append(s, i, p + d.len(), src);
                return Step::At(p + d.len());
            }
            if have.len() < d.len() && d.starts_with(have) && !eof {
                self.append(s, i, p, src);
                self.state = State::Dollar { delim };
                return Step::Wait(p);
            }
            from = p + 1;
        }
        self.append(s, i, b.len(), src);
        self.state = State::Dollar { delim };
        Step::At(b.len())
    }

    /// Inside a `/* */` comment.
    fn block(&mut self, s: &str, i: usize, depth: usize, eof: bool, src: &mut Src) -> Step {
        let b = s.as_bytes();
        let nested = self.dialect == Dialect::Postgres;
        let mut from = i;
        while let Some(p) = b[from..]
            .iter()
            .position(|&c| c == b'*' || (nested && c == b'/'))
            .map(|p| from + p)
        {
            let Some(&n) = b.get(p + 1) else {
                if eof {
                    break;
                }
                self.append(s, i, p, src);
                self.state = State::Block { depth };
                return Step::Wait(p);
            };
            if b[p] == b'*' && n == b'/' {
                self.append(s, i, p + 2, src);
                if depth > 1 {
                    self.state = State::Block { depth: depth - 1 };
                }
                return Step::At(p + 2);
            }
            if b[p] == b'/' && n == b'*' {
                self.append(s, i, p + 2, src);
                self.state = State::Block { depth: depth + 1 };
                return Step::At(p + 2);
            }
            from = p + 1;
        }
        self.append(s, i, b.len(), src);
        self.state = State::Block { depth };
        Step::At(b.len())
    }

    /// Inside a quoted string or identifier.
    fn quoted(&mut self, s: &str, i: usize, q: Quote, escaped: bool, src: &mut Src) -> Step {
        let b = s.as_bytes();
        // After an escaping backslash the next character is taken as it is; it may be
        // several bytes long, but the bytes searched for below are ASCII.
        let start = if escaped { i + 1 } else { i };
        let found = b[start.min(b.len())..]
            .iter()
            .position(|&c| c == q.close || (q.backslash && c == b'\\'))
            .map(|p| start + p);
        match found {
            None => {
                self.append(s, i, b.len(), src);
                self.state = State::Quoted { q, escaped: false };
                Step::At(b.len())
            }
            Some(p) if b[p] == q.close => {
                self.append(s, i, p + 1, src);
                self.state = State::QuoteEnd { q };
                Step::At(p + 1)
            }
            Some(p) => {
                self.append(s, i, p + 1, src);
                self.state = State::Quoted { q, escaped: true };
                Step::At(p + 1)
            }
        }
    }

    /// PostgreSQL: a `:` between tokens: a variable, a `::` cast, or just a `:`.
    fn variable(
        &mut self,
        s: &str,
        i: usize,
        eof: bool,
        src: &mut Src,
        out: &mut Vec<Piece>,
    ) -> Step {
        let b = s.as_bytes();
        let name_end = |from: usize| {
            b[from.min(b.len())..]
                .iter()
                .position(|&c| !is_var_char(c))
                .map_or(b.len(), |p| from + p)
        };
        match b.get(i + 1) {
            None if !eof => Step::Wait(i),
            Some(b':') => {
                self.append_sql(s, i, i + 2, src);
                Step::At(i + 2)
            }
            Some(&q @ (b'\'' | b'"')) => {
                let end = name_end(i + 2);
                match b.get(end) {
                    None if !eof => Step::Wait(i),
                    Some(&c) if c == q => {
                        let name = &s[i + 2..end];
                        match self.vars.get(name) {
                            Some(v) => {
                                let quoted = if q == b'\'' {
                                    quote_literal(v)
                                } else {
                                    quote_ident(v)
                                };
                                self.append_value(&quoted, s, i, src);
                            }
                            None => self.append_sql(s, i, end + 1, src),
                        }
                        Step::At(end + 1)
                    }
                    _ => {
                        self.append_sql(s, i, i + 1, src);
                        Step::At(i + 1)
                    }
                }
            }
            Some(b'{') => {
                if b.len() < i + 3 && !eof {
                    return Step::Wait(i);
                }
                if b.get(i + 2) == Some(&b'?') {
                    let end = name_end(i + 3);
                    match b.get(end) {
                        None if !eof => return Step::Wait(i),
                        Some(b'}') if end > i + 3 => {
                            let known = self.vars.contains_key(&s[i + 3..end]);
                            self.append_value(if known { "TRUE" } else { "FALSE" }, s, i, src);
                            return Step::At(end + 1);
                        }
                        _ => {}
                    }
                }
                self.append_sql(s, i, i + 1, src);
                Step::At(i + 1)
            }
            Some(&c) if is_var_char(c) => {
                let end = name_end(i + 1);
                if end == b.len() && !eof {
                    return Step::Wait(i);
                }
                let name = &s[i + 1..end];
                match self.vars.get(name) {
                    Some(v) if !self.expanding.iter().any(|n| n == name) => {
                        let value = v.clone();
                        // psql reads the value as SQL text again, in the current state.
                        let line = self.sync_line(s, i, src);
                        self.expanding.push(name.to_string());
                        let mut inner = Src {
                            counted: 0,
                            from_var: true,
                        };
                        if self.cur.is_empty() {
                            self.cur_line = line;
                        }
                        self.scan(&value, true, &mut inner, out);
                        self.expanding.pop();
                    }
                    _ => self.append_sql(s, i, end, src),
                }
                Step::At(end)
            }
            _ => {
                self.append_sql(s, i, i + 1, src);
                Step::At(i + 1)
            }
        }
    }

    /// A backslash between tokens (`next` is the byte after it, if any).
    fn backslash(
        &mut self,
        s: &str,
        i: usize,
        next: Option<u8>,
        src: &mut Src,
        out: &mut Vec<Piece>,
    ) -> Step {
        let pg = self.dialect == Dialect::Postgres;
        match next {
            Some(b';') if pg => {
                self.append_sql(s, i + 1, i + 2, src);
                self.ident_count = 0;
                return Step::At(i + 2);
            }
            Some(b':') if pg => {
                self.append_sql(s, i + 1, i + 2, src);
                return Step::At(i + 2);
            }
            Some(b'g' | b'G') if !pg && self.has_sql => {
                self.end_statement(out);
                return Step::At(i + 2);
            }
            _ if !pg && self.has_sql => {
                self.append_sql(s, i, i + 1, src);
                return Step::At(i + 1);
            }
            _ => {}
        }
        self.meta.clear();
        self.meta_line = self.sync_line(s, i, src);
        self.state = State::Meta { cmd: None };
        Step::At(i)
    }

    /// The meta command (or DELIMITER line) collected in `self.meta` is complete.
    fn end_meta(&mut self, cmd: Option<LineCmd>, out: &mut Vec<Piece>) {
        let text = std::mem::take(&mut self.meta).trim().to_string();
        self.state = State::Normal;
        match cmd {
            Some(LineCmd::Delimiter) => {
                if let Some(d) = delimiter_arg(&text) {
                    self.delimiter = d;
                }
                return;
            }
            Some(LineCmd::Use) => {
                let text = text
                    .strip_suffix(self.delimiter.as_str())
                    .unwrap_or(&text)
                    .trim_end()
                    .to_string();
                out.push(Piece::Sql {
                    text,
                    line: self.meta_line,
                });
                return;
            }
            None => {}
        }
        let name = text[1..]
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let line = self.meta_line;
        if self.dialect == Dialect::Postgres && self.has_sql && is_go_command(name) {
            self.end_statement(out);
            if text != "\\g" {
                out.push(Piece::Meta { text, line });
            }
            return;
        }
        if name == "r" || name == "reset" {
            self.cur.clear();
            self.has_sql = false;
            self.end_statement(out);
        }
        // In script mode the caller applies `\set` (it knows which `\if` branch runs).
        if self.dialect == Dialect::Postgres
            && !self.one_piece
            && (name == "set" || name == "unset")
        {
            let (_, args) = meta_args(&text, &self.vars);
            match (name, args.split_first()) {
                ("set", Some((var, value))) if is_var_name(var) => {
                    self.vars.insert(var.clone(), value.concat());
                }
                ("unset", Some((var, _))) => {
                    self.vars.remove(var);
                }
                _ => {}
            }
        }
        out.push(Piece::Meta { text, line });
    }
}

/// Convenience: split a whole text.
pub fn split(text: &str, dialect: Dialect) -> Vec<Piece> {
    let mut s = Splitter::new(dialect);
    let mut pieces = s.push(text);
    pieces.extend(s.finish_all());
    pieces
}

/// See [`Splitter::meta_args`].
pub fn meta_args(text: &str, vars: &BTreeMap<String, String>) -> (String, Vec<String>) {
    let body = text.strip_prefix('\\').unwrap_or(text);
    let name_end = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
    let name = body[..name_end].to_string();
    let rest = &body[name_end..];
    let mut args = Vec::new();
    let mut chars = rest.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            break;
        }
        let mut arg = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() {
                break;
            }
            chars.next();
            match c {
                '\'' => unquote_meta(&mut chars, &mut arg),
                '"' => {
                    arg.push('"');
                    for c in chars.by_ref() {
                        arg.push(c);
                        if c == '"' {
                            break;
                        }
                    }
                }
                ':' => {
                    let rest: String = chars.clone().collect();
                    let (value, used) = meta_variable(&rest, vars);
                    match value {
                        Some(v) => {
                            arg.push_str(&v);
                            for _ in 0..used {
                                chars.next();
                            }
                        }
                        None => arg.push(':'),
                    }
                }
                _ => arg.push(c),
            }
        }
        args.push(arg);
    }
    (name, args)
}

/// A `'…'` meta-command argument after its opening quote, unquoted into `arg`.
fn unquote_meta(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, arg: &mut String) {
    while let Some(c) = chars.next() {
        match c {
            '\'' if chars.peek() == Some(&'\'') => {
                chars.next();
                arg.push('\'');
            }
            '\'' => return,
            '\\' => match chars.next() {
                Some('n') => arg.push('\n'),
                Some('t') => arg.push('\t'),
                Some('b') => arg.push('\u{8}'),
                Some('r') => arg.push('\r'),
                Some('f') => arg.push('\u{c}'),
                Some(d @ '0'..='7') => {
                    let mut v = d.to_digit(8).unwrap_or(0);
                    for _ in 0..2 {
                        match chars.peek().and_then(|c| c.to_digit(8)) {
                            Some(n) => {
                                v = v * 8 + n;
                                chars.next();
                            }
                            None => break,
                        }
                    }
                    arg.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                }
                Some('x') => {
                    let mut v = 0;
                    let mut n = 0;
                    while n < 2 {
                        match chars.peek().and_then(|c| c.to_digit(16)) {
                            Some(d) => {
                                v = v * 16 + d;
                                chars.next();
                                n += 1;
                            }
                            None => break,
                        }
                    }
                    if n == 0 {
                        arg.push('x');
                    } else {
                        arg.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                    }
                }
                Some(other) => arg.push(other),
                None => arg.push('\\'),
            },
            c => arg.push(c),
        }
    }
}

/// A variable reference after a `:` in a meta-command argument: its replacement and how
/// many characters it used, or `None` when it is not a (known) variable.
fn meta_variable(rest: &str, vars: &BTreeMap<String, String>) -> (Option<String>, usize) {
    // `:{?NAME}`: whether NAME is set.
    if let Some(inner) = rest.strip_prefix("{?") {
        let name: String = inner
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '_' || !c.is_ascii())
            .collect();
        let n = name.chars().count();
        if !name.is_empty() && inner.chars().nth(n) == Some('}') {
            let set = if vars.contains_key(&name) {
                "TRUE"
            } else {
                "FALSE"
            };
            return (Some(set.to_owned()), n + 3);
        }
        return (None, 0);
    }
    let mut it = rest.chars();
    let first = it.next();
    let (quote, name_from) = match first {
        Some(q @ ('\'' | '"')) => (Some(q), 1),
        _ => (None, 0),
    };
    let name: String = rest
        .chars()
        .skip(name_from)
        .take_while(|&c| c.is_alphanumeric() || c == '_' || !c.is_ascii())
        .collect();
    let name_chars = name.chars().count();
    match quote {
        None if name.is_empty() => (None, 0),
        None => (vars.get(&name).cloned(), name_chars),
        Some(q) => {
            if rest.chars().nth(1 + name_chars) != Some(q) {
                return (None, 0);
            }
            let value = vars.get(&name).map(|v| {
                if q == '\'' {
                    quote_literal(v)
                } else {
                    quote_ident(v)
                }
            });
            (value, name_chars + 2)
        }
    }
}

/// Whether a statement is `COPY … FROM STDIN` (its data then follows in the input, as
/// psql reads it): it starts with `COPY` (after any comments) and has the words `FROM
/// STDIN` in a row.
pub fn is_copy_from_stdin(sql: &str) -> bool {
    is_copy_with(sql, "from", "stdin")
}

/// Whether a statement is `COPY … TO STDOUT` (its data is the output, as psql prints it).
pub fn is_copy_to_stdout(sql: &str) -> bool {
    is_copy_with(sql, "to", "stdout")
}

/// Whether a statement starts with `COPY` and has the words `a b` in a row.
pub fn is_copy_with(sql: &str, a: &str, b: &str) -> bool {
    let words: Vec<String> = skip_leading_comments(sql)
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';'))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.first().is_some_and(|w| w == "copy") && words.windows(2).any(|w| w[0] == a && w[1] == b)
}

/// A statement without the whitespace and comments before its first word.
pub fn skip_leading_comments(sql: &str) -> &str {
    let mut rest = sql.trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("--") {
            rest = r.find('\n').map_or("", |p| &r[p + 1..]).trim_start();
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |p| &r[p + 2..]).trim_start();
        } else {
            return rest;
        }
    }
}

/// The new delimiter named by a MySQL `DELIMITER xx` line, if it names a valid one.
fn delimiter_arg(line: &str) -> Option<String> {
    let rest = line.get(9..)?.trim_start();
    let arg = match rest.chars().next()? {
        q @ ('\'' | '"' | '`') => {
            let body = &rest[1..];
            body[..body.find(q).unwrap_or(body.len())].to_string()
        }
        _ => rest
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_string(),
    };
    (!arg.is_empty() && !arg.contains('\\')).then_some(arg)
}

/// psql's commands that send the query buffer.
fn is_go_command(name: &str) -> bool {
    matches!(
        name,
        "g" | "gx" | "gset" | "gdesc" | "gexec" | "crosstabview" | "watch"
    )
}

/// A value as a string literal, as libpq's `PQescapeLiteral` writes it.
pub fn quote_literal(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 4);
    if v.contains('\\') {
        out.push_str(" E");
    }
    out.push('\'');
    for c in v.chars() {
        if c == '\'' || c == '\\' {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// A value as a quoted identifier, as libpq's `PQescapeIdentifier` writes it.
pub fn quote_ident(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    out.push('"');
    for c in v.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    out
}

fn count_newlines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_ident_char(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit() || c == b'$'
}

fn is_dollar_tag_char(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit()
}

fn is_var_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// A name psql accepts for `\set`.
fn is_var_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(is_var_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(text: &str, line: usize) -> Piece {
        Piece::Sql {
            text: text.to_string(),
            line,
        }
    }

    fn meta(text: &str, line: usize) -> Piece {
        Piece::Meta {
            text: text.to_string(),
            line,
        }
    }

    fn vars() -> BTreeMap<String, String> {
        [
            ("n", "42"),
            ("t", "my \"table\""),
            ("q", "it's"),
            ("bs", "a\\b"),
            ("cmd", "SELECT 10; SELECT 11"),
            ("r", ":r x"),
            ("open", "'abc"),
            ("ü", "u"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    /// Push the chunks in order, then finish.
    fn run(chunks: &[&str], dialect: Dialect) -> Vec<Piece> {
        let mut s = Splitter::new(dialect).with_variables(vars());
        let mut out = Vec::new();
        for c in chunks {
            out.extend(s.push(c));
        }
        while let Some(p) = s.finish() {
            out.push(p);
        }
        out
    }

    /// The corpus: (dialect, script, expected pieces).
    fn corpus() -> Vec<(Dialect, &'static str, Vec<Piece>)> {
        use Dialect::{MySql, Postgres};
        vec![
            (
                Postgres,
                "SELECT 1;\nSELECT 2;\n",
                vec![sql("SELECT 1", 1), sql("SELECT 2", 2)],
            ),
            (
                Postgres,
                "-- hello; 'x\n\n/* block; */ SELECT 1 -- inner;\n;;\n",
                vec![sql("/* block; */ SELECT 1 -- inner;", 3)],
            ),
            (
                Postgres,
                "SELECT 'a;b', 'it''s -- no', '/* no'; SELECT 2;",
                vec![
                    sql("SELECT 'a;b', 'it''s -- no', '/* no'", 1),
                    sql("SELECT 2", 1),
                ],
            ),
            (
                Postgres,
                "SELECT 1 -- it's\n; /* \"x' */ SELECT 2;",
                vec![sql("SELECT 1 -- it's", 1), sql("/* \"x' */ SELECT 2", 2)],
            ),
            (
                Postgres,
                "SELECT E'a\\'b;c', e'\\\\';SELECT 'c\\';",
                vec![sql("SELECT E'a\\'b;c', e'\\\\'", 1), sql("SELECT 'c\\'", 1)],
            ),
            (
                // `somee'x'` is an identifier then a plain string: the backslash is literal.
                Postgres,
                "SELECT somee'x\\';",
                vec![sql("SELECT somee'x\\'", 1)],
            ),
            (
                Postgres,
                "SELECT 1 AS \"a;\"\"b\"; SELECT 2",
                vec![sql("SELECT 1 AS \"a;\"\"b\"", 1), sql("SELECT 2", 1)],
            ),
            (
                Postgres,
                "CREATE FUNCTION f() RETURNS text AS $body$\nBEGIN\n  RETURN $$;$$ || 'x;';\nEND;\n$body$ LANGUAGE plpgsql;\nSELECT $1, a$b$c FROM t;\n",
                vec![
                    sql("CREATE FUNCTION f() RETURNS text AS $body$\nBEGIN\n  RETURN $$;$$ || 'x;';\nEND;\n$body$ LANGUAGE plpgsql", 1),
                    sql("SELECT $1, a$b$c FROM t", 6),
                ],
            ),
            (
                Postgres,
                "SELECT $1$a$;$a$; SELECT $x;SELECT $a$ $A$; $ab$ ;$a$;",
                vec![
                    sql("SELECT $1$a$;$a$", 1),
                    sql("SELECT $x", 1),
                    sql("SELECT $a$ $A$; $ab$ ;$a$", 1),
                ],
            ),
            (
                Postgres,
                "/* a /* b; */ c; */ SELECT 1; SELECT /* x */ 2;",
                vec![
                    sql("/* a /* b; */ c; */ SELECT 1", 1),
                    sql("SELECT /* x */ 2", 1),
                ],
            ),
            (
                Postgres,
                "SELECT (1;\n2);SELECT 3;SELECT 4);SELECT 5;",
                vec![
                    sql("SELECT (1;\n2)", 1),
                    sql("SELECT 3", 2),
                    sql("SELECT 4)", 2),
                    sql("SELECT 5", 2),
                ],
            ),
            (
                Postgres,
                "CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\n  SELECT 3;\nEND;\nSELECT begin FROM t;\nBEGIN; SELECT 1; END;\ncreate procedure p() begin atomic select 1; end;\n",
                vec![
                    sql("CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\n  SELECT 3;\nEND", 1),
                    sql("SELECT begin FROM t", 6),
                    sql("BEGIN", 7),
                    sql("SELECT 1", 7),
                    sql("END", 7),
                    sql("create procedure p() begin atomic select 1; end", 8),
                ],
            ),
            (
                Postgres,
                "SELECT :n, :'q', :\"t\", :'bs', :undefined, :'undef', :\"undef\", 1::int, :{?n}, :{?zz}, ':n', \":n\", $$:n$$, :ü -- :n\n;",
                vec![sql(
                    "SELECT 42, 'it''s', \"my \"\"table\"\"\",  E'a\\\\b', :undefined, :'undef', :\"undef\", 1::int, TRUE, FALSE, ':n', \":n\", $$:n$$, u -- :n",
                    1,
                )],
            ),
            (
                Postgres,
                "SELECT 0;\n:cmd;\nSELECT :r;\nSELECT :open;\n';\n",
                vec![
                    sql("SELECT 0", 1),
                    sql("SELECT 10", 2),
                    sql("SELECT 11", 2),
                    sql("SELECT :r x", 3),
                    sql("SELECT 'abc;\n'", 4),
                ],
            ),
            (
                Postgres,
                "SELECT a[1:n], :n:n, :{?n}x, :'n'::text, :'n:n' AS \"x;\";",
                vec![sql("SELECT a[142], 4242, TRUEx, '42'::text, :'n:n' AS \"x;\"", 1)],
            ),
            (
                Postgres,
                "\\set x 5\nSELECT :x;\n\\set y 'a b' c :'q'\nSELECT :y;\n\\unset x\nSELECT :x;\n",
                vec![
                    meta("\\set x 5", 1),
                    sql("SELECT 5", 2),
                    meta("\\set y 'a b' c :'q'", 3),
                    sql("SELECT a bc'it''s'", 4),
                    meta("\\unset x", 5),
                    sql("SELECT :x", 6),
                ],
            ),
            (
                Postgres,
                "\\dt foo \n SELECT 1; \\echo hi\n\\q",
                vec![
                    meta("\\dt foo", 1),
                    sql("SELECT 1", 2),
                    meta("\\echo hi", 2),
                    meta("\\q", 3),
                ],
            ),
            (
                Postgres,
                "SELECT 5 \\echo mid\n;\nSELECT 3 \\g\nSELECT 4 \\gx\nSELECT 6 \\r\nSELECT 7 \\; SELECT 8 \\:x;",
                vec![
                    meta("\\echo mid", 1),
                    sql("SELECT 5", 1),
                    sql("SELECT 3", 3),
                    sql("SELECT 4", 4),
                    meta("\\gx", 4),
                    meta("\\r", 5),
                    sql("SELECT 7 ; SELECT 8 :x", 6),
                ],
            ),
            (
                Postgres,
                "SELECT 1;\nSELECT 'abc;\n",
                vec![sql("SELECT 1", 1), sql("SELECT 'abc;", 2)],
            ),
            (
                Postgres,
                "SELECT 1; -- tail\n/* tail */",
                vec![sql("SELECT 1", 1)],
            ),
            (
                Postgres,
                "SELECT 6\n-- c",
                vec![sql("SELECT 6\n-- c", 1)],
            ),
            (
                Postgres,
                "\n\n  SELECT\n1;\n\n\nSELECT 2",
                vec![sql("SELECT\n1", 3), sql("SELECT 2", 7)],
            ),
            (
                Postgres,
                "SELECT 1;\r\nSELECT 2 -- x\r;\r\n",
                vec![sql("SELECT 1", 1), sql("SELECT 2 -- x", 2)],
            ),
            (
                Postgres,
                "SELECT 'é;' AS ñame, ñ$x$y FROM \"日本;\";SELECT $ü$;$ü$;",
                vec![
                    sql("SELECT 'é;' AS ñame, ñ$x$y FROM \"日本;\"", 1),
                    sql("SELECT $ü$;$ü$", 1),
                ],
            ),
            (
                Postgres,
                "SELECT E'x'  -- c\n 'y\\';z';",
                vec![sql("SELECT E'x'  -- c\n 'y\\'", 1), sql("z';", 2)],
            ),
            (
                Postgres,
                "SELECT 1 - -2, 4/2, a/**/b; SELECT 1 -- x",
                vec![sql("SELECT 1 - -2, 4/2, a/**/b", 1), sql("SELECT 1 -- x", 1)],
            ),
            (
                MySql,
                "SELECT 'a;\\'b', \"c;\\\"d\", `e;``f`, 'g''h;'; SELECT 2;",
                vec![
                    sql("SELECT 'a;\\'b', \"c;\\\"d\", `e;``f`, 'g''h;'", 1),
                    sql("SELECT 2", 1),
                ],
            ),
            (
                MySql,
                "# c;\nSELECT 1 # x;\n;\nSELECT 2 -- y;\n;\nSELECT 3--4;\nSELECT 5 /* ; /* */;\nSELECT 6 --\t;\n;SELECT 7 --",
                vec![
                    sql("SELECT 1 # x;", 2),
                    sql("SELECT 2 -- y;", 4),
                    sql("SELECT 3--4", 6),
                    sql("SELECT 5 /* ; /* */", 7),
                    sql("SELECT 6 --\t;", 8),
                    sql("SELECT 7 --", 9),
                ],
            ),
            (
                MySql,
                "/*!40101 SET @OLD=@@X */;\n/*!50003 CREATE PROCEDURE p() BEGIN SELECT 1; END */;\n/*M!100000 SELECT ';*/' */;SELECT 1;",
                vec![
                    sql("/*!40101 SET @OLD=@@X */", 1),
                    sql("/*!50003 CREATE PROCEDURE p() BEGIN SELECT 1; END */", 2),
                    sql("/*M!100000 SELECT ';*/' */", 3),
                    sql("SELECT 1", 3),
                ],
            ),
            (
                MySql,
                "DELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 'a;b';\n  SELECT 2;\nEND //\ndelimiter ;\nCALL p();\n  DELIMITER $$\nSELECT 1$$ SELECT 2 $$\nDELIMITER ;\nSELECT 3;",
                vec![
                    sql("CREATE PROCEDURE p()\nBEGIN\n  SELECT 'a;b';\n  SELECT 2;\nEND", 2),
                    sql("CALL p()", 8),
                    sql("SELECT 1", 10),
                    sql("SELECT 2", 10),
                    sql("SELECT 3", 12),
                ],
            ),
            (
                MySql,
                "SELECT 1\\G SELECT 2\\g\\s\nSELECT 'x\\G';",
                vec![
                    sql("SELECT 1", 1),
                    sql("SELECT 2", 1),
                    meta("\\s", 1),
                    sql("SELECT 'x\\G'", 2),
                ],
            ),
            (
                MySql,
                "SELECT (1;2);SELECT $$a;b$$, :n;",
                vec![
                    sql("SELECT (1", 1),
                    sql("2)", 1),
                    sql("SELECT $$a", 1),
                    sql("b$$, :n", 1),
                ],
            ),
            (
                MySql,
                "SELECT 1; DELIMITER //\nSELECT 2;\ndelimiterx;\n",
                vec![
                    sql("SELECT 1", 1),
                    sql("DELIMITER //\nSELECT 2", 1),
                    sql("delimiterx", 3),
                ],
            ),
        ]
    }

    #[test]
    fn corpus_splits_as_expected() {
        for (dialect, text, want) in corpus() {
            assert_eq!(run(&[text], dialect), want, "{dialect:?} script:\n{text}");
        }
    }

    #[test]
    fn pushing_in_any_chunks_gives_the_same_pieces() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut rand = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for (dialect, text, _) in corpus() {
            let whole = run(&[text], dialect);
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&k| text.is_char_boundary(k))
                .collect();
            for &k in &cuts {
                let got = run(&[&text[..k], &text[k..]], dialect);
                assert_eq!(got, whole, "{dialect:?} cut at {k}:\n{text}");
            }
            let chars: Vec<String> = text.chars().map(String::from).collect();
            let chars: Vec<&str> = chars.iter().map(String::as_str).collect();
            assert_eq!(run(&chars, dialect), whole, "one char at a time:\n{text}");
            for _ in 0..50 {
                let mut a = cuts[rand(cuts.len())];
                let mut b = cuts[rand(cuts.len())];
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                let got = run(&[&text[..a], &text[a..b], &text[b..]], dialect);
                assert_eq!(got, whole, "{dialect:?} cuts at {a}, {b}:\n{text}");
            }
        }
    }

    #[test]
    fn prompt_state_follows_the_input() {
        let cases = [
            ("", '='),
            ("-- only a comment\n", '='),
            ("SELECT 1", '-'),
            ("SELECT 'a", '\''),
            ("SELECT \"a", '"'),
            ("SELECT $f$ x", '$'),
            ("SELECT /* x", '*'),
            ("SELECT (1,\n", '('),
            ("SELECT 1;\n", '='),
        ];
        for (input, want) in cases {
            let mut s = Splitter::new(Dialect::Postgres);
            s.push(input);
            assert_eq!(s.state_char(), want, "after {input:?}");
            assert_eq!(s.is_empty(), want == '=', "after {input:?}");
        }
        let mut s = Splitter::new(Dialect::MySql);
        s.push("SELECT `a");
        assert_eq!(s.state_char(), '`');
        let mut s = Splitter::new(Dialect::MySql);
        s.push("/*!40101 SET x=1");
        assert_eq!(s.state_char(), '*');
    }

    #[test]
    fn repl_lines_complete_at_their_end() {
        let mut s = Splitter::new(Dialect::Postgres);
        assert_eq!(s.push("SELECT 1\n"), vec![]);
        assert!(!s.is_empty());
        assert_eq!(s.push("  + 1;\n"), vec![sql("SELECT 1\n  + 1", 1)]);
        assert!(s.is_empty());
        assert_eq!(s.push("\\dt\n"), vec![meta("\\dt", 3)]);
        let mut m = Splitter::new(Dialect::MySql);
        assert_eq!(m.push("DELIMITER //\n"), vec![]);
        assert_eq!(m.delimiter(), "//");
        assert_eq!(m.push("SELECT 1//\n"), vec![sql("SELECT 1", 2)]);
    }

    #[test]
    fn copy_from_stdin_data_follows_the_statement() {
        let script = "SET x = 1;\nCOPY t (a, b) FROM stdin; SELECT 'after';\n1\t'a;b\n\\N\t\\.x\n\\.\nSELECT 2;\n";
        let copy = |text: &str, line| Piece::CopyStart {
            text: text.to_string(),
            line,
        };
        let data = |d: &str| Piece::CopyData {
            data: d.to_string(),
        };
        assert_eq!(
            split(script, Dialect::Postgres),
            vec![
                sql("SET x = 1", 1),
                copy("COPY t (a, b) FROM stdin", 2),
                data("1\t'a;b\n\\N\t\\.x\n"),
                Piece::CopyEnd,
                // The rest of the COPY's line runs after its data, as in psql.
                sql("SELECT 'after'", 2),
                sql("SELECT 2", 6),
            ]
        );
        // Line by line (as `dbiam sql` reads), CRLF ends, and data up to the end of input.
        let mut s = Splitter::new(Dialect::Postgres);
        let mut got = Vec::new();
        for line in [
            "/* c */ copy t from STDIN with (format csv);\r\n",
            "1,x\r\n",
            "\\.\r\n",
            "copy t from stdin;\n",
            "2,y",
        ] {
            got.extend(s.push(line));
            if got.len() == 1 {
                assert_eq!(s.state_char(), '>');
                assert!(!s.is_empty());
            }
        }
        got.extend(s.finish_all());
        assert_eq!(
            got,
            vec![
                copy("/* c */ copy t from STDIN with (format csv)", 1),
                data("1,x\r\n"),
                Piece::CopyEnd,
                copy("copy t from stdin", 4),
                data("2,y"),
                Piece::CopyEnd,
            ]
        );
        // Without the `;` at the end of the input, nothing follows.
        assert!(is_copy_from_stdin("-- x\nCOPY t FROM STDIN"));
        assert!(!is_copy_from_stdin("COPY t TO STDOUT"));
        assert!(!is_copy_from_stdin("SELECT 'copy from stdin'"));
        // MySQL has no COPY.
        assert_eq!(
            split("COPY t FROM stdin;\n1\n", Dialect::MySql),
            vec![sql("COPY t FROM stdin", 1), sql("1", 2)]
        );
    }

    #[test]
    fn mysql_use_needs_no_terminator() {
        let mut m = Splitter::new(Dialect::MySql);
        assert_eq!(m.push("use app\n"), vec![sql("use app", 1)]);
        assert_eq!(m.push("USE `other`;\n"), vec![sql("USE `other`", 2)]);
        // Only at the start of a statement, and only the word `use`.
        assert_eq!(m.push("users\n"), vec![]);
        assert_eq!(m.push("use x;\n"), vec![sql("users\nuse x", 3)]);
        assert_eq!(
            m.push("SELECT 1 AS user;\n"),
            vec![sql("SELECT 1 AS user", 5)]
        );
        // In a script with another delimiter the line needs neither.
        let mut d = Splitter::new(Dialect::MySql);
        let all = d.push("DELIMITER //\nuse app //\nSELECT 2//\n");
        assert_eq!(all, vec![sql("use app", 2), sql("SELECT 2", 3)]);
        // PostgreSQL has no such command.
        let mut p = Splitter::new(Dialect::Postgres);
        assert_eq!(p.push("use app\n"), vec![]);
    }

    #[test]
    fn script_mode_keeps_semicolons_and_follows_the_server() {
        let mut sp = Splitter::new(Dialect::Postgres).for_script();
        assert_eq!(
            sp.push("select 1; select 'a\\'; copy t from stdin;\n"),
            vec![Piece::Sql {
                text: "select 1;".into(),
                line: 1
            }]
        );
        // With standard_conforming_strings off a backslash escapes the quote: the
        // string goes on past the `;`.
        sp.set_standard_conforming_strings(false);
        assert_eq!(sp.push(""), vec![]);
        assert_eq!(
            sp.push("';\n"),
            vec![Piece::Sql {
                text: "select 'a\\'; copy t from stdin;\n';".into(),
                line: 1
            }]
        );
        sp.set_standard_conforming_strings(true);
        let mut sp = Splitter::new(Dialect::Postgres).for_script();
        assert_eq!(sp.push("select 'a\\'; copy t from stdin;\n").len(), 1);
        // COPY data is the caller's to read: the statement is an ordinary piece.
        assert_eq!(
            sp.push(""),
            vec![Piece::Sql {
                text: "copy t from stdin;".into(),
                line: 1
            }]
        );
        sp.skip_lines(2);
        assert_eq!(sp.push(""), vec![]);
        assert_eq!(
            sp.push("select 2;\n"),
            vec![Piece::Sql {
                text: "select 2;".into(),
                line: 4
            }]
        );
    }

    #[test]
    fn finish_returns_the_rest_then_none() {
        let mut s = Splitter::new(Dialect::Postgres);
        assert_eq!(s.push("SELECT 1 \\gx"), vec![]);
        assert_eq!(s.finish(), Some(sql("SELECT 1", 1)));
        assert_eq!(s.finish(), Some(meta("\\gx", 1)));
        assert_eq!(s.finish(), None);
        // The splitter starts again at line 1 and keeps its variables.
        s.set_variable("v", "7");
        assert_eq!(s.push("\n\nSELECT :v;"), vec![sql("SELECT 7", 3)]);
        assert_eq!(s.finish(), None);
        assert_eq!(s.push("/* only */ -- comments\n"), vec![]);
        assert_eq!(s.finish(), None);
    }

    #[test]
    fn quoting_matches_libpq() {
        assert_eq!(quote_literal("it's"), "'it''s'");
        assert_eq!(quote_literal("a\\b'"), " E'a\\\\b'''");
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn meta_arguments_are_unquoted_like_psql() {
        let v = vars();
        assert_eq!(
            meta_args("\\set x 'a\\tb''c' \"d e\" :n:'q' :nope", &v),
            (
                "set".to_string(),
                vec![
                    "x".to_string(),
                    "a\tb'c".to_string(),
                    "\"d e\"".to_string(),
                    "42'it''s'".to_string(),
                    ":nope".to_string()
                ]
            )
        );
        assert_eq!(
            meta_args("\\echo '\\101\\x42'", &v).1,
            vec!["AB".to_string()]
        );
    }

    #[test]
    fn large_input_splits_in_one_pass() {
        // About 10 MB; the splitter must not rescan its buffer (quadratic time would not finish).
        let unit = "INSERT INTO t VALUES (1, 'a;b', $$x;y$$, E'\\'') /* c; */ -- d;\n;\n";
        let n = 10_000_000 / unit.len();
        let text = unit.repeat(n);
        let mut s = Splitter::new(Dialect::Postgres);
        let mut count = 0;
        for chunk in text.as_bytes().chunks(8192) {
            // Chunks cut at byte boundaries are valid here: the text is ASCII.
            count += s.push(std::str::from_utf8(chunk).expect("ascii")).len();
        }
        assert_eq!(s.finish(), None);
        assert_eq!(count, n);
        let whole = split(&text, Dialect::Postgres);
        assert_eq!(whole.len(), n);
        assert_eq!(
            whole[n - 1],
            sql(unit.trim_end().trim_end_matches(';').trim_end(), 2 * n - 1)
        );
    }
}
