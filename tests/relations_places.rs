//! Places, seats and countries: where an organisation has its seat, what lies in which place, and which
//! country an organisation or a city is of, each on a sentence that fires and one that must not.

use super::relations_classes::{facts, has};

#[test]
fn a_place_based_organisation_has_its_seat_there() {
    let fs = facts("The Munich-based insurer Allianz lost money in Germany last year.");
    assert!(has(&fs, "Allianz", "headquarteredIn", "Munich"), "{fs:?}");
    // The seat's country, from the places list, by default.
    assert!(has(&fs, "Allianz", "country", "Germany"), "{fs:?}");
    let fs = facts("Allianz, which has offices in Munich, lost money in Germany last year.");
    assert!(!has(&fs, "Allianz", "headquarteredIn", "Munich"), "{fs:?}");
}

/// A place-based description names an organisation's seat whatever its head noun (`the Houston-based
/// company`: the open relation `base by` was asserted instead).
#[test]
fn a_place_based_description_gives_the_seat_not_an_open_relation() {
    let fs = facts("Shares of the Tallinn-based company fell on Monday.");
    assert!(
        has(&fs, "Tallinn-based company", "headquarteredIn", "Tallinn"),
        "{fs:?}"
    );
    assert!(!fs.iter().any(|(_, p, _)| p.contains("base")), "{fs:?}");
    // A person based somewhere has no seat there.
    let fs = facts("Readers of the Tallinn-based novelist Jaan Tamm were pleased.");
    assert!(!fs.iter().any(|(_, p, _)| p == "headquarteredIn"), "{fs:?}");
}

/// An organisation based in a place has its seat there (`is based in` read as `located in`); a person based
/// somewhere has none.
#[test]
fn an_organisation_based_in_a_place_has_its_seat_there() {
    let fs = facts("The toolmaker Brandvik Industries is based in Oslo.");
    assert!(
        has(&fs, "Brandvik Industries", "headquarteredIn", "Oslo"),
        "{fs:?}"
    );
    let fs = facts("The painter Ada Lind is based in Oslo.");
    assert!(!fs.iter().any(|(_, p, _)| p == "headquarteredIn"), "{fs:?}");
}

/// A region the gazetteer places in a country lies there as a region of the places list does: `Wales
/// Secretary X` holds an office of the UK, and Manchester, which the places list lacked (GeoNames gives the
/// name to Richmond, Virginia, too, as a former name), is a city of it. A disputed region the gazetteer
/// puts in no country (`Crimea`) is in none.
#[test]
fn a_region_or_city_lies_in_the_country_the_lists_give() {
    let fs = facts(
        "Wales Secretary Owen Price opened a bridge, the UK government said. Fans cheered in Manchester.",
    );
    assert!(
        has(&fs, "Owen Price", "citizenOf", "United Kingdom"),
        "{fs:?}"
    );
    assert!(
        has(&fs, "Manchester", "country", "United Kingdom"),
        "{fs:?}"
    );
    let fs = facts("Tourists returned to Crimea in May, Ukraine's government said.");
    assert!(
        !fs.iter().any(|(s, p, _)| s == "Crimea" && p == "country"),
        "{fs:?}"
    );
}

#[test]
fn a_place_owning_an_organisation_is_its_seat() {
    let fs = facts("The singer was taken to Lima's Centenary Clinic on Sunday.");
    assert!(
        has(&fs, "Centenary Clinic", "headquarteredIn", "Lima"),
        "{fs:?}"
    );
    let fs = facts("The singer was flown from Lima to the Centenary Clinic on Sunday.");
    assert!(
        !has(&fs, "Centenary Clinic", "headquarteredIn", "Lima"),
        "{fs:?}"
    );
}

/// Regression: `Karlheinz Endruschat, social affairs spokesman of the Essen SPD` gave the SPD its seat in
/// Essen; a place before a generic name (a party's members, a state's own senate) is no national body's seat.
#[test]
fn a_place_before_a_generic_institution_name_is_not_its_seat() {
    let fs = facts("Senator Ruth Calder, an Ohio Democrat, voted against the bill on Tuesday.");
    assert!(
        !fs.iter()
            .any(|(_, p, o)| p == "headquarteredIn" && o == "Ohio"),
        "{fs:?}"
    );
    let fs = facts(
        "The singer was taken to Lima's Centenary Clinic on Sunday, and Lima's Democrats protested.",
    );
    assert!(
        has(&fs, "Centenary Clinic", "headquarteredIn", "Lima"),
        "{fs:?}"
    );
    assert!(
        !fs.iter()
            .any(|(s, p, _)| p == "headquarteredIn" && s != "Centenary Clinic"),
        "{fs:?}"
    );
}

#[test]
fn a_person_or_a_group_in_a_place_is_not_located_in_it() {
    // `kg:locatedIn` and `kg:country` are for places, organisations, events and things (`kg:Locatable`).
    let fs = facts("The Nordic Energy Institute in Bergen warned of higher prices.");
    assert!(
        has(&fs, "Nordic Energy Institute", "locatedIn", "Bergen"),
        "{fs:?}"
    );
    let fs = facts("Kari Nordmann in Bergen warned of higher prices.");
    assert!(
        !fs.iter()
            .any(|(s, p, _)| s == "Kari Nordmann" && p == "locatedIn"),
        "{fs:?}"
    );
}

#[test]
fn a_thing_named_only_by_a_common_noun_is_located_nowhere() {
    // `a base in Bergen`: a thing the text never names stays in the open triples.
    let fs = facts("The navy has a base in Bergen.");
    assert!(
        !fs.iter().any(|(_, p, o)| p == "locatedIn" && o == "Bergen"),
        "{fs:?}"
    );
    // A named thing in a place is located there.
    let fs = facts("The Nordic Energy Institute in Bergen warned of higher prices.");
    assert!(
        has(&fs, "Nordic Energy Institute", "locatedIn", "Bergen"),
        "{fs:?}"
    );
}

#[test]
fn places_in_a_list_are_not_located_in_each_other() {
    let fs = facts("The firm has licensing deals in Australia, Canada, Brazil and Japan.");
    assert!(
        !fs.iter()
            .any(|(_, p, _)| p == "locatedIn" || p == "country"),
        "{fs:?}"
    );
    let fs = facts("Protesters gathered in Austin, Texas, on Sunday.");
    assert!(has(&fs, "Austin", "locatedIn", "Texas"), "{fs:?}");
}

#[test]
fn a_country_lies_in_no_place_within_itself() {
    let fs = facts("I remember the case of a women's prison in Peru, Lima, that had no doctor.");
    assert!(!has(&fs, "Peru", "locatedIn", "Lima"), "{fs:?}");
    // A city lies in its country.
    let fs = facts("She visited a prison in Lima, Peru, last year.");
    assert!(
        fs.iter()
            .any(|(s, p, o)| s == "Lima" && (p == "locatedIn" || p == "country") && o == "Peru"),
        "{fs:?}"
    );
}

#[test]
fn a_city_is_placed_in_its_country_only_when_the_text_names_the_country() {
    let fs = facts(
        "Thousands marched through Hamburg on Saturday, the biggest protest in Germany this year.",
    );
    assert!(has(&fs, "Hamburg", "country", "Germany"), "{fs:?}");
    let fs = facts("Thousands marched through Hamburg on Saturday, the biggest protest this year.");
    assert!(
        !fs.iter().any(|(s, p, _)| s == "Hamburg" && p == "country"),
        "{fs:?}"
    );
}

#[test]
fn what_the_gazetteer_states_holds_in_a_document_that_names_both_entities() {
    // An organ of an organisation is its part, not a member.
    let fs = facts(
        "The European Commission proposed new rules, and the European Union will vote on them.",
    );
    assert!(
        has(&fs, "European Commission", "partOf", "European Union"),
        "{fs:?}"
    );
    assert!(
        !has(&fs, "European Commission", "memberOf", "European Union"),
        "{fs:?}"
    );
    let fs = facts("The Bundestag voted on the budget, and Germany will borrow less next year.");
    assert!(has(&fs, "Bundestag", "jurisdiction", "Germany"), "{fs:?}");
    let fs = facts("The Bundestag voted on the budget, and Germany will borrow less next year.");
    assert!(has(&fs, "Bundestag", "country", "Germany"), "{fs:?}");
    // Not where the text does not name the country, nor in another country it names.
    let fs = facts("The Bundestag voted on the budget on Friday.");
    assert!(
        !fs.iter()
            .any(|(s, p, _)| s == "Bundestag" && p == "country"),
        "{fs:?}"
    );
    let fs = facts("The Bundestag voted to send aid to France.");
    assert!(!has(&fs, "Bundestag", "country", "France"), "{fs:?}");
}

#[test]
fn a_state_body_named_generically_is_the_country_of_the_story() {
    let fs = facts(
        "Norway will send more troops north. The Defense Ministry said Norway had to protect its border.",
    );
    assert!(
        has(&fs, "Defense Ministry", "jurisdiction", "Norway"),
        "{fs:?}"
    );
    // Not when the text says whose it is, nor when no country leads the story.
    let fs = facts(
        "Norway will send more troops north. The Swedish Defense Ministry said Norway had to protect its \
         border.",
    );
    assert!(
        !has(&fs, "Defense Ministry", "jurisdiction", "Norway"),
        "{fs:?}"
    );
    let fs = facts("The Defense Ministry said troops had to protect the border.");
    assert!(
        !fs.iter()
            .any(|(s, p, _)| s == "Defense Ministry" && p == "jurisdiction"),
        "{fs:?}"
    );
}

#[test]
fn an_organisations_nationality_comes_from_its_demonym() {
    // A carmaker the gazetteer does not know: only the demonym says where it is from.
    let fs = facts("German carmaker Brennmann Motors reported higher profits on Thursday.");
    assert!(has(&fs, "Brennmann Motors", "country", "Germany"), "{fs:?}");
    let fs = facts("Brennmann Motors reported higher profits in Germany on Thursday.");
    assert!(
        !has(&fs, "Brennmann Motors", "country", "Germany"),
        "{fs:?}"
    );
}

#[test]
fn a_country_inside_an_organisations_name_is_its_country() {
    let fs = facts("The Reserve Bank of India raised rates, newspapers in India reported.");
    assert!(
        has(&fs, "Reserve Bank of India", "country", "India"),
        "{fs:?}"
    );
    // A country after another preposition is a topic, not the organisation's country.
    let fs = facts("The Oslo Conference on Nigeria raised money for schools in Nigeria.");
    assert!(
        !fs.iter()
            .any(|(s, p, o)| s.contains("Conference") && p == "country" && o == "Nigeria"),
        "{fs:?}"
    );
}

#[test]
fn a_country_the_text_gives_an_organisation_outweighs_the_one_its_name_suggests() {
    // The name's country counts where the text names that country too.
    let fs = facts(
        "In Syria, 40 people died, according to the Britain-based Syrian Network for Civil Rights.",
    );
    assert!(
        !has(&fs, "Syrian Network for Civil Rights", "country", "Syria"),
        "{fs:?}"
    );
    // A country's name inside the name, not ending it, names a field, not a nationality.
    let fs =
        facts("Lena Berg, who studied in Japan, works at the Oslo Institute of Japan Studies.");
    assert!(
        !fs.iter().any(|(_, p, o)| p == "country" && o == "Japan"),
        "{fs:?}"
    );
    // Without them the name's nationality stands.
    let fs = facts("In Syria, 40 people died, according to the Syrian Network for Civil Rights.");
    assert!(
        has(&fs, "Syrian Network for Civil Rights", "country", "Syria"),
        "{fs:?}"
    );
    let fs = facts("The Confederation of Danish Farmers criticised the plan for Denmark.");
    assert!(
        has(&fs, "Confederation of Danish Farmers", "country", "Denmark"),
        "{fs:?}"
    );
    // A legal form after the country's name still ends the name there.
    let fs = facts("Sales rose at Nordic Paper of Finland Ltd, which sells across Finland.");
    assert!(
        has(&fs, "Nordic Paper of Finland Ltd", "country", "Finland"),
        "{fs:?}"
    );
}

#[test]
fn who_backs_or_leads_an_organisation_gives_it_no_nationality() {
    let fs = facts("Saudi Arabia struck Iran-backed Houthi rebels in Yemen on Monday.");
    assert!(!has(&fs, "Houthis", "country", "Iran"), "{fs:?}");
    // What stands before the compound still counts.
    let fs = facts("India's state-owned airline Air Bharat cut costs on Sunday.");
    assert!(has(&fs, "Air Bharat", "country", "India"), "{fs:?}");
}
