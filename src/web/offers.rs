//! /offers: what each region offers, compared. The same rows as a page (a sortable table and
//! a bar chart drawn on the server), as JSON, and as CSV or JSON lines.

use askama::Template;
use axum::Json;
use axum::extract::{RawQuery, State};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use super::error::ApiError;
use super::params::{self, RawParams};
use super::{AppState, WebError, benefits, links};
use crate::benefit::BenefitKind;
use crate::benefit::catalogue::DEGREE_ORDER;
use crate::benefit::compare::OfferRow;
use crate::search::SearchRequest;
use crate::search::request::DEFAULT_PER_PAGE;

/// Values of `valid` that ask for documents in force only.
const YES: [&str; 4] = ["1", "true", "on", "yes"];
/// Bars drawn in the chart: the best rows; the table lists every one.
const BARS: usize = 30;
/// Height of one bar in the chart, in its own units.
const BAR_HEIGHT: usize = 22;

/// The comparison's parameters as sent, and the search request they make.
pub(super) fn request(query: Option<&str>) -> (RawParams, SearchRequest, Vec<String>, bool) {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.unwrap_or_default()).unwrap_or_default();
    let get = |k: &str| {
        pairs
            .iter()
            .rev()
            .find(|(key, v)| key == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
    };
    let valid = get("valid").is_some_and(|v| YES.contains(&v.as_str()));
    let raw = RawParams {
        province: get("province"),
        city: get("city"),
        county: get("county"),
        from: get("from"),
        to: get("to"),
        benefit: get("kind"),
        degree: get("degree").or_else(|| get("recipient")),
        validity: valid.then(|| crate::document::Validity::InForce.label().to_string()),
        ..RawParams::default()
    };
    let (req, notices) = params::request(&raw, DEFAULT_PER_PAGE);
    let notices = notices
        .into_iter()
        .map(|n| n.replace("待遇", "补贴类别"))
        .collect();
    (raw, req, notices, valid)
}

/// The answer of /api/offers.
#[derive(Serialize)]
struct Answer<'a> {
    notices: Vec<String>,
    rows: &'a [OfferRow],
}

/// GET /api/offers
pub async fn api(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let (_, req, notices, _) = request(query.as_deref());
    let rows = state.archive.offers(&req).await?;
    Ok(Json(
        serde_json::to_value(Answer {
            notices,
            rows: &rows,
        })
        .map_err(WebError::internal)?,
    ))
}

/// The link to the sentence a row was read from.
pub(super) fn sentence_link(r: &OfferRow) -> String {
    format!("/articles/{}#offer-{}", r.article_id, r.benefit.start)
}

fn place(r: &OfferRow) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in [&r.province, &r.city, &r.county].into_iter().flatten() {
        if !parts.contains(&p.as_str()) {
            parts.push(p);
        }
    }
    parts.join(" ")
}

/// One row of the table.
pub struct TableRow {
    /// Region in words.
    pub place: String,
    /// The kind of benefit.
    pub kind: &'static str,
    /// The amount in words.
    pub amount: String,
    /// The value in words (empty when none).
    pub value: String,
    /// Recipients in words.
    pub recipients: String,
    /// The document's title.
    pub title: String,
    /// Its date.
    pub date: String,
    /// Link to the sentence.
    pub href: String,
}

/// One bar of the chart, its geometry in the chart's units.
pub struct Bar {
    /// Region and kind.
    pub label: String,
    /// Value in words.
    pub value: String,
    /// Top edge.
    pub y: usize,
    /// Length as a percentage of the longest.
    pub width: f64,
    /// Link to the sentence.
    pub href: String,
}

/// The comparison page.
#[derive(Template)]
#[template(path = "offers.html")]
pub struct OffersPage {
    /// Search box text (empty).
    pub q: String,
    /// What could not be understood.
    pub notices: Vec<String>,
    /// Every kind, with whether it is chosen.
    pub kinds: Vec<(&'static str, bool)>,
    /// Every degree, with whether it is chosen.
    pub degrees: Vec<(&'static str, bool)>,
    /// The province typed.
    pub province: String,
    /// The city typed.
    pub city: String,
    /// Only documents in force.
    pub valid: bool,
    /// The rows in the chosen order.
    pub rows: Vec<TableRow>,
    /// The chart's bars.
    pub bars: Vec<Bar>,
    /// The chart's height.
    pub chart_height: usize,
    /// Column headers: label, link sorting by it, whether it is the current order.
    pub sorts: Vec<(&'static str, String, bool)>,
    /// The same rows as CSV and as JSON lines.
    pub csv: String,
    /// JSON lines link.
    pub jsonl: String,
}

/// GET /offers
pub async fn page(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    let (raw, req, notices, valid) = request(query.as_deref());
    let mut rows = state.archive.offers(&req).await?.to_vec();
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default()).unwrap_or_default();
    let sort = pairs
        .iter()
        .rev()
        .find(|(k, _)| k == "sort")
        .map_or("value", |(_, v)| v.as_str());
    let keep: Vec<(&str, String)> = pairs
        .iter()
        .filter(|(k, _)| k != "sort")
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let sorts = [
        ("按金额", "value"),
        ("按地区", "region"),
        ("按日期", "date"),
    ]
    .into_iter()
    .map(|(label, key)| {
        let mut p = keep.clone();
        p.push(("sort", key.to_string()));
        (label, links::url("/offers", &p), key == sort)
    })
    .collect();
    match sort {
        "region" => rows.sort_by_key(place),
        "date" => rows.sort_by(|a, b| b.date.cmp(&a.date)),
        _ => {}
    }
    let charted: Vec<&OfferRow> = {
        let mut by_value: Vec<&OfferRow> =
            rows.iter().filter(|r| r.benefit.value.is_some()).collect();
        by_value.sort_by_key(|r| std::cmp::Reverse(r.benefit.value));
        by_value.into_iter().take(BARS).collect()
    };
    let top = charted
        .first()
        .and_then(|r| r.benefit.value)
        .unwrap_or(1)
        .max(1) as f64;
    let bars: Vec<Bar> = charted
        .iter()
        .enumerate()
        .map(|(i, r)| Bar {
            label: format!("{} {}", place(r), r.benefit.kind.label()),
            value: r.benefit.value.map(benefits::yuan).unwrap_or_default(),
            y: i * BAR_HEIGHT,
            width: (r.benefit.value.unwrap_or(0) as f64 / top * 100.0).max(0.5),
            href: sentence_link(r),
        })
        .collect();
    let export: Vec<(&str, String)> = keep.clone();
    let page = OffersPage {
        q: String::new(),
        notices,
        kinds: BenefitKind::ALL
            .iter()
            .map(|k| (k.label(), req.benefit == Some(*k)))
            .collect(),
        degrees: DEGREE_ORDER
            .iter()
            .map(|d| (*d, req.degree.as_deref() == Some(*d)))
            .collect(),
        province: raw.province.unwrap_or_default(),
        city: raw.city.unwrap_or_default(),
        valid,
        chart_height: bars.len() * BAR_HEIGHT,
        bars,
        rows: rows
            .iter()
            .map(|r| TableRow {
                place: place(r),
                kind: r.benefit.kind.label(),
                amount: benefits::amount_text(
                    (r.benefit.amount_min, r.benefit.amount_max),
                    r.benefit.period,
                    r.benefit.years,
                ),
                value: r.benefit.value.map(benefits::yuan).unwrap_or_default(),
                recipients: benefits::recipients_text(&r.benefit.recipients),
                title: r.title.clone(),
                date: r.date.clone().unwrap_or_default(),
                href: sentence_link(r),
            })
            .collect(),
        sorts,
        csv: links::url("/offers.csv", &export),
        jsonl: links::url("/offers.jsonl", &export),
    };
    Ok(Html(page.render()?).into_response())
}
