//! Issue 17's hardening rows, each through the real binary: bad files, bad input and
//! hostile values get a one-line error and a documented exit code, never a hang, a
//! panic or a replaced device file.

mod common;

use common::Home;
use predicates::prelude::*;
use std::os::unix::fs::{symlink, FileTypeExt};
use std::path::Path;
use std::time::Duration;

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

/// Row 16: `targets add` with DBIAM_CONFIG naming a FIFO (standing in for /dev/null: a
/// file that is not a regular file), directly or through a symlink, is refused with exit 2
/// and the FIFO is left a FIFO; nothing blocks on it.
#[test]
fn row16_a_config_that_is_not_a_regular_file_is_refused_and_left_alone() {
    let home = Home::new();
    let fifo = home.path().join("null-like");
    mkfifo(&fifo);
    let link = home.path().join("config-link.toml");
    symlink(&fifo, &link).unwrap();
    for config in [&fifo, &link] {
        home.dbiam()
            .env("DBIAM_CONFIG", config)
            .args(["targets", "add", "y", "-h", "h.example.com"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is a FIFO, not a regular file"));
        assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }
    // Nothing was left beside it (no temporary file).
    let names: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    let hidden = std::fs::read_dir(home.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(hidden, 0);
}

/// Row 16: a symlinked config (a dotfiles checkout) stays a symlink; its target is updated.
#[test]
fn row16_a_symlinked_config_stays_a_symlink() {
    let home = Home::new();
    let dotfiles = home.path().join("dotfiles");
    std::fs::create_dir(&dotfiles).unwrap();
    let real = dotfiles.join("dbiam.toml");
    std::fs::write(&real, "# mine\n[defaults]\nregion = \"eu-west-1\"\n").unwrap();
    let link = home.path().join("config.toml");
    symlink("dotfiles/dbiam.toml", &link).unwrap();
    home.dbiam()
        .env("DBIAM_CONFIG", &link)
        .args(["targets", "add", "y", "-h", "h.example.com"])
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.starts_with("# mine\n"), "{text}");
    assert!(
        text.contains("[targets.y]") && text.contains("h.example.com"),
        "{text}"
    );
    assert_eq!(std::fs::read_dir(&dotfiles).unwrap().count(), 1);
}

/// Row 5: a config file with non-UTF-8 bytes, a directory, a symlink loop (and, when not
/// root, an unreadable file) is an invalid config: exit 2, one line naming the file.
#[test]
fn row5_unreadable_config_files_exit_2() {
    let home = Home::new();
    let bad = home.path().join("latin1.toml");
    std::fs::write(&bad, b"[defaults]\nregion = \"caf\xe9\"\n").unwrap();
    let dir = home.path().join("a-directory");
    std::fs::create_dir(&dir).unwrap();
    let loop_a = home.path().join("loop-a");
    symlink("loop-b", &loop_a).unwrap();
    symlink("loop-a", home.path().join("loop-b")).unwrap();
    for (config, why) in [
        (&bad, "not UTF-8"),
        (&dir, "is a directory"),
        (&loop_a, "symbolic links"),
    ] {
        let out = home
            .dbiam()
            .env("DBIAM_CONFIG", config)
            .args(["targets", "list"])
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(config.display().to_string()))
            .stderr(predicate::str::contains(why))
            .get_output()
            .stderr
            .clone();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.trim_end().lines().count(), 1, "{text}");
    }
    let locked = home.path().join("locked.toml");
    std::fs::write(&locked, "").unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_err() {
        // Not root: the permission check applies.
        home.dbiam()
            .env("DBIAM_CONFIG", &locked)
            .args(["targets", "list"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("Permission denied"));
    }
}

/// A token minted by the binary for a fixed instant.
fn minted(home: &Home) -> String {
    let out = home
        .dbiam_with_keys()
        .args(["token", "--hostname", "h.example.com", "--port", "5432"])
        .args(["--username", "u", "--signing-time", "2026-01-01T00:00:00Z"])
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// Row 4: signing times at the edge of the calendar and tokens with absurd dates or
/// lifetimes are exit 2 ("not a valid time", "not an … IAM token"), not a panic (101).
#[test]
fn row4_extreme_times_exit_2_not_panic() {
    let home = Home::new();
    for t in [
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-23:59",
        "0000-01-01T00:00:00+23:59",
        "99991231T235959Z",
        "00000101T000000Z",
    ] {
        home.dbiam_with_keys()
            .args(["token", "--hostname", "h.example.com", "--port", "5432"])
            .args(["--username", "u", "--signing-time", t])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is not a valid time"));
    }
    let good = minted(&home);
    assert!(good.contains("X-Amz-Expires=900"), "{good}");
    let date = good
        .split('&')
        .find(|p| p.starts_with("X-Amz-Date="))
        .unwrap()
        .to_owned();
    for bad in [
        good.replace("X-Amz-Expires=900", "X-Amz-Expires=9223372036854775807"),
        good.replace("X-Amz-Expires=900", "X-Amz-Expires=-1"),
        good.replace(&date, "X-Amz-Date=99991231T235959Z"),
        good.replace(&date, "X-Amz-Date=00000101T000000Z"),
    ] {
        home.dbiam()
            .args(["token", "inspect", &bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "not an RDS, DSQL, ElastiCache or MemoryDB IAM token",
            ));
    }
    home.dbiam()
        .args(["token", "inspect", &good])
        .assert()
        .code(predicate::in_iter([0, 1]));
}

/// Row 6: bytes that are not UTF-8 on stdin are bad input (exit 2), as with `@FILE`.
#[test]
fn row6_non_utf8_stdin_exits_2() {
    let home = Home::new();
    let junk: &[u8] = b"AKIA\xff\xfe\nsecret\xc3\x28\n";
    for args in [
        &["token", "inspect", "-"][..],
        &["login", "--keys-from-stdin"][..],
        &["dynamo", "put", "t", "--item", "-"][..],
    ] {
        home.dbiam_with_keys()
            .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
            .args(args)
            .write_stdin(junk)
            .timeout(Duration::from_secs(30))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("not UTF-8 text"));
    }
}

/// `dbiam env` for MySQL with these arguments: (exit code, stdout, stderr).
fn env_mysql(home: &Home, args: &[&str]) -> (i32, String, String) {
    let out = home
        .dbiam_with_keys()
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .args(["env", "--signing-time", "2026-01-01T00:00:00Z"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Row 1: values that would inject options into the generated my.cnf (a newline, NUL or
/// another control character in the user, database or a target's fields) are refused with
/// exit 2; everything else is quoted so the real client reads it back verbatim.
#[test]
fn row1_my_cnf_values_are_quoted_or_refused() {
    let home = Home::new();
    let evil = "mysql://app%0Ainit-command%3DDROP%20DATABASE%20x@127.0.0.1:3306/db";
    let (code, out, err) = env_mysql(&home, &[evil]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("control character"), "{err}");
    assert!(out.is_empty(), "{out}");
    for args in [
        [
            "--engine",
            "mysql",
            "-h",
            "h.example.com",
            "-U",
            "app\ninit-command=x",
            "-d",
            "db",
        ],
        [
            "--engine",
            "mysql",
            "-h",
            "h.example.com",
            "-U",
            "app",
            "-d",
            "db\nplugin-dir=/tmp",
        ],
        [
            "--engine",
            "mysql",
            "-h",
            "h.example.com",
            "-U",
            "app",
            "-d",
            "db\u{1b}[2J",
        ],
    ] {
        let (code, _, err) = env_mysql(&home, &args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    // A target with a newline in its user: refused when used.
    let config = home.path().join("config.toml");
    std::fs::write(
        &config,
        "[targets.t]\nengine = \"mysql\"\nhost = \"h.example.com\"\nuser = \"app\\nssl-ca=/tmp/x\"\n",
    )
    .unwrap();
    let out = home
        .dbiam_with_keys()
        .env("DBIAM_CONFIG", &config)
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .args(["env", "t"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    // Odd but harmless values round-trip through the real client's option-file parser.
    let user = r#"a"b#c\d 'e"#;
    let db = "x y#z;'\"";
    let (code, out, err) = env_mysql(
        &home,
        &[
            "--engine",
            "mysql",
            "-h",
            "h.example.com",
            "-U",
            user,
            "-d",
            db,
        ],
    );
    assert_eq!(code, 0, "{err}");
    let mysql_home = out
        .lines()
        .find_map(|l| l.strip_prefix("export MYSQL_HOME='"))
        .unwrap()
        .trim_end_matches('\'')
        .to_owned();
    let Ok(printed) = std::process::Command::new("mariadb")
        .arg("--print-defaults")
        .env_clear()
        .env("MYSQL_HOME", &mysql_home)
        .env("HOME", home.path())
        .output()
    else {
        assert!(!common::in_ci(), "the mariadb client is not installed");
        return;
    };
    let printed = String::from_utf8(printed.stdout).unwrap();
    assert!(printed.contains(&format!("--user={user} ")), "{printed}");
    assert!(printed.contains(&format!("--database={db}")), "{printed}");
    assert!(!printed.contains("init-command"), "{printed}");
}

/// Row 9: a NUL byte (`%00`) in the database name is a usage error about the database
/// name (exit 2), not a failure to start the child (126).
#[test]
fn row9_a_nul_byte_in_the_database_name_is_a_usage_error() {
    let home = Home::new();
    home.dbiam_with_keys()
        .args(["exec", "postgres://app@127.0.0.1/db%00x", "--", "true"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("database name"));
}

/// Row 10: `exec`'s child gets the database variables, not dbiam's AWS keys, unless
/// `--keep-aws-env`.
#[test]
fn row10_exec_does_not_hand_the_aws_keys_to_the_child() {
    let home = Home::new();
    let run = |extra: &[&str]| {
        let out = home
            .dbiam_with_keys()
            .env("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLESESSION")
            .env("AWS_PROFILE", "kept")
            .args(["exec", "-h", "h.example.com", "-U", "app"])
            .args(extra)
            .args([
                "--",
                "sh",
                "-c",
                "env | grep -E '^(AWS_|PGPASSWORD=)' | sort",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let plain = run(&[]);
    assert!(
        plain.contains("PGPASSWORD=h.example.com:5432/?Action=connect"),
        "{plain}"
    );
    assert!(plain.contains("AWS_PROFILE=kept"), "{plain}");
    assert!(plain.contains("AWS_REGION=us-east-1"), "{plain}");
    for k in [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
    ] {
        assert!(!plain.contains(k), "{k} reached the child: {plain}");
    }
    let kept = run(&["--keep-aws-env"]);
    for k in [
        "AWS_ACCESS_KEY_ID=",
        "AWS_SECRET_ACCESS_KEY=",
        "AWS_SESSION_TOKEN=",
    ] {
        assert!(kept.contains(k), "{k} missing with --keep-aws-env: {kept}");
    }
}

/// Row 11: a running dbiam is non-dumpable (its /proc files belong to root, so no other
/// user can ptrace it or read its memory, and no core file is written) and its core size
/// limit is 0.
#[test]
fn row11_dbiam_is_not_dumpable() {
    use std::process::{Command, Stdio};
    let root = std::fs::metadata("/proc/self")
        .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
        .unwrap_or(false);
    // As root, run it as `nobody` so that "owned by root" means something.
    let mut cmd = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--", env!("CARGO_BIN_EXE_dbiam")]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_dbiam"))
    };
    // `token inspect -` waits for its stdin: alive until we close it.
    let mut child = cmd
        .args(["token", "inspect", "-"])
        .current_dir("/")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn dbiam");
    // With runuser the dbiam process is runuser's child: find it, then wait (bounded) for
    // its start-up to be over. The core limit alone does not tell: a soft limit of 0 is
    // often inherited, so it holds from the exec on, before dbiam has run a line.
    let owner = |p: u32| {
        std::fs::metadata(format!("/proc/{p}/status"))
            .map(|m| std::os::unix::fs::MetadataExt::uid(&m))
            .ok()
    };
    let mut seen = None; // (core limit 0, owner of /proc/PID/status)
    for _ in 0..100 {
        let out = Command::new("pgrep")
            .args([
                "-f",
                "-n",
                &format!("^{} token inspect -$", env!("CARGO_BIN_EXE_dbiam")),
            ])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        if let Ok(p) = text.parse::<u32>() {
            let limits = std::fs::read_to_string(format!("/proc/{p}/limits")).unwrap_or_default();
            let now = (limits.contains("Max core file size        0 "), owner(p));
            seen = Some(now);
            if now == (true, Some(0)) {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(child.stdin.take());
    let _ = child.wait();
    let (core_zero, status_owner) = seen.expect("no running dbiam process was seen");
    assert!(core_zero, "the core size limit is not 0");
    assert_eq!(
        status_owner,
        Some(0),
        "/proc/PID/status is not root's: dumpable"
    );
}

/// A loopback endpoint that accepts connections and never answers; counts them.
struct Silent {
    port: u16,
    accepted: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Silent {
    fn start() -> Self {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let n = accepted.clone();
        std::thread::spawn(move || {
            let mut held = Vec::new();
            for s in listener.incoming().flatten() {
                n.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                held.push(s);
            }
        });
        Silent { port, accepted }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn count(&self) -> usize {
        self.accepted.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Row 13: `scan --segments 100000` keeps at most 32 requests in flight (seen as
/// connections to an endpoint that never answers), and more than DynamoDB's 1,000,000
/// segments is a usage error.
#[test]
fn row13_parallel_scan_caps_requests_in_flight() {
    let home = Home::new();
    home.dbiam_with_keys()
        .args(["dynamo", "scan", "t", "--segments", "1000001"])
        .assert()
        .code(2);
    let silent = Silent::start();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dbiam"))
        .env_clear()
        .env("HOME", home.path())
        .env("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
        .env(
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        )
        .env("AWS_REGION", "us-east-1")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", silent.url())
        .env("AWS_MAX_ATTEMPTS", "1")
        .args(["dynamo", "scan", "t", "--segments", "100000"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Let it open every connection it is going to.
    let mut last = 0;
    for _ in 0..40 {
        std::thread::sleep(Duration::from_millis(100));
        let now = silent.count();
        if now > 0 && now == last {
            break;
        }
        last = now;
    }
    std::thread::sleep(Duration::from_millis(500));
    let seen = silent.count();
    let _ = child.kill();
    let _ = child.wait();
    assert!(seen > 0, "no request reached the endpoint");
    assert!(seen <= 32, "{seen} requests in flight at once");
}

/// Row 7: a line of piped input that is not UTF-8 is reported and dropped; the shell
/// goes on with the next line.
#[test]
fn row7_a_non_utf8_line_does_not_stop_the_shell() {
    let Some(ca) = common::pg::test_ca() else {
        return;
    };
    let home = Home::new();
    let out = home
        .dbiam()
        .args([
            "connect",
            "-h",
            common::pg_host(),
            "-p",
            common::pg_port_str(),
        ])
        .args([
            "-U",
            "postgres",
            "-d",
            "postgres",
            "--no-iam",
            "--sslrootcert",
            &ca,
        ])
        .args(["--no-pager"])
        .write_stdin(&b"select '\xff';\nselect 'after' as next_line;\n\\q\n"[..])
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains(" next_line \n-----------\n after\n"),
        "{stdout}{stderr}"
    );
    assert!(stderr.contains("not UTF-8 text"), "{stderr}");
    assert!(!stderr.contains("line editor failed"), "{stderr}");
}

/// Row 3: an AWS endpoint that accepts connections and never answers: `token --verify`
/// ends with a one-line error within the configured bound instead of hanging.
#[test]
fn row3_a_silent_aws_endpoint_times_out() {
    let silent = Silent::start();
    let home = Home::new();
    let started = std::time::Instant::now();
    let out = home
        .dbiam_with_keys()
        .env("DBIAM_AWS_TIMEOUT", "2")
        .env("AWS_MAX_ATTEMPTS", "1")
        .args(["token", "--verify", "--endpoint-url", &silent.url()])
        .args([
            "--hostname",
            "h.example.com",
            "--port",
            "5432",
            "--username",
            "u",
        ])
        .timeout(Duration::from_secs(40))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(started.elapsed() < Duration::from_secs(30), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("did not answer in time"), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(silent.count() >= 1);
    home.dbiam_with_keys()
        .env("DBIAM_AWS_TIMEOUT", "soon")
        .args([
            "token",
            "--verify",
            "--hostname",
            "h.example.com",
            "-U",
            "u",
        ])
        .assert()
        .code(2);
}

/// Row 2: a "PostgreSQL server" that accepts TCP and never answers: `dbiam sql` with
/// `--connect-timeout 2` ends with a one-line connection error (exit 2) instead of
/// waiting forever for the SSLRequest's answer; `connect` and `setup user` share the bound.
#[test]
fn row2_a_silent_postgres_server_times_out_the_whole_connect() {
    let silent = Silent::start();
    let home = Home::new();
    let port = silent.port.to_string();
    for cmd in [
        &["sql", "-c", "select 1"][..],
        &["connect"][..],
        &["setup", "user", "--db-user", "iamuser"][..],
    ] {
        let started = std::time::Instant::now();
        let out = home
            .dbiam()
            .args(cmd)
            .args(["--engine", "postgres", "-h", "127.0.0.1", "-p", &port])
            .args(["-U", "postgres"])
            .args(["--no-iam", "--sslmode", "require", "--connect-timeout", "2"])
            .write_stdin("")
            .timeout(Duration::from_secs(40))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(started.elapsed() < Duration::from_secs(20), "{stderr}");
        assert_eq!(out.status.code(), Some(2), "{cmd:?}: {stderr}");
        assert!(stderr.contains("timed out"), "{cmd:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{cmd:?}: {stderr}");
    }
    assert!(silent.count() >= 3);
}

/// Row 12: SIGTERM to a `dbiam sql` running `pg_sleep(60)` cancels the statement on
/// the server (as Ctrl-C does) and exits 143.
#[test]
fn row12_sigterm_cancels_the_running_statement_and_exits_143() {
    use common::pg::{pg_host, pg_port_str, psql_super, test_ca, unique};
    use std::process::{Command, Stdio};
    let Some(ca) = test_ca() else { return };
    let home = Home::new();
    let marker = unique("term");
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
        ])
        .args(["-d", "postgres", "--no-iam", "--sslrootcert", &ca])
        .args(["-c", &format!("select pg_sleep(60) as {marker}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let active = format!(
        "select count(*) from pg_stat_activity where query like '%as {marker}' \
         and state = 'active' and pid <> pg_backend_pid();"
    );
    let wait_for = |want: &str| {
        (0..300).any(|_| {
            let hit = psql_super("postgres", &active).trim() == want;
            if !hit {
                std::thread::sleep(Duration::from_millis(100));
            }
            hit
        })
    };
    assert!(wait_for("1"), "the statement never started");
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(child.id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    )
    .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(143), "{:?}: {stderr}", out.status);
    assert!(stderr.contains("cancelled"), "{stderr}");
    assert!(wait_for("0"), "the statement still runs on the server");
}

/// Row 15: with `--no-iam`, the password in the URL is sent (as libpq does), with no
/// PGPASSWORD and stdin not a terminal; a wrong URL password is rejected by the server;
/// with IAM a password in the URL is still refused (exit 2).
#[test]
fn row15_the_url_password_is_used_with_no_iam() {
    let Some(ca) = common::pg::test_ca() else {
        return;
    };
    let role = common::pg::Role::new("row15");
    common::pg::psql_super(
        "postgres",
        &format!("alter role {} password 'Url%pw1';", role.0),
    );
    let _hba = common::pg::HbaLine::password_for(&role.0);
    let home = Home::new();
    let url = |pw: &str| {
        format!(
            "postgres://{}:{pw}@{}:{}/postgres",
            role.0,
            common::pg_host(),
            common::pg_port_str()
        )
    };
    let sql = |url: String, iam: bool| {
        let mut c = home.dbiam();
        c.env_remove("PGPASSWORD").arg("sql").arg(url);
        if !iam {
            c.arg("--no-iam");
        }
        c.args([
            "--sslrootcert",
            &ca,
            "--output",
            "csv",
            "-c",
            "select current_user",
        ])
        .write_stdin("")
        .timeout(Duration::from_secs(60));
        c
    };
    // %25 is the URL's escape for '%': the password is decoded as libpq does.
    sql(url("Url%25pw1"), false)
        .assert()
        .success()
        .stdout(format!("current_user\n{}\n", role.0));
    let out = sql(url("wrong"), false).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("password"), "{stderr}");
    sql(url("Url%25pw1"), true)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("carries a password"));
}

/// Row 3: the timeout error names the endpoint, and `--aws-timeout` sets the bound by
/// flag (over DBIAM_AWS_TIMEOUT); a bad `--aws-connect-timeout` is a usage error.
#[test]
fn row3_the_aws_timeout_names_the_endpoint_and_has_a_flag() {
    let silent = Silent::start();
    let home = Home::new();
    let started = std::time::Instant::now();
    let out = home
        .dbiam_with_keys()
        .env("DBIAM_AWS_TIMEOUT", "600")
        .env("AWS_MAX_ATTEMPTS", "1")
        .args(["token", "--verify", "--endpoint-url", &silent.url()])
        .args(["--aws-timeout", "2", "--aws-connect-timeout", "2"])
        .args(["--hostname", "h.example.com", "--port", "5432"])
        .args(["--username", "u"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(started.elapsed() < Duration::from_secs(30), "{stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "the AWS endpoint {} did not answer in time",
            silent.url()
        )),
        "{stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    home.dbiam_with_keys()
        .args(["token", "--verify", "--aws-connect-timeout", "0"])
        .args(["--hostname", "h.example.com", "-U", "u"])
        .assert()
        .code(2);
}

/// Row 8: odd host names (a port inside the host, an unclosed IPv6 bracket, `-`, empty,
/// white space, a newline) are refused with exit 2 and a one-line error by `dbiam token`,
/// `dbiam targets add` and the resolver; nothing is written to the config file.
#[test]
fn row8_bad_host_names_are_refused_everywhere() {
    let home = Home::new();
    let config = home.path().join("dbiam.toml");
    let bad = [
        "host:5432",
        "[::1",
        "-",
        "",
        "a b",
        "a\nb",
        "h.example.com:",
    ];
    for host in bad {
        let out = home
            .dbiam_with_keys()
            .args([
                "token",
                &format!("--hostname={host}"),
                "--port",
                "5432",
                "--username",
                "u",
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "token {host:?}: {stderr}");
        assert!(out.stdout.is_empty(), "token {host:?} printed a token");
        assert!(stderr.contains("host"), "{stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{host:?}: {stderr}");

        let out = home
            .dbiam()
            .env("DBIAM_CONFIG", &config)
            .args(["targets", "add", "t", &format!("--host={host}"), "-U", "u"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "targets add {host:?}: {stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{host:?}: {stderr}");
        assert!(!config.exists(), "targets add {host:?} wrote the config");

        // The resolver (every database command) refuses it before any DNS lookup.
        if !host.is_empty() {
            let out = home
                .dbiam_with_keys()
                .args([
                    "sql",
                    &format!("--host={host}"),
                    "-U",
                    "u",
                    "-c",
                    "select 1",
                ])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "sql {host:?}: {stderr}");
        }
    }
    // A port in the host gets a hint naming --port.
    home.dbiam_with_keys()
        .args([
            "token",
            "--hostname",
            "db.example.com:5432",
            "--username",
            "u",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("put the port in --port"));
    // Good hosts still work: a DNS name, IPv4, IPv6 (bare as a flag, bracketed in a URL).
    for host in ["db.example.com", "127.0.0.1", "::1", "my_db-1.example.com."] {
        home.dbiam_with_keys()
            .args([
                "token",
                &format!("--hostname={host}"),
                "--username",
                "u",
                "--port",
                "5432",
            ])
            .assert()
            .success();
    }
    home.dbiam()
        .env("DBIAM_CONFIG", &config)
        .args(["targets", "add", "v6", "postgres://u@[::1]:5433/db"])
        .assert()
        .success();
    // A URL's host is checked too.
    home.dbiam()
        .env("DBIAM_CONFIG", &config)
        .args(["targets", "add", "bad", "postgres://u@a%20b:5432/db"])
        .assert()
        .code(2);
    // `targets add` refuses what using the target would refuse: --sslmode disable with IAM.
    let before = std::fs::read(&config).unwrap();
    home.dbiam()
        .env("DBIAM_CONFIG", &config)
        .args(["targets", "add", "plain", "-h", "db.example.com", "-U", "u"])
        .args(["--sslmode", "disable"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sslmode"));
    assert_eq!(std::fs::read(&config).unwrap(), before);
}

/// A fake PostgreSQL TLS endpoint (not a real server): accepts one connection, answers the
/// SSLRequest with `S`, completes TLS with `cert`/`key`, reads the startup message and
/// sends an ErrorResponse. Returns the child and its port.
fn row14_fake_tls_server(cert: &Path, key: &Path) -> (std::process::Child, u16) {
    use std::io::BufRead;
    let script = r#"
import socket, ssl, struct, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)
srv.settimeout(60)
print(srv.getsockname()[1], flush=True)
conn, _ = srv.accept()
conn.settimeout(30)
def read_n(s, n):
    b = b""
    while len(b) < n:
        c = s.recv(n - len(b))
        if not c:
            raise SystemExit(0)
        b += c
    return b
read_n(conn, 8)
conn.sendall(b"S")
try:
    t = ctx.wrap_socket(conn, server_side=True)
except Exception:
    raise SystemExit(0)
n = struct.unpack("!I", read_n(t, 4))[0]
read_n(t, n - 4)
body = b"SFATAL\0C28000\0Mfake server reached over TLS\0\0"
t.sendall(b"E" + struct.pack("!I", len(body) + 4) + body)
t.close()
"#;
    let mut child = std::process::Command::new("/usr/bin/python3")
        .args(["-c", script])
        .arg(cert)
        .arg(key)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, line.trim().parse().expect("port"))
}

fn row14_self_signed_ca(dir: &Path, name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let cert = dir.join(format!("{name}.crt"));
    let key = dir.join(format!("{name}.key"));
    let ok = std::process::Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .args([
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("openssl")
        .success();
    assert!(ok, "openssl req");
    (cert, key)
}

/// Row 14: a self-signed server certificate that is also a CA (openssl's default), given
/// itself with --sslrootcert, is accepted as libpq accepts it; another CA file is refused
/// with a plain-language error.
#[test]
fn row14_self_signed_ca_certificate_given_as_root_is_accepted() {
    let home = Home::new();
    let (cert, key) = row14_self_signed_ca(home.path(), "server");
    let (other, _) = row14_self_signed_ca(home.path(), "other");
    // The exact certificate is accepted; another CA file, or a host name the certificate
    // does not name (verify-full), is refused.
    for (root, host, accepted) in [
        (&cert, "127.0.0.1", true),
        (&other, "127.0.0.1", false),
        (&cert, "localhost", false),
    ] {
        let (mut child, port) = row14_fake_tls_server(&cert, &key);
        let out = home
            .dbiam()
            .args(["sql", "-h", host, "--hostaddr", "127.0.0.1"])
            .args(["-p", &port.to_string()])
            .args(["-U", "u", "-d", "d", "--no-iam", "--sslrootcert"])
            .arg(root)
            .args(["-c", "select 1"])
            .write_stdin("")
            .output()
            .unwrap();
        let _ = child.kill();
        let _ = child.wait();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{stderr}");
        assert!(!stderr.contains("CaUsedAsEndEntity"), "{stderr}");
        assert!(!stderr.contains("OtherError"), "{stderr}");
        if accepted {
            assert!(stderr.contains("fake server reached over TLS"), "{stderr}");
        } else {
            assert!(!stderr.contains("fake server reached"), "{stderr}");
            assert!(stderr.contains("certificate"), "{stderr}");
        }
    }
}
