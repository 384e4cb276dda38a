//! The explorer page's files, compiled into the binary: nothing is read from disk, so no request path can reach
//! the file system.

use super::http::Response;

const INDEX_HTML: &str = include_str!("assets/index.html");
const STYLE_CSS: &str = include_str!("assets/style.css");
const APP_JS: &str = include_str!("assets/app.js");
const GRAPH_JS: &str = include_str!("assets/graph.js");

/// Only our own scripts and styles; results are inserted as text, never as HTML.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The asset at `path`, if there is one.
pub(crate) fn get(path: &str) -> Option<Response> {
    let (media, body) = match path {
        "/" | "/index.html" => ("text/html; charset=utf-8", INDEX_HTML),
        "/assets/style.css" => ("text/css; charset=utf-8", STYLE_CSS),
        "/assets/app.js" => ("text/javascript; charset=utf-8", APP_JS),
        "/assets/graph.js" => ("text/javascript; charset=utf-8", GRAPH_JS),
        _ => return None,
    };
    Some(
        Response::new(200, media, body)
            .with_header("Content-Security-Policy", CSP)
            .with_header("Cache-Control", "no-cache"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_paths_are_served() {
        for path in [
            "/",
            "/index.html",
            "/assets/app.js",
            "/assets/graph.js",
            "/assets/style.css",
        ] {
            assert_eq!(get(path).map(|r| r.status), Some(200), "{path}");
        }
        for path in [
            "/assets/../Cargo.toml",
            "/assets/",
            "/etc/passwd",
            "/assets/app.js/",
            "/ASSETS/APP.JS",
        ] {
            assert!(get(path).is_none(), "{path}");
        }
    }

    #[test]
    fn the_page_loads_only_its_own_assets() {
        assert!(INDEX_HTML.contains("/assets/app.js") && INDEX_HTML.contains("/assets/graph.js"));
        for page in [INDEX_HTML, STYLE_CSS, APP_JS, GRAPH_JS] {
            for remote in [
                "src=\"http",
                "href=\"http",
                "src=\"//",
                "href=\"//",
                "url(http",
                "import ",
            ] {
                assert!(!page.contains(remote), "no CDN: found {remote}");
            }
        }
    }
}
