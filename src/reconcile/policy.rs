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
//!
//! Every policy sees the same [`EvidenceSet`]: superseded claims do not count
//! (unless asked), claims that give no number ("unknown") are excluded with
//! [`Exclusion::NoNumber`], and each claim that is not used is given a
//! reason. Policies are an open set: implement [`Policy`] for your own.
//!
//! # The stake model
//!
//! A side reporting its **own** losses tends to report low, its **enemy's**
//! losses high (DOMAIN §2). reckon turns this into three rules:
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
//!
//! Conflicts are about what was *said*, so they use stated intervals: the
//! admission and the enemy's claim above still make a `disjoint` conflict.
//!
//! ```
//! use reckon::reconcile::policy;
//! use reckon::reconcile::policy::Policy;
//! use reckon::reconcile::{Evidence, Tally};
//! use reckon::Reconciler;
//!
//! let tally: Tally = [
//!     Evidence::new("c1", "article", &"50–170".parse()?),
//!     Evidence::new("c2", "others", &"200".parse()?),
//! ].into_iter().collect();
//! let envelope = Reconciler::new().policy(policy::named("envelope")?).finish("f".into(), tally.clone())?;
//! assert_eq!(envelope.range().unwrap().to_string(), "[50, 200]");
//! let consensus = Reconciler::new().policy(policy::Consensus).finish("f".into(), tally)?;
//! assert_eq!(consensus.range(), None); // the two reports share no value
//! # Ok::<(), reckon::Error>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::{Reliability, Stake};
use crate::reconcile::EvidenceSet;
use crate::reconcile::ratio::raise_to_floor;
use crate::{Error, Interval};

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
    /// Any error the policy meets (e.g. [`Error::Overflow`] in arithmetic).
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error>;
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
}

impl<P: Policy + ?Sized> Policy for Arc<P> {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        (**self).apply(set)
    }
}

/// The names of the built-in policies, in the order of the module's table.
pub const NAMES: &[&str] = &[
    "envelope",
    "consensus",
    "conservative",
    "most_reliable",
    "most_recent",
    "majority",
    "weighted",
];

/// The built-in policy called `name` (`most_reliable` may also be written
/// `most-reliable`, and so on; case does not matter).
///
/// ```
/// assert_eq!(reckon::reconcile::policy::named("Most-Recent")?.name(), "most_recent");
/// assert_eq!(
///     reckon::reconcile::policy::named("median").unwrap_err().to_string(),
///     "policy `median`: there is no such policy; the policies are envelope, consensus, conservative, most_reliable, most_recent, majority, weighted"
/// );
/// # use reckon::reconcile::policy::Policy;
/// # Ok::<(), reckon::Error>(())
/// ```
///
/// # Errors
/// [`Error::Invalid`] naming the policies when there is none of that name.
pub fn named(name: &str) -> Result<Box<dyn Policy>, Error> {
    let key = name.trim().to_ascii_lowercase().replace('-', "_");
    Ok(match key.as_str() {
        "envelope" => Box::new(Envelope),
        "consensus" => Box::new(Consensus),
        "conservative" => Box::new(Conservative),
        "most_reliable" => Box::new(MostReliable),
        "most_recent" => Box::new(MostRecent),
        "majority" => Box::new(Majority),
        "weighted" => Box::new(Weighted),
        _ => {
            return Err(Error::invalid(
                format!("policy `{name}`"),
                format!(
                    "there is no such policy; the policies are {}",
                    NAMES.join(", ")
                ),
            ));
        }
    })
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
/// their reasons. The reconciler checks that the best value lies in the
/// range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    range: Option<Interval>,
    best: Option<Decimal>,
    roles: Vec<Role>,
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

    /// Leaves out the claim at index `i`, for `reason`. Out-of-range indices
    /// are ignored.
    pub fn exclude(&mut self, i: usize, reason: Exclusion) -> &mut Self {
        if let Some(r) = self.roles.get_mut(i) {
            *r = Role::Excluded(reason);
        }
        self
    }

    /// Uses the claim at index `i`. Out-of-range indices are ignored.
    pub fn use_claim(&mut self, i: usize) -> &mut Self {
        if let Some(r) = self.roles.get_mut(i) {
            *r = Role::Used;
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

    pub(crate) fn into_parts(self) -> (Option<Interval>, Option<Decimal>, Vec<Role>) {
        (self.range, self.best, self.roles)
    }

    fn floored(mut self, set: &EvidenceSet<'_>) -> Self {
        let (range, best) = raise_to_floor(self.range, self.best, set.admission_floor());
        self.range = range;
        self.best = best;
        self
    }

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
    let mut points: Vec<(Decimal, usize, f64)> = items
        .into_iter()
        .filter_map(|i| Some((set.point(i)?, i, set.weight(i))))
        .filter(|(p, _, _)| within.is_none_or(|w| w.contains(*p)))
        .collect();
    points.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
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

/// `envelope` (Iraq Body Count, Airwars): from the lowest low to the highest
/// high of every counted claim, as stated; no best value. IBC publishes
/// exactly this range ("totals are sums of minima and of maxima"). Stake
/// changes nothing here.
///
/// ```
/// use reckon::reconcile::policy::Envelope;
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
///
/// let tally: Tally = [
///     Evidence::new("c1", "article", &"50–170".parse()?),
///     Evidence::new("c2", "others", &"200".parse()?),
///     Evidence::new("c3", "monitor", &"unknown".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(Envelope).finish("f".into(), tally)?;
/// assert_eq!(f.range().unwrap().to_string(), "[50, 200]");
/// assert_eq!(f.best(), None);
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Envelope;

impl Policy for Envelope {
    fn name(&self) -> &str {
        "envelope"
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        Ok(Outcome::new(set).with_range(set.envelope()))
    }
}

/// `consensus`: the values every counted claim allows — the intersection of
/// their [bounds](crate::reconcile::Evidence::bound) — with the weighted
/// median of the points inside it as best value. No range when the claims
/// allow no common value: that is an `empty_consensus` conflict.
///
/// ```
/// use reckon::reconcile::policy::Consensus;
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
/// use reckon::model::Stake;
///
/// // Hezbollah admits 2 dead (a floor); a rebel commander claims 15 (a ceiling).
/// let tally: Tally = [
///     Evidence::new("c1", "hezbollah", &"2".parse()?).with_stake(Stake::Own),
///     Evidence::new("c2", "commander", &"15".parse()?).with_stake(Stake::Enemy),
///     Evidence::new("c3", "monitor", &"more than 3".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(Consensus).finish("f".into(), tally)?;
/// // [2, ∞) ∩ [0, 15] ∩ [4, ∞) = [4, 15]; the points inside are 4 and 15.
/// assert_eq!(f.range().unwrap().to_string(), "[4, 15]");
/// assert_eq!(f.best(), Some(4.into()));
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Consensus;

impl Policy for Consensus {
    fn name(&self) -> &str {
        "consensus"
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let range = set.consensus();
        let best = range.and_then(|r| weighted_median(set, set.numeric(), Some(r)));
        Ok(Outcome::new(set)
            .with_range(range)
            .with_best(best)
            .floored(set))
    }
}

/// `conservative` (ACLED): the lowest credible figure. Each credible claim
/// (not [questionable](crate::reconcile::Evidence::is_questionable)) offers
/// the figure a conservative coder records for it
/// ([`Evidence::conservative`](crate::reconcile::Evidence::conservative):
/// "dozens" is 12, "50–170" is 50); the lowest wins, raised to the
/// admission floor. The range is the chosen claim's, stretched to hold the
/// figure. When every claim is questionable, questionable claims are used.
///
/// ```
/// use reckon::reconcile::policy::Conservative;
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
///
/// let tally: Tally = [
///     Evidence::new("c1", "article", &"50–170".parse()?),
///     Evidence::new("c2", "others", &"200".parse()?),
///     Evidence::new("c3", "local", &"up to 300".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(Conservative).finish("f".into(), tally)?;
/// assert_eq!(f.best(), Some(50.into()));
/// assert_eq!(f.range().unwrap().to_string(), "[50, 170]");
/// let why: Vec<String> = f.claims().iter().map(|c| c.role().to_string()).collect();
/// // Claims are listed by interval: [0, 300], [50, 170], [200, 200].
/// assert_eq!(why, ["gives only an upper bound", "used", "not the lowest credible figure"]);
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Conservative;

impl Policy for Conservative {
    fn name(&self) -> &str {
        "conservative"
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let r = set.reading();
        let any_credible = set
            .numeric()
            .any(|i| !set.get(i).is_questionable() && set.get(i).conservative(r).is_some());
        let eligible = |i: usize| !(any_credible && set.get(i).is_questionable());
        let chosen = set
            .numeric()
            .filter(|&i| eligible(i))
            .filter_map(|i| set.get(i).conservative(r).map(|x| (x, i)))
            .min();
        let Some((figure, at)) = chosen else {
            return Ok(Outcome::new(set).excluding(set, |i| {
                set.get(i)
                    .conservative(r)
                    .is_none()
                    .then_some(Exclusion::UpperBoundOnly)
            }));
        };
        let range = set
            .interval(at)
            .hull(&Interval::from_parts(figure, Some(figure)));
        let floor = set.admission_floor();
        let out = Outcome::new(set)
            .with_range(Some(range))
            .with_best(Some(figure))
            .excluding(set, |i| {
                let e = set.get(i);
                let gives_floor = floor.is_some_and(|f| {
                    f > figure
                        && e.stake() == Stake::Own
                        && !e.is_questionable()
                        && set.interval(i).low() == f
                });
                if i == at || gives_floor {
                    None
                } else if !eligible(i) {
                    Some(Exclusion::Questionable)
                } else if e.conservative(r).is_none() {
                    Some(Exclusion::UpperBoundOnly)
                } else {
                    Some(Exclusion::NotLowest)
                }
            });
        Ok(out.floored(set))
    }
}

/// How a claim ranks for `most_reliable`: by the source's reliability (A, B,
/// C, then F — cannot be judged — then D, E), a claim about the enemy's
/// losses after others of the same grade, then by credibility (1 first, 6
/// between 3 and 4). Lower ranks first.
fn reliability_rank(set: &EvidenceSet<'_>, i: usize) -> (u8, u8, u8) {
    let e = set.get(i);
    let r = match e.reliability() {
        Reliability::A => 0,
        Reliability::B => 1,
        Reliability::C => 2,
        Reliability::D => 4,
        Reliability::E => 5,
        _ => 3,
    };
    let s = u8::from(e.stake() == Stake::Enemy);
    let c = match e.credibility().number() {
        6 => 3,
        n if n >= 4 => n,
        n => n - 1,
    };
    (r, s, c)
}

/// `most_reliable` (UCDP): the figure of the most reliable source; when
/// reliability cannot separate claims, the lower figure. The range runs from
/// the lowest to the highest *reliable* figure (sources graded A–C; the
/// top-ranked claims when there are none), raised to the admission floor.
/// The best value is the chosen claim's best, or its low end when it states
/// none (UCDP's lower figure).
///
/// ```
/// use reckon::reconcile::policy::MostReliable;
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
/// use reckon::model::Reliability;
///
/// let tally: Tally = [
///     Evidence::new("c1", "monitor", &"40".parse()?).with_reliability(Reliability::B),
///     Evidence::new("c2", "wire", &"45".parse()?).with_reliability(Reliability::B),
///     Evidence::new("c3", "militia", &"120".parse()?).with_reliability(Reliability::D),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(MostReliable).finish("f".into(), tally)?;
/// // Two B sources tie: the lower figure; the range spans the reliable ones.
/// assert_eq!(f.best(), Some(40.into()));
/// assert_eq!(f.range().unwrap().to_string(), "[40, 45]");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MostReliable;

impl Policy for MostReliable {
    fn name(&self) -> &str {
        "most_reliable"
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        // Index order is interval order, so the first of the top rank is the lowest.
        let Some(top) = set.numeric().map(|i| reliability_rank(set, i)).min() else {
            return Ok(Outcome::new(set));
        };
        let Some(chosen) = set.numeric().find(|&i| reliability_rank(set, i) == top) else {
            return Ok(Outcome::new(set));
        };
        let any_reliable = set.numeric().any(|i| reliability_rank(set, i).0 <= 2);
        let in_range = |i: usize| {
            if any_reliable {
                reliability_rank(set, i).0 <= 2
            } else {
                reliability_rank(set, i) == top
            }
        };
        let range = hull(set, set.numeric().filter(|&i| in_range(i)));
        let e = set.get(chosen);
        let best = e
            .best()
            .or(e.conservative(set.reading()))
            .map(|b| set.interval(chosen).nearest(b));
        let out = Outcome::new(set)
            .with_range(range)
            .with_best(best)
            .excluding(set, |i| (!in_range(i)).then_some(Exclusion::LessReliable));
        Ok(out.floored(set))
    }
}

/// `most_recent` (GTD): the latest claim, unless it is superseded or
/// questionable. Claims are ordered by report date (undated claims are the
/// oldest; a date known to the month comes before the days of that month);
/// ties go to the more reliable source, then to the lower figure. The range
/// and best value are the chosen claim's, raised to the admission floor.
/// Superseded claims are never chosen, even when superseded claims count.
///
/// ```
/// use reckon::reconcile::policy::MostRecent;
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
///
/// let tally: Tally = [
///     Evidence::new("c1", "ministry", &"18".parse()?).with_reported("2014-08-10".parse()?),
///     Evidence::new("c2", "ministry", &"19".parse()?).with_reported("2014-08-12".parse()?).superseding("c1"),
///     Evidence::new("c3", "monitor", &"25".parse()?).with_reported("2014-08-11".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(MostRecent).finish("f".into(), tally)?;
/// assert_eq!(f.best(), Some(19.into()));
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MostRecent;

impl Policy for MostRecent {
    fn name(&self) -> &str {
        "most_recent"
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let live = |i: usize| !set.is_superseded(i);
        let any_credible = set
            .numeric()
            .any(|i| live(i) && !set.get(i).is_questionable());
        let eligible = |i: usize| live(i) && !(any_credible && set.get(i).is_questionable());
        // Later is better; then more reliable; then the lower figure (earlier index).
        let key = |i: usize| {
            let (r, s, c) = reliability_rank(set, i);
            (set.get(i).reported(), std::cmp::Reverse((r, s, c)))
        };
        let chosen = set.numeric().filter(|&i| eligible(i)).reduce(|a, b| {
            if key(b).cmp(&key(a)) == Ordering::Greater {
                b
            } else {
                a
            }
        });
        let Some(at) = chosen else {
            return Ok(Outcome::new(set));
        };
        let out = Outcome::new(set)
            .with_range(Some(set.interval(at)))
            .with_best(set.get(at).best().map(|b| set.interval(at).nearest(b)))
            .excluding(set, |i| {
                if i == at {
                    None
                } else if !live(i) {
                    Some(Exclusion::Superseded)
                } else if !eligible(i) {
                    Some(Exclusion::Questionable)
                } else {
                    Some(Exclusion::Older)
                }
            });
        Ok(out.floored(set))
    }
}

/// The region of values supported by the most independent sources: a sweep
/// over the ends of the claims' bounds, counting distinct originators. The
/// lowest such region wins a tie.
fn majority_region(set: &EvidenceSet<'_>) -> Option<(Interval, usize)> {
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    enum Edge {
        Open,
        Close,
    }
    let mut events: Vec<(Decimal, Edge, usize)> = Vec::with_capacity(2 * set.numeric_len());
    let mut origins = 0;
    for i in set.numeric() {
        let b = set.bound(i);
        let o = set.originator_index(i);
        origins = origins.max(o + 1);
        events.push((b.low(), Edge::Open, o));
        if let Some(h) = b.high() {
            events.push((h, Edge::Close, o));
        }
    }
    if events.is_empty() {
        return None;
    }
    // Opens before closes at the same value: closed intervals touching at a point overlap.
    events.sort_unstable();
    let mut cover = vec![0u32; origins];
    let mut support = 0usize;
    let mut best = 0usize;
    let mut start = Decimal::ZERO;
    let mut open_region = false;
    let mut region: Option<Interval> = None;
    for (v, edge, o) in events {
        match edge {
            Edge::Open => {
                cover[o] += 1;
                if cover[o] == 1 {
                    support += 1;
                    if support > best {
                        best = support;
                        start = v;
                        open_region = true;
                        region = None;
                    }
                }
            }
            Edge::Close => {
                cover[o] -= 1;
                if cover[o] == 0 {
                    if open_region && support == best {
                        region = Some(Interval::from_parts(start, Some(v)));
                        open_region = false;
                    }
                    support -= 1;
                }
            }
        }
    }
    if open_region {
        region = Some(Interval::from_parts(start, None));
    }
    region.map(|r| (r, best))
}

/// `majority` (the Every Casualty standards' "majority view"): the region of
/// values supported by the most independent sources. Each counted claim
/// supports the values of its [bound](crate::reconcile::Evidence::bound);
/// an originator counts once however many outlets relay it; among equally
/// supported regions the lowest wins. The best value is the weighted median
/// of the points inside the region; claims that do not reach it are
/// excluded as [`Exclusion::Minority`].
///
/// ```
/// use reckon::reconcile::policy::Majority;
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
///
/// let tally: Tally = [
///     Evidence::new("c1", "a", &"10–20".parse()?),
///     Evidence::new("c2", "b", &"15–30".parse()?),
///     Evidence::new("c3", "c", &"18".parse()?),
///     Evidence::new("c4", "d", &"100".parse()?),
///     Evidence::new("c5", "d-relay", &"100".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(Majority).finish("f".into(), tally)?;
/// // a, b and c all allow 18; only d says 100.
/// assert_eq!(f.range().unwrap().to_string(), "[18, 18]");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Majority;

impl Policy for Majority {
    fn name(&self) -> &str {
        "majority"
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let Some((region, _)) = majority_region(set) else {
            return Ok(Outcome::new(set));
        };
        let reaches = |i: usize| set.bound(i).overlaps(&region);
        let best = weighted_median(set, set.numeric().filter(|&i| reaches(i)), Some(region))
            .or_else(|| region.midpoint())
            .or(Some(region.low()));
        let out = Outcome::new(set)
            .with_range(Some(region))
            .with_best(best)
            .excluding(set, |i| (!reaches(i)).then_some(Exclusion::Minority));
        Ok(out.floored(set))
    }
}

/// `weighted` (the default): a reliability-weighted estimate. Each credible
/// claim weighs its source's Admiralty reliability × its credibility × ½ if
/// partisan, shared among the claims of its originator (independence; see
/// [`EvidenceSet::weight`]). The best value is the **weighted median** of the
/// claims' points (a claim's best value, a range's midpoint, an open
/// bound's low end): robust to a single wild claim, and always a value some
/// claim stands for. The range is the hull of the credible claims, with
/// questionable claims and [outliers](crate::reconcile::conflict::ConflictKind::Outlier)
/// set aside (all claims when nothing else remains), raised to the
/// admission floor.
///
/// ```
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
/// use reckon::model::Reliability;
///
/// let tally: Tally = [
///     Evidence::new("c1", "article", &"50–170".parse()?),
///     Evidence::new("c2", "others", &"200".parse()?),
///     Evidence::new("c3", "monitor", &"60".parse()?).with_reliability(Reliability::B),
/// ].into_iter().collect();
/// let f = Reconciler::new().finish("f".into(), tally)?;
/// // Points 60 (weight 0.4), 110 (0.25), 200 (0.25): half of 0.9 is
/// // reached at 110.
/// assert_eq!(f.best(), Some(110.into()));
/// assert_eq!(f.range().unwrap().to_string(), "[50, 200]");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Weighted;

impl Policy for Weighted {
    fn name(&self) -> &str {
        "weighted"
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let strong = |i: usize| !set.get(i).is_questionable() && !set.is_outlier(i);
        let any_strong = set.numeric().any(strong);
        let chosen = |i: usize| !any_strong || strong(i);
        let range = hull(set, set.numeric().filter(|&i| chosen(i)));
        let best = weighted_median(set, set.numeric().filter(|&i| chosen(i)), None);
        let out = Outcome::new(set)
            .with_range(range)
            .with_best(best)
            .excluding(set, |i| {
                if chosen(i) {
                    None
                } else if set.get(i).is_questionable() {
                    Some(Exclusion::Questionable)
                } else {
                    Some(Exclusion::Outlier)
                }
            })
            .floored(set);
        let best = match (out.range, out.best) {
            (Some(r), Some(b)) => Some(r.nearest(b)),
            (_, b) => b,
        };
        Ok(out.with_best(best))
    }
}
