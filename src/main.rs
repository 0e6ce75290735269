use std::process::ExitCode;

use clap::Parser;
use rencai::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    rencai::cli::init_tracing();
    let result = match cli.command {
        Command::Ingest(args) => rencai::cli::ingest::run(args),
        Command::Serve(args) => rencai::cli::serve::run(args),
        Command::Reindex(args) => rencai::cli::reindex::run(args),
        Command::Check(args) => rencai::cli::check::run(args),
        Command::Backup(args) => rencai::cli::backup::run(args),
        Command::Export(args) => rencai::cli::export::run(*args),
        Command::Compact(args) => rencai::cli::compact::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rencai: {e:#}");
            ExitCode::FAILURE
        }
    }
}
