//! Properties of reconciliation: order independence, mergeable state, and
//! the sweeps agreeing with naive quadratic checks.

use proptest::prelude::*;
use reckon::Reconciler;
use reckon::model::{Credibility, Date, Reliability, Side, Stake};
use reckon::reconcile::conflict::ConflictKind;
use reckon::reconcile::policy::Registry;
use reckon::reconcile::{Evidence, Tally};
use reckon::{Decimal, Interval};

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..60).prop_map(|n| n.to_string()),
        4 => (0u32..60, 0u32..40).prop_map(|(a, w)| format!("{a}–{}", a + w)),
        1 => (0u32..60).prop_map(|n| format!("{n}+")),
        1 => (1u32..60).prop_map(|n| format!("<{n}")),
        1 => (5u32..60).prop_map(|n| format!("~{n}")),
        1 => (0u32..40, 0u32..40, 0u32..40).prop_map(|(a, b, c)| format!("{a}/{b}/{c}")),
        1 => Just("dozens".to_owned()),
        1 => Just("unknown".to_owned()),
    ]
}

fn evidence(n: usize) -> impl Strategy<Value = Vec<Evidence>> {
    proptest::collection::vec(
        (
            value(),
            0u8..5,
            0usize..6,
            0usize..6,
            0usize..3,
            proptest::option::of(0usize..n.max(1)),
            proptest::option::of(1u8..28),
            0u8..3,
        ),
        0..n,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (v, origin, rel, cred, stake, sup, day, side))| {
                let mut e =
                    Evidence::new(format!("c{i}"), format!("s{origin}"), &v.parse().unwrap())
                        .with_reliability(Reliability::ALL[rel])
                        .with_credibility(Credibility::ALL[cred])
                        .with_stake([Stake::Neutral, Stake::Own, Stake::Enemy][stake]);
                if let Some(s) = sup.filter(|&s| s < i) {
                    e = e.superseding(format!("c{s}"));
                }
                if let Some(day) = day {
                    e = e.with_reported(Date::ymd(2014, 8, day).unwrap());
                }
                if side > 0 {
                    e = e.with_side(Side::new(["", "government", "rebels"][usize::from(side)]));
                }
                e
            })
            .collect()
    })
}

fn finish(policy: &str, items: Vec<Evidence>) -> reckon::Finding {
    Reconciler::new()
        .policy(Registry::standard().get(policy).unwrap())
        .finish("f".into(), items.into_iter().collect())
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn results_do_not_depend_on_claim_order(
        (items, shuffled) in evidence(12).prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        for name in Registry::standard().names() {
            prop_assert_eq!(finish(name, items.clone()), finish(name, shuffled.clone()), "{}", name);
        }
    }

    #[test]
    fn merging_is_associative_and_loses_nothing(
        items in evidence(12),
        cut in (0usize..13, 0usize..13),
    ) {
        let (i, j) = (cut.0.min(cut.1).min(items.len()), cut.0.max(cut.1).min(items.len()));
        let part = |r: std::ops::Range<usize>| items[r].iter().cloned().collect::<Tally>();
        let (a, b, c) = (part(0..i), part(i..j), part(j..items.len()));
        let mut left = a.clone();
        left.merge(b.clone());
        left.merge(c.clone());
        let mut bc = b;
        bc.merge(c);
        let mut right = a;
        right.merge(bc);
        let whole: Tally = items.iter().cloned().collect();
        let r = Reconciler::new();
        let fl = r.finish("f".into(), left).unwrap();
        prop_assert_eq!(&fl, &r.finish("f".into(), right).unwrap());
        prop_assert_eq!(&fl, &r.finish("f".into(), whole).unwrap());
        // Feeding the same evidence twice counts it once.
        let mut twice: Tally = items.iter().cloned().collect();
        twice.extend(items.iter().cloned());
        prop_assert_eq!(&fl, &r.finish("f".into(), twice).unwrap());
    }

    #[test]
    fn sweeps_agree_with_pairwise_checks(items in evidence(10)) {
        let f = finish("weighted", items);
        let counted: Vec<(String, Interval)> = f
            .claims()
            .iter()
            .filter(|c| c.is_counted() && c.role().exclusion() != Some(&reckon::reconcile::policy::Exclusion::NoNumber))
            .map(|c| (c.claim().to_string(), c.interval()))
            .collect();
        // Every claim lying wholly above another is in a disjoint conflict,
        // and a disjoint conflict only names claims that are disjoint from some claim.
        let above = |a: &Interval, b: &Interval| b.high().is_some_and(|h| h < a.low());
        let mut in_conflicts = std::collections::HashSet::new();
        for c in f.conflicts().iter().filter(|c| c.kind() == ConflictKind::Disjoint) {
            for id in c.claims() {
                in_conflicts.insert(id.to_string());
            }
        }
        for (id, iv) in &counted {
            let is_above = counted.iter().any(|(_, o)| above(iv, o));
            let is_below = counted.iter().any(|(_, o)| above(o, iv));
            if is_above {
                prop_assert!(in_conflicts.contains(id), "{} lies above another claim", id);
            }
            if in_conflicts.contains(id) {
                prop_assert!(is_above || is_below, "{} is disjoint from nothing", id);
            }
        }
        // Some pair of stated claims is disjoint exactly when a disjoint conflict exists.
        let any_pair = counted.iter().any(|(_, a)| counted.iter().any(|(_, b)| above(a, b)));
        prop_assert_eq!(any_pair, !in_conflicts.is_empty());
        // The policy's best value lies in its range.
        if let (Some(r), Some(b)) = (f.range(), f.best()) {
            prop_assert!(r.contains(b));
        }
        // An empty consensus is reported exactly when there are claims with a
        // number and no consensus.
        let empty = f.conflicts().iter().any(|c| c.kind() == ConflictKind::EmptyConsensus);
        prop_assert_eq!(empty, f.envelope().is_some() && f.consensus().is_none() && counted.len() > 1);
    }

    #[test]
    fn majority_region_has_the_most_independent_support(
        rows in proptest::collection::vec((0u32..30, 0u32..15, 0u8..4), 1..10),
    ) {
        let items: Vec<Evidence> = rows
            .iter()
            .enumerate()
            .map(|(i, (a, w, o))| Evidence::new(format!("c{i}"), format!("s{o}"), &format!("{a}–{}", a + w).parse().unwrap()))
            .collect();
        let support = |x: Decimal| {
            let mut o: Vec<u8> = rows
                .iter()
                .filter(|(a, w, _)| Decimal::from(*a) <= x && x <= Decimal::from(a + w))
                .map(|r| r.2)
                .collect();
            o.sort_unstable();
            o.dedup();
            o.len()
        };
        let best = (0..=45).map(|x| support(Decimal::from(x))).max().unwrap_or(0);
        let f = finish("majority", items);
        let r = f.range().unwrap();
        prop_assert_eq!(support(r.low()), best);
        prop_assert_eq!(support(r.high().unwrap()), best);
        // It is the lowest such region.
        let first = (0..=45).find(|&x| support(Decimal::from(x)) == best).unwrap();
        prop_assert_eq!(r.low(), Decimal::from(first));
    }
}

#[test]
fn a_figure_repeated_by_many_outlets_stays_linear() {
    // 100,000 claims with 50,000 distinct values: every claim appears in at
    // most two disjoint conflicts, so the conflicts hold at most 2k claim ids.
    let k = 100_000;
    let items: Vec<Evidence> = (0..k)
        .map(|i| {
            Evidence::new(
                format!("c{i}"),
                format!("s{}", i % 977),
                &format!("{}", (i / 2) * 3).parse().unwrap(),
            )
        })
        .collect();
    let f = finish("weighted", items);
    let listed: usize = f.conflicts().iter().map(|c| c.claims().len()).sum();
    assert!(listed <= 2 * k, "{listed}");
    assert_eq!(f.summary().claim_count(), k);
    assert_eq!(f.summary().independent_count(), 977);
}
