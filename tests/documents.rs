//! Document fields through the real router: what a regulation states about itself, in the
//! API and in the article page's 文件信息 box; nothing for a page that states nothing.

mod common;

use common::{TestArchive, enc};

const REGULATION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/jinan_regulation.md"
);

async fn id_of(t: &TestArchive, query: &str) -> String {
    let json = t.api(&format!("/api/search?q={}", enc(query))).await;
    json["hits"][0]["id"].as_str().expect("a hit").to_string()
}

#[tokio::test]
async fn a_regulation_states_its_kind_and_its_dates() {
    let t = TestArchive::sample().await;
    t.archive
        .ingest_paths(&[REGULATION.into()])
        .await
        .expect("ingest");
    let id = id_of(&t, "济南市大气污染防治条例").await;
    let a = t.api(&format!("/api/articles/{id}")).await;
    assert_eq!(a["kind"], "条例");
    assert_eq!(a["doc_numbers"], serde_json::json!([]), "a law has no 文号");
    let life = &a["lifecycle"];
    assert_eq!(life["adopted"], "2000-06-01");
    assert_eq!(life["approved"], "2000-06-30");
    assert_eq!(
        life["amended"],
        serde_json::json!(["2012-07-13", "2016-09-14"])
    );
    assert_eq!(life["effective"], "2017-01-01");
    assert_eq!(life["expires"], serde_json::Value::Null, "never invented");
    assert_eq!(a["validity"], "现行有效");

    let html = t.page(&format!("/articles/{id}")).await;
    assert!(html.contains("文件信息") && html.contains("现行有效"));
    assert!(html.contains("2017-01-01"));

    let news = id_of(&t, "呼和浩特").await;
    let a = t.api(&format!("/api/articles/{news}")).await;
    assert_eq!(a["kind"], "新闻", "a report with a byline is news");
    assert_eq!(a["lifecycle"]["effective"], serde_json::Value::Null);
    assert_eq!(a["validity"], serde_json::Value::Null);
}
