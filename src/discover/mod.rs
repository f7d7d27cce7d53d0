//! Discovery of IAM-capable databases (and ElastiCache / MemoryDB caches): the [`Resource`] row every service maps to,
//! the [`Service`] list, the built-in region lists for `--all-regions`, the filters,
//! and [`discover`], which runs every (region × service) job concurrently and
//! collects the rows that could be read next to the jobs that failed.
//!
//! One function per service lives in [`services`]; each takes an SDK configuration
//! for one region and returns all of that service's resources there (full pagination).

pub mod services;

use aws_config::Region;
use futures_util::stream::{self, StreamExt};
use serde_json::{json, Value};
use std::fmt;
use std::str::FromStr;

use crate::aws::Aws;
use crate::error::{Error, Kind, Result};

/// How many (region × service) jobs run at once: enough for `--all-regions` with every
/// service in the `aws` partition (17 × 11 = 187 jobs at most; fewer, as DSQL and MemoryDB
/// are not offered everywhere) to run in one wave, so the whole run takes about as long as
/// its slowest job. A job makes one call at a time (pages
/// come in sequence; DynamoDB's DescribeTable calls, up to 8 at once, are the
/// exception), and one regional endpoint sees at most four jobs (rds, aurora, proxy and
/// docdb share the RDS API), far below AWS's request rates; the bound caps local sockets.
pub const CONCURRENCY: usize = 192;

/// A service `dbiam discover` knows, in the documented (and sorting) order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Service {
    /// RDS DB instances (DescribeDBInstances), Aurora cluster members included.
    Rds,
    /// Aurora and Multi-AZ DB clusters (DescribeDBClusters).
    Aurora,
    /// RDS Proxies (DescribeDBProxies).
    Proxy,
    /// Redshift provisioned clusters (DescribeClusters).
    Redshift,
    /// Redshift Serverless workgroups (ListWorkgroups).
    RedshiftServerless,
    /// DocumentDB clusters (DocDB DescribeDBClusters, engine `docdb` only).
    Docdb,
    /// Aurora DSQL clusters (ListClusters, then GetCluster).
    Dsql,
    /// DynamoDB tables (ListTables, then DescribeTable for the status).
    Dynamodb,
    /// ElastiCache (Valkey / Redis OSS) replication groups (DescribeReplicationGroups).
    Elasticache,
    /// ElastiCache serverless caches (DescribeServerlessCaches).
    ElasticacheServerless,
    /// MemoryDB clusters (DescribeClusters).
    Memorydb,
}

impl Service {
    /// Every service, in order.
    pub const ALL: [Service; 11] = [
        Service::Rds,
        Service::Aurora,
        Service::Proxy,
        Service::Redshift,
        Service::RedshiftServerless,
        Service::Docdb,
        Service::Dsql,
        Service::Dynamodb,
        Service::Elasticache,
        Service::ElasticacheServerless,
        Service::Memorydb,
    ];

    /// The name used in `--services` and in the `service` key.
    pub fn name(self) -> &'static str {
        match self {
            Service::Rds => "rds",
            Service::Aurora => "aurora",
            Service::Proxy => "proxy",
            Service::Redshift => "redshift",
            Service::RedshiftServerless => "redshift-serverless",
            Service::Docdb => "docdb",
            Service::Dsql => "dsql",
            Service::Dynamodb => "dynamodb",
            Service::Elasticache => "elasticache",
            Service::ElasticacheServerless => "elasticache-serverless",
            Service::Memorydb => "memorydb",
        }
    }

    /// Whether AWS offers the service in `region` (built-in lists for DSQL and MemoryDB,
    /// which are not in every region; every other service is). The default service set
    /// skips the others; naming the service in `--services` queries every region.
    pub fn offered_in(self, region: &str) -> bool {
        match self {
            Service::Dsql => DSQL_REGIONS.contains(&region),
            Service::Memorydb => MEMORYDB_REGIONS.contains(&region),
            _ => true,
        }
    }

    fn names() -> String {
        Service::ALL.map(Service::name).join(", ")
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Service {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let s = s.trim().to_ascii_lowercase();
        Service::ALL
            .into_iter()
            .find(|v| v.name() == s)
            .ok_or_else(|| {
                Error::usage(format!("unknown service '{}'", s.escape_debug())).with_hint(format!(
                    "--services takes a comma list of {}",
                    Service::names()
                ))
            })
    }
}

/// Parse `--services a,b,c` (duplicates dropped, order kept).
pub fn parse_services(list: &str) -> Result<Vec<Service>> {
    let mut out = Vec::new();
    for part in list.split(',').filter(|p| !p.trim().is_empty()) {
        let s: Service = part.parse()?;
        if !out.contains(&s) {
            out.push(s);
        }
    }
    if out.is_empty() {
        return Err(Error::usage("--services is empty")
            .with_hint(format!("give a comma list of {}", Service::names())));
    }
    Ok(out)
}

/// Whether IAM database authentication is usable on a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IamAuth {
    /// Switched on (passwords work too).
    Enabled,
    /// Switched off.
    Disabled,
    /// RDS Proxy: clients must use IAM.
    Required,
    /// Built in, no switch: Redshift, Redshift Serverless, DynamoDB.
    Always,
    /// Not applicable: DocumentDB (IAM works there through MONGODB-AWS, not RDS tokens).
    NotApplicable,
    /// ElastiCache / MemoryDB: no IAM user is attached, but one could be (TLS is on).
    Possible,
}

impl IamAuth {
    /// The value of the `iam_auth` key.
    pub fn as_str(self) -> &'static str {
        match self {
            IamAuth::Enabled => "enabled",
            IamAuth::Disabled => "disabled",
            IamAuth::Required => "required",
            IamAuth::Always => "always",
            IamAuth::NotApplicable => "n/a",
            IamAuth::Possible => "possible",
        }
    }

    /// Whether IAM credentials can open a connection (`--iam-only` keeps these).
    pub fn usable(self) -> bool {
        matches!(self, IamAuth::Enabled | IamAuth::Required | IamAuth::Always)
    }

    fn from_flag(on: Option<bool>) -> Self {
        if on == Some(true) {
            IamAuth::Enabled
        } else {
            IamAuth::Disabled
        }
    }
}

/// One discovered resource: one row of `dbiam discover`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// Which service it came from.
    pub service: Service,
    /// The region it lives in.
    pub region: String,
    /// Its identifier (instance, cluster, proxy, workgroup or table name).
    pub id: String,
    /// The engine as AWS names it (`postgres`, `aurora-mysql`, `redshift`, `docdb`, …).
    pub engine: String,
    /// The engine version, when AWS reports one.
    pub engine_version: Option<String>,
    /// Host name to connect to (the writer endpoint for clusters).
    pub endpoint: Option<String>,
    /// A cluster's reader endpoint.
    pub reader_endpoint: Option<String>,
    /// Port to connect to.
    pub port: Option<u16>,
    /// IAM authentication.
    pub iam_auth: IamAuth,
    /// Status as AWS reports it (`available`, `ACTIVE`, …).
    pub status: Option<String>,
    /// The default database name, when AWS reports one.
    pub database: Option<String>,
    /// ElastiCache / MemoryDB: an IAM user attached to it (the first by name).
    pub user: Option<String>,
}

/// The JSON keys of a row, in order (documented in the README; stable).
pub const COLUMNS: [&str; 11] = [
    "service",
    "region",
    "id",
    "engine",
    "engine_version",
    "endpoint",
    "reader_endpoint",
    "port",
    "iam_auth",
    "status",
    "connect",
];

/// The columns of the table for people (the rest are in JSON, NDJSON and CSV).
pub const TABLE_COLUMNS: [&str; 8] = [
    "service", "region", "id", "engine", "endpoint", "port", "iam_auth", "status",
];

fn opt(v: &Option<String>) -> Value {
    v.as_ref().map_or(Value::Null, |s| json!(s))
}

impl Resource {
    /// The wire protocol `dbiam connect` speaks to it: `postgres`, `mysql`, `redshift`,
    /// `dsql`, `dynamodb`, `redis` (a token for `dbiam exec`/`env`), or `None` when dbiam
    /// cannot connect (DocumentDB, SQL Server, Oracle…).
    pub fn protocol(&self) -> Option<&'static str> {
        let e = self.engine.to_ascii_lowercase();
        match self.service {
            Service::Redshift | Service::RedshiftServerless => Some("redshift"),
            Service::Dsql => Some("dsql"),
            Service::Dynamodb => Some("dynamodb"),
            Service::Elasticache | Service::ElasticacheServerless | Service::Memorydb => {
                Some("redis")
            }
            Service::Docdb => None,
            _ if e.contains("postgres") => Some("postgres"),
            _ if e.contains("mysql") || e.contains("mariadb") => Some("mysql"),
            _ => None,
        }
    }

    /// ElastiCache / MemoryDB: which service signs its tokens.
    pub fn cache(&self) -> Option<crate::config::CacheKind> {
        use crate::config::CacheKind;
        match self.service {
            Service::Elasticache => Some(CacheKind::Elasticache),
            Service::ElasticacheServerless => Some(CacheKind::ElasticacheServerless),
            Service::Memorydb => Some(CacheKind::Memorydb),
            _ => None,
        }
    }

    /// The `connect` value: what `dbiam connect` needs to reach it, or null.
    pub fn connect(&self) -> Value {
        match (self.protocol(), &self.endpoint) {
            (Some("redis"), Some(host)) => json!({
                "engine": "redis",
                "host": host,
                "port": self.port,
                "tls": true,
                "cache": self.cache().map(|c| crate::config::enum_name(&c)),
                "cache_name": self.id,
                "user": opt(&self.user),
                "region": self.region,
            }),
            (Some("dynamodb"), _) => json!({
                "engine": "dynamodb",
                "region": self.region,
                "table": self.id,
            }),
            (Some(p), Some(host)) => json!({
                "engine": p,
                "host": host,
                "port": self.port,
                "database": opt(&self.database),
                "region": self.region,
            }),
            _ => Value::Null,
        }
    }

    /// The row's values in [`COLUMNS`] order.
    pub fn values(&self) -> Vec<Value> {
        vec![
            json!(self.service.name()),
            json!(self.region),
            json!(self.id),
            json!(self.engine),
            opt(&self.engine_version),
            opt(&self.endpoint),
            opt(&self.reader_endpoint),
            self.port.map_or(Value::Null, |p| json!(p)),
            json!(self.iam_auth.as_str()),
            opt(&self.status),
            self.connect(),
        ]
    }

    /// The row's values in [`TABLE_COLUMNS`] order (engine and version in one cell).
    pub fn table_values(&self) -> Vec<Value> {
        let engine = match &self.engine_version {
            Some(v) if !v.is_empty() => format!("{} {v}", self.engine),
            _ => self.engine.clone(),
        };
        vec![
            json!(self.service.name()),
            json!(self.region),
            json!(self.id),
            json!(engine),
            opt(&self.endpoint),
            self.port.map_or(Value::Null, |p| json!(p)),
            json!(self.iam_auth.as_str()),
            opt(&self.status),
        ]
    }

    /// The named target `dbiam discover --save` writes for it, or `None` when dbiam
    /// cannot connect to it (DynamoDB, DocumentDB, SQL Server, …).
    pub fn target(&self) -> Option<crate::config::Target> {
        use crate::db::Engine;
        let engine = match self.protocol()? {
            "postgres" => Engine::Postgres,
            "mysql" => Engine::MySql,
            "redshift" => Engine::Redshift,
            "dsql" => Engine::Dsql,
            "redis" => Engine::Redis,
            _ => return None,
        };
        let cache = self.cache();
        Some(crate::config::Target {
            engine: Some(engine),
            host: Some(self.endpoint.clone()?),
            port: self.port,
            user: self.user.clone(),
            database: self.database.clone().filter(|_| engine != Engine::Dsql),
            region: Some(self.region.clone()),
            cache,
            cache_name: cache.map(|_| self.id.clone()),
            ..Default::default()
        })
    }

    fn sort_key(&self) -> (Service, &str, &str) {
        (self.service, &self.region, &self.id)
    }
}

/// Row filters: `--iam-only` and `--engine`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep only rows whose IAM auth is usable (enabled, required, always).
    pub iam_only: bool,
    /// Keep only rows whose engine contains this (case-insensitive), e.g. `postgres`
    /// keeps `postgres` and `aurora-postgresql`.
    pub engine: Option<String>,
}

impl Filter {
    /// Whether a row passes.
    pub fn keeps(&self, r: &Resource) -> bool {
        if self.iam_only && !r.iam_auth.usable() {
            return false;
        }
        match &self.engine {
            Some(e) => r
                .engine
                .to_ascii_lowercase()
                .contains(&e.to_ascii_lowercase()),
            None => true,
        }
    }
}

/// A job that failed: which service, where, and why.
#[derive(Debug)]
pub struct Failure {
    /// The service queried.
    pub service: Service,
    /// The region queried.
    pub region: String,
    /// What went wrong.
    pub error: Error,
}

/// What a discovery run found.
#[derive(Debug, Default)]
pub struct Found {
    /// Rows read, sorted by service (documented order), region, id.
    pub resources: Vec<Resource>,
    /// Jobs that failed, sorted by service and region.
    pub failures: Vec<Failure>,
    /// How many jobs ran.
    pub jobs: usize,
}

impl Found {
    /// The error to exit with after printing: none when every job worked, exit 6
    /// (partial) when some failed, and the failures' own code (1, or 4 when all were
    /// credential errors) when every job failed.
    pub fn outcome(&self) -> Result<()> {
        if self.failures.is_empty() {
            return Ok(());
        }
        let n = self.failures.len();
        if n < self.jobs {
            return Err(Error::new(
                Kind::Partial,
                format!(
                    "{n} of {} discovery jobs failed; the results are partial",
                    self.jobs
                ),
            ));
        }
        let kind = if self
            .failures
            .iter()
            .all(|f| f.error.kind() == Kind::Credentials)
        {
            Kind::Credentials
        } else {
            Kind::Failure
        };
        Err(Error::new(kind, format!("all {n} discovery jobs failed")))
    }
}

/// Query every (region × service) pair concurrently (at most [`CONCURRENCY`] at once).
/// `progress(done, total)` is called after each job. A job that fails does not stop
/// the others; only a problem shared by all (no credentials) is returned as an error.
/// With `every_region` false (the default service set), a service is queried only in the
/// regions where AWS offers it ([`Service::offered_in`]).
pub async fn discover(
    aws: &Aws,
    regions: &[String],
    services: &[Service],
    every_region: bool,
    mut progress: impl FnMut(usize, usize),
) -> Result<Found> {
    let Some(first) = regions.first() else {
        return Ok(Found::default());
    };
    // One configuration (credentials resolved once) for every region. Each job's service
    // client gets the SDK's default HTTP client, whose pool does not limit connections
    // per host, so nothing but CONCURRENCY holds jobs back.
    let base = aws.sdk_config(first).await?;
    let configs: Vec<_> = regions
        .iter()
        .map(|r| {
            let conf = base.to_builder().region(Region::new(r.clone())).build();
            (r.clone(), conf)
        })
        .collect();
    let jobs: Vec<_> = configs
        .iter()
        .flat_map(|(r, conf)| services.iter().map(move |s| (*s, r, conf)))
        .filter(|(s, r, _)| every_region || s.offered_in(r))
        .collect();
    let total = jobs.len();
    let mut found = Found {
        jobs: total,
        ..Found::default()
    };
    progress(0, total);
    let mut results = stream::iter(jobs)
        .map(|(s, region, conf)| async move { (s, region, services::fetch(s, conf, region).await) })
        .buffer_unordered(CONCURRENCY);
    let mut done = 0;
    while let Some((service, region, result)) = results.next().await {
        done += 1;
        progress(done, total);
        match result {
            Ok(rows) => found.resources.extend(rows),
            Err(error) => found.failures.push(Failure {
                service,
                region: region.clone(),
                error,
            }),
        }
    }
    found
        .resources
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    found
        .failures
        .sort_by(|a, b| (a.service, &a.region).cmp(&(b.service, &b.region)));
    Ok(found)
}

/// Regions enabled by default in the `aws` partition (no opt-in needed).
pub const AWS_REGIONS: &[&str] = &[
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

// `--all-regions` with every service runs in one wave (checked when compiling).
const _: () = assert!(AWS_REGIONS.len() * Service::ALL.len() <= CONCURRENCY);

/// Regions where Aurora DSQL is offered (AWS's DSQL endpoints list).
pub const DSQL_REGIONS: &[&str] = &[
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-southeast-2",
    "eu-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "us-east-1",
    "us-east-2",
    "us-west-2",
];

/// Regions where MemoryDB is offered (the AWS SDKs' endpoint list).
pub const MEMORYDB_REGIONS: &[&str] = &[
    "ap-east-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "ca-central-1",
    "eu-central-1",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

/// Regions of the `aws-cn` partition.
pub const AWS_CN_REGIONS: &[&str] = &["cn-north-1", "cn-northwest-1"];

/// Regions of the `aws-us-gov` partition.
pub const AWS_US_GOV_REGIONS: &[&str] = &["us-gov-east-1", "us-gov-west-1"];

/// `--all-regions`: the built-in list for the partition of `home` (the resolved
/// region). Opt-in regions are not in it; name them with `--region`. A region of
/// another partition (ISO, EUSC) gives just itself.
pub fn all_regions(home: &str) -> Vec<String> {
    let list: &[&str] = if home.starts_with("cn-") {
        AWS_CN_REGIONS
    } else if home.starts_with("us-gov-") {
        AWS_US_GOV_REGIONS
    } else if home.starts_with("us-iso") || home.starts_with("eusc-") {
        return vec![home.to_owned()];
    } else {
        AWS_REGIONS
    };
    list.iter().map(|s| s.to_string()).collect()
}

/// Parse `--region R1,R2` (each checked, duplicates dropped, order kept).
pub fn parse_regions(list: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        crate::token::sign::validate_region(part)?;
        if !out.iter().any(|r| r == part) {
            out.push(part.to_owned());
        }
    }
    if out.is_empty() {
        return Err(
            Error::usage("--region is empty").with_hint("e.g. --region us-east-1,eu-west-1")
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(service: Service, region: &str, id: &str, engine: &str, iam: IamAuth) -> Resource {
        Resource {
            service,
            region: region.into(),
            id: id.into(),
            engine: engine.into(),
            engine_version: None,
            endpoint: Some(format!("{id}.example")),
            reader_endpoint: None,
            port: Some(5432),
            iam_auth: iam,
            status: None,
            database: None,
            user: None,
        }
    }

    #[test]
    fn parses_service_lists() {
        assert_eq!(
            parse_services("rds, redshift-serverless,rds,DYNAMODB").unwrap(),
            vec![Service::Rds, Service::RedshiftServerless, Service::Dynamodb]
        );
        let e = parse_services("rds,mongo").unwrap_err();
        assert_eq!(e.kind(), Kind::Usage);
        assert!(e.message().contains("mongo"));
        assert!(parse_services(",").is_err());
        for s in Service::ALL {
            assert_eq!(s.name().parse::<Service>().unwrap(), s);
        }
    }

    #[test]
    fn parses_region_lists() {
        assert_eq!(
            parse_regions("eu-west-1, us-east-1,eu-west-1").unwrap(),
            vec!["eu-west-1", "us-east-1"]
        );
        assert!(parse_regions("eu-west-1,Nowhere").is_err());
        assert!(parse_regions(" , ").is_err());
    }

    #[test]
    fn all_regions_follow_the_partition() {
        assert!(all_regions("eu-west-1").contains(&"us-east-1".to_owned()));
        assert_eq!(
            all_regions("cn-north-1"),
            vec!["cn-north-1", "cn-northwest-1"]
        );
        assert_eq!(all_regions("us-gov-west-1").len(), 2);
        assert_eq!(all_regions("us-isob-east-1"), vec!["us-isob-east-1"]);
    }

    #[test]
    fn filters_by_iam_and_engine() {
        let pg = row(
            Service::Aurora,
            "r-1",
            "a",
            "aurora-postgresql",
            IamAuth::Enabled,
        );
        let my = row(Service::Rds, "r-1", "b", "mysql", IamAuth::Disabled);
        let doc = row(Service::Docdb, "r-1", "c", "docdb", IamAuth::NotApplicable);
        let iam = Filter {
            iam_only: true,
            engine: None,
        };
        assert!(iam.keeps(&pg) && !iam.keeps(&my) && !iam.keeps(&doc));
        let postgres = Filter {
            iam_only: false,
            engine: Some("Postgres".into()),
        };
        assert!(postgres.keeps(&pg) && !postgres.keeps(&my));
    }

    #[test]
    fn connect_hints_name_the_protocol() {
        let pg = row(
            Service::Aurora,
            "eu-west-1",
            "a",
            "aurora-postgresql",
            IamAuth::Enabled,
        );
        assert_eq!(
            pg.connect(),
            json!({"engine": "postgres", "host": "a.example", "port": 5432,
                   "database": null, "region": "eu-west-1"})
        );
        let doc = row(
            Service::Docdb,
            "eu-west-1",
            "c",
            "docdb",
            IamAuth::NotApplicable,
        );
        assert_eq!(doc.connect(), Value::Null);
        let t = row(
            Service::Dynamodb,
            "eu-west-1",
            "t",
            "dynamodb",
            IamAuth::Always,
        );
        assert_eq!(t.connect()["table"], "t");
        assert_eq!(pg.values().len(), COLUMNS.len());
        assert_eq!(pg.table_values().len(), TABLE_COLUMNS.len());
    }

    #[test]
    fn outcome_picks_the_exit_code() {
        let ok = Found {
            jobs: 2,
            ..Found::default()
        };
        assert!(ok.outcome().is_ok());
        let fail = |kind| Failure {
            service: Service::Rds,
            region: "r-1".into(),
            error: Error::new(kind, "x"),
        };
        let partial = Found {
            jobs: 2,
            failures: vec![fail(Kind::Failure)],
            ..Found::default()
        };
        assert_eq!(partial.outcome().unwrap_err().kind(), Kind::Partial);
        let all = Found {
            jobs: 1,
            failures: vec![fail(Kind::Failure)],
            ..Found::default()
        };
        assert_eq!(all.outcome().unwrap_err().kind(), Kind::Failure);
        let creds = Found {
            jobs: 1,
            failures: vec![fail(Kind::Credentials)],
            ..Found::default()
        };
        assert_eq!(creds.outcome().unwrap_err().kind(), Kind::Credentials);
    }
}
