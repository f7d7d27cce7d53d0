//! Redacting newtypes for secrets: secret access keys, session tokens, DB tokens, passwords.
//!
//! A [`Secret`] never shows its value through `Debug` or `Display`; code that really
//! needs the value (the signer, a database driver) asks for it with [`Secret::expose`].
//! [`protect_process`] keeps the secrets in memory out of core files and away from
//! other users' debuggers.

use std::fmt;

/// A secret string. `Debug` and `Display` print `(redacted)`.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    /// Wrap a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself, for the few places that must send or sign with it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of bytes in the secret (safe to show).
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(redacted)")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

/// Make this process non-dumpable, at start-up, before any secret is in memory: no core
/// file (a core holds the secret key and the DB token), and no ptrace or /proc/PID/mem
/// reads by other users (Linux: `PR_SET_DUMPABLE` 0; every unix: a core size limit of 0).
/// Best effort: a failure is only logged with `--debug`.
pub fn protect_process() {
    #[cfg(target_os = "linux")]
    if let Err(e) = nix::sys::prctl::set_dumpable(false) {
        crate::debug!("cannot make the process non-dumpable: {e}");
    }
    // The soft limit only: the hard one stays, so a child of `dbiam exec` may raise it.
    #[cfg(unix)]
    {
        use nix::sys::resource::{getrlimit, setrlimit, Resource};
        let hard = getrlimit(Resource::RLIMIT_CORE).map_or(0, |(_, hard)| hard);
        if let Err(e) = setrlimit(Resource::RLIMIT_CORE, 0, hard) {
            crate::debug!("cannot turn off core files: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_redact() {
        let s = Secret::new("wJalrXUtnFEMI/K7MDENG");
        assert_eq!(format!("{s:?}"), "(redacted)");
        assert_eq!(format!("{s}"), "(redacted)");
        assert_eq!(s.expose(), "wJalrXUtnFEMI/K7MDENG");
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Holder {
            key: Secret,
        }
        let h = format!("{:?}", Holder { key: s });
        assert!(!h.contains("wJal"), "{h}");
    }
}
