//! Turning AWS SDK errors into one-line dbiam errors with the right exit code and a hint.

use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::display::DisplayErrorContext;
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

/// Classify an SDK error: credential problems exit 4, the rest exit 1, each with a hint.
pub fn sdk_error<E, R>(what: &str, err: SdkError<E, R>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    match &err {
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => {
            let detail = one_line(&DisplayErrorContext(&err).to_string());
            Error::failure(format!("{what}: cannot reach the AWS endpoint: {detail}"))
                .with_hint("check the network, --endpoint-url and AWS_ENDPOINT_URL")
        }
        SdkError::ServiceError(se) if se.err().code().is_none() => {
            // No error code: an answer the SDK could not read (not an AWS error document).
            let detail = one_line(&DisplayErrorContext(se.err()).to_string());
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
        _ => Error::failure(format!(
            "{what}: {}",
            one_line(&DisplayErrorContext(&err).to_string())
        )),
    }
}
