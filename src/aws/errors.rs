//! Turning AWS SDK errors into one-line dbiam errors with the right exit code and a hint.

use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use crate::error::{one_line, Error};

const CREDENTIAL_CODES: &[&str] = &[
    "ExpiredToken",
    "ExpiredTokenException",
    "InvalidClientTokenId",
    "SignatureDoesNotMatch",
    "UnrecognizedClientException",
    "InvalidAccessKeyId",
    "AuthFailure",
    "InvalidToken",
];

/// An error and its causes on one line (`a: b: c`), each cause once: readable, unlike
/// the SDK's own context display, which ends with the whole error's debug dump.
pub fn error_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = one_line(&err.to_string());
    let mut cause = err.source();
    while let Some(c) = cause {
        let part = one_line(&c.to_string());
        if !part.is_empty() && !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        cause = c.source();
    }
    text
}

/// Where this process sends its AWS calls, for the timeout error: the endpoint override,
/// else the regions of the SDK configurations built so far.
static ENDPOINT: std::sync::Mutex<(Option<String>, Vec<String>)> =
    std::sync::Mutex::new((None, Vec::new()));

/// Remember the endpoint override (if any) and the region of an SDK configuration.
pub(super) fn note_endpoint(endpoint: Option<String>, region: &str) {
    let mut seen = ENDPOINT.lock().unwrap_or_else(|e| e.into_inner());
    if endpoint.is_some() {
        seen.0 = endpoint;
    }
    if !seen.1.iter().any(|r| r == region) {
        seen.1.push(region.to_owned());
    }
}

/// The endpoint a timed-out call went to: `the AWS endpoint URL`, or the service
/// (the first word of `what`) and region(s).
fn endpoint_name(what: &str) -> String {
    let seen = ENDPOINT.lock().unwrap_or_else(|e| e.into_inner());
    match (&seen.0, seen.1.as_slice()) {
        (Some(url), _) => format!("the AWS endpoint {url}"),
        (None, []) => "the AWS endpoint".to_owned(),
        (None, regions) => {
            let service = what.split_whitespace().next().unwrap_or("AWS");
            format!("the AWS {service} endpoint in {}", regions.join(" or "))
        }
    }
}

/// An AWS call that hit one of the limits of [`super::timeouts`].
fn timed_out(what: &str) -> Error {
    Error::failure(format!(
        "{what}: {} did not answer in time",
        endpoint_name(what)
    ))
    .with_hint(
        "check the network, --endpoint-url and AWS_ENDPOINT_URL \
         (--aws-timeout and --aws-connect-timeout set the limits in seconds)",
    )
}

/// Classify an SDK error: credential problems exit 4, the rest exit 1, each with a hint.
pub fn sdk_error<E, R>(what: &str, err: SdkError<E, R>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    match &err {
        SdkError::TimeoutError(_) => timed_out(what),
        SdkError::DispatchFailure(d) if d.is_timeout() => timed_out(what),
        SdkError::DispatchFailure(_) => {
            let detail = error_chain(&err);
            Error::failure(format!("{what}: cannot reach the AWS endpoint: {detail}"))
                .with_hint("check the network, --endpoint-url and AWS_ENDPOINT_URL")
        }
        SdkError::ServiceError(se) if se.err().code().is_none() => {
            // No error code: an answer the SDK could not read (not an AWS error document).
            let detail = error_chain(se.err());
            Error::failure(format!("{what}: unexpected response: {detail}"))
                .with_hint("check --endpoint-url and AWS_ENDPOINT_URL")
        }
        SdkError::ServiceError(se) => {
            let e = se.err();
            let code = e.code().unwrap_or("Unknown");
            let message = one_line(e.message().unwrap_or(""));
            if CREDENTIAL_CODES.contains(&code) {
                Error::credentials(format!(
                    "{what}: the AWS credentials were rejected ({code}: {message})"
                ))
                .with_hint("refresh your credentials or run `dbiam login` again")
            } else if code.contains("AccessDenied") || code == "UnauthorizedOperation" {
                Error::failure(format!("{what}: access denied ({message})"))
                    .with_hint("the identity lacks an IAM permission for this call")
            } else {
                Error::failure(format!("{what}: {code}: {message}"))
            }
        }
        _ => Error::failure(format!("{what}: {}", error_chain(&err))),
    }
}
