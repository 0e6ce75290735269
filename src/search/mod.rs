//! Search: schema, analyzers, query language, facets, snippets and related articles.

pub mod dictionary;
pub mod facets;
mod index;
pub mod query;
mod related;
pub mod request;
mod schema;
pub mod snippet;
pub mod syntax;
pub mod tokenizer;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::schema::{Facet, Value};
use tantivy::{DocAddress, Order, Searcher, TantivyDocument};

pub use facets::{FacetCount, Facets};
pub use index::{SearchIndex, Synced};
pub use related::related;
pub use request::{RawParams, SearchRequest, Sort};
pub use schema::day_ts;

use query::Filters;
use schema::{Fields, TS, region_facet};

/// Errors of the search layer.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed.
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// Reading the database for the index failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The index directory could not be used.
    #[error("index directory {0}: {1}")]
    Io(String, std::io::Error),
    /// Another process is writing the index.
    #[error("the search index is being written by another process; try again when it finishes")]
    Busy,
    /// A background task failed.
    #[error("index task failed: {0}")]
    Task(String),
}

/// Result type of the search layer.
pub type Result<T, E = SearchError> = std::result::Result<T, E>;

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Permalink id.
    pub id: String,
    /// Title as written.
    pub title: String,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// Province.
    pub province: Option<String>,
    /// City.
    pub city: Option<String>,
    /// County.
    pub county: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Best passage as HTML, matches in `<mark>`.
    pub snippet: String,
}

impl Hit {
    /// Province, city and county without repeating a municipality's name.
    pub fn places(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for p in [&self.province, &self.city, &self.county]
            .into_iter()
            .flatten()
        {
            if !out.contains(&p.as_str()) {
                out.push(p);
            }
        }
        out
    }
}

/// A page of results with facets.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// Matching articles in all.
    pub total: usize,
    /// This page, from 1.
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// This page's results.
    pub hits: Vec<Hit>,
    /// Counts by region and date.
    pub facets: Facets,
    /// No article contained the query as written; these results contain all of its words.
    pub fallback: bool,
    /// The terms that were matched, for highlighting.
    pub terms: Vec<String>,
}

const SNIPPET_CHARS: usize = 110;

fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

fn hit(searcher: &Searcher, fields: &Fields, addr: DocAddress, terms: &[String]) -> Result<Hit> {
    let doc: TantivyDocument = searcher.doc(addr)?;
    let region: Vec<String> = doc
        .get_first(fields.region)
        .and_then(|v| v.as_facet())
        // Stored facets are encoded with NUL between path segments.
        .map(|f| {
            f.split('\0')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let body = text_of(&doc, fields.body).unwrap_or_default();
    Ok(Hit {
        id: text_of(&doc, fields.id).unwrap_or_default(),
        title: text_of(&doc, fields.title).unwrap_or_default(),
        date: text_of(&doc, fields.date),
        province: region.first().cloned(),
        city: region.get(1).cloned(),
        county: region.get(2).cloned(),
        source: text_of(&doc, fields.source),
        snippet: snippet::snippet(&body, terms, SNIPPET_CHARS),
    })
}

fn filters(req: &SearchRequest) -> Filters {
    let region = req
        .region
        .as_ref()
        .map(|r| region_facet(&r.province, r.city.as_deref(), r.county.as_deref()));
    let when = req.year.map(|y| match req.month {
        Some(m) => Facet::from_path([y.to_string(), format!("{m:02}")]),
        None => Facet::from_path([y.to_string()]),
    });
    let range = (req.from.is_some() || req.to.is_some())
        .then(|| (req.from.map(day_ts), req.to.map(|d| day_ts(d) + 86_399)));
    Filters {
        region,
        when,
        range,
    }
}

/// Runs a search: one page of hits, the total, and facet counts.
pub fn search(index: &SearchIndex, req: &SearchRequest) -> Result<SearchResults> {
    let searcher = index.searcher();
    let fields = index.fields();
    let parsed = syntax::parse(&req.q);
    let filters = filters(req);
    let mut results = SearchResults {
        page: req.page,
        per_page: req.per_page,
        ..SearchResults::default()
    };
    if req.unknown_region {
        return Ok(results);
    }
    let mut fallback = false;
    let mut text = query::text_query(fields, &parsed, false);
    let listing = parsed.is_empty() && parsed.must_not.is_empty() && filters == Filters::default();
    let generation = searcher.generation().generation_id();
    let cached = listing.then(|| index.cached_listing(generation)).flatten();
    let mut total = match &cached {
        Some((total, _)) => *total,
        None => searcher.search(
            &query::filtered(fields, text.box_clone(), &filters, false, false),
            &Count,
        )?,
    };
    if total == 0 && !parsed.is_empty() {
        let loose = query::text_query(fields, &parsed, true);
        let loose_total = searcher.search(
            &query::filtered(fields, loose.box_clone(), &filters, false, false),
            &Count,
        )?;
        if loose_total > 0 {
            fallback = true;
            text = loose;
            total = loose_total;
        }
    }
    let full = query::filtered(fields, text.box_clone(), &filters, false, false);
    let offset = (req.page - 1) * req.per_page;
    let top = TopDocs::with_limit(req.per_page).and_offset(offset);
    let sort = match (req.sort, parsed.is_empty()) {
        (Sort::Relevance, true) => Sort::Newest,
        (s, _) => s,
    };
    let addresses: Vec<DocAddress> = match sort {
        Sort::Relevance => searcher
            .search(&full, &top.order_by_score())?
            .into_iter()
            .map(|(_, a)| a)
            .collect(),
        Sort::Newest | Sort::Oldest => {
            let order = if sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            searcher
                .search(&full, &top.order_by_fast_field::<i64>(TS, order))?
                .into_iter()
                .map(|(_, a)| a)
                .collect()
        }
    };
    results.terms = if fallback {
        parsed
            .positive_terms()
            .iter()
            .flat_map(|t| query::fallback_words(t))
            .collect()
    } else {
        parsed.positive_terms()
    };
    for addr in addresses {
        results
            .hits
            .push(hit(&searcher, fields, addr, &results.terms)?);
    }
    if let Some((_, facets)) = cached {
        results.facets = facets;
    } else {
        let sel = facets::Selection {
            province: req.region.as_ref().map(|r| r.province.as_str()),
            city: req.region.as_ref().and_then(|r| r.city.as_deref()),
            year: req.year,
        };
        let without_region = query::filtered(fields, text.box_clone(), &filters, true, false);
        let (province, city, county) =
            facets::region_counts(&searcher, without_region.as_ref(), &sel)?;
        let without_when = query::filtered(fields, text, &filters, false, true);
        let (year, month) = facets::date_counts(&searcher, without_when.as_ref(), &sel)?;
        results.facets = Facets {
            province,
            city,
            county,
            year,
            month,
        };
        if listing {
            index.cache_listing(generation, total, &results.facets);
        }
    }
    results.total = total;
    results.fallback = fallback;
    Ok(results)
}
