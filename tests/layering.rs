//! The layering ARCHITECTURE.md promises, checked on the source: the core (everything
//! but `commands`, `cli`, `lib.rs` and `main.rs`) never imports the command layer, the
//! database layer does not read the config file, the script engine does not import the
//! shell, and PostgreSQL's SSLRequest bytes
//! exist only in the database layer.

use std::path::{Path, PathBuf};

/// Folders and files of the core that must not import `crate::commands` or `crate::cli`.
const CORE: &[&str] = &[
    "src/db",
    "src/repl",
    "src/sql",
    "src/output",
    "src/aws",
    "src/token",
    "src/discover",
    "src/dynamo",
    "src/setup",
    "src/proxy",
    "src/doctor.rs",
    "src/proxy",
];

/// `(folder, module it must not import)`.
/// The script engine (`src/sql`) is below the shell: `connect` uses it, never the reverse.
const FORBIDDEN: &[(&str, &str)] = &[("src/db", "config"), ("src/sql", "repl")];

/// PostgreSQL's SSLRequest code (80877103) as the bytes sent on the wire.
const SSL_REQUEST: &str = "0x04, 0xd2, 0x16, 0x2f";

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.extension().is_some_and(|e| e == "rs") {
        out.push(dir.to_owned());
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        rust_files(&e.path(), out);
    }
}

/// The code of a file without `//` comments (doc comments included), so a doc link
/// to another layer is not an import.
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) if !l[..i].contains('"') => &l[..i],
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `code` refers to `crate::MODULE` (also inside `use crate::{…}` groups).
fn imports(code: &str, module: &str) -> bool {
    let direct = format!("crate::{module}");
    let words = |s: &str| {
        s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|w| w == module)
    };
    code.match_indices(&direct).any(|(i, _)| {
        !code[i + direct.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    }) || code.match_indices("crate::{").any(|(i, _)| {
        let rest = &code[i + "crate::{".len()..];
        // The group's top level: stop at its closing brace.
        let mut depth = 1;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .map_or(rest.len(), |(j, _)| j);
        let mut depth = 0;
        let top: String = rest[..end]
            .chars()
            .filter(|&c| {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .collect();
        top.split(',').any(|item| {
            let item = item.trim();
            let first = item.split("::").next().unwrap_or("");
            words(first) && first.trim() == module
        })
    })
}

/// Every layering violation among `files` (path relative to the crate root, text).
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in files {
        let code = code(text);
        if CORE.iter().any(|c| path.starts_with(c)) {
            for module in ["commands", "cli"] {
                if imports(&code, module) {
                    out.push(format!("{path} imports crate::{module}"));
                }
            }
        }
        for (dir, module) in FORBIDDEN {
            if path.starts_with(dir) && imports(&code, module) {
                out.push(format!("{path} imports crate::{module}"));
            }
        }
        if !path.starts_with("src/db/") && code.contains(SSL_REQUEST) {
            out.push(format!("{path} writes PostgreSQL's SSLRequest bytes"));
        }
    }
    out
}

#[test]
fn the_core_does_not_import_the_layers_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    rust_files(&root.join("src"), &mut paths);
    assert!(paths.len() > 50, "found only {} files", paths.len());
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(p).unwrap())
        })
        .collect();
    let found = violations(&files);
    assert!(
        found.is_empty(),
        "layering broken (see ARCHITECTURE.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_each_kind_of_violation() {
    let file = |path: &str, text: &str| vec![(path.to_owned(), text.to_owned())];
    for text in [
        "use crate::commands::Context;",
        "use crate::{commands, error::Result};",
        "use crate::{error::Result, commands::Context};",
        "fn f(c: &crate::commands::Context) {}",
    ] {
        assert_eq!(violations(&file("src/db/mod.rs", text)).len(), 1, "{text}");
    }
    assert_eq!(
        violations(&file("src/repl/mod.rs", "use crate::cli::GlobalArgs;")).len(),
        1
    );
    assert_eq!(
        violations(&file("src/doctor.rs", "use crate::cli;")).len(),
        1
    );
    assert_eq!(
        violations(&file("src/db/x.rs", "use crate::config::Loaded;")).len(),
        1
    );
    assert_eq!(
        violations(&file(
            "src/repl/x.rs",
            "w(&[0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])"
        ))
        .len(),
        1
    );
    // Allowed: the command layer, doc comments, names that only start the same.
    for (path, text) in [
        ("src/commands/sql.rs", "use crate::commands::Context;"),
        ("src/db/mod.rs", "//! Called by [`crate::commands`]."),
        ("src/db/mod.rs", "use crate::commands_like::X;"),
        (
            "src/db/mod.rs",
            "use crate::{error::Result, output::{cli, commands}};",
        ),
        ("src/config.rs", "use crate::db::{Engine, SslMode};"),
        (
            "src/db/postgres.rs",
            "w(&[0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f])",
        ),
    ] {
        assert!(violations(&file(path, text)).is_empty(), "{path}: {text}");
    }
}
