//! Talent offers as data: every benefit a text states (its kind, amount, period, duration and
//! recipients), each with the sentence it came from as character offsets into the article's
//! paragraphs joined with "\n". Read from the stored text whenever asked, never invented: a
//! value the sentence does not state is null.

mod amount;
pub mod catalogue;
pub mod compare;
mod recipients;
mod sentences;

use serde::Serialize;

use amount::Amount;
pub use catalogue::BenefitKind;
use catalogue::{
    APPROXIMATE, BODIES, GENERAL, NOT_AN_OFFER, OFFER_VERBS, ORGANISATIONS, PEOPLE, PERSONS,
    POSTDOC, POSTDOC_FUNDING, PROHIBITIONS, SUPPLY, TALENT,
};
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

fn in_sentence(s: &Sentence, inherited: Option<&Mention>) -> Vec<Benefit> {
    let mut out: Vec<Benefit> = Vec::new();
    let postdoc = s.text.contains(POSTDOC) || s.carry.contains(POSTDOC);
    let mut bound: Vec<usize> = Vec::new();
    for (i, a) in s.amounts.iter().enumerate() {
        if !is_offer(s, a) {
            continue;
        }
        let Some(mention) = bind(s, a).or(inherited) else {
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
        let base = a.max.or(a.min);
        let value = match (period, years) {
            (Some(Period::Monthly), Some(y)) => base.map(|b| b * MONTHS * i64::from(y)),
            (Some(Period::Yearly), Some(y)) => base.map(|b| b * i64::from(y)),
            _ => base,
        };
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
        && (names_people(&s.text) || names_people(&s.carry));
    if !offering {
        return out;
    }
    let talent = TALENT
        .iter()
        .any(|w| s.text.contains(w) || s.carry.contains(w));
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
        let period = sentences::period_in(&s.slice(clause_start, m.end));
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

/// Whether a text names people (not only a body named after them, "居民委员会").
fn names_people(text: &str) -> bool {
    PEOPLE.iter().any(|w| {
        text.match_indices(w)
            .any(|(at, _)| !BODIES.iter().any(|b| text[at + w.len()..].starts_with(b)))
    })
}

/// Whether a recipient phrase names an organisation and no person ("引才企业", but not
/// "大学生创业项目").
fn organisation(phrase: &str) -> bool {
    ORGANISATIONS.iter().any(|o| phrase.contains(o)) && !PERSONS.iter().any(|p| phrase.contains(p))
}

/// Whether an amount is offered to people: not an investment, fine, budget, prize or
/// turnover, and not given to an organisation ("对…企业", "给予引才企业…").
fn is_offer(s: &Sentence, a: &Amount) -> bool {
    let segment = s.segment_text(a.start);
    let just_before = s.slice(a.start.saturating_sub(1), a.start);
    if NOT_AN_OFFER.iter().any(|w| segment.contains(w))
        || APPROXIMATE.contains(&just_before.as_str())
    {
        return false;
    }
    if s.recipient_phrase(a.start)
        .is_some_and(|r| organisation(&r))
    {
        return false;
    }
    let before = s.slice(s.segment_bounds(a.start).0, a.start);
    !before
        .rfind("给予")
        .is_some_and(|at| organisation(&before[at..]))
}

/// The kind an amount pays: the phrase right after it in its clause ("2000元生活补贴", or after
/// a list of amounts: "5万元、2万元安家补贴"), else the nearest before it in the sentence
/// ("生活补贴每月2000元").
fn bind<'a>(s: &'a Sentence, a: &Amount) -> Option<&'a Mention> {
    let money = |m: &&Mention| !m.kind.in_kind();
    let segment = s.segment_of(a.start);
    let after = s
        .mentions
        .iter()
        .filter(money)
        .find(|m| m.start >= a.end)
        .filter(|m| s.segment_of(m.start) == segment);
    if let Some(m) = after {
        // Characters between the amount and the phrase that are not other amounts.
        let other: usize = s
            .amounts
            .iter()
            .filter(|o| o.start >= a.end && o.end <= m.start)
            .map(|o| o.end - o.start)
            .sum();
        if m.start - a.end - other <= sentences::FOLLOWING_KIND_REACH {
            return Some(m);
        }
    }
    s.mentions
        .iter()
        .filter(money)
        .rev()
        .find(|m| m.end <= a.start)
}

#[cfg(test)]
mod tests;
