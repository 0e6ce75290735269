//! What an operator does to a live archive, through the real binary: hostile trees, two
//! ingests at once, an online backup restored, and `check` on sound and broken archives.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::dump::write_dump;
use common::{TestArchive, rencai, run};
use rencai::archive::Archive;
use rencai::store::{Location, Store};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Records of each generated dump: a few seconds of ingest in a debug build.
const RECORDS: usize = 1_500;

/// Runs a command to the end, killing it and failing the test when it takes over `limit`.
fn output_within(cmd: &mut Command, limit: Duration) -> Output {
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id() as libc::pid_t;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            // SAFETY: kill(2) on the pid of a child this test spawned and has not reaped.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("still running after {limit:?}");
        }
    }
}

fn ingest(data: &Path, path: &Path) -> Command {
    let mut cmd = rencai(["ingest", "--data"]);
    cmd.arg(data).arg(path);
    cmd
}

fn check(data: &Path) -> (i32, String) {
    run(rencai(["check", "--data"]).arg(data))
}

#[test]
fn a_tree_with_a_symlink_loop_and_a_fifo_is_walked_in_seconds() {
    let work = tempfile::tempdir().expect("temp dir");
    let tree = work.path().join("tree");
    std::fs::create_dir_all(tree.join("sub")).expect("mkdir");
    std::fs::copy(
        Path::new(FIXTURES).join("gbk_jinjiang.txt"),
        tree.join("sub/notice.txt"),
    )
    .expect("copy");
    std::os::unix::fs::symlink(&tree, tree.join("sub/back-to-top")).expect("symlink");
    let fifo = tree.join("pipe.txt");
    let c_path = std::ffi::CString::new(fifo.to_str().expect("utf-8 path")).expect("c path");
    // SAFETY: mkfifo(3) on a NUL-terminated path this test owns.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0, "mkfifo");

    let out = output_within(
        &mut ingest(&work.path().join("data"), &tree),
        Duration::from_secs(30),
    );
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(
        stderr.contains("pipe.txt") && stderr.contains("FIFO"),
        "the FIFO is named with its reason: {stderr}"
    );
    assert!(
        stdout.contains("1 ingested"),
        "the notice went in: {stdout}"
    );
    assert_eq!(out.status.code(), Some(1), "a skipped entry is reported");
}

#[test]
fn two_ingests_at_once_store_every_article_once() {
    let work = tempfile::tempdir().expect("temp dir");
    let (first, second) = (work.path().join("a.jsonl"), work.path().join("b.jsonl"));
    // A third of the records are in both dumps.
    write_dump(&first, 0..RECORDS);
    write_dump(&second, RECORDS * 2 / 3..RECORDS * 5 / 3);
    let data = work.path().join("data");
    let spawn = |dump: &Path| {
        let mut cmd = ingest(&data, dump);
        std::thread::spawn(move || output_within(&mut cmd, Duration::from_secs(300)))
    };
    let (a, b) = (spawn(&first), spawn(&second));
    for out in [a.join().expect("first"), b.join().expect("second")] {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (code, report) = check(&data);
    assert_eq!(code, 0, "{report}");
    let expected = RECORDS * 5 / 3;
    assert!(
        report.contains(&format!(
            "{expected} articles in the database, the same {expected} in the index"
        )),
        "{report}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_during_an_ingest_restores_to_a_consistent_archive() {
    let work = tempfile::tempdir().expect("temp dir");
    let (dump, data) = (work.path().join("dump.jsonl"), work.path().join("data"));
    write_dump(&dump, 0..RECORDS);
    let mut writer = ingest(&data, &dump)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait for the first committed articles, then copy while the ingest goes on.
    let mut stored = 0;
    for _ in 0..600 {
        if let Ok(store) = Store::open_read_only(&Location::Sqlite(data.join("rencai.db"))).await {
            stored = store.count_articles().await.unwrap_or(0);
            store.close().await;
        }
        if stored > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(stored > 0, "the ingest stored articles");
    let copy = work.path().join("backup.db");
    let (code, said) = run(rencai(["backup", "--data"]).arg(&data).arg(&copy));
    assert_eq!(code, 0, "{said}");
    assert!(writer.wait().expect("ingest").success());
    let (code, said) = run(rencai(["backup", "--data"]).arg(&data).arg(&copy));
    assert_ne!(code, 0, "an existing copy is never overwritten: {said}");

    // Restore: the copy as the database of an empty data directory.
    let restored = work.path().join("restored");
    std::fs::create_dir_all(&restored).expect("mkdir");
    std::fs::copy(&copy, restored.join("rencai.db")).expect("restore");
    let (code, report) = check(&restored);
    assert_eq!(code, 1, "no index yet: {report}");
    assert!(report.contains("reindex"), "{report}");
    let archive = Archive::open(&restored)
        .await
        .expect("open rebuilds the index");
    let count = archive.store.count_articles().await.expect("count") as usize;
    assert!((1..=RECORDS).contains(&count), "{count} articles restored");
    archive.store.close().await;
    let (code, report) = check(&restored);
    assert_eq!(code, 0, "{report}");
    let t = TestArchive {
        dir: tempfile::tempdir().expect("temp dir"),
        archive: Archive::open(&restored).await.expect("reopen"),
    };
    let (_, listing) = t.json("/api/search").await;
    assert_eq!(
        listing["total"], count,
        "the restored archive serves every article"
    );
}

#[test]
fn check_finds_a_missing_index_and_unapplied_changes() {
    let work = tempfile::tempdir().expect("temp dir");
    let data = work.path().join("data");
    let fixture = |name: &str| Path::new(FIXTURES).join(name);
    let (code, _) = run(&mut ingest(&data, &fixture("gov_nansha.html")));
    assert_eq!(code, 0);
    let (code, report) = check(&data);
    assert_eq!(code, 0, "a fresh archive is consistent: {report}");

    // An index that missed a change: kept aside, then put back after another ingest.
    let (index, aside) = (data.join("index"), work.path().join("index-before"));
    copy_dir(&index, &aside);
    let (code, _) = run(&mut ingest(&data, &fixture("gbk_jinjiang.txt")));
    assert_eq!(code, 0);
    std::fs::remove_dir_all(&index).expect("remove index");
    copy_dir(&aside, &index);
    let (code, report) = check(&data);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("not applied"), "{report}");
    assert!(report.contains("not in the index"), "{report}");
    assert!(report.contains("rencai reindex"), "{report}");

    std::fs::remove_dir_all(&index).expect("remove index");
    let (code, report) = check(&data);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("no search index"), "{report}");
    assert!(!index.exists(), "check changes nothing");

    let (code, _) = run(rencai(["reindex", "--data"]).arg(&data));
    assert_eq!(code, 0);
    let (code, report) = check(&data);
    assert_eq!(code, 0, "{report}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        if entry.file_type().expect("type").is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}
