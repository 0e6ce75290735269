//! Ingest: read, decode, extract, clean, place, deduplicate and store articles.

pub mod decode;
pub mod dedupe;
pub mod extract;
pub mod pipeline;
pub mod prepare;
mod report;
pub mod source;
pub mod walk;
pub mod write;

use crate::article::Article;
use crate::fold::fold;
use crate::region::{Evidence, Gazetteer, attribute};
use crate::store::Store;
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

/// Ingests one file's bytes held in memory (all of its records) in one transaction, without
/// touching the index.
pub async fn ingest_bytes(store: &Store, name: &str, bytes: &[u8]) -> FileOutcome {
    let mut prepared = Vec::new();
    for unit in source::units_of(name, bytes) {
        prepared.push(match unit {
            Ok(unit) => {
                let sha = prepare::sha256_hex(&unit.bytes);
                prepare::prepare(unit, sha, false)
            }
            Err(e) => {
                let one = FileOutcome::failed(name, e.reason);
                return one;
            }
        });
    }
    let written = write::write_batch(store, prepared).await;
    let mut outcome = FileOutcome::default();
    for one in written.outcomes {
        outcome.merge(one);
    }
    outcome
}
