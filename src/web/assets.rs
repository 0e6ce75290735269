//! Static files, compiled into the binary so an installed binary works from any directory.

use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::WebError;

const ASSETS: [(&str, &str, &[u8]); 2] = [
    (
        "style.css",
        "text/css; charset=utf-8",
        include_bytes!("../../static/style.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../static/app.js"),
    ),
];

/// GET /static/{path}
pub async fn serve(Path(path): Path<String>) -> Result<Response, WebError> {
    let (_, mime, bytes) = ASSETS
        .iter()
        .find(|(name, _, _)| *name == path)
        .ok_or(WebError::NotFound)?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    Ok(response)
}
