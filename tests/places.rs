//! Places that share a name, through the real binary: a bare county name matches every
//! division of that name, told apart by its parent; a full path or a division code picks one.

mod common;

use common::server::Server;
use common::{enc, rencai, run};

/// Two notices from the two districts named 南山区 (深圳市, code 440305; 鹤岗市, code 230404).
const NOTICES: [(&str, &str); 2] = [
    (
        "shenzhen.txt",
        "深圳市南山区发布高层次人才安家补贴办法\n\n\
         2024-03-05  来源：深圳市南山区人力资源局\n\n\
         深圳市南山区人才工作领导小组办公室日前印发通知，对在深圳市南山区全职工作的博士给予安家补贴。\n\n\
         深圳市南山区将为符合条件的人才提供人才公寓，租金按市场价格的一半收取。\n",
    ),
    (
        "hegang.txt",
        "鹤岗市南山区出台人才引进若干措施\n\n\
         2024-04-10  来源：鹤岗市南山区人民政府\n\n\
         鹤岗市南山区人民政府办公室印发通知，对到鹤岗市南山区工作的高校毕业生给予生活补贴。\n\n\
         鹤岗市南山区将设立人才发展专项资金，用于人才引进和培养。\n",
    ),
];

fn total(server: &Server, query: &str) -> (u64, serde_json::Value) {
    let (status, body) = server.get(&format!("/api/search?{query}")).expect("answer");
    assert_eq!(status, 200, "{query}: {body}");
    let json: serde_json::Value = serde_json::from_str(&body).expect("json");
    (json["total"].as_u64().expect("total"), json)
}

#[test]
fn an_ambiguous_county_name_matches_every_division_of_that_name() {
    let work = tempfile::tempdir().expect("temp dir");
    let (files, data) = (work.path().join("notices"), work.path().join("data"));
    std::fs::create_dir_all(&files).expect("mkdir");
    for (name, text) in NOTICES {
        std::fs::write(files.join(name), text).expect("write");
    }
    let (code, said) = run(rencai(["ingest", "--data"]).arg(&data).arg(&files));
    assert_eq!(code, 0, "{said}");
    let server = Server::start(&data);

    let (both, json) = total(&server, &format!("county={}", enc("南山区")));
    assert_eq!(both, 2, "{json}");
    let places: Vec<(String, u64)> = json["facets"]["places"]
        .as_array()
        .expect("places facet")
        .iter()
        .map(|p| {
            (
                format!(
                    "{} {}",
                    p["city"].as_str().unwrap_or_default(),
                    p["county"].as_str().unwrap_or_default()
                ),
                p["count"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("鹤岗市 南山区".to_string(), 1),
            ("深圳市 南山区".to_string(), 1)
        ],
        "each place with its parent and count, in code order"
    );

    let (one, json) = total(
        &server,
        &format!("city={}&county={}", enc("深圳市"), enc("南山区")),
    );
    assert_eq!(one, 1, "a full path picks one: {json}");
    assert_eq!(json["hits"][0]["city"], "深圳市");
    let (one, json) = total(&server, "county=230404");
    assert_eq!(one, 1, "a division code picks one: {json}");
    assert_eq!(json["hits"][0]["city"], "鹤岗市");

    let (status, page) = server
        .get(&format!("/search?county={}", enc("南山区")))
        .expect("page");
    assert_eq!(status, 200);
    assert!(page.contains("同名地区"), "the page lists the places");
    assert!(page.contains("南山区 · 深圳市") && page.contains("南山区 · 鹤岗市"));

    let (status, page) = server
        .get(&format!("/regions/{}", enc("南山区")))
        .expect("region page");
    assert_eq!(
        status, 200,
        "a bare name shared by two districts has one page"
    );
    assert!(
        page.contains("南山区 · 深圳市 或 南山区 · 鹤岗市")
            || page.contains("南山区 · 鹤岗市 或 南山区 · 深圳市")
    );
}
