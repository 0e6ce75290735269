//! PostgreSQL's planner statistics, kept up with an archive that grows while it is written.
//!
//! Autovacuum analyzes a table only after a share of it has changed, so through a first
//! ingest the planner judges the duplicate lookups by statistics of a far smaller table and
//! scans whole tables where an index finds a handful of rows: each article then costs more
//! the larger the archive. The writer analyzes the tables it grows itself, each time they
//! have grown by half.

use std::sync::atomic::{AtomicI64, Ordering};

use sqlx::AnyPool;

use super::Result;

/// Articles written before the first analysis: below this, any plan is fast.
const FIRST_ANALYSIS: i64 = 500;

/// How much the tables grew since they were last analyzed.
#[derive(Debug, Default)]
pub struct Growth {
    written: AtomicI64,
    analyzed_at: AtomicI64,
}

impl Growth {
    /// Counts `articles` written by a committed transaction, and analyzes the growing tables
    /// once they have grown by half since the last analysis.
    pub async fn committed(&self, pool: &AnyPool, articles: i64) -> Result<()> {
        let written = self.written.fetch_add(articles, Ordering::Relaxed) + articles;
        let at = self.analyzed_at.load(Ordering::Relaxed);
        if written < FIRST_ANALYSIS.max(at / 2) {
            return Ok(());
        }
        self.written.store(0, Ordering::Relaxed);
        self.analyzed_at.store(at + written, Ordering::Relaxed);
        sqlx::query("ANALYZE articles, article_bands, raw_files, article_files")
            .execute(pool)
            .await?;
        Ok(())
    }
}
