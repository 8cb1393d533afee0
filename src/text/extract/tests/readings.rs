//! Tests of readings added after the first rules: ages, magnitudes,
//! strengths, areas, chains of scales, verbs of a figure's own, phone
//! numbers after a country code, capitalized plurals and dates.

use super::ex;

#[test]
fn magnitudes_and_hyphenated_ages_are_not_counts() {
    for s in [
        "A 7.8-magnitude earthquake struck.",
        "A 7.8 magnitude earthquake struck.",
        "The earthquake, of magnitude 6.2, struck.",
        "It measured 5.9 on the Richter scale.",
        "The quake had a magnitude of 6.2.",
        "A Richter scale 7.1 earthquake struck.",
        "A magnitude 7 earthquake struck.",
        "The 10-year-old boy was shot.",
        "a 6-month-old baby",
        "children under 12 years of age",
    ] {
        assert_eq!(ex(s), Vec::<String>::new(), "{s}");
    }
    assert_eq!(
        ex("A 7.8-magnitude earthquake killed 40 people."),
        ["40 [40, 40] people people killed"]
    );
    // A whole number after "magnitude of" with something counted after it
    // is a count.
    assert_eq!(
        ex("The magnitude of 300 deaths shocked everyone."),
        ["300 [300, 300] people deaths killed"]
    );
    assert_eq!(
        ex("Two 10-year-olds were killed."),
        ["Two [2, 2] people - killed"]
    );
    // Said of a span, "years old" is still a span, as number suites read it.
    assert_eq!(
        ex("He is over thirty years old."),
        ["over thirty [31, ∞) years - duration"]
    );
}

#[test]
fn a_force_some_number_strong_is_a_strength_and_pct_is_percent() {
    assert_eq!(
        ex("A force 3,000 strong attacked."),
        ["3,000 [3000, 3000] people - strength"]
    );
    assert_eq!(ex("Turnout fell 40 pct."), ["40 [40, 40] percent - -"]);
}

#[test]
fn a_vague_word_takes_a_dozen_and_a_chain_of_scales() {
    assert_eq!(
        ex("A few dozen people died."),
        ["A few dozen [24, 60] people people killed"]
    );
    assert_eq!(
        ex("A couple of dozen fighters died."),
        ["A couple of dozen [24, 24] people fighters killed"]
    );
    assert_eq!(
        ex("Several hundred thousand people fled."),
        ["Several hundred thousand [300000, 999000] people people -"]
    );
    // Each scale must be larger than the one before.
    assert_eq!(
        ex("a few million thousand"),
        [
            "a few million [2000000, 5000000] people - -",
            "thousand [1000, 1000] people - -"
        ]
    );
}

#[test]
fn a_figure_with_a_verb_of_its_own_does_not_take_an_earlier_measure() {
    assert_eq!(
        ex("At least 300 people died, 5.6 million fled."),
        [
            "At least 300 [300, ∞) people people killed",
            "5.6 million [5600000, 5600000] people - -"
        ]
    );
    assert_eq!(
        ex("More than 200 were killed and 5,000 have fled."),
        [
            "More than 200 [201, ∞) people - killed",
            "5,000 [5000, 5000] people - -"
        ]
    );
    // Without a verb of its own, the earlier measure word is the figure's.
    assert_eq!(
        ex("Fighting killed 40 people, 12 soldiers among them."),
        [
            "40 [40, 40] people people killed",
            "12 [12, 12] people soldiers killed"
        ]
    );
}

#[test]
fn groups_of_digits_after_a_country_code_are_a_phone_number() {
    for s in ["Call +961 1 234 567 now.", "Call +44 20 7946 0958 now."] {
        assert_eq!(ex(s), Vec::<String>::new(), "{s}");
    }
    assert_eq!(ex("+5 40 people"), ["40 [40, 40] people people -"]);
}

#[test]
fn a_squared_length_is_an_area_not_a_distance() {
    let cases: &[(&str, &[&str])] = &[
        (
            "ISIS controlled 50,000 km2 of territory.",
            &["50,000 [50000, 50000] km² - -"],
        ),
        (
            "About 2,000 km² burned.",
            &["About 2,000 [1800, 2200] km² - -"],
        ),
        (
            "An area of 300 square kilometres was flooded.",
            &["300 [300, 300] km² - -"],
        ),
        ("It covers 40 sq. mi.", &["40 [40, 40] mi² - -"]),
        ("a 500 m² warehouse", &["500 [500, 500] m² - -"]),
        // A length alone is still a distance.
        ("They walked 40 km.", &["40 [40, 40] km - distance"]),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn a_figure_whose_verb_is_left_out_takes_the_measure_of_the_one_before() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The army lost 12 soldiers and the rebels 30.",
            &[
                "12 [12, 12] people soldiers killed",
                "30 [30, 30] people - killed",
            ],
        ),
        (
            "Government forces lost 50 men, the rebels 120.",
            &[
                "50 [50, 50] people men killed",
                "120 [120, 120] people - killed",
            ],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

/// Inputs a review of the rules above found them misreading.
#[test]
fn the_rules_for_strength_names_magnitudes_verbs_and_ages_keep_to_their_cases() {
    let cases: &[(&str, &[&str])] = &[
        // "strong" before a noun is an adjective.
        (
            "A 3,000 strong force attacked the town.",
            &["3,000 [3000, 3000] force strong force -"],
        ),
        (
            "The rebels, 3,000 strong, attacked.",
            &["3,000 [3000, 3000] people - strength"],
        ),
        // A number inside a name of more than one word, and a plural that
        // does the killing, are not counted.
        ("During World War 2 Americans were killed in Europe.", &[]),
        (
            "In Aleppo 300 Kurds killed 40 soldiers.",
            &["40 [40, 40] people soldiers killed"],
        ),
        // A spaced dash joins no magnitude to the count after it.
        (
            "No one expected a disaster of such magnitude – 300 people dead in one night.",
            &["300 [300, 300] people people killed"],
        ),
        // Some of the killed who remained, or were returned, are killed.
        (
            "Of the 300 killed, 40 remained unidentified.",
            &[
                "300 [300, 300] people - killed",
                "40 [40, 40] people - killed",
            ],
        ),
        (
            "Of the 300 dead, 40 have been returned to their families.",
            &[
                "300 [300, 300] people - killed",
                "40 [40, 40] people - killed",
            ],
        ),
        // "age-old" is no age; a hyphen on either side of the span makes one.
        (
            "It ended 30 years of age-old rivalry.",
            &["30 [30, 30] years - duration"],
        ),
        ("A 10-year old boy and a 10 year-old girl were shot.", &[]),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn a_day_after_a_month_is_not_the_first_group_of_a_spaced_number() {
    let cases: &[(&str, &[&str])] = &[
        (
            "On March 3 300 people were killed.",
            &["300 [300, 300] people people killed"],
        ),
        // A group that cannot stand alone still joins.
        (
            "In March 3 000 people fled.",
            &["3 000 [3000, 3000] people people -"],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn left_and_remain_after_a_figure_are_verbs_not_its_unit() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Fighting killed 300 people and 40 left the town.",
            &[
                "300 [300, 300] people people killed",
                "40 [40, 40] people - -",
            ],
        ),
        (
            "Of the 40 hostages taken, 12 were left behind.",
            &[
                "40 [40, 40] people hostages taken-hostage",
                "12 [12, 12] people - taken-hostage",
            ],
        ),
        (
            "1,100 remain unidentified.",
            &["1,100 [1100, 1100] people - -"],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}
