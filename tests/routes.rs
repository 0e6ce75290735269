//! Every route of the real router over a real archive built from the sample corpus.

mod common;

use axum::http::StatusCode;
use common::{TestArchive, enc};

async fn search_ids(t: &TestArchive, query: &str) -> Vec<String> {
    let (status, json) = t.json(&format!("/api/search?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{query}");
    json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect()
}

async fn id_of_title(t: &TestArchive, needle: &str) -> String {
    let (_, json) = t
        .json(&format!("/api/search?per_page=100&q={}", enc(needle)))
        .await;
    json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .find(|h| h["title"].as_str().unwrap_or_default().contains(needle))
        .map(|h| h["id"].as_str().expect("id").to_string())
        .unwrap_or_else(|| panic!("no article titled with {needle}"))
}

#[tokio::test]
async fn home_lists_the_sample_articles_with_regions_and_years() {
    let t = TestArchive::sample().await;
    let (status, content_type, body) = t.get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/html"));
    for title in [
        "打造创新人才高地",
        "厚植人才沃土",
        "呼和浩特",
        "阳泉市科技创新推进大会",
        "向‘新’而行",
    ] {
        assert!(body.contains(title), "home lacks {title}");
    }
    assert!(body.contains("山西省") && body.contains("2023"));
    assert!(body.contains("<form") && body.contains("name=\"q\""));
}

#[tokio::test]
async fn searching_talent_finds_all_five() {
    let t = TestArchive::sample().await;
    let (_, json) = t.json(&format!("/api/search?q={}", enc("人才"))).await;
    assert_eq!(json["total"], 5);
    assert_eq!(json["page"], 1);
    assert_eq!(json["per_page"], 20);
    let hit = &json["hits"][0];
    for key in [
        "id", "url", "title", "date", "province", "city", "county", "source", "snippet",
    ] {
        assert!(hit.get(key).is_some(), "hit lacks {key}");
    }
    assert!(hit["snippet"].as_str().expect("snippet").contains("<mark>"));
    for facet in ["province", "city", "year"] {
        assert!(json["facets"][facet].is_array(), "facet {facet}");
    }
    let html = t.page(&format!("/search?q={}", enc("人才"))).await;
    assert!(html.contains("<mark>人才</mark>"));
    assert!(html.contains("共 <strong>5</strong> 条结果"));
}

#[tokio::test]
async fn city_filter_finds_the_two_yangquan_articles() {
    let t = TestArchive::sample().await;
    let mut ids = search_ids(&t, &format!("city={}", enc("阳泉市"))).await;
    let mut expected = vec![
        id_of_title(&t, "打造创新人才高地").await,
        id_of_title(&t, "阳泉市科技创新推进大会").await,
    ];
    ids.sort();
    expected.sort();
    assert_eq!(ids, expected);
    let short = search_ids(&t, &format!("city={}", enc("阳泉"))).await;
    assert_eq!(short.len(), 2);
    let (_, _, html) = t.get(&format!("/search?city={}", enc("阳泉市"))).await;
    assert!(html.contains("共 <strong>2</strong> 条结果"));
}

#[tokio::test]
async fn empty_query_lists_everything_newest_first_with_paging() {
    let t = TestArchive::sample().await;
    let (_, json) = t.json("/api/search?per_page=2&page=2").await;
    assert_eq!(json["total"], 5);
    assert_eq!(json["hits"].as_array().expect("hits").len(), 2);
    let (_, all) = t.json("/api/search?sort=newest").await;
    let dates: Vec<&str> = all["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["date"].as_str().unwrap_or(""))
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let (_, oldest) = t.json("/api/search?sort=oldest&per_page=1").await;
    assert_eq!(oldest["hits"][0]["date"], "2020-05-14");
}

#[tokio::test]
async fn article_page_and_json() {
    let t = TestArchive::sample().await;
    let id = id_of_title(&t, "呼和浩特").await;
    let html = t.page(&format!("/articles/{id}")).await;
    assert!(html.contains("<h1>呼和浩特"));
    assert!(html.contains(&format!(
        "rel=\"canonical\" href=\"http://localhost/articles/{id}\""
    )));
    let a = t.api(&format!("/api/articles/{id}")).await;
    assert_eq!(a["id"], id.as_str());
    assert_eq!(a["url"], format!("/articles/{id}"));
    assert_eq!(a["date"], "2023-05-30");
    assert_eq!(a["published_at"], "2023-05-30T11:13:11+08:00");
    assert_eq!(a["province"], "内蒙古自治区");
    assert_eq!(a["city"], "呼和浩特市");
    assert!(a["paragraphs"].as_array().expect("paragraphs").len() >= 5);
    assert_eq!(a["ingested_from"][0], "sample/002_d0cbc1f224cb5676.txt");
    let related = a["related"].as_array().expect("related");
    assert!(
        !related.is_empty(),
        "the sample articles share their subject"
    );
    assert!(related.iter().all(|r| {
        r["id"] != id.as_str()
            && r["url"]
                .as_str()
                .is_some_and(|u| u.starts_with("/articles/"))
    }));
    for key in ["title", "county", "source", "author", "original_url"] {
        assert!(a.get(key).is_some(), "article lacks {key}");
    }
}

#[tokio::test]
async fn unknown_articles_and_pages_are_404s() {
    let t = TestArchive::sample().await;
    let (status, content_type, html) = t.get("/articles/doesnotexist").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(content_type.starts_with("text/html"));
    assert!(html.contains("404") && html.contains("name=\"q\""));
    let (status, json) = t.json("/api/articles/doesnotexist").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(json["status"], 404);
    let (status, _, _) = t.get("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = t.json("/api/nothing").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, _) = t.get("/static/missing.css").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn health_and_static_assets() {
    let t = TestArchive::sample().await;
    let body = t.page("/healthz").await;
    assert_eq!(body, "ok: 5 articles indexed\n");
    let (status, content_type, css) = t.get("/static/style.css").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("text/css"));
    assert!(css.contains("prefers-color-scheme"));
}

#[tokio::test]
async fn bad_queries_get_answers_never_server_errors() {
    let t = TestArchive::sample().await;
    for query in [
        "q=%22unclosed",
        "q=-",
        "q=OR",
        "q=%E4%BA",
        "q=((((",
        "q=a*b?c[",
        "page=-1",
        "page=99999999999999999999",
        "per_page=100000",
        "from=2023-13-45&to=yesterday",
        "year=abc&month=2023-99",
        "province=%E7%81%AB%E6%98%9F",
        "sort=sideways",
        "q=%E4%BA%BA%E6%89%8D&q=%E4%BA%BA",
    ] {
        let (status, _, _) = t.get(&format!("/search?{query}")).await;
        assert_eq!(status, StatusCode::OK, "/search?{query}");
        let (status, json) = t.json(&format!("/api/search?{query}")).await;
        assert_eq!(status, StatusCode::OK, "/api/search?{query}");
        assert!(json["total"].is_number());
    }
    let (_, json) = t.json("/api/search?from=2023-13-45").await;
    assert_eq!(json["total"], 5);
    assert!(!json["notices"].as_array().expect("notices").is_empty());
    let (_, json) = t.json("/api/search?per_page=100000").await;
    assert_eq!(json["per_page"], 100);
}
