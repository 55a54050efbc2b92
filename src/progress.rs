//! Messages for a person: a progress bar on a terminal (indicatif), plain lines otherwise,
//! nothing but errors with `--quiet`. Everything goes to stderr.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Reports what a run is doing.
pub struct Progress {
    quiet: bool,
    bar: Option<ProgressBar>,
    /// Batch runs: the overall bar (jobs) above the current job's bar.
    batch: Option<(MultiProgress, ProgressBar)>,
    /// NDJSON events to stdout (`--json`).
    events: bool,
    /// The job the progress events are about.
    job: String,
    frames_done: u64,
    frames_total: u64,
    last_event: Option<Instant>,
}

/// At most this many `progress` events per second.
const PROGRESS_EVENTS_PER_SECOND: f64 = 4.0;

impl Progress {
    /// A reporter; `quiet` silences everything but warnings and errors.
    pub fn new(quiet: bool) -> Self {
        Self {
            quiet,
            bar: None,
            batch: None,
            events: false,
            job: String::new(),
            frames_done: 0,
            frames_total: 0,
            last_event: None,
        }
    }

    /// Also writes NDJSON events to stdout.
    pub fn with_events(mut self, events: bool) -> Self {
        self.events = events;
        self
    }

    /// Names the job that following progress events are about.
    pub fn set_job(&mut self, name: &str) {
        self.job = name.to_string();
    }

    /// Writes one NDJSON event line (when `--json`).
    pub fn event(&self, event: serde_json::Value) {
        if self.events {
            crate::outln!("{event}");
        }
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

    /// Prints a line to stderr without tearing the bars.
    pub fn print(&self, line: &str) {
        match (&self.batch, &self.bar) {
            (Some((multi, _)), _) => multi.suspend(|| eprintln!("{line}")),
            (None, Some(bar)) => bar.suspend(|| eprintln!("{line}")),
            (None, None) => eprintln!("{line}"),
        }
    }

    /// Starts the overall bar of a batch of `jobs` (terminal only).
    pub fn start_batch(&mut self, jobs: u64) {
        if self.quiet || !std::io::stderr().is_terminal() {
            return;
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let overall = multi.add(ProgressBar::new(jobs));
        overall.set_style(
            ProgressStyle::with_template("{bar:40.green/blue} {pos}/{len} jobs  elapsed {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        self.batch = Some((multi, overall));
    }

    /// Counts one finished (or failed) job of the batch.
    pub fn job_done(&self) {
        if let Some((_, overall)) = &self.batch {
            overall.inc(1);
        }
    }

    /// Removes the batch bar.
    pub fn finish_batch(&mut self) {
        if let Some((_, overall)) = self.batch.take() {
            overall.finish_and_clear();
        }
    }

    /// Starts a bar for `total` frames (hidden when stderr is not a terminal or when quiet).
    pub fn start_frames(&mut self, total: u64) {
        self.frames_done = 0;
        self.frames_total = total;
        self.last_event = None;
        if self.quiet || !std::io::stderr().is_terminal() {
            return;
        }
        let bar = match &self.batch {
            Some((multi, _)) => multi.add(ProgressBar::new(total)),
            None => ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
        };
        bar.set_style(
            ProgressStyle::with_template("{bar:40.cyan/blue} {pos}/{len} frames  {per_sec}  eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(Duration::from_millis(250));
        self.bar = Some(bar);
    }

    /// Counts one finished frame.
    pub fn frame_done(&mut self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        self.frames_done += 1;
        let due = self.last_event.is_none_or(|t| t.elapsed().as_secs_f64() >= 1.0 / PROGRESS_EVENTS_PER_SECOND);
        if self.events && (due || self.frames_done == self.frames_total) {
            self.last_event = Some(Instant::now());
            self.event(serde_json::json!({
                "event": "progress", "job": self.job, "frames_done": self.frames_done, "frames": self.frames_total,
            }));
        }
    }

    /// Removes the bar.
    pub fn finish_frames(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
