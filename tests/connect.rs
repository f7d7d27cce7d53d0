//! `dbiam connect` on a real pseudo-terminal (tests/support/pty_expect.py) against the
//! test bench's private PostgreSQL (scripts/test) with verify-full TLS against its test CA: multi-line statements, meta commands, Ctrl-C, reconnecting
//! after `pg_terminate_backend`, the history file, and an IAM token end to end.

mod common;

use common::pg::{
    mint_token, pg_host, pg_port_str, psql_super, session_keys, test_ca, HbaLine, Role, ScratchDb,
};
use common::pty::{expect, prompt, send, shell, sync};
use common::{moto_url, pg_addr, pg_port, Home};
use predicates::prelude::*;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;

/// Run SQL as the superuser from the pty script (a second connection).
fn exec_super(db: &str, sql: &str) -> Value {
    json!({ "exec": ["psql", "-X", "-q", "-h", pg_host(), "-p", pg_port_str(), "-U", "postgres", "-d", db, "-c", sql] })
}

/// Wait until a statement starting with `prefix` is running in database `db`.
fn wait_until_running(db: &str, prefix: &str) -> Value {
    exec_super(
        db,
        &format!(
            "do $$ begin loop exit when exists (select 1 from pg_stat_activity \
             where datname = '{db}' and state = 'active' and query like '{prefix}%'); \
             perform pg_sleep(0.05); end loop; end $$"
        ),
    )
}

fn history_file(home: &Home) -> PathBuf {
    home.path().join(".local/state/dbiam/history")
}

/// Trusted superuser over verify-full TLS with the test CA, no pager.
fn trust_args<'a>(ca: &'a str, db: &'a str) -> Vec<&'a str> {
    vec![
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
        "--no-pager",
    ]
}

#[test]
fn statements_and_meta_commands() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("conn");
    psql_super(
        &db.0,
        "create table items (id int primary key, name text not null default 'x');",
    );
    let home = Home::new();
    let steps = vec![
        prompt(),
        send("select count(*) as n_items,"),
        expect("-> "),
        send("  40 + 2 as answer from items;"),
        expect("(1 row)"),
        prompt(),
        send("\\dt"),
        expect("(1 row)"),
        prompt(),
        send("\\d items"),
        expect("Table \"public.items\""),
        expect("Indexes:"),
        prompt(),
        send("\\x"),
        expect("Expanded display is on."),
        prompt(),
        send("select 6 * 7 as product;"),
        expect("-[ RECORD 1 ]"),
        prompt(),
        send("\\x off"),
        expect("Expanded display is off."),
        prompt(),
        send("\\timing on"),
        expect("Timing is on."),
        prompt(),
        send("select 1 as one;"),
        expect("Time: "),
        prompt(),
        send("\\conninfo"),
        expect("Authentication:"),
        prompt(),
        send("\\q"),
    ];
    let Some((code, out)) = shell(&home, &[], &trust_args(&ca, &db.0), steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    // The two-line statement ran once, as one statement.
    assert!(
        out.contains(" n_items | answer \n---------+--------\n       0 |     42\n(1 row)"),
        "{out}"
    );
    assert!(
        out.contains(" public | items | table | postgres\n"),
        "{out}"
    );
    assert!(
        out.contains(" Column |  Type   | Collation | Nullable |  Default  \n"),
        "{out}"
    );
    assert!(
        out.contains(" name   | text    |           | not null | 'x'::text"),
        "{out}"
    );
    assert!(
        out.contains("\"items_pkey\" PRIMARY KEY, btree (id)"),
        "{out}"
    );
    assert!(out.contains("-[ RECORD 1 ]\nproduct | 42\n"), "{out}");
    assert!(out.contains("Time: ") && out.contains(" ms\n"), "{out}");
    assert!(
        out.contains(&format!(
            "You are connected to database \"{}\" as user \"postgres\" on host \"127.0.0.1\" at port \"{}\".",
            db.0,
            pg_port()
        )),
        "{out}"
    );
    assert!(out.contains("TLS: TLSv1.3"), "{out}");
    assert!(
        out.contains("sslmode verify-full; server certificate subject: CN=localhost"),
        "{out}"
    );

    // The history holds the multi-line statement as one entry, and is private.
    let history = std::fs::read_to_string(history_file(&home)).unwrap();
    assert!(
        history.contains("select count(*) as n_items,\\n  40 + 2 as answer from items;\n"),
        "{history}"
    );
    assert!(history.contains("\\\\d items\n"), "{history}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(history_file(&home))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn ctrl_c_cancels_the_statement_and_clears_the_line_and_ctrl_d_exits() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("cancel");
    let home = Home::new();
    let steps = vec![
        prompt(),
        send("select pg_sleep(30);"),
        wait_until_running(&db.0, "select pg_sleep(30)"),
        json!({ "send": "\u{3}" }),
        expect("canceling statement due to user request"),
        prompt(),
        // Ctrl-C at the prompt drops the unfinished (quoted) statement.
        json!({ "send": "select 'dropped" }),
        json!({ "send": "\u{3}" }),
        prompt(),
        send("select 6 * 7 as after_clear;"),
        expect("(1 row)"),
        prompt(),
        json!({ "send": "\u{4}" }),
    ];
    let Some((code, out)) = shell(&home, &[], &trust_args(&ca, &db.0), steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Cancel request sent"), "{out}");
    assert!(
        out.contains("ERROR:  canceling statement due to user request"),
        "{out}"
    );
    assert!(
        out.contains(" after_clear \n-------------\n          42\n"),
        "{out}"
    );
}

#[test]
fn reconnects_after_the_backend_is_terminated_without_rerunning() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("reconn");
    psql_super(&db.0, "create table t (a int);");
    let home = Home::new();
    let kill = format!(
        "select pg_terminate_backend(pid, 10000) from pg_stat_activity where datname = '{}' and pid <> pg_backend_pid()",
        db.0
    );
    let steps = vec![
        prompt(),
        send("begin;"),
        expect("BEGIN"),
        // psql's %x: `*` inside a transaction, `!` once a statement in it failed.
        expect("=*> "),
        send("insert into t values (1);"),
        expect("INSERT 0 1"),
        expect("=*> "),
        send("select nope;"),
        expect("ERROR:"),
        expect("=!> "),
        send("rollback;"),
        expect("ROLLBACK"),
        prompt(),
        send("begin;"),
        expect("=*> "),
        send("insert into t values (1);"),
        expect("=*> "),
        exec_super(&db.0, &kill),
        json!({ "sleep": 1 }),
        send("insert into t values (2);"),
        expect("reconnected as"),
        prompt(),
        send("select count(*) as rows_in_t from t;"),
        expect("(1 row)"),
        prompt(),
        send("\\q"),
    ];
    let Some((code, out)) = shell(&home, &[], &trust_args(&ca, &db.0), steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains(&format!(
            "dbiam: the connection to the server was lost; reconnected as postgres@{}/{}; \
             the statement was not run; run it again; the open transaction was rolled back",
            pg_addr(),
            db.0
        )),
        "{out}"
    );
    // Neither the rolled-back insert nor the one typed after the drop ran.
    assert!(
        out.contains(" rows_in_t \n-----------\n         0\n"),
        "{out}"
    );
    assert_eq!(psql_super(&db.0, "select count(*) from t;").trim(), "0");
}

#[test]
fn iam_token_over_verify_full_and_kept_out_of_history() {
    let (Some(ca), Some(moto)) = (test_ca(), moto_url()) else {
        return;
    };
    let home = Home::new();
    let role = Role::new("conniam");
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
    assert!(token.contains("X-Amz-Signature="));
    psql_super(
        "postgres",
        &format!("alter role {} password '{token}';", role.0),
    );
    let _hba = HbaLine::password_for(&role.0);

    // STS (for \conninfo's identity) is the moto server, never AWS.
    let mut env = session_keys();
    env.push(("AWS_ENDPOINT_URL", moto));
    let steps = vec![
        prompt(),
        send("select current_user = session_user as same_user, ssl as on_tls from pg_stat_ssl where pid = pg_backend_pid();"),
        expect("(1 row)"),
        prompt(),
        send(&format!("select length('{token}') > 1000 as long_token;")),
        expect("(1 row)"),
        prompt(),
        send("\\conninfo"),
        expect("IAM token expires at"),
        prompt(),
        // Dropped by the server: the next statement reconnects with the IAM token.
        exec_super(
            "postgres",
            &format!("select pg_terminate_backend(pid, 10000) from pg_stat_activity where usename = '{}'", role.0),
        ),
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
        "--no-pager",
    ];
    let Some((code, out)) = shell(&home, &env, &args, steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("(IAM token, sslmode verify-full)"), "{out}");
    assert!(
        out.contains(" same_user | on_tls \n-----------+--------\n t         | t\n"),
        "{out}"
    );
    assert!(
        out.contains("IAM token expires at 2026-01-01T00:15:00Z"),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "reconnected as {}@{}/postgres with an IAM token; the statement was not run",
            role.0,
            pg_addr()
        )),
        "{out}"
    );
    assert!(out.contains(" back_again \n------------\n t\n"), "{out}");
    assert!(
        out.contains("IAM identity: arn:aws:sts::123456789012:"),
        "{out}"
    );
    assert!(
        out.contains("server certificate subject: CN=localhost"),
        "{out}"
    );

    // STS unreachable (a closed loopback port): \conninfo still answers.
    env.push((
        "AWS_ENDPOINT_URL_STS",
        format!("http://127.0.0.1:{}", common::closed_port()),
    ));
    let steps = vec![
        prompt(),
        send("\\conninfo"),
        expect("IAM token expires at"),
        prompt(),
        send("\\q"),
    ];
    let Some((code, out)) = shell(&home, &env, &args, steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("IAM identity: unknown (STS"), "{out}");
    assert!(
        out.contains("server certificate subject: CN=localhost"),
        "{out}"
    );

    let history = std::fs::read_to_string(history_file(&home)).unwrap();
    assert!(
        history.contains("select current_user = session_user"),
        "{history}"
    );
    assert!(!history.contains("X-Amz-Signature"), "{history}");
    assert!(!history.contains(&token[..40]), "{history}");
}

#[test]
fn formats_files_databases_completion_and_pager() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("more");
    let other = ScratchDb::new("other");
    psql_super(&db.0, "create schema app; create table app.widgets (id int, label text); insert into app.widgets values (1, 'a,b');");
    psql_super(&other.0, "create table gadgets (g int);");
    let home = Home::new();
    let script = home.path().join("script.sql");
    std::fs::write(
        &script,
        "select 'from file' as origin;\nselect 2 + 2 as four;\n",
    )
    .unwrap();
    let out_file = home.path().join("out.csv");
    let mut steps = vec![
        prompt(),
        send("set search_path = app;"),
        expect("SET"),
        prompt(),
        // Tab completes a table name from the catalogue.
        json!({ "send": "select label from widg\t" }),
        json!({ "sleep": 0.5 }),
        send(";"),
        expect("(1 row)"),
        prompt(),
        // Names are read again after DDL.
        send("create table fresh_gizmos (x int);"),
        expect("CREATE TABLE"),
        prompt(),
        json!({ "send": "select x from fresh_giz\t" }),
        json!({ "sleep": 0.5 }),
        send(";"),
        expect("(0 rows)"),
        prompt(),
        send("\\pset format csv"),
        expect("Output format is csv."),
        prompt(),
        send(&format!("\\o {}", out_file.display())),
    ];
    steps.extend(sync(1));
    steps.push(send("select id, label from widgets;"));
    steps.extend(sync(2));
    steps.push(send("\\o"));
    steps.extend(sync(3));
    steps.extend([
        send("\\pset format table"),
        expect("Output format is aligned."),
        prompt(),
        send(&format!("\\i {}", script.display())),
        expect("(1 row)"),
        prompt(),
        send("\\dn"),
        expect("(2 rows)"),
        prompt(),
        send("\\du"),
        expect("Superuser"),
        prompt(),
        send("\\l"),
        expect("Encoding"),
        prompt(),
        send(&format!("\\c {}", other.0)),
        expect("You are now connected to database"),
        prompt(),
        send("select count(*) as gadget_rows from gadgets;"),
        expect("(1 row)"),
        prompt(),
        send("select generate_series(1, 60) as n;"),
        expect("PAGED:(60 rows)"),
        prompt(),
        send("\\q"),
    ]);
    let args = [
        "-h",
        pg_host(),
        "-p",
        pg_port_str(),
        "-U",
        "postgres",
        "-d",
        &db.0,
        "--no-iam",
        "--sslrootcert",
        &ca,
    ];
    let env = [("PAGER", "sed s/^/PAGED:/".to_owned())];
    let Some((code, out)) = shell(&home, &env, &args, steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("select label from widgets"), "{out}");
    assert!(out.contains("select x from fresh_gizmos"), "{out}");
    assert!(out.contains(" label \n-------\n a,b\n"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap(),
        "id,label\n1,\"a,b\"\n"
    );
    assert!(
        out.contains("  origin   \n-----------\n from file\n"),
        "{out}"
    );
    assert!(out.contains(" four \n------\n    4\n"), "{out}");
    assert!(out.contains(" app    | postgres\n"), "{out}");
    assert!(
        out.contains(&format!(
            "You are now connected to database \"{}\" as user \"postgres\".",
            other.0
        )),
        "{out}"
    );
    assert!(out.contains(&format!("postgres@{}=> ", other.0)), "{out}");
    assert!(
        out.contains(" gadget_rows \n-------------\n           0\n"),
        "{out}"
    );
    assert!(out.contains("PAGED: n  \nPAGED:----\nPAGED:  1\n"), "{out}");
}

#[test]
fn piped_input_runs_like_a_script_and_a_last_statement_without_semicolon_runs() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    home.dbiam()
        .arg("connect")
        .args(trust_args(&ca, "postgres"))
        .write_stdin("select 6 * 7 as answer;\n\\x on\nselect 'end' as last\n")
        .assert()
        .success()
        // No banner and no prompts: stdout holds only the results, as with psql -f.
        .stdout(" answer \n--------\n     42\n(1 row)\n\nExpanded display is on.\n-[ RECORD 1 ]\nlast | end\n\n");
}

/// `\d` shows psql's footers: indexes, check and foreign-key constraints, the tables
/// that reference it, and triggers, as psql prints them.
#[test]
fn describe_footers_match_psql() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("conndesc");
    psql_super(
        &db.0,
        "create table parent (id int primary key, code text unique);\n\
         create table child (id int primary key, parent_id int references parent(id) on delete cascade, \
           qty int check (qty > 0), constraint qty_small check (qty < 1000));\n\
         create table grandchild (child_id int references child(id));\n\
         create function touch() returns trigger language plpgsql as $$ begin return new; end $$;\n\
         create trigger child_touch before insert or update on child for each row execute function touch();",
    );
    let home = Home::new();
    for table in ["child", "parent"] {
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
            .arg(format!("\\d {table}"))
            .output()
            .unwrap();
        let psql = String::from_utf8(psql.stdout).unwrap();
        let footer = &psql[psql.find("Indexes:").expect("psql shows indexes")..];
        assert!(footer.contains("Referenced by:"), "{psql}");
        let out = home
            .dbiam()
            .arg("connect")
            .args(trust_args(&ca, &db.0))
            .write_stdin(format!("\\d {table}\n"))
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.contains(footer.trim_end()),
            "psql:\n{psql}\ndbiam:\n{out}"
        );
    }
}

/// The describe commands in the shell are `dbiam sql`'s: psql's output byte for byte,
/// titles and footers included, for listings, `\du` (built on the client side) and
/// `\d NAME`, and psql's message when nothing matches.
#[test]
fn describe_commands_match_psql_byte_for_byte() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("conndescall");
    psql_super(
        &db.0,
        "create table parent (id int primary key, code text unique);\n\
         create table child (id serial primary key, parent_id int references parent(id));\n\
         create view child_v as select id from child;\n\
         create function add(a int, b int) returns int language sql as 'select a + b';\n\
         create schema app;",
    );
    let home = Home::new();
    let commands =
        "\\d\n\\dt+\n\\dv\n\\di\n\\ds\n\\df\n\\dn\n\\du postgres\n\\dx\n\\dp\n\\l template0\n\
                    \\d child\n\\d+ parent\n\\d child_id_seq\n\\dt nope*\n";
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
        ])
        .arg("-f")
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(commands.as_bytes())?;
            c.wait_with_output()
        })
        .unwrap();
    let want = String::from_utf8(psql.stdout).unwrap();
    assert!(
        want.contains("List of relations") && want.contains("Referenced by:"),
        "{want}"
    );
    let out = home
        .dbiam()
        .arg("connect")
        .args(trust_args(&ca, &db.0))
        .write_stdin(commands)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Did not find any relation named \"nope*\".",
        ))
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap(), want);
}

/// COPY … FROM STDIN typed at the prompt (psql's `>>` data prompt and `\.`), and piped.
#[test]
fn copy_from_stdin_at_the_prompt_and_piped() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("conncopy");
    psql_super(&db.0, "create table c (a int, b text);");
    let home = Home::new();
    let steps = vec![
        prompt(),
        send("copy c from stdin with (format csv);"),
        expect("End with a backslash and a period on a line by itself"),
        expect(">> "),
        send("1,one"),
        expect(">> "),
        send("2,\"two, \"\"quoted\"\"\""),
        expect(">> "),
        send("\\."),
        expect("COPY 2"),
        prompt(),
        send("select string_agg(b, '|' order by a) as bs from c;"),
        expect("(1 row)"),
        prompt(),
        // Ctrl-C during the data cancels the COPY: nothing is copied.
        send("copy c from stdin with (format csv);"),
        expect(">> "),
        send("3,three"),
        expect(">> "),
        json!({ "send": "\u{3}" }),
        expect("COPY canceled"),
        prompt(),
        send("select count(*) as n from c;"),
        expect("(1 row)"),
        prompt(),
        send("\\q"),
    ];
    let Some((code, out)) = shell(&home, &[], &trust_args(&ca, &db.0), steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("postgres@") && out.contains(">> 1,one"),
        "{out}"
    );
    assert!(out.contains(" one|two, \"quoted\"\n"), "{out}");
    assert!(out.contains(" n \n---\n 2\n"), "{out}");
    // The COPY statement is history; its data is not.
    let history = std::fs::read_to_string(history_file(&home)).unwrap();
    assert!(history.contains("copy c from stdin"), "{history}");
    assert!(
        !history.contains("1,one") && !history.contains("3,three"),
        "{history}"
    );

    // Piped: as a script.
    home.dbiam()
        .arg("connect")
        .args(trust_args(&ca, &db.0))
        .write_stdin(
            "copy c (a) from stdin;\n7\n\\.\nselect count(*) as n from c;\ncopy (select a, b from c order by a) to stdout with (format csv, header);\n\\copy c (a) to stdout\n",
        )
        .assert()
        .success()
        .stdout("COPY 1\n n \n---\n 3\n(1 row)\n\na,b\n1,one\n2,\"two, \"\"quoted\"\"\"\n7,\n1\n2\n7\nCOPY 3\n");
}

#[test]
fn a_failed_first_connection_exits_2_with_the_cause() {
    let home = Home::new();
    let port = common::closed_port().to_string();
    home.dbiam()
        .args([
            "connect",
            "-h",
            pg_host(),
            "-p",
            &port,
            "-U",
            "nobody",
            "--no-iam",
        ])
        .write_stdin("select 1;\n")
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("cannot connect to nobody@127.0.0.1:")
                .and(predicate::str::contains("nothing listens on that port")),
        );
}

#[test]
fn a_named_target_fills_the_connection() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let config = home.path().join("dbiam.toml");
    std::fs::write(
        &config,
        format!(
            "[targets.local]\nengine = \"postgres\"\nhost = \"{}\"\nport = {}\nuser = \"postgres\"\ndatabase = \"postgres\"\nsslrootcert = \"{ca}\"\n",
            pg_host(),
            pg_port()
        ),
    )
    .unwrap();
    home.dbiam()
        .env("DBIAM_CONFIG", &config)
        .args(["connect", "local", "--no-iam", "--no-pager"])
        .write_stdin("select current_user as who;\n")
        .assert()
        .success()
        .stdout("   who    \n----------\n postgres\n(1 row)\n\n");
}

/// `dbiam doctor` and `\conninfo` describe the same server's TLS in the same words (one
/// probe, one description).
#[test]
fn doctor_and_conninfo_print_the_same_tls_description() {
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let args = trust_args(&ca, "postgres");
    let out = home
        .dbiam()
        .arg("doctor")
        .args(&args[..args.len() - 1])
        .args(["-o", "json"])
        .output()
        .unwrap();
    let checks: Value = serde_json::from_slice(&out.stdout).unwrap();
    let tls = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "tls")
        .unwrap();
    assert_eq!(tls["status"], "pass", "{tls}");
    let doctor = tls["detail"].as_str().unwrap().to_owned();
    assert!(
        doctor.starts_with("TLSv1.3 (")
            && doctor.contains("sslmode verify-full; server certificate subject: CN=localhost")
            && doctor.ends_with("certificate chain and host name verified"),
        "{doctor}"
    );

    let steps = vec![
        prompt(),
        send("\\conninfo"),
        expect("Authentication:"),
        prompt(),
        send("\\q"),
    ];
    let Some((code, out)) = shell(&home, &[], &args, steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    let conninfo = out
        .lines()
        .find_map(|l| l.strip_prefix("TLS: "))
        .unwrap_or_else(|| panic!("no TLS line: {out}"));
    assert_eq!(conninfo.trim_end(), doctor);
}

/// psql's scripting works at the prompt through the one engine: `\if`/`\else`/`\endif` on
/// a `\gset` variable, `\gexec`, ON_ERROR_STOP (the rest of the input line is dropped, the
/// shell goes on), and `\o |command`.
#[test]
fn scripting_meta_commands_work_at_the_prompt() {
    let Some(ca) = test_ca() else { return };
    let db = ScratchDb::new("connscript");
    psql_super(
        &db.0,
        "create table s (a int); insert into s values (1), (2), (3);",
    );
    let home = Home::new();
    // The piped command writes to a file: its output would otherwise reach the terminal
    // whenever `sed` gets to it, interleaved with the prompt (as with psql).
    let piped = home.path().join("piped.txt");
    let pipe_to = format!("\\o | sed 's/^/piped: /' > '{}'", piped.display());
    let mut steps = vec![
        prompt(),
        send("select count(*) = 3 as three, max(a) as top from s \\gset"),
    ];
    steps.extend(sync(1));
    steps.extend([
        send("\\if :three"),
        prompt(),
        send("\\echo 'three rows, top' :top"),
        expect("three rows, top 3"),
        prompt(),
        send("\\else"),
        prompt(),
        send("\\echo 'not' 'shown'"),
        prompt(),
        send("\\endif"),
        prompt(),
        send("select format('select %s * 10 as tenfold', a) from s order by a \\gexec"),
        expect("30"),
        prompt(),
        send("\\set ON_ERROR_STOP on"),
        prompt(),
        send("select 1/0; select 'skipped' as after_error;"),
        expect("division by zero"),
        prompt(),
        send("select 'the next line runs' as still_here;"),
        expect("(1 row)"),
        prompt(),
        send(&pipe_to),
        prompt(),
        send("select 42 as answer;"),
        prompt(),
        send("\\o"),
    ]);
    steps.extend(sync(2));
    steps.push(send("\\q"));
    let Some((code, out)) = shell(&home, &[], &trust_args(&ca, &db.0), steps) else {
        return;
    };
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("\nthree rows, top 3\n"), "{out}");
    assert!(!out.contains("\nnot shown\n"), "{out}");
    for n in ["10", "20", "30"] {
        assert!(
            out.contains(&format!(" tenfold \n---------\n      {n}\n(1 row)\n")),
            "{out}"
        );
    }
    assert!(out.contains("ERROR:  division by zero"), "{out}");
    assert!(!out.contains(" after_error \n"), "{out}");
    assert!(
        out.contains("     still_here     \n--------------------\n the next line runs\n"),
        "{out}"
    );
    // `\o` closing the pipe waits for the command, as psql's pclose does.
    let piped = std::fs::read_to_string(&piped).expect("the piped command's output");
    assert_eq!(
        piped, "piped:  answer \npiped: --------\npiped:      42\npiped: (1 row)\npiped: \n",
        "{out}"
    );
}
