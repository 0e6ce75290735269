//! Ingest fidelity: every seed and fixture becomes one clean, dated, correctly placed article.
//! Expected values are what a careful reader of each source writes down.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::TestArchive;
use rencai::article::{Article, Paragraph};

struct Expect {
    file: &'static str,
    title: &'static str,
    date: Option<&'static str>,
    time: Option<&'static str>,
    region: (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    ),
    source: Option<&'static str>,
    author: Option<&'static str>,
    url: Option<&'static str>,
    cites: &'static [&'static str],
    caption: bool,
}

fn expectations() -> Vec<Expect> {
    vec![
        Expect {
            file: "sample/000_3d269265e2e65e9d.txt",
            title: "打造创新人才高地 引领高质量发展",
            date: Some("2022-03-08"),
            time: Some("11:30:53"),
            region: (Some("山西省"), Some("阳泉市"), None),
            source: Some("阳泉日报"),
            author: Some("薄红贞"),
            url: Some(
                "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202203082300736255",
            ),
            cites: &[
                "阳泉市人才激励二十条(试行)",
                "关于支持山西智创城NO.7创新发展的十条措施",
            ],
            caption: false,
        },
        Expect {
            file: "sample/001_23f8d249a03d504e.txt",
            title: "厚植人才沃土 赋能高质量发展",
            date: Some("2023-02-06"),
            time: Some("10:22:13"),
            region: (Some("山西省"), Some("运城市"), None),
            source: None,
            author: Some("杨红义、杨琳"),
            url: Some("http://www.shanxidayuan.com/gsyl/yuncheng/6635.html"),
            cites: &["运城市高层次人才购房基金使用管理暂行办法"],
            caption: false,
        },
        Expect {
            file: "sample/002_d0cbc1f224cb5676.txt",
            title: "呼和浩特:“引育用留”打造人才創新高地",
            date: Some("2023-05-30"),
            time: Some("11:13:11"),
            region: (Some("内蒙古自治区"), Some("呼和浩特市"), None),
            source: Some("呼和浩特市科技局"),
            author: Some("劉佳"),
            url: None,
            cites: &[],
            caption: false,
        },
        Expect {
            file: "sample/003_fce8a01556af8c65.txt",
            title: "阳泉市科技创新推进大会提出要打造一流创新生态重塑竞争新优势",
            date: Some("2020-05-14"),
            time: Some("17:08:17"),
            region: (Some("山西省"), Some("阳泉市"), None),
            source: Some("阳泉市科技局"),
            author: None,
            url: None,
            cites: &[],
            caption: false,
        },
        Expect {
            file: "sample/004_b9d7cf7391a497ef.txt",
            title: "“向‘新’而行”山西省开发区多措并举 打造吸引人才“磁场高地”",
            date: Some("2024-03-28"),
            time: Some("09:34:36"),
            region: (Some("山西省"), None, None),
            source: Some("山西经济日报"),
            author: Some("刘强"),
            url: None,
            cites: &["岢岚县招才引智奖励激励政策"],
            caption: true,
        },
        Expect {
            file: "fixtures/gbk_jinjiang.txt",
            title: "福建晋江：爱拼才会赢",
            date: Some("2022-06-08"),
            time: Some("19:15:03"),
            region: (Some("福建省"), Some("泉州市"), Some("晋江市")),
            source: Some("央视网"),
            author: Some("王颖"),
            url: None,
            cites: &["走进县城看发展"],
            caption: false,
        },
        Expect {
            file: "fixtures/big5_pudong.txt",
            title: "浦東：打造自主創新發展的時代標杆",
            date: Some("2021-08-15"),
            time: None,
            region: (Some("上海市"), Some("上海市"), Some("浦东新区")),
            source: Some("央視新聞"),
            author: None,
            url: None,
            cites: &[],
            caption: false,
        },
        Expect {
            file: "fixtures/gov_nansha.html",
            title: "高质量推动广州南沙开发开放",
            date: Some("2022-06-24"),
            time: Some("19:35:00"),
            region: (Some("广东省"), Some("广州市"), Some("南沙区")),
            source: Some("央视网"),
            author: None,
            url: None,
            cites: &["广州南沙深化面向世界的粤港澳全面合作总体方案"],
            caption: true,
        },
        Expect {
            file: "fixtures/pudong_biomed.md",
            title: "上海市浦东新区促进张江生物医药产业创新高地建设规定",
            date: Some("2024-12-31"),
            time: None,
            region: (Some("上海市"), Some("上海市"), Some("浦东新区")),
            source: Some("上海市人民代表大会常务委员会"),
            author: None,
            url: None,
            cites: &[],
            caption: false,
        },
        Expect {
            file: "fixtures/jinan_regulation.md",
            title: "济南市大气污染防治条例",
            date: Some("2016-11-26"),
            time: None,
            region: (Some("山东省"), Some("济南市"), None),
            source: None,
            author: None,
            url: None,
            cites: &["中华人民共和国大气污染防治法"],
            caption: false,
        },
        Expect {
            file: "fixtures/wo_shi_notice.txt",
            title: "关于开展2023年度高层次人才认定工作的通知",
            date: Some("2023-04-12"),
            time: Some("09:20:00"),
            region: (Some("山西省"), Some("晋城市"), None),
            source: Some("晋城市人力资源和社会保障局"),
            author: Some("李明"),
            url: None,
            cites: &["关于加快推进新时代人才强市建设的若干措施"],
            caption: false,
        },
        Expect {
            file: "fixtures/xwlb_sample.jsonl",
            title: "创新驱动 上海浦东发展新“引擎”",
            date: Some("2020-04-19"),
            time: Some("19:13:03"),
            region: (Some("上海市"), Some("上海市"), Some("浦东新区")),
            source: Some("央视网"),
            author: None,
            url: Some("https://tv.cctv.com/2020/04/19/VIDEgwTRq5eUzEhPohHGzJ2o200419.shtml"),
            cites: &[],
            caption: false,
        },
        Expect {
            file: "fixtures/xwlb_sample.jsonl",
            title: "广州南沙获批国家级新区",
            date: Some("2012-10-10"),
            time: Some("19:21:43"),
            region: (Some("广东省"), Some("广州市"), Some("南沙区")),
            source: Some("CNTV"),
            author: None,
            url: Some("https://tv.cctv.com/2012/10/10/VIDE1355098163702237.shtml"),
            cites: &["广州南沙新区发展规划"],
            caption: false,
        },
    ]
}

/// Furniture that must not survive in any paragraph.
const FURNITURE: &[&str] = &[
    "分享到",
    "版权",
    "Copyright",
    "验证码",
    "关闭窗口",
    "打印",
    "返回",
    ".png",
    "当前位置",
    "相关稿件",
    "浏览次数",
    "瀏覽次數",
    "发布日期",
    "發布日期",
    "來源：",
    "来源:",
    "来源：",
    "责任编辑",
    "首页",
    "QQ空间",
    "扫一扫",
    "无障碍",
    "ICP",
    "javascript",
    "<script",
    "onclick",
    "(chuàng)",
    "(fā)",
    "字体",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

async fn corpus() -> TestArchive {
    let t = TestArchive::empty().await;
    let report = t
        .archive
        .ingest_paths(&[root().join("sample"), root().join("tests/fixtures")])
        .await
        .expect("ingest");
    assert_eq!(report.ingested, 14, "{report:?}");
    assert_eq!(report.duplicates, 1, "the repost is recognised: {report:?}");
    t
}

async fn all_articles(t: &TestArchive) -> Vec<(Article, Vec<String>)> {
    let (articles, _) = t
        .archive
        .store
        .articles_after(0, 1000)
        .await
        .expect("articles");
    let mut out = Vec::new();
    for a in articles {
        let files = t.archive.store.file_names(&a.id).await.expect("files");
        out.push((a, files));
    }
    out
}

#[tokio::test]
async fn every_source_becomes_one_clean_article_with_the_right_fields() {
    let t = corpus().await;
    let articles = all_articles(&t).await;
    for e in expectations() {
        let found: Vec<&(Article, Vec<String>)> = articles
            .iter()
            .filter(|(a, files)| a.title == e.title && files.iter().any(|f| f == e.file))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "{}: one article titled {:?}",
            e.file,
            e.title
        );
        let a = &found[0].0;
        let ctx = e.file;
        assert_eq!(
            a.date.map(|d| d.to_string()).as_deref(),
            e.date,
            "{ctx} date"
        );
        assert_eq!(
            a.time.map(|t| t.format("%H:%M:%S").to_string()).as_deref(),
            e.time,
            "{ctx} time"
        );
        let region = (
            a.province.as_deref(),
            a.city.as_deref(),
            a.county.as_deref(),
        );
        assert_eq!(region, e.region, "{ctx} region");
        assert_eq!(a.source.as_deref(), e.source, "{ctx} source");
        assert_eq!(a.author.as_deref(), e.author, "{ctx} author");
        assert_eq!(a.original_url.as_deref(), e.url, "{ctx} original url");
        for c in e.cites {
            assert!(
                a.cited.iter().any(|x| x == c),
                "{ctx} cites {c}: {:?}",
                a.cited
            );
        }
        let captions = a
            .paragraphs
            .iter()
            .filter(|p| matches!(p, Paragraph::Caption(_)))
            .count();
        assert_eq!(captions > 0, e.caption, "{ctx} captions");
        assert!(a.paragraphs.len() >= 2, "{ctx} paragraphs");
        for p in &a.paragraphs {
            for f in FURNITURE {
                assert!(
                    !p.text().contains(f),
                    "{ctx}: furniture {f:?} in {:?}",
                    p.text()
                );
            }
        }
        assert!(!a.title.contains("[视频]"));
    }
    // The broken JSON line was rejected, not stored half-read.
    assert!(!articles.iter().any(|(a, _)| a.title.contains("半截记录")));
}

#[tokio::test]
async fn a_repost_is_stored_once_with_both_files() {
    let t = corpus().await;
    let articles = all_articles(&t).await;
    let (a, files) = articles
        .iter()
        .find(|(a, _)| a.title.starts_with("阳泉市科技创新推进大会"))
        .expect("article");
    assert_eq!(
        files,
        &[
            "sample/003_fce8a01556af8c65.txt",
            "fixtures/repost_yangquan.txt"
        ]
    );
    // The earlier publication is kept: the original's date, not the repost's.
    assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2020-05-14"));
    let (_, json) = t.json(&format!("/api/articles/{}", a.id)).await;
    assert_eq!(json["ingested_from"].as_array().expect("files").len(), 2);
}

#[tokio::test]
async fn a_repost_ingested_first_gives_the_same_permalink() {
    let forward = corpus().await;
    let id_forward = all_articles(&forward)
        .await
        .into_iter()
        .find(|(a, _)| a.title.starts_with("阳泉市科技"))
        .expect("a")
        .0
        .id;
    let t = TestArchive::empty().await;
    for path in [
        "tests/fixtures/repost_yangquan.txt",
        "sample/003_fce8a01556af8c65.txt",
    ] {
        t.archive
            .ingest_paths(&[root().join(path)])
            .await
            .expect("ingest");
    }
    let articles = all_articles(&t).await;
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].0.id, id_forward);
    assert_eq!(
        articles[0].0.date.map(|d| d.to_string()).as_deref(),
        Some("2020-05-14")
    );
    // The repost's first permalink still leads to the article.
    let old = all_ids_ever(&t).await;
    assert_eq!(
        old.len(),
        2,
        "the repost had its own permalink first: {old:?}"
    );
    for id in old.iter().filter(|id| **id != id_forward) {
        let (status, _, _) = t.get(&format!("/articles/{id}")).await;
        assert_eq!(status, 308, "old permalink {id} redirects");
    }
}

async fn all_ids_ever(t: &TestArchive) -> Vec<String> {
    let mut ids = Vec::new();
    for c in t
        .archive
        .store
        .changes_after(0, 1000)
        .await
        .expect("changes")
    {
        if !ids.contains(&c.article_id) {
            ids.push(c.article_id);
        }
    }
    ids
}

#[tokio::test]
async fn a_corrected_version_replaces_the_text_and_keeps_the_permalink() {
    let dir = tempfile::tempdir().expect("dir");
    let page = dir.path().join("notice.txt");
    let original =
        std::fs::read_to_string(root().join("tests/fixtures/wo_shi_notice.txt")).expect("fixture");
    std::fs::write(&page, &original).expect("write");
    let t = TestArchive::empty().await;
    t.archive
        .ingest_paths(std::slice::from_ref(&page))
        .await
        .expect("ingest");
    let before = all_articles(&t).await;
    let corrected = original.replace("2023年5月31日", "2023年6月30日");
    std::fs::write(&page, corrected).expect("write");
    let report = t.archive.ingest_paths(&[page]).await.expect("ingest");
    assert_eq!((report.ingested, report.updated), (0, 1), "{report:?}");
    let after = all_articles(&t).await;
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].0.id, before[0].0.id);
    assert!(after[0].0.body_text().contains("2023年6月30日"));
    assert!(!after[0].0.body_text().contains("2023年5月31日"));
}

#[test]
fn the_command_line_rejects_bad_files_by_name_and_ingests_the_rest() {
    let data = tempfile::tempdir().expect("dir");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rencai"))
            .arg("ingest")
            .arg("--data")
            .arg(data.path())
            .args(args)
            .current_dir(root())
            .output()
            .expect("run rencai")
    };
    let out = run(&["sample", "tests/fixtures"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, reason) in [
        ("fixtures/empty.txt", "empty"),
        ("fixtures/binary.png", "binary"),
        ("fixtures/furniture_only.txt", "no article text"),
        ("fixtures/xwlb_sample.jsonl", "line 3"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(reason)),
            "no rejection line for {file} ({reason}) in:\n{stderr}"
        );
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("14 ingested") && stdout.contains("1 duplicates"),
        "{stdout}"
    );
    let again = run(&["sample"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stdout).contains("5 unchanged"));
    let json = run(&["--json", "tests/fixtures/gov_nansha.html"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json report");
    assert_eq!(report["unchanged_files"], 1);
    let usage = Command::new(env!("CARGO_BIN_EXE_rencai"))
        .arg("ingest")
        .output()
        .expect("run");
    assert_eq!(usage.status.code(), Some(2));
}
