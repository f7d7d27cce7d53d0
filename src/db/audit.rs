//! The audit tag: who connected, in the database's own logs. When dbiam logs in with
//! IAM it names itself and the IAM principal behind the token as the connection's
//! `application_name` (PostgreSQL, Redshift, DSQL) or `program_name` connection
//! attribute (MySQL): `dbiam/0.1.0 (assumed-role/db-admins/jane)`. The principal is one
//! already known without a call to AWS ([`crate::aws::Aws::known_arn`]); without one the
//! tag is `dbiam/0.1.0`. This file is the one place that builds it; the drivers,
//! `exec`/`env` ([`super::client_env`]) and the proxy read the result from
//! [`ConnParams::application_name`].

use super::ConnParams;

/// What dbiam's own connections call themselves when no tag or name applies.
pub const DEFAULT_NAME: &str = "dbiam";

/// The longest tag sent. PostgreSQL itself keeps the first 63 bytes of
/// `application_name` (NAMEDATALEN - 1); MySQL's `performance_schema` keeps 512 bytes of
/// connection attributes per session, all attributes together, so a long principal
/// (role and session names go up to 64 characters each) is cut here.
const MAX_LEN: usize = 200;

/// The principal part of an ARN: what follows the account
/// (`arn:aws:sts::123456789012:assumed-role/db-admins/jane` → `assumed-role/db-admins/jane`,
/// `arn:aws:iam::123456789012:user/alice` → `user/alice`). `None` when it is not an ARN.
pub fn principal(arn: &str) -> Option<&str> {
    let mut parts = arn.splitn(6, ':');
    if parts.next() != Some("arn") {
        return None;
    }
    parts.nth(4).filter(|p| !p.is_empty())
}

/// The tag for a principal ARN (or none): `dbiam/<version> (<principal>)`. Anything but
/// printable ASCII becomes `?` (as PostgreSQL does to `application_name`; IAM names are
/// ASCII), and the tag is cut to [`MAX_LEN`] bytes.
pub fn tag(arn: Option<&str>) -> String {
    let version = concat!("dbiam/", env!("CARGO_PKG_VERSION"));
    let Some(p) = arn.and_then(principal) else {
        return version.to_owned();
    };
    let clean: String = p
        .chars()
        .map(|c| {
            if c == ' ' || c.is_ascii_graphic() {
                c
            } else {
                '?'
            }
        })
        .collect();
    let mut t = format!("{version} ({clean})");
    t.truncate(MAX_LEN);
    t
}

impl ConnParams {
    /// After an IAM login: name the connection with the audit [`tag`] for `arn`, unless
    /// the tag is off (`--no-audit-tag`, `audit_tag = false`) or the user named it
    /// (`PGAPPNAME`, `?application_name=`), which wins as it does in psql.
    pub fn apply_audit_tag(&mut self, arn: Option<&str>) {
        if self.audit_tag && self.is_iam() && self.application_name.is_none() {
            self.application_name = Some(tag(arn));
        }
    }

    /// The name dbiam's own drivers give the connection: the audit tag or the user's
    /// name, else [`DEFAULT_NAME`].
    pub fn application_name_or_default(&self) -> &str {
        self.application_name.as_deref().unwrap_or(DEFAULT_NAME)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn principal_of_arns() {
        assert_eq!(
            principal("arn:aws:sts::123456789012:assumed-role/db-admins/jane"),
            Some("assumed-role/db-admins/jane")
        );
        assert_eq!(
            principal("arn:aws:iam::123456789012:user/alice"),
            Some("user/alice")
        );
        assert_eq!(principal("arn:aws:iam::123456789012:root"), Some("root"));
        assert_eq!(principal("arn:aws-cn:iam::1:user/a:b"), Some("user/a:b"));
        assert_eq!(principal("not-an-arn"), None);
        assert_eq!(principal("arn:aws:iam::1:"), None);
    }

    #[test]
    fn tags() {
        let v = env!("CARGO_PKG_VERSION");
        assert_eq!(tag(None), format!("dbiam/{v}"));
        assert_eq!(tag(Some("garbage")), format!("dbiam/{v}"));
        assert_eq!(
            tag(Some(
                "arn:aws:sts::123456789012:assumed-role/db-admins/jane"
            )),
            format!("dbiam/{v} (assumed-role/db-admins/jane)")
        );
        let t = tag(Some("arn:aws:iam::1:user/a\nb\u{7}c"));
        assert_eq!(t, format!("dbiam/{v} (user/a?b?c)"));
        assert_eq!(
            tag(Some("arn:aws:sts::1:assumed-role/r/é")),
            format!("dbiam/{v} (assumed-role/r/?)")
        );
        let long = tag(Some(&format!(
            "arn:aws:sts::1:assumed-role/{}",
            "r".repeat(300)
        )));
        assert_eq!(long.len(), MAX_LEN, "{long}");
        assert!(long.starts_with(&format!("dbiam/{v} (assumed-role/rrr")));
    }
}
