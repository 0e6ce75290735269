//! /offers.csv and /offers.jsonl: the rows of /offers as files.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::offers::{request, sentence_link};
use super::{AppState, WebError};

/// The CSV columns, in order.
const CSV_COLUMNS: [&str; 17] = [
    "province",
    "city",
    "county",
    "article_id",
    "title",
    "date",
    "kind",
    "amount_min",
    "amount_max",
    "period",
    "years",
    "value",
    "degrees",
    "tiers",
    "age_max",
    "text",
    "url",
];

/// GET /offers.csv
pub async fn csv(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    let (_, req, _, _) = request(query.as_deref());
    let rows = state.archive.offers(&req).await?;
    // A byte-order mark, so that spreadsheet programs read the Chinese as UTF-8.
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        w.write_record(CSV_COLUMNS).map_err(WebError::internal)?;
        for r in rows.iter() {
            let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
            w.write_record([
                r.province.clone().unwrap_or_default(),
                r.city.clone().unwrap_or_default(),
                r.county.clone().unwrap_or_default(),
                r.article_id.clone(),
                crate::export::spreadsheet_text(&r.title),
                r.date.clone().unwrap_or_default(),
                r.benefit.kind.label().to_string(),
                n(r.benefit.amount_min),
                n(r.benefit.amount_max),
                r.benefit
                    .period
                    .map(|p| p.label().to_string())
                    .unwrap_or_default(),
                r.benefit.years.map(|y| y.to_string()).unwrap_or_default(),
                n(r.benefit.value),
                r.benefit.recipients.degrees.join("；"),
                r.benefit.recipients.tiers.join("；"),
                r.benefit
                    .recipients
                    .age_max
                    .map(|a| a.to_string())
                    .unwrap_or_default(),
                crate::export::spreadsheet_text(&r.benefit.text),
                sentence_link(r),
            ])
            .map_err(WebError::internal)?;
        }
        w.flush().map_err(WebError::internal)?;
    }
    Ok(download(out, "text/csv; charset=utf-8", "csv"))
}

/// GET /offers.jsonl
pub async fn jsonl(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    let (_, req, _, _) = request(query.as_deref());
    let rows = state.archive.offers(&req).await?;
    let mut out = Vec::new();
    for r in rows.iter() {
        serde_json::to_writer(&mut out, r).map_err(WebError::internal)?;
        out.push(b'\n');
    }
    Ok(download(out, "application/jsonl; charset=utf-8", "jsonl"))
}

fn download(body: Vec<u8>, content_type: &'static str, extension: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    let disposition = format!("attachment; filename=\"rencai-offers.{extension}\"");
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
