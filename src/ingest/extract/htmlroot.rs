//! Finding the element that holds the article.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use scraper::{ElementRef, Node, Selector};

use super::clean::char_len;
use super::html::{MAX_DEPTH, SKIP};

/// Class or id words of blocks that are page furniture.
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:share|bdshare|bshare|jiathis|social|related|relate|xgxw|xgwz|xglj|recommend|breadcrumbs?|crumbs?|position|location|comments?|print|qrcode|erweima|ewm|toolbar|tools|pagination|pager|pagenav|footer|foot|nav|navbar|menu|sidebar|side|advert|ads?|banner|copyright|fenxiang|dayin|login|search|gotop|backtop)(?:$|[\s_\d-])")
        .expect("valid regex")
});

/// Class or id words of blocks that usually hold the article.
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)article|content|detail|main-?text|trs_editor|zoom|entry|post|news_?con|con_?text|wenzhang|zhengwen|\bzw\b|text|pages_content|cont")
        .expect("valid regex")
});

/// Breadcrumb-like classes, whose text still hints at the site section.
pub(crate) static CRUMB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)crumb|position|location|weizhi|dqwz").expect("valid regex"));

/// The class and id of an element.
pub(crate) fn class_id(el: ElementRef<'_>) -> String {
    format!(
        "{} {}",
        el.value().attr("class").unwrap_or(""),
        el.value().id().unwrap_or("")
    )
}

/// Whether an element's class, id or role marks furniture, and its text is short or mostly links.
pub(crate) fn negative(el: ElementRef<'_>) -> bool {
    let role = el.value().attr("role").unwrap_or("").to_ascii_lowercase();
    let furniture_role = matches!(
        role.as_str(),
        "navigation" | "contentinfo" | "complementary" | "search"
    );
    if matches!(el.value().name(), "body" | "html")
        || !(furniture_role || NEGATIVE.is_match(&class_id(el)))
    {
        return false;
    }
    // Class names such as "js_img_share_area" also wrap whole articles.
    let text: String = el.text().collect();
    let len = char_len(text.trim());
    len < 300 || link_chars(el) * 2 > len
}

/// Characters of link text inside an element.
fn link_chars(el: ElementRef<'_>) -> usize {
    static LINK: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("a").expect("valid selector"));
    el.select(&LINK)
        .map(|a| a.text().map(|t| t.chars().count()).sum::<usize>())
        .sum()
}

/// An element's inline style, lower case and without spaces.
fn inline_style(el: ElementRef<'_>) -> String {
    el.value()
        .attr("style")
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Whether an element is hidden from readers.
pub(crate) fn hidden(el: ElementRef<'_>) -> bool {
    let v = el.value();
    let style = inline_style(el);
    v.attr("hidden").is_some()
        || v.attr("aria-hidden")
            .is_some_and(|a| a.eq_ignore_ascii_case("true"))
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// An image drawn smaller than 40 pixels: an icon, not a photo.
pub(crate) fn icon(el: ElementRef<'_>) -> bool {
    ["width", "height"].iter().any(|a| {
        el.value()
            .attr(a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
            .is_some_and(|v| v < 40.0)
    })
}

/// Whether an element centres its text.
pub(crate) fn centred(el: ElementRef<'_>) -> bool {
    let v = el.value();
    let style = inline_style(el);
    v.attr("align")
        .is_some_and(|a| a.eq_ignore_ascii_case("center"))
        || style.contains("text-align:center")
}

/// Elements whose text belongs to the line around them.
const INLINE: &[&str] = &[
    "a", "span", "font", "strong", "b", "em", "i", "u", "sub", "sup", "small", "big", "abbr",
    "cite", "code", "q", "s", "strike", "mark", "time", "var", "label", "ins", "del", "bdi", "bdo",
    "nobr", "tt", "wbr", "br", "o:p",
];

/// Text of an element outside its block-level children.
fn inline_text(el: ElementRef<'_>, depth: usize, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if depth < 40 && INLINE.contains(&e.name()) => {
                if let Some(c) = ElementRef::wrap(child) {
                    inline_text(c, depth + 1, out);
                }
            }
            _ => {}
        }
    }
}

/// The element holding the article: scored by paragraph text, commas, class names and nearness to the headline.
pub(crate) fn content_root<'a>(
    body: ElementRef<'a>,
    headline: Option<ElementRef<'a>>,
) -> ElementRef<'a> {
    let near_title: Vec<ElementRef<'a>> = headline
        .map(|h| {
            std::iter::once(h)
                .chain(h.ancestors().filter_map(ElementRef::wrap))
                .take_while(|e| *e != body)
                .collect()
        })
        .unwrap_or_default();
    // Scores kept in first-seen order so that ties resolve the same way every run.
    let mut index = HashMap::new();
    let mut scores: Vec<(f64, ElementRef<'a>)> = Vec::new();
    let mut add = |el: ElementRef<'a>, s: f64| {
        let i = *index.entry(el.id()).or_insert_with(|| {
            scores.push((0.0, el));
            scores.len() - 1
        });
        if let Some(entry) = scores.get_mut(i) {
            entry.0 += s;
        }
    };
    // Depth-first with the furniture flag carried down, so deep pages stay linear.
    let mut stack = vec![(body, false, 0usize)];
    while let Some((el, parent_excluded, depth)) = stack.pop() {
        let name = el.value().name();
        let excluded =
            parent_excluded || (el != body && (SKIP.contains(&name) || negative(el) || hidden(el)));
        if depth < MAX_DEPTH {
            stack.extend(el.child_elements().map(|c| (c, excluded, depth + 1)));
        }
        let container = matches!(name, "div" | "td" | "section" | "article" | "main");
        if excluded || !(container || matches!(name, "p" | "pre" | "blockquote")) {
            continue;
        }
        let mut text = String::new();
        inline_text(el, 0, &mut text);
        let len = char_len(text.trim());
        if len < 20 {
            continue;
        }
        let commas = text
            .chars()
            .filter(|c| matches!(c, '，' | '。' | ',' | '；' | '、'))
            .count();
        let s = 1.0 + commas as f64 + (len as f64 / 100.0).min(3.0);
        let parent = el.parent().and_then(ElementRef::wrap);
        if container {
            add(el, s);
            if let Some(p) = parent {
                add(p, s / 2.0);
            }
        } else if let Some(p) = parent {
            add(p, s);
            if let Some(g) = p.parent().and_then(ElementRef::wrap) {
                add(g, s / 2.0);
            }
        }
    }
    let weighted = |score: f64, el: ElementRef<'_>| {
        let total = char_len(&el.text().collect::<String>()).max(1) as f64;
        let links = link_chars(el);
        let class = class_id(el);
        // A hopeful class name can at most double a score; it cannot make one.
        let bonus = if POSITIVE.is_match(&class) {
            score.min(25.0)
        } else {
            0.0
        } - if NEGATIVE.is_match(&class) { 25.0 } else { 0.0 };
        // The article sits beside or around its headline.
        let near = std::iter::once(el)
            .chain(el.ancestors().filter_map(ElementRef::wrap))
            .take(4)
            .any(|e| near_title.contains(&e));
        let factor = if near { 3.0 } else { 1.0 };
        (score * (1.0 - links as f64 / total).max(0.0) + bonus) * factor
    };
    let best = scores
        .iter()
        .map(|&(s, el)| (weighted(s, el), s, el))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let Some((best_score, raw, best)) = best else {
        return body;
    };
    if best_score < 5.0 {
        return body;
    }
    // Text split across sibling blocks belongs together.
    if let Some(parent) = best.parent().and_then(ElementRef::wrap) {
        let strong_sibling = parent.child_elements().any(|sib| {
            sib != best && !negative(sib) && scores.iter().any(|&(s, e)| e == sib && s >= raw * 0.3)
        });
        if strong_sibling {
            return parent;
        }
    }
    best
}
