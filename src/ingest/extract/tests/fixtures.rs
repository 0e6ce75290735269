//! Small realistic fixtures for each format and failure.

use super::*;

/// Decode bytes and extract the single article they hold.
fn from_bytes(name: &str, bytes: &[u8]) -> Extracted {
    let (text, _) = crate::ingest::decode::decode(bytes).expect("decodes");
    one(name, &text)
}

const GBK_TEXT: &str = "当前位置：首页 > 政务公开 > 部门动态\n\n\
晋城市出台高层次人才引进十条措施\n\
来源：晋城日报　发布时间：2021年06月18日 09:30　浏览次数：128\n\n\
近日，晋城市印发《晋城市高层次人才引进十条措施》，从安家补贴、科研经费、子女入学等方面加大支持力度。\n\
对新引进的博士研究生，给予每人20万元安家补贴，并提供人才公寓。\n\
（记者 王芳）\n\
【打印本页】【关闭窗口】\n";

#[test]
fn gbk_text() {
    let (bytes, _, bad) = encoding_rs::GBK.encode(GBK_TEXT);
    assert!(!bad);
    let e = from_bytes("page.txt", &bytes);
    assert_eq!(e.title, "晋城市出台高层次人才引进十条措施");
    assert_eq!(when(e.published), "2021-06-18 09:30:00");
    assert_eq!(e.source.as_deref(), Some("晋城日报"));
    assert_eq!(e.author.as_deref(), Some("王芳"));
    assert_eq!(e.cited, vec!["晋城市高层次人才引进十条措施".to_string()]);
    assert_eq!(
        e.hints,
        vec!["政务公开".to_string(), "部门动态".to_string()]
    );
    assert_eq!(e.paragraphs.len(), 2);
    assert_clean("gbk", &e);
}

#[test]
fn dated_headline_is_not_a_dateline() {
    let text = "2023年5月30日全市人才工作会议召开\n2023-05-30 10:00 来源：晋中日报\n\n会议总结了去年全市人才工作，部署了今年的重点任务，要求各级各部门狠抓落实。\n";
    let e = one("jz.txt", text);
    assert_eq!(e.title, "2023年5月30日全市人才工作会议召开");
    assert_eq!(when(e.published), "2023-05-30 10:00:00");
    assert_eq!(e.source.as_deref(), Some("晋中日报"));
    assert_eq!(e.paragraphs.len(), 1);
}

#[test]
fn undecodable_bytes() {
    let mut bytes = b"title ".to_vec();
    bytes.extend(std::iter::repeat_n(0xFFu8, 64));
    assert!(matches!(
        crate::ingest::decode::decode(&bytes),
        Err(crate::ingest::decode::DecodeError::Undecodable(_))
    ));
}

#[test]
fn big5_text() {
    let text = "臺南市推動青年創業補助計畫\n發佈日期：2022/11/03　資料來源：臺南市政府青年事務處\n\n\
為鼓勵青年返鄉創業，臺南市政府推出創業補助計畫，每案最高補助新臺幣五十萬元。\n\
申請人須設籍本市滿一年，並於計畫期間內完成公司或商業登記。\n";
    let (bytes, _, bad) = encoding_rs::BIG5.encode(text);
    assert!(!bad);
    let e = from_bytes("tainan.txt", &bytes);
    assert_eq!(e.title, "臺南市推動青年創業補助計畫");
    assert_eq!(when(e.published), "2022-11-03");
    assert_eq!(e.paragraphs.len(), 2);
    assert!(texts(&e)[0].starts_with("為鼓勵青年返鄉創業"));
}

#[test]
fn utf8_bom_crlf() {
    let text = "\u{FEFF}关于开展2023年度人才项目申报工作的通知\r\n\r\n发布日期：2023-03-01\r\n\r\n各有关单位：\r\n为做好2023年度人才项目申报工作，现将有关事项通知如下。\r\n一、申报对象为在本市工作的各类人才。\r\n(市人社局)\r\n";
    let e = from_bytes("notice.txt", text.as_bytes());
    assert_eq!(e.title, "关于开展2023年度人才项目申报工作的通知");
    assert_eq!(when(e.published), "2023-03-01");
    assert_eq!(e.source.as_deref(), Some("市人社局"));
    assert_eq!(
        texts(&e),
        vec![
            "各有关单位：",
            "为做好2023年度人才项目申报工作，现将有关事项通知如下。",
            "一、申报对象为在本市工作的各类人才。"
        ]
    );
}

#[test]
fn markdown_with_front_matter() {
    let md = "---\ntitle: \"长治市出台《高校毕业生留长就业创业十条》\"\ndate: 2022-06-01T09:00:00+08:00\nsource: 长治日报\ntags:\n  - 长治\n  - 高校毕业生\n---\n\n# 长治市出台《高校毕业生留长就业创业十条》\n\n为吸引高校毕业生**留长就业创业**，长治市近日出台[十条措施](http://example.com/a)，\n从住房、就业、创业三方面给予支持。\n\n## 一、住房保障\n\n- 对新就业的本科毕业生，每月发放租房补贴500元。\n- 对硕士研究生，每月发放租房补贴800元。\n\n![公寓](http://example.com/a.jpg)\n\n> 政策自2022年7月1日起施行。\n";
    assert_eq!(detect_format("post.md", md), Format::Markdown);
    assert_eq!(detect_format("post.txt", md), Format::Markdown);
    let e = one("post.md", md);
    assert_eq!(e.title, "长治市出台《高校毕业生留长就业创业十条》");
    assert_eq!(when(e.published), "2022-06-01 09:00:00");
    assert_eq!(e.source.as_deref(), Some("长治日报"));
    assert_eq!(e.hints, vec!["长治".to_string(), "高校毕业生".to_string()]);
    assert_eq!(e.cited, vec!["高校毕业生留长就业创业十条".to_string()]);
    assert_eq!(
        e.paragraphs,
        vec![
            Paragraph::Text("为吸引高校毕业生留长就业创业，长治市近日出台十条措施，从住房、就业、创业三方面给予支持。".into()),
            Paragraph::Heading("一、住房保障".into()),
            Paragraph::Text("对新就业的本科毕业生，每月发放租房补贴500元。".into()),
            Paragraph::Text("对硕士研究生，每月发放租房补贴800元。".into()),
            Paragraph::Text("政策自2022年7月1日起施行。".into()),
        ]
    );
}

#[test]
fn markdown_regulation() {
    let md = "# 上海市人才流动条例\n\n2000年12月27日 上海市第十一届人民代表大会常务委员会第二十四次会议通过\n\n2020年3月26日 上海市第十五届人民代表大会常务委员会第二十次会议修正\n\n<!-- INFO END -->\n\n## 第一章  总则\n\n第一条 为了促进人才合理流动，根据《中华人民共和国劳动法》等法律，结合本市实际，制定本条例。\n\n第二条 本条例适用于本市行政区域内的人才流动。\n";
    assert_eq!(detect_format("上海市人才流动条例.md", md), Format::Markdown);
    let e = one("上海市人才流动条例.md", md);
    assert_eq!(e.title, "上海市人才流动条例");
    // The text as amended dates from its last amendment.
    assert_eq!(when(e.published), "2020-03-26");
    assert_eq!(e.paragraphs[2], Paragraph::Heading("第一章 总则".into()));
    assert_eq!(e.cited, vec!["中华人民共和国劳动法".to_string()]);
    assert!(!texts(&e).iter().any(|t| t.contains("INFO")));
    let no_date = "# 上海市专利保护条例\n\n<!-- INFO END -->\n\n## 第一章　总则\n\n第一条 为了保护发明创造专利权，保障专利权人的合法权益，制定本条例。\n";
    assert_eq!(one("x.md", no_date).published, None);
}

#[test]
fn json_lines() {
    let lines = [
        r#"{"title": "[视频]【视频】青海出台人才引进办法", "pub_date": "2021-09-01 19:30:00", "source": "央视网", "url": "https://tv.cctv.com/2021/09/01/VIDE1.shtml", "tags": "青海,人才", "brief": "", "content": "<p>　　央视网消息（新闻联播）：青海近日出台《青海省高层次人才引进办法》，对引进人才给予安家补助。</P>\r\n<p>办法明确了人才认定标准和支持措施。</p>"}"#,
        r#"{"title": "broken", "content": "#,
        "",
        r#"[1, 2, 3]"#,
        r#"{"title": "宁夏发布人才政策", "date": "2022年3月5日", "author": "马兰", "body": "宁夏回族自治区近日发布新一轮人才政策，\n重点支持青年科技人才在宁创新创业。"}"#,
        r#"{"title": "空记录", "content": "<p>更多</p>"}"#,
    ];
    let text = lines.join("\n");
    assert_eq!(detect_format("feed.txt", &text), Format::JsonLines);
    let out = extract("feed.jsonl", &text);
    assert_eq!(out.len(), 5);
    let first = out[0].as_ref().expect("line 1");
    assert_eq!(first.title, "青海出台人才引进办法");
    assert_eq!(first.record, 1);
    assert_eq!(when(first.published), "2021-09-01 19:30:00");
    assert_eq!(first.source.as_deref(), Some("央视网"));
    assert_eq!(
        first.original_url.as_deref(),
        Some("https://tv.cctv.com/2021/09/01/VIDE1.shtml")
    );
    assert_eq!(first.hints, vec!["青海".to_string(), "人才".to_string()]);
    assert_eq!(first.cited, vec!["青海省高层次人才引进办法".to_string()]);
    assert_eq!(first.paragraphs.len(), 2);
    assert!(matches!(
        out[1],
        Err(ExtractError::BadRecord { line: 2, .. })
    ));
    assert!(matches!(
        out[2],
        Err(ExtractError::BadRecord { line: 4, .. })
    ));
    let fifth = out[3].as_ref().expect("line 5");
    assert_eq!((fifth.record, fifth.author.as_deref()), (5, Some("马兰")));
    assert_eq!(when(fifth.published), "2022-03-05");
    assert_eq!(fifth.paragraphs.len(), 2);
    assert!(matches!(
        out[4],
        Err(ExtractError::BadRecord { line: 6, .. })
    ));
}

#[test]
fn empty_binary_and_furniture_only() {
    assert_eq!(extract("a.txt", ""), vec![Err(ExtractError::Empty)]);
    assert_eq!(extract("a.txt", " \n\n "), vec![Err(ExtractError::Empty)]);
    assert_eq!(
        extract("a.txt", "PNG\0\0IHDR"),
        vec![Err(ExtractError::Binary)]
    );
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\0\0\0\x01\x08\x06\0\0\0";
    assert_eq!(
        crate::ingest::decode::decode(png),
        Err(crate::ingest::decode::DecodeError::Binary)
    );
    let furniture = "当前位置：首页 > 新闻中心\n分享到：\n微信\nQQ空间\n新浪微博\n【打印本页】【关闭窗口】\n版权所有：某某市人民政府 Copyright © 2023\n浏览次数：1024\n";
    assert_eq!(extract("f.txt", furniture), vec![Err(ExtractError::NoText)]);
    assert_eq!(
        extract(
            "f.html",
            "<html><body><nav>首页 新闻</nav><footer>版权所有</footer></body></html>"
        ),
        vec![Err(ExtractError::NoText)]
    );
    assert_eq!(
        extract("s.txt", "人才政策\n简短一句。"),
        vec![Err(ExtractError::NoText)]
    );
}

#[test]
fn hostile_input_does_not_panic() {
    let deep = "<div>".repeat(5000) + "人才" + &"</div>".repeat(5000);
    let _ = extract("d.html", &deep);
    for s in [
        "《",
        "》《",
        "(chuàng",
        "发布时间：",
        "---\n",
        "---\n---\n",
        "# ",
        "{",
        "{\"title\":1}",
        "2023年13月45日",
        "\u{FEFF}",
        "（）",
        "<!--",
        "<p>",
    ] {
        let _ = extract("x.txt", s);
        let _ = extract("x.html", s);
        let _ = extract("x.md", s);
        let _ = extract("x.jsonl", s);
    }
}

#[test]
fn a_standalone_byline_gives_the_author_and_leaves_the_text() {
    let html = "<html><head><title>臺中推青年人才培育計畫 | 某某新聞網</title></head><body><article><h1>臺中推青年人才培育計畫</h1><p>記者王小明／臺中報導</p><p>為深入實施人才強市戰略，臺中市政府近日發布青年人才培育計畫，針對博士後研究人員提供研究津貼。</p><p>市府表示，計畫將與在地大學合作，預計三年內培育五百名高階人才。</p></article></body></html>";
    let e = one("taichung.html", html);
    assert_eq!(e.author.as_deref(), Some("王小明"));
    assert!(texts(&e).iter().all(|t| !t.contains("記者")));
    let text = "人才公寓正式启用\n\n记者 张三 李四\n\n近日，我市首批人才公寓正式启用，共提供房源三百套，面向各类引进人才。\n\n入住人才可享受租金减免等优惠政策。\n";
    let e = one("news.txt", text);
    assert_eq!(e.author.as_deref(), Some("张三、李四"));
}
