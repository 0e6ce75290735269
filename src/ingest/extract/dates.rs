//! Finding publication dates in the many forms Chinese sites write them.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use regex::Regex;

use super::Published;

/// A date with year, month and day, optionally a time and a UTC offset.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|\D)
        (?P<y>\d{4})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?P<ri>\s*日)?
        (?:(?:\s*(?:T|\s)\s*|\s*)(?P<hh>\d{1,2})\s*[:：时]\s*(?P<mm>\d{1,2})(?:\s*[:：分]\s*(?P<ss>\d{1,2}))?)?
        (?:\s*(?P<tz>Z|[+-]\d{2}:?\d{2}))?",
    )
    .expect("valid regex")
});

/// Offset of China Standard Time from UTC, in minutes.
const CHINA_OFFSET_MINUTES: i64 = 8 * 60;

/// The first plausible date in `s` and the byte range it occupies.
pub(crate) fn find_date(s: &str) -> Option<(Published, Range<usize>)> {
    for caps in DATE.captures_iter(s) {
        let (Some(whole), Some(y), Some(m), Some(d)) =
            (caps.get(0), caps.name("y"), caps.name("m"), caps.name("d"))
        else {
            continue;
        };
        // A day followed by another digit is part of a longer number, not a date.
        if caps.name("ri").is_none() && caps.name("hh").is_none() {
            let next = s.get(d.end()..).and_then(|rest| rest.chars().next());
            if next.is_some_and(char::is_numeric) {
                continue;
            }
        }
        let num = |r: regex::Match<'_>| ascii_digits(r.as_str()).parse::<u32>().ok();
        let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) else {
            continue;
        };
        let Some(date) = i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        else {
            continue;
        };
        if !plausible(date) {
            continue;
        }
        let time = match (caps.name("hh"), caps.name("mm")) {
            (Some(h), Some(mi)) => {
                let sec = caps.name("ss").and_then(num).unwrap_or(0);
                num(h)
                    .zip(num(mi))
                    .and_then(|(h, mi)| NaiveTime::from_hms_opt(h, mi, sec))
            }
            _ => None,
        };
        let published = match (time, caps.name("tz")) {
            (Some(t), Some(tz)) => to_china(date.and_time(t), tz.as_str()),
            _ => Published { date, time },
        };
        let start = y_start(&caps).unwrap_or(whole.start());
        return Some((published, start..whole.end()));
    }
    None
}

/// Fullwidth digits as ASCII digits ("２０２０" → "2020").
fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

/// The first plausible date in `s`.
pub(crate) fn parse_date(s: &str) -> Option<Published> {
    find_date(s).map(|(p, _)| p)
}

/// A Unix timestamp in seconds or milliseconds, as China time.
pub(crate) fn from_timestamp(n: i64) -> Option<Published> {
    let secs = if n > 100_000_000_000 { n / 1000 } else { n };
    let utc = chrono::DateTime::from_timestamp(secs, 0)?.naive_utc();
    let local = utc.checked_add_signed(Duration::minutes(CHINA_OFFSET_MINUTES))?;
    plausible(local.date()).then(|| Published {
        date: local.date(),
        time: Some(local.time()),
    })
}

/// Where the year starts (the regex may have consumed one leading character).
fn y_start(caps: &regex::Captures<'_>) -> Option<usize> {
    caps.name("y").map(|m| m.start())
}

/// Not before the People's Republic, not more than a year ahead.
fn plausible(date: NaiveDate) -> bool {
    let today = chrono::Local::now().date_naive();
    let earliest = NaiveDate::from_ymd_opt(1949, 1, 1);
    earliest.is_some_and(|e| date >= e) && date <= today + Duration::days(366)
}

/// Convert a date-time with the given offset to China time.
fn to_china(dt: NaiveDateTime, tz: &str) -> Published {
    let offset = if tz == "Z" {
        Some(0)
    } else {
        let sign = if tz.starts_with('-') { -1 } else { 1 };
        let digits: String = tz.chars().filter(char::is_ascii_digit).collect();
        let h = digits.get(0..2).and_then(|v| v.parse::<i64>().ok());
        let m = digits.get(2..4).and_then(|v| v.parse::<i64>().ok());
        h.zip(m).map(|(h, m)| sign * (h * 60 + m))
    };
    let shifted = offset
        .and_then(|o| dt.checked_add_signed(Duration::minutes(CHINA_OFFSET_MINUTES - o)))
        .unwrap_or(dt);
    Published {
        date: shifted.date(),
        time: Some(shifted.time()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> Option<String> {
        parse_date(s).map(|p| match p.time {
            Some(t) => format!("{} {}", p.date, t),
            None => p.date.to_string(),
        })
    }

    #[test]
    fn forms() {
        let cases = [
            ("2022-03-08 11:30:53 +0800", Some("2022-03-08 11:30:53")),
            ("发布日期:2023/5/30 11:13:11 |", Some("2023-05-30 11:13:11")),
            ("2021年6月18日", Some("2021-06-18")),
            ("2021年06月18日 09:30", Some("2021-06-18 09:30:00")),
            ("2020.05.14", Some("2020-05-14")),
            ("2023-05-30T03:13:11Z", Some("2023-05-30 11:13:11")),
            ("2023-05-30T23:00:00-05:00", Some("2023-05-31 12:00:00")),
            ("2023-05-30T11:13:11+08:00", Some("2023-05-30 11:13:11")),
            ("4月16日，阳泉市召开", None),
            ("2021年，市科技局", None),
            ("2023-02-30", None),
            ("1353万元,增长41.23%", None),
            ("20230530", None),
            ("2023-05-301", None),
            ("2099-01-01", None),
            ("２００２年６月２９日 第九届", Some("2002-06-29")),
            ("2001年3月１日 洛阳市", Some("2001-03-01")),
        ];
        for (input, want) in cases {
            assert_eq!(show(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn timestamps() {
        let p = from_timestamp(1_685_416_391).expect("valid");
        assert_eq!(p.date.to_string(), "2023-05-30");
        assert_eq!(from_timestamp(1_685_416_391_000), Some(p));
    }
}
