//! Relations in sports reports: a club's or a national team's players, the side a country's name stands for,
//! club names NER left untagged, and a player word added by an extension file.

use super::relations_classes::{facts, graph, graph_facts, has};
use kg::ingest::Document;
use kg::ontology::Ontology;
use kg::pipeline::Pipeline;

#[test]
fn a_club_naming_a_person_bare_in_a_sports_report_is_the_persons_team() {
    // Three sports words make a sports report; there a club's possessive before a bare name is its player.
    let report = "The striker and the goalkeeper impressed the coach this season. Bayern Munich's Thomas \
                  Berger scored twice in the second half.";
    let fs = facts(report);
    assert!(
        has(&fs, "Thomas Berger", "playsFor", "Bayern Munich"),
        "{fs:?}"
    );
    // Not in other news, and not with a role that is no player's.
    let fs = facts("Bayern Munich's Thomas Berger opened a bakery in the old town on Monday.");
    assert!(
        !has(&fs, "Thomas Berger", "playsFor", "Bayern Munich"),
        "{fs:?}"
    );
    let fs = facts(
        "The striker and the goalkeeper impressed the fans this season. Bayern Munich's coach Thomas \
         Berger praised them after the match.",
    );
    assert!(
        !has(&fs, "Thomas Berger", "playsFor", "Bayern Munich"),
        "{fs:?}"
    );
}

#[test]
fn a_club_name_ner_left_untagged_in_a_sports_report_is_the_club() {
    // The tagger reads `Dortmund` and `Schalke` before a player's title as common nouns.
    let report = "Dortmund beat Hamburg 3-1 in the league on Saturday. Dortmund striker Lars Vik scored \
                  twice in the first half. Schalke keeper Ole Dahl made a late save in the other match, \
                  and the coach praised the team after the win.";
    let fs = facts(report);
    assert!(
        has(&fs, "Lars Vik", "playsFor", "Borussia Dortmund"),
        "{fs:?}"
    );
    assert!(has(&fs, "Ole Dahl", "playsFor", "Schalke 04"), "{fs:?}");
    // Outside a sports report the town stays a town.
    let g = graph("Dortmund officials approved the budget on Monday.");
    assert!(
        g.entities.iter().all(|e| e.label != "Borussia Dortmund"),
        "{:?}",
        g.entities
    );
}

#[test]
fn a_country_a_sports_report_names_as_a_side_is_its_national_team() {
    // Beating someone in a sports report: the national team, wherever the report names the country as a
    // side; its players are its citizens; where something happens in the country, it stays the country.
    let report = "Norway defeated Sweden in the final of the tournament. Norway midfielder Ola Brekke \
                  scored the winning goal, and the goalkeeper saved a late header. A woman in the crowd \
                  fainted. Fans celebrated across Norway until dawn.";
    let fs = facts(report);
    assert!(
        has(
            &fs,
            "Norway national team",
            "defeat",
            "Sweden national team"
        ),
        "{fs:?}"
    );
    assert!(
        has(&fs, "Ola Brekke", "playsFor", "Norway national team"),
        "{fs:?}"
    );
    assert!(
        has(&fs, "Norway national team", "country", "Norway"),
        "{fs:?}"
    );
    assert!(has(&fs, "Ola Brekke", "citizenOf", "Norway"), "{fs:?}");
    // The owner of a match's win is a side too.
    let fs = facts(
        "Sweden's win in the final was deserved. The striker and the goalkeeper of the home side \
         impressed the coach. Fans cheered in Sweden all night.",
    );
    assert!(
        has(&fs, "Sweden national team", "country", "Sweden"),
        "{fs:?}"
    );
    // A report on women's football names the women's team.
    let fs = facts(&report.replace("the tournament", "the women's tournament"));
    assert!(
        has(&fs, "Norway women's national team", "country", "Norway"),
        "{fs:?}"
    );
    // Outside sports reports the countries are countries.
    let fs = facts("Norway beat Sweden in the race for the new pipeline contract on Monday.");
    assert!(has(&fs, "Norway", "beat", "Sweden"), "{fs:?}");
    // A sports report that names a country only as a place has no national team.
    let fs = facts(
        "The new league season starts in Norway on Sunday. The striker and the goalkeeper of the home \
         side both trained in Norway this week.",
    );
    assert!(
        !fs.iter()
            .any(|(s, _, o)| s.contains("national team") || o.contains("national team")),
        "{fs:?}"
    );
}

/// Regression: of `scored against Italy and France`, only Italy was a side; the second conjunct stayed the
/// country.
#[test]
fn every_country_of_a_coordination_naming_sides_is_a_national_team() {
    let report = "The striker and the goalkeeper impressed the coach this season. Ola Brekke scored \
                  against Italy and France in the qualifiers. Fans in Portugal and Spain watched.";
    let g = graph(report);
    let labels: Vec<&str> = g.entities.iter().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Italy national team"), "{labels:?}");
    assert!(labels.contains(&"France national team"), "{labels:?}");
    // Where something happens in the countries, each stays a country.
    assert!(
        !labels
            .iter()
            .any(|l| l.starts_with("Portugal n") || l.starts_with("Spain n")),
        "{labels:?}"
    );
}

#[test]
fn staff_of_an_organisation_of_a_country_are_its_citizens_but_players_are_not() {
    let fs = facts(
        "Chinese Ministry of Commerce spokesman Shen Danyang said China would respond to the tariffs.",
    );
    assert!(has(&fs, "Shen Danyang", "citizenOf", "China"), "{fs:?}");
    let fs = facts(
        "German club Bayern Munich signed striker Luca Moretti, and Bayern Munich striker Luca Moretti \
         said Germany was his second home.",
    );
    assert!(!has(&fs, "Luca Moretti", "citizenOf", "Germany"), "{fs:?}");
}

/// The facts of `text` read with the built-in ontology and an extension file `turtle`.
fn facts_with_extension(text: &str, turtle: &str) -> Vec<(String, String, String)> {
    let onto = Ontology::with_extensions(&[("extension.ttl".to_string(), turtle.to_string())])
        .expect("extension loads");
    let pipeline = Pipeline::with_ontology(None, onto).expect("pipeline");
    graph_facts(&pipeline.process(&Document::from_text("test.txt", text.to_string())))
}

#[test]
fn an_extension_file_adds_a_player_word_without_recompiling() {
    let text = "The Toronto Maple Leafs netminder Erik Lindqvist stopped 40 shots on Tuesday.";
    let (team, player) = ("Toronto Maple Leafs", "Erik Lindqvist");
    // Without the word the title makes him a member of the team, not one of its players.
    let fs = facts(text);
    assert!(has(&fs, player, "memberOf", team), "{fs:?}");
    assert!(!has(&fs, player, "playsFor", team), "{fs:?}");
    let extension = "@prefix kg: <https://kg.example.org/ontology#> .\n\
                     kg:playerWords a kg:WordList ; kg:word \"netminder\" .\n";
    let fs = facts_with_extension(text, extension);
    assert!(has(&fs, player, "playsFor", team), "{fs:?}");
}
