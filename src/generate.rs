//! Shell completions and man pages, generated from the clap model: what `dbiam completions`
//! and `dbiam man` print, what the committed `completions/` and `man/` hold (checked by
//! `tests/generated.rs`), and what the Debian package and release archives install.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The shells `dbiam completions` supports, with the file name each script is committed
/// and installed under (what each shell looks for).
pub const SHELLS: [(Shell, &str); 5] = [
    (Shell::Bash, "dbiam.bash"),
    (Shell::Zsh, "_dbiam"),
    (Shell::Fish, "dbiam.fish"),
    (Shell::PowerShell, "_dbiam.ps1"),
    (Shell::Elvish, "dbiam.elv"),
];

/// The whole command tree, built (global flags propagated) and without the build's git
/// commit and target, so that generated files change only when the interface does.
fn model() -> clap::Command {
    let mut cmd = Cli::command().long_version(None::<&str>);
    cmd.build();
    cmd
}

/// The completion script for `shell`.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut model(), "dbiam", &mut buf);
    buf
}

/// One man page: its file name (`dbiam-token.1`) and its roff source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManPage {
    /// File name, e.g. `dbiam-setup-enable.1`.
    pub file_name: String,
    /// The page in roff.
    pub content: Vec<u8>,
}

/// `dbiam.1`, then one page per subcommand, depth first (`dbiam-token.1`,
/// `dbiam-token-inspect.1`, `dbiam-setup-enable.1`, …).
pub fn man_pages() -> std::io::Result<Vec<ManPage>> {
    let mut pages = Vec::new();
    add_pages(&model(), "dbiam", &mut pages)?;
    Ok(pages)
}

fn add_pages(cmd: &clap::Command, name: &str, pages: &mut Vec<ManPage>) -> std::io::Result<()> {
    let page = cmd
        .clone()
        .long_version(None::<&str>)
        .name(name.to_owned())
        .bin_name(name.replace('-', " "));
    let mut content = Vec::new();
    clap_mangen::Man::new(page).render(&mut content)?;
    pages.push(ManPage {
        file_name: format!("{name}.1"),
        content,
    });
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        add_pages(sub, &format!("{name}-{}", sub.get_name()), pages)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shell_has_a_script() {
        for (shell, _) in SHELLS {
            let script = String::from_utf8(completion(shell)).unwrap();
            assert!(script.contains("connect"), "{shell}");
        }
    }

    #[test]
    fn man_pages_cover_subcommands_and_carry_no_commit() {
        let pages = man_pages().unwrap();
        assert_eq!(pages[0].file_name, "dbiam.1");
        for name in ["dbiam-token.1", "dbiam-setup-enable.1", "dbiam-man.1"] {
            assert!(pages.iter().any(|p| p.file_name == name), "{name}");
        }
        let top = String::from_utf8(pages[0].content.clone()).unwrap();
        assert!(top.contains(env!("CARGO_PKG_VERSION")));
        assert!(!top.contains(env!("DBIAM_BUILD_TARGET")), "{top}");
    }
}
