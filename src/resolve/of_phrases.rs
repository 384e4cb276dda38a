//! `X of Y` right after a person's name: `Chidi Odinkalu of the Nigerian Human Rights Commission said`, `Petra
//! Pau (of the Left Party)`, `Presidents Dilma Rousseff of Brazil and ...`: a member of the organisation, a
//! citizen of the country; likewise `X from Y` (`Lena Aho from Oslo University`, `Omar Haddad from Syria`)
//! and `X at Y` for organisations. Titles with `of` (`President Lula of Brazil`) are read as offices elsewhere.

use super::affiliation::Kind;
use super::document::{DocEntities, children};
use super::roles::ContextFact;

/// Confidence of a membership or nationality read from a bare `of` after a name (no role word says more).
const OF_NAME: f32 = 0.7;

/// Confidence of one read from `from` or `at` after a name (`Lena Aho from Oslo University`, `a refugee
/// from Syria`): where someone comes from or works, a little less sure than `of`.
const FROM_AT_NAME: f32 = 0.6;

impl DocEntities<'_> {
    /// Facts from `of`, `from` and `at` phrases attached to persons' names. `ns` is the ontology namespace.
    pub(super) fn of_affiliations(&self, ns: &str) -> Vec<ContextFact> {
        let doc = self.doc;
        let mut out: Vec<ContextFact> = Vec::new();
        for &(root, e) in &self.mention_tokens {
            let e = self.find(e);
            if self.entity_at(root) != Some(e) || self.kind(e) != Kind::Person {
                continue;
            }
            for prep in children(doc, root).filter(|&c| c > root) {
                // (rule, confidence, whether a country there is the person's: a person `at` a country
                // is only there).
                let (rule, confidence, origin) = match doc.tokens[prep].lemma.as_str() {
                    "of" => ("of-after-name", OF_NAME, true),
                    "from" => ("from-after-name", FROM_AT_NAME, true),
                    "at" => ("at-after-name", FROM_AT_NAME, false),
                    _ => continue,
                };
                for o in children(doc, prep).filter(|&c| doc.tokens[c].dep == "pobj") {
                    let Some(f) = self.entity_at(o).filter(|&f| f != e) else {
                        continue;
                    };
                    let property = match self.kind(f) {
                        Kind::Organization => "memberOf",
                        Kind::Country if origin => "citizenOf",
                        _ => continue,
                    };
                    let property = format!("{ns}{property}");
                    if out
                        .iter()
                        .any(|x| x.subject == e && x.object == f && x.property == property)
                    {
                        continue;
                    }
                    out.push(ContextFact {
                        subject: e,
                        property,
                        object: f,
                        sentence: self.sent_of[o],
                        bytes: doc.tokens[root].start..doc.tokens[o].end,
                        rule,
                        confidence,
                    });
                }
            }
        }
        out
    }
}
