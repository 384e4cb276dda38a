//! Input documents: files, folders (recursively: `.txt`, `.md`, `.jsonl`), JSON Lines records
//! (`{"id","text","title","date","url"}`), stdin, and one document per line.
//!
//! ```no_run
//! use kg::ingest::InputSpec;
//! let spec = InputSpec { paths: vec!["data/corpus".into()], lines: None, verbatim: false };
//! for doc in spec.documents()? {
//!     let doc = doc?;
//!     println!("{} {:?}", doc.id, doc.date);
//! }
//! # Ok::<_, kg::ingest::IngestError>(())
//! ```

mod document;
mod reader;

pub use document::Document;
pub use reader::{Documents, DuplicateId, InputSpec};

/// Why input could not be read. Messages say what, which file, and what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// Nothing to read.
    #[error("no input: give files or folders, `-` for stdin, or --lines FILE")]
    NoInput,
    /// An I/O error on a named input.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The input.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A folder without any document.
    #[error("no .txt, .md or .jsonl files in folder {0}")]
    EmptyFolder(String),
    /// A file holding NUL bytes.
    #[error("{0} looks like a binary file (it contains NUL bytes): give text files only")]
    Binary(String),
    /// Text that is not UTF-8.
    #[error("{path}{} is not valid UTF-8 (first bad byte at offset {offset}): convert it, e.g. with `iconv -f LATIN1 -t UTF-8`", line.map(|l| format!(" line {l}")).unwrap_or_default())]
    NotUtf8 {
        /// The input.
        path: String,
        /// The line, for line-based inputs.
        line: Option<usize>,
        /// Byte offset of the first invalid byte (in the line, for line-based inputs).
        offset: usize,
    },
    /// A JSON Lines record that is not `{"text": ..., ...}`.
    #[error(
        "{path} line {line}: not a document record ({source}); expected {{\"id\",\"text\",\"title\",\"date\",\"url\"}}"
    )]
    Json {
        /// The input.
        path: String,
        /// The line.
        line: usize,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
}

impl IngestError {
    fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        IngestError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn reads_folders_jsonl_and_lines_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("b.txt"), "Second.").unwrap();
        fs::write(root.join("a.md"), "# T\nFirst.").unwrap();
        fs::write(root.join("sub/c.jsonl"), "{\"id\":\"x\",\"text\":\"Third.\",\"date\":\"2020-01-02\"}\n\n{\"text\":\"Fourth.\"}\n").unwrap();
        fs::write(root.join("skip.bin"), [0u8, 1, 2]).unwrap();
        let other = tempfile::tempdir().unwrap();
        let lines = other.path().join("lines.txt");
        fs::write(&lines, "one\n\n two \n").unwrap();
        let spec = InputSpec {
            paths: vec![root.to_path_buf()],
            lines: Some(lines.clone()),
            verbatim: false,
        };
        let docs: Vec<Document> = spec.documents().unwrap().map(Result::unwrap).collect();
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        let c = format!("{}#L3", root.join("sub/c.jsonl").display());
        let l1 = format!("{}#L1", lines.display());
        let l3 = format!("{}#L3", lines.display());
        assert_eq!(
            ids,
            ["a.md", "b.txt", "x", c.as_str(), l1.as_str(), l3.as_str()]
        );
        assert_eq!(docs[0].title.as_deref(), Some("T"));
        assert_eq!(docs[2].date.as_deref(), Some("2020-01-02"));
        assert_eq!(docs[5].text, " two ");
    }

    #[test]
    fn refuses_binary_and_non_utf8_with_the_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("x.txt");
        fs::write(&bin, [b'a', 0, b'b']).unwrap();
        let latin = dir.path().join("y.txt");
        fs::write(&latin, [b'c', b'a', b'f', 0xe9]).unwrap();
        let spec = InputSpec {
            paths: vec![bin, latin],
            lines: None,
            verbatim: false,
        };
        let errs: Vec<String> = spec
            .documents()
            .unwrap()
            .map(|d| d.unwrap_err().to_string())
            .collect();
        assert!(
            errs[0].contains("x.txt") && errs[0].contains("binary"),
            "{}",
            errs[0]
        );
        assert!(
            errs[1].contains("y.txt") && errs[1].contains("offset 3"),
            "{}",
            errs[1]
        );
    }

    /// The first document read from `path`.
    fn first_document(path: &std::path::Path, verbatim: bool) -> Document {
        let spec = InputSpec {
            paths: vec![path.to_path_buf()],
            lines: None,
            verbatim,
        };
        spec.documents().unwrap().next().unwrap().unwrap()
    }

    #[test]
    fn verbatim_keeps_the_date_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d.txt");
        fs::write(&file, " date 2017-03-20 Japan met.").unwrap();
        let read = |verbatim| first_document(&file, verbatim);
        assert_eq!(read(true).text, " date 2017-03-20 Japan met.");
        assert_eq!(read(true).date, None);
        assert_eq!(read(false).text, "Japan met.");
    }

    #[test]
    fn verbatim_keeps_the_date_line_of_json_records() {
        // Regression: `kg analyze` of the oracle's records as JSON Lines lost the seed's date line.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d.jsonl");
        fs::write(
            &file,
            "{\"id\": \"a\", \"text\": \" date 2017-03-20 Japan met.\"}\n",
        )
        .unwrap();
        let read = |verbatim| first_document(&file, verbatim);
        assert_eq!(read(true).text, " date 2017-03-20 Japan met.");
        assert_eq!(read(false).text, "Japan met.");
        assert_eq!(read(false).date.as_deref(), Some("2017-03-20"));
    }

    #[test]
    fn empty_input_and_missing_paths_are_clear_errors() {
        assert!(matches!(
            InputSpec::default().documents(),
            Err(IngestError::NoInput)
        ));
        let dir = tempfile::tempdir().unwrap();
        let spec = InputSpec {
            paths: vec![dir.path().to_path_buf()],
            lines: None,
            verbatim: false,
        };
        assert!(matches!(spec.documents(), Err(IngestError::EmptyFolder(_))));
        let spec = InputSpec {
            paths: vec![dir.path().join("nope.txt")],
            lines: None,
            verbatim: false,
        };
        let first = spec.documents().unwrap().next().unwrap();
        assert!(first.unwrap_err().to_string().contains("nope.txt"));
    }
}
