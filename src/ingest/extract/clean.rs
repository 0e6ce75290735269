//! Text hygiene: whitespace, converter pinyin and markup remnants.

use std::sync::LazyLock;

use regex::Regex;

/// A parenthesised run of Latin letters directly after a Han character.
static PINYIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{Han})[(（]([A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ?]{1,7})[)）]")
        .expect("valid regex")
});

/// One pinyin syllable written without tone marks (ü as v or u).
static SYLLABLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui|er|a|o|e|i|u|v)(?:n|ng|r)?$",
    )
    .expect("valid regex")
});

/// Markup that must never survive into a field.
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?is)<script\b.*?(?:</script\s*>|$)|<style\b.*?(?:</style\s*>|$)|</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|(?:javascript|vbscript)\s*:[^\s"'<>]*|\bon[a-z]{3,}\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)"#,
    )
    .expect("valid regex")
});

/// The entries of a "|"-separated word list.
pub(crate) fn list(words: &'static str) -> impl Iterator<Item = &'static str> {
    words.split('|')
}

/// Number of characters.
/// Separators between the values of a tag or keyword list, as sites write them.
const HINT_SEPARATORS: [char; 9] = [',', '，', ';', '；', '、', '|', '｜', ' ', '\u{3000}'];

/// The values of a tag, category or keyword list ("人才,政策｜山西"), trimmed, none empty.
pub(crate) fn hints(list: &str) -> impl Iterator<Item = String> + '_ {
    list.split(HINT_SEPARATORS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Number of CJK ideographs.
pub(crate) fn cjk_count(s: &str) -> usize {
    s.chars().filter(|&c| is_cjk(c)).count()
}

/// A CJK unified ideograph (basic block and extension A, compatibility block).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Normalise a line: drop markup and converter pinyin, unify and collapse whitespace, trim.
pub(crate) fn normalise(s: &str) -> String {
    let s = sanitize(s);
    let s = strip_pinyin(&s);
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{2060}') {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Remove scripts, tags, event handlers and script URLs.
pub(crate) fn sanitize(s: &str) -> String {
    if !s.contains('<') && !s.contains(':') && !s.contains('=') {
        return s.to_string();
    }
    MARKUP.replace_all(s, "").into_owned()
}

/// Remove pinyin a converter inserted after characters: "創(chuàng)新" → "創新".
pub(crate) fn strip_pinyin(s: &str) -> String {
    if !s.contains('(') && !s.contains('（') {
        return s.to_string();
    }
    PINYIN
        .replace_all(s, |caps: &regex::Captures<'_>| {
            let han = caps.get(1).map_or("", |m| m.as_str());
            let whole = caps.get(0).map_or("", |m| m.as_str());
            let latin = caps.get(2).map_or("", |m| m.as_str());
            if is_pinyin(latin) {
                han.to_string()
            } else {
                whole.to_string()
            }
        })
        .into_owned()
}

/// Whether `s` is one pinyin syllable: tone-marked, or plain lowercase of two letters or more.
fn is_pinyin(s: &str) -> bool {
    // A tone-marked vowel becomes "?" when the text passed through an encoding without it.
    let lost = s.matches('?').count();
    if lost > 0 {
        let letters = s.chars().filter(char::is_ascii_lowercase).count();
        return lost == 1
            && letters >= 1
            && "aeiouv"
                .chars()
                .any(|v| is_pinyin(&s.replacen('?', &v.to_string(), 1)));
    }
    let marked = !s.is_ascii();
    let mut plain = String::new();
    for (i, c) in s.chars().enumerate() {
        let base = match c {
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
            'ń' | 'ň' | 'ǹ' => 'n',
            'ḿ' => 'm',
            c if c.is_ascii_lowercase() => c,
            c if marked && i == 0 && c.is_ascii_uppercase() => c.to_ascii_lowercase(),
            _ => return false,
        };
        plain.push(base);
    }
    (marked || plain.len() >= 2)
        && (SYLLABLE.is_match(&plain) || matches!(plain.as_str(), "n" | "ng" | "m" | "hm" | "hng"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin() {
        let cases = [
            ("人才創(chuàng)新高地", "人才創新高地"),
            ("發(fā)布日期", "發布日期"),
            ("產(chǎn)業(yè)", "產業"),
            ("高??萍汲晒费莼顒?", "高??萍汲晒费莼顒?"),
            ("创新人才(团队)", "创新人才(团队)"),
            ("15万元(含)以上", "15万元(含)以上"),
            ("二十条(试行)", "二十条(试行)"),
            ("研究院(阳泉)", "研究院(阳泉)"),
            ("智创城(NO.7)", "智创城(NO.7)"),
            ("创(chuang)新", "创新"),
            ("創(chu?ng)新", "創新"),
            ("發(f?)布", "發布"),
            ("問題(?)", "問題(?)"),
            ("条款(a)项", "条款(a)项"),
            ("平台(App)", "平台(App)"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_pinyin(input), want, "{input}");
        }
    }

    #[test]
    fn markup() {
        assert_eq!(
            normalise(
                "a <script>alert(1)</script>b <a href=\"javascript:x()\" onclick=\"f()\">c</a>"
            ),
            "a b c"
        );
        assert_eq!(
            normalise("\u{3000}\u{3000}央视网消息  (新闻联播)"),
            "央视网消息 (新闻联播)"
        );
    }
}
