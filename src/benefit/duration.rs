//! How often a benefit is paid and for how many years, as the words of a text say.

use std::sync::LazyLock;

use regex::Regex;

use super::Period;

/// A duration after an amount: 连续补贴两年, 最长不超过3年, 分3年发放.
static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:连续|最长|最多|分|期限|为期|共)[^，,。；;0-9一二两三四五六七八九十]{0,6}(\d+|[一二两三四五六七八九十]+)\s*年",
    )
    .expect("valid regex")
});

/// Words of a period, in the order they are tried.
const PERIODS: &[(&str, Period)] = &[
    ("一次性", Period::Once),
    ("每月", Period::Monthly),
    ("按月", Period::Monthly),
    ("月均", Period::Monthly),
    ("/月", Period::Monthly),
    ("每年", Period::Yearly),
    ("按年", Period::Yearly),
    ("年均", Period::Yearly),
    ("/年", Period::Yearly),
];

/// The period a stretch of text names, if any.
pub fn period_in(text: &str) -> Option<Period> {
    PERIODS
        .iter()
        .find(|(word, _)| text.contains(word))
        .map(|(_, p)| *p)
}

/// The years a text says something is paid for (连续补贴两年, 分5年发放).
pub fn years_in(text: &str) -> Option<u32> {
    let c = YEARS.captures(text)?;
    let n = c.get(1)?.as_str();
    n.parse::<u32>()
        .ok()
        .or_else(|| chinese_number::from_chinese_to_u32_ten_thousand(n).ok())
        .filter(|y| (1..=30).contains(y))
}
