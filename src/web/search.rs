//! The search results page.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Html;

use super::links::{self, with};
use super::params::{self, RawParams};
use super::{AppState, WebError};
use crate::archive::Snippets;
use crate::search::request::DEFAULT_PER_PAGE;
use crate::search::{self, FacetCount, SearchRequest, SearchResults};

/// A facet value as a link.
pub struct FacetLink {
    /// Shown text.
    pub label: String,
    /// Matching articles.
    pub count: u64,
    /// Where choosing it leads.
    pub href: String,
    /// Whether it is the current choice.
    pub active: bool,
}

/// An active filter with the link that removes it.
pub struct Chip {
    /// Shown text.
    pub label: String,
    /// The search without this filter.
    pub remove: String,
}

/// The search page.
#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    /// Query text.
    pub q: String,
    /// Results.
    pub results: SearchResults,
    /// Notices about the request.
    pub notices: Vec<String>,
    /// Active filters.
    pub chips: Vec<Chip>,
    /// Facet groups: heading and links.
    pub groups: Vec<(&'static str, Vec<FacetLink>)>,
    /// Sort options: label, link, active.
    pub sorts: Vec<(&'static str, String, bool)>,
    /// Previous page link.
    pub prev: Option<String>,
    /// Next page link.
    pub next: Option<String>,
    /// Number of pages.
    pub pages: usize,
    /// Link to this search (the permalink of the result page).
    pub self_url: String,
    /// Atom feed of this search.
    pub feed_url: String,
    /// Every match as CSV.
    pub export_csv: String,
    /// Every match as JSON lines.
    pub export_jsonl: String,
    /// Heading of a browse page (a region or a year), if this is one.
    pub heading: Option<String>,
}

fn facet_links(
    p: &RawParams,
    key: &'static str,
    counts: &[FacetCount],
    current: Option<&str>,
    clears: &[&'static str],
) -> Vec<FacetLink> {
    counts
        .iter()
        .take(30)
        .map(|c| {
            let mut changes: Vec<(&str, Option<String>)> = vec![(key, Some(c.value.clone()))];
            changes.extend(clears.iter().map(|k| (*k, None)));
            FacetLink {
                label: c.value.clone(),
                count: c.count,
                href: with(p, &changes),
                active: current == Some(c.value.as_str()),
            }
        })
        .collect()
}

fn chips(p: &RawParams, req: &SearchRequest) -> Vec<Chip> {
    let mut out = Vec::new();
    if req.regions.len() > 1 {
        let labels: Vec<String> = req.regions.iter().map(|r| r.label()).collect();
        out.push(Chip {
            label: labels.join(" 或 "),
            remove: with(p, &[("province", None), ("city", None), ("county", None)]),
        });
    }
    if let Some(r) = req.region() {
        out.push(Chip {
            label: r.province.clone(),
            remove: with(p, &[("province", None), ("city", None), ("county", None)]),
        });
        if let Some(city) = &r.city {
            out.push(Chip {
                label: city.clone(),
                remove: with(p, &[("city", None), ("county", None)]),
            });
        }
        if let Some(county) = &r.county {
            out.push(Chip {
                label: county.clone(),
                remove: with(p, &[("county", None)]),
            });
        }
    }
    if let Some(kind) = req.kind {
        out.push(Chip {
            label: kind.label().to_string(),
            remove: with(p, &[("kind", None)]),
        });
    }
    if let Some(issuer) = &req.issuer {
        out.push(Chip {
            label: issuer.clone(),
            remove: with(p, &[("issuer", None)]),
        });
    }
    for (key, label) in [
        ("validity", req.validity.map(|v| v.label().to_string())),
        ("benefit", req.benefit.map(|b| b.label().to_string())),
        ("degree", req.degree.clone()),
    ] {
        if let Some(label) = label {
            out.push(Chip {
                label,
                remove: with(p, &[(key, None)]),
            });
        }
    }
    if let Some(y) = req.year {
        let label = match req.month {
            Some(m) => format!("{y}年{m}月"),
            None => format!("{y}年"),
        };
        out.push(Chip {
            label,
            remove: with(p, &[("year", None), ("month", None)]),
        });
    }
    for (key, date, label) in [("from", req.from, "起"), ("to", req.to, "止")] {
        if let Some(d) = date {
            out.push(Chip {
                label: format!("{label} {d}"),
                remove: with(p, &[(key, None)]),
            });
        }
    }
    out
}

/// Builds the page's view of a finished search.
pub fn view(
    p: &RawParams,
    req: &SearchRequest,
    notices: Vec<String>,
    results: SearchResults,
) -> SearchPage {
    let region = req.region();
    let province = region.map(|r| r.province.as_str());
    let city = region.and_then(|r| r.city.as_deref());
    let county = region.and_then(|r| r.county.as_deref());
    let year = req.year.map(|y| y.to_string());
    let month = req.month.zip(req.year).map(|(m, y)| format!("{y}-{m:02}"));
    let f = &results.facets;
    let mut groups = vec![(
        "省份",
        facet_links(p, "province", &f.province, province, &["city", "county"]),
    )];
    if province.is_some() {
        groups.push(("城市", facet_links(p, "city", &f.city, city, &["county"])));
    }
    if city.is_some() {
        groups.push(("区县", facet_links(p, "county", &f.county, county, &[])));
    }
    if !f.places.is_empty() {
        let places = f
            .places
            .iter()
            .map(|place| {
                let r = &place.region;
                FacetLink {
                    label: r.label(),
                    count: place.count,
                    href: with(
                        p,
                        &[
                            ("province", Some(r.province.clone())),
                            ("city", r.city.clone()),
                            ("county", r.county.clone()),
                        ],
                    ),
                    active: false,
                }
            })
            .collect();
        groups.insert(0, ("同名地区", places));
    }
    if !f.validity.is_empty() {
        let validity = req.validity.map(|v| v.label());
        groups.push((
            "有效性",
            facet_links(p, "validity", &f.validity, validity, &[]),
        ));
    }
    let kind = req.kind.map(|k| k.label());
    if !f.kind.is_empty() {
        groups.push(("文种", facet_links(p, "kind", &f.kind, kind, &[])));
    }
    for (title, key, counts, current) in [
        (
            "待遇",
            "benefit",
            &f.benefit,
            req.benefit.map(|b| b.label()),
        ),
        ("学历", "degree", &f.degree, req.degree.as_deref()),
    ] {
        if !counts.is_empty() {
            groups.push((title, facet_links(p, key, counts, current, &[])));
        }
    }
    if !f.issuer.is_empty() {
        let issuer = req.issuer.as_deref();
        groups.push(("发文机关", facet_links(p, "issuer", &f.issuer, issuer, &[])));
    }
    groups.push((
        "年份",
        facet_links(p, "year", &f.year, year.as_deref(), &["month"]),
    ));
    if req.year.is_some() {
        groups.push((
            "月份",
            facet_links(p, "month", &f.month, month.as_deref(), &[]),
        ));
    }
    let listing = req.is_listing();
    let sort = req.effective_sort().as_str();
    let sorts = [
        ("relevance", "相关度"),
        ("newest", "最新"),
        ("oldest", "最早"),
        ("effective", "施行日期"),
    ]
    .into_iter()
    .filter(|(key, _)| !(listing && *key == "relevance"))
    .map(|(key, label)| {
        (
            label,
            with(p, &[("sort", Some(key.to_string()))]),
            key == sort,
        )
    })
    .collect();
    let pages = results
        .total
        .div_ceil(results.per_page.max(1))
        .min(search::request::MAX_PAGE);
    let page_link = |n: usize| with(p, &[("page", Some(n.to_string()))]);
    SearchPage {
        q: req.q.clone(),
        notices,
        chips: chips(p, req),
        groups,
        sorts,
        prev: (req.page > 1).then(|| page_link(req.page - 1)),
        next: (req.page < pages).then(|| page_link(req.page + 1)),
        pages,
        self_url: links::url("/search", &links::pairs(p)),
        feed_url: links::url("/feed.atom", &links::feed_pairs(p)),
        export_csv: links::url("/export.csv", &links::export_pairs(p)),
        export_jsonl: links::url("/export.jsonl", &links::export_pairs(p)),
        heading: None,
        results,
    }
}

/// Runs a search and renders the results page, with a heading for browse pages.
pub async fn render(
    state: &AppState,
    params: &RawParams,
    heading: Option<String>,
) -> Result<Html<String>, WebError> {
    let (req, notices) = params::request(params, DEFAULT_PER_PAGE);
    let results = state.archive.search(req.clone(), Snippets::Filled).await?;
    let mut page = view(params, &req, notices, results);
    page.heading = heading;
    Ok(Html(page.render()?))
}

/// GET /search
pub async fn page(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Html<String>, WebError> {
    render(&state, &links::parse(query.as_deref()), None).await
}
