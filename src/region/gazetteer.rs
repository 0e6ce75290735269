//! The bundled division codes, parsed into provinces, cities and counties.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::names::{
    ALIASES, DIRECT_PLACEHOLDERS, MUNICIPAL_PLACEHOLDERS, WEAK_SHORTS, char_len, short_form, words,
};
use super::scan::Matcher;

const PROVINCES_CSV: &str = include_str!("data/provinces.csv");
const CITIES_CSV: &str = include_str!("data/cities.csv");
const AREAS_CSV: &str = include_str!("data/areas.csv");

/// A province-level unit.
pub(crate) struct Province {
    pub name: String,
    pub short: Option<String>,
    /// Index of the city standing for a municipality as a whole.
    pub own_city: Option<usize>,
}

/// A prefecture-level unit, or a county-level unit administered directly by its province.
pub(crate) struct City {
    pub name: String,
    pub province: usize,
    /// True for county-level units promoted to city (济源市, 仙桃市, 石河子市 …).
    pub direct: bool,
    /// True for the stand-in city of a municipality.
    pub municipal: bool,
}

/// A county-level unit under a city.
pub(crate) struct County {
    pub name: String,
    pub city: usize,
    pub province: usize,
}

/// A unit of any level, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Place {
    Province(usize),
    City(usize),
    County(usize),
}

/// One meaning of a name string.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub place: Place,
    /// The string is the official full name rather than a short form.
    pub full: bool,
    /// The name needs other evidence before it may count.
    pub weak: bool,
    /// The name has three or more characters and no other meaning nationwide.
    pub unique: bool,
}

/// The bundled gazetteer, parsed once.
pub struct Gazetteer {
    pub(crate) provinces: Vec<Province>,
    pub(crate) cities: Vec<City>,
    pub(crate) counties: Vec<County>,
    /// Distinct name strings, each with every place it may denote (code order).
    pub(crate) keys: Vec<(String, Vec<Entry>)>,
    pub(crate) index: HashMap<String, usize>,
    /// Division codes (NBS: 2 digits a province, 4 a city, 6 a county) to places.
    pub(crate) codes: HashMap<String, Place>,
    pub(crate) matcher: Matcher,
}

/// The fields of one CSV data row, quotes removed.
fn rows(csv: &str) -> impl Iterator<Item = Vec<&str>> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').map(|f| f.trim().trim_matches('"')).collect())
}

impl Gazetteer {
    /// The gazetteer built from the bundled NBS 2023 tables.
    pub fn bundled() -> &'static Gazetteer {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| Gazetteer::parse(PROVINCES_CSV, CITIES_CSV, AREAS_CSV))
    }

    fn parse(provinces_csv: &str, cities_csv: &str, areas_csv: &str) -> Gazetteer {
        let mut provinces = Vec::new();
        let mut province_by_code = HashMap::new();
        let mut codes = HashMap::new();
        for r in rows(provinces_csv) {
            let [code, name] = r[..] else {
                panic!("malformed bundled provinces.csv row: {r:?}")
            };
            province_by_code.insert(code.to_string(), provinces.len());
            codes.insert(code.to_string(), Place::Province(provinces.len()));
            provinces.push(Province {
                name: name.to_string(),
                short: short_form(name),
                own_city: None,
            });
        }
        let mut areas_by_city: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        for r in rows(areas_csv) {
            let [code, name, city, _] = r[..] else {
                panic!("malformed bundled areas.csv row: {r:?}")
            };
            areas_by_city.entry(city).or_default().push((code, name));
        }
        let mut cities: Vec<City> = Vec::new();
        let mut counties = Vec::new();
        for r in rows(cities_csv) {
            let [code, name, prov] = r[..] else {
                panic!("malformed bundled cities.csv row: {r:?}")
            };
            let Some(&province) = province_by_code.get(prov) else {
                continue;
            };
            let areas = areas_by_city.remove(code).unwrap_or_default();
            if DIRECT_PLACEHOLDERS.contains(&name) {
                for (area_code, area) in areas {
                    codes.insert(area_code.to_string(), Place::City(cities.len()));
                    cities.push(City {
                        name: area.to_string(),
                        province,
                        direct: true,
                        municipal: false,
                    });
                }
                continue;
            }
            let city = if MUNICIPAL_PLACEHOLDERS.contains(&name) {
                match provinces[province].own_city {
                    Some(c) => c,
                    None => {
                        provinces[province].own_city = Some(cities.len());
                        cities.push(City {
                            name: provinces[province].name.clone(),
                            province,
                            direct: false,
                            municipal: true,
                        });
                        cities.len() - 1
                    }
                }
            } else {
                codes.insert(code.to_string(), Place::City(cities.len()));
                cities.push(City {
                    name: name.to_string(),
                    province,
                    direct: false,
                    municipal: false,
                });
                cities.len() - 1
            };
            for (area_code, area) in areas {
                codes.insert(area_code.to_string(), Place::County(counties.len()));
                counties.push(County {
                    name: area.to_string(),
                    city,
                    province,
                });
            }
        }
        let mut g = Gazetteer {
            provinces,
            cities,
            counties,
            keys: Vec::new(),
            index: HashMap::new(),
            codes,
            matcher: Matcher::empty(),
        };
        g.build_index();
        g.matcher = Matcher::new(g.keys.iter().map(|(k, _)| k.as_str()));
        g
    }

    fn build_index(&mut self) {
        let mut names: Vec<(String, Place, bool)> = Vec::new();
        for (i, p) in self.provinces.iter().enumerate() {
            names.push((p.name.clone(), Place::Province(i), true));
            names.extend(p.short.clone().map(|s| (s, Place::Province(i), false)));
        }
        let cities = self.cities.iter().enumerate().filter(|(_, c)| !c.municipal);
        for (i, c) in cities {
            names.push((c.name.clone(), Place::City(i), true));
            names.extend(short_form(&c.name).map(|s| (s, Place::City(i), false)));
        }
        for (i, c) in self.counties.iter().enumerate() {
            names.push((c.name.clone(), Place::County(i), true));
            names.extend(short_form(&c.name).map(|s| (s, Place::County(i), false)));
        }
        for &(alias, official) in ALIASES {
            let place = names.iter().find(|n| n.2 && n.0 == official).map(|n| n.1);
            names.extend(place.map(|p| (alias.to_string(), p, false)));
        }
        for (name, place, full) in names {
            let weak = !full && words(WEAK_SHORTS).any(|w| w == name);
            let entry = Entry {
                place,
                full,
                weak,
                unique: false,
            };
            match self.index.get(&name) {
                Some(&k) => self.keys[k].1.push(entry),
                None => {
                    self.index.insert(name.clone(), self.keys.len());
                    self.keys.push((name, vec![entry]));
                }
            }
        }
        for (name, entries) in &mut self.keys {
            let unique = entries.len() == 1 && char_len(name) >= 3;
            for e in entries.iter_mut() {
                e.unique = unique;
            }
        }
    }

    /// The province index of a place.
    pub(crate) fn province_of(&self, place: Place) -> usize {
        match place {
            Place::Province(p) => p,
            Place::City(c) => self.cities[c].province,
            Place::County(k) => self.counties[k].province,
        }
    }

    /// The city index of a place; a municipality counts as its own city.
    pub(crate) fn city_of(&self, place: Place) -> Option<usize> {
        match place {
            Place::Province(p) => self.provinces[p].own_city,
            Place::City(c) => Some(c),
            Place::County(k) => Some(self.counties[k].city),
        }
    }

    /// The official full names of a place.
    pub(crate) fn region_of(&self, place: Place) -> super::Region {
        let province = self.province_of(place);
        let city = self.city_of(place);
        super::Region {
            province: self.provinces[province].name.clone(),
            city: city.map(|c| self.cities[c].name.clone()),
            county: match place {
                Place::County(k) => Some(self.counties[k].name.clone()),
                _ => None,
            },
        }
    }

    /// Every place a name string (full or short) may denote, in code order.
    pub(crate) fn entries(&self, name: &str) -> &[Entry] {
        self.index
            .get(name)
            .map(|&k| self.keys[k].1.as_slice())
            .unwrap_or(&[])
    }
}
