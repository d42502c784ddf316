//! The `parallax` command: parse arguments, run the engine, then either
//! write a report (`--export`) or open the reader.

mod cli;
mod config;
mod progress;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
