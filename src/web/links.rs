//! Links between pages: every search state is a URL.

use super::params::RawParams;

/// Reads search parameters from a raw query string, leniently: malformed encoding is decoded
/// as far as possible, unknown keys are ignored, and a repeated key keeps its last value.
pub fn parse(query: Option<&str>) -> RawParams {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.unwrap_or_default()).unwrap_or_default();
    let mut p = RawParams::default();
    for (k, v) in pairs {
        if let Some(slot) = p.field_mut(&k) {
            *slot = Some(v);
        }
    }
    p
}

/// The search parameters in canonical order, for building links.
pub fn pairs(p: &RawParams) -> Vec<(&'static str, String)> {
    RawParams::KEYS
        .into_iter()
        .filter_map(|k| {
            p.field(k)
                .and_then(|v| v.as_deref())
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| (k, v.to_string()))
        })
        .collect()
}

/// The parameters of a feed of this search: what it finds, not which page or order.
pub fn feed_pairs(p: &RawParams) -> Vec<(&'static str, String)> {
    pairs(p)
        .into_iter()
        .filter(|(k, _)| !matches!(*k, "page" | "per_page" | "sort"))
        .collect()
}

/// Bytes escaped in a path segment: controls, space, and what would end or split a segment
/// or start a query or fragment (RFC 3986 path-segment rules).
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// The parameters of an export of this search: what it finds and in which order, not which
/// page.
pub fn export_pairs(p: &RawParams) -> Vec<(&'static str, String)> {
    pairs(p)
        .into_iter()
        .filter(|(k, _)| !matches!(*k, "page" | "per_page"))
        .collect()
}

/// A path segment (a place name), percent-encoded (a space as %20, never +).
pub fn segment(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}

/// The browse page of a place: /regions/province[/city[/county]] (a municipality's county
/// under the municipality twice, as province and as city).
pub fn region_path(r: &crate::region::Region) -> String {
    let mut path = format!("/regions/{}", segment(&r.province));
    match (&r.city, &r.county) {
        (Some(city), Some(county)) => {
            path = format!("{path}/{}/{}", segment(city), segment(county));
        }
        (Some(city), None) if *city != r.province => {
            path = format!("{path}/{}", segment(city));
        }
        _ => {}
    }
    path
}

/// A URL of `path` with the given parameters, percent-encoded.
pub fn url(path: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
    format!("{path}?{query}")
}

/// The current search with some parameters replaced (None removes one); the page resets to 1
/// unless it is the parameter being set.
pub fn with(p: &RawParams, changes: &[(&str, Option<String>)]) -> String {
    let mut out: Vec<(&str, String)> = pairs(p)
        .into_iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .filter(|(k, _)| *k != "page" || changes.iter().any(|(c, _)| *c == "page"))
        .collect();
    for (k, v) in changes {
        if let Some(v) = v {
            out.push((k, v.clone()));
        }
    }
    out.sort_by_key(|(k, _)| RawParams::KEYS.iter().position(|o| o == k));
    url("/search", &out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_encoded_links_and_resets_page() {
        let p = RawParams {
            q: Some("人才 政策".into()),
            page: Some("3".into()),
            ..RawParams::default()
        };
        assert_eq!(
            with(&p, &[("city", Some("阳泉市".into()))]),
            "/search?q=%E4%BA%BA%E6%89%8D+%E6%94%BF%E7%AD%96&city=%E9%98%B3%E6%B3%89%E5%B8%82"
        );
        assert_eq!(
            with(&p, &[("page", Some("4".into()))])
                .matches("page=4")
                .count(),
            1
        );
        assert_eq!(with(&RawParams::default(), &[]), "/search");
    }

    #[test]
    fn parses_malformed_query_strings() {
        let p = parse(Some("q=%E4%BA&q=%E4%BA%BA%E6%89%8D&page=x&zzz=1&city"));
        assert_eq!(p.q.as_deref(), Some("人才"));
        assert_eq!(p.page.as_deref(), Some("x"));
        assert_eq!(p.city.as_deref(), Some(""));
    }

    #[test]
    fn a_segment_keeps_spaces_and_slashes_from_changing_the_path() {
        assert_eq!(segment("a b/c?d"), "a%20b%2Fc%3Fd");
        assert_eq!(segment("南山区"), "%E5%8D%97%E5%B1%B1%E5%8C%BA");
    }
}
