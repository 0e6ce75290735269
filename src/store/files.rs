//! Raw files: the bytes and names of everything ingested, compressed.

use std::collections::HashSet;

use sqlx::{AnyConnection, Row};

use super::{Result, Store, StoreError, Tx, now};

/// How stored raw bytes are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// As read.
    None,
    /// zstd frames.
    Zstd,
}

impl Compression {
    fn column(self) -> Option<&'static str> {
        match self {
            Compression::None => None,
            Compression::Zstd => Some("zstd"),
        }
    }
}

/// One ingested file, or one record of a dump, as it is to be stored.
#[derive(Debug, Clone)]
pub struct RawFile<'a> {
    /// SHA-256 of the bytes as read, hex.
    pub sha256: &'a str,
    /// The file's name.
    pub name: &'a str,
    /// 0 for a whole file; the 1-based line number of a dump's record.
    pub record: i64,
    /// The encoding the text was read in.
    pub encoding: Option<&'a str>,
    /// The bytes as stored.
    pub stored: &'a [u8],
    /// How `stored` is encoded.
    pub compression: Compression,
    /// The length of the bytes as read.
    pub size: i64,
}

/// Most SHA-256 values looked up in one statement (both backends' variable limits are far
/// above).
const SHA_CHUNK: usize = 500;

async fn existing_in(conn: &mut AnyConnection, shas: &[&str]) -> Result<HashSet<String>> {
    let mut found = HashSet::new();
    for chunk in shas.chunks(SHA_CHUNK) {
        let sql = format!(
            "SELECT sha256 FROM raw_files WHERE sha256 IN ({})",
            super::marks(1, chunk.len())
        );
        let mut query = sqlx::query_scalar::<_, String>(&sql);
        for sha in chunk {
            query = query.bind(*sha);
        }
        found.extend(query.fetch_all(&mut *conn).await?);
    }
    Ok(found)
}

impl Tx {
    /// The subset of these SHA-256 values already stored.
    pub async fn existing_files(&mut self, shas: &[&str]) -> Result<HashSet<String>> {
        existing_in(&mut self.tx, shas).await
    }

    /// Stores a file's bytes and returns its id.
    pub async fn insert_file(&mut self, file: &RawFile<'_>) -> Result<i64> {
        let id = sqlx::query_scalar(
            "INSERT INTO raw_files (sha256, name, record, encoding, bytes, compression, size,
                ingested_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(file.sha256)
        .bind(file.name)
        .bind(file.record)
        .bind(file.encoding)
        .bind(file.stored)
        .bind(file.compression.column())
        .bind(file.size)
        .bind(now())
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(id)
    }

    /// Records that an article came from a file (and record of it).
    pub async fn link_file(&mut self, article_id: &str, file_id: i64, record: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO article_files (article_id, file_id, record) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
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
            "SELECT f.name FROM article_files af JOIN raw_files f ON f.id = af.file_id
             WHERE af.article_id = $1 GROUP BY f.name ORDER BY MIN(f.id)",
        )
        .bind(article_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(names)
    }

    /// The subset of these SHA-256 values already stored, outside any transaction.
    pub async fn existing_files(&self, shas: &[&str]) -> Result<HashSet<String>> {
        let mut conn = self.pool.acquire().await?;
        existing_in(&mut conn, shas).await
    }

    /// The raw bytes, as read, of every file and record an article came from, oldest first.
    pub async fn raw_sources(&self, article_id: &str) -> Result<Vec<(String, i64, Vec<u8>)>> {
        let rows = sqlx::query(
            "SELECT f.name, f.record, f.bytes, f.compression FROM article_files af
             JOIN raw_files f ON f.id = af.file_id WHERE af.article_id = $1 ORDER BY f.id",
        )
        .bind(article_id)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let stored: Vec<u8> = row.try_get("bytes")?;
            let compression: Option<String> = row.try_get("compression")?;
            let bytes = match compression.as_deref() {
                None => stored,
                Some("zstd") => {
                    zstd::decode_all(stored.as_slice()).map_err(|e| StoreError::Corrupt {
                        what: "raw_files.bytes",
                        source: Box::new(e),
                    })?
                }
                Some(other) => {
                    return Err(StoreError::Corrupt {
                        what: "raw_files.compression",
                        source: format!("unknown compression {other}").into(),
                    });
                }
            };
            out.push((row.try_get("name")?, row.try_get("record")?, bytes));
        }
        Ok(out)
    }
}
