//! Man pages and shell completions, generated from the clap definition (the one source of the
//! command-line documentation). `holoforge generate-docs DIR` writes them; a test keeps the
//! checked-in copies in `man/` and `completions/` current.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// Every generated file: path relative to the repository root, and its content.
pub fn generate() -> Vec<(PathBuf, Vec<u8>)> {
    let command = Cli::command();
    let mut files = Vec::new();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page).expect("rendering to memory cannot fail");
    files.push((PathBuf::from("man/holoforge.1"), page));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("holoforge-{}", sub.get_name());
        let mut page = Vec::new();
        clap_mangen::Man::new(sub.clone().name(name.clone()))
            .render(&mut page)
            .expect("rendering to memory cannot fail");
        files.push((PathBuf::from(format!("man/{name}.1")), page));
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
        files.push((PathBuf::from("completions").join(file), script));
    }
    files
}

/// Writes every generated file under `root`.
pub fn write_all(root: &Path) -> Result<()> {
    for (relative, content) in generate() {
        let path = root.join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).with_context(|| format!("cannot create {}", folder.display()))?;
        }
        std::fs::write(&path, content).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
