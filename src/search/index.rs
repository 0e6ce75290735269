//! The tantivy index: opening it, and keeping it in step with the database.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyError, Term};

use super::schema::{Fields, document, schema};
use super::{Facets, Result, SearchError, tokenizer};
use crate::store::Store;

const SYNC_BATCH: i64 = 2_000;
const WRITER_HEAP: usize = 100_000_000;

/// The search index of the archive, derived from the database.
#[derive(Clone)]
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    // Total and facets of the unfiltered listing (home page, feeds) for one searcher
    // generation: counting every article on each visit would scan the whole index.
    listing: Arc<Mutex<Option<(u64, usize, Facets)>>>,
}

/// What a sync did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Synced {
    /// The index already held every change.
    UpToDate,
    /// This many articles were (re)indexed or removed.
    Applied(usize),
    /// Another process holds the index writer; it will apply the changes.
    Busy,
}

impl SearchIndex {
    /// Opens the index in `dir`, creating it, or recreating it when its schema is outdated.
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|e| SearchError::Io(dir.display().to_string(), e))?;
        let (schema, fields) = schema();
        let mmap = || MmapDirectory::open(dir).map_err(TantivyError::from);
        let mut index = Index::open_or_create(mmap()?, schema.clone());
        if let Err(TantivyError::SchemaError(_)) = index {
            tracing::warn!("search index schema changed; rebuilding it from the database");
            for entry in
                std::fs::read_dir(dir).map_err(|e| SearchError::Io(dir.display().to_string(), e))?
            {
                let path = entry
                    .map_err(|e| SearchError::Io(dir.display().to_string(), e))?
                    .path();
                let _ = std::fs::remove_file(path);
            }
            index = Index::open_or_create(mmap()?, schema);
        }
        let index = index?;
        tokenizer::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            listing: Arc::new(Mutex::new(None)),
        })
    }

    /// A searcher over the latest loaded commit.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Total and facets of the unfiltered listing, if computed for this searcher generation.
    pub(super) fn cached_listing(&self, generation: u64) -> Option<(usize, Facets)> {
        let cache = self.listing.lock().ok()?;
        cache
            .as_ref()
            .filter(|(g, _, _)| *g == generation)
            .map(|(_, total, facets)| (*total, facets.clone()))
    }

    /// Remembers the unfiltered listing's total and facets for a searcher generation.
    pub(super) fn cache_listing(&self, generation: u64, total: usize, facets: &Facets) {
        if let Ok(mut cache) = self.listing.lock() {
            *cache = Some((generation, total, facets.clone()));
        }
    }

    /// The schema's fields.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The underlying tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The database id and the last change-log position the committed index holds.
    pub fn indexed_state(&self) -> Result<(Option<String>, i64)> {
        let metas = self.index.load_metas()?;
        let mut archive = None;
        let mut seq = 0;
        for part in metas
            .payload
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
        {
            if let Some(v) = part.strip_prefix("seq=") {
                seq = v.parse().unwrap_or(0);
            } else if let Some(v) = part.strip_prefix("archive=") {
                archive = Some(v.to_string());
            }
        }
        Ok((archive, seq))
    }

    fn writer(&self, threads: usize) -> Result<Option<IndexWriter>> {
        match self
            .index
            .writer_with_num_threads(threads, WRITER_HEAP * threads)
        {
            Ok(w) => Ok(Some(w)),
            Err(TantivyError::LockFailure(..)) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Applies every database change the index does not hold yet.
    pub async fn sync(&self, store: &Store) -> Result<Synced> {
        let (indexed_archive, mut seq) = self.indexed_state()?;
        let archive = store.archive_id().await?;
        let last = store.last_change().await?;
        if last < seq || (seq > 0 && indexed_archive.as_deref() != Some(archive.as_str())) {
            // The index was built from another database.
            tracing::warn!("the search index does not match the database; rebuilding it");
            return match self.rebuild(store).await {
                Ok(n) => Ok(Synced::Applied(n)),
                Err(SearchError::Busy) => Ok(Synced::Busy),
                Err(e) => Err(e),
            };
        }
        if last == seq {
            return Ok(Synced::UpToDate);
        }
        let Some(mut writer) = self.writer(1)? else {
            return Ok(Synced::Busy);
        };
        // Re-read under the writer lock: another process may have committed meanwhile.
        seq = self.indexed_state()?.1;
        let mut applied = 0;
        loop {
            let changes = store.changes_after(seq, SYNC_BATCH).await?;
            let Some(last) = changes.last().map(|c| c.seq) else {
                break;
            };
            let ids: Vec<String> = changes
                .into_iter()
                .map(|c| c.article_id)
                .collect::<HashSet<_>>()
                .into_iter()
                .collect();
            for id in &ids {
                writer.delete_term(Term::from_field_text(self.fields.id, id));
            }
            for article in store.articles(&ids).await? {
                writer.add_document(document(&self.fields, &article))?;
            }
            applied += ids.len();
            seq = last;
            writer = commit(writer, &archive, seq).await?;
        }
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(Synced::Applied(applied))
    }

    /// Rebuilds the whole index from the database; returns how many articles it holds.
    pub async fn rebuild(&self, store: &Store) -> Result<usize> {
        let Some(writer) = self.writer(2)? else {
            return Err(SearchError::Busy);
        };
        let seq = store.last_change().await?;
        let archive = store.archive_id().await?;
        writer.delete_all_documents()?;
        let (mut after, mut count) = (0, 0);
        loop {
            let (articles, last) = store.articles_after(after, 500).await?;
            if articles.is_empty() {
                break;
            }
            for article in &articles {
                writer.add_document(document(&self.fields, article))?;
            }
            count += articles.len();
            after = last;
        }
        let writer = commit(writer, &archive, seq).await?;
        writer.wait_merging_threads()?;
        self.reader.reload()?;
        Ok(count)
    }

    /// Reloads the searcher if another commit landed since the one it serves; a check that
    /// does not rely on the file watcher, and keeps the searcher (and its caches) otherwise.
    pub fn reload_if_committed(&self) -> Result<bool> {
        let committed: std::collections::BTreeMap<_, _> = self
            .index
            .load_metas()?
            .segments
            .iter()
            .map(|m| (m.id(), m.delete_opstamp()))
            .collect();
        if &committed == self.searcher().generation().segments() {
            return Ok(false);
        }
        self.reader.reload()?;
        Ok(true)
    }
}

async fn commit(mut writer: IndexWriter, archive: &str, seq: i64) -> Result<IndexWriter> {
    let payload = format!("archive={archive} seq={seq}");
    tokio::task::spawn_blocking(move || -> Result<IndexWriter> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload);
        prepared.commit()?;
        Ok(writer)
    })
    .await
    .map_err(|e| SearchError::Task(e.to_string()))?
}
