//! Offers compared region by region through the real router: /offers, /api/offers and
//! /offers.csv answer the same rows; a repealed document never stands for its region; every
//! benefit of an article is its span of the article; the benefit and degree facets.

mod common;

use common::{TestArchive, enc};

const OFFERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/offers");

async fn archive() -> TestArchive {
    let t = TestArchive::sample().await;
    t.archive
        .ingest_paths(&[OFFERS.into()])
        .await
        .expect("ingest");
    t
}

fn key(r: &serde_json::Value) -> (String, String, String, String) {
    let s = |v: &serde_json::Value| match v {
        serde_json::Value::Null => String::new(),
        v => v.as_str().map_or_else(|| v.to_string(), str::to_string),
    };
    (
        s(&r["article_id"]),
        s(&r["kind"]),
        s(&r["amount_max"]),
        s(&r["value"]),
    )
}

#[tokio::test]
async fn the_page_the_api_and_the_csv_answer_the_same_rows() {
    let t = archive().await;
    for query in [
        String::new(),
        format!("kind={}", enc("安家补贴")),
        format!("kind={}&degree={}", enc("生活补贴"), enc("博士")),
        format!("province={}&valid=1", enc("山东省")),
    ] {
        let api = t.api(&format!("/api/offers?{query}")).await;
        let rows = api["rows"].as_array().expect("rows").clone();
        assert!(!rows.is_empty(), "{query}: {api}");
        let (_, _, csv) = t.get(&format!("/offers.csv?{query}")).await;
        let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().expect("headers").clone();
        let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
        let from_csv: Vec<(String, String, String, String)> = reader
            .records()
            .map(|r| {
                let r = r.expect("record");
                (
                    r[col("article_id")].to_string(),
                    r[col("kind")].to_string(),
                    r[col("amount_max")].to_string(),
                    r[col("value")].to_string(),
                )
            })
            .collect();
        let from_api: Vec<_> = rows.iter().map(key).collect();
        assert_eq!(from_csv, from_api, "{query}");
        let html = t.page(&format!("/offers?{query}")).await;
        for r in &rows {
            let link = format!(
                "/articles/{}#offer-{}",
                r["article_id"].as_str().expect("id"),
                r["start"]
            );
            assert!(html.contains(&link), "{query}: the page links {link}");
        }
        assert_eq!(
            html.matches("<tr><td>").count(),
            rows.len(),
            "{query}: one table row per row"
        );
        let values: Vec<i64> = rows.iter().filter_map(|r| r["value"].as_i64()).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "best first");
    }
}

#[tokio::test]
async fn a_repealed_document_never_stands_for_its_region() {
    let t = archive().await;
    let rows = t
        .api(&format!(
            "/api/offers?kind={}&city={}",
            enc("安家补贴"),
            enc("太原市")
        ))
        .await;
    let rows = rows["rows"].as_array().expect("rows").clone();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0]["amount_max"], 120_000,
        "the 2024 办法, not the one it repealed"
    );
    assert_eq!(rows[0]["date"], "2024-07-01");
}

#[tokio::test]
async fn each_benefit_is_its_span_of_the_article_and_its_page_links_to_it() {
    let t = archive().await;
    let found = t
        .api(&format!("/api/search?benefit={}", enc("安家补贴")))
        .await;
    let hits = found["hits"].as_array().expect("hits").clone();
    assert!(hits.len() >= 3, "{found}");
    let degrees = found["facets"]["degree"].to_string();
    assert!(degrees.contains("博士"), "{degrees}");
    for hit in &hits {
        let id = hit["id"].as_str().expect("id");
        let a = t.api(&format!("/api/articles/{id}")).await;
        let paragraphs: Vec<&str> = a["paragraphs"]
            .as_array()
            .expect("paragraphs")
            .iter()
            .map(|p| p.as_str().expect("text"))
            .collect();
        let joined: Vec<char> = paragraphs.join("\n").chars().collect();
        let benefits = a["benefits"].as_array().expect("benefits");
        assert!(!benefits.is_empty());
        for b in benefits {
            let (start, end) = (
                b["start"].as_u64().expect("start") as usize,
                b["end"].as_u64().expect("end") as usize,
            );
            let span: String = joined[start..end].iter().collect();
            assert_eq!(span, b["text"].as_str().expect("text"));
        }
        let html = t.page(&format!("/articles/{id}")).await;
        assert!(html.contains("政策要点"));
        let first = format!("id=\"offer-{}\"", benefits[0]["start"]);
        assert!(html.contains(&first), "the sentence is marked: {first}");
    }
    let all = t.api("/api/search").await;
    assert!(
        all["facets"]["benefit"].to_string().contains("安家补贴"),
        "{}",
        all["facets"]
    );
}
