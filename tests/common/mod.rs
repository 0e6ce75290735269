//! Shared set-up: a real archive (SQLite file and tantivy index) in a temporary directory.
#![allow(dead_code)]

pub mod dump;
pub mod judged;
pub mod postgres;
pub mod server;

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use rencai::archive::Archive;
use rencai::web::{AppState, router};
use tower::ServiceExt;

/// A temporary data directory with an open archive.
pub struct TestArchive {
    pub dir: tempfile::TempDir,
    pub archive: Archive,
}

impl TestArchive {
    /// An empty archive.
    pub async fn empty() -> TestArchive {
        let dir = tempfile::tempdir().expect("temp dir");
        let archive = Archive::open(dir.path()).await.expect("open archive");
        TestArchive { dir, archive }
    }

    /// An archive holding the bundled sample corpus.
    pub async fn sample() -> TestArchive {
        let t = TestArchive::empty().await;
        let report = t.archive.ingest_sample().await.expect("ingest sample");
        assert_eq!(report.ingested, 5, "{report:?}");
        t
    }

    /// The real router over this archive.
    pub fn router(&self) -> axum::Router {
        router(AppState::new(self.archive.clone()))
    }

    /// GET a path through the router: status, content type and body.
    pub async fn get(&self, uri: &str) -> (StatusCode, String, String) {
        let response = self
            .router()
            .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
            .await
            .expect("response");
        let status = response.status();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        (
            status,
            content_type,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    }

    /// GET a page that must answer 200: its body.
    pub async fn page(&self, uri: &str) -> String {
        let (status, _, body) = self.get(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {body}");
        body
    }

    /// GET a JSON API path that must answer 200: the parsed body.
    pub async fn api(&self, uri: &str) -> serde_json::Value {
        let (status, json) = self.json(uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {json}");
        json
    }

    /// GET a JSON API path: status and parsed body.
    pub async fn json(&self, uri: &str) -> (StatusCode, serde_json::Value) {
        let (status, content_type, body) = self.get(uri).await;
        assert!(
            content_type.starts_with("application/json"),
            "{uri}: {content_type}"
        );
        (status, serde_json::from_str(&body).expect("valid JSON"))
    }
}

impl TestArchive {
    /// (id, title) of every search hit for an API query string, in result order.
    pub async fn hits(&self, query: &str) -> Vec<(String, String)> {
        let (status, json) = self.json(&format!("/api/search?{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}");
        json["hits"]
            .as_array()
            .expect("hits")
            .iter()
            .map(|h| {
                (
                    h["id"].as_str().expect("id").to_string(),
                    h["title"].as_str().expect("title").to_string(),
                )
            })
            .collect()
    }
}

/// The sample corpus files on disk, in name order.
pub fn sample_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("sample dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    serde_urlencoded::to_string([("v", s)]).expect("encode")[2..].to_string()
}

/// The real binary with arguments, its logs kept to warnings.
pub fn rencai<I, S>(args: I) -> std::process::Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rencai"));
    cmd.args(args).env("RUST_LOG", "warn").env("NO_COLOR", "1");
    cmd
}

/// Runs the binary to the end: exit code and standard output.
pub fn run(cmd: &mut std::process::Command) -> (i32, String) {
    let out = cmd.output().expect("run rencai");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}
