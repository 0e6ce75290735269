//! Answering readers: searches with snippets, related articles. The index finds, the database
//! holds the text.

use std::collections::HashMap;

use super::{Archive, ArchiveError};
use crate::article::Article;
use crate::search::{self, SearchError, SearchRequest, SearchResults, snippet};

/// Whether a search's hits carry snippets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Snippets {
    /// Each hit's best passage, from the stored text.
    Filled,
    /// None: the page lists titles only.
    Empty,
}

/// Characters of a result's snippet.
const SNIPPET_CHARS: usize = 110;

fn task_failed(e: tokio::task::JoinError) -> ArchiveError {
    SearchError::Task(e.to_string()).into()
}

impl Archive {
    /// Runs a search on a blocking thread; with `Snippets::Filled`, each hit's snippet is made
    /// from the stored text (a database read per hit, so only pages that show snippets ask).
    pub async fn search(
        &self,
        req: SearchRequest,
        snippets: Snippets,
    ) -> Result<SearchResults, ArchiveError> {
        let index = self.index.clone();
        let mut results = tokio::task::spawn_blocking(move || search::search(&index, &req))
            .await
            .map_err(task_failed)??;
        if snippets == Snippets::Empty {
            return Ok(results);
        }
        let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
        let bodies: HashMap<String, String> = self
            .store
            .articles(&ids)
            .await?
            .into_iter()
            .map(|a| (a.id.clone(), a.body_text()))
            .collect();
        for hit in &mut results.hits {
            if let Some(body) = bodies.get(&hit.id) {
                hit.snippet = snippet::snippet(body, &results.terms, SNIPPET_CHARS);
            }
        }
        Ok(results)
    }

    /// Up to `n` articles most like `article`, as (id, title), best first.
    pub async fn related(
        &self,
        article: &Article,
        n: usize,
    ) -> Result<Vec<(String, String)>, ArchiveError> {
        let index = self.index.clone();
        let (id, title, body) = (
            article.id.clone(),
            article.title.clone(),
            article.body_text(),
        );
        Ok(
            tokio::task::spawn_blocking(move || search::related(&index, &id, &title, &body, n))
                .await
                .map_err(task_failed)??,
        )
    }
}
