//! `dbiam connect` on a real pseudo-terminal, driven by tests/support/pty_expect.py:
//! the steps (type a line, wait for text, run a second client) and the shell runner.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

use super::{python, Home};

/// Type a line and press Enter.
pub fn send(line: &str) -> Value {
    json!({ "send": format!("{line}\r") })
}

/// Wait for text on the terminal.
pub fn expect(text: &str) -> Value {
    json!({ "expect": text })
}

/// The prompt after a command's output (never echoed while typing a command, because
/// tests always wait for some output first).
pub fn prompt() -> Value {
    expect("=> ")
}

/// `\echo` a marker that is only on the terminal once the shell has run it (the typed
/// text writes the dash as `\x2d`), then wait for the prompt: for commands that print nothing.
pub fn sync(n: u32) -> Vec<Value> {
    vec![
        send(&format!("\\echo 'sync\\x2d{n}'")),
        expect(&format!("sync-{n}")),
        prompt(),
    ]
}

/// Remove terminal escape sequences and carriage returns.
pub fn plain(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    while let Some(&n) = chars.peek() {
                        chars.next();
                        if n.is_ascii_alphabetic() || n == '~' {
                            break;
                        }
                    }
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Run `dbiam connect ARGS` on a pty through `steps`; (exit code, plain terminal text).
pub fn shell(
    home: &Home,
    env: &[(&str, String)],
    args: &[&str],
    steps: Vec<Value>,
) -> Option<(i32, String)> {
    let py = python()?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/pty_expect.py");
    let out = Command::new(py)
        .arg(script)
        .arg(Value::Array(steps).to_string())
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_dbiam"))
        .arg("connect")
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("XDG_STATE_HOME", home.path().join(".local/state"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("TERM", "xterm")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .expect("python");
    let text = plain(&String::from_utf8_lossy(&out.stdout));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("pty_expect:"),
        "{stderr}\n--- terminal ---\n{text}"
    );
    Some((out.status.code().unwrap_or(-1), text))
}
