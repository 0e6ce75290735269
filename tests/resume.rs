//! A crawler dump streamed through the real binary: killed at any moment and run again, it
//! ends with every article exactly once, in the database and in the index.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use common::TestArchive;
use rencai::archive::Archive;

/// Records in the dump: enough that an ingest in a debug build takes a few seconds.
const RECORDS: usize = 2_500;

/// Sentences of real talent-policy prose the records are made of.
const SENTENCES: [&str; 12] = [
    "为深入实施人才强市战略，加快集聚高层次人才，现提出如下意见。",
    "对新引进的全职博士研究生，给予每人每月三千元生活补贴。",
    "支持企业建设博士后科研工作站，给予一次性建站资助。",
    "人才公寓面向各类人才配租，租金按市场价格的百分之五十收取。",
    "符合条件的高校毕业生可先落户后就业，简化户籍迁移手续。",
    "设立人才发展专项资金，用于人才引进、培养和激励。",
    "鼓励用人单位柔性引进人才，按实际工作时间给予补助。",
    "对入选国家级人才计划的，给予最高一百万元奖励。",
    "建立人才服务绿色通道，提供子女入学、配偶就业等服务。",
    "实施青年英才计划，每年遴选一批优秀青年人才重点培养。",
    "完善科技成果转化收益分配机制，激发创新创业活力。",
    "对来本市创业的留学回国人员，给予场地租金减免。",
];

/// Distinct characters that make each record's text its own.
const MARKS: &str =
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海风云雷电春夏秋冬";

/// Six characters that differ from record to record throughout (a multiplicative hash of the
/// number), so that no two records are near copies of each other.
fn mark(i: usize) -> String {
    let marks: Vec<char> = MARKS.chars().collect();
    let mut n = (i as u64).wrapping_mul(2_654_435_761) % (1 << 32);
    let mut out = String::new();
    for _ in 0..6 {
        out.push(marks[(n % marks.len() as u64) as usize]);
        n /= marks.len() as u64;
    }
    out
}

fn write_dump(path: &Path) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create dump"));
    for i in 0..RECORDS {
        let code = mark(i);
        let body: Vec<String> = (0..6)
            .map(|k| {
                format!(
                    "{code}{}{code}",
                    SENTENCES[(i * 7 + k * 5) % SENTENCES.len()]
                )
            })
            .collect();
        let record = serde_json::json!({
            "title": format!("{code}人才政策第{i}号"),
            "pub_date": format!("{}-{:02}-{:02}", 2010 + i % 15, 1 + i % 12, 1 + i % 28),
            "source": "人才工作领导小组办公室",
            "content": body.join("\n"),
        });
        writeln!(out, "{record}").expect("write dump");
    }
    out.flush().expect("flush dump");
}

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
    write_dump(&dump);

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
