//! A small HTTP/1.1 server on `std` alone: one thread per connection (capped), deadlines on every read and
//! write, bounded request heads and bodies, keep-alive, and chunked request bodies.
//!
//! Why not `tiny_http`: in 0.12 it sets no socket timeouts (an idle client holds a thread forever), its accept
//! thread stops for good on the first accept error, and dropping an unread body of a declared length allocates
//! that whole length at once, so `Content-Length: 100000000000` aborts the process. Every one of those is a
//! way for a hostile client to take the server down, and none can be fixed from outside the crate.
//!
//! Why not `oxhttp` (0.3.3, what oxigraph's server runs on), measured with `bench/http_hostile.py` against a
//! server on it with the same settings (1 s timeout, 4 connections, a 1 KiB body limit enforced by the
//! handler), beside `kg serve --client-timeout 1 --max-connections 4 --max-body 1K`:
//!
//! | hostile client                               | oxhttp 0.3.3                     | this module          |
//! |----------------------------------------------|----------------------------------|----------------------|
//! | request head trickled, a byte every 0.8 s    | still open after 12 s            | 408 after 1.0 s      |
//! | 4 idle connections (the cap), then a request | waits 0.8 s (accept blocks)      | 503 at once          |
//! | `Content-Length: 100 GB`, body trickled      | no answer after 8 s              | 413 at once          |
//! | 200 KB header                                | 400 at once (fixed 8 KiB limit)  | 431 at once          |
//!
//! Its timeout applies to each socket read, not to the request, so a client that sends a byte now and then
//! holds a thread for ever; at the connection cap its accept loop blocks instead of answering 503 (and waits
//! for ever if the idle clients trickle); it reads the rest of every body after the handler has answered, so
//! a refused body is still read whole; and it has no shutdown (its threads run until the process ends). It
//! would add one crate (`http` and `httparse` are already in the tree), but it fails the hostile-client tests
//! of `tests/server.rs` and cannot be fixed from outside.
//!
//! Why not `hyper` (1.x): it has what is needed (a header read timeout, buffer limits, graceful shutdown in
//! `hyper-util`, body limits in `http-body-util`), but it runs on tokio: 20 more crates (tokio, mio, hyper,
//! hyper-util, http-body, http-body-util, socket2, ...) and an async runtime beside an evaluation that is
//! blocking and bound to its thread (query evaluation holds `Rc` state and a thread-local cancellation token,
//! see [`crate::store::guard`]), so every request would go through `spawn_blocking` anyway; and a deadline for
//! a whole request body would still be ours to write. For this server's needs (whole requests of bounded
//! size, answers built whole) the 700 lines here are tested by those clients and cost no dependency.

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Limits and timeouts of the HTTP layer.
#[derive(Debug, Clone)]
pub struct HttpLimits {
    /// Largest request line plus headers, in bytes.
    pub max_head: usize,
    /// Largest request body, in bytes.
    pub max_body: usize,
    /// Time a client has to send a whole request head once it started one.
    pub head_timeout: Duration,
    /// Time a client has to send a whole request body.
    pub body_timeout: Duration,
    /// Time an idle keep-alive connection is kept open.
    pub idle_timeout: Duration,
    /// Time a client has to read a whole response.
    pub write_timeout: Duration,
    /// Open connections at most; more are answered 503 and closed.
    pub max_connections: usize,
}

impl Default for HttpLimits {
    fn default() -> Self {
        Self {
            max_head: 16 * 1024,
            max_body: 16 * 1024 * 1024,
            head_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(15),
            write_timeout: Duration::from_secs(30),
            max_connections: 512,
        }
    }
}

/// A parsed request with its whole body.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The method, as sent (`GET`, `POST`).
    pub method: String,
    /// The percent-encoded path, without the query string.
    pub path: String,
    /// The raw query string, without `?`.
    pub query: String,
    /// Header names (lower-cased) and values.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Request {
    /// The first header of this (lower-case) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A response, built whole before it is sent.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Extra headers (Content-Length and Connection are added when sending).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a content type and body.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// A plain-text response (errors and short messages); a newline is appended.
    pub fn text(status: u16, message: impl std::fmt::Display) -> Self {
        Self::new(status, "text/plain; charset=utf-8", format!("{message}\n"))
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// What serves requests: called on the connection's thread with the whole request.
pub trait Handler: Send + Sync + 'static {
    /// Answers one request.
    fn handle(&self, request: &Request) -> Response;
}

/// Why a request could not be read; each maps to a status sent before the connection is closed.
#[derive(Debug, PartialEq, Eq)]
enum ReadError {
    /// The client closed the connection or went idle between requests: close silently.
    Closed,
    /// A malformed request.
    Bad(&'static str),
    /// Head or body over its limit.
    TooLarge(u16, &'static str),
    /// The client was too slow.
    Timeout,
}

/// Serves connections from `listener` until `shutdown` is set, then waits up to `grace` for open connections.
///
/// The accept loop is woken for shutdown by a connection to the listener's own address (see [`wake`]).
pub fn serve(
    listener: TcpListener,
    limits: HttpLimits,
    handler: Arc<dyn Handler>,
    shutdown: Arc<AtomicBool>,
    grace: Duration,
) -> io::Result<()> {
    let limits = Arc::new(limits);
    let active = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        if shutdown.load(Ordering::SeqCst) {
            break;
        }
        let stream = match stream {
            Ok(stream) => stream,
            Err(err) => {
                // EMFILE and friends: back off instead of giving up; the server must stay up.
                eprintln!("kg serve: accept failed: {err}");
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        if active.load(Ordering::SeqCst) >= limits.max_connections {
            refuse_busy(stream);
            continue;
        }
        active.fetch_add(1, Ordering::SeqCst);
        let guard = ActiveGuard(active.clone());
        let (limits, handler, shutdown) = (limits.clone(), handler.clone(), shutdown.clone());
        // Large stacks: the SPARQL parser and evaluator recurse over the query's nesting (which is also capped).
        let spawned = std::thread::Builder::new()
            .name("kg-http".into())
            .stack_size(16 * 1024 * 1024)
            .spawn(move || {
                let _guard = guard;
                connection(stream, &limits, handler.as_ref(), &shutdown);
            });
        if let Err(err) = spawned {
            eprintln!("kg serve: cannot start a connection thread: {err}");
        }
    }
    let deadline = Instant::now() + grace;
    while active.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(())
}

/// Wakes a blocked accept loop on `addr` so that it sees the shutdown flag.
pub fn wake(addr: SocketAddr) {
    let mut addr = addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() {
            std::net::Ipv4Addr::LOCALHOST.into()
        } else {
            std::net::Ipv6Addr::LOCALHOST.into()
        });
    }
    let _ = TcpStream::connect_timeout(&addr, Duration::from_secs(1));
}

struct ActiveGuard(Arc<AtomicUsize>);

impl Drop for ActiveGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn refuse_busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let body = "the server has too many open connections; try again\n";
    let _ = write!(
        stream,
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.shutdown(Shutdown::Both);
}

/// One connection: requests in sequence until close, error, idle timeout or shutdown.
fn connection(
    stream: TcpStream,
    limits: &HttpLimits,
    handler: &dyn Handler,
    shutdown: &AtomicBool,
) {
    let _ = stream.set_nodelay(true);
    let mut conn = Conn {
        stream,
        buf: Vec::new(),
    };
    loop {
        let (request, keep_alive) = match conn.read_request(limits, shutdown) {
            Ok(read) => read,
            Err(ReadError::Closed) => break,
            Err(err) => {
                let response = match err {
                    ReadError::Bad(why) => Response::text(400, format!("bad request: {why}")),
                    ReadError::TooLarge(status, why) => Response::text(status, why),
                    ReadError::Timeout => {
                        Response::text(408, "request timeout: the request was not sent in time")
                    }
                    ReadError::Closed => break,
                };
                let _ = conn.write_response(&response, false, false, limits);
                break;
            }
        };
        let response = handler.handle(&request);
        let keep_alive = keep_alive && !shutdown.load(Ordering::SeqCst);
        let head_only = request.method == "HEAD";
        if conn
            .write_response(&response, keep_alive, head_only, limits)
            .is_err()
            || !keep_alive
        {
            break;
        }
    }
    let _ = conn.stream.shutdown(Shutdown::Both);
}

struct Conn {
    stream: TcpStream,
    /// Bytes received but not yet consumed (the start of a pipelined request).
    buf: Vec<u8>,
}

impl Conn {
    /// Reads more bytes before `deadline`; `Ok(0)` at end of stream. While `idle`, a shutdown ends the wait.
    fn fill(
        &mut self,
        deadline: Instant,
        idle: bool,
        shutdown: &AtomicBool,
    ) -> Result<usize, ReadError> {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            let now = Instant::now();
            if now >= deadline {
                return Err(if idle && self.buf.is_empty() {
                    ReadError::Closed
                } else {
                    ReadError::Timeout
                });
            }
            if idle && shutdown.load(Ordering::SeqCst) {
                return Err(ReadError::Closed);
            }
            // Short slices so that an idle connection notices a shutdown.
            let wait = (deadline - now).min(Duration::from_millis(250));
            let _ = self.stream.set_read_timeout(Some(wait));
            match self.stream.read(&mut chunk) {
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(n);
                }
                Err(err)
                    if matches!(
                        err.kind(),
                        io::ErrorKind::WouldBlock
                            | io::ErrorKind::TimedOut
                            | io::ErrorKind::Interrupted
                    ) => {}
                Err(_) => return Err(ReadError::Closed),
            }
        }
    }

    fn read_request(
        &mut self,
        limits: &HttpLimits,
        shutdown: &AtomicBool,
    ) -> Result<(Request, bool), ReadError> {
        // Wait for the first byte under the idle timeout, then for the rest of the head under the head timeout.
        let idle_deadline = Instant::now() + limits.idle_timeout;
        while self.buf.is_empty() {
            if self.fill(idle_deadline, true, shutdown)? == 0 {
                return Err(ReadError::Closed);
            }
        }
        let head_deadline = Instant::now() + limits.head_timeout;
        let head_end = loop {
            if let Some(end) = find_head_end(&self.buf) {
                break end;
            }
            if self.buf.len() > limits.max_head {
                return Err(ReadError::TooLarge(431, "request header fields too large"));
            }
            if self.fill(head_deadline, false, shutdown)? == 0 {
                return Err(ReadError::Closed);
            }
        };
        if head_end > limits.max_head {
            return Err(ReadError::TooLarge(431, "request header fields too large"));
        }
        let head = parse_head(&self.buf[..head_end])?;
        self.buf.drain(..head_end);
        let mut request = Request {
            method: head.method,
            path: head.path,
            query: head.query,
            headers: head.headers,
            body: Vec::new(),
        };
        let keep_alive = head.keep_alive;
        let body_deadline = Instant::now() + limits.body_timeout;
        let chunked = request
            .header("transfer-encoding")
            .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
        if chunked {
            self.continue_if_expected(&request);
            request.body = self.read_chunked(limits.max_body, body_deadline, shutdown)?;
        } else if let Some(length) = content_length(&request)? {
            if length > limits.max_body {
                return Err(ReadError::TooLarge(413, "request body too large"));
            }
            self.continue_if_expected(&request);
            while self.buf.len() < length {
                if self.fill(body_deadline, false, shutdown)? == 0 {
                    return Err(ReadError::Closed);
                }
            }
            request.body = self.buf.drain(..length).collect();
        }
        Ok((request, keep_alive))
    }

    fn continue_if_expected(&mut self, request: &Request) {
        if request
            .header("expect")
            .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
        {
            let _ = self.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
        }
    }

    /// Decodes a chunked body (extensions and trailers ignored).
    fn read_chunked(
        &mut self,
        max_body: usize,
        deadline: Instant,
        shutdown: &AtomicBool,
    ) -> Result<Vec<u8>, ReadError> {
        let mut body = Vec::new();
        loop {
            let line_end = loop {
                if let Some(pos) = self.buf.windows(2).position(|w| w == b"\r\n") {
                    break pos;
                }
                if self.buf.len() > 1024 {
                    return Err(ReadError::Bad("chunk size line too long"));
                }
                if self.fill(deadline, false, shutdown)? == 0 {
                    return Err(ReadError::Closed);
                }
            };
            let line = std::str::from_utf8(&self.buf[..line_end])
                .map_err(|_| ReadError::Bad("chunk size"))?;
            let size_hex = line.split(';').next().unwrap_or("").trim();
            let size =
                usize::from_str_radix(size_hex, 16).map_err(|_| ReadError::Bad("chunk size"))?;
            self.buf.drain(..line_end + 2);
            if size == 0 {
                // Trailers end with an empty line.
                loop {
                    if let Some(pos) = self.buf.windows(2).position(|w| w == b"\r\n") {
                        self.buf.drain(..pos + 2);
                        if pos == 0 {
                            return Ok(body);
                        }
                        continue;
                    }
                    if self.buf.len() > 8 * 1024 {
                        return Err(ReadError::Bad("trailers too long"));
                    }
                    if self.fill(deadline, false, shutdown)? == 0 {
                        return Err(ReadError::Closed);
                    }
                }
            }
            if body.len().saturating_add(size) > max_body {
                return Err(ReadError::TooLarge(413, "request body too large"));
            }
            while self.buf.len() < size + 2 {
                if self.fill(deadline, false, shutdown)? == 0 {
                    return Err(ReadError::Closed);
                }
            }
            body.extend_from_slice(&self.buf[..size]);
            if &self.buf[size..size + 2] != b"\r\n" {
                return Err(ReadError::Bad("chunk not followed by CRLF"));
            }
            self.buf.drain(..size + 2);
        }
    }

    /// Sends a response in slices under one overall deadline, so a client that reads slowly cannot hold the
    /// thread for longer than the write timeout.
    fn write_response(
        &mut self,
        response: &Response,
        keep_alive: bool,
        head_only: bool,
        limits: &HttpLimits,
    ) -> io::Result<()> {
        let mut out = Vec::with_capacity(256 + if head_only { 0 } else { response.body.len() });
        out.extend_from_slice(
            format!(
                "HTTP/1.1 {} {}\r\n",
                response.status,
                reason(response.status)
            )
            .as_bytes(),
        );
        for (name, value) in &response.headers {
            // Header values come from our own code, but never let a newline split a header.
            let value: String = value.chars().filter(|c| *c != '\r' && *c != '\n').collect();
            out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
        out.extend_from_slice(format!("Content-Length: {}\r\n", response.body.len()).as_bytes());
        out.extend_from_slice(if keep_alive {
            b"Connection: keep-alive\r\n\r\n"
        } else {
            b"Connection: close\r\n\r\n"
        });
        if !head_only {
            out.extend_from_slice(&response.body);
        }
        let deadline = Instant::now() + limits.write_timeout;
        let mut sent = 0;
        while sent < out.len() {
            let now = Instant::now();
            if now >= deadline {
                return Err(io::ErrorKind::TimedOut.into());
            }
            self.stream.set_write_timeout(Some(deadline - now))?;
            let end = (sent + 64 * 1024).min(out.len());
            match self.stream.write(&out[sent..end]) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => sent += n,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        Ok(())
    }
}

/// The end of the head (after the blank line), accepting bare LF line ends as RFC 9112 allows.
fn find_head_end(buf: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < buf.len() {
        if buf[i] == b'\n' {
            if buf.get(i + 1) == Some(&b'\n') {
                return Some(i + 2);
            }
            if buf.get(i + 1) == Some(&b'\r') && buf.get(i + 2) == Some(&b'\n') {
                return Some(i + 3);
            }
        }
        i += 1;
    }
    None
}

#[derive(Debug, PartialEq, Eq)]
struct Head {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    keep_alive: bool,
}

fn parse_head(raw: &[u8]) -> Result<Head, ReadError> {
    let text = std::str::from_utf8(raw).map_err(|_| ReadError::Bad("request head is not UTF-8"))?;
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Bad("malformed request line"));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ReadError::Bad("malformed method"));
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(ReadError::Bad("unsupported HTTP version")),
    };
    // Absolute-form targets (proxies) are reduced to their path.
    let target = match target.find("://") {
        Some(scheme_end) => {
            let rest = &target[scheme_end + 3..];
            rest.find('/').map_or("/", |slash| &rest[slash..])
        }
        None => target,
    };
    if !target.starts_with('/') {
        return Err(ReadError::Bad("request target must be a path"));
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut headers = Vec::new();
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            return Err(ReadError::Bad("folded header lines are not accepted"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(ReadError::Bad("malformed header line"));
        };
        if name.is_empty() || name.contains([' ', '\t']) {
            return Err(ReadError::Bad("malformed header name"));
        }
        headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
        if headers.len() > 100 {
            return Err(ReadError::TooLarge(431, "too many header fields"));
        }
    }
    let connection = headers
        .iter()
        .filter(|(n, _)| n == "connection")
        .map(|(_, v)| v.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(",");
    let keep_alive = if http11 {
        !connection.contains("close")
    } else {
        connection.contains("keep-alive")
    };
    Ok(Head {
        method: method.to_string(),
        path: path.to_string(),
        query: query.to_string(),
        headers,
        keep_alive,
    })
}

fn content_length(request: &Request) -> Result<Option<usize>, ReadError> {
    let mut length = None;
    for (_, value) in request
        .headers
        .iter()
        .filter(|(n, _)| n == "content-length")
    {
        if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ReadError::Bad("malformed Content-Length"));
        }
        // Lengths past usize are over any limit.
        let parsed = value.parse::<usize>().unwrap_or(usize::MAX);
        if length.is_some_and(|l| l != parsed) {
            return Err(ReadError::Bad("conflicting Content-Length headers"));
        }
        length = Some(parsed);
    }
    Ok(length)
}

/// The reason phrase of a status code.
pub fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_end_is_found_with_crlf_and_lf() {
        let cases: [(&[u8], Option<usize>); 5] = [
            (b"GET / HTTP/1.1\r\n\r\n", Some(18)),
            (b"GET / HTTP/1.1\n\n", Some(16)),
            (b"GET / HTTP/1.1\r\nHost: x\r\n\r\nbody", Some(27)),
            (b"GET / HTTP/1.1\r\nHost: x\r\n", None),
            (b"", None),
        ];
        for (raw, expected) in cases {
            assert_eq!(
                find_head_end(raw),
                expected,
                "{:?}",
                String::from_utf8_lossy(raw)
            );
        }
    }

    #[test]
    fn heads_parse_or_are_refused() {
        let ok = parse_head(b"GET /query?query=x HTTP/1.1\r\nHost: a\r\nAccept: text/csv\r\n\r\n")
            .unwrap();
        assert_eq!(
            (ok.method.as_str(), ok.path.as_str(), ok.query.as_str()),
            ("GET", "/query", "query=x")
        );
        assert_eq!(
            ok.headers[1],
            ("accept".to_string(), "text/csv".to_string())
        );
        assert!(ok.keep_alive);
        let close = parse_head(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap();
        assert!(!close.keep_alive);
        let old = parse_head(b"GET / HTTP/1.0\r\n\r\n").unwrap();
        assert!(!old.keep_alive);
        let absolute = parse_head(b"GET http://h:1/store?default HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!(
            (absolute.path.as_str(), absolute.query.as_str()),
            ("/store", "default")
        );
        let refused: [&[u8]; 7] = [
            b"GET /\r\n\r\n",
            b"get / HTTP/1.1\r\n\r\n",
            b"GET / HTTP/2.0\r\n\r\n",
            b"GET * HTTP/1.1\r\n\r\n",
            b"GET / HTTP/1.1\r\nNoColon\r\n\r\n",
            b"GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
            b"GET /\xff HTTP/1.1\r\n\r\n",
        ];
        for raw in refused {
            assert!(
                matches!(parse_head(raw), Err(ReadError::Bad(_))),
                "{:?}",
                String::from_utf8_lossy(raw)
            );
        }
    }

    #[test]
    fn content_length_is_strict() {
        let with = |values: &[&str]| Request {
            headers: values
                .iter()
                .map(|v| ("content-length".to_string(), v.to_string()))
                .collect(),
            ..Request::default()
        };
        assert_eq!(content_length(&with(&[])), Ok(None));
        assert_eq!(content_length(&with(&["12"])), Ok(Some(12)));
        assert_eq!(content_length(&with(&["12", "12"])), Ok(Some(12)));
        assert_eq!(
            content_length(&with(&["99999999999999999999999999"])),
            Ok(Some(usize::MAX))
        );
        assert!(content_length(&with(&["-1"])).is_err());
        assert!(content_length(&with(&["1", "2"])).is_err());
        assert!(content_length(&with(&["0x10"])).is_err());
    }
}
