//! The ingest pipeline: one thread walks and reads lazily, a pool of workers prepares units on
//! every core, and the caller receives the prepared batches in input order, so the result does
//! not depend on the number of workers.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::prepare::{Prepared, Verdict, label, prepare, sha256_hex};
use super::source::{Unit, read_units};
use super::walk::walk;
use super::{FileOutcome, Rejection};
use crate::store::Store;

/// Most units in one batch: one transaction, small enough to keep memory bounded.
const BATCH_UNITS: usize = 1_000;
/// Most raw bytes in one batch.
const BATCH_BYTES: usize = 4 * 1024 * 1024;

/// Counters of a running ingest, updated as it goes (for a progress bar).
#[derive(Debug, Default)]
pub struct Progress {
    /// Files read so far.
    pub files: AtomicU64,
    /// Bytes read so far.
    pub bytes: AtomicU64,
    /// Articles stored so far (new, updated or recognised).
    pub articles: AtomicU64,
    /// Files found by the listing so far.
    pub total_files: AtomicU64,
    /// Their bytes.
    pub total_bytes: AtomicU64,
    /// The listing is complete: the totals are final.
    pub listed: AtomicBool,
}

impl Progress {
    /// Counts an outcome's articles.
    pub fn count(&self, outcome: &FileOutcome) {
        let n = outcome.new + outcome.updated + outcome.duplicates;
        self.articles.fetch_add(n as u64, Ordering::Relaxed);
    }
}

/// One item read, in input order.
enum Item {
    Unit(Unit),
    Failed(Rejection),
}

/// A failed read as a prepared unit, so that it keeps its place in the order.
fn failed(rejection: Rejection) -> Prepared {
    Prepared {
        name: Arc::from(rejection.file.as_str()),
        record: 0,
        sha256: String::new(),
        encoding: None,
        size: 0,
        stored: Vec::new(),
        articles: Vec::new(),
        rejected: vec![rejection],
        verdict: Verdict::Rejected,
    }
}

/// Prepared batches in input order.
pub struct Batches {
    rx: tokio::sync::mpsc::Receiver<(u64, Vec<Prepared>)>,
    pending: BTreeMap<u64, Vec<Prepared>>,
    next: u64,
}

impl Batches {
    /// The next batch in input order, or None when every input was read.
    pub async fn next(&mut self) -> Option<Vec<Prepared>> {
        loop {
            if let Some(batch) = self.pending.remove(&self.next) {
                self.next += 1;
                return Some(batch);
            }
            match self.rx.recv().await {
                Some((seq, batch)) => {
                    self.pending.insert(seq, batch);
                }
                // Every worker is gone; what arrived is still stored, in order.
                None => return self.pending.pop_first().map(|(_, batch)| batch),
            }
        }
    }
}

/// Hashes a batch, asks the database which units it holds, and prepares the rest.
fn prepare_batch(
    store: &Store,
    runtime: &tokio::runtime::Handle,
    items: Vec<Item>,
) -> Vec<Prepared> {
    let hashed: Vec<(Item, String)> = items
        .into_iter()
        .map(|item| {
            let sha = match &item {
                Item::Unit(u) => sha256_hex(&u.bytes),
                Item::Failed(_) => String::new(),
            };
            (item, sha)
        })
        .collect();
    let shas: Vec<&str> = hashed
        .iter()
        .filter(|(i, _)| matches!(i, Item::Unit(_)))
        .map(|(_, s)| s.as_str())
        .collect();
    // Skipping stored units here makes a resumed run cheap; the writer checks again.
    let stored: HashSet<String> = runtime
        .block_on(store.existing_files(&shas))
        .unwrap_or_default();
    hashed
        .into_iter()
        .map(|(item, sha)| match item {
            Item::Unit(unit) => {
                let unchanged = stored.contains(&sha);
                let name = label(&unit.name, unit.record);
                // A page that trips a bug in extraction is reported, not fatal to the run.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    prepare(unit, sha, unchanged)
                }))
                .unwrap_or_else(|_| {
                    failed(Rejection {
                        file: name,
                        reason: "internal error while extracting (please report this file)"
                            .to_string(),
                    })
                })
            }
            Item::Failed(r) => failed(r),
        })
        .collect()
}

/// Starts reading `paths` with `workers` preparing threads; the batches arrive in order.
pub fn start(
    paths: Vec<PathBuf>,
    store: Store,
    workers: usize,
    progress: Arc<Progress>,
) -> Batches {
    let workers = workers.max(1);
    let (work_tx, work_rx) = crossbeam_channel::bounded::<(u64, Vec<Item>)>(workers);
    let (done_tx, done_rx) = tokio::sync::mpsc::channel(workers * 2);
    let runtime = tokio::runtime::Handle::current();
    for _ in 0..workers {
        let (work_rx, done_tx) = (work_rx.clone(), done_tx.clone());
        let (store, runtime) = (store.clone(), runtime.clone());
        std::thread::spawn(move || {
            for (seq, items) in work_rx {
                let prepared = prepare_batch(&store, &runtime, items);
                if done_tx.blocking_send((seq, prepared)).is_err() {
                    return;
                }
            }
        });
    }
    let listing = (paths.clone(), progress.clone());
    std::thread::spawn(move || {
        let (paths, progress) = listing;
        for file in walk(&paths).flatten() {
            progress.total_files.fetch_add(1, Ordering::Relaxed);
            progress.total_bytes.fetch_add(file.len, Ordering::Relaxed);
        }
        progress.listed.store(true, Ordering::Relaxed);
    });
    std::thread::spawn(move || read_all(&paths, &work_tx, &progress));
    Batches {
        rx: done_rx,
        pending: BTreeMap::new(),
        next: 0,
    }
}

/// The reading thread: walks the paths and sends batches of units until done or the
/// receiving side is gone.
fn read_all(
    paths: &[PathBuf],
    work: &crossbeam_channel::Sender<(u64, Vec<Item>)>,
    progress: &Progress,
) {
    let mut seq = 0u64;
    let mut batch: Vec<Item> = Vec::new();
    let mut bytes = 0usize;
    let mut send = |batch: &mut Vec<Item>, bytes: &mut usize| -> bool {
        let full = std::mem::take(batch);
        *bytes = 0;
        let ok = work.send((seq, full)).is_ok();
        seq += 1;
        ok
    };
    for entry in walk(paths) {
        let file = match entry {
            Ok(file) => file,
            Err(skipped) => {
                batch.push(Item::Failed(Rejection {
                    file: skipped.name,
                    reason: skipped.reason,
                }));
                continue;
            }
        };
        let mut alive = true;
        let result = read_units(&file, &mut |unit| {
            match unit {
                Ok(unit) => {
                    bytes += unit.bytes.len();
                    progress
                        .bytes
                        .fetch_add(unit.bytes.len() as u64, Ordering::Relaxed);
                    batch.push(Item::Unit(unit));
                }
                Err(e) => batch.push(Item::Failed(Rejection {
                    file: label(&file.name, e.record.unwrap_or(0)),
                    reason: e.reason,
                })),
            }
            if batch.len() >= BATCH_UNITS || bytes >= BATCH_BYTES {
                alive = send(&mut batch, &mut bytes);
            }
            alive
        });
        if let Err(e) = result {
            batch.push(Item::Failed(Rejection {
                file: file.name.clone(),
                reason: e.reason,
            }));
        }
        progress.files.fetch_add(1, Ordering::Relaxed);
        if !alive {
            return;
        }
    }
    if !batch.is_empty() {
        send(&mut batch, &mut bytes);
    }
}
