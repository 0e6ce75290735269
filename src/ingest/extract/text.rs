//! Plain-text scrapes: one paragraph per line.

use super::draft::{Block, Draft};
use super::markdown::links_to_text;

/// Read a plain-text scrape into a draft: every line is a block.
pub(crate) fn draft(text: &str) -> Draft {
    Draft {
        blocks: text
            .lines()
            .map(|line| Block::Text(links_to_text(line)))
            .collect(),
        ..Draft::default()
    }
}
