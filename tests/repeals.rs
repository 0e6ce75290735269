//! A document whose text repeals another by number turns the other's validity to 已废止,
//! whichever of the two was ingested first; through the real binary.

mod common;

use std::path::Path;

use common::server::Server;
use common::{enc, rencai, run};

const OLD: &str = "山西省人力资源和社会保障厅关于印发《山西省人才公寓管理办法（试行）》的通知

晋人社发〔2017〕5号

各市人力资源和社会保障局，省直各有关单位：

现将《山西省人才公寓管理办法（试行）》印发给你们，请结合实际认真贯彻执行。

第一条 为吸引和留住高层次人才，规范人才公寓的建设、分配和管理，制定本办法。

第二条 人才公寓面向在本省全职工作的博士研究生和高级职称人才配租，租期最长三年。

第三条 入住人员按月缴纳租金，租金标准为同地段市场租金的百分之三十。

本办法自印发之日起施行。

山西省人力资源和社会保障厅

2017年3月1日
";

const NEW: &str = "山西省人力资源和社会保障厅关于印发《山西省人才公寓管理办法》的通知

晋人社发〔2023〕12号

各市人力资源和社会保障局：

为进一步优化人才安居服务，经研究，现将修订后的《山西省人才公寓管理办法》印发你们。

一、保障对象扩大到全职引进的硕士研究生、技能大师和乡村振兴急需紧缺人才。

二、各市可采取配租、购房补贴、租赁补贴等方式，多渠道解决人才住房问题。

三、建立人才住房信息平台，实行线上申请、审核和轮候。

本办法自2024年1月1日起施行。《山西省人才公寓管理办法（试行）》（晋人社发〔2017〕5号）同时废止。

山西省人力资源和社会保障厅

2023年12月1日
";

/// A later revision bearing the repealed document's title (without 试行): the repeal, which
/// predates it, does not reach it.
const LATER: &str = "山西省人力资源和社会保障厅关于印发《山西省人才公寓管理办法》的通知

晋人社发〔2025〕7号

各市人力资源和社会保障局：

现将再次修订的《山西省人才公寓管理办法》印发你们，请认真贯彻执行。

一、人才公寓租期延长至五年，期满经考核可续租一次。

二、在本省全职工作的博士研究生可申请免租入住。

本办法自2025年3月1日起施行。

山西省人力资源和社会保障厅

2025年2月10日
";

fn api(server: &Server, path: &str) -> serde_json::Value {
    let (status, body) = server.get(path).expect("answer");
    assert_eq!(status, 200, "{path}: {body}");
    serde_json::from_str(&body).expect("json")
}

fn archive_in_order(dir: &Path, files: [(&str, &str); 3]) -> Server {
    let data = dir.join("data");
    for (name, text) in files {
        let file = dir.join(name);
        std::fs::write(&file, text).expect("write");
        let (code, said) = run(rencai(["ingest", "--data"]).arg(&data).arg(&file));
        assert_eq!(code, 0, "{said}");
    }
    Server::start(&data)
}

#[test]
fn a_repeal_by_number_turns_the_repealed_document_void_in_either_order() {
    for order in [
        [("old.txt", OLD), ("new.txt", NEW), ("later.txt", LATER)],
        [("later.txt", LATER), ("new.txt", NEW), ("old.txt", OLD)],
    ] {
        let work = tempfile::tempdir().expect("temp dir");
        let server = archive_in_order(work.path(), order);
        let id_of = |number: &str| {
            let found = api(&server, &format!("/api/search?q={}", enc(number)));
            let hits = found["hits"].as_array().expect("hits").clone();
            hits.iter()
                .map(|h| h["id"].as_str().expect("id").to_string())
                .find(|id| {
                    api(&server, &format!("/api/articles/{id}"))["doc_numbers"]
                        .as_array()
                        .is_some_and(|n| n.iter().any(|x| x == number))
                })
                .expect("the document with this number")
        };
        let (old, new) = (id_of("晋人社发〔2017〕5号"), id_of("晋人社发〔2023〕12号"));
        assert_ne!(old, new, "two documents, not merged");
        for typed in [
            "晋人社发〔2017〕5号",
            "晋人社发[2017]5号",
            "晋人社发20175号",
        ] {
            let found = api(&server, &format!("/api/search?q={}", enc(typed)));
            assert_eq!(
                found["hits"][0]["id"],
                old.as_str(),
                "{typed}: the numbered document first, before the one citing it"
            );
        }
        let o = api(&server, &format!("/api/articles/{old}"));
        assert_eq!(o["validity"], "已废止", "{order:?}: {o}");
        assert_eq!(o["repealed_by"][0]["id"], new.as_str());
        assert_eq!(
            o["lifecycle"]["repealed"], "2024-01-01",
            "from the day the repealing document takes effect"
        );
        let n = api(&server, &format!("/api/articles/{new}"));
        assert_eq!(n["validity"], "现行有效", "{n}");
        assert_eq!(n["repeals"][0]["doc_number"], "晋人社发〔2017〕5号");
        assert_eq!(
            n["repeals"][0]["id"],
            old.as_str(),
            "what it repeals, resolved"
        );
        let (_, page) = server.get(&format!("/articles/{new}")).expect("page");
        assert!(
            page.contains(&format!("href=\"/articles/{old}\"")),
            "links to what it repeals"
        );
        let later = id_of("晋人社发〔2025〕7号");
        let l = api(&server, &format!("/api/articles/{later}"));
        assert_eq!(
            l["validity"], "现行有效",
            "a later revision stays in force: {l}"
        );
        assert_eq!(l["repealed_by"], serde_json::json!([]));
        for (validity, ids) in [("已废止", vec![&old]), ("现行有效", vec![&new, &later])] {
            let found = api(&server, &format!("/api/search?validity={}", enc(validity)));
            let mut got: Vec<&str> = found["hits"]
                .as_array()
                .expect("hits")
                .iter()
                .map(|h| h["id"].as_str().expect("id"))
                .collect();
            got.sort();
            let mut want: Vec<&str> = ids.iter().map(|i| i.as_str()).collect();
            want.sort();
            assert_eq!(got, want, "{validity}: {found}");
            let (status, rows) = server
                .get(&format!("/export.jsonl?validity={}", enc(validity)))
                .expect("export");
            assert_eq!(status, 200);
            let rows: Vec<serde_json::Value> = rows
                .lines()
                .map(|l| serde_json::from_str(l).expect("json line"))
                .collect();
            assert_eq!(rows.len(), ids.len(), "{validity}: {rows:?}");
            assert_eq!(
                rows[0]["validity"], validity,
                "the row says what was filtered"
            );
        }
        let all = api(&server, "/api/search");
        let counts: Vec<(String, u64)> = all["facets"]["validity"]
            .as_array()
            .expect("validity facet")
            .iter()
            .map(|c| {
                (
                    c["value"].as_str().expect("value").into(),
                    c["count"].as_u64().expect("count"),
                )
            })
            .collect();
        assert!(counts.contains(&("已废止".into(), 1)), "{counts:?}");
        assert!(counts.contains(&("现行有效".into(), 2)), "{counts:?}");
        let (_, page) = server
            .get(&format!("/search?q={}", enc("人才公寓")))
            .expect("search page");
        assert!(
            page.contains(&format!("validity={}", enc("现行有效"))),
            "现行有效 is one click on the search page"
        );
        let odd = api(&server, &format!("/api/search?validity={}", enc("有效")));
        assert_eq!(odd["total"], 3, "an unknown validity is ignored: {odd}");
        assert!(
            odd["notices"][0]
                .as_str()
                .is_some_and(|n| n.contains("有效")),
            "{odd}"
        );
        assert_eq!(n["kind"], "通知");
        assert_eq!(n["carries"], "办法");
        assert_eq!(
            n["issuers"],
            serde_json::json!(["山西省人力资源和社会保障厅"])
        );
    }
}
