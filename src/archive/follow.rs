//! Keeping the index in step with the database: the change log, applied in batches.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::time::Duration;

use tokio::sync::watch;

use super::{Archive, ArchiveError};
use crate::article::Article;
use crate::search::{IndexUpdater, Synced};

/// Changes read from the log at a time.
const LOG_BATCH: i64 = 2_000;
/// Articles read from the database at a time when rebuilding.
const REBUILD_BATCH: i64 = 500;
/// Indexing threads of a rebuild: every core of a small machine.
const REBUILD_THREADS: usize = 2;

/// How often a server looks for changes that other processes wrote.
const FOLLOW_EVERY: Duration = Duration::from_secs(2);

/// Articles a writer of this process already holds in memory: (their state, the newest
/// change-log position that state reflects).
pub(super) struct Known<'a> {
    pub(super) articles: &'a HashMap<String, Option<Article>>,
    pub(super) as_of: i64,
}

impl Archive {
    /// Keeps the index in step with articles other processes write, until `stop` turns true
    /// (a step under way is finished first).
    /// The first step runs at once: a server opened without syncing is ready after it.
    pub async fn follow(self, mut stop: watch::Receiver<bool>) {
        let mut pause = Duration::ZERO;
        loop {
            tokio::select! {
                _ = tokio::time::sleep(pause) => {}
                _ = stop.wait_for(|stopping| *stopping) => return,
            }
            pause = FOLLOW_EVERY;
            // Ready once searches see what the database held when this step began, whoever
            // indexed it: this server, or an ingest holding the index writer meanwhile.
            let target = if self.is_caught_up() {
                None
            } else {
                self.store.last_change().await.ok()
            };
            match self.sync().await {
                Ok(Synced::Applied(n)) => tracing::info!("indexed {n} changed articles"),
                Ok(_) => {}
                Err(e) => tracing::warn!("index sync failed: {}", crate::report::chain(&e)),
            }
            match self.index.reload_if_committed() {
                Ok(_) => {
                    let reached = target.is_some_and(|t| {
                        self.index
                            .indexed_state()
                            .is_ok_and(|(_, indexed)| indexed >= t)
                    });
                    if reached {
                        self.caught_up.store(true, Ordering::Release);
                    }
                }
                Err(e) => tracing::warn!("index reload failed: {}", crate::report::chain(&e)),
            }
            // What archived documents repeal, and the live field lengths ranking uses, are
            // worked out once per index generation: here, rather than in the first search
            // after a commit.
            let index = self.index.clone();
            let warmed = tokio::task::spawn_blocking(move || {
                let ranking = index.warm_ranking();
                (
                    index.standing(&index.searcher(), crate::document::today()),
                    ranking,
                )
            })
            .await;
            if let Ok((standing, ranking)) = warmed {
                if let Err(e) = standing {
                    tracing::warn!("reading repeals failed: {}", crate::report::chain(&e));
                }
                if let Err(e) = ranking {
                    tracing::warn!("reading field lengths failed: {}", crate::report::chain(&e));
                }
            }
        }
    }

    /// Applies pending database changes to the index.
    pub async fn sync(&self) -> Result<Synced, ArchiveError> {
        let (indexed_archive, seq) = self.index.indexed_state()?;
        let archive = self.store.archive_id().await?;
        let last = self.store.last_change().await?;
        let fresh = seq == 0 && indexed_archive.is_none() && last > 0;
        if fresh {
            tracing::info!("the search index is empty; building it from the database");
        }
        if fresh || last < seq || (seq > 0 && indexed_archive.as_deref() != Some(archive.as_str()))
        {
            if !fresh {
                tracing::warn!("the search index does not match the database; rebuilding it");
            }
            return match self.reindex().await {
                Ok(n) => Ok(Synced::Applied(n)),
                Err(ArchiveError::Search(crate::search::SearchError::Busy)) => Ok(Synced::Busy),
                Err(e) => Err(e),
            };
        }
        if last == seq {
            return Ok(Synced::UpToDate);
        }
        let Some(mut updater) = self.index.updater(1, &archive)? else {
            return Ok(Synced::Busy);
        };
        // Re-read under the writer lock: another process may have committed meanwhile.
        let mut seq = self.index.indexed_state()?.1;
        // Up to the position read above: under a steady stream of writes a step still ends,
        // commits, and shows what it applied.
        let applied = self
            .catch_up(&mut updater, &mut seq, None, Some(last))
            .await?;
        updater.commit(seq).await?;
        updater.finish().await?;
        Ok(Synced::Applied(applied))
    }

    /// Applies every logged change after `seq` (up to about `until`, when given) to the
    /// index without committing, advancing `seq`; articles written by this process are taken
    /// from `known` instead of read back.
    pub(super) async fn catch_up(
        &self,
        updater: &mut IndexUpdater,
        seq: &mut i64,
        known: Option<&Known<'_>>,
        until: Option<i64>,
    ) -> Result<usize, ArchiveError> {
        let mut applied = 0;
        while until.is_none_or(|u| *seq < u) {
            let changes = self.store.changes_after(*seq, LOG_BATCH).await?;
            let Some(last) = changes.last().map(|c| c.seq) else {
                break;
            };
            // An article another process wrote after our own write must be read back.
            let newer: HashSet<&str> = changes
                .iter()
                .filter(|c| known.is_none_or(|k| c.seq > k.as_of))
                .map(|c| c.article_id.as_str())
                .collect();
            let mut seen = HashSet::new();
            let ids: Vec<&str> = changes
                .iter()
                .map(|c| c.article_id.as_str())
                .filter(|id| seen.insert(*id))
                .collect();
            let mut read_back = Vec::new();
            for id in &ids {
                updater.remove(id)?;
                match known.and_then(|k| k.articles.get(*id)) {
                    Some(Some(article)) if !newer.contains(id) => updater.add(article)?,
                    Some(None) if !newer.contains(id) => {}
                    _ => read_back.push(id.to_string()),
                }
            }
            for article in self.store.articles(&read_back).await? {
                updater.add(&article)?;
            }
            applied += ids.len();
            *seq = last;
        }
        Ok(applied)
    }

    /// Rebuilds the whole index from the database alone; returns how many articles it holds.
    pub async fn reindex(&self) -> Result<usize, ArchiveError> {
        let archive = self.store.archive_id().await?;
        let Some(mut updater) = self.index.updater(REBUILD_THREADS, &archive)? else {
            return Err(crate::search::SearchError::Busy.into());
        };
        let seq = self.store.last_change().await?;
        updater.clear()?;
        let (mut after, mut count) = (0, 0);
        loop {
            let (articles, last) = self.store.articles_after(after, REBUILD_BATCH).await?;
            if articles.is_empty() {
                break;
            }
            for article in &articles {
                updater.add(article)?;
            }
            count += articles.len();
            after = last;
        }
        // Changes logged while the rebuild read are applied by the next sync: the commit
        // records the position read before the first article.
        updater.commit(seq).await?;
        updater.finish().await?;
        Ok(count)
    }
}
