//! The one connection resolver every database subcommand calls (`sql`, `connect`,
//! `exec`, `env`, `doctor`, `setup user`, `proxy`): the flags, then a URL or a named
//! target from the config file, then the environment, then the config file's
//! `[defaults]`, become one [`ConnParams`] and the credential core for it (the
//! target's profile, region and role included). It sits above both `config` and `db`,
//! which do not know each other.

use crate::aws::{Aws, RoleRequest};
use crate::config::Target;
use crate::db::{ConnParams, ConnectionArgs};
use crate::error::{Error, Result};

use super::{aws_options, Context};

impl Context {
    /// When the positional TARGET is a name (no `://`), look it up in the config file and
    /// return the flags with every unset one filled from it, and the target. Flags win
    /// over the target; the target wins over the environment. No network.
    pub fn apply_target(&self, conn: &ConnectionArgs) -> Result<(ConnectionArgs, Option<Target>)> {
        let mut conn = conn.clone();
        let Some(name) = conn.target.clone().filter(|t| !t.contains("://")) else {
            return Ok((conn, None));
        };
        let path = &self.config.path;
        let t = self.target(&name).cloned().ok_or_else(|| {
            Error::usage(format!("no target named '{name}' in {}", path.display()))
                .with_hint("see `dbiam targets list`, or give a postgres:// or mysql:// URL")
        })?;
        crate::debug!("using target '{name}' from {}", path.display());
        conn.target = None;
        conn.engine = conn.engine.or(t.engine);
        conn.host = conn.host.take().or_else(|| t.host.clone());
        conn.port = conn.port.or(t.port);
        conn.username = conn.username.take().or_else(|| t.user.clone());
        conn.dbname = conn.dbname.take().or_else(|| t.database.clone());
        conn.signing_host = conn.signing_host.take().or_else(|| t.signing_host.clone());
        conn.signing_port = conn.signing_port.or(t.signing_port);
        conn.sslmode = conn.sslmode.or(t.sslmode);
        conn.sslrootcert = conn.sslrootcert.take().or_else(|| t.sslrootcert.clone());
        // A cache target's token is signed for the cache name, not the endpoint.
        conn.signing_host = conn.signing_host.take().or_else(|| t.cache_name.clone());
        conn.cache = conn.cache.or(t.cache);
        Ok((conn, Some(t)))
    }

    /// Whether IAM logins carry the audit tag: not with `--no-audit-tag`, else the config
    /// file's `audit_tag` (default on).
    pub fn audit_tag(&self) -> bool {
        !self.flags.no_audit_tag && self.config.config.defaults.audit_tag.unwrap_or(true)
    }

    /// The parameters of a connection (flags, URL or named target, environment, config),
    /// and its target, without building a credential core.
    fn resolve_params(&self, conn: &ConnectionArgs) -> Result<(ConnParams, Option<Target>)> {
        let (conn, target) = self.apply_target(conn)?;
        let mut params = conn.resolve(5432)?;
        params.audit_tag = self.audit_tag();
        Ok((params, target))
    }

    /// The parameters of a connection, as [`Context::connection`] resolves them, for a
    /// command that builds the credential core later (the proxy, at its first client).
    pub fn params(&self, conn: &ConnectionArgs) -> Result<ConnParams> {
        Ok(self.resolve_params(conn)?.0)
    }

    /// Resolve a connection: the parameters to connect with, and a context whose
    /// credential core uses the target's profile, region and role (assumed here).
    pub async fn connection(&self, conn: &ConnectionArgs) -> Result<(Context, ConnParams)> {
        let (params, target) = self.resolve_params(conn)?;
        let aws = Aws::new(aws_options(&self.flags, &self.config, target.as_ref())?);
        let aws = match target.as_ref().and_then(|t| t.role_arn.as_ref()) {
            Some(arn) => {
                crate::aws::validate_role_arn(arn)?;
                let region = aws.sts_region().await?;
                let request = RoleRequest {
                    role_arn: arn.clone(),
                    session_name: "dbiam".into(),
                    duration: 3600,
                    ..Default::default()
                };
                let creds = aws.assume_role(&region, &request).await?;
                aws.with_credentials(creds)
            }
            None => aws,
        };
        let ctx = Context {
            aws,
            format: self.format,
            color: self.color,
            signing_time: self.signing_time,
            config: self.config.clone(),
            flags: self.flags.clone(),
        };
        Ok((ctx, params))
    }
}
