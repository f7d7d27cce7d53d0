//! Keys typed in by the user (`dbiam login --keys` / `--keys-from-stdin`) and the
//! other login inputs: their validation (one-line usage errors, exit 2) and parsing.
//! Values are checked before any network call; secrets stay in [`Secret`]s.

use std::io::BufRead;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// Access keys as typed in.
#[derive(Debug, Clone)]
pub struct TypedKeys {
    /// Access key id.
    pub access_key_id: String,
    /// Secret access key.
    pub secret_access_key: Secret,
    /// Session token: given means temporary keys.
    pub session_token: Option<Secret>,
}

/// Check an access key id: `AKIA`/`ASIA` (in any case) must be followed by 16 upper-case
/// letters or digits, other ids be 16–128 word characters (the length and pattern AWS
/// documents).
pub fn validate_access_key_id(id: &str) -> Result<()> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let prefix = id.get(..4).map(str::to_ascii_uppercase);
    let ok = if matches!(prefix.as_deref(), Some("AKIA" | "ASIA")) {
        id.len() == 20
            && id
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    } else {
        (16..=128).contains(&id.len()) && id.chars().all(word)
    };
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "malformed access key id ({} characters)",
            id.chars().count()
        ))
        .with_hint("an access key id looks like AKIA followed by 16 upper-case letters or digits"))
    }
}

/// Check and assemble typed keys.
pub fn validate(id: &str, secret: &str, token: Option<&str>) -> Result<TypedKeys> {
    let id = id.trim();
    validate_access_key_id(id)?;
    let secret = secret.trim();
    if secret.is_empty() {
        return Err(Error::usage("the secret access key is empty"));
    }
    if secret.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::usage("the secret access key contains white space"));
    }
    let token = token.map(str::trim).filter(|t| !t.is_empty());
    if let Some(t) = token {
        if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::usage("the session token contains white space"));
        }
    }
    if id.starts_with("AKIA") && token.is_some() {
        return Err(
            Error::usage("AKIA… access keys are long-term and take no session token").with_hint(
                "temporary keys start with ASIA; for long-term keys leave the token empty",
            ),
        );
    }
    if id.starts_with("ASIA") && token.is_none() {
        return Err(
            Error::usage("ASIA… access keys are temporary and need their session token")
                .with_hint("give the session token after the secret key"),
        );
    }
    Ok(TypedKeys {
        access_key_id: id.to_owned(),
        secret_access_key: Secret::new(secret),
        session_token: token.map(Secret::new),
    })
}

/// Read keys from a reader: access key id, secret access key and an optional session
/// token, one per line.
pub fn read_from(reader: &mut impl BufRead) -> Result<TypedKeys> {
    let mut lines: Vec<String> = Vec::new();
    for _ in 0..3 {
        let mut l = String::new();
        let n = reader
            .read_line(&mut l)
            .map_err(|e| Error::input("cannot read keys from stdin", e))?;
        if n == 0 {
            break;
        }
        lines.push(l);
    }
    let mut extra = String::new();
    if reader.read_line(&mut extra).unwrap_or(0) > 0 && !extra.trim().is_empty() {
        return Err(Error::usage("too many lines on stdin").with_hint(
            "give the access key id, the secret access key and an optional session token, one per line",
        ));
    }
    match lines.as_slice() {
        [] => Err(Error::usage("no access key id on stdin").with_hint(
            "give the access key id, the secret access key and an optional session token, one per line",
        )),
        [_] => Err(Error::usage("the secret access key is empty")
            .with_hint("give the secret access key on the second line of stdin")),
        [id, secret] => validate(id, secret, None),
        [id, secret, token, ..] => validate(id, secret, Some(token)),
    }
}

/// Check an MFA code: exactly six digits.
pub fn validate_mfa_code(code: &str) -> Result<String> {
    let code = code.trim();
    if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        Ok(code.to_owned())
    } else {
        Err(Error::usage("the MFA code must be 6 digits")
            .with_hint("type the current code from your MFA device"))
    }
}

/// Parse a lifetime: seconds, or a number with `s`, `m` or `h` (`3600`, `90m`, `12h`).
pub fn parse_duration(s: &str) -> Result<u32> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, 's')) => (&s[..i], 1),
        Some((i, 'm')) => (&s[..i], 60),
        Some((i, 'h')) => (&s[..i], 3600),
        _ => (s, 1),
    };
    num.parse::<u32>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| {
            Error::usage(format!("bad duration '{s}'"))
                .with_hint("give seconds or a number with s, m or h, e.g. 3600 or 12h")
        })
}

/// Check a lifetime against what STS allows for the call.
pub fn check_duration(secs: u32, min: u32, max: u32, call: &str) -> Result<()> {
    if (min..=max).contains(&secs) {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "--duration {secs}s is outside what STS {call} allows ({min}-{max} seconds)"
        )))
    }
}

/// Parse `--expires-at` for typed temporary keys: RFC 3339, in the future, and no more
/// than 36 hours ahead (the longest lifetime STS gives temporary credentials).
pub fn parse_expiry(s: &str, now: OffsetDateTime) -> Result<OffsetDateTime> {
    let t = OffsetDateTime::parse(s.trim(), &Rfc3339).map_err(|_| {
        Error::usage(format!("bad expiry time '{}'", s.trim()))
            .with_hint("give it in RFC 3339, e.g. 2026-01-01T12:00:00Z")
    })?;
    if t <= now {
        return Err(
            Error::credentials("these temporary keys have already expired")
                .with_hint("get fresh temporary keys"),
        );
    }
    if t - now > time::Duration::hours(36) {
        return Err(Error::usage(
            "the expiry is more than 36 hours ahead, longer than STS issues temporary keys for",
        ));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_key_ids() {
        assert!(validate_access_key_id("AKIAIOSFODNN7EXAMPLE").is_ok());
        assert!(validate_access_key_id("ASIAIOSFODNN7EXAMPL1").is_ok());
        assert!(validate_access_key_id("someothersixteen_chars").is_ok());
        for bad in [
            "",
            "AKIA123",
            "akiaiosfodnn7example",
            "AKIAIOSFODNN7EXAMPLEX",
            "AKIAiosfodnn7EXAMPLE",
            "short",
            "has space in it 0123",
            "dash-is-not-a-word-char",
        ] {
            assert!(validate_access_key_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_two_or_three_lines() {
        let k = read_from(&mut "AKIAIOSFODNN7EXAMPLE\nsecret/Key+1\n".as_bytes()).unwrap();
        assert_eq!(k.access_key_id, "AKIAIOSFODNN7EXAMPLE");
        assert_eq!(k.secret_access_key.expose(), "secret/Key+1");
        assert!(k.session_token.is_none());
        let k =
            read_from(&mut "ASIAIOSFODNN7EXAMPL1\r\nsecret\r\ntoken+/=\r\n".as_bytes()).unwrap();
        assert_eq!(k.session_token.unwrap().expose(), "token+/=");
        // An empty third line means no token.
        let k = read_from(&mut "AKIAIOSFODNN7EXAMPLE\nsecret\n\n".as_bytes()).unwrap();
        assert!(k.session_token.is_none());
    }

    #[test]
    fn bad_stdin_is_a_usage_error() {
        for input in [
            "",
            "AKIAIOSFODNN7EXAMPLE\n",
            "AKIAIOSFODNN7EXAMPLE\n\n",
            "AKIAIOSFODNN7EXAMPLE\n  \n",
            "bad\nsecret\n",
            "ASIAIOSFODNN7EXAMPL1\nsecret\n",
            "AKIAIOSFODNN7EXAMPLE\nsecret\ntoken\n",
            "ASIAIOSFODNN7EXAMPL1\nsecret\ntoken\nextra\n",
        ] {
            let e = read_from(&mut input.as_bytes()).unwrap_err();
            assert_eq!(e.exit_code().code(), 2, "{input:?}: {e}");
            assert!(!e.to_string().contains('\n'));
        }
    }

    #[test]
    fn mfa_codes() {
        assert_eq!(validate_mfa_code(" 123456 ").unwrap(), "123456");
        for bad in ["", "12345", "1234567", "12345a", "１２３４５６"] {
            assert!(validate_mfa_code(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("3600").unwrap(), 3600);
        assert_eq!(parse_duration("90m").unwrap(), 5400);
        assert_eq!(parse_duration("12h").unwrap(), 43200);
        assert_eq!(parse_duration("15s").unwrap(), 15);
        for bad in ["", "h", "-1", "1.5h", "1d", "99999999999h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert!(check_duration(900, 900, 3600, "X").is_ok());
        assert!(check_duration(899, 900, 3600, "X").is_err());
    }

    #[test]
    fn expiry() {
        let now = time::macros::datetime!(2026-01-01 00:00 UTC);
        assert!(parse_expiry("2026-01-01T01:00:00Z", now).is_ok());
        assert_eq!(
            parse_expiry("2025-12-31T23:00:00Z", now)
                .unwrap_err()
                .exit_code()
                .code(),
            4
        );
        assert!(parse_expiry("2026-01-03T00:00:00Z", now).is_err());
        assert!(parse_expiry("tomorrow", now).is_err());
    }
}
