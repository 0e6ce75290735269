//! The store suite, run against each backend: SQLite in a temporary directory, and
//! PostgreSQL in a fresh database when `RENCAI_TEST_DATABASE` names a server (skipped with a
//! notice otherwise).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rencai::archive::{self, Archive, CheckDepth, IngestOptions, ingest_store_only};
use rencai::ingest::pipeline::Progress;
use rencai::store::{Backend, Location, Put, Store};

/// Where one test's database lives, kept until the test ends.
struct Place {
    location: Location,
    /// A data directory for an index (and the SQLite file).
    dir: tempfile::TempDir,
    _postgres: Option<common::postgres::TestDatabase>,
}

/// A fresh, empty database of `backend`, or None when that backend cannot be tested here.
async fn place(backend: Backend, test: &str) -> Option<Place> {
    let dir = tempfile::tempdir().expect("temp dir");
    match backend {
        Backend::Sqlite => Some(Place {
            location: archive::default_location(dir.path()).expect("a SQLite archive"),
            dir,
            _postgres: None,
        }),
        Backend::Postgres => {
            let db = common::postgres::fresh(test).await?;
            Some(Place {
                location: Location::Postgres(db.url.clone()),
                dir,
                _postgres: Some(db),
            })
        }
    }
}

/// Each test, once per backend.
macro_rules! on_both {
    ($($test:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $test() {
                super::$test(rencai::store::Backend::Sqlite).await;
            })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $test() {
                super::$test(rencai::store::Backend::Postgres).await;
            })*
        }
    };
}

on_both!(
    articles_and_raw_bytes_read_back,
    ingesting_again_changes_nothing,
    compacting_the_log_keeps_what_followers_need,
    concurrent_ingests_store_each_article_once,
    writers_make_positions_visible_in_order,
    a_new_index_catches_up_and_checks_consistent,
);

/// The sample corpus and the written fixtures.
fn corpus() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    vec![root.join("sample"), root.join("tests/fixtures")]
}

async fn ingest(store: &Store, paths: &[PathBuf]) -> rencai::ingest::IngestReport {
    let options = IngestOptions { workers: 2 };
    ingest_store_only(store, paths, &options, Arc::new(Progress::default()))
        .await
        .expect("ingest")
}

/// Every article id of an archive ingested from `paths` into a new SQLite file: the ids
/// every backend must give.
async fn sqlite_ids(paths: &[PathBuf]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&archive::default_location(dir.path()).expect("a SQLite archive"))
        .await
        .expect("open");
    ingest(&store, paths).await;
    store.article_ids().await.expect("ids")
}

async fn articles_and_raw_bytes_read_back(backend: Backend) {
    let Some(p) = place(backend, "articles_and_raw_bytes_read_back").await else {
        return;
    };
    let store = Store::open(&p.location).await.expect("open");
    assert_eq!(store.backend(), backend);
    assert!(store.is_empty().await.expect("empty"));
    let report = ingest(&store, &corpus()).await;
    // One fixture repeats an article of the sample.
    assert_eq!((report.ingested, report.duplicates), (14, 1), "{report:?}");
    let ids = store.article_ids().await.expect("ids");
    assert_eq!(
        ids,
        sqlite_ids(&corpus()).await,
        "ids derive from the articles"
    );
    assert_eq!(
        store.count_articles().await.expect("count"),
        ids.len() as i64
    );
    let records = store.records(&ids).await.expect("records");
    assert_eq!(records.len(), ids.len());
    for record in &records {
        assert!(
            !record.article.paragraphs.is_empty(),
            "{}",
            record.article.id
        );
        assert!(!record.files.is_empty(), "{}", record.article.id);
        let one = store.article(&record.article.id).await.expect("read");
        assert_eq!(one.expect("stored").article, record.article);
        // The raw bytes are kept exactly: a whole file is its bytes on disk.
        let sources = store.raw_sources(&record.article.id).await.expect("raw");
        for (name, line, bytes) in sources {
            if line == 0 {
                let on_disk = find(&name).expect("a corpus file");
                assert_eq!(bytes, std::fs::read(on_disk).expect("read"), "{name}");
            }
        }
    }
    let health = store.health(false).await.expect("health");
    assert!(health.integrity.is_empty() && health.foreign_keys.is_empty());
    assert_eq!((health.without_source, health.pending_migrations), (0, 0));
    let out = p.dir.path().join("copy.db");
    match backend {
        Backend::Sqlite => store.backup_into(&out).await.expect("backup"),
        Backend::Postgres => {
            let refused = store.backup_into(&out).await.expect_err("pg_dump's work");
            assert!(refused.to_string().contains("pg_dump"), "{refused}");
        }
    }
}

/// The corpus file a stored name refers to.
fn find(name: &str) -> Option<PathBuf> {
    let file = Path::new(name).file_name()?;
    corpus()
        .iter()
        .map(|dir| dir.join(file))
        .find(|path| path.is_file())
}

async fn ingesting_again_changes_nothing(backend: Backend) {
    let Some(p) = place(backend, "ingesting_again_changes_nothing").await else {
        return;
    };
    let store = Store::open(&p.location).await.expect("open");
    ingest(&store, &corpus()).await;
    let (ids, last) = (
        store.article_ids().await.expect("store"),
        store.last_change().await.expect("store"),
    );
    let again = ingest(&store, &corpus()).await;
    assert_eq!((again.ingested, again.updated), (0, 0), "{again:?}");
    assert_eq!(store.article_ids().await.expect("store"), ids);
    assert_eq!(
        store.last_change().await.expect("store"),
        last,
        "no write, no change logged"
    );
    // Opening again applies no migration twice.
    drop(store);
    let reopened = Store::open(&p.location).await.expect("reopen");
    assert_eq!(reopened.article_ids().await.expect("store"), ids);
}

async fn compacting_the_log_keeps_what_followers_need(backend: Backend) {
    let Some(p) = place(backend, "compacting_the_log_keeps_what_followers_need").await else {
        return;
    };
    let store = Store::open(&p.location).await.expect("open");
    ingest(&store, &corpus()).await;
    // Every second article written again, as a merge or correction does: a second change for
    // the same id.
    let ids = store.article_ids().await.expect("ids");
    for id in ids.iter().step_by(2) {
        let mut tx = store.begin().await.expect("begin");
        let article = tx.article(id).await.expect("read").expect("stored");
        let keys = rencai::ingest::dedupe::keys(&article);
        tx.put_article(&article, &keys, Put::Replace)
            .await
            .expect("write");
        tx.commit().await.expect("commit");
    }
    let log = store.changes_after(0, i64::MAX).await.expect("log");
    let last = store.last_change().await.expect("last");
    assert!(
        log.len() > store.count_articles().await.expect("store") as usize,
        "repeated ids"
    );
    let dropped = store.compact_changes().await.expect("compact");
    assert!(dropped > 0);
    let compacted = store.changes_after(0, i64::MAX).await.expect("log");
    assert_eq!(compacted.len() as u64, log.len() as u64 - dropped);
    assert_eq!(
        store.last_change().await.expect("store"),
        last,
        "the newest position stays"
    );
    // A follower stopped at any position still learns of every article changed after it.
    for position in 0..=last {
        let wanted: BTreeSet<&str> = log
            .iter()
            .filter(|c| c.seq > position)
            .map(|c| c.article_id.as_str())
            .collect();
        let given: BTreeSet<&str> = compacted
            .iter()
            .filter(|c| c.seq > position)
            .map(|c| c.article_id.as_str())
            .collect();
        assert_eq!(given, wanted, "after position {position}");
    }
}

async fn concurrent_ingests_store_each_article_once(backend: Backend) {
    let Some(p) = place(backend, "concurrent_ingests_store_each_article_once").await else {
        return;
    };
    // Two writers with their own connections, as two processes would have.
    let one = Store::open(&p.location).await.expect("open");
    let two = Store::open(&p.location).await.expect("open");
    let paths = corpus();
    let (a, b) = tokio::join!(ingest(&one, &paths), ingest(&two, &paths));
    assert_eq!(a.ingested + b.ingested, 14, "{a:?} {b:?}");
    let ids = one.article_ids().await.expect("ids");
    assert_eq!(ids, sqlite_ids(&paths).await);
    let log = one.changes_after(0, i64::MAX).await.expect("log");
    let logged: BTreeSet<&str> = log.iter().map(|c| c.article_id.as_str()).collect();
    assert_eq!(logged.len(), ids.len(), "every article logged");
}

async fn writers_make_positions_visible_in_order(backend: Backend) {
    let Some(p) = place(backend, "writers_make_positions_visible_in_order").await else {
        return;
    };
    // Two writers of different articles, several transactions each, and a follower reading
    // the log meanwhile: a position that became visible after a later one would be skipped by
    // a follower that had read past it.
    let dumps = tempfile::tempdir().expect("temp dir");
    let (first, second) = (dumps.path().join("a.jsonl"), dumps.path().join("b.jsonl"));
    common::dump::write_dump(&first, 0..DUMP_RECORDS);
    common::dump::write_dump(&second, DUMP_RECORDS..2 * DUMP_RECORDS);
    let one = Store::open(&p.location).await.expect("open");
    let two = Store::open(&p.location).await.expect("open");
    let done = Arc::new(AtomicBool::new(false));
    let follower = tokio::spawn(read_log_until(
        Store::open(&p.location).await.expect("open"),
        done.clone(),
    ));
    let (first, second) = ([first], [second]);
    let (a, b) = tokio::join!(ingest(&one, &first), ingest(&two, &second));
    done.store(true, Ordering::SeqCst);
    let late = follower.await.expect("follower");
    assert!(
        late.is_empty(),
        "a follower skipped {} positions that appeared after later ones: {late:?}",
        late.len()
    );
    assert_eq!(a.ingested + b.ingested, 2 * DUMP_RECORDS, "{a:?} {b:?}");
}

/// Records of each writer's dump: a few transactions' worth.
const DUMP_RECORDS: usize = 1_500;

/// Follows the change log as a node does (each read after the last position seen) until
/// `done`; returns the positions of the final log it never saw, which a node would have
/// skipped.
async fn read_log_until(store: Store, done: Arc<AtomicBool>) -> Vec<i64> {
    let (mut seen, mut position) = (BTreeSet::new(), 0);
    loop {
        let finished = done.load(Ordering::SeqCst);
        for change in store.changes_after(position, i64::MAX).await.expect("log") {
            position = position.max(change.seq);
            seen.insert(change.seq);
        }
        if finished {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let log = store.changes_after(0, i64::MAX).await.expect("log");
    log.iter()
        .map(|c| c.seq)
        .filter(|seq| !seen.contains(seq))
        .collect()
}

async fn a_new_index_catches_up_and_checks_consistent(backend: Backend) {
    let Some(p) = place(backend, "a_new_index_catches_up_and_checks_consistent").await else {
        return;
    };
    let writer = Store::open(&p.location).await.expect("open");
    ingest(&writer, &corpus()[..1]).await;
    let node = Archive::open_at(p.dir.path(), &p.location)
        .await
        .expect("open node");
    assert!(node.is_caught_up());
    assert_eq!(node.index.searcher().num_docs(), 5);
    // Another writer adds articles; the node follows the log.
    ingest(&writer, &corpus()).await;
    node.sync().await.expect("sync");
    node.index.reload_if_committed().expect("reload");
    let stored = writer.count_articles().await.expect("store") as u64;
    assert_eq!(node.index.searcher().num_docs(), stored);
    let report = archive::check(p.dir.path(), &p.location, CheckDepth::Full)
        .await
        .expect("check");
    assert!(report.is_consistent(), "{:?}", report.problems);
    assert_eq!(report.articles as u64, stored);
    if backend == Backend::Postgres {
        // The same directory without --database: refused, the node's index untouched.
        let refused = Archive::open(p.dir.path()).await.err().expect("refused");
        assert!(refused.to_string().contains("--database"), "{refused}");
        // Every command finds its database through the same default, `compact` included.
        assert!(archive::default_location(p.dir.path()).is_err());
        assert!(!p.dir.path().join(archive::DATABASE_FILE).exists());
    }
}
