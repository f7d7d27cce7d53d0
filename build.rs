//! Build script: tells the crate which git commit it is built from and for which target
//! (`dbiam --version`), as `DBIAM_BUILD_COMMIT` and `DBIAM_BUILD_TARGET`.
//!
//! The commit comes from, in order: the `DBIAM_BUILD_COMMIT` environment variable (for
//! packagers), the git checkout this crate is the top of, the `.cargo_vcs_info.json` that
//! `cargo package` writes into a crate, the `.git-commit` file that `git archive` fills in
//! (`export-subst`), else `unknown`. The script runs again only when the checkout's HEAD or
//! the branch it points to moves, not on every build.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=DBIAM_BUILD_COMMIT");
    let commit = std::env::var("DBIAM_BUILD_COMMIT")
        .ok()
        .filter(|c| is_commit(c))
        .or_else(|| from_git(&dir))
        .or_else(|| from_vcs_info(&dir))
        .or_else(|| from_export_subst(&dir))
        .map(|c| c.chars().take(12).collect::<String>())
        .unwrap_or_else(|| "unknown".to_owned());
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".to_owned());
    println!("cargo:rustc-env=DBIAM_BUILD_COMMIT={commit}");
    println!("cargo:rustc-env=DBIAM_BUILD_TARGET={target}");
}

fn is_commit(s: &str) -> bool {
    (7..=40).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", &format!("safe.directory={}", dir.display())])
        .args(args)
        .output()
        .ok()?;
    out.status.success().then_some(())?;
    Some(String::from_utf8(out.stdout).ok()?.trim().to_owned())
}

/// HEAD of the checkout whose top is `dir` (not of a repository around an unpacked tarball),
/// and the files to watch so that a new commit or a checkout reruns this script.
fn from_git(dir: &Path) -> Option<String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if Path::new(&top).canonicalize().ok()? != dir.canonicalize().ok()? {
        return None;
    }
    let commit = git(dir, &["rev-parse", "HEAD"]).filter(|c| is_commit(c))?;
    let abs = |p: String| {
        let p = PathBuf::from(p);
        if p.is_absolute() {
            p
        } else {
            dir.join(p)
        }
    };
    let git_dir = abs(git(dir, &["rev-parse", "--git-dir"])?);
    let common = abs(git(dir, &["rev-parse", "--git-common-dir"])?);
    let mut watch = vec![git_dir.join("HEAD"), common.join("packed-refs")];
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        watch.push(common.join(branch));
    }
    // A path that does not exist would make cargo run this script on every build.
    for path in watch.into_iter().filter(|p| p.exists()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    Some(commit)
}

/// `{"git": {"sha1": "…"}, …}` in a crate made by `cargo package`.
fn from_vcs_info(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(".cargo_vcs_info.json")).ok()?;
    let rest = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let rest = &rest[rest.find('"')? + 1..];
    let sha = &rest[..rest.find('"')?];
    is_commit(sha).then(|| sha.to_owned())
}

/// `.git-commit` holds `$Format:%H$`, which `git archive` replaces with the commit.
fn from_export_subst(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(".git-commit")).ok()?;
    let sha = text.trim();
    is_commit(sha).then(|| sha.to_owned())
}
