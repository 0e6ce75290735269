//! Errors of the web layer: an error page for people, JSON for the API.

use askama::Template;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::archive::{ArchiveError, Overload};
use crate::search::SearchError;
use crate::store::StoreError;

/// A failure inside the server, with its chain of causes (for the log, never the reader).
pub type Cause = Box<dyn std::error::Error + Send + Sync>;

/// What went wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No such page or article.
    #[error("not found")]
    NotFound,
    /// The request cannot be answered as asked.
    #[error("{0}")]
    BadRequest(String),
    /// The server is at capacity; the reader should try again shortly.
    #[error("overloaded")]
    Busy(#[source] Overload),
    /// Something failed inside; the details go to the log, not the reader.
    #[error("internal error")]
    Internal(#[source] Cause),
}

/// Seconds a turned-away reader is asked to wait before trying again.
const RETRY_AFTER_SECONDS: &str = "1";

impl WebError {
    /// An internal failure with its causes.
    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> WebError {
        WebError::Internal(Box::new(e))
    }
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        WebError::internal(e)
    }
}

impl From<SearchError> for WebError {
    fn from(e: SearchError) -> Self {
        WebError::internal(e)
    }
}

impl From<ArchiveError> for WebError {
    fn from(e: ArchiveError) -> Self {
        match e {
            ArchiveError::Overloaded(o) => WebError::Busy(o),
            e => WebError::internal(e),
        }
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::internal(e)
    }
}

impl From<tokio::task::JoinError> for WebError {
    fn from(e: tokio::task::JoinError) -> Self {
        WebError::internal(e)
    }
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn message(&self) -> String {
        match self {
            WebError::NotFound => "找不到这个页面".to_string(),
            WebError::BadRequest(m) => m.clone(),
            WebError::Busy(_) => "现在搜索的人太多，请过几秒再试".to_string(),
            WebError::Internal(_) => "服务器出了点问题，请稍后再试".to_string(),
        }
    }

    fn log(&self) {
        match self {
            WebError::Internal(cause) => {
                tracing::error!("{}", crate::report::chain(cause.as_ref()))
            }
            WebError::Busy(why) => tracing::debug!("turned a search away: {why}"),
            WebError::NotFound | WebError::BadRequest(_) => {}
        }
    }

    /// The status line's headers: a turned-away reader is told when to come back.
    fn with_headers(&self, mut response: Response) -> Response {
        if matches!(self, WebError::Busy(_)) {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                HeaderValue::from_static(RETRY_AFTER_SECONDS),
            );
        }
        response
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
        self.with_headers((status, Html(body)).into_response())
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
        self.0.with_headers((status, Json(body)).into_response())
    }
}

/// The 404 page for any unknown path.
pub async fn not_found_page() -> WebError {
    WebError::NotFound
}
