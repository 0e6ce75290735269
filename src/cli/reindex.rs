//! `rencai reindex`: rebuild the search index from the database.

use std::process::ExitCode;

use super::{DataArgs, runtime};
use crate::archive::Archive;

/// Rebuilds the index and reports how many articles it holds.
pub fn run(args: DataArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let started = std::time::Instant::now();
        let archive = Archive::open_unsynced(&args.data, &args.location()?).await?;
        let count = archive.reindex().await?;
        println!(
            "reindexed {count} articles in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        Ok(ExitCode::SUCCESS)
    })
}
