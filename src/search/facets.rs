//! Facet counts: province → city → county and year → month.

use serde::Serialize;
use tantivy::collector::{FacetCollector, FacetCounts};
use tantivy::schema::Facet;

/// One facet value with its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value (a full place name, a year, or a month as YYYY-MM).
    pub value: String,
    /// Matching articles.
    pub count: u64,
}

/// Every facet of a result set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// Provinces.
    pub province: Vec<FacetCount>,
    /// Cities of the chosen province, or of every province.
    pub city: Vec<FacetCount>,
    /// Counties of the chosen city.
    pub county: Vec<FacetCount>,
    /// Years.
    pub year: Vec<FacetCount>,
    /// Months of the chosen year, or of every year.
    pub month: Vec<FacetCount>,
    /// Kinds of document (文种).
    pub kind: Vec<FacetCount>,
    /// Issuing organs (发文机关).
    pub issuer: Vec<FacetCount>,
    /// Kinds of benefit offered.
    pub benefit: Vec<FacetCount>,
    /// Degrees the benefits offered are for.
    pub degree: Vec<FacetCount>,
    /// Validity today (有效性).
    pub validity: Vec<FacetCount>,
    /// The places a shared name denotes, each with its matches (empty unless the region
    /// filter named several).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceCount>,
}

/// One of several places of the same name, with its matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceCount {
    /// The place with its official full path.
    #[serde(flatten)]
    pub region: crate::region::Region,
    /// Matching articles.
    pub count: u64,
}

/// The chosen region and date, as facet paths, which decide which levels are listed.
#[derive(Debug, Clone, Default)]
pub struct Selection<'a> {
    /// Chosen province, if any.
    pub province: Option<&'a str>,
    /// Chosen city, if any.
    pub city: Option<&'a str>,
    /// Chosen year, if any.
    pub year: Option<i32>,
}

fn children(collector: &FacetCounts, parent: &Facet) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = collector
        .get(parent.clone())
        .map(|(facet, count)| FacetCount {
            value: facet
                .to_path()
                .last()
                .map(|s| s.to_string())
                .unwrap_or_default(),
            count,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

fn collector(field: &str, parents: &[Facet]) -> FacetCollector {
    let mut c = FacetCollector::for_field(field);
    for p in parents {
        c.add_facet(p.clone());
    }
    c
}

fn children_of_all(counts: &FacetCounts, parents: &[Facet]) -> Vec<FacetCount> {
    let mut out: Vec<FacetCount> = parents.iter().flat_map(|p| children(counts, p)).collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    out
}

impl Facets {
    /// The counts of a one-level dimension, to fill.
    pub fn flat_mut(&mut self, dim: super::Flat) -> &mut Vec<FacetCount> {
        match dim {
            super::Flat::Kind => &mut self.kind,
            super::Flat::Issuer => &mut self.issuer,
            super::Flat::Benefit => &mut self.benefit,
            super::Flat::Degree => &mut self.degree,
        }
    }
}

/// Counts every value of a one-level facet field (kind, issuer).
pub fn flat_collector(field: &str) -> FacetCollector {
    collector(field, &[Facet::root()])
}

/// The counts out of a one-level facet collector's fruit.
pub fn read_flat(counts: FacetCounts) -> Vec<FacetCount> {
    children(&counts, &Facet::root())
}

/// Province, city and county counts.
pub type RegionCounts = (Vec<FacetCount>, Vec<FacetCount>, Vec<FacetCount>);
/// Year and month counts.
pub type DateCounts = (Vec<FacetCount>, Vec<FacetCount>);

/// The region facet collectors: provinces, cities of the listed provinces, counties of the
/// chosen city. tantivy counts only the direct children of each facet added to a collector,
/// hence one collector per level.
pub struct RegionSpec {
    provinces: Vec<Facet>,
    cities: Vec<Facet>,
}

impl RegionSpec {
    /// The levels to count for a selection.
    pub fn new(sel: &Selection) -> RegionSpec {
        let provinces = match sel.province {
            Some(p) => vec![Facet::from_path([p])],
            None => crate::region::Gazetteer::bundled()
                .provinces()
                .iter()
                .map(|p| Facet::from_path([*p]))
                .collect(),
        };
        let cities = match (sel.province, sel.city) {
            (Some(p), Some(c)) => vec![Facet::from_path([p, c])],
            _ => Vec::new(),
        };
        RegionSpec { provinces, cities }
    }

    /// A collector counting every level in one pass.
    pub fn collector(&self) -> (FacetCollector, FacetCollector, FacetCollector) {
        (
            collector("region", &[Facet::root()]),
            collector("region", &self.provinces),
            collector("region", &self.cities),
        )
    }

    /// The counts out of the collector's fruit.
    pub fn read(&self, fruit: (FacetCounts, FacetCounts, FacetCounts)) -> RegionCounts {
        let (top, by_province, by_city) = fruit;
        (
            children(&top, &Facet::root()),
            children_of_all(&by_province, &self.provinces),
            children_of_all(&by_city, &self.cities),
        )
    }
}

/// The date facet collectors: years, and months of the chosen year or of every year.
pub struct DateSpec {
    years: Vec<i32>,
    facets: Vec<Facet>,
}

impl DateSpec {
    /// The levels to count for a selection.
    pub fn new(sel: &Selection) -> DateSpec {
        let this_year = chrono::Datelike::year(&chrono::Local::now().date_naive());
        let years: Vec<i32> = match sel.year {
            Some(y) => vec![y],
            None => (1949..=this_year + 1).collect(),
        };
        let facets = years
            .iter()
            .map(|y| Facet::from_path([y.to_string()]))
            .collect();
        DateSpec { years, facets }
    }

    /// A collector counting years and months in one pass.
    pub fn collector(&self) -> (FacetCollector, FacetCollector) {
        (
            collector("when", &[Facet::root()]),
            collector("when", &self.facets),
        )
    }

    /// The counts out of the collector's fruit.
    pub fn read(&self, fruit: (FacetCounts, FacetCounts)) -> DateCounts {
        let (top, by_year) = fruit;
        let mut year = children(&top, &Facet::root());
        year.sort_by(|a, b| b.value.cmp(&a.value));
        let mut month = Vec::new();
        for (y, facet) in self.years.iter().zip(&self.facets) {
            for m in children(&by_year, facet) {
                month.push(FacetCount {
                    value: format!("{y}-{}", m.value),
                    count: m.count,
                });
            }
        }
        month.sort_by(|a, b| b.value.cmp(&a.value));
        (year, month)
    }
}
