//! PostgreSQL's planner statistics, kept up with an archive that grows while it is written.
//!
//! Autovacuum analyzes a table only after a share of it has changed, so through a first
//! ingest the planner judges the duplicate lookups by statistics of a far smaller table and
//! scans whole tables where an index finds a handful of rows: each article then costs more
//! the larger the archive. The writer analyzes the tables it grows itself, each time they
//! have grown by half.

use std::sync::atomic::{AtomicI64, Ordering};

use sqlx::AnyPool;

/// Articles written before the first analysis: below this, any plan is fast.
const FIRST_ANALYSIS: i64 = 500;

/// How much the tables grew since they were last analyzed.
#[derive(Debug, Default)]
pub struct Growth {
    written: AtomicI64,
    analyzed_at: AtomicI64,
}

impl Growth {
    /// Counts `articles` written (new or replaced) by a committed transaction, and analyzes
    /// the growing tables once the articles written since the last analysis reach half of
    /// those written before it. The transaction has committed whatever happens here: a
    /// failed analysis is logged, and the planner keeps its older statistics.
    pub async fn committed(&self, pool: &AnyPool, articles: i64) {
        let written = self.written.fetch_add(articles, Ordering::AcqRel) + articles;
        let at = self.analyzed_at.load(Ordering::Acquire);
        if written < FIRST_ANALYSIS.max(at / 2) {
            return;
        }
        // Of writers crossing the mark together, the one that resets the count analyzes.
        if self
            .written
            .compare_exchange(written, 0, Ordering::AcqRel, Ordering::Acquire)
            .is_err()
        {
            return;
        }
        self.analyzed_at.store(at + written, Ordering::Release);
        if let Err(e) = sqlx::query("ANALYZE articles, article_bands, raw_files, article_files")
            .execute(pool)
            .await
        {
            tracing::warn!(error = %e, "could not analyze the growing tables");
        }
    }
}
