//! Related articles (相关文章) by content similarity.

use tantivy::collector::TopDocs;
use tantivy::query::{MoreLikeThisQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};
use tantivy::{TantivyDocument, Term};

use super::{Result, SearchIndex, text_of};

/// Up to `n` articles most like the one with `id`, as (id, title), best first.
pub fn related(index: &SearchIndex, id: &str, n: usize) -> Result<Vec<(String, String)>> {
    let searcher = index.searcher();
    let fields = index.fields();
    let by_id = TermQuery::new(
        Term::from_field_text(fields.id, id),
        IndexRecordOption::Basic,
    );
    let Some((_, addr)) = searcher
        .search(&by_id, &TopDocs::with_limit(1).order_by_score())?
        .into_iter()
        .next()
    else {
        return Ok(Vec::new());
    };
    let doc: TantivyDocument = searcher.doc(addr)?;
    let value = |f| OwnedValue::Str(text_of(&doc, f).unwrap_or_default());
    let query = MoreLikeThisQuery::builder()
        .with_min_doc_frequency(1)
        .with_max_doc_frequency(searcher.num_docs().max(2) / 2 + 1)
        .with_min_term_frequency(2)
        .with_max_query_terms(30)
        .with_min_word_length(2)
        .with_document_fields(vec![
            (fields.title, vec![value(fields.title)]),
            (fields.body, vec![value(fields.body)]),
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
