//! Test harness: runs the real `holoforge` binary in a fresh temporary folder and, when an
//! assertion fails, shows the command, its exit code, stdout and stderr.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};

/// A scratch folder plus helpers to run holoforge inside it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

/// The result of one run, printable for failure messages.
pub struct Run {
    pub command: String,
    pub output: Output,
}

impl Run {
    /// The exit code, or -1 when a signal ended the run.
    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }
    /// Standard output, lossily decoded.
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    /// Standard error, lossily decoded.
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    /// Panics with the whole run shown unless the exit code is `expected`.
    #[track_caller]
    pub fn expect_code(&self, expected: i32) -> &Self {
        assert_eq!(self.code(), expected, "unexpected exit code\n{self}");
        self
    }
    /// Panics with the whole run shown unless it exited 0.
    #[track_caller]
    pub fn expect_success(&self) -> &Self {
        self.expect_code(0)
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "command: {}\nexit: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.command,
            self.output.status,
            self.stdout(),
            self.stderr()
        )
    }
}

/// The `holoforge` binary under test. The variables holoforge reads that would change a run
/// (`HOLOFORGE_FFMPEG`, `HOLOFORGE_MODEL_MEMORY`) are cleared, so the developer's own settings
/// cannot change what a test sees.
pub fn holoforge_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_holoforge"));
    command.env("NODEVICE_SELECT", "1").env_remove("HOLOFORGE_FFMPEG").env_remove("HOLOFORGE_MODEL_MEMORY");
    command
}

/// A spawned holoforge that is killed and reaped when dropped, so a test whose assertion fails
/// first never leaves an hour-long render running behind it.
pub struct Spawned(Option<Child>);

/// Spawns `command` under a [`Spawned`] guard.
#[track_caller]
pub fn spawn(command: &mut Command) -> Spawned {
    Spawned(Some(command.spawn().expect("holoforge starts")))
}

impl Spawned {
    /// Waits for the process and collects its piped output, as [`Child::wait_with_output`].
    pub fn wait_with_output(mut self) -> std::io::Result<Output> {
        self.0.take().expect("not yet waited for").wait_with_output()
    }
}

impl std::ops::Deref for Spawned {
    type Target = Child;
    fn deref(&self) -> &Child {
        self.0.as_ref().expect("not yet waited for")
    }
}

impl std::ops::DerefMut for Spawned {
    fn deref_mut(&mut self) -> &mut Child {
        self.0.as_mut().expect("not yet waited for")
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            if child.try_wait().ok().flatten().is_none() {
                let _ = child.kill();
            }
            let _ = child.wait();
        }
    }
}

/// Path of a file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The shared model corpus beside the checkout, when it exists; says "skipped" when it does not.
pub fn shared_models() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/models");
    if !path.is_dir() {
        // Written to the stderr handle itself, not through `eprintln!`, so libtest's output
        // capture does not hide it: a clone without ../shared sees which tests did not run.
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), "skipped: ../shared/models is not present");
    }
    path.is_dir().then_some(path)
}

/// Debian's assimp-testmodels (`/usr/share/assimp/models`), when installed; says "skipped" when not.
pub fn assimp_models() -> Option<PathBuf> {
    let path = Path::new("/usr/share/assimp/models");
    if !path.is_dir() {
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), "skipped: assimp-testmodels is not installed");
    }
    path.is_dir().then(|| path.to_path_buf())
}

impl Sandbox {
    /// A fresh, empty scratch folder, removed when the sandbox is dropped.
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temp dir") }
    }

    /// `name` inside the scratch folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `holoforge args…` in the sandbox folder.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    /// Runs with extra environment variables (over [`holoforge_command`]'s).
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = self.command(args);
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().expect("holoforge runs");
        Run { command: format!("holoforge {}", args.join(" ")), output }
    }

    /// `holoforge args…` set up to run in the sandbox folder, for a test that spawns it itself
    /// (see [`spawn`]).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = holoforge_command();
        command.args(args).current_dir(self.dir.path());
        command
    }

    /// Names of the entries in the sandbox folder, sorted.
    pub fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.dir.path())
            .expect("read sandbox")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// Decodes a PNG (whatever its file name) into RGBA8.
#[track_caller]
pub fn read_png(path: &Path) -> image::RgbaImage {
    image::ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(image::ImageError::IoError)
        .and_then(|r| r.decode())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_rgba8()
}

/// The PNG frames (`frame_NNNNN.png`) of a sequence folder, in order.
#[track_caller]
pub fn read_sequence(folder: &Path) -> Vec<image::RgbaImage> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("frame_")))
        .collect();
    files.sort();
    files.iter().map(|p| read_png(p)).collect()
}

/// Runs ffprobe and returns `key=value` pairs of the first video stream.
#[track_caller]
pub fn ffprobe_stream(path: &Path) -> std::collections::HashMap<String, String> {
    let output = Command::new("ffprobe")
        .args(["-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries"])
        .arg("stream=codec_name,pix_fmt,width,height,nb_read_frames,r_frame_rate,color_space")
        .args(["-of", "default=noprint_wrappers=1"])
        .arg(path)
        .output()
        .expect("ffprobe runs");
    assert!(output.status.success(), "ffprobe failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect()
}

/// The animated test triangle (see `holoforge::harness::SLIDING_TRIANGLE`).
pub use holoforge::harness::SLIDING_TRIANGLE;
