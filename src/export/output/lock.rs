//! One writer per output: an advisory lock (`flock`) on `.NAME.holoforge-lock` beside the output,
//! holding the writer's process id, taken before anything is written and released (and the lock
//! file removed) when the output is finished or abandoned.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::Problem;

/// A held lock on one output path; dropping it removes the lock file and releases the lock.
#[derive(Debug)]
pub struct OutputLock {
    path: PathBuf,
    file: File,
}

impl OutputLock {
    /// Takes the lock for writing `target` (whose folder must exist), or says which process holds it.
    pub fn acquire(target: &Path) -> Result<Self> {
        let path = lock_path(target);
        // The holder removes the lock file before it unlocks, so a file locked here may already be
        // gone from the folder: lock again until the locked file is the one at the path.
        for _ in 0..16 {
            let mut options = OpenOptions::new();
            options.read(true).write(true).create(true).truncate(false);
            // Never through a link: a lock path that is a symbolic link must not truncate its target.
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
            let mut file = options.open(&path).map_err(|e| {
                Problem::usage(format!(
                    "{}: cannot create a lock file beside the output: {}",
                    path.display(),
                    crate::error::io_reason(&e)
                ))
            })?;
            if !file.metadata().is_ok_and(|m| m.is_file()) {
                return Err(Problem::usage(format!("{}: is not a lock file holoforge can use", path.display())).into());
            }
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => return Err(busy(target, &mut file)),
                Err(TryLockError::Error(e)) => {
                    return Err(Problem::usage(format!(
                        "{}: cannot lock the output: {}",
                        target.display(),
                        crate::error::io_reason(&e)
                    ))
                    .into())
                }
            }
            if same_file(&file, &path) {
                file.set_len(0)?;
                file.rewind()?;
                write!(file, "{}", std::process::id())?;
                file.flush()?;
                return Ok(Self { path, file });
            }
        }
        Err(Problem::usage(format!("{}: the output's lock keeps changing hands", target.display())).into())
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// `.NAME.holoforge-lock` beside `target`.
pub fn lock_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.holoforge-lock"))
}

fn busy(target: &Path, file: &mut File) -> anyhow::Error {
    let mut text = String::new();
    let _ = file.take(32).read_to_string(&mut text);
    let holder = match text.trim().parse::<u32>() {
        Ok(pid) => format!("process {pid}"),
        Err(_) => "another holoforge process".to_string(),
    };
    Problem::usage(format!("{}: the output is being written by {holder}", target.display()))
        .with_hint("wait for that render to finish, or choose another path with -o")
        .into()
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_told_who_holds_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("clip.mp4");
        let lock = OutputLock::acquire(&target).unwrap();
        let err = OutputLock::acquire(&target).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{}: the output is being written by process {}", target.display(), std::process::id())
        );
        drop(lock);
        assert!(!lock_path(&target).exists(), "the lock file is removed");
        OutputLock::acquire(&target).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_path_that_is_a_link_never_truncates_what_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("clip.mp4");
        std::fs::write(dir.path().join("mine.txt"), b"keep").unwrap();
        std::os::unix::fs::symlink(dir.path().join("mine.txt"), lock_path(&target)).unwrap();
        assert!(OutputLock::acquire(&target).is_err());
        assert_eq!(std::fs::read(dir.path().join("mine.txt")).unwrap(), b"keep");
    }
}
