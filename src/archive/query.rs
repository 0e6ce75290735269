//! Answering readers: searches with snippets, related articles. The index finds, the database
//! holds the text.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::{Archive, ArchiveError, Overload};
use crate::article::Article;
use crate::search::{self, SearchError, SearchRequest, SearchResults};
use crate::store::ArticleRecord;

/// Whether a search's hits carry snippets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snippets {
    /// Each hit's best passage, from the stored text.
    Filled,
    /// None: the page lists titles only.
    Empty,
}

/// Time a search may take once it runs: far beyond any search of a million articles on two
/// cores, so it stops only pathological ones.
pub(super) const SEARCH_BUDGET: Duration = Duration::from_secs(3);

fn task_failed(e: tokio::task::JoinError) -> ArchiveError {
    SearchError::Task(e).into()
}

pub(super) fn search_failed(e: SearchError) -> ArchiveError {
    match e {
        SearchError::OverBudget => Overload::OverBudget.into(),
        e => e.into(),
    }
}

/// An article found by id, or the id it was merged into.
pub enum Found {
    /// The article with its files and related articles (id, title).
    Article(Box<ArticleRecord>, Vec<(String, String)>),
    /// The id is an alias of this article.
    MovedTo(String),
}

impl Archive {
    /// Looks an article up by id (or a former id), with up to `related` related articles;
    /// None when no article has or had this id.
    pub async fn find_article(
        &self,
        id: &str,
        related: usize,
    ) -> Result<Option<Found>, ArchiveError> {
        let Some(record) = self.store.article(id).await? else {
            return Ok(self.store.resolve_alias(id).await?.map(Found::MovedTo));
        };
        let related = self.related(&record.article, related).await?;
        Ok(Some(Found::Article(Box::new(record), related)))
    }

    /// Runs a search on a blocking thread, in turn with other searches; with
    /// `Snippets::Filled`, each hit's snippet is made from the stored text (a database read
    /// per hit, so only pages that show snippets ask). The turn covers the reads and the
    /// snippets too, so that a crowd of searches cannot pile up on the database.
    pub async fn search(
        &self,
        req: SearchRequest,
        snippets: Snippets,
    ) -> Result<SearchResults, ArchiveError> {
        let (index, store) = (self.index.clone(), self.store.clone());
        let turn = self.gate.enter().await?;
        let deadline = Instant::now() + SEARCH_BUDGET;
        let runtime = tokio::runtime::Handle::current();
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let texts = |ids: &[String]| -> Result<HashMap<String, String>, SearchError> {
                Ok(runtime
                    .block_on(store.articles(ids))
                    .map_err(|e| SearchError::Texts(Box::new(e)))?
                    .into_iter()
                    .map(|a| (a.id.clone(), a.body_text()))
                    .collect())
            };
            let texts: Option<search::Texts> = match snippets {
                Snippets::Filled => Some(&texts),
                Snippets::Empty => None,
            };
            search::search_within(&index, &req, Some(deadline), texts).map_err(search_failed)
        })
        .await
        .map_err(task_failed)?
    }

    /// Up to `n` articles most like `article`, as (id, title), best first; none while every
    /// search slot is busy (an article page should not wait for its extras).
    pub async fn related(
        &self,
        article: &Article,
        n: usize,
    ) -> Result<Vec<(String, String)>, ArchiveError> {
        let Some(turn) = self.gate.try_enter() else {
            return Ok(Vec::new());
        };
        let index = self.index.clone();
        let (id, title, body) = (
            article.id.clone(),
            article.title.clone(),
            article.body_text(),
        );
        Ok(tokio::task::spawn_blocking(move || {
            let _turn = turn;
            search::related(&index, &id, &title, &body, n)
        })
        .await
        .map_err(task_failed)??)
    }
}
