//! What the shell prints about the database rather than query results: the catalogue
//! listings (`\l`, `\dt`, `\dn`, `\du`, …), `\d NAME` in psql's layout, and `\conninfo`
//! (the connection, its TLS as [`crate::db::tls::Peer::describe`] words it, the IAM
//! identity and the token's expiry).

use std::time::Duration;

use super::meta::Relation;
use super::render::{self, Collect};
use super::Shell;
use crate::db::{Driver, ExecError};
use crate::error::{one_line, Error, Result};
use crate::output::results::PrintSettings;

impl Shell<'_> {
    /// Run a catalogue query; `None` after an error (already reported).
    pub(super) async fn catalogue(&mut self, sql: &str, types: bool) -> Option<Collect> {
        if self.driver.is_closed().await {
            self.reconnect("run the command again").await;
            return None;
        }
        crate::debug!("catalogue query:\n{sql}");
        let mut sink = Collect::new(types);
        match self.execute(sql, &mut sink).await {
            Ok(()) => Some(sink),
            Err(ExecError::Server(e)) => {
                eprint!("{}", self.flavor.error_text(sql, &e));
                None
            }
            Err(ExecError::Connection(_)) => {
                self.reconnect("run the command again").await;
                None
            }
            Err(ExecError::Output(e)) => {
                crate::error::print_error(e);
                None
            }
        }
    }

    pub(super) async fn list(&mut self, sql: &str) -> Result<()> {
        if let Some(sink) = self.catalogue(sql, true).await {
            self.show(&sink.results)?;
        }
        Ok(())
    }

    /// A list of relations, or psql's message when there is none.
    pub(super) async fn relations(&mut self, sql: &str, pattern: Option<&str>) -> Result<()> {
        if let Some(sink) = self.catalogue(sql, true).await {
            if sink.rows().is_empty() {
                match pattern {
                    Some(p) => eprintln!("Did not find any relation named \"{p}\"."),
                    None => eprintln!("Did not find any relations."),
                }
            } else {
                self.show(&sink.results)?;
            }
        }
        Ok(())
    }

    pub(super) async fn describe(&mut self, pattern: &str) -> Result<()> {
        let Some(found) = self
            .catalogue(&self.catalog.find_relations(pattern), false)
            .await
        else {
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
            let Some(cols) = self
                .catalogue(&self.catalog.describe_columns(&rel.id), true)
                .await
            else {
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
            if let Some(idx) = self
                .catalogue(&self.catalog.describe_indexes(&rel.id), false)
                .await
            {
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
                let Some(found) = self.catalogue(&sql, false).await else {
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
            self.emit(out.as_bytes())?;
        }
        Ok(())
    }

    pub(super) async fn conninfo(&mut self) -> Result<()> {
        let p = self.login.params.clone();
        let mut out = format!(
            "You are connected to database \"{}\" as user \"{}\" on host \"{}\"{} at port \"{}\".\n",
            p.dbname,
            p.user,
            p.host,
            p.hostaddr.map(|a| format!(" (address \"{a}\")")).unwrap_or_default(),
            p.port
        );
        let mode = p.effective_sslmode();
        match self.driver.tls_info(&p).await {
            Ok(Some(t)) => out.push_str(&format!("TLS: {}\n", t.describe(&p))),
            Ok(None) => out.push_str(&format!("TLS: none (sslmode {})\n", mode.as_str())),
            Err(e) => out.push_str(&format!("TLS: unknown ({})\n", one_line(&e.to_string()))),
        }
        if p.is_iam() {
            let region = self.login.region.clone().unwrap_or_default();
            let who = match tokio::time::timeout(
                Duration::from_secs(5),
                self.ctx.aws().identity(&region),
            )
            .await
            {
                Ok(Ok(id)) => format!("{} (account {})", id.arn, id.account),
                Ok(Err(e)) => format!("unknown (STS: {})", one_line(e.message())),
                Err(_) => "unknown (STS did not answer within 5 s)".to_owned(),
            };
            out.push_str(&format!("IAM identity: {who}; region {region}\n"));
            if let Some(at) = self.login.expires_at {
                let left = (at - crate::aws::now()).whole_seconds();
                let when = crate::output::rfc3339(at);
                let rel = if left > 0 {
                    format!("in {}", crate::output::human_duration(left))
                } else {
                    "expired; new connections get a fresh token".to_owned()
                };
                out.push_str(&format!(
                    "{} expires at {when} ({rel}); the session stays open after it expires\n",
                    self.secret_name().1
                ));
            }
        } else {
            out.push_str("Authentication: password (IAM not used)\n");
        }
        print!("{out}");
        Ok(())
    }
}
