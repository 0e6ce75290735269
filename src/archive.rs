//! The archive on disk: the database (source of truth) and the search index derived from it.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::ingest::{self, IngestReport, read};
use crate::sample;
use crate::search::{SearchError, SearchIndex, Synced};
use crate::store::{Store, StoreError};

/// Errors opening or updating the archive.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The data directory could not be created.
    #[error("data directory {0}: {1}")]
    DataDir(String, std::io::Error),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed.
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// An open archive.
#[derive(Clone)]
pub struct Archive {
    /// The database.
    pub store: Store,
    /// The search index.
    pub index: SearchIndex,
    /// The data directory.
    pub dir: PathBuf,
}

impl Archive {
    /// Opens the archive in `dir` (creating it), bringing the index up to date.
    pub async fn open(dir: &Path) -> Result<Archive, ArchiveError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| ArchiveError::DataDir(dir.display().to_string(), e))?;
        let store = Store::open(&dir.join("rencai.db")).await?;
        let index = SearchIndex::open(&dir.join("index"))?;
        let archive = Archive {
            store,
            index,
            dir: dir.to_path_buf(),
        };
        archive.sync().await?;
        Ok(archive)
    }

    /// Applies pending database changes to the index.
    pub async fn sync(&self) -> Result<Synced, ArchiveError> {
        Ok(self.index.sync(&self.store).await?)
    }

    /// Ingests files and directories, then brings the index up to date; `progress` is told
    /// after each file.
    pub async fn ingest_paths(
        &self,
        paths: &[PathBuf],
        mut progress: impl FnMut(usize, usize, &str),
    ) -> Result<IngestReport, ArchiveError> {
        let started = Instant::now();
        let (files, unreadable) = read::collect(paths);
        let mut report = IngestReport::default();
        for bad in unreadable {
            report.rejected.push(ingest::Rejection {
                file: bad.name,
                reason: bad.reason,
            });
        }
        let total = files.len();
        for (done, file) in files.iter().enumerate() {
            let outcome = match read::read(file) {
                Ok(bytes) => ingest::ingest_bytes(&self.store, &file.name, &bytes).await,
                Err(reason) => ingest::FileOutcome::failed(&file.name, reason),
            };
            report.add(outcome);
            progress(done + 1, total, &file.name);
        }
        self.finish(report, started).await
    }

    /// Ingests the bundled sample corpus.
    pub async fn ingest_sample(&self) -> Result<IngestReport, ArchiveError> {
        let started = Instant::now();
        let mut report = IngestReport::default();
        for (name, bytes) in sample::FILES {
            report.add(ingest::ingest_bytes(&self.store, name, bytes).await);
        }
        self.finish(report, started).await
    }

    /// Ends an ingest run: brings the index up to date (waiting a while if another process
    /// holds the writer) and records the run's time.
    async fn finish(
        &self,
        mut report: IngestReport,
        started: Instant,
    ) -> Result<IngestReport, ArchiveError> {
        for _ in 0..60 {
            if self.sync().await? != Synced::Busy {
                report.seconds = started.elapsed().as_secs_f64();
                return Ok(report);
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
        tracing::warn!("the index writer stayed busy; the process holding it will catch up");
        report.seconds = started.elapsed().as_secs_f64();
        Ok(report)
    }

    /// Rebuilds the index from the database alone.
    pub async fn reindex(&self) -> Result<usize, ArchiveError> {
        Ok(self.index.rebuild(&self.store).await?)
    }
}
