//! The `moves` file of a parser or entity recogniser: msgpack `{moves: JSON, cfg}` where the JSON maps an
//! action number to `{label: frequency}`. spaCy numbers the model's output classes by walking the actions in
//! ascending order and, within an action, the labels by descending (frequency, label).

use crate::analysis::AnalysisError;

/// One output class: an action number and its label (`""` for none).
pub type MoveSpec = (u8, String);

/// Reads the class list from a `moves` file. `keep` decides whether an (action, label) pair becomes a
/// class (the entity recogniser drops some).
pub fn read_moves(
    file: &str,
    bytes: &[u8],
    keep: impl Fn(u8, &str) -> bool,
) -> Result<Vec<MoveSpec>, AnalysisError> {
    let bad = |why: String| AnalysisError::BadModelData {
        file: file.to_string(),
        reason: why,
    };
    let root = rmpv::decode::read_value(&mut &bytes[..]).map_err(|e| bad(e.to_string()))?;
    let json = root
        .as_map()
        .and_then(|m| m.iter().find(|(k, _)| k.as_str() == Some("moves")))
        .and_then(|(_, v)| v.as_str())
        .ok_or_else(|| bad("no `moves` JSON string".into()))?;
    let parsed: serde_json::Value = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
    let actions = parsed
        .as_object()
        .ok_or_else(|| bad("moves is not a JSON object".into()))?;
    let mut keys: Vec<&String> = actions.keys().collect();
    // spaCy sorts the (string) keys of the dict.
    keys.sort();
    let mut out: Vec<MoveSpec> = Vec::new();
    let mut added: Vec<(i64, String, Vec<u8>)> = Vec::new();
    for key in keys {
        let action: u8 = key
            .parse()
            .map_err(|_| bad(format!("action key {key:?}")))?;
        let labels = actions[key]
            .as_object()
            .ok_or_else(|| bad(format!("labels of action {key} are not an object")))?;
        let mut sorted: Vec<(i64, &str)> = labels
            .iter()
            .map(|(label, freq)| (freq.as_i64().unwrap_or(0), label.as_str()))
            .collect();
        sorted.sort();
        sorted.reverse();
        for (freq, label) in sorted {
            if freq < 0 {
                match added.iter_mut().find(|(_, l, _)| l == label) {
                    Some((_, _, acts)) => acts.push(action),
                    None => added.push((freq, label.to_string(), vec![action])),
                }
            } else if keep(action, label) && !out.iter().any(|(a, l)| *a == action && l == label) {
                out.push((action, label.to_string()));
            }
        }
    }
    // Labels with negative (made-up) frequencies come last, by descending (frequency, label).
    added.sort_by(|a, b| (b.0, &b.1).cmp(&(a.0, &a.1)));
    for (_, label, acts) in added {
        for action in acts {
            if keep(action, &label) && !out.iter().any(|(a, l)| *a == action && *l == label) {
                out.push((action, label.clone()));
            }
        }
    }
    Ok(out)
}

/// The classes of a transition system: a move and a label id each, with the label strings (id 0: none).
#[derive(Debug, Clone)]
pub struct MoveTable<M> {
    /// Class -> (move, label id), in the model's class order.
    pub moves: Vec<(M, u32)>,
    labels: Vec<String>,
}

impl<M> MoveTable<M> {
    /// Builds the table from the classes of a moves file; `decode` maps an action number to a move and
    /// `file` names the file in the error for an unknown action.
    pub fn new(
        specs: &[MoveSpec],
        file: &str,
        decode: impl Fn(u8) -> Option<M>,
    ) -> Result<Self, AnalysisError> {
        let mut table = MoveTable {
            moves: Vec::with_capacity(specs.len()),
            labels: vec![String::new()],
        };
        for (code, label) in specs {
            let mv = decode(*code).ok_or_else(|| {
                AnalysisError::Unsupported(format!("{file}: unknown action {code}"))
            })?;
            let id = table.intern(label);
            table.moves.push((mv, id));
        }
        Ok(table)
    }

    /// The id of a label, added when new.
    pub fn intern(&mut self, label: &str) -> u32 {
        match self.label_id(label) {
            Some(id) => id,
            None => {
                self.labels.push(label.to_string());
                (self.labels.len() - 1) as u32
            }
        }
    }

    /// The id of a label, if the table has it.
    pub fn label_id(&self, label: &str) -> Option<u32> {
        self.labels
            .iter()
            .position(|l| l == label)
            .map(|i| i as u32)
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.moves.len()
    }

    /// The label string of a label id (`""` for none or an unknown id).
    pub fn label_name(&self, id: u32) -> &str {
        self.labels.get(id as usize).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(json: &str) -> Vec<u8> {
        let v = rmpv::Value::Map(vec![(rmpv::Value::from("moves"), rmpv::Value::from(json))]);
        let mut out = Vec::new();
        rmpv::encode::write_value(&mut out, &v).unwrap();
        out
    }

    #[test]
    fn classes_follow_action_then_descending_frequency() {
        let bytes =
            file(r#"{"1":{"":5},"0":{"":9},"2":{"det":10,"amod":30,"nsubj":30},"4":{"ROOT":1}}"#);
        let moves = read_moves("m", &bytes, |_, _| true).unwrap();
        let names: Vec<String> = moves.iter().map(|(a, l)| format!("{a}-{l}")).collect();
        assert_eq!(names, ["0-", "1-", "2-nsubj", "2-amod", "2-det", "4-ROOT"]);
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(read_moves("m", b"\x01", |_, _| true).is_err());
        assert!(read_moves("m", &file("[1]"), |_, _| true).is_err());
        assert!(read_moves("m", &file(r#"{"x":{}}"#), |_, _| true).is_err());
    }
}
