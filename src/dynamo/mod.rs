//! DynamoDB for `dbiam dynamo`: the plain/typed JSON mapping ([`value`]), the operations
//! with pagination, parallel scans and batched writes ([`ops`]), table metadata
//! ([`tables`]), error codes ([`errors`]) and a terminal progress line ([`progress`]).

pub mod errors;
pub mod ops;
pub mod tables;
pub mod value;

pub use ops::{Dynamo, Expressions, Flow, Page, Read, Written};
pub use value::{Dialect, Item};
