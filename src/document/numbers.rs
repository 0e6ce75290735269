//! The document's own 发文字号: from the header lines under its title, or from its title,
//! never from a sentence that cites another document.

use std::sync::LazyLock;

use regex::Regex;

/// Paragraphs at the head of a document where its own number stands (red header: issuer,
/// number, title, addressees).
const HEADER_PARAGRAPHS: usize = 4;

/// One 发文字号: the issuer's abbreviation, the year in brackets of any shape, the serial.
const NUMBER: &str =
    r"\p{Han}{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*号";
/// A numbered announcement or order: 国家税务总局公告2019年第28号, 山东省人民政府令第311号.
const SERIAL: &str =
    r"\p{Han}{2,30}(?:公告|令|通告)\s*(?:(?:19|20)\d{2}\s*年)?\s*第\s*\d{1,5}\s*号";

/// A line that is nothing but numbers (a jointly issued document has several).
static NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*(?:(?:{NUMBER}|{SERIAL})[\s、，,；;]*)+$")).expect("valid regex")
});
/// One number anywhere.
pub(crate) static ONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{NUMBER}|{SERIAL}")).expect("valid regex"));
/// A number in brackets at the end of a title: …的通知（晋政发〔2021〕3号）.
static IN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"[（(]\s*((?:{NUMBER}|{SERIAL}))\s*[)）]\s*$")).expect("valid regex")
});

/// A query term written without brackets (as a search folds it): 鲁政办字201912号.
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Han}{1,12}?)((?:19|20)[0-9]{2})([0-9]{1,5})号$").expect("valid regex")
});
/// A numbered announcement written without spaces: 国家税务总局公告2019年第28号.
static BARE_SERIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Han}{2,30}(?:公告|令|通告)(?:(?:19|20)[0-9]{2}年)?第[0-9]{1,5}号$")
        .expect("valid regex")
});

/// The document number a search term spells, with any brackets or none, normalised.
pub fn as_number(term: &str) -> Option<String> {
    let compact: String = term
        .chars()
        .filter(|c| !c.is_whitespace() && !"〔〕[]［］()（）【】".contains(*c))
        .collect();
    if BARE_SERIAL.is_match(&compact) {
        return Some(compact);
    }
    let c = BARE.captures(&compact)?;
    Some(format!("{}〔{}〕{}号", &c[1], &c[2], &c[3]))
}

/// A number as official libraries write it: no spaces, the year in 〔〕.
pub fn normalise(number: &str) -> String {
    let compact: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .replace(['[', '［', '(', '（', '【'], "〔")
        .replace([']', '］', ')', '）', '】'], "〕")
}

/// The document's own numbers: those on a header line of its own, or at the end of its title.
pub fn own_numbers(title: &str, paragraphs: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(c) = IN_TITLE.captures(title) {
        out.push(normalise(&c[1]));
    }
    for p in paragraphs.iter().take(HEADER_PARAGRAPHS) {
        if NUMBER_LINE.is_match(p) {
            for m in ONE.find_iter(p) {
                let n = normalise(m.as_str());
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::own_numbers;

    #[test]
    fn header_numbers_are_the_documents_own() {
        assert_eq!(
            own_numbers(
                "山西省人民政府关于印发人才新政的通知",
                &["晋政发〔2021〕3号", "各市人民政府："]
            ),
            ["晋政发〔2021〕3号"]
        );
        assert_eq!(
            own_numbers("通知", &["鲁政办字[2019]12号"]),
            ["鲁政办字〔2019〕12号"]
        );
        assert_eq!(
            own_numbers("联合通知", &["人社部发〔2020〕5号  财社〔2020〕9号"]),
            ["人社部发〔2020〕5号", "财社〔2020〕9号"]
        );
        assert_eq!(
            own_numbers("关于做好人才工作的通知（国办发〔2016〕4号）", &[]),
            ["国办发〔2016〕4号"]
        );
        assert_eq!(
            own_numbers("公告", &["国家税务总局公告2019年第28号"]),
            ["国家税务总局公告2019年第28号"]
        );
    }

    #[test]
    fn a_search_term_spells_a_number_with_any_brackets() {
        for typed in [
            "鲁政办字〔2019〕12号",
            "鲁政办字[2019]12号",
            "鲁政办字201912号",
        ] {
            assert_eq!(
                super::as_number(typed).as_deref(),
                Some("鲁政办字〔2019〕12号")
            );
        }
        assert_eq!(super::as_number("人才公寓"), None);
    }

    #[test]
    fn numbers_cited_in_sentences_are_not() {
        let body = [
            "根据《关于人才工作的意见》（晋政发〔2017〕5号）精神，现通知如下。",
            "《办法》（晋政办发〔2017〕5号）同时废止。",
        ];
        assert!(own_numbers("关于废止有关文件的通知", &body).is_empty());
    }
}
