//! The session cache: temporary credentials from `dbiam login`, one JSON file per
//! session name under `$XDG_STATE_HOME/dbiam/sessions/` (else `~/.local/state/…`),
//! written atomically with mode 0600 in a 0700 directory.
//!
//! Only temporary credentials (with a session token and an expiry) are ever stored;
//! [`Session::new`] refuses anything else, so a long-term secret key cannot reach disk.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::credentials::{Credentials, Source};
use crate::error::{Error, Result};
use crate::output::rfc3339;
use crate::secret::Secret;

/// The session name used when neither `--session` nor `DBIAM_SESSION` names one.
pub const DEFAULT_NAME: &str = "default";

/// The session later commands use: `DBIAM_SESSION`, else `default`.
pub fn active_name() -> String {
    std::env::var("DBIAM_SESSION")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| DEFAULT_NAME.to_owned())
}

/// Check a session name: 1–64 of `A-Z a-z 0-9 _ . -`, not starting with a dot.
pub fn validate_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!("bad session name '{name}'"))
            .with_hint("use 1-64 letters, digits, '_', '.' or '-'"))
    }
}

/// Where session files live: `sessions` in [`state_dir`].
pub fn dir() -> Result<PathBuf> {
    Ok(state_dir()?.join("sessions"))
}

/// dbiam's state directory: `$XDG_STATE_HOME/dbiam`, else the platform's state
/// directory, else `~/.local/state/dbiam` (sessions, the proxy's local passwords).
pub fn state_dir() -> Result<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(dirs::state_dir)
        .or_else(|| dirs::home_dir().map(|h| h.join(".local/state")))
        .ok_or_else(|| {
            Error::failure("cannot find a state directory for the session cache")
                .with_hint("set HOME or XDG_STATE_HOME")
        })?;
    Ok(base.join("dbiam"))
}

fn file_for(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.json"))
}

/// One cached session: temporary credentials and who they belong to.
#[derive(Debug, Clone)]
pub struct Session {
    /// The session name.
    pub name: String,
    /// Temporary access key id.
    pub access_key_id: String,
    /// Temporary secret key.
    pub secret_access_key: Secret,
    /// Session token.
    pub session_token: Secret,
    /// When the credentials expire.
    pub expires_at: OffsetDateTime,
    /// Account id, as STS reported it at login.
    pub account: String,
    /// ARN, as STS reported it at login.
    pub arn: String,
    /// User id, as STS reported it at login.
    pub user_id: String,
    /// Where the credentials login started from (`environment`, `profile:dev`, `keys`).
    pub source: String,
    /// How the temporary credentials were obtained (`get-session-token`, `assume-role`,
    /// `temporary-keys`).
    pub via: String,
    /// When login wrote the session.
    pub created_at: OffsetDateTime,
}

/// The file format (version 1). Plain strings: only used to read and write the file.
#[derive(Serialize, Deserialize)]
struct SessionFile {
    version: u32,
    name: String,
    access_key_id: String,
    secret_access_key: String,
    session_token: String,
    expires_at: String,
    account: String,
    arn: String,
    user_id: String,
    source: String,
    via: String,
    created_at: String,
}

impl Session {
    /// A session from temporary credentials. Refuses credentials without a session
    /// token or expiry: long-term keys are never cached.
    pub fn new(
        name: &str,
        creds: &Credentials,
        identity: &super::Identity,
        source: &str,
        via: &str,
    ) -> Result<Self> {
        validate_name(name)?;
        let (Some(token), Some(expires_at)) = (&creds.session_token, creds.expires_at) else {
            return Err(Error::failure(
                "refusing to cache credentials without a session token and an expiry",
            ));
        };
        Ok(Session {
            name: name.to_owned(),
            access_key_id: creds.access_key_id.clone(),
            secret_access_key: creds.secret_access_key.clone(),
            session_token: token.clone(),
            expires_at,
            account: identity.account.clone(),
            arn: identity.arn.clone(),
            user_id: identity.user_id.clone(),
            source: source.to_owned(),
            via: via.to_owned(),
            created_at: super::now(),
        })
    }

    /// Seconds left until expiry (negative once expired).
    pub fn seconds_left(&self, now: OffsetDateTime) -> i64 {
        (self.expires_at - now).whole_seconds()
    }

    /// Whether the credentials have expired at `now`.
    pub fn is_expired(&self, now: OffsetDateTime) -> bool {
        self.seconds_left(now) <= 0
    }

    /// The cached credentials, for the chain.
    pub fn credentials(&self) -> Credentials {
        Credentials {
            access_key_id: self.access_key_id.clone(),
            secret_access_key: self.secret_access_key.clone(),
            session_token: Some(self.session_token.clone()),
            expires_at: Some(self.expires_at),
            source: Source::Session(self.name.clone()),
            account: Some(self.account.clone()),
            arn: Some(self.arn.clone()).filter(|a| !a.is_empty()),
        }
    }

    fn to_file(&self) -> SessionFile {
        SessionFile {
            version: 1,
            name: self.name.clone(),
            access_key_id: self.access_key_id.clone(),
            secret_access_key: self.secret_access_key.expose().to_owned(),
            session_token: self.session_token.expose().to_owned(),
            expires_at: rfc3339(self.expires_at),
            account: self.account.clone(),
            arn: self.arn.clone(),
            user_id: self.user_id.clone(),
            source: self.source.clone(),
            via: self.via.clone(),
            created_at: rfc3339(self.created_at),
        }
    }

    fn from_file(f: SessionFile, path: &Path) -> Result<Self> {
        let bad = |what: &str| {
            Error::credentials(format!(
                "the session cache file {} is damaged ({what})",
                path.display()
            ))
            .with_hint("run `dbiam logout --all` and `dbiam login` again")
        };
        if f.version != 1 {
            return Err(bad("unknown version"));
        }
        if f.session_token.is_empty() || f.secret_access_key.is_empty() {
            return Err(bad("no temporary credentials"));
        }
        let parse = |s: &str| OffsetDateTime::parse(s, &Rfc3339).map_err(|_| bad("bad time"));
        Ok(Session {
            name: f.name,
            access_key_id: f.access_key_id,
            secret_access_key: Secret::new(f.secret_access_key),
            session_token: Secret::new(f.session_token),
            expires_at: parse(&f.expires_at)?,
            account: f.account,
            arn: f.arn,
            user_id: f.user_id,
            source: f.source,
            via: f.via,
            created_at: parse(&f.created_at)?,
        })
    }
}

pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        b.mode(0o700);
        b.create(dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
        // The directory may have existed with wider permissions.
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
            .map_err(|e| Error::io(format!("cannot restrict {}", dir.display()), e))?;
    }
    #[cfg(not(unix))]
    b.create(dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    Ok(())
}

/// Write a session to the cache (mode 0600; replaces an older one of the same name
/// atomically). Returns the file's path.
pub fn save(session: &Session) -> Result<PathBuf> {
    validate_name(&session.name)?;
    let dir = dir()?;
    create_private_dir(&dir)?;
    let path = file_for(&dir, &session.name);
    let mut body = serde_json::to_vec_pretty(&session.to_file())
        .map_err(|e| Error::failure(format!("cannot encode the session: {e}")))?;
    body.push(b'\n');
    crate::files::replace("the session cache", &path, &body, Some(0o600))?;
    crate::debug!("cached session '{}' in {}", session.name, path.display());
    Ok(path)
}

/// Read one session; `None` when there is no such session.
pub fn load(name: &str) -> Result<Option<Session>> {
    validate_name(name)?;
    let path = file_for(&dir()?, name);
    let Some(text) = crate::files::read_text("the session cache", &path)? else {
        return Ok(None);
    };
    let file: SessionFile = serde_json::from_str(&text).map_err(|_| {
        Error::credentials(format!(
            "the session cache file {} is damaged (not valid JSON)",
            path.display()
        ))
        .with_hint(format!(
            "run `dbiam logout --session {name}` and `dbiam login` again"
        ))
    })?;
    let mut s = Session::from_file(file, &path)?;
    s.name = name.to_owned();
    Ok(Some(s))
}

/// Every cached session, sorted by name. Damaged files are skipped (with a debug line).
pub fn list() -> Result<Vec<Session>> {
    let dir = dir()?;
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(format!("cannot read {}", dir.display()), e)),
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".json"))
                .filter(|n| validate_name(n).is_ok())
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for n in names {
        match load(&n) {
            Ok(Some(s)) => out.push(s),
            Ok(None) => {}
            Err(e) => crate::debug!("skipping session '{n}': {e}"),
        }
    }
    Ok(out)
}

/// Remove one session; whether it existed.
pub fn remove(name: &str) -> Result<bool> {
    validate_name(name)?;
    let path = file_for(&dir()?, name);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(format!("cannot remove {}", path.display()), e)),
    }
}

/// Remove every session; the names removed.
pub fn remove_all() -> Result<Vec<String>> {
    let dir = dir()?;
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(format!("cannot read {}", dir.display()), e)),
    };
    let mut removed = Vec::new();
    for e in entries.filter_map(|e| e.ok()) {
        let file_name = e.file_name();
        let Some(n) = file_name.to_str() else {
            continue;
        };
        if let Some(name) = n.strip_suffix(".json").filter(|n| validate_name(n).is_ok()) {
            std::fs::remove_file(e.path())
                .map_err(|err| Error::io(format!("cannot remove {}", e.path().display()), err))?;
            removed.push(name.to_owned());
        }
    }
    removed.sort();
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_names() {
        for ok in ["default", "prod-eu", "a.b_c", "X1"] {
            assert!(validate_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", ".hidden", "a/b", "../x", "a b", &"x".repeat(65)] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn long_term_keys_are_refused() {
        let creds = Credentials {
            access_key_id: "AKIAIOSFODNN7EXAMPLE".into(),
            secret_access_key: Secret::new("long-term"),
            session_token: None,
            expires_at: None,
            source: Source::Environment,
            account: None,
            arn: None,
        };
        let id = super::super::Identity {
            account: "123456789012".into(),
            arn: "arn:aws:iam::123456789012:user/x".into(),
            user_id: "AIDA".into(),
        };
        assert!(Session::new("default", &creds, &id, "environment", "x").is_err());
    }
}
