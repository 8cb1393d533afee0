//! What reconciliation found: one [`Finding`] per figure, every claim's
//! [`ClaimStatus`], and the [`Findings`] of a whole dossier.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;

use super::confidence::Summary;
use super::conflict::Conflict;
use super::policy::Role;
use super::rollup::{self, Grades, Reconciled, Rollup};
#[cfg(feature = "serde")]
use super::wire;
use crate::model::{ClaimId, FigureId};
use crate::{Error, Interval, Relation};

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
    /// The status of `claim`, of `interval` under the reading in force.
    pub(crate) fn new(claim: ClaimId, interval: Interval, counted: bool, role: Role) -> Self {
        ClaimStatus {
            claim,
            interval,
            counted,
            role,
        }
    }

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
    note: Option<Box<str>>,
}

impl Finding {
    /// The finding for `figure` under `policy`.
    pub(crate) fn new(
        figure: FigureId,
        policy: Arc<str>,
        claims: Box<[ClaimStatus]>,
        best: Option<Decimal>,
        conflicts: Box<[Conflict]>,
        summary: Summary,
    ) -> Self {
        Finding {
            figure,
            policy,
            claims,
            best,
            conflicts,
            summary,
            note: None,
        }
    }

    /// This finding, with the policy's note.
    pub(crate) fn with_note(mut self, note: Option<Box<str>>) -> Self {
        self.note = note;
        self
    }

    /// What the policy said about how it decided, if anything: `learned`
    /// lists the weights of the sources that decided the figure.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

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
    ///
    /// [`Reconciler::reconcile`]: crate::Reconciler::reconcile
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
    /// The position of each figure's finding, the first of an id winning;
    /// made on the first look-up by id.
    index: OnceLock<HashMap<FigureId, usize>>,
    across: Vec<Conflict>,
    relations: Vec<Relation>,
    /// The relations that could not be checked, each named.
    problems: Arc<[Error]>,
}

impl fmt::Debug for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Findings")
            .field("items", &self.items)
            .field("across", &self.across)
            .field("relations", &self.relations)
            .field("problems", &self.problems)
            .finish()
    }
}

impl Findings {
    /// The findings `items`, in the dossier's order, the conflicts `across`
    /// related figures, and the dossier's `relations`.
    pub(crate) fn new(
        items: Vec<Finding>,
        across: Vec<Conflict>,
        relations: Vec<Relation>,
        problems: Vec<Error>,
    ) -> Self {
        Findings {
            index: OnceLock::new(),
            items,
            across,
            relations,
            problems: problems.into(),
        }
    }

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
        let index = self.index.get_or_init(|| index_of(&self.items));
        index.get(figure).and_then(|&i| self.items.get(i))
    }

    /// The conflicts between related figures, from the dossier's declared
    /// relations (those within one figure are its [`Finding::conflicts`]).
    pub fn cross_figure_conflicts(&self) -> &[Conflict] {
        &self.across
    }

    /// The figures that could not be reconciled and the relations that
    /// could not be checked, each error naming its figure (`` figure `f`:
    /// … ``, an error from the policy) or relation (`relation 2 (sum-over):
    /// arithmetic overflow: …`, a roll-up whose sum overflows a decimal).
    /// Such a figure has no finding; every other figure has its finding,
    /// and every other relation was checked.
    ///
    /// ```
    /// use reckon::{Claim, Decimal, Dossier, Figure, Measure, Reconciler, Relation, Scope};
    /// use reckon::{Source, SourceKind};
    ///
    /// let mut d = Dossier::new();
    /// d.add_source(Source::new("s", "a monitor", SourceKind::Monitor));
    /// for id in ["a", "b", "total"] {
    ///     d.add_figure(Figure::new(id, id, Scope::new(Measure::Killed)));
    /// }
    /// let max = Decimal::MAX.to_string();
    /// d.add_claim(Claim::new("c1", "a", "s", max.parse()?));
    /// d.add_claim(Claim::new("c2", "b", "s", max.parse()?));
    /// d.relate(Relation::sum_over(["a", "b"], "total"));
    /// let findings = Reconciler::new().reconcile(&d)?;
    /// assert_eq!(findings.len(), 3);
    /// assert!(findings.problems()[0].to_string().starts_with("relation 1 (sum-over): arithmetic overflow"));
    /// # Ok::<(), reckon::Error>(())
    /// ```
    pub fn problems(&self) -> &[Error] {
        &self.problems
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
        let get = |id: &FigureId| {
            self.get(id).map(|f| Reconciled {
                range: f.range(),
                grade: f.summary().grade(),
            })
        };
        match relation {
            Relation::SumOver { parts, total } => {
                rollup::roll(total, parts, &get, &self.relations, grades)
            }
            Relation::Components { components, total } => {
                rollup::roll(total, components, &get, &self.relations, grades)
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

/// `id`, `low`, `high` (decimal strings, `high` null when unbounded),
/// `counted`, and `role`: `used`, or why the policy left the claim out.
#[cfg(feature = "serde")]
impl serde::Serialize for ClaimStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("ClaimStatus", 5)?;
        wire::Object::fields(self, &mut wire::Serde(wire::StructPut(&mut st)))?;
        st.end()
    }
}

#[cfg(feature = "serde")]
impl wire::Object for ClaimStatus {
    fn fields<F: wire::Fields>(&self, f: &mut F) -> Result<(), F::Error> {
        f.str("id", self.claim.as_str())?;
        f.dec("low", self.interval.low())?;
        f.opt_dec("high", self.interval.high())?;
        f.bool("counted", self.counted)?;
        f.text("role", &self.role)
    }
}

/// The fields of the report's contract that a finding holds: `figure`,
/// `policy`, `claims` (see [`ClaimStatus`]), `raw_claims`,
/// `independent_sources`, `low`, `best`, `high` (decimal strings or null),
/// `envelope`, `consensus` (`[low, high]` or null), `conflicts` (the
/// conflicts within the figure, see [`Conflict`]), `grade`, `credibility`,
/// `agreement`, `spread`, `sides`, `likelihood` (the sentence),
/// `confidence` and `reasons` (see [`Summary`]).
///
/// ```
/// use reckon::reconcile::{Evidence, Tally};
/// use reckon::Reconciler;
///
/// let tally: Tally = [
///     Evidence::new("c1", "article", &"50–170".parse()?),
///     Evidence::new("c2", "others", &"200".parse()?),
/// ].into_iter().collect();
/// let f = Reconciler::new().finish("jobeh-rebels".into(), tally)?;
/// let json = serde_json::to_value(&f).unwrap();
/// assert_eq!(json["best"], "110");
/// assert_eq!(json["claims"][0]["high"], "170");
/// assert_eq!(json["conflicts"][0]["detail"]["gap"], "30");
/// # Ok::<(), reckon::Error>(())
/// ```
#[cfg(feature = "serde")]
impl serde::Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        self.write_fields(
            &mut wire::Serde(wire::MapPut(&mut m)),
            None,
            self.claims.iter(),
            self.conflicts.iter(),
        )?;
        m.end()
    }
}

#[cfg(feature = "serde")]
impl Finding {
    /// Writes the finding's fields of the report's contract to `f`: the
    /// figure's `label` after its id when given, and `claims` and
    /// `conflicts` as the caller gives them (the report adds each claim's
    /// source and value, and the conflicts with related figures).
    pub(crate) fn write_fields<F, C, K>(
        &self,
        f: &mut F,
        label: Option<&str>,
        claims: impl Iterator<Item = C>,
        conflicts: impl Iterator<Item = K>,
    ) -> Result<(), F::Error>
    where
        F: wire::Fields,
        C: wire::Object + serde::Serialize,
        K: wire::Object + serde::Serialize,
    {
        let s = &self.summary;
        f.str("figure", self.figure.as_str())?;
        if let Some(label) = label {
            f.str("label", label)?;
        }
        f.str("policy", &self.policy)?;
        f.objects("claims", claims)?;
        f.uint("raw_claims", s.claim_count() as u64)?;
        f.uint("independent_sources", s.independent_count() as u64)?;
        f.opt_dec("low", self.low())?;
        f.opt_dec("best", self.best)?;
        f.opt_dec("high", self.high())?;
        f.opt_iv("envelope", self.envelope())?;
        f.opt_iv("consensus", self.consensus())?;
        f.objects("conflicts", conflicts)?;
        f.word("grade", s.grade().as_str())?;
        f.uint("credibility", u64::from(s.credibility().number()))?;
        f.opt_dec("agreement", s.agreement())?;
        f.opt_dec("spread", s.spread())?;
        f.ids("sides", s.sides())?;
        match s.sentence() {
            Some(sentence) => f.pieces("likelihood", &sentence)?,
            None => f.opt_str("likelihood", None)?,
        }
        f.word("confidence", s.confidence().as_str())?;
        f.texts("reasons", &s.reasons())?;
        if let Some(note) = &self.note {
            f.str("note", note)?;
        }
        Ok(())
    }
}

/// `figures`, one [`Finding`] each in the dossier's order, and
/// `cross_figure_conflicts`, the conflicts between related figures.
#[cfg(feature = "serde")]
impl serde::Serialize for Findings {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Findings", 2)?;
        st.serialize_field("figures", &self.items)?;
        st.serialize_field("cross_figure_conflicts", &self.across)?;
        st.end()
    }
}
