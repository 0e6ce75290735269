//! One request over a real socket to the real server loop.

mod common;

use std::time::Duration;

use common::TestArchive;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

async fn http_get(addr: std::net::SocketAddr, path: &str) -> String {
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("write");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.expect("read");
    String::from_utf8_lossy(&response).into_owned()
}

#[tokio::test]
async fn serves_pages_over_tcp() {
    let t = TestArchive::sample().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let state = rencai::web::AppState::new(t.archive.clone());
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let server = tokio::spawn(rencai::cli::serve::serve(listener, state, stopping));
    let health = tokio::time::timeout(Duration::from_secs(10), http_get(addr, "/healthz"))
        .await
        .expect("answer in time");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    let page = http_get(addr, "/search?q=%E4%BA%BA%E6%89%8D").await;
    assert!(page.starts_with("HTTP/1.1 200"));
    assert!(page.contains("charset=utf-8"));
    let headers = page.to_ascii_lowercase();
    assert!(headers.contains("content-security-policy: default-src 'self'"));
    assert!(headers.contains("x-content-type-options: nosniff"));
    stop.send(true).expect("stop");
    let served = tokio::time::timeout(Duration::from_secs(10), server)
        .await
        .expect("stops in time");
    assert!(matches!(served, Ok(Ok(()))), "{served:?}");
}

/// Stops the server process however the test ends.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test]
async fn the_binary_serves_the_sample_corpus_from_an_empty_data_directory() {
    use std::io::BufRead;
    let data = tempfile::tempdir().expect("dir");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rencai"))
        .args(["serve", "--addr", "127.0.0.1:0", "--data"])
        .arg(data.path())
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start rencai serve");
    let stderr = child.stderr.take().expect("stderr");
    let _running = Running(child);
    let addr = tokio::task::spawn_blocking(move || {
        std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| {
                line.split("serving on http://")
                    .nth(1)
                    .map(|a| a.trim().to_string())
            })
    });
    let addr = tokio::time::timeout(Duration::from_secs(60), addr)
        .await
        .expect("server started in time")
        .expect("reader")
        .expect("address logged");
    let addr: std::net::SocketAddr = addr.parse().expect("socket address");
    let answer = http_get(addr, "/api/search?q=%E4%BA%BA%E6%89%8D").await;
    let body = answer.split("\r\n\r\n").nth(1).expect("body");
    let json: serde_json::Value = serde_json::from_str(body).expect("json");
    assert_eq!(json["total"], 5);
}
