//! Bounding concurrent search work to what the machine can do: a few searches run at once, a
//! short queue waits its turn, and the rest are turned away at once to try again.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Searches that may wait per running one: enough for a crowd to wait its turn rather than be
/// turned away at once and come straight back (which costs the machine more than waiting);
/// the wait itself is bounded by time.
const QUEUE_PER_SLOT: usize = 256;
/// Longest wait for a turn: past it, a quick "try again" serves the reader better than a
/// slow answer, and keeps the latency of the answered searches low.
const QUEUE_WAIT: Duration = Duration::from_millis(150);

/// Why a search was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Overload {
    /// The queue of waiting searches was full.
    #[error("too many searches are waiting")]
    QueueFull,
    /// No running search finished within the queue's wait.
    #[error("no search finished in time to make room")]
    QueueTimeout,
    /// The search itself used up its time budget.
    #[error("the search took longer than its time budget")]
    OverBudget,
}

/// Exports running at once: each reads a whole result set, so one at a time keeps the cores
/// for searches.
const EXPORTS_AT_ONCE: usize = 1;

/// The admission gate in front of the searcher.
#[derive(Clone, Debug)]
pub struct Gate {
    slots: Arc<Semaphore>,
    exports: Arc<Semaphore>,
    waiting: Arc<AtomicUsize>,
    queue: usize,
}

/// Counts a waiting search for as long as it waits, however the wait ends (a client that
/// hangs up drops the wait).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Gate {
    /// A gate letting `slots` searches run at once.
    pub fn new(slots: usize) -> Gate {
        let slots = slots.max(1);
        Gate {
            slots: Arc::new(Semaphore::new(slots)),
            exports: Arc::new(Semaphore::new(EXPORTS_AT_ONCE)),
            waiting: Arc::new(AtomicUsize::new(0)),
            queue: slots * QUEUE_PER_SLOT,
        }
    }

    /// Waits for a turn to search; the turn lasts as long as the permit is held.
    pub async fn enter(&self) -> Result<OwnedSemaphorePermit, Overload> {
        if let Ok(permit) = self.slots.clone().try_acquire_owned() {
            return Ok(permit);
        }
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= self.queue {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(Overload::QueueFull);
        }
        let _waiting = Waiting(&self.waiting);
        match tokio::time::timeout(QUEUE_WAIT, self.slots.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) | Err(_) => Err(Overload::QueueTimeout),
        }
    }

    /// Takes the export turn if it is free now.
    pub fn try_export(&self) -> Option<OwnedSemaphorePermit> {
        self.exports.clone().try_acquire_owned().ok()
    }

    /// Takes a turn only if one is free now (for optional work, such as related articles).
    pub fn try_enter(&self) -> Option<OwnedSemaphorePermit> {
        self.slots.clone().try_acquire_owned().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_gate_queues_briefly_then_turns_away() {
        let gate = Gate::new(1);
        let held = gate.enter().await.expect("a free slot");
        assert!(gate.try_enter().is_none());
        assert_eq!(gate.enter().await.err(), Some(Overload::QueueTimeout));
        assert_eq!(
            gate.waiting.load(Ordering::Acquire),
            0,
            "the wait is counted out"
        );
        drop(held);
        assert!(gate.enter().await.is_ok(), "a freed slot is taken");
    }

    #[tokio::test]
    async fn a_full_queue_turns_away_at_once() {
        let gate = Gate::new(1);
        let _held = gate.enter().await.expect("a free slot");
        gate.waiting.store(gate.queue, Ordering::Release);
        assert_eq!(gate.enter().await.err(), Some(Overload::QueueFull));
    }
}
