//! Table metadata for `dbiam dynamo tables` and `describe`: ListTables, DescribeTable and
//! DescribeTimeToLive, flattened into named fields for the output layer.

use aws_sdk_dynamodb::types::{KeySchemaElement, Projection, TableDescription};
use futures_util::stream::{self, StreamExt, TryStreamExt};
use serde_json::{json, Value};

use super::ops::Dynamo;
use crate::error::Result;

/// Columns of `dbiam dynamo tables`.
pub const LIST_COLUMNS: &[&str] = &[
    "table",
    "status",
    "items",
    "size_bytes",
    "key_schema",
    "billing_mode",
];

/// A key schema as one line, e.g. `pk (S) HASH, sk (N) RANGE`.
pub fn key_schema(keys: &[KeySchemaElement], desc: &TableDescription) -> String {
    keys.iter()
        .map(|k| {
            let ty = desc
                .attribute_definitions()
                .iter()
                .find(|a| a.attribute_name() == k.attribute_name())
                .map(|a| a.attribute_type().as_str())
                .unwrap_or("?");
            format!("{} ({ty}) {}", k.attribute_name(), k.key_type().as_str())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The table's billing mode (tables created with provisioned capacity may not say).
pub fn billing_mode(desc: &TableDescription) -> String {
    desc.billing_mode_summary()
        .and_then(|b| b.billing_mode())
        .map_or("PROVISIONED", |m| m.as_str())
        .to_owned()
}

/// The key attribute names, hash key first.
pub fn key_names(desc: &TableDescription) -> Vec<String> {
    let mut keys: Vec<&KeySchemaElement> = desc.key_schema().iter().collect();
    keys.sort_by_key(|k| k.key_type().as_str() != "HASH");
    keys.iter().map(|k| k.attribute_name().to_owned()).collect()
}

fn projection(p: Option<&Projection>) -> Value {
    match p {
        None => Value::Null,
        Some(p) => {
            let ty = p.projection_type().map_or("", |t| t.as_str());
            if p.non_key_attributes().is_empty() {
                json!(ty)
            } else {
                json!(format!("{ty} ({})", p.non_key_attributes().join(", ")))
            }
        }
    }
}

fn opt<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

impl Dynamo {
    /// DescribeTable.
    pub async fn describe_table(&self, table: &str) -> Result<TableDescription> {
        let out = self
            .client()
            .describe_table()
            .table_name(table)
            .send()
            .await
            .map_err(|e| self.err("DescribeTable", table, e))?;
        Ok(out
            .table
            .unwrap_or_else(|| TableDescription::builder().build()))
    }

    /// Every table name in the region (ListTables, all pages).
    pub async fn table_names(&self) -> Result<Vec<String>> {
        let mut names = Vec::new();
        let mut start: Option<String> = None;
        loop {
            let out = self
                .client()
                .list_tables()
                .set_exclusive_start_table_name(start.take())
                .send()
                .await
                .map_err(|e| self.err("ListTables", "*", e))?;
            names.extend(out.table_names.unwrap_or_default());
            match out.last_evaluated_table_name {
                Some(n) if !n.is_empty() => start = Some(n),
                _ => return Ok(names),
            }
        }
    }

    /// One row per table, in name order: [`LIST_COLUMNS`].
    pub async fn list_tables(&self) -> Result<Vec<Vec<Value>>> {
        let names = self.table_names().await?;
        stream::iter(names)
            .map(|name| async move {
                let d = self.describe_table(&name).await?;
                Ok(vec![
                    json!(name),
                    opt(d.table_status().map(|s| s.as_str().to_owned())),
                    opt(d.item_count()),
                    opt(d.table_size_bytes()),
                    json!(key_schema(d.key_schema(), &d)),
                    json!(billing_mode(&d)),
                ])
            })
            .buffered(8)
            .try_collect()
            .await
    }

    /// Named fields for `dbiam dynamo describe`: keys, indexes, TTL, streams.
    pub async fn describe_fields(&self, table: &str) -> Result<Vec<(&'static str, Value)>> {
        let d = self.describe_table(table).await?;
        let ttl = self
            .client()
            .describe_time_to_live()
            .table_name(table)
            .send()
            .await
            .map_err(|e| self.err("DescribeTimeToLive", table, e))?;
        let ttl = ttl.time_to_live_description();
        let gsis: Vec<Value> = d
            .global_secondary_indexes()
            .iter()
            .map(|g| {
                json!({
                    "name": g.index_name(),
                    "key_schema": key_schema(g.key_schema(), &d),
                    "projection": projection(g.projection()),
                    "status": g.index_status().map(|s| s.as_str()),
                    "items": g.item_count(),
                })
            })
            .collect();
        let lsis: Vec<Value> = d
            .local_secondary_indexes()
            .iter()
            .map(|l| {
                json!({
                    "name": l.index_name(),
                    "key_schema": key_schema(l.key_schema(), &d),
                    "projection": projection(l.projection()),
                })
            })
            .collect();
        let stream = d.stream_specification();
        let pt = d.provisioned_throughput();
        Ok(vec![
            ("table", json!(d.table_name())),
            ("arn", json!(d.table_arn())),
            (
                "status",
                opt(d.table_status().map(|s| s.as_str().to_owned())),
            ),
            (
                "created",
                opt(d.creation_date_time().map(|t| t.to_string())),
            ),
            ("items", opt(d.item_count())),
            ("size_bytes", opt(d.table_size_bytes())),
            ("key_schema", json!(key_schema(d.key_schema(), &d))),
            ("billing_mode", json!(billing_mode(&d))),
            (
                "read_capacity",
                opt(pt.and_then(|p| p.read_capacity_units())),
            ),
            (
                "write_capacity",
                opt(pt.and_then(|p| p.write_capacity_units())),
            ),
            ("global_indexes", Value::Array(gsis)),
            ("local_indexes", Value::Array(lsis)),
            (
                "ttl_status",
                opt(ttl
                    .and_then(|t| t.time_to_live_status())
                    .map(|s| s.as_str().to_owned())),
            ),
            (
                "ttl_attribute",
                opt(ttl.and_then(|t| t.attribute_name()).map(str::to_owned)),
            ),
            (
                "stream_enabled",
                json!(stream.is_some_and(|s| s.stream_enabled())),
            ),
            (
                "stream_view_type",
                opt(stream
                    .and_then(|s| s.stream_view_type())
                    .map(|v| v.as_str().to_owned())),
            ),
            ("stream_arn", opt(d.latest_stream_arn().map(str::to_owned))),
            ("deletion_protection", opt(d.deletion_protection_enabled())),
        ])
    }
}
