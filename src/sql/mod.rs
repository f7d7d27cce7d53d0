//! SQL scripts on the client side: the statement splitter ([`split`]) shared by `dbiam sql`
//! and `dbiam connect`, the non-interactive runner ([`run`]), and the print-setting meta
//! commands ([`print_meta`]: `\pset`, `\a`, `\t`, `\x`, `\C`, `\f`).

pub mod client_copy;
pub mod cond;
pub mod print_meta;
pub mod report;
pub mod run;
pub mod split;
