//! The config file and `dbiam targets`: add/list/show/remove through the real binary,
//! bad files reported with file, line and key, `[defaults]` below flags and the
//! environment, and a target name in place of connection flags (`dbiam sql NAME`
//! against the local PostgreSQL).

mod common;

use common::pg::{pg_host, pg_port_str, test_ca};
use common::Home;
use predicates::prelude::*;
use serde_json::Value;

fn config_path(home: &Home) -> std::path::PathBuf {
    home.path().join(".config/dbiam/config.toml")
}

#[test]
fn add_list_show_remove_round_trip() {
    let home = Home::new();
    home.dbiam()
        .args(["targets", "add", "orders", "-h"])
        .args(["orders.abc123.eu-west-1.rds.amazonaws.com", "-p", "6543"])
        .args(["-U", "app", "-d", "ordersdb", "--region", "eu-west-1"])
        .args(["--sslmode", "verify-ca"])
        .assert()
        .success()
        .stderr(predicate::str::contains("target 'orders' saved"));
    home.dbiam()
        .args([
            "targets",
            "add",
            "shop",
            "mysql://shopper@shop.x.us-east-2.rds.amazonaws.com/shop",
        ])
        .args(["--role-arn", "arn:aws:iam::123456789012:role/db"])
        .assert()
        .success();
    // The file is under XDG_CONFIG_HOME and holds no secret.
    let text = std::fs::read_to_string(config_path(&home)).unwrap();
    assert!(
        text.contains("[targets.orders]") && text.contains("port = 6543"),
        "{text}"
    );
    assert!(!text.to_lowercase().contains("password"), "{text}");

    let out = home
        .dbiam()
        .args(["targets", "list", "--output", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["orders", "shop"]);
    assert_eq!(v[0]["port"], 6543);
    assert_eq!(v[1]["engine"], "mysql");
    assert_eq!(v[1]["host"], "shop.x.us-east-2.rds.amazonaws.com");

    let out = home
        .dbiam()
        .args(["targets", "show", "orders", "-o", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["user"], "app");
    assert_eq!(v["database"], "ordersdb");
    assert_eq!(v["region"], "eu-west-1");
    assert_eq!(v["sslmode"], "verify-ca");

    // Adding the same name again needs --force.
    home.dbiam()
        .args(["targets", "add", "orders", "-h", "other"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    home.dbiam()
        .args(["targets", "add", "orders", "-h", "other", "--force"])
        .assert()
        .success();
    home.dbiam()
        .args(["targets", "remove", "orders"])
        .assert()
        .success();
    home.dbiam()
        .args(["targets", "show", "orders"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no target named 'orders'"));
    home.dbiam()
        .args(["targets", "remove", "orders"])
        .assert()
        .code(2);
    let text = std::fs::read_to_string(config_path(&home)).unwrap();
    assert!(
        !text.contains("orders") && text.contains("[targets.shop]"),
        "{text}"
    );
}

#[test]
fn add_refuses_passwords_bad_names_and_missing_hosts() {
    let home = Home::new();
    for (args, msg) in [
        (vec!["x", "postgres://u:pw@h/d"], "password"),
        (vec!["a b", "-h", "h"], "bad target name"),
        (vec!["x", "-U", "u"], "needs a host"),
        (vec!["x", "-h", "h", "--no-iam"], "not stored"),
    ] {
        home.dbiam()
            .args(["targets", "add"])
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(msg));
    }
    assert!(!config_path(&home).exists());
}

#[test]
fn bad_config_files_name_file_line_and_key() {
    let home = Home::new();
    let file = home.path().join("bad.toml");
    for (text, place, key) in [
        (
            "[defaults]\nregion = \"eu-west-1\"\nprofle = \"x\"\n",
            ":3:1:",
            "profle",
        ),
        (
            "[targets.a]\nhost = \"h\"\nport = \"five\"\n",
            ":3:8:",
            "`port`",
        ),
        ("[targets.a]\nengine = \"oracle\"\n", ":2:10:", "`engine`"),
        (
            "[defaults]\nallowed_accounts = [\"12\"]\n",
            "bad.toml",
            "12",
        ),
    ] {
        std::fs::write(&file, text).unwrap();
        let out = home
            .dbiam()
            .env("DBIAM_CONFIG", &file)
            .args(["targets", "list"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&format!("{}{place}", file.display())) || place == "bad.toml",
            "{err}"
        );
        assert!(err.contains(key), "{err}");
    }
}

#[test]
fn defaults_apply_below_flags_and_environment() {
    let home = Home::new();
    let file = home.path().join("c.toml");
    std::fs::write(
        &file,
        "[defaults]\nregion = \"eu-west-3\"\noutput = \"json\"\n",
    )
    .unwrap();
    let token = |extra: &[&str], env_region: Option<&str>| {
        let mut c = home.dbiam_with_keys();
        c.env_remove("AWS_REGION").env("DBIAM_CONFIG", &file);
        if let Some(r) = env_region {
            c.env("AWS_REGION", r);
        }
        let out = c
            .args(["token", "--hostname", "db.example.com", "--port", "5432"])
            .args(["--username", "u"])
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // output = "json" from the config file; region from the config file.
    let out = token(&[], None);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["token"]
            .as_str()
            .unwrap()
            .contains("%2Feu-west-3%2Frds-db%2F"),
        "{out}"
    );
    // The environment and the flag win.
    assert!(token(&[], Some("ap-south-1")).contains("%2Fap-south-1%2F"));
    let out = token(
        &["--region", "sa-east-1", "--output", "table"],
        Some("ap-south-1"),
    );
    assert!(out.contains("%2Fsa-east-1%2F"), "{out}");
}

#[test]
fn a_target_name_fills_the_connection_flags_of_sql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    home.dbiam()
        .args([
            "targets",
            "add",
            "local",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
        ])
        .args(["-d", "postgres", "--sslrootcert", &ca])
        .assert()
        .success();
    home.dbiam()
        .args([
            "sql",
            "local",
            "--no-iam",
            "-t",
            "-c",
            "select current_user || '@' || current_database()",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("postgres@postgres"));
    // Flags win over the target.
    home.dbiam()
        .args([
            "sql",
            "local",
            "--no-iam",
            "-p",
            &common::closed_port().to_string(),
        ])
        .args(["-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refused"));
    home.dbiam()
        .args(["sql", "nosuch", "-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no target named 'nosuch'"));
}
