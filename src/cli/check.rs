//! `rencai check`: verify, without changing anything, that the archive is consistent.

use std::process::ExitCode;

use clap::Args;

use super::{DataArgs, runtime};
use crate::archive::{self, CheckDepth};
use crate::store::Location;

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Where the archive lives.
    #[command(flatten)]
    pub data: DataArgs,
    /// Check pages and records but do not match every database index against its table
    /// (much faster on a large archive).
    #[arg(long)]
    pub quick: bool,
}

/// Prints what was checked; exits 0 when consistent, 1 with the problems otherwise.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let depth = if args.quick {
        CheckDepth::Quick
    } else {
        CheckDepth::Full
    };
    let location = args.data.location()?;
    let report = runtime()?.block_on(archive::check(&args.data.data, &location, depth))?;
    if report.is_consistent() {
        println!(
            "consistent: {} articles in the database, the same {} in the index",
            report.articles, report.indexed
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "NOT consistent ({} articles in the database, {} documents in the index):",
        report.articles, report.indexed
    );
    for problem in &report.problems {
        println!("  - {problem}");
    }
    if report.problems.iter().any(|p| p.starts_with("index:")) {
        let database = if args.data.database.is_some() {
            " with the same --database"
        } else {
            ""
        };
        println!(
            "`rencai reindex --data {}`{database} rebuilds the index from the database.",
            args.data.data.display()
        );
    }
    if report.problems.iter().any(|p| p.starts_with("database:")) {
        if matches!(location, Location::Postgres(_)) {
            println!(
                "The database itself is damaged: restore it from a backup (pg_restore, see docs/deploy.md)."
            );
        } else {
            println!(
                "The database itself is damaged: restore the latest `rencai backup` copy (see the README)."
            );
        }
    }
    Ok(ExitCode::FAILURE)
}
