//! SQLite storage: every SQL query of the archive lives in this module.

mod articles;
mod changes;
mod files;
mod maintenance;
mod reads;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub use articles::{ArticleRecord, Candidate, DedupKeys, Put};
pub use changes::Change;
pub use files::{Compression, RawFile};
pub use maintenance::Health;

/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened, read or written.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    /// The schema could not be brought up to date.
    #[error("database migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A value could not be encoded for storing.
    #[error("could not encode {what}")]
    Encode {
        /// Which value.
        what: &'static str,
        /// What went wrong.
        #[source]
        source: Cause,
    },
    /// The lock that keeps two processes from migrating at once could not be taken.
    #[error("lock file {0}")]
    Lock(String, #[source] std::io::Error),
    /// There is no database at this path.
    #[error("no archive database at {0}")]
    Missing(String),
    /// A stored value does not have the expected shape.
    #[error("corrupt stored value in {what}")]
    Corrupt {
        /// Which value.
        what: &'static str,
        /// What is wrong with it.
        #[source]
        source: Cause,
    },
}

/// The underlying failure of an encoding or decoding.
pub type Cause = Box<dyn std::error::Error + Send + Sync>;

/// Result type of the storage layer.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The archive's database: the source of truth.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

/// A write transaction: one ingested file is applied whole or not at all.
pub struct Tx {
    tx: Transaction<'static, Sqlite>,
}

/// The embedded, numbered migrations.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Store {
    /// Opens (creating if needed) the database file and applies pending migrations.
    pub async fn open(path: &Path) -> Result<Store> {
        let options = Self::options(path)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // Rows of a few kilobytes (texts, raw pages) waste a third of 4 KiB pages; 16 KiB
            // pages hold several. Takes effect when the database is created.
            .page_size(16_384);
        // Two processes opening a new archive at once would both apply the first migration,
        // and both switch the new file to WAL (which SQLite may refuse at once, without
        // waiting): SQLite has no lock spanning these, so a lock file beside the database
        // takes turns from the first connection to the last migration.
        let lock_path = path.with_extension("db-migrate-lock");
        let lock_error = |e| StoreError::Lock(lock_path.display().to_string(), e);
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(lock_error)?;
        let lock = tokio::task::spawn_blocking(move || lock.lock().map(|()| lock))
            .await
            .map_err(|e| StoreError::Lock(lock_path.display().to_string(), e.into()))?
            .map_err(lock_error)?;
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        drop(lock);
        Ok(Store { pool })
    }

    /// Opens an existing database for reading only: no file is created, no migration runs.
    pub async fn open_read_only(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let options = Self::options(path)?.read_only(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(2)
            .connect_with(options)
            .await?;
        Ok(Store { pool })
    }

    /// Connection settings shared by readers and writers.
    fn options(path: &Path) -> Result<SqliteConnectOptions> {
        let url = format!("sqlite://{}", path.display());
        Ok(SqliteConnectOptions::from_str(&url)?
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(30))
            // 16 MiB of page cache per connection: the duplicate bands of a large archive are
            // looked up at random, and SQLite's 2 MiB default rereads them from the OS.
            .pragma("cache_size", "-16384"))
    }

    /// Starts a write transaction, taking the write lock at once: a transaction that read
    /// first and wrote later would fail outright when another process wrote in between,
    /// where taking the lock first waits its turn (up to the busy timeout).
    pub async fn begin(&self) -> Result<Tx> {
        Ok(Tx {
            tx: self.pool.begin_with("BEGIN IMMEDIATE").await?,
        })
    }

    /// Closes every connection, waiting for them to finish (before the files are moved).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Checks that the database answers.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

impl Tx {
    /// Makes every write of the transaction durable.
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }
}

fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}
