//! How local clients log in to the proxy: the local password (random per target, kept at
//! mode 0600 in dbiam's state directory, or `--password-file`), the user-name rule (only
//! the target's user), `--trust`, constant-time comparison, and the server side of
//! SCRAM-SHA-256 (RFC 5802/7677) for PostgreSQL clients. The IAM token is never used here.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::{STANDARD as B64, URL_SAFE_NO_PAD as B64URL};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::error::{Error, Result};
use crate::secret::Secret;

type HmacSha256 = Hmac<Sha256>;

/// SCRAM iteration count (PostgreSQL's default).
pub const SCRAM_ITERATIONS: u32 = 4096;

/// Fill `buf` from the operating system's CSPRNG (through aws-lc, already linked for TLS).
pub fn random_bytes(buf: &mut [u8]) -> Result<()> {
    rustls::crypto::aws_lc_rs::default_provider()
        .secure_random
        .fill(buf)
        .map_err(|_| Error::failure("the system random number generator failed"))
}

/// A new random local password: 32 URL-safe characters (192 bits).
pub fn new_password() -> Result<Secret> {
    let mut b = [0u8; 24];
    random_bytes(&mut b)?;
    Ok(Secret::new(B64URL.encode(b)))
}

/// The default password file for a listener: `proxy/KEY.password` in dbiam's state
/// directory (`KEY` is the target's name, or its `user@host:port/db` made file-safe).
pub fn default_password_file(key: &str) -> Result<PathBuf> {
    let safe: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@') {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok(crate::aws::session::state_dir()?
        .join("proxy")
        .join(format!("{}.password", safe.trim_start_matches('.'))))
}

/// Read the local password in `path`, creating the file (mode 0600, in a 0700
/// directory when dbiam made it) with a random password when it is missing. A file
/// that group or others can read or write is refused. Returns the password and
/// whether the file was created.
pub fn load_or_create_password(path: &Path) -> Result<(Secret, bool)> {
    match std::fs::metadata(path) {
        Ok(meta) => {
            check_private(path, &meta)?;
            let text = std::fs::read_to_string(path).map_err(|e| {
                Error::io(
                    format!("cannot read the password file {}", path.display()),
                    e,
                )
            })?;
            let pw = text.trim_end_matches(['\n', '\r']);
            if pw.is_empty() || pw.contains(['\n', '\0']) {
                return Err(Error::usage(format!(
                    "the password file {} must hold one non-empty line",
                    path.display()
                ))
                .with_hint("delete it to get a random password"));
            }
            Ok((Secret::new(pw), false))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                if !dir.exists() {
                    crate::aws::session::create_private_dir(dir)?;
                }
            }
            let pw = new_password()?;
            let mut opts = std::fs::OpenOptions::new();
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(0o600);
            }
            let mut f = opts.open(path).map_err(|e| {
                Error::io(
                    format!("cannot create the password file {}", path.display()),
                    e,
                )
            })?;
            writeln!(f, "{}", pw.expose()).map_err(|e| {
                Error::io(
                    format!("cannot write the password file {}", path.display()),
                    e,
                )
            })?;
            Ok((pw, true))
        }
        Err(e) => Err(Error::io(
            format!("cannot read the password file {}", path.display()),
            e,
        )),
    }
}

#[cfg(unix)]
fn check_private(path: &Path, meta: &std::fs::Metadata) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(Error::usage(format!(
            "refusing the password file {}: group or others may read it (mode {mode:o})",
            path.display()
        ))
        .with_hint(format!("chmod 600 {}", path.display())));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path, _meta: &std::fs::Metadata) -> Result<()> {
    Ok(())
}

/// Compare two byte strings in constant time (for equal lengths).
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

/// How local clients authenticate to one listener.
#[derive(Debug)]
pub struct LocalAuth {
    user: Option<String>,
    mode: Mode,
}

#[derive(Debug)]
enum Mode {
    Trust,
    Password {
        secret: Secret,
        scram: ScramKeys,
        file: PathBuf,
    },
}

impl LocalAuth {
    /// `--trust`: any password (or none) is accepted.
    pub fn trust(user: Option<String>) -> Self {
        LocalAuth {
            user,
            mode: Mode::Trust,
        }
    }

    /// A local password read from `file`. `user` is the only user name clients may give
    /// (`None`: the user the upstream credentials name, checked after the login).
    pub fn password(user: Option<String>, secret: Secret, file: PathBuf) -> Result<Self> {
        let scram = ScramKeys::new(secret.expose())?;
        Ok(LocalAuth {
            user,
            mode: Mode::Password {
                secret,
                scram,
                file,
            },
        })
    }

    /// Whether any password is accepted.
    pub fn is_trust(&self) -> bool {
        matches!(self.mode, Mode::Trust)
    }

    /// The password file, when a local password is in force.
    pub fn password_file(&self) -> Option<&Path> {
        match &self.mode {
            Mode::Password { file, .. } => Some(file),
            Mode::Trust => None,
        }
    }

    /// The user name clients must log in as, when known before the upstream login.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// Check a client's user name against the target's: `Err` carries the message for the
    /// client (a client cannot reach a database user the IAM policy does not cover).
    pub fn check_user(&self, given: &str, expected: Option<&str>) -> Result<(), String> {
        match expected.or(self.user.as_deref()) {
            Some(want) if want != given => Err(format!(
                "dbiam proxy: user \"{given}\" is not allowed here; log in as \"{want}\", the target's user"
            )),
            _ => Ok(()),
        }
    }

    /// Check a password sent in clear (MySQL's cleartext plugin, say), in constant time.
    /// Always true with `--trust`.
    pub fn verify_cleartext(&self, candidate: &[u8]) -> bool {
        match &self.mode {
            Mode::Trust => true,
            Mode::Password { secret, .. } => {
                constant_time_eq(secret.expose().as_bytes(), candidate)
            }
        }
    }

    /// The local password itself (for challenge-response schemes that need it, such as
    /// `mysql_native_password`); `None` with `--trust`.
    pub fn secret(&self) -> Option<&Secret> {
        match &self.mode {
            Mode::Password { secret, .. } => Some(secret),
            Mode::Trust => None,
        }
    }

    /// The SCRAM-SHA-256 keys; `None` with `--trust`.
    pub fn scram(&self) -> Option<&ScramKeys> {
        match &self.mode {
            Mode::Password { scram, .. } => Some(scram),
            Mode::Trust => None,
        }
    }
}

fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length.
    let mut m = HmacSha256::new_from_slice(key).expect("HMAC takes any key length");
    m.update(data);
    m.finalize().into_bytes().into()
}

/// PBKDF2-HMAC-SHA-256 with one output block (SCRAM's `Hi`).
fn hi(password: &[u8], salt: &[u8], iterations: u32) -> [u8; 32] {
    let mut first = salt.to_vec();
    first.extend_from_slice(&1u32.to_be_bytes());
    let mut u = hmac(password, &first);
    let mut out = u;
    for _ in 1..iterations {
        u = hmac(password, &u);
        for (o, x) in out.iter_mut().zip(u.iter()) {
            *o ^= x;
        }
    }
    out
}

/// A SCRAM-SHA-256 verifier for the local password (salted once per listener start).
pub struct ScramKeys {
    salt: [u8; 16],
    stored_key: [u8; 32],
    server_key: [u8; 32],
}

impl std::fmt::Debug for ScramKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ScramKeys(redacted)")
    }
}

/// Why a SCRAM exchange failed.
#[derive(Debug, PartialEq, Eq)]
pub enum ScramError {
    /// The client's message is malformed (a protocol violation).
    Protocol(String),
    /// The proof does not match: a wrong password.
    BadProof,
}

/// A SCRAM exchange after the server-first message.
#[derive(Debug)]
pub struct ScramExchange<'a> {
    keys: &'a ScramKeys,
    auth_prefix: String,
    nonce: String,
    channel_binding: String,
}

impl ScramKeys {
    /// Derive the keys for `password` with a fresh random salt.
    pub fn new(password: &str) -> Result<Self> {
        let mut salt = [0u8; 16];
        random_bytes(&mut salt)?;
        Ok(Self::with_salt(password, salt))
    }

    fn with_salt(password: &str, salt: [u8; 16]) -> Self {
        let salted = hi(password.as_bytes(), &salt, SCRAM_ITERATIONS);
        let client_key = hmac(&salted, b"Client Key");
        ScramKeys {
            salt,
            stored_key: Sha256::digest(client_key).into(),
            server_key: hmac(&salted, b"Server Key"),
        }
    }

    /// Take the client-first message (`n,,n=,r=NONCE`); return the exchange and the
    /// server-first message to send.
    pub fn start(
        &self,
        client_first: &[u8],
    ) -> std::result::Result<(ScramExchange<'_>, String), ScramError> {
        let bad = |m: &str| ScramError::Protocol(format!("malformed SCRAM message: {m}"));
        let text = std::str::from_utf8(client_first).map_err(|_| bad("not UTF-8"))?;
        let mut parts = text.splitn(3, ',');
        let flag = parts.next().unwrap_or_default();
        let authzid = parts.next().ok_or_else(|| bad("no GS2 header"))?;
        let bare = parts.next().ok_or_else(|| bad("no GS2 header"))?;
        match flag {
            "n" | "y" => {}
            f if f.starts_with("p=") => {
                return Err(ScramError::Protocol(
                    "SCRAM channel binding is not offered by the proxy".into(),
                ))
            }
            _ => return Err(bad("bad channel-binding flag")),
        }
        if !authzid.is_empty() {
            return Err(bad("authorization identities are not supported"));
        }
        let client_nonce = bare
            .split(',')
            .find_map(|a| a.strip_prefix("r="))
            .filter(|n| !n.is_empty())
            .ok_or_else(|| bad("no nonce"))?;
        let mut ours = [0u8; 18];
        random_bytes(&mut ours).map_err(|e| ScramError::Protocol(e.to_string()))?;
        let nonce = format!("{client_nonce}{}", B64.encode(ours));
        let server_first = format!("r={nonce},s={},i={SCRAM_ITERATIONS}", B64.encode(self.salt));
        let exchange = ScramExchange {
            keys: self,
            auth_prefix: format!("{bare},{server_first}"),
            nonce,
            channel_binding: B64.encode(format!("{flag},{authzid},")),
        };
        Ok((exchange, server_first))
    }
}

impl ScramExchange<'_> {
    /// Check the client-final message (`c=…,r=…,p=PROOF`); on success the server-final
    /// message (`v=SIGNATURE`) to send.
    pub fn finish(self, client_final: &[u8]) -> std::result::Result<String, ScramError> {
        let bad = |m: &str| ScramError::Protocol(format!("malformed SCRAM message: {m}"));
        let text = std::str::from_utf8(client_final).map_err(|_| bad("not UTF-8"))?;
        let (without_proof, proof) = text.rsplit_once(",p=").ok_or_else(|| bad("no proof"))?;
        let mut attrs = without_proof.split(',');
        if attrs.next().and_then(|c| c.strip_prefix("c=")) != Some(self.channel_binding.as_str()) {
            return Err(bad("channel binding mismatch"));
        }
        if attrs.next().and_then(|r| r.strip_prefix("r=")) != Some(self.nonce.as_str()) {
            return Err(bad("nonce mismatch"));
        }
        let proof = B64.decode(proof).map_err(|_| bad("proof is not base64"))?;
        if proof.len() != 32 {
            return Err(ScramError::BadProof);
        }
        let auth_message = format!("{},{without_proof}", self.auth_prefix);
        let client_signature = hmac(&self.keys.stored_key, auth_message.as_bytes());
        let client_key: Vec<u8> = proof
            .iter()
            .zip(client_signature.iter())
            .map(|(p, s)| p ^ s)
            .collect();
        let stored: [u8; 32] = Sha256::digest(&client_key).into();
        if !constant_time_eq(&stored, &self.keys.stored_key) {
            return Err(ScramError::BadProof);
        }
        let server_signature = hmac(&self.keys.server_key, auth_message.as_bytes());
        Ok(format!("v={}", B64.encode(server_signature)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use postgres_protocol::authentication::sasl::{ChannelBinding, ScramSha256};

    fn exchange(server_pw: &str, client_pw: &str) -> std::result::Result<(), ScramError> {
        let keys = ScramKeys::with_salt(server_pw, [7; 16]);
        let mut client = ScramSha256::new(client_pw.as_bytes(), ChannelBinding::unsupported());
        let (ex, server_first) = keys.start(client.message())?;
        client.update(server_first.as_bytes()).unwrap();
        let server_final = ex.finish(client.message())?;
        client.finish(server_final.as_bytes()).unwrap();
        Ok(())
    }

    #[test]
    fn scram_agrees_with_the_postgres_client_implementation() {
        assert_eq!(exchange("s3cret-pw", "s3cret-pw"), Ok(()));
        assert_eq!(
            exchange("s3cret-pw", "s3cret-px"),
            Err(ScramError::BadProof)
        );
        let keys = ScramKeys::with_salt("pw", [1; 16]);
        assert!(matches!(
            keys.start(b"garbage"),
            Err(ScramError::Protocol(_))
        ));
        assert!(matches!(
            keys.start(b"p=tls-server-end-point,,n=,r=abc"),
            Err(ScramError::Protocol(_))
        ));
        let (ex, _) = keys.start(b"n,,n=,r=abc").unwrap();
        assert!(matches!(
            ex.finish(b"c=biws,r=wrong,p=AAAA"),
            Err(ScramError::Protocol(_))
        ));
    }

    #[test]
    fn hi_matches_rfc7677_test_vector() {
        // RFC 7677 section 3: user "user", password "pencil".
        let salt = B64.decode("W22ZaJ0SNY7soEsUEjb6gQ==").unwrap();
        let salted = hi(b"pencil", &salt, 4096);
        let client_key = hmac(&salted, b"Client Key");
        let auth = "n=user,r=rOprNGfwEbeRWgbNEkqO,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
        let stored: [u8; 32] = Sha256::digest(client_key).into();
        let sig = hmac(&stored, auth.as_bytes());
        let proof: Vec<u8> = client_key
            .iter()
            .zip(sig.iter())
            .map(|(a, b)| a ^ b)
            .collect();
        assert_eq!(
            B64.encode(proof),
            "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="
        );
    }

    #[test]
    fn password_files_are_private_and_created_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/p.password");
        let (a, created) = load_or_create_password(&path).unwrap();
        assert!(created && a.len() == 32);
        let (b, created) = load_or_create_password(&path).unwrap();
        assert!(!created);
        assert_eq!(a, b);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
            let e = load_or_create_password(&path).unwrap_err();
            assert!(e.to_string().contains("chmod 600"), "{e}");
        }
    }

    #[test]
    fn only_the_targets_user_and_the_right_password() {
        let auth = LocalAuth::password(Some("app".into()), Secret::new("pw"), "f".into()).unwrap();
        assert!(auth.check_user("app", None).is_ok());
        assert!(auth
            .check_user("postgres", None)
            .unwrap_err()
            .contains("\"app\""));
        assert!(auth.verify_cleartext(b"pw"));
        assert!(!auth.verify_cleartext(b"pw2"));
        assert!(!auth.verify_cleartext(b"p"));
        assert!(LocalAuth::trust(None).verify_cleartext(b"anything"));
    }
}
