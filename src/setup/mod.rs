//! `dbiam setup`'s library half: finding an RDS instance or Aurora cluster and switching
//! IAM database authentication on ([`rds`]), least-privilege IAM policy documents for
//! RDS/Aurora, Redshift and Aurora DSQL ([`policy`]), creating the IAM database user
//! ([`user`]). The wait indicator is [`crate::output::progress`].

pub mod policy;
pub mod rds;
pub mod user;
