//! Unit tests of the corpus stage: records in, the map of keys out.

use super::*;

/// One document's record (each record counts as one document).
fn rec(key: &str, label: &str, class: &str) -> NameRecord {
    NameRecord {
        key: key.into(),
        label: label.into(),
        aliases: Vec::new(),
        class: class.into(),
    }
}

#[test]
fn a_surname_goes_to_the_one_full_name_of_the_corpus() {
    let r = vec![
        rec("bush", "Bush", "Person"),
        rec("gorg_w_bush", "George W Bush", "Person"),
        rec("gorg_bush", "George Bush", "Person"),
    ];
    let m = canonical_keys(&r);
    assert_eq!(m.get("bush").map(String::as_str), Some("gorg_w_bush"));
    assert_eq!(m.get("gorg_bush").map(String::as_str), Some("gorg_w_bush"));
    assert!(!m.contains_key("gorg_w_bush"));
}

#[test]
fn a_name_without_its_first_given_name_goes_to_the_one_fuller_name_it_closes() {
    let mut r = recs(2, "jan_erik_lindqvist", "Jan Erik Lindqvist", "Person");
    r.push(rec("erik_lindqvist", "Erik Lindqvist", "Person"));
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("erik_lindqvist").map(String::as_str),
        Some("jan_erik_lindqvist")
    );
    // Two fuller names it closes: which one is not said.
    r.push(rec("per_erik_lindqvist", "Per Erik Lindqvist", "Person"));
    assert_eq!(canonical_keys(&r).get("erik_lindqvist"), None);
    // A name more documents use is no rare one's that a stray word opens.
    let mut r = recs(3, "erik_lindqvist", "Erik Lindqvist", "Person");
    r.push(rec(
        "minster_erik_lindqvist",
        "Minster Erik Lindqvist",
        "Person",
    ));
    assert_eq!(canonical_keys(&r).get("erik_lindqvist"), None);
}

#[test]
fn a_name_with_an_initial_goes_to_the_one_full_name_the_initial_opens() {
    let r = vec![
        rec("t_ramaswamy", "T. Ramaswamy", "Person"),
        rec("thilagavathi_ramaswamy", "Thilagavathi Ramaswamy", "Person"),
        rec("k_okonkwo", "K. Okonkwo", "Person"),
        rec("chidi_okonkwo", "Chidi Okonkwo", "Person"),
        rec("d_okonkwo", "D. Okonkwo", "Person"),
        rec("dayo_okonkwo", "Dayo Okonkwo", "Person"),
        rec("dele_okonkwo", "Dele Okonkwo", "Person"),
    ];
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("t_ramaswamy").map(String::as_str),
        Some("thilagavathi_ramaswamy")
    );
    // An initial no full name begins with, or that two begin with, stays itself; and a full name never
    // goes to another full name of the same length.
    for own in ["k_okonkwo", "d_okonkwo", "chidi_okonkwo", "dayo_okonkwo"] {
        assert!(!m.contains_key(own), "{own} moved to {:?}", m.get(own));
    }
}

#[test]
fn a_key_moved_to_a_key_that_moves_on_goes_to_the_end_of_the_chain() {
    // `Karim Haddad` goes to the spelling with the article, `Haddad` to the one full name that
    // contains it, which is the spelling without: both end on one key.
    let mut r = vec![rec("haddad", "Haddad", "Person")];
    for _ in 0..2 {
        r.push(rec("karim_haddad", "Karim Haddad", "Person"));
    }
    for _ in 0..3 {
        r.push(rec("karim_al_haddad", "Karim al-Haddad", "Person"));
    }
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("karim_haddad").map(String::as_str),
        Some("karim_al_haddad")
    );
    assert_eq!(m.get("haddad").map(String::as_str), Some("karim_al_haddad"));
    // A name without the article stays itself where no spelling with it is named.
    let m = canonical_keys(&[rec("karim_haddad", "Karim Haddad", "Person")]);
    assert!(m.is_empty());
}

#[test]
fn names_written_with_or_without_hyphens_dots_and_function_words_are_one() {
    // `Walmart` is named in two documents, `Wal-Mart` in one.
    let walmart = rec("walmart", "Walmart", "Organization");
    let m = canonical_keys(&[
        rec("wal_mart", "Wal-Mart", "Organization"),
        walmart.clone(),
        walmart,
        rec(
            "party_of_the_regions",
            "Party of the Regions",
            "Organization",
        ),
        rec("party_of_regions", "Party of Regions", "Organization"),
    ]);
    assert_eq!(m.get("wal_mart").map(String::as_str), Some("walmart"));
    assert!(
        m.contains_key("party_of_the_regions") || m.contains_key("party_of_regions"),
        "{m:?}"
    );
    // A letter doubled across a hyphen is written once without it.
    let m = canonical_keys(&[
        rec(
            "council_for_co_operation",
            "Council for Co-operation",
            "Organization",
        ),
        rec(
            "council_for_cooperation",
            "Council for Cooperation",
            "Organization",
        ),
    ]);
    assert_eq!(m.len(), 1, "{m:?}");
    // Other words are other names (`Bank of England`, `Bank of Ireland`).
    let m = canonical_keys(&[
        rec("bank_of_england", "Bank of England", "Organization"),
        rec("bank_of_ireland", "Bank of Ireland", "Organization"),
    ]);
    assert!(m.is_empty(), "{m:?}");
}

#[test]
fn a_long_surname_spelt_another_way_goes_to_the_full_name() {
    let m = canonical_keys(&[
        rec("gadafi", "Gaddafi", "Person"),
        rec("moamar_gadhafi", "Moammar Gadhafi", "Person"),
    ]);
    assert_eq!(m.get("gadafi").map(String::as_str), Some("moamar_gadhafi"));
    // A short name spelt another way is too often another name (`Joseph`, `Franz Josef`).
    let m = canonical_keys(&[
        rec("josef", "Joseph", "Person"),
        rec("franz_josef", "Franz Josef", "Person"),
    ]);
    assert!(!m.contains_key("josef"), "{m:?}");
}

#[test]
fn two_full_names_about_as_common_leave_the_surname_alone() {
    let r = vec![
        rec("bush", "Bush", "Person"),
        rec("gorg_w_bush", "George W Bush", "Person"),
        rec("kate_bush", "Kate Bush", "Person"),
    ];
    let m = canonical_keys(&r);
    assert!(!m.contains_key("bush"));
    // A full name never goes to another person's full name.
    assert!(!m.contains_key("kate_bush"));
}

#[test]
fn a_full_name_named_far_more_often_takes_the_surname() {
    let mut r = vec![
        rec("bush", "Bush", "Person"),
        rec("kate_bush", "Kate Bush", "Person"),
    ];
    for _ in 1..=3 {
        r.push(rec("gorg_w_bush", "George W Bush", "Person"));
    }
    assert_eq!(
        canonical_keys(&r).get("bush").map(String::as_str),
        Some("gorg_w_bush")
    );
}

#[test]
fn an_alias_stated_in_one_document_names_the_entity_in_others() {
    let mut full = rec(
        "agence_france_presse",
        "Agence France-Presse",
        "Organization",
    );
    full.aliases.push("AFP".into());
    let r = vec![rec("afp", "AFP", "Organization"), full];
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("afp").map(String::as_str),
        Some("agence_france_presse")
    );
    // Not when the classes differ.
    let mut place = rec("afp_town", "Afp Town", "City");
    place.aliases.push("AFP".into());
    assert!(!canonical_keys(&[rec("afp", "AFP", "Organization"), place]).contains_key("afp"));
}

#[test]
fn a_surname_two_persons_share_is_the_alias_of_the_one_named_most_only() {
    // One story writes `Marta Okafor` and `Okafor`; the corpus knows `Daniel Okafor` as well, named
    // about as often: the lone `Okafor` of another story is neither's.
    let mut marta = rec("marta_okafor", "Marta Okafor", "Person");
    marta.aliases.push("Okafor".into());
    let mut r = recs(2, "marta_okafor", "Marta Okafor", "Person");
    r.push(marta);
    r.extend(recs(4, "daniel_okafor", "Daniel Okafor", "Person"));
    r.push(rec("okafor", "Okafor", "Person"));
    assert_eq!(canonical_keys(&r).get("okafor"), None);
    // Where the one the story names is also the one more documents name, the alias decides.
    r.extend(recs(2, "marta_okafor", "Marta Okafor", "Person"));
    assert_eq!(
        canonical_keys(&r).get("okafor").map(String::as_str),
        Some("marta_okafor")
    );
    // A one-word name that ends no other full name still follows the alias (`Lula`).
    let mut lula = rec(
        "luiz_inacio_lula_da_silva",
        "Luiz Inacio Lula da Silva",
        "Person",
    );
    lula.aliases.push("Lula".into());
    let r = vec![lula, rec("lula", "Lula", "Person")];
    assert_eq!(
        canonical_keys(&r).get("lula").map(String::as_str),
        Some("luiz_inacio_lula_da_silva")
    );
}

#[test]
fn owners_of_an_alias_that_are_one_name_at_more_or_less_length_are_one_owner() {
    let owner = |key: &str, label: &str, alias: &str| {
        let mut r = rec(key, label, "Organization");
        r.aliases.push(alias.into());
        r
    };
    let mut r = recs(2, "brandt_holm", "Brandt Holm", "Organization");
    r.push(owner("brandt_holm", "Brandt Holm", "Brandt"));
    r.push(owner(
        "brandt_holm_brothers_inc",
        "Brandt Holm Brothers Inc",
        "Brandt",
    ));
    r.extend(recs(2, "brandt", "Brandt", "Organization"));
    assert_eq!(
        canonical_keys(&r).get("brandt").map(String::as_str),
        Some("brandt_holm")
    );
    // Two names neither of which opens the other are two owners: the word stays itself.
    let r = vec![
        owner("jl_brandt_and_co_inc", "J.L. Brandt and Co Inc", "Brandt"),
        owner(
            "brandt_holm_brothers_inc",
            "Brandt Holm Brothers Inc",
            "Brandt",
        ),
        rec("brandt", "Brandt", "Organization"),
    ];
    assert_eq!(canonical_keys(&r).get("brandt"), None);
}

#[test]
fn a_fixed_key_never_moves_but_others_may_move_to_it() {
    // One story states `Dalmont` as a name of a firm; two name the country Dalmont (three would keep
    // it apart anyway: a part of a name far more stories use alone); one writes it `Dal-Mont`.
    let mut firm = rec(
        "bank_of_the_dalmont_coast",
        "Bank of the Dalmont Coast",
        "Country",
    );
    firm.aliases.push("Dalmont".into());
    let mut r = vec![firm, rec("dal_mont", "Dal-Mont", "Country")];
    r.extend(std::iter::repeat_n(rec("dalmont", "Dalmont", "Country"), 2));
    assert_eq!(
        canonical_keys(&r).get("dalmont").map(String::as_str),
        Some("bank_of_the_dalmont_coast")
    );
    let mut names = CorpusNames::default();
    for record in &r {
        names.add(record);
    }
    names.fix("dalmont");
    let m = names.canonical_keys();
    assert!(!m.contains_key("dalmont"), "{m:?}");
    assert_eq!(m.get("dal_mont").map(String::as_str), Some("dalmont"));
}

#[test]
fn a_name_two_entities_carry_goes_to_the_one_named_far_more_often() {
    // `Halvorsen Textiles`: the short form of the company of three stories and of a company of one.
    let owner = |key: &str, label: &str| {
        let mut r = rec(key, label, "Organization");
        r.aliases.push("Halvorsen Textiles".into());
        r
    };
    let short = rec("halvorsen_textiles", "Halvorsen Textiles", "Organization");
    let mut r = vec![owner("halvorsen_textiles_corp", "Halvorsen Textiles Corp"); 3];
    r.push(owner("halvorsen_textiles_plc", "Halvorsen Textiles Plc"));
    r.push(short.clone());
    assert_eq!(
        canonical_keys(&r)
            .get("halvorsen_textiles")
            .map(String::as_str),
        Some("halvorsen_textiles_corp")
    );
    // Two stories to one: neither is far more likely, the short form stays.
    let mut r = vec![owner("halvorsen_textiles_corp", "Halvorsen Textiles Corp"); 2];
    r.push(owner("halvorsen_textiles_plc", "Halvorsen Textiles Plc"));
    r.push(short);
    assert!(!canonical_keys(&r).contains_key("halvorsen_textiles"));
}

#[test]
fn a_short_form_named_far_more_often_than_its_owner_is_a_name_of_its_own() {
    let mut owner = rec(
        "halvorsen_holdings_plc",
        "Halvorsen Holdings Plc",
        "Organization",
    );
    owner.aliases.push("Halvorsen".into());
    let short = rec("halvorsen", "Halvorsen", "Organization");
    // Named as often as the owner: its short form.
    let r = vec![owner.clone(), short.clone()];
    assert_eq!(
        canonical_keys(&r).get("halvorsen").map(String::as_str),
        Some("halvorsen_holdings_plc")
    );
    // Three times as often: a name of its own (the agency, not the holding).
    let mut r = vec![short; 3];
    r.push(owner);
    assert!(!canonical_keys(&r).contains_key("halvorsen"));
}

#[test]
fn an_alias_names_a_name_one_document_gave_its_class() {
    let force = || {
        let mut force = rec(
            "northern_relief_force",
            "Northern Relief Force",
            "Organization",
        );
        force.aliases.push("NRF".into());
        force
    };
    // One story calls the force a facility, another an organisation.
    let r = vec![
        force(),
        force(),
        rec("nrf", "NRF", "Facility"),
        rec("nrf", "NRF", "Organization"),
    ];
    assert_eq!(
        canonical_keys(&r).get("nrf").map(String::as_str),
        Some("northern_relief_force")
    );
    // A surname of more stories than the person, most of them calling it a firm, stays itself.
    let mut person = rec("ola_lund", "Ola Lund", "Person");
    person.aliases.push("Lund".into());
    let r = vec![
        person,
        rec("lund", "Lund", "Person"),
        rec("lund", "Lund", "Organization"),
        rec("lund", "Lund", "Organization"),
    ];
    assert!(!canonical_keys(&r).contains_key("lund"));
    // Never an organisation: a place of the same letters stays a place (as a town stays beside the
    // club named after it).
    let r = vec![force(), rec("nrf", "NRF", "Place")];
    assert!(!canonical_keys(&r).contains_key("nrf"));
}

#[test]
fn a_surname_ner_called_a_place_once_goes_to_the_one_full_name_named_twice() {
    let mut r = vec![
        rec("kowalczyk", "Kowalczyk", "Place"),
        rec("brandtner", "Brandtner", "Nationality"),
        rec("ida_brandtner", "Ida Brandtner", "Person"),
        rec("ida_brandtner", "Ida Brandtner", "Person"),
        rec("dinamo_wendelbach", "Dinamo Wendelbach", "Person"),
        rec("wendelbach", "Wendelbach", "Place"),
        rec("nv", "NV", "Place"),
        rec("vanderhoek_nv", "Vanderhoek NV", "Person"),
        rec("vanderhoek_nv", "Vanderhoek NV", "Person"),
    ];
    for _ in 0..2 {
        r.push(rec("lukasz_kowalczyk", "Lukasz Kowalczyk", "Person"));
    }
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("kowalczyk").map(String::as_str),
        Some("lukasz_kowalczyk")
    );
    assert_eq!(
        m.get("brandtner").map(String::as_str),
        Some("ida_brandtner")
    );
    // Not to a "person" one document names (a club NER tagged a person once); not a word in capitals.
    assert!(!m.contains_key("wendelbach"));
    assert!(!m.contains_key("nv"));
    // A word two stories call a place stays a place; so does a name some story calls a company
    // (companies are named after people).
    r.push(rec("kowalczyk", "Kowalczyk", "Place"));
    r.push(rec("brandtner", "Brandtner", "Organization"));
    let m = canonical_keys(&r);
    assert!(!m.contains_key("kowalczyk"));
    assert!(!m.contains_key("brandtner"));
}

#[test]
fn an_acronym_goes_to_the_one_full_name_with_its_initials() {
    let r = vec![
        rec("afp", "AFP", "Organization"),
        rec(
            "agence_france_presse",
            "Agence France-Presse",
            "Organization",
        ),
        rec("afd", "AfD", "Organization"),
        rec(
            "alternative_fur_deutschland",
            "Alternative für Deutschland",
            "Organization",
        ),
    ];
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("afp").map(String::as_str),
        Some("agence_france_presse")
    );
    assert_eq!(
        m.get("afd").map(String::as_str),
        Some("alternative_fur_deutschland")
    );
    // Two full names with the initials, or a full name of another class: no choice.
    let r = vec![
        rec("abc", "ABC", "Organization"),
        rec(
            "american_broadcasting_company",
            "American Broadcasting Company",
            "Organization",
        ),
        rec(
            "australian_broadcasting_corporation",
            "Australian Broadcasting Corporation",
            "Organization",
        ),
        rec("nrw", "NRW", "Organization"),
        rec("north_rhine_westphalia", "North Rhine-Westphalia", "Region"),
    ];
    assert!(canonical_keys(&r).is_empty());
}

#[test]
fn an_acronym_spells_an_acronym_among_the_full_names_words_whole() {
    // `UK` of `UK Freedom League` is two letters of `UKFL`.
    let r = vec![
        rec("ukfl", "UKFL", "Organization"),
        rec("ufl", "UFL", "Organization"),
        rec("uk_freedom_league", "UK Freedom League", "Organization"),
    ];
    let m = canonical_keys(&r);
    assert_eq!(m.get("ukfl").map(String::as_str), Some("uk_freedom_league"));
    assert_eq!(m.get("ufl").map(String::as_str), Some("uk_freedom_league"));
    // A word with lower-case letters gives its first letter only (`Uk Freedom League` is no `UKFL`), a
    // name of two words none (`MacKay TV` is no `MTV`), and a name whose initials are the acronym's
    // letters goes before one that spells them so (`Maritime Safety Agency`, not `MS Agency Holdings`).
    let r = vec![
        rec("ukfl", "UKFL", "Organization"),
        rec("uk_freedom_league", "Uk Freedom League", "Organization"),
        rec("mtv", "MTV", "Organization"),
        rec("mackay_tv", "MacKay TV", "Organization"),
    ];
    assert!(canonical_keys(&r).is_empty());
    let r = vec![
        rec("msah", "MSAH", "Organization"),
        rec(
            "maritime_safety_agency_holdings",
            "Maritime Safety Agency Holdings",
            "Organization",
        ),
        rec("ms_agency_holdings", "MS Agency Holdings", "Organization"),
    ];
    assert_eq!(
        canonical_keys(&r).get("msah").map(String::as_str),
        Some("maritime_safety_agency_holdings")
    );
}

#[test]
fn an_acronym_far_more_stories_use_than_the_full_name_is_anothers() {
    let mut r = vec![
        rec("nhs", "NHS", "Organization"),
        rec("nhs", "NHS", "Organization"),
        rec(
            "norfield_high_school",
            "Norfield High School",
            "Organization",
        ),
    ];
    // Twice as many stories: still its abbreviation.
    assert_eq!(
        canonical_keys(&r).get("nhs").map(String::as_str),
        Some("norfield_high_school")
    );
    // Three times as many: another's, which these stories never name in full.
    r.push(rec("nhs", "NHS", "Organization"));
    assert!(canonical_keys(&r).is_empty());
}

#[test]
fn a_part_of_a_name_far_more_stories_use_alone_is_a_name_of_its_own() {
    // One story runs a sentence's first word into the club's name and names the club alone after.
    let mut owner = rec("injured_halvorsen", "Injured Halvorsen", "Organization");
    owner.aliases.push("Halvorsen".into());
    let short = rec("halvorsen", "Halvorsen", "Organization");
    let mut r = vec![owner.clone(), short.clone(), short.clone()];
    assert_eq!(
        canonical_keys(&r).get("halvorsen").map(String::as_str),
        Some("injured_halvorsen")
    );
    r.push(short);
    assert!(canonical_keys(&r).is_empty());
    // A person's surname goes to the full name whatever the counts, when the people rule leaves it.
    let mut person = rec("ida_lund", "Ida Lund", "Person");
    person.aliases.push("Lund".into());
    let mut r = vec![rec("lund", "Lund", "Person"); 3];
    r.push(person);
    assert_eq!(
        canonical_keys(&r).get("lund").map(String::as_str),
        Some("ida_lund")
    );
}

#[test]
fn spellings_of_one_name_go_to_the_most_common() {
    let r = vec![
        rec("horst_koehler", "Horst Koehler", "Person"),
        rec("horst_kohler", "Horst Köhler", "Person"),
        rec("horst_kohler", "Horst Köhler", "Person"),
        rec("hanover", "Hanover", "City"),
        rec("hannover", "Hannover", "City"),
        rec("hanover", "Hanover", "City"),
    ];
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("horst_koehler").map(String::as_str),
        Some("horst_kohler")
    );
    assert_eq!(m.get("hannover").map(String::as_str), Some("hanover"));
    // An untyped spelling joins a typed one.
    let r = vec![
        rec("munchner_merkur", "Münchner Merkur", "Organization"),
        rec("muenchner_merkur", "Muenchner Merkur", "Concept"),
        rec("viktor_yanukovich", "Viktor Yanukovich", "Person"),
        rec("viktor_yanukovych", "Viktor Yanukovych", "Person"),
        rec("viktor_yanukovych", "Viktor Yanukovych", "Person"),
    ];
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("muenchner_merkur").map(String::as_str),
        Some("munchner_merkur")
    );
    assert_eq!(
        m.get("viktor_yanukovich").map(String::as_str),
        Some("viktor_yanukovych")
    );
    // Other letters, another class, or too short a name: apart.
    let r = vec![
        rec("horst_kahler", "Horst Kahler", "Person"),
        rec("horst_kohler", "Horst Köhler", "Person"),
        rec("hannover", "Hannover", "Organization"),
        rec("hanover", "Hanover", "City"),
        rec("lee", "Lee", "Person"),
        rec("le", "Le", "Person"),
    ];
    assert!(canonical_keys(&r).is_empty());
}

/// Regression: Reuters' `International Coffee Organization` (51 stories) and `International Coffee
/// Organisation` (20) were two nodes, as were the `World Financial Center` and `Centre`.
#[test]
fn british_and_american_spellings_of_one_name_are_one() {
    // Each spelling of several documents: no slip of one document's.
    let mut r = recs(
        3,
        "nordic_tea_organization",
        "Nordic Tea Organization",
        "Organization",
    );
    r.extend(recs(
        2,
        "nordic_tea_organisation",
        "Nordic Tea Organisation",
        "Organization",
    ));
    r.extend(recs(
        3,
        "harbour_trade_centre",
        "Harbour Trade Centre",
        "Facility",
    ));
    r.extend(recs(
        2,
        "harbour_trade_center",
        "Harbour Trade Center",
        "Facility",
    ));
    r.extend(recs(
        2,
        "arctic_food_programme",
        "Arctic Food Programme",
        "Organization",
    ));
    r.extend(recs(
        3,
        "arctic_food_program",
        "Arctic Food Program",
        "Organization",
    ));
    r.extend(recs(
        3,
        "baltic_defence_college",
        "Baltic Defence College",
        "Organization",
    ));
    r.extend(recs(
        2,
        "baltic_defense_college",
        "Baltic Defense College",
        "Organization",
    ));
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("baltic_defense_college").map(String::as_str),
        Some("baltic_defence_college")
    );
    assert_eq!(
        m.get("nordic_tea_organisation").map(String::as_str),
        Some("nordic_tea_organization")
    );
    assert_eq!(
        m.get("harbour_trade_center").map(String::as_str),
        Some("harbour_trade_centre")
    );
    assert_eq!(
        m.get("arctic_food_programme").map(String::as_str),
        Some("arctic_food_program")
    );
    // `-our` is no such ending: Britain's Labour party is not another country's Labor party.
    let mut r = recs(
        3,
        "northland_labour_party",
        "Northland Labour Party",
        "Organization",
    );
    r.extend(recs(
        2,
        "northland_labor_party",
        "Northland Labor Party",
        "Organization",
    ));
    assert!(canonical_keys(&r).is_empty());
}

#[test]
fn one_spelling_of_a_place_is_one_place_whatever_class_of_places_documents_give_it() {
    let records = [
        rec("baden_wuerttemberg", "Baden-Wuerttemberg", "Country"),
        rec("baden_wuerttemberg", "Baden-Wuerttemberg", "Country"),
        rec("baden_wurttemberg", "Baden-Württemberg", "Region"),
        rec("dusseldorf", "Düsseldorf", "City"),
        rec("duesseldorf", "Duesseldorf", "Organization"),
    ];
    let mut names = CorpusNames::default();
    for r in &records {
        names.add(r);
    }
    // Without the classes of places, two classes keep a one-word name apart.
    assert!(canonical_keys(&records).is_empty());
    for class in ["Place", "Country", "Region", "City"] {
        names.place_class(class);
    }
    let m = names.canonical_keys();
    assert_eq!(
        m.get("baden_wurttemberg").map(String::as_str),
        Some("baden_wuerttemberg")
    );
    // A place and an organisation stay two.
    assert!(
        !m.contains_key("dusseldorf") && !m.contains_key("duesseldorf"),
        "{m:?}"
    );
}

#[test]
fn a_name_of_two_words_spelt_one_way_is_one_name_whatever_ner_typed_it() {
    let r = vec![
        rec("mesut_ozil", "Mesut Özil", "Person"),
        rec("mesut_ozil", "Mesut Özil", "Person"),
        rec("mesut_oezil", "Mesut Oezil", "Organization"),
    ];
    let m = canonical_keys(&r);
    assert_eq!(m.get("mesut_oezil").map(String::as_str), Some("mesut_ozil"));
}

/// `n` records of one name (one per document).
fn recs(n: usize, key: &str, label: &str, class: &str) -> Vec<NameRecord> {
    vec![rec(key, label, class); n]
}

#[test]
fn a_name_misspelt_by_one_letter_in_one_document_goes_to_the_common_spelling() {
    let mut r = recs(3, "anja_hofbauer", "Anja Hofbauer", "Person");
    r.extend(recs(2, "tom_kirkland", "Tom Kirkland", "Person"));
    r.extend(recs(2, "united_press", "United Press", "Organization"));
    r.push(rec("anja_hofbaur", "Anja Hofbaur", "Person"));
    r.push(rec("tom_krikland", "Tom Krikland", "Person"));
    r.push(rec("unitde_press", "Unitde Press", "Concept"));
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("anja_hofbaur").map(String::as_str),
        Some("anja_hofbauer")
    );
    assert_eq!(
        m.get("tom_krikland").map(String::as_str),
        Some("tom_kirkland")
    );
    assert_eq!(
        m.get("unitde_press").map(String::as_str),
        Some("united_press")
    );
}

#[test]
fn two_letters_swapped_that_the_spelling_reads_as_one_sound_are_a_slip() {
    // `ks` is spelt `x`: `Kowalksi` reads `kowalxi`, two letters from `kowalski`; as written, one swap.
    let mut r = recs(3, "piotr_kowalski", "Piotr Kowalski", "Person");
    r.push(rec("piotr_kowalxi", "Piotr Kowalksi", "Person"));
    r.extend(recs(2, "ewa_nowakska", "Ewa Nowakska", "Person"));
    r.push(rec("ewa_nowaxa", "Ewa Nowaksa", "Person"));
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("piotr_kowalxi").map(String::as_str),
        Some("piotr_kowalski")
    );
    // One letter left out as written (`Nowaksa`), and one as spelt: a slip either way.
    assert_eq!(
        m.get("ewa_nowaxa").map(String::as_str),
        Some("ewa_nowakska")
    );
}

#[test]
fn names_one_letter_apart_stay_apart_when_that_letter_makes_another_name() {
    // A first name's last letter (Daniel, Daniela), a short word (Iran, Iraq), another class, two
    // names one letter away, or both names in one document each: apart.
    let mut r = recs(3, "daniel_weber", "Daniel Weber", "Person");
    r.push(rec("daniela_weber", "Daniela Weber", "Person"));
    r.extend(recs(3, "iran_air", "Iran Air", "Organization"));
    r.push(rec("iraq_air", "Iraq Air", "Organization"));
    r.extend(recs(2, "linden_hall", "Linden Hall", "Organization"));
    r.push(rec("lindon_hall", "Lindon Hall", "Person"));
    r.extend(recs(2, "karl_bremner", "Karl Bremner", "Person"));
    r.extend(recs(2, "karl_brenger", "Karl Brenger", "Person"));
    r.push(rec("karl_brenner", "Karl Brenner", "Person"));
    r.push(rec("ute_sommerfeld", "Ute Sommerfeld", "Person"));
    r.push(rec("ute_somerfelt", "Ute Somerfelt", "Person"));
    assert!(canonical_keys(&r).is_empty());
}

#[test]
fn a_persons_name_one_vowel_apart_is_the_name_transliterated_another_way() {
    // One document each: the vowel, not the count, decides; ties go to the first key.
    let mut r = vec![
        rec("tariq_al_moallem", "Tariq al-Moallem", "Person"),
        rec("tariq_muallem", "Tariq Muallem", "Person"),
    ];
    r.extend(recs(2, "ivan_gostenko", "Ivan Gostenko", "Person"));
    r.push(rec("ivan_gustenko", "Ivan Gustenko", "Person"));
    r.push(rec("jamal_sadiqullah", "Jamal Sadiqullah", "Person"));
    r.push(rec("jamal_sadihqullah", "Jamal Sadihqullah", "Person"));
    r.extend(recs(2, "farid_rahimullah", "Farid Rahimullah", "Person"));
    r.extend(recs(2, "farid_raimullah", "Farid Raimullah", "Person"));
    // Apart: a doubled letter, two vowels, an ending, a short word, a company.
    r.push(rec("edna_morrisey", "Edna Morrisey", "Person"));
    r.push(rec("edna_murisey", "Edna Murisey", "Person"));
    r.push(rec("hal_weidner", "Hal Weidner", "Person"));
    r.push(rec("hal_wiedner", "Hal Wiedner", "Person"));
    r.push(rec("paola_martini", "Paola Martini", "Person"));
    r.push(rec("paola_martino", "Paola Martino", "Person"));
    r.push(rec("nils_hansen", "Nils Hansen", "Person"));
    r.push(rec("nils_hanson", "Nils Hanson", "Person"));
    r.push(rec("joe_moore", "Joe Moore", "Person"));
    r.push(rec("joe_maore", "Joe Maore", "Person"));
    r.push(rec("vanta_genetics", "Vanta Genetics", "Organization"));
    r.push(rec("vanta_genotics", "Vanta Genotics", "Organization"));
    let m = canonical_keys(&r);
    assert_eq!(
        m.get("tariq_muallem").map(String::as_str),
        Some("tariq_al_moallem")
    );
    assert_eq!(
        m.get("ivan_gustenko").map(String::as_str),
        Some("ivan_gostenko")
    );
    // An `h` between vowels written or not; not between a vowel and a consonant.
    assert_eq!(
        m.get("farid_raimullah").map(String::as_str),
        Some("farid_rahimullah")
    );
    assert_eq!(m.len(), 3, "{m:?}");
}

#[test]
fn the_map_does_not_depend_on_record_order_and_skips_scoped_keys() {
    let mut r = vec![
        rec("bush", "Bush", "Person"),
        rec("gorg_w_bush", "George W Bush", "Person"),
        rec("foreign_ministry__abc", "Foreign Ministry", "Organization"),
        rec("ministry", "Ministry", "Organization"),
    ];
    let a = canonical_keys(&r);
    r.reverse();
    assert_eq!(a, canonical_keys(&r));
    assert!(!a.contains_key("foreign_ministry__abc"));
}

#[test]
fn a_companys_names_with_and_without_its_legal_form_are_one() {
    let mut records = recs(
        5,
        "halvorsen_berg_and_co_inc",
        "Halvorsen Berg and Co Inc",
        "Organization",
    );
    records.extend(recs(
        3,
        "halvorsen_berg_and_co",
        "Halvorsen Berg and Co",
        "Organization",
    ));
    records.extend(recs(
        2,
        "lindqvist_shipping",
        "Lindqvist Shipping",
        "Facility",
    ));
    records.extend(recs(
        1,
        "lindqvist_shipping_corp",
        "Lindqvist Shipping Corp.",
        "Organization",
    ));
    records.extend(recs(
        2,
        "brandt_mills_corp",
        "Brandt Mills Corp",
        "Organization",
    ));
    records.extend(recs(
        1,
        "brandt_mills_corporation",
        "Brandt Mills Corporation",
        "Organization",
    ));
    // A person's name, a one-word name and a place's (a facility's aside) stay what they are.
    records.extend(recs(4, "peter_aalto", "Peter Aalto", "Person"));
    records.extend(recs(
        1,
        "peter_aalto_corp",
        "Peter Aalto Corp",
        "Organization",
    ));
    records.extend(recs(3, "vesta_corp", "Vesta Corp", "Organization"));
    records.extend(recs(1, "vesta_ag", "Vesta AG", "Organization"));
    records.extend(recs(6, "new_zealand", "New Zealand", "Country"));
    records.extend(recs(
        1,
        "new_zealand_ltd",
        "New Zealand Ltd",
        "Organization",
    ));
    let mut names = CorpusNames::default();
    for r in &records {
        names.add(r);
    }
    for class in ["Place", "Country", "Facility"] {
        names.place_class(class);
    }
    // Without the legal forms, the names stay apart.
    assert!(names.canonical_keys().is_empty());
    names.legal_forms(["inc", "corp", "corporation", "co", "ag", "ltd"].map(String::from));
    let m = names.canonical_keys();
    let to = |k: &str| m.get(k).map(String::as_str);
    assert_eq!(
        to("halvorsen_berg_and_co"),
        Some("halvorsen_berg_and_co_inc")
    );
    assert_eq!(to("lindqvist_shipping_corp"), Some("lindqvist_shipping"));
    assert_eq!(to("brandt_mills_corporation"), Some("brandt_mills_corp"));
    for apart in [
        "peter_aalto",
        "peter_aalto_corp",
        "vesta_ag",
        "vesta_corp",
        "new_zealand_ltd",
    ] {
        assert_eq!(to(apart), None, "{apart}: {m:?}");
    }
}

#[test]
fn an_acronym_finds_one_company_however_its_legal_form_is_written() {
    let mut records = recs(
        3,
        "lund_credit_corporation",
        "Lund Credit Corporation",
        "Organization",
    );
    records.extend(recs(
        2,
        "lund_credit_corp",
        "Lund Credit Corp",
        "Organization",
    ));
    records.push(rec("lcc", "LCC", "Organization"));
    let mut names = CorpusNames::default();
    for r in &records {
        names.add(r);
    }
    names.legal_forms(["corp", "corporation"].map(String::from));
    let m = names.canonical_keys();
    assert_eq!(
        m.get("lcc").map(String::as_str),
        Some("lund_credit_corporation"),
        "{m:?}"
    );
}

#[test]
fn a_word_opening_full_names_more_stories_name_than_the_one_it_ends_is_a_given_name() {
    // `Sigurd`: the film of the life of Sigurd Vale, named in three stories, is not one story's Tomas Sigurd.
    let mut r = recs(3, "sigurd_vale", "Sigurd Vale", "Person");
    r.push(rec("tomas_sigurd", "Tomas Sigurd", "Person"));
    r.push(rec("sigurd", "Sigurd", "Person"));
    assert!(!canonical_keys(&r).contains_key("sigurd"));
    // Opening the full names of fewer stories, it is the surname it ends.
    let mut r = recs(2, "sigurd_vale", "Sigurd Vale", "Person");
    r.push(rec("tomas_sigurd", "Tomas Sigurd", "Person"));
    r.push(rec("sigurd", "Sigurd", "Person"));
    assert_eq!(
        canonical_keys(&r).get("sigurd").map(String::as_str),
        Some("tomas_sigurd")
    );
}

#[test]
fn a_word_ending_the_names_of_several_organisations_is_the_far_most_named_ones() {
    // `Courier`, the short form of the `Bergen Courier` of one story, beside the `Evening Courier` of two.
    let owner = |key: &str, label: &str, alias: &str| {
        let mut r = rec(key, label, "Organization");
        r.aliases.push(alias.into());
        r
    };
    let bergen = owner("bergen_courier", "Bergen Courier", "Courier");
    let short = rec("courier", "Courier", "Organization");
    let mut r = vec![bergen.clone(), short.clone()];
    r.extend(recs(
        2,
        "evening_courier",
        "Evening Courier",
        "Organization",
    ));
    assert!(!canonical_keys(&r).contains_key("courier"));
    // Named in three times as many stories as the other, the owner takes it.
    let mut r = vec![bergen; 3];
    r.push(short);
    r.push(rec("evening_courier", "Evening Courier", "Organization"));
    assert_eq!(
        canonical_keys(&r).get("courier").map(String::as_str),
        Some("bergen_courier")
    );
    // A designator ends names of every kind: alone, it is the body other stories state it for (`the
    // Fund`), however many other funds the corpus names.
    let mut names = CorpusNames::default();
    names.designators(["fund".to_string()]);
    names.add(&owner("nordic_aid_fund", "Nordic Aid Fund", "Fund"));
    names.add(&rec("fund", "Fund", "Organization"));
    for _ in 0..2 {
        names.add(&rec("pension_fund", "Pension Fund", "Organization"));
    }
    assert_eq!(
        names.canonical_keys().get("fund").map(String::as_str),
        Some("nordic_aid_fund")
    );
}

#[test]
fn a_monarch_by_title_goes_to_the_one_named_by_number() {
    let mut names = CorpusNames::default();
    names.monarch_titles(["king".to_string()]);
    names.add(&rec("king_haakon", "King Haakon", "Person"));
    names.add(&rec("haakon_vii", "Haakon VII", "Person"));
    assert_eq!(
        names
            .canonical_keys()
            .get("king_haakon")
            .map(String::as_str),
        Some("haakon_vii")
    );
    // A prince's title is no monarch's.
    names.add(&rec("prince_olav", "Prince Olav", "Person"));
    names.add(&rec("olav_v", "Olav V", "Person"));
    assert!(!names.canonical_keys().contains_key("prince_olav"));
    // Two monarchs of the name: which one is not said.
    names.add(&rec("haakon_vi", "Haakon VI", "Person"));
    assert!(!names.canonical_keys().contains_key("king_haakon"));
}
