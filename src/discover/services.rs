//! One function per service: list everything it has in one region (all pages) and map
//! each item to a [`Resource`]. Clients are built from the caller's SDK configuration,
//! so `--endpoint-url`, `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` apply.

use aws_config::SdkConfig;
use futures_util::stream::{self, StreamExt};

use super::{IamAuth, Resource, Service};
use crate::aws::sdk_error;
use crate::error::Result;

/// How many DynamoDB DescribeTable (and DSQL GetCluster) calls run at once within one region.
const TABLE_CONCURRENCY: usize = 8;

/// The RDS API also answers with DocumentDB and Neptune resources; those are not
/// RDS databases (DocumentDB has its own service here, Neptune is not covered).
fn foreign_to_rds(engine: &str) -> bool {
    matches!(engine, "docdb" | "neptune")
}

fn port(p: Option<i32>) -> Option<u16> {
    p.and_then(|p| u16::try_from(p).ok())
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_owned)
}

/// List one service's resources in the region `conf` is for.
pub async fn fetch(service: Service, conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    crate::debug!("discover: {service} in {region}");
    match service {
        Service::Rds => rds_instances(conf, region).await,
        Service::Aurora => rds_clusters(conf, region).await,
        Service::Proxy => rds_proxies(conf, region).await,
        Service::Redshift => redshift_clusters(conf, region).await,
        Service::RedshiftServerless => redshift_workgroups(conf, region).await,
        Service::Docdb => docdb_clusters(conf, region).await,
        Service::Dynamodb => dynamodb_tables(conf, region).await,
        Service::Dsql => dsql_clusters(conf, region).await,
        Service::Elasticache => elasticache_groups(conf, region).await,
        Service::ElasticacheServerless => elasticache_serverless(conf, region).await,
        Service::Memorydb => memorydb_clusters(conf, region).await,
    }
}

/// RDS DB instances (DescribeDBInstances).
pub async fn rds_instances(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_rds::Client::new(conf);
    let mut pages = client
        .describe_db_instances()
        .into_paginator()
        .items()
        .send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let db = item.map_err(|e| sdk_error("RDS DescribeDBInstances", e))?;
        let engine = db.engine().unwrap_or_default().to_owned();
        if foreign_to_rds(&engine) {
            continue;
        }
        let ep = db.endpoint();
        out.push(Resource {
            service: Service::Rds,
            region: region.to_owned(),
            id: db.db_instance_identifier().unwrap_or_default().to_owned(),
            engine,
            engine_version: owned(db.engine_version()),
            endpoint: owned(ep.and_then(|e| e.address())),
            reader_endpoint: None,
            port: port(ep.and_then(|e| e.port())),
            iam_auth: IamAuth::from_flag(db.iam_database_authentication_enabled()),
            status: owned(db.db_instance_status()),
            database: owned(db.db_name()),
            user: None,
        });
    }
    Ok(out)
}

/// Aurora and Multi-AZ DB clusters (RDS DescribeDBClusters): one row per cluster with
/// the writer endpoint in `endpoint` and the reader endpoint in `reader_endpoint`.
pub async fn rds_clusters(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_rds::Client::new(conf);
    let mut pages = client
        .describe_db_clusters()
        .into_paginator()
        .items()
        .send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let c = item.map_err(|e| sdk_error("RDS DescribeDBClusters", e))?;
        let engine = c.engine().unwrap_or_default().to_owned();
        if foreign_to_rds(&engine) {
            continue;
        }
        out.push(Resource {
            service: Service::Aurora,
            region: region.to_owned(),
            id: c.db_cluster_identifier().unwrap_or_default().to_owned(),
            engine,
            engine_version: owned(c.engine_version()),
            endpoint: owned(c.endpoint()),
            reader_endpoint: owned(c.reader_endpoint()),
            port: port(c.port()),
            iam_auth: IamAuth::from_flag(c.iam_database_authentication_enabled()),
            status: owned(c.status()),
            database: owned(c.database_name()),
            user: None,
        });
    }
    Ok(out)
}

/// A proxy's IAM setting: `required` when its default scheme is IAM or any auth entry
/// requires IAM, `enabled` when an entry allows it, `disabled` otherwise.
fn proxy_iam(p: &aws_sdk_rds::types::DbProxy) -> IamAuth {
    use aws_sdk_rds::types::IamAuthMode;
    if p.default_auth_scheme() == Some("IAM_AUTH") {
        return IamAuth::Required;
    }
    let modes: Vec<_> = p.auth().iter().filter_map(|a| a.iam_auth()).collect();
    if modes.contains(&&IamAuthMode::Required) {
        IamAuth::Required
    } else if modes.contains(&&IamAuthMode::Enabled) {
        IamAuth::Enabled
    } else {
        IamAuth::Disabled
    }
}

/// RDS Proxies (DescribeDBProxies). The port follows the engine family.
pub async fn rds_proxies(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_rds::Client::new(conf);
    let mut pages = client.describe_db_proxies().into_paginator().items().send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let p = item.map_err(|e| sdk_error("RDS DescribeDBProxies", e))?;
        let family = p.engine_family().unwrap_or_default().to_ascii_lowercase();
        let port = match family.as_str() {
            "mysql" => Some(3306),
            "postgresql" => Some(5432),
            "sqlserver" => Some(1433),
            _ => None,
        };
        out.push(Resource {
            service: Service::Proxy,
            region: region.to_owned(),
            id: p.db_proxy_name().unwrap_or_default().to_owned(),
            engine: family,
            engine_version: None,
            endpoint: owned(p.endpoint()),
            reader_endpoint: None,
            port,
            iam_auth: proxy_iam(&p),
            status: p.status().map(|s| s.as_str().to_owned()),
            database: None,
            user: None,
        });
    }
    Ok(out)
}

/// Redshift provisioned clusters (DescribeClusters).
pub async fn redshift_clusters(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_redshift::Client::new(conf);
    let mut pages = client.describe_clusters().into_paginator().items().send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let c = item.map_err(|e| sdk_error("Redshift DescribeClusters", e))?;
        let ep = c.endpoint();
        out.push(Resource {
            service: Service::Redshift,
            region: region.to_owned(),
            id: c.cluster_identifier().unwrap_or_default().to_owned(),
            engine: "redshift".to_owned(),
            engine_version: owned(c.cluster_version()),
            endpoint: owned(ep.and_then(|e| e.address())),
            reader_endpoint: None,
            port: port(ep.and_then(|e| e.port())),
            iam_auth: IamAuth::Always,
            status: owned(c.cluster_status()),
            database: owned(c.db_name()),
            user: None,
        });
    }
    Ok(out)
}

/// Redshift Serverless workgroups (ListWorkgroups).
pub async fn redshift_workgroups(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_redshiftserverless::Client::new(conf);
    let mut pages = client.list_workgroups().into_paginator().items().send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let w = item.map_err(|e| sdk_error("Redshift Serverless ListWorkgroups", e))?;
        let ep = w.endpoint();
        out.push(Resource {
            service: Service::RedshiftServerless,
            region: region.to_owned(),
            id: w.workgroup_name().unwrap_or_default().to_owned(),
            engine: "redshift".to_owned(),
            engine_version: owned(w.workgroup_version()),
            endpoint: owned(ep.and_then(|e| e.address())),
            reader_endpoint: None,
            port: port(ep.and_then(|e| e.port()).or(w.port())),
            iam_auth: IamAuth::Always,
            status: w.status().map(|s| s.as_str().to_owned()),
            database: None,
            user: None,
        });
    }
    Ok(out)
}

/// DocumentDB clusters (DocDB DescribeDBClusters). The DocDB API answers with every
/// RDS-family cluster, so only engine `docdb` is kept.
pub async fn docdb_clusters(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_docdb::Client::new(conf);
    let mut pages = client
        .describe_db_clusters()
        .into_paginator()
        .items()
        .send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let c = item.map_err(|e| sdk_error("DocDB DescribeDBClusters", e))?;
        if c.engine() != Some("docdb") {
            continue;
        }
        out.push(Resource {
            service: Service::Docdb,
            region: region.to_owned(),
            id: c.db_cluster_identifier().unwrap_or_default().to_owned(),
            engine: "docdb".to_owned(),
            engine_version: owned(c.engine_version()),
            endpoint: owned(c.endpoint()),
            reader_endpoint: owned(c.reader_endpoint()),
            port: port(c.port()),
            iam_auth: IamAuth::NotApplicable,
            status: owned(c.status()),
            database: None,
            user: None,
        });
    }
    Ok(out)
}

/// The regional DynamoDB endpoint host name.
fn dynamodb_host(region: &str) -> String {
    if region.starts_with("cn-") {
        format!("dynamodb.{region}.amazonaws.com.cn")
    } else {
        format!("dynamodb.{region}.amazonaws.com")
    }
}

/// DynamoDB tables (ListTables, then DescribeTable for each table's status).
pub async fn dynamodb_tables(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_dynamodb::Client::new(conf);
    let mut pages = client.list_tables().into_paginator().items().send();
    let mut names = Vec::new();
    while let Some(item) = pages.next().await {
        names.push(item.map_err(|e| sdk_error("DynamoDB ListTables", e))?);
    }
    let client = &client;
    let described: Vec<Result<Option<Resource>>> = stream::iter(names)
        .map(|name| async move {
            let out = match client.describe_table().table_name(&name).send().await {
                Ok(out) => Some(out),
                // Deleted between ListTables and DescribeTable: gone, not a failure.
                Err(e)
                    if e.as_service_error()
                        .is_some_and(|s| s.is_resource_not_found_exception()) =>
                {
                    None
                }
                Err(e) => return Err(sdk_error("DynamoDB DescribeTable", e)),
            };
            let Some(out) = out else { return Ok(None) };
            let status = out
                .table()
                .and_then(|t| t.table_status())
                .map(|s| s.as_str().to_owned());
            Ok(Some(Resource {
                service: Service::Dynamodb,
                region: region.to_owned(),
                id: name,
                engine: "dynamodb".to_owned(),
                engine_version: None,
                endpoint: Some(dynamodb_host(region)),
                reader_endpoint: None,
                port: Some(443),
                iam_auth: IamAuth::Always,
                status,
                database: None,
                user: None,
            }))
        })
        .buffer_unordered(TABLE_CONCURRENCY)
        .collect()
        .await;
    let mut out = Vec::new();
    for r in described {
        out.extend(r?);
    }
    Ok(out)
}

/// Aurora DSQL clusters (ListClusters, then GetCluster for each one's status and
/// endpoint). DSQL has no IAM switch: every login is an IAM token (`always`).
pub async fn dsql_clusters(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_dsql::Client::new(conf);
    let mut pages = client.list_clusters().into_paginator().items().send();
    let mut ids = Vec::new();
    while let Some(item) = pages.next().await {
        ids.push(
            item.map_err(|e| sdk_error("DSQL ListClusters", e))?
                .identifier()
                .to_owned(),
        );
    }
    let client = &client;
    let described: Vec<Result<Option<Resource>>> = stream::iter(ids)
        .map(|id| async move {
            let out = match client.get_cluster().identifier(&id).send().await {
                Ok(out) => out,
                // Deleted between ListClusters and GetCluster: gone, not a failure.
                Err(e)
                    if e.as_service_error()
                        .is_some_and(|s| s.is_resource_not_found_exception()) =>
                {
                    return Ok(None)
                }
                Err(e) => return Err(sdk_error("DSQL GetCluster", e)),
            };
            let endpoint = out
                .endpoint()
                .map(str::to_owned)
                .unwrap_or_else(|| dsql_host(&id, region));
            Ok(Some(Resource {
                service: Service::Dsql,
                region: region.to_owned(),
                id,
                engine: "dsql".to_owned(),
                engine_version: None,
                endpoint: Some(endpoint),
                reader_endpoint: None,
                port: Some(5432),
                iam_auth: IamAuth::Always,
                status: Some(out.status().as_str().to_owned()),
                database: Some("postgres".to_owned()),
                user: None,
            }))
        })
        .buffer_unordered(TABLE_CONCURRENCY)
        .collect()
        .await;
    let mut out = Vec::new();
    for r in described {
        out.extend(r?);
    }
    Ok(out)
}

/// A DSQL cluster's endpoint as AWS documents it, for when GetCluster does not say.
fn dsql_host(id: &str, region: &str) -> String {
    format!("{id}.dsql.{region}.on.aws")
}

/// ElastiCache users that authenticate with IAM, by user group id (DescribeUsers).
async fn elasticache_iam_users(
    client: &aws_sdk_elasticache::Client,
) -> Result<Vec<(String, String)>> {
    use aws_sdk_elasticache::types::AuthenticationType;
    let mut pages = client.describe_users().into_paginator().items().send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let u = item.map_err(|e| sdk_error("ElastiCache DescribeUsers", e))?;
        let iam = u.authentication().and_then(|a| a.r#type()) == Some(&AuthenticationType::Iam);
        if let (true, Some(id)) = (iam, u.user_id()) {
            for g in u.user_group_ids() {
                out.push((g.clone(), id.to_owned()));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// The first IAM user (by id) in any of `groups`.
fn iam_user_in(users: &[(String, String)], groups: &[String]) -> Option<String> {
    users
        .iter()
        .filter(|(g, _)| groups.contains(g))
        .map(|(_, u)| u.clone())
        .min()
}

/// Whether an engine version takes IAM users, as AWS documents for ElastiCache and
/// MemoryDB: Valkey 7.2 or later, Redis OSS 7.0 or later. `None` when the version is
/// not known (or not a version): that does not rule IAM out.
pub fn engine_takes_iam(engine: &str, version: Option<&str>) -> Option<bool> {
    let mut parts = version?.trim().split('.');
    let major: u32 = parts.next()?.parse().ok()?;
    let minor: u32 = parts.next().and_then(|m| m.parse().ok()).unwrap_or(0);
    let least = if engine.eq_ignore_ascii_case("valkey") {
        (7, 2)
    } else {
        (7, 0)
    };
    Some((major, minor) >= least)
}

/// Whether IAM users can log in: one is attached (`enabled`), none is but the cache
/// could take one (`possible`), or it cannot (`disabled`: IAM users need TLS, and an
/// engine version that takes them, [`engine_takes_iam`]; an unknown version does not
/// rule them out).
fn cache_iam(user: &Option<String>, tls: bool, engine_ok: Option<bool>) -> IamAuth {
    match (user, tls, engine_ok) {
        (Some(_), _, _) => IamAuth::Enabled,
        (None, true, Some(true) | None) => IamAuth::Possible,
        (None, _, _) => IamAuth::Disabled,
    }
}

/// The engine version of each replication group, from its member clusters
/// (DescribeCacheClusters: DescribeReplicationGroups does not say). Best effort: when
/// the call fails (no `elasticache:DescribeCacheClusters` permission, say) the versions
/// are unknown, which does not rule IAM users out, and the groups are still listed.
async fn elasticache_group_versions(client: &aws_sdk_elasticache::Client) -> Vec<(String, String)> {
    match describe_cache_clusters(client).await {
        Ok(v) => v,
        Err(e) => {
            crate::debug!("discover: no replication group engine versions: {e}");
            Vec::new()
        }
    }
}

async fn describe_cache_clusters(
    client: &aws_sdk_elasticache::Client,
) -> Result<Vec<(String, String)>> {
    let mut pages = client
        .describe_cache_clusters()
        .into_paginator()
        .items()
        .send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let c = item.map_err(|e| sdk_error("ElastiCache DescribeCacheClusters", e))?;
        if let (Some(g), Some(v)) = (c.replication_group_id(), c.engine_version()) {
            out.push((g.to_owned(), v.to_owned()));
        }
    }
    Ok(out)
}

/// ElastiCache (Valkey / Redis OSS) replication groups (DescribeReplicationGroups),
/// with the IAM users of their user groups (DescribeUsers) and the engine version of
/// their member clusters (DescribeCacheClusters). The endpoint is the configuration
/// endpoint (cluster mode) or the primary endpoint.
pub async fn elasticache_groups(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_elasticache::Client::new(conf);
    let users = elasticache_iam_users(&client).await?;
    let versions = elasticache_group_versions(&client).await;
    let mut pages = client
        .describe_replication_groups()
        .into_paginator()
        .items()
        .send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let g = item.map_err(|e| sdk_error("ElastiCache DescribeReplicationGroups", e))?;
        let first = g.node_groups().first();
        let ep = g
            .configuration_endpoint()
            .or_else(|| first.and_then(|n| n.primary_endpoint()));
        let reader = first
            .and_then(|n| n.reader_endpoint())
            .filter(|_| g.configuration_endpoint().is_none());
        let user = iam_user_in(&users, g.user_group_ids());
        let id = g.replication_group_id().unwrap_or_default();
        let engine = g.engine().unwrap_or("redis");
        let version = versions
            .iter()
            .find(|(group, _)| group == id)
            .map(|(_, v)| v.clone());
        let engine_ok = engine_takes_iam(engine, version.as_deref());
        out.push(Resource {
            service: Service::Elasticache,
            region: region.to_owned(),
            id: id.to_owned(),
            engine: engine.to_owned(),
            engine_version: version,
            endpoint: owned(ep.and_then(|e| e.address())),
            reader_endpoint: owned(reader.and_then(|e| e.address())),
            port: port(ep.and_then(|e| e.port())),
            iam_auth: cache_iam(
                &user,
                g.transit_encryption_enabled() == Some(true),
                engine_ok,
            ),
            status: owned(g.status()),
            database: None,
            user,
        });
    }
    Ok(out)
}

/// ElastiCache serverless caches (DescribeServerlessCaches). They always use TLS, so
/// IAM users are `possible` even when none is attached (unless the engine version is
/// too old for them; serverless caches start at Redis OSS 7.1 and Valkey 7.2).
pub async fn elasticache_serverless(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    let client = aws_sdk_elasticache::Client::new(conf);
    let users = elasticache_iam_users(&client).await?;
    let mut pages = client
        .describe_serverless_caches()
        .into_paginator()
        .items()
        .send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let c = item.map_err(|e| sdk_error("ElastiCache DescribeServerlessCaches", e))?;
        let groups: Vec<String> = c.user_group_id().map(str::to_owned).into_iter().collect();
        let user = iam_user_in(&users, &groups);
        let ep = c.endpoint();
        let engine = c.engine().unwrap_or("redis");
        let version = c.full_engine_version().or(c.major_engine_version());
        let engine_ok = engine_takes_iam(engine, version);
        out.push(Resource {
            service: Service::ElasticacheServerless,
            region: region.to_owned(),
            id: c.serverless_cache_name().unwrap_or_default().to_owned(),
            engine: engine.to_owned(),
            engine_version: owned(version),
            endpoint: owned(ep.and_then(|e| e.address())),
            reader_endpoint: owned(c.reader_endpoint().and_then(|e| e.address())),
            port: port(ep.and_then(|e| e.port())),
            iam_auth: cache_iam(&user, true, engine_ok),
            status: owned(c.status()),
            database: None,
            user,
        });
    }
    Ok(out)
}

/// MemoryDB clusters (DescribeClusters), with the IAM users of their ACL (DescribeUsers
/// lists each user's ACLs). IAM users need TLS and an engine version that takes them
/// ([`engine_takes_iam`]).
pub async fn memorydb_clusters(conf: &SdkConfig, region: &str) -> Result<Vec<Resource>> {
    use aws_sdk_memorydb::types::AuthenticationType;
    let client = aws_sdk_memorydb::Client::new(conf);
    let mut pages = client.describe_users().into_paginator().items().send();
    let mut users = Vec::new();
    while let Some(item) = pages.next().await {
        let u = item.map_err(|e| sdk_error("MemoryDB DescribeUsers", e))?;
        let iam = u.authentication().and_then(|a| a.r#type()) == Some(&AuthenticationType::Iam);
        if let (true, Some(name)) = (iam, u.name()) {
            for acl in u.acl_names() {
                users.push((acl.clone(), name.to_owned()));
            }
        }
    }
    let mut pages = client.describe_clusters().into_paginator().items().send();
    let mut out = Vec::new();
    while let Some(item) = pages.next().await {
        let c = item.map_err(|e| sdk_error("MemoryDB DescribeClusters", e))?;
        let acls: Vec<String> = c.acl_name().map(str::to_owned).into_iter().collect();
        let user = iam_user_in(&users, &acls);
        let version = c.engine_version().map(str::to_owned);
        let engine = c.engine().unwrap_or("redis");
        let engine_ok = engine_takes_iam(engine, version.as_deref());
        let ep = c.cluster_endpoint();
        out.push(Resource {
            service: Service::Memorydb,
            region: region.to_owned(),
            id: c.name().unwrap_or_default().to_owned(),
            engine: engine.to_owned(),
            engine_version: version,
            endpoint: owned(ep.and_then(|e| e.address())),
            reader_endpoint: None,
            port: port(ep.map(|e| e.port())),
            iam_auth: cache_iam(&user, c.tls_enabled() == Some(true), engine_ok),
            status: owned(c.status()),
            database: None,
            user,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iam_users_need_redis_7_or_valkey_7_2() {
        for (engine, version, want) in [
            ("redis", Some("7.0.7"), Some(true)),
            ("redis", Some("7.1"), Some(true)),
            ("redis", Some("6.2.6"), Some(false)),
            ("redis", Some("6.x"), Some(false)),
            ("valkey", Some("7.2.4"), Some(true)),
            ("valkey", Some("8"), Some(true)),
            ("Valkey", Some("7.1"), Some(false)),
            ("valkey", Some("7"), Some(false)),
            ("redis", None, None),
            ("redis", Some("latest"), None),
        ] {
            assert_eq!(
                engine_takes_iam(engine, version),
                want,
                "{engine} {version:?}"
            );
        }
    }

    #[test]
    fn cache_iam_states() {
        let user = Some("u".to_owned());
        assert_eq!(cache_iam(&user, true, Some(true)), IamAuth::Enabled);
        assert_eq!(cache_iam(&None, true, Some(true)), IamAuth::Possible);
        assert_eq!(cache_iam(&None, true, None), IamAuth::Possible);
        assert_eq!(cache_iam(&None, true, Some(false)), IamAuth::Disabled);
        assert_eq!(cache_iam(&None, false, Some(true)), IamAuth::Disabled);
    }
}
