//! One error type for problems a person must act on, classified so `main` can pick the exit code.

use std::fmt;

/// What kind of problem stopped the work; decides the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// The input of one job (model file, output path) is unusable: exit 1.
    Input,
    /// The command line or a setting is invalid; nothing ran: exit 2.
    Usage,
    /// The machine lacks something (GPU adapter, ffmpeg, encoder): exit 3.
    Environment,
    /// The encoder child (ffmpeg) failed while the job ran (a crash, a full disk), which is not
    /// the input's fault: exit 1, as the job failed.
    Encoder,
    /// Ctrl-C, SIGTERM or SIGHUP stopped the run: exit 130, 143 or 129.
    Interrupted,
}

/// A problem with a message for a person and an optional hint saying what to do about it.
#[derive(Debug)]
pub struct Problem {
    /// Decides the exit code.
    pub kind: ProblemKind,
    /// What went wrong, naming the subject (file, setting).
    pub message: String,
    /// What the user can do about it.
    pub hint: Option<String>,
}

impl Problem {
    /// A problem with the input of a job (exit 1).
    pub fn input(message: impl Into<String>) -> Self {
        Self { kind: ProblemKind::Input, message: message.into(), hint: None }
    }

    /// A problem with the command line or settings (exit 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self { kind: ProblemKind::Usage, message: message.into(), hint: None }
    }

    /// A problem with the machine's environment (exit 3).
    pub fn environment(message: impl Into<String>) -> Self {
        Self { kind: ProblemKind::Environment, message: message.into(), hint: None }
    }

    /// The encoder failed while the job ran (exit 1).
    pub fn encoder(message: impl Into<String>) -> Self {
        Self { kind: ProblemKind::Encoder, message: message.into(), hint: None }
    }

    /// The run was stopped by a signal (exit 128 + its number).
    pub fn interrupted(message: impl Into<String>) -> Self {
        Self { kind: ProblemKind::Interrupted, message: message.into(), hint: None }
    }

    /// Adds a hint line saying what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Problem {}

/// How a command ended, as its process exit code (documented in the README); named apart from
/// `std::process::ExitCode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every job finished.
    Success = 0,
    /// At least one job failed.
    JobFailed = 1,
    /// Invalid command line or settings; nothing ran.
    Usage = 2,
    /// No usable GPU adapter, ffmpeg or encoder.
    Environment = 3,
    /// Stopped by a signal: the process exits 128 + its number (Ctrl-C 130, SIGTERM 143, SIGHUP 129;
    /// see [`crate::interrupt::exit_code`]).
    Interrupted = 130,
}

impl Exit {
    /// The exit code that an error calls for: the first [`Problem`] in its chain decides.
    pub fn for_error(error: &anyhow::Error) -> Self {
        match find_problem(error).map(|p| p.kind) {
            Some(ProblemKind::Usage) => Self::Usage,
            Some(ProblemKind::Environment) => Self::Environment,
            Some(ProblemKind::Interrupted) => Self::Interrupted,
            Some(ProblemKind::Input | ProblemKind::Encoder) | None => Self::JobFailed,
        }
    }
}

/// The first [`Problem`] in an error's chain, if any.
pub fn find_problem(error: &anyhow::Error) -> Option<&Problem> {
    error.chain().find_map(|e| e.downcast_ref::<Problem>())
}

/// Formats an error for a terminal: `error: outer: inner` plus a `hint:` line when one is known.
pub fn render_for_terminal(error: &anyhow::Error) -> String {
    let mut text = String::from("error: ");
    let parts: Vec<String> = error.chain().map(|e| e.to_string()).collect();
    text.push_str(&parts.join(": "));
    if let Some(hint) = find_problem(error).and_then(|p| p.hint.as_deref()) {
        text.push_str("\nhint: ");
        text.push_str(hint);
    }
    text
}

/// A short reason for an I/O error, without Rust's `(os error N)` suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}
