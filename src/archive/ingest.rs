//! Ingest into the archive: the pipeline's batches stored in order, the index fed as they land.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use super::follow::Known;
use super::{Archive, ArchiveError};
use crate::ingest::pipeline::{self, Progress};
use crate::ingest::{self, FileOutcome, IngestReport, write};
use crate::sample;
use crate::search::Synced;
use crate::store::Store;

/// Indexing threads while ingesting: tantivy tokenises on its own threads, beside the workers.
const INGEST_INDEX_THREADS: usize = 2;
/// How often a long ingest commits the index, so a server shows progress and a killed run
/// loses little indexing work.
const INDEX_COMMIT_EVERY: Duration = Duration::from_secs(60);
/// How long an ingest that could not take the index writer waits for it at the end.
const WAIT_FOR_WRITER: Duration = Duration::from_secs(30);

/// How to run an ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Threads preparing units (decoding, extraction, placing, duplicate keys).
    pub workers: usize,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            workers: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

impl Archive {
    /// Ingests files and directories with the default options.
    pub async fn ingest_paths(&self, paths: &[PathBuf]) -> Result<IngestReport, ArchiveError> {
        let progress = Arc::new(Progress::default());
        self.ingest_with(paths, &IngestOptions::default(), progress)
            .await
    }

    /// Ingests files and directories (walked lazily; dumps streamed record by record) and
    /// brings the index up to date; `progress` is updated as it goes.
    pub async fn ingest_with(
        &self,
        paths: &[PathBuf],
        options: &IngestOptions,
        progress: Arc<Progress>,
    ) -> Result<IngestReport, ArchiveError> {
        let started = Instant::now();
        let archive_id = self.store.archive_id().await?;
        let mut updater = self.index.updater(INGEST_INDEX_THREADS, &archive_id)?;
        let mut seq = self.index.indexed_state()?.1;
        if let Some(up) = updater.as_mut() {
            self.catch_up(up, &mut seq, None, None).await?;
        }
        let mut batches = pipeline::start(
            paths.to_vec(),
            self.store.clone(),
            options.workers,
            progress.clone(),
        );
        let mut report = IngestReport::default();
        let mut last_commit = Instant::now();
        while let Some(batch) = batches.next().await {
            let written = write::write_batch(&self.store, batch).await;
            tally(&mut report, &progress, written.outcomes);
            let Some(up) = updater.as_mut() else {
                continue;
            };
            let known = Known {
                articles: &written.changed,
                as_of: written.as_of,
            };
            self.catch_up(up, &mut seq, Some(&known), None).await?;
            if last_commit.elapsed() >= INDEX_COMMIT_EVERY {
                up.commit(seq).await?;
                last_commit = Instant::now();
            }
        }
        report.files = progress.files.load(Ordering::Relaxed) as usize;
        match updater {
            Some(mut up) => {
                up.commit(seq).await?;
                up.finish().await?;
            }
            None => self.wait_and_sync().await?,
        }
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    /// Ingests the bundled sample corpus.
    pub async fn ingest_sample(&self) -> Result<IngestReport, ArchiveError> {
        let started = Instant::now();
        let mut report = IngestReport::default();
        for (name, bytes) in sample::FILES {
            report.add(ingest::ingest_bytes(&self.store, name, bytes).await);
            report.files += 1;
        }
        self.wait_and_sync().await?;
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    /// Brings the index up to date, waiting a while if another process holds the writer (that
    /// process applies these changes too when it ends).
    async fn wait_and_sync(&self) -> Result<(), ArchiveError> {
        let waited = Instant::now();
        while self.sync().await? == Synced::Busy {
            if waited.elapsed() >= WAIT_FOR_WRITER {
                tracing::warn!(
                    "the index writer stayed busy; the process holding it will catch up"
                );
                break;
            }
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
        Ok(())
    }
}

/// Ingests into the database alone. For a PostgreSQL archive: its serve nodes index what is
/// written by following the change log, so the machine that ingests keeps no index.
pub async fn ingest_store_only(
    store: &Store,
    paths: &[PathBuf],
    options: &IngestOptions,
    progress: Arc<Progress>,
) -> Result<IngestReport, ArchiveError> {
    let started = Instant::now();
    let mut batches = pipeline::start(
        paths.to_vec(),
        store.clone(),
        options.workers,
        progress.clone(),
    );
    let mut report = IngestReport::default();
    while let Some(batch) = batches.next().await {
        tally(
            &mut report,
            &progress,
            write::write_batch(store, batch).await.outcomes,
        );
    }
    report.files = progress.files.load(Ordering::Relaxed) as usize;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Counts a written batch's outcomes into the report and the progress line.
fn tally(report: &mut IngestReport, progress: &Progress, outcomes: Vec<FileOutcome>) {
    for outcome in outcomes {
        progress.count(&outcome);
        report.add(outcome);
    }
}
