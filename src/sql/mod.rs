//! SQL scripts on the client side: the statement splitter ([`split`]) shared by `dbiam sql`
//! and `dbiam connect`, the non-interactive runner ([`run`]), and psql's describe commands
//! ([`describe`]).

pub mod client_copy;
pub mod cond;
pub mod describe;
pub mod report;
pub mod run;
pub mod split;
