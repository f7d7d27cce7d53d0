//! The one signer: RDS/Aurora IAM auth tokens, Aurora DSQL tokens and ElastiCache/MemoryDB
//! tokens (SigV4 query presigning, byte-identical to botocore), and the decoder behind `dbiam token inspect`.
//!
//! Everything here is a pure function: credentials and the signing instant are passed in.

pub mod inspect;
pub mod sign;

pub use inspect::{inspect, TokenInfo};
pub use sign::{
    cache_token, dsql_token, parse_signing_time, rds_token, CacheService, DsqlAction, SigningKeys,
    Token, CACHE_TOKEN_LIFETIME, DSQL_MAX_EXPIRES, RDS_TOKEN_LIFETIME,
};
