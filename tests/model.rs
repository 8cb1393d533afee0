//! The claim model through the public API, as a user builds it: the al-Jobeh
//! ambush of 1–2 August 2014 and the Lebanese military death toll revision.

use reckon::model::{Form, Qualifier, Reliability, Side, Stake};
use reckon::{
    Claim, Decimal, Dossier, Error, Estimate, Figure, Interval, Lexicon, Measure, Relation, Scope,
    Source, SourceKind, Unit,
};

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn al_jobeh() -> Result<Dossier, Error> {
    let gov = Side::new("government");
    let rebels = Side::new("rebels");
    let ambush = |measure, party: &str, side: &Side| {
        Scope::new(measure)
            .with_event("al-Jobeh ambush")
            .with_period("2014-08-01/2014-08-02".parse().unwrap())
            .with_place("al-Jobeh")
            .with_party(party, Some(side.clone()))
    };
    let mut dossier = Dossier::new();
    dossier
        .add_source(Source::new(
            "article",
            "Wikipedia article",
            SourceKind::Encyclopedia,
        ))
        .add_source(Source::new(
            "other-sources",
            "other sources",
            SourceKind::Anonymous,
        ))
        .add_source(
            Source::new(
                "hezbollah-sources",
                "Hezbollah sources",
                SourceKind::Belligerent,
            )
            .with_side(gov.clone())
            .with_reliability(Reliability::C),
        )
        .add_source(
            Source::new("army", "Lebanese Army", SourceKind::Government).with_side(gov.clone()),
        )
        .add_figure(Figure::new(
            "jobeh-rebels-killed",
            "rebels killed at al-Jobeh",
            ambush(Measure::Killed, "rebels", &rebels),
        ))
        .add_figure(Figure::new(
            "jobeh-government-killed",
            "government fighters killed at al-Jobeh",
            ambush(Measure::Killed, "government fighters", &gov),
        ))
        .add_figure(Figure::new(
            "jobeh-hezbollah-killed",
            "Hezbollah members killed at al-Jobeh",
            ambush(Measure::Killed, "Hezbollah", &gov),
        ))
        .add_figure(Figure::new(
            "hezbollah-killed-two-weeks",
            "Hezbollah fighters killed in two weeks",
            Scope::new(Measure::Killed).with_party("Hezbollah", Some(gov.clone())),
        ))
        .add_figure(Figure::new(
            "arsal-military-killed",
            "Lebanese military death toll in Arsal",
            Scope::new(Measure::Killed)
                .with_event("battle of Arsal")
                .with_party("Lebanese Army", Some(gov.clone())),
        ));
    let quote =
        "50–170 rebels and 7–11 government fighters, including 2 Hezbollah members, were killed";
    let others =
        "Other sources claimed 200 rebels, 20 soldiers and two Hezbollah militiamen were killed";
    dossier
        .add_claim(
            Claim::new("j1", "jobeh-rebels-killed", "article", "50–170".parse()?).with_quote(quote),
        )
        .add_claim(
            Claim::new("j2", "jobeh-government-killed", "article", "7–11".parse()?)
                .with_quote(quote),
        )
        .add_claim(
            Claim::new("j3", "jobeh-hezbollah-killed", "article", "2".parse()?).with_quote(quote),
        )
        .add_claim(
            Claim::new("j4", "jobeh-rebels-killed", "other-sources", "200".parse()?)
                .with_quote(others)
                .with_qualifier(Qualifier::Claimed),
        )
        .add_claim(
            Claim::new(
                "j5",
                "jobeh-government-killed",
                "other-sources",
                "22".parse()?,
            )
            .with_quote(others)
            .with_qualifier(Qualifier::Claimed),
        )
        .add_claim(
            Claim::new(
                "j6",
                "jobeh-hezbollah-killed",
                "other-sources",
                "2".parse()?,
            )
            .with_qualifier(Qualifier::Claimed),
        )
        .add_claim(
            Claim::new(
                "h1",
                "hezbollah-killed-two-weeks",
                "hezbollah-sources",
                "14".parse()?,
            )
            .with_qualifier(Qualifier::Confirmed)
            .with_reported("2014-06-22".parse()?),
        )
        .add_claim(
            Claim::new("a1", "arsal-military-killed", "army", "18".parse()?)
                .with_reported("2014-08-09".parse()?)
                .with_quote("the military death toll had risen to 18"),
        )
        .add_claim(
            Claim::new("a2", "arsal-military-killed", "army", "19".parse()?)
                .with_reported("2014-08-12".parse()?)
                .with_quote("which was updated to 19 by 12 August")
                .superseding("a1"),
        )
        .relate(Relation::part_of(
            "jobeh-hezbollah-killed",
            "jobeh-government-killed",
        ));
    dossier.validate()?;
    Ok(dossier)
}

#[test]
fn al_jobeh_keeps_every_claim_with_its_value_source_and_scope() {
    let dossier = al_jobeh().unwrap();
    let rebels: Vec<_> = dossier.claims_of(&"jobeh-rebels-killed".into()).collect();
    assert_eq!(rebels.len(), 2);
    assert_eq!(rebels[0].value().to_string(), "50–170");
    assert_eq!(rebels[0].source().as_str(), "article");
    assert_eq!(rebels[1].value().to_string(), "200");
    assert!(rebels[1].qualifiers().contains(Qualifier::Claimed));
    // The two reports cannot both be right: their intervals are 30 apart.
    let (a, b) = (rebels[0].value().interval(), rebels[1].value().interval());
    assert!(!a.overlaps(&b));
    assert_eq!(a.gap(&b), d(30));

    let fig = dossier.figure(&"jobeh-hezbollah-killed".into()).unwrap();
    assert_eq!(fig.scope().party(), Some("Hezbollah"));
    assert_eq!(fig.scope().unit(), &Unit::People);
    assert_eq!(
        fig.scope().period().unwrap().to_string(),
        "2014-08-01/2014-08-02"
    );
    assert_eq!(dossier.relations().len(), 1);
}

#[test]
fn stakes_follow_sides() {
    let dossier = al_jobeh().unwrap();
    let confirmed = dossier.claim(&"h1".into()).unwrap();
    // Hezbollah confirming its own dead: an admission against interest.
    assert_eq!(dossier.stake(confirmed), Stake::Own);
    let other = dossier.claim(&"j4".into()).unwrap();
    assert_eq!(dossier.stake(other), Stake::Neutral);
}

#[test]
fn a_revision_keeps_the_claim_it_revises() {
    let dossier = al_jobeh().unwrap();
    let toll: Vec<_> = dossier.claims_of(&"arsal-military-killed".into()).collect();
    assert_eq!(toll.len(), 2);
    assert_eq!(toll[1].supersedes().map(|c| c.as_str()), Some("a1"));
    assert_eq!(
        dossier.claim(&"a1".into()).unwrap().value().to_string(),
        "18"
    );
}

#[test]
fn every_figure_type_of_the_seed_article_is_expressible() {
    let cases = [
        ("20+", Form::AtLeast(d(20)), "[20, ∞)"),
        ("more than 100", Form::MoreThan(d(100)), "[101, ∞)"),
        ("over 20", Form::MoreThan(d(20)), "[21, ∞)"),
        (
            "approximately 1,000",
            Form::Approximately {
                center: d(1000),
                tolerance: d(100),
            },
            "[900, 1100]",
        ),
        ("Unknown", Form::Unknown, "[0, ∞)"),
        (
            "50–170",
            Form::Range {
                low: d(50),
                high: d(170),
            },
            "[50, 170]",
        ),
        (
            "6–7",
            Form::Range {
                low: d(6),
                high: d(7),
            },
            "[6, 7]",
        ),
        ("12,000", Form::Exact(d(12000)), "[12000, 12000]"),
        ("3,000", Form::Exact(d(3000)), "[3000, 3000]"),
    ];
    for (text, form, interval) in cases {
        let v: Estimate = text.parse().unwrap();
        assert_eq!(v.form(), &form, "{text}");
        assert_eq!(v.interval().to_string(), interval, "{text}");
        assert_eq!(v.text(), Some(text));
    }
    for word in ["dozens", "several", "hundreds"] {
        let v: Estimate = word.parse().unwrap();
        let Form::Vague(term) = v.form() else {
            panic!("{word} is not vague")
        };
        assert_eq!(term.name(), word);
        assert!(!term.provenance().is_empty());
        assert!(v.best().is_some());
    }
    assert_eq!(
        "dozens".parse::<Estimate>().unwrap().interval(),
        Interval::new(d(24), Some(d(119))).unwrap()
    );
    assert_ne!(
        "unknown".parse::<Estimate>().unwrap(),
        "0".parse::<Estimate>().unwrap()
    );
}

#[test]
fn a_custom_lexicon_changes_readings() {
    let lex = Lexicon::english()
        .with_tolerance(reckon::model::Tolerance::new(Decimal::new(5, 2), d(1)).unwrap());
    assert_eq!(
        lex.read("about 1000").unwrap().interval().to_string(),
        "[950, 1050]"
    );
    assert_eq!(
        "about 1000"
            .parse::<Estimate>()
            .unwrap()
            .interval()
            .to_string(),
        "[900, 1100]"
    );
}

#[test]
fn errors_are_send_sync_and_static() {
    fn check<T: Send + Sync + 'static>() {}
    check::<Error>();
    check::<Dossier>();
    check::<Estimate>();
    check::<Claim>();
    check::<Source>();
    check::<Figure>();
    check::<Relation>();
}
