//! `dbiam sql` against the test bench's private PostgreSQL (TLS set up by
//! scripts/test with a test CA): the IAM token as the password end to end, sslmode
//! checks, byte parity with `psql --csv`, script corpus parity with `psql -f`, exit
//! codes, `-1`, Ctrl-C, COPY in both directions and restoring a pg_dump file.

mod common;

use common::pg::{
    mint_token, other_ca, pg_host, pg_port_str, psql_super, test_ca, unique, with_session_keys,
    HbaLine, Role, ScratchDb,
};
use common::{closed_port, Home};
use predicates::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};

/// `dbiam sql` as the trusted superuser with verify-full against the test CA.
fn dbiam_sql(home: &Home, ca: &str, db: &str) -> assert_cmd::Command {
    let mut c = home.dbiam();
    c.args([
        "sql",
        "-h",
        pg_host(),
        "-p",
        pg_port_str(),
        "-U",
        "postgres",
        "-d",
        db,
        "--no-iam",
        "--sslrootcert",
        ca,
    ]);
    c
}

#[test]
fn iam_token_is_the_password_end_to_end() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let role = Role::new("iam");
    let t = "2026-01-01T00:00:00Z";
    let token = mint_token(
        &home,
        &[
            "--hostname",
            pg_host(),
            "--port",
            pg_port_str(),
            "--username",
            &role.0,
            "--signing-time",
            t,
        ],
    );
    assert!(!token.contains('\''));
    psql_super(
        "postgres",
        &format!("alter role {} password '{token}';", role.0),
    );
    let _hba = HbaLine::password_for(&role.0);

    with_session_keys(&mut home.dbiam())
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            &role.0,
            "-d",
            "postgres",
            "--sslrootcert",
            &ca,
            "--signing-time",
            t,
        ])
        .args([
            "--output",
            "csv",
            "-c",
            "select current_user, ssl from pg_stat_ssl where pid = pg_backend_pid()",
        ])
        .assert()
        .success()
        .stdout(format!("current_user,ssl\n{},t\n", role.0));

    // A token for another instant is another password: refused, exit 2, with the causes.
    with_session_keys(&mut home.dbiam())
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            &role.0,
            "-d",
            "postgres",
            "--sslrootcert",
            &ca,
        ])
        .args(["--signing-time", "2026-01-01T00:00:01Z", "-c", "select 1"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("password authentication failed")
                .and(predicate::str::contains("rds_iam"))
                .and(predicate::str::contains("region"))
                .and(predicate::str::contains(&token).not()),
        );
}

#[test]
fn sslmode_disable_with_iam_is_refused_before_anything_is_sent() {
    // A loopback listener records whether any connection arrives.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    listener.set_nonblocking(true).unwrap();
    let home = Home::new();
    with_session_keys(&mut home.dbiam())
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            &port,
            "-U",
            "u",
            "--sslmode",
            "disable",
        ])
        .args(["-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("without TLS"));
    // The same through a URL parameter.
    with_session_keys(&mut home.dbiam())
        .arg("sql")
        .arg(format!(
            "postgres://u@{}:{port}/db?sslmode=disable",
            pg_host()
        ))
        .args(["-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("without TLS"));
    // PGSSLMODE is honoured and refused the same way.
    with_session_keys(&mut home.dbiam())
        .env("PGSSLMODE", "disable")
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            &port,
            "-U",
            "u",
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("without TLS"));
    match listener.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        Ok(_) => panic!("dbiam opened a connection although it refused sslmode disable"),
        Err(e) => panic!("{e}"),
    }
}

/// A fake server (no real peer can be told to refuse TLS for one test): it answers the
/// SSLRequest with `N` (no TLS) as PostgreSQL documents, then records what else arrives.
#[test]
fn prefer_with_iam_never_falls_back_to_plain_text() {
    use std::io::Read;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port().to_string();
    let server = std::thread::spawn(move || {
        let (mut sock, _) = listener.accept().unwrap();
        sock.set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .unwrap();
        let mut req = [0u8; 8];
        sock.read_exact(&mut req).unwrap();
        assert_eq!(
            req,
            [0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f],
            "not an SSLRequest"
        );
        sock.write_all(b"N").unwrap();
        let mut rest = Vec::new();
        let _ = sock.read_to_end(&mut rest);
        rest
    });
    let home = Home::new();
    with_session_keys(&mut home.dbiam())
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            &port,
            "-U",
            "u",
            "--sslmode",
            "prefer",
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TLS"));
    let after = server.join().unwrap();
    assert!(
        after.is_empty(),
        "{} bytes sent after the server refused TLS",
        after.len()
    );
}

#[test]
fn verify_full_checks_the_chain_and_the_host_name() {
    let (Some(ca), Some(other)) = (test_ca(), other_ca()) else {
        return;
    };
    let home = Home::new();
    for host in ["127.0.0.1", "localhost"] {
        home.dbiam()
            .args([
                "sql",
                "-h",
                host,
                "-p",
                pg_port_str(),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "--no-iam",
                "--sslrootcert",
                &ca,
            ])
            .args([
                "-o",
                "csv",
                "-t",
                "-c",
                "select ssl from pg_stat_ssl where pid = pg_backend_pid()",
            ])
            .assert()
            .success()
            .stdout("t\n");
    }
    // Another CA: the chain fails.
    home.dbiam()
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "--no-iam",
            "--sslrootcert",
            &other,
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("not signed by a trusted CA")
                .and(predicate::str::contains("--sslrootcert")),
        );
    // No extra CA at all: the bundled RDS CAs do not sign the test server.
    home.dbiam()
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "--no-iam",
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not signed by a trusted CA"));
    // Host name mismatch: connect to the server's address under a name the certificate lacks.
    let mismatch = [
        "-h",
        "db.wrong.example",
        "--hostaddr",
        pg_host(),
        "-p",
        pg_port_str(),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "--no-iam",
    ];
    home.dbiam()
        .args(["sql"])
        .args(mismatch)
        .args(["--sslrootcert", &ca, "-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not name the host"));
    // verify-ca forgives exactly that, and still checks the chain.
    home.dbiam()
        .args(["sql"])
        .args(mismatch)
        .args([
            "--sslmode",
            "verify-ca",
            "--sslrootcert",
            &ca,
            "-o",
            "csv",
            "-t",
            "-c",
            "select 1",
        ])
        .assert()
        .success()
        .stdout("1\n");
    home.dbiam()
        .args(["sql"])
        .args(mismatch)
        .args([
            "--sslmode",
            "verify-ca",
            "--sslrootcert",
            &other,
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not signed by a trusted CA"));
}

fn psql_csv(db: &str, sql: &str) -> Vec<u8> {
    let out = Command::new("psql")
        .args([
            "-X",
            "--csv",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "-d",
            db,
            "-c",
            sql,
        ])
        .env_remove("PGTZ")
        .env_remove("PGDATESTYLE")
        .env_remove("PGCLIENTENCODING")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn csv_is_byte_identical_to_psql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let queries = [
        "select 1::int2 as a, (-2147483648)::int4 as b, 9223372036854775807::int8 as c, 0::int2 as d",
        "select 123456789012345678901234567890.000100::numeric as n, 'NaN'::numeric as nn, -0.5::numeric as neg",
        "select 'NaN'::float8 as nan, 'Infinity'::float8 as inf, '-Infinity'::float4 as ninf, 0.1::float8 as f, 1e300::float8 as big, 3.14::float4 as r",
        "select 'a,b' as comma, 'say \"hi\"' as quote, E'two\\nlines' as nl, E'cr\\rx' as cr, '' as empty, null as nul, '\\.' as dot, ' pad ' as spaces, 'héllo ✓' as utf8",
        "select true as t, false as f, null::bool as n",
        "select date '2024-02-29' as d, time '13:14:15.123456' as t, timestamp '2024-01-02 03:04:05.6' as ts, timestamptz '2024-01-02 03:04:05+02' as tstz, interval '1 year 2 mons 3 days 04:05:06.7' as i, interval '-1 day' as neg",
        "select 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as u, '{\"a\": [1, 2.5, \"x,y\"], \"b\": null}'::json as j, '{\"b\": 1, \"a\": \"q\\\"\"}'::jsonb as jb",
        "select array[1,2,null]::int[] as ia, array['a b','c,d','\"q\"', null]::text[] as ta, '{{1,2},{3,4}}'::int[][] as m, '{}'::text[] as e",
        "select '\\xdeadbeef00'::bytea as b, ''::bytea as e, '192.168.0.1/24'::inet as i, '::1'::inet as v6, '10.0.0.0/8'::cidr as c",
        "select g as n, md5(g::text) as h from generate_series(1, 2000) g",
        "select 1 as \"weird, \"\"name\"\"\", 2 as \"Upper\"",
        "select 1 where false",
    ];
    for q in queries {
        let expected = psql_csv("postgres", q);
        let got = dbiam_sql(&home, &ca, "postgres")
            .args(["--output", "csv", "-c", q])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&expected),
            "query: {q}"
        );
        assert_eq!(got, expected, "query: {q}");
    }
}

#[test]
fn aligned_table_matches_psql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let script = "select 1 as id, 'alice'::text as name, 2.5::numeric as n union all select 22, 'b', null;\n\
                  create temp table t(a int);\ninsert into t values (1), (2);\nselect 'x\ny' as ml, 1 as longheadername;\n\
                  select * from t where false;\n";
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("s.sql");
    std::fs::write(&f, script).unwrap();
    let psql = Command::new("psql")
        .args([
            "-X",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-f",
        ])
        .arg(&f)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert!(psql.status.success());
    dbiam_sql(&home, &ca, "postgres")
        .arg("-f")
        .arg(&f)
        .assert()
        .success()
        .stdout(String::from_utf8(psql.stdout).unwrap());
}

/// A table-by-table dump of a database, for comparing end states.
fn dump(db: &str) -> String {
    let out = Command::new("pg_dump")
        .args([
            "--no-owner",
            "--no-privileges",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "-d",
            db,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // pg_dump 15.14+ brackets its output with a random \restrict key: leave it out.
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("\\restrict") && !l.starts_with("\\unrestrict"))
        .map(|l| format!("{l}\n"))
        .collect()
}

const CORPUS: &[(&str, &str)] = &[
    (
        "quotes.sql",
        r#"-- semicolons inside strings, identifiers and comments must not split
create table "we;ird" (id int primary key, "semi;colon" text, note text);
insert into "we;ird" values (1, 'a;b', 'it''s; fine'), (2, E'esc\'aped; \\ back', 'x'); -- trailing; comment
/* block ; comment /* nested ; */ still comment; */
insert into "we;ird" values (3, $$dollar; 'quoted'$$, $tag$with $$ inside; $tag$);
insert into "we;ird"
  values (4,
          'multi
line; value',
          U&'\0441\043B\043E\043D');
"#,
    ),
    (
        "functions.sql",
        r#"create table audit (id serial primary key, msg text);
create function add_audit(m text) returns int language plpgsql as $body$
declare
  n int;
begin
  insert into audit(msg) values (m || ';');  -- a ; inside the body
  select count(*) into n from audit;
  return n;
end;
$body$;
select add_audit('one');
do $$ begin perform add_audit($q$two; 'quoted'$q$); end $$;
create view v_audit as select id, upper(msg) as m from audit;
begin;
insert into audit(msg) values ('in tx');
savepoint s1;
insert into audit(msg) values ('rolled back');
rollback to savepoint s1;
commit;
"#,
    ),
    (
        "variables.sql",
        r#"\set tbl vars_table
create table :"tbl" (k text, v text);
insert into :"tbl" values (:'who', :'who' || ' again');
insert into :tbl values ('literal :not_a_var', $$ :'who' stays $$);
\echo done
-- last statement without a semicolon at the end of the file
insert into vars_table values ('last', 'no semicolon')"#,
    ),
    (
        "copy.sql",
        "create table copied (id int, body text, n numeric);\n\
         COPY copied (id, body, n) FROM stdin; insert into copied values (99, 'after the data', null);\n\
         1\tsemi;colon 'quote' $$ -- not a comment\t1.5\n\
         2\t\\N\t\\N\n\
         3\ttab\\there\\nnewline \\\\ backslash \u{e9}\t-2\n\
         \\.\n\
         copy copied from stdin with (format csv, header true);\r\n\
         id,body,n\r\n\
         5,\"csv, \"\"quoted\"\"\nmulti-line\",7\r\n\
         6,,\r\n\
         \\.\r\n\
         select count(*) from copied;\n\
         COPY copied (id) FROM STDIN;\n\
         7\n",
    ),
];

#[test]
fn script_corpus_leaves_the_same_state_as_psql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (
        ScratchDb::new("corpus_psql"),
        ScratchDb::new("corpus_dbiam"),
    );
    for (name, text) in CORPUS {
        let f = dir.path().join(name);
        std::fs::write(&f, text).unwrap();
        let out = Command::new("psql")
            .args([
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-v",
                "who=O'Brien; \"x\"",
                "-h",
                pg_host(),
                "-p",
                pg_port_str(),
                "-U",
                "postgres",
                "-d",
                &a.0,
                "-f",
            ])
            .arg(&f)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "psql {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        dbiam_sql(&home, &ca, &b.0)
            .args(["-q", "-v", "who=O'Brien; \"x\"", "-f"])
            .arg(&f)
            .assert()
            .success();
    }
    let (da, db) = (dump(&a.0), dump(&b.0));
    assert!(
        da.contains("we;ird") && da.contains("O'Brien; \"x\" again") && da.contains("no semicolon"),
        "{da}"
    );
    // COPY data (text and CSV, up to `\.` or the end of the file) went in as data, and
    // the rest of the COPY's line ran after it.
    assert!(
        da.contains("COPY public.copied (id, body, n) FROM stdin;\n1\tsemi;colon 'quote' $$ -- not a comment\t1.5\n2\t\\N\t\\N\n")
            && da.contains("\n99\tafter the data\t\\N\n5\tcsv, \"quoted\"\\nmulti-line\t7\n6\t\\N\t\\N\n7\t\\N\t\\N\n"),
        "{da}"
    );
    assert_eq!(da, db);
}

/// pg_dump's own output (`\restrict`, `SET`s, schema, `COPY … FROM stdin` data) restores
/// through `dbiam sql -1 -f` to the same database, also for data of more than one chunk.
#[test]
fn a_pg_dump_file_restores_with_dbiam_sql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let (src, dst) = (ScratchDb::new("dump_src"), ScratchDb::new("dump_dst"));
    psql_super(
        &src.0,
        "create table big (id int primary key, body text, tags text[], doc jsonb);\n\
         insert into big select i, repeat(E'x\\t;\\n''y', i % 7) || i, array['a;b', null, E'c\\\\d'], \
           jsonb_build_object('i', i, 's', E'\\u00e9\\n') from generate_series(1, 20000) i;\n\
         insert into big values (0, null, '{}', null);\n\
         create function trg() returns trigger language plpgsql as $$ begin new.body := new.body || ';'; return new; end $$;\n\
         create view v as select count(*) from big;",
    );
    let out = Command::new("pg_dump")
        .args([
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "-d",
            &src.0,
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("FROM stdin;\n") && text.len() > 1_000_000);
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), &text).unwrap();
    dbiam_sql(&home, &ca, &dst.0)
        .args(["-1", "-f"])
        .arg(file.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("COPY 20001\n"));
    assert_eq!(dump(&dst.0), dump(&src.0));
}

/// `COPY … TO STDOUT` prints the server's data as psql does (no tag), in any format.
#[test]
fn copy_to_stdout_is_byte_identical_to_psql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let sql = "copy (select i, E'a\\tb,\"c\"\\n' || i as t, null as n from generate_series(1, 3) i) to stdout";
    for (opts, format) in [("", "table"), (" with (format csv, header)", "json")] {
        let statement = format!("{sql}{opts}");
        let psql = Command::new("psql")
            .args([
                "-X",
                "-h",
                pg_host(),
                "-p",
                pg_port_str(),
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-c",
            ])
            .arg(&statement)
            .output()
            .unwrap();
        assert!(psql.status.success());
        assert!(psql.stdout.len() > 20);
        dbiam_sql(&home, &ca, "postgres")
            .args(["-o", format, "-c"])
            .arg(&statement)
            .assert()
            .success()
            .stdout(psql.stdout);
    }
    // A COPY the server refuses is an ordinary error; the connection goes on.
    dbiam_sql(&home, &ca, "postgres")
        .args([
            "-c",
            "copy nope to stdout",
            "--continue-on-error",
            "-c",
            "select 1 as one",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(" one \n-----\n   1\n"))
        .stderr(predicate::str::contains("relation \"nope\" does not exist"));
}

/// psql's `\copy` with files on the client: loading a CSV file and writing a query's
/// result, byte-identical to what psql's `\copy` writes, `COPY n` as psql prints it;
/// `pstdin`; a missing file is a script error (exit 3).
#[test]
fn client_side_copy_matches_psql() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("clientcopy");
    psql_super(
        &db.0,
        "create table t (id int primary key, name text, note text);",
    );
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in put's.csv");
    std::fs::write(
        &input,
        "id,name,note\n1,\"a, b\",\n2,\"multi\nline \"\"q\"\"\",x\n3,\u{e9}t\u{e9},\"\"\n",
    )
    .unwrap();
    let quoted = input.display().to_string().replace('\'', "''");
    dbiam_sql(&home, &ca, &db.0)
        .args(["-c"])
        .arg(format!(
            "\\copy t (id, name, note) from '{quoted}' with (format csv, header)"
        ))
        .assert()
        .success()
        .stdout("COPY 3\n");
    let (ours, theirs) = (dir.path().join("ours.csv"), dir.path().join("theirs.csv"));
    let query =
        "(select * from t order by id) to '{}' with (format csv, header, force_quote (name))";
    dbiam_sql(&home, &ca, &db.0)
        .arg("-c")
        .arg(format!(
            "\\copy {}",
            query.replace("{}", &ours.display().to_string())
        ))
        .assert()
        .success()
        .stdout("COPY 3\n");
    let psql = Command::new("psql")
        .args([
            "-X",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "-d",
            &db.0,
            "-c",
        ])
        .arg(format!(
            "\\copy {}",
            query.replace("{}", &theirs.display().to_string())
        ))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&psql.stdout), "COPY 3\n");
    let ours = std::fs::read(&ours).unwrap();
    assert_eq!(ours, std::fs::read(&theirs).unwrap());
    assert!(String::from_utf8_lossy(&ours).contains("\"multi\nline \"\"q\"\"\""));

    // pstdin: the data from dbiam's own stdin.
    dbiam_sql(&home, &ca, &db.0)
        .args(["-c", "\\copy t (id, name) from pstdin with (format csv)"])
        .write_stdin("4,four\n5,five\n")
        .assert()
        .success()
        .stdout("COPY 2\n");
    assert_eq!(psql_super(&db.0, "select count(*) from t;").trim(), "5");

    // A file that is not there: the script stops (exit 3), nothing sent.
    dbiam_sql(&home, &ca, &db.0)
        .args([
            "-c",
            "\\copy t from '/nonexistent/x.csv' csv",
            "-c",
            "select 1",
        ])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains(
            "-c:1: \\copy: cannot read /nonexistent/x.csv: No such file or directory",
        ));
}

/// A COPY whose data the server refuses: exit 3 at the COPY's line, its data never run
/// as SQL, and with `-1` nothing kept; a missing table skips the data; `\restrict`
/// allows only `\unrestrict` with its key.
#[test]
fn copy_errors_and_restrict() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("copy_err");
    psql_super(&db.0, "create table t (id int primary key, v text);");
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.sql");
    // Run `text` as the file bad.sql with these flags.
    let script = |text: &str, flags: &[&str]| {
        std::fs::write(&f, text).unwrap();
        dbiam_sql(&home, &ca, &db.0)
            .args(flags)
            .arg("-f")
            .arg(&f)
            .assert()
    };
    script(
        "insert into t values (0, 'kept?');\nCOPY t FROM stdin;\n1\tone\nnot a number\tx\n\\.\ninsert into t values (9, 'never');\n",
        &["-1"],
    )
    .code(3)
    .stderr(predicate::str::contains(
        // As psql: the line the COPY's data ended on, the server's text verbatim.
        "bad.sql:5: ERROR:  invalid input syntax for type integer: \"not a number\"\nCONTEXT:  COPY t, line 2, column id: \"not a number\"\n",
    ));
    assert_eq!(psql_super(&db.0, "select count(*) from t;").trim(), "0");

    // The table does not exist: the data is skipped, not run; with
    // --continue-on-error the script goes on after it (and exits 0, as psql does).
    script(
        "COPY nope FROM stdin;\ndrop table t;\n\\.\ninsert into t values (5, 'after');\n",
        &["--continue-on-error"],
    )
    .success()
    .stderr(predicate::str::ends_with(
        "bad.sql:1: ERROR:  relation \"nope\" does not exist\n",
    ));
    assert_eq!(psql_super(&db.0, "select v from t;").trim(), "after");

    // A refusal only the COPY itself shows (an unknown option) is an ordinary error
    // too: the connection stays, the data is skipped, the script goes on.
    script(
        "COPY t FROM stdin WITH (format nope);\n1\tx\n\\.\ninsert into t values (6, 'kept');\n",
        &["--continue-on-error"],
    )
    .success()
    .stderr(predicate::str::contains(
        "bad.sql:1: ERROR:  COPY format \"nope\" not recognized\nLINE 1: COPY t FROM stdin WITH (format nope);\n",
    ));
    assert_eq!(psql_super(&db.0, "select count(*) from t;").trim(), "2");

    script(
        "\\restrict k1\nselect 1;\n\\unrestrict other\n\\echo never\n",
        &[],
    )
    .code(3)
    .stdout(predicate::str::contains("never").not())
    .stderr(predicate::str::contains(
        "bad.sql:3: backslash commands are restricted; only \\unrestrict is allowed",
    ));
    script("\\restrict k1\n\\unrestrict k1\n\\echo free\n", &[])
        .success()
        .stdout("free\n");
}

#[test]
fn a_failing_statement_stops_with_exit_3_and_file_line() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("errors");
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("migration.sql");
    std::fs::write(
        &f,
        "create table first_t (a int);\n\n-- a comment\nselect *\n  from missing_table;\ncreate table never_t (a int);\n",
    )
    .unwrap();
    dbiam_sql(&home, &ca, &db.0)
        .arg("-f")
        .arg(&f)
        .assert()
        .code(3)
        // psql's report: the line the statement ended on, then LINE n: and the caret.
        .stderr(format!(
            "dbiam:{}:5: ERROR:  relation \"missing_table\" does not exist\nLINE 2:   from missing_table;\n{}^\n",
            f.display(),
            " ".repeat(15)
        ));
    let tables = psql_super(
        &db.0,
        "select string_agg(relname, ',' order by relname) from pg_class where relname in ('first_t', 'never_t');",
    );
    assert_eq!(tables.trim(), "first_t");

    // --continue-on-error goes on (and exits 0, as psql without ON_ERROR_STOP).
    dbiam_sql(&home, &ca, &db.0)
        .args([
            "--continue-on-error",
            "-c",
            "select * from missing_table",
            "-c",
            "create table later_t (a int)",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "ERROR:  relation \"missing_table\" does not exist\nLINE 1: select * from missing_table\n",
        ));
    let tables = psql_super(
        &db.0,
        "select count(*) from pg_class where relname = 'later_t';",
    );
    assert_eq!(tables.trim(), "1");
}

#[test]
fn single_transaction_rolls_everything_back() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let db = ScratchDb::new("single_tx");
    let script = [
        "-c",
        "create table tx_t (a int)",
        "-c",
        "insert into tx_t values (1)",
        "-c",
        "select 1/0",
    ];
    dbiam_sql(&home, &ca, &db.0)
        .arg("-1")
        .args(script)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("ERROR:  division by zero\n"));
    assert_eq!(
        psql_super(
            &db.0,
            "select count(*) from pg_class where relname = 'tx_t';"
        )
        .trim(),
        "0"
    );
    // Without -1 the statements before the failure stay.
    dbiam_sql(&home, &ca, &db.0).args(script).assert().code(3);
    assert_eq!(psql_super(&db.0, "select count(*) from tx_t;").trim(), "1");
}

#[test]
fn commands_and_files_run_in_command_line_order() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("two.sql");
    std::fs::write(&f, "select 2 as b;").unwrap();
    dbiam_sql(&home, &ca, "postgres")
        .args(["-o", "csv", "-c", "select 1 as a", "-f"])
        .arg(&f)
        .args(["-c", "select 3 as c", "-f", "-"])
        .write_stdin("select 4 as d")
        .assert()
        .success()
        .stdout("a\n1\nb\n2\nc\n3\nd\n4\n");
}

#[test]
fn json_and_ndjson_are_typed() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let q = "select 1 as i, 12345678901234567890.5::numeric as n, 'NaN'::float8 as f, true as b, \
             '{\"k\": [1, null]}'::jsonb as j, null::text as z, 'x\"y' as s";
    let out = dbiam_sql(&home, &ca, "postgres")
        .args(["-o", "json", "-c", q])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[0]["i"], serde_json::json!(1));
    assert_eq!(v[0]["n"].to_string(), "12345678901234567890.5");
    assert_eq!(v[0]["f"], "NaN");
    assert_eq!(v[0]["b"], true);
    assert_eq!(v[0]["j"]["k"][0], 1);
    assert!(v[0]["z"].is_null());
    assert_eq!(v[0]["s"], "x\"y");
    dbiam_sql(&home, &ca, "postgres")
        .args(["-o", "ndjson", "-c", "select g from generate_series(1,3) g"])
        .assert()
        .success()
        .stdout("{\"g\":1}\n{\"g\":2}\n{\"g\":3}\n");
}

#[test]
fn connection_and_input_failures_have_psql_exit_codes() {
    let home = Home::new();
    let port = closed_port().to_string();
    home.dbiam()
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            &port,
            "-U",
            "postgres",
            "--no-iam",
            "-c",
            "select 1",
        ])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("Connection refused")
                .and(predicate::str::contains("check the host and port")),
        );
    // A missing file is a client-side fatal error (1), found before connecting.
    home.dbiam()
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            &port,
            "-U",
            "postgres",
            "--no-iam",
            "-f",
            "/nonexistent/x.sql",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/nonexistent/x.sql"));
    // A password inside the URL with IAM is refused.
    home.dbiam()
        .args(["sql", "postgres://u:secret@127.0.0.1/db", "-c", "select 1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("password").and(predicate::str::contains("secret").not()));
}

#[test]
fn ctrl_c_cancels_the_running_statement() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let marker = unique("cancel");
    let child = Command::new(env!("CARGO_BIN_EXE_dbiam"))
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .args([
            "sql",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "--no-iam",
            "--sslrootcert",
            &ca,
        ])
        .args(["-c", &format!("select pg_sleep(60) as {marker}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let active = format!("select count(*) from pg_stat_activity where query like '%as {marker}' and state = 'active' and pid <> pg_backend_pid();");
    let mut seen = false;
    for _ in 0..300 {
        if psql_super("postgres", &active).trim() == "1" {
            seen = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(seen, "the statement never started");
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
    // The server-side statement is gone (cancelled, not left sleeping for a minute).
    let mut gone = false;
    for _ in 0..100 {
        if psql_super("postgres", &active).trim() == "0" {
            gone = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(gone, "the statement still runs on the server");
}

/// What used to be `dbiam connect`'s own meta commands work in a script, through the one
/// meta-command layer: `\timing`, `\c`, `\conninfo`, `\o FILE` (and `\g FILE`).
#[test]
fn shell_meta_commands_work_in_scripts() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("sqlmeta");
    let other = ScratchDb::new("sqlmeta_other");
    psql_super(
        &other.0,
        "create table only_here (a int); insert into only_here values (7);",
    );
    let home = Home::new();
    let file = home.path().join("results.txt");
    let once = home.path().join("once.txt");
    let script = format!(
        "\\timing on\n\
         select 1 as timed;\n\
         \\timing off\n\
         \\conninfo\n\
         \\o {file}\n\
         select 'into the file' as f;\n\
         \\qecho qecho too\n\
         \\echo echo on stdout\n\
         \\o\n\
         select 'one query' as g \\g {once}\n\
         \\c {other}\n\
         select a from only_here;\n",
        file = file.display(),
        once = once.display(),
        other = other.0,
    );
    let out = dbiam_sql(&home, &ca, &db.0)
        .write_stdin(script)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Timing is on.\n timed \n-------\n     1\n(1 row)\n\nTime: "),
        "{stdout}"
    );
    assert!(stdout.contains(" ms\nTiming is off.\n"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "You are connected to database \"{}\" as user \"postgres\" on host \"{}\"",
            db.0,
            pg_host()
        )),
        "{stdout}"
    );
    assert!(stdout.contains("TLS: TLSv1.3"), "{stdout}");
    assert!(
        stdout.contains("Authentication: password (IAM not used)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("echo on stdout\n"), "{stdout}");
    assert!(
        !stdout.contains("into the file") && !stdout.contains("one query"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "You are now connected to database \"{}\" as user \"postgres\".\n a \n---\n 7\n(1 row)\n",
            other.0
        )),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "       f       \n---------------\n into the file\n(1 row)\n\nqecho too\n"
    );
    assert_eq!(
        std::fs::read_to_string(&once).unwrap(),
        "     g     \n-----------\n one query\n(1 row)\n\n"
    );

    // \c to a database that does not exist is an error of the script (exit 3 with
    // ON_ERROR_STOP, dbiam sql's default), naming the file and line.
    let bad = home.path().join("bad.sql");
    std::fs::write(&bad, "select 1;\n\\c no_such_database_here\nselect 2;\n").unwrap();
    dbiam_sql(&home, &ca, &db.0)
        .arg("-f")
        .arg(&bad)
        .assert()
        .code(3)
        .stdout(
            predicate::str::contains("(1 row)").and(predicate::str::contains("        2\n").not()),
        )
        .stderr(
            predicate::str::contains("bad.sql:2: error:")
                .and(predicate::str::contains("no_such_database_here")),
        );
}

/// Server notices and warnings reach stderr as psql prints them for `-c`: the severity,
/// the message, then the DETAIL and HINT lines.
#[test]
fn notices_print_detail_and_hint_as_psql() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("sqlnotice");
    let sql = "do $$ begin raise warning 'w1' using detail = 'two  spaces', hint = 'h1'; \
               raise notice 'n2'; end $$";
    let psql = Command::new("psql")
        .args([
            "-X",
            "-q",
            "-h",
            pg_host(),
            "-p",
            pg_port_str(),
            "-U",
            "postgres",
        ])
        .args(["-d", &db.0, "-c", sql])
        .output()
        .unwrap();
    assert!(psql.status.success());
    let home = Home::new();
    let out = dbiam_sql(&home, &ca, &db.0)
        .args(["-q", "-c", sql])
        .assert()
        .success()
        .get_output()
        .clone();
    let want = String::from_utf8(psql.stderr).unwrap();
    assert_eq!(
        want,
        "WARNING:  w1\nDETAIL:  two  spaces\nHINT:  h1\nNOTICE:  n2\n"
    );
    assert_eq!(String::from_utf8(out.stderr).unwrap(), want);
}
