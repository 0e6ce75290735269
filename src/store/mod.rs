//! The archive's database, SQLite or PostgreSQL: every SQL statement of the archive lives in
//! this module, written once in the SQL both accept (`$1` placeholders, `ON CONFLICT`), with
//! the few differences kept in [`Backend`].

mod articles;
mod changes;
mod files;
mod location;
mod maintenance;
mod planner;
mod reads;

use std::path::Path;
use std::sync::Once;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Executor, Transaction};

pub use articles::{ArticleRecord, Candidate, DedupKeys, Put};
pub use changes::Change;
pub use files::{Compression, RawFile};
pub use location::{Backend, Location};
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
    /// The database URL cannot be used.
    #[error("database URL {0}")]
    Url(String),
    /// The backend cannot do this; the message says what to use instead.
    #[error("{0}")]
    Unsupported(&'static str),
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
    pool: AnyPool,
    backend: Backend,
    growth: std::sync::Arc<planner::Growth>,
}

/// A write transaction: one ingested file is applied whole or not at all.
pub struct Tx {
    tx: Transaction<'static, Any>,
    /// On PostgreSQL, where the articles written are counted for the planner's statistics.
    growth: Option<(std::sync::Arc<planner::Growth>, AnyPool)>,
    written: i64,
}

/// The embedded, numbered migrations of each backend.
static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Connections of a writing process: the ingest writer, the index follower and readers.
const WRITE_CONNECTIONS: u32 = 4;
/// Connections of a read-only process (check, backup).
const READ_CONNECTIONS: u32 = 2;
/// Connections of a PostgreSQL node: page views read while the follower and an ingest write.
const POSTGRES_CONNECTIONS: u32 = 8;
/// How long a SQLite writer waits for another process's write to finish.
const SQLITE_BUSY: Duration = Duration::from_secs(30);
/// The transaction lock every PostgreSQL writer takes first (an arbitrary key, "rencai" in
/// ASCII): writes apply one at a time, as in SQLite, so duplicate checks see every earlier
/// article and change-log positions become visible in order.
const POSTGRES_WRITE_LOCK: i64 = 0x72656e636169;

/// Whether the process may write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    ReadWrite,
    ReadOnly,
}

static DRIVERS: Once = Once::new();

impl Store {
    /// Opens (creating if needed) the database and applies pending migrations.
    pub async fn open(location: &Location) -> Result<Store> {
        match location {
            Location::Sqlite(path) => Self::open_sqlite(path, Access::ReadWrite).await,
            Location::Postgres(url) => {
                let store = Self::connect_postgres(url, POSTGRES_CONNECTIONS).await?;
                // sqlx takes PostgreSQL's advisory lock while it migrates: two nodes starting
                // at once take turns.
                POSTGRES_MIGRATOR.run(&store.pool).await?;
                Ok(store)
            }
        }
    }

    /// Opens an existing database for reading only: nothing is created, no migration runs.
    pub async fn open_read_only(location: &Location) -> Result<Store> {
        match location {
            Location::Sqlite(path) => Self::open_sqlite(path, Access::ReadOnly).await,
            Location::Postgres(url) => Self::connect_postgres(url, READ_CONNECTIONS).await,
        }
    }

    /// Which engine holds the archive.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    async fn connect_postgres(url: &str, connections: u32) -> Result<Store> {
        DRIVERS.call_once(sqlx::any::install_default_drivers);
        let options: AnyConnectOptions = url
            .parse()
            .map_err(|e| StoreError::Url(format!("{}: {e}", location::redacted(url))))?;
        let pool = AnyPoolOptions::new()
            .max_connections(connections)
            .connect_with(options)
            .await?;
        Ok(Store {
            pool,
            backend: Backend::Postgres,
            growth: Default::default(),
        })
    }

    async fn open_sqlite(path: &Path, access: Access) -> Result<Store> {
        DRIVERS.call_once(sqlx::any::install_default_drivers);
        if access == Access::ReadOnly && !path.is_file() {
            return Err(StoreError::Missing(path.display().to_string()));
        }
        let (mode, connections) = match access {
            Access::ReadWrite => ("rwc", WRITE_CONNECTIONS),
            Access::ReadOnly => ("ro", READ_CONNECTIONS),
        };
        let options: AnyConnectOptions = Location::sqlite_url(path, mode)?
            .parse()
            .map_err(|e| StoreError::Url(format!("{}: {e}", path.display())))?;
        let pool = AnyPoolOptions::new()
            .max_connections(connections)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if access == Access::ReadWrite {
                        // Rows of a few kilobytes (texts, raw pages) waste a third of 4 KiB
                        // pages; 16 KiB pages hold several. Takes effect when the database is
                        // created, before its first table.
                        conn.execute("PRAGMA page_size = 16384; PRAGMA journal_mode = WAL")
                            .await?;
                    }
                    conn.execute(SQLITE_SETTINGS.as_str()).await?;
                    Ok(())
                })
            });
        if access == Access::ReadOnly {
            let pool = pool.connect_with(options).await?;
            return Ok(Store {
                pool,
                backend: Backend::Sqlite,
                growth: Default::default(),
            });
        }
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
        let pool = pool.connect_with(options).await?;
        SQLITE_MIGRATOR.run(&pool).await?;
        drop(lock);
        Ok(Store {
            pool,
            backend: Backend::Sqlite,
            growth: Default::default(),
        })
    }

    /// The migrations of this store's backend.
    fn migrator(&self) -> &'static sqlx::migrate::Migrator {
        match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATOR,
            Backend::Postgres => &POSTGRES_MIGRATOR,
        }
    }

    /// Starts a write transaction, taking the write lock at once: a transaction that read
    /// first and wrote later would fail outright (SQLite) or miss a concurrent duplicate
    /// (PostgreSQL) when another process wrote in between; taking the lock first waits its
    /// turn instead.
    pub async fn begin(&self) -> Result<Tx> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(POSTGRES_WRITE_LOCK)
                    .execute(&mut *tx)
                    .await?;
                tx
            }
        };
        let growth =
            (self.backend == Backend::Postgres).then(|| (self.growth.clone(), self.pool.clone()));
        Ok(Tx {
            tx,
            growth,
            written: 0,
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

/// Settings of every SQLite connection.
static SQLITE_SETTINGS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {};
         PRAGMA cache_size = {}",
        SQLITE_BUSY.as_millis(),
        SQLITE_CACHE_KIB
    )
});

/// Page cache per SQLite connection, negative KiB as SQLite counts it: 16 MiB, because the
/// duplicate bands of a large archive are looked up at random and SQLite's 2 MiB default
/// rereads them from the OS.
const SQLITE_CACHE_KIB: i64 = -16_384;

impl Tx {
    /// Makes every write of the transaction durable.
    pub async fn commit(self) -> Result<()> {
        self.tx.commit().await?;
        if let Some((growth, pool)) = &self.growth {
            growth.committed(pool, self.written).await;
        }
        Ok(())
    }
}

/// `count` numbered placeholders from `$first`: "$4, $5, $6".
fn marks(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}
