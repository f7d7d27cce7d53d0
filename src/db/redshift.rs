//! Amazon Redshift's temporary database credentials: the flags that choose how they are
//! obtained (`GetClusterCredentials`, `GetClusterCredentialsWithIAM`, or Redshift
//! Serverless `GetCredentials`), and the calls themselves. Used as the password by the
//! PostgreSQL driver (`--engine redshift`) and printed by `dbiam token --redshift`.

use crate::aws::sdk_error;
use crate::aws::Signer;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// Redshift credential flags (shared by `sql`, `connect` and `token --redshift`).
#[derive(Debug, Clone, Default, PartialEq, Eq, clap::Args)]
pub struct RedshiftArgs {
    /// Redshift: the provisioned cluster's identifier (default: the host name's first label).
    #[arg(long, value_name = "ID", conflicts_with = "workgroup")]
    pub cluster_id: Option<String>,
    /// Redshift Serverless: the workgroup (default: the first label of a
    /// `.redshift-serverless.amazonaws.com` host); uses redshift-serverless GetCredentials.
    #[arg(long, value_name = "NAME")]
    pub workgroup: Option<String>,
    /// Redshift: the database user to get credentials for (GetClusterCredentials; default: -U).
    #[arg(long, value_name = "USER", conflicts_with_all = ["with_iam", "workgroup"])]
    pub db_user: Option<String>,
    /// Redshift: database groups the user joins for this session (comma-separated).
    #[arg(long, value_name = "GROUPS", value_delimiter = ',', conflicts_with_all = ["with_iam", "workgroup"])]
    pub db_groups: Vec<String>,
    /// Redshift: create the database user if it does not exist.
    #[arg(long, conflicts_with_all = ["with_iam", "workgroup"])]
    pub auto_create: bool,
    /// Redshift: the credentials' lifetime in seconds (900 to 3600; default 900).
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(i32).range(900..=3600))]
    pub duration: Option<i32>,
    /// Redshift: log in as the IAM identity itself (GetClusterCredentialsWithIAM).
    #[arg(long)]
    pub with_iam: bool,
}

impl RedshiftArgs {
    /// Whether any Redshift flag was given (they imply `--engine redshift`).
    pub fn is_used(&self) -> bool {
        *self != RedshiftArgs::default()
    }

    /// Refuse Redshift flags for another engine.
    pub fn check_unused(&self) -> Result<()> {
        if self.is_used() {
            return Err(
                Error::usage("the Redshift flags only apply to --engine redshift").with_hint(
                    "pass --engine redshift, or drop --cluster-id/--workgroup/--db-user/…",
                ),
            );
        }
        Ok(())
    }
}

/// Temporary Redshift database credentials.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// The user to log in as (for GetClusterCredentials `IAM:alice`, or `IAMA:alice` with auto-create).
    pub user: String,
    /// The temporary password.
    pub password: Secret,
    /// When the password stops working (RFC 3339), if the service said.
    pub expiration: Option<String>,
    /// The region the credentials were asked in.
    pub region: String,
}

/// What the credentials are for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Target<'a> {
    /// The endpoint host (for the cluster id, the workgroup and the region).
    pub host: Option<&'a str>,
    /// The database user (GetClusterCredentials' DbUser when --db-user is not given).
    pub user: Option<&'a str>,
    /// The database name.
    pub dbname: Option<&'a str>,
}

fn first_label(host: &str) -> Option<&str> {
    host.split('.').next().filter(|l| !l.is_empty())
}

fn is_serverless_host(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    h.ends_with(".redshift-serverless.amazonaws.com")
        || h.ends_with(".redshift-serverless.amazonaws.com.cn")
}

fn is_cluster_host(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    h.ends_with(".redshift.amazonaws.com") || h.ends_with(".redshift.amazonaws.com.cn")
}

/// Which API call to make.
#[derive(Debug, PartialEq, Eq)]
enum Call {
    Cluster { cluster: String, user: String },
    ClusterWithIam { cluster: String },
    Serverless { workgroup: String },
}

fn plan(args: &RedshiftArgs, t: &Target<'_>) -> Result<Call> {
    let workgroup = args.workgroup.clone().or_else(|| {
        t.host
            .filter(|h| args.cluster_id.is_none() && is_serverless_host(h))
            .and_then(first_label)
            .map(str::to_owned)
    });
    if let Some(workgroup) = workgroup {
        if args.with_iam || args.db_user.is_some() || args.auto_create || !args.db_groups.is_empty()
        {
            return Err(Error::usage(
                "Redshift Serverless credentials are always for the IAM identity",
            )
            .with_hint("drop --with-iam/--db-user/--db-groups/--auto-create with a workgroup"));
        }
        return Ok(Call::Serverless { workgroup });
    }
    let cluster = args
        .cluster_id
        .clone()
        .or_else(|| {
            t.host
                .filter(|h| is_cluster_host(h))
                .and_then(first_label)
                .map(str::to_owned)
        })
        .ok_or_else(|| {
            Error::usage("no Redshift cluster or workgroup given")
                .with_hint("pass --cluster-id ID (or --workgroup NAME for Redshift Serverless), or connect to the cluster's endpoint name")
        })?;
    if args.with_iam {
        return Ok(Call::ClusterWithIam { cluster });
    }
    let user = args
        .db_user
        .as_deref()
        .or(t.user)
        .filter(|u| !u.is_empty())
        .ok_or_else(|| {
            Error::usage("no Redshift database user given").with_hint(
                "pass --db-user USER (or -U), or --with-iam to log in as your IAM identity",
            )
        })?
        .to_owned();
    Ok(Call::Cluster { cluster, user })
}

fn rfc3339(t: Option<&aws_smithy_types::DateTime>) -> Option<String> {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(t?.as_nanos()).ok()?;
    Some(crate::output::rfc3339(t))
}

fn missing(what: &str) -> Error {
    Error::failure(format!("{what} returned no credentials"))
}

/// Get temporary database credentials for `t` as `args` say.
pub async fn credentials(
    args: &RedshiftArgs,
    t: Target<'_>,
    ctx: &dyn Signer,
) -> Result<Credentials> {
    let call = plan(args, &t)?;
    let region = ctx.aws().region(t.host).await?;
    let conf = ctx.aws().sdk_config(&region).await?;
    let dbname = t.dbname.filter(|d| !d.is_empty()).map(str::to_owned);
    crate::debug!("Redshift credentials in {region}: {call:?}");
    let creds = match call {
        Call::Cluster { cluster, user } => {
            const WHAT: &str = "Redshift GetClusterCredentials";
            let out = aws_sdk_redshift::Client::new(&conf)
                .get_cluster_credentials()
                .cluster_identifier(cluster)
                .db_user(user)
                .set_db_name(dbname)
                .set_duration_seconds(args.duration)
                .auto_create(args.auto_create)
                .set_db_groups((!args.db_groups.is_empty()).then(|| args.db_groups.clone()))
                .send()
                .await
                .map_err(|e| sdk_error(WHAT, e))?;
            Credentials {
                user: out.db_user().ok_or_else(|| missing(WHAT))?.to_owned(),
                password: Secret::new(out.db_password().ok_or_else(|| missing(WHAT))?),
                expiration: rfc3339(out.expiration()),
                region: region.clone(),
            }
        }
        Call::ClusterWithIam { cluster } => {
            const WHAT: &str = "Redshift GetClusterCredentialsWithIAM";
            let out = aws_sdk_redshift::Client::new(&conf)
                .get_cluster_credentials_with_iam()
                .cluster_identifier(cluster)
                .set_db_name(dbname)
                .set_duration_seconds(args.duration)
                .send()
                .await
                .map_err(|e| sdk_error(WHAT, e))?;
            Credentials {
                user: out.db_user().ok_or_else(|| missing(WHAT))?.to_owned(),
                password: Secret::new(out.db_password().ok_or_else(|| missing(WHAT))?),
                expiration: rfc3339(out.expiration()),
                region: region.clone(),
            }
        }
        Call::Serverless { workgroup } => {
            const WHAT: &str = "Redshift Serverless GetCredentials";
            let out = aws_sdk_redshiftserverless::Client::new(&conf)
                .get_credentials()
                .workgroup_name(workgroup)
                .set_db_name(dbname)
                .set_duration_seconds(args.duration)
                .send()
                .await
                .map_err(|e| sdk_error(WHAT, e))?;
            Credentials {
                user: out.db_user().ok_or_else(|| missing(WHAT))?.to_owned(),
                password: Secret::new(out.db_password().ok_or_else(|| missing(WHAT))?),
                expiration: rfc3339(out.expiration()),
                region: region.clone(),
            }
        }
    };
    crate::debug!(
        "Redshift credentials for {} until {}",
        creds.user,
        creds.expiration.as_deref().unwrap_or("(not said)")
    );
    Ok(creds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_and_workgroup_come_from_flags_or_the_host() {
        let t = Target {
            host: Some("c1.abc.eu-west-1.redshift.amazonaws.com"),
            user: Some("alice"),
            dbname: None,
        };
        assert_eq!(
            plan(&RedshiftArgs::default(), &t).unwrap(),
            Call::Cluster {
                cluster: "c1".into(),
                user: "alice".into()
            }
        );
        let with_iam = RedshiftArgs {
            with_iam: true,
            ..Default::default()
        };
        assert_eq!(
            plan(&with_iam, &t).unwrap(),
            Call::ClusterWithIam {
                cluster: "c1".into()
            }
        );
        let t = Target {
            host: Some("wg1.123456789012.eu-west-1.redshift-serverless.amazonaws.com"),
            ..t
        };
        assert_eq!(
            plan(&RedshiftArgs::default(), &t).unwrap(),
            Call::Serverless {
                workgroup: "wg1".into()
            }
        );
        assert!(plan(&with_iam, &t).is_err());
        let local = Target {
            host: Some("127.0.0.1"),
            user: Some("u"),
            dbname: None,
        };
        let e = plan(&RedshiftArgs::default(), &local).unwrap_err();
        assert_eq!(e.exit_code().code(), 2);
        let flag = RedshiftArgs {
            cluster_id: Some("c9".into()),
            db_user: Some("bob".into()),
            ..Default::default()
        };
        assert_eq!(
            plan(&flag, &local).unwrap(),
            Call::Cluster {
                cluster: "c9".into(),
                user: "bob".into()
            }
        );
    }
}
