//! Recognising what holoforge wrote: a frame-sequence folder carries a marker file and holds only
//! holoforge's own files (`frame_NNNNN.png|rgba`, `frames.json`, the marker). Only such folders
//! are ever replaced or removed, one known file at a time — never recursively.

use std::path::Path;

/// The marker file holoforge writes into every frame-sequence folder.
pub const MARKER: &str = ".holoforge-sequence";

/// What the marker says, for a person who finds it.
const MARKER_TEXT: &str =
    "This folder is a frame sequence written by holoforge. holoforge replaces it only when it holds\n\
nothing but its own files (frame_NNNNN.png/.rgba, frames.json and this marker).\n";

/// Writes the marker into a sequence folder being written.
pub fn mark(folder: &Path) -> std::io::Result<()> {
    std::fs::write(folder.join(MARKER), MARKER_TEXT)
}

/// Whether `name` is a file holoforge writes into a sequence folder.
pub fn is_own_file_name(name: &str) -> bool {
    if name == MARKER || name == "frames.json" {
        return true;
    }
    let Some((number, extension)) = name.strip_prefix("frame_").and_then(|rest| rest.split_once('.')) else {
        return false;
    };
    number.len() >= 5 && number.bytes().all(|b| b.is_ascii_digit()) && matches!(extension, "png" | "rgba")
}

/// What a folder holds, as far as replacing it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FolderContents {
    /// Nothing at all.
    Empty,
    /// holoforge's marker and only holoforge's own files.
    Own,
    /// Something holoforge did not write (the first such name is given), or no marker.
    Foreign(String),
}

/// Reads a folder's entries (not recursively) and classifies them.
pub fn contents(folder: &Path) -> std::io::Result<FolderContents> {
    let mut marked = false;
    let mut any = false;
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        any = true;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.file_type()?.is_file() || !is_own_file_name(&name) {
            return Ok(FolderContents::Foreign(name));
        }
        marked |= name == MARKER;
    }
    Ok(match (any, marked) {
        (false, _) => FolderContents::Empty,
        (true, true) => FolderContents::Own,
        (true, false) => FolderContents::Foreign("(no holoforge marker)".into()),
    })
}

/// Removes a folder holoforge wrote: its own files one by one, then the (then empty) folder.
/// Anything else in it stays, and so does the folder.
pub fn remove_own_folder(folder: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_file() && is_own_file_name(&name) {
            std::fs::remove_file(entry.path())?;
        }
    }
    std::fs::remove_dir(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_marked_folders_of_own_files_count_as_own() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        assert_eq!(contents(folder).unwrap(), FolderContents::Empty);
        std::fs::write(folder.join("frame_00000.png"), b"x").unwrap();
        assert_eq!(contents(folder).unwrap(), FolderContents::Foreign("(no holoforge marker)".into()));
        mark(folder).unwrap();
        assert_eq!(contents(folder).unwrap(), FolderContents::Own);
        std::fs::write(folder.join("notes.txt"), b"mine").unwrap();
        assert_eq!(contents(folder).unwrap(), FolderContents::Foreign("notes.txt".into()));
    }

    #[test]
    fn removing_an_own_folder_keeps_what_is_not_holoforges() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("frames");
        std::fs::create_dir(&folder).unwrap();
        mark(&folder).unwrap();
        std::fs::write(folder.join("frame_00001.png"), b"x").unwrap();
        std::fs::write(folder.join("keep.txt"), b"mine").unwrap();
        assert!(remove_own_folder(&folder).is_err(), "the folder is not empty afterwards");
        assert_eq!(std::fs::read(folder.join("keep.txt")).unwrap(), b"mine");
        assert!(!folder.join("frame_00001.png").exists());
        assert!(["frame_00000.png", "frame_123456.rgba", "frames.json"].iter().all(|n| is_own_file_name(n)));
        assert!(["frame_1.png", "frame_00000.jpg", "frame_0000a.png", "x.png"].iter().all(|n| !is_own_file_name(n)));
    }
}
