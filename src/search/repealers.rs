//! Finding the archived documents that repeal a given one, by its numbers or title keys.

use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::schema::{REPEALS_NUMBER, REPEALS_TITLE};
use super::{Hit, Result, SearchIndex, hit};

/// Most repealing documents listed for one document.
const MOST: usize = 20;

/// The documents whose text repeals one with these numbers or title keys, except `id` itself.
pub fn repealers(
    index: &SearchIndex,
    numbers: &[String],
    title_keys: &[String],
    id: &str,
) -> Result<Vec<Hit>> {
    let fields = index.fields();
    let terms = numbers
        .iter()
        .map(|n| format!("{REPEALS_NUMBER}{n}"))
        .chain(title_keys.iter().map(|k| format!("{REPEALS_TITLE}{k}")));
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .map(|t| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(fields.repeals, &t),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, q)
        })
        .collect();
    if clauses.is_empty() {
        return Ok(Vec::new());
    }
    let searcher = index.searcher();
    let found = searcher.search(
        &BooleanQuery::new(clauses),
        &TopDocs::with_limit(MOST).order_by_score(),
    )?;
    let mut out = Vec::new();
    for (_, address) in found {
        let h = hit(&searcher, fields, address)?;
        if h.id != id {
            out.push(h);
        }
    }
    Ok(out)
}
