//! Least-privilege IAM policy documents for IAM database authentication, as JSON values:
//! `rds-db:connect` on RDS/Aurora `dbuser` ARNs (by resource id, never by name),
//! `redshift:GetClusterCredentials` on Redshift `dbuser`/`dbname` ARNs, and
//! `dsql:DbConnect` / `dsql:DbConnectAdmin` on Aurora DSQL cluster ARNs. Pure functions;
//! the caller supplies the account, region and resource id.

use serde_json::{json, Value};

use crate::error::{Error, Result};

/// The IAM policy language version every document uses.
pub const POLICY_VERSION: &str = "2012-10-17";

/// The AWS partition a region belongs to: `aws`, `aws-cn`, `aws-us-gov`, or an isolated one.
pub fn partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else if region.starts_with("us-isob-") {
        "aws-iso-b"
    } else if region.starts_with("us-iso-") {
        "aws-iso"
    } else if region.starts_with("eu-isoe-") {
        "aws-iso-e"
    } else if region.starts_with("us-isof-") {
        "aws-iso-f"
    } else {
        "aws"
    }
}

/// Where a policy applies: partition, region and account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// `aws`, `aws-cn`, `aws-us-gov`, …
    pub partition: String,
    /// e.g. `us-east-1`.
    pub region: String,
    /// 12-digit account id.
    pub account: String,
}

impl Scope {
    /// The scope for `region` and `account`, with the region's partition.
    pub fn new(region: &str, account: &str) -> Self {
        Scope {
            partition: partition(region).to_owned(),
            region: region.to_owned(),
            account: account.to_owned(),
        }
    }

    fn arn(&self, service: &str, resource: &str) -> String {
        format!(
            "arn:{}:{service}:{}:{}:{resource}",
            self.partition, self.region, self.account
        )
    }
}

/// The database user a policy lets in: one name, or (ABAC) the caller's principal tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUser {
    /// A literal database user name.
    Name(String),
    /// `${aws:PrincipalTag/KEY}`: each caller gets the user named by its tag.
    PrincipalTag(String),
}

impl DbUser {
    /// A checked user name ([`validate_db_user`]).
    pub fn name(user: &str) -> Result<Self> {
        validate_db_user(user)?;
        Ok(DbUser::Name(user.to_owned()))
    }

    /// A checked principal tag key ([`validate_tag_key`]).
    pub fn principal_tag(key: &str) -> Result<Self> {
        validate_tag_key(key)?;
        Ok(DbUser::PrincipalTag(key.to_owned()))
    }

    /// The user part of a `dbuser` ARN.
    pub fn arn_part(&self) -> String {
        match self {
            DbUser::Name(n) => n.clone(),
            DbUser::PrincipalTag(k) => format!("${{aws:PrincipalTag/{k}}}"),
        }
    }
}

/// A database user name that can stand in an ARN: 1–128 ASCII letters, digits and
/// `_ . - @ + =`. Refused (exit 2): empty names, `/` (ends the resource path), IAM
/// wildcards `*` `?`, policy variables `${…}`, quotes, spaces and anything else.
pub fn validate_db_user(user: &str) -> Result<()> {
    let bad = user
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || "_.-@+=".contains(*c)));
    let problem = if user.is_empty() {
        Some("is empty".to_owned())
    } else if user.len() > 128 {
        Some("is longer than 128 characters".to_owned())
    } else {
        bad.map(|c| format!("contains '{}'", c.escape_debug()))
    };
    match problem {
        None => Ok(()),
        Some(p) => Err(Error::usage(format!(
            "the database user name '{}' {p}, which cannot stand in an IAM ARN",
            user.escape_debug()
        ))
        .with_hint("use letters, digits and _ . - @ + = (or --principal-tag KEY for one policy for many users)")),
    }
}

/// A principal tag key as IAM allows it: 1–128 letters, digits and `_ . : / = + - @`.
pub fn validate_tag_key(key: &str) -> Result<()> {
    let ok = !key.is_empty()
        && key.len() <= 128
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.:/=+-@".contains(c));
    if ok {
        Ok(())
    } else {
        Err(
            Error::usage(format!("'{}' is not an IAM tag key", key.escape_debug()))
                .with_hint("tag keys are 1-128 letters, digits and _ . : / = + - @"),
        )
    }
}

/// A Redshift cluster identifier: 1–63 lowercase letters, digits and hyphens, starting with a letter.
pub fn validate_redshift_cluster(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= 63
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && id.bytes().next().is_some_and(|b| b.is_ascii_lowercase());
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "'{}' is not a Redshift cluster identifier",
            id.escape_debug()
        ))
        .with_hint("cluster identifiers are 1-63 lowercase letters, digits and hyphens"))
    }
}

/// A Redshift database name: 1–64 letters, digits, `_` and `$` (no wildcard, no `/`).
pub fn validate_redshift_db_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "'{}' is not a Redshift database name",
            name.escape_debug()
        ))
        .with_hint("database names are 1-64 letters, digits, _ and $"))
    }
}

/// An Aurora DSQL cluster id: 1–64 lowercase letters and digits (as in
/// `<id>.dsql.<region>.on.aws`).
pub fn validate_dsql_cluster(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "'{}' is not an Aurora DSQL cluster id",
            id.escape_debug()
        ))
        .with_hint("pass the id from the endpoint <id>.dsql.<region>.on.aws"))
    }
}

fn document(statements: Vec<Value>) -> Value {
    json!({ "Version": POLICY_VERSION, "Statement": statements })
}

/// The `rds-db:connect` ARN for a resource id (`db-…` or `cluster-…`) and user.
pub fn rds_dbuser_arn(scope: &Scope, resource_id: &str, user: &DbUser) -> String {
    scope.arn(
        "rds-db",
        &format!("dbuser:{resource_id}/{}", user.arn_part()),
    )
}

/// Allow `rds-db:connect` as `user` to the instance or cluster with this resource id
/// (`DbiResourceId` or `DbClusterResourceId`).
pub fn rds_connect(scope: &Scope, resource_id: &str, user: &DbUser) -> Value {
    document(vec![json!({
        "Sid": "DbiamRdsConnect",
        "Effect": "Allow",
        "Action": ["rds-db:connect"],
        "Resource": [rds_dbuser_arn(scope, resource_id, user)],
    })])
}

/// What a Redshift policy allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedshiftRequest {
    /// Cluster identifier (the name; Redshift ARNs use it).
    pub cluster: String,
    /// The database user.
    pub user: DbUser,
    /// Limit to one database (`DbName`); without it the request must not name one.
    pub db_name: Option<String>,
    /// Also allow `redshift:CreateClusterUser` (GetClusterCredentials `AutoCreate`).
    pub auto_create: bool,
}

/// Allow `redshift:GetClusterCredentials` for one user (and database), as the Redshift
/// docs' policy for it: the `dbuser` ARN, the `dbname` ARN when a database is named,
/// optionally `redshift:CreateClusterUser`, and `redshift:DescribeClusters` on the cluster
/// so a client can find its endpoint.
pub fn redshift_credentials(scope: &Scope, req: &RedshiftRequest) -> Value {
    let dbuser = scope.arn(
        "redshift",
        &format!("dbuser:{}/{}", req.cluster, req.user.arn_part()),
    );
    let mut resources = vec![json!(dbuser)];
    if let Some(db) = &req.db_name {
        resources.push(json!(
            scope.arn("redshift", &format!("dbname:{}/{db}", req.cluster))
        ));
    }
    let mut statements = vec![json!({
        "Sid": "DbiamRedshiftGetClusterCredentials",
        "Effect": "Allow",
        "Action": ["redshift:GetClusterCredentials"],
        "Resource": resources,
    })];
    if req.auto_create {
        statements.push(json!({
            "Sid": "DbiamRedshiftCreateClusterUser",
            "Effect": "Allow",
            "Action": ["redshift:CreateClusterUser"],
            "Resource": [dbuser],
        }));
    }
    statements.push(json!({
        "Sid": "DbiamRedshiftDescribeCluster",
        "Effect": "Allow",
        "Action": ["redshift:DescribeClusters"],
        "Resource": [scope.arn("redshift", &format!("cluster:{}", req.cluster))],
    }));
    document(statements)
}

/// Allow `dsql:DbConnect` (custom database roles) or, with `admin`, `dsql:DbConnectAdmin`
/// (the `admin` role) on one Aurora DSQL cluster.
pub fn dsql_connect(scope: &Scope, cluster_id: &str, admin: bool) -> Value {
    let action = if admin {
        "dsql:DbConnectAdmin"
    } else {
        "dsql:DbConnect"
    };
    document(vec![json!({
        "Sid": if admin { "DbiamDsqlConnectAdmin" } else { "DbiamDsqlConnect" },
        "Effect": "Allow",
        "Action": [action],
        "Resource": [scope.arn("dsql", &format!("cluster/{cluster_id}"))],
    })])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope() -> Scope {
        Scope::new("eu-west-1", "123456789012")
    }

    #[test]
    fn partitions() {
        assert_eq!(partition("us-east-1"), "aws");
        assert_eq!(partition("cn-northwest-1"), "aws-cn");
        assert_eq!(partition("us-gov-west-1"), "aws-us-gov");
        assert_eq!(partition("us-iso-east-1"), "aws-iso");
        assert_eq!(partition("us-isob-east-1"), "aws-iso-b");
    }

    #[test]
    fn rds_document() {
        let p = rds_connect(&scope(), "db-ABC123", &DbUser::name("app_user").unwrap());
        assert_eq!(
            p,
            json!({
                "Version": "2012-10-17",
                "Statement": [{
                    "Sid": "DbiamRdsConnect",
                    "Effect": "Allow",
                    "Action": ["rds-db:connect"],
                    "Resource": ["arn:aws:rds-db:eu-west-1:123456789012:dbuser:db-ABC123/app_user"],
                }]
            })
        );
        let cn = Scope::new("cn-north-1", "123456789012");
        assert_eq!(
            rds_dbuser_arn(
                &cn,
                "cluster-XYZ",
                &DbUser::principal_tag("username").unwrap()
            ),
            "arn:aws-cn:rds-db:cn-north-1:123456789012:dbuser:cluster-XYZ/${aws:PrincipalTag/username}"
        );
    }

    #[test]
    fn user_names_that_break_arns_are_refused() {
        for ok in ["app", "jane.doe@example.com", "a-b_c+d=e", &"u".repeat(128)] {
            assert!(validate_db_user(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a/b",
            "*",
            "app*",
            "a?",
            "${aws:username}",
            "a b",
            "x; drop table t",
            "a\"b",
            "é",
            "a\nb",
            &"u".repeat(129),
        ] {
            let e = validate_db_user(bad).unwrap_err();
            assert_eq!(e.exit_code().code(), 2, "{bad:?}");
            assert!(!e.to_string().contains('\n'), "{bad:?}");
        }
        assert!(validate_tag_key("team/name").is_ok());
        assert!(validate_tag_key("a}b").is_err());
        assert!(validate_tag_key("").is_err());
    }

    #[test]
    fn redshift_document() {
        let req = RedshiftRequest {
            cluster: "analytics".into(),
            user: DbUser::name("bi").unwrap(),
            db_name: Some("dev".into()),
            auto_create: true,
        };
        let p = redshift_credentials(&scope(), &req);
        let st = p["Statement"].as_array().unwrap();
        assert_eq!(st.len(), 3);
        assert_eq!(
            st[0]["Resource"],
            json!([
                "arn:aws:redshift:eu-west-1:123456789012:dbuser:analytics/bi",
                "arn:aws:redshift:eu-west-1:123456789012:dbname:analytics/dev"
            ])
        );
        assert_eq!(st[1]["Action"], json!(["redshift:CreateClusterUser"]));
        assert_eq!(
            st[2]["Resource"],
            json!(["arn:aws:redshift:eu-west-1:123456789012:cluster:analytics"])
        );
        let bare = redshift_credentials(
            &scope(),
            &RedshiftRequest {
                db_name: None,
                auto_create: false,
                ..req
            },
        );
        assert_eq!(bare["Statement"].as_array().unwrap().len(), 2);
        assert_eq!(
            bare["Statement"][0]["Resource"].as_array().unwrap().len(),
            1
        );
    }

    #[test]
    fn dsql_document() {
        let p = dsql_connect(&scope(), "abcdefghijklmnopqrstuvwxyz", true);
        assert_eq!(p["Statement"][0]["Action"], json!(["dsql:DbConnectAdmin"]));
        assert_eq!(
            p["Statement"][0]["Resource"],
            json!(["arn:aws:dsql:eu-west-1:123456789012:cluster/abcdefghijklmnopqrstuvwxyz"])
        );
        let p = dsql_connect(&scope(), "abc", false);
        assert_eq!(p["Statement"][0]["Action"], json!(["dsql:DbConnect"]));
        assert!(validate_dsql_cluster("Abc").is_err());
        assert!(validate_dsql_cluster("abc.dsql").is_err());
        assert!(validate_redshift_cluster("my-cluster").is_ok());
        assert!(validate_redshift_cluster("My_Cluster").is_err());
        assert!(validate_redshift_db_name("dev").is_ok());
        assert!(validate_redshift_db_name("d*").is_err());
    }
}
