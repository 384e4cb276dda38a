//! Searching with spaCy's affix patterns in time linear in the text.
//!
//! spaCy's prefix, suffix and infix patterns are alternations of branches, some of which carry a look-behind
//! before them or a look-ahead after them. Python's `re` runs them by backtracking; a backtracking engine
//! here could go quadratic on long tokens. Instead each branch is split into (look-behind, core,
//! look-ahead): consecutive branches without look-arounds become one `regex` (leftmost-first, which picks
//! the same branch Python's backtracking picks), and a branch with look-arounds becomes `(L)(C)(A)` with
//! its positive look-arounds consumed and the core captured. Negative look-arounds are checked after the
//! core matched. The leftmost match over all groups wins, ties going to the earlier branch, as in Python.
//!
//! Exactness: identical to Python `re` whenever a core has one way to match at a given position before a
//! negative look-around (true of every branch spaCy ships); look-behinds must have a fixed width, which
//! Python demands too.

use super::pyregex::{self, GroupKind, Node};
use regex::Regex;

/// A compiled affix pattern (prefix, suffix or infix).
#[derive(Debug, Clone)]
pub(crate) struct AffixPattern {
    groups: Vec<Group>,
}

#[derive(Debug, Clone)]
enum Group {
    /// Branches without look-arounds, in their order.
    Plain(Regex),
    /// One branch with look-arounds: `(?:L)(C)(?:A)`, core in capture group 1.
    Look {
        re: Regex,
        /// Width in characters of the positive look-behind (0 if none).
        behind_chars: usize,
        /// `(?:L)$` for each negative look-behind.
        not_behind: Vec<Regex>,
        /// `^(?:A)` for each negative look-ahead.
        not_ahead: Vec<Regex>,
    },
}

fn compile(pattern: &str) -> Result<Regex, String> {
    Regex::new(pattern).map_err(|e| format!("cannot compile {pattern:?}: {e}"))
}

fn emit(node: &Node) -> String {
    let mut s = String::new();
    pyregex::emit(node, &mut s);
    s
}

impl AffixPattern {
    /// Compiles a Python pattern.
    pub(crate) fn new(python: &str) -> Result<Self, String> {
        let (node, flags) = pyregex::parse(python)?;
        let flag_prefix = pyregex::flag_prefix(&flags);
        let branches = match node {
            Node::Alt(alts) => alts,
            other => vec![other],
        };
        let mut groups = Vec::new();
        let mut plain: Vec<String> = Vec::new();
        let flush = |plain: &mut Vec<String>, groups: &mut Vec<Group>| -> Result<(), String> {
            if !plain.is_empty() {
                let pattern = format!("{flag_prefix}(?:{})", plain.join("|"));
                groups.push(Group::Plain(compile(&pattern)?));
                plain.clear();
            }
            Ok(())
        };
        for branch in branches {
            if !pyregex::has_look(&branch) {
                plain.push(emit(&branch));
                continue;
            }
            flush(&mut plain, &mut groups)?;
            groups.push(Self::look_group(branch, &flag_prefix)?);
        }
        flush(&mut plain, &mut groups)?;
        Ok(AffixPattern { groups })
    }

    fn look_group(branch: Node, flag_prefix: &str) -> Result<Group, String> {
        let mut items = match branch {
            Node::Concat(items) => items,
            other => vec![other],
        };
        let mut behind: Option<Node> = None;
        let mut ahead: Option<Node> = None;
        let mut not_behind = Vec::new();
        let mut not_ahead = Vec::new();
        // Leading look-behinds, then trailing look-aheads; the rest is the core.
        while let Some(Node::Group(kind @ (GroupKind::Behind | GroupKind::NotBehind), _)) =
            items.first()
        {
            let kind = *kind;
            let Node::Group(_, inner) = items.remove(0) else {
                unreachable!()
            };
            if pyregex::fixed_width(&inner).is_none() {
                return Err("look-behind of variable width".into());
            }
            if kind == GroupKind::Behind {
                if behind.is_some() {
                    return Err("two look-behinds in one branch".into());
                }
                behind = Some(*inner);
            } else {
                not_behind.push(compile(&format!("{flag_prefix}(?:{})$", emit(&inner)))?);
            }
        }
        while let Some(Node::Group(kind @ (GroupKind::Ahead | GroupKind::NotAhead), _)) =
            items.last()
        {
            let kind = *kind;
            let Some(Node::Group(_, inner)) = items.pop() else {
                unreachable!()
            };
            if kind == GroupKind::Ahead {
                if ahead.is_some() {
                    return Err("two look-aheads in one branch".into());
                }
                ahead = Some(*inner);
            } else {
                not_ahead.push(compile(&format!("{flag_prefix}^(?:{})", emit(&inner)))?);
            }
        }
        let core = Node::Concat(items);
        if pyregex::has_look(&core) {
            return Err("look-around inside a branch".into());
        }
        let behind_chars = behind.as_ref().and_then(pyregex::fixed_width).unwrap_or(0);
        let mut pattern = flag_prefix.to_string();
        if let Some(b) = &behind {
            pattern.push_str(&format!("(?:{})", emit(b)));
        }
        pattern.push_str(&format!("({})", emit(&core)));
        if let Some(a) = &ahead {
            pattern.push_str(&format!("(?:{})", emit(a)));
        }
        Ok(Group::Look {
            re: compile(&pattern)?,
            behind_chars,
            not_behind,
            not_ahead,
        })
    }

    /// The leftmost match of one group starting at or after byte `pos`.
    fn group_find(group: &Group, hay: &str, pos: usize) -> Option<(usize, usize)> {
        match group {
            Group::Plain(re) => re.find_at(hay, pos).map(|m| (m.start(), m.end())),
            Group::Look {
                re,
                behind_chars,
                not_behind,
                not_ahead,
            } => {
                let mut from = pos;
                loop {
                    // Start early enough for the look-behind to see the characters before `from`.
                    let back = hay[..from]
                        .char_indices()
                        .rev()
                        .take(*behind_chars)
                        .last()
                        .map_or(from, |(i, _)| i);
                    let caps = re.captures_at(hay, back)?;
                    let core = caps.get(1)?;
                    let ok = core.start() >= from
                        && !not_behind
                            .iter()
                            .any(|nb| nb.is_match(&hay[..core.start()]))
                        && !not_ahead.iter().any(|na| na.is_match(&hay[core.end()..]));
                    if ok {
                        return Some((core.start(), core.end()));
                    }
                    // Try the next start position after this core's start.
                    let next = core.start().max(from);
                    from = next + hay[next..].chars().next()?.len_utf8();
                }
            }
        }
    }

    /// Python's `pattern.search(hay)`: the leftmost match, the earlier branch on ties.
    pub(crate) fn search(&self, hay: &str) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for g in &self.groups {
            if let Some(m) = Self::group_find(g, hay, 0)
                && best.is_none_or(|b| m.0 < b.0)
            {
                best = Some(m);
            }
        }
        best
    }

    /// Python's `pattern.finditer(hay)`: successive non-overlapping matches.
    pub(crate) fn find_iter(&self, hay: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        // Each group's next match from the current position, recomputed only once passed.
        let mut next: Vec<Option<Option<(usize, usize)>>> = vec![None; self.groups.len()];
        let mut pos = 0;
        while pos <= hay.len() {
            let mut best: Option<(usize, usize)> = None;
            for (g, cached) in self.groups.iter().zip(next.iter_mut()) {
                let stale = match cached {
                    None => true,
                    Some(Some((s, _))) => *s < pos,
                    Some(None) => false,
                };
                if stale {
                    *cached = Some(Self::group_find(g, hay, pos));
                }
                if let Some(Some(m)) = cached
                    && best.is_none_or(|b| m.0 < b.0)
                {
                    best = Some(*m);
                }
            }
            let Some((s, e)) = best else { break };
            out.push((s, e));
            pos = if e > s {
                e
            } else {
                match hay[e..].chars().next() {
                    Some(c) => e + c.len_utf8(),
                    None => break,
                }
            };
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_and_finditer_follow_python() {
        // (pattern, haystack, search result, finditer result)
        type Case = (
            &'static str,
            &'static str,
            Option<(usize, usize)>,
            Vec<(usize, usize)>,
        );
        let cases: Vec<Case> = vec![
            ("^…|^……", "……", Some((0, 3)), vec![(0, 3)]),
            (r"^\+(?![0-9])|^\(", "+1", None, vec![]),
            (r"^\+(?![0-9])|^\(", "+a", Some((0, 1)), vec![(0, 1)]),
            (
                r",$|(?<=[0-9])km$|\.\.+$",
                "5km",
                Some((1, 3)),
                vec![(1, 3)],
            ),
            (r",$|(?<=[0-9])km$|\.\.+$", "akm", None, vec![]),
            (r"x$|\.\.+$", "a...", Some((1, 4)), vec![(1, 4)]),
            (
                r"(?<=[a-z])(?:-|--)(?=[a-z])",
                "a--b",
                Some((1, 3)),
                vec![(1, 3)],
            ),
            (
                r"(?<=[0-9])[+\-](?=[0-9-])",
                "1-2-3",
                Some((1, 2)),
                vec![(1, 2), (3, 4)],
            ),
            (
                r"(?<=[a-z])\.(?=[A-Z])|…",
                "a.B…c.D",
                Some((1, 2)),
                vec![(1, 2), (3, 6), (7, 8)],
            ),
            (r"(?<!a)b", "abcb", Some((3, 4)), vec![(3, 4)]),
        ];
        for (pattern, hay, search, all) in cases {
            let p = AffixPattern::new(pattern).unwrap();
            assert_eq!(p.search(hay), search, "search {pattern} on {hay}");
            assert_eq!(p.find_iter(hay), all, "finditer {pattern} on {hay}");
        }
    }
}
