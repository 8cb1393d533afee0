//! Closed intervals of non-negative decimals, possibly unbounded above.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::Decimal;

use crate::Error;

/// A closed interval `[low, high]` of non-negative decimals; `high` may be
/// unbounded (`∞`).
///
/// Every [`Estimate`](crate::Estimate) reads as an interval: `50–170` is
/// `[50, 170]`, `20+` is `[20, ∞)`, `unknown` is `[0, ∞)`. Both ends are
/// inclusive; strict bounds are resolved when the interval is built (see
/// [`Estimate::interval`](crate::Estimate::interval)).
///
/// # Ordering
///
/// Intervals order by their low end, then by their high end, an unbounded
/// high end last: `[1, 5] < [1, 9] < [1, ∞) < [2, 3]`. This is the order a
/// sweep over sorted intervals needs; it says nothing about which interval is
/// "larger".
///
/// # Example
///
/// ```
/// use reckon::{Decimal, Interval};
///
/// let a = Interval::new(Decimal::from(50), Some(Decimal::from(170)))?;
/// let b = Interval::at_least(Decimal::from(100))?;
/// assert!(a.overlaps(&b));
/// assert_eq!(a.intersection(&b), Some(Interval::new(100.into(), Some(170.into()))?));
/// assert_eq!(a.hull(&b), Interval::at_least(50.into())?);
/// assert_eq!(a.checked_add(&b)?, Interval::at_least(150.into())?);
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Eq)]
pub struct Interval {
    low: Decimal,
    high: Option<Decimal>,
}

impl Interval {
    /// `[0, ∞)`: every value.
    pub const EVERYTHING: Interval = Interval {
        low: Decimal::ZERO,
        high: None,
    };

    /// `[low, high]`, or `[low, ∞)` when `high` is `None`.
    ///
    /// # Errors
    /// When `low` is negative or above `high`.
    pub fn new(low: Decimal, high: Option<Decimal>) -> Result<Self, Error> {
        if low.is_sign_negative() && !low.is_zero() {
            return Err(Error::invalid(
                format!("interval [{low}, {}]", DisplayHigh(high)),
                "values are never negative",
            ));
        }
        if let Some(h) = high {
            if dcmp(&h, &low).is_lt() {
                return Err(Error::invalid(
                    format!("interval [{low}, {h}]"),
                    "the low end is above the high end",
                ));
            }
        }
        Ok(Interval { low, high })
    }

    /// `[n, n]`.
    ///
    /// # Errors
    /// When `n` is negative.
    pub fn exact(n: Decimal) -> Result<Self, Error> {
        Interval::new(n, Some(n))
    }

    /// `[n, ∞)`.
    ///
    /// # Errors
    /// When `n` is negative.
    pub fn at_least(n: Decimal) -> Result<Self, Error> {
        Interval::new(n, None)
    }

    /// Builds an interval whose invariants the caller has already checked.
    pub(crate) const fn from_parts(low: Decimal, high: Option<Decimal>) -> Self {
        Interval { low, high }
    }

    /// The low end (inclusive).
    pub fn low(&self) -> Decimal {
        self.low
    }

    /// The high end (inclusive), `None` when unbounded.
    pub fn high(&self) -> Option<Decimal> {
        self.high
    }

    /// Whether the high end is unbounded.
    pub fn is_unbounded(&self) -> bool {
        self.high.is_none()
    }

    /// Whether `x` lies in the interval.
    pub fn contains(&self, x: Decimal) -> bool {
        dcmp(&x, &self.low).is_ge() && self.high.is_none_or(|h| dcmp(&x, &h).is_le())
    }

    /// Whether every value of `other` lies in this interval.
    pub fn contains_interval(&self, other: &Interval) -> bool {
        dcmp(&other.low, &self.low).is_ge()
            && match (self.high, other.high) {
                (None, _) => true,
                (Some(_), None) => false,
                (Some(a), Some(b)) => dcmp(&b, &a).is_le(),
            }
    }

    /// Whether the two intervals share at least one value.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.intersection(other).is_some()
    }

    /// The values both intervals hold, `None` when they are disjoint.
    pub fn intersection(&self, other: &Interval) -> Option<Interval> {
        let low = dmax(self.low, other.low);
        let high = min_high(self.high, other.high);
        match high {
            Some(h) if dcmp(&h, &low).is_lt() => None,
            _ => Some(Interval { low, high }),
        }
    }

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        Interval {
            low: dmin(self.low, other.low),
            high: match (self.high, other.high) {
                (Some(a), Some(b)) => Some(dmax(a, b)),
                _ => None,
            },
        }
    }

    /// The interval sum `[a + c, b + d]`: every sum of a value of `self` and
    /// a value of `other` lies in it. Roll-ups add figures this way.
    ///
    /// # Errors
    /// [`ErrorKind::Overflow`](crate::error::ErrorKind::Overflow) when an end does not fit in a [`Decimal`].
    pub fn checked_add(&self, other: &Interval) -> Result<Interval, Error> {
        let low = add(self.low, other.low)?;
        let high = match (self.high, other.high) {
            (Some(a), Some(b)) => Some(add(a, b)?),
            _ => None,
        };
        Ok(Interval { low, high })
    }

    /// `high − low`, `None` when unbounded.
    pub fn width(&self) -> Option<Decimal> {
        // high ≥ low ≥ 0, so the difference cannot overflow.
        self.high.map(|h| h - self.low)
    }

    /// The midpoint `(low + high) / 2`, `None` when unbounded. It lies in
    /// the interval even at `Decimal`'s limits, where the exact midpoint has
    /// more digits than a decimal holds and is rounded.
    ///
    /// ```
    /// use reckon::{Decimal, Interval};
    ///
    /// assert_eq!(Interval::new(7.into(), Some(11.into()))?.midpoint(), Some(9.into()));
    /// let top = Interval::exact(Decimal::MAX)?;
    /// assert_eq!(top.midpoint(), Some(Decimal::MAX));
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn midpoint(&self) -> Option<Decimal> {
        // high ≥ low ≥ 0: the width cannot overflow, and low plus half of
        // it stays at most high, up to the rounding of the half.
        self.high.map(|h| {
            let half_width = (h - self.low) / Decimal::TWO;
            self.low.checked_add(half_width).map_or(h, |m| dmin(m, h))
        })
    }

    /// The value of the interval nearest to `x` (`x` itself when it lies inside).
    pub fn nearest(&self, x: Decimal) -> Decimal {
        let x = dmax(x, self.low);
        match self.high {
            Some(h) => dmin(x, h),
            None => x,
        }
    }

    /// The interval written compactly, as explanations and reports write it:
    /// `200` for a single value, `50–170` for a range, `20+` when open above.
    ///
    /// ```
    /// use reckon::Interval;
    ///
    /// assert_eq!(Interval::exact(200.into())?.compact().to_string(), "200");
    /// assert_eq!(Interval::new(50.into(), Some(170.into()))?.compact().to_string(), "50–170");
    /// assert_eq!(Interval::at_least(20.into())?.compact().to_string(), "20+");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn compact(&self) -> impl fmt::Display + use<> {
        Compact(*self)
    }

    /// The distance between two disjoint intervals (zero when they overlap).
    pub fn gap(&self, other: &Interval) -> Decimal {
        let (first, second) = if dcmp(&self.low, &other.low).is_le() {
            (self, other)
        } else {
            (other, self)
        };
        match first.high {
            // Two whole numbers below 2³² (most of a table's) are subtracted
            // as integers: the same decimal, without `Decimal`'s rescaling.
            Some(h) if dcmp(&h, &second.low).is_lt() => match (words(h), words(second.low)) {
                ([0, h, 0, 0], [0, l, 0, 0]) => Decimal::from(l - h),
                _ => second.low - h,
            },
            _ => Decimal::ZERO,
        }
    }
}

/// `a.cmp(b)`, as [`Decimal`] orders them, with the same ties. Two decimals
/// of the same scale (the numbers of one figure nearly always share theirs)
/// compare as their mantissas, which is exact at one scale; others go
/// through `Decimal::cmp`, whose zero, sign and rescaling steps cost several
/// times more. It is the comparison behind every interval's order, hull and
/// intersection. Measured on the reconcile bench (instructions in
/// `Reconciler::reconcile`, counted by callgrind): figures/100000 1.83 G to
/// 1.63 G (−11 %), one-figure/100000 0.74 G to 0.62 G (−16 %); criterion,
/// with the keyed sort of large figures, four rounds run alternately on a
/// quiet 2-core machine: one-figure/100000 0.81 to 0.92 M claims/s (+14 %),
/// figures/100000 1.09 to 1.14 M claims/s (+5 %). Two decimals with the
/// same flags (one scale, both not negative) are compared as their
/// [`words`], without putting an `i128` together: `reconcile --json` of
/// 10^5 claims, 864.48 M -> 860.96 M instructions (callgrind).
#[inline]
pub(crate) fn dcmp(a: &Decimal, b: &Decimal) -> Ordering {
    let ([fa, la, ma, ha], [fb, lb, mb, hb]) = (words(*a), words(*b));
    if fa == fb && fa & SIGN == 0 {
        (ha, ma, la).cmp(&(hb, mb, lb))
    } else if a.scale() == b.scale() {
        a.mantissa().cmp(&b.mantissa())
    } else {
        a.cmp(b)
    }
}

/// The sign bit of a decimal's flags ([`words`]); the others hold its scale.
pub(crate) const SIGN: u32 = 1 << 31;

/// The four words of `d`, as `serialize` lays them out: its flags (scale
/// in bits 16 to 23, sign in bit 31), then its mantissa from the low word
/// up. A whole number from 0 to 2³² − 1 is `[0, n, 0, 0]`.
#[inline(always)]
pub(crate) fn words(d: Decimal) -> [u32; 4] {
    let b = d.serialize();
    let word = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    [word(0), word(4), word(8), word(12)]
}

/// `a.max(b)` by [`dcmp`], with the same ties as `Decimal::max`: `a`
/// unless `a < b` ("5.0" against "5" keeps the first).
#[inline]
pub(crate) fn dmax(a: Decimal, b: Decimal) -> Decimal {
    if dcmp(&a, &b).is_lt() { b } else { a }
}

/// `a.min(b)` by [`dcmp`], with the same ties as `Decimal::min`: `a`
/// unless `a > b`.
#[inline]
pub(crate) fn dmin(a: Decimal, b: Decimal) -> Decimal {
    if dcmp(&a, &b).is_gt() { b } else { a }
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, Error> {
    a.checked_add(b)
        .ok_or_else(|| Error::overflow(format!("{a} + {b}")))
}

fn min_high(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(a), Some(b)) => Some(dmin(a, b)),
        (x, None) | (None, x) => x,
    }
}

/// Two high ends in [`Interval`]'s order: unbounded last.
pub(crate) fn cmp_high(a: Option<Decimal>, b: Option<Decimal>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => dcmp(&a, &b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

impl Ord for Interval {
    fn cmp(&self, other: &Self) -> Ordering {
        dcmp(&self.low, &other.low).then_with(|| cmp_high(self.high, other.high))
    }
}

impl PartialEq for Interval {
    /// Equal ends, by value (`[5, 5]` equals `[5.0, 5]`), as `Decimal` compares.
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl std::hash::Hash for Interval {
    /// Hashes the ends as `Decimal` does, so that equal intervals hash alike.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.low.hash(state);
        self.high.hash(state);
    }
}

impl PartialOrd for Interval {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

struct DisplayHigh(Option<Decimal>);

impl fmt::Display for DisplayHigh {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(h) => write!(f, "{h}"),
            None => f.write_str("∞"),
        }
    }
}

/// An interval as [`Interval::compact`] writes it.
struct Compact(Interval);

impl fmt::Display for Compact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let i = self.0;
        match i.high {
            Some(h) if h == i.low => write!(f, "{}", Plain(h)),
            Some(h) => write!(f, "{}–{}", Plain(i.low), Plain(h)),
            None => write!(f, "{}+", Plain(i.low)),
        }
    }
}

/// A decimal, written as `Decimal`'s `Display` writes it (through it when
/// a width, a precision or a sign is asked). Most figures in sentences are whole numbers or
/// short fractions, written here from their mantissa's digits without
/// `rust_decimal`'s formatting: on one core, `reconcile --json` of the
/// 4.09 M claims of the peers' synthetic file, whose conflicts' sentences
/// hold about three figures each, took 7.26 s through `rust_decimal`'s
/// `Display` and 7.16 s so (means of four alternating runs, the same
/// report).
pub(crate) struct Plain(pub(crate) Decimal);

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        if f.width().is_none() && f.precision().is_none() && !f.sign_plus() && !d.is_sign_negative()
        {
            if let Ok(m) = u64::try_from(d.mantissa()) {
                // 20 digits at most.
                let mut digits = [0u8; 20];
                let mut at = digits.len();
                let mut rest = m;
                loop {
                    at -= 1;
                    if let Some(slot) = digits.get_mut(at) {
                        *slot = b'0' + (rest % 10) as u8;
                    }
                    rest /= 10;
                    if rest == 0 || at == 0 {
                        break;
                    }
                }
                let mut text = [0u8; PLAIN_MAX];
                if let Some(t) =
                    place_point(digits.get(at..).unwrap_or_default(), d.scale(), &mut text)
                {
                    return f.write_str(t);
                }
            }
        }
        fmt::Display::fmt(&d, f)
    }
}

/// Room for any decimal's text: 29 digits, a leading `0.`, a point.
pub(crate) const PLAIN_MAX: usize = 32;

/// The text `Decimal`'s `Display` gives a decimal that is not negative,
/// from the digits of its mantissa and its scale: a point `scale` digits
/// from the end, zeros after the point kept, `0.` and zeros before
/// digits that are all after it. Written into `buf`; `None` when it does
/// not fit (never for a `Decimal`'s mantissa, at most 29 digits).
pub(crate) fn place_point<'b>(
    digits: &[u8],
    scale: u32,
    buf: &'b mut [u8; PLAIN_MAX],
) -> Option<&'b str> {
    let scale = scale as usize;
    let text = if digits.len() > scale {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        let len = whole.len() + if scale > 0 { scale + 1 } else { 0 };
        let out = buf.get_mut(..len)?;
        let (head, tail) = out.split_at_mut(whole.len());
        head.copy_from_slice(whole);
        if let Some((point, rest)) = tail.split_first_mut() {
            *point = b'.';
            rest.copy_from_slice(fraction);
        }
        out
    } else {
        let out = buf.get_mut(..scale + 2)?;
        let (head, tail) = out.split_at_mut(2);
        head.copy_from_slice(b"0.");
        let (zeros, rest) = tail.split_at_mut(scale - digits.len());
        zeros.fill(b'0');
        rest.copy_from_slice(digits);
        out
    };
    std::str::from_utf8(text).ok()
}

/// Writes `[50, 170]` or `[20, ∞)`.
impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.high {
            Some(h) => write!(f, "[{}, {h}]", self.low),
            None => write!(f, "[{}, ∞)", self.low),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn iv(l: i64, h: Option<i64>) -> Interval {
        Interval::new(l.into(), h.map(Decimal::from)).unwrap()
    }

    proptest! {
        /// Any decimal, of any scale and sign, at `Decimal`'s limits
        /// included: the text of `Decimal`'s `Display`.
        #[test]
        fn a_plain_decimal_is_written_as_decimal_writes_it(
            mantissa in proptest::num::i128::ANY,
            scale in 0u32..=28,
        ) {
            let m = mantissa % 79_228_162_514_264_337_593_543_950_336;
            let d = Decimal::from_i128_with_scale(m, scale);
            prop_assert_eq!(Plain(d).to_string(), d.to_string());
            let small = Decimal::new((m % 1_000_000_000) as i64, scale.min(12));
            prop_assert_eq!(Plain(small).to_string(), small.to_string());
            prop_assert_eq!(format!("{:>8}", Plain(small)), format!("{small:>8}"));
            prop_assert_eq!(format!("{:+}", Plain(small)), format!("{small:+}"));
        }
    }

    #[test]
    fn rejects_inverted_and_negative() {
        assert_eq!(
            Interval::new(170.into(), Some(50.into()))
                .unwrap_err()
                .to_string(),
            "interval [170, 50]: the low end is above the high end"
        );
        assert_eq!(
            Interval::new((-1).into(), None).unwrap_err().to_string(),
            "interval [-1, ∞]: values are never negative"
        );
    }

    #[test]
    fn ordering_puts_unbounded_last() {
        let mut v = vec![iv(2, Some(3)), iv(1, None), iv(1, Some(9)), iv(1, Some(5))];
        v.sort();
        assert_eq!(
            v,
            vec![iv(1, Some(5)), iv(1, Some(9)), iv(1, None), iv(2, Some(3))]
        );
    }

    #[test]
    fn gap_and_width() {
        assert_eq!(
            iv(50, Some(170)).gap(&iv(200, Some(200))),
            Decimal::from(30)
        );
        assert_eq!(
            iv(200, Some(200)).gap(&iv(50, Some(170))),
            Decimal::from(30)
        );
        assert_eq!(iv(50, Some(170)).gap(&iv(100, None)), Decimal::ZERO);
        assert_eq!(iv(50, Some(170)).width(), Some(120.into()));
        assert_eq!(iv(50, None).width(), None);
        assert_eq!(iv(7, Some(11)).midpoint(), Some(9.into()));
        // At the limit, halving both ends rounds each up and their sum
        // overflows; the midpoint stays in the interval instead.
        let max = Interval::new(Decimal::MAX, Some(Decimal::MAX)).unwrap();
        assert_eq!(max.midpoint(), Some(Decimal::MAX));
        let wide = Interval::new(Decimal::ZERO, Some(Decimal::MAX)).unwrap();
        assert!(wide.contains(wide.midpoint().unwrap()));
        let tiny = Interval::new(Decimal::new(1, 28), Some(Decimal::new(2, 28))).unwrap();
        assert!(tiny.contains(tiny.midpoint().unwrap()));
    }

    #[test]
    fn add_overflow_is_an_error() {
        let max = Interval::exact(Decimal::MAX).unwrap();
        let err = max.checked_add(&max).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Overflow);
        assert!(err.to_string().starts_with("arithmetic overflow: 7922816"));
    }

    fn arb_interval() -> impl Strategy<Value = Interval> {
        (0i64..1_000_000, proptest::option::of(0i64..1_000_000)).prop_map(|(a, b)| match b {
            Some(b) => iv(a.min(b), Some(a.max(b))),
            None => iv(a, None),
        })
    }

    proptest! {
        /// The fast comparison orders decimals exactly as `Decimal` does,
        /// at one scale and across scales, signs and zeros.
        #[test]
        fn dcmp_agrees_with_decimal_order(
            a in any::<i64>(), sa in 0u32..28, b in any::<i64>(), sb in 0u32..28, same in any::<bool>()
        ) {
            let x = Decimal::new(a, sa);
            let y = Decimal::new(b, if same { sa } else { sb });
            prop_assert_eq!(dcmp(&x, &y), x.cmp(&y));
            // The same value and the same written form on a tie ("5.0", "5").
            prop_assert_eq!(dmax(x, y).to_string(), x.max(y).to_string());
            prop_assert_eq!(dmin(x, y).to_string(), x.min(y).to_string());
            let (u, v) = (x.trunc_with_scale(0), x.round_dp(1));
            prop_assert_eq!(dmax(u, v).to_string(), u.max(v).to_string());
            prop_assert_eq!(dmin(v, u).to_string(), v.min(u).to_string());
        }

        /// Mantissas of all three words, at one scale: read from the words,
        /// ordered as `Decimal` orders them.
        #[test]
        fn dcmp_agrees_across_the_words(a in any::<i128>(), b in any::<i128>(), s in 0u32..28) {
            let m = 1i128 << 96;
            let x = Decimal::try_from_i128_with_scale(a % m, s).unwrap();
            let y = Decimal::try_from_i128_with_scale(b % m, s).unwrap();
            prop_assert_eq!(dcmp(&x, &y), x.cmp(&y));
            prop_assert_eq!(dcmp(&x, &x), std::cmp::Ordering::Equal);
        }

        /// A gap between whole numbers, subtracted as integers, is the
        /// decimal `Decimal` subtracts, down to its scale.
        #[test]
        fn a_gap_between_whole_numbers_is_their_difference(a in any::<u32>(), b in any::<u32>()) {
            let (low, high) = (Decimal::from(a.min(b)), Decimal::from(a.max(b)));
            let (x, y) = (Interval::from_parts(low, Some(low)), Interval::from_parts(high, Some(high)));
            let gap = x.gap(&y);
            prop_assert_eq!(gap, high - low);
            prop_assert_eq!(gap.to_string(), (high - low).to_string());
            prop_assert_eq!(y.gap(&x), gap);
        }

        #[test]
        fn hull_contains_both(a in arb_interval(), b in arb_interval()) {
            let h = a.hull(&b);
            prop_assert!(h.contains_interval(&a));
            prop_assert!(h.contains_interval(&b));
            prop_assert_eq!(h, b.hull(&a));
        }

        #[test]
        fn intersection_is_contained_in_both(a in arb_interval(), b in arb_interval()) {
            match a.intersection(&b) {
                Some(i) => {
                    prop_assert!(a.contains_interval(&i));
                    prop_assert!(b.contains_interval(&i));
                    prop_assert_eq!(a.gap(&b), Decimal::ZERO);
                }
                None => prop_assert!(a.gap(&b) > Decimal::ZERO),
            }
            prop_assert_eq!(a.intersection(&b), b.intersection(&a));
        }

        #[test]
        fn sum_contains_every_sum_of_members(
            a in arb_interval(), b in arb_interval(), s in 0u32..=100, t in 0u32..=100,
        ) {
            // Pick members of each interval (a point inside, or beyond low when unbounded).
            let pick = |i: &Interval, f: u32| match i.high() {
                Some(h) => i.low() + (h - i.low()) * Decimal::from(f) / Decimal::from(100),
                None => i.low() + Decimal::from(f),
            };
            let (x, y) = (pick(&a, s), pick(&b, t));
            prop_assert!(a.contains(x) && b.contains(y));
            prop_assert!(a.checked_add(&b).unwrap().contains(x + y));
        }
    }
}
