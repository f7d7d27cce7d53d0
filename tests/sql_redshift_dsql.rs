//! `dbiam sql --engine redshift|dsql` and `dbiam token --redshift`, with the local
//! PostgreSQL (TLS with the test CA) standing in for the Redshift cluster and the DSQL
//! endpoint: the credentials each engine gets are created as the role's password, so a
//! successful login proves the credential flow end to end.
//!
//! Redshift GetClusterCredentials comes from moto (region eu-west-3, used by no other
//! test). moto 5.2 implements neither GetClusterCredentialsWithIAM nor Redshift
//! Serverless GetCredentials: those two are answered by a FAKE loopback server here,
//! shaped like the API reference (query/XML for redshift, JSON 1.1 for
//! redshift-serverless), reached through AWS_ENDPOINT_URL_REDSHIFT(_SERVERLESS).

mod common;

use common::moto::{create_redshift_cluster, seed_moto};
use common::pg::HbaLine;
use common::pg::{mint_token, pg_host, pg_port_str, test_ca, unique, with_session_keys};
use common::pg_auth::NamedRole;
use common::{closed_port, moto_url, python, Home};
use predicates::prelude::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

const MOTO_REGION: &str = "eu-west-3";

fn dbiam_moto(home: &Home, moto: &str) -> assert_cmd::Command {
    let mut c = home.dbiam_with_keys();
    c.env("AWS_ENDPOINT_URL", moto);
    c
}

#[test]
fn redshift_cluster_credentials_from_moto_are_the_password() {
    let (Some(moto), Some(ca), Some(_)) = (moto_url(), test_ca(), python()) else {
        return;
    };
    let home = Home::new();
    let cluster = unique("rs").replace('_', "-");
    create_redshift_cluster(&moto, MOTO_REGION, &cluster);
    let db_user = unique("rsuser");

    seed_moto(&moto);
    let out = dbiam_moto(&home, &moto)
        .args([
            "token",
            "--redshift",
            "--cluster-id",
            &cluster,
            "--db-user",
            &db_user,
        ])
        .args(["--duration", "1800", "--region", MOTO_REGION, "-o", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let creds: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let keys: Vec<&str> = creds
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["user", "password", "expiration"]);
    let user = creds["user"].as_str().unwrap().to_owned();
    let password = creds["password"].as_str().unwrap().to_owned();
    assert_eq!(user, format!("IAM:{db_user}"));
    assert!(password.len() >= 16, "{password}");
    assert!(creds["expiration"].as_str().unwrap().ends_with('Z'));

    let _role = NamedRole::with_password(&user, &password);
    let _hba = HbaLine::tls_password_for(&user, &ca);
    seed_moto(&moto);
    dbiam_moto(&home, &moto)
        .args([
            "sql",
            "--engine",
            "redshift",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
        ])
        .args([
            "--cluster-id",
            &cluster,
            "--db-user",
            &db_user,
            "-d",
            "postgres",
        ])
        .args(["--sslrootcert", &ca, "--region", MOTO_REGION, "-o", "csv"])
        .args([
            "-c",
            "select current_user, ssl from pg_stat_ssl where pid = pg_backend_pid()",
        ])
        .assert()
        .success()
        .stdout(format!("current_user,ssl\n{user},t\n"));

    // Without the reseed moto hands out another password: refused, exit 2, no secret shown.
    dbiam_moto(&home, &moto)
        .args([
            "sql",
            "--engine",
            "redshift",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
        ])
        .args([
            "--cluster-id",
            &cluster,
            "--db-user",
            &db_user,
            "-d",
            "postgres",
        ])
        .args([
            "--sslrootcert",
            &ca,
            "--region",
            MOTO_REGION,
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("password authentication failed")
                .and(predicate::str::contains(&password).not()),
        );

    // The cluster id and the region can come from the endpoint name; --auto-create and
    // --db-groups reach the API (moto marks auto-created users IAMA:).
    let out = dbiam_moto(&home, &moto)
        .env_remove("AWS_REGION")
        .args([
            "token",
            "--redshift",
            "--db-user",
            &db_user,
            "--auto-create",
        ])
        .args(["--db-groups", "g1,g2", "--hostname"])
        .arg(format!(
            "{cluster}.abc123xyz.{MOTO_REGION}.redshift.amazonaws.com"
        ))
        .args(["-o", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let creds: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(creds["user"], format!("IAMA:{db_user}"));

    // An unknown cluster is the API's error (exit 1), before any connection.
    dbiam_moto(&home, &moto)
        .args([
            "sql",
            "--engine",
            "redshift",
            "-h",
            pg_host(),
            "-p",
            &closed_port().to_string(),
        ])
        .args([
            "--cluster-id",
            "dbiam-no-such-cluster",
            "--db-user",
            "x",
            "--region",
            MOTO_REGION,
        ])
        .args(["-c", "select 1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("GetClusterCredentials"));
}

/// A FAKE Redshift and Redshift Serverless endpoint (moto lacks these two calls): answers
/// `GetClusterCredentialsWithIAM` (query protocol, XML) and `RedshiftServerless.GetCredentials`
/// (JSON 1.1) with fixed credentials, as the API reference shapes them, and records the
/// request bodies.
struct FakeRedshift {
    url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl FakeRedshift {
    fn start(user: &str, password: &str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (seen, user, password) = (requests.clone(), user.to_owned(), password.to_owned());
        std::thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let mut reader = BufReader::new(tcp.try_clone().unwrap());
                let mut len = 0;
                let mut target = String::new();
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    let lower = line.to_ascii_lowercase();
                    if let Some(v) = lower.strip_prefix("content-length:") {
                        len = v.trim().parse().unwrap_or(0);
                    }
                    if let Some(v) = lower.strip_prefix("x-amz-target:") {
                        target = v.trim().to_owned();
                    }
                }
                let mut body = vec![0; len];
                if reader.read_exact(&mut body).is_err() {
                    continue;
                }
                let body = String::from_utf8_lossy(&body).into_owned();
                let (content_type, reply) = if target == "redshiftserverless.getcredentials" {
                    (
                        "application/x-amz-json-1.1",
                        format!(
                            "{{\"dbUser\":\"{user}\",\"dbPassword\":\"{password}\",\"expiration\":1767229200,\"nextRefreshTime\":1767227400}}"
                        ),
                    )
                } else if body.contains("Action=GetClusterCredentialsWithIAM") {
                    (
                        "text/xml",
                        format!(
                            "<GetClusterCredentialsWithIAMResponse xmlns=\"http://redshift.amazonaws.com/doc/2012-12-01/\">\
                             <GetClusterCredentialsWithIAMResult><DbUser>{user}</DbUser><DbPassword>{password}</DbPassword>\
                             <Expiration>2026-01-01T01:00:00Z</Expiration><NextRefreshTime>2026-01-01T00:30:00Z</NextRefreshTime>\
                             </GetClusterCredentialsWithIAMResult><ResponseMetadata><RequestId>fake-1</RequestId></ResponseMetadata>\
                             </GetClusterCredentialsWithIAMResponse>"
                        ),
                    )
                } else {
                    ("text/plain", String::new())
                };
                seen.lock().unwrap().push(format!("{target} {body}"));
                let status = if reply.is_empty() {
                    "400 Bad Request"
                } else {
                    "200 OK"
                };
                let mut tcp = tcp;
                let _ = write!(
                    tcp,
                    "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nx-amzn-RequestId: fake-1\r\nConnection: close\r\n\r\n{reply}",
                    reply.len()
                );
            }
        });
        FakeRedshift { url, requests }
    }
}

#[test]
fn redshift_with_iam_and_serverless_fake_endpoints() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let user = format!("IAMR:{}", unique("rsiam"));
    let password = format!("Fake{}Pw1", unique("p"));
    let fake = FakeRedshift::start(&user, &password);
    let _role = NamedRole::with_password(&user, &password);
    let _hba = HbaLine::tls_password_for(&user, &ca);
    let run = |extra: &[&str]| {
        let mut c = home.dbiam_with_keys();
        c.env("AWS_ENDPOINT_URL_REDSHIFT", &fake.url)
            .env("AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS", &fake.url)
            .args([
                "sql",
                "--engine",
                "redshift",
                "-h",
                pg_host(),
                "-p",
                pg_port_str(),
                "-d",
                "postgres",
            ])
            .args([
                "--sslrootcert",
                &ca,
                "--region",
                "eu-west-3",
                "-o",
                "csv",
                "-t",
            ])
            .args(extra)
            .args(["-c", "select current_user"]);
        c
    };
    run(&["--cluster-id", "c1", "--with-iam", "--duration", "900"])
        .assert()
        .success()
        .stdout(format!("{user}\n"));
    run(&["--workgroup", "wg1"])
        .assert()
        .success()
        .stdout(format!("{user}\n"));
    let reqs = fake.requests.lock().unwrap().clone();
    assert_eq!(reqs.len(), 2, "{reqs:?}");
    assert!(
        reqs[0].contains("Action=GetClusterCredentialsWithIAM"),
        "{reqs:?}"
    );
    assert!(reqs[0].contains("ClusterIdentifier=c1"), "{reqs:?}");
    assert!(reqs[0].contains("DbName=postgres"), "{reqs:?}");
    assert!(reqs[0].contains("DurationSeconds=900"), "{reqs:?}");
    let json: serde_json::Value = serde_json::from_str(
        reqs[1]
            .strip_prefix("redshiftserverless.getcredentials ")
            .unwrap(),
    )
    .unwrap();
    assert_eq!(json["workgroupName"], "wg1");
    assert_eq!(json["dbName"], "postgres");

    // `token --redshift` prints them for other tools (table: the same three fields).
    let out = home
        .dbiam_with_keys()
        .env("AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS", &fake.url)
        .args([
            "token",
            "--redshift",
            "--workgroup",
            "wg1",
            "--region",
            "eu-west-3",
            "-o",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let creds: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        creds,
        serde_json::json!({"user": user, "password": password, "expiration": "2026-01-01T01:00:00Z"})
    );
    home.dbiam_with_keys()
        .env("AWS_ENDPOINT_URL_REDSHIFT", &fake.url)
        .args([
            "token",
            "--redshift",
            "--cluster-id",
            "c1",
            "--with-iam",
            "--region",
            "eu-west-3",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains(&user)
                .and(predicate::str::contains(&password))
                .and(predicate::str::contains("expiration")),
        );
    // Flags that make no sense together are usage errors (exit 2), before any call.
    home.dbiam_with_keys()
        .args(["token", "--redshift", "--workgroup", "wg1", "--with-iam"])
        .assert()
        .code(2);
    home.dbiam_with_keys()
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "--cluster-id",
            "c1",
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Redshift flags"));
    assert_eq!(fake.requests.lock().unwrap().len(), 2 + 2);
}

#[test]
fn dsql_token_is_the_password_end_to_end() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let endpoint = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";
    let t = "2026-01-01T00:00:00Z";
    let name = unique("dsql");
    let token = mint_token(
        &home,
        &["--dsql", "--hostname", endpoint, "--signing-time", t],
    );
    assert!(token.contains("Action=DbConnect&"), "{token}");
    let _role = NamedRole::with_password(&name, &token);
    let _hba = HbaLine::tls_password_for(&name, &ca);
    let sql = |time: &str| {
        let mut c = home.dbiam();
        with_session_keys(&mut c)
            .args([
                "sql",
                "--engine",
                "dsql",
                "-h",
                pg_host(),
                "-p",
                pg_port_str(),
                "--signing-host",
                endpoint,
            ])
            .args([
                "-U",
                &name,
                "--sslrootcert",
                &ca,
                "--signing-time",
                time,
                "-o",
                "csv",
            ])
            .args(["-c", "select current_user, current_database()"]);
        c
    };
    // The default database is `postgres`, as on DSQL.
    sql(t)
        .assert()
        .success()
        .stdout(format!("current_user,current_database\n{name},postgres\n"));
    sql("2026-01-01T00:00:01Z").assert().code(2).stderr(
        predicate::str::contains("password authentication failed")
            .and(predicate::str::contains(&token).not()),
    );
    // The default user is `admin`, which gets a DbConnectAdmin token.
    let mut c = home.dbiam();
    with_session_keys(&mut c)
        .args([
            "--debug",
            "sql",
            "-h",
            pg_host(),
            "-p",
            &closed_port().to_string(),
        ])
        .args([
            "--engine",
            "dsql",
            "--signing-host",
            endpoint,
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ConnectAdmin").and(predicate::str::contains("admin@")));
}
