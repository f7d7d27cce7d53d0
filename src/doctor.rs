//! `dbiam doctor`'s checks, in order: AWS credentials (STS) and allowed account, region
//! against the host name, DNS, TCP, TLS (the probe `\conninfo` uses: the engine's TLS
//! request, then a handshake verified as the connection would be), IAM auth on the instance or cluster (RDS API),
//! the token, and a real login whose failure comes with its likely causes ranked by what
//! the earlier checks found. Each check passes, fails (with a fix) or is skipped.

use serde_json::{json, Value};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crate::aws::Signer;
use crate::db::engine::AnyDriver;
use crate::db::{tls, Auth, ConnParams, Engine};
use crate::error::Error;

/// A check's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// It works.
    Pass,
    /// It does not; see the fix.
    Fail,
    /// Not checked (not applicable, or an earlier check failed).
    Skip,
}

impl Status {
    /// `pass`, `fail`, `skip`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Skip => "skip",
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone)]
pub struct Check {
    /// Short name (`credentials`, `region`, `dns`, …).
    pub name: &'static str,
    /// Outcome.
    pub status: Status,
    /// What was found.
    pub detail: String,
    /// What to do about a failure (empty otherwise).
    pub fix: String,
}

impl Check {
    fn pass(name: &'static str, detail: impl Into<String>) -> Check {
        Check {
            name,
            status: Status::Pass,
            detail: detail.into(),
            fix: String::new(),
        }
    }
    fn fail(name: &'static str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check {
            name,
            status: Status::Fail,
            detail: detail.into(),
            fix: fix.into(),
        }
    }
    fn skip(name: &'static str, detail: impl Into<String>) -> Check {
        Check {
            name,
            status: Status::Skip,
            detail: detail.into(),
            fix: String::new(),
        }
    }

    /// As a JSON object `{check, status, detail, fix}`.
    pub fn to_json(&self) -> Value {
        json!({"check": self.name, "status": self.status.as_str(), "detail": self.detail, "fix": self.fix})
    }
}

fn err_text(e: &Error) -> String {
    e.message().to_owned()
}

/// Run every check for `params`. `instance` names the RDS instance (or cluster) to ask
/// about IAM auth when the host is not its endpoint.
pub async fn run(ctx: &dyn Signer, params: &ConnParams, instance: Option<&str>) -> Vec<Check> {
    let mut checks = Vec::new();
    let signing_host = match &params.auth {
        Auth::Iam { signing_host, .. } => signing_host.clone(),
        Auth::Password(_) => params.host.clone(),
    };

    // 1. Credentials and account.
    let creds_ok = match ctx.aws().sts_region().await {
        Ok(sts_region) => match ctx.aws().identity(&sts_region).await {
            Ok(id) => {
                checks.push(Check::pass(
                    "credentials",
                    format!("{} (account {})", id.arn, id.account),
                ));
                let allowed = &ctx.aws().options().allowed_accounts;
                if allowed.is_empty() {
                    checks.push(Check::skip("account", "no allowed accounts configured"));
                    true
                } else {
                    match crate::aws::accounts::check(&id.account, allowed) {
                        Ok(()) => {
                            checks
                                .push(Check::pass("account", format!("{} is allowed", id.account)));
                            true
                        }
                        Err(e) => {
                            checks.push(Check::fail(
                                "account",
                                e.message().to_owned(),
                                "use credentials of an allowed account (--profile), or change allowed_accounts",
                            ));
                            false
                        }
                    }
                }
            }
            Err(e) => {
                checks.push(Check::fail(
                    "credentials",
                    err_text(&e),
                    "refresh your credentials (`dbiam login`, `aws sso login`), check --profile/AWS_PROFILE, and that STS is reachable",
                ));
                checks.push(Check::skip("account", "needs valid credentials"));
                false
            }
        },
        Err(e) => {
            checks.push(Check::fail(
                "credentials",
                err_text(&e),
                "set a region (--region)",
            ));
            checks.push(Check::skip("account", "needs valid credentials"));
            false
        }
    };

    // 2. Region against the host name.
    let region = ctx.aws().region(Some(&signing_host)).await;
    let mut region_bad = false;
    match (&region, crate::aws::region::from_host(&signing_host)) {
        (Err(e), _) => {
            region_bad = true;
            checks.push(Check::fail("region", err_text(e), "pass --region"));
        }
        (Ok(r), None) => checks.push(Check::skip(
            "region",
            format!("{signing_host} is not an AWS endpoint name; signing for {r}"),
        )),
        (Ok(r), Some(h)) if *r == h => {
            checks.push(Check::pass("region", format!("{r} matches the host name")))
        }
        (Ok(r), Some(h)) => {
            region_bad = true;
            checks.push(Check::fail(
                "region",
                format!("the token would be signed for {r}, but {signing_host} is in {h}"),
                format!("pass --region {h} (or fix AWS_REGION / the profile's region)"),
            ))
        }
    }

    // 3. DNS.
    let addrs: Vec<SocketAddr> = match params.hostaddr {
        Some(ip) => {
            checks.push(Check::skip("dns", format!("--hostaddr {ip} given")));
            vec![SocketAddr::new(ip, params.port)]
        }
        None => match tokio::net::lookup_host((params.host.as_str(), params.port)).await {
            Ok(a) => {
                let a: Vec<SocketAddr> = a.collect();
                let ips: Vec<String> = a.iter().map(|s| s.ip().to_string()).collect();
                checks.push(Check::pass(
                    "dns",
                    format!("{} resolves to {}", params.host, ips.join(", ")),
                ));
                a
            }
            Err(e) => {
                checks.push(Check::fail(
                    "dns",
                    format!("{} does not resolve: {e}", params.host),
                    "check the host name; private endpoints resolve only inside the VPC (VPN, bastion, or --hostaddr with a tunnel)",
                ));
                Vec::new()
            }
        },
    };

    // 4. TCP.
    let mut tcp: Option<TcpStream> = None;
    if addrs.is_empty() {
        checks.push(Check::skip("tcp", "needs DNS"));
    } else {
        let timeout = params.connect_timeout.min(Duration::from_secs(10));
        let mut last = None;
        for a in &addrs {
            match TcpStream::connect_timeout(a, timeout) {
                Ok(s) => {
                    checks.push(Check::pass("tcp", format!("connected to {a}")));
                    tcp = Some(s);
                    break;
                }
                Err(e) => last = Some((a, e)),
            }
        }
        if tcp.is_none() {
            if let Some((a, e)) = last {
                let fix = if e.kind() == std::io::ErrorKind::ConnectionRefused {
                    "nothing listens there: check the port (-p) and that the database is running"
                } else {
                    "the server did not answer: check security groups, network ACLs, VPN or tunnel"
                };
                checks.push(Check::fail(
                    "tcp",
                    format!("cannot connect to {a}: {e}"),
                    fix,
                ));
            }
        }
    }

    // 5. TLS: the same probe and the same description as `connect`'s `\conninfo`.
    let tls_ok = if tcp.is_none() {
        checks.push(Check::skip("tls", "needs a TCP connection"));
        false
    } else {
        let c = tls_check(params).await;
        let ok = c.status == Status::Pass;
        checks.push(c);
        ok
    };

    // 6. IAM auth on the instance or cluster.
    let mut iam_off = false;
    match &region {
        Ok(r) => {
            let c = iam_check(ctx, r, &signing_host, instance).await;
            iam_off = c.status == Status::Fail;
            checks.push(c);
        }
        Err(_) => checks.push(Check::skip("iam-auth", "needs a region")),
    }

    // 7. Token.
    let login = if !params.is_iam() {
        checks.push(Check::skip("token", "--no-iam: a password is used"));
        params.login(ctx).await.ok()
    } else {
        match params.login(ctx).await {
            Ok(l) => {
                let expires = l.expires_at.unwrap_or_else(|| ctx.signing_time());
                let left = (expires - crate::aws::now()).whole_seconds();
                let when = crate::output::rfc3339(expires);
                let detail = if params.engine == Engine::Redshift {
                    "temporary Redshift credentials issued".to_owned()
                } else if left > 0 {
                    format!(
                        "minted for {}@{signing_host}; expires {when} (in {})",
                        l.params.user,
                        crate::output::human_duration(left)
                    )
                } else {
                    format!(
                        "minted for {}@{signing_host}; expired at {when} (signed with --signing-time)",
                        l.params.user
                    )
                };
                checks.push(Check::pass("token", detail));
                Some(l)
            }
            Err(e) => {
                checks.push(Check::fail(
                    "token",
                    err_text(&e),
                    "fix the credentials and region checks above",
                ));
                None
            }
        }
    };

    // 8. Login.
    match login {
        None => checks.push(Check::skip("login", "needs a token")),
        Some(_) if !tls_ok => checks.push(Check::skip("login", "needs TLS")),
        Some(_) => match AnyDriver::connect(params, ctx).await {
            Ok(_) => checks.push(Check::pass(
                "login",
                format!("logged in as {}", params.describe()),
            )),
            Err(e) => {
                let causes = ranked_causes(params, &signing_host, creds_ok, region_bad, iam_off);
                checks.push(Check::fail(
                    "login",
                    e.message().to_owned(),
                    format!("likely causes, most likely first: {}", causes.join("; ")),
                ))
            }
        },
    }
    checks
}

/// Likely causes of a refused token, the ones earlier checks point at first.
fn ranked_causes(
    params: &ConnParams,
    signing_host: &str,
    creds_ok: bool,
    region_bad: bool,
    iam_off: bool,
) -> Vec<String> {
    let mut evident = Vec::new();
    let mut rest = Vec::new();
    let mut put = |yes: bool, s: String| if yes { evident.push(s) } else { rest.push(s) };
    put(
        region_bad,
        "the token is signed for the wrong region (--region)".into(),
    );
    put(
        iam_off,
        "IAM database authentication is off on the instance (`dbiam setup enable`)".into(),
    );
    put(
        !creds_ok,
        "the AWS credentials are invalid or expired".into(),
    );
    let grant = match params.engine {
        Engine::MySql => format!(
            "the user is not an IAM user in the database (CREATE USER {} IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'; `dbiam setup user`)",
            params.user
        ),
        _ => format!(
            "the user lacks the rds_iam role (GRANT rds_iam TO {}; `dbiam setup user`)",
            params.user
        ),
    };
    rest.push(grant);
    rest.push(format!(
        "the IAM policy lacks rds-db:connect on dbuser:<resource id>/{}",
        params.user
    ));
    rest.push(format!(
        "the token is signed for another endpoint than the server's ({signing_host}:{}; --signing-host/--signing-port behind tunnels and proxies)",
        match &params.auth {
            Auth::Iam { signing_port, .. } => *signing_port,
            Auth::Password(_) => params.port,
        }
    ));
    rest.push("the clock is off, or the token expired (--signing-time)".into());
    evident
        .into_iter()
        .chain(rest)
        .enumerate()
        .map(|(i, s)| format!("{}. {s}", i + 1))
        .collect()
}

/// The engine's TLS request, then a handshake verified as the connection would be
/// ([`tls::probe`]).
async fn tls_check(params: &ConnParams) -> Check {
    match tls::probe(params).await {
        Ok(Some(peer)) => Check::pass("tls", peer.describe(params)),
        Ok(None) => Check::fail(
            "tls",
            "the server refuses TLS",
            "turn TLS on in the server (IAM tokens are only sent over TLS)",
        ),
        Err(e) => Check::fail("tls", err_text(&e), e.hint().unwrap_or_default()),
    }
}

/// IAM auth as the RDS API reports it, for `--db-instance-identifier` or the instance or
/// cluster whose endpoint is the host.
async fn iam_check(ctx: &dyn Signer, region: &str, host: &str, id: Option<&str>) -> Check {
    const NAME: &str = "iam-auth";
    let is_rds = host.to_ascii_lowercase().contains(".rds.amazonaws.com");
    if id.is_none() && !is_rds {
        return Check::skip(
            NAME,
            format!("{host} is not an RDS endpoint; pass --db-instance-identifier to check"),
        );
    }
    let conf = match ctx.aws().sdk_config(region).await {
        Ok(c) => c,
        Err(e) => return Check::fail(NAME, err_text(&e), "fix the credentials"),
    };
    let client = aws_sdk_rds::Client::new(&conf);
    let found = match id {
        Some(id) => match crate::setup::rds::describe_instance(&client, id).await {
            Ok(Some(s)) => Ok(Some(s)),
            Ok(None) => crate::setup::rds::describe_cluster(&client, id).await,
            Err(e) => Err(e),
        },
        None => find_by_endpoint(&client, host).await,
    };
    match found {
        Ok(Some(s)) if s.iam_enabled => Check::pass(
            NAME,
            format!("enabled on {} {} ({region})", s.kind.as_str(), s.id),
        ),
        Ok(Some(s)) if s.iam_pending => Check::fail(
            NAME,
            format!("pending on {} {} (applies at the next maintenance window or reboot)", s.kind.as_str(), s.id),
            "apply it now: `dbiam setup enable --apply-immediately`",
        ),
        Ok(Some(s)) => Check::fail(
            NAME,
            format!("IAM database authentication is off on {} {}", s.kind.as_str(), s.id),
            format!("`dbiam setup enable {}` (or aws rds modify-db-{} --enable-iam-database-authentication)", s.id, s.kind.as_str()),
        ),
        Ok(None) => Check::fail(
            NAME,
            format!("no RDS instance or cluster {} in {region}", id.unwrap_or(host)),
            "check --db-instance-identifier, the region and the account",
        ),
        Err(e) => Check::fail(
            NAME,
            err_text(&e),
            "allow rds:DescribeDBInstances and rds:DescribeDBClusters, or pass --db-instance-identifier",
        ),
    }
}

async fn find_by_endpoint(
    client: &aws_sdk_rds::Client,
    host: &str,
) -> crate::error::Result<Option<crate::setup::rds::DbState>> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let same = |e: Option<&str>| e.is_some_and(|e| e.eq_ignore_ascii_case(&host));
    let mut marker = None;
    loop {
        let out = client
            .describe_db_instances()
            .set_marker(marker)
            .send()
            .await
            .map_err(|e| crate::aws::sdk_error("RDS DescribeDBInstances", e))?;
        for db in out.db_instances() {
            if same(db.endpoint().and_then(|e| e.address())) {
                if let Some(id) = db.db_instance_identifier() {
                    return crate::setup::rds::describe_instance(client, id).await;
                }
            }
        }
        marker = out.marker().map(str::to_owned);
        if marker.is_none() {
            break;
        }
    }
    let mut marker = None;
    loop {
        let out = client
            .describe_db_clusters()
            .set_marker(marker)
            .send()
            .await
            .map_err(|e| crate::aws::sdk_error("RDS DescribeDBClusters", e))?;
        for c in out.db_clusters() {
            if same(c.endpoint()) || same(c.reader_endpoint()) {
                if let Some(id) = c.db_cluster_identifier() {
                    return crate::setup::rds::describe_cluster(client, id).await;
                }
            }
        }
        marker = out.marker().map(str::to_owned);
        if marker.is_none() {
            break;
        }
    }
    Ok(None)
}
