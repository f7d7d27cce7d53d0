//! Issue 17's hardening rows, each through the real binary: bad files, bad input and
//! hostile values get a one-line error and a documented exit code, never a hang, a
//! panic or a replaced device file.

mod common;

use common::Home;
use predicates::prelude::*;
use std::os::unix::fs::{symlink, FileTypeExt};
use std::path::Path;
use std::time::Duration;

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Row 16: `targets add` with DBIAM_CONFIG naming a FIFO (standing in for /dev/null: a
/// file that is not a regular file), directly or through a symlink, is refused with exit 2
/// and the FIFO is left a FIFO; nothing blocks on it.
#[test]
fn row16_a_config_that_is_not_a_regular_file_is_refused_and_left_alone() {
    let home = Home::new();
    let fifo = home.path().join("null-like");
    mkfifo(&fifo);
    let link = home.path().join("config-link.toml");
    symlink(&fifo, &link).unwrap();
    for config in [&fifo, &link] {
        home.dbiam()
            .env("DBIAM_CONFIG", config)
            .args(["targets", "add", "y", "-h", "h.example.com"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is a FIFO, not a regular file"));
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }
    // Nothing was left beside it (no temporary file).
    let names: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    let hidden = std::fs::read_dir(home.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(hidden, 0);
}

/// Row 16: a symlinked config (a dotfiles checkout) stays a symlink; its target is updated.
#[test]
fn row16_a_symlinked_config_stays_a_symlink() {
    let home = Home::new();
    let dotfiles = home.path().join("dotfiles");
    std::fs::create_dir(&dotfiles).unwrap();
    let real = dotfiles.join("dbiam.toml");
    std::fs::write(&real, "# mine\n[defaults]\nregion = \"eu-west-1\"\n").unwrap();
    let link = home.path().join("config.toml");
    symlink("dotfiles/dbiam.toml", &link).unwrap();
    home.dbiam()
        .env("DBIAM_CONFIG", &link)
        .args(["targets", "add", "y", "-h", "h.example.com"])
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.starts_with("# mine\n"), "{text}");
    assert!(
        text.contains("[targets.y]") && text.contains("h.example.com"),
        "{text}"
    );
    assert_eq!(std::fs::read_dir(&dotfiles).unwrap().count(), 1);
}

/// Row 5: a config file with non-UTF-8 bytes, a directory, a symlink loop (and, when not
/// root, an unreadable file) is an invalid config: exit 2, one line naming the file.
#[test]
fn row5_unreadable_config_files_exit_2() {
    let home = Home::new();
    let bad = home.path().join("latin1.toml");
    std::fs::write(&bad, b"[defaults]\nregion = \"caf\xe9\"\n").unwrap();
    let dir = home.path().join("a-directory");
    std::fs::create_dir(&dir).unwrap();
    let loop_a = home.path().join("loop-a");
    symlink("loop-b", &loop_a).unwrap();
    symlink("loop-a", home.path().join("loop-b")).unwrap();
    for (config, why) in [
        (&bad, "not UTF-8"),
        (&dir, "is a directory"),
        (&loop_a, "symbolic links"),
    ] {
        let out = home
            .dbiam()
            .env("DBIAM_CONFIG", config)
            .args(["targets", "list"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(config.display().to_string()))
            .stderr(predicate::str::contains(why))
            .get_output()
            .stderr
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.trim_end().lines().count(), 1, "{text}");
    }
    let locked = home.path().join("locked.toml");
    std::fs::write(&locked, "").unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_err() {
        // Not root: the permission check applies.
        home.dbiam()
            .env("DBIAM_CONFIG", &locked)
            .args(["targets", "list"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("Permission denied"));
    }
}

/// A token minted by the binary for a fixed instant.
fn minted(home: &Home) -> String {
    let out = home
        .dbiam_with_keys()
        .args(["token", "--hostname", "h.example.com", "--port", "5432"])
        .args(["--username", "u", "--signing-time", "2026-01-01T00:00:00Z"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// Row 4: signing times at the edge of the calendar and tokens with absurd dates or
/// lifetimes are exit 2 ("not a valid time", "not an … IAM token"), not a panic (101).
#[test]
fn row4_extreme_times_exit_2_not_panic() {
    let home = Home::new();
    for t in [
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-23:59",
        "0000-01-01T00:00:00+23:59",
        "99991231T235959Z",
        "00000101T000000Z",
    ] {
        home.dbiam_with_keys()
            .args(["token", "--hostname", "h.example.com", "--port", "5432"])
            .args(["--username", "u", "--signing-time", t])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is not a valid time"));
    }
    let good = minted(&home);
    assert!(good.contains("X-Amz-Expires=900"), "{good}");
    let date = good
        .split('&')
        .find(|p| p.starts_with("X-Amz-Date="))
        .unwrap()
        .to_owned();
    for bad in [
        good.replace("X-Amz-Expires=900", "X-Amz-Expires=9223372036854775807"),
        good.replace("X-Amz-Expires=900", "X-Amz-Expires=-1"),
        good.replace(&date, "X-Amz-Date=99991231T235959Z"),
        good.replace(&date, "X-Amz-Date=00000101T000000Z"),
    ] {
        home.dbiam()
            .args(["token", "inspect", &bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not an RDS or DSQL IAM token"));
    }
    home.dbiam()
        .args(["token", "inspect", &good])
        .assert()
        .code(predicate::in_iter([0, 1]));
}

/// Row 6: bytes that are not UTF-8 on stdin are bad input (exit 2), as with `@FILE`.
#[test]
fn row6_non_utf8_stdin_exits_2() {
    let home = Home::new();
    let junk: &[u8] = b"AKIA\xff\xfe\nsecret\xc3\x28\n";
    for args in [
        &["token", "inspect", "-"][..],
        &["login", "--keys-from-stdin"][..],
        &["dynamo", "put", "t", "--item", "-"][..],
    ] {
        home.dbiam_with_keys()
            .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
            .args(args)
            .write_stdin(junk)
            .timeout(Duration::from_secs(30))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not UTF-8 text"));
    }
}
