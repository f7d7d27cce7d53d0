//! The connection flags every database subcommand flattens in ([`ConnectionArgs`]).

use std::net::IpAddr;
use std::path::PathBuf;

use super::{redshift, Engine, SslMode};

/// Connection flags, flattened into every subcommand that talks to a database.
/// Values come from the flags, then a URL, then `PG*` variables, then defaults.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConnectionArgs {
    /// The database engine (default: from the URL scheme, the host name, or the port).
    #[arg(long, value_enum, value_name = "ENGINE")]
    pub engine: Option<Engine>,
    /// A connection URL: postgres://USER@HOST:PORT/DBNAME or mysql://… (no password with IAM).
    /// Or the name of a target from the config file (`dbiam targets list`).
    #[arg(value_name = "URL")]
    pub target: Option<String>,
    /// A connection URL (same as the positional URL).
    #[arg(long, value_name = "URL", conflicts_with = "target")]
    pub url: Option<String>,
    /// Database server host name [env: PGHOST].
    #[arg(short = 'h', long, value_name = "HOST")]
    pub host: Option<String>,
    /// Connect to this IP address instead of resolving --host; TLS still checks --host
    /// (as libpq's hostaddr; for SSH tunnels) [env: PGHOSTADDR].
    #[arg(long, value_name = "IP")]
    pub hostaddr: Option<IpAddr>,
    /// Database server port (default 5432; MySQL 3306, Redshift 5439) [env: PGPORT].
    #[arg(short = 'p', long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub port: Option<u16>,
    /// Database user name (default: the OS user) [env: PGUSER].
    #[arg(short = 'U', long, value_name = "USER")]
    pub username: Option<String>,
    /// Database name (default: the user name) [env: PGDATABASE].
    #[arg(short = 'd', long, value_name = "DBNAME")]
    pub dbname: Option<String>,
    /// Sign the IAM token for this host instead of --host (the RDS endpoint behind a
    /// tunnel, proxy or CNAME).
    #[arg(long, value_name = "HOST")]
    pub signing_host: Option<String>,
    /// Sign the IAM token for this port instead of --port.
    #[arg(long, value_name = "PORT", value_parser = clap::value_parser!(u16).range(1..))]
    pub signing_port: Option<u16>,
    /// Do not use IAM: the password comes from PGPASSWORD or a hidden prompt.
    #[arg(long)]
    pub no_iam: bool,
    /// TLS mode, as libpq (default verify-full) [env: PGSSLMODE].
    #[arg(long, value_enum, value_name = "MODE")]
    pub sslmode: Option<SslMode>,
    /// Also trust the CA certificates in this PEM file [env: PGSSLROOTCERT].
    #[arg(long, visible_alias = "ssl-ca", value_name = "FILE")]
    pub sslrootcert: Option<PathBuf>,
    /// Give up connecting after this many seconds (default 30) [env: PGCONNECT_TIMEOUT].
    #[arg(long, value_name = "SECONDS")]
    pub connect_timeout: Option<u64>,
    /// Redshift: where the temporary database credentials come from.
    #[command(flatten)]
    pub redshift: redshift::RedshiftArgs,
}
