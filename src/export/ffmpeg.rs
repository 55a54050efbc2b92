//! The ffmpeg manager: finding the binary, reading its version and encoders, and one type that
//! wraps a running ffmpeg child (stdin for frames, stderr drained into a bounded tail).

use std::collections::{BTreeSet, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use anyhow::{bail, Result};

use crate::error::Problem;

/// Lines of ffmpeg's stderr kept for error messages.
const STDERR_TAIL_LINES: usize = 12;

/// How to install ffmpeg, for the hint of every "not found" error.
const INSTALL_HINT: &str =
    "install it (`sudo apt-get install ffmpeg`, `brew install ffmpeg`, or `pip install imageio-ffmpeg`), \
     or point to one with --ffmpeg PATH or HOLOFORGE_FFMPEG";

/// A located ffmpeg binary with its version and encoders.
#[derive(Debug, Clone)]
pub struct Ffmpeg {
    /// Path of the executable.
    pub path: PathBuf,
    /// How it was found: `--ffmpeg`, `HOLOFORGE_FFMPEG`, `PATH` or `imageio-ffmpeg`.
    pub source: &'static str,
    /// First line of `ffmpeg -version`.
    pub version: String,
    /// Names of the video encoders it has (`libx264`, `png`, …).
    pub encoders: BTreeSet<String>,
}

impl Ffmpeg {
    /// Finds ffmpeg by precedence: `explicit` (`--ffmpeg`), `HOLOFORGE_FFMPEG`, `PATH`, then the
    /// binary shipped by a pip-installed `imageio-ffmpeg`; probes its version and encoders once.
    pub fn locate(explicit: Option<&Path>) -> Result<Self> {
        let (path, source) = if let Some(path) = explicit {
            (path.to_path_buf(), "--ffmpeg")
        } else if let Some(path) = std::env::var_os("HOLOFORGE_FFMPEG").filter(|p| !p.is_empty()) {
            (PathBuf::from(path), "HOLOFORGE_FFMPEG")
        } else if let Ok(path) = which::which("ffmpeg") {
            (path, "PATH")
        } else if let Some(path) = imageio_ffmpeg() {
            (path, "imageio-ffmpeg")
        } else {
            bail!(Problem::environment(
                "ffmpeg was not found (not on PATH, no imageio-ffmpeg); it is needed for video formats"
            )
            .with_hint(INSTALL_HINT));
        };
        Self::probe(&path, source).map_err(|e| e.context(format!("ffmpeg from {source}")))
    }

    /// Runs `path -version` and `path -encoders` to learn what it is and what it can encode.
    pub fn probe(path: &Path, source: &'static str) -> Result<Self> {
        let run = |args: &[&str]| -> Result<String> {
            let output = Command::new(path).args(args).stdin(Stdio::null()).output().map_err(|e| {
                Problem::environment(format!("{}: cannot run ffmpeg: {}", path.display(), crate::error::io_reason(&e)))
                    .with_hint(INSTALL_HINT)
            })?;
            if !output.status.success() {
                bail!(Problem::environment(format!(
                    "{} {} failed ({}): is it really ffmpeg?",
                    path.display(),
                    args.join(" "),
                    output.status
                )));
            }
            Ok(String::from_utf8_lossy(&output.stdout).into_owned())
        };
        let version = run(&["-hide_banner", "-version"])?.lines().next().unwrap_or_default().to_string();
        let encoders = parse_encoders(&run(&["-hide_banner", "-encoders"])?);
        Ok(Self { path: path.to_path_buf(), source, version, encoders })
    }

    /// Errors naming the first of `needed` that this ffmpeg lacks.
    pub fn require_encoders(&self, format: &str, needed: &[&str]) -> Result<()> {
        if let Some(missing) = needed.iter().find(|e| !self.encoders.contains(**e)) {
            bail!(Problem::environment(format!(
                "format {format} needs the ffmpeg encoder {missing}, which {} does not have",
                self.path.display()
            ))
            .with_hint(
                "install an ffmpeg build with it (Debian/Ubuntu's `ffmpeg` package has it), or pick another --format"
            ));
        }
        Ok(())
    }
}

/// The ffmpeg binary bundled with a pip-installed `imageio-ffmpeg`, if python3 has it.
fn imageio_ffmpeg() -> Option<PathBuf> {
    let output = Command::new("python3")
        .args(["-c", "import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())"])
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let path = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    (output.status.success() && path.is_file()).then_some(path)
}

/// Encoder names from `ffmpeg -encoders` output (lines like ` V....D libx264  …`).
fn parse_encoders(listing: &str) -> BTreeSet<String> {
    listing
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("------"))
        .skip(1)
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let flags = words.next()?;
            (flags.len() == 6).then(|| words.next().map(str::to_string)).flatten()
        })
        .collect()
}

/// A running ffmpeg: frames go to stdin, stderr is kept as a bounded tail.
pub struct FfmpegChild {
    child: Child,
    stdin: Option<ChildStdin>,
    stderr_tail: Arc<Mutex<VecDeque<String>>>,
    stderr_thread: Option<JoinHandle<()>>,
    command_line: String,
}

impl FfmpegChild {
    /// Starts `ffmpeg args…` with piped stdin and stderr; its stdout is holoforge's own when
    /// `to_stdout` (for `-o -`), else discarded.
    pub fn spawn(ffmpeg: &Ffmpeg, args: &[String], to_stdout: bool) -> Result<Self> {
        let command_line = std::iter::once(ffmpeg.path.display().to_string())
            .chain(args.iter().map(|a| if a.contains(' ') { format!("'{a}'") } else { a.clone() }))
            .collect::<Vec<_>>()
            .join(" ");
        let mut command = Command::new(&ffmpeg.path);
        // Its own process group: Ctrl-C reaches holoforge only, which then stops ffmpeg cleanly.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command
            .args(args)
            .stdin(Stdio::piped())
            .stdout(if to_stdout { Stdio::inherit() } else { Stdio::null() })
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| Problem::environment(format!("cannot start ffmpeg ({command_line}): {e}")))?;
        let stderr = child.stderr.take().expect("stderr is piped");
        let stderr_tail = Arc::new(Mutex::new(VecDeque::with_capacity(STDERR_TAIL_LINES)));
        let tail = Arc::clone(&stderr_tail);
        let stderr_thread = std::thread::Builder::new().name("ffmpeg-stderr".into()).spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let mut tail = tail.lock().unwrap_or_else(|p| p.into_inner());
                if tail.len() == STDERR_TAIL_LINES {
                    tail.pop_front();
                }
                tail.push_back(line);
            }
        })?;
        let stdin = child.stdin.take();
        Ok(Self { child, stdin, stderr_tail, stderr_thread: Some(stderr_thread), command_line })
    }

    /// Writes one frame's bytes; if ffmpeg has gone away, the error carries its stderr.
    pub fn write(&mut self, bytes: &[u8]) -> Result<()> {
        let stdin = self.stdin.as_mut().expect("write after finish");
        if stdin.write_all(bytes).is_err() {
            self.stdin = None;
            let status = self.child.wait()?;
            return Err(self.failure(&format!("ffmpeg stopped reading frames ({status})")));
        }
        Ok(())
    }

    /// Closes stdin and waits; errors with the command line and stderr tail unless ffmpeg succeeded.
    pub fn finish(&mut self) -> Result<()> {
        self.stdin = None;
        let status = self.child.wait()?;
        if let Some(thread) = self.stderr_thread.take() {
            let _ = thread.join();
        }
        if !status.success() {
            return Err(self.failure(&format!("ffmpeg failed ({status})")));
        }
        Ok(())
    }

    fn failure(&mut self, what: &str) -> anyhow::Error {
        if let Some(thread) = self.stderr_thread.take() {
            let _ = thread.join();
        }
        let tail = self.stderr_tail.lock().unwrap_or_else(|p| p.into_inner());
        let lines: Vec<&str> = tail.iter().map(String::as_str).collect();
        Problem::encoder(format!(
            "{what}\n  command: {}\n  ffmpeg said:\n    {}",
            self.command_line,
            lines.join("\n    ")
        ))
        .into()
    }
}

impl Drop for FfmpegChild {
    fn drop(&mut self) {
        self.stdin = None;
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
        if let Some(thread) = self.stderr_thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoder_listing_is_parsed_after_the_separator() {
        let listing = "Encoders:\n V..... = Video\n ------\n V....D libx264              libx264 H.264\n A....D aac                  AAC\n V....D png                  PNG\n";
        let names = parse_encoders(listing);
        assert!(names.contains("libx264") && names.contains("png") && names.contains("aac"));
        assert!(!names.contains("="));
    }
}
