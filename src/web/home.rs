//! The home page: search box, latest articles, regions and years.

use askama::Template;
use axum::extract::State;
use axum::response::Html;

use super::links::url;
use super::{AppState, WebError};
use crate::search::{self, FacetCount, Hit, SearchRequest, Sort};

/// The home page.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    /// Articles in the archive.
    pub total: usize,
    /// Newest articles.
    pub latest: Vec<Hit>,
    /// Provinces with counts and links.
    pub provinces: Vec<(FacetCount, String)>,
    /// Years with counts and links.
    pub years: Vec<(FacetCount, String)>,
    /// Empty query for the search box.
    pub q: String,
}

/// GET /
pub async fn page(State(state): State<AppState>) -> Result<Html<String>, WebError> {
    let req = SearchRequest {
        sort: Sort::Newest,
        page: 1,
        per_page: 10,
        ..SearchRequest::default()
    };
    let index = state.archive.index.clone();
    let r = tokio::task::spawn_blocking(move || search::search(&index, &req)).await??;
    let link = |key: &str, items: Vec<FacetCount>| {
        items
            .into_iter()
            .map(|c| {
                let href = url("/search", &[(key, c.value.clone())]);
                (c, href)
            })
            .collect()
    };
    let page = HomePage {
        total: r.total,
        latest: r.hits,
        provinces: link("province", r.facets.province),
        years: link("year", r.facets.year),
        q: String::new(),
    };
    Ok(Html(page.render()?))
}
