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

/// How directly a source states a field value; the most direct offer wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Evidence {
    /// Stated outright: metadata fields (front matter, JSON, meta tags), a labelled line
    /// where such lines are authoritative (the closing 来源 of a government page), a byline.
    Stated,
    /// Labelled less reliably: a label at the head of a page, a date on a trailing line,
    /// a page-wide meta tag, a canonical link.
    Labelled,
    /// Implied: an editor standing in for an author, a publisher for a source, a date found
    /// inside a metadata line.
    Implied,
    /// Guessed: a dateline, the last record date of a law, names from a meta author tag.
    Guessed,
    /// Named: a date in the file's name (archives and crawlers date what they save), taken
    /// only when the text states none.
    Named,
}

/// A field value offered by several places; the most direct evidence wins, then the first
/// offer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Slot<T>(Option<(Evidence, T)>);

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot(None)
    }
}

impl<T> Slot<T> {
    /// Offer a value with the evidence for it.
    pub(crate) fn offer(&mut self, evidence: Evidence, value: T) {
        if self.0.as_ref().is_none_or(|(e, _)| evidence < *e) {
            self.0 = Some((evidence, value));
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
