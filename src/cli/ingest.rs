//! `rencai ingest`: add files and directories to the archive.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{DataArgs, runtime};
use crate::archive::Archive;

/// Arguments of `ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Where the archive lives.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print a machine-readable JSON report instead of the summary line.
    #[arg(long)]
    pub json: bool,
    /// Files or directories to ingest.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Ingests, prints one line per rejected file and a summary; exit 1 when any was rejected.
pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let archive = Archive::open(&args.data.data).await?;
        let bar = if std::io::stderr().is_terminal() && !args.json {
            ProgressBar::new(0)
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        let report = archive
            .ingest_paths(&args.paths, |done, total, name| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
                bar.set_message(name.to_string());
            })
            .await?;
        bar.finish_and_clear();
        if args.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            for r in &report.rejected {
                eprintln!("rejected {}: {}", r.file, r.reason);
            }
            println!("{}", report.summary());
        }
        Ok(if report.rejected.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    })
}
