//! Repeals: the documents a text declares repealed (《…》（…号）同时废止), and the keys by which
//! a document is found when another repeals it (its numbers, its title without version).

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use super::kind::carried_title;
use super::numbers::{ONE, normalise};
use crate::fold::compact;

/// Words that end a document's force.
const REPEAL_WORDS: &str = "同时废止|予以废止|即行废止|一并废止|停止执行|不再执行|废止";

/// A cited title in 《》.
static TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"《([^《》]{2,80})》").expect("valid regex"));
/// A version note after a title: (2020修正), （试行）, (2019年修订).
static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[（(][^（）()]{0,12}(?:修正|修订|试行|暂行|草案|年)[^（）()]{0,6}[）)]\s*$")
        .expect("valid regex")
});

/// A document another one refers to, by title and/or number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// Its title as written (without 《》).
    pub title: Option<String>,
    /// Its 发文字号, normalised.
    pub doc_number: Option<String>,
}

/// The key of a title for matching: folded, without punctuation or a version note.
pub fn title_key(title: &str) -> String {
    compact(&VERSION.replace(title.trim(), ""))
}

/// The keys under which a document can be named by others: its title's, and for a notice
/// issuing a document, the issued document's title's.
pub fn title_keys(title: &str) -> Vec<String> {
    let mut keys = vec![title_key(title)];
    if let Some(carried) = carried_title(title) {
        keys.push(title_key(&carried));
    }
    keys.retain(|k| !k.is_empty());
    keys.dedup();
    keys
}

/// The documents a sentence refers to: every 《title》 (with the number written right after
/// it, if any) and every number standing alone.
pub fn references_in(sentence: &str) -> Vec<Reference> {
    let titles: Vec<(usize, usize, String)> = TITLE
        .captures_iter(sentence)
        .filter_map(|c| {
            c.get(1)
                .map(|m| (m.start(), m.end(), m.as_str().to_string()))
        })
        .collect();
    let numbers: Vec<(usize, String)> = ONE
        .find_iter(sentence)
        .map(|m| (m.start(), normalise(m.as_str())))
        .collect();
    let mut used = vec![false; numbers.len()];
    let mut out = Vec::new();
    for (i, (_, end, title)) in titles.iter().enumerate() {
        let next_title = titles.get(i + 1).map_or(sentence.len(), |t| t.0);
        // The number written right after a title (in brackets) is that title's.
        let own = numbers
            .iter()
            .position(|(at, _)| *at >= *end && *at < next_title && *at - *end <= 6);
        if let Some(k) = own {
            used[k] = true;
        }
        out.push(Reference {
            title: Some(title.clone()),
            doc_number: own.map(|k| numbers[k].1.clone()),
        });
    }
    for (k, (_, number)) in numbers.iter().enumerate() {
        if !used[k] {
            out.push(Reference {
                title: None,
                doc_number: Some(number.clone()),
            });
        }
    }
    out
}

/// The sentences of a text.
pub(crate) fn sentences<'a>(paragraphs: &'a [&'a str]) -> impl Iterator<Item = &'a str> {
    paragraphs.iter().flat_map(|p| p.split(['。', '；', ';']))
}

/// Whether a sentence ends another document's force.
pub(crate) fn repeals(sentence: &str) -> bool {
    REPEAL_WORDS.split('|').any(|w| sentence.contains(w))
}

/// The documents a text declares repealed: in each sentence that says so, every number and
/// every 《title》 (a title followed by its number is one document).
pub fn repealed(paragraphs: &[&str]) -> Vec<Reference> {
    let mut out: Vec<Reference> = sentences(paragraphs)
        .filter(|s| repeals(s))
        .flat_map(references_in)
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeals_are_read_by_title_and_number() {
        let refs = repealed(&[
            "本办法自2024年1月1日起施行。《山西省人才公寓管理办法（试行）》（晋人社发〔2017〕5号）同时废止。",
            "根据《山西省人才发展条例》制定本办法。",
        ]);
        assert_eq!(
            refs,
            [Reference {
                title: Some("山西省人才公寓管理办法（试行）".into()),
                doc_number: Some("晋人社发〔2017〕5号".into()),
            }]
        );
        let bare = repealed(&["晋政办发[2015]12号文件同时停止执行。"]);
        assert_eq!(bare[0].doc_number.as_deref(), Some("晋政办发〔2015〕12号"));
        assert!(repealed(&["根据《关于人才工作的意见》（晋政发〔2017〕5号）精神。"]).is_empty());
    }

    #[test]
    fn title_keys_ignore_versions_and_reach_the_issued_document() {
        assert_eq!(
            title_key("山西省人才公寓管理办法（试行）"),
            title_key("山西省人才公寓管理办法")
        );
        assert_eq!(
            title_key("济南市大气污染防治条例(2020修正)"),
            title_key("济南市大气污染防治条例")
        );
        let keys = title_keys("山西省人社厅关于印发《山西省人才公寓管理办法（试行）》的通知");
        assert!(keys.contains(&title_key("山西省人才公寓管理办法")));
    }
}
