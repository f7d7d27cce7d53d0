//! `dbiam proxy` for MySQL targets against the test bench's private MariaDB (TLS with the
//! test CA): real clients (`mariadb`, `mariadb-slap`, JDBC with Debian's MariaDB
//! Connector/J) log in to the proxy with the local password, and the proxy logs in
//! upstream as a `REQUIRE SSL` user whose password is the full-length IAM token. The
//! `mysql_clear_password` request RDS makes is answered against a FAKE server written
//! here (MariaDB cannot ask a native user for cleartext). Refusals (wrong local password,
//! wrong user, TLS not verified, nothing listening, no AWS credentials) reach the client
//! as ERR packets while the proxy keeps serving, and no token appears in any output.

mod common;

use common::mysql::{iam_user, mariadb, mysql_host, mysql_port_str, test_ca, User};
use common::pg::{mint_token, session_keys};
use common::Home;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SIGNING_TIME: &str = "2026-01-01T00:00:00Z";
const LOCAL_PASSWORD: &str = "local-Pw-0123456789abcdef";

/// A running `dbiam proxy`, killed when dropped; its stderr (the log) is collected.
struct Proxy {
    child: Child,
    info: serde_json::Value,
    log: Arc<Mutex<String>>,
}

impl Proxy {
    /// Start `dbiam proxy ARGS` signing tokens at `signing_time`, with `env` (AWS keys)
    /// in its otherwise clean environment, and read its JSON start-up line.
    fn start(home: &Home, env: &[(&str, String)], signing_time: &str, args: &[&str]) -> Proxy {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dbiam"))
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join(".config"))
            .env("XDG_STATE_HOME", home.path().join(".local/state"))
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .args(["--output", "json", "--signing-time", signing_time, "proxy"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dbiam proxy starts");
        let log = Arc::new(Mutex::new(String::new()));
        let mut stderr = child.stderr.take().unwrap();
        let sink = log.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let info: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|e| {
            let _ = child.kill();
            std::thread::sleep(Duration::from_millis(200));
            panic!("start-up line {line:?}: {e}; log: {}", log.lock().unwrap())
        });
        Proxy { child, info, log }
    }

    fn listener(&self) -> &serde_json::Value {
        &self.info["listeners"][0]
    }

    fn port(&self) -> String {
        self.listener()["port"].as_u64().unwrap().to_string()
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Wait until the log has `n` connection lines.
    fn wait_for_lines(&self, n: usize) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let log = self.log();
            if log.lines().filter(|l| l.contains(" outcome=")).count() >= n
                || Instant::now() > deadline
            {
                return log;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn assert_running(&mut self) {
        assert!(
            self.child.try_wait().unwrap().is_none(),
            "the proxy exited: {}",
            self.log()
        );
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `REQUIRE SSL` user on the test MariaDB whose password is the IAM token dbiam mints
/// for it at [`SIGNING_TIME`] (with a session token: longer than 1,000 bytes), and a
/// scratch database it may use.
struct IamUser {
    user: User,
    db: common::mysql::ScratchDb,
    token: String,
}

impl IamUser {
    fn new(home: &Home) -> IamUser {
        let (user, token) = iam_user(home, "pxm", SIGNING_TIME);
        let db = common::mysql::ScratchDb::new("pxm");
        mariadb(
            "",
            &format!("grant all on `{}`.* to '{}'@'127.0.0.1';", db.0, user.0),
        );
        IamUser { user, db, token }
    }

    fn name(&self) -> &str {
        &self.user.0
    }
}

/// A 0600 password file with [`LOCAL_PASSWORD`].
fn password_file(home: &Home) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let f = home.path().join("local.pw");
    std::fs::write(&f, format!("{LOCAL_PASSWORD}\n")).unwrap();
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600)).unwrap();
    f
}

/// The proxy for `u` with verified TLS (the test CA) and the local password file.
fn proxy_for(home: &Home, u: &IamUser, ca: &str, extra: &[&str]) -> Proxy {
    let pw = password_file(home);
    let mut args = vec![
        "--engine",
        "mysql",
        "-h",
        mysql_host(),
        "-p",
        mysql_port_str(),
        "-U",
        u.name(),
        "-d",
        &u.db.0,
        "--ssl-ca",
        ca,
        "--listen",
        "127.0.0.1:0",
    ];
    if !extra.contains(&"--trust") {
        args.extend(["--password-file", pw.to_str().unwrap()]);
    }
    args.extend(extra);
    Proxy::start(home, &session_keys(), SIGNING_TIME, &args)
}

/// The `mariadb` client against the proxy (no TLS on the loopback leg), the password
/// in MYSQL_PWD (never in argv).
fn client(proxy: &Proxy, user: &str, password: &str) -> Command {
    let mut c = Command::new("mariadb");
    c.args(["--no-defaults", "-h", "127.0.0.1", "-P", &proxy.port()])
        .args(["-u", user, "--skip-ssl", "--batch", "--skip-column-names"])
        .env("MYSQL_PWD", password);
    c
}

fn run(c: &mut Command) -> (bool, String, String) {
    let out = c.stdin(Stdio::null()).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const WHO: &str = "select current_user(), database(), \
     (select variable_value <> '' from information_schema.session_status \
      where variable_name = 'Ssl_cipher')";

fn assert_no_token(u: &IamUser, texts: &[&str]) {
    for t in texts {
        assert!(!t.contains(&u.token), "the token leaked: {t}");
        assert!(
            !t.contains("X-Amz-Signature"),
            "a token fragment leaked: {t}"
        );
    }
}

#[test]
fn mariadb_client_through_the_proxy_with_the_local_password() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let u = IamUser::new(&home);
    let mut proxy = proxy_for(&home, &u, &ca, &[]);
    let l = proxy.listener().clone();
    assert_eq!(l["engine"], "mysql");
    let port = proxy.port();
    assert_eq!(
        l["url"].as_str().unwrap(),
        format!("mysql://{}@127.0.0.1:{port}/{}", u.name(), u.db.0)
    );
    assert!(l["jdbc"]
        .as_str()
        .unwrap()
        .starts_with(&format!("jdbc:mariadb://127.0.0.1:{port}/{}?", u.db.0)));

    // The default plugin (mysql_native_password), the database from the command line.
    let (ok, out, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD)
        .arg(&u.db.0)
        .args(["-e", WHO]));
    assert!(ok, "{err}");
    assert_eq!(out, format!("{}@127.0.0.1\t{}\t1\n", u.name(), u.db.0));

    // caching_sha2_password, as MySQL 8 clients prefer; no database: the target's.
    let (ok, out, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD)
        .arg("--default-auth=caching_sha2_password")
        .args(["-e", WHO]));
    assert!(ok, "{err}");
    assert_eq!(out, format!("{}@127.0.0.1\t{}\t1\n", u.name(), u.db.0));

    // A plugin the proxy does not check (ed25519) is switched to the greeting's.
    let (ok, out, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD)
        .arg("--default-auth=client_ed25519")
        .args(["-e", "select 1"]));
    assert!(ok, "{err}");
    assert_eq!(out, "1\n");

    // Another database the user may use is passed upstream; one it may not use is the
    // server's own refusal.
    let (ok, out, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD).args([
        "information_schema",
        "-e",
        "select database()",
    ]));
    assert!(ok, "{err}");
    assert_eq!(out, "information_schema\n");
    let (ok, _, err) =
        run(client(&proxy, u.name(), LOCAL_PASSWORD).args(["mysql", "-e", "select 1"]));
    assert!(!ok);
    assert!(err.contains("ERROR 1044 (42000)"), "{err}");

    // A wrong local password: the server's own error (1045, 28000), no login upstream.
    let (ok, _, err) = run(client(&proxy, u.name(), "wrong-password").args(["-e", "select 1"]));
    assert!(!ok);
    assert!(
        err.contains(&format!(
            "ERROR 1045 (28000): Access denied for user '{}'@'127.0.0.1' (using password: YES)",
            u.name()
        )),
        "{err}"
    );
    // No password at all.
    let (ok, _, err) = run(client(&proxy, u.name(), "").args(["-e", "select 1"]));
    assert!(!ok);
    assert!(err.contains("(using password: NO)"), "{err}");
    // Another user name, even with the right password: refused, naming the target's user.
    let (ok, _, err) = run(client(&proxy, "root", LOCAL_PASSWORD).args(["-e", "select 1"]));
    assert!(!ok);
    assert!(err.contains("ERROR 1045 (28000)"), "{err}");
    assert!(
        err.contains(&format!("log in as \"{}\"", u.name())),
        "{err}"
    );

    // One log line per connection, with user, database and outcome; never the token.
    let log = proxy.wait_for_lines(8);
    assert!(
        log.contains(&format!("user={} db={} ", u.name(), u.db.0)),
        "{log}"
    );
    assert!(log.contains("outcome=ok"), "{log}");
    assert!(log.contains("Access denied"), "{log}");
    assert_no_token(&u, &[&log, &out]);
    proxy.assert_running();
}

#[test]
fn kill_query_through_the_proxy_is_an_ordinary_statement() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let u = IamUser::new(&home);
    let proxy = proxy_for(&home, &u, &ca, &[]);
    // A long statement through the proxy; its thread id is the server's.
    let sleeper = client(&proxy, u.name(), LOCAL_PASSWORD)
        .args(["-e", "select connection_id(); select sleep(30)"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let id = loop {
        let out = mariadb(
            "",
            &format!(
                "select id from information_schema.processlist where user = '{}' \
                 and info like 'select sleep%';",
                u.name()
            ),
        );
        let out = String::from_utf8(out).unwrap();
        if let Some(id) = out.lines().nth(1) {
            break id.trim().to_owned();
        }
        assert!(started.elapsed() < Duration::from_secs(10), "no sleeper");
        std::thread::sleep(Duration::from_millis(100));
    };
    let (ok, _, err) =
        run(client(&proxy, u.name(), LOCAL_PASSWORD).args(["-e", &format!("kill query {id}")]));
    assert!(ok, "{err}");
    let out = sleeper.wait_with_output().unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "the statement was not cancelled"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The client saw the same thread id the server killed, and SLEEP was interrupted.
    assert_eq!(stdout.lines().next(), Some(id.as_str()), "{stdout}");
    assert!(
        stderr.contains("ERROR 1317 (70100)") && stderr.contains("Query execution was interrupted"),
        "{stdout}{stderr}"
    );
}

#[test]
fn mariadb_slap_through_the_proxy() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let u = IamUser::new(&home);
    let mut proxy = proxy_for(&home, &u, &ca, &[]);
    let out = Command::new("mariadb-slap")
        .args(["--no-defaults", "-h", "127.0.0.1", "-P", &proxy.port()])
        .args(["-u", u.name(), "--skip-ssl", "--create-schema", &u.db.0])
        .args([
            "--query",
            "select 1",
            "--concurrency",
            "8",
            "--iterations",
            "2",
        ])
        .args(["--number-of-queries", "400"])
        .env("MYSQL_PWD", LOCAL_PASSWORD)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains("Number of clients running queries: 8"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Average number of seconds to run all queries"),
        "{stdout}"
    );
    // 8 clients, twice, plus the connection slap uses to create/check the schema.
    let log = proxy.wait_for_lines(16);
    assert!(log.matches("outcome=ok").count() >= 16, "{log}");
    assert_no_token(&u, &[&log, &stdout, &stderr]);
    proxy.assert_running();
}

#[test]
fn jdbc_through_the_proxy() {
    let Some(ca) = test_ca() else { return };
    let jar = Path::new("/usr/share/java/mariadb-java-client.jar");
    if !jar.exists() {
        assert!(
            !common::in_ci(),
            "{} is missing (libmariadb-java)",
            jar.display()
        );
        eprintln!("skipped: {} is missing", jar.display());
        return;
    }
    let home = Home::new();
    let u = IamUser::new(&home);
    let proxy = proxy_for(&home, &u, &ca, &[]);
    let url = proxy.listener()["jdbc"].as_str().unwrap().to_owned();
    let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/ProxyMysqlJdbc.java");
    let out = Command::new("java")
        .arg("-cp")
        .arg(jar)
        .arg(&program)
        .arg(&url)
        .env("DBIAM_PROXY_PASSWORD", LOCAL_PASSWORD)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(&format!("user={}@127.0.0.1\n", u.name())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("database={}\n", u.db.0)),
        "{stdout}"
    );
    assert!(stdout.contains("tls=true\n"), "{stdout}");
    assert!(stdout.contains("after=42\n"), "{stdout}");
    let ms: u64 = stdout
        .lines()
        .find_map(|l| l.strip_prefix("cancelled_after_ms="))
        .unwrap()
        .parse()
        .unwrap();
    assert!(ms < 10_000, "Statement.cancel() took {ms} ms: {stdout}");

    // The wrong local password: JDBC sees 1045 / 28000.
    let out = Command::new("java")
        .arg("-cp")
        .arg(jar)
        .arg(&program)
        .arg(&url)
        .env("DBIAM_PROXY_PASSWORD", "wrong")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("error 1045 28000"), "{stdout}");
    assert_no_token(&u, &[&stdout, &proxy.log()]);
}

#[test]
fn trust_accepts_any_password_but_only_the_targets_user() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let u = IamUser::new(&home);
    let proxy = proxy_for(&home, &u, &ca, &["--trust"]);
    assert_eq!(proxy.listener()["trust"], true);
    for pw in ["anything", ""] {
        let (ok, out, err) = run(client(&proxy, u.name(), pw).args(["-e", WHO]));
        assert!(ok, "{err}");
        assert_eq!(out, format!("{}@127.0.0.1\t{}\t1\n", u.name(), u.db.0));
    }
    let (ok, _, err) = run(client(&proxy, "root", "").args(["-e", "select 1"]));
    assert!(!ok);
    assert!(err.contains("ERROR 1045 (28000)"), "{err}");
}

#[test]
fn upstream_failures_are_err_packets_and_the_proxy_keeps_running() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let u = IamUser::new(&home);
    let pw = password_file(&home);
    let pw = pw.to_str().unwrap();

    // A proxy for `u` in front of 127.0.0.1:`port`, with this environment, signing time
    // and extra flags.
    let start = |env: &[(&str, String)], signing_time: &str, port: &str, extra: &[&str]| {
        let mut args = vec![
            "--engine",
            "mysql",
            "-h",
            "127.0.0.1",
            "-p",
            port,
            "-U",
            u.name(),
            "--listen",
            "127.0.0.1:0",
            "--password-file",
            pw,
        ];
        args.extend_from_slice(extra);
        Proxy::start(&home, env, signing_time, &args)
    };

    // Nothing listens upstream: ERR within the connect timeout.
    // A bound socket that never listens: refused, and no other process can take the port.
    let refused = common::refused_port();
    let port = refused.port.to_string();
    let mut proxy = start(
        &session_keys(),
        SIGNING_TIME,
        &port,
        &["--ssl-ca", &ca, "--connect-timeout", "3"],
    );
    let started = Instant::now();
    let (ok, _, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD).args(["-e", "select 1"]));
    assert!(!ok);
    assert!(started.elapsed() < Duration::from_secs(5));
    assert!(
        err.contains("ERROR 1105 (HY000): dbiam proxy: cannot connect to"),
        "{err}"
    );
    proxy.assert_running();
    drop(proxy);

    // A server that accepts the TCP connection but never sends its greeting: the client
    // gets an ERR with the reason once --connect-timeout has passed, never a hang.
    let silent = common::silent_port();
    let port = silent.port.to_string();
    let mut proxy = start(
        &session_keys(),
        SIGNING_TIME,
        &port,
        &["--ssl-ca", &ca, "--connect-timeout", "2"],
    );
    for _ in 0..2 {
        let started = Instant::now();
        // The client's own bound (10 s) only matters if the proxy's is broken.
        let (ok, _, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD).args([
            "--connect-timeout=10",
            "-e",
            "select 1",
        ]));
        let took = started.elapsed();
        assert!(!ok);
        assert!(
            took >= Duration::from_millis(1900) && took < Duration::from_secs(6),
            "{took:?}"
        );
        assert!(
            err.contains(&format!(
                "dbiam proxy: cannot connect to 127.0.0.1:{port}: no greeting from the server"
            )),
            "{err}"
        );
    }
    proxy.assert_running();
    drop(proxy);

    // The server's certificate is not signed by a trusted CA (no --ssl-ca): refused
    // before any token is sent.
    let mut proxy = start(&session_keys(), SIGNING_TIME, mysql_port_str(), &[]);
    let (ok, _, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD).args(["-e", "select 1"]));
    assert!(!ok);
    assert!(err.contains("ERROR 1105 (08S01)"), "{err}");
    assert!(err.contains("not signed by a trusted CA"), "{err}");
    proxy.assert_running();
    drop(proxy);

    // No AWS credentials at all: the client hears dbiam's reason (1045, 28000), and the
    // next client is served the same way.
    let mut proxy = start(
        &[("AWS_REGION", "us-east-1".to_owned())],
        SIGNING_TIME,
        mysql_port_str(),
        &["--ssl-ca", &ca],
    );
    for _ in 0..2 {
        let (ok, _, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD).args(["-e", "select 1"]));
        assert!(!ok);
        assert!(err.contains("ERROR 1045 (28000)"), "{err}");
        assert!(err.to_lowercase().contains("credentials"), "{err}");
    }
    proxy.assert_running();
    let log = proxy.wait_for_lines(2);
    assert_no_token(&u, &[&log]);

    // The server refuses the token (signed for another instant): its 1045 with dbiam's
    // hint, and the proxy keeps running.
    let mut proxy = start(
        &session_keys(),
        "2026-01-01T00:00:01Z",
        mysql_port_str(),
        &["--ssl-ca", &ca],
    );
    let (ok, _, err) = run(client(&proxy, u.name(), LOCAL_PASSWORD).args(["-e", "select 1"]));
    assert!(!ok);
    assert!(err.contains("ERROR 1045 (28000)"), "{err}");
    assert!(err.contains("IAM token was refused"), "{err}");
    proxy.assert_running();
}

/// A FAKE RDS MySQL endpoint (not MariaDB): a MySQL 8 greeting offering TLS, then, over
/// TLS with the test server certificate, the AuthSwitchRequest to `mysql_clear_password`
/// that RDS's `AWSAuthenticationPlugin` makes, the password recorded, OK, and OK for every
/// COM_QUERY. Written with dbiam's own packet codec and tokio-rustls; it exists because
/// no MariaDB plugin here asks a client for a full-length password in clear.
mod fake_rds {
    use dbiam::proxy::mysql::wire::{self, caps, Greeting, Response};
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use std::sync::{Arc, Mutex};

    /// What the fake saw.
    #[derive(Debug, Default, Clone)]
    pub struct Seen {
        pub tls_before_login: bool,
        pub user: String,
        pub database: Option<String>,
        pub cleartext: Option<Vec<u8>>,
        pub queries: Vec<String>,
    }

    async fn serve(
        mut tcp: tokio::net::TcpStream,
        acceptor: tokio_rustls::TlsAcceptor,
        seen: Arc<Mutex<Seen>>,
    ) -> std::io::Result<()> {
        let server_caps = caps::LONG_PASSWORD
            | caps::CONNECT_WITH_DB
            | caps::PROTOCOL_41
            | caps::SSL
            | caps::TRANSACTIONS
            | caps::SECURE_CONNECTION
            | caps::MULTI_RESULTS
            | caps::PLUGIN_AUTH
            | caps::PLUGIN_AUTH_LENENC_CLIENT_DATA
            | caps::DEPRECATE_EOF;
        let greeting = Greeting {
            server_version: b"8.0.39-rds-fake".to_vec(),
            connection_id: 77,
            nonce: b"0123456789abcdefghij".to_vec(),
            caps: server_caps,
            charset: 255,
            status: 2,
            auth_plugin: b"mysql_native_password".to_vec(),
        };
        wire::write_packet(&mut tcp, 0, &greeting.encode()).await?;
        let (_, ssl) = wire::read_packet(&mut tcp).await?;
        if !Response::is_ssl_request(&ssl) {
            return Ok(());
        }
        seen.lock().unwrap().tls_before_login = true;
        let mut s = acceptor.accept(tcp).await?;
        let (seq, p) = wire::read_packet(&mut s).await?;
        let r = Response::parse(&p, server_caps).expect("a handshake response");
        {
            let mut seen = seen.lock().unwrap();
            seen.user = String::from_utf8_lossy(&r.user).into_owned();
            seen.database = r.database.map(|d| String::from_utf8_lossy(&d).into_owned());
        }
        wire::write_packet(
            &mut s,
            seq + 1,
            &wire::auth_switch(b"mysql_clear_password", b""),
        )
        .await?;
        let (seq, password) = wire::read_packet(&mut s).await?;
        let password = password.strip_suffix(&[0]).unwrap_or(&password).to_vec();
        seen.lock().unwrap().cleartext = Some(password);
        wire::write_packet(&mut s, seq + 1, &wire::ok_packet(2)).await?;
        loop {
            let (_, cmd) = wire::read_packet(&mut s).await?;
            match cmd.split_first() {
                Some((3, q)) => {
                    seen.lock()
                        .unwrap()
                        .queries
                        .push(String::from_utf8_lossy(q).into_owned());
                    wire::write_packet(&mut s, 1, &wire::ok_packet(2)).await?;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Start the fake on a loopback port, with the test bench's server certificate.
    pub fn start(tls_dir: &str) -> (u16, Arc<Mutex<Seen>>) {
        let dir = std::path::Path::new(tls_dir);
        let certs: Vec<CertificateDer<'static>> =
            CertificateDer::pem_file_iter(dir.join("server.pem"))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
        let key = PrivateKeyDer::from_pem_file(dir.join("server.key")).unwrap();
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = std_listener.local_addr().unwrap().port();
        std_listener.set_nonblocking(true).unwrap();
        let seen = Arc::new(Mutex::new(Seen::default()));
        let seen2 = seen.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(std_listener).unwrap();
                while let Ok((tcp, _)) = listener.accept().await {
                    let _ = serve(tcp, acceptor.clone(), seen2.clone()).await;
                }
            });
        });
        (port, seen)
    }
}

#[test]
fn the_full_length_token_answers_rds_cleartext_request_over_tls_fake_server() {
    let (Some(ca), Some(tls_dir)) = (test_ca(), common::bench_var("DBIAM_TEST_TLS_DIR")) else {
        return;
    };
    let home = Home::new();
    let (port, seen) = fake_rds::start(&tls_dir);
    let port = port.to_string();
    let token = mint_token(
        &home,
        &[
            "--hostname",
            "127.0.0.1",
            "--port",
            &port,
            "--username",
            "iam_app",
            "--signing-time",
            SIGNING_TIME,
        ],
    );
    let pw = password_file(&home);
    let proxy = Proxy::start(
        &home,
        &session_keys(),
        SIGNING_TIME,
        &[
            "--engine",
            "mysql",
            "-h",
            "127.0.0.1",
            "-p",
            &port,
            "-U",
            "iam_app",
            "-d",
            "appdb",
            "--ssl-ca",
            &ca,
            "--listen",
            "127.0.0.1:0",
            "--password-file",
            pw.to_str().unwrap(),
        ],
    );
    let (ok, out, err) = run(client(&proxy, "iam_app", LOCAL_PASSWORD).args(["-e", "do 1"]));
    assert!(ok, "{out}{err}");
    let s = seen.lock().unwrap().clone();
    assert!(s.tls_before_login);
    assert_eq!(s.user, "iam_app");
    assert_eq!(s.database.as_deref(), Some("appdb"));
    assert_eq!(
        s.cleartext.as_deref(),
        Some(token.as_bytes()),
        "the {}-byte token must arrive intact",
        token.len()
    );
    assert_eq!(s.queries, ["do 1"]);
    let log = proxy.wait_for_lines(1);
    assert!(log.contains("user=iam_app db=appdb"), "{log}");
    assert!(!log.contains(&token) && !out.contains(&token) && !err.contains(&token));
}

/// A raw TCP client: the proxy's greeting, then `bytes`; returns the ERR packet's code
/// and message (the proxy then closes the connection).
fn garbage_after_greeting(port: &str, bytes: &[u8]) -> (u16, String) {
    use std::io::Write;
    let mut s = std::net::TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let packet = |s: &mut std::net::TcpStream| {
        let mut h = [0u8; 4];
        s.read_exact(&mut h).unwrap();
        let len = u32::from_le_bytes([h[0], h[1], h[2], 0]) as usize;
        let mut body = vec![0; len];
        s.read_exact(&mut body).unwrap();
        body
    };
    let greeting = packet(&mut s);
    assert_eq!(greeting[0], 10, "protocol 10 greeting");
    s.write_all(bytes).unwrap();
    let err = packet(&mut s);
    assert_eq!(err[0], 0xff, "an ERR packet: {err:?}");
    let code = u16::from_le_bytes([err[1], err[2]]);
    let mut rest = Vec::new();
    // The proxy closes the connection after the ERR.
    assert_eq!(s.read_to_end(&mut rest).unwrap(), 0);
    (code, String::from_utf8_lossy(&err[3..]).into_owned())
}

#[test]
fn token_reuse_bad_clients_two_hundred_concurrent_clients_and_drain() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let u = IamUser::new(&home);
    let mut proxy = proxy_for(
        &home,
        &u,
        &ca,
        &["--debug", "--log-format", "json", "--drain-timeout", "3"],
    );
    let port = proxy.port();

    // A silent client is dropped after 30 s (the default; it runs while the rest goes on).
    let silent = {
        let port = port.clone();
        std::thread::spawn(move || {
            let mut s = std::net::TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
            s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
            let started = Instant::now();
            let mut buf = Vec::new();
            let _ = s.read_to_end(&mut buf);
            (started.elapsed(), buf)
        })
    };

    // 50 connections in a row: one token, reused by the rest.
    for i in 0..50 {
        let (ok, out, err) =
            run(client(&proxy, u.name(), LOCAL_PASSWORD).args(["-e", &format!("select {i}")]));
        assert!(ok, "{err}");
        assert_eq!(out, format!("{i}\n"));
    }
    assert_eq!(
        proxy.log().matches("minted an IAM token").count(),
        1,
        "one token for 50 connections: {}",
        proxy.log()
    );

    // Garbage after the greeting, and an HTTP request: a protocol error (1043) on that
    // connection only.
    let (code, message) = garbage_after_greeting(&port, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(code, 1043, "{message}");
    assert!(message.contains("bad handshake"), "{message}");
    let (code, message) = garbage_after_greeting(&port, &[5, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef, 0]);
    assert_eq!(code, 1043, "{message}");
    proxy.assert_running();

    // 200 concurrent clients (mysql_async, mysql_native_password with the local
    // password), all logged in at once, each with a query.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let port_n: u16 = port.parse().unwrap();
    let opts = |user: &str| -> mysql_async::Opts {
        mysql_async::OptsBuilder::default()
            .ip_or_hostname("127.0.0.1")
            .tcp_port(port_n)
            .user(Some(user))
            .pass(Some(LOCAL_PASSWORD))
            .prefer_socket(false)
            .into()
    };
    let (sum, (drain_conn, drain_id)) = rt.block_on(async {
        use mysql_async::prelude::Queryable;
        tokio::time::timeout(Duration::from_secs(120), async {
            let barrier = Arc::new(tokio::sync::Barrier::new(200));
            let mut tasks = Vec::new();
            for i in 0..200i64 {
                let (o, barrier) = (opts(u.name()), barrier.clone());
                tasks.push(tokio::spawn(async move {
                    let connected = mysql_async::Conn::new(o).await;
                    // Every client holds a session (or has failed) before anyone queries.
                    barrier.wait().await;
                    let mut c = connected?;
                    let n: Option<i64> = c.query_first(format!("select {i} + 1")).await?;
                    c.disconnect().await?;
                    Ok::<i64, mysql_async::Error>(n.unwrap())
                }));
            }
            let mut sum = 0;
            for t in tasks {
                sum += t.await.unwrap().expect("a concurrent client failed");
            }
            // A session kept open for the drain.
            let mut c = mysql_async::Conn::new(opts(u.name())).await.unwrap();
            let id: Option<i64> = c.query_first("select connection_id()").await.unwrap();
            (sum, (c, id.unwrap()))
        })
        .await
        .expect("200 concurrent clients within 2 minutes")
    });
    assert_eq!(sum, (1..=200).sum::<i64>());
    assert_eq!(
        proxy.log().matches("minted an IAM token").count(),
        1,
        "still one token: {}",
        proxy.log()
    );

    // The silent client was dropped with a reason after 30 s.
    let (took, buf) = silent.join().unwrap();
    assert!(
        took >= Duration::from_secs(29) && took < Duration::from_secs(45),
        "{took:?}"
    );
    assert!(
        String::from_utf8_lossy(&buf).contains("no login within 30 s"),
        "{buf:?}"
    );
    // The upstream connections the garbage and silent clients left were finished with a
    // login and COM_QUIT (the silent one's after 5 s, inside the server's own connect
    // timeout), so the server never counts an interrupted handshake against the proxy's
    // host (max_connect_errors).
    let log = proxy.log();
    assert_eq!(
        log.matches("finished an upstream connection no client used")
            .count(),
        3,
        "{log}"
    );
    assert!(!log.contains("could not finish"), "{log}");

    // SIGTERM: the open session keeps working, new clients are refused, and after
    // --drain-timeout the session is closed and the proxy exits 0.
    {
        use nix::sys::signal::{kill, Signal};
        use nix::unistd::Pid;
        kill(Pid::from_raw(proxy.child.id() as i32), Signal::SIGTERM).unwrap();
    }
    std::thread::sleep(Duration::from_millis(500));
    let mut conn = drain_conn;
    rt.block_on(async {
        use mysql_async::prelude::Queryable;
        let n: Option<i64> = conn.query_first("select 7").await.unwrap();
        assert_eq!(n, Some(7));
        assert!(tokio::net::TcpStream::connect(("127.0.0.1", port_n))
            .await
            .is_err());
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = proxy.child.try_wait().unwrap() {
            break s;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "no exit");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    rt.block_on(async {
        use mysql_async::prelude::Queryable;
        assert!(
            conn.query_drop("select 1").await.is_err(),
            "the session was closed after the drain timeout"
        );
    });
    // The upstream session ended with it.
    let started = Instant::now();
    while String::from_utf8(mariadb(
        "",
        &format!("select id from information_schema.processlist where id = {drain_id};"),
    ))
    .unwrap()
    .contains(&drain_id.to_string())
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "still upstream"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    let log = proxy.log();
    assert_no_token(&u, &[&log]);
    assert!(!log.contains(LOCAL_PASSWORD));
    let lines: Vec<serde_json::Value> = log
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 254, "{} lines", lines.len());
    assert!(lines
        .iter()
        .any(|l| l["outcome"] == "closed at shutdown" && l["user"] == u.name()));
    assert_eq!(
        lines
            .iter()
            .filter(|l| l["outcome"].as_str().unwrap().starts_with("bad handshake"))
            .count(),
        2,
        "{log}"
    );
}
