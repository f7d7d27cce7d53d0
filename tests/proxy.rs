//! `dbiam proxy` with real clients against the test bench's PostgreSQL: a role whose
//! password is the IAM token behind a `hostssl … password` line (as RDS), reached through
//! the proxy by psql, pgbench, JDBC (Debian's pgjdbc), psycopg and tokio-postgres with the
//! local password (SCRAM-SHA-256); refusals and `--trust`; cancel and terminate; one
//! token for 50 connections; credential faults; silent, garbage and 200 concurrent
//! clients; drain on SIGTERM; DSQL tokens; and never a token in any output.

mod common;

use common::pg::{
    mint_token, pg_host, pg_port_str, psql_super, session_keys, test_ca, unique,
    write_login_record, HbaLine, IamRole, ScratchDb,
};
use common::pg_auth::NamedRole;
use common::{postgres_available, Home};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const T: &str = "2026-01-01T00:00:00Z";

/// Held by the 200-client load test and by the timed cancel, so the 1 s bound measures
/// the cancel path, not the load test running beside it.
static LOAD: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn load_lock() -> std::sync::MutexGuard<'static, ()> {
    LOAD.lock().unwrap_or_else(|e| e.into_inner())
}

/// A running `dbiam proxy` (stopped with SIGTERM, or killed on drop).
struct Proxy {
    child: Child,
    info: Value,
    log: PathBuf,
}

fn dbiam_command(home: &Home) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dbiam"));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_STATE_HOME", home.path().join(".local/state"))
        .env("AWS_EC2_METADATA_DISABLED", "true");
    c
}

impl Proxy {
    /// Start `dbiam proxy ARGS --output json` and read where it listens.
    fn start(home: &Home, envs: &[(&str, String)], args: &[&str]) -> Proxy {
        let log = home.path().join(format!("{}.log", unique("proxy")));
        let mut c = dbiam_command(home);
        c.envs(envs.iter().map(|(k, v)| (*k, v)))
            .arg("proxy")
            .args(args)
            .args(["--output", "json"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap());
        let mut child = c.spawn().unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        if line.is_empty() {
            let _ = child.wait();
            panic!(
                "the proxy did not start: {}",
                std::fs::read_to_string(&log).unwrap()
            );
        }
        let v: Value = serde_json::from_str(&line).unwrap();
        Proxy {
            child,
            info: v["listeners"][0].clone(),
            log,
        }
    }

    fn port(&self) -> String {
        self.info["port"].as_u64().unwrap().to_string()
    }

    fn user(&self) -> String {
        self.info["user"].as_str().unwrap().to_owned()
    }

    fn password(&self) -> String {
        let f = self.info["password_file"]
            .as_str()
            .expect("a password file");
        std::fs::read_to_string(f).unwrap().trim().to_owned()
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap()
    }

    fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    /// A libpq connection string for the proxy.
    fn conninfo(&self, db: &str) -> String {
        format!(
            "host=127.0.0.1 port={} user={} dbname={db} sslmode=disable connect_timeout=10",
            self.port(),
            self.user()
        )
    }

    /// psql through the proxy with `password` (by environment).
    fn psql(&self, db: &str, password: &str, sql: &str) -> std::process::Output {
        Command::new("psql")
            .args(["-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql])
            .arg(self.conninfo(db))
            .env("PGPASSWORD", password)
            .output()
            .unwrap()
    }

    /// SIGTERM, then wait (bounded) for the exit status.
    fn stop(&mut self) -> std::process::ExitStatus {
        sigterm(self.child.id());
        wait_bounded(&mut self.child, Duration::from_secs(20))
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sigterm(pid: u32) {
    use nix::sys::signal::{kill, Signal};
    use nix::unistd::Pid;
    kill(Pid::from_raw(pid as i32), Signal::SIGTERM).unwrap();
}

fn sigint(pid: u32) {
    use nix::sys::signal::{kill, Signal};
    use nix::unistd::Pid;
    kill(Pid::from_raw(pid as i32), Signal::SIGINT).unwrap();
}

fn wait_bounded(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        assert!(
            start.elapsed() < limit,
            "the process did not exit within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A role whose password is the IAM token for the test server at [`T`], behind a
/// `hostssl … password` line; the token (for the no-leak checks).
fn iam_role(home: &Home, ca: &str) -> IamRole {
    IamRole::new(home, "proxy", ca, T)
}

/// The proxy's arguments for `role` on the test server.
fn proxy_args<'a>(role: &'a str, ca: &'a str, db: &'a str) -> Vec<&'a str> {
    vec![
        "-h",
        pg_host(),
        "-p",
        pg_port_str(),
        "-U",
        role,
        "-d",
        db,
        "--sslrootcert",
        ca,
        "--signing-time",
        T,
        "--listen",
        "127.0.0.1:0",
    ]
}

fn json_lines(log: &str) -> Vec<Value> {
    log.lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn psql_pgbench_psycopg_and_one_token_for_fifty_connections() {
    let Some(ca) = test_ca() else { return };
    if !postgres_available() {
        return;
    }
    let home = Home::new();
    let iam = iam_role(&home, &ca);
    let role = iam.role.0.clone();
    let db = ScratchDb::new("proxy");
    psql_super(&db.0, &format!("grant all on schema public to {role};"));
    let sockets = tempfile::tempdir().unwrap();
    let socket_dir = sockets.path().join("s");
    let mut args = proxy_args(&role, &ca, &db.0);
    args.extend([
        "--log-format",
        "json",
        "--socket",
        socket_dir.to_str().unwrap(),
    ]);
    let mut proxy = Proxy::start(&home, &session_keys(), &{
        let mut a = vec!["--debug"];
        a.extend(args);
        a
    });
    let pw = proxy.password();
    assert_eq!(pw.len(), 32);
    let info = &proxy.info;
    assert_eq!(info["engine"], "postgres");
    assert_eq!(info["user"], role.as_str());
    assert!(info["libpq"]
        .as_str()
        .unwrap()
        .ends_with(&format!("user={role} dbname={} sslmode=disable", db.0)));
    assert!(info["jdbc"]
        .as_str()
        .unwrap()
        .starts_with("jdbc:postgresql://127.0.0.1:"));

    // psql: SCRAM to the proxy; TLS upstream; startup parameters go through.
    let out = Command::new("psql")
        .args(["-X", "-At", "-c"])
        .arg("select current_user, ssl, current_setting('application_name') from pg_stat_ssl where pid = pg_backend_pid()")
        .arg(format!("{} application_name=via_proxy", proxy.conninfo(&db.0)))
        .env("PGPASSWORD", &pw)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{role}|t|via_proxy\n"));

    // The Unix socket (mode 0600) works the same.
    let out = Command::new("psql")
        .args(["-X", "-At", "-c", "select 1"])
        .arg(format!(
            "host={} port={} user={role} dbname={}",
            socket_dir.display(),
            proxy.port(),
            db.0
        ))
        .env("PGPASSWORD", &pw)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    {
        use std::os::unix::fs::PermissionsExt;
        let sock = socket_dir.join(format!(".s.PGSQL.{}", proxy.port()));
        let mode = std::fs::metadata(&sock).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // A wrong local password, and another user name, are refused.
    let out = proxy.psql(&db.0, "not-the-password", "select 1");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("password authentication failed"),
        "{}",
        text(&out.stderr)
    );
    let out = Command::new("psql")
        .args(["-X", "-At", "-c", "select 1"])
        .arg(format!(
            "host=127.0.0.1 port={} user=postgres dbname=postgres sslmode=disable",
            proxy.port()
        ))
        .env("PGPASSWORD", &pw)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains(&format!("log in as \"{role}\"")),
        "{}",
        text(&out.stderr)
    );

    // 50 connections in a row: one token minted, reused by the rest.
    for _ in 0..50 {
        let out = proxy.psql(&db.0, &pw, "select 1");
        assert!(out.status.success(), "{}", text(&out.stderr));
    }

    // pgbench (libpq): initialise and run a select-only load through the proxy.
    let pgbench = |args: &[&str]| {
        Command::new("pgbench")
            .args(args)
            .arg(proxy.conninfo(&db.0))
            .env("PGPASSWORD", &pw)
            .output()
            .unwrap()
    };
    let out = pgbench(&["-i", "-s", "1", "-q"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = pgbench(&["-n", "-S", "-c", "4", "-j", "2", "-t", "200"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.contains("number of transactions actually processed: 800/800"),
        "{report}"
    );

    // psycopg (libpq through Python): SCRAM, a query, and 28P01 for a wrong password.
    if let Some(python) = common::python() {
        let script = r#"
import os, sys, psycopg
dsn = sys.argv[1]
with psycopg.connect(dsn, password=os.environ["PROXY_PASSWORD"]) as c:
    print(c.execute("select current_user, 40 + 2").fetchone())
try:
    psycopg.connect(dsn, password="wrong")
    print("wrong password accepted")
except psycopg.OperationalError as e:
    # libpq gives no SQLSTATE for a failed connection; JDBC's test checks 28P01.
    print("refused:", "password authentication failed" in str(e))
"#;
        let out = Command::new(python)
            .args(["-c", script, &proxy.conninfo(&db.0)])
            .env("PROXY_PASSWORD", &pw)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            format!("('{role}', 42)\nrefused: True\n")
        );
    }

    assert!(proxy.running());
    let socket = socket_dir.join(format!(".s.PGSQL.{}", proxy.port()));
    assert!(proxy.stop().success());
    assert!(!socket.exists(), "the socket is removed at exit");
    let log = proxy.log();
    assert!(!log.contains(&iam.token), "the token leaked into the log");
    assert!(!log.contains(&pw), "the local password leaked into the log");
    assert_eq!(
        log.matches("minted an IAM token").count(),
        1,
        "one token for every connection: {log}"
    );
    let lines = json_lines(&log);
    assert!(lines.len() >= 55, "{} log lines", lines.len());
    let ok = lines
        .iter()
        .find(|l| l["outcome"] == "ok" && l["client"] != "unix")
        .unwrap();
    assert_eq!(ok["user"], role.as_str());
    assert_eq!(ok["database"], db.0.as_str());
    assert!(ok["bytes_from_client"].as_u64().unwrap() > 0);
    assert!(ok["bytes_to_client"].as_u64().unwrap() > 0);
    assert!(ok["time"].as_str().unwrap().starts_with("20"));
    assert!(lines
        .iter()
        .any(|l| l["client"] == "unix" && l["outcome"] == "ok"));
    assert!(lines.iter().any(|l| l["outcome"]
        .as_str()
        .unwrap()
        .contains("password authentication failed")));
}

#[test]
fn jdbc_logs_in_and_statement_cancel_works() {
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
    let iam = iam_role(&home, &ca);
    let proxy = Proxy::start(
        &home,
        &session_keys(),
        &proxy_args(&iam.role.0, &ca, "postgres"),
    );
    let src = home.path().join("Test.java");
    std::fs::write(
        &src,
        r#"
import java.sql.*;
import java.util.Properties;

public class Test {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", args[1]);
        p.setProperty("password", System.getenv("PROXY_PASSWORD"));
        try (Connection c = DriverManager.getConnection(args[0], p)) {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select current_user, 6 * 7")) {
                r.next();
                System.out.println(r.getString(1) + " " + r.getInt(2));
            }
            Statement s = c.createStatement();
            new Thread(() -> {
                try { Thread.sleep(1000); s.cancel(); } catch (Exception e) { e.printStackTrace(); }
            }).start();
            long t0 = System.nanoTime();
            try {
                s.execute("select pg_sleep(30)");
                System.out.println("not cancelled");
            } catch (SQLException e) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("cancelled " + e.getSQLState() + (ms < 5000 ? " quickly" : " slowly"));
            }
            try (Statement s2 = c.createStatement(); ResultSet r = s2.executeQuery("select 1")) {
                r.next();
                System.out.println("still usable " + r.getInt(1));
            }
        }
        p.setProperty("password", "wrong");
        try {
            DriverManager.getConnection(args[0], p).close();
            System.out.println("wrong password accepted");
        } catch (SQLException e) {
            System.out.println("refused " + e.getSQLState());
        }
    }
}
"#,
    )
    .unwrap();
    let url = format!(
        "jdbc:postgresql://127.0.0.1:{}/postgres?sslmode=disable&connectTimeout=10",
        proxy.port()
    );
    let out = Command::new("java")
        .args(["-cp", jar])
        .arg(&src)
        .args([&url, &iam.role.0])
        .env("PROXY_PASSWORD", proxy.password())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{} 42\ncancelled 57014 quickly\nstill usable 1\nrefused 28P01\n",
            iam.role.0
        )
    );
    let log = proxy.log();
    assert!(log.contains("outcome=\"cancel forwarded\""), "{log}");
    assert!(!log.contains(&iam.token));
}

/// Poll `sql` as the superuser until it returns `want`, at most `limit`.
fn wait_for(sql: &str, want: &str, limit: Duration) -> Duration {
    let start = Instant::now();
    loop {
        if psql_super("postgres", sql).trim() == want {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < limit,
            "`{sql}` did not return {want} within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn cancel_ends_the_query_on_the_server_and_terminate_then_reconnect() {
    let Some(ca) = test_ca() else { return };
    let _alone = load_lock();
    let home = Home::new();
    let iam = iam_role(&home, &ca);
    let proxy = Proxy::start(
        &home,
        &session_keys(),
        &proxy_args(&iam.role.0, &ca, "postgres"),
    );
    let app = unique("cancel");
    let running = format!(
        "select count(*) from pg_stat_activity where application_name = '{app}' and state = 'active' and query like '%pg_sleep%'"
    );
    // libpq's cancel (psql's Ctrl-C) through the proxy.
    let mut psql = Command::new("psql")
        .args(["-X", "-At", "-c", "select pg_sleep(30)"])
        .arg(format!(
            "{} application_name={app}",
            proxy.conninfo("postgres")
        ))
        .env("PGPASSWORD", proxy.password())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for(&running, "1", Duration::from_secs(20));
    // Timed by the client: psql exits once the server has answered "canceling statement"
    // (so the statement has ended on the server), without spawning pollers that a loaded
    // machine would slow down.
    let start = Instant::now();
    sigint(psql.id());
    while psql.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "psql did not end after the cancel"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let took = start.elapsed();
    assert!(took < Duration::from_secs(1), "the cancel took {took:?}");
    wait_for(&running, "0", Duration::from_secs(5));
    let mut err = String::new();
    psql.stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(
        err.contains("canceling statement due to user request"),
        "{err}"
    );

    // pg_terminate_backend of the upstream: the client sees it, the next one works.
    let app = unique("term");
    let mut psql = Command::new("psql")
        .args(["-X", "-At", "-c", "select pg_sleep(30)"])
        .arg(format!(
            "{} application_name={app}",
            proxy.conninfo("postgres")
        ))
        .env("PGPASSWORD", proxy.password())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for(
        &format!("select count(*) from pg_stat_activity where application_name = '{app}' and state = 'active'"),
        "1",
        Duration::from_secs(20),
    );
    psql_super(
        "postgres",
        &format!("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '{app}';"),
    );
    assert!(!wait_bounded(&mut psql, Duration::from_secs(10)).success());
    let mut err = String::new();
    psql.stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(
        err.contains("terminating connection due to administrator command"),
        "{err}"
    );
    let out = proxy.psql("postgres", &proxy.password(), "select 'again'");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "again\n");
    assert!(!proxy.log().contains(&iam.token));
}

#[test]
fn refusals_trust_and_print_password() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    // Non-loopback addresses: refused without --allow-remote, and with --trust.
    for extra in [&[][..], &["--allow-remote", "--trust"][..]] {
        let out = dbiam_command(&home)
            .args([
                "proxy",
                "-h",
                "db.example.com",
                "-U",
                "app",
                "--listen",
                "0.0.0.0:0",
            ])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("not a loopback address"),
            "{}",
            text(&out.stderr)
        );
    }
    // A password file others may read is refused; --print-password shows the file's.
    let pwfile = home.path().join("pw");
    std::fs::write(&pwfile, "local-secret\n").unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pwfile, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = dbiam_command(&home)
            .args([
                "proxy",
                "-h",
                "db.example.com",
                "-U",
                "app",
                "--password-file",
            ])
            .arg(&pwfile)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).contains("chmod 600"),
            "{}",
            text(&out.stderr)
        );
        std::fs::set_permissions(&pwfile, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let out = dbiam_command(&home)
        .args([
            "proxy",
            "--print-password",
            "x",
            "-h",
            "db.example.com",
            "-U",
            "app",
            "--password-file",
        ])
        .arg(&pwfile)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "local-secret\n");
    // A named target: its password file is made on first use and printed.
    let config = home.path().join(".config/dbiam/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        "[targets.prod]\nhost = \"db.example.com\"\nuser = \"app\"\n",
    )
    .unwrap();
    let out = dbiam_command(&home)
        .args(["proxy", "--print-password", "prod"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert_eq!(printed.trim().len(), 32);
    let file = home.path().join(".local/state/dbiam/proxy/prod.password");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), printed);

    // --trust: any password is accepted, and it says so loudly.
    let iam = iam_role(&home, &ca);
    let mut args = proxy_args(&iam.role.0, &ca, "postgres");
    args.push("--trust");
    let mut proxy = Proxy::start(&home, &session_keys(), &args);
    assert_eq!(proxy.info["trust"], true);
    let out = proxy.psql("postgres", "anything at all", "select current_user");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{}\n", iam.role.0));
    assert!(proxy.stop().success());
    assert!(proxy.log().contains("WARNING: --trust"), "{}", proxy.log());

    // --allow-remote with the local password in force: a wildcard listener (reached
    // here over 127.0.0.1 only) serves the right password, refuses a wrong one, and
    // says loudly that other machines can reach it.
    let mut args = proxy_args(&iam.role.0, &ca, "postgres");
    *args.last_mut().unwrap() = "0.0.0.0:0";
    args.push("--allow-remote");
    let mut proxy = Proxy::start(&home, &session_keys(), &args);
    assert_eq!(proxy.info["trust"], false);
    assert!(
        proxy.info["listen"]
            .as_str()
            .unwrap()
            .starts_with("0.0.0.0:"),
        "{}",
        proxy.info
    );
    let out = proxy.psql("postgres", &proxy.password(), "select current_user");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{}\n", iam.role.0));
    let out = proxy.psql("postgres", "not the local password", "select 1");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("password authentication failed"),
        "{}",
        text(&out.stderr)
    );
    assert!(proxy.stop().success());
    let warning = format!("WARNING: --allow-remote: 0.0.0.0:{} accepts", proxy.port());
    assert!(proxy.log().contains(&warning), "{}", proxy.log());
    assert!(!proxy.log().contains(&iam.token));
}

#[test]
fn expired_credentials_give_a_fatal_error_and_a_new_login_works_without_restart() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let iam = iam_role(&home, &ca);
    write_login_record(
        &home,
        "arn:aws:iam::123456789012:user/proxy-test",
        "2020-01-01T01:00:00Z",
    );
    let region = vec![("AWS_REGION", "us-east-1".to_owned())];
    let mut proxy = Proxy::start(&home, &region, &proxy_args(&iam.role.0, &ca, "postgres"));
    let out = proxy.psql("postgres", &proxy.password(), "select 1");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("FATAL"), "{err}");
    assert!(err.contains("session 'default' expired"), "{err}");
    assert!(err.contains("dbiam login"), "{err}");
    assert!(proxy.running(), "the proxy stays up");
    // `dbiam login` writes a fresh session: the next client gets in, no restart.
    write_login_record(
        &home,
        "arn:aws:iam::123456789012:user/proxy-test",
        "2099-01-01T00:00:00Z",
    );
    let out = proxy.psql("postgres", &proxy.password(), "select current_user");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{}\n", iam.role.0));
    assert!(proxy.stop().success());
    let log = proxy.log();
    assert!(log.contains("expired"), "{log}");
    assert!(!log.contains(&iam.token));
}

#[test]
fn bad_clients_two_hundred_concurrent_clients_and_drain() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let iam = iam_role(&home, &ca);
    let mut args = proxy_args(&iam.role.0, &ca, "postgres");
    args.extend(["--client-timeout", "2"]);
    let mut proxy = Proxy::start(&home, &session_keys(), &args);
    let addr = format!("127.0.0.1:{}", proxy.port());

    // A silent client is dropped after --client-timeout.
    let start = Instant::now();
    let mut silent = std::net::TcpStream::connect(&addr).unwrap();
    silent
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut buf = Vec::new();
    let _ = silent.read_to_end(&mut buf);
    let took = start.elapsed();
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(10),
        "{took:?}"
    );
    assert!(
        text(&buf).contains("no startup packet within 2 s"),
        "{buf:?}"
    );

    // Garbage gets a protocol error on that connection only.
    let mut garbage = std::net::TcpStream::connect(&addr).unwrap();
    garbage
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    garbage
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut buf = Vec::new();
    let _ = garbage.read_to_end(&mut buf);
    assert_eq!(buf.first(), Some(&b'E'), "{buf:?}");
    assert!(text(&buf).contains("08P01"), "{buf:?}");

    // The proxy kept serving.
    let out = proxy.psql("postgres", &proxy.password(), "select 1");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(proxy.stop().success());
    assert!(!proxy.log().contains(&iam.token));

    let _load = load_lock();
    // 200 concurrent clients (tokio-postgres), all logged in at once. (--trust: the
    // unoptimised test build's SCRAM would measure the test client, not the proxy.)
    let mut args = proxy_args(&iam.role.0, &ca, "postgres");
    args.extend(["--trust", "--drain-timeout", "3", "--debug"]);
    let mut proxy = Proxy::start(&home, &session_keys(), &args);
    let password = "any".to_owned();
    let user = proxy.user();
    let port: u16 = proxy.port().parse().unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (done, drained) = rt
        .block_on(async {
            tokio::time::timeout(Duration::from_secs(120), async {
                let mut tasks = Vec::new();
                let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(200));
                for i in 0..200 {
                    let (password, user, barrier) =
                        (password.clone(), user.clone(), barrier.clone());
                    tasks.push(tokio::spawn(async move {
                        let mut config = tokio_postgres::Config::new();
                        config
                            .host("127.0.0.1")
                            .port(port)
                            .user(&user)
                            .dbname("postgres")
                            .password(&password)
                            .connect_timeout(Duration::from_secs(30));
                        let connected = config.connect(tokio_postgres::NoTls).await;
                        // Every client holds a session (or has failed) before anyone queries.
                        barrier.wait().await;
                        let (client, conn) = connected?;
                        tokio::spawn(conn);
                        let row = client.query_one("select $1::int + 1", &[&i]).await?;
                        Ok::<i32, tokio_postgres::Error>(row.get(0))
                    }));
                }
                let mut sum = 0;
                for t in tasks {
                    sum += t.await.unwrap().expect("a concurrent client failed");
                }
                // Drain: an open session keeps working after SIGTERM, until the drain timeout.
                let mut config = tokio_postgres::Config::new();
                config
                    .host("127.0.0.1")
                    .port(port)
                    .user(&user)
                    .dbname("postgres")
                    .password(&password);
                let (client, conn) = config.connect(tokio_postgres::NoTls).await.unwrap();
                let conn = tokio::spawn(conn);
                (sum, (client, conn))
            })
            .await
        })
        .expect("200 concurrent clients within 2 minutes");
    assert_eq!(done, (1..=200).sum::<i32>());
    let (client, conn) = drained;
    sigterm(proxy.child.id());
    std::thread::sleep(Duration::from_millis(500));
    rt.block_on(async {
        let row = client.query_one("select 7", &[]).await.unwrap();
        assert_eq!(row.get::<_, i32>(0), 7);
        // New clients are no longer accepted.
        assert!(tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err());
        // After the drain timeout the session is closed.
        let ended = tokio::time::timeout(Duration::from_secs(10), conn).await;
        assert!(
            ended.is_ok(),
            "the session was not closed after the drain timeout"
        );
    });
    assert!(wait_bounded(&mut proxy.child, Duration::from_secs(10)).success());
    let log = proxy.log();
    assert!(log.contains("outcome=\"closed at shutdown\""), "{log}");
    assert!(!log.contains(&iam.token));
    // 201 clients that arrived together shared one token (a pool opening its
    // connections at once mints one).
    assert_eq!(log.matches("minted an IAM token").count(), 1, "{log}");
}

#[test]
fn dsql_and_an_unreachable_upstream() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let endpoint = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";
    let name = unique("dsqlproxy");
    let token = mint_token(
        &home,
        &["--dsql", "--hostname", endpoint, "--signing-time", T],
    );
    let _role = NamedRole::with_password(&name, &token);
    let _hba = HbaLine::tls_password_for(&name, &ca);
    let proxy = Proxy::start(
        &home,
        &session_keys(),
        &[
            "--engine",
            "dsql",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "--signing-host",
            endpoint,
            "-U",
            &name,
            "--sslrootcert",
            &ca,
            "--signing-time",
            T,
            "--listen",
            "127.0.0.1:0",
        ],
    );
    assert_eq!(proxy.info["engine"], "dsql");
    assert_eq!(proxy.info["database"], "postgres");
    let out = proxy.psql("postgres", &proxy.password(), "select current_user");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{name}\n"));
    assert!(!proxy.log().contains(&token));

    // Nothing listening upstream: an error packet with the reason, within the timeout.
    // A bound socket that never listens: refused, and no other process can take the port.
    let refused = common::refused_port();
    let closed = refused.port.to_string();
    let proxy = Proxy::start(
        &home,
        &session_keys(),
        &[
            "-h",
            "127.0.0.1",
            "-p",
            &closed,
            "-U",
            "app",
            "--connect-timeout",
            "3",
            "--listen",
            "127.0.0.1:0",
        ],
    );
    let start = Instant::now();
    let out = proxy.psql("app", &proxy.password(), "select 1");
    assert!(start.elapsed() < Duration::from_secs(8));
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("FATAL") && err.contains(&format!("cannot connect to 127.0.0.1:{closed}")),
        "{err}"
    );
    drop(proxy);

    // A server that accepts the TCP connection but never answers: the client gets the
    // reason once --connect-timeout has passed, never a hang, and the proxy keeps serving.
    let silent = common::silent_port();
    let port = silent.port.to_string();
    let mut proxy = Proxy::start(
        &home,
        &session_keys(),
        &[
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "-U",
            "app",
            "--connect-timeout",
            "2",
            "--listen",
            "127.0.0.1:0",
        ],
    );
    for _ in 0..2 {
        let start = Instant::now();
        let out = proxy.psql("app", &proxy.password(), "select 1");
        let took = start.elapsed();
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(
            err.contains("FATAL")
                && err.contains(&format!(
                    "cannot connect to 127.0.0.1:{port}: timed out after 2 s"
                )),
            "{err}"
        );
        assert!(
            took >= Duration::from_millis(1900) && took < Duration::from_secs(6),
            "{took:?}"
        );
    }
    assert!(proxy.running());
    assert!(proxy.stop().success());
}

#[test]
fn a_refused_token_is_a_fatal_error_with_dbiams_reason_and_the_next_client_gets_a_fresh_one() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let iam = iam_role(&home, &ca);
    // Signed one second later than the role's password: the server refuses it, as RDS
    // refuses a token signed with a rejected key or for another endpoint.
    let mut args = proxy_args(&iam.role.0, &ca, "postgres");
    let at = args.iter().position(|a| *a == T).unwrap();
    args[at] = "2026-01-01T00:00:01Z";
    args.extend(["--debug", "--log-format", "json"]);
    let mut proxy = Proxy::start(&home, &session_keys(), &args);
    for _ in 0..2 {
        let out = proxy.psql("postgres", &proxy.password(), "select 1");
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(
            err.contains("FATAL:  password authentication failed for user")
                && err.contains("(dbiam proxy: the IAM token was refused; likely causes:")
                && err.contains("expired or wrong AWS credentials"),
            "{err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(proxy.running(), "the proxy stays up");
    }
    assert!(proxy.stop().success());
    let log = proxy.log();
    // The refused token is forgotten: the second client got a fresh one.
    assert_eq!(log.matches("minted an IAM token").count(), 2, "{log}");
    let refused: Vec<Value> = json_lines(&log)
        .into_iter()
        .filter(|l| {
            l["outcome"]
                .as_str()
                .unwrap()
                .starts_with("upstream refused: 28P01")
        })
        .collect();
    assert_eq!(refused.len(), 2, "{log}");
    assert!(!log.contains(&iam.token));
}

#[test]
fn redshift_temporary_credentials_upstream() {
    let (Some(moto), Some(ca), Some(_)) = (common::moto_url(), test_ca(), common::python()) else {
        return;
    };
    use common::moto::{create_redshift_cluster, seed_moto};
    let region = "eu-west-3";
    let home = Home::new();
    let cluster = unique("rsproxy").replace('_', "-");
    create_redshift_cluster(&moto, region, &cluster);
    let db_user = unique("rsproxyuser");
    seed_moto(&moto);
    let out = home
        .dbiam_with_keys()
        .env("AWS_ENDPOINT_URL", &moto)
        .args([
            "token",
            "--redshift",
            "--cluster-id",
            &cluster,
            "--db-user",
            &db_user,
        ])
        .args(["--region", region, "-o", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let creds: Value = serde_json::from_slice(&out.stdout).unwrap();
    let user = creds["user"].as_str().unwrap().to_owned();
    let password = creds["password"].as_str().unwrap().to_owned();
    let _role = NamedRole::with_password(&user, &password);
    let _hba = HbaLine::tls_password_for(&user, &ca);
    seed_moto(&moto);
    let envs = vec![
        ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE".to_owned()),
        (
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".to_owned(),
        ),
        ("AWS_ENDPOINT_URL", moto.clone()),
    ];
    let proxy = Proxy::start(
        &home,
        &envs,
        &[
            "--engine",
            "redshift",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "--cluster-id",
            &cluster,
            "--db-user",
            &db_user,
            "-d",
            "postgres",
            "--sslrootcert",
            &ca,
            "--region",
            region,
            "--listen",
            "127.0.0.1:0",
        ],
    );
    assert_eq!(proxy.info["engine"], "redshift");
    // The client logs in as the target's user; upstream it is the credentials' IAM:user.
    assert_eq!(proxy.user(), db_user);
    let out = proxy.psql("postgres", &proxy.password(), "select current_user");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{user}\n"));
    assert!(!proxy.log().contains(&password));
}

#[test]
fn upstream_tls_is_verified_and_never_skipped_and_ctrl_c_exits_zero() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let iam = iam_role(&home, &ca);
    // The server's certificate is not signed by a CA the proxy trusts (no --sslrootcert):
    // refused before any token is sent, with the reason.
    let mut args = proxy_args(&iam.role.0, &ca, "postgres");
    let at = args.iter().position(|a| *a == "--sslrootcert").unwrap();
    args.drain(at..at + 2);
    let mut proxy = Proxy::start(&home, &session_keys(), &args);
    let out = proxy.psql("postgres", &proxy.password(), "select 1");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("FATAL") && err.contains("not signed by a trusted CA"),
        "{err}"
    );
    assert!(proxy.running());
    // Ctrl-C (SIGINT) stops it like SIGTERM: exit 0.
    sigint(proxy.child.id());
    assert!(wait_bounded(&mut proxy.child, Duration::from_secs(15)).success());
    assert!(!proxy.log().contains(&iam.token));

    // A server that answers the SSLRequest with 'N': the proxy refuses to go on in clear,
    // and nothing after the SSLRequest reaches the server.
    let fake = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = fake.local_addr().unwrap().port().to_string();
    fake.set_nonblocking(true).unwrap();
    let seen = std::thread::spawn(move || {
        let start = Instant::now();
        let mut s = loop {
            match fake.accept() {
                Ok((s, _)) => break s,
                Err(_) if start.elapsed() < Duration::from_secs(20) => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                Err(e) => panic!("the proxy never connected: {e}"),
            }
        };
        s.set_nonblocking(false).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut req = [0u8; 8];
        s.read_exact(&mut req).unwrap();
        s.write_all(b"N").unwrap();
        let mut rest = Vec::new();
        let _ = s.read_to_end(&mut rest);
        (req, rest)
    });
    let mut proxy = Proxy::start(
        &home,
        &session_keys(),
        &[
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "-U",
            "app",
            "--sslmode",
            "require",
            "--listen",
            "127.0.0.1:0",
        ],
    );
    let out = proxy.psql("app", &proxy.password(), "select 1");
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("refused TLS; the credential is never sent in clear"),
        "{err}"
    );
    let (req, rest) = seen.join().unwrap();
    assert_eq!(req, [0, 0, 0, 8, 4, 210, 22, 47], "an SSLRequest");
    assert!(rest.is_empty(), "sent in clear after 'N': {rest:?}");
    assert!(proxy.running());
    assert!(proxy.stop().success());
}
