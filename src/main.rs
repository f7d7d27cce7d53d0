//! The `dbiam` binary: parse the command line, run it, print any error once, exit.

use std::process::ExitCode;

fn main() -> ExitCode {
    dbiam::main_entry()
}
