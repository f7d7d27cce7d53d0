//! SQL scripts: the statement splitter ([`split`]) and the non-interactive runner ([`run`]).

pub mod run;
pub mod split;
