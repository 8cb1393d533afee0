//! The worked example dossier, `examples/data/qalamoun-2014.toml`: it loads
//! through the public API, holds every figure of the Wikipedia article
//! "Qalamoun offensive (2014)" with its attribution, declares the relations
//! the text implies, and keeps the article's contradictions as claims on the
//! same (or related) figures.
#![cfg(feature = "serde")]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use reckon::model::{Qualifier, Reliability, Stake};
use reckon::{Dossier, Relation, SourceKind};

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/qalamoun-2014.toml"
);

fn dossier() -> &'static Dossier {
    static D: OnceLock<Dossier> = OnceLock::new();
    D.get_or_init(|| match Dossier::load(PATH) {
        Ok(d) => d,
        Err(e) => panic!("the dossier does not load: {e}"),
    })
}

/// One expected claim: id, source, value as `Display` writes it, qualifiers
/// (comma-separated, empty for none).
type Expected<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Checks one figure: its measure, unit and side, and its claims, in file
/// order, each with its source, value and qualifiers, and with a quote.
#[track_caller]
fn figure(id: &str, measure: &str, unit: &str, side: Option<&str>, claims: &[Expected<'_>]) {
    let d = dossier();
    let f = d
        .figure(&id.into())
        .unwrap_or_else(|| panic!("figure `{id}` is missing"));
    let s = f.scope();
    let got: Vec<(String, String, String, String)> = d
        .claims_of(&id.into())
        .map(|c| {
            assert!(
                c.quote().is_some_and(|q| !q.is_empty()),
                "claim `{}` has no quote",
                c.id()
            );
            let q: Vec<&str> = c.qualifiers().iter().map(|q| q.as_str()).collect();
            (
                c.id().to_string(),
                c.source().to_string(),
                c.value().to_string(),
                q.join(","),
            )
        })
        .collect();
    let want: Vec<(String, String, String, String)> = claims
        .iter()
        .map(|(a, b, c, q)| (a.to_string(), b.to_string(), c.to_string(), q.to_string()))
        .collect();
    assert_eq!(
        (
            s.measure().as_str(),
            s.unit().as_str(),
            s.side().map(|x| x.as_str()),
            got
        ),
        (measure, unit, side, want),
        "figure `{id}`"
    );
}

const GOV: Option<&str> = Some("government");
const REB: Option<&str> = Some("rebels");

#[test]
fn the_dossier_loads_and_validates() {
    let d = dossier();
    assert!(d.validate().is_ok());
    assert_eq!(d.sources().len(), 9);
    assert_eq!(d.figures().len(), 71);
    assert_eq!(d.claims().len(), 81);
    assert_eq!(d.relations().len(), 15);
    for f in d.figures() {
        assert!(
            d.claims_of(f.id()).next().is_some(),
            "figure `{}` has no claim",
            f.id()
        );
        let first = f.scope().events().first().map(String::as_str);
        assert!(
            matches!(
                first,
                Some(
                    "Qalamoun offensive (2014)"
                        | "surrounding of Tfail"
                        | "battle for the hills"
                        | "battle of Arsal"
                        | "aftermath"
                )
            ),
            "figure `{}` does not name its section first: {first:?}",
            f.id()
        );
    }
}

#[test]
fn sources_are_attributed_as_the_text_attributes_them() {
    let d = dossier();
    let expect = [
        (
            "article",
            "Wikipedia, \"Qalamoun offensive (2014)\" (article text)",
            SourceKind::Encyclopedia,
            None,
        ),
        (
            "infobox",
            "Wikipedia, \"Qalamoun offensive (2014)\" (infobox)",
            SourceKind::Encyclopedia,
            None,
        ),
        (
            "syrian-lebanese-governments",
            "Syrian and Lebanese government claims",
            SourceKind::Government,
            GOV,
        ),
        (
            "rebel-commander",
            "a rebel commander",
            SourceKind::ArmedOpposition,
            REB,
        ),
        (
            "hezbollah-sources",
            "Hezbollah sources",
            SourceKind::Belligerent,
            GOV,
        ),
        (
            "syrian-state-tv",
            "Syrian state TV",
            SourceKind::StateMedia,
            GOV,
        ),
        (
            "security-source",
            "a security source",
            SourceKind::Security,
            None,
        ),
        (
            "another-report",
            "another report",
            SourceKind::Anonymous,
            None,
        ),
        (
            "other-sources",
            "other sources",
            SourceKind::Anonymous,
            None,
        ),
    ];
    for (id, name, kind, side) in expect {
        let s = d
            .source(&id.into())
            .unwrap_or_else(|| panic!("source `{id}` is missing"));
        assert_eq!(
            (
                s.name(),
                s.kind(),
                s.side().map(|x| x.as_str()),
                s.reliability(),
                s.relays()
            ),
            (name, kind, side, Reliability::F, None),
            "source `{id}`"
        );
    }
}

#[test]
fn infobox_figures() {
    figure(
        "rebels-strength",
        "strength",
        "people",
        REB,
        &[
            ("ibx-rebels-strength", "infobox", "3000", ""),
            ("bg-rebels-strength", "article", "3000", ""),
        ],
    );
    figure(
        "lebanese-army-strength",
        "strength",
        "people",
        GOV,
        &[("ibx-lebanese-army-strength", "infobox", "12000", "")],
    );
    figure(
        "offensive-rebels-killed",
        "killed",
        "people",
        REB,
        &[(
            "ibx-gov-rebels-killed",
            "syrian-lebanese-governments",
            "20+",
            "claimed",
        )],
    );
    figure(
        "offensive-syria-hezbollah-casualties",
        "casualties",
        "people",
        GOV,
        &[("ibx-syria-hezbollah-casualties", "infobox", "unknown", "")],
    );
    figure(
        "arsal-lebanese-soldiers-wounded",
        "wounded",
        "people",
        GOV,
        &[("ibx-soldiers-wounded", "infobox", "85", "")],
    );
    figure(
        "arsal-lebanese-soldiers-captured",
        "captured",
        "people",
        GOV,
        &[("ibx-soldiers-captured", "infobox", "24", "")],
    );
    figure(
        "arsal-lebanese-soldiers-released",
        "released",
        "people",
        GOV,
        &[("ibx-soldiers-released", "infobox", "14", "")],
    );
    figure(
        "arsal-lebanese-soldiers-executed",
        "executed",
        "people",
        GOV,
        &[("ibx-soldiers-executed", "infobox", "4", "")],
    );
    figure(
        "arsal-policemen-released",
        "released",
        "people",
        GOV,
        &[("ibx-policemen-released", "infobox", "6", "")],
    );
    let unknown = dossier()
        .claim(&"ibx-syria-hezbollah-casualties".into())
        .unwrap();
    assert!(unknown.value().is_unknown(), "unknown is not zero");
}

#[test]
fn surrounding_of_tfail_figures() {
    figure(
        "rankous-hezbollah-killed",
        "killed",
        "people",
        GOV,
        &[(
            "rc-rankous-hezbollah-killed",
            "rebel-commander",
            "29",
            "claimed",
        )],
    );
    figure(
        "rankous-hezbollah-killed-ambush",
        "killed",
        "people",
        GOV,
        &[(
            "rc-rankous-ambush-killed",
            "rebel-commander",
            "11",
            "claimed",
        )],
    );
    figure(
        "rankous-fighting-duration",
        "duration",
        "days",
        None,
        &[("rc-rankous-duration", "rebel-commander", "2", "claimed")],
    );
    figure(
        "tfail-army-distance",
        "distance",
        "km",
        GOV,
        &[("tfail-army-distance", "article", "<=1", "")],
    );
    figure(
        "tfail-sides-bordering-syria",
        "bordering",
        "sides",
        None,
        &[("tfail-sides", "article", "3", "")],
    );
    figure(
        "tfail-rebels-surrendered",
        "surrendered",
        "people",
        REB,
        &[("tfail-surrendered", "article", "70", "")],
    );
    figure(
        "tfail-area-hezbollah-killed",
        "killed",
        "people",
        GOV,
        &[("tfail-hezbollah-killed", "article", "14", "confirmed")],
    );
    figure(
        "tfail-area-count-window",
        "duration",
        "weeks",
        None,
        &[("tfail-count-window", "article", "2", "")],
    );
    figure(
        "rankous-hills-seized",
        "seized",
        "hills",
        GOV,
        &[(
            "rankous-hills-state-tv",
            "syrian-state-tv",
            "some",
            "claimed",
        )],
    );
    figure(
        "foothills-positions-retaken",
        "seized",
        "positions",
        REB,
        &[("foothills-positions-retaken", "article", "some", "")],
    );
}

#[test]
fn battle_for_the_hills_figures() {
    figure(
        "hills-fighting-duration",
        "duration",
        "days",
        None,
        &[("hills-duration", "article", "2", "")],
    );
    figure(
        "hills-hezbollah-killed",
        "killed",
        "people",
        GOV,
        &[
            (
                "hills-hezbollah-killed-article",
                "article",
                "6–7",
                "confirmed",
            ),
            ("hills-hezbollah-killed-another", "another-report", "14", ""),
        ],
    );
    figure(
        "hills-rebels-killed",
        "killed",
        "people",
        REB,
        &[
            (
                "hills-rebels-killed-article",
                "article",
                "17–32",
                "confirmed",
            ),
            ("hills-rebels-killed-another", "another-report", "104", ""),
        ],
    );
    figure(
        "hills-hezbollah-wounded",
        "wounded",
        "people",
        GOV,
        &[("hills-hezbollah-wounded", "article", "31", "confirmed")],
    );
    figure(
        "hills-rebels-wounded",
        "wounded",
        "people",
        REB,
        &[("hills-rebels-wounded", "article", "23", "confirmed")],
    );
    figure(
        "hills-rebels-captured",
        "captured",
        "people",
        REB,
        &[
            ("hills-rebels-captured-article", "article", "14", ""),
            ("hills-rebels-captured-another", "another-report", "40", ""),
        ],
    );
    figure(
        "fakiha-hezbollah-killed",
        "killed",
        "people",
        GOV,
        &[("fakiha-hezbollah-killed", "article", "2", "")],
    );
    figure(
        "fakiha-rebels-killed",
        "killed",
        "people",
        REB,
        &[("fakiha-rebels-killed", "article", "dozens", "")],
    );
    figure(
        "fakiha-rebels-captured",
        "captured",
        "people",
        REB,
        &[("fakiha-rebels-captured", "article", "7", "")],
    );
    figure(
        "hezbollah-operation-killed",
        "killed",
        "people",
        None,
        &[(
            "security-operation-killed",
            "security-source",
            ">100",
            "confirmed",
        )],
    );
    figure(
        "nahle-hezbollah-unit-strength",
        "strength",
        "people",
        GOV,
        &[("nahle-unit", "article", "40", "")],
    );
    figure(
        "nahle-rebels-strength",
        "strength",
        "people",
        REB,
        &[("nahle-attackers", "article", "250", "")],
    );
    figure(
        "nahle-closest-distance",
        "distance",
        "m",
        None,
        &[("nahle-distance", "article", "10", "")],
    );
    figure(
        "nahle-battle-duration",
        "duration",
        "hours",
        None,
        &[("nahle-duration", "article", "5", "")],
    );
    figure(
        "nahle-hezbollah-killed",
        "killed",
        "people",
        GOV,
        &[("nahle-hezbollah-killed", "article", "10", "")],
    );
    figure(
        "nahle-hezbollah-wounded",
        "wounded",
        "people",
        GOV,
        &[("nahle-hezbollah-wounded", "article", "20", "")],
    );
    figure(
        "airstrike-rebels-killed",
        "killed",
        "people",
        REB,
        &[("airstrike-rebels-killed", "article", "20", "")],
    );
}

#[test]
fn al_jobeh_figures() {
    figure(
        "jobeh-distance-from-border",
        "distance",
        "km",
        None,
        &[("jobeh-distance", "article", "~10", "")],
    );
    figure(
        "jobeh-rebels-killed",
        "killed",
        "people",
        REB,
        &[
            ("jobeh-rebels-killed-article", "article", "50–170", ""),
            (
                "jobeh-rebels-killed-others",
                "other-sources",
                "200",
                "claimed",
            ),
        ],
    );
    figure(
        "jobeh-government-killed",
        "killed",
        "people",
        GOV,
        &[
            ("jobeh-gov-killed-article", "article", "7–11", ""),
            ("jobeh-gov-killed-others", "other-sources", "22", "claimed"),
        ],
    );
    figure(
        "jobeh-soldiers-killed",
        "killed",
        "people",
        GOV,
        &[(
            "jobeh-soldiers-killed-others",
            "other-sources",
            "20",
            "claimed",
        )],
    );
    figure(
        "jobeh-hezbollah-killed",
        "killed",
        "people",
        GOV,
        &[
            ("jobeh-hezbollah-killed-article", "article", "2", ""),
            (
                "jobeh-hezbollah-killed-others",
                "other-sources",
                "2",
                "claimed",
            ),
        ],
    );
}

#[test]
fn battle_of_arsal_figures() {
    figure(
        "arsal-shelling-directions",
        "shelling",
        "directions",
        None,
        &[("arsal-shelling-directions", "article", "multiple", "")],
    );
    figure(
        "arsal-policemen-captured",
        "captured",
        "people",
        GOV,
        &[
            ("arsal-policemen-article", "article", "16", ""),
            ("ibx-policemen-captured", "infobox", "20", ""),
        ],
    );
    figure(
        "arsal-lebanese-soldiers-killed",
        "killed",
        "people",
        GOV,
        &[
            ("arsal-toll-18", "article", "18", ""),
            ("arsal-toll-19", "article", "19", ""),
            ("ibx-soldiers-killed", "infobox", "20", ""),
        ],
    );
    figure(
        "arsal-soldiers-hostage",
        "taken-hostage",
        "people",
        GOV,
        &[("arsal-soldiers-hostage", "article", "2", "")],
    );
    figure(
        "arsal-soldiers-freed",
        "released",
        "people",
        GOV,
        &[("arsal-soldiers-freed", "article", "2", "")],
    );
    figure(
        "arsal-government-buildings",
        "attempted-capture",
        "buildings",
        None,
        &[("arsal-buildings", "article", "2", "")],
    );
    figure(
        "arsal-ceasefire-duration",
        "duration",
        "hours",
        None,
        &[("arsal-ceasefire", "article", "24", "")],
    );
    figure(
        "arsal-hideouts-militants-wounded",
        "wounded",
        "people",
        REB,
        &[("arsal-hideouts-wounded", "article", "dozens", "")],
    );
    figure(
        "arsal-militants-killed",
        "killed",
        "people",
        REB,
        &[("arsal-militants-killed", "article", "60", "confirmed")],
    );
    figure(
        "arsal-civilians-killed",
        "killed",
        "people",
        None,
        &[("arsal-civilians-killed", "article", "42", "confirmed")],
    );
    figure(
        "arsal-civilians-wounded",
        "wounded",
        "people",
        None,
        &[("arsal-civilians-wounded", "article", "400", "estimated")],
    );
}

#[test]
fn aftermath_figures() {
    figure(
        "aftermath-arsal-positions-seized",
        "seized",
        "positions",
        GOV,
        &[("aftermath-arsal-positions", "article", "some", "")],
    );
    figure(
        "aftermath-israeli-airstrikes",
        "strikes",
        "airstrikes",
        None,
        &[("aftermath-israeli-airstrikes", "article", "a series of", "")],
    );
    figure(
        "aftermath-assal-al-ward-hilltops-seized",
        "seized",
        "hilltops",
        GOV,
        &[("aftermath-assal-hilltops", "article", "a number of", "")],
    );
    figure(
        "aftermath-fsa-factions-merged",
        "groups",
        "factions",
        REB,
        &[("aftermath-fsa-factions", "article", ">20", "")],
    );
    figure(
        "aftermath-shura-council-brigades",
        "groups",
        "brigades",
        REB,
        &[("aftermath-brigades", "article", "6", "")],
    );
    figure(
        "aftermath-fsa-defections-to-isis",
        "defected",
        "people",
        REB,
        &[("aftermath-defections", "article", "hundreds", "")],
    );
    figure(
        "aftermath-isis-strength",
        "strength",
        "people",
        REB,
        &[("aftermath-isis-strength", "article", "~1000", "")],
    );
    figure(
        "aftermath-nusra-strength",
        "strength",
        "people",
        REB,
        &[("aftermath-nusra-strength", "article", "600", "")],
    );
    figure(
        "aftermath-flita-hills-seized",
        "seized",
        "hills",
        GOV,
        &[("aftermath-flita-hills", "article", "2", "")],
    );
    figure(
        "aftermath-zabadani-hills-seized",
        "seized",
        "hills",
        GOV,
        &[("aftermath-zabadani-hills", "article", "several", "")],
    );
    figure(
        "aftermath-march-rebels-killed",
        "killed",
        "people",
        REB,
        &[("aftermath-march-rebels-killed", "article", "30", "")],
    );
    figure(
        "aftermath-zabadani-advance-axes",
        "advance",
        "axes",
        GOV,
        &[("aftermath-axes", "article", "3", "")],
    );
    figure(
        "aftermath-zabadani-nusra-killed",
        "killed",
        "people",
        REB,
        &[("aftermath-zabadani-nusra-killed", "article", "15", "")],
    );
    figure(
        "aftermath-israeli-strikes-killed",
        "killed",
        "people",
        GOV,
        &[("aftermath-israeli-strikes-killed", "article", "several", "")],
    );
    figure(
        "aftermath-nusra-ambush-hezbollah-killed",
        "killed",
        "people",
        GOV,
        &[(
            "aftermath-nusra-ambush-killed",
            "article",
            "6",
            "reportedly",
        )],
    );
    figure(
        "aftermath-nusra-positions-seized",
        "seized",
        "positions",
        REB,
        &[("aftermath-nusra-positions", "article", "several", "")],
    );
    figure(
        "aftermath-tfail-convoy-killed",
        "killed",
        "people",
        REB,
        &[("aftermath-convoy-killed", "article", "15", "")],
    );
    figure(
        "aftermath-tfail-convoy-wounded",
        "wounded",
        "people",
        REB,
        &[("aftermath-convoy-wounded", "article", "30", "")],
    );
    figure(
        "aftermath-assal-al-ward-rebels-killed",
        "killed",
        "people",
        REB,
        &[(
            "aftermath-assal-rebels-killed",
            "article",
            "dozens",
            "reportedly",
        )],
    );
}

#[test]
fn the_military_death_toll_revision_supersedes_and_keeps_the_earlier_claim() {
    let d = dossier();
    let c19 = d.claim(&"arsal-toll-19".into()).unwrap();
    let c18 = d.claim(&"arsal-toll-18".into()).unwrap();
    assert_eq!(c19.supersedes().map(|c| c.as_str()), Some("arsal-toll-18"));
    assert_eq!(c18.supersedes(), None);
    assert_eq!(c18.figure(), c19.figure());
    assert_eq!(
        (
            c18.reported().map(|x| x.to_string()),
            c19.reported().map(|x| x.to_string())
        ),
        (Some("2014-08-09".into()), Some("2014-08-12".into()))
    );
    // No other claim revises another.
    let revisions = d
        .claims()
        .iter()
        .filter(|c| c.supersedes().is_some())
        .count();
    assert_eq!(revisions, 1);
}

#[test]
fn stakes_are_derived_from_sides() {
    let d = dossier();
    let stake = |id: &str| d.stake(d.claim(&id.into()).unwrap());
    assert_eq!(stake("rc-rankous-hezbollah-killed"), Stake::Enemy);
    assert_eq!(stake("ibx-gov-rebels-killed"), Stake::Enemy);
    assert_eq!(stake("hills-hezbollah-killed-article"), Stake::Neutral);
    assert_eq!(stake("jobeh-rebels-killed-others"), Stake::Neutral);
    assert_eq!(stake("security-operation-killed"), Stake::Neutral);
    // The infobox is part of the article: one publication, one originator.
    assert_eq!(d.originator(&"infobox".into()).as_str(), "article");
    // State TV on the government's own gains: not a loss, so no stake.
    assert_eq!(stake("rankous-hills-state-tv"), Stake::Neutral);
    assert!(d.claims().iter().all(|c| c.stake_override().is_none()));
}

#[test]
fn declared_relations() {
    let d = dossier();
    let expect = [
        Relation::part_of("jobeh-hezbollah-killed", "jobeh-government-killed"),
        Relation::components(
            ["jobeh-soldiers-killed", "jobeh-hezbollah-killed"],
            "jobeh-government-killed",
        ),
        Relation::components(
            [
                "arsal-lebanese-soldiers-released",
                "arsal-lebanese-soldiers-executed",
            ],
            "arsal-lebanese-soldiers-captured",
        ),
        Relation::components(["arsal-policemen-released"], "arsal-policemen-captured"),
        Relation::components(["arsal-soldiers-freed"], "arsal-soldiers-hostage"),
        Relation::part_of("arsal-soldiers-hostage", "arsal-lebanese-soldiers-captured"),
        Relation::part_of("arsal-soldiers-freed", "arsal-lebanese-soldiers-released"),
        Relation::part_of(
            "rankous-hezbollah-killed-ambush",
            "rankous-hezbollah-killed",
        ),
        Relation::part_of("rankous-hezbollah-killed", "tfail-area-hezbollah-killed"),
        Relation::sum_over(
            [
                "hills-hezbollah-killed",
                "hills-rebels-killed",
                "fakiha-hezbollah-killed",
                "fakiha-rebels-killed",
            ],
            "hezbollah-operation-killed",
        ),
        Relation::overlap(["nahle-hezbollah-killed", "hills-hezbollah-killed"]),
        Relation::overlap(["nahle-hezbollah-wounded", "hills-hezbollah-wounded"]),
        Relation::sum_over(
            [
                "hills-rebels-killed",
                "fakiha-rebels-killed",
                "airstrike-rebels-killed",
                "jobeh-rebels-killed",
                "arsal-militants-killed",
            ],
            "offensive-rebels-killed",
        ),
        Relation::sum_over(
            [
                "hills-hezbollah-killed",
                "hills-hezbollah-wounded",
                "fakiha-hezbollah-killed",
                "jobeh-government-killed",
            ],
            "offensive-syria-hezbollah-casualties",
        ),
        Relation::part_of(
            "aftermath-fsa-defections-to-isis",
            "aftermath-isis-strength",
        ),
    ];
    for r in &expect {
        assert!(d.relations().contains(r), "relation missing: {r:?}");
    }
    assert_eq!(d.relations().len(), expect.len());
}

/// Two claims on one figure whose values cannot both be true.
#[track_caller]
fn contradiction(figure: &str, a: (&str, &str), b: (&str, &str)) {
    let d = dossier();
    let get = |(id, value): (&str, &str)| {
        let c = d
            .claim(&id.into())
            .unwrap_or_else(|| panic!("claim `{id}` is missing"));
        assert_eq!(c.figure().as_str(), figure, "claim `{id}`");
        assert_eq!(c.value().to_string(), value, "claim `{id}`");
        c.value().interval()
    };
    let (x, y) = (get(a), get(b));
    assert!(
        !x.overlaps(&y),
        "{} and {} do not contradict each other",
        a.1,
        b.1
    );
}

#[test]
fn the_articles_contradictions_are_claims_on_the_same_figure() {
    // Battle for the hills: the confirmed counts against "another report".
    contradiction(
        "hills-hezbollah-killed",
        ("hills-hezbollah-killed-article", "6–7"),
        ("hills-hezbollah-killed-another", "14"),
    );
    contradiction(
        "hills-rebels-killed",
        ("hills-rebels-killed-article", "17–32"),
        ("hills-rebels-killed-another", "104"),
    );
    contradiction(
        "hills-rebels-captured",
        ("hills-rebels-captured-article", "14"),
        ("hills-rebels-captured-another", "40"),
    );
    // al-Jobeh: the article against "other sources".
    contradiction(
        "jobeh-rebels-killed",
        ("jobeh-rebels-killed-article", "50–170"),
        ("jobeh-rebels-killed-others", "200"),
    );
    contradiction(
        "jobeh-government-killed",
        ("jobeh-gov-killed-article", "7–11"),
        ("jobeh-gov-killed-others", "22"),
    );
    // The body against the infobox.
    contradiction(
        "arsal-policemen-captured",
        ("arsal-policemen-article", "16"),
        ("ibx-policemen-captured", "20"),
    );
    contradiction(
        "arsal-lebanese-soldiers-killed",
        ("arsal-toll-19", "19"),
        ("ibx-soldiers-killed", "20"),
    );
}

#[test]
fn related_figures_contradict_through_their_relations() {
    let d = dossier();
    let only = |figure: &str, source: &str| {
        let c: Vec<_> = d
            .claims_of(&figure.into())
            .filter(|c| c.source().as_str() == source)
            .collect();
        assert_eq!(c.len(), 1, "{figure} by {source}");
        c[0].value().interval()
    };
    // al-Jobeh: the other sources' 20 soldiers + 2 Hezbollah (components of
    // the government fighters) exceed the article's 7–11 government fighters.
    let parts = only("jobeh-soldiers-killed", "other-sources")
        .checked_add(&only("jobeh-hezbollah-killed", "other-sources"))
        .unwrap();
    let whole = only("jobeh-government-killed", "article");
    assert_eq!(parts.to_string(), "[22, 22]");
    assert!(parts.low() > whole.high().unwrap());
    // Rankous: the rebel commander's 29 are a part of the 14 confirmed for the
    // two weeks in the area, and larger than it.
    let part = only("rankous-hezbollah-killed", "rebel-commander");
    let whole = only("tfail-area-hezbollah-killed", "article");
    assert!(part.low() > whole.high().unwrap());
    // Infobox: 14 released + 4 executed fit in 24 captured; 6 released in 16.
    let released = only("arsal-lebanese-soldiers-released", "infobox")
        .checked_add(&only("arsal-lebanese-soldiers-executed", "infobox"))
        .unwrap();
    assert!(released.high().unwrap() <= only("arsal-lebanese-soldiers-captured", "infobox").low());
    assert!(
        only("arsal-policemen-released", "infobox").high().unwrap()
            <= only("arsal-policemen-captured", "article").low()
    );
}

#[test]
fn qualifiers_as_worded() {
    let d = dossier();
    let has = |id: &str, q: Qualifier| d.claim(&id.into()).unwrap().qualifiers().contains(q);
    assert!(has("arsal-civilians-wounded", Qualifier::Estimated));
    assert!(has("security-operation-killed", Qualifier::Confirmed));
    assert!(has("aftermath-nusra-ambush-killed", Qualifier::Reportedly));
    assert!(has("rc-rankous-hezbollah-killed", Qualifier::Claimed));
}

/// Every figure mention of the article (its words) and the claims that cover
/// it. A mention is a number (or a vague quantity word the lexicon reads)
/// that counts something; dates are not mentions. The file's header lists
/// what is left out and why.
const MENTIONS: &[(&str, &[&str])] = &[
    // Infobox
    ("3,000 fighters", &["ibx-rebels-strength"]),
    ("12,000 Lebanese Army", &["ibx-lebanese-army-strength"]),
    ("20+ killed", &["ibx-gov-rebels-killed"]),
    (
        "Unknown Syrian and Hezbollah casualties",
        &["ibx-syria-hezbollah-casualties"],
    ),
    ("20 Lebanese soldiers killed", &["ibx-soldiers-killed"]),
    ("85 wounded", &["ibx-soldiers-wounded"]),
    ("24 captured", &["ibx-soldiers-captured"]),
    ("14 released", &["ibx-soldiers-released"]),
    ("4 executed", &["ibx-soldiers-executed"]),
    ("20 policemen captured", &["ibx-policemen-captured"]),
    ("6 released", &["ibx-policemen-released"]),
    // Background
    ("3,000 rebels retreated", &["bg-rebels-strength"]),
    // Surrounding of Tfail
    ("29 Hezbollah fighters", &["rc-rankous-hezbollah-killed"]),
    ("11 by an ambush", &["rc-rankous-ambush-killed"]),
    ("over a period of two days", &["rc-rankous-duration"]),
    ("within a kilometer", &["tfail-army-distance"]),
    ("surrounded on three sides", &["tfail-sides"]),
    ("70 rebels surrendered", &["tfail-surrendered"]),
    ("14 Hezbollah fighters", &["tfail-hezbollah-killed"]),
    ("the previous two weeks", &["tfail-count-window"]),
    ("some hills", &["rankous-hills-state-tv"]),
    ("retake some positions", &["foothills-positions-retaken"]),
    // Battle for the hills
    ("After two days of fighting", &["hills-duration"]),
    ("6–7 Hezbollah", &["hills-hezbollah-killed-article"]),
    ("17–32 rebel fighters", &["hills-rebels-killed-article"]),
    ("31 Hezbollah", &["hills-hezbollah-wounded"]),
    ("23 rebel fighters were wounded", &["hills-rebels-wounded"]),
    (
        "14 rebels were also captured",
        &["hills-rebels-captured-article"],
    ),
    (
        "Hezbollah lost 14 fighters",
        &["hills-hezbollah-killed-another"],
    ),
    ("104 rebels", &["hills-rebels-killed-another"]),
    (
        "40 rebels were captured",
        &["hills-rebels-captured-another"],
    ),
    (
        "two Hezbollah militiamen and dozens",
        &["fakiha-hezbollah-killed"],
    ),
    ("dozens of rebels dead", &["fakiha-rebels-killed"]),
    ("seven rebels captured", &["fakiha-rebels-captured"]),
    ("more than 100 people", &["security-operation-killed"]),
    ("40-man unit", &["nahle-unit"]),
    ("250 Syrian rebels", &["nahle-attackers"]),
    ("10 meters", &["nahle-distance"]),
    ("five-hour battle", &["nahle-duration"]),
    (
        "10 Hezbollah militiamen were killed",
        &["nahle-hezbollah-killed"],
    ),
    ("and 20 wounded", &["nahle-hezbollah-wounded"]),
    ("killing 20 rebels", &["airstrike-rebels-killed"]),
    ("around 10 km", &["jobeh-distance"]),
    ("50–170 rebels", &["jobeh-rebels-killed-article"]),
    ("7–11 government fighters", &["jobeh-gov-killed-article"]),
    ("2 Hezbollah members", &["jobeh-hezbollah-killed-article"]),
    ("200 rebels", &["jobeh-rebels-killed-others"]),
    (
        "20 soldiers",
        &["jobeh-soldiers-killed-others", "jobeh-gov-killed-others"],
    ),
    (
        "two Hezbollah militiamen were killed",
        &["jobeh-hezbollah-killed-others", "jobeh-gov-killed-others"],
    ),
    // Battle of Arsal
    ("16 policemen", &["arsal-policemen-article"]),
    (
        "two soldiers who were freed",
        &["arsal-soldiers-hostage", "arsal-soldiers-freed"],
    ),
    ("multiple directions", &["arsal-shelling-directions"]),
    ("two government buildings", &["arsal-buildings"]),
    ("24-hour cease-fire", &["arsal-ceasefire"]),
    ("dozens of wounded militants", &["arsal-hideouts-wounded"]),
    ("risen to 18", &["arsal-toll-18"]),
    ("updated to 19", &["arsal-toll-19"]),
    ("60 militants", &["arsal-militants-killed"]),
    ("42 civilians", &["arsal-civilians-killed"]),
    ("estimated at 400", &["arsal-civilians-wounded"]),
    // Aftermath
    ("over 20 FSA factions", &["aftermath-fsa-factions"]),
    ("six eastern Qalamoun FSA brigades", &["aftermath-brigades"]),
    ("numbering in the hundreds", &["aftermath-defections"]),
    ("approximately 1,000 fighters", &["aftermath-isis-strength"]),
    ("600 militants", &["aftermath-nusra-strength"]),
    ("two hills near Flita", &["aftermath-flita-hills"]),
    (
        "several others in the Zabadani region",
        &["aftermath-zabadani-hills"],
    ),
    ("30 rebels dead", &["aftermath-march-rebels-killed"]),
    (
        "some positions on the outskirts of Arsal",
        &["aftermath-arsal-positions"],
    ),
    ("three axes", &["aftermath-axes"]),
    ("15 al-Nusra fighters", &["aftermath-zabadani-nusra-killed"]),
    (
        "a series of Israeli Air Force airstrikes",
        &["aftermath-israeli-airstrikes"],
    ),
    (
        "several Syrian soldiers and Hezbollah members",
        &["aftermath-israeli-strikes-killed"],
    ),
    ("6 Hezbollah members", &["aftermath-nusra-ambush-killed"]),
    (
        "capturing several positions",
        &["aftermath-nusra-positions"],
    ),
    ("killing 15", &["aftermath-convoy-killed"]),
    ("wounding 30 militants", &["aftermath-convoy-wounded"]),
    ("a number of hilltops", &["aftermath-assal-hilltops"]),
    (
        "reportedly killing dozens of rebels",
        &["aftermath-assal-rebels-killed"],
    ),
];

#[test]
fn every_figure_mention_of_the_article_has_a_claim_and_every_claim_a_mention() {
    let d = dossier();
    // 79 mentions in the article. Two claims share mentions: the two soldiers
    // taken hostage and freed (one number, two figures), and the other
    // sources' government dead at al-Jobeh (22, derived from "20 soldiers"
    // and "two Hezbollah militiamen"): 81 claims.
    assert_eq!(MENTIONS.len(), 79);
    let mut covered = BTreeSet::new();
    for (mention, claims) in MENTIONS {
        for id in *claims {
            let c = d
                .claim(&(*id).into())
                .unwrap_or_else(|| panic!("mention {mention:?}: claim `{id}` is missing"));
            assert!(
                c.quote().is_some_and(|q| q.contains(mention)),
                "claim `{id}` does not quote {mention:?}"
            );
            covered.insert(*id);
        }
    }
    let all: BTreeSet<&str> = d.claims().iter().map(|c| c.id().as_str()).collect();
    assert_eq!(covered, all, "claims and mentions differ");
    assert_eq!(d.claims().len(), 81);
}
