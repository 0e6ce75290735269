//! Errors of the web layer: an error page for people, JSON for the API.

use askama::Template;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::archive::ArchiveError;
use crate::search::SearchError;
use crate::store::StoreError;

/// What went wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No such page or article.
    #[error("not found")]
    NotFound,
    /// The request cannot be answered as asked.
    #[error("{0}")]
    BadRequest(String),
    /// Something failed inside; the details go to the log, not the reader.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl From<SearchError> for WebError {
    fn from(e: SearchError) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl From<ArchiveError> for WebError {
    fn from(e: ArchiveError) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("template: {e}"))
    }
}

impl From<tokio::task::JoinError> for WebError {
    fn from(e: tokio::task::JoinError) -> Self {
        WebError::Internal(format!("task: {e}"))
    }
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> String {
        match self {
            WebError::NotFound => "找不到这个页面".to_string(),
            WebError::BadRequest(m) => m.clone(),
            WebError::Internal(_) => "服务器出了点问题，请稍后再试".to_string(),
        }
    }

    fn log(&self) {
        if let WebError::Internal(detail) = self {
            tracing::error!("{detail}");
        }
    }
}

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// HTTP status code.
    pub status: u16,
    /// Message for the reader.
    pub message: String,
    /// Query to prefill the search box.
    pub q: String,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        self.log();
        let status = self.status();
        let page = ErrorPage {
            status: status.as_u16(),
            message: self.message(),
            q: String::new(),
        };
        let body = page
            .render()
            .unwrap_or_else(|_| format!("<!doctype html><title>{status}</title><h1>{status}</h1>"));
        (status, Html(body)).into_response()
    }
}

/// An error answered as JSON, for the API.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.log();
        let status = self.0.status();
        let body = serde_json::json!({ "error": self.0.message(), "status": status.as_u16() });
        (status, Json(body)).into_response()
    }
}

/// The 404 page for any unknown path.
pub async fn not_found_page() -> WebError {
    WebError::NotFound
}
