//! Atom feeds of any search, and the OpenSearch description.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::origin::{Origin, xml_text};
use super::{AppState, WebError};
use super::{links, params};
use crate::archive::Snippets;
use crate::search::{SearchRequest, Sort};

const FEED_ENTRIES: usize = 50;

fn xml(body: String, mime: &'static str) -> Response {
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    response
}

/// A human description of a search, for feed titles.
pub fn describe(req: &SearchRequest) -> String {
    let mut parts = Vec::new();
    if !req.q.is_empty() {
        parts.push(format!("“{}”", req.q));
    }
    let places: Vec<String> = req
        .regions
        .iter()
        .map(|r| {
            [
                Some(&r.province),
                r.city.as_ref().filter(|c| **c != r.province),
                r.county.as_ref(),
            ]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join("")
        })
        .collect();
    if !places.is_empty() {
        parts.push(places.join("或"));
    }
    if let Some(y) = req.year {
        parts.push(match req.month {
            Some(m) => format!("{y}年{m}月"),
            None => format!("{y}年"),
        });
    }
    if parts.is_empty() {
        "全部文章".to_string()
    } else {
        parts.join(" · ")
    }
}

/// GET /feed.atom — the newest articles of any search or filter.
pub async fn atom(
    State(state): State<AppState>,
    Origin(origin): Origin,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    let params = links::parse(query.as_deref());
    let (mut req, _) = params::request(&params, FEED_ENTRIES);
    req.sort = Sort::Newest;
    req.page = 1;
    req.per_page = FEED_ENTRIES;
    let results = state.archive.search(req.clone(), Snippets::Filled).await?;
    let pairs = links::feed_pairs(&params);
    let self_url = format!("{origin}{}", links::url("/feed.atom", &pairs));
    let alternate = format!("{origin}{}", links::url("/search", &pairs));
    let updated = results
        .hits
        .iter()
        .filter_map(|h| h.date.clone())
        .max()
        .map(|d| format!("{d}T00:00:00+08:00"))
        .unwrap_or_else(|| "2000-01-01T00:00:00+08:00".to_string());
    let entries = results
        .hits
        .iter()
        .map(|h| {
            let url = format!("{origin}/articles/{}", h.id);
            FeedEntry {
                title: xml_text(&h.title),
                url: xml_text(&url),
                when: h
                    .date
                    .as_ref()
                    .map(|d| format!("{d}T00:00:00+08:00"))
                    .unwrap_or_else(|| updated.clone()),
                summary: xml_text(&h.snippet.to_html()),
                source: h.source.as_deref().map(xml_text),
            }
        })
        .collect();
    let feed = Feed {
        title: xml_text(&format!("{} · rencai", describe(&req))),
        self_url: xml_text(&self_url),
        alternate: xml_text(&alternate),
        updated,
        entries,
    };
    Ok(xml(feed.render()?, "application/atom+xml; charset=utf-8"))
}

/// An Atom feed; every text is escaped by the template.
#[derive(Template)]
#[template(path = "feed.xml")]
struct Feed {
    title: String,
    self_url: String,
    alternate: String,
    updated: String,
    entries: Vec<FeedEntry>,
}

/// One article of a feed.
struct FeedEntry {
    title: String,
    url: String,
    when: String,
    /// The snippet as HTML, carried as text (`type="html"`).
    summary: String,
    source: Option<String>,
}

/// The OpenSearch description.
#[derive(Template)]
#[template(path = "opensearch.xml")]
struct OpenSearch {
    origin: String,
}

/// GET /opensearch.xml — lets browsers add rencai as a search engine.
pub async fn opensearch(Origin(origin): Origin) -> Result<Response, WebError> {
    let description = OpenSearch {
        origin: xml_text(&origin),
    };
    Ok(xml(
        description.render()?,
        "application/opensearchdescription+xml; charset=utf-8",
    ))
}
