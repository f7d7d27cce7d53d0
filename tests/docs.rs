//! The README stays a newcomer's page and the reference lives in docs/: at most ~250 lines,
//! exactly two set-up commands, a docs/ page and a README link for every subcommand, every
//! relative link resolving, and none of the stale phrases of the old README.

use std::path::{Path, PathBuf};

use clap::CommandFactory;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The docs/ page that documents a subcommand (some pages cover two).
fn page_for(subcommand: &str) -> &str {
    match subcommand {
        "logout" => "login",
        "env" => "exec",
        "completions" | "man" => "install",
        other => other,
    }
}

/// Relative `.md` links of a Markdown file: `[text](path.md)` or `(path.md#anchor)`.
fn md_links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in text.split("](").skip(1) {
        let target = part.split([')', '#', ' ']).next().unwrap_or("");
        if target.ends_with(".md") && !target.contains("://") {
            out.push(target.to_owned());
        }
    }
    out
}

#[test]
fn readme_is_short_with_two_setup_commands() {
    let readme = read(&root().join("README.md"));
    let lines = readme.lines().count();
    assert!(
        lines <= 260,
        "README.md has {lines} lines; the reference belongs in docs/"
    );
    assert!(readme.contains("\ncargo install --locked --path . && dbiam --help\n"));
    assert!(readme.contains("\n./scripts/test\n"));
    // No other install or build instruction in a code block.
    for line in readme.lines() {
        let l = line.trim_start();
        if l.starts_with("cargo ") || l.starts_with("./scripts/") || l.starts_with("scripts/") {
            assert!(
                l == "cargo install --locked --path . && dbiam --help" || l == "./scripts/test",
                "a third set-up command in README.md: {line}"
            );
        }
    }
}

#[test]
fn every_subcommand_has_a_docs_page_linked_from_the_readme() {
    let readme = read(&root().join("README.md"));
    let cmd = dbiam::cli::Cli::command();
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let page = format!("docs/{}.md", page_for(sub.get_name()));
        assert!(
            root().join(&page).is_file(),
            "`dbiam {}` has no reference page {page}",
            sub.get_name()
        );
        assert!(
            readme.contains(&format!("]({page})")),
            "README.md does not link {page} (`dbiam {}`)",
            sub.get_name()
        );
    }
}

#[test]
fn relative_links_resolve_and_no_stale_sentence_remains() {
    let mut files = vec![root().join("README.md")];
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 14, "docs/ has {} pages", pages.len());
    files.extend(pages);
    assert!(
        md_links(&read(&files[0])).len() >= 10,
        "README.md links too few docs pages"
    );
    for file in &files {
        let text = read(file);
        let dir = file.parent().unwrap();
        for link in md_links(&text) {
            assert!(
                dir.join(&link).is_file(),
                "{}: broken link {link}",
                file.display()
            );
        }
        for stale in ["once it exists", "as the other subcommands land", "so far"] {
            assert!(
                !text.to_lowercase().contains(stale),
                "{}: stale sentence with {stale:?}",
                file.display()
            );
        }
    }
}
