//! What the shell prints about the database rather than query results: the catalogue
//! listings (`\l`, `\dt`, `\dn`, `\du`, …) and `\d NAME` in psql's layout, through the
//! session's output (`\o`, the pager). Reached through the shell's [`Host::meta`] hook.
//!
//! [`Host::meta`]: crate::sql::host::Host::meta

use super::meta::Relation;
use super::render::{self, Collect};
use super::Interactive;
use crate::db::{AnyDriver, Driver, ExecError};
use crate::error::{Error, Result};
use crate::output::results::PrintSettings;
use crate::sql::host::Lost;
use crate::sql::output::Output;

/// Write a listing where query results go.
fn emit(output: &mut Output, text: &[u8]) -> Result<()> {
    output
        .write(text)
        .map_err(|e| Error::io("cannot write output", e))
}

/// Render catalogue results with the session's settings.
fn show(output: &mut Output, results: &[render::Collected]) -> Result<()> {
    let mut buf = Vec::new();
    for r in results {
        render::render(&mut buf, r, &output.settings)
            .map_err(|e| Error::io("cannot render output", e))?;
    }
    emit(output, &buf)
}

impl Interactive<'_> {
    /// Run a catalogue query; `None` after an error (already reported).
    pub(super) async fn catalogue(
        &mut self,
        driver: &mut AnyDriver,
        sql: &str,
        types: bool,
    ) -> Option<Collect> {
        if driver.is_closed().await {
            self.reconnect(driver, Lost::Command.consequence()).await;
            return None;
        }
        crate::debug!("catalogue query:\n{sql}");
        let mut sink = Collect::new(types);
        match driver.execute(sql, &mut sink).await {
            Ok(()) => Some(sink),
            Err(ExecError::Server(e)) => {
                eprint!("{}", self.flavor.error_text(sql, &e));
                None
            }
            Err(ExecError::Connection(_)) => {
                self.reconnect(driver, Lost::Command.consequence()).await;
                None
            }
            Err(ExecError::Output(e)) => {
                crate::error::print_error(e);
                None
            }
        }
    }

    pub(super) async fn list(
        &mut self,
        driver: &mut AnyDriver,
        output: &mut Output,
        sql: &str,
    ) -> Result<()> {
        if let Some(sink) = self.catalogue(driver, sql, true).await {
            show(output, &sink.results)?;
        }
        Ok(())
    }

    /// A list of relations, or psql's message when there is none.
    pub(super) async fn relations(
        &mut self,
        driver: &mut AnyDriver,
        output: &mut Output,
        sql: &str,
        pattern: Option<&str>,
    ) -> Result<()> {
        if let Some(sink) = self.catalogue(driver, sql, true).await {
            if sink.rows().is_empty() {
                match pattern {
                    Some(p) => eprintln!("Did not find any relation named \"{p}\"."),
                    None => eprintln!("Did not find any relations."),
                }
            } else {
                show(output, &sink.results)?;
            }
        }
        Ok(())
    }

    pub(super) async fn describe(
        &mut self,
        driver: &mut AnyDriver,
        output: &mut Output,
        pattern: &str,
    ) -> Result<()> {
        let sql = self.catalog.find_relations(pattern);
        let Some(found) = self.catalogue(driver, &sql, false).await else {
            return Ok(());
        };
        let relations: Vec<Relation> = found
            .rows()
            .into_iter()
            .map(|r| {
                let get = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                Relation {
                    id: get(0),
                    schema: get(1),
                    name: get(2),
                    kind: get(3),
                }
            })
            .collect();
        if relations.is_empty() {
            eprintln!("Did not find any relation named \"{pattern}\".");
            return Ok(());
        }
        for rel in relations {
            let sql = self.catalog.describe_columns(&rel.id);
            let Some(cols) = self.catalogue(driver, &sql, true).await else {
                return Ok(());
            };
            let Some(result) = cols
                .results
                .into_iter()
                .rev()
                .find(|r| !r.columns.is_empty())
            else {
                continue;
            };
            let mut table = Vec::new();
            render::render(&mut table, &result, &PrintSettings::default())
                .map_err(|e| Error::io("cannot render output", e))?;
            let table = String::from_utf8_lossy(&table).into_owned();
            // psql's \d has no row-count footer.
            let mut lines: Vec<&str> = table.lines().collect();
            while lines
                .last()
                .is_some_and(|l| l.is_empty() || (l.starts_with('(') && l.ends_with(')')))
            {
                lines.pop();
            }
            let width = lines.first().map_or(0, |l| l.chars().count());
            let title = format!("{} \"{}.{}\"", rel.kind, rel.schema, rel.name);
            let pad = (width + 1).saturating_sub(title.chars().count()) / 2;
            let mut out = format!("{}{title}\n", " ".repeat(pad));
            for l in &lines {
                out.push_str(l);
                out.push('\n');
            }
            let sql = self.catalog.describe_indexes(&rel.id);
            if let Some(idx) = self.catalogue(driver, &sql, false).await {
                let rows = idx.rows();
                if !rows.is_empty() {
                    out.push_str("Indexes:\n");
                    for r in rows {
                        let get = |i: usize| r.get(i).cloned().flatten().unwrap_or_default();
                        out.push_str(&format!("    \"{}\" {}\n", get(0), get(1)));
                    }
                }
            }
            for (title, sql) in self.catalog.describe_footers(&rel.id) {
                let Some(found) = self.catalogue(driver, &sql, false).await else {
                    continue;
                };
                let lines: Vec<String> = found
                    .rows()
                    .into_iter()
                    .filter_map(|r| r.into_iter().next().flatten())
                    .collect();
                if !lines.is_empty() {
                    out.push_str(&format!("{title}:\n"));
                    for l in lines {
                        out.push_str(&format!("    {l}\n"));
                    }
                }
            }
            out.push('\n');
            emit(output, out.as_bytes())?;
        }
        Ok(())
    }
}
