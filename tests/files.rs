//! The dossier file (TOML) and claims file (CSV) through the public API.
#![cfg(feature = "serde")]

use proptest::prelude::*;
use reckon::model::{Credibility, Qualifier, Reading, Reliability, Side, Stake, VagueTerm};
use reckon::{
    Claim, Decimal, Dossier, Estimate, Figure, Interval, Lexicon, Measure, Reconciler, Relation,
    Scope, Source, SourceKind, Unit,
};

fn arb_number() -> impl Strategy<Value = Decimal> + Clone {
    prop_oneof![
        (0i64..100_000).prop_map(Decimal::from),
        (1i64..1_000_000, 1u32..3).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

/// Every form of value the grammar writes.
fn arb_value() -> impl Strategy<Value = Estimate> {
    arb_value_of(arb_number())
}

/// Numbers at and near a decimal's limits: the largest, the smallest step,
/// 28 decimal places, 10^28, and ordinary ones beside them.
fn arb_limit_number() -> impl Strategy<Value = Decimal> + Clone {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MAX - Decimal::ONE),
        Just(Decimal::new(1, 28)),
        Just(Decimal::from_i128_with_scale(10i128.pow(28), 0)),
        (1i64..i64::MAX).prop_map(|m| Decimal::new(m, 28)),
        (0u32..=28).prop_map(|s| Decimal::from_i128_with_scale(i128::from(u32::MAX), s)),
        arb_number(),
    ]
}

/// Every form of value the grammar writes, from numbers `n`; a form that
/// cannot hold its numbers (past a decimal's limit) is left out.
fn arb_value_of(
    n: impl Strategy<Value = Decimal> + Clone + 'static,
) -> impl Strategy<Value = Estimate> {
    let terms: Vec<String> = Lexicon::shared()
        .terms()
        .map(|t| t.name().to_owned())
        .collect();
    let pair = (n.clone(), n.clone());
    prop_oneof![
        n.clone()
            .prop_filter_map("exact", |n| Estimate::exact(n).ok()),
        pair.clone()
            .prop_filter_map("range", |(a, b)| Estimate::range(a.min(b), a.max(b)).ok()),
        n.clone()
            .prop_filter_map("at least", |n| Estimate::at_least(n).ok()),
        n.clone()
            .prop_filter_map("more than", |n| Estimate::more_than(n).ok()),
        n.clone()
            .prop_filter_map("at most", |n| Estimate::at_most(n).ok()),
        n.clone().prop_filter_map("fewer than", |n| {
            Estimate::fewer_than(n.checked_add(Decimal::ONE)?).ok()
        }),
        pair.clone().prop_filter_map("approximately", |(n, t)| {
            Estimate::approximately_within(n, t).ok()
        }),
        pair.prop_filter_map("nearly", |(n, t)| {
            Estimate::nearly_within(n.checked_add(Decimal::ONE)?, t).ok()
        }),
        proptest::sample::select(terms).prop_map(|t| t.parse().unwrap()),
        Just(Estimate::unknown()),
        (n.clone(), n.clone(), n)
            .prop_filter_map("triple", |(a, b, c)| { Estimate::triple(a, b, c).ok() }),
    ]
}

fn arb_dossier() -> impl Strategy<Value = Dossier> {
    dossier_of(arb_value())
}

/// Dossiers whose values are at and near a decimal's limits.
fn arb_limit_dossier() -> impl Strategy<Value = Dossier> {
    dossier_of(arb_value_of(arb_limit_number()))
}

/// A dossier of every source kind, measure and relation, with claims of
/// `values` spread over its figures.
fn dossier_of(values: impl Strategy<Value = Estimate>) -> impl Strategy<Value = Dossier> {
    (
        proptest::collection::vec(values, 1..30),
        proptest::collection::vec(0usize..1000, 30),
    )
        .prop_map(|(values, picks)| {
            let mut d = Dossier::new();
            let gov = Side::new("government");
            for (i, kind) in SourceKind::ALL.iter().enumerate() {
                let mut s = Source::new(format!("s{i}").as_str(), &format!("source {i}"), *kind)
                    .with_reliability(Reliability::ALL[i % Reliability::ALL.len()]);
                if i % 2 == 0 {
                    s = s.with_side(gov.clone());
                }
                if i > 0 && i % 3 == 0 {
                    s = s.relaying("s0");
                }
                d.add_source(s);
            }
            for (i, measure) in Measure::KNOWN.iter().enumerate() {
                // Odd figures in hours, even ones in people, so related figures share a unit.
                let unit = if i % 2 == 0 {
                    Unit::People
                } else {
                    Unit::Hours
                };
                let mut scope = Scope::new(measure.clone()).with_unit(unit);
                if i % 2 == 0 {
                    scope = scope
                        .with_event("battle for the hills")
                        .with_event("aftermath")
                        .with_period("2014-07/2014-08-02".parse().unwrap())
                        .with_place("Arsal")
                        .with_party("Hezbollah", Some(gov.clone()));
                }
                d.add_figure(Figure::new(
                    format!("f{i}").as_str(),
                    &format!("figure {i}"),
                    scope,
                ));
            }
            d.add_figure(Figure::new(
                "other",
                "other",
                Scope::new(Measure::Other("sheltered".into())),
            ));
            d.add_figure(Figure::new(
                "km",
                "km",
                Scope::new(Measure::Distance).with_unit(Unit::Kilometres),
            ));
            d.add_figure(Figure::new(
                "tanks",
                "tanks",
                Scope::new(Measure::Other("destroyed".into()))
                    .with_unit(Unit::Other("tanks".into())),
            ));
            let nfig = d.figures().len();
            for (i, v) in values.into_iter().enumerate() {
                let fig = d.figures()[picks[i] % nfig].id().clone();
                let src = d.sources()[picks[i] % SourceKind::ALL.len()].id().clone();
                let mut c = Claim::new(format!("c{i}").as_str(), fig, src, v)
                    .with_credibility(Credibility::ALL[i % 6])
                    .with_stake(Stake::ALL[i % 3])
                    .with_quote("a \"quoted\"\nline");
                if i % 2 == 0 {
                    c = c
                        .with_qualifier(Qualifier::Confirmed)
                        .with_qualifier(Qualifier::Reportedly);
                    c = c.with_reported("2014-08-12".parse().unwrap());
                }
                d.add_claim(c);
            }
            d.relate(Relation::part_of("f0", "f2"));
            d.relate(Relation::components(["f4", "f6"], "f8"));
            d.relate(Relation::sum_over(["f1", "f3"], "f5"));
            d.relate(Relation::overlap(["f10", "f12"]));
            d
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_dossier_survives_the_toml_round_trip(d in arb_dossier()) {
        let text = d.to_toml_string().unwrap();
        let back = Dossier::from_toml_str(&text, "round-trip.toml").unwrap();
        prop_assert_eq!(&back, &d);
        prop_assert_eq!(back.to_toml_string().unwrap(), text);
    }

    #[test]
    fn values_at_decimals_limits_round_trip_and_reconcile_under_every_policy(
        d in arb_limit_dossier()
    ) {
        let text = d.to_toml_string().unwrap();
        let back = Dossier::from_toml_str(&text, "limits.toml").unwrap();
        prop_assert_eq!(&back, &d);
        let registry = reckon::reconcile::policy::Registry::standard();
        for name in registry.names() {
            let findings = Reconciler::new()
                .policy(registry.get(name).unwrap())
                .reconcile(&d)
                .unwrap();
            // Every figure has its finding or a problem that names it; every
            // problem names its figure or relation.
            let named = |p: &reckon::Error| {
                let m = p.to_string();
                m.starts_with("figure `") || m.starts_with("relation ")
            };
            prop_assert!(findings.problems().iter().all(named), "{:?}", findings.problems());
            prop_assert_eq!(
                findings.len() + findings.problems().iter()
                    .filter(|p| p.to_string().starts_with("figure `")).count(),
                d.figures().len()
            );
            for f in findings.iter() {
                if let (Some(range), Some(best)) = (f.range(), f.best()) {
                    prop_assert!(range.contains(best), "{name}: {}", f.figure());
                }
            }
        }
    }
}

#[test]
fn missing_file_is_an_io_error_naming_the_path() {
    let err = Dossier::load("no/such/dossier.toml").unwrap_err();
    assert_eq!(err.kind(), reckon::error::ErrorKind::Io);
    assert!(
        err.to_string()
            .starts_with("cannot read no/such/dossier.toml: "),
        "{err}"
    );
}

#[test]
fn a_csv_with_the_three_required_columns_loads() {
    let csv = "figure,source,value\njobeh-rebels,article,50–170\njobeh-rebels,other sources,200\n";
    let d = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap();
    assert_eq!(d.claims().len(), 2);
    assert_eq!(d.claims()[1].value().to_string(), "200");
    assert_eq!(
        d.source(&"other sources".into()).unwrap().kind(),
        SourceKind::Unspecified
    );
}

#[test]
fn a_csv_with_every_column_loads() {
    let csv = "claim,figure,source,value,reported,quote,supersedes,credibility,stake,qualifiers,label,measure,unit,events,period,place,party,side,source_name,source_kind,source_side,reliability,relays\n\
        a1,toll,army,18,2014-08-09,had risen to 18,,2,own,confirmed,military death toll,killed,people,battle of Arsal,2014-08-02/2014-08-12,Arsal,Lebanese Army,government,Lebanese Army,government,government,B,\n\
        a2,toll,army,19,2014-08-12,updated to 19,a1,2,,confirmed;reportedly,,,,,,,,,,,,,\n";
    let d = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap();
    let a2 = d.claim(&"a2".into()).unwrap();
    assert_eq!(a2.supersedes().map(|c| c.as_str()), Some("a1"));
    assert!(a2.qualifiers().contains(Qualifier::Reportedly));
    let toll = d.figure(&"toll".into()).unwrap();
    assert_eq!(toll.scope().events(), ["battle of Arsal"]);
    assert_eq!(toll.scope().side().map(|s| s.as_str()), Some("government"));
    assert_eq!(
        d.source(&"army".into()).unwrap().reliability(),
        Reliability::B
    );
    assert_eq!(d.stake(d.claim(&"a1".into()).unwrap()), Stake::Own);
}

const HOUSE_TERMS: &str = r#"
[[term]]
name = "dozens"
strict = "24–99"
lenient = "12–99"
point = 24
from = "our style guide, 2024"

[[term]]
name = "a smattering"
strict = "2–4"
point = "2.5"
from = "our style guide, 2024"

[[source]]
id = "desk"
name = "our desk"
kind = "media"

[[figure]]
id = "f"
label = "rebels killed"
measure = "killed"

[[claim]]
id = "c1"
figure = "f"
source = "desk"
value = "dozens"

[[claim]]
id = "c2"
figure = "f"
source = "desk"
value = "a smattering"

[[claim]]
id = "c3"
figure = "f"
source = "desk"
value = "hundreds"
"#;

#[test]
fn a_file_carries_its_own_vague_terms() {
    let d = Dossier::from_toml_str(HOUSE_TERMS, "house.toml").unwrap();
    let value = |id: &str| d.claim(&id.into()).unwrap().value().clone();
    assert_eq!(value("c1").interval().to_string(), "[24, 99]");
    assert_eq!(
        value("c1").interval_read(Reading::Lenient).to_string(),
        "[12, 99]"
    );
    assert_eq!(value("c2").interval().to_string(), "[2, 4]");
    assert_eq!(value("c2").best(), Some(Decimal::new(25, 1)));
    // Terms the file does not name are the English lexicon's.
    assert_eq!(value("c3").interval().to_string(), "[200, 999]");
    // The file's terms are written back, and only those.
    let toml = d.to_toml_string().unwrap();
    assert_eq!(toml.matches("[[term]]").count(), 2, "{toml}");
    assert_eq!(Dossier::from_toml_str(&toml, "again.toml").unwrap(), d);
    // Reading another file afterwards uses the English lexicon again.
    let plain = HOUSE_TERMS.split("[[source]]").nth(1).unwrap();
    let plain =
        format!("[[source]]{plain}").replace("value = \"a smattering\"", "value = \"a few\"");
    let e = Dossier::from_toml_str(&plain, "plain.toml").unwrap();
    assert_eq!(
        e.claim(&"c1".into())
            .unwrap()
            .value()
            .interval()
            .to_string(),
        "[24, 119]"
    );
}

#[test]
fn a_bad_term_is_located() {
    let bad = "\n[[term]]\nname = \"dozens\"\nstrict = \"24–99\"\nlenient = \"30–99\"\npoint = 24\nfrom = \"x\"\n";
    assert_eq!(
        Dossier::from_toml_str(bad, "house.toml")
            .unwrap_err()
            .to_string(),
        "house.toml line 2: vague term `dozens`: the lenient reading [30, 99] does not contain the strict reading [24, 99]"
    );
    let bad = bad.replace("lenient = \"30–99\"", "lenient = \"about 30\"");
    assert_eq!(
        Dossier::from_toml_str(&bad, "house.toml")
            .unwrap_err()
            .to_string(),
        "house.toml line 5, column 11, field `lenient`: vague term `dozens`: its lenient reading 'about 30' is not a number, a range like 24–119 or an open range like 24+"
    );
    let bad = bad
        .replace("lenient = \"about 30\"\n", "")
        .replace("point = 24", "point = \"many\"");
    assert_eq!(
        Dossier::from_toml_str(&bad, "house.toml")
            .unwrap_err()
            .to_string(),
        "house.toml line 5, column 9, field `point`: vague term `dozens`: its point 'many' is not a number"
    );
}

#[test]
fn a_file_holds_one_meaning_per_vague_word() {
    let term = |high: i64| {
        VagueTerm::new(
            "dozens",
            Interval::new(24.into(), Some(high.into())).unwrap(),
            Interval::new(12.into(), Some(high.into())).unwrap(),
            24.into(),
            "house style",
        )
        .unwrap()
    };
    let mut d = Dossier::new();
    d.add_source(Source::new("s", "s", SourceKind::Media));
    d.add_figure(Figure::new("f", "f", Scope::new(Measure::Killed)));
    d.add_claim(Claim::new("english", "f", "s", "dozens".parse().unwrap()));
    let house = Lexicon::english().with_term(term(99));
    d.add_claim(Claim::new("house", "f", "s", house.read("dozens").unwrap()));
    let err = d.validate().unwrap_err().to_string();
    assert!(
        err.starts_with("claim `house`: it reads 'dozens' as [24, 99] (house style), but claim `english` as [24, 119]"),
        "{err}"
    );
    assert_eq!(
        d.to_toml_string().unwrap_err().to_string(),
        "vague term `dozens`: claims read it two ways, and a file holds one"
    );

    // A term whose name reads as something else cannot be written.
    let odd = VagueTerm::new(
        "about 50",
        Interval::new(1.into(), Some(3.into())).unwrap(),
        Interval::new(1.into(), Some(3.into())).unwrap(),
        2.into(),
        "code",
    )
    .unwrap();
    let mut d = Dossier::new();
    d.add_source(Source::new("s", "s", SourceKind::Media));
    d.add_figure(Figure::new("f", "f", Scope::new(Measure::Killed)));
    d.add_claim(Claim::new("c", "f", "s", Estimate::vague(odd.into())));
    assert_eq!(
        d.to_toml_string().unwrap_err().to_string(),
        "vague term `about 50`: its name does not read back as the term, so a file cannot hold it"
    );

    // Two tables for one word, a point written as a TOML float (read as its
    // text, 24.5 exactly), and one that is not a number.
    let twice = format!(
        "{HOUSE_TERMS}\n[[term]]\nname = \"dozens\"\nstrict = \"30–99\"\npoint = 30\nfrom = \"x\"\n"
    );
    let err = Dossier::from_toml_str(&twice, "house.toml")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("house.toml line ")
            && err.ends_with(": vague term `dozens`: it is defined twice, here and on line 2"),
        "{err}"
    );
    let float = HOUSE_TERMS.replace("point = 24", "point = 24.5");
    let d = Dossier::from_toml_str(&float, "house.toml").unwrap();
    let c1 = d.claim(&"c1".into()).unwrap().value().clone();
    assert_eq!(c1.best(), Some(Decimal::new(245, 1)));
    let boolean = HOUSE_TERMS.replace("point = 24", "point = true");
    let err = Dossier::from_toml_str(&boolean, "house.toml")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "house.toml line 6, column 9, field `point`: vague term `dozens`: its point true is not a number (write point = 24.5)"
    );
}

#[test]
fn a_part_of_a_publication_is_not_independent_of_it() {
    let csv = "figure,source,value,part_of\n\
        rebels,article,3000,\n\
        rebels,infobox,3000,article\n";
    let d = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap();
    let infobox = d.source(&"infobox".into()).unwrap();
    assert_eq!(infobox.part_of().map(|s| s.as_str()), Some("article"));
    assert_eq!(d.originator(infobox.id()).as_str(), "article");
    let toml = d.to_toml_string().unwrap();
    assert!(toml.contains("part_of = \"article\""), "{toml}");
    let back = Dossier::from_toml_str(&toml, "d.toml").unwrap();
    assert_eq!(back, d);
}

#[test]
fn a_bad_toml_value_is_located() {
    let text = "[[source]]\nid = \"s\"\nname = \"s\"\nkind = \"goverment\"\n";
    let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
    assert_eq!(
        err.to_string(),
        "d.toml line 4, column 8, field `kind`: 'goverment' is not a value: expected a source kind: `government`, `state-media`, `belligerent`, `armed-opposition`, `security`, `monitor`, `media`, `encyclopedia`, `anonymous`, `unspecified`"
    );
}

// ------------------------------------------------ places under real inputs

/// Loads a claims table, or the messages of every problem.
fn load_csv(bytes: &[u8]) -> Result<Dossier, Vec<String>> {
    Dossier::from_csv_reader(bytes, "claims.csv")
        .map_err(|e| e.problems().iter().map(ToString::to_string).collect())
}

#[test]
fn generated_claim_ids_and_revisions_are_right_under_crlf_cr_and_a_bom() {
    let lf = "figure,source,value,supersedes\nf,a,10,\nf,a,12,L2\n";
    let ids = |d: &Dossier| -> Vec<String> {
        d.claims()
            .iter()
            .map(|c| format!("{}:{}", c.id(), c.supersedes().map_or("", |s| s.as_str())))
            .collect()
    };
    let want = ["L2:", "L3:L2"];
    for (ending, text) in [
        ("LF", lf.to_owned()),
        ("CRLF", lf.replace('\n', "\r\n")),
        ("CR", lf.replace('\n', "\r")),
        ("BOM+CRLF", format!("\u{feff}{}", lf.replace('\n', "\r\n"))),
    ] {
        let d = load_csv(text.as_bytes()).unwrap_or_else(|e| panic!("{ending}: {e:?}"));
        assert_eq!(ids(&d), want, "{ending}");
    }
}

#[test]
fn errors_name_the_right_line_under_crlf() {
    let text = "figure,source,value\r\nf,a,10\r\n\r\nf,b,50–\r\n";
    assert_eq!(
        load_csv(text.as_bytes()).unwrap_err(),
        [
            "claims.csv line 4, column 3, field `value`: '50–' is not a value: the range has no upper end"
        ]
    );
}

#[test]
fn an_unclosed_quote_does_not_swallow_the_rows_after_it() {
    let text = "figure,source,value,quote\nf,a,5,\"he said\nf,b,6,\nf,c,7,\nf,d,8,\n";
    assert_eq!(
        load_csv(text.as_bytes()).unwrap_err(),
        [
            "claims.csv line 2, column 4: a quote opens here and is never closed: the 4 lines \
          after it would be read into this one field (the row starts on line 2)"
        ]
    );
}

#[test]
fn invalid_utf8_is_reported_with_its_column() {
    let text = b"figure,source,value\nf,a,1\xFF0\n";
    assert_eq!(
        load_csv(text).unwrap_err(),
        [
            "claims.csv line 2, column 3, field `value`: the text is not valid UTF-8 from byte 2 \
             of the field: '1\u{fffd}0' (\u{fffd} marks the bytes that are not)"
        ]
    );
}

#[test]
fn a_header_of_very_many_unknown_columns_gives_a_short_report() {
    let mut header = String::from("figure,source,value");
    for i in 0..200_000 {
        header.push_str(&format!(",c{i}"));
    }
    let problems = load_csv(header.as_bytes()).unwrap_err();
    assert_eq!(problems.len(), 101);
    assert!(
        problems[0]
            .starts_with("claims.csv line 1, column 4: column `c0`: it is not a claims column")
    );
    assert_eq!(
        problems[100],
        "and 199900 more problems: only the first 100 problems of the header are listed"
    );
}

#[test]
fn every_bad_row_is_reported_and_none_is_dropped() {
    // 1,000 rows, every seventh bad: each bad row is reported once, with its line.
    let mut text = String::from("figure,source,value\n");
    for i in 0..1000 {
        if i % 7 == 0 {
            text.push_str(&format!("f{i},s,{i}–\n"));
        } else {
            text.push_str(&format!("f{i},s,{i}\n"));
        }
    }
    let problems = load_csv(text.as_bytes()).unwrap_err();
    let bad = (0..1000).filter(|i| i % 7 == 0).count();
    assert_eq!(problems.len(), 101, "listed up to the limit, then counted");
    assert_eq!(
        problems[100],
        format!(
            "and {} more problems: only the first 100 problems are listed",
            bad - 100
        )
    );
    assert!(problems[1].starts_with("claims.csv line 9, column 3"));
}

#[test]
fn invalid_utf8_in_a_dossier_file_is_located() {
    let path = std::env::temp_dir().join(format!("reckon-utf8-{}.toml", std::process::id()));
    std::fs::write(&path, b"[[source]]\nid = \"a\"\nname = \"caf\xE9\"\n").unwrap();
    let err = Dossier::load(&path).unwrap_err();
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        err.to_string(),
        format!(
            "{} line 3, column 12: the text is not valid UTF-8",
            path.display()
        )
    );
}

#[test]
fn validation_problems_carry_the_line_of_their_record_and_a_duplicate_its_first_use() {
    // CSV: a duplicate claim id, a dangling and a cyclic revision, each at its row.
    let csv = "figure,source,value,claim,supersedes\n\
               f,a,1,c1,\n\
               f,a,2,c1,\n\
               f,a,3,c3,c9\n\
               f,a,4,c4,c5\n\
               f,a,5,c5,c4\n";
    let problems = load_csv(csv.as_bytes()).unwrap_err();
    assert_eq!(
        problems,
        [
            "claims.csv line 3: claim `c1`: the id is used more than once, first on line 2",
            "claims.csv line 4: claim `c3`: it supersedes claim `c9`, which is not in the dossier",
            "claims.csv line 5: claims: revisions form a cycle: `c4` → `c5` → `c4`",
        ]
    );
    // TOML: each at the value of the key it is about, in the order of the lines.
    let toml = "[[source]]\nid = \"a\"\nname = \"a\"\nkind = \"media\"\nrelays = \"ghost\"\n\n\
                [[figure]]\nid = \"f\"\nlabel = \"f\"\nmeasure = \"killed\"\n\n\
                [[claim]]\nid = \"c1\"\nfigure = \"f\"\nsource = \"a\"\nvalue = \"5\"\n\n\
                [[claim]]\nid = \"c1\"\nfigure = \"f\"\nsource = \"b\"\nvalue = \"50–\"\n";
    let err = Dossier::from_toml_str(toml, "d.toml").unwrap_err();
    let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            "d.toml line 5, column 10, field `relays`: source `a`: it relays source `ghost`, \
             which is not in the dossier",
            "d.toml line 19, column 6, field `id`: claim `c1`: the id is used more than once, \
             first on line 13",
            "d.toml line 21, column 10, field `source`: claim `c1`: source `b` is not in the dossier",
            "d.toml line 22, column 9, field `value`: '50–' is not a value: the range has no upper end",
        ]
    );
}

#[test]
fn row_problems_and_validation_problems_come_in_one_pass() {
    // A bad value on one row does not hide a duplicate id on two others,
    // and the problems come in the order of their lines.
    let csv = "figure,source,value,claim\nf,a,1,c1\nf,a,2,c1\nf,a,x–,c3\n";
    assert_eq!(
        load_csv(csv.as_bytes()).unwrap_err(),
        [
            "claims.csv line 3: claim `c1`: the id is used more than once, first on line 2",
            "claims.csv line 4, column 3, field `value`: 'x–' is not a value: 'x' is not a number or a quantity word, at byte 0",
        ]
    );
}

#[test]
fn a_value_with_29_decimal_places_says_so_not_too_large() {
    let csv = "figure,source,value\nf,s,1.00000000000000000000000000001\n";
    let e = Dossier::from_csv_reader(csv.as_bytes(), "d.csv").unwrap_err();
    assert_eq!(
        e.to_string(),
        "d.csv line 2, column 3, field `value`: '1.00000000000000000000000000001' is not a \
         value: '1.00000000000000000000000000001' has 29 decimal places; a decimal keeps at most 28"
    );
    // 28 places is the most a decimal keeps, and reads.
    let ok = "figure,source,value\nf,s,1.0000000000000000000000000001\n";
    assert!(Dossier::from_csv_reader(ok.as_bytes(), "d.csv").is_ok());
    // Too many digits in all, though few places.
    let long = "figure,source,value\nf,s,123456789012345678901234567890.5\n";
    let e = Dossier::from_csv_reader(long.as_bytes(), "d.csv").unwrap_err();
    assert!(
        e.to_string()
            .ends_with("has more digits than a decimal keeps (28 or 29 in all)"),
        "{e}"
    );
}

#[test]
fn a_megabyte_bad_value_is_quoted_clipped() {
    let value = "x".repeat(1_000_000);
    let csv = format!("figure,source,value\nf,s,{value}\n");
    let e = Dossier::from_csv_reader(csv.as_bytes(), "d.csv").unwrap_err();
    let message = e.to_string();
    assert!(message.len() < 400, "{} bytes", message.len());
    let clipped = format!("{}… (1000000 bytes)", "x".repeat(80));
    assert!(
        message.contains(&format!("'{clipped}' is not a value")),
        "{message}"
    );
    assert_eq!(e.problems()[0].text(), Some(clipped.as_str()));
}

#[test]
fn a_megabyte_number_is_quoted_once() {
    let value = "9".repeat(1_000_000);
    let csv = format!("figure,source,value\nf,s,{value}\n");
    let e = Dossier::from_csv_reader(csv.as_bytes(), "d.csv").unwrap_err();
    let message = e.to_string();
    let clipped = format!("{}… (1000000 bytes)", "9".repeat(80));
    assert_eq!(
        message,
        format!(
            "d.csv line 2, column 3, field `value`: '{clipped}' is not a value: it is too large"
        )
    );
}

#[test]
fn a_file_of_another_name_is_read_by_its_first_line() {
    let dir = std::env::temp_dir().join(format!("reckon-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let table = "\u{feff}\n\r\nfigure,source,value\nf,a,10\nf,b,12\n";
    let toml = "# a dossier\n\n[[source]]\nid = \"a\"\nname = \"a\"\nkind = \"media\"\n";
    let inline = "source = [{ id = \"a\", name = \"a, b\", kind = \"media\" }]\n";
    let cases = [
        ("claims.txt", table, (2, 2)),
        ("claims", table, (2, 2)),
        ("dossier.txt", toml, (0, 1)),
        ("dossier", inline, (0, 1)),
        ("empty.txt", "", (0, 0)),
    ];
    for (name, text, (claims, sources)) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let d = Dossier::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (d.claims().len(), d.sources().len()),
            (claims, sources),
            "{name}"
        );
    }
    // A table's header that is wrong is named as a table's.
    let path = dir.join("typo.txt");
    std::fs::write(&path, "figure,source,valu\nf,a,1\n").unwrap();
    let err = Dossier::load(&path).unwrap_err().to_string();
    assert!(
        err.contains("line 1: header: the required column `value` is missing"),
        "{err}"
    );
    // A `.toml` is TOML whatever it holds.
    let path = dir.join("claims.toml");
    std::fs::write(&path, table).unwrap();
    assert_eq!(
        Dossier::load(&path).unwrap_err().kind(),
        reckon::error::ErrorKind::Syntax
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
