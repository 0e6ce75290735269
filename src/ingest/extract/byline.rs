//! Bylines and attributions: person names, organisations, "(记者 杨红义 杨 琳)".

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{char_len, cjk_count, list};
use super::fields::{Label, SENTENCE, parse_meta_line, trim_junk};

/// "本文来自澎湃新闻，…": a publisher named in a closing note.
static FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:本文|本稿|文章|稿件)?(?:来自|來自|来源于|來源於|转自|轉自|转载自|轉載自)[:：]?\s*([^，,。；;]{2,30})")
        .expect("valid regex")
});

/// Words that name a role, not a person.
const ROLE_WORDS: &str = "记者|記者|本报记者|本報記者|通讯员|通訊員|实习生\
    |實習生|作者|编辑|編輯|责任编辑|責任編輯|网络编辑\
    |摄影|攝影|摄|文|图|图文|本报|本報|报道|報道\
    |见习记者|特约记者|新华社记者|新華社記者|撰稿\
    |整理|整合|综合|綜合|编译|編譯|报道|采写|採寫|执笔\
    |執筆|供稿|图片|視頻|视频|校对|校對|审核|審核|责编\
    |責編|监制|監製|统筹|統籌|制作|製作|主编|主編";

/// Short bracketed words that are not bylines.
const NOT_NAMES: &str = "试行|試行|暂行|暫行|草案|修订|修訂|节选|節選|摘编\
    |摘編|有删节|有刪節|待续|待續|上|中|下|续|續|图|圖\
    |视频|視頻|附件|原标题";

/// Endings of organisation names.
const ORG_SUFFIXES: &str = "局|委|办|辦|厅|廳|部|院|会|會|中心|日报|日報|晚报\
    |晚報|报|報|网|網|社|台|政府|室|站|所|处|處|科|集团\
    |公司|协会|大学|学校|频道|頻道|客户端|新闻|新聞\
    |传媒|融媒|联播|聯播|节目|節目|栏目|欄目|团|署|司|馆|館|园|園|区|區|市|县|縣|省|镇\
    |鎮|街道";

/// Person names in a byline such as "记者 杨红义 杨 琳", joined with "、".
pub(crate) fn person_names(s: &str) -> Option<String> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || "、，,;；/|".contains(c))
        .map(|t| t.split('_').next().unwrap_or(t))
        .map(|t| t.trim_matches(|c: char| ":：()（）".contains(c)))
        .filter(|t| !t.is_empty())
        .collect();
    let mut names: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for t in tokens {
        let t = strip_role(t);
        if t.is_empty() {
            continue;
        }
        // Two-character names are often padded to three: "杨 琳" is one name.
        match pending.take() {
            Some(p) if char_len(t) == 1 => names.push(format!("{p}{t}")),
            Some(p) => {
                names.push(p);
                pending = (char_len(t) == 1).then(|| t.to_string());
                if pending.is_none() {
                    names.push(t.to_string());
                }
            }
            None if char_len(t) == 1 => pending = Some(t.to_string()),
            None => names.push(t.to_string()),
        }
    }
    names.extend(pending);
    let plausible = |n: &String| {
        let len = char_len(n);
        if is_org(n)
            && ["网", "網", "报", "報", "社", "局", "委", "厅", "廳", "台"]
                .iter()
                .any(|x| n.ends_with(x))
        {
            return false;
        }
        let han = cjk_count(n) == len && (2..=4).contains(&len);
        let latin =
            n.chars().all(|c| c.is_ascii_alphabetic() || c == '.') && (2..=30).contains(&len);
        han || latin
    };
    (!names.is_empty() && names.iter().all(plausible)).then(|| names.join("、"))
}

/// Remove a leading role ("记者张三", "南都记者张三" → "张三"); role-only tokens ("新华社记者") become empty.
fn strip_role(t: &str) -> &str {
    if list(ROLE_WORDS).any(|r| r == t) {
        return "";
    }
    for role in [
        "记者",
        "記者",
        "通讯员",
        "通訊員",
        "实习生",
        "實習生",
        "编辑",
        "編輯",
    ] {
        if let Some((_, rest)) = t.rsplit_once(role) {
            return rest;
        }
    }
    t
}

/// Whether `s` reads as the name of an organisation or publication.
pub(crate) fn is_org(s: &str) -> bool {
    let len = char_len(s);
    (3..=30).contains(&len)
        && cjk_count(s) * 2 >= len
        && !SENTENCE.is_match(s)
        && list(ORG_SUFFIXES).any(|suf| s.ends_with(suf))
}

/// A byline or attribution in brackets, such as "(记者 杨红义 杨 琳)" or "（文章来源：阳泉日报）".
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Attribution {
    /// A publisher.
    Source(String),
    /// One or more writers.
    Author(String),
    /// One or more editors.
    Editor(String),
    /// A closing mark such as "(完)".
    End,
}

/// Read the inside of a bracketed attribution.
pub(crate) fn attribution(inner: &str) -> Option<Attribution> {
    let inner = inner.trim();
    if matches!(inner, "完" | "全文完" | "结束" | "end" | "END") {
        return Some(Attribution::End);
    }
    if let Some(pairs) = parse_meta_line(inner) {
        let (mut writers, mut editors) = (Vec::new(), Vec::new());
        for p in pairs {
            match p.label {
                Label::Source | Label::Publisher if !p.value.is_empty() => {
                    return Some(Attribution::Source(p.value));
                }
                Label::Writer => writers.extend(person_names(&p.value)),
                Label::Editor => editors.extend(person_names(&p.value)),
                _ => {}
            }
        }
        return match (writers.is_empty(), editors.is_empty()) {
            (false, _) => Some(Attribution::Author(writers.join("、"))),
            (true, false) => Some(Attribution::Editor(editors.join("、"))),
            (true, true) => None,
        };
    }
    if list(NOT_NAMES).any(|n| n == inner) {
        return None;
    }
    if let Some(c) = FROM.captures(inner) {
        let source = trim_junk(c.get(1).map_or("", |m| m.as_str()));
        return (!source.is_empty()).then_some(Attribution::Source(source));
    }
    let has_role = list(ROLE_WORDS).any(|r| inner.starts_with(r));
    if !has_role && is_org(inner) {
        return Some(Attribution::Source(inner.to_string()));
    }
    let editor = ["编辑", "編輯", "责任编辑", "責任編輯", "责编", "責編"]
        .iter()
        .any(|r| inner.starts_with(r));
    person_names(inner).map(if editor {
        Attribution::Editor
    } else {
        Attribution::Author
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            person_names("记者 杨红义 杨 琳").as_deref(),
            Some("杨红义、杨琳")
        );
        assert_eq!(
            person_names("南都记者 余毅菁 向雪妮").as_deref(),
            Some("余毅菁、向雪妮")
        );
        assert_eq!(person_names("新京报"), None);
        assert_eq!(
            attribution("扬子晚报记者 张楠"),
            Some(Attribution::Author("张楠".into()))
        );
        assert_eq!(
            attribution("编辑 刘晓阳 校对 李铭"),
            Some(Attribution::Editor("刘晓阳、李铭".into()))
        );
        assert_eq!(person_names("实习生王金茹对此文亦有贡献"), None);
        assert_eq!(
            attribution("薄红贞"),
            Some(Attribution::Author("薄红贞".into()))
        );
        assert_eq!(
            attribution("阳泉市科技局"),
            Some(Attribution::Source("阳泉市科技局".into()))
        );
        assert_eq!(
            attribution("文章来源：阳泉日报"),
            Some(Attribution::Source("阳泉日报".into()))
        );
        assert_eq!(attribution("含"), None);
        assert_eq!(attribution("试行"), None);
        assert_eq!(
            attribution("本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP"),
            Some(Attribution::Source("澎湃新闻".into()))
        );
        assert_eq!(person_names("杨倩_NF4425").as_deref(), Some("杨倩"));
        assert_eq!(
            attribution("视频编辑：林楠 文字编辑：见红蕊"),
            Some(Attribution::Editor("林楠、见红蕊".into()))
        );
    }
}
