//! `dbiam exec TARGET -- COMMAND [ARGS…]`: run any database client with a fresh IAM
//! token in its environment ([`crate::db::client_env`]), never on its command line. The
//! CA bundle goes into a private temporary directory removed afterwards; SIGINT, SIGTERM
//! and SIGHUP are forwarded; the child's exit status becomes dbiam's (a signal: 128+N).

use clap::ArgAction;
use std::ffi::OsString;

use super::Context;
use crate::db::client_env::{self, PrivateDir};
use crate::db::ConnectionArgs;
use crate::error::{Error, Result};

/// `dbiam exec` flags (`-h` is the host, as in `dbiam sql`; help is `--help`).
#[derive(Debug, clap::Args)]
#[command(disable_help_flag = true)]
pub struct Args {
    /// Where to connect: a target name, a URL, or the connection flags of `dbiam sql`.
    #[command(flatten)]
    pub conn: ConnectionArgs,
    /// Pass dbiam's AWS credential variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
    /// AWS_SESSION_TOKEN, …) on to the command; by default it gets only the database's.
    #[arg(long)]
    pub keep_aws_env: bool,
    /// The command to run and its arguments (after `--`).
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<OsString>,
    /// Name of the connection URL variable instead of DATABASE_URL (REDIS_URL for
    /// ElastiCache / MemoryDB), e.g. FLYWAY_URL.
    #[arg(long, value_name = "NAME")]
    pub url_var: Option<String>,
    /// Print help.
    #[arg(long, action = ArgAction::Help)]
    pub help: Option<bool>,
}

/// The variables holding AWS credentials, which the child does not get unless
/// `--keep-aws-env` is given: it needs the database's password, not the keys behind it.
pub const AWS_CREDENTIAL_VARS: [&str; 5] = [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_SECURITY_TOKEN",
    "AWS_CREDENTIAL_EXPIRATION",
];

/// Run `dbiam exec`. On success this does not return: the process exits with the
/// child's status once the temporary files are gone.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    if let Some(name) = &args.url_var {
        client_env::validate_var_name(name)?;
    }
    let (ctx, params) = ctx.connection(&args.conn).await?;
    let ctx = &ctx;
    let crate::db::Login {
        params, password, ..
    } = params.login(ctx).await?;
    let dir = PrivateDir::new()?;
    let files = client_env::write_files(&params, dir.path())?;
    let vars = client_env::vars(
        &params,
        password.as_ref(),
        &files.ca_file,
        files.mysql_home.as_deref(),
        args.url_var.as_deref(),
    )?;
    if let Some(hint) = client_env::mysql_hint(&params, &files.ca_file) {
        crate::debug!("{hint}");
    }
    let (program, rest) = args.command.split_first().ok_or_else(|| {
        Error::usage("no command given").with_hint("write dbiam exec TARGET -- COMMAND [ARGS…]")
    })?;
    let mut cmd = tokio::process::Command::new(program);
    cmd.args(rest);
    if !args.keep_aws_env {
        for k in AWS_CREDENTIAL_VARS {
            cmd.env_remove(k);
        }
    }
    for (k, v) in &vars {
        cmd.env(k, v.expose());
    }
    crate::debug!(
        "running {:?} with {}",
        program,
        vars.iter()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    // Listen before the child exists, so a signal sent once it runs is never lost.
    let signals = Signals::listen()?;
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.kind() == std::io::ErrorKind::NotFound {
                127
            } else {
                126
            };
            crate::error::print_error(format_args!(
                "cannot run {}: {e}",
                program.to_string_lossy()
            ));
            drop(dir);
            std::process::exit(code);
        }
    };
    let status = signals.wait_forwarding(&mut child).await?;
    drop(dir);
    std::process::exit(exit_code(status));
}

/// The shell's convention: the exit code, or 128 + the signal that killed the child.
fn exit_code(status: std::process::ExitStatus) -> i32 {
    if let Some(c) = status.code() {
        return c;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return 128 + sig;
        }
    }
    1
}

/// SIGINT, SIGTERM and SIGHUP, caught for forwarding.
#[cfg(unix)]
struct Signals {
    int: tokio::signal::unix::Signal,
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

#[cfg(unix)]
impl Signals {
    fn listen() -> Result<Self> {
        use tokio::signal::unix::{signal, SignalKind};
        let listen =
            |k: SignalKind| signal(k).map_err(|e| Error::io("cannot listen for signals", e));
        Ok(Signals {
            int: listen(SignalKind::interrupt())?,
            term: listen(SignalKind::terminate())?,
            hup: listen(SignalKind::hangup())?,
        })
    }

    /// Wait for the child, forwarding every caught signal to it.
    async fn wait_forwarding(
        mut self,
        child: &mut tokio::process::Child,
    ) -> Result<std::process::ExitStatus> {
        use nix::sys::signal::{kill, Signal};
        use nix::unistd::Pid;
        let pid = child
            .id()
            .and_then(|p| i32::try_from(p).ok())
            .map(Pid::from_raw);
        loop {
            let sig = tokio::select! {
                status = child.wait() => {
                    return status.map_err(|e| Error::io("cannot wait for the command", e));
                }
                _ = self.int.recv() => Signal::SIGINT,
                _ = self.term.recv() => Signal::SIGTERM,
                _ = self.hup.recv() => Signal::SIGHUP,
            };
            if let Some(pid) = pid {
                crate::debug!("forwarding {sig} to the command");
                let _ = kill(pid, sig);
            }
        }
    }
}

/// Elsewhere: no forwarding (the console delivers Ctrl-C to the child itself).
#[cfg(not(unix))]
struct Signals;

#[cfg(not(unix))]
impl Signals {
    fn listen() -> Result<Self> {
        Ok(Signals)
    }

    async fn wait_forwarding(
        self,
        child: &mut tokio::process::Child,
    ) -> Result<std::process::ExitStatus> {
        child
            .wait()
            .await
            .map_err(|e| Error::io("cannot wait for the command", e))
    }
}
