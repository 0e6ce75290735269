//! The archive on disk: the database (source of truth) and the search index derived from it.

mod follow;
mod ingest;
mod query;

use std::path::{Path, PathBuf};

use crate::search::{SearchError, SearchIndex};
use crate::store::{Store, StoreError};

pub use ingest::IngestOptions;
pub use query::Snippets;

/// Errors opening or updating the archive.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The data directory could not be created.
    #[error("data directory {0}: {1}")]
    DataDir(String, #[source] std::io::Error),
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
}
