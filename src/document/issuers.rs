//! The issuing organs of a document, in full official form: from the title ("X关于…的通知"),
//! the red header ("X文件"), or the signature block above the date.

use std::sync::LazyLock;

use regex::Regex;

/// Endings of an organ's name.
const ORGAN_ENDINGS: &str = "人民政府|人民政府办公厅|人民政府办公室|办公厅|办公室|委员会|人民代表大会常务委员会\
    |常务委员会|人大常委会|厅|局|委|部|署|院|会|中心|管理处|领导小组|工作组|委员会办公室|党委|市委|省委|县委|区委";
/// Paragraphs at the head where a red header stands.
const HEADER_PARAGRAPHS: usize = 2;
/// Paragraphs above the end where a signature block stands.
const SIGNATURE_PARAGRAPHS: usize = 5;
/// Longest name taken for an organ.
const ORGAN_CHARS: usize = 30;

/// "X关于…" at the start of a title: X names the issuers.
static TITLE_ISSUER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.{4,80}?)关于").expect("valid regex"));
/// A red header: "济南市人民政府办公厅文件".
static RED_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.{4,60}?)\s*文件$").expect("valid regex"));

/// Whether a name reads as an organ (Han characters only, ending as organs do).
pub(crate) fn is_organ(name: &str) -> bool {
    let n = name.chars().count();
    (4..=ORGAN_CHARS).contains(&n)
        && name
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '（' || c == '）')
        && ORGAN_ENDINGS.split('|').any(|e| name.ends_with(e))
}

/// The organs named in a run of names separated by spaces or 、.
fn organs(run: &str) -> Vec<String> {
    run.split([' ', '\u{3000}', '、', '，', ','])
        .map(str::trim)
        .filter(|s| is_organ(s))
        .map(str::to_string)
        .collect()
}

/// The issuers of a document, distinct, in the order found.
pub fn issuers(title: &str, paragraphs: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |names: Vec<String>| {
        for n in names {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    };
    if let Some(c) = TITLE_ISSUER.captures(title.trim()) {
        add(organs(&c[1]));
    }
    for p in paragraphs.iter().take(HEADER_PARAGRAPHS) {
        if let Some(c) = RED_HEADER.captures(p.trim()) {
            add(organs(&c[1]));
        }
    }
    // The signature block: organ lines just above the closing date.
    let tail = paragraphs.len().saturating_sub(SIGNATURE_PARAGRAPHS);
    let block = &paragraphs[tail..];
    if let Some(date_at) = block.iter().rposition(|p| {
        super::dates::DATE
            .find(p.trim())
            .is_some_and(|m| m.start() == 0)
    }) {
        let above: Vec<String> = block[..date_at]
            .iter()
            .rev()
            .map_while(|p| {
                let names = organs(p.trim());
                (!names.is_empty()).then_some(names)
            })
            .flatten()
            .collect();
        add(above.into_iter().rev().collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::issuers;

    #[test]
    fn issuers_from_title_header_and_signature() {
        assert_eq!(
            issuers(
                "济南市人民政府办公厅关于印发济南市人才公寓管理办法的通知",
                &[]
            ),
            ["济南市人民政府办公厅"]
        );
        assert_eq!(
            issuers(
                "山东省人力资源和社会保障厅 山东省财政厅关于做好人才工作的通知",
                &["各市人力资源社会保障局："]
            ),
            ["山东省人力资源和社会保障厅", "山东省财政厅"]
        );
        assert_eq!(
            issuers(
                "关于印发人才新政的通知",
                &[
                    "正文。",
                    "中共阳泉市委组织部",
                    "阳泉市人力资源和社会保障局",
                    "2021年3月5日"
                ]
            ),
            ["中共阳泉市委组织部", "阳泉市人力资源和社会保障局"]
        );
        assert!(
            issuers(
                "厚植人才沃土 赋能高质量发展",
                &["记者 张三", "2023年1月1日"]
            )
            .is_empty()
        );
    }
}
