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

#[tokio::test]
async fn a_report_links_to_the_document_it_explains_and_back() {
    let t = TestArchive::sample().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let report = dir.path().join("report.txt");
    std::fs::write(
        &report,
        "济南新规施行 大气污染防治再加码\n\n2017-01-02 来源：济南日报 作者：李华\n\n\
         本报讯（记者 李华）新修订的《济南市大气污染防治条例》自2017年1月1日起施行，\
         对工业企业排放提出更严格要求。\n\n市环保部门表示，将加大执法检查力度。\n",
    )
    .expect("write");
    t.archive
        .ingest_paths(&[REGULATION.into(), report])
        .await
        .expect("ingest");
    let law = id_of(&t, "济南市大气污染防治条例").await;
    let news = id_of(&t, "大气污染防治再加码").await;
    assert_ne!(law, news);
    let n = t.api(&format!("/api/articles/{news}")).await;
    assert_eq!(n["kind"], "新闻");
    assert_eq!(n["cites"][0]["title"], "济南市大气污染防治条例");
    assert_eq!(
        n["cites"][0]["id"],
        law.as_str(),
        "resolved to the archived law"
    );
    let l = t.api(&format!("/api/articles/{law}")).await;
    assert_eq!(l["cited_by"][0]["id"], news.as_str());
    let html = t.page(&format!("/articles/{law}")).await;
    assert!(html.contains("引用本文件的文章") && html.contains(&format!("/articles/{news}")));
}

#[tokio::test]
async fn searches_filter_and_count_by_kind() {
    let t = TestArchive::sample().await;
    t.archive
        .ingest_paths(&[REGULATION.into()])
        .await
        .expect("ingest");
    let law = id_of(&t, "济南市大气污染防治条例").await;
    let all = t.api("/api/search").await;
    let kinds: Vec<(String, u64)> = all["facets"]["kind"]
        .as_array()
        .expect("kind facet")
        .iter()
        .map(|k| {
            (
                k["value"].as_str().expect("value").to_string(),
                k["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert!(kinds.contains(&("条例".to_string(), 1)), "{kinds:?}");
    assert!(
        kinds.iter().any(|(k, n)| k == "新闻" && *n >= 4),
        "{kinds:?}"
    );
    let laws = t.api(&format!("/api/search?kind={}", enc("条例"))).await;
    assert_eq!(laws["total"], 1);
    assert_eq!(laws["hits"][0]["id"], law.as_str());
    assert!(
        laws["facets"]["kind"].as_array().expect("kinds").len() >= 2,
        "the kind facet still shows the alternatives"
    );
    let unknown = t.api(&format!("/api/search?kind={}", enc("火星文"))).await;
    assert!(!unknown["notices"].as_array().expect("notices").is_empty());
    let html = t.page(&format!("/search?kind={}", enc("条例"))).await;
    assert!(html.contains("文种"));
    let by_effect = t.api("/api/search?sort=effective").await;
    assert_eq!(
        by_effect["hits"][0]["id"],
        law.as_str(),
        "the one document stating an effective date first"
    );
    assert_eq!(by_effect["total"], 6, "the others follow");
}

#[tokio::test]
async fn searches_filter_and_count_by_issuer() {
    let t = TestArchive::sample().await;
    let notice = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/documents/joint_notice.txt"
    );
    t.archive
        .ingest_paths(&[notice.into()])
        .await
        .expect("ingest");
    let all = t.api("/api/search").await;
    let issuers: Vec<&str> = all["facets"]["issuer"]
        .as_array()
        .expect("issuer facet")
        .iter()
        .map(|i| i["value"].as_str().expect("value"))
        .collect();
    assert!(issuers.contains(&"山东省财政厅"), "{issuers:?}");
    assert!(
        issuers.contains(&"山东省人力资源和社会保障厅"),
        "{issuers:?}"
    );
    let found = t
        .api(&format!("/api/search?issuer={}", enc("山东省财政厅")))
        .await;
    assert_eq!(found["total"], 1);
    let none = t
        .api(&format!("/api/search?issuer={}", enc("不存在的机关")))
        .await;
    assert_eq!(none["total"], 0);
}

#[tokio::test]
async fn validity_filters_and_counts_follow_the_calendar() {
    let t = TestArchive::sample().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let expired = dir.path().join("expired.txt");
    std::fs::write(
        &expired,
        "临汾市人民政府关于印发临汾市引进博士人才暂行办法的通知\n\n临政发〔2019〕8号\n\n\
         各县（市、区）人民政府：\n\n现将《临汾市引进博士人才暂行办法》印发给你们，请认真贯彻执行。\n\n\
         本办法自2019年5月1日起施行，有效期至2020年12月31日。\n\n临汾市人民政府\n\n2019年4月20日\n",
    )
    .expect("write");
    let future = dir.path().join("future.txt");
    std::fs::write(
        &future,
        "运城市人民政府关于印发运城市青年人才驿站管理办法的通知\n\n运政发〔2026〕3号\n\n\
         各县（市、区）人民政府：\n\n现将《运城市青年人才驿站管理办法》印发给你们，请认真贯彻执行。\n\n\
         本办法自2099年1月1日起施行。\n\n运城市人民政府\n\n2026年1月5日\n",
    )
    .expect("write");
    t.archive
        .ingest_paths(&[expired, future])
        .await
        .expect("ingest");
    let all = t.api("/api/search").await;
    let count = |label: &str| {
        all["facets"]["validity"]
            .as_array()
            .expect("validity facet")
            .iter()
            .find(|c| c["value"] == label)
            .and_then(|c| c["count"].as_u64())
    };
    assert_eq!(count("已失效"), Some(1), "{}", all["facets"]);
    assert_eq!(count("尚未施行"), Some(1), "{}", all["facets"]);
    for (label, title) in [("已失效", "临汾市"), ("尚未施行", "运城市")] {
        let found = t.api(&format!("/api/search?validity={}", enc(label))).await;
        assert_eq!(found["total"], 1, "{label}: {found}");
        let hit = found["hits"][0]["title"].as_str().expect("title");
        assert!(hit.starts_with(title), "{label}: {hit}");
        let facet = &found["facets"]["validity"];
        assert!(
            facet.as_array().is_some_and(|v| v.len() >= 2),
            "the facet still offers the other validities: {facet}"
        );
    }
}
