//! The built-in ontology and its rule engine: every property documented, Wikidata alignments in Wikidata's
//! direction, declared inverses, the places list, Turtle errors, extension files, and inference to a fixpoint.

use kg::ontology::{IriTriple, Ontology, OntologyError};

pub(crate) fn onto() -> Ontology {
    Ontology::builtin().expect("built-in ontology loads")
}

/// Wikidata properties with the classes of their subject and object, as Wikidata states them.
const WIKIDATA: &[(&str, &str, &str)] = &[
    ("P27", "Person", "Country"),
    ("P39", "Person", "Position"),
    ("P35", "Country", "Person"),
    ("P6", "Country", "Person"),
    ("P102", "Person", "Organization"),
    ("P463", "Agent", "Organization"),
    ("P108", "Person", "Agent"),
    ("P54", "Person", "Organization"),
    ("P159", "Organization", "Place"),
    ("P17", "Entity", "Country"),
    ("P131", "Entity", "Place"),
    ("P1001", "Organization", "Place"),
    ("P488", "Agent", "Person"),
    ("P26", "Person", "Person"),
    ("P112", "Organization", "Agent"),
    ("P1336", "LandArea", "Agent"),
    ("P1830", "Agent", "Entity"),
];

/// Whether class `a` and `b` can share members (one is a subclass of the other).
fn compatible(onto: &Ontology, a: &str, b: &str) -> bool {
    onto.is_subclass_of(a, b) || onto.is_subclass_of(b, a)
}

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
fn every_wikidata_alignment_runs_in_wikidatas_direction() {
    let onto = Ontology::builtin().expect("ontology");
    let mut checked = Vec::new();
    for p in onto.properties() {
        for a in &p.alignments {
            let Some(pid) = a.rsplit('/').next().filter(|x| x.starts_with('P')) else {
                continue;
            };
            let Some(&(_, subject, object)) = WIKIDATA.iter().find(|w| w.0 == pid) else {
                continue;
            };
            let domain = p.domain.as_deref().map(kg::ontology::local_name);
            let range = p.range.as_deref().map(kg::ontology::local_name);
            let (Some(domain), Some(range)) = (domain, range) else {
                panic!("{} is aligned to {pid} without a domain and range", p.local);
            };
            // A person's office is kept with its jurisdiction (`minister of Japan`): P39 with P1001.
            let object_ok = compatible(&onto, &range, object)
                || pid == "P39" && compatible(&onto, &range, "Agent");
            assert!(
                compatible(&onto, &domain, subject) && object_ok,
                "{} ({domain} -> {range}) runs against {pid} ({subject} -> {object})",
                p.local
            );
            checked.push(pid);
        }
    }
    for pid in [
        "P27", "P39", "P35", "P6", "P102", "P463", "P108", "P54", "P159", "P17", "P131", "P1001",
    ] {
        assert!(checked.contains(&pid), "no property is aligned to {pid}");
    }
}

#[test]
fn inverse_properties_are_declared_not_conflated() {
    let onto = Ontology::builtin().expect("ontology");
    for (p, q) in [
        ("headOfGovernmentOf", "headOfGovernment"),
        ("headOfStateOf", "headOfState"),
        ("leaderOf", "chairperson"),
        ("foundedBy", "founded"),
    ] {
        let prop = onto.property(p).expect(p);
        assert!(
            prop.inverse_of
                .iter()
                .any(|i| i.ends_with(&format!("#{q}"))),
            "{p} is not declared the inverse of {q}"
        );
        // Only one side carries the Wikidata property; the other reaches it through owl:inverseOf.
        let aligned = |x: &str| !onto.property(x).expect(x).alignments.is_empty();
        assert!(
            aligned(p) != aligned(q),
            "{p} and {q}: exactly one is aligned"
        );
    }
}

#[test]
fn the_places_list_puts_cities_in_their_countries() {
    let onto = Ontology::builtin().expect("ontology");
    let country = |name: &str| {
        onto.places()
            .iter()
            .find(|p| p.names.iter().any(|n| n == name))
            .map(|p| p.country_code.clone())
    };
    assert_eq!(country("Munich").as_deref(), Some("DE"));
    assert_eq!(country("Osaka").as_deref(), Some("JP"));
    assert_eq!(country("Atlantis"), None);
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
