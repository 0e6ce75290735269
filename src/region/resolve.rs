//! Turning raw name hits into scored places, using the text's own evidence to disambiguate.

use std::collections::{HashMap, HashSet};

use super::gazetteer::{Entry, Gazetteer, Place};
use super::names::char_len;
use super::scan::{Hit, Scope};

/// Where a hit was found; decides how much it weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    Source,
    Author,
    Hint,
    Lead,
    Body,
}

impl Field {
    fn weight(self) -> u32 {
        match self {
            Field::Title => 8,
            Field::Source => 6,
            Field::Hint => 3,
            Field::Author | Field::Lead => 2,
            Field::Body => 1,
        }
    }

    /// Title, publisher and banner fields name the article's place directly.
    fn strong(self) -> bool {
        matches!(
            self,
            Field::Title | Field::Source | Field::Author | Field::Hint
        )
    }
}

/// Accumulated evidence for one place.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Score {
    /// Weighted sum over all fields.
    pub total: u32,
    /// Weighted sum over title, source, author and hint.
    pub strong: u32,
    pub title: u32,
    /// Publisher or author mentions.
    pub source: u32,
    pub hint: u32,
    /// Number of mentions in lead and body.
    pub body_hits: u32,
}

impl Score {
    fn add(&mut self, field: Field) {
        let w = field.weight();
        self.total += w;
        if field.strong() {
            self.strong += w;
        }
        match field {
            Field::Title => self.title += w,
            Field::Source | Field::Author => self.source += w,
            Field::Hint => self.hint += w,
            Field::Lead | Field::Body => self.body_hits += 1,
        }
    }
}

/// Everything a text says about places, resolved and summed.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    pub provinces: HashMap<usize, Score>,
    pub cities: HashMap<usize, Score>,
    pub counties: HashMap<usize, Score>,
    /// Provinces named at province level in the title.
    pub title_provinces: HashSet<usize>,
    /// Self-reference counts (我省, 我市, 我县, 我区) over all fields.
    pub self_province: u32,
    pub self_city: u32,
    pub self_county: u32,
    pub self_district: u32,
}

/// Places that the text supports without ambiguity.
#[derive(Default)]
struct Anchors {
    provinces: HashSet<usize>,
    cities: HashSet<usize>,
    fulls: HashSet<Place>,
}

impl Gazetteer {
    /// Resolves every hit of every field and sums the evidence.
    pub(crate) fn tally(&self, hits: &[(Field, Hit)]) -> Tally {
        let anchors = self.anchors(hits);
        let mut t = Tally::default();
        for &(field, hit) in hits {
            let key = match hit {
                Hit::SelfRef(scope) => {
                    match scope {
                        Scope::Province => t.self_province += 1,
                        Scope::City => t.self_city += 1,
                        Scope::County => t.self_county += 1,
                        Scope::District => t.self_district += 1,
                    }
                    continue;
                }
                Hit::Name(key) => key,
            };
            let Some(place) = self.choose(key, &anchors) else {
                continue;
            };
            t.provinces
                .entry(self.province_of(place))
                .or_default()
                .add(field);
            match place {
                Place::Province(p) => {
                    if field == Field::Title {
                        t.title_provinces.insert(p);
                    }
                }
                Place::City(c) => t.cities.entry(c).or_default().add(field),
                Place::County(k) => {
                    t.cities
                        .entry(self.counties[k].city)
                        .or_default()
                        .add(field);
                    t.counties.entry(k).or_default().add(field);
                }
            }
        }
        t
    }

    fn anchors(&self, hits: &[(Field, Hit)]) -> Anchors {
        let mut a = Anchors::default();
        for &(_, hit) in hits {
            let Hit::Name(key) = hit else { continue };
            let entries = &self.keys[key].1;
            a.fulls
                .extend(entries.iter().filter(|e| e.full).map(|e| e.place));
            let strong: Vec<Place> = entries
                .iter()
                .filter(|e| self.self_evident(e))
                .map(|e| e.place)
                .collect();
            let Some(&first) = strong.first() else {
                continue;
            };
            let p = self.province_of(first);
            if strong.iter().all(|&pl| self.province_of(pl) == p) {
                a.provinces.insert(p);
            }
            let c = self.city_of(first);
            if c.is_some() && strong.iter().all(|&pl| self.city_of(pl) == c) {
                a.cities.extend(c);
            }
        }
        a
    }

    /// Whether a meaning of a name counts without any other evidence.
    fn self_evident(&self, e: &Entry) -> bool {
        match e.place {
            Place::Province(_) => true,
            Place::City(c) => e.full || (!e.weak && !self.cities[c].direct),
            Place::County(_) => e.unique,
        }
    }

    /// Whether a meaning of a name may count given the text's anchors.
    fn admissible(&self, key: usize, e: &Entry, a: &Anchors) -> bool {
        if self.self_evident(e) {
            return true;
        }
        let province = self.province_of(e.place);
        match e.place {
            Place::Province(_) => true,
            Place::City(c) if self.cities[c].direct => {
                a.fulls.contains(&e.place) || (!e.weak && a.provinces.contains(&province))
            }
            Place::City(_) => a.provinces.contains(&province) || a.fulls.contains(&e.place),
            Place::County(_) if e.weak => a.fulls.contains(&e.place),
            Place::County(k) => {
                let name = &self.keys[key].0;
                // A county named only by a short form (晋江) counts when its province is named
                // too and no other county of that province shares the name.
                a.cities.contains(&self.counties[k].city)
                    || (!e.full && a.fulls.contains(&e.place))
                    || ((!e.full || char_len(name) >= 3)
                        && a.provinces.contains(&province)
                        && self.unique_in_province(key, province))
            }
        }
    }

    fn unique_in_province(&self, key: usize, province: usize) -> bool {
        let entries = &self.keys[key].1;
        entries
            .iter()
            .filter(|e| self.province_of(e.place) == province)
            .count()
            == 1
    }

    /// The meaning of a name hit best supported by the text, if any may count.
    fn choose(&self, key: usize, a: &Anchors) -> Option<Place> {
        let entries = &self.keys.get(key)?.1;
        entries
            .iter()
            .enumerate()
            .filter(|(_, e)| self.admissible(key, e, a))
            .min_by_key(|&(i, e)| {
                let support = if self.city_of(e.place).is_some_and(|c| a.cities.contains(&c)) {
                    0
                } else if a.provinces.contains(&self.province_of(e.place)) {
                    1
                } else {
                    2
                };
                let province_first = !matches!(e.place, Place::Province(_));
                (province_first, support, i)
            })
            .map(|(_, e)| e.place)
    }
}
