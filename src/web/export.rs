//! /export.csv and /export.jsonl: every match of a search, streamed as it is read.

use std::io::Write;

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc;

use super::origin::Origin;
use super::{AppState, WebError, links, params};
use crate::export::Format;
use crate::search::request::DEFAULT_PER_PAGE;

/// Bytes gathered before a piece goes to the connection.
const PIECE: usize = 64 * 1024;
/// Pieces in flight between the exporting thread and the connection: the bound on memory
/// whatever the size of the result.
const PIECES_IN_FLIGHT: usize = 4;

/// Hands what the export writes to the connection, a piece at a time; fails once the reader
/// has gone, which stops the export.
struct Pieces {
    buf: Vec<u8>,
    tx: mpsc::Sender<std::io::Result<Bytes>>,
}

impl Pieces {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let piece = Bytes::from(std::mem::replace(&mut self.buf, Vec::with_capacity(PIECE)));
        self.tx.blocking_send(Ok(piece)).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the reader went away")
        })
    }
}

impl Write for Pieces {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= PIECE {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}

/// GET /export.csv
pub async fn csv(
    State(state): State<AppState>,
    Origin(origin): Origin,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    export(state, origin, query, Format::Csv)
}

/// GET /export.jsonl
pub async fn jsonl(
    State(state): State<AppState>,
    Origin(origin): Origin,
    RawQuery(query): RawQuery,
) -> Result<Response, WebError> {
    export(state, origin, query, Format::Jsonl)
}

fn export(
    state: AppState,
    origin: String,
    query: Option<String>,
    format: Format,
) -> Result<Response, WebError> {
    let (req, _) = params::request(&links::parse(query.as_deref()), DEFAULT_PER_PAGE);
    let turn = state.archive.begin_export()?;
    let (tx, rx) = mpsc::channel(PIECES_IN_FLIGHT);
    let archive = state.archive.clone();
    let rt = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let mut out = Pieces {
            buf: Vec::with_capacity(PIECE),
            tx: tx.clone(),
        };
        if let Err(e) = archive.export_blocking(turn, &req, format, &origin, &rt, &mut out) {
            tracing::warn!("export stopped: {}", crate::report::chain(&e));
            // Cut the response short, so that the reader cannot take it for a whole file.
            let _ = tx.blocking_send(Err(std::io::Error::other("export stopped")));
        }
    });
    let pieces = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|piece| (piece, rx))
    });
    let body = Body::from_stream(pieces);
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    let disposition = format!(
        "attachment; filename=\"rencai-export.{}\"",
        format.extension()
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
