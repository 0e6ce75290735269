//! Reading a committed index without changing it, for consistency checks.

use std::path::Path;

use tantivy::directory::MmapDirectory;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Index, ReloadPolicy, TERMINATED};

use super::index::commit_state;
use super::{Result, SearchError};

/// What the last commit of an index holds.
#[derive(Debug)]
pub struct IndexContents {
    /// The database the index was built from.
    pub archive: Option<String>,
    /// The last change-log position applied.
    pub seq: i64,
    /// The id of every live document, in order (an id held twice appears twice).
    pub ids: Vec<String>,
}

/// Reads the committed index in `dir` without taking the writer or writing a file; None when
/// there is no index there.
pub fn inspect(dir: &Path) -> Result<Option<IndexContents>> {
    if !dir.is_dir() {
        return Ok(None);
    }
    let directory = MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?;
    if !Index::exists(&directory).map_err(tantivy::TantivyError::from)? {
        return Ok(None);
    }
    let index = Index::open(directory)?;
    let (archive, seq) = commit_state(index.load_metas()?.payload.as_deref());
    let id = index
        .schema()
        .get_field("id")
        .map_err(|_| SearchError::Schema("id"))?;
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()?;
    let searcher = reader.searcher();
    let io = |e| SearchError::Io(dir.display().to_string(), e);
    let mut ids = Vec::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(id)?;
        let mut terms = inverted.terms().stream().map_err(io)?;
        while terms.advance() {
            let mut postings = inverted
                .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                .map_err(io)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if !segment.is_deleted(doc) {
                    ids.push(String::from_utf8_lossy(terms.key()).into_owned());
                }
                doc = postings.advance();
            }
        }
    }
    ids.sort_unstable();
    Ok(Some(IndexContents { archive, seq, ids }))
}
