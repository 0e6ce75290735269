//! The archive on disk: the database (source of truth) and the search index derived from it.

mod check;
mod documents;
mod export;
mod follow;
mod gate;
mod ingest;
mod offers;
mod query;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::search::{SearchError, SearchIndex, Synced};
use crate::store::{Location, Store, StoreError};

pub use check::{CheckDepth, CheckReport, check};
pub use export::ExportTurn;
pub use gate::Overload;
pub use ingest::{IngestOptions, ingest_store_only};

/// The database's file name inside the data directory.
pub const DATABASE_FILE: &str = "rencai.db";
/// The file that marks a data directory whose index follows a PostgreSQL archive.
pub const BACKEND_MARK: &str = "postgres-node";
/// The index's folder inside the data directory.
pub const INDEX_DIR: &str = "index";
pub use query::{Found, Snippets};

/// Errors opening or updating the archive.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The data directory could not be created.
    #[error("data directory {0}")]
    DataDir(String, #[source] std::io::Error),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index failed.
    #[error(transparent)]
    Search(#[from] SearchError),
    /// An export could not be written.
    #[error(transparent)]
    Export(#[from] crate::export::ExportError),
    /// The data directory's index follows a PostgreSQL archive, and no --database was given.
    #[error(
        "{0} says this data directory's index follows a PostgreSQL archive: give its --database (or RENCAI_DATABASE); to make a SQLite archive here instead, remove that file"
    )]
    OtherDatabase(String),
    /// The server is at capacity: the request was turned away, to be tried again.
    #[error("overloaded")]
    Overloaded(#[from] Overload),
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
    gate: gate::Gate,
    offers: offers::OffersCache,
    caught_up: Arc<AtomicBool>,
}

/// Where an archive's database is when only a data directory is given: SQLite inside it.
/// A PostgreSQL node's directory refuses: opening it so would start an empty SQLite archive
/// there, and wipe the node's index to match it.
pub fn default_location(dir: &Path) -> Result<Location, ArchiveError> {
    let database = dir.join(DATABASE_FILE);
    let mark = dir.join(BACKEND_MARK);
    if !database.exists() && mark.exists() {
        return Err(ArchiveError::OtherDatabase(mark.display().to_string()));
    }
    Ok(Location::Sqlite(database))
}

impl Archive {
    /// Opens the archive in `dir` (creating it) with its SQLite database, bringing the index
    /// up to date.
    pub async fn open(dir: &Path) -> Result<Archive, ArchiveError> {
        Self::open_at(dir, &default_location(dir)?).await
    }

    /// Opens the archive whose database is at `location` and whose index is in `dir`
    /// (creating both), bringing the index up to date.
    pub async fn open_at(dir: &Path, location: &Location) -> Result<Archive, ArchiveError> {
        let archive = Self::open_unsynced(dir, location).await?;
        if archive.sync().await? != Synced::Busy {
            archive.caught_up.store(true, Ordering::Release);
        }
        Ok(archive)
    }

    /// Opens the archive without bringing the index up to date: a server answers (and says
    /// it is not ready) while its follower catches up.
    pub async fn open_unsynced(dir: &Path, location: &Location) -> Result<Archive, ArchiveError> {
        std::fs::create_dir_all(dir)
            .map_err(|e| ArchiveError::DataDir(dir.display().to_string(), e))?;
        // The directory says which backend its index follows (see `default_location`).
        let mark = dir.join(BACKEND_MARK);
        if matches!(location, Location::Postgres(_)) && !mark.exists() {
            std::fs::write(&mark, "postgres\n")
                .map_err(|e| ArchiveError::DataDir(mark.display().to_string(), e))?;
        }
        let index = SearchIndex::open(&dir.join(INDEX_DIR))?;
        let store = Store::open(location).await?;
        Ok(Archive {
            store,
            index,
            dir: dir.to_path_buf(),
            // Searches are CPU-bound: one at a time per core.
            gate: gate::Gate::new(std::thread::available_parallelism().map_or(1, |n| n.get())),
            offers: offers::OffersCache::default(),
            caught_up: Arc::new(AtomicBool::new(false)),
        })
    }

    /// Whether the index has caught up with the database since this archive was opened.
    pub fn is_caught_up(&self) -> bool {
        self.caught_up.load(Ordering::Acquire)
    }
}
