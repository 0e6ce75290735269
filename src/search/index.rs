//! The tantivy index: opening it, and keeping it in step with the database.

use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::{Arc, Mutex};

use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyError, Term};

use super::schema::{Fields, document, schema};
use super::{Facets, Result, SearchError, SearchResults, tokenizer};
use crate::article::Article;

/// Indexing memory per writer thread: segments this large merge rarely, and two threads of
/// it stay well inside the memory of a small machine.
const WRITER_HEAP_PER_THREAD: usize = 128 * 1024 * 1024;
/// Merges at a time: tantivy's default of four, beside indexing on a two-core machine, held
/// several large segments in memory at once while a million articles went in.
const MERGE_THREADS: usize = 1;

/// The search index of the archive, derived from the database.
#[derive(Clone)]
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    // Totals and facets per (query, filters), and whole result pages, for one searcher
    // generation: a broad query counts most of the index, and its visitors should pay for
    // that once per commit.
    cache: Arc<Mutex<QueryCache>>,
    // What archived documents repeal, for one searcher generation: validity needs it for
    // every match, and it changes only when the index does.
    pub(super) repealed: Arc<super::validity::RepealedSlot>,
}

/// Most (query, filters) whose counts, and most pages, are kept: each holds a few kilobytes.
const CACHE_ENTRIES: usize = 1_024;

/// The exact total and facets of a (query, filters), and whether they are those of the
/// fallback to all words.
#[derive(Debug, Clone)]
pub(super) struct Counted {
    pub(super) total: usize,
    pub(super) facets: Facets,
    pub(super) fallback: bool,
}

/// Counts per (query, filters) and pages per request, for one searcher generation.
pub(super) struct QueryCache {
    enabled: bool,
    generation: u64,
    /// Totals and facets by (query, filters).
    pub(super) counts: lru::LruCache<String, Counted>,
    /// Result pages by (query, filters, sort, page, page size).
    pub(super) pages: lru::LruCache<String, SearchResults>,
}

impl QueryCache {
    /// The cache for `generation`, or None when it holds an older one's (then emptied) or
    /// a newer one's (then left alone: a search that began on an older searcher must not
    /// evict the newer entries).
    fn at(&mut self, generation: u64) -> Option<&mut QueryCache> {
        if !self.enabled || generation < self.generation {
            return None;
        }
        if generation > self.generation {
            self.counts.clear();
            self.pages.clear();
            self.generation = generation;
        }
        Some(self)
    }
}

fn lru<V>() -> lru::LruCache<String, V> {
    lru::LruCache::new(NonZeroUsize::new(CACHE_ENTRIES).unwrap_or(NonZeroUsize::MIN))
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
                match std::fs::remove_file(&path) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(SearchError::Io(path.display().to_string(), e));
                    }
                    _ => {}
                }
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
            cache: Arc::new(Mutex::new(QueryCache {
                enabled: true,
                generation: 0,
                counts: lru(),
                pages: lru(),
            })),
            repealed: Arc::default(),
        })
    }

    /// The generation of the latest loaded commit: what was computed from the index keeps
    /// while it stays the same.
    pub fn generation(&self) -> u64 {
        self.searcher().generation().generation_id()
    }

    /// A searcher over the latest loaded commit.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Turns the per-generation cache of counts and pages on or off (on by default; off
    /// makes every search do all of its work, as when measuring it).
    pub fn set_query_cache(&self, enabled: bool) {
        if let Ok(mut cache) = self.cache.lock() {
            cache.enabled = enabled;
            cache.counts.clear();
            cache.pages.clear();
        }
    }

    /// Runs `f` on the cache of counts and pages for a searcher generation; None when the
    /// cache is off, or holds a newer generation's entries.
    pub(super) fn with_cache<R>(
        &self,
        generation: u64,
        f: impl FnOnce(&mut QueryCache) -> R,
    ) -> Option<R> {
        let mut cache = self.cache.lock().ok()?;
        cache.at(generation).map(f)
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
        Ok(commit_state(self.index.load_metas()?.payload.as_deref()))
    }

    /// The index writer with `threads` indexing threads, or None when another process holds
    /// it. Commits record `archive_id` and the change-log position they hold.
    pub fn updater(&self, threads: usize, archive_id: &str) -> Result<Option<IndexUpdater>> {
        let threads = threads.max(1);
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(WRITER_HEAP_PER_THREAD)
            .num_merge_threads(MERGE_THREADS)
            .build();
        match self.index.writer_with_options(options) {
            Ok(writer) => Ok(Some(IndexUpdater {
                writer: Some(writer),
                fields: self.fields.clone(),
                archive_id: archive_id.to_string(),
                reader: self.reader.clone(),
            })),
            Err(TantivyError::LockFailure(..)) => Ok(None),
            Err(e) => Err(e.into()),
        }
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

/// The database id and change-log position a commit's payload records ("archive=… seq=…").
pub(super) fn commit_state(payload: Option<&str>) -> (Option<String>, i64) {
    let mut archive = None;
    let mut seq = 0;
    for part in payload.unwrap_or_default().split_whitespace() {
        if let Some(v) = part.strip_prefix("seq=") {
            seq = v.parse().unwrap_or(0);
        } else if let Some(v) = part.strip_prefix("archive=") {
            archive = Some(v.to_string());
        }
    }
    (archive, seq)
}

/// The index writer of one process: articles in, commits out.
pub struct IndexUpdater {
    // Taken out while a commit runs on a blocking thread.
    writer: Option<IndexWriter>,
    fields: Fields,
    archive_id: String,
    reader: IndexReader,
}

impl IndexUpdater {
    fn writer(&mut self) -> Result<&mut IndexWriter> {
        self.writer.as_mut().ok_or(SearchError::WriterLost)
    }

    /// Removes the article with this id, if indexed.
    pub fn remove(&mut self, id: &str) -> Result<()> {
        let term = Term::from_field_text(self.fields.id, id);
        self.writer()?.delete_term(term);
        Ok(())
    }

    /// Adds an article (remove its id first when it may be indexed already).
    pub fn add(&mut self, article: &Article) -> Result<()> {
        let doc = document(&self.fields, article);
        self.writer()?.add_document(doc)?;
        Ok(())
    }

    /// Removes every article.
    pub fn clear(&mut self) -> Result<()> {
        self.writer()?.delete_all_documents()?;
        Ok(())
    }

    /// Makes everything added durable and visible, recording that the index holds the change
    /// log up to `seq`.
    pub async fn commit(&mut self, seq: i64) -> Result<()> {
        let payload = format!("archive={} seq={seq}", self.archive_id);
        let mut writer = self.writer.take().ok_or(SearchError::WriterLost)?;
        let writer = tokio::task::spawn_blocking(move || -> Result<IndexWriter> {
            let mut prepared = writer.prepare_commit()?;
            prepared.set_payload(&payload);
            prepared.commit()?;
            Ok(writer)
        })
        .await??;
        self.writer = Some(writer);
        Ok(())
    }

    /// Waits for background merges, releases the writer and shows the last commit to searches.
    pub async fn finish(mut self) -> Result<()> {
        if let Some(writer) = self.writer.take() {
            tokio::task::spawn_blocking(move || writer.wait_merging_threads()).await??;
        }
        self.reader.reload()?;
        Ok(())
    }
}
