//! HTML metadata: meta tags, the canonical link and the headline.

use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Html, Selector};

use super::byline::person_names;
use super::clean::{char_len, normalise};
use super::dates::parse_date;
use super::draft::{Draft, Evidence};

/// Titles offered by meta tags.
#[derive(Debug, Default)]
pub(crate) struct MetaTitles {
    /// `<meta name="ArticleTitle">`, trusted as is.
    article_title: Option<String>,
    /// `og:title` or `twitter:title`, which may carry a site suffix.
    og_title: Option<String>,
}

/// Separators between a headline and the site name in `<title>`.
static TITLE_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+[-–—|]\s+|_|\||｜|－|--").expect("valid regex"));

/// Endings of site or column names in `<title>`.
const SITE_ENDINGS: &str =
    "网|網|网站|網站|政府|门户|門戶|官网|官網|首页|首頁|频道|頻道|平台|客户端|在线|在線";

/// A selector from a literal known to be valid.
fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

/// Read meta tags and the canonical link into the draft; return the titles they offer.
pub(crate) fn read_meta(doc: &Html, d: &mut Draft) -> MetaTitles {
    static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
    static LINK: LazyLock<Selector> = LazyLock::new(|| selector("link[rel][href]"));
    static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop]"));
    let mut titles = MetaTitles::default();
    for el in doc.select(&META) {
        let v = el.value();
        let key = ["name", "property", "itemprop"]
            .iter()
            .find_map(|a| v.attr(a));
        let (Some(key), Some(content)) = (key, v.attr("content")) else {
            continue;
        };
        let content = normalise(content);
        if content.is_empty() {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "articletitle" => titles.article_title = Some(content),
            "og:title" | "twitter:title" => titles.og_title = Some(content),
            "pubdate"
            | "publishdate"
            | "article:published_time"
            | "og:release_date"
            | "publish_date"
            | "publishtime"
            | "firstpublishedtime"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "datepublished"
            | "releasedate" => {
                if let Some(p) = parse_date(&content) {
                    d.published.offer(Evidence::Stated, p);
                }
            }
            "contentsource" | "source" | "article:source" | "og:source" => {
                d.source.offer(Evidence::Labelled, strip_label(&content));
            }
            // Sites often put their own name here; a byline in the page wins.
            "author" | "article:author" | "dc.creator" => {
                if let Some(names) = person_names(&strip_label(&content)) {
                    d.author.offer(Evidence::Guessed, names);
                }
            }
            "og:url" if content.starts_with("http") => d.url.offer(Evidence::Stated, content),
            "keywords" | "news_keywords" | "article:tag" | "article:section" | "columnname"
            | "column" | "catalogname" | "sitename" | "og:site_name" | "site" => {
                d.hints.extend(super::clean::hints(&content))
            }
            _ => {}
        }
    }
    for el in doc.select(&ITEMPROP) {
        let v = el.value();
        if v.name() == "meta" {
            continue;
        }
        let value = normalise(
            &v.attr("content")
                .or_else(|| v.attr("datetime"))
                .map_or_else(|| el.text().collect(), str::to_string),
        );
        match v
            .attr("itemprop")
            .unwrap_or("")
            .to_ascii_lowercase()
            .as_str()
        {
            "headline" if titles.og_title.is_none() && !value.is_empty() => {
                titles.og_title = Some(value)
            }
            "datepublished" => {
                if let Some(p) = parse_date(&value) {
                    d.published.offer(Evidence::Stated, p);
                }
            }
            "author" => {
                if let Some(names) = person_names(&strip_label(&value)) {
                    d.author.offer(Evidence::Labelled, names);
                }
            }
            _ => {}
        }
    }
    for el in doc.select(&LINK) {
        let rel = el.value().attr("rel").unwrap_or("");
        let href = el.value().attr("href").unwrap_or("").trim();
        if rel
            .split_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
            && href.starts_with("http")
        {
            d.url.offer(Evidence::Stated, href.to_string());
        }
    }
    titles
}

/// A value without a leading label: "来源：人民网" → "人民网".
fn strip_label(value: &str) -> String {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:本文|文章|信息)?(?:来源|來源|作者|记者|記者|编辑|編輯)\s*[:：]\s*")
            .expect("valid regex")
    });
    LABEL.replace(value, "").trim().to_string()
}

/// The headline part of a `<title>`: the longest part that is not a site or column name.
fn headline_part(title: &str) -> String {
    let parts: Vec<&str> = TITLE_SEP
        .split(title)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let site =
        |p: &&str| super::clean::list(SITE_ENDINGS).any(|e| p.ends_with(e)) || p.contains("www.");
    let longest =
        |it: &mut dyn Iterator<Item = &str>| it.max_by_key(|p| char_len(p)).map(str::to_string);
    longest(&mut parts.iter().copied().filter(|p| !site(p)))
        .or_else(|| longest(&mut parts.iter().copied()))
        .unwrap_or_else(|| title.trim().to_string())
}

/// How well a heading matches the headline the title tag names: 3 equal, 2 completes a cut title, 1 part of it, 0 not.
fn match_level(heading: &str, headline: &str) -> u8 {
    let h = headline.trim_end_matches(['.', '…']).trim();
    let (hl, nl) = (char_len(heading), char_len(h));
    if heading.is_empty() || h.is_empty() {
        0
    } else if heading == h {
        3
    } else if heading.starts_with(h) && (nl >= 6 || hl * 2 <= nl * 3) {
        2
    } else if h.contains(heading) && hl * 2 >= nl {
        1
    } else {
        0
    }
}

/// The headline as the head names it (ArticleTitle, og:title or `<title>` without the site name), and the heading element showing it.
pub(crate) fn find_headline<'a>(
    doc: &'a Html,
    titles: &MetaTitles,
) -> (Option<String>, Option<(ElementRef<'a>, String)>) {
    static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
    static HEADS: LazyLock<Selector> = LazyLock::new(|| {
        selector("h1, h2, h3, h4, h5, [class*=title], [id*=title], [class*=Title], [id*=Title]")
    });
    let tag = doc
        .select(&TITLE)
        .next()
        .map(|t| normalise(&t.text().collect::<String>()));
    let reference = titles
        .article_title
        .clone()
        .or_else(|| {
            titles
                .og_title
                .as_deref()
                .or(tag.as_deref())
                .map(headline_part)
        })
        .filter(|t| !t.is_empty());
    let heads: Vec<(ElementRef<'a>, String)> = doc
        .select(&HEADS)
        .filter(|e| {
            !matches!(
                e.value().name(),
                "title" | "meta" | "script" | "style" | "body" | "html"
            )
        })
        .map(|e| (e, normalise(&e.text().collect::<String>())))
        .filter(|(_, t)| !t.is_empty() && char_len(t) <= 120)
        .collect();
    let found = reference.as_deref().and_then(|r| {
        (1..=3).rev().find_map(|level| {
            heads
                .iter()
                .find(|(_, h)| match_level(h, r) == level)
                .cloned()
        })
    });
    let found = found.or_else(|| {
        reference
            .is_none()
            .then(|| {
                heads
                    .iter()
                    .find(|(e, _)| e.value().name() == "h1")
                    .cloned()
            })
            .flatten()
    });
    (reference, found)
}

/// The headline: ArticleTitle, else the heading matching the head's title, else that title (unless it is a bare column name and a heading opens the content).
pub(crate) fn pick_title(
    titles: &MetaTitles,
    reference: Option<String>,
    found: Option<String>,
    nearest: Option<String>,
) -> Option<String> {
    if let Some(t) = &titles.article_title {
        return Some(t.clone());
    }
    if found.is_some() {
        return found;
    }
    match reference {
        Some(r) => match nearest.filter(|n| char_len(&r) <= 8 && char_len(n) > char_len(&r)) {
            Some(n) => Some(n),
            None => Some(r),
        },
        None => nearest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_parts() {
        assert_eq!(
            headline_part("关于印发人才新政的通知_政策文件_阳泉市人民政府"),
            "关于印发人才新政的通知"
        );
        assert_eq!(headline_part("打造人才高地 - 山西新闻网"), "打造人才高地");
        assert_eq!(headline_part("人才新政——记某某"), "人才新政——记某某");
    }
}
