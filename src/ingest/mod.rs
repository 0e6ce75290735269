//! Ingest: read, decode, extract, clean, place, deduplicate and store articles.

pub mod decode;
pub mod dedupe;
pub mod extract;
pub mod read;
mod report;

use sha2::{Digest, Sha256};

use crate::article::Article;
use crate::fold::fold;
use crate::region::{Evidence, Gazetteer, attribute};
use crate::store::{DedupKeys, Store, StoreError, Tx};
use extract::Extracted;

pub use report::{FileOutcome, IngestReport, Rejection};

/// What happened to one article of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleOutcome {
    /// A new article was stored.
    New,
    /// A corrected text replaced a stored article, keeping its permalink.
    Updated,
    /// The article was already stored (a repost or copy); the file was linked to it.
    Duplicate,
}

/// Turns extracted fields into an article: folded evidence places it; the id comes later.
pub fn build_article(ex: Extracted) -> Article {
    let body: String = ex
        .paragraphs
        .iter()
        .map(|p| p.text())
        .collect::<Vec<_>>()
        .join("\n");
    let (title, body, source, author) = (
        fold(&ex.title),
        fold(&body),
        ex.source.as_deref().map(fold),
        ex.author.as_deref().map(fold),
    );
    let hint = fold(&ex.hints.join(" "));
    let region = attribute(
        Gazetteer::bundled(),
        &Evidence {
            title: &title,
            source: source.as_deref(),
            author: author.as_deref(),
            body: &body,
            hint: (!hint.is_empty()).then_some(hint.as_str()),
        },
    );
    let (province, city, county) = match region {
        Some(r) => (Some(r.province), r.city, r.county),
        None => (None, None, None),
    };
    Article {
        id: String::new(),
        title: ex.title,
        paragraphs: ex.paragraphs,
        date: ex.published.map(|p| p.date),
        time: ex.published.and_then(|p| p.time),
        province,
        city,
        county,
        source: ex.source,
        author: ex.author,
        original_url: ex.original_url,
        cited: ex.cited,
    }
}

/// Stores one article inside a file's transaction, merging it with a stored duplicate.
async fn store_article(
    tx: &mut Tx,
    mut article: Article,
    keys: &DedupKeys,
    file_name: &str,
    record: usize,
) -> Result<(String, ArticleOutcome), StoreError> {
    let candidates = tx.candidates(keys).await?;
    let best = candidates
        .iter()
        .filter(|c| dedupe::same_article(&article, keys, c))
        .max_by(|a, b| {
            let sim = |c: &crate::store::Candidate| {
                dedupe::similarity(&keys.signature, &c.keys.signature)
            };
            sim(a).total_cmp(&sim(b))
        });
    let Some(existing) = best else {
        article.id = dedupe::article_id(keys, article.date, false);
        if tx.article_exists(&article.id).await? {
            article.id = dedupe::article_id(keys, article.date, true);
        }
        tx.put_article(&article, keys).await?;
        return Ok((article.id, ArticleOutcome::New));
    };
    let existing_files = tx.single_file_names(&existing.id).await?;
    if dedupe::is_correction(&article, keys, file_name, record, existing, &existing_files) {
        article.id = existing.id.clone();
        tx.put_article(&article, keys).await?;
        return Ok((article.id, ArticleOutcome::Updated));
    }
    if dedupe::supersedes(&article, keys, existing) {
        article.id = dedupe::article_id(keys, article.date, false);
        if article.id != existing.id && tx.article_exists(&article.id).await? {
            article.id = dedupe::article_id(keys, article.date, true);
        }
        tx.put_article(&article, keys).await?;
        if article.id != existing.id {
            tx.rename_article(&existing.id, &article.id).await?;
        }
        return Ok((article.id, ArticleOutcome::Duplicate));
    }
    Ok((existing.id.clone(), ArticleOutcome::Duplicate))
}

/// Ingests one file's bytes in one transaction: all of its articles or none.
pub async fn ingest_bytes(store: &Store, name: &str, bytes: &[u8]) -> FileOutcome {
    let sha = data_encoding::HEXLOWER.encode(&Sha256::digest(bytes));
    match store.has_file(&sha).await {
        Ok(true) => return FileOutcome::unchanged(),
        Ok(false) => {}
        Err(e) => return FileOutcome::failed(name, e.to_string()),
    }
    let (text, encoding) = match decode::decode(bytes) {
        Ok(t) => t,
        Err(e) => return FileOutcome::failed(name, e.to_string()),
    };
    let mut outcome = FileOutcome::default();
    let mut articles = Vec::new();
    for record in extract::extract(name, &text) {
        match record {
            Ok(ex) => {
                let line = ex.record;
                articles.push((line, build_article(ex)));
            }
            Err(e) => outcome.rejected.push(Rejection {
                file: name.to_string(),
                reason: e.to_string(),
            }),
        }
    }
    if articles.is_empty() {
        if outcome.rejected.is_empty() {
            outcome.rejected.push(Rejection {
                file: name.to_string(),
                reason: "no article text found".to_string(),
            });
        }
        outcome.file_rejected = true;
        return outcome;
    }
    match write_file(store, &sha, name, encoding, bytes, articles).await {
        Ok(stored) => {
            for (id, c) in stored {
                outcome.count(c);
                outcome.ids.push(id);
            }
            outcome
        }
        Err(e) => FileOutcome::failed(name, format!("could not store: {e}")),
    }
}

async fn write_file(
    store: &Store,
    sha: &str,
    name: &str,
    encoding: &str,
    bytes: &[u8],
    articles: Vec<(usize, Article)>,
) -> Result<Vec<(String, ArticleOutcome)>, StoreError> {
    let mut tx = store.begin().await?;
    // Another process may have stored the same bytes since the check above.
    if tx.file_by_hash(sha).await?.is_some() {
        return Ok(Vec::new());
    }
    let file_id = tx.insert_file(sha, name, Some(encoding), bytes).await?;
    let mut outcomes = Vec::with_capacity(articles.len());
    for (record, article) in articles {
        let keys = dedupe::keys(&article);
        let (id, outcome) = store_article(&mut tx, article, &keys, name, record).await?;
        tx.link_file(&id, file_id, record as i64).await?;
        outcomes.push((id, outcome));
    }
    tx.commit().await?;
    Ok(outcomes)
}
