//! Document fields of archived articles, with what other archived documents say of them.

use tokio::runtime::Handle;

use super::{Archive, ArchiveError};
use crate::document::citations::CitedBy;
use crate::document::validity::may_repeal;
use crate::document::{self, Document, RepealedBy};
use crate::search::{self, Role, SearchError};
use crate::store::ArticleRecord;

impl Archive {
    /// The document fields of an article, with the archived documents that repeal it (found
    /// whatever the order they were ingested in) and its validity as of today.
    pub async fn document(&self, record: &ArticleRecord) -> Result<Document, ArchiveError> {
        let (archive, record, rt) = (self.clone(), record.clone(), Handle::current());
        tokio::task::spawn_blocking(move || {
            archive.document_blocking(&record, &rt, document::today())
        })
        .await
        .map_err(|e| ArchiveError::Search(SearchError::Task(e)))?
    }

    /// [`Archive::document`] on a blocking thread, as of `today`.
    pub fn document_blocking(
        &self,
        record: &ArticleRecord,
        rt: &Handle,
        today: chrono::NaiveDate,
    ) -> Result<Document, ArchiveError> {
        let mut doc = document::analyse(&record.article, &record.files, today);
        let id = &record.article.id;
        for c in doc.cites.iter_mut().chain(doc.repeals.iter_mut()) {
            let key = c.title.as_deref().map(document::repeals::title_key);
            c.id = search::named(&self.index, c.doc_number.as_deref(), key.as_deref(), id)?;
        }
        if !doc.is_document() {
            return Ok(doc);
        }
        let keys = document::repeals::title_keys(&record.article.title);
        doc.cited_by = search::referrers(&self.index, Role::Cites, &doc.doc_numbers, &keys, id)?
            .into_iter()
            .map(|h| CitedBy {
                id: h.id,
                title: h.title,
            })
            .collect();
        let hits = search::referrers(&self.index, Role::Repeals, &doc.doc_numbers, &keys, id)?;
        if hits.is_empty() {
            return Ok(doc);
        }
        let ids: Vec<String> = hits.iter().map(|h| h.id.clone()).collect();
        let repealers = rt.block_on(self.store.records(&ids))?;
        // A document can repeal only those no later than it: not a newer one of the same
        // title or number.
        let own = doc.lifecycle.in_force_from(record.article.date);
        let by: Vec<RepealedBy> = repealers
            .iter()
            .filter_map(|r| {
                let life = document::analyse(&r.article, &r.files, today).lifecycle;
                let from = life.in_force_from(r.article.date);
                may_repeal(from, own).then_some((r, from))
            })
            .map(|(r, from)| RepealedBy {
                id: r.article.id.clone(),
                title: r.article.title.clone(),
                date: from.map(|d| d.format("%Y-%m-%d").to_string()),
            })
            .collect();
        doc.repealed_by(by, today);
        Ok(doc)
    }
}
