//! Name listing and filter-value resolution.

use super::gazetteer::{Gazetteer, Place};
use super::{Level, Region};

impl Gazetteer {
    /// Every full and short place name, for a segmenter's user dictionary.
    pub fn place_names(&self) -> Vec<String> {
        self.keys
            .iter()
            .map(|(k, _)| k.clone())
            .filter(|k| k.chars().count() >= 2)
            .collect()
    }

    /// All province full names in code order.
    pub fn provinces(&self) -> Vec<&str> {
        self.provinces.iter().map(|p| p.name.as_str()).collect()
    }

    /// Cities (full names) of a province given by full or short name; a municipality lists itself.
    pub fn cities_of(&self, province: &str) -> Vec<&str> {
        let Some(p) = self.province_index(province) else {
            return Vec::new();
        };
        self.cities
            .iter()
            .filter(|c| c.province == p)
            .map(|c| c.name.as_str())
            .collect()
    }

    /// Resolves a filter value (full or short name) to official full names.
    ///
    /// Ambiguous names prefer province over city over county, then code order;
    /// `level` restricts the answer to one level. A municipality's city is itself.
    pub fn lookup(&self, name: &str, level: Option<Level>) -> Option<Region> {
        self.lookup_within_opt(name, level, None, None)
    }

    /// Like [`Gazetteer::lookup`], restricted to a province and/or city (full or short names).
    pub fn lookup_within(
        &self,
        name: &str,
        level: Level,
        province: Option<&str>,
        city: Option<&str>,
    ) -> Option<Region> {
        self.lookup_within_opt(name, Some(level), province, city)
    }

    fn lookup_within_opt(
        &self,
        name: &str,
        level: Option<Level>,
        province: Option<&str>,
        city: Option<&str>,
    ) -> Option<Region> {
        let name = name.trim();
        let province = match province {
            Some(p) => Some(self.province_index(p)?),
            None => None,
        };
        let city = match city {
            Some(c) => Some(self.city_index(c, province)?),
            None => None,
        };
        let place = self
            .entries(name)
            .iter()
            .map(|e| e.place)
            .filter(|&pl| province.is_none_or(|p| self.province_of(pl) == p))
            .filter(|&pl| city.is_none_or(|c| self.city_of(pl) == Some(c)))
            .find(|&pl| level.is_none_or(|l| self.at_level(pl, l)))
            .or_else(|| self.municipal_city(name, level, province))?;
        Some(self.region_of(place))
    }

    /// Every division at `level` that `name` denotes (a full or short name, or an NBS division
    /// code), within a province and/or city when given, in code order. Official full names
    /// win over short forms: 朝阳区 is two districts, 朝阳 also the city and the county.
    pub fn lookup_all(
        &self,
        name: &str,
        level: Level,
        province: Option<&str>,
        city: Option<&str>,
    ) -> Vec<Region> {
        let name = name.trim();
        if let Some(&place) = self.codes.get(name) {
            return if self.at_level(place, level) {
                vec![self.region_of(place)]
            } else {
                Vec::new()
            };
        }
        let province = match province.map(|p| self.province_index(p)) {
            Some(None) => return Vec::new(),
            Some(found) => found,
            None => None,
        };
        let city = match city.map(|c| self.city_index(c, province)) {
            Some(None) => return Vec::new(),
            Some(found) => found,
            None => None,
        };
        let matches: Vec<_> = self
            .entries(name)
            .iter()
            .filter(|e| province.is_none_or(|p| self.province_of(e.place) == p))
            .filter(|e| city.is_none_or(|c| self.city_of(e.place) == Some(c)))
            .filter(|e| self.at_level(e.place, level))
            .collect();
        let any_full = matches.iter().any(|e| e.full);
        let mut out: Vec<Region> = matches
            .iter()
            .filter(|e| e.full || !any_full)
            .map(|e| self.region_of(e.place))
            .collect();
        if out.is_empty()
            && let Some(place) = self.municipal_city(name, Some(level), province)
        {
            out.push(self.region_of(place));
        }
        out.dedup();
        out
    }

    /// Whether a place belongs to the requested level.
    fn at_level(&self, place: Place, level: Level) -> bool {
        matches!(
            (place, level),
            (Place::Province(_), Level::Province)
                | (Place::City(_), Level::City)
                | (Place::County(_), Level::County)
        )
    }

    /// A municipality asked for at city level (北京 as a city).
    fn municipal_city(
        &self,
        name: &str,
        level: Option<Level>,
        province: Option<usize>,
    ) -> Option<Place> {
        if level != Some(Level::City) {
            return None;
        }
        let p = self.province_index(name)?;
        self.provinces[p].own_city?;
        province
            .is_none_or(|q| q == p)
            .then_some(Place::Province(p))
    }

    /// The index of a province given by full or short name.
    pub(crate) fn province_index(&self, name: &str) -> Option<usize> {
        self.entries(name.trim())
            .iter()
            .find_map(|e| match e.place {
                Place::Province(p) => Some(p),
                _ => None,
            })
    }

    /// The index of a city given by full or short name, optionally within a province.
    fn city_index(&self, name: &str, province: Option<usize>) -> Option<usize> {
        let name = name.trim();
        let within = |c: usize| province.is_none_or(|p| self.cities[c].province == p);
        self.entries(name).iter().find_map(|e| match e.place {
            Place::City(c) if within(c) => Some(c),
            Place::Province(p) if province.is_none_or(|q| q == p) => self.provinces[p].own_city,
            _ => None,
        })
    }
}
