//! `dbiam doctor` against moto (STS, RDS) and the local PostgreSQL over TLS with the
//! test CA: everything passes for a role whose password is the IAM token, and each
//! check fails when its cause is produced deliberately.

mod common;

use common::pg::HbaLine;
use common::pg::{pg_host, pg_port_str, test_ca, unique};
use common::pg_auth::NamedRole;
use common::{bench_var, closed_port, moto_url, Home};
use serde_json::Value;

const TIME: &str = "2026-01-01T00:00:00Z";
const REGION: &str = "us-east-1";

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

/// A moto PostgreSQL instance with IAM auth on or off, deleted on `delete`.
async fn instance(client: &aws_sdk_rds::Client, iam: bool) -> String {
    let id = unique(if iam { "doctor-iam" } else { "doctor-noiam" }).replace('_', "-");
    client
        .create_db_instance()
        .db_instance_identifier(&id)
        .engine("postgres")
        .db_instance_class("db.t3.micro")
        .master_username("pgadmin")
        .master_user_password("password123")
        .allocated_storage(20)
        .enable_iam_database_authentication(iam)
        .send()
        .await
        .expect("create instance");
    id
}

async fn delete(client: &aws_sdk_rds::Client, id: &str) {
    let _ = client
        .delete_db_instance()
        .db_instance_identifier(id)
        .skip_final_snapshot(true)
        .send()
        .await;
}

/// The binary with scripts/test's environment (moto, its keys and region) and this HOME.
fn bench_env(home: &Home) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_dbiam"));
    c.env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_CACHE_HOME", home.path().join(".cache"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env_remove("DBIAM_CONFIG")
        .env_remove("DBIAM_ALLOWED_ACCOUNTS")
        .timeout(std::time::Duration::from_secs(120));
    c
}

struct Bench {
    home: Home,
    ca: String,
    role: String,
    _role: NamedRole,
    _hba: HbaLine,
}

/// A role whose password is the IAM token for TIME, reachable only with a password over TLS.
fn bench() -> Option<Bench> {
    let ca = test_ca()?;
    moto_url()?;
    let home = Home::new();
    let role = unique("doctor");
    let out = bench_env(&home)
        .args([
            "token",
            "--hostname",
            pg_host(),
            "--port",
            pg_port_str(),
            "--username",
            &role,
        ])
        .args(["--signing-time", TIME])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let r = NamedRole::with_password(&role, &token);
    let hba = HbaLine::tls_password_for(&role, &ca);
    Some(Bench {
        home,
        ca,
        _role: r,
        _hba: hba,
        role,
    })
}

/// Run doctor (keys and moto come from scripts/test's environment) and return
/// (exit code, check name → (status, detail, fix)).
fn doctor(
    b: &Bench,
    extra: &[&str],
    env: &[(&str, &str)],
) -> (i32, Vec<(String, String, String, String)>) {
    let mut c = bench_env(&b.home);
    // The test server's port unless the test gives its own.
    let port = if extra.contains(&"-p") {
        &[][..]
    } else {
        &["-p", pg_port_str()][..]
    };
    c.args(["doctor", "-h", pg_host(), "-U", &b.role, "-d", "postgres"])
        .args(port)
        .args([
            "--sslrootcert",
            &b.ca,
            "--signing-time",
            TIME,
            "--region",
            REGION,
        ])
        .args(["--output", "json", "--connect-timeout", "5"])
        .args(extra);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let checks = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap().to_owned();
            (s("check"), s("status"), s("detail"), s("fix"))
        })
        .collect();
    (out.status.code().unwrap(), checks)
}

fn status<'a>(
    checks: &'a [(String, String, String, String)],
    name: &str,
) -> &'a (String, String, String, String) {
    checks
        .iter()
        .find(|c| c.0 == name)
        .unwrap_or_else(|| panic!("no check {name}: {checks:?}"))
}

#[tokio::test]
async fn all_checks_pass_then_each_fails_for_its_cause() {
    let Some(b) = bench() else { return };
    let client = rds(&bench_var("DBIAM_TEST_MOTO_URL").unwrap());
    let on = instance(&client, true).await;
    let off = instance(&client, false).await;

    // All pass (region: 127.0.0.1 is no AWS name, so skipped; no allowed accounts: skipped).
    let (code, checks) = doctor(&b, &["--db-instance-identifier", &on], &[]);
    let names: Vec<&str> = checks.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "credentials",
            "account",
            "region",
            "dns",
            "tcp",
            "tls",
            "iam-auth",
            "token",
            "login"
        ]
    );
    for (name, st, detail, _) in &checks {
        let want = if matches!(name.as_str(), "region" | "account") {
            "skip"
        } else {
            "pass"
        };
        assert_eq!(st, want, "{name}: {detail}");
    }
    assert_eq!(code, 0, "{checks:?}");
    assert!(
        status(&checks, "tls").2.contains("host name verified"),
        "{checks:?}"
    );
    assert!(status(&checks, "credentials").2.contains("123456789012"));
    // An allowed account passes too.
    let (code, checks) = doctor(
        &b,
        &[
            "--db-instance-identifier",
            &on,
            "--allowed-accounts",
            "123456789012",
        ],
        &[],
    );
    assert_eq!((code, status(&checks, "account").1.as_str()), (0, "pass"));

    // Account not allowed.
    let (code, checks) = doctor(
        &b,
        &[
            "--db-instance-identifier",
            &on,
            "--allowed-accounts",
            "111122223333",
        ],
        &[],
    );
    assert_eq!((code, status(&checks, "account").1.as_str()), (1, "fail"));

    // Bad credentials: STS unreachable.
    let sts = format!("http://127.0.0.1:{}", closed_port());
    let (code, checks) = doctor(
        &b,
        &["--db-instance-identifier", &on],
        &[("AWS_ENDPOINT_URL_STS", &sts)],
    );
    let c = status(&checks, "credentials");
    assert_eq!((code, c.1.as_str()), (1, "fail"), "{c:?}");
    assert!(c.3.contains("dbiam login"), "{c:?}");

    // Wrong region: a token signed for a us-west-2 endpoint with --region us-east-1.
    let (code, checks) = doctor(
        &b,
        &[
            "--db-instance-identifier",
            &on,
            "--signing-host",
            "db.abc123.us-west-2.rds.amazonaws.com",
        ],
        &[],
    );
    let c = status(&checks, "region");
    assert_eq!((code, c.1.as_str()), (1, "fail"), "{c:?}");
    assert!(c.3.contains("--region us-west-2"), "{c:?}");
    let login = status(&checks, "login");
    assert_eq!(login.1, "fail");
    assert!(
        login.3.starts_with(
            "likely causes, most likely first: 1. the token is signed for the wrong region"
        ),
        "{login:?}"
    );

    // Closed port.
    let port = closed_port().to_string();
    let (code, checks) = doctor(&b, &["--db-instance-identifier", &on, "-p", &port], &[]);
    let c = status(&checks, "tcp");
    assert_eq!((code, c.1.as_str()), (1, "fail"), "{c:?}");
    assert!(c.3.contains("nothing listens"), "{c:?}");
    assert_eq!(status(&checks, "tls").1, "skip");

    // Wrong CA.
    let other = bench_var("DBIAM_TEST_PG_OTHER_CA").unwrap();
    let out = bench_env(&b.home)
        .args([
            "doctor",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            &b.role,
            "-d",
            "postgres",
            "--sslrootcert",
            &other,
        ])
        .args([
            "--signing-time",
            TIME,
            "--db-instance-identifier",
            &on,
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let tls = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "tls")
        .unwrap();
    assert_eq!(tls["status"], "fail");
    assert!(
        tls["detail"]
            .as_str()
            .unwrap()
            .contains("not signed by a trusted CA"),
        "{tls}"
    );
    assert!(
        tls["fix"].as_str().unwrap().contains("--sslrootcert"),
        "{tls}"
    );

    // Host name mismatch: the certificate names 127.0.0.1 and localhost only.
    let out = bench_env(&b.home)
        .args([
            "doctor",
            "-h",
            "db.example.invalid",
            "--hostaddr",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            &b.role,
        ])
        .args(["--sslrootcert", &b.ca, "--signing-time", TIME, "-o", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let tls = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "tls")
        .unwrap();
    assert_eq!(tls["status"], "fail", "{tls}");
    assert!(
        tls["detail"]
            .as_str()
            .unwrap()
            .contains("does not name the host"),
        "{tls}"
    );

    // IAM auth off on the instance.
    let (code, checks) = doctor(&b, &["--db-instance-identifier", &off], &[]);
    let c = status(&checks, "iam-auth");
    assert_eq!((code, c.1.as_str()), (1, "fail"), "{c:?}");
    assert!(c.3.contains("dbiam setup enable"), "{c:?}");
    // A missing instance is a failure too; a host that is no RDS endpoint without an id a skip.
    let (_, checks) = doctor(&b, &["--db-instance-identifier", "no-such-db"], &[]);
    assert_eq!(status(&checks, "iam-auth").1, "fail");
    let (_, checks) = doctor(&b, &[], &[]);
    assert_eq!(status(&checks, "iam-auth").1, "skip");

    // Wrong password: a token for another signing time.
    let out = bench_env(&b.home)
        .args([
            "doctor",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            &b.role,
            "-d",
            "postgres",
            "--sslrootcert",
            &b.ca,
        ])
        .args([
            "--signing-time",
            "2026-01-01T00:00:01Z",
            "--db-instance-identifier",
            &on,
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let login = v
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "login")
        .unwrap();
    assert_eq!(login["status"], "fail");
    assert!(
        login["detail"]
            .as_str()
            .unwrap()
            .contains("password authentication failed"),
        "{login}"
    );
    assert!(
        login["fix"].as_str().unwrap().contains("rds_iam"),
        "{login}"
    );
    // The token itself never shows.
    assert!(!String::from_utf8_lossy(&out.stdout).contains("X-Amz-Signature"));

    delete(&client, &on).await;
    delete(&client, &off).await;
}
