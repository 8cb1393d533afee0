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

use std::sync::Arc;

use datafusion::arrow::array::{
    Array, ArrayRef, AsArray, BooleanArray, ListArray, StringArray, StructArray, UInt64Array,
};
use datafusion::arrow::buffer::OffsetBuffer;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Fields};
use datafusion::common::{Result, ScalarValue, plan_err};
use datafusion::logical_expr::function::{AccumulatorArgs, StateFieldsArgs};
use datafusion::logical_expr::{
    Accumulator, AggregateUDF, AggregateUDFImpl, EmitTo, GroupsAccumulator, Signature, Volatility,
};
use reckon::model::{ClaimId, Credibility, Date, Reliability, Side};
use reckon::reconcile::policy::{Policy, Registry};
use reckon::reconcile::{Evidence, Tally};
use reckon::{Figure, Finding, Reconciler, Scope};

use crate::columns::{as_text_type, decimal_type, decimals, strings, texts};
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

/// One claim as it was written. Its optional columns are boxed apart, so a
/// claim of only a value and a source costs two strings and a pointer.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    value: Box<str>,
    source: Option<Box<str>>,
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

impl Row {
    /// The row of column values `cells` (value first); `None` when the
    /// value is null, which is no claim at all, as SQL's aggregates skip
    /// nulls.
    fn of(cells: &[Option<&str>]) -> Option<Row> {
        let cell = |i: usize| cells.get(i).copied().flatten().map(Box::from);
        let value = cell(0)?;
        let extra = Extra {
            reliability: cell(2),
            side: cell(3),
            reported: cell(4),
            claim: cell(5),
            supersedes: cell(6),
        };
        Some(Row {
            value,
            source: cell(1),
            extra: (extra != Extra::default()).then(|| Box::new(extra)),
        })
    }

    /// The text of column `i`.
    fn cell(&self, i: usize) -> Option<&str> {
        let extra = self.extra.as_deref();
        let boxed = match i {
            0 => return Some(&self.value),
            1 => self.source.as_ref(),
            2 => extra.and_then(|e| e.reliability.as_ref()),
            3 => extra.and_then(|e| e.side.as_ref()),
            4 => extra.and_then(|e| e.reported.as_ref()),
            5 => extra.and_then(|e| e.claim.as_ref()),
            6 => extra.and_then(|e| e.supersedes.as_ref()),
            _ => None,
        };
        boxed.map(|b| &**b)
    }

    /// Bytes held, for the memory accounting of the engine.
    fn size(&self) -> usize {
        let extra = self.extra.as_deref().map_or(0, |e| {
            size_of::<Extra>()
                + [
                    &e.reliability,
                    &e.side,
                    &e.reported,
                    &e.claim,
                    &e.supersedes,
                ]
                .iter()
                .map(|s| s.as_ref().map_or(0, |s| s.len()))
                .sum::<usize>()
        });
        size_of::<Row>() + self.value.len() + self.source.as_ref().map_or(0, |s| s.len()) + extra
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

/// What one group came to: the finding, and what could not be read.
struct Outcome {
    finding: Option<Finding>,
    claims: u64,
    problems: Vec<String>,
}

/// Reconciles the claims of one group, in an order fixed by their text.
fn reconcile(reconciler: &Reconciler, mut rows: Vec<Row>) -> Outcome {
    rows.sort_unstable();
    let mut problems = Vec::new();
    let mut tally = Tally::new();
    for (n, row) in rows.iter().enumerate() {
        match evidence(n, row) {
            Ok(e) => {
                tally.push(e);
            }
            Err(e) => problems.push(e),
        }
    }
    let claims = tally.len() as u64;
    // A figure of the default scope (people killed), as a claims table's
    // figures are read.
    let figure = Figure::new("figure", "figure", Scope::default());
    let finding = match reconciler.finish_figure(&figure, tally) {
        Ok(f) => Some(f),
        Err(e) => {
            problems.push(e.to_string());
            None
        }
    };
    Outcome {
        finding,
        claims,
        problems,
    }
}

/// The evidence of one claim; `n` numbers it when it has no id of its own.
fn evidence(n: usize, row: &Row) -> Result<Evidence, String> {
    let value = read(&row.value).map_err(|e| e.to_string())?;
    let Some(source) = row.source.as_deref() else {
        return Err(format!("value '{}' has no source", row.value));
    };
    let id: ClaimId = match row.cell(5) {
        Some(id) => id.into(),
        None => format!("c{}", n + 1).as_str().into(),
    };
    let mut e = Evidence::new(id, source, &value);
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

/// The result column of finished groups.
fn results(outcomes: &[Outcome]) -> Result<ArrayRef> {
    fn finding(o: &Outcome) -> Option<&Finding> {
        o.finding.as_ref()
    }
    let consensus = |o: &Outcome| finding(o).and_then(Finding::consensus);

    let mut conflict_offsets = Vec::with_capacity(outcomes.len());
    let (mut kinds, mut severities) = (Vec::new(), Vec::new());
    for o in outcomes {
        let conflicts = finding(o).map_or(&[][..], Finding::conflicts);
        conflict_offsets.push(conflicts.len());
        for c in conflicts {
            kinds.push(Some(c.kind().as_str()));
            severities.push(Some(c.severity().as_str()));
        }
    }
    let conflicts = StructArray::try_new(
        conflict_fields(),
        vec![texts(kinds), texts(severities)],
        None,
    )?;
    let conflicts = ListArray::try_new(
        Arc::new(Field::new(
            "item",
            DataType::Struct(conflict_fields()),
            false,
        )),
        OffsetBuffer::from_lengths(conflict_offsets),
        Arc::new(conflicts),
        None,
    )?;

    let problems = ListArray::try_new(
        Arc::new(Field::new("item", DataType::Utf8, false)),
        OffsetBuffer::from_lengths(outcomes.iter().map(|o| o.problems.len())),
        // Collected first: Arrow's builders want an iterator of known length.
        Arc::new(StringArray::from(
            outcomes
                .iter()
                .flat_map(|o| o.problems.iter().map(String::as_str))
                .collect::<Vec<_>>(),
        )),
        None,
    )?;

    let columns: Vec<ArrayRef> = vec![
        decimals(outcomes.iter().map(|o| finding(o).and_then(Finding::low)))?,
        decimals(outcomes.iter().map(|o| finding(o).and_then(Finding::best)))?,
        decimals(outcomes.iter().map(|o| finding(o).and_then(Finding::high)))?,
        decimals(outcomes.iter().map(|o| consensus(o).map(|c| c.low())))?,
        decimals(outcomes.iter().map(|o| consensus(o).and_then(|c| c.high())))?,
        texts(
            outcomes
                .iter()
                .map(|o| finding(o).map(|f| f.summary().grade().as_str())),
        ),
        texts(
            outcomes
                .iter()
                .map(|o| finding(o).map(|f| f.summary().confidence().as_str())),
        ),
        Arc::new(UInt64Array::from_iter_values(
            outcomes.iter().map(|o| o.claims),
        )),
        Arc::new(conflicts),
        Arc::new(problems),
    ];
    Ok(Arc::new(StructArray::try_new(
        result_fields(),
        columns,
        None,
    )?))
}

/// The state columns of groups of claims: one list of texts per column.
fn state_of(groups: &[Vec<Row>]) -> Vec<ArrayRef> {
    let lengths: Vec<usize> = groups.iter().map(Vec::len).collect();
    (0..COLUMNS.len())
        .map(|i| {
            let items = StringArray::from_iter(groups.iter().flatten().map(|r| r.cell(i)));
            let list = ListArray::new(
                Arc::new(Field::new("item", DataType::Utf8, true)),
                OffsetBuffer::from_lengths(lengths.iter().copied()),
                Arc::new(items),
                None,
            );
            Arc::new(list) as ArrayRef
        })
        .collect()
}

/// The fields of the state: one list of texts per column.
fn state_fields(name: &str) -> Vec<FieldRef> {
    COLUMNS
        .iter()
        .map(|c| {
            Arc::new(Field::new(
                format!("{name}[{c}s]"),
                DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
                false,
            ))
        })
        .collect()
}

/// The state columns as lists of texts, checked.
fn state_lists(states: &[ArrayRef]) -> Result<Vec<&ListArray>> {
    if states.len() != COLUMNS.len() {
        return plan_err!(
            "reckon_reconcile: a state has {} columns, not {}",
            states.len(),
            COLUMNS.len()
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
    claims: Vec<Vec<Row>>,
    bytes: usize,
}

impl Groups {
    fn new(reconciler: Arc<Reconciler>) -> Self {
        Groups {
            reconciler,
            claims: Vec::new(),
            bytes: 0,
        }
    }

    fn push(&mut self, group: usize, row: Row) {
        self.bytes += row.size();
        if let Some(g) = self.claims.get_mut(group) {
            g.push(row);
        }
    }

    /// Reads the rows of the argument columns, and hands each to `f` with
    /// its index.
    fn rows(values: &[ArrayRef], mut f: impl FnMut(usize, Row)) -> Result<()> {
        let columns = values.iter().map(strings).collect::<Result<Vec<_>>>()?;
        let n = columns.first().map_or(0, Vec::len);
        let mut cells = vec![None; columns.len()];
        for i in 0..n {
            for (cell, column) in cells.iter_mut().zip(&columns) {
                *cell = column.get(i).copied().flatten();
            }
            if let Some(row) = Row::of(&cells) {
                f(i, row);
            }
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
        let mut rows = Vec::new();
        Groups::rows(values, |i, row| {
            if let Some(&g) = group_indices.get(i).filter(|_| kept(opt_filter, i)) {
                rows.push((g, row));
            }
        })?;
        for (g, row) in rows {
            self.push(g, row);
        }
        Ok(())
    }

    fn evaluate(&mut self, emit_to: EmitTo) -> Result<ArrayRef> {
        let outcomes: Vec<Outcome> = self
            .take(emit_to)
            .into_iter()
            .map(|rows| reconcile(&self.reconciler, rows))
            .collect();
        results(&outcomes)
    }

    fn state(&mut self, emit_to: EmitTo) -> Result<Vec<ArrayRef>> {
        Ok(state_of(&self.take(emit_to)))
    }

    fn merge_batch(
        &mut self,
        values: &[ArrayRef],
        group_indices: &[usize],
        total_num_groups: usize,
    ) -> Result<()> {
        self.claims.resize_with(total_num_groups, Vec::new);
        let lists = state_lists(values)?;
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
        let mut rows = Vec::new();
        Groups::rows(&items, |i, row| {
            if let Some(&g) = i.checked_sub(base).and_then(|k| owner.get(k)) {
                rows.push((g, row));
            }
        })?;
        for (g, row) in rows {
            self.push(g, row);
        }
        Ok(())
    }

    fn convert_to_state(
        &self,
        values: &[ArrayRef],
        opt_filter: Option<&BooleanArray>,
    ) -> Result<Vec<ArrayRef>> {
        let n = values.first().map_or(0, |v| v.len());
        let mut groups: Vec<Vec<Row>> = vec![Vec::new(); n];
        Groups::rows(values, |i, row| {
            if let Some(g) = groups.get_mut(i).filter(|_| kept(opt_filter, i)) {
                g.push(row);
            }
        })?;
        Ok(state_of(&groups))
    }

    fn size(&self) -> usize {
        self.bytes + self.claims.capacity() * size_of::<Vec<Row>>()
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
}

impl PartialEq for Reconcile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.signature == other.signature
    }
}

impl Eq for Reconcile {}

impl std::hash::Hash for Reconcile {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
        self.signature.hash(state);
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

    fn accumulator(&self, _args: AccumulatorArgs) -> Result<Box<dyn Accumulator>> {
        Ok(Box::new(One(Groups::new(Arc::clone(&self.reconciler)))))
    }

    fn state_fields(&self, args: StateFieldsArgs) -> Result<Vec<FieldRef>> {
        Ok(state_fields(args.name))
    }

    fn groups_accumulator_supported(&self, _args: AccumulatorArgs) -> bool {
        true
    }

    fn create_groups_accumulator(
        &self,
        _args: AccumulatorArgs,
    ) -> Result<Box<dyn GroupsAccumulator>> {
        Ok(Box::new(Groups::new(Arc::clone(&self.reconciler))))
    }
}

/// The aggregate under the library's default policy, `reckon_reconcile`,
/// and one per policy of `policies`, `reckon_reconcile_<name>`.
pub(crate) fn functions(policies: &Registry) -> Result<Vec<AggregateUDF>> {
    let mut out = vec![aggregate("reckon_reconcile".to_owned(), Reconciler::new())];
    for name in policies.names() {
        let policy: Arc<dyn Policy> = policies
            .get(name)
            .map_err(|e| datafusion::error::DataFusionError::Plan(e.to_string()))?;
        out.push(aggregate(
            format!("reckon_reconcile_{name}"),
            Reconciler::new().policy(policy),
        ));
    }
    Ok(out)
}

fn aggregate(name: String, reconciler: Reconciler) -> AggregateUDF {
    AggregateUDF::from(Reconcile {
        name,
        signature: Signature::user_defined(Volatility::Immutable),
        reconciler: Arc::new(reconciler),
    })
}
