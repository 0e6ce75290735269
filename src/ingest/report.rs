//! What an ingest run did, for people and for scripts.

use serde::Serialize;

use super::ArticleOutcome;

/// A file, or one record of it, that could not be ingested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// The file's name.
    pub file: String,
    /// Why it was rejected.
    pub reason: String,
}

/// The outcome of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileOutcome {
    /// New articles.
    pub new: usize,
    /// Articles replaced by a corrected text.
    pub updated: usize,
    /// Articles already stored.
    pub duplicates: usize,
    /// The exact file was ingested before.
    pub unchanged: bool,
    /// The whole file was rejected.
    pub file_rejected: bool,
    /// Rejected file or records.
    pub rejected: Vec<Rejection>,
    /// Ids of the articles the file's records were stored as, in record order.
    pub ids: Vec<String>,
}

impl FileOutcome {
    /// The file was ingested before, byte for byte.
    pub fn unchanged() -> FileOutcome {
        FileOutcome {
            unchanged: true,
            ..FileOutcome::default()
        }
    }

    /// The whole file was rejected.
    pub fn failed(file: &str, reason: String) -> FileOutcome {
        FileOutcome {
            file_rejected: true,
            rejected: vec![Rejection {
                file: file.to_string(),
                reason,
            }],
            ..FileOutcome::default()
        }
    }

    /// Adds another outcome of the same file (one of its records).
    pub fn merge(&mut self, other: FileOutcome) {
        self.new += other.new;
        self.updated += other.updated;
        self.duplicates += other.duplicates;
        self.unchanged |= other.unchanged;
        self.file_rejected |= other.file_rejected;
        self.rejected.extend(other.rejected);
        self.ids.extend(other.ids);
    }

    /// Counts one article's outcome.
    pub fn count(&mut self, outcome: ArticleOutcome) {
        match outcome {
            ArticleOutcome::New => self.new += 1,
            ArticleOutcome::Updated => self.updated += 1,
            ArticleOutcome::Duplicate => self.duplicates += 1,
        }
    }
}

/// Most rejections a report lists; the rest are counted. A dump with millions of bad lines
/// must not hold them all in memory.
pub const MAX_LISTED_REJECTIONS: usize = 10_000;

/// The summary of an ingest run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestReport {
    /// Files read.
    pub files: usize,
    /// New articles stored.
    pub ingested: usize,
    /// Articles replaced by corrected texts.
    pub updated: usize,
    /// Articles recognised as already stored.
    pub duplicates: usize,
    /// Files, or records of dumps, ingested before byte for byte.
    pub unchanged_files: usize,
    /// Files and records rejected, with reasons (the first [`MAX_LISTED_REJECTIONS`]).
    pub rejected: Vec<Rejection>,
    /// Files and records rejected in all.
    pub rejected_total: usize,
    /// Wall time.
    pub seconds: f64,
}

impl IngestReport {
    /// Adds the outcome of one file or record (files are counted by the caller).
    pub fn add(&mut self, outcome: FileOutcome) {
        self.ingested += outcome.new;
        self.updated += outcome.updated;
        self.duplicates += outcome.duplicates;
        self.unchanged_files += usize::from(outcome.unchanged);
        self.rejected_total += outcome.rejected.len();
        let room = MAX_LISTED_REJECTIONS.saturating_sub(self.rejected.len());
        self.rejected
            .extend(outcome.rejected.into_iter().take(room));
    }

    /// One line for people.
    pub fn summary(&self) -> String {
        format!(
            "{} files: {} ingested, {} updated, {} duplicates, {} unchanged, {} rejected in {:.1} s",
            self.files,
            self.ingested,
            self.updated,
            self.duplicates,
            self.unchanged_files,
            self.rejected_total,
            self.seconds
        )
    }
}
