//! The JSON API: the same data as the pages, for researchers and scripts.

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

use super::article::RELATED;
use super::error::ApiError;
use super::{AppState, WebError, links, params};
use crate::archive::{Found, Snippets};
use crate::article::Paragraph;
use crate::document::Document;
use crate::search::Facets;
use crate::search::request::DEFAULT_PER_PAGE;

#[derive(Serialize)]
struct ApiHit {
    id: String,
    url: String,
    title: String,
    date: Option<String>,
    province: Option<String>,
    city: Option<String>,
    county: Option<String>,
    source: Option<String>,
    snippet: String,
}

#[derive(Serialize)]
struct ApiResults {
    total: usize,
    page: usize,
    per_page: usize,
    fallback: bool,
    notices: Vec<String>,
    hits: Vec<ApiHit>,
    facets: Facets,
}

/// GET /api/search
pub async fn search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let params = links::parse(query.as_deref());
    let (req, notices) = params::request(&params, DEFAULT_PER_PAGE);
    let r = state
        .archive
        .search(req.clone(), Snippets::Filled)
        .await
        .map_err(WebError::from)?;
    let body = ApiResults {
        total: r.total,
        page: r.page,
        per_page: r.per_page,
        fallback: r.fallback,
        notices,
        hits: r
            .hits
            .into_iter()
            .map(|h| ApiHit {
                url: format!("/articles/{}", h.id),
                id: h.id,
                title: h.title,
                date: h.date,
                province: h.province,
                city: h.city,
                county: h.county,
                source: h.source,
                snippet: h.snippet.to_html(),
            })
            .collect(),
        facets: r.facets,
    };
    Ok(Json(
        serde_json::to_value(body).map_err(WebError::internal)?,
    ))
}

#[derive(Serialize)]
struct Related {
    id: String,
    url: String,
    title: String,
}

#[derive(Serialize)]
struct ApiArticle {
    id: String,
    url: String,
    title: String,
    date: Option<String>,
    published_at: Option<String>,
    province: Option<String>,
    city: Option<String>,
    county: Option<String>,
    source: Option<String>,
    author: Option<String>,
    original_url: Option<String>,
    paragraphs: Vec<String>,
    blocks: Vec<Paragraph>,
    cited: Vec<String>,
    ingested_from: Vec<String>,
    related: Vec<Related>,
    /// Document fields: doc_numbers, kind, carries, lifecycle, validity.
    #[serde(flatten)]
    document: Document,
    /// The benefits the text states, each with its sentence's span in `paragraphs` joined
    /// with "\n".
    benefits: Vec<crate::benefit::Benefit>,
}

/// GET /api/articles/{id}
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let (record, related) = match state.archive.find_article(&id, RELATED).await? {
        None => return Err(WebError::NotFound.into()),
        Some(Found::MovedTo(current)) => {
            return Ok(Redirect::permanent(&format!("/api/articles/{current}")).into_response());
        }
        Some(Found::Article(record, related)) => (record, related),
    };
    let a = &record.article;
    let body = ApiArticle {
        url: format!("/articles/{}", a.id),
        id: a.id.clone(),
        title: a.title.clone(),
        date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
        published_at: a.published_at(),
        province: a.province.clone(),
        city: a.city.clone(),
        county: a.county.clone(),
        source: a.source.clone(),
        author: a.author.clone(),
        original_url: a.original_url.clone(),
        paragraphs: a.paragraphs.iter().map(|p| p.text().to_string()).collect(),
        benefits: crate::benefit::extract(
            &a.paragraphs.iter().map(|p| p.text()).collect::<Vec<_>>(),
        ),
        blocks: a.paragraphs.clone(),
        cited: a.cited.clone(),
        document: state.archive.document(&record).await?,
        ingested_from: record.files.clone(),
        related: related
            .into_iter()
            .map(|(id, title)| Related {
                url: format!("/articles/{id}"),
                id,
                title,
            })
            .collect(),
    };
    Ok(Json(body).into_response())
}

/// Any other /api path.
pub async fn not_found() -> ApiError {
    ApiError(WebError::NotFound)
}
