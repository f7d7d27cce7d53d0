//! Connection URLs from `dbiam exec` / `dbiam env` read back by real clients: libpq
//! (`psql "$DATABASE_URL"`), Python's `urllib.parse`, SQLAlchemy + psycopg, a real
//! migration tool (Alembic, applying two migrations through `dbiam exec`), `--url-var`,
//! passwords with every character RFC 3986 reserves, and a Redis ACL user whose password
//! is an ElastiCache token, logged in with `redis-cli -u "$REDIS_URL"`.
//!
//! PostgreSQL is the private test server scripts/test starts (TLS with the test CA); the
//! role's password is the token dbiam mints for a fixed signing time. Redis is the
//! machine's own Redis on 127.0.0.1:6379, which has NO TLS: the test rewrites the
//! `rediss://` of REDIS_URL to `redis://` inside the child (dbiam itself never offers a
//! token over a plain connection), so what it checks is the user name and the token.

mod common;

use common::pg::{pg_host, pg_port_str, psql_super, test_ca, unique, HbaLine};
use common::pg_auth::NamedRole;
use common::{in_ci, python, Home};

const TIME: &str = "2026-01-01T00:00:00Z";

fn token(home: &Home, user: &str) -> String {
    let out = home
        .dbiam_with_keys()
        .args(["token", "--hostname", pg_host(), "--port", pg_port_str()])
        .args(["--username", user, "--signing-time", TIME])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// A target `localpg` for `role` on the private server, database `db`.
fn add_target(home: &Home, role: &str, db: &str, ca: &str) {
    home.dbiam()
        .args([
            "targets",
            "add",
            "localpg",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
        ])
        .args(["-U", role, "-d", db, "--sslrootcert", ca])
        .assert()
        .success();
}

/// Run `sh -c SCRIPT` through `dbiam exec localpg` with the PG* variables removed in the
/// child, so only the URL can carry the connection; stdout.
fn exec_sh(home: &Home, extra: &[&str], script: &str) -> String {
    let script = format!(
        "unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSSLMODE PGSSLROOTCERT; {script}"
    );
    let out = home
        .dbiam_with_keys()
        .args(["exec", "localpg", "--signing-time", TIME])
        .args(extra)
        .args(["--", "sh", "-c", &script])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const PARSE_PY: &str = r#"
import os, sys, urllib.parse
import sqlalchemy
url = os.environ[sys.argv[1]]
parts = urllib.parse.urlsplit(url)
password = urllib.parse.unquote(parts.password)
u = sqlalchemy.engine.make_url(url)
assert u.password == password, (u.password, password)
assert u.username == urllib.parse.unquote(parts.username)
if len(sys.argv) > 2:
    assert password == os.environ[sys.argv[2]], "the URL's password is not the token"
engine = sqlalchemy.create_engine(u.set(drivername="postgresql+psycopg"))
with engine.connect() as c:
    row = c.execute(sqlalchemy.text(
        "select current_user, ssl from pg_stat_ssl where pid = pg_backend_pid()")).one()
print(f"{row[0]}|{row[1]}|{len(password)}")
"#;

#[test]
fn database_url_logs_psql_and_sqlalchemy_in_with_an_iam_token() {
    let (Some(ca), Some(py)) = (test_ca(), python()) else {
        return;
    };
    let home = Home::new();
    let role = unique("url");
    let tok = token(&home, &role);
    let _role = NamedRole::with_password(&role, &tok);
    let _hba = HbaLine::tls_password_for(&role, &ca);
    add_target(&home, &role, "postgres", &ca);

    // libpq reads the URL alone.
    let out = exec_sh(
        &home,
        &[],
        r#"psql "$DATABASE_URL" -XAt -c "select current_user, ssl from pg_stat_ssl where pid = pg_backend_pid()""#,
    );
    assert_eq!(out.trim(), format!("{role}|t"));

    // Python: urllib.parse and SQLAlchemy give back exactly the token; psycopg logs in.
    let script = home.path().join("parse.py");
    std::fs::write(&script, PARSE_PY).unwrap();
    let out = home
        .dbiam_with_keys()
        .args(["exec", "localpg", "--signing-time", TIME, "--"])
        .args([
            py.as_str(),
            script.to_str().unwrap(),
            "DATABASE_URL",
            "PGPASSWORD",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{role}|True|{}", tok.len())
    );

    // --url-var renames it; a wrong token (another signing time) is refused through the URL.
    let out = exec_sh(
        &home,
        &["--url-var", "FLYWAY_URL"],
        r#"test -z "$DATABASE_URL" && psql "$FLYWAY_URL" -XAt -c "select 1""#,
    );
    assert_eq!(out.trim(), "1");
    let out = home
        .dbiam_with_keys()
        .args([
            "exec",
            "localpg",
            "--signing-time",
            "2026-01-01T00:00:01Z",
            "--",
        ])
        .args([
            "sh",
            "-c",
            r#"unset PGPASSWORD; psql "$DATABASE_URL" -XAt -c "select 1""#,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("password authentication failed"));
    home.dbiam()
        .args(["env", "localpg", "--url-var", "BAD NAME"])
        .assert()
        .code(2);

    // The JDBC variables, Heroku style.
    let env = home
        .dbiam_with_keys()
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .args(["env", "localpg", "--signing-time", TIME])
        .output()
        .unwrap();
    let env = String::from_utf8(env.stdout).unwrap();
    let line = |k: &str| {
        env.lines()
            .find_map(|l| l.strip_prefix(&format!("export {k}='")))
            .and_then(|v| v.strip_suffix('\''))
            .unwrap_or_else(|| panic!("no {k} in {env}"))
            .to_owned()
    };
    assert_eq!(line("JDBC_DATABASE_USERNAME"), role);
    assert_eq!(line("JDBC_DATABASE_PASSWORD"), tok);
    let jdbc = line("JDBC_DATABASE_URL");
    assert!(
        jdbc.starts_with(&format!(
            "jdbc:postgresql://{}:{}/postgres?sslmode=verify-full&sslrootcert=",
            pg_host(),
            pg_port_str()
        )),
        "{jdbc}"
    );
    assert!(
        jdbc.contains(&format!("&user={role}&password=127.0.0.1%3A")),
        "{jdbc}"
    );
}

#[test]
fn passwords_with_every_reserved_character_survive_the_url() {
    let (Some(ca), Some(py)) = (test_ca(), python()) else {
        return;
    };
    let home = Home::new();
    let role = unique("urlpw");
    // Every character RFC 3986 reserves or forbids in userinfo, plus space, % and UTF-8.
    let password = "a:/?#[]@!$&'()*+,;=% \"<>\\^`{|}~é";
    psql_super(
        "postgres",
        &format!(
            "create role {role} login password '{}';",
            password.replace('\'', "''")
        ),
    );
    let _role = NamedRole(role.clone());
    let _hba = HbaLine::tls_password_for(&role, &ca);
    add_target(&home, &role, "postgres", &ca);
    let script = home.path().join("parse.py");
    std::fs::write(&script, PARSE_PY).unwrap();
    let run = |args: &[&str]| {
        let out = home
            .dbiam()
            .env("PGPASSWORD", password)
            .args(["exec", "localpg", "--no-iam", "--"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let out = run(&[
        "sh",
        "-c",
        r#"unset PGPASSWORD PGHOST PGPORT PGUSER; printf '%s\n' "$DATABASE_URL"; psql "$DATABASE_URL" -XAt -c "select current_user""#,
    ]);
    let mut lines = out.lines();
    let url = lines.next().unwrap();
    assert!(
        url.starts_with(&format!(
            "postgresql://{role}:a%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25%20%22%3C%3E%5C%5E%60%7B%7C%7D~%C3%A9@"
        )),
        "{url}"
    );
    assert_eq!(lines.next(), Some(role.as_str()));
    let out = run(&[py.as_str(), script.to_str().unwrap(), "DATABASE_URL"]);
    assert_eq!(
        out.trim(),
        format!("{role}|True|{}", password.chars().count())
    );
}

/// alembic.ini + env.py (the URL from DATABASE_URL, nothing else) + two migrations.
fn alembic_project(dir: &std::path::Path) {
    std::fs::create_dir_all(dir.join("versions")).unwrap();
    std::fs::write(
        dir.join("alembic.ini"),
        "[alembic]\nscript_location = .\n\n[loggers]\nkeys = root\n[handlers]\nkeys = console\n\
         [formatters]\nkeys = generic\n[logger_root]\nlevel = WARN\nhandlers = console\n\
         [handler_console]\nclass = StreamHandler\nargs = (sys.stderr,)\nformatter = generic\n\
         [formatter_generic]\nformat = %%(levelname)s %%(message)s\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("env.py"),
        r#"import os
from alembic import context
import sqlalchemy
url = sqlalchemy.engine.make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql+psycopg")
engine = sqlalchemy.create_engine(url)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("script.py.mako"),
        "revision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("versions/0001_accounts.py"),
        r#"from alembic import op
import sqlalchemy as sa
revision = "0001"
down_revision = None
def upgrade():
    op.create_table("accounts", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.Text))
def downgrade():
    op.drop_table("accounts")
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("versions/0002_email.py"),
        r#"from alembic import op
import sqlalchemy as sa
revision = "0002"
down_revision = "0001"
def upgrade():
    op.add_column("accounts", sa.Column("email", sa.Text))
    op.execute("insert into accounts (name, email) values ('jane', 'jane@example.com')")
def downgrade():
    op.drop_column("accounts", "email")
"#,
    )
    .unwrap();
}

#[test]
fn alembic_applies_two_migrations_through_dbiam_exec() {
    let (Some(ca), Some(py)) = (test_ca(), python()) else {
        return;
    };
    let alembic = std::path::Path::new(&py).with_file_name("alembic");
    assert!(
        alembic.exists(),
        "alembic is not in the test venv (tests/requirements.txt)"
    );
    let home = Home::new();
    let role = unique("mig");
    let tok = token(&home, &role);
    let _role = NamedRole::with_password(&role, &tok);
    let db = unique("migdb");
    psql_super("postgres", &format!("create database {db} owner {role};"));
    struct DropDb(String);
    impl Drop for DropDb {
        fn drop(&mut self) {
            psql_super(
                "postgres",
                &format!("drop database if exists {} with (force);", self.0),
            );
        }
    }
    let _db = DropDb(db.clone());
    let _hba = HbaLine::tls_password_for(&role, &ca);
    add_target(&home, &role, &db, &ca);
    let project = home.path().join("migrations");
    alembic_project(&project);
    let out = home
        .dbiam_with_keys()
        .current_dir(&project)
        .args(["exec", "localpg", "--signing-time", TIME, "--"])
        .args([alembic.to_str().unwrap(), "upgrade", "head"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        psql_super(
            &db,
            "select version_num from alembic_version; select name || ' ' || email from accounts;"
        )
        .split_whitespace()
        .collect::<Vec<_>>(),
        ["0002", "jane", "jane@example.com"]
    );
    // The tables belong to the IAM role: Alembic ran as it.
    assert_eq!(
        psql_super(
            &db,
            "select tableowner from pg_tables where tablename = 'accounts';"
        )
        .trim(),
        role
    );
}

/// Whether the machine's Redis answers on 127.0.0.1:6379 and redis-cli is installed.
fn redis_available() -> bool {
    let ok = std::process::Command::new("redis-cli")
        .args(["-h", "127.0.0.1", "-p", "6379", "ping"])
        .output()
        .is_ok_and(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).trim() == "PONG");
    if !ok {
        assert!(
            !in_ci(),
            "Redis is not answering on 127.0.0.1:6379 (or redis-cli is missing)"
        );
        eprintln!("skipped: Redis is not answering on 127.0.0.1:6379");
    }
    ok
}

/// Run redis-cli against the machine's Redis as the default user, with `args`; the
/// password of ACL SETUSER goes on stdin (`-x` appends it as the last argument).
fn redis_admin(args: &[&str], stdin: Option<&str>) -> String {
    let mut c = std::process::Command::new("redis-cli");
    c.args(["-h", "127.0.0.1", "-p", "6379"]);
    match stdin {
        Some(input) => {
            c.arg("-x").args(args);
            String::from_utf8(common::run_with_stdin(&mut c, input)).unwrap()
        }
        None => {
            let out = c.args(args).output().unwrap();
            String::from_utf8(out.stdout).unwrap()
        }
    }
}

/// Deletes the ACL user at the end.
struct AclUser(String);

impl Drop for AclUser {
    fn drop(&mut self) {
        redis_admin(&["ACL", "DELUSER", &self.0], None);
    }
}

#[test]
fn redis_cli_authenticates_with_an_elasticache_token_from_redis_url() {
    if !redis_available() {
        return;
    }
    let home = Home::new();
    let user = unique("dbiam-acl");
    home.dbiam()
        .args([
            "targets",
            "add",
            "cache",
            "--engine",
            "redis",
            "-h",
            "127.0.0.1",
            "-p",
            "6379",
        ])
        .args([
            "-U",
            &user,
            "--cache",
            "elasticache",
            "--cache-name",
            "sessions",
        ])
        .args(["--region", "us-east-1"])
        .assert()
        .success();
    let out = home
        .dbiam_with_keys()
        .args([
            "token",
            "--elasticache",
            "--cache-name",
            "sessions",
            "--username",
            &user,
        ])
        .args(["--signing-time", TIME])
        .output()
        .unwrap();
    let tok = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(tok.starts_with("sessions/?Action=connect&User="), "{tok}");
    // The ACL user's password is the token (`>` + password, read from stdin).
    let _acl = AclUser(user.clone());
    let reply = redis_admin(&["ACL", "SETUSER", &user, "on", "~*", "+@all"], None);
    assert_eq!(reply.trim(), "OK");
    let reply = redis_admin(&["ACL", "SETUSER", &user], Some(&format!(">{tok}")));
    assert_eq!(reply.trim(), "OK");

    let cli = |time: &str| {
        home.dbiam_with_keys()
            .args(["exec", "cache", "--signing-time", time, "--"])
            .args([
                "sh",
                "-c",
                // No TLS on this Redis: the URL's scheme is rewritten for the test only.
                r#"unset REDISCLI_AUTH; redis-cli --no-auth-warning -u "redis://${REDIS_URL#rediss://}" ACL WHOAMI"#,
            ])
            .output()
            .unwrap()
    };
    let out = cli(TIME);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), user);
    // A token for another instant is refused.
    let out = cli("2026-01-01T00:00:01Z");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("WRONGPASS"), "{text}");
    // REDISCLI_AUTH is redis-cli's own password variable.
    let out = home
        .dbiam_with_keys()
        .args(["exec", "cache", "--signing-time", TIME, "--"])
        .args([
            "sh",
            "-c",
            r#"redis-cli -h 127.0.0.1 -p 6379 --user "$0" ACL WHOAMI"#,
            &user,
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), user);
    // The URL as printed: rediss://, user and token percent-encoded.
    let env = home
        .dbiam_with_keys()
        .env("XDG_CACHE_HOME", home.path().join("c"))
        .args(["env", "cache", "--signing-time", TIME])
        .output()
        .unwrap();
    let env = String::from_utf8(env.stdout).unwrap();
    assert!(
        env.contains(&format!(
            "export REDIS_URL='rediss://{}:sessions%2F%3FAction%3Dconnect%26User%3D",
            user
        )),
        "{env}"
    );
    assert!(!env.contains("DATABASE_URL"), "{env}");
}

#[test]
fn token_target_is_a_cached_password_helper_with_libpq_json() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let role = unique("helper");
    add_target(&home, &role, "postgres", &ca);
    let helper = |args: &[&str]| {
        let out = home
            .dbiam_with_keys()
            .env("AWS_SESSION_TOKEN", "session/token+=")
            .args(["token"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    // Two processes, one token; another user, another token.
    let first = helper(&["localpg"]);
    assert_eq!(helper(&["localpg"]), first);
    assert_ne!(helper(&["localpg", "--username", "someone_else"]), first);
    assert!(
        first.starts_with(&format!(
            "{}:{}/?Action=connect&DBUser={role}&",
            pg_host(),
            pg_port_str()
        )),
        "{first}"
    );
    // The cache: 0700 directory, 0600 files named by a hash, no secret key in them.
    let dir = home.path().join(".cache/dbiam/tokens");
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 2);
    for f in &files {
        assert_eq!(mode(&f.path()), 0o600);
        assert_eq!(f.file_name().len(), 64);
        let text = std::fs::read_to_string(f.path()).unwrap();
        assert!(!text.contains("wJalrXUtnFEMI"), "{text}");
        assert!(!text.contains(&role) || text.contains("DBUser"), "{text}");
    }
    // Without a target or --hostname: PGHOST, PGPORT, PGUSER, as libpq.
    let out = home
        .dbiam_with_keys()
        .env("PGHOST", pg_host())
        .env("PGPORT", pg_port_str())
        .env("PGUSER", &role)
        .args(["token", "--signing-time", TIME])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        token(&home, &role)
    );
    home.dbiam_with_keys()
        .args(["token"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no database host"));

    // libpq-json: what Postico's pre-connect script reads; psql logs in with exactly that.
    let out = helper(&["localpg", "--output", "libpq-json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "host",
            "port",
            "user",
            "dbname",
            "password",
            "sslmode",
            "sslrootcert"
        ]
    );
    assert_eq!(v["password"], first);
    assert_eq!(v["sslmode"], "verify-full");
    let _role = NamedRole::with_password(&role, &first);
    let _hba = HbaLine::tls_password_for(&role, &ca);
    let s = |k: &str| match &v[k] {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let out = std::process::Command::new("psql")
        .args(["-XAt", "-c", "select current_user"])
        .env("PGHOST", s("host"))
        .env("PGPORT", s("port"))
        .env("PGUSER", s("user"))
        .env("PGDATABASE", s("dbname"))
        .env("PGPASSWORD", s("password"))
        .env("PGSSLMODE", s("sslmode"))
        .env("PGSSLROOTCERT", s("sslrootcert"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        role,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
