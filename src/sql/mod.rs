//! SQL scripts on the client side: the statement splitter ([`split`]) shared by `dbiam sql`
//! and `dbiam connect`, and the non-interactive runner ([`run`]).

pub mod client_copy;
pub mod cond;
pub mod report;
pub mod run;
pub mod split;
