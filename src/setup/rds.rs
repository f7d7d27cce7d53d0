//! RDS instances and Aurora clusters as far as IAM authentication goes: looking one up by
//! identifier (with a helpful error when an instance id names a cluster member or a
//! cluster), ModifyDBInstance / ModifyDBCluster with `EnableIAMDatabaseAuthentication`,
//! and polling DescribeDBInstances / DescribeDBClusters until the change settles.

use aws_sdk_rds::Client;
use std::time::Duration;

use crate::aws::sdk_error;
use crate::error::{Error, Result};

/// An RDS DB instance or an Aurora DB cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// A DB instance (not a member of an Aurora cluster).
    Instance,
    /// An Aurora DB cluster (`--cluster`).
    Cluster,
}

impl TargetKind {
    /// `instance` or `cluster`.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Instance => "instance",
            TargetKind::Cluster => "cluster",
        }
    }
}

/// What DescribeDBInstances / DescribeDBClusters reports about a database's IAM auth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbState {
    /// Instance or cluster.
    pub kind: TargetKind,
    /// The identifier (name).
    pub id: String,
    /// `DbiResourceId` (instance) or `DbClusterResourceId` (cluster): what `rds-db` ARNs use.
    pub resource_id: String,
    /// Engine, e.g. `postgres`, `aurora-mysql`.
    pub engine: String,
    /// `DBInstanceStatus` / `Status`, e.g. `available`, `modifying`.
    pub status: String,
    /// `IAMDatabaseAuthenticationEnabled`.
    pub iam_enabled: bool,
    /// The pending modified values switch IAM authentication on.
    pub iam_pending: bool,
    /// A parameter group change waits for a reboot (`pending-reboot`).
    pub pending_reboot: bool,
    /// Endpoint address (the cluster's writer endpoint for a cluster).
    pub endpoint: Option<String>,
    /// Endpoint port.
    pub port: Option<u16>,
    /// For an instance: the Aurora cluster it belongs to.
    pub cluster_id: Option<String>,
}

/// How enabling IAM authentication ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It was on already; nothing was changed.
    AlreadyEnabled,
    /// It is on now.
    Enabled,
    /// The change waits for the next maintenance window (no `--apply-immediately`).
    PendingMaintenance,
    /// The change waits for a reboot.
    PendingReboot,
    /// The change was requested and not waited for (`--no-wait`).
    Requested,
}

impl Outcome {
    /// The outcome as printed: `already-enabled`, `enabled`, `pending-maintenance`,
    /// `pending-reboot`, `requested`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::AlreadyEnabled => "already-enabled",
            Outcome::Enabled => "enabled",
            Outcome::PendingMaintenance => "pending-maintenance",
            Outcome::PendingReboot => "pending-reboot",
            Outcome::Requested => "requested",
        }
    }
}

/// Check an RDS DB instance or cluster identifier: 1–63 ASCII letters, digits and hyphens.
pub fn validate_identifier(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= 63
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphabetic());
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "'{}' is not an RDS DB instance or cluster identifier",
            id.escape_debug()
        ))
        .with_hint("identifiers are 1-63 letters, digits and hyphens, starting with a letter"))
    }
}

fn port(p: Option<i32>) -> Option<u16> {
    p.and_then(|p| u16::try_from(p).ok())
}

fn instance_state(db: &aws_sdk_rds::types::DbInstance) -> DbState {
    let pending = db.pending_modified_values();
    DbState {
        kind: TargetKind::Instance,
        id: db.db_instance_identifier().unwrap_or_default().to_owned(),
        resource_id: db.dbi_resource_id().unwrap_or_default().to_owned(),
        engine: db.engine().unwrap_or_default().to_owned(),
        status: db.db_instance_status().unwrap_or_default().to_owned(),
        iam_enabled: db.iam_database_authentication_enabled() == Some(true),
        iam_pending: pending.and_then(|p| p.iam_database_authentication_enabled()) == Some(true),
        pending_reboot: db
            .db_parameter_groups()
            .iter()
            .any(|g| g.parameter_apply_status() == Some("pending-reboot")),
        endpoint: db.endpoint().and_then(|e| e.address()).map(str::to_owned),
        port: port(db.endpoint().and_then(|e| e.port())),
        cluster_id: db
            .db_cluster_identifier()
            .filter(|c| !c.is_empty())
            .map(str::to_owned),
    }
}

fn cluster_state(c: &aws_sdk_rds::types::DbCluster) -> DbState {
    DbState {
        kind: TargetKind::Cluster,
        id: c.db_cluster_identifier().unwrap_or_default().to_owned(),
        resource_id: c.db_cluster_resource_id().unwrap_or_default().to_owned(),
        engine: c.engine().unwrap_or_default().to_owned(),
        status: c.status().unwrap_or_default().to_owned(),
        iam_enabled: c.iam_database_authentication_enabled() == Some(true),
        iam_pending: c
            .pending_modified_values()
            .and_then(|p| p.iam_database_authentication_enabled())
            == Some(true),
        pending_reboot: c
            .db_cluster_members()
            .iter()
            .any(|m| m.db_cluster_parameter_group_status() == Some("pending-reboot")),
        endpoint: c.endpoint().map(str::to_owned),
        port: port(c.port()),
        cluster_id: None,
    }
}

/// DescribeDBInstances for one identifier; `None` when there is no such instance.
pub async fn describe_instance(client: &Client, id: &str) -> Result<Option<DbState>> {
    match client
        .describe_db_instances()
        .db_instance_identifier(id)
        .send()
        .await
    {
        Ok(out) => Ok(out.db_instances().first().map(instance_state)),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_db_instance_not_found_fault()) =>
        {
            Ok(None)
        }
        Err(e) => Err(sdk_error("RDS DescribeDBInstances", e)),
    }
}

/// DescribeDBClusters for one identifier; `None` when there is no such cluster.
pub async fn describe_cluster(client: &Client, id: &str) -> Result<Option<DbState>> {
    match client
        .describe_db_clusters()
        .db_cluster_identifier(id)
        .send()
        .await
    {
        Ok(out) => Ok(out.db_clusters().first().map(cluster_state)),
        Err(e)
            if e.as_service_error()
                .is_some_and(|s| s.is_db_cluster_not_found_fault()) =>
        {
            Ok(None)
        }
        Err(e) => Err(sdk_error("RDS DescribeDBClusters", e)),
    }
}

/// Describe the instance or cluster again (after a change).
pub async fn describe(client: &Client, kind: TargetKind, id: &str) -> Result<Option<DbState>> {
    match kind {
        TargetKind::Instance => describe_instance(client, id).await,
        TargetKind::Cluster => describe_cluster(client, id).await,
    }
}

fn not_found(kind: TargetKind, id: &str, region: &str) -> Error {
    let what = match kind {
        TargetKind::Instance => "DB instance or cluster",
        TargetKind::Cluster => "DB cluster",
    };
    Error::failure(format!("no RDS {what} named '{id}' in {region}"))
        .with_hint("check the identifier and --region (`aws rds describe-db-instances` lists them)")
}

/// Find the database `id` names. Without `--cluster` (`kind` is `Instance`) an Aurora
/// cluster member or a cluster identifier is refused with a hint to use `--cluster`;
/// with it, an instance identifier is refused likewise. No such database: exit 1.
pub async fn lookup(client: &Client, id: &str, kind: TargetKind, region: &str) -> Result<DbState> {
    validate_identifier(id)?;
    match kind {
        TargetKind::Instance => {
            if let Some(db) = describe_instance(client, id).await? {
                if let Some(cluster) = &db.cluster_id {
                    return Err(Error::usage(format!(
                        "'{id}' is an Aurora cluster member (of cluster '{cluster}'); IAM authentication is a cluster setting"
                    ))
                    .with_hint(format!("use --cluster with the cluster id: `{cluster} --cluster`")));
                }
                return Ok(db);
            }
            if describe_cluster(client, id).await?.is_some() {
                return Err(Error::usage(format!("'{id}' is an Aurora DB cluster"))
                    .with_hint(format!("add --cluster: `{id} --cluster`")));
            }
            Err(not_found(kind, id, region))
        }
        TargetKind::Cluster => {
            if let Some(c) = describe_cluster(client, id).await? {
                return Ok(c);
            }
            match describe_instance(client, id).await? {
                Some(db) => match &db.cluster_id {
                    Some(cluster) => Err(Error::usage(format!(
                        "'{id}' is an Aurora cluster member (of cluster '{cluster}'), not a cluster"
                    ))
                    .with_hint(format!(
                        "use --cluster with the cluster id: `{cluster} --cluster`"
                    ))),
                    None => Err(
                        Error::usage(format!("'{id}' is a DB instance, not a cluster"))
                            .with_hint("drop --cluster"),
                    ),
                },
                None => Err(not_found(kind, id, region)),
            }
        }
    }
}

/// Ask RDS to switch IAM database authentication on (ModifyDBInstance / ModifyDBCluster).
pub async fn request_enable(client: &Client, db: &DbState, apply_immediately: bool) -> Result<()> {
    match db.kind {
        TargetKind::Instance => client
            .modify_db_instance()
            .db_instance_identifier(&db.id)
            .enable_iam_database_authentication(true)
            .apply_immediately(apply_immediately)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| sdk_error("RDS ModifyDBInstance", e)),
        TargetKind::Cluster => client
            .modify_db_cluster()
            .db_cluster_identifier(&db.id)
            .enable_iam_database_authentication(true)
            .apply_immediately(apply_immediately)
            .send()
            .await
            .map(|_| ())
            .map_err(|e| sdk_error("RDS ModifyDBCluster", e)),
    }
}

/// Whether a described state ends the wait, and how.
pub fn settled(db: &DbState, apply_immediately: bool) -> Option<Outcome> {
    if db.iam_enabled {
        Some(Outcome::Enabled)
    } else if db.iam_pending && db.pending_reboot {
        Some(Outcome::PendingReboot)
    } else if db.iam_pending && !apply_immediately {
        Some(Outcome::PendingMaintenance)
    } else {
        None
    }
}

/// How long to wait for the change, and how often to look.
#[derive(Debug, Clone, Copy)]
pub struct Wait {
    /// Give up after this long (zero: look once, do not wait).
    pub timeout: Duration,
    /// Time between two describes.
    pub interval: Duration,
}

/// Describe `db` until [`settled`] says the change is done or pending, or the time is up
/// (`None`). `progress` is called with the latest state and the time waited so far
/// after every describe and every second in between.
pub async fn wait_until_settled(
    client: &Client,
    db: &DbState,
    apply_immediately: bool,
    wait: Wait,
    mut progress: impl FnMut(&DbState, Duration),
) -> Result<(Option<Outcome>, DbState)> {
    let start = tokio::time::Instant::now();
    let deadline = start + wait.timeout;
    loop {
        let now = describe(client, db.kind, &db.id).await?.ok_or_else(|| {
            Error::failure(format!(
                "the DB {} '{}' disappeared while waiting",
                db.kind.as_str(),
                db.id
            ))
        })?;
        progress(&now, start.elapsed());
        if let Some(outcome) = settled(&now, apply_immediately) {
            return Ok((Some(outcome), now));
        }
        let next = (tokio::time::Instant::now() + wait.interval).min(deadline);
        if next <= tokio::time::Instant::now() {
            return Ok((None, now));
        }
        // Sleep to the next look in steps of a second, so the indicator stays alive.
        loop {
            let left = next.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                break;
            }
            tokio::time::sleep(left.min(Duration::from_secs(1))).await;
            progress(&now, start.elapsed());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> DbState {
        DbState {
            kind: TargetKind::Instance,
            id: "db1".into(),
            resource_id: "db-ABC".into(),
            engine: "postgres".into(),
            status: "available".into(),
            iam_enabled: false,
            iam_pending: false,
            pending_reboot: false,
            endpoint: None,
            port: None,
            cluster_id: None,
        }
    }

    #[test]
    fn identifiers_are_checked() {
        for ok in ["db1", "my-db-2", "A"] {
            assert!(validate_identifier(ok).is_ok(), "{ok}");
        }
        for bad in ["", "1db", "db_1", "db/1", "db 1", &"a".repeat(64)] {
            let e = validate_identifier(bad).unwrap_err();
            assert_eq!(e.exit_code().code(), 2, "{bad}");
        }
    }

    #[test]
    fn settling_rules() {
        let mut s = state();
        assert_eq!(settled(&s, true), None);
        s.iam_pending = true;
        assert_eq!(settled(&s, true), None, "applying now: keep waiting");
        assert_eq!(settled(&s, false), Some(Outcome::PendingMaintenance));
        s.pending_reboot = true;
        assert_eq!(settled(&s, true), Some(Outcome::PendingReboot));
        s.iam_enabled = true;
        assert_eq!(settled(&s, true), Some(Outcome::Enabled));
        let mut unrelated_reboot = state();
        unrelated_reboot.pending_reboot = true;
        assert_eq!(settled(&unrelated_reboot, true), None);
    }
}
