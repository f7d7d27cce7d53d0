//! The signer against botocore, byte for byte: the shared fixtures, and hundreds of
//! random inputs signed by botocore itself (through tests/support/reference_tokens.py),
//! checked in-process and through the real binary. ElastiCache and MemoryDB tokens are
//! checked against AWS's documented Python example (botocore's RequestSigner) the same way.

mod common;

use common::{fixtures_dir, python, read_jsonl, Home};
use dbiam::secret::Secret;
use dbiam::token::{
    cache_token, dsql_token, parse_signing_time, rds_token, CacheService, DsqlAction, SigningKeys,
};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};

fn keys(case: &Value) -> SigningKeys {
    SigningKeys {
        access_key_id: case["akid"].as_str().unwrap().to_owned(),
        secret_access_key: Secret::new(case["secret"].as_str().unwrap()),
        session_token: case["token"].as_str().map(Secret::new),
    }
}

fn sign(kind: &str, case: &Value) -> String {
    let at = parse_signing_time(case["time"].as_str().unwrap()).unwrap();
    let host = case["host"].as_str().unwrap();
    let region = case["region"].as_str().unwrap();
    let t = if kind == "rds" {
        rds_token(
            host,
            case["port"].as_u64().unwrap() as u16,
            case["user"].as_str().unwrap(),
            region,
            &keys(case),
            at,
        )
    } else {
        let action = if case["admin"].as_bool().unwrap() {
            DsqlAction::ConnectAdmin
        } else {
            DsqlAction::Connect
        };
        dsql_token(
            host,
            region,
            action,
            case["expires"].as_u64().unwrap(),
            &keys(case),
            at,
        )
    };
    t.unwrap().value.expose().to_owned()
}

/// Run the binary for one case, with the case's keys in the environment.
fn sign_with_binary(home: &Home, kind: &str, case: &Value) -> String {
    let mut cmd = home.dbiam();
    cmd.env("AWS_ACCESS_KEY_ID", case["akid"].as_str().unwrap())
        .env("AWS_SECRET_ACCESS_KEY", case["secret"].as_str().unwrap())
        .env(
            "AWS_ENDPOINT_URL",
            format!("http://127.0.0.1:{}", common::closed_port()),
        );
    if let Some(t) = case["token"].as_str() {
        cmd.env("AWS_SESSION_TOKEN", t);
    }
    cmd.args(["token", "--hostname", case["host"].as_str().unwrap()])
        .args(["--region", case["region"].as_str().unwrap()])
        .args(["--signing-time", case["time"].as_str().unwrap()]);
    if kind == "rds" {
        cmd.args(["--port", &case["port"].to_string()])
            .arg(format!("--username={}", case["user"].as_str().unwrap()));
    } else {
        cmd.arg("--dsql")
            .args(["--expires-in", &case["expires"].to_string()]);
        if case["admin"].as_bool().unwrap() {
            cmd.arg("--admin");
        }
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    s.strip_suffix('\n')
        .expect("token ends with a newline")
        .to_owned()
}

#[test]
fn shared_fixtures_match_in_process_and_through_the_binary() {
    let Some(dir) = fixtures_dir() else { return };
    let home = Home::new();
    let mut n = 0;
    for kind in ["rds", "dsql"] {
        for case in read_jsonl(&dir.join(format!("{kind}-tokens.jsonl"))) {
            let expected = case["expected"].as_str().unwrap();
            assert_eq!(sign(kind, &case), expected, "in-process, case {case}");
            assert_eq!(
                sign_with_binary(&home, kind, &case),
                expected,
                "binary, case {case}"
            );
            n += 1;
        }
    }
    assert!(n >= 7, "only {n} fixture cases");
}

fn botocore_cases(seed: u64, count: usize) -> Option<Vec<Value>> {
    reference_cases("random", seed, count)
}

fn reference_cases(mode: &str, seed: u64, count: usize) -> Option<Vec<Value>> {
    let py = python()?;
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/support/reference_tokens.py"
    );
    let out = Command::new(py)
        .args([script, mode, &seed.to_string(), &count.to_string()])
        .output()
        .expect("run reference_tokens.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cases: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(cases.len(), count);
    Some(cases)
}

fn seed() -> u64 {
    std::env::var("DBIAM_TEST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
        })
}

#[test]
fn random_inputs_match_botocore() {
    let seed = seed();
    eprintln!("seed {seed} (set DBIAM_TEST_SEED to repeat)");
    let Some(cases) = botocore_cases(seed, 400) else {
        return;
    };
    let (mut rds, mut dsql, mut temp, mut non_ascii) = (0, 0, 0, 0);
    let home = Home::new();
    for (i, case) in cases.iter().enumerate() {
        let kind = case["kind"].as_str().unwrap();
        let expected = case["expected"].as_str().unwrap();
        assert_eq!(sign(kind, case), expected, "seed {seed}, case {case}");
        if i % 12 == 0 {
            assert_eq!(
                sign_with_binary(&home, kind, case),
                expected,
                "binary, seed {seed}, case {case}"
            );
        }
        if kind == "rds" {
            rds += 1;
            if !case["user"].as_str().unwrap().is_ascii() {
                non_ascii += 1;
            }
        } else {
            dsql += 1;
        }
        if !case["token"].is_null() {
            temp += 1;
        }
    }
    assert!(rds >= 300 && dsql >= 90, "rds {rds}, dsql {dsql}");
    assert!(
        temp > 100 && non_ascii > 20,
        "temporary {temp}, non-ASCII users {non_ascii}"
    );
}

fn cache_service(case: &Value) -> CacheService {
    match case["kind"].as_str().unwrap() {
        "memorydb" => CacheService::MemoryDb,
        _ => CacheService::ElastiCache {
            serverless: case["serverless"].as_bool().unwrap_or(false),
        },
    }
}

fn sign_cache(case: &Value) -> String {
    let at = parse_signing_time(case["time"].as_str().unwrap()).unwrap();
    cache_token(
        cache_service(case),
        case["name"].as_str().unwrap(),
        case["user"].as_str().unwrap(),
        case["region"].as_str().unwrap(),
        &keys(case),
        at,
    )
    .unwrap()
    .value
    .expose()
    .to_owned()
}

/// `dbiam token --elasticache|--memorydb` for one case.
fn sign_cache_with_binary(home: &Home, case: &Value) -> String {
    let mut cmd = home.dbiam();
    cmd.env("AWS_ACCESS_KEY_ID", case["akid"].as_str().unwrap())
        .env("AWS_SECRET_ACCESS_KEY", case["secret"].as_str().unwrap())
        .env(
            "AWS_ENDPOINT_URL",
            format!("http://127.0.0.1:{}", common::closed_port()),
        );
    if let Some(t) = case["token"].as_str() {
        cmd.env("AWS_SESSION_TOKEN", t);
    }
    let name = case["name"].as_str().unwrap();
    match cache_service(case) {
        CacheService::MemoryDb => cmd.args(["token", "--memorydb", "--cluster-name", name]),
        CacheService::ElastiCache { serverless } => {
            cmd.args(["token", "--elasticache", "--cache-name", name]);
            if serverless {
                cmd.arg("--serverless");
            }
            &mut cmd
        }
    };
    cmd.args(["--region", case["region"].as_str().unwrap()])
        .args(["--signing-time", case["time"].as_str().unwrap()])
        .arg(format!("--username={}", case["user"].as_str().unwrap()));
    let out = cmd.output().unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = String::from_utf8(out.stdout).unwrap();
    s.strip_suffix('\n').expect("a newline").to_owned()
}

#[test]
fn random_cache_inputs_match_botocore() {
    let seed = seed();
    eprintln!("seed {seed} (set DBIAM_TEST_SEED to repeat)");
    let Some(cases) = reference_cases("cache", seed, 300) else {
        return;
    };
    let home = Home::new();
    let (mut ec, mut serverless, mut memorydb, mut temp, mut non_ascii) = (0, 0, 0, 0, 0);
    for (i, case) in cases.iter().enumerate() {
        let expected = case["expected"].as_str().unwrap();
        assert_eq!(sign_cache(case), expected, "seed {seed}, case {case}");
        if i % 10 == 0 {
            assert_eq!(
                sign_cache_with_binary(&home, case),
                expected,
                "binary, seed {seed}, case {case}"
            );
        }
        match cache_service(case) {
            CacheService::MemoryDb => memorydb += 1,
            CacheService::ElastiCache { serverless: true } => serverless += 1,
            CacheService::ElastiCache { serverless: false } => ec += 1,
        }
        temp += usize::from(!case["token"].is_null());
        non_ascii += usize::from(!case["user"].as_str().unwrap().is_ascii());
    }
    assert!(
        ec >= 50 && serverless >= 50 && memorydb >= 80 && temp > 100 && non_ascii > 20,
        "elasticache {ec}, serverless {serverless}, memorydb {memorydb}, temporary {temp}, non-ASCII {non_ascii}"
    );
}

#[test]
fn edge_cache_inputs_match_botocore() {
    let Some(py) = python() else { return };
    let base = serde_json::json!({"kind": "elasticache", "region": "us-east-1",
        "akid": "AKIAIOSFODNN7EXAMPLE", "secret": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "token": null, "time": "20241015T120000Z", "name": "my-cache", "user": "u",
        "serverless": false});
    let mut cases = Vec::new();
    for user in [
        "",
        " ",
        "a b",
        "a+b=c&d",
        "%41",
        "~-_.",
        "x/y?z#w",
        "\"'`\\",
        "日本語",
        "🎉",
        "default",
    ] {
        for (kind, serverless) in [
            ("elasticache", false),
            ("elasticache", true),
            ("memorydb", false),
        ] {
            let mut c = base.clone();
            c["user"] = Value::from(user);
            c["kind"] = Value::from(kind);
            c["serverless"] = Value::from(serverless);
            cases.push(c);
        }
    }
    for name in [
        "a",
        "MY-CACHE",
        "x".repeat(40).as_str(),
        "0-starts-with-digit",
    ] {
        let mut c = base.clone();
        c["name"] = Value::from(name);
        cases.push(c);
    }
    let mut c = base.clone();
    c["token"] = Value::from("a/b+c=".repeat(300));
    cases.push(c);
    let signed = sign_in_python(&py, &cases);
    let home = Home::new();
    for (i, case) in signed.iter().enumerate() {
        let expected = case["expected"].as_str().unwrap();
        assert_eq!(sign_cache(case), expected, "case {case}");
        if i % 5 == 0 {
            assert_eq!(
                sign_cache_with_binary(&home, case),
                expected,
                "binary, case {case}"
            );
        }
    }
}

/// Send cases to reference_tokens.py's `one` mode; the cases with `expected` added.
fn sign_in_python(py: &str, cases: &[Value]) -> Vec<Value> {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/support/reference_tokens.py"
    );
    let mut child = Command::new(py)
        .args([script, "one"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for c in cases {
            writeln!(stdin, "{c}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let signed: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(signed.len(), cases.len());
    signed
}

#[test]
fn cache_token_flags_are_checked() {
    let home = Home::new();
    for args in [
        &["token", "--elasticache", "--cache-name", "c"][..],
        &["token", "--memorydb", "--cluster-name", "c"],
        &[
            "token",
            "--elasticache",
            "--cache-name",
            "c.abc.cache.amazonaws.com",
            "--username",
            "u",
        ],
        &["token", "--elasticache", "--username", "u"],
        &[
            "token",
            "--memorydb",
            "--cache-name",
            "c",
            "--username",
            "u",
        ],
        &[
            "token",
            "--elasticache",
            "--cache-name",
            "c",
            "--port",
            "6379",
            "--username",
            "u",
        ],
    ] {
        home.dbiam_with_keys()
            .args(args)
            .assert()
            .code(2)
            .stdout("");
    }
    // A minted token decodes back through `token inspect`.
    let out = home
        .dbiam_with_keys()
        .args([
            "token",
            "--elasticache",
            "--serverless",
            "--cache-name",
            "sessions",
        ])
        .args(["--username", "app", "--region", "eu-west-1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let token = String::from_utf8(out.stdout).unwrap();
    let out = home
        .dbiam()
        .args(["--output", "json", "token", "inspect", token.trim()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["kind"], "elasticache-serverless");
    assert_eq!(info["host"], "sessions");
    assert_eq!(info["user"], "app");
    assert_eq!(info["region"], "eu-west-1");
}

#[test]
fn edge_inputs_match_botocore() {
    let Some(py) = python() else { return };
    let mut cases = Vec::new();
    let base = serde_json::json!({"kind": "rds", "region": "us-east-1", "akid": "AKIAIOSFODNN7EXAMPLE",
        "secret": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "token": null, "time": "20241015T120000Z",
        "host": "db.abc.us-east-1.rds.amazonaws.com", "port": 5432, "user": "u"});
    let with = |k: &str, v: Value| {
        let mut c = base.clone();
        c[k] = v;
        c
    };
    for user in [
        "",
        " ",
        "a b",
        "a+b=c&d",
        "%41",
        "~-_.",
        "x/y?z#w",
        "\"'`\\",
        "日本語",
        "🎉",
    ] {
        cases.push(with("user", Value::from(user)));
    }
    for port in [1, 80, 443, 65535] {
        cases.push(with("port", Value::from(port)));
    }
    cases.push(with(
        "host",
        Value::from("MyDB.ABC.US-EAST-1.RDS.AMAZONAWS.COM"),
    ));
    let mut upper443 = with("host", Value::from("MyDB.ABC.US-EAST-1.RDS.AMAZONAWS.COM"));
    upper443["port"] = Value::from(443);
    cases.push(upper443);
    cases.push(with("token", Value::from("a".repeat(2000))));
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/support/reference_tokens.py"
    );
    let mut child = Command::new(py)
        .args([script, "one"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for c in &cases {
            writeln!(stdin, "{c}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let signed: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(signed.len(), cases.len());
    for case in &signed {
        assert_eq!(
            sign("rds", case),
            case["expected"].as_str().unwrap(),
            "case {case}"
        );
    }
}
