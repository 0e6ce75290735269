//! Article extraction: detect a source's format and pull out title, body and fields.

mod assemble;
mod byline;
mod clean;
mod dates;
mod draft;
mod fields;
mod frontmatter;
mod furniture;
mod html;
mod htmlmeta;
mod htmlroot;
mod jsonl;
mod lines;
mod markdown;
mod text;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use regex::Regex;

/// A file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text scrape of a web page.
    Text,
    /// Jekyll-style YAML front matter followed by an HTML body.
    FrontMatterHtml,
    /// A whole HTML document (or a fragment of one).
    Html,
    /// Markdown, with or without YAML front matter.
    Markdown,
    /// One JSON object per line, each an article.
    JsonLines,
}

/// One article's fields as found in a source, before region attribution.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extracted {
    /// The headline.
    pub title: String,
    /// The body in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// When the article was published, in China time.
    pub published: Option<Published>,
    /// The publisher.
    pub source: Option<String>,
    /// Writers or editors, joined with "、".
    pub author: Option<String>,
    /// Where the article was first published.
    pub original_url: Option<String>,
    /// Documents cited in 《》, unique, in order of first appearance.
    pub cited: Vec<String>,
    /// Tags, categories, banners and byline places that help place the article.
    pub hints: Vec<String>,
    /// 0 for single-article files; the 1-based line number for JSON lines.
    pub record: usize,
}

pub use crate::article::Paragraph;

/// A publication date and, when given, time (China time; no timezone conversion).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Published {
    /// The calendar date.
    pub date: chrono::NaiveDate,
    /// The time of day, when the source gives one.
    pub time: Option<chrono::NaiveTime>,
}

/// Why a source (or one record of it) yields no article.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExtractError {
    /// The text is empty or only whitespace.
    #[error("empty file")]
    Empty,
    /// The text holds NUL characters.
    #[error("binary content (NUL characters)")]
    Binary,
    /// Nothing but page furniture, or fewer than 20 CJK characters of body.
    #[error("no article text (only page furniture, or fewer than 20 CJK characters of body)")]
    NoText,
    /// A JSON line that is not a usable object.
    #[error("bad record on line {line}: {reason}")]
    BadRecord {
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// HTML tags typical of an article body.
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(?:p|div|br|span|table|td|img|h[1-6]|section|article|ul|li|a|font|strong|center)(?:\s[^<>]*)?/?>")
        .expect("valid regex")
});

/// The start of a whole HTML document.
static HTML_DOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        // ASCII word boundaries: tag names are ASCII, and a Unicode boundary forces the slowest
        // regex engine over every page's Chinese text.
        r"(?i)^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)(?-u:\b)|<body(?-u:\b)",
    )
    .expect("valid regex")
});

/// Markdown headings.
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^#{1,6}\s+\S").expect("valid regex"));

/// Detect the format from the file name and content.
pub fn detect_format(file_name: &str, text: &str) -> Format {
    let ext = extension(file_name);
    if matches!(ext.as_str(), "jsonl" | "ndjson") || jsonl::looks_like(text) {
        return Format::JsonLines;
    }
    if let Some((_, body)) = frontmatter::split(text) {
        return if looks_html(body) {
            Format::FrontMatterHtml
        } else {
            Format::Markdown
        };
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx" | "jsp" => Format::Html,
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        _ if HTML_DOC.is_match(head(text, 4000)) || looks_html(text) => Format::Html,
        _ if MD_HEADING.find_iter(head(text, 20_000)).count() >= 2
            || text.trim_start().starts_with("# ") =>
        {
            Format::Markdown
        }
        _ => Format::Text,
    }
}

/// Detect the format from the file name and content, and extract every article (one, or one per JSON line). A bad JSON line is an Err for that record only.
pub fn extract(file_name: &str, text: &str) -> Vec<Result<Extracted, ExtractError>> {
    if text.trim().is_empty() {
        return vec![Err(ExtractError::Empty)];
    }
    if text.contains('\0') {
        return vec![Err(ExtractError::Binary)];
    }
    let format = detect_format(file_name, text);
    if format == Format::JsonLines {
        return jsonl::extract(text);
    }
    let mut draft = match format {
        Format::FrontMatterHtml => frontmatter::html_draft(text),
        Format::Html => html::document(text),
        Format::Markdown => markdown::draft(text),
        Format::Text | Format::JsonLines => text::draft(text),
    };
    draft.name_title = name_title(file_name);
    if let Some(date) = name_date(file_name) {
        draft
            .published
            .offer(draft::Evidence::Named, Published { date, time: None });
    }
    vec![assemble::assemble(draft)]
}

/// Extract the article of one line of a JSON-lines dump (`line_no` from 1).
pub fn extract_record(line: &str, line_no: usize) -> Result<Extracted, ExtractError> {
    jsonl::extract_line(line, line_no)
}

/// Whether a text reads as JSON lines (three in four lines are objects).
pub fn looks_like_json_lines(text: &str) -> bool {
    jsonl::looks_like(text)
}

/// Whether a body is mostly HTML markup.
fn looks_html(body: &str) -> bool {
    HTML_DOC.is_match(head(body, 4000))
        || HTML_TAG.find_iter(head(body, 50_000)).take(3).count() >= 3
}

/// At most the first `n` bytes of `s`, cut at a character boundary.
fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or(s)
}

/// The lowercased extension of a file name.
fn extension(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// A date in a file's name: 上海口岸服务条例(2020-05-14).md, notice_2021-03-05.html,
/// 2019年12月1日通知.txt.
pub fn name_date(file_name: &str) -> Option<chrono::NaiveDate> {
    static NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_.年]([0-9]{1,2})[-_.月]([0-9]{1,2})(?:日|[^0-9]|$)",
        )
        .expect("valid regex")
    });
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let c = NAME_DATE.captures(base)?;
    chrono::NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A title from a file name that reads as one (four or more Han characters).
fn name_title(file_name: &str) -> Option<String> {
    static DATE_TAIL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*[(（][\d\-_.年月日]+[)）]\s*$").expect("valid regex"));
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let stem = DATE_TAIL.replace(stem, "");
    (clean::cjk_count(&stem) >= 4).then(|| stem.trim().to_string())
}
