//! The man pages and shell completions are generated from the clap definition and checked in;
//! this test regenerates them and fails with the difference when they are stale.
//! `HOLOFORGE_BLESS=1 cargo test --test docs` (or `holoforge generate-docs .`) rewrites them.

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
    assert!(stale.is_empty(), "stale generated files (run `HOLOFORGE_BLESS=1 cargo test --test docs`): {stale:?}");
}
