//! Outputs appear only when complete, and never destroy what holoforge did not write.
//!
//! [`claim`] decides, before any work, whether an output may be written: it refuses protected
//! places (`/`, the home and current folders), folders holoforge did not write, special files
//! and existing outputs without `--force`, and takes the output's lock (one writer per output).
//! [`PendingOutput`] then writes under a hidden temporary name beside the target and moves the
//! finished work into place; anything unfinished is removed when dropped — also when the process
//! is killed by a second Ctrl-C (see [`remove_live_partials`]).

mod lock;
pub mod owned;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};

use crate::error::io_reason;
use crate::error::Problem;
pub use lock::OutputLock;
use owned::FolderContents;

/// Whether an output is one file or a folder of frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One file (a video, an image).
    File,
    /// A frame-sequence folder.
    Folder,
}

/// What is at the output path now, and so what finishing will replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Existing {
    /// Nothing (or, for a folder output, an empty folder).
    Nothing,
    /// A regular file or a symbolic link (the link itself is replaced, never what it points to).
    File,
    /// A frame-sequence folder holoforge wrote.
    OwnFolder,
}

/// Permission to write one output: checked, and locked against other writers.
#[derive(Debug, Clone)]
pub struct OutputClaim {
    target: PathBuf,
    shape: Shape,
    existing: Existing,
    /// Shared with the [`PendingOutput`]s of this claim; released when the last one goes.
    _lock: Option<Arc<OutputLock>>,
}

/// Checks that `target` may be written as `shape` (replacing what is there only with `force`, and
/// only when it is a file or a folder holoforge wrote), that it is none of `inputs` (see
/// [`OutputClaim::refuse_inputs`]), and takes its lock. Creates missing folders above it.
pub fn claim(target: &Path, shape: Shape, force: bool, inputs: &[PathBuf]) -> Result<OutputClaim> {
    let unlocked = check(target, shape, force, inputs)?;
    let folder = parent_folder(target);
    if let Some(file) = folder.ancestors().find(|a| a.is_file()) {
        return Err(Problem::usage(format!(
            "{}: cannot create the output folder: {} is a file, not a folder",
            folder.display(),
            file.display()
        ))
        .into());
    }
    std::fs::create_dir_all(folder).map_err(|e| {
        Problem::usage(format!("{}: cannot create the output folder: {}", folder.display(), io_reason(&e)))
    })?;
    let lock = OutputLock::acquire(target)?;
    Ok(OutputClaim { _lock: Some(Arc::new(lock)), ..unlocked })
}

impl OutputClaim {
    /// The output `-`: standard output, for formats that stream (nothing on disk to check or lock).
    pub fn stdout() -> Self {
        Self { target: PathBuf::from("-"), shape: Shape::File, existing: Existing::Nothing, _lock: None }
    }

    /// Whether the output is standard output (`-o -`).
    pub fn is_stdout(&self) -> bool {
        self.target.as_os_str() == "-"
    }

    /// The output path.
    pub fn path(&self) -> &Path {
        &self.target
    }

    /// Whether the output is a file or a folder.
    pub fn shape(&self) -> Shape {
        self.shape
    }

    /// Refuses an output that is one of `inputs` (the model and every file it reads), or — for a
    /// folder output — a folder that holds one, even with `--force`. Paths are compared after
    /// resolving `..` and symbolic links.
    pub fn refuse_inputs(&self, inputs: &[PathBuf]) -> Result<()> {
        if self.is_stdout() {
            return Ok(());
        }
        let target = canonical_target(&self.target);
        for input in inputs {
            let Ok(input) = input.canonicalize() else { continue };
            let clash = match self.shape {
                Shape::File => input == target,
                Shape::Folder => input.starts_with(&target),
            };
            let this = if input == target { "is" } else { "holds" };
            if clash || (self.shape == Shape::File && input.starts_with(&target) && target.is_dir()) {
                return Err(Problem::usage(format!(
                    "{}: the output {this} an input of the job ({}); holoforge never writes over its inputs",
                    self.target.display(),
                    input.display()
                ))
                .with_hint("choose another path with -o")
                .into());
            }
        }
        Ok(())
    }
}

/// The checks of [`claim`] without taking the lock or creating folders (for plans).
pub fn check(target: &Path, shape: Shape, force: bool, inputs: &[PathBuf]) -> Result<OutputClaim> {
    refuse_protected(target)?;
    let existing = existing(target, shape, force)?;
    let unlocked = OutputClaim { target: target.to_path_buf(), shape, existing, _lock: None };
    unlocked.refuse_inputs(inputs)?;
    Ok(unlocked)
}

/// The folder an output is written in (`.` for a bare name).
fn parent_folder(target: &Path) -> &Path {
    target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// The target with its folder resolved (the last component is kept, so a link is not followed).
fn canonical_target(target: &Path) -> PathBuf {
    if let Ok(real) = target.canonicalize() {
        return real;
    }
    let folder = parent_folder(target).canonicalize().unwrap_or_else(|_| parent_folder(target).to_path_buf());
    match target.file_name() {
        Some(name) => folder.join(name),
        None => folder,
    }
}

/// `/`, the home folder, the current folder and the folders above it are never outputs.
fn refuse_protected(target: &Path) -> Result<()> {
    let Ok(real) = target.canonicalize() else { return Ok(()) };
    if !real.is_dir() {
        return Ok(());
    }
    let here = std::env::current_dir().ok().and_then(|d| d.canonicalize().ok());
    let home = std::env::var_os("HOME").and_then(|h| PathBuf::from(h).canonicalize().ok());
    let what = if real.parent().is_none() {
        Some("the root folder")
    } else if Some(&real) == home.as_ref() {
        Some("your home folder")
    } else if Some(&real) == here.as_ref() {
        Some("the current folder")
    } else if here.as_ref().is_some_and(|h| h.starts_with(&real)) {
        Some("a folder above the current one")
    } else {
        None
    };
    match what {
        Some(what) => Err(Problem::usage(format!(
            "{}: is {what}; holoforge never writes an output there, even with --force",
            target.display()
        ))
        .with_hint("give a new file or folder name with -o")
        .into()),
        None => Ok(()),
    }
}

/// Classifies what is at the output path, refusing what must not be replaced.
fn existing(target: &Path, shape: Shape, force: bool) -> Result<Existing> {
    let meta = match std::fs::symlink_metadata(target) {
        Ok(meta) => meta,
        Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {
            return Ok(Existing::Nothing)
        }
        Err(e) => {
            return Err(
                Problem::usage(format!("{}: cannot check the output: {}", target.display(), io_reason(&e))).into()
            )
        }
    };
    let exists = || -> anyhow::Error {
        Problem::usage(format!("{}: the output already exists", target.display()))
            .with_hint("pass --force to replace it, or choose another path with -o")
            .into()
    };
    let file_type = meta.file_type();
    if file_type.is_file() || (file_type.is_symlink() && shape == Shape::File) {
        return if force { Ok(Existing::File) } else { Err(exists()) };
    }
    if file_type.is_symlink() {
        return Err(Problem::usage(format!(
            "{}: is a symbolic link; holoforge does not replace a link with a folder of frames",
            target.display()
        ))
        .with_hint("choose another path with -o")
        .into());
    }
    if !file_type.is_dir() {
        return Err(Problem::usage(format!(
            "{}: is {}, not a file or folder holoforge can write",
            target.display(),
            crate::scene::special_kind(&meta)
        ))
        .into());
    }
    let contents = owned::contents(target).map_err(|e| {
        Problem::usage(format!("{}: cannot read the output folder: {}", target.display(), io_reason(&e)))
    })?;
    match (contents, shape) {
        (FolderContents::Empty, Shape::Folder) => Ok(Existing::Nothing),
        (FolderContents::Own, _) if force => Ok(Existing::OwnFolder),
        (FolderContents::Own, _) => Err(exists()),
        (FolderContents::Empty, Shape::File) | (FolderContents::Foreign(_), Shape::File) => {
            Err(Problem::usage(format!("{} is a folder that holoforge did not write", target.display()))
                .with_hint("give a file name with -o (e.g. -o clip.mp4); holoforge never replaces your folders")
                .into())
        }
        (FolderContents::Foreign(name), Shape::Folder) => Err(Problem::usage(format!(
            "{} is a folder that holoforge did not write (it holds {name})",
            target.display()
        ))
        .with_hint("give a new or empty folder with -o; holoforge never replaces or deletes your files")
        .into()),
    }
}

/// Temporary paths of every output being written now, for [`remove_live_partials`].
static LIVE_PARTIALS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live_partials() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE_PARTIALS.lock().unwrap_or_else(|p| p.into_inner())
}

/// Removes every partial output and lock file of this process (before an immediate exit).
pub fn remove_live_partials() {
    for temp in live_partials().iter() {
        remove_partial(temp);
        if let Some(target) = target_of_partial(temp) {
            let _ = std::fs::remove_file(lock::lock_path(&target));
        }
    }
}

/// `.NAME.holoforge-partial-PID` → `NAME` in the same folder.
fn target_of_partial(temp: &Path) -> Option<PathBuf> {
    let name = temp.file_name()?.to_string_lossy().into_owned();
    let stem = name.strip_prefix('.')?.rsplit_once(".holoforge-partial-")?.0.to_string();
    Some(temp.with_file_name(stem))
}

/// Removes a partial output: a file, or a folder of holoforge's own files.
fn remove_partial(temp: &Path) {
    match std::fs::symlink_metadata(temp) {
        Ok(meta) if meta.is_dir() => {
            let _ = owned::remove_own_folder(temp);
        }
        Ok(_) => {
            let _ = std::fs::remove_file(temp);
        }
        Err(_) => {}
    }
}

/// A file or folder being written under a temporary name.
#[derive(Debug)]
pub struct PendingOutput {
    temp: PathBuf,
    claim: OutputClaim,
    committed: bool,
}

impl PendingOutput {
    /// Reserves a temporary path beside the claimed target (same folder, so the final rename is
    /// atomic) and removes what killed earlier runs left there. A folder output's temporary
    /// folder is created and marked as holoforge's.
    pub fn new(claim: &OutputClaim) -> Result<Self> {
        let target = claim.path();
        let folder = parent_folder(target);
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        remove_stale_partials(folder, &name);
        let temp = folder.join(format!(".{name}.holoforge-partial-{}", std::process::id()));
        live_partials().push(temp.clone());
        let pending = Self { temp, claim: claim.clone(), committed: false };
        if claim.shape == Shape::Folder {
            std::fs::create_dir(&pending.temp)
                .and_then(|()| owned::mark(&pending.temp))
                .with_context(|| format!("cannot create {}", pending.temp.display()))?;
        }
        Ok(pending)
    }

    /// Where the work is written until it is complete.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Moves the finished work into place, replacing only what the claim allowed.
    pub fn commit(mut self) -> Result<PathBuf> {
        let target = self.claim.target.clone();
        let moved = match (self.claim.existing, self.claim.shape) {
            (Existing::Nothing, Shape::File) => place_new_file(&self.temp, &target),
            (Existing::Nothing, Shape::Folder) => std::fs::rename(&self.temp, &target).map_err(anyhow::Error::from),
            (Existing::File, Shape::File) => std::fs::rename(&self.temp, &target).map_err(anyhow::Error::from),
            (Existing::File, Shape::Folder) => std::fs::remove_file(&target)
                .and_then(|()| std::fs::rename(&self.temp, &target))
                .map_err(anyhow::Error::from),
            (Existing::OwnFolder, _) => self.replace_own_folder(&target),
        };
        moved.with_context(|| format!("cannot move the finished output to {}", target.display()))?;
        self.committed = true;
        live_partials().retain(|p| p != &self.temp);
        Ok(target)
    }

    /// Swaps a folder holoforge wrote for the finished output; the old folder's own files are
    /// removed, anything else found in it by then is kept (under its hidden name) and reported.
    fn replace_own_folder(&self, target: &Path) -> Result<()> {
        if owned::contents(target)? != FolderContents::Own {
            anyhow::bail!("{} changed while rendering and now holds files holoforge did not write", target.display());
        }
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let old = parent_folder(target).join(format!(".{name}.holoforge-old-{}", std::process::id()));
        std::fs::rename(target, &old)?;
        std::fs::rename(&self.temp, target)?;
        owned::remove_own_folder(&old)
            .with_context(|| format!("the replaced folder {} kept files holoforge did not write", old.display()))
    }
}

/// Moves a finished file to a path that was free when the job started, without replacing
/// anything that appeared there since (a hard link fails on an existing name).
fn place_new_file(temp: &Path, target: &Path) -> Result<()> {
    match std::fs::hard_link(temp, target) {
        Ok(()) => Ok(std::fs::remove_file(temp)?),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            anyhow::bail!("{} appeared while rendering; it was left as it is", target.display())
        }
        // File systems without hard links: check, then rename.
        Err(_) if std::fs::symlink_metadata(target).is_err() => Ok(std::fs::rename(temp, target)?),
        Err(e) => Err(e.into()),
    }
}

impl Drop for PendingOutput {
    fn drop(&mut self) {
        if !self.committed {
            remove_partial(&self.temp);
            live_partials().retain(|p| p != &self.temp);
        }
    }
}

/// Removes what a killed earlier run left while writing `name` (its `.NAME.holoforge-partial-PID`
/// and `.NAME.holoforge-old-PID`); safe because the caller holds the output's lock.
fn remove_stale_partials(folder: &Path, name: &str) {
    let prefixes = [format!(".{name}.holoforge-partial-"), format!(".{name}.holoforge-old-")];
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| entry_name.starts_with(p.as_str())) {
            remove_partial(&entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_output_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("clip.mp4");
        {
            let claim = claim(&target, Shape::File, false, &[]).unwrap();
            let pending = PendingOutput::new(&claim).unwrap();
            std::fs::write(pending.temp_path(), b"half").unwrap();
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn committed_output_appears_under_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("clip.mp4");
        {
            let claim = claim(&target, Shape::File, false, &[]).unwrap();
            let pending = PendingOutput::new(&claim).unwrap();
            std::fs::write(pending.temp_path(), b"whole").unwrap();
            pending.commit().unwrap();
        }
        assert_eq!(std::fs::read(&target).unwrap(), b"whole");
        let err = claim(&target, Shape::File, false, &[]).unwrap_err();
        assert!(err.to_string().ends_with("clip.mp4: the output already exists"), "{err}");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no lock file left");
    }

    #[test]
    fn a_user_folder_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("mine");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("notes.txt"), b"keep").unwrap();
        for shape in [Shape::File, Shape::Folder] {
            let err = claim(&target, shape, true, &[]).unwrap_err();
            assert!(err.to_string().contains("is a folder that holoforge did not write"), "{err}");
        }
        assert_eq!(std::fs::read(target.join("notes.txt")).unwrap(), b"keep");
    }

    #[test]
    fn an_own_folder_is_replaced_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("frames");
        for round in 0..2u8 {
            let claim = claim(&target, Shape::Folder, round > 0, &[]).unwrap();
            let pending = PendingOutput::new(&claim).unwrap();
            std::fs::write(pending.temp_path().join("frame_00000.png"), [round]).unwrap();
            pending.commit().unwrap();
        }
        assert_eq!(std::fs::read(target.join("frame_00000.png")).unwrap(), [1]);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["frames"]);
    }

    #[test]
    fn an_output_that_is_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let model = dir.path().join("model.glb");
        std::fs::write(&model, b"glTF").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let err =
            claim(&dir.path().join("sub/../model.glb"), Shape::File, true, std::slice::from_ref(&model)).unwrap_err();
        assert!(err.to_string().contains("the output is an input of the job"), "{err}");
    }
}
