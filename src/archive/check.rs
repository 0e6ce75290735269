//! Verifying, without changing anything, that the database is sound and the index agrees
//! with it.

use std::path::Path;

use super::{ArchiveError, INDEX_DIR};
use crate::search;
use crate::store::{Location, Store};

/// Ids named in the report for each kind of difference: enough to look one up.
const EXAMPLES: usize = 5;

/// How thoroughly the database is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckDepth {
    /// SQLite's `integrity_check`: every page, every index against its table.
    Full,
    /// SQLite's `quick_check`: pages and records, without matching indexes to tables.
    Quick,
}

/// What a check found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Articles in the database.
    pub articles: usize,
    /// Documents in the index.
    pub indexed: usize,
    /// Everything found wrong, one line each; empty when the archive is consistent.
    pub problems: Vec<String>,
}

impl CheckReport {
    /// Whether nothing was found wrong.
    pub fn is_consistent(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks the archive in `dir`: the database passes SQLite's checks and the archive's own
/// invariants, and the index holds exactly the database's articles as of its last change.
pub async fn check(
    dir: &Path,
    location: &Location,
    depth: CheckDepth,
) -> Result<CheckReport, ArchiveError> {
    let store = Store::open_read_only(location).await?;
    let mut report = CheckReport::default();
    let problems = &mut report.problems;
    let health = store.health(depth == CheckDepth::Quick).await?;
    problems.extend(health.integrity.iter().map(|l| format!("database: {l}")));
    problems.extend(
        health
            .foreign_keys
            .iter()
            .map(|l| format!("database: a reference points nowhere: {l}")),
    );
    if health.without_source > 0 {
        problems.push(format!(
            "database: {} articles have no link to the raw bytes they came from",
            health.without_source
        ));
    }
    if health.pending_migrations > 0 {
        problems.push(format!(
            "database: {} schema migrations of this build are not applied yet (ingest or serve applies them)",
            health.pending_migrations
        ));
    }
    let db_ids = store.article_ids().await?;
    let archive_id = store.archive_id().await?;
    let last = store.last_change().await?;
    store.close().await;
    report.articles = db_ids.len();

    let index_dir = dir.join(INDEX_DIR);
    let Some(index) = search::inspect(&index_dir)? else {
        problems.push(format!(
            "index: there is no search index in {}",
            index_dir.display()
        ));
        return Ok(report);
    };
    report.indexed = index.ids.len();
    if index.archive.as_deref().is_some_and(|a| a != archive_id) {
        problems.push("index: it was built from another database".to_string());
    }
    if index.seq < last {
        problems.push(format!(
            "index: {} logged changes are not applied (the index is at change {}, the database at {last})",
            last - index.seq,
            index.seq
        ));
    } else if index.seq > last {
        problems.push(format!(
            "index: it claims change {}, beyond the database's last change {last} (was an older database put back?)",
            index.seq
        ));
    }
    let (missing, unknown, doubled) = differences(&db_ids, &index.ids);
    for (ids, what) in [
        (missing, "articles of the database are not in the index"),
        (unknown, "indexed ids are not in the database"),
        (doubled, "ids are indexed more than once"),
    ] {
        if !ids.is_empty() {
            let shown: Vec<&str> = ids.iter().take(EXAMPLES).copied().collect();
            problems.push(format!("index: {} {what}: {}", ids.len(), shown.join(", ")));
        }
    }
    Ok(report)
}

/// Ids only in the database, ids only in the index, and ids the index holds twice or more;
/// both lists sorted.
fn differences<'a>(
    db: &'a [String],
    index: &'a [String],
) -> (Vec<&'a str>, Vec<&'a str>, Vec<&'a str>) {
    let (mut missing, mut unknown, mut doubled) = (Vec::new(), Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < db.len() || j < index.len() {
        if j > 0 && j < index.len() && index[j] == index[j - 1] {
            if doubled.last() != Some(&index[j].as_str()) {
                doubled.push(index[j].as_str());
            }
            j += 1;
            continue;
        }
        match (db.get(i), index.get(j)) {
            (Some(a), Some(b)) if a == b => (i, j) = (i + 1, j + 1),
            (Some(a), Some(b)) if a < b => {
                missing.push(a.as_str());
                i += 1;
            }
            (Some(a), None) => {
                missing.push(a.as_str());
                i += 1;
            }
            (_, Some(b)) => {
                unknown.push(b.as_str());
                j += 1;
            }
            (None, None) => break,
        }
    }
    (missing, unknown, doubled)
}

#[cfg(test)]
mod tests {
    use super::differences;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn differences_name_missing_unknown_and_doubled_ids() {
        let db = ids(&["a", "b", "c", "e"]);
        let index = ids(&["b", "b", "c", "d", "e", "e", "e"]);
        let (missing, unknown, doubled) = differences(&db, &index);
        assert_eq!(missing, ["a"]);
        assert_eq!(unknown, ["d"]);
        assert_eq!(doubled, ["b", "e"]);
        let same = ids(&["a", "b"]);
        assert_eq!(differences(&same, &same), (vec![], vec![], vec![]));
    }
}
