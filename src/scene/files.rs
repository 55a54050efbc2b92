//! Every file a model load opens: the model itself and the files it names (glTF buffers and
//! images, OBJ material libraries and textures), confined to the model's folder.
//!
//! A file is opened first and checked afterwards — its real path (read back from the open file)
//! must lie inside the model's folder and it must be a regular file — so the file checked is the
//! file read, and symbolic links that lead outside are refused, naming the link. Opening never
//! blocks on a FIFO: special files are refused by kind.

use std::collections::HashMap;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::error::io_reason;
use crate::error::Problem;
use crate::text::quoted;

/// Largest file a model names (`.mtl`, texture) that is read.
pub const MAX_SIDE_FILE_BYTES: u64 = 1 << 30;

/// What a loader may read besides the model: files named relative to the model's folder.
pub trait ModelFiles {
    /// Reads `relative` (a path inside the model's folder, already free of `..` and roots), at
    /// most `limit` bytes; `reference` is the name as the model wrote it, for messages.
    fn read(&mut self, relative: &Path, reference: &str, limit: u64) -> Result<Vec<u8>>;
}

/// The real model folder on disk.
#[derive(Debug)]
pub struct FolderFiles {
    /// The folder as the user named it (for messages and joining).
    folder: PathBuf,
    /// Its canonical path (symbolic links resolved): every file read must lie inside it.
    root: PathBuf,
    /// Canonical paths of the files read so far.
    pub read: Vec<PathBuf>,
}

impl FolderFiles {
    /// The folder holding `model` (which must exist).
    pub fn of_model(model: &Path) -> Result<Self> {
        let folder = model.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
        let root = folder.canonicalize().map_err(|e| {
            Problem::input(format!("{}: cannot resolve the model's folder: {}", folder.display(), io_reason(&e)))
        })?;
        Ok(Self { folder, root, read: Vec::new() })
    }

    /// The first symbolic link on the way from the folder to `relative` that leads outside it.
    fn escaping_link(&self, relative: &Path) -> Option<(PathBuf, PathBuf)> {
        let mut path = self.folder.clone();
        for component in relative.components() {
            path.push(component);
            let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            if is_link {
                let destination = path.canonicalize().unwrap_or_else(|_| std::fs::read_link(&path).unwrap_or_default());
                if !destination.starts_with(&self.root) {
                    return Some((path, destination));
                }
            }
        }
        None
    }
}

impl ModelFiles for FolderFiles {
    fn read(&mut self, relative: &Path, reference: &str, limit: u64) -> Result<Vec<u8>> {
        let path = self.folder.join(relative);
        let (file, meta) = open_regular(&path)?;
        let real = real_path(&file, &path)?;
        if !real.starts_with(&self.root) {
            let why = match self.escaping_link(relative) {
                Some((link, to)) => {
                    format!("{} is a symbolic link to {}, outside the model's folder", link.display(), to.display())
                }
                None => format!("{} lies outside the model's folder", real.display()),
            };
            return Err(Problem::input(format!("{}: {why}", quoted(reference)))
                .with_hint(
                    "a model may only read files inside its own folder; copy the file there instead of linking it",
                )
                .into());
        }
        let bytes = read_bounded(file, &meta, &path, limit)?;
        self.read.push(real);
        Ok(bytes)
    }
}

/// Files held in memory (fuzzing and tests): relative path → bytes.
#[derive(Debug, Default)]
pub struct MemoryFiles(pub HashMap<PathBuf, Vec<u8>>);

impl ModelFiles for MemoryFiles {
    fn read(&mut self, relative: &Path, reference: &str, limit: u64) -> Result<Vec<u8>> {
        match self.0.get(relative) {
            Some(bytes) if bytes.len() as u64 <= limit => Ok(bytes.clone()),
            Some(bytes) => Err(too_large(reference, bytes.len() as u64, limit)),
            None => Err(Problem::input(format!("{}: no such file", quoted(reference))).into()),
        }
    }
}

/// No files at all: a model read from standard input has no folder to read others from.
#[derive(Debug, Default)]
pub struct NoFiles;

impl ModelFiles for NoFiles {
    fn read(&mut self, _relative: &Path, reference: &str, _limit: u64) -> Result<Vec<u8>> {
        Err(Problem::input(format!(
            "{}: a model read from standard input cannot refer to other files",
            quoted(reference)
        ))
        .with_hint(
            "give the model's path instead of -, or pack it into one .glb (e.g. `gltf-transform copy in.gltf out.glb`)",
        )
        .into())
    }
}

/// Opens `path` for reading without blocking and without following it into a special file:
/// a directory, FIFO, socket or device is refused by kind.
pub fn open_regular(path: &Path) -> Result<(File, Metadata)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options
        .open(path)
        .map_err(|e| Problem::input(format!("{}: cannot read it: {}", path.display(), io_reason(&e))))?;
    let meta = file
        .metadata()
        .map_err(|e| Problem::input(format!("{}: cannot read it: {}", path.display(), io_reason(&e))))?;
    if !meta.is_file() {
        return Err(Problem::input(format!("{}: is {}, not a file", path.display(), special_kind(&meta))).into());
    }
    Ok((file, meta))
}

/// What kind of non-regular file `meta` describes, for messages (`a FIFO`).
pub fn special_kind(meta: &Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    if kind.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    "a special file"
}

/// The real path of an open file (from the file itself where the system tells, so it cannot
/// change between the check and the read).
fn real_path(file: &File, path: &Path) -> Result<PathBuf> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        if let Ok(real) = std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())) {
            return Ok(real);
        }
    }
    let _ = file;
    path.canonicalize()
        .map_err(|e| Problem::input(format!("{}: cannot resolve it: {}", path.display(), io_reason(&e))).into())
}

/// Reads an open regular file of at most `limit` bytes.
pub fn read_bounded(file: File, meta: &Metadata, path: &Path, limit: u64) -> Result<Vec<u8>> {
    if meta.len() > limit {
        return Err(too_large(&path.display().to_string(), meta.len(), limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::input(format!("{}: cannot read it: {}", path.display(), io_reason(&e))))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(&path.display().to_string(), bytes.len() as u64, limit));
    }
    Ok(bytes)
}

fn too_large(what: &str, bytes: u64, limit: u64) -> anyhow::Error {
    Problem::input(format!(
        "{what}: the file is {} bytes, over the {} limit for one file",
        bytes,
        super::budget::describe_bytes(limit)
    ))
    .into()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_link_out_of_the_folder_is_refused_and_named() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.bin"), b"secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("model.gltf"), b"{}").unwrap();
        std::fs::write(dir.path().join("ok.bin"), b"ok").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.bin"), dir.path().join("link.bin")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("textures")).unwrap();
        let mut files = FolderFiles::of_model(&dir.path().join("model.gltf")).unwrap();
        assert_eq!(files.read(Path::new("ok.bin"), "ok.bin", 100).unwrap(), b"ok");
        let err = files.read(Path::new("link.bin"), "link.bin", 100).unwrap_err();
        assert!(err.to_string().starts_with("'link.bin': "), "{err}");
        assert!(err.to_string().contains("link.bin is a symbolic link to"), "{err}");
        let err = files.read(Path::new("textures/secret.bin"), "textures/secret.bin", 100).unwrap_err();
        assert!(err.to_string().contains("textures is a symbolic link to"), "{err}");
        assert_eq!(files.read.len(), 1);
    }

    #[test]
    fn a_fifo_is_refused_by_kind_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.glb");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().map(|s| s.success());
        if made.ok() != Some(true) {
            return;
        }
        let err = open_regular(&fifo).unwrap_err();
        assert!(err.to_string().ends_with("pipe.glb: is a FIFO, not a file"), "{err}");
    }
}
