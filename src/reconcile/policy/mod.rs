//! Aggregation policies: how the claims about one figure become one
//! low / best / high, named after the practitioners who use them.
//!
//! | policy | after | range | best |
//! |---|---|---|---|
//! | [`envelope`](Envelope) | Iraq Body Count, Airwars | lowest low to highest high | none |
//! | [`consensus`](Consensus) | — | the values every claim allows | weighted median inside it |
//! | [`conservative`](Conservative) | ACLED | the chosen claim | the lowest credible figure |
//! | [`most_reliable`](MostReliable) | UCDP | lowest to highest reliable figure | the most reliable source's, ties to the lower |
//! | [`most_recent`](MostRecent) | GTD | the chosen claim | the latest claim, unless superseded or questionable |
//! | [`majority`](Majority) | Every Casualty ("majority view") | the region most independent sources support | weighted median inside it |
//! | [`weighted`](Weighted) (default) | — | the credible claims, outliers set aside | reliability-weighted median |
//! | [`learned`](crate::reconcile::learn::Learned) | truth discovery (CATD, TruthFinder) | what the claims that agree with the best value state | the claimed value the claims support most, weighted by their sources' learned reliability |
//!
//! Every policy sees the same [`EvidenceSet`]: superseded claims do not count
//! (unless asked), claims that give no number ("unknown") are excluded with
//! [`Exclusion::NoNumber`], and each claim that is not used is given a
//! reason. Policies are an open set: implement [`Policy`] for your own, with
//! the helpers the named ones use ([`weighted_median`], [`Outcome::with_floor`]
//! and [`EvidenceSet::admission_floor`]), and offer it by name beside them in
//! a [`Registry`].
//!
//! # The stake model
//!
//! A side reporting its **own** losses tends to report low, its **enemy's**
//! losses high ([design notes §2](crate::design)). reckon turns this into three rules:
//!
//! 1. **Bounds.** A count of one's own losses is an admission against
//!    interest: it proves the figure is *at least* its low end, and says
//!    nothing against higher values — it is read as `[low, ∞)`. A count of
//!    the enemy's losses is read as a ceiling, `[0, high]`: the figure is
//!    probably not above it. Neutral claims are read as stated
//!    ([`Evidence::bound`](crate::reconcile::Evidence::bound)).
//! 2. **Floor.** The highest low end among credible admissions is a floor:
//!    no policy but `envelope` reports a range or best value below it.
//! 3. **Weight.** A claim in the speaker's favour (either stake) weighs half
//!    as much as a neutral one ([`Evidence::weight`](crate::reconcile::Evidence::weight)).
//!
//! How each policy changes:
//!
//! | policy | what stake changes |
//! |---|---|
//! | `envelope` | nothing: it shows every claim as stated |
//! | `consensus` | claims enter as bounds (rule 1), so "Hezbollah admits 2" and "rebels claim 15" allow 2–15 instead of nothing |
//! | `conservative` | the lowest credible figure is raised to the floor (rule 2) |
//! | `most_reliable` | a claim about the enemy's losses ranks below a neutral or own-loss claim of the same grade; floor |
//! | `most_recent` | floor |
//! | `majority` | claims support the region of their bound (rule 1) |
//! | `weighted` | half weight for partisan claims (rule 3); floor |
//! | `learned` | claims enter as bounds (rule 1), partisan ones at half weight (rule 3); floor |
//!
//! Conflicts are about what was *said*, so they use stated intervals: the
//! admission and the enemy's claim above still make a `disjoint` conflict.
//!
//! ```
//! use reckon::reconcile::policy::{self, Registry};
//! use reckon::reconcile::{Evidence, Tally};
//! use reckon::Reconciler;
//!
//! let tally: Tally = [
//!     Evidence::new("c1", "article", &"50–170".parse()?),
//!     Evidence::new("c2", "others", &"200".parse()?),
//! ].into_iter().collect();
//! let envelope = Registry::standard().get("envelope")?;
//! let envelope = Reconciler::new().policy(envelope).finish("f".into(), tally.clone())?;
//! assert_eq!(envelope.range().unwrap().to_string(), "[50, 200]");
//! let consensus = Reconciler::new().policy(policy::Consensus).finish("f".into(), tally)?;
//! assert_eq!(consensus.range(), None); // the two reports share no value
//! # Ok::<(), reckon::Error>(())
//! ```

use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;
use smallvec::SmallVec;

use super::Evidence;
use super::prepared::EvidenceSet;
use crate::model::interval::dcmp;
use crate::model::{FigureId, Reading};
use crate::{Dossier, Error, Interval};

mod registry;
mod standard;

pub use registry::Registry;
pub use standard::{
    Consensus, Conservative, Envelope, Majority, MostRecent, MostReliable, Weighted,
};

/// A way of turning one figure's claims into one low / best / high.
///
/// Implementations must decide from the [`EvidenceSet`] alone, so that the
/// result does not depend on the order claims arrived in. `name` is how the
/// policy is reported (`"weighted"`).
pub trait Policy: Send + Sync {
    /// The policy's name, as reported in findings.
    fn name(&self) -> &str;

    /// Decides the figure's range and best value, and the role of each claim.
    ///
    /// # Errors
    /// Any error the policy meets (e.g. [`ErrorKind::Overflow`](crate::error::ErrorKind::Overflow) in arithmetic).
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error>;

    /// Whether the policy must learn from every figure before it decides
    /// one (the unfitted `learned`). Such a policy, and only such a policy,
    /// gives a fitted one from [`fit`](Policy::fit) and
    /// [`fit_claims`](Policy::fit_claims); the
    /// [`Reconciler`](crate::Reconciler) reports a
    /// [`PolicyContract`](crate::error::ErrorKind::PolicyContract) error
    /// otherwise. The bulk path refuses it for sorted input, read and
    /// decided figure by figure; a single tally
    /// ([`Reconciler::finish`](crate::Reconciler::finish)) is decided by
    /// it unfitted. The default: `false`.
    fn learns_across_figures(&self) -> bool {
        false
    }

    /// A policy that learns across figures (`learned`) returns itself
    /// fitted to `dossier`, read by `reading`; the
    /// [`Reconciler`](crate::Reconciler) calls this once before deciding
    /// the dossier's figures. The default learns nothing: `None`.
    ///
    /// # Errors
    /// Any error met while learning.
    fn fit(&self, dossier: &Dossier, reading: Reading) -> Result<Option<Arc<dyn Policy>>, Error> {
        let _ = (dossier, reading);
        Ok(None)
    }

    /// As [`fit`](Policy::fit), for claims read without a dossier (the
    /// bulk path of a claims table): `claims` yields each claim's figure
    /// and evidence, made only when pulled, so a policy that learns nothing
    /// costs nothing. A policy whose
    /// [`learns_across_figures`](Policy::learns_across_figures) is `true`
    /// returns `Some` for any claims, none at all included. The default
    /// learns nothing: `None`.
    ///
    /// # Errors
    /// Any error met while learning.
    fn fit_claims(
        &self,
        claims: &mut dyn Iterator<Item = (FigureId, Evidence)>,
        reading: Reading,
    ) -> Result<Option<Arc<dyn Policy>>, Error> {
        let _ = (claims, reading);
        Ok(None)
    }
}

impl fmt::Debug for dyn Policy {
    /// Writes the policy's name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Policy({:?})", self.name())
    }
}

impl<P: Policy + ?Sized> Policy for Box<P> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        (**self).apply(set)
    }
    fn learns_across_figures(&self) -> bool {
        (**self).learns_across_figures()
    }
    fn fit(&self, dossier: &Dossier, reading: Reading) -> Result<Option<Arc<dyn Policy>>, Error> {
        (**self).fit(dossier, reading)
    }
    fn fit_claims(
        &self,
        claims: &mut dyn Iterator<Item = (FigureId, Evidence)>,
        reading: Reading,
    ) -> Result<Option<Arc<dyn Policy>>, Error> {
        (**self).fit_claims(claims, reading)
    }
}

impl<P: Policy + ?Sized> Policy for Arc<P> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        (**self).apply(set)
    }
    fn learns_across_figures(&self) -> bool {
        (**self).learns_across_figures()
    }
    fn fit(&self, dossier: &Dossier, reading: Reading) -> Result<Option<Arc<dyn Policy>>, Error> {
        (**self).fit(dossier, reading)
    }
    fn fit_claims(
        &self,
        claims: &mut dyn Iterator<Item = (FigureId, Evidence)>,
        reading: Reading,
    ) -> Result<Option<Arc<dyn Policy>>, Error> {
        (**self).fit_claims(claims, reading)
    }
}

/// Why a policy did not use a claim.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Exclusion {
    /// A later claim revises it (and superseded claims do not count).
    Superseded,
    /// It gives no number ("unknown").
    NoNumber,
    /// It is questionable: credibility 4 or 5, or an unreliable (`E`) source.
    Questionable,
    /// It lies far from every other claim ([`ConflictKind::Outlier`](crate::reconcile::conflict::ConflictKind::Outlier)).
    Outlier,
    /// Another credible claim gives a lower figure (`conservative`).
    NotLowest,
    /// It gives only an upper bound ("up to 30"), no figure to be conservative about.
    UpperBoundOnly,
    /// A more reliable source gives the figure (`most_reliable`).
    LessReliable,
    /// A later claim gives the figure (`most_recent`).
    Older,
    /// A claim as recent and as reliable gives a lower figure, and was
    /// taken (`most_recent`'s tie-break; claims without a date tie).
    Tied,
    /// It lies outside the region most independent sources support (`majority`).
    Minority,
    /// A reason given by a policy outside this crate.
    Other(Box<str>),
}

impl fmt::Display for Exclusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Exclusion::Superseded => "superseded by a later claim",
            Exclusion::NoNumber => "gives no number",
            Exclusion::Questionable => "questionable",
            Exclusion::Outlier => "an outlier",
            Exclusion::NotLowest => "not the lowest credible figure",
            Exclusion::UpperBoundOnly => "gives only an upper bound",
            Exclusion::LessReliable => "a more reliable source gives the figure",
            Exclusion::Older => "a later claim gives the figure",
            Exclusion::Tied => "as recent and as reliable as the lower claim taken",
            Exclusion::Minority => "outside the region most sources support",
            Exclusion::Other(s) => s,
        })
    }
}

/// What a policy made of one claim.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// The claim informs the result.
    Used,
    /// The claim was left out, for a reason.
    Excluded(Exclusion),
}

impl Role {
    /// Whether the claim was used.
    pub fn is_used(&self) -> bool {
        matches!(self, Role::Used)
    }

    /// Why the claim was left out, if it was.
    pub fn exclusion(&self) -> Option<&Exclusion> {
        match self {
            Role::Used => None,
            Role::Excluded(e) => Some(e),
        }
    }
}

impl fmt::Display for Role {
    /// `used`, or the reason for leaving the claim out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Role::Used => f.write_str("used"),
            Role::Excluded(e) => e.fmt(f),
        }
    }
}

/// A policy's decision: a range, a best value, and a [`Role`] for every
/// claim of the [`EvidenceSet`] (by index).
///
/// [`Outcome::new`] starts with no range, and every counted claim that gives
/// a number used; superseded claims and "unknown" claims are excluded with
/// their reasons. It is built by value, each `with_*` call returning the
/// changed outcome. The reconciler checks that the best value lies in the
/// range.
///
/// ```
/// use reckon::reconcile::policy::{Exclusion, Outcome, Policy, Role};
/// use reckon::reconcile::{Evidence, EvidenceSet, Tally};
/// use reckon::{Error, Reconciler};
///
/// /// The first claim by interval, and nothing else.
/// struct First;
///
/// impl Policy for First {
///     fn name(&self) -> &str {
///         "first"
///     }
///     fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
///         let mut out = Outcome::new(set);
///         if let Some(first) = set.numeric().next() {
///             out = out.with_range(Some(set.interval(first))).with_best(set.point(first));
///             for i in set.numeric().skip(1) {
///                 out = out.with_exclusion(i, Exclusion::Other("not the first".into()));
///             }
///             assert_eq!(out.role(first), Some(&Role::Used));
///         }
///         Ok(out)
///     }
/// }
///
/// let tally: Tally = [
///     Evidence::new("c1", "article", &"50–170".parse()?),
///     Evidence::new("c2", "others", &"200".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(First).finish("f".into(), tally)?;
/// assert_eq!((f.range().unwrap().to_string(), f.best()), ("[50, 170]".into(), Some(110.into())));
/// assert_eq!(f.claims()[1].role().to_string(), "not the first");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    range: Option<Interval>,
    best: Option<Decimal>,
    roles: Vec<Role>,
    note: Option<Box<str>>,
}

impl Outcome {
    /// An outcome with no range and no best value, and the default roles.
    pub fn new(set: &EvidenceSet<'_>) -> Self {
        let roles = (0..set.len())
            .map(|i| {
                if !set.is_counted(i) {
                    Role::Excluded(Exclusion::Superseded)
                } else if set.get(i).is_unknown() {
                    Role::Excluded(Exclusion::NoNumber)
                } else {
                    Role::Used
                }
            })
            .collect();
        Outcome {
            range: None,
            best: None,
            roles,
            note: None,
        }
    }

    /// This outcome, with `range`.
    #[must_use]
    pub fn with_range(mut self, range: Option<Interval>) -> Self {
        self.range = range;
        self
    }

    /// This outcome, with `best`.
    #[must_use]
    pub fn with_best(mut self, best: Option<Decimal>) -> Self {
        self.best = best;
        self
    }

    /// This outcome, with a note that explains it (the weights that
    /// decided it), shown in the finding ([`Finding::note`](crate::Finding::note)).
    #[must_use]
    pub fn with_note(mut self, note: impl Into<Box<str>>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// This outcome, the claim at index `i` left out for `reason`.
    /// Out-of-range indices are ignored.
    #[must_use]
    pub fn with_exclusion(self, i: usize, reason: Exclusion) -> Self {
        self.with_role(i, Role::Excluded(reason))
    }

    /// This outcome, the claim at index `i` used. Out-of-range indices are
    /// ignored.
    #[must_use]
    pub fn with_used(self, i: usize) -> Self {
        self.with_role(i, Role::Used)
    }

    /// This outcome, the claim at index `i` given `role`. Out-of-range
    /// indices are ignored.
    #[must_use]
    pub fn with_role(mut self, i: usize, role: Role) -> Self {
        if let Some(r) = self.roles.get_mut(i) {
            *r = role;
        }
        self
    }

    /// This outcome, its range and best value raised to `floor` (rule 2 of
    /// the stake model: pass [`EvidenceSet::admission_floor`]); nothing
    /// changes when `floor` is `None`.
    ///
    /// ```
    /// use reckon::reconcile::policy::{Outcome, Policy};
    /// use reckon::reconcile::{Evidence, EvidenceSet, Tally};
    /// use reckon::model::Stake;
    /// use reckon::{Error, Reconciler};
    ///
    /// /// The lowest figure anyone gave, but never below an admission.
    /// struct Lowest;
    ///
    /// impl Policy for Lowest {
    ///     fn name(&self) -> &str {
    ///         "lowest"
    ///     }
    ///     fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
    ///         let low = set.numeric().map(|i| set.interval(i)).min();
    ///         Ok(Outcome::new(set)
    ///             .with_range(low)
    ///             .with_best(low.map(|r| r.low()))
    ///             .with_floor(set.admission_floor()))
    ///     }
    /// }
    ///
    /// // A monitor says 4–6; the party admits 10 of its own dead.
    /// let tally: Tally = [
    ///     Evidence::new("c1", "monitor", &"4–6".parse()?),
    ///     Evidence::new("c2", "party", &"10".parse()?).with_stake(Stake::Own),
    /// ].into_iter().collect();
    /// let f = Reconciler::new().policy(Lowest).finish("f".into(), tally)?;
    /// assert_eq!(f.range().unwrap().to_string(), "[10, 10]");
    /// assert_eq!(f.best(), Some(10.into()));
    /// # Ok::<(), reckon::Error>(())
    /// ```
    #[must_use]
    pub fn with_floor(mut self, floor: Option<Decimal>) -> Self {
        if let Some(f) = floor {
            self.range = self
                .range
                .map(|r| Interval::from_parts(r.low().max(f), r.high().map(|h| h.max(f))));
            self.best = self.best.map(|b| b.max(f));
        }
        self
    }

    /// The range, `None` when the policy can give none.
    pub fn range(&self) -> Option<Interval> {
        self.range
    }

    /// The best value.
    pub fn best(&self) -> Option<Decimal> {
        self.best
    }

    /// The role of the claim at index `i`.
    pub fn role(&self, i: usize) -> Option<&Role> {
        self.roles.get(i)
    }

    /// The note, if the policy gave one.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    pub(crate) fn into_parts(self) -> Parts {
        (self.range, self.best, self.roles, self.note)
    }

    /// This outcome, each counted claim with a number for which `keep`
    /// gives a reason left out for it.
    fn excluding(
        mut self,
        set: &EvidenceSet<'_>,
        keep: impl Fn(usize) -> Option<Exclusion>,
    ) -> Self {
        for i in set.numeric() {
            if let Some(reason) = keep(i) {
                self.roles[i] = Role::Excluded(reason);
            }
        }
        self
    }
}

/// An outcome taken apart: range, best, roles and note.
pub(crate) type Parts = (
    Option<Interval>,
    Option<Decimal>,
    Vec<Role>,
    Option<Box<str>>,
);

/// The hull of the stated intervals of `items`.
fn hull(set: &EvidenceSet<'_>, items: impl Iterator<Item = usize>) -> Option<Interval> {
    items.map(|i| set.interval(i)).reduce(|a, b| a.hull(&b))
}

/// The weighted median of the points ([`EvidenceSet::point`]) of the claims
/// at the indices `items` that lie in `within` (anywhere, when `None`): the
/// lowest point at which the running weight ([`EvidenceSet::weight`])
/// reaches half the total, ties going to the lower value; the middle point
/// (the lower of two) when they all weigh nothing. Deterministic: points are
/// ordered by value, then index. `None` when no point is left (claims that
/// give no number have none).
///
/// Robust to a single wild claim, and always a value some claim stands for:
/// what `weighted`, `consensus` and `majority` report as their best value.
///
/// ```
/// use reckon::reconcile::policy::{weighted_median, Outcome, Policy};
/// use reckon::reconcile::{Evidence, EvidenceSet, Tally};
/// use reckon::model::Reliability;
/// use reckon::{Error, Reconciler};
///
/// /// The envelope, with the weighted median of the claims that are not hedged.
/// struct Firm;
///
/// impl Policy for Firm {
///     fn name(&self) -> &str {
///         "firm"
///     }
///     fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
///         let firm = set.numeric().filter(|&i| !set.get(i).is_approximate());
///         let best = weighted_median(set, firm, None);
///         Ok(Outcome::new(set).with_range(set.envelope()).with_best(best))
///     }
/// }
///
/// // 60 from a B source weighs 0.4; 110 (the midpoint of 50–170) and 200
/// // weigh 0.25 each: half of 0.9 is reached at 110. "About 300" is hedged.
/// let tally: Tally = [
///     Evidence::new("c1", "article", &"50–170".parse()?),
///     Evidence::new("c2", "others", &"200".parse()?),
///     Evidence::new("c3", "monitor", &"60".parse()?).with_reliability(Reliability::B),
///     Evidence::new("c4", "wire", &"~300".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(Firm).finish("f".into(), tally)?;
/// assert_eq!(f.best(), Some(110.into()));
/// # Ok::<(), reckon::Error>(())
/// ```
pub fn weighted_median(
    set: &EvidenceSet<'_>,
    items: impl IntoIterator<Item = usize>,
    within: Option<Interval>,
) -> Option<Decimal> {
    // Inline up to 16 points, as most figures have (see `conflict::ClaimList`),
    // each pushed where it stays: collected, the whole array was copied.
    let mut points: SmallVec<[(Decimal, usize, f64); 16]> = SmallVec::new();
    for i in items {
        if let Some(p) = set
            .point(i)
            .filter(|p| within.is_none_or(|w| w.contains(*p)))
        {
            points.push((p, i, set.weight(i)));
        }
    }
    points.sort_unstable_by(|a, b| dcmp(&a.0, &b.0).then(a.1.cmp(&b.1)));
    let total: f64 = points.iter().map(|p| p.2).sum();
    let median = if total > 0.0 {
        let half = total / 2.0 * (1.0 - 1e-12);
        let mut run = 0.0;
        points
            .iter()
            .find(|p| {
                run += p.2;
                run >= half
            })
            .or(points.last())
    } else {
        points.get(points.len().checked_sub(1)? / 2)
    };
    median.map(|p| p.0.normalize())
}
