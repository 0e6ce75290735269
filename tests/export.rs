//! Export of any search: every match (not a page) as CSV a spreadsheet opens, or JSON lines,
//! the same matches the search reports.

mod common;

use common::{TestArchive, enc, rencai, run};

/// The CSV body's records (after the byte-order mark), header first.
fn records(csv_text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let text = csv_text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("valid CSV row"))
        .collect();
    (header, rows)
}

#[tokio::test]
async fn csv_and_jsonl_hold_every_match_of_the_search() {
    let t = TestArchive::sample().await;
    for query in [
        format!("q={}", enc("人才")),
        format!("province={}", enc("山西省")),
        format!("q={}&sort=oldest", enc("创新")),
        String::new(),
    ] {
        let api = t.api(&format!("/api/search?{query}&per_page=100")).await;
        let total = api["total"].as_u64().expect("total") as usize;
        let api_ids: Vec<&str> = api["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| h["id"].as_str().expect("id"))
            .collect();

        let (status, content_type, body) = t.get(&format!("/export.csv?{query}")).await;
        assert_eq!(status, 200, "{query}");
        assert!(content_type.starts_with("text/csv"), "{content_type}");
        let (header, rows) = records(&body);
        assert_eq!(header[..3], ["id", "permalink", "title"]);
        assert_eq!(
            rows.len(),
            total,
            "{query}: as many rows as the search's total"
        );
        let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
        assert_eq!(ids, api_ids, "{query}: the same matches in the same order");

        let body = t.page(&format!("/export.jsonl?{query}")).await;
        let lines: Vec<serde_json::Value> = body
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON object a line"))
            .collect();
        assert_eq!(lines.len(), total, "{query}");
        for (line, id) in lines.iter().zip(&api_ids) {
            assert_eq!(line["id"], *id);
            for column in rencai::export::COLUMNS {
                assert!(line.get(column).is_some(), "{column} in every row");
            }
            let permalink = line["permalink"].as_str().expect("permalink");
            assert!(
                permalink.ends_with(&format!("/articles/{id}")),
                "{permalink}"
            );
        }
    }
    let (_, rows) = records(
        &t.page(&format!("/export.csv?province={}", enc("火星")))
            .await,
    );
    assert!(
        rows.is_empty(),
        "an unknown place exports nothing, not everything"
    );
}

#[tokio::test]
async fn search_pages_offer_the_download() {
    let t = TestArchive::sample().await;
    let html = t.page(&format!("/search?q={}&page=1", enc("人才"))).await;
    assert!(
        html.contains(&format!("/export.csv?q={}", enc("人才"))),
        "{html}"
    );
    assert!(html.contains("/export.jsonl?"));
}

#[test]
fn the_command_line_exports_a_search() {
    let work = tempfile::tempdir().expect("temp dir");
    let data = work.path().join("data");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample");
    let (code, _) = run(rencai(["ingest", "--data"]).arg(&data).arg(sample));
    assert_eq!(code, 0);
    let out = work.path().join("out.jsonl");
    let (code, _) = run(rencai(["export", "--format", "jsonl", "--q", "人才", "-o"])
        .arg(&out)
        .arg("--data")
        .arg(&data));
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&out).expect("export file");
    assert_eq!(
        text.lines().count(),
        5,
        "every sample article mentions 人才"
    );
    let (code, csv_text) = run(rencai(["export", "--province", "山西省", "--data"]).arg(&data));
    assert_eq!(code, 0);
    let (_, rows) = records(&csv_text);
    assert_eq!(rows.len(), 4, "four of the five samples are from 山西省");
}
