//! dbiam: AWS IAM database authentication as easy as `psql`.
//!
//! One credential core ([`aws`]), one token signer ([`token`]), one output layer
//! ([`output`]), and one module per subcommand ([`commands`]). `main.rs` only calls
//! [`main_entry`].

pub mod aws;
pub mod cli;
pub mod commands;
pub mod config;
pub mod db;
pub mod discover;
pub mod doctor;
pub mod dynamo;
pub mod error;
pub mod files;
pub mod generate;
pub mod log;
pub mod output;
pub mod proxy;
pub mod repl;
pub mod secret;
pub mod setup;
pub mod sql;
pub mod token;

use clap::Parser;
use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::commands::Context;
use crate::error::Result;

/// Run a parsed command line.
pub async fn run(cli: Cli) -> Result<()> {
    // Generated from the clap model alone: no config file, no AWS.
    let command = match cli.command {
        Command::Completions(args) => return commands::completions::run(args),
        Command::Man(args) => return commands::man::run(args),
        command => command,
    };
    let ctx = Context::new(&cli.global)?;
    match command {
        Command::Login(args) => commands::login::run(args, &ctx).await,
        Command::Logout(args) => commands::logout::run(args, &ctx).await,
        Command::Token(args) => commands::token::run(args, &ctx).await,
        Command::Discover(args) => commands::discover::run(args, &ctx).await,
        Command::Sql(args) => commands::sql::run(args, &ctx).await,
        Command::Connect(args) => commands::connect::run(args, &ctx).await,
        Command::Dynamo(args) => commands::dynamo::run(args, &ctx).await,
        Command::Targets(args) => commands::targets::run(args, &ctx).await,
        Command::Exec(args) => commands::exec::run(args, &ctx).await,
        Command::Env(args) => commands::env::run(args, &ctx).await,
        Command::Doctor(args) => commands::doctor::run(args, &ctx).await,
        Command::Setup(args) => commands::setup::run(args, &ctx).await,
        Command::Proxy(args) => commands::proxy::run(args, &ctx).await,
        Command::Completions(args) => commands::completions::run(args),
        Command::Man(args) => commands::man::run(args),
    }
}

/// Parse the command line, run it, print an error once, and pick the exit code.
pub fn main_entry() -> ExitCode {
    secret::protect_process();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    log::set_debug(cli.global.debug);
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    // One thread serves every command, the proxy too: its sessions spend their time
    // waiting on sockets, and on one thread a relayed message wakes no other worker
    // (no futex wake-ups, work stealing or cross-thread hand-offs), which cut the
    // proxy's CPU per relayed transaction by about a fifth (scripts/bench-proxy).
    let mut builder = tokio::runtime::Builder::new_current_thread();
    let runtime = match builder.enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            crate::error::print_error(format_args!("cannot start the async runtime: {e}"));
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) if e.is_reported() => ExitCode::from(e.exit_code().code()),
        Err(e) => {
            crate::error::print_error(&e);
            ExitCode::from(e.exit_code().code())
        }
    }
}
