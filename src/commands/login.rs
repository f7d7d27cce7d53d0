//! `dbiam login`: verify credentials with STS, refuse accounts that are not allowed,
//! turn them into temporary credentials (GetSessionToken / AssumeRole) and cache those
//! as a named session; `dbiam login --status` lists the cached sessions.

use crate::output::rfc3339;
use serde_json::{json, Value};
use std::io::{BufRead, IsTerminal, Write};
use time::OffsetDateTime;

use super::{write_err, Context};
use crate::aws::session::{self, Session};
use crate::aws::{accounts, keys, Aws, Credentials, Identity, RoleRequest, Source};
use crate::error::{Error, Result};
use crate::output::{human_duration, Format};
use crate::secret::Secret;

/// `dbiam login` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show the cached sessions and the time they have left.
    #[arg(long, conflicts_with_all = ["keys", "keys_from_stdin", "role_arn", "mfa_serial", "verify_only", "duration", "expires_at"])]
    pub status: bool,
    /// Session name to cache under (later commands use DBIAM_SESSION, else `default`).
    #[arg(long, env = "DBIAM_SESSION", default_value = session::DEFAULT_NAME, value_name = "NAME")]
    pub session: String,
    /// Prompt for an access key id, secret access key and optional session token.
    #[arg(long, conflicts_with = "keys_from_stdin")]
    pub keys: bool,
    /// Read access key id, secret access key and optional session token from stdin, one per line.
    #[arg(long)]
    pub keys_from_stdin: bool,
    /// When typed-in temporary keys expire (RFC 3339); STS does not report it.
    #[arg(long, value_name = "TIME")]
    pub expires_at: Option<String>,
    /// MFA device serial number (ARN) for GetSessionToken or AssumeRole.
    #[arg(long, value_name = "ARN")]
    pub mfa_serial: Option<String>,
    /// The current MFA code (prompted for when omitted on a terminal).
    #[arg(long, requires = "mfa_serial", value_name = "CODE")]
    pub mfa_code: Option<String>,
    /// Assume this role and cache its credentials.
    #[arg(long, value_name = "ARN")]
    pub role_arn: Option<String>,
    /// External id for AssumeRole.
    #[arg(long, requires = "role_arn", value_name = "ID")]
    pub external_id: Option<String>,
    /// Role session name for AssumeRole (default dbiam-<unix time>).
    #[arg(long, requires = "role_arn", value_name = "NAME")]
    pub role_session_name: Option<String>,
    /// Session lifetime: seconds or 90m, 12h (default 1h; GetSessionToken 15m-36h, AssumeRole 15m-12h).
    #[arg(long, value_name = "DURATION")]
    pub duration: Option<String>,
    /// Verify and print the identity only; cache nothing.
    #[arg(long, conflicts_with_all = ["role_arn", "mfa_serial", "duration", "expires_at"])]
    pub verify_only: bool,
}

/// How login gets the credentials it caches.
enum Plan {
    /// Verify and print only.
    VerifyOnly,
    /// The chain's credentials are already temporary: verify, cache nothing.
    AlreadyTemporary,
    /// Typed-in temporary keys, cached as they are with this expiry.
    TypedTemporary(OffsetDateTime),
    /// GetSessionToken for long-term keys (the MFA code is filled in after planning).
    SessionToken {
        /// Lifetime in seconds.
        duration: u32,
        /// MFA device serial number and code.
        mfa: Option<(String, String)>,
    },
    /// AssumeRole (the MFA code is filled in after planning).
    Role(RoleRequest),
}

fn prompt_line(prompt: &str) -> Result<String> {
    eprint!("{prompt}");
    let _ = std::io::stderr().flush();
    let mut s = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut s)
        .map_err(|e| Error::io("cannot read from the terminal", e))?;
    Ok(s.trim().to_owned())
}

fn prompt_hidden(prompt: &str) -> Result<String> {
    rpassword::prompt_password(prompt).map_err(|e| Error::io("cannot read from the terminal", e))
}

fn need_terminal(what: &str, instead: &str) -> Result<()> {
    if std::io::stdin().is_terminal() {
        Ok(())
    } else {
        Err(Error::usage(format!("{what} needs a terminal")).with_hint(instead.to_owned()))
    }
}

/// The keys typed in, if `--keys` or `--keys-from-stdin`.
fn typed_keys(args: &Args) -> Result<Option<keys::TypedKeys>> {
    if args.keys_from_stdin {
        if std::io::stdin().is_terminal() {
            return Err(
                Error::usage("--keys-from-stdin reads from a pipe, not a terminal")
                    .with_hint("use --keys to be prompted"),
            );
        }
        return keys::read_from(&mut std::io::stdin().lock()).map(Some);
    }
    if !args.keys {
        return Ok(None);
    }
    need_terminal("--keys", "pipe the keys into --keys-from-stdin")?;
    let id = prompt_line("AWS access key id: ")?;
    keys::validate_access_key_id(&id)?;
    let secret = Secret::new(prompt_hidden("AWS secret access key (hidden): ")?);
    let token = Secret::new(prompt_hidden(
        "AWS session token (hidden; empty for long-term keys): ",
    )?);
    let token = (!token.expose().trim().is_empty()).then_some(token.expose());
    keys::validate(&id, secret.expose(), token).map(Some)
}

fn mfa(args: &Args) -> Result<Option<(String, String)>> {
    let Some(serial) = &args.mfa_serial else {
        return Ok(None);
    };
    if serial.trim().is_empty() {
        return Err(Error::usage("--mfa-serial is empty"));
    }
    let code = match &args.mfa_code {
        Some(c) => c.clone(),
        None => {
            need_terminal("prompting for the MFA code", "pass --mfa-code")?;
            prompt_hidden("MFA code: ")?
        }
    };
    Ok(Some((serial.clone(), keys::validate_mfa_code(&code)?)))
}

fn duration(args: &Args, min: u32, max: u32, call: &str) -> Result<u32> {
    let secs = match &args.duration {
        Some(d) => keys::parse_duration(d)?,
        None => 3600,
    };
    keys::check_duration(secs, min, max, call)?;
    Ok(secs)
}

/// Decide what login does, checking every flag before any network call.
fn plan(args: &Args, creds: &Credentials, typed: bool) -> Result<Plan> {
    let temporary = creds.session_token.is_some();
    if args.expires_at.is_some() && !(typed && temporary) {
        return Err(Error::usage(
            "--expires-at applies to typed-in temporary keys (with a session token) only",
        ));
    }
    if let Some(code) = &args.mfa_code {
        keys::validate_mfa_code(code)?;
    }
    if args.verify_only {
        return Ok(Plan::VerifyOnly);
    }
    if let Some(arn) = &args.role_arn {
        crate::aws::validate_role_arn(arn)?;
        let session_name = match &args.role_session_name {
            Some(n) => n.clone(),
            None => format!("dbiam-{}", crate::aws::now().unix_timestamp()),
        };
        crate::aws::validate_role_session_name(&session_name)?;
        if args.external_id.as_deref().is_some_and(|e| e.len() < 2) {
            return Err(Error::usage("--external-id must be 2 or more characters"));
        }
        return Ok(Plan::Role(RoleRequest {
            role_arn: arn.clone(),
            external_id: args.external_id.clone(),
            session_name,
            duration: duration(args, 900, 43_200, "AssumeRole")?,
            mfa: None,
        }));
    }
    if temporary {
        if args.mfa_serial.is_some() || args.duration.is_some() {
            return Err(Error::usage(format!(
                "the credentials from {} are already temporary: --mfa-serial and --duration need long-term keys or --role-arn",
                creds.source
            )));
        }
        if !typed {
            return Ok(Plan::AlreadyTemporary);
        }
        let raw = match &args.expires_at {
            Some(t) => t.clone(),
            None if args.keys => prompt_line("Expires at (RFC 3339, e.g. 2026-01-01T12:00:00Z): ")?,
            None => {
                return Err(Error::usage("temporary keys need --expires-at").with_hint(
                    "STS does not report when temporary keys expire: give the expiry you got with them (RFC 3339)",
                ))
            }
        };
        return Ok(Plan::TypedTemporary(keys::parse_expiry(
            &raw,
            crate::aws::now(),
        )?));
    }
    Ok(Plan::SessionToken {
        duration: duration(args, 900, 129_600, "GetSessionToken")?,
        mfa: None,
    })
}

/// Run `dbiam login`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    if args.status {
        return status(ctx);
    }
    session::validate_name(&args.session)?;
    let allowed = &ctx.aws.options().allowed_accounts;

    let typed = typed_keys(&args)?;
    let is_typed = typed.is_some();
    let base: Aws = match typed {
        Some(k) => ctx.aws.with_credentials(Credentials {
            access_key_id: k.access_key_id,
            secret_access_key: k.secret_access_key,
            session_token: k.session_token,
            expires_at: None,
            source: Source::Keys,
            account: None,
            arn: None,
        }),
        None => ctx.aws.without_session(),
    };
    let source_creds = match base.credentials().await {
        Ok(c) => c.clone(),
        Err(e) if e.message().starts_with("no AWS credentials found") => return Err(e.with_hint(
            "type keys in with --keys (or --keys-from-stdin), set AWS_PROFILE, or pass --profile",
        )),
        Err(e) => return Err(e),
    };
    let source = source_creds.source.to_string();
    let mut plan = plan(&args, &source_creds, is_typed)?;
    // The MFA code is asked for once the flags are known to be right, before any STS call.
    match &mut plan {
        Plan::SessionToken { mfa: m, .. } => *m = mfa(&args)?,
        Plan::Role(req) => req.mfa = mfa(&args)?,
        _ => {}
    }
    let region = ctx.aws.sts_region().await?;

    let id = base.identity(&region).await?;
    crate::debug!(
        "verified {} credentials: account {} arn {}",
        source,
        id.account,
        id.arn
    );
    if !matches!(plan, Plan::Role(_)) {
        accounts::check(&id.account, allowed)?;
    }

    let (shown, expires_at, cached) = match plan {
        Plan::VerifyOnly | Plan::AlreadyTemporary => (id, source_creds.expires_at, None),
        Plan::TypedTemporary(expiry) => {
            let creds = Credentials {
                expires_at: Some(expiry),
                ..source_creds
            };
            let s = Session::new(&args.session, &creds, &id, &source, "temporary-keys")?;
            (id, Some(expiry), Some(s))
        }
        Plan::SessionToken { duration, mfa } => {
            let mfa = mfa.as_ref().map(|(s, c)| (s.as_str(), c.as_str()));
            let creds = base.get_session_token(&region, duration, mfa).await?;
            let s = Session::new(&args.session, &creds, &id, &source, "get-session-token")?;
            (id, creds.expires_at, Some(s))
        }
        Plan::Role(req) => {
            let creds = base.assume_role(&region, &req).await?;
            let role = ctx.aws.with_credentials(creds.clone());
            let role_id: Identity = role.identity(&region).await?;
            accounts::check(&role_id.account, allowed)?;
            let s = Session::new(&args.session, &creds, &role_id, &source, "assume-role")?;
            (role_id, creds.expires_at, Some(s))
        }
    };
    if let Some(s) = &cached {
        session::save(s)?;
    }

    let fields = [
        ("account", json!(shown.account)),
        ("arn", json!(shown.arn)),
        ("user_id", json!(shown.user_id)),
        ("source", json!(source)),
        (
            "expires_at",
            expires_at.map_or(Value::Null, |t| json!(rfc3339(t))),
        ),
        (
            "session",
            cached.as_ref().map_or(Value::Null, |s| json!(s.name)),
        ),
        ("via", cached.as_ref().map_or(Value::Null, |s| json!(s.via))),
    ];
    let format = ctx.format.unwrap_or(Format::Table);
    ctx.output(Format::Table)
        .record(std::io::stdout().lock(), &fields)
        .map_err(write_err)?;
    if format == Format::Table {
        match &cached {
            Some(s) => eprintln!(
                "dbiam: session '{}' cached until {}; later dbiam commands use it{}{}",
                s.name,
                rfc3339(s.expires_at),
                if s.name == session::active_name() {
                    String::new()
                } else {
                    format!(" with DBIAM_SESSION={}", s.name)
                },
                if std::env::var_os("AWS_ACCESS_KEY_ID").is_some_and(|v| !v.is_empty()) {
                    " once AWS_ACCESS_KEY_ID is unset (environment keys come first)"
                } else {
                    ""
                }
            ),
            None if !args.verify_only => eprintln!(
                "dbiam: the credentials from {source} are already temporary; nothing cached"
            ),
            None => {}
        }
    }
    Ok(())
}

/// `dbiam login --status`: one row per cached session.
fn status(ctx: &Context) -> Result<()> {
    let now = crate::aws::now();
    let active = session::active_name();
    let sessions = session::list()?;
    let rows: Vec<Vec<Value>> = sessions
        .iter()
        .map(|s| {
            let left = s.seconds_left(now);
            vec![
                json!(s.name),
                json!(s.account),
                json!(s.arn),
                json!(s.source),
                json!(s.via),
                json!(rfc3339(s.expires_at)),
                json!(left.max(0)),
                json!(if left <= 0 {
                    format!("expired {} ago", human_duration(left))
                } else {
                    human_duration(left)
                }),
                json!(s.name == active && left > 0),
            ]
        })
        .collect();
    let format = ctx.format.unwrap_or(Format::Table);
    if sessions.is_empty() && format == Format::Table {
        eprintln!("dbiam: no cached sessions; run `dbiam login`");
        return Ok(());
    }
    ctx.output(Format::Table)
        .list(
            std::io::stdout().lock(),
            &[
                "name",
                "account",
                "arn",
                "source",
                "via",
                "expires_at",
                "seconds_left",
                "time_left",
                "active",
            ],
            &rows,
        )
        .map_err(write_err)
}
