//! psql's describe commands, for `dbiam sql` scripts and `dbiam connect` alike: `\d`
//! (relations, or one relation in psql's layout with its footers), `\dt`, `\dv`, `\dm`,
//! `\di`, `\ds`, `\dE`, `\dn`, `\du`/`\dg`, `\l`, `\df`, `\dx` and `\dp`, with psql's
//! patterns and its `S` (system objects) and `+` (more columns) modifiers.
//!
//! PostgreSQL's queries are psql 15's (`psql -E` shows them); what psql builds on the
//! client side (`\d NAME`'s column table and footers, `\du`'s attributes) is built here the
//! same way. The result goes to any [`ResultSink`] with its title and footers
//! ([`ResultSink::title`], [`ResultSink::footers`]): the aligned table prints them as psql
//! does, CSV leaves them out as `psql --csv` does. MySQL and MariaDB keep their SHOW-style
//! equivalents (`\l`, `\dt`, `\d`, `\dn`, `\du`, `\d NAME`).

use crate::db::{Driver, ExecError};
use crate::output::results::{Column, Expanded, ResultSink, TextRow};
use crate::sql::split::{quote_literal, Dialect};

/// Why a describe command failed.
#[derive(Debug)]
pub enum Failed {
    /// psql's own error for the command (`Did not find any relation named "x".`), to be
    /// reported as a meta-command error; empty when psql fails silently (`-q`).
    Meta(String),
    /// A catalogue query failed: the query and its error.
    Exec(String, Box<ExecError>),
}

/// How the command runs.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// psql's `QUIET` variable (`-q`): no "Did not find …" messages.
    pub quiet: bool,
    /// psql's `FILE:LINE:` prefix for the messages of a command read from a file (they
    /// then read `PREFIX error: …`); `None` prints them bare, as psql does for `-c` and
    /// at the prompt.
    pub location: Option<String>,
}

/// The describe commands' base names (the letters after `d`, before `S`/`+`).
const RELATION_LETTERS: &str = "tvmisE";

/// Whether `cmd` (a meta command's name without the backslash) is a describe command
/// this module runs.
pub fn handles(cmd: &str) -> bool {
    parse(cmd).is_some()
}

/// A describe command, parsed from its name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cmd {
    /// `\d` without a pattern lists relations, with one describes them.
    Describe,
    /// `\dt`, `\dv`, `\dm`, `\di`, `\ds`, `\dE` and their combinations (`\dtv`).
    Relations(String),
    /// `\dn`
    Schemas,
    /// `\du`, `\dg`
    Roles,
    /// `\l`, `\list`
    Databases,
    /// `\df[anptw]`
    Functions(String),
    /// `\dx`
    Extensions,
    /// `\dp`, `\z`
    Privileges,
}

/// The command and its modifiers: (command, verbose `+`, system `S`).
fn parse(cmd: &str) -> Option<(Cmd, bool, bool)> {
    let (base, verbose) = match cmd.strip_suffix('+') {
        Some(b) => (b, true),
        None => (cmd, false),
    };
    if matches!(base, "l" | "list") {
        return Some((Cmd::Databases, verbose, false));
    }
    if base == "z" {
        return Some((Cmd::Privileges, verbose, false));
    }
    let rest = base.strip_prefix('d')?;
    let (letters, system) = match rest.find('S') {
        Some(i) => {
            let (a, b) = rest.split_at(i);
            let after = &b[1..];
            (format!("{a}{after}"), true)
        }
        None => (rest.to_owned(), false),
    };
    if letters.contains('S') {
        return None;
    }
    let cmd = match letters.as_str() {
        "" => Cmd::Describe,
        "n" => Cmd::Schemas,
        "u" | "g" => Cmd::Roles,
        "x" => Cmd::Extensions,
        "p" => Cmd::Privileges,
        l if l.starts_with('f') && l[1..].chars().all(|c| "anptw".contains(c)) => {
            Cmd::Functions(l[1..].to_owned())
        }
        l if l.chars().all(|c| RELATION_LETTERS.contains(c)) => Cmd::Relations(l.to_owned()),
        _ => return None,
    };
    Some((cmd, verbose, system))
}

/// A result built here (or read back from a catalogue query), with psql's title and footers.
#[derive(Debug, Default, Clone)]
struct Table {
    title: Option<String>,
    columns: Vec<Column>,
    rows: Vec<Vec<Option<String>>>,
    /// `None`: psql's default footer (the row count).
    footers: Option<Vec<String>>,
}

impl Table {
    fn text_columns(names: &[&str]) -> Vec<Column> {
        names
            .iter()
            .map(|n| Column {
                name: (*n).to_owned(),
                type_oid: Some(25),
            })
            .collect()
    }

    fn get(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .and_then(|v| v.as_deref())
            .unwrap_or("")
    }

    fn is_null(&self, row: usize, col: usize) -> bool {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .is_none_or(|v| v.is_none())
    }

    fn write(&self, sink: &mut dyn ResultSink) -> std::io::Result<()> {
        if let Some(t) = &self.title {
            sink.title(t)?;
        }
        sink.columns(&self.columns)?;
        for r in &self.rows {
            let row: Vec<Option<&str>> = r.iter().map(|v| v.as_deref()).collect();
            sink.row(&row)?;
        }
        if let Some(f) = &self.footers {
            sink.footers(f)?;
        }
        sink.complete(&format!("SELECT {}", self.rows.len()))
    }
}

impl ResultSink for Table {
    fn wants_types(&self) -> bool {
        true
    }
    fn columns(&mut self, columns: &[Column]) -> std::io::Result<()> {
        self.columns = columns.to_vec();
        self.rows.clear();
        Ok(())
    }
    fn row(&mut self, row: &dyn TextRow) -> std::io::Result<()> {
        self.rows.push(
            (0..row.len())
                .map(|i| row.get(i).map(str::to_owned))
                .collect(),
        );
        Ok(())
    }
}

/// Run one catalogue query and keep its result.
async fn query<D: Driver + ?Sized>(driver: &mut D, sql: &str) -> Result<Table, Failed> {
    crate::debug!("catalogue query:\n{sql}");
    let mut t = Table::default();
    match driver.execute(sql, &mut t).await {
        Ok(()) => Ok(t),
        Err(e) => Err(Failed::Exec(sql.to_owned(), Box::new(e))),
    }
}

fn out(sink: &mut dyn ResultSink, t: &Table) -> Result<(), Failed> {
    t.write(sink)
        .map_err(|e| Failed::Exec(String::new(), Box::new(ExecError::Output(e))))
}

/// Run describe command `cmd` (its name without the backslash) with its arguments,
/// writing what it shows into `sink`.
pub async fn run<D: Driver + ?Sized>(
    driver: &mut D,
    cmd: &str,
    args: &[String],
    settings: &Settings,
    sink: &mut dyn ResultSink,
) -> Result<(), Failed> {
    let Some((which, verbose, system)) = parse(cmd) else {
        return Err(Failed::Meta(format!("invalid command \\{cmd}")));
    };
    let pattern = args.first().map(String::as_str);
    if driver.dialect() == Dialect::MySql {
        return mysql::run(driver, cmd, &which, pattern, settings, sink).await;
    }
    let list = |sql: String, title: &str| (sql, title.to_owned());
    let (sql, title) = match &which {
        Cmd::Describe if pattern.is_some() => {
            // `S` changes nothing with a pattern (psql's system filter applies without one).
            // As psql's describeOneTableDetails: never expanded ("looks confusing").
            let expanded = sink
                .print_settings()
                .map(|p| std::mem::replace(&mut p.expanded, Expanded::Off));
            let done =
                describe_tables(driver, pattern.unwrap_or(""), verbose, settings, sink).await;
            if let (Some(p), Some(e)) = (sink.print_settings(), expanded) {
                p.expanded = e;
            }
            return done;
        }
        Cmd::Describe => {
            return relations(driver, "tvmsE", None, verbose, system, settings, sink).await
        }
        Cmd::Relations(kinds) => {
            return relations(driver, kinds, pattern, verbose, system, settings, sink).await
        }
        Cmd::Roles => return roles(driver, pattern, verbose, system, sink).await,
        Cmd::Schemas => return schemas(driver, pattern, verbose, system, sink).await,
        Cmd::Databases => list(pg::databases(pattern, verbose), "List of databases"),
        Cmd::Functions(kinds) => list(
            pg::functions(kinds, pattern, verbose, system),
            "List of functions",
        ),
        Cmd::Extensions if verbose => {
            return extension_contents(driver, pattern, settings, sink).await
        }
        Cmd::Extensions => list(pg::extensions(pattern), "List of installed extensions"),
        Cmd::Privileges => list(pg::privileges(pattern), "Access privileges"),
    };
    let mut t = query(driver, &sql).await?;
    t.title = Some(title);
    out(sink, &t)
}

/// `\dt`, `\dv`, …, and `\d` without a pattern: psql's listTables.
async fn relations<D: Driver + ?Sized>(
    driver: &mut D,
    kinds: &str,
    pattern: Option<&str>,
    verbose: bool,
    system: bool,
    settings: &Settings,
    sink: &mut dyn ResultSink,
) -> Result<(), Failed> {
    let sql = pg::relations(kinds, pattern, verbose, system);
    let mut t = query(driver, &sql).await?;
    if t.rows.is_empty() && !settings.quiet {
        // As psql: an error message, yet the command succeeds.
        let message = match pattern {
            Some(p) => format!("Did not find any relation named \"{p}\"."),
            None => "Did not find any relations.".to_owned(),
        };
        sink.flush()
            .map_err(|e| Failed::Exec(String::new(), Box::new(ExecError::Output(e))))?;
        match &settings.location {
            Some(loc) => eprintln!("{loc} error: {message}"),
            None => eprintln!("{message}"),
        }
        return Ok(());
    }
    t.title = Some("List of relations".into());
    out(sink, &t)
}

/// `\dn`: with a pattern, psql adds as footers the publications of the schema named
/// exactly as the pattern is written (`\dn app`; not `\dn a*`).
async fn schemas<D: Driver + ?Sized>(
    driver: &mut D,
    pattern: Option<&str>,
    verbose: bool,
    system: bool,
    sink: &mut dyn ResultSink,
) -> Result<(), Failed> {
    let mut t = query(driver, &pg::schemas(pattern, verbose, system)).await?;
    t.title = Some("List of schemas".into());
    if let Some(name) = pattern {
        let p = query(driver, &pg::schema_publications(name)).await?;
        if !p.rows.is_empty() {
            let mut lines = vec!["Publications:".to_owned()];
            lines.extend((0..p.rows.len()).map(|i| format!("    \"{}\"", p.get(i, 0))));
            t.footers = Some(lines);
        }
    }
    out(sink, &t)
}

/// `\dx+`: the objects of each extension, one table each.
async fn extension_contents<D: Driver + ?Sized>(
    driver: &mut D,
    pattern: Option<&str>,
    settings: &Settings,
    sink: &mut dyn ResultSink,
) -> Result<(), Failed> {
    let found = query(driver, &pg::find_extensions(pattern)).await?;
    if found.rows.is_empty() {
        // As psql: the command fails (silently under QUIET).
        return Err(Failed::Meta(match pattern {
            _ if settings.quiet => String::new(),
            Some(p) => format!("Did not find any extension named \"{p}\"."),
            None => "Did not find any extensions.".to_owned(),
        }));
    }
    for i in 0..found.rows.len() {
        let mut t = query(driver, &pg::extension_objects(found.get(i, 1))).await?;
        t.title = Some(format!("Objects in extension \"{}\"", found.get(i, 0)));
        out(sink, &t)?;
    }
    Ok(())
}

/// `\du`: psql builds the attributes on the client side.
async fn roles<D: Driver + ?Sized>(
    driver: &mut D,
    pattern: Option<&str>,
    verbose: bool,
    system: bool,
    sink: &mut dyn ResultSink,
) -> Result<(), Failed> {
    let found = query(driver, &pg::roles(pattern, verbose, system)).await?;
    // Columns: rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,
    // rolconnlimit, rolvaliduntil, memberof, [description], rolreplication, rolbypassrls.
    let extra = usize::from(verbose);
    let mut names = vec!["Role name", "Attributes", "Member of"];
    if verbose {
        names.push("Description");
    }
    let mut t = Table {
        title: Some("List of roles".into()),
        columns: Table::text_columns(&names),
        footers: Some(Vec::new()),
        ..Table::default()
    };
    for i in 0..found.rows.len() {
        let yes = |c: usize| found.get(i, c) == "t";
        let mut attrs: Vec<&str> = Vec::new();
        if yes(1) {
            attrs.push("Superuser");
        }
        if !yes(2) {
            attrs.push("No inheritance");
        }
        if yes(3) {
            attrs.push("Create role");
        }
        if yes(4) {
            attrs.push("Create DB");
        }
        if !yes(5) {
            attrs.push("Cannot login");
        }
        if yes(9 + extra) {
            attrs.push("Replication");
        }
        if yes(10 + extra) {
            attrs.push("Bypass RLS");
        }
        let mut text = attrs.join(", ");
        let conns: i64 = found.get(i, 6).parse().unwrap_or(-1);
        if conns >= 0 {
            if !text.is_empty() {
                text.push('\n');
            }
            if conns == 0 {
                text.push_str("No connections");
            } else {
                text.push_str(&format!(
                    "{conns} connection{}",
                    if conns == 1 { "" } else { "s" }
                ));
            }
        }
        if !found.get(i, 7).is_empty() {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(&format!("Password valid until {}", found.get(i, 7)));
        }
        let mut row = vec![
            Some(found.get(i, 0).to_owned()),
            Some(text),
            Some(found.get(i, 8).to_owned()),
        ];
        if verbose {
            row.push(Some(found.get(i, 9).to_owned()));
        }
        t.rows.push(row);
    }
    out(sink, &t)
}

/// `\d PATTERN`: each matching relation in psql's layout.
async fn describe_tables<D: Driver + ?Sized>(
    driver: &mut D,
    pattern: &str,
    verbose: bool,
    settings: &Settings,
    sink: &mut dyn ResultSink,
) -> Result<(), Failed> {
    let found = query(driver, &pg::find_relations(pattern)).await?;
    if found.rows.is_empty() {
        // As psql: the command fails (silently under QUIET).
        return Err(Failed::Meta(if settings.quiet {
            String::new()
        } else {
            format!("Did not find any relation named \"{pattern}\".")
        }));
    }
    for i in 0..found.rows.len() {
        let (oid, schema, name) = (found.get(i, 0), found.get(i, 1), found.get(i, 2));
        let t = describe_one(driver, oid, schema, name, verbose).await?;
        out(sink, &t)?;
    }
    Ok(())
}

/// What psql reads about a relation before describing it.
struct RelInfo {
    checks: bool,
    kind: char,
    has_index: bool,
    has_rules: bool,
    has_triggers: bool,
    row_security: bool,
    force_row_security: bool,
    is_partition: bool,
    of_type: String,
    persistence: char,
    replident: char,
    access_method: String,
}

/// A rule's definition after its `CREATE RULE ` (psql echoes the rest verbatim).
fn skip_create_rule(def: &str) -> &str {
    def.get(12..).unwrap_or("")
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

/// One relation, as psql's describeOneTableDetails prints it.
async fn describe_one<D: Driver + ?Sized>(
    driver: &mut D,
    oid: &str,
    schema: &str,
    name: &str,
    verbose: bool,
) -> Result<Table, Failed> {
    let info = query(driver, &pg::relation_info(oid)).await?;
    if info.rows.is_empty() {
        return Err(Failed::Meta(format!(
            "Did not find any relation with OID {oid}."
        )));
    }
    let rel = RelInfo {
        checks: info.get(0, 0) != "0",
        kind: first_char(info.get(0, 1)),
        has_index: info.get(0, 2) == "t",
        has_rules: info.get(0, 3) == "t",
        has_triggers: info.get(0, 4) == "t",
        row_security: info.get(0, 5) == "t",
        force_row_security: info.get(0, 6) == "t",
        is_partition: info.get(0, 8) == "t",
        of_type: info.get(0, 11).to_owned(),
        persistence: first_char(info.get(0, 12)),
        replident: first_char(info.get(0, 13)),
        access_method: info.get(0, 14).to_owned(),
    };
    let unlogged = rel.persistence == 'u';
    let what = match rel.kind {
        'r' if unlogged => "Unlogged table",
        'r' => "Table",
        'v' => "View",
        'm' if unlogged => "Unlogged materialized view",
        'm' => "Materialized view",
        'S' if unlogged => "Unlogged sequence",
        'S' => "Sequence",
        'i' if unlogged => "Unlogged index",
        'i' => "Index",
        'I' if unlogged => "Unlogged partitioned index",
        'I' => "Partitioned index",
        't' => "TOAST table",
        'c' => "Composite type",
        'f' => "Foreign table",
        'p' if unlogged => "Unlogged partitioned table",
        'p' => "Partitioned table",
        _ => "?",
    };
    let title = format!("{what} \"{schema}.{name}\"");
    if rel.kind == 'S' {
        return sequence(driver, oid, title).await;
    }
    let table_like = matches!(rel.kind, 'r' | 'v' | 'm' | 'f' | 'c' | 'p');
    let index = matches!(rel.kind, 'i' | 'I');
    let cols = query(driver, &pg::columns(oid, &rel, verbose)).await?;
    // Column indexes in the query: name 0, type 1, default 2, notnull 3, collation 4,
    // identity 5, generated 6, then (index) key 7 and definition 8, then the verbose ones.
    let mut names = vec!["Column", "Type"];
    if table_like {
        names.extend(["Collation", "Nullable", "Default"]);
    }
    if index {
        names.extend(["Key?", "Definition"]);
    }
    let shows = pg::VerboseColumns::of(rel.kind, verbose);
    if shows.storage {
        names.push("Storage");
    }
    if shows.compression {
        names.push("Compression");
    }
    if shows.stats {
        names.push("Stats target");
    }
    if shows.description {
        names.push("Description");
    }
    let mut t = Table {
        title: Some(title),
        columns: Table::text_columns(&names),
        footers: Some(Vec::new()),
        ..Table::default()
    };
    for i in 0..cols.rows.len() {
        let g = |c: usize| cols.get(i, c).to_owned();
        let mut row = vec![g(0), g(1)];
        let mut next = 7;
        if table_like {
            row.push(g(4));
            row.push(if g(3) == "t" {
                "not null".into()
            } else {
                String::new()
            });
            let default = match (cols.get(i, 5), cols.get(i, 6)) {
                ("a", _) => "generated always as identity".to_owned(),
                ("d", _) => "generated by default as identity".to_owned(),
                (_, "s") => format!("generated always as ({}) stored", g(2)),
                _ => g(2),
            };
            row.push(default);
        }
        if index {
            row.push(g(7));
            row.push(g(8));
            next = 9;
        }
        if shows.storage {
            row.push(
                match cols.get(i, next) {
                    "p" => "plain",
                    "m" => "main",
                    "x" => "extended",
                    "e" => "external",
                    _ => "???",
                }
                .to_owned(),
            );
            next += 1;
        }
        if shows.compression {
            row.push(
                match cols.get(i, next) {
                    "p" => "pglz",
                    "l" => "lz4",
                    _ => "",
                }
                .to_owned(),
            );
            next += 1;
        }
        if shows.stats {
            row.push(g(next));
            next += 1;
        }
        if shows.description {
            row.push(g(next));
        }
        t.rows.push(row.into_iter().map(Some).collect());
    }
    let mut footers = Vec::new();
    if index {
        let f = query(driver, &pg::index_footer(oid)).await?;
        if f.rows.len() == 1 {
            let yes = |c: usize| f.get(0, c) == "t";
            let mut s = String::new();
            if yes(1) {
                s.push_str("primary key, ");
            } else if yes(0) {
                s.push_str("unique");
                if yes(7) {
                    s.push_str(" nulls not distinct");
                }
                s.push_str(", ");
            }
            s.push_str(&format!("{}, ", f.get(0, 8)));
            s.push_str(&format!("for table \"{schema}.{}\"", f.get(0, 9)));
            if !f.get(0, 10).is_empty() {
                s.push_str(&format!(", predicate ({})", f.get(0, 10)));
            }
            if yes(2) {
                s.push_str(", clustered");
            }
            if !yes(3) {
                s.push_str(", invalid");
            }
            if yes(4) {
                s.push_str(", deferrable");
            }
            if yes(5) {
                s.push_str(", initially deferred");
            }
            if yes(6) {
                s.push_str(", replica identity");
            }
            footers.push(s);
        }
    } else if matches!(rel.kind, 'r' | 'm' | 'f' | 'p' | 't') {
        table_footers(driver, oid, &rel, verbose, &mut footers).await?;
    }
    if matches!(rel.kind, 'v' | 'm') && verbose {
        let v = query(driver, &pg::view_definition(oid)).await?;
        if !v.rows.is_empty() {
            footers.push("View definition:".into());
            footers.push(v.get(0, 0).to_owned());
        }
        if rel.has_rules && rel.kind == 'v' {
            let r = query(driver, &pg::view_rules(oid)).await?;
            if !r.rows.is_empty() {
                footers.push("Rules:".into());
                for i in 0..r.rows.len() {
                    footers.push(format!(" {}", skip_create_rule(r.get(i, 1))));
                }
            }
        }
    }
    if rel.has_triggers || rel.kind == 'p' {
        triggers(driver, oid, &mut footers).await?;
    }
    if matches!(rel.kind, 'r' | 'm' | 'f' | 'p' | 'I' | 't') {
        more_table_footers(driver, oid, &rel, verbose, &mut footers).await?;
    }
    t.footers = Some(footers);
    Ok(t)
}

/// `\d SEQUENCE`: psql's sequence table (typed: numbers right-aligned) and what owns it.
async fn sequence<D: Driver + ?Sized>(
    driver: &mut D,
    oid: &str,
    title: String,
) -> Result<Table, Failed> {
    let mut t = query(driver, &pg::sequence(oid)).await?;
    let owner = query(driver, &pg::sequence_owner(oid)).await?;
    let mut footers = Vec::new();
    if !owner.rows.is_empty() {
        footers.push(if owner.get(0, 1) == "i" {
            format!("Sequence for identity column: {}", owner.get(0, 0))
        } else {
            format!("Owned by: {}", owner.get(0, 0))
        });
    }
    t.title = Some(title);
    t.footers = Some(footers);
    Ok(t)
}

/// The footers of a table before its triggers: partitioning, indexes, constraints,
/// references, policies, statistics objects, rules.
async fn table_footers<D: Driver + ?Sized>(
    driver: &mut D,
    oid: &str,
    rel: &RelInfo,
    verbose: bool,
    footers: &mut Vec<String>,
) -> Result<(), Failed> {
    if rel.is_partition {
        let p = query(driver, &pg::partition_of(oid, verbose)).await?;
        if !p.rows.is_empty() {
            footers.push(format!(
                "Partition of: {} {}{}",
                p.get(0, 0),
                p.get(0, 1),
                if p.get(0, 2) == "t" {
                    " DETACH PENDING"
                } else {
                    ""
                }
            ));
            if verbose {
                footers.push(if p.is_null(0, 3) {
                    "No partition constraint".to_owned()
                } else {
                    format!("Partition constraint: {}", p.get(0, 3))
                });
            }
        }
    }
    if rel.kind == 'p' {
        let k = query(driver, &pg::partition_key(oid)).await?;
        footers.push(format!("Partition key: {}", k.get(0, 0)));
    }
    if rel.has_index {
        let idx = query(driver, &pg::indexes(oid)).await?;
        if !idx.rows.is_empty() {
            footers.push("Indexes:".into());
        }
        for i in 0..idx.rows.len() {
            let yes = |c: usize| idx.get(i, c) == "t";
            let mut s = format!("    \"{}\"", idx.get(i, 0));
            if idx.get(i, 7) == "x" {
                s.push_str(&format!(" {}", idx.get(i, 6)));
            } else {
                if yes(1) {
                    s.push_str(" PRIMARY KEY,");
                } else if yes(2) {
                    s.push_str(if idx.get(i, 7) == "u" {
                        " UNIQUE CONSTRAINT,"
                    } else {
                        " UNIQUE,"
                    });
                }
                let def = idx.get(i, 5);
                let def = def.find(" USING ").map_or(def, |p| &def[p + 7..]);
                s.push_str(&format!(" {def}"));
                if yes(8) {
                    s.push_str(" DEFERRABLE");
                }
                if yes(9) {
                    s.push_str(" INITIALLY DEFERRED");
                }
            }
            if yes(3) {
                s.push_str(" CLUSTER");
            }
            if !yes(4) {
                s.push_str(" INVALID");
            }
            if yes(10) {
                s.push_str(" REPLICA IDENTITY");
            }
            footers.push(s);
        }
    }
    if rel.checks {
        let c = query(driver, &pg::checks(oid)).await?;
        if !c.rows.is_empty() {
            footers.push("Check constraints:".into());
        }
        for i in 0..c.rows.len() {
            footers.push(format!("    \"{}\" {}", c.get(i, 0), c.get(i, 1)));
        }
    }
    if matches!(rel.kind, 'r' | 'p' | 'f' | 'm') {
        let partitioned = rel.is_partition || rel.kind == 'p';
        let f = query(driver, &pg::foreign_keys(oid, partitioned)).await?;
        if !f.rows.is_empty() {
            footers.push("Foreign-key constraints:".into());
        }
        for i in 0..f.rows.len() {
            footers.push(if f.get(i, 0) == "f" {
                format!(
                    "    TABLE \"{}\" CONSTRAINT \"{}\" {}",
                    f.get(i, 3),
                    f.get(i, 1),
                    f.get(i, 2)
                )
            } else {
                format!("    \"{}\" {}", f.get(i, 1), f.get(i, 2))
            });
        }
        let r = query(driver, &pg::referenced_by(oid)).await?;
        if !r.rows.is_empty() {
            footers.push("Referenced by:".into());
        }
        for i in 0..r.rows.len() {
            footers.push(format!(
                "    TABLE \"{}\" CONSTRAINT \"{}\" {}",
                r.get(i, 1),
                r.get(i, 0),
                r.get(i, 2)
            ));
        }
    }
    let p = query(driver, &pg::policies(oid)).await?;
    let n = p.rows.len();
    let head = match (rel.row_security, rel.force_row_security, n > 0) {
        (true, false, true) => Some("Policies:"),
        (true, true, true) => Some("Policies (forced row security enabled):"),
        (true, false, false) => Some("Policies (row security enabled): (none)"),
        (true, true, false) => Some("Policies (forced row security enabled): (none)"),
        (false, _, true) => Some("Policies (row security disabled):"),
        (false, _, false) => None,
    };
    if let Some(h) = head {
        footers.push(h.to_owned());
    }
    for i in 0..n {
        let mut s = format!("    POLICY \"{}\"", p.get(i, 0));
        if p.get(i, 1) == "f" {
            s.push_str(" AS RESTRICTIVE");
        }
        if !p.is_null(i, 5) {
            s.push_str(&format!(" FOR {}", p.get(i, 5)));
        }
        if !p.is_null(i, 2) {
            s.push_str(&format!("\n      TO {}", p.get(i, 2)));
        }
        if !p.is_null(i, 3) {
            s.push_str(&format!("\n      USING ({})", p.get(i, 3)));
        }
        if !p.is_null(i, 4) {
            s.push_str(&format!("\n      WITH CHECK ({})", p.get(i, 4)));
        }
        footers.push(s);
    }
    let s = query(driver, &pg::statistics(oid)).await?;
    if !s.rows.is_empty() {
        footers.push("Statistics objects:".into());
    }
    for i in 0..s.rows.len() {
        let kinds: Vec<&str> = [(5, "ndistinct"), (6, "dependencies"), (7, "mcv")]
            .iter()
            .filter(|(c, _)| s.get(i, *c) == "t")
            .map(|(_, k)| *k)
            .collect();
        let mut line = format!("    \"{}.{}\"", s.get(i, 2), s.get(i, 3));
        if !kinds.is_empty() && kinds.len() < 3 {
            line.push_str(&format!(" ({})", kinds.join(", ")));
        }
        line.push_str(&format!(" ON {} FROM {}", s.get(i, 4), s.get(i, 1)));
        if !s.is_null(i, 8) && s.get(i, 8) != "-1" {
            line.push_str(&format!("; STATISTICS {}", s.get(i, 8)));
        }
        footers.push(line);
    }
    if rel.has_rules && rel.kind != 'm' {
        let r = query(driver, &pg::table_rules(oid)).await?;
        // psql's groups, by ev_enabled: O enabled, D disabled, A always, R replica.
        for (state, head) in [
            ("O", "Rules:"),
            ("D", "Disabled rules:"),
            ("A", "Rules firing always:"),
            ("R", "Rules firing on replica only:"),
        ] {
            let lines: Vec<String> = (0..r.rows.len())
                .filter(|&i| r.get(i, 2) == state)
                .map(|i| format!("    {}", skip_create_rule(r.get(i, 1))))
                .collect();
            if !lines.is_empty() {
                footers.push(head.into());
                footers.extend(lines);
            }
        }
    }
    Ok(())
}

/// psql's trigger footers, in its groups.
async fn triggers<D: Driver + ?Sized>(
    driver: &mut D,
    oid: &str,
    footers: &mut Vec<String>,
) -> Result<(), Failed> {
    let t = query(driver, &pg::triggers(oid)).await?;
    // tgname 0, def 1, tgenabled 2, tgisinternal 3, parent 4.
    for category in 0..5 {
        let lines: Vec<String> = (0..t.rows.len())
            .filter(|&i| {
                let internal = t.get(i, 3) == "t";
                match t.get(i, 2) {
                    "O" | "t" => category == 0 && !internal,
                    "D" | "f" => category == if internal { 2 } else { 1 },
                    "A" => category == 3,
                    "R" => category == 4,
                    _ => false,
                }
            })
            .map(|i| {
                let def = t.get(i, 1);
                let def = def.find(" TRIGGER ").map_or(def, |p| &def[p + 9..]);
                let mut s = format!("    {def}");
                if !t.is_null(i, 4) {
                    s.push_str(&format!(", ON TABLE {}", t.get(i, 4)));
                }
                s
            })
            .collect();
        if lines.is_empty() {
            continue;
        }
        footers.push(
            match category {
                0 => "Triggers:",
                1 => "Disabled user triggers:",
                2 => "Disabled internal triggers:",
                3 => "Triggers firing always:",
                _ => "Triggers firing on replica only:",
            }
            .to_owned(),
        );
        footers.extend(lines);
    }
    Ok(())
}

/// The footers after the triggers: inheritance, partitions, typed table, and with `+`
/// the replica identity and access method.
async fn more_table_footers<D: Driver + ?Sized>(
    driver: &mut D,
    oid: &str,
    rel: &RelInfo,
    verbose: bool,
    footers: &mut Vec<String>,
) -> Result<(), Failed> {
    let parents = query(driver, &pg::inherits(oid)).await?;
    let n = parents.rows.len();
    for i in 0..n {
        let mut s = if i == 0 {
            format!("Inherits: {}", parents.get(i, 0))
        } else {
            format!("{}  {}", " ".repeat("Inherits".len()), parents.get(i, 0))
        };
        if i + 1 < n {
            s.push(',');
        }
        footers.push(s);
    }
    let children = query(driver, &pg::children(oid)).await?;
    let n = children.rows.len();
    let partitioned = matches!(rel.kind, 'p' | 'I');
    if !verbose {
        if partitioned {
            footers.push(format!(
                "Number of partitions: {n} (Use \\d+ to list them.)"
            ));
        } else if n > 0 {
            footers.push(format!(
                "Number of child tables: {n} (Use \\d+ to list them.)"
            ));
        }
    } else if partitioned && n == 0 {
        footers.push("Number of partitions: 0".into());
    } else {
        let head = if partitioned {
            "Partitions"
        } else {
            "Child tables"
        };
        for i in 0..n {
            let mut s = if i == 0 {
                format!("{head}: {}", children.get(i, 0))
            } else {
                format!("{}  {}", " ".repeat(head.len()), children.get(i, 0))
            };
            if !children.is_null(i, 3) {
                s.push_str(&format!(" {}", children.get(i, 3)));
            }
            if matches!(children.get(i, 1), "p" | "I") {
                s.push_str(", PARTITIONED");
            } else if children.get(i, 1) == "f" {
                s.push_str(", FOREIGN");
            }
            if children.get(i, 2) == "t" {
                s.push_str(" (DETACH PENDING)");
            }
            if i + 1 < n {
                s.push(',');
            }
            footers.push(s);
        }
    }
    if !rel.of_type.is_empty() {
        footers.push(format!("Typed table of type: {}", rel.of_type));
    }
    if verbose && matches!(rel.kind, 'r' | 'm') && rel.replident != 'd' && rel.replident != ' ' {
        let what = match rel.replident {
            'f' => "FULL",
            'n' => "NOTHING",
            _ => "???",
        };
        if rel.replident != 'i' {
            footers.push(format!("Replica Identity: {what}"));
        }
    }
    if verbose && !rel.access_method.is_empty() && matches!(rel.kind, 'r' | 'm' | 'p') {
        footers.push(format!("Access method: {}", rel.access_method));
    }
    Ok(())
}

/// psql's name patterns: `*` any text, `?` one character, `"…"` literal and case kept,
/// unquoted letters folded to lower case, a `.` outside quotes separating the schema from
/// the name, and (unquoted) regular-expression characters working as such, except `$`.
/// Returns the anchored (schema, name) regular expressions.
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
            c if !quoted && c.is_uppercase() => cur.extend(c.to_lowercase()),
            '$' => cur.push_str("\\$"),
            c if quoted && "|*+?()[]{}.^\\".contains(c) => {
                cur.push('\\');
                cur.push(c);
            }
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

/// psql's processSQLNamePattern: the conditions a pattern adds to a query's WHERE, each
/// on its own line, joined with `AND` (the caller puts WHERE or AND before the first).
fn name_conditions(
    pattern: Option<&str>,
    schema_var: Option<&str>,
    name_var: &str,
    visibility: Option<&str>,
) -> Vec<String> {
    let Some(p) = pattern else {
        return visibility.map(str::to_owned).into_iter().collect();
    };
    let (schema, name) = pattern_regexes(p);
    let mut out = Vec::new();
    if name != "^(.*)$" {
        out.push(format!(
            "{name_var} OPERATOR(pg_catalog.~) {} COLLATE pg_catalog.default",
            quote_literal(&name)
        ));
    }
    match (schema, schema_var) {
        (Some(s), Some(var)) => {
            if s != "^(.*)$" {
                out.push(format!(
                    "{var} OPERATOR(pg_catalog.~) {} COLLATE pg_catalog.default",
                    quote_literal(&s)
                ));
            }
        }
        (Some(_), None) => {}
        (None, _) => out.extend(visibility.map(str::to_owned)),
    }
    out
}

/// Conditions appended to a query: `WHERE a\n  AND b\n` (or `  AND …` when a WHERE is there).
fn append_conditions(sql: &mut String, mut have_where: bool, conditions: &[String]) {
    for c in conditions {
        if have_where {
            sql.push_str("  AND ");
        } else {
            sql.push_str("WHERE ");
            have_where = true;
        }
        sql.push_str(c);
        sql.push('\n');
    }
}

/// psql 15's catalogue queries.
mod pg {
    use super::{append_conditions, name_conditions, RelInfo};
    use crate::sql::split::quote_literal;

    const KIND_CASE: &str = "CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' \
        WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' \
        WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' \
        WHEN 'I' THEN 'partitioned index' END";

    fn lit(oid: &str) -> String {
        quote_literal(oid)
    }

    /// psql's listTables for the kinds in `kinds` (`tvmisE`).
    pub fn relations(kinds: &str, pattern: Option<&str>, verbose: bool, system: bool) -> String {
        let has = |c: char| kinds.contains(c);
        let (tables, views, matviews, indexes, seqs, foreign) =
            (has('t'), has('v'), has('m'), has('i'), has('s'), has('E'));
        let (tables, views, matviews, indexes, seqs, foreign) =
            if !(tables || views || matviews || indexes || seqs || foreign) {
                (true, true, true, true, true, true)
            } else {
                (tables, views, matviews, indexes, seqs, foreign)
            };
        let mut sql = format!(
            "SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n  {KIND_CASE} as \"Type\",\n  \
             pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\""
        );
        if indexes {
            sql.push_str(",\n  c2.relname as \"Table\"");
        }
        if verbose {
            sql.push_str(
                ",\n  CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' \
                 WHEN 'u' THEN 'unlogged' END as \"Persistence\"",
            );
            if tables || matviews || indexes {
                sql.push_str(",\n  am.amname as \"Access method\"");
            }
            sql.push_str(
                ",\n  pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as \"Size\",\n  \
                 pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\"",
            );
        }
        sql.push_str(
            "\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n",
        );
        if tables || matviews || indexes {
            sql.push_str("     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam\n");
        }
        if indexes {
            sql.push_str(
                "     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid\n     \
                 LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid\n",
            );
        }
        let wide = system || pattern.is_some();
        let mut k = String::new();
        if tables {
            k.push_str("'r','p',");
            if wide {
                k.push_str("'t',");
            }
        }
        if views {
            k.push_str("'v',");
        }
        if matviews {
            k.push_str("'m',");
        }
        if indexes {
            k.push_str("'i','I',");
        }
        if seqs {
            k.push_str("'S',");
        }
        if wide {
            k.push_str("'s',");
        }
        if foreign {
            k.push_str("'f',");
        }
        k.push_str("''");
        sql.push_str(&format!("WHERE c.relkind IN ({k})\n"));
        if !wide {
            sql.push_str(
                "      AND n.nspname <> 'pg_catalog'\n      AND n.nspname !~ '^pg_toast'\n      \
                 AND n.nspname <> 'information_schema'\n",
            );
        }
        append_conditions(
            &mut sql,
            true,
            &name_conditions(
                pattern,
                Some("n.nspname"),
                "c.relname",
                Some("pg_catalog.pg_table_is_visible(c.oid)"),
            ),
        );
        sql.push_str("ORDER BY 1,2;");
        sql
    }

    /// psql's listSchemas.
    pub fn schemas(pattern: Option<&str>, verbose: bool, system: bool) -> String {
        let mut sql =
            "SELECT n.nspname AS \"Name\",\n  pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\""
                .to_owned();
        if verbose {
            sql.push_str(
                ",\n  pg_catalog.array_to_string(n.nspacl, E'\\n') AS \"Access privileges\",\n  \
                 pg_catalog.obj_description(n.oid, 'pg_namespace') AS \"Description\"",
            );
        }
        sql.push_str("\nFROM pg_catalog.pg_namespace n\n");
        let have_where = !system && pattern.is_none();
        if have_where {
            sql.push_str("WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n");
        }
        append_conditions(
            &mut sql,
            have_where,
            &name_conditions(pattern, None, "n.nspname", None),
        );
        sql.push_str("ORDER BY 1;");
        sql
    }

    /// The publications of schema `name` (`\dn` footers).
    pub fn schema_publications(name: &str) -> String {
        format!(
            "SELECT pubname \nFROM pg_catalog.pg_publication p\n     \
             JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid\n     \
             JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid \nWHERE n.nspname = {}\nORDER BY 1",
            quote_literal(name)
        )
    }

    /// psql's listExtensionContents: the extensions a pattern names.
    pub fn find_extensions(pattern: Option<&str>) -> String {
        let mut sql = "SELECT e.extname, e.oid\nFROM pg_catalog.pg_extension e\n".to_owned();
        append_conditions(
            &mut sql,
            false,
            &name_conditions(pattern, None, "e.extname", None),
        );
        sql.push_str("ORDER BY 1;");
        sql
    }

    /// The objects of extension `oid`.
    pub fn extension_objects(oid: &str) -> String {
        format!(
            "SELECT pg_catalog.pg_describe_object(classid, objid, 0) AS \"Object description\"\n\
             FROM pg_catalog.pg_depend\n\
             WHERE refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND refobjid = {} \
             AND deptype = 'e'\nORDER BY 1;",
            lit(oid)
        )
    }

    /// psql's listAllDbs.
    pub fn databases(pattern: Option<&str>, verbose: bool) -> String {
        let mut sql = "SELECT d.datname as \"Name\",\n       \
             pg_catalog.pg_get_userbyid(d.datdba) as \"Owner\",\n       \
             pg_catalog.pg_encoding_to_char(d.encoding) as \"Encoding\",\n       \
             d.datcollate as \"Collate\",\n       d.datctype as \"Ctype\",\n       \
             d.daticulocale as \"ICU Locale\",\n       \
             CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\",\n       \
             pg_catalog.array_to_string(d.datacl, E'\\n') AS \"Access privileges\""
            .to_owned();
        if verbose {
            sql.push_str(
                ",\n       CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')\n            \
                 THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))\n            \
                 ELSE 'No Access'\n       END as \"Size\",\n       t.spcname as \"Tablespace\",\n       \
                 pg_catalog.shobj_description(d.oid, 'pg_database') as \"Description\"",
            );
        }
        sql.push_str("\nFROM pg_catalog.pg_database d\n");
        if verbose {
            sql.push_str("  JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid\n");
        }
        append_conditions(
            &mut sql,
            false,
            &name_conditions(pattern, None, "d.datname", None),
        );
        sql.push_str("ORDER BY 1;");
        sql
    }

    /// psql's describeRoles query (the attributes are put together by the caller).
    pub fn roles(pattern: Option<&str>, verbose: bool, system: bool) -> String {
        let mut sql = "SELECT r.rolname, r.rolsuper, r.rolinherit,\n  \
             r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,\n  \
             r.rolconnlimit, r.rolvaliduntil,\n  \
             ARRAY(SELECT b.rolname\n        FROM pg_catalog.pg_auth_members m\n        \
             JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid)\n        \
             WHERE m.member = r.oid) as memberof"
            .to_owned();
        if verbose {
            sql.push_str(",\n  pg_catalog.shobj_description(r.oid, 'pg_authid') AS description");
        }
        sql.push_str("\n, r.rolreplication\n, r.rolbypassrls\nFROM pg_catalog.pg_roles r\n");
        let have_where = !system && pattern.is_none();
        if have_where {
            sql.push_str("WHERE r.rolname !~ '^pg_'\n");
        }
        append_conditions(
            &mut sql,
            have_where,
            &name_conditions(pattern, None, "r.rolname", None),
        );
        sql.push_str("ORDER BY 1;");
        sql
    }

    /// psql's describeFunctions (`kinds`: psql's `anptw` letters; none means all).
    pub fn functions(kinds: &str, pattern: Option<&str>, verbose: bool, system: bool) -> String {
        let has = |c: char| kinds.contains(c);
        let (mut agg, mut normal, mut proc_, mut trig, mut window) =
            (has('a'), has('n'), has('p'), has('t'), has('w'));
        if !(agg || normal || proc_ || trig || window) {
            (agg, normal, proc_, trig, window) = (true, true, true, true, true);
        }
        let mut sql = "SELECT n.nspname as \"Schema\",\n  p.proname as \"Name\",\n  \
             pg_catalog.pg_get_function_result(p.oid) as \"Result data type\",\n  \
             pg_catalog.pg_get_function_arguments(p.oid) as \"Argument data types\",\n \
             CASE p.prokind\n  WHEN 'a' THEN 'agg'\n  WHEN 'w' THEN 'window'\n  WHEN 'p' THEN 'proc'\n  \
             ELSE 'func'\n END as \"Type\""
            .to_owned();
        if verbose {
            sql.push_str(
                ",\n CASE\n  WHEN p.provolatile = 'i' THEN 'immutable'\n  WHEN p.provolatile = 's' THEN 'stable'\n  \
                 WHEN p.provolatile = 'v' THEN 'volatile'\n END as \"Volatility\",\n \
                 CASE\n  WHEN p.proparallel = 'r' THEN 'restricted'\n  WHEN p.proparallel = 's' THEN 'safe'\n  \
                 WHEN p.proparallel = 'u' THEN 'unsafe'\n END as \"Parallel\",\n \
                 pg_catalog.pg_get_userbyid(p.proowner) as \"Owner\",\n \
                 CASE WHEN prosecdef THEN 'definer' ELSE 'invoker' END AS \"Security\",\n  \
                 pg_catalog.array_to_string(p.proacl, E'\\n') AS \"Access privileges\",\n \
                 l.lanname as \"Language\",\n \
                 p.prosrc as \"Source code\",\n \
                 pg_catalog.obj_description(p.oid, 'pg_proc') as \"Description\"",
            );
        }
        sql.push_str(
            "\nFROM pg_catalog.pg_proc p\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n",
        );
        if verbose {
            sql.push_str("     LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang\n");
        }
        let mut conds: Vec<String> = Vec::new();
        let all = agg && normal && proc_ && trig && window;
        if all {
            // No condition on the kind.
        } else if normal {
            if !agg {
                conds.push("p.prokind <> 'a'".into());
            }
            if !proc_ {
                conds.push("(p.prokind IS NULL OR p.prokind <> 'p')".into());
            }
            if !trig {
                conds.push("p.prorettype <> 'pg_catalog.trigger'::pg_catalog.regtype".into());
            }
            if !window {
                conds.push("p.prokind <> 'w'".into());
            }
        } else {
            let mut any = Vec::new();
            if agg {
                any.push("p.prokind = 'a'");
            }
            if trig {
                any.push("p.prorettype = 'pg_catalog.trigger'::pg_catalog.regtype");
            }
            if proc_ {
                any.push("p.prokind = 'p'");
            }
            if window {
                any.push("p.prokind = 'w'");
            }
            conds.push(format!("(\n       {}\n      )", any.join("\n       OR ")));
        }
        conds.extend(name_conditions(
            pattern,
            Some("n.nspname"),
            "p.proname",
            Some("pg_catalog.pg_function_is_visible(p.oid)"),
        ));
        if !system && pattern.is_none() {
            conds.push("n.nspname <> 'pg_catalog'".into());
            conds.push("n.nspname <> 'information_schema'".into());
        }
        append_conditions(&mut sql, false, &conds);
        sql.push_str("ORDER BY 1, 2, 4;");
        sql
    }

    /// psql's listExtensions.
    pub fn extensions(pattern: Option<&str>) -> String {
        let mut sql =
            "SELECT e.extname AS \"Name\", e.extversion AS \"Version\", n.nspname AS \"Schema\", \
             c.description AS \"Description\"\nFROM pg_catalog.pg_extension e \
             LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace \
             LEFT JOIN pg_catalog.pg_description c ON c.objoid = e.oid \
             AND c.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass\n"
                .to_owned();
        append_conditions(
            &mut sql,
            false,
            &name_conditions(pattern, None, "e.extname", None),
        );
        sql.push_str("ORDER BY 1;");
        sql
    }

    /// psql's permissionsList (`\dp`, `\z`).
    pub fn privileges(pattern: Option<&str>) -> String {
        let mut sql = "SELECT n.nspname as \"Schema\",\n  c.relname as \"Name\",\n  \
             CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' \
             WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END as \"Type\",\n  \
             pg_catalog.array_to_string(c.relacl, E'\\n') AS \"Access privileges\",\n  \
             pg_catalog.array_to_string(ARRAY(\n    \
             SELECT attname || E':\\n  ' || pg_catalog.array_to_string(attacl, E'\\n  ')\n    \
             FROM pg_catalog.pg_attribute a\n    \
             WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL\n  \
             ), E'\\n') AS \"Column privileges\",\n  \
             pg_catalog.array_to_string(ARRAY(\n    SELECT polname\n    \
             || CASE WHEN NOT polpermissive THEN\n       E' (RESTRICTIVE)'\n       ELSE '' END\n    \
             || CASE WHEN polcmd != '*' THEN\n           E' (' || polcmd::pg_catalog.text || E'):'\n       \
             ELSE E':'\n       END\n    \
             || CASE WHEN polqual IS NOT NULL THEN\n           E'\\n  (u): ' || pg_catalog.pg_get_expr(polqual, polrelid)\n       \
             ELSE E''\n       END\n    \
             || CASE WHEN polwithcheck IS NOT NULL THEN\n           E'\\n  (c): ' || pg_catalog.pg_get_expr(polwithcheck, polrelid)\n       \
             ELSE E''\n       END    \
             || CASE WHEN polroles <> '{0}' THEN\n           E'\\n  to: ' || pg_catalog.array_to_string(\n               \
             ARRAY(\n                   SELECT rolname\n                   FROM pg_catalog.pg_roles\n                   \
             WHERE oid = ANY (polroles)\n                   ORDER BY 1\n               ), E', ')\n       \
             ELSE E''\n       END\n    \
             FROM pg_catalog.pg_policy pol\n    WHERE polrelid = c.oid), E'\\n')\n    AS \"Policies\"\n\
             FROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n\
             WHERE c.relkind IN ('r','v','m','S','f','p')\n"
            .to_owned();
        append_conditions(
            &mut sql,
            true,
            &name_conditions(
                pattern,
                Some("n.nspname"),
                "c.relname",
                Some("n.nspname !~ '^pg_' AND pg_catalog.pg_table_is_visible(c.oid)"),
            ),
        );
        sql.push_str("ORDER BY 1, 2;");
        sql
    }

    /// describeTableDetails: the relations a `\d` pattern names.
    pub fn find_relations(pattern: &str) -> String {
        let mut sql = "SELECT c.oid,\n  n.nspname,\n  c.relname\nFROM pg_catalog.pg_class c\n     \
             LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
            .to_owned();
        append_conditions(
            &mut sql,
            false,
            &name_conditions(
                Some(pattern),
                Some("n.nspname"),
                "c.relname",
                Some("pg_catalog.pg_table_is_visible(c.oid)"),
            ),
        );
        sql.push_str("ORDER BY 2, 3;");
        sql
    }

    pub fn relation_info(oid: &str) -> String {
        format!(
            "SELECT c.relchecks, c.relkind, c.relhasindex, c.relhasrules, c.relhastriggers, \
             c.relrowsecurity, c.relforcerowsecurity, false AS relhasoids, c.relispartition, '', \
             c.reltablespace, CASE WHEN c.reloftype = 0 THEN '' ELSE c.reloftype::pg_catalog.regtype::pg_catalog.text END, \
             c.relpersistence, c.relreplident, am.amname\nFROM pg_catalog.pg_class c\n \
             LEFT JOIN pg_catalog.pg_class tc ON (c.reltoastrelid = tc.oid)\n\
             LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)\nWHERE c.oid = {};",
            lit(oid)
        )
    }

    /// Which of `\d+`'s extra columns a relation of `kind` shows.
    pub struct VerboseColumns {
        pub storage: bool,
        pub compression: bool,
        pub stats: bool,
        pub description: bool,
    }

    impl VerboseColumns {
        pub fn of(kind: char, verbose: bool) -> Self {
            VerboseColumns {
                storage: verbose,
                compression: verbose && matches!(kind, 'r' | 'p' | 'm'),
                stats: verbose && matches!(kind, 'r' | 'i' | 'I' | 'm' | 'f' | 'p'),
                description: verbose && matches!(kind, 'r' | 'v' | 'm' | 'f' | 'c' | 'p'),
            }
        }
    }

    pub fn columns(oid: &str, rel: &RelInfo, verbose: bool) -> String {
        let oid = lit(oid);
        let mut sql = "SELECT a.attname,\n  pg_catalog.format_type(a.atttypid, a.atttypmod),\n  \
             (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)\n   FROM pg_catalog.pg_attrdef d\n   \
             WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),\n  a.attnotnull,\n  \
             (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t\n   \
             WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,\n  \
             a.attidentity,\n  a.attgenerated"
            .to_owned();
        if matches!(rel.kind, 'i' | 'I') {
            sql.push_str(&format!(
                ",\n  CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i \
                 WHERE i.indexrelid = {oid}) THEN 'yes' ELSE 'no' END AS is_key,\n  \
                 pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE) AS indexdef"
            ));
        }
        let shows = VerboseColumns::of(rel.kind, verbose);
        if shows.storage {
            sql.push_str(",\n  a.attstorage");
        }
        if shows.compression {
            sql.push_str(",\n  a.attcompression AS attcompression");
        }
        if shows.stats {
            sql.push_str(
                ",\n  CASE WHEN a.attstattarget=-1 THEN NULL ELSE a.attstattarget END AS attstattarget",
            );
        }
        if shows.description {
            sql.push_str(",\n  pg_catalog.col_description(a.attrelid, a.attnum)");
        }
        sql.push_str(&format!(
            "\nFROM pg_catalog.pg_attribute a\nWHERE a.attrelid = {oid} AND a.attnum > 0 AND NOT a.attisdropped\n\
             ORDER BY a.attnum;"
        ));
        sql
    }

    pub fn sequence(oid: &str) -> String {
        format!(
            "SELECT pg_catalog.format_type(seqtypid, NULL) AS \"Type\",\n       \
             seqstart AS \"Start\",\n       seqmin AS \"Minimum\",\n       seqmax AS \"Maximum\",\n       \
             seqincrement AS \"Increment\",\n       \
             CASE WHEN seqcycle THEN 'yes' ELSE 'no' END AS \"Cycles?\",\n       \
             seqcache AS \"Cache\"\nFROM pg_catalog.pg_sequence\nWHERE seqrelid = {};",
            lit(oid)
        )
    }

    pub fn sequence_owner(oid: &str) -> String {
        format!(
            "SELECT pg_catalog.quote_ident(nspname) || '.' ||\n   \
             pg_catalog.quote_ident(relname) || '.' ||\n   \
             pg_catalog.quote_ident(attname),\n   d.deptype\n\
             FROM pg_catalog.pg_class c\n\
             INNER JOIN pg_catalog.pg_depend d ON c.oid=d.refobjid\n\
             INNER JOIN pg_catalog.pg_namespace n ON n.oid=c.relnamespace\n\
             INNER JOIN pg_catalog.pg_attribute a ON (\n a.attrelid=c.oid AND\n a.attnum=d.refobjsubid)\n\
             WHERE d.classid='pg_catalog.pg_class'::pg_catalog.regclass\n \
             AND d.refclassid='pg_catalog.pg_class'::pg_catalog.regclass\n \
             AND d.objid={}\n AND d.deptype IN ('a', 'i')",
            lit(oid)
        )
    }

    pub fn index_footer(oid: &str) -> String {
        format!(
            "SELECT i.indisunique, i.indisprimary, i.indisclustered, i.indisvalid,\n  \
             (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid \
             AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferrable) AS condeferrable,\n  \
             (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = i.indrelid \
             AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferred) AS condeferred,\n  \
             i.indisreplident,\n  i.indnullsnotdistinct,\n  a.amname, c2.relname, \
             pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)\n\
             FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a\n\
             WHERE i.indexrelid = c.oid AND c.oid = {} AND c.relam = a.oid\nAND i.indrelid = c2.oid;",
            lit(oid)
        )
    }

    pub fn partition_of(oid: &str, verbose: bool) -> String {
        format!(
            "SELECT inhparent::pg_catalog.regclass,\n  pg_catalog.pg_get_expr(c.relpartbound, c.oid),\n  \
             inhdetachpending{}\nFROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid\n\
             WHERE c.oid = {};",
            if verbose {
                ",\n  pg_catalog.pg_get_partition_constraintdef(c.oid)"
            } else {
                ""
            },
            lit(oid)
        )
    }

    pub fn partition_key(oid: &str) -> String {
        format!(
            "SELECT pg_catalog.pg_get_partkeydef({}::pg_catalog.oid);",
            lit(oid)
        )
    }

    pub fn indexes(oid: &str) -> String {
        format!(
            "SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, \
             pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),\n  \
             pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, \
             i.indisreplident, c2.reltablespace\n\
             FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i\n  \
             LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid \
             AND contype IN ('p','u','x'))\n\
             WHERE c.oid = {} AND c.oid = i.indrelid AND i.indexrelid = c2.oid\n\
             ORDER BY i.indisprimary DESC, c2.relname;",
            lit(oid)
        )
    }

    pub fn checks(oid: &str) -> String {
        format!(
            "SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)\n\
             FROM pg_catalog.pg_constraint r\nWHERE r.conrelid = {} AND r.contype = 'c'\nORDER BY 1;",
            lit(oid)
        )
    }

    pub fn foreign_keys(oid: &str, partitioned: bool) -> String {
        let oid = lit(oid);
        if partitioned {
            format!(
                "SELECT conrelid = {oid}::pg_catalog.regclass AS sametable,\n       conname,\n       \
                 pg_catalog.pg_get_constraintdef(oid, true) AS condef,\n       \
                 conrelid::pg_catalog.regclass AS ontable\n  \
                 FROM pg_catalog.pg_constraint,\n       pg_catalog.pg_partition_ancestors({oid})\n \
                 WHERE conrelid = relid AND contype = 'f' AND conparentid = 0\n\
                 ORDER BY sametable DESC, conname;"
            )
        } else {
            format!(
                "SELECT true as sametable, conname,\n  \
                 pg_catalog.pg_get_constraintdef(r.oid, true) as condef,\n  \
                 conrelid::pg_catalog.regclass AS ontable\n\
                 FROM pg_catalog.pg_constraint r\nWHERE r.conrelid = {oid} AND r.contype = 'f'\n     \
                 AND conparentid = 0\nORDER BY conname"
            )
        }
    }

    pub fn referenced_by(oid: &str) -> String {
        let oid = lit(oid);
        format!(
            "SELECT conname, conrelid::pg_catalog.regclass AS ontable,\n       \
             pg_catalog.pg_get_constraintdef(oid, true) AS condef\n  \
             FROM pg_catalog.pg_constraint c\n \
             WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors({oid})\n                     \
             UNION ALL VALUES ({oid}::pg_catalog.regclass))\n       \
             AND contype = 'f' AND conparentid = 0\nORDER BY conname;"
        )
    }

    pub fn policies(oid: &str) -> String {
        format!(
            "SELECT pol.polname, pol.polpermissive,\n  \
             CASE WHEN pol.polroles = '{{0}}' THEN NULL ELSE pg_catalog.array_to_string(array(select rolname \
             from pg_catalog.pg_roles where oid = any (pol.polroles) order by 1),',') END,\n  \
             pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),\n  \
             pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid),\n  \
             CASE pol.polcmd\n    WHEN 'r' THEN 'SELECT'\n    WHEN 'a' THEN 'INSERT'\n    \
             WHEN 'w' THEN 'UPDATE'\n    WHEN 'd' THEN 'DELETE'\n    END AS cmd\n\
             FROM pg_catalog.pg_policy pol\nWHERE pol.polrelid = {} ORDER BY 1;",
            lit(oid)
        )
    }

    pub fn statistics(oid: &str) -> String {
        format!(
            "SELECT oid, stxrelid::pg_catalog.regclass, \
             stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,\n\
             pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,\n  \
             'd' = any(stxkind) AS ndist_enabled,\n  'f' = any(stxkind) AS deps_enabled,\n  \
             'm' = any(stxkind) AS mcv_enabled,\nstxstattarget\n\
             FROM pg_catalog.pg_statistic_ext\nWHERE stxrelid = {}\nORDER BY nsp, stxname;",
            lit(oid)
        )
    }

    pub fn table_rules(oid: &str) -> String {
        format!(
            "SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true)), \
             ev_enabled\nFROM pg_catalog.pg_rewrite r\nWHERE r.ev_class = {} ORDER BY 1;",
            lit(oid)
        )
    }

    pub fn view_definition(oid: &str) -> String {
        format!(
            "SELECT pg_catalog.pg_get_viewdef({}::pg_catalog.oid, true);",
            lit(oid)
        )
    }

    pub fn view_rules(oid: &str) -> String {
        format!(
            "SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true))\n\
             FROM pg_catalog.pg_rewrite r\nWHERE r.ev_class = {} AND r.rulename != '_RETURN' ORDER BY 1;",
            lit(oid)
        )
    }

    pub fn triggers(oid: &str) -> String {
        format!(
            "SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal,\n  \
             CASE WHEN t.tgparentid != 0 THEN\n    (SELECT u.tgrelid::pg_catalog.regclass\n     \
             FROM pg_catalog.pg_trigger AS u,\n          \
             pg_catalog.pg_partition_ancestors(t.tgrelid) WITH ORDINALITY AS a(relid, depth)\n     \
             WHERE u.tgname = t.tgname AND u.tgrelid = a.relid\n           AND u.tgparentid = 0\n     \
             ORDER BY a.depth LIMIT 1)\n  END AS parent\n\
             FROM pg_catalog.pg_trigger t\n\
             WHERE t.tgrelid = {} AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))\n\
             ORDER BY 1;",
            lit(oid)
        )
    }

    pub fn inherits(oid: &str) -> String {
        format!(
            "SELECT c.oid::pg_catalog.regclass\nFROM pg_catalog.pg_class c, pg_catalog.pg_inherits i\n\
             WHERE c.oid = i.inhparent AND i.inhrelid = {}\n  AND c.relkind != 'p' AND c.relkind != 'I'\n\
             ORDER BY inhseqno;",
            lit(oid)
        )
    }

    pub fn children(oid: &str) -> String {
        format!(
            "SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, \
             pg_catalog.pg_get_expr(c.relpartbound, c.oid)\n\
             FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i\n\
             WHERE c.oid = i.inhrelid AND i.inhparent = {}\n\
             ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', \
             c.oid::pg_catalog.regclass::pg_catalog.text;",
            lit(oid)
        )
    }
}

/// MySQL and MariaDB: the SHOW-style equivalents of what they have.
mod mysql {
    use super::{out, query, Cmd, Failed, Settings, Table};
    use crate::db::mysql::catalog;
    use crate::db::Driver;
    use crate::output::results::ResultSink;

    pub async fn run<D: Driver + ?Sized>(
        driver: &mut D,
        name: &str,
        cmd: &Cmd,
        pattern: Option<&str>,
        settings: &Settings,
        sink: &mut dyn ResultSink,
    ) -> Result<(), Failed> {
        let sql = match cmd {
            Cmd::Databases | Cmd::Schemas => catalog::list_databases(),
            Cmd::Relations(k) if k.is_empty() || k == "t" => catalog::list_tables(pattern),
            Cmd::Describe if pattern.is_none() => catalog::list_relations(),
            Cmd::Roles => catalog::list_roles(),
            Cmd::Describe => return describe(driver, pattern.unwrap_or(""), settings, sink).await,
            _ => {
                return Err(Failed::Meta(format!(
                    "\\{name} is not supported for MySQL (\\l, \\dt, \\d, \\dn and \\du are)"
                )))
            }
        };
        let t = query(driver, &sql).await?;
        out(sink, &t)
    }

    async fn describe<D: Driver + ?Sized>(
        driver: &mut D,
        pattern: &str,
        settings: &Settings,
        sink: &mut dyn ResultSink,
    ) -> Result<(), Failed> {
        let found = query(driver, &catalog::find_relations(pattern)).await?;
        if found.rows.is_empty() {
            return Err(Failed::Meta(if settings.quiet {
                String::new()
            } else {
                format!("Did not find any relation named \"{pattern}\".")
            }));
        }
        for i in 0..found.rows.len() {
            let (id, schema, name, kind) = (
                found.get(i, 0),
                found.get(i, 1),
                found.get(i, 2),
                found.get(i, 3),
            );
            let mut t: Table = query(driver, &catalog::describe_columns(id)).await?;
            t.title = Some(format!("{kind} \"{schema}.{name}\""));
            let mut footers = Vec::new();
            for (head, sql, quote) in [
                ("Indexes", catalog::describe_indexes(id), true),
                (
                    "Foreign-key constraints",
                    catalog::describe_foreign_keys(id),
                    false,
                ),
                ("Referenced by", catalog::describe_referenced_by(id), false),
            ] {
                let f = query(driver, &sql).await?;
                if f.rows.is_empty() {
                    continue;
                }
                footers.push(format!("{head}:"));
                for j in 0..f.rows.len() {
                    footers.push(if quote {
                        format!("    \"{}\" {}", f.get(j, 0), f.get(j, 1))
                    } else {
                        format!("    {}", f.get(j, 0))
                    });
                }
            }
            t.footers = Some(footers);
            out(sink, &t)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_and_modifiers() {
        assert_eq!(parse("d"), Some((Cmd::Describe, false, false)));
        assert_eq!(parse("dS+"), Some((Cmd::Describe, true, true)));
        assert_eq!(
            parse("dtS"),
            Some((Cmd::Relations("t".into()), false, true))
        );
        assert_eq!(
            parse("dtv+"),
            Some((Cmd::Relations("tv".into()), true, false))
        );
        assert_eq!(
            parse("dfn"),
            Some((Cmd::Functions("n".into()), false, false))
        );
        assert_eq!(parse("l+"), Some((Cmd::Databases, true, false)));
        assert_eq!(parse("dg"), Some((Cmd::Roles, false, false)));
        assert_eq!(parse("z"), Some((Cmd::Privileges, false, false)));
        for no in ["dq", "dfz", "echo", "dSS", "copy", "d+x"] {
            assert_eq!(parse(no), None, "{no}");
        }
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
        // Unquoted regular-expression characters work, except `$`.
        assert_eq!(pattern_regexes("t(1|2)$"), (None, "^(t(1|2)\\$)$".into()));
        assert_eq!(pattern_regexes("\"a\"\"b\""), (None, "^(a\"b)$".into()));
    }

    #[test]
    fn patterns_filter_by_schema_or_visibility() {
        let q = pg::relations("t", Some("app.ord*"), false, false);
        assert!(q.contains("'^(ord.*)$'") && q.contains("'^(app)$'"), "{q}");
        assert!(!q.contains("pg_table_is_visible"));
        let q = pg::relations("t", None, false, false);
        assert!(q.contains("pg_table_is_visible") && q.contains("information_schema"));
        assert!(q.contains("IN ('r','p','')"), "{q}");
        let q = pg::relations("t", Some("*"), false, false);
        assert!(!q.contains("OPERATOR") && q.contains("'t','s'"), "{q}");
    }
}
