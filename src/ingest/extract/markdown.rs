//! Markdown, with or without YAML front matter.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::is_cjk;
use super::draft::{Block, Draft};
use super::frontmatter;

/// HTML comments such as "<!-- INFO END -->".
static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("valid regex"));

/// An ATX heading.
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})\s+(.*?)\s*#*\s*$").expect("valid regex"));

/// A thematic break, or a setext underline.
static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*_]\s*){3,}$|^=+$").expect("valid regex"));

/// A line holding only an image.
static IMAGE_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^!\[[^\]]*\]\([^)]*\)$").expect("valid regex"));

/// A list item or block quote marker.
static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:>\s*)+|^(?:[-*+]|\d{1,3}[.)])\s+").expect("valid regex"));

/// A table delimiter row.
static TABLE_RULE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$").expect("valid regex")
});

/// Images, links and autolinks.
static LINKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"!\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|<(https?://[^\s<>]+)>")
        .expect("valid regex")
});

/// Emphasis and inline code.
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|`([^`]+)`|~~([^~]+)~~")
        .expect("valid regex")
});

/// Reduce Markdown links to their text (images vanish, autolinks keep the address).
pub(crate) fn links_to_text(s: &str) -> String {
    if !s.contains('[') && !s.contains('<') {
        return s.to_string();
    }
    LINKS
        .replace_all(s, |c: &regex::Captures<'_>| {
            if c.get(1).is_some() {
                String::new()
            } else {
                c.get(2)
                    .or_else(|| c.get(3))
                    .map_or(String::new(), |m| m.as_str().to_string())
            }
        })
        .into_owned()
}

/// Reduce Markdown inline markup to text.
fn inline(s: &str) -> String {
    let s = links_to_text(s);
    EMPHASIS
        .replace_all(&s, |c: &regex::Captures<'_>| {
            (1..=5)
                .find_map(|i| c.get(i))
                .map_or(String::new(), |m| m.as_str().to_string())
        })
        .into_owned()
}

/// Join wrapped lines: no space between CJK characters, one space otherwise.
fn join(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let cjk_seam = out
            .chars()
            .last()
            .is_some_and(|c| is_cjk(c) || !c.is_ascii())
            && line
                .chars()
                .next()
                .is_some_and(|c| is_cjk(c) || !c.is_ascii());
        if !out.is_empty() && !cjk_seam {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Read a Markdown file into a draft; the first level-one heading is the title.
pub(crate) fn draft(text: &str) -> Draft {
    let mut d = Draft::default();
    let body = match frontmatter::split(text) {
        Some((yaml, body)) => {
            frontmatter::apply(&frontmatter::parse(yaml), &mut d);
            body
        }
        None => text,
    };
    let body = COMMENT.replace_all(body, "\n");
    let mut blocks = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut fenced = false;
    let flush = |para: &mut Vec<String>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Text(join(para)));
            para.clear();
        }
    };
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            flush(&mut para, &mut blocks);
            fenced = !fenced;
            continue;
        }
        if fenced {
            if !t.is_empty() {
                blocks.push(Block::Text(t.to_string()));
            }
            continue;
        }
        if t.is_empty() || TABLE_RULE.is_match(t) {
            flush(&mut para, &mut blocks);
            continue;
        }
        if let Some(c) = HEADING.captures(t) {
            flush(&mut para, &mut blocks);
            let level = c.get(1).map_or(0, |m| m.as_str().len());
            let text = inline(c.get(2).map_or("", |m| m.as_str()));
            if level == 1 && d.title.is_none() {
                d.title = Some(text);
            } else {
                blocks.push(Block::Heading(text));
            }
            continue;
        }
        if RULE.is_match(t) {
            // A setext underline turns the paragraph above into a heading.
            if para.len() == 1 && (t.starts_with('=') || t.starts_with('-')) {
                let text = join(&para);
                para.clear();
                if t.starts_with('=') && d.title.is_none() {
                    d.title = Some(text);
                } else {
                    blocks.push(Block::Heading(text));
                }
            } else {
                flush(&mut para, &mut blocks);
            }
            continue;
        }
        if IMAGE_ONLY.is_match(t) {
            flush(&mut para, &mut blocks);
            blocks.push(Block::Image);
            continue;
        }
        let marked = MARKER.find(t).is_some_and(|m| m.start() == 0);
        let t = MARKER.replace(t, "");
        if marked {
            flush(&mut para, &mut blocks);
        }
        let t = if t.starts_with('|') {
            t.trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            t.into_owned()
        };
        para.push(inline(&t));
        if marked {
            flush(&mut para, &mut blocks);
        }
    }
    flush(&mut para, &mut blocks);
    d.blocks = blocks;
    d
}
