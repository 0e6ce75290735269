//! `rencai ingest`: add files and directories to the archive.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::{DataArgs, runtime};
use crate::archive::{Archive, IngestOptions, ingest_store_only};
use crate::ingest::pipeline::Progress;
use crate::store::{Backend, Store};

/// How often the progress line is redrawn.
const REDRAW: Duration = Duration::from_millis(250);

/// Arguments of `ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Where the archive lives.
    #[command(flatten)]
    pub data: DataArgs,
    /// Print a machine-readable JSON report instead of the summary line.
    #[arg(long)]
    pub json: bool,
    /// Threads preparing articles (default: one per core).
    #[arg(long, env = "RENCAI_WORKERS")]
    pub workers: Option<usize>,
    /// Files or directories to ingest.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Ingests, prints one line per rejected file and a summary; exit 1 when any was rejected.
pub fn run(args: IngestArgs) -> anyhow::Result<ExitCode> {
    runtime()?.block_on(async {
        let location = args.data.location()?;
        let mut options = IngestOptions::default();
        if let Some(workers) = args.workers {
            options.workers = workers.max(1);
        }
        let progress = Arc::new(Progress::default());
        let bar = if std::io::stderr().is_terminal() && !args.json {
            ProgressBar::new(0)
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        let ticker = tokio::spawn(draw(bar.clone(), progress.clone()));
        let report = match location.backend() {
            Backend::Sqlite => {
                let archive = Archive::open_at(&args.data.data, &location).await?;
                archive.ingest_with(&args.paths, &options, progress).await
            }
            // The serve nodes index what this writes, following the change log.
            Backend::Postgres => {
                let store = Store::open(&location).await?;
                let report = ingest_store_only(&store, &args.paths, &options, progress).await;
                store.close().await;
                report
            }
        };
        ticker.abort();
        bar.finish_and_clear();
        let report = report?;
        if args.json {
            println!("{}", serde_json::to_string_pretty(&report)?);
        } else {
            for r in &report.rejected {
                eprintln!("rejected {}: {}", r.file, r.reason);
            }
            let unlisted = report.rejected_total - report.rejected.len();
            if unlisted > 0 {
                eprintln!("… and {unlisted} more rejected");
            }
            println!("{}", report.summary());
        }
        Ok(if report.rejected_total == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    })
}

/// Redraws the progress line: files, articles, MB/s and the time left.
async fn draw(bar: ProgressBar, progress: Arc<Progress>) {
    let started = Instant::now();
    loop {
        tokio::time::sleep(REDRAW).await;
        let bytes = progress.bytes.load(Ordering::Relaxed);
        let total = progress.total_bytes.load(Ordering::Relaxed).max(bytes);
        let listed = progress.listed.load(Ordering::Relaxed);
        let seconds = started.elapsed().as_secs_f64().max(0.001);
        let rate = bytes as f64 / seconds;
        let eta = if listed && rate > 0.0 {
            let left = (total - bytes) as f64 / rate;
            format!("{}m{:02}s left", (left / 60.0) as u64, left as u64 % 60)
        } else {
            "listing…".to_string()
        };
        bar.set_length(total);
        bar.set_position(bytes);
        bar.set_message(format!(
            "{} files, {} articles, {:.1} MB/s, {eta}",
            progress.files.load(Ordering::Relaxed),
            progress.articles.load(Ordering::Relaxed),
            rate / 1e6,
        ));
    }
}
