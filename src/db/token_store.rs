//! The cross-process token cache behind the password helpers (`dbiam token TARGET`,
//! `dbiam token` from `PG*`): a GUI that runs the helper on every connect gets the same
//! token for a while instead of a new one each time.
//!
//! What is stored, and why it is safe: one file per (engine, signing host, port, user,
//! region, access key id, session) in `<cache dir>/dbiam/tokens/` (a 0700 directory),
//! named by a SHA-256 of those values (no host or user name in clear), mode 0600, holding
//! the token and its expiry. A token is a short-lived bearer credential (15 minutes) for
//! one database user; it carries the access key id and, for temporary credentials, the
//! session token, never the secret access key. Nothing long-term is written. A token is
//! reused only while at least [`REUSE_MIN_LEFT`] of its life remains; expired files are
//! deleted whenever a token is stored.

use serde_json::json;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use time::OffsetDateTime;

use super::client_env::write_private;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::token::Token;

/// A cached token is reused while at least this long remains before it expires (5 of
/// its 15 minutes), so a client that connects right after asking always has time.
pub const REUSE_MIN_LEFT: time::Duration = time::Duration::minutes(5);

/// The cache directory: `<cache dir>/dbiam/tokens` (`$XDG_CACHE_HOME` honoured), 0700.
pub fn dir() -> Result<PathBuf> {
    let d = super::client_env::cache_dir()?.join("tokens");
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(&d)
        .map_err(|e| Error::io(format!("cannot create {}", d.display()), e))?;
    Ok(d)
}

/// The file name for a token signed with these values (their SHA-256, hex).
pub fn key(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p.as_bytes());
    }
    hex::encode(h.finalize())
}

/// A cached token for `key` with at least [`REUSE_MIN_LEFT`] left at `now`.
pub fn get(dir: &Path, key: &str, now: OffsetDateTime) -> Option<Token> {
    let text = std::fs::read_to_string(dir.join(key)).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let issued = OffsetDateTime::from_unix_timestamp(v["issued_at"].as_i64()?).ok()?;
    let expires_in = v["expires_in"].as_u64()?;
    let token = Token {
        value: Secret::new(v["token"].as_str()?),
        issued_at: issued,
        expires_in,
    };
    (token.expires_at() - now >= REUSE_MIN_LEFT && issued <= now).then_some(token)
}

/// Store `token` under `key` (0600, replaced atomically), and delete expired entries.
pub fn put(dir: &Path, key: &str, token: &Token, now: OffsetDateTime) -> Result<()> {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let expired = std::fs::read_to_string(e.path())
                .ok()
                .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
                .and_then(|v| Some(v["issued_at"].as_i64()? + v["expires_in"].as_i64()?))
                .is_none_or(|end| end <= now.unix_timestamp());
            if expired {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let text = json!({
        "token": token.value.expose(),
        "issued_at": token.issued_at.unix_timestamp(),
        "expires_in": token.expires_in,
    });
    write_private(&dir.join(key), &text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuses_until_five_minutes_are_left_and_files_are_private() {
        let d = tempfile::tempdir().unwrap();
        let at = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let t = Token {
            value: Secret::new("tok"),
            issued_at: at,
            expires_in: 900,
        };
        let k = key(&["postgres", "h", "5432", "u", "us-east-1", "AKID", ""]);
        assert_ne!(
            k,
            key(&["postgres", "h", "5432", "u", "us-east-1", "AKID2", ""])
        );
        put(d.path(), &k, &t, at).unwrap();
        let m = time::Duration::minutes;
        assert_eq!(get(d.path(), &k, at + m(10)).unwrap().value.expose(), "tok");
        assert!(get(d.path(), &k, at + m(10) + time::Duration::seconds(1)).is_none());
        assert!(get(d.path(), "other", at).is_none());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(d.path().join(&k))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Storing another token removes the expired one.
        put(d.path(), "x", &t, at + m(16)).unwrap();
        assert!(!d.path().join(&k).exists());
    }
}
