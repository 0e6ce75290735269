//! The web layer: one router for pages, the JSON API and static assets.

mod api;
mod article;
mod assets;
mod benefits;
mod browse;
mod error;
mod export;
mod feeds;
mod home;
mod links;
mod offer_files;
mod offers;
mod origin;
pub mod params;
mod script;
mod search;
mod sitemap;

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::archive::Archive;

pub use error::WebError;

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState {
    /// The open archive.
    pub archive: Archive,
    /// The public origin (https://example.org) for absolute links; else taken from Host.
    pub public_url: Option<String>,
}

impl AppState {
    /// State over an open archive.
    pub fn new(archive: Archive) -> AppState {
        AppState {
            archive,
            public_url: None,
        }
    }
}

/// The application's router, used by `serve` and by the tests.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(home::page))
        .route("/search", get(search::page))
        .route("/articles/{id}", get(article::page))
        .route("/regions/{*path}", get(browse::region))
        .route("/years/{year}", get(browse::year))
        .route("/feed.atom", get(feeds::atom))
        .route("/export.csv", get(export::csv))
        .route("/export.jsonl", get(export::jsonl))
        .route("/opensearch.xml", get(feeds::opensearch))
        .route("/sitemap.xml", get(sitemap::index))
        .route("/sitemaps/{name}", get(sitemap::part))
        .route("/robots.txt", get(sitemap::robots))
        .route("/offers", get(offers::page))
        .route("/offers.csv", get(offer_files::csv))
        .route("/offers.jsonl", get(offer_files::jsonl))
        .route("/api/offers", get(offers::api))
        .route("/api/search", get(api::search))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/{*rest}", get(api::not_found))
        .route("/healthz", get(health))
        .route("/static/{*path}", get(assets::serve))
        .fallback(error::not_found_page)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Pages load only their own script and styles: text from scraped pages can never run.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Readiness: 200 when the database answers and the index is open, 503 otherwise (never
/// queued behind searches).
async fn health(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    match state.archive.store.ping().await {
        Ok(()) if !state.archive.is_caught_up() => (
            StatusCode::SERVICE_UNAVAILABLE,
            "not ready: the index is catching up with the database\n",
        )
            .into_response(),
        Ok(()) => {
            let indexed = state.archive.index.searcher().num_docs();
            format!("ok: {indexed} articles indexed\n").into_response()
        }
        Err(e) => {
            tracing::warn!("health check: {}", crate::report::chain(&e));
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "not ready: the database does not answer\n",
            )
                .into_response()
        }
    }
}
