//! The gap between two figures on a log scale, as conflicts score it, and
//! the conversion of a decimal to a float that such measures (and the
//! learner's) start from.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::model::interval::{SIGN, words};

/// `log10((hi + 1) / (lo + 1))`, in thousandths, never negative.
///
/// This is "the gap relative to the size, on a log scale": with `gap = hi −
/// lo`, `log10(1 + gap / (lo + 1))`. One is added to both sides so that a
/// count of zero is allowed. The result is a measure, not a figure, so it is
/// computed in floating point and rounded.
///
/// Computed as the natural logarithm times log10(e): glibc's `log` takes
/// about half the instructions of its `log10` (`reconcile --json` of 10^5
/// claims, 936.97 M -> 932.12 M, callgrind), and the two round to the same
/// thousandths (a test holds them to it on 1.2 × 10^6 pairs).
pub(crate) fn log_gap_milli(lo: Decimal, hi: Decimal) -> u32 {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let (a, b) = (to_f64(lo), to_f64(hi));
    let r = ((b + 1.0) / (a + 1.0)).ln() * (1000.0 * std::f64::consts::LOG10_E);
    if r.is_finite() && r > 0.0 {
        // Bounded: values fit in a Decimal (< 8e28), so r < 29 000.
        round_positive(r)
    } else {
        0
    }
}

/// `r` (positive, below 2³²) rounded half away from zero, as `f64::round`
/// rounds it. Without SSE4.1 in the target, `round` is a call into libm:
/// 3.1 M instructions of `reconcile --json` of 10^5 claims (callgrind),
/// 761.7 M -> 759.6 M in all with this.
/// The fraction `r - trunc(r)` is exact for such an `r`, so the two agree
/// on every value (a property test holds them to it).
fn round_positive(r: f64) -> u32 {
    let whole = r as u32;
    if r - f64::from(whole) >= 0.5 {
        whole.saturating_add(1)
    } else {
        whole
    }
}

/// `d` as the nearest `f64`. An integer below 2⁵³ converts exactly, as
/// `Decimal::to_f64` would, without its general path: 17 ns a value
/// before, 5 ns after (10⁶ conversions, timed alone). Every `Decimal`
/// converts to a finite `f64` (none is above 8e28).
///
/// A whole number below 2³² (most of a report's) is read from the
/// decimal's [`words`], where putting the `i128` mantissa together cost
/// about 60 instructions a value.
pub(crate) fn to_f64(d: Decimal) -> f64 {
    // Flags of a scale of zero, either sign.
    if let [flags, low, 0, 0] = words(d)
        && flags & !SIGN == 0
    {
        let n = f64::from(low);
        return if flags == 0 { n } else { -n };
    }
    match i64::try_from(d.mantissa()) {
        Ok(m) if d.scale() == 0 && m.unsigned_abs() < 1 << 53 => m as f64,
        _ => d.to_f64().unwrap_or(0.0),
    }
}

/// `a / b` rounded to two places, half to even, as `round_dp(2)` rounds
/// it, written with as few places as it needs (`1.5`, `2`); `None` when it
/// cannot be computed (`b` zero, or too large a quotient).
///
/// Two whole numbers below 2³² (most ranges' ends) are divided as
/// integers, where `Decimal`'s division and rounding took about 600
/// instructions a figure (`reconcile --json` of 10^5 claims, 860.9 M ->
/// 844.3 M, callgrind). Exact: the remainder of such a division is never
/// within `Decimal`'s 28 digits of a half, so rounding its 28 digits and
/// rounding the exact quotient agree.
pub(crate) fn hundredths(a: Decimal, b: Decimal) -> Option<Decimal> {
    if let ([0, a, 0, 0], [0, b, 0, 0]) = (words(a), words(b))
        && b != 0
    {
        let (scaled, b) = (u64::from(a) * 100, u64::from(b));
        let (q, r) = (scaled / b, scaled % b);
        let up = 2 * r > b || (2 * r == b && q % 2 == 1);
        let q = i64::try_from(q + u64::from(up)).ok()?;
        return Some(Decimal::new(q, 2).normalize());
    }
    a.checked_div(b).map(|x| x.round_dp(2).normalize())
}

/// Thousandths as a decimal with three places.
pub(crate) fn milli(m: u32) -> Decimal {
    Decimal::new(i64::from(m), 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_gap_is_symmetric_and_smoothed() {
        // al-Jobeh: 170 against 200, log10(201 / 171) = 0.0702.
        assert_eq!(log_gap_milli(170.into(), 200.into()), 70);
        assert_eq!(log_gap_milli(200.into(), 170.into()), 70);
        // Zero is allowed: log10(10 / 1) = 1.
        assert_eq!(log_gap_milli(0.into(), 9.into()), 1000);
        assert_eq!(log_gap_milli(5.into(), 5.into()), 0);
        assert_eq!(milli(70).to_string(), "0.070");
    }

    proptest::proptest! {
        /// The fast path gives what `Decimal::to_f64` gives.
        #[test]
        fn to_f64_is_decimals_own(m in proptest::num::i128::ANY, scale in 0u32..=28) {
            let d = Decimal::try_from_i128_with_scale(m % 79_228_162_514_264_337_593_543_950_336, scale)
                .unwrap_or(Decimal::MAX);
            proptest::prop_assert_eq!(to_f64(d), d.to_f64().unwrap_or(0.0));
            let small = Decimal::from(m as i64);
            proptest::prop_assert_eq!(to_f64(small), small.to_f64().unwrap_or(0.0));
            // Whole numbers below 2³², either sign, the words' path.
            let word = Decimal::from(m as i32) * Decimal::TWO;
            proptest::prop_assert_eq!(to_f64(word), word.to_f64().unwrap_or(0.0));
            let word = Decimal::from(m as u32);
            proptest::prop_assert_eq!(to_f64(word), word.to_f64().unwrap_or(0.0));
        }
    }

    proptest::proptest! {
        /// Rounded as `f64::round` rounds: any positive value below 2³²,
        /// and those a hair either side of a half.
        #[test]
        fn a_positive_measure_rounds_as_round_does(r in 0.0f64..4_294_967_295.0, n in 0u32..30_000) {
            proptest::prop_assert_eq!(round_positive(r), r.round() as u32);
            let half = f64::from(n) + 0.5;
            for r in [half, half.next_down(), half.next_up(), f64::from(n), f64::from(n).next_up()] {
                if r > 0.0 {
                    proptest::prop_assert_eq!(round_positive(r), r.round() as u32, "{}", r);
                }
            }
        }
    }

    #[test]
    fn the_natural_logarithm_rounds_as_log10_does() {
        let pairs = (0..400u32).flat_map(|a| {
            [0, 1, 7, 100, 1000, 100_000]
                .into_iter()
                .flat_map(move |base| (0..500u32).map(move |g| (a + base, a + base + g)))
        });
        for (a, b) in pairs {
            let (x, y) = (f64::from(a), f64::from(b));
            let r = ((y + 1.0) / (x + 1.0)).log10() * 1000.0;
            let want = if r > 0.0 { r.round() as u32 } else { 0 };
            assert_eq!(log_gap_milli(a.into(), b.into()), want, "{a} {b}");
        }
    }

    proptest::proptest! {
        /// Whole numbers divided as integers round as `Decimal` rounds its
        /// quotient, to the same written form.
        #[test]
        fn hundredths_are_decimals_own(a in proptest::num::u32::ANY, b in proptest::num::u32::ANY, small in 1u32..2000) {
            for (a, b) in [(a, b), (a % 2000, small), (a, small), (small * 3, small * 2)] {
                let (x, y) = (Decimal::from(a), Decimal::from(b));
                let want = x.checked_div(y).map(|q| q.round_dp(2).normalize());
                let got = hundredths(x, y);
                proptest::prop_assert_eq!(got, want);
                proptest::prop_assert_eq!(got.map(|d| d.to_string()), want.map(|d| d.to_string()));
            }
        }
    }

    #[test]
    fn hundredths_round_half_to_even() {
        let h = |a: u32, b: u32| hundredths(a.into(), b.into()).map(|d| d.to_string());
        // 1/8 = 0.125 -> 0.12; 3/8 = 0.375 -> 0.38; 47/30 = 1.5666 -> 1.57.
        assert_eq!(h(1, 8).as_deref(), Some("0.12"));
        assert_eq!(h(3, 8).as_deref(), Some("0.38"));
        assert_eq!(h(47, 30).as_deref(), Some("1.57"));
        assert_eq!(h(60, 30).as_deref(), Some("2"));
        assert_eq!(h(5, 0), None);
        // Not whole: through `Decimal`.
        assert_eq!(
            hundredths(Decimal::new(15, 1), 1.into()),
            Some(Decimal::new(15, 1))
        );
    }

    #[test]
    fn zero_and_the_ends_of_a_word_convert_exactly() {
        for n in [0i64, 1, -1, 4_294_967_295, -4_294_967_295, 4_294_967_296] {
            assert_eq!(to_f64(Decimal::from(n)), n as f64, "{n}");
        }
        assert_eq!(to_f64(Decimal::new(-0, 0)), 0.0);
        assert_eq!(to_f64(Decimal::new(15, 1)), 1.5);
    }
}
