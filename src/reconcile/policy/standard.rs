//! The named policies, after the practitioners who use them (see the table
//! in [`policy`](super)).

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::{Exclusion, Outcome, Policy, hull, weighted_median};
use crate::model::{Reliability, Stake};
use crate::reconcile::EvidenceSet;
use crate::{Error, Interval};

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
            .with_floor(set.admission_floor()))
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
        Ok(out.with_floor(set.admission_floor()))
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
        Ok(out.with_floor(set.admission_floor()))
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
                } else if set.get(i).reported() < set.get(at).reported() {
                    Some(Exclusion::Older)
                } else if reliability_rank(set, i) != reliability_rank(set, at) {
                    Some(Exclusion::LessReliable)
                } else {
                    Some(Exclusion::Tied)
                }
            });
        Ok(out.with_floor(set.admission_floor()))
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
        Ok(out.with_floor(set.admission_floor()))
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
            .with_floor(set.admission_floor());
        let best = match (out.range, out.best) {
            (Some(r), Some(b)) => Some(r.nearest(b)),
            (_, b) => b,
        };
        Ok(out.with_best(best))
    }
}
