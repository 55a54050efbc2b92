//! The `holoforge` binary: parse, run, map errors to a message and an exit code.

use clap::Parser;

use holoforge::error::{render_for_terminal, ExitCode};

fn main() {
    let cli = holoforge::cli::Cli::parse();
    let code = match holoforge::commands::dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{}", render_for_terminal(&error));
            ExitCode::for_error(&error)
        }
    };
    std::process::exit(code as i32);
}
