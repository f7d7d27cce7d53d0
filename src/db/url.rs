//! Connection URLs: `postgres://`, `mysql://`, `redshift://` and `dsql://`, split into
//! their parts ([`UrlParts`]) with libpq's %-escapes and `?sslmode=`/`?sslrootcert=`.

use std::path::PathBuf;

use super::engine;
use super::{Engine, SslMode};
use crate::error::{Error, Result};

/// Parts of a `postgres://` (or `mysql://`) URL.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct UrlParts {
    /// The engine the scheme names (`mysql://`, `mariadb://`), if not PostgreSQL.
    pub engine: Option<Engine>,
    /// `user`
    pub user: Option<String>,
    /// Whether the URL carried a password (`user:password@` or `?password=`).
    pub has_password: bool,
    /// That password, %-decoded (`None` when absent or empty); used only with `--no-iam`.
    pub password: Option<crate::secret::Secret>,
    /// `host`
    pub host: Option<String>,
    /// `port`
    pub port: Option<u16>,
    /// `/dbname`
    pub dbname: Option<String>,
    /// `?sslmode=`
    pub sslmode: Option<SslMode>,
    /// `?sslrootcert=`
    pub sslrootcert: Option<PathBuf>,
    /// `?application_name=` (the name the connection goes by on the server).
    pub application_name: Option<String>,
}

fn percent_decode(s: &str) -> Result<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| {
                    Error::usage(format!("bad %-escape in connection URL near '{}'", &s[i..]))
                })?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map_err(|_| Error::usage("connection URL is not valid UTF-8 once decoded"))
}

/// Parse `postgres://[user[:password]@][host][:port][/dbname][?sslmode=…&sslrootcert=…]`.
pub fn parse_url(url: &str) -> Result<UrlParts> {
    let (scheme_engine, rest) = engine::split_scheme(url).ok_or_else(|| {
        Error::usage(format!("'{url}' is not a postgres:// or mysql:// URL"))
            .with_hint("write postgres://USER@HOST:PORT/DBNAME or use -h/-p/-U/-d")
    })?;
    let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut parts = UrlParts {
        engine: scheme_engine,
        ..UrlParts::default()
    };
    let hostport = match authority.rsplit_once('@') {
        Some((userinfo, hostport)) => {
            let (user, password) = match userinfo.split_once(':') {
                Some((u, p)) => (u, Some(p)),
                None => (userinfo, None),
            };
            parts.has_password = password.is_some();
            if let Some(p) = password {
                let p = percent_decode(p)?;
                if !p.is_empty() {
                    parts.password = Some(crate::secret::Secret::new(p));
                }
            }
            if !user.is_empty() {
                parts.user = Some(percent_decode(user)?);
            }
            hostport
        }
        None => authority,
    };
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        let (h, after) = v6
            .split_once(']')
            .ok_or_else(|| Error::usage(format!("bad IPv6 host in '{url}'")))?;
        (h.to_owned(), after.strip_prefix(':'))
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (percent_decode(h)?, Some(p)),
            None => (percent_decode(hostport)?, None),
        }
    };
    if !host.is_empty() {
        parts.host = Some(host);
    }
    if let Some(p) = port.filter(|p| !p.is_empty()) {
        parts.port = Some(
            p.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| Error::usage(format!("bad port '{p}' in connection URL")))?,
        );
    }
    if !path.is_empty() {
        parts.dbname = Some(percent_decode(path)?);
    }
    for pair in query.split('&').filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = percent_decode(v)?;
        match k {
            "sslmode" => {
                parts.sslmode = Some(
                    <SslMode as clap::ValueEnum>::from_str(&v, false).map_err(|_| {
                        Error::usage(format!("bad sslmode '{v}' in connection URL"))
                    })?,
                )
            }
            "sslrootcert" => parts.sslrootcert = Some(PathBuf::from(v)),
            "application_name" => parts.application_name = Some(v),
            "password" => {
                parts.has_password = true;
                parts.password = Some(crate::secret::Secret::new(v)).filter(|p| !p.is_empty());
            }
            // Other libpq parameters (connect_timeout, options, …) are ignored.
            _ => crate::debug!("ignoring URL parameter {k}"),
        }
    }
    Ok(parts)
}
