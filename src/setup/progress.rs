//! The wait indicator of `dbiam setup enable`: one self-rewriting line on stderr, shown
//! only when stderr is a terminal (pipes and logs get nothing).

use std::io::{IsTerminal, Write};
use std::time::Duration;

const FRAMES: [char; 4] = ['|', '/', '-', '\\'];

/// A spinner line on stderr, or nothing when stderr is not a terminal.
#[derive(Debug)]
pub struct Progress {
    on: bool,
    tick: usize,
}

impl Progress {
    /// Shown only when stderr is a terminal.
    pub fn stderr() -> Self {
        Progress {
            on: std::io::stderr().is_terminal(),
            tick: 0,
        }
    }

    /// Rewrite the line with `message` and the time waited.
    pub fn update(&mut self, message: &str, waited: Duration) {
        if !self.on {
            return;
        }
        let frame = FRAMES[self.tick % FRAMES.len()];
        self.tick += 1;
        let line = crate::output::sanitize(message);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{frame} {line} ({}s)", waited.as_secs());
        let _ = err.flush();
    }

    /// Erase the line.
    pub fn finish(&mut self) {
        if self.on && self.tick > 0 {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
