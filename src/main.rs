//! The `holoforge` binary: parse, run, map errors to a message and an exit code.

use clap::Parser;

use holoforge::error::{render_for_terminal, Exit};

fn main() {
    let cli = holoforge::cli::Cli::parse();
    // Commands that write outputs stop cleanly on a signal; the others simply die, as usual.
    if cli.command.writes_outputs() {
        holoforge::interrupt::install();
    }
    let code = match holoforge::commands::dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{}", render_for_terminal(&error));
            Exit::for_error(&error)
        }
    };
    let code = match code {
        Exit::Interrupted => holoforge::interrupt::exit_code(),
        other => other as i32,
    };
    std::process::exit(code);
}
