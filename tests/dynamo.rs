//! `dbiam dynamo` end to end through the real binary against the moto server: tables
//! with hash and hash+range keys and a GSI, get/put/delete with conditions, a batch put
//! of 1,000 NDJSON items, queries, a 4-segment parallel scan, PartiQL, plain and typed
//! JSON round trips, output formats, and every error's exit code.
//!
//! Tables are created with the Rust SDK (dbiam has no create-table) in eu-south-1, a
//! region no other test file uses; every test makes its own tables and deletes them.

mod common;

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection,
    ProjectionType, ScalarAttributeType,
};
use common::{closed_port, moto_url, Home};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};

const REGION: &str = "eu-south-1";
const BIG: &str = "12345678901234567890123456789012345678";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn client(url: &str) -> aws_sdk_dynamodb::Client {
    let conf = aws_sdk_dynamodb::Config::builder()
        .behavior_version_latest()
        .region(aws_sdk_dynamodb::config::Region::new(REGION))
        .endpoint_url(url)
        .credentials_provider(aws_credential_types::Credentials::new(
            "AKIATESTTESTTESTTEST",
            "testing-secret-key",
            None,
            None,
            "test",
        ))
        .build();
    aws_sdk_dynamodb::Client::from_conf(conf)
}

/// A table made for one test, deleted when dropped.
struct Table {
    url: String,
    name: String,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    )
}

fn key(name: &str, ty: KeyType) -> KeySchemaElement {
    KeySchemaElement::builder()
        .attribute_name(name)
        .key_type(ty)
        .build()
        .unwrap()
}

fn attr(name: &str, ty: ScalarAttributeType) -> AttributeDefinition {
    AttributeDefinition::builder()
        .attribute_name(name)
        .attribute_type(ty)
        .build()
        .unwrap()
}

impl Table {
    /// `pk` (S) hash key only.
    fn hash(url: &str) -> Table {
        let name = unique("dbiam-h");
        runtime().block_on(async {
            client(url)
                .create_table()
                .table_name(&name)
                .billing_mode(BillingMode::PayPerRequest)
                .key_schema(key("pk", KeyType::Hash))
                .attribute_definitions(attr("pk", ScalarAttributeType::S))
                .send()
                .await
                .unwrap()
        });
        Table {
            url: url.to_owned(),
            name,
        }
    }

    /// `pk` (S) hash, `sk` (N) range, GSI `by_color` on `color` (S) / `sk` (N).
    fn hash_range(url: &str) -> Table {
        let name = unique("dbiam-hr");
        runtime().block_on(async {
            client(url)
                .create_table()
                .table_name(&name)
                .billing_mode(BillingMode::PayPerRequest)
                .key_schema(key("pk", KeyType::Hash))
                .key_schema(key("sk", KeyType::Range))
                .attribute_definitions(attr("pk", ScalarAttributeType::S))
                .attribute_definitions(attr("sk", ScalarAttributeType::N))
                .attribute_definitions(attr("color", ScalarAttributeType::S))
                .global_secondary_indexes(
                    GlobalSecondaryIndex::builder()
                        .index_name("by_color")
                        .key_schema(key("color", KeyType::Hash))
                        .key_schema(key("sk", KeyType::Range))
                        .projection(
                            Projection::builder()
                                .projection_type(ProjectionType::All)
                                .build(),
                        )
                        .build()
                        .unwrap(),
                )
                .send()
                .await
                .unwrap()
        });
        Table {
            url: url.to_owned(),
            name,
        }
    }

    fn item_count(&self) -> usize {
        runtime().block_on(async {
            let mut n = 0;
            let mut start = None;
            loop {
                let out = client(&self.url)
                    .scan()
                    .table_name(&self.name)
                    .set_exclusive_start_key(start)
                    .send()
                    .await
                    .unwrap();
                n += out.items().len();
                match out.last_evaluated_key {
                    Some(k) if !k.is_empty() => start = Some(k),
                    _ => return n,
                }
            }
        })
    }
}

impl Drop for Table {
    fn drop(&mut self) {
        let _ = runtime().block_on(
            client(&self.url)
                .delete_table()
                .table_name(&self.name)
                .send(),
        );
    }
}

fn dbiam(home: &Home, url: &str) -> assert_cmd::Command {
    let mut c = home.dbiam_with_keys();
    c.env("AWS_REGION", REGION).env("AWS_ENDPOINT_URL", url);
    c
}

fn stdout_of(c: &mut assert_cmd::Command) -> String {
    let out = c.assert().success().get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn json_of(c: &mut assert_cmd::Command) -> Value {
    let s = stdout_of(c);
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("{e}: {s}"))
}

fn ndjson_of(c: &mut assert_cmd::Command) -> Vec<Value> {
    stdout_of(c)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Run, expect `code`, return stderr (which must be one line).
fn fails(c: &mut assert_cmd::Command, code: i32) -> String {
    let out = c.assert().code(code).get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("dbiam: error: "), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty(), "{:?}", out.stdout);
    err
}

fn put(home: &Home, url: &str, table: &str, item: &str) {
    dbiam(home, url)
        .args(["dynamo", "put", table, "--item", item])
        .assert()
        .success()
        .stdout("");
}

#[test]
fn put_get_delete_with_conditions() {
    let Some(url) = moto_url() else { return };
    let t = Table::hash_range(&url);
    let home = Home::new();
    let n = &t.name;
    put(
        &home,
        &url,
        n,
        r#"{"pk":"a","sk":1,"name":"Ann","tags":{"$SS":["x"]}}"#,
    );

    let got = json_of(dbiam(&home, &url).args([
        "dynamo",
        "get",
        n,
        "--key",
        r#"{"pk":"a","sk":1}"#,
        "-o",
        "json",
    ]));
    assert_eq!(
        got,
        json!({"pk":"a","sk":1,"name":"Ann","tags":{"$SS":["x"]}})
    );
    // Key attributes first, in the order of --key.
    let keys: Vec<&String> = got.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["pk", "sk", "name", "tags"]);

    // Projection with a name placeholder.
    let got = json_of(dbiam(&home, &url).args([
        "dynamo",
        "get",
        n,
        "--key",
        r#"{"pk":"a","sk":1}"#,
        "--projection",
        "#n",
        "--names",
        r##"{"#n":"name"}"##,
        "-o",
        "json",
    ]));
    assert_eq!(got, json!({"name":"Ann"}));

    // A put whose condition is false exits 7 and writes nothing.
    let err = fails(
        dbiam(&home, &url).args([
            "dynamo",
            "put",
            n,
            "--item",
            r#"{"pk":"a","sk":1,"name":"Bob"}"#,
            "--condition",
            "attribute_not_exists(pk)",
        ]),
        7,
    );
    assert!(err.contains("condition was not met"), "{err}");
    // A true condition with --values writes.
    put(&home, &url, n, r#"{"pk":"b","sk":2,"v":1}"#);
    dbiam(&home, &url)
        .args([
            "dynamo",
            "put",
            n,
            "--item",
            r#"{"pk":"b","sk":2,"v":2}"#,
            "--condition",
            "v = :old",
            "--values",
            r#"{":old":1}"#,
        ])
        .assert()
        .success();

    // Delete with a false condition: exit 7, the item stays.
    fails(
        dbiam(&home, &url).args([
            "dynamo",
            "delete",
            n,
            "--key",
            r#"{"pk":"b","sk":2}"#,
            "--condition",
            "v = :x",
            "--values",
            r#"{":x":99}"#,
        ]),
        7,
    );
    // Delete prints the old item.
    let old = ndjson_of(dbiam(&home, &url).args([
        "dynamo",
        "delete",
        n,
        "--key",
        r#"{"pk":"b","sk":2}"#,
        "-o",
        "ndjson",
    ]));
    assert_eq!(old, [json!({"pk":"b","sk":2,"v":2})]);
    // Gone: get exits 1, a second delete prints nothing.
    let err = fails(
        dbiam(&home, &url).args(["dynamo", "get", n, "--key", r#"{"pk":"b","sk":2}"#]),
        1,
    );
    assert!(err.contains("no item"), "{err}");
    let again = stdout_of(dbiam(&home, &url).args([
        "dynamo",
        "delete",
        n,
        "--key",
        r#"{"pk":"b","sk":2}"#,
        "-o",
        "ndjson",
    ]));
    assert_eq!(again, "");
    assert_eq!(t.item_count(), 1);
}

#[test]
fn batch_put_of_1000_ndjson_items_and_a_4_segment_scan() {
    let Some(url) = moto_url() else { return };
    let t = Table::hash(&url);
    let home = Home::new();
    let ndjson: String = (0..1000)
        .map(|i| {
            format!(
                "{{\"pk\":\"item-{i:04}\",\"n\":{i},\"even\":{}}}\n",
                i % 2 == 0
            )
        })
        .collect();
    dbiam(&home, &url)
        .args(["dynamo", "put", &t.name, "--item", "-"])
        .write_stdin(ndjson.clone())
        .assert()
        .success()
        .stdout("");
    assert_eq!(t.item_count(), 1000);

    let items = ndjson_of(dbiam(&home, &url).args([
        "dynamo",
        "scan",
        &t.name,
        "--segments",
        "4",
        "-o",
        "ndjson",
    ]));
    assert_eq!(items.len(), 1000);
    let mut pks: Vec<String> = items
        .iter()
        .map(|i| i["pk"].as_str().unwrap().to_owned())
        .collect();
    pks.sort();
    pks.dedup();
    assert_eq!(pks.len(), 1000, "every item exactly once");
    assert_eq!(items[0].as_object().unwrap().keys().next().unwrap(), "pk");

    // Small pages: each segment follows LastEvaluatedKey through many pages.
    let paged = ndjson_of(dbiam(&home, &url).args([
        "dynamo",
        "scan",
        &t.name,
        "--segments",
        "4",
        "--page-size",
        "40",
        "-o",
        "ndjson",
    ]));
    let mut paged: Vec<&str> = paged.iter().map(|i| i["pk"].as_str().unwrap()).collect();
    paged.sort();
    assert_eq!(paged, pks, "every item exactly once, across pages");
    let plain = stdout_of(dbiam(&home, &url).args([
        "dynamo",
        "scan",
        &t.name,
        "--page-size",
        "300",
        "-o",
        "ndjson",
    ]));
    assert_eq!(plain.lines().count(), 1000);

    // Filter with a parallel scan, and a total limit.
    let even = ndjson_of(dbiam(&home, &url).args([
        "dynamo",
        "scan",
        &t.name,
        "--segments",
        "4",
        "--filter",
        "even = :t",
        "--values",
        r#"{":t":true}"#,
        "-o",
        "ndjson",
    ]));
    assert_eq!(even.len(), 500);
    assert!(even.iter().all(|i| i["even"] == json!(true)));
    let few = ndjson_of(dbiam(&home, &url).args([
        "dynamo",
        "scan",
        &t.name,
        "--segments",
        "4",
        "--limit",
        "7",
        "-o",
        "ndjson",
    ]));
    assert_eq!(few.len(), 7);

    // The same items from a file (@FILE) overwrite in place.
    let file = home.path().join("items.ndjson");
    std::fs::write(&file, &ndjson).unwrap();
    dbiam(&home, &url)
        .args([
            "dynamo",
            "put",
            &t.name,
            "--item",
            &format!("@{}", file.display()),
        ])
        .assert()
        .success();
    assert_eq!(t.item_count(), 1000);
}

#[test]
fn query_with_key_conditions_filters_index_limit_and_order() {
    let Some(url) = moto_url() else { return };
    let t = Table::hash_range(&url);
    let home = Home::new();
    let items: String = (1..=10)
        .map(|i| {
            let color = if i % 2 == 0 { "red" } else { "blue" };
            format!("{{\"pk\":\"p\",\"sk\":{i},\"color\":\"{color}\"}}\n")
        })
        .chain(["{\"pk\":\"other\",\"sk\":1,\"color\":\"red\"}\n".to_owned()])
        .collect();
    dbiam(&home, &url)
        .args(["dynamo", "put", &t.name, "--item", "-"])
        .write_stdin(items)
        .assert()
        .success();
    let query = |extra: &[&str]| -> Vec<i64> {
        let mut c = dbiam(&home, &url);
        c.args(["dynamo", "query", &t.name, "-o", "ndjson"])
            .args(extra);
        ndjson_of(&mut c)
            .iter()
            .map(|i| i["sk"].as_i64().unwrap())
            .collect()
    };
    let p = r#"{":p":"p"}"#;
    assert_eq!(
        query(&["--key-condition", "pk = :p", "--values", p]),
        (1..=10).collect::<Vec<_>>()
    );
    assert_eq!(
        query(&[
            "--key-condition",
            "pk = :p AND sk > :s",
            "--values",
            r#"{":p":"p",":s":7}"#
        ]),
        [8, 9, 10]
    );
    assert_eq!(
        query(&[
            "--key-condition",
            "pk = :p",
            "--values",
            p,
            "--desc",
            "--limit",
            "3"
        ]),
        [10, 9, 8]
    );
    let desc_paged: &[&str] = &[
        "--key-condition",
        "pk = :p",
        "--values",
        p,
        "--desc",
        "--page-size",
        "3",
    ];
    assert_eq!(query(desc_paged), (1..=10).rev().collect::<Vec<_>>());
    // A filter with one-item pages: pages without a match are followed too.
    let filtered_paged: &[&str] = &[
        "--key-condition",
        "pk = :p",
        "--filter",
        "color = :c",
        "--page-size",
        "1",
        "--limit",
        "2",
        "--values",
        r#"{":p":"p",":c":"red"}"#,
    ];
    assert_eq!(query(filtered_paged), [2, 4]);
    assert_eq!(
        query(&[
            "--key-condition",
            "pk = :p",
            "--filter",
            "color = :c",
            "--values",
            r#"{":p":"p",":c":"red"}"#,
        ]),
        [2, 4, 6, 8, 10]
    );
    assert_eq!(
        query(&[
            "--index",
            "by_color",
            "--key-condition",
            "color = :c AND sk <= :s",
            "--values",
            r#"{":c":"red",":s":4}"#,
        ]),
        [1, 2, 4]
    );

    // Table output: header, rows, count.
    let table = stdout_of(dbiam(&home, &url).args([
        "dynamo",
        "query",
        &t.name,
        "--key-condition",
        "pk = :p",
        "--values",
        p,
        "--limit",
        "2",
    ]));
    assert!(table.lines().next().unwrap().contains("pk"), "{table}");
    assert!(table.ends_with("(2 rows)\n"), "{table}");
}

#[test]
fn partiql_insert_and_select() {
    let Some(url) = moto_url() else { return };
    let t = Table::hash_range(&url);
    let home = Home::new();
    let insert = format!(
        "INSERT INTO \"{}\" VALUE {{'pk': 'x', 'sk': 1, 'name': 'Xavier'}}",
        t.name
    );
    let out = stdout_of(dbiam(&home, &url).args(["dynamo", "sql", &insert, "-o", "ndjson"]));
    assert_eq!(out, "");
    put(&home, &url, &t.name, r#"{"pk":"y","sk":2,"name":"Yan"}"#);

    let select = format!("SELECT * FROM \"{}\" WHERE pk = ?", t.name);
    let rows = ndjson_of(dbiam(&home, &url).args([
        "dynamo", "sql", &select, "--params", r#"["x"]"#, "-o", "ndjson",
    ]));
    assert_eq!(rows, [json!({"name":"Xavier","pk":"x","sk":1})]);
    let all = ndjson_of(dbiam(&home, &url).args([
        "dynamo",
        "sql",
        &format!("SELECT * FROM \"{}\"", t.name),
        "-o",
        "ndjson",
    ]));
    assert_eq!(all.len(), 2);
    // Typed parameters.
    let rows = ndjson_of(dbiam(&home, &url).args([
        "dynamo",
        "sql",
        &select,
        "--typed",
        "--params",
        r#"[{"S":"y"}]"#,
        "-o",
        "ndjson",
    ]));
    assert_eq!(
        rows,
        [json!({"name":{"S":"Yan"},"pk":{"S":"y"},"sk":{"N":"2"}})]
    );
    // A statement on a missing table: exit 1, one line.
    let missing = format!("SELECT * FROM \"{}\"", unique("dbiam-missing"));
    let err = fails(dbiam(&home, &url).args(["dynamo", "sql", &missing]), 1);
    assert!(err.contains("a table named in the statement"), "{err}");
}

#[test]
fn plain_and_typed_json_round_trip() {
    let Some(url) = moto_url() else { return };
    let t = Table::hash(&url);
    let home = Home::new();
    let plain = format!(
        r#"{{"pk":"rt","big":{BIG},"neg":-0.000123,"bin":{{"$binary":"AAEC/w=="}},"bins":{{"$BS":["AQ==","Ag=="]}},"nums":{{"$NS":[1,{BIG}]}},"strs":{{"$SS":["a","b"]}},"map":{{"inner":{{"deep":[1,"two",null,false]}}}},"nothing":null,"yes":true}}"#
    );
    put(&home, &url, &t.name, &plain);
    let key = r#"{"pk":"rt"}"#;
    let text = stdout_of(
        dbiam(&home, &url).args(["dynamo", "get", &t.name, "--key", key, "-o", "ndjson"]),
    );
    assert!(
        text.contains(&format!("\"big\":{BIG}")),
        "38 digits kept: {text}"
    );
    let got: Value = serde_json::from_str(&text).unwrap();
    let want: Value = serde_json::from_str(&plain).unwrap();
    // Sets come back in DynamoDB's order: compare them as sets.
    let sorted = |v: &Value| {
        let mut a: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.to_string())
            .collect();
        a.sort();
        a
    };
    for set in [("bins", "$BS"), ("nums", "$NS"), ("strs", "$SS")] {
        assert_eq!(
            sorted(&got[set.0][set.1]),
            sorted(&want[set.0][set.1]),
            "{set:?}"
        );
    }
    let strip = |v: &Value| {
        let mut m = v.as_object().unwrap().clone();
        for k in ["bins", "nums", "strs"] {
            m.remove(k);
        }
        Value::Object(m)
    };
    assert_eq!(strip(&got), strip(&want));

    // Typed output is the aws-cli's AttributeValue JSON.
    let typed = json_of(dbiam(&home, &url).args([
        "dynamo",
        "get",
        &t.name,
        "--key",
        r#"{"pk":{"S":"rt"}}"#,
        "--typed",
        "-o",
        "json",
    ]));
    assert_eq!(typed["big"], json!({"N": BIG}));
    assert_eq!(typed["bin"], json!({"B": "AAEC/w=="}));
    assert_eq!(typed["nothing"], json!({"NULL": true}));
    assert_eq!(typed["yes"], json!({"BOOL": true}));
    assert_eq!(
        typed["map"]["M"]["inner"]["M"]["deep"]["L"][2],
        json!({"NULL": true})
    );
    assert_eq!(sorted(&typed["strs"]["SS"]), ["\"a\"", "\"b\""]);

    // Typed in, plain out: the typed item written back under another key reads the same.
    let mut retyped = typed.as_object().unwrap().clone();
    retyped.insert("pk".into(), json!({"S": "rt2"}));
    let retyped = serde_json::to_string(&retyped).unwrap();
    dbiam(&home, &url)
        .args(["dynamo", "put", &t.name, "--typed", "--item", &retyped])
        .assert()
        .success();
    let back = json_of(dbiam(&home, &url).args([
        "dynamo",
        "get",
        &t.name,
        "--key",
        r#"{"pk":"rt2"}"#,
        "-o",
        "json",
    ]));
    let mut expect = strip(&got).as_object().unwrap().clone();
    expect.insert("pk".into(), json!("rt2"));
    assert_eq!(strip(&back), Value::Object(expect));
    assert_eq!(back["big"].to_string(), BIG);
}

#[test]
fn tables_and_describe_show_keys_indexes_and_billing() {
    let Some(url) = moto_url() else { return };
    let t = Table::hash_range(&url);
    let home = Home::new();
    let list = ndjson_of(dbiam(&home, &url).args(["dynamo", "tables", "-o", "ndjson"]));
    let row = list
        .iter()
        .find(|r| r["table"] == json!(t.name))
        .unwrap_or_else(|| panic!("{list:?}"));
    assert_eq!(row["key_schema"], json!("pk (S) HASH, sk (N) RANGE"));
    assert_eq!(row["billing_mode"], json!("PAY_PER_REQUEST"));
    assert_eq!(row["status"], json!("ACTIVE"));
    assert_eq!(row["items"], json!(0));

    let d = json_of(dbiam(&home, &url).args(["dynamo", "describe", &t.name, "-o", "json"]));
    assert_eq!(d["table"], json!(t.name));
    assert_eq!(d["key_schema"], json!("pk (S) HASH, sk (N) RANGE"));
    assert_eq!(d["global_indexes"][0]["name"], json!("by_color"));
    assert_eq!(
        d["global_indexes"][0]["key_schema"],
        json!("color (S) HASH, sk (N) RANGE")
    );
    assert_eq!(d["ttl_status"], json!("DISABLED"));
    assert_eq!(d["stream_enabled"], json!(false));

    let human = stdout_of(dbiam(&home, &url).args(["dynamo", "describe", &t.name]));
    assert!(human.contains("billing_mode"), "{human}");
}

#[test]
fn csv_columns_are_the_union_of_attributes() {
    let Some(url) = moto_url() else { return };
    let t = Table::hash(&url);
    let home = Home::new();
    dbiam(&home, &url)
        .args(["dynamo", "put", &t.name, "--item", "-"])
        .write_stdin("{\"pk\":\"a\",\"x\":1}\n{\"pk\":\"b\",\"y\":\"why, not\"}\n")
        .assert()
        .success();
    let csv = stdout_of(dbiam(&home, &url).args(["dynamo", "scan", &t.name, "-o", "csv"]));
    let mut lines: Vec<&str> = csv.lines().collect();
    let header = lines.remove(0);
    assert!(header.starts_with("pk,"), "{csv}");
    let mut cols: Vec<&str> = header.split(',').collect();
    cols.sort();
    assert_eq!(cols, ["pk", "x", "y"]);
    assert_eq!(lines.len(), 2);
    assert!(csv.contains("\"why, not\""), "{csv}");
}

#[test]
fn each_error_has_one_line_and_its_exit_code() {
    let Some(url) = moto_url() else { return };
    let t = Table::hash_range(&url);
    let home = Home::new();
    let n = &t.name;
    let missing = unique("dbiam-missing");

    // Missing table: 1, for reads and writes alike.
    for args in [
        vec!["get", &missing, "--key", r#"{"pk":"a"}"#],
        vec!["scan", &missing],
        vec![
            "query",
            &missing,
            "--key-condition",
            "pk = :p",
            "--values",
            r#"{":p":"a"}"#,
        ],
        vec!["describe", &missing],
    ] {
        let err = fails(dbiam(&home, &url).arg("dynamo").args(&args), 1);
        assert!(err.contains("not found"), "{args:?}: {err}");
    }
    // A key that does not match the schema (sk missing, wrong type): DynamoDB's
    // ValidationException, exit 2.
    fails(
        dbiam(&home, &url).args(["dynamo", "get", n, "--key", r#"{"pk":"a"}"#]),
        2,
    );
    fails(
        dbiam(&home, &url).args(["dynamo", "put", n, "--item", r#"{"pk":"a","sk":"one"}"#]),
        2,
    );
    // Bad JSON and bad typed JSON: exit 2 before any call.
    let err = fails(
        dbiam(&home, &url).args(["dynamo", "get", n, "--key", "{pk:1}"]),
        2,
    );
    assert!(err.contains("--key is not valid JSON"), "{err}");
    let err = fails(
        dbiam(&home, &url).args(["dynamo", "get", n, "--typed", "--key", r#"{"pk":"a"}"#]),
        2,
    );
    assert!(err.contains("--key.pk"), "{err}");
    // An item that cannot be read in an NDJSON batch names its position.
    let err = fails(
        dbiam(&home, &url)
            .args(["dynamo", "put", n, "--item", "-"])
            .write_stdin("{\"pk\":\"a\",\"sk\":1}\n{\"pk\":\"b\",\"sk\":{\"$SS\":[1]}}\n"),
        2,
    );
    assert!(err.contains("item 2"), "{err}");
    // Conditions do not apply to batches.
    fails(
        dbiam(&home, &url)
            .args([
                "dynamo",
                "put",
                n,
                "--item",
                "-",
                "--condition",
                "attribute_not_exists(pk)",
            ])
            .write_stdin("{\"pk\":\"a\",\"sk\":1}\n{\"pk\":\"b\",\"sk\":2}\n"),
        2,
    );
    // A missing file.
    fails(
        dbiam(&home, &url).args(["dynamo", "put", n, "--item", "@/nonexistent/items.ndjson"]),
        2,
    );
    // An unreachable endpoint: 1.
    let err = fails(
        dbiam(&home, &url)
            .env(
                "AWS_ENDPOINT_URL",
                format!("http://127.0.0.1:{}", closed_port()),
            )
            .args(["dynamo", "scan", n]),
        1,
    );
    assert!(err.contains("cannot reach"), "{err}");
    // An invalid expression: ValidationException, 2.
    fails(
        dbiam(&home, &url).args(["dynamo", "query", n, "--key-condition", "pk = :p"]),
        2,
    );
    assert_eq!(t.item_count(), 0);
}
