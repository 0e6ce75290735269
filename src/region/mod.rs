//! Chinese administrative divisions: the bundled gazetteer and article attribution.

mod attribute;
mod gazetteer;
mod lookup;
mod names;
mod resolve;
mod scan;

#[cfg(test)]
mod tests;

pub use attribute::{Evidence, attribute};
pub use gazetteer::Gazetteer;

/// An article's jurisdiction with official full names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Region {
    /// Province-level unit (山西省, 北京市, 内蒙古自治区 …).
    pub province: String,
    /// Prefecture-level unit; a municipality is its own city.
    pub city: Option<String>,
    /// County-level unit (district, county, county-level city, banner).
    pub county: Option<String>,
}

impl Region {
    /// The most specific name (the county, else the city, else the province).
    pub fn name(&self) -> &str {
        self.county
            .as_deref()
            .or(self.city.as_deref())
            .unwrap_or(&self.province)
    }

    /// The name with the unit it belongs to, which tells apart places of the same name
    /// (南山区 · 深圳市, 南山区 · 鹤岗市).
    pub fn label(&self) -> String {
        let parent = match (&self.city, &self.county) {
            (Some(city), Some(_)) => Some(city.as_str()),
            (Some(city), None) if city != &self.province => Some(self.province.as_str()),
            _ => None,
        };
        match parent {
            Some(parent) => format!("{} · {parent}", self.name()),
            None => self.name().to_string(),
        }
    }
}

/// An administrative level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Level {
    /// 省级: provinces, autonomous regions, municipalities.
    Province,
    /// 地级: prefecture-level cities, prefectures, leagues, autonomous prefectures.
    City,
    /// 县级: districts, counties, county-level cities, banners.
    County,
}
