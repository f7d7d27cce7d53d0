//! MySQL and MariaDB in the shell: the names completion offers (the describe commands'
//! SHOW-style equivalents are [`crate::sql::describe`]'s, with the queries in
//! [`crate::db::mysql::catalog`]).

use super::meta::Catalog;
use crate::db::mysql::catalog;

/// MySQL's completion query.
#[derive(Debug, Clone, Copy, Default)]
pub struct MySqlCatalog;

impl Catalog for MySqlCatalog {
    fn completion_names(&self) -> String {
        catalog::completion_names()
    }
}
