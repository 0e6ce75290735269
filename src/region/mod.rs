// TEMPORARY placeholder until the region module lands.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Default)]
pub struct Region {
    pub province: String,
    pub city: Option<String>,
    pub county: Option<String>,
}
pub enum Level {
    Province,
    City,
    County,
}
pub struct Gazetteer;
static G: Gazetteer = Gazetteer;
impl Gazetteer {
    pub fn bundled() -> &'static Gazetteer {
        &G
    }
    pub fn place_names(&self) -> Vec<String> {
        vec![]
    }
    pub fn provinces(&self) -> Vec<&str> {
        vec!["山西省"]
    }
    pub fn lookup(&self, name: &str, _level: Option<Level>) -> Option<Region> {
        Some(Region {
            province: name.into(),
            ..Default::default()
        })
    }
    pub fn lookup_within(
        &self,
        name: &str,
        _level: Level,
        _p: Option<&str>,
        _c: Option<&str>,
    ) -> Option<Region> {
        Some(Region {
            province: name.into(),
            ..Default::default()
        })
    }
}
pub struct Evidence<'a> {
    pub title: &'a str,
    pub source: Option<&'a str>,
    pub author: Option<&'a str>,
    pub body: &'a str,
    pub hint: Option<&'a str>,
}
pub fn attribute(_g: &Gazetteer, _ev: &Evidence) -> Option<Region> {
    None
}
