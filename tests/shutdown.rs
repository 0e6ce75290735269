//! The real server stops cleanly on SIGTERM while it is answering: exit 0 within 10 s.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::server::{Server, get};

/// Clients hammering the server while the signal arrives.
const CLIENTS: usize = 16;
/// How long service managers wait before they kill.
const STOP_LIMIT: Duration = Duration::from_secs(10);

#[test]
fn sigterm_under_load_stops_the_server_cleanly() {
    let data = tempfile::tempdir().expect("temp dir");
    let mut server = Server::start(data.path());
    let (stop, answered, failed) = (
        Arc::new(AtomicBool::new(false)),
        Arc::new(AtomicUsize::new(0)),
        Arc::new(AtomicUsize::new(0)),
    );
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (addr, stop, answered, failed) = (
                server.addr.clone(),
                stop.clone(),
                answered.clone(),
                failed.clone(),
            );
            std::thread::spawn(move || {
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) {
                    n += 1;
                    // Different pages and sorts, so that searches do real work.
                    let path = format!(
                        "/search?q=%E4%BA%BA%E6%89%8D&page={}&sort={}",
                        1 + (c + n) % 7,
                        ["relevance", "newest", "oldest"][n % 3]
                    );
                    match get(&addr, &path).map(|(status, _)| status) {
                        Some(200) => answered.fetch_add(1, Ordering::Relaxed),
                        // Shed under overload: an answer, not a failure.
                        Some(503) => 0,
                        Some(_) => failed.fetch_add(1, Ordering::Relaxed),
                        None => break,
                    };
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    assert!(answered.load(Ordering::Relaxed) > 0, "the server answered");

    let signalled = Instant::now();
    // SAFETY: kill(2) on the pid of a child this test spawned and has not reaped.
    let sent = unsafe { libc::kill(server.child.id() as libc::pid_t, libc::SIGTERM) };
    assert_eq!(sent, 0, "SIGTERM sent");
    let status = loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            signalled.elapsed() < STOP_LIMIT,
            "the server was still running {STOP_LIMIT:?} after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.join().expect("client");
    }
    assert!(status.success(), "exit status after SIGTERM: {status:?}");
    assert_eq!(
        failed.load(Ordering::Relaxed),
        0,
        "every answer was a 200 or a 503"
    );
}
