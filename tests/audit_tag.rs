//! The audit tag ("who connected, in the database's own logs"), read back from the test
//! bench's servers: `pg_stat_activity.application_name` (PostgreSQL) and MariaDB's
//! `performance_schema.session_connect_attrs` (`program_name`; scripts/test starts the
//! private MariaDB with performance_schema on).
//!
//! Every login here is an IAM login to a role/user whose password is the token dbiam
//! mints at [`T`] (a wrong one is shown to be refused). The principal comes from a
//! `dbiam login` record written into the test HOME (as `dbiam login` writes it; its keys
//! are [`session_keys`], so the token is the same): with it the tag names the principal,
//! with plain environment keys (no record, and no AWS call is made for one) it is
//! `dbiam/VERSION`, and `--no-audit-tag` / `audit_tag = false` leave dbiam's default
//! name `dbiam`. The user's own name (PGAPPNAME, `?application_name=`, a proxy client's
//! startup parameter or connection attribute) wins.

mod common;

use common::mysql::{iam_user, mariadb, test_ca as mysql_ca, User};
use common::pg::{pg_host, pg_port_str, session_keys, test_ca, write_login_record, IamRole};
use common::{mysql_host, mysql_port_str, Home};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const T: &str = "2026-01-01T00:00:00Z";
const ARN: &str = "arn:aws:sts::123456789012:assumed-role/db-admins/jane";
const PG_WHO: &str = "select application_name from pg_stat_activity where pid = pg_backend_pid()";
const MY_WHO: &str = "select ATTR_VALUE from performance_schema.session_connect_attrs \
     where PROCESSLIST_ID = connection_id() and ATTR_NAME = 'program_name'";

fn version_tag() -> String {
    format!("dbiam/{}", env!("CARGO_PKG_VERSION"))
}

fn principal_tag() -> String {
    format!("{} (assumed-role/db-admins/jane)", version_tag())
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// dbiam with the login record as its only credentials (and a region).
fn with_record(home: &Home) -> assert_cmd::Command {
    let mut c = home.dbiam();
    c.env("AWS_REGION", "us-east-1");
    c
}

/// dbiam with environment keys and no login record.
fn with_keys(home: &Home) -> assert_cmd::Command {
    let mut c = home.dbiam();
    c.envs(session_keys());
    c
}

/// A role whose password is its IAM token at [`T`], behind a `hostssl … password` line.
fn pg_iam_role(home: &Home, ca: &str) -> IamRole {
    IamRole::new(home, "audit", ca, T)
}

fn pg_sql(mut c: assert_cmd::Command, role: &str, ca: &str, extra: &[&str]) -> String {
    c.args(["sql", "-h", pg_host(), "-p", pg_port_str(), "-U", role])
        .args(["-d", "postgres", "--sslrootcert", ca, "--signing-time", T])
        .args(extra)
        .args(["-o", "csv", "-c", PG_WHO]);
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .strip_prefix("application_name\n")
        .unwrap_or_else(|| panic!("{}", text(&out.stdout)))
        .trim_end()
        .trim_matches('"')
        .to_owned()
}

#[test]
fn sql_names_the_principal_in_pg_stat_activity() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let r = pg_iam_role(&home, &ca);
    let role = r.role.0.as_str();

    // No login record: the tag without a principal (and no AWS call: there is no moto).
    assert_eq!(pg_sql(with_keys(&home), role, &ca, &[]), version_tag());
    // A wrong token (another instant) is refused: the password is really checked.
    with_keys(&home)
        .args(["sql", "-h", pg_host(), "-p", pg_port_str(), "-U", role])
        .args(["-d", "postgres", "--sslrootcert", &ca])
        .args(["--signing-time", "2026-01-01T00:00:01Z", "-c", "select 1"])
        .assert()
        .code(2);

    write_login_record(&home, ARN, "2099-01-01T00:00:00Z");
    assert_eq!(pg_sql(with_record(&home), role, &ca, &[]), principal_tag());
    // Off with the flag, and with the config setting: dbiam's plain default name.
    assert_eq!(
        pg_sql(with_record(&home), role, &ca, &["--no-audit-tag"]),
        "dbiam"
    );
    let config = home.path().join("dbiam.toml");
    std::fs::write(&config, "[defaults]\naudit_tag = false\n").unwrap();
    let mut c = with_record(&home);
    c.env("DBIAM_CONFIG", &config);
    assert_eq!(pg_sql(c, role, &ca, &[]), "dbiam");
    // The user's own name wins, as in psql: PGAPPNAME, then the URL's application_name.
    let mut c = with_record(&home);
    c.env("PGAPPNAME", "nightly-report");
    assert_eq!(pg_sql(c, role, &ca, &[]), "nightly-report");
    let url = format!(
        "postgres://{role}@{}:{}/postgres?application_name=from%20url",
        pg_host(),
        pg_port_str()
    );
    let out = with_record(&home)
        .args(["sql", &url, "--sslrootcert", &ca, "--signing-time", T])
        .args(["-o", "csv", "-c", PG_WHO])
        .output()
        .unwrap();
    assert_eq!(
        text(&out.stdout),
        "application_name\nfrom url\n",
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn exec_gives_psql_the_tag_and_jdbc_the_url_parameter() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let r = pg_iam_role(&home, &ca);
    let role = r.role.0.as_str();
    write_login_record(&home, ARN, "2099-01-01T00:00:00Z");
    let exec = |extra: &[&str], cmd: &[&str]| {
        let out = with_record(&home)
            .args(["exec", "-h", pg_host(), "-p", pg_port_str(), "-U", role])
            .args(["-d", "postgres", "--sslrootcert", &ca, "--signing-time", T])
            .args(extra)
            .arg("--")
            .args(cmd)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout).trim_end().to_owned()
    };
    let psql = ["psql", "-X", "-At", "-c", PG_WHO];
    assert_eq!(exec(&[], &psql), principal_tag());
    // Without the tag psql names itself, as it does anywhere.
    assert_eq!(exec(&["--no-audit-tag"], &psql), "psql");
    let env = exec(
        &[],
        &[
            "sh",
            "-c",
            "echo \"$PGAPPNAME\"; echo \"$JDBC_DATABASE_URL\"",
        ],
    );
    let mut lines = env.lines();
    assert_eq!(lines.next(), Some(principal_tag().as_str()));
    let jdbc = lines.next().unwrap();
    assert!(
        jdbc.contains("&ApplicationName=dbiam%2F")
            && jdbc.contains("%28assumed-role%2Fdb-admins%2Fjane%29"),
        "{jdbc}"
    );
    let env = exec(
        &["--no-audit-tag"],
        &[
            "sh",
            "-c",
            "echo \"${PGAPPNAME-unset}\"; echo \"$JDBC_DATABASE_URL\"",
        ],
    );
    assert!(env.starts_with("unset\n"), "{env}");
    assert!(!env.contains("ApplicationName"), "{env}");
}

/// A running `dbiam proxy` (killed on drop): its first listener's start-up record.
struct Proxy {
    child: Child,
    info: serde_json::Value,
}

impl Proxy {
    fn start(home: &Home, args: &[&str]) -> Proxy {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dbiam"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("XDG_STATE_HOME", home.path().join(".local/state"))
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_REGION", "us-east-1")
            .args(["--output", "json", "--signing-time", T, "proxy"])
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(&line)
            .unwrap_or_else(|e| panic!("the proxy did not start ({e}): {line:?}"));
        Proxy {
            child,
            info: v["listeners"][0].clone(),
        }
    }

    fn port(&self) -> String {
        self.info["port"].as_u64().unwrap().to_string()
    }

    fn password(&self) -> String {
        let f = self.info["password_file"]
            .as_str()
            .expect("a password file");
        std::fs::read_to_string(f).unwrap().trim().to_owned()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn postgres_proxy_tags_upstream_unless_the_client_names_itself() {
    let Some(ca) = test_ca() else { return };
    let Some(python) = common::python() else {
        return;
    };
    let home = Home::new();
    let r = pg_iam_role(&home, &ca);
    let role = r.role.0.as_str();
    write_login_record(&home, ARN, "2099-01-01T00:00:00Z");
    let proxy = Proxy::start(
        &home,
        &[
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            role,
            "-d",
            "postgres",
            "--sslrootcert",
            &ca,
        ],
    );
    let conninfo_for = |p: &Proxy| {
        format!(
            "host=127.0.0.1 port={} user={role} dbname=postgres sslmode=disable connect_timeout=10",
            p.port()
        )
    };
    let conninfo = conninfo_for(&proxy);
    // psql sends an application_name (its own, or the one given): that one wins.
    for (given, want) in [("", "psql"), (" application_name=mine", "mine")] {
        let out = Command::new("psql")
            .args(["-X", "-At", "-c", PG_WHO])
            .arg(format!("{conninfo}{given}"))
            .env("PGPASSWORD", proxy.password())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout).trim_end(), want);
    }
    // psycopg (libpq without a fallback name) sends none: the proxy's tag names it.
    let script = r#"
import os, sys, psycopg
with psycopg.connect(sys.argv[1], password=os.environ["PROXY_PASSWORD"]) as c:
    print(c.execute(sys.argv[2]).fetchone()[0])
"#;
    let out = Command::new(&python)
        .args(["-c", script, &conninfo, PG_WHO])
        .env("PROXY_PASSWORD", proxy.password())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim_end(), principal_tag());
    drop(proxy);

    // --no-audit-tag: the client's (absent) name is left alone.
    let proxy = Proxy::start(
        &home,
        &[
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            role,
            "-d",
            "postgres",
            "--sslrootcert",
            &ca,
            "--no-audit-tag",
        ],
    );
    let conninfo = conninfo_for(&proxy);
    let out = Command::new(&python)
        .args(["-c", script, &conninfo, PG_WHO])
        .env("PROXY_PASSWORD", proxy.password())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim_end(), "");
}

/// A `REQUIRE SSL` MariaDB user whose password is its IAM token at [`T`], who may read
/// the connection attributes.
fn mysql_iam_user(home: &Home) -> User {
    let (user, _) = iam_user(home, "audit", T);
    mariadb(
        "",
        &format!(
            "grant select on performance_schema.session_connect_attrs to '{}'@'127.0.0.1';",
            user.0
        ),
    );
    user
}

fn my_sql(mut c: assert_cmd::Command, user: &str, ca: &str, extra: &[&str]) -> String {
    c.args([
        "sql",
        "--engine",
        "mysql",
        "-h",
        mysql_host(),
        "-p",
        mysql_port_str(),
    ])
    .args(["-U", user, "--ssl-ca", ca, "--signing-time", T])
    .args(extra)
    .args(["-o", "csv", "-c", MY_WHO]);
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .strip_prefix("ATTR_VALUE\n")
        .unwrap_or_else(|| panic!("{}", text(&out.stdout)))
        .trim_end()
        .trim_matches('"')
        .to_owned()
}

#[test]
fn mysql_program_name_in_session_connect_attrs() {
    let Some(ca) = mysql_ca() else { return };
    let on = text(&mariadb("", "select @@performance_schema;"));
    assert!(
        on.ends_with("1\n"),
        "the test MariaDB runs without performance_schema (scripts/test turns it on): {on}"
    );
    let home = Home::new();
    let user = mysql_iam_user(&home);
    assert_eq!(my_sql(with_keys(&home), &user.0, &ca, &[]), version_tag());
    with_keys(&home)
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            mysql_host(),
            "-p",
            mysql_port_str(),
        ])
        .args(["-U", &user.0, "--ssl-ca", &ca])
        .args(["--signing-time", "2026-01-01T00:00:01Z", "-c", "select 1"])
        .assert()
        .code(2);
    write_login_record(&home, ARN, "2099-01-01T00:00:00Z");
    assert_eq!(
        my_sql(with_record(&home), &user.0, &ca, &[]),
        principal_tag()
    );
    assert_eq!(
        my_sql(with_record(&home), &user.0, &ca, &["--no-audit-tag"]),
        "dbiam"
    );

    // Through the proxy: the mariadb client sends its own program_name, which wins;
    // MariaDB Connector/J sends none, and gets the tag.
    let proxy = Proxy::start(
        &home,
        &[
            "--engine",
            "mysql",
            "-h",
            mysql_host(),
            "-p",
            mysql_port_str(),
            "-U",
            &user.0,
            "--ssl-ca",
            &ca,
        ],
    );
    let out = Command::new("mariadb")
        .args(["--no-defaults", "-h", "127.0.0.1", "-P", &proxy.port()])
        .args([
            "-u",
            &user.0,
            "--skip-ssl",
            "--batch",
            "--skip-column-names",
        ])
        .args(["-e", MY_WHO])
        .env("MYSQL_PWD", proxy.password())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let own = text(&out.stdout);
    assert!(own == "mysql\n" || own == "mariadb\n", "{own}");

    let jar = std::path::Path::new("/usr/share/java/mariadb-java-client.jar");
    if !jar.exists() {
        assert!(!common::in_ci(), "{} is missing", jar.display());
        eprintln!("skipped: {} is missing", jar.display());
        return;
    }
    let src = home.path().join("Who.java");
    std::fs::write(
        &src,
        r#"
import java.sql.*;
public class Who {
    public static void main(String[] a) throws Exception {
        try (Connection c = DriverManager.getConnection(a[0], a[1], System.getenv("PROXY_PASSWORD"));
             ResultSet r = c.createStatement().executeQuery(a[2])) {
            System.out.println(r.next() ? r.getString(1) : "(no program_name)");
        }
    }
}
"#,
    )
    .unwrap();
    let url = format!("jdbc:mariadb://127.0.0.1:{}/?sslMode=disable", proxy.port());
    let out = Command::new("java")
        .arg("-cp")
        .arg(jar)
        .arg(&src)
        .args([&url, &user.0, MY_WHO])
        .env("PROXY_PASSWORD", proxy.password())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).trim_end(), principal_tag());
}
