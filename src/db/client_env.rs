//! The environment other database clients read (psql, pg_dump, libpq programs, mysql,
//! mariadb): built from resolved [`ConnParams`] and a fresh password for `dbiam exec` and
//! `dbiam env`, plus the files that environment points at (the CA bundle, a MariaDB
//! option file) and shell quoting for `env`'s export lines.
//!
//! PostgreSQL-protocol engines: `PGHOST` (`PGHOSTADDR`) `PGPORT` `PGUSER` `PGDATABASE`
//! `PGPASSWORD` `PGSSLMODE` `PGSSLROOTCERT`, and `PGAPPNAME` with the audit tag
//! ([`super::audit`]) or the user's application name. MySQL: `MYSQL_HOST` `MYSQL_TCP_PORT`
//! `MYSQL_PWD`, and `MYSQL_HOME` naming a directory whose `my.cnf` sets the user, the CA
//! (`ssl-ca`) and `ssl-verify-server-cert` (the MariaDB client reads `$MYSQL_HOME/my.cnf`;
//! Oracle's mysql client does not, so it needs `--ssl-ca` and `--user` on its command line).
//! Both: `DATABASE_URL` (renamed with `--url-var`), `JDBC_DATABASE_URL`,
//! `JDBC_DATABASE_USERNAME`, `JDBC_DATABASE_PASSWORD` ([`super::client_url`]; the
//! PostgreSQL JDBC URL carries the tag as `ApplicationName`, since pgjdbc reads no
//! PGAPPNAME). MySQL clients have no variable for the `program_name` attribute: the
//! tag is not passed to them.
//! ElastiCache / MemoryDB: `REDISCLI_AUTH` (redis-cli's password variable) and `REDIS_URL`
//! (`rediss://USER:TOKEN@HOST:PORT`, renamed with `--url-var`).

use std::path::{Path, PathBuf};

use super::{ConnParams, Engine, SslMode};
use crate::error::{Error, Result};
use crate::secret::Secret;

/// One variable's value.
#[derive(Debug, Clone)]
pub enum Value {
    /// Not secret.
    Plain(String),
    /// The password or token.
    Secret(Secret),
}

impl Value {
    /// The value itself (a secret too: this goes into a child's environment or an
    /// `eval` line the user asked for).
    pub fn expose(&self) -> &str {
        match self {
            Value::Plain(s) => s,
            Value::Secret(s) => s.expose(),
        }
    }
}

/// The variables, in a stable order.
pub type Vars = Vec<(String, Value)>;

/// Check a `--url-var` name: a portable environment variable name (letters, digits, `_`,
/// not starting with a digit), so it is safe in `env`'s export lines too.
pub fn validate_var_name(name: &str) -> Result<()> {
    let ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(Error::usage(format!(
            "'{}' is not an environment variable name",
            name.escape_debug()
        ))
        .with_hint("use letters, digits and '_', e.g. --url-var FLYWAY_URL"))
    }
}

/// The PEM text clients should trust: the bundled RDS CAs plus `--sslrootcert`'s.
pub fn ca_pem(params: &ConnParams) -> Result<String> {
    let mut pem = super::tls::RDS_CA_BUNDLE.to_owned();
    if let Some(path) = &params.sslrootcert {
        let extra = std::fs::read_to_string(path)
            .map_err(|e| Error::io(format!("cannot read --sslrootcert {}", path.display()), e))?;
        if !pem.ends_with('\n') {
            pem.push('\n');
        }
        pem.push_str(&extra);
    }
    Ok(pem)
}

/// The MariaDB option file `MYSQL_HOME/my.cnf` for these parameters. A value that cannot
/// be written safely is refused (exit 2): see [`option_value`].
pub fn mysql_option_file(params: &ConnParams, ca_file: &Path) -> Result<String> {
    let mut s = format!(
        "# written by dbiam: TLS settings for the mysql/mariadb client\n[client]\nuser={}\nssl-ca={}\n",
        option_value("user name", &params.user)?,
        option_value("CA file path", &ca_file.display().to_string())?,
    );
    if params.effective_sslmode() == SslMode::VerifyFull {
        s.push_str("ssl-verify-server-cert\n");
    }
    s.push_str(&format!(
        "\n[mysql]\ndatabase={}\n",
        option_value("database name", &params.dbname)?
    ));
    Ok(s)
}

/// `value` as a MySQL option-file value: in double quotes with `\` and `"` escaped (the
/// MariaDB and MySQL clients strip the quotes and undo the escapes, and a `#` inside
/// quotes is no comment). A control character (a newline would start a new option such
/// as `init-command=`, a NUL would end the value) cannot be written: a usage error.
pub fn option_value(field: &str, value: &str) -> Result<String> {
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        return Err(Error::usage(format!(
            "the {field} {:?} holds a control character ({}) and cannot be written into a MySQL option file",
            value,
            c.escape_debug()
        ))
        .with_hint("check for a stray newline or a percent-encoded control character (%0A, %00) in the URL or flags"));
    }
    Ok(format!(
        "\"{}\"",
        value.replace('\\', "\\\\").replace('"', "\\\"")
    ))
}

/// Values that go into a child's environment cannot hold a NUL byte: a usage error
/// naming the field (not a failure to start the child).
fn check_no_nul(params: &ConnParams) -> Result<()> {
    for (field, value) in [
        ("host name", params.host.as_str()),
        ("user name", params.user.as_str()),
        ("database name", params.dbname.as_str()),
        (
            "application name",
            params.application_name.as_deref().unwrap_or_default(),
        ),
    ] {
        if value.contains('\0') {
            return Err(Error::usage(format!(
                "the {field} {value:?} holds a NUL byte, which no client can be given"
            ))
            .with_hint("check for %00 in the URL"));
        }
    }
    Ok(())
}

/// The variables for `params` with `password`. `ca_file` holds [`ca_pem`]; `mysql_home`
/// the directory holding [`mysql_option_file`] (MySQL only); `url_var` renames
/// `DATABASE_URL` (`REDIS_URL` for ElastiCache / MemoryDB). A value with a NUL byte is
/// refused (exit 2).
pub fn vars(
    params: &ConnParams,
    password: Option<&Secret>,
    ca_file: &Path,
    mysql_home: Option<&Path>,
    url_var: Option<&str>,
) -> Result<Vars> {
    check_no_nul(params)?;
    let p = |s: &str| Value::Plain(s.to_owned());
    let mut v: Vec<(&str, Value)> = Vec::new();
    // A URL holds the password when there is one: it is a secret then.
    let url = |u: String| match password {
        Some(_) => Value::Secret(Secret::new(u)),
        None => Value::Plain(u),
    };
    match params.engine {
        Engine::Redis => {
            if let Some(pw) = password {
                v.push(("REDISCLI_AUTH", Value::Secret(pw.clone())));
            }
            let u = super::client_url::redis_url(params, password);
            v.push((url_var.unwrap_or("REDIS_URL"), url(u)));
            return Ok(own(v));
        }
        Engine::MySql => {
            v.push(("MYSQL_HOST", p(&params.host)));
            v.push(("MYSQL_TCP_PORT", p(&params.port.to_string())));
            if let Some(pw) = password {
                v.push(("MYSQL_PWD", Value::Secret(pw.clone())));
            }
            if let Some(home) = mysql_home {
                v.push(("MYSQL_HOME", p(&home.display().to_string())));
            }
        }
        Engine::Postgres | Engine::Redshift | Engine::Dsql => {
            v.push(("PGHOST", p(&params.host)));
            if let Some(addr) = params.hostaddr {
                v.push(("PGHOSTADDR", p(&addr.to_string())));
            }
            v.push(("PGPORT", p(&params.port.to_string())));
            v.push(("PGUSER", p(&params.user)));
            v.push(("PGDATABASE", p(&params.dbname)));
            if let Some(pw) = password {
                v.push(("PGPASSWORD", Value::Secret(pw.clone())));
            }
            v.push(("PGSSLMODE", p(params.effective_sslmode().as_str())));
            if params.engine.uses_public_ca() && params.sslrootcert.is_none() {
                // Public CAs: libpq 16+ trusts the system's roots with `system`.
                v.push(("PGSSLROOTCERT", p("system")));
            } else {
                v.push(("PGSSLROOTCERT", p(&ca_file.display().to_string())));
            }
            // The audit tag (or the user's own name): libpq, psycopg, node-postgres and
            // pgx read PGAPPNAME; a client's explicit application_name still wins.
            if let Some(name) = &params.application_name {
                v.push(("PGAPPNAME", p(name)));
            }
        }
    }
    let u = super::client_url::database_url(params, password, ca_file);
    v.push((url_var.unwrap_or("DATABASE_URL"), url(u)));
    if let Some(jdbc) = super::client_url::jdbc_url(params, password, ca_file) {
        v.push(("JDBC_DATABASE_URL", url(jdbc)));
        v.push(("JDBC_DATABASE_USERNAME", p(&params.user)));
        if let Some(pw) = password {
            v.push(("JDBC_DATABASE_PASSWORD", Value::Secret(pw.clone())));
        }
    }
    Ok(own(v))
}

fn own(v: Vec<(&str, Value)>) -> Vars {
    v.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// A hint for the MySQL client, which reads no CA setting from the environment.
pub fn mysql_hint(params: &ConnParams, ca_file: &Path) -> Option<String> {
    (params.engine == Engine::MySql).then(|| {
        format!(
            "the mariadb client reads user and TLS settings from $MYSQL_HOME/my.cnf; for Oracle's mysql client pass --user={} --ssl-ca={} --ssl-mode=VERIFY_IDENTITY --enable-cleartext-plugin",
            params.user,
            ca_file.display()
        )
    })
}

/// Shells `dbiam env` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Shell {
    /// POSIX sh, bash, zsh: `export NAME='value'`.
    #[default]
    Sh,
    /// fish: `set -gx NAME 'value'`.
    Fish,
    /// PowerShell: `$env:NAME = 'value'`.
    Powershell,
}

/// One line that sets `name` to `value` in `shell`, quoted so `eval` sees the exact bytes.
pub fn export_line(shell: Shell, name: &str, value: &str) -> String {
    match shell {
        Shell::Sh => format!("export {name}='{}'", value.replace('\'', "'\\''")),
        Shell::Fish => format!(
            "set -gx {name} '{}'",
            value.replace('\\', "\\\\").replace('\'', "\\'")
        ),
        Shell::Powershell => format!("$env:{name} = '{}'", value.replace('\'', "''")),
    }
}

/// A private temporary directory (mode 0700) removed with everything in it on drop.
#[derive(Debug)]
pub struct PrivateDir(PathBuf);

impl PrivateDir {
    /// Create one under the system temporary directory.
    pub fn new() -> Result<Self> {
        let base = std::env::temp_dir();
        for attempt in 0..100u32 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let path = base.join(format!("dbiam-{}-{nanos}-{attempt}", std::process::id()));
            let mut b = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
            match b.create(&path) {
                Ok(()) => return Ok(PrivateDir(path)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(Error::io(
                        format!("cannot create a directory in {}", base.display()),
                        e,
                    ))
                }
            }
        }
        Err(Error::failure(format!(
            "cannot create a private directory in {}",
            base.display()
        )))
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Write `text` to `path` readable by the owner only (0600), replacing it atomically.
pub fn write_private(path: &Path, text: &str) -> Result<()> {
    crate::files::replace("file", path, text.as_bytes(), Some(0o600))
}

/// The files the variables point at: the CA bundle and, for MySQL, `MYSQL_HOME/my.cnf`.
#[derive(Debug)]
pub struct Files {
    /// The CA bundle.
    pub ca_file: PathBuf,
    /// The directory holding `my.cnf` (MySQL).
    pub mysql_home: Option<PathBuf>,
}

/// Write the files into `dir` (a [`PrivateDir`] for `exec`, the cache for `env`).
pub fn write_files(params: &ConnParams, dir: &Path) -> Result<Files> {
    check_no_nul(params)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    let pem = ca_pem(params)?;
    let ca_file = if params.sslrootcert.is_some() {
        use sha2::Digest;
        let digest = hex::encode(sha2::Sha256::digest(pem.as_bytes()));
        dir.join(format!("ca-{}.pem", &digest[..16]))
    } else {
        dir.join("rds-ca-bundle.pem")
    };
    write_private(&ca_file, &pem)?;
    let mysql_home = if params.engine == Engine::MySql {
        let text = mysql_option_file(params, &ca_file)?;
        use sha2::Digest;
        let digest = hex::encode(sha2::Sha256::digest(text.as_bytes()));
        let home = dir.join(format!("mysql-{}", &digest[..16]));
        std::fs::create_dir_all(&home)
            .map_err(|e| Error::io(format!("cannot create {}", home.display()), e))?;
        write_private(&home.join("my.cnf"), &text)?;
        Some(home)
    } else {
        None
    };
    Ok(Files {
        ca_file,
        mysql_home,
    })
}

/// Where `dbiam env` keeps its files: `<cache dir>/dbiam` (`$XDG_CACHE_HOME` honoured).
pub fn cache_dir() -> Result<PathBuf> {
    dirs::cache_dir()
        .map(|d| d.join("dbiam"))
        .ok_or_else(|| Error::failure("cannot find the cache directory (set XDG_CACHE_HOME)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_survives_hostile_values() {
        let v = "a'b\\c $HOME \"d\" `e`\n";
        assert_eq!(
            export_line(Shell::Sh, "X", v),
            "export X='a'\\''b\\c $HOME \"d\" `e`\n'"
        );
        assert_eq!(
            export_line(Shell::Fish, "X", v),
            "set -gx X 'a\\'b\\\\c $HOME \"d\" `e`\n'"
        );
        assert_eq!(
            export_line(Shell::Powershell, "X", v),
            "$env:X = 'a''b\\c $HOME \"d\" `e`\n'"
        );
    }

    #[test]
    fn private_dir_is_0700_and_removed() {
        let d = PrivateDir::new().unwrap();
        let p = d.path().to_owned();
        write_private(&p.join("f"), "x").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&p), 0o700);
            assert_eq!(mode(&p.join("f")), 0o600);
        }
        drop(d);
        assert!(!p.exists());
    }
}
