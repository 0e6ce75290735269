//! Whether what a sentence names is offered to people: not to an organisation, not in a
//! report of what was paid, and not a figure of another kind.

use std::sync::LazyLock;

use regex::Regex;

use super::amount::Amount;
use super::catalogue::{
    self, APPROXIMATE, BODIES, HEAD_ORGANISATIONS, LIST_JOINS, NOT_A_COUNT, NOT_A_COUNT_AFTER,
    NOT_AN_OFFER, ORGANISATIONS, PEOPLE, PERSONS, PERSONS_OWN, PROHIBITIONS, REPORTED,
};
use super::sentences::{CLAUSE_BREAKS, Mention, Sentence};

/// A count of people: 3000名, 2.3万人, 1500余名.
static PEOPLE_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{}(?:万|千)?(?:余|多)?(?:名|人)",
        catalogue::COUNT
    ))
    .expect("valid regex")
});

/// Whether a text names people (not only a body named after them, "居民委员会").
pub fn names_people(text: &str) -> bool {
    PEOPLE.iter().any(|w| {
        text.match_indices(w)
            .any(|(at, _)| !BODIES.iter().any(|b| text[at + w.len()..].starts_with(b)))
    })
}

/// Whether a recipient phrase names an organisation: its head (after its last 的) ends with
/// one and names no person ("引进博士的企业", not "…青年及其团队、企业"), or it names one and no
/// person ("引才企业", but not "大学生创业项目").
pub fn organisation(phrase: &str) -> bool {
    headed_by_organisation(phrase)
        || (ORGANISATIONS.iter().any(|o| phrase.contains(o)) && !person(phrase))
}

/// Whether a text names a person: any word for people, or one for a person's own.
fn person(text: &str) -> bool {
    names_people(text) || PERSONS.iter().any(|p| text.contains(p))
}

/// Whether every item of a phrase's head (after its last 的) ends with an organisation
/// ("招收博士后的设站单位", "考核优秀的县"; not "…青年及其团队、企业"). A phrase without 的 before
/// its last word ("创办企业" of "…人才来常创办企业的") may be a condition on people.
fn headed_by_organisation(phrase: &str) -> bool {
    let Some((_, head)) = phrase.rsplit_once('的') else {
        return false;
    };
    let ends_as_organisation = |item: &str| {
        HEAD_ORGANISATIONS.iter().any(|o| government(item, o))
            || ORGANISATIONS
                .iter()
                .any(|o| item.ends_with(o) && !(PERSONS_OWN.contains(o) && person(phrase)))
    };
    let mut items = head.split(LIST_JOINS).filter(|i| !i.is_empty()).peekable();
    items.peek().is_some() && items.all(ends_as_organisation)
}

/// Whether an item ends with the name of a government (`place`: "考核优秀的县"), not with a place
/// people come to ("高层次人才来我市").
fn government(item: &str, place: &str) -> bool {
    item.ends_with(place) && !person(item)
}

/// Whether the sentence opens with a clause naming an organisation, the topic of an amount
/// in a later clause ("新设立的博士后创新实践基地，给予20万元资助").
fn topic_is_organisation(s: &Sentence, a: &Amount) -> bool {
    let first_end = s.segment_bounds(0).1;
    s.segment_of(a.start) > 0 && headed_by_organisation(&s.slice(0, first_end))
}

/// Whether a sentence reports how many people have had something (已有3000名博士享受…), not
/// what is offered: a count of people after a word of the past in its clause.
pub fn reports_a_count(text: &str) -> bool {
    REPORTED.iter().any(|w| text.contains(w))
        && PEOPLE_COUNT.find_iter(text).any(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let clause_start = text[..m.start()].rfind(CLAUSE_BREAKS).map_or(0, |at| {
                at + text[at..].chars().next().map_or(0, char::len_utf8)
            });
            let clause = &text[clause_start..m.start()];
            !before.is_some_and(|c| NOT_A_COUNT.contains(&c))
                && !after.is_some_and(|c| NOT_A_COUNT_AFTER.contains(&c))
                && REPORTED.iter().any(|w| clause.contains(w))
        })
}

/// Whether the words between an amount and the benefit it pays give it to an organisation
/// ("按每人每月1500元给予见习单位见习补贴").
pub fn given_to_organisation(s: &Sentence, a: &Amount, m: &Mention) -> bool {
    if m.start < a.end || s.segment_of(m.start) != s.segment_of(a.start) {
        return false;
    }
    let between = s.slice(a.end, m.start);
    between
        .find("给予")
        .is_some_and(|at| organisation(&between[at + "给予".len()..]))
}

/// Whether an amount is offered to people: not in a sentence that reports what was paid
/// (`reported`, [`reports_a_count`] read once per sentence), not an investment, fine, budget,
/// prize or turnover, and not given to an organisation ("对…企业", "给予引才企业…").
pub fn is_offer(s: &Sentence, a: &Amount, reported: bool) -> bool {
    let segment = s.segment_text(a.start);
    let just_before = s.slice(a.start.saturating_sub(1), a.start);
    if NOT_AN_OFFER.iter().any(|w| segment.contains(w))
        || PROHIBITIONS.iter().any(|w| segment.contains(w))
        || APPROXIMATE.contains(&just_before.as_str())
        || reported
    {
        return false;
    }
    match s.recipient_phrase(a.start) {
        Some(r) if organisation(&r) => return false,
        None if topic_is_organisation(s, a) => return false,
        _ => {}
    }
    let before = s.slice(s.segment_bounds(a.start).0, a.start);
    !before
        .rfind("给予")
        .is_some_and(|at| organisation(&before[at..]))
}
