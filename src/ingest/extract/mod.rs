// TEMPORARY placeholder.
pub use crate::article::Paragraph;
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extracted {
    pub title: String,
    pub paragraphs: Vec<Paragraph>,
    pub published: Option<Published>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub original_url: Option<String>,
    pub cited: Vec<String>,
    pub hints: Vec<String>,
    pub record: usize,
}
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Published {
    pub date: chrono::NaiveDate,
    pub time: Option<chrono::NaiveTime>,
}
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExtractError {
    #[error("no text")]
    NoText,
}
pub fn extract(_file_name: &str, text: &str) -> Vec<Result<Extracted, ExtractError>> {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let title = lines.next().unwrap_or_default().to_string();
    vec![Ok(Extracted {
        title,
        paragraphs: lines.map(|l| Paragraph::Text(l.to_string())).collect(),
        ..Default::default()
    })]
}
