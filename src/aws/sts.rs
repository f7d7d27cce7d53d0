//! STS calls that turn credentials into temporary ones: GetSessionToken (optionally
//! with MFA) and AssumeRole. Both go through [`Aws::sdk_config`], so endpoint
//! overrides apply.

use time::OffsetDateTime;

use super::{sdk_error, Aws, Credentials, Source};
use crate::error::{Error, Result};
use crate::secret::Secret;

/// An AssumeRole request.
#[derive(Debug, Clone, Default)]
pub struct RoleRequest {
    /// The role's ARN.
    pub role_arn: String,
    /// External id the role's trust policy asks for.
    pub external_id: Option<String>,
    /// Session name (shows in CloudTrail and the assumed-role ARN).
    pub session_name: String,
    /// Lifetime in seconds.
    pub duration: u32,
    /// MFA device serial number and the current code.
    pub mfa: Option<(String, String)>,
}

fn from_sts(c: &aws_sdk_sts::types::Credentials, what: &str) -> Result<Credentials> {
    let expires_at = OffsetDateTime::from_unix_timestamp(c.expiration().secs())
        .map_err(|_| Error::failure(format!("{what}: STS returned a bad expiry time")))?;
    if c.access_key_id().is_empty() || c.session_token().is_empty() {
        return Err(Error::failure(format!(
            "{what}: STS returned incomplete credentials"
        )));
    }
    Ok(Credentials {
        access_key_id: c.access_key_id().to_owned(),
        secret_access_key: Secret::new(c.secret_access_key()),
        session_token: Some(Secret::new(c.session_token())),
        expires_at: Some(expires_at),
        source: Source::Sts,
        account: None,
        arn: None,
    })
}

impl Aws {
    /// STS GetSessionToken with these (long-term) credentials.
    pub async fn get_session_token(
        &self,
        region: &str,
        duration: u32,
        mfa: Option<(&str, &str)>,
    ) -> Result<Credentials> {
        let conf = self.sdk_config(region).await?;
        let mut req = aws_sdk_sts::Client::new(&conf)
            .get_session_token()
            .duration_seconds(i32::try_from(duration).unwrap_or(i32::MAX));
        if let Some((serial, code)) = mfa {
            req = req.serial_number(serial).token_code(code);
        }
        crate::debug!(
            "STS GetSessionToken for {duration}s in {region} (MFA: {})",
            mfa.is_some()
        );
        let out = req
            .send()
            .await
            .map_err(|e| sdk_error("STS GetSessionToken", e))?;
        let c = out.credentials().ok_or_else(|| {
            Error::failure("STS GetSessionToken: the answer holds no credentials")
        })?;
        from_sts(c, "STS GetSessionToken")
    }

    /// STS AssumeRole with these credentials.
    pub async fn assume_role(&self, region: &str, r: &RoleRequest) -> Result<Credentials> {
        let conf = self.sdk_config(region).await?;
        let mut req = aws_sdk_sts::Client::new(&conf)
            .assume_role()
            .role_arn(&r.role_arn)
            .role_session_name(&r.session_name)
            .duration_seconds(i32::try_from(r.duration).unwrap_or(i32::MAX));
        if let Some(id) = &r.external_id {
            req = req.external_id(id);
        }
        if let Some((serial, code)) = &r.mfa {
            req = req.serial_number(serial).token_code(code);
        }
        crate::debug!(
            "STS AssumeRole {} as '{}' for {}s in {region} (MFA: {})",
            r.role_arn,
            r.session_name,
            r.duration,
            r.mfa.is_some()
        );
        let out = req
            .send()
            .await
            .map_err(|e| sdk_error("STS AssumeRole", e))?;
        let c = out
            .credentials()
            .ok_or_else(|| Error::failure("STS AssumeRole: the answer holds no credentials"))?;
        let mut creds = from_sts(c, "STS AssumeRole")?;
        // The answer names the assumed-role ARN: the principal is known without asking.
        creds.arn = out
            .assumed_role_user()
            .map(|u| u.arn().to_owned())
            .filter(|a| !a.is_empty());
        Ok(creds)
    }
}

/// Check a role ARN (`arn:<partition>:iam::<12 digits>:role/<path/name>`).
pub fn validate_role_arn(arn: &str) -> Result<()> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "iam"
        && parts[3].is_empty()
        && parts[4].len() == 12
        && parts[4].chars().all(|c| c.is_ascii_digit())
        && parts[5]
            .strip_prefix("role/")
            .is_some_and(|n| !n.is_empty());
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!("bad role ARN '{arn}'"))
            .with_hint("give it as arn:aws:iam::123456789012:role/NAME"))
    }
}

/// Check a role session name: 2–64 of `\w+=,.@-`.
pub fn validate_role_session_name(name: &str) -> Result<()> {
    let ok = (2..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!("bad role session name '{name}'"))
            .with_hint("use 2-64 letters, digits or _+=,.@-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_arns() {
        assert!(validate_role_arn("arn:aws:iam::123456789012:role/db-admin").is_ok());
        assert!(validate_role_arn("arn:aws-cn:iam::123456789012:role/path/x").is_ok());
        for bad in [
            "",
            "db-admin",
            "arn:aws:iam::12345:role/x",
            "arn:aws:iam::123456789012:user/x",
            "arn:aws:iam::123456789012:role/",
            "arn:aws:sts::123456789012:role/x",
        ] {
            assert!(validate_role_arn(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn role_session_names() {
        assert!(validate_role_session_name("dbiam-jane@example.com").is_ok());
        assert!(validate_role_session_name("x").is_err());
        assert!(validate_role_session_name("has space").is_err());
    }
}
