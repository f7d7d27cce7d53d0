//! The one error type of dbiam, its documented exit codes, and the hints shown with it.
//!
//! Library code returns [`Error`]; only `main` prints it (once, on stderr, as
//! `dbiam: error: …`) and turns it into a process exit code with [`Error::exit_code`].

use std::fmt;
use std::io;

/// Documented process exit codes (see the README's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum ExitCode {
    /// Everything worked.
    Success = 0,
    /// The operation failed (an AWS call, a database operation); `token inspect`: the token has expired.
    Failure = 1,
    /// Bad usage or bad input; for `sql`/`connect`, the database connection failed (as psql).
    Usage = 2,
    /// A statement of a SQL script failed.
    Script = 3,
    /// AWS credentials are missing, invalid or expired.
    Credentials = 4,
    /// The credentials belong to an AWS account that is not allowed.
    AccountNotAllowed = 5,
    /// Only part of the results could be read (some services or regions failed).
    Partial = 6,
    /// A condition was not met (DynamoDB's ConditionalCheckFailedException): nothing was written.
    ConditionFailed = 7,
    /// Interrupted by Ctrl-C.
    Interrupted = 130,
    /// Stopped by SIGTERM (128 + 15, what a shell reports for a process SIGTERM killed).
    Terminated = 143,
}

impl ExitCode {
    /// The numeric process exit status.
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// What went wrong, which decides the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bad flags or bad input from the user.
    Usage,
    /// A runtime failure.
    Failure,
    /// Credentials missing, invalid or expired.
    Credentials,
    /// Credentials from an account that is not allowed.
    AccountNotAllowed,
    /// A database connection could not be made.
    Connection,
    /// A SQL statement in a script failed.
    Script,
    /// Some results could not be read.
    Partial,
    /// A write's condition expression was false.
    ConditionFailed,
    /// Ctrl-C.
    Interrupted,
    /// SIGTERM.
    Terminated,
}

/// dbiam's error: a one-line message, an optional hint saying what to do, and the cause.
#[derive(Debug)]
pub struct Error {
    kind: Kind,
    message: String,
    hint: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
    /// Already written to stderr in full (a script's server error, in psql's format).
    reported: bool,
}

/// Result with dbiam's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A new error of the given kind.
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hint: None,
            source: None,
            reported: false,
        }
    }

    /// Mark the error as already written to stderr: `main` only sets the exit code.
    pub fn reported(mut self) -> Self {
        self.reported = true;
        self
    }

    /// Whether the error was already written to stderr.
    pub fn is_reported(&self) -> bool {
        self.reported
    }

    /// Bad usage or bad input (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }

    /// A runtime failure (exit 1).
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Kind::Failure, message)
    }

    /// Credentials missing, invalid or expired (exit 4).
    pub fn credentials(message: impl Into<String>) -> Self {
        Self::new(Kind::Credentials, message)
    }

    /// An I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: io::Error) -> Self {
        let context = context.into();
        Self::new(Kind::Failure, format!("{context}: {source}")).with_source(source)
    }

    /// An error reading the user's input (stdin, a file they named): bytes that are not
    /// UTF-8 are bad input (exit 2), any other I/O error a failure (exit 1).
    pub fn input(context: impl Into<String>, source: io::Error) -> Self {
        if source.kind() == io::ErrorKind::InvalidData {
            Self::usage(format!("{}: not UTF-8 text", context.into())).with_source(source)
        } else {
            Self::io(context, source)
        }
    }

    /// Attach a hint: what the user should do about it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Attach the underlying cause (kept for `--debug` and broken-pipe detection).
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// The kind of failure.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The message without the hint.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The hint, if any.
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// The documented exit code for this error.
    pub fn exit_code(&self) -> ExitCode {
        match self.kind {
            Kind::Usage | Kind::Connection => ExitCode::Usage,
            Kind::Failure => ExitCode::Failure,
            Kind::Credentials => ExitCode::Credentials,
            Kind::AccountNotAllowed => ExitCode::AccountNotAllowed,
            Kind::Script => ExitCode::Script,
            Kind::Partial => ExitCode::Partial,
            Kind::ConditionFailed => ExitCode::ConditionFailed,
            Kind::Interrupted => ExitCode::Interrupted,
            Kind::Terminated => ExitCode::Terminated,
        }
    }

    /// Whether this error is only a closed stdout (`dbiam … | head`), which exits quietly.
    pub fn is_broken_pipe(&self) -> bool {
        let mut cur: Option<&(dyn std::error::Error + 'static)> = self
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static));
        while let Some(e) = cur {
            if let Some(io) = e.downcast_ref::<io::Error>() {
                if io.kind() == io::ErrorKind::BrokenPipe {
                    return true;
                }
            }
            cur = e.source();
        }
        false
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::io("I/O error", e)
    }
}

/// Print `dbiam: error: WHAT` on stderr: the one way an error line is written (once by
/// `main`, and by the shell and the script runner for errors they go on after).
pub fn print_error(what: impl fmt::Display) {
    eprintln!("dbiam: error: {what}");
}

/// Collapse a message to one line (errors from servers sometimes span several).
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_are_stable() {
        assert_eq!(ExitCode::Success.code(), 0);
        assert_eq!(Error::failure("x").exit_code().code(), 1);
        assert_eq!(Error::usage("x").exit_code().code(), 2);
        assert_eq!(Error::new(Kind::Connection, "x").exit_code().code(), 2);
        assert_eq!(Error::new(Kind::Script, "x").exit_code().code(), 3);
        assert_eq!(Error::credentials("x").exit_code().code(), 4);
        assert_eq!(
            Error::new(Kind::AccountNotAllowed, "x").exit_code().code(),
            5
        );
        assert_eq!(Error::new(Kind::Partial, "x").exit_code().code(), 6);
        assert_eq!(Error::new(Kind::ConditionFailed, "x").exit_code().code(), 7);
        assert_eq!(Error::new(Kind::Interrupted, "x").exit_code().code(), 130);
        assert_eq!(Error::new(Kind::Terminated, "x").exit_code().code(), 143);
    }

    #[test]
    fn display_joins_hint_on_one_line() {
        let e = Error::usage("no region").with_hint("pass --region");
        assert_eq!(e.to_string(), "no region; pass --region");
    }

    #[test]
    fn broken_pipe_is_detected_through_sources() {
        let e = Error::io("writing", io::Error::new(io::ErrorKind::BrokenPipe, "pipe"));
        assert!(e.is_broken_pipe());
        assert!(!Error::failure("x").is_broken_pipe());
    }
}
