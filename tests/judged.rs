//! The judged query set: queries over the sample corpus and the ingest fixtures, each with
//! the articles that must and must not come back. Prints recall@10 and precision@10.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::judged::{Judged, load};
use common::{TestArchive, enc};

async fn corpus() -> TestArchive {
    let t = TestArchive::sample().await;
    let fixtures = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    t.archive
        .ingest_paths(&[fixtures])
        .await
        .expect("ingest fixtures");
    t
}

/// Title of every article by id.
async fn titles(t: &TestArchive) -> BTreeMap<String, String> {
    t.hits("per_page=100").await.into_iter().collect()
}

fn resolve(titles: &BTreeMap<String, String>, fragment: &str) -> String {
    let found: Vec<&String> = titles
        .iter()
        .filter(|(_, t)| t.contains(fragment))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "title fragment {fragment:?} must name exactly one article: {found:?}"
    );
    found[0].clone()
}

#[tokio::test]
async fn judged_queries_pass() {
    let judged: Vec<Judged> = load();
    assert!(
        judged.len() >= 40,
        "the judged set has {} queries",
        judged.len()
    );
    let t = corpus().await;
    let titles = titles(&t).await;
    let (mut recall_sum, mut precision_sum, mut precision_n) = (0.0, 0.0, 0);
    let mut failures = Vec::new();
    for j in &judged {
        let query: Vec<String> = j
            .params
            .iter()
            .map(|(k, v)| format!("{k}={}", enc(v)))
            .collect();
        let uri = format!("/api/search?per_page=100&{}", query.join("&"));
        let (status, json) = t.json(&uri).await;
        assert_eq!(status, 200, "{uri}");
        let ids: Vec<String> = json["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["id"].as_str().expect("id").to_string())
            .collect();
        let all: BTreeSet<&String> = ids.iter().collect();
        let top: BTreeSet<&String> = ids.iter().take(10).collect();
        let must: BTreeSet<String> = j.must.iter().map(|f| resolve(&titles, f)).collect();
        let must_not: BTreeSet<String> = j.must_not.iter().map(|f| resolve(&titles, f)).collect();
        let mut problems = Vec::new();
        for (fragment, id) in j
            .must
            .iter()
            .zip(j.must.iter().map(|f| resolve(&titles, f)))
        {
            if !all.contains(&id) {
                problems.push(format!("missing {fragment}"));
            }
        }
        for (fragment, id) in j.must_not.iter().zip(must_not.iter()) {
            if all.contains(id) {
                problems.push(format!("unwanted {fragment}"));
            }
        }
        if j.exact && all.len() != must.len() {
            let extra: Vec<&String> = ids
                .iter()
                .filter(|id| !must.contains(*id))
                .map(|id| &titles[id])
                .collect();
            problems.push(format!(
                "expected exactly {} results, got {}: extra {extra:?}",
                must.len(),
                all.len()
            ));
        }
        if json["fallback"].as_bool() != Some(j.fallback) {
            problems.push(format!("fallback is {}", json["fallback"]));
        }
        for (facet, values) in &j.facets {
            for (value, count) in values {
                let got = json["facets"][facet]
                    .as_array()
                    .expect("facet")
                    .iter()
                    .find(|v| v["value"] == value.as_str())
                    .and_then(|v| v["count"].as_u64())
                    .unwrap_or(0);
                if got != *count {
                    problems.push(format!("facet {facet}={value}: {got}, expected {count}"));
                }
            }
        }
        for (i, fragment) in j.order.iter().enumerate() {
            if ids.get(i) != Some(&resolve(&titles, fragment)) {
                problems.push(format!("result {} is not {fragment}", i + 1));
            }
        }
        if !must.is_empty() {
            let hit = must.iter().filter(|id| top.contains(id)).count();
            recall_sum += hit as f64 / must.len().min(10) as f64;
            if j.exact && !top.is_empty() {
                precision_sum +=
                    top.iter().filter(|id| must.contains(**id)).count() as f64 / top.len() as f64;
                precision_n += 1;
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{} ({uri}): {}", j.about, problems.join("; ")));
        }
    }
    let with_must = judged.iter().filter(|j| !j.must.is_empty()).count();
    println!(
        "judged queries: {} · recall@10 {:.3} over {with_must} · precision@10 {:.3} over {precision_n} exact queries",
        judged.len(),
        recall_sum / with_must as f64,
        precision_sum / precision_n.max(1) as f64
    );
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
