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

/// An AWS call that hit one of the limits of [`super::timeouts`].
fn timed_out(what: &str) -> Error {
    Error::failure(format!("{what}: the AWS endpoint did not answer in time")).with_hint(
        "check the network, --endpoint-url and AWS_ENDPOINT_URL \
         (DBIAM_AWS_TIMEOUT and DBIAM_AWS_CONNECT_TIMEOUT set the limits in seconds)",
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
