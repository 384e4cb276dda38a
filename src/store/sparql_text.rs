//! Refused SPARQL texts, each told in one line: what is wrong and where. An update sent as a query (or the
//! reverse) and a misspelt query form are named as such; other errors keep the parser's position, with its
//! list of expected tokens made readable.

/// What a text was parsed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expected {
    /// A query (`SELECT`, `CONSTRUCT`, `ASK`, `DESCRIBE`).
    Query,
    /// An update.
    Update,
}

const QUERY_FORMS: [&str; 4] = ["SELECT", "CONSTRUCT", "ASK", "DESCRIBE"];
const UPDATE_FORMS: [&str; 10] = [
    "INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH",
];

/// Why a SPARQL query or update text was refused; each displays as one line saying what and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SparqlTextError {
    /// An update (`INSERT DATA`, `DELETE`, ...) where a query was expected.
    #[error("{keyword} starts a SPARQL update, not a query")]
    UpdateNotQuery {
        /// The update's first keyword, upper-cased.
        keyword: String,
    },
    /// A query (`SELECT`, ...) where an update was expected.
    #[error("{keyword} starts a SPARQL query, not an update")]
    QueryNotUpdate {
        /// The query's first keyword, upper-cased.
        keyword: String,
    },
    /// The text does not start (after its prefixes) with a query or update form, e.g. `SELEC`.
    #[error(
        "SPARQL syntax error at line {line}, column {column}: expected {expected}, found {found}"
    )]
    UnknownForm {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// The forms that may start the text.
        expected: String,
        /// What is there instead (quoted), or `the end of the text`.
        found: String,
    },
    /// Any other syntax error, at the parser's position.
    #[error("SPARQL syntax error at line {line}, column {column}{found}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// ` near "..."`, or empty.
        found: String,
        /// What the parser expected, shortened.
        message: String,
    },
}

impl SparqlTextError {
    /// Where the error is (1-based line and column), when it has a position.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::UnknownForm { line, column, .. } | Self::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }

    pub(super) fn explain(
        text: &str,
        err: &spargebra::SparqlSyntaxError,
        expected: Expected,
    ) -> Self {
        let (offset, word) = first_keyword(text);
        let upper = word.to_ascii_uppercase();
        let is_query = QUERY_FORMS.contains(&upper.as_str());
        let is_update = UPDATE_FORMS.contains(&upper.as_str());
        match expected {
            Expected::Query if is_update => return Self::UpdateNotQuery { keyword: upper },
            Expected::Update if is_query => return Self::QueryNotUpdate { keyword: upper },
            Expected::Query if !is_query => {
                return unknown_form(text, offset, QUERY_FORMS.join(", "));
            }
            Expected::Update if !is_update => {
                return unknown_form(text, offset, UPDATE_FORMS.join(", "));
            }
            _ => {}
        }
        let message = err.to_string();
        // The parser says `error at LINE:COLUMN: expected one of A, B, ...` (or another one-line message).
        let located = message.strip_prefix("error at ").and_then(|rest| {
            let (position, what) = rest.split_once(": ")?;
            let (line, column) = position.split_once(':')?;
            Some((line.parse().ok()?, column.parse().ok()?, what.to_string()))
        });
        let (line, column, what) = located.unwrap_or((1, 1, message));
        let found = match word_at(text, line, column) {
            Some(word) => format!(" near {word:?}"),
            None if line_column_is_end(text, line, column) => {
                " (at the end of the text)".to_string()
            }
            None => String::new(),
        };
        let mut message = shorten_expected(&what);
        if message == "Prefix not found"
            && let Some(prefix) = prefixed_name_before(text, line, column)
        {
            message = format!("undeclared prefix {prefix:?} (declare it with PREFIX)");
        }
        Self::Syntax {
            line,
            column,
            found,
            message,
        }
    }
}

fn unknown_form(text: &str, offset: usize, expected: String) -> SparqlTextError {
    let (line, column) = line_column(text, offset);
    let word: String = text[offset..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(30)
        .collect();
    SparqlTextError::UnknownForm {
        line,
        column,
        expected,
        found: if word.is_empty() {
            "the end of the text".to_string()
        } else {
            format!("{word:?}")
        },
    }
}

/// The byte offset and text of the first keyword after comments, `PREFIX` and `BASE` declarations.
fn first_keyword(text: &str) -> (usize, &str) {
    let mut i = 0;
    let bytes = text.as_bytes();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) == Some(&b'#') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let end = i + bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let word = &text[i..end];
        let declaration = word.eq_ignore_ascii_case("PREFIX") || word.eq_ignore_ascii_case("BASE");
        if !declaration {
            return (i, word);
        }
        // Skip the declaration up to the end of its IRI.
        match bytes[end..].iter().position(|b| *b == b'>') {
            Some(close) => i = end + close + 1,
            None => return (i, word),
        }
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The token at a 1-based line and column, cut to 30 characters.
fn word_at(text: &str, line: usize, column: usize) -> Option<String> {
    let source = text.split('\n').nth(line.checked_sub(1)?)?;
    let rest: String = source.chars().skip(column.checked_sub(1)?).collect();
    let word: String = rest
        .trim_end_matches('\r')
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(30)
        .collect();
    (!word.is_empty()).then_some(word)
}

fn line_column_is_end(text: &str, line: usize, column: usize) -> bool {
    let (last_line, last_column) = line_column(text, text.trim_end().len());
    (line, column) >= (last_line, last_column)
}

/// The parser's `expected one of A, B, ...` made readable: a message of the grammar's own (`Prefix not found`,
/// `IRI parsing failed`) alone, character classes named, at most eight alternatives.
fn shorten_expected(what: &str) -> String {
    const SHOWN: usize = 8;
    let what = what.replace(['\n', '\r'], " ");
    let list = match what
        .strip_prefix("expected one of ")
        .or_else(|| what.strip_prefix("expected "))
    {
        Some(list) => list,
        None => return what,
    };
    let items: Vec<&str> = list.split(", ").collect();
    if let Some(phrase) = items
        .iter()
        .find(|i| i.contains(' ') && !i.starts_with(['"', '[', '\'']))
    {
        return phrase.to_string();
    }
    let mut named: Vec<String> = Vec::new();
    for item in items {
        let name = match item {
            "[_]" => "any character".to_string(),
            class if class.starts_with('[') && class.contains("'0'") => "a digit".to_string(),
            class if class.starts_with('[') => "a name character".to_string(),
            other => other.to_string(),
        };
        if !named.contains(&name) {
            named.push(name);
        }
    }
    let more = named.len().saturating_sub(SHOWN);
    named.truncate(SHOWN);
    let mut text = format!(
        "expected {}{}",
        if named.len() > 1 { "one of " } else { "" },
        named.join(", ")
    );
    if more > 0 {
        text.push_str(&format!(" (or {more} more)"));
    }
    text
}

/// The prefixed name (`nope:p`) that ends at or just before a 1-based line and column, if any.
fn prefixed_name_before(text: &str, line: usize, column: usize) -> Option<String> {
    let source = text.split('\n').nth(line.checked_sub(1)?)?;
    let before: String = source.chars().take(column.saturating_sub(1)).collect();
    let token = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || "{}()[];,".contains(c))
        .next()?;
    let (prefix, _) = token.split_once(':')?;
    Some(format!("{prefix}:"))
}
