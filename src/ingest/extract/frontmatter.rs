//! YAML front matter, and Jekyll posts whose body is HTML.

use std::sync::LazyLock;

use regex::Regex;
use serde_yaml_ng::Value;

use super::dates::parse_date;
use super::draft::{Block, Draft, Evidence};
use super::html::fragment_blocks;
use super::markdown::links_to_text;

/// A line that is only an address, as a bare URL or a Markdown autolink.
static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*<?(https?://[^\s<>]+)>?\s*$").expect("valid regex"));

/// Split "---\nyaml\n---\nbody" into its YAML and body.
pub(crate) fn split(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start_matches('\u{FEFF}');
    let rest = text.strip_prefix("---")?;
    let rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))?;
    let mut offset = 0;
    for (n, line) in rest.split_inclusive('\n').enumerate() {
        if n > 300 {
            return None;
        }
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let yaml = rest.get(..offset)?;
            let body = rest.get(offset + line.len()..)?;
            return Some((yaml, body));
        }
        offset += line.len();
    }
    None
}

/// Front matter keys (lowercased) with their values as strings.
pub(crate) fn parse(yaml: &str) -> Vec<(String, Vec<String>)> {
    match serde_yaml_ng::from_str::<Value>(yaml) {
        Ok(Value::Mapping(map)) => map
            .into_iter()
            .filter_map(|(k, v)| Some((scalar(&k)?.to_lowercase(), values(&v))))
            .collect(),
        _ => parse_loose(yaml),
    }
}

/// A scalar YAML value as a string.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar(&t.value),
        _ => None,
    }
}

/// All scalars of a value (a list yields each item).
fn values(v: &Value) -> Vec<String> {
    match v {
        Value::Sequence(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other).into_iter().collect(),
    }
}

/// "key: value" lines, for front matter that is not valid YAML.
fn parse_loose(yaml: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in yaml.lines() {
        let unquote = |s: &str| s.trim().trim_matches(['"', '\'']).to_string();
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            if let Some((_, list)) = out.last_mut() {
                list.push(unquote(item));
            }
        } else if let Some((k, v)) = line.split_once(':') {
            let v = unquote(v);
            let vals = if v.is_empty() { Vec::new() } else { vec![v] };
            out.push((k.trim().to_lowercase(), vals));
        }
    }
    out
}

/// Offer front matter fields to a draft.
pub(crate) fn apply(fields: &[(String, Vec<String>)], d: &mut Draft) {
    for (key, vals) in fields {
        let Some(first) = vals.first().map(|s| s.trim()).filter(|s| !s.is_empty()) else {
            continue;
        };
        match key.as_str() {
            "title" | "headline" if d.title.is_none() => d.title = Some(first.to_string()),
            "date" | "published" | "pubdate" | "pub_date" | "published_at" | "publish_date" => {
                if let Some(p) = parse_date(first) {
                    d.published.offer(Evidence::Stated, p);
                }
            }
            "source" | "publisher" | "来源" => {
                d.source.offer(Evidence::Stated, first.to_string())
            }
            "author" | "authors" | "作者" => d.author.offer(Evidence::Stated, vals.join("、")),
            "url" | "original_url" | "source_url" | "link" | "canonical_url" | "permalink"
                if first.starts_with("http") =>
            {
                d.url.offer(Evidence::Stated, first.to_string());
            }
            "tags" | "categories" | "category" | "keywords" | "region" | "province" | "city" => {
                d.hints
                    .extend(vals.iter().flat_map(|v| super::clean::hints(v)));
            }
            _ => {}
        }
    }
}

/// A Jekyll post with an HTML body: fields from the front matter, blocks from the markup.
pub(crate) fn html_draft(text: &str) -> Draft {
    let mut d = Draft::default();
    let (yaml, body) = split(text).unwrap_or(("", text));
    apply(&parse(yaml), &mut d);
    // Markdown autolinks and links outside the markup would be mangled by the HTML parser.
    let mut markup = String::with_capacity(body.len());
    for line in body.lines() {
        if let Some(url) = URL_LINE.captures(line).and_then(|c| c.get(1)) {
            d.url.offer(Evidence::Labelled, url.as_str().to_string());
        } else {
            markup.push_str(&links_to_text(line));
            markup.push('\n');
        }
    }
    d.blocks = fragment_blocks(&markup);
    d.blocks.retain(|b| b != &Block::Text(String::new()));
    d
}
