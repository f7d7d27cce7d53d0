//! Allowed AWS accounts (`--allowed-accounts`, `DBIAM_ALLOWED_ACCOUNTS`): parsing the
//! list and refusing credentials of any other account (exit 5).

use crate::error::{Error, Kind, Result};

/// Parse a comma- or space-separated list of 12-digit account ids. An empty or blank
/// list means "no restriction".
pub fn parse(list: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for id in list
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        if id.len() != 12 || !id.chars().all(|c| c.is_ascii_digit()) {
            return Err(
                Error::usage(format!("bad account id '{id}' in the allowed accounts"))
                    .with_hint("give 12-digit AWS account ids separated by commas"),
            );
        }
        if !out.iter().any(|a| a == id) {
            out.push(id.to_owned());
        }
    }
    Ok(out)
}

/// Refuse `account` unless `allowed` is empty (no restriction) or lists it.
pub fn check(account: &str, allowed: &[String]) -> Result<()> {
    if allowed.is_empty() || allowed.iter().any(|a| a == account) {
        return Ok(());
    }
    Err(Error::new(
        Kind::AccountNotAllowed,
        format!(
            "the credentials belong to AWS account {account}, which is not allowed (allowed: {})",
            allowed.join(", ")
        ),
    )
    .with_hint("use credentials of an allowed account, or change --allowed-accounts / DBIAM_ALLOWED_ACCOUNTS"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lists() {
        assert!(parse("").unwrap().is_empty());
        assert!(parse(" , ").unwrap().is_empty());
        assert_eq!(
            parse("111122223333, 444455556666,111122223333").unwrap(),
            ["111122223333", "444455556666"]
        );
        for bad in ["12345678901", "1111222233334", "11112222333x", "all"] {
            assert_eq!(parse(bad).unwrap_err().exit_code().code(), 2, "{bad}");
        }
    }

    #[test]
    fn checks_membership() {
        let allowed = parse("111122223333,444455556666").unwrap();
        assert!(check("444455556666", &allowed).is_ok());
        assert!(check("123456789012", &[]).is_ok());
        let e = check("123456789012", &allowed).unwrap_err();
        assert_eq!(e.exit_code().code(), 5);
        assert!(e.to_string().contains("123456789012"));
    }
}
