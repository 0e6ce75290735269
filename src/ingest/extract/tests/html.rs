//! HTML fixtures: a government page with furniture and a page without meta tags.

use super::*;

const GOV_HTML: &str = r##"<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>太原市发布人才新政二十条_部门动态_太原市人民政府门户网站</title>
<meta name="ArticleTitle" content="太原市发布人才新政二十条">
<meta name="PubDate" content="2023-07-12 10:05">
<meta name="ContentSource" content="太原市人才工作领导小组办公室">
<meta name="keywords" content="人才,新政,太原">
<meta name="ColumnName" content="部门动态">
<link rel="canonical" href="http://www.taiyuan.gov.cn/doc/2023/07/12/1.shtml">
<script>var _hmt = _hmt || []; document.write("<p>广告</p>");</script>
<style>.content p { text-indent: 2em }</style>
</head><body onload="init()">
<header class="site-header"><div class="logo">太原市人民政府</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li></ul></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 部门动态</div>
<div class="article">
  <h1>太原市发布人才新政二十条</h1>
  <div class="info">发布时间：2023-07-12 10:05　来源：太原市人才工作领导小组办公室　<a href="javascript:window.print()">【打印】</a></div>
  <div class="share-box"><a href="#" onclick="share('weixin')">微信</a><a href="#">微博</a> 分享到：</div>
  <div id="zoom" class="TRS_Editor">
    <p>　　7月11日，太原市召开新闻发布会，正式发布《太原市支持人才发展若干措施》（以下简称“人才新政二十条”）。</p>
    <p>　　新政围绕人才引进、培养、使用、激励等环节，提出二十条具体措施，对顶尖人才给予最高500万元购房补贴。</p>
    <p style="text-align:center"><img src="/images/2023/fbh.jpg" onerror="alert(1)"></p>
    <p style="text-align:center">发布会现场</p>
    <h3>一、加大引才力度</h3>
    <p>　　对全职引进的博士研究生，三年内每月发放生活补贴3000元，<a href="javascript:void(0)" onclick="alert('x')">详情点击</a>。</p>
    <figure><img src="/images/2023/talent.png"><figcaption>人才公寓外景（李明 摄）</figcaption></figure>
    <p>　　市人社局有关负责人表示，新政自发布之日起施行。</p>
    <iframe src="https://video.example.com/player"></iframe>
    <script>trackView();</script>
  </div>
  <div class="editor">责任编辑：赵丽</div>
  <div class="related"><h4>相关链接</h4><ul><li><a href="/a">山西省人才政策汇编</a></li><li><a href="/b">太原市人才公寓管理办法</a></li></ul></div>
</div>
<aside class="sidebar"><h3>热点推荐</h3><p>太原市召开经济工作会议，部署明年重点任务，强调稳中求进。</p></aside>
<footer><p>主办：太原市人民政府办公室 版权所有 晋ICP备05005183号</p></footer>
</body></html>"##;

#[test]
fn government_html() {
    assert_eq!(detect_format("a.html", GOV_HTML), Format::Html);
    assert_eq!(detect_format("page", GOV_HTML), Format::Html);
    let e = one("page.html", GOV_HTML);
    assert_eq!(e.title, "太原市发布人才新政二十条");
    assert_eq!(when(e.published), "2023-07-12 10:05:00");
    assert_eq!(e.source.as_deref(), Some("太原市人才工作领导小组办公室"));
    assert_eq!(e.author.as_deref(), Some("赵丽"));
    assert_eq!(
        e.original_url.as_deref(),
        Some("http://www.taiyuan.gov.cn/doc/2023/07/12/1.shtml")
    );
    assert_eq!(e.cited, vec!["太原市支持人才发展若干措施".to_string()]);
    for h in ["人才", "太原", "部门动态", "政务公开"] {
        assert!(e.hints.iter().any(|x| x == h), "hint {h} in {:?}", e.hints);
    }
    assert_eq!(
        e.paragraphs,
        vec![
            Paragraph::Text("7月11日，太原市召开新闻发布会，正式发布《太原市支持人才发展若干措施》（以下简称“人才新政二十条”）。".into()),
            Paragraph::Text("新政围绕人才引进、培养、使用、激励等环节，提出二十条具体措施，对顶尖人才给予最高500万元购房补贴。".into()),
            Paragraph::Caption("发布会现场".into()),
            Paragraph::Heading("一、加大引才力度".into()),
            Paragraph::Text("对全职引进的博士研究生，三年内每月发放生活补贴3000元，详情点击。".into()),
            Paragraph::Caption("人才公寓外景（李明 摄）".into()),
            Paragraph::Text("市人社局有关负责人表示，新政自发布之日起施行。".into()),
        ]
    );
    let debug = format!("{e:?}").to_lowercase();
    for bad in [
        "script",
        "javascript",
        "onclick",
        "onerror",
        "alert",
        "iframe",
        "<",
        "_hmt",
        "trackview",
        "热点推荐",
        "首页",
        "版权",
    ] {
        assert!(!debug.contains(bad), "{bad} survived");
    }
}

const PLAIN_HTML: &str = r#"<html><head><title>临汾市：人才公寓首批入住 - 临汾新闻网</title></head>
<body><div id="top"><a href="/">临汾新闻网</a> | <a href="/news">新闻</a> | <a href="/zt">专题</a></div>
<div class="wrap"><div class="l"><h2>临汾市：人才公寓首批入住</h2>
<div class="src">2024年01月05日 16:20 临汾日报</div>
<div class="box"><p>1月5日，临汾市首批人才公寓正式交付，32名引进人才领到钥匙。</p>
<p>公寓位于市区核心地段，配套完善，拎包即可入住，租金实行减免。</p>
<p>下一步，临汾将继续完善人才服务体系，让人才留得住、干得好。（张磊）</p></div></div>
<div class="r"><ul><li><a href="/1">临汾召开春耕生产推进会</a></li><li><a href="/2">临汾文旅项目集中签约</a></li></ul></div></div>
<div class="bottom">Copyright © 2024 临汾新闻网 All Rights Reserved</div></body></html>"#;

#[test]
fn html_without_meta() {
    let e = one("lf.htm", PLAIN_HTML);
    assert_eq!(e.title, "临汾市：人才公寓首批入住");
    assert_eq!(when(e.published), "2024-01-05 16:20:00");
    assert_eq!(e.author.as_deref(), Some("张磊"));
    assert_eq!(e.paragraphs.len(), 3);
    assert!(texts(&e)[2].ends_with("让人才留得住、干得好。"));
    assert_clean("plain html", &e);
}
