//! Standard output for scripts (`--json`, `inspect`, `formats`, plans): a reader that goes away
//! (`holoforge inspect --json | head -1`) is not an error. The first failed write marks stdout
//! closed and later lines are dropped quietly; the command itself goes on and exits as it would
//! have (a `run` keeps rendering: its outputs are the work, the events only report it).

use std::fmt::Display;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes one line to stdout and flushes it; does nothing once stdout has been closed.
pub fn write_line(text: impl Display) {
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{text}").and_then(|()| out.flush()).is_err() {
        CLOSED.store(true, Ordering::Relaxed);
    }
}

/// `println!` for holoforge's stdout: a closed pipe drops the line instead of panicking.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::stdout::write_line(format_args!($($arg)*))
    };
}
