//! Sharing and browsing: feeds, sitemap, OpenSearch, robots, previews, region and year pages.
//! XML documents are parsed and checked against the archive.

mod common;

use axum::http::StatusCode;
use common::{TestArchive, enc};

fn parse(xml: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(xml).expect("well-formed XML")
}

async fn all_ids(t: &TestArchive) -> Vec<String> {
    let (_, json) = t.json("/api/search?per_page=100").await;
    let mut ids: Vec<String> = json["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn the_sitemap_lists_every_permalink() {
    let t = TestArchive::sample().await;
    let (status, content_type, xml) = t.get("/sitemap.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("application/xml"));
    let doc = parse(&xml);
    let mut locs: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .map(|u| {
            u.trim_start_matches("http://localhost/articles/")
                .to_string()
        })
        .collect();
    locs.sort();
    assert_eq!(locs, all_ids(&t).await);
    let (_, _, robots) = t.get("/robots.txt").await;
    assert!(robots.contains("Sitemap: http://localhost/sitemap.xml"));
}

#[tokio::test]
async fn an_atom_feed_follows_any_search() {
    let t = TestArchive::sample().await;
    let (status, content_type, xml) = t.get(&format!("/feed.atom?city={}", enc("阳泉市"))).await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("application/atom+xml"));
    let doc = parse(&xml);
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let entries: Vec<roxmltree::Node> = root
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 2);
    let titles: Vec<&str> = entries
        .iter()
        .filter_map(|e| {
            e.children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|c| c.text())
        })
        .collect();
    assert!(
        titles[0].starts_with("打造创新人才高地"),
        "newest first: {titles:?}"
    );
    assert!(titles[1].starts_with("阳泉市科技创新推进大会"));
    for e in &entries {
        let link = e
            .children()
            .find(|c| c.has_tag_name("link"))
            .and_then(|l| l.attribute("href"))
            .expect("link");
        let id = link.trim_start_matches("http://localhost/articles/");
        let _ = t.page(&format!("/articles/{id}")).await;
        assert!(e.children().any(|c| c.has_tag_name("updated")));
        let summary = e
            .children()
            .find(|c| c.has_tag_name("summary"))
            .expect("summary");
        assert_eq!(summary.attribute("type"), Some("html"));
        assert!(!summary.text().unwrap_or_default().is_empty());
    }
    let (_, _, home) = t.get("/").await;
    assert!(home.contains("type=\"application/atom+xml\""));
    let (_, _, search) = t.get(&format!("/search?city={}", enc("阳泉市"))).await;
    assert!(search.contains(&format!("href=\"/feed.atom?city={}\"", enc("阳泉市"))));
}

#[tokio::test]
async fn browsers_can_add_rencai_as_a_search_engine() {
    let t = TestArchive::sample().await;
    let (status, content_type, xml) = t.get("/opensearch.xml").await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("application/opensearchdescription+xml"));
    let doc = parse(&xml);
    assert_eq!(
        doc.root_element().tag_name().name(),
        "OpenSearchDescription"
    );
    let html_url = doc
        .descendants()
        .find(|n| n.has_tag_name("Url") && n.attribute("type") == Some("text/html"))
        .and_then(|n| n.attribute("template"))
        .expect("html template");
    assert_eq!(html_url, "http://localhost/search?q={searchTerms}");
    let (_, _, home) = t.get("/").await;
    assert!(home.contains("application/opensearchdescription+xml"));
}

#[tokio::test]
async fn article_pages_preview_well_and_mark_search_terms() {
    let t = TestArchive::sample().await;
    let (_, json) = t.json(&format!("/api/search?q={}", enc("呼和浩特"))).await;
    let id = json["hits"][0]["id"].as_str().expect("id").to_string();
    let (_, _, html) = t.get(&format!("/articles/{id}?q={}", enc("创新"))).await;
    for meta in [
        "og:title",
        "og:description",
        "og:url",
        "og:site_name",
        "twitter:card",
    ] {
        assert!(html.contains(meta), "missing {meta}");
    }
    assert!(html.contains("property=\"og:type\" content=\"article\""));
    // A Simplified query marks the Traditional text as written.
    assert!(html.contains("<mark>創新</mark>"));
    let (_, _, simplified) = t.get(&format!("/articles/{id}?script=hans")).await;
    assert!(simplified.contains("<h1>呼和浩特:“引育用留”打造人才创新高地</h1>"));
    let body = |html: &str| {
        html.split("<div class=\"body\">")
            .nth(1)
            .unwrap_or_default()
            .to_string()
    };
    assert!(body(&simplified).contains("人才是第一资源"));
    assert!(!body(&simplified).contains("人才是第一資源"));
    let (_, _, as_written) = t.get(&format!("/articles/{id}")).await;
    assert!(body(&as_written).contains("人才是第一資源"));
    let (_, json) = t
        .json(&format!("/api/search?q={}", enc("打造创新人才高地")))
        .await;
    let simplified_id = json["hits"][0]["id"].as_str().expect("id").to_string();
    let (_, _, traditional) = t
        .get(&format!("/articles/{simplified_id}?script=hant"))
        .await;
    assert!(
        traditional.contains("<h1>打造創新人才高地 引領高質量發展</h1>"),
        "{traditional}"
    );
}

#[tokio::test]
async fn region_and_year_pages_list_their_articles() {
    let t = TestArchive::sample().await;
    let (status, _, html) = t
        .get(&format!("/regions/{}/{}", enc("山西省"), enc("阳泉市")))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<h1>山西省 · 阳泉市</h1>"));
    assert!(html.contains("共 <strong>2</strong> 条结果"));
    let (_, _, html) = t.get(&format!("/regions/{}", enc("山西"))).await;
    assert!(html.contains("共 <strong>4</strong> 条结果"));
    let html = t.page("/years/2023").await;
    assert!(html.contains("共 <strong>2</strong> 条结果"));
    for missing in [
        "/regions/%E7%81%AB%E6%98%9F",
        "/years/abc",
        "/regions/%E5%B1%B1%E8%A5%BF%E7%9C%81/%E7%81%AB%E6%98%9F",
    ] {
        let (status, _, _) = t.get(missing).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
    }
}

#[tokio::test]
async fn the_fallback_is_announced_on_the_page() {
    let t = TestArchive::sample().await;
    let (_, _, html) = t.get(&format!("/search?q={}", enc("阳泉人才政策"))).await;
    assert!(html.contains("没有找到与“阳泉人才政策”完全一致的内容"));
    let (_, json) = t
        .json(&format!("/api/search?q={}", enc("阳泉人才政策")))
        .await;
    assert_eq!(json["fallback"], true);
    assert!(json["total"].as_u64().expect("total") >= 1);
}
