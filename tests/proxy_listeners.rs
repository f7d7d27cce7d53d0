//! `dbiam proxy` with several targets in one invocation, against the test bench's
//! PostgreSQL and MariaDB: one listener per target (a PostgreSQL target and a MySQL
//! target side by side), each with its own local password file in dbiam's state
//! directory; the listen address from `--listen` (repeatable, in target order), else the
//! target's `proxy_port` from the config, else a free port that is printed; the start-up
//! output (text and `--output json`) and the JSON log lines with every field; the Unix
//! socket's modes; and SIGTERM ending both engines' listeners with exit 0. No token in
//! any output.

mod common;

use common::mysql::{iam_user, mariadb, User};
use common::pg::{session_keys, test_ca, unique, write_login_record, IamRole};
use common::{mysql_host, mysql_port_str, pg_host, pg_port_str, Home};
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const T: &str = "2026-01-01T00:00:00Z";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn dbiam(home: &Home) -> Command {
    let mut c = dbiam_without_keys(home);
    c.envs(session_keys());
    c
}

/// dbiam with no AWS credentials in its environment (only a region).
fn dbiam_without_keys(home: &Home) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_dbiam"));
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_STATE_HOME", home.path().join(".local/state"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_REGION", "us-east-1");
    c
}

/// A running `dbiam proxy`: its start-up output (the first `lines` lines of stdout) and
/// its log file; killed on drop.
struct Proxy {
    child: Child,
    stdout: Vec<String>,
    log: PathBuf,
}

impl Proxy {
    fn start(home: &Home, args: &[&str], lines: usize) -> Proxy {
        Proxy::start_with(dbiam(home), home, args, lines)
    }

    /// Start with `command` (its environment: the AWS credentials).
    fn start_with(mut command: Command, home: &Home, args: &[&str], lines: usize) -> Proxy {
        let log = home.path().join(format!("{}.log", unique("listeners")));
        let mut child = command
            .args(["--signing-time", T, "proxy"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        // Read stdout on a thread (and keep draining it, so the proxy never blocks on
        // it); wait a bounded time for the start-up lines.
        let out = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in out.lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut stdout = Vec::new();
        for _ in 0..lines {
            match rx.recv_timeout(Duration::from_secs(60)) {
                Ok(line) => stdout.push(line),
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    panic!(
                        "the proxy did not print {lines} lines: {stdout:?} {}",
                        std::fs::read_to_string(&log).unwrap()
                    );
                }
            }
        }
        Proxy { child, stdout, log }
    }

    fn json(&self) -> Vec<Value> {
        let v: Value = serde_json::from_str(&self.stdout[0]).unwrap();
        v["listeners"].as_array().unwrap().clone()
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap()
    }

    /// SIGTERM, then the exit status (bounded).
    fn stop(&mut self) -> std::process::ExitStatus {
        use nix::sys::signal::{kill, Signal};
        use nix::unistd::Pid;
        kill(Pid::from_raw(self.child.id() as i32), Signal::SIGTERM).unwrap();
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "no exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A PostgreSQL role and a MariaDB user whose passwords are the IAM tokens dbiam mints
/// for them at [`T`] (TLS only), and the config naming them `prod` and `analytics`.
struct Bench {
    pg: IamRole,
    my_user: User,
    my_token: String,
    my_db: common::mysql::ScratchDb,
}

impl Bench {
    fn new(home: &Home, ca: &str) -> Bench {
        let pg = IamRole::new(home, "pxl", ca, T);
        let (my_user, my_token) = iam_user(home, "pxl", T);
        let my_db = common::mysql::ScratchDb::new("pxl");
        mariadb(
            "",
            &format!(
                "grant all on `{}`.* to '{}'@'127.0.0.1';",
                my_db.0, my_user.0
            ),
        );
        Bench {
            pg,
            my_user,
            my_token,
            my_db,
        }
    }

    /// `[targets.prod]` (PostgreSQL) and `[targets.analytics]` (MariaDB, with
    /// `proxy_port` when given).
    fn write_config(&self, home: &Home, ca: &str, analytics_port: Option<u16>) {
        let config = home.path().join(".config/dbiam/config.toml");
        std::fs::create_dir_all(config.parent().unwrap()).unwrap();
        let mut body = format!(
            "[targets.prod]\nengine = \"postgres\"\nhost = \"{}\"\nport = {}\nuser = \"{}\"\n\
             database = \"postgres\"\nsslrootcert = \"{ca}\"\n\n\
             [targets.analytics]\nengine = \"mysql\"\nhost = \"{}\"\nport = {}\nuser = \"{}\"\n\
             database = \"{}\"\nsslrootcert = \"{ca}\"\n",
            pg_host(),
            pg_port_str(),
            self.pg.role.0,
            mysql_host(),
            mysql_port_str(),
            self.my_user.0,
            self.my_db.0,
        );
        if let Some(p) = analytics_port {
            body.push_str(&format!("proxy_port = {p}\n"));
        }
        std::fs::write(&config, body).unwrap();
    }

    fn assert_no_token(&self, texts: &[&str]) {
        for t in texts {
            assert!(!t.contains(&self.pg.token), "the token leaked: {t}");
            assert!(!t.contains(&self.my_token), "the token leaked: {t}");
            assert!(
                !t.contains("X-Amz-Signature"),
                "a token fragment leaked: {t}"
            );
        }
    }
}

/// A loopback port free right now (for `proxy_port` in the config).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn state_password(home: &Home, target: &str) -> (PathBuf, String) {
    let f = home
        .path()
        .join(format!(".local/state/dbiam/proxy/{target}.password"));
    let pw = std::fs::read_to_string(&f).unwrap().trim().to_owned();
    (f, pw)
}

fn psql(port: u64, user: &str, password: &str, sql: &str) -> std::process::Output {
    Command::new("psql")
        .args(["-X", "-At", "-c", sql])
        .arg(format!(
            "host=127.0.0.1 port={port} user={user} dbname=postgres sslmode=disable connect_timeout=10"
        ))
        .env("PGPASSWORD", password)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn mariadb_client(port: u64, user: &str, password: &str, sql: &str) -> std::process::Output {
    Command::new("mariadb")
        .args(["--no-defaults", "-h", "127.0.0.1", "-P", &port.to_string()])
        .args(["-u", user, "--skip-ssl", "--batch", "--skip-column-names"])
        .args(["-e", sql])
        .env("MYSQL_PWD", password)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn several_targets_one_listener_each_ports_from_listen_config_or_free() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let bench = Bench::new(&home, &ca);
    let analytics_port = free_port();
    bench.write_config(&home, &ca, Some(analytics_port));
    let (pg_user, my_user) = (bench.pg.role.0.clone(), bench.my_user.0.clone());

    // `dbiam proxy prod analytics`: one listener each; prod on a free port, analytics on
    // its proxy_port; JSON start-up output and log lines.
    let sockets = tempfile::tempdir().unwrap();
    let socket_dir = sockets.path().join("made-by-dbiam");
    let mut proxy = Proxy::start(
        &home,
        &[
            "prod",
            "analytics",
            "--output",
            "json",
            "--log-format",
            "json",
            "--socket",
            socket_dir.to_str().unwrap(),
        ],
        1,
    );
    let l = proxy.json();
    assert_eq!(l.len(), 2, "{l:?}");
    let (prod, analytics) = (&l[0], &l[1]);
    let prod_port = prod["port"].as_u64().unwrap();
    assert_ne!(prod_port, 0);
    assert_ne!(prod_port, u64::from(analytics_port));
    assert_eq!(analytics["port"].as_u64(), Some(u64::from(analytics_port)));

    // Every field, for both engines.
    let (prod_pw_file, prod_pw) = state_password(&home, "prod");
    let (an_pw_file, an_pw) = state_password(&home, "analytics");
    assert_ne!(prod_pw, an_pw, "one local password per target");
    assert_eq!(mode(&prod_pw_file), 0o600);
    assert_eq!(mode(&an_pw_file), 0o600);
    assert_eq!(prod["target"], "prod");
    assert_eq!(prod["engine"], "postgres");
    assert_eq!(prod["listen"], format!("127.0.0.1:{prod_port}"));
    assert_eq!(prod["host"], "127.0.0.1");
    assert_eq!(prod["user"], pg_user.as_str());
    assert_eq!(prod["database"], "postgres");
    assert_eq!(prod["upstream"], format!("{}:{}", pg_host(), pg_port_str()));
    assert_eq!(
        prod["libpq"],
        format!("host=127.0.0.1 port={prod_port} user={pg_user} dbname=postgres sslmode=disable")
    );
    assert_eq!(
        prod["url"],
        format!("postgresql://{pg_user}@127.0.0.1:{prod_port}/postgres?sslmode=disable")
    );
    assert_eq!(
        prod["jdbc"],
        format!("jdbc:postgresql://127.0.0.1:{prod_port}/postgres?user={pg_user}&sslmode=disable")
    );
    assert_eq!(prod["password_file"], prod_pw_file.to_str().unwrap());
    assert_eq!(prod["trust"], false);
    let socket = socket_dir.join(format!(".s.PGSQL.{prod_port}"));
    assert_eq!(prod["socket"], socket.to_str().unwrap());
    assert_eq!(analytics["target"], "analytics");
    assert_eq!(analytics["engine"], "mysql");
    assert_eq!(analytics["user"], my_user.as_str());
    assert_eq!(analytics["database"], bench.my_db.0.as_str());
    assert_eq!(
        analytics["url"],
        format!(
            "mysql://{my_user}@127.0.0.1:{analytics_port}/{}",
            bench.my_db.0
        )
    );
    assert_eq!(
        analytics["jdbc"],
        format!(
            "jdbc:mariadb://127.0.0.1:{analytics_port}/{}?user={my_user}",
            bench.my_db.0
        )
    );
    assert_eq!(analytics["libpq"], Value::Null, "no libpq string for MySQL");
    assert_eq!(analytics["password_file"], an_pw_file.to_str().unwrap());
    assert_eq!(
        analytics["socket"],
        Value::Null,
        "the socket is PostgreSQL's"
    );

    // The Unix socket: a directory dbiam made 0700, a socket 0600, psql -h DIR.
    assert_eq!(mode(&socket_dir), 0o700);
    assert_eq!(mode(&socket), 0o600);
    let out = Command::new("psql")
        .args(["-X", "-At", "-h"])
        .arg(&socket_dir)
        .args([
            "-p",
            &prod_port.to_string(),
            "-U",
            &pg_user,
            "-d",
            "postgres",
        ])
        .args(["-c", "select current_user"])
        .env("PGPASSWORD", &prod_pw)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{pg_user}\n"));

    // Each listener reaches its own target, with its own password.
    let out = psql(prod_port, &pg_user, &prod_pw, "select current_user, 40 + 2");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{pg_user}|42\n"));
    let out = mariadb_client(
        u64::from(analytics_port),
        &my_user,
        &an_pw,
        "select current_user(), database()",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("{my_user}@127.0.0.1\t{}\n", bench.my_db.0)
    );
    // Startup parameters go upstream as the client sent them.
    let out = Command::new("psql")
        .args(["-X", "-At", "-c"])
        .arg(
            "select current_setting('DateStyle'), current_setting('client_encoding'), \
             current_setting('application_name'), current_setting('search_path')",
        )
        .arg(format!(
            "host=127.0.0.1 port={prod_port} user={pg_user} dbname=postgres sslmode=disable \
             client_encoding=LATIN1 application_name=listeners \
             options='-c DateStyle=SQL,DMY -c search_path=pg_catalog'"
        ))
        .env("PGPASSWORD", &prod_pw)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "SQL, DMY|LATIN1|listeners|pg_catalog\n");
    // The other target's password does not open this one.
    let out = psql(prod_port, &pg_user, &an_pw, "select 1");
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("password authentication failed"),
        "{}",
        text(&out.stderr)
    );
    let out = mariadb_client(u64::from(analytics_port), &my_user, &prod_pw, "select 1");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("ERROR 1045 (28000)"));

    // SIGTERM stops both listeners; exit 0; the socket is gone.
    assert!(proxy.stop().success());
    assert!(!socket.exists());
    let log = proxy.log();
    bench.assert_no_token(&[&log, &proxy.stdout.join("\n")]);
    assert!(!log.contains(&prod_pw) && !log.contains(&an_pw));
    // One JSON line per connection, with every field.
    let lines: Vec<Value> = log
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6, "{log}");
    for l in &lines {
        for k in [
            "time",
            "listener",
            "client",
            "user",
            "database",
            "upstream",
            "outcome",
            "duration_s",
            "bytes_from_client",
            "bytes_to_client",
        ] {
            assert!(l.get(k).is_some(), "{k} missing in {l}");
        }
        assert!(l["duration_s"].as_f64().unwrap() >= 0.0);
        assert!(l["time"].as_str().unwrap().starts_with("20"), "{l}");
    }
    let ok_mysql = lines
        .iter()
        .find(|l| l["listener"] == "analytics" && l["outcome"] == "ok")
        .expect("the MySQL session's line");
    assert_eq!(ok_mysql["user"], my_user.as_str());
    assert_eq!(ok_mysql["database"], bench.my_db.0.as_str());
    assert_eq!(
        ok_mysql["upstream"],
        format!("{}:{}", mysql_host(), mysql_port_str())
    );
    assert!(ok_mysql["client"]
        .as_str()
        .unwrap()
        .starts_with("127.0.0.1:"));
    assert!(ok_mysql["bytes_from_client"].as_u64().unwrap() > 0);
    assert!(ok_mysql["bytes_to_client"].as_u64().unwrap() > 0);
    let ok_pg = lines
        .iter()
        .find(|l| l["listener"] == "prod" && l["outcome"] == "ok" && l["client"] != "unix")
        .expect("the PostgreSQL session's line");
    assert_eq!(ok_pg["user"], pg_user.as_str());
    assert_eq!(ok_pg["database"], "postgres");
    assert!(ok_pg["bytes_from_client"].as_u64().unwrap() > 0);
    assert!(ok_pg["bytes_to_client"].as_u64().unwrap() > 0);
    assert!(lines.iter().any(|l| l["client"] == "unix"));
    assert_eq!(
        lines.iter().filter(|l| l["outcome"] != "ok").count(),
        2,
        "the two refusals: {log}"
    );

    // Repeatable --listen, matched to the targets in order (beating proxy_port); text
    // output: a free port is printed.
    let listen_an = free_port();
    let mut proxy = Proxy::start(
        &home,
        &[
            "prod",
            "analytics",
            "--listen",
            "127.0.0.1:0",
            "--listen",
            &format!("127.0.0.1:{listen_an}"),
        ],
        // Header, libpq, URL, JDBC, password for PostgreSQL; no libpq for MySQL.
        5 + 4,
    );
    let out = proxy.stdout.join("\n");
    let first = &proxy.stdout[0];
    let prefix = "dbiam proxy: prod (postgres) on 127.0.0.1:";
    assert!(first.starts_with(prefix), "{out}");
    let port: u16 = first[prefix.len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_ne!(port, 0, "the free port is printed: {out}");
    assert!(
        out.contains(&format!(
            "  libpq:    host=127.0.0.1 port={port} user={pg_user} dbname=postgres sslmode=disable"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!("  password: in {}", prod_pw_file.display())),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "dbiam proxy: analytics (mysql) on 127.0.0.1:{listen_an} -> "
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "  URL:      mysql://{my_user}@127.0.0.1:{listen_an}/"
        )),
        "{out}"
    );
    let out = psql(u64::from(port), &pg_user, &prod_pw, "select current_user");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = mariadb_client(u64::from(listen_an), &my_user, &an_pw, "select 1");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(proxy.stop().success());
    bench.assert_no_token(&[&proxy.log(), &proxy.stdout.join("\n")]);

    // More --listen addresses than targets: a usage error (exit 2), nothing bound.
    let out = dbiam(&home)
        .args([
            "proxy",
            "prod",
            "--listen",
            "127.0.0.1:0",
            "--listen",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("2 --listen addresses for 1 target(s)"),
        "{}",
        text(&out.stderr)
    );
    // A socket directory others may enter is refused.
    let open = sockets.path().join("open");
    std::fs::create_dir(&open).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = dbiam(&home)
        .args(["proxy", "prod", "--socket"])
        .arg(&open)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("other users can enter it"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn expired_credentials_refuse_both_engines_and_a_new_login_serves_them_without_restart() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let bench = Bench::new(&home, &ca);
    bench.write_config(&home, &ca, None);
    let (pg_user, my_user) = (bench.pg.role.0.clone(), bench.my_user.0.clone());
    // An expired `dbiam login` session and no other credentials.
    write_login_record(
        &home,
        "arn:aws:iam::123456789012:user/proxy-test",
        "2020-01-01T01:00:00Z",
    );
    let mut proxy = Proxy::start_with(
        dbiam_without_keys(&home),
        &home,
        &["prod", "analytics", "--output", "json"],
        1,
    );
    let l = proxy.json();
    let (pg_port, my_port) = (
        l[0]["port"].as_u64().unwrap(),
        l[1]["port"].as_u64().unwrap(),
    );
    let (_, prod_pw) = state_password(&home, "prod");
    let (_, an_pw) = state_password(&home, "analytics");
    for _ in 0..2 {
        let out = psql(pg_port, &pg_user, &prod_pw, "select 1");
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(
            err.contains("FATAL") && err.contains("expired") && err.contains("dbiam login"),
            "{err}"
        );
        let out = mariadb_client(my_port, &my_user, &an_pw, "select 1");
        assert!(!out.status.success());
        let err = text(&out.stderr);
        assert!(
            err.contains("ERROR 1045 (28000): dbiam proxy:")
                && err.contains("expired")
                && err.contains("dbiam login"),
            "{err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(
            proxy.child.try_wait().unwrap().is_none(),
            "the proxy stays up"
        );
    }
    // `dbiam login` writes a fresh session: both listeners serve, no restart.
    write_login_record(
        &home,
        "arn:aws:iam::123456789012:user/proxy-test",
        "2099-01-01T00:00:00Z",
    );
    let out = psql(pg_port, &pg_user, &prod_pw, "select current_user");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{pg_user}\n"));
    let out = mariadb_client(my_port, &my_user, &an_pw, "select current_user()");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{my_user}@127.0.0.1\n"));
    assert!(proxy.stop().success());
    let log = proxy.log();
    assert!(log.matches("expired").count() >= 4, "{log}");
    bench.assert_no_token(&[&log]);
}

#[test]
fn a_url_target_is_proxied_like_dbiam_sql_takes_it() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let bench = Bench::new(&home, &ca);
    let pg_user = bench.pg.role.0.clone();
    let url = format!(
        "postgres://{pg_user}@{}:{}/postgres?sslrootcert={ca}",
        pg_host(),
        pg_port_str()
    );
    let pw = home.path().join("url.pw");
    let mut proxy = Proxy::start(
        &home,
        &[
            &url,
            "--password-file",
            pw.to_str().unwrap(),
            "--output",
            "json",
        ],
        1,
    );
    let l = proxy.json();
    assert_eq!(l[0]["engine"], "postgres");
    assert_eq!(l[0]["user"], pg_user.as_str());
    let port = l[0]["port"].as_u64().unwrap();
    let local = std::fs::read_to_string(&pw).unwrap().trim().to_owned();
    assert_eq!(mode(&pw), 0o600, "the password file is made private");
    let out = psql(port, &pg_user, &local, "select current_user");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{pg_user}\n"));
    assert!(proxy.stop().success());
    bench.assert_no_token(&[&proxy.log()]);
}
