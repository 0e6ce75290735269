//! What a page adds to its matches: snippets of the hits, and the counts of places that
//! share a name.

use std::time::Instant;

use tantivy::Searcher;
use tantivy::collector::Count;
use tantivy::query::Query;

use super::execute::Texts;
use super::facets::PlaceCount;
use super::pass::collect;
use super::query::{self, Leave};
use super::{Result, SearchRequest, SearchResults};

/// Characters of a result's snippet.
const SNIPPET_CHARS: usize = 110;

/// Gives each hit the best passage of its text.
pub(super) fn fill_snippets(results: &mut SearchResults, texts: Texts) -> Result<()> {
    let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    let bodies = texts(&ids)?;
    for hit in &mut results.hits {
        if let Some(body) = bodies.get(&hit.id) {
            hit.snippet = super::snippet::snippet(body, &results.terms, SNIPPET_CHARS);
        }
    }
    Ok(())
}

/// Matches in each of several places of one name, each with its full path.
pub(super) fn count_places(
    searcher: &Searcher,
    fields: &super::schema::Fields,
    text: &dyn Query,
    filters: &query::Filters,
    req: &SearchRequest,
    deadline: Option<Instant>,
) -> Result<Vec<PlaceCount>> {
    let mut out = Vec::new();
    for (region, facet) in req.regions.iter().zip(&filters.regions) {
        let one = query::Filters {
            regions: vec![facet.clone()],
            ..filters.clone()
        };
        let query = query::filtered(fields, text.box_clone(), &one, Leave::Nothing);
        let count = collect(searcher, query.as_ref(), &Count, deadline)?;
        out.push(PlaceCount {
            region: region.clone(),
            count: count as u64,
        });
    }
    Ok(out)
}
