//! Places, world regions, clubs and national teams in entity resolution: continents' and regions' other names,
//! a place standing for an organisation, and in sports reports the club or side a town's or country's name is.

use super::resolve_names::{
    doc_with_spans, has_name, key_of, names, resolve_doc, together, with_spans,
};
use kg::extract::Extractor;
use kg::ontology::Ontology;
use kg::resolve::{DocMeta, Resolver};

#[test]
fn the_west_and_its_adjective_are_the_western_world() {
    let g = with_spans(
        "Western governments protested. The West imposed new sanctions.",
        &[("Western", "NORP"), ("West", "LOC")],
    );
    assert!(together(&g, "Western world", "Western"), "{:?}", names(&g));
    assert!(together(&g, "Western world", "West"), "{:?}", names(&g));
    // A person's full name ending in the word is not the region.
    let g = with_spans(
        "Kanye Westerholt released an album.",
        &[("Kanye Westerholt", "PERSON")],
    );
    assert!(!has_name(&g, "Western world"), "{:?}", names(&g));
}

/// Regression: `European` (73 stories of 3,000) and `Calif.` (16), `Mich.` (12) were nodes of their own in
/// business news, apart from Europe and the states.
#[test]
fn a_continents_adjective_and_a_states_abbreviation_are_the_continent_and_the_state() {
    let g = with_spans(
        "European buyers returned. Intel Corp of Santa Clara, Calif., said California sales rose.",
        &[
            ("European", "NORP"),
            ("Intel Corp", "ORG"),
            ("Santa Clara", "GPE"),
            ("Calif.", "GPE"),
            ("California", "GPE"),
        ],
    );
    assert_eq!(key_of(&g, "European"), "europe", "{:?}", names(&g));
    assert!(together(&g, "Calif.", "California"), "{:?}", names(&g));
    // A courtesy title is no state (`Miss.` is left out), and an adjective of no continent stays itself.
    let g = with_spans(
        "Miss. Lane met Atlantic buyers.",
        &[("Lane", "PERSON"), ("Atlantic", "NORP")],
    );
    assert!(
        !has_name(&g, "Mississippi") && !has_name(&g, "Europe"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_world_regions_other_names_and_adjective_are_the_region() {
    let g = with_spans(
        "Northern Africa has had no rain. North African farmers left for Europe.",
        &[
            ("Northern Africa", "LOC"),
            ("North African", "NORP"),
            ("Europe", "LOC"),
        ],
    );
    assert!(
        together(&g, "North Africa", "Northern Africa"),
        "{:?}",
        names(&g)
    );
    assert!(
        together(&g, "North Africa", "North African"),
        "{:?}",
        names(&g)
    );
    // A compass word is no alias: southern Africa is not the country South Africa.
    let g = with_spans(
        "Southern Africa has had no rain. South Africa sent food.",
        &[("Southern Africa", "LOC"), ("South Africa", "GPE")],
    );
    assert!(
        !together(&g, "Southern Africa", "South Africa"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_place_name_standing_for_an_organisation_the_story_names_is_it_except_where_things_happen() {
    let g = with_spans(
        "The EU ministers met on Monday. Europe must act now, the chair said. Migrants keep arriving in Europe.",
        &[("EU", "ORG"), ("Europe", "LOC")],
    );
    // `Europe must act` is the EU's; `arriving in Europe` is the continent.
    assert!(together(&g, "European Union", "Europe"), "{:?}", names(&g));
    let continent = g
        .entities
        .iter()
        .find(|e| e.key == "europe")
        .unwrap_or_else(|| panic!("no continent in {:?}", names(&g)));
    assert_eq!(continent.mentions.len(), 1, "{:?}", names(&g));
    // A story that never names the EU keeps Europe the continent.
    let g = with_spans("Europe must act now, the chair said.", &[("Europe", "LOC")]);
    assert!(!has_name(&g, "European Union"), "{:?}", names(&g));
    assert!(has_name(&g, "Europe"), "{:?}", names(&g));
}

#[test]
fn a_place_ner_once_called_a_person_stays_a_place() {
    let text =
        "Shelling hit Aleppo again. Aleppo residents fled north. Families left Aleppo overnight.";
    let class_of_aleppo = |people: &[usize]| {
        let mut doc = doc_with_spans(text, &[("Aleppo", "GPE")]);
        for &i in people {
            doc.ents[i].label = "PERSON".into();
        }
        let g = resolve_doc(&doc);
        g.entities
            .iter()
            .find(|e| e.label == "Aleppo")
            .map(|e| e.class.clone())
            .unwrap_or_default()
    };
    assert_ne!(class_of_aleppo(&[1]), "Person");
    // Even named a person by most of its mentions: no person's full name holds it (see
    // `a_city_ner_called_a_person_stays_a_city_unless_a_persons_full_name_holds_it`).
    assert_ne!(class_of_aleppo(&[0, 1]), "Person");
}

/// Regression: `St Petersburg` had a key of its own beside the places list's `Saint Petersburg` (the
/// list's names must open as its first name does, and `St` did not read as `Saint`).
#[test]
fn a_place_written_with_st_is_the_place_the_list_names_with_saint() {
    let g = with_spans(
        "Talks were held in St Petersburg on Monday.",
        &[("St Petersburg", "GPE")],
    );
    assert_eq!(key_of(&g, "St Petersburg"), "saint_petersburg");
}

#[test]
fn an_extension_file_adds_an_abbreviation_of_a_places_first_word() {
    // A place whose list gives it a name with the abbreviation: without the abbreviation that name does
    // not begin as the place's first name does, and stays a name of its own.
    let place = "@prefix kg: <https://kg.example.org/ontology#> .\n\
                 @prefix kge: <https://kg.example.org/entity/> .\n\
                 kge:place_port_alder kg:placeName \"Port Alder\", \"Pt Alder\" ; \
                 kg:placeKind \"city\" ; kg:countryCode \"GB\" .\n";
    let abbreviation = "@prefix kg: <https://kg.example.org/ontology#> .\n\
                        kg:placeNameAbbreviations a kg:WordList ; kg:word \"pt port\" .\n";
    let doc = doc_with_spans(
        "The tanker docked in Pt Alder on Monday.",
        &[("Pt Alder", "GPE")],
    );
    let key = |extensions: &[&str]| {
        let extensions: Vec<(String, String)> = extensions
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("extra{i}.ttl"), t.to_string()))
            .collect();
        let onto = Ontology::with_extensions(&extensions).expect("extension loads");
        let triples = Extractor::new().extract(&doc);
        let g = Resolver::new(&onto).resolve(&doc, &triples, &DocMeta::default());
        key_of(&g, "Pt Alder")
    };
    assert_eq!(key(&[place, abbreviation]), "port_alder");
    assert_ne!(key(&[place]), "port_alder");
}

#[test]
fn a_clubs_nickname_is_the_club_but_its_city_is_not() {
    let g = with_spans(
        "Gladbach beat Hertha on Saturday. Borussia Mönchengladbach now lead the table, said a fan in Mönchengladbach.",
        &[
            ("Gladbach", "ORG"),
            ("Hertha", "ORG"),
            ("Borussia Mönchengladbach", "ORG"),
            ("Mönchengladbach", "GPE"),
        ],
    );
    assert!(
        together(&g, "Borussia Mönchengladbach", "Gladbach"),
        "{:?}",
        names(&g)
    );
    assert!(
        !together(&g, "Borussia Mönchengladbach", "Mönchengladbach"),
        "{:?}",
        names(&g)
    );
}

#[test]
fn a_town_is_its_club_in_a_sports_report_but_not_where_something_happens() {
    // Three sports words make a sports report: `Dortmund` beating someone is the club (the gazetteer's
    // `kg:sportsName`), the `Dortmund` fans celebrate in is the town.
    let g = with_spans(
        "Dortmund beat Hannover 2-0 on Saturday. Their striker scored twice before halftime and the \
         goalkeeper saved a late shot. Fans celebrated in Dortmund until midnight.",
        &[("Dortmund", "GPE"), ("Hannover", "GPE")],
    );
    assert!(
        together(&g, "Borussia Dortmund", "Dortmund"),
        "{:?}",
        names(&g)
    );
    assert!(
        names(&g).iter().any(|n| n == &["Dortmund".to_string()]),
        "the town stays: {:?}",
        names(&g)
    );
    // Outside sports reports the name is the town's alone.
    let g = with_spans(
        "Dortmund approved a new budget on Monday. The council met in Dortmund for six hours.",
        &[("Dortmund", "GPE")],
    );
    assert!(!has_name(&g, "Borussia Dortmund"), "{:?}", names(&g));
}

/// Regression: BBC's football reports made nodes of `Arsenal` (42 stories), `Chelsea` (68), `Everton` (23,
/// a person for NER), the city `Liverpool` (23), `Spurs` and `Tottenham` apart from `Tottenham Hotspur`.
#[test]
fn english_clubs_are_the_gazetteers_and_their_towns_are_the_clubs_in_sports_reports() {
    let g = with_spans(
        "Liverpool beat Everton 2-1 on Saturday while Arsenal drew with Chelsea. Their striker scored twice before halftime and the goalkeeper saved a late shot. Spurs lost to Tottenham Hotspur's old rivals.",
        &[
            ("Liverpool", "GPE"),
            ("Everton", "PERSON"),
            ("Arsenal", "ORG"),
            ("Chelsea", "ORG"),
            ("Spurs", "ORG"),
            ("Tottenham Hotspur", "ORG"),
        ],
    );
    assert_eq!(key_of(&g, "Liverpool"), "liverpool_fc");
    assert_eq!(key_of(&g, "Everton"), "everton_fc");
    assert_eq!(key_of(&g, "Arsenal"), "arsenal_fc");
    assert_eq!(key_of(&g, "Chelsea"), "chelsea_fc");
    assert!(
        together(&g, "Spurs", "Tottenham Hotspur"),
        "{:?}",
        names(&g)
    );
    // Outside sports reports Liverpool is the city.
    let g = with_spans(
        "Liverpool approved a new budget on Monday. The council met for six hours.",
        &[("Liverpool", "GPE")],
    );
    assert_ne!(key_of(&g, "Liverpool"), "liverpool_fc");
    // A firm that shares a club's name, written with its legal form, is the firm.
    let g = with_spans(
        "Arsenal Holdings Inc said profits rose in Denver.",
        &[("Arsenal Holdings Inc", "ORG"), ("Denver", "GPE")],
    );
    assert_ne!(key_of(&g, "Arsenal Holdings Inc"), "arsenal_fc");
    // The borough is no list of a place and the club.
    let g = with_spans(
        "She was the MP for Kensington and Chelsea until May.",
        &[("Kensington", "GPE"), ("Chelsea", "GPE")],
    );
    assert_eq!(
        key_of(&g, "Kensington and Chelsea"),
        "kensington_and_chelsea"
    );
}

/// Regression: `Hamburg's 2-1 loss to Hanover` and `a 3-3 draw at Hoffenheim` were the towns in match
/// reports (a locative preposition kept the town), and `Hanover` then went to the Hanover Fair.
#[test]
fn a_town_after_a_match_noun_or_a_players_name_is_its_club_but_not_after_a_place_noun() {
    let g = with_spans(
        "Bremen's 2-1 loss to Hannover after a 3-3 draw at Hoffenheim ended their season. Their striker scored once and the goalkeeper \
         saved a late penalty. Keeper Lars Olsen from Dortmund was praised. The team travelled to Mainz on \
         Friday. Prosecutors in the city of Bochum opened a case.",
        &[
            ("Bremen", "ORG"),
            ("Hannover", "GPE"),
            ("Hoffenheim", "GPE"),
            ("Lars Olsen", "PERSON"),
            ("Dortmund", "GPE"),
            ("Mainz", "GPE"),
            ("Bochum", "GPE"),
        ],
    );
    assert!(together(&g, "Hannover 96", "Hannover"), "{:?}", names(&g));
    assert!(
        together(&g, "TSG 1899 Hoffenheim", "Hoffenheim"),
        "{:?}",
        names(&g)
    );
    assert!(
        together(&g, "Borussia Dortmund", "Dortmund"),
        "{:?}",
        names(&g)
    );
    // A verb's trip and a place noun's `of` keep the towns.
    assert!(!has_name(&g, "1. FSV Mainz 05"), "{:?}", names(&g));
    assert!(!has_name(&g, "VfL Bochum"), "{:?}", names(&g));
    assert!(has_name(&g, "Bochum"), "{:?}", names(&g));
}

#[test]
fn a_country_after_a_match_preposition_in_a_sports_report_is_a_side() {
    // The object of `over` after a win, of `for` after playing: sides. `to` after flying is a trip.
    let g = with_spans(
        "Striker Mika Aalto scored twice in the 3-1 win over Denmark. Aalto, who has been playing for \
         Iceland since 2019, thanked the coach. The squad flew to Estonia on Monday, and the goalkeeper \
         saved a late header in training. Former Iceland Prime Minister Eva Dahl watched.",
        &[
            ("Mika Aalto", "PERSON"),
            ("Aalto", "PERSON"),
            ("Eva Dahl", "PERSON"),
            ("Denmark", "GPE"),
            ("Iceland", "GPE"),
            ("Estonia", "GPE"),
        ],
    );
    assert!(has_name(&g, "Denmark national team"), "{:?}", names(&g));
    assert!(has_name(&g, "Iceland national team"), "{:?}", names(&g));
    // Before an office's title the country is the state, side or no side.
    assert!(has_name(&g, "Iceland"), "{:?}", names(&g));
    assert!(has_name(&g, "Estonia"), "{:?}", names(&g));
    assert!(!has_name(&g, "Estonia national team"), "{:?}", names(&g));
}

/// A club's nickname (`kg:nickname`) is the club in a report that names the club, and only there; a
/// nickname two clubs of the report go by is neither's.
#[test]
fn a_nickname_is_the_entity_where_the_document_names_it_otherwise() {
    let report = "Borussia Mönchengladbach beat Hertha BSC 2-1 in the league on Saturday. The Foals scored late in the match.";
    let g = with_spans(
        report,
        &[
            ("Borussia Mönchengladbach", "ORG"),
            ("Hertha BSC", "ORG"),
            ("Foals", "ORG"),
        ],
    );
    assert!(
        together(&g, "Borussia Mönchengladbach", "Foals"),
        "{:?}",
        names(&g)
    );
    // Not in a report that does not name the club.
    let g = with_spans(
        "Hertha BSC lost 2-1 in the league on Saturday. The Foals scored late in the match.",
        &[("Hertha BSC", "ORG"), ("Foals", "ORG")],
    );
    assert!(!together(&g, "Hertha BSC", "Foals"), "{:?}", names(&g));
    assert!(
        has_name(&g, "Foals") && !has_name(&g, "Borussia Mönchengladbach"),
        "{:?}",
        names(&g)
    );
    // Regression: BBC's `Blues` (14 reports) and `Reds` (9) were nodes of their own. A nickname two
    // clubs go by (Chelsea's and Everton's `Blues`) is the one club a report names, and neither's in a
    // report naming both.
    let g = with_spans(
        "Chelsea beat Fulham 2-0 at Stamford Bridge. The Blues scored twice after the break.",
        &[("Chelsea", "ORG"), ("Fulham", "ORG"), ("Blues", "ORG")],
    );
    assert!(together(&g, "Chelsea", "Blues"), "{:?}", names(&g));
    let g = with_spans(
        "Chelsea beat Everton 2-0 at Stamford Bridge. The Blues scored twice after the break.",
        &[("Chelsea", "ORG"), ("Everton", "ORG"), ("Blues", "ORG")],
    );
    assert!(
        !together(&g, "Chelsea", "Blues") && !together(&g, "Everton", "Blues"),
        "{:?}",
        names(&g)
    );
    // Regression: a `Blues` NER called a person, joined to Chelsea, made the club a person for the rules
    // reading its players (BBC's `Chelsea winger Arjen Robben` lost his club): the gazetteer's class wins.
    let g = with_spans(
        "Chelsea winger Tomas Lindvall broke his foot in the match. Lindvall has been a key part of the Blues' push for four trophies this season.",
        &[
            ("Chelsea", "ORG"),
            ("Tomas Lindvall", "PERSON"),
            ("Lindvall", "PERSON"),
            ("Blues", "PERSON"),
        ],
    );
    let fs = crate::relations_classes::graph_facts(&g);
    assert!(
        crate::relations_classes::has(&fs, "Tomas Lindvall", "playsFor", "Chelsea FC"),
        "{fs:?}"
    );
    // Nor is the club whom `he` refers to.
    let g = with_spans(
        "Former Chelsea captain Jonas Brekke backed his old club. The Blues have changed since the takeover. \"The club is different now,\" he said.",
        &[
            ("Chelsea", "ORG"),
            ("Jonas Brekke", "PERSON"),
            ("Blues", "PERSON"),
        ],
    );
    let fs = crate::relations_classes::graph_facts(&g);
    assert!(
        !fs.iter().any(|(s, p, _)| s == "Chelsea FC" && p == "said"),
        "{fs:?}"
    );
    // A national team's nickname (`kg:teamNickname`) is the team a report names as a side.
    let g = with_spans(
        "Argentina beat Switzerland 1-0 in the World Cup match on Tuesday, a late goal from their striker deciding the game. The Albiceleste will face Belgium in the next round.",
        &[
            ("Argentina", "GPE"),
            ("Switzerland", "GPE"),
            ("Albiceleste", "ORG"),
            ("Belgium", "GPE"),
        ],
    );
    assert!(
        together(&g, "Argentina national team", "Albiceleste"),
        "{:?}",
        names(&g)
    );
    // Two clubs named that go by one nickname: neither takes it.
    let g = with_spans(
        "Manchester United met 1. FC Kaiserslautern in a friendly match. The Red Devils won the game.",
        &[
            ("Manchester United", "ORG"),
            ("1. FC Kaiserslautern", "ORG"),
            ("Red Devils", "ORG"),
        ],
    );
    assert!(
        !together(&g, "Manchester United", "Red Devils"),
        "{:?}",
        names(&g)
    );
    assert!(
        !together(&g, "1. FC Kaiserslautern", "Red Devils"),
        "{:?}",
        names(&g)
    );
}

/// Regression: a fixture line read as one name (`Werder Bremen Borussia Mönchengladbach`, tagged PERSON)
/// became a person; in a sports report a span made of club names only is one name per club.
#[test]
fn a_span_of_club_names_in_a_sports_report_is_one_name_per_club() {
    let report = "Results of the league matchday on Saturday, with the goals of each match. \
                  Werder Bremen Borussia Mönchengladbach 2-1. Bayern Munich won at home.";
    let g = with_spans(
        report,
        &[
            ("Werder Bremen Borussia Mönchengladbach", "PERSON"),
            ("Bayern Munich", "ORG"),
        ],
    );
    assert!(
        has_name(&g, "Werder Bremen") && has_name(&g, "Borussia Mönchengladbach"),
        "{:?}",
        names(&g)
    );
    assert!(
        !has_name(&g, "Werder Bremen Borussia Mönchengladbach"),
        "{:?}",
        names(&g)
    );
    // A club's own name of known words stays whole (`Bayern` and `Munich` are names too).
    assert!(
        has_name(&g, "Bayern Munich") && !has_name(&g, "Munich"),
        "{:?}",
        names(&g)
    );
}

/// Regression: `Romney won Washington state` was the state but the headline's `Romney wins Washington` the
/// capital; `restaurants in California, Oregon, Texas and Washington` and `the southeastern state of
/// Georgia` were the capital and the country.
#[test]
fn a_name_a_state_shares_is_the_state_where_the_document_makes_it_one() {
    let g = with_spans(
        "Pelham wins Washington\n\nGovernor Ada Pelham won Washington state on Saturday. Voters in \
         Washington turned out early.",
        &[("Washington", "GPE"), ("Ada Pelham", "PERSON")],
    );
    assert_eq!(
        key_of(&g, "Washington"),
        "washington_state",
        "{:?}",
        names(&g)
    );
    let g = with_spans(
        "The bakery chain runs shops in Idaho, Oregon and Washington.",
        &[("Idaho", "GPE"), ("Oregon", "GPE"), ("Washington", "GPE")],
    );
    assert_eq!(
        key_of(&g, "Washington"),
        "washington_state",
        "{:?}",
        names(&g)
    );
    let g = with_spans(
        "The inmate was executed in the state of Georgia. Critics said Georgia was too strict.",
        &[("Georgia", "GPE")],
    );
    assert_eq!(key_of(&g, "Georgia"), "georgia_us_state", "{:?}", names(&g));
    // Elsewhere the name is the better-known entity; a document that names that entity by another of its
    // names keeps the bare name for it.
    let g = with_spans(
        "The minister flew to Washington and then to Georgia and Armenia.",
        &[
            ("Washington", "GPE"),
            ("Georgia", "GPE"),
            ("Armenia", "GPE"),
        ],
    );
    assert_eq!(key_of(&g, "Washington"), "washington", "{:?}", names(&g));
    assert_eq!(key_of(&g, "Georgia"), "georgia", "{:?}", names(&g));
    let g = with_spans(
        "A man was charged in New York.\n\nNew York City police arrested him under New York state law.",
        &[("New York", "GPE"), ("New York City", "GPE")],
    );
    assert_eq!(key_of(&g, "New York"), "new_york_city", "{:?}", names(&g));
}

/// Regression: a town the story is about went to a longer name containing it: in DWIE `the southern
/// Pakistani city of Karachi` was `Karachi University`, `another win in Tel Aviv` the club `Hapoel Tel Aviv`,
/// which NER took for a person. A place the text names as one (`the city of`) stays the place, and so does a
/// place the places list knows that something is in (the object of a locative preposition) beside a longer
/// name NER took for a person; named otherwise it joins as before, and a place's longer name is still the
/// place (`Gaza` of `the Gaza Strip`).
#[test]
fn a_place_the_text_names_as_one_is_no_short_form_of_a_longer_name() {
    let g = with_spans(
        "Thousands of people live in Leeds. The mayor spoke outside Leeds Town Hall.",
        &[("Leeds", "GPE"), ("Leeds Town Hall", "PERSON")],
    );
    assert!(!together(&g, "Leeds", "Leeds Town Hall"), "{:?}", names(&g));
    let g = with_spans(
        "He was arrested in the city of Bramford. A professor at Bramford University spoke.",
        &[("Bramford", "GPE"), ("Bramford University", "ORG")],
    );
    assert!(
        !together(&g, "Bramford", "Bramford University"),
        "{:?}",
        names(&g)
    );
    // A name no list knows as a place is placed only as `the city of`: `a letter to Nakasone`, NER's place.
    let g = with_spans(
        "Reagan sent a letter to Nakasone. Yasuhiro Nakasone replied on Friday.",
        &[("Nakasone", "GPE"), ("Yasuhiro Nakasone", "PERSON")],
    );
    assert!(
        together(&g, "Nakasone", "Yasuhiro Nakasone"),
        "{:?}",
        names(&g)
    );
    // Nor is a name with a place in it (`a stake in Japan Line`): one entity has the name.
    let g = with_spans(
        "Japan Line Ltd shares rose. The bank sold a stake to Japan Line on Monday.",
        &[("Japan Line Ltd", "ORG"), ("Japan Line", "ORG")],
    );
    assert_eq!(entities_named(&g, "Japan Line"), 1, "{:?}", names(&g));
    // A town with something in it may be a club or a company named after it (`a stake in Sunderland`).
    let g = with_spans(
        "Sunderland FC is for sale. The broadcaster sold its stake in Sunderland.",
        &[("Sunderland FC", "ORG"), ("Sunderland", "GPE")],
    );
    assert_eq!(entities_named(&g, "Sunderland"), 1, "{:?}", names(&g));
    // Not placed: the short form joins.
    let g = with_spans(
        "Bramford Town Hall opened its doors. Bramford welcomed the visitors.",
        &[("Bramford", "GPE"), ("Bramford Town Hall", "PERSON")],
    );
    assert!(
        together(&g, "Bramford", "Bramford Town Hall"),
        "{:?}",
        names(&g)
    );
    // A longer name of the place itself.
    let g = with_spans(
        "Rockets were fired from the Gaza Strip. Residents in Gaza fled.",
        &[("Gaza Strip", "LOC"), ("Gaza", "GPE")],
    );
    assert!(together(&g, "Gaza", "Gaza Strip"), "{:?}", names(&g));
}

/// How many entities carry `name` (as label or other name).
fn entities_named(g: &kg::resolve::DocumentGraph, name: &str) -> usize {
    names(g)
        .iter()
        .filter(|n| n.iter().any(|x| x == name))
        .count()
}
