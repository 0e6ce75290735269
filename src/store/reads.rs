//! Reading articles for pages, the API, the index and sitemaps.

use std::collections::HashMap;

use sqlx::Row;

use super::articles::{ArticleRecord, COLUMNS, article_from_row};
use super::{Result, Store};
use crate::article::Article;

/// Most ids read in one statement (both backends' variable limits are far above).
const ID_CHUNK: usize = 500;

impl Store {
    /// One article with the names of its files.
    pub async fn article(&self, id: &str) -> Result<Option<ArticleRecord>> {
        let row = sqlx::query(&format!("SELECT {COLUMNS} FROM articles WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let article = article_from_row(&row)?;
        let files = self.file_names(id).await?;
        Ok(Some(ArticleRecord { article, files }))
    }

    /// The current id of an article that was merged into another.
    pub async fn resolve_alias(&self, alias: &str) -> Result<Option<String>> {
        let id = sqlx::query_scalar("SELECT article_id FROM article_aliases WHERE alias = $1")
            .bind(alias)
            .fetch_optional(&self.pool)
            .await?;
        Ok(id)
    }

    /// Articles by id, in the order asked; missing ids are skipped.
    pub async fn articles(&self, ids: &[String]) -> Result<Vec<Article>> {
        let mut found: HashMap<String, Article> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(ID_CHUNK) {
            let marks = super::marks(1, chunk.len());
            let sql = format!("SELECT {COLUMNS} FROM articles WHERE id IN ({marks})");
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id);
            }
            for row in query.fetch_all(&self.pool).await? {
                let article = article_from_row(&row)?;
                found.insert(article.id.clone(), article);
            }
        }
        Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
    }

    /// Articles by id with the names of their files, in the order asked; missing ids are
    /// skipped.
    pub async fn records(&self, ids: &[String]) -> Result<Vec<ArticleRecord>> {
        let mut files: HashMap<String, Vec<String>> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(ID_CHUNK) {
            let marks = super::marks(1, chunk.len());
            let sql = format!(
                "SELECT DISTINCT af.article_id, f.name, f.id FROM article_files af
                 JOIN raw_files f ON f.id = af.file_id
                 WHERE af.article_id IN ({marks}) ORDER BY f.id"
            );
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id);
            }
            for row in query.fetch_all(&self.pool).await? {
                files
                    .entry(row.try_get("article_id")?)
                    .or_default()
                    .push(row.try_get("name")?);
            }
        }
        Ok(self
            .articles(ids)
            .await?
            .into_iter()
            .map(|article| ArticleRecord {
                files: files.remove(&article.id).unwrap_or_default(),
                article,
            })
            .collect())
    }

    /// A page of articles in storage order, after the given row id, with the last row id.
    pub async fn articles_after(&self, rowid: i64, limit: i64) -> Result<(Vec<Article>, i64)> {
        let rows = sqlx::query(&format!(
            "SELECT rowid, {COLUMNS} FROM articles WHERE rowid > $1 ORDER BY rowid LIMIT $2"
        ))
        .bind(rowid)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut last = rowid;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            last = row.try_get("rowid")?;
            out.push(article_from_row(row)?);
        }
        Ok((out, last))
    }

    /// Whether the archive holds no article (without counting them all).
    pub async fn is_empty(&self) -> Result<bool> {
        let any: Option<String> = sqlx::query_scalar("SELECT id FROM articles LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(any.is_none())
    }

    /// How many articles the archive holds.
    pub async fn count_articles(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM articles")
            .fetch_one(&self.pool)
            .await?)
    }
}

impl Store {
    /// A slice of (id, last update date) in storage order, for sitemaps.
    pub async fn permalinks(&self, offset: i64, limit: i64) -> Result<Vec<(String, String)>> {
        // Keyset over rowid would need the boundary id; sitemap parts are few and cached by
        // crawlers, so OFFSET over the primary index is acceptable here.
        let rows = sqlx::query(
            "SELECT id, substr(updated_at, 1, 10) AS day FROM articles ORDER BY rowid LIMIT $1 OFFSET $2",
        )
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("id")?, r.try_get("day")?)))
            .collect()
    }
}
