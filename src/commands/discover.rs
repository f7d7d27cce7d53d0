//! `dbiam discover`: list IAM-capable databases across services and regions at once.
//! Wires flags to [`crate::discover`] and the output layer; failures of single jobs go
//! to stderr, and the exit code says when the results are partial.

use super::{write_err, Context};
use crate::discover::{self, Filter, Found, Service, COLUMNS, TABLE_COLUMNS};
use crate::error::{Error, Result};
use crate::output::progress::Progress;
use crate::output::Format;

/// `dbiam discover` flags. `--region` (global) takes a comma list here.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Services to query, comma-separated: rds, aurora, proxy, redshift,
    /// redshift-serverless, docdb, dsql, dynamodb, elasticache, elasticache-serverless,
    /// memorydb (default: all, DSQL and MemoryDB only where AWS offers them; a service
    /// named here is queried in every region given).
    #[arg(long, value_name = "LIST")]
    pub services: Option<String>,
    /// Query every region of the resolved region's partition (a built-in list of
    /// regions enabled by default) instead of --region.
    #[arg(long)]
    pub all_regions: bool,
    /// Only resources where IAM authentication is usable (enabled, required, always).
    #[arg(long)]
    pub iam_only: bool,
    /// Only engines containing this text, e.g. `postgres` (postgres and aurora-postgresql).
    #[arg(long, value_name = "ENGINE")]
    pub engine: Option<String>,
    /// Save every database and cache listed that dbiam can log in to (SQL, DSQL,
    /// ElastiCache, MemoryDB) as a named target in the config file, named after its id
    /// (`ID-REGION` when the id appears in several regions); a target of the same name is
    /// replaced.
    #[arg(long)]
    pub save: bool,
}

/// Which regions to query: `--all-regions`, `--region R1,R2`, or the resolved region.
async fn regions(args: &Args, ctx: &Context) -> Result<Vec<String>> {
    let flag = ctx.aws.options().region.as_deref();
    match (args.all_regions, flag) {
        (true, Some(_)) => Err(
            Error::usage("--all-regions and --region exclude each other")
                .with_hint("the partition of --all-regions follows AWS_REGION or the profile"),
        ),
        (true, None) => Ok(discover::all_regions(&ctx.aws.region(None).await?)),
        (false, Some(list)) => discover::parse_regions(list),
        (false, None) => Ok(vec![ctx.aws.region(None).await?]),
    }
}

fn print(found: &Found, filter: &Filter, ctx: &Context) -> Result<()> {
    let output = ctx.output(Format::Table);
    let table = output.format == Format::Table;
    let columns: Vec<String> = if table {
        TABLE_COLUMNS.iter().map(|c| c.to_string()).collect()
    } else {
        COLUMNS.iter().map(|c| c.to_string()).collect()
    };
    let mut w = output.rows(std::io::stdout().lock());
    w.begin(&columns).map_err(write_err)?;
    for r in found.resources.iter().filter(|r| filter.keeps(r)) {
        let values = if table { r.table_values() } else { r.values() };
        w.row(&values).map_err(write_err)?;
    }
    w.end().map_err(write_err)
}

/// Run `dbiam discover`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    let services = match &args.services {
        Some(list) => discover::parse_services(list)?,
        None => Service::ALL.to_vec(),
    };
    let regions = regions(&args, ctx).await?;
    let filter = Filter {
        iam_only: args.iam_only,
        engine: args.engine.clone().filter(|e| !e.is_empty()),
    };
    let mut progress = Progress::immediate();
    let every_region = args.services.is_some();
    let found = discover::discover(
        &ctx.aws,
        &regions,
        &services,
        every_region,
        |done, total| progress.update(|| format!("discovering… {done}/{total} done")),
    )
    .await;
    progress.finish();
    let found = found?;
    for f in &found.failures {
        eprintln!("dbiam: warning: {} in {}: {}", f.service, f.region, f.error);
    }
    if found.failures.len() < found.jobs {
        print(&found, &filter, ctx)?;
    }
    if args.save {
        save(&found, &filter, ctx)?;
    }
    found.outcome()
}

/// `--save`: write the listed SQL databases as named targets.
fn save(found: &Found, filter: &Filter, ctx: &Context) -> Result<()> {
    let kept: Vec<_> = found
        .resources
        .iter()
        .filter(|r| filter.keeps(r))
        .filter_map(|r| Some((r, r.target()?)))
        .collect();
    let path = &ctx.config.path;
    for (r, target) in &kept {
        let shared = kept.iter().filter(|(o, _)| o.id == r.id).count() > 1;
        let name = if shared {
            format!("{}-{}", r.id, r.region)
        } else {
            r.id.clone()
        };
        crate::config::save_target(path, &name, target)?;
    }
    eprintln!(
        "dbiam: saved {} target{} to {}",
        kept.len(),
        if kept.len() == 1 { "" } else { "s" },
        path.display()
    );
    Ok(())
}
