//! Messages for a person: a progress bar on a terminal (indicatif), progress lines a log or a
//! farm UI can parse when stderr is not a terminal (`frame 60/180 (33%) 5.1 fps eta 0:23`, every
//! 5 s or 10 %), nothing but warnings and errors with `--quiet`. Everything goes to stderr; NDJSON
//! events (`--json`) go to stdout.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How frame progress is shown (`--progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ProgressMode {
    /// A bar on a terminal, lines otherwise.
    #[default]
    Auto,
    /// The terminal bar (drawn only when stderr is a terminal).
    Bar,
    /// A line every 5 s or 10 %: `frame 60/180 (33%) 5.1 fps eta 0:23`.
    Lines,
    /// No frame progress (messages still appear).
    None,
}

/// Seconds between two progress lines at most.
const LINE_SECONDS: f64 = 5.0;

/// Reports what a run is doing.
pub struct Progress {
    quiet: bool,
    /// The frame progress shown: a bar, lines, or nothing (resolved from `--progress`).
    mode: ProgressMode,
    /// When the current frames started, the last progress line, and the last tenth reported.
    frames_started: Option<Instant>,
    last_line: Option<Instant>,
    last_tenth: u64,
    /// Set by [`Progress::start_batch`]: progress lines name their job.
    batched: bool,
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
            mode: ProgressMode::Auto.resolve(quiet),
            frames_started: None,
            last_line: None,
            last_tenth: 0,
            batched: false,
            bar: None,
            batch: None,
            events: false,
            job: String::new(),
            frames_done: 0,
            frames_total: 0,
            last_event: None,
        }
    }

    /// Shows frame progress as `mode` says (`--progress`).
    pub fn with_mode(mut self, mode: ProgressMode) -> Self {
        self.mode = mode.resolve(self.quiet);
        self
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
        self.batched = true;
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
        self.frames_started = Some(Instant::now());
        self.last_line = self.frames_started;
        self.last_tenth = 0;
        if self.mode != ProgressMode::Bar || !std::io::stderr().is_terminal() {
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
        if self.mode == ProgressMode::Lines {
            self.maybe_print_line();
        }
        let due = self.last_event.is_none_or(|t| t.elapsed().as_secs_f64() >= 1.0 / PROGRESS_EVENTS_PER_SECOND);
        if self.events && (due || self.frames_done == self.frames_total) {
            self.last_event = Some(Instant::now());
            self.event(serde_json::json!({
                "event": "progress", "job": self.job, "frames_done": self.frames_done, "frames": self.frames_total,
            }));
        }
    }

    /// Prints a progress line when 5 s have passed since the last one, a new tenth of the frames is
    /// done, or the last frame is.
    fn maybe_print_line(&mut self) {
        let (done, total) = (self.frames_done, self.frames_total.max(1));
        let tenth = done * 10 / total;
        let slow = self.last_line.is_some_and(|t| t.elapsed().as_secs_f64() >= LINE_SECONDS);
        if !(slow || tenth > self.last_tenth || done == total) {
            return;
        }
        self.last_tenth = tenth;
        self.last_line = Some(Instant::now());
        let seconds = self.frames_started.map_or(0.0, |t| t.elapsed().as_secs_f64());
        let line = progress_line(done, total, seconds);
        match self.batched {
            false => self.print(&line),
            true => self.print(&format!("{}: {line}", self.job)),
        }
    }

    /// Removes the bar.
    pub fn finish_frames(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl ProgressMode {
    /// What `auto` means here (a bar on a terminal, else lines), and nothing when quiet.
    fn resolve(self, quiet: bool) -> Self {
        match (self, quiet) {
            (_, true) => Self::None,
            (Self::Auto, false) if std::io::stderr().is_terminal() => Self::Bar,
            (Self::Auto, false) => Self::Lines,
            (mode, false) => mode,
        }
    }
}

/// `frame 60/180 (33%) 5.1 fps eta 0:23` after `seconds` of rendering.
pub fn progress_line(done: u64, total: u64, seconds: f64) -> String {
    let fps = if seconds > 0.0 { done as f64 / seconds } else { 0.0 };
    let eta = match fps > 0.0 {
        true => clock((total.saturating_sub(done)) as f64 / fps),
        false => "?".into(),
    };
    format!("frame {done}/{total} ({}%) {fps:.1} fps eta {eta}", done * 100 / total.max(1))
}

/// `0:23`, `12:05`, `1:02:03`.
fn clock(seconds: f64) -> String {
    let total = seconds.round() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    match h {
        0 => format!("{m}:{s:02}"),
        h => format!("{h}:{m:02}:{s:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_lines_read_like_a_log() {
        assert_eq!(progress_line(60, 180, 60.0 / 5.1), "frame 60/180 (33%) 5.1 fps eta 0:24");
        assert_eq!(progress_line(1, 10_000, 2.0), "frame 1/10000 (0%) 0.5 fps eta 5:33:18");
        assert_eq!(progress_line(0, 5, 0.0), "frame 0/5 (0%) 0.0 fps eta ?");
    }
}
