//! Classifying single lines: datelines, headlines, captions, bylines and citations.

use std::sync::LazyLock;

use regex::Regex;

use super::byline::{Attribution, attribution, person_names};
use super::clean::{char_len, cjk_count, normalise};
use super::dates::find_date;
use super::draft::{Draft, Evidence};
use super::fields::{parse_meta_line, trim_junk};
use super::furniture::is_site_banner;
use super::{Paragraph, Published};

/// Leading tags such as "[视频]" or "【图文】".
static TITLE_TAGS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[\[【〔]\s*[^\[\]【】〔〕]{1,8}?\s*[\]】〕]\s*").expect("valid regex")
});

/// A whole line in brackets.
static WHOLE_BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（]([^()（）]{1,40})[)）]$").expect("valid regex"));

/// A bracketed attribution after the last sentence of a paragraph.
static TRAILING_BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)^(.*[。！？!?”’」』…])\s*[(（]([^()（）]{1,40})[)）]$").expect("valid regex")
});

/// Role words that mark a short closing line as a byline ("扬子晚报记者 张楠").
const BYLINE_ROLES: &str = "记者|記者|通讯员|通訊員|作者|撰稿|编辑|編輯";
static BYLINE_ROLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(BYLINE_ROLES).expect("valid regex"));

/// A news agency's dateline followed by a bracketed byline.
static LEAD_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^。，,]{0,40}?(?:讯|訊|电|電|消息)\s*[(（]([^()（）]{2,40})[)）]")
        .expect("valid regex")
});

/// A byline standing alone before the text: "记者 张三 李四", "記者王小明／臺中報導", "文／张三".
static STANDALONE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:本报|本報)?(?:记者|記者|文|撰文|采写|採寫)\s*[:：/／∕|]?\s*(\p{Han}{2,4}(?:[\s、，,]+\p{Han}{2,4}){0,3})\s*(?:[/／∕|]\s*\p{Han}{0,8}(?:报道|報導|报导|報道))?$",
    )
    .expect("valid regex")
});

/// Photo credits and caption openings.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:图为|圖為|图片为|上图|下图|图[:：/]|▲)|(?:^|[^拍])(?:摄|攝)$|(?:摄影|攝影|供图|供圖)$|[(（][^()（）]{0,24}(?:摄|攝|供图|供圖)[)）]$|图片来源|圖片來源")
        .expect("valid regex")
});

/// Numbered section openings, which are headings rather than captions.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|第[一二三四五六七八九十百\d]+[章节条])")
        .expect("valid regex")
});

/// Words of a dateline that are roles or labels, not places or tags (and weekdays).
const DATELINE_WORDS: &str = "编辑|編輯|记者|記者|作者|来源|來源|星期|浏览|点击|阅读|发布|發布\
    |时间|日期|周一|周二|周三|周四|周五|周六|周日";
static DATELINE_NOISE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(DATELINE_WORDS).expect("valid regex"));

/// Words of the lines recording a law's adoption or amendment, which belong to the text.
const LEGAL_WORDS: &str =
    "通过|通過|批准|修正|修订|修訂|公布|施行|人民代表大会|常务委员会|常務委員會";
static LEGAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(LEGAL_WORDS).expect("valid regex"));

/// A date line near the top: the date, place or tag words, and whether the line is text to keep.
pub(crate) struct Dateline {
    /// The date the line carries.
    pub date: Published,
    /// Place or tag words beside the date.
    pub hints: Vec<String>,
    /// Whether the line is text to keep (a law's adoption record).
    pub keep: bool,
}

/// Recognise a short line carrying a full date and no prose.
pub(crate) fn dateline(text: &str) -> Option<Dateline> {
    if char_len(text) > 600 {
        return None;
    }
    let (date, range) = find_date(text)?;
    // A law's adoption record ("2020年3月26日 …会议通过") opens with its date and has no full stop.
    if LEGAL.is_match(text) && range.start == 0 && !text.contains('。') {
        return Some(Dateline {
            date,
            hints: Vec::new(),
            keep: true,
        });
    }
    if char_len(text) > 80 || text.contains(['。', '，', '；', '！', '？', ',']) {
        return None;
    }
    let rest = format!("{} {}", text.get(..range.start)?, text.get(range.end..)?);
    // A long phrase beside the date is a headline ("2023年5月30日全市人才工作会议召开"), not a dateline.
    if rest.split_whitespace().any(|w| cjk_count(w) > 8) {
        return None;
    }
    let hints = rest
        .split_whitespace()
        .map(trim_junk)
        .filter(|w| cjk_count(w) >= 2 && cjk_count(w) == char_len(w) && char_len(w) <= 10)
        .filter(|w| !DATELINE_NOISE.is_match(w))
        .collect();
    Some(Dateline {
        date,
        hints,
        keep: false,
    })
}

/// Whether a line outside the main content is a metadata or date line.
pub(crate) fn is_header_line(text: &str) -> bool {
    parse_meta_line(text).is_some() || dateline(text).is_some_and(|l| !l.keep)
}

/// Whether a line could be the headline.
pub(crate) fn is_title_candidate(text: &str) -> bool {
    let len = char_len(text);
    (4..=100).contains(&len)
        && (cjk_count(text) >= 2 || text.split_whitespace().count() >= 2)
        && !text.ends_with(['。', '；', ';', '：', ':', '，', ',', '、'])
        && !is_site_banner(text)
}

/// Whether a line is a photo caption.
pub(crate) fn is_caption(text: &str, follows_image: bool, centered: bool) -> bool {
    let len = char_len(text);
    if len <= 80 && CAPTION.is_match(text) {
        return true;
    }
    follows_image
        && !NUMBERED.is_match(text)
        && ((len <= 50 && !text.ends_with(['。', '：', ':'])) || (centered && len <= 80))
}

/// Normalise a title and drop leading tags such as "[视频]", keeping a tag that is the whole title.
pub(crate) fn clean_title(t: &str) -> String {
    let mut t = normalise(t);
    while let Some(m) = TITLE_TAGS.find(&t) {
        let rest = t.get(m.end()..).unwrap_or_default().trim();
        if rest.is_empty() {
            break;
        }
        t = rest.to_string();
    }
    t
}

/// Equal apart from whitespace.
pub(crate) fn same(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
        || a.chars()
            .filter(|c| !c.is_whitespace())
            .eq(b.chars().filter(|c| !c.is_whitespace()))
}

/// Take bylines and source attributions off the end of the body.
pub(crate) fn strip_trailing(paras: &mut Vec<Paragraph>, d: &mut Draft) {
    while let Some(Paragraph::Text(last)) = paras.last_mut() {
        let (rest, inner) = if let Some(c) = WHOLE_BRACKET.captures(last) {
            (
                String::new(),
                c.get(1).map_or("", |m| m.as_str()).to_string(),
            )
        } else if let Some(c) = TRAILING_BRACKET.captures(last) {
            let keep = c.get(1).map_or("", |m| m.as_str()).trim().to_string();
            (keep, c.get(2).map_or("", |m| m.as_str()).to_string())
        } else if char_len(last) <= 30 && BYLINE_ROLE.is_match(last) {
            (String::new(), last.clone())
        } else {
            break;
        };
        match attribution(&inner) {
            Some(Attribution::Source(s)) => d.source.offer(Evidence::Stated, s),
            Some(Attribution::Author(a)) => d.author.offer(Evidence::Stated, a),
            Some(Attribution::Editor(a)) => d.author.offer(Evidence::Implied, a),
            Some(Attribution::End) => {}
            None => break,
        }
        if rest.is_empty() {
            paras.pop();
        } else {
            *last = rest;
        }
    }
}

/// A byline in the dateline of the first paragraph: "新华社北京2月29日电（记者 唐霁）", or a
/// first paragraph that is only a byline ("記者王小明／臺中報導"), which is then removed.
pub(crate) fn lead_byline(paras: &mut Vec<Paragraph>, d: &mut Draft) {
    let standalone = paras.iter().position(|p| matches!(p, Paragraph::Text(_)));
    if let Some(at) = standalone
        && let Paragraph::Text(t) = &paras[at]
        && let Some(names) = STANDALONE_BYLINE
            .captures(t.trim())
            .and_then(|c| c.get(1))
            .and_then(|m| person_names(m.as_str()))
    {
        d.author.offer(Evidence::Stated, names);
        paras.remove(at);
        return;
    }
    let first = paras.iter().find_map(|p| match p {
        Paragraph::Text(t) => Some(t),
        _ => None,
    });
    if let Some(inner) = first
        .and_then(|t| LEAD_BYLINE.captures(t))
        .and_then(|c| c.get(1))
        && let Some(Attribution::Author(a)) = attribution(inner.as_str())
    {
        d.author.offer(Evidence::Stated, a);
    }
}

/// Titles in 《》, outer before inner, without the brackets.
pub(crate) fn citations(text: &str) -> Vec<String> {
    let mut open: Vec<usize> = Vec::new();
    let mut found: Vec<(usize, String)> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '《' => open.push(i + c.len_utf8()),
            '》' => {
                if let Some(start) = open.pop()
                    && let Some(inner) = text.get(start..i)
                {
                    let inner = inner.trim();
                    if !inner.is_empty() && char_len(inner) <= 120 {
                        found.push((start, inner.to_string()));
                    }
                }
            }
            _ => {}
        }
    }
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, s)| s).collect()
}
