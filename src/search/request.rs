//! A validated search request: what to find, how to order it, which page.

use crate::region::Region;
use chrono::NaiveDate;

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first (newest first for an empty query).
    #[default]
    Relevance,
    /// Newest first.
    Newest,
    /// Oldest first.
    Oldest,
    /// Latest to take effect first (documents stating no effective date last).
    Effective,
}

impl Sort {
    /// The parameter value of this order.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Effective => "effective",
        }
    }
}

/// A validated search request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Query text as typed.
    pub q: String,
    /// Region filter with official names: every division the parameters name, several when a
    /// bare name is shared (南山区 in 深圳市 and in 鹤岗市); empty for none.
    pub regions: Vec<Region>,
    /// Year filter.
    pub year: Option<i32>,
    /// Month filter (with year).
    pub month: Option<u32>,
    /// Kind filter (文种).
    pub kind: Option<crate::document::Kind>,
    /// Issuer filter: an organ's full name.
    pub issuer: Option<String>,
    /// Benefit filter: articles offering this kind of benefit.
    pub benefit: Option<crate::benefit::BenefitKind>,
    /// Degree filter: articles offering a benefit for this degree (博士, 硕士 …).
    pub degree: Option<String>,
    /// Validity filter (有效性), as of today.
    pub validity: Option<crate::document::Validity>,
    /// Inclusive start date.
    pub from: Option<NaiveDate>,
    /// Inclusive end date.
    pub to: Option<NaiveDate>,
    /// Result order.
    pub sort: Sort,
    /// Page from 1.
    pub page: usize,
    /// Results per page.
    pub per_page: usize,
    /// A region filter named a place that does not exist: nothing can match.
    pub unknown_region: bool,
}

/// Results per page when the caller does not say.
pub const DEFAULT_PER_PAGE: usize = 20;

impl Default for SearchRequest {
    /// Every article, newest first, the first page.
    fn default() -> SearchRequest {
        SearchRequest {
            q: String::new(),
            regions: Vec::new(),
            year: None,
            month: None,
            kind: None,
            issuer: None,
            benefit: None,
            degree: None,
            validity: None,
            from: None,
            to: None,
            sort: Sort::default(),
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            unknown_region: false,
        }
    }
}

/// Longest query text considered.
pub const MAX_QUERY_CHARS: usize = 256;
/// Largest page size.
pub const MAX_PER_PAGE: usize = 100;
/// Deepest page served (beyond it results are cut, not computed).
pub const MAX_PAGE: usize = 500;

impl SearchRequest {
    /// The one region filter, when the parameters name exactly one division.
    pub fn region(&self) -> Option<&Region> {
        match self.regions.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// Whether the query asks for no words (then every article matching the filters is listed).
    pub fn is_listing(&self) -> bool {
        super::syntax::parse(&self.q).is_empty()
    }

    /// The order results come in: relevance needs words, so a listing shows the newest first.
    pub fn effective_sort(&self) -> Sort {
        match self.sort {
            Sort::Relevance if self.is_listing() => Sort::Newest,
            sort => sort,
        }
    }
}
