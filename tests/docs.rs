//! The man pages and shell completions are generated from the clap definition and checked in;
//! this test regenerates them and fails with the difference when they are stale.
//! `HOLOFORGE_BLESS=1 cargo test --test suite docs::` (or `holoforge generate-docs .`) rewrites them.

use std::path::Path;

#[test]
fn man_pages_and_completions_are_up_to_date() {
    let bless = std::env::var_os("HOLOFORGE_BLESS").is_some();
    let mut stale = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (relative, content) in holoforge::docs::generate() {
        let path = root.join(relative);
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &content).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&content[..]) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run `HOLOFORGE_BLESS=1 cargo test --test suite docs::`): {stale:?}"
    );
}

#[test]
fn the_binary_prints_the_checked_in_completions_and_writes_the_man_pages() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let holoforge = |args: &[&str]| crate::util::holoforge_command().args(args).output().unwrap();
    for (shell, file) in [("bash", "holoforge.bash"), ("zsh", "_holoforge"), ("fish", "holoforge.fish")] {
        let output = holoforge(&["completions", shell]);
        assert!(output.status.success());
        let checked_in = std::fs::read_to_string(root.join("completions").join(file)).unwrap();
        assert_eq!(String::from_utf8_lossy(&output.stdout).trim_end(), checked_in.trim_end(), "{shell}");
    }
    let dir = tempfile::tempdir().unwrap();
    assert!(holoforge(&["man", dir.path().to_str().unwrap()]).status.success());
    for page in ["man1/holoforge.1", "man1/holoforge-render.1", "man1/holoforge-run.1", "man5/holoforge-manifest.5"] {
        assert_eq!(std::fs::read(dir.path().join(page)).unwrap(), std::fs::read(root.join("man").join(page)).unwrap());
    }
    // Pages already there are replaced only with --force.
    assert_eq!(holoforge(&["man", dir.path().to_str().unwrap()]).status.code(), Some(2));
    assert!(holoforge(&["man", dir.path().to_str().unwrap(), "--force"]).status.success());
    let printed = holoforge(&["man"]);
    assert!(String::from_utf8_lossy(&printed.stdout).starts_with(".ie \\n(.g .ds Aq"), "a roff page");
}
