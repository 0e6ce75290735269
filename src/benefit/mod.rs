//! Talent offers as data: every benefit a text states (its kind, amount, period, duration and
//! recipients), each with the sentence it came from as character offsets into the article's
//! paragraphs joined with "\n". Read from the stored text whenever asked, never invented: a
//! value the sentence does not state is null.

mod amount;
pub mod catalogue;
pub mod compare;
mod duration;
mod offer;
mod recipients;
mod sentences;
mod table;

use serde::Serialize;

use amount::Amount;
pub use catalogue::BenefitKind;
use catalogue::{
    GENERAL, OFFER_VERBS, POSTDOC, POSTDOC_FUNDING, PROHIBITIONS, SPEECH, SUPPLY, TALENT,
};
use offer::{given_to_organisation, is_offer, names_people, organisation, reports_a_count};
pub use recipients::Recipients;
use sentences::{Mention, Sentence};

/// How often an amount is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Period {
    /// Once.
    #[serde(rename = "一次性")]
    Once,
    /// Every month.
    #[serde(rename = "每月")]
    Monthly,
    /// Every year.
    #[serde(rename = "每年")]
    Yearly,
}

/// Months in a year, for the total of a monthly amount.
const MONTHS: i64 = 12;

impl Period {
    /// The Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Period::Once => "一次性",
            Period::Monthly => "每月",
            Period::Yearly => "每年",
        }
    }
}

/// One stated benefit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Benefit {
    /// Its kind, normalised.
    pub kind: BenefitKind,
    /// The phrase that names it, as written.
    pub phrase: String,
    /// Least amount in 元; null for a ceiling alone or a benefit in kind.
    pub amount_min: Option<i64>,
    /// Greatest amount in 元; null for a floor alone or a benefit in kind.
    pub amount_max: Option<i64>,
    /// How often it is paid, when stated.
    pub period: Option<Period>,
    /// For how many years, when stated.
    pub years: Option<u32>,
    /// The stated total in 元 where it can be computed (monthly × 12 × years …), else the
    /// amount.
    pub value: Option<i64>,
    /// Who receives it, as stated.
    pub recipients: Recipients,
    /// The sentence that states it.
    pub text: String,
    /// Its first character in the paragraphs joined with "\n".
    pub start: usize,
    /// One past its last character.
    pub end: usize,
}

/// Every benefit stated in an article's paragraphs, in text order.
pub fn extract<S: AsRef<str>>(paragraphs: &[S]) -> Vec<Benefit> {
    // Most articles name no benefit, in a table or elsewhere, and need no closer reading.
    if !paragraphs
        .iter()
        .any(|p| sentences::names_a_benefit(p.as_ref()))
    {
        return Vec::new();
    }
    let (tabled, rows) = in_tables(paragraphs);
    let mut out: Vec<Benefit> = in_sentences(paragraphs)
        .into_iter()
        .filter(|b| {
            // The tables' lines are in order and apart: only the first that ends after the
            // record starts can hold it.
            let k = rows.partition_point(|(_, to)| *to <= b.start);
            rows.get(k).is_none_or(|(from, _)| *from >= b.end)
        })
        .collect();
    out.extend(tabled);
    out.sort_by_key(|b| b.start);
    out
}

/// The benefits stated in tables, and the spans (characters) of the lines the tables take.
fn in_tables<S: AsRef<str>>(paragraphs: &[S]) -> (Vec<Benefit>, Vec<(usize, usize)>) {
    let mut lines = Vec::new();
    let mut offset = 0;
    for p in paragraphs {
        for line in p.as_ref().split('\n') {
            lines.push(table::Line {
                text: line,
                start: offset,
            });
            offset += line.chars().count() + 1;
        }
    }
    let (mut out, mut spans) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < lines.len() {
        let (found, rows) = table::read(&lines, i);
        if rows == 0 {
            i += 1;
            continue;
        }
        for line in &lines[i..=i + rows] {
            spans.push((line.start, line.start + line.text.chars().count()));
        }
        out.extend(found);
        i += rows + 1;
    }
    (out, spans)
}

/// The benefits stated in the sentences of an article's paragraphs.
fn in_sentences<S: AsRef<str>>(paragraphs: &[S]) -> Vec<Benefit> {
    let mut out = Vec::new();
    let mut offset = 0;
    for p in paragraphs {
        let p = p.as_ref();
        if !sentences::names_a_benefit(p) {
            offset += p.chars().count() + 1;
            continue;
        }
        let mut inherited: Option<Mention> = None;
        for s in sentences::split(p, offset) {
            let found = in_sentence(&s, inherited.as_ref());
            inherited = if s.continues {
                s.mentions
                    .iter()
                    .rev()
                    .find(|m| !m.kind.in_kind())
                    .cloned()
                    .or(inherited)
            } else {
                None
            };
            out.extend(found);
        }
        offset += p.chars().count() + 1;
    }
    out
}

/// The stated total of an amount paid each month or year for some years, else the amount.
fn total(base: Option<i64>, period: Option<Period>, years: Option<u32>) -> Option<i64> {
    match (period, years) {
        (Some(Period::Monthly), Some(y)) => base.map(|b| b * MONTHS * i64::from(y)),
        (Some(Period::Yearly), Some(y)) => base.map(|b| b * i64::from(y)),
        _ => base,
    }
}

fn in_sentence(s: &Sentence, inherited: Option<&Mention>) -> Vec<Benefit> {
    let mut out: Vec<Benefit> = Vec::new();
    let postdoc = s.text.contains(POSTDOC) || s.carry.contains(POSTDOC);
    let mut bound: Vec<usize> = Vec::new();
    let reported = reports_a_count(&s.text);
    for (i, a) in s.amounts.iter().enumerate() {
        let own = bind(s, a);
        if !is_offer(s, a, reported) || own.is_some_and(|m| given_to_organisation(s, a, m)) {
            // What a refused amount pays is no offer either, with or without its amount.
            bound.extend(own.map(|m| m.start));
            continue;
        }
        let Some(mention) = own.or(inherited) else {
            continue;
        };
        bound.push(mention.start);
        let kind = if postdoc && POSTDOC_FUNDING.contains(&mention.kind) {
            BenefitKind::Postdoc
        } else {
            mention.kind
        };
        let period = s.period(a, mention);
        let years = s.years_after(a, s.amounts.get(i + 1).map(|n| n.start));
        let value = total(a.max.or(a.min), period, years);
        let mut recipients = recipients::of(s, i);
        if kind == BenefitKind::Postdoc && recipients.degrees.is_empty() {
            recipients.degrees.push(POSTDOC.to_string());
        }
        out.push(s.record(
            kind,
            &mention.phrase,
            (a.min, a.max),
            (period, years, value),
            recipients,
        ));
    }
    // Benefits named without an amount (in kind, or money left to other rules): in a
    // sentence that offers something to people, not one about building or making rules.
    let offering = OFFER_VERBS.iter().any(|v| s.text.contains(v))
        && !PROHIBITIONS.iter().any(|w| s.text.contains(w))
        && !SPEECH.iter().any(|w| s.text.contains(w))
        && !reported
        && [&s.text, &s.carry, &s.lead]
            .into_iter()
            .any(|t| names_people(t));
    if !offering {
        return out;
    }
    let talent = TALENT
        .iter()
        .any(|w| [&s.text, &s.carry, &s.lead].iter().any(|t| t.contains(w)));
    for m in &s.mentions {
        let clause = s.segment_text(m.start);
        if bound.contains(&m.start)
            || out.iter().any(|b| b.kind == m.kind)
            || SUPPLY.iter().any(|w| clause.contains(w))
            || GENERAL.contains(&m.phrase.as_str())
            || (m.kind.needs_talent() && !talent)
        {
            continue;
        }
        let recipients = recipients::at(s, m.start);
        if recipients.conditions.as_deref().is_some_and(organisation) {
            continue;
        }
        let (clause_start, _) = s.segment_bounds(m.start);
        let period = duration::period_in(&s.slice(clause_start, m.end));
        out.push(s.record(
            m.kind,
            &m.phrase,
            (None, None),
            (period, None, None),
            recipients,
        ));
    }
    out
}

/// Where the list of amounts that `a` starts ends before `limit`: "博士研究生每人10万元、硕士研究生
/// 每人3万元、本科生每人1万元的标准发放生活补贴" is read as one list naming its benefit once, after
/// the last amount. Each item follows a 、 (or 和, 或, 及) within [`sentences::LIST_ITEM_REACH`] characters.
fn listed_until(s: &Sentence, a: &Amount, limit: usize) -> usize {
    let mut end = a.end;
    for o in s
        .amounts
        .iter()
        .filter(|o| o.start >= a.end && o.end <= limit)
    {
        let gap = s.slice(end, o.start);
        let item = o.start.saturating_sub(end) <= sentences::LIST_ITEM_REACH
            && gap.starts_with(catalogue::LIST_JOINS);
        if !item && o.start != end {
            break;
        }
        end = o.end;
    }
    end
}

/// The kind an amount pays: the phrase right before it ("安家费8万元、购房补贴10万元"), else the
/// phrase right after it in its clause ("2000元生活补贴", or after a list of amounts: "5万元、
/// 2万元安家补贴"), else the nearest before it in the sentence ("生活补贴，每月2000元").
fn bind<'a>(s: &'a Sentence, a: &Amount) -> Option<&'a Mention> {
    let money = |m: &&Mention| !m.kind.in_kind();
    let segment = s.segment_of(a.start);
    let right_before = s.mentions.iter().filter(money).rev().find(|m| {
        m.end <= a.start
            && a.start - m.end <= sentences::PRECEDING_KIND_REACH
            && !s.slice(m.end, a.start).contains(|c: char| {
                sentences::CLAUSE_BREAKS.contains(&c) || catalogue::LIST_JOINS.contains(&c)
            })
    });
    if right_before.is_some() {
        return right_before;
    }
    let after = s
        .mentions
        .iter()
        .filter(money)
        .find(|m| m.start >= a.end)
        .filter(|m| s.segment_of(m.start) == segment);
    if let Some(m) = after
        && m.start - listed_until(s, a, m.start) <= sentences::FOLLOWING_KIND_REACH
    {
        return Some(m);
    }
    s.mentions
        .iter()
        .filter(money)
        .rev()
        .find(|m| m.end <= a.start)
}

#[cfg(test)]
mod tests;
