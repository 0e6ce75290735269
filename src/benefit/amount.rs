//! Sums of money as written: 2000元, 2.5万元, 十五万元, 一亿元, 50万元至500万元, 最高100万元.

use std::sync::LazyLock;

use regex::Regex;

/// A number in Arabic or Chinese numerals, then its unit.
const NUMBER: &str = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)";
/// The multiplier that may follow a number.
const UNIT: &str = r"(?:万|亿|千)?";

/// One amount or a range, ending in 元.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({NUMBER})({UNIT})(?:元)?\s*(?:至|到|—|－|-|~|～)\s*({NUMBER})({UNIT})元|({NUMBER})({UNIT})元|({NUMBER})(万|亿)"
    ))
    .expect("valid regex")
});

/// Words just before an amount that make it a ceiling.
const CEILING_BEFORE: &[&str] = &["最高", "最多", "不超过", "不高于", "上限", "至多", "封顶"];
/// Words just after an amount that make it a ceiling.
const CEILING_AFTER: &[&str] = &["以内", "以下", "封顶", "为限"];
/// Words just after an amount that make it a floor.
const FLOOR_AFTER: &[&str] = &["以上"];
/// Words just before an amount that make it a floor.
const FLOOR_BEFORE: &[&str] = &["不低于", "不少于", "最低", "至少"];
/// What may follow a number of 万 written without 元 that makes it a count, not money.
const COUNTED: &[char] = &[
    '多', '余', '人', '名', '个', '套', '平', '亩', '次', '户', '家', '项', '倍', '%', '册', '吨',
    '所', '座', '台', '辆', '场',
];
/// Characters before an amount searched for a ceiling word ("最高可给予" …).
const CEILING_REACH: usize = 6;

/// An amount found in a sentence, in 元, with where it stands (char offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// Least amount stated, None for a ceiling alone.
    pub min: Option<i64>,
    /// Greatest amount stated, None for a floor alone.
    pub max: Option<i64>,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

fn multiplier(unit: &str) -> f64 {
    match unit {
        "万" => 1e4,
        "亿" => 1e8,
        "千" => 1e3,
        _ => 1.0,
    }
}

/// The value of a number with its unit, in 元.
fn value(number: &str, unit: &str) -> Option<i64> {
    let n = match number.parse::<f64>() {
        Ok(n) => n,
        Err(_) => chinese_number::from_chinese_to_u64_ten_thousand(number).ok()? as f64,
    };
    let v = (n * multiplier(unit)).round();
    (v > 0.0 && v < 1e15).then_some(v as i64)
}

/// A Chinese numeral's trailing unit apart from its number (一百万 → 一百, 万).
fn split_unit(number: &str) -> (&str, &str) {
    for unit in ["万", "亿", "千"] {
        if let Some(base) = number.strip_suffix(unit)
            && !base.is_empty()
        {
            return (base, unit);
        }
    }
    (number, "")
}

/// Every amount in a sentence, in order.
pub fn amounts(sentence: &str) -> Vec<Amount> {
    let chars = |byte: usize| sentence[..byte].chars().count();
    let mut out = Vec::new();
    for c in AMOUNT.captures_iter(sentence) {
        let Some(whole) = c.get(0) else { continue };
        let (min, max) = if let (Some(a), Some(b)) = (c.get(1), c.get(3)) {
            let (ua, ub) = (
                c.get(2).map_or("", |m| m.as_str()),
                c.get(4).map_or("", |m| m.as_str()),
            );
            // 50至500万元, 五十至一百万元: the second's unit, written once, stands for both when
            // the bare first number is the smaller (5000至2万元 is 5000元 to 2万元).
            let (b_base, b_unit) = if ub.is_empty() {
                split_unit(b.as_str())
            } else {
                (b.as_str(), ub)
            };
            let ua = match (value(a.as_str(), ""), value(b_base, "")) {
                (Some(x), Some(y)) if ua.is_empty() && x < y => b_unit,
                _ => ua,
            };
            match (value(a.as_str(), ua), value(b.as_str(), ub)) {
                (Some(x), Some(y)) if x > y => (Some(y), Some(x)),
                pair => pair,
            }
        } else if let Some(a) = c.get(5) {
            let v = value(a.as_str(), c.get(6).map_or("", |m| m.as_str()));
            (v, v)
        } else if let Some(a) = c.get(7) {
            // 200万安家补贴: money without 元, unless a count follows (1.5万多名).
            if sentence[whole.end()..].starts_with(COUNTED) {
                continue;
            }
            let v = value(a.as_str(), c.get(8).map_or("", |m| m.as_str()));
            (v, v)
        } else {
            continue;
        };
        if min.is_none() && max.is_none() {
            continue;
        }
        let before: String = sentence[..whole.start()]
            .chars()
            .rev()
            .take(CEILING_REACH)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let after = &sentence[whole.end()..];
        let single = min == max;
        let (min, max) = if single
            && (CEILING_BEFORE.iter().any(|w| before.contains(w))
                || CEILING_AFTER.iter().any(|w| after.starts_with(w)))
        {
            (None, max)
        } else if single
            && (FLOOR_AFTER.iter().any(|w| after.starts_with(w))
                || FLOOR_BEFORE.iter().any(|w| before.contains(w)))
        {
            (min, None)
        } else {
            (min, max)
        };
        let start = chars(whole.start());
        // 最高200万元、100万元: a ceiling before a list of amounts is each one's.
        let (min, max) = match out.last() {
            Some(Amount {
                min: None,
                max: Some(_),
                end,
                ..
            }) if single
                && sentence
                    .chars()
                    .skip(*end)
                    .take(start - end)
                    .all(|c| LIST.contains(&c)) =>
            {
                (None, max)
            }
            _ => (min, max),
        };
        out.push(Amount {
            min,
            max,
            start,
            end: chars(whole.end()),
        });
    }
    out
}

/// Characters between the amounts of a list.
const LIST: &[char] = &['、', '和', '及', '与', ' '];

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (Option<i64>, Option<i64>) {
        let a = amounts(s);
        assert_eq!(a.len(), 1, "{s}: {a:?}");
        (a[0].min, a[0].max)
    }

    #[test]
    fn reads_numerals_units_ranges_and_ceilings() {
        assert_eq!(one("每月2000元"), (Some(2000), Some(2000)));
        assert_eq!(one("给予2.5万元"), (Some(25_000), Some(25_000)));
        assert_eq!(one("十五万元安家费"), (Some(150_000), Some(150_000)));
        assert_eq!(one("五千元"), (Some(5_000), Some(5_000)));
        assert_eq!(one("一亿元"), (Some(100_000_000), Some(100_000_000)));
        assert_eq!(one("50万元至500万元"), (Some(500_000), Some(5_000_000)));
        assert_eq!(one("50至500万元"), (Some(500_000), Some(5_000_000)));
        assert_eq!(one("5000至2万元"), (Some(5_000), Some(20_000)));
        assert_eq!(one("五十至一百万元"), (Some(500_000), Some(1_000_000)));
        assert_eq!(one("最高可给予100万元"), (None, Some(1_000_000)));
        assert_eq!(one("10万元以上"), (Some(100_000), None));
        assert_eq!(one("每年不低于一百元"), (Some(100), None));
        assert!(amounts("200平方米").is_empty());
        assert_eq!(one("最高给予200万安家补贴"), (None, Some(2_000_000)));
        assert!(amounts("1.5万多名人才").is_empty());
        let list = amounts("分别给予最高200万元、100万元");
        assert_eq!(list[1].min, None, "the ceiling is each one's");
    }
}
