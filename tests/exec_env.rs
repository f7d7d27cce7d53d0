//! `dbiam exec` and `dbiam env`: the token reaches the child's environment and never its
//! argv, the CA file is private and removed afterwards, exit codes and signals pass
//! through, `env` output survives `eval` in sh, and psql logs in to the local
//! PostgreSQL with nothing but what `exec` hands it.

mod common;

use common::pg::HbaLine;
use common::pg::{pg_host, pg_port_str, test_ca, unique};
use common::pg_auth::NamedRole;
use common::Home;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const HOST: &str = "db1.abc123.us-east-1.rds.amazonaws.com";
const TIME: &str = "2026-01-01T00:00:00Z";

fn token(home: &Home, host: &str, port: &str, user: &str) -> String {
    let out = home
        .dbiam_with_keys()
        .args([
            "token",
            "--hostname",
            host,
            "--port",
            port,
            "--username",
            user,
        ])
        .args(["--signing-time", TIME])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// A child that prints its own argv, whether the CA file is there, the mode of its
/// directory, and its environment, then exits 7.
const PROBE: &str = r#"tr '\000' ' ' </proc/$$/cmdline; echo; test -s "$PGSSLROOTCERT" && echo CA-READABLE; stat -c 'dir-mode %a' "$(dirname "$PGSSLROOTCERT")"; echo "ca=$PGSSLROOTCERT"; env; exit 7"#;

#[test]
fn exec_puts_the_token_in_the_environment_only() {
    let home = Home::new();
    let expected = token(&home, HOST, "5432", "app");
    let out = home
        .dbiam_with_keys()
        .args([
            "exec",
            "-h",
            HOST,
            "-U",
            "app",
            "-d",
            "appdb",
            "--signing-time",
            TIME,
        ])
        .args(["--", "sh", "-c", PROBE])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(7),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let argv = stdout.lines().next().unwrap();
    assert!(argv.starts_with("sh -c "), "{argv}");
    assert!(!argv.contains("X-Amz"), "token in argv: {argv}");
    assert!(
        stdout.contains(&format!("\nPGPASSWORD={expected}\n")),
        "{stdout}"
    );
    for line in [
        &format!("PGHOST={HOST}"),
        "PGPORT=5432",
        "PGUSER=app",
        "PGDATABASE=appdb",
        "PGSSLMODE=verify-full",
        "CA-READABLE",
        "dir-mode 700",
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "{line} missing: {stdout}"
        );
    }
    let ca = stdout
        .lines()
        .find_map(|l| l.strip_prefix("ca="))
        .unwrap()
        .to_owned();
    assert!(!std::path::Path::new(&ca).exists(), "{ca} left behind");
    assert!(!std::path::Path::new(&ca).parent().unwrap().exists());
    // Nothing of the token on dbiam's own stdout/stderr.
    assert!(!String::from_utf8_lossy(&out.stderr).contains("X-Amz"));
}

#[test]
fn exec_passes_exit_codes_and_signal_deaths_through() {
    let home = Home::new();
    let run = |script: &str| {
        home.dbiam_with_keys()
            .args(["exec", "-h", HOST, "-U", "app", "--", "sh", "-c", script])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("exit 0"), Some(0));
    assert_eq!(run("exit 42"), Some(42));
    assert_eq!(run("kill -TERM $$"), Some(143));
    home.dbiam_with_keys()
        .args(["exec", "-h", HOST, "-U", "app", "--", "/nonexistent/prog"])
        .assert()
        .code(127);
    // No command: a usage error.
    home.dbiam_with_keys()
        .args(["exec", "-h", HOST, "-U", "app"])
        .assert()
        .code(2);
}

#[test]
fn exec_forwards_sigterm_and_sighup_to_the_child() {
    let home = Home::new();
    for (sig, code) in [("TERM", 42), ("HUP", 43), ("INT", 44)] {
        let script = format!(
            "trap 'echo got-{sig}; exit {code}' {sig}; echo ready $$; while :; do sleep 0.05; done"
        );
        let mut child = Command::new(env!("CARGO_BIN_EXE_dbiam"));
        child
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
            .env(
                "AWS_SECRET_ACCESS_KEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            )
            .env("AWS_REGION", "us-east-1")
            .args(["exec", "-h", HOST, "-U", "app", "--", "sh", "-c", &script])
            .stdout(Stdio::piped());
        let mut proc = child.spawn().unwrap();
        let mut lines = BufReader::new(proc.stdout.take().unwrap()).lines();
        let ready = lines.next().unwrap().unwrap();
        let shell_pid = ready.strip_prefix("ready ").expect("ready line").to_owned();
        let ok = Command::new("kill")
            .args([&format!("-{sig}"), &proc.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        let status = proc.wait().unwrap();
        if status.code() != Some(code) {
            // dbiam died instead of forwarding: do not leave the looping shell behind.
            let _ = Command::new("kill").args(["-KILL", &shell_pid]).status();
            panic!("{sig}: dbiam exited with {status:?}, expected the child's {code}");
        }
        assert_eq!(lines.next().unwrap().unwrap(), format!("got-{sig}"));
    }
}

#[test]
fn env_output_evaluates_in_sh_and_keeps_the_ca_file() {
    let home = Home::new();
    let expected = token(&home, HOST, "5432", "app");
    let out = home
        .dbiam_with_keys()
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .args(["env", "-h", HOST, "-U", "app", "--signing-time", TIME])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let sh = Command::new("sh")
        .args(["-c", "eval \"$1\"; printf '%s|%s|%s|' \"$PGPASSWORD\" \"$PGHOST\" \"$PGSSLMODE\"; test -s \"$PGSSLROOTCERT\" && echo ca-ok", "sh", &text])
        .env_clear()
        .output()
        .unwrap();
    let got = String::from_utf8(sh.stdout).unwrap();
    assert_eq!(got.trim(), format!("{expected}|{HOST}|verify-full|ca-ok"));
    assert!(text.contains(
        &home
            .path()
            .join("cache/dbiam/rds-ca-bundle.pem")
            .display()
            .to_string()
    ));

    for (shell, prefix) in [
        ("fish", "set -gx PGPASSWORD '"),
        ("powershell", "$env:PGPASSWORD = '"),
    ] {
        let out = home
            .dbiam_with_keys()
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .args([
                "env",
                "-h",
                HOST,
                "-U",
                "app",
                "--signing-time",
                TIME,
                "--shell",
                shell,
            ])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.lines().any(|l| l == format!("{prefix}{expected}'")),
            "{text}"
        );
        // PG* (7), PGAPPNAME (the audit tag), DATABASE_URL, JDBC_DATABASE_URL,
        // _USERNAME, _PASSWORD.
        assert_eq!(text.lines().count(), 12, "{text}");
        assert!(
            text.lines()
                .any(|l| l.contains("PGAPPNAME") && l.contains("dbiam/")),
            "{text}"
        );
    }
}

#[test]
fn env_for_mysql_points_the_client_at_an_option_file() {
    let home = Home::new();
    let expected = token(&home, HOST, "5432", "app");
    let out = home
        .dbiam_with_keys()
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .args([
            "env", "--engine", "mysql", "-h", HOST, "-p", "5432", "-U", "app", "-d", "shop",
        ])
        .args(["--signing-time", TIME])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("export MYSQL_PWD='{expected}'")),
        "{text}"
    );
    assert!(
        text.contains(&format!("export MYSQL_HOST='{HOST}'")),
        "{text}"
    );
    assert!(text.contains("export MYSQL_TCP_PORT='5432'"), "{text}");
    let home_dir = text
        .lines()
        .find_map(|l| l.strip_prefix("export MYSQL_HOME='"))
        .unwrap()
        .trim_end_matches('\'');
    let cnf = std::fs::read_to_string(format!("{home_dir}/my.cnf")).unwrap();
    assert!(
        cnf.contains("user=\"app\"") && cnf.contains("ssl-verify-server-cert"),
        "{cnf}"
    );
    assert!(
        cnf.contains("database=\"shop\"") && cnf.contains("ssl-ca="),
        "{cnf}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--ssl-ca"));
}

#[test]
fn psql_logs_in_with_what_exec_hands_it() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let role = unique("exec");
    let tok = token(&home, pg_host(), pg_port_str(), &role);
    let _role = NamedRole::with_password(&role, &tok);
    let _hba = HbaLine::tls_password_for(&role, &ca);
    home.dbiam()
        .args([
            "targets",
            "add",
            "localpg",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            &role,
            "-d",
            "postgres",
        ])
        .args(["--sslrootcert", &ca])
        .assert()
        .success();
    let out = home
        .dbiam_with_keys()
        .args(["exec", "localpg", "--signing-time", TIME, "--"])
        .args([
            "psql",
            "-X",
            "-At",
            "-c",
            "select current_user, ssl from pg_stat_ssl where pid = pg_backend_pid()",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{role}|t"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success());
    // A token for another instant is refused, and psql's exit code (2) comes through.
    home.dbiam_with_keys()
        .args([
            "exec",
            "localpg",
            "--signing-time",
            "2026-01-01T00:00:01Z",
            "--",
        ])
        .args(["psql", "-X", "-At", "-c", "select 1"])
        .assert()
        .code(2);
}

/// A single-file Java program (Debian's pgjdbc) that connects with what `dbiam exec`
/// hands it: `JDBC_DATABASE_URL` alone (user and password are URL parameters), then the
/// URL without its password plus `JDBC_DATABASE_USERNAME` / `JDBC_DATABASE_PASSWORD`, then
/// the same with a wrong password.
const JDBC_PROGRAM: &str = r#"
import java.sql.*;
import java.util.Properties;

public class JdbcEnv {
    static String who(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery(
                "select current_user, ssl, application_name from pg_stat_ssl "
                + "join pg_stat_activity using (pid) where pid = pg_backend_pid()")) {
            r.next();
            return r.getString(1) + "|" + r.getBoolean(2) + "|" + r.getString(3);
        }
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv("JDBC_DATABASE_URL");
        try (Connection c = DriverManager.getConnection(url)) {
            System.out.println("url " + who(c));
        }
        String bare = url.replaceAll("([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
        Properties p = new Properties();
        p.setProperty("user", System.getenv("JDBC_DATABASE_USERNAME"));
        p.setProperty("password", System.getenv("JDBC_DATABASE_PASSWORD"));
        try (Connection c = DriverManager.getConnection(bare, p)) {
            System.out.println("props " + who(c));
        }
        p.setProperty("password", "wrong");
        try {
            DriverManager.getConnection(bare, p).close();
            System.out.println("wrong password accepted");
        } catch (SQLException e) {
            System.out.println("refused " + e.getSQLState());
        }
    }
}
"#;

#[test]
fn jdbc_connects_with_jdbc_database_url_over_verified_tls() {
    let Some(ca) = test_ca() else { return };
    let jar = "/usr/share/java/postgresql.jar";
    if !std::path::Path::new(jar).exists() {
        assert!(
            !common::in_ci(),
            "{jar} is missing (tests/apt-packages.txt)"
        );
        eprintln!("skipped: {jar} is missing");
        return;
    }
    let home = Home::new();
    let role = unique("jdbc");
    let tok = token(&home, pg_host(), pg_port_str(), &role);
    let _role = NamedRole::with_password(&role, &tok);
    let _hba = HbaLine::tls_password_for(&role, &ca);
    let src = home.path().join("JdbcEnv.java");
    std::fs::write(&src, JDBC_PROGRAM).unwrap();
    let out = home
        .dbiam_with_keys()
        .args(["exec", "-h", pg_host(), "-p", pg_port_str(), "-U", &role])
        .args([
            "-d",
            "postgres",
            "--sslrootcert",
            &ca,
            "--signing-time",
            TIME,
        ])
        .args(["--", "java", "-cp", jar])
        .arg(&src)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // sslmode=verify-full with dbiam's CA file; the audit tag as ApplicationName (no
    // login record here: no principal).
    let tag = format!("dbiam/{}", env!("CARGO_PKG_VERSION"));
    assert_eq!(
        stdout,
        format!("url {role}|true|{tag}\nprops {role}|true|{tag}\nrefused 28P01\n")
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains(&tok));
}
