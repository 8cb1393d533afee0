//! The reconciler: a dossier in, one finding per figure out.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;

use crate::model::interval::{Packed, small_key};
use crate::model::{ClaimId, Date, FigureId, Period, Reading, SourceId, Stake};
use crate::reconcile::confidence::{Summary, summarize};
use crate::reconcile::conflict;
use crate::reconcile::conflict::{Conflict, ConflictKind, Detail};
use crate::reconcile::policy::{Exclusion, Policy, Role, Weighted};
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

/// A fast hasher for the reconciler's own look-up tables (source ids and
/// figure ids of one dossier): a multiply-rotate mix of eight bytes at a
/// time, folded at the end. Not meant to resist chosen collisions.
#[derive(Clone, Copy, Default)]
struct Mix;

struct MixHasher(u64);

impl std::hash::BuildHasher for Mix {
    type Hasher = MixHasher;
    fn build_hasher(&self) -> MixHasher {
        MixHasher(0)
    }
}

impl MixHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for MixHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // Fold the high bits down: the table indexes by the low bits, which
        // the multiplications alone leave poorly mixed for short ids.
        let h = (self.0 ^ (self.0 >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
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

/// The position of each figure's finding, by figure id: an open-addressing
/// table, at most half full, of positions into the findings (the ids
/// themselves stay in the findings), each with 24 bits of its id's hash so
/// that a probe rarely has to read a finding to reject it. The first
/// finding of an id wins. Positions of 2⁴⁰ and beyond are not kept in the
/// table; they are found by a scan.
#[derive(Clone, Debug, Default)]
struct FigureIndex {
    /// `EMPTY` marks an empty slot, else `tag << POS_BITS | position`; the
    /// length is a power of two.
    slots: Vec<u64>,
}

const POS_BITS: u32 = 40;
const POS_MASK: u64 = (1 << POS_BITS) - 1;
const EMPTY: u64 = u64::MAX;

impl FigureIndex {
    fn with_capacity(n: usize) -> Self {
        let len = n.saturating_mul(2).max(8).next_power_of_two();
        FigureIndex {
            slots: vec![EMPTY; len],
        }
    }

    /// The first slot to probe and the tag for `id`.
    fn start(&self, id: &FigureId) -> (usize, u64) {
        use std::hash::BuildHasher;
        let h = Mix.hash_one(id.as_str());
        // Truncation is intended: the low bits pick the slot, the high ones tag it.
        (
            (h as usize) & (self.slots.len() - 1),
            (h >> POS_BITS) << POS_BITS,
        )
    }

    /// The index of `items`, as inserting them one by one in order builds it.
    fn build(items: &[Finding]) -> Self {
        let mut index = FigureIndex::with_capacity(items.len());
        for (at, f) in items.iter().enumerate() {
            index.insert(&items[..at], &f.figure, at);
        }
        index
    }

    /// Records that the finding for `id` is `items[at]`, unless `id` already has one.
    fn insert(&mut self, items: &[Finding], id: &FigureId, at: usize) {
        let Some(pos) = u64::try_from(at).ok().filter(|&p| p < POS_MASK) else {
            return;
        };
        if self.slots.len() < 2 * (items.len() + 1) {
            self.grow(items);
        }
        let mask = self.slots.len() - 1;
        let (mut s, tag) = self.start(id);
        loop {
            let slot = self.slots[s];
            if slot == EMPTY {
                self.slots[s] = tag | pos;
                return;
            }
            if slot & !POS_MASK == tag && self.holds(items, slot, id) {
                return;
            }
            s = (s + 1) & mask;
        }
    }

    fn holds(&self, items: &[Finding], slot: u64, id: &FigureId) -> bool {
        usize::try_from(slot & POS_MASK)
            .ok()
            .and_then(|i| items.get(i))
            .is_some_and(|f| f.figure == *id)
    }

    fn grow(&mut self, items: &[Finding]) {
        let old = std::mem::replace(self, FigureIndex::with_capacity(2 * (items.len() + 1)));
        for slot in old.slots.into_iter().filter(|&s| s != EMPTY) {
            let i = usize::try_from(slot & POS_MASK).unwrap_or(usize::MAX);
            if let Some(f) = items.get(i) {
                self.insert(items, &f.figure, i);
            }
        }
    }

    fn get(&self, items: &[Finding], id: &FigureId) -> Option<usize> {
        if !self.slots.is_empty() {
            let mask = self.slots.len() - 1;
            let (mut s, tag) = self.start(id);
            loop {
                let slot = self.slots[s];
                if slot == EMPTY {
                    break;
                }
                if slot & !POS_MASK == tag && self.holds(items, slot, id) {
                    return usize::try_from(slot & POS_MASK).ok();
                }
                s = (s + 1) & mask;
            }
        }
        // Beyond what the table keeps: a scan (never reached in practice).
        let beyond = usize::try_from(POS_MASK).unwrap_or(usize::MAX);
        items
            .iter()
            .enumerate()
            .skip(beyond)
            .find(|(_, f)| f.figure == *id)
            .map(|(i, _)| i)
    }
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
    /// [`ErrorKind::Overflow`](crate::error::ErrorKind::Overflow) when a roll-up overflows, an error from the
    /// policy, or [`ErrorKind::Invalid`](crate::error::ErrorKind::Invalid) when the policy's best value lies
    /// outside its range.
    pub fn reconcile(&self, dossier: &Dossier) -> Result<Findings, Error> {
        let speakers: HashMap<&SourceId, Speaker<'_>, Mix> = dossier
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
        // dossier's own index finds them while relating figures, and the
        // findings' index is built on the first look-up.
        let mut findings = Findings {
            items,
            index: OnceLock::new(),
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
    /// An error from the policy, or [`ErrorKind::Invalid`](crate::error::ErrorKind::Invalid) when its best value
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
            (Some(b), Some(r)) if counts == Some(true) && !b.fract().is_zero() => {
                Some(whole_best(b, r))
            }
            _ => best,
        };
        let summary = summarize(&set, &conflicts, range, scratch);
        let reading = p.reading;
        let claims = p
            .items
            .drain(..)
            .zip(&p.notes)
            .zip(roles)
            .map(|((e, n), role)| ClaimStatus {
                cell: Cell::new(e.interval_read(reading), role, n.counted),
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
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ClaimStatus {
    claim: ClaimId,
    cell: Cell,
}

/// A claim's interval, role and counting, in 16 bytes: a small interval
/// inline, a larger one boxed; the role as an index into `ROLES`, or boxed
/// with the interval when it is not one of them (a reason from outside the
/// crate). Always the most compact form that holds the values, so that
/// equal values are equal cells.
#[derive(Clone)]
enum Cell {
    Small {
        low: u32,
        /// `u32::MAX` stands for an unbounded high end.
        high: u32,
        role: u8,
        counted: bool,
    },
    Full {
        interval: Box<Interval>,
        role: u8,
        counted: bool,
    },
    Other {
        both: Box<(Interval, Role)>,
        counted: bool,
    },
}

impl Cell {
    fn new(interval: Interval, role: Role, counted: bool) -> Cell {
        let Some(role) = role_index(&role) else {
            return Cell::Other {
                both: Box::new((interval, role)),
                counted,
            };
        };
        match small_key(&interval) {
            // Truncation is intended: the key holds the low end above, the high below.
            Some(k) => Cell::Small {
                low: (k >> 32) as u32,
                high: k as u32,
                role,
                counted,
            },
            None => Cell::Full {
                interval: Box::new(interval),
                role,
                counted,
            },
        }
    }

    fn interval(&self) -> Interval {
        match self {
            Cell::Small { low, high, .. } => Packed::Small {
                low: *low,
                high: *high,
            }
            .get(),
            Cell::Full { interval, .. } => **interval,
            Cell::Other { both, .. } => both.0,
        }
    }

    fn role(&self) -> &Role {
        match self {
            Cell::Small { role, .. } | Cell::Full { role, .. } => {
                ROLES.get(usize::from(*role)).unwrap_or(&ROLES[0])
            }
            Cell::Other { both, .. } => &both.1,
        }
    }

    fn counted(&self) -> bool {
        match self {
            Cell::Small { counted, .. }
            | Cell::Full { counted, .. }
            | Cell::Other { counted, .. } => *counted,
        }
    }
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        self.counted() == other.counted()
            && self.interval() == other.interval()
            && self.role() == other.role()
    }
}

impl Eq for Cell {}

impl std::hash::Hash for Cell {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.interval().hash(state);
        self.role().hash(state);
        self.counted().hash(state);
    }
}

impl fmt::Debug for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As it always has: the role as an index, or boxed when it is none.
        let (other, known) = match &self.cell {
            Cell::Small { role, .. } | Cell::Full { role, .. } => (None, *role),
            Cell::Other { both, .. } => (Some(&both.1), 0),
        };
        f.debug_struct("ClaimStatus")
            .field("claim", &self.claim)
            .field("interval", &self.interval())
            .field("other", &other)
            .field("known", &known)
            .field("counted", &self.is_counted())
            .finish()
    }
}

/// The roles every built-in policy gives, so that a [`ClaimStatus`] can
/// point at one instead of holding a 24-byte [`Role`].
static ROLES: [Role; 10] = [
    Role::Used,
    Role::Excluded(Exclusion::Superseded),
    Role::Excluded(Exclusion::NoNumber),
    Role::Excluded(Exclusion::Questionable),
    Role::Excluded(Exclusion::Outlier),
    Role::Excluded(Exclusion::NotLowest),
    Role::Excluded(Exclusion::UpperBoundOnly),
    Role::Excluded(Exclusion::LessReliable),
    Role::Excluded(Exclusion::Older),
    Role::Excluded(Exclusion::Minority),
];

/// The index of `role` in [`ROLES`], when it is one of them.
fn role_index(role: &Role) -> Option<u8> {
    let i = match role {
        Role::Used => 0,
        Role::Excluded(e) => match e {
            Exclusion::Superseded => 1,
            Exclusion::NoNumber => 2,
            Exclusion::Questionable => 3,
            Exclusion::Outlier => 4,
            Exclusion::NotLowest => 5,
            Exclusion::UpperBoundOnly => 6,
            Exclusion::LessReliable => 7,
            Exclusion::Older => 8,
            Exclusion::Minority => 9,
            Exclusion::Other(_) => return None,
        },
    };
    debug_assert!(ROLES[usize::from(i)] == *role);
    Some(i)
}

impl ClaimStatus {
    /// The claim's id.
    pub fn claim(&self) -> &ClaimId {
        &self.claim
    }

    /// Its interval, under the reading in force.
    pub fn interval(&self) -> Interval {
        self.cell.interval()
    }

    /// Whether it counted (not superseded, unless superseded claims count).
    pub fn is_counted(&self) -> bool {
        self.cell.counted()
    }

    /// What the policy made of it.
    pub fn role(&self) -> &Role {
        self.cell.role()
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
    /// Built on the first look-up by id.
    index: OnceLock<FigureIndex>,
    across: Vec<Conflict>,
    relations: Vec<Relation>,
}

impl fmt::Debug for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Findings")
            .field("items", &self.items)
            .field("index", self.index())
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
        self.index()
            .get(&self.items, figure)
            .and_then(|i| self.items.get(i))
    }

    fn index(&self) -> &FigureIndex {
        self.index.get_or_init(|| FigureIndex::build(&self.items))
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
    /// [`ErrorKind::Invalid`](crate::error::ErrorKind::Invalid) for a relation that declares no parts to add
    /// (`part-of`, `overlap`); [`ErrorKind::Overflow`](crate::error::ErrorKind::Overflow) when the sum overflows.
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
