//! The checks between figures, from the dossier's declared relations: a
//! part above its whole, components above their total, a total below its
//! parts, and scopes that do not fit.

use rust_decimal::Decimal;

use super::conflict::{Conflict, Detail, ScopeIssue, Severity};
use super::finding::ClaimStatus;
use super::ratio::log_gap_milli;
use super::rollup::{self, Grades, Reconciled, Rollup};
use crate::error::Record;
use crate::model::{ClaimId, Date, FigureId, Period};
use crate::{Dossier, Error, Figure, Interval, Measure, Relation};

/// What the checks need to know of one reconciled figure.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Outline<'a> {
    /// The reconciled range.
    pub(crate) range: Option<Interval>,
    /// The reconciled best value.
    pub(crate) best: Option<Decimal>,
    /// Every claim with its role.
    pub(crate) claims: &'a [ClaimStatus],
    /// What a roll-up needs.
    pub(crate) reconciled: Reconciled,
}

impl Outline<'_> {
    /// The claims the figure's policy used.
    fn used(&self) -> impl Iterator<Item = ClaimId> + '_ {
        self.claims
            .iter()
            .filter(|c| c.role().is_used())
            .map(|c| c.claim().clone())
    }
}

/// Whether a conflict of this kind between figures says that a figure
/// contradicts a related one (a scope mismatch does not: it questions the
/// relation, not the figures).
pub(crate) fn contradicts(c: &Conflict) -> bool {
    matches!(
        c.detail(),
        Detail::PartExceedsWhole { .. }
            | Detail::ComponentsExceedTotal { .. }
            | Detail::TotalBelowParts { .. }
    )
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

/// How `part` fails to fit within `whole`, if it does; measures are
/// compared only when `measures` holds.
fn scope_issue(part: &Figure, whole: &Figure, measures: bool) -> Option<ScopeIssue> {
    let (ps, ws) = (part.scope(), whole.scope());
    if measures && !measures_fit(ps.measure(), ws.measure()) {
        return Some(ScopeIssue::Measure {
            part: ps.measure().clone(),
            whole: ws.measure().clone(),
        });
    }
    match (ps.period(), ws.period()) {
        (Some(a), Some(b)) if !within(a, b) => Some(ScopeIssue::Period {
            part: *a,
            whole: *b,
        }),
        _ => None,
    }
}

/// The conflicts between the figures of `dossier`, from its declared
/// relations, in declaration order; `get` gives the outline of each
/// reconciled figure. A relation that cannot be checked (its roll-up
/// overflows) is reported in the second list, named, and the others are
/// still checked.
pub(crate) fn relate<'a>(
    dossier: &Dossier,
    get: &dyn Fn(&FigureId) -> Option<Outline<'a>>,
) -> (Vec<Conflict>, Vec<Error>) {
    let reconciled = |id: &FigureId| get(id).map(|o| o.reconciled);
    let roll = |total: &FigureId, parts: &[FigureId]| {
        rollup::roll(total, parts, &reconciled, dossier.relations(), Grades::ALL)
    };
    let mut out = Vec::new();
    let scope = |part: &FigureId, whole: &FigureId, measures: bool, out: &mut Vec<Conflict>| {
        if let (Some(p), Some(w)) = (dossier.figure(part), dossier.figure(whole)) {
            if let Some(issue) = scope_issue(p, w, measures) {
                let detail = Detail::ScopeMismatch {
                    part: part.clone(),
                    whole: whole.clone(),
                    issue,
                };
                let figures = vec![part.clone(), whole.clone()];
                out.push(Conflict::between_figures(detail, None, Vec::new(), figures));
            }
        }
    };
    let mut problems = Vec::new();
    for (n, r) in dossier.relations().iter().enumerate() {
        let unchecked = |e: Error| {
            e.about(Record::Relation(n))
                .concerning(format!("relation {} ({})", n + 1, r.kind()))
        };
        match r {
            Relation::PartOf { part, whole } => {
                scope(part, whole, true, &mut out);
                if let (Some(p), Some(w)) = (get(part), get(whole)) {
                    out.extend(part_exceeds_whole(part, p, whole, w));
                }
            }
            Relation::Components { components, total } => {
                if let Some(t) = get(total) {
                    match roll(total, components) {
                        Ok(roll) => out.extend(components_exceed_total(&roll, get, t)),
                        Err(e) => problems.push(unchecked(e)),
                    }
                }
            }
            Relation::SumOver { parts, total } => {
                for part in parts {
                    scope(part, total, true, &mut out);
                }
                if let Some(t) = get(total) {
                    match roll(total, parts) {
                        Ok(roll) => out.extend(total_below_parts(&roll, get, t)),
                        Err(e) => problems.push(unchecked(e)),
                    }
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
    (out, problems)
}

/// A part whose reconciled low end lies above its whole's high end.
fn part_exceeds_whole(
    part: &FigureId,
    p: Outline<'_>,
    whole: &FigureId,
    w: Outline<'_>,
) -> Option<Conflict> {
    let (pr, wr) = (p.range?, w.range?);
    let wh = wr.high().filter(|h| pr.low() > *h)?;
    Some(Conflict::between_figures(
        Detail::PartExceedsWhole {
            part: pr,
            whole: wr,
        },
        Some(log_gap_milli(wh, pr.low())),
        p.used().chain(w.used()).collect(),
        vec![part.clone(), whole.clone()],
    ))
}

/// The claims the used parts of `roll` used, in order.
fn used_by_parts<'a>(
    roll: &Rollup,
    get: &dyn Fn(&FigureId) -> Option<Outline<'a>>,
) -> Vec<ClaimId> {
    let mut claims = Vec::new();
    for f in roll.used().filter_map(|part| get(part.figure())) {
        claims.extend(f.used());
    }
    claims
}

/// Components whose roll-up starts above their total's high end.
fn components_exceed_total<'a>(
    roll: &Rollup,
    get: &dyn Fn(&FigureId) -> Option<Outline<'a>>,
    t: Outline<'a>,
) -> Option<Conflict> {
    let (sum, tr) = (roll.sum()?, t.range?);
    let th = tr.high().filter(|h| sum.low() > *h)?;
    let mut claims = used_by_parts(roll, get);
    claims.extend(t.used());
    let mut figures: Vec<FigureId> = roll.used().map(|p| p.figure().clone()).collect();
    figures.push(roll.total().clone());
    Some(Conflict::between_figures(
        Detail::ComponentsExceedTotal { sum, total: tr },
        Some(log_gap_milli(th, sum.low())),
        claims,
        figures,
    ))
}

/// A total whose figure (best value, or low end) lies below the roll-up of
/// its parts: severe only when even its high end does; otherwise it can
/// still hold, and its severity is at most low.
fn total_below_parts<'a>(
    roll: &Rollup,
    get: &dyn Fn(&FigureId) -> Option<Outline<'a>>,
    t: Outline<'a>,
) -> Option<Conflict> {
    let (sum, tr) = (roll.sum()?, t.range?);
    let figure = t.best.unwrap_or(tr.low());
    if figure >= sum.low() {
        return None;
    }
    let hard = tr.high().filter(|h| *h < sum.low());
    let mut claims: Vec<ClaimId> = t.used().collect();
    claims.extend(used_by_parts(roll, get));
    let mut figures = vec![roll.total().clone()];
    figures.extend(roll.used().map(|p| p.figure().clone()));
    let c = Conflict::between_figures(
        Detail::TotalBelowParts {
            total: tr,
            figure,
            parts: sum,
        },
        Some(log_gap_milli(hard.unwrap_or(figure), sum.low())),
        claims,
        figures,
    );
    Some(if hard.is_some() {
        c
    } else {
        c.capped(Severity::Low)
    })
}
