//! One claim as reconciliation sees it: its value's intervals and point, and
//! what is known about who said it.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::{
    ClaimId, Credibility, Date, Form, Qualifier, Qualifiers, Reading, Reliability, Side, SourceId,
    Stake, TripleIssue, VagueTerm,
};
use crate::{Claim, Dossier, Estimate, Interval, Source, SourceKind};

/// The form of a value, without its numbers: what reconciliation needs to
/// know about how a figure was stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Shape {
    Exact,
    Range,
    AtLeast,
    MoreThan,
    AtMost,
    FewerThan,
    Approximately,
    Nearly,
    Vague,
    Unknown,
    Triple,
}

/// An inconsistent low/best/high triple, kept for the `invalid_triple` conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct BadTriple {
    pub(crate) issue: TripleIssue,
    pub(crate) low: Decimal,
    pub(crate) best: Decimal,
    pub(crate) high: Decimal,
}

/// What few claims have, kept apart from [`Evidence`] so that the
/// evidence of most claims is small: 104 bytes rather than 192, moved into
/// a figure's list, sorted there and copied into its finding.
/// `reconcile --json` of 10^5 claims on one thread: 769.5 M -> 761.7 M
/// instructions (callgrind); of 4.09 M claims on one core into a file,
/// no change in time that five alternating runs could tell.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
struct Rare {
    side: Option<Side>,
    supersedes: Option<ClaimId>,
    vague: Option<Arc<VagueTerm>>,
    triple: Option<BadTriple>,
    /// A stated number with a fractional part ([`Estimate::fraction`]).
    fraction: Option<Decimal>,
    /// A stated number whose point may separate thousands
    /// ([`Estimate::ambiguous_point`]).
    ambiguous_point: Option<Decimal>,
    reported: Option<Date>,
}

/// One claim as reconciliation sees it: the claim's id, its value (interval,
/// best value, form), and what is known about its speaker — the
/// **originator** (the end of the source's `relays` chain, on which
/// independence is judged), the speaker's side, the Admiralty grades, the
/// speaker's [`Stake`] — plus the report date, the claim it revises and
/// the qualifiers its text gives it ("confirmed", "reportedly").
///
/// Built from a dossier with [`Evidence::of`], or from parts with
/// [`Evidence::new`] when the claims come from elsewhere (a table, a stream).
/// Evidence is what a [`Tally`](crate::reconcile::Tally) collects.
///
/// ```
/// use reckon::reconcile::Evidence;
/// use reckon::model::{Reliability, Stake};
///
/// let e = Evidence::new("c1", "hezbollah", &"2".parse()?)
///     .with_stake(Stake::Own)
///     .with_reliability(Reliability::C);
/// assert_eq!(e.interval().to_string(), "[2, 2]");
/// assert_eq!(e.originator().as_str(), "hezbollah");
/// // An admission against interest is read as a floor: at least 2.
/// assert_eq!(e.bound(Default::default()).to_string(), "[2, ∞)");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Evidence {
    claim: ClaimId,
    originator: SourceId,
    interval: Interval,
    best: Option<Decimal>,
    /// What few claims have; `None` when it would all be `None`, so that
    /// two equal evidences are equal field by field.
    rare: Option<Box<Rare>>,
    shape: Shape,
    reliability: Reliability,
    credibility: Credibility,
    stake: Stake,
    kind: Option<SourceKind>,
    qualifiers: Qualifiers,
}

impl Evidence {
    /// Evidence for claim `claim` by `originator`, of value `value`; no side,
    /// reliability `F`, credibility 6, neutral stake, no kind of source, no
    /// date and no revision link.
    pub fn new(
        claim: impl Into<ClaimId>,
        originator: impl Into<SourceId>,
        value: &Estimate,
    ) -> Self {
        Evidence::build(claim.into(), originator.into(), value, value.interval())
    }

    /// Evidence with every field set at once, its value's interval already
    /// computed: one write of the record instead of a chain of moves.
    fn build(claim: ClaimId, originator: SourceId, value: &Estimate, interval: Interval) -> Self {
        let (shape, vague, triple) = match value.form() {
            Form::Exact(_) => (Shape::Exact, None, None),
            Form::Range { .. } | Form::Between { .. } => (Shape::Range, None, None),
            Form::AtLeast(_) => (Shape::AtLeast, None, None),
            Form::MoreThan(_) => (Shape::MoreThan, None, None),
            Form::AtMost(_) => (Shape::AtMost, None, None),
            Form::FewerThan(_) => (Shape::FewerThan, None, None),
            Form::Approximately { .. } => (Shape::Approximately, None, None),
            Form::Nearly { .. } => (Shape::Nearly, None, None),
            Form::Vague(term) => (Shape::Vague, Some(term.clone()), None),
            Form::Unknown => (Shape::Unknown, None, None),
            Form::Triple { low, best, high } => (
                Shape::Triple,
                None,
                value.triple_issue().map(|issue| BadTriple {
                    issue,
                    low: *low,
                    best: *best,
                    high: *high,
                }),
            ),
        };
        let (fraction, ambiguous_point) = (value.fraction(), value.ambiguous_point());
        let rare = (vague.is_some()
            || triple.is_some()
            || fraction.is_some()
            || ambiguous_point.is_some())
        .then(|| {
            Box::new(Rare {
                vague,
                triple,
                fraction,
                ambiguous_point,
                ..Rare::default()
            })
        });
        Evidence::read(claim, originator, interval, value.best(), shape, rare)
    }

    /// Evidence of a value already read (its interval, best value, shape and
    /// what few claims have), graded as [`Evidence::new`] grades it.
    fn read(
        claim: ClaimId,
        originator: SourceId,
        interval: Interval,
        best: Option<Decimal>,
        shape: Shape,
        rare: Option<Box<Rare>>,
    ) -> Self {
        Evidence {
            claim,
            originator,
            interval,
            best,
            rare,
            shape,
            reliability: Reliability::F,
            credibility: Credibility::Unjudged,
            stake: Stake::Neutral,
            kind: None,
            qualifiers: Qualifiers::NONE,
        }
    }

    /// The evidence of a dossier's `claim`, its value's `interval` already
    /// computed, with the claim's details and the `speaker`'s: what
    /// [`Evidence::of`] gives, built in place.
    pub(crate) fn of_claim(
        claim: &Claim,
        originator: SourceId,
        speaker: Option<&Source>,
        stake: Stake,
        interval: Interval,
    ) -> Self {
        let mut e = Evidence::build(claim.id().clone(), originator, claim.value(), interval);
        if let Some(date) = claim.reported() {
            e.rare_mut().reported = Some(date);
        }
        e.credibility = claim.credibility();
        e.qualifiers = claim.qualifiers();
        if let Some(earlier) = claim.supersedes() {
            e.rare_mut().supersedes = Some(earlier.clone());
        }
        if let Some(s) = speaker {
            if let Some(side) = s.side() {
                e.rare_mut().side = Some(side.clone());
            }
            e.kind = Some(s.kind());
            e.reliability = s.reliability();
        }
        e.stake = stake;
        e
    }

    /// The evidence of a claims-table row that gives only its figure,
    /// source and value: what [`Evidence::of_claim`] gives for the claim
    /// and source such a row makes (a source of kind `unspecified`,
    /// reliability `F`, no side; a neutral stake), without building them.
    #[cfg(feature = "serde")]
    pub(crate) fn of_row(
        claim: ClaimId,
        source: SourceId,
        value: &Estimate,
        interval: Interval,
    ) -> Self {
        let mut e = Evidence::build(claim, source, value, interval);
        e.kind = Some(SourceKind::Unspecified);
        e
    }

    /// [`Evidence::of_row`] for a row whose value is the exact whole number
    /// `n`, without an [`Estimate`] built to be read: its interval is `n`
    /// alone, its best value `n`, and it states no fraction and no
    /// ambiguous point. A test holds the two to the same evidence.
    /// `reconcile --json` of 10^5 claims on one thread: 740.9 M -> 726.2 M
    /// instructions (callgrind).
    #[cfg(feature = "serde")]
    pub(crate) fn of_whole_row(claim: ClaimId, source: SourceId, n: Decimal) -> Self {
        let interval = Interval::from_parts(n, Some(n));
        let mut e = Evidence::read(claim, source, interval, Some(n), Shape::Exact, None);
        e.kind = Some(SourceKind::Unspecified);
        e
    }

    /// The evidence of `claim` in `dossier`: its originator
    /// ([`Dossier::originator`]), the originator's side, kind and
    /// reliability (the outlet's when the originator is not in the
    /// dossier), the stake ([`Dossier::stake`]), and the interval for the
    /// figure's unit ([`Estimate::interval_for`](crate::Estimate::interval_for)),
    /// as the reconciler reads it.
    ///
    /// ```
    /// use reckon::reconcile::Evidence;
    /// use reckon::{Claim, Dossier, Figure, Measure, Scope, Source, SourceKind};
    ///
    /// let mut d = Dossier::new();
    /// d.add_source(Source::new("sana", "Syrian state TV", SourceKind::StateMedia));
    /// d.add_source(Source::new("outlet", "a news site", SourceKind::Media).relaying("sana"));
    /// d.add_figure(Figure::new("f", "killed", Scope::new(Measure::Killed)));
    /// let c = Claim::new("c1", "f", "outlet", "12".parse()?);
    /// assert_eq!(Evidence::of(&d, &c).originator().as_str(), "sana");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn of(dossier: &Dossier, claim: &Claim) -> Self {
        let outlet = dossier.source(claim.source());
        let originator = dossier.originator(claim.source());
        let speaker = dossier.source(originator).or(outlet);
        Evidence::of_claim(
            claim,
            originator.clone(),
            speaker,
            dossier.stake(claim),
            match dossier.figure(claim.figure()) {
                Some(f) => claim.value().interval_for(f.scope().unit()),
                None => claim.value().interval(),
            },
        )
    }

    /// This evidence, from a speaker on `side`.
    #[must_use]
    pub fn with_side(mut self, side: Side) -> Self {
        self.rare_mut().side = Some(side);
        self
    }

    /// This evidence, from a speaker graded `reliability`.
    #[must_use]
    pub fn with_reliability(mut self, reliability: Reliability) -> Self {
        self.reliability = reliability;
        self
    }

    /// This evidence, its information graded `credibility`.
    #[must_use]
    pub fn with_credibility(mut self, credibility: Credibility) -> Self {
        self.credibility = credibility;
        self
    }

    /// This evidence, with the speaker's `stake`.
    #[must_use]
    pub fn with_stake(mut self, stake: Stake) -> Self {
        self.stake = stake;
        self
    }

    /// This evidence, from a speaker of `kind`.
    #[must_use]
    pub fn with_kind(mut self, kind: SourceKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// This evidence, reported on `date`.
    #[must_use]
    pub fn with_reported(mut self, date: Date) -> Self {
        self.rare_mut().reported = Some(date);
        self
    }

    /// This evidence, a revision of claim `earlier`.
    #[must_use]
    pub fn superseding(mut self, earlier: impl Into<ClaimId>) -> Self {
        self.rare_mut().supersedes = Some(earlier.into());
        self
    }

    /// This evidence, marked confirmed by its text ("Hezbollah sources confirmed").
    #[must_use]
    pub fn confirmed(self) -> Self {
        self.with_qualifier(Qualifier::Confirmed)
    }

    /// This evidence, with `qualifier` among the words its text hedges or
    /// vouches for it with ("reportedly", "estimated", "confirmed").
    ///
    /// ```
    /// use reckon::reconcile::Evidence;
    /// use reckon::model::Qualifier;
    ///
    /// let e = Evidence::new("c1", "monitor", &"40".parse()?)
    ///     .with_qualifier(Qualifier::Reportedly)
    ///     .with_qualifier(Qualifier::Estimated);
    /// assert!(e.qualifiers().contains(Qualifier::Reportedly));
    /// assert!(!e.is_confirmed());
    /// # Ok::<(), reckon::Error>(())
    /// ```
    #[must_use]
    pub fn with_qualifier(mut self, qualifier: Qualifier) -> Self {
        self.qualifiers = self.qualifiers.with(qualifier);
        self
    }

    /// What few claims have, made when a first part of it is set.
    fn rare_mut(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Box::default)
    }

    /// What few claims have, if this one has any of it.
    fn rare(&self) -> Option<&Rare> {
        self.rare.as_deref()
    }

    /// The claim's id.
    pub fn claim(&self) -> &ClaimId {
        &self.claim
    }

    /// The originator: whose word this is, after following relays.
    pub fn originator(&self) -> &SourceId {
        &self.originator
    }

    /// The speaker's side, if it has one.
    pub fn side(&self) -> Option<&Side> {
        self.rare().and_then(|r| r.side.as_ref())
    }

    /// The claim this one revises.
    pub fn supersedes(&self) -> Option<&ClaimId> {
        self.rare().and_then(|r| r.supersedes.as_ref())
    }

    /// The interval of the value, vague words read strictly.
    pub fn interval(&self) -> Interval {
        self.interval
    }

    /// The interval under a reading of vague words and round numbers.
    pub fn interval_read(&self, reading: Reading) -> Interval {
        match (self.rare().and_then(|r| r.vague.as_ref()), reading) {
            (Some(term), Reading::Lenient | Reading::Rounded) => term.lenient(),
            (None, Reading::Rounded) if self.shape == Shape::Exact => {
                crate::model::rounded(self.interval.low())
            }
            _ => self.interval,
        }
    }

    /// What the claim proves once the speaker's stake is allowed for (the
    /// stake model of [`policy`](crate::reconcile::policy)): a neutral claim as
    /// stated; a side's count of its **own** losses as a floor, `[low, ∞)`
    /// (an admission against interest: the figure is at least that); a
    /// side's count of its **enemy's** losses as a ceiling, `[0, high]`
    /// (the speaker tends to report them high).
    pub fn bound(&self, reading: Reading) -> Interval {
        let i = self.interval_read(reading);
        match self.stake {
            Stake::Own => Interval::from_parts(i.low(), None),
            Stake::Enemy => Interval::from_parts(Decimal::ZERO, i.high()),
            _ => i,
        }
    }

    /// The stated best value: an exact figure, an approximation's centre, a
    /// triple's best, a vague word's conventional point.
    pub fn best(&self) -> Option<Decimal> {
        self.best
    }

    /// The value that stands for the claim in a weighted estimate: the best
    /// value when stated, else the midpoint of a bounded interval (the
    /// convention of Arnold's civil-war battle data), else the low end of an
    /// open one ("more than 100" stands for 101); always within the
    /// interval under `reading`, so a vague word's conventional point, which
    /// lies below its strict reading, is raised to it ("dozens" stands for 12
    /// leniently, 24 strictly). `None` for "unknown".
    pub fn point(&self, reading: Reading) -> Option<Decimal> {
        if self.shape == Shape::Unknown {
            return None;
        }
        let i = self.interval_read(reading);
        Some(match (self.best, i.high()) {
            (Some(b), _) => i.nearest(b),
            // The midpoint: a sum of whole numbers halved is exact, and
            // lies in the interval already. Written as few digits as it
            // needs: 110, not the product's 110.0.
            (None, Some(h)) => match i
                .low()
                .checked_add(h)
                .and_then(|sum| sum.checked_mul(Decimal::new(5, 1)))
            {
                Some(mid) => mid.normalize(),
                None => i.nearest(i.midpoint().unwrap_or(i.low())),
            },
            (None, None) => i.low(),
        })
    }

    /// The figure a conservative coder records for the claim (ACLED): the
    /// number stated for an exact or approximate figure, the conventional
    /// point of a vague word ("dozens" is 12), the low end of a range, a
    /// triple or a lower bound. `None` when the claim gives no lower figure:
    /// an upper bound only ("up to 30") or "unknown".
    pub fn conservative(&self, reading: Reading) -> Option<Decimal> {
        match self.shape {
            Shape::Exact | Shape::Approximately | Shape::Vague => {
                self.best.or(Some(self.interval_read(reading).low()))
            }
            Shape::AtMost | Shape::FewerThan | Shape::Unknown => None,
            _ => Some(self.interval_read(reading).low()),
        }
    }

    /// Whether the claim gives no number ("unknown").
    pub fn is_unknown(&self) -> bool {
        self.shape == Shape::Unknown
    }

    /// Whether the figure was hedged: approximate, "nearly", or a vague word.
    pub fn is_approximate(&self) -> bool {
        matches!(
            self.shape,
            Shape::Approximately | Shape::Nearly | Shape::Vague
        )
    }

    /// What is wrong with the claim's triple, if it is an inconsistent one.
    pub fn triple_issue(&self) -> Option<TripleIssue> {
        self.bad_triple().map(|t| t.issue)
    }

    pub(crate) fn bad_triple(&self) -> Option<&BadTriple> {
        self.rare().and_then(|r| r.triple.as_ref())
    }

    /// The first number the claim states with a fractional part, if any
    /// ([`Estimate::fraction`]): for a figure that counts whole things, the
    /// `not_whole` conflict.
    pub fn fraction(&self) -> Option<Decimal> {
        self.rare().and_then(|r| r.fraction)
    }

    /// The first number the claim states with a point that may separate
    /// thousands (`12.000`), if any ([`Estimate::ambiguous_point`]): for a
    /// figure that counts whole things, the `ambiguous_point` conflict.
    pub fn ambiguous_point(&self) -> Option<Decimal> {
        self.rare().and_then(|r| r.ambiguous_point)
    }

    /// When it was reported.
    pub fn reported(&self) -> Option<Date> {
        self.rare().and_then(|r| r.reported)
    }

    /// The speaker's Admiralty reliability.
    pub fn reliability(&self) -> Reliability {
        self.reliability
    }

    /// The information's Admiralty credibility.
    pub fn credibility(&self) -> Credibility {
        self.credibility
    }

    /// The speaker's stake.
    pub fn stake(&self) -> Stake {
        self.stake
    }

    /// The kind of speaker, when known.
    pub fn kind(&self) -> Option<SourceKind> {
        self.kind
    }

    /// Whether the text says the figure was confirmed.
    pub fn is_confirmed(&self) -> bool {
        self.qualifiers.contains(Qualifier::Confirmed)
    }

    /// Every qualifier of the claim: confirmed, claimed, reportedly, estimated.
    pub fn qualifiers(&self) -> Qualifiers {
        self.qualifiers
    }

    /// Whether the claim is questionable (GTD's word): its information is
    /// graded doubtful or improbable (credibility 4 or 5), or its speaker
    /// unreliable (`E`). "Cannot be judged" (`F`, `6`) is not questionable.
    pub fn is_questionable(&self) -> bool {
        matches!(
            self.credibility,
            Credibility::Doubtful | Credibility::Improbable
        ) || self.reliability == Reliability::E
    }

    /// The claim's weight before independence is allowed for: reliability ×
    /// credibility × stake, each factor in `(0, 1]`.
    ///
    /// | reliability | A | B | C | D | E | F |
    /// |---|---|---|---|---|---|---|
    /// | factor | 1 | 0.8 | 0.6 | 0.4 | 0.2 | 0.5 |
    ///
    /// Credibility 1–5 weighs like A–E and 6 ("cannot be judged") like F:
    /// unknown is not bad. A partisan claim (own or enemy stake) weighs ½.
    /// Weights are measures of trust, not figures: they are `f64`.
    pub fn weight(&self) -> f64 {
        let r = match self.reliability {
            Reliability::A => 1.0,
            Reliability::B => 0.8,
            Reliability::C => 0.6,
            Reliability::D => 0.4,
            Reliability::E => 0.2,
            _ => 0.5,
        };
        let c = match self.credibility {
            Credibility::Confirmed => 1.0,
            Credibility::Probable => 0.8,
            Credibility::Possible => 0.6,
            Credibility::Doubtful => 0.4,
            Credibility::Improbable => 0.2,
            _ => 0.5,
        };
        let s = match self.stake {
            Stake::Neutral => 1.0,
            _ => 0.5,
        };
        r * c * s
    }

    /// A total order used to make results independent of the order claims
    /// arrive in: by interval, then claim id, then every other field.
    pub(crate) fn order(a: &Evidence, b: &Evidence) -> std::cmp::Ordering {
        a.interval
            .cmp(&b.interval)
            .then_with(|| a.claim.cmp(&b.claim))
            .then_with(|| a.originator.cmp(&b.originator))
            .then_with(|| a.best.cmp(&b.best))
            .then_with(|| a.shape.cmp(&b.shape))
            .then_with(|| a.reported().cmp(&b.reported()))
            .then_with(|| a.reliability.cmp(&b.reliability))
            .then_with(|| a.credibility.cmp(&b.credibility))
            .then_with(|| stake_rank(a.stake).cmp(&stake_rank(b.stake)))
            .then_with(|| a.side().cmp(&b.side()))
            .then_with(|| a.supersedes().cmp(&b.supersedes()))
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| a.qualifiers.iter().cmp(b.qualifiers.iter()))
            .then_with(|| {
                let va = a.rare().and_then(|r| r.vague.as_ref());
                va.cmp(&b.rare().and_then(|r| r.vague.as_ref()))
            })
            .then_with(|| {
                a.bad_triple()
                    .map(|t| (t.low, t.best, t.high))
                    .cmp(&b.bad_triple().map(|t| (t.low, t.best, t.high)))
            })
    }
}

fn stake_rank(s: Stake) -> u8 {
    match s {
        Stake::Own => 0,
        Stake::Enemy => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Figure, Lexicon, Measure, Scope};

    fn ev(v: &str) -> Evidence {
        Evidence::new("c", "s", &v.parse().unwrap())
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_whole_rows_evidence_is_the_rows() {
        for text in ["0", "7", "4294967296", "79228162514264337593543950335"] {
            let n: Decimal = text.parse().unwrap();
            let value = Estimate::exact(n).unwrap();
            let row = || (ClaimId::from("L2"), SourceId::from("s"));
            let slow = Evidence::of_row(row().0, row().1, &value, value.interval());
            assert_eq!(Evidence::of_whole_row(row().0, row().1, n), slow, "{text}");
        }
    }

    #[test]
    fn most_evidence_is_small_and_keeps_nothing_apart() {
        assert!(std::mem::size_of::<Evidence>() <= 104);
        let e = Evidence::new("c", "s", &"40".parse().unwrap());
        assert!(e.rare.is_none());
        let e = e
            .with_reliability(Reliability::A)
            .with_kind(SourceKind::Media);
        assert!(e.rare.is_none());
        // Set once, what is kept apart is there to compare.
        let d = Evidence::new("c", "s", &"40".parse().unwrap()).superseding("c0");
        assert!(d.rare.is_some());
        assert_ne!(Evidence::new("c", "s", &"40".parse().unwrap()), d);
    }

    #[test]
    fn points_follow_the_stated_form() {
        let r = Reading::Strict;
        // A range stands for its midpoint (Arnold), an open bound for its low end.
        assert_eq!(ev("50–170").point(r), Some(110.into()));
        // Written as the policies that take it write it: `110`, not `110.0`.
        let mid = |v: &str| ev(v).point(r).map(|p| p.to_string());
        assert_eq!(mid("50–170").as_deref(), Some("110"));
        assert_eq!(mid("7–10").as_deref(), Some("8.5"));
        assert_eq!(mid("0.10–0.20").as_deref(), Some("0.15"));
        assert_eq!(ev(">100").point(r), Some(101.into()));
        assert_eq!(ev("200").point(r), Some(200.into()));
        assert_eq!(ev("unknown").point(r), None);
        let dozens = Evidence::new("c", "s", &Lexicon::english().read("dozens").unwrap());
        assert_eq!(dozens.point(Reading::Strict), Some(24.into()));
        assert_eq!(dozens.point(Reading::Lenient), Some(12.into()));
        // ACLED's conservative coding: dozens is 12, a range its low end.
        assert_eq!(ev("dozens").conservative(r), Some(12.into()));
        assert_eq!(ev("50–170").conservative(r), Some(50.into()));
        assert_eq!(ev("~1000").conservative(r), Some(1000.into()));
        assert_eq!(ev("<=30").conservative(r), None);
    }

    #[test]
    fn lenient_reading_changes_only_vague_words() {
        let dozens = Evidence::new("c", "s", &Lexicon::english().read("dozens").unwrap());
        assert_eq!(
            dozens.interval_read(Reading::Lenient).to_string(),
            "[12, 119]"
        );
        assert_eq!(
            dozens.interval_read(Reading::Strict).to_string(),
            "[24, 119]"
        );
        assert_eq!(
            ev("50–170").interval_read(Reading::Lenient).to_string(),
            "[50, 170]"
        );
    }

    #[test]
    fn stake_turns_claims_into_bounds() {
        let own = ev("2").with_stake(Stake::Own);
        let enemy = ev("15").with_stake(Stake::Enemy);
        assert_eq!(own.bound(Reading::Strict).to_string(), "[2, ∞)");
        assert_eq!(enemy.bound(Reading::Strict).to_string(), "[0, 15]");
        assert_eq!(ev("7–11").bound(Reading::Strict).to_string(), "[7, 11]");
    }

    #[test]
    fn weights_multiply_grades_and_stake() {
        let e = ev("5")
            .with_reliability(Reliability::B)
            .with_credibility(Credibility::Probable);
        assert!((e.weight() - 0.64).abs() < 1e-12);
        assert!((ev("5").weight() - 0.25).abs() < 1e-12);
        assert!((ev("5").with_stake(Stake::Enemy).weight() - 0.125).abs() < 1e-12);
        assert!(
            ev("5")
                .with_credibility(Credibility::Doubtful)
                .is_questionable()
        );
        assert!(!ev("5").is_questionable());
    }

    #[test]
    fn evidence_of_a_claim_follows_relays() {
        let gov = Side::new("government");
        let mut d = Dossier::new();
        d.add_source(
            Source::new("hez", "Hezbollah sources", SourceKind::Belligerent)
                .with_side(gov.clone())
                .with_reliability(Reliability::C),
        );
        d.add_source(Source::new("tv", "al-Manar", SourceKind::Media).relaying("hez"));
        d.add_figure(Figure::new(
            "f",
            "Hezbollah dead",
            Scope::new(Measure::Killed).with_party("Hezbollah", Some(gov.clone())),
        ));
        let c = Claim::new("c1", "f", "tv", "2".parse().unwrap())
            .with_qualifier(Qualifier::Confirmed)
            .superseding("c0");
        let e = Evidence::of(&d, &c);
        assert_eq!(e.originator().as_str(), "hez");
        assert_eq!(e.side(), Some(&gov));
        assert_eq!(e.reliability(), Reliability::C);
        assert_eq!(e.kind(), Some(SourceKind::Belligerent));
        assert_eq!(e.stake(), Stake::Own);
        assert!(e.is_confirmed());
        assert_eq!(e.qualifiers(), Qualifiers::from(Qualifier::Confirmed));
        assert_eq!(e.supersedes().map(ClaimId::as_str), Some("c0"));
    }
}
