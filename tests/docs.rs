//! The man pages and shell completions are generated from the clap definition and checked in;
//! this test regenerates them and fails with the difference when they are stale.
//! `HOLOFORGE_BLESS=1 cargo test --test docs` rewrites them.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

fn generated() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let command = holoforge::cli::Cli::command();
    let mut files = Vec::new();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page).unwrap();
    files.push((root.join("man/holoforge.1"), page));
    for sub in command.get_subcommands() {
        let name = format!("holoforge-{}", sub.get_name());
        let sub = sub.clone().name(name.clone());
        let mut page = Vec::new();
        clap_mangen::Man::new(sub).render(&mut page).unwrap();
        files.push((root.join(format!("man/{name}.1")), page));
    }
    for (shell, file) in [
        (Shell::Bash, "holoforge.bash"),
        (Shell::Zsh, "_holoforge"),
        (Shell::Fish, "holoforge.fish"),
        (Shell::PowerShell, "_holoforge.ps1"),
        (Shell::Elvish, "holoforge.elv"),
    ] {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut command.clone(), "holoforge", &mut script);
        files.push((root.join("completions").join(file), script));
    }
    files
}

#[test]
fn man_pages_and_completions_are_up_to_date() {
    let bless = std::env::var_os("HOLOFORGE_BLESS").is_some();
    let mut stale = Vec::new();
    for (path, content) in generated() {
        if bless {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &content).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&content[..]) {
            stale.push(path.display().to_string());
        }
    }
    assert!(stale.is_empty(), "stale generated files (run `HOLOFORGE_BLESS=1 cargo test --test docs`): {stale:?}");
}
