//! Content negotiation (`Accept` with q-values and wildcards) and the formats the server speaks.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::sparql::results::QueryResultsFormat;

/// The media types offered for SELECT and ASK results, our preference first.
pub const RESULT_OFFERS: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
];

/// The media types offered for graphs (CONSTRUCT, DESCRIBE, Graph Store reads), our preference first.
pub const GRAPH_OFFERS: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    (
        "application/ld+json",
        RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
    ),
    ("text/plain", RdfFormat::NTriples),
];

/// The media types offered for whole datasets, our preference first.
pub const DATASET_OFFERS: &[(&str, RdfFormat)] = &[
    ("application/trig", RdfFormat::TriG),
    ("application/n-quads", RdfFormat::NQuads),
    ("text/plain", RdfFormat::NQuads),
];

/// A `format=` parameter's short name for results, as the page and `curl` users write it.
pub fn result_format_by_name(name: &str) -> Option<QueryResultsFormat> {
    Some(match name.to_ascii_lowercase().as_str() {
        "json" | "srj" => QueryResultsFormat::Json,
        "xml" | "srx" => QueryResultsFormat::Xml,
        "csv" => QueryResultsFormat::Csv,
        "tsv" => QueryResultsFormat::Tsv,
        _ => return None,
    })
}

/// A `format=` parameter's short name for graphs and datasets.
pub fn rdf_format_by_name(name: &str) -> Option<RdfFormat> {
    Some(match name.to_ascii_lowercase().as_str() {
        "ttl" | "turtle" => RdfFormat::Turtle,
        "nt" | "ntriples" | "n-triples" => RdfFormat::NTriples,
        "jsonld" | "json-ld" => RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        },
        "nq" | "nquads" | "n-quads" => RdfFormat::NQuads,
        "trig" => RdfFormat::TriG,
        _ => return None,
    })
}

/// Picks the offer the client prefers. Each offer gets the q of the most specific matching range (exact type,
/// then `type/*`, then `*/*`); the highest q wins and ties go to the earlier offer. No header means the first
/// offer; nothing acceptable means `None` (406).
pub fn negotiate<T: Copy>(accept: Option<&str>, offers: &[(&str, T)]) -> Option<T> {
    let accept = accept.map(str::trim).filter(|a| !a.is_empty());
    let Some(accept) = accept else {
        return offers.first().map(|(_, t)| *t);
    };
    let ranges: Vec<(String, f32)> = accept.split(',').filter_map(parse_range).collect();
    let mut best: Option<(f32, T)> = None;
    for (media, value) in offers {
        let (kind, _) = media.split_once('/').unwrap_or((media, ""));
        let mut matched: Option<(u8, f32)> = None;
        for (range, q) in &ranges {
            let specificity = if range == media {
                3
            } else if range.strip_suffix("/*") == Some(kind) {
                2
            } else if range == "*/*" {
                1
            } else {
                continue;
            };
            if matched.is_none_or(|(s, _)| specificity > s) {
                matched = Some((specificity, *q));
            }
        }
        if let Some((_, q)) = matched
            && q > 0.0
            && best.is_none_or(|(bq, _)| q > bq)
        {
            best = Some((q, *value));
        }
    }
    best.map(|(_, value)| value)
}

/// One media range: lower-cased type without parameters, and its q (default 1).
fn parse_range(range: &str) -> Option<(String, f32)> {
    let mut parts = range.split(';');
    let media = parts.next()?.trim().to_ascii_lowercase();
    if media.is_empty() {
        return None;
    }
    let mut q = 1.0;
    for param in parts {
        if let Some((name, value)) = param.split_once('=')
            && name.trim().eq_ignore_ascii_case("q")
        {
            q = value
                .trim()
                .parse::<f32>()
                .ok()
                .filter(|q| (0.0..=1.0).contains(q))?;
        }
    }
    Some((media, q))
}

/// The media type to announce for an RDF format.
pub fn rdf_media_type(format: RdfFormat) -> &'static str {
    match format {
        RdfFormat::Turtle => "text/turtle; charset=utf-8",
        RdfFormat::NTriples => "application/n-triples",
        RdfFormat::NQuads => "application/n-quads",
        RdfFormat::TriG => "application/trig; charset=utf-8",
        RdfFormat::JsonLd { .. } => "application/ld+json",
        _ => format.media_type(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_are_negotiated() {
        use QueryResultsFormat::*;
        let cases: &[(Option<&str>, Option<QueryResultsFormat>)] = &[
            (None, Some(Json)),
            (Some(""), Some(Json)),
            (Some("*/*"), Some(Json)),
            (Some("text/csv"), Some(Csv)),
            (Some("text/tab-separated-values"), Some(Tsv)),
            (Some("application/sparql-results+xml"), Some(Xml)),
            (
                Some("text/csv;q=0.5, application/sparql-results+xml"),
                Some(Xml),
            ),
            (
                Some("text/csv, application/sparql-results+json;q=0.9"),
                Some(Csv),
            ),
            (Some("text/*"), Some(Xml)),
            (Some("text/*, text/csv;q=0"), Some(Xml)),
            (Some("image/png"), None),
            (Some("text/csv;q=0"), None),
            (
                Some("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                Some(Xml),
            ),
            (Some("TEXT/CSV"), Some(Csv)),
            (Some("text/csv;q=abc"), None),
        ];
        for (accept, expected) in cases {
            assert_eq!(negotiate(*accept, RESULT_OFFERS), *expected, "{accept:?}");
        }
    }

    #[test]
    fn graphs_are_negotiated() {
        let cases: &[(Option<&str>, Option<&str>)] = &[
            (None, Some("text/turtle")),
            (Some("application/n-triples"), Some("application/n-triples")),
            (Some("application/ld+json"), Some("application/ld+json")),
            (Some("application/sparql-results+json"), None),
            (Some("text/plain"), Some("application/n-triples")),
        ];
        for (accept, expected) in cases {
            let got = negotiate(*accept, GRAPH_OFFERS).map(|f| f.media_type());
            assert_eq!(got, *expected, "{accept:?}");
        }
    }

    #[test]
    fn format_names_map() {
        assert_eq!(result_format_by_name("CSV"), Some(QueryResultsFormat::Csv));
        assert_eq!(result_format_by_name("ttl"), None);
        assert_eq!(rdf_format_by_name("ttl"), Some(RdfFormat::Turtle));
        assert_eq!(rdf_format_by_name("nq"), Some(RdfFormat::NQuads));
        assert_eq!(rdf_format_by_name("csv"), None);
    }
}
