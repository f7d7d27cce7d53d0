//! Connection URLs for other programs, built from resolved [`ConnParams`] and the
//! password: `DATABASE_URL` (libpq / SQLAlchemy / node-postgres / Go style),
//! `JDBC_DATABASE_URL` and `REDIS_URL`. Every part is percent-encoded as RFC 3986 asks
//! (only the unreserved `A-Z a-z 0-9 - . _ ~` stay as they are), so a token's `/`, `+`,
//! `=`, `&` and `%` reach the program exactly.

use std::path::Path;

use super::{ConnParams, Engine, SslMode};
use crate::secret::Secret;
use crate::token::sign::encode;

/// `host` as a URL authority host: IPv6 addresses in brackets, names percent-encoded.
fn url_host(host: &str) -> String {
    if host.parse::<std::net::Ipv6Addr>().is_ok() {
        format!("[{host}]")
    } else {
        encode(host)
    }
}

/// `user[:password]@`, encoded.
fn userinfo(user: &str, password: Option<&Secret>) -> String {
    match password {
        Some(p) => format!("{}:{}@", encode(user), encode(p.expose())),
        None if user.is_empty() => String::new(),
        None => format!("{}@", encode(user)),
    }
}

/// `k=v&k=v` with encoded values.
fn query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The CA setting clients of this engine should use: `system` (libpq 16+) for engines
/// behind public CAs without `--sslrootcert`, else the bundle file.
fn root_cert(params: &ConnParams, ca_file: &Path) -> String {
    if params.engine.uses_public_ca() && params.sslrootcert.is_none() {
        "system".to_owned()
    } else {
        ca_file.display().to_string()
    }
}

/// MySQL's `ssl-mode` for an sslmode.
fn mysql_ssl_mode(mode: SslMode) -> &'static str {
    match mode {
        SslMode::VerifyFull => "VERIFY_IDENTITY",
        SslMode::VerifyCa => "VERIFY_CA",
        SslMode::Require => "REQUIRED",
        SslMode::Disable => "DISABLED",
        SslMode::Allow | SslMode::Prefer => "PREFERRED",
    }
}

/// `DATABASE_URL`: `postgresql://USER:TOKEN@HOST:PORT/DB?sslmode=…&sslrootcert=…` or
/// `mysql://USER:TOKEN@HOST:PORT/DB?ssl-mode=VERIFY_IDENTITY&ssl-ca=…`; for ElastiCache /
/// MemoryDB the [`redis_url`].
pub fn database_url(params: &ConnParams, password: Option<&Secret>, ca_file: &Path) -> String {
    let auth = userinfo(&params.user, password);
    let host = url_host(&params.host);
    let db = encode(&params.dbname);
    let mode = params.effective_sslmode();
    match params.engine {
        Engine::Redis => redis_url(params, password),
        Engine::MySql => {
            let mut q = vec![("ssl-mode", mysql_ssl_mode(mode).to_owned())];
            if mode != SslMode::Disable {
                q.push(("ssl-ca", ca_file.display().to_string()));
            }
            format!("mysql://{auth}{host}:{}/{db}?{}", params.port, query(&q))
        }
        Engine::Postgres | Engine::Redshift | Engine::Dsql => {
            let mut q = vec![("sslmode", mode.as_str().to_owned())];
            if mode != SslMode::Disable {
                q.push(("sslrootcert", root_cert(params, ca_file)));
            }
            if let Some(addr) = params.hostaddr {
                q.push(("hostaddr", addr.to_string()));
            }
            format!(
                "postgresql://{auth}{host}:{}/{db}?{}",
                params.port,
                query(&q)
            )
        }
    }
}

/// `JDBC_DATABASE_URL`, Heroku style (user and password as parameters too):
/// `jdbc:postgresql://HOST:PORT/DB?sslmode=verify-full&sslrootcert=…&user=…&password=…`
/// (pgjdbc) or `jdbc:mysql://HOST:PORT/DB?sslMode=VERIFY_IDENTITY&serverSslCert=…&…`
/// (MySQL Connector/J and MariaDB Connector/J). `None` for Redis.
pub fn jdbc_url(params: &ConnParams, password: Option<&Secret>, ca_file: &Path) -> Option<String> {
    let host = url_host(&params.host);
    let db = encode(&params.dbname);
    let mode = params.effective_sslmode();
    let mut q: Vec<(&str, String)> = Vec::new();
    let base = match params.engine {
        Engine::Redis => return None,
        Engine::MySql => {
            q.push(("sslMode", mysql_ssl_mode(mode).to_owned()));
            if mode != SslMode::Disable {
                q.push(("serverSslCert", ca_file.display().to_string()));
            }
            format!("jdbc:mysql://{host}:{}/{db}", params.port)
        }
        Engine::Postgres | Engine::Redshift | Engine::Dsql => {
            q.push(("sslmode", mode.as_str().to_owned()));
            if mode != SslMode::Disable
                && !(params.engine.uses_public_ca() && params.sslrootcert.is_none())
            {
                q.push(("sslrootcert", ca_file.display().to_string()));
            }
            // pgjdbc reads no PGAPPNAME: the audit tag travels in the URL.
            if let Some(name) = &params.application_name {
                q.push(("ApplicationName", name.clone()));
            }
            format!("jdbc:postgresql://{host}:{}/{db}", params.port)
        }
    };
    q.push(("user", params.user.clone()));
    if let Some(p) = password {
        q.push(("password", p.expose().to_owned()));
    }
    Some(format!("{base}?{}", query(&q)))
}

/// `REDIS_URL`: `rediss://USER:TOKEN@HOST:PORT` (TLS: IAM users need it).
pub fn redis_url(params: &ConnParams, password: Option<&Secret>) -> String {
    format!(
        "rediss://{}{}:{}",
        userinfo(&params.user, password),
        url_host(&params.host),
        params.port
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::ConnectionArgs;

    fn params(url: &str) -> ConnParams {
        ConnectionArgs {
            target: Some(url.into()),
            ..Default::default()
        }
        .resolve_with(5432, &|_| None)
        .unwrap()
    }

    #[test]
    fn every_reserved_character_is_encoded() {
        let p = params("postgres://j%40ne@db.example.com:5433/my%20db");
        let token = Secret::new("h:1/?Action=connect&X=a+b%2F~_.-=!*'()#[]@$,;");
        let url = database_url(&p, Some(&token), Path::new("/tmp/ca dir/ca.pem"));
        assert_eq!(
            url,
            "postgresql://j%40ne:h%3A1%2F%3FAction%3Dconnect%26X%3Da%2Bb%252F~_.-%3D%21%2A%27%28%29%23%5B%5D%40%24%2C%3B@db.example.com:5433/my%20db?sslmode=verify-full&sslrootcert=%2Ftmp%2Fca%20dir%2Fca.pem"
        );
        let jdbc = jdbc_url(&p, Some(&token), Path::new("/ca.pem")).unwrap();
        assert!(jdbc.starts_with("jdbc:postgresql://db.example.com:5433/my%20db?sslmode=verify-full&sslrootcert=%2Fca.pem&user=j%40ne&password=h%3A1%2F"), "{jdbc}");
    }

    #[test]
    fn mysql_and_ipv6() {
        let p = params("mysql://app@[::1]:3307/shop");
        let url = database_url(&p, Some(&Secret::new("t/+")), Path::new("/ca.pem"));
        assert_eq!(
            url,
            "mysql://app:t%2F%2B@[::1]:3307/shop?ssl-mode=VERIFY_IDENTITY&ssl-ca=%2Fca.pem"
        );
    }
}
