//! Reconciliation on hand-made cases. Each test says how its right answer
//! was worked out by hand.

use reckon::model::{Credibility, FigureId, Reading, Reliability, Side, Stake};
use reckon::reconcile::confidence::{Confidence, Grade, Likelihood, Reason};
use reckon::reconcile::conflict::{ConflictKind, Severity};
use reckon::reconcile::policy;
use reckon::reconcile::policy::{Exclusion, Outcome, Policy, Registry, Role};
use reckon::reconcile::rollup::{Grades, Usage};
use reckon::reconcile::{Evidence, EvidenceSet, Superseded, Tally};
use reckon::{
    Claim, Decimal, Dossier, Error, Figure, Measure, Relation, Scope, Source, SourceKind,
};
use reckon::{Finding, Findings, Reconciler};

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

fn ev(id: &str, originator: &str, value: &str) -> Evidence {
    Evidence::new(id, originator, &value.parse().unwrap())
}

fn finish(policy: &str, items: Vec<Evidence>) -> Finding {
    Reconciler::new()
        .policy(Registry::standard().get(policy).unwrap())
        .finish("f".into(), items.into_iter().collect())
        .unwrap()
}

fn range(f: &Finding) -> String {
    f.range().map_or("none".into(), |r| r.to_string())
}

fn kinds(f: &Finding) -> Vec<&'static str> {
    f.conflicts().iter().map(|c| c.kind().as_str()).collect()
}

fn roles(f: &Finding) -> Vec<String> {
    f.claims().iter().map(|c| c.role().to_string()).collect()
}

fn ids(c: &reckon::reconcile::conflict::Conflict) -> Vec<&str> {
    c.claims().iter().map(|x| x.as_str()).collect()
}

/// al-Jobeh: the article says 50–170 rebels were killed, "other sources" 200.
fn jobeh() -> Vec<Evidence> {
    vec![
        ev("c1", "article", "50–170").with_kind(SourceKind::Encyclopedia),
        ev("c2", "others", "200").with_kind(SourceKind::Anonymous),
    ]
}

#[test]
fn jobeh_is_disjoint_with_a_gap_of_30() {
    // 170 < 200: the intervals do not overlap; the gap is 200 − 170 = 30 and
    // the score log10(201 / 171) = 0.0702, under 0.1: low severity. Read as
    // bounds (both neutral) they allow no common value: empty consensus.
    let f = finish("weighted", jobeh());
    assert_eq!(kinds(&f), ["disjoint", "empty_consensus"]);
    let c = &f.conflicts()[0];
    assert_eq!(ids(c), ["c1", "c2"]);
    assert_eq!(c.score(), Some(Decimal::new(70, 3)));
    assert_eq!(c.severity(), Severity::Low);
    assert_eq!(
        c.explanation(),
        "50–170 and 200 do not overlap: a gap of 30"
    );
    assert_eq!(c.figures(), [FigureId::from("f")]);
    assert_eq!(ids(&f.conflicts()[1]), ["c1", "c2"]);
    assert_eq!(
        f.conflicts()[1].to_string(),
        "no value fits every claim: one allows at most 170, another at least 200"
    );
}

#[test]
fn every_policy_on_jobeh() {
    // Both sources are F / 6 / neutral, so nothing separates them.
    // envelope: min low 50 to max high 200, no best.
    let f = finish("envelope", jobeh());
    assert_eq!((range(&f), f.best()), ("[50, 200]".into(), None));
    // consensus: [50, 170] ∩ [200, 200] is empty: no range.
    let f = finish("consensus", jobeh());
    assert_eq!((range(&f), f.best()), ("none".into(), None));
    // conservative: the figures are 50 (a range's low end) and 200; 50 wins,
    // with c1's range.
    let f = finish("conservative", jobeh());
    assert_eq!((range(&f), f.best()), ("[50, 170]".into(), Some(d(50))));
    assert_eq!(roles(&f), ["used", "not the lowest credible figure"]);
    // most_reliable: a tie, so the lower claim (c1), whose lower figure is 50;
    // no source is A–C, so the range spans the tied claims: [50, 200].
    let f = finish("most_reliable", jobeh());
    assert_eq!((range(&f), f.best()), ("[50, 200]".into(), Some(d(50))));
    // most_recent: neither is dated and both rank alike: the lower claim; a
    // range states no best value.
    let f = finish("most_recent", jobeh());
    assert_eq!((range(&f), f.best()), ("[50, 170]".into(), None));
    assert_eq!(
        roles(&f),
        ["used", "as recent and as reliable as the lower claim taken"]
    );
    // majority: each value has one source; the lowest region wins: [50, 170],
    // whose only point is c1's midpoint 110.
    let f = finish("majority", jobeh());
    assert_eq!((range(&f), f.best()), ("[50, 170]".into(), Some(d(110))));
    assert_eq!(
        roles(&f),
        ["used", "outside the region most sources support"]
    );
    // weighted: equal weights 0.25 on the points 110 and 200: half the total
    // is reached at 110; the range is the hull [50, 200].
    let f = finish("weighted", jobeh());
    assert_eq!((range(&f), f.best()), ("[50, 200]".into(), Some(d(110))));
}

#[test]
fn jobeh_summary() {
    // Two independent sources, both claims reach the weighted range [50, 200]
    // and none misses it, neither is A–C: credibility 2, "likely". Credible
    // claims without a common value: contested. Confidence is low (no common
    // value), for reasons that name the evidence, not the likelihood.
    let s = finish("weighted", jobeh()).summary().clone();
    assert_eq!(
        (s.considered_count(), s.claim_count(), s.independent_count()),
        (2, 2, 2)
    );
    assert_eq!(s.grade(), Grade::Contested);
    assert_eq!(s.credibility(), Credibility::Probable);
    assert_eq!(s.likelihood(), Some(Likelihood::Likely));
    assert_eq!(
        s.likelihood_sentence().as_deref(),
        Some("The figure is likely between 50 and 200.")
    );
    assert_eq!(s.confidence(), Confidence::Low);
    assert_eq!(s.agreement(), Some(Decimal::ZERO));
    // 200 / 50 = 4.
    assert_eq!(s.spread(), Some(d(4)));
    assert_eq!(
        s.reasons(),
        [
            Reason::Reports {
                reports: 2,
                independent: 2,
                disjoint: true
            },
            Reason::NoCommonValue,
            Reason::Unattributed { count: 1, of: 2 },
            Reason::UnknownReliability,
            Reason::WideRange(d(4)),
        ]
    );
}

#[test]
fn likelihood_and_confidence_never_share_a_sentence() {
    // ICD 203: the likelihood sentence carries no confidence word, and the
    // confidence reasons carry no likelihood word.
    let cases = [
        jobeh(),
        vec![ev("a", "x", "12")],
        vec![
            ev("a", "x", "10–20"),
            ev("b", "y", "15"),
            ev("c", "z", "12–18"),
        ],
        vec![ev("a", "x", "unknown")],
    ];
    let icd = [
        "almost no chance",
        "unlikely",
        "roughly even",
        "likely",
        "almost certain",
    ];
    for items in cases {
        for name in Registry::standard().names() {
            let s = finish(name, items.clone()).summary().clone();
            if let Some(l) = s.likelihood_sentence() {
                assert!(!l.contains("confidence"), "{l}");
                for w in ["high", "moderate", "low"] {
                    assert!(!l.contains(w), "{l}");
                }
            }
            let reasons = s.reasons_text();
            for w in icd {
                assert!(!reasons.contains(w), "{reasons}");
            }
        }
    }
}

/// The al-Jobeh dossier: government fighters killed (7–11, including 2
/// Hezbollah members), with sides so that stakes are derived.
fn jobeh_dossier(hezbollah_claims: &[(&str, &str, &str)]) -> Dossier {
    let gov = Side::new("government");
    let reb = Side::new("rebels");
    let mut d = Dossier::new();
    d.add_source(Source::new(
        "article",
        "Wikipedia article",
        SourceKind::Encyclopedia,
    ));
    d.add_source(
        Source::new("hezbollah", "Hezbollah sources", SourceKind::Belligerent)
            .with_side(gov.clone()),
    );
    d.add_source(
        Source::new(
            "commander",
            "a rebel commander",
            SourceKind::ArmedOpposition,
        )
        .with_side(reb),
    );
    d.add_figure(Figure::new(
        "gov",
        "government fighters killed",
        Scope::new(Measure::Killed).with_party("government fighters", Some(gov.clone())),
    ));
    d.add_figure(Figure::new(
        "hez",
        "Hezbollah members killed",
        Scope::new(Measure::Killed).with_party("Hezbollah", Some(gov)),
    ));
    d.add_claim(Claim::new("g1", "gov", "article", "7–11".parse().unwrap()));
    for (id, src, v) in hezbollah_claims {
        d.add_claim(Claim::new(*id, "hez", *src, v.parse().unwrap()));
    }
    d.relate(Relation::part_of("hez", "gov"));
    d.validate().unwrap();
    d
}

fn across(f: &Findings) -> Vec<&'static str> {
    f.cross_figure_conflicts()
        .iter()
        .map(|c| c.kind().as_str())
        .collect()
}

#[test]
fn hezbollah_dead_are_part_of_government_dead() {
    // The article's 2 Hezbollah dead and Hezbollah's own 2 lie within 7–11:
    // no conflict between the figures.
    let d = jobeh_dossier(&[("h1", "article", "2"), ("h2", "hezbollah", "2")]);
    let f = Reconciler::new().reconcile(&d).unwrap();
    assert!(f.cross_figure_conflicts().is_empty());
    // Hezbollah counting its own dead is an admission: stake own, grade confirmed.
    let hez = f.get(&"hez".into()).unwrap();
    assert_eq!(hez.summary().grade(), Grade::Confirmed);
    assert_eq!(hez.best(), Some(Decimal::from(2)));

    // A rebel commander's 12 Hezbollah dead alone: the part's range [12, 12]
    // starts above the whole's high 11. Score log10(13 / 12) = 0.0348.
    let d = jobeh_dossier(&[("h3", "commander", "12")]);
    let f = Reconciler::new().reconcile(&d).unwrap();
    assert_eq!(across(&f), ["part_exceeds_whole"]);
    let c = &f.cross_figure_conflicts()[0];
    assert_eq!(ids(c), ["h3", "g1"]);
    assert_eq!(c.figures(), [FigureId::from("hez"), FigureId::from("gov")]);
    assert_eq!(c.score(), Some(Decimal::new(35, 3)));
    assert_eq!(
        c.to_string(),
        "the part is at least 12 but the whole is at most 11"
    );
    // The related conflict lowers both figures' confidence and is listed with each.
    let gov = f.get(&"gov".into()).unwrap();
    assert!(gov.summary().reasons().contains(&Reason::RelatedConflict));
    assert_eq!(f.conflicts_of(&"gov".into()).count(), 1);

    // With Hezbollah's own admission of 2 beside it, the weighted range is
    // [2, 12] (floor 2): its low end 2 ≤ 11, so no conflict.
    let d = jobeh_dossier(&[("h3", "commander", "12"), ("h2", "hezbollah", "2")]);
    let f = Reconciler::new().reconcile(&d).unwrap();
    assert!(f.cross_figure_conflicts().is_empty());
}

/// Arsal: "24 captured (14 released, 4 executed)".
fn arsal(captured: &str) -> (Dossier, Relation) {
    let mut d = Dossier::new();
    d.add_source(Source::new(
        "infobox",
        "the infobox",
        SourceKind::Encyclopedia,
    ));
    for (id, m) in [
        ("captured", Measure::Captured),
        ("released", Measure::Released),
        ("executed", Measure::Executed),
    ] {
        d.add_figure(Figure::new(id, id, Scope::new(m)));
    }
    d.add_claim(Claim::new(
        "c1",
        "captured",
        "infobox",
        captured.parse().unwrap(),
    ));
    d.add_claim(Claim::new(
        "c2",
        "released",
        "infobox",
        "14".parse().unwrap(),
    ));
    d.add_claim(Claim::new(
        "c3",
        "executed",
        "infobox",
        "4".parse().unwrap(),
    ));
    let r = Relation::components(["released", "executed"], "captured");
    d.relate(r.clone());
    (d, r)
}

#[test]
fn released_and_executed_fit_within_captured() {
    // 14 + 4 = 18 ≤ 24: no conflict; the roll-up of the components is [18, 18].
    let (d, r) = arsal("24");
    let f = Reconciler::new().reconcile(&d).unwrap();
    assert!(f.cross_figure_conflicts().is_empty());
    let roll = f.rollup(&r, Grades::ALL).unwrap();
    assert_eq!(roll.sum().unwrap().to_string(), "[18, 18]");
    assert_eq!(roll.used().count(), 2);

    // Had the infobox said 15 captured: 18 > 15, score log10(19 / 16) = 0.0746.
    let (d, _) = arsal("15");
    let f = Reconciler::new().reconcile(&d).unwrap();
    assert_eq!(across(&f), ["components_exceed_total"]);
    let c = &f.cross_figure_conflicts()[0];
    assert_eq!(c.score(), Some(Decimal::new(75, 3)));
    assert_eq!(ids(c), ["c2", "c3", "c1"]);
    assert_eq!(
        c.to_string(),
        "the components add up to at least 18 but the total is at most 15"
    );
}

#[test]
fn the_18_to_19_revision_is_not_a_contradiction() {
    // "18, updated to 19 by 12 August": c1 is superseded, so only 19 counts:
    // no disjoint conflict, one revision (info), best 19; both are listed.
    let items = vec![
        ev("c1", "ministry", "18").with_reported("2014-08-10".parse().unwrap()),
        ev("c2", "ministry", "19")
            .with_reported("2014-08-12".parse().unwrap())
            .superseding("c1"),
    ];
    let f = finish("weighted", items.clone());
    assert_eq!(kinds(&f), ["revision"]);
    let c = &f.conflicts()[0];
    assert_eq!(c.severity(), Severity::Info);
    assert_eq!(ids(c), ["c1", "c2"]);
    assert_eq!(c.to_string(), "18 was revised to 19");
    assert_eq!(f.best(), Some(d(19)));
    assert_eq!(
        (
            f.summary().considered_count(),
            f.summary().claim_count(),
            f.summary().independent_count()
        ),
        (2, 1, 1)
    );
    assert_eq!(roles(&f), ["superseded by a later claim", "used"]);
    assert!(!f.claims()[0].is_counted());

    // Counting superseded claims makes 18 and 19 contradict (gap 1).
    let f = Reconciler::new()
        .superseded(Superseded::Count)
        .finish("f".into(), items.into_iter().collect())
        .unwrap();
    assert_eq!(kinds(&f), ["disjoint", "empty_consensus", "revision"]);
    // most_recent never picks a superseded claim, even when it counts.
    let f = Reconciler::new()
        .superseded(Superseded::Count)
        .policy(policy::MostRecent)
        .finish(
            "f".into(),
            [
                ev("c1", "m", "18").with_reported("2014-08-13".parse().unwrap()),
                ev("c2", "m", "19").superseding("c1"),
            ]
            .into_iter()
            .collect(),
        )
        .unwrap();
    assert_eq!(f.best(), Some(d(19)));
}

#[test]
fn stake_turns_partisan_claims_into_bounds() {
    // Hezbollah admits 2 of its own dead: at least 2. The rebel commander
    // claims 15 of his enemy's: at most 15. Consensus [2, 15]; the stated
    // claims 2 and 15 still do not overlap (a disjoint conflict, not an empty
    // consensus).
    let items = vec![
        ev("c1", "hezbollah", "2").with_stake(Stake::Own),
        ev("c2", "commander", "15").with_stake(Stake::Enemy),
    ];
    let f = finish("consensus", items.clone());
    assert_eq!(range(&f), "[2, 15]");
    assert_eq!(kinds(&f), ["disjoint"]);
    // Both weigh half (0.125 each): the weighted median is the lower point, 2.
    let f = finish("weighted", items.clone());
    assert_eq!((range(&f), f.best()), ("[2, 15]".into(), Some(d(2))));
    assert_eq!(f.summary().grade(), Grade::Confirmed);
    assert!(f.summary().reasons().contains(&Reason::Admission));

    // The floor: a monitor says 4–6, but the party admits 10 of its own dead.
    // conservative's lowest figure 4 is raised to 10 (range [10, 10]); the
    // admission contradicts the monitor, so the grade is contested.
    let items = vec![
        ev("c1", "monitor", "4–6"),
        ev("c2", "party", "10").with_stake(Stake::Own),
    ];
    let f = finish("conservative", items.clone());
    assert_eq!((range(&f), f.best()), ("[10, 10]".into(), Some(d(10))));
    assert_eq!(roles(&f), ["used", "used"]);
    assert_eq!(f.summary().grade(), Grade::Contested);
    // envelope shows what was said, floor or not.
    assert_eq!(range(&finish("envelope", items)), "[4, 10]");
}

#[test]
fn relays_count_once() {
    // Three outlets relay SANA's 12 (one originator); SOHR and a local
    // monitor say 15. majority: 15 has two independent sources, 12 one.
    let items = vec![
        ev("c1", "sana", "12"),
        ev("c2", "sana", "12"),
        ev("c3", "sana", "12"),
        ev("c4", "sohr", "15"),
        ev("c5", "local", "15"),
    ];
    let f = finish("majority", items.clone());
    assert_eq!((range(&f), f.best()), ("[15, 15]".into(), Some(d(15))));
    assert_eq!(
        (f.summary().claim_count(), f.summary().independent_count()),
        (5, 3)
    );
    assert_eq!(
        f.summary().reasons()[0].to_string(),
        "five reports from three independent sources, some not overlapping"
    );
    // Weighted: SANA's 0.25 is shared by its three claims; 12 weighs 0.25
    // against 15's 0.5, so the median is 15.
    assert_eq!(finish("weighted", items).best(), Some(d(15)));

    // Three different originators saying 12 outvote two saying 15.
    let items = vec![
        ev("c1", "a", "12"),
        ev("c2", "b", "12"),
        ev("c3", "c", "12"),
        ev("c4", "sohr", "15"),
        ev("c5", "local", "15"),
    ];
    assert_eq!(range(&finish("majority", items)), "[12, 12]");
}

#[test]
fn outliers_are_flagged_and_set_aside() {
    // 10, 11 and 12 from three sources, 1000 from a fourth. 1000 overlaps
    // nothing; its gap to 12 is log10(1001 / 13) = 1.886, far more than the
    // others' spread log10(13 / 11) = 0.073; three sources against one.
    let items = vec![
        ev("c1", "a", "10"),
        ev("c2", "b", "11"),
        ev("c3", "c", "12"),
        ev("c4", "d", "1000"),
    ];
    let f = finish("weighted", items);
    let o: Vec<_> = f
        .conflicts()
        .iter()
        .filter(|c| c.kind() == ConflictKind::Outlier)
        .collect();
    assert_eq!(o.len(), 1);
    assert_eq!(ids(o[0]), ["c4"]);
    assert_eq!(o[0].score(), Some(Decimal::new(1886, 3)));
    assert_eq!(o[0].severity(), Severity::Severe);
    assert_eq!(
        o[0].to_string(),
        "1000 lies far from every other claim: the nearest is 12"
    );
    // The weighted range leaves it out: [10, 12], median 11.
    assert_eq!((range(&f), f.best()), ("[10, 12]".into(), Some(d(11))));
    assert_eq!(roles(&f)[3], "an outlier");

    // Spread evenly over orders of magnitude, no value is an outlier:
    // 1000's gap to 100 (0.996) is less than the rest's spread (1.70).
    let f = finish(
        "weighted",
        vec![
            ev("c1", "a", "1"),
            ev("c2", "b", "10"),
            ev("c3", "c", "100"),
            ev("c4", "d", "1000"),
        ],
    );
    assert!(!kinds(&f).contains(&"outlier"));
}

#[test]
fn disjoint_values_are_grouped_under_their_nearest_lower_value() {
    // 0–5 lies below 10–100 and 50–60 (nearest below both is 0–5); 200 lies
    // above 10–100 (its nearest below, high 100). Two conflicts, each claim in
    // at most two; the group's score is its largest gap, 5 → 50:
    // log10(51 / 6) = 0.929.
    let f = finish(
        "envelope",
        vec![
            ev("a", "1", "0–5"),
            ev("b", "2", "10–100"),
            ev("c", "3", "50–60"),
            ev("e", "4", "200"),
        ],
    );
    let dj: Vec<_> = f
        .conflicts()
        .iter()
        .filter(|c| c.kind() == ConflictKind::Disjoint)
        .collect();
    assert_eq!(dj.len(), 2);
    assert_eq!(ids(dj[0]), ["a", "b", "c"]);
    assert_eq!(dj[0].score(), Some(Decimal::new(929, 3)));
    assert_eq!(
        dj[0].to_string(),
        "0–5 lies below 10–100 and 1 other value: gaps of 5 to 45"
    );
    assert_eq!(ids(dj[1]), ["b", "e"]);
}

#[test]
fn invalid_triples_partisan_figures_and_vague_words() {
    // UCDP-style 5/3/2: low above high; score log10((5 + 1) / (2 + 1)) = 0.301.
    let f = finish("weighted", vec![ev("t", "ucdp", "5/3/2")]);
    assert_eq!(kinds(&f), ["invalid_triple"]);
    assert_eq!(f.conflicts()[0].score(), Some(Decimal::new(301, 3)));
    assert_eq!(f.conflicts()[0].severity(), Severity::High);

    // Only the government side speaks: partisan_only, low confidence.
    let gov = Side::new("government");
    let f = finish(
        "weighted",
        vec![
            ev("a", "army", "40").with_side(gov.clone()),
            ev("b", "state-tv", "40–45").with_side(gov.clone()),
        ],
    );
    assert_eq!(kinds(&f), ["partisan_only"]);
    assert_eq!(f.summary().sides(), [gov]);
    assert_eq!(f.summary().confidence(), Confidence::Low);

    // "dozens" against 15: strictly [24, 119], so they do not overlap;
    // leniently [12, 119], so they do.
    let dozens = vec![ev("a", "x", "dozens"), ev("b", "y", "15")];
    assert_eq!(
        kinds(&finish("weighted", dozens.clone())),
        ["disjoint", "empty_consensus"]
    );
    let f = Reconciler::new()
        .reading(Reading::Lenient)
        .finish("f".into(), dozens.into_iter().collect())
        .unwrap();
    assert!(f.conflicts().is_empty());
    assert_eq!(range(&f), "[12, 119]");
    // The lenient point of "dozens" is ACLED's 12; conservative takes it.
    let f = Reconciler::new()
        .reading(Reading::Lenient)
        .policy(policy::Conservative)
        .finish("f".into(), [ev("a", "x", "dozens")].into_iter().collect())
        .unwrap();
    assert_eq!(f.best(), Some(d(12)));
}

#[test]
fn most_reliable_and_most_recent_follow_grades_and_dates() {
    // An A source's 30 beats two F sources; the range spans the A–C claims.
    let items = vec![
        ev("a", "un", "30").with_reliability(Reliability::A),
        ev("b", "x", "10"),
        ev("c", "wire", "25–35").with_reliability(Reliability::C),
    ];
    let f = finish("most_reliable", items);
    assert_eq!((range(&f), f.best()), ("[25, 35]".into(), Some(d(30))));
    assert_eq!(roles(&f)[0], "a more reliable source gives the figure");

    // Of two B sources, the one counting its enemy's dead ranks lower.
    let items = vec![
        ev("a", "army", "50")
            .with_reliability(Reliability::B)
            .with_stake(Stake::Enemy),
        ev("b", "monitor", "70").with_reliability(Reliability::B),
    ];
    assert_eq!(finish("most_reliable", items).best(), Some(d(70)));

    // The latest claim is doubtful (credibility 4): the one before it wins.
    let items = vec![
        ev("a", "x", "40").with_reported("2014-08-01".parse().unwrap()),
        ev("b", "y", "45").with_reported("2014-08-03".parse().unwrap()),
        ev("c", "z", "90")
            .with_reported("2014-08-05".parse().unwrap())
            .with_credibility(Credibility::Doubtful),
    ];
    let f = finish("most_recent", items);
    assert_eq!(f.best(), Some(d(45)));
    assert_eq!(
        roles(&f),
        ["a later claim gives the figure", "used", "questionable"]
    );

    // Each claim left out says why: an earlier date, a less reliable source
    // on the same day, or a tie (the lower figure taken); an undated claim
    // is the oldest.
    let on = |day: &str| day.parse().unwrap();
    let items = vec![
        ev("a", "monitor", "30").with_reported(on("2014-08-03")),
        ev("b", "wire", "35").with_reported(on("2014-08-03")),
        ev("c", "ministry", "38")
            .with_reported(on("2014-08-03"))
            .with_reliability(Reliability::D),
        ev("d", "monitor", "40").with_reported(on("2014-08-01")),
        ev("e", "wire", "50"),
    ];
    let f = finish("most_recent", items);
    assert_eq!(f.best(), Some(d(30)));
    assert_eq!(
        roles(&f),
        [
            "used",
            "as recent and as reliable as the lower claim taken",
            "a more reliable source gives the figure",
            "a later claim gives the figure",
            "a later claim gives the figure",
        ]
    );
}

/// An offensive over two battles, and its total.
fn offensive(total: &str) -> Dossier {
    let mut d = Dossier::new();
    d.add_source(Source::new("a", "monitor", SourceKind::Monitor));
    d.add_source(Source::new("b", "ministry", SourceKind::Government));
    for id in ["battle-1", "battle-2", "offensive"] {
        d.add_figure(Figure::new(
            id,
            id,
            Scope::new(Measure::Killed).with_period("2014-06".parse().unwrap()),
        ));
    }
    d.add_claim(Claim::new("c1", "battle-1", "a", "60–80".parse().unwrap()));
    d.add_claim(Claim::new("c2", "battle-2", "a", "50–70".parse().unwrap()));
    d.add_claim(Claim::new("c3", "offensive", "b", total.parse().unwrap()));
    d.relate(Relation::sum_over(["battle-1", "battle-2"], "offensive"));
    d
}

#[test]
fn a_total_below_its_parts() {
    // Parts' lows add up to 60 + 50 = 110. "More than 100 killed since the
    // start" stands for 101 < 110: the total understates (it can still hold,
    // so the severity is capped at low).
    let f = Reconciler::new()
        .reconcile(&offensive("more than 100"))
        .unwrap();
    assert_eq!(across(&f), ["total_below_parts"]);
    let c = &f.cross_figure_conflicts()[0];
    assert_eq!(c.severity(), Severity::Low);
    assert_eq!(
        c.to_string(),
        "the total's figure 101 is below the 110 its parts add up to at least"
    );
    assert_eq!(ids(c), ["c3", "c1", "c2"]);
    // A total of 90 cannot hold: log10(111 / 91) = 0.086.
    let f = Reconciler::new().reconcile(&offensive("90")).unwrap();
    let c = &f.cross_figure_conflicts()[0];
    assert_eq!(c.score(), Some(Decimal::new(86, 3)));
    assert_eq!(
        c.to_string(),
        "the total is at most 90 but its parts add up to at least 110"
    );
    // 150 is fine.
    assert!(
        Reconciler::new()
            .reconcile(&offensive("150"))
            .unwrap()
            .cross_figure_conflicts()
            .is_empty()
    );
}

#[test]
fn scope_mismatches() {
    let mut d = Dossier::new();
    d.add_source(Source::new("a", "a", SourceKind::Monitor));
    let fig = |id: &str, m: Measure, p: &str| {
        Figure::new(id, id, Scope::new(m).with_period(p.parse().unwrap()))
    };
    d.add_figure(fig("wounded", Measure::Wounded, "2014-08"));
    d.add_figure(fig("killed", Measure::Killed, "2014-08"));
    d.add_figure(fig("casualties", Measure::Casualties, "2014"));
    d.add_figure(fig("july-killed", Measure::Killed, "2014-07"));
    // Wounded within killed: a mismatch. Killed within casualties: fine.
    d.relate(Relation::part_of("wounded", "killed"));
    d.relate(Relation::part_of("killed", "casualties"));
    // July's dead within August's: a different period.
    d.relate(Relation::part_of("july-killed", "killed"));
    let f = Reconciler::new().reconcile(&d).unwrap();
    let msgs: Vec<String> = f
        .cross_figure_conflicts()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        msgs,
        [
            "`wounded` counts wounded but `killed` counts killed",
            "`july-killed` covers 2014-07, outside the period of `killed`, 2014-08",
        ]
    );
    assert!(
        f.cross_figure_conflicts()
            .iter()
            .all(|c| c.kind() == ConflictKind::ScopeMismatch
                && c.severity() == Severity::Moderate
                && c.score().is_none())
    );
}

#[test]
fn rollups_never_add_overlapping_parts_and_say_what_they_left_out() {
    // A [10, 20] and B [5, 30] overlap: together at least max(10, 5) = 10 and
    // at most 20 + 30 = 50. C [1, 1] is added. D has no claim: left out.
    // Sum [11, 51].
    let mut d = Dossier::new();
    d.add_source(Source::new("s", "s", SourceKind::Monitor));
    for id in ["a", "b", "c", "d", "total"] {
        d.add_figure(Figure::new(id, id, Scope::new(Measure::Killed)));
    }
    d.add_claim(Claim::new("c1", "a", "s", "10–20".parse().unwrap()));
    d.add_claim(Claim::new("c2", "b", "s", "5–30".parse().unwrap()));
    d.add_claim(Claim::new("c3", "c", "s", "1".parse().unwrap()));
    let sum = Relation::sum_over(["a", "b", "c", "d"], "total");
    d.relate(sum.clone());
    d.relate(Relation::overlap(["a", "b"]));
    let f = Reconciler::new().reconcile(&d).unwrap();
    let r = f.rollup(&sum, Grades::ALL).unwrap();
    assert_eq!(r.sum().unwrap().to_string(), "[11, 51]");
    let usage: Vec<String> = r.parts().iter().map(|p| p.usage().to_string()).collect();
    assert_eq!(
        usage,
        [
            "overlaps another part: counted once",
            "overlaps another part: counted once",
            "added",
            "left out: no reconciled range",
        ]
    );
    assert_eq!(f.rollups(&"total".into(), Grades::ALL).unwrap().len(), 1);
    // Airwars: every part here has one source (weak): nothing is added.
    let r = f.rollup(&sum, Grades::AIRWARS).unwrap();
    assert_eq!(r.sum(), None);
    assert_eq!(r.parts()[0].usage(), &Usage::LeftOutGrade(Grade::Weak));
    assert_eq!(r.left_out().count(), 4);
}

#[test]
#[cfg(feature = "serde")]
fn one_overflowing_rollup_loses_no_figure_and_names_its_relation() {
    // The Qalamoun dossier, and beside it two figures at Decimal::MAX whose
    // sum overflows: every figure keeps its finding, every other relation is
    // still checked, and the bad one is named.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/qalamoun-2014.toml"
    );
    let mut d = Dossier::load(path).unwrap();
    let healthy = Reconciler::new().reconcile(&d).unwrap();
    d.add_source(Source::new("s", "s", SourceKind::Monitor));
    for id in ["a", "b", "t"] {
        d.add_figure(Figure::new(id, id, Scope::new(Measure::Killed)));
    }
    let max = Decimal::MAX.to_string();
    d.add_claim(Claim::new("c1", "a", "s", max.parse().unwrap()));
    d.add_claim(Claim::new("c2", "b", "s", max.parse().unwrap()));
    d.relate(Relation::sum_over(["a", "b"], "t"));
    let n = d.relations().len();
    let findings = Reconciler::new().reconcile(&d).unwrap();
    assert_eq!(findings.len(), healthy.len() + 3);
    assert_eq!(
        findings.cross_figure_conflicts(),
        healthy.cross_figure_conflicts()
    );
    for f in healthy.iter() {
        assert_eq!(findings.get(f.figure()).map(|x| x.range()), Some(f.range()));
    }
    let problems = findings.problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind(), reckon::error::ErrorKind::Overflow);
    assert_eq!(
        problems[0].to_string(),
        format!("relation {n} (sum-over): arithmetic overflow: {max} + {max}")
    );
    assert!(healthy.problems().is_empty());
}

/// A policy whose best value lies outside its range.
struct Broken;

impl Policy for Broken {
    fn name(&self) -> &str {
        "broken"
    }
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        Ok(Outcome::new(set)
            .with_range(set.envelope())
            .with_best(Some(Decimal::from(1000)))
            .with_exclusion(0, Exclusion::Other("no reason".into())))
    }
}

/// A policy whose best value lies just past its range's high end.
struct JustOutside;

impl Policy for JustOutside {
    fn name(&self) -> &str {
        "just_outside"
    }
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let high = set.envelope().and_then(|e| e.high()).unwrap_or_default();
        Ok(Outcome::new(set)
            .with_range(set.envelope())
            .with_best(Some(high + Decimal::new(5, 1))))
    }
}

#[test]
fn a_best_value_outside_the_range_is_refused_before_it_is_made_whole() {
    // 200.5 would round to 200, inside [50, 200]; the policy is still wrong.
    let mut d = Dossier::new();
    d.add_source(Source::new("a", "a", SourceKind::Media));
    d.add_figure(Figure::new(
        "f",
        "rebels killed",
        Scope::new(Measure::Killed),
    ));
    d.add_claim(Claim::new("c1", "f", "a", "50–170".parse().unwrap()));
    d.add_claim(Claim::new("c2", "f", "a", "200".parse().unwrap()));
    let err = Reconciler::new()
        .policy(JustOutside)
        .reconcile(&d)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "policy `just_outside`: its best value 200.5 for figure `f` lies outside its range [50, 200]"
    );
}

#[test]
fn errors_name_the_policy_and_the_figure() {
    let t: Tally = jobeh().into_iter().collect();
    let err = Reconciler::new()
        .policy(Broken)
        .finish("jobeh".into(), t)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "policy `broken`: its best value 1000 for figure `jobeh` lies outside its range [50, 200]"
    );
    let t: Tally = Tally::new();
    let err = Reconciler::new()
        .policy(Broken)
        .finish("empty".into(), t)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "policy `broken`: it gives figure `empty` a best value 1000 but no range"
    );
    assert_eq!(
        Registry::standard()
            .get("")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default(),
        "policy ``: there is no such policy; the policies are envelope, consensus, conservative, most_reliable, most_recent, majority, weighted, learned"
    );
}

#[test]
fn custom_policies_give_their_own_reasons() {
    /// Uses c1 only.
    struct First;
    impl Policy for First {
        fn name(&self) -> &str {
            "first"
        }
        fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
            let mut out = Outcome::new(set).with_range(Some(set.interval(0)));
            for i in 1..set.len() {
                out = out.with_exclusion(i, Exclusion::Other("not first".into()));
            }
            Ok(out)
        }
    }
    let f = Reconciler::new()
        .policy(First)
        .finish("f".into(), jobeh().into_iter().collect())
        .unwrap();
    assert_eq!(f.policy(), "first");
    assert_eq!(roles(&f), ["used", "not first"]);
    assert_eq!(
        f.claims()[1].role(),
        &Role::Excluded(Exclusion::Other("not first".into()))
    );
}

#[test]
fn no_number_is_not_zero() {
    // "Unknown Syrian and Hezbollah casualties": a figure exists, no number.
    let f = finish("weighted", vec![ev("a", "infobox", "unknown")]);
    assert_eq!(f.range(), None);
    assert_eq!(roles(&f), ["gives no number"]);
    let s = f.summary();
    assert_eq!((s.claim_count(), s.likelihood()), (1, None));
    assert_eq!(s.reasons_text(), "no report gives a number");
    assert_eq!(s.confidence(), Confidence::Low);
}

#[test]
fn evidence_from_a_dossier_matches_the_reconciler() {
    // Reconciling a dossier and finishing a tally of Evidence::of give the
    // same finding: the reconciler's fast path derives stake and originator
    // as Dossier::stake and Dossier::originator do.
    let gov = Side::new("government");
    let mut d = Dossier::new();
    d.add_source(
        Source::new("hez", "Hezbollah sources", SourceKind::Belligerent)
            .with_side(gov.clone())
            .with_reliability(Reliability::C),
    );
    d.add_source(Source::new("tv", "al-Manar", SourceKind::Media).relaying("hez"));
    d.add_source(
        Source::new("cmdr", "commander", SourceKind::ArmedOpposition)
            .with_side(Side::new("rebels")),
    );
    d.add_figure(Figure::new(
        "f",
        "Hezbollah dead",
        Scope::new(Measure::Killed).with_party("Hezbollah", Some(gov)),
    ));
    d.add_claim(Claim::new("c1", "f", "tv", "2".parse().unwrap()));
    d.add_claim(Claim::new("c2", "f", "cmdr", "15".parse().unwrap()));
    d.add_claim(Claim::new("c3", "f", "nobody", "7".parse().unwrap()));
    let by_dossier = Reconciler::new().reconcile(&d).unwrap();
    let tally: Tally = d.claims().iter().map(|c| Evidence::of(&d, c)).collect();
    let by_tally = Reconciler::new().finish("f".into(), tally).unwrap();
    assert_eq!(by_dossier.get(&"f".into()), Some(&by_tally));
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Reconciler>();
    check::<Finding>();
    check::<Findings>();
    check::<Tally>();
    check::<Evidence>();
    check::<EvidenceSet<'_>>();
    check::<Outcome>();
    check::<reckon::reconcile::conflict::Conflict>();
    check::<reckon::reconcile::confidence::Summary>();
    check::<reckon::reconcile::rollup::Rollup>();
    check::<Box<dyn Policy>>();
}

#[cfg(feature = "serde")]
#[test]
fn the_qalamoun_dossiers_contradictions_are_found() {
    // examples/data/README.md lists the article's contradictions, each kept
    // as two claims on one figure; the reconciler must find each as a
    // disjoint pair, and nothing else as one.
    let d = Dossier::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/qalamoun-2014.toml"
    ))
    .unwrap();
    let f = Reconciler::new().reconcile(&d).unwrap();
    let mut disjoint: Vec<String> = f
        .iter()
        .flat_map(|x| x.conflicts())
        .filter(|c| c.kind() == ConflictKind::Disjoint)
        .map(|c| format!("{}: {}", c.figures()[0], c))
        .collect();
    disjoint.sort();
    assert_eq!(
        disjoint,
        [
            "arsal-lebanese-soldiers-killed: 19 and 20 do not overlap: a gap of 1",
            "arsal-policemen-captured: 16 and 20 do not overlap: a gap of 4",
            "hills-hezbollah-killed: 6–7 and 14 do not overlap: a gap of 7",
            "hills-rebels-captured: 14 and 40 do not overlap: a gap of 26",
            "hills-rebels-killed: 17–32 and 104 do not overlap: a gap of 72",
            "jobeh-government-killed: 7–11 and 22 do not overlap: a gap of 11",
            "jobeh-rebels-killed: 50–170 and 200 do not overlap: a gap of 30",
        ]
    );
    // The toll revised from 18 to 19 is a revision, not a contradiction:
    // the 19 against 20 above is between two different sources.
    let revisions: Vec<String> = f
        .iter()
        .flat_map(|x| x.conflicts())
        .filter(|c| c.kind() == ConflictKind::Revision)
        .map(ToString::to_string)
        .collect();
    assert_eq!(revisions, ["18 was revised to 19"]);
    // Rankous: the rebel commander's 29 Hezbollah dead within the 14 of the
    // two weeks around them: the part exceeds the whole (log10(30 / 15) = 0.301).
    let parts: Vec<_> = f
        .cross_figure_conflicts()
        .iter()
        .filter(|c| c.kind() == ConflictKind::PartExceedsWhole)
        .collect();
    assert_eq!(parts.len(), 1);
    assert_eq!(
        parts[0].figures(),
        [
            FigureId::from("rankous-hezbollah-killed"),
            FigureId::from("tfail-area-hezbollah-killed")
        ]
    );
    assert_eq!(parts[0].score(), Some(Decimal::new(301, 3)));
    // 14 released + 4 executed ≤ 24 captured: no components conflict.
    assert!(
        !f.cross_figure_conflicts()
            .iter()
            .any(|c| c.kind() == ConflictKind::ComponentsExceedTotal)
    );
}

/// Two sources' claims `a` and `b` on one figure counted in `unit`,
/// reconciled under `reading`.
fn two_claims(unit: reckon::Unit, a: &str, b: &str, reading: Reading) -> Finding {
    let mut d = Dossier::new();
    d.add_source(Source::new("a", "a", SourceKind::Media));
    d.add_source(Source::new("b", "b", SourceKind::Media));
    d.add_figure(Figure::new(
        "f",
        "f",
        Scope::new(Measure::Killed).with_unit(unit),
    ));
    d.add_claim(Claim::new("c1", "f", "a", a.parse().unwrap()));
    d.add_claim(Claim::new("c2", "f", "b", b.parse().unwrap()));
    let findings = Reconciler::new().reading(reading).reconcile(&d).unwrap();
    findings.get(&"f".into()).unwrap().clone()
}

#[test]
fn a_measured_figure_reads_strict_bounds_as_measures() {
    // A duration in hours: "more than 2" admits 2.5 hours, so the two claims
    // agree. The same claims on a count of people conflict: more than 2
    // people is at least 3, and 2.5 people is not a count.
    let hours = two_claims(reckon::Unit::Hours, ">2", "2.5", Reading::Strict);
    assert_eq!(kinds(&hours), Vec::<&str>::new());
    assert_eq!(
        hours.consensus().map(|c| c.to_string()),
        Some("[2.5, 2.5]".into())
    );
    let people = two_claims(reckon::Unit::People, ">2", "2.5", Reading::Strict);
    assert_eq!(kinds(&people), ["disjoint", "empty_consensus", "not_whole"]);
    assert_eq!(
        people.conflicts()[2].to_string(),
        "a count given as 2.5, not a whole number"
    );
}

#[test]
fn evidence_of_a_measured_claim_reads_it_as_the_reconciler_does() {
    let mut d = Dossier::new();
    d.add_source(Source::new("a", "a", SourceKind::Media));
    d.add_figure(Figure::new(
        "f",
        "f",
        Scope::new(Measure::Duration).with_unit(reckon::Unit::Hours),
    ));
    d.add_claim(Claim::new("c1", "f", "a", ">2".parse().unwrap()));
    let e = Evidence::of(&d, &d.claims()[0]);
    assert_eq!(e.interval().to_string(), "[2, ∞)");
}

#[test]
fn the_rounded_reading_rounds_counts_only() {
    // 100 people may be 97 rounded to tens; 100 % is not a rounded count.
    let people = two_claims(reckon::Unit::People, "100", "97", Reading::Rounded);
    assert_eq!(kinds(&people), Vec::<&str>::new());
    let percent = two_claims(reckon::Unit::Percent, "100", "97", Reading::Rounded);
    assert_eq!(kinds(&percent), ["disjoint", "empty_consensus"]);
}

#[cfg(feature = "serde")]
#[test]
fn findings_serialize_with_decimal_strings_and_typed_details() {
    use serde_json::{Value, json};
    // The government dead (7–11) and a rebel commander's 12 Hezbollah dead,
    // declared part of them: a part above its whole.
    let d = jobeh_dossier(&[("h3", "commander", "12")]);
    let findings = Reconciler::new().reconcile(&d).unwrap();
    let text = serde_json::to_string(&findings).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let figures = v["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 2);
    let gov = &figures[0];
    assert_eq!(gov["figure"], "gov");
    assert_eq!(gov["policy"], "weighted");
    assert_eq!(
        gov["claims"],
        json!([{"id": "g1", "low": "7", "high": "11", "counted": true, "role": "used"}])
    );
    assert_eq!(
        (&gov["raw_claims"], &gov["independent_sources"]),
        (&json!(1), &json!(1))
    );
    assert_eq!(
        (&gov["low"], &gov["best"], &gov["high"]),
        (&json!("7"), &json!("9"), &json!("11"))
    );
    assert_eq!(gov["envelope"], json!(["7", "11"]));
    assert_eq!(gov["consensus"], json!(["7", "11"]));
    assert_eq!(gov["conflicts"], json!([]));
    assert_eq!(gov["grade"], "weak");
    assert_eq!(gov["credibility"], 6);
    assert_eq!(gov["spread"], "1.57");
    assert_eq!(gov["sides"], json!([]));
    assert_eq!(gov["confidence"], "low");
    assert!(
        gov["reasons"]
            .as_array()
            .unwrap()
            .contains(&json!("inconsistent with a related figure"))
    );
    let across = v["cross_figure_conflicts"].as_array().unwrap();
    assert_eq!(
        across[0],
        json!({
            "kind": "part_exceeds_whole",
            "claims": ["h3", "g1"],
            "figures": ["hez", "gov"],
            "severity": "low",
            "score": "0.035",
            "explanation": "the part is at least 12 but the whole is at most 11",
            "detail": {"kind": "part_exceeds_whole", "part": ["12", "12"], "whole": ["7", "11"]},
        })
    );

    // Within one figure: the al-Jobeh rebels, 50–170 against 200.
    let f = finish("weighted", jobeh());
    let v = serde_json::to_value(&f).unwrap();
    assert_eq!(
        v["conflicts"][0]["detail"],
        json!({
            "kind": "disjoint",
            "lower": ["50", "170"],
            "nearest": ["200", "200"],
            "farthest": ["200", "200"],
            "uppers": 1,
            "gap": "30",
            "farthest_gap": "30",
        })
    );
    assert_eq!(
        v["conflicts"][1]["detail"],
        json!({
            "kind": "empty_consensus",
            "ceiling": ["50", "170"],
            "floor": ["200", "200"],
            "at_most": "170",
            "at_least": "200",
        })
    );
    assert_eq!(v["conflicts"][0]["score"], "0.070");
    assert_eq!(v["likelihood"], "The figure is likely between 50 and 200.");
    assert_eq!(v["agreement"], "0");
    let s = serde_json::to_value(f.summary()).unwrap();
    assert_eq!(s["likelihood_term"], "likely");
    assert_eq!(s["range"], json!(["50", "200"]));
    assert_eq!(s["unaffiliated_sources"], 2);
    assert_eq!(s["reasons"][0], "two non-overlapping reports");

    // An open range, a decimal that must keep its digits, a roll-up.
    let f = finish(
        "weighted",
        vec![ev("a", "x", "more than 100"), ev("b", "y", "170.10")],
    );
    let v = serde_json::to_value(&f).unwrap();
    assert_eq!(v["envelope"], json!(["101", null]));
    assert_eq!(v["claims"][1]["low"], "170.10");
    let (d, r) = arsal("24");
    let roll = Reconciler::new()
        .reconcile(&d)
        .unwrap()
        .rollup(&r, Grades::ALL)
        .unwrap();
    assert_eq!(
        serde_json::to_value(&roll).unwrap(),
        json!({
            "total": "captured",
            "sum": ["18", "18"],
            "parts": [
                {"figure": "released", "range": ["14", "14"], "usage": "added", "used": true},
                {"figure": "executed", "range": ["4", "4"], "usage": "added", "used": true},
            ],
        })
    );
}

#[test]
fn values_at_decimals_limits_never_panic_under_any_policy() {
    // Every pair of limit values, as exact figures, ranges and open bounds,
    // reconciled under every registered policy: a finding, or an overflow
    // reported beside the findings naming the figure; never a panic, and a
    // best value always inside its range.
    let max = Decimal::MAX.to_string();
    let tiny = "0.0000000000000000000000000001".to_owned();
    let places = "1.2345678901234567890123456789".to_owned();
    let values = [
        max.clone(),
        format!(">={max} <={max}"),
        format!("{tiny}–{max}"),
        format!("{max}+"),
        tiny.clone(),
        places.clone(),
        "~1000".to_owned(),
        format!("<{tiny}"),
        "0".to_owned(),
    ];
    let registry = reckon::reconcile::policy::Registry::standard();
    for a in &values {
        for b in &values {
            let mut d = Dossier::new();
            d.add_source(Source::new("s1", "one", SourceKind::Monitor));
            d.add_source(Source::new("s2", "two", SourceKind::Media));
            d.add_figure(Figure::new("f", "f", Scope::new(Measure::Killed)));
            d.add_claim(Claim::new("c1", "f", "s1", a.parse().unwrap()));
            d.add_claim(Claim::new("c2", "f", "s2", b.parse().unwrap()));
            for name in registry.names() {
                let r = Reconciler::new().policy(registry.get(name).unwrap());
                let findings = r.reconcile(&d).unwrap();
                match findings.get(&"f".into()) {
                    Some(f) => {
                        if let (Some(range), Some(best)) = (f.range(), f.best()) {
                            assert!(range.contains(best), "{name}: {a} and {b}");
                        }
                        assert!(findings.problems().is_empty(), "{name}: {a} and {b}");
                    }
                    None => {
                        let [e] = findings.problems() else {
                            panic!("{name}: {a} and {b}: no finding and not one problem");
                        };
                        assert_eq!(
                            e.kind(),
                            reckon::error::ErrorKind::Overflow,
                            "{name}: {a} and {b}: {e}"
                        );
                        assert!(e.to_string().starts_with("figure `f`: "), "{e}");
                        println!("{name}: {a} and {b}: {e}");
                    }
                }
            }
        }
    }
}

/// Adds up every claim's interval, as for tallies of separate incidents:
/// its sum can pass a decimal's limit.
struct Cumulative;

impl Policy for Cumulative {
    fn name(&self) -> &str {
        "cumulative"
    }
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let mut total: Option<reckon::Interval> = None;
        for i in 0..set.len() {
            let next = set.interval(i);
            total = Some(match total {
                None => next,
                Some(t) => t.checked_add(&next)?,
            });
        }
        Ok(Outcome::new(set).with_range(total))
    }
}

#[test]
fn one_figure_that_cannot_be_reconciled_loses_no_other() {
    let max = Decimal::MAX.to_string();
    let mut d = Dossier::new();
    d.add_source(Source::new("a", "a", SourceKind::Media));
    d.add_source(Source::new("b", "b", SourceKind::Monitor));
    for id in ["before", "huge", "after"] {
        d.add_figure(Figure::new(id, id, Scope::new(Measure::Killed)));
    }
    d.add_claim(Claim::new("c1", "before", "a", "5".parse().unwrap()));
    d.add_claim(Claim::new("c2", "huge", "a", max.parse().unwrap()));
    d.add_claim(Claim::new("c3", "huge", "b", max.parse().unwrap()));
    d.add_claim(Claim::new("c4", "after", "b", "7".parse().unwrap()));
    let findings = Reconciler::new().policy(Cumulative).reconcile(&d).unwrap();
    let kept: Vec<&str> = findings.iter().map(|f| f.figure().as_str()).collect();
    assert_eq!(kept, ["before", "after"]);
    let [problem] = findings.problems() else {
        panic!("{:?}", findings.problems());
    };
    assert_eq!(problem.kind(), reckon::error::ErrorKind::Overflow);
    assert_eq!(
        problem.to_string(),
        format!("figure `huge`: arithmetic overflow: {max} + {max}")
    );
}

#[cfg(feature = "serde")]
#[test]
fn the_bulk_path_reports_a_figure_it_cannot_reconcile_and_writes_the_others() {
    use reckon::io::bulk::{Bulk, Output};
    let max = Decimal::MAX.to_string();
    let csv = format!("figure,source,value\nbefore,a,5\nhuge,a,{max}\nhuge,b,{max}\nafter,b,7\n");
    let mut out = Vec::new();
    let summary = Bulk::new(Reconciler::new().policy(Cumulative))
        .output(Output::JsonLines)
        .run(csv.as_bytes(), "t.csv", &mut out)
        .unwrap();
    assert_eq!((summary.rows_read(), summary.claims()), (4, 4));
    assert_eq!((summary.figures(), summary.unreconciled()), (2, 1));
    let text = String::from_utf8(out).unwrap();
    let written: Vec<&str> = text.lines().map(|l| &l[..l.find(',').unwrap()]).collect();
    assert_eq!(written, [r#"{"figure":"before""#, r#"{"figure":"after""#]);
    let problems: Vec<String> = summary.problems().iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [format!("figure `huge`: arithmetic overflow: {max} + {max}")]
    );
    assert!(
        summary.to_string().ends_with("; 1 figure not reconciled"),
        "{summary}"
    );
}
