//! The prepared stage: one figure's evidence sorted, de-duplicated and
//! annotated — revisions, originators, what the claims jointly allow, and
//! which claims are outliers — before any policy or conflict check reads it.
//! Policies see it through an [`EvidenceSet`]; the conflict checks read it
//! as it is and change nothing.

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::evidence::Evidence;
use super::ratio::log_gap_milli;
use super::tally::Superseded;
use crate::model::interval::{dcmp, dmax, dmin};
use crate::model::{ClaimId, Reading, SourceId, Stake};
use crate::{Interval, Scope};

/// What preparation learned about one piece of evidence.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Note {
    /// It counts: not superseded, unless superseded claims count.
    pub(crate) counted: bool,
    /// A claim of the set revises it.
    pub(crate) superseded: bool,
    /// Dense index of the originator.
    pub(crate) origin: usize,
    /// Far from every other claim (see [`Outlier`]).
    pub(crate) outlier: bool,
}

/// A run of equal intervals among the counted claims with a number, in
/// [`Prepared::order`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Value {
    pub(crate) interval: Interval,
    /// The run's range in [`Prepared::order`].
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// A value far from all the others: the lowest or highest, overlapping no
/// other, at least twice as far (score ≥ 0.3) from the nearest as the
/// others are spread, and backed by fewer independent sources than the
/// others, which are at least two.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Outlier {
    /// Index into [`Prepared::values`].
    pub(crate) value: usize,
    /// The gap to the nearest other value, in thousandths on the log scale.
    pub(crate) gap: u32,
    /// The nearest other value.
    pub(crate) nearest: Interval,
}

/// Up to this many claims, a figure's originators are numbered by sorting
/// the claims; above it, by hashing each originator once and sorting only
/// the distinct ones.
const SMALL: usize = 32;

/// One figure's evidence, prepared. The stage keeps its buffers from one
/// figure to the next: [`Prepared::fill`] replaces everything it holds.
#[derive(Debug, Default)]
pub(crate) struct Prepared<'s> {
    /// The evidence by [`Evidence::order`], without duplicates.
    pub(crate) items: Vec<Evidence>,
    /// One note per piece of evidence.
    pub(crate) notes: Vec<Note>,
    pub(crate) reading: Reading,
    /// The figure's scope, when it is known.
    pub(crate) scope: Option<&'s Scope>,
    /// Every index, by originator (in their text order), then index.
    pub(crate) by_origin: Vec<usize>,
    /// Counted claims of each originator.
    pub(crate) shares: Vec<usize>,
    /// Distinct originators of the counted claims.
    pub(crate) independent: usize,
    pub(crate) counted: usize,
    /// Counted claims that give a number.
    pub(crate) numeric: usize,
    pub(crate) floor: Option<Decimal>,
    pub(crate) envelope: Option<Interval>,
    pub(crate) consensus: Option<Interval>,
    /// The counted claims with a number, by interval under the reading,
    /// then index: `(interval, index)`.
    pub(crate) order: Vec<(Interval, usize)>,
    /// The runs of equal intervals in `order`, lowest first.
    pub(crate) values: Vec<Value>,
    /// The outlying values: the lowest first, then the highest.
    pub(crate) outliers: Vec<Outlier>,
}

impl<'s> Prepared<'s> {
    /// The stage with `items` prepared.
    pub(crate) fn new(
        items: impl IntoIterator<Item = Evidence>,
        reading: Reading,
        superseded: Superseded,
        scope: Option<&'s Scope>,
    ) -> Self {
        let mut p = Prepared::default();
        p.fill(items, reading, superseded, scope);
        p
    }

    /// Prepares `items` for a figure of `scope`, read under `reading`,
    /// replacing what the stage held.
    pub(crate) fn fill(
        &mut self,
        items: impl IntoIterator<Item = Evidence>,
        reading: Reading,
        superseded: Superseded,
        scope: Option<&'s Scope>,
    ) {
        self.items.clear();
        self.items.extend(items);
        self.sort_items();
        self.items.dedup();
        self.reading = reading;
        self.scope = scope;
        self.note_revisions(superseded);
        self.note_originators();
        self.bounds();
        self.group_values();
        self.find_outliers();
    }

    /// Sorts the evidence by [`Evidence::order`]. Many claims are sorted as
    /// their positions, each with its interval and claim id read once,
    /// instead of moving whole records through every step of the sort and
    /// reaching into each for its fields; only claims that tie on both (the
    /// same claim given twice) are compared in full. The records are then
    /// moved into place once.
    fn sort_items(&mut self) {
        if self.items.len() <= SMALL {
            self.items.sort_unstable_by(Evidence::order);
            return;
        }
        let items = &self.items;
        let mut keys: Vec<(Interval, &str, usize)> = items
            .iter()
            .enumerate()
            .map(|(i, e)| (e.interval(), e.claim().as_str(), i))
            .collect();
        keys.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| a.1.cmp(b.1))
                .then_with(|| Evidence::order(&items[a.2], &items[b.2]))
        });
        let order: Vec<usize> = keys.into_iter().map(|k| k.2).collect();
        let mut slots: Vec<Option<Evidence>> = self.items.drain(..).map(Some).collect();
        self.items.extend(
            order
                .iter()
                .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
        );
    }

    /// Revisions: a claim is superseded when another claim of the set names it.
    fn note_revisions(&mut self, superseded: Superseded) {
        self.notes.clear();
        self.notes.resize(self.items.len(), Note::default());
        let mut targets: Vec<&ClaimId> =
            self.items.iter().filter_map(Evidence::supersedes).collect();
        targets.sort_unstable();
        targets.dedup();
        for (e, n) in self.items.iter().zip(&mut self.notes) {
            n.superseded = targets.binary_search(&e.claim()).is_ok();
            n.counted = !n.superseded || superseded == Superseded::Count;
        }
    }

    /// Originators, as dense indices in their text order, and the counted
    /// claims of each.
    fn note_originators(&mut self) {
        let items = &self.items;
        self.by_origin.clear();
        self.by_origin.extend(0..items.len());
        if items.len() <= SMALL {
            self.by_origin.sort_unstable_by(|&a, &b| {
                (items[a].originator(), a).cmp(&(items[b].originator(), b))
            });
            for (k, &i) in self.by_origin.iter().enumerate() {
                let prev = k.checked_sub(1).map(|p| self.by_origin[p]);
                let new = prev.is_none_or(|p| items[p].originator() != items[i].originator());
                self.notes[i].origin = match prev {
                    Some(p) if !new => self.notes[p].origin,
                    Some(p) => self.notes[p].origin + 1,
                    None => 0,
                };
            }
        } else {
            // Many claims: hash each originator once and sort only the
            // distinct ones, instead of comparing text on every step of a
            // sort of all the claims.
            let mut slots: HashMap<&SourceId, usize> = HashMap::new();
            let mut firsts: Vec<usize> = Vec::new();
            for (i, e) in items.iter().enumerate() {
                let next = slots.len();
                let slot = *slots.entry(e.originator()).or_insert_with(|| {
                    firsts.push(i);
                    next
                });
                self.notes[i].origin = slot;
            }
            let mut ranked: Vec<usize> = (0..firsts.len()).collect();
            ranked.sort_unstable_by(|&a, &b| {
                items[firsts[a]]
                    .originator()
                    .cmp(items[firsts[b]].originator())
            });
            let mut rank = vec![0; firsts.len()];
            for (r, &slot) in ranked.iter().enumerate() {
                rank[slot] = r;
            }
            for n in &mut self.notes {
                n.origin = rank[n.origin];
            }
            let notes = &self.notes;
            self.by_origin.sort_by_key(|&i| notes[i].origin);
        }
        self.shares.clear();
        for n in &self.notes {
            if self.shares.len() <= n.origin {
                self.shares.resize(n.origin + 1, 0);
            }
            if n.counted {
                self.shares[n.origin] += 1;
            }
        }
        self.independent = self.shares.iter().filter(|&&s| s > 0).count();
    }

    /// The counts, the envelope, the consensus and the admission floor of
    /// the counted claims.
    fn bounds(&mut self) {
        self.counted = 0;
        self.numeric = 0;
        self.floor = None;
        self.envelope = None;
        self.consensus = None;
        let mut empty = false;
        for (e, n) in self.items.iter().zip(&self.notes) {
            if !n.counted {
                continue;
            }
            self.counted += 1;
            if e.is_unknown() {
                continue;
            }
            self.numeric += 1;
            let i = e.interval_read(self.reading);
            self.envelope = Some(self.envelope.map_or(i, |h| h.hull(&i)));
            let b = e.bound(self.reading);
            if !empty {
                self.consensus = match self.consensus {
                    None => Some(b),
                    Some(c) => c.intersection(&b),
                };
                empty = self.consensus.is_none();
            }
            if e.stake() == Stake::Own && !e.is_questionable() {
                self.floor = Some(self.floor.map_or(i.low(), |f| dmax(f, i.low())));
            }
        }
    }

    /// The counted claims with a number by interval, and their runs of
    /// equal intervals.
    fn group_values(&mut self) {
        let reading = self.reading;
        self.order.clear();
        self.order.extend(
            self.items
                .iter()
                .zip(&self.notes)
                .enumerate()
                .filter(|(_, (e, n))| n.counted && !e.is_unknown())
                .map(|(i, (e, _))| (e.interval_read(reading), i)),
        );
        // The evidence is sorted by its strict interval: only another
        // reading can change the order.
        if reading != Reading::Strict {
            self.order.sort_unstable();
        }
        self.values.clear();
        for (k, (iv, _)) in self.order.iter().enumerate() {
            match self.values.last_mut() {
                Some(v) if v.interval == *iv => v.end = k + 1,
                _ => self.values.push(Value {
                    interval: *iv,
                    start: k,
                    end: k + 1,
                }),
            }
        }
    }

    /// The lowest value against the rest, and the highest against the rest:
    /// first by their geometry alone (isolated, and farther from the nearest
    /// than the rest are spread), then by who backs them.
    fn find_outliers(&mut self) {
        self.outliers.clear();
        let values = &self.values;
        let m = values.len();
        if m < 2 {
            return;
        }
        let mut candidates: Vec<Outlier> = Vec::new();
        for (v, rest) in [(0, &values[1..]), (m - 1, &values[..m - 1])] {
            if let Some((gap, nearest)) = isolation(&values[v], v == 0, rest) {
                candidates.push(Outlier {
                    value: v,
                    gap,
                    nearest,
                });
            }
        }
        if candidates.is_empty() {
            return;
        }
        // Which originators back each value, and which back only that value.
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (v, val) in values.iter().enumerate() {
            for &(_, i) in &self.order[val.start..val.end] {
                pairs.push((self.notes[i].origin, v));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut backers = vec![0usize; m];
        let mut only = vec![0usize; m];
        let mut origins = 0;
        for run in pairs.chunk_by(|x, y| x.0 == y.0) {
            origins += 1;
            for &(_, v) in run {
                backers[v] += 1;
            }
            if let [(_, v)] = run {
                only[*v] += 1;
            }
        }
        for c in candidates {
            let others = origins - only[c.value];
            if others >= 2 && others > backers[c.value] {
                let val = values[c.value];
                for &(_, i) in &self.order[val.start..val.end] {
                    self.notes[i].outlier = true;
                }
                self.outliers.push(c);
            }
        }
    }

    /// What a policy sees.
    pub(crate) fn set(&self) -> EvidenceSet<'_> {
        EvidenceSet { p: self }
    }
}

/// How far `value`, the lowest (`lowest`) or the highest of the values,
/// lies from the `rest`: the gap to the nearest of them and that value, when
/// it overlaps none of them and the gap is at least 0.3 and more than the
/// rest are spread. The rest must be bounded above.
fn isolation(value: &Value, lowest: bool, rest: &[Value]) -> Option<(u32, Interval)> {
    let rest_high = rest
        .iter()
        .map(|r| r.interval.high())
        .reduce(|a, b| a.zip(b).map(|(a, b)| dmax(a, b)))??;
    let rest_low = rest.iter().map(|r| r.interval.low()).reduce(dmin)?;
    let (gap, nearest) = if lowest {
        let h = value.interval.high()?;
        if dcmp(&h, &rest_low).is_ge() {
            return None;
        }
        (log_gap_milli(h, rest_low), rest[0].interval)
    } else {
        if dcmp(&rest_high, &value.interval.low()).is_ge() {
            return None;
        }
        let nearest = rest
            .iter()
            .rfind(|r| r.interval.high() == Some(rest_high))
            .map_or(value.interval, |r| r.interval);
        (log_gap_milli(rest_high, value.interval.low()), nearest)
    };
    (gap >= 301 && gap > log_gap_milli(rest_low, rest_high)).then_some((gap, nearest))
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
    p: &'a Prepared<'a>,
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

    /// The scope of the figure — what it counts, where, when and of whom —
    /// when it was reconciled from a dossier; `None` for a [`Tally`]
    /// finished on its own.
    ///
    /// [`Tally`]: crate::reconcile::Tally
    ///
    /// ```
    /// use reckon::reconcile::policy::{Outcome, Policy};
    /// use reckon::reconcile::EvidenceSet;
    /// use reckon::{Claim, Dossier, Error, Figure, Measure, Reconciler, Scope, Source, SourceKind};
    ///
    /// /// The envelope, except that a count of the wounded is never reconciled.
    /// struct NoWounded;
    ///
    /// impl Policy for NoWounded {
    ///     fn name(&self) -> &str {
    ///         "no_wounded"
    ///     }
    ///     fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
    ///         let wounded = set.scope().is_some_and(|s| *s.measure() == Measure::Wounded);
    ///         let range = if wounded { None } else { set.envelope() };
    ///         Ok(Outcome::new(set).with_range(range))
    ///     }
    /// }
    ///
    /// let mut d = Dossier::new();
    /// d.add_source(Source::new("a", "a monitor", SourceKind::Monitor));
    /// d.add_figure(Figure::new("k", "killed", Scope::new(Measure::Killed)));
    /// d.add_figure(Figure::new("w", "wounded", Scope::new(Measure::Wounded)));
    /// d.add_claim(Claim::new("c1", "k", "a", "12".parse()?));
    /// d.add_claim(Claim::new("c2", "w", "a", "30".parse()?));
    /// let findings = Reconciler::new().policy(NoWounded).reconcile(&d)?;
    /// assert!(findings.get(&"k".into()).unwrap().range().is_some());
    /// assert_eq!(findings.get(&"w".into()).unwrap().range(), None);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn scope(&self) -> Option<&'a Scope> {
        self.p.scope
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
        self.p.notes[i].origin
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
        let share = self.p.shares[n.origin].max(1);
        self.p.items[i].weight() / share as f64
    }

    /// The indices of the evidence, in runs that share an originator.
    pub(crate) fn by_originator(&self) -> impl Iterator<Item = &'a [usize]> + 'a {
        let notes = &self.p.notes;
        self.p
            .by_origin
            .chunk_by(move |&a, &b| notes[a].origin == notes[b].origin)
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
    pub fn independent_count(&self) -> usize {
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
    fn originators_are_numbered_alike_on_both_sides_of_small() {
        // The same claims, few and many: originators in text order, each
        // claim's share of its originator's weight the same either way.
        for n in [SMALL / 2, SMALL * 4] {
            let items: Vec<Evidence> = (0..n)
                .map(|k| ev(&format!("c{k:03}"), &format!("s{}", (k * 7) % 5), "10"))
                .collect();
            let p = Prepared::new(items, Reading::Strict, Superseded::Skip, None);
            let s = p.set();
            assert_eq!(s.originator_len(), 5, "{n} claims");
            assert_eq!(s.independent_count(), 5);
            for i in 0..n {
                let origin = s.get(i).originator().as_str();
                assert_eq!(format!("s{}", s.originator_index(i)), origin);
            }
            let runs: Vec<usize> = s.by_originator().map(<[usize]>::len).collect();
            assert_eq!(runs.iter().sum::<usize>(), n);
            assert_eq!(runs.len(), 5);
        }
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
        let p = Prepared::new(items, Reading::Strict, Superseded::Skip, None);
        let s = p.set();
        // Sorted by interval: 17 (c4), 18 (c1), 19 (c2), 19 (c3).
        let ids: Vec<&str> = s.all().iter().map(|e| e.claim().as_str()).collect();
        assert_eq!(ids, ["c4", "c1", "c2", "c3"]);
        assert!(s.is_superseded(1) && !s.is_counted(1));
        assert_eq!(s.counted_len(), 3);
        // Two originators: monitor and hez.
        assert_eq!(s.independent_count(), 2);
        // monitor has two counted claims (c2, c3): each weighs half of 0.25.
        assert!((s.weight(2) - 0.125).abs() < 1e-12);
        assert_eq!(s.weight(1), 0.0);
        // Floor from the admission: at least 17. Consensus: [19, 19] ∩ [17, ∞).
        assert_eq!(s.admission_floor(), Some(17.into()));
        assert_eq!(s.consensus().unwrap().to_string(), "[19, 19]");
        assert_eq!(s.envelope().unwrap().to_string(), "[17, 19]");

        let all = Prepared::new(p.items.clone(), Reading::Strict, Superseded::Count, None);
        assert!(all.set().is_counted(1));
        // With 18 counted, the consensus of 18 and 19 is empty.
        assert_eq!(all.set().consensus(), None);
    }

    #[test]
    fn many_claims_sort_as_the_evidence_order() {
        // Past SMALL, in a scrambled order: repeated intervals, repeated
        // claim ids with other details, and exact duplicates.
        let values = ["10", "5.0", "5", "7–9", "20+", "unknown", "~100", "9"];
        let mut items: Vec<Evidence> = (0..SMALL * 5)
            .map(|k| {
                let id = format!("c{}", (k * 37) % (SMALL * 2));
                ev(&id, &format!("s{}", k % 3), values[(k * 5) % values.len()])
            })
            .collect();
        items.push(items[3].clone());
        items.push(items[10].clone().with_stake(Stake::Own));
        let mut want = items.clone();
        want.sort_unstable_by(Evidence::order);
        want.dedup();
        let p = Prepared::new(items, Reading::Strict, Superseded::Skip, None);
        assert_eq!(p.items, want);
    }

    #[test]
    fn duplicates_count_once() {
        let p = Prepared::new(
            vec![ev("c1", "a", "5"), ev("c1", "a", "5"), ev("c2", "a", "5")],
            Reading::Strict,
            Superseded::Skip,
            None,
        );
        assert_eq!(p.set().len(), 2);
        assert_eq!(p.set().independent_count(), 1);
    }
}
