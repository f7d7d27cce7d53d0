//! Database connections shared by `sql`, `connect`, `exec`, `doctor`, `proxy` and every
//! engine. This file only declares the modules and re-exports their main items:
//! the connection flags ([`args`]), URLs ([`url`]), their resolution into
//! [`ConnParams`] ([`params`]), logging in ([`login`]), the [`Driver`] trait
//! ([`driver`]) and its engines, TLS ([`tls`]) and failure hints ([`hints`]).

pub mod args;
pub mod audit;
pub mod client_env;
pub mod client_url;
pub mod driver;
pub mod engine;
pub mod hints;
pub mod host;
pub mod login;
pub mod mysql;
pub mod params;
pub mod postgres;
pub mod redshift;
pub mod tls;
pub mod token_cache;
pub mod token_store;
pub mod url;

pub use self::args::ConnectionArgs;
pub use self::driver::{
    cancellable, Canceller, Driver, ExecError, Outcome, ServerError, Stopped, VerboseFields,
};
pub use self::engine::{AnyDriver, CacheKind, Engine};
pub use self::hints::{auth_failure_hint, connection_error};
pub use self::host::validate_host;
pub use self::login::{prompt_password, redis_has_no_shell, sign_token, Login, TokenKind};
pub use self::params::{Auth, ConnParams, EnvLookup};
pub use self::tls::SslMode;
pub use self::url::{parse_url, UrlParts};
