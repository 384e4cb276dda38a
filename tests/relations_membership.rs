//! Membership, employment, leadership and parts: who belongs to, works for or leads an organisation, what an
//! organisation includes, and who acquires whom, each on a sentence that fires and one that must not.

use super::relations_classes::{facts, has};

#[test]
fn of_after_a_name_gives_the_membership_or_the_nationality() {
    let fs = facts("Marta Ilic of the Balkan Lawyers Association said the ruling was unfair.");
    assert!(
        has(&fs, "Marta Ilic", "memberOf", "Balkan Lawyers Association"),
        "{fs:?}"
    );
    let fs = facts("Marta Ilic said the Balkan Lawyers Association found the ruling unfair.");
    assert!(
        !has(&fs, "Marta Ilic", "memberOf", "Balkan Lawyers Association"),
        "{fs:?}"
    );
}

#[test]
fn from_or_at_after_a_persons_name_gives_membership_or_origin() {
    let fs = facts("Lena Aho from the Nordic Energy Institute said the study was sound.");
    assert!(
        has(&fs, "Lena Aho", "memberOf", "Nordic Energy Institute"),
        "{fs:?}"
    );
    let fs = facts("Omar Haddad from Syria told reporters that he fled in May.");
    assert!(has(&fs, "Omar Haddad", "citizenOf", "Syria"), "{fs:?}");
    // Coming back from a country is no origin: `from` belongs to the verb.
    let fs = facts("Tove Berg returned from Sweden on Monday.");
    assert!(!has(&fs, "Tove Berg", "citizenOf", "Sweden"), "{fs:?}");
}

#[test]
fn a_role_noun_with_of_before_a_name_gives_the_membership() {
    let fs = facts(
        "The chairman of the Federation of Swiss Bakers, Hans Keller, said bread prices would rise.",
    );
    assert!(
        has(&fs, "Hans Keller", "memberOf", "Federation of Swiss Bakers"),
        "{fs:?}"
    );
    let fs = facts("The chairman met the Federation of Swiss Bakers and Hans Keller on Monday.");
    assert!(
        !has(&fs, "Hans Keller", "memberOf", "Federation of Swiss Bakers"),
        "{fs:?}"
    );
}

#[test]
fn a_role_apposition_with_for_gives_the_employer() {
    let fs = facts("Anna Berg, an analyst for Nordbank Capital, said prices would fall.");
    assert!(
        has(&fs, "Anna Berg", "employedBy", "Nordbank Capital"),
        "{fs:?}"
    );
    let fs = facts("Anna Berg, who spoke to Nordbank Capital on Friday, said prices would fall.");
    assert!(
        !has(&fs, "Anna Berg", "employedBy", "Nordbank Capital"),
        "{fs:?}"
    );
}

#[test]
fn a_copulas_role_describes_its_subject_as_an_apposition_does() {
    let fs = facts("Greta Holm is the director of the Nordic Energy Institute.");
    assert!(
        has(&fs, "Greta Holm", "employedBy", "Nordic Energy Institute"),
        "{fs:?}"
    );
    // An organisation's president leads it, as a country's is its head of state.
    let fs = facts("Greta Holm became president of the Nordic Energy Institute last year.");
    assert!(
        has(&fs, "Greta Holm", "leaderOf", "Nordic Energy Institute"),
        "{fs:?}"
    );
    // A vice president leads nothing.
    let fs =
        facts("Greta Holm, vice president of the Nordic Energy Institute, warned of shortages.");
    assert!(
        !has(&fs, "Greta Holm", "leaderOf", "Nordic Energy Institute"),
        "{fs:?}"
    );
    // A critic or a fan of an organisation is no member of it, whether a copula or a comma says so.
    for text in [
        "Greta Holm is a critic of the Nordic Energy Institute.",
        "Greta Holm, a longtime fan of the Nordic Energy Institute, spoke on Monday.",
    ] {
        let fs = facts(text);
        assert!(
            !fs.iter()
                .any(|(s, p, _)| s == "Greta Holm" && p == "memberOf"),
            "{text}: {fs:?}"
        );
    }
}

#[test]
fn a_name_after_a_role_of_an_organisation_holds_the_role() {
    // The parse hangs the name from the organisation; the role noun governs it.
    let fs = facts("Officials met the head of the Nordic Energy Institute, Greta Holm, in Oslo.");
    assert!(
        has(&fs, "Greta Holm", "leaderOf", "Nordic Energy Institute"),
        "{fs:?}"
    );
    // A hyphenated role noun is one word.
    let fs = facts("Nordic Energy Institute Secretary-General Greta Holm warned of shortages.");
    assert!(
        has(&fs, "Greta Holm", "leaderOf", "Nordic Energy Institute"),
        "{fs:?}"
    );
    // A critic of the organisation holds no role in it.
    let fs = facts(
        "Officials met the fiercest critic of the Nordic Energy Institute, Greta Holm, in Oslo.",
    );
    assert!(
        !fs.iter()
            .any(|(s, _, o)| s == "Greta Holm" && o == "Nordic Energy Institute"),
        "{fs:?}"
    );
}

#[test]
fn an_apposition_names_the_role_holder_not_an_earlier_one() {
    // Before, `The leader of ..., Fritz Kuhn, said` was read as the head named in the first sentence.
    let fs = facts(
        "Tom Berg, the head of the Oslo Bar Association, was hurt on Saturday. \
         The leader of the Greens party, Fritz Kuhn, said the attack was cowardly.",
    );
    assert!(
        fs.iter().any(|(s, p, _)| s == "Fritz Kuhn" && p == "said"),
        "{fs:?}"
    );
    assert!(
        !fs.iter().any(|(s, p, _)| s == "Tom Berg" && p == "said"),
        "{fs:?}"
    );
    // Without a name beside it, the role noun still refers to the one holder named before.
    let fs = facts(
        "Tom Berg, the head of the Oslo Bar Association, was hurt on Saturday. \
         The head of the association said the attack was cowardly.",
    );
    assert!(
        fs.iter().any(|(s, p, _)| s == "Tom Berg" && p == "said"),
        "{fs:?}"
    );
}

#[test]
fn a_chief_financial_officer_or_a_minority_leader_leads_nothing() {
    let fs = facts("Brennmann Motors chairman Kari Lund said costs rose.");
    assert!(
        has(&fs, "Kari Lund", "leaderOf", "Brennmann Motors"),
        "{fs:?}"
    );
    let fs = facts("Brennmann Motors chief financial officer Kari Lund said costs rose.");
    assert!(
        !has(&fs, "Kari Lund", "leaderOf", "Brennmann Motors"),
        "{fs:?}"
    );
}

#[test]
fn a_role_over_a_part_of_an_organisation_does_not_lead_the_whole() {
    let fs = facts("Siemens chief negotiator Anna Vogt said the talks would continue.");
    assert!(!has(&fs, "Anna Vogt", "leaderOf", "Siemens"), "{fs:?}");
    assert!(has(&fs, "Anna Vogt", "memberOf", "Siemens"), "{fs:?}");
    // The organisation's own head noun between them is still the organisation.
    let fs = facts("UGT union leader Anna Vogt said the talks were difficult.");
    assert!(has(&fs, "Anna Vogt", "leaderOf", "UGT"), "{fs:?}");
    let fs = facts("Siemens chief Anna Vogt said the talks would continue.");
    assert!(has(&fs, "Anna Vogt", "leaderOf", "Siemens"), "{fs:?}");
}

#[test]
fn a_speech_is_no_organisation_its_giver_belongs_to() {
    let fs = facts("Critics in the United States panned Obama's State of the Union on Wednesday.");
    assert!(
        !fs.iter()
            .any(|(s, p, _)| s.contains("Obama") && p == "memberOf"),
        "{fs:?}"
    );
    // A party owned the same way still gives membership.
    let fs = facts(
        "Unions are close to Angela Merkel's Christian Democratic Union, which lost votes in Germany.",
    );
    assert!(
        fs.iter()
            .any(|(s, p, o)| s.contains("Merkel") && p == "memberOf" && o.contains("Christian")),
        "{fs:?}"
    );
}

#[test]
fn agents_are_members_not_parts_and_no_part_of_a_loose_group() {
    let fs = facts("The Arab League includes Egypt and Jordan.");
    assert!(has(&fs, "Egypt", "memberOf", "Arab League"), "{fs:?}");
    let fs = facts("Previous stops on the tour included Oman, India and Japan.");
    assert!(
        !fs.iter().any(|(_, p, _)| p == "partOf" || p == "hasPart"),
        "{fs:?}"
    );
}

#[test]
fn the_members_an_organisation_includes_are_its_members() {
    let fs = facts("The G7, which includes Japan, Italy and Canada, met in Rome.");
    assert!(has(&fs, "Japan", "memberOf", "G7"), "{fs:?}");
    assert!(has(&fs, "Canada", "memberOf", "G7"), "{fs:?}");
    // The islands a chain includes are its parts.
    let fs = facts("The Kuril chain includes Etorofu and Kunashiri.");
    assert!(
        fs.iter().any(|(s, p, _)| s == "Etorofu" && p == "partOf"),
        "{fs:?}"
    );
    assert!(!fs.iter().any(|(_, p, _)| p == "memberOf"), "{fs:?}");
}

/// A set of organisations is no organisation with members: `Other firms that sued include Yamaha` gave
/// `Yamaha member of Other firms`.
#[test]
fn nothing_is_a_member_of_a_set_of_organisations() {
    let fs =
        facts("Other carmakers that went to court include Brandvik Motors and Halvorsen Autos.");
    assert!(!fs.iter().any(|(_, p, _)| p == "memberOf"), "{fs:?}");
    let fs =
        facts("The Nordic Carmakers Association includes Brandvik Motors and Halvorsen Autos.");
    assert!(
        fs.iter()
            .any(|(s, p, _)| s == "Brandvik Motors" && p == "memberOf"),
        "{fs:?}"
    );
}

#[test]
fn nothing_is_a_part_or_a_member_of_a_person() {
    // A person read as what includes something gives no part or member of that person.
    let fs = facts("Angela Merkel includes the Greens and the Free Democrats in her plans.");
    assert!(
        !fs.iter()
            .any(|(_, p, o)| o == "Angela Merkel" && (p == "partOf" || p == "memberOf")),
        "{fs:?}"
    );
    // An organisation that includes them keeps them as members.
    let fs = facts("The Nordic Council includes Norway and Iceland.");
    assert!(has(&fs, "Norway", "memberOf", "Nordic Council"), "{fs:?}");
}

#[test]
fn a_company_taking_over_a_company_acquires_it_but_troops_seize_a_town() {
    let fs = facts("Nordbank Holdings took over Vestfjord Savings Bank last year.");
    assert!(
        has(
            &fs,
            "Nordbank Holdings",
            "acquired",
            "Vestfjord Savings Bank"
        ),
        "{fs:?}"
    );
    let fs = facts("Rebel troops took over Kismayo on Friday.");
    assert!(!fs.iter().any(|(_, p, _)| p == "acquired"), "{fs:?}");
}
