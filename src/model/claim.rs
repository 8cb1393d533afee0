//! Claims: one source's statement of one figure's value.

use std::fmt;

use crate::model::names::worded_enum;
use crate::model::{ClaimId, Date, FigureId, Side, SourceId};
use crate::{Estimate, Unit};

worded_enum!(
    /// The speaker's stake in a figure ([design notes §2](crate::design)): a side tends to report its
    /// own losses low and its enemy's high.
    ///
    /// Derived from the source's side and the counted party's side by
    /// [`Dossier::stake`](crate::Dossier::stake), unless a claim overrides it.
    Stake, "a stake" {
        /// The speaker counts its own side's losses.
        Own = "own",
        /// The speaker counts the enemy's losses.
        Enemy = "enemy",
        /// The speaker is not a party, or the stake is not known.
        Neutral = "neutral",
    }
);

worded_enum!(
    /// A hedge or confirmation the text attaches to a claim.
    Qualifier, "a qualifier" {
        /// "it was confirmed", "Hezbollah sources confirmed".
        Confirmed = "confirmed",
        /// "claimed", "said".
        Claimed = "claimed",
        /// "reportedly", "according to reports".
        Reportedly = "reportedly",
        /// "estimated".
        Estimated = "estimated",
    }
);

/// A set of [`Qualifier`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Qualifiers(u8);

impl Qualifiers {
    /// No qualifier.
    pub const NONE: Qualifiers = Qualifiers(0);

    fn bit(q: Qualifier) -> u8 {
        1 << (q as u8)
    }

    /// This set with `q` added.
    #[must_use]
    pub fn with(self, q: Qualifier) -> Self {
        Qualifiers(self.0 | Qualifiers::bit(q))
    }

    /// Whether `q` is in the set.
    pub fn contains(&self, q: Qualifier) -> bool {
        self.0 & Qualifiers::bit(q) != 0
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The qualifiers in the set, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = Qualifier> + '_ {
        Qualifier::ALL.iter().copied().filter(|q| self.contains(*q))
    }
}

impl FromIterator<Qualifier> for Qualifiers {
    fn from_iter<I: IntoIterator<Item = Qualifier>>(iter: I) -> Self {
        iter.into_iter().fold(Qualifiers::NONE, Qualifiers::with)
    }
}

impl From<Qualifier> for Qualifiers {
    fn from(q: Qualifier) -> Self {
        Qualifiers::NONE.with(q)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Qualifiers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Qualifiers {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Vec::<Qualifier>::deserialize(d)?.into_iter().collect())
    }
}

worded_enum!(
    /// How credible a claim's information is, on the NATO Admiralty scale
    /// (1–6). `6` ("cannot be judged") is the default. Orders from `1` (best).
    Credibility, "a credibility grade 1-6" {
        /// Confirmed by independent sources.
        Confirmed = "1",
        /// Probably true.
        Probable = "2",
        /// Possibly true.
        Possible = "3",
        /// Doubtful.
        Doubtful = "4",
        /// Improbable.
        Improbable = "5",
        /// Truth cannot be judged.
        Unjudged = "6",
    }
);

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for Credibility {
    fn default() -> Self {
        Credibility::Unjudged
    }
}

impl Credibility {
    /// The grade as a number, 1–6.
    pub fn number(&self) -> u8 {
        *self as u8 + 1
    }

    /// The grade numbered `n` (1–6).
    pub fn from_number(n: u8) -> Option<Self> {
        Credibility::ALL
            .get(usize::from(n).checked_sub(1)?)
            .copied()
    }

    /// What the grade means, in the Admiralty code's words.
    pub fn meaning(&self) -> &'static str {
        match self {
            Credibility::Confirmed => "confirmed by independent sources",
            Credibility::Probable => "probably true",
            Credibility::Possible => "possibly true",
            Credibility::Doubtful => "doubtful",
            Credibility::Improbable => "improbable",
            Credibility::Unjudged => "truth cannot be judged",
        }
    }
}

/// One source's statement of one figure's value. Claims are never
/// overwritten: a revision is a new claim that [supersedes](Claim::supersedes)
/// the old one, which is kept.
///
/// ```
/// use reckon::Claim;
/// use reckon::model::Qualifier;
///
/// let c = Claim::new("c1", "jobeh-rebels-killed", "article", "50–170".parse()?)
///     .with_reported("2014-08-02".parse()?)
///     .with_qualifier(Qualifier::Confirmed)
///     .with_quote("50–170 rebels and 7–11 government fighters ... were killed");
/// assert_eq!(c.value().to_string(), "50–170");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Claim {
    id: ClaimId,
    figure: FigureId,
    source: SourceId,
    value: Estimate,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    reported: Option<Date>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    stake: Option<Stake>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Qualifiers::is_empty")
    )]
    qualifiers: Qualifiers,
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_unjudged"))]
    credibility: Credibility,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    unit: Option<Unit>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    quote: Option<Box<str>>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    supersedes: Option<ClaimId>,
}

#[cfg(feature = "serde")]
fn is_unjudged(c: &Credibility) -> bool {
    *c == Credibility::Unjudged
}

impl Claim {
    /// A claim with no date, derived stake, no qualifiers, credibility 6,
    /// the figure's unit, no quote and no revision link.
    pub fn new(
        id: impl Into<ClaimId>,
        figure: impl Into<FigureId>,
        source: impl Into<SourceId>,
        value: Estimate,
    ) -> Self {
        Claim {
            id: id.into(),
            figure: figure.into(),
            source: source.into(),
            value,
            reported: None,
            stake: None,
            qualifiers: Qualifiers::NONE,
            credibility: Credibility::Unjudged,
            unit: None,
            quote: None,
            supersedes: None,
        }
    }

    /// This claim, reported on `date`.
    #[must_use]
    pub fn with_reported(mut self, date: Date) -> Self {
        self.reported = Some(date);
        self
    }

    /// This claim, with its stake set by hand rather than derived.
    #[must_use]
    pub fn with_stake(mut self, stake: Stake) -> Self {
        self.stake = Some(stake);
        self
    }

    /// This claim, with `q` added to its qualifiers.
    #[must_use]
    pub fn with_qualifier(mut self, q: Qualifier) -> Self {
        self.qualifiers = self.qualifiers.with(q);
        self
    }

    /// This claim, graded `credibility`.
    #[must_use]
    pub fn with_credibility(mut self, credibility: Credibility) -> Self {
        self.credibility = credibility;
        self
    }

    /// This claim, stated in `unit` (checked against the figure's unit).
    #[must_use]
    pub fn with_unit(mut self, unit: Unit) -> Self {
        self.unit = Some(unit);
        self
    }

    /// This claim, with the words of the source.
    #[must_use]
    pub fn with_quote(mut self, quote: &str) -> Self {
        self.quote = Some(quote.into());
        self
    }

    /// This claim, a revision of `earlier` (which is kept).
    #[must_use]
    pub fn superseding(mut self, earlier: impl Into<ClaimId>) -> Self {
        self.supersedes = Some(earlier.into());
        self
    }

    /// The id.
    pub fn id(&self) -> &ClaimId {
        &self.id
    }

    /// The figure claimed.
    pub fn figure(&self) -> &FigureId {
        &self.figure
    }

    /// Who claims it.
    pub fn source(&self) -> &SourceId {
        &self.source
    }

    /// The value claimed.
    pub fn value(&self) -> &Estimate {
        &self.value
    }

    /// When it was reported, if known.
    pub fn reported(&self) -> Option<Date> {
        self.reported
    }

    /// The stake set by hand, if any (see [`Dossier::stake`](crate::Dossier::stake)).
    pub fn stake_override(&self) -> Option<Stake> {
        self.stake
    }

    /// The qualifiers.
    pub fn qualifiers(&self) -> Qualifiers {
        self.qualifiers
    }

    /// The Admiralty credibility of the information.
    pub fn credibility(&self) -> Credibility {
        self.credibility
    }

    /// The unit the claim was stated in, when given.
    pub fn unit(&self) -> Option<&Unit> {
        self.unit.as_ref()
    }

    /// The source's words.
    pub fn quote(&self) -> Option<&str> {
        self.quote.as_deref()
    }

    /// The earlier claim this one revises.
    pub fn supersedes(&self) -> Option<&ClaimId> {
        self.supersedes.as_ref()
    }
}

impl fmt::Display for Claim {
    /// `c1: jobeh-rebels-killed = 50–170 (article)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} = {} ({})",
            self.id, self.figure, self.value, self.source
        )
    }
}

impl Stake {
    /// The stake of a speaker on `speaker`'s side in a figure whose counted
    /// losses are on `counted`'s side (see [`Dossier::stake`](crate::Dossier::stake)).
    pub(crate) fn between(speaker: Option<&Side>, counted: Option<&Side>) -> Stake {
        match (speaker, counted) {
            (Some(a), Some(b)) if a == b => Stake::Own,
            (Some(_), Some(_)) => Stake::Enemy,
            _ => Stake::Neutral,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_sets() {
        let q: Qualifiers = [Qualifier::Confirmed, Qualifier::Reportedly]
            .into_iter()
            .collect();
        assert!(q.contains(Qualifier::Confirmed) && !q.contains(Qualifier::Claimed));
        assert_eq!(q.iter().count(), 2);
    }

    #[test]
    fn credibility_numbers() {
        assert_eq!(Credibility::Possible.number(), 3);
        assert_eq!(Credibility::from_number(1), Some(Credibility::Confirmed));
        assert_eq!(Credibility::from_number(7), None);
        assert_eq!("6".parse::<Credibility>().unwrap(), Credibility::Unjudged);
    }
}
