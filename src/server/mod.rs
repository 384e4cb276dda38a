//! The HTTP server: SPARQL 1.1 Protocol, Graph Store reads, ingestion and the explorer page.
//!
//! [`Server::new`] binds; [`Server::run`] serves until [`ShutdownHandle::shutdown`]. Every request is read whole
//! under deadlines and size limits ([`http`]), queries run under a time limit, a memory limit and a result-size limit
//! ([`sparql`]), and at most `workers` queries evaluate at once (the bounded pool: a request that cannot get a
//! slot in time gets 503).
//!
//! ```no_run
//! use kg::server::{ServeOptions, Server};
//! let store = oxigraph::store::Store::new()?;
//! let server = Server::new(store, ServeOptions::default())?;
//! println!("listening on http://{}", server.local_addr());
//! server.run()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod assets;
mod explore;
mod graph_store;
pub mod http;
pub mod ingest;
mod negotiate;
mod routes;
pub mod sparql;
mod watchdog;

use http::{HttpLimits, Response};
use oxigraph::store::Store;
use sparql::{QueryLimits, Watchdog};
use std::net::{SocketAddr, TcpListener};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// An I/O error while serving.
    #[error("server I/O error: {0}")]
    Io(#[from] std::io::Error),
}

/// Ingests documents posted to `/documents`: the request body in, a one-line summary or an HTTP status and
/// message out. [`ingest::ingestor`] makes one that runs the same pipeline as `kg build`.
pub type IngestFn = dyn Fn(&[u8]) -> Result<String, (u16, String)> + Send + Sync;

/// Server settings.
#[derive(Clone)]
pub struct ServeOptions {
    /// Address to listen on (`127.0.0.1:7878`).
    pub bind: String,
    /// Per-query limits.
    pub query: QueryLimits,
    /// HTTP limits and timeouts.
    pub http: HttpLimits,
    /// Queries evaluated at once.
    pub workers: usize,
    /// The bearer token that enables `/update` and `/documents`; without it both answer 401.
    pub update_token: Option<String>,
    /// Whether the store was opened read-only (writes then answer 403).
    pub read_only: bool,
    /// Document ingestion for `POST /documents`.
    pub ingest: Option<Arc<IngestFn>>,
    /// The prefixes queries may use undeclared: give the store's own ([`crate::store::Namespaces::prefixes`])
    /// so that a query copied from `kg query` runs here unchanged.
    pub prefixes: Vec<(&'static str, String)>,
    /// The kg store behind `store`, for the explorer's pages (`/api/*`); without it they answer 501.
    pub explorer: Option<Arc<crate::store::KgStore>>,
}

impl Default for ServeOptions {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Self {
            bind: "127.0.0.1:7878".into(),
            query: QueryLimits {
                timeout: Duration::from_secs(30),
                max_results: 100_000,
                max_memory: sparql::default_query_memory(),
            },
            http: HttpLimits::default(),
            workers: (4 * cores).max(16),
            update_token: None,
            read_only: false,
            ingest: None,
            prefixes: crate::store::Namespaces::new(
                crate::store::DEFAULT_BASE,
                crate::store::DEFAULT_ONTOLOGY,
            )
            .prefixes(),
            explorer: None,
        }
    }
}

impl std::fmt::Debug for ServeOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServeOptions")
            .field("bind", &self.bind)
            .field("query", &self.query)
            .field("http", &self.http)
            .field("workers", &self.workers)
            .field("update_token", &self.update_token.as_ref().map(|_| "<set>"))
            .field("read_only", &self.read_only)
            .field("ingest", &self.ingest.is_some())
            .field("prefixes", &self.prefixes)
            .field("explorer", &self.explorer.is_some())
            .finish()
    }
}

/// A bound server, ready to [`run`](Server::run).
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    app: Arc<routes::App>,
    http: HttpLimits,
    shutdown: Arc<AtomicBool>,
}

/// Stops a running server from another thread (a signal handler, a test).
#[derive(Clone)]
pub struct ShutdownHandle {
    flag: Arc<AtomicBool>,
    addr: SocketAddr,
    watchdog: Watchdog,
}

impl ShutdownHandle {
    /// Stops accepting connections; requests in flight finish (running queries are cancelled after a grace
    /// period) and [`Server::run`] returns.
    pub fn shutdown(&self) {
        if !self.flag.swap(true, Ordering::SeqCst) {
            http::wake(self.addr);
            let watchdog = self.watchdog.clone();
            // Queries still running after the grace period are cancelled so that shutdown is prompt.
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_secs(3));
                watchdog.cancel_all();
            });
        }
    }
}

impl Server {
    /// Binds the address and prepares the routes over `store`.
    pub fn new(store: Store, options: ServeOptions) -> Result<Self, ServerError> {
        let listener =
            TcpListener::bind(options.bind.as_str()).map_err(|source| ServerError::Bind {
                addr: options.bind.clone(),
                source,
            })?;
        let addr = listener.local_addr()?;
        let app = Arc::new(routes::App {
            store,
            limits: options.query,
            token: options.update_token.filter(|t| !t.is_empty()),
            read_only: options.read_only,
            watchdog: Watchdog::start(options.query.max_memory),
            slots: Slots::new(options.workers.max(1)),
            ingest: options.ingest,
            prefixes: options.prefixes,
            explorer: explore::ExplorerState::start(options.explorer),
        });
        Ok(Self {
            listener,
            addr,
            app,
            http: options.http,
            shutdown: Arc::new(AtomicBool::new(false)),
        })
    }

    /// The address actually bound (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// A handle that stops the server.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        ShutdownHandle {
            flag: self.shutdown.clone(),
            addr: self.addr,
            watchdog: self.app.watchdog.clone(),
        }
    }

    /// Serves until shut down; returns once connections have drained (at most a few seconds after shutdown).
    pub fn run(self) -> Result<(), ServerError> {
        let grace = Duration::from_secs(5);
        http::serve(
            self.listener,
            self.http,
            self.app.clone(),
            self.shutdown,
            grace,
        )?;
        Ok(())
    }
}

/// The bounded pool of evaluation slots: a counting semaphore with a waiting deadline.
pub(crate) struct Slots {
    free: Mutex<usize>,
    freed: Condvar,
}

/// A held evaluation slot; released on drop.
pub(crate) struct Slot<'a>(&'a Slots);

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        if let Ok(mut free) = self.0.free.lock() {
            *free += 1;
        }
        self.0.freed.notify_one();
    }
}

impl Slots {
    fn new(n: usize) -> Self {
        Self {
            free: Mutex::new(n),
            freed: Condvar::new(),
        }
    }

    /// Waits up to `wait` for a slot; `Err` is the 503 to send.
    pub(crate) fn acquire(&self, wait: Duration) -> Result<Slot<'_>, Response> {
        let busy =
            || Response::text(503, "the server is busy; try again").with_header("Retry-After", "1");
        let deadline = Instant::now() + wait;
        let mut free = self.free.lock().map_err(|_| busy())?;
        while *free == 0 {
            let now = Instant::now();
            if now >= deadline {
                return Err(busy());
            }
            free = self
                .freed
                .wait_timeout(free, deadline - now)
                .map_err(|_| busy())?
                .0;
        }
        *free -= 1;
        Ok(Slot(self))
    }
}
