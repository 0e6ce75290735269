//! Exporting every match of a search as data.

use std::collections::HashMap;
use std::io::Write;

use tokio::runtime::Handle;

use super::{Archive, ArchiveError, Overload};
use crate::document::{self, Document};
use crate::export::{Format, Row, RowWriter};
use crate::search::{self, SearchRequest};
use crate::store::ArticleRecord;

/// Articles read from the database at a time while exporting.
const EXPORT_CHUNK: usize = 256;

/// The right to run an export: one runs at a time (each reads a whole result set).
pub struct ExportTurn {
    _permit: tokio::sync::OwnedSemaphorePermit,
}

impl Archive {
    /// Takes the export turn, or turns the export away while another runs.
    pub fn begin_export(&self) -> Result<ExportTurn, ArchiveError> {
        Ok(ExportTurn {
            _permit: self.gate.try_export().ok_or(Overload::QueueFull)?,
        })
    }

    /// Writes every match of `req` to `out` in the search's order; returns how many.
    /// Blocking: call it on a blocking thread. Memory grows with the matches only by one
    /// index address each; rows go out as they are read.
    pub fn export_blocking<W: Write>(
        &self,
        _turn: ExportTurn,
        req: &SearchRequest,
        format: Format,
        origin: &str,
        rt: &Handle,
        out: W,
    ) -> Result<usize, ArchiveError> {
        let today = document::today();
        let matches = search::export::all_matches(&self.index, req)?;
        let mut rows = RowWriter::new(format, out)?;
        for chunk in matches.addresses.chunks(EXPORT_CHUNK) {
            let hits = chunk
                .iter()
                .map(|&address| matches.hit(&self.index, address))
                .collect::<Result<Vec<_>, _>>()?;
            let ids: Vec<String> = hits.iter().map(|h| h.id.clone()).collect();
            let mut records: HashMap<String, ArticleRecord> = rt
                .block_on(self.store.records(&ids))?
                .into_iter()
                .map(|r| (r.article.id.clone(), r))
                .collect();
            for hit in &hits {
                // An article deleted since the search found it keeps its row, without fields.
                let document = match records.remove(&hit.id) {
                    Some(record) => self.document_blocking(&record, rt, today)?,
                    None => Document::default(),
                };
                rows.write(&Row {
                    hit,
                    document: &document,
                    origin,
                })?;
            }
        }
        rows.finish()?;
        Ok(matches.addresses.len())
    }
}
