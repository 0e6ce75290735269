//! Every match of a search, for export: the same matches and order as the search pages, not
//! one page of them.

use tantivy::collector::{Count, TopDocs};
use tantivy::{DocAddress, Searcher};

use super::query::{self, Leave};
use super::{Hit, Result, SearchIndex, SearchRequest, Sort, filters, hit, syntax};

/// The matches of a search, found on one searcher.
pub struct Matches {
    searcher: Searcher,
    /// Every match, in the search's order.
    pub addresses: Vec<DocAddress>,
}

impl Matches {
    /// The stored fields of a match.
    pub fn hit(&self, index: &SearchIndex, address: DocAddress) -> Result<Hit> {
        hit(&self.searcher, index.fields(), address)
    }
}

/// Every match of `req` (as many as its total says), best first or newest first as the
/// search pages order them. Memory grows with the matches by one address each.
pub fn all_matches(index: &SearchIndex, req: &SearchRequest) -> Result<Matches> {
    let searcher = index.searcher();
    let mut matches = Matches {
        searcher: searcher.clone(),
        addresses: Vec::new(),
    };
    if req.unknown_region {
        return Ok(matches);
    }
    let fields = index.fields();
    let parsed = syntax::parse(&req.q);
    let standing = index.standing(&searcher, crate::document::today())?;
    let filters = filters(req, &standing);
    let mut query = query::filtered(
        fields,
        query::text_query(fields, &parsed, false),
        &filters,
        Leave::Nothing,
    );
    let mut total = searcher.search(query.as_ref(), &Count)?;
    if total == 0 && !parsed.is_empty() {
        // As the search pages do: no article holds the words as written, so all of them.
        query = query::filtered(
            fields,
            query::text_query(fields, &parsed, true),
            &filters,
            Leave::Nothing,
        );
        total = searcher.search(query.as_ref(), &Count)?;
    }
    if total == 0 {
        return Ok(matches);
    }
    let top = TopDocs::with_limit(total);
    matches.addresses = match req.effective_sort() {
        Sort::Relevance => {
            super::pass::collect(&searcher, query.as_ref(), &super::pass::by_score(top), None)?
                .into_iter()
                .map(|(_, a)| a)
                .collect()
        }
        sort => super::pass::collect(
            &searcher,
            query.as_ref(),
            &super::pass::by_field(top, sort),
            None,
        )?
        .into_iter()
        .map(|(_, a)| a)
        .collect(),
    };
    Ok(matches)
}
