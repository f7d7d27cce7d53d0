//! One function per service: list everything it has in one region (all pages) and map
//! each item to a [`Resource`]. Clients are built from the caller's SDK configuration,
//! so `--endpoint-url`, `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>` apply.

use aws_config::SdkConfig;
use futures_util::stream::{self, StreamExt};

use super::{IamAuth, Resource, Service};
use crate::aws::sdk_error;
use crate::error::Result;

/// How many DynamoDB DescribeTable calls run at once within one region.
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
