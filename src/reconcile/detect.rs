//! The conflicts within one figure, read from its prepared evidence. The
//! checks sort and sweep: a figure with `k` claims is checked in
//! `O(k log k)`, never by comparing every pair.

use rust_decimal::Decimal;

use smallvec::smallvec;

use super::conflict::{ClaimList, Conflict, Detail};
use super::prepared::{Prepared, Value};
use super::ratio::log_gap_milli;
use crate::model::interval::{cmp_high, dcmp};
use crate::model::{ClaimId, FigureId, TripleIssue};

/// The checks, with the buffers they keep from one figure to the next.
#[derive(Debug, Default)]
pub(crate) struct Detector {
    found: Vec<Conflict>,
    by_high: Vec<usize>,
    pairs: Vec<(usize, usize)>,
}

impl Detector {
    /// The conflicts within `figure`, whose evidence `p` holds: disjoint
    /// values, outliers, an empty consensus, a single side, revisions,
    /// inconsistent triples and fractions in a count, in that order.
    pub(crate) fn within(&mut self, p: &Prepared<'_>, figure: &FigureId) -> Box<[Conflict]> {
        self.found.clear();
        self.disjoint(p, figure);
        others(p, figure, &mut self.found);
        self.found.drain(..).collect()
    }
}

/// The conflicts within `figure` but disjoint values.
fn others(p: &Prepared<'_>, figure: &FigureId, out: &mut Vec<Conflict>) {
    let fig = || figure.clone();
    let claims_of = |v: &Value, into: &mut ClaimList| {
        into.extend(
            p.order[v.start..v.end]
                .iter()
                .map(|&(_, i)| p.items[i].claim().clone()),
        );
    };

    for o in &p.outliers {
        let value = &p.values[o.value];
        let mut claims = ClaimList::with_capacity(value.end - value.start);
        claims_of(value, &mut claims);
        let detail = Detail::Outlier {
            value: value.interval,
            nearest: o.nearest,
        };
        out.push(Conflict::within_figure(detail, Some(o.gap), claims, fig()));
    }
    if let Some(c) = empty_consensus(p) {
        out.push(Conflict::within_figure(c.0, c.1, c.2, fig()));
    }

    // Partisan only: every counted claim with a number from one side.
    if let Some(&(_, first)) = p.order.first() {
        if let Some(side) = p.items[first].side() {
            if p.order
                .iter()
                .all(|&(_, i)| p.items[i].side() == Some(side))
            {
                let claims = p.order.iter().map(|&(_, i)| p.items[i].claim().clone());
                let detail = Detail::PartisanOnly { side: side.clone() };
                out.push(Conflict::within_figure(
                    detail,
                    None,
                    claims.collect(),
                    fig(),
                ));
            }
        }
    }

    // Revisions: each link between two claims of the set.
    if p.items.iter().any(|e| e.supersedes().is_some()) {
        let mut ids: Vec<(&ClaimId, usize)> = p
            .items
            .iter()
            .enumerate()
            .map(|(i, e)| (e.claim(), i))
            .collect();
        ids.sort_unstable();
        let reading = p.reading;
        for e in &p.items {
            let Some(old) = e.supersedes() else { continue };
            let Ok(k) = ids.binary_search_by(|(id, _)| (*id).cmp(old)) else {
                continue;
            };
            let before = &p.items[ids[k].1];
            let score = match (before.point(reading), e.point(reading)) {
                (Some(a), Some(b)) => Some(log_gap_milli(a, b)),
                _ => None,
            };
            let detail = Detail::Revision {
                from: before.interval_read(reading),
                to: e.interval_read(reading),
            };
            let claims = smallvec![old.clone(), e.claim().clone()];
            out.push(Conflict::within_figure(detail, score, claims, fig()));
        }
    }

    // Inconsistent triples, counted or not.
    for e in &p.items {
        if let Some(t) = e.bad_triple() {
            let score = match t.issue {
                TripleIssue::LowAboveHigh => log_gap_milli(t.high, t.low),
                TripleIssue::BestBelowLow => log_gap_milli(t.best, t.low),
                _ => log_gap_milli(t.high, t.best),
            };
            let detail = Detail::InvalidTriple {
                issue: t.issue,
                low: t.low,
                best: t.best,
                high: t.high,
            };
            out.push(Conflict::within_figure(
                detail,
                Some(score),
                smallvec![e.claim().clone()],
                fig(),
            ));
        }
    }

    // Fractions in a count of whole things, counted or not, and points
    // that may separate thousands: one of the two for a claim, the point
    // first (a count of 1.500 is more likely 1,500 than one and a half).
    if p.scope.is_some_and(|s| s.unit().counts_whole()) {
        for e in &p.items {
            let detail = match (e.ambiguous_point(), e.fraction()) {
                (Some(value), _) => Detail::AmbiguousPoint { value },
                (None, Some(value)) => Detail::NotWhole { value },
                (None, None) => continue,
            };
            let claims = smallvec![e.claim().clone()];
            out.push(Conflict::within_figure(detail, None, claims, fig()));
        }
    }
}

impl Detector {
    /// One conflict per value that is the nearest value below some others.
    fn disjoint(&mut self, p: &Prepared<'_>, figure: &FigureId) {
        let values = &p.values;
        if values.len() < 2 {
            return;
        }
        // Values bounded above, by high end then low end: the last one
        // passed below a point is the nearest below it.
        let by_high = &mut self.by_high;
        by_high.clear();
        by_high.extend((0..values.len()).filter(|&v| values[v].interval.high().is_some()));
        by_high.sort_unstable_by(|&a, &b| {
            let (x, y) = (values[a].interval, values[b].interval);
            cmp_high(x.high(), y.high()).then_with(|| dcmp(&x.low(), &y.low()))
        });
        let pairs = &mut self.pairs;
        pairs.clear();
        let mut seen = 0;
        let mut below: Option<usize> = None;
        for (b, v) in values.iter().enumerate() {
            // Every value in `by_high` is bounded above.
            while let Some(&a) = by_high.get(seen).filter(|&&a| {
                values[a]
                    .interval
                    .high()
                    .is_none_or(|h| dcmp(&h, &v.interval.low()).is_lt())
            }) {
                below = Some(a);
                seen += 1;
            }
            if let Some(a) = below {
                pairs.push((a, b));
            }
        }
        pairs.sort_by_key(|&(a, _)| a);
        let claims_of = |v: &Value| {
            p.order[v.start..v.end]
                .iter()
                .map(|&(_, i)| p.items[i].claim().clone())
        };
        for group in pairs.chunk_by(|x, y| x.0 == y.0) {
            let (Some(&(a, nearest)), Some(&(_, farthest))) = (group.first(), group.last()) else {
                continue;
            };
            let (lower, nearest, farthest) = (&values[a], &values[nearest], &values[farthest]);
            let claimed = |v: &Value| v.end - v.start;
            let count = group
                .iter()
                .map(|&(_, b)| claimed(&values[b]))
                .sum::<usize>();
            let mut claims = ClaimList::with_capacity(claimed(lower) + count);
            claims.extend(claims_of(lower));
            for &(_, b) in group {
                claims.extend(claims_of(&values[b]));
            }
            let score = log_gap_milli(
                lower.interval.high().unwrap_or_default(),
                farthest.interval.low(),
            );
            let detail = Detail::Disjoint {
                lower: lower.interval,
                nearest: nearest.interval,
                farthest: farthest.interval,
                uppers: group.len(),
            };
            self.found.push(Conflict::within_figure(
                detail,
                Some(score),
                claims,
                figure.clone(),
            ));
        }
    }
}

/// An empty consensus: the lowest ceiling against the highest floor, with
/// its score and claims.
fn empty_consensus(p: &Prepared<'_>) -> Option<(Detail, Option<u32>, ClaimList)> {
    if p.numeric < 2 || p.consensus.is_some() {
        return None;
    }
    let mut floor: Option<(Decimal, usize)> = None;
    let mut ceiling: Option<(Decimal, usize)> = None;
    for &(_, i) in &p.order {
        let b = p.items[i].bound(p.reading);
        if floor.is_none_or(|(f, _)| dcmp(&b.low(), &f).is_gt()) {
            floor = Some((b.low(), i));
        }
        if let Some(h) = b.high() {
            if ceiling.is_none_or(|(c, _)| dcmp(&h, &c).is_lt()) {
                ceiling = Some((h, i));
            }
        }
    }
    let ((f, fi), (c, ci)) = (floor?, ceiling?);
    dcmp(&f, &c).is_gt().then(|| {
        let detail = Detail::EmptyConsensus {
            ceiling: p.items[ci].bound(p.reading),
            floor: p.items[fi].bound(p.reading),
        };
        let claims = smallvec![p.items[ci].claim().clone(), p.items[fi].claim().clone()];
        (detail, Some(log_gap_milli(c, f)), claims)
    })
}
