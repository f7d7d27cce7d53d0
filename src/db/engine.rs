//! Which database engine a connection is for (`--engine`, or inferred from the URL
//! scheme, the host name, or an unambiguous port), each engine's defaults, and
//! [`AnyDriver`]: the one connected driver `sql` and `connect` talk to whatever the engine.

use super::mysql::MySql;
use super::postgres::Postgres;
use super::tls::Peer;
use super::{
    Canceller, ConnParams, ConnectionArgs, Driver, EnvLookup, ExecError, Outcome, UrlParts,
};
use crate::aws::Signer;
use crate::error::Result;
use crate::output::results::ResultSink;
use crate::secret::Secret;
use crate::sql::split::Dialect;

/// A database engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Engine {
    /// PostgreSQL, RDS and Aurora PostgreSQL (an RDS IAM token).
    #[default]
    Postgres,
    /// MySQL, MariaDB, RDS and Aurora MySQL (an RDS IAM token, sent over TLS only).
    #[value(name = "mysql", alias = "mariadb")]
    MySql,
    /// Amazon Redshift, provisioned or serverless (temporary credentials from the Redshift APIs).
    Redshift,
    /// Amazon Aurora DSQL (a DSQL token).
    Dsql,
    /// ElastiCache or MemoryDB (Valkey / Redis OSS) with an IAM user: a token for
    /// `dbiam exec`, `dbiam env` and `dbiam token` (dbiam has no Redis shell).
    Redis,
}

/// Which service an ElastiCache / MemoryDB (`engine = "redis"`) target's tokens are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CacheKind {
    /// An ElastiCache replication group (or single-node cluster).
    Elasticache,
    /// An ElastiCache serverless cache.
    ElasticacheServerless,
    /// A MemoryDB cluster.
    Memorydb,
}

impl CacheKind {
    /// The signer's view of it.
    pub fn service(self) -> crate::token::CacheService {
        use crate::token::CacheService;
        match self {
            CacheKind::Elasticache => CacheService::ElastiCache { serverless: false },
            CacheKind::ElasticacheServerless => CacheService::ElastiCache { serverless: true },
            CacheKind::Memorydb => CacheService::MemoryDb,
        }
    }
}

impl Engine {
    /// The name it goes by on the command line and in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Postgres => "postgres",
            Engine::MySql => "mysql",
            Engine::Redshift => "redshift",
            Engine::Dsql => "dsql",
            Engine::Redis => "redis",
        }
    }

    /// The port used when none is given.
    pub fn default_port(self) -> u16 {
        match self {
            Engine::Postgres | Engine::Dsql => 5432,
            Engine::MySql => 3306,
            Engine::Redshift => 5439,
            Engine::Redis => 6379,
        }
    }

    /// Whether the engine's AWS endpoints present certificates from public CAs (Redshift,
    /// DSQL) rather than the RDS CAs.
    pub fn uses_public_ca(self) -> bool {
        matches!(self, Engine::Redshift | Engine::Dsql)
    }

    /// The name of the environment variable this engine reads in place of libpq's `name`
    /// (`None`: the engine's clients have no such variable). PostgreSQL-protocol engines
    /// read the `PG*` variables; MySQL reads `MYSQL_HOST`, `MYSQL_TCP_PORT` and `MYSQL_PWD`.
    pub fn env_name(self, name: &str) -> Option<&str> {
        match self {
            Engine::Postgres | Engine::Redshift | Engine::Dsql => Some(name),
            Engine::Redis => (name == "USER").then_some(name),
            Engine::MySql => match name {
                "PGHOST" => Some("MYSQL_HOST"),
                "PGPORT" => Some("MYSQL_TCP_PORT"),
                "PGPASSWORD" => Some("MYSQL_PWD"),
                "USER" => Some("USER"),
                _ => None,
            },
        }
    }

    /// What to say when no host is given.
    pub fn host_hint(self) -> &'static str {
        match self {
            Engine::MySql => "pass -h HOST, a mysql:// URL, or set MYSQL_HOST",
            _ => "pass -h HOST, a postgres:// URL, or set PGHOST",
        }
    }

    /// The engine a host name names, if it is an AWS endpoint that says so.
    pub fn from_host(host: &str) -> Option<Engine> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        if host.ends_with(".redshift.amazonaws.com")
            || host.ends_with(".redshift-serverless.amazonaws.com")
            || host.ends_with(".redshift.amazonaws.com.cn")
            || host.ends_with(".redshift-serverless.amazonaws.com.cn")
        {
            return Some(Engine::Redshift);
        }
        let labels: Vec<&str> = host.split('.').collect();
        let n = labels.len();
        if host.ends_with(".on.aws") && n >= 4 && labels[n - 4] == "dsql" {
            return Some(Engine::Dsql);
        }
        None
    }

    /// The engine an unambiguous port implies (3306 MySQL, 5439 Redshift).
    pub fn from_port(port: u16) -> Option<Engine> {
        match port {
            3306 => Some(Engine::MySql),
            5439 => Some(Engine::Redshift),
            _ => None,
        }
    }
}

/// Split a connection URL into the engine its scheme names (`None` for PostgreSQL's)
/// and the rest after `://`; `None` for an unknown scheme.
pub fn split_scheme(url: &str) -> Option<(Option<Engine>, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let engine = match scheme.to_ascii_lowercase().as_str() {
        "postgres" | "postgresql" => None,
        "mysql" | "mariadb" => Some(Engine::MySql),
        "redshift" => Some(Engine::Redshift),
        "dsql" => Some(Engine::Dsql),
        "redis" | "rediss" | "valkey" | "valkeys" => Some(Engine::Redis),
        _ => return None,
    };
    Some((engine, rest))
}

/// The engine: `--engine`, the URL scheme, the host name, the port (flag, URL, `PGPORT`,
/// `MYSQL_TCP_PORT`) when unambiguous, else PostgreSQL.
pub fn infer(args: &ConnectionArgs, url: &UrlParts, env: EnvLookup<'_>) -> Engine {
    if let Some(e) = args.engine.or(url.engine) {
        return e;
    }
    let host = args
        .host
        .clone()
        .or_else(|| url.host.clone())
        .or_else(|| env("PGHOST"))
        .or_else(|| env("MYSQL_HOST"));
    if let Some(e) = host.as_deref().and_then(Engine::from_host) {
        return e;
    }
    if args.redshift.is_used() {
        return Engine::Redshift;
    }
    let port = args.port.or(url.port).or_else(|| {
        env("PGPORT")
            .or_else(|| env("MYSQL_TCP_PORT"))
            .and_then(|p| p.parse().ok())
    });
    port.and_then(Engine::from_port).unwrap_or_default()
}

/// A connected driver of any engine.
#[derive(Debug)]
pub enum AnyDriver {
    /// PostgreSQL, Redshift and DSQL (the PostgreSQL protocol).
    Postgres(Postgres),
    /// MySQL and MariaDB.
    MySql(MySql),
}

impl AnyDriver {
    /// Get the credentials for `params` (an IAM token, Redshift's temporary credentials,
    /// or a password) and connect with the engine's driver.
    pub async fn connect(params: &ConnParams, ctx: &dyn Signer) -> Result<AnyDriver> {
        let crate::db::Login {
            params, password, ..
        } = params.login(ctx).await?;
        AnyDriver::open(&params, password).await
    }

    /// Connect with the engine's driver and this password (from a [`crate::db::Login`]).
    pub async fn open(params: &ConnParams, password: Option<Secret>) -> Result<AnyDriver> {
        match params.engine {
            Engine::MySql => Ok(AnyDriver::MySql(MySql::connect(params, password).await?)),
            Engine::Postgres | Engine::Redshift | Engine::Dsql => Ok(AnyDriver::Postgres(
                Postgres::connect(params, password).await?,
            )),
            Engine::Redis => Err(super::redis_has_no_shell()),
        }
    }
}

impl Driver for AnyDriver {
    async fn is_closed(&mut self) -> bool {
        match self {
            AnyDriver::Postgres(d) => d.is_closed().await,
            AnyDriver::MySql(d) => d.is_closed().await,
        }
    }

    async fn tls_info(&mut self, params: &ConnParams) -> Result<Option<Peer>> {
        match self {
            AnyDriver::Postgres(d) => d.tls_info(params).await,
            AnyDriver::MySql(d) => d.tls_info(params).await,
        }
    }

    async fn execute(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<(), ExecError> {
        match self {
            AnyDriver::Postgres(d) => d.execute(sql, sink).await,
            AnyDriver::MySql(d) => d.execute(sql, sink).await,
        }
    }

    async fn run(&mut self, sql: &str, sink: &mut dyn ResultSink) -> Result<Outcome, ExecError> {
        match self {
            AnyDriver::Postgres(d) => d.run(sql, sink).await,
            AnyDriver::MySql(d) => d.run(sql, sink).await,
        }
    }

    fn canceller(&self) -> Box<dyn Canceller> {
        match self {
            AnyDriver::Postgres(d) => d.canceller(),
            AnyDriver::MySql(d) => d.canceller(),
        }
    }

    fn dialect(&self) -> Dialect {
        match self {
            AnyDriver::Postgres(d) => d.dialect(),
            AnyDriver::MySql(d) => d.dialect(),
        }
    }

    fn standard_conforming_strings(&self) -> bool {
        match self {
            AnyDriver::Postgres(d) => d.standard_conforming_strings(),
            AnyDriver::MySql(d) => d.standard_conforming_strings(),
        }
    }

    async fn copy_start(&mut self, sql: &str) -> Result<(), ExecError> {
        match self {
            AnyDriver::Postgres(d) => d.copy_start(sql).await,
            AnyDriver::MySql(d) => d.copy_start(sql).await,
        }
    }

    async fn copy_data(&mut self, data: Vec<u8>) -> Result<(), ExecError> {
        match self {
            AnyDriver::Postgres(d) => d.copy_data(data).await,
            AnyDriver::MySql(d) => d.copy_data(data).await,
        }
    }

    async fn copy_end(&mut self, sink: &mut dyn ResultSink) -> Result<(), ExecError> {
        match self {
            AnyDriver::Postgres(d) => d.copy_end(sink).await,
            AnyDriver::MySql(d) => d.copy_end(sink).await,
        }
    }

    fn copy_abort(&mut self) {
        match self {
            AnyDriver::Postgres(d) => d.copy_abort(),
            AnyDriver::MySql(d) => d.copy_abort(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infer_from(args: &ConnectionArgs, env: &[(&str, &str)]) -> Engine {
        let url = match args.target.as_deref() {
            Some(u) => super::super::parse_url(u).unwrap(),
            None => UrlParts::default(),
        };
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        infer(args, &url, &|k| {
            env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
        })
    }

    #[test]
    fn engine_from_flag_scheme_host_and_port() {
        let host = |h: &str| ConnectionArgs {
            host: Some(h.into()),
            ..Default::default()
        };
        assert_eq!(
            infer_from(&host("db.abc.eu-west-1.rds.amazonaws.com"), &[]),
            Engine::Postgres
        );
        assert_eq!(
            infer_from(&host("c1.abc123.eu-west-1.redshift.amazonaws.com"), &[]),
            Engine::Redshift
        );
        assert_eq!(
            infer_from(
                &host("wg.123456789012.us-east-1.redshift-serverless.amazonaws.com"),
                &[]
            ),
            Engine::Redshift
        );
        assert_eq!(
            infer_from(
                &host("abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws"),
                &[]
            ),
            Engine::Dsql
        );
        let url = |u: &str| ConnectionArgs {
            target: Some(u.into()),
            ..Default::default()
        };
        assert_eq!(infer_from(&url("mysql://u@h/d"), &[]), Engine::MySql);
        assert_eq!(infer_from(&url("mariadb://u@h/d"), &[]), Engine::MySql);
        assert_eq!(
            infer_from(&url("postgres://u@h:3306/d"), &[]),
            Engine::MySql
        );
        assert_eq!(infer_from(&url("postgres://u@h/d"), &[]), Engine::Postgres);
        assert_eq!(
            infer_from(&host("h"), &[("PGPORT", "5439")]),
            Engine::Redshift
        );
        let args = ConnectionArgs {
            engine: Some(Engine::Postgres),
            port: Some(3306),
            ..host("h")
        };
        assert_eq!(infer_from(&args, &[]), Engine::Postgres);
    }

    #[test]
    fn engine_defaults() {
        let resolve = |args: ConnectionArgs| {
            args.resolve_with(5432, &|k| (k == "USER").then(|| "os".to_owned()))
                .unwrap()
        };
        let p = resolve(ConnectionArgs {
            target: Some("mysql://app@h".into()),
            ..Default::default()
        });
        assert_eq!(
            (p.engine, p.port, p.dbname.as_str()),
            (Engine::MySql, 3306, "")
        );
        let p = resolve(ConnectionArgs {
            host: Some("abc.dsql.eu-west-1.on.aws".into()),
            ..Default::default()
        });
        assert_eq!(
            (p.engine, p.port, p.user.as_str(), p.dbname.as_str()),
            (Engine::Dsql, 5432, "admin", "postgres")
        );
        let p = resolve(ConnectionArgs {
            host: Some("c1.abc.eu-west-1.redshift.amazonaws.com".into()),
            ..Default::default()
        });
        assert_eq!(
            (p.engine, p.port, p.dbname.as_str()),
            (Engine::Redshift, 5439, "dev")
        );
    }

    #[test]
    fn mysql_reads_mysql_variables_only() {
        assert_eq!(Engine::MySql.env_name("PGHOST"), Some("MYSQL_HOST"));
        assert_eq!(Engine::MySql.env_name("PGSSLMODE"), None);
        assert_eq!(Engine::MySql.env_name("PGDATABASE"), None);
        assert_eq!(Engine::Redshift.env_name("PGHOST"), Some("PGHOST"));
    }
}
