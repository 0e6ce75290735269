//! The intermediate form every format reader produces.

use super::Published;

/// A unit of text found in a source, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// An ordinary line or paragraph.
    Text(String),
    /// A paragraph the page centres (a caption when it follows an image).
    Centered(String),
    /// A heading inside the body.
    Heading(String),
    /// A caption the markup marks as one.
    Caption(String),
    /// An image (its file name or markup is not kept).
    Image,
}

/// A field value offered by several places; the lowest rank wins, then the first offer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Slot<T>(Option<(u8, T)>);

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot(None)
    }
}

impl<T> Slot<T> {
    /// Offer a value with a rank (0 = most trusted).
    pub(crate) fn offer(&mut self, rank: u8, value: T) {
        if self.0.as_ref().is_none_or(|(r, _)| rank < *r) {
            self.0 = Some((rank, value));
        }
    }

    /// The winning value.
    pub(crate) fn take(self) -> Option<T> {
        self.0.map(|(_, v)| v)
    }
}

/// Everything a format reader found, to be cleaned into an article.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    /// A title given by metadata; None lets the body's first headline-like line serve.
    pub title: Option<String>,
    /// The body, in reading order, furniture included.
    pub blocks: Vec<Block>,
    /// Publication date offers.
    pub published: Slot<Published>,
    /// Publisher offers.
    pub source: Slot<String>,
    /// Author offers.
    pub author: Slot<String>,
    /// Original URL offers.
    pub url: Slot<String>,
    /// Tags, categories, banners and other placing hints.
    pub hints: Vec<String>,
    /// The record number (0, or the JSON line number).
    pub record: usize,
    /// A title derived from the file name, used when nothing better exists.
    pub name_title: Option<String>,
}

/// Rank of values given directly by metadata (front matter, JSON fields, meta tags).
pub(crate) const DIRECT: u8 = 0;
