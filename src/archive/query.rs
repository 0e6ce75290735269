//! Answering readers: searches with snippets, related articles. The index finds, the database
//! holds the text.

use std::collections::HashMap;

use super::{Archive, ArchiveError};
use crate::article::Article;
use crate::search::{self, SearchError, SearchRequest, SearchResults, snippet};

/// Characters of a result's snippet.
const SNIPPET_CHARS: usize = 110;

fn task_failed(e: tokio::task::JoinError) -> ArchiveError {
    SearchError::Task(e.to_string()).into()
}

impl Archive {
    /// Runs a search on a blocking thread and fills each hit's snippet from the stored text.
    pub async fn search(&self, req: SearchRequest) -> Result<SearchResults, ArchiveError> {
        let index = self.index.clone();
        let mut results = tokio::task::spawn_blocking(move || search::search(&index, &req))
            .await
            .map_err(task_failed)??;
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
