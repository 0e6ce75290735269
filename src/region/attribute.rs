//! Deciding which jurisdiction an article is about.

use std::collections::HashMap;

use super::Region;
use super::gazetteer::{Gazetteer, Place};
use super::resolve::{Field, Score, Tally};

/// What a reader uses to place an article.
#[derive(Debug, Clone, Copy, Default)]
pub struct Evidence<'a> {
    /// The headline.
    pub title: &'a str,
    /// The publisher (阳泉日报, 呼和浩特市科技局, 人民日报客户端山西频道 …).
    pub source: Option<&'a str>,
    /// The byline.
    pub author: Option<&'a str>,
    /// Paragraphs joined with '\n'; the first one or two are the lead.
    pub body: &'a str,
    /// Extra text such as tags, category or a site banner.
    pub hint: Option<&'a str>,
}

/// Number of leading non-empty paragraphs treated as the lead.
const LEAD_PARAGRAPHS: usize = 2;

/// The jurisdiction an article is about, or None when nothing places it.
pub fn attribute(g: &Gazetteer, ev: &Evidence) -> Option<Region> {
    let mut hits = Vec::new();
    let mut add = |field: Field, text: &str| {
        hits.extend(g.scan(text).into_iter().map(|h| (field, h)));
    };
    add(Field::Title, ev.title);
    for (field, text) in [
        (Field::Source, ev.source),
        (Field::Author, ev.author),
        (Field::Hint, ev.hint),
    ] {
        if let Some(text) = text {
            add(field, text);
        }
    }
    let mut paragraphs = ev.body.split('\n').filter(|p| !p.trim().is_empty());
    for p in paragraphs.by_ref().take(LEAD_PARAGRAPHS) {
        add(Field::Lead, p);
    }
    for p in paragraphs {
        add(Field::Body, p);
    }
    let t = g.tally(&hits);
    let p = choose_province(&t)?;
    let Some(c) = choose_city(g, &t, p) else {
        return Some(g.region_of(Place::Province(p)));
    };
    if g.cities[c].direct {
        return Some(g.region_of(Place::City(c)));
    }
    match choose_county(g, &t, p, c) {
        Some(k) => Some(g.region_of(Place::County(k))),
        None => Some(g.region_of(Place::City(c))),
    }
}

/// How far a place must stand out among the places a text mentions.
#[derive(Debug, Clone, Copy)]
struct Bar {
    /// Mentions it needs at least.
    min: u32,
    /// Its share of all mentions at its level, in percent.
    share_pct: u32,
}

/// Body evidence alone: three (weighted) mentions holding three fifths of the weight, so that
/// a passing comparison with another place ("as 深圳 did") does not move an article.
const BODY_BAR: Bar = Bar {
    min: 3,
    share_pct: 60,
};
/// Body evidence of a text that speaks as a place (我省, 本市): it says it is local, so two
/// mentions and half of them suffice.
const SELF_REF_BAR: Bar = Bar {
    min: 2,
    share_pct: 50,
};
/// Mentions in the lead and body the body bar also asks for: weight from a heavier field
/// (a lead mention weighs more than one in the body) must not stand in for repetition.
const BODY_HITS: u32 = 3;

/// Whether `best` clearly outweighs the rest on body evidence alone.
fn dominates(best: &Score, mass: u32, bar: Bar) -> bool {
    best.total >= bar.min && best.total * 100 >= mass * bar.share_pct
}

/// Scores sorted best first: by total, then by title/publisher weight, then code order.
fn ranked<'a>(scores: impl Iterator<Item = (&'a usize, &'a Score)>) -> Vec<(usize, Score)> {
    let mut v: Vec<(usize, Score)> = scores.map(|(&i, &s)| (i, s)).collect();
    v.sort_by_key(|&(i, s)| (std::cmp::Reverse(s.total), std::cmp::Reverse(s.strong), i));
    v
}

/// The province the evidence points to, if one clearly stands out.
fn choose_province(t: &Tally) -> Option<usize> {
    let ranked = ranked(t.provinces.iter());
    let (best, s) = *ranked.first()?;
    let mass: u32 = ranked.iter().map(|r| r.1.total).sum();
    // Title and publisher outrank body counts unless the body is overwhelmingly elsewhere.
    let mut named = ranked.iter().filter(|r| r.1.strong > 0);
    if let Some(&(p, ps)) = named.next() {
        let runner = named.next().map(|r| r.1).unwrap_or_default();
        let clear = ps.total > runner.total || ps.strong > runner.strong;
        if clear && ps.total * 2 >= s.total {
            return Some(p);
        }
    }
    // Speaking as a place (我省, 本市) lowers the bar for the body to place the article.
    if t.self_province + t.self_city > 0 {
        dominates(&s, mass, SELF_REF_BAR).then_some(best)
    } else {
        (dominates(&s, mass, BODY_BAR) && s.body_hits >= BODY_HITS).then_some(best)
    }
}

/// The city within province `p`, or None for a province-wide (or unplaceable) article.
fn choose_city(g: &Gazetteer, t: &Tally, p: usize) -> Option<usize> {
    if let Some(c) = g.provinces[p].own_city {
        return Some(c);
    }
    let in_province = |c: &&usize| g.cities[**c].province == p;
    let scores: HashMap<usize, Score> = t
        .cities
        .iter()
        .filter(|(c, _)| in_province(c))
        .map(|(&c, &s)| (c, s))
        .collect();
    let title_city = scores.values().any(|s| s.title > 0);
    let province_title = t.title_provinces.contains(&p) && !title_city;
    let mut strong: Vec<(usize, Score)> = ranked(scores.iter())
        .into_iter()
        .filter(|(_, s)| s.strong > 0)
        .collect();
    strong.sort_by_key(|&(i, s)| (std::cmp::Reverse(s.strong), std::cmp::Reverse(s.total), i));
    if let Some(&(best, s)) = strong.first() {
        let runner = strong.get(1).map(|r| r.1).unwrap_or_default();
        let clear = s.strong > runner.strong || s.total > runner.total;
        // A title naming only the province makes a province-wide article, even from a city publisher,
        // unless the text speaks as that city (我市).
        if clear && (!province_title || t.self_city > 0) {
            return Some(best);
        }
    }
    // An article speaking as the province (我省, 全省) is province-wide unless it names a city up front.
    if province_title || t.self_province > t.self_city {
        return None;
    }
    let ranked = ranked(scores.iter());
    let &(best, s) = ranked.first()?;
    let mass: u32 = ranked.iter().map(|r| r.1.total).sum();
    let by_share = dominates(&s, mass, BODY_BAR) && s.body_hits >= BODY_HITS;
    let by_self = t.self_city > 0 && dominates(&s, mass, SELF_REF_BAR);
    (by_share || by_self).then_some(best)
}

/// The county within city `c`, only when the title, publisher or a 我县-style text names one.
fn choose_county(g: &Gazetteer, t: &Tally, p: usize, c: usize) -> Option<usize> {
    let scores: HashMap<usize, Score> = t
        .counties
        .iter()
        .filter(|(k, _)| g.counties[**k].city == c)
        .map(|(&k, &s)| (k, s))
        .collect();
    let only = |f: fn(&Score) -> bool| {
        let mut it = scores.iter().filter(|(_, s)| f(s)).map(|(&k, _)| k);
        match (it.next(), it.next()) {
            (Some(k), None) => Some(Some(k)),
            (Some(_), Some(_)) => Some(None),
            _ => None,
        }
    };
    if let Some(k) = only(|s| s.title > 0) {
        return k;
    }
    if let Some(k) = only(|s| s.source > 0) {
        return k;
    }
    let autonomous = g.provinces[p].name.ends_with("自治区");
    let self_refs = t.self_county + if autonomous { 0 } else { t.self_district };
    if self_refs == 0 {
        return None;
    }
    if let Some(k) = only(|s| s.hint > 0) {
        return k;
    }
    let county_title: u32 = scores.values().map(|s| s.title).sum();
    let city_title = t.cities.get(&c).map_or(0, |s| s.title) > county_title;
    if city_title || t.title_provinces.contains(&p) {
        return None;
    }
    let ranked = ranked(scores.iter());
    let &(best, s) = ranked.first()?;
    let mass: u32 = ranked.iter().map(|r| r.1.total).sum();
    dominates(&s, mass, BODY_BAR).then_some(best)
}
