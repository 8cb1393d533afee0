//! The reconciler: a dossier in, one finding per figure out.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::{ClaimId, Date, FigureId, Period, Reading, SourceId, Stake};
use crate::reconcile::confidence::{Summary, summarize};
use crate::reconcile::conflict;
use crate::reconcile::conflict::{Conflict, ConflictKind, Detail};
use crate::reconcile::policy::{Policy, Role, Weighted};
use crate::reconcile::ratio::log_gap_milli;
use crate::reconcile::rollup;
use crate::reconcile::rollup::{Grades, Rollup};
use crate::reconcile::tally::{Prepared, Scratch};
use crate::reconcile::{Evidence, Superseded, Tally};
use crate::{Dossier, Error, Figure, Interval, Measure, Relation, Source};

/// Reconciles figures: the options, and the entry points.
///
/// Options are set by chained calls on a value: a [`Policy`] (default
/// [`Weighted`]), the [`Reading`] of vague words and round numbers
/// (default strict), and
/// whether [`Superseded`] claims count (default: they do not).
///
/// ```
/// use reckon::reconcile::policy;
/// use reckon::Reconciler;
/// use reckon::reconcile::Superseded;
/// use reckon::model::Reading;
///
/// let r = Reconciler::new()
///     .policy(policy::named("majority")?)
///     .reading(Reading::Lenient)
///     .superseded(Superseded::Count);
/// assert_eq!(r.policy_name(), "majority");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone)]
pub struct Reconciler {
    policy: Arc<dyn Policy>,
    name: Arc<str>,
    reading: Reading,
    superseded: Superseded,
}

impl fmt::Debug for Reconciler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reconciler")
            .field("policy", &self.name)
            .field("reading", &self.reading)
            .field("superseded", &self.superseded)
            .finish()
    }
}

impl Default for Reconciler {
    fn default() -> Self {
        Reconciler::new()
    }
}

/// The whole number nearest `best` inside `range` (ties to the even one):
/// a count's best value is a count. `best` itself when no whole number lies
/// in the range.
fn whole_best(best: Decimal, range: Interval) -> Decimal {
    let rounded = best.round();
    if range.contains(rounded) {
        return rounded;
    }
    [best.floor(), best.ceil()]
        .into_iter()
        .find(|n| range.contains(*n))
        .unwrap_or(best)
}

/// What the reconciler knows about a source, resolved once per dossier.
struct Speaker<'a> {
    originator: &'a SourceId,
    source: Option<&'a Source>,
}

impl Reconciler {
    /// The default options: `weighted`, strict reading, superseded claims skipped.
    pub fn new() -> Self {
        Reconciler {
            policy: Arc::new(Weighted),
            name: Arc::from("weighted"),
            reading: Reading::Strict,
            superseded: Superseded::Skip,
        }
    }

    /// Uses `policy`.
    #[must_use]
    pub fn policy(mut self, policy: impl Policy + 'static) -> Self {
        self.name = Arc::from(policy.name());
        self.policy = Arc::new(policy);
        self
    }

    /// Reads vague words this way (for every interval: policies, conflicts, summaries).
    #[must_use]
    pub fn reading(mut self, reading: Reading) -> Self {
        self.reading = reading;
        self
    }

    /// Counts superseded claims, or not.
    #[must_use]
    pub fn superseded(mut self, superseded: Superseded) -> Self {
        self.superseded = superseded;
        self
    }

    /// The name of the policy in use.
    pub fn policy_name(&self) -> &str {
        &self.name
    }

    /// Reconciles every figure of `dossier`, in the dossier's order, then
    /// checks the declared relations between figures. Claims about figures
    /// that are not in the dossier are not reconciled: call
    /// [`Dossier::validate`] first to hear about them.
    ///
    /// # Errors
    /// [`Error::Overflow`] when a roll-up overflows, an error from the
    /// policy, or [`Error::Invalid`] when the policy's best value lies
    /// outside its range.
    pub fn reconcile(&self, dossier: &Dossier) -> Result<Findings, Error> {
        let speakers: HashMap<&SourceId, Speaker<'_>> = dossier
            .sources()
            .iter()
            .map(|s| {
                let originator = dossier.originator(s.id());
                let speaker = dossier.source(originator).or(Some(s));
                (
                    s.id(),
                    Speaker {
                        originator,
                        source: speaker,
                    },
                )
            })
            .collect();
        let mut items = Vec::with_capacity(dossier.figures().len());
        let mut scratch = Scratch::default();
        for (at, figure) in dossier.figures().iter().enumerate() {
            // As `Dossier::stake` judges it, with the speakers looked up once.
            let counted = figure.scope().losing_side();
            let unit = figure.scope().unit();
            let mut evidence = std::mem::take(&mut scratch.items);
            evidence.clear();
            evidence.extend(dossier.claims_at(at).map(|c| {
                let (originator, source) = match speakers.get(c.source()) {
                    Some(s) => (s.originator.clone(), s.source),
                    None => (c.source().clone(), None),
                };
                let stake = c
                    .stake_override()
                    .unwrap_or_else(|| Stake::between(source.and_then(Source::side), counted));
                Evidence::of_claim(c, originator, source, stake, c.value().interval_for(unit))
            }));
            let counts = Some(unit.counts_whole());
            items.push(self.finish_with(figure.id().clone(), evidence, counts, &mut scratch)?);
        }
        // The findings are in the dossier's order, one per figure: the
        // dossier's own index finds them while relating figures.
        let mut findings = Findings {
            index: index_of(&items),
            items,
            across: Vec::new(),
            relations: dossier.relations().to_vec(),
        };
        let across = relate(&findings, dossier)?;
        for c in &across {
            if matches!(
                c.kind(),
                ConflictKind::PartExceedsWhole
                    | ConflictKind::ComponentsExceedTotal
                    | ConflictKind::TotalBelowParts
            ) {
                for f in c.figures() {
                    if let Some(f) = dossier
                        .figure_position(f)
                        .and_then(|i| findings.items.get_mut(i))
                    {
                        f.summary.mark_related_conflict();
                    }
                }
            }
        }
        findings.across = across;
        Ok(findings)
    }

    /// Reconciles one figure from its tally: detects its conflicts, applies
    /// the policy and summarizes. The result does not depend on the order
    /// in which the evidence was fed or tallies were merged.
    ///
    /// ```
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::Reconciler;
    ///
    /// let t: Tally = [
    ///     Evidence::new("c1", "ministry", &"18".parse()?),
    ///     Evidence::new("c2", "ministry", &"19".parse()?).superseding("c1"),
    /// ].into_iter().collect();
    /// let f = Reconciler::new().finish("f".into(), t)?;
    /// assert_eq!(f.best(), Some(19.into()));
    /// assert_eq!(f.claims().len(), 2);
    /// assert!(!f.claims()[0].is_counted());
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// An error from the policy, or [`Error::Invalid`] when its best value
    /// lies outside its range.
    pub fn finish(&self, figure: FigureId, tally: Tally) -> Result<Finding, Error> {
        self.finish_with(figure, tally.items, None, &mut Scratch::default())
    }

    /// Reconciles one figure's evidence. `counts` says whether the figure
    /// counts whole things, when its unit is known: a count's best value is
    /// made whole, and a measure is not read as rounded (1500 km is not a
    /// count rounded to hundreds).
    fn finish_with(
        &self,
        figure: FigureId,
        items: Vec<Evidence>,
        counts: Option<bool>,
        scratch: &mut Scratch,
    ) -> Result<Finding, Error> {
        let reading = match (self.reading, counts) {
            (Reading::Rounded, Some(false)) => Reading::Lenient,
            (r, _) => r,
        };
        let mut p = Prepared::with_scratch(items, reading, self.superseded, scratch);
        let conflicts = conflict::within(&mut p, &figure, scratch);
        let set = p.set();
        let outcome = self.policy.apply(&set)?;
        let (range, best, roles) = outcome.into_parts();
        match (range, best) {
            (Some(r), Some(b)) if !r.contains(b) => {
                return Err(Error::invalid(
                    format!("policy `{}`", self.name),
                    format!("its best value {b} for figure `{figure}` lies outside its range {r}"),
                ));
            }
            (None, Some(b)) => {
                return Err(Error::invalid(
                    format!("policy `{}`", self.name),
                    format!("it gives figure `{figure}` a best value {b} but no range"),
                ));
            }
            _ => {}
        }
        let best = match (best, range) {
            (Some(b), Some(r)) if counts == Some(true) && !b.fract().is_zero() => {
                Some(whole_best(b, r))
            }
            _ => best,
        };
        let summary = summarize(&set, &conflicts, range);
        let reading = p.reading;
        let claims = p
            .items
            .drain(..)
            .zip(&p.notes)
            .zip(roles)
            .map(|((e, n), role)| ClaimStatus {
                interval: e.interval_read(reading),
                counted: n.counted,
                role,
                claim: e.into_claim(),
            })
            .collect();
        scratch.items = std::mem::take(&mut p.items);
        p.recycle(scratch);
        Ok(Finding {
            figure,
            policy: self.name.clone(),
            claims,
            best,
            conflicts: conflicts.into_boxed_slice(),
            summary,
        })
    }
}

/// One claim in a [`Finding`]: its interval, whether it counted, and what
/// the policy made of it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClaimStatus {
    claim: ClaimId,
    interval: Interval,
    counted: bool,
    role: Role,
}

impl ClaimStatus {
    /// The claim's id.
    pub fn claim(&self) -> &ClaimId {
        &self.claim
    }

    /// Its interval, under the reading in force.
    pub fn interval(&self) -> Interval {
        self.interval
    }

    /// Whether it counted (not superseded, unless superseded claims count).
    pub fn is_counted(&self) -> bool {
        self.counted
    }

    /// What the policy made of it.
    pub fn role(&self) -> &Role {
        &self.role
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

/// What reconciliation found about one figure: the policy's range and best
/// value, every claim considered with its role, the envelope and consensus,
/// the conflicts within the figure, and the confidence [`Summary`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    figure: FigureId,
    policy: Arc<str>,
    claims: Box<[ClaimStatus]>,
    best: Option<Decimal>,
    conflicts: Box<[Conflict]>,
    summary: Summary,
}

impl Finding {
    /// The figure.
    pub fn figure(&self) -> &FigureId {
        &self.figure
    }

    /// The name of the policy that decided the range.
    pub fn policy(&self) -> &str {
        &self.policy
    }

    /// Every claim considered, superseded ones included, ordered by interval
    /// then claim id.
    pub fn claims(&self) -> &[ClaimStatus] {
        &self.claims
    }

    /// The reconciled range; `None` when the policy can give none (no claim
    /// with a number, or an empty consensus).
    pub fn range(&self) -> Option<Interval> {
        self.summary.range()
    }

    /// The reconciled low end.
    pub fn low(&self) -> Option<Decimal> {
        self.range().map(|r| r.low())
    }

    /// The reconciled best value. Through [`Reconciler::reconcile`], a
    /// figure that counts whole things (people, hills) has a whole best
    /// value: the policy's, rounded to the nearest whole number in the range
    /// (ties to even), so that "6–7" and "14" give 6, not 6.5.
    pub fn best(&self) -> Option<Decimal> {
        self.best
    }

    /// The reconciled high end; `None` when unbounded or there is no range.
    pub fn high(&self) -> Option<Decimal> {
        self.range().and_then(|r| r.high())
    }

    /// The envelope of the counted claims (see [`EvidenceSet::envelope`](crate::reconcile::EvidenceSet::envelope)).
    pub fn envelope(&self) -> Option<Interval> {
        self.summary.envelope()
    }

    /// The consensus of the counted claims (see [`EvidenceSet::consensus`](crate::reconcile::EvidenceSet::consensus)).
    pub fn consensus(&self) -> Option<Interval> {
        self.summary.consensus()
    }

    /// The conflicts within this figure (see [`Findings::conflicts_of`] for
    /// those with related figures too).
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// The confidence summary.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }
}

/// The findings for a whole dossier: one [`Finding`] per figure, in the
/// dossier's order, and the conflicts between related figures.
#[derive(Clone)]
pub struct Findings {
    items: Vec<Finding>,
    /// The position of each figure's finding; the first finding of an id wins.
    index: HashMap<FigureId, usize>,
    across: Vec<Conflict>,
    relations: Vec<Relation>,
}

impl fmt::Debug for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Findings")
            .field("items", &self.items)
            .field("across", &self.across)
            .field("relations", &self.relations)
            .finish()
    }
}

impl Findings {
    /// Every finding, in the dossier's order.
    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.items.iter()
    }

    /// The number of findings.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The finding for `figure`.
    pub fn get(&self, figure: &FigureId) -> Option<&Finding> {
        self.index.get(figure).and_then(|&i| self.items.get(i))
    }

    /// The conflicts between related figures.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.across
    }

    /// Every conflict that involves `figure`: within it, then with related figures.
    pub fn conflicts_of<'a>(&'a self, figure: &'a FigureId) -> impl Iterator<Item = &'a Conflict> {
        self.get(figure)
            .map(Finding::conflicts)
            .unwrap_or_default()
            .iter()
            .chain(
                self.across
                    .iter()
                    .filter(move |c| c.figures().contains(figure)),
            )
    }

    /// The roll-up of a `sum-over` or `components` relation: the interval
    /// sum of its parts whose grade is in `grades` (see [`rollup`]).
    ///
    /// # Errors
    /// [`Error::Invalid`] for a relation that declares no parts to add
    /// (`part-of`, `overlap`); [`Error::Overflow`] when the sum overflows.
    ///
    /// ```
    /// use reckon::Reconciler;
    /// use reckon::reconcile::rollup::Grades;
    /// use reckon::{Dossier, Relation};
    ///
    /// let findings = Reconciler::new().reconcile(&Dossier::new())?;
    /// let err = findings.rollup(&Relation::part_of("a", "b"), Grades::ALL).unwrap_err();
    /// assert_eq!(err.to_string(), "a part-of relation: it declares no parts to add up");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn rollup(&self, relation: &Relation, grades: Grades) -> Result<Rollup, Error> {
        match relation {
            Relation::SumOver { parts, total } => {
                rollup::roll(total, parts, &|f| self.get(f), &self.relations, grades)
            }
            Relation::Components { components, total } => {
                rollup::roll(total, components, &|f| self.get(f), &self.relations, grades)
            }
            other => Err(Error::invalid(
                format!("a {} relation", other.kind()),
                "it declares no parts to add up",
            )),
        }
    }

    /// The roll-ups of every `sum-over` and `components` relation whose
    /// total is `total`, in declaration order.
    ///
    /// # Errors
    /// As [`Findings::rollup`].
    pub fn rollups(&self, total: &FigureId, grades: Grades) -> Result<Vec<Rollup>, Error> {
        self.relations
            .iter()
            .filter(|r| match r {
                Relation::SumOver { total: t, .. } | Relation::Components { total: t, .. } => {
                    t == total
                }
                _ => false,
            })
            .map(|r| self.rollup(r, grades))
            .collect()
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// The position of each figure's finding, the first of an id winning.
fn index_of(items: &[Finding]) -> HashMap<FigureId, usize> {
    let mut index = HashMap::with_capacity(items.len());
    for (at, f) in items.iter().enumerate() {
        index.entry(f.figure.clone()).or_insert(at);
    }
    index
}

/// The claims a finding's policy used.
fn used(f: &Finding) -> impl Iterator<Item = ClaimId> + '_ {
    f.claims
        .iter()
        .filter(|c| c.role().is_used())
        .map(|c| c.claim.clone())
}

/// Whether a part measuring `part` can be counted within a whole measuring
/// `whole`: the same measure, or an aggregate and what it aggregates —
/// casualties hold the killed, wounded, captured, missing and hostages; the
/// captured hold the hostages.
fn measures_fit(part: &Measure, whole: &Measure) -> bool {
    part == whole
        || (*whole == Measure::Casualties
            && matches!(
                part,
                Measure::Killed
                    | Measure::Wounded
                    | Measure::Captured
                    | Measure::Missing
                    | Measure::Hostages
            ))
        || (*whole == Measure::Captured && *part == Measure::Hostages)
}

fn earliest(d: Date) -> (i16, u8, u8) {
    (d.year(), d.month().unwrap_or(1), d.day().unwrap_or(1))
}

fn latest(d: Date) -> (i16, u8, u8) {
    (d.year(), d.month().unwrap_or(12), d.day().unwrap_or(31))
}

fn within(part: &Period, whole: &Period) -> bool {
    earliest(part.start()) >= earliest(whole.start()) && latest(part.end()) <= latest(whole.end())
}

/// A scope mismatch between a part and the figure that contains it.
fn scope_problem(part: &Figure, whole: &Figure, measures: bool) -> Option<String> {
    let (ps, ws) = (part.scope(), whole.scope());
    if measures && !measures_fit(ps.measure(), ws.measure()) {
        return Some(format!(
            "`{}` counts {} but `{}` counts {}",
            part.id(),
            ps.measure(),
            whole.id(),
            ws.measure()
        ));
    }
    if let (Some(a), Some(b)) = (ps.period(), ws.period()) {
        if !within(a, b) {
            return Some(format!(
                "`{}` covers {a}, outside the period of `{}`, {b}",
                part.id(),
                whole.id()
            ));
        }
    }
    None
}

/// The conflicts between figures, from the declared relations.
fn relate(findings: &Findings, dossier: &Dossier) -> Result<Vec<Conflict>, Error> {
    // The findings follow the dossier's figures, one for one.
    let get = |id: &FigureId| {
        dossier
            .figure_position(id)
            .and_then(|i| findings.items.get(i))
    };
    let mut out = Vec::new();
    let scope = |a: &FigureId, b: &FigureId, measures: bool, out: &mut Vec<Conflict>| {
        if let (Some(fa), Some(fb)) = (dossier.figure(a), dossier.figure(b)) {
            if let Some(what) = scope_problem(fa, fb, measures) {
                out.push(conflict::across(
                    ConflictKind::ScopeMismatch,
                    None,
                    Vec::new(),
                    vec![a.clone(), b.clone()],
                    Detail::ScopeMismatch { what },
                ));
            }
        }
    };
    for r in dossier.relations() {
        match r {
            Relation::PartOf { part, whole } => {
                scope(part, whole, true, &mut out);
                let (Some(p), Some(w)) = (get(part), get(whole)) else {
                    continue;
                };
                let (Some(pr), Some(wr)) = (p.range(), w.range()) else {
                    continue;
                };
                if let Some(wh) = wr.high().filter(|h| pr.low() > *h) {
                    out.push(conflict::across(
                        ConflictKind::PartExceedsWhole,
                        Some(log_gap_milli(wh, pr.low())),
                        used(p).chain(used(w)).collect(),
                        vec![part.clone(), whole.clone()],
                        Detail::PartExceedsWhole {
                            part: pr,
                            whole: wr,
                        },
                    ));
                }
            }
            Relation::Components { components, total } => {
                let Some(t) = get(total) else {
                    continue;
                };
                let roll = rollup::roll(total, components, &get, &findings.relations, Grades::ALL)?;
                let (Some(sum), Some(tr)) = (roll.sum(), t.range()) else {
                    continue;
                };
                if let Some(th) = tr.high().filter(|h| sum.low() > *h) {
                    let mut claims: Vec<ClaimId> = Vec::new();
                    for part in roll.used() {
                        if let Some(f) = get(part.figure()) {
                            claims.extend(used(f));
                        }
                    }
                    claims.extend(used(t));
                    let mut figures: Vec<FigureId> =
                        roll.used().map(|p| p.figure().clone()).collect();
                    figures.push(total.clone());
                    out.push(conflict::across(
                        ConflictKind::ComponentsExceedTotal,
                        Some(log_gap_milli(th, sum.low())),
                        claims,
                        figures,
                        Detail::ComponentsExceedTotal { sum, total: tr },
                    ));
                }
            }
            Relation::SumOver { parts, total } => {
                for part in parts {
                    scope(part, total, true, &mut out);
                }
                let Some(t) = get(total) else {
                    continue;
                };
                let roll = rollup::roll(total, parts, &get, &findings.relations, Grades::ALL)?;
                let (Some(sum), Some(tr)) = (roll.sum(), t.range()) else {
                    continue;
                };
                let figure = t.best.unwrap_or(tr.low());
                if figure < sum.low() {
                    let hard = tr.high().is_some_and(|h| h < sum.low());
                    let against = if hard {
                        tr.high().unwrap_or(figure)
                    } else {
                        figure
                    };
                    let mut claims: Vec<ClaimId> = used(t).collect();
                    for part in roll.used() {
                        if let Some(f) = get(part.figure()) {
                            claims.extend(used(f));
                        }
                    }
                    let mut figures = vec![total.clone()];
                    figures.extend(roll.used().map(|p| p.figure().clone()));
                    let c = conflict::across(
                        ConflictKind::TotalBelowParts,
                        Some(log_gap_milli(against, sum.low())),
                        claims,
                        figures,
                        Detail::TotalBelowParts {
                            total: tr,
                            figure,
                            parts: sum,
                        },
                    );
                    out.push(if hard { c } else { conflict::soft(c) });
                }
            }
            Relation::Overlap { figures } => {
                if let Some((first, rest)) = figures.split_first() {
                    for other in rest {
                        if let (Some(a), Some(b)) = (dossier.figure(first), dossier.figure(other)) {
                            if a.scope().measure() != b.scope().measure() {
                                scope(other, first, true, &mut out);
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}
