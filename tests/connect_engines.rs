//! `dbiam connect` for the engines besides PostgreSQL, on a real pseudo-terminal
//! (tests/support/pty_expect.py):
//! - MySQL against the test bench's private MariaDB (TLS with the test CA scripts/test
//!   makes): an IAM token as the password, the meta commands mapped to
//!   `SHOW DATABASES` / `SHOW TABLES` / `DESCRIBE`, mysql-style errors, `DELIMITER`,
//!   `USE`, reconnecting after `KILL CONNECTION`, a refused token and the refusal to send
//!   one without TLS.
//! - Redshift with moto's GetClusterCredentials (region ap-south-2, used by no other test)
//!   and the local PostgreSQL standing in for the cluster: the shell logs in as the
//!   `IAM:` user the credentials name, and reconnects with the same (cached) password.
//! - DSQL: the DSQL token as the password against the local PostgreSQL.

mod common;

use common::moto::{create_redshift_cluster, seed_moto};
use common::mysql::{mariadb, mysql_addr, mysql_host, mysql_port_str, ScratchDb, User};
use common::pg::{
    mint_token, pg_addr, pg_host, pg_port_str, psql_super, session_keys, unique, HbaLine,
};
use common::pg_auth::NamedRole;
use common::pty::{expect, prompt, send, shell};
use common::{moto_url, python, Home};
use serde_json::{json, Value};

/// Run SQL as MariaDB's root from the pty script (a second client).
fn mariadb_exec(sql: &str) -> Value {
    json!({ "exec": ["mariadb", "-h", mysql_host(), "-P", mysql_port_str(), "-u", "root", "--skip-ssl", "-e", sql] })
}

fn history(home: &Home) -> String {
    std::fs::read_to_string(home.path().join(".local/state/dbiam/history")).unwrap_or_default()
}

#[test]
fn mysql_iam_token_meta_commands_and_reconnect() {
    let (Some(ca), Some(moto), Some(_)) = (common::mysql::test_ca(), moto_url(), python()) else {
        return;
    };
    if !common::mariadb_available() {
        return;
    }
    let home = Home::new();
    let t = "2026-01-01T00:00:00Z";
    let db = ScratchDb::new("cmy");
    let other = ScratchDb::new("cmy2");
    let name = unique("cmy");
    let token = mint_token(
        &home,
        &[
            "--hostname",
            mysql_host(),
            "--port",
            mysql_port_str(),
            "--username",
            &name,
            "--signing-time",
            t,
        ],
    );
    mariadb(
        "",
        &format!(
            "create user '{name}'@'127.0.0.1' identified by '{token}' require ssl;\
             grant all on `{}`.* to '{name}'@'127.0.0.1';\
             grant all on `{}`.* to '{name}'@'127.0.0.1';",
            db.0, other.0
        ),
    );
    let user = User(name);
    mariadb(
        &db.0,
        "create table items (id int primary key, label varchar(20) not null default 'x', \
         key by_label (label)); insert into items values (1, 'one'), (2, 'two'); \
         create table parts (id int primary key, item_id int, constraint parts_item foreign key (item_id) references items (id));",
    );

    let steps = vec![
        prompt(),
        send("select id, label from items\rorder by id;"),
        expect("(2 rows)"),
        prompt(),
        send("\\l"),
        expect(&other.0),
        prompt(),
        send("\\dt"),
        expect("items"),
        prompt(),
        send("\\d items"),
        expect("Indexes:"),
        prompt(),
        send("select * from nope;"),
        expect("ERROR 1146 (42S02)"),
        prompt(),
        send("DELIMITER //"),
        send("create procedure two() begin select 2 as two; end //"),
        send("DELIMITER ;"),
        send("call two();"),
        expect("(1 row)"),
        prompt(),
        // Ctrl-C while a statement runs: KILL QUERY from a second connection.
        send("select sleep(60) as slept;"),
        json!({ "exec": ["sh", "-c", &format!(
            "until mariadb -h {} -P {} -u root --skip-ssl -N -e \"select count(*) from information_schema.processlist \
             where user = '{}' and info like 'select sleep%'\" | grep -q '^[1-9]'; do sleep 0.05; done",
            mysql_host(),
            mysql_port_str(),
            user.0
        )] }),
        json!({ "send": "\u{3}" }),
        expect("interrupted"),
        prompt(),
        send("\\conninfo"),
        expect("IAM token expires at"),
        prompt(),
        // Dropped by the server: the next statement reconnects with the (cached) token.
        mariadb_exec(&format!("KILL CONNECTION USER '{}'@'127.0.0.1'", user.0)),
        json!({ "sleep": 1 }),
        send("select 1 as lost;"),
        expect("reconnected as"),
        prompt(),
        // `use` needs no terminator, as in the mysql client.
        send(&format!("use {}", other.0)),
        expect(&format!("@{}=> ", other.0)),
        send("select database() as now_in;"),
        expect("(1 row)"),
        prompt(),
        send("\\q"),
    ];
    let url = format!("mysql://{}@{}/{}", user.0, mysql_addr(), db.0);
    let args = [
        url.as_str(),
        "--ssl-ca",
        &ca,
        "--signing-time",
        t,
        "--no-pager",
    ];
    // STS (for \conninfo's identity) is the moto server, never AWS.
    let mut env = session_keys();
    env.push(("AWS_ENDPOINT_URL", moto.clone()));
    let Some((code, out)) = shell(&home, &env, &args, steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&format!(
            "dbiam connect: {}@{}/{} (IAM token, sslmode verify-full)",
            user.0,
            mysql_addr(),
            db.0
        )),
        "{out}"
    );
    assert!(
        out.contains(" id | label \n----+-------\n  1 | one\n  2 | two\n"),
        "{out}"
    );
    // \d: the columns DESCRIBE shows, in psql's layout, and the indexes.
    assert!(out.contains(&format!("Table \"{}.items\"", db.0)), "{out}");
    assert!(
        out.contains(" id     | int(11)     |") && out.contains("| not null | 'x'"),
        "{out}"
    );
    assert!(
        out.contains("\"PRIMARY\" PRIMARY KEY, btree (id)")
            && out.contains("\"by_label\" btree (label)"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "Referenced by:\n    TABLE \"{0}.parts\" CONSTRAINT \"parts_item\" FOREIGN KEY (item_id) REFERENCES {0}.items(id)\n",
            db.0
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "ERROR 1146 (42S02): Table '{}.nope' doesn't exist",
            db.0
        )),
        "{out}"
    );
    assert!(out.contains(" two \n-----\n   2\n"), "{out}");
    assert!(
        out.contains("Cancel request sent")
            && out.contains("ERROR 1317 (70100): Query execution was interrupted"),
        "{out}"
    );
    // \conninfo: TLS as the server reports it, the certificate from a second handshake.
    assert!(out.contains("TLS: TLSv1.3 ("), "{out}");
    assert!(
        out.contains("IAM identity: arn:aws:sts::123456789012:"),
        "{out}"
    );
    assert!(
        out.contains("sslmode verify-full; server certificate subject: CN=localhost"),
        "{out}"
    );
    assert!(
        out.contains("IAM token expires at 2026-01-01T00:15:00Z"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "reconnected as {}@{}/{} with an IAM token; the statement was not run",
            user.0,
            mysql_addr(),
            db.0
        )),
        "{out}"
    );
    // `use` switched the database: the prompt and the server agree.
    assert!(
        out.contains(&format!("@{}=> select database() as now_in;", other.0))
            && out.contains(&format!("\n {}\n(1 row)", other.0)),
        "{out}"
    );
    let h = history(&home);
    assert!(h.contains("select id, label from items"), "{h}");
    assert!(!h.contains(&token[..40]), "{h}");

    // A token for another instant is refused: exit 2, the cause, never the token.
    let out = home
        .dbiam()
        .envs(session_keys())
        .args(["connect", &url, "--ssl-ca", &ca, "--no-pager"])
        .args(["--signing-time", "2026-01-01T00:00:01Z"])
        .write_stdin("select 1;\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("Access denied"), "{stderr}");
    assert!(stderr.contains("IAM token was refused"), "{stderr}");
    assert!(!stderr.contains(&token[..40]), "{stderr}");

    // No TLS, no token: refused before anything is sent.
    let out = home
        .dbiam()
        .envs(session_keys())
        .args(["connect", &url, "--sslmode", "disable", "--no-pager"])
        .write_stdin("select 1;\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("without TLS"), "{stderr}");
}

#[test]
fn redshift_logs_in_as_the_credentials_user_and_reconnects_with_them() {
    let (Some(moto), Some(ca), Some(_)) = (moto_url(), common::pg::test_ca(), python()) else {
        return;
    };
    const REGION: &str = "ap-south-2";
    let home = Home::new();
    let cluster = unique("crs").replace('_', "-");
    create_redshift_cluster(&moto, REGION, &cluster);
    let db_user = unique("crsuser");
    let env = vec![
        ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "testing".to_owned()),
        ("AWS_REGION", REGION.to_owned()),
        ("AWS_ENDPOINT_URL", moto.clone()),
    ];
    // The password moto hands out after a reseed: the role gets it.
    seed_moto(&moto);
    let out = home
        .dbiam()
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .args(["token", "--redshift", "--cluster-id", &cluster])
        .args(["--db-user", &db_user, "--db-name", "postgres", "-o", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let creds: Value = serde_json::from_slice(&out).unwrap();
    let iam_user = creds["user"].as_str().unwrap().to_owned();
    let password = creds["password"].as_str().unwrap().to_owned();
    assert_eq!(iam_user, format!("IAM:{db_user}"));
    let _role = NamedRole::with_password(&iam_user, &password);
    let _hba = HbaLine::tls_password_for(&iam_user, &ca);

    seed_moto(&moto);
    let steps = vec![
        prompt(),
        send("select current_user as who, ssl from pg_stat_ssl where pid = pg_backend_pid();"),
        expect("(1 row)"),
        prompt(),
        send("\\conninfo"),
        expect("expires at"),
        prompt(),
        json!({ "exec": ["psql", "-X", "-q", "-h", pg_host(), "-p", pg_port_str(), "-U", "postgres", "-d", "postgres", "-c",
            format!("select pg_terminate_backend(pid, 10000) from pg_stat_activity where usename = '{iam_user}'")] }),
        json!({ "sleep": 1 }),
        send("select 1 as lost;"),
        expect("reconnected as"),
        prompt(),
        send("select current_user = session_user as back_again;"),
        expect("(1 row)"),
        prompt(),
        send("\\q"),
    ];
    let args = [
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
        "--no-pager",
    ];
    let Some((code, out)) = shell(&home, &env, &args, steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&format!(
            "dbiam connect: {iam_user}@{}/postgres (Redshift temporary password, sslmode verify-full)",
            pg_addr()
        )),
        "{out}"
    );
    assert!(out.contains(&format!("{iam_user}@postgres=> ")), "{out}");
    assert!(out.contains(&format!(" {iam_user} | t\n")), "{out}");
    assert!(
        out.contains(&format!("as user \"{iam_user}\" on host \"127.0.0.1\"")),
        "{out}"
    );
    assert!(
        out.contains("Redshift temporary password expires at "),
        "{out}"
    );
    // moto would hand out another password now: reconnecting worked with the cached one.
    assert!(
        out.contains(&format!(
            "reconnected as {iam_user}@{}/postgres with a Redshift temporary password",
            pg_addr()
        )),
        "{out}"
    );
    assert!(out.contains(" back_again \n------------\n t\n"), "{out}");
    assert!(!out.contains(&password), "{out}");

    // Without the reseed the new password is refused: exit 2, no secret shown.
    let out = home
        .dbiam()
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .arg("connect")
        .args(args)
        .write_stdin("select 1;\n")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("password authentication failed"),
        "{stderr}"
    );
    assert!(!stderr.contains(&password), "{stderr}");
}

#[test]
fn dsql_token_is_the_password_and_the_catalogue_works() {
    let (Some(ca), Some(moto), Some(_)) = (common::pg::test_ca(), moto_url(), python()) else {
        return;
    };
    let home = Home::new();
    let endpoint = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";
    let t = "2026-01-01T00:00:00Z";
    let name = unique("cdsql");
    let token = mint_token(
        &home,
        &["--dsql", "--hostname", endpoint, "--signing-time", t],
    );
    let _role = NamedRole::with_password(&name, &token);
    let _hba = HbaLine::tls_password_for(&name, &ca);
    psql_super(
        "postgres",
        &format!("create table {name} (id int primary key); grant select on {name} to {name};"),
    );
    let steps = vec![
        prompt(),
        send("select current_user as who, current_database() as db;"),
        expect("(1 row)"),
        prompt(),
        send(&format!("\\d {name}")),
        expect("Indexes:"),
        prompt(),
        send("\\conninfo"),
        expect("expires at"),
        prompt(),
        send("\\q"),
    ];
    let args = [
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
        t,
        "--no-pager",
    ];
    let mut env = session_keys();
    env.push(("AWS_ENDPOINT_URL", moto));
    let result = shell(&home, &env, &args, steps);
    psql_super("postgres", &format!("drop table {name};"));
    let Some((code, out)) = result else { return };
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&format!(
            "dbiam connect: {name}@{}/postgres (DSQL token, sslmode verify-full)",
            pg_addr()
        )),
        "{out}"
    );
    assert!(out.contains(&format!(" {name} | postgres\n")), "{out}");
    assert!(out.contains(&format!("Table \"public.{name}\"")), "{out}");
    assert!(
        out.contains("DSQL token expires at 2026-01-01T00:15:00Z"),
        "{out}"
    );
    assert!(
        out.contains("IAM identity: arn:aws:sts::123456789012:"),
        "{out}"
    );
    assert!(!out.contains(&token[..40]), "{out}");
}
