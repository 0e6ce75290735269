//! Articles: reading and writing the cleaned text and fields.

use chrono::{NaiveDate, NaiveTime};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Result, StoreError, Tx, now};
use crate::article::{Article, Paragraph};

/// The keys an article is compared by when looking for duplicates.
#[derive(Debug, Clone, PartialEq)]
pub struct DedupKeys {
    /// Folded title without punctuation.
    pub title_key: String,
    /// Hash of the folded body.
    pub body_hash: String,
    /// MinHash signature of the folded body.
    pub signature: Vec<u8>,
    /// Band hashes of the signature.
    pub bands: Vec<i64>,
}

/// Most stored articles one look-up of duplicate candidates returns per key kind.
const CANDIDATES: usize = 50;

/// Whether an article written may already be stored under its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    /// Its id is known to be free.
    New,
    /// It may replace a stored article with the same id.
    Replace,
}

/// A stored article that may be a duplicate of a new one.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Its id.
    pub id: String,
    /// Its publication date.
    pub date: Option<NaiveDate>,
    /// Its stated original URL.
    pub original_url: Option<String>,
    /// Its province and city.
    pub place: (Option<String>, Option<String>),
    /// Its duplicate keys.
    pub keys: DedupKeys,
}

/// An article as stored, with the names of its files.
#[derive(Debug, Clone)]
pub struct ArticleRecord {
    /// The article.
    pub article: Article,
    /// Names of the files it was ingested from.
    pub files: Vec<String>,
}

pub(super) const COLUMNS: &str =
    "id, title, paragraphs, paragraphs_zstd, published_on, published_at, province, city, county,
    source, author, original_url, cited";

fn corrupt(what: &'static str, source: impl Into<super::Cause>) -> StoreError {
    StoreError::Corrupt {
        what,
        source: source.into(),
    }
}

pub(super) fn article_from_row(row: &AnyRow) -> Result<Article> {
    let packed: Option<Vec<u8>> = row.try_get("paragraphs_zstd")?;
    let paragraphs: Vec<Paragraph> = match packed {
        Some(packed) => {
            let json = zstd::decode_all(packed.as_slice())
                .map_err(|e| corrupt("articles.paragraphs_zstd", e))?;
            serde_json::from_slice(&json).map_err(|e| corrupt("articles.paragraphs_zstd", e))?
        }
        None => {
            let json: String = row.try_get("paragraphs")?;
            serde_json::from_str(&json).map_err(|e| corrupt("articles.paragraphs", e))?
        }
    };
    let cited: String = row.try_get("cited")?;
    let cited: Vec<String> =
        serde_json::from_str(&cited).map_err(|e| corrupt("articles.cited", e))?;
    let date: Option<String> = row.try_get("published_on")?;
    let date = date
        .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
        .transpose()
        .map_err(|e| corrupt("articles.published_on", e))?;
    let time: Option<String> = row.try_get("published_at")?;
    let time = time
        .map(|t| NaiveTime::parse_from_str(&t, "%H:%M:%S"))
        .transpose()
        .map_err(|e| corrupt("articles.published_at", e))?;
    Ok(Article {
        id: row.try_get("id")?,
        title: row.try_get("title")?,
        paragraphs,
        date,
        time,
        province: row.try_get("province")?,
        city: row.try_get("city")?,
        county: row.try_get("county")?,
        source: row.try_get("source")?,
        author: row.try_get("author")?,
        original_url: row.try_get("original_url")?,
        cited,
    })
}

/// zstd level of the cleaned text: read on every page view, so fast to decompress.
const TEXT_ZSTD_LEVEL: i32 = 3;

fn to_json<T: serde::Serialize>(what: &'static str, value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Encode {
        what,
        source: Box::new(e),
    })
}

/// The paragraphs as compressed JSON.
fn pack_paragraphs(paragraphs: &[Paragraph]) -> Result<Vec<u8>> {
    let json = to_json("articles.paragraphs", &paragraphs)?;
    zstd::bulk::compress(json.as_bytes(), TEXT_ZSTD_LEVEL).map_err(|e| StoreError::Encode {
        what: "articles.paragraphs_zstd",
        source: Box::new(e),
    })
}

impl Tx {
    /// Stored articles sharing any duplicate key with `keys`, and the one with id `id` if
    /// stored (this runs for every article ingested).
    pub async fn candidates(&mut self, keys: &DedupKeys, id: &str) -> Result<Vec<Candidate>> {
        // The ids first, then their rows by primary key: as one statement, PostgreSQL joins
        // the ids to a scan of the whole table while its statistics still describe a smaller
        // one (through most of a first ingest), a cost that grows with the archive.
        // $1 and $2 are the keys; the bands follow.
        let bands = if keys.bands.is_empty() {
            String::new()
        } else {
            format!(
                " UNION SELECT article_id FROM (SELECT DISTINCT article_id FROM article_bands
                   WHERE band_hash IN ({}) LIMIT {CANDIDATES}) AS banded",
                super::marks(3, keys.bands.len())
            )
        };
        let sql = format!(
            "SELECT id FROM (SELECT id FROM articles WHERE body_hash = $1 OR title_key = $2
                LIMIT {CANDIDATES}) AS keyed{bands}"
        );
        let mut query = sqlx::query_scalar::<_, String>(&sql)
            .bind(&keys.body_hash)
            .bind(&keys.title_key);
        for band in &keys.bands {
            query = query.bind(band);
        }
        let mut ids = query.fetch_all(&mut *self.tx).await?;
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
        let sql = format!(
            "SELECT id, published_on, original_url, province, city, title_key, body_hash,
                signature
             FROM articles WHERE id IN ({}) ORDER BY id",
            super::marks(1, ids.len())
        );
        let mut query = sqlx::query(&sql);
        for id in &ids {
            query = query.bind(id);
        }
        let rows = query.fetch_all(&mut *self.tx).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let date: Option<String> = row.try_get("published_on")?;
            out.push(Candidate {
                id: row.try_get("id")?,
                date: date.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                original_url: row.try_get("original_url")?,
                place: (row.try_get("province")?, row.try_get("city")?),
                keys: DedupKeys {
                    title_key: row.try_get("title_key")?,
                    body_hash: row.try_get("body_hash")?,
                    signature: row.try_get("signature")?,
                    bands: Vec::new(),
                },
            });
        }
        Ok(out)
    }

    /// Names of the single-article files (not JSON-lines records) an article came from.
    pub async fn single_file_names(&mut self, article_id: &str) -> Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT f.name FROM article_files af JOIN raw_files f ON f.id = af.file_id
             WHERE af.article_id = $1 AND af.record = 0",
        )
        .bind(article_id)
        .fetch_all(&mut *self.tx)
        .await?)
    }

    /// Reads one article inside the transaction.
    pub async fn article(&mut self, id: &str) -> Result<Option<Article>> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM articles WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut *self.tx)
            .await?;
        row.as_ref().map(article_from_row).transpose()
    }

    /// Inserts a new article, or replaces the stored one with the same id.
    pub async fn put_article(
        &mut self,
        article: &Article,
        keys: &DedupKeys,
        put: Put,
    ) -> Result<()> {
        let now = now();
        sqlx::query(
            "INSERT INTO articles (id, title, paragraphs, paragraphs_zstd, published_on,
                published_at, province, city, county, source, author, original_url, cited,
                title_key, body_hash, signature, created_at, updated_at)
             VALUES ($1, $2, '', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title,
                paragraphs = excluded.paragraphs, paragraphs_zstd = excluded.paragraphs_zstd,
                published_on = excluded.published_on,
                published_at = excluded.published_at, province = excluded.province,
                city = excluded.city, county = excluded.county, source = excluded.source,
                author = excluded.author, original_url = excluded.original_url,
                cited = excluded.cited, title_key = excluded.title_key,
                body_hash = excluded.body_hash, signature = excluded.signature,
                updated_at = excluded.updated_at",
        )
        .bind(&article.id)
        .bind(&article.title)
        .bind(pack_paragraphs(&article.paragraphs)?)
        .bind(article.date.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(article.time.map(|t| t.format("%H:%M:%S").to_string()))
        .bind(&article.province)
        .bind(&article.city)
        .bind(&article.county)
        .bind(&article.source)
        .bind(&article.author)
        .bind(&article.original_url)
        .bind(to_json("articles.cited", &article.cited)?)
        .bind(&keys.title_key)
        .bind(&keys.body_hash)
        .bind(&keys.signature)
        .bind(&now)
        .bind(&now)
        .execute(&mut *self.tx)
        .await?;
        self.written += 1;
        if put == Put::Replace {
            sqlx::query("DELETE FROM article_bands WHERE article_id = $1")
                .bind(&article.id)
                .execute(&mut *self.tx)
                .await?;
        }
        if !keys.bands.is_empty() {
            // $1 is the article; $2.. its bands.
            let rows: Vec<String> = (0..keys.bands.len())
                .map(|i| format!("(${}, $1)", i + 2))
                .collect();
            let sql = format!(
                "INSERT INTO article_bands (band_hash, article_id) VALUES {}",
                rows.join(", ")
            );
            let mut query = sqlx::query(&sql).bind(&article.id);
            for band in &keys.bands {
                query = query.bind(band);
            }
            query.execute(&mut *self.tx).await?;
        }
        self.log_change(&article.id).await
    }

    /// Moves an article to a new id, keeping the old one as an alias.
    pub async fn rename_article(&mut self, old: &str, new: &str) -> Result<()> {
        for sql in [
            "UPDATE article_files SET article_id = $1 WHERE article_id = $2",
            "UPDATE article_aliases SET article_id = $1 WHERE article_id = $2",
        ] {
            sqlx::query(sql)
                .bind(new)
                .bind(old)
                .execute(&mut *self.tx)
                .await?;
        }
        sqlx::query("DELETE FROM articles WHERE id = $1")
            .bind(old)
            .execute(&mut *self.tx)
            .await?;
        sqlx::query(
            "INSERT INTO article_aliases (alias, article_id) VALUES ($1, $2)
             ON CONFLICT (alias) DO UPDATE SET article_id = excluded.article_id",
        )
        .bind(old)
        .bind(new)
        .execute(&mut *self.tx)
        .await?;
        self.log_change(old).await
    }
}
