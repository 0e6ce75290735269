//! The dates of a document's life, as its own text states them: the record lines under a
//! law's title (通过, 批准, 修正, 修订, 公布), the article that sets when it takes effect
//! (自…起施行), a term of validity (有效期至…, 有效期N年) and the date of the signature block.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use serde::Serialize;

use super::dates::{self, DATE};

/// Paragraphs at the head where a law's record lines stand: an adoption and up to a dozen
/// amendments, one a line.
const RECORD_PARAGRAPHS: usize = 16;
/// Paragraphs at the foot where a signature block's date stands.
const SIGNATURE_PARAGRAPHS: usize = 3;
/// Longest paragraph taken for a signature date alone (an issuer and a date).
const SIGNATURE_CHARS: usize = 40;

/// Dates of a document's life; each null unless the text states it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Lifecycle {
    /// 成文: the date of the signature block.
    pub signed: Option<NaiveDate>,
    /// 公布 / 印发.
    pub published: Option<NaiveDate>,
    /// 通过: adopted by a congress or a meeting.
    pub adopted: Option<NaiveDate>,
    /// 批准: approved by a higher congress.
    pub approved: Option<NaiveDate>,
    /// 施行: in force from.
    pub effective: Option<NaiveDate>,
    /// 有效期至: in force until.
    pub expires: Option<NaiveDate>,
    /// 废止: repealed (by a later document).
    pub repealed: Option<NaiveDate>,
    /// 修正 / 修订: amended, oldest first.
    pub amended: Vec<NaiveDate>,
}

/// A record: a date, then (within the clause) what happened on it.
static RECORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})[^；;。]*?(通过|批准|修正|修订|公布)",
        DATE.as_str()
    ))
    .expect("valid regex")
});
/// 自2021年1月1日起施行 / 自印发之日起施行.
static EFFECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"自\s*(?:({})|(印发|发布|公布|颁布)之日)\s*起\s*(?:施行|执行|实施|生效)",
        DATE.as_str()
    ))
    .expect("valid regex")
});
/// 有效期至2025年12月31日.
static EXPIRES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"有效期(?:至|到)\s*({})", DATE.as_str())).expect("valid regex")
});
/// 有效期5年 / 有效期为三年.
static TERM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"有效期(?:为|是)?\s*([1-9]|[一二三四五六七八九十])\s*年").expect("valid regex")
});

fn years(s: &str) -> Option<u32> {
    s.parse().ok().or_else(|| {
        "一二三四五六七八九十"
            .chars()
            .position(|c| s.starts_with(c))
            .map(|i| i as u32 + 1)
    })
}

/// The last day of a term of `n` years starting on `from`.
fn term_end(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    let year = from.year() + i32::try_from(n).ok()?;
    NaiveDate::from_ymd_opt(year, from.month(), from.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, from.month(), 28))?
        .pred_opt()
}

/// The dates a page gives a document besides its text: the version date of a dated file
/// name, and the page's own date.
#[derive(Debug, Clone, Copy, Default)]
pub struct Given {
    /// A date the file it came in is named with (an archive's date of this version).
    pub named: Option<NaiveDate>,
    /// The page's date.
    pub page: Option<NaiveDate>,
}

/// Reads the dates a document states about itself. When its record states no 公布 date,
/// this version was published on the date its file is named with, or (for a text without
/// record lines, whose page date is then its own) on the page's date.
pub fn lifecycle(paragraphs: &[&str], given: Given) -> Lifecycle {
    let mut life = Lifecycle::default();
    for p in paragraphs.iter().take(RECORD_PARAGRAPHS) {
        // A record line opens with its date, and the date is not the start of a sentence
        // ("2021年3月5日，市人大常委会表决通过了…" reports another document's adoption).
        let bare = p.trim_start_matches(['（', '(', ' ']);
        let Some(m) = DATE.find(bare).filter(|m| m.start() == 0) else {
            continue;
        };
        if bare[m.end()..].starts_with(['，', ',', '：', ':']) {
            continue;
        }
        for c in RECORD.captures_iter(bare) {
            let Some(date) = dates::from_captures(&c) else {
                continue;
            };
            match &c[4] {
                "通过" => life.adopted = life.adopted.or(Some(date)),
                "批准" => life.approved = life.approved.or(Some(date)),
                "公布" => life.published = life.published.or(Some(date)),
                _ => life.amended.push(date),
            }
        }
    }
    life.amended.sort();
    life.amended.dedup();
    let recorded = life.adopted.is_some() || life.approved.is_some() || !life.amended.is_empty();
    life.published = life
        .published
        .or(given.named)
        .or(given.page.filter(|_| !recorded));
    let tail = paragraphs.len().saturating_sub(SIGNATURE_PARAGRAPHS);
    for p in paragraphs[tail..].iter().rev() {
        let text = p.trim();
        if text.chars().count() <= SIGNATURE_CHARS
            && let Some(m) = DATE.find(text)
            && m.end() == text.len()
        {
            life.signed = dates::first(m.as_str());
            break;
        }
    }
    // A notice that carries its attachment signs above it: an organ, then the date alone.
    if life.signed.is_none() {
        life.signed = paragraphs.windows(2).find_map(|pair| {
            let (organ, date) = (pair[0].trim(), pair[1].trim());
            let whole = DATE
                .find(date)
                .is_some_and(|m| m.start() == 0 && m.end() == date.len());
            (whole && super::issuers::is_organ(organ))
                .then(|| dates::first(date))
                .flatten()
        });
    }
    for p in paragraphs {
        if life.effective.is_none()
            && let Some(c) = EFFECTIVE.captures(p)
        {
            life.effective = if c.get(1).is_some() {
                dates::first(&c[1])
            } else {
                // "From the day it is issued": the signature date, else the stated 公布.
                life.signed.or(life.published)
            };
        }
        if life.expires.is_none()
            && let Some(c) = EXPIRES.captures(p)
        {
            life.expires = dates::first(&c[1]);
        }
        if life.expires.is_none()
            && let (Some(c), Some(from)) = (TERM.captures(p), life.effective)
        {
            life.expires = years(&c[1]).and_then(|n| term_end(from, n));
        }
    }
    life
}

impl Lifecycle {
    /// The day the document counts from: its effective date, else the day it was signed or
    /// published, else `page_date`, the date its page gives. Its repeals of other documents
    /// take effect that day, and it can repeal only documents no later than it.
    pub fn in_force_from(&self, page_date: Option<NaiveDate>) -> Option<NaiveDate> {
        self.effective
            .or(self.signed)
            .or(self.published)
            .or(page_date)
    }

    /// Every date stated, for checks and sorting.
    pub fn dates(&self) -> Vec<NaiveDate> {
        [
            self.signed,
            self.published,
            self.adopted,
            self.approved,
            self.effective,
            self.expires,
            self.repealed,
        ]
        .into_iter()
        .flatten()
        .chain(self.amended.iter().copied())
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(paragraphs: &[&str]) -> Lifecycle {
        lifecycle(paragraphs, Given::default())
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn a_laws_record_lines_and_its_effective_article() {
        let life = read(&[
            "2011年11月17日 上海市第十三届人民代表大会常务委员会第三十次会议通过",
            "2020年5月14日 上海市第十五届人民代表大会常务委员会第二十一次会议《关于修改本市部分地方性法规的决定》第一次修正",
            "第一条 为了规范口岸开放，制定本条例。",
            "第六十三条 本条例自2012年3月1日起施行。",
        ]);
        assert_eq!(life.adopted, d(2011, 11, 17));
        assert_eq!(life.amended, [d(2020, 5, 14).expect("date")]);
        assert_eq!(life.effective, d(2012, 3, 1));
        assert_eq!(life.signed, None, "a law has no signature block");
        assert_eq!(
            lifecycle(
                &["第一条 为了规范口岸开放。"],
                Given {
                    named: None,
                    page: d(2012, 4, 19)
                }
            )
            .published,
            d(2012, 4, 19),
            "the page's own date when the record says nothing"
        );
        let approved = read(&[
            "2018年8月28日 临沂市第十九届人民代表大会常务委员会第十四次会议通过",
            "2018年9月21日 山东省第十三届人民代表大会常务委员会第五次会议批准",
        ]);
        assert_eq!(approved.approved, d(2018, 9, 21));
    }

    #[test]
    fn a_notice_signed_and_in_force_for_a_term() {
        let life = read(&[
            "各市人民政府：",
            "本办法自印发之日起施行，有效期5年。",
            "山西省人民政府办公厅",
            "2021年3月5日",
        ]);
        assert_eq!(life.signed, d(2021, 3, 5));
        assert_eq!(life.effective, d(2021, 3, 5));
        assert_eq!(life.expires, d(2026, 3, 4));
        let stated = read(&["本意见自2020年1月1日起施行，有效期至2022年12月31日。"]);
        assert_eq!(stated.expires, d(2022, 12, 31));
        assert_eq!(read(&["人才是第一资源。"]), Lifecycle::default());
        let reported = read(&["2021年3月5日，市人大常委会会议表决通过了《人才发展促进条例》。"]);
        assert_eq!(
            reported.adopted, None,
            "a report of another document's adoption"
        );
    }
}
