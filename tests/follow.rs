//! A running server picks up articles that another process writes, and the index survives
//! an ingest that never reached it.

mod common;

use std::time::Duration;

use common::{TestArchive, enc};
use rencai::archive::Archive;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/gov_nansha.html"
);

async fn total(t: &TestArchive, q: &str) -> u64 {
    let (_, json) = t.json(&format!("/api/search?q={}", enc(q))).await;
    json["total"].as_u64().expect("total")
}

#[tokio::test]
async fn server_sees_articles_ingested_by_another_process() {
    let server = TestArchive::sample().await;
    let (_stop, stopping) = tokio::sync::watch::channel(false);
    tokio::spawn(server.archive.clone().follow(stopping));
    assert_eq!(total(&server, "南沙").await, 0);

    // A second, independent handle on the same data directory, as `rencai ingest` would open.
    let other = Archive::open(server.dir.path()).await.expect("open");
    let report = other.ingest_paths(&[FIXTURE.into()]).await.expect("ingest");
    assert_eq!(report.ingested, 1, "{report:?}");

    let mut found = 0;
    for _ in 0..50 {
        found = total(&server, "南沙").await;
        if found > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(found, 1);
    // With nothing newly committed the searcher, and what is cached for it, is kept.
    server.archive.index.reload_if_committed().expect("check");
    let generation = server.archive.index.searcher().generation().generation_id();
    assert!(!server.archive.index.reload_if_committed().expect("check"));
    assert_eq!(
        server.archive.index.searcher().generation().generation_id(),
        generation
    );
}

#[tokio::test]
async fn articles_stored_without_indexing_are_indexed_on_next_open() {
    let t = TestArchive::empty().await;
    let bytes = std::fs::read(FIXTURE).expect("fixture");
    // Stored in the database only, as when ingest is killed before the index commit.
    let outcome = rencai::ingest::ingest_bytes(&t.archive.store, "gov_nansha.html", &bytes).await;
    assert_eq!(outcome.new, 1);
    assert_eq!(total(&t, "南沙").await, 0);
    let reopened = Archive::open(t.dir.path()).await.expect("reopen");
    let t2 = TestArchive {
        dir: t.dir,
        archive: reopened,
    };
    assert_eq!(total(&t2, "南沙").await, 1);
    // And the index can always be rebuilt from the database alone.
    assert_eq!(t2.archive.reindex().await.expect("reindex"), 1);
    assert_eq!(total(&t2, "南沙").await, 1);
}

#[tokio::test]
async fn an_index_left_from_another_database_is_rebuilt() {
    let t = TestArchive::sample().await;
    // Every connection closed before the files go, so none writes to the removed database.
    t.archive.store.close().await;
    drop(t.archive);
    // A fresh database beside the old index, with more changes than the old one had: the index
    // must neither keep the old articles nor skip the new database's first changes.
    for f in ["rencai.db", "rencai.db-wal", "rencai.db-shm"] {
        let _ = std::fs::remove_file(t.dir.path().join(f));
    }
    let archive = Archive::open(t.dir.path()).await.expect("reopen");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut stored = 0;
    for name in [
        "gov_nansha.html",
        "big5_pudong.txt",
        "gbk_jinjiang.txt",
        "wo_shi_notice.txt",
        "pudong_biomed.md",
        "jinan_regulation.md",
    ] {
        let bytes = std::fs::read(fixtures.join(name)).expect("fixture");
        stored += rencai::ingest::ingest_bytes(&archive.store, name, &bytes)
            .await
            .new;
    }
    assert_eq!(stored, 6);
    archive.sync().await.expect("sync");
    let t2 = TestArchive {
        dir: t.dir,
        archive,
    };
    let (_, json) = t2.json("/api/search").await;
    assert_eq!(json["total"], 6);
    assert_eq!(
        total(&t2, "智创城").await,
        0,
        "articles of the old database are gone"
    );
    assert_eq!(total(&t2, "南沙").await, 1);
}

/// A server opened without syncing says "not ready" on /healthz until its follower has
/// brought the index up to date, and answers like a synced one after.
#[tokio::test]
async fn healthz_is_not_ready_until_the_index_has_caught_up() {
    let filled = TestArchive::sample().await;
    let location = rencai::archive::default_location(filled.dir.path()).expect("a SQLite archive");
    drop(filled.archive);
    // An empty index beside a database that holds articles, as on a new node.
    std::fs::remove_dir_all(filled.dir.path().join(rencai::archive::INDEX_DIR)).expect("rm");
    let node = Archive::open_unsynced(filled.dir.path(), &location)
        .await
        .expect("open");
    let t = TestArchive {
        dir: filled.dir,
        archive: node.clone(),
    };
    let (status, _, body) = t.get("/healthz").await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("not ready"), "{body}");

    let (_stop, stopping) = tokio::sync::watch::channel(false);
    tokio::spawn(node.follow(stopping));
    let mut ready = false;
    for _ in 0..100 {
        ready = t.get("/healthz").await.0 == 200;
        if ready {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ready, "ready once caught up");
    assert_eq!(
        total(&t, "人才").await,
        total(&TestArchive::sample().await, "人才").await
    );
}
