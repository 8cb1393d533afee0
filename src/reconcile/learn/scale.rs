//! The learner's scales and kernels: where values are compared (log
//! space for counts), a figure's spread, how much a claim supports a value,
//! the best-supported value, and the weight a source's record earns.

use crate::model::Reliability;

/// How strongly a source's hand-set grade holds: as many pseudo-claims.
pub(super) const PRIOR_CLAIMS: f64 = 2.0;
/// Distances are capped at this many spreads: a wild claim costs a lot,
/// not everything.
pub(super) const MAX_SPREADS: f64 = 1e3;

/// How much closeness within the spread counts beside near agreement.
pub(super) const WIDE: f64 = 1.0;
/// Within this share of a value two values agree (half a percent), and,
/// for transcribed data, [`EXACT_NEAR`].
pub(super) const NEAR: f64 = 0.005;
/// Within this share of a value two transcribed values agree: a
/// hundredth of a percent (about 0.1 minute of a 12-hour clock time).
pub(super) const EXACT_NEAR: f64 = 0.0001;

/// The prior mean loss of a source of grade `r`: what its grade says about
/// it before any figure is compared.
pub(super) fn prior_loss(r: Reliability) -> f64 {
    match r {
        Reliability::A => 0.1,
        Reliability::B => 0.25,
        Reliability::C => 0.5,
        Reliability::D => 1.0,
        Reliability::E => 2.0,
        _ => 0.5,
    }
}

/// The `p` quantile of χ² with `k` degrees of freedom (Wilson–Hilferty),
/// kept above a small positive value.
pub(super) fn chi2(k: f64, z: f64) -> f64 {
    let k = k.max(f64::MIN_POSITIVE);
    let a = 2.0 / (9.0 * k);
    let c = 1.0 - a + z * a.sqrt();
    (k * c * c * c).max(1e-3)
}

/// z for the 2.5 % and 97.5 % quantiles.
pub(super) const Z: f64 = 1.959_964;

/// Transforms a value into the space distances are measured in.
pub(super) fn space(x: f64, log: bool) -> f64 {
    if log { x.max(0.0).ln_1p() } else { x }
}

/// Distance from `v` to `[lo, hi]`.
pub(super) fn distance(v: f64, lo: f64, hi: f64) -> f64 {
    if v < lo {
        lo - v
    } else if v > hi {
        v - hi
    } else {
        0.0
    }
}

/// A figure's spread: the median absolute deviation of its points from
/// their median, at least half a percent of the median's size (in log
/// space, 0.005 is that already), and never 0. For transcribed data
/// (`exact`) the near scale is a hundredth of a percent.
pub(super) fn spread(points: &mut [f64], log: bool, exact: bool) -> Spread {
    let m = median(points);
    let mut dev: Vec<f64> = points.iter().map(|p| (p - m).abs()).collect();
    let mad = median(&mut dev);
    let share = if exact { EXACT_NEAR } else { NEAR };
    let near = if log { share } else { share * m.abs() }.max(1e-9);
    Spread {
        wide: mad.max(near),
        near,
    }
}

/// The two scales of a figure: `wide`, its spread, in which losses are
/// measured (for transcribed data, in `near`); `near`, within which two
/// values agree.
#[derive(Clone, Copy, Debug)]
pub(super) struct Spread {
    pub(super) wide: f64,
    pub(super) near: f64,
}

/// How much a claim over `[lo, hi]` of weight `w` supports the value `v`:
/// mostly by near agreement, and a hundredth by closeness within the
/// spread, which breaks ties toward the middle of the claims.
pub(super) fn support(v: f64, lo: f64, hi: f64, w: f64, h: Spread) -> f64 {
    w * kernel(v, lo, hi, h)
}

/// How much a claim over `[lo, hi]` supports the value `v` per unit of its
/// weight: [`support`] without the weight, which changes from one
/// iteration to the next while this does not.
pub(super) fn kernel(v: f64, lo: f64, hi: f64, h: Spread) -> f64 {
    let d = distance(v, lo, hi);
    let near = spreads(d, h.near);
    let wide = spreads(d, h.wide);
    1.0 / (1.0 + near * near) + WIDE / (1.0 + wide * wide)
}

pub(super) fn median(xs: &mut [f64]) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.sort_unstable_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// `u` in spreads, capped.
pub(super) fn spreads(d: f64, h: f64) -> f64 {
    let u = d / h;
    if u.is_nan() { 0.0 } else { u.min(MAX_SPREADS) }
}

/// The index (into `cands`) of the value the weighted claims support most,
/// ties to the lower value. `claims` are `(lo, hi, weight)`.
pub(super) fn decide(cands: &[f64], claims: &[(f64, f64, f64)], h: Spread) -> Option<usize> {
    most_supported(cands.iter().enumerate().map(|(i, &v)| {
        let s: f64 = claims
            .iter()
            .map(|&(lo, hi, w)| support(v, lo, hi, w, h))
            .sum();
        (i, v, s)
    }))
}

/// Of candidates `(index, value, support)`, the index of the one with the
/// most support, ties to the lower value, then the first.
pub(super) fn most_supported(cands: impl Iterator<Item = (usize, f64, f64)>) -> Option<usize> {
    let mut best: Option<(usize, f64, f64)> = None;
    for (i, v, s) in cands {
        if best.is_none_or(|(_, bv, bs)| s > bs || (s == bs && v < bv)) {
            best = Some((i, v, s));
        }
    }
    best.map(|b| b.0)
}

/// The weight a source of loss `loss` over `n` compared claims earns, with
/// the prior of its grade.
pub(super) fn weight(loss: f64, n: f64, grade: Reliability) -> f64 {
    let prior = PRIOR_CLAIMS * prior_loss(grade);
    (chi2(n + PRIOR_CLAIMS, -Z) / (loss + prior)).ln_1p()
}
