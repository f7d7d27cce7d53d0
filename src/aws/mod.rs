//! The one credential core: region choice, the credential chain, SDK configuration
//! (endpoint overrides included), STS identity and temporary credentials, the
//! `dbiam login` session cache, allowed accounts, and turning SDK errors into dbiam errors.
//!
//! Every subcommand that talks to AWS or signs a token goes through [`Aws`].

pub mod accounts;
mod credentials;
mod errors;
pub mod keys;
pub mod region;
pub mod session;
mod sts;

pub use credentials::{Credentials, Source};
pub use errors::sdk_error;
pub use sts::{validate_role_arn, validate_role_session_name, RoleRequest};

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::provider::SharedCredentialsProvider;
use time::OffsetDateTime;
use tokio::sync::OnceCell;

use crate::error::Result;
use crate::token::SigningKeys;

/// The AWS-related global flags.
#[derive(Debug, Clone, Default)]
pub struct AwsOptions {
    /// `--profile`.
    pub profile: Option<String>,
    /// `--region`.
    pub region: Option<String>,
    /// `--endpoint-url`.
    pub endpoint_url: Option<String>,
    /// `--allowed-accounts` / `DBIAM_ALLOWED_ACCOUNTS`, parsed (empty: no restriction).
    pub allowed_accounts: Vec<String>,
    /// `--aws-connect-timeout` / `DBIAM_AWS_CONNECT_TIMEOUT`, in seconds.
    pub connect_timeout: Option<u64>,
    /// `--aws-timeout` / `DBIAM_AWS_TIMEOUT`, in seconds.
    pub timeout: Option<u64>,
}

/// Who the credentials belong to, as STS GetCallerIdentity reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// 12-digit account id.
    pub account: String,
    /// ARN of the caller.
    pub arn: String,
    /// Unique id of the caller.
    pub user_id: String,
}

/// The credential core for one dbiam invocation. Credentials are resolved once, lazily.
#[derive(Debug)]
pub struct Aws {
    opts: AwsOptions,
    use_session: bool,
    creds: OnceCell<(SharedCredentialsProvider, Credentials)>,
    identity: OnceCell<Identity>,
}

impl Aws {
    /// A core for the given global flags. Nothing is read or resolved yet.
    pub fn new(opts: AwsOptions) -> Self {
        Aws {
            opts,
            use_session: true,
            creds: OnceCell::new(),
            identity: OnceCell::new(),
        }
    }

    /// The same flags, resolving the chain without the `dbiam login` session cache
    /// (what `dbiam login` starts from).
    pub fn without_session(&self) -> Self {
        Aws {
            use_session: false,
            ..Aws::new(self.opts.clone())
        }
    }

    /// The same flags with these credentials instead of the chain's (keys typed in,
    /// or temporary credentials STS just issued).
    pub fn with_credentials(&self, creds: Credentials) -> Self {
        let provider = SharedCredentialsProvider::new(creds.to_sdk());
        Aws {
            opts: self.opts.clone(),
            use_session: false,
            creds: OnceCell::new_with(Some((provider, creds))),
            identity: OnceCell::new(),
        }
    }

    /// The global flags.
    pub fn options(&self) -> &AwsOptions {
        &self.opts
    }

    /// The region: `--region`, then `AWS_REGION`/`AWS_DEFAULT_REGION`, then the profile,
    /// then parsed from `host` (an RDS, Aurora, proxy or DSQL endpoint). Never asks the
    /// instance metadata service.
    pub async fn region(&self, host: Option<&str>) -> Result<String> {
        region::resolve(
            self.opts.region.as_deref(),
            self.opts.profile.as_deref(),
            host,
        )
        .await
    }

    /// Resolve credentials through the chain (once per invocation).
    pub async fn credentials(&self) -> Result<&Credentials> {
        let (_, c) = self.resolved().await?;
        Ok(c)
    }

    async fn resolved(&self) -> Result<&(SharedCredentialsProvider, Credentials)> {
        self.creds
            .get_or_try_init(|| async {
                let session = self.use_session.then(session::active_name);
                credentials::resolve(self.opts.profile.as_deref(), session.as_deref()).await
            })
            .await
    }

    /// The region for STS calls: the resolved region (flag, environment, profile), else
    /// `us-east-1` (STS is a global service; its global endpoint answers every account).
    pub async fn sts_region(&self) -> Result<String> {
        if self.opts.region.is_some() {
            return self.region(None).await;
        }
        Ok(region::find(None, self.opts.profile.as_deref(), None)
            .await?
            .unwrap_or_else(|| "us-east-1".to_owned()))
    }

    /// Refuse credentials of an account that is not allowed (exit 5). No-op without a
    /// list; otherwise the account comes from the login session when the credentials
    /// came from one (no network), else from STS GetCallerIdentity in `region`.
    pub async fn ensure_account_allowed(&self, region: &str) -> Result<()> {
        if self.opts.allowed_accounts.is_empty() {
            return Ok(());
        }
        let account = match self.credentials().await?.account.clone() {
            Some(a) => a,
            None => self.identity(region).await?.account,
        };
        crate::debug!("account {account} checked against the allowed accounts");
        accounts::check(&account, &self.opts.allowed_accounts)
    }

    /// The ARN behind the credentials when it is already known without a call to AWS:
    /// recorded by `dbiam login`, returned by AssumeRole, or fetched earlier in this
    /// invocation (the allowed-accounts check, say). `None` otherwise; never asks.
    pub fn known_arn(&self) -> Option<String> {
        self.creds
            .get()
            .and_then(|(_, c)| c.arn.clone())
            .or_else(|| self.identity.get().map(|i| i.arn.clone()))
            .filter(|a| !a.is_empty())
    }

    /// Keys for the token signer.
    pub async fn signing_keys(&self) -> Result<SigningKeys> {
        Ok(self.credentials().await?.signing_keys())
    }

    /// An SDK configuration for `region`, with the resolved credentials and any endpoint override.
    pub async fn sdk_config(&self, region: &str) -> Result<SdkConfig> {
        let (provider, _) = self.resolved().await?;
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .region(Region::new(region.to_owned()))
            .credentials_provider(provider.clone());
        if let Some(p) = &self.opts.profile {
            loader = loader.profile_name(p);
        }
        if let Some(url) = &self.opts.endpoint_url {
            loader = loader.endpoint_url(url);
        }
        // What a timeout's error names: the endpoint override, or the region.
        let endpoint = self.opts.endpoint_url.clone().or_else(|| {
            std::env::var("AWS_ENDPOINT_URL")
                .ok()
                .filter(|u| !u.is_empty())
        });
        errors::note_endpoint(endpoint, region);
        Ok(loader.timeout_config(timeouts(&self.opts)?).load().await)
    }

    /// Ask STS who these credentials belong to (GetCallerIdentity; asked once).
    pub async fn identity(&self, region: &str) -> Result<Identity> {
        self.identity
            .get_or_try_init(|| async {
                let conf = self.sdk_config(region).await?;
                let out = aws_sdk_sts::Client::new(&conf)
                    .get_caller_identity()
                    .send()
                    .await
                    .map_err(|e| sdk_error("STS GetCallerIdentity", e))?;
                Ok(Identity {
                    account: out.account().unwrap_or_default().to_owned(),
                    arn: out.arn().unwrap_or_default().to_owned(),
                    user_id: out.user_id().unwrap_or_default().to_owned(),
                })
            })
            .await
            .cloned()
    }
}

/// What the core needs to reach AWS and sign: the credential core and the instant to
/// sign at (`--signing-time`, or now). The database layer, the shell and `doctor` take
/// this instead of the command layer's context.
pub trait Signer: Send + Sync {
    /// The credential core.
    fn aws(&self) -> &Aws;
    /// The instant to sign at.
    fn signing_time(&self) -> OffsetDateTime;
}

/// The current time (the one clock of dbiam, overridden by `--signing-time` for signing).
pub fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Every AWS call is bounded: connecting to the endpoint within
/// `--aws-connect-timeout` / `DBIAM_AWS_CONNECT_TIMEOUT` seconds (default 10), each
/// attempt within `--aws-timeout` / `DBIAM_AWS_TIMEOUT` seconds (default 60), the whole
/// operation with its retries within three times that.
pub fn timeouts(opts: &AwsOptions) -> Result<aws_config::timeout::TimeoutConfig> {
    let secs = |name: &str, default: u64| -> Result<std::time::Duration> {
        let flag = match name {
            "DBIAM_AWS_TIMEOUT" => opts.timeout,
            _ => opts.connect_timeout,
        };
        if let Some(n) = flag {
            return Ok(std::time::Duration::from_secs(n));
        }
        match std::env::var(name) {
            Err(_) => Ok(std::time::Duration::from_secs(default)),
            Ok(v) => v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=86_400).contains(n))
                .map(std::time::Duration::from_secs)
                .ok_or_else(|| {
                    crate::error::Error::usage(format!(
                        "{name}={v} is not a number of seconds (1 to 86400)"
                    ))
                }),
        }
    };
    let attempt = secs("DBIAM_AWS_TIMEOUT", 60)?;
    Ok(aws_config::timeout::TimeoutConfig::builder()
        .connect_timeout(secs("DBIAM_AWS_CONNECT_TIMEOUT", 10)?)
        .read_timeout(attempt)
        .operation_attempt_timeout(attempt)
        .operation_timeout(attempt * 3)
        .build())
}
