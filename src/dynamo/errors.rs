//! DynamoDB's error codes turned into one-line dbiam errors with documented exit codes:
//! a missing table or index (1), a request DynamoDB rejects as invalid (2), a false
//! condition (7), throttling that outlasted the SDK's retries (1); the rest through
//! [`crate::aws::sdk_error`] (credentials 4, others 1).

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

use crate::error::{one_line, Error, Kind};

const THROTTLING: &[&str] = &[
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "Throttling",
];

/// Map an SDK error of a DynamoDB call on `table` in `region`.
pub fn dynamo_error<E>(op: &str, table: &str, region: &str, err: SdkError<E, HttpResponse>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
{
    let what = format!("DynamoDB {op}");
    let code = err.code().unwrap_or("").to_owned();
    let message = one_line(err.message().unwrap_or(""));
    // PartiQL statements name their tables themselves: `table` is empty then.
    let (subject, on) = if table.is_empty() {
        ("a table named in the statement".to_owned(), String::new())
    } else {
        (
            format!("table '{table}' (or its index)"),
            format!(" on '{table}'"),
        )
    };
    match code.as_str() {
        "ResourceNotFoundException" => Error::failure(format!(
            "{what}: {subject} was not found in {region}: {message}"
        ))
        .with_hint("check the name and --region; `dbiam dynamo tables` lists the tables"),
        "ValidationException" => Error::usage(format!("{what}{on}: {message}"))
            .with_hint("check the key, item and expressions against `dbiam dynamo describe TABLE`"),
        "ConditionalCheckFailedException" => Error::new(
            Kind::ConditionFailed,
            format!("{what}{on}: the condition was not met, nothing was written"),
        ),
        c if THROTTLING.contains(&c) => Error::failure(format!(
            "{what}{on}: throttled even after retries ({c}: {message})"
        ))
        .with_hint("retry later, use fewer --segments, or raise the table's capacity"),
        "" if matches!(err, SdkError::ServiceError(_)) => {
            let status = err.raw_response().map_or(0, |r| r.status().as_u16());
            Error::failure(format!(
                "{what}{on}: the service failed with HTTP {status} and no error code"
            ))
        }
        _ => crate::aws::sdk_error(&what, err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_dynamodb::operation::scan::ScanError;
    use aws_smithy_runtime_api::http::{Response, StatusCode};
    use aws_smithy_types::body::SdkBody;
    use aws_smithy_types::error::ErrorMetadata;

    // DynamoDB's error replies as the SDK parses them (code and message from the body).
    fn service_error(code: &str) -> SdkError<ScanError, Response> {
        let mut meta = ErrorMetadata::builder().message("the service said\nso");
        if !code.is_empty() {
            meta = meta.code(code);
        }
        let meta = meta.build();
        let status = if code.is_empty() { 500 } else { 400 };
        let raw = Response::new(StatusCode::try_from(status).unwrap(), SdkBody::empty());
        SdkError::service_error(ScanError::generic(meta), raw)
    }

    fn mapped(code: &str) -> Error {
        dynamo_error("Scan", "t1", "eu-south-1", service_error(code))
    }

    #[test]
    fn each_code_has_its_exit_code_and_one_line() {
        let cases = [
            (
                "ResourceNotFoundException",
                1,
                "was not found in eu-south-1",
            ),
            ("ValidationException", 2, "the service said so"),
            (
                "ConditionalCheckFailedException",
                7,
                "condition was not met",
            ),
            ("ProvisionedThroughputExceededException", 1, "throttled"),
            ("ThrottlingException", 1, "throttled"),
            ("UnrecognizedClientException", 4, "rejected"),
            ("InternalServerError", 1, "InternalServerError"),
            ("", 1, "failed with HTTP 500 and no error code"),
        ];
        for (code, exit, text) in cases {
            let e = mapped(code);
            assert_eq!(e.exit_code().code(), exit, "{code}: {e}");
            assert!(e.to_string().contains(text), "{code}: {e}");
            assert!(!e.to_string().contains('\n'), "{code}: {e}");
        }
        let e = dynamo_error(
            "ExecuteStatement",
            "",
            "eu-south-1",
            service_error("ResourceNotFoundException"),
        );
        assert!(
            e.to_string().contains("a table named in the statement"),
            "{e}"
        );
    }
}
