//! One module per subcommand, each with one entry function.

pub mod bench;
pub mod doctor;
pub mod encode;
pub mod formats;
pub mod inspect;
pub mod outputs;
pub mod render;
pub mod run;

use crate::cli::{Cli, Command};
use crate::error::Exit;

/// Runs the parsed command line; returns the exit code.
pub fn dispatch(cli: Cli) -> anyhow::Result<Exit> {
    match cli.command {
        Command::Render(command) => render::render(command),
        Command::Demo(command) => render::demo(command),
        Command::Run(command) => run::run(command),
        Command::Validate(command) => run::validate(command),
        Command::Encode(command) => encode::encode(command),
        Command::Inspect(command) => inspect::inspect(command),
        Command::Formats(command) => formats::formats(command),
        Command::Doctor(command) => doctor::doctor(command),
        Command::Bench(command) => bench::bench(command),
        Command::Completions { shell } => {
            crate::outln!("{}", String::from_utf8_lossy(&crate::docs::completion(shell)).trim_end());
            Ok(Exit::Success)
        }
        Command::Man { dir, force } => crate::docs::man(dir.as_deref(), force).map(|()| Exit::Success),
        Command::GenerateDocs { dir } => crate::docs::write_all(&dir).map(|()| Exit::Success),
    }
}
