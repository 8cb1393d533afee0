//! The ranged value of one claim: exact, a range, an open bound, an
//! approximation, a vague word, unknown, or a low/best/high triple.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Bound::{self, Excluded, Included, Unbounded};
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::{Reading, Tolerance, VagueTerm};
use crate::{Error, Interval, Unit};

/// What a figure was said to be, in the form it was said.
///
/// An [`Estimate`] keeps its form so that "more than 100" never turns into
/// "101 or more" in a report, and "dozens" keeps the rule that read it. Read
/// the interval with [`Estimate::interval`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Form {
    /// Exactly `n`: `200`.
    Exact(Decimal),
    /// A closed range, both ends included: `50–170`.
    Range {
        /// The low end.
        low: Decimal,
        /// The high end.
        high: Decimal,
    },
    /// At least `n` (inclusive): `20+`, "at least 18".
    AtLeast(Decimal),
    /// More than `n` (strict): `>100`, "more than 100".
    MoreThan(Decimal),
    /// At most `n` (inclusive): `<=30`, "up to 30".
    AtMost(Decimal),
    /// Fewer than `n` (strict): `<10`, "fewer than 10".
    FewerThan(Decimal),
    /// Bounded by a comparison on each side: `>10 <20`, "more than 10 and
    /// fewer than 20"; `>=10 <20`, "at least 10 but under 20".
    Between {
        /// The low end.
        low: Decimal,
        /// Whether the low end is excluded ("more than" rather than "at least").
        low_strict: bool,
        /// The high end.
        high: Decimal,
        /// Whether the high end is excluded ("fewer than" rather than "at most").
        high_strict: bool,
    },
    /// About `center`, give or take `tolerance`: `~1000`.
    Approximately {
        /// The figure given.
        center: Decimal,
        /// The half-width of the interval.
        tolerance: Decimal,
    },
    /// Nearly `center` (below it, within `tolerance`): "nearly 300".
    Nearly {
        /// The figure given.
        center: Decimal,
        /// How far below it the value may be.
        tolerance: Decimal,
    },
    /// A vague word read through a [`Lexicon`](crate::Lexicon) entry: `dozens`.
    Vague(Arc<VagueTerm>),
    /// A figure exists but no number was given (distinct from zero).
    Unknown,
    /// A UCDP-style low/best/high triple, kept as given even when
    /// inconsistent (see [`Estimate::triple_issue`]).
    Triple {
        /// The low estimate.
        low: Decimal,
        /// The best estimate.
        best: Decimal,
        /// The high estimate.
        high: Decimal,
    },
}

impl Form {
    /// The form's name, in kebab case as reports and the extraction
    /// contract write it: `exact`, `range`, `at-least`, `more-than`,
    /// `at-most`, `fewer-than`, `between`, `approximately`, `nearly`,
    /// `vague`, `unknown`, `triple`.
    ///
    /// ```
    /// use reckon::Estimate;
    ///
    /// let e: Estimate = ">100".parse()?;
    /// assert_eq!(e.form().name(), "more-than");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            Form::Exact(_) => "exact",
            Form::Range { .. } => "range",
            Form::AtLeast(_) => "at-least",
            Form::MoreThan(_) => "more-than",
            Form::AtMost(_) => "at-most",
            Form::FewerThan(_) => "fewer-than",
            Form::Between { .. } => "between",
            Form::Approximately { .. } => "approximately",
            Form::Nearly { .. } => "nearly",
            Form::Vague(_) => "vague",
            Form::Unknown => "unknown",
            Form::Triple { .. } => "triple",
        }
    }
}

/// What is wrong with an inconsistent low/best/high triple.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TripleIssue {
    /// `low > high`.
    LowAboveHigh,
    /// `low ≤ high` but `best < low`.
    BestBelowLow,
    /// `low ≤ high` but `best > high`.
    BestAboveHigh,
}

impl fmt::Display for TripleIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TripleIssue::LowAboveHigh => "the low estimate is above the high estimate",
            TripleIssue::BestBelowLow => "the best estimate is below the low estimate",
            TripleIssue::BestAboveHigh => "the best estimate is above the high estimate",
        })
    }
}

/// An explicit, named way to repair an inconsistent triple. No repair is
/// ever applied silently: call [`Estimate::repair`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TripleRepair {
    /// Widen: low and high become the least and greatest of the three; best is kept.
    /// `5/2/3` becomes `2/2/5`. Never loses a figure that was stated.
    Hull,
    /// Keep low and high, move best to the nearest end: `2/10/5` becomes `2/5/5`.
    /// Fails when `low > high`.
    ClampBest,
    /// Keep low and high, drop best: `2/10/5` becomes `2–5`. Fails when `low > high`.
    DropBest,
}

/// A ranged value: what one claim says a figure is.
///
/// Bounds are [`Decimal`]s and never negative. Every estimate reads as a
/// closed [`Interval`]; it also remembers its [`Form`], an optional best
/// value and, when it was read from text, the text as written.
///
/// # The value grammar
///
/// `Display` writes, and `FromStr` reads back exactly, one compact notation:
///
/// | form | written | also read |
/// |---|---|---|
/// | exact | `200` | `12,000`, `1 234`, `1.5 million`, `1.2k` |
/// | range | `50–170` | `50-170`, `50 – 170`, `50 to 170` |
/// | at least | `20+` | `>=20`, `≥20`, `at least 20`, `20 or more` |
/// | more than | `>100` | `more than 100`, `over 100` |
/// | at most | `<=30` | `≤30`, `at most 30`, `up to 30`, `no more than 30` |
/// | fewer than | `<10` | `fewer than 10`, `less than 10`, `under 10` |
/// | between | `>10 <20`, `>=10 <=20` | `≥10 ≤20` |
/// | approximately | `~1000`, `~1000±50` | `≈1000`, `about 1000`, `approximately 1,000`, `c. 1000`, `1000 or so` |
/// | nearly | `nearly 300` | `almost 300` |
/// | vague | `dozens` | any [`Lexicon`](crate::Lexicon) term, any case |
/// | unknown | `unknown` | `Unknown` |
/// | triple | `50/100/170` | (low/best/high, even when inconsistent) |
///
/// `~1000` uses the default [`Tolerance`]; another half-width is written
/// `~1000±50`. Words are matched without regard to case. Full English prose
/// ("more than a hundred people") is read by [`text::phrase`](crate::text::phrase), which
/// shares this vocabulary; `FromStr` reads a text that starts with a word
/// as a phrase when the grammar does not read it ("more than 10 and fewer
/// than 20", "a few hundred").
///
/// # Intervals
///
/// Ends are inclusive. Strict bounds on a whole number count whole things
/// ([design notes §3](crate::design): Kennedy 2015): "more than 100" is `[101, ∞)`, "fewer than 10"
/// is `[0, 9]`, "nearly 300" is `[300 − t, 299]`. A strict bound on a
/// fractional number ("more than 1.5 km", "more than half") is not a count
/// of whole things: its interval is the closure, `[1.5, ∞)`, which admits
/// the same whole numbers as `[2, ∞)`, and [`Estimate::bounds`] keeps the
/// open end. "Unknown" is `[0, ∞)`, which is not zero (`0` is `[0, 0]`).
///
/// # Equality and ordering
///
/// Two estimates are equal when their forms are equal; the verbatim text is
/// not compared (`"50-170"` and `"50 – 170"` are the same value). Estimates
/// order by their interval (see [`Interval`]'s ordering), then by form.
///
/// # Example
///
/// ```
/// use reckon::{Decimal, Estimate};
/// use reckon::model::Form;
///
/// let v: Estimate = "50-170".parse()?;
/// assert_eq!(v.to_string(), "50–170");
/// assert_eq!(v.text(), Some("50-170"));
/// assert_eq!(v.interval().to_string(), "[50, 170]");
///
/// let more: Estimate = "more than 100".parse()?;
/// assert_eq!(more.form(), &Form::MoreThan(Decimal::from(100)));
/// assert_eq!(more.interval().low(), Decimal::from(101));
///
/// let unknown: Estimate = "Unknown".parse()?;
/// assert!(unknown.is_unknown());
/// assert_ne!(unknown, Estimate::exact(Decimal::ZERO)?);
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Estimate {
    form: Form,
    text: Option<Box<str>>,
}

impl Estimate {
    fn checked(form: Form) -> Result<Self, Error> {
        let negative = |n: &Decimal| n.is_sign_negative() && !n.is_zero();
        let any_negative = match &form {
            Form::Exact(n)
            | Form::AtLeast(n)
            | Form::MoreThan(n)
            | Form::AtMost(n)
            | Form::FewerThan(n) => negative(n),
            Form::Range { low, high } | Form::Between { low, high, .. } => {
                negative(low) || negative(high)
            }
            Form::Approximately { center, tolerance } | Form::Nearly { center, tolerance } => {
                negative(center) || negative(tolerance)
            }
            Form::Triple { low, best, high } => negative(low) || negative(best) || negative(high),
            Form::Vague(_) | Form::Unknown => false,
        };
        if any_negative {
            return Err(Error::invalid(
                format!("value {}", DisplayForm(&form)),
                "values are never negative",
            ));
        }
        compute_interval(&form)?;
        Ok(Estimate { form, text: None })
    }

    /// Exactly `n`.
    ///
    /// # Errors
    /// When `n` is negative.
    pub fn exact(n: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::Exact(n))
    }

    /// The closed range `[low, high]`.
    ///
    /// # Errors
    /// When `low > high` or either is negative.
    pub fn range(low: Decimal, high: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::Range { low, high })
    }

    /// At least `n`: `[n, ∞)`.
    ///
    /// # Errors
    /// When `n` is negative.
    pub fn at_least(n: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::AtLeast(n))
    }

    /// More than `n`: `[n + 1, ∞)` for a whole `n`, `[n, ∞)` for a
    /// fractional one (see [Intervals](Estimate#intervals)).
    ///
    /// # Errors
    /// When `n` is negative or `n + 1` overflows.
    pub fn more_than(n: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::MoreThan(n))
    }

    /// At most `n`: `[0, n]`.
    ///
    /// # Errors
    /// When `n` is negative.
    pub fn at_most(n: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::AtMost(n))
    }

    /// Fewer than `n`: `[0, n − 1]` for a whole `n`, `[0, n]` for a
    /// fractional one (see [Intervals](Estimate#intervals)).
    ///
    /// # Errors
    /// When `n` is not above zero.
    pub fn fewer_than(n: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::FewerThan(n))
    }

    /// About `n`, with the half-width `tolerance.of(n)`.
    ///
    /// # Errors
    /// When `n` is negative or `n + t` overflows.
    pub fn approximately(n: Decimal, tolerance: &Tolerance) -> Result<Self, Error> {
        Estimate::approximately_within(n, tolerance.of(n))
    }

    /// About `n`, give or take `t`: `[max(0, n − t), n + t]`.
    ///
    /// # Errors
    /// When `n` or `t` is negative or `n + t` overflows.
    pub fn approximately_within(n: Decimal, t: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::Approximately {
            center: n,
            tolerance: t,
        })
    }

    /// Nearly `n`: `[n − t, n − 1]` with `t = tolerance.of(n)` for a whole
    /// `n`, `[n − t, n]` for a fractional one.
    ///
    /// # Errors
    /// When `n` is zero.
    pub fn nearly(n: Decimal, tolerance: &Tolerance) -> Result<Self, Error> {
        Estimate::nearly_within(n, tolerance.of(n))
    }

    /// Nearly `n`, at most `t` below it.
    ///
    /// # Errors
    /// When `n` or `t` is zero, or `t` is negative.
    pub fn nearly_within(n: Decimal, t: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::Nearly {
            center: n,
            tolerance: t,
        })
    }

    /// A value bounded on both sides: `lower` is "at least" or "more than"
    /// a number, `upper` is "at most" or "fewer than" one.
    ///
    /// ```
    /// use reckon::{Decimal, Estimate};
    ///
    /// let v = Estimate::between(&Estimate::more_than(10.into())?, &Estimate::fewer_than(20.into())?)?;
    /// assert_eq!(v.to_string(), ">10 <20");
    /// assert_eq!(v.interval().to_string(), "[11, 19]");
    ///
    /// // A share: "above one quarter and below a half".
    /// let share = Estimate::between(
    ///     &Estimate::more_than(Decimal::new(25, 2))?,
    ///     &Estimate::fewer_than(Decimal::new(5, 1))?,
    /// )?;
    /// assert_eq!(share.interval().to_string(), "[0.25, 0.5]");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// When `lower` is not a lower bound, `upper` is not an upper bound, or
    /// no value meets both.
    pub fn between(lower: &Estimate, upper: &Estimate) -> Result<Self, Error> {
        // The number of a bound on the given side, and whether it is strict.
        let side = |e: &Estimate, lower: bool| match (e.form.clone(), lower) {
            (Form::AtLeast(n), true) | (Form::AtMost(n), false) => Ok((n, false)),
            (Form::MoreThan(n), true) | (Form::FewerThan(n), false) => Ok((n, true)),
            _ => Err(Error::invalid(
                format!("value {e}"),
                if lower {
                    "the lower side of a two-sided bound is 'at least' or 'more than' a number"
                } else {
                    "the upper side of a two-sided bound is 'at most' or 'fewer than' a number"
                },
            )),
        };
        let (low, low_strict) = side(lower, true)?;
        let (high, high_strict) = side(upper, false)?;
        Estimate::checked(Form::Between {
            low,
            low_strict,
            high,
            high_strict,
        })
    }

    /// A vague word, read through its lexicon entry.
    pub fn vague(term: Arc<VagueTerm>) -> Self {
        Estimate {
            form: Form::Vague(term),
            text: None,
        }
    }

    /// A figure that exists but was given no number.
    pub fn unknown() -> Self {
        Estimate {
            form: Form::Unknown,
            text: None,
        }
    }

    /// A low/best/high triple, kept as given. An inconsistent triple is
    /// accepted and flagged by [`Estimate::triple_issue`]; its interval is
    /// the hull of the three figures until it is [repaired](Estimate::repair).
    ///
    /// ```
    /// use reckon::Estimate;
    /// use reckon::model::{TripleIssue, TripleRepair};
    ///
    /// let t = Estimate::triple(2.into(), 10.into(), 5.into())?;
    /// assert_eq!(t.triple_issue(), Some(TripleIssue::BestAboveHigh));
    /// assert_eq!(t.interval().to_string(), "[2, 10]");
    /// assert_eq!(t.repair(TripleRepair::ClampBest)?.to_string(), "2/5/5");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// When any figure is negative.
    pub fn triple(low: Decimal, best: Decimal, high: Decimal) -> Result<Self, Error> {
        Estimate::checked(Form::Triple { low, best, high })
    }

    /// This estimate, remembering `text` as what was written.
    #[must_use]
    pub fn with_text(mut self, text: &str) -> Self {
        self.text = Some(text.into());
        self
    }

    /// This estimate without the text it was read from, for a store that
    /// never shows it (the bulk path's claims).
    #[cfg(feature = "serde")]
    pub(crate) fn without_text(mut self) -> Self {
        self.text = None;
        self
    }

    /// The form as stated.
    pub fn form(&self) -> &Form {
        &self.form
    }

    /// The text as written, when the estimate was read from text.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The closed interval the estimate stands for (vague words strictly).
    pub fn interval(&self) -> Interval {
        // Constructors checked that this computes.
        compute_interval(&self.form).unwrap_or(Interval::EVERYTHING)
    }

    /// The interval under a chosen reading of vague words and round
    /// numbers; other forms do not depend on the reading.
    pub fn interval_read(&self, reading: Reading) -> Interval {
        match (&self.form, reading) {
            (Form::Vague(term), Reading::Lenient | Reading::Rounded) => term.lenient(),
            (Form::Exact(n), Reading::Rounded) => crate::model::rounded(*n),
            _ => self.interval(),
        }
    }

    /// The best (point) value, when the estimate has one: the exact figure,
    /// the centre of an approximation, a triple's best, a vague word's
    /// conventional point.
    pub fn best(&self) -> Option<Decimal> {
        match &self.form {
            Form::Exact(n) => Some(*n),
            Form::Approximately { center, .. } => Some(*center),
            Form::Triple { best, .. } => Some(*best),
            Form::Vague(term) => Some(term.point()),
            _ => None,
        }
    }

    /// The estimate read as a measured quantity rather than a count: strict
    /// comparisons leave their ends open. Use it for distances, durations
    /// and shares, where "more than 1.5 km" admits 1.6 km but not 1.5 km, and
    /// "more than 30 %" admits 30.5 %.
    ///
    /// Other forms give the ends of [`Estimate::interval`], included.
    ///
    /// ```
    /// use std::ops::Bound::{Excluded, Included, Unbounded};
    /// use reckon::{Decimal, Estimate};
    ///
    /// let v: Estimate = ">30".parse()?;
    /// assert_eq!(v.interval().to_string(), "[31, ∞)");
    /// assert_eq!(v.bounds(), (Excluded(Decimal::from(30)), Unbounded));
    ///
    /// let v: Estimate = ">=10 <20".parse()?;
    /// assert_eq!(v.bounds(), (Included(Decimal::from(10)), Excluded(Decimal::from(20))));
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn bounds(&self) -> (Bound<Decimal>, Bound<Decimal>) {
        let strict = |n: Decimal, s: bool| if s { Excluded(n) } else { Included(n) };
        match self.form {
            Form::MoreThan(n) => (Excluded(n), Unbounded),
            Form::FewerThan(n) => (Included(Decimal::ZERO), Excluded(n)),
            Form::Between {
                low,
                low_strict,
                high,
                high_strict,
            } => (strict(low, low_strict), strict(high, high_strict)),
            Form::Nearly { center, tolerance } => (
                Included(
                    (center - tolerance)
                        .min(self.interval().low())
                        .max(Decimal::ZERO),
                ),
                Excluded(center),
            ),
            _ => {
                let i = self.interval();
                (Included(i.low()), i.high().map_or(Unbounded, Included))
            }
        }
    }

    /// The interval for a figure counted in `unit`: [`Estimate::interval`]
    /// for a unit that [counts whole things](Unit::counts_whole); for a
    /// measure, the closure of [`Estimate::bounds`], so that "more than 2"
    /// hours, `[2, ∞)`, does not contradict "2.5" hours.
    ///
    /// ```
    /// use reckon::{Estimate, Unit};
    ///
    /// let v: Estimate = ">2".parse()?;
    /// assert_eq!(v.interval_for(&Unit::People).to_string(), "[3, ∞)");
    /// assert_eq!(v.interval_for(&Unit::Hours).to_string(), "[2, ∞)");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn interval_for(&self, unit: &Unit) -> Interval {
        if unit.counts_whole() {
            return self.interval();
        }
        let end = |b: Bound<Decimal>| match b {
            Included(n) | Excluded(n) => Some(n),
            Unbounded => None,
        };
        let (low, high) = self.bounds();
        Interval::new(end(low).unwrap_or(Decimal::ZERO), end(high))
            .unwrap_or_else(|_| self.interval())
    }

    /// Whether this is "unknown" (a figure exists, no number was given).
    pub fn is_unknown(&self) -> bool {
        matches!(self.form, Form::Unknown)
    }

    /// Whether the figure was hedged: approximate, "nearly", or a vague word.
    pub fn is_approximate(&self) -> bool {
        matches!(
            self.form,
            Form::Approximately { .. } | Form::Nearly { .. } | Form::Vague(_)
        )
    }

    /// Whether the interval is open above (`20+`, `>100`, `unknown`).
    pub fn is_open(&self) -> bool {
        self.interval().is_unbounded()
    }

    /// The first number stated with a fractional part, if any: not a
    /// count of whole things. Only what was written counts, not what it is
    /// read as (the tolerance of "about 15"); `12.0` is whole.
    ///
    /// ```
    /// let fraction = |v: &str| v.parse::<reckon::Estimate>().map(|e| e.fraction());
    /// assert_eq!(fraction("10–12.5")?, Some("12.5".parse()?));
    /// assert_eq!((fraction("1.5 million")?, fraction("~15")?), (None, None));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fraction(&self) -> Option<Decimal> {
        self.stated().find(is_fraction)
    }

    /// The first number stated with a point before three digits, after one
    /// to three digits that are not a lone zero (`12.000`, `1.500`), if any:
    /// read with a decimal point (12, 1.5), as reckon reads it, it is 1,000
    /// times less than with the point separating thousands, as much of
    /// Europe writes them (12.000 for 12,000). A comma is never so
    /// ambiguous: reckon reads one before three digits as thousands, and
    /// one before one or two as a decimal comma.
    ///
    /// ```
    /// let point = |v: &str| v.parse::<reckon::Estimate>().map(|e| e.ambiguous_point());
    /// assert_eq!(point("12.000–15.000")?, Some("12.000".parse()?));
    /// assert_eq!(point("at least 1.500")?, Some("1.500".parse()?));
    /// let none = [point("12.0")?, point("0.125")?, point("1234.000")?, point("12,000")?];
    /// assert_eq!(none, [None; 4]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ambiguous_point(&self) -> Option<Decimal> {
        self.stated().find(is_ambiguous_point)
    }

    /// The numbers stated, in the order they were: a range's two, a
    /// triple's three, none for a vague word.
    fn stated(&self) -> impl Iterator<Item = Decimal> {
        let (one, two) = (|n| [Some(n), None, None], |a, b| [Some(a), Some(b), None]);
        let stated = match self.form {
            Form::Exact(n) | Form::AtLeast(n) | Form::MoreThan(n) => one(n),
            Form::AtMost(n) | Form::FewerThan(n) => one(n),
            Form::Approximately { center, .. } | Form::Nearly { center, .. } => one(center),
            Form::Range { low, high } | Form::Between { low, high, .. } => two(low, high),
            Form::Triple { low, best, high } => [Some(low), Some(best), Some(high)],
            Form::Vague(_) | Form::Unknown => [None; 3],
        };
        stated.into_iter().flatten()
    }

    /// What is wrong with a triple, if anything.
    pub fn triple_issue(&self) -> Option<TripleIssue> {
        match self.form {
            Form::Triple { low, best, high } => {
                if low > high {
                    Some(TripleIssue::LowAboveHigh)
                } else if best < low {
                    Some(TripleIssue::BestBelowLow)
                } else if best > high {
                    Some(TripleIssue::BestAboveHigh)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// A consistent copy of an inconsistent triple, by the named policy;
    /// any other estimate is returned unchanged. The verbatim text is kept.
    ///
    /// # Errors
    /// When the policy cannot repair this triple (`ClampBest` or `DropBest`
    /// with `low > high`).
    pub fn repair(&self, policy: TripleRepair) -> Result<Estimate, Error> {
        let Form::Triple { low, best, high } = self.form else {
            return Ok(self.clone());
        };
        if self.triple_issue().is_none() {
            return Ok(self.clone());
        }
        let form = match policy {
            TripleRepair::Hull => Form::Triple {
                low: low.min(best).min(high),
                best,
                high: low.max(best).max(high),
            },
            TripleRepair::ClampBest | TripleRepair::DropBest if low > high => {
                return Err(Error::invalid(
                    format!("triple {low}/{best}/{high}"),
                    format!("{policy:?} cannot repair it: {}", TripleIssue::LowAboveHigh),
                ));
            }
            TripleRepair::ClampBest => Form::Triple {
                low,
                best: best.clamp(low, high),
                high,
            },
            TripleRepair::DropBest => Form::Range { low, high },
        };
        Ok(Estimate {
            form,
            text: self.text.clone(),
        })
    }
}

/// The smallest whole number above `n`, or `n` itself when it is fractional
/// (see "Intervals" in the docs of [`Estimate`]).
fn above(n: Decimal) -> Result<Decimal, Error> {
    if n.fract().is_zero() {
        n.checked_add(Decimal::ONE)
            .ok_or_else(|| Error::overflow(format!("{n} + 1")))
    } else {
        Ok(n)
    }
}

/// The largest whole number below a positive `n`, or `n` itself when it is
/// fractional.
fn below(n: Decimal) -> Decimal {
    if n.fract().is_zero() {
        n - Decimal::ONE
    } else {
        n
    }
}

/// The interval of a form, with checked arithmetic.
fn compute_interval(form: &Form) -> Result<Interval, Error> {
    let positive = |n: Decimal, what: &str| {
        if n <= Decimal::ZERO {
            Err(Error::invalid(
                format!("{what} {n}"),
                "no count is below zero",
            ))
        } else {
            Ok(below(n))
        }
    };
    Ok(match form {
        Form::Exact(n) => Interval::from_parts(*n, Some(*n)),
        Form::Range { low, high } => Interval::new(*low, Some(*high)).map_err(|_| {
            Error::invalid(
                format!("range {low}–{high}"),
                "the low end is above the high end",
            )
        })?,
        Form::AtLeast(n) => Interval::from_parts(*n, None),
        Form::MoreThan(n) => Interval::from_parts(above(*n)?, None),
        Form::AtMost(n) => Interval::from_parts(Decimal::ZERO, Some(*n)),
        Form::FewerThan(n) => {
            Interval::from_parts(Decimal::ZERO, Some(positive(*n, "fewer than")?))
        }
        Form::Between {
            low,
            low_strict,
            high,
            high_strict,
        } => {
            // Empty on the real line: no value at all meets both bounds.
            if low > high || (low == high && (*low_strict || *high_strict)) {
                return Err(Error::invalid(
                    format!("value {}", DisplayForm(form)),
                    "no value meets both bounds",
                ));
            }
            let lo = if *low_strict { above(*low)? } else { *low };
            let hi = if *high_strict { below(*high) } else { *high };
            if lo > hi {
                // No whole number lies between ("more than 1 and fewer than
                // 2"): a measure, read as the closure.
                Interval::from_parts(*low, Some(*high))
            } else {
                Interval::from_parts(lo, Some(hi))
            }
        }
        Form::Approximately { center, tolerance } => {
            let high = center
                .checked_add(*tolerance)
                .ok_or_else(|| Error::overflow(format!("{center} + {tolerance}")))?;
            Interval::from_parts((*center - *tolerance).max(Decimal::ZERO), Some(high))
        }
        Form::Nearly { center, tolerance } => {
            if center.is_zero() {
                return Err(Error::invalid(
                    format!("nearly {center}"),
                    "nothing counts as nearly zero",
                ));
            }
            if tolerance.is_zero() {
                return Err(Error::invalid(
                    format!("nearly {center}±0"),
                    "a tolerance of zero leaves nothing below the number",
                ));
            }
            let high = below(*center);
            let low = (*center - *tolerance).max(Decimal::ZERO).min(high);
            Interval::from_parts(low, Some(high))
        }
        Form::Vague(term) => term.interval(),
        Form::Unknown => Interval::EVERYTHING,
        Form::Triple { low, best, high } => Interval::from_parts(
            (*low).min(*best).min(*high),
            Some((*low).max(*best).max(*high)),
        ),
    })
}

impl PartialEq for Estimate {
    fn eq(&self, other: &Self) -> bool {
        self.form == other.form
    }
}

impl Eq for Estimate {}

impl Hash for Estimate {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.form.hash(state);
    }
}

impl Ord for Estimate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.interval()
            .cmp(&other.interval())
            .then_with(|| self.form.cmp(&other.form))
    }
}

impl PartialOrd for Estimate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl From<Arc<VagueTerm>> for Estimate {
    fn from(term: Arc<VagueTerm>) -> Self {
        Estimate::vague(term)
    }
}

/// Writes a form in the compact grammar (used by `Display for Estimate`).
pub(crate) struct DisplayForm<'a>(pub(crate) &'a Form);

impl fmt::Display for DisplayForm<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Form::Exact(n) => write!(f, "{n}"),
            Form::Range { low, high } => write!(f, "{low}–{high}"),
            Form::AtLeast(n) => write!(f, "{n}+"),
            Form::MoreThan(n) => write!(f, ">{n}"),
            Form::AtMost(n) => write!(f, "<={n}"),
            Form::FewerThan(n) => write!(f, "<{n}"),
            Form::Between {
                low,
                low_strict,
                high,
                high_strict,
            } => {
                let (a, b) = (
                    if *low_strict { ">" } else { ">=" },
                    if *high_strict { "<" } else { "<=" },
                );
                write!(f, "{a}{low} {b}{high}")
            }
            Form::Approximately { center, tolerance } => {
                write!(f, "~{center}")?;
                if Tolerance::default().of(*center) != *tolerance {
                    write!(f, "±{tolerance}")?;
                }
                Ok(())
            }
            Form::Nearly { center, tolerance } => {
                write!(f, "nearly {center}")?;
                if Tolerance::default().of(*center) != *tolerance {
                    write!(f, "±{tolerance}")?;
                }
                Ok(())
            }
            Form::Vague(term) => f.write_str(term.name()),
            Form::Unknown => f.write_str("unknown"),
            Form::Triple { low, best, high } => write!(f, "{low}/{best}/{high}"),
        }
    }
}

/// Writes the value grammar (see [`Estimate`]); the verbatim text is not written.
impl fmt::Display for Estimate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        DisplayForm(&self.form).fmt(f)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Estimate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// An estimate kept small, for the bulk loader's millions of claims: an
/// exact figure without its text (most of a claims table's values) is its
/// decimal, anything else the boxed estimate. 24 bytes where an
/// [`Estimate`] takes 72, so a loaded claim takes 48 where it took 96.
#[cfg(feature = "serde")] // kept by the bulk loader (`io::bulk`)
#[derive(Clone, Debug)]
pub(crate) struct Kept(KeptForm);

#[cfg(feature = "serde")]
#[derive(Clone, Debug)]
enum KeptForm {
    /// `Form::Exact`, no text: only ever made from a checked estimate.
    Exact(Decimal),
    Other(Box<Estimate>),
}

#[cfg(feature = "serde")]
impl From<Estimate> for Kept {
    fn from(e: Estimate) -> Kept {
        match (&e.form, &e.text) {
            (Form::Exact(n), None) => Kept(KeptForm::Exact(*n)),
            _ => Kept(KeptForm::Other(Box::new(e))),
        }
    }
}

#[cfg(feature = "serde")]
impl Kept {
    /// A whole number, exact: what a table's value of digits alone reads
    /// as ([`Estimate::exact`] of it), without checking a form that cannot
    /// be negative and computing an interval not kept.
    pub(crate) fn whole(n: u64) -> Kept {
        Kept(KeptForm::Exact(Decimal::from(n)))
    }

    /// The estimate's interval for a figure counting in `unit`
    /// ([`Estimate::interval_for`]); an exact figure's is its value alone,
    /// in any unit.
    pub(crate) fn interval_for(&self, unit: &crate::Unit) -> Interval {
        match &self.0 {
            KeptForm::Exact(n) => Interval::from_parts(*n, Some(*n)),
            KeptForm::Other(e) => e.interval_for(unit),
        }
    }

    /// The value, when the estimate is an exact whole number (most of a
    /// table's): it states no fraction and no ambiguous point.
    pub(crate) fn whole_value(&self) -> Option<Decimal> {
        match &self.0 {
            KeptForm::Exact(n) if n.scale() == 0 => Some(*n),
            _ => None,
        }
    }

    /// The estimate kept.
    pub(crate) fn estimate(&self) -> std::borrow::Cow<'_, Estimate> {
        match &self.0 {
            KeptForm::Exact(n) => std::borrow::Cow::Owned(Estimate {
                form: Form::Exact(*n),
                text: None,
            }),
            KeptForm::Other(e) => std::borrow::Cow::Borrowed(e),
        }
    }
}

/// Whether `n` has a fractional part that is not zero ([`Estimate::fraction`]).
pub(crate) fn is_fraction(n: &Decimal) -> bool {
    n.scale() != 0 && !n.fract().is_zero()
}

/// Whether `n` has three places and one to three digits before them, 1.000
/// to 999.999 ([`Estimate::ambiguous_point`]).
fn is_ambiguous_point(n: &Decimal) -> bool {
    n.scale() == 3 && (1000..1_000_000).contains(&n.mantissa().abs())
}

#[cfg(test)]
mod tests;
