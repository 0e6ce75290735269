//! Labelled metadata ("来源：", "发布时间：", "编辑：").

use std::sync::LazyLock;

use regex::Regex;

use super::Published;
use super::clean::{char_len, cjk_count};
use super::dates::find_date;

/// What a metadata label says about the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// The publisher: 来源, 文章来源, 转载自…
    Source,
    /// The body that posted the page: 发布机构, 发布人…
    Publisher,
    /// An unambiguous publication date label: 发布时间, 发布日期…
    Date,
    /// A bare 时间 / 日期, trusted only above the body.
    LooseDate,
    /// The writer: 记者, 作者…
    Writer,
    /// An editor: 编辑, 责任编辑, 选稿人员…
    Editor,
    /// The article's own address: 本文地址, 原文链接…
    Url,
    /// Tags, categories and columns: hints for placing the article.
    Hint,
    /// Counters, font switches, index numbers and other labels with nothing to keep.
    Ignore,
}

/// Labels, longest first where one is a suffix of another.
const LABELS: &[(&str, Label)] = &[
    (
        "本文来源|本文來源|文章来源|文章來源|信息来源|信息來源|資訊來源|新闻来源|新聞來源|稿件来源|稿件來源|来源|來源|稿源|转载自|轉載自|出处|出處",
        Label::Source,
    ),
    (
        "发布机构|發布機構|發佈機構|发布单位|發布單位|發佈單位|发布人|發布人|發佈人|发布者|發布者",
        Label::Publisher,
    ),
    (
        "发布时间|發布時間|發佈時間|发布日期|發布日期|發佈日期|发表时间|發表時間|发表日期|發表日期|发文日期|發文日期|成文日期|刊发时间|上传时间",
        Label::Date,
    ),
    ("时间|時間|日期", Label::LooseDate),
    (
        "记者|記者|作者|撰稿|撰文|采写|採寫|执笔|執筆|通讯员|通訊員",
        Label::Writer,
    ),
    (
        "视频编辑|視頻編輯|文字编辑|文字編輯|图片编辑|圖片編輯|美术编辑|美術編輯|责任编辑|責任編輯|责编|責編|网络编辑|網絡編輯|编辑|編輯|选稿人员|選稿人員|选稿|選稿",
        Label::Editor,
    ),
    (
        "本文地址|本文链接|本文鏈接|原文链接|原文鏈接|原文連結|原文地址|原文网址|原文網址|文章地址",
        Label::Url,
    ),
    (
        "浏览次数|瀏覽次數|浏览量|瀏覽量|阅读量|閱讀量|阅读次数|閱讀次數|点击数|點擊數|点击量|點擊量|点击率|访问量|訪問量|字号|字號|字体|字體|索引号|索引號|发文字号|發文字號|文号|文號|主题分类|主題分類|公开方式|公開方式|审核|審核|校对|校對|更新时间|更新時間|摄影|攝影|图片|圖片",
        Label::Ignore,
    ),
    (
        "标签|標簽|关键词|關鍵詞|主题词|分类|分類|栏目|欄目|频道|頻道",
        Label::Hint,
    ),
];

/// A label preceded by the line start, a separator or a digit, followed by a colon.
static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    let all: Vec<&str> = LABELS.iter().map(|(l, _)| *l).collect();
    Regex::new(&format!(
        r"(?:^|[\s\d|｜丨/\\【】\[\]（）()·•，,;；])(?P<l>{})\s*[:：]",
        all.join("|")
    ))
    .expect("valid regex")
});

/// Any label followed by a colon: once a line has opened with a label, the next may follow a value directly.
static LABEL_ANY: LazyLock<Regex> = LazyLock::new(|| {
    let all: Vec<&str> = LABELS.iter().map(|(l, _)| *l).collect();
    Regex::new(&format!(r"(?P<l>{})\s*[:：]", all.join("|"))).expect("valid regex")
});

/// Where a value ends: a separator bar or a run of two or more spaces.
static VALUE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[|｜丨]|\s{2,}|\u{3000}").expect("valid regex"));

/// Sentence punctuation: a line holding it is prose, not metadata.
pub(crate) static SENTENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[。，；！？]").expect("valid regex"));

/// An absolute http(s) address.
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"'（）()，。]+"#).expect("valid regex"));

/// One labelled value found in a metadata line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pair {
    /// What the label means.
    pub label: Label,
    /// The cleaned value (may be empty, as in "发布机构: 发布日期: …").
    pub value: String,
    /// A date found in the value.
    pub date: Option<Published>,
}

/// Parse a line made only of labelled values; None when it reads as prose.
pub(crate) fn parse_meta_line(line: &str) -> Option<Vec<Pair>> {
    if char_len(line) > 160 {
        return None;
    }
    let first = LABEL_RE.captures(line)?;
    let (start, end) = (first.name("l")?.start(), first.get(0)?.end());
    let mut matches = vec![(start, end, label_of(first.name("l")?.as_str()))];
    let rest = line.get(end..)?;
    matches.extend(LABEL_ANY.captures_iter(rest).filter_map(|c| {
        let l = c.name("l")?;
        Some((end + l.start(), end + c.get(0)?.end(), label_of(l.as_str())))
    }));
    let prefix = line.get(..start).unwrap_or_default();
    // A date may open the line: "2019-09-26 12:11来源：证券时报网".
    let prefix = match find_date(prefix) {
        Some((_, r)) => format!("{}{}", prefix.get(..r.start)?, prefix.get(r.end..)?),
        None => prefix.to_string(),
    };
    let prefix = prefix.trim_matches(|c: char| c.is_whitespace() || "|｜丨【[（(".contains(c));
    if char_len(prefix) > 12 || SENTENCE.is_match(prefix) {
        return None;
    }
    let mut pairs = Vec::new();
    for (i, &(_, value_start, label)) in matches.iter().enumerate() {
        let value_end = matches.get(i + 1).map_or(line.len(), |m| m.0);
        let raw = line.get(value_start..value_end).unwrap_or_default();
        pairs.push(parse_value(label, raw)?);
    }
    Some(pairs)
}

/// Parse a label's value, or None when it is too long or prose-like to be metadata.
fn parse_value(label: Label, raw: &str) -> Option<Pair> {
    let raw = raw.trim();
    if matches!(label, Label::Date | Label::LooseDate) {
        if raw.is_empty() || raw.chars().all(|c| "|｜丨)）]】".contains(c)) {
            return Some(Pair {
                label,
                value: String::new(),
                date: None,
            });
        }
        let (date, range) = find_date(raw)?;
        let rest = format!("{}{}", raw.get(..range.start)?, raw.get(range.end..)?);
        let rest = VALUE_END.split(&rest).next().unwrap_or_default();
        if cjk_count(rest) > 2 || (label == Label::LooseDate && cjk_count(rest) > 0) {
            return None;
        }
        return Some(Pair {
            label,
            value: String::new(),
            date: Some(date),
        });
    }
    if label == Label::Url {
        let url = URL
            .find(raw)
            .map(|m| m.as_str().to_string())
            .unwrap_or_default();
        return Some(Pair {
            label,
            value: url,
            date: None,
        });
    }
    let value = VALUE_END.split(raw).next().unwrap_or_default();
    let value = match find_date(value) {
        Some((_, r)) => value.get(..r.start).unwrap_or(value),
        None => value,
    };
    let value = trim_junk(value);
    if label != Label::Ignore && (char_len(&value) > 40 || SENTENCE.is_match(&value)) {
        return None;
    }
    Some(Pair {
        label,
        value,
        date: None,
    })
}

/// Which group a label belongs to.
fn label_of(text: &str) -> Label {
    LABELS
        .iter()
        .find(|(alts, _)| alts.split('|').any(|a| a == text))
        .map_or(Label::Ignore, |(_, l)| *l)
}

/// Strip separators, brackets and stray punctuation from both ends.
pub(crate) fn trim_junk(s: &str) -> String {
    s.trim_matches(|c: char| {
        c.is_whitespace() || "|｜丨/\\:：,，。;；、()（）[]【】<>《》「」\"'“”‘’-—_·•*#".contains(c)
    })
    .to_string()
}

/// The first absolute URL in `s`.
pub(crate) fn find_url(s: &str) -> Option<String> {
    URL.find(s).map(|m| m.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_lines() {
        let pairs =
            parse_meta_line("编辑:刘强 来源:人民日报客户端山西频道 发布时间:2024-03-28 09:34:36")
                .expect("meta");
        assert_eq!(pairs[0].value, "刘强");
        assert_eq!(pairs[1].value, "人民日报客户端山西频道");
        assert!(pairs[2].date.is_some());
        let pairs = parse_meta_line("发布机构: 发布日期: 2020-05-14 17:08:17").expect("meta");
        assert_eq!(
            (pairs[0].label, pairs[0].value.as_str()),
            (Label::Publisher, "")
        );
        assert!(parse_meta_line("资金来源：市财政拨款，用于人才引进。").is_none());
        assert!(parse_meta_line("时间：2023年5月1日至5月3日").is_none());
        assert!(parse_meta_line("呼和浩特:“引育用留”打造人才创新高地").is_none());
        let pairs = parse_meta_line("本文来源：证券市场红周刊责任编辑：杨倩_NF4425").expect("meta");
        assert_eq!(
            (pairs[0].value.as_str(), pairs[1].label),
            ("证券市场红周刊", Label::Editor)
        );
        let pairs = parse_meta_line("2019-09-26 12:11来源：证券时报网作者：李在山").expect("meta");
        assert_eq!(
            (pairs[0].value.as_str(), pairs[1].value.as_str()),
            ("证券时报网", "李在山")
        );
    }
}
