//! The files dbiam keeps for the user (config, session cache, client files, history):
//! read and written only when they are regular files (or missing). A symlink is followed
//! and its target replaced in the target's own directory; a device, FIFO, directory or
//! socket is refused (exit 2) and left untouched. Writes go to a temporary file beside
//! the target, then a rename, so a reader never sees half a file.

use std::fs::{FileType, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How many symlinks are followed before giving up (Linux's limit).
const MAX_LINKS: usize = 40;

/// `path` with every symlink in its last component followed (a missing final target is
/// fine: that is where a new file goes). Errors: a loop, or a link that cannot be read.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let mut cur = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&cur)?;
                cur = match cur.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(cur),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(cur),
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// What kind of file a non-regular file is, for messages.
pub fn kind_name(t: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// The error for a file of the wrong kind (exit 2).
fn not_regular(what: &str, path: &Path, t: FileType) -> Error {
    Error::usage(format!(
        "{what} {} is {}, not a regular file: dbiam reads and replaces only regular files",
        path.display(),
        kind_name(t)
    ))
    .with_hint("use a regular file (or a symlink to one), or a path that does not exist yet")
}

/// A path dbiam may replace: where the new file goes (symlinks followed) and the metadata
/// of the file there now, if any. Anything but a regular file is refused (exit 2).
pub fn check_replaceable(what: &str, path: &Path) -> Result<(PathBuf, Option<Metadata>)> {
    let target = resolve(path)
        .map_err(|e| Error::usage(format!("cannot write {what} {}: {e}", path.display())))?;
    match std::fs::symlink_metadata(&target) {
        Ok(m) if m.is_file() => Ok((target, Some(m))),
        Ok(m) => Err(not_regular(what, path, m.file_type())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((target, None)),
        Err(e) => Err(Error::usage(format!(
            "cannot write {what} {}: {e}",
            path.display()
        ))),
    }
}

/// Replace the file at `path` (`what` names it in errors) with `bytes`, atomically: a
/// temporary file in the final file's directory, synced, then renamed over it. `mode`
/// (unix permissions) applies to the new file; without it an existing file keeps its
/// permissions and a new one gets the default.
pub fn replace(what: &str, path: &Path, bytes: &[u8], mode: Option<u32>) -> Result<()> {
    let (target, existing) = check_replaceable(what, path)?;
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".to_owned());
    let io_err = |e| Error::io(format!("cannot write {what} {}", path.display()), e);
    let (tmp, mut file) = create_temp(dir, &name, mode).map_err(io_err)?;
    let written = (|| {
        #[cfg(unix)]
        if mode.is_none() {
            if let Some(m) = &existing {
                file.set_permissions(m.permissions())?;
            }
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, &target)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io_err(e)
    })
}

/// A new, empty temporary file beside `name` in `dir` (never an existing one).
fn create_temp(
    dir: &Path,
    name: &str,
    mode: Option<u32>,
) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    if let Some(mode) = mode {
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, mode);
    }
    let mut n = 0u32;
    loop {
        let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match opts.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
            Err(e) => return Err(e),
        }
    }
}

/// Read a text file dbiam keeps (`what` names it in errors): `None` when it does not
/// exist. Anything that is not a readable regular UTF-8 file is a usage error (exit 2):
/// a directory, a FIFO (which would block), a device, a symlink loop, no permission,
/// non-UTF-8 bytes. `/dev/null` reads as an empty file (the usual "no file" idiom).
pub fn read_text(what: &str, path: &Path) -> Result<Option<String>> {
    let bad = |e: &dyn std::fmt::Display| {
        Error::usage(format!("cannot read {what} {}: {e}", path.display()))
    };
    let target = resolve(path).map_err(|e| bad(&e))?;
    match std::fs::metadata(&target) {
        Ok(m) if m.is_file() => {}
        Ok(_) if target == Path::new("/dev/null") => return Ok(Some(String::new())),
        Ok(m) => return Err(not_regular(what, path, m.file_type())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(bad(&e)),
    }
    let bytes = std::fs::read(&target).map_err(|e| bad(&e))?;
    String::from_utf8(bytes).map(Some).map_err(|e| {
        bad(&format!(
            "not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{symlink, FileTypeExt, PermissionsExt};

    fn fifo(path: &Path) {
        let ok = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success();
        assert!(ok, "mkfifo failed");
    }

    #[test]
    fn a_missing_file_is_created_and_a_regular_one_replaced_keeping_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        replace("config", &p, b"a", None).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "a");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace("config", &p, b"b", None).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "b");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        replace("key", &p, b"c", Some(0o600)).unwrap();
        // Nothing but the file is left in the directory.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_symlink_is_followed_and_stays_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("dotfiles")).unwrap();
        let real = dir.path().join("dotfiles/dbiam.toml");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("config.toml");
        symlink("dotfiles/dbiam.toml", &link).unwrap();
        replace("config", &link, b"new", None).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        // A dangling link: the file is created where it points.
        let dangling = dir.path().join("d.toml");
        symlink("dotfiles/new.toml", &dangling).unwrap();
        replace("config", &dangling, b"x", None).unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("dotfiles/new.toml")).unwrap(),
            "x"
        );
    }

    #[test]
    fn fifos_directories_and_loops_are_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("fifo");
        fifo(&f);
        let to_fifo = dir.path().join("to-fifo");
        symlink(&f, &to_fifo).unwrap();
        let loop_a = dir.path().join("a");
        symlink("b", &loop_a).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        for p in [&f, &to_fifo, &dir.path().to_path_buf(), &loop_a] {
            let e = replace("config", p, b"x", None).unwrap_err();
            assert_eq!(e.exit_code(), crate::error::ExitCode::Usage, "{e}");
            let e = read_text("config", p).unwrap_err();
            assert_eq!(e.exit_code(), crate::error::ExitCode::Usage, "{e}");
        }
        assert!(std::fs::metadata(&f).unwrap().file_type().is_fifo());
        let e = replace("config", &to_fifo, b"x", None).unwrap_err();
        assert!(
            e.to_string().contains("is a FIFO, not a regular file"),
            "{e}"
        );
        // Only the FIFO and the links: no temporary file was left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
    }

    #[test]
    fn reading_refuses_non_utf8_and_treats_missing_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        assert_eq!(read_text("config", &p).unwrap(), None);
        std::fs::write(&p, b"a = \"\xff\"").unwrap();
        let e = read_text("config", &p).unwrap_err();
        assert_eq!(e.exit_code(), crate::error::ExitCode::Usage);
        assert!(e.to_string().contains("not UTF-8"), "{e}");
    }
}
