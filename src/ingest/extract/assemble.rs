//! From blocks of text and offered fields to one clean article.

use std::sync::LazyLock;

use regex::Regex;

use super::byline::person_names;
use super::clean::{char_len, cjk_count, list, normalise};
use super::dates::find_date;
use super::draft::{Block, Draft, Evidence};
use super::fields::{Label, Pair, find_url, parse_meta_line, trim_junk};
use super::furniture::{breadcrumb_hints, is_end_marker, is_furniture, is_site_banner};
use super::lines::{
    citations, clean_title, dateline, is_caption, is_title_candidate, lead_byline, same,
    strip_trailing,
};
use super::{ExtractError, Extracted, Paragraph, Published};

/// An image file name or address standing alone on a line.
static IMAGE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\S+\.(?:png|jpe?g|gif|bmp|webp|tiff?)(?:[?#]\S*)?$").expect("valid regex")
});

/// A bare address standing alone on a line, possibly in angle brackets.
static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^<?(https?://[^\s<>]+)>?$").expect("valid regex"));

/// Widgets and notes that trail a publisher's name on the same line.
static SOURCE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:调整字体|調整字體|字体|字體|字号|字號|打印|分享到|收藏)(?:.*)$|\s+(?:原创稿?|原創稿?|分享|【?[大中小]】?)(?:\s.*)?$")
        .expect("valid regex")
});

/// Placeholders that name no publisher or author.
const NO_NAME: &str = "本站原创|本站原創|原创|原創|本站|本网|本網|网络\
    |網絡|互联网|未知|佚名|不详|admin|Admin|管理员|转载\
    |轉載|null|None";

/// Minimum CJK characters of body text for a source to count as an article.
const MIN_CJK: usize = 20;

/// Clean a draft into an article, or say why it holds none.
pub(crate) fn assemble(mut d: Draft) -> Result<Extracted, ExtractError> {
    let blocks = prepare(std::mem::take(&mut d.blocks), &mut d);
    let blocks = cut_tail(blocks, &mut d);
    let mut title = d
        .title
        .take()
        .map(|t| clean_title(&t))
        .filter(|t| !t.is_empty());
    let given = title.is_some();
    let mut paras: Vec<Paragraph> = Vec::new();
    let (mut seen_body, mut after_image) = (false, false);
    let mut latest_record: Option<Published> = None;
    for block in blocks {
        let (text, centered) = match block {
            Block::Image => {
                after_image = true;
                continue;
            }
            Block::Heading(t) => {
                after_image = false;
                if is_furniture(&t) {
                    continue;
                }
                if !seen_body && title.is_none() && is_title_candidate(&t) {
                    title = Some(clean_title(&t));
                } else if !(given && !seen_body && title.as_deref().is_some_and(|x| same(x, &t))) {
                    paras.push(Paragraph::Heading(t));
                }
                continue;
            }
            Block::Caption(t) => {
                paras.push(Paragraph::Caption(t));
                continue;
            }
            Block::Text(t) => (t, false),
            Block::Centered(t) => (t, true),
        };
        let follows_image = std::mem::replace(&mut after_image, false);
        if let Some(pairs) = parse_meta_line(&text) {
            let dated = pairs.iter().any(|p| p.date.is_some());
            let zone = if seen_body { Zone::Closing } else { Zone::Head };
            apply_pairs(&mut d, pairs, zone);
            if !dated
                && !seen_body
                && let Some((date, _)) = find_date(&text)
            {
                d.published.offer(Evidence::Implied, date);
            }
            continue;
        }
        if title.is_none() && !seen_body && is_site_banner(&text) {
            d.hints.push(text);
            continue;
        }
        if is_furniture(&text) {
            d.hints.extend(breadcrumb_hints(&text));
            continue;
        }
        if !seen_body {
            if let Some(line) = dateline(&text) {
                if line.keep {
                    // A law's record lists its adoption, then each amendment: the text as it
                    // stands dates from the last one.
                    if latest_record.is_none_or(|p: Published| {
                        (p.date, p.time) < (line.date.date, line.date.time)
                    }) {
                        latest_record = Some(line.date);
                    }
                    paras.push(Paragraph::Text(text));
                    continue;
                }
                d.published.offer(Evidence::Guessed, line.date);
                d.hints.extend(line.hints);
                continue;
            } else if title.is_none() && is_title_candidate(&text) {
                title = Some(clean_title(&text));
                continue;
            } else if given && title.as_deref().is_some_and(|t| same(t, &text)) {
                continue;
            }
        }
        if is_caption(&text, follows_image, centered) {
            paras.push(Paragraph::Caption(text));
        } else {
            seen_body = true;
            paras.push(Paragraph::Text(text));
        }
    }
    if let Some(date) = latest_record {
        d.published.offer(Evidence::Guessed, date);
    }
    strip_trailing(&mut paras, &mut d);
    lead_byline(&mut paras, &mut d);
    finish(d, title, paras)
}

/// Normalise blocks, turn image names into images and bare addresses into URL offers.
fn prepare(blocks: Vec<Block>, d: &mut Draft) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let block = match block {
            Block::Image => Block::Image,
            Block::Text(t) => text_block(normalise(&t), d, false),
            Block::Centered(t) => text_block(normalise(&t), d, true),
            Block::Heading(t) => Block::Heading(normalise(&t)),
            Block::Caption(t) => Block::Caption(normalise(&t)),
        };
        match &block {
            Block::Text(t) | Block::Centered(t) | Block::Heading(t) | Block::Caption(t)
                if t.is_empty() => {}
            _ => out.push(block),
        }
    }
    out
}

/// Classify one normalised line of text.
fn text_block(t: String, d: &mut Draft, centered: bool) -> Block {
    if IMAGE_NAME.is_match(&t) && cjk_count(&t) == 0 {
        return Block::Image;
    }
    if let Some(url) = BARE_URL.captures(&t).and_then(|c| c.get(1)) {
        d.url.offer(Evidence::Labelled, url.as_str().to_string());
        return Block::Text(String::new());
    }
    if centered {
        Block::Centered(t)
    } else {
        Block::Text(t)
    }
}

/// Drop everything from the first end-of-article marker, keeping the URL and byline it holds.
fn cut_tail(mut blocks: Vec<Block>, d: &mut Draft) -> Vec<Block> {
    let mut prose = 0;
    let mut cut = None;
    for (i, block) in blocks.iter().enumerate() {
        let (Block::Text(t) | Block::Centered(t) | Block::Heading(t)) = block else {
            continue;
        };
        if prose >= 60 && is_end_marker(t) {
            cut = Some(i);
            break;
        }
        if t.contains(['，', '。', ',']) {
            prose += cjk_count(t);
        }
    }
    let Some(at) = cut else { return blocks };
    let tail = blocks.split_off(at);
    for (j, block) in tail.iter().enumerate() {
        let (Block::Text(t) | Block::Centered(t)) = block else {
            continue;
        };
        if let Some(pairs) = parse_meta_line(t) {
            // Past the first lines of the closing furniture only a link is still this page's.
            let zone = if j >= FAR_TAIL_LINES {
                Zone::FarTail
            } else {
                Zone::Closing
            };
            apply_pairs(d, pairs, zone);
        }
    }
    blocks
}

/// Lines of the closing furniture after which metadata lines are taken for their link only.
const FAR_TAIL_LINES: usize = 4;

/// Where a metadata line sits on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    /// Before the body starts.
    Head,
    /// After the body: the page's closing statement.
    Closing,
    /// Deep in the closing furniture (related links, site footer).
    FarTail,
}

/// Offer the values of a metadata line found in `zone`.
fn apply_pairs(d: &mut Draft, pairs: Vec<Pair>, zone: Zone) {
    let (trailing, url_only) = (zone != Zone::Head, zone == Zone::FarTail);
    // A closing 来源 line is the page's own statement; one at the head may be a repost's.
    let (source, publisher) = if trailing {
        (Evidence::Stated, Evidence::Labelled)
    } else {
        (Evidence::Labelled, Evidence::Implied)
    };
    for p in pairs {
        if url_only && p.label != Label::Url {
            continue;
        }
        match p.label {
            Label::Source if !p.value.is_empty() => d.source.offer(source, p.value),
            Label::Publisher if !p.value.is_empty() => d.source.offer(publisher, p.value),
            Label::Date | Label::LooseDate => {
                if let Some(date) = p.date {
                    let loose = p.label == Label::LooseDate;
                    if !(loose && trailing) {
                        let evidence = if trailing || loose {
                            Evidence::Labelled
                        } else {
                            Evidence::Stated
                        };
                        d.published.offer(evidence, date);
                    }
                }
            }
            Label::Writer => {
                if let Some(n) = person_names(&p.value) {
                    d.author.offer(Evidence::Stated, n);
                }
            }
            Label::Editor => {
                if let Some(n) = person_names(&p.value) {
                    d.author.offer(Evidence::Implied, n);
                }
            }
            Label::Url if !p.value.is_empty() => d.url.offer(Evidence::Stated, p.value),
            Label::Hint => d.hints.extend(super::clean::hints(&p.value)),
            _ => {}
        }
    }
}

/// Check the body, pick a title and gather citations.
fn finish(
    d: Draft,
    title: Option<String>,
    paras: Vec<Paragraph>,
) -> Result<Extracted, ExtractError> {
    let mut paras = paras;
    if let Some(t) = &title {
        paras.retain(|p| !same(&clean_title(para_text(p)), t));
    }
    let body_cjk: usize = paras.iter().map(|p| cjk_count(para_text(p))).sum();
    if body_cjk < MIN_CJK {
        return Err(ExtractError::NoText);
    }
    let title = title
        .or_else(|| d.name_title.clone())
        .or_else(|| first_sentence(&paras))
        .ok_or(ExtractError::NoText)?;
    let mut cited = Vec::new();
    for text in std::iter::once(title.as_str()).chain(paras.iter().map(para_text)) {
        for c in citations(text) {
            if !cited.contains(&c) {
                cited.push(c);
            }
        }
    }
    let mut hints: Vec<String> = Vec::new();
    for h in d.hints.iter().map(|h| trim_junk(&clean_title(h))) {
        if !h.is_empty()
            && !h.contains(['=', '<', '>'])
            && char_len(&h) <= 40
            && !hints.contains(&h)
        {
            hints.push(h);
        }
    }
    let clean = |s: String| {
        let s = trim_junk(&SOURCE_TAIL.replace(&normalise(&s), ""));
        Some(s).filter(|s| !s.is_empty() && !list(NO_NAME).any(|n| n == s))
    };
    Ok(Extracted {
        title,
        paragraphs: paras,
        published: d.published.take(),
        source: d.source.take().and_then(clean),
        author: d.author.take().and_then(clean),
        original_url: d.url.take().and_then(|u| find_url(&u)),
        cited,
        hints,
        record: d.record,
    })
}

/// The text of any paragraph.
fn para_text(p: &Paragraph) -> &str {
    match p {
        Paragraph::Text(t) | Paragraph::Caption(t) | Paragraph::Heading(t) => t,
    }
}

/// The first sentence of the body, as a last-resort title.
fn first_sentence(paras: &[Paragraph]) -> Option<String> {
    let text = paras.iter().find_map(|p| match p {
        Paragraph::Text(t) => Some(t.as_str()),
        _ => None,
    })?;
    let sentence = text
        .split(['。', '！', '？', '!', '?'])
        .next()
        .unwrap_or(text);
    Some(sentence.chars().take(60).collect::<String>()).filter(|s| !s.is_empty())
}
