//! The proxy's one log line per client connection (on stderr, as text or JSON): time,
//! listener, client address, user, database, upstream, outcome, duration and bytes each
//! way. Only names and counts go in; never a password or token.

use std::time::Instant;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// `--log-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// `key=value` text.
    #[default]
    Text,
    /// One JSON object per line.
    Json,
}

/// What happened to one client connection; engines fill it in.
#[derive(Debug)]
pub struct ConnLog {
    started_at: OffsetDateTime,
    started: Instant,
    /// The listener (target name).
    pub listener: String,
    /// The client's address (`127.0.0.1:51234`, or `unix`).
    pub client: String,
    /// The user name the client gave.
    pub user: Option<String>,
    /// The database the client asked for.
    pub database: Option<String>,
    /// The upstream server (`host:port`).
    pub upstream: String,
    /// `ok`, `cancel`, or a short reason the connection failed.
    pub outcome: String,
    /// Bytes received from the client.
    pub bytes_from_client: u64,
    /// Bytes sent to the client.
    pub bytes_to_client: u64,
}

impl ConnLog {
    /// A record for a connection accepted now.
    pub fn new(listener: &str, client: String, upstream: String) -> Self {
        ConnLog {
            started_at: crate::aws::now(),
            started: Instant::now(),
            listener: listener.to_owned(),
            client,
            user: None,
            database: None,
            upstream,
            outcome: "closed".to_owned(),
            bytes_from_client: 0,
            bytes_to_client: 0,
        }
    }

    /// Record a failure (one line; the client got the same reason).
    pub fn fail(&mut self, why: impl std::fmt::Display) {
        self.outcome = crate::error::one_line(&why.to_string());
    }

    /// The line to print.
    pub fn line(&self, format: LogFormat) -> String {
        let time = self.started_at.format(&Rfc3339).unwrap_or_default();
        let secs = self.started.elapsed().as_secs_f64();
        match format {
            LogFormat::Json => serde_json::json!({
                "time": time,
                "listener": self.listener,
                "client": self.client,
                "user": self.user,
                "database": self.database,
                "upstream": self.upstream,
                "outcome": self.outcome,
                "duration_s": (secs * 1000.0).round() / 1000.0,
                "bytes_from_client": self.bytes_from_client,
                "bytes_to_client": self.bytes_to_client,
            })
            .to_string(),
            LogFormat::Text => {
                let q = |s: &str| {
                    if !s.is_empty() && s.chars().all(|c| c.is_ascii_graphic() && c != '"') {
                        s.to_owned()
                    } else {
                        format!("{s:?}")
                    }
                };
                format!(
                    "{time} proxy {} client={} user={} db={} upstream={} outcome={} duration={secs:.3}s from_client={} to_client={}",
                    q(&self.listener),
                    q(&self.client),
                    q(self.user.as_deref().unwrap_or("-")),
                    q(self.database.as_deref().unwrap_or("-")),
                    q(&self.upstream),
                    q(&self.outcome),
                    self.bytes_from_client,
                    self.bytes_to_client,
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_json_lines() {
        let mut l = ConnLog::new("prod", "127.0.0.1:5000".into(), "db:5432".into());
        l.user = Some("app".into());
        l.fail("password authentication failed\nfor user");
        let t = l.line(LogFormat::Text);
        assert!(t.contains(" proxy prod client=127.0.0.1:5000 user=app db=- upstream=db:5432 outcome=\"password authentication failed for user\""), "{t}");
        let j: serde_json::Value = serde_json::from_str(&l.line(LogFormat::Json)).unwrap();
        assert_eq!(j["user"], "app");
        assert_eq!(j["database"], serde_json::Value::Null);
        assert_eq!(j["bytes_to_client"], 0);
    }
}
