//! Storing prepared units: a batch in one transaction, duplicates merged, raw bytes kept.

use std::collections::{HashMap, HashSet};

use super::prepare::{Prepared, Ready, Verdict};
use super::{ArticleOutcome, FileOutcome, dedupe};
use crate::article::Article;
use crate::store::{Candidate, Compression, Put, RawFile, Store, StoreError, Tx};

/// What a batch wrote: one outcome per unit, and the articles it changed.
#[derive(Debug, Default)]
pub struct Written {
    /// One outcome per unit, in order.
    pub outcomes: Vec<FileOutcome>,
    /// Every article id the batch wrote: its stored state, or None when it was merged away.
    pub changed: HashMap<String, Option<Article>>,
    /// The change-log position after the batch's own writes.
    pub as_of: i64,
}

/// Writes a batch of prepared units in one transaction. When the batch fails as a whole, each
/// unit is written on its own, so one bad unit costs only itself.
pub async fn write_batch(store: &Store, batch: Vec<Prepared>) -> Written {
    match write_all(store, &batch).await {
        Ok(written) => written,
        Err(_) if batch.len() > 1 => {
            let mut written = Written::default();
            for unit in batch {
                let one = Box::pin(write_batch(store, vec![unit])).await;
                written.outcomes.extend(one.outcomes);
                written.changed.extend(one.changed);
                written.as_of = written.as_of.max(one.as_of);
            }
            written
        }
        Err(e) => Written {
            outcomes: batch
                .iter()
                .map(|p| {
                    FileOutcome::failed(
                        &p.name,
                        format!("could not store: {}", crate::report::chain(&e)),
                    )
                })
                .collect(),
            changed: HashMap::new(),
            as_of: 0,
        },
    }
}

async fn write_all(store: &Store, batch: &[Prepared]) -> Result<Written, StoreError> {
    let mut tx = store.begin().await?;
    let fresh: Vec<&str> = batch
        .iter()
        .filter(|p| p.verdict == Verdict::Fresh)
        .map(|p| p.sha256.as_str())
        .collect();
    // Another process may have stored the same bytes since the workers looked.
    let stored = tx.existing_files(&fresh).await?;
    let mut seen = HashSet::new();
    let mut written = Written::default();
    for p in batch {
        let outcome = match p.verdict {
            Verdict::Unchanged => FileOutcome::unchanged(),
            Verdict::Rejected => FileOutcome {
                file_rejected: true,
                rejected: p.rejected.clone(),
                ..FileOutcome::default()
            },
            Verdict::Fresh if stored.contains(&p.sha256) || !seen.insert(&p.sha256) => {
                FileOutcome::unchanged()
            }
            Verdict::Fresh => write_unit(&mut tx, p, &mut written.changed).await?,
        };
        written.outcomes.push(outcome);
    }
    written.as_of = tx.last_change().await?;
    tx.commit().await?;
    Ok(written)
}

async fn write_unit(
    tx: &mut Tx,
    p: &Prepared,
    changed: &mut HashMap<String, Option<Article>>,
) -> Result<FileOutcome, StoreError> {
    let file_id = tx
        .insert_file(&RawFile {
            sha256: &p.sha256,
            name: &p.name,
            record: p.record as i64,
            encoding: p.encoding,
            stored: &p.stored,
            compression: Compression::Zstd,
            size: p.size as i64,
        })
        .await?;
    let mut outcome = FileOutcome {
        rejected: p.rejected.clone(),
        ..FileOutcome::default()
    };
    for ready in &p.articles {
        let (id, result) = store_article(tx, ready.clone(), &p.name, changed).await?;
        tx.link_file(&id, file_id, ready.record as i64).await?;
        outcome.count(result);
        outcome.ids.push(id);
    }
    Ok(outcome)
}

/// Stores one article, merging it with a stored duplicate; returns its id and what happened.
async fn store_article(
    tx: &mut Tx,
    ready: Ready,
    file_name: &str,
    changed: &mut HashMap<String, Option<Article>>,
) -> Result<(String, ArticleOutcome), StoreError> {
    let Ready {
        record,
        mut article,
        keys,
    } = ready;
    let short = dedupe::article_id(&keys, article.date, false);
    let candidates = tx.candidates(&keys, &short).await?;
    // The content-derived id, or its longer form when another article holds the short one.
    let free_id = |existing: Option<&str>| {
        if Some(short.as_str()) != existing && candidates.iter().any(|c| c.id == short) {
            dedupe::article_id(&keys, article.date, true)
        } else {
            short.clone()
        }
    };
    let sim = |c: &Candidate| dedupe::similarity(&keys.signature, &c.keys.signature);
    let best = candidates
        .iter()
        .filter(|c| dedupe::same_article(&article, &keys, c))
        .max_by(|a, b| sim(a).total_cmp(&sim(b)));
    let Some(existing) = best else {
        article.id = free_id(None);
        let put = if article.id == short {
            Put::New
        } else {
            Put::Replace
        };
        tx.put_article(&article, &keys, put).await?;
        let id = article.id.clone();
        changed.insert(id.clone(), Some(article));
        return Ok((id, ArticleOutcome::New));
    };
    let existing_files = tx.single_file_names(&existing.id).await?;
    if dedupe::is_correction(
        &article,
        &keys,
        file_name,
        record,
        existing,
        &existing_files,
    ) {
        article.id = existing.id.clone();
        tx.put_article(&article, &keys, Put::Replace).await?;
        let id = article.id.clone();
        changed.insert(id.clone(), Some(article));
        return Ok((id, ArticleOutcome::Updated));
    }
    if dedupe::supersedes(&article, &keys, existing) {
        article.id = free_id(Some(&existing.id));
        tx.put_article(&article, &keys, Put::Replace).await?;
        if article.id != existing.id {
            tx.rename_article(&existing.id, &article.id).await?;
            changed.insert(existing.id.clone(), None);
        }
        let id = article.id.clone();
        changed.insert(id.clone(), Some(article));
        return Ok((id, ArticleOutcome::Duplicate));
    }
    Ok((existing.id.clone(), ArticleOutcome::Duplicate))
}
