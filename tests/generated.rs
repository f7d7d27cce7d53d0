//! Shell completions (completions/) and man pages (man/) are generated from the clap
//! model and committed; this test fails when they are out of date.
//! Regenerate with `DBIAM_UPDATE_GENERATED=1 cargo test --test generated`.

use clap::CommandFactory;
use clap_complete::Shell;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every generated file: (path relative to the crate root, contents).
fn render() -> Vec<(String, Vec<u8>)> {
    let mut cmd = dbiam::cli::Cli::command();
    cmd.build();
    let mut files = Vec::new();
    for (shell, name) in [
        (Shell::Bash, "dbiam.bash"),
        (Shell::Zsh, "_dbiam"),
        (Shell::Fish, "dbiam.fish"),
        (Shell::PowerShell, "_dbiam.ps1"),
        (Shell::Elvish, "dbiam.elv"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), "dbiam", &mut buf);
        files.push((format!("completions/{name}"), buf));
    }
    man_pages(&cmd, "dbiam", &mut files);
    files
}

/// `dbiam.1`, then one page per subcommand (`dbiam-token.1`, `dbiam-setup-enable.1`, …).
fn man_pages(cmd: &clap::Command, name: &str, files: &mut Vec<(String, Vec<u8>)>) {
    let mut buf = Vec::new();
    // clap names take &'static str without its `string` feature; a test may leak.
    let page = cmd
        .clone()
        .name(&*Box::leak(name.to_owned().into_boxed_str()))
        .bin_name(&*Box::leak(name.replace('-', " ").into_boxed_str()));
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .expect("render man page");
    files.push((format!("man/{name}.1"), buf));
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files);
    }
}

fn existing(dir: &Path) -> Vec<String> {
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

#[test]
fn completions_and_man_pages_are_up_to_date() {
    let files = render();
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
        for name in existing(&root().join(dir)) {
            let path = format!("{dir}/{name}");
            if !files.iter().any(|(p, _)| *p == path) {
                stale.push(format!("{path} (no longer generated)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {}; regenerate with DBIAM_UPDATE_GENERATED=1 cargo test --test generated",
        stale.join(", ")
    );
    // Every subcommand has its page.
    for sub in [
        "token",
        "sql",
        "targets",
        "exec",
        "env",
        "doctor",
        "targets-add",
    ] {
        assert!(
            files
                .iter()
                .any(|(p, _)| *p == format!("man/dbiam-{sub}.1")),
            "{sub}"
        );
    }
}
