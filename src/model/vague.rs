//! The data of a vague quantity word ("dozens") and of the tolerance of an
//! approximate figure ("about 70"); the table of them is the text layer's
//! [`Lexicon`](crate::Lexicon).

use std::fmt;

use rust_decimal::Decimal;

use crate::{Error, Interval};

/// One vague quantity word: what interval it stands for, the conventional
/// point a conservative coder records for it, and where that reading comes from.
///
/// The conventional point follows ACLED's coding rule ("dozens" is coded 12,
/// "hundreds" 100): it is a conservative count, and for plurals it lies *below*
/// the strict interval, whose rule "Ns of" = `[2N, 10N−1]` reads "dozens" as at
/// least two dozen. The lenient interval, `[N, 10N−1]` for plurals, holds the
/// point too; contradiction checks may choose it ([`Reading::Lenient`]).
///
/// ```
/// use reckon::Lexicon;
///
/// let lexicon = Lexicon::english();
/// let dozens = lexicon.term("dozens").unwrap();
/// assert_eq!(dozens.interval().to_string(), "[24, 119]");
/// assert_eq!(dozens.lenient().to_string(), "[12, 119]");
/// assert_eq!(dozens.point(), 12.into());
/// assert!(dozens.provenance().contains("ACLED"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VagueTerm {
    name: String,
    interval: Interval,
    lenient: Interval,
    point: Decimal,
    provenance: String,
}

impl VagueTerm {
    /// A term named `name` (matched without regard to case or repeated
    /// spaces), read strictly as `interval` and leniently as `lenient`, coded
    /// as `point` by a conservative coder, with the rule's `provenance`.
    ///
    /// # Errors
    /// When `lenient` does not contain `interval` or `point`, or the name is empty.
    pub fn new(
        name: &str,
        interval: Interval,
        lenient: Interval,
        point: Decimal,
        provenance: &str,
    ) -> Result<Self, Error> {
        let name = normalize(name);
        if name.is_empty() {
            return Err(Error::invalid("vague term", "the name is empty"));
        }
        if !lenient.contains_interval(&interval) {
            return Err(Error::invalid(
                format!("vague term `{name}`"),
                format!(
                    "the lenient reading {lenient} does not contain the strict reading {interval}"
                ),
            ));
        }
        if !lenient.contains(point) {
            return Err(Error::invalid(
                format!("vague term `{name}`"),
                format!("the lenient reading {lenient} does not contain the point {point}"),
            ));
        }
        Ok(VagueTerm {
            name,
            interval,
            lenient,
            point,
            provenance: provenance.to_owned(),
        })
    }

    /// A term whose invariants the caller has checked (the built-in table).
    pub(crate) fn from_parts(
        name: &str,
        interval: Interval,
        lenient: Interval,
        point: Decimal,
        provenance: &str,
    ) -> Self {
        VagueTerm {
            name: name.to_owned(),
            interval,
            lenient,
            point,
            provenance: provenance.to_owned(),
        }
    }

    /// The term as written in the value grammar, lowercase: `dozens`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The strict reading.
    pub fn interval(&self) -> Interval {
        self.interval
    }

    /// The lenient reading, which holds the strict one and the point.
    pub fn lenient(&self) -> Interval {
        self.lenient
    }

    /// The conventional (conservative) point.
    pub fn point(&self) -> Decimal {
        self.point
    }

    /// Where the reading comes from.
    pub fn provenance(&self) -> &str {
        &self.provenance
    }
}

/// Which reading of vague words, and of round numbers, to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reading {
    /// The strict interval (the default): "dozens" is `[24, 119]`.
    #[default]
    Strict,
    /// The lenient interval, for contradiction checks that should give a vague
    /// word the benefit of the doubt: "dozens" is `[12, 119]`.
    Lenient,
    /// Lenient, and a round number given as exact is read as every count
    /// that rounds to it: round numbers are weak evidence of exactness
    /// ([design notes §3](crate::design)), and compilations round. A whole `n` ending in zeros
    /// reads as `[n − u/2, n + u/2 − 1]`, `u` the largest power of ten (at
    /// least 10) that divides `n` and is at most a tenth of it, so never
    /// more than 5 % either way; other numbers, and numbers written with a
    /// decimal point ("13000.0"), read as given. The reconciler reads a
    /// measured figure (km, percent) leniently instead: rounding is a
    /// property of counts.
    ///
    /// ```
    /// use reckon::Estimate;
    /// use reckon::model::Reading;
    ///
    /// let read = |v: &str| v.parse::<Estimate>().unwrap().interval_read(Reading::Rounded).to_string();
    /// assert_eq!(read("13000"), "[12500, 13499]");
    /// assert_eq!(read("1800"), "[1750, 1849]");
    /// assert_eq!(read("3000"), "[2950, 3049]"); // at most 5 %
    /// assert_eq!(read("20"), "[20, 20]");
    /// assert_eq!(read("1754"), "[1754, 1754]");
    /// assert_eq!(read("dozens"), "[12, 119]"); // as Lenient
    /// ```
    Rounded,
}

/// The counts a round number may have been rounded from (see
/// [`Reading::Rounded`]).
pub(crate) fn rounded(n: Decimal) -> Interval {
    let exact = Interval::from_parts(n, Some(n));
    // "13000.0" states its precision.
    if n.scale() != 0 || n <= Decimal::ZERO {
        return exact;
    }
    let mut unit = Decimal::ZERO;
    let mut u = Decimal::TEN;
    while let Some(next) = u.checked_mul(Decimal::TEN) {
        if !(n % u).is_zero() || next > n {
            break;
        }
        unit = u;
        u = next;
    }
    if unit.is_zero() {
        return exact;
    }
    let half = unit / Decimal::TWO;
    match n.checked_add(half - Decimal::ONE) {
        Some(high) => Interval::from_parts(n - half, Some(high)),
        None => exact,
    }
}

/// The half-width `t` of an approximate figure "about n": `[n − t, n + t]`.
///
/// For a whole `n`, `t = max(minimum, relative × n)` rounded down to a
/// whole number: the minimum is a count of whole things. A fractional `n`
/// ("about 1.5 km", "about half") is not a count, and `t = relative × n`.
/// The default is 10 % and at least 1: "about 70" is `[63, 77]`,
/// "approximately 1,000" is `[900, 1100]`, "about 5" is `[4, 6]`, "about
/// 2.5" is `[2.25, 2.75]`.
///
/// ```
/// use reckon::Decimal;
/// use reckon::model::Tolerance;
///
/// let t = Tolerance::default();
/// assert_eq!(t.of(Decimal::from(1000)), Decimal::from(100));
/// assert_eq!(t.of(Decimal::from(5)), Decimal::ONE);
/// assert_eq!(t.of(Decimal::new(25, 1)), Decimal::new(25, 2));
/// let newsroom = Tolerance::new(Decimal::new(25, 2), Decimal::from(2))?; // 25 %, at least 2
/// assert_eq!(newsroom.of(Decimal::from(70)), Decimal::from(17));
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tolerance {
    relative: Decimal,
    minimum: Decimal,
}

impl Default for Tolerance {
    fn default() -> Self {
        Tolerance {
            relative: Decimal::new(1, 1),
            minimum: Decimal::ONE,
        }
    }
}

impl Tolerance {
    /// A tolerance of `relative` (a fraction: `0.1` is 10 %) and at least `minimum`.
    ///
    /// # Errors
    /// When either is negative, or `relative` is above 1.
    pub fn new(relative: Decimal, minimum: Decimal) -> Result<Self, Error> {
        if relative.is_sign_negative() || relative > Decimal::ONE || minimum.is_sign_negative() {
            return Err(Error::invalid(
                format!("tolerance {relative} (at least {minimum})"),
                "the fraction must lie in [0, 1] and the minimum must not be negative",
            ));
        }
        Ok(Tolerance { relative, minimum })
    }

    /// The relative part.
    pub fn relative(&self) -> Decimal {
        self.relative
    }

    /// The minimum half-width.
    pub fn minimum(&self) -> Decimal {
        self.minimum
    }

    /// The half-width for a figure of about `n`.
    pub fn of(&self, n: Decimal) -> Decimal {
        // relative ≤ 1, so the product cannot exceed n.
        let t = self.relative.checked_mul(n).unwrap_or(n);
        if n.fract().is_zero() {
            t.floor().max(self.minimum)
        } else {
            t
        }
    }
}

impl fmt::Display for VagueTerm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// Lowercases and folds runs of white space into one space.
pub(crate) fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
    out
}
