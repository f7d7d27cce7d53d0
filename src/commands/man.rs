//! `dbiam man [DIR]`: the man pages, generated from the clap model: `dbiam.1` on stdout,
//! or every page (`dbiam.1`, `dbiam-token.1`, …) written into DIR.

use std::io::Write;
use std::path::PathBuf;

use crate::error::{Error, Result};

/// `dbiam man` flags.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Examples:
  dbiam man | man -l -                     read the main page without installing it
  dbiam man ~/.local/share/man/man1        install every page for `man dbiam-connect`")]
pub struct Args {
    /// Write every page into this directory (created if missing; pages of the same name
    /// are replaced). Without it, `dbiam.1` is printed on stdout.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Run `dbiam man`.
pub fn run(args: Args) -> Result<()> {
    let pages =
        crate::generate::man_pages().map_err(|e| Error::io("cannot render the man pages", e))?;
    let Some(dir) = args.dir else {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(&pages[0].content)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("cannot write the man page", e));
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    for page in &pages {
        let path = dir.join(&page.file_name);
        std::fs::write(&path, &page.content)
            .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
    }
    Ok(())
}
