//! One module per subcommand; each wires flags to the core and the output layer.

pub mod completions;
pub mod connect;
pub mod discover;
pub mod doctor;
pub mod dynamo;
pub mod env;
pub mod exec;
pub mod login;
pub mod logout;
pub mod man;
pub mod proxy;
pub mod setup;
pub mod sql;
pub mod targets;
pub mod token;

mod resolve;

use time::OffsetDateTime;

use crate::aws::{Aws, AwsOptions};
use crate::cli::GlobalArgs;
use crate::config::{Loaded, Target};
use crate::error::{Error, Result};
use crate::output::{Format, Output};
use crate::token::parse_signing_time;

/// What every subcommand gets: the credential core and the resolved global settings.
#[derive(Debug)]
pub struct Context {
    /// The credential core.
    pub aws: Aws,
    /// `--output`, if given.
    pub format: Option<Format>,
    /// Whether to colour (decided once).
    pub color: bool,
    /// `--signing-time`, parsed.
    pub signing_time: Option<OffsetDateTime>,
    /// The config file (defaults and named targets).
    pub config: Loaded,
    /// The global flags as given.
    pub flags: GlobalArgs,
}

fn env_set(names: &[&str]) -> bool {
    names
        .iter()
        .any(|n| std::env::var_os(n).is_some_and(|v| !v.is_empty()))
}

/// The credential core's options: a flag, then the target's value, then the
/// environment (left to the SDK chain), then the config file's `[defaults]`.
fn aws_options(g: &GlobalArgs, config: &Loaded, target: Option<&Target>) -> Result<AwsOptions> {
    let d = &config.config.defaults;
    let profile = g
        .profile
        .clone()
        .or_else(|| target.and_then(|t| t.profile.clone()))
        .or_else(|| {
            (!env_set(&["AWS_PROFILE"]))
                .then(|| d.profile.clone())
                .flatten()
        });
    let region = g
        .region
        .clone()
        .or_else(|| target.and_then(|t| t.region.clone()))
        .or_else(|| {
            (!env_set(&["AWS_REGION", "AWS_DEFAULT_REGION"]))
                .then(|| d.region.clone())
                .flatten()
        });
    let allowed = match (&g.allowed_accounts, &d.allowed_accounts) {
        (Some(list), _) => crate::aws::accounts::parse(list)?,
        (None, Some(list)) => crate::aws::accounts::parse(&list.join(","))
            .map_err(|e| Error::usage(format!("invalid config {}: {e}", config.path.display())))?,
        (None, None) => Vec::new(),
    };
    Ok(AwsOptions {
        profile,
        region,
        endpoint_url: g.endpoint_url.clone(),
        allowed_accounts: allowed,
        connect_timeout: g.aws_connect_timeout,
        timeout: g.aws_timeout,
    })
}

impl Context {
    /// Build the context from the global flags.
    pub fn new(g: &GlobalArgs) -> Result<Self> {
        let signing_time = g
            .signing_time
            .as_deref()
            .map(parse_signing_time)
            .transpose()?;
        if let Some(url) = &g.endpoint_url {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(Error::usage(format!(
                    "--endpoint-url '{url}' is not an http(s) URL"
                )));
            }
        }
        let config = crate::config::load()?;
        Ok(Context {
            aws: Aws::new(aws_options(g, &config, None)?),
            format: g.output.or(config.config.defaults.output),
            color: g.color.resolve(),
            signing_time,
            config,
            flags: g.clone(),
        })
    }

    /// Look up a named target (`None` when `name` is not in the config file).
    pub fn target(&self, name: &str) -> Option<&Target> {
        self.config.config.targets.get(name)
    }

    /// Output settings, with the subcommand's default format.
    pub fn output(&self, default: Format) -> Output {
        Output::new(self.format.unwrap_or(default), self.color)
    }

    /// The instant to sign at: `--signing-time`, or now.
    pub fn signing_time(&self) -> OffsetDateTime {
        self.signing_time.unwrap_or_else(crate::aws::now)
    }
}

impl crate::aws::Signer for Context {
    fn aws(&self) -> &Aws {
        &self.aws
    }

    fn signing_time(&self) -> OffsetDateTime {
        Context::signing_time(self)
    }
}

/// Map a failure to write to stdout into an error (a closed pipe exits quietly in `main`).
pub fn write_err(e: std::io::Error) -> Error {
    Error::io("cannot write output", e)
}
