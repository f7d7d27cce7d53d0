//! The DynamoDB operations behind `dbiam dynamo`: single-item reads and writes, batched
//! writes with unprocessed-item retries, and paginated (and parallel) queries, scans and
//! PartiQL statements that hand each page to the caller as it arrives.

use aws_sdk_dynamodb::types::{AttributeValue, PutRequest, ReturnValue, WriteRequest};
use aws_sdk_dynamodb::Client;
use futures_util::stream::{self, StreamExt, TryStreamExt};

/// How many segments of a parallel scan are read at once (one request each in flight).
pub const MAX_SEGMENTS_IN_FLIGHT: usize = 32;
use std::collections::HashMap;
use std::time::Duration;

use super::errors::dynamo_error;
use super::value::Item;
use crate::error::{Error, Kind, Result};

/// Most items one BatchWriteItem call takes.
pub const BATCH_SIZE: usize = 25;
/// BatchWriteItem calls in flight at once.
const BATCH_CONCURRENCY: usize = 4;
/// How often a batch's unprocessed items are sent again before giving up.
const BATCH_RETRIES: u32 = 8;

/// A DynamoDB client for one region.
#[derive(Debug, Clone)]
pub struct Dynamo {
    client: Client,
    region: String,
}

/// Expression parts shared by reads and conditional writes.
#[derive(Debug, Clone, Default)]
pub struct Expressions {
    /// ExpressionAttributeNames (`#n` → name).
    pub names: Option<HashMap<String, String>>,
    /// ExpressionAttributeValues (`:v` → value).
    pub values: Option<Item>,
}

/// What to read with Query or Scan.
#[derive(Debug, Clone, Default)]
pub struct Read {
    /// Table name.
    pub table: String,
    /// Query only: KeyConditionExpression.
    pub key_condition: Option<String>,
    /// FilterExpression.
    pub filter: Option<String>,
    /// ProjectionExpression.
    pub projection: Option<String>,
    /// Secondary index to read.
    pub index: Option<String>,
    /// Stop after this many items (in total, after filtering).
    pub limit: Option<usize>,
    /// Items DynamoDB reads per request (its `Limit`); default: as many as fit in 1 MB.
    pub page_size: Option<usize>,
    /// Query only: read in descending sort-key order.
    pub descending: bool,
    /// Strongly consistent reads.
    pub consistent: bool,
    /// Scan only: number of parallel segments (1 = a plain scan).
    pub segments: u32,
    /// Names and values for the expressions.
    pub expr: Expressions,
}

/// One page of results.
#[derive(Debug, Default)]
pub struct Page {
    /// Items that matched.
    pub items: Vec<Item>,
    /// Items DynamoDB read for this page (before the filter).
    pub scanned: u64,
}

/// Whether a page consumer wants more pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep reading.
    More,
    /// Stop now.
    Stop,
}

/// The outcome of a batched write.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Items DynamoDB accepted.
    pub written: u64,
    /// Items still unprocessed after every retry.
    pub unprocessed: u64,
}

fn to_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

impl Read {
    /// DynamoDB's per-request `Limit`: the page size, and never more than the total limit.
    fn request_limit(&self) -> Option<i32> {
        match (self.page_size, self.limit) {
            (Some(p), Some(l)) => Some(to_i32(p.min(l))),
            (p, l) => p.or(l).map(to_i32),
        }
    }
}

impl Dynamo {
    /// A client for `region` from an SDK configuration.
    pub fn new(conf: &aws_config::SdkConfig, region: &str) -> Self {
        Dynamo {
            client: Client::new(conf),
            region: region.to_owned(),
        }
    }

    /// The SDK client.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The region.
    pub fn region(&self) -> &str {
        &self.region
    }

    pub(super) fn err<E>(
        &self,
        op: &str,
        table: &str,
        e: aws_smithy_runtime_api::client::result::SdkError<
            E,
            aws_smithy_runtime_api::client::orchestrator::HttpResponse,
        >,
    ) -> Error
    where
        E: aws_smithy_types::error::metadata::ProvideErrorMetadata
            + std::error::Error
            + Send
            + Sync
            + 'static,
    {
        dynamo_error(op, table, &self.region, e)
    }

    /// GetItem: the item with `key`, if there is one.
    pub async fn get(
        &self,
        table: &str,
        key: Item,
        projection: Option<String>,
        names: Option<HashMap<String, String>>,
        consistent: bool,
    ) -> Result<Option<Item>> {
        let out = self
            .client
            .get_item()
            .table_name(table)
            .set_key(Some(key))
            .set_projection_expression(projection)
            .set_expression_attribute_names(names)
            .consistent_read(consistent)
            .send()
            .await
            .map_err(|e| self.err("GetItem", table, e))?;
        Ok(out.item)
    }

    /// PutItem with an optional condition.
    pub async fn put(
        &self,
        table: &str,
        item: Item,
        condition: Option<String>,
        expr: Expressions,
    ) -> Result<()> {
        self.client
            .put_item()
            .table_name(table)
            .set_item(Some(item))
            .set_condition_expression(condition)
            .set_expression_attribute_names(expr.names)
            .set_expression_attribute_values(expr.values)
            .send()
            .await
            .map_err(|e| self.err("PutItem", table, e))?;
        Ok(())
    }

    /// DeleteItem with an optional condition; returns the item that was deleted, if any.
    pub async fn delete(
        &self,
        table: &str,
        key: Item,
        condition: Option<String>,
        expr: Expressions,
    ) -> Result<Option<Item>> {
        let out = self
            .client
            .delete_item()
            .table_name(table)
            .set_key(Some(key))
            .set_condition_expression(condition)
            .set_expression_attribute_names(expr.names)
            .set_expression_attribute_values(expr.values)
            .return_values(ReturnValue::AllOld)
            .send()
            .await
            .map_err(|e| self.err("DeleteItem", table, e))?;
        Ok(out.attributes.filter(|a| !a.is_empty()))
    }

    /// Write one batch of at most [`BATCH_SIZE`] items with BatchWriteItem, sending
    /// unprocessed items again with exponential backoff (bounded).
    pub async fn write_batch(&self, table: &str, items: Vec<Item>) -> Result<Written> {
        let total = items.len() as u64;
        let mut pending: Vec<WriteRequest> = items
            .into_iter()
            .map(|item| {
                let put = PutRequest::builder()
                    .set_item(Some(item))
                    .build()
                    .map_err(|e| Error::failure(format!("cannot build a PutRequest: {e}")))?;
                Ok(WriteRequest::builder().put_request(put).build())
            })
            .collect::<Result<_>>()?;
        let mut attempt = 0;
        while !pending.is_empty() {
            let out = self
                .client
                .batch_write_item()
                .request_items(table, std::mem::take(&mut pending))
                .send()
                .await
                .map_err(|e| self.err("BatchWriteItem", table, e))?;
            pending = out
                .unprocessed_items
                .and_then(|mut u| u.remove(table))
                .unwrap_or_default();
            if pending.is_empty() || attempt == BATCH_RETRIES {
                break;
            }
            crate::debug!(
                "BatchWriteItem: {} unprocessed items, retry {}",
                pending.len(),
                attempt + 1
            );
            tokio::time::sleep(backoff(attempt)).await;
            attempt += 1;
        }
        let unprocessed = pending.len() as u64;
        Ok(Written {
            written: total - unprocessed,
            unprocessed,
        })
    }

    /// Write many items in batches of [`BATCH_SIZE`], a few batches at a time. `progress`
    /// is called with the running total after each batch. Stops at the first error (an
    /// item that cannot be read or a failed call).
    pub async fn write_all<I>(
        &self,
        table: &str,
        items: I,
        mut progress: impl FnMut(Written),
    ) -> Result<Written>
    where
        I: Iterator<Item = Result<Item>>,
    {
        let mut total = Written::default();
        let mut batches = stream::iter(Chunks { inner: items })
            .map(|batch| async move { self.write_batch(table, batch?).await })
            .buffer_unordered(BATCH_CONCURRENCY);
        while let Some(done) = batches.next().await {
            match done {
                Ok(w) => {
                    total.written += w.written;
                    total.unprocessed += w.unprocessed;
                    progress(total);
                }
                Err(e) if total.written > 0 => {
                    let msg = format!("{} ({} items had been written)", e.message(), total.written);
                    let hint = e.hint().map(str::to_owned);
                    let mut err = Error::new(e.kind(), msg);
                    if let Some(h) = hint {
                        err = err.with_hint(h);
                    }
                    return Err(err);
                }
                Err(e) => return Err(e),
            }
        }
        Ok(total)
    }

    /// Query or Scan, handing each page to `on_page` as it arrives. A scan with
    /// `segments > 1` reads up to [`MAX_SEGMENTS_IN_FLIGHT`] segments at once (each one
    /// paginated, the next segment starting when one ends) and hands their pages over in
    /// arrival order. Stops after `read.limit` items.
    pub async fn read(
        &self,
        read: &Read,
        mut on_page: impl FnMut(Page) -> Result<Flow>,
    ) -> Result<()> {
        let segments = if read.key_condition.is_some() {
            1
        } else {
            read.segments.max(1)
        };
        let pages = stream::iter(0..segments)
            .map(|segment| {
                Box::pin(stream::try_unfold(
                    (Some(None::<Item>), self, read),
                    move |(start, me, read)| async move {
                        let Some(start) = start else {
                            return Ok(None);
                        };
                        let (page, next) = if read.key_condition.is_some() {
                            me.query_page(read, start).await?
                        } else {
                            me.scan_page(read, segment, segments, start).await?
                        };
                        let state = next.filter(|k| !k.is_empty()).map(Some);
                        crate::debug!(
                            "{} segment {segment}/{segments}: {} items ({} read), more: {}",
                            if read.key_condition.is_some() {
                                "Query"
                            } else {
                                "Scan"
                            },
                            page.items.len(),
                            page.scanned,
                            state.is_some()
                        );
                        Ok::<_, Error>(Some((page, (state, me, read))))
                    },
                ))
            })
            // At most this many segments (each with one request at a time) are read at once.
            .flatten_unordered(Some(MAX_SEGMENTS_IN_FLIGHT));
        let mut pages = std::pin::pin!(pages);
        let mut left = read.limit;
        while let Some(mut page) = pages.try_next().await? {
            if let Some(n) = left {
                page.items.truncate(n);
                left = Some(n - page.items.len());
            }
            if on_page(page)? == Flow::Stop || left == Some(0) {
                break;
            }
        }
        Ok(())
    }

    async fn query_page(&self, read: &Read, start: Option<Item>) -> Result<(Page, Option<Item>)> {
        let out = self
            .client
            .query()
            .table_name(&read.table)
            .set_key_condition_expression(read.key_condition.clone())
            .set_filter_expression(read.filter.clone())
            .set_projection_expression(read.projection.clone())
            .set_index_name(read.index.clone())
            .set_limit(read.request_limit())
            .scan_index_forward(!read.descending)
            .consistent_read(read.consistent)
            .set_expression_attribute_names(read.expr.names.clone())
            .set_expression_attribute_values(read.expr.values.clone())
            .set_exclusive_start_key(start)
            .send()
            .await
            .map_err(|e| self.err("Query", &read.table, e))?;
        let page = Page {
            scanned: u64::try_from(out.scanned_count).unwrap_or(0),
            items: out.items.unwrap_or_default(),
        };
        Ok((page, out.last_evaluated_key))
    }

    async fn scan_page(
        &self,
        read: &Read,
        segment: u32,
        segments: u32,
        start: Option<Item>,
    ) -> Result<(Page, Option<Item>)> {
        let parallel = segments > 1;
        let out = self
            .client
            .scan()
            .table_name(&read.table)
            .set_filter_expression(read.filter.clone())
            .set_projection_expression(read.projection.clone())
            .set_index_name(read.index.clone())
            .set_limit(read.request_limit())
            .consistent_read(read.consistent)
            .set_segment(parallel.then_some(segment as i32))
            .set_total_segments(parallel.then_some(segments as i32))
            .set_expression_attribute_names(read.expr.names.clone())
            .set_expression_attribute_values(read.expr.values.clone())
            .set_exclusive_start_key(start)
            .send()
            .await
            .map_err(|e| self.err("Scan", &read.table, e))?;
        let page = Page {
            scanned: u64::try_from(out.scanned_count).unwrap_or(0),
            items: out.items.unwrap_or_default(),
        };
        Ok((page, out.last_evaluated_key))
    }

    /// ExecuteStatement (PartiQL), following NextToken, handing each page to `on_page`.
    pub async fn execute(
        &self,
        statement: &str,
        params: Option<Vec<AttributeValue>>,
        consistent: bool,
        mut on_page: impl FnMut(Page) -> Result<Flow>,
    ) -> Result<()> {
        let mut token: Option<String> = None;
        loop {
            let out = self
                .client
                .execute_statement()
                .statement(statement)
                .set_parameters(params.clone())
                .consistent_read(consistent)
                .set_next_token(token.take())
                .send()
                .await
                .map_err(|e| self.err("ExecuteStatement", "", e))?;
            let items = out.items.unwrap_or_default();
            let page = Page {
                scanned: items.len() as u64,
                items,
            };
            if on_page(page)? == Flow::Stop {
                return Ok(());
            }
            match out.next_token {
                Some(t) if !t.is_empty() => token = Some(t),
                _ => return Ok(()),
            }
        }
    }
}

/// Turn a stream of items into batches of at most [`BATCH_SIZE`]; an unreadable item
/// ends the stream with its error.
struct Chunks<I> {
    inner: I,
}

impl<I: Iterator<Item = Result<Item>>> Iterator for Chunks<I> {
    type Item = Result<Vec<Item>>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut batch = Vec::with_capacity(BATCH_SIZE);
        for item in self.inner.by_ref() {
            match item {
                Ok(i) => batch.push(i),
                Err(e) => return Some(Err(e)),
            }
            if batch.len() == BATCH_SIZE {
                break;
            }
        }
        (!batch.is_empty()).then_some(Ok(batch))
    }
}

/// The wait before retry `attempt` (0-based) of unprocessed items: 50 ms doubling, at most 5 s.
pub fn backoff(attempt: u32) -> Duration {
    Duration::from_millis((50u64 << attempt.min(10)).min(5_000))
}

/// The error for items left unprocessed after every retry (exit 6, partial).
pub fn unprocessed_error(table: &str, w: Written) -> Error {
    Error::new(
        Kind::Partial,
        format!(
            "{} of {} items were not written to '{table}': DynamoDB left them unprocessed after {BATCH_RETRIES} retries",
            w.unprocessed,
            w.written + w.unprocessed
        ),
    )
    .with_hint("the table is throttling writes; retry later or raise its write capacity")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(i: usize) -> Result<Item> {
        Ok(HashMap::from([(
            "pk".to_owned(),
            AttributeValue::N(i.to_string()),
        )]))
    }

    #[test]
    fn chunks_are_batches_of_25() {
        let sizes: Vec<usize> = Chunks {
            inner: (0..60).map(item),
        }
        .map(|b| b.unwrap().len())
        .collect();
        assert_eq!(sizes, [25, 25, 10]);
        assert_eq!(
            Chunks {
                inner: (0..0).map(item)
            }
            .count(),
            0
        );
    }

    #[test]
    fn a_bad_item_ends_the_batches_with_its_error() {
        let items = (0..30).map(|i| {
            if i == 27 {
                Err(Error::usage("bad"))
            } else {
                item(i)
            }
        });
        let mut c = Chunks { inner: items };
        assert_eq!(c.next().unwrap().unwrap().len(), 25);
        assert!(c.next().unwrap().is_err());
    }

    #[test]
    fn backoff_doubles_and_is_bounded() {
        assert_eq!(backoff(0), Duration::from_millis(50));
        assert_eq!(backoff(1), Duration::from_millis(100));
        assert_eq!(backoff(20), Duration::from_secs(5));
    }

    #[test]
    fn unprocessed_items_exit_6() {
        let e = unprocessed_error(
            "t",
            Written {
                written: 20,
                unprocessed: 5,
            },
        );
        assert_eq!(e.exit_code().code(), 6);
        assert!(e.to_string().starts_with("5 of 25 items"), "{e}");
    }
}
