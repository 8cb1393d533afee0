use super::*;

#[cfg(feature = "serde")]
#[test]
fn a_kept_estimate_is_the_estimate_and_an_exact_one_is_small() {
    assert_eq!(std::mem::size_of::<Kept>(), 24);
    for text in [
        "200", "0.070", "50–170", ">100", "dozens", "~1000", "Unknown",
    ] {
        let e: Estimate = text.parse().unwrap();
        let bare = e.clone().without_text();
        assert_eq!(
            Kept::from(bare.clone()).estimate().form(),
            bare.form(),
            "{text}"
        );
        assert_eq!(Kept::from(bare.clone()).estimate().text(), None, "{text}");
        assert_eq!(Kept::from(e.clone()).estimate().text(), e.text(), "{text}");
    }
    assert!(matches!(
        Kept::from("200".parse::<Estimate>().unwrap().without_text()).0,
        KeptForm::Exact(_)
    ));
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

#[test]
fn intervals_of_every_form() {
    let t = Tolerance::default();
    let cases: Vec<(Estimate, &str)> = vec![
        (Estimate::exact(d(200)).unwrap(), "[200, 200]"),
        (Estimate::range(d(50), d(170)).unwrap(), "[50, 170]"),
        (Estimate::at_least(d(20)).unwrap(), "[20, ∞)"),
        (Estimate::more_than(d(100)).unwrap(), "[101, ∞)"),
        (Estimate::at_most(d(30)).unwrap(), "[0, 30]"),
        (Estimate::fewer_than(d(10)).unwrap(), "[0, 9]"),
        (Estimate::approximately(d(1000), &t).unwrap(), "[900, 1100]"),
        (Estimate::nearly(d(300), &t).unwrap(), "[270, 299]"),
        (Estimate::unknown(), "[0, ∞)"),
        (Estimate::triple(d(2), d(3), d(5)).unwrap(), "[2, 5]"),
        (Estimate::triple(d(5), d(3), d(2)).unwrap(), "[2, 5]"),
    ];
    for (e, want) in cases {
        assert_eq!(e.interval().to_string(), want, "{e}");
    }
}

#[test]
fn constructors_guard_invariants() {
    assert_eq!(
        Estimate::range(d(170), d(50)).unwrap_err().to_string(),
        "range 170–50: the low end is above the high end"
    );
    assert_eq!(
        Estimate::exact(d(-3)).unwrap_err().to_string(),
        "value -3: values are never negative"
    );
    assert_eq!(
        Estimate::fewer_than(Decimal::ZERO).unwrap_err().to_string(),
        "fewer than 0: no count is below zero"
    );
    assert_eq!(
        Estimate::more_than(Decimal::MAX).unwrap_err().kind(),
        crate::error::ErrorKind::Overflow
    );
    assert_eq!(
        Estimate::approximately_within(Decimal::MAX, d(1))
            .unwrap_err()
            .kind(),
        crate::error::ErrorKind::Overflow
    );
}

#[test]
fn triples_are_flagged_and_repaired_only_on_request() {
    let bad = Estimate::triple(d(5), d(3), d(2)).unwrap();
    assert_eq!(bad.triple_issue(), Some(TripleIssue::LowAboveHigh));
    assert_eq!(bad.repair(TripleRepair::Hull).unwrap().to_string(), "2/3/5");
    assert_eq!(
        bad.repair(TripleRepair::DropBest).unwrap_err().to_string(),
        "triple 5/3/2: DropBest cannot repair it: the low estimate is above the high estimate"
    );
    let below = Estimate::triple(d(4), d(1), d(9)).unwrap();
    assert_eq!(below.triple_issue(), Some(TripleIssue::BestBelowLow));
    assert_eq!(
        below.repair(TripleRepair::DropBest).unwrap().to_string(),
        "4–9"
    );
    let good = Estimate::triple(d(1), d(2), d(3)).unwrap();
    assert_eq!(good.triple_issue(), None);
    assert_eq!(good.repair(TripleRepair::ClampBest).unwrap(), good);
}

#[test]
fn equality_ignores_the_verbatim_text() {
    let a = Estimate::range(d(50), d(170)).unwrap().with_text("50-170");
    let b = Estimate::range(d(50), d(170)).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.text(), Some("50-170"));
}

#[test]
fn ordering_is_by_interval_then_form() {
    let mut v = [
        Estimate::at_least(d(20)).unwrap(),
        Estimate::exact(d(20)).unwrap(),
        Estimate::range(d(7), d(11)).unwrap(),
    ];
    v.sort();
    let s: Vec<String> = v.iter().map(ToString::to_string).collect();
    assert_eq!(s, ["7–11", "20", "20+"]);
}
