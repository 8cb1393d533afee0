//! Learning which sources to trust from their track record across figures
//! (truth discovery), for ranged, open, vague and partisan claims.
//!
//! When the same sources report many figures, how often each agrees with
//! what the others establish is the strongest evidence of its reliability.
//! A [`Learner`] alternates two steps until nothing changes:
//!
//! 1. **Figures.** Each figure's estimate is the claimed value that the
//!    weighted claims support most. A claim supports a value `v` by
//!    `w / (1 + u²)`, where `u` is the distance from `v` to the claim's
//!    interval in units of the figure's spread (a Cauchy likelihood, so one
//!    wild claim cannot drag the estimate: medians, not means). The
//!    distance to an interval is zero inside it, so ranges, vague words
//!    ("dozens") and open bounds are first class: "more than 80" is
//!    censored, consistent with every value above 80, not a point at 81.
//!    Exact agreement adds up at `u = 0`: it is the strongest support.
//! 2. **Sources.** Each source's loss is the sum of `ln(1 + u²)` over the
//!    claims it made on figures that others also reported. Its weight is
//!    the upper confidence bound of its mean loss, inverted, as in CATD
//!    (Li et al., VLDB 2015): `χ²₀.₀₂₅(n + n₀) / (loss + n₀·ℓ₀)`, where the
//!    prior — `n₀` pseudo-claims of mean loss `ℓ₀` set by the source's
//!    hand-set Admiralty grade — keeps a source with one or two claims
//!    near its grade, and a single lucky agreement cannot give it extreme
//!    weight. Grades are priors, not overrides.
//!
//! **Transcribed data.** When nearly every claim (at least
//! [`EXACT_DATA`] of those on figures that two or more sources report) is
//! repeated exactly by another source, the values were copied from records
//! (timetables, feeds), not estimated, and any difference is an error. Then
//! agreement is exact: the near scale shrinks to a hundredth of a percent,
//! and a source's loss is measured in it, so a source one minute off a
//! timetable loses nearly as much as one an hour off. This is TruthFinder's
//! "implication" of exact agreement (Yin et al., KDD 2007). On the flight
//! benchmark (98.6 % of claims repeated exactly) it halves the error
//! rate; estimated figures (the weather benchmark: 51 %; simulated worlds
//! of noisy estimates: 23–36 %) keep the spread as the scale.
//!
//! Counts are compared in log space (`ln(1 + x)`: errors in counts are
//! multiplicative); a dossier with any negative value (temperatures) is
//! compared as it is. Claims are grouped by originator: declared relays
//! are one source, and an originator's claims on a figure share one
//! weight. After a first convergence, pairs of sources that repeat each
//! other's *wrong* values far more often than the rest do (AccuCopy's
//! signal, Dong et al., VLDB 2009) are suspected of copying, and their
//! identical claims on a figure share one weight; then the two steps run
//! again. A partisan claim (own or enemy stake) weighs half, and is read
//! as its [bound](crate::reconcile::Evidence::bound).
//!
//! Everything is computed in a canonical order (figures and sources by id,
//! claims by source then id), so the result does not depend on the order
//! of the dossier. Learned weights are statistics, `f64`; estimates are
//! always a claimed value, a `Decimal`.
//!
//! ```
//! use reckon::io::synth::Synth;
//! use reckon::reconcile::learn::Learner;
//! use reckon::Reconciler;
//!
//! let world = Synth::new(3).sources(30).figures(300).world();
//! let dossier = world.dossier()?;
//! let learned = Learner::new().learn(&dossier)?;
//! assert!(learned.iterations() >= 2);
//! let report = learned.report();
//! assert_eq!(report.rows().len(), dossier.sources().len());
//! // The fitted policy decides each figure with the learned weights.
//! let findings = Reconciler::new().policy(learned.policy()).reconcile(&dossier)?;
//! assert_eq!(findings.iter().next().unwrap().policy(), "learned");
//! # Ok::<(), reckon::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::model::{FigureId, Reading, Reliability, SourceId, Stake};
use crate::reconcile::Evidence;
use crate::reconcile::ratio::to_f64;
use crate::{Dossier, Error};

mod pass;
mod policy;
mod report;
mod scale;

pub use policy::Learned;
pub use report::{SourceReport, SourceRow};

use scale::{Spread, kernel, space, spread, weight};

/// The most iterations of each phase.
const MAX_ITERATIONS: usize = 30;
/// The most claims of a figure the policy weighs. Each iteration weighs
/// every pair of a figure's claims, their [`kernel`](scale::kernel)s held
/// for the figure at hand (8 bytes a pair): one figure of 10⁴ claims took
/// 2 GB and 10 s, one of 10⁵ more memory than the machine had. A larger
/// figure is left out of the learning, and deciding it is an error that
/// says so; 2,048 claims hold 32 MB.
pub(crate) const MAX_FIGURE_CLAIMS: usize = 2048;
/// The most claims a figure may have for its [`kernel`](scale::kernel)s (one per pair of
/// claims) to be kept from one iteration to the next; a larger figure's
/// are computed each time, for that figure alone. Kept,
/// they turn each iteration's support into a multiply per pair: `cargo
/// bench --bench learn -- 1000000` (31 iterations) took 4.36 and 4.13 s
/// with them against 4.91 and 4.92 s without (two interleaved rounds), for
/// 16 more floats per figure of 4 claims.
const KEPT_KERNELS: usize = 64;
/// The share of compared claims repeated exactly by another source from
/// which data are taken for transcribed: flight times 0.986, weather
/// readings 0.508, simulated estimates 0.23–0.36.
pub const EXACT_DATA: f64 = 0.9;
/// The learner's options. One default configuration is meant for every
/// dataset; there is nothing to tune per dataset.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Learner {
    reading: Reading,
    /// The most iterations in all; `None`: [`MAX_ITERATIONS`] per phase.
    limit: Option<usize>,
    /// Every figure decided on every pass, none kept from the pass before:
    /// what the tests compare the kept decisions with.
    decide_every_figure: bool,
}

impl Learner {
    /// The default learner: strict reading of vague words.
    pub fn new() -> Self {
        Learner::default()
    }

    /// This learner, reading vague words and round numbers by `reading`.
    #[must_use]
    pub fn reading(mut self, reading: Reading) -> Self {
        self.reading = reading;
        self
    }

    /// This learner, stopping after at most `limit` iterations (each a pass
    /// over every claim that estimates every figure) even if estimates
    /// still change. The first iteration, under the prior weights, is
    /// always made: a limit of 0 counts as 1. Two passes are not counted:
    /// the one that estimates again once copying is found, and the last,
    /// which measures each source's record under the final weights. Without
    /// a limit, the first phase stops after 31 iterations and the second
    /// (once copying is found) after 30 more.
    ///
    /// ```
    /// use reckon::io::synth::Synth;
    /// use reckon::reconcile::learn::Learner;
    ///
    /// let dossier = Synth::new(3).sources(30).figures(300).world().dossier()?;
    /// let learned = Learner::new().max_iterations(2).learn(&dossier)?;
    /// assert!(learned.iterations() <= 2);
    /// let first = Learner::new().max_iterations(0).learn(&dossier)?;
    /// assert_eq!(first.iterations(), 1);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    #[must_use]
    pub fn max_iterations(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Learns every originator's reliability, and every figure's estimate,
    /// from the claims of `dossier`. Superseded claims and claims that give
    /// no number are left out.
    ///
    /// # Errors
    /// None is expected today; the result is a `Result` so that a limit on
    /// the input can be reported later without a breaking change.
    pub fn learn(&self, dossier: &Dossier) -> Result<Learning, Error> {
        let superseded: HashSet<&crate::model::ClaimId> = dossier
            .claims()
            .iter()
            .filter_map(|c| c.supersedes())
            .collect();
        let evidence: Vec<(FigureId, Evidence)> = dossier
            .claims()
            .iter()
            .filter(|c| !superseded.contains(c.id()))
            .map(|c| (c.figure().clone(), Evidence::of(dossier, c)))
            .filter(|(_, e)| !e.is_unknown())
            .collect();
        let grades: BTreeMap<SourceId, Reliability> = dossier
            .sources()
            .iter()
            .map(|s| (s.id().clone(), s.reliability()))
            .collect();
        Ok(self.learn_graded(evidence, grades))
    }

    /// Learns from claims read without a dossier (the bulk path), each with
    /// its figure; every originator is graded as its evidence says. Claims
    /// that give no number are left out; nothing is superseded.
    ///
    /// Each claim becomes the learner's row as it is read: no list of the
    /// claims' evidence is kept (`reconcile --json --policy learned` of
    /// 4.08 M claims: 23.3 s and 1.96 GB with such a list).
    pub(crate) fn learn_claims(
        &self,
        claims: impl IntoIterator<Item = (FigureId, Evidence)>,
    ) -> Learning {
        let mut grades: foldhash::HashMap<SourceId, Reliability> = foldhash::HashMap::default();
        let rows = claims
            .into_iter()
            .filter(|(_, e)| !e.is_unknown())
            .filter_map(|(figure, e)| {
                if !grades.contains_key(e.originator()) {
                    grades.insert(e.originator().clone(), e.reliability());
                }
                self.row(figure, &e)
            })
            .collect();
        Fit::new(rows, grades.into_iter().collect()).run(self)
    }

    /// [`Learner::learn_evidence`], with each originator missing from
    /// `grades` graded as its evidence says.
    fn learn_graded(
        &self,
        evidence: Vec<(FigureId, Evidence)>,
        mut grades: BTreeMap<SourceId, Reliability>,
    ) -> Learning {
        for (_, e) in &evidence {
            grades
                .entry(e.originator().clone())
                .or_insert(e.reliability());
        }
        self.learn_evidence(evidence, grades)
    }

    /// Learns from `(figure, evidence)` pairs with the grades of their
    /// originators; what [`Learner::learn`] does once the dossier is read.
    pub fn learn_evidence(
        &self,
        evidence: Vec<(FigureId, Evidence)>,
        grades: BTreeMap<SourceId, Reliability>,
    ) -> Learning {
        let rows = evidence
            .into_iter()
            .filter_map(|(figure, e)| self.row(figure, &e))
            .collect();
        Fit::new(rows, grades).run(self)
    }

    /// The learner's row of one claim about `figure`; `None` when the
    /// claim gives no point to compare.
    fn row(&self, figure: FigureId, e: &Evidence) -> Option<Row> {
        let point = e.point(self.reading)?;
        let b = e.bound(self.reading);
        Some(Row {
            figure,
            source: e.originator().clone(),
            claim: Some(e.claim().clone()),
            low: b.low(),
            high: b.high(),
            point,
            stake: if e.stake() == Stake::Neutral {
                1.0
            } else {
                0.5
            },
        })
    }

    /// Learns from a plain table of `(figure, source, value)`, every source
    /// graded `F`: the form of the truth-discovery benchmarks. Values may be
    /// negative (temperatures); then nothing is compared in log space.
    /// The same figure and source given twice count as one source's claims.
    ///
    /// ```
    /// use reckon::reconcile::learn::Learner;
    /// use reckon::Decimal;
    ///
    /// let rows = [("t1", "a", -3), ("t1", "b", -3), ("t1", "c", 4), ("t2", "a", 5), ("t2", "c", 9)];
    /// let learned = Learner::new()
    ///     .learn_values(rows.map(|(f, s, v)| (f.into(), s.into(), Decimal::from(v))));
    /// assert_eq!(learned.estimate(&"t1".into()), Some(Decimal::from(-3)));
    /// // `a` agreed with `b` where `c` did not: `a` decides t2.
    /// assert_eq!(learned.estimate(&"t2".into()), Some(Decimal::from(5)));
    /// ```
    pub fn learn_values(
        &self,
        values: impl IntoIterator<Item = (FigureId, SourceId, Decimal)>,
    ) -> Learning {
        let rows: Vec<Row> = values
            .into_iter()
            .map(|(figure, source, v)| Row {
                figure,
                source,
                claim: None,
                low: v,
                high: Some(v),
                point: v,
                stake: 1.0,
            })
            .collect();
        // Each source once, before the ordered map sees it.
        let sources: foldhash::HashSet<&SourceId> = rows.iter().map(|r| &r.source).collect();
        let grades = sources
            .into_iter()
            .map(|s| (s.clone(), Reliability::F))
            .collect();
        Fit::new(rows, grades).run(self)
    }
}

/// The first eight bytes of `text` as a big-endian integer, padded with
/// zeros: two texts whose prefixes differ are ordered as their prefixes.
fn prefix(text: &str) -> u64 {
    let mut bytes = [0u8; 8];
    for (to, from) in bytes.iter_mut().zip(text.as_bytes()) {
        *to = *from;
    }
    u64::from_be_bytes(bytes)
}

/// One claim, as read for the learner.
struct Row {
    figure: FigureId,
    source: SourceId,
    claim: Option<crate::model::ClaimId>,
    low: Decimal,
    high: Option<Decimal>,
    point: Decimal,
    stake: f64,
}

/// One claim as the learner sees it.
#[derive(Clone, Debug)]
struct Obs {
    fig: usize,
    src: usize,
    /// The claim's bound, transformed.
    lo: f64,
    hi: f64,
    /// Its point, transformed, and as stated.
    pt: f64,
    value: Decimal,
    /// Stake factor over the originator's claims on this figure.
    factor: f64,
}

/// A claim as one pass keeps it for the next: its comparison with a
/// candidate, kept until the candidate changes, and its source's weight
/// when its figure was last decided.
#[derive(Clone, Copy, Debug)]
struct Memo {
    /// The logarithm of the source's weight when the figure was last
    /// decided.
    at: f64,
    /// The candidate, an index into the figure's claims; `usize::MAX` for
    /// none.
    candidate: usize,
    /// The claim's loss against it.
    loss: f64,
    /// Whether the claim is within a spread of it.
    agreed: bool,
}

impl Memo {
    /// Adds the claim's comparison to the losses of its source `src`;
    /// nothing when the claim was compared with no candidate.
    fn add_to(&self, src: usize, out: &mut Losses) {
        if self.candidate != usize::MAX {
            out.loss[src] += self.loss;
            out.n[src] += 1.0;
            if self.agreed {
                out.agreed[src] += 1.0;
            }
        }
    }
}

/// What one pass keeps for the next (see [`pass`](self::pass)).
#[derive(Debug, Default)]
struct Kept {
    /// By claim, the candidate it was last compared with, its loss against
    /// it and whether it agreed: most claims are compared with the same
    /// candidate from one pass to the next, and the logarithm was a fifth
    /// of a pass (perf). With the loss kept, `cargo bench --bench learn --
    /// 1000000` took 2.51 and 2.49 s, against 2.72 and 2.65 s with one
    /// pass per iteration alone (31 iterations, 16 more bytes per claim);
    /// the agreement is kept too, so a claim's distance is measured only
    /// when its candidate changes.
    memo: Vec<Memo>,
    /// By figure, how far the logarithm of any of its claims' weights may
    /// move from [`Memo::at`] before the figure must be decided again; not
    /// positive: decide it.
    slack: Vec<f64>,
    /// By figure, its estimate when last decided.
    est: Vec<usize>,
    /// Whether every figure is decided on every pass.
    decide_every_figure: bool,
    /// How many times a figure was decided, in all passes.
    #[cfg(test)]
    decided: usize,
}

/// Each source's loss, compared claims and agreements, by source index.
struct Losses {
    loss: Vec<f64>,
    n: Vec<f64>,
    agreed: Vec<f64>,
}

struct Fit {
    log: bool,
    figures: Vec<FigureId>,
    sources: Vec<SourceId>,
    grades: Vec<Reliability>,
    /// Claims by figure then source then claim id.
    obs: Vec<Obs>,
    /// Start of each figure's claims in `obs` (one more than figures).
    starts: Vec<usize>,
    spreads: Vec<Spread>,
    /// The kernels of each figure of at most [`KEPT_KERNELS`] claims,
    /// `k × k` of them by candidate then claim, from `kernel_starts[fi]`
    /// (one more than figures); a larger figure has none kept.
    kernels: Vec<f64>,
    kernel_starts: Vec<usize>,
    /// Whether at least two originators report the figure.
    contested: Vec<bool>,
    weights: Vec<f64>,
    copy_share: Vec<f64>,
    /// What each pass keeps for the next.
    kept: Kept,
    copying: HashSet<(usize, usize)>,
    /// The share of compared claims another source repeats exactly.
    exact_share: f64,
    /// Whether the data are transcribed: `exact_share` is at least
    /// [`EXACT_DATA`].
    exact: bool,
}

/// `rows` without those of a figure of more than [`MAX_FIGURE_CLAIMS`]
/// claims. A figure's rows usually come together: they are counted a run
/// at a time.
fn without_crowded_figures(mut rows: Vec<Row>) -> Vec<Row> {
    let mut counts: foldhash::HashMap<&FigureId, usize> = Default::default();
    for run in rows.chunk_by(|a, b| a.figure == b.figure) {
        if let Some(first) = run.first() {
            *counts.entry(&first.figure).or_default() += run.len();
        }
    }
    let crowded: HashSet<FigureId> = counts
        .into_iter()
        .filter(|&(_, n)| n > MAX_FIGURE_CLAIMS)
        .map(|(f, _)| f.clone())
        .collect();
    if !crowded.is_empty() {
        rows.retain(|r| !crowded.contains(&r.figure));
    }
    rows
}

impl Fit {
    fn new(rows: Vec<Row>, grades: BTreeMap<SourceId, Reliability>) -> Self {
        let rows = without_crowded_figures(rows);
        let log = rows
            .iter()
            .all(|r| r.low >= Decimal::ZERO && r.point >= Decimal::ZERO);
        let sources: Vec<SourceId> = grades.keys().cloned().collect();
        let src_index: foldhash::HashMap<&SourceId, usize> =
            sources.iter().enumerate().map(|(i, s)| (s, i)).collect();
        // Figures are numbered as first seen (one look-up per row), then
        // renumbered in the ids' order, so that sorting by number sorts by
        // id without comparing the texts. With the sort by numbers below
        // and one conversion per exact claim, `cargo bench --bench learn --
        // 1000000` went from 2.52 and 2.50 s to 2.40 and 2.32 s (two
        // alternating rounds); the set-up had taken half a second of it.
        // A figure's claims usually come together: the row before's number
        // is reused without a look-up, and the table is made as large as
        // the runs of one figure, which are at least as many as figures.
        // With the sort on prefixes below, numbering the figures of 10⁶
        // claims took 0.08 s instead of 0.17 s (timed in a patched build).
        // A row of a source without a grade is left out, and a figure with
        // no other row is not numbered.
        let srcs: Vec<Option<usize>> = rows
            .iter()
            .map(|r| src_index.get(&r.source).copied())
            .collect();
        let runs = 1 + rows
            .windows(2)
            .filter(|w| w[0].figure != w[1].figure)
            .count();
        let mut seen: foldhash::HashMap<&FigureId, usize> =
            foldhash::HashMap::with_capacity_and_hasher(runs, Default::default());
        let mut last: Option<(&FigureId, usize)> = None;
        let first_seen: Vec<usize> = rows
            .iter()
            .zip(&srcs)
            .map(|(r, src)| match last {
                _ if src.is_none() => usize::MAX,
                Some((figure, seen_as)) if *figure == r.figure => seen_as,
                _ => {
                    let next = seen.len();
                    let seen_as = *seen.entry(&r.figure).or_insert(next);
                    last = Some((&r.figure, seen_as));
                    seen_as
                }
            })
            .collect();
        // Sorted by the ids' first eight bytes, then by the whole id where
        // those are equal: the same order, with most comparisons made on
        // an integer rather than through two pointers.
        let mut by_id: Vec<(u64, &FigureId, usize)> = seen
            .into_iter()
            .map(|(figure, seen_as)| (prefix(figure.as_str()), figure, seen_as))
            .collect();
        by_id.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut number = vec![0; by_id.len()];
        for (i, &(_, _, seen_as)) in by_id.iter().enumerate() {
            number[seen_as] = i;
        }
        let figures: Vec<FigureId> = by_id.into_iter().map(|(_, f, _)| f.clone()).collect();
        let mut keyed: Vec<(usize, usize, &Row)> = rows
            .iter()
            .zip(first_seen)
            .zip(srcs)
            .filter_map(|((r, seen_as), src)| Some((*number.get(seen_as)?, src?, r)))
            .collect();
        // By figure and source, then the few claims of one source on one
        // figure by claim and value.
        keyed.sort_unstable_by_key(|&(fig, src, _)| (fig, src));
        for run in keyed.chunk_by_mut(|a, b| (a.0, a.1) == (b.0, b.1)) {
            if run.len() > 1 {
                run.sort_by(|(_, _, a), (_, _, b)| {
                    (&a.claim, a.point, a.low, a.high).cmp(&(&b.claim, b.point, b.low, b.high))
                });
            }
        }
        let f = |d: Decimal| space(to_f64(d), log);
        let mut obs: Vec<Obs> = keyed
            .iter()
            .map(|&(fig, src, r)| {
                // Most claims are exact: one conversion serves all three.
                let pt = f(r.point);
                let at_point = |d: Decimal| if d == r.point { pt } else { f(d) };
                Obs {
                    fig,
                    src,
                    lo: at_point(r.low),
                    hi: r.high.map_or(f64::INFINITY, at_point),
                    pt,
                    value: r.point,
                    factor: r.stake,
                }
            })
            .collect();
        drop(keyed);
        let mut starts = Vec::with_capacity(figures.len() + 1);
        let mut at = 0;
        for fi in 0..figures.len() {
            starts.push(at);
            while obs.get(at).is_some_and(|o| o.fig == fi) {
                at += 1;
            }
        }
        starts.push(at);
        let mut contested = Vec::with_capacity(figures.len());
        let (mut repeated, mut compared) = (0usize, 0usize);
        for w in starts.windows(2) {
            let claims = &mut obs[w[0]..w[1]];
            let is_contested = claims
                .first()
                .is_some_and(|a| claims.iter().any(|o| o.src != a.src));
            if is_contested {
                // Sorted by source then claim: an exact twin from another
                // source is found by sorting the values.
                let mut values: Vec<(Decimal, usize)> =
                    claims.iter().map(|o| (o.value, o.src)).collect();
                values.sort_unstable();
                for run in values.chunk_by(|a, b| a.0 == b.0) {
                    compared += run.len();
                    if run.iter().any(|x| x.1 != run[0].1) {
                        repeated += run.len();
                    }
                }
            }
            contested.push(is_contested);
            // An originator's claims on one figure share one weight.
            for run in claims.chunk_by_mut(|a, b| a.src == b.src) {
                let n = run.len() as f64;
                for o in run {
                    o.factor /= n;
                }
            }
        }
        let exact_share = repeated as f64 / compared.max(1) as f64;
        let exact = exact_share >= EXACT_DATA;
        let spreads: Vec<Spread> = starts
            .windows(2)
            .map(|w| {
                let mut pts: Vec<f64> = obs[w[0]..w[1]].iter().map(|o| o.pt).collect();
                spread(&mut pts, log, exact)
            })
            .collect();
        let mut kernels = Vec::new();
        let mut kernel_starts = Vec::with_capacity(figures.len() + 1);
        for (w, &h) in starts.windows(2).zip(&spreads) {
            kernel_starts.push(kernels.len());
            let claims = &obs[w[0]..w[1]];
            if claims.len() <= KEPT_KERNELS {
                for a in claims {
                    kernels.extend(claims.iter().map(|b| kernel(a.pt, b.lo, b.hi, h)));
                }
            }
        }
        kernel_starts.push(kernels.len());
        let grades: Vec<Reliability> = grades.into_values().collect();
        let weights = grades.iter().map(|&g| weight(0.0, 0.0, g)).collect();
        let copy_share = vec![1.0; obs.len()];
        let kept = Kept {
            // No claim compared yet: no candidate is `usize::MAX`.
            memo: vec![
                Memo {
                    at: 0.0,
                    candidate: usize::MAX,
                    loss: 0.0,
                    agreed: false,
                };
                obs.len()
            ],
            slack: vec![f64::NEG_INFINITY; figures.len()],
            est: vec![0; figures.len()],
            decide_every_figure: false,
            #[cfg(test)]
            decided: 0,
        };
        Fit {
            log,
            figures,
            sources,
            grades,
            obs,
            starts,
            spreads,
            kernels,
            kernel_starts,
            contested,
            weights,
            copy_share,
            copying: HashSet::new(),
            kept,
            exact_share,
            exact,
        }
    }

    /// Whether two sources are one, or suspected of copying each other.
    fn related(&self, a: usize, b: usize) -> bool {
        a == b || self.copying.contains(&(a.min(b), a.max(b)))
    }

    fn figure(&self, fi: usize) -> std::ops::Range<usize> {
        self.starts[fi]..self.starts[fi + 1]
    }

    /// The sources' weights from their losses.
    fn reweigh(&mut self, losses: &Losses) {
        for (s, w) in self.weights.iter_mut().enumerate() {
            *w = weight(losses.loss[s], losses.n[s], self.grades[s]);
        }
    }

    /// Alternates the two steps until the estimates no longer change:
    /// `first` is a pass under the current weights, and so are the losses
    /// returned with the estimates.
    fn converge(
        &mut self,
        first: (Vec<usize>, Losses),
        iterations: &mut usize,
        limit: Option<usize>,
    ) -> (Vec<usize>, Losses) {
        let (mut est, mut losses) = first;
        for _ in 0..MAX_ITERATIONS {
            if limit.is_some_and(|n| *iterations >= n) {
                break;
            }
            self.reweigh(&losses);
            let (next, next_losses) = self.step();
            *iterations += 1;
            losses = next_losses;
            if next == est {
                break;
            }
            est = next;
        }
        (est, losses)
    }

    /// Pairs of sources that repeat each other's wrong values far more
    /// often than pairs of sources do overall.
    fn detect_copying(&mut self, est: &[usize]) {
        // How often each source gives exactly the estimate.
        let mut right = vec![(0u32, 0u32); self.sources.len()];
        for (fi, &e) in est.iter().enumerate() {
            if self.contested[fi] {
                for o in &self.obs[self.figure(fi)] {
                    right[o.src].0 += 1;
                    right[o.src].1 += u32::from(o.value == self.obs[e].value);
                }
            }
        }
        let accuracy: Vec<f64> = right
            .iter()
            .map(|&(n, r)| f64::from(r) / f64::from(n.max(1)))
            .collect();
        // Pairs of sources that gave the same value on a figure, and how
        // often; only those with at least five can pass the test below.
        let mut identical: foldhash::HashMap<(usize, usize), u32> = foldhash::HashMap::default();
        let (mut both_wrong, mut wrong_same) = (0u64, 0u64);
        for (fi, &e) in est.iter().enumerate() {
            let v = self.obs[e].value;
            let claims = &self.obs[self.figure(fi)];
            for (i, a) in claims.iter().enumerate() {
                for b in claims[i + 1..].iter().filter(|b| b.src != a.src) {
                    if a.value == b.value {
                        *identical
                            .entry((a.src.min(b.src), a.src.max(b.src)))
                            .or_default() += 1;
                    }
                    if a.value != v && b.value != v {
                        both_wrong += 1;
                        wrong_same += u64::from(a.value == b.value);
                    }
                }
            }
        }
        let q = wrong_same as f64 / both_wrong.max(1) as f64;
        // Per such pair: figures shared, identical values, and the
        // identical values independence would give. Counted for every
        // pair of sources, this took 0.25 s of the 2.1 s of `cargo bench
        // --bench learn -- 1000000` (1.5 M pairs of claims, a look-up each
        // in a table of half a million pairs); narrowed first, 0.065 s
        // (timed in a patched build), with the same sums.
        let mut pairs: foldhash::HashMap<(usize, usize), (f64, f64, f64)> = identical
            .into_iter()
            .filter(|&(_, same)| same >= 5)
            .map(|(pair, _)| (pair, (0.0, 0.0, 0.0)))
            .collect();
        if !pairs.is_empty() {
            for fi in 0..self.figures.len() {
                let claims = &self.obs[self.figure(fi)];
                for (i, a) in claims.iter().enumerate() {
                    for b in claims[i + 1..].iter().filter(|b| b.src != a.src) {
                        let key = (a.src.min(b.src), a.src.max(b.src));
                        if let Some(entry) = pairs.get_mut(&key) {
                            let (pa, pb) = (accuracy[a.src], accuracy[b.src]);
                            entry.0 += 1.0;
                            entry.1 += f64::from(u8::from(a.value == b.value));
                            entry.2 += pa * pb + (1.0 - pa) * (1.0 - pb) * q;
                        }
                    }
                }
            }
        }
        // Far more identical values than independence allows: at least 5,
        // 95 % of the shared figures and a tenth above the expected share,
        // and four standard deviations. Only near-identical feeds qualify:
        // a looser test takes accurate sources that agree for copies.
        self.copying = pairs
            .into_iter()
            .filter(|&(_, (n, same, expected))| {
                let p = (expected / n).clamp(1e-6, 1.0 - 1e-6);
                same >= 5.0
                    && same / n >= (p + 0.1).max(0.95)
                    && same - expected > 4.0 * (n * p * (1.0 - p)).sqrt()
            })
            .map(|(p, _)| p)
            .collect();
        // Every share stays 1 when no pair copies.
        if self.copying.is_empty() {
            return;
        }
        for fi in 0..self.figures.len() {
            let r = self.figure(fi);
            for i in r.clone() {
                let a = &self.obs[i];
                let group = 1 + self.obs[r.clone()]
                    .iter()
                    .filter(|b| {
                        b.src != a.src
                            && b.value == a.value
                            && self.copying.contains(&(a.src.min(b.src), a.src.max(b.src)))
                    })
                    .count();
                self.copy_share[i] = 1.0 / group as f64;
            }
        }
        // Shares changed, and with them claims' weights: every figure is
        // decided again.
        self.kept.slack.fill(f64::NEG_INFINITY);
    }

    fn run(mut self, learner: &Learner) -> Learning {
        self.kept.decide_every_figure = learner.decide_every_figure;
        let limit = learner.limit;
        let mut iterations = 1;
        let first = self.step();
        let (est, losses) = self.converge(first, &mut iterations, limit);
        self.detect_copying(&est);
        let (est, losses) = if self.copying.is_empty() {
            (est, losses)
        } else {
            let again = self.step();
            self.converge(again, &mut iterations, limit)
        };
        self.reweigh(&losses);
        let (_, Losses { loss, n, agreed }) = self.step();
        let mut reported = vec![0usize; self.sources.len()];
        for o in &self.obs {
            reported[o.src] += 1;
        }
        let mut copies: Vec<Vec<SourceId>> = vec![Vec::new(); self.sources.len()];
        let mut pairs: Vec<&(usize, usize)> = self.copying.iter().collect();
        pairs.sort_unstable();
        for &(a, b) in pairs {
            copies[a].push(self.sources[b].clone());
            copies[b].push(self.sources[a].clone());
        }
        let rows = (0..self.sources.len())
            .map(|s| {
                SourceRow::new(
                    self.sources[s].clone(),
                    self.grades[s],
                    loss[s],
                    n[s],
                    reported[s],
                    agreed[s],
                    self.weights[s],
                    std::mem::take(&mut copies[s]),
                )
            })
            .collect();
        let estimates = est
            .iter()
            .enumerate()
            .map(|(fi, &e)| (self.figures[fi].clone(), self.obs[e].value))
            .collect();
        let weights: HashMap<SourceId, f64> = self
            .sources
            .iter()
            .cloned()
            .zip(self.weights.iter().copied())
            .collect();
        let copying = self
            .copying
            .iter()
            .map(|&(a, b)| (self.sources[a].clone(), self.sources[b].clone()))
            .collect();
        Learning {
            iterations,
            estimates,
            report: SourceReport::new(rows),
            policy: Learned::fitted(weights, copying, self.log, self.exact),
            exact_share: self.exact_share,
            #[cfg(test)]
            decided: self.kept.decided,
        }
    }
}

/// What a [`Learner`] learned: every originator's reliability (the
/// [`SourceReport`]), every figure's estimate, and the fitted `learned`
/// policy that decides figures with those weights.
#[derive(Clone, Debug)]
pub struct Learning {
    iterations: usize,
    estimates: BTreeMap<FigureId, Decimal>,
    report: SourceReport,
    policy: Learned,
    exact_share: f64,
    /// How many times a figure was decided, in all passes.
    #[cfg(test)]
    decided: usize,
}

impl Learning {
    /// How many iterations were made (see [`Learner::max_iterations`] for
    /// what counts): until the estimates stopped changing, or until the
    /// limit or a phase's cap stopped the run.
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// The estimate of `figure`: the claimed value the learned weights
    /// support most. `None` when no claim gives it a number.
    pub fn estimate(&self, figure: &FigureId) -> Option<Decimal> {
        self.estimates.get(figure).copied()
    }

    /// Every estimate, by figure id.
    pub fn estimates(&self) -> &BTreeMap<FigureId, Decimal> {
        &self.estimates
    }

    /// The share of claims, on figures two or more sources report, that
    /// another source repeats exactly. At [`EXACT_DATA`] or more the data
    /// were taken for transcribed, and agreement was measured exactly.
    ///
    /// ```
    /// use reckon::reconcile::learn::{EXACT_DATA, Learner};
    /// use reckon::Decimal;
    ///
    /// // Ten timetables agree to the minute on every flight; one is a
    /// // minute late every time.
    /// let mut rows = Vec::new();
    /// for f in 0..20 {
    ///     let time = Decimal::from(600 + 7 * f);
    ///     for s in 0..10 {
    ///         rows.push((format!("f{f}").as_str().into(), format!("s{s}").as_str().into(), time));
    ///     }
    ///     rows.push((format!("f{f}").as_str().into(), "late".into(), time + Decimal::ONE));
    /// }
    /// let learned = Learner::new().learn_values(rows);
    /// assert!(learned.exact_share() >= EXACT_DATA);
    /// // One minute in ten hours is a miss, not near agreement.
    /// let rows = learned.report().rows();
    /// assert_eq!(rows.last().map(|r| r.source().as_str()), Some("late"));
    /// ```
    pub fn exact_share(&self) -> f64 {
        self.exact_share
    }

    /// The learned reliability of every originator.
    pub fn report(&self) -> &SourceReport {
        &self.report
    }

    /// The `learned` policy with these weights, for a
    /// [`Reconciler`](crate::Reconciler).
    pub fn policy(&self) -> Learned {
        self.policy.clone()
    }
}

/// The learned weights shared by the fitted policy.
#[derive(Debug, Default)]
pub(crate) struct Weights {
    pub(crate) by_source: HashMap<SourceId, f64>,
    pub(crate) copying: HashSet<(SourceId, SourceId)>,
    pub(crate) log: Option<bool>,
    /// Whether the weights were learned from transcribed data.
    pub(crate) exact: bool,
}

impl Weights {
    pub(crate) fn shared(self) -> Arc<Weights> {
        Arc::new(self)
    }
}

#[cfg(test)]
mod tests;
