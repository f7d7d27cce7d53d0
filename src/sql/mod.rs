//! SQL scripts on the client side: the statement splitter ([`split`]) and THE script
//! engine ([`run::Session`]: one loop over split pieces, one meta-command layer) shared
//! by `dbiam sql` and `dbiam connect`, with its [`host`] hooks, where results go
//! ([`output`]: `\o`, `\g`, the pager), how they are shown ([`render`]), and the
//! print-setting meta commands ([`print_meta`]: `\pset`, `\a`, `\t`, `\x`, `\C`, `\f`) and
//! psql's describe commands ([`describe`]: `\d`, `\dt`, `\du`, `\l`, …).

pub mod client_copy;
pub mod cond;
pub mod describe;
pub mod host;
pub mod output;
pub mod print_meta;
pub mod render;
pub mod report;
pub mod run;
pub mod split;
