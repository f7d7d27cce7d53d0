//! `dbiam completions SHELL`: print the shell's completion script, generated from the clap model.

use std::io::Write;

use clap_complete::Shell;

use crate::error::{Error, Result};

/// `dbiam completions` flags.
#[derive(Debug, clap::Args)]
#[command(after_long_help = "\
Install (the file names the shells look for):
  bash:        dbiam completions bash > ~/.local/share/bash-completion/completions/dbiam
  zsh:         dbiam completions zsh > ~/.zfunc/_dbiam   (fpath+=(~/.zfunc) before compinit)
  fish:        dbiam completions fish > ~/.config/fish/completions/dbiam.fish
  PowerShell:  dbiam completions powershell | Out-String | Invoke-Expression   (in $PROFILE)
  elvish:      eval (dbiam completions elvish | slurp)   (in rc.elv)")]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// Run `dbiam completions`: the script goes to stdout.
pub fn run(args: Args) -> Result<()> {
    let script = crate::generate::completion(args.shell);
    let mut out = std::io::stdout().lock();
    out.write_all(&script)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("cannot write the completion script", e))
}
