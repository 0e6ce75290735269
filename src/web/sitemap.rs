//! /sitemap.xml of every permalink, and /robots.txt naming it.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::origin::{Origin, xml_escape};
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
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 0..(count + PER_SITEMAP - 1) / PER_SITEMAP {
        out.push_str(&format!(
            "<sitemap><loc>{}/sitemaps/{n}.xml</loc></sitemap>\n",
            xml_escape(&origin)
        ));
    }
    out.push_str("</sitemapindex>\n");
    Ok(xml(out))
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
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (id, updated) in entries {
        out.push_str(&format!(
            "<url><loc>{}/articles/{}</loc><lastmod>{}</lastmod></url>\n",
            xml_escape(origin),
            xml_escape(&id),
            xml_escape(&updated)
        ));
    }
    out.push_str("</urlset>\n");
    Ok(xml(out))
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
