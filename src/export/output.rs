//! Outputs appear only when complete: work goes to a hidden temporary path beside the target and
//! is renamed into place at the end; anything unfinished is removed when dropped.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::error::Problem;

/// A file or folder being written under a temporary name.
#[derive(Debug)]
pub struct PendingOutput {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl PendingOutput {
    /// Reserves a temporary path beside `target` (same folder, so the final rename is atomic).
    /// Refuses an existing target unless `force`.
    pub fn new(target: &Path, force: bool) -> Result<Self> {
        check_target(target, force)?;
        let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(folder).map_err(|e| {
            Problem::usage(format!(
                "{}: cannot create the output folder: {}",
                folder.display(),
                crate::scene::io_reason(&e)
            ))
        })?;
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        remove_stale_partials(folder, &name);
        let temp = folder.join(format!(".{name}.holoforge-partial-{}", std::process::id()));
        Ok(Self { temp, target: target.to_path_buf(), committed: false })
    }

    /// Where the work is written until it is complete.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Moves the finished work into place (replacing an existing output when forced).
    pub fn commit(mut self) -> Result<PathBuf> {
        if self.target.is_dir() {
            std::fs::remove_dir_all(&self.target)
                .with_context(|| format!("cannot replace the folder {}", self.target.display()))?;
        }
        std::fs::rename(&self.temp, &self.target)
            .with_context(|| format!("cannot move the finished output to {}", self.target.display()))?;
        self.committed = true;
        Ok(self.target.clone())
    }
}

impl Drop for PendingOutput {
    fn drop(&mut self) {
        if !self.committed {
            if self.temp.is_dir() {
                let _ = std::fs::remove_dir_all(&self.temp);
            } else {
                let _ = std::fs::remove_file(&self.temp);
            }
        }
    }
}

/// Removes what a killed earlier run left while writing `name` (its `.NAME.holoforge-partial-PID`).
fn remove_stale_partials(folder: &Path, name: &str) {
    let prefix = format!(".{name}.holoforge-partial-");
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let path = entry.path();
            let _ = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        }
    }
}

/// Errors when `target` exists and `force` is not set.
pub fn check_target(target: &Path, force: bool) -> Result<()> {
    if target.exists() && !force {
        return Err(Problem::usage(format!("{}: the output already exists", target.display()))
            .with_hint("pass --force to overwrite it, or choose another path with -o")
            .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_output_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("clip.mp4");
        {
            let pending = PendingOutput::new(&target, false).unwrap();
            std::fs::write(pending.temp_path(), b"half").unwrap();
        }
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn committed_output_appears_under_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("clip.mp4");
        let pending = PendingOutput::new(&target, false).unwrap();
        std::fs::write(pending.temp_path(), b"whole").unwrap();
        pending.commit().unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"whole");
        let err = PendingOutput::new(&target, false).unwrap_err();
        assert!(err.to_string().ends_with("clip.mp4: the output already exists"), "{err}");
    }
}
