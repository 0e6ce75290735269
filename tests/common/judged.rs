//! The judged query set of `tests/judged_queries.json`, shared by the test and the benchmark.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One judged query.
#[derive(Debug, Deserialize)]
pub struct Judged {
    /// What the query checks.
    pub about: String,
    /// Query string parameters (q and filters), already in URL form except for values.
    pub params: BTreeMap<String, String>,
    /// Title fragments of articles that must come back.
    #[serde(default)]
    pub must: Vec<String>,
    /// Title fragments of articles that must not come back.
    #[serde(default)]
    pub must_not: Vec<String>,
    /// The results are exactly `must`.
    #[serde(default)]
    pub exact: bool,
    /// Whether the answer is the all-words fallback.
    #[serde(default)]
    pub fallback: bool,
    /// Expected facet counts: facet name → value → count.
    #[serde(default)]
    pub facets: BTreeMap<String, BTreeMap<String, u64>>,
    /// Expected order of the first results (title fragments).
    #[serde(default)]
    pub order: Vec<String>,
}

/// Every judged query.
pub fn load() -> Vec<Judged> {
    serde_json::from_str(include_str!("../judged_queries.json")).expect("judged_queries.json")
}
