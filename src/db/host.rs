//! The one check of a database host name, used by the resolver, `dbiam token` and
//! `dbiam targets add`: a DNS name, an IPv4 address or an IPv6 address (bare here; in
//! brackets only inside URLs, which [`super::url`] strips). A port inside the host is
//! refused with a hint to pass it as the port.

use std::net::{IpAddr, Ipv6Addr};

use crate::error::{Error, Result};

/// Whether `host` is a DNS name: dot-separated labels of letters, digits, '-' and '_'
/// (1 to 63 bytes each, no '-' at either end), 253 bytes at most, one trailing dot allowed.
fn is_dns_name(host: &str) -> bool {
    let name = host.strip_suffix('.').unwrap_or(host);
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Check a database host name: a DNS name, an IPv4 address or a bare IPv6 address.
/// Exit 2 with a one-line error otherwise, before any DNS lookup or signing.
pub fn validate_host(host: &str) -> Result<()> {
    if host.parse::<IpAddr>().is_ok() || is_dns_name(host) {
        return Ok(());
    }
    let shown = host.escape_debug().to_string();
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        if v6.parse::<Ipv6Addr>().is_ok() {
            return Err(Error::usage(format!(
                "'{shown}' is not a database host name (brackets belong in URLs only)"
            ))
            .with_hint(format!("pass the IPv6 address bare: {v6}")));
        }
    }
    if let Some((h, port)) = host.rsplit_once(':') {
        let h_ok = h.parse::<std::net::Ipv4Addr>().is_ok()
            || is_dns_name(h)
            || h.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .is_some_and(|v6| v6.parse::<Ipv6Addr>().is_ok());
        if h_ok && !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            return Err(
                Error::usage(format!("'{shown}' has a port in the host name"))
                    .with_hint(format!("put the port in --port: --port {port}")),
            );
        }
    }
    Err(
        Error::usage(format!("'{shown}' is not a database host name")).with_hint(
            "pass a DNS name or an IP address alone, e.g. mydb.abc123.us-east-1.rds.amazonaws.com",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::validate_host;

    #[test]
    fn hosts_are_dns_names_or_ip_addresses() {
        for h in [
            "db.example.com",
            "db.example.com.",
            "localhost",
            "my_db-1.abc.us-east-1.rds.amazonaws.com",
            "127.0.0.1",
            "::1",
            "fe80::1",
        ] {
            validate_host(h).unwrap();
        }
        for h in [
            "",
            "-",
            "a b",
            "a\nb",
            "[::1",
            "[::1]",
            "host:5432",
            "h.example.com:",
            "a..b",
            "-a.com",
            "a-.com",
            "x/y",
            "a?b",
            "u@h",
            "http://x",
            ".",
        ] {
            assert!(validate_host(h).is_err(), "{h:?}");
        }
        let e = validate_host("host:5432").unwrap_err().to_string();
        assert!(e.contains("port"), "{e}");
    }
}
