//! TLS for database connections: libpq's `sslmode` values mapped onto rustls, the RDS CA
//! bundle compiled into the binary, `--sslrootcert`, and the verifiers for each mode.
//!
//! | mode | TLS | chain checked | host name checked |
//! | --- | --- | --- | --- |
//! | `disable` | never | – | – |
//! | `allow`, `prefer` | if the server offers it (with IAM: always) | no | no |
//! | `require` | always | only when `--sslrootcert` is given (as libpq) | no |
//! | `verify-ca` | always | yes | no |
//! | `verify-full` (default) | always | yes | yes |

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{ConnParams, Engine};
use crate::error::{Error, Result};

/// The RDS/Aurora (and RDS Proxy) CA certificates, from `scripts/update-rds-ca-bundle`.
pub const RDS_CA_BUNDLE: &str = include_str!("rds-ca-bundle.pem");

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SslMode {
    /// No TLS (refused with IAM: a token is never sent in clear).
    Disable,
    /// TLS if the server insists (treated as `prefer`; with IAM as `require`).
    Allow,
    /// TLS if the server offers it, without verification (with IAM: TLS required).
    Prefer,
    /// TLS always; the certificate is verified only against `--sslrootcert` if given.
    Require,
    /// TLS always; the chain must lead to a trusted CA; any host name.
    VerifyCa,
    /// TLS always; trusted chain and the host name must match (the default).
    #[default]
    VerifyFull,
}

impl SslMode {
    /// The name libpq uses.
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Allow => "allow",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }
}

/// How the server certificate is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    /// Not at all (the handshake signature is still checked).
    None,
    /// Chain to a trusted root; host name ignored.
    Chain,
    /// Chain and host name.
    Full,
}

/// What a TLS configuration should do: derived from the sslmode and the root certificate file.
pub fn verification(mode: SslMode, root_cert: Option<&Path>) -> Verification {
    match mode {
        SslMode::VerifyFull => Verification::Full,
        SslMode::VerifyCa => Verification::Chain,
        // libpq: "if a root CA file exists, sslmode=require behaves like verify-ca".
        SslMode::Require if root_cert.is_some() => Verification::Chain,
        _ => Verification::None,
    }
}

/// Parse PEM certificates, naming `what` in errors.
pub fn parse_pem(pem: &[u8], what: &str) -> Result<Vec<CertificateDer<'static>>> {
    let certs: Vec<_> = CertificateDer::pem_slice_iter(pem)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| Error::usage(format!("{what}: not a PEM certificate file: {e}")))?;
    if certs.is_empty() {
        return Err(Error::usage(format!("{what}: no certificate found")));
    }
    Ok(certs)
}

/// The trusted roots: the bundled RDS CAs plus the certificates in `root_cert`.
pub fn root_store(root_cert: Option<&Path>) -> Result<RootCertStore> {
    let mut store = RootCertStore::empty();
    let mut add = |certs: Vec<CertificateDer<'static>>, what: &str| -> Result<()> {
        for c in certs {
            store
                .add(c)
                .map_err(|e| Error::usage(format!("{what}: unusable CA certificate: {e}")))?;
        }
        Ok(())
    };
    add(
        parse_pem(RDS_CA_BUNDLE.as_bytes(), "bundled RDS CA")?,
        "bundled RDS CA",
    )?;
    if let Some(path) = root_cert {
        let what = path.display().to_string();
        let pem = std::fs::read(path).map_err(|e| {
            Error::io(format!("cannot read --sslrootcert {what}"), e)
                .with_hint("pass a PEM file of CA certificates")
        })?;
        add(parse_pem(&pem, &what)?, &what)?;
    }
    Ok(store)
}

/// A rustls client configuration for this verification level.
pub fn client_config(verify: Verification, root_cert: Option<&PathBuf>) -> Result<ClientConfig> {
    client_config_with(verify, root_cert, false)
}

/// As [`client_config`]; with `public_roots` the Mozilla root programme's CAs are trusted
/// too (Redshift and Aurora DSQL endpoints present certificates from public CAs).
pub fn client_config_with(
    verify: Verification,
    root_cert: Option<&PathBuf>,
    public_roots: bool,
) -> Result<ClientConfig> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::failure(format!("TLS set-up failed: {e}")))?;
    let mut roots = root_store(root_cert.map(PathBuf::as_path))?;
    if public_roots {
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    }
    let roots = Arc::new(roots);
    let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
        .build()
        .map_err(|e| Error::failure(format!("TLS set-up failed: {e}")))?;
    // The --sslrootcert certificates themselves, for a self-signed CA:TRUE server
    // certificate (see `SelfSignedCa`).
    let exact = match root_cert {
        Some(path) => {
            parse_pem(&std::fs::read(path).unwrap_or_default(), "--sslrootcert").unwrap_or_default()
        }
        None => Vec::new(),
    };
    let config = match verify {
        Verification::Full => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(SelfSignedCa {
                inner: webpki,
                roots: exact,
                check_name: true,
            }))
            .with_no_client_auth(),
        Verification::Chain => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(ChainOnly(Arc::new(SelfSignedCa {
                inner: webpki,
                roots: exact,
                check_name: false,
            }))))
            .with_no_client_auth(),
        Verification::None => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(NoVerification(provider)))
            .with_no_client_auth(),
    };
    Ok(config)
}

/// The client configuration for a resolved connection: its effective sslmode, its
/// `--sslrootcert`, and public roots for engines whose endpoints use public CAs.
pub fn params_config(params: &super::ConnParams) -> Result<ClientConfig> {
    let mode = params.effective_sslmode();
    let verify = verification(mode, params.sslrootcert.as_deref());
    crate::debug!("sslmode {} (TLS verification {verify:?})", mode.as_str());
    client_config_with(
        verify,
        params.sslrootcert.as_ref(),
        params.engine.uses_public_ca(),
    )
}

/// The WebPKI checks, plus what libpq accepts and WebPKI refuses: a self-signed server
/// certificate that is also a CA (`openssl req -x509`'s default, basicConstraints CA:TRUE).
/// Only on WebPKI's "CA used as end entity" error, the certificate is accepted when that
/// exact certificate (byte-equal DER) is in the --sslrootcert file and (with `check_name`)
/// names the host; anything else is refused.
#[derive(Debug)]
struct SelfSignedCa {
    inner: Arc<WebPkiServerVerifier>,
    roots: Vec<CertificateDer<'static>>,
    check_name: bool,
}

impl ServerCertVerifier for SelfSignedCa {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        let result = self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        );
        match &result {
            Err(rustls::Error::InvalidCertificate(CertificateError::Other(other)))
                if format!("{other:?}").contains("CaUsedAsEndEntity") => {}
            _ => return result,
        }
        if !self.roots.iter().any(|r| r.as_ref() == end_entity.as_ref()) {
            return Err(rustls::Error::InvalidCertificate(
                CertificateError::UnknownIssuer,
            ));
        }
        if self.check_name {
            let parsed = rustls::server::ParsedCertificate::try_from(end_entity)?;
            rustls::client::verify_server_name(&parsed, server_name)?;
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// `verify-ca`: the WebPKI checks, with only a host name mismatch forgiven.
#[derive(Debug)]
struct ChainOnly(Arc<SelfSignedCa>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `require`/`prefer` without a root file: encryption only, as libpq. The handshake
/// signature is still checked so the session key belongs to the presented certificate.
#[derive(Debug)]
struct NoVerification(Arc<rustls::crypto::CryptoProvider>);

impl ServerCertVerifier for NoVerification {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// What a TLS handshake with the server showed (for `connect`'s `\conninfo` and
/// `doctor`, which print it with [`Peer::describe`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Peer {
    /// `TLSv1.3`, …
    pub version: String,
    /// The cipher suite.
    pub cipher: String,
    /// The server certificate's subject as RFC 4514 text (`CN=localhost,O=…`), when it
    /// could be read.
    pub subject: Option<String>,
}

impl Peer {
    /// The one description of a TLS session, as `\conninfo` and `doctor` print it:
    /// version, cipher, sslmode, the server certificate and what was verified.
    pub fn describe(&self, params: &ConnParams) -> String {
        let mode = params.effective_sslmode();
        let verified = match verification(mode, params.sslrootcert.as_deref()) {
            Verification::Full => "certificate chain and host name verified",
            Verification::Chain => "certificate chain verified (host name not checked)",
            Verification::None => {
                "certificate NOT verified (sslmode require without --sslrootcert)"
            }
        };
        format!(
            "{} ({}), sslmode {}; server certificate subject: {}; {verified}",
            self.version,
            self.cipher,
            mode.as_str(),
            self.subject.as_deref().unwrap_or("(not available)")
        )
    }
}

/// The subject of a DER certificate, as RFC 4514 text (`CN=localhost,O=…`).
pub fn certificate_subject(der: &[u8]) -> Option<String> {
    use x509_cert::der::Decode;
    let cert = x509_cert::Certificate::from_der(der).ok()?;
    Some(cert.tbs_certificate.subject.to_string())
}

/// Open a second connection to the server, ask it for TLS the engine's way (PostgreSQL's
/// SSLRequest, or MySQL's SSL request packet after the greeting), then shake hands with
/// the verification the connection uses and report what was negotiated and the server
/// certificate. `None`: the sslmode is `disable`, or the server refused TLS. A failure
/// is one line naming the cause, with a fix as its hint. Runs on a blocking thread.
pub async fn probe(params: &ConnParams) -> Result<Option<Peer>> {
    let p = params.clone();
    tokio::task::spawn_blocking(move || probe_blocking(&p))
        .await
        .map_err(|e| Error::failure(format!("TLS probe failed: {e}")))?
}

fn probe_blocking(params: &ConnParams) -> Result<Option<Peer>> {
    use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
    let mode = params.effective_sslmode();
    if mode == SslMode::Disable {
        return Ok(None);
    }
    let config = params_config(params)?;
    let fail = |e: &dyn std::fmt::Display| Error::failure(format!("TLS probe failed: {e}"));
    let addr: SocketAddr = match params.hostaddr {
        Some(ip) => SocketAddr::new(ip, params.port),
        None => (params.host.as_str(), params.port)
            .to_socket_addrs()
            .map_err(|e| fail(&e))?
            .next()
            .ok_or_else(|| fail(&"the host has no address"))?,
    };
    let timeout = params
        .connect_timeout
        .min(std::time::Duration::from_secs(10));
    let mut sock = TcpStream::connect_timeout(&addr, timeout).map_err(|e| fail(&e))?;
    sock.set_read_timeout(Some(timeout)).map_err(|e| fail(&e))?;
    sock.set_write_timeout(Some(timeout))
        .map_err(|e| fail(&e))?;
    let start_tls = match params.engine {
        Engine::MySql => super::mysql::start_tls,
        Engine::Postgres | Engine::Redshift | Engine::Dsql => super::postgres::start_tls,
        Engine::Redis => return Err(Error::usage(
            "dbiam does not probe ElastiCache or MemoryDB endpoints (it only mints their tokens)",
        )),
    };
    if !start_tls(&mut sock)? {
        return Ok(None);
    }
    let name = ServerName::try_from(params.host.clone())
        .map_err(|e| Error::failure(format!("bad host name: {e}")).with_hint("check the host"))?;
    let mut conn = rustls::ClientConnection::new(Arc::new(config), name)
        .map_err(|e| Error::failure(format!("TLS set-up failed: {e}")))?;
    while conn.is_handshaking() {
        if let Err(e) = conn.complete_io(&mut sock) {
            let (what, fix) = match e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                Some(t) => describe_tls_error(t),
                None => (
                    format!("TLS handshake failed: {e}"),
                    "check that the server speaks TLS on this port",
                ),
            };
            return Err(Error::failure(what).with_hint(fix));
        }
    }
    let peer = Peer {
        version: conn
            .protocol_version()
            .map(|v| match v {
                rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3".to_owned(),
                rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2".to_owned(),
                other => format!("{other:?}"),
            })
            .unwrap_or_default(),
        cipher: conn
            .negotiated_cipher_suite()
            .and_then(|c| c.suite().as_str())
            .unwrap_or_default()
            .to_owned(),
        subject: conn
            .peer_certificates()
            .and_then(|c| c.first())
            .and_then(|c| certificate_subject(c.as_ref())),
    };
    conn.send_close_notify();
    let _ = conn.complete_io(&mut sock);
    Ok(Some(peer))
}

/// A one-line cause for a TLS failure, naming the check that failed.
pub fn describe_tls_error(e: &rustls::Error) -> (String, &'static str) {
    use CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(C::UnknownIssuer | C::BadSignature) => (
            "the server certificate is not signed by a trusted CA".into(),
            "pass the server's CA with --sslrootcert, or check the host",
        ),
        rustls::Error::InvalidCertificate(
            C::NotValidForName | C::NotValidForNameContext { .. },
        ) => (
            "the server certificate does not name the host connected to".into(),
            "connect with the name in the certificate (--hostaddr for tunnels), or use --sslmode verify-ca",
        ),
        rustls::Error::InvalidCertificate(C::Expired | C::ExpiredContext { .. }) => (
            "the server certificate has expired".into(),
            "check the server's certificate (or the system clock)",
        ),
        rustls::Error::InvalidCertificate(C::Other(o))
            if format!("{o:?}").contains("CaUsedAsEndEntity") =>
        {
            (
                "the server certificate is a CA certificate, not a server certificate".into(),
                "pass that exact certificate with --sslrootcert, or give the server a leaf certificate",
            )
        }
        rustls::Error::InvalidCertificate(other) => (
            format!("the server certificate was rejected: {other:?}"),
            "check the certificate or pass its CA with --sslrootcert",
        ),
        other => (
            format!("TLS handshake failed: {other}"),
            "check that the server speaks TLS on this port",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_certificate_parses_and_is_a_usable_root() {
        let certs = parse_pem(RDS_CA_BUNDLE.as_bytes(), "bundle").unwrap();
        assert!(certs.len() >= 100, "{} certificates", certs.len());
        let blocks = RDS_CA_BUNDLE.matches("-----BEGIN CERTIFICATE-----").count();
        assert_eq!(certs.len(), blocks);
        let store = root_store(None).unwrap();
        assert_eq!(store.len(), blocks);
    }

    #[test]
    fn require_verifies_the_chain_only_with_a_root_file() {
        let f = Path::new("/x.pem");
        assert_eq!(verification(SslMode::Require, None), Verification::None);
        assert_eq!(verification(SslMode::Require, Some(f)), Verification::Chain);
        assert_eq!(verification(SslMode::VerifyCa, None), Verification::Chain);
        assert_eq!(verification(SslMode::VerifyFull, None), Verification::Full);
        assert_eq!(verification(SslMode::Prefer, Some(f)), Verification::None);
    }

    #[test]
    fn a_missing_root_file_is_a_clear_error() {
        let e = root_store(Some(Path::new("/nonexistent/ca.pem"))).unwrap_err();
        assert!(e.to_string().contains("--sslrootcert"), "{e}");
    }
}
