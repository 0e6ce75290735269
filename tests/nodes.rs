//! Past one machine, through the real binaries: one PostgreSQL, serve nodes each with its own
//! data directory, and ingests from other processes. Skipped with a notice when
//! `RENCAI_TEST_DATABASE` names no PostgreSQL server.

mod common;

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::server::Server;
use common::{rencai, run};
use rencai::store::{Location, Store};
use serde_json::Value;

/// How soon every node must show what an ingest wrote.
const VISIBLE_WITHIN: Duration = Duration::from_secs(5);
/// How long a new node may take to build its index from the database (debug build).
const CATCH_UP_LIMIT: Duration = Duration::from_secs(120);
/// Searches every node must answer alike: everything, words, a facet and a date filter.
const SEARCHES: [&str; 5] = [
    "/api/search",
    "/api/search?q=%E4%BA%BA%E6%89%8D",
    "/api/search?q=%E8%A1%A5%E8%B4%B4&page=2&per_page=3",
    "/api/search?province=%E4%B8%8A%E6%B5%B7%E5%B8%82",
    "/api/search?from=2020-01-01",
];

/// The sample corpus, the written fixtures and a generated crawler dump.
fn corpus(dump: &std::path::Path) -> Vec<PathBuf> {
    common::dump::write_dump(dump, 0..300);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    vec![
        root.join("sample"),
        root.join("tests/fixtures"),
        dump.into(),
    ]
}

/// `rencai ingest` of `paths`, into PostgreSQL when `url` is given.
fn ingest(data: &std::path::Path, url: Option<&str>, paths: &[PathBuf]) -> std::process::Command {
    let mut cmd = rencai(["ingest", "--json", "--data"]);
    cmd.arg(data);
    if let Some(url) = url {
        cmd.args(["--database", url]);
    }
    cmd.args(paths);
    cmd
}

/// An answer of the JSON API, which must be 200.
fn api(node: &Server, path: &str) -> Value {
    let (status, body) = node.get(path).expect("the node answers");
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).expect("JSON")
}

/// What must agree between nodes: totals, ids in order, facets.
fn essentials(answer: &Value) -> Value {
    let ids: Vec<&Value> = answer["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| &h["id"])
        .collect();
    serde_json::json!({"total": answer["total"], "ids": ids, "facets": answer["facets"]})
}

/// Waits until a node answers /healthz with 200.
fn wait_ready(node: &Server, limit: Duration) {
    let started = Instant::now();
    while node.get("/healthz").map(|(s, _)| s) != Some(200) {
        assert!(
            started.elapsed() < limit,
            "{} not ready after {limit:?}",
            node.addr
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nodes_follow_one_postgres_and_answer_alike() {
    let Some(db) = common::postgres::fresh("nodes_follow_one_postgres_and_answer_alike").await
    else {
        return;
    };
    let work = tempfile::tempdir().expect("temp dir");
    let paths = corpus(&work.path().join("dump.jsonl"));
    let url = ["--database", db.url.as_str()];
    let (a, b) = (work.path().join("a"), work.path().join("b"));
    let mut node_a = Server::start_with(&a, &url);
    let node_b = Server::start_with(&b, &url);
    wait_ready(&node_a, CATCH_UP_LIMIT);
    wait_ready(&node_b, CATCH_UP_LIMIT);
    assert_eq!(
        api(&node_a, "/api/search")["total"],
        0,
        "no sample in a shared archive"
    );

    // An ingest from a third process, which keeps no index of its own.
    let writer = work.path().join("writer");
    let (_, out) = run(&mut ingest(&writer, Some(&db.url), &paths));
    let report: Value = serde_json::from_str(&out).expect("ingest report");
    let written = Instant::now();
    assert!(
        !writer.join("index").exists(),
        "the ingesting machine keeps no index"
    );
    let stored = Store::open_read_only(&Location::Postgres(db.url.clone()))
        .await
        .expect("open");
    let total = stored.count_articles().await.expect("count");
    assert_eq!(total, report["ingested"].as_i64().expect("ingested"));
    for node in [&node_a, &node_b] {
        while api(node, "/api/search")["total"] != total {
            assert!(written.elapsed() < VISIBLE_WITHIN, "{} lags", node.addr);
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    // The same files in the SQLite default give the same ids, totals and facets.
    let single = work.path().join("single");
    run(&mut ingest(&single, None, &paths));
    let alone = Server::start(&single);
    for path in SEARCHES {
        let answer = api(&node_a, path);
        assert_eq!(answer, api(&node_b, path), "{path}: the nodes differ");
        assert_eq!(
            essentials(&answer),
            essentials(&api(&alone, path)),
            "{path}"
        );
    }
    let ids: Vec<String> = stored.article_ids().await.expect("ids");
    let hit = &ids[ids.len() / 2];
    assert_eq!(
        node_b.get(&format!("/articles/{hit}")).map(|r| r.0),
        Some(200)
    );

    // A corrected version of an article replaces it: the nodes that held the old version
    // index the new one in its place (the old stays in their segments, deleted).
    let page = work.path().join("corrected/wo_shi_notice.txt");
    std::fs::create_dir_all(page.parent().expect("folder")).expect("mkdir");
    let original = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wo_shi_notice.txt"),
    )
    .expect("fixture");
    std::fs::write(&page, original.replace("2023年5月31日", "2023年6月30日")).expect("write");
    let (_, out) = run(&mut ingest(&writer, Some(&db.url), &[page]));
    let report: Value = serde_json::from_str(&out).expect("ingest report");
    assert_eq!(report["updated"], 1, "{report}");
    let changed = stored.last_change().await.expect("last");
    for node in [&node_a, &node_b] {
        let started = Instant::now();
        while api(node, "/api/search?q=2023%E5%B9%B46%E6%9C%8830%E6%97%A5")["total"]
            .as_u64()
            .is_none_or(|t| t == 0)
        {
            assert!(
                started.elapsed() < VISIBLE_WITHIN,
                "{} lags after change {changed}",
                node.addr
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    // One node goes down; the other keeps serving.
    node_a.child.kill().expect("kill");
    node_a.child.wait().expect("wait");
    assert_eq!(api(&node_b, "/api/search")["total"], total);
    assert_eq!(node_b.get("/healthz").map(|r| r.0), Some(200));

    // A new node with an empty data directory builds its index from the database and then
    // answers as the others (tests/follow.rs checks that it says "not ready" meanwhile).
    let node_c = Server::start_with(&work.path().join("c"), &url);
    wait_ready(&node_c, CATCH_UP_LIMIT);
    for path in SEARCHES {
        assert_eq!(
            api(&node_c, path),
            api(&node_b, path),
            "{path}: the new node differs"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_ingest_processes_store_each_article_once() {
    let Some(db) =
        common::postgres::fresh("concurrent_ingest_processes_store_each_article_once").await
    else {
        return;
    };
    let work = tempfile::tempdir().expect("temp dir");
    let paths = corpus(&work.path().join("dump.jsonl"));
    let spawn = |name: &str| {
        ingest(&work.path().join(name), Some(&db.url), &paths)
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn ingest")
    };
    let (one, two) = (spawn("one"), spawn("two"));
    let reports: Vec<Value> = [one, two]
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().expect("ingest ends");
            serde_json::from_slice(&out.stdout).expect("ingest report")
        })
        .collect();
    let ingested: i64 = reports
        .iter()
        .map(|r| r["ingested"].as_i64().unwrap_or(0))
        .sum();

    let single = work.path().join("single");
    run(&mut ingest(&single, None, &paths));
    let alone = Store::open_read_only(
        &rencai::archive::default_location(&single).expect("a SQLite archive"),
    )
    .await
    .expect("open");
    let shared = Store::open_read_only(&Location::Postgres(db.url.clone()))
        .await
        .expect("open");
    let ids = shared.article_ids().await.expect("ids");
    assert_eq!(
        ids,
        alone.article_ids().await.expect("ids"),
        "each article once, same ids"
    );
    assert_eq!(ingested, ids.len() as i64, "{reports:?}");
    let health = shared.health(false).await.expect("health");
    assert_eq!(health.without_source, 0);
}
