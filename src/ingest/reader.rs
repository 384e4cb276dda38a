//! Reading documents from files, folders, JSON Lines, stdin and one-document-per-line files, lazily, so
//! that a stream of any length is processed in bounded memory.

use super::IngestError;
use super::document::{Document, JsonRecord};
use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Extensions picked up when walking a folder.
const FOLDER_EXTENSIONS: [&str; 3] = ["txt", "md", "jsonl"];

/// Where documents come from: paths (files, folders, `-`) and an optional one-document-per-line file.
#[derive(Debug, Clone, Default)]
pub struct InputSpec {
    /// Files and folders; `-` is stdin (one document).
    pub paths: Vec<PathBuf>,
    /// A file with one document per line (`-` for stdin).
    pub lines: Option<PathBuf>,
    /// Keep each text exactly as read: no leading date line taken off (for `kg analyze`, whose output
    /// must match an analysis of the file as it is).
    pub verbatim: bool,
}

enum Source {
    /// A whole file (or stdin when `path` is `-`) is one document with this id.
    Whole { path: PathBuf, id: String },
    /// One JSON record per line.
    JsonLines(PathBuf),
    /// One document per line.
    Lines(PathBuf),
    /// A path that cannot be read: its error, yielded in turn.
    Unreadable(IngestError),
}

/// An iterator over the documents of an [`InputSpec`], in order: paths first (folders sorted by path), then
/// the lines file. Errors are yielded in place; iteration can go on after one.
pub struct Documents {
    queue: VecDeque<Source>,
    open: Option<OpenLines>,
    verbatim: bool,
    /// Where the last document came from (`FILE` or `FILE line N`).
    location: String,
    /// With [`Documents::tracking_duplicates`]: where each id was first read.
    seen: Option<HashMap<String, String>>,
    duplicates: Vec<DuplicateId>,
}

/// A document id read twice (a JSON Lines id repeated, or two files with the same relative path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateId {
    /// The id.
    pub id: String,
    /// Where it was read first (`FILE` or `FILE line N`).
    pub first: String,
    /// Where it was read again.
    pub again: String,
}

impl std::fmt::Display for DuplicateId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "document id {:?} is read twice ({} and {}): the later one is kept, as a rebuilt document replaces its graph",
            self.id, self.first, self.again
        )
    }
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Documents")
            .field("pending_sources", &self.queue.len())
            .finish_non_exhaustive()
    }
}

struct OpenLines {
    reader: Box<dyn BufRead>,
    path: PathBuf,
    json: bool,
    line: usize,
}

impl InputSpec {
    /// Resolves the paths (walking folders) and returns the documents lazily.
    ///
    /// # Errors
    /// When nothing was given, or a folder holds no `.txt`, `.md` or `.jsonl` file. A path that does not
    /// exist is an error in its place among the documents.
    pub fn documents(&self) -> Result<Documents, IngestError> {
        if self.paths.is_empty() && self.lines.is_none() {
            return Err(IngestError::NoInput);
        }
        let mut queue = VecDeque::new();
        for path in &self.paths {
            if path.as_os_str() == "-" {
                queue.push_back(Source::Whole {
                    path: path.clone(),
                    id: "stdin".to_string(),
                });
                continue;
            }
            // A missing path is reported in place, like an unreadable file, so that every bad input is named.
            let meta = match std::fs::metadata(path) {
                Ok(meta) => meta,
                Err(source) => {
                    queue.push_back(Source::Unreadable(IngestError::io(path, source)));
                    continue;
                }
            };
            if meta.is_dir() {
                let mut files = Vec::new();
                walk(path, &mut files)?;
                if files.is_empty() {
                    return Err(IngestError::EmptyFolder(path.display().to_string()));
                }
                files.sort();
                for file in files {
                    let id = file
                        .strip_prefix(path)
                        .unwrap_or(&file)
                        .to_string_lossy()
                        .replace('\\', "/");
                    queue.push_back(source_for(file, id));
                }
            } else {
                let id = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                queue.push_back(source_for(path.clone(), id));
            }
        }
        if let Some(lines) = &self.lines {
            queue.push_back(Source::Lines(lines.clone()));
        }
        Ok(Documents {
            queue,
            open: None,
            verbatim: self.verbatim,
            location: String::new(),
            seen: None,
            duplicates: Vec::new(),
        })
    }
}

fn source_for(path: PathBuf, id: String) -> Source {
    if path.extension().is_some_and(|e| e == "jsonl") {
        Source::JsonLines(path)
    } else {
        Source::Whole { path, id }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), IngestError> {
    let entries = std::fs::read_dir(dir).map_err(|e| IngestError::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| IngestError::io(dir, e))?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| FOLDER_EXTENSIONS.iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn open(path: &Path) -> Result<Box<dyn BufRead>, IngestError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::new(std::io::stdin())));
    }
    let file = File::open(path).map_err(|e| IngestError::io(path, e))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}

/// Checks that bytes are text: no NUL byte (binary) and valid UTF-8.
fn decode(bytes: Vec<u8>, path: &Path, line: Option<usize>) -> Result<String, IngestError> {
    if bytes.contains(&0) {
        return Err(IngestError::Binary(path.display().to_string()));
    }
    String::from_utf8(bytes).map_err(|e| IngestError::NotUtf8 {
        path: path.display().to_string(),
        line,
        offset: e.utf8_error().valid_up_to(),
    })
}

impl Documents {
    fn next_line(&mut self) -> Option<Result<Document, IngestError>> {
        loop {
            let open = self.open.as_mut()?;
            let mut buf = Vec::new();
            match open.reader.read_until(b'\n', &mut buf) {
                Err(e) => {
                    let path = open.path.clone();
                    self.open = None;
                    return Some(Err(IngestError::io(&path, e)));
                }
                Ok(0) => {
                    self.open = None;
                    return None;
                }
                Ok(_) => {}
            }
            open.line += 1;
            while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                buf.pop();
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (path, line) = (open.path.clone(), open.line);
            self.location = format!("{} line {line}", path.display());
            let text = match decode(buf, &path, Some(line)) {
                Ok(text) => text,
                Err(e) => return Some(Err(e)),
            };
            let name = path.display().to_string();
            if !open.json {
                return Some(Ok(self.document(format!("{name}#L{line}"), text)));
            }
            return Some(
                serde_json::from_str::<JsonRecord>(&text)
                    .map_err(|source| IngestError::Json {
                        path: name.clone(),
                        line,
                        source,
                    })
                    .map(|r| self.record_document(r, &name, line)),
            );
        }
    }
}

impl Documents {
    /// The next documents (and read errors, in place) up to `max_docs` items or until their texts reach
    /// `max_bytes`: a batch for the analysis, which is much faster over many documents at once, while memory
    /// stays bounded on any stream. `None` at the end of the input.
    pub fn next_batch(
        &mut self,
        max_docs: usize,
        max_bytes: usize,
    ) -> Option<Vec<Result<Document, IngestError>>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < max_docs.max(1) && bytes < max_bytes {
            let Some(item) = self.next() else { break };
            if let Ok(doc) = &item {
                bytes += doc.text.len();
            }
            batch.push(item);
        }
        (!batch.is_empty()).then_some(batch)
    }
}

impl Documents {
    /// Remembers every id read, so that [`Documents::take_duplicates`] can name the ids read twice. Costs an
    /// entry per document: for inputs held in memory anyway (`kg build`), not for unbounded streams.
    pub fn tracking_duplicates(mut self) -> Self {
        self.seen = Some(HashMap::new());
        self
    }

    /// The ids read twice so far (with [`Documents::tracking_duplicates`]), in reading order.
    pub fn take_duplicates(&mut self) -> Vec<DuplicateId> {
        std::mem::take(&mut self.duplicates)
    }

    /// Where the last document (or error) came from: `FILE`, or `FILE line N` for line-based inputs.
    pub fn location(&self) -> &str {
        &self.location
    }
}

impl Iterator for Documents {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = self.next_document()?;
        if let (Ok(doc), Some(seen)) = (&item, self.seen.as_mut()) {
            match seen.get(&doc.id) {
                Some(first) => self.duplicates.push(DuplicateId {
                    id: doc.id.clone(),
                    first: first.clone(),
                    again: self.location.clone(),
                }),
                None => {
                    seen.insert(doc.id.clone(), self.location.clone());
                }
            }
        }
        Some(item)
    }
}

impl Documents {
    fn next_document(&mut self) -> Option<Result<Document, IngestError>> {
        loop {
            if self.open.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            match self.queue.pop_front()? {
                // Stdin that starts with `{` is a JSON Lines stream (one record per document): what a
                // streaming mapper under Spark or Hadoop receives.
                Source::Whole { path, id: _ }
                    if path.as_os_str() == "-" && stdin_is_json_lines() =>
                {
                    self.open = Some(OpenLines {
                        reader: Box::new(BufReader::new(std::io::stdin())),
                        path,
                        json: true,
                        line: 0,
                    });
                }
                Source::Whole { path, id } => {
                    self.location = path.display().to_string();
                    let mut bytes = Vec::new();
                    let read = open(&path).and_then(|mut r| {
                        r.read_to_end(&mut bytes)
                            .map_err(|e| IngestError::io(&path, e))
                    });
                    return Some(
                        read.and_then(|_| decode(bytes, &path, None))
                            .map(|t| self.document(id, t)),
                    );
                }
                Source::Unreadable(e) => return Some(Err(e)),
                Source::JsonLines(path) => {
                    if let Err(e) = self.start_lines(path, true) {
                        return Some(Err(e));
                    }
                }
                Source::Lines(path) => {
                    if let Err(e) = self.start_lines(path, false) {
                        return Some(Err(e));
                    }
                }
            }
        }
    }
}

impl Documents {
    /// A JSON Lines record as a document; its text is kept verbatim when the reader is.
    fn record_document(&self, r: JsonRecord, name: &str, line: usize) -> Document {
        let id = r.id.unwrap_or_else(|| format!("{name}#L{line}"));
        let mut doc = self.document(id, r.text);
        if r.date.is_some() {
            doc.date = r.date;
        }
        if r.title.is_some() {
            doc.title = r.title;
        }
        doc.url = r.url;
        doc
    }

    fn document(&self, id: String, text: String) -> Document {
        if self.verbatim {
            Document {
                id,
                text,
                ..Document::default()
            }
        } else {
            Document::from_text(id, text)
        }
    }

    fn start_lines(&mut self, path: PathBuf, json: bool) -> Result<(), IngestError> {
        let reader = open(&path)?;
        self.open = Some(OpenLines {
            reader,
            path,
            json,
            line: 0,
        });
        Ok(())
    }
}

/// Whether stdin's first non-blank byte is `{` (peeked, not consumed).
fn stdin_is_json_lines() -> bool {
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    loop {
        let Ok(buf) = lock.fill_buf() else {
            return false;
        };
        if buf.is_empty() {
            return false;
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let first = buf[i];
                return first == b'{';
            }
            None => {
                let n = buf.len();
                lock.consume(n);
            }
        }
    }
}
