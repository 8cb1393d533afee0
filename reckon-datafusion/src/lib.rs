//! reckon inside [Apache DataFusion](https://datafusion.apache.org): disputed
//! figures read, reconciled and extracted in SQL, over Parquet, CSV or JSON
//! files of any size, and on a cluster with
//! [Ballista](https://datafusion.apache.org/ballista/).
//!
//! ```
//! use datafusion::prelude::*;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> datafusion::error::Result<()> {
//! let mut ctx = SessionContext::new();
//! reckon_datafusion::register(&mut ctx)?;
//! let rows = ctx
//!     .sql(
//!         "SELECT figure, r['low'] AS low, r['high'] AS high, r['grade'] AS grade,
//!                 r['conflicts'][1]['kind'] AS conflict
//!          FROM (SELECT figure, reckon_reconcile(value, source) AS r
//!                FROM (VALUES ('jobeh-rebels', '50–170', 'article'),
//!                             ('jobeh-rebels', '200', 'others'),
//!                             ('hezbollah-killed', 'dozens', 'sohr'))
//!                     AS claims(figure, value, source)
//!                GROUP BY figure)
//!          ORDER BY figure",
//!     )
//!     .await?
//!     .collect()
//!     .await?;
//! let table = datafusion::arrow::util::pretty::pretty_format_batches(&rows)?.to_string();
//! assert_eq!(
//!     table.lines().nth(4).unwrap(),
//!     "| jobeh-rebels     | 50.000000000 | 200.000000000 | contested | disjoint |"
//! );
//! # Ok(())
//! # }
//! ```
//!
//! # The functions
//!
//! | function | gives |
//! |---|---|
//! | `reckon_low(value)`, `reckon_high(value)`, `reckon_best(value)` | the bounds and best value of a value such as "50–170", "20+", "more than 100" or "dozens"; null when there is none (an open bound), or when the value cannot be read |
//! | `reckon_form(value)` | the form's name: `exact`, `range`, `more-than`, `vague` … |
//! | `reckon_value(value)` | the whole reading as a struct `{low, best, high, form, value}`, `value` written in reckon's grammar |
//! | `reckon_value_error(value)` | why a value cannot be read, null when it can: a bad value never aborts a query |
//! | `reckon_reconcile(value, source [, reliability, side, reported, claim, supersedes])` | the aggregate: a group's claims reconciled as one figure |
//! | `reckon_reconcile_<policy>(…)` | the same under a named policy: `reckon_reconcile_envelope`, `…_consensus`, `…_conservative`, `…_most_reliable`, `…_most_recent`, `…_majority`, `…_weighted`; `…_learned` refuses until fitted (see below) |
//! | `reckon_extract(text)` | every figure in a text, as a list of structs |
//!
//! Values are read as a claims table's `value` column is: reckon's grammar
//! first, then English, with the shared [`Lexicon`](reckon::Lexicon).
//! Numbers come back as `Decimal128(38, 9)`: every whole number a
//! [`reckon::Decimal`] holds fits, and a fraction is rounded (half to even)
//! to nine places.
//!
//! ## `reckon_reconcile`
//!
//! Its arguments are columns of text (numbers and dates are read as text):
//! the value and the source are required; `reliability` is an Admiralty
//! grade, a letter (`B`) or a letter and a credibility digit (`B2`);
//! `side` the side the source speaks for; `reported` the date of the
//! report (`2014-03-15`); `claim` the claim's id and `supersedes` the id of
//! the claim it revises. A row whose value is null is not a claim, as SQL's
//! aggregates skip nulls.
//!
//! Its result is a struct:
//!
//! | field | type | |
//! |---|---|---|
//! | `low`, `best`, `high` | decimal | the reconciled range and best value ([`reckon::Finding`]) |
//! | `consensus_low`, `consensus_high` | decimal | the consensus interval, where the claims have one |
//! | `grade` | text | the incident grade, after Airwars |
//! | `confidence` | text | the confidence in the judgement (ICD 203) |
//! | `claims` | integer | the claims reconciled |
//! | `conflicts` | list of `{kind, severity}` | the conflicts found among them |
//! | `problems` | list of text | each claim that could not be read, and why; nothing is dropped silently |
//!
//! `reckon_reconcile_learned` of [`Registry::standard`] refuses to be
//! planned, with an error that says why: the unfitted `learned` learns each
//! source's reliability from its record across every figure before it
//! decides one, and an aggregate sees one group at a time. Learn the
//! weights with the library
//! ([`Learner`](reckon::reconcile::learn::Learner)), then register the
//! fitted policy: [`aggregate_functions`] of
//! `Registry::standard().with(learning.policy())` makes it an aggregate
//! like any other.
//!
//! The state of the aggregate is the group's claims as written, so partial
//! aggregates of any batches, partitions or machines merge. When a group is
//! finished its claims are put in one order, by their text, and reconciled
//! by the library: the same claims give the library's finding however they
//! were split (a property test holds it to that for every policy).
//! Claims without an id of their own are numbered in that order (`c1`,
//! `c2`, …).
//!
//! ## Throughput
//!
//! Two settings of the session matter for a query that reconciles millions
//! of claims, and `examples/sql_at_scale.rs` sets both:
//!
//! - **Skip the partial aggregate.** DataFusion aggregates each input
//!   partition before it repartitions by group, which pays when a partial
//!   state is smaller than its rows. This aggregate's state is the claims
//!   themselves, so the partial phase groups and copies them for nothing.
//!   Set `datafusion.execution.skip_partial_aggregation_probe_ratio_threshold`
//!   to `0`: each claim then goes straight to its group's partition. On
//!   10⁷ claims from Parquet, 2 cores, the query took 4.7–4.9 s against
//!   5.4–5.5 s, and 1.1 GB against 1.26 GB at the peak.
//! - **An allocator for many threads.** Batches are freed on one thread
//!   that another allocated; glibc's allocator takes a lock for that. With
//!   the `mimalloc` crate the same query went from 8.6 s to 6.4–6.6 s, and
//!   with its transparent huge pages off (its `no_thp` feature) from
//!   6.5–6.7 s to 5.5 s: with them on, the kernel spent a fifth of the
//!   query clearing pages.
//!
//! A state carries one list per column the function is given, so pass only
//! the columns you have: `reckon_reconcile(value, source)` moves two lists
//! per group, not seven.
//!
//! ## `reckon_extract`
//!
//! Each figure found is a struct `{start, end, text, value, form, low,
//! high, unit, noun, measure, speaker, speaker_kind, qualifier}`, as
//! [`reckon::text::Mention`] gives it; `start` and `end` are byte offsets
//! in the text. `UNNEST` turns the lists into rows:
//!
//! ```sql
//! SELECT id, m['value'], m['measure'], m['speaker']
//! FROM (SELECT id, unnest(reckon_extract(body)) AS m FROM articles)
//! ```
//!
//! # On a Ballista cluster
//!
//! A Ballista plan names its functions; the scheduler and every executor
//! must know them by those names. The scheduler decodes the client's plan
//! with its own functions, and each executor runs its part with its own. A
//! deployment therefore runs its own scheduler and executor binaries, each
//! a few lines around Ballista's, with the functions registered:
//!
//! - the **executor**: build a `SessionState`, call [`register`] on it,
//!   and start the executor process with
//!   `ExecutorProcessConfig::override_function_registry` set to
//!   `Arc::new(BallistaFunctionRegistry::from(&state))`
//!   (crates `ballista-executor` and `ballista-core`);
//! - the **scheduler**: set `SchedulerConfig::override_session_builder` to a
//!   builder that calls Ballista's `default_session_builder` and then
//!   [`register`] (crate `ballista-scheduler`);
//! - the **client**: `SessionContext::remote(url)` (crate `ballista`), then
//!   [`register`] on the context.
//!
//! Every process must run the same version of this crate, as the result of
//! a partial aggregate made on one executor is merged on another. In
//! standalone mode (scheduler and executor in the client's process), pass
//! a state with the functions registered to
//! `SessionContext::standalone_with_state` and register them again on the
//! context it returns, since Ballista resets the client's functions: the
//! tests of this crate do exactly that.

use datafusion::common::Result;
use datafusion::execution::FunctionRegistry;
use datafusion::logical_expr::{AggregateUDF, ScalarUDF};
use reckon::reconcile::policy::Registry;

mod columns;
mod extract;
mod reconcile;
mod value;

/// Registers every function of this crate with `registry` (a
/// `SessionContext` or a `SessionState`), the aggregate under each policy
/// of [`Registry::standard`].
///
/// # Errors
/// The registry's own error, if it refuses a function.
pub fn register(registry: &mut dyn FunctionRegistry) -> Result<()> {
    for f in scalar_functions() {
        registry.register_udf(f.into())?;
    }
    for f in aggregate_functions(&Registry::standard())? {
        registry.register_udaf(f.into())?;
    }
    Ok(())
}

/// The scalar functions: `reckon_low`, `reckon_high`, `reckon_best`,
/// `reckon_form`, `reckon_value`, `reckon_value_error` and
/// `reckon_extract`.
pub fn scalar_functions() -> Vec<ScalarUDF> {
    let mut out = value::functions();
    out.push(extract::function());
    out
}

/// The aggregates: `reckon_reconcile`, under the library's default
/// policy, and `reckon_reconcile_<name>` for each policy of `policies`
/// (a custom policy added to a [`Registry`] becomes a SQL function too).
/// The function of a policy that learns across figures, such as the
/// unfitted `learned`, refuses to be planned and says why: an aggregate
/// decides each group alone. Add a fitted one
/// ([`Learning::policy`](reckon::reconcile::learn::Learning::policy)) to
/// the registry to use learned weights in SQL.
///
/// # Errors
/// None for a registry's own policies; the error type leaves room for a
/// registry that cannot give one of the names it lists.
pub fn aggregate_functions(policies: &Registry) -> Result<Vec<AggregateUDF>> {
    reconcile::functions(policies)
}
