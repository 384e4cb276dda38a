//! Translation of Python `re` patterns (as spaCy stores them) into the syntax of the `regex` and
//! `fancy-regex` crates.
//!
//! The translation parses the Python pattern into a small syntax tree and prints it back with every
//! non-alphanumeric literal written as `\x{..}`, so that characters that are special only in Rust
//! (`&&`, `--`, `~~` and `[` inside classes) never change meaning. Python's shorthand classes are
//! rewritten to their Python (not Rust) definitions where the two differ: `\s` is `str.isspace`, `\w` is
//! letters, numbers and `_`.

use std::fmt::Write;

/// Characters for which Python's `str.isspace()` is true (and that `\s` matches in `str` patterns).
pub(crate) const PY_SPACE_CLASS: &str = r"\t\n\x0B\x0C\r\x1C-\x1F \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// Python's `str.isspace()` for one character.
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(c,
        '\t'..='\r' | '\x1c'..='\x1f' | ' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

/// The kind of a parenthesised group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GroupKind {
    /// `(...)` or `(?P<name>...)`: printed as a non-capturing group.
    Capture,
    /// `(?:...)`.
    NonCapture,
    /// `(?=...)`.
    Ahead,
    /// `(?!...)`.
    NotAhead,
    /// `(?<=...)`.
    Behind,
    /// `(?<!...)`.
    NotBehind,
}

impl GroupKind {
    fn is_look(self) -> bool {
        !matches!(self, GroupKind::Capture | GroupKind::NonCapture)
    }
}

/// A shorthand class (`\d`, `\w`, `\s` and their negations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Perl {
    Digit(bool),
    Word(bool),
    Space(bool),
}

/// One item of a bracketed class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ClassItem {
    Char(char),
    Range(char, char),
    Perl(Perl),
}

/// A parsed Python pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Literal(char),
    Class {
        negated: bool,
        items: Vec<ClassItem>,
    },
    Perl(Perl),
    Dot,
    /// `^` or `\A`.
    Start,
    /// `$` or `\Z` (see [`translate`] on the trailing-newline difference).
    End,
    WordBoundary(bool),
    Group(GroupKind, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

/// Inline flags found at the start of a pattern (`(?u)`, `(?i)`...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    /// Case-insensitive matching.
    pub ignore_case: bool,
    /// `^`/`$` match at line boundaries.
    pub multi_line: bool,
    /// `.` matches newlines.
    pub dot_all: bool,
}

/// Parses a Python pattern.
pub(crate) fn parse(pattern: &str) -> Result<(Node, Flags), String> {
    let mut p = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
        flags: Flags::default(),
    };
    let node = p.alternation()?;
    if p.pos != p.chars.len() {
        return Err(format!("unbalanced ')' at {} in {pattern:?}", p.pos));
    }
    Ok((node, p.flags))
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    flags: Flags,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn alternation(&mut self) -> Result<Node, String> {
        let mut alts = vec![self.concat()?];
        while self.eat('|') {
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Concat(vec![]))
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self) -> Result<Node, String> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = match self.atom()? {
                Some(a) => a,
                None => continue,
            };
            let atom = self.quantifier(atom)?;
            items.push(atom);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Node::Concat(vec![]))
        } else {
            Node::Concat(items)
        })
    }

    fn number(&mut self) -> Option<u32> {
        let begin = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if begin == self.pos {
            return None;
        }
        self.chars[begin..self.pos]
            .iter()
            .collect::<String>()
            .parse()
            .ok()
    }

    fn quantifier(&mut self, atom: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                // Python reads `{m,n}`, `{m,}`, `{,n}`, `{m}`; anything else is a literal brace.
                let save = self.pos;
                self.pos += 1;
                let min = self.number();
                let (min, max) = if self.eat(',') {
                    (min.unwrap_or(0), self.number())
                } else {
                    match min {
                        Some(m) => (m, Some(m)),
                        None => {
                            self.pos = save;
                            return Ok(atom);
                        }
                    }
                };
                if !self.eat('}') {
                    self.pos = save;
                    return Ok(atom);
                }
                self.pos -= 1;
                (min, max)
            }
            _ => return Ok(atom),
        };
        self.pos += 1;
        let greedy = !self.eat('?');
        if self.peek() == Some('+') {
            return Err("possessive quantifiers are not supported".into());
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    fn atom(&mut self) -> Result<Option<Node>, String> {
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        self.pos += 1;
        Ok(Some(match c {
            '.' => Node::Dot,
            '^' => Node::Start,
            '$' => Node::End,
            '[' => self.class()?,
            '(' => return self.group(),
            '\\' => self.escape()?,
            '*' | '+' | '?' => return Err(format!("nothing to repeat at {}", self.pos - 1)),
            c => Node::Literal(c),
        }))
    }

    fn group(&mut self) -> Result<Option<Node>, String> {
        let kind = if self.eat('?') {
            match self.peek() {
                Some(':') => {
                    self.pos += 1;
                    GroupKind::NonCapture
                }
                Some('=') => {
                    self.pos += 1;
                    GroupKind::Ahead
                }
                Some('!') => {
                    self.pos += 1;
                    GroupKind::NotAhead
                }
                Some('<') if matches!(self.chars.get(self.pos + 1), Some('=') | Some('!')) => {
                    let neg = self.chars[self.pos + 1] == '!';
                    self.pos += 2;
                    if neg {
                        GroupKind::NotBehind
                    } else {
                        GroupKind::Behind
                    }
                }
                Some('P') if self.chars.get(self.pos + 1) == Some(&'<') => {
                    while self.peek().is_some_and(|c| c != '>') {
                        self.pos += 1;
                    }
                    self.pos += 1;
                    GroupKind::Capture
                }
                _ => {
                    // Inline flags such as `(?u)` or `(?i)`.
                    let mut letters = String::new();
                    while let Some(c) = self.peek().filter(|c| c.is_ascii_alphabetic()) {
                        letters.push(c);
                        self.pos += 1;
                    }
                    if !self.eat(')') {
                        return Err(format!("unsupported group syntax at {}", self.pos));
                    }
                    for f in letters.chars() {
                        match f {
                            'i' => self.flags.ignore_case = true,
                            'm' => self.flags.multi_line = true,
                            's' => self.flags.dot_all = true,
                            'u' => {}
                            other => return Err(format!("unsupported inline flag {other:?}")),
                        }
                    }
                    return Ok(None);
                }
            }
        } else {
            GroupKind::Capture
        };
        let inner = self.alternation()?;
        if !self.eat(')') {
            return Err("missing ')'".into());
        }
        Ok(Some(Node::Group(kind, Box::new(inner))))
    }

    fn hex(&mut self, digits: usize) -> Result<char, String> {
        let s: String = self
            .chars
            .get(self.pos..self.pos + digits)
            .ok_or("short escape")?
            .iter()
            .collect();
        self.pos += digits;
        u32::from_str_radix(&s, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| format!("bad escape \\{s}"))
    }

    /// An escape after `\`, outside or inside a class.
    fn escape_item(&mut self, in_class: bool) -> Result<Result<char, Node>, String> {
        let c = self.peek().ok_or("trailing backslash")?;
        self.pos += 1;
        Ok(match c {
            'u' => Ok(self.hex(4)?),
            'U' => Ok(self.hex(8)?),
            'x' => Ok(self.hex(2)?),
            'n' => Ok('\n'),
            't' => Ok('\t'),
            'r' => Ok('\r'),
            'f' => Ok('\x0c'),
            'v' => Ok('\x0b'),
            'a' => Ok('\x07'),
            '0' => Ok('\0'),
            'b' if in_class => Ok('\x08'),
            'd' => Err(Node::Perl(Perl::Digit(false))),
            'D' => Err(Node::Perl(Perl::Digit(true))),
            'w' => Err(Node::Perl(Perl::Word(false))),
            'W' => Err(Node::Perl(Perl::Word(true))),
            's' => Err(Node::Perl(Perl::Space(false))),
            'S' => Err(Node::Perl(Perl::Space(true))),
            'A' if !in_class => Err(Node::Start),
            'Z' if !in_class => Err(Node::End),
            'b' => Err(Node::WordBoundary(true)),
            'B' if !in_class => Err(Node::WordBoundary(false)),
            c if c.is_ascii_alphanumeric() => return Err(format!("unsupported escape \\{c}")),
            c => Ok(c),
        })
    }

    fn escape(&mut self) -> Result<Node, String> {
        Ok(match self.escape_item(false)? {
            Ok(c) => Node::Literal(c),
            Err(node) => node,
        })
    }

    fn class(&mut self) -> Result<Node, String> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let c = self.peek().ok_or("unterminated character class")?;
            if c == ']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            self.pos += 1;
            let lo = if c == '\\' {
                match self.escape_item(true)? {
                    Ok(ch) => ch,
                    Err(Node::Perl(p)) => {
                        items.push(ClassItem::Perl(p));
                        continue;
                    }
                    Err(_) => return Err("unsupported escape in class".into()),
                }
            } else {
                c
            };
            // A range `a-b`, unless the '-' is last in the class.
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&n| n != ']') {
                self.pos += 1;
                let h = self.peek().ok_or("unterminated range")?;
                self.pos += 1;
                let hi = if h == '\\' {
                    match self.escape_item(true)? {
                        Ok(ch) => ch,
                        Err(_) => return Err("bad range end in class".into()),
                    }
                } else {
                    h
                };
                if hi < lo {
                    return Err(format!("bad range {lo:?}-{hi:?}"));
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Char(lo));
            }
        }
        Ok(Node::Class { negated, items })
    }
}

fn push_char(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || c == '_' {
        out.push(c);
    } else {
        let _ = write!(out, "\\x{{{:X}}}", c as u32);
    }
}

fn push_perl(out: &mut String, p: Perl, in_class: bool) {
    let body = match p {
        Perl::Digit(neg) => {
            out.push_str(if neg { r"\D" } else { r"\d" });
            return;
        }
        Perl::Word(neg) => (neg, r"\p{L}\p{N}_"),
        Perl::Space(neg) => (neg, PY_SPACE_CLASS),
    };
    match body {
        (false, set) if in_class => out.push_str(set),
        (neg, set) => {
            out.push('[');
            if neg {
                out.push('^');
            }
            out.push_str(set);
            out.push(']');
        }
    }
}

/// Prints a node in `regex`/`fancy-regex` syntax.
pub(crate) fn emit(node: &Node, out: &mut String) {
    match node {
        Node::Literal(c) => push_char(out, *c),
        Node::Class { negated, items } => {
            out.push('[');
            if *negated {
                out.push('^');
            }
            for item in items {
                match item {
                    ClassItem::Char(c) => push_char(out, *c),
                    ClassItem::Range(a, b) => {
                        push_char(out, *a);
                        out.push('-');
                        push_char(out, *b);
                    }
                    ClassItem::Perl(p) => push_perl(out, *p, true),
                }
            }
            if items.is_empty() {
                // Python has no empty class; keep the output valid anyway.
                out.push_str(r"\x{0}&&\x{1}");
            }
            out.push(']');
        }
        Node::Perl(p) => push_perl(out, *p, false),
        Node::Dot => out.push('.'),
        Node::Start => out.push('^'),
        Node::End => out.push('$'),
        Node::WordBoundary(true) => out.push_str(r"\b"),
        Node::WordBoundary(false) => out.push_str(r"\B"),
        Node::Group(kind, inner) => {
            out.push_str(match kind {
                GroupKind::Capture | GroupKind::NonCapture => "(?:",
                GroupKind::Ahead => "(?=",
                GroupKind::NotAhead => "(?!",
                GroupKind::Behind => "(?<=",
                GroupKind::NotBehind => "(?<!",
            });
            emit(inner, out);
            out.push(')');
        }
        Node::Concat(items) => {
            for item in items {
                // An alternation inside a concatenation needs its own group.
                if matches!(item, Node::Alt(_)) {
                    out.push_str("(?:");
                    emit(item, out);
                    out.push(')');
                } else {
                    emit(item, out);
                }
            }
        }
        Node::Alt(alts) => {
            for (i, alt) in alts.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                emit(alt, out);
            }
        }
        Node::Repeat {
            node,
            min,
            max,
            greedy,
        } => {
            let atomic = matches!(
                **node,
                Node::Literal(_) | Node::Class { .. } | Node::Perl(_) | Node::Dot | Node::Group(..)
            );
            if atomic {
                emit(node, out);
            } else {
                out.push_str("(?:");
                emit(node, out);
                out.push(')');
            }
            match (min, max) {
                (0, None) => out.push('*'),
                (1, None) => out.push('+'),
                (0, Some(1)) => out.push('?'),
                (m, None) => {
                    let _ = write!(out, "{{{m},}}");
                }
                (m, Some(n)) if m == n => {
                    let _ = write!(out, "{{{m}}}");
                }
                (m, Some(n)) => {
                    let _ = write!(out, "{{{m},{n}}}");
                }
            }
            if !greedy {
                out.push('?');
            }
        }
    }
}

/// The flags prefix for the Rust pattern.
pub(crate) fn flag_prefix(flags: &Flags) -> String {
    let mut f = String::new();
    if flags.ignore_case {
        f.push('i');
    }
    if flags.multi_line {
        f.push('m');
    }
    if flags.dot_all {
        f.push('s');
    }
    if f.is_empty() { f } else { format!("(?{f})") }
}

/// Translates a whole Python pattern into one Rust pattern (lookarounds included, for `fancy-regex`).
///
/// Python's `$` also matches before a final `\n`; the translation matches only at the very end. The
/// tokenizer never searches a string ending in `\n` with these patterns except whitespace runs, which no
/// affix pattern of spaCy's can match.
pub(crate) fn translate(pattern: &str) -> Result<String, String> {
    let (node, flags) = parse(pattern)?;
    let mut out = flag_prefix(&flags);
    emit(&node, &mut out);
    Ok(out)
}

/// Translates a Python pattern with every look-around removed: a pattern for the `regex` crate that
/// matches a superset of what the original matches (a look-around only ever rules matches out). Used as
/// an exact pre-filter: where it finds no match, the original finds none either.
pub(crate) fn translate_without_lookarounds(pattern: &str) -> Result<String, String> {
    fn strip(node: Node) -> Node {
        match node {
            Node::Group(kind, _) if kind.is_look() => Node::Concat(Vec::new()),
            Node::Group(kind, inner) => Node::Group(kind, Box::new(strip(*inner))),
            Node::Concat(items) => Node::Concat(items.into_iter().map(strip).collect()),
            Node::Alt(items) => Node::Alt(items.into_iter().map(strip).collect()),
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => Node::Repeat {
                node: Box::new(strip(*node)),
                min,
                max,
                greedy,
            },
            other => other,
        }
    }
    let (node, flags) = parse(pattern)?;
    let mut out = flag_prefix(&flags);
    emit(&strip(node), &mut out);
    Ok(out)
}

/// Whether a node contains a lookaround anywhere.
pub(crate) fn has_look(node: &Node) -> bool {
    match node {
        Node::Group(kind, inner) => kind.is_look() || has_look(inner),
        Node::Concat(items) | Node::Alt(items) => items.iter().any(has_look),
        Node::Repeat { node, .. } => has_look(node),
        _ => false,
    }
}

/// The width in characters of a node that always matches the same number of characters.
pub(crate) fn fixed_width(node: &Node) -> Option<usize> {
    match node {
        Node::Literal(_) | Node::Class { .. } | Node::Perl(_) | Node::Dot => Some(1),
        Node::Start | Node::End | Node::WordBoundary(_) => Some(0),
        Node::Group(kind, inner) => {
            if kind.is_look() {
                Some(0)
            } else {
                fixed_width(inner)
            }
        }
        Node::Concat(items) => items.iter().map(fixed_width).sum(),
        Node::Alt(alts) => {
            let first = fixed_width(alts.first()?)?;
            alts.iter()
                .all(|a| fixed_width(a) == Some(first))
                .then_some(first)
        }
        Node::Repeat { node, min, max, .. } => {
            if Some(*min) == *max {
                Some(fixed_width(node)? * *min as usize)
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_match_python_meaning() {
        let cases = [
            (r"^\$", r"^\x{24}"),
            (r"[\-\*^]", r"[\x{2D}\x{2A}\x{5E}]"),
            (r"[a-z\u00DF-\u00F6]", r"[a-z\x{DF}-\x{F6}]"),
            (
                r"[(?:\'&&)]",
                r"[\x{28}\x{3F}\x{3A}\x{27}\x{26}\x{26}\x{29}]",
            ),
            (r"\U0001F600", r"\x{1F600}"),
            (r"(?u)^\d{1,3}$", r"^\d{1,3}$"),
            (r"(?<=[0-9])km|x{,2}", r"(?<=[0-9])km|x{0,2}"),
            (r"a(b|c)", r"a(?:b|c)"),
            (r"[\w\+]", r"[\p{L}\p{N}_\x{2B}]"),
            (r"a{x", r"a\x{7B}x"),
        ];
        for (py, rust) in cases {
            assert_eq!(translate(py).unwrap(), rust, "{py}");
        }
    }

    #[test]
    fn widths_of_lookbehinds() {
        let (n, _) = parse("°[FfCcKk]").unwrap();
        assert_eq!(fixed_width(&n), Some(2));
        let (n, _) = parse("a+").unwrap();
        assert_eq!(fixed_width(&n), None);
    }

    #[test]
    fn python_space_agrees_with_the_class() {
        let re = regex::Regex::new(&format!("^[{PY_SPACE_CLASS}]$")).unwrap();
        for c in [
            '\t', '\n', '\x1c', ' ', '\u{a0}', '\u{3000}', 'a', '\u{200b}', '\u{180e}',
        ] {
            assert_eq!(re.is_match(&c.to_string()), is_py_space(c), "{c:?}");
        }
    }
}
