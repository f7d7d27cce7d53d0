//! `--debug` diagnostics on stderr. Secrets are redacting newtypes, so whatever is
//! logged through [`debug!`](crate::debug) cannot show a key, session token or DB token.

use std::sync::atomic::{AtomicBool, Ordering};

static DEBUG: AtomicBool = AtomicBool::new(false);

/// Turn `--debug` output on or off.
pub fn set_debug(on: bool) {
    DEBUG.store(on, Ordering::Relaxed);
}

/// Whether `--debug` is on.
pub fn debug_enabled() -> bool {
    DEBUG.load(Ordering::Relaxed)
}

/// Print a `dbiam: debug: …` line on stderr when `--debug` is on.
#[macro_export]
macro_rules! debug {
    ($($arg:tt)*) => {
        if $crate::log::debug_enabled() {
            eprintln!("dbiam: debug: {}", format_args!($($arg)*));
        }
    };
}
