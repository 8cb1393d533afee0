//! Conflicts: where the sources contradict each other, typed, with the
//! claims involved, a severity and an explanation.
//!
//! Within one figure (found when it is reconciled, in `O(k log k)` for `k`
//! claims — detection sorts and sweeps, it never compares every pair):
//! [`disjoint`](ConflictKind::Disjoint), [`empty_consensus`](ConflictKind::EmptyConsensus),
//! [`outlier`](ConflictKind::Outlier), [`partisan_only`](ConflictKind::PartisanOnly),
//! [`revision`](ConflictKind::Revision), [`invalid_triple`](ConflictKind::InvalidTriple).
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
//! `severe`. Conflicts without a gap have a fixed severity (`partisan_only`
//! and `scope_mismatch` are `moderate`, `revision` is `info`).
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

use crate::Interval;
use crate::model::names::worded_enum;
use crate::model::{ClaimId, FigureId, Reading, Side, TripleIssue};
use crate::reconcile::evidence::BadTriple;
use crate::reconcile::ratio::{log_gap_milli, milli};
use crate::reconcile::tally::{Prepared, Scratch};

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

/// What a conflict is about, for its explanation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Detail {
    Disjoint {
        lower: Interval,
        nearest: Interval,
        farthest: Interval,
        uppers: usize,
    },
    EmptyConsensus {
        ceiling: Interval,
        floor: Interval,
    },
    Outlier {
        value: Interval,
        nearest: Interval,
    },
    PartisanOnly {
        side: Side,
    },
    Revision {
        from: Interval,
        to: Interval,
    },
    InvalidTriple(BadTriple),
    PartExceedsWhole {
        part: Interval,
        whole: Interval,
    },
    ComponentsExceedTotal {
        sum: Interval,
        total: Interval,
    },
    TotalBelowParts {
        total: Interval,
        figure: Decimal,
        parts: Interval,
    },
    ScopeMismatch {
        what: String,
    },
}

/// One contradiction (or revision) between claims, typed and explained.
///
/// `Display` writes the explanation, lowercase, e.g. "50–170 and 200 do not
/// overlap: a gap of 30".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Conflict {
    kind: ConflictKind,
    severity: Severity,
    /// In thousandths; `None` for conflicts that measure no gap.
    score: Option<u32>,
    claims: Vec<ClaimId>,
    figures: Vec<FigureId>,
    detail: Detail,
}

impl Conflict {
    pub(crate) fn new(
        kind: ConflictKind,
        score: Option<u32>,
        claims: Vec<ClaimId>,
        figures: Vec<FigureId>,
        detail: Detail,
    ) -> Self {
        let severity = match (kind, score) {
            (ConflictKind::Revision, _) => Severity::Info,
            (_, Some(m)) => Severity::of_score(m),
            (_, None) => Severity::Moderate,
        };
        Conflict {
            kind,
            severity,
            score,
            claims,
            figures,
            detail,
        }
    }

    fn capped(mut self, at: Severity) -> Self {
        self.severity = self.severity.min(at);
        self
    }

    /// The kind.
    pub fn kind(&self) -> ConflictKind {
        self.kind
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
        &self.figures
    }

    /// The explanation (as `Display` writes it).
    pub fn explanation(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.detail {
            Detail::Disjoint {
                lower,
                nearest,
                farthest,
                uppers,
            } => {
                let gap = |u: &Interval| lower.gap(u);
                if *uppers == 1 {
                    write!(
                        f,
                        "{} and {} do not overlap: a gap of {}",
                        lower.compact(),
                        nearest.compact(),
                        gap(nearest)
                    )
                } else {
                    write!(
                        f,
                        "{} lies below {} and {} other value{}: gaps of {} to {}",
                        lower.compact(),
                        nearest.compact(),
                        uppers - 1,
                        if *uppers == 2 { "" } else { "s" },
                        gap(nearest),
                        gap(farthest)
                    )
                }
            }
            Detail::EmptyConsensus { ceiling, floor } => {
                let (ceiling, floor) = (*ceiling, *floor);
                write!(
                    f,
                    "no value fits every claim: one allows at most {}, another at least {}",
                    ceiling
                        .high()
                        .map_or_else(|| "any".to_owned(), |h| h.to_string()),
                    floor.low()
                )
            }
            Detail::Outlier { value, nearest } => {
                write!(
                    f,
                    "{} lies far from every other claim: the nearest is {}",
                    value.compact(),
                    nearest.compact()
                )
            }
            Detail::PartisanOnly { side } => {
                write!(f, "every claim with a number comes from the {side} side")
            }
            Detail::Revision { from, to } => {
                write!(f, "{} was revised to {}", from.compact(), to.compact())
            }
            Detail::InvalidTriple(t) => write!(
                f,
                "the triple {}/{}/{} is inconsistent: {}",
                t.low, t.best, t.high, t.issue
            ),
            Detail::PartExceedsWhole { part, whole } => {
                let (part, whole) = (*part, *whole);
                write!(
                    f,
                    "the part is at least {} but the whole is at most {}",
                    part.low(),
                    whole
                        .high()
                        .map_or_else(|| "unbounded".to_owned(), |h| h.to_string())
                )
            }
            Detail::ComponentsExceedTotal { sum, total } => {
                let (sum, total) = (*sum, *total);
                write!(
                    f,
                    "the components add up to at least {} but the total is at most {}",
                    sum.low(),
                    total
                        .high()
                        .map_or_else(|| "unbounded".to_owned(), |h| h.to_string())
                )
            }
            Detail::TotalBelowParts {
                total,
                figure,
                parts,
            } => {
                let (total, parts) = (*total, *parts);
                if total.high().is_some_and(|h| h < parts.low()) {
                    write!(
                        f,
                        "the total is at most {} but its parts add up to at least {}",
                        total.high().unwrap_or_default(),
                        parts.low()
                    )
                } else {
                    write!(
                        f,
                        "the total's figure {figure} is below the {} its parts add up to at least",
                        parts.low()
                    )
                }
            }
            Detail::ScopeMismatch { what } => f.write_str(what),
        }
    }
}

/// A run of equal stated intervals among the counted claims with a number.
#[derive(Debug)]
pub(crate) struct Value {
    interval: Interval,
    /// Range in the sorted claim list.
    start: usize,
    end: usize,
}

/// Detects the conflicts within one figure and marks outliers on `p`.
pub(crate) fn within(p: &mut Prepared, figure: &FigureId, scratch: &mut Scratch) -> Vec<Conflict> {
    // Built in a reused buffer, then copied out at its exact size: a vector
    // grown by pushes would hold room for four conflicts per figure.
    let mut out = std::mem::take(&mut scratch.conflicts);
    out.clear();
    let reading = p.reading;
    let fig = || vec![figure.clone()];

    // Counted claims with a number, by stated interval (then index).
    let mut order = std::mem::take(&mut scratch.order);
    order.clear();
    order.extend(
        p.items
            .iter()
            .zip(&p.notes)
            .enumerate()
            .filter(|(_, (e, n))| n.counted && !e.is_unknown())
            .map(|(i, (e, _))| (e.interval_read(reading), i as u32)),
    );
    // The evidence is sorted by its strict interval: only another reading
    // can change the order.
    if order.len() > 1 && reading != Reading::Strict {
        order.sort_unstable();
    }
    let mut values = std::mem::take(&mut scratch.values);
    values.clear();
    for (k, (iv, _)) in order.iter().enumerate() {
        match values.last_mut() {
            Some(v) if v.interval == *iv => v.end = k + 1,
            _ => values.push(Value {
                interval: *iv,
                start: k,
                end: k + 1,
            }),
        }
    }
    let claims_of = |v: &Value, into: &mut Vec<ClaimId>| {
        for &(_, i) in &order[v.start..v.end] {
            into.push(p.items[i as usize].claim().clone());
        }
    };

    if values.len() > 1 {
        disjoint(&values, &claims_of, &fig, scratch, &mut out);
        let marked = outliers(p, &order, &values, &claims_of, &fig, scratch, &mut out);
        for i in marked {
            p.notes[i as usize].outlier = true;
        }
    }
    scratch.values = values;

    // Empty consensus: the lowest ceiling against the highest floor.
    if p.numeric > 1 && p.consensus.is_none() {
        let mut floor: Option<(Decimal, usize)> = None;
        let mut ceiling: Option<(Decimal, usize)> = None;
        for &(_, i) in &order {
            let b = p.items[i as usize].bound(reading);
            if floor.is_none_or(|(f, _)| b.low() > f) {
                floor = Some((b.low(), i as usize));
            }
            if let Some(h) = b.high() {
                if ceiling.is_none_or(|(c, _)| h < c) {
                    ceiling = Some((h, i as usize));
                }
            }
        }
        if let (Some((f, fi)), Some((c, ci))) = (floor, ceiling) {
            if f > c {
                out.push(Conflict::new(
                    ConflictKind::EmptyConsensus,
                    Some(log_gap_milli(c, f)),
                    vec![p.items[ci].claim().clone(), p.items[fi].claim().clone()],
                    fig(),
                    Detail::EmptyConsensus {
                        ceiling: p.items[ci].bound(reading),
                        floor: p.items[fi].bound(reading),
                    },
                ));
            }
        }
    }

    // Partisan only: every counted claim with a number from one side.
    if let Some(&(_, first)) = order.first() {
        if let Some(side) = p.items[first as usize].side() {
            let one_side = order
                .iter()
                .all(|&(_, i)| p.items[i as usize].side() == Some(side));
            if one_side {
                out.push(Conflict::new(
                    ConflictKind::PartisanOnly,
                    None,
                    order
                        .iter()
                        .map(|&(_, i)| p.items[i as usize].claim().clone())
                        .collect(),
                    fig(),
                    Detail::PartisanOnly { side: side.clone() },
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
        for e in &p.items {
            let Some(old) = e.supersedes() else { continue };
            let Ok(k) = ids.binary_search_by(|(id, _)| (*id).cmp(old)) else {
                continue;
            };
            let before = &p.items[ids[k].1];
            let (from, to) = (before.interval_read(reading), e.interval_read(reading));
            let score = match (before.point(reading), e.point(reading)) {
                (Some(a), Some(b)) => Some(log_gap_milli(a, b)),
                _ => None,
            };
            out.push(Conflict::new(
                ConflictKind::Revision,
                score,
                vec![old.clone(), e.claim().clone()],
                fig(),
                Detail::Revision { from, to },
            ));
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
            out.push(Conflict::new(
                ConflictKind::InvalidTriple,
                Some(score),
                vec![e.claim().clone()],
                fig(),
                Detail::InvalidTriple(*t),
            ));
        }
    }
    scratch.order = order;
    let mut found = Vec::with_capacity(out.len());
    found.append(&mut out);
    scratch.conflicts = out;
    found
}

/// One conflict per value that is the nearest value below some others.
fn disjoint(
    values: &[Value],
    claims_of: &dyn Fn(&Value, &mut Vec<ClaimId>),
    fig: &dyn Fn() -> Vec<FigureId>,
    scratch: &mut Scratch,
    out: &mut Vec<Conflict>,
) {
    // Values by high end (unbounded last), then low end: the last one seen
    // below a point is the nearest below it.
    let by_high = &mut scratch.by_high;
    by_high.clear();
    by_high.extend((0..values.len()).filter(|&v| values[v].interval.high().is_some()));
    by_high.sort_unstable_by(|&a, &b| {
        let (a, b) = (&values[a].interval, &values[b].interval);
        // As `(high, low)` tuples order: every high here is `Some`.
        match (a.high(), b.high()) {
            (Some(x), Some(y)) => x.cmp(&y),
            (x, y) => x.cmp(&y),
        }
        .then_with(|| a.low().cmp(&b.low()))
    });
    let pairs = &mut scratch.pairs;
    pairs.clear();
    let mut seen = 0;
    let mut below: Option<usize> = None;
    for (b, v) in values.iter().enumerate() {
        while seen < by_high.len()
            && values[by_high[seen]]
                .interval
                .high()
                .is_some_and(|h| h < v.interval.low())
        {
            below = Some(by_high[seen]);
            seen += 1;
        }
        if let Some(a) = below {
            pairs.push((a, b));
        }
    }
    pairs.sort_by_key(|&(a, _)| a);
    for group in pairs.chunk_by(|x, y| x.0 == y.0) {
        let a = &values[group[0].0];
        let nearest = &values[group[0].1];
        let farthest = &values[group[group.len() - 1].1];
        let mut claims = Vec::new();
        claims_of(a, &mut claims);
        for &(_, b) in group {
            claims_of(&values[b], &mut claims);
        }
        let score = log_gap_milli(
            a.interval.high().unwrap_or_default(),
            farthest.interval.low(),
        );
        out.push(Conflict::new(
            ConflictKind::Disjoint,
            Some(score),
            claims,
            fig(),
            Detail::Disjoint {
                lower: a.interval,
                nearest: nearest.interval,
                farthest: farthest.interval,
                uppers: group.len(),
            },
        ));
    }
}

/// Reports outliers among the extreme values, and returns their claims' indices.
fn outliers(
    p: &Prepared,
    order: &[(Interval, u32)],
    values: &[Value],
    claims_of: &dyn Fn(&Value, &mut Vec<ClaimId>),
    fig: &dyn Fn() -> Vec<FigureId>,
    scratch: &mut Scratch,
    out: &mut Vec<Conflict>,
) -> Vec<u32> {
    let m = values.len();
    let mut marked = Vec::new();
    let max_high = |vs: &[Value]| -> Option<Option<Decimal>> {
        vs.iter()
            .map(|v| v.interval.high())
            .reduce(|a, b| match (a, b) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            })
    };
    // The lowest value, against the rest; the highest, against the rest:
    // first by their geometry alone (isolated, and farther from the nearest
    // than the rest are spread).
    let mut candidates: [Option<(usize, u32, Interval)>; 2] = [None, None];
    for (slot, (v, rest)) in [(0, &values[1..]), (m - 1, &values[..m - 1])]
        .into_iter()
        .enumerate()
    {
        let val = &values[v];
        let Some(Some(rest_high)) = max_high(rest) else {
            continue;
        };
        let rest_low = rest
            .iter()
            .map(|r| r.interval.low())
            .reduce(Decimal::min)
            .unwrap_or_default();
        // Isolation and the gap to the nearest other value.
        let (gap, nearest) = if v == 0 {
            let Some(h) = val.interval.high() else {
                continue;
            };
            if h >= rest_low {
                continue;
            }
            (log_gap_milli(h, rest_low), rest[0].interval)
        } else {
            if rest_high >= val.interval.low() {
                continue;
            }
            let nearest = rest
                .iter()
                .rfind(|r| r.interval.high() == Some(rest_high))
                .map_or(val.interval, |r| r.interval);
            (log_gap_milli(rest_high, val.interval.low()), nearest)
        };
        if gap >= 301 && gap > log_gap_milli(rest_low, rest_high) {
            candidates[slot] = Some((v, gap, nearest));
        }
    }
    if candidates.iter().all(Option::is_none) {
        return marked;
    }
    // Which originators back each value, and which back only that value.
    let pairs = &mut scratch.origin_pairs;
    pairs.clear();
    for (v, val) in values.iter().enumerate() {
        for &(_, i) in &order[val.start..val.end] {
            pairs.push((p.notes[i as usize].origin, v));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let counts = &mut scratch.counts;
    counts.clear();
    counts.resize(2 * m, 0);
    let (backers, only) = counts.split_at_mut(m);
    let mut origins = 0;
    for run in pairs.chunk_by(|x, y| x.0 == y.0) {
        origins += 1;
        for &(_, v) in run {
            backers[v] += 1;
        }
        if run.len() == 1 {
            only[run[0].1] += 1;
        }
    }
    for (v, gap, nearest) in candidates.into_iter().flatten() {
        let val = &values[v];
        let others = origins - only[v];
        if others >= 2 && others > backers[v] {
            marked.extend(order[val.start..val.end].iter().map(|&(_, i)| i));
            let mut claims = Vec::new();
            claims_of(val, &mut claims);
            out.push(Conflict::new(
                ConflictKind::Outlier,
                Some(gap),
                claims,
                fig(),
                Detail::Outlier {
                    value: val.interval,
                    nearest,
                },
            ));
        }
    }
    marked
}

/// Builds a cross-figure conflict (used by the reconciler).
pub(crate) fn across(
    kind: ConflictKind,
    score: Option<u32>,
    claims: Vec<ClaimId>,
    figures: Vec<FigureId>,
    detail: Detail,
) -> Conflict {
    Conflict::new(kind, score, claims, figures, detail)
}

/// A soft `total_below_parts`: the total's figure is low, but its range can hold.
pub(crate) fn soft(c: Conflict) -> Conflict {
    c.capped(Severity::Low)
}
