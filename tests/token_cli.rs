//! `dbiam token` end to end through the real binary: output shapes, region and
//! credential resolution, exit codes, `--verify` against the moto server, `inspect`,
//! secrets kept out of stderr and `--debug`, and a closed stdout.

mod common;

use common::{closed_port, moto_url, Home};
use predicates::prelude::*;
use serde_json::Value;

const HOST: &str = "mydb.123456789012.us-east-1.rds.amazonaws.com";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const SESSION: &str = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/+=";

fn token_args(c: &mut assert_cmd::Command) -> &mut assert_cmd::Command {
    c.args([
        "token",
        "--hostname",
        HOST,
        "--port",
        "5432",
        "--username",
        "jane_doe",
    ])
}

#[test]
fn prints_the_token_and_a_newline_only() {
    let home = Home::new();
    let out = token_args(&mut home.dbiam_with_keys())
        .args(["--signing-time", "2024-10-15T12:00:00Z"])
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let s = String::from_utf8(out).unwrap();
    assert_eq!(s.matches('\n').count(), 1);
    assert!(
        s.ends_with(
            "X-Amz-Signature=633c7d269f6dde254dc53671582dac4898fbf14cf91d335c8e4fa6b879ac3863\n"
        ),
        "{s}"
    );
}

#[test]
fn works_offline_with_keys_in_the_environment() {
    // Every AWS endpoint points at a closed port: minting must not need the network.
    let home = Home::new();
    token_args(&mut home.dbiam_with_keys())
        .env(
            "AWS_ENDPOINT_URL",
            format!("http://127.0.0.1:{}", closed_port()),
        )
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "{HOST}:5432/?Action=connect&DBUser=jane_doe&"
        )));
}

#[test]
fn json_output_has_the_documented_fields_and_no_secret() {
    let home = Home::new();
    let out = token_args(&mut home.dbiam_with_keys())
        .env("AWS_SESSION_TOKEN", SESSION)
        .args(["--output", "json", "--signing-time", "20260101T000000Z"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains(SECRET));
    let v: Value = serde_json::from_str(&text).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "token",
            "hostname",
            "port",
            "username",
            "region",
            "issued_at",
            "expires_at",
            "access_key_id"
        ]
    );
    assert_eq!(v["port"], 5432);
    assert_eq!(v["region"], "us-east-1");
    assert_eq!(v["issued_at"], "2026-01-01T00:00:00Z");
    assert_eq!(v["expires_at"], "2026-01-01T00:15:00Z");
    assert_eq!(v["access_key_id"], "AKIAIOSFODNN7EXAMPLE");
    assert!(v["token"]
        .as_str()
        .unwrap()
        .contains("X-Amz-Security-Token="));
}

#[test]
fn region_comes_from_flag_env_or_host() {
    let home = Home::new();
    // From the host name when nothing else says.
    home.dbiam()
        .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .args([
            "token",
            "--hostname",
            "x.cluster-ro-abc.eu-west-3.rds.amazonaws.com",
            "--port",
            "3306",
            "--username",
            "u",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("%2Feu-west-3%2Frds-db%2F"));
    // The flag beats the environment.
    token_args(&mut home.dbiam_with_keys())
        .args(["--region", "ap-south-1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("%2Fap-south-1%2Frds-db%2F"));
    // The profile's region is used when no flag or variable is set.
    std::fs::create_dir_all(home.path().join(".aws")).unwrap();
    std::fs::write(
        home.path().join(".aws/config"),
        "[default]\nregion = sa-east-1\n",
    )
    .unwrap();
    home.dbiam()
        .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .args([
            "token",
            "--hostname",
            "db.internal",
            "--port",
            "5432",
            "--username",
            "u",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("%2Fsa-east-1%2Frds-db%2F"));
}

#[test]
fn no_region_is_a_usage_error_with_a_hint() {
    let home = Home::new();
    home.dbiam()
        .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .args([
            "token",
            "--hostname",
            "db.internal.example.com",
            "--port",
            "5432",
            "--username",
            "u",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("pass --region")
                .and(predicate::str::starts_with("dbiam: error: ")),
        )
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn bad_input_exits_2_with_one_line() {
    let home = Home::new();
    let cases: Vec<Vec<&str>> = vec![
        vec!["--region", "not a region"],
        vec!["--signing-time", "yesterday"],
        vec!["--region", "US-EAST-1"],
    ];
    for extra in cases {
        token_args(&mut home.dbiam_with_keys())
            .args(&extra)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::function(|s: &str| {
                s.lines().count() == 1 && s.starts_with("dbiam: error: ")
            }));
    }
    for host in ["http://x.example.com", "a b", ""] {
        home.dbiam_with_keys()
            .args([
                "token",
                "--hostname",
                host,
                "--port",
                "5432",
                "--username",
                "u",
            ])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not a database host name"));
    }
    // clap errors: missing flags, a port out of range, an unknown flag.
    home.dbiam_with_keys()
        .args(["token", "--hostname", HOST])
        .assert()
        .code(2);
    home.dbiam_with_keys()
        .args([
            "token",
            "--hostname",
            HOST,
            "--port",
            "70000",
            "--username",
            "u",
        ])
        .assert()
        .code(2);
    home.dbiam_with_keys()
        .args(["token", "--bogus"])
        .assert()
        .code(2);
    home.dbiam_with_keys()
        .args(["token", "--hostname", HOST, "--admin"])
        .assert()
        .code(2);
}

#[test]
fn no_credentials_says_which_sources_were_tried() {
    let home = Home::new();
    token_args(&mut home.dbiam())
        .assert()
        .code(4)
        .stdout("")
        .stderr(predicate::str::contains(
            "no AWS credentials found (tried: environment variables",
        ))
        .stderr(predicate::str::contains("profile 'default'"));
    // An explicit profile that does not exist is named.
    token_args(&mut home.dbiam())
        .args(["--profile", "nosuch"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("nosuch"));
}

#[test]
fn profile_keys_are_used_and_beat_the_environment_with_profile() {
    let home = Home::new();
    std::fs::create_dir_all(home.path().join(".aws")).unwrap();
    std::fs::write(
        home.path().join(".aws/credentials"),
        "[ci]\naws_access_key_id = AKIAPROFILEKEY000001\naws_secret_access_key = profile-secret\n",
    )
    .unwrap();
    token_args(&mut home.dbiam_with_keys())
        .args(["--profile", "ci"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "X-Amz-Credential=AKIAPROFILEKEY000001%2F",
        ));
    // AWS_PROFILE without --profile: environment keys still win, as in the AWS CLI.
    token_args(&mut home.dbiam_with_keys())
        .env("AWS_PROFILE", "ci")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F",
        ));
    // AWS_PROFILE alone selects the profile.
    token_args(&mut home.dbiam())
        .env("AWS_PROFILE", "ci")
        .env("AWS_REGION", "us-east-1")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "X-Amz-Credential=AKIAPROFILEKEY000001%2F",
        ));
}

#[test]
fn dsql_tokens() {
    let home = Home::new();
    let host = "abcdefghijklmnopqrst.dsql.us-east-2.on.aws";
    home.dbiam_with_keys()
        .env_remove("AWS_REGION")
        .args([
            "token",
            "--dsql",
            "--admin",
            "--hostname",
            host,
            "--expires-in",
            "3600",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(format!(
            "{host}/?Action=DbConnectAdmin&"
        )))
        .stdout(predicate::str::contains("%2Fus-east-2%2Fdsql%2F"))
        .stdout(predicate::str::contains("X-Amz-Expires=3600&"));
    home.dbiam_with_keys()
        .args(["token", "--dsql", "--hostname", host, "--expires-in", "0"])
        .assert()
        .code(2);
    home.dbiam_with_keys()
        .args(["token", "--dsql", "--hostname", host, "--port", "5432"])
        .assert()
        .code(2);
}

#[test]
fn verify_checks_credentials_with_sts() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    token_args(&mut home.dbiam_with_keys())
        .env("AWS_ENDPOINT_URL", &moto)
        .arg("--verify")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(HOST));
    // The same through --endpoint-url instead of the environment.
    token_args(&mut home.dbiam_with_keys())
        .args(["--endpoint-url", &moto, "--verify"])
        .assert()
        .success();
    // An unreachable STS endpoint: no token printed, a one-line reason, non-zero exit.
    token_args(&mut home.dbiam_with_keys())
        .env(
            "AWS_ENDPOINT_URL",
            format!("http://127.0.0.1:{}", closed_port()),
        )
        .arg("--verify")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "STS GetCallerIdentity: cannot reach the AWS endpoint",
        ))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn inspect_decodes_fresh_expired_and_rejects_garbage() {
    let home = Home::new();
    let out = token_args(&mut home.dbiam_with_keys())
        .env("AWS_SESSION_TOKEN", SESSION)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let token = String::from_utf8(out).unwrap();
    let out = home
        .dbiam()
        .args(["token", "inspect", "-", "--output", "json"])
        .write_stdin(token.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        !text.contains("IQoJb3JpZ2lu"),
        "session token leaked: {text}"
    );
    assert!(!text.contains("X-Amz-Signature"), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["host"], HOST);
    assert_eq!(v["port"], 5432);
    assert_eq!(v["user"], "jane_doe");
    assert_eq!(v["region"], "us-east-1");
    assert_eq!(v["action"], "connect");
    assert_eq!(v["access_key_id"], "AKIAIOSFODNN7EXAMPLE");
    assert_eq!(v["session_token"], true);
    assert_eq!(v["expired"], false);
    assert!(v["seconds_left"].as_i64().unwrap() > 800);

    let old = token_args(&mut home.dbiam_with_keys())
        .args(["--signing-time", "20200101T000000Z"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    home.dbiam()
        .args(["token", "inspect", String::from_utf8(old).unwrap().trim()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("expired"))
        .stderr(predicate::str::contains(
            "the token expired at 2020-01-01T00:15:00Z",
        ));

    home.dbiam()
        .args(["token", "inspect", "hello world"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "not an RDS, DSQL, ElastiCache or MemoryDB IAM token",
        ));
}

#[test]
fn secrets_stay_out_of_stderr_and_debug_output() {
    let home = Home::new();
    let out = token_args(&mut home.dbiam_with_keys())
        .env("AWS_SESSION_TOKEN", SESSION)
        .arg("--debug")
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stderr.contains("dbiam: debug:"),
        "debug output expected: {stderr}"
    );
    assert!(
        !stderr.contains(SECRET) && !stderr.contains(SESSION),
        "{stderr}"
    );
    assert!(
        !stderr.contains("X-Amz-Signature"),
        "the token itself leaked into --debug: {stderr}"
    );
    assert!(!stdout.contains(SECRET));
}

#[test]
fn a_closed_stdout_exits_quietly() {
    let home = Home::new();
    let bin = env!("CARGO_BIN_EXE_dbiam");
    // The reader is gone before dbiam writes: the write fails with EPIPE.
    let script = format!(
        "(sleep 0.3; exec '{bin}' token --hostname {HOST} --port 5432 --username u) | true; echo \"status=${{PIPESTATUS[0]}}\""
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &script])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .env("AWS_REGION", "us-east-1")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "status=0\n");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn help_lists_only_working_subcommands() {
    let home = Home::new();
    home.dbiam()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("token"));
    home.dbiam().arg("nosuch").assert().code(2);
}
