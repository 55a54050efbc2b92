//! Resolving paths written inside model files (buffers, `.mtl`, textures) without ever leaving
//! the model's folder.

use std::path::{Component, Path, PathBuf};

use anyhow::Result;

use crate::error::Problem;

/// Joins a relative path from a model file onto `base_dir`, refusing absolute paths, drive
/// letters, schemes and `..` that climbs above `base_dir`. Backslashes count as separators.
pub fn resolve_inside(reference: &str, base_dir: &Path) -> Result<PathBuf> {
    let refuse = |why: &str| -> anyhow::Error {
        Problem::input(format!("{} {why}", crate::text::quoted(reference)))
            .with_hint("a model may only refer to files in its own folder or below it")
            .into()
    };
    let normalised = reference.trim().replace('\\', "/");
    if normalised.is_empty() {
        return Err(refuse("is an empty path"));
    }
    if normalised.starts_with('/') {
        return Err(refuse("is an absolute path"));
    }
    if let Some(colon) = normalised.find(':') {
        if !normalised[..colon].contains('/') {
            return Err(refuse("has a scheme or drive letter; only relative file paths are read"));
        }
    }
    let mut relative = PathBuf::new();
    for component in Path::new(&normalised).components() {
        match component {
            Component::Normal(part) => relative.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !relative.pop() {
                    return Err(refuse("points outside the model's folder"));
                }
            }
            Component::RootDir | Component::Prefix(_) => return Err(refuse("is an absolute path")),
        }
    }
    Ok(base_dir.join(relative))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_resolve_inside_the_folder() {
        let base = Path::new("/models/box");
        assert_eq!(resolve_inside("tex/a b.png", base).unwrap(), base.join("tex/a b.png"));
        assert_eq!(resolve_inside("sub/../b.bin", base).unwrap(), base.join("b.bin"));
        assert_eq!(resolve_inside(".\\images\\c.png", base).unwrap(), base.join("images/c.png"));
    }

    #[test]
    fn escaping_paths_are_refused() {
        let base = Path::new("/models/box");
        for path in [
            "../x.bin",
            "..\\x.bin",
            "/etc/passwd",
            "file:///etc/passwd",
            "C:\\x.bin",
            "http://a/b",
            "sub/../../x",
            "\\\\server\\share",
        ] {
            let err = resolve_inside(path, base).unwrap_err();
            assert!(err.to_string().starts_with(&format!("'{path}'")), "{path}: {err}");
        }
    }
}
