//! Exporting every match of a search as data.

use std::io::Write;

use super::{Archive, ArchiveError, Overload};
use crate::export::{Format, Row, RowWriter};
use crate::search::{self, SearchRequest};

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
        out: W,
    ) -> Result<usize, ArchiveError> {
        let matches = search::export::all_matches(&self.index, req)?;
        let mut rows = RowWriter::new(format, out)?;
        for &address in &matches.addresses {
            let hit = matches.hit(&self.index, address)?;
            rows.write(&Row::of(&hit, origin))?;
        }
        rows.finish()?;
        Ok(matches.addresses.len())
    }
}
