//! `dbiam setup policy`: print a least-privilege IAM policy document (JSON) that lets a
//! principal connect with IAM authentication to one RDS/Aurora database user, a Redshift
//! cluster user, or an Aurora DSQL cluster.

use serde_json::Value;
use std::io::Write;

use super::{cluster_flag, next_step, token_command};
use crate::commands::{write_err, Context};
use crate::error::{Error, Result};
use crate::output::Format;
use crate::setup::policy::{self, DbUser, RedshiftRequest, Scope};
use crate::setup::rds::{self, TargetKind};

/// `dbiam setup policy` flags.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["dbid", "redshift", "dsql"])))]
pub struct Args {
    /// RDS DB instance identifier (with --cluster: Aurora DB cluster identifier).
    #[arg(value_name = "DBID")]
    pub dbid: Option<String>,
    /// DBID is an Aurora DB cluster: the policy names its DbClusterResourceId.
    #[arg(long)]
    pub cluster: bool,
    /// The database user the policy lets in.
    #[arg(long, value_name = "USER")]
    pub db_user: Option<String>,
    /// ABAC: let each caller in as the user named by its principal tag KEY
    /// (`${aws:PrincipalTag/KEY}`), instead of one --db-user.
    #[arg(long, value_name = "KEY", conflicts_with = "db_user")]
    pub principal_tag: Option<String>,
    /// A Redshift provisioned cluster (redshift:GetClusterCredentials) instead of RDS.
    #[arg(long, value_name = "CLUSTER")]
    pub redshift: Option<String>,
    /// Redshift: allow only this database.
    #[arg(long, value_name = "DB")]
    pub db_name: Option<String>,
    /// Redshift: also allow creating the user at first login (redshift:CreateClusterUser).
    #[arg(long)]
    pub auto_create: bool,
    /// An Aurora DSQL cluster id (dsql:DbConnect) instead of RDS.
    #[arg(long, value_name = "CLUSTER_ID", conflicts_with_all = ["db_user", "principal_tag"])]
    pub dsql: Option<String>,
    /// DSQL: allow the `admin` role (dsql:DbConnectAdmin) instead of custom roles.
    #[arg(long)]
    pub admin: bool,
}

/// Flags that belong to one form only. (clap's `requires` is not checked for members of
/// the required `target` group, so this is done here.)
fn check_flags(args: &Args) -> Result<()> {
    let misplaced = [
        (
            args.cluster && args.dbid.is_none(),
            "--cluster",
            "an RDS DBID",
        ),
        (
            args.db_name.is_some() && args.redshift.is_none(),
            "--db-name",
            "--redshift",
        ),
        (
            args.auto_create && args.redshift.is_none(),
            "--auto-create",
            "--redshift",
        ),
        (args.admin && args.dsql.is_none(), "--admin", "--dsql"),
    ];
    match misplaced.iter().find(|(bad, ..)| *bad) {
        Some((_, flag, form)) => Err(Error::usage(format!("{flag} applies only with {form}"))
            .with_hint("see `dbiam setup policy --help`")),
        None => Ok(()),
    }
}

fn db_user(args: &Args) -> Result<DbUser> {
    match (&args.db_user, &args.principal_tag) {
        (Some(u), _) => DbUser::name(u),
        (None, Some(k)) => DbUser::principal_tag(k),
        (None, None) => Err(Error::usage("--db-user or --principal-tag is required")
            .with_hint("see `dbiam setup policy --help`")),
    }
}

/// Print the document: pretty JSON (also for `--output table`: a policy is a document),
/// or on one line for `--output ndjson`.
fn print(doc: &Value, format: Option<Format>) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if format == Some(Format::Ndjson) {
        serde_json::to_writer(&mut out, doc)
    } else {
        serde_json::to_writer_pretty(&mut out, doc)
    }
    .map_err(|e| write_err(e.into()))?;
    writeln!(out).and_then(|_| out.flush()).map_err(write_err)
}

/// Run `dbiam setup policy`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    if ctx.format == Some(Format::Csv) {
        return Err(
            Error::usage("a policy is a JSON document; --output csv does not apply")
                .with_hint("use --output json (the default) or ndjson"),
        );
    }
    // Check every input before any AWS call.
    check_flags(&args)?;
    let user = if args.dsql.is_some() {
        None
    } else {
        Some(db_user(&args)?)
    };
    if let Some(id) = &args.dbid {
        rds::validate_identifier(id)?;
    }
    if let Some(c) = &args.redshift {
        policy::validate_redshift_cluster(c)?;
    }
    if let Some(d) = &args.db_name {
        policy::validate_redshift_db_name(d)?;
    }
    if let Some(c) = &args.dsql {
        policy::validate_dsql_cluster(c)?;
    }

    let region = ctx.aws.region(None).await?;
    let user_arg = match &user {
        Some(DbUser::Name(n)) => n.clone(),
        _ => "USER".to_owned(),
    };

    if let (Some(id), Some(user)) = (&args.dbid, &user) {
        let kind = if args.cluster {
            TargetKind::Cluster
        } else {
            TargetKind::Instance
        };
        let client = aws_sdk_rds::Client::new(&ctx.aws.sdk_config(&region).await?);
        let db = rds::lookup(&client, id, kind, &region).await?;
        if db.resource_id.is_empty() {
            return Err(Error::failure(format!(
                "RDS did not report a resource id for DB {} '{id}'",
                kind.as_str()
            )));
        }
        let account = ctx.aws.identity(&region).await?.account;
        print(
            &policy::rds_connect(&Scope::new(&region, &account), &db.resource_id, user),
            ctx.format,
        )?;
        if !db.iam_enabled {
            eprintln!(
                "note: IAM authentication is not enabled on DB {} '{id}' yet: `dbiam setup enable {id}{} --apply-immediately` turns it on",
                kind.as_str(),
                cluster_flag(kind)
            );
        }
        next_step(&format!(
            "attach this policy to the IAM role or user (e.g. `aws iam put-role-policy --role-name ROLE --policy-name dbiam-connect --policy-document file://policy.json`), create the user in the database, then `{}` mints a token to try",
            token_command(&db, &user_arg)
        ));
        return Ok(());
    }

    let account = ctx.aws.identity(&region).await?.account;
    let scope = Scope::new(&region, &account);
    if let (Some(cluster), Some(user)) = (&args.redshift, user) {
        let req = RedshiftRequest {
            cluster: cluster.clone(),
            user,
            db_name: args.db_name.clone(),
            auto_create: args.auto_create,
        };
        print(&policy::redshift_credentials(&scope, &req), ctx.format)?;
        next_step(&format!(
            "attach this policy to the IAM role or user, then `aws redshift get-cluster-credentials --cluster-identifier {cluster} --db-user {user_arg}{}` returns a temporary password",
            args.db_name
                .as_deref()
                .map_or_else(String::new, |d| format!(" --db-name {d}"))
        ));
    } else if let Some(id) = &args.dsql {
        print(&policy::dsql_connect(&scope, id, args.admin), ctx.format)?;
        next_step(&format!(
            "attach this policy to the IAM role or user, then `dbiam token --verify --dsql{} --hostname {id}.dsql.{region}.on.aws` mints a token to try",
            if args.admin { " --admin" } else { "" }
        ));
    }
    Ok(())
}
