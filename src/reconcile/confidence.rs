//! The confidence summary of a reconciled figure: how many claims and
//! independent sources, which sides, how much they agree, an incident grade
//! after Airwars, the Admiralty credibility of the reconciled range, an ICD
//! 203 likelihood sentence and — separately — a confidence level with its
//! reasons.
//!
//! ICD 203 asks that likelihood ("the figure is likely between 50 and 170")
//! and confidence ("low confidence: two non-overlapping reports") are never
//! combined in one sentence; [`Summary::likelihood_sentence`] and
//! [`Summary::confidence`] with [`Summary::reasons`] are kept apart.
//!
//! ```
//! use reckon::reconcile::confidence::{Confidence, Grade, Likelihood};
//! use reckon::reconcile::{Evidence, Tally};
//! use reckon::Reconciler;
//! use reckon::SourceKind;
//!
//! let tally: Tally = [
//!     Evidence::new("c1", "article", &"50–170".parse()?).with_kind(SourceKind::Encyclopedia),
//!     Evidence::new("c2", "others", &"200".parse()?).with_kind(SourceKind::Anonymous),
//! ].into_iter().collect();
//! let f = Reconciler::new().finish("jobeh-rebels".into(), tally)?;
//! let s = f.summary();
//! assert_eq!((s.claim_count(), s.independent_count()), (2, 2));
//! assert_eq!(s.grade(), Grade::Contested);
//! assert_eq!(s.likelihood(), Some(Likelihood::Likely));
//! assert_eq!(s.likelihood_sentence().unwrap(), "The figure is likely between 50 and 200.");
//! assert_eq!(s.confidence(), Confidence::Low);
//! assert_eq!(
//!     s.reasons_text(),
//!     "two non-overlapping reports; no value fits every report; one unattributed; \
//!      no source of known reliability; a wide range: the high end is 4 times the low"
//! );
//! # Ok::<(), reckon::Error>(())
//! ```

use std::fmt;

use rust_decimal::Decimal;
use smallvec::SmallVec;

use super::pieces::{Piece, Pieces, write_pieces};
use super::ratio::hundredths;
#[cfg(feature = "serde")]
use super::wire;
use crate::model::names::worded_enum;
use crate::model::{Credibility, Reliability, Side, Stake};
use crate::reconcile::EvidenceSet;
use crate::reconcile::conflict::{Conflict, ConflictKind};
use crate::{Interval, SourceKind};

worded_enum!(
    /// An incident grade, after Airwars: how well a figure is sourced.
    ///
    /// ```
    /// use reckon::reconcile::confidence::Grade;
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    ///
    /// let one: Tally = [Evidence::new("c1", "a", &"12".parse()?)].into_iter().collect();
    /// assert_eq!(Reconciler::new().finish("f".into(), one)?.summary().grade(), Grade::Weak);
    /// assert_eq!("fair".parse::<Grade>()?, Grade::Fair);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    Grade, "a grade" {
        /// Competing claims: the credible claims allow no common value
        /// (Airwars: competing claims of responsibility).
        Contested = "contested",
        /// A single credible source (Airwars: single source).
        Weak = "weak",
        /// At least two independent credible sources that can agree.
        Fair = "fair",
        /// A party admits the figure against its interest, or a claim is
        /// graded 1, confirmed by independent sources (Airwars: the
        /// belligerent accepts).
        Confirmed = "confirmed",
    }
);

worded_enum!(
    /// How much the evidence supports a judgement (ICD 203): a separate axis
    /// from likelihood.
    Confidence, "a confidence level" {
        /// Thin, partisan, unattributed or contradictory evidence.
        Low = "low",
        /// Neither low nor high.
        Moderate = "moderate",
        /// Three or more independent sources (or two and a reliable one)
        /// that do not contradict each other.
        High = "high",
    }
);

/// An ICD 203 expression of likelihood, with its probability band.
///
/// ```
/// use reckon::reconcile::confidence::Likelihood;
///
/// assert_eq!(Likelihood::Likely.to_string(), "likely");
/// assert_eq!(Likelihood::Likely.band(), (55, 80));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Likelihood {
    /// 1–5 %.
    AlmostNoChance,
    /// 5–20 %.
    VeryUnlikely,
    /// 20–45 %.
    Unlikely,
    /// 45–55 %.
    RoughlyEvenChance,
    /// 55–80 %.
    Likely,
    /// 80–95 %.
    VeryLikely,
    /// 95–99 %.
    AlmostCertain,
}

impl Likelihood {
    /// The probability band in percent, as ICD 203 gives it.
    pub fn band(&self) -> (u8, u8) {
        match self {
            Likelihood::AlmostNoChance => (1, 5),
            Likelihood::VeryUnlikely => (5, 20),
            Likelihood::Unlikely => (20, 45),
            Likelihood::RoughlyEvenChance => (45, 55),
            Likelihood::Likely => (55, 80),
            Likelihood::VeryLikely => (80, 95),
            Likelihood::AlmostCertain => (95, 99),
        }
    }
}

impl fmt::Display for Likelihood {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Likelihood::AlmostNoChance => "almost no chance",
            Likelihood::VeryUnlikely => "very unlikely",
            Likelihood::Unlikely => "unlikely",
            Likelihood::RoughlyEvenChance => "roughly even chance",
            Likelihood::Likely => "likely",
            Likelihood::VeryLikely => "very likely",
            Likelihood::AlmostCertain => "almost certain",
        })
    }
}

/// One reason behind a confidence level. `Display` writes it as a short
/// lowercase phrase; [`Summary::reasons_text`] joins them with "; ".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// How many counted reports give a number, from how many independent
    /// sources, and whether some do not overlap.
    Reports {
        /// Counted claims with a number.
        reports: usize,
        /// Their distinct originators.
        independent: usize,
        /// Whether some of them do not overlap.
        disjoint: bool,
    },
    /// The reports allow no common value.
    NoCommonValue,
    /// Independent sources that are unattributed ("other sources").
    Unattributed {
        /// Unattributed originators.
        count: usize,
        /// All originators with a number.
        of: usize,
    },
    /// No source's reliability can be judged (all `F`).
    UnknownReliability,
    /// A source graded A or B.
    ReliableSource,
    /// Every report comes from one side.
    OneSide(Side),
    /// A party admits the figure against its interest.
    Admission,
    /// Every figure was hedged or vague.
    VagueOnly,
    /// Outlying claims were set aside.
    Outliers(usize),
    /// Questionable claims were set aside.
    Questionable(usize),
    /// A claim was revised.
    Revised,
    /// A low/best/high triple is inconsistent.
    InvalidTriple,
    /// A count of whole things is stated with a fraction.
    NotWhole,
    /// A count of whole things is stated with a point that may separate
    /// thousands (`12.000`).
    AmbiguousPoint,
    /// The reconciled range is wide: its high end is this many times its low.
    WideRange(Decimal),
    /// The figure contradicts a related figure (a part, a whole, a total).
    RelatedConflict,
}

/// `n` in words up to five, in digits beyond.
fn number_word(n: usize) -> Piece<'static> {
    match n {
        1 => Piece::Words("one"),
        2 => Piece::Words("two"),
        3 => Piece::Words("three"),
        4 => Piece::Words("four"),
        5 => Piece::Words("five"),
        _ => Piece::Count(n),
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_pieces(self, f)
    }
}

impl Pieces for Reason {
    fn pieces<'a>(&'a self, mut all: impl FnMut(&[Piece<'a>])) {
        use Piece::{Number, Text, Words};
        let some_disjoint = |disjoint: bool| {
            Words(if disjoint {
                ", some not overlapping"
            } else {
                ""
            })
        };
        match self {
            Reason::Reports { reports: 0, .. } => all(&[Words("no report gives a number")]),
            Reason::Reports { reports: 1, .. } => all(&[Words("a single report")]),
            Reason::Reports {
                reports,
                independent,
                disjoint,
            } => {
                if reports == independent {
                    if *disjoint && *reports == 2 {
                        all(&[Words("two non-overlapping reports")]);
                    } else {
                        all(&[
                            number_word(*reports),
                            Words(" independent reports"),
                            some_disjoint(*disjoint),
                        ]);
                    }
                } else {
                    all(&[
                        number_word(*reports),
                        Words(" reports from "),
                        number_word(*independent),
                        Words(if *independent == 1 {
                            " independent source"
                        } else {
                            " independent sources"
                        }),
                        some_disjoint(*disjoint),
                    ]);
                }
            }
            Reason::NoCommonValue => all(&[Words("no value fits every report")]),
            Reason::Unattributed { count, of } => match (count, of) {
                (1, 1) => all(&[Words("unattributed")]),
                (1, _) => all(&[Words("one unattributed")]),
                (2, 2) => all(&[Words("both unattributed")]),
                (c, o) if c == o => all(&[Words("all unattributed")]),
                (c, o) => all(&[
                    number_word(*c),
                    Words(" of "),
                    number_word(*o),
                    Words(" unattributed"),
                ]),
            },
            Reason::UnknownReliability => all(&[Words("no source of known reliability")]),
            Reason::ReliableSource => all(&[Words("a reliable source")]),
            Reason::OneSide(side) => all(&[Words("all from the "), Text(side), Words(" side")]),
            Reason::Admission => all(&[Words("an admission against interest")]),
            Reason::VagueOnly => all(&[Words("only vague or approximate figures")]),
            Reason::Outliers(1) => all(&[Words("an outlier set aside")]),
            Reason::Outliers(n) => all(&[number_word(*n), Words(" outliers set aside")]),
            Reason::Questionable(1) => all(&[Words("a questionable claim set aside")]),
            Reason::Questionable(n) => {
                all(&[number_word(*n), Words(" questionable claims set aside")]);
            }
            Reason::Revised => all(&[Words("revised since first reported")]),
            Reason::InvalidTriple => all(&[Words("an inconsistent low/best/high triple")]),
            Reason::NotWhole => all(&[Words("a count that is not a whole number")]),
            Reason::AmbiguousPoint => all(&[Words("a count whose point may separate thousands")]),
            Reason::WideRange(x) => all(&[
                Words("a wide range: the high end is "),
                Number(*x),
                Words(" times the low"),
            ]),
            Reason::RelatedConflict => all(&[Words("inconsistent with a related figure")]),
        }
    }
}

/// What the summary learned, kept to explain itself on demand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
struct Facts {
    numeric: usize,
    independent_numeric: usize,
    anonymous: usize,
    disjoint: bool,
    empty: bool,
    outliers: usize,
    questionable: usize,
    partisan: bool,
    revised: bool,
    bad_triple: bool,
    not_whole: bool,
    ambiguous_point: bool,
    unknown_reliability: bool,
    reliable: bool,
    admission: bool,
    vague_only: bool,
    related: bool,
}

/// The confidence summary of one reconciled figure.
///
/// | field | meaning |
/// |---|---|
/// | [`considered_count`](Summary::considered_count) | every claim, superseded ones included |
/// | [`claim_count`](Summary::claim_count) | counted claims (raw) |
/// | [`independent_count`](Summary::independent_count) | distinct originators of the counted claims |
/// | [`unaffiliated_count`](Summary::unaffiliated_count) | those of them that belong to no side |
/// | [`sides`](Summary::sides) | the sides the counted claims' speakers belong to |
/// | [`agreement`](Summary::agreement) | how much of the envelope the consensus covers, 0–1 |
/// | [`spread`](Summary::spread) | the reconciled high divided by the reconciled low |
/// | [`grade`](Summary::grade) | confirmed / fair / weak / contested, after Airwars |
/// | [`credibility`](Summary::credibility) | the Admiralty credibility (1–6) of the reconciled range |
/// | [`likelihood`](Summary::likelihood) | the ICD 203 word for the range |
/// | [`confidence`](Summary::confidence) | high / moderate / low, with [`reasons`](Summary::reasons) |
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Summary {
    basis: Basis,
    confidence: Confidence,
    /// [`Summary::spread`], a decimal division and a rounding: computed
    /// once, as the reasons and the report both read it. `reconcile --json`
    /// of 10^5 claims: 0.962 G -> 0.950 G instructions (callgrind).
    spread: Option<Decimal>,
}

/// What a summary is computed from: everything it says but its confidence,
/// which also weighs what the checks between figures found.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Basis {
    considered: usize,
    claims: usize,
    independent: usize,
    unaffiliated: usize,
    sides: Box<[Side]>,
    range: Option<Interval>,
    envelope: Option<Interval>,
    consensus: Option<Interval>,
    facts: Facts,
    grade: Grade,
    credibility: Credibility,
    likelihood: Option<Likelihood>,
}

/// What the counted claims of one originator show.
#[derive(Clone, Copy, Debug, Default)]
struct Originator {
    counted: bool,
    sided: bool,
    numeric: bool,
    anonymous: bool,
    supports: bool,
}

/// What the summary of one figure is computed from: its evidence, its
/// conflicts and the reconciled range.
pub(crate) fn basis(
    set: &EvidenceSet<'_>,
    conflicts: &[Conflict],
    range: Option<Interval>,
) -> Basis {
    // Collected inline, then boxed once: most figures have one or two.
    let mut sides: SmallVec<[Side; 2]> = SmallVec::new();
    let mut f = Facts {
        vague_only: true,
        unknown_reliability: true,
        ..Facts::default()
    };
    let mut credible_count = 0usize;
    let mut confirmed = false;
    let mut best_support: Option<Reliability> = None;
    let mut unaffiliated = 0;
    let mut support = 0;
    let mut against = 0;
    for run in set.by_originator() {
        let mut o = Originator::default();
        for &i in run.iter().filter(|&&i| set.is_counted(i)) {
            let e = set.get(i);
            o.counted = true;
            if let Some(s) = e.side() {
                o.sided = true;
                if !sides.contains(s) {
                    sides.push(s.clone());
                }
            }
            if e.is_unknown() {
                continue;
            }
            f.numeric += 1;
            o.numeric = true;
            o.anonymous |= e.kind() == Some(SourceKind::Anonymous);
            f.vague_only &= e.is_approximate();
            f.unknown_reliability &= e.reliability() == Reliability::F;
            f.reliable |= matches!(e.reliability(), Reliability::A | Reliability::B);
            if set.is_outlier(i) {
                f.outliers += 1;
            }
            if e.is_questionable() {
                f.questionable += 1;
                continue;
            }
            f.admission |= e.stake() == Stake::Own;
            confirmed |= e.stake() == Stake::Own || e.credibility() == Credibility::Confirmed;
            credible_count += 1;
            if range.is_some_and(|r| r.overlaps(&set.interval(i))) {
                o.supports = true;
                best_support =
                    Some(best_support.map_or(e.reliability(), |r| r.min(e.reliability())));
            }
        }
        if o.counted && !o.sided {
            unaffiliated += 1;
        }
        if o.numeric {
            f.independent_numeric += 1;
            if o.anonymous {
                f.anonymous += 1;
            }
            if o.supports {
                support += 1;
            } else if range.is_some() {
                against += 1;
            }
        }
    }
    // The consensus of the credible claims: the set's own when none is questionable.
    let credible: Option<Option<Interval>> = if credible_count == 0 {
        None
    } else if f.questionable == 0 {
        Some(set.consensus())
    } else {
        Some(
            set.numeric()
                .filter(|&i| !set.get(i).is_questionable())
                .map(|i| Some(set.bound(i)))
                .reduce(|a, b| a.and_then(|a| b.and_then(|b| a.intersection(&b))))
                .flatten(),
        )
    };
    if f.numeric == 0 {
        f.vague_only = false;
        f.unknown_reliability = false;
    }
    sides.sort_unstable();

    for c in conflicts {
        match c.kind() {
            ConflictKind::Disjoint => f.disjoint = true,
            ConflictKind::EmptyConsensus => f.empty = true,
            ConflictKind::PartisanOnly => f.partisan = true,
            ConflictKind::Revision => f.revised = true,
            ConflictKind::InvalidTriple => f.bad_triple = true,
            ConflictKind::NotWhole => f.not_whole = true,
            ConflictKind::AmbiguousPoint => f.ambiguous_point = true,
            _ => {}
        }
    }
    // Questionable claims were only set aside if something else remained.
    if f.questionable == f.numeric {
        f.questionable = 0;
    }

    let grade = match credible {
        Some(None) => Grade::Contested,
        _ if confirmed => Grade::Confirmed,
        Some(Some(_)) if credible_independent(set) >= 2 => Grade::Fair,
        _ => Grade::Weak,
    };
    let credibility = range_credibility(range, support, against, best_support);
    let likelihood = range.map(|_| match credibility {
        Credibility::Confirmed if support >= 3 => Likelihood::AlmostCertain,
        Credibility::Confirmed => Likelihood::VeryLikely,
        Credibility::Probable => Likelihood::Likely,
        Credibility::Doubtful => Likelihood::Unlikely,
        Credibility::Improbable => Likelihood::VeryUnlikely,
        _ => Likelihood::RoughlyEvenChance,
    });
    Basis {
        considered: set.len(),
        claims: set.counted_len(),
        independent: set.independent_count(),
        unaffiliated,
        sides: {
            let mut exact = Vec::with_capacity(sides.len());
            exact.extend(sides);
            exact.into_boxed_slice()
        },
        range,
        envelope: set.envelope(),
        consensus: set.consensus(),
        facts: f,
        grade,
        credibility,
        likelihood,
    }
}

impl Basis {
    /// The reconciled range.
    pub(crate) fn range(&self) -> Option<Interval> {
        self.range
    }

    /// The incident grade.
    pub(crate) fn grade(&self) -> Grade {
        self.grade
    }

    /// The confidence level the facts allow.
    fn level(&self) -> Confidence {
        let f = &self.facts;
        let weak = f.numeric == 0
            || (f.independent_numeric <= 1 && !f.reliable)
            || f.empty
            || f.partisan
            || (f.anonymous > 0 && f.anonymous == f.independent_numeric)
            || f.related
            || self.range.is_none();
        if weak {
            return Confidence::Low;
        }
        let many = f.independent_numeric >= 3 || (f.independent_numeric >= 2 && f.reliable);
        if many
            && !f.disjoint
            && f.outliers == 0
            && !f.bad_triple
            && !f.not_whole
            && !f.ambiguous_point
        {
            Confidence::High
        } else {
            Confidence::Moderate
        }
    }
}

/// Distinct originators among the counted, credible claims with a number.
fn credible_independent(set: &EvidenceSet<'_>) -> usize {
    let mut first: Option<usize> = None;
    for i in set.numeric() {
        if set.get(i).is_questionable() {
            continue;
        }
        let o = set.originator_index(i);
        match first {
            None => first = Some(o),
            Some(f) if f != o => return 2,
            _ => {}
        }
    }
    usize::from(first.is_some())
}

/// The Admiralty credibility of a range: from the independent sources whose
/// claims reach it (`support`) and those whose claims all miss it (`against`).
fn range_credibility(
    range: Option<Interval>,
    support: usize,
    against: usize,
    best: Option<Reliability>,
) -> Credibility {
    if range.is_none() || support == 0 {
        return Credibility::Unjudged;
    }
    let reliable = matches!(best, Some(Reliability::A | Reliability::B | Reliability::C));
    if support > against {
        if against == 0 && support >= 2 {
            if reliable {
                Credibility::Confirmed
            } else {
                Credibility::Probable
            }
        } else if against == 0 {
            match best {
                Some(Reliability::A | Reliability::B) => Credibility::Probable,
                Some(Reliability::C | Reliability::D) => Credibility::Possible,
                Some(Reliability::E) => Credibility::Doubtful,
                _ => Credibility::Unjudged,
            }
        } else {
            Credibility::Possible
        }
    } else if support == against {
        Credibility::Doubtful
    } else {
        Credibility::Improbable
    }
}

fn plus_one(x: Decimal) -> Decimal {
    x.checked_add(Decimal::ONE).unwrap_or(x)
}

/// How much of the envelope the consensus covers: the share of the
/// envelope's whole values that lie in the consensus, `(width + 1)` over
/// `(width + 1)`; when both are open above, the ratio of their low ends.
fn agreement(envelope: Option<Interval>, consensus: Option<Interval>) -> Option<Decimal> {
    let e = envelope?;
    let Some(c) = consensus.and_then(|c| c.intersection(&e)) else {
        return Some(Decimal::ZERO);
    };
    let ratio = match (c.width(), e.width()) {
        (Some(cw), Some(ew)) => plus_one(cw).checked_div(plus_one(ew)),
        (Some(_), None) => Some(Decimal::ZERO),
        (None, _) => plus_one(e.low()).checked_div(plus_one(c.low())),
    };
    Some(ratio.unwrap_or(Decimal::ZERO).round_dp(2).normalize())
}

/// The reconciled high divided by the reconciled low; `None` when the range
/// is open above or starts at zero.
fn spread(r: Interval) -> Option<Decimal> {
    let h = r.high()?;
    if r.low().is_zero() {
        return None;
    }
    hundredths(h, r.low())
}

impl Summary {
    /// The summary of a figure whose summary is computed from `basis`,
    /// and which contradicts a related figure when `related` holds.
    pub(crate) fn new(mut basis: Basis, related: bool) -> Summary {
        basis.facts.related = related;
        let confidence = basis.level();
        let spread = basis.range.and_then(spread);
        Summary {
            basis,
            confidence,
            spread,
        }
    }

    /// Every claim considered, superseded ones included.
    pub fn considered_count(&self) -> usize {
        self.basis.considered
    }

    /// The counted claims: the raw count, relays and re-reports included.
    ///
    /// ```
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    ///
    /// // Three outlets relaying Syrian state TV, and one monitor.
    /// let t: Tally = [
    ///     Evidence::new("c1", "sana", &"12".parse()?),
    ///     Evidence::new("c2", "sana", &"12".parse()?),
    ///     Evidence::new("c3", "sana", &"12".parse()?),
    ///     Evidence::new("c4", "sohr", &"15".parse()?),
    /// ].into_iter().collect();
    /// let s = Reconciler::new().finish("f".into(), t)?.summary().clone();
    /// assert_eq!((s.claim_count(), s.independent_count()), (4, 2));
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn claim_count(&self) -> usize {
        self.basis.claims
    }

    /// The distinct originators of the counted claims (see
    /// [`claim_count`](Summary::claim_count)).
    pub fn independent_count(&self) -> usize {
        self.basis.independent
    }

    /// The sides whose speakers made counted claims, in order.
    ///
    /// ```
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    /// use reckon::model::Side;
    ///
    /// let t: Tally = [
    ///     Evidence::new("c1", "army", &"40".parse()?).with_side(Side::new("government")),
    ///     Evidence::new("c2", "monitor", &"45".parse()?),
    /// ].into_iter().collect();
    /// let s = Reconciler::new().finish("f".into(), t)?.summary().clone();
    /// assert_eq!(s.sides(), [Side::new("government")]);
    /// assert_eq!(s.unaffiliated_count(), 1);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn sides(&self) -> &[Side] {
        &self.basis.sides
    }

    /// The originators of counted claims that belong to no side.
    pub fn unaffiliated_count(&self) -> usize {
        self.basis.unaffiliated
    }

    /// How much of the envelope the consensus covers, from 0 (no common
    /// value) to 1 (every claim says the same): the share of the envelope's
    /// whole values that every claim allows, `(consensus width + 1) /
    /// (envelope width + 1)`; when both are open above, the ratio of their
    /// low ends. `None` when no claim gives a number.
    ///
    /// ```
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    ///
    /// // Envelope [10, 29] (20 values), consensus [20, 29] (10 values).
    /// let t: Tally = [
    ///     Evidence::new("c1", "a", &"10–29".parse()?),
    ///     Evidence::new("c2", "b", &"20–29".parse()?),
    /// ].into_iter().collect();
    /// let s = Reconciler::new().finish("f".into(), t)?.summary().clone();
    /// assert_eq!(s.agreement().unwrap().to_string(), "0.5");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn agreement(&self) -> Option<Decimal> {
        agreement(self.envelope(), self.consensus())
    }

    /// The reconciled high divided by the reconciled low, to two places:
    /// 1 for a single value. `None` when the range is open above or starts
    /// at zero.
    ///
    /// ```
    /// use reckon::reconcile::policy::Envelope;
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    ///
    /// let t: Tally = [Evidence::new("c1", "a", &"50–170".parse()?)].into_iter().collect();
    /// let s = Reconciler::new().policy(Envelope).finish("f".into(), t)?.summary().clone();
    /// assert_eq!(s.spread().unwrap().to_string(), "3.4");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn spread(&self) -> Option<Decimal> {
        self.spread
    }

    /// The reconciled range (the policy's).
    pub(crate) fn range(&self) -> Option<Interval> {
        self.basis.range
    }

    /// The envelope of the counted claims.
    pub(crate) fn envelope(&self) -> Option<Interval> {
        self.basis.envelope
    }

    /// The consensus of the counted claims.
    pub(crate) fn consensus(&self) -> Option<Interval> {
        self.basis.consensus
    }

    /// The incident grade, after Airwars ([`Grade`]).
    pub fn grade(&self) -> Grade {
        self.basis.grade
    }

    /// The Admiralty credibility of the reconciled range, counting
    /// independent sources whose counted claims reach the range (support)
    /// and those whose claims all miss it (against):
    ///
    /// | grade | when |
    /// |---|---|
    /// | 1 confirmed | two or more support, none against, one of them graded A–C |
    /// | 2 probably true | two or more support, none against; or one source graded A/B |
    /// | 3 possibly true | more support than against; or one source graded C/D |
    /// | 4 doubtful | as many against as support; or one source graded E |
    /// | 5 improbable | more against than support |
    /// | 6 cannot be judged | no range, or one source of unknown reliability |
    ///
    /// ```
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    /// use reckon::model::Credibility;
    ///
    /// let t: Tally = [Evidence::new("c1", "a", &"12".parse()?)].into_iter().collect();
    /// let s = Reconciler::new().finish("f".into(), t)?.summary().clone();
    /// assert_eq!(s.credibility(), Credibility::Unjudged);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn credibility(&self) -> Credibility {
        self.basis.credibility
    }

    /// The ICD 203 word for how likely the figure lies in the reconciled
    /// range, from its credibility: 1 is *very likely* (*almost certain*
    /// with three or more supporting sources), 2 *likely*, 3 and 6 *roughly
    /// even chance*, 4 *unlikely*, 5 *very unlikely*. `None` without a range.
    pub fn likelihood(&self) -> Option<Likelihood> {
        self.basis.likelihood
    }

    /// The likelihood as a sentence, without any word of confidence:
    /// "The figure is likely between 50 and 170."
    ///
    /// ```
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    ///
    /// let t: Tally = [Evidence::new("c1", "a", &"more than 100".parse()?)].into_iter().collect();
    /// let s = Reconciler::new().finish("f".into(), t)?.summary().clone();
    /// assert_eq!(
    ///     s.likelihood_sentence().unwrap(),
    ///     "There is a roughly even chance that the figure is at least 101."
    /// );
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn likelihood_sentence(&self) -> Option<String> {
        self.sentence().map(|s| s.to_string())
    }

    /// The likelihood sentence as text to be written, without a `String`
    /// of its own: `reconcile --json` writes one per figure.
    pub(crate) fn sentence(&self) -> Option<Sentence> {
        Some(Sentence {
            likelihood: self.basis.likelihood?,
            range: self.range()?,
        })
    }

    /// How much the evidence supports the judgement: a separate axis from
    /// likelihood, explained by [`reasons`](Summary::reasons).
    ///
    /// ```
    /// use reckon::reconcile::confidence::Confidence;
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    ///
    /// // Three independent sources that all allow 42.
    /// let t: Tally = ["40–45", "42", "38–44"].iter().enumerate()
    ///     .map(|(i, v)| Evidence::new(format!("c{i}"), format!("s{i}"), &v.parse().unwrap()))
    ///     .collect();
    /// let s = Reconciler::new().finish("f".into(), t)?.summary().clone();
    /// assert_eq!(s.confidence(), Confidence::High);
    /// assert_eq!(s.reasons_text(), "three independent reports; no source of known reliability");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn confidence(&self) -> Confidence {
        self.confidence
    }

    /// The reasons behind the confidence level, in a fixed order.
    pub fn reasons(&self) -> Vec<Reason> {
        let f = &self.basis.facts;
        let mut r = Vec::with_capacity(4); // Most figures have a few.
        r.push(Reason::Reports {
            reports: f.numeric,
            independent: f.independent_numeric,
            disjoint: f.disjoint,
        });
        if f.empty {
            r.push(Reason::NoCommonValue);
        }
        if f.partisan {
            if let [side] = &self.basis.sides[..] {
                r.push(Reason::OneSide(side.clone()));
            }
        }
        if f.related {
            r.push(Reason::RelatedConflict);
        }
        if f.anonymous > 0 {
            r.push(Reason::Unattributed {
                count: f.anonymous,
                of: f.independent_numeric,
            });
        }
        if f.unknown_reliability {
            r.push(Reason::UnknownReliability);
        }
        if f.reliable {
            r.push(Reason::ReliableSource);
        }
        if f.admission {
            r.push(Reason::Admission);
        }
        if f.vague_only {
            r.push(Reason::VagueOnly);
        }
        if f.outliers > 0 {
            r.push(Reason::Outliers(f.outliers));
        }
        if f.questionable > 0 {
            r.push(Reason::Questionable(f.questionable));
        }
        if f.bad_triple {
            r.push(Reason::InvalidTriple);
        }
        if f.not_whole {
            r.push(Reason::NotWhole);
        }
        if f.ambiguous_point {
            r.push(Reason::AmbiguousPoint);
        }
        if let Some(x) = self.spread().filter(|x| *x >= Decimal::from(3)) {
            r.push(Reason::WideRange(x));
        }
        if f.revised {
            r.push(Reason::Revised);
        }
        r
    }

    /// The reasons, joined with "; ".
    pub fn reasons_text(&self) -> String {
        let mut s = String::new();
        for (i, r) in self.reasons().iter().enumerate() {
            if i > 0 {
                s.push_str("; ");
            }
            s.push_str(&r.to_string());
        }
        s
    }
}

/// The likelihood sentence of a summary ([`Summary::likelihood_sentence`]).
pub(crate) struct Sentence {
    pub(crate) likelihood: Likelihood,
    pub(crate) range: Interval,
}

impl fmt::Display for Sentence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_pieces(self, f)
    }
}

impl Pieces for Sentence {
    fn pieces<'a>(&'a self, mut all: impl FnMut(&[Piece<'a>])) {
        use Piece::{Number, Words};
        let r = self.range;
        all(&[Words(match self.likelihood {
            Likelihood::AlmostNoChance => "There is almost no chance that the figure is ",
            Likelihood::VeryUnlikely => "It is very unlikely that the figure is ",
            Likelihood::Unlikely => "It is unlikely that the figure is ",
            Likelihood::RoughlyEvenChance => "There is a roughly even chance that the figure is ",
            Likelihood::Likely => "The figure is likely ",
            Likelihood::VeryLikely => "The figure is very likely ",
            Likelihood::AlmostCertain => "The figure is almost certainly ",
        })]);
        match r.high() {
            Some(h) if h == r.low() => all(&[Number(h), Words(".")]),
            Some(h) => all(&[
                Words("between "),
                Number(r.low()),
                Words(" and "),
                Number(h),
                Words("."),
            ]),
            None => all(&[Words("at least "), Number(r.low()), Words(".")]),
        }
    }
}

/// `considered`, `raw_claims` (counted claims), `independent_sources`,
/// `unaffiliated_sources`, `sides`, `range`, `envelope`, `consensus`
/// (`[low, high]` or null), `agreement`, `spread` (decimal strings or null),
/// `grade`, `credibility` (the Admiralty number, 1–6), `likelihood` (the
/// sentence, or null), `likelihood_term` (`likely`, …, or null),
/// `confidence` and `reasons` (their phrases).
#[cfg(feature = "serde")]
impl serde::Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Summary", 16)?;
        st.serialize_field("considered", &self.considered_count())?;
        st.serialize_field("raw_claims", &self.claim_count())?;
        st.serialize_field("independent_sources", &self.independent_count())?;
        st.serialize_field("unaffiliated_sources", &self.unaffiliated_count())?;
        st.serialize_field("sides", &wire::Ids(self.sides()))?;
        st.serialize_field("range", &wire::iv(self.range()))?;
        st.serialize_field("envelope", &wire::iv(self.envelope()))?;
        st.serialize_field("consensus", &wire::iv(self.consensus()))?;
        st.serialize_field("agreement", &wire::dec(self.agreement()))?;
        st.serialize_field("spread", &wire::dec(self.spread()))?;
        st.serialize_field("grade", self.grade().as_str())?;
        st.serialize_field("credibility", &self.credibility().number())?;
        st.serialize_field("likelihood", &self.likelihood_sentence())?;
        st.serialize_field("likelihood_term", &self.likelihood().map(wire::Text))?;
        st.serialize_field("confidence", self.confidence().as_str())?;
        st.serialize_field("reasons", &wire::texts(self.reasons()))?;
        st.end()
    }
}
