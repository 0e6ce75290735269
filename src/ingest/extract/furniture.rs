//! Page furniture: breadcrumbs, share bars, copyright notices, banners.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{char_len, cjk_count, list};

/// Furniture recognisable in a line of any length.
static FURNITURE_ANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)版权声明|版權聲明|本文仅代表作者|本文僅代表作者|不代表本(?:站|网|網)(?:立场|立場|观点|觀點)",
        r"|未经.{0,12}(?:许可|授权|同意).{0,12}不得(?:转载|复制|使用)|转载请注明|轉載請註明",
        r"|copyright|©|all rights reserved|ICP[备證证]|公网安备|公網安備|网站标识码|網站標識碼",
        r"|留言与评论|关闭窗口|關閉窗口|[\[【]\s*(?:打印|关闭|關閉|字体|字體|返回|收藏|我要纠错)|本站所有文章",
        r"|(?:浏览|瀏覽|阅读|閱讀|点击|點擊)(?:次数|次數|量|数|數)\s*[:：]?\s*\d|x-oss-process",
        r"|webmaster|reproduced non-original|responsible for its authenticity",
        r"|免责声明|免責聲明|^声明[:：]|^聲明[:：]|不构成(?:实质性)?投资建议|据此操作(?:，)?风险自担",
        r"|^(?:(?:您|你)(?:现在|現在|目前)?(?:所在)?的|当前|當前|所在)位置\s*[:：]",
        r"|^(?:上一篇|下一篇|上一条|下一条|上一條|下一條)\s*[:：]|^技术支持[:：]|^技術支持[:：]",
    ))
    .expect("valid regex")
});

/// Starts of short furniture lines: breadcrumbs, share bars, related links, footers.
const SHORT_STARTS: &str = "当前位置|當前位置|您的位置|你的位置|所在位置\
    |您现在的位置|您現在的位置|分享到|分享至\
    |一键分享|一鍵分享|更多分享|扫一扫|掃一掃\
    |扫描二维码|打开微信|打開微信|相关稿件|相關稿件\
    |相关链接|相關鏈接|相关新闻|相關新聞|相关阅读\
    |相關閱讀|相关文章|相關文章|推荐阅读|推薦閱讀\
    |热点推荐|上一篇|下一篇|返回|关于我们|關於我們\
    |联系我们|聯繫我們|网站地图|網站地圖|主办单位\
    |主辦單位|承办单位|承辦單位|技术支持|技術支持\
    |网站标识码|網站標識碼|打印本页|关闭本页\
    |收藏本页|字号|字號|发表评论|發表評論|我要评论\
    |网友评论|验证码|驗證碼|手机扫码|手機掃碼\
    |用手机扫描|责任编辑|責任編輯";

/// Fragments that mark a short line as furniture wherever they appear in it.
const SHORT_CONTAINS: &str = "扫一扫|掃一掃|分享至朋友圈|分享到|验证码|驗證碼\
    |条评论|條評論|返回首页|返回頂部|返回顶部\
    |返回列表|打印本页|关闭窗口|手机看|二维码|>>|》》\
    |点击查看|点击看|点击进入|点击这里|相关资讯|點擊查看";

/// Whole lines that are share-widget buttons or page controls.
const WIDGETS: &str = "微信|微博|新浪微博|腾讯微博|騰訊微博|QQ|QQ好友\
    |QQ空间|QQ空間|腾讯朋友|騰訊朋友|百度贴吧|百度貼吧\
    |豆瓣网|豆瓣網|豆瓣|邮件分享|郵件分享|有道云笔记\
    |有道雲筆記|人人网|人人網|花瓣|开心网|開心網\
    |朋友圈|微信朋友圈|分享|打印|关闭|關閉|收藏|顶部\
    |纠错|糾錯|点赞|評論|评论|更多|大|中|小|大中小\
    |字体|字體|X|×|Facebook|Twitter|LinkedIn|复制链接\
    |複製鏈接|链接|鏈接|置顶|Top|TOP|图集|圖集|视频|視頻\
    |图片|圖片|手机版|手機版|我要纠错|延伸推荐|延伸阅读\
    |延伸閱讀";

/// Lines that open the page's closing furniture; what follows is not the article.
const END_STARTS: &str = "版权声明|版權聲明|分享到|一键分享|相关稿件\
    |相關稿件|相关链接|相關鏈接|相关新闻|相關新聞\
    |相关阅读|相關閱讀|相关文章|相關文章|推荐阅读\
    |推薦閱讀|留言与评论|发表评论|發表評論|网友评论\
    |上一篇|下一篇|[字体|【字体|[打印|【打印|[关闭\
    |【关闭|责任编辑|責任編輯|为你推荐|為你推薦\
    |猜你喜欢|猜你喜歡|热门推荐|熱門推薦|精彩推荐\
    |精彩推薦|相关推荐|相關推薦|热门文章|热点新闻\
    |更多新闻|延伸阅读|延伸閱讀";

/// Whether a line is page furniture rather than article text.
pub(crate) fn is_furniture(line: &str) -> bool {
    let core = line.trim_matches(|c: char| {
        c.is_whitespace() || "[]【】()（）<>《》|｜:：·•-—_*#\"'“”".contains(c)
    });
    if core.is_empty()
        || core
            .chars()
            .all(|c| !c.is_alphanumeric() || c.is_ascii_digit())
    {
        return true;
    }
    let squeezed: String = core
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '·')
        .collect();
    if list(WIDGETS).any(|w| w == squeezed) || FURNITURE_ANY.is_match(line) {
        return true;
    }
    let len = char_len(line);
    if len <= 40 && list(SHORT_STARTS).any(|p| core.starts_with(p)) {
        return true;
    }
    if len <= 40 && list(SHORT_CONTAINS).any(|p| line.contains(p)) {
        return true;
    }
    if is_about_site(core) || is_site_banner(core) || is_nav_line(core) {
        return true;
    }
    // Lines of share buttons: every word is a widget label.
    let words: Vec<&str> = core
        .split([' ', '|', '｜', '/'])
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2 && words.iter().all(|w| list(WIDGETS).any(|x| x == *w))
}

/// A navigation bar: "首页 | 政务公开 | 新闻中心", or five or more short words.
fn is_nav_line(core: &str) -> bool {
    let short = |w: &&str| {
        char_len(w) <= 8
            && !w
                .chars()
                .any(|c| c.is_ascii_digit() || "。，；".contains(c))
    };
    let barred: Vec<&str> = core
        .split(['|', '｜', '丨'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    let spaced: Vec<&str> = core.split_whitespace().collect();
    (barred.len() >= 3 && barred.iter().all(short))
        || (spaced.len() >= 5 && spaced.iter().all(|w| short(w) && char_len(w) <= 4))
}

/// "关于山西大院新闻网": the heading of a site's about-us block.
fn is_about_site(core: &str) -> bool {
    ["关于", "關於"].iter().any(|p| {
        core.strip_prefix(p)
            .is_some_and(|rest| char_len(rest) <= 16 && is_site_name(rest))
    })
}

/// Whether a line opens the closing furniture of a page.
pub(crate) fn is_end_marker(line: &str) -> bool {
    let core = line.trim_start_matches(|c: char| c.is_whitespace() || "(（".contains(c));
    if FURNITURE_ANY.is_match(line) && (line.contains("版权") || line.contains("版權")) {
        return true;
    }
    (char_len(line) <= 40 && list(END_STARTS).any(|p| core.starts_with(p)))
        || is_about_site(core.trim())
}

/// One segment of a banner that names a website.
fn is_site_name(s: &str) -> bool {
    const SUFFIXES: &str = "网|網|网站|網站|官网|官網|门户|門戶|在线|在線\
        |客户端";
    let ascii_domain = s.contains('.') && s.is_ascii() && !s.contains(' ');
    ascii_domain || list(SUFFIXES).any(|x| s.ends_with(x))
}

/// A site banner such as "大院网-山西大院资讯网": every segment names a website.
pub(crate) fn is_site_banner(line: &str) -> bool {
    const STRONG: &str = "网站|網站|官网|官網|门户|門戶|新闻网|新聞網\
        |资讯网|資訊網|信息网|信息網|政府网|政府網|在线\
        |在線|客户端";
    if char_len(line) > 40 {
        return false;
    }
    let segments: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || "-_|｜—–·".contains(c))
        .filter(|s| !s.is_empty())
        .collect();
    match segments.as_slice() {
        [] => false,
        [one] => list(STRONG).any(|x| one.ends_with(x)) || one.contains("www."),
        many => many.iter().all(|s| is_site_name(s)),
    }
}

/// Segments of a breadcrumb trail ("当前位置: 首页 >>新闻 >>山西新闻") worth keeping as hints.
pub(crate) fn breadcrumb_hints(line: &str) -> Vec<String> {
    const GENERIC: &str = "首页|首頁|新闻|新聞|正文|详情|詳情|当前位置\
        |您的位置|你的位置|所在位置|您现在的位置|主页\
        |网站首页|返回首页";
    if !(line.contains('>') || line.contains('》') || line.contains('→') || line.contains('›'))
    {
        return Vec::new();
    }
    line.split(['>', '》', '→', '›', '/', '»'])
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || ":：".contains(c)))
        .map(|s| s.rsplit([':', '：']).next().unwrap_or(s).trim())
        .filter(|s| !s.is_empty() && cjk_count(s) >= 2 && !list(GENERIC).any(|g| g == *s))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture() {
        for line in [
            "当前位置: 首页 >>新闻 >>山西新闻",
            "0",
            "分享到:",
            "QQ空间",
            "更多分享 X",
            "使用“扫一扫”即可将网页分享至朋友圈。",
            "[字体:  ]  [关闭窗口]    [打印]",
            "Copyright ©山西大院新闻网",
            "关于山西大院新闻网",
            "验证码:",
            "返回阳泉日报新闻｜返回首页",
            "本文仅代表作者观点,不代表本站立场。",
            "您所在的位置：首页 > 快讯 > 公司",
            "QQ好友 QQ空间 新浪微博",
            "首页 | 政务公开 | 新闻中心 | 互动交流",
            "上一篇：关于做好2023年度高层次人才引进工作的通知（晋人社厅发〔2023〕12号）",
            "延伸 · 推荐",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        for line in [
            "通过电话回访、微信互动等方式，让他们了解家乡发展变化。",
            "一把手 抓 第一资源",
            "厚植人才沃土 赋能高质量发展",
            "位置：迎泽大街100号",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
        assert!(is_site_banner("大院网-山西大院资讯网"));
        assert!(!is_site_banner("推进工业互联网"));
    }

    #[test]
    fn breadcrumbs() {
        assert_eq!(
            breadcrumb_hints("当前位置: 首页 >>新闻 >>山西新闻"),
            vec!["山西新闻".to_string()]
        );
    }
}
