//! SQL scripts on the client side: the statement splitter ([`split`]) and THE script
//! engine ([`run::Session`]: one loop over split pieces, one meta-command layer) shared
//! by `dbiam sql` and `dbiam connect`, with its [`host`] hooks, where results go
//! ([`output`]: `\o`, `\g`, the pager) and how they are shown ([`render`]).

pub mod client_copy;
pub mod cond;
pub mod host;
pub mod output;
pub mod render;
pub mod report;
pub mod run;
pub mod split;
