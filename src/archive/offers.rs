//! Offers compared region by region: the search finds each region's newest matching articles,
//! the database gives their text, and the benefit reader compares what they state.

use std::collections::HashMap;

use super::{Archive, ArchiveError};
use crate::benefit::compare::{self, OfferRow, Wanted};
use crate::search::{self, SearchError, SearchRequest};

/// Newest matching articles read per region: the newest may not state the wanted benefit for
/// the wanted degree in one sentence, so a few stand behind it.
const PER_REGION: usize = 3;

impl Archive {
    /// One row per region and kind of benefit for the articles matching `req` (its benefit,
    /// degree, region, date and validity filters), best first. Runs in turn with searches.
    pub async fn offers(&self, req: &SearchRequest) -> Result<Vec<OfferRow>, ArchiveError> {
        let (index, store, req) = (self.index.clone(), self.store.clone(), req.clone());
        let turn = self.gate.enter().await?;
        let runtime = tokio::runtime::Handle::current();
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let regions = search::newest_by_region(&index, &req, PER_REGION)?;
            let ids: Vec<String> = regions.iter().flat_map(|r| r.ids.iter().cloned()).collect();
            let mut articles: HashMap<String, crate::article::Article> = runtime
                .block_on(store.articles(&ids))?
                .into_iter()
                .map(|a| (a.id.clone(), a))
                .collect();
            let wanted = Wanted {
                kind: req.benefit,
                degree: req.degree.clone(),
            };
            let mut rows = Vec::new();
            for region in regions {
                let newest_first: Vec<_> = region
                    .ids
                    .iter()
                    .filter_map(|id| articles.remove(id))
                    .collect();
                rows.extend(compare::region_rows(&region.region, &newest_first, &wanted));
            }
            compare::rank(&mut rows);
            Ok(rows)
        })
        .await
        .map_err(|e| ArchiveError::Search(SearchError::Task(e)))?
    }
}
