//! The command line: one module per subcommand.

pub mod backup;
pub mod check;
pub mod compact;
pub mod export;
pub mod ingest;
pub mod reindex;
pub mod serve;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::archive::ArchiveError;
use crate::store::Location;

/// rencai: a web archive of Chinese regional talent-policy articles.
#[derive(Debug, Parser)]
#[command(name = "rencai", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest files or directories (recursively) into the archive.
    Ingest(ingest::IngestArgs),
    /// Serve the archive over HTTP (ingests the bundled sample corpus when it is empty).
    Serve(serve::ServeArgs),
    /// Rebuild the search index from the database alone.
    Reindex(DataArgs),
    /// Verify, without changing anything, that the database is sound and the index agrees
    /// with it (exit 0 when consistent, 1 otherwise).
    Check(check::CheckArgs),
    /// Copy the database consistently while the archive is served or written.
    Backup(backup::BackupArgs),
    /// Write every match of a search as CSV or JSON lines.
    Export(Box<export::ExportArgs>),
    /// Compact the change log to the newest change of each article (safe while nodes
    /// follow it).
    Compact(DataArgs),
}

/// Where the archive lives.
#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// Data directory holding the database and the index (only the index with --database).
    #[arg(long, env = "RENCAI_DATA", default_value = "data")]
    pub data: PathBuf,
    /// The database, when it is not the SQLite file in the data directory: postgres://… for
    /// PostgreSQL, shared by any number of serve nodes and ingesting machines.
    #[arg(long, env = "RENCAI_DATABASE", hide_env_values = true)]
    pub database: Option<String>,
}

impl DataArgs {
    /// Where the database is: the URL given, else the SQLite file in the data directory
    /// (which a PostgreSQL node's directory refuses).
    pub fn location(&self) -> Result<Location, ArchiveError> {
        match &self.database {
            Some(url) => Ok(Location::parse(url)?),
            None => crate::archive::default_location(&self.data),
        }
    }
}

/// Logs to stderr; RUST_LOG overrides the level.
pub fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tantivy=warn,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// A multi-threaded runtime for the command's async work.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}
