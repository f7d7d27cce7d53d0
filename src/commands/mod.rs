//! One module per subcommand; each wires flags to the core and the output layer.

pub mod connect;
pub mod login;
pub mod logout;
pub mod sql;
pub mod token;

use time::OffsetDateTime;

use crate::aws::Aws;
use crate::cli::GlobalArgs;
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
        Ok(Context {
            aws: Aws::new(crate::aws::AwsOptions {
                profile: g.profile.clone(),
                region: g.region.clone(),
                endpoint_url: g.endpoint_url.clone(),
                allowed_accounts: crate::aws::accounts::parse(
                    g.allowed_accounts.as_deref().unwrap_or_default(),
                )?,
            }),
            format: g.output,
            color: g.color.resolve(),
            signing_time,
        })
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

/// Map a failure to write to stdout into an error (a closed pipe exits quietly in `main`).
pub fn write_err(e: std::io::Error) -> Error {
    Error::io("cannot write output", e)
}
