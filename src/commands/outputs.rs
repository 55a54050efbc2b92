//! What a finished command says about the outputs it wrote: their sizes.

use std::path::Path;

/// Bytes of a file, or of the files directly in a folder (a frame sequence); 0 when unreadable.
pub fn size_in_bytes(path: &Path) -> u64 {
    if path.is_dir() {
        std::fs::read_dir(path)
            .map(|entries| entries.filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum())
            .unwrap_or(0)
    } else {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }
}

/// A short description of a file's or folder's size (`1.2 MB`), for messages.
pub fn describe_size(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "standard output".into();
    }
    match size_in_bytes(path) {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{:.1} kB", b as f64 / 1e3),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::describe_size;

    #[test]
    fn sizes_are_decimal_units_at_decimal_thresholds() {
        let folder = tempfile::tempdir().unwrap();
        let sized = |bytes: usize| {
            let path = folder.path().join(format!("{bytes}.bin"));
            std::fs::write(&path, vec![0u8; bytes]).unwrap();
            describe_size(&path)
        };
        assert_eq!(sized(999), "999 bytes");
        assert_eq!(sized(1_000), "1.0 kB");
        assert_eq!(sized(999_949), "999.9 kB");
        assert_eq!(sized(1_000_000), "1.0 MB");
        assert_eq!(sized(1_048_576), "1.0 MB");
    }
}
