//! What the one script engine ([`super::run::Session`]) asks of the program around it: the
//! [`Host`] hooks. `dbiam sql` runs it with [`ScriptHost`] (a lost connection ends the
//! run); `dbiam connect` with the shell's host (reconnect, transaction prompt, completion
//! names, `\?`). Both reach the server through a [`Link`]: how to log in again (`\c`) and
//! what `\conninfo` says.

use std::time::Duration;

use crate::aws::Signer;
use crate::db::token_cache::TokenCache;
use crate::db::{AnyDriver, ConnParams, Driver, Engine, Login};
use crate::error::{one_line, Error, Result};

use super::output::Output;

/// Why the engine tells the host the connection was lost (the end of its one-line report).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lost {
    /// While a statement ran.
    Statement,
    /// During a COPY.
    Copy,
    /// While a meta command ran a query.
    Command,
}

impl Lost {
    /// What the user should know about the work that was under way.
    pub fn consequence(self) -> &'static str {
        match self {
            Lost::Statement => {
                "the statement may not have completed; check before running it again"
            }
            Lost::Copy => "the COPY did not complete; nothing was copied",
            Lost::Command => "run the command again",
        }
    }
}

/// The hooks of the program that runs a [`super::run::Session`]. Everything has a
/// default that suits a script; the interactive shell overrides what a prompt changes.
#[allow(async_fn_in_trait)]
pub trait Host<D: Driver> {
    /// `\c DBNAME` (`-` or nothing: the same database): log in to it with the same host
    /// and user and replace `driver`. Returns the new database and user.
    async fn connect(&mut self, driver: &mut D, dbname: Option<&str>) -> Result<(String, String)>;

    /// `\conninfo`'s text.
    async fn conninfo(&mut self, driver: &mut D) -> String;

    /// The connection broke: `Ok` when the host reconnected (or reported it) and the
    /// input goes on, `Err` to end the run (a script exits 2, as psql).
    async fn lost(&mut self, driver: &mut D, e: Error, why: Lost) -> Result<()> {
        let _ = (driver, why);
        Err(e)
    }

    /// Before a statement is sent: `false` skips it (the shell found the connection
    /// closed and reconnected instead).
    async fn before_statement(&mut self, driver: &mut D) -> bool {
        let _ = driver;
        true
    }

    /// After a statement: whether it succeeded (the shell follows transactions and
    /// re-reads completion names after DDL).
    async fn after_statement(&mut self, driver: &mut D, sql: &str, ok: bool) {
        let _ = (driver, sql, ok);
    }

    /// A meta command the engine does not know: `None` when the host does not know it
    /// either (then it is "invalid command"), else its outcome.
    async fn meta(
        &mut self,
        driver: &mut D,
        out: &mut Output,
        name: &str,
        args: &[String],
    ) -> Option<Result<()>> {
        let _ = (driver, out, name, args);
        None
    }
}

/// A session's way back to its server: the credential core, the parameters, the cached
/// login (so that `\c` and reconnects reuse a token that is still valid).
pub struct Link<'a> {
    /// The credential core.
    pub ctx: &'a dyn Signer,
    /// The parameters asked for (the database follows `\c` and MySQL's `USE`).
    pub params: ConnParams,
    /// Logins by target.
    pub cache: TokenCache,
    /// How the current connection logged in (for Redshift, as the credentials' user).
    pub login: Login,
}

impl<'a> Link<'a> {
    /// Log in and connect.
    pub async fn open(ctx: &'a dyn Signer, params: ConnParams) -> Result<(Link<'a>, AnyDriver)> {
        let cache = TokenCache::new();
        let login = cache.login(&params, ctx).await?;
        let driver = AnyDriver::open(&login.params, login.password.clone()).await?;
        Ok((
            Link {
                ctx,
                params,
                cache,
                login,
            },
            driver,
        ))
    }

    /// A new connection with `params` (a refused secret is not handed out again).
    pub async fn reopen(&self, params: &ConnParams) -> Result<(AnyDriver, Login)> {
        let login = self.cache.login(params, self.ctx).await?;
        match AnyDriver::open(&login.params, login.password.clone()).await {
            Ok(d) => Ok((d, login)),
            Err(e) => {
                self.cache.clear();
                Err(e)
            }
        }
    }

    /// `\c`: connect to `dbname` (same host and user) and replace `driver`; on failure the
    /// previous connection is kept.
    pub async fn switch(
        &mut self,
        driver: &mut AnyDriver,
        dbname: Option<&str>,
    ) -> Result<(String, String)> {
        let mut params = self.params.clone();
        if let Some(db) = dbname.filter(|d| *d != "-") {
            params.dbname = db.to_owned();
        }
        let (new, login) = self.reopen(&params).await?;
        *driver = new;
        self.login = login;
        self.params = params;
        Ok((
            self.login.params.dbname.clone(),
            self.login.params.user.clone(),
        ))
    }

    /// What the IAM secret is called for this engine, and its article.
    pub fn secret_name(&self) -> (&'static str, &'static str) {
        match self.params.engine {
            Engine::Redshift => ("a", "Redshift temporary password"),
            Engine::Dsql => ("a", "DSQL token"),
            Engine::Postgres | Engine::MySql | Engine::Redis => ("an", "IAM token"),
        }
    }

    /// `\conninfo`: psql's first line, then the TLS session as [`crate::db::tls::Peer::describe`]
    /// words it, the IAM identity and the token's expiry.
    pub async fn conninfo(&self, driver: &mut AnyDriver) -> String {
        let p = self.login.params.clone();
        let mut out = format!(
            "You are connected to database \"{}\" as user \"{}\" on host \"{}\"{} at port \"{}\".\n",
            p.dbname,
            p.user,
            p.host,
            p.hostaddr
                .map(|a| format!(" (address \"{a}\")"))
                .unwrap_or_default(),
            p.port
        );
        let mode = p.effective_sslmode();
        match driver.tls_info(&p).await {
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
        out
    }
}

/// `dbiam sql`'s host: `\c` and `\conninfo` work as at the prompt; a lost connection
/// ends the run (exit 2, as psql).
pub struct ScriptHost<'a> {
    /// The way back to the server.
    pub link: Link<'a>,
}

impl Host<AnyDriver> for ScriptHost<'_> {
    async fn connect(
        &mut self,
        driver: &mut AnyDriver,
        dbname: Option<&str>,
    ) -> Result<(String, String)> {
        self.link.switch(driver, dbname).await
    }

    async fn conninfo(&mut self, driver: &mut AnyDriver) -> String {
        self.link.conninfo(driver).await
    }
}
