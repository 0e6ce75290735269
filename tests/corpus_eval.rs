//! Evaluations over the real corpora in ../shared/corpus, run by `.ci/run` as their own step:
//! `cargo test --test corpus_eval -- --ignored --nocapture`.

mod common;

use std::path::{Path, PathBuf};

use common::TestArchive;
use rencai::fold::compact;
use rencai::region::{Gazetteer, Level};
use rencai::search::{self, SearchRequest};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("province folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "_index.md"))
        .collect();
    files.sort();
    files
}

/// The province folders of the regulations corpus, in name order.
fn province_folders(root: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders
}

/// A small deterministic generator, so every run samples the same strings.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

#[tokio::test]
#[ignore = "needs ../shared/corpus"]
async fn regulations_get_the_right_province_and_verbatim_strings_are_found() {
    let root = shared().join("local-regulations");
    let t = TestArchive::empty().await;
    let g = Gazetteer::bundled();
    let (mut right, mut total, mut wrong) = (0usize, 0usize, Vec::new());
    let mut stored: Vec<String> = Vec::new();
    let folders = province_folders(&root);
    for folder in folders {
        let name = folder
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let province = g
            .lookup(&name, Some(Level::Province))
            .expect("folder is a province")
            .province;
        for file in markdown_files(&folder) {
            let bytes = std::fs::read(&file).expect("read");
            let label = format!(
                "{name}/{}",
                file.file_name().expect("name").to_string_lossy()
            );
            let outcome = rencai::ingest::ingest_bytes(&t.archive.store, &label, &bytes).await;
            if outcome.duplicates + outcome.updated > 0 {
                println!("  {label} is a copy of an article already stored");
            }
            assert!(
                outcome.rejected.is_empty(),
                "{label}: {:?}",
                outcome.rejected
            );
            for id in outcome.ids {
                let record = t
                    .archive
                    .store
                    .article(&id)
                    .await
                    .expect("read")
                    .expect("stored");
                total += 1;
                if record.article.province.as_deref() == Some(province.as_str()) {
                    right += 1;
                } else {
                    wrong.push(format!("{label} → {:?}", record.article.province));
                }
                stored.push(id);
            }
        }
    }
    t.archive.sync().await.expect("index");
    let share = right as f64 / total as f64;
    println!(
        "regulations: {right}/{total} with the right province ({:.2}%)",
        share * 100.0
    );
    for w in wrong.iter().take(20) {
        println!("  wrong: {w}");
    }
    assert!(share >= 0.98, "province accuracy {share:.4} below 98%");

    // Verbatim guarantee: a string taken from an article finds that article, and every hit
    // contains the string (after folding, ignoring spaces and punctuation).
    stored.sort();
    stored.dedup();
    let mut rng = Lcg(20261123);
    let (mut checked, mut missed, mut impure) = (0, 0, 0);
    for _ in 0..200 {
        let mut id = stored[rng.below(stored.len())].clone();
        if let Some(current) = t.archive.store.resolve_alias(&id).await.expect("alias") {
            id = current;
        }
        let id = &id;
        let article = t
            .archive
            .store
            .article(id)
            .await
            .expect("read")
            .expect("stored")
            .article;
        let text: Vec<char> = article.body_text().chars().filter(|c| *c != '"').collect();
        if text.len() < 20 {
            continue;
        }
        let len = 2 + rng.below(11);
        let start = rng.below(text.len() - len);
        let needle: String = text[start..start + len].iter().collect();
        let key = compact(&needle);
        if key.chars().count() < 2 {
            continue;
        }
        checked += 1;
        let mut found = false;
        let mut page = 1;
        loop {
            let req = SearchRequest {
                q: format!("\"{needle}\""),
                page,
                per_page: 100,
                ..SearchRequest::default()
            };
            let r = search::search(&t.archive.index, &req).expect("search");
            assert!(!r.fallback, "{needle:?} fell back although it is in {id}");
            let ids: Vec<String> = r.hits.iter().map(|h| h.id.clone()).collect();
            found |= ids.contains(id);
            for hit in t.archive.store.articles(&ids).await.expect("read") {
                let haystack = compact(&format!("{}\n{}", hit.title, hit.body_text()));
                if !haystack.contains(&key) {
                    impure += 1;
                    println!("  hit {} for {needle:?} lacks it", hit.id);
                }
            }
            if found || page * 100 >= r.total || page >= 50 {
                break;
            }
            page += 1;
        }
        if !found {
            missed += 1;
            println!("  {needle:?} did not find {id}");
        }
    }
    println!(
        "verbatim: {checked} sampled strings, {missed} missed their article, {impure} hits lacked the string"
    );
    assert_eq!((missed, impure), (0, 0));
}

#[tokio::test]
#[ignore = "needs ../shared/corpus"]
async fn news_json_lines_ingest_completely() {
    let path = shared().join("cctv-xwlb-talent.jsonl");
    let lines = std::fs::read_to_string(&path)
        .expect("read")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    let t = TestArchive::empty().await;
    let report = t.archive.ingest_paths(&[path]).await.expect("ingest");
    println!("{}", report.summary());
    for r in report.rejected.iter().take(10) {
        println!("  rejected {}: {}", r.file, r.reason);
    }
    assert!(report.rejected.is_empty());
    assert_eq!(report.ingested + report.duplicates + report.updated, lines);
    let r = search::search(
        &t.archive.index,
        &SearchRequest {
            per_page: 100,
            page: 1,
            ..SearchRequest::default()
        },
    )
    .expect("search");
    assert_eq!(r.total, report.ingested);
    let mut after = 0;
    loop {
        let (articles, last) = t
            .archive
            .store
            .articles_after(after, 1000)
            .await
            .expect("page");
        if articles.is_empty() {
            break;
        }
        for a in &articles {
            assert!(
                !a.title.contains("[视频]") && !a.title.trim().is_empty(),
                "title {:?}",
                a.title
            );
            assert!(a.date.is_some(), "{} has no date", a.title);
        }
        after = last;
    }
}

/// The share of regulations whose file-name date must be among their lifecycle dates, and
/// whose kind must be found.
const DOCUMENT_FLOOR: f64 = 0.95;

#[test]
#[ignore = "needs ../shared/corpus"]
fn regulations_state_their_dates_and_kind() {
    let root = shared().join("local-regulations");
    let today = rencai::document::today();
    let (mut dated, mut dated_found, mut total, mut kinded) = (0usize, 0usize, 0usize, 0usize);
    let (mut missed_dates, mut missed_kinds) = (Vec::new(), Vec::new());
    let folders = province_folders(&root);
    for file in folders.iter().flat_map(|f| markdown_files(f)) {
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        let text = std::fs::read_to_string(&file).expect("utf-8 regulation");
        let Some(Ok(e)) = rencai::ingest::extract::extract(&name, &text)
            .into_iter()
            .next()
        else {
            continue;
        };
        let doc = rencai::document::read_extracted(&e, &name, today);
        total += 1;
        if doc.kind.is_some() {
            kinded += 1;
        } else {
            missed_kinds.push(e.title.clone());
        }
        let stated = name
            .rsplit_once('(')
            .and_then(|(_, d)| d.strip_suffix(").md"))
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if let Some(date) = stated {
            dated += 1;
            if doc.lifecycle.dates().contains(&date) {
                dated_found += 1;
            } else {
                missed_dates.push(format!("{name}: {:?}", doc.lifecycle));
            }
        }
    }
    let date_share = dated_found as f64 / dated.max(1) as f64;
    let kind_share = kinded as f64 / total.max(1) as f64;
    println!(
        "regulations: {dated_found}/{dated} file-name dates among the lifecycle dates ({:.1}%), a kind for {kinded}/{total} ({:.1}%)",
        date_share * 100.0,
        kind_share * 100.0
    );
    for m in missed_dates.iter().take(8) {
        println!("  date missed: {m}");
    }
    for m in missed_kinds.iter().take(8) {
        println!("  kind missed: {m}");
    }
    assert!(date_share >= DOCUMENT_FLOOR, "{date_share}");
    assert!(kind_share >= DOCUMENT_FLOOR, "{kind_share}");
}

/// Every benefit read from the real regulations and news stories is exactly its span of the
/// article; prints how many articles state any, and what was read, by kind.
#[test]
#[ignore = "needs ../shared/corpus"]
fn benefits_read_from_real_texts_are_their_spans() {
    let root = shared().join("local-regulations");
    let mut by_kind: std::collections::BTreeMap<&str, usize> = Default::default();
    let (mut articles, mut with) = (0usize, 0usize);
    let mut check = |name: &str, paragraphs: Vec<String>| {
        articles += 1;
        let found = rencai::benefit::extract(&paragraphs);
        with += usize::from(!found.is_empty());
        let joined: Vec<char> = paragraphs.join("\n").chars().collect();
        for b in &found {
            let span: String = joined[b.start..b.end].iter().collect();
            assert_eq!(span, b.text, "{name}");
            *by_kind.entry(b.kind.label()).or_default() += 1;
        }
    };
    for file in province_folders(&root)
        .iter()
        .flat_map(|f| markdown_files(f))
    {
        let name = file.to_string_lossy().to_string();
        let text = std::fs::read_to_string(&file).expect("utf-8 regulation");
        for e in rencai::ingest::extract::extract(&name, &text)
            .into_iter()
            .flatten()
        {
            check(
                &name,
                e.paragraphs.iter().map(|p| p.text().to_string()).collect(),
            );
        }
    }
    let news = std::fs::read_to_string(shared().join("cctv-xwlb-talent.jsonl")).expect("news");
    for e in rencai::ingest::extract::extract("cctv-xwlb-talent.jsonl", &news)
        .into_iter()
        .flatten()
    {
        check(
            "cctv-xwlb-talent.jsonl",
            e.paragraphs.iter().map(|p| p.text().to_string()).collect(),
        );
    }
    println!("benefits: {with} of {articles} real articles state any; by kind: {by_kind:?}");
    assert!(articles > 6_000, "{articles} articles read");
}
