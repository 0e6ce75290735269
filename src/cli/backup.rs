//! `rencai backup`: a consistent copy of the database, taken while the archive is in use.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Args;

use super::{DataArgs, runtime};
use crate::store::Store;

/// Arguments of `backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where the archive lives.
    #[command(flatten)]
    pub data: DataArgs,
    /// The copy to write (a new file; an existing one is never overwritten).
    pub out: PathBuf,
}

/// Copies the database into `out`, through a temporary file beside it renamed at the end, so
/// that `out` is either absent or complete.
pub fn run(args: BackupArgs) -> anyhow::Result<ExitCode> {
    if args.out.exists() {
        bail!(
            "{} already exists; give a new file name",
            args.out.display()
        );
    }
    let name = args
        .out
        .file_name()
        .with_context(|| format!("{} names no file", args.out.display()))?;
    let partial = args
        .out
        .with_file_name(format!(".{}.partial", name.to_string_lossy()));
    if partial.exists() {
        std::fs::remove_file(&partial)
            .with_context(|| format!("removing the unfinished copy {}", partial.display()))?;
    }
    let started = std::time::Instant::now();
    let location = args.data.location()?;
    runtime()?.block_on(async {
        let store = Store::open_read_only(&location).await?;
        let copied = store.backup_into(&partial).await;
        store.close().await;
        copied
    })?;
    std::fs::File::open(&partial)
        .and_then(|f| f.sync_all())
        .with_context(|| format!("flushing {}", partial.display()))?;
    std::fs::rename(&partial, &args.out)
        .with_context(|| format!("renaming {} to {}", partial.display(), args.out.display()))?;
    println!(
        "backed up {} to {} ({} bytes) in {:.1} s",
        location.describe(),
        args.out.display(),
        std::fs::metadata(&args.out)
            .map(|m| m.len())
            .unwrap_or_default(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
