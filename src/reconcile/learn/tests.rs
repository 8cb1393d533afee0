use super::scale::*;
use super::*;

#[test]
fn chi2_quantiles_are_close_to_the_tables() {
    // χ²₀.₀₂₅(10) = 3.247, χ²₀.₉₇₅(10) = 20.483.
    assert!((chi2(10.0, -Z) - 3.247).abs() < 0.05);
    assert!((chi2(10.0, Z) - 20.483).abs() < 0.1);
}

#[test]
fn few_claims_stay_near_the_prior() {
    // One lucky agreement weighs less than a middling record over 50
    // figures (mean loss 0.5), which weighs less than a perfect one.
    let lucky = weight(0.0, 1.0, Reliability::F);
    let middling = weight(25.0, 50.0, Reliability::F);
    let proven = weight(0.0, 50.0, Reliability::F);
    assert!(lucky < middling, "{lucky} {middling}");
    assert!(middling < proven, "{middling} {proven}");
    // A grade is a prior: an A source with no record outweighs an E one.
    assert!(weight(0.0, 0.0, Reliability::A) > weight(0.0, 0.0, Reliability::E));
}

#[test]
fn an_open_bound_is_censored_not_a_point() {
    assert_eq!(distance(90.0, 81.0, f64::INFINITY), 0.0);
    assert_eq!(distance(70.0, 81.0, f64::INFINITY), 11.0);
}

#[test]
fn exact_agreement_outweighs_a_heavier_lone_claim() {
    let claims = [(10.0, 10.0, 1.0), (10.0, 10.0, 1.0), (14.0, 14.0, 1.5)];
    let h = Spread {
        wide: 2.0,
        near: 0.05,
    };
    assert_eq!(decide(&[10.0, 10.0, 14.0], &claims, h), Some(0));
}
