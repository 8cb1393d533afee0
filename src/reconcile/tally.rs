//! The mergeable per-figure state, and the prepared view policies decide on.

use rust_decimal::Decimal;

use super::evidence::Evidence;
use crate::Interval;
use crate::model::{Reading, Stake};

/// Whether claims that a later claim revises still count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Superseded {
    /// A superseded claim is kept in the history and shown, but not counted
    /// (the default): "18, updated to 19 by 12 August" is a revision, not a
    /// contradiction.
    #[default]
    Skip,
    /// Superseded claims count like any other.
    Count,
}

/// The reconciliation state of one figure: every piece of [`Evidence`] fed
/// to it so far.
///
/// A tally can be fed claim by claim ([`Extend`], [`FromIterator`]) and two
/// tallies of the same figure can be [merged](Tally::merge), so a collection
/// can be split across threads or machines and the partial tallies combined
/// in any grouping: [`Reconciler::finish`](crate::Reconciler::finish)
/// gives the same finding whatever the order the evidence arrived in, and
/// however the tallies were merged. The same piece of evidence fed twice
/// counts once.
///
/// Memory is one [`Evidence`] per claim; finishing sorts it, so a figure
/// with `k` claims reconciles in `O(k log k)`.
///
/// ```
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
///
/// let mut a: Tally = [Evidence::new("c1", "article", &"50–170".parse()?)].into_iter().collect();
/// let mut b = Tally::default();
/// b.extend([Evidence::new("c2", "others", &"200".parse()?)]);
/// a.merge(b);
/// assert_eq!(a.len(), 2);
///
/// let finding = Reconciler::new().finish("jobeh-rebels".into(), a)?;
/// assert_eq!(finding.conflicts()[0].kind().as_str(), "disjoint");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub(crate) items: Vec<Evidence>,
}

impl Tally {
    /// An empty tally.
    pub fn new() -> Self {
        Tally::default()
    }

    /// Adds everything in `other` to this tally.
    pub fn merge(&mut self, mut other: Tally) -> &mut Self {
        if self.items.len() < other.items.len() {
            std::mem::swap(&mut self.items, &mut other.items);
        }
        self.items.append(&mut other.items);
        self
    }

    /// Adds one piece of evidence.
    pub fn push(&mut self, evidence: Evidence) -> &mut Self {
        self.items.push(evidence);
        self
    }

    /// The number of pieces of evidence fed so far (duplicates included).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether nothing was fed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The evidence fed so far, in no particular order.
    pub fn evidence(&self) -> &[Evidence] {
        &self.items
    }
}

impl Extend<Evidence> for Tally {
    fn extend<I: IntoIterator<Item = Evidence>>(&mut self, iter: I) {
        self.items.extend(iter);
    }
}

impl FromIterator<Evidence> for Tally {
    fn from_iter<I: IntoIterator<Item = Evidence>>(iter: I) -> Self {
        Tally {
            items: iter.into_iter().collect(),
        }
    }
}

/// Buffers reused from one figure to the next, so that reconciling a
/// collection allocates little besides its results.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub(crate) items: Vec<Evidence>,
    pub(crate) notes: Vec<Note>,
    pub(crate) shares: Vec<u32>,
    pub(crate) by_origin: Vec<u32>,
    pub(crate) order: Vec<(Interval, u32)>,
    pub(crate) values: Vec<crate::reconcile::conflict::Value>,
    pub(crate) by_high: Vec<usize>,
    pub(crate) pairs: Vec<(usize, usize)>,
    pub(crate) origin_pairs: Vec<(u32, usize)>,
    pub(crate) counts: Vec<usize>,
    pub(crate) conflicts: Vec<crate::reconcile::conflict::Conflict>,
}

/// What preparation learned about one piece of evidence.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Note {
    pub(crate) counted: bool,
    pub(crate) superseded: bool,
    /// Dense index of the originator.
    pub(crate) origin: u32,
    pub(crate) outlier: bool,
}

/// A tally sorted, de-duplicated and annotated: the owner of what an
/// [`EvidenceSet`] shows.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub(crate) items: Vec<Evidence>,
    pub(crate) notes: Vec<Note>,
    pub(crate) reading: Reading,
    /// Counted claims of each originator.
    pub(crate) shares: Vec<u32>,
    pub(crate) independent: usize,
    pub(crate) counted: usize,
    pub(crate) numeric: usize,
    pub(crate) floor: Option<Decimal>,
    pub(crate) envelope: Option<Interval>,
    pub(crate) consensus: Option<Interval>,
}

impl Prepared {
    #[cfg(test)]
    pub(crate) fn new(items: Vec<Evidence>, reading: Reading, superseded: Superseded) -> Self {
        Prepared::with_scratch(items, reading, superseded, &mut Scratch::default())
    }

    /// Sorts, de-duplicates and annotates `items`, borrowing buffers from `scratch`
    /// (give them back with [`Prepared::recycle`]).
    pub(crate) fn with_scratch(
        mut items: Vec<Evidence>,
        reading: Reading,
        superseded: Superseded,
        scratch: &mut Scratch,
    ) -> Self {
        if items.len() > 1 {
            items.sort_unstable_by(Evidence::order);
            items.dedup();
        }
        let mut notes = std::mem::take(&mut scratch.notes);
        notes.clear();
        notes.resize(items.len(), Note::default());

        // Revisions: a claim is superseded when another claim of the set names it.
        let mut targets: Vec<&crate::model::ClaimId> =
            items.iter().filter_map(Evidence::supersedes).collect();
        if !targets.is_empty() {
            targets.sort_unstable();
            targets.dedup();
            for (e, n) in items.iter().zip(&mut notes) {
                n.superseded = targets.binary_search(&e.claim()).is_ok();
            }
        }
        for n in &mut notes {
            n.counted = !n.superseded || superseded == Superseded::Count;
        }

        // Originators, as dense indices in their text order.
        let by_origin = &mut scratch.by_origin;
        by_origin.clear();
        by_origin.extend(0..items.len() as u32);
        by_origin.sort_by(|&a, &b| {
            items[a as usize]
                .originator()
                .cmp(items[b as usize].originator())
        });
        let mut shares = std::mem::take(&mut scratch.shares);
        shares.clear();
        let mut last: Option<usize> = None;
        for &i in by_origin.iter() {
            let i = i as usize;
            let same = last.is_some_and(|l| items[l].originator() == items[i].originator());
            if !same {
                shares.push(0);
            }
            last = Some(i);
            let o = shares.len() - 1;
            notes[i].origin = o as u32;
            if notes[i].counted {
                shares[o] += 1;
            }
        }
        let independent = shares.iter().filter(|&&s| s > 0).count();

        let mut counted = 0;
        let mut numeric = 0;
        let mut floor: Option<Decimal> = None;
        let mut envelope: Option<Interval> = None;
        let mut consensus: Option<Interval> = None;
        let mut empty = false;
        for (e, n) in items.iter().zip(&notes) {
            if !n.counted {
                continue;
            }
            counted += 1;
            if e.is_unknown() {
                continue;
            }
            numeric += 1;
            let i = e.interval_read(reading);
            envelope = Some(envelope.map_or(i, |h| h.hull(&i)));
            let b = e.bound(reading);
            if !empty {
                match consensus {
                    None => consensus = Some(b),
                    Some(c) => match c.intersection(&b) {
                        Some(x) => consensus = Some(x),
                        None => {
                            consensus = None;
                            empty = true;
                        }
                    },
                }
            }
            if e.stake() == Stake::Own && !e.is_questionable() {
                floor = Some(floor.map_or(i.low(), |f| f.max(i.low())));
            }
        }
        Prepared {
            items,
            notes,
            reading,
            shares,
            independent,
            counted,
            numeric,
            floor,
            envelope,
            consensus,
        }
    }

    /// Gives the borrowed buffers back to `scratch`.
    pub(crate) fn recycle(&mut self, scratch: &mut Scratch) {
        scratch.notes = std::mem::take(&mut self.notes);
        scratch.shares = std::mem::take(&mut self.shares);
    }

    pub(crate) fn set(&self) -> EvidenceSet<'_> {
        EvidenceSet { p: self }
    }
}

/// Everything known about one figure's claims when a [`Policy`](crate::reconcile::policy::Policy)
/// decides: the evidence in a fixed order (by interval, then claim id),
/// which of it counts, who said it, and what the claims jointly allow.
///
/// Indices `0..len()` name the pieces of evidence; an
/// [`Outcome`](crate::reconcile::policy::Outcome) gives each a role.
///
/// ```
/// use reckon::reconcile::policy::{Outcome, Policy};
/// use reckon::reconcile::{Evidence, EvidenceSet, Tally};
/// use reckon::Reconciler;
/// use reckon::Error;
///
/// /// The highest figure anyone gave: a deliberately partisan policy.
/// struct Highest;
///
/// impl Policy for Highest {
///     fn name(&self) -> &str {
///         "highest"
///     }
///     fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
///         let top = set.numeric().max_by_key(|&i| set.interval(i).high());
///         let mut out = Outcome::new(set);
///         if let Some(i) = top {
///             out = out.with_range(Some(set.interval(i))).with_best(set.get(i).best());
///         }
///         Ok(out)
///     }
/// }
///
/// let tally: Tally = [
///     Evidence::new("c1", "article", &"50–170".parse()?),
///     Evidence::new("c2", "others", &"200".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().policy(Highest).finish("f".into(), tally)?;
/// assert_eq!(f.best(), Some(200.into()));
/// assert_eq!(f.policy(), "highest");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct EvidenceSet<'a> {
    p: &'a Prepared,
}

impl<'a> EvidenceSet<'a> {
    /// The number of pieces of evidence, counted or not.
    pub fn len(&self) -> usize {
        self.p.items.len()
    }

    /// Whether there is no evidence at all.
    pub fn is_empty(&self) -> bool {
        self.p.items.is_empty()
    }

    /// The evidence at index `i`.
    ///
    /// # Panics
    /// When `i >= len()`, like slice indexing.
    pub fn get(&self, i: usize) -> &'a Evidence {
        &self.p.items[i]
    }

    /// Every piece of evidence, counted or not, in index order.
    pub fn all(&self) -> &'a [Evidence] {
        &self.p.items
    }

    /// The indices of the counted evidence (not superseded, unless superseded
    /// claims count).
    pub fn counted(&self) -> impl Iterator<Item = usize> + 'a {
        let notes = &self.p.notes;
        (0..notes.len()).filter(move |&i| notes[i].counted)
    }

    /// The indices of the counted evidence that gives a number (not "unknown").
    pub fn numeric(&self) -> impl Iterator<Item = usize> + 'a {
        let p = self.p;
        (0..p.notes.len()).filter(move |&i| p.notes[i].counted && !p.items[i].is_unknown())
    }

    /// Whether the evidence at `i` counts.
    pub fn is_counted(&self, i: usize) -> bool {
        self.p.notes[i].counted
    }

    /// Whether a later claim of the set revises the claim at `i`.
    pub fn is_superseded(&self, i: usize) -> bool {
        self.p.notes[i].superseded
    }

    /// Whether the claim at `i` is an outlier: far from every other claim,
    /// which more independent sources back (see
    /// [`ConflictKind::Outlier`](crate::reconcile::conflict::ConflictKind::Outlier)).
    pub fn is_outlier(&self, i: usize) -> bool {
        self.p.notes[i].outlier
    }

    /// The reading of vague words in force.
    pub fn reading(&self) -> Reading {
        self.p.reading
    }

    /// The stated interval of the claim at `i`, under the reading in force.
    pub fn interval(&self, i: usize) -> Interval {
        self.p.items[i].interval_read(self.p.reading)
    }

    /// What the claim at `i` proves once its stake is allowed for
    /// ([`Evidence::bound`]).
    pub fn bound(&self, i: usize) -> Interval {
        self.p.items[i].bound(self.p.reading)
    }

    /// The value standing for the claim at `i` ([`Evidence::point`]).
    pub fn point(&self, i: usize) -> Option<Decimal> {
        self.p.items[i].point(self.p.reading)
    }

    /// A dense index of the originator of the claim at `i`: two claims have
    /// the same index exactly when they have the same originator.
    pub fn originator_index(&self, i: usize) -> usize {
        self.p.notes[i].origin as usize
    }

    /// The weight of the claim at `i` once independence is allowed for: its
    /// [`Evidence::weight`] divided by the number of counted claims of its
    /// originator, so that an originator's claims weigh, together, as much as
    /// one claim. Zero when the claim does not count.
    pub fn weight(&self, i: usize) -> f64 {
        let n = self.p.notes[i];
        if !n.counted {
            return 0.0;
        }
        let share = self.p.shares[n.origin as usize].max(1);
        self.p.items[i].weight() / f64::from(share)
    }

    /// The number of distinct originators, counted claims or not: originator
    /// indices run from 0 to this.
    pub fn originator_len(&self) -> usize {
        self.p.shares.len()
    }

    /// The number of counted claims.
    pub fn counted_len(&self) -> usize {
        self.p.counted
    }

    /// The number of counted claims that give a number.
    pub fn numeric_len(&self) -> usize {
        self.p.numeric
    }

    /// The number of distinct originators among the counted claims.
    pub fn independent(&self) -> usize {
        self.p.independent
    }

    /// The admission floor: the highest low end among counted, credible
    /// claims by a side about its own losses. No policy but `envelope`
    /// reports a figure below it.
    pub fn admission_floor(&self) -> Option<Decimal> {
        self.p.floor
    }

    /// The envelope: from the lowest to the highest value of any counted
    /// claim, as stated. `None` when no counted claim gives a number.
    pub fn envelope(&self) -> Option<Interval> {
        self.p.envelope
    }

    /// The consensus: the values every counted claim allows, each claim read
    /// as a [bound](Evidence::bound). `None` when they allow no common value,
    /// or when no counted claim gives a number.
    pub fn consensus(&self) -> Option<Interval> {
        self.p.consensus
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: &str, src: &str, v: &str) -> Evidence {
        Evidence::new(id, src, &v.parse().unwrap())
    }

    #[test]
    fn preparation_counts_revisions_originators_and_bounds() {
        // c1 (18) is revised to 19 by c2; c3 is an outlet relaying the same
        // originator as c2; c4 is Hezbollah admitting its own dead.
        let items = vec![
            ev("c2", "monitor", "19").superseding("c1"),
            ev("c1", "monitor", "18"),
            ev("c3", "monitor", "19"),
            ev("c4", "hez", "17").with_stake(Stake::Own),
        ];
        let p = Prepared::new(items, Reading::Strict, Superseded::Skip);
        let s = p.set();
        // Sorted by interval: 17 (c4), 18 (c1), 19 (c2), 19 (c3).
        let ids: Vec<&str> = s.all().iter().map(|e| e.claim().as_str()).collect();
        assert_eq!(ids, ["c4", "c1", "c2", "c3"]);
        assert!(s.is_superseded(1) && !s.is_counted(1));
        assert_eq!(s.counted_len(), 3);
        // Two originators: monitor and hez.
        assert_eq!(s.independent(), 2);
        // monitor has two counted claims (c2, c3): each weighs half of 0.25.
        assert!((s.weight(2) - 0.125).abs() < 1e-12);
        assert_eq!(s.weight(1), 0.0);
        // Floor from the admission: at least 17. Consensus: [19, 19] ∩ [17, ∞).
        assert_eq!(s.admission_floor(), Some(17.into()));
        assert_eq!(s.consensus().unwrap().to_string(), "[19, 19]");
        assert_eq!(s.envelope().unwrap().to_string(), "[17, 19]");

        let all = Prepared::new(p.items.clone(), Reading::Strict, Superseded::Count);
        assert!(all.set().is_counted(1));
        // With 18 counted, the consensus of 18 and 19 is empty.
        assert_eq!(all.set().consensus(), None);
    }

    #[test]
    fn duplicates_count_once() {
        let p = Prepared::new(
            vec![ev("c1", "a", "5"), ev("c1", "a", "5"), ev("c2", "a", "5")],
            Reading::Strict,
            Superseded::Skip,
        );
        assert_eq!(p.set().len(), 2);
        assert_eq!(p.set().independent(), 1);
    }
}
