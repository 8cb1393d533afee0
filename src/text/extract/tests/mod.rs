//! Tests of mention extraction, sentence by sentence.

use super::*;

/// Mentions as "text [low, high] unit noun measure".
fn ex(s: &str) -> Vec<String> {
    extract(s, Lexicon::shared())
        .iter()
        .map(|m| {
            format!(
                "{} {} {} {} {}",
                m.text(),
                m.value().interval(),
                m.unit(),
                m.noun().unwrap_or("-"),
                m.measure().map_or("-", |x| x.as_str())
            )
        })
        .collect()
}

#[test]
fn issue_example_yields_five_mentions() {
    assert_eq!(
        ex("20 Lebanese soldiers killed, 85 wounded and 24 captured (14 released, 4 executed)"),
        [
            "20 [20, 20] people Lebanese soldiers killed",
            "85 [85, 85] people - wounded",
            "24 [24, 24] people - captured",
            "14 [14, 14] people - released",
            "4 [4, 4] people - executed",
        ]
    );
}

#[test]
fn dates_years_times_ordinals_and_codes_are_not_figures() {
    for s in [
        "On 2 August the town fell.",
        "By 12 August 2014 it was over.",
        "It happened in 2014.",
        "The offensive (2014) ended.",
        "During the night between 1 and 2 August.",
        "It was 40 °C in the shade.",
        "On 3 and 4 March, and on 3, 4 and 5 May, the town held.",
        "Between August 1 and 2, the town held.",
        "August 12, 2014",
        "We produced nothing in 2013-14.",
        "We produced nothing in 2013–14, nor during 1914–18.",
        "The 2013–14 campaign began.",
        "the 3rd brigade and the twenty-first battalion",
        "At 2 pm they left; at 2.17pm they came back, at 10:30 again.",
        "under UN Security Council Resolution 1701",
        "Resolution 2254 was passed. Route 66 was closed.",
        "Call +1-222-2222-2222 or 555-1234.",
        "version 192.168.1.2 on 5/17/2018",
        "the LGA1156 socket and SCP-173",
        "agent 007",
        "At one point, the rebels fled.",
        "Which one do you prefer?",
        "One-fourth is a fraction number; they cut it in half.",
        "after 9/11, open 24/7",
        "it was -5 degrees, or (-3)",
        "between -5 and 10 degrees; from 10 to -5 degrees; minus 5 degrees",
        "He said some of it was true; some time later; he has multiple sclerosis.",
        "In the first half of 2014, and the other half of the town.",
        "more than 1/1 of the people",
        "There was no need for a costly assault.",
    ] {
        assert_eq!(ex(s), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn shares_are_fractions_of_something_or_compared() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Two thirds of the fighters were killed.",
            &[
                "Two thirds [0.6666666666666666666666666667, 0.6666666666666666666666666667] share fighters killed",
            ],
        ),
        (
            "half the prisoners",
            &["half [0.5, 0.5] share prisoners captured"],
        ),
        (
            "More than 1/2 of the people came",
            &["More than 1/2 [0.5, ∞) share people -"],
        ),
        (
            "above one quarter and below a half",
            &["above one quarter and below a half [0.25, 0.5] share - -"],
        ),
        (
            "one and a half hours",
            &["one and a half [1.5, 1.5] hours - duration"],
        ),
        (
            "more than half an hour",
            &["more than half [0.5, ∞) hours - duration"],
        ),
        (
            "one in five victims",
            &["one in five [0.2, 0.2] share victims -"],
        ),
        (
            "a quarter of an hour",
            &["a quarter [0.25, 0.25] hours - duration"],
        ),
        (
            "Some rebel fighters fled",
            &["Some [2, ∞) people rebel fighters -"],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(ex(input), *want, "{input}");
    }
    let m = &extract("more than half of them", Lexicon::shared())[0];
    assert_eq!((m.low(), m.low_open()), (Some(Decimal::new(5, 1)), true));
    assert_eq!((m.high(), m.high_open()), (Some(Decimal::ONE), false));
}

#[test]
fn counts_of_things_take_the_measure_next_to_them() {
    let cases: &[(&str, &[&str])] = &[
        (
            "300 families fled the town",
            &["300 [300, 300] families families -"],
        ),
        (
            "300 families were killed",
            &["300 [300, 300] families families killed"],
        ),
        // Places are seized, not taken prisoner.
        (
            "the army captured two hills",
            &["two [2, 2] hills hills seized"],
        ),
        (
            "Three analysts expect 300 deaths.",
            &[
                "Three [3, 3] analysts analysts -",
                "300 [300, 300] people deaths killed",
            ],
        ),
        (
            "Three news outlets reported 12 deaths.",
            &[
                "Three [3, 3] outlets news outlets -",
                "12 [12, 12] people deaths killed",
            ],
        ),
        // Not from elsewhere in the sentence.
        (
            "they captured the building under fire from multiple directions",
            &["multiple [2, ∞) directions directions -"],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(ex(input), *want, "{input}");
    }
}

#[test]
fn strict_bounds_on_measures_stay_open() {
    let m = &extract("under 2.5 hours", Lexicon::shared())[0];
    assert_eq!(m.unit(), &Unit::Hours);
    assert_eq!((m.low(), m.low_open()), (Some(Decimal::ZERO), false));
    assert_eq!((m.high(), m.high_open()), (Some(Decimal::new(25, 1)), true));
    let m = &extract("more than 30% of the dead", Lexicon::shared())[0];
    assert_eq!(m.unit(), &Unit::Percent);
    assert_eq!((m.low(), m.low_open()), (Some(Decimal::from(30)), true));
    // Whole counts stay inclusive and whole.
    let m = &extract("more than 1.5 million people", Lexicon::shared())[0];
    assert_eq!(
        (m.low(), m.low_open()),
        (Some(Decimal::from(1_500_001)), false)
    );
}

#[test]
fn figures_in_prose() {
    let cases: &[(&str, &[&str])] = &[
        (
            "A 24-hour cease-fire, a 40-man unit and a five-hour battle.",
            &[
                "24 [24, 24] hours cease-fire duration",
                "40 [40, 40] people unit strength",
                "five [5, 5] hours battle duration",
            ],
        ),
        (
            "More than 100 people had been killed and at least 18 wounded.",
            &[
                "More than 100 [101, ∞) people people killed",
                "at least 18 [18, ∞) people - wounded",
            ],
        ),
        (
            "there were no casualties; none were killed",
            &[
                "no [0, 0] people casualties casualties",
                "none [0, 0] people - killed",
            ],
        ),
        (
            "an unknown number of fighters were captured",
            &["an unknown number [0, ∞) people fighters captured"],
        ),
        (
            "some 2,000 troops, a 300-strong force and 10km of road",
            &[
                "some 2,000 [1800, 2200] people troops -",
                "300 [300, 300] people force strength",
                "10 [10, 10] km - distance",
            ],
        ),
        (
            "between 25 and 28 rebels, two or three soldiers, 5-6 thousand civilians",
            &[
                "between 25 and 28 [25, 28] people rebels -",
                "two or three [2, 3] people soldiers -",
                "5-6 thousand [5000, 6000] people civilians -",
            ],
        ),
        (
            "killing more than a dozen and wounding several hundred",
            &[
                "more than a dozen [13, ∞) people - killed",
                "several hundred [300, 999] people - wounded",
            ],
        ),
        (
            "2000 people died; 1500 were wounded",
            &[
                "2000 [2000, 2000] people people killed",
                "1500 [1500, 1500] people - wounded",
            ],
        ),
        (
            "forty-five (45) hostages",
            &["forty-five (45) [45, 45] people hostages taken-hostage"],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn citation_and_editorial_markers_are_never_figures() {
    for s in [
        "The town fell.[12]",
        "The town fell.[3][4][5]",
        "The town fell[note 2] and[update] then[citation needed].",
        "The town fell[*][**][a].",
        "The town fell<ref>BBC News, 12 May 2014, p. 4</ref>.",
        r#"The town fell<ref name="bbc2014" />."#,
        "The town fell<sup>3</sup> and<sup>[4]</sup> then<sup>b</sup>.",
    ] {
        assert_eq!(ex(s), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn a_marker_does_not_hide_the_figure_beside_it() {
    let cases: &[(&str, &[&str])] = &[
        ("185 killed[*][23]", &["185 [185, 185] people - killed"]),
        (
            "163[15]–900 technicals",
            &["163[15]–900 [163, 900] technicals technicals -"],
        ),
        (
            "5,000[8] – 14,426 troops",
            &["5,000[8] – 14,426 [5000, 14426] people troops -"],
        ),
        (
            "30 killed,[3] 40 wounded",
            &[
                "30 [30, 30] people - killed",
                "40 [40, 40] people - wounded",
            ],
        ),
        (
            "1,250+[3] killed[note 1] and 12[citation needed] wounded",
            &[
                "1,250+ [1250, ∞) people - killed",
                "12 [12, 12] people - wounded",
            ],
        ),
        (
            "killed 30<ref>AP, 2 June 2014</ref> rebels",
            &["30 [30, 30] people rebels killed"],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn detained_people_are_captured() {
    let cases: &[(&str, &[&str])] = &[
        // A headline: the count after "Detain" is no identifier.
        (
            "Troops in Iraq Detain 13",
            &["13 [13, 13] people - captured"],
        ),
        (
            "Forces killed five terrorists and detained 14 suspects today.",
            &[
                "five [5, 5] people terrorists killed",
                "14 [14, 14] people suspects captured",
            ],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn dates_coordinates_formations_and_ages_are_not_counts() {
    assert!(
        ex("Aug. 8, 2008 - Forces detained three suspects.")
            .iter()
            .all(|m| !m.starts_with("8 "))
    );
    assert_eq!(
        ex("DateMay 23, 2017 (2017-05-23) – present"),
        Vec::<String>::new()
    );
    assert_eq!(
        ex("8°00′38″N 124°17′52″E / 8.0106°N 124.2977°E / 8.0106; 124.2977"),
        Vec::<String>::new()
    );
    assert_eq!(
        ex("** 53 Division, ** 55 Division, 543 Brigade:"),
        Vec::<String>::new()
    );
    assert_eq!(
        ex("Three divisions attacked."),
        ["Three [3, 3] divisions divisions -"]
    );
    assert_eq!(
        ex("Boko Haram abducted eight girls aged between 12 and 15."),
        ["eight [8, 8] people girls taken-hostage"]
    );
    // A month's full name ends a sentence: the count after it stands.
    assert_eq!(
        ex("It rose to 19 by 12 August. 60 militants were also confirmed dead."),
        [
            "19 [19, 19] people - -",
            "60 [60, 60] people militants killed"
        ]
    );
}

#[test]
fn infobox_fields_give_their_figures_a_measure() {
    assert_eq!(
        ex("- Casualties1: Killed: 169, Wounded: 947, MIA: 1"),
        [
            "169 [169, 169] people - killed",
            "947 [947, 947] people - wounded",
            "1 [1, 1] people - missing"
        ]
    );
    assert_eq!(
        ex("- Strength2: 1000"),
        ["1000 [1000, 1000] people - strength"]
    );
    assert_eq!(
        ex("- Strength1: Up to 3,500 troops"),
        ["Up to 3,500 [0, 3500] people troops strength"]
    );
    assert_eq!(
        ex("- Injuries: Unknown"),
        ["Unknown [0, ∞) people - wounded"]
    );
    assert_eq!(
        ex("- Casualties1: 50 killed, unknown wounded")[1],
        "unknown [0, ∞) people - wounded"
    );
    // A field that counts nothing has no figure in "Unknown".
    assert_eq!(ex("- Units1: Unknown"), Vec::<String>::new());
    assert_eq!(ex("Total: 641+ KIA"), ["641+ [641, ∞) people - killed"]);
}

#[test]
fn html_space_entities_read_as_spaces() {
    assert_eq!(
        ex("Some 3&nbsp;000 soldiers and 40&#160;civilians died."),
        [
            "Some 3&nbsp;000 [2700, 3300] people soldiers killed",
            "40 [40, 40] people civilians killed"
        ]
    );
    assert_eq!(
        ex("1&thinsp;200 rebels&nbsp;were killed."),
        ["1&thinsp;200 [1200, 1200] people rebels killed"]
    );
    // Only a whole entity is a space: "&nbsp" without its ";" is kept.
    assert_eq!(ex("3&nbsp000 soldiers"), ["3 [3, 3] people - -"]);
}

#[test]
fn a_soft_hyphen_does_not_break_a_word() {
    assert_eq!(
        ex("12 re\u{ad}bels were kil\u{ad}led."),
        ["12 [12, 12] people re\u{ad}bels killed"]
    );
}

#[test]
fn an_entity_reads_as_the_character_it_stands_for() {
    // Dashes make ranges, in named and numeric references alike.
    assert_eq!(
        ex("50&ndash;170 rebels were killed."),
        ["50&ndash;170 [50, 170] people rebels killed"]
    );
    assert_eq!(
        ex("20&#8211;30 soldiers and 5&#x2013;8 civilians died"),
        [
            "20&#8211;30 [20, 30] people soldiers killed",
            "5&#x2013;8 [5, 8] people civilians killed"
        ]
    );
    // Signs and fractions.
    assert_eq!(
        ex("&asymp;400 fighters were killed"),
        ["&asymp;400 [360, 440] people fighters killed"]
    );
    assert_eq!(ex("2&frac12; km"), ["2&frac12; [2.5, 2.5] km - distance"]);
    // Soft hyphens and letters inside a word keep it whole.
    assert_eq!(
        ex("12 re&shy;bels were kil&#173;led."),
        ["12 [12, 12] people re&shy;bels killed"]
    );
    // An escaped citation marker is still a marker.
    assert_eq!(
        ex("40 civilians&lt;ref&gt;SOHR&lt;/ref&gt; died"),
        ["40 [40, 40] people civilians killed"]
    );
    // "&amp;" is an ampersand, not a figure or a break; an unknown or
    // unterminated reference is left as text.
    assert_eq!(
        ex("Smith &amp; Jones said 30 rebels died &#; &bogus 4"),
        ["30 [30, 30] people rebels killed", "4 [4, 4] people - -"]
    );
}

#[test]
fn a_quoted_figure_counts_the_noun_after_the_quote() {
    assert_eq!(
        ex("“Some 200” rebels were killed."),
        ["Some 200 [180, 220] people rebels killed"]
    );
    assert_eq!(
        ex("\"12\" fighters"),
        ["12 [12, 12] people fighters strength"]
    );
}

#[test]
fn a_heading_gives_the_lines_under_it_their_measure() {
    let text = "Strength\n3,000+ soldiers[11]\n  • Abu Sayyaf: 60[10]\nCasualties and losses\n128 killed\n";
    assert_eq!(
        ex(text),
        [
            "3,000+ [3000, ∞) people soldiers strength",
            "60 [60, 60] people - strength",
            "128 [128, 128] people - killed"
        ]
    );
    // A paragraph of prose ends the heading's reach.
    let text = "Strength\nThe town was quiet for weeks before the army came back with more men.\n300 soldiers\n";
    assert_eq!(ex(text), ["300 [300, 300] people soldiers -"]);
}

#[test]
fn killed_or_wounded_are_casualties_and_a_table_row_keeps_its_measures() {
    assert_eq!(
        ex("Some civilians were killed or wounded."),
        ["Some [2, ∞) people civilians casualties"]
    );
    assert_eq!(
        ex("24 killed 52 wounded"),
        [
            "24 [24, 24] people - killed",
            "52 [52, 52] people - wounded"
        ]
    );
    // A year before the singular of a people noun is a year.
    assert_eq!(ex("2004 Russian hostage crisis"), Vec::<String>::new());
}

#[test]
fn displaced_people_are_displaced_and_those_who_fled_are_not_killed() {
    let cases: &[(&str, &[&str])] = &[
        // "fled" says no measure: fighters flee a battle and are not
        // displaced. The measure of the next clause is not taken.
        (
            "About 90,000 others had fled across the border, and many civilians were \
             reported dead.",
            &["About 90,000 [81000, 99000] people others -"],
        ),
        (
            "180,000 evacuated, 84,760 displaced",
            &[
                "180,000 [180000, 180000] people - displaced",
                "84,760 [84760, 84760] people - displaced",
            ],
        ),
        (
            "Casualties: 200+ civilians killed, 15,000 displaced",
            &[
                "200+ [200, ∞) people civilians killed",
                "15,000 [15000, 15000] people - displaced",
            ],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn a_lexicon_of_ones_own_is_used() {
    let house = Lexicon::english().without_term("dozens");
    assert!(extract("dozens of rebels", &house).is_empty());
    assert_eq!(extract("dozens of rebels", Lexicon::shared()).len(), 1);
}

#[test]
fn spans_are_offsets_into_the_whole_text() {
    let text = "first line\n“About 70 militants”\r\nlast: 3 dead";
    let found = extract(text, Lexicon::shared());
    let spans: Vec<_> = found
        .iter()
        .map(|m| (&text[m.span()], m.start(), m.end()))
        .collect();
    assert_eq!(spans, [("About 70", 14, 22), ("3", 43, 44)]);
    assert_eq!(found[0].noun(), Some("militants"));
    assert_eq!(found[0].noun_span().map(|r| &text[r]), Some("militants"));
    assert_eq!(found[1].measure(), Some(&Measure::Killed));
}

#[test]
fn a_scaled_figure_is_written_without_a_fractional_zero() {
    let values: Vec<String> = extract(
        "About 1.2 million fled, 1.5-2 million stayed and 2.5 thousand died; 3.75 km.",
        Lexicon::shared(),
    )
    .iter()
    .map(|m| m.value().to_string())
    .collect();
    assert_eq!(values, ["~1200000", "1500000–2000000", "2500", "3.75"]);
    // As the value grammar reads the same words.
    let parsed: Estimate = "1.2 million".parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.to_string(), "1200000");
}

#[test]
fn an_approximator_after_a_quantity_word_is_part_of_the_figure() {
    assert_eq!(
        ex("A dozen or so rebels were killed."),
        ["A dozen or so [10, 14] people rebels killed"]
    );
    // In running text a reversed pair is two numbers, not a refused range.
    assert_eq!(
        ex("The toll fell from 200 to 50 people."),
        [
            "200 [200, 200] people - killed",
            "50 [50, 50] people people killed"
        ]
    );
}

#[test]
fn a_count_after_a_name_or_a_month_is_a_count_when_something_counted_follows() {
    let cases: &[(&str, &[&str])] = &[
        (
            "In Homs 40 people were killed.",
            &["40 [40, 40] people people killed"],
        ),
        (
            "According to the UN 400,000 people have died.",
            &["400,000 [400000, 400000] people people killed"],
        ),
        (
            "In March 40 people were killed.",
            &["40 [40, 40] people people killed"],
        ),
        (
            "On 12 March 1,400 people were killed.",
            &["1,400 [1400, 1400] people people killed"],
        ),
        // A capitalized plural that a measure word follows is counted.
        (
            "According to the UN 400,000 Syrians have died.",
            &["400,000 [400000, 400000] people Syrians killed"],
        ),
        (
            "In Aleppo 300 Kurds were killed.",
            &["300 [300, 300] people Kurds killed"],
        ),
        // A name before a number with nothing counted after it, and a day
        // or a year after a month, stay what they were.
        ("The council passed Resolution 1701 in August.", &[]),
        (
            "The council passed Resolution 1701 Amendments in August.",
            &[],
        ),
        ("In May 2014 people fled.", &[]),
        ("On March 12 people were killed.", &[]),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn html_tags_are_no_figures_and_their_closing_mark_is_not_more_than() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Killed: 1,200<br>1,500",
            &[
                "1,200 [1200, 1200] people - killed",
                "1,500 [1500, 1500] people - killed",
            ],
        ),
        (
            r#"<a href="x">40 soldiers</a> were killed"#,
            &["40 [40, 40] people soldiers killed"],
        ),
        (
            r#"<img width="300" height="200"> 5 killed"#,
            &["5 [5, 5] people - killed"],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn between_two_scaled_numbers_is_a_range_not_one_number() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Between 2 million and 3 million people fled.",
            &["Between 2 million and 3 million [2000000, 3000000] people people -"],
        ),
        (
            "between two million and three million refugees",
            &["between two million and three million [2000000, 3000000] people refugees -"],
        ),
        // "and" inside one number still joins it.
        (
            "two million and three hundred thousand refugees",
            &["two million and three hundred thousand [2300000, 2300000] people refugees -"],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn m_after_digits_is_a_million_before_people_and_after_money_else_metres() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Officials said 1.2m Syrians had fled.",
            &["1.2m [1200000, 1200000] people Syrians -"],
        ),
        (
            "About 3m refugees crossed.",
            &["About 3m [2700000, 3300000] people refugees -"],
        ),
        ("It cost £3.5m.", &["3.5m [3500000, 3500000] pounds - -"]),
        ("A 10m wall was built.", &["10 [10, 10] m - distance"]),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn a_grouped_number_too_large_to_read_is_no_figure_not_its_tail() {
    // One more than Decimal's largest, grouped: its last 28 digits would fit.
    assert_eq!(
        ex("79,228,162,514,264,337,593,543,950,336 people were killed"),
        Vec::<String>::new()
    );
    assert_eq!(
        ex("79,228,162,514,264,337,593,543,950,335 people were killed"),
        [
            "79,228,162,514,264,337,593,543,950,335 [79228162514264337593543950335, 79228162514264337593543950335] people people killed"
        ]
    );
}

#[test]
fn a_dozen_on_the_high_end_applies_to_both() {
    for s in [
        "two or three dozen soldiers were killed",
        "2-3 dozen soldiers were killed",
    ] {
        let first = s.split(" soldiers").next().unwrap_or_default();
        assert_eq!(
            ex(s),
            [format!("{first} [24, 36] people soldiers killed")],
            "{s}"
        );
    }
}

#[test]
fn a_figure_space_groups_thousands() {
    assert_eq!(
        ex("About 3\u{2007}000 people were killed."),
        ["About 3\u{2007}000 [2700, 3300] people people killed"]
    );
}

#[test]
fn a_change_from_one_figure_to_another_is_two_figures_not_a_range() {
    let cases: &[(&str, &[&str])] = &[
        (
            "The death toll rose from 1,200 to 1,240.",
            &[
                "1,200 [1200, 1200] people - killed",
                "1,240 [1240, 1240] people - killed",
            ],
        ),
        (
            "The toll rose by 40 to 1,240.",
            &[
                "40 [40, 40] people - killed",
                "1,240 [1240, 1240] people - killed",
            ],
        ),
        (
            "From 50 to 170 rebels were killed.",
            &["From 50 to 170 [50, 170] people rebels killed"],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(ex(s), *want, "{s}");
    }
}

#[test]
fn a_scale_after_a_mixed_number_scales_all_of_it() {
    assert_eq!(
        ex("1½ million people fled; 2 1/4 thousand stayed."),
        [
            "1½ million [1500000, 1500000] people people -",
            "2 1/4 thousand [2250, 2250] people - -",
        ]
    );
}

#[test]
fn a_bound_on_a_range_joined_by_a_hyphen_is_read_as_with_a_dash() {
    for dash in ["-", "–"] {
        let s = format!("At least 50{dash}170 soldiers died.");
        assert_eq!(
            ex(&s),
            [format!(
                "At least 50{dash}170 [50, ∞) people soldiers killed"
            )],
            "{s}"
        );
    }
}

#[test]
fn migrants_passengers_and_lives_count_people() {
    assert_eq!(
        ex("12 passengers were killed. 40 migrants drowned."),
        [
            "12 [12, 12] people passengers killed",
            "40 [40, 40] people migrants -",
        ]
    );
}

mod readings;
