//! The aggregate `reckon_reconcile(value, source [, reliability, side,
//! reported, claim, supersedes])`: the claims of each group reconciled as
//! one figure, under the default policy or, as `reckon_reconcile_<policy>`,
//! under any named one.
//!
//! Its state is the group's claims as they were written, so partial states
//! from any number of batches, partitions and machines merge by
//! concatenation. When a group is finished its claims are put in one order
//! (by their text), read, and handed to the library's
//! [`Reconciler::finish`]: the result is the library's, whatever the order
//! the claims arrived in and however they were split.
//!
//! An accumulator keeps each value and source text once, and a claim as
//! their numbers; each value text is read once, the first time a group
//! that holds it is finished.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, BooleanArray, ListArray, StringArray, StructArray, UInt64Array,
};
use datafusion::arrow::buffer::OffsetBuffer;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Fields};
use datafusion::common::{Result, ScalarValue, exec_err, plan_err};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::{
    Accumulator, AggregateUDF, AggregateUDFImpl, EmitTo, GroupsAccumulator, Signature, Volatility,
};
use reckon::model::{ClaimId, Credibility, Date, Reliability, Side, SourceId};
use reckon::reconcile::policy::{Policy, Registry};
use reckon::reconcile::{Evidence, Tally};
use reckon::{Decimal, Estimate, Figure, Finding, Reconciler, Scope};

use crate::columns::{as_text_type, decimal_type, decimals, labels, strings};
use crate::value::read;

/// The columns a claim is given in, in argument order; the first two are
/// required.
const COLUMNS: [&str; 7] = [
    "value",
    "source",
    "reliability",
    "side",
    "reported",
    "claim",
    "supersedes",
];

/// Texts kept once each and numbered: a claim's row holds the numbers of
/// its value and source, so a claim costs no allocation of its own and
/// each value is read once however many claims give it.
#[derive(Debug)]
struct Interner<T> {
    numbers: HashMap<T, u32>,
    texts: Vec<T>,
    bytes: usize,
}

impl<T: Borrow<str> + Clone + Eq + Hash + for<'a> From<&'a str>> Interner<T> {
    fn new() -> Self {
        Interner {
            numbers: HashMap::new(),
            texts: Vec::new(),
            bytes: 0,
        }
    }

    /// The number of `text`, given it if it has none yet.
    fn number(&mut self, text: &str) -> Result<u32> {
        if let Some(&n) = self.numbers.get(text) {
            return Ok(n);
        }
        let Ok(n) = u32::try_from(self.texts.len()) else {
            return exec_err!("reckon_reconcile: more than 2^32 different texts in one partition");
        };
        let kept = T::from(text);
        self.texts.push(kept.clone());
        self.numbers.insert(kept, n);
        self.bytes += text.len() + 2 * size_of::<T>() + size_of::<u32>();
        Ok(n)
    }

    /// The text numbered `n`.
    fn get(&self, n: u32) -> Option<&T> {
        self.texts.get(n as usize)
    }

    fn text(&self, n: u32) -> &str {
        self.get(n).map_or("", |t| t.borrow())
    }
}

/// One claim as it was written: its value's and source's numbers, and its
/// optional columns boxed apart, so a claim of only a value and a source
/// costs a dozen bytes.
#[derive(Clone, Debug)]
struct Row {
    value: u32,
    source: Option<u32>,
    extra: Option<Box<Extra>>,
}

/// The optional columns of a claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Extra {
    reliability: Option<Box<str>>,
    side: Option<Box<str>>,
    reported: Option<Box<str>>,
    claim: Option<Box<str>>,
    supersedes: Option<Box<str>>,
}

impl Extra {
    /// The optional columns of column values `cells` (value first), `None`
    /// when all are null.
    fn of(cells: &[Option<&str>]) -> Option<Box<Extra>> {
        let cell = |i: usize| cells.get(i).copied().flatten().map(Box::from);
        let extra = Extra {
            reliability: cell(2),
            side: cell(3),
            reported: cell(4),
            claim: cell(5),
            supersedes: cell(6),
        };
        (extra != Extra::default()).then(|| Box::new(extra))
    }

    /// The text of column `i` (from 2).
    fn cell(&self, i: usize) -> Option<&str> {
        let boxed = match i {
            2 => self.reliability.as_ref(),
            3 => self.side.as_ref(),
            4 => self.reported.as_ref(),
            5 => self.claim.as_ref(),
            6 => self.supersedes.as_ref(),
            _ => None,
        };
        boxed.map(|b| &**b)
    }

    /// Bytes held.
    fn size(&self) -> usize {
        size_of::<Extra>()
            + (2..COLUMNS.len())
                .filter_map(|i| self.cell(i))
                .map(str::len)
                .sum::<usize>()
    }
}

impl Row {
    /// Bytes held, for the memory accounting of the engine.
    fn size(&self) -> usize {
        size_of::<Row>() + self.extra.as_deref().map_or(0, Extra::size)
    }

    /// The text of optional column `i` (from 2).
    fn cell(&self, i: usize) -> Option<&str> {
        self.extra.as_deref().and_then(|e| e.cell(i))
    }
}

/// The fields of a conflict in the result.
fn conflict_fields() -> Fields {
    Fields::from(vec![
        Field::new("kind", DataType::Utf8, false),
        Field::new("severity", DataType::Utf8, false),
    ])
}

/// The fields of `reckon_reconcile`'s result.
pub(crate) fn result_fields() -> Fields {
    Fields::from(vec![
        Field::new("low", decimal_type(), true),
        Field::new("best", decimal_type(), true),
        Field::new("high", decimal_type(), true),
        Field::new("consensus_low", decimal_type(), true),
        Field::new("consensus_high", decimal_type(), true),
        Field::new("grade", DataType::Utf8, true),
        Field::new("confidence", DataType::Utf8, true),
        Field::new("claims", DataType::UInt64, false),
        Field::new(
            "conflicts",
            DataType::List(Arc::new(Field::new(
                "item",
                DataType::Struct(conflict_fields()),
                false,
            ))),
            false,
        ),
        Field::new(
            "problems",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))),
            false,
        ),
    ])
}

/// An Admiralty grade: a reliability letter ("B"), or a letter and a
/// credibility digit ("B2").
fn admiralty(grade: &str) -> Result<(Reliability, Option<Credibility>), String> {
    let g = grade.trim();
    let bad = |e: reckon::Error| format!("reliability '{grade}': {e}");
    match g.char_indices().nth(1) {
        Some((at, c)) if c.is_ascii_digit() && g.len() == at + 1 => {
            let (letter, digit) = g.split_at(at);
            Ok((
                letter.parse().map_err(bad)?,
                Some(digit.parse().map_err(bad)?),
            ))
        }
        _ => Ok((g.parse().map_err(bad)?, None)),
    }
}

/// The result columns of finished groups, built a group at a time, so a
/// group's finding is dropped as soon as it is read.
#[derive(Default)]
struct Results {
    low: Vec<Option<Decimal>>,
    best: Vec<Option<Decimal>>,
    high: Vec<Option<Decimal>>,
    consensus_low: Vec<Option<Decimal>>,
    consensus_high: Vec<Option<Decimal>>,
    grade: Vec<Option<&'static str>>,
    confidence: Vec<Option<&'static str>>,
    claims: Vec<u64>,
    conflicts: Vec<usize>,
    kinds: Vec<Option<&'static str>>,
    severities: Vec<Option<&'static str>>,
    problems: Vec<usize>,
    problem_texts: Vec<String>,
}

impl Results {
    /// Room for the results of `groups` groups, so that no column is copied
    /// as it grows: at 10⁷ claims (2.5 M groups) growing them was most of
    /// the page faults of the final phase.
    fn with_capacity(groups: usize) -> Self {
        Results {
            low: Vec::with_capacity(groups),
            best: Vec::with_capacity(groups),
            high: Vec::with_capacity(groups),
            consensus_low: Vec::with_capacity(groups),
            consensus_high: Vec::with_capacity(groups),
            grade: Vec::with_capacity(groups),
            confidence: Vec::with_capacity(groups),
            claims: Vec::with_capacity(groups),
            conflicts: Vec::with_capacity(groups),
            problems: Vec::with_capacity(groups),
            ..Results::default()
        }
    }

    /// A group's result: its finding, if one could be made, the claims
    /// reconciled and what could not be read.
    fn push(&mut self, finding: Option<&Finding>, claims: u64, problems: Vec<String>) {
        let consensus = finding.and_then(Finding::consensus);
        self.low.push(finding.and_then(Finding::low));
        self.best.push(finding.and_then(Finding::best));
        self.high.push(finding.and_then(Finding::high));
        self.consensus_low.push(consensus.map(|c| c.low()));
        self.consensus_high.push(consensus.and_then(|c| c.high()));
        self.grade
            .push(finding.map(|f| f.summary().grade().as_str()));
        self.confidence
            .push(finding.map(|f| f.summary().confidence().as_str()));
        self.claims.push(claims);
        let conflicts = finding.map_or(&[][..], Finding::conflicts);
        self.conflicts.push(conflicts.len());
        for c in conflicts {
            self.kinds.push(Some(c.kind().as_str()));
            self.severities.push(Some(c.severity().as_str()));
        }
        self.problems.push(problems.len());
        self.problem_texts.extend(problems);
    }

    /// The result column.
    fn finish(self) -> Result<ArrayRef> {
        let conflicts = StructArray::try_new(
            conflict_fields(),
            vec![labels(&self.kinds), labels(&self.severities)],
            None,
        )?;
        let conflicts = ListArray::try_new(
            Arc::new(Field::new(
                "item",
                DataType::Struct(conflict_fields()),
                false,
            )),
            OffsetBuffer::from_lengths(self.conflicts),
            Arc::new(conflicts),
            None,
        )?;
        let problems = ListArray::try_new(
            Arc::new(Field::new("item", DataType::Utf8, false)),
            OffsetBuffer::from_lengths(self.problems),
            Arc::new(StringArray::from(self.problem_texts)),
            None,
        )?;
        let columns: Vec<ArrayRef> = vec![
            decimals(self.low)?,
            decimals(self.best)?,
            decimals(self.high)?,
            decimals(self.consensus_low)?,
            decimals(self.consensus_high)?,
            labels(&self.grade),
            labels(&self.confidence),
            Arc::new(UInt64Array::from(self.claims)),
            Arc::new(conflicts),
            Arc::new(problems),
        ];
        Ok(Arc::new(StructArray::try_new(
            result_fields(),
            columns,
            None,
        )?))
    }
}

/// State columns: one list of texts for each of the first `columns`
/// argument columns, the lists of `lengths` items each, `column(i)`
/// giving the items of column `i` in order.
fn state_columns<'a, I>(
    columns: usize,
    lengths: &[usize],
    mut column: impl FnMut(usize) -> I,
) -> Vec<ArrayRef>
where
    I: Iterator<Item = Option<&'a str>>,
{
    (0..columns)
        .map(|i| {
            let list = ListArray::new(
                Arc::new(Field::new("item", DataType::Utf8, true)),
                OffsetBuffer::from_lengths(lengths.iter().copied()),
                Arc::new(StringArray::from_iter(column(i))),
                None,
            );
            Arc::new(list) as ArrayRef
        })
        .collect()
}

/// The fields of the state: one list of texts per column the function was
/// given (a call of only a value and a source carries two lists, not
/// seven: at 10⁷ claims the five lists of nulls cost more than a tenth of
/// the query).
fn state_fields(name: &str, columns: usize) -> Vec<FieldRef> {
    COLUMNS
        .iter()
        .take(columns)
        .map(|c| {
            Arc::new(Field::new(
                format!("{name}[{c}s]"),
                DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                false,
            ))
        })
        .collect()
}

/// The state columns as lists of texts, `columns` of them, checked.
fn state_lists(states: &[ArrayRef], columns: usize) -> Result<Vec<&ListArray>> {
    if states.len() != columns {
        return plan_err!(
            "reckon_reconcile: a state has {} columns, not {columns}",
            states.len()
        );
    }
    states
        .iter()
        .map(|s| match s.as_list_opt::<i32>() {
            Some(l) => Ok(l),
            None => plan_err!(
                "reckon_reconcile: a state column is {}, not a list",
                s.data_type()
            ),
        })
        .collect()
}

/// The claims of every group, kept as written until the group is finished.
struct Groups {
    reconciler: Arc<Reconciler>,
    /// How many argument columns the function was called with (from 2, the
    /// value and the source, to all of [`COLUMNS`]): the state carries as
    /// many.
    columns: usize,
    /// The figure every group is reconciled as: of the default scope
    /// (people killed), as a claims table's figures are read.
    figure: Figure,
    claims: Vec<Vec<Row>>,
    values: Interner<Arc<str>>,
    /// The reading of each value, by its number, once a group needs it.
    readings: Vec<Option<Result<Estimate, String>>>,
    sources: Interner<SourceId>,
    /// The ids of claims given none, "c1", "c2", …, as many as a group has
    /// needed.
    ids: Vec<ClaimId>,
    bytes: usize,
}

impl Groups {
    /// The groups of a call with `columns` argument columns (at most
    /// [`COLUMNS`]' count: the planner refuses more).
    fn new(reconciler: Arc<Reconciler>, columns: usize) -> Self {
        Groups {
            reconciler,
            columns: columns.min(COLUMNS.len()),
            figure: Figure::new("figure", "figure", Scope::default()),
            claims: Vec::new(),
            values: Interner::new(),
            readings: Vec::new(),
            sources: Interner::new(),
            ids: Vec::new(),
            bytes: 0,
        }
    }

    /// Adds the claim of column values `cells` (value first) to `group`;
    /// a null value is no claim at all, as SQL's aggregates skip nulls.
    fn push(&mut self, group: usize, cells: &[Option<&str>]) -> Result<()> {
        let Some(value) = cells.first().copied().flatten() else {
            return Ok(());
        };
        let row = Row {
            value: self.values.number(value)?,
            source: match cells.get(1).copied().flatten() {
                Some(s) => Some(self.sources.number(s)?),
                None => None,
            },
            extra: Extra::of(cells),
        };
        self.bytes += row.size();
        if let Some(g) = self.claims.get_mut(group) {
            g.push(row);
        }
        Ok(())
    }

    /// Reads the rows of the argument columns, and hands each to `f` with
    /// its index.
    fn rows(
        values: &[ArrayRef],
        mut f: impl FnMut(usize, &[Option<&str>]) -> Result<()>,
    ) -> Result<()> {
        let columns = values.iter().map(strings).collect::<Result<Vec<_>>>()?;
        let n = columns.first().map_or(0, Vec::len);
        let mut cells = vec![None; columns.len()];
        for i in 0..n {
            for (cell, column) in cells.iter_mut().zip(&columns) {
                *cell = column.get(i).copied().flatten();
            }
            f(i, &cells)?;
        }
        Ok(())
    }

    fn take(&mut self, emit_to: EmitTo) -> Vec<Vec<Row>> {
        let taken = emit_to.take_needed(&mut self.claims);
        self.bytes = self
            .bytes
            .saturating_sub(taken.iter().flatten().map(Row::size).sum());
        taken
    }

    /// The text of column `i` of a claim.
    fn cell<'a>(&'a self, row: &'a Row, i: usize) -> Option<&'a str> {
        match i {
            0 => Some(self.values.text(row.value)),
            1 => row.source.map(|s| self.sources.text(s)),
            _ => row.cell(i),
        }
    }

    /// The state columns of `groups`.
    fn state_of(&self, groups: &[Vec<Row>]) -> Vec<ArrayRef> {
        let lengths: Vec<usize> = groups.iter().map(Vec::len).collect();
        state_columns(self.columns, &lengths, |i| {
            groups.iter().flatten().map(move |r| self.cell(r, i))
        })
    }

    /// Reconciles the claims of one group, in an order fixed by their text,
    /// into `out`.
    fn finish(&mut self, mut rows: Vec<Row>, out: &mut Results) {
        let (values, sources) = (&self.values, &self.sources);
        rows.sort_unstable_by(|a, b| {
            values
                .text(a.value)
                .cmp(values.text(b.value))
                .then_with(|| {
                    let source = |r: &Row| r.source.map(|s| sources.text(s));
                    source(a).cmp(&source(b))
                })
                .then_with(|| a.extra.cmp(&b.extra))
        });
        while self.ids.len() < rows.len() {
            let id = format!("c{}", self.ids.len() + 1);
            self.ids.push(ClaimId::from(id));
        }
        self.readings.resize_with(self.values.texts.len(), || None);
        let mut problems = Vec::new();
        let mut tally = Tally::new();
        for (n, row) in rows.iter().enumerate() {
            match self.evidence(n, row) {
                Ok(e) => {
                    tally.push(e);
                }
                Err(e) => problems.push(e),
            }
        }
        let claims = tally.len() as u64;
        let finding = match self.reconciler.finish_figure(&self.figure, tally) {
            Ok(f) => Some(f),
            Err(e) => {
                problems.push(e.to_string());
                None
            }
        };
        out.push(finding.as_ref(), claims, problems);
    }

    /// The evidence of the `n`th claim of a group, in its order.
    fn evidence(&mut self, n: usize, row: &Row) -> Result<Evidence, String> {
        let text = self.values.text(row.value);
        let reading = match self.readings.get_mut(row.value as usize) {
            Some(slot) => slot.get_or_insert_with(|| read(text).map_err(|e| e.to_string())),
            None => return Err(format!("value '{text}' was not kept")),
        };
        let value = reading.as_ref().map_err(Clone::clone)?;
        let Some(source) = row.source.and_then(|s| self.sources.get(s)) else {
            return Err(format!("value '{text}' has no source"));
        };
        let id = match (row.cell(5), self.ids.get(n)) {
            (Some(id), _) => ClaimId::from(id),
            (None, Some(id)) => id.clone(),
            (None, None) => ClaimId::from(format!("c{}", n + 1)),
        };
        let mut e = Evidence::new(id, source.clone(), value);
        if let Some(grade) = row.cell(2) {
            let (reliability, credibility) = admiralty(grade)?;
            e = e.with_reliability(reliability);
            if let Some(c) = credibility {
                e = e.with_credibility(c);
            }
        }
        if let Some(side) = row.cell(3) {
            e = e.with_side(Side::new(side));
        }
        if let Some(date) = row.cell(4) {
            let date: Date = date
                .parse()
                .map_err(|err: reckon::Error| format!("reported date '{date}': {err}"))?;
            e = e.with_reported(date);
        }
        if let Some(earlier) = row.cell(6) {
            e = e.superseding(earlier);
        }
        Ok(e)
    }
}

fn kept(filter: Option<&BooleanArray>, i: usize) -> bool {
    filter.is_none_or(|f| f.is_valid(i) && f.value(i))
}

impl GroupsAccumulator for Groups {
    fn update_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        opt_filter: Option<&BooleanArray>,
        total_num_groups: usize,
    ) -> Result<()> {
        self.claims.resize_with(total_num_groups, Vec::new);
        Groups::rows(values, |i, cells| {
            match group_indices.get(i).filter(|_| kept(opt_filter, i)) {
                Some(&g) => self.push(g, cells),
                None => Ok(()),
            }
        })
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> Result<ArrayRef> {
        let taken = self.take(emit_to);
        let mut out = Results::with_capacity(taken.len());
        for rows in taken {
            self.finish(rows, &mut out);
        }
        out.finish()
    }

    fn state(&mut self, emit_to: EmitTo) -> Result<Vec<ArrayRef>> {
        let taken = self.take(emit_to);
        Ok(self.state_of(&taken))
    }

    fn merge_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        total_num_groups: usize,
    ) -> Result<()> {
        self.claims.resize_with(total_num_groups, Vec::new);
        let lists = state_lists(values, self.columns)?;
        let items: Vec<ArrayRef> = lists.iter().map(|l| Arc::clone(l.values())).collect();
        let Some(first) = lists.first() else {
            return Ok(());
        };
        // The items of state `s` are `offsets[s]..offsets[s + 1]` of every
        // column's values; the lists share their offsets.
        let offsets = first.value_offsets();
        let base = offsets.first().map_or(0, |&o| o as usize);
        let mut owner = Vec::with_capacity(items.first().map_or(0, |i| i.len()));
        for (s, &g) in group_indices.iter().enumerate() {
            let (Some(&from), Some(&to)) = (offsets.get(s), offsets.get(s + 1)) else {
                return plan_err!("reckon_reconcile: a state list is shorter than its batch");
            };
            owner.resize((to as usize).saturating_sub(base), g);
            if let Some(slots) = owner.get_mut(from as usize - base..) {
                slots.fill(g);
            }
        }
        Groups::rows(&items, |i, cells| {
            match i.checked_sub(base).and_then(|k| owner.get(k)) {
                Some(&g) => self.push(g, cells),
                None => Ok(()),
            }
        })
    }

    fn convert_to_state(
        &self,
        values: &[ArrayRef],
        opt_filter: Option<&BooleanArray>,
    ) -> Result<Vec<ArrayRef>> {
        // Each input row is a state of its own: one claim, or none for a
        // null value or a row filtered out.
        let columns = values.iter().map(strings).collect::<Result<Vec<_>>>()?;
        let n = columns.first().map_or(0, Vec::len);
        let claim = |r: usize| {
            kept(opt_filter, r)
                && columns
                    .first()
                    .and_then(|c| c.get(r))
                    .copied()
                    .flatten()
                    .is_some()
        };
        let lengths: Vec<usize> = (0..n).map(|r| usize::from(claim(r))).collect();
        Ok(state_columns(self.columns, &lengths, |i| {
            let column = columns.get(i);
            (0..n)
                .filter(|&r| lengths.get(r) == Some(&1))
                .map(move |r| column.and_then(|c| c.get(r)).copied().flatten())
        }))
    }

    fn size(&self) -> usize {
        self.bytes
            + self.claims.capacity() * size_of::<Vec<Row>>()
            + self.values.bytes
            + self.sources.bytes
            + self.readings.capacity() * size_of::<Option<Result<Estimate, String>>>()
            + self.ids.capacity() * (size_of::<ClaimId>() + 8)
    }
}

/// The accumulator of an aggregate without `GROUP BY`: one group.
struct One(Groups);

impl std::fmt::Debug for One {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("One")
            .field("claims", &self.0.claims.first().map_or(0, Vec::len))
            .finish()
    }
}

impl Accumulator for One {
    fn update_batch(&mut self, values: &[ArrayRef]) -> Result<()> {
        let n = values.first().map_or(0, |v| v.len());
        self.0.update_batch(values, &vec![0; n], None, 1)
    }

    fn evaluate(&mut self) -> Result<ScalarValue> {
        self.0.claims.resize_with(1, Vec::new);
        let array = self.0.evaluate(EmitTo::All)?;
        ScalarValue::try_from_array(&array, 0)
    }

    fn size(&self) -> usize {
        size_of::<Self>() + self.0.size()
    }

    fn state(&mut self) -> Result<Vec<ScalarValue>> {
        self.0.claims.resize_with(1, Vec::new);
        self.0
            .state(EmitTo::All)?
            .iter()
            .map(|column| ScalarValue::try_from_array(column, 0))
            .collect()
    }

    fn merge_batch(&mut self, states: &[ArrayRef]) -> Result<()> {
        let n = states.first().map_or(0, |v| v.len());
        self.0.merge_batch(states, &vec![0; n], 1)
    }
}

/// `reckon_reconcile` under one policy.
#[derive(Debug)]
struct Reconcile {
    name: String,
    signature: Signature,
    reconciler: Arc<Reconciler>,
    /// The policy learns across figures, as the unfitted `learned` does
    /// ([`Policy::learns_across_figures`]): an aggregate sees one group at a
    /// time, so it would decide each figure without what it learns from the
    /// others. The function refuses to be planned, saying why; a policy
    /// already fitted (by
    /// [`Learning::policy`](reckon::reconcile::learn::Learning::policy)) is
    /// an aggregate like any other.
    learns: bool,
}

impl Reconcile {
    /// An error, when the policy learns across figures, that says why the
    /// function cannot be planned and what to register instead.
    fn refuse_learning(&self) -> Result<()> {
        if !self.learns {
            return Ok(());
        }
        let policy = self.reconciler.policy_name();
        let fit = if policy == "learned" {
            "learn the weights with reckon's `Learner` and register the fitted policy \
             (`aggregate_functions(&Registry::standard().with(learning.policy()))`)"
        } else {
            "fit it with the library and register the fitted policy"
        };
        plan_err!(
            "{}: policy `{policy}` learns from every figure before it decides one, and an \
             aggregate decides each group alone: {fit}",
            self.name
        )
    }
}

impl PartialEq for Reconcile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.signature == other.signature && self.learns == other.learns
    }
}

impl Eq for Reconcile {}

impl std::hash::Hash for Reconcile {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
        self.signature.hash(state);
        self.learns.hash(state);
    }
}

impl AggregateUDFImpl for Reconcile {
    fn name(&self) -> &str {
        &self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> Result<Vec<DataType>> {
        self.refuse_learning()?;
        if !(2..=COLUMNS.len()).contains(&arg_types.len()) {
            return plan_err!(
                "{} takes from 2 to {} arguments ({}), not {}",
                self.name,
                COLUMNS.len(),
                COLUMNS.join(", "),
                arg_types.len()
            );
        }
        arg_types
            .iter()
            .enumerate()
            .map(|(i, t)| as_text_type(&self.name, i + 1, t))
            .collect()
    }

    fn return_type(&self, _arg_types: &[DataType]) -> Result<DataType> {
        Ok(DataType::Struct(result_fields()))
    }

    fn accumulator(&self, args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        self.refuse_learning()?;
        Ok(Box::new(One(Groups::new(
            Arc::clone(&self.reconciler),
            args.exprs.len(),
        ))))
    }

    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        Ok(state_fields(args.name, args.input_fields.len()))
    }

    fn groups_accumulator_supported(&self, _args: AccumulatorArgs) -> bool {
        true
    }

    fn create_groups_accumulator(
        &self,
        args: AccumulatorArgs,
    ) -> Result<Box<dyn GroupsAccumulator>> {
        self.refuse_learning()?;
        Ok(Box::new(Groups::new(
            Arc::clone(&self.reconciler),
            args.exprs.len(),
        )))
    }
}

/// The aggregate under the library's default policy, `reckon_reconcile`,
/// and one per policy of `policies`, `reckon_reconcile_<name>`; that of a
/// policy that learns across figures refuses to be planned (see
/// [`Reconcile::learns`]).
pub(crate) fn functions(policies: &Registry) -> Result<Vec<AggregateUDF>> {
    let plan = |e: reckon::Error| datafusion::error::DataFusionError::Plan(e.to_string());
    let mut out = vec![aggregate(
        "reckon_reconcile".to_owned(),
        Reconciler::new(),
        false,
    )];
    for name in policies.names() {
        let policy: Arc<dyn Policy> = policies.get(name).map_err(plan)?;
        let learns = policy.learns_across_figures();
        out.push(aggregate(
            format!("reckon_reconcile_{name}"),
            Reconciler::new().policy(policy),
            learns,
        ));
    }
    Ok(out)
}

fn aggregate(name: String, reconciler: Reconciler, learns: bool) -> AggregateUDF {
    AggregateUDF::from(Reconcile {
        name,
        signature: Signature::user_defined(Volatility::Immutable),
        reconciler: Arc::new(reconciler),
        learns,
    })
}

#[cfg(test)]
mod tests {
    use datafusion::arrow::datatypes::UInt64Type;

    use super::*;

    #[test]
    fn a_state_carries_a_list_per_column_given_and_merges_whole() {
        let names: Vec<String> = state_fields("r", 2)
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, ["r[values]", "r[sources]"]);
        assert_eq!(state_fields("r", COLUMNS.len()).len(), COLUMNS.len());

        let reconciler = Arc::new(Reconciler::new());
        let mut partial = Groups::new(Arc::clone(&reconciler), 2);
        let values: ArrayRef = Arc::new(StringArray::from(vec!["200", "50–170", "dozens"]));
        let sources: ArrayRef = Arc::new(StringArray::from(vec!["a", "b", "c"]));
        partial
            .update_batch(&[values, sources], &[0, 1, 0], None, 2)
            .unwrap();
        let state = partial.state(EmitTo::All).unwrap();
        assert_eq!(state.len(), 2);

        let mut last = Groups::new(Arc::clone(&reconciler), 2);
        last.merge_batch(&state, &[1, 0], 2).unwrap();
        let result = last.evaluate(EmitTo::All).unwrap();
        let claims = result
            .as_struct()
            .column_by_name("claims")
            .unwrap()
            .as_primitive::<UInt64Type>()
            .values()
            .to_vec();
        assert_eq!(claims, [1, 2]);

        let err = Groups::new(reconciler, 3)
            .merge_batch(&state, &[0, 1], 2)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("reckon_reconcile: a state has 2 columns, not 3"),
            "{err}"
        );
    }
}
