//! One module per subcommand, each with one entry function.

pub mod doctor;
pub mod formats;
pub mod inspect;
pub mod render;

use crate::cli::{Cli, Command};
use crate::error::ExitCode;

/// Runs the parsed command line; returns the exit code.
pub fn dispatch(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Render(command) => render::render(command),
        Command::Demo(command) => render::demo(command),
        Command::Inspect(command) => inspect::inspect(command),
        Command::Formats(command) => formats::formats(command),
        Command::Doctor(command) => doctor::doctor(command),
    }
}
