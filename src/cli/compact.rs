//! `rencai compact`: compact the change log to the newest change of each article.

use std::process::ExitCode;

use super::{DataArgs, runtime};
use crate::store::Store;

/// Drops superseded change-log entries and says how many remain.
pub fn run(args: DataArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let store = Store::open(&args.location()?).await?;
        let dropped = store.compact_changes().await?;
        let kept = store.count_changes().await?;
        store.close().await;
        println!("change log compacted: {dropped} superseded entries dropped, {kept} kept");
        Ok(ExitCode::SUCCESS)
    })
}
