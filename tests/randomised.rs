//! Randomised tests: thousands of random and mutated IAM tokens for `token inspect`, and
//! random scripts (quotes, dollar quotes, comments, backslashes, semicolons, COPY data,
//! DELIMITER) for the statement splitter in both dialects. Nothing may panic, every
//! refusal is a usage error, and the splitter fed random chunks gives exactly what it
//! gives fed whole.
//!
//! The generator is seeded: the seed is printed, and `DBIAM_TEST_SEED=N` replays a run
//! (`DBIAM_TEST_CASES=N` changes the number of cases, 4,000 per test by default).

use dbiam::error::ExitCode;
use dbiam::secret::Secret;
use dbiam::sql::split::{Dialect, Piece, Splitter};
use dbiam::token::{self, DsqlAction, SigningKeys};

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn seeded(test: &str) -> Self {
        let seed = std::env::var("DBIAM_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0x00D8_1A11_5EED_u64);
        eprintln!("{test}: seed {seed} (replay with DBIAM_TEST_SEED={seed})");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn cases() -> usize {
    std::env::var("DBIAM_TEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4000)
}

fn keys(session: bool) -> SigningKeys {
    SigningKeys {
        access_key_id: "ASIAIOSFODNN7EXAMPLE".into(),
        secret_access_key: Secret::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        session_token: session.then(|| Secret::new("IQoJb3JpZ2luX2VjEXAMPLE+/=%&")),
    }
}

/// Pieces an attacker or a corrupted copy-paste would put into a token.
const TOKEN_BITS: &[&str] = &[
    "%",
    "%Z",
    "%ZZ",
    "%00",
    "%0A",
    "%FF",
    "%C3%28",
    "&",
    "=",
    "&&",
    "==",
    "/?",
    "?",
    "/",
    ":",
    ":0",
    ":65536",
    ":-1",
    "X-Amz-Expires=9223372036854775807",
    "X-Amz-Expires=-9223372036854775808",
    "X-Amz-Expires=604801",
    "X-Amz-Date=99991231T235959Z",
    "X-Amz-Date=00000101T000000Z",
    "X-Amz-Date=2024",
    "X-Amz-Credential=a/b/c/d/aws4_request",
    "X-Amz-Credential=////",
    "X-Amz-Algorithm=AWS4-HMAC-SHA256",
    "Action=connect",
    "Action=DbConnectAdmin",
    "DBUser=",
    "X-Amz-Signature=",
    "ü",
    "\u{0}",
    "\n",
    " ",
    "\u{202e}",
    "9999999999999999999999",
];

fn mutate(rng: &mut Rng, token: &str) -> String {
    let mut t: Vec<char> = token.chars().collect();
    for _ in 0..=rng.below(4) {
        match rng.below(7) {
            0 if !t.is_empty() => {
                let i = rng.below(t.len());
                t.remove(i);
            }
            1 => {
                let i = rng.below(t.len() + 1);
                let bit: Vec<char> = rng.pick(TOKEN_BITS).chars().collect();
                t.splice(i..i, bit);
            }
            2 if !t.is_empty() => {
                let i = rng.below(t.len());
                t.truncate(i);
            }
            3 if !t.is_empty() => {
                let i = rng.below(t.len());
                t[i] = char::from(b' ' + rng.below(95) as u8);
            }
            4 => {
                // Replace one parameter's value with something hostile.
                let s: String = t.iter().collect();
                let parts: Vec<&str> = s.split('&').collect();
                let i = rng.below(parts.len());
                let key = parts[i].split('=').next().unwrap_or("");
                let value = rng.pick(TOKEN_BITS).to_owned();
                let mut v: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
                v[i] = format!("{key}={value}");
                t = v.join("&").chars().collect();
            }
            5 => {
                // Duplicate a parameter.
                let s: String = t.iter().collect();
                let parts: Vec<&str> = s.split('&').collect();
                let extra = parts[rng.below(parts.len())].to_owned();
                t = format!("{s}&{extra}").chars().collect();
            }
            _ => {
                let s: String = t.iter().collect();
                t = s
                    .replacen(":", rng.pick::<&str>(&[":", "::", ":5432:5432", ""]), 1)
                    .chars()
                    .collect();
            }
        }
    }
    t.into_iter().collect()
}

fn random_text(rng: &mut Rng) -> String {
    (0..rng.below(200))
        .map(|_| *rng.pick(TOKEN_BITS))
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn token_inspect_never_panics_on_random_and_mutated_tokens() {
    let mut rng = Rng::seeded("token inspect");
    let at = token::parse_signing_time("2026-01-01T00:00:00Z").unwrap();
    let mut originals = Vec::new();
    for session in [false, true] {
        let k = keys(session);
        originals.push(
            token::rds_token("db.example.com", 5432, "app user&ü", "us-east-1", &k, at)
                .unwrap()
                .value
                .expose()
                .to_owned(),
        );
        for action in [DsqlAction::Connect, DsqlAction::ConnectAdmin] {
            originals.push(
                token::dsql_token(
                    "abc.dsql.us-east-1.on.aws",
                    "us-east-1",
                    action,
                    900,
                    &k,
                    at,
                )
                .unwrap()
                .value
                .expose()
                .to_owned(),
            );
        }
    }
    for t in &originals {
        token::inspect(t).expect("an untouched token inspects");
    }
    let (mut ok, mut refused) = (0, 0);
    for case in 0..cases() {
        let input = if case % 5 == 4 {
            random_text(&mut rng)
        } else {
            let original = rng.pick(&originals).clone();
            mutate(&mut rng, &original)
        };
        match token::inspect(&input) {
            Ok(info) => {
                ok += 1;
                assert!(info.expires_at >= info.signed_at, "case {case}: {input:?}");
            }
            Err(e) => {
                refused += 1;
                assert_eq!(
                    e.exit_code(),
                    ExitCode::Usage,
                    "case {case}: {input:?}: {e}"
                );
                assert!(!e.to_string().contains('\n'), "case {case}: {e}");
            }
        }
    }
    eprintln!("token inspect: {ok} accepted, {refused} refused");
    assert!(ok > 0 && refused > 0);
}

/// Pieces of scripts in each dialect, chosen to straddle every token boundary.
const PG_BITS: &[&str] = &[
    "select 1",
    ";",
    " ",
    "\n",
    "\r\n",
    "'it''s;'",
    "E'a\\'b;'",
    "'\\'",
    "\"id;\"",
    "$$ x; $$",
    "$tag$ ; $ta $tag$",
    "$1",
    "$",
    "-- c; ",
    "--",
    "-",
    "/* a /* b */ ; */",
    "/*",
    "*/",
    "(",
    ")",
    "\\set x 'v;'\n",
    "\\set y 1\n",
    ":x",
    ":'x'",
    ":\"x\"",
    ":{?x}",
    "::int",
    ":",
    "\\;",
    "\\:",
    "\\\\",
    "\\q\n",
    "\\g\n",
    "\\gx\n",
    "\\r\n",
    "\\echo a; b\n",
    "COPY t FROM STDIN;\n1\t2\n\\.\n",
    "copy t (a) from stdin; select 2;\nab;cd\n",
    "\\.\n",
    "create function f() returns int begin atomic select 1; end;",
    "begin atomic",
    "end",
    "case",
    "é",
    "ü",
    "'",
    "\"",
    "E'",
    "x",
];

const MY_BITS: &[&str] = &[
    "select 1",
    ";",
    " ",
    "\n",
    "\r\n",
    "'it''s;'",
    "'a\\';b'",
    "\"q;\\\"\"",
    "`a;b`",
    "`",
    "# c; \n",
    "#",
    "-- c;\n",
    "--x",
    "-",
    "/* ; */",
    "/*! select 2; */",
    "/*M! ; */",
    "/*",
    "*/",
    "DELIMITER //\n",
    "delimiter ;\n",
    "//",
    "$$",
    "USE db\n",
    "use x;",
    "\\g",
    "\\G",
    "\\c",
    "\\",
    "'",
    "\"",
    "é",
    "x",
];

fn random_script(rng: &mut Rng, bits: &[&str]) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(60) {
        s.push_str(rng.pick::<&str>(bits));
    }
    s
}

/// Consecutive CopyData pieces joined (how data lines are grouped may follow the chunks).
fn normalise(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for p in pieces {
        match (out.last_mut(), p) {
            (Some(Piece::CopyData { data }), Piece::CopyData { data: more }) => {
                data.push_str(&more)
            }
            (_, p) => out.push(p),
        }
    }
    out
}

fn split_whole(text: &str, dialect: Dialect) -> Vec<Piece> {
    let mut s = Splitter::new(dialect);
    let mut out = s.push(text);
    out.extend(s.finish_all());
    normalise(out)
}

fn split_chunked(rng: &mut Rng, text: &str, dialect: Dialect) -> Vec<Piece> {
    let mut s = Splitter::new(dialect);
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // 1 to 12 characters, or a line, or all of it.
        let n = match rng.below(10) {
            0 => rest.len(),
            1 => rest.find('\n').map_or(rest.len(), |i| i + 1),
            _ => {
                let chars = 1 + rng.below(12);
                rest.char_indices()
                    .nth(chars)
                    .map_or(rest.len(), |(i, _)| i)
            }
        };
        let (chunk, tail) = rest.split_at(n);
        out.extend(s.push(chunk));
        rest = tail;
    }
    out.extend(s.finish_all());
    normalise(out)
}

#[test]
fn the_splitter_gives_the_same_pieces_fed_in_random_chunks_as_fed_whole() {
    let mut rng = Rng::seeded("splitter");
    let mut pieces = 0;
    for case in 0..cases() {
        let (dialect, bits) = if case % 2 == 0 {
            (Dialect::Postgres, PG_BITS)
        } else {
            (Dialect::MySql, MY_BITS)
        };
        let script = random_script(&mut rng, bits);
        let whole = split_whole(&script, dialect);
        let chunked = split_chunked(&mut rng, &script, dialect);
        assert_eq!(
            whole, chunked,
            "case {case} ({dialect:?}): the chunked pieces differ for {script:?}"
        );
        pieces += whole.len();
    }
    eprintln!("splitter: {} scripts, {pieces} pieces", cases());
    assert!(pieces > cases());
}
