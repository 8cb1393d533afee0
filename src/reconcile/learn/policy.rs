//! The `learned` policy: one figure decided with weights learned across
//! all of them.

use std::fmt::Write as _;
use std::sync::Arc;

use super::Weights;
use super::scale::{decide, distance, space, spread, spreads, weight};
use crate::model::{FigureId, Reading, Stake};
use crate::reconcile::policy::{Exclusion, Outcome, Policy};
use crate::reconcile::ratio::to_f64;
use crate::reconcile::{Evidence, EvidenceSet};
use crate::{Dossier, Error, Interval};

/// `learned`: the claimed value that the claims, weighted by their
/// originators' **learned** reliability, support most (see
/// [`learn`](super)); the range is what the claims that agree with it
/// (within the figure's spread) state; claims that disagree are set aside
/// with their weight given as the reason, and the finding's note lists the
/// weights that decided it. The admission floor holds.
///
/// A policy decides one figure at a time, so the weights come from a
/// [`Learning`](super::Learning) ([`Learning::policy`](super::Learning::policy)).
/// The unfitted `learned` of the [`Registry`](crate::reconcile::policy::Registry)
/// learns from the dossier itself when a
/// [`Reconciler`](crate::Reconciler) reconciles one, and from every claim
/// read when the bulk path reads a claims table
/// ([`Policy::fit_claims`]), so `--policy learned` works on any dossier
/// or claims table; given a single tally
/// ([`Reconciler::finish`](crate::Reconciler::finish)), it weighs sources
/// by their hand-set grades alone.
///
/// It weighs every pair of a figure's claims, so it takes at most 2,048
/// claims a figure: a larger figure is left out of the learning, and
/// deciding it is an error ([`ErrorKind::Mismatch`](crate::error::ErrorKind::Mismatch))
/// that says so.
///
/// ```
/// use reckon::reconcile::policy::Registry;
/// use reckon::{Claim, Dossier, Figure, Measure, Reconciler, Scope, Source, SourceKind};
///
/// let mut d = Dossier::new();
/// for s in ["a", "b", "c"] {
///     d.add_source(Source::new(s, s, SourceKind::Media));
/// }
/// // `c` disagrees with the others on every figure.
/// for (i, (a, c)) in [(10, 40), (20, 90), (30, 7), (50, 200)].into_iter().enumerate() {
///     let f = format!("f{i}");
///     d.add_figure(Figure::new(f.as_str(), "killed", Scope::new(Measure::Killed)));
///     d.add_claim(Claim::new(format!("{f}a"), f.as_str(), "a", a.to_string().parse()?));
///     d.add_claim(Claim::new(format!("{f}b"), f.as_str(), "b", a.to_string().parse()?));
///     d.add_claim(Claim::new(format!("{f}c"), f.as_str(), "c", c.to_string().parse()?));
/// }
/// let learned = Registry::standard().get("learned")?;
/// let findings = Reconciler::new().policy(learned).reconcile(&d)?;
/// let f = findings.get(&"f3".into()).unwrap();
/// assert_eq!(f.best(), Some(50.into()));
/// assert!(f.note().unwrap().starts_with("learned weights: a "));
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Learned {
    weights: Option<Arc<Weights>>,
}

impl Learned {
    /// The unfitted policy: it learns from the dossier a
    /// [`Reconciler`](crate::Reconciler) is asked to reconcile, or from
    /// every claim the bulk path reads from a claims table.
    pub fn new() -> Self {
        Learned::default()
    }

    pub(crate) fn fitted(
        by_source: std::collections::HashMap<crate::model::SourceId, f64>,
        copying: std::collections::HashSet<(crate::model::SourceId, crate::model::SourceId)>,
        log: bool,
        exact: bool,
    ) -> Self {
        Learned {
            weights: Some(
                Weights {
                    by_source,
                    copying,
                    log: Some(log),
                    exact,
                }
                .shared(),
            ),
        }
    }

    /// Whether the policy carries learned weights.
    pub fn is_fitted(&self) -> bool {
        self.weights.is_some()
    }
}

impl Policy for Learned {
    fn name(&self) -> &str {
        "learned"
    }

    fn learns_across_figures(&self) -> bool {
        !self.is_fitted()
    }

    fn fit(&self, dossier: &Dossier, reading: Reading) -> Result<Option<Arc<dyn Policy>>, Error> {
        if self.is_fitted() {
            return Ok(None);
        }
        let learning = super::Learner::new().reading(reading).learn(dossier)?;
        Ok(Some(Arc::new(learning.policy())))
    }

    fn fit_claims(
        &self,
        claims: &mut dyn Iterator<Item = (FigureId, Evidence)>,
        reading: Reading,
    ) -> Result<Option<Arc<dyn Policy>>, Error> {
        if self.is_fitted() {
            return Ok(None);
        }
        let learning = super::Learner::new().reading(reading).learn_claims(claims);
        Ok(Some(Arc::new(learning.policy())))
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let fallback = Weights::default();
        let learned = self.weights.as_deref().unwrap_or(&fallback);
        let items: Vec<usize> = set.numeric().filter(|&i| set.point(i).is_some()).collect();
        if items.len() > super::MAX_FIGURE_CLAIMS {
            return Err(Error::mismatch(
                "policy `learned`",
                format!(
                    "the figure has {} claims with a value, and the policy weighs every pair \
                     of a figure's claims: it takes at most {}; decide this figure with \
                     another policy",
                    items.len(),
                    super::MAX_FIGURE_CLAIMS
                ),
            ));
        }
        let log = learned.log.unwrap_or_else(|| {
            items
                .iter()
                .all(|&i| set.interval(i).low() >= rust_decimal::Decimal::ZERO)
        });
        let f = |d: rust_decimal::Decimal| space(to_f64(d), log);
        let mut per_origin = vec![0usize; set.originator_len()];
        for &i in &items {
            if let Some(n) = per_origin.get_mut(set.originator_index(i)) {
                *n += 1;
            }
        }
        let mut cands = Vec::with_capacity(items.len());
        let mut claims = Vec::with_capacity(items.len());
        for &i in &items {
            let e = set.get(i);
            let b = set.bound(i);
            cands.push(set.point(i).map_or(0.0, f));
            let w = learned
                .by_source
                .get(e.originator())
                .copied()
                .unwrap_or_else(|| weight(0.0, 0.0, e.reliability()));
            let stake = if e.stake() == Stake::Neutral {
                1.0
            } else {
                0.5
            };
            let share = per_origin
                .get(set.originator_index(i))
                .copied()
                .unwrap_or(1)
                .max(1);
            claims.push((
                f(b.low()),
                b.high().map_or(f64::INFINITY, f),
                w * stake / share as f64,
            ));
        }
        // Identical claims of sources suspected of copying share one weight.
        for (k, &i) in items.iter().enumerate() {
            let a = set.get(i);
            let group = 1 + items
                .iter()
                .filter(|&&j| {
                    let b = set.get(j);
                    b.originator() != a.originator()
                        && set.point(j) == set.point(i)
                        && (learned
                            .copying
                            .contains(&(a.originator().clone(), b.originator().clone()))
                            || learned
                                .copying
                                .contains(&(b.originator().clone(), a.originator().clone())))
                })
                .count();
            claims[k].2 /= group as f64;
        }
        let h = spread(&mut cands.clone(), log, learned.exact);
        let mut out = Outcome::new(set);
        let Some(k) = decide(&cands, &claims, h) else {
            return Ok(out);
        };
        let best = set.point(items[k]);
        let v = cands[k];
        let mut range: Option<Interval> = best.map(|b| Interval::from_parts(b, Some(b)));
        let mut note = String::from("learned weights:");
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| {
            claims[b]
                .2
                .total_cmp(&claims[a].2)
                .then(set.get(items[a]).claim().cmp(set.get(items[b]).claim()))
        });
        for (n, &k) in order.iter().enumerate() {
            let i = items[k];
            let (lo, hi, w) = claims[k];
            let u = spreads(distance(v, lo, hi), h.wide);
            let sep = if n == 0 { " " } else { ", " };
            let _ = write!(note, "{sep}{} {w:.3}", set.get(i).originator());
            if u <= 1.0 {
                range = range.map(|r| r.hull(&set.interval(i)));
            } else {
                let _ = write!(note, " (off by {u:.1} spreads)");
                out = out.with_exclusion(
                    i,
                    Exclusion::Other(
                        format!("disagrees with the learned best (weight {w:.3})").into(),
                    ),
                );
            }
        }
        Ok(out
            .with_range(range)
            .with_best(best)
            .with_floor(set.admission_floor())
            .with_note(note))
    }
}
