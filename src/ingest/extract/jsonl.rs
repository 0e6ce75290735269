//! Crawler output: one JSON object per line, each an article.

use serde_json::{Map, Value};

use super::assemble::assemble;
use super::dates::{from_timestamp, parse_date};
use super::draft::{Block, Draft, Evidence};
use super::html::fragment_blocks;
use super::markdown::links_to_text;
use super::{ExtractError, Extracted, HTML_TAG};

/// Keys that may hold the title, in order of preference.
const TITLE: &[&str] = &["title", "headline", "name", "subject"];
/// Keys that may hold the publication date.
const DATE: &[&str] = &[
    "pub_date",
    "pubdate",
    "pubDate",
    "published_at",
    "published",
    "publish_time",
    "publish_date",
    "date",
    "datetime",
    "time",
    "created_at",
    "ctime",
];
/// Keys that may hold the publisher.
const SOURCE: &[&str] = &["source", "publisher", "media", "origin"];
/// Keys that may hold the author.
const AUTHOR: &[&str] = &["author", "authors", "reporter", "editor"];
/// Keys that may hold the original address.
const URL: &[&str] = &[
    "url",
    "original_url",
    "source_url",
    "link",
    "href",
    "canonical",
];
/// Keys whose values help place the article.
const HINTS: &[&str] = &[
    "tags",
    "keywords",
    "category",
    "categories",
    "column",
    "channel",
    "section",
    "region",
    "province",
    "city",
];
/// Keys that may hold the body, HTML or plain text.
const BODY: &[&str] = &[
    "content",
    "body",
    "text",
    "html",
    "article",
    "content_html",
    "brief",
    "summary",
    "description",
];

/// Whether three in four non-empty lines are JSON objects (checking the first few parse).
pub(crate) fn looks_like(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim().trim_start_matches('\u{FEFF}'))
        .filter(|l| !l.is_empty())
        .take(200)
        .collect();
    let objects = lines.iter().filter(|l| l.starts_with('{')).count();
    !lines.is_empty()
        && objects * 4 >= lines.len() * 3
        && lines
            .iter()
            .take(3)
            .any(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))))
}

/// Extract one article per non-empty line; a bad line is an error for that record only.
pub(crate) fn extract(text: &str) -> Vec<Result<Extracted, ExtractError>> {
    let mut out: Vec<_> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().trim_start_matches('\u{FEFF}').is_empty())
        .map(|(i, line)| extract_line(line, i + 1))
        .collect();
    if out.is_empty() {
        out.push(Err(ExtractError::Empty));
    }
    out
}

/// Extract the article of one line (1-based `line_no`) of a dump.
pub(crate) fn extract_line(line: &str, line_no: usize) -> Result<Extracted, ExtractError> {
    let line = line.trim().trim_start_matches('\u{FEFF}');
    let bad = |reason: String| ExtractError::BadRecord {
        line: line_no,
        reason,
    };
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(map)) => assemble(record(&map, line_no)).map_err(|e| bad(e.to_string())),
        Ok(_) => Err(bad("not a JSON object".to_string())),
        Err(e) => Err(bad(format!("invalid JSON: {e}"))),
    }
}

/// Scalars of a field: a string, a number, or the items of an array.
fn strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Number(n) => vec![n.to_string()],
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        Value::Object(o) => o.get("name").map(strings).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The first non-empty string among the keys.
fn first(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .filter_map(|k| map.get(*k))
        .map(|v| strings(v).join("、"))
        .find(|s| !s.trim().is_empty())
}

/// Build a draft from one JSON object.
fn record(map: &Map<String, Value>, line_no: usize) -> Draft {
    let mut d = Draft {
        record: line_no,
        title: first(map, TITLE),
        ..Draft::default()
    };
    for key in DATE {
        let date = match map.get(*key) {
            Some(Value::String(s)) => parse_date(s),
            Some(Value::Number(n)) => n.as_i64().and_then(from_timestamp),
            _ => None,
        };
        if let Some(date) = date {
            d.published.offer(Evidence::Stated, date);
            break;
        }
    }
    if let Some(s) = first(map, SOURCE) {
        d.source.offer(Evidence::Stated, s);
    }
    if let Some(a) = first(map, AUTHOR) {
        d.author.offer(Evidence::Stated, a);
    }
    if let Some(u) = first(map, URL).filter(|u| u.starts_with("http")) {
        d.url.offer(Evidence::Stated, u);
    }
    for key in HINTS {
        for v in map.get(*key).map(strings).unwrap_or_default() {
            d.hints.extend(super::clean::hints(&v));
        }
    }
    if let Some(body) = first(map, BODY) {
        d.blocks = if HTML_TAG.is_match(&body) {
            fragment_blocks(&body)
        } else {
            body.lines()
                .map(|l| Block::Text(links_to_text(l)))
                .collect()
        };
    }
    d
}
