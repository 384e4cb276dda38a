//! `POST /documents`: JSON Lines of `{"id","text","title","date","url"}` through the same pipeline as
//! `kg build` (analysis, extraction, resolution), each document written in its own transaction, then the
//! ontology rules refreshed. One ingestion at a time; queries go on meanwhile.

use super::IngestFn;
use crate::ingest::Document;
use crate::pipeline::Pipeline;
use crate::store::{KgStore, Reasoner};
use rayon::prelude::*;
use std::sync::{Arc, Mutex};

/// One JSON Lines record.
#[derive(Debug, serde::Deserialize)]
struct Record {
    id: Option<String>,
    text: String,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

/// Parses the request body; every record needs a `text`, ids default to `post-LINE`.
pub fn parse_documents(body: &[u8]) -> Result<Vec<Document>, String> {
    let text = std::str::from_utf8(body)
        .map_err(|e| format!("the body is not UTF-8 (byte {})", e.valid_up_to()))?;
    let mut documents = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(line)
            .map_err(|e| format!("line {}: not a document record: {e}", n + 1))?;
        if record.text.contains('\0') {
            return Err(format!("line {}: the text holds a NUL byte", n + 1));
        }
        let mut doc = Document::from_text(
            record.id.unwrap_or_else(|| format!("post-{}", n + 1)),
            record.text,
        );
        doc.title = record.title.or(doc.title);
        doc.date = record.date.or(doc.date);
        doc.url = record.url.or(doc.url);
        documents.push(doc);
    }
    if documents.is_empty() {
        return Err("no document in the body (send JSON Lines of {\"id\",\"text\",...})".into());
    }
    Ok(documents)
}

/// The ingestion hook for [`super::ServeOptions::ingest`].
pub fn ingestor(
    store: Arc<KgStore>,
    pipeline: Pipeline,
    reasoner: Box<dyn Reasoner + Send>,
) -> Arc<IngestFn> {
    let state = Mutex::new((pipeline, reasoner));
    Arc::new(move |body: &[u8]| {
        let documents = parse_documents(body).map_err(|e| (400, e))?;
        let mut state = state
            .lock()
            .map_err(|_| (500, "ingestion state poisoned".to_string()))?;
        let (pipeline, reasoner) = &mut *state;
        store
            .set_ontology(pipeline.ontology())
            .map_err(|e| (500, format!("cannot store the ontology: {e}")))?;
        // Analysis and extraction in parallel; each document resolved on its own, as `kg build` does, so
        // that what is posted ends as a build of the same documents would.
        let analysed: Vec<_> = documents
            .par_iter()
            .map(|doc| {
                let analysed = pipeline.analyze(doc);
                let triples = pipeline.extract(&analysed);
                (analysed, triples)
            })
            .collect();
        let graphs: Vec<_> = documents
            .iter()
            .zip(&analysed)
            .map(|(doc, (analysed, triples))| pipeline.resolve(doc, analysed, triples))
            .collect();
        // One transaction for the whole request: all its documents or none.
        let summaries = store
            .write_documents(graphs.iter().map(|graph| (graph, None)))
            .map_err(|e| (500, format!("cannot write the documents: {e}")))?;
        let sentences: usize = summaries.iter().map(|s| s.sentences).sum();
        let triples: usize = summaries.iter().map(|s| s.triples).sum();
        let inferred = store
            .refresh_inferences(reasoner.as_ref())
            .map_err(|e| (500, format!("cannot apply the ontology rules: {e}")))?;
        // On disk, so that a `kg` command opening the store meanwhile does not replay the log.
        store
            .flush()
            .map_err(|e| (500, format!("cannot write the store's tables to disk: {e}")))?;
        Ok(format!(
            "{} documents, {sentences} sentences, {triples} triples (+{inferred} inferred)",
            documents.len()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_parse_or_are_refused() {
        let docs = parse_documents(
            b"{\"id\":\"a\",\"text\":\"Russia annexed Crimea.\",\"date\":\"2014-03-18\"}\n\n{\"text\":\"Hello.\"}\n",
        )
        .unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            (docs[0].id.as_str(), docs[0].date.as_deref()),
            ("a", Some("2014-03-18"))
        );
        assert_eq!(docs[1].id, "post-3");
        for bad in [
            &b""[..],
            b"\n \n",
            b"{\"id\":\"a\"}",
            b"not json",
            b"{\"text\":\"a\\u0000b\"}",
            b"\xff",
        ] {
            assert!(
                parse_documents(bad).is_err(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }
}
