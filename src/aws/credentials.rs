//! The credential chain: which source gave the keys, and a clear error naming every
//! source tried when none did.
//!
//! Order (as the AWS CLI, plus dbiam's session cache): `--profile` alone when given;
//! otherwise environment keys, then the live `dbiam login` session (`DBIAM_SESSION` or
//! `default`; an expired one is an error, not skipped), the shared config/credentials profile (`AWS_PROFILE` or `default`, with SSO,
//! assume-role, web identity and `credential_process` profiles), web identity from the
//! environment, container credentials, then instance metadata (skipped when
//! `AWS_EC2_METADATA_DISABLED=true`).

use aws_config::provider_config::ProviderConfig;
use aws_credential_types::provider::{
    error::CredentialsError, ProvideCredentials, SharedCredentialsProvider,
};
use time::OffsetDateTime;

use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::token::SigningKeys;

/// Where credentials came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`).
    Environment,
    /// A named profile of the shared config files (static keys, SSO, role, process…).
    Profile(String),
    /// `AWS_WEB_IDENTITY_TOKEN_FILE` + `AWS_ROLE_ARN`.
    WebIdentity,
    /// ECS/EKS container credentials endpoint.
    Container,
    /// EC2 instance metadata.
    InstanceMetadata,
    /// A cached `dbiam login` session, by name.
    Session(String),
    /// Keys typed in (`dbiam login --keys` / `--keys-from-stdin`).
    Keys,
    /// Temporary credentials STS just issued (GetSessionToken / AssumeRole during login).
    Sts,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Environment => f.write_str("environment"),
            Source::Profile(p) => write!(f, "profile:{p}"),
            Source::WebIdentity => f.write_str("web-identity"),
            Source::Container => f.write_str("container"),
            Source::InstanceMetadata => f.write_str("instance-metadata"),
            Source::Session(n) => write!(f, "session:{n}"),
            Source::Keys => f.write_str("keys"),
            Source::Sts => f.write_str("sts"),
        }
    }
}

/// Resolved credentials. The secret parts are redacting [`Secret`]s.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// Access key id (safe to show).
    pub access_key_id: String,
    /// Secret access key.
    pub secret_access_key: Secret,
    /// Session token, for temporary credentials.
    pub session_token: Option<Secret>,
    /// When temporary credentials expire.
    pub expires_at: Option<OffsetDateTime>,
    /// Where they came from.
    pub source: Source,
    /// The account they belong to, when already known (recorded by `dbiam login`).
    pub account: Option<String>,
    /// The ARN they belong to, when already known without asking STS (recorded by
    /// `dbiam login`, or returned by the AssumeRole call that issued them).
    pub arn: Option<String>,
}

impl Credentials {
    /// Keys for the token signer.
    pub fn signing_keys(&self) -> SigningKeys {
        SigningKeys {
            access_key_id: self.access_key_id.clone(),
            secret_access_key: self.secret_access_key.clone(),
            session_token: self.session_token.clone(),
        }
    }

    /// The same keys as SDK credentials (for a static credentials provider).
    pub(crate) fn to_sdk(&self) -> aws_credential_types::Credentials {
        aws_credential_types::Credentials::new(
            self.access_key_id.clone(),
            self.secret_access_key.expose().to_owned(),
            self.session_token.as_ref().map(|t| t.expose().to_owned()),
            self.expires_at.and_then(|t| {
                std::time::UNIX_EPOCH.checked_add(std::time::Duration::from_secs(
                    u64::try_from(t.unix_timestamp()).ok()?,
                ))
            }),
            "dbiam",
        )
    }

    fn from_sdk(c: aws_credential_types::Credentials, source: Source) -> Self {
        Credentials {
            access_key_id: c.access_key_id().to_owned(),
            secret_access_key: Secret::new(c.secret_access_key()),
            session_token: c.session_token().map(Secret::new),
            expires_at: c
                .expiry()
                .and_then(|t| OffsetDateTime::from_unix_timestamp(unix(t)).ok()),
            source,
            account: None,
            arn: None,
        }
    }
}

fn unix(t: std::time::SystemTime) -> i64 {
    match t.duration_since(std::time::UNIX_EPOCH) {
        Ok(d) => d.as_secs() as i64,
        Err(e) => -(e.duration().as_secs() as i64),
    }
}

fn env_set(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

fn imds_disabled() -> bool {
    std::env::var("AWS_EC2_METADATA_DISABLED").is_ok_and(|v| v.eq_ignore_ascii_case("true"))
}

/// Try one provider: `Ok(None)` when it has nothing to offer (the chain goes on),
/// an error when it has credentials configured but they cannot be loaded.
async fn attempt(
    provider: SharedCredentialsProvider,
    source: Source,
) -> Result<Option<(SharedCredentialsProvider, Credentials)>> {
    match provider.provide_credentials().await {
        Ok(c) => {
            let creds = Credentials::from_sdk(c, source);
            crate::debug!(
                "credentials from {} (access key id {}, temporary: {})",
                creds.source,
                creds.access_key_id,
                creds.session_token.is_some()
            );
            Ok(Some((provider, creds)))
        }
        Err(CredentialsError::CredentialsNotLoaded(_)) => {
            crate::debug!("credential source {source}: nothing configured");
            Ok(None)
        }
        Err(e) => Err(Error::credentials(format!(
            "cannot load AWS credentials from {source}: {}",
            super::errors::error_chain(&e)
        ))
        .with_hint(match source {
            Source::Profile(ref p) => format!(
                "check profile '{p}' in ~/.aws/config (for SSO run `aws sso login --profile {p}`)"
            ),
            _ => "check the credential settings, or run `dbiam login`".to_owned(),
        })),
    }
}

/// The live cached session `name`, `None` when there is none; an expired one is an error.
fn cached_session(name: &str) -> Result<Option<(SharedCredentialsProvider, Credentials)>> {
    let Some(s) = super::session::load(name)? else {
        crate::debug!("credential source session:{name}: nothing cached");
        return Ok(None);
    };
    let now = super::now();
    if s.is_expired(now) {
        let at = crate::output::rfc3339(s.expires_at);
        return Err(Error::credentials(format!(
            "the dbiam session '{name}' expired at {at}"
        ))
        .with_hint(if name == super::session::DEFAULT_NAME {
            "run `dbiam login` again (or `dbiam logout` to stop using it)".to_owned()
        } else {
            format!("run `dbiam login --session {name}` again (or `dbiam logout --session {name}`)")
        }));
    }
    let creds = s.credentials();
    crate::debug!(
        "credentials from session:{name} (access key id {}, account {}, {}s left)",
        creds.access_key_id,
        s.account,
        s.seconds_left(now)
    );
    Ok(Some((
        SharedCredentialsProvider::new(creds.to_sdk()),
        creds,
    )))
}

/// Resolve credentials through the chain, remembering the provider for refreshes.
/// `session` names the `dbiam login` session to consult (`None`: skip the cache).
pub async fn resolve(
    profile: Option<&str>,
    session: Option<&str>,
) -> Result<(SharedCredentialsProvider, Credentials)> {
    let conf = ProviderConfig::default();
    if let Some(p) = profile {
        let provider = aws_config::profile::ProfileFileCredentialsProvider::builder()
            .configure(&conf)
            .profile_name(p)
            .build();
        return attempt(
            SharedCredentialsProvider::new(provider),
            Source::Profile(p.to_owned()),
        )
        .await?
        .ok_or_else(|| {
            Error::credentials(format!("profile '{p}' has no AWS credentials")).with_hint(
                "check ~/.aws/config and ~/.aws/credentials, or run `aws configure --profile NAME`",
            )
        });
    }

    let mut tried: Vec<String> = Vec::new();
    if env_set("AWS_ACCESS_KEY_ID") || env_set("AWS_SECRET_ACCESS_KEY") {
        let p = aws_config::environment::credentials::EnvironmentVariableCredentialsProvider::new();
        if let Some(found) = attempt(SharedCredentialsProvider::new(p), Source::Environment).await?
        {
            return Ok(found);
        }
    }
    tried.push("environment variables (AWS_ACCESS_KEY_ID)".into());

    if let Some(name) = session {
        if let Some(found) = cached_session(name)? {
            return Ok(found);
        }
        tried.push(format!("dbiam session '{name}'"));
    }

    let profile_name = std::env::var("AWS_PROFILE")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "default".to_owned());
    let p = aws_config::profile::ProfileFileCredentialsProvider::builder()
        .configure(&conf)
        .profile_name(&profile_name)
        .build();
    if let Some(found) = attempt(
        SharedCredentialsProvider::new(p),
        Source::Profile(profile_name.clone()),
    )
    .await?
    {
        return Ok(found);
    }
    tried.push(format!(
        "profile '{profile_name}' in the shared config files"
    ));

    if env_set("AWS_WEB_IDENTITY_TOKEN_FILE") {
        let p = aws_config::web_identity_token::WebIdentityTokenCredentialsProvider::builder()
            .configure(&conf)
            .build();
        if let Some(found) = attempt(SharedCredentialsProvider::new(p), Source::WebIdentity).await?
        {
            return Ok(found);
        }
    }
    tried.push("web identity (AWS_WEB_IDENTITY_TOKEN_FILE)".into());

    if env_set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
        || env_set("AWS_CONTAINER_CREDENTIALS_FULL_URI")
    {
        let p = aws_config::ecs::EcsCredentialsProvider::builder()
            .configure(&conf)
            .build();
        if let Some(found) = attempt(SharedCredentialsProvider::new(p), Source::Container).await? {
            return Ok(found);
        }
    }
    tried.push("container credentials (AWS_CONTAINER_CREDENTIALS_*)".into());

    if !imds_disabled() {
        let p = aws_config::imds::credentials::ImdsCredentialsProvider::builder()
            .configure(&conf)
            .build();
        // Off EC2 the metadata service is unreachable: that is "nothing here", not an error.
        if let Ok(Some(found)) =
            attempt(SharedCredentialsProvider::new(p), Source::InstanceMetadata).await
        {
            return Ok(found);
        }
        tried.push("EC2 instance metadata".into());
    }

    Err(Error::credentials(format!(
        "no AWS credentials found (tried: {})",
        tried.join(", ")
    ))
    .with_hint("set AWS_PROFILE, pass --profile, or run `dbiam login`"))
}
