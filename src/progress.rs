//! Messages for a person: a progress bar on a terminal (indicatif), plain lines otherwise,
//! nothing but errors with `--quiet`. Everything goes to stderr.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Reports what a run is doing.
pub struct Progress {
    quiet: bool,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A reporter; `quiet` silences everything but warnings and errors.
    pub fn new(quiet: bool) -> Self {
        Self { quiet, bar: None }
    }

    /// Prints an informational line.
    pub fn info(&self, message: &str) {
        if !self.quiet {
            self.print(message);
        }
    }

    /// Prints a warning (shown even with `--quiet`).
    pub fn warn(&self, message: &str) {
        self.print(&format!("warning: {message}"));
    }

    fn print(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Starts a bar for `total` frames (hidden when stderr is not a terminal or when quiet).
    pub fn start_frames(&mut self, total: u64) {
        if self.quiet || !std::io::stderr().is_terminal() {
            return;
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{bar:40.cyan/blue} {pos}/{len} frames  {per_sec}  eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(250));
        self.bar = Some(bar);
    }

    /// Counts one finished frame.
    pub fn frame_done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Removes the bar.
    pub fn finish_frames(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
