//! The kind of a document (文种), read from its title; a report about a policy is news.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// A kind of document, as the official libraries name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 条例
    Regulation,
    /// 规定
    Provisions,
    /// 办法
    Measures,
    /// 实施办法
    ImplementingMeasures,
    /// 实施细则
    ImplementingRules,
    /// 意见
    Opinions,
    /// 通知
    Notice,
    /// 决定
    Decision,
    /// 公告
    Announcement,
    /// 通告
    Circular,
    /// 方案
    Scheme,
    /// 计划
    Programme,
    /// 规划
    Planning,
    /// 指南
    Guide,
    /// 解读
    Interpretation,
    /// 问答
    QuestionsAndAnswers,
    /// 新闻
    News,
}

/// Title endings and their kinds, longer endings first (实施办法 before 办法).
const ENDINGS: [(&str, Kind); 14] = [
    ("实施细则", Kind::ImplementingRules),
    ("实施办法", Kind::ImplementingMeasures),
    ("条例", Kind::Regulation),
    ("规定", Kind::Provisions),
    ("办法", Kind::Measures),
    ("意见", Kind::Opinions),
    ("通知", Kind::Notice),
    ("决定", Kind::Decision),
    ("公告", Kind::Announcement),
    ("通告", Kind::Circular),
    ("方案", Kind::Scheme),
    ("计划", Kind::Programme),
    ("规划", Kind::Planning),
    ("指南", Kind::Guide),
];

/// Title words of a page answering questions about a policy.
const QA_WORDS: &str = "问答|答记者问|答问|一问一答|问与答|答疑";

/// What a title may end with after its kind: (试行), (2020修正), 《》 or quotes, a number.
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\s*[（(【\[][^（）()【】\[\]]{0,30}[）)】\]]|\s*[》”\x22'’」』]|\s+)+$")
        .expect("valid regex")
});
/// A notice issuing another document: 关于印发《…办法》的通知.
static ISSUING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:印发|发布|公布|转发|颁布)\s*[《〈<“\x22]?(.+?)[》〉>”\x22]?\s*的\s*通知")
        .expect("valid regex")
});

impl Kind {
    /// The kind's Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Kind::ImplementingRules => "实施细则",
            Kind::ImplementingMeasures => "实施办法",
            Kind::Interpretation => "解读",
            Kind::QuestionsAndAnswers => "问答",
            Kind::News => "新闻",
            kind => ENDINGS
                .iter()
                .find(|(_, k)| *k == kind)
                .map_or("", |(ending, _)| ending),
        }
    }

    /// The kind a Chinese name stands for.
    pub fn from_label(label: &str) -> Option<Kind> {
        [Kind::Interpretation, Kind::QuestionsAndAnswers, Kind::News]
            .into_iter()
            .chain(ENDINGS.iter().map(|(_, k)| *k))
            .find(|k| k.label() == label)
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// The title of the document a notice issues (关于印发《X》的通知 → X), if it is one.
pub fn carried_title(title: &str) -> Option<String> {
    ISSUING
        .captures(title.trim())
        .map(|c| c[1].trim().to_string())
}

/// The kind a title names by its ending, if any.
fn by_ending(title: &str) -> Option<Kind> {
    let bare = TRAILING.replace(title.trim(), "");
    ENDINGS
        .iter()
        .find(|(ending, _)| bare.ends_with(ending))
        .map(|(_, kind)| *kind)
}

/// The kind of a document and, for a notice that issues another, the kind it carries.
/// `reported` says the page reads as a report (a byline, a newspaper or site as publisher):
/// without a kind in its title, such a page is news.
pub fn kind_of(title: &str, reported: bool) -> (Option<Kind>, Option<Kind>) {
    let title = title.trim();
    if title.contains("解读") {
        return (Some(Kind::Interpretation), None);
    }
    if QA_WORDS.split('|').any(|w| title.contains(w)) {
        return (Some(Kind::QuestionsAndAnswers), None);
    }
    if let Some(c) = ISSUING.captures(title) {
        return (Some(Kind::Notice), by_ending(&c[1]));
    }
    match by_ending(title) {
        Some(kind) => (Some(kind), None),
        None if reported => (Some(Kind::News), None),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, kind_of};

    #[test]
    fn titles_name_their_kind() {
        assert_eq!(
            kind_of("上海口岸服务条例", false),
            (Some(Kind::Regulation), None)
        );
        assert_eq!(
            kind_of("济南市高层次人才分类认定实施办法（试行）", false),
            (Some(Kind::ImplementingMeasures), None)
        );
        assert_eq!(
            kind_of(
                "山东省人民政府办公厅关于印发《山东省人才公寓管理办法》的通知",
                false
            ),
            (Some(Kind::Notice), Some(Kind::Measures))
        );
        assert_eq!(
            kind_of("《关于进一步加强人才工作的若干措施》政策解读", false),
            (Some(Kind::Interpretation), None)
        );
        assert_eq!(
            kind_of("人才公寓申请十问十答：一问一答看懂新政", false),
            (Some(Kind::QuestionsAndAnswers), None)
        );
        assert_eq!(
            kind_of("厚植人才沃土 赋能高质量发展", true),
            (Some(Kind::News), None)
        );
        assert_eq!(kind_of("厚植人才沃土 赋能高质量发展", false), (None, None));
        assert_eq!(Kind::from_label("实施细则"), Some(Kind::ImplementingRules));
        assert_eq!(Kind::Notice.label(), "通知");
    }
}
