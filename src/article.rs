//! The article: what the archive stores, indexes and shows.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// One block of an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "text", rename_all = "lowercase")]
pub enum Paragraph {
    /// Running text.
    Text(String),
    /// A photo caption.
    Caption(String),
    /// A heading inside the article (chapters of a regulation).
    Heading(String),
}

impl Paragraph {
    /// The paragraph's text whatever its kind.
    pub fn text(&self) -> &str {
        match self {
            Paragraph::Text(t) | Paragraph::Caption(t) | Paragraph::Heading(t) => t,
        }
    }
}

/// A clean, dated, region-attributed article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Short permalink id.
    pub id: String,
    /// Headline as written.
    pub title: String,
    /// Body blocks in order.
    pub paragraphs: Vec<Paragraph>,
    /// Publication date (China time), when the source states one.
    pub date: Option<NaiveDate>,
    /// Publication time of day, when the source states one.
    pub time: Option<NaiveTime>,
    /// Province, official full name.
    pub province: Option<String>,
    /// Prefecture-level city, official full name.
    pub city: Option<String>,
    /// County-level division, official full name.
    pub county: Option<String>,
    /// The newspaper or office that published it.
    pub source: Option<String>,
    /// Author or editor.
    pub author: Option<String>,
    /// Where the page says it was first published.
    pub original_url: Option<String>,
    /// Documents cited in 《》.
    pub cited: Vec<String>,
}

impl Article {
    /// The body as plain text, one paragraph a line.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for p in &self.paragraphs {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(p.text());
        }
        out
    }

    /// Publication moment as RFC 3339 in China time (+08:00), when date and time are known.
    pub fn published_at(&self) -> Option<String> {
        let (date, time) = (self.date?, self.time?);
        Some(format!(
            "{}T{}+08:00",
            date.format("%Y-%m-%d"),
            time.format("%H:%M:%S")
        ))
    }

    /// The most precise machine-readable publication moment: RFC 3339, or the date alone.
    pub fn datetime(&self) -> Option<String> {
        self.published_at()
            .or_else(|| self.date.map(|d| d.format("%Y-%m-%d").to_string()))
    }

    /// The lead: the first text paragraph, shortened for previews.
    pub fn lead(&self, max_chars: usize) -> String {
        let text = self
            .paragraphs
            .iter()
            .find_map(|p| match p {
                Paragraph::Text(t) if !t.trim().is_empty() => Some(t.as_str()),
                _ => None,
            })
            .unwrap_or_default();
        truncate_chars(text, max_chars)
    }
}

/// Cuts text to at most `max` characters, adding an ellipsis when it was cut.
pub fn truncate_chars(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
