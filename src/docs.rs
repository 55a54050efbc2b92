//! Man pages and shell completions, generated from the clap definition (the one source of the
//! command-line documentation). `holoforge generate-docs DIR` writes them; a test keeps the
//! checked-in copies in `man/` and `completions/` current.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

/// The man pages: `holoforge.1` and one `holoforge-SUBCOMMAND.1` per visible subcommand.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let command = Cli::command();
    let mut pages = Vec::new();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page).expect("rendering to memory cannot fail");
    pages.push(("holoforge.1".to_string(), page));
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("holoforge-{}", sub.get_name());
        let mut page = Vec::new();
        clap_mangen::Man::new(sub.clone().name(name.clone()))
            .render(&mut page)
            .expect("rendering to memory cannot fail");
        pages.push((format!("{name}.1"), page));
    }
    pages
}

/// The completion script for `shell`.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "holoforge", &mut script);
    script
}

/// The checked-in completion scripts: shell and file name under `completions/`.
pub const COMPLETION_FILES: &[(Shell, &str)] = &[
    (Shell::Bash, "holoforge.bash"),
    (Shell::Zsh, "_holoforge"),
    (Shell::Fish, "holoforge.fish"),
    (Shell::PowerShell, "_holoforge.ps1"),
    (Shell::Elvish, "holoforge.elv"),
];

/// Every generated file: path relative to the repository root, and its content.
pub fn generate() -> Vec<(PathBuf, Vec<u8>)> {
    let pages = man_pages().into_iter().map(|(name, page)| (PathBuf::from("man").join(name), page));
    let scripts =
        COMPLETION_FILES.iter().map(|(shell, file)| (PathBuf::from("completions").join(file), completion(*shell)));
    pages.chain(scripts).collect()
}

/// Writes every generated file under `root` (`holoforge generate-docs .` refreshes the checked-in
/// copies): each replaces only a regular file at its own path, never a folder.
pub fn write_all(root: &Path) -> Result<()> {
    use crate::export::output::{self, PendingOutput, Shape};
    for (relative, content) in generate() {
        let claim = output::claim(&root.join(relative), Shape::File, true, &[])?;
        let pending = PendingOutput::new(&claim)?;
        std::fs::write(pending.temp_path(), content)
            .with_context(|| format!("cannot write {}", pending.temp_path().display()))?;
        pending.commit()?;
    }
    Ok(())
}

/// `holoforge man [DIR]`: writes every man page into DIR (an existing page only with `force`, and
/// never over anything but a file), or prints holoforge(1) without one.
pub fn man(dir: Option<&Path>, force: bool) -> Result<()> {
    use crate::export::output::{self, PendingOutput, Shape};
    let pages = man_pages();
    let Some(dir) = dir else {
        let text = String::from_utf8_lossy(&pages[0].1).into_owned();
        crate::outln!("{}", text.trim_end());
        return Ok(());
    };
    let claims = pages
        .iter()
        .map(|(name, _)| output::claim(&dir.join(name), Shape::File, force, &[]))
        .collect::<Result<Vec<_>>>()?;
    for ((_, page), claim) in pages.iter().zip(&claims) {
        let pending = PendingOutput::new(claim)?;
        std::fs::write(pending.temp_path(), page)
            .with_context(|| format!("cannot write {}", pending.temp_path().display()))?;
        pending.commit()?;
    }
    Ok(())
}
