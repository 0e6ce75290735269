//! Benefits as readers see them: an amount in words, the recipients in one line, and the
//! sentences of an article that state them, each with an anchor to link to.

use crate::benefit::{Benefit, Period, Recipients};

/// Yuan in one 万.
const WAN: i64 = 10_000;

/// An amount in 元 as Chinese readers write it: 2000元, 5万元, 1.5万元.
pub fn yuan(v: i64) -> String {
    if v >= WAN && v % (WAN / 10) == 0 {
        let wan = v as f64 / WAN as f64;
        format!("{}万元", trim_float(wan))
    } else {
        format!("{v}元")
    }
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The amount of a benefit in words: 每月2000元，3年; 最高100万元; 50万元至500万元; none for a
/// benefit in kind.
pub fn amount_text(
    (min, max): (Option<i64>, Option<i64>),
    period: Option<Period>,
    years: Option<u32>,
) -> String {
    let amount = match (min, max) {
        (Some(a), Some(z)) if a == z => yuan(a),
        (Some(a), Some(z)) => format!("{}至{}", yuan(a), yuan(z)),
        (None, Some(z)) => format!("最高{}", yuan(z)),
        (Some(a), None) => format!("{}以上", yuan(a)),
        (None, None) => String::new(),
    };
    let mut out = match period {
        Some(p) if !amount.is_empty() => format!("{}{amount}", p.label()),
        _ => amount,
    };
    if let Some(y) = years {
        out.push_str(&format!("，{y}年"));
    }
    out
}

/// The recipients of a benefit in one line: degrees, tiers, age limit.
pub fn recipients_text(r: &Recipients) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !r.degrees.is_empty() {
        parts.push(r.degrees.join("、"));
    }
    if !r.tiers.is_empty() {
        parts.push(r.tiers.join("、"));
    }
    if let Some(age) = r.age_max {
        parts.push(format!("{age}周岁以下"));
    }
    parts.join("，")
}

/// The anchor of the sentence a benefit was read from.
pub fn anchor(b: &Benefit) -> String {
    format!("offer-{}", b.start)
}

/// One entry of the 政策要点 box.
pub struct Entry {
    /// The kind, normalised.
    pub kind: &'static str,
    /// The amount in words (empty for a benefit in kind).
    pub amount: String,
    /// Who it is for (empty when the text does not say).
    pub recipients: String,
    /// The anchor of its sentence.
    pub anchor: String,
}

/// The entries of the 政策要点 box.
pub fn entries(benefits: &[Benefit]) -> Vec<Entry> {
    benefits
        .iter()
        .map(|b| Entry {
            kind: b.kind.label(),
            amount: amount_text((b.amount_min, b.amount_max), b.period, b.years),
            recipients: recipients_text(&b.recipients),
            anchor: anchor(b),
        })
        .collect()
}

/// A paragraph cut where benefit sentences begin and end: (the anchor of a stating sentence,
/// or None, and its characters' range within the paragraph).
pub fn cuts(
    paragraph_chars: usize,
    offset: usize,
    benefits: &[Benefit],
) -> Vec<(Option<String>, usize, usize)> {
    let mut spans: Vec<(usize, usize, String)> = benefits
        .iter()
        .filter(|b| b.start >= offset && b.end <= offset + paragraph_chars)
        .map(|b| (b.start - offset, b.end - offset, anchor(b)))
        .collect();
    spans.sort_by_key(|s| s.0);
    spans.dedup_by_key(|s| s.0);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, anchor) in spans {
        if start < at {
            continue;
        }
        if start > at {
            out.push((None, at, start));
        }
        out.push((Some(anchor), start, end));
        at = end;
    }
    if at < paragraph_chars || out.is_empty() {
        out.push((None, at, paragraph_chars));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_amounts_as_readers_do() {
        assert_eq!(yuan(2000), "2000元");
        assert_eq!(yuan(50_000), "5万元");
        assert_eq!(yuan(15_000), "1.5万元");
        assert_eq!(yuan(100_000_000), "10000万元");
    }
}
