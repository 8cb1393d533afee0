//! The reconciler: a dossier in, one finding per figure out.

use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::confidence::{self, Basis, Summary};
use super::conflict::Conflict;
use super::detect::Detector;
use super::evidence::Evidence;
use super::finding::{ClaimStatus, Finding, Findings};
use super::policy::{Policy, Weighted};
use super::prepared::Prepared;
use super::relations::{self, Outline};
use super::rollup::Reconciled;
use super::tally::{Superseded, Tally};
use crate::error::{ErrorKind, Record};
use crate::model::estimate::is_fraction;
use crate::model::{FigureId, Reading, SourceId, Stake};
use crate::{Dossier, Error, Figure, Interval, Relation, Source};

/// Reconciles figures: the options, and the entry points.
///
/// Options are set by chained calls on a value: a [`Policy`] (default
/// [`Weighted`]), the [`Reading`] of vague words and round numbers
/// (default strict), and
/// whether [`Superseded`] claims count (default: they do not).
///
/// ```
/// use reckon::reconcile::policy::Registry;
/// use reckon::Reconciler;
/// use reckon::reconcile::Superseded;
/// use reckon::model::Reading;
///
/// let r = Reconciler::new()
///     .policy(Registry::standard().get("majority")?)
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

/// The speakers of a dossier's sources, by source id.
type Speakers<'a> = foldhash::HashMap<&'a SourceId, Speaker<'a>>;

fn speakers(dossier: &Dossier) -> Speakers<'_> {
    dossier
        .sources()
        .iter()
        .map(|s| {
            let originator = dossier.originator(s.id());
            let source = dossier.source(originator).or(Some(s));
            (s.id(), Speaker { originator, source })
        })
        .collect()
}

/// The buffers of a reconciliation kept from one figure to the next, by
/// [`Reconciler::reconcile`] and by a caller that reconciles figures one at
/// a time ([`Reconciler::finish_in`]): figures of a few claims each spend about as
/// long allocating fresh buffers as using them.
#[derive(Debug, Default)]
pub(crate) struct Stage<'s> {
    prepared: Prepared<'s>,
    detector: Detector,
    /// The policy's name, as the stage's findings share it. Each stage has
    /// its own copy: cloned from the reconciler's for every figure, its
    /// count was written by every core at every figure. `reconcile --json`
    /// of 4.09 M claims to `/dev/null` on two cores: 2.83 / 2.73 / 2.72 s
    /// -> 2.73 / 2.63 / 2.72 s (alternating runs).
    name: Option<Arc<str>>,
}

/// One figure reconciled: its summary waits for the checks between figures.
struct Draft {
    figure: FigureId,
    claims: Box<[ClaimStatus]>,
    best: Option<Decimal>,
    conflicts: Box<[Conflict]>,
    basis: Basis,
    note: Option<Box<str>>,
}

impl Draft {
    /// What the checks between figures read.
    fn outline(&self) -> Outline<'_> {
        let range = self.basis.range();
        Outline {
            range,
            best: self.best,
            claims: &self.claims,
            reconciled: Reconciled {
                range,
                grade: self.basis.grade(),
            },
        }
    }

    /// The finding, once it is known whether the figure contradicts a
    /// related one.
    fn finish(self, policy: Arc<str>, related: bool) -> Finding {
        Finding::new(
            self.figure,
            policy,
            self.claims,
            self.best,
            self.conflicts,
            Summary::new(self.basis, related),
        )
        .with_note(self.note)
    }
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

    /// This reconciler with its policy fitted to `claims`
    /// ([`Policy::fit_claims`]); `None` when the policy learns nothing.
    /// What the bulk path (with the `serde` feature) fits.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn fit_claims(
        &self,
        claims: &mut dyn Iterator<Item = (FigureId, Evidence)>,
    ) -> Result<Option<Reconciler>, Error> {
        let fitted = self.policy.fit_claims(claims, self.reading)?;
        self.fitted_to(fitted)
    }

    /// Whether the policy must see every figure before it decides one
    /// ([`Policy::learns_across_figures`]).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn learns_across_figures(&self) -> bool {
        self.policy.learns_across_figures()
    }

    /// This reconciler with `fitted` as its policy, once the policy's
    /// contract is checked: a policy fits (gives `Some`) exactly when it
    /// says it learns across figures, since callers that cannot fit it
    /// decide by what it says, and its fitted policy learns nothing more.
    fn fitted_to(&self, fitted: Option<Arc<dyn Policy>>) -> Result<Option<Reconciler>, Error> {
        let broken = match (&fitted, self.policy.learns_across_figures()) {
            (None, true) => Some(
                "it learns across figures but gave no fitted policy: implement `fit` and \
                 `fit_claims` both",
            ),
            (Some(_), false) => Some(
                "it gave a fitted policy but does not say it learns across figures: implement \
                 `learns_across_figures`",
            ),
            (Some(p), true) if p.learns_across_figures() => {
                Some("its fitted policy still learns across figures")
            }
            _ => None,
        };
        if let Some(reason) = broken {
            return Err(Error::policy_contract(
                format!("policy `{}`", self.name),
                reason,
            ));
        }
        Ok(fitted.map(|policy| Reconciler {
            policy,
            ..self.clone()
        }))
    }

    /// Reconciles every figure of `dossier`, in the dossier's order, then
    /// checks the declared relations between figures. Claims about figures
    /// that are not in the dossier are not reconciled: call
    /// [`Dossier::validate`] first to hear about them.
    ///
    /// A figure that cannot be reconciled (an error from the policy, such
    /// as [`ErrorKind::Overflow`] for a sum past a decimal's limit) and a
    /// relation that cannot be checked have no finding: each is reported in
    /// [`Findings::problems`], naming its figure or relation, and every
    /// other figure keeps its finding.
    ///
    /// # Errors
    /// [`ErrorKind::PolicyContract`] when the policy breaks its contract (a
    /// best value outside its range, say): such a policy is wrong for every
    /// figure, as is one whose [`Policy::fit`] gives a fitted policy when
    /// its [`Policy::learns_across_figures`] says it learns nothing, or
    /// none when it says it learns; or an error from the policy's
    /// [`Policy::fit`] over the whole dossier.
    pub fn reconcile(&self, dossier: &Dossier) -> Result<Findings, Error> {
        let fitted = self.policy.fit(dossier, self.reading)?;
        match self.fitted_to(fitted)? {
            Some(fitted) => fitted.reconcile_as_is(dossier),
            None => self.reconcile_as_is(dossier),
        }
    }

    /// [`reconcile`](Self::reconcile) with the policy as it is, fitted or
    /// learning nothing.
    fn reconcile_as_is(&self, dossier: &Dossier) -> Result<Findings, Error> {
        let speakers = speakers(dossier);
        let figures = dossier.figures();
        let mut stage = Stage::default();
        // The figures named in relations are reconciled first: the checks
        // between figures read their ranges, and their summaries read what
        // the checks found. An error waits for its figure's turn below, so
        // that the first figure in the dossier's order to fail is reported.
        let mut named: Vec<usize> = dossier
            .relations()
            .iter()
            .flat_map(Relation::figures)
            .filter_map(|id| dossier.figure_position(id))
            .collect();
        named.sort_unstable();
        named.dedup();
        let mut early: Vec<(usize, Result<Draft, Error>)> = Vec::with_capacity(named.len());
        for at in named {
            if let Some(figure) = figures.get(at) {
                let draft = self.draft(dossier, at, figure, &speakers, &mut stage);
                early.push((at, draft));
            }
        }
        let outline = |id: &FigureId| {
            let at = dossier.figure_position(id)?;
            let k = early.binary_search_by_key(&at, |(p, _)| *p).ok()?;
            early[k].1.as_ref().ok().map(Draft::outline)
        };
        let (across, mut problems) = relations::relate(dossier, &outline);
        let mut related: Vec<usize> = across
            .iter()
            .filter(|c| relations::contradicts(c))
            .flat_map(Conflict::figures)
            .filter_map(|id| dossier.figure_position(id))
            .collect();
        related.sort_unstable();

        let mut early = early.into_iter().peekable();
        let mut items = Vec::with_capacity(figures.len());
        for (at, figure) in figures.iter().enumerate() {
            let draft = match early.next_if(|(p, _)| *p == at) {
                Some((_, draft)) => draft,
                None => self.draft(dossier, at, figure, &speakers, &mut stage),
            };
            match draft {
                Ok(draft) => {
                    let contradicts = related.binary_search(&at).is_ok();
                    items.push(draft.finish(self.name.clone(), contradicts));
                }
                // A policy that breaks its contract is wrong for every figure.
                Err(e) if e.kind() == ErrorKind::PolicyContract => return Err(e),
                // A figure that cannot be reconciled (a sum at a decimal's
                // limit, say) is reported beside the others, which are kept.
                Err(e) => problems.push(
                    e.concerning(format!("figure `{}`", figure.id()))
                        .about(Record::Figure(at)),
                ),
            }
        }
        Ok(Findings::new(
            items,
            across,
            dossier.relations().to_vec(),
            problems,
        ))
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
    /// A policy that learns across figures
    /// ([`Policy::learns_across_figures`]) is not fitted here: one tally is
    /// one figure, and it is decided by what the policy knows without
    /// learning (for `learned`, the sources' hand-set grades).
    ///
    /// # Errors
    /// An error from the policy, or [`ErrorKind::PolicyContract`] when its
    /// best value lies outside its range.
    pub fn finish(&self, figure: FigureId, tally: Tally) -> Result<Finding, Error> {
        let p = Prepared::new(tally.items, self.reading, self.superseded, None);
        let draft = self.decide(figure, &p, &mut Detector::default(), None)?;
        Ok(draft.finish(self.name.clone(), false))
    }

    /// Reconciles one figure from its tally as [`reconcile`](Self::reconcile)
    /// reconciles the figures of a dossier: the policy sees the figure's
    /// scope, a count's best value is made whole, and a measure (a distance,
    /// a sum of money) is never read as rounded. Use it when claims are
    /// tallied apart from their dossier (in shards, or streamed) and must
    /// reconcile exactly as the dossier would; [`finish`](Self::finish) knows
    /// only the figure's id.
    ///
    /// ```
    /// use reckon::reconcile::{Evidence, Tally};
    /// use reckon::{Figure, Measure, Reconciler, Scope};
    ///
    /// let t: Tally = [
    ///     Evidence::new("c1", "article", &"6–7".parse()?),
    ///     Evidence::new("c2", "report", &"14".parse()?),
    /// ].into_iter().collect();
    /// let figure = Figure::new("hills-killed", "killed in the hills", Scope::new(Measure::Killed));
    /// let r = Reconciler::new();
    /// // People are counted whole: the median 6.5 (the midpoint of 6–7) becomes 6.
    /// assert_eq!(r.finish_figure(&figure, t.clone())?.best(), Some(6.into()));
    /// assert_eq!(r.finish("hills-killed".into(), t)?.best(), Some("6.5".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`finish`](Self::finish).
    pub fn finish_figure(&self, figure: &Figure, tally: Tally) -> Result<Finding, Error> {
        self.finish_scoped(figure.id().clone(), tally.items, figure.scope())
    }

    /// Reconciles one figure of scope `scope` from its evidence, as
    /// [`Reconciler::reconcile`] does a dossier's figure that no relation
    /// names: the reading and the whole best value follow the scope's unit.
    pub(crate) fn finish_scoped(
        &self,
        figure: FigureId,
        evidence: Vec<Evidence>,
        scope: &crate::Scope,
    ) -> Result<Finding, Error> {
        self.finish_in(&mut Stage::default(), figure, evidence, scope)
    }

    /// As [`finish_scoped`](Self::finish_scoped), in `stage`, whose buffers
    /// serve figure after figure.
    pub(crate) fn finish_in<'s>(
        &self,
        stage: &mut Stage<'s>,
        figure: FigureId,
        evidence: impl IntoIterator<Item = Evidence>,
        scope: &'s crate::Scope,
    ) -> Result<Finding, Error> {
        let draft = self.draft_in(stage, figure, evidence, scope)?;
        let name = match &stage.name {
            Some(name) if *name == self.name => name.clone(),
            _ => stage.name.insert(Arc::from(&*self.name)).clone(),
        };
        Ok(draft.finish(name, false))
    }

    /// Prepares `evidence` for a figure of `scope` in `stage` and decides
    /// it: the reading and the whole best value follow the scope's unit.
    fn draft_in<'s>(
        &self,
        stage: &mut Stage<'s>,
        figure: FigureId,
        evidence: impl IntoIterator<Item = Evidence>,
        scope: &'s crate::Scope,
    ) -> Result<Draft, Error> {
        let counts = Some(scope.unit().counts_whole());
        let reading = self.reading_for(counts);
        stage
            .prepared
            .fill(evidence, reading, self.superseded, Some(scope));
        self.decide(figure, &stage.prepared, &mut stage.detector, counts)
    }

    /// Reconciles the figure at position `at` of `dossier`, preparing its
    /// evidence in `stage`.
    fn draft<'d>(
        &self,
        dossier: &'d Dossier,
        at: usize,
        figure: &'d Figure,
        speakers: &Speakers<'d>,
        stage: &mut Stage<'d>,
    ) -> Result<Draft, Error> {
        // As `Dossier::stake` judges it, with the speakers looked up once.
        let counted = figure.scope().losing_side();
        let unit = figure.scope().unit();
        let evidence = dossier.claims_at(at).map(|c| {
            let (originator, source) = match speakers.get(c.source()) {
                Some(s) => (s.originator.clone(), s.source),
                None => (c.source().clone(), None),
            };
            let stake = c
                .stake_override()
                .unwrap_or_else(|| Stake::between(source.and_then(Source::side), counted));
            Evidence::of_claim(c, originator, source, stake, c.value().interval_for(unit))
        });
        self.draft_in(stage, figure.id().clone(), evidence, figure.scope())
    }

    /// The reading for a figure: a measure is not read as rounded (1500 km
    /// is not a count rounded to hundreds). `counts` says whether the figure
    /// counts whole things, when its unit is known.
    fn reading_for(&self, counts: Option<bool>) -> Reading {
        match (self.reading, counts) {
            (Reading::Rounded, Some(false)) => Reading::Lenient,
            (r, _) => r,
        }
    }

    /// Reconciles one figure's prepared evidence: its conflicts, the
    /// policy's decision, and what its summary is computed from. A count's
    /// best value is made whole (`counts` is `Some(true)`).
    fn decide(
        &self,
        figure: FigureId,
        p: &Prepared<'_>,
        detector: &mut Detector,
        counts: Option<bool>,
    ) -> Result<Draft, Error> {
        let conflicts = detector.within(p, &figure);
        let set = p.set();
        let (range, best, roles, note) = self.policy.apply(&set)?.into_parts();
        match (range, best) {
            (Some(r), Some(b)) if !r.contains(b) => {
                return Err(Error::policy_contract(
                    format!("policy `{}`", self.name),
                    format!("its best value {b} for figure `{figure}` lies outside its range {r}"),
                ));
            }
            (None, Some(b)) => {
                return Err(Error::policy_contract(
                    format!("policy `{}`", self.name),
                    format!("it gives figure `{figure}` a best value {b} but no range"),
                ));
            }
            _ => {}
        }
        let best = match (best, range) {
            // `is_fraction` computes `fract` (90 instructions a figure) only
            // for a decimal with places (10^5 claims, 759.6 M -> 757.7 M
            // instructions).
            (Some(b), Some(r)) if counts == Some(true) && is_fraction(&b) => Some(whole_best(b, r)),
            _ => best,
        };
        let basis = confidence::basis(&set, &conflicts, range);
        let claims = p
            .items
            .iter()
            .zip(&p.notes)
            .zip(roles)
            .map(|((e, n), role)| {
                ClaimStatus::new(
                    e.claim().clone(),
                    e.interval_read(p.reading),
                    n.counted,
                    role,
                )
            })
            .collect();
        Ok(Draft {
            figure,
            claims,
            best,
            conflicts,
            basis,
            note,
        })
    }
}
