//! Following references between archived documents through the index: who repeals or cites
//! a document (by its numbers or title keys), and which document a reference names.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Term, schema::Value};

use super::schema::{REFERS_NUMBER, REFERS_TITLE};
use super::{Hit, Result, SearchIndex, hit};

/// Most referring documents listed for one document.
const MOST: usize = 20;

/// How one document refers to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Declares it repealed.
    Repeals,
    /// Cites it otherwise.
    Cites,
}

fn any_term(field: Field, terms: impl Iterator<Item = String>) -> Option<BooleanQuery> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = terms
        .map(|t| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(field, &t),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, q)
        })
        .collect();
    (!clauses.is_empty()).then(|| BooleanQuery::new(clauses))
}

/// The documents that refer to one with these numbers or title keys in `role`, except `id`
/// itself.
pub fn referrers(
    index: &SearchIndex,
    role: Role,
    numbers: &[String],
    title_keys: &[String],
    id: &str,
) -> Result<Vec<Hit>> {
    let fields = index.fields();
    let field = match role {
        Role::Repeals => fields.repeals,
        Role::Cites => fields.cites,
    };
    let terms = numbers
        .iter()
        .map(|n| format!("{REFERS_NUMBER}{n}"))
        .chain(title_keys.iter().map(|k| format!("{REFERS_TITLE}{k}")));
    let Some(query) = any_term(field, terms) else {
        return Ok(Vec::new());
    };
    let searcher = index.searcher();
    let found = searcher.search(&query, &TopDocs::with_limit(MOST).order_by_score())?;
    let mut out = Vec::new();
    for (_, address) in found {
        let h = hit(&searcher, fields, address)?;
        if h.id != id {
            out.push(h);
        }
    }
    Ok(out)
}

/// The archived document a reference names (by number first, else by title key), other
/// than `id`.
pub fn named(
    index: &SearchIndex,
    number: Option<&str>,
    key: Option<&str>,
    id: &str,
) -> Result<Option<String>> {
    let fields = index.fields();
    let searcher = index.searcher();
    for (field, value) in [(fields.doc_number, number), (fields.title_key, key)] {
        let Some(value) = value.filter(|v| !v.is_empty()) else {
            continue;
        };
        let Some(query) = any_term(field, std::iter::once(value.to_string())) else {
            continue;
        };
        for (_, address) in searcher.search(&query, &TopDocs::with_limit(2).order_by_score())? {
            let doc: tantivy::TantivyDocument = searcher.doc(address)?;
            let found = doc
                .get_first(fields.id)
                .and_then(|v| v.as_str())
                .map(str::to_string);
            if let Some(found) = found.filter(|f| f != id) {
                return Ok(Some(found));
            }
        }
    }
    Ok(None)
}
