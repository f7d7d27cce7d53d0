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
//! eu-south-2 (120 instances), me-central-1 (unreachable).

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
        let Ok(mut up) = TcpStream::connect(&target) else {
            let _ = s.shutdown(Shutdown::Both);
            return;
        };
        // Ask for one response per connection, then relay it back.
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
    })
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

/// `dbiam discover` against moto (and the fakes for DocumentDB and Redshift Serverless).
fn discover(home: &Home, moto: &str) -> assert_cmd::Command {
    let (docdb, serverless) = fakes();
    let mut c = home.dbiam_with_keys();
    c.env("AWS_ENDPOINT_URL", moto)
        .env("AWS_ENDPOINT_URL_DOCDB", docdb)
        .env("AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS", serverless)
        .arg("discover");
    c
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

const SERVICE_ORDER: [&str; 7] = [
    "rds",
    "aurora",
    "proxy",
    "redshift",
    "redshift-serverless",
    "docdb",
    "dynamodb",
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
