//! Copular clauses: `X is Y` (`The isles are of strategic value`), `X is ADJ PREP Y` (`is disproportionate to
//! the threat`), `X is PREP Y` (`is at Henry Wood Hall`).

use super::clause::{ObjectSlot, prepositional_slot};
use super::relation::RelationWords;
use super::view::View;

/// The object slot of copula `verb`: its nominal predicate, its adjective (with the adjective's preposition
/// joining the relation when it has one), or its prepositional phrase.
pub(crate) fn object_slot(
    v: &View,
    verb: usize,
    words: &mut RelationWords,
    split: bool,
) -> Option<ObjectSlot> {
    if let Some(attr) = v.child(verb, &["attr"]) {
        if v.is_relativizer(attr) {
            return None;
        }
        return Some(ObjectSlot::nominal(v, attr, "copula", 0.85, split));
    }
    if let Some(adj) = v.child(verb, &["acomp"]) {
        let prep = v
            .children_with(adj, &["prep"])
            .find(|&p| p > adj && v.child(p, &["pobj"]).is_some());
        if let Some(p) = prep {
            let obj = v.child(p, &["pobj"])?;
            words.push_core(adj);
            for a in v
                .children_with(adj, &["advmod", "neg"])
                .filter(|&a| a < adj)
            {
                words.aux.push(a);
            }
            words.push_core(p);
            let mut slot = ObjectSlot::nominal(v, obj, "copula", 0.75, split);
            slot.used.push(p);
            return Some(slot);
        }
        return Some(ObjectSlot::nominal(v, adj, "copula", 0.8, false));
    }
    let mut slot = prepositional_slot(v, verb, words, split)?;
    slot.rule = "copula";
    slot.confidence = 0.75;
    Some(slot)
}
