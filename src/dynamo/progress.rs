//! A progress line on stderr for long reads and writes, shown only when stderr is a
//! terminal, first after a second, redrawn at most four times a second, erased at the end.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// A self-erasing progress line.
#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    started: Instant,
    last: Option<Instant>,
}

impl Progress {
    /// A progress line, live only when stderr is a terminal.
    pub fn new() -> Self {
        Self::with(std::io::stderr().is_terminal())
    }

    /// A progress line that is drawn only when `enabled`.
    pub fn with(enabled: bool) -> Self {
        Progress {
            enabled,
            started: Instant::now(),
            last: None,
        }
    }

    /// Redraw the line with `text` if it is time to.
    pub fn update(&mut self, text: impl FnOnce() -> String) {
        if !self.enabled || self.started.elapsed() < Duration::from_secs(1) {
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
