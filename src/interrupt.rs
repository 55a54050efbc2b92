//! Ctrl-C: the first press asks the running job to stop after the current frame (its partial
//! output is removed and the process exits 130); a second press exits at once.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::Problem;

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Exit code after an interruption (128 + SIGINT).
pub const EXIT_CODE: i32 = 130;

/// Installs the Ctrl-C handler (once per process; later calls do nothing).
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if REQUESTED.swap(true, Ordering::SeqCst) {
            std::process::exit(EXIT_CODE);
        }
        eprintln!("\ninterrupted: finishing the current frame and cleaning up (press Ctrl-C again to quit at once)");
    });
}

/// True once Ctrl-C was pressed.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// The error a job returns when it stopped because of Ctrl-C.
pub fn interrupted() -> anyhow::Error {
    Problem::interrupted("interrupted by Ctrl-C; the partial output was removed").into()
}
