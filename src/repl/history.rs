//! The shell's persistent history: where it lives (`$XDG_STATE_HOME/dbiam/history`,
//! else the platform's state or local data directory), its file format (one entry per
//! line, `\n` and `\\` escaped so a multi-line statement stays one entry; mode 0600),
//! and the rule that keeps secrets out of it.
//!
//! An entry is never stored when it contains (ignoring case) `X-Amz-Signature=`,
//! `X-Amz-Credential=` or `X-Amz-Security-Token=` (an IAM token), the word `PASSWORD`
//! (`CREATE/ALTER ROLE … PASSWORD '…'`, `SET PASSWORD`, `\password`) or `IDENTIFIED`
//! (MySQL's `IDENTIFIED BY '…'`). Such a line can still be run; it is only not remembered.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many entries are kept when the file is loaded.
pub const MAX_ENTRIES: usize = 2000;

const SECRET_MARKERS: &[&str] = &[
    "x-amz-signature=",
    "x-amz-credential=",
    "x-amz-security-token=",
    "password",
    "identified",
];

/// Whether `entry` may be written to the history (see the module docs).
pub fn may_store(entry: &str) -> bool {
    let lower = entry.to_ascii_lowercase();
    !entry.trim().is_empty() && !SECRET_MARKERS.iter().any(|m| lower.contains(m))
}

/// The history file: `$XDG_STATE_HOME/dbiam/history`, else the platform state directory
/// (`~/.local/state` on Linux), else the local data directory (macOS, Windows).
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(dirs::state_dir)
        .or_else(dirs::data_local_dir)?;
    Some(base.join("dbiam").join("history"))
}

fn escape(entry: &str) -> String {
    entry.replace('\\', "\\\\").replace('\n', "\\n")
}

fn unescape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The stored entries, oldest first (at most [`MAX_ENTRIES`]); none if the file is missing.
pub fn load(path: &Path) -> Vec<String> {
    let Ok(Some(text)) = crate::files::read_text("history file", path) else {
        return Vec::new();
    };
    let all: Vec<String> = text
        .lines()
        .map(unescape)
        .filter(|e| may_store(e))
        .collect();
    all[all.len().saturating_sub(MAX_ENTRIES)..].to_vec()
}

/// Append one entry (if [`may_store`] allows it), creating the file with mode 0600.
/// Only a regular file (or a symlink to one) is written: a FIFO would block, a device
/// is not ours.
pub fn append(path: &Path, entry: &str) -> std::io::Result<bool> {
    if !may_store(entry) {
        return Ok(false);
    }
    crate::files::check_replaceable("history file", path)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut opts = OpenOptions::new();
    opts.create(true).append(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path)?;
    #[cfg(unix)]
    {
        // An older file made by hand may be readable by others: narrow it.
        use std::os::unix::fs::PermissionsExt;
        if f.metadata()?.permissions().mode() & 0o077 != 0 {
            f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        }
    }
    writeln!(f, "{}", escape(entry))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_never_stored() {
        assert!(may_store("select 1;"));
        assert!(!may_store("alter role app password 'x';"));
        assert!(!may_store("CREATE USER u IDENTIFIED BY 'pw';"));
        assert!(!may_store(
            "select 'h:5432/?Action=connect&DBUser=u&X-Amz-Signature=abc'"
        ));
        assert!(!may_store("\\password app"));
        assert!(!may_store("   "));
    }

    #[test]
    fn entries_round_trip_with_newlines_and_mode_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/history");
        assert!(append(&path, "select 1,\n  2;").unwrap());
        assert!(append(&path, "select '\\n';").unwrap());
        assert!(!append(&path, "alter role x password 'y';").unwrap());
        assert_eq!(load(&path), vec!["select 1,\n  2;", "select '\\n';"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
