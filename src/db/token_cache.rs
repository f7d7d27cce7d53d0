//! The in-process IAM token cache shared by every database command: a token is reused
//! for at most 14 min 30 s per `region:host:port:user` (as the AWS drivers do), so a
//! long-lived shell reconnects with a token that is still valid for at least 30 s.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::{Auth, ConnParams};
use crate::commands::Context;
use crate::error::Result;
use crate::secret::Secret;

/// How long a minted token is handed out again (its lifetime is 15 minutes).
pub const REUSE_FOR: Duration = Duration::from_secs(14 * 60 + 30);

/// A password for one connection attempt, and what is known about it.
#[derive(Debug, Clone)]
pub struct Password {
    /// The secret to send (`None`: ask on the terminal if the server wants one).
    pub secret: Option<Secret>,
    /// When an IAM token stops being accepted (`None` for typed passwords).
    pub expires_at: Option<OffsetDateTime>,
    /// The region an IAM token was signed for.
    pub region: Option<String>,
}

#[derive(Debug, Clone)]
struct Entry {
    minted: Instant,
    secret: Secret,
    expires_at: OffsetDateTime,
}

/// Tokens by `region:host:port:user`.
#[derive(Debug, Default)]
pub struct TokenCache {
    entries: Mutex<HashMap<String, Entry>>,
}

/// The cache key of a token.
pub fn key(region: &str, host: &str, port: u16, user: &str) -> String {
    format!("{region}:{}:{port}:{user}", host.to_ascii_lowercase())
}

impl TokenCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// A token minted less than [`REUSE_FOR`] ago for `key`, if any (as of `now`).
    fn get(&self, key: &str, now: Instant) -> Option<Entry> {
        let map = self.entries.lock().ok()?;
        map.get(key)
            .filter(|e| now.saturating_duration_since(e.minted) < REUSE_FOR)
            .cloned()
    }

    fn put(&self, key: String, entry: Entry) {
        if let Ok(mut map) = self.entries.lock() {
            map.insert(key, entry);
        }
    }

    /// Forget every token (after the server refused one, say).
    pub fn clear(&self) {
        if let Ok(mut map) = self.entries.lock() {
            map.clear();
        }
    }

    /// The password for `params`: a cached or freshly minted IAM token, or PGPASSWORD.
    pub async fn password(&self, params: &ConnParams, ctx: &Context) -> Result<Password> {
        let Auth::Iam {
            signing_host,
            signing_port,
        } = &params.auth
        else {
            return Ok(Password {
                secret: params.password(ctx).await?,
                expires_at: None,
                region: None,
            });
        };
        let region = ctx.aws.region(Some(signing_host)).await?;
        let k = key(&region, signing_host, *signing_port, &params.user);
        if let Some(e) = self.get(&k, Instant::now()) {
            crate::debug!("reusing the IAM token for {k}");
            return Ok(Password {
                secret: Some(e.secret),
                expires_at: Some(e.expires_at),
                region: Some(region),
            });
        }
        let keys = ctx.aws.signing_keys().await?;
        let token = crate::token::rds_token(
            signing_host,
            *signing_port,
            &params.user,
            &region,
            &keys,
            ctx.signing_time(),
        )?;
        crate::debug!("minted an IAM token for {k} ({} bytes)", token.value.len());
        let entry = Entry {
            minted: Instant::now(),
            secret: token.value.clone(),
            expires_at: token.expires_at(),
        };
        self.put(k, entry);
        let expires_at = token.expires_at();
        Ok(Password {
            secret: Some(token.value),
            expires_at: Some(expires_at),
            region: Some(region),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_reused_for_fourteen_and_a_half_minutes_only() {
        let cache = TokenCache::new();
        let t0 = Instant::now();
        let k = key("eu-west-1", "DB.example.com", 5432, "app");
        assert_eq!(k, "eu-west-1:db.example.com:5432:app");
        cache.put(
            k.clone(),
            Entry {
                minted: t0,
                secret: Secret::new("tok"),
                expires_at: crate::aws::now(),
            },
        );
        assert!(cache.get(&k, t0 + Duration::from_secs(869)).is_some());
        assert!(cache.get(&k, t0 + REUSE_FOR).is_none());
        assert!(cache
            .get(&key("eu-west-1", "db.example.com", 5432, "other"), t0)
            .is_none());
        cache.clear();
        assert!(cache.get(&k, t0).is_none());
    }
}
