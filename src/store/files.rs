//! Raw files: the bytes and names of everything ingested.

use super::{Result, Store, Tx, now};

impl Tx {
    /// The id of a file already stored with these exact bytes.
    pub async fn file_by_hash(&mut self, sha256: &str) -> Result<Option<i64>> {
        let id = sqlx::query_scalar("SELECT id FROM raw_files WHERE sha256 = ?")
            .bind(sha256)
            .fetch_optional(&mut *self.tx)
            .await?;
        Ok(id)
    }

    /// Stores a file's bytes and returns its id.
    pub async fn insert_file(
        &mut self,
        sha256: &str,
        name: &str,
        encoding: Option<&str>,
        bytes: &[u8],
    ) -> Result<i64> {
        let id = sqlx::query_scalar(
            "INSERT INTO raw_files (sha256, name, encoding, bytes, ingested_at)
             VALUES (?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(sha256)
        .bind(name)
        .bind(encoding)
        .bind(bytes)
        .bind(now())
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(id)
    }

    /// Records that an article came from a file (and record of it).
    pub async fn link_file(&mut self, article_id: &str, file_id: i64, record: i64) -> Result<()> {
        sqlx::query(
            "INSERT OR IGNORE INTO article_files (article_id, file_id, record) VALUES (?, ?, ?)",
        )
        .bind(article_id)
        .bind(file_id)
        .bind(record)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }
}

impl Store {
    /// Names of the files an article was ingested from, oldest first.
    pub async fn file_names(&self, article_id: &str) -> Result<Vec<String>> {
        let names = sqlx::query_scalar(
            "SELECT DISTINCT f.name FROM article_files af JOIN raw_files f ON f.id = af.file_id
             WHERE af.article_id = ? ORDER BY f.id",
        )
        .bind(article_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(names)
    }

    /// Whether a file with these exact bytes was ingested before.
    pub async fn has_file(&self, sha256: &str) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar("SELECT 1 FROM raw_files WHERE sha256 = ?")
            .bind(sha256)
            .fetch_optional(&self.pool)
            .await?;
        Ok(found.is_some())
    }
}
