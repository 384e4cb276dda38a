//! The checks an analysed document read from JSON must pass before any later stage sees it: later stages
//! index tokens by `head`, slice the text by offsets and walk head chains up to a root, so a document that
//! breaks those assumptions is refused here, once, with the token and field at fault.

use super::{Doc, DocJsonError, EntIob};

impl Doc {
    /// Checks what the later stages rely on: tokens in text order, non-empty and not overlapping, offsets on
    /// character boundaries within the text (checked when the tokens are built), every `head` a token of the
    /// same sentence, head chains that end at a root (no cycle), and entity codes that form spans (`I`
    /// continues an entity of the same type; `B` and `I` carry a type, `O` none).
    ///
    /// # Errors
    /// The first inconsistency, naming the token and its field.
    pub fn validate(&self) -> Result<(), DocJsonError> {
        let n = self.tokens.len();
        let bad = |token, field, problem: String| {
            Err(DocJsonError::Token {
                token,
                field,
                problem,
            })
        };
        let mut sentence = vec![0usize; n];
        let mut current = 0;
        for (k, t) in self.tokens.iter().enumerate() {
            if t.start >= t.end || self.text.get(t.start..t.end).is_none() {
                return bad(k, "text", "is empty or not within the text".into());
            }
            if let Some(prev) = k.checked_sub(1).map(|p| &self.tokens[p]) {
                if t.start < prev.end {
                    return bad(
                        k,
                        "start",
                        format!(
                            "is {}, before the end of token {} ({}): tokens must follow the text",
                            t.start,
                            k - 1,
                            prev.end
                        ),
                    );
                }
                if t.sent_start {
                    current = k;
                }
            }
            sentence[k] = current;
            if t.head >= n {
                return bad(
                    k,
                    "head",
                    format!("is {}, past the last token ({})", t.head, n - 1),
                );
            }
            match (t.ent_iob, t.ent_type.is_empty()) {
                (EntIob::Begin | EntIob::Inside, true) => {
                    return bad(
                        k,
                        "ent_type",
                        "is empty in an entity (ent_iob B or I)".into(),
                    );
                }
                (EntIob::Outside | EntIob::Missing, false) => {
                    return bad(
                        k,
                        "ent_type",
                        format!("is {:?} outside an entity (ent_iob O or \"\")", t.ent_type),
                    );
                }
                _ => {}
            }
            if t.ent_iob == EntIob::Inside {
                let continues = k.checked_sub(1).map(|p| &self.tokens[p]).is_some_and(|p| {
                    matches!(p.ent_iob, EntIob::Begin | EntIob::Inside) && p.ent_type == t.ent_type
                });
                if !continues {
                    return bad(
                        k,
                        "ent_iob",
                        format!(
                            "is I but the token before is not in a {} entity",
                            t.ent_type
                        ),
                    );
                }
            }
        }
        for (k, t) in self.tokens.iter().enumerate() {
            if sentence[t.head] != sentence[k] {
                return bad(
                    k,
                    "head",
                    format!(
                        "is {}, in another sentence (sent_start flags) than the token",
                        t.head
                    ),
                );
            }
        }
        check_acyclic(self)
    }
}

/// Every head chain must end at a root (a token that is its own head): one pass, each token visited once.
fn check_acyclic(doc: &Doc) -> Result<(), DocJsonError> {
    // 0: not seen, 1: on the chain being walked, 2: known to reach a root.
    let mut state = vec![0u8; doc.tokens.len()];
    let mut chain = Vec::new();
    for start in 0..doc.tokens.len() {
        let mut k = start;
        while state[k] == 0 {
            state[k] = 1;
            chain.push(k);
            let head = doc.tokens[k].head;
            if head == k {
                break;
            }
            k = head;
        }
        if state[k] == 1 && doc.tokens[k].head != k {
            return Err(DocJsonError::Token {
                token: k,
                field: "head",
                problem: "is on a cycle of heads that never reaches a root".into(),
            });
        }
        for &c in &chain {
            state[c] = 2;
        }
        chain.clear();
    }
    Ok(())
}
