//! The config file (`$DBIAM_CONFIG`, else `<config dir>/dbiam/config.toml`): defaults
//! for the global flags and named connection targets. Reading reports bad files as one
//! line naming the file, line, column and key; writing edits the document in place
//! (comments and the other entries stay) and replaces the file atomically.

use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use crate::db::CacheKind;
use crate::db::{Engine, SslMode};
use crate::error::{Error, Result};
use crate::output::Format;

/// The whole config file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `[defaults]`: used when neither a flag nor the environment gives a value.
    #[serde(default)]
    pub defaults: Defaults,
    /// `[targets.NAME]`.
    #[serde(default)]
    pub targets: BTreeMap<String, Target>,
}

/// `[defaults]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// AWS profile (below `--profile` and `AWS_PROFILE`).
    pub profile: Option<String>,
    /// AWS region (below `--region`, `AWS_REGION` and `AWS_DEFAULT_REGION`).
    pub region: Option<String>,
    /// Allowed AWS account ids (below `--allowed-accounts` and `DBIAM_ALLOWED_ACCOUNTS`).
    pub allowed_accounts: Option<Vec<String>>,
    /// Output format (below `--output`).
    #[serde(default, deserialize_with = "value_enum")]
    pub output: Option<Format>,
    /// Whether IAM logins carry the audit tag `dbiam/VERSION (PRINCIPAL)` as their
    /// `application_name` / `program_name` (default true; `--no-audit-tag` turns it off).
    pub audit_tag: Option<bool>,
}

/// `[targets.NAME]`: a named database connection.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// `postgres`, `mysql`, `redshift`, `dsql` or `redis` (ElastiCache / MemoryDB).
    #[serde(default, deserialize_with = "value_enum")]
    pub engine: Option<Engine>,
    /// Host name.
    pub host: Option<String>,
    /// Port.
    pub port: Option<u16>,
    /// Database user.
    pub user: Option<String>,
    /// Database name.
    pub database: Option<String>,
    /// AWS region (beats the environment, not `--region`).
    pub region: Option<String>,
    /// AWS profile (beats the environment, not `--profile`).
    pub profile: Option<String>,
    /// A role to assume (STS AssumeRole) before minting the token.
    pub role_arn: Option<String>,
    /// Sign the token for this host (tunnels, proxies, CNAMEs).
    pub signing_host: Option<String>,
    /// Sign the token for this port.
    pub signing_port: Option<u16>,
    /// TLS mode.
    #[serde(default, deserialize_with = "value_enum")]
    pub sslmode: Option<SslMode>,
    /// Extra trusted CA file.
    pub sslrootcert: Option<PathBuf>,
    /// `engine = "redis"`: which service signs the token (`elasticache`,
    /// `elasticache-serverless`, `memorydb`).
    #[serde(default, deserialize_with = "value_enum")]
    pub cache: Option<CacheKind>,
    /// `engine = "redis"`: the replication group, serverless cache or cluster name the
    /// token is signed for.
    pub cache_name: Option<String>,
    /// The loopback port `dbiam proxy` listens on for this target (default: a free one).
    pub proxy_port: Option<u16>,
}

fn value_enum<'de, D: Deserializer<'de>, T: clap::ValueEnum>(
    d: D,
) -> std::result::Result<Option<T>, D::Error> {
    let Some(s) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    T::from_str(&s, false).map(Some).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value().map(|p| format!("`{}`", p.get_name())))
            .collect();
        serde::de::Error::custom(format!(
            "unknown value `{s}`, expected one of {}",
            names.join(", ")
        ))
    })
}

/// The name a value enum goes by on the command line and in the file.
pub fn enum_name<T: clap::ValueEnum>(v: &T) -> String {
    v.to_possible_value()
        .map(|p| p.get_name().to_owned())
        .unwrap_or_default()
}

impl Target {
    /// The set fields as `(key, value)` pairs, in the file's order (for `show`, `list`
    /// and writing).
    pub fn fields(&self) -> Vec<(&'static str, FieldValue)> {
        let mut out = Vec::new();
        let mut s = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                out.push((k, FieldValue::Str(v)));
            }
        };
        s("engine", self.engine.as_ref().map(enum_name));
        s("host", self.host.clone());
        s("user", self.user.clone());
        s("database", self.database.clone());
        s("region", self.region.clone());
        s("profile", self.profile.clone());
        s("role_arn", self.role_arn.clone());
        s("signing_host", self.signing_host.clone());
        s("sslmode", self.sslmode.as_ref().map(enum_name));
        s(
            "sslrootcert",
            self.sslrootcert.as_ref().map(|p| p.display().to_string()),
        );
        s("cache", self.cache.as_ref().map(enum_name));
        s("cache_name", self.cache_name.clone());
        if let Some(p) = self.port {
            out.insert(
                out.iter()
                    .position(|(k, _)| *k == "host")
                    .map_or(0, |i| i + 1),
                ("port", FieldValue::Int(p.into())),
            );
        }
        if let Some(p) = self.proxy_port {
            out.push(("proxy_port", FieldValue::Int(p.into())));
        }
        if let Some(p) = self.signing_port {
            let at = out
                .iter()
                .position(|(k, _)| *k == "signing_host")
                .map_or(out.len(), |i| i + 1);
            out.insert(at, ("signing_port", FieldValue::Int(p.into())));
        }
        out
    }
}

/// A value in a target's table.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A string.
    Str(String),
    /// A port.
    Int(i64),
}

impl std::fmt::Display for FieldValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldValue::Str(s) => f.write_str(s),
            FieldValue::Int(i) => write!(f, "{i}"),
        }
    }
}

/// Where the config file is: `$DBIAM_CONFIG`, else `<config dir>/dbiam/config.toml`
/// (`$XDG_CONFIG_HOME` or `~/.config` on Linux).
pub fn path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("DBIAM_CONFIG").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    dirs::config_dir()
        .map(|d| d.join("dbiam").join("config.toml"))
        .ok_or_else(|| {
            Error::usage("cannot find the config directory")
                .with_hint("set DBIAM_CONFIG to the config file's path")
        })
}

/// 1-based line and column of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before.len(), |i| before.len() - i - 1)
        + 1;
    (line, col)
}

/// The key a byte offset points at or into: the key of that line's `key = value`.
fn key_at(text: &str, offset: usize) -> Option<String> {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_owned())
}

/// Parse config text; errors name `file:line:column`, the key, and what is wrong.
pub fn parse(text: &str, file: &Path) -> Result<Config> {
    toml::from_str::<Config>(text).map_err(|e| {
        let message = e.message().trim().replace('\n', " ");
        let (place, key) = match e.span() {
            Some(span) => {
                let (l, c) = line_col(text, span.start);
                (format!(":{l}:{c}"), key_at(text, span.start))
            }
            None => (String::new(), None),
        };
        let key = match key {
            Some(k) if !message.contains(&format!("`{k}`")) => format!(" (key `{k}`)"),
            _ => String::new(),
        };
        Error::usage(format!(
            "invalid config {}{place}: {message}{key}",
            file.display()
        ))
        .with_hint("fix the file (see README: config file), or point DBIAM_CONFIG elsewhere")
    })
}

/// The config file and its parsed contents.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Where it is (or would be).
    pub path: PathBuf,
    /// Its contents (empty when the file does not exist).
    pub config: Config,
}

/// Read the config file; a missing file is an empty config. A file that cannot be read
/// as UTF-8 text (a directory, a symlink loop, no permission, other bytes) is invalid
/// (exit 2).
pub fn load() -> Result<Loaded> {
    let path = path()?;
    let Some(text) = crate::files::read_text("config", &path)? else {
        return Ok(Loaded {
            path,
            config: Config::default(),
        });
    };
    let config = parse(&text, &path)?;
    for name in config.targets.keys() {
        validate_name(name)
            .map_err(|e| Error::usage(format!("invalid config {}: {e}", path.display())))?;
    }
    Ok(Loaded { path, config })
}

/// Target names: letters, digits, `-`, `_`, `.` (so they never look like URLs or flags).
pub fn validate_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && !name.starts_with(['-', '.'])
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!("bad target name '{name}'"))
            .with_hint("use letters, digits, '-', '_' and '.' (not first)"))
    }
}

fn read_document(path: &Path) -> Result<toml_edit::DocumentMut> {
    // Refused before reading when it could never be written back (a FIFO, a device).
    crate::files::check_replaceable("config", path)?;
    let text = crate::files::read_text("config", path)?.unwrap_or_default();
    parse(&text, path)?;
    text.parse::<toml_edit::DocumentMut>()
        .map_err(|e| Error::usage(format!("invalid config {}: {e}", path.display())))
}

fn write_document(path: &Path, doc: &toml_edit::DocumentMut) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(d) = dir {
        std::fs::create_dir_all(d)
            .map_err(|e| Error::io(format!("cannot create {}", d.display()), e))?;
    }
    crate::files::replace("config", path, doc.to_string().as_bytes(), None)
}

/// Add or replace `[targets.NAME]` in the file at `path`, keeping everything else.
pub fn save_target(path: &Path, name: &str, target: &Target) -> Result<()> {
    validate_name(name)?;
    let mut doc = read_document(path)?;
    let targets = doc
        .entry("targets")
        .or_insert_with(|| {
            let mut t = toml_edit::Table::new();
            t.set_implicit(true);
            toml_edit::Item::Table(t)
        })
        .as_table_mut()
        .ok_or_else(|| {
            Error::usage(format!(
                "invalid config {}: `targets` is not a table",
                path.display()
            ))
        })?;
    let mut table = toml_edit::Table::new();
    for (k, v) in target.fields() {
        match v {
            FieldValue::Str(s) => table.insert(k, toml_edit::value(s)),
            FieldValue::Int(i) => table.insert(k, toml_edit::value(i)),
        };
    }
    targets.insert(name, toml_edit::Item::Table(table));
    write_document(path, &doc)
}

/// Remove `[targets.NAME]`; `false` when there was no such target.
pub fn remove_target(path: &Path, name: &str) -> Result<bool> {
    let mut doc = read_document(path)?;
    let removed = doc
        .get_mut("targets")
        .and_then(|t| t.as_table_like_mut())
        .and_then(|t| t.remove(name))
        .is_some();
    if removed {
        write_document(path, &doc)?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
# my databases
[defaults]
profile = "dev"
region = "eu-west-1"
allowed_accounts = ["123456789012"]
output = "json"
audit_tag = false

[targets.orders]
engine = "postgres"
host = "orders.abc.eu-west-1.rds.amazonaws.com"
port = 5432
user = "app"
database = "orders"
sslmode = "verify-full"

[targets.shop]
engine = "mysql"
host = "shop.abc.us-east-1.rds.amazonaws.com"
role_arn = "arn:aws:iam::123456789012:role/db"
"#;

    #[test]
    fn parses_a_good_file() {
        let c = parse(GOOD, Path::new("c.toml")).unwrap();
        assert_eq!(c.defaults.profile.as_deref(), Some("dev"));
        assert_eq!(c.defaults.output, Some(Format::Json));
        assert_eq!(c.defaults.audit_tag, Some(false));
        assert_eq!(
            c.defaults.allowed_accounts.as_deref(),
            Some(&["123456789012".to_owned()][..])
        );
        let o = &c.targets["orders"];
        assert_eq!(o.engine, Some(Engine::Postgres));
        assert_eq!(o.port, Some(5432));
        assert_eq!(o.sslmode, Some(SslMode::VerifyFull));
        assert_eq!(c.targets["shop"].engine, Some(Engine::MySql));
        assert_eq!(parse("", Path::new("c")).unwrap(), Config::default());
    }

    fn err(text: &str) -> String {
        parse(text, Path::new("/x/config.toml"))
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn bad_files_name_file_line_and_key() {
        let e = err("[defaults]\nregion = \"x\"\nprofle = \"dev\"\n");
        assert!(e.starts_with("invalid config /x/config.toml:3:1:"), "{e}");
        assert!(e.contains("profle"), "{e}");
        let e = err("[targets.a]\nhost = \"h\"\nport = \"five\"\n");
        assert!(e.contains("/x/config.toml:3:8:"), "{e}");
        assert!(e.contains("`port`"), "{e}");
        let e = err("[targets.a]\nsslmode = \"sometimes\"\n");
        assert!(e.contains(":2:11:") && e.contains("`sslmode`"), "{e}");
        assert!(e.contains("verify-full"), "{e}");
        let e = err("[targets.a]\nhost = \n");
        assert!(e.contains("/x/config.toml:2:"), "{e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }

    #[test]
    fn target_names() {
        for ok in ["orders", "prod-db", "a.b_c1"] {
            validate_name(ok).unwrap();
        }
        for bad in ["", "-x", ".x", "a b", "postgres://h", "a/b"] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn save_keeps_comments_and_other_entries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, GOOD).unwrap();
        let t = Target {
            host: Some("h".into()),
            port: Some(6543),
            user: Some("u".into()),
            ..Target::default()
        };
        save_target(&path, "new", &t).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("# my databases"), "{text}");
        let c = parse(&text, &path).unwrap();
        assert_eq!(c.targets.len(), 3);
        assert_eq!(c.targets["new"], t);
        assert!(remove_target(&path, "orders").unwrap());
        assert!(!remove_target(&path, "orders").unwrap());
        let c = parse(&std::fs::read_to_string(&path).unwrap(), &path).unwrap();
        assert_eq!(
            c.targets.keys().collect::<Vec<_>>(),
            ["new", "shop"].iter().collect::<Vec<_>>()
        );
        assert_eq!(c.defaults.region.as_deref(), Some("eu-west-1"));
        let fresh = dir.path().join("a/b/config.toml");
        save_target(&fresh, "x", &t).unwrap();
        assert_eq!(
            parse(&std::fs::read_to_string(&fresh).unwrap(), &fresh)
                .unwrap()
                .targets["x"],
            t
        );
    }
}
