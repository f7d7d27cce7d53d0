//! `dbiam login`, `login --status` and `logout` end to end against the moto server:
//! sessions from environment keys, typed keys (static and temporary), GetSessionToken
//! with MFA and AssumeRole; later commands using the cached session; expired sessions;
//! allowed accounts (exit 5); the cache's mode and contents; secrets kept out of
//! stdout, stderr, `--debug` and every file of the test HOME; bad input.

mod common;

use common::{closed_port, moto_url, Home};
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const MOTO_ACCOUNT: &str = "123456789012";
const OTHER_ACCOUNT: &str = "111122223333";
const KEY_ID: &str = "AKIALOGINTEST0000001";
const LONG_SECRET: &str = "LoginTestLongTermSecret/9f3e+Zq7";
const TEMP_KEY_ID: &str = "ASIALOGINTEST0000001";
const TEMP_SECRET: &str = "LoginTestTempSecret/b81c+Wd2";
const TEMP_TOKEN: &str = "IQoJb3JpZ2luX2VjLoginTestSessionToken/0d4a+77e1c9b";
const HOST: &str = "mydb.abcdefghijkl.us-east-1.rds.amazonaws.com";

/// dbiam with the moto endpoint and no credentials in the environment.
fn dbiam(home: &Home, moto: &str) -> assert_cmd::Command {
    let mut c = home.dbiam();
    c.env("AWS_ENDPOINT_URL", moto);
    c
}

/// dbiam with long-term keys in the environment.
fn with_env_keys(home: &Home, moto: &str) -> assert_cmd::Command {
    let mut c = dbiam(home, moto);
    c.env("AWS_ACCESS_KEY_ID", KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", LONG_SECRET);
    c
}

fn static_keys() -> String {
    format!("{KEY_ID}\n{LONG_SECRET}\n")
}

fn temp_keys() -> String {
    format!("{TEMP_KEY_ID}\n{TEMP_SECRET}\n{TEMP_TOKEN}\n")
}

fn sessions_dir(home: &Home) -> PathBuf {
    home.path().join(".local/state/dbiam/sessions")
}

fn stdout_json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().map(|e| e.unwrap()) {
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                stack.push(p);
            } else if std::fs::read(&p)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
            {
                found.push(p);
            }
        }
    }
    found
}

fn assert_no_secret(out: &std::process::Output, secrets: &[&str]) {
    for s in secrets {
        assert!(!text(&out.stdout).contains(s), "stdout shows a secret");
        assert!(!text(&out.stderr).contains(s), "stderr shows a secret");
    }
}

fn assert_one_line_error(out: &std::process::Output, code: i32) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("dbiam: error: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn token(c: &mut assert_cmd::Command) -> &mut assert_cmd::Command {
    c.args([
        "token",
        "--hostname",
        HOST,
        "--port",
        "5432",
        "--username",
        "app",
    ])
}

const LOGIN_KEYS: [&str; 7] = [
    "account",
    "arn",
    "user_id",
    "source",
    "expires_at",
    "session",
    "via",
];

fn keys_of(v: &Value) -> Vec<String> {
    v.as_object().unwrap().keys().cloned().collect()
}

#[test]
fn login_with_environment_keys_caches_a_session_later_commands_use() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    let out = with_env_keys(&home, &moto)
        .args(["--debug", "login", "--output", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secret(&out, &[LONG_SECRET]);
    let v = stdout_json(&out);
    assert_eq!(keys_of(&v), LOGIN_KEYS);
    assert_eq!(v["account"], MOTO_ACCOUNT);
    assert!(v["arn"].as_str().unwrap().starts_with("arn:aws:"), "{v}");
    assert!(!v["user_id"].as_str().unwrap().is_empty());
    assert_eq!(v["source"], "environment");
    assert_eq!(v["session"], "default");
    assert_eq!(v["via"], "get-session-token");
    let expires = v["expires_at"].as_str().unwrap();
    assert!(
        time::OffsetDateTime::parse(expires, &time::format_description::well_known::Rfc3339)
            .is_ok()
    );

    // The cache: mode 0600 in a 0700 directory, temporary credentials only.
    let file = sessions_dir(&home).join("default.json");
    #[cfg(unix)]
    {
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&sessions_dir(&home)), 0o700);
    }
    let cached: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(!cached["session_token"].as_str().unwrap().is_empty());
    assert_eq!(cached["expires_at"], expires);
    let session_token = cached["session_token"].as_str().unwrap().to_owned();
    let temp_key_id = cached["access_key_id"].as_str().unwrap().to_owned();
    assert!(files_containing(home.path(), LONG_SECRET).is_empty());

    // A later command without keys in the environment uses the cached session.
    let out = token(&mut dbiam(&home, &moto))
        .args(["--debug", "--verify", "--output", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(err.contains("credentials from session:default"), "{err}");
    assert!(
        !err.contains(&session_token),
        "--debug shows the session token"
    );
    let t = stdout_json(&out);
    assert_eq!(t["access_key_id"], temp_key_id.as_str());
    assert!(t["token"]
        .as_str()
        .unwrap()
        .contains("X-Amz-Security-Token="));

    // Explicit environment keys still win over the session.
    let out = token(&mut with_env_keys(&home, &moto))
        .args(["--output", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(stdout_json(&out)["access_key_id"], KEY_ID);
}

#[test]
fn login_with_static_keys_from_stdin() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    let out = dbiam(&home, &moto)
        .args(["--debug", "login", "--keys-from-stdin", "-o", "json"])
        .write_stdin(static_keys())
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secret(&out, &[LONG_SECRET]);
    let v = stdout_json(&out);
    assert_eq!(keys_of(&v), LOGIN_KEYS);
    assert_eq!(v["account"], MOTO_ACCOUNT);
    assert_eq!(v["source"], "keys");
    assert_eq!(v["via"], "get-session-token");
    assert!(v["expires_at"].is_string());
    assert!(files_containing(home.path(), LONG_SECRET).is_empty());
    let cached: Value =
        serde_json::from_slice(&std::fs::read(sessions_dir(&home).join("default.json")).unwrap())
            .unwrap();
    assert_ne!(
        cached["access_key_id"], KEY_ID,
        "the long-term key was cached"
    );
    assert_ne!(cached["secret_access_key"], LONG_SECRET);
}

#[test]
fn login_with_temporary_keys_from_stdin_keeps_their_expiry() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    let expiry = (time::OffsetDateTime::now_utc() + time::Duration::minutes(20))
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();

    // STS does not say when temporary keys expire: the user must.
    let out = dbiam(&home, &moto)
        .args(["login", "--keys-from-stdin", "--session", "typed"])
        .write_stdin(temp_keys())
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 2);
    assert!(text(&out.stderr).contains("--expires-at"));
    assert!(!sessions_dir(&home).join("typed.json").exists());

    let out = dbiam(&home, &moto)
        .args([
            "--debug",
            "login",
            "--keys-from-stdin",
            "--session",
            "typed",
        ])
        .args(["--expires-at", &expiry, "-o", "json"])
        .write_stdin(temp_keys())
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secret(&out, &[TEMP_SECRET, TEMP_TOKEN]);
    let v = stdout_json(&out);
    assert_eq!(keys_of(&v), LOGIN_KEYS);
    assert_eq!(v["account"], MOTO_ACCOUNT);
    assert_eq!(v["source"], "keys");
    assert_eq!(v["via"], "temporary-keys");
    assert_eq!(v["expires_at"], expiry.as_str(), "the expiry was changed");
    assert_eq!(v["session"], "typed");

    // Cached as they are, only in the 0600 session file.
    let file = sessions_dir(&home).join("typed.json");
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    assert_eq!(
        files_containing(home.path(), TEMP_TOKEN),
        std::slice::from_ref(&file)
    );
    assert_eq!(files_containing(home.path(), TEMP_SECRET), [file]);

    // DBIAM_SESSION picks the session for later commands.
    let out = token(&mut dbiam(&home, &moto))
        .env("DBIAM_SESSION", "typed")
        .args(["--debug", "--output", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secret(&out, &[TEMP_SECRET]);
    assert!(text(&out.stderr).contains("session:typed"));
    assert_eq!(stdout_json(&out)["access_key_id"], TEMP_KEY_ID);
}

#[test]
fn get_session_token_with_mfa_and_a_duration() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    let code = "654321";
    let before = time::OffsetDateTime::now_utc();
    let out = dbiam(&home, &moto)
        .args(["--debug", "login", "--keys-from-stdin", "--session", "mfa"])
        .args(["--mfa-serial", "arn:aws:iam::123456789012:mfa/login-test"])
        .args(["--mfa-code", code, "--duration", "15m", "-o", "json"])
        .write_stdin(static_keys())
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secret(&out, &[LONG_SECRET, code]);
    let v = stdout_json(&out);
    assert_eq!(v["via"], "get-session-token");
    let expires = time::OffsetDateTime::parse(
        v["expires_at"].as_str().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    let lifetime = (expires - before).whole_seconds();
    assert!((850..=960).contains(&lifetime), "lifetime {lifetime}s");
    assert!(files_containing(home.path(), code).is_empty());
    assert!(files_containing(home.path(), LONG_SECRET).is_empty());

    // Outside what STS allows.
    for d in ["899", "37h"] {
        let out = dbiam(&home, &moto)
            .args(["login", "--keys-from-stdin", "--duration", d])
            .write_stdin(static_keys())
            .assert()
            .get_output()
            .clone();
        assert_one_line_error(&out, 2);
    }
}

#[test]
fn assume_role_caches_the_role_credentials() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    let role = format!(
        "arn:aws:iam::{MOTO_ACCOUNT}:role/dbiam-login-test-{}",
        std::process::id()
    );
    let out = with_env_keys(&home, &moto)
        .args(["--debug", "login", "--role-arn", &role])
        .args([
            "--external-id",
            "ext-4711",
            "--role-session-name",
            "login-test",
        ])
        .args(["--duration", "900", "--session", "role", "-o", "json"])
        .args(["--allowed-accounts", MOTO_ACCOUNT])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secret(&out, &[LONG_SECRET]);
    let v = stdout_json(&out);
    assert_eq!(keys_of(&v), LOGIN_KEYS);
    assert_eq!(v["account"], MOTO_ACCOUNT);
    assert_eq!(v["source"], "environment");
    assert_eq!(v["via"], "assume-role");
    let arn = v["arn"].as_str().unwrap();
    assert!(
        arn.contains(":assumed-role/") && arn.ends_with("/login-test"),
        "{arn}"
    );
    let cached: Value =
        serde_json::from_slice(&std::fs::read(sessions_dir(&home).join("role.json")).unwrap())
            .unwrap();
    assert_eq!(cached["arn"], arn);
    assert!(files_containing(home.path(), LONG_SECRET).is_empty());

    // The role's account is what the allowed accounts are checked against.
    let other = format!("arn:aws:iam::{OTHER_ACCOUNT}:role/dbiam-login-test");
    let out = with_env_keys(&home, &moto)
        .args(["login", "--role-arn", &other, "--session", "other"])
        .args(["--allowed-accounts", MOTO_ACCOUNT])
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 5);
    assert!(text(&out.stderr).contains(OTHER_ACCOUNT));
    assert!(!sessions_dir(&home).join("other.json").exists());
}

#[test]
fn allowed_accounts_gate_login_and_tokens() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    // An allowed account passes (flag and environment alike).
    with_env_keys(&home, &moto)
        .args(["login", "--verify-only"])
        .args([
            "--allowed-accounts",
            &format!("{OTHER_ACCOUNT},{MOTO_ACCOUNT}"),
        ])
        .assert()
        .success();
    with_env_keys(&home, &moto)
        .env("DBIAM_ALLOWED_ACCOUNTS", MOTO_ACCOUNT)
        .args(["login", "--session", "ok"])
        .assert()
        .success();
    assert!(sessions_dir(&home).join("ok.json").exists());

    // Another account is refused with exit 5, and nothing is cached.
    for how in ["flag", "env"] {
        let mut c = with_env_keys(&home, &moto);
        c.args(["login", "--session", "refused"]);
        if how == "flag" {
            c.args(["--allowed-accounts", OTHER_ACCOUNT]);
        } else {
            c.env("DBIAM_ALLOWED_ACCOUNTS", OTHER_ACCOUNT);
        }
        let out = c.assert().get_output().clone();
        assert_one_line_error(&out, 5);
        assert!(text(&out.stderr).contains(MOTO_ACCOUNT));
        assert_eq!(out.stdout, b"");
    }
    assert!(!sessions_dir(&home).join("refused.json").exists());

    // Minting with environment keys: the account comes from STS GetCallerIdentity.
    token(&mut with_env_keys(&home, &moto))
        .env("DBIAM_ALLOWED_ACCOUNTS", MOTO_ACCOUNT)
        .assert()
        .success();
    let out = token(&mut with_env_keys(&home, &moto))
        .env("DBIAM_ALLOWED_ACCOUNTS", OTHER_ACCOUNT)
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 5);
    assert_eq!(out.stdout, b"", "a token was printed");

    // Minting from a session: the account recorded at login, no STS call needed.
    let dead = format!("http://127.0.0.1:{}", closed_port());
    let out = token(&mut home.dbiam())
        .env("AWS_ENDPOINT_URL", &dead)
        .env("DBIAM_SESSION", "ok")
        .args(["--allowed-accounts", OTHER_ACCOUNT])
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 5);
    token(&mut home.dbiam())
        .env("AWS_ENDPOINT_URL", &dead)
        .env("DBIAM_SESSION", "ok")
        .env("DBIAM_ALLOWED_ACCOUNTS", MOTO_ACCOUNT)
        .assert()
        .success();

    // Every command that logs in with IAM is gated the same way (the one login path):
    // `exec` and `env` refuse before minting, and the command never runs.
    let marker = home.path().join("ran");
    let exec = |c: &mut assert_cmd::Command| {
        c.args(["exec", "-h", HOST, "-U", "app", "--", "touch"])
            .arg(&marker);
    };
    let mut c = with_env_keys(&home, &moto);
    exec(&mut c);
    let out = c
        .env("DBIAM_ALLOWED_ACCOUNTS", OTHER_ACCOUNT)
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 5);
    assert!(!marker.exists(), "the command ran");
    let out = with_env_keys(&home, &moto)
        .args(["env", "-h", HOST, "-U", "app"])
        .args(["--allowed-accounts", OTHER_ACCOUNT])
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 5);
    assert_eq!(out.stdout, b"", "variables were printed");
    let mut c = with_env_keys(&home, &moto);
    exec(&mut c);
    c.env("DBIAM_ALLOWED_ACCOUNTS", MOTO_ACCOUNT)
        .assert()
        .success();
    assert!(marker.exists(), "the allowed account's command did not run");

    // A malformed list is bad input.
    let out = with_env_keys(&home, &moto)
        .args(["login", "--allowed-accounts", "12345"])
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 2);
}

/// Write a session file in the cache format, as `dbiam login` would.
fn write_session(home: &Home, name: &str, expires_at: &str) {
    let dir = sessions_dir(home);
    std::fs::create_dir_all(&dir).unwrap();
    let body = serde_json::json!({
        "version": 1,
        "name": name,
        "access_key_id": TEMP_KEY_ID,
        "secret_access_key": TEMP_SECRET,
        "session_token": TEMP_TOKEN,
        "expires_at": expires_at,
        "account": MOTO_ACCOUNT,
        "arn": "arn:aws:iam::123456789012:user/login-test",
        "user_id": "AIDALOGINTEST",
        "source": "environment",
        "via": "get-session-token",
        "created_at": "2020-01-01T00:00:00Z",
    });
    std::fs::write(dir.join(format!("{name}.json")), body.to_string()).unwrap();
}

#[test]
fn an_expired_session_gives_the_documented_error() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    write_session(&home, "default", "2020-01-01T01:00:00Z");
    let out = token(&mut dbiam(&home, &moto))
        .arg("--verify")
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 4);
    let err = text(&out.stderr);
    assert!(err.contains("session 'default' expired"), "{err}");
    assert!(err.contains("dbiam login"), "{err}");
    assert_eq!(out.stdout, b"");

    // --status shows it as expired.
    let out = dbiam(&home, &moto)
        .args(["login", "--status", "-o", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v = stdout_json(&out);
    assert_eq!(v[0]["name"], "default");
    assert_eq!(v[0]["seconds_left"], 0);
    assert_eq!(v[0]["active"], false);
    assert!(v[0]["time_left"].as_str().unwrap().starts_with("expired "));

    // Explicit environment keys are not blocked by it.
    token(&mut with_env_keys(&home, &moto)).assert().success();

    // A session expiring in a moment: live now, refused once it has passed.
    let soon = (time::OffsetDateTime::now_utc() + time::Duration::seconds(2))
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    write_session(&home, "soon", &soon);
    token(&mut dbiam(&home, &moto))
        .env("DBIAM_SESSION", "soon")
        .assert()
        .success();
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let out = token(&mut dbiam(&home, &moto))
        .env("DBIAM_SESSION", "soon")
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 4);
    assert!(text(&out.stderr).contains("dbiam login --session soon"));
}

#[test]
fn status_and_logout() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    dbiam(&home, &moto)
        .args(["login", "--status"])
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no cached sessions"));
    for name in ["alpha", "beta"] {
        dbiam(&home, &moto)
            .args(["login", "--keys-from-stdin", "--session", name])
            .write_stdin(static_keys())
            .assert()
            .success();
    }
    let out = dbiam(&home, &moto)
        .env("DBIAM_SESSION", "beta")
        .args(["login", "--status", "-o", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v = stdout_json(&out);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        keys_of(&rows[0]),
        [
            "name",
            "account",
            "arn",
            "source",
            "via",
            "expires_at",
            "seconds_left",
            "time_left",
            "active"
        ]
    );
    assert_eq!(rows[0]["name"], "alpha");
    assert_eq!(rows[0]["active"], false);
    assert_eq!(rows[1]["name"], "beta");
    assert_eq!(rows[1]["active"], true);
    assert_eq!(rows[1]["account"], MOTO_ACCOUNT);
    assert!(rows[1]["seconds_left"].as_i64().unwrap() > 3000);
    let table = dbiam(&home, &moto)
        .args(["login", "--status"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(text(&table).contains("alpha") && text(&table).contains("time_left"));

    dbiam(&home, &moto)
        .args(["logout", "--session", "alpha"])
        .assert()
        .success()
        .stderr(predicate::str::contains("removed session 'alpha'"));
    assert!(!sessions_dir(&home).join("alpha.json").exists());
    assert!(sessions_dir(&home).join("beta.json").exists());
    dbiam(&home, &moto)
        .args(["logout", "--session", "alpha"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no cached session 'alpha'"));
    dbiam(&home, &moto)
        .args(["logout", "--all"])
        .assert()
        .success();
    assert_eq!(std::fs::read_dir(sessions_dir(&home)).unwrap().count(), 0);
    // With no session and no keys, commands say so.
    let out = token(&mut dbiam(&home, &moto))
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 4);
}

#[test]
fn verify_only_caches_nothing() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    let out = with_env_keys(&home, &moto)
        .args(["login", "--verify-only", "-o", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v = stdout_json(&out);
    assert_eq!(v["source"], "environment");
    assert_eq!(v["expires_at"], Value::Null);
    assert_eq!(v["session"], Value::Null);
    assert!(!sessions_dir(&home).exists());
    // Temporary credentials from the environment are verified, not cached.
    let out = with_env_keys(&home, &moto)
        .env("AWS_SESSION_TOKEN", TEMP_TOKEN)
        .args(["login", "-o", "json"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secret(&out, &[TEMP_TOKEN, LONG_SECRET]);
    assert_eq!(stdout_json(&out)["session"], Value::Null);
    assert!(!sessions_dir(&home).exists());
}

#[test]
fn bad_input_gives_one_line_errors() {
    let Some(moto) = moto_url() else { return };
    let home = Home::new();
    let stdin_cases = [
        ("malformed key id", format!("AKIA123\n{LONG_SECRET}\n")),
        (
            "lower-case key id",
            format!("akialogintest0000001\n{LONG_SECRET}\n"),
        ),
        ("empty secret", format!("{KEY_ID}\n\n")),
        ("no secret line", format!("{KEY_ID}\n")),
        ("nothing", String::new()),
        (
            "ASIA without token",
            format!("{TEMP_KEY_ID}\n{TEMP_SECRET}\n"),
        ),
        (
            "AKIA with a token",
            format!("{KEY_ID}\n{LONG_SECRET}\n{TEMP_TOKEN}\n"),
        ),
    ];
    for (what, input) in stdin_cases {
        let out = dbiam(&home, &moto)
            .args(["login", "--keys-from-stdin"])
            .write_stdin(input)
            .assert()
            .get_output()
            .clone();
        assert_one_line_error(&out, 2);
        assert_no_secret(&out, &[LONG_SECRET, TEMP_SECRET, TEMP_TOKEN]);
        eprintln!("{what}: {}", text(&out.stderr).trim());
    }
    for code in ["12345", "1234567", "12a456", ""] {
        let out = dbiam(&home, &moto)
            .args(["login", "--keys-from-stdin"])
            .args([
                "--mfa-serial",
                "arn:aws:iam::123456789012:mfa/x",
                "--mfa-code",
                code,
            ])
            .write_stdin(static_keys())
            .assert()
            .get_output()
            .clone();
        assert_one_line_error(&out, 2);
        assert!(text(&out.stderr).contains("6 digits"));
    }
    // Prompting needs a terminal.
    let out = dbiam(&home, &moto)
        .args(["login", "--keys"])
        .write_stdin(static_keys())
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 2);
    let flag_cases: [&[&str]; 5] = [
        &["--session", "../escape"],
        &["--role-arn", "not-an-arn"],
        &["--duration", "soon"],
        &["--mfa-serial", "arn:aws:iam::123456789012:mfa/x"],
        &["--expires-at", "2030-01-01T00:00:00Z"],
    ];
    for flags in flag_cases {
        let out = dbiam(&home, &moto)
            .args(["login", "--keys-from-stdin"])
            .args(flags)
            .write_stdin(static_keys())
            .assert()
            .get_output()
            .clone();
        assert_one_line_error(&out, 2);
    }
    // No credentials anywhere: say how to give some.
    let out = dbiam(&home, &moto)
        .arg("login")
        .assert()
        .get_output()
        .clone();
    assert_one_line_error(&out, 4);
    assert!(text(&out.stderr).contains("--keys"));
    // Keys are never accepted as arguments.
    home.dbiam()
        .args(["login", "--secret-access-key", LONG_SECRET])
        .assert()
        .code(2);
    // Unreachable STS endpoint.
    let out = dbiam(&home, &format!("http://127.0.0.1:{}", closed_port()))
        .args(["--debug", "login", "--keys-from-stdin"])
        .write_stdin(static_keys())
        .assert()
        .get_output()
        .clone();
    assert_eq!(out.status.code(), Some(1));
    assert_no_secret(&out, &[LONG_SECRET]);
    let err = text(&out.stderr);
    let last = err.lines().last().unwrap();
    assert!(
        last.starts_with("dbiam: error: STS GetCallerIdentity: cannot reach"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    assert!(!sessions_dir(&home).exists());
}

/// Run dbiam on a real pseudo-terminal (tests/support/pty_run.py), answering prompts.
fn on_terminal(
    home: &Home,
    moto: &str,
    python: &str,
    answers: &[(&str, &str)],
    args: &[&str],
) -> std::process::Output {
    let script = serde_json::to_string(answers).unwrap();
    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/pty_run.py");
    let mut c = assert_cmd::Command::new(python);
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_STATE_HOME", home.path().join(".local/state"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", moto)
        .env("NO_COLOR", "1")
        .arg(driver)
        .arg(script)
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_dbiam"))
        .args(args)
        .timeout(std::time::Duration::from_secs(90));
    c.output().unwrap()
}

#[test]
fn keys_and_mfa_code_typed_at_a_terminal_are_not_echoed() {
    let Some(moto) = moto_url() else { return };
    let Some(python) = common::python() else {
        return;
    };
    let home = Home::new();
    let code = "864209";
    let out = on_terminal(
        &home,
        &moto,
        &python,
        &[
            ("AWS access key id: ", KEY_ID),
            ("secret access key (hidden): ", LONG_SECRET),
            ("session token (hidden; empty for long-term keys): ", ""),
            ("MFA code: ", code),
        ],
        &[
            "--debug",
            "login",
            "--keys",
            "--session",
            "tty",
            "--mfa-serial",
            "arn:aws:iam::123456789012:mfa/login-test",
        ],
    );
    let screen = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{screen}");
    assert!(
        screen.contains(KEY_ID),
        "the key id is typed visibly: {screen}"
    );
    assert!(
        !screen.contains(LONG_SECRET),
        "the secret was echoed: {screen}"
    );
    assert!(!screen.contains(code), "the MFA code was echoed: {screen}");
    assert!(screen.contains("get-session-token"), "{screen}");
    assert!(screen.contains("session 'tty' cached"), "{screen}");
    assert!(files_containing(home.path(), LONG_SECRET).is_empty());
    assert!(files_containing(home.path(), code).is_empty());

    // Temporary keys: the token is hidden too, and the expiry is asked for.
    let expiry = (time::OffsetDateTime::now_utc() + time::Duration::minutes(30))
        .replace_nanosecond(0)
        .unwrap()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap();
    let out = on_terminal(
        &home,
        &moto,
        &python,
        &[
            ("AWS access key id: ", TEMP_KEY_ID),
            ("secret access key (hidden): ", TEMP_SECRET),
            (
                "session token (hidden; empty for long-term keys): ",
                TEMP_TOKEN,
            ),
            ("Expires at", &expiry),
        ],
        &["login", "--keys", "--session", "tty-temp", "-o", "json"],
    );
    let screen = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{screen}");
    assert!(
        !screen.contains(TEMP_SECRET) && !screen.contains(TEMP_TOKEN),
        "{screen}"
    );
    let cached: Value =
        serde_json::from_slice(&std::fs::read(sessions_dir(&home).join("tty-temp.json")).unwrap())
            .unwrap();
    assert_eq!(cached["expires_at"], expiry.as_str());
    assert_eq!(cached["via"], "temporary-keys");
}
