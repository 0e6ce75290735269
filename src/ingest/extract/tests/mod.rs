//! Tests over the real seeds and small fixtures.

mod fixtures;
mod html;

use super::*;

/// The five seeds, as they sit in `sample/`.
const SEEDS: [(&str, &str); 5] = [
    (
        "000_3d269265e2e65e9d.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample/000_3d269265e2e65e9d.txt"
        )),
    ),
    (
        "001_23f8d249a03d504e.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample/001_23f8d249a03d504e.txt"
        )),
    ),
    (
        "002_d0cbc1f224cb5676.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample/002_d0cbc1f224cb5676.txt"
        )),
    ),
    (
        "003_fce8a01556af8c65.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample/003_fce8a01556af8c65.txt"
        )),
    ),
    (
        "004_b9d7cf7391a497ef.txt",
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/sample/004_b9d7cf7391a497ef.txt"
        )),
    ),
];

/// Strings that must not survive in any paragraph.
const FURNITURE: &[&str] = &[
    "分享",
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
    "来源:",
    "来源：",
    "來源:",
    "x-oss",
    "本文地址",
];

/// Expected fields of one seed.
struct Want {
    format: Format,
    title: &'static str,
    published: &'static str,
    source: Option<&'static str>,
    author: Option<&'static str>,
    url: Option<&'static str>,
    cited: &'static [&'static str],
    hints: &'static [&'static str],
    first: &'static str,
    last_ends: &'static str,
    caption: Option<&'static str>,
}

fn one(name: &str, text: &str) -> Extracted {
    let mut all = extract(name, text);
    assert_eq!(all.len(), 1, "{name}");
    match all.pop() {
        Some(Ok(e)) => e,
        other => panic!("{name}: {other:?}"),
    }
}

fn texts(e: &Extracted) -> Vec<&str> {
    e.paragraphs
        .iter()
        .map(|p| match p {
            Paragraph::Text(t) | Paragraph::Caption(t) | Paragraph::Heading(t) => t.as_str(),
        })
        .collect()
}

fn when(p: Option<Published>) -> String {
    match p {
        Some(Published {
            date,
            time: Some(t),
        }) => format!("{date} {t}"),
        Some(Published { date, time: None }) => date.to_string(),
        None => "none".to_string(),
    }
}

fn assert_clean(name: &str, e: &Extracted) {
    for t in texts(e) {
        for f in FURNITURE {
            assert!(!t.contains(f), "{name}: furniture {f:?} in {t:?}");
        }
        assert!(t.trim() == t && !t.is_empty(), "{name}: untrimmed {t:?}");
        assert!(t != "0", "{name}: lone number");
    }
}

#[test]
fn seeds() {
    let wants = [
        Want {
            format: Format::FrontMatterHtml,
            title: "打造创新人才高地 引领高质量发展",
            published: "2022-03-08 11:30:53",
            source: Some("阳泉日报"),
            author: Some("薄红贞"),
            url: Some(
                "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202203082300736255",
            ),
            cited: &[
                "阳泉市人才激励二十条(试行)",
                "阳泉市科技人才激励试行办法",
                "关于支持山西智创城NO.7创新发展的十条措施",
            ],
            hints: &["阳泉日报新闻", "yangquanribao"],
            first: "前段时间，市科技局接连组织召开了两场座谈会",
            last_ends: "“人人皆可成才、人人尽展其才”的良好创新氛围。",
            caption: None,
        },
        Want {
            format: Format::Text,
            title: "厚植人才沃土 赋能高质量发展",
            published: "2023-02-06 10:22:13",
            source: None,
            author: Some("杨红义、杨琳"),
            url: Some("http://www.shanxidayuan.com/gsyl/yuncheng/6635.html"),
            cited: &["运城市 十四五 人才智力支撑规划", "运城籍在外优秀人才信息库"],
            hints: &["大院网-山西大院资讯网", "运城"],
            first: "盐湖高新区科技企业孵化器获批成为我市首个国家级综合性孵化器",
            last_ends: "在全方位推动运城高质量发展之路上释放磅礴力量。",
            caption: None,
        },
        Want {
            format: Format::Text,
            title: "呼和浩特:“引育用留”打造人才創新高地",
            published: "2023-05-30 11:13:11",
            source: Some("呼和浩特市科技局"),
            author: Some("劉佳"),
            url: None,
            cited: &[],
            hints: &[],
            first: "黨的二十大報告提出,堅持科技是第一生產力",
            last_ends: "組織開展中級技術經紀人培訓。",
            caption: None,
        },
        Want {
            format: Format::Text,
            title: "阳泉市科技创新推进大会提出要打造一流创新生态重塑竞争新优势",
            published: "2020-05-14 17:08:17",
            source: Some("阳泉市科技局"),
            author: None,
            url: None,
            cited: &[],
            hints: &[],
            first: "4月16日,阳泉市召开科技创新推进大会。",
            last_ends: "崇尚人才的浓厚氛围。",
            caption: None,
        },
        Want {
            format: Format::Text,
            title: "“向‘新’而行”山西省开发区多措并举 打造吸引人才“磁场高地”",
            published: "2024-03-28 09:34:36",
            source: Some("山西经济日报"),
            author: Some("刘强"),
            url: None,
            cited: &["岢岚县招才引智奖励激励政策", "招商优惠政策"],
            hints: &["山西新闻"],
            first: "忻州杂粮产业园区的无人机作业。付秋杰摄",
            last_ends: "激发了企业和人才的创新热情和创造力。",
            caption: Some("忻州杂粮产业园区的无人机作业。付秋杰摄"),
        },
    ];
    for ((name, text), want) in SEEDS.iter().zip(wants) {
        assert_eq!(detect_format(name, text), want.format, "{name}");
        let e = one(name, text);
        assert_eq!(e.title, want.title, "{name}");
        assert_eq!(when(e.published), want.published, "{name}");
        assert_eq!(e.source.as_deref(), want.source, "{name}");
        assert_eq!(e.author.as_deref(), want.author, "{name}");
        assert_eq!(e.original_url.as_deref(), want.url, "{name}");
        assert_eq!(e.record, 0, "{name}");
        for c in want.cited {
            assert!(
                e.cited.iter().any(|x| x == c),
                "{name}: cited {c:?} missing from {:?}",
                e.cited
            );
        }
        let unique: std::collections::HashSet<_> = e.cited.iter().collect();
        assert_eq!(unique.len(), e.cited.len(), "{name}: duplicate citations");
        assert!(
            e.cited
                .iter()
                .all(|c| !c.contains('《') || c.contains('》')),
            "{name}"
        );
        for h in want.hints {
            assert!(
                e.hints.iter().any(|x| x == h),
                "{name}: hint {h:?} missing from {:?}",
                e.hints
            );
        }
        let all = texts(&e);
        assert!(
            all.first().is_some_and(|t| t.starts_with(want.first)),
            "{name}: first {:?}",
            all.first()
        );
        assert!(
            all.last().is_some_and(|t| t.ends_with(want.last_ends)),
            "{name}: last {:?}",
            all.last()
        );
        let captions: Vec<&Paragraph> = e
            .paragraphs
            .iter()
            .filter(|p| matches!(p, Paragraph::Caption(_)))
            .collect();
        match want.caption {
            Some(c) => assert_eq!(captions, vec![&Paragraph::Caption(c.to_string())], "{name}"),
            None => assert!(captions.is_empty(), "{name}: {captions:?}"),
        }
        assert!(
            !all.iter().any(|t| *t == e.title),
            "{name}: title repeated in body"
        );
        assert_clean(name, &e);
    }
}

#[test]
fn seed_details() {
    let e = one(SEEDS[2].0, SEEDS[2].1);
    let joined = texts(&e).join("\n") + &e.title;
    for debris in [
        "(chuàng)",
        "(fā)",
        "(chǎn)",
        "(wù)",
        "(qū)",
        "(yè)",
        "(shù)",
    ] {
        assert!(!joined.contains(debris), "pinyin {debris} left");
    }
    assert!(
        joined.contains("創新鏈、產業鏈"),
        "converted text kept in its script"
    );
    assert_eq!(e.paragraphs.len(), 6);
    let e = one(SEEDS[1].0, SEEDS[1].1);
    assert!(
        texts(&e)
            .iter()
            .any(|t| t.contains("牢固树立 人才是第一资源 的根本理念"))
    );
    assert!(texts(&e).contains(&"一把手 抓 第一资源"));
    assert!(
        !texts(&e)
            .iter()
            .any(|t| t.contains("山西大院") || t.contains("杨红义"))
    );
    let e = one(SEEDS[0].0, SEEDS[0].1);
    assert!(
        !texts(&e)
            .iter()
            .any(|t| t.contains("薄红贞") || t.contains("阳泉日报）"))
    );
    assert!(
        texts(&e)
            .iter()
            .any(|t| t.contains("清研先进制造产业研究院(阳泉)有限公司"))
    );
    assert_eq!(e.paragraphs.len(), 7);
    let e = one(SEEDS[4].0, SEEDS[4].1);
    assert!(texts(&e).contains(&"聚焦招才引智,校区合作引向深入"));
    assert!(
        !texts(&e)
            .iter()
            .any(|t| t.contains("山西经济日报") || t.contains("QQ"))
    );
}
