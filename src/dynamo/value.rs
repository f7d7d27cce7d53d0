//! The mapping between DynamoDB `AttributeValue`s and JSON: plain JSON (the default) and
//! the aws-cli's typed AttributeValue JSON (`--typed`).
//!
//! Plain JSON: S ↔ string, N ↔ number (digits kept exactly as written or sent, 38-digit
//! numbers included), BOOL ↔ bool, NULL ↔ null, M ↔ object, L ↔ array, and the types JSON
//! has no word for as one-key objects: B ↔ `{"$binary": "<base64>"}`, SS ↔ `{"$SS": [..]}`,
//! NS ↔ `{"$NS": [numbers]}`, BS ↔ `{"$BS": ["<base64>", ..]}`. An object whose only key is
//! one of these four names is always read as that type.

use aws_sdk_dynamodb::types::AttributeValue;
use aws_smithy_types::{base64, Blob};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;

use crate::error::{Error, Result};

/// A DynamoDB item (or key): attribute name → value.
pub type Item = HashMap<String, AttributeValue>;

/// Which JSON dialect items are read and written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// Plain JSON with `$binary`/`$SS`/`$NS`/`$BS` for the types JSON lacks.
    Plain,
    /// AttributeValue JSON as the aws-cli prints it (`{"S": "x"}`, `{"N": "1"}`, …).
    Typed,
}

const BINARY: &str = "$binary";
const SS: &str = "$SS";
const NS: &str = "$NS";
const BS: &str = "$BS";

/// A DynamoDB number string as a JSON number, digits unchanged.
fn number(n: &str) -> Result<Number> {
    // DynamoDB sends normalised numbers; accept the two spellings JSON lacks just in case.
    let fixed;
    let mut s = n.trim();
    s = s.strip_prefix('+').unwrap_or(s);
    if s.starts_with('.') || s.starts_with("-.") {
        fixed = s.replacen('.', "0.", 1);
        s = &fixed;
    }
    s.parse::<Number>()
        .map_err(|_| Error::failure(format!("DynamoDB sent a number JSON cannot hold: '{n}'")))
}

fn blob_text(b: &Blob) -> Value {
    Value::String(base64::encode(b.as_ref()))
}

/// One attribute value as JSON in the given dialect.
pub fn to_json(v: &AttributeValue, dialect: Dialect) -> Result<Value> {
    match dialect {
        Dialect::Plain => to_plain(v),
        Dialect::Typed => to_typed(v),
    }
}

/// An item as a JSON object, attributes in name order.
pub fn item_to_json(item: &Item, dialect: Dialect) -> Result<Map<String, Value>> {
    item_to_json_ordered(item, dialect, &[])
}

/// An item as a JSON object: the `first` attributes (when present) in that order, then the
/// rest in name order.
pub fn item_to_json_ordered(
    item: &Item,
    dialect: Dialect,
    first: &[String],
) -> Result<Map<String, Value>> {
    let mut names: Vec<&String> = item.keys().filter(|k| !first.contains(k)).collect();
    names.sort();
    let mut out = Map::new();
    for k in first.iter().filter(|k| item.contains_key(*k)).chain(names) {
        out.insert(k.clone(), to_json(&item[k], dialect)?);
    }
    Ok(out)
}

fn to_plain(v: &AttributeValue) -> Result<Value> {
    Ok(match v {
        AttributeValue::S(s) => Value::String(s.clone()),
        AttributeValue::N(n) => Value::Number(number(n)?),
        AttributeValue::Bool(b) => Value::Bool(*b),
        AttributeValue::Null(_) => Value::Null,
        AttributeValue::B(b) => tagged(BINARY, blob_text(b)),
        AttributeValue::M(m) => Value::Object(item_to_json(m, Dialect::Plain)?),
        AttributeValue::L(l) => Value::Array(l.iter().map(to_plain).collect::<Result<_>>()?),
        AttributeValue::Ss(ss) => tagged(SS, ss.iter().cloned().map(Value::String).collect()),
        AttributeValue::Ns(ns) => tagged(
            NS,
            Value::Array(
                ns.iter()
                    .map(|n| number(n).map(Value::Number))
                    .collect::<Result<_>>()?,
            ),
        ),
        AttributeValue::Bs(bs) => tagged(BS, bs.iter().map(blob_text).collect()),
        _ => return Err(unknown_type()),
    })
}

fn to_typed(v: &AttributeValue) -> Result<Value> {
    Ok(match v {
        AttributeValue::S(s) => tagged("S", Value::String(s.clone())),
        AttributeValue::N(n) => tagged("N", Value::String(n.clone())),
        AttributeValue::Bool(b) => tagged("BOOL", Value::Bool(*b)),
        AttributeValue::Null(b) => tagged("NULL", Value::Bool(*b)),
        AttributeValue::B(b) => tagged("B", blob_text(b)),
        AttributeValue::M(m) => tagged("M", Value::Object(item_to_json(m, Dialect::Typed)?)),
        AttributeValue::L(l) => tagged(
            "L",
            Value::Array(l.iter().map(to_typed).collect::<Result<_>>()?),
        ),
        AttributeValue::Ss(ss) => tagged("SS", ss.iter().cloned().map(Value::String).collect()),
        AttributeValue::Ns(ns) => tagged("NS", ns.iter().cloned().map(Value::String).collect()),
        AttributeValue::Bs(bs) => tagged("BS", bs.iter().map(blob_text).collect()),
        _ => return Err(unknown_type()),
    })
}

fn unknown_type() -> Error {
    Error::failure("DynamoDB sent an attribute type this dbiam does not know")
        .with_hint("use a newer dbiam")
}

fn tagged(tag: &str, v: Value) -> Value {
    let mut m = Map::new();
    m.insert(tag.to_owned(), v);
    Value::Object(m)
}

/// Parse one JSON value in the given dialect. `what` names it in errors (e.g. `--item`).
pub fn from_json(v: &Value, dialect: Dialect, what: &str) -> Result<AttributeValue> {
    match dialect {
        Dialect::Plain => from_plain(v, what),
        Dialect::Typed => from_typed(v, what),
    }
}

/// Parse a JSON object into an item (or key, or `--values` map).
pub fn item_from_json(v: &Value, dialect: Dialect, what: &str) -> Result<Item> {
    let Value::Object(m) = v else {
        return Err(bad(what, "must be a JSON object"));
    };
    m.iter()
        .map(|(k, v)| Ok((k.clone(), from_json(v, dialect, &format!("{what}.{k}"))?)))
        .collect()
}

/// Parse JSON text into an item.
pub fn parse_item(text: &str, dialect: Dialect, what: &str) -> Result<Item> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| Error::usage(format!("{what} is not valid JSON: {e}")))?;
    item_from_json(&v, dialect, what)
}

/// Parse a sequence of JSON objects (one object, NDJSON, or objects separated by any
/// whitespace) into items, lazily; errors name the item's position (1-based).
pub fn parse_items<'a>(
    text: &'a str,
    dialect: Dialect,
    what: &'a str,
) -> impl Iterator<Item = Result<Item>> + 'a {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .enumerate()
        .map(move |(i, v)| {
            let what = format!("{what}: item {}", i + 1);
            let v = v.map_err(|e| Error::usage(format!("{what} is not valid JSON: {e}")))?;
            item_from_json(&v, dialect, &what)
        })
}

/// Parse a JSON array of values (PartiQL parameters).
pub fn parse_list(text: &str, dialect: Dialect, what: &str) -> Result<Vec<AttributeValue>> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| Error::usage(format!("{what} is not valid JSON: {e}")))?;
    let Value::Array(a) = v else {
        return Err(bad(what, "must be a JSON array"));
    };
    a.iter()
        .enumerate()
        .map(|(i, e)| from_json(e, dialect, &format!("{what}[{i}]")))
        .collect()
}

/// Parse `--names`: a JSON object of strings (`{"#n": "name"}`).
pub fn parse_names(text: &str, what: &str) -> Result<HashMap<String, String>> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| Error::usage(format!("{what} is not valid JSON: {e}")))?;
    let Value::Object(m) = v else {
        return Err(bad(what, "must be a JSON object of strings"));
    };
    m.into_iter()
        .map(|(k, v)| match v {
            Value::String(s) => Ok((k, s)),
            _ => Err(bad(&format!("{what}.{k}"), "must be a string")),
        })
        .collect()
}

fn bad(what: &str, msg: &str) -> Error {
    Error::usage(format!("{what} {msg}"))
}

fn decode_blob(v: &Value, what: &str) -> Result<Blob> {
    let s = v
        .as_str()
        .ok_or_else(|| bad(what, "must be a base64 string"))?;
    base64::decode(s)
        .map(Blob::new)
        .map_err(|_| bad(what, "is not valid base64"))
}

fn strings(v: &Value, what: &str, numbers: bool) -> Result<Vec<String>> {
    let Value::Array(a) = v else {
        return Err(bad(what, "must be an array"));
    };
    a.iter()
        .map(|e| match (e, numbers) {
            (Value::String(s), false) => Ok(s.clone()),
            (Value::Number(n), true) => Ok(n.to_string()),
            (_, false) => Err(bad(what, "must hold strings only")),
            (_, true) => Err(bad(what, "must hold numbers only")),
        })
        .collect()
}

fn from_plain(v: &Value, what: &str) -> Result<AttributeValue> {
    Ok(match v {
        Value::String(s) => AttributeValue::S(s.clone()),
        Value::Number(n) => AttributeValue::N(n.to_string()),
        Value::Bool(b) => AttributeValue::Bool(*b),
        Value::Null => AttributeValue::Null(true),
        Value::Array(a) => AttributeValue::L(
            a.iter()
                .enumerate()
                .map(|(i, e)| from_plain(e, &format!("{what}[{i}]")))
                .collect::<Result<_>>()?,
        ),
        Value::Object(m) => {
            if let (1, Some((tag, inner))) = (m.len(), m.iter().next()) {
                let what = format!("{what}.{tag}");
                match tag.as_str() {
                    BINARY => return Ok(AttributeValue::B(decode_blob(inner, &what)?)),
                    SS => return Ok(AttributeValue::Ss(strings(inner, &what, false)?)),
                    NS => return Ok(AttributeValue::Ns(strings(inner, &what, true)?)),
                    BS => {
                        let Value::Array(a) = inner else {
                            return Err(bad(&what, "must be an array"));
                        };
                        return Ok(AttributeValue::Bs(
                            a.iter()
                                .map(|e| decode_blob(e, &what))
                                .collect::<Result<_>>()?,
                        ));
                    }
                    _ => {}
                }
            }
            AttributeValue::M(item_from_json(v, Dialect::Plain, what)?)
        }
    })
}

fn from_typed(v: &Value, what: &str) -> Result<AttributeValue> {
    let Value::Object(m) = v else {
        return Err(bad(
            what,
            "must be an AttributeValue object such as {\"S\": \"x\"} (--typed)",
        ));
    };
    let (1, Some((tag, inner))) = (m.len(), m.iter().next()) else {
        return Err(bad(
            what,
            "must have exactly one type key (S, N, B, BOOL, NULL, M, L, SS, NS, BS)",
        ));
    };
    let what = format!("{what}.{tag}");
    Ok(match (tag.as_str(), inner) {
        ("S", Value::String(s)) => AttributeValue::S(s.clone()),
        ("N", Value::String(s)) => {
            number(s).map_err(|_| bad(&what, "is not a number"))?;
            AttributeValue::N(s.clone())
        }
        ("B", _) => AttributeValue::B(decode_blob(inner, &what)?),
        ("BOOL", Value::Bool(b)) => AttributeValue::Bool(*b),
        ("NULL", Value::Bool(b)) => AttributeValue::Null(*b),
        ("M", Value::Object(_)) => AttributeValue::M(item_from_json(inner, Dialect::Typed, &what)?),
        ("L", Value::Array(a)) => AttributeValue::L(
            a.iter()
                .enumerate()
                .map(|(i, e)| from_typed(e, &format!("{what}[{i}]")))
                .collect::<Result<_>>()?,
        ),
        ("SS", _) => AttributeValue::Ss(strings(inner, &what, false)?),
        ("NS", _) => AttributeValue::Ns(strings(inner, &what, false)?),
        ("BS", Value::Array(a)) => AttributeValue::Bs(
            a.iter()
                .map(|e| decode_blob(e, &what))
                .collect::<Result<_>>()?,
        ),
        ("S" | "N" | "BOOL" | "NULL" | "M" | "L" | "BS", _) => {
            return Err(bad(&what, "has a value of the wrong JSON type"))
        }
        _ => return Err(bad(&what, "is not an AttributeValue type")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const BIG: &str = "12345678901234567890123456789012345678";

    fn round_trip(text: &str, dialect: Dialect) -> String {
        let item = parse_item(text, dialect, "--item").unwrap();
        serde_json::to_string(&Value::Object(item_to_json(&item, dialect).unwrap())).unwrap()
    }

    #[test]
    fn plain_round_trip_keeps_every_type_and_all_digits() {
        let text = format!(
            r#"{{"b":{{"$binary":"AAEC/w=="}},"big":{BIG},"bs":{{"$BS":["AQ=="]}},"f":-0.000123,"m":{{"inner":[1,"x",null,true]}},"n":null,"ns":{{"$NS":[1,{BIG}]}},"s":"x","ss":{{"$SS":["a","b"]}}}}"#
        );
        assert_eq!(round_trip(&text, Dialect::Plain), text);
    }

    #[test]
    fn plain_maps_to_the_right_attribute_types() {
        let item = parse_item(
            &format!(r#"{{"n":{BIG},"ss":{{"$SS":["a"]}},"b":{{"$binary":"AAE="}},"z":null}}"#),
            Dialect::Plain,
            "--item",
        )
        .unwrap();
        assert_eq!(item["n"], AttributeValue::N(BIG.into()));
        assert_eq!(item["ss"], AttributeValue::Ss(vec!["a".into()]));
        assert_eq!(item["b"], AttributeValue::B(Blob::new(vec![0, 1])));
        assert_eq!(item["z"], AttributeValue::Null(true));
    }

    #[test]
    fn typed_round_trip_matches_the_aws_cli_shape() {
        let text = format!(
            r#"{{"b":{{"B":"AAE="}},"l":{{"L":[{{"N":"1"}},{{"NULL":true}}]}},"m":{{"M":{{"k":{{"BOOL":false}}}}}},"n":{{"N":"{BIG}"}},"ns":{{"NS":["1","2.5"]}},"s":{{"S":"x"}},"ss":{{"SS":["a"]}}}}"#
        );
        assert_eq!(round_trip(&text, Dialect::Typed), text);
    }

    #[test]
    fn numbers_from_dynamodb_keep_their_text() {
        assert_eq!(
            to_json(&AttributeValue::N("1E+2".into()), Dialect::Plain)
                .unwrap()
                .to_string(),
            "1e+2"
        );
        assert_eq!(
            to_json(&AttributeValue::N(".5".into()), Dialect::Plain)
                .unwrap()
                .to_string(),
            "0.5"
        );
        assert!(to_json(&AttributeValue::N("abc".into()), Dialect::Plain).is_err());
    }

    #[test]
    fn ordered_output_puts_key_attributes_first() {
        let item = parse_item(r#"{"a":1,"pk":"x","sk":2}"#, Dialect::Plain, "k").unwrap();
        let m = item_to_json_ordered(&item, Dialect::Plain, &["pk".into(), "sk".into()]).unwrap();
        assert_eq!(m.keys().collect::<Vec<_>>(), ["pk", "sk", "a"]);
    }

    #[test]
    fn bad_input_is_a_usage_error_naming_the_place() {
        let e = parse_item(r#"{"a":{"$SS":[1]}}"#, Dialect::Plain, "--item").unwrap_err();
        assert_eq!(e.exit_code().code(), 2);
        assert!(e.to_string().contains("--item.a.$SS"), "{e}");
        assert!(parse_item("[1]", Dialect::Plain, "--key").is_err());
        assert!(parse_item("{", Dialect::Plain, "--key").is_err());
        assert!(parse_item(r#"{"a":"x"}"#, Dialect::Typed, "--key").is_err());
        assert!(parse_item(r#"{"a":{"N":"x1"}}"#, Dialect::Typed, "--key").is_err());
        assert!(parse_item(r#"{"a":{"S":"x","N":"1"}}"#, Dialect::Typed, "--key").is_err());
        assert!(parse_item(r#"{"a":{"$binary":"!!"}}"#, Dialect::Plain, "--key").is_err());
    }

    #[test]
    fn items_come_from_ndjson_or_concatenated_objects() {
        let items: Vec<Item> =
            parse_items("{\"a\":1}\n{\"a\":2} {\"a\":3}\n", Dialect::Plain, "--item")
                .collect::<Result<_>>()
                .unwrap();
        assert_eq!(items.len(), 3);
        let e = parse_items("{\"a\":1}\n{oops}", Dialect::Plain, "--item")
            .nth(1)
            .unwrap()
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("--item: item 2 is not valid JSON"),
            "{e}"
        );
        assert_eq!(parse_items("", Dialect::Plain, "--item").count(), 0);
    }

    #[test]
    fn params_and_names_parse() {
        let p = parse_list(r#"["a", 1, {"$SS":["x"]}]"#, Dialect::Plain, "--params").unwrap();
        assert_eq!(p[1], AttributeValue::N("1".into()));
        assert!(parse_list(r#"{"a":1}"#, Dialect::Plain, "--params").is_err());
        let n = parse_names(r##"{"#n":"name"}"##, "--names").unwrap();
        assert_eq!(n["#n"], "name");
        assert!(parse_names(r##"{"#n":1}"##, "--names").is_err());
    }

    #[test]
    fn a_map_with_other_keys_stays_a_map() {
        let item = parse_item(r#"{"m":{"$SS":["a"],"x":1}}"#, Dialect::Plain, "k").unwrap();
        assert!(matches!(item["m"], AttributeValue::M(_)));
        assert_eq!(
            to_json(&item["m"], Dialect::Plain).unwrap(),
            json!({"$SS":["a"],"x":1})
        );
    }
}
