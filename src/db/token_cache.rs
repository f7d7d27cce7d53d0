//! The in-process credential cache shared by every database command: an IAM token (RDS
//! or DSQL) or Redshift password is reused until 30 s before it expires (14 min 30 s for
//! a token, as the AWS drivers do), per engine, host, port, user and database, so a
//! long-lived shell reconnects with a secret that is still valid for at least 30 s.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Auth, ConnParams, Login};
use crate::aws::Signer;
use crate::error::Result;

/// How long before it expires a cached secret stops being handed out.
pub const MARGIN: Duration = Duration::from_secs(30);

/// How long a secret of unknown lifetime is handed out again (a token's 15 minutes).
const DEFAULT_LIFETIME: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone)]
struct Entry {
    minted: Instant,
    reuse_for: Duration,
    login: Login,
}

/// Logins by [`key`].
#[derive(Debug, Default)]
pub struct TokenCache {
    entries: Mutex<HashMap<String, Entry>>,
    /// One mint at a time: callers that arrive together (a pool opening 100 connections
    /// through the proxy) wait for the first one's secret instead of each minting their own.
    minting: tokio::sync::Mutex<()>,
}

/// The cache key of a login: engine, the host the secret is for, port, user and (for
/// Redshift, whose credentials may name one) database.
pub fn key(params: &ConnParams) -> String {
    let (host, port) = match &params.auth {
        Auth::Iam {
            signing_host,
            signing_port,
        } => (signing_host.as_str(), *signing_port),
        Auth::Password(_) => (params.host.as_str(), params.port),
    };
    let db = match params.engine {
        super::Engine::Redshift => params.dbname.as_str(),
        _ => "",
    };
    format!(
        "{}:{}:{port}:{}:{db}",
        params.engine.name(),
        host.to_ascii_lowercase(),
        params.user
    )
}

impl TokenCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// A login minted for `key` that may still be handed out at `now`, if any.
    fn get(&self, key: &str, now: Instant) -> Option<Login> {
        let map = self.entries.lock().ok()?;
        map.get(key)
            .filter(|e| now.saturating_duration_since(e.minted) < e.reuse_for)
            .map(|e| e.login.clone())
    }

    fn put(&self, key: String, login: &Login, minted: Instant) {
        let reuse_for = login
            .lifetime
            .unwrap_or(DEFAULT_LIFETIME)
            .saturating_sub(MARGIN);
        if let Ok(mut map) = self.entries.lock() {
            map.insert(
                key,
                Entry {
                    minted,
                    reuse_for,
                    login: login.clone(),
                },
            );
        }
    }

    /// Forget every secret (after the server refused one, say).
    pub fn clear(&self) {
        if let Ok(mut map) = self.entries.lock() {
            map.clear();
        }
    }

    /// The cached secret for `k`, if it may still be handed out, for these parameters
    /// (another database, say) as the user it was issued to.
    fn reuse(&self, k: &str, params: &ConnParams, ctx: &dyn Signer) -> Option<Login> {
        let mut login = self.get(k, Instant::now())?;
        crate::debug!("reusing the credentials for {k}");
        let user = std::mem::take(&mut login.params.user);
        login.params = ConnParams {
            user,
            ..params.clone()
        };
        login
            .params
            .apply_audit_tag(ctx.aws().known_arn().as_deref());
        Some(login)
    }

    /// Log in with `params`: a cached or fresh IAM token or Redshift password (see
    /// [`ConnParams::login`]), or the typed password (never cached).
    pub async fn login(&self, params: &ConnParams, ctx: &dyn Signer) -> Result<Login> {
        if !params.is_iam() {
            return params.login(ctx).await;
        }
        let k = key(params);
        if let Some(login) = self.reuse(&k, params, ctx) {
            return Ok(login);
        }
        let _one_at_a_time = self.minting.lock().await;
        if let Some(login) = self.reuse(&k, params, ctx) {
            return Ok(login);
        }
        let minted = Instant::now();
        let login = params.login(ctx).await?;
        self.put(k, &login, minted);
        Ok(login)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{ConnectionArgs, Engine};
    use crate::secret::Secret;

    fn params(engine: &str, host: &str, user: &str, db: &str) -> ConnParams {
        ConnectionArgs {
            target: Some(format!("{engine}://{user}@{host}/{db}")),
            ..Default::default()
        }
        .resolve_with(5432, &|_| None)
        .unwrap()
    }

    fn login(p: &ConnParams, lifetime: Option<u64>) -> Login {
        Login {
            params: p.clone(),
            password: Some(Secret::new("tok")),
            expires_at: None,
            lifetime: lifetime.map(Duration::from_secs),
            region: None,
        }
    }

    #[test]
    fn tokens_are_reused_until_thirty_seconds_before_they_expire() {
        let cache = TokenCache::new();
        let t0 = Instant::now();
        let p = params("postgres", "DB.example.com", "app", "d1");
        let k = key(&p);
        assert_eq!(k, "postgres:db.example.com:5432:app:");
        cache.put(k.clone(), &login(&p, Some(900)), t0);
        assert!(cache.get(&k, t0 + Duration::from_secs(869)).is_some());
        assert!(cache.get(&k, t0 + Duration::from_secs(870)).is_none());
        // Another user, engine or port is another key; the database only for Redshift.
        assert_ne!(key(&params("postgres", "db.example.com", "other", "d1")), k);
        assert_ne!(key(&params("mysql", "db.example.com", "app", "d1")), k);
        assert_eq!(key(&params("postgres", "db.example.com", "app", "d2")), k);
        let rs = params(
            "redshift",
            "c1.abc.eu-west-1.redshift.amazonaws.com",
            "u",
            "dev",
        );
        assert_eq!(rs.engine, Engine::Redshift);
        assert_ne!(
            key(&rs),
            key(&params(
                "redshift",
                "c1.abc.eu-west-1.redshift.amazonaws.com",
                "u",
                "other"
            ))
        );
        // A Redshift password lives as long as the service said (here one hour).
        cache.put(key(&rs), &login(&rs, Some(3600)), t0);
        assert!(cache
            .get(&key(&rs), t0 + Duration::from_secs(3569))
            .is_some());
        assert!(cache
            .get(&key(&rs), t0 + Duration::from_secs(3570))
            .is_none());
        // Unknown lifetime: a token's.
        cache.put("x".into(), &login(&p, None), t0);
        assert!(cache.get("x", t0 + Duration::from_secs(869)).is_some());
        assert!(cache.get("x", t0 + Duration::from_secs(870)).is_none());
        cache.clear();
        assert!(cache.get(&k, t0).is_none());
    }
}
