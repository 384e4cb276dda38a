//! Ontology, inference and entity resolution: the ontology file, the rule engine's fixpoint, each resolution
//! sieve (a case that fires and one that must not), and the seed documents end to end (oracle analysis ->
//! extract -> resolve -> infer -> rows) against the gold sample.

use kg::analysis::Doc;
use kg::extract::{Argument, Extractor, Modality, RawTriple, Relation};
use kg::ontology::{IriTriple, Ontology, OntologyError};
use kg::resolve::{DocMeta, DocumentGraph, KnownEntity, Node, Predicate, Resolver};
use std::collections::HashMap;

const SEEDS: &str = include_str!("data/oracle_seeds.jsonl");
const ENTITY: &str = "https://kg.example.org/entity/";

fn onto() -> Ontology {
    Ontology::builtin().expect("built-in ontology loads")
}

fn seed_docs() -> Vec<Doc> {
    SEEDS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Doc::from_json(&serde_json::from_str(l).expect("json")).expect("doc"))
        .collect()
}

// ---------------------------------------------------------------------------------------------------------
// Rows: what `kg export --format tsv` shows (labels), for asserted and inferred facts.

/// (subject label, predicate, object label, kind).
type Row = (String, String, String, &'static str);

fn node_label(g: &DocumentGraph, n: &Node) -> String {
    match n {
        Node::Entity(i) => g.entities[*i].label.clone(),
        Node::Literal(s) => s.clone(),
    }
}

fn predicate_name(p: &Predicate) -> String {
    match p {
        Predicate::Ontology(l) => l.clone(),
        Predicate::Open(s) => s.clone(),
    }
}

/// Resolves the seeds in order, infers over the asserted entity facts, returns the rows.
fn seed_rows() -> (Vec<DocumentGraph>, Vec<Row>) {
    let onto = onto();
    let docs = seed_docs();
    let extractor = Extractor::new();
    let triples: Vec<Vec<RawTriple>> = docs.iter().map(|d| extractor.extract(d)).collect();
    if std::env::var_os("KG_SEED_RAW").is_some() {
        for (d, ts) in triples.iter().enumerate() {
            for t in ts {
                let q: Vec<String> = t
                    .qualifiers
                    .iter()
                    .map(|q| format!("{:?}:{:?}:{}", q.kind, q.preposition, q.value.text))
                    .collect();
                let x: Vec<&str> = t.extra.iter().map(|a| a.text.as_str()).collect();
                println!(
                    "RAW d{d} s{} [{}] {} | {} (p={}) | {} | extra={x:?} q={q:?} {:?}",
                    t.sentence,
                    t.rule,
                    t.subject.text,
                    t.relation.normalized,
                    t.relation.passive,
                    t.object.text,
                    t.modality
                );
            }
        }
    }
    let meta = DocMeta::default();
    let mut resolver = Resolver::new(&onto);
    let graphs = resolver.resolve_all(
        docs.iter()
            .zip(&triples)
            .map(|(d, t)| (d, t.as_slice(), &meta)),
    );
    let mut rows = Vec::new();
    let mut labels: HashMap<String, String> = HashMap::new();
    let mut asserted: Vec<IriTriple> = Vec::new();
    for g in &graphs {
        for e in &g.entities {
            labels
                .entry(format!("{ENTITY}{}", e.key))
                .or_insert(e.label.clone());
        }
        for f in g.facts.iter().filter(|f| f.modality == "asserted") {
            rows.push((
                node_label(g, &f.subject),
                predicate_name(&f.predicate),
                node_label(g, &f.object),
                "extracted",
            ));
            if let (Node::Entity(s), Predicate::Ontology(p), Node::Entity(o)) =
                (&f.subject, &f.predicate, &f.object)
            {
                asserted.push((
                    format!("{ENTITY}{}", g.entities[*s].key),
                    onto.iri(p),
                    format!("{ENTITY}{}", g.entities[*o].key),
                ));
            }
        }
    }
    for i in onto.infer(&asserted) {
        let (s, p, o) = &i.triple;
        rows.push((
            labels.get(s).cloned().unwrap_or_else(|| s.clone()),
            kg::ontology::local_name(p),
            labels.get(o).cloned().unwrap_or_else(|| o.clone()),
            "inferred",
        ));
    }
    (graphs, rows)
}

/// The gold sample of the seeds (`seed_facts_sample.tsv`): id, subject, predicate, object regexes, direction.
const GOLD: &[(&str, &str, &str, &str, bool)] = &[
    (
        "controls-etorofu",
        "russia|russian federation|moscow",
        "control|hold|occup|administ|possess|govern",
        "etorofu|iturup",
        false,
    ),
    (
        "claims-kunashiri",
        "japan|tokyo",
        "claim",
        "kunashiri?",
        false,
    ),
    (
        "abe-pm-japan",
        "(shinzo )?abe",
        "prime|minister|head|leader|lead|govern|office|position|role|premier",
        "japan",
        true,
    ),
    (
        "lavrov-fm-russia",
        "(serge[iy] )?lavrov",
        "minister|foreign|office|position|role|represent|serve",
        "russia",
        true,
    ),
    (
        "russia-annexed-crimea",
        "russia|moscow",
        "annex",
        "(the )?crimea(n peninsula)?( region)?",
        false,
    ),
    (
        "abe-met-putin",
        "(shinzo )?abe",
        "meet|met|talk|held|host|welcom",
        "(vladimir )?putin",
        true,
    ),
    (
        "hokkaido-in-japan",
        "hokkaido",
        "part|locat|in$|within|island",
        "japan",
        false,
    ),
    (
        "etorofu-in-islands",
        "etorofu|iturup",
        "part|member|locat|in$|within|of$",
        ".*(kuril|island|isles|northern territories).*",
        false,
    ),
];

fn holds(rows: &[Row], s: &str, p: &str, o: &str, any: bool) -> bool {
    let full = |r: &str| {
        regex::RegexBuilder::new(&format!("^(?:{r})$"))
            .case_insensitive(true)
            .build()
            .expect("regex")
    };
    let (s, p, o) = (full(s), full(&format!(".*(?:{p}).*")), full(o));
    rows.iter().any(|(rs, rp, ro, _)| {
        p.is_match(rp)
            && ((s.is_match(rs) && o.is_match(ro)) || (any && s.is_match(ro) && o.is_match(rs)))
    })
}

#[test]
fn seeds_end_to_end_reach_the_gold_sample_without_pronoun_arguments() {
    let (graphs, rows) = seed_rows();
    if std::env::var_os("KG_SEED_ENTITIES").is_some() {
        for g in &graphs {
            for e in &g.entities {
                println!("{}\t{}\t{}\t{:?}", e.key, e.label, e.class, e.aliases);
            }
        }
    }
    if std::env::var_os("KG_SEED_TSV").is_some() {
        println!("subject\tpredicate\tobject\tkind");
        for (s, p, o, k) in &rows {
            println!("{s}\t{p}\t{o}\t{k}");
        }
    }
    let missed: Vec<&str> = GOLD
        .iter()
        .filter(|(_, s, p, o, any)| !holds(&rows, s, p, o, *any))
        .map(|g| g.0)
        .collect();
    assert!(missed.is_empty(), "missed gold facts: {missed:?}");
    let pronouns = [
        "it", "they", "them", "he", "she", "him", "her", "that", "which", "who", "this", "these",
        "those", "its", "their", "we", "i", "you",
    ];
    let bad: Vec<&Row> = rows
        .iter()
        .filter(|(s, _, o, _)| {
            pronouns.contains(&s.to_lowercase().as_str())
                || pronouns.contains(&o.to_lowercase().as_str())
        })
        .collect();
    assert!(bad.is_empty(), "pronoun arguments: {bad:?}");
}

// ---------------------------------------------------------------------------------------------------------
// The ontology.

#[test]
fn builtin_ontology_documents_every_property_and_has_its_rules() {
    let onto = onto();
    let mut n = 0;
    for p in onto.properties() {
        n += 1;
        assert!(!p.label.is_empty(), "{} has no label", p.local);
        assert!(!p.comment.is_empty(), "{} has no comment", p.local);
        assert!(p.domain.is_some(), "{} has no domain", p.local);
        assert!(p.range.is_some(), "{} has no range", p.local);
        for c in p.domain.iter().chain(&p.range) {
            assert!(onto.class(c).is_some(), "{}: unknown class {c}", p.local);
        }
    }
    assert!(n >= 25, "only {n} properties");
    for name in [
        "controls",
        "claims",
        "partOf",
        "locatedIn",
        "headOfGovernmentOf",
        "memberOf",
        "annexed",
        "met",
        "supports",
        "opposes",
        "launched",
        "deployedTo",
        "imposedSanctionsOn",
        "seized",
    ] {
        assert!(onto.property(name).is_some(), "missing {name}");
    }
    for c in onto.classes() {
        assert!(
            !c.label.is_empty() && !c.comment.is_empty(),
            "class {} undocumented",
            c.local
        );
    }
    let controls = onto.property("controls").expect("controls");
    assert_eq!(controls.chains.len(), 1);
    assert_eq!(controls.chains[0][1].property, onto.iri("hasPart"));
    assert!(onto.property("met").expect("met").symmetric);
    assert!(onto.property("partOf").expect("partOf").transitive);
    assert!(
        onto.property("claimedBy")
            .expect("claimedBy")
            .alignments
            .iter()
            .any(|a| a.ends_with("/P1336"))
    );
    assert!(
        onto.property("hasPart")
            .expect("hasPart")
            .inverse_of
            .contains(&onto.iri("partOf"))
    );
    assert!(onto.is_subproperty_of("foreignMinisterOf", "officialOf"));
    assert!(!onto.is_subproperty_of("officialOf", "foreignMinisterOf"));
    assert!(onto.is_subclass_of("Country", "Agent") && !onto.is_subclass_of("Island", "Agent"));
    let russia = onto
        .gazetteer()
        .iter()
        .find(|g| g.label == "Russia")
        .expect("Russia");
    assert!(russia.demonyms.contains(&"Russian".to_string()));
    let soviet = onto
        .gazetteer()
        .iter()
        .find(|g| g.demonyms.contains(&"Soviet".to_string()))
        .expect("Soviet");
    assert_eq!(soviet.label, "Soviet Union");
    assert!(!onto.triples().is_empty());
}

#[test]
fn bad_turtle_is_reported_with_file_and_line() {
    let err = Ontology::from_sources(&[(
        "mine.ttl",
        "@prefix kg: <https://kg.example.org/ontology#> .\nkg:a kg:b .\nkg:c kg:d",
    )])
    .expect_err("truncated Turtle");
    match &err {
        OntologyError::Syntax {
            source_name, line, ..
        } => {
            assert_eq!(source_name, "mine.ttl");
            assert!(*line >= 2, "line {line}");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().starts_with("mine.ttl:"));
    let chain = "@prefix kg: <https://kg.example.org/ontology#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\nkg:p a owl:ObjectProperty ; owl:propertyChainAxiom \"not a list\" .";
    assert!(matches!(
        Ontology::from_sources(&[("chain.ttl", chain)]),
        Err(OntologyError::Invalid { .. })
    ));
    assert!(matches!(
        Ontology::with_files(&["/nonexistent/kg.ttl"]),
        Err(OntologyError::Io { .. })
    ));
}

#[test]
fn an_extension_file_adds_properties_forms_rules_and_names_without_recompiling() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ext.ttl");
    std::fs::write(
        &path,
        "@prefix kg: <https://kg.example.org/ontology#> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         kg:allyOf a owl:ObjectProperty, owl:SymmetricProperty ; rdfs:label \"ally of\" ; rdfs:comment \"Allies.\" ;\n\
           rdfs:domain kg:Agent ; rdfs:range kg:Agent ; kg:lexicalForm \"ally with\" .\n\
         kg:controls kg:lexicalForm \"lord over\" .\n\
         <https://kg.example.org/entity/ruritania> a kg:Country ; rdfs:label \"Ruritania\" ; kg:demonym \"Ruritanian\" .\n",
    )
    .expect("write");
    let onto = Ontology::with_files(&[&path]).expect("extended ontology");
    let ally = onto.property("allyOf").expect("new property");
    assert!(ally.symmetric && ally.lexical_forms == vec!["ally with".to_string()]);
    assert!(
        onto.property("controls")
            .expect("controls")
            .lexical_forms
            .contains(&"lord over".to_string())
    );
    assert!(onto.gazetteer().iter().any(|g| g.label == "Ruritania"));
    let t = |s: &str, p: &str, o: &str| (s.to_string(), onto.iri(p), o.to_string());
    let inferred = onto.infer(&[t("a", "allyOf", "b")]);
    assert_eq!(inferred.len(), 1);
    assert_eq!(inferred[0].triple, t("b", "allyOf", "a"));
    // Without the file none of it exists.
    assert!(self::onto().property("allyOf").is_none());
}

// ---------------------------------------------------------------------------------------------------------
// Inference with the built-in rules.

#[test]
fn inference_reaches_the_fixpoint_with_premises_and_no_duplicates() {
    let onto = onto();
    let t = |s: &str, p: &str, o: &str| (s.to_string(), onto.iri(p), o.to_string());
    let asserted = vec![
        t("russia", "controls", "kurils"),
        t("japan", "claims", "southern_kurils"),
        t("southern_kurils", "partOf", "kurils"),
        t("etorofu", "partOf", "southern_kurils"),
        t("abe", "met", "putin"),
        t("abe", "headOfGovernmentOf", "japan"),
    ];
    let inferred = onto.infer(&asserted);
    let find = |x: &IriTriple| inferred.iter().find(|i| &i.triple == x);
    let etorofu =
        find(&t("russia", "controls", "etorofu")).expect("controls carries over partOf twice");
    assert!(etorofu.rule.contains("chain") || etorofu.rule.contains("transitive"));
    assert_eq!(etorofu.premises.len(), 2);
    for p in &etorofu.premises {
        assert!(
            asserted.contains(p) || inferred.iter().any(|i| &i.triple == p),
            "premise {p:?} unknown"
        );
    }
    assert!(find(&t("japan", "claims", "etorofu")).is_some());
    // Claims carry down, not up: Japan claims part of the Kurils, not all of them.
    assert!(find(&t("japan", "claims", "kurils")).is_none());
    assert!(find(&t("putin", "met", "abe")).is_some_and(|i| i.rule.starts_with("symmetric")));
    assert!(find(&t("kurils", "hasPart", "etorofu")).is_some());
    assert!(find(&t("etorofu", "controlledBy", "russia")).is_some());
    assert!(
        find(&t("abe", "leaderOf", "japan")).is_some()
            && find(&t("abe", "officialOf", "japan")).is_some()
    );
    assert!(find(&t("japan", "headOfGovernment", "abe")).is_some());
    let mut seen = std::collections::HashSet::new();
    for i in &inferred {
        assert!(seen.insert(&i.triple), "duplicate {:?}", i.triple);
        assert!(
            !asserted.contains(&i.triple),
            "asserted triple repeated: {:?}",
            i.triple
        );
        assert_ne!(i.triple.0, i.triple.2, "reflexive {:?}", i.triple);
    }
    // Running again over everything adds nothing: a fixpoint.
    let mut all = asserted.clone();
    all.extend(inferred.iter().map(|i| i.triple.clone()));
    assert!(onto.infer(&all).is_empty());
    // Open relations and unknown properties infer nothing.
    assert!(
        onto.infer(&[(
            "a".into(),
            "https://kg.example.org/relation/keep".into(),
            "b".into()
        )])
        .is_empty()
    );
}

// ---------------------------------------------------------------------------------------------------------
// Resolution sieves, over the seed documents with hand-built extractor triples.

/// The first token with this text in sentence `s` of `doc`.
fn tok(doc: &Doc, s: usize, text: &str) -> usize {
    let sent = doc.sentences()[s];
    sent.tokens()
        .find(|&i| doc.token_text(i) == text)
        .unwrap_or_else(|| panic!("no {text:?} in sentence {s}"))
}

fn arg(doc: &Doc, head: usize) -> Argument {
    let t = &doc.tokens[head];
    Argument {
        text: doc.token_text(head).to_string(),
        head,
        tokens: vec![head],
        bytes: t.start..t.end,
    }
}

/// A triple `subject relation object` in sentence `s`, arguments given by their head words.
fn raw(
    doc: &Doc,
    s: usize,
    subject: &str,
    relation: &str,
    passive: bool,
    object: &str,
) -> RawTriple {
    RawTriple {
        sentence: s,
        subject: arg(doc, tok(doc, s, subject)),
        relation: Relation {
            text: relation.into(),
            normalized: relation.into(),
            tokens: vec![],
            passive,
        },
        object: arg(doc, tok(doc, s, object)),
        extra: vec![],
        qualifiers: vec![],
        modality: Modality::Asserted,
        attributed_to: None,
        rule: "test",
        confidence: 0.8,
    }
}

/// Resolves hand-built triples over seed document `d`; returns the graph and its facts as labels.
fn resolve_seed(d: usize, triples: &[RawTriple]) -> (DocumentGraph, Vec<(String, String, String)>) {
    let docs = seed_docs();
    let g = Resolver::new(&onto()).resolve(&docs[d], triples, &DocMeta::default());
    let facts = g
        .facts
        .iter()
        .map(|f| {
            (
                node_label(&g, &f.subject),
                predicate_name(&f.predicate),
                node_label(&g, &f.object),
            )
        })
        .collect();
    (g, facts)
}

fn has(facts: &[(String, String, String)], s: &str, p: &str, o: &str) -> bool {
    facts.iter().any(|(a, b, c)| a == s && b == p && c == o)
}

#[test]
fn passive_with_agent_swaps_and_maps_a_passive_without_agent_does_not_swap() {
    let docs = seed_docs();
    let d0 = &docs[0];
    let d1 = &docs[1];
    let (_, f) = resolve_seed(0, &[raw(d0, 2, "isles", "control by", true, "Russia")]);
    assert!(
        has(&f, "Russia", "controls", "Northern Territories"),
        "{f:?}"
    );
    let (_, f) = resolve_seed(1, &[raw(d1, 12, "systems", "deploy on", true, "Etorofu")]);
    assert!(
        has(&f, "land-to-air missile systems", "deployedTo", "Etorofu"),
        "{f:?}"
    );
}

#[test]
fn domain_and_range_rule_out_a_property_and_unmapped_relations_stay_open() {
    let docs = seed_docs();
    let d0 = &docs[0];
    // A sea is not land that can be controlled: the misattached participle stays open.
    // and the participle goes back to the noun the sea hangs from (`isles in the western Pacific`).
    let (_, f) = resolve_seed(0, &[raw(d0, 2, "Pacific", "control by", true, "Russia")]);
    assert!(
        !f.iter().any(|(_, p, o)| p == "controls" && o == "Pacific"),
        "{f:?}"
    );
    assert!(
        has(&f, "Russia", "controls", "Northern Territories"),
        "{f:?}"
    );
    // A person cannot be claimed territory: `claim by` stays an open relation.
    let (_, f) = resolve_seed(
        0,
        &[
            raw(d0, 2, "Abe", "claim by", true, "Japan"),
            raw(d0, 2, "isles", "claim by", true, "Japan"),
        ],
    );
    assert!(has(&f, "Shinzo Abe", "claim by", "Japan"), "{f:?}");
    assert!(has(&f, "Japan", "claims", "Northern Territories"), "{f:?}");
    let (g, f) = resolve_seed(0, &[raw(d0, 1, "Japan", "revive", false, "talks")]);
    assert!(has(&f, "Japan", "revive", "security talks"), "{f:?}");
    assert_eq!(g.facts[0].predicate, Predicate::Open("revive".into()));
}

#[test]
fn partial_names_titles_and_transliterations_join_the_full_name() {
    let (graphs, _) = seed_rows();
    let keys = |g: &DocumentGraph| g.entities.iter().map(|e| e.key.clone()).collect::<Vec<_>>();
    let lavrov: Vec<&kg::resolve::Entity> = graphs
        .iter()
        .flat_map(|g| &g.entities)
        .filter(|e| e.key == "sergey_lavrov")
        .collect();
    assert_eq!(
        lavrov.len(),
        2,
        "Sergei (doc 1) and Sergey (doc 2) Lavrov share a key"
    );
    assert!(
        lavrov[0].aliases.contains(&"Lavrov".to_string()),
        "NER's ORG `Lavrov` joined the person"
    );
    assert_eq!(lavrov[0].class, "Person");
    // Titles are stripped from names, and a partial name does not join a different person.
    assert!(keys(&graphs[0]).contains(&"shinzo_abe".to_string()));
    assert!(
        !keys(&graphs[0])
            .iter()
            .any(|k| k.contains("minister") || k == "abe" || k == "putin")
    );
    let inada = graphs[1]
        .entities
        .iter()
        .find(|e| e.key == "tomomi_inada")
        .expect("Inada");
    assert!(inada.aliases.contains(&"Inada".to_string()));
    assert!(
        !graphs[1].entities.iter().any(|e| e.label == "Defense"),
        "title words are not entities"
    );
}

#[test]
fn known_entities_from_earlier_documents_resolve_a_surname() {
    // A one-sentence document naming only `Putin`.
    let json = serde_json::json!({"id": "tiny", "text": "Putin met Abe.", "tokens": [
        {"i":0,"idx":0,"text":"Putin","ws":" ","tag":"NNP","pos":"PROPN","morph":"","lemma":"Putin","dep":"nsubj","head":1,"sent_start":true,"ent_iob":"B","ent_type":"PERSON"},
        {"i":1,"idx":6,"text":"met","ws":" ","tag":"VBD","pos":"VERB","morph":"","lemma":"meet","dep":"ROOT","head":1,"sent_start":false,"ent_iob":"O","ent_type":""},
        {"i":2,"idx":10,"text":"Abe","ws":"","tag":"NNP","pos":"PROPN","morph":"","lemma":"Abe","dep":"dobj","head":1,"sent_start":false,"ent_iob":"B","ent_type":"PERSON"},
        {"i":3,"idx":13,"text":".","ws":"","tag":".","pos":"PUNCT","morph":"","lemma":".","dep":"punct","head":1,"sent_start":false,"ent_iob":"O","ent_type":""}]});
    let doc = Doc::from_json(&json).expect("doc");
    let t = raw(&doc, 0, "Putin", "meet", false, "Abe");
    let alone = Resolver::new(&onto()).resolve(&doc, std::slice::from_ref(&t), &DocMeta::default());
    assert!(alone.entities.iter().any(|e| e.key == "putin"));
    let known = vec![KnownEntity {
        key: "vladimir_putin".into(),
        label: "Vladimir Putin".into(),
        aliases: vec![],
        class: "Person".into(),
    }];
    let g = Resolver::new(&onto())
        .with_known(known)
        .resolve(&doc, &[t], &DocMeta::default());
    let putin = g
        .entities
        .iter()
        .find(|e| e.key == "vladimir_putin")
        .expect("joined the known entity");
    assert_eq!(putin.label, "Vladimir Putin");
    assert_eq!(putin.class, "Person");
    assert!(
        g.entities.iter().any(|e| e.key == "abe"),
        "no known Abe: stays its own entity"
    );
}

#[test]
fn titles_become_role_facts_and_role_descriptions_resolve_to_their_holder() {
    let (_, f) = resolve_seed(0, &[]);
    assert!(
        has(&f, "Shinzo Abe", "headOfGovernmentOf", "Japan"),
        "{f:?}"
    );
    assert!(
        has(&f, "Vladimir Putin", "headOfStateOf", "Russia"),
        "{f:?}"
    );
    // `Foreign Minister Sergei Lavrov` has no country; `Russia's foreign minister` elsewhere gives it.
    assert!(
        has(&f, "Sergei Lavrov", "foreignMinisterOf", "Russia"),
        "{f:?}"
    );
    let docs = seed_docs();
    let d0 = &docs[0];
    // `the Russian leader` is Putin; `his foreign minister father` is not Lavrov.
    let (_, f) = resolve_seed(
        0,
        &[
            raw(d0, 9, "leader", "arrive", false, "hours"),
            raw(d0, 10, "legacy", "elude", false, "father"),
        ],
    );
    assert!(has(&f, "Vladimir Putin", "arrive", "hours"), "{f:?}");
    assert!(
        !f.iter()
            .any(|(_, p, o)| p == "elude" && o == "Sergei Lavrov"),
        "{f:?}"
    );
    // Bilateral counterparts: Inada meets Russia's defence minister, so is Japan's.
    let (_, f) = resolve_seed(1, &[]);
    assert!(
        has(&f, "Tomomi Inada", "defenseMinisterOf", "Japan"),
        "{f:?}"
    );
    assert!(
        has(&f, "Sergei Shoigu", "defenseMinisterOf", "Russia"),
        "{f:?}"
    );
    assert!(
        !has(&f, "Tomomi Inada", "defenseMinisterOf", "Russia"),
        "{f:?}"
    );
}

#[test]
fn demonyms_resolve_to_countries_but_other_groups_do_not() {
    let docs = seed_docs();
    let d0 = &docs[0];
    let (g, f) = resolve_seed(
        0,
        &[
            raw(d0, 6, "islands", "seize by", true, "forces"),
            raw(d0, 3, "sanctions", "be from", false, "Western"),
        ],
    );
    assert!(
        has(&f, "Soviet Union", "seized", "Northern Territories"),
        "{f:?}"
    );
    // `Western` is the adjective of the Western world, a region of the gazetteer, never a country.
    let western = g
        .entities
        .iter()
        .find(|e| e.label == "Western" || e.aliases.iter().any(|a| a == "Western"))
        .expect("Western");
    assert_eq!(western.class, "Region", "{western:?}");
    assert!(
        g.entities
            .iter()
            .any(|e| e.key == "russia" && e.aliases.contains(&"Russian".to_string()))
    );
}

#[test]
fn aliases_stated_in_the_text_name_the_described_entity() {
    let (g, _) = resolve_seed(0, &[]);
    let group = g
        .entities
        .iter()
        .find(|e| e.label == "Northern Territories")
        .expect("the islands are named");
    assert_eq!(group.class, "IslandGroup");
    assert!(
        group.aliases.contains(&"Southern Kuriles".to_string()),
        "{:?}",
        group.aliases
    );
    assert!(
        group.aliases.contains(&"disputed islands".to_string()),
        "{:?}",
        group.aliases
    );
    // `a formula called "two-plus-alpha"` names nothing that is an entity.
    assert!(
        !g.entities
            .iter()
            .any(|e| e.aliases.iter().any(|a| a.contains("alpha")))
    );
}

#[test]
fn definite_descriptions_corefer_but_subsets_do_not() {
    let docs = seed_docs();
    let d0 = &docs[0];
    let (_, f) = resolve_seed(
        0,
        &[
            raw(d0, 12, "isles", "have", false, "value"),
            raw(d0, 17, "sides", "float", false, "idea"),
            raw(d0, 16, "Union", "hand over", false, "islands"),
        ],
    );
    assert!(has(&f, "Northern Territories", "have", "value"), "{f:?}");
    assert!(has(&f, "Soviet Union", "hand over", "islands"), "{f:?}");
    assert!(
        !has(&f, "Soviet Union", "hand over", "Northern Territories"),
        "{f:?}"
    );
}

#[test]
fn pronouns_resolve_where_the_antecedent_is_clear_and_are_dropped_otherwise() {
    let docs = seed_docs();
    let (d0, d1) = (&docs[0], &docs[1]);
    let (_, f) = resolve_seed(
        0,
        &[
            raw(d0, 14, "he", "say", false, "regard"),
            raw(d0, 1, "row", "keep", false, "them"),
            raw(d0, 14, "We", "think", false, "colleagues"),
        ],
    );
    assert!(
        has(&f, "Sergei Lavrov", "said", "regard"),
        "`he` after `Lavrov said`: {f:?}"
    );
    assert!(
        has(&f, "row", "keep", "Japan") && has(&f, "row", "keep", "Russia"),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|(_, p, _)| p == "think"),
        "`we` has no antecedent: dropped: {f:?}"
    );
    // `its` before its clause's subject (`In its latest act ..., North Korea launched`); an expletive `it`
    // after a person subject and a coordinated one has no clear antecedent.
    let (_, f) = resolve_seed(
        1,
        &[
            raw(d1, 5, "its", "have", false, "act"),
            raw(d1, 2, "it", "be", false, "significant"),
        ],
    );
    assert!(has(&f, "North Korea", "have", "act"), "{f:?}");
    assert!(!f.iter().any(|(_, p, _)| p == "be"), "{f:?}");
    for (s, _, o) in &f {
        assert!(
            !["it", "its", "they", "them", "we", "he"].contains(&s.to_lowercase().as_str())
                && o.to_lowercase() != "it"
        );
    }
}

#[test]
fn reciprocal_coordinations_meet_but_other_coordinations_do_not() {
    let docs = seed_docs();
    let (d0, d1) = (&docs[0], &docs[1]);
    let (_, f) = resolve_seed(0, &[raw(d0, 2, "Abe", "hold", false, "talks")]);
    assert!(has(&f, "Shinzo Abe", "met", "Vladimir Putin"), "{f:?}");
    let (_, f) = resolve_seed(1, &[raw(d1, 6, "Japan", "impose on", false, "Moscow")]);
    assert!(!f.iter().any(|(_, p, _)| p == "met"), "{f:?}");
}

#[test]
fn memberships_fire_after_names_and_groups_only() {
    let (_, f) = resolve_seed(1, &[]);
    assert!(has(&f, "Etorofu", "partOf", "disputed islands"), "{f:?}");
    assert!(has(&f, "Kunashiri", "partOf", "disputed islands"), "{f:?}");
    // `The other two are Shikotan and the Habomai islet group`, right after `the four islands`.
    assert!(has(&f, "Shikotan", "partOf", "disputed islands"), "{f:?}");
    assert!(has(&f, "Habomai", "partOf", "disputed islands"), "{f:?}");
    assert!(
        !f.iter().any(|(s, p, _)| p == "partOf" && s.contains("two")),
        "{f:?}"
    );
    // `the two smaller islands` follows no name: no membership in the first seed.
    let (_, f) = resolve_seed(0, &[]);
    assert!(!f.iter().any(|(_, p, _)| p == "partOf"), "{f:?}");
}

#[test]
fn confidence_rises_with_repeated_evidence_and_min_confidence_filters() {
    let docs = seed_docs();
    let d0 = &docs[0];
    let once = resolve_seed(0, &[raw(d0, 2, "isles", "control by", true, "Russia")]).0;
    let twice = resolve_seed(
        0,
        &[
            raw(d0, 2, "isles", "control by", true, "Russia"),
            raw(d0, 12, "Russia", "control", false, "isles"),
        ],
    )
    .0;
    let c = |g: &DocumentGraph| {
        g.facts
            .iter()
            .find(|f| f.predicate == Predicate::Ontology("controls".into()))
            .map(|f| f.confidence)
            .expect("fact")
    };
    assert!(c(&twice) > c(&once), "{} vs {}", c(&twice), c(&once));
    assert!((kg::resolve::combine_confidence([0.5, 0.5]) - 0.75).abs() < 1e-6);
    let mut g = twice;
    let before = g.facts.len();
    kg::resolve::retain_confident(&mut g, 0.99);
    assert!(g.facts.len() < before);
    assert!(g.facts.iter().all(|f| f.confidence >= 0.99));
}

#[test]
fn keys_are_stable_and_description_keys_are_scoped_to_their_document() {
    let (a, _) = resolve_seed(0, &[]);
    let (b, _) = resolve_seed(0, &[]);
    assert_eq!(a.entities, b.entities);
    let (g0, g1) = (seed_rows().0.remove(0), resolve_seed(1, &[]).0);
    let scoped = |g: &DocumentGraph| {
        g.entities
            .iter()
            .filter(|e| e.key.contains("__"))
            .map(|e| e.key.clone())
            .collect::<Vec<_>>()
    };
    assert!(scoped(&g0).iter().all(|k| !scoped(&g1).contains(k)));
    assert!(
        g1.entities.iter().any(|e| e.key == "russia"),
        "named keys are global"
    );
}

#[test]
fn rdf_inference_skips_literals_and_unread_properties() {
    use oxigraph::model::{Literal, NamedNode, Triple};
    let onto = onto();
    let n = |s: &str| NamedNode::new(s).expect("iri");
    let asserted = vec![
        Triple::new(
            n("https://e/russia"),
            n(&onto.iri("controls")),
            n("https://e/kurils"),
        ),
        Triple::new(
            n("https://e/etorofu"),
            n(&onto.iri("partOf")),
            n("https://e/kurils"),
        ),
        Triple::new(
            n("https://e/etorofu"),
            n("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal::new_simple_literal("Etorofu"),
        ),
    ];
    let inferred = onto.infer_rdf(&asserted);
    let controls = Triple::new(
        n("https://e/russia"),
        n(&onto.iri("controls")),
        n("https://e/etorofu"),
    );
    let d = inferred
        .iter()
        .find(|i| i.triple == controls)
        .expect("controls Etorofu");
    assert_eq!(d.premises.len(), 2);
    assert!(
        inferred
            .iter()
            .all(|i| !i.triple.predicate.as_str().contains("rdf-schema"))
    );
}

#[test]
fn prepositional_completions_and_nominal_locatives() {
    let docs = seed_docs();
    let d1 = &docs[1];
    let mut deploy = raw(d1, 14, "Shoigu", "deploy", false, "division");
    deploy.qualifiers.push(kg::extract::Qualifier {
        kind: kg::extract::QualifierKind::Other,
        preposition: Some("to".into()),
        value: arg(d1, tok(d1, 14, "islands")),
    });
    let mut launch = raw(d1, 5, "Korea", "launch", false, "missiles");
    launch.qualifiers.push(kg::extract::Qualifier {
        kind: kg::extract::QualifierKind::Place,
        preposition: Some("toward".into()),
        value: arg(d1, tok(d1, 5, "Japan")),
    });
    let (_, f) = resolve_seed(1, &[deploy, launch]);
    assert!(
        has(
            &f,
            "Russian military division",
            "deployedTo",
            "disputed islands"
        ),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|(_, p, o)| p == "deployedTo" && o == "Japan"),
        "{f:?}"
    );
    assert!(
        has(&f, "Crimean Peninsula", "locatedIn", "Ukraine"),
        "{f:?}"
    );
    assert!(has(&f, "disputed islands", "near", "Hokkaido"), "{f:?}");
    // `the U.S. presence in Asia`: a presence is not a place.
    let (_, f) = resolve_seed(0, &[]);
    assert!(
        !f.iter()
            .any(|(s, p, _)| p == "locatedIn" && s.contains("presence")),
        "{f:?}"
    );
}

#[test]
fn literal_labels_keep_the_extractors_words_and_inner_possessives() {
    let (_, rows) = seed_rows();
    let row = |s: &str, p: &str, o: &str| rows.iter().any(|r| r.0 == s && r.1 == p && r.2 == o);
    // Regression: `North Korea's growing threat and China's ...` gave `North Korea has North Korea growing
    // threat`: the literal was relabelled from the whole subtree, owner included.
    assert!(row("North Korea", "have", "growing threat"), "{rows:#?}");
    // Regression: `in Abe's home constituency` lost its possessive (`Abe home constituency`).
    assert!(
        rows.iter()
            .any(|r| r.0 == "Nagato" && r.2.starts_with("Abe's home constituency")),
        "{rows:#?}"
    );
}

#[test]
fn the_two_and_they_refer_to_the_pair_named_before() {
    let (graphs, _) = seed_rows();
    let g = &graphs[0];
    let met_in = |start: &str| {
        g.facts.iter().any(|f| {
            predicate_name(&f.predicate) == "met"
                && g.sentences[f.sentence].text.trim_start().starts_with(start)
                && node_label(g, &f.subject).contains("Abe")
                && node_label(g, &f.object).contains("Putin")
        })
    };
    // `The two met at a mountainside inn`, five sentences after `Abe and Putin held talks`.
    assert!(met_in("The two met"));
    // `They will meet again in Tokyo on Friday`: planned, so kept as possible, not asserted.
    let planned = g.facts.iter().find(|f| {
        predicate_name(&f.predicate) == "met"
            && g.sentences[f.sentence]
                .text
                .trim_start()
                .starts_with("They will meet")
    });
    assert_eq!(planned.map(|f| f.modality.as_str()), Some("possible"));
}

#[test]
fn typed_properties_never_take_a_plain_phrase() {
    // Regression: `Nagato is in Abe's home constituency` (a phrase, no entity) became `located in`, whose
    // range is a Place.
    let onto = onto();
    let (graphs, _) = seed_rows();
    for g in &graphs {
        for f in &g.facts {
            if let (Predicate::Ontology(p), Node::Literal(o)) = (&f.predicate, &f.object) {
                let range = onto.property(p).and_then(|p| p.range.clone());
                assert!(
                    range.is_none_or(|r| r.ends_with("#Entity")),
                    "{p} with the phrase {o:?}"
                );
            }
        }
    }
}
