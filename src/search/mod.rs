//! Search: schema, analyzers, query language, facets, snippets and related articles.

mod budget;
pub mod dictionary;
mod execute;
pub mod export;
pub mod facets;
mod fill;
mod index;
mod inspect;
mod newest;
mod pass;
pub mod query;
mod related;
mod repealers;
pub mod request;
mod schema;
pub mod snippet;
mod statistics;
pub mod syntax;
pub mod tokenizer;
mod validity;

use serde::Serialize;
use tantivy::schema::{Facet, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument};

pub use execute::{Texts, search, search_within};
pub use facets::{FacetCount, Facets};
pub use index::{IndexUpdater, SearchIndex, Synced};
pub use inspect::{IndexContents, inspect};
pub use newest::{Newest, RegionNewest, newest_by_region};
pub use related::related;
pub use repealers::{Role, named, referrers};
pub use request::{SearchRequest, Sort};
pub use schema::day_ts;
pub use validity::Standing;

use query::Filters;
pub use schema::Flat;
use schema::{Fields, region_facet};

/// Errors of the search layer.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed.
    #[error(transparent)]
    Tantivy(#[from] tantivy::TantivyError),
    /// The index directory could not be used.
    #[error("index directory {0}")]
    Io(String, #[source] std::io::Error),
    /// Another process is writing the index.
    #[error("the search index is being written by another process; try again when it finishes")]
    Busy,
    /// The search used up its time budget and was stopped.
    #[error("the search took longer than its time budget")]
    OverBudget,
    /// The text of the hits could not be read for their snippets.
    #[error("reading the text of the hits")]
    Texts(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A background task failed (panicked or was cancelled).
    #[error("index task failed")]
    Task(#[from] tokio::task::JoinError),
    /// A failed commit lost the index writer; the index must be opened again.
    #[error("the index writer was lost in a failed commit")]
    WriterLost,
    /// The index was written by a build with another schema.
    #[error("the index has no {0} field: rebuild it with `rencai reindex`")]
    Schema(&'static str),
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
    /// Best passage with its matches marked (filled from the stored text when asked for);
    /// serialized as HTML with `<mark>`.
    pub snippet: snippet::Marked,
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

fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

pub(crate) fn hit(searcher: &Searcher, fields: &Fields, addr: DocAddress) -> Result<Hit> {
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
    Ok(Hit {
        id: text_of(&doc, fields.id).unwrap_or_default(),
        title: text_of(&doc, fields.title).unwrap_or_default(),
        date: text_of(&doc, fields.date),
        province: region.first().cloned(),
        city: region.get(1).cloned(),
        county: region.get(2).cloned(),
        source: text_of(&doc, fields.source),
        snippet: snippet::Marked::default(),
    })
}

pub(crate) fn filters(req: &SearchRequest, standing: &Standing) -> Filters {
    let regions = req
        .regions
        .iter()
        .map(|r| region_facet(&r.province, r.city.as_deref(), r.county.as_deref()))
        .collect();
    let when = req.year.map(|y| match req.month {
        Some(m) => Facet::from_path([y.to_string(), format!("{m:02}")]),
        None => Facet::from_path([y.to_string()]),
    });
    let range = (req.from.is_some() || req.to.is_some())
        .then(|| (req.from.map(day_ts), req.to.map(|d| day_ts(d) + 86_399)));
    Filters {
        regions,
        flat: [
            (Flat::Kind, req.kind.map(|k| k.label())),
            (Flat::Issuer, req.issuer.as_deref()),
            (Flat::Benefit, req.benefit.map(|b| b.label())),
            (Flat::Degree, req.degree.as_deref()),
        ]
        .into_iter()
        .filter_map(|(dim, value)| Some((dim, Facet::from_path([value?]))))
        .collect(),
        validity: req.validity.map(|v| (v, standing.clone())),
        when,
        range,
    }
}
