//! Related articles (相关文章) by content similarity.

use tantivy::TantivyDocument;
use tantivy::collector::TopDocs;
use tantivy::query::MoreLikeThisQuery;
use tantivy::schema::OwnedValue;

use super::{Result, SearchIndex, text_of};

/// Up to `n` articles most like the article `id` with this title and body, as (id, title),
/// best first.
pub fn related(
    index: &SearchIndex,
    id: &str,
    title: &str,
    body: &str,
    n: usize,
) -> Result<Vec<(String, String)>> {
    let searcher = index.searcher();
    let fields = index.fields();
    let query = MoreLikeThisQuery::builder()
        // A term no other article has cannot relate this one to another.
        .with_min_doc_frequency(2)
        .with_max_doc_frequency(searcher.num_docs().max(2) / 2 + 1)
        .with_min_term_frequency(2)
        .with_max_query_terms(30)
        .with_min_word_length(2)
        .with_document_fields(vec![
            (fields.title, vec![OwnedValue::Str(title.to_string())]),
            (fields.body_grams, vec![OwnedValue::Str(body.to_string())]),
        ]);
    let top = searcher.search(&query, &TopDocs::with_limit(n + 1).order_by_score())?;
    let mut out = Vec::with_capacity(n);
    for (_, addr) in top {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let other = text_of(&doc, fields.id).unwrap_or_default();
        if other != id && out.len() < n {
            out.push((other, text_of(&doc, fields.title).unwrap_or_default()));
        }
    }
    Ok(out)
}
