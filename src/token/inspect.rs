//! Decode an RDS or DSQL token back into what was signed, for `dbiam token inspect`.
//!
//! The signature and the session token are never returned: only whether a session
//! token is present.

use time::OffsetDateTime;

use super::sign::{decode, parse_signing_time};
use crate::error::{Error, Result};

/// What a token says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// `rds` or `dsql`.
    pub kind: &'static str,
    /// Database host name.
    pub host: String,
    /// Port (RDS tokens only).
    pub port: Option<u16>,
    /// Database user (RDS tokens only).
    pub user: Option<String>,
    /// AWS region from the credential scope.
    pub region: String,
    /// Signing service (`rds-db` or `dsql`).
    pub service: String,
    /// `connect`, `DbConnect` or `DbConnectAdmin`.
    pub action: String,
    /// Access key id of the signer.
    pub access_key_id: String,
    /// When it was signed.
    pub signed_at: OffsetDateTime,
    /// When it expires.
    pub expires_at: OffsetDateTime,
    /// Whether temporary credentials (a session token) signed it.
    pub has_session_token: bool,
}

fn not_a_token(why: &str) -> Error {
    Error::usage(format!("not an RDS or DSQL IAM token: {why}"))
        .with_hint("pass the token exactly as `dbiam token` printed it, or - to read it from stdin")
}

/// Decode a token. Errors are usage errors (exit 2): "this is not a token".
pub fn inspect(token: &str) -> Result<TokenInfo> {
    let token = token.trim();
    let (authority, query) = token
        .split_once("/?")
        .ok_or_else(|| not_a_token("no '/?' after the host"))?;
    if authority.is_empty() {
        return Err(not_a_token("no host"));
    }
    let mut params: Vec<(String, String)> = Vec::new();
    for pair in query.split('&') {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| not_a_token("a query parameter without '='"))?;
        let v = decode(v).ok_or_else(|| not_a_token("a badly encoded query parameter"))?;
        params.push((k.to_owned(), v));
    }
    let get = |name: &str| {
        params
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let need = |name: &str| get(name).ok_or_else(|| not_a_token(&format!("no {name}")));

    if need("X-Amz-Algorithm")? != "AWS4-HMAC-SHA256" {
        return Err(not_a_token("not signed with AWS4-HMAC-SHA256"));
    }
    let signature = need("X-Amz-Signature")?;
    if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_a_token("the signature is not 64 hex digits"));
    }
    let credential: Vec<&str> = need("X-Amz-Credential")?.split('/').collect();
    if credential.len() != 5 || credential[4] != "aws4_request" {
        return Err(not_a_token("a malformed X-Amz-Credential"));
    }
    let service = credential[3].to_owned();
    let action = need("Action")?.to_owned();
    let signed_at = parse_signing_time(need("X-Amz-Date")?)
        .map_err(|_| not_a_token("a malformed X-Amz-Date"))?;
    // SigV4 presigned URLs live at most 7 days (604,800 seconds).
    let expires: i64 = need("X-Amz-Expires")?
        .parse()
        .ok()
        .filter(|e| (0..=604_800).contains(e))
        .ok_or_else(|| not_a_token("X-Amz-Expires is not 0 to 604800 seconds"))?;

    let (kind, host, port, user) = match (service.as_str(), action.as_str()) {
        ("rds-db", "connect") => {
            let (host, port) = authority
                .rsplit_once(':')
                .ok_or_else(|| not_a_token("no port after the host"))?;
            let port: u16 = port
                .parse()
                .map_err(|_| not_a_token("the port is not a number"))?;
            let user = need("DBUser")?.to_owned();
            ("rds", host.to_owned(), Some(port), Some(user))
        }
        ("dsql", "DbConnect" | "DbConnectAdmin") => ("dsql", authority.to_owned(), None, None),
        _ => return Err(not_a_token("unknown service or action")),
    };

    Ok(TokenInfo {
        kind,
        host,
        port,
        user,
        region: credential[2].to_owned(),
        service,
        action,
        access_key_id: credential[0].to_owned(),
        signed_at,
        expires_at: signed_at + time::Duration::seconds(expires),
        has_session_token: get("X-Amz-Security-Token").is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;
    use crate::token::sign::{dsql_token, rds_token, DsqlAction, SigningKeys};

    fn keys() -> SigningKeys {
        SigningKeys {
            access_key_id: "ASIAEXAMPLE".into(),
            secret_access_key: Secret::new("secret"),
            session_token: Some(Secret::new("tok/+=")),
        }
    }

    #[test]
    fn round_trips_rds() {
        let at = parse_signing_time("20241015T120000Z").unwrap();
        let t = rds_token("h.example.com", 3306, "ü ser&x", "eu-west-1", &keys(), at).unwrap();
        let info = inspect(t.value.expose()).unwrap();
        assert_eq!(info.kind, "rds");
        assert_eq!(info.host, "h.example.com");
        assert_eq!(info.port, Some(3306));
        assert_eq!(info.user.as_deref(), Some("ü ser&x"));
        assert_eq!(info.region, "eu-west-1");
        assert_eq!(info.access_key_id, "ASIAEXAMPLE");
        assert_eq!(info.expires_at, t.expires_at());
        assert!(info.has_session_token);
    }

    #[test]
    fn round_trips_dsql() {
        let at = parse_signing_time("20241015T120000Z").unwrap();
        let t = dsql_token(
            "c.dsql.us-east-1.on.aws",
            "us-east-1",
            DsqlAction::ConnectAdmin,
            3600,
            &keys(),
            at,
        )
        .unwrap();
        let info = inspect(t.value.expose()).unwrap();
        assert_eq!(info.kind, "dsql");
        assert_eq!(info.action, "DbConnectAdmin");
        assert_eq!(info.port, None);
        assert_eq!(info.expires_at - info.signed_at, time::Duration::hours(1));
    }

    #[test]
    fn rejects_non_tokens() {
        for s in [
            "",
            "hello",
            "h:1/?a=b",
            "h:1/?Action=connect&X-Amz-Algorithm=AWS4-HMAC-SHA256",
        ] {
            let e = inspect(s).unwrap_err();
            assert_eq!(e.exit_code().code(), 2, "{s}");
        }
    }
}
