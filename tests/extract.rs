//! Extractors: one test per construction with a sentence that fires it and one that must not (fixtures are
//! spaCy's own analyses in `tests/data/extract_rules.jsonl`), a regression suite over the seed articles, and
//! a CaRB guard on the dev sentences (read from `../shared`).

mod carb;

use crate::shared_data;
use kg::analysis::Doc;
use kg::extract::{Construction, Coordination, Extractor, Modality, QualifierKind, RawTriple, oie};
use std::sync::OnceLock;

fn read_docs(path: impl AsRef<std::path::Path>) -> Vec<Doc> {
    let text = std::fs::read_to_string(path).expect("fixture");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Doc::from_json(&serde_json::from_str(l).expect("json")).expect("doc"))
        .collect()
}

fn rule_docs() -> &'static [Doc] {
    static DOCS: OnceLock<Vec<Doc>> = OnceLock::new();
    DOCS.get_or_init(|| read_docs("tests/data/extract_rules.jsonl"))
}

/// The triples of the fixture sentence `id`.
fn triples(id: &str) -> Vec<RawTriple> {
    let doc = rule_docs()
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no fixture {id}"));
    Extractor::default().extract(doc)
}

/// The triple with this subject, normalised relation and object, if extracted.
fn find<'a>(
    ts: &'a [RawTriple],
    subject: &str,
    relation: &str,
    object: &str,
) -> Option<&'a RawTriple> {
    ts.iter().find(|t| {
        t.subject.text == subject && t.relation.normalized == relation && t.object.text == object
    })
}

fn rules(ts: &[RawTriple]) -> Vec<&'static str> {
    ts.iter().map(|t| t.rule).collect()
}

#[test]
fn active_clause_fires_with_time_qualifier() {
    let ts = triples("active");
    let t = find(&ts, "Russia", "annex", "Crimea").expect("Russia annexed Crimea");
    assert_eq!(t.rule, "active");
    assert_eq!(t.relation.text, "annexed");
    assert!(!t.relation.passive);
    assert_eq!(t.qualifiers.len(), 1);
    assert_eq!(t.qualifiers[0].kind, QualifierKind::Time);
    assert_eq!(t.qualifiers[0].preposition.as_deref(), Some("in"));
    assert_eq!(t.qualifiers[0].value.text, "2014");
    // Offsets point at the words.
    let doc = &rule_docs().iter().find(|d| d.id == "active").unwrap();
    assert_eq!(doc.slice(t.subject.bytes.clone()), "Russia");
    assert_eq!(doc.slice(t.object.bytes.clone()), "Crimea");
}

#[test]
fn a_nominalisation_is_not_a_clause() {
    let ts = triples("no-verb");
    assert!(
        ts.iter().all(|t| t.relation.normalized != "annex"),
        "{ts:?}"
    );
}

#[test]
fn passive_clause_keeps_agent_in_relation() {
    let ts = triples("passive");
    let t = find(&ts, "The islands", "control by", "Russia").expect("controlled by Russia");
    assert_eq!(t.rule, "passive");
    assert!(t.relation.passive);
    assert_eq!(t.relation.text, "are controlled by");
    let ts = triples("active-control");
    let t = find(&ts, "Russia", "control", "the islands").expect("Russia controls the islands");
    assert!(!t.relation.passive);
    assert_eq!(t.rule, "active");
}

#[test]
fn prepositional_objects_join_the_relation() {
    let ts = triples("prep-object");
    assert!(
        find(&ts, "The missile systems", "deploy on", "Etorofu").is_some(),
        "{ts:?}"
    );
    let ts = triples("prep-verb");
    let t = find(&ts, "Abe", "rely on", "Putin").expect("relied on Putin");
    assert_eq!(t.rule, "prepositional");
    assert!(triples("intransitive").is_empty());
}

#[test]
fn copula_fires_only_on_be() {
    let ts = triples("copula");
    assert_eq!(
        find(&ts, "Etorofu", "be", "the largest island").map(|t| t.rule),
        Some("copula")
    );
    let ts = triples("no-copula");
    assert!(!rules(&ts).contains(&"copula"));
    assert!(find(&ts, "Etorofu", "have", "an airport").is_some());
}

#[test]
fn apposition_describes_each_conjunct() {
    let ts = triples("apposition");
    for island in ["Etorofu", "Kunashiri"] {
        let t = find(&ts, island, "be", "the largest of the four islands").expect("apposition");
        assert_eq!(t.rule, "apposition");
        assert!(find(&ts, island, "control by", "Russia").is_some());
    }
    assert!(!rules(&triples("no-apposition")).contains(&"apposition"));
}

#[test]
fn coordination_splits_subjects_objects_and_shares_objects_between_verbs() {
    let ts = triples("coord-subj");
    assert!(find(&ts, "Japan", "revive", "security talks").is_some());
    assert!(find(&ts, "Russia", "revive", "security talks").is_some());
    let ts = triples("single-subj");
    assert_eq!(
        ts.iter().filter(|t| t.rule == "active").count(),
        1,
        "{ts:?}"
    );
    let ts = triples("coord-obj");
    assert!(find(&ts, "Russia", "control", "Etorofu").is_some());
    assert!(find(&ts, "Russia", "control", "Kunashiri").is_some());
    let ts = triples("coord-verb");
    assert!(find(&ts, "Russia", "invade", "Crimea").is_some(), "{ts:?}");
    assert!(find(&ts, "Russia", "annex", "Crimea").is_some());
    // Without splitting, the coordination stays one argument.
    let doc = rule_docs().iter().find(|d| d.id == "coord-subj").unwrap();
    let ts = Extractor::default()
        .with_coordination(Coordination::Joined)
        .extract(doc);
    assert!(
        find(&ts, "Japan and Russia", "revive", "security talks").is_some(),
        "{ts:?}"
    );
}

#[test]
fn relative_and_participial_clauses_borrow_their_noun() {
    let ts = triples("relative");
    assert_eq!(
        find(&ts, "Russia", "control", "the islands").map(|t| t.rule),
        Some("relative")
    );
    let ts = triples("participial");
    let t = find(&ts, "the islands", "seize by", "Soviet forces").expect("seized by Soviet forces");
    assert_eq!(t.rule, "participial");
    assert!(t.relation.passive);
    let ts = triples("no-clause");
    assert!(rules(&ts).iter().all(|r| *r == "active"), "{ts:?}");
    // A participle coordinated with another (`controlled by Russia but also claimed by Japan`).
    let ts = triples("conj-participle");
    assert!(
        find(&ts, "the isles", "control by", "Russia").is_some(),
        "{ts:?}"
    );
    let t = find(&ts, "the isles", "claim by", "Japan").expect("claimed by Japan");
    assert!(t.relation.passive);
}

#[test]
fn hyphenated_participles_give_their_agents() {
    let ts = triples("participle");
    let held = find(&ts, "the four islands", "hold by", "Russian").expect("Russian-held");
    assert!(held.relation.passive);
    assert_eq!(held.rule, "participle");
    assert!(find(&ts, "the four islands", "claim by", "Japanese").is_some());
    assert!(!rules(&triples("no-participle")).contains(&"participle"));
}

/// A participle that says where takes its place with `in` (`Oslo-based Brandvik`: the passive `based by Oslo`
/// was read instead), one that says on what with `on` (`Linux-based`), and one that says who keeps `by`.
#[test]
fn a_place_before_a_participle_of_where_is_where() {
    let analyzer = kg::analysis::Analyzer::embedded().expect("embedded model");
    let doc = analyzer.analyze(
        "where",
        "Oslo-based Brandvik sold its boats to the navy. \
         The US-born actress Mira Holt starred in the film. \
         Rebels fired Chinese-made rockets at the port. \
         The school bought Linux-based laptops for its pupils. \
         The US-led coalition struck targets near the river. \
         A Boeing-built jet landed in the snow.",
    );
    let ts = Extractor::default().extract(&doc);
    let participle = |object: &str| {
        ts.iter()
            .find(|t| t.rule == "participle" && t.object.text == object)
            .map(|t| t.relation.normalized.as_str())
    };
    assert_eq!(participle("Oslo"), Some("base in"), "{ts:#?}");
    assert_eq!(participle("US"), Some("bear in"), "{ts:#?}");
    assert_eq!(participle("Chinese"), Some("make in"), "{ts:#?}");
    assert_eq!(participle("Linux"), Some("base on"), "{ts:#?}");
    // Who leads or builds keeps `by`.
    assert!(
        find(&ts, "The coalition", "lead by", "US").is_some(),
        "{ts:#?}"
    );
    assert_eq!(participle("Boeing"), Some("build by"), "{ts:#?}");
}

/// A lone capital before or beside a name is an initial or a party's letter, no title or description:
/// `Easterby is G` (a team sheet's `G Easterby`), `Lawton Chiles is D` (`(D-Fla.)`) were facts.
#[test]
fn a_lone_capital_is_no_title_or_apposition() {
    let analyzer = kg::analysis::Analyzer::embedded().expect("embedded model");
    let doc = analyzer.analyze(
        "initials",
        "Wales: G Easterby, R McBryde and J Worsley played. Rep. Tom Hale (D-Fla.) agreed. \
         Sen. Ann Fry (R-Vt.) objected. C-Murder, a former member of a rap group, was filmed.",
    );
    let ts = Extractor::default().extract(&doc);
    let lone = |a: &str| a.trim_end_matches('.').chars().count() == 1 || a.starts_with("R-");
    assert!(
        !ts.iter().any(|t| matches!(t.rule, "title" | "apposition")
            && (lone(&t.subject.text) || lone(&t.object.text))),
        "{ts:#?}"
    );
    // The title beside it stays, and so does a name of that shape.
    assert!(find(&ts, "Tom Hale", "be", "Rep.").is_some(), "{ts:#?}");
    assert!(
        ts.iter()
            .any(|t| t.rule == "apposition" && t.subject.text == "C-Murder"),
        "{ts:#?}"
    );
}

#[test]
fn possessive_with_naming_of_phrase() {
    let ts = triples("possessive-of");
    let t =
        find(&ts, "Hokkaido", "island of", "Japan").expect("Hokkaido is northern island of Japan");
    assert_eq!(t.relation.text, "is northern island of");
    assert_eq!(t.rule, "possessive_of");
    assert!(find(&ts, "Japan", "have", "northern island").is_some());
    let ts = triples("no-possessive");
    assert!(!rules(&ts).iter().any(|r| r.starts_with("possessive")));
}

#[test]
fn titles_and_roles_before_names() {
    let ts = triples("title");
    assert_eq!(
        find(&ts, "Shinzo Abe", "be", "Japanese Prime Minister").map(|t| t.rule),
        Some("title")
    );
    let role = find(&ts, "Shinzo Abe", "prime minister of", "Japanese").expect("role");
    assert_eq!(role.rule, "role");
    assert_eq!(role.relation.text, "is Prime Minister of");
    let ts = triples("no-title");
    assert!(!rules(&ts).iter().any(|r| matches!(*r, "title" | "role")));
}

#[test]
fn reported_speech_is_attributed_to_the_speaker() {
    let ts = triples("speech");
    let t = find(&ts, "Putin", "offer to resume", "security talks").expect("content");
    assert_eq!(
        t.attributed_to.as_ref().map(|a| a.text.as_str()),
        Some("Lavrov")
    );
    assert!(
        find(
            &ts,
            "Lavrov",
            "say that",
            "Putin had offered to resume security talks"
        )
        .is_some()
    );
    let ts = triples("no-speech");
    assert!(ts.iter().all(|t| t.attributed_to.is_none()));
    // `..., Russia's foreign minister said on Thursday`: the speech verb the parser coordinated.
    let ts = triples("trailing-speech");
    let t = find(&ts, "Japan", "revive", "security talks").expect("content");
    assert_eq!(
        t.attributed_to.as_ref().map(|a| a.text.as_str()),
        Some("Russia's foreign minister")
    );
}

#[test]
fn negation_and_modality_are_marked() {
    let m = |id: &str| triples(id).first().map(|t| t.modality);
    assert_eq!(m("negation"), Some(Modality::Negated));
    assert_eq!(m("negation-not"), Some(Modality::Negated));
    assert_eq!(m("modality"), Some(Modality::Possible));
    assert_eq!(m("expected"), Some(Modality::Possible));
    // `Abe has pledged to resolve the dispute`: the pledge is stated (the relation keeps `pledge to`).
    let ts = triples("xcomp");
    assert_eq!(ts[0].relation.normalized, "pledge to resolve");
    assert_eq!(ts[0].modality, Modality::Asserted);
    assert_eq!(m("asserted"), Some(Modality::Asserted));
    let ts = triples("modality");
    assert_eq!(ts[0].relation.text, "will likely revive");
    assert_eq!(ts[0].relation.normalized, "revive");
}

#[test]
fn time_and_place_qualifiers() {
    let ts = triples("qualifiers");
    let t = find(&ts, "The two leaders", "meet in", "Tokyo").expect("met in Tokyo");
    let kinds: Vec<QualifierKind> = t.qualifiers.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, vec![QualifierKind::Time]);
    assert_eq!(t.qualifiers[0].value.text, "Friday");
    assert!(
        triples("no-qualifiers")
            .iter()
            .all(|t| t.qualifiers.is_empty())
    );
}

#[test]
fn complement_chains_and_clausal_objects() {
    let ts = triples("xcomp");
    let t = find(&ts, "Abe", "pledge to resolve", "the territorial dispute").expect("chain");
    assert_eq!(t.relation.text, "has pledged to resolve");
    let ts = triples("clausal");
    assert!(
        find(
            &ts,
            "This result",
            "show that",
            "salt water could conduct electricity"
        )
        .is_some()
    );
    assert!(find(&ts, "salt water", "conduct", "electricity").is_some());
}

#[test]
fn configuration_selects_constructions_and_confidence() {
    let doc = rule_docs().iter().find(|d| d.id == "title").unwrap();
    let only = Extractor::default()
        .with_constructions(&[Construction::Title])
        .extract(doc);
    assert!(!only.is_empty());
    assert!(only.iter().all(|t| matches!(t.rule, "title" | "role")));
    let strict = Extractor::default().with_min_confidence(0.8).extract(doc);
    assert!(strict.iter().all(|t| t.confidence >= 0.8));
    assert!(strict.len() < Extractor::default().extract(doc).len());
    assert_eq!(
        Construction::from_name("Copula"),
        Some(Construction::Copula)
    );
    assert_eq!(Construction::from_name("nope"), None);
}

#[test]
fn oie_lines_have_sentence_confidence_relation_and_arguments() {
    let doc = rule_docs().iter().find(|d| d.id == "active").unwrap();
    let ts = Extractor::default().extract(doc);
    let mut out = Vec::new();
    oie::write(&mut out, doc, &ts, oie::Context::Line).unwrap();
    let text = String::from_utf8(out).unwrap();
    let first: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        first,
        vec![
            "Russia annexed Crimea in 2014.",
            "0.900",
            "annexed",
            "Russia",
            "Crimea",
            "in 2014"
        ]
    );
}

#[test]
fn every_argument_is_a_faithful_slice_and_no_input_panics() {
    let mut paths = vec![
        "tests/data/oracle_seeds.jsonl".into(),
        "tests/data/oracle_synthetic_200.jsonl".into(),
        "tests/data/extract_rules.jsonl".into(),
    ];
    paths.extend(shared_data::oracle_carb_dev(
        "the CaRB part of every_argument_is_a_faithful_slice_and_no_input_panics",
    ));
    for path in paths {
        for doc in read_docs(path) {
            for t in Extractor::default().extract(&doc) {
                for a in [&t.subject, &t.object] {
                    assert!(!a.tokens.is_empty());
                    assert!(a.tokens.contains(&a.head) || t.rule == "possessive");
                    assert_eq!(a.bytes.start, doc.tokens[a.tokens[0]].start);
                    assert_eq!(a.bytes.end, doc.tokens[*a.tokens.last().unwrap()].end);
                }
                assert!((0.0..=1.0).contains(&t.confidence));
            }
        }
    }
    // A document whose heads point anywhere must not panic.
    let mut doc = read_docs("tests/data/extract_rules.jsonl").remove(0);
    let n = doc.tokens.len();
    for (i, t) in doc.tokens.iter_mut().enumerate() {
        t.head = (i * 7 + 3) % (n + 2);
        t.dep = [
            "nsubj", "dobj", "conj", "relcl", "appos", "xcomp", "prep", "pobj",
        ][i % 8]
            .to_string();
    }
    let _ = Extractor::default().extract(&doc);
}

/// The seed articles: what a careful reader takes away, as (subject, normalised relation, object).
#[test]
fn seed_regression() {
    let docs = read_docs("tests/data/oracle_seeds.jsonl");
    let all: Vec<RawTriple> = docs
        .iter()
        .flat_map(|d| Extractor::default().extract(d))
        .collect();
    let expected = [
        ("Japan", "revive", "security talks"),
        ("Russia", "revive", "security talks"),
        ("Japan", "keep discuss", "a territorial row"),
        (
            "Shinzo Abe",
            "prime minister prime minister of",
            "Japanese Japanese",
        ),
        ("Vladimir Putin", "president of", "Russian"),
        ("Sergei Lavrov", "be", "Foreign Minister"),
        (
            "Putin",
            "offer to resume",
            "security talks among their foreign and defense ministers",
        ),
        ("Russia", "annex", "the Crimea region"),
        ("the islands", "seize by", "Soviet forces"),
        ("Abe", "pledge to resolve", "the territorial dispute"),
        ("Abe", "discuss", "Syria"),
        ("Putin", "discuss", "Syria"),
        ("Hokkaido", "island of", "Japan"),
        ("Russia", "annex", "Crimea"),
        ("four islands off Hokkaido", "hold by", "Russian"),
        ("four islands off Hokkaido", "claim by", "Japanese"),
        ("Sergei Shoigu", "defense minister of", "Russian"),
        ("land-to-air missile systems", "deploy on", "Etorofu"),
        ("land-to-air missile systems", "deploy on", "Kunashiri"),
        ("The other two", "be", "Shikotan"),
        (
            "Russia",
            "oppose",
            "any deployment of the advanced U.S. THAAD missile defense system in South Korea",
        ),
        ("North Korea", "launch", "four ballistic missiles"),
        (
            "Russia",
            "back",
            "Syrian President Bashar al-Assad’s forces",
        ),
        ("Bashar al-Assad", "president of", "Syrian"),
    ];
    let missing: Vec<_> = expected
        .iter()
        .filter(|(s, r, o)| find(&all, s, r, o).is_none())
        .collect();
    assert!(missing.is_empty(), "missing seed triples: {missing:?}");
    let by_rel = |r: &'static str| all.iter().filter(move |t| t.relation.normalized == r);
    // Modality and attribution on the seeds.
    assert!(by_rel("revive").all(|t| t.modality == Modality::Possible));
    assert!(by_rel("show").all(|t| t.modality == Modality::Negated));
    assert!(
        by_rel("discuss").all(|t| t.attributed_to.as_ref().is_some_and(|a| a.text == "Lavrov"))
    );
    let annex = find(&all, "Russia", "annex", "Crimea").unwrap();
    assert!(
        annex
            .qualifiers
            .iter()
            .any(|q| q.kind == QualifierKind::Time && q.value.text == "2014")
    );
}

/// CaRB on its 641 dev sentences (spaCy's analysis and the gold, both read from `../shared`). Measured F1
/// 0.568 (`bench/carb.sh`); the guard is the floor the project keeps.
#[test]
fn carb_guard_on_dev_sentences() {
    let test = "carb_guard_on_dev_sentences";
    let (Some(analysed), Some(gold)) = (
        shared_data::oracle_carb_dev(test),
        shared_data::carb_dev_gold(test),
    ) else {
        return;
    };
    let docs = read_docs(analysed);
    let extractor = Extractor::default();
    let mut out = Vec::new();
    for doc in &docs {
        oie::write(&mut out, doc, &extractor.extract(doc), oie::Context::Line).unwrap();
    }
    let gold = std::fs::read_to_string(gold).unwrap();
    let (p, r, f1) = carb::score(&gold, &String::from_utf8(out).unwrap());
    eprintln!("CaRB dev: P {p:.4} R {r:.4} F1 {f1:.4}");
    assert!(
        f1 >= 0.55,
        "CaRB F1 {f1:.3} (P {p:.3}, R {r:.3}) fell below the guard"
    );
}

#[test]
fn carb_scorer_port_agrees_on_a_hand_computed_case() {
    let gold = "Abe met Putin .\tmet\tAbe\tPutin\n";
    // Perfect, then half-right arguments, then a wrong relation.
    assert_eq!(
        carb::score(gold, "Abe met Putin .\t0.9\tmet\tAbe\tPutin\n"),
        (1.0, 1.0, 1.0)
    );
    let (p, r, _) = carb::score(gold, "Abe met Putin .\t0.9\tmet\tAbe\tPutin Abe\n");
    assert!((p - 0.75).abs() < 1e-9 && (r - 1.0).abs() < 1e-9, "{p} {r}");
    let (_, r, f) = carb::score(gold, "Abe met Putin .\t0.9\tsaw\tAbe\tPutin\n");
    assert_eq!((r, f), (0.0, 0.0));
}

#[test]
fn prepositional_modifiers_of_nouns_are_located() {
    let ts = triples("single-subj");
    let t = find(&ts, "security talks", "be with", "Russia").expect("talks with Russia");
    assert_eq!(t.rule, "locative");
    assert_eq!(t.relation.text, "is with");
    assert!(!rules(&triples("coord-subj")).contains(&"locative"));
}

#[test]
fn time_modifiers_of_nouns_are_not_locations() {
    // Regression: `the inaugural meeting in November 2013` gave `meeting located in November 2013`.
    let ts = triples("locative-time");
    assert!(find(&ts, "The summit", "be in", "Tokyo").is_some());
    assert!(
        !ts.iter()
            .any(|t| t.rule == "locative" && t.object.text.contains("November")),
        "{ts:#?}"
    );
}

#[test]
fn gerunds_after_stating_prepositions_share_the_subject() {
    let ts = triples("gerund");
    let t = find(&ts, "Abe", "welcome", "Putin").expect("Abe welcomed Putin");
    assert_eq!(t.modality, Modality::Asserted);
    // `without consulting Japan` says the consulting did not happen.
    let ts = triples("gerund-without");
    assert!(find(&ts, "Russia", "deploy", "missiles").is_some());
    assert!(
        !ts.iter().any(|t| t.relation.normalized.contains("consult")),
        "{ts:#?}"
    );
}

#[test]
fn infinitives_of_purpose_are_not_asserted() {
    // Regression: `a plan Shoigu aired to deploy a division` gave `Shoigu deployed a division`.
    let ts = triples("purpose");
    let strengthen = find(&ts, "Russia", "strengthen", "its claim").expect("purpose clause");
    assert_eq!(strengthen.modality, Modality::Possible);
    let sent = find(&ts, "Russia", "send", "troops").expect("main clause");
    assert_eq!(sent.modality, Modality::Asserted);
}

#[test]
fn verb_chains_continue_through_a_preposition_and_gerund() {
    let ts = triples("chain-prep");
    let t = find(
        &ts,
        "Japan",
        "pledge to work toward conclude",
        "a peace treaty",
    )
    .expect("chain through `toward concluding`");
    assert_eq!(t.modality, Modality::Asserted);
    // `without consulting Japan`: no chain, and nothing says Russia consulted Japan.
    let ts = triples("chain-prep-without");
    assert!(
        !ts.iter().any(|t| t.relation.normalized.contains("consult")),
        "{ts:#?}"
    );
}

#[test]
fn possessed_nouns_with_a_preposition_relate_the_owner() {
    let ts = triples("possessive-nominal");
    let t = find(&ts, "Shoigu", "meeting with", "Inada").expect("Shoigu's meeting with Inada");
    assert_eq!(t.rule, "possessive_nominal");
    // A time modifier is not a relation: `Abe's visit in December`.
    let ts = triples("possessive-nominal-time");
    assert!(!rules(&ts).contains(&"possessive_nominal"), "{ts:#?}");
}

/// Regression: spaCy's small model splits `co-founder` into `co`, `-`, `founder` and hangs the pieces side by
/// side (three appositions, three objects of `as`); each piece became an argument (`Jane Doe is a co`, `Jane
/// Doe is -`, `Tom Reed stepped down as vice`). A split word is read as one, in titles (`Ex-chairman`) and
/// verbs (`re-enter`) too; a score (`2-1`) and a word the parser kept whole (`Russian-held`) are not touched,
/// and a prefix is no agent (`un-named`).
#[test]
fn a_split_hyphenated_word_is_one_argument() {
    let analyzer = kg::analysis::Analyzer::embedded().expect("embedded model");
    let doc = analyzer.analyze(
        "hyphens",
        "Jane Doe, a co-founder of the firm, spoke to the board. \
         Tom Reed stepped down as vice-president of the bank. \
         Burnley lost 2-1 to Wigan on Saturday. \
         The Russian-held islands lie north of Hokkaido. \
         Ex-chairman Ann Lee said she could re-enter Parliament. \
         Two un-named banks agreed.",
    );
    let ts = Extractor::default().extract(&doc);
    let pieces = |t: &&RawTriple| {
        [&t.subject.text, &t.object.text]
            .iter()
            .any(|a| *a == "-" || a.ends_with(" co") || a.ends_with("vice"))
    };
    assert!(!ts.iter().any(|t| pieces(&t)), "{ts:#?}");
    assert!(find(&ts, "Jane Doe", "be", "a co-founder of the firm").is_some());
    assert!(find(&ts, "Tom Reed", "step as", "vice-president of the bank").is_some());
    let lost = find(&ts, "Burnley", "lose to", "Wigan").expect("Burnley lost to Wigan");
    assert!(lost.qualifiers.iter().any(|q| q.value.text == "2-1"));
    assert!(find(&ts, "The islands", "hold by", "Russian").is_some());
    assert!(find(&ts, "Ann Lee", "be", "Ex-chairman").is_some());
    let enter = find(&ts, "she", "enter", "Parliament").expect("she could re-enter Parliament");
    assert_eq!(enter.relation.text, "could re-enter");
    assert!(
        !ts.iter()
            .any(|t| t.rule == "participle" && t.object.text == "un")
    );
}
