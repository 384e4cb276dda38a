//! Routing: which path and method goes where, parameters, authorization and common headers.

use super::http::{Handler, Request, Response};
use super::sparql::{self, QueryLimits, QueryRequest, Watchdog};
use super::{IngestFn, Slots, assets, explore, graph_store};
use oxigraph::store::Store;
use std::sync::Arc;

/// The application state shared by all connections.
pub(crate) struct App {
    pub(crate) store: Store,
    pub(crate) limits: QueryLimits,
    pub(crate) token: Option<String>,
    pub(crate) read_only: bool,
    pub(crate) watchdog: Watchdog,
    pub(crate) slots: Slots,
    pub(crate) ingest: Option<Arc<IngestFn>>,
    /// The prefixes queries and updates may use undeclared (those of `kg query`).
    pub(crate) prefixes: Vec<(&'static str, String)>,
    /// The explorer's snapshot of the store.
    pub(crate) explorer: Arc<explore::ExplorerState>,
}

/// Decoded request parameters (query string and, for forms, the body).
pub(crate) struct Params(Vec<(String, String)>);

impl Params {
    /// The first value of a parameter.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether a parameter is present (with or without a value).
    pub(crate) fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| n == name)
    }

    /// All values of a parameter.
    pub(crate) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// Decodes `application/x-www-form-urlencoded` text; invalid percent-escapes or UTF-8 are refused.
pub(crate) fn parse_form(text: &[u8]) -> Result<Params, Response> {
    let mut pairs = Vec::new();
    for part in text.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (name, value) = match part.iter().position(|b| *b == b'=') {
            Some(eq) => (&part[..eq], &part[eq + 1..]),
            None => (part, &b""[..]),
        };
        pairs.push((percent_decode(name)?, percent_decode(value)?));
    }
    Ok(Params(pairs))
}

fn percent_decode(raw: &[u8]) -> Result<String, Response> {
    let bad = || {
        Response::text(
            400,
            "bad request: parameters are not valid percent-encoded UTF-8",
        )
    };
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = raw.get(i + 1..i + 3).ok_or_else(bad)?;
                let hex = std::str::from_utf8(hex).map_err(|_| bad())?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| bad())
}

fn media_type(request: &Request) -> String {
    request
        .header("content-type")
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn method_not_allowed(allow: &str) -> Response {
    Response::text(405, format!("method not allowed; use {allow}")).with_header("Allow", allow)
}

/// Compares in time independent of where the strings differ.
fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl App {
    fn authorize(&self, request: &Request) -> Result<(), Response> {
        let unauthorized = |why: &str| {
            Response::text(401, format!("unauthorized: {why}"))
                .with_header("WWW-Authenticate", "Bearer realm=\"kg\"")
        };
        let Some(token) = &self.token else {
            return Err(unauthorized(
                "writes are disabled; start kg serve with --update-token",
            ));
        };
        let given = request
            .header("authorization")
            .and_then(|h| {
                h.strip_prefix("Bearer ")
                    .or_else(|| h.strip_prefix("bearer "))
            })
            .map(str::trim);
        match given {
            Some(given) if same_secret(given, token) => {}
            _ => {
                return Err(unauthorized(
                    "a valid `Authorization: Bearer TOKEN` header is required",
                ));
            }
        }
        if self.read_only {
            return Err(Response::text(
                403,
                "forbidden: the store is opened read-only",
            ));
        }
        Ok(())
    }

    fn query(&self, request: &Request, params: &Params) -> Result<Response, Response> {
        let (query, form) = match request.method.as_str() {
            "GET" | "HEAD" => (params.get("query").map(str::to_owned), None),
            "POST" => {
                match media_type(request).as_str() {
                    "application/sparql-query" => (
                        Some(String::from_utf8(request.body.clone()).map_err(|_| {
                            Response::text(400, "bad request: the query is not UTF-8")
                        })?),
                        None,
                    ),
                    "application/x-www-form-urlencoded" => {
                        let form = parse_form(&request.body)?;
                        (form.get("query").map(str::to_owned), Some(form))
                    }
                    other => {
                        return Err(Response::text(
                            415,
                            format!(
                                "unsupported media type {other:?}: send application/sparql-query or a form"
                            ),
                        ));
                    }
                }
            }
            "OPTIONS" => return Ok(cors_preflight()),
            _ => return Err(method_not_allowed("GET, POST")),
        };
        let query =
            query.ok_or_else(|| Response::text(400, "bad request: missing `query` parameter"))?;
        let lookup = |name: &str| {
            let mut values = params.all(name);
            if let Some(form) = &form {
                values.extend(form.all(name));
            }
            values
        };
        let format = params.get("format").map(str::to_owned).or_else(|| {
            form.as_ref()
                .and_then(|f| f.get("format").map(str::to_owned))
        });
        let query_request = QueryRequest {
            query: &query,
            default_graphs: lookup("default-graph-uri"),
            named_graphs: lookup("named-graph-uri"),
            accept: request.header("accept"),
            format: format.as_deref(),
        };
        let _slot = self.slots.acquire(self.limits.timeout)?;
        Ok(sparql::query(
            &self.store,
            &query_request,
            &self.prefixes,
            &self.limits,
            &self.watchdog,
        )
        .with_header("Access-Control-Allow-Origin", "*"))
    }

    fn update(&self, request: &Request) -> Result<Response, Response> {
        if request.method != "POST" {
            return Err(method_not_allowed("POST"));
        }
        self.authorize(request)?;
        let text = match media_type(request).as_str() {
            "application/sparql-update" => String::from_utf8(request.body.clone())
                .map_err(|_| Response::text(400, "bad request: the update is not UTF-8"))?,
            "application/x-www-form-urlencoded" => {
                let form = parse_form(&request.body)?;
                if form.has("using-graph-uri") || form.has("using-named-graph-uri") {
                    return Err(Response::text(
                        400,
                        "using-graph-uri and using-named-graph-uri are not supported",
                    ));
                }
                form.get("update")
                    .map(str::to_owned)
                    .ok_or_else(|| Response::text(400, "bad request: missing `update` parameter"))?
            }
            other => {
                return Err(Response::text(
                    415,
                    format!(
                        "unsupported media type {other:?}: send application/sparql-update or a form"
                    ),
                ));
            }
        };
        let _slot = self.slots.acquire(self.limits.timeout)?;
        let response = sparql::update(
            &self.store,
            &text,
            &self.prefixes,
            &self.limits,
            &self.watchdog,
        );
        if response.status == 200 {
            self.explorer.store_changed();
        }
        Ok(response)
    }

    fn documents(&self, request: &Request) -> Result<Response, Response> {
        if request.method != "POST" {
            return Err(method_not_allowed("POST"));
        }
        self.authorize(request)?;
        let Some(ingest) = &self.ingest else {
            return Err(Response::text(
                501,
                "document ingestion is not available in this build",
            ));
        };
        let _slot = self.slots.acquire(self.limits.timeout)?;
        match ingest(&request.body) {
            Ok(summary) => {
                self.explorer.refresh();
                Ok(Response::text(200, summary))
            }
            Err((status, why)) => Err(Response::text(status, format!("ingestion failed: {why}"))),
        }
    }

    fn route(&self, request: &Request) -> Result<Response, Response> {
        let params = parse_form(request.query.as_bytes())?;
        let read = || match request.method.as_str() {
            "GET" | "HEAD" => Ok(()),
            _ => Err(method_not_allowed("GET, HEAD")),
        };
        match request.path.as_str() {
            "/query" | "/sparql" => self.query(request, &params),
            "/update" => self.update(request),
            "/documents" => self.documents(request),
            "/store" => {
                read()?;
                let _slot = self.slots.acquire(self.limits.timeout)?;
                Ok(graph_store::read(
                    &self.store,
                    &params,
                    request.header("accept"),
                    &self.limits,
                    &self.watchdog,
                ))
            }
            path if explore::Endpoint::at(path).is_some() => {
                read()?;
                let _slot = self.slots.acquire(self.limits.timeout)?;
                let endpoint = explore::Endpoint::at(path).expect("checked above");
                Ok(
                    explore::answer(&self.explorer, endpoint, &params, self.limits.timeout)
                        .with_header("Cache-Control", "no-cache"),
                )
            }
            "/health" => {
                read()?;
                Ok(Response::text(200, "ok"))
            }
            path => {
                read()?;
                assets::get(path).ok_or_else(|| Response::text(404, "not found"))
            }
        }
    }
}

fn cors_preflight() -> Response {
    Response::text(204, "")
        .with_header("Access-Control-Allow-Origin", "*")
        .with_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        .with_header("Access-Control-Allow-Headers", "Content-Type, Accept")
}

impl Handler for App {
    fn handle(&self, request: &Request) -> Response {
        let mut response = match self.route(request) {
            Ok(response) | Err(response) => response,
        };
        if response.status == 204 {
            response.body.clear();
        }
        response.with_header("X-Content-Type-Options", "nosniff")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_or_are_refused() {
        let form =
            parse_form(b"query=SELECT+*+%7B%7D&default-graph-uri=a&default-graph-uri=b&flag")
                .unwrap();
        assert_eq!(form.get("query"), Some("SELECT * {}"));
        assert_eq!(
            form.all("default-graph-uri"),
            vec!["a".to_string(), "b".to_string()]
        );
        assert!(form.has("flag"));
        assert_eq!(form.get("flag"), Some(""));
        assert_eq!(parse_form(b"q=%E2%82%AC").unwrap().get("q"), Some("€"));
        for bad in [&b"q=%ff"[..], b"q=%4", b"q=%zz", b"q=\xff"] {
            assert!(parse_form(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        assert!(!same_secret("", "a"));
    }
}
