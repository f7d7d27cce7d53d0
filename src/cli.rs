//! The clap model: global flags shared by every subcommand, and the subcommands.

use clap::{Args, Parser, Subcommand};

use crate::commands;
use crate::output::{ColorChoice, Format};

/// What `dbiam --version` prints after the name: the version, the git commit it was built
/// from and the target (set by `build.rs`; `unknown` when the source had no commit).
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("DBIAM_BUILD_COMMIT"),
    ", ",
    env!("DBIAM_BUILD_TARGET"),
    ")"
);

/// AWS IAM database authentication as easy as psql.
#[derive(Debug, Parser)]
#[command(
    name = "dbiam",
    version,
    long_version = LONG_VERSION,
    about,
    long_about = None,
    propagate_version = true,
    after_long_help = "\
Every subcommand has its own --help and man page (man dbiam-connect). The full reference,
with examples, is in docs/ of the source and of the release archives, and in
/usr/share/doc/dbiam/docs/ with the Debian package."
)]
pub struct Cli {
    /// Flags every subcommand takes.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags shared by every subcommand.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// AWS profile from the shared config files (overrides environment keys).
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile, or the host name).
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// Send AWS API calls to this endpoint instead of AWS's (AWS_ENDPOINT_URL works too).
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// Output format.
    #[arg(long, short = 'o', global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<Format>,
    /// When to use colour (NO_COLOR is honoured with `auto`).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print diagnostics on stderr (secrets are always redacted).
    #[arg(long, global = true)]
    pub debug: bool,
    /// Sign tokens as of this instant instead of now (RFC 3339 or YYYYMMDDTHHMMSSZ).
    #[arg(long, global = true, value_name = "TIME")]
    pub signing_time: Option<String>,
    /// Refuse credentials of any other AWS account (comma-separated 12-digit ids).
    #[arg(
        long,
        global = true,
        env = "DBIAM_ALLOWED_ACCOUNTS",
        value_name = "IDS"
    )]
    pub allowed_accounts: Option<String>,
    /// Seconds to wait for a connection to an AWS endpoint (default 10).
    #[arg(
        long,
        global = true,
        env = "DBIAM_AWS_CONNECT_TIMEOUT",
        value_name = "SECS",
        value_parser = clap::value_parser!(u64).range(1..=86_400)
    )]
    pub aws_connect_timeout: Option<u64>,
    /// Seconds to wait for each AWS API call attempt (default 60; all retries: 3 times that).
    #[arg(
        long,
        global = true,
        env = "DBIAM_AWS_TIMEOUT",
        value_name = "SECS",
        value_parser = clap::value_parser!(u64).range(1..=86_400)
    )]
    pub aws_timeout: Option<u64>,
    /// Do not name IAM logins `dbiam/VERSION (PRINCIPAL)` in the database's
    /// application_name / program_name (config: `audit_tag = false`).
    #[arg(long, global = true)]
    pub no_audit_tag: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Verify AWS credentials and cache a temporary session for later commands.
    Login(commands::login::Args),
    /// Remove cached `dbiam login` sessions.
    Logout(commands::logout::Args),
    /// Mint an RDS/Aurora, Aurora DSQL, ElastiCache or MemoryDB IAM auth token, or inspect one.
    Token(commands::token::Args),
    /// List IAM-capable databases (RDS, Aurora, proxies, Redshift, DocumentDB, DynamoDB) across regions.
    Discover(commands::discover::Args),
    /// Run SQL on PostgreSQL, MySQL, Redshift or DSQL with IAM auth over verified TLS (like psql -f/-c).
    Sql(commands::sql::Args),
    /// An interactive SQL shell that stays logged in (IAM token refreshed on reconnect).
    Connect(commands::connect::Args),
    /// DynamoDB tables and items in plain JSON: get, put, delete, query, scan, PartiQL.
    Dynamo(commands::dynamo::Args),
    /// Named connections in the config file: list, show, add, remove.
    Targets(commands::targets::Args),
    /// Run a command (psql, pg_dump, mysql, …) with a fresh IAM token in its environment.
    Exec(commands::exec::Args),
    /// Print the variables `dbiam exec` sets, as lines for `eval`.
    Env(commands::env::Args),
    /// Check everything IAM database login needs, with a fix for each failure.
    Doctor(commands::doctor::Args),
    /// Switch IAM database authentication on: `setup enable`, `setup policy`, `setup user`.
    Setup(commands::setup::Args),
    /// A local proxy so any client (DBeaver, DataGrip, psql, JDBC pools) logs in with IAM without knowing it.
    Proxy(commands::proxy::Args),
    /// Print the shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(commands::completions::Args),
    /// Print the man page, or write every page into a directory.
    Man(commands::man::Args),
}
