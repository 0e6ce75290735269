//! Who a benefit is for: the degrees and tiers named before its amount (the nearest clause
//! that names any), an age limit, and the recipient phrase as written. "博士、硕士分别给予5万元、
//! 2万元" pairs each listed recipient with its amount.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::Serialize;

use super::catalogue::{
    ASPECTS, DEGREE_ORDER, DEGREES, NOT_TO, RECIPIENTS_AFTER, TIER_LIST, TIER_WITH_FIELD, TIERS,
};
use super::sentences::{CLAUSE_BREAKS, Sentence};

/// Who a benefit is for, as stated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Recipients {
    /// Degrees (博士后, 博士, 硕士, 本科, 专科).
    pub degrees: Vec<String>,
    /// Tiers (顶尖人才, 领军人才, A类 …).
    pub tiers: Vec<String>,
    /// The oldest age allowed.
    pub age_max: Option<u32>,
    /// The recipient phrase as written ("来济工作的博士研究生").
    pub conditions: Option<String>,
}

fn finder(words: &[(&str, &str)]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(words.iter().map(|(w, _)| w))
        .expect("valid words")
}

static DEGREE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| finder(DEGREES));
static TIER_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| finder(TIERS));

/// Lettered tiers written together: A、B、C类.
static LETTERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-E](?:\s*[、,，和及与]\s*[A-E])*\s*类").expect("valid regex"));

static LISTED_TIERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(TIER_LIST).expect("valid regex"));

static ASPECT_LIST: LazyLock<Regex> = LazyLock::new(|| Regex::new(ASPECTS).expect("valid regex"));

static FIELD_TIER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(TIER_WITH_FIELD).expect("valid regex"));

/// 35周岁以下, 不超过40周岁, 40岁（含）以下, 年龄放宽至45周岁.
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{2})\s*周?岁\s*(?:（含）|\(含\))?\s*(?:以下|以内|及以下)|(?:不超过|不满|未满|低于|不高于|放宽至|放宽到)\s*(\d{2})\s*周?岁",
    )
    .expect("valid regex")
});

/// The degrees named in `text`, in text order.
fn degrees(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in DEGREE_FINDER.find_iter(text) {
        let name = DEGREES[m.pattern().as_usize()].1.to_string();
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The tiers named in `text`, in text order.
fn tiers(text: &str) -> Vec<String> {
    let mut at: Vec<(usize, String)> = Vec::new();
    for m in LETTERS.find_iter(text) {
        for c in m.as_str().chars().filter(char::is_ascii_uppercase) {
            at.push((m.start(), format!("{c}类")));
        }
    }
    for m in TIER_FINDER.find_iter(text) {
        let name = TIERS[m.pattern().as_usize()].1;
        if !name.ends_with('类') {
            at.push((m.start(), name.to_string()));
        }
    }
    for c in LISTED_TIERS.captures_iter(text) {
        let (Some(m), Some(heads)) = (c.get(0), c.get(1)) else {
            continue;
        };
        for head in heads.as_str().split('、') {
            let named = TIERS
                .iter()
                .filter_map(|(_, name)| name.strip_suffix("人才").map(|h| (h, name)))
                .filter(|(h, _)| !head.is_empty() && head.ends_with(h));
            at.extend(named.map(|(_, name)| (m.start(), name.to_string())));
        }
    }
    for c in FIELD_TIER.captures_iter(text) {
        if let (Some(m), Some(head)) = (c.get(0), c.get(1)) {
            at.push((m.start(), format!("{}人才", head.as_str())));
        }
    }
    at.sort_by_key(|(p, _)| *p);
    let mut out: Vec<String> = Vec::new();
    for (_, t) in at {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// The age limit stated last in `text`: the nearest to what follows it ("博士（40周岁以下）…，
/// 硕士（35周岁以下）…").
fn age(text: &str) -> Option<u32> {
    let c = AGE.captures_iter(text).last()?;
    c.get(1).or(c.get(2))?.as_str().parse().ok()
}

/// The nearest text before `pos` in which `pick` finds something: the clause up to `pos`
/// (from `floor` when another amount stands earlier in it), then each earlier clause.
fn nearest<T>(
    s: &Sentence,
    pos: usize,
    floor: usize,
    pick: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let (seg_start, _) = s.segment_bounds(pos);
    if let Some(v) = pick(&s.slice(seg_start.max(floor), pos)) {
        return Some(v);
    }
    // Then the clause before its first amount: "博士研究生可享受安家费8万元、购房补贴10万元".
    if floor > seg_start {
        let first = s
            .amounts
            .iter()
            .map(|o| o.start)
            .find(|at| *at >= seg_start)
            .unwrap_or(floor)
            .min(floor);
        if let Some(v) = pick(&s.slice(seg_start, first)) {
            return Some(v);
        }
    }
    let mut at = seg_start;
    while at > 0 {
        let (start, _) = s.segment_bounds(at - 1);
        if let Some(v) = pick(&s.slice(start, at)) {
            return Some(v);
        }
        at = start;
    }
    None
}

fn non_empty(v: Vec<String>) -> Option<Vec<String>> {
    (!v.is_empty()).then_some(v)
}

fn ordered(mut degrees: Vec<String>) -> Vec<String> {
    degrees.sort_by_key(|d| DEGREE_ORDER.iter().position(|o| o == d));
    degrees
}

fn gather(s: &Sentence, pos: usize, floor: usize) -> Recipients {
    // Named before it in the sentence, else in the sentence it continues, else in the first
    // of the list.
    let pick = |f: fn(&str) -> Vec<String>| {
        nearest(s, pos, floor, |t| non_empty(f(t)))
            .or_else(|| non_empty(f(&s.carry)))
            .or_else(|| non_empty(f(&s.lead)))
            .unwrap_or_default()
    };
    Recipients {
        degrees: ordered(pick(degrees)),
        tiers: pick(tiers),
        age_max: age(&s.slice(0, pos))
            .or_else(|| age(&s.text))
            .or_else(|| age(&s.carry))
            .or_else(|| age(&s.lead)),
        conditions: s.recipient_phrase(pos),
    }
}

/// The degrees, tiers and age limit a short text names (a table's cell or heading).
pub fn named_in(text: &str) -> Recipients {
    Recipients {
        degrees: ordered(degrees(text)),
        tiers: tiers(text),
        age_max: age(text),
        conditions: None,
    }
}

/// The recipients of a benefit named at `pos` (one in kind, or without an amount).
pub fn at(s: &Sentence, pos: usize) -> Recipients {
    let mut r = gather(s, pos, 0);
    // A benefit in kind often names its people after it (…子女可就近入学 for 高层次人才子女).
    if r.degrees.is_empty() && r.tiers.is_empty() {
        r.degrees = ordered(degrees(&s.text));
        r.tiers = tiers(&s.text);
    }
    r
}

/// The recipients of the sentence's amount number `i`.
pub fn of(s: &Sentence, i: usize) -> Recipients {
    let a = &s.amounts[i];
    if let Some(paired) = paired(s, i) {
        return paired;
    }
    let (seg_start, _) = s.segment_bounds(a.start);
    let floor = s
        .amounts
        .iter()
        .filter(|o| o.end <= a.start && o.end > seg_start)
        .map(|o| o.end)
        .max()
        .unwrap_or(0);
    let mut r = gather(s, a.start, floor);
    // Named after it, where the sentence says whom it applies to ("…生活补贴，适用于…博士研究生").
    if r.degrees.is_empty() && r.tiers.is_empty() {
        let after = s.slice(a.end, s.text.chars().count());
        if let Some(at) = RECIPIENTS_AFTER.iter().filter_map(|w| after.find(w)).min() {
            r.degrees = ordered(degrees(&after[at..]));
            r.tiers = tiers(&after[at..]);
        }
    }
    r
}

/// "A、B分别给予X、Y": the listed recipient at the amount's place in the list, when the list
/// and the amounts after 分别 (in the clause of the first) are as many.
fn paired(s: &Sentence, i: usize) -> Option<Recipients> {
    let a = &s.amounts[i];
    let before = s.slice(0, a.start);
    let at = before.rfind("分别")?;
    let at = before[..at].chars().count();
    let first = s.amounts.iter().position(|o| o.start > at)?;
    let clause = s.segment_of(s.amounts[first].start);
    let run: Vec<usize> = (first..s.amounts.len())
        .filter(|k| s.segment_of(s.amounts[*k].start) == clause)
        .collect();
    let place = run.iter().position(|k| *k == i)?;
    // The listed recipients stand before 分别 in a clause, or across clauses of the sentence
    // ("博士（40周岁以下）、硕士（35周岁以下）分别…"), or in the sentence it continues
    // ("对博士、硕士，分别给予…购房补贴；同时分别给予…安家费").
    let listed = |f: fn(&str) -> Vec<String>| {
        let as_many = |t: &str| {
            let found = f(t);
            (found.len() == run.len()).then_some(found)
        };
        nearest(s, at, 0, as_many)
            .or_else(|| as_many(&s.slice(0, at)))
            .or_else(|| as_many(&s.carry))
    };
    let mut r = gather(s, a.start, a.start);
    if let Some(listed) = listed(degrees) {
        r.degrees = vec![listed[place].clone()];
        if let Some(age) = listed_age(&s.slice(0, at), &listed[place]) {
            r.age_max = Some(age);
        }
        r.tiers = nearest(s, at, 0, |t| non_empty(tiers(t))).unwrap_or_default();
        return Some(r);
    }
    if let Some(listed) = listed(tiers) {
        // Tiers named apart from the list apply to each ("对引进的团队，按A类、B类分别…").
        let shared = tiers(&s.slice(0, at))
            .into_iter()
            .filter(|t| !listed.contains(t));
        r.tiers = std::iter::once(listed[place].clone())
            .chain(shared)
            .collect();
        r.degrees = ordered(nearest(s, at, 0, |t| non_empty(degrees(t))).unwrap_or_default());
        return Some(r);
    }
    None
}

/// The age limit stated for one listed degree: between the item before it and its own end when
/// the list states ages before degrees ("40周岁以下的博士和35周岁以下的硕士"), else between it and
/// the next item ("博士（40周岁以下）、硕士（35周岁以下）").
fn listed_age(list: &str, degree: &str) -> Option<u32> {
    let items: Vec<(usize, usize, &str)> = DEGREE_FINDER
        .find_iter(list)
        .map(|m| (m.start(), m.end(), DEGREES[m.pattern().as_usize()].1))
        .collect();
    let k = items.iter().position(|(_, _, d)| *d == degree)?;
    let (start, end, _) = items[k];
    // The list says every age before its degree, or every one after it.
    let before = age(&list[..items[0].1]).is_some();
    if before {
        let previous_end = k.checked_sub(1).map_or(0, |p| items[p].1);
        age(&list[previous_end..end])
    } else {
        let next_start = items.get(k + 1).map_or(list.len(), |n| n.0);
        age(&list[start..next_start])
    }
}

impl Sentence {
    /// Who an offer at `pos` is addressed to: the words after the last 对 before it (not one
    /// of 对象, 对接 …), up to 给予, the end of their clause, or the "在…方面" that lists
    /// what is offered.
    pub fn recipient_phrase(&self, pos: usize) -> Option<String> {
        let before = self.slice(0, pos);
        let at = before.match_indices('对').map(|(at, _)| at).rfind(|at| {
            let next = before[at + '对'.len_utf8()..].chars().next();
            !next.is_some_and(|c| NOT_TO.contains(&c))
        })?;
        let rest = &before[at + '对'.len_utf8()..];
        // The list may run on past `pos` to its 方面.
        let aspects = ASPECT_LIST
            .find(&self.text[before[..at].len() + '对'.len_utf8()..])
            .map(|m| m.start());
        let end = [rest.find("给予"), rest.find(CLAUSE_BREAKS), aspects]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        let phrase = rest[..end].trim_end_matches('的').trim();
        (!phrase.is_empty()).then(|| phrase.to_string())
    }
}
