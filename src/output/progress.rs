//! The one progress line: a self-rewriting line on stderr for long waits, reads and
//! writes (`discover`, `dynamo`, `setup enable`), drawn only when stderr is a terminal
//! (pipes and logs get nothing), redrawn at most four times a second, and erased when
//! the work ends.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const FRAMES: [char; 4] = ['|', '/', '-', '\\'];

/// A self-erasing progress line on stderr.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    started: Instant,
    /// Nothing is drawn before this much time has passed.
    delay: Duration,
    last: Option<Instant>,
    tick: usize,
}

impl Progress {
    /// A line drawn after the first second (short reads and writes show nothing).
    pub fn new() -> Self {
        Self::with(std::io::stderr().is_terminal())
    }

    /// A line drawn from the first update on.
    pub fn immediate() -> Self {
        Progress {
            delay: Duration::ZERO,
            ..Self::new()
        }
    }

    /// A line that is drawn only when `enabled` (after the first second).
    pub fn with(enabled: bool) -> Self {
        Progress {
            enabled,
            started: Instant::now(),
            delay: Duration::from_secs(1),
            last: None,
            tick: 0,
        }
    }

    /// Redraw the line with `text` if it is time to.
    pub fn update(&mut self, text: impl FnOnce() -> String) {
        if !self.enabled || self.started.elapsed() < self.delay {
            return;
        }
        if self
            .last
            .is_some_and(|t| t.elapsed() < Duration::from_millis(250))
        {
            return;
        }
        self.last = Some(Instant::now());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{}", crate::output::sanitize(&text()));
        let _ = err.flush();
    }

    /// Redraw the line as a spinner: `| message (12s)`.
    pub fn spin(&mut self, message: &str, waited: Duration) {
        let frame = FRAMES[self.tick % FRAMES.len()];
        self.tick += 1;
        self.update(|| format!("{frame} {message} ({}s)", waited.as_secs()));
    }

    /// Erase the line, if it was drawn.
    pub fn finish(&mut self) {
        if self.last.take().is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

impl Default for Progress {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
