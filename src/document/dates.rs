//! Dates as official documents write them: 2021年3月5日, or in Chinese numerals
//! (二〇二一年三月五日) in a signature block.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// A date in Arabic or Chinese numerals; the groups are year, month and day.
pub(crate) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([12][0-9]{3}|[一二][〇零○一二三四五六七八九]{3})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日",
    )
    .expect("valid regex")
});

fn digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' | '○' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        c => c.to_digit(10),
    }
}

/// A year written digit by digit (2021, 二〇二一).
fn year(s: &str) -> Option<i32> {
    s.chars()
        .try_fold(0u32, |n, c| Some(n * 10 + digit(c)?))
        .and_then(|n| i32::try_from(n).ok())
}

/// A month or day: Arabic digits, or 三, 十, 十二, 二十, 二十一, 三十一.
fn small(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    match s.split_once('十') {
        None => digit(s.chars().next()?).filter(|_| s.chars().count() == 1),
        Some((tens, ones)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                digit(tens.chars().next()?)?
            };
            let ones = if ones.is_empty() {
                0
            } else {
                digit(ones.chars().next()?)?
            };
            Some(tens * 10 + ones)
        }
    }
}

/// The date of a regex match of [`DATE`].
pub(crate) fn from_captures(c: &regex::Captures) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year(&c[1])?, small(&c[2])?, small(&c[3])?)
}

/// The first date in `text`.
pub(crate) fn first(text: &str) -> Option<NaiveDate> {
    DATE.captures_iter(text).find_map(|c| from_captures(&c))
}

#[cfg(test)]
mod tests {
    use super::first;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn reads_arabic_and_chinese_numeral_dates() {
        assert_eq!(first("2011年11月17日 通过"), d(2011, 11, 17));
        assert_eq!(first("二〇二一年三月五日"), d(2021, 3, 5));
        assert_eq!(first("二○一九年十二月三十一日"), d(2019, 12, 31));
        assert_eq!(first("二〇二〇年十月二十日"), d(2020, 10, 20));
        assert_eq!(first("2021年2月30日"), None, "no such day");
        assert_eq!(first("第十三届"), None);
    }
}
