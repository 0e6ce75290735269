//! Permalinks depend only on the articles: the same files give the same ids in any order.

mod common;

use std::collections::BTreeMap;

use common::{TestArchive, sample_files};

async fn ids_after_ingesting(files: &[std::path::PathBuf]) -> BTreeMap<String, String> {
    let t = TestArchive::empty().await;
    for file in files {
        let report = t
            .archive
            .ingest_paths(std::slice::from_ref(file))
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
        .ingest_paths(&sample_files())
        .await
        .expect("ingest");
    assert_eq!(report.ingested, 0);
    assert_eq!(report.unchanged_files, 5);
    assert!(report.rejected.is_empty());
    assert_eq!(t.archive.store.last_change().await.expect("seq"), before);
}

async fn ids_with_workers(workers: usize) -> BTreeMap<String, String> {
    let t = TestArchive::empty().await;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = rencai::archive::IngestOptions { workers };
    t.archive
        .ingest_with(
            &[root.join("sample"), root.join("tests/fixtures")],
            &options,
            std::sync::Arc::default(),
        )
        .await
        .expect("ingest");
    t.hits("per_page=100")
        .await
        .into_iter()
        .map(|(id, title)| (title, id))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ids_do_not_depend_on_the_number_of_workers() {
    let one = ids_with_workers(1).await;
    assert!(one.len() >= 14, "{one:?}");
    assert_eq!(one, ids_with_workers(3).await);
    assert_eq!(one, ids_with_workers(8).await);
}

#[tokio::test]
async fn a_sample_permalink_is_pinned() {
    // The id scheme is a promise to every link ever shared: a change must be deliberate.
    let t = TestArchive::sample().await;
    let hits = t.hits("per_page=100").await;
    let pinned = hits
        .iter()
        .find(|(_, title)| title == "阳泉市科技创新推进大会提出要打造一流创新生态重塑竞争新优势")
        .map(|(id, _)| id.as_str());
    assert_eq!(pinned, Some("hcalcoy2sn"), "{hits:?}");
}
