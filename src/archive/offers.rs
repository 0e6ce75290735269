//! Offers compared region by region: the search finds each region's newest matching articles,
//! the database gives their text, and the benefit reader compares what they state.

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use super::{Archive, ArchiveError};
use crate::benefit::compare::{self, OfferRow, Wanted};
use crate::search::{self, SearchError, SearchRequest};

/// Newest matching articles read per region: the newest may not state the wanted benefit for
/// the wanted degree in one sentence, so a few stand behind it.
const PER_REGION: usize = 3;

/// Comparisons kept: each reads a few articles of every region, so a repeated one is served
/// from here while the index and the day stay the same.
const CACHED_COMPARISONS: usize = 64;

/// Comparisons by (index generation, day, request).
#[derive(Clone)]
pub struct OffersCache(Arc<Mutex<lru::LruCache<String, Arc<Vec<OfferRow>>>>>);

impl Default for OffersCache {
    fn default() -> OffersCache {
        let size = NonZeroUsize::new(CACHED_COMPARISONS).unwrap_or(NonZeroUsize::MIN);
        OffersCache(Arc::new(Mutex::new(lru::LruCache::new(size))))
    }
}

impl OffersCache {
    fn get(&self, key: &str) -> Option<Arc<Vec<OfferRow>>> {
        self.0.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: String, rows: Arc<Vec<OfferRow>>) {
        if let Ok(mut cache) = self.0.lock() {
            cache.put(key, rows);
        }
    }
}

impl Archive {
    /// One row per region and kind of benefit for the articles matching `req` (its benefit,
    /// degree, region, date and validity filters), best first. Runs in turn with searches.
    pub async fn offers(&self, req: &SearchRequest) -> Result<Arc<Vec<OfferRow>>, ArchiveError> {
        let key = format!(
            "{}\u{0}{}\u{0}{req:?}",
            self.index.generation(),
            crate::document::today()
        );
        if let Some(rows) = self.offers.get(&key) {
            return Ok(rows);
        }
        let (rows, current) = self.compare_offers(req).await?;
        let rows = Arc::new(rows);
        if current {
            self.offers.put(key, rows.clone());
        }
        Ok(rows)
    }

    /// The rows, and whether they were judged with the current generation's repeals.
    async fn compare_offers(
        &self,
        req: &SearchRequest,
    ) -> Result<(Vec<OfferRow>, bool), ArchiveError> {
        let (index, store, req) = (self.index.clone(), self.store.clone(), req.clone());
        let turn = self.gate.enter().await?;
        let deadline = std::time::Instant::now() + super::query::SEARCH_BUDGET;
        let runtime = tokio::runtime::Handle::current();
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let newest = search::newest_by_region(&index, &req, PER_REGION, Some(deadline))
                .map_err(super::query::search_failed)?;
            let regions = newest.regions;
            let ids: Vec<String> = regions
                .iter()
                .flat_map(|r| r.articles.iter().map(|(id, _)| id.clone()))
                .collect();
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
                    .articles
                    .iter()
                    .filter_map(|(id, day)| Some((articles.remove(id)?, *day)))
                    .collect();
                rows.extend(compare::region_rows(&region.region, &newest_first, &wanted));
            }
            compare::rank(&mut rows);
            Ok((rows, newest.current))
        })
        .await
        .map_err(|e| ArchiveError::Search(SearchError::Task(e)))?
    }
}
