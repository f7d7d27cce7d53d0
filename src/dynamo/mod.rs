//! DynamoDB for `dbiam dynamo`: the plain/typed JSON mapping ([`value`]), the operations
//! with pagination, parallel scans and batched writes ([`ops`]), table metadata
//! ([`tables`]) and error codes ([`errors`]); the progress line is [`crate::output::progress`].

pub mod errors;
pub mod ops;
pub mod tables;
pub mod value;

pub use ops::{Dynamo, Expressions, Flow, Page, Read, Written};
pub use value::{Dialect, Item};
