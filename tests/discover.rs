//! `dbiam discover` end to end through the real binary against the moto server:
//! every service in two regions with its `iam_auth`, pagination past moto's page size,
//! the filters, sorting, usage errors, and partial results when one region's endpoint
//! is a closed port.
//!
//! Resources are created in moto by `tests/support/discover_fixtures.py` (boto3).
//! moto 5.2 cannot create DocumentDB clusters and has no Redshift Serverless, so those
//! two APIs are served by fakes in this file ([`fake_docdb_server`],
//! [`fake_redshift_serverless_server`]) answering with documents shaped like the AWS
//! API reference's examples. [`fake_region_router`] is a loopback forwarding proxy that
//! sends each request to moto or, for one region, to a closed port.
//!
//! Regions used here (and by no other test): eu-north-1, ap-northeast-3 (full set),
//! eu-south-2 (120 instances), me-central-1 (unreachable), ca-central-1 (ElastiCache and
//! MemoryDB); DSQL clusters live in moto's us-east-1 (the one region moto has DSQL in).
//!
//! What moto 5.2.5 cannot show for the Aurora DSQL / ElastiCache / MemoryDB rows, and what
//! stands in for it ([`fake_aws_gaps`], a named FAKE in front of moto):
//! - ElastiCache DescribeServerlessCaches (and CreateServerlessCache) are not implemented:
//!   the fake answers with two serverless caches shaped like the API reference's example.
//! - ElastiCache CreateUserGroup / ModifyUserGroup and MemoryDB CreateACL / DescribeACLs are
//!   not implemented, so no moto user is ever in a user group or ACL: for ca-central-1 the
//!   fake answers DescribeUsers itself (an IAM user in group `dsc-ug` / ACL `dsc-acl`);
//!   the replication groups and clusters that name them come from moto.
//! - moto's replication groups have no engine version, and its MemoryDB clusters no
//!   `Engine` field (dbiam shows `redis` then).
//! - moto does not list a replication group's member clusters in DescribeCacheClusters,
//!   where AWS gives their engine version (which decides whether IAM users are possible:
//!   Redis OSS 7.0+, Valkey 7.2+): the fixture creates the member cluster itself
//!   (CreateCacheCluster with ReplicationGroupId) for `dsc-rg-redis6` / `dsc-rg-redis7`;
//!   the other groups have no version, which does not rule IAM out.
//! - moto has DSQL only in us-east-1 (HTTP 500 elsewhere): the fake answers an empty
//!   ListClusters for other regions. moto's DSQL endpoint is `ID.us-east-1.on.aws`; AWS
//!   documents `ID.dsql.us-east-1.on.aws`.

mod common;

use predicates::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::OnceLock;

use common::{closed_port, moto_url, python, Home};

const REGIONS: [&str; 2] = ["eu-north-1", "ap-northeast-3"];
const PAGED_REGION: &str = "eu-south-2";
const BAD_REGION: &str = "me-central-1";
const CACHE_REGION: &str = "ca-central-1";
const PREFIX: &str = "dsc-";

// ---------------------------------------------------------------- loopback HTTP helpers

/// One HTTP/1.1 request as read off the socket.
struct Request {
    head: String,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    /// The region of the SigV4 credential scope (`Credential=AKID/date/REGION/svc/aws4_request`).
    fn region(&self) -> String {
        self.header("authorization")
            .and_then(|a| a.split("Credential=").nth(1))
            .and_then(|c| c.split('/').nth(2))
            .unwrap_or_default()
            .to_owned()
    }

    fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn read_request(s: &mut TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = s.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..end]).into_owned();
    let mut req = Request {
        head,
        body: buf[end..].to_vec(),
    };
    let len: usize = req
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while req.body.len() < len {
        let n = s.read(&mut chunk).ok()?;
        if n == 0 {
            return None;
        }
        req.body.extend_from_slice(&chunk[..n]);
    }
    Some(req)
}

fn respond(s: &mut TcpStream, content_type: &str, body: &str) {
    let _ = write!(
        s,
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         x-amzn-RequestId: 7d6a4f3e-0000-4000-8000-000000000000\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = s.flush();
}

/// Serve each connection on a thread with `handle`; returns the base URL.
fn serve(handle: fn(TcpStream)) -> String {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let url = format!("http://{}", l.local_addr().unwrap());
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            std::thread::spawn(move || handle(s));
        }
    });
    url
}

// ---------------------------------------------------------------- fakes

/// FAKE DocumentDB API (query protocol, XML), shaped like the DescribeDBClusters example
/// of the Amazon DocumentDB API reference. Like the real API it also returns an Aurora
/// cluster (dbiam must keep engine `docdb` only), and it answers in two pages
/// (`Marker`) so pagination is exercised.
fn fake_docdb_server() -> String {
    fn cluster(id: &str, engine: &str, version: &str, region: &str, port: u16) -> String {
        format!(
            "<DBCluster>\
             <AvailabilityZones><AvailabilityZone>{region}a</AvailabilityZone></AvailabilityZones>\
             <BackupRetentionPeriod>1</BackupRetentionPeriod>\
             <DBClusterIdentifier>{id}</DBClusterIdentifier>\
             <DBClusterParameterGroup>default.docdb5.0</DBClusterParameterGroup>\
             <DBSubnetGroup>default</DBSubnetGroup>\
             <Status>available</Status>\
             <EarliestRestorableTime>2024-10-15T06:53:36.734Z</EarliestRestorableTime>\
             <Endpoint>{id}.cluster-cjzpnudpkmf9.{region}.docdb.amazonaws.com</Endpoint>\
             <ReaderEndpoint>{id}.cluster-ro-cjzpnudpkmf9.{region}.docdb.amazonaws.com</ReaderEndpoint>\
             <MultiAZ>false</MultiAZ>\
             <Engine>{engine}</Engine>\
             <EngineVersion>{version}</EngineVersion>\
             <LatestRestorableTime>2024-10-16T06:53:36.734Z</LatestRestorableTime>\
             <Port>{port}</Port>\
             <MasterUsername>masteruser</MasterUsername>\
             <PreferredBackupWindow>00:00-00:30</PreferredBackupWindow>\
             <PreferredMaintenanceWindow>sun:03:00-sun:03:30</PreferredMaintenanceWindow>\
             <DBClusterMembers/>\
             <VpcSecurityGroups><VpcSecurityGroupMembership>\
             <VpcSecurityGroupId>sg-77186e0d</VpcSecurityGroupId><Status>active</Status>\
             </VpcSecurityGroupMembership></VpcSecurityGroups>\
             <HostedZoneId>ZNKXH85TT8WVW</HostedZoneId>\
             <StorageEncrypted>false</StorageEncrypted>\
             <DbClusterResourceId>cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ</DbClusterResourceId>\
             <DBClusterArn>arn:aws:rds:{region}:123456789012:cluster:{id}</DBClusterArn>\
             <ClusterCreateTime>2024-10-15T06:52:30.150Z</ClusterCreateTime>\
             <DeletionProtection>false</DeletionProtection>\
             </DBCluster>"
        )
    }
    serve(|mut s| {
        let Some(req) = read_request(&mut s) else {
            return;
        };
        let region = req.region();
        let body = req.body_text();
        assert!(body.contains("Action=DescribeDBClusters"), "{body}");
        let (clusters, marker) = if !REGIONS.contains(&region.as_str()) {
            (String::new(), "")
        } else if !body.contains("Marker=") {
            (
                cluster(
                    "dsc-aurora-seen-by-docdb",
                    "aurora-postgresql",
                    "15.4",
                    &region,
                    5432,
                ) + &cluster("dsc-docdb-1", "docdb", "5.0.0", &region, 27017),
                "<Marker>page-2</Marker>",
            )
        } else {
            assert!(body.contains("Marker=page-2"), "{body}");
            (cluster("dsc-docdb-2", "docdb", "4.0.0", &region, 27017), "")
        };
        let xml = format!(
            "<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">\
             <DescribeDBClustersResult>{marker}<DBClusters>{clusters}</DBClusters>\
             </DescribeDBClustersResult>\
             <ResponseMetadata><RequestId>c9ae6e4b-2ab4-4d1c-9c4e-4d37e3b3b0f3</RequestId>\
             </ResponseMetadata></DescribeDBClustersResponse>"
        );
        respond(&mut s, "text/xml", &xml);
    })
}

/// FAKE Redshift Serverless API (JSON 1.1), shaped like the ListWorkgroups response of the
/// Amazon Redshift Serverless API reference; answers in two pages (`nextToken`).
fn fake_redshift_serverless_server() -> String {
    fn workgroup(name: &str, region: &str) -> String {
        format!(
            r#"{{"workgroupName":"{name}","workgroupId":"e3b0c442-98fc-4c14-9afb-f4c8996fb924",
"workgroupArn":"arn:aws:redshift-serverless:{region}:123456789012:workgroup/e3b0c442-98fc-4c14-9afb-f4c8996fb924",
"namespaceName":"{name}-ns","baseCapacity":8,"enhancedVpcRouting":false,
"configParameters":[{{"parameterKey":"require_ssl","parameterValue":"true"}}],
"securityGroupIds":["sg-0a1b2c3d"],"subnetIds":["subnet-0a1b2c3d","subnet-1a2b3c4d"],
"status":"AVAILABLE",
"endpoint":{{"address":"{name}.123456789012.{region}.redshift-serverless.amazonaws.com","port":5439,"vpcEndpoints":[]}},
"publiclyAccessible":false,"creationDate":"2024-10-15T13:46:40.000Z","port":5439,"workgroupVersion":"1.0.78890","patchVersion":"patch 187"}}"#
        )
    }
    serve(|mut s| {
        let Some(req) = read_request(&mut s) else {
            return;
        };
        assert_eq!(
            req.header("x-amz-target"),
            Some("RedshiftServerless.ListWorkgroups")
        );
        let region = req.region();
        let body = req.body_text();
        let json = if !REGIONS.contains(&region.as_str()) {
            r#"{"workgroups":[]}"#.to_owned()
        } else if !body.contains("nextToken") {
            format!(
                r#"{{"workgroups":[{}],"nextToken":"page-2"}}"#,
                workgroup("dsc-wg-1", &region)
            )
        } else {
            format!(r#"{{"workgroups":[{}]}}"#, workgroup("dsc-wg-2", &region))
        };
        respond(&mut s, "application/x-amz-json-1.1", &json);
    })
}

/// FAKE regional routing: a loopback forwarding proxy standing in for AWS's per-region
/// endpoints. Requests signed for [`BAD_REGION`] go to a closed loopback port (the
/// connection fails, so the client's connection is dropped without an answer); all
/// others are forwarded to moto unchanged (one request per connection).
fn fake_region_router(moto: &str) -> String {
    static UPSTREAM: OnceLock<(String, u16)> = OnceLock::new();
    let moto_addr = moto.trim_start_matches("http://").trim_end_matches('/');
    UPSTREAM.get_or_init(|| (moto_addr.to_owned(), closed_port()));
    serve(|mut s| {
        let Some(req) = read_request(&mut s) else {
            return;
        };
        let (moto, closed) = UPSTREAM.get().unwrap();
        let target = if req.region() == BAD_REGION {
            format!("127.0.0.1:{closed}")
        } else {
            moto.clone()
        };
        forward(s, &req, &target);
    })
}

/// Relay one request to `target` and its response back (one request per connection).
fn forward(mut s: TcpStream, req: &Request, target: &str) {
    let Ok(mut up) = TcpStream::connect(target) else {
        let _ = s.shutdown(Shutdown::Both);
        return;
    };
    let head: String = req
        .head
        .trim_end()
        .lines()
        .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
        .map(|l| format!("{l}\r\n"))
        .collect();
    let _ = up.write_all(format!("{head}Connection: close\r\n\r\n").as_bytes());
    let _ = up.write_all(&req.body);
    let mut resp = Vec::new();
    let _ = up.read_to_end(&mut resp);
    let _ = s.write_all(&resp);
    let _ = s.shutdown(Shutdown::Both);
}

/// FAKE filling moto 5.2.5's gaps for DSQL, ElastiCache and MemoryDB (see the top of this
/// file); every other request is forwarded to moto unchanged.
fn fake_aws_gaps(moto: &str) -> String {
    static UPSTREAM: OnceLock<String> = OnceLock::new();
    UPSTREAM.get_or_init(|| {
        moto.trim_start_matches("http://")
            .trim_end_matches('/')
            .to_owned()
    });
    serve(|mut s| {
        let Some(req) = read_request(&mut s) else {
            return;
        };
        let region = req.region();
        let body = req.body_text();
        let xml = |action: &str, inner: String| {
            format!(
                "<{action}Response xmlns=\"http://elasticache.amazonaws.com/doc/2015-02-02/\">\
                 <{action}Result>{inner}</{action}Result>\
                 <ResponseMetadata><RequestId>0e5e1b1a-0000-4000-8000-000000000000</RequestId>\
                 </ResponseMetadata></{action}Response>"
            )
        };
        if body.contains("Action=DescribeServerlessCaches") {
            let caches = if region == CACHE_REGION {
                serverless_cache("dsc-sls-iam", Some("dsc-ug"), &region)
                    + &serverless_cache("dsc-sls-open", None, &region)
            } else {
                String::new()
            };
            let inner = format!("<ServerlessCaches>{caches}</ServerlessCaches>");
            respond(&mut s, "text/xml", &xml("DescribeServerlessCaches", inner));
        } else if body.contains("Action=DescribeUsers") && region == CACHE_REGION {
            let users = elasticache_user("default", "no-password", &[], &region)
                + &elasticache_user("dsc-iam", "iam", &["dsc-ug"], &region)
                + &elasticache_user("dsc-pw", "password", &["dsc-ug"], &region);
            respond(
                &mut s,
                "text/xml",
                &xml("DescribeUsers", format!("<Users>{users}</Users>")),
            );
        } else if req.header("x-amz-target") == Some("AmazonMemoryDB.DescribeUsers")
            && region == CACHE_REGION
        {
            let json = format!(
                r#"{{"Users":[
{{"Name":"default","Status":"active","AccessString":"on ~* &* +@all","ACLNames":["open-access"],"MinimumEngineVersion":"6.2","Authentication":{{"Type":"no-password"}},"ARN":"arn:aws:memorydb:{region}:123456789012:user/default"}},
{{"Name":"dsc-iam","Status":"active","AccessString":"on ~* &* +@all","ACLNames":["dsc-acl"],"MinimumEngineVersion":"7.0","Authentication":{{"Type":"iam"}},"ARN":"arn:aws:memorydb:{region}:123456789012:user/dsc-iam"}}]}}"#
            );
            respond(&mut s, "application/x-amz-json-1.1", &json);
        } else if req.head.starts_with("GET /cluster") && region != "us-east-1" {
            respond(&mut s, "application/json", r#"{"clusters":[]}"#);
        } else {
            forward(s, &req, UPSTREAM.get().unwrap());
        }
    })
}

/// One serverless cache, as in the DescribeServerlessCaches example of the ElastiCache API
/// reference.
fn serverless_cache(name: &str, group: Option<&str>, region: &str) -> String {
    let group = group.map_or(String::new(), |g| format!("<UserGroupId>{g}</UserGroupId>"));
    format!(
        "<member><ServerlessCacheName>{name}</ServerlessCacheName>\
         <Description>dbiam test</Description><CreateTime>2024-10-15T12:00:00.000Z</CreateTime>\
         <Status>available</Status><Engine>valkey</Engine><MajorEngineVersion>8</MajorEngineVersion>\
         <FullEngineVersion>8.0</FullEngineVersion>\
         <SecurityGroupIds><member>sg-0a1b2c3d</member></SecurityGroupIds>\
         <Endpoint><Address>{name}-x1y2z3.serverless.cac1.cache.amazonaws.com</Address><Port>6379</Port></Endpoint>\
         <ReaderEndpoint><Address>{name}-x1y2z3.serverless.cac1.cache.amazonaws.com</Address><Port>6380</Port></ReaderEndpoint>\
         <ARN>arn:aws:elasticache:{region}:123456789012:serverlesscache:{name}</ARN>{group}\
         <SubnetIds><member>subnet-0a1b2c3d</member></SubnetIds>\
         <SnapshotRetentionLimit>0</SnapshotRetentionLimit><DailySnapshotTime>04:00</DailySnapshotTime>\
         </member>"
    )
}

/// One ElastiCache user, as in the DescribeUsers example of the API reference.
fn elasticache_user(id: &str, auth: &str, groups: &[&str], region: &str) -> String {
    let groups: String = groups
        .iter()
        .map(|g| format!("<member>{g}</member>"))
        .collect();
    format!(
        "<member><UserId>{id}</UserId><UserName>{id}</UserName><Status>active</Status>\
         <Engine>valkey</Engine><MinimumEngineVersion>7.2</MinimumEngineVersion>\
         <AccessString>on ~* +@all</AccessString><UserGroupIds>{groups}</UserGroupIds>\
         <Authentication><Type>{auth}</Type></Authentication>\
         <ARN>arn:aws:elasticache:{region}:123456789012:user:{id}</ARN></member>"
    )
}

// ---------------------------------------------------------------- set-up and running

/// Create the moto resources once per test binary; `None` when the bench is missing.
fn populated() -> Option<String> {
    static DONE: OnceLock<()> = OnceLock::new();
    let moto = moto_url()?;
    let py = python()?;
    DONE.get_or_init(|| {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/support/discover_fixtures.py"
        );
        let mut jobs: Vec<Vec<String>> = REGIONS
            .iter()
            .map(|r| vec!["populate".into(), r.to_string(), PREFIX.into()])
            .collect();
        jobs.push(vec![
            "instances".into(),
            PAGED_REGION.into(),
            "dsc-page-".into(),
            "120".into(),
        ]);
        let children: Vec<_> = jobs
            .iter()
            .map(|args| {
                std::process::Command::new(&py)
                    .arg(script)
                    .arg(&moto)
                    .args(args)
                    .spawn()
                    .expect("start the fixture script")
            })
            .collect();
        for mut c in children {
            assert!(
                c.wait().expect("fixture script").success(),
                "fixtures failed"
            );
        }
    });
    Some(moto)
}

/// The fakes' URLs (started once).
fn fakes() -> &'static (String, String) {
    static FAKES: OnceLock<(String, String)> = OnceLock::new();
    FAKES.get_or_init(|| (fake_docdb_server(), fake_redshift_serverless_server()))
}

/// `dbiam discover` against moto (and the fakes for DocumentDB, Redshift Serverless and
/// moto's DSQL / ElastiCache / MemoryDB gaps).
fn discover(home: &Home, moto: &str) -> assert_cmd::Command {
    let (docdb, serverless) = fakes();
    static GAPS: OnceLock<String> = OnceLock::new();
    let gaps = GAPS.get_or_init(|| fake_aws_gaps(&moto_url().expect("moto")));
    let mut c = home.dbiam_with_keys();
    c.env("AWS_ENDPOINT_URL", moto)
        .env("AWS_ENDPOINT_URL_DOCDB", docdb)
        .env("AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS", serverless)
        .env("AWS_ENDPOINT_URL_ELASTICACHE", gaps)
        .env("AWS_ENDPOINT_URL_MEMORYDB", gaps)
        .env("AWS_ENDPOINT_URL_DSQL", gaps)
        .arg("discover");
    c
}

/// Create the cache and DSQL resources once; the DSQL cluster's identifier.
fn populated_caches() -> Option<(String, String)> {
    static DSQL_ID: OnceLock<String> = OnceLock::new();
    let moto = moto_url()?;
    let py = python()?;
    let id = DSQL_ID.get_or_init(|| {
        let script = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/support/discover_fixtures.py"
        );
        let out = std::process::Command::new(&py)
            .args([script, &moto, "caches", CACHE_REGION, PREFIX])
            .output()
            .expect("run the fixture script");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    });
    Some((moto, id.clone()))
}

fn json_rows(out: &[u8]) -> Vec<Value> {
    let v: Value = serde_json::from_slice(out).expect("JSON output");
    v.as_array().expect("a JSON array").clone()
}

fn ours(rows: &[Value]) -> Vec<Value> {
    rows.iter()
        .filter(|r| r["id"].as_str().is_some_and(|id| id.starts_with(PREFIX)))
        .cloned()
        .collect()
}

fn key(r: &Value, k: &str) -> String {
    match &r[k] {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// (service, region, id, engine, port, iam_auth) of each row.
fn summary(rows: &[Value]) -> BTreeSet<(String, String, String, String, String, String)> {
    rows.iter()
        .map(|r| {
            (
                key(r, "service"),
                key(r, "region"),
                key(r, "id"),
                key(r, "engine"),
                key(r, "port"),
                key(r, "iam_auth"),
            )
        })
        .collect()
}

fn expected() -> Vec<[&'static str; 5]> {
    vec![
        ["rds", "dsc-pg-iam", "postgres", "5432", "enabled"],
        ["rds", "dsc-mysql-noiam", "mysql", "3306", "disabled"],
        ["aurora", "dsc-apg", "aurora-postgresql", "5432", "enabled"],
        ["aurora", "dsc-amy", "aurora-mysql", "3306", "disabled"],
        ["proxy", "dsc-proxy-req", "postgresql", "5432", "required"],
        ["proxy", "dsc-proxy-off", "mysql", "3306", "disabled"],
        ["redshift", "dsc-rs", "redshift", "5439", "always"],
        [
            "redshift-serverless",
            "dsc-wg-1",
            "redshift",
            "5439",
            "always",
        ],
        [
            "redshift-serverless",
            "dsc-wg-2",
            "redshift",
            "5439",
            "always",
        ],
        ["docdb", "dsc-docdb-1", "docdb", "27017", "n/a"],
        ["docdb", "dsc-docdb-2", "docdb", "27017", "n/a"],
        ["dynamodb", "dsc-tab-a", "dynamodb", "443", "always"],
        ["dynamodb", "dsc-tab-b", "dynamodb", "443", "always"],
    ]
}

fn expected_summary(
    keep: impl Fn(&[&str; 5]) -> bool,
) -> BTreeSet<(String, String, String, String, String, String)> {
    REGIONS
        .iter()
        .flat_map(|region| {
            expected()
                .into_iter()
                .filter(|e| keep(e))
                .map(move |[s, id, engine, port, iam]| {
                    (
                        s.to_owned(),
                        region.to_string(),
                        id.to_owned(),
                        engine.to_owned(),
                        port.to_owned(),
                        iam.to_owned(),
                    )
                })
        })
        .collect()
}

const SERVICE_ORDER: [&str; 11] = [
    "rds",
    "aurora",
    "proxy",
    "redshift",
    "redshift-serverless",
    "docdb",
    "dsql",
    "dynamodb",
    "elasticache",
    "elasticache-serverless",
    "memorydb",
];

// ---------------------------------------------------------------- tests

#[test]
fn lists_every_service_in_two_regions_with_its_iam_auth() {
    let Some(moto) = populated() else { return };
    let home = Home::new();
    let out = discover(&home, &moto)
        .args(["--region", &REGIONS.join(","), "--output", "json"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let rows = json_rows(&out);
    for r in &rows {
        let keys: Vec<&str> = r.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            [
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
                "connect"
            ]
        );
    }
    let mine = ours(&rows);
    assert_eq!(summary(&mine), expected_summary(|_| true));
    assert_eq!(mine.len(), 26, "no duplicates");
    // The Aurora cluster the DocumentDB API also returns is not a DocumentDB row.
    assert!(!rows.iter().any(|r| r["id"] == "dsc-aurora-seen-by-docdb"));

    // Sorted by service (documented order), region, id.
    let order: Vec<(usize, String, String)> = rows
        .iter()
        .map(|r| {
            let s = SERVICE_ORDER
                .iter()
                .position(|s| *s == r["service"])
                .expect("known service");
            (s, key(r, "region"), key(r, "id"))
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);

    let row = |service: &str, region: &str, id: &str| -> &Value {
        rows.iter()
            .find(|r| r["service"] == service && r["region"] == region && r["id"] == id)
            .unwrap_or_else(|| panic!("no row {service} {region} {id}"))
    };
    let pg = row("rds", "eu-north-1", "dsc-pg-iam");
    let host = pg["endpoint"].as_str().unwrap();
    assert!(host.starts_with("dsc-pg-iam.") && host.ends_with(".eu-north-1.rds.amazonaws.com"));
    assert_eq!(pg["status"], "available");
    assert_eq!(
        pg["connect"],
        serde_json::json!({"engine": "postgres", "host": host, "port": 5432,
                           "database": "app", "region": "eu-north-1"})
    );
    let apg = row("aurora", "ap-northeast-3", "dsc-apg");
    assert!(apg["endpoint"].as_str().unwrap().contains(".cluster-"));
    assert!(apg["reader_endpoint"]
        .as_str()
        .unwrap()
        .contains(".cluster-ro-"));
    assert_eq!(
        row("aurora", "eu-north-1", "dsc-amy")["connect"]["engine"],
        "mysql"
    );
    assert_eq!(
        row("redshift", "eu-north-1", "dsc-rs")["connect"]["database"],
        "dev"
    );
    let wg = row("redshift-serverless", "ap-northeast-3", "dsc-wg-1");
    assert_eq!(
        wg["endpoint"],
        "dsc-wg-1.123456789012.ap-northeast-3.redshift-serverless.amazonaws.com"
    );
    assert_eq!(wg["status"], "AVAILABLE");
    assert_eq!(wg["engine_version"], "1.0.78890");
    let doc = row("docdb", "eu-north-1", "dsc-docdb-1");
    assert_eq!(doc["engine_version"], "5.0.0");
    assert_eq!(doc["connect"], Value::Null);
    let tab = row("dynamodb", "ap-northeast-3", "dsc-tab-a");
    assert_eq!(tab["status"], "ACTIVE");
    assert_eq!(tab["endpoint"], "dynamodb.ap-northeast-3.amazonaws.com");
    assert_eq!(tab["connect"]["table"], "dsc-tab-a");
}

#[test]
fn ndjson_and_table_show_the_same_rows() {
    let Some(moto) = populated() else { return };
    let home = Home::new();
    let run = |format: &str| {
        let out = discover(&home, &moto)
            .args(["--region", "eu-north-1", "--output", format])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let nd: Vec<Value> = run("ndjson")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(summary(&ours(&nd)).len(), 13);
    let table = run("table");
    let header = table.lines().next().unwrap();
    for col in [
        "service", "region", "id", "engine", "endpoint", "port", "iam_auth", "status",
    ] {
        assert!(header.contains(col), "{header}");
    }
    assert!(table.contains("aurora-postgresql "), "{table}");
    assert!(
        table.trim_end().ends_with(&format!("({} rows)", nd.len())),
        "{table}"
    );
}

#[test]
fn pages_through_more_than_one_page_of_instances() {
    let Some(moto) = populated() else { return };
    let home = Home::new();
    let out = discover(&home, &moto)
        .args(["--region", PAGED_REGION, "--services", "rds", "-o", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ids: BTreeSet<String> = json_rows(&out)
        .iter()
        .map(|r| key(r, "id"))
        .filter(|id| id.starts_with("dsc-page-"))
        .collect();
    let want: BTreeSet<String> = (0..120).map(|i| format!("dsc-page-{i:03}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn filters_by_iam_service_and_engine() {
    let Some(moto) = populated() else { return };
    let home = Home::new();
    let run = |args: &[&str]| {
        let out = discover(&home, &moto)
            .args(["--region", &REGIONS.join(","), "-o", "json"])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        summary(&ours(&json_rows(&out)))
    };
    assert_eq!(
        run(&["--iam-only"]),
        expected_summary(|e| ["enabled", "required", "always"].contains(&e[4]))
    );
    assert_eq!(
        run(&["--services", "aurora,docdb"]),
        expected_summary(|e| e[0] == "aurora" || e[0] == "docdb")
    );
    assert_eq!(
        run(&["--engine", "postgres"]),
        expected_summary(|e| e[2].contains("postgres"))
    );
    assert_eq!(
        run(&[
            "--engine",
            "MySQL",
            "--iam-only",
            "--services",
            "rds,aurora,proxy"
        ]),
        BTreeSet::new()
    );
}

#[test]
fn an_unreachable_region_gives_partial_results() {
    let Some(moto) = populated() else { return };
    let router = fake_region_router(&moto);
    let home = Home::new();
    let assert = discover(&home, &router)
        .args(["--region", &format!("{BAD_REGION},eu-north-1")])
        .args(["--services", "rds,dynamodb", "-o", "json"])
        .assert()
        .code(6);
    let out = assert.get_output();
    assert_eq!(
        summary(&ours(&json_rows(&out.stdout))),
        expected_summary(|e| e[0] == "rds" || e[0] == "dynamodb")
            .into_iter()
            .filter(|e| e.1 == "eu-north-1")
            .collect()
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].starts_with(&format!("dbiam: warning: rds in {BAD_REGION}: ")),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(&format!("dbiam: warning: dynamodb in {BAD_REGION}: ")),
        "{stderr}"
    );
    assert!(lines[0].contains("cannot reach"), "{stderr}");
    assert!(lines[2].contains("results are partial"), "{stderr}");

    // Nothing reachable at all: a failure (exit 1), nothing on stdout.
    discover(&home, &router)
        .args(["--region", BAD_REGION, "--services", "rds", "-o", "json"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains(format!("rds in {BAD_REGION}")));
}

#[test]
fn bad_flags_are_usage_errors() {
    let home = Home::new();
    let port = closed_port();
    for args in [
        vec!["--services", "rds,mongo"],
        vec!["--region", "eu-north-1,Nowhere"],
        vec!["--region", "eu-north-1", "--all-regions"],
    ] {
        home.dbiam_with_keys()
            .env("AWS_ENDPOINT_URL", format!("http://127.0.0.1:{port}"))
            .arg("discover")
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::starts_with("dbiam: error: "));
    }
}

#[test]
fn all_regions_queries_the_partitions_default_regions() {
    let Some(moto) = populated() else { return };
    let home = Home::new();
    let out = discover(&home, &moto)
        .env("AWS_REGION", "eu-north-1")
        .args(["--all-regions", "--services", "dynamodb", "-o", "json"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    // ap-northeast-3 and eu-north-1 are both in the built-in list of the aws partition.
    assert_eq!(
        summary(&ours(&json_rows(&out))),
        expected_summary(|e| e[0] == "dynamodb")
    );
}

#[test]
fn save_writes_named_targets_for_sql_databases() {
    let Some(moto) = populated() else { return };
    let home = Home::new();
    let config = home.path().join("dbiam.toml");
    let run_save = |regions: &str| {
        discover(&home, &moto)
            .env("DBIAM_CONFIG", &config)
            .args(["--region", regions, "--services", "rds,aurora,dynamodb"])
            .args(["--engine", "postgres", "--save", "-o", "json"])
            .assert()
            .success()
            .stderr(predicate::str::contains("dbiam: saved"));
    };
    // One region: targets are named after the id.
    run_save(REGIONS[0]);
    let text = std::fs::read_to_string(&config).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let targets = doc["targets"].as_table().unwrap();
    let pg = targets["dsc-pg-iam"].as_table().unwrap();
    assert_eq!(pg["engine"].as_str(), Some("postgres"));
    assert_eq!(pg["region"].as_str(), Some(REGIONS[0]));
    assert_eq!(pg["port"].as_integer(), Some(5432));
    assert!(pg["host"].as_str().unwrap().contains("dsc-pg-iam"));
    assert!(targets.contains_key("dsc-apg"));
    // No DynamoDB, MySQL (filtered out) or DocumentDB target, no secret of any kind.
    assert!(!targets
        .keys()
        .any(|k| k.contains("tab") || k.contains("mysql")));
    assert!(!text.contains("testing") && !text.to_lowercase().contains("password"));
    // The same id in two regions: named ID-REGION.
    run_save(&REGIONS.join(","));
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    let targets = doc["targets"].as_table().unwrap();
    for r in REGIONS {
        assert_eq!(
            targets[&format!("dsc-pg-iam-{r}")]["region"].as_str(),
            Some(r),
            "{targets:?}"
        );
    }
    // The saved target is usable by name.
    home.dbiam()
        .env("DBIAM_CONFIG", &config)
        .args(["targets", "show", "dsc-apg", "-o", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("aurora").or(predicate::str::contains("dsc-apg")));
}

#[test]
fn lists_dsql_elasticache_and_memorydb_with_iam_users_and_tls_endpoints() {
    let Some((moto, dsql_id)) = populated_caches() else {
        return;
    };
    let home = Home::new();
    let out = discover(&home, &moto)
        .args([
            "--region",
            &format!("{CACHE_REGION},us-east-1"),
            "-o",
            "json",
        ])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let rows = json_rows(&out);
    let row = |service: &str, id: &str| -> Value {
        rows.iter()
            .find(|r| r["service"] == service && r["id"] == id)
            .unwrap_or_else(|| panic!("no row {service} {id} in {rows:?}"))
            .clone()
    };
    let iam = |service: &str, id: &str| key(&row(service, id), "iam_auth");
    // ElastiCache: an IAM user in the group, TLS without one, no TLS.
    assert_eq!(iam("elasticache", "dsc-rg-iam"), "enabled");
    assert_eq!(iam("elasticache", "dsc-rg-tls"), "possible");
    assert_eq!(iam("elasticache", "dsc-rg-plain"), "disabled");
    // The engine version (from the member cluster): Redis OSS 6.2 cannot have IAM users.
    assert_eq!(iam("elasticache", "dsc-rg-redis6"), "disabled");
    assert_eq!(
        row("elasticache", "dsc-rg-redis6")["engine_version"],
        "6.2.6"
    );
    assert_eq!(iam("elasticache", "dsc-rg-redis7"), "possible");
    assert_eq!(row("elasticache", "dsc-rg-redis7")["engine"], "redis");
    let rg = row("elasticache", "dsc-rg-iam");
    assert_eq!(rg["engine"], "valkey");
    assert_eq!(rg["port"], 6379);
    assert_eq!(rg["region"], CACHE_REGION);
    let host = rg["endpoint"].as_str().unwrap();
    assert!(host.starts_with("master.dsc-rg-iam."), "{host}");
    assert_eq!(
        rg["connect"],
        serde_json::json!({"engine": "redis", "host": host, "port": 6379, "tls": true,
            "cache": "elasticache", "cache_name": "dsc-rg-iam", "user": "dsc-iam",
            "region": CACHE_REGION})
    );
    // Cluster mode: the configuration endpoint.
    let cfg = row("elasticache", "dsc-rg-cluster");
    assert!(cfg["endpoint"]
        .as_str()
        .unwrap()
        .starts_with("clustercfg.dsc-rg-cluster."));
    // Serverless (from the fake: moto has no serverless caches).
    assert_eq!(iam("elasticache-serverless", "dsc-sls-iam"), "enabled");
    assert_eq!(iam("elasticache-serverless", "dsc-sls-open"), "possible");
    let sls = row("elasticache-serverless", "dsc-sls-iam");
    assert_eq!(sls["engine_version"], "8.0");
    assert_eq!(sls["connect"]["cache"], "elasticache-serverless");
    assert_eq!(
        sls["endpoint"],
        "dsc-sls-iam-x1y2z3.serverless.cac1.cache.amazonaws.com"
    );
    // MemoryDB: IAM user in the ACL; no TLS; engine 6 (no IAM users before 7).
    assert_eq!(iam("memorydb", "dsc-mdb-iam"), "enabled");
    assert_eq!(iam("memorydb", "dsc-mdb-plain"), "disabled");
    assert_eq!(iam("memorydb", "dsc-mdb-old"), "disabled");
    let mdb = row("memorydb", "dsc-mdb-iam");
    assert_eq!(mdb["engine_version"], "7.1");
    assert!(mdb["endpoint"]
        .as_str()
        .unwrap()
        .contains(".memorydb.ca-central-1.amazonaws.com"));
    assert_eq!(mdb["connect"]["user"], "dsc-iam");
    // DSQL (us-east-1 only in moto): always IAM, the connect object for `dbiam connect`.
    let d = row("dsql", &dsql_id);
    assert_eq!(d["iam_auth"], "always");
    assert_eq!(d["status"], "ACTIVE");
    assert_eq!(d["port"], 5432);
    let endpoint = d["endpoint"].as_str().unwrap();
    assert!(
        endpoint.starts_with(&dsql_id) && endpoint.ends_with(".on.aws"),
        "{endpoint}"
    );
    assert_eq!(
        d["connect"],
        serde_json::json!({"engine": "dsql", "host": endpoint, "port": 5432,
            "database": "postgres", "region": "us-east-1"})
    );
    // --iam-only keeps enabled/always rows, not the `possible` ones.
    let out = discover(&home, &moto)
        .args(["--region", CACHE_REGION, "--iam-only", "-o", "json"])
        .args(["--services", "elasticache,elasticache-serverless,memorydb"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ids: BTreeSet<String> = ours(&json_rows(&out))
        .iter()
        .map(|r| key(r, "id"))
        .collect();
    let want: BTreeSet<String> = ["dsc-rg-iam", "dsc-sls-iam", "dsc-mdb-iam"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(ids, want);
    // DSQL is queried by default only where AWS offers it: no job (so no moto 500) for
    // eu-north-1; named with --services it is asked everywhere (the fake answers empty).
    discover(&home, &moto)
        .args(["--region", "eu-north-1", "--services", "dsql", "-o", "json"])
        .assert()
        .success()
        .stdout("[]\n");
}

#[test]
fn save_writes_redis_and_dsql_targets_and_targets_add_takes_redis() {
    let Some((moto, dsql_id)) = populated_caches() else {
        return;
    };
    let home = Home::new();
    let config = home.path().join("dbiam.toml");
    discover(&home, &moto)
        .env("DBIAM_CONFIG", &config)
        .args(["--region", &format!("{CACHE_REGION},us-east-1")])
        .args([
            "--services",
            "dsql,elasticache,memorydb",
            "--iam-only",
            "--save",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("dbiam: saved"));
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    let targets = doc["targets"].as_table().unwrap();
    let rg = targets["dsc-rg-iam"].as_table().unwrap();
    assert_eq!(rg["engine"].as_str(), Some("redis"));
    assert_eq!(rg["cache"].as_str(), Some("elasticache"));
    assert_eq!(rg["cache_name"].as_str(), Some("dsc-rg-iam"));
    assert_eq!(rg["user"].as_str(), Some("dsc-iam"));
    assert_eq!(rg["port"].as_integer(), Some(6379));
    assert_eq!(rg["region"].as_str(), Some(CACHE_REGION));
    assert_eq!(targets["dsc-mdb-iam"]["cache"].as_str(), Some("memorydb"));
    let d = targets[&dsql_id].as_table().unwrap();
    assert_eq!(d["engine"].as_str(), Some("dsql"));
    assert_eq!(d["region"].as_str(), Some("us-east-1"));

    // The saved cache target mints the same token as `dbiam token --elasticache`.
    let token = |args: &[&str]| {
        let out = home
            .dbiam_with_keys()
            .env("DBIAM_CONFIG", &config)
            .args(["--signing-time", "20241015T120000Z"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let direct = token(&[
        "--region",
        CACHE_REGION,
        "token",
        "--elasticache",
        "--cache-name",
        "dsc-rg-iam",
        "--username",
        "dsc-iam",
    ]);
    let env = token(&["env", "dsc-rg-iam"]);
    let auth = format!(
        "export REDISCLI_AUTH='{}'",
        direct.trim().replace('\'', "'\\''")
    );
    assert!(env.lines().any(|l| l == auth), "{env}");
    assert!(env.contains("export REDIS_URL='rediss://dsc-iam:dsc-rg-iam%2F%3FAction%3Dconnect%26User%3Ddsc-iam%26X-Amz-Algorithm"), "{env}");

    // `targets add --engine redis`: --cache from the host name, --cache-name required.
    let add = |args: &[&str]| {
        let mut c = home.dbiam();
        c.env("DBIAM_CONFIG", &config)
            .args(["targets", "add"])
            .args(args);
        c
    };
    add(&[
        "sessions",
        "--engine",
        "redis",
        "-h",
        "sessions-x1y2z3.serverless.use1.cache.amazonaws.com",
        "-p",
        "6379",
        "-U",
        "app",
        "--cache-name",
        "sessions",
    ])
    .assert()
    .success();
    let doc: toml::Table = toml::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    assert_eq!(
        doc["targets"]["sessions"]["cache"].as_str(),
        Some("elasticache-serverless")
    );
    add(&[
        "nocache",
        "--engine",
        "redis",
        "-h",
        "10.0.0.1",
        "--cache-name",
        "x",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("--cache"));
    add(&[
        "noname",
        "--engine",
        "redis",
        "-h",
        "master.x.abc.use1.cache.amazonaws.com",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("--cache-name"));
    add(&["pgcache", "-h", "db.example.com", "--cache", "memorydb"])
        .assert()
        .code(2);
    // No SQL shell for a cache.
    home.dbiam_with_keys()
        .env("DBIAM_CONFIG", &config)
        .args(["sql", "sessions", "-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no Redis shell"));
}
