//! A crawler dump streamed through the real binary: killed at any moment and run again, it
//! ends with every article exactly once, in the database and in the index.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use common::TestArchive;
use common::dump::{mark, write_dump};
use rencai::archive::Archive;

/// Records in the dump: enough that an ingest in a debug build takes a few seconds.
const RECORDS: usize = 2_500;

fn ingest(data: &Path, dump: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rencai"));
    cmd.args(["ingest", "--json", "--data"])
        .arg(data)
        .arg(dump)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_ingest_run_again_stores_every_article_once() {
    let work = tempfile::tempdir().expect("temp dir");
    let (data, dump) = (work.path().join("data"), work.path().join("dump.jsonl"));
    write_dump(&dump, 0..RECORDS);

    // How long a whole run takes here, so the kills land at spread-out moments within it.
    let probe = work.path().join("probe");
    let started = Instant::now();
    assert!(ingest(&probe, &dump).status().expect("run").success());
    let whole = started.elapsed();
    for fraction in [0.15, 0.35, 0.55, 0.8] {
        let mut child = ingest(&data, &dump).spawn().expect("spawn");
        std::thread::sleep(whole.mul_f64(fraction));
        let _ = child.kill();
        let _ = child.wait();
    }
    let last = ingest(&data, &dump).status().expect("run");
    assert!(last.success(), "the final run failed: {last:?}");

    let archive = Archive::open(&data).await.expect("open");
    assert_eq!(
        archive.store.count_articles().await.expect("count"),
        RECORDS as i64
    );
    let t = TestArchive { dir: work, archive };
    let (_, listing) = t.json("/api/search").await;
    assert_eq!(
        listing["total"], RECORDS,
        "the index holds every article once"
    );
    let (_, found) = t
        .json(&format!("/api/search?q={}", common::enc(&mark(1234))))
        .await;
    assert_eq!(found["total"], 1, "{found}");

    // The same ids as a run that was never interrupted.
    let probe = Archive::open(&probe).await.expect("open probe");
    let ids = |a: &Archive| {
        let a = a.clone();
        async move {
            let mut all = Vec::new();
            let mut after = 0;
            loop {
                let (page, last) = a.store.articles_after(after, 1_000).await.expect("page");
                if page.is_empty() {
                    break;
                }
                all.extend(page.into_iter().map(|x| x.id));
                after = last;
            }
            all.sort();
            all
        }
    };
    assert_eq!(ids(&t.archive).await, ids(&probe).await);

    // Once more changes nothing.
    let before = t.archive.store.last_change().await.expect("seq");
    let again = ingest(t.dir.path().join("data").as_path(), &dump)
        .stdout(Stdio::piped())
        .output()
        .expect("run");
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).expect("json report");
    assert_eq!(report["unchanged_files"], RECORDS, "{report}");
    assert_eq!(t.archive.store.last_change().await.expect("seq"), before);
}
