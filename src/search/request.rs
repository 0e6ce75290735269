//! A search request as the web and API layers receive it, validated leniently.

use crate::region::{Gazetteer, Level, Region};
use chrono::{Datelike, NaiveDate};

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
}

impl Sort {
    /// The parameter value of this order.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        }
    }
}

/// Query-string parameters exactly as sent; every one optional and free text.
#[derive(Debug, Clone, Default)]
pub struct RawParams {
    /// Query text.
    pub q: Option<String>,
    /// Province filter.
    pub province: Option<String>,
    /// City filter.
    pub city: Option<String>,
    /// County filter.
    pub county: Option<String>,
    /// Year filter.
    pub year: Option<String>,
    /// Month filter, YYYY-MM.
    pub month: Option<String>,
    /// Start date, YYYY-MM-DD.
    pub from: Option<String>,
    /// End date, YYYY-MM-DD.
    pub to: Option<String>,
    /// relevance, newest or oldest.
    pub sort: Option<String>,
    /// Page number from 1.
    pub page: Option<String>,
    /// Results per page, at most 100.
    pub per_page: Option<String>,
}

/// A validated search request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Query text as typed.
    pub q: String,
    /// Region filter with official names.
    pub region: Option<Region>,
    /// Year filter.
    pub year: Option<i32>,
    /// Month filter (with year).
    pub month: Option<u32>,
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
    /// What was not understood, for the reader.
    pub notices: Vec<String>,
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
            region: None,
            year: None,
            month: None,
            from: None,
            to: None,
            sort: Sort::default(),
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            notices: Vec::new(),
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

fn value(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn parse_date(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

impl SearchRequest {
    /// Validates raw parameters; what cannot be understood is ignored with a notice.
    pub fn from_params(p: &RawParams, default_per_page: usize) -> SearchRequest {
        let mut r = SearchRequest {
            q: value(&p.q)
                .map(|q| q.chars().take(MAX_QUERY_CHARS).collect())
                .unwrap_or_default(),
            page: 1,
            per_page: default_per_page,
            ..SearchRequest::default()
        };
        if value(&p.q).is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS) {
            r.notices
                .push(format!("查询太长，只用了前 {MAX_QUERY_CHARS} 个字"));
        }
        let dropped = super::syntax::parse(&r.q).dropped;
        if dropped > 0 {
            r.notices.push(format!(
                "查询词太多，只用了前 {} 个，其余 {dropped} 个已忽略",
                super::syntax::MAX_TERMS
            ));
        }
        let g = Gazetteer::bundled();
        let (province, city, county) = (value(&p.province), value(&p.city), value(&p.county));
        let mut region: Option<Region> = None;
        for (name, level) in [
            (province, Level::Province),
            (city, Level::City),
            (county, Level::County),
        ] {
            let Some(name) = name else { continue };
            let found = match &region {
                Some(within) => g.lookup_within(
                    name,
                    level,
                    Some(within.province.as_str()),
                    within.city.as_deref(),
                ),
                None => g.lookup(name, Some(level)),
            };
            match found {
                Some(found) => region = Some(found),
                None => {
                    r.notices.push(format!("未找到地区“{name}”"));
                    r.unknown_region = true;
                }
            }
        }
        r.region = region;
        if let Some(y) = value(&p.year) {
            match y.parse::<i32>() {
                Ok(y) if (1900..=2100).contains(&y) => r.year = Some(y),
                _ => r.notices.push(format!("无法识别的年份“{y}”，已忽略")),
            }
        }
        if let Some(m) = value(&p.month) {
            match NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d") {
                Ok(d) => {
                    r.year = Some(d.year());
                    r.month = Some(d.month());
                }
                Err(_) => r.notices.push(format!("无法识别的月份“{m}”，已忽略")),
            }
        }
        for (v, slot, label) in [(&p.from, &mut r.from, "起始"), (&p.to, &mut r.to, "截止")] {
            if let Some(v) = value(v) {
                match parse_date(v) {
                    Some(d) => *slot = Some(d),
                    None => r.notices.push(format!(
                        "无法识别的{label}日期“{v}”（应为 YYYY-MM-DD），已忽略"
                    )),
                }
            }
        }
        if let (Some(from), Some(to)) = (r.from, r.to)
            && from > to
        {
            r.from = Some(to);
            r.to = Some(from);
        }
        r.sort = match value(&p.sort) {
            Some("newest") => Sort::Newest,
            Some("oldest") => Sort::Oldest,
            _ => Sort::Relevance,
        };
        if let Some(page) = value(&p.page) {
            r.page = page.parse::<usize>().unwrap_or(1).clamp(1, MAX_PAGE);
        }
        if let Some(n) = value(&p.per_page) {
            r.per_page = n
                .parse::<usize>()
                .unwrap_or(default_per_page)
                .clamp(1, MAX_PER_PAGE);
        }
        r
    }
}
