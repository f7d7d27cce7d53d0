//! Choosing the AWS region: flag, environment, profile, then the database host name.

use crate::error::{Error, Result};
use crate::token::sign::validate_region;

/// Parse the region out of an AWS database endpoint host name, if it is one.
///
/// Knows `<id>.<hash>.<region>.rds.amazonaws.com` (instances, `cluster-`, `cluster-ro-`,
/// `cluster-custom-` and `proxy-` forms alike), the China partition's
/// `.rds.amazonaws.com.cn`, Redshift's `<id>.<hash>.<region>.redshift.amazonaws.com`,
/// Redshift Serverless' `<wg>.<acct>.<region>.redshift-serverless.amazonaws.com`, and
/// Aurora DSQL's `<id>.dsql.<region>.on.aws`.
pub fn from_host(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let candidate = if host.ends_with(".amazonaws.com.cn") && n >= 5 {
        match labels[n - 4] {
            "rds" | "redshift" | "redshift-serverless" => Some(labels[n - 5]),
            _ => None,
        }
    } else if host.ends_with(".amazonaws.com") && n >= 4 {
        match labels[n - 3] {
            "rds" | "redshift" | "redshift-serverless" => Some(labels[n - 4]),
            _ => None,
        }
    } else if host.ends_with(".on.aws") && n >= 4 && labels[n - 4] == "dsql" {
        Some(labels[n - 3])
    } else {
        None
    }?;
    validate_region(candidate).ok()?;
    Some(candidate.to_owned())
}

fn env_region() -> Option<String> {
    ["AWS_REGION", "AWS_DEFAULT_REGION"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
}

async fn profile_region(profile: Option<&str>) -> Option<String> {
    use aws_config::meta::region::ProvideRegion;
    let mut b = aws_config::profile::ProfileFileRegionProvider::builder();
    if let Some(p) = profile {
        b = b.profile_name(p);
    }
    b.build().region().await.map(|r| r.to_string())
}

/// The region in the documented order, validated; `None` when nothing names one.
pub async fn find(
    flag: Option<&str>,
    profile: Option<&str>,
    host: Option<&str>,
) -> Result<Option<String>> {
    let found = match flag {
        Some(r) => Some(r.to_owned()),
        None => match env_region() {
            Some(r) => Some(r),
            None => match profile_region(profile).await {
                Some(r) => Some(r),
                None => host.and_then(from_host),
            },
        },
    };
    if let Some(r) = &found {
        validate_region(r)?;
    }
    Ok(found)
}

/// Resolve the region in the documented order. Reads files and the environment only.
pub async fn resolve(
    flag: Option<&str>,
    profile: Option<&str>,
    host: Option<&str>,
) -> Result<String> {
    match find(flag, profile, host).await? {
        Some(r) => Ok(r),
        None => {
            let what = match host {
                Some(h) => format!("no AWS region given and none can be read from host '{h}'"),
                None => "no AWS region given".to_owned(),
            };
            Err(Error::usage(what)
                .with_hint("pass --region (e.g. --region us-east-1) or set AWS_REGION"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rds_hosts() {
        let cases = [
            (
                "mydb.abcdefghijkl.us-east-1.rds.amazonaws.com",
                Some("us-east-1"),
            ),
            (
                "prod.cluster-abcdefghijkl.eu-west-1.rds.amazonaws.com",
                Some("eu-west-1"),
            ),
            (
                "prod.cluster-ro-abcdefghijkl.eu-west-1.rds.amazonaws.com",
                Some("eu-west-1"),
            ),
            (
                "p.proxy-abcdefghijkl.ap-south-1.rds.amazonaws.com",
                Some("ap-south-1"),
            ),
            (
                "x.cluster-custom-abc.us-west-2.rds.amazonaws.com",
                Some("us-west-2"),
            ),
            ("db.abc.cn-north-1.rds.amazonaws.com.cn", Some("cn-north-1")),
            (
                "db.abc.us-gov-west-1.rds.amazonaws.com",
                Some("us-gov-west-1"),
            ),
            ("MyDB.ABC.US-EAST-2.RDS.AMAZONAWS.COM.", Some("us-east-2")),
            ("c1.abc.us-east-1.redshift.amazonaws.com", Some("us-east-1")),
            (
                "wg.123456789012.eu-central-1.redshift-serverless.amazonaws.com",
                Some("eu-central-1"),
            ),
            (
                "abcdefghijklmnopqrst.dsql.us-east-2.on.aws",
                Some("us-east-2"),
            ),
            ("db.internal.example.com", None),
            ("127.0.0.1", None),
            ("rds.amazonaws.com", None),
            ("x.bogus.rds.amazonaws.com", None),
        ];
        for (h, want) in cases {
            assert_eq!(from_host(h).as_deref(), want, "{h}");
        }
    }
}
