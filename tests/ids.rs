//! Permalinks depend only on the articles: the same files give the same ids in any order.

mod common;

use std::collections::BTreeMap;

use common::{TestArchive, sample_files};

async fn ids_after_ingesting(files: &[std::path::PathBuf]) -> BTreeMap<String, String> {
    let t = TestArchive::empty().await;
    for file in files {
        let report = t
            .archive
            .ingest_paths(std::slice::from_ref(file), |_, _, _| {})
            .await
            .expect("ingest");
        assert!(report.rejected.is_empty(), "{report:?}");
    }
    t.hits("per_page=100")
        .await
        .into_iter()
        .map(|(id, title)| (title, id))
        .collect()
}

#[tokio::test]
async fn opposite_ingest_orders_give_identical_ids() {
    let files = sample_files();
    let forward = ids_after_ingesting(&files).await;
    let mut reversed = files.clone();
    reversed.reverse();
    let backward = ids_after_ingesting(&reversed).await;
    assert_eq!(forward.len(), 5);
    assert_eq!(forward, backward);
    for id in forward.values() {
        assert!(
            id.len() >= 8 && id.chars().all(|c| c.is_ascii_alphanumeric()),
            "{id}"
        );
    }
}

#[tokio::test]
async fn reingesting_unchanged_files_changes_nothing() {
    let t = TestArchive::sample().await;
    let before = t.archive.store.last_change().await.expect("seq");
    let report = t
        .archive
        .ingest_paths(&sample_files(), |_, _, _| {})
        .await
        .expect("ingest");
    assert_eq!(report.ingested, 0);
    assert_eq!(report.unchanged_files, 5);
    assert!(report.rejected.is_empty());
    assert_eq!(t.archive.store.last_change().await.expect("seq"), before);
}
