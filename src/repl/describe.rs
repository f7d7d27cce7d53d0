//! What the shell prints about the database rather than query results: the describe
//! commands (`\l`, `\dt`, `\d NAME`, …; [`crate::sql::describe`] runs them), and `\conninfo`
//! (the connection, its TLS as [`crate::db::tls::Peer::describe`] words it, the IAM
//! identity and the token's expiry).

use std::time::Duration;

use super::Shell;
use crate::db::{cancellable, Driver, ExecError};
use crate::error::{one_line, Error, Result};
use crate::output::results;
use crate::sql::describe::{self, Failed};

impl Shell<'_> {
    /// A describe command (`\d`, `\dt`, `\l`, …), run by [`crate::sql::describe`] and
    /// shown in the current format.
    pub(super) async fn describe(&mut self, name: &str, args: &[String]) -> Result<()> {
        if self.driver.is_closed().await {
            self.reconnect("run the command again").await;
            return Ok(());
        }
        let mut buf = Vec::new();
        let settings = describe::Settings::default();
        let result = {
            let mut sink = results::sink(self.settings.format, &mut buf, Default::default());
            let canceller = self.driver.canceller();
            let work = describe::run(&mut self.driver, name, args, &settings, sink.as_mut());
            let result = cancellable(canceller.as_ref(), work, true).await;
            sink.flush()
                .map_err(|e| Error::io("cannot render output", e))?;
            result
        };
        self.emit(&buf)?;
        match result {
            Ok(Ok(())) => {}
            Ok(Err(Failed::Meta(m))) if m.is_empty() => {}
            Ok(Err(Failed::Meta(m))) => eprintln!("{m}"),
            Ok(Err(Failed::Exec(sql, e))) => match *e {
                ExecError::Server(e) => eprint!("{}", self.flavor.error_text(&sql, &e)),
                ExecError::Connection(e) => {
                    crate::debug!("{e}");
                    self.reconnect("run the command again").await;
                }
                ExecError::Output(e) => return Err(Error::io("cannot render output", e)),
            },
            Err(_) => eprintln!("dbiam: interrupted"),
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
