//! Atom feeds of any search, and the OpenSearch description.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::links;
use super::origin::{Origin, xml_escape};
use super::{AppState, WebError};
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
    if let Some(r) = &req.region {
        parts.push(
            [
                Some(&r.province),
                r.city.as_ref().filter(|c| **c != r.province),
                r.county.as_ref(),
            ]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(""),
        );
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
    let mut req = SearchRequest::from_params(&params, FEED_ENTRIES);
    req.sort = Sort::Newest;
    req.page = 1;
    req.per_page = FEED_ENTRIES;
    let results = state.archive.search(req.clone(), Snippets::Filled).await?;
    let mut pairs = links::pairs(&params);
    pairs.retain(|(k, _)| !matches!(*k, "page" | "per_page" | "sort"));
    let self_url = format!("{origin}{}", links::url("/feed.atom", &pairs));
    let alternate = format!("{origin}{}", links::url("/search", &pairs));
    let updated = results
        .hits
        .iter()
        .filter_map(|h| h.date.clone())
        .max()
        .map(|d| format!("{d}T00:00:00+08:00"))
        .unwrap_or_else(|| "2000-01-01T00:00:00+08:00".to_string());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<subtitle>rencai 人才政策档案</subtitle>\n<id>{}</id>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{updated}</updated>\n<author><name>rencai</name></author>\n",
        xml_escape(&format!("{} · rencai", describe(&req))),
        xml_escape(&self_url),
        xml_escape(&self_url),
        xml_escape(&alternate),
    ));
    for h in &results.hits {
        let url = format!("{origin}/articles/{}", h.id);
        let when = h
            .date
            .as_ref()
            .map(|d| format!("{d}T00:00:00+08:00"))
            .unwrap_or_else(|| updated.clone());
        out.push_str(&format!(
            "<entry>\n<title>{}</title>\n<id>{}</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<updated>{when}</updated>\n<published>{when}</published>\n<summary type=\"html\">{}</summary>\n{}</entry>\n",
            xml_escape(&h.title),
            xml_escape(&url),
            xml_escape(&url),
            xml_escape(&h.snippet),
            h.source
                .as_ref()
                .map(|s| format!("<source><title>{}</title></source>\n", xml_escape(s)))
                .unwrap_or_default(),
        ));
    }
    out.push_str("</feed>\n");
    Ok(xml(out, "application/atom+xml; charset=utf-8"))
}

/// GET /opensearch.xml — lets browsers add rencai as a search engine.
pub async fn opensearch(Origin(origin): Origin) -> Response {
    let origin = xml_escape(&origin);
    xml(
        format!(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n<ShortName>rencai</ShortName>\n<Description>搜索各地人才政策文章</Description>\n<InputEncoding>UTF-8</InputEncoding>\n<Language>zh-CN</Language>\n<Url type=\"text/html\" method=\"get\" template=\"{origin}/search?q={{searchTerms}}\"/>\n<Url type=\"application/atom+xml\" template=\"{origin}/feed.atom?q={{searchTerms}}\"/>\n<Url type=\"application/json\" template=\"{origin}/api/search?q={{searchTerms}}\"/>\n</OpenSearchDescription>\n"
        ),
        "application/opensearchdescription+xml; charset=utf-8",
    )
}
