//! `dbiam dynamo`: DynamoDB tables and items in plain JSON (or `--typed` AttributeValue
//! JSON) through the shared output layer. Flags are wired here; the work is in
//! [`crate::dynamo`].

use serde_json::{Map, Value};
use std::io::Read as _;

use super::{write_err, Context};
use crate::dynamo::value::{self, parse_item, parse_items, parse_list, parse_names};
use crate::dynamo::{Dialect, Dynamo, Expressions, Flow, Item, Read};
use crate::error::{Error, Result};
use crate::output::progress::Progress;
use crate::output::{Format, ObjectWriter};

/// `dbiam dynamo` flags.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Read and write AttributeValue JSON as the aws-cli does ({"S": "x"}, {"N": "1"}, …)
    /// instead of plain JSON.
    #[arg(long, global = true)]
    pub typed: bool,
    /// What to do.
    #[command(subcommand)]
    pub action: Action,
}

/// `--values` and `--names` for expressions.
#[derive(Debug, Clone, clap::Args)]
pub struct ExprArgs {
    /// ExpressionAttributeValues as a JSON object, e.g. '{":p": "a"}'.
    #[arg(long, value_name = "JSON")]
    pub values: Option<String>,
    /// ExpressionAttributeNames as a JSON object, e.g. '{"#n": "name"}'.
    #[arg(long, value_name = "JSON")]
    pub names: Option<String>,
}

/// `dbiam dynamo` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// List tables with status, item count, size, key schema and billing mode.
    Tables,
    /// Show a table's keys, indexes, TTL and stream settings.
    Describe {
        /// Table name.
        table: String,
    },
    /// Read one item by its key (exit 1 when there is none).
    Get {
        /// Table name.
        table: String,
        /// The key as JSON, e.g. '{"pk": "a", "sk": 1}'.
        #[arg(long, value_name = "JSON")]
        key: String,
        /// ProjectionExpression: the attributes to return.
        #[arg(long, value_name = "EXPR")]
        projection: Option<String>,
        /// ExpressionAttributeNames as a JSON object.
        #[arg(long, value_name = "JSON")]
        names: Option<String>,
        /// Strongly consistent read.
        #[arg(long)]
        consistent: bool,
    },
    /// Write one item (PutItem) or many (BatchWriteItem, 25 at a time).
    Put {
        /// Table name.
        table: String,
        /// The item as JSON; `-` reads stdin, `@FILE` reads a file. Stdin and files may
        /// hold many items (NDJSON: one object per line).
        #[arg(long, value_name = "JSON|-|@FILE")]
        item: String,
        /// ConditionExpression (one item only), e.g. 'attribute_not_exists(pk)'.
        #[arg(long, value_name = "EXPR")]
        condition: Option<String>,
        #[command(flatten)]
        expr: ExprArgs,
    },
    /// Delete one item by its key; prints the item that was deleted.
    Delete {
        /// Table name.
        table: String,
        /// The key as JSON.
        #[arg(long, value_name = "JSON")]
        key: String,
        /// ConditionExpression, e.g. 'version = :v'.
        #[arg(long, value_name = "EXPR")]
        condition: Option<String>,
        #[command(flatten)]
        expr: ExprArgs,
    },
    /// Query by key condition, following every page.
    Query {
        /// Table name.
        table: String,
        /// KeyConditionExpression, e.g. 'pk = :p AND sk > :s'.
        #[arg(long, value_name = "EXPR")]
        key_condition: String,
        #[command(flatten)]
        read: ReadArgs,
        /// Read in descending sort-key order.
        #[arg(long)]
        desc: bool,
    },
    /// Scan a table or index, following every page; --segments N scans in parallel.
    Scan {
        /// Table name.
        table: String,
        #[command(flatten)]
        read: ReadArgs,
        /// Parallel scan with this many segments (DynamoDB allows 1 to 1,000,000); at
        /// most 32 are read at once.
        #[arg(long, default_value_t = 1, value_name = "N",
              value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        segments: u32,
    },
    /// Run a PartiQL statement (ExecuteStatement), following every page.
    Sql {
        /// The statement, e.g. 'SELECT * FROM "t" WHERE pk = ?'.
        statement: String,
        /// Values for the `?` placeholders as a JSON array.
        #[arg(long, value_name = "JSON")]
        params: Option<String>,
        /// Strongly consistent read.
        #[arg(long)]
        consistent: bool,
    },
}

/// Flags shared by `query` and `scan`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReadArgs {
    /// FilterExpression, applied after the read.
    #[arg(long, value_name = "EXPR")]
    pub filter: Option<String>,
    /// Read this secondary index.
    #[arg(long, value_name = "NAME")]
    pub index: Option<String>,
    /// Return at most N items in total.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
    /// ProjectionExpression: the attributes to return.
    #[arg(long, value_name = "EXPR")]
    pub projection: Option<String>,
    /// Items DynamoDB reads per request (default: up to 1 MB per page).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub page_size: Option<u64>,
    /// Strongly consistent reads.
    #[arg(long)]
    pub consistent: bool,
    #[command(flatten)]
    pub expr: ExprArgs,
}

/// Run `dbiam dynamo`.
pub async fn run(args: Args, ctx: &Context) -> Result<()> {
    let dialect = if args.typed {
        Dialect::Typed
    } else {
        Dialect::Plain
    };
    let region = ctx.aws.region(None).await?;
    let db = Dynamo::new(&ctx.aws.sdk_config(&region).await?, &region);
    let stdout = || std::io::stdout().lock();
    match args.action {
        Action::Tables => {
            let rows = db.list_tables().await?;
            ctx.output(Format::Table)
                .list(stdout(), crate::dynamo::tables::LIST_COLUMNS, &rows)
                .map_err(write_err)
        }
        Action::Describe { table } => {
            let fields = db.describe_fields(&table).await?;
            ctx.output(Format::Table)
                .record(stdout(), &fields)
                .map_err(write_err)
        }
        Action::Get {
            table,
            key,
            projection,
            names,
            consistent,
        } => {
            let key_item = parse_item(&key, dialect, "--key")?;
            let names = names
                .as_deref()
                .map(|n| parse_names(n, "--names"))
                .transpose()?;
            let first = ordered_keys(&key);
            let Some(item) = db
                .get(&table, key_item, projection, names, consistent)
                .await?
            else {
                return Err(Error::failure(format!(
                    "no item in '{table}' has the key {}",
                    crate::error::one_line(&key)
                )));
            };
            let obj = value::item_to_json_ordered(&item, dialect, &first)?;
            let fields: Vec<(&str, Value)> =
                obj.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            ctx.output(Format::Table)
                .record(stdout(), &fields)
                .map_err(write_err)
        }
        Action::Put {
            table,
            item,
            condition,
            expr,
        } => put(&db, &table, &item, condition, &expr, dialect).await,
        Action::Delete {
            table,
            key,
            condition,
            expr,
        } => {
            let first = ordered_keys(&key);
            let key = parse_item(&key, dialect, "--key")?;
            let old = db
                .delete(&table, key, condition, expressions(&expr, dialect)?)
                .await?;
            let mut w = ctx.output(Format::Table).objects(stdout());
            if let Some(old) = old {
                w.object(value::item_to_json_ordered(&old, dialect, &first)?)
                    .map_err(write_err)?;
            }
            w.end().map_err(write_err)
        }
        Action::Query {
            table,
            key_condition,
            read,
            desc,
        } => {
            let mut r = read_request(table, &read, dialect)?;
            r.key_condition = Some(key_condition);
            r.descending = desc;
            stream_read(&db, &r, dialect, ctx, "query").await
        }
        Action::Scan {
            table,
            read,
            segments,
        } => {
            let mut r = read_request(table, &read, dialect)?;
            r.segments = segments;
            stream_read(&db, &r, dialect, ctx, "scan").await
        }
        Action::Sql {
            statement,
            params,
            consistent,
        } => {
            let params = params
                .as_deref()
                .map(|p| parse_list(p, dialect, "--params"))
                .transpose()?;
            let out = std::io::BufWriter::with_capacity(1 << 16, stdout());
            let mut w = ctx.output(Format::Table).objects(out);
            db.execute(&statement, params, consistent, |page| {
                write_items(&mut *w, &page.items, dialect, &[])?;
                w.flush().map_err(write_err)?;
                Ok(Flow::More)
            })
            .await?;
            w.end().map_err(write_err)
        }
    }
}

/// The attribute names of a `--key`, in the order written (they lead each output object).
fn ordered_keys(key: &str) -> Vec<String> {
    match serde_json::from_str::<Value>(key) {
        Ok(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

fn expressions(expr: &ExprArgs, dialect: Dialect) -> Result<Expressions> {
    Ok(Expressions {
        names: expr
            .names
            .as_deref()
            .map(|n| parse_names(n, "--names"))
            .transpose()?,
        values: expr
            .values
            .as_deref()
            .map(|v| parse_item(v, dialect, "--values"))
            .transpose()?,
    })
}

fn read_request(table: String, a: &ReadArgs, dialect: Dialect) -> Result<Read> {
    Ok(Read {
        table,
        filter: a.filter.clone(),
        projection: a.projection.clone(),
        index: a.index.clone(),
        limit: a.limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
        page_size: a
            .page_size
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
        consistent: a.consistent,
        segments: 1,
        expr: expressions(&a.expr, dialect)?,
        ..Read::default()
    })
}

fn write_items(
    w: &mut dyn ObjectWriter,
    items: &[Item],
    dialect: Dialect,
    first: &[String],
) -> Result<()> {
    for item in items {
        let obj: Map<String, Value> = value::item_to_json_ordered(item, dialect, first)?;
        w.object(obj).map_err(write_err)?;
    }
    Ok(())
}

async fn stream_read(
    db: &Dynamo,
    r: &Read,
    dialect: Dialect,
    ctx: &Context,
    verb: &str,
) -> Result<()> {
    // Key attributes lead each object when the table can be described; the read itself
    // reports a missing table or a missing permission.
    let first = match db.describe_table(&r.table).await {
        Ok(d) => crate::dynamo::tables::key_names(&d),
        Err(e) => {
            crate::debug!("DescribeTable for column order failed: {e}");
            Vec::new()
        }
    };
    // Buffered, and flushed after each page, so a page costs a few writes, not one per item.
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut w = ctx.output(Format::Table).objects(out);
    let mut progress = Progress::new();
    let (mut scanned, mut matched) = (0u64, 0u64);
    db.read(r, |page| {
        scanned += page.scanned;
        matched += page.items.len() as u64;
        write_items(&mut *w, &page.items, dialect, &first)?;
        w.flush().map_err(write_err)?;
        progress.update(|| {
            format!(
                "{verb} {}: {scanned} items read, {matched} returned",
                r.table
            )
        });
        Ok(Flow::More)
    })
    .await?;
    progress.finish();
    w.end().map_err(write_err)
}

/// Read `--item`: inline JSON, `-` for stdin, or `@FILE`.
fn item_source(arg: &str) -> Result<String> {
    if arg == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Error::input("cannot read items from stdin", e))?;
        Ok(s)
    } else if let Some(path) = arg.strip_prefix('@') {
        std::fs::read_to_string(path)
            .map_err(|e| Error::usage(format!("cannot read items from '{path}': {e}")))
    } else {
        Ok(arg.to_owned())
    }
}

async fn put(
    db: &Dynamo,
    table: &str,
    arg: &str,
    condition: Option<String>,
    expr: &ExprArgs,
    dialect: Dialect,
) -> Result<()> {
    let text = item_source(arg)?;
    let mut items = parse_items(&text, dialect, "--item").peekable();
    let Some(first) = items.next() else {
        return Err(Error::usage("--item holds no item").with_hint("pass a JSON object"));
    };
    let first = first?;
    if items.peek().is_none() {
        return db
            .put(table, first, condition, expressions(expr, dialect)?)
            .await;
    }
    if condition.is_some() || expr.values.is_some() || expr.names.is_some() {
        return Err(
            Error::usage("--condition, --values and --names apply to a single item only")
                .with_hint("BatchWriteItem has no conditions; put the items one at a time"),
        );
    }
    let mut progress = Progress::new();
    let written = db
        .write_all(table, std::iter::once(Ok(first)).chain(items), |w| {
            progress.update(|| format!("put {table}: {} items written", w.written));
        })
        .await?;
    progress.finish();
    if written.unprocessed > 0 {
        return Err(crate::dynamo::ops::unprocessed_error(table, written));
    }
    crate::debug!("put {table}: {} items written", written.written);
    Ok(())
}
