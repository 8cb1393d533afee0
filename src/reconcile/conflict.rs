//! Conflicts: where the sources contradict each other, typed, with the
//! claims involved, a severity and an explanation.
//!
//! Within one figure (found when it is reconciled, in `O(k log k)` for `k`
//! claims — detection sorts and sweeps, it never compares every pair):
//! [`disjoint`](ConflictKind::Disjoint), [`empty_consensus`](ConflictKind::EmptyConsensus),
//! [`outlier`](ConflictKind::Outlier), [`partisan_only`](ConflictKind::PartisanOnly),
//! [`revision`](ConflictKind::Revision), [`invalid_triple`](ConflictKind::InvalidTriple),
//! [`not_whole`](ConflictKind::NotWhole), [`ambiguous_point`](ConflictKind::AmbiguousPoint).
//! Across figures, from the dossier's declared [`Relation`](crate::Relation)s:
//! [`part_exceeds_whole`](ConflictKind::PartExceedsWhole),
//! [`components_exceed_total`](ConflictKind::ComponentsExceedTotal),
//! [`total_below_parts`](ConflictKind::TotalBelowParts),
//! [`scope_mismatch`](ConflictKind::ScopeMismatch).
//!
//! # Severity
//!
//! Where two figures are compared, the **score** is the gap between them
//! relative to their size, on a log scale: `log10((b + 1) / (a + 1))` for a
//! lower figure `a` and a higher `b` (one is added so that zero is allowed).
//! 0.3 is a factor of two, 1 a factor of ten. The [`Severity`] follows the
//! score: below 0.1 `low`, below 0.3 `moderate`, below 1 `high`, else
//! `severe`. Conflicts without a gap have a fixed severity (`partisan_only`,
//! `not_whole`, `ambiguous_point` and `scope_mismatch` are `moderate`,
//! `revision` is `info`).
//!
//! ```
//! use reckon::reconcile::conflict::{ConflictKind, Severity};
//! use reckon::reconcile::{Evidence, Tally};
//! use reckon::Reconciler;
//!
//! // al-Jobeh: the article says 50–170 rebels were killed, other sources 200.
//! let tally: Tally = [
//!     Evidence::new("c1", "article", &"50–170".parse()?),
//!     Evidence::new("c2", "others", &"200".parse()?),
//! ].into_iter().collect();
//! let f = Reconciler::new().finish("jobeh-rebels".into(), tally)?;
//! let c = &f.conflicts()[0];
//! assert_eq!(c.kind(), ConflictKind::Disjoint);
//! assert_eq!(c.claims().iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["c1", "c2"]);
//! assert_eq!(c.score().unwrap().to_string(), "0.070"); // log10(201 / 171)
//! assert_eq!(c.severity(), Severity::Low);
//! assert_eq!(c.to_string(), "50–170 and 200 do not overlap: a gap of 30");
//! # Ok::<(), reckon::Error>(())
//! ```

use std::fmt;

use rust_decimal::Decimal;
use smallvec::SmallVec;

use super::pieces::{Piece, Pieces, write_pieces};
use super::ratio::milli;
#[cfg(feature = "serde")]
use super::wire;
use crate::model::names::worded_enum;
use crate::model::{ClaimId, FigureId, Period, Side, TripleIssue};
use crate::{Interval, Measure};

worded_enum!(
    /// The kinds of conflict, written in `snake_case` as in reports and JSON.
    ConflictKind, "a conflict kind" {
        /// Two claims' intervals do not overlap. Each claim lying wholly
        /// above another is reported once, with the nearest value below it;
        /// values sharing that nearest neighbour are grouped in one conflict.
        ///
        /// ```
        /// # use reckon::Reconciler;
        /// # use reckon::reconcile::{Evidence, Tally};
        /// let t: Tally = [Evidence::new("a", "x", &"10".parse()?), Evidence::new("b", "y", &"12".parse()?)]
        ///     .into_iter().collect();
        /// let f = Reconciler::new().finish("f".into(), t)?;
        /// assert_eq!(f.conflicts()[0].kind().as_str(), "disjoint");
        /// # Ok::<(), reckon::Error>(())
        /// ```
        Disjoint = "disjoint",
        /// No value is allowed by every counted claim, each read as a bound
        /// (see the stake model in [`policy`](crate::reconcile::policy)). Names the
        /// claim with the lowest ceiling and the one with the highest floor.
        ///
        /// ```
        /// # use reckon::Reconciler;
        /// # use reckon::reconcile::{Evidence, Tally};
        /// let t: Tally = [Evidence::new("a", "x", &"10".parse()?), Evidence::new("b", "y", &">20".parse()?)]
        ///     .into_iter().collect();
        /// let f = Reconciler::new().finish("f".into(), t)?;
        /// assert!(f.conflicts().iter().any(|c| c.kind().as_str() == "empty_consensus"));
        /// # Ok::<(), reckon::Error>(())
        /// ```
        EmptyConsensus = "empty_consensus",
        /// A value far from all the others: the lowest or highest value,
        /// overlapping no other, at least twice as far (score ≥ 0.3) from
        /// the nearest as the others are spread, and backed by fewer
        /// independent sources than the others, which are at least two.
        ///
        /// ```
        /// # use reckon::Reconciler;
        /// # use reckon::reconcile::{Evidence, Tally};
        /// let t: Tally = ["10", "11", "1000"].iter().enumerate()
        ///     .map(|(i, v)| Evidence::new(format!("c{i}"), format!("s{i}"), &v.parse().unwrap()))
        ///     .collect();
        /// let f = Reconciler::new().finish("f".into(), t)?;
        /// let o = f.conflicts().iter().find(|c| c.kind().as_str() == "outlier").unwrap();
        /// assert_eq!(o.claims()[0].as_str(), "c2");
        /// # Ok::<(), reckon::Error>(())
        /// ```
        Outlier = "outlier",
        /// Every counted claim with a number comes from sources of one side.
        ///
        /// ```
        /// # use reckon::Reconciler;
        /// # use reckon::reconcile::{Evidence, Tally};
        /// # use reckon::model::Side;
        /// let t: Tally = [Evidence::new("a", "army", &"40".parse()?).with_side(Side::new("government"))]
        ///     .into_iter().collect();
        /// let f = Reconciler::new().finish("f".into(), t)?;
        /// assert_eq!(f.conflicts()[0].kind().as_str(), "partisan_only");
        /// # Ok::<(), reckon::Error>(())
        /// ```
        PartisanOnly = "partisan_only",
        /// A claim revised by a later one: informational, not a contradiction.
        ///
        /// ```
        /// # use reckon::Reconciler;
        /// # use reckon::reconcile::{Evidence, Tally};
        /// let t: Tally = [
        ///     Evidence::new("c1", "ministry", &"18".parse()?),
        ///     Evidence::new("c2", "ministry", &"19".parse()?).superseding("c1"),
        /// ].into_iter().collect();
        /// let f = Reconciler::new().finish("f".into(), t)?;
        /// assert_eq!(f.conflicts()[0].to_string(), "18 was revised to 19");
        /// # Ok::<(), reckon::Error>(())
        /// ```
        Revision = "revision",
        /// A low/best/high triple whose best lies outside low–high, or whose
        /// low is above its high.
        ///
        /// ```
        /// # use reckon::Reconciler;
        /// # use reckon::reconcile::{Evidence, Tally};
        /// let t: Tally = [Evidence::new("a", "ucdp", &"5/3/2".parse()?)].into_iter().collect();
        /// let f = Reconciler::new().finish("f".into(), t)?;
        /// assert_eq!(f.conflicts()[0].to_string(), "the triple 5/3/2 is inconsistent: the low estimate is above the high estimate");
        /// # Ok::<(), reckon::Error>(())
        /// ```
        InvalidTriple = "invalid_triple",
        /// A number with a fractional part in a figure that counts whole
        /// things (people, groups): 2.5 fighters, or "1,20" read with a
        /// decimal comma as 1.20 where 1,200 was meant.
        ///
        /// ```
        /// # use reckon::{Figure, Measure, Reconciler, Scope};
        /// # use reckon::reconcile::{Evidence, Tally};
        /// let killed = Figure::new("f", "killed", Scope::new(Measure::Killed));
        /// let t: Tally = [Evidence::new("a", "wire", &"2.5".parse()?)].into_iter().collect();
        /// let f = Reconciler::new().finish_figure(&killed, t)?;
        /// assert_eq!(f.conflicts()[0].to_string(), "a count given as 2.5, not a whole number");
        /// # Ok::<(), reckon::Error>(())
        /// ```
        NotWhole = "not_whole",
        /// A number in a figure that counts whole things, written with a
        /// point before three digits (`12.000`, `1.500`): reckon reads the
        /// point as a decimal point (12, 1.5), but in much of Europe it
        /// separates thousands (12,000; 1,500), a reading 1,000 times
        /// larger. The claim is kept as read, and flagged.
        ///
        /// ```
        /// # use reckon::{Figure, Measure, Reconciler, Scope};
        /// # use reckon::reconcile::{Evidence, Tally};
        /// let killed = Figure::new("f", "killed", Scope::new(Measure::Killed));
        /// let t: Tally = [Evidence::new("a", "agencia", &"12.000".parse()?)].into_iter().collect();
        /// let f = Reconciler::new().finish_figure(&killed, t)?;
        /// assert_eq!(
        ///     f.conflicts()[0].to_string(),
        ///     "a count given as 12.000: 12 with a decimal point, 12000 if the point separates thousands"
        /// );
        /// # Ok::<(), reckon::Error>(())
        /// ```
        AmbiguousPoint = "ambiguous_point",
        /// A part's reconciled low is above its whole's reconciled high
        /// (Hezbollah dead > government fighters dead).
        PartExceedsWhole = "part_exceeds_whole",
        /// The sum of the components' lows is above the total's high
        /// (released + executed > captured). Overlapping components are
        /// never added (see [`rollup`](crate::reconcile::rollup)).
        ComponentsExceedTotal = "components_exceed_total",
        /// A total lower than the sum of its parts' lower bounds: its figure
        /// (best value, or low end) is below them — "more than 100 killed
        /// since the start of the operation" against battles that add up to
        /// 150. Severe when even the total's high end is below them.
        TotalBelowParts = "total_below_parts",
        /// Related figures that do not count the same thing: "casualties"
        /// against "killed", or a part outside its whole's period.
        ScopeMismatch = "scope_mismatch",
    }
);

worded_enum!(
    /// How serious a conflict is (see the module docs for the scale).
    Severity, "a severity" {
        /// Informational (a revision).
        Info = "info",
        /// Within about 25 % (score below 0.1).
        Low = "low",
        /// Within a factor of two (score below 0.3), or a categorical problem.
        Moderate = "moderate",
        /// Within a factor of ten (score below 1).
        High = "high",
        /// An order of magnitude or more apart.
        Severe = "severe",
    }
);

impl Severity {
    fn of_score(m: u32) -> Severity {
        match m {
            0..100 => Severity::Low,
            100..300 => Severity::Moderate,
            300..1000 => Severity::High,
            _ => Severity::Severe,
        }
    }
}

/// What a conflict is about: the intervals and values behind it, one
/// variant per [`ConflictKind`]. A conflict's explanation is written from it
/// (`Display` writes the same sentence).
///
/// ```
/// use reckon::reconcile::conflict::Detail;
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
///
/// let tally: Tally = [
///     Evidence::new("c1", "article", &"50–170".parse()?),
///     Evidence::new("c2", "others", &"200".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().finish("jobeh-rebels".into(), tally)?;
/// let Detail::Disjoint { lower, nearest, .. } = f.conflicts()[0].detail() else {
///     panic!("not a disjoint conflict");
/// };
/// assert_eq!((lower.to_string(), nearest.to_string()), ("[50, 170]".into(), "[200, 200]".into()));
/// assert_eq!(lower.gap(nearest).to_string(), "30");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Detail {
    /// [`disjoint`](ConflictKind::Disjoint): `lower` lies wholly below
    /// `uppers` values, the nearest of them `nearest`, the farthest
    /// `farthest` (the same when there is one).
    Disjoint {
        /// The value below the others.
        lower: Interval,
        /// The nearest value above it.
        nearest: Interval,
        /// The farthest value of the group above it.
        farthest: Interval,
        /// How many values of the group lie above it.
        uppers: usize,
    },
    /// [`empty_consensus`](ConflictKind::EmptyConsensus): the lowest
    /// ceiling against the highest floor, each a claim read as a
    /// [bound](crate::reconcile::Evidence::bound).
    EmptyConsensus {
        /// The bound of the claim that allows the least.
        ceiling: Interval,
        /// The bound of the claim that asks the most.
        floor: Interval,
    },
    /// [`outlier`](ConflictKind::Outlier): a value far from every other.
    Outlier {
        /// The outlying value.
        value: Interval,
        /// The nearest other value.
        nearest: Interval,
    },
    /// [`partisan_only`](ConflictKind::PartisanOnly): every claim with a
    /// number comes from this side.
    PartisanOnly {
        /// The one side.
        side: Side,
    },
    /// [`revision`](ConflictKind::Revision): a claim revised by a later one.
    Revision {
        /// The earlier claim's value.
        from: Interval,
        /// The later claim's value.
        to: Interval,
    },
    /// [`invalid_triple`](ConflictKind::InvalidTriple): a low/best/high
    /// triple that does not hold together.
    InvalidTriple {
        /// What is wrong with it.
        issue: TripleIssue,
        /// The stated low estimate.
        low: Decimal,
        /// The stated best estimate.
        best: Decimal,
        /// The stated high estimate.
        high: Decimal,
    },
    /// [`not_whole`](ConflictKind::NotWhole): a count stated with a
    /// fraction.
    NotWhole {
        /// The first number stated with a fractional part.
        value: Decimal,
    },
    /// [`ambiguous_point`](ConflictKind::AmbiguousPoint): a count stated
    /// with a point that may separate thousands.
    AmbiguousPoint {
        /// The first number so stated ([`Estimate::ambiguous_point`](crate::Estimate::ambiguous_point)),
        /// with its three places (`12.000`).
        value: Decimal,
    },
    /// [`part_exceeds_whole`](ConflictKind::PartExceedsWhole): the part's
    /// reconciled range starts above the whole's.
    PartExceedsWhole {
        /// The part's reconciled range.
        part: Interval,
        /// The whole's reconciled range.
        whole: Interval,
    },
    /// [`components_exceed_total`](ConflictKind::ComponentsExceedTotal):
    /// the components' roll-up starts above the total's range.
    ComponentsExceedTotal {
        /// The roll-up of the components.
        sum: Interval,
        /// The total's reconciled range.
        total: Interval,
    },
    /// [`total_below_parts`](ConflictKind::TotalBelowParts): the total's
    /// figure lies below the roll-up of its parts.
    TotalBelowParts {
        /// The total's reconciled range.
        total: Interval,
        /// The total's figure: its best value, or its low end.
        figure: Decimal,
        /// The roll-up of the parts.
        parts: Interval,
    },
    /// [`scope_mismatch`](ConflictKind::ScopeMismatch): a part that does
    /// not fit the scope of its whole.
    ScopeMismatch {
        /// The part.
        part: FigureId,
        /// The figure that should contain it.
        whole: FigureId,
        /// What does not fit.
        issue: ScopeIssue,
    },
}

/// How a part's scope fails to fit its whole's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ScopeIssue {
    /// The part counts something the whole does not hold ("wounded" within
    /// "killed").
    Measure {
        /// The part's measure.
        part: Measure,
        /// The whole's measure.
        whole: Measure,
    },
    /// The part covers a period outside the whole's.
    Period {
        /// The part's period.
        part: Period,
        /// The whole's period.
        whole: Period,
    },
}

impl Detail {
    /// The kind of conflict this detail belongs to.
    pub fn kind(&self) -> ConflictKind {
        match self {
            Detail::Disjoint { .. } => ConflictKind::Disjoint,
            Detail::EmptyConsensus { .. } => ConflictKind::EmptyConsensus,
            Detail::Outlier { .. } => ConflictKind::Outlier,
            Detail::PartisanOnly { .. } => ConflictKind::PartisanOnly,
            Detail::Revision { .. } => ConflictKind::Revision,
            Detail::InvalidTriple { .. } => ConflictKind::InvalidTriple,
            Detail::NotWhole { .. } => ConflictKind::NotWhole,
            Detail::AmbiguousPoint { .. } => ConflictKind::AmbiguousPoint,
            Detail::PartExceedsWhole { .. } => ConflictKind::PartExceedsWhole,
            Detail::ComponentsExceedTotal { .. } => ConflictKind::ComponentsExceedTotal,
            Detail::TotalBelowParts { .. } => ConflictKind::TotalBelowParts,
            Detail::ScopeMismatch { .. } => ConflictKind::ScopeMismatch,
        }
    }
}

/// The explanation: one lowercase sentence.
impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_pieces(self, f)
    }
}

impl Pieces for Detail {
    fn pieces<'a>(&'a self, mut all: impl FnMut(&[Piece<'a>])) {
        use Piece::{Count, Number, Text, Value, Words};
        // "unbounded" or the high end.
        let high = |i: &Interval| i.high().map_or(Words("unbounded"), Number);
        match self {
            Detail::Disjoint {
                lower,
                nearest,
                uppers: 1,
                ..
            } => all(&[
                Value(*lower),
                Words(" and "),
                Value(*nearest),
                Words(" do not overlap: a gap of "),
                Number(lower.gap(nearest)),
            ]),
            Detail::Disjoint {
                lower,
                nearest,
                farthest,
                uppers,
            } => all(&[
                Value(*lower),
                Words(" lies below "),
                Value(*nearest),
                Words(" and "),
                Count(uppers.saturating_sub(1)),
                Words(if *uppers == 2 {
                    " other value"
                } else {
                    " other values"
                }),
                Words(": gaps of "),
                Number(lower.gap(nearest)),
                Words(" to "),
                Number(lower.gap(farthest)),
            ]),
            Detail::EmptyConsensus { ceiling, floor } => all(&[
                Words("no value fits every claim: one allows at most "),
                ceiling.high().map_or(Words("any"), Number),
                Words(", another at least "),
                Number(floor.low()),
            ]),
            Detail::Outlier { value, nearest } => all(&[
                Value(*value),
                Words(" lies far from every other claim: the nearest is "),
                Value(*nearest),
            ]),
            Detail::PartisanOnly { side } => all(&[
                Words("every claim with a number comes from the "),
                Text(side),
                Words(" side"),
            ]),
            Detail::Revision { from, to } => {
                all(&[Value(*from), Words(" was revised to "), Value(*to)]);
            }
            Detail::InvalidTriple {
                issue,
                low,
                best,
                high,
            } => all(&[
                Words("the triple "),
                Number(*low),
                Words("/"),
                Number(*best),
                Words("/"),
                Number(*high),
                Words(" is inconsistent: "),
                Text(issue),
            ]),
            Detail::NotWhole { value } => all(&[
                Words("a count given as "),
                Number(*value),
                Words(", not a whole number"),
            ]),
            Detail::AmbiguousPoint { value } => all(&[
                Words("a count given as "),
                Number(*value),
                Words(": "),
                Number(value.normalize()),
                Words(" with a decimal point, "),
                Number(thousands(*value)),
                Words(" if the point separates thousands"),
            ]),
            Detail::PartExceedsWhole { part, whole } => all(&[
                Words("the part is at least "),
                Number(part.low()),
                Words(" but the whole is at most "),
                high(whole),
            ]),
            Detail::ComponentsExceedTotal { sum, total } => all(&[
                Words("the components add up to at least "),
                Number(sum.low()),
                Words(" but the total is at most "),
                high(total),
            ]),
            Detail::TotalBelowParts {
                total,
                figure,
                parts,
            } => match total.high().filter(|h| *h < parts.low()) {
                Some(h) => all(&[
                    Words("the total is at most "),
                    Number(h),
                    Words(" but its parts add up to at least "),
                    Number(parts.low()),
                ]),
                None => all(&[
                    Words("the total's figure "),
                    Number(*figure),
                    Words(" is below the "),
                    Number(parts.low()),
                    Words(" its parts add up to at least"),
                ]),
            },
            Detail::ScopeMismatch { part, whole, issue } => match issue {
                ScopeIssue::Measure { part: p, whole: w } => all(&[
                    Words("`"),
                    Text(part),
                    Words("` counts "),
                    Text(p),
                    Words(" but `"),
                    Text(whole),
                    Words("` counts "),
                    Text(w),
                ]),
                ScopeIssue::Period { part: p, whole: w } => all(&[
                    Words("`"),
                    Text(part),
                    Words("` covers "),
                    Text(p),
                    Words(", outside the period of `"),
                    Text(whole),
                    Words("`, "),
                    Text(w),
                ]),
            },
        }
    }
}

/// One contradiction (or revision) between claims, typed and explained.
///
/// `Display` writes the explanation, lowercase, e.g. "50–170 and 200 do not
/// overlap: a gap of 30"; [`detail`](Conflict::detail) gives the intervals
/// and values behind it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Conflict {
    severity: Severity,
    /// In thousandths; `None` for conflicts that measure no gap.
    score: Option<u32>,
    claims: ClaimList,
    place: Place,
    detail: Detail,
}

/// The claims of a conflict. Most conflicts name one or two claims, kept
/// inline: with the summary's sides and a weighted median's points, also
/// kept inline, this halves the allocations of a reconciliation (figures in
/// `Cargo.toml`, beside the `smallvec` dependency).
pub(crate) type ClaimList = SmallVec<[ClaimId; 2]>;

/// Where a conflict lies.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Place {
    /// Between claims about one figure.
    Within(FigureId),
    /// Between related figures.
    Between(Vec<FigureId>),
}

impl Conflict {
    /// A conflict between `claims` about `figure`, about `detail`, with the
    /// gap `score` (in thousandths, see the module docs) when it measures one.
    pub(crate) fn within_figure(
        detail: Detail,
        score: Option<u32>,
        claims: ClaimList,
        figure: FigureId,
    ) -> Self {
        Conflict::new(detail, score, claims, Place::Within(figure))
    }

    /// A conflict between related `figures` (and their `claims`), as
    /// [`Conflict::within_figure`].
    pub(crate) fn between_figures(
        detail: Detail,
        score: Option<u32>,
        claims: Vec<ClaimId>,
        figures: Vec<FigureId>,
    ) -> Self {
        Conflict::new(detail, score, claims.into(), Place::Between(figures))
    }

    fn new(detail: Detail, score: Option<u32>, claims: ClaimList, place: Place) -> Self {
        let severity = match (detail.kind(), score) {
            (ConflictKind::Revision, _) => Severity::Info,
            (_, Some(m)) => Severity::of_score(m),
            (_, None) => Severity::Moderate,
        };
        Conflict {
            severity,
            score,
            claims,
            place,
            detail,
        }
    }

    /// This conflict, its severity at most `at`.
    pub(crate) fn capped(mut self, at: Severity) -> Self {
        self.severity = self.severity.min(at);
        self
    }

    /// The kind.
    pub fn kind(&self) -> ConflictKind {
        self.detail.kind()
    }

    /// How serious it is.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The gap on a log scale (see the module docs), to three decimal places;
    /// `None` for conflicts that measure no gap.
    pub fn score(&self) -> Option<Decimal> {
        self.score.map(milli)
    }

    /// The claims involved.
    pub fn claims(&self) -> &[ClaimId] {
        &self.claims
    }

    /// The figures involved: one for a conflict within a figure.
    pub fn figures(&self) -> &[FigureId] {
        match &self.place {
            Place::Within(figure) => std::slice::from_ref(figure),
            Place::Between(figures) => figures,
        }
    }

    /// The intervals and values behind the conflict.
    pub fn detail(&self) -> &Detail {
        &self.detail
    }

    /// The explanation (as `Display` writes it).
    pub fn explanation(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.detail.fmt(f)
    }
}

/// `kind`, `claims`, `figures`, `severity`, `score` (a decimal string, or
/// null when the conflict measures no gap), `explanation` (its sentence) and
/// `detail`: the intervals and values behind it (see [`Detail`]).
#[cfg(feature = "serde")]
impl serde::Serialize for Conflict {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Conflict", 7)?;
        wire::Object::fields(self, &mut wire::Serde(wire::StructPut(&mut st)))?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl wire::Object for Conflict {
    fn fields<F: wire::Fields>(&self, f: &mut F) -> Result<(), F::Error> {
        f.word("kind", self.kind().as_str())?;
        f.ids("claims", self.claims())?;
        f.ids("figures", self.figures())?;
        f.word("severity", self.severity().as_str())?;
        f.opt_dec("score", self.score())?;
        f.pieces("explanation", &self.detail)?;
        f.object("detail", &self.detail)
    }
}

/// An object tagged by `kind` (the conflict's kind), with the fields of its
/// variant; intervals as `[low, high]` (`high` null when unbounded), figures
/// as decimal strings. Gaps are written out where the explanation gives one:
///
/// | `kind` | other fields |
/// |---|---|
/// | `disjoint` | `lower`, `nearest`, `farthest`, `uppers`, `gap` (to the nearest), `farthest_gap` |
/// | `empty_consensus` | `ceiling`, `floor`, `at_most` (null when none), `at_least` |
/// | `outlier` | `value`, `nearest`, `gap` |
/// | `partisan_only` | `side` |
/// | `revision` | `from`, `to` |
/// | `invalid_triple` | `issue` (`low_above_high`, `best_below_low`, `best_above_high`), `low`, `best`, `high` |
/// | `not_whole` | `value` |
/// | `ambiguous_point` | `value` (as stated, `12.000`), `thousands` (the point read as a separator, `12000`) |
/// | `part_exceeds_whole` | `part`, `whole` |
/// | `components_exceed_total` | `sum`, `total` |
/// | `total_below_parts` | `total`, `figure`, `parts` |
/// | `scope_mismatch` | `part`, `whole` (figure ids), `issue` (`measure` or `period`), `part_scope`, `whole_scope` |
#[cfg(feature = "serde")]
impl serde::Serialize for Detail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Detail", self.field_count())?;
        wire::Object::fields(self, &mut wire::Serde(wire::StructPut(&mut st)))?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl Detail {
    /// The number of fields [`wire::Object::fields`] writes.
    fn field_count(&self) -> usize {
        match self {
            Detail::Disjoint { .. } => 7,
            Detail::EmptyConsensus { .. } | Detail::InvalidTriple { .. } => 5,
            Detail::Outlier { .. } | Detail::TotalBelowParts { .. } => 4,
            Detail::PartisanOnly { .. } | Detail::NotWhole { .. } => 2,
            Detail::AmbiguousPoint { .. } => 3,
            Detail::Revision { .. }
            | Detail::PartExceedsWhole { .. }
            | Detail::ComponentsExceedTotal { .. } => 3,
            Detail::ScopeMismatch { .. } => 6,
        }
    }
}

#[cfg(feature = "serde")]
impl wire::Object for Detail {
    fn fields<F: wire::Fields>(&self, f: &mut F) -> Result<(), F::Error> {
        f.word("kind", self.kind().as_str())?;
        match self {
            Detail::Disjoint {
                lower,
                nearest,
                farthest,
                uppers,
            } => {
                f.iv("lower", *lower)?;
                f.iv("nearest", *nearest)?;
                f.iv("farthest", *farthest)?;
                f.uint("uppers", *uppers as u64)?;
                let gap = lower.gap(nearest);
                f.dec("gap", gap)?;
                // The same value when one value lies above.
                let farthest_gap = if farthest == nearest {
                    gap
                } else {
                    lower.gap(farthest)
                };
                f.dec("farthest_gap", farthest_gap)
            }
            Detail::EmptyConsensus { ceiling, floor } => {
                f.iv("ceiling", *ceiling)?;
                f.iv("floor", *floor)?;
                f.opt_dec("at_most", ceiling.high())?;
                f.dec("at_least", floor.low())
            }
            Detail::Outlier { value, nearest } => {
                f.iv("value", *value)?;
                f.iv("nearest", *nearest)?;
                f.dec("gap", value.gap(nearest))
            }
            Detail::PartisanOnly { side } => f.str("side", side.as_str()),
            Detail::Revision { from, to } => {
                f.iv("from", *from)?;
                f.iv("to", *to)
            }
            Detail::InvalidTriple {
                issue,
                low,
                best,
                high,
            } => {
                f.word("issue", triple_issue_word(*issue))?;
                f.dec("low", *low)?;
                f.dec("best", *best)?;
                f.dec("high", *high)
            }
            Detail::NotWhole { value } => f.dec("value", *value),
            Detail::AmbiguousPoint { value } => {
                f.dec("value", *value)?;
                f.dec("thousands", thousands(*value))
            }
            Detail::PartExceedsWhole { part, whole } => {
                f.iv("part", *part)?;
                f.iv("whole", *whole)
            }
            Detail::ComponentsExceedTotal { sum, total } => {
                f.iv("sum", *sum)?;
                f.iv("total", *total)
            }
            Detail::TotalBelowParts {
                total,
                figure,
                parts,
            } => {
                f.iv("total", *total)?;
                f.dec("figure", *figure)?;
                f.iv("parts", *parts)
            }
            Detail::ScopeMismatch { part, whole, issue } => {
                f.str("part", part.as_str())?;
                f.str("whole", whole.as_str())?;
                let (word, part, whole): (_, &dyn fmt::Display, &dyn fmt::Display) = match issue {
                    ScopeIssue::Measure { part, whole } => ("measure", part, whole),
                    ScopeIssue::Period { part, whole } => ("period", part, whole),
                };
                f.word("issue", word)?;
                f.text("part_scope", part)?;
                f.text("whole_scope", whole)
            }
        }
    }
}

/// `value`, stated with three places, read with its point separating
/// thousands: its digits as a whole number (`12.000` is 12000).
fn thousands(value: Decimal) -> Decimal {
    Decimal::try_from_i128_with_scale(value.mantissa(), 0).unwrap_or(value)
}

/// A triple's issue as one word.
#[cfg(feature = "serde")]
fn triple_issue_word(issue: TripleIssue) -> &'static str {
    match issue {
        TripleIssue::LowAboveHigh => "low_above_high",
        TripleIssue::BestBelowLow => "best_below_low",
        TripleIssue::BestAboveHigh => "best_above_high",
    }
}
