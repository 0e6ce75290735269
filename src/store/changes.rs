//! The change log the search index follows.

use sqlx::Row;

use super::{Result, Store, Tx};

/// One logged write to an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Position in the log.
    pub seq: i64,
    /// The article written.
    pub article_id: String,
}

impl Tx {
    /// Appends an article id to the change log.
    pub(super) async fn log_change(&mut self, article_id: &str) -> Result<()> {
        sqlx::query("INSERT INTO article_changes (article_id) VALUES ($1)")
            .bind(article_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// The newest position of the change log as this transaction sees it.
    pub async fn last_change(&mut self) -> Result<i64> {
        let seq: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM article_changes")
            .fetch_one(&mut *self.tx)
            .await?;
        Ok(seq.unwrap_or(0))
    }
}

impl Store {
    /// The random id of this database, recorded by the index it feeds.
    pub async fn archive_id(&self) -> Result<String> {
        Ok(
            sqlx::query_scalar("SELECT value FROM archive_meta WHERE key = 'archive_id'")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// The newest position of the change log (0 when empty).
    pub async fn last_change(&self) -> Result<i64> {
        let seq: Option<i64> = sqlx::query_scalar("SELECT MAX(seq) FROM article_changes")
            .fetch_one(&self.pool)
            .await?;
        Ok(seq.unwrap_or(0))
    }

    /// Changes after `seq`, oldest first, at most `limit`.
    pub async fn changes_after(&self, seq: i64, limit: i64) -> Result<Vec<Change>> {
        let rows = sqlx::query(
            "SELECT seq, article_id FROM article_changes WHERE seq > $1 ORDER BY seq LIMIT $2",
        )
        .bind(seq)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Change {
                    seq: r.try_get("seq")?,
                    article_id: r.try_get("article_id")?,
                })
            })
            .collect()
    }
}

impl Store {
    /// Compacts the change log to the newest change of each article, returning how many
    /// entries were dropped. Nothing a follower needs is lost: whatever position it has
    /// reached, every article changed after it still has a change after it.
    pub async fn compact_changes(&self) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM article_changes WHERE EXISTS (
                SELECT 1 FROM article_changes newer
                WHERE newer.article_id = article_changes.article_id
                  AND newer.seq > article_changes.seq)",
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// How many entries the change log holds.
    pub async fn count_changes(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM article_changes")
            .fetch_one(&self.pool)
            .await?)
    }
}
