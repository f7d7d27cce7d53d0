//! SQL scripts on the client side: the statement splitter shared by `dbiam sql` and `dbiam connect`.

pub mod split;
