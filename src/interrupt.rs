//! Stopping on request: Ctrl-C (SIGINT), SIGTERM (what Slurm, Kubernetes and `kill` send) and
//! SIGHUP (a closed terminal or SSH session) all ask the running job to stop after the current
//! frame; its partial output is removed, ffmpeg is closed, and the process exits 128 + the
//! signal's number (130, 143, 129). A second signal exits at once, removing the partial output
//! first. Signals are received on a thread of their own (signal-hook), so the clean-up runs as
//! ordinary code, not inside a signal handler.

use std::sync::atomic::{AtomicI32, Ordering};

use crate::error::Problem;

/// The first stop signal received (0: none).
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// The signals that stop holoforge.
#[cfg(unix)]
const STOP_SIGNALS: [i32; 3] = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP];

/// Installs the signal thread (once per process; later calls do nothing).
pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        #[cfg(unix)]
        {
            let Ok(mut signals) = signal_hook::iterator::Signals::new(STOP_SIGNALS) else { return };
            let _ = std::thread::Builder::new().name("signals".into()).spawn(move || {
                for signal in signals.forever() {
                    on_signal(signal);
                }
            });
        }
    });
}

fn on_signal(signal: i32) {
    if RECEIVED.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst).is_err() {
        crate::export::output::remove_live_partials();
        eprintln!("\n{}: quitting at once; the partial output was removed", name(signal));
        std::process::exit(128 + signal);
    }
    eprintln!("\n{}: finishing the current frame and cleaning up (send it again to quit at once)", describe(signal));
}

/// `SIGTERM`, `SIGHUP`, `Ctrl-C`.
fn name(signal: i32) -> &'static str {
    match signal {
        1 => "SIGHUP",
        15 => "SIGTERM",
        _ => "Ctrl-C",
    }
}

/// `interrupted by Ctrl-C`, `stopped by SIGTERM`.
fn describe(signal: i32) -> String {
    match signal {
        2 => "interrupted by Ctrl-C".into(),
        other => format!("stopped by {}", name(other)),
    }
}

/// True once a stop signal arrived.
pub fn requested() -> bool {
    RECEIVED.load(Ordering::SeqCst) != 0
}

/// The exit code after a stop signal: 128 + its number (Ctrl-C 130, SIGTERM 143, SIGHUP 129).
pub fn exit_code() -> i32 {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => 130,
        signal => 128 + signal,
    }
}

/// What stopped the run: `interrupted by Ctrl-C`, `stopped by SIGTERM`.
pub fn reason() -> String {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => describe(2),
        signal => describe(signal),
    }
}

/// The error a job returns when it stopped because of a signal.
pub fn interrupted() -> anyhow::Error {
    Problem::interrupted(format!("{}; the partial output was removed", reason())).into()
}
