//! The home page: search box, latest articles, the region tree and the timeline.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::links::{segment, url};
use super::{AppState, WebError};
use crate::archive::Snippets;
use crate::region::{Gazetteer, Level};
use crate::search::{FacetCount, Facets, Hit, SearchRequest, Sort};

/// A counted link with its children (a province and its cities, a year and its months).
pub struct Branch {
    /// Shown text.
    pub label: String,
    /// Matching articles.
    pub count: u64,
    /// Where it leads.
    pub href: String,
    /// Children, most articles first.
    pub children: Vec<Branch>,
}

/// The home page.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    /// Articles in the archive.
    pub total: usize,
    /// Newest articles.
    pub latest: Vec<Hit>,
    /// Provinces with their cities.
    pub regions: Vec<Branch>,
    /// Years with their months.
    pub timeline: Vec<Branch>,
    /// Empty query for the search box.
    pub q: String,
}

fn region_tree(f: &Facets) -> Vec<Branch> {
    let g = Gazetteer::bundled();
    f.province
        .iter()
        .map(|p| {
            let href = format!("/regions/{}", segment(&p.value));
            let children = f
                .city
                .iter()
                .filter(|c| c.value != p.value)
                .filter(|c| {
                    g.lookup_within(&c.value, Level::City, Some(&p.value), None)
                        .is_some_and(|r| r.city.as_deref() == Some(c.value.as_str()))
                })
                .map(|c| Branch {
                    label: c.value.clone(),
                    count: c.count,
                    href: format!("{href}/{}", segment(&c.value)),
                    children: Vec::new(),
                })
                .collect();
            Branch {
                label: p.value.clone(),
                count: p.count,
                href,
                children,
            }
        })
        .collect()
}

fn timeline(f: &Facets) -> Vec<Branch> {
    f.year
        .iter()
        .map(|y: &FacetCount| Branch {
            label: format!("{}年", y.value),
            count: y.count,
            href: format!("/years/{}", y.value),
            children: f
                .month
                .iter()
                .filter(|m| m.value.starts_with(&format!("{}-", y.value)))
                .map(|m| Branch {
                    label: format!(
                        "{}月",
                        m.value
                            .rsplit('-')
                            .next()
                            .unwrap_or_default()
                            .trim_start_matches('0')
                    ),
                    count: m.count,
                    href: url("/search", &[("month", m.value.clone())]),
                    children: Vec::new(),
                })
                .collect(),
        })
        .collect()
}

/// GET /
pub async fn page(State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let req = SearchRequest {
        sort: Sort::Newest,
        page: 1,
        per_page: 10,
        ..SearchRequest::default()
    };
    let r = state.archive.search(req, Snippets::Empty).await?;
    let page = HomePage {
        total: r.total,
        regions: region_tree(&r.facets),
        timeline: timeline(&r.facets),
        latest: r.hits,
        q: String::new(),
    };
    Ok(Html(page.render()?))
}
