//! DynamoDB's error codes turned into one-line dbiam errors with documented exit codes:
//! a missing table or index (1), a request DynamoDB rejects as invalid (2), a false
//! condition (7), throttling that outlasted the SDK's retries (1); the rest through
//! [`crate::aws::sdk_error`] (credentials 4, others 1).

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
pub fn dynamo_error<E, R>(op: &str, table: &str, region: &str, err: SdkError<E, R>) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    R: std::fmt::Debug + Send + Sync + 'static,
{
    let what = format!("DynamoDB {op}");
    let code = err.code().unwrap_or("").to_owned();
    let message = one_line(err.message().unwrap_or(""));
    match code.as_str() {
        "ResourceNotFoundException" => Error::failure(format!(
            "{what}: table '{table}' (or its index) was not found in {region}: {message}"
        ))
        .with_hint("check the name and --region; `dbiam dynamo tables` lists the tables"),
        "ValidationException" => Error::usage(format!("{what} on '{table}': {message}"))
            .with_hint("check the key, item and expressions against `dbiam dynamo describe TABLE`"),
        "ConditionalCheckFailedException" => Error::new(
            Kind::ConditionFailed,
            format!("{what} on '{table}': the condition was not met, nothing was written"),
        ),
        c if THROTTLING.contains(&c) => Error::failure(format!(
            "{what} on '{table}': throttled even after retries ({c}: {message})"
        ))
        .with_hint("retry later, use fewer --segments, or raise the table's capacity"),
        _ => crate::aws::sdk_error(&what, err),
    }
}
