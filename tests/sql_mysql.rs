//! `dbiam sql --engine mysql` against the test bench's private MariaDB (TLS enabled by
//! scripts/test with the test CA): the IAM token as the password end to end, TLS
//! verification and the refusal to send a token without TLS, DELIMITER scripts with
//! stored procedures, exit codes, and CSV parity with `mariadb --batch`. The
//! `mysql_clear_password` path is checked against a FAKE MySQL server written here
//! (MariaDB's own users never ask for cleartext; see `fake` below).

mod common;

use common::mysql::{
    iam_user, mariadb, mysql_addr, mysql_host, mysql_port_str, other_ca, test_ca, ScratchDb,
};
use common::pg::{unique, with_session_keys};
use common::{closed_port, Home};
use predicates::prelude::*;

use std::process::{Command, Stdio};

/// `dbiam sql` as root (no password) over verified TLS with the test CA.
fn dbiam_root(home: &Home, ca: &str, db: &str) -> assert_cmd::Command {
    let mut c = home.dbiam();
    c.arg("sql")
        .arg(format!("mysql://root@{}/{db}", mysql_addr()))
        .args(["--no-iam", "--ssl-ca", ca]);
    c
}

const TLS_CHECK: &str = "select current_user() as who, variable_value <> '' as tls \
     from information_schema.session_status where variable_name = 'Ssl_cipher'";

#[test]
fn iam_token_is_the_password_end_to_end() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let t = "2026-01-01T00:00:00Z";
    // A full-length token (with a session token): MariaDB stores any length as a hash.
    let (user, token) = iam_user(&home, "iam", t);

    with_session_keys(&mut home.dbiam())
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            mysql_host(),
            "-p",
            mysql_port_str(),
            "-U",
            &user.0,
        ])
        .args([
            "--ssl-ca",
            &ca,
            "--signing-time",
            t,
            "--output",
            "csv",
            "-c",
            TLS_CHECK,
        ])
        .assert()
        .success()
        .stdout(format!("who,tls\n{}@127.0.0.1,1\n", user.0));

    // A token for another instant is refused. (The engine picked from port 3306 alone is
    // covered by src/db/engine.rs's unit tests: the test server is on a free port.)
    with_session_keys(&mut home.dbiam())
        .args([
            "sql",
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
        ])
        .args(["--signing-time", "2026-01-01T00:00:01Z", "-c", "select 1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("Access denied")
                .and(predicate::str::contains("IAM token was refused"))
                .and(predicate::str::contains(&token).not()),
        );
}

#[test]
fn tls_is_verified_unless_the_user_opts_out() {
    let (Some(ca), Some(other)) = (test_ca(), other_ca()) else {
        return;
    };
    let home = Home::new();
    dbiam_root(&home, &ca, "")
        .args(["-o", "csv", "-t", "-c", TLS_CHECK])
        .assert()
        .success()
        .stdout("root@127.0.0.1,1\n");
    // The wrong CA, or only the bundled RDS CAs: the certificate is refused (exit 2).
    for extra in [vec!["--ssl-ca", other.as_str()], vec![]] {
        home.dbiam()
            .arg("sql")
            .arg(format!("mysql://root@{}", mysql_addr()))
            .arg("--no-iam")
            .args(extra)
            .args(["-c", "select 1"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("not signed by a trusted CA"));
    }
    // --hostaddr connects to the address while TLS checks --host.
    home.dbiam()
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            "localhost",
            "--hostaddr",
            mysql_host(),
            "-p",
            mysql_port_str(),
        ])
        .args([
            "-U", "root", "--no-iam", "--ssl-ca", &ca, "-o", "csv", "-t", "-c", "select 1",
        ])
        .assert()
        .success()
        .stdout("1\n");
    home.dbiam()
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            "dbiam-test.invalid",
            "--hostaddr",
            mysql_host(),
            "-p",
            mysql_port_str(),
        ])
        .args(["-U", "root", "--no-iam", "--ssl-ca", &ca, "-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not name the host"));
    // `localhost` is in the certificate; `--sslmode require` is the explicit opt-out.
    home.dbiam()
        .arg("sql")
        .arg(format!("mysql://root@localhost:{}", mysql_port_str()))
        .args(["--no-iam", "--ssl-ca", &ca])
        .args(["-o", "csv", "-t", "-c", "select 1"])
        .assert()
        .success()
        .stdout("1\n");
    home.dbiam()
        .arg("sql")
        .arg(format!("mysql://root@{}", mysql_addr()))
        .args(["--no-iam", "--sslmode", "require"])
        .args(["-o", "csv", "-t", "-c", TLS_CHECK])
        .assert()
        .success()
        .stdout("root@127.0.0.1,1\n");
}

#[test]
fn sslmode_disable_with_iam_is_refused_before_anything_is_sent() {
    let home = Home::new();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    home.dbiam_with_keys()
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            mysql_host(),
            "-p",
            &port,
            "-U",
            "app",
        ])
        .args(["--sslmode", "disable", "-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("without TLS"));
    let err = listener.accept().expect_err("dbiam must not connect");
    assert_eq!(err.kind(), std::io::ErrorKind::WouldBlock);
}

#[test]
fn delimiter_scripts_with_stored_procedures() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("proc");
    let script = home.path().join("proc.sql");
    std::fs::write(
        &script,
        "# a MySQL comment; not a statement\n\
         create table t (id int primary key, note varchar(20)); -- trailing; comment\n\
         DELIMITER //\n\
         create procedure fill(n int)\n\
         begin\n\
           declare i int default 0;\n\
           while i < n do\n\
             insert into t values (i, concat('row;', i)); # inner; comment\n\
             set i = i + 1;\n\
           end while;\n\
         end //\n\
         delimiter ;\n\
         call fill(3);\n\
         /*!40101 select 'x;y' as `a;b` */;\n\
         select count(*) as n, max(note) as `last` from t;\n",
    )
    .unwrap();
    dbiam_root(&home, &ca, &db.0)
        .args(["-o", "csv", "-q", "-f"])
        .arg(&script)
        .assert()
        .success()
        .stdout("a;b\nx;y\nn,last\n3,row;2\n");
    assert_eq!(
        String::from_utf8(mariadb(&db.0, "select id, note from t order by id;")).unwrap(),
        "id\tnote\n0\trow;0\n1\trow;1\n2\trow;2\n"
    );
}

/// psql's describe commands in a MySQL script: their SHOW-style equivalents, `\d NAME` in
/// psql's layout with its footers, and a refusal for those MySQL has no equivalent of.
#[test]
fn describe_commands_in_scripts() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("describe");
    mariadb(
        &db.0,
        "create table items (id int primary key, label varchar(20) not null default 'x', key by_label (label));\
         create table parts (id int primary key, item_id int, constraint parts_item foreign key (item_id) references items (id));",
    );
    let out = dbiam_root(&home, &ca, &db.0)
        .args(["-o", "table", "-q", "-c"])
        .arg("\\dt\n\\d items\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for want in [
        &format!("Tables_in_{}", db.0),
        " items",
        " parts",
        &format!("Table \"{}.items\"", db.0),
        " label  | varchar(20) |",
        "Indexes:\n    \"PRIMARY\" PRIMARY KEY, btree (id)\n    \"by_label\" btree (label)\n",
        &format!(
            "Referenced by:\n    TABLE \"{0}.parts\" CONSTRAINT \"parts_item\" FOREIGN KEY (item_id) REFERENCES {0}.items(id)\n",
            db.0
        ),
    ] {
        assert!(out.contains(want), "{want:?} not in:\n{out}");
    }
    dbiam_root(&home, &ca, &db.0)
        .args(["-c", "\\df"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("\\df is not supported for MySQL"));
}

#[test]
fn exit_codes_as_for_postgresql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("exit");
    let script = home.path().join("bad.sql");
    std::fs::write(
        &script,
        "create table t (a int);\ninsert into t values (1);\nselect * from nope;\ninsert into t values (2);\n",
    )
    .unwrap();
    dbiam_root(&home, &ca, &db.0)
        .arg("-f")
        .arg(&script)
        .assert()
        .code(3)
        .stderr(predicate::str::contains(format!(
            "{}:3: ERROR 1146 (42S02): Table '{}.nope' doesn't exist",
            script.display(),
            db.0
        )));
    assert_eq!(mariadb(&db.0, "select a from t;"), b"a\n1\n");
    // Going on after errors exits 0 and runs the rest.
    dbiam_root(&home, &ca, &db.0)
        .args(["--continue-on-error", "-f"])
        .arg(&script)
        .assert()
        .success();
    assert_eq!(mariadb(&db.0, "select count(*) from t;"), b"count(*)\n3\n");
    // -1 rolls everything back on error.
    dbiam_root(&home, &ca, &db.0)
        .args([
            "-1",
            "-c",
            "insert into t values (9)",
            "-c",
            "select * from nope",
        ])
        .assert()
        .code(3);
    assert_eq!(
        mariadb(&db.0, "select count(*) from t where a = 9;"),
        b"count(*)\n0\n"
    );
    // Nothing listening: exit 2; a missing file: exit 1 before connecting.
    home.dbiam()
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            mysql_host(),
            "-U",
            "root",
            "--no-iam",
        ])
        .args(["-p", &closed_port().to_string(), "-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing listens"));
    dbiam_root(&home, &ca, &db.0)
        .args(["-f", "/nonexistent/x.sql"])
        .assert()
        .code(1);
    // Unknown database: exit 2 with the server's message.
    dbiam_root(&home, &ca, "dbiam_no_such_db")
        .args(["-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Unknown database"));
}

/// One `mariadb --batch` field as the value it stands for: `NULL` is NULL, and the
/// client's escapes (`\n`, `\t`, `\\`, `\0`) are undone.
fn batch_value(field: &str) -> Option<String> {
    if field == "NULL" {
        return None;
    }
    let mut out = String::new();
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('0') => out.push('\0'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// RFC 4180 CSV into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

/// The CSV is psql's (`--csv`): NULL and the empty string are both an empty field, a
/// field with a comma, quote or line break is quoted. `mariadb --batch` prints NULL as
/// `NULL` and escapes tabs, newlines and backslashes. Compared value by value with that
/// mapping (NULL → empty field); every other byte of every value must be the same.
#[test]
fn csv_matches_mariadb_batch_values() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("types");
    mariadb(
        &db.0,
        "create table v (i int, b bigint, d decimal(10,3), f double, fl float, s varchar(40), \
           dt date, ts datetime(3), tm time, bo boolean, e enum('a','b'), j json, bl varbinary(4), \
           y year, bi bit(3));\n\
         insert into v values \
           (1, -9223372036854775808, 12.5, 1.25e100, 0.1, 'plain', '2024-02-29', '2024-01-02 03:04:05.678', '-01:02:03', true, 'a', '{\"k\": [1, 2]}', 'ab', 2024, b'101'),\n\
           (null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),\n\
           (-7, 0, -0.001, -0.5, 3.5, 'comma, \"quote\"\\nnew line\\ttab \\\\ back', '0001-01-01', '9999-12-31 23:59:59.999', '838:59:59', false, 'b', 'null', '', 1901, b'0'),\n\
           (0, 1, 0, 0, 0, '', '2000-01-01', '2000-01-01 00:00:00', '00:00:00', 0, 'a', '[]', 'x', 2155, b'111');",
    );
    let q = "select * from v order by coalesce(i, 99)";
    let batch = String::from_utf8(mariadb(&db.0, &format!("{q};"))).unwrap();
    let expected: Vec<Vec<String>> = batch
        .lines()
        .map(|l| {
            l.split('\t')
                .map(|f| batch_value(f).unwrap_or_default())
                .collect()
        })
        .collect();
    let out = dbiam_root(&home, &ca, &db.0)
        .args(["-o", "csv", "-c", q])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let got = parse_csv(&String::from_utf8(out).unwrap());
    assert_eq!(got.len(), 5);
    assert_eq!(got, expected);
}

#[test]
fn json_is_typed_from_the_column_types() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    dbiam_root(&home, &ca, "")
        .args(["-o", "json", "-c"])
        .arg("select 1 as i, cast(2.50 as decimal(5,2)) as d, 1.5e0 as f, 'x' as s, null as n")
        .assert()
        .success()
        .stdout("[\n  {\"i\":1,\"d\":2.50,\"f\":1.5,\"s\":\"x\",\"n\":null}\n]\n");
    dbiam_root(&home, &ca, "")
        .args(["-o", "ndjson", "-c", "select 1 as a union all select 2"])
        .assert()
        .success()
        .stdout("{\"a\":1}\n{\"a\":2}\n");
}

/// A FAKE MySQL server (not MariaDB): just enough of the protocol to ask the client for
/// its password with `mysql_clear_password` — handshake v10 (offering TLS or not), the
/// client's SSLRequest and a TLS handshake with the test server certificate, the
/// handshake response, an AuthSwitchRequest to `mysql_clear_password`, the password
/// packet, OK — then OK for every COM_QUERY until COM_QUIT or EOF. It records what it
/// received. No real server can check a full-length token this way: MariaDB's users
/// use mysql_native_password, and its PAM plugin cuts passwords at 511 bytes.
mod fake {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::{Arc, Mutex};

    const CAPS: u32 =
        0x1 | 0x4 | 0x8 | 0x200 | 0x2000 | 0x8000 | 0x1_0000 | 0x2_0000 | 0x8_0000 | 0x20_0000;
    const CLIENT_SSL: u32 = 0x800;

    enum Stream {
        Plain(TcpStream),
        Tls(Box<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>),
    }

    impl Read for Stream {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match self {
                Stream::Plain(s) => s.read(buf),
                Stream::Tls(s) => s.read(buf),
            }
        }
    }

    impl Write for Stream {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            match self {
                Stream::Plain(s) => s.write(buf),
                Stream::Tls(s) => s.write(buf),
            }
        }
        fn flush(&mut self) -> std::io::Result<()> {
            match self {
                Stream::Plain(s) => s.flush(),
                Stream::Tls(s) => s.flush(),
            }
        }
    }

    /// What the fake saw.
    #[derive(Debug, Default, Clone)]
    pub struct Seen {
        pub connected: bool,
        pub tls: bool,
        pub user: Option<String>,
        pub cleartext_password: Option<Vec<u8>>,
        pub queries: Vec<String>,
    }

    fn read_packet(s: &mut impl Read) -> std::io::Result<(u8, Vec<u8>)> {
        let mut h = [0u8; 4];
        s.read_exact(&mut h)?;
        let len = u32::from_le_bytes([h[0], h[1], h[2], 0]) as usize;
        let mut body = vec![0; len];
        s.read_exact(&mut body)?;
        Ok((h[3], body))
    }

    fn write_packet(s: &mut impl Write, seq: u8, body: &[u8]) -> std::io::Result<()> {
        let len = (body.len() as u32).to_le_bytes();
        s.write_all(&[len[0], len[1], len[2], seq])?;
        s.write_all(body)?;
        s.flush()
    }

    const OK: &[u8] = &[0, 0, 0, 2, 0, 0, 0];

    fn handshake(tls: bool) -> Vec<u8> {
        let caps = CAPS | if tls { CLIENT_SSL } else { 0 };
        let mut p = vec![10];
        p.extend_from_slice(b"8.0.99-dbiam-fake\0");
        p.extend_from_slice(&7u32.to_le_bytes());
        p.extend_from_slice(b"abcdefgh\0");
        p.extend_from_slice(&(caps as u16).to_le_bytes());
        p.push(45);
        p.extend_from_slice(&2u16.to_le_bytes());
        p.extend_from_slice(&((caps >> 16) as u16).to_le_bytes());
        p.push(21);
        p.extend_from_slice(&[0; 10]);
        p.extend_from_slice(b"ijklmnopqrst\0");
        p.extend_from_slice(b"mysql_native_password\0");
        p
    }

    fn serve(
        tcp: TcpStream,
        tls: Option<Arc<rustls::ServerConfig>>,
        seen: &Mutex<Seen>,
    ) -> std::io::Result<()> {
        seen.lock().unwrap().connected = true;
        let mut s = Stream::Plain(tcp);
        write_packet(&mut s, 0, &handshake(tls.is_some()))?;
        let (mut seq, mut resp) = read_packet(&mut s)?;
        let client_caps = u32::from_le_bytes(resp[0..4].try_into().unwrap());
        if client_caps & CLIENT_SSL != 0 {
            let config = tls.expect("SSLRequest only when offered");
            let Stream::Plain(tcp) = s else {
                unreachable!()
            };
            let conn = rustls::ServerConnection::new(config).unwrap();
            let mut stream = rustls::StreamOwned::new(conn, tcp);
            (seq, resp) = read_packet(&mut stream)?;
            s = Stream::Tls(Box::new(stream));
            seen.lock().unwrap().tls = true;
        }
        // HandshakeResponse41: caps, max packet, charset, 23 zero bytes, user NUL, auth data.
        let rest = &resp[32..];
        let nul = rest.iter().position(|b| *b == 0).unwrap();
        seen.lock().unwrap().user = Some(String::from_utf8_lossy(&rest[..nul]).into_owned());
        let mut switch = vec![0xfe];
        switch.extend_from_slice(b"mysql_clear_password\0");
        write_packet(&mut s, seq + 1, &switch)?;
        let (seq, password) = read_packet(&mut s)?;
        let password = password.strip_suffix(&[0]).unwrap_or(&password).to_vec();
        seen.lock().unwrap().cleartext_password = Some(password);
        write_packet(&mut s, seq + 1, OK)?;
        loop {
            let (_, cmd) = match read_packet(&mut s) {
                Ok(p) => p,
                Err(_) => return Ok(()),
            };
            match cmd.first() {
                Some(3) => {
                    seen.lock()
                        .unwrap()
                        .queries
                        .push(String::from_utf8_lossy(&cmd[1..]).into_owned());
                    write_packet(&mut s, 1, OK)?;
                }
                _ => return Ok(()),
            }
        }
    }

    /// Start the fake on a loopback port; `tls` offers TLS with the test certificate.
    pub fn start(tls_files: Option<(&str, &str)>) -> (u16, Arc<Mutex<Seen>>) {
        let tls = tls_files.map(|(cert, key)| {
            let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let key = PrivateKeyDer::from_pem_file(key).unwrap();
            let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
            Arc::new(
                rustls::ServerConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .unwrap()
                    .with_no_client_auth()
                    .with_single_cert(certs, key)
                    .unwrap(),
            )
        });
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Seen::default()));
        let seen2 = seen.clone();
        std::thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let _ = serve(tcp, tls.clone(), &seen2);
            }
        });
        (port, seen)
    }
}

/// The test server certificate and key beside the test CA (written by scripts/test).
fn server_cert_files(ca: &str) -> (String, String) {
    let dir = std::path::Path::new(ca).parent().unwrap();
    let f = |n: &str| dir.join(n).to_string_lossy().into_owned();
    (f("server.pem"), f("server.key"))
}

#[test]
fn cleartext_token_goes_only_over_tls_fake_server() {
    let Some(ca) = test_ca() else { return };
    let (cert, key) = server_cert_files(&ca);
    let home = Home::new();
    let t = "2026-01-01T00:00:00Z";

    // Over TLS the full-length token arrives intact.
    let (port, seen) = fake::start(Some((&cert, &key)));
    let port = port.to_string();
    let expected = with_session_keys(&mut home.dbiam())
        .args([
            "token",
            "--hostname",
            mysql_host(),
            "--port",
            &port,
            "--username",
            "iam_app",
        ])
        .args(["--signing-time", t])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let expected = String::from_utf8(expected).unwrap().trim().to_owned();
    assert!(
        expected.len() > 1000,
        "token is only {} bytes",
        expected.len()
    );
    with_session_keys(&mut home.dbiam())
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            mysql_host(),
            "-p",
            &port,
            "-U",
            "iam_app",
        ])
        .args(["--ssl-ca", &ca, "--signing-time", t, "-c", "select 1"])
        .assert()
        .success()
        .stdout("Query OK, 0 rows affected\n");
    let s = seen.lock().unwrap().clone();
    assert!(s.tls);
    assert_eq!(s.user.as_deref(), Some("iam_app"));
    assert_eq!(
        s.cleartext_password.as_deref(),
        Some(expected.as_bytes()),
        "the token must arrive intact"
    );
    assert_eq!(s.queries, ["select 1"]);

    // A server without TLS: with IAM dbiam refuses before sending anything.
    let (port, seen) = fake::start(None);
    let port = port.to_string();
    with_session_keys(&mut home.dbiam())
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            mysql_host(),
            "-p",
            &port,
            "-U",
            "iam_app",
        ])
        .args(["--ssl-ca", &ca, "-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not support TLS"));
    let s = seen.lock().unwrap().clone();
    assert!(s.connected && s.user.is_none() && s.cleartext_password.is_none());

    // A plain connection with a password (--no-iam --sslmode disable): the server's
    // cleartext request is refused, the password is never sent in clear.
    home.dbiam()
        .args([
            "sql",
            "--engine",
            "mysql",
            "-h",
            mysql_host(),
            "-p",
            &port,
            "-U",
            "plain",
        ])
        .args(["--no-iam", "--sslmode", "disable", "-c", "select 1"])
        .env("MYSQL_PWD", "secret-password")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("clear text").and(predicate::str::contains("only over TLS")),
        );
    let s = seen.lock().unwrap().clone();
    assert_eq!(s.user.as_deref(), Some("plain"));
    assert_eq!(s.cleartext_password, None);
}

/// The catalogue queries `connect`'s meta commands use for MySQL run on MariaDB and
/// find what a script created.
#[test]
fn catalogue_queries_for_meta_commands() {
    use dbiam::db::mysql::catalog;
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("cat");
    mariadb(
        &db.0,
        "create table items (id int primary key, name varchar(20) not null default 'x', \
           unique key by_name (name));\ncreate view v_items as select id from items;",
    );
    let run = |sql: &str| -> String {
        let out = dbiam_root(&home, &ca, &db.0)
            .args(["-o", "csv", "-t", "-c", sql])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    assert!(run(&catalog::list_databases()).lines().any(|l| l == db.0));
    assert_eq!(run(&catalog::list_tables(Some("it*"))), "items\n");
    assert_eq!(
        run(&catalog::list_relations()),
        "items,BASE TABLE\nv_items,VIEW\n"
    );
    assert_eq!(
        run(&catalog::find_relations("*items")),
        format!(
            "{0}.items,{0},items,Table\n{0}.v_items,{0},v_items,View\n",
            db.0
        )
    );
    let id = format!("{}.items", db.0);
    assert_eq!(
        run(&catalog::describe_columns(&id)),
        "id,int(11),,not null,\nname,varchar(20),utf8mb4_general_ci,not null,'x'\n"
    );
    assert_eq!(
        run(&catalog::describe_indexes(&id)),
        "PRIMARY,\"PRIMARY KEY, btree (id)\"\nby_name,\"UNIQUE, btree (name)\"\n"
    );
    let names = run(&catalog::completion_names());
    assert!(names.lines().any(|l| l == "items") && names.lines().any(|l| l == "name"));
    assert!(run(&catalog::list_roles()).contains("root,"));
}

/// Ctrl-C sends `KILL QUERY` for the running statement on a second connection and exits 130.
#[test]
fn ctrl_c_kills_the_running_query() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let marker = unique("cancel");
    // The server counts KILL statements: dbiam's must be one of them (closing the
    // connection alone would also end the sleep, a few seconds later).
    let kills = || -> u64 {
        let out = String::from_utf8(mariadb("", "show global status like 'Com_kill';")).unwrap();
        out.lines()
            .nth(1)
            .and_then(|l| l.split('\t').nth(1))
            .unwrap()
            .parse()
            .unwrap()
    };
    let kills_before = kills();
    let child = Command::new(env!("CARGO_BIN_EXE_dbiam"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .arg("sql")
        .arg(format!("mysql://root@{}", mysql_addr()))
        .args(["--no-iam", "--ssl-ca", &ca])
        .args(["-c", &format!("select sleep(60) as {marker}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let active = format!(
        "select count(*) from information_schema.processlist \
         where info like '%as {marker}' and command = 'Query' and id <> connection_id();"
    );
    let count = || {
        String::from_utf8(mariadb("", &active))
            .unwrap()
            .lines()
            .nth(1)
            .unwrap_or_default()
            .to_owned()
    };
    let wait_for = |want: &str| {
        (0..300).any(|_| {
            let ok = count() == want;
            if !ok {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            ok
        })
    };
    assert!(wait_for("1"), "the statement never started");
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("cancelled"));
    assert!(kills() > kills_before, "no KILL QUERY was sent");
    assert!(wait_for("0"), "the statement still runs on the server");
}

/// The one script engine with the mysql client's flavour: `\gset` (sending the last
/// statement again, as psql's `\g` family does with an empty buffer), `\if`, `\o |command`
/// and `\echo` work the same in `dbiam sql` and piped into `dbiam connect`, and an error
/// prints the mysql client's way at the prompt.
#[test]
fn scripting_meta_commands_in_sql_and_connect() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("script");
    // With the mysql client's syntax a backslash inside a pending statement is text (only
    // `\g` and `\G` end it), so the meta commands stand on their own lines.
    let script = "select 1 as one;\n\
                  \\gset\n\
                  \\if :one\n\
                  select 'yes' as branch;\n\
                  \\else\n\
                  select 'no' as branch;\n\
                  \\endif\n\
                  \\o | tr a-z A-Z\n\
                  select 'piped' as p;\n\
                  \\o\n\
                  select nope;\n\
                  \\echo after\n";
    let expected = "one\n1\nbranch\nyes\nP\nPIPED\nafter\n";
    dbiam_root(&home, &ca, &db.0)
        .args(["-o", "csv", "-q", "--continue-on-error"])
        .write_stdin(script)
        .assert()
        .success()
        .stdout(expected)
        .stderr(predicate::str::contains(
            "ERROR 1054 (42S22): Unknown column 'nope'",
        ));
    home.dbiam()
        .arg("connect")
        .arg(format!("mysql://root@{}/{}", mysql_addr(), db.0))
        .args(["--no-iam", "--ssl-ca", &ca, "-o", "csv"])
        .write_stdin(script)
        .assert()
        .success()
        .stdout(expected)
        .stderr(predicate::str::starts_with(
            "ERROR 1054 (42S22): Unknown column 'nope'",
        ));
}
