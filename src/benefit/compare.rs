//! Offers compared region by region: for each region and kind of benefit, the one stated by
//! the newest document that matches, best first.

use serde::Serialize;

use super::{Benefit, BenefitKind, extract};
use crate::article::Article;

/// What to compare.
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    /// Only this kind of benefit.
    pub kind: Option<BenefitKind>,
    /// Only benefits for this degree.
    pub degree: Option<String>,
}

/// One region's offer of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfferRow {
    /// Province.
    pub province: Option<String>,
    /// City.
    pub city: Option<String>,
    /// County.
    pub county: Option<String>,
    /// The article that states it.
    pub article_id: String,
    /// Its title.
    pub title: String,
    /// Its date, YYYY-MM-DD: the page's, else the day the document counts from.
    pub date: Option<String>,
    /// The benefit, with the sentence that states it.
    #[serde(flatten)]
    pub benefit: Benefit,
}

impl Wanted {
    fn admits(&self, b: &Benefit) -> bool {
        self.kind.is_none_or(|k| b.kind == k)
            && self
                .degree
                .as_deref()
                .is_none_or(|d| b.recipients.degrees.iter().any(|x| x == d))
    }
}

/// The rows of one region from its matching articles, newest first, each with the day it is
/// dated by: each kind comes from the newest article that states it, as its best-valued
/// statement there.
pub fn region_rows(
    region: &[String],
    newest_first: &[(Article, Option<chrono::NaiveDate>)],
    wanted: &Wanted,
) -> Vec<OfferRow> {
    let mut out: Vec<OfferRow> = Vec::new();
    for (article, date) in newest_first {
        let texts: Vec<&str> = article.paragraphs.iter().map(|p| p.text()).collect();
        let mut found: Vec<Benefit> = extract(&texts)
            .into_iter()
            .filter(|b| wanted.admits(b))
            .collect();
        // The best of each kind first, so that the first of a kind is the one kept.
        found.sort_by_key(|b| (b.kind, std::cmp::Reverse(b.value)));
        let seen: Vec<BenefitKind> = out.iter().map(|r| r.benefit.kind).collect();
        for b in found {
            if seen.contains(&b.kind)
                || out
                    .iter()
                    .any(|r| r.benefit.kind == b.kind && r.article_id == article.id)
            {
                continue;
            }
            out.push(OfferRow {
                province: region.first().cloned(),
                city: region.get(1).cloned(),
                county: region.get(2).cloned(),
                article_id: article.id.clone(),
                title: article.title.clone(),
                date: date.map(|d| d.format("%Y-%m-%d").to_string()),
                benefit: b,
            });
        }
    }
    out
}

/// Best first: the greatest value, then those without one, each by region.
pub fn rank(rows: &mut [OfferRow]) {
    rows.sort_by(|a, b| {
        b.benefit
            .value
            .cmp(&a.benefit.value)
            .then_with(|| (&a.province, &a.city, &a.county).cmp(&(&b.province, &b.city, &b.county)))
    });
}
