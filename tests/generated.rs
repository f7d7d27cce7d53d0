//! Shell completions (completions/) and man pages (man/) are what `dbiam completions SHELL`
//! and `dbiam man DIR` print; this test runs the binary and fails when the committed files
//! differ. Regenerate with `scripts/generate` (or `DBIAM_UPDATE_GENERATED=1 cargo test
//! --test generated`) and commit the result.

mod common;

use std::path::{Path, PathBuf};

use common::Home;
use dbiam::generate::SHELLS;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Every generated file, as the binary produces it: (path relative to the crate root, contents).
fn render(home: &Home) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    for (shell, name) in SHELLS {
        let out = home
            .dbiam()
            .args(["completions", &shell.to_string()])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        files.push((format!("completions/{name}"), out));
    }
    let dir = home.path().join("man1");
    home.dbiam()
        .arg("man")
        .arg(&dir)
        .assert()
        .success()
        .stdout("");
    for name in file_names(&dir) {
        files.push((
            format!("man/{name}"),
            std::fs::read(dir.join(&name)).unwrap(),
        ));
    }
    files
}

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let home = Home::new();
    let files = render(&home);
    if std::env::var_os("DBIAM_UPDATE_GENERATED").is_some_and(|v| v == "1") {
        for dir in ["completions", "man"] {
            let _ = std::fs::remove_dir_all(root().join(dir));
            std::fs::create_dir_all(root().join(dir)).unwrap();
        }
        for (path, data) in &files {
            std::fs::write(root().join(path), data).unwrap();
        }
        return;
    }
    let mut stale = Vec::new();
    for (path, data) in &files {
        if std::fs::read(root().join(path)).ok().as_ref() != Some(data) {
            stale.push(path.clone());
        }
    }
    for dir in ["completions", "man"] {
        for name in file_names(&root().join(dir)) {
            let path = format!("{dir}/{name}");
            if !files.iter().any(|(p, _)| *p == path) {
                stale.push(format!("{path} (no longer generated)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {}; regenerate with scripts/generate and commit the result",
        stale.join(", ")
    );
    // Every subcommand has its page.
    for sub in [
        "token",
        "sql",
        "connect",
        "targets",
        "exec",
        "env",
        "doctor",
        "targets-add",
        "completions",
        "man",
    ] {
        assert!(
            files
                .iter()
                .any(|(p, _)| *p == format!("man/dbiam-{sub}.1")),
            "{sub}"
        );
    }
}

/// Without DIR, `dbiam man` prints the main page, the same bytes as `man/dbiam.1`.
#[test]
fn man_without_dir_prints_the_main_page() {
    let home = Home::new();
    let out = home.dbiam().arg("man").assert().success();
    assert_eq!(
        out.get_output().stdout,
        std::fs::read(root().join("man/dbiam.1")).unwrap()
    );
}

/// Generation needs no config: a broken config file does not stop it.
#[test]
fn generation_ignores_a_broken_config_file() {
    let home = Home::new();
    let cfg = home.path().join(".config/dbiam");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(cfg.join("config.toml"), "this is not toml = = =\n").unwrap();
    home.dbiam()
        .args(["completions", "bash"])
        .assert()
        .success();
    home.dbiam().args(["man"]).assert().success();
    // Any other subcommand reads the config, and says what is wrong with it.
    home.dbiam()
        .args(["targets", "list"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid config"));
}

/// `dbiam completions` refuses an unknown shell with a usage error.
#[test]
fn unknown_shell_is_a_usage_error() {
    Home::new()
        .dbiam()
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

/// `--version` names the version, the git commit and the target; `-V` only the version.
#[test]
fn version_names_commit_and_target() {
    let home = Home::new();
    let out = home.dbiam().arg("--version").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let expected = format!(
        "dbiam {} (commit {}, {})\n",
        env!("CARGO_PKG_VERSION"),
        env!("DBIAM_BUILD_COMMIT"),
        env!("DBIAM_BUILD_TARGET")
    );
    assert_eq!(text, expected);
    assert!(env!("DBIAM_BUILD_TARGET").contains('-'), "{text}");
    // Built from this checkout (and no packager's DBIAM_BUILD_COMMIT), the commit is one of
    // its commits (HEAD when it was built; HEAD may have moved since).
    let commit = env!("DBIAM_BUILD_COMMIT");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if std::env::var_os("DBIAM_BUILD_COMMIT").is_none() && git(&["rev-parse", "HEAD"]) {
        assert!(
            git(&["cat-file", "-e", &format!("{commit}^{{commit}}")]),
            "{commit} is not a commit of this checkout"
        );
    }
    home.dbiam()
        .arg("-V")
        .assert()
        .success()
        .stdout(format!("dbiam {}\n", env!("CARGO_PKG_VERSION")));
}
