//! Search parameters as a reader sends them, and the notices that say what was not
//! understood: every one optional and free text, validated leniently.

use chrono::{Datelike, NaiveDate};

use crate::region::{Gazetteer, Level, Region};
use crate::search::request::{MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_CHARS};
use crate::search::{SearchRequest, Sort, syntax};

/// Query-string parameters exactly as sent; every one optional and free text.
#[derive(Debug, Clone, Default)]
pub struct RawParams {
    /// Query text.
    pub q: Option<String>,
    /// Province filter.
    pub province: Option<String>,
    /// City filter.
    pub city: Option<String>,
    /// County filter.
    pub county: Option<String>,
    /// Year filter.
    pub year: Option<String>,
    /// Month filter, YYYY-MM.
    pub month: Option<String>,
    /// Kind filter (文种: 通知, 条例, 新闻 …).
    pub kind: Option<String>,
    /// Issuer filter (an organ's full name).
    pub issuer: Option<String>,
    /// Validity filter (有效性: 现行有效, 尚未施行, 已失效, 已废止).
    pub validity: Option<String>,
    /// Benefit filter (购房补贴, 生活补贴 …).
    pub benefit: Option<String>,
    /// Degree filter (博士, 硕士 …).
    pub degree: Option<String>,
    /// Start date, YYYY-MM-DD.
    pub from: Option<String>,
    /// End date, YYYY-MM-DD.
    pub to: Option<String>,
    /// relevance, newest, oldest or effective.
    pub sort: Option<String>,
    /// Page number from 1.
    pub page: Option<String>,
    /// Results per page, at most 100.
    pub per_page: Option<String>,
}

impl RawParams {
    /// Every parameter name, in the order links write them.
    pub const KEYS: [&'static str; 16] = [
        "q", "province", "city", "county", "year", "month", "kind", "issuer", "validity",
        "benefit", "degree", "from", "to", "sort", "page", "per_page",
    ];

    /// The value slot of a parameter name, None for an unknown name.
    pub fn field(&self, key: &str) -> Option<&Option<String>> {
        Some(match key {
            "q" => &self.q,
            "province" => &self.province,
            "city" => &self.city,
            "county" => &self.county,
            "year" => &self.year,
            "month" => &self.month,
            "kind" => &self.kind,
            "issuer" => &self.issuer,
            "validity" => &self.validity,
            "benefit" => &self.benefit,
            "degree" => &self.degree,
            "from" => &self.from,
            "to" => &self.to,
            "sort" => &self.sort,
            "page" => &self.page,
            "per_page" => &self.per_page,
            _ => return None,
        })
    }

    /// The value slot of a parameter name, to set it; None for an unknown name.
    pub fn field_mut(&mut self, key: &str) -> Option<&mut Option<String>> {
        Some(match key {
            "q" => &mut self.q,
            "province" => &mut self.province,
            "city" => &mut self.city,
            "county" => &mut self.county,
            "year" => &mut self.year,
            "month" => &mut self.month,
            "kind" => &mut self.kind,
            "issuer" => &mut self.issuer,
            "validity" => &mut self.validity,
            "benefit" => &mut self.benefit,
            "degree" => &mut self.degree,
            "from" => &mut self.from,
            "to" => &mut self.to,
            "sort" => &mut self.sort,
            "page" => &mut self.page,
            "per_page" => &mut self.per_page,
            _ => return None,
        })
    }
}

fn value(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn parse_date(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()
}

/// Validates raw parameters: the request, and a notice for each thing that could not be
/// understood (and was ignored).
pub fn request(p: &RawParams, default_per_page: usize) -> (SearchRequest, Vec<String>) {
    let mut notices = Vec::new();
    let mut r = SearchRequest {
        q: value(&p.q)
            .map(|q| q.chars().take(MAX_QUERY_CHARS).collect())
            .unwrap_or_default(),
        page: 1,
        per_page: default_per_page,
        ..SearchRequest::default()
    };
    if value(&p.q).is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS) {
        notices.push(format!("查询太长，只用了前 {MAX_QUERY_CHARS} 个字"));
    }
    let dropped = syntax::parse(&r.q).dropped;
    if dropped > 0 {
        notices.push(format!(
            "查询词太多，只用了前 {} 个，其余 {dropped} 个已忽略",
            syntax::MAX_TERMS
        ));
    }
    let g = Gazetteer::bundled();
    let (province, city, county) = (value(&p.province), value(&p.city), value(&p.county));
    let mut regions: Vec<Region> = Vec::new();
    let mut last_name = None;
    for (name, level) in [
        (province, Level::Province),
        (city, Level::City),
        (county, Level::County),
    ] {
        let Some(name) = name else { continue };
        let mut found: Vec<Region> = if regions.is_empty() {
            g.lookup_all(name, level, None, None)
        } else {
            regions
                .iter()
                .flat_map(|within| {
                    g.lookup_all(name, level, Some(&within.province), within.city.as_deref())
                })
                .collect()
        };
        found.dedup();
        if found.is_empty() {
            notices.push(format!("未找到地区“{name}”"));
            r.unknown_region = true;
        } else {
            regions = found;
            last_name = Some(name);
        }
    }
    if let (Some(name), true) = (last_name, regions.len() > 1) {
        let places: Vec<String> = regions.iter().map(Region::label).collect();
        notices.push(format!(
            "“{name}”有 {} 处同名地区：{}。结果包含全部，可从“同名地区”中选一处",
            regions.len(),
            places.join("、")
        ));
    }
    r.regions = regions;
    if let Some(y) = value(&p.year) {
        match y.parse::<i32>() {
            Ok(y) if (1900..=2100).contains(&y) => r.year = Some(y),
            _ => notices.push(format!("无法识别的年份“{y}”，已忽略")),
        }
    }
    if let Some(m) = value(&p.month) {
        match NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d") {
            Ok(d) => {
                r.year = Some(d.year());
                r.month = Some(d.month());
            }
            Err(_) => notices.push(format!("无法识别的月份“{m}”，已忽略")),
        }
    }
    for (v, slot, label) in [(&p.from, &mut r.from, "起始"), (&p.to, &mut r.to, "截止")] {
        if let Some(v) = value(v) {
            match parse_date(v) {
                Some(d) => *slot = Some(d),
                None => notices.push(format!(
                    "无法识别的{label}日期“{v}”（应为 YYYY-MM-DD），已忽略"
                )),
            }
        }
    }
    if let (Some(from), Some(to)) = (r.from, r.to)
        && from > to
    {
        r.from = Some(to);
        r.to = Some(from);
    }
    if let Some(k) = value(&p.kind) {
        match crate::document::Kind::from_label(k) {
            Some(kind) => r.kind = Some(kind),
            None => notices.push(format!("无法识别的文种“{k}”，已忽略")),
        }
    }
    r.issuer = value(&p.issuer).map(str::to_string);
    if let Some(v) = value(&p.validity) {
        match crate::document::Validity::from_label(v) {
            Some(validity) => r.validity = Some(validity),
            None => notices.push(format!("无法识别的有效性“{v}”，已忽略")),
        }
    }
    if let Some(b) = value(&p.benefit) {
        match crate::benefit::BenefitKind::from_label(b) {
            Some(kind) => r.benefit = Some(kind),
            None => notices.push(format!("无法识别的待遇“{b}”，已忽略")),
        }
    }
    if let Some(d) = value(&p.degree) {
        match crate::benefit::catalogue::DEGREE_ORDER
            .iter()
            .find(|o| **o == d)
        {
            Some(degree) => r.degree = Some(degree.to_string()),
            None => notices.push(format!("无法识别的学历“{d}”，已忽略")),
        }
    }
    r.sort = match value(&p.sort) {
        Some("newest") => Sort::Newest,
        Some("oldest") => Sort::Oldest,
        Some("effective") => Sort::Effective,
        _ => Sort::Relevance,
    };
    if let Some(page) = value(&p.page) {
        r.page = page.parse::<usize>().unwrap_or(1).clamp(1, MAX_PAGE);
    }
    if let Some(n) = value(&p.per_page) {
        r.per_page = n
            .parse::<usize>()
            .unwrap_or(default_per_page)
            .clamp(1, MAX_PER_PAGE);
    }
    (r, notices)
}
