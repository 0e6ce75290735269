//! /sitemap.xml of every permalink, and /robots.txt naming it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::origin::{Origin, xml_text};
use super::{AppState, WebError};

/// URLs per sitemap file (the protocol allows 50,000).
const PER_SITEMAP: i64 = 50_000;

fn xml(body: String) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/xml; charset=utf-8"),
    );
    response
}

/// GET /sitemap.xml — the permalinks, or an index of numbered sitemaps for a large archive.
pub async fn index(
    State(state): State<AppState>,
    Origin(origin): Origin,
) -> Result<Response, WebError> {
    let count = state.archive.store.count_articles().await?;
    if count <= PER_SITEMAP {
        return part_xml(&state, &origin, 0).await;
    }
    let index = SitemapIndex {
        origin: xml_text(&origin),
        parts: (0..(count + PER_SITEMAP - 1) / PER_SITEMAP).collect(),
    };
    Ok(xml(index.render()?))
}

/// The index of the numbered sitemaps.
#[derive(Template)]
#[template(path = "sitemapindex.xml")]
struct SitemapIndex {
    origin: String,
    parts: Vec<i64>,
}

/// One sitemap: (id, last update day) of each permalink.
#[derive(Template)]
#[template(path = "sitemap.xml")]
struct Sitemap {
    origin: String,
    entries: Vec<(String, String)>,
}

/// GET /sitemaps/{n}.xml — one numbered part of a large sitemap.
pub async fn part(
    State(state): State<AppState>,
    Origin(origin): Origin,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let n: i64 = name
        .strip_suffix(".xml")
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 0)
        .ok_or(WebError::NotFound)?;
    part_xml(&state, &origin, n).await
}

async fn part_xml(state: &AppState, origin: &str, n: i64) -> Result<Response, WebError> {
    let entries = state
        .archive
        .store
        .permalinks(n * PER_SITEMAP, PER_SITEMAP)
        .await?;
    if entries.is_empty() && n > 0 {
        return Err(WebError::NotFound);
    }
    let sitemap = Sitemap {
        origin: xml_text(origin),
        entries,
    };
    Ok(xml(sitemap.render()?))
}

/// GET /robots.txt
pub async fn robots(Origin(origin): Origin) -> Response {
    let mut response =
        format!("User-agent: *\nAllow: /\nDisallow: /api/\nSitemap: {origin}/sitemap.xml\n")
            .into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
