//! The watchdog: one background thread that cancels each running query at its deadline, when the process
//! grew by more than the memory limit while it ran, or at shutdown, and records why.

use oxigraph::sparql::CancellationToken;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The default memory limit of one query: 1 GiB, or a quarter of the machine's memory if that is less.
///
/// Why: sorting, grouping, `DISTINCT` (and so the union read as one graph) and hash joins hold their rows,
/// about 100-300 bytes each with the query's term dictionary, so 1 GiB sorts or groups a few million rows,
/// far more than the default 100,000-result limit lets out; a quarter of the memory leaves the store's caches
/// and two more such queries room on a small machine. `None` where `/proc` cannot be read (not
/// Linux): no memory limit there.
pub fn default_query_memory() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let total = kib_field(&meminfo, "MemTotal:");
    Some(total.map_or(1 << 30, |total| (total / 4).min(1 << 30)))
}

/// The process's resident memory in bytes (Linux), read from `/proc/self/status`.
pub fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    kib_field(&status, "VmRSS:")
}

fn kib_field(text: &str, name: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with(name))?;
    let kib: u64 = line[name.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// Why a query was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// It ran past its time limit.
    Time,
    /// The server grew past the memory limit while it ran.
    Memory,
    /// The server is shutting down.
    Shutdown,
}

struct Running {
    deadline: Instant,
    token: CancellationToken,
    /// Resident bytes when the query started (read only under a memory limit).
    start_rss: Option<u64>,
    reason: Arc<OnceLock<StopReason>>,
}

impl Running {
    fn stop(&self, reason: StopReason) {
        // The first reason stays.
        let _ = self.reason.set(reason);
        self.token.cancel();
    }
}

/// Cancels the queries that outlive their deadline or grow the process past the memory limit, from one
/// background thread that looks every 20 ms.
#[derive(Clone, Default)]
pub struct Watchdog {
    running: Arc<Mutex<HashMap<u64, Running>>>,
    next: Arc<AtomicU64>,
    max_memory: Option<u64>,
}

/// A query registered with the [`Watchdog`]; unregisters on drop.
pub struct Ticket {
    watchdog: Watchdog,
    id: u64,
    /// The token to hand to the evaluator.
    pub token: CancellationToken,
    /// When the query must be done.
    pub deadline: Instant,
    reason: Arc<OnceLock<StopReason>>,
}

impl Ticket {
    /// Why the query was stopped, if it was.
    pub fn stopped(&self) -> Option<StopReason> {
        self.reason.get().copied()
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if let Ok(mut running) = self.watchdog.running.lock() {
            running.remove(&self.id);
        }
    }
}

impl Watchdog {
    /// Starts the background thread; it ends when the last clone of the watchdog is dropped. `max_memory`:
    /// the bytes the process may grow by while a query runs before that query is stopped.
    pub fn start(max_memory: Option<u64>) -> Self {
        let watchdog = Self {
            max_memory,
            ..Self::default()
        };
        let weak = Arc::downgrade(&watchdog.running);
        std::thread::Builder::new()
            .name("kg-watchdog".into())
            .spawn(move || {
                while let Some(running) = weak.upgrade() {
                    let now = Instant::now();
                    if let Ok(running) = running.lock()
                        && !running.is_empty()
                    {
                        let rss = max_memory.and_then(|_| resident_bytes());
                        for query in running.values() {
                            if query.deadline <= now {
                                query.stop(StopReason::Time);
                            }
                            if let (Some(bound), Some(rss), Some(start)) =
                                (max_memory, rss, query.start_rss)
                                && rss > start.saturating_add(bound)
                            {
                                query.stop(StopReason::Memory);
                            }
                        }
                    }
                    drop(running);
                    std::thread::sleep(Duration::from_millis(20));
                }
            })
            .ok();
        watchdog
    }

    /// Registers a query that must finish within `timeout`.
    pub fn register(&self, timeout: Duration) -> Ticket {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let token = CancellationToken::new();
        let deadline = Instant::now() + timeout;
        let reason = Arc::new(OnceLock::new());
        if let Ok(mut running) = self.running.lock() {
            running.insert(
                id,
                Running {
                    deadline,
                    token: token.clone(),
                    start_rss: self.max_memory.and_then(|_| resident_bytes()),
                    reason: reason.clone(),
                },
            );
        }
        Ticket {
            watchdog: self.clone(),
            id,
            token,
            deadline,
            reason,
        }
    }

    /// Cancels every running query (shutdown).
    pub fn cancel_all(&self) {
        if let Ok(running) = self.running.lock() {
            for query in running.values() {
                query.stop(StopReason::Shutdown);
            }
        }
    }
}
