//! `dbiam setup enable` and `dbiam setup policy` end to end through the real binary,
//! against moto: IAM auth switched on for an instance and an Aurora cluster (the requests
//! checked in a private moto's request recording), policy documents naming the resource
//! id RDS reports and the STS account, ABAC/Redshift/DSQL forms, and bad input.
//!
//! Every resource lives in ca-central-1 (no other test uses it) with a per-process name.

mod common;

use common::{closed_port, moto_url, python, Home};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const REGION: &str = "ca-central-1";
const ACCOUNT: &str = "123456789012";

fn unique(what: &str) -> String {
    format!("setup-{what}-{}", std::process::id())
}

fn rds(endpoint: &str) -> aws_sdk_rds::Client {
    let creds = aws_credential_types::Credentials::new(
        "AKIATESTTESTTESTTEST",
        "testing-secret-key",
        None,
        None,
        "test",
    );
    let conf = aws_sdk_rds::config::Builder::new()
        .behavior_version(aws_sdk_rds::config::BehaviorVersion::latest())
        .region(aws_sdk_rds::config::Region::new(REGION))
        .endpoint_url(endpoint)
        .credentials_provider(creds)
        .build();
    aws_sdk_rds::Client::from_conf(conf)
}

/// A PostgreSQL instance and an Aurora PostgreSQL cluster with one member, all created
/// WITHOUT IAM authentication, deleted by [`Dbs::delete`].
struct Dbs {
    instance: String,
    cluster: String,
    member: String,
}

impl Dbs {
    async fn create(client: &aws_sdk_rds::Client, tag: &str) -> Dbs {
        let dbs = Dbs {
            instance: unique(&format!("{tag}-pg")),
            cluster: unique(&format!("{tag}-aurora")),
            member: unique(&format!("{tag}-aurora-1")),
        };
        client
            .create_db_instance()
            .db_instance_identifier(&dbs.instance)
            .engine("postgres")
            .db_instance_class("db.t3.micro")
            .master_username("pgadmin")
            .master_user_password("password123")
            .allocated_storage(20)
            .send()
            .await
            .expect("create instance");
        client
            .create_db_cluster()
            .db_cluster_identifier(&dbs.cluster)
            .engine("aurora-postgresql")
            .master_username("pgadmin")
            .master_user_password("password123")
            .send()
            .await
            .expect("create cluster");
        client
            .create_db_instance()
            .db_instance_identifier(&dbs.member)
            .db_cluster_identifier(&dbs.cluster)
            .engine("aurora-postgresql")
            .db_instance_class("db.r5.large")
            .send()
            .await
            .expect("create cluster member");
        assert!(
            !instance(client, &dbs.instance).await.0,
            "created without IAM auth"
        );
        assert!(
            !cluster(client, &dbs.cluster).await.0,
            "created without IAM auth"
        );
        dbs
    }

    async fn delete(self, client: &aws_sdk_rds::Client) {
        for id in [&self.member, &self.instance] {
            client
                .delete_db_instance()
                .db_instance_identifier(id)
                .skip_final_snapshot(true)
                .send()
                .await
                .expect("delete instance");
        }
        client
            .delete_db_cluster()
            .db_cluster_identifier(&self.cluster)
            .skip_final_snapshot(true)
            .send()
            .await
            .expect("delete cluster");
    }
}

/// (IAMDatabaseAuthenticationEnabled, DbiResourceId) as moto reports them.
async fn instance(client: &aws_sdk_rds::Client, id: &str) -> (bool, String) {
    let out = client
        .describe_db_instances()
        .db_instance_identifier(id)
        .send()
        .await
        .expect("describe instance");
    let db = &out.db_instances()[0];
    (
        db.iam_database_authentication_enabled() == Some(true),
        db.dbi_resource_id().expect("DbiResourceId").to_owned(),
    )
}

/// (IAMDatabaseAuthenticationEnabled, DbClusterResourceId) as moto reports them.
async fn cluster(client: &aws_sdk_rds::Client, id: &str) -> (bool, String) {
    let out = client
        .describe_db_clusters()
        .db_cluster_identifier(id)
        .send()
        .await
        .expect("describe cluster");
    let c = &out.db_clusters()[0];
    (
        c.iam_database_authentication_enabled() == Some(true),
        c.db_cluster_resource_id()
            .expect("DbClusterResourceId")
            .to_owned(),
    )
}

/// The binary with dummy keys, ca-central-1, and AWS calls going to `endpoint`.
fn dbiam(home: &Home, endpoint: &str) -> assert_cmd::Command {
    let mut c = home.dbiam();
    c.env("AWS_ACCESS_KEY_ID", "AKIATESTTESTTESTTEST")
        .env("AWS_SECRET_ACCESS_KEY", "testing-secret-key")
        .env("AWS_REGION", REGION)
        .env("AWS_ENDPOINT_URL", endpoint);
    c
}

fn stdout_json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A moto server of this test's own, started from the test bench's virtualenv with
/// moto's request recorder on, so the test can read the exact requests dbiam sent.
struct RecordingMoto {
    child: Child,
    url: String,
    recording: PathBuf,
    _dir: tempfile::TempDir,
}

impl RecordingMoto {
    fn start(python: &str) -> RecordingMoto {
        let bin = Path::new(python).with_file_name("moto_server");
        let dir = tempfile::tempdir().expect("temp dir");
        let recording = dir.path().join("recording.jsonl");
        let port = closed_port();
        let child = std::process::Command::new(&bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .current_dir(dir.path())
            .env("MOTO_ENABLE_RECORDING", "true")
            .env("MOTO_RECORDER_FILEPATH", &recording)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let moto = RecordingMoto {
            child,
            url: format!("http://127.0.0.1:{port}"),
            recording,
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while !moto.ready() {
            assert!(
                Instant::now() < deadline,
                "private moto server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        moto
    }

    fn ready(&self) -> bool {
        use std::io::{Read, Write};
        let Ok(mut s) = std::net::TcpStream::connect(self.url.trim_start_matches("http://")) else {
            return false;
        };
        let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
        if s.write_all(b"GET /moto-api/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            .is_err()
        {
            return false;
        }
        let mut head = [0u8; 12];
        s.read_exact(&mut head).is_ok() && head.ends_with(b"200")
    }

    /// The form-encoded bodies of the recorded RDS query-protocol requests.
    fn bodies(&self) -> Vec<String> {
        let text = std::fs::read_to_string(&self.recording).unwrap_or_default();
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: Value = serde_json::from_str(l).expect("recording line");
                let body = v["body"].as_str().unwrap_or_default();
                if v["body_encoded"] == Value::Bool(true) {
                    String::from_utf8(base64_decode(body)).expect("UTF-8 body")
                } else {
                    body.to_owned()
                }
            })
            .collect()
    }

    /// Recorded requests of one action for one identifier, as key=value pairs.
    fn calls(&self, action: &str, id_param: &str, id: &str) -> Vec<Vec<(String, String)>> {
        self.bodies()
            .iter()
            .map(|b| form(b))
            .filter(|f| has(f, "Action", action) && has(f, id_param, id))
            .collect()
    }
}

impl Drop for RecordingMoto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn has(form: &[(String, String)], k: &str, v: &str) -> bool {
    form.iter().any(|(a, b)| a == k && b == v)
}

fn form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn base64_decode(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|&c| c != b'=') {
        let v = ALPHABET.iter().position(|&a| a == c).expect("base64") as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn enable_switches_iam_auth_on_for_an_instance_and_a_cluster() {
    let Some(py) = python() else { return };
    let moto = RecordingMoto::start(&py);
    let client = rds(&moto.url);
    let dbs = Dbs::create(&client, "enable").await;
    let home = Home::new();

    // The instance: ModifyDBInstance, then DescribeDBInstances reports it on.
    let out = dbiam(&home, &moto.url)
        .args(["setup", "enable", &dbs.instance, "--apply-immediately"])
        .args(["--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = stdout_json(&out);
    assert_eq!(v["outcome"], "enabled");
    assert_eq!(v["kind"], "instance");
    assert_eq!(v["iam_database_authentication_enabled"], true);
    let (on, dbi) = instance(&client, &dbs.instance).await;
    assert!(on, "IAMDatabaseAuthenticationEnabled did not flip");
    assert_eq!(v["resource_id"], dbi.as_str());
    let calls = moto.calls("ModifyDBInstance", "DBInstanceIdentifier", &dbs.instance);
    assert_eq!(calls.len(), 1, "one ModifyDBInstance");
    assert!(has(&calls[0], "EnableIAMDatabaseAuthentication", "true"));
    assert!(has(&calls[0], "ApplyImmediately", "true"));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("next: ") && err.contains("dbiam token --verify"));

    // Again: already on, nothing modified.
    let out = dbiam(&home, &moto.url)
        .args(["setup", "enable", &dbs.instance, "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_json(&out)["outcome"], "already-enabled");
    assert_eq!(
        moto.calls("ModifyDBInstance", "DBInstanceIdentifier", &dbs.instance)
            .len(),
        1
    );

    // The cluster: the request must be ModifyDBCluster with the flag.
    let out = dbiam(&home, &moto.url)
        .args(["setup", "enable", &dbs.cluster, "--cluster"])
        .args(["--apply-immediately", "--timeout", "1", "-o", "json"])
        .output()
        .unwrap();
    let calls = moto.calls("ModifyDBCluster", "DBClusterIdentifier", &dbs.cluster);
    assert_eq!(calls.len(), 1, "one ModifyDBCluster: {}", stderr(&out));
    assert!(has(&calls[0], "EnableIAMDatabaseAuthentication", "true"));
    assert!(has(&calls[0], "ApplyImmediately", "true"));
    if cluster(&client, &dbs.cluster).await.0 {
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout_json(&out)["outcome"], "enabled");
    } else {
        // moto 5.2.5 stores ModifyDBCluster's EnableIAMDatabaseAuthentication in an
        // attribute DescribeDBClusters never reads, so the flag cannot flip there: dbiam
        // must then wait out --timeout and say so, exit 1, one line.
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!(
                "dbiam: error: IAM authentication is not on yet for DB cluster '{}' after 1s",
                dbs.cluster
            )),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }

    // --no-wait: requested, exit 0, ApplyImmediately=false without the flag.
    let out = dbiam(&home, &moto.url)
        .args(["setup", "enable", &dbs.cluster, "--cluster", "--no-wait"])
        .args(["-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let outcome = stdout_json(&out)["outcome"].clone();
    assert!(
        outcome == "requested" || outcome == "already-enabled",
        "{outcome}"
    );
    let calls = moto.calls("ModifyDBCluster", "DBClusterIdentifier", &dbs.cluster);
    if outcome == "requested" {
        assert_eq!(calls.len(), 2);
        assert!(has(&calls[1], "ApplyImmediately", "false"));
    }

    dbs.delete(&client).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn wrong_kind_of_identifier_gets_a_hint_and_unknown_ones_exit_1() {
    let Some(url) = moto_url() else { return };
    let client = rds(&url);
    let dbs = Dbs::create(&client, "kind").await;
    let home = Home::new();
    let run = |args: &[&str]| dbiam(&home, &url).args(args).output().unwrap();

    let out = run(&["setup", "enable", &dbs.member]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("Aurora cluster member"), "{err}");
    assert!(
        err.contains(&format!("`{} --cluster`", dbs.cluster)),
        "{err}"
    );

    let out = run(&["setup", "policy", &dbs.cluster, "--db-user", "app"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is an Aurora DB cluster; add --cluster"));

    let out = run(&["setup", "enable", &dbs.instance, "--cluster"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a DB instance, not a cluster"));

    let unknown = unique("no-such-db");
    for args in [
        vec!["setup", "enable", unknown.as_str()],
        vec!["setup", "policy", unknown.as_str(), "--db-user", "app"],
        vec!["setup", "enable", unknown.as_str(), "--cluster"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("dbiam: error: no RDS DB ") && err.contains(REGION),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    // Nothing was switched on by the refused commands.
    assert!(!instance(&client, &dbs.member).await.0);
    assert!(!instance(&client, &dbs.instance).await.0);

    dbs.delete(&client).await;
}

fn resource(policy: &Value) -> Vec<String> {
    assert_eq!(policy["Version"], "2012-10-17");
    policy["Statement"]
        .as_array()
        .expect("Statement array")
        .iter()
        .flat_map(|s| {
            assert_eq!(s["Effect"], "Allow");
            s["Resource"].as_array().expect("Resource array").clone()
        })
        .map(|r| r.as_str().expect("ARN string").to_owned())
        .collect()
}

fn actions(policy: &Value) -> Vec<String> {
    policy["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["Action"].as_array().unwrap().clone())
        .map(|a| a.as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn policy_names_the_resource_id_rds_reports_and_the_sts_account() {
    let Some(url) = moto_url() else { return };
    let client = rds(&url);
    let dbs = Dbs::create(&client, "policy").await;
    let home = Home::new();
    let (_, dbi) = instance(&client, &dbs.instance).await;
    let (_, cluster_rid) = cluster(&client, &dbs.cluster).await;

    let out = dbiam(&home, &url)
        .args(["setup", "policy", &dbs.instance, "--db-user", "app_user"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let p = stdout_json(&out);
    assert_eq!(actions(&p), ["rds-db:connect"]);
    assert_eq!(
        resource(&p),
        [format!(
            "arn:aws:rds-db:{REGION}:{ACCOUNT}:dbuser:{dbi}/app_user"
        )]
    );
    let err = stderr(&out);
    assert!(err.contains("not enabled"), "{err}");
    assert!(
        err.lines().any(|l| l.starts_with("next: ")
            && l.contains("dbiam token --verify --hostname")
            && l.contains("--username app_user")),
        "{err}"
    );

    // A cluster: DbClusterResourceId, never the name; ABAC with a principal tag.
    let out = dbiam(&home, &url)
        .args(["setup", "policy", &dbs.cluster, "--cluster"])
        .args(["--principal-tag", "username"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let arns = resource(&stdout_json(&out));
    assert_eq!(
        arns,
        [format!(
            "arn:aws:rds-db:{REGION}:{ACCOUNT}:dbuser:{cluster_rid}/${{aws:PrincipalTag/username}}"
        )]
    );
    assert!(!arns[0].contains(&dbs.cluster));

    // --output: table prints the same pretty document, ndjson one line, csv is refused.
    let table = dbiam(&home, &url)
        .args(["setup", "policy", &dbs.instance, "--db-user", "app_user"])
        .args(["-o", "table"])
        .output()
        .unwrap();
    assert_eq!(table.stdout, out_of(&home, &url, &dbs.instance, "json"));
    let nd = out_of(&home, &url, &dbs.instance, "ndjson");
    assert_eq!(nd.iter().filter(|&&b| b == b'\n').count(), 1);
    assert_eq!(
        serde_json::from_slice::<Value>(&nd).unwrap(),
        stdout_json(&table)
    );
    dbiam(&home, &url)
        .args(["setup", "policy", &dbs.instance, "--db-user", "app_user"])
        .args(["-o", "csv"])
        .assert()
        .code(2)
        .stdout("");

    dbs.delete(&client).await;
}

fn out_of(home: &Home, url: &str, id: &str, format: &str) -> Vec<u8> {
    let out = dbiam(home, url)
        .args(["setup", "policy", id, "--db-user", "app_user", "-o", format])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    out.stdout
}

#[test]
fn redshift_and_dsql_policies() {
    let Some(url) = moto_url() else { return };
    let home = Home::new();

    let out = dbiam(&home, &url)
        .args(["setup", "policy", "--redshift", "analytics"])
        .args(["--db-user", "bi", "--db-name", "dev", "--auto-create"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let p = stdout_json(&out);
    assert_eq!(
        actions(&p),
        [
            "redshift:GetClusterCredentials",
            "redshift:CreateClusterUser",
            "redshift:DescribeClusters"
        ]
    );
    assert_eq!(
        p["Statement"][0]["Resource"],
        serde_json::json!([
            format!("arn:aws:redshift:{REGION}:{ACCOUNT}:dbuser:analytics/bi"),
            format!("arn:aws:redshift:{REGION}:{ACCOUNT}:dbname:analytics/dev"),
        ])
    );
    assert!(stderr(&out).contains("get-cluster-credentials --cluster-identifier analytics"));

    // ABAC works for Redshift too; no --db-name: no dbname resource.
    let out = dbiam(&home, &url)
        .args(["setup", "policy", "--redshift", "analytics"])
        .args(["--principal-tag", "dbuser"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let p = stdout_json(&out);
    assert_eq!(
        p["Statement"][0]["Resource"],
        serde_json::json!([format!(
            "arn:aws:redshift:{REGION}:{ACCOUNT}:dbuser:analytics/${{aws:PrincipalTag/dbuser}}"
        )])
    );

    for (admin, action) in [(false, "dsql:DbConnect"), (true, "dsql:DbConnectAdmin")] {
        let mut c = dbiam(&home, &url);
        c.args(["setup", "policy", "--dsql", "abcdefghijklmnopqrstuvwxyz"]);
        if admin {
            c.arg("--admin");
        }
        let out = c.output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let p = stdout_json(&out);
        assert_eq!(actions(&p), [action]);
        assert_eq!(
            resource(&p),
            [format!(
                "arn:aws:dsql:{REGION}:{ACCOUNT}:cluster/abcdefghijklmnopqrstuvwxyz"
            )]
        );
        assert!(stderr(&out).contains(&format!(
            "--hostname abcdefghijklmnopqrstuvwxyz.dsql.{REGION}.on.aws"
        )));
    }

    // The partition follows the region.
    let out = dbiam(&home, &url)
        .args([
            "--region",
            "us-gov-west-1",
            "setup",
            "policy",
            "--dsql",
            "abc",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        resource(&stdout_json(&out)),
        [format!(
            "arn:aws-us-gov:dsql:us-gov-west-1:{ACCOUNT}:cluster/abc"
        )]
    );
}

#[test]
fn bad_input_exits_2_with_one_line_and_no_aws_call() {
    // Every AWS endpoint is a closed port: input is checked before any call.
    let home = Home::new();
    let dead = format!("http://127.0.0.1:{}", closed_port());
    let cases: &[&[&str]] = &[
        &["setup", "policy", "mydb", "--db-user", "x; drop table t"],
        &["setup", "policy", "mydb", "--db-user", "a/b"],
        &["setup", "policy", "mydb", "--db-user", "*"],
        &["setup", "policy", "mydb", "--db-user", ""],
        &["setup", "policy", "mydb", "--db-user", "${aws:username}"],
        &["setup", "policy", "mydb", "--principal-tag", "a}b"],
        &["setup", "policy", "mydb"],
        &["setup", "policy", "my_db!", "--db-user", "app"],
        &[
            "setup",
            "policy",
            "--redshift",
            "Bad_Cluster",
            "--db-user",
            "u",
        ],
        &[
            "setup",
            "policy",
            "--redshift",
            "c1",
            "--db-user",
            "u",
            "--db-name",
            "d*",
        ],
        &["setup", "policy", "--dsql", "not.an.id"],
        &["setup", "enable", "bad/id"],
        &["setup", "enable", ""],
        &["setup", "policy", "mydb", "--admin", "--db-user", "u"],
        &[
            "setup",
            "policy",
            "--redshift",
            "c1",
            "--cluster",
            "--db-user",
            "u",
        ],
        &[
            "setup",
            "policy",
            "mydb",
            "--db-name",
            "dev",
            "--db-user",
            "u",
        ],
        &["setup", "policy", "--dsql", "abc", "--auto-create"],
    ];
    for args in cases {
        let out = dbiam(&home, &dead).args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("dbiam: error: "), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // clap refuses these combinations itself (exit 2, with its usage text).
    for args in [
        &["setup", "policy", "mydb", "--dsql", "abc", "--db-user", "u"][..],
        &["setup", "policy", "--dsql", "abc", "--db-user", "u"],
        &["setup", "policy", "--db-user", "u"],
        &[
            "setup",
            "policy",
            "mydb",
            "--redshift",
            "c1",
            "--db-user",
            "u",
        ],
        &["setup", "enable", "mydb", "--no-wait", "--timeout", "5"],
    ] {
        dbiam(&home, &dead).args(args).assert().code(2).stdout("");
    }
}

/// The test bench's PostgreSQL as the superuser `postgres` (trust authentication).
fn local_pg_config() -> String {
    format!(
        "host={} port={} user=postgres dbname=postgres",
        common::pg_host(),
        common::pg_port()
    )
}

/// An administrator connection to the test bench's PostgreSQL (trust auth, superuser
/// `postgres`); `None` (skip) on a laptop without it, a panic under CI.
async fn local_pg() -> Option<tokio_postgres::Client> {
    common::bench_var("DBIAM_TEST_PG_PORT")?;
    match tokio_postgres::connect(&local_pg_config(), tokio_postgres::NoTls).await {
        Ok((client, conn)) => {
            tokio::spawn(conn);
            Some(client)
        }
        Err(e) => {
            let addr = common::pg_addr();
            assert!(!common::in_ci(), "PostgreSQL on {addr}: {e}");
            eprintln!("skipped: no PostgreSQL on {addr} ({e})");
            None
        }
    }
}

async fn pg_flag(pg: &tokio_postgres::Client, sql: &str, arg: &str) -> bool {
    pg.query_one(sql, &[&arg]).await.expect(sql).get(0)
}

async fn is_iam_user(pg: &tokio_postgres::Client, name: &str) -> bool {
    pg_flag(
        pg,
        "SELECT EXISTS (SELECT 1 FROM pg_auth_members m \
         JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member \
         WHERE r.rolname = 'rds_iam' AND u.rolname = $1 AND u.rolcanlogin)",
        name,
    )
    .await
}

/// Runs its SQL on the local PostgreSQL when dropped, so a failing test cleans up too.
struct PgCleanup(String);

impl Drop for PgCleanup {
    fn drop(&mut self) {
        let sql = self.0.clone();
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            rt.block_on(async {
                let (c, conn) = tokio_postgres::connect(&local_pg_config(), tokio_postgres::NoTls)
                    .await
                    .ok()?;
                tokio::spawn(conn);
                c.batch_execute(&sql).await.ok()
            })
        })
        .join();
    }
}

/// `setup user` as the administrator `postgres` (not an IAM user, like RDS's master user:
/// --no-iam), over TLS verified with the test bench's CA.
fn admin(home: &Home, ca: &str) -> assert_cmd::Command {
    let mut c = home.dbiam();
    c.args(["setup", "user", "--no-iam", "--sslmode", "verify-full"])
        .args(["--sslrootcert", ca, "-h", common::pg_host()])
        .args(["-p", common::pg_port_str()])
        .args(["-U", "postgres", "-d", "postgres"]);
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 1)]
async fn user_is_created_as_an_iam_user_idempotently_and_hostile_names_are_refused() {
    let Some(ca) = common::bench_var("DBIAM_TEST_PG_CA") else {
        return;
    };
    let Some(pg) = local_pg().await else { return };
    // RDS has a role rds_iam; this local server stands in for RDS with one of its own.
    let made_rds_iam = pg.batch_execute("CREATE ROLE rds_iam").await.is_ok();
    let pid = std::process::id();
    let name = format!("Jane.Doe-{pid}@example.com");
    let existing = format!("setup_pre_{pid}");
    let table = format!("setup_hostile_{pid}");
    let mut cleanup = format!(
        "DROP TABLE IF EXISTS {table}; DROP ROLE IF EXISTS {existing}; DROP ROLE IF EXISTS \"{name}\";"
    );
    if made_rds_iam {
        cleanup.push_str(" DROP ROLE IF EXISTS rds_iam;");
    }
    let _cleanup = PgCleanup(cleanup);
    pg.batch_execute(&format!(
        "CREATE ROLE {existing} LOGIN; CREATE TABLE {table} (x int)"
    ))
    .await
    .unwrap();
    let home = Home::new();

    // A new user: created, granted rds_iam, with its exact (mixed-case, dotted) name.
    let out = admin(&home, &ca)
        .args(["--db-user", &name, "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = stdout_json(&out);
    assert_eq!(v["outcome"], "created");
    assert_eq!(v["created"], true);
    assert!(is_iam_user(&pg, &name).await, "not an rds_iam member");
    let err = stderr(&out);
    assert!(err.starts_with("next: ") && err.contains(&format!("--username {name}")));

    // Twice is harmless: reported, not an error.
    let out = admin(&home, &ca)
        .args(["--db-user", &name, "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_json(&out)["outcome"], "unchanged");
    assert!(is_iam_user(&pg, &name).await);

    // An existing login role only gets the grant.
    assert!(!is_iam_user(&pg, &existing).await);
    let out = admin(&home, &ca)
        .args(["--db-user", &existing, "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout_json(&out)["outcome"], "granted");
    assert!(is_iam_user(&pg, &existing).await);

    // Hostile names are refused before anything reaches the server.
    for hostile in [
        format!("x; drop table {table}"),
        format!("x\"; DROP TABLE {table}; --"),
        format!("x' ; DROP TABLE {table}; --"),
    ] {
        let out = admin(&home, &ca)
            .args(["--db-user", &hostile])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{hostile}: {}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
        assert!(
            !pg_flag(
                &pg,
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &hostile
            )
            .await
        );
    }
    assert!(
        pg_flag(&pg, "SELECT to_regclass($1) IS NOT NULL", &table).await,
        "the table was dropped"
    );
}

#[test]
fn user_dry_run_prints_the_sql_without_connecting() {
    let home = Home::new();
    let dead = closed_port().to_string();
    let out = home
        .dbiam()
        .args(["setup", "user", "-h", "127.0.0.1", "-p", &dead])
        .args(["--db-user", "jane.doe@example.com", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        "CREATE USER \"jane.doe@example.com\";\nGRANT rds_iam TO \"jane.doe@example.com\";\n"
    );
    // MySQL: not executed here (MariaDB has no AWSAuthenticationPlugin), so the SQL is checked.
    let out = home
        .dbiam()
        .args(["setup", "user", "--engine", "mysql", "--db-user", "app_ro"])
        .arg("--dry-run")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        "CREATE USER IF NOT EXISTS 'app_ro'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';\n\
         ALTER USER 'app_ro'@'%' REQUIRE SSL;\n"
    );
    assert!(stderr(&out).starts_with("next: "));
    // Without --dry-run MySQL is refused (setup user runs statements on PostgreSQL only); too-long names too.
    for args in [
        vec![
            "--engine",
            "mysql",
            "--db-user",
            "app_ro",
            "-h",
            "127.0.0.1",
        ],
        vec![
            "--engine",
            "mysql",
            "--db-user",
            &"u".repeat(33),
            "--dry-run",
        ],
        vec!["--db-user", &"u".repeat(64), "--dry-run"],
    ] {
        let out = home
            .dbiam()
            .args(["setup", "user"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
        assert_eq!(stderr(&out).lines().count(), 1);
    }
}

#[test]
fn user_takes_a_named_target_like_the_other_commands() {
    let home = Home::new();
    let dead = closed_port().to_string();
    home.dbiam()
        .args(["targets", "add", "app-pg", "-h", "127.0.0.1", "-p", &dead])
        .args(["-U", "postgres"])
        .assert()
        .success();
    home.dbiam()
        .args([
            "targets",
            "add",
            "app-my",
            "--engine",
            "mysql",
            "-h",
            "127.0.0.1",
        ])
        .assert()
        .success();
    let out = home
        .dbiam()
        .args(["setup", "user", "app-pg", "--db-user", "app", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        "CREATE USER \"app\";\nGRANT rds_iam TO \"app\";\n"
    );
    // The target's engine chooses the statements.
    let out = home
        .dbiam()
        .args(["setup", "user", "app-my", "--db-user", "app", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8(out.stdout.clone()).unwrap().starts_with(
            "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED WITH AWSAuthenticationPlugin"
        ),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Without --dry-run it connects to the target's host and port (closed here), not
    // to a URL named `app-pg`.
    let out = home
        .dbiam()
        .args(["setup", "user", "app-pg", "--db-user", "app", "--no-iam"])
        .env("PGPASSWORD", "unused")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("127.0.0.1:{dead}")), "{err}");
    assert!(!err.contains("URL"), "{err}");
    // An unknown name is a usage error, as for `dbiam sql`.
    let out = home
        .dbiam()
        .args(["setup", "user", "nosuch", "--db-user", "app", "--dry-run"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no target named 'nosuch'"));
}
