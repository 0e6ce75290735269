//! The real binary serving an archive on a free loopback port, spoken to over plain TCP.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

/// How long a request may take before the test gives up on it.
const REQUEST_LIMIT: Duration = Duration::from_secs(10);

/// A running `rencai serve`; killed when dropped.
pub struct Server {
    /// The server process.
    pub child: Child,
    /// host:port it listens on.
    pub addr: String,
}

impl Server {
    /// Starts serving `data` and waits until the server says where it listens.
    pub fn start(data: &Path) -> Server {
        Server::start_with(data, &[])
    }

    /// Starts serving `data` with more arguments (`--database URL`), as [`Server::start`].
    pub fn start_with(data: &Path, more: &[&str]) -> Server {
        let mut child = super::rencai(["serve", "--addr", "127.0.0.1:0", "--data"])
            .arg(data)
            .args(more)
            .env("RUST_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn server");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        // Reads the log to its end, so that the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("serving on http://").nth(1) {
                    let addr: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                        .collect();
                    let _ = tx.send(addr);
                }
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(120))
            .expect("the server said where it listens");
        Server { child, addr }
    }

    /// One GET on a fresh connection: the status and the body (None once the server is gone).
    pub fn get(&self, path: &str) -> Option<(u16, String)> {
        get(&self.addr, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One GET to `addr` on a fresh connection: the status and the body.
pub fn get(addr: &str, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream.set_read_timeout(Some(REQUEST_LIMIT)).ok()?;
    let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let split = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let body = &response[split + 4..];
    let body = if head.contains("transfer-encoding: chunked") {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    Some((status, String::from_utf8_lossy(&body).into_owned()))
}

/// The body of a chunked response: each chunk's size in hex on a line, then its bytes.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line = rest.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&rest[..line]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        if size == 0 {
            return Some(out);
        }
        let data = rest.get(line + 2..)?;
        out.extend_from_slice(data.get(..size)?);
        rest = data.get(size..)?.strip_prefix(b"\r\n")?;
    }
}
