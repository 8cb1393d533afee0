//! reckon reconciles disputed figures. A war report says "50–170 rebels were
//! killed"; another source says 200; a third says "dozens". reckon keeps each
//! figure as a set of attributed, ranged claims and says what can be believed.
//!
//! ```
//! use reckon::{Claim, Dossier, Figure, Measure, Reconciler, Scope, Source, SourceKind};
//!
//! let mut d = Dossier::new();
//! d.add_source(Source::new("article", "Wikipedia article", SourceKind::Encyclopedia));
//! d.add_source(Source::new("others", "other sources", SourceKind::Anonymous));
//! d.add_figure(Figure::new("jobeh-rebels", "rebels killed at al-Jobeh", Scope::new(Measure::Killed)));
//! d.add_claim(Claim::new("c1", "jobeh-rebels", "article", "50–170".parse()?));
//! d.add_claim(Claim::new("c2", "jobeh-rebels", "others", "200".parse()?));
//!
//! let findings = Reconciler::new().reconcile(&d)?;
//! let f = findings.get(&"jobeh-rebels".into()).unwrap();
//! assert_eq!(f.conflicts()[0].to_string(), "50–170 and 200 do not overlap: a gap of 30");
//! assert_eq!(
//!     f.summary().likelihood_sentence().unwrap(),
//!     "The figure is likely between 50 and 200."
//! );
//! assert_eq!(f.summary().confidence().as_str(), "low");
//! # Ok::<(), reckon::Error>(())
//! ```
//!
//! # Layers
//!
//! Four modules, each depending only on those before it:
//!
//! | module | what it holds | depends on |
//! |---|---|---|
//! | [`model`] | values, intervals, sources, figures, claims, the dossier | [`error`] |
//! | [`text`] | reading English: numbers, phrases, figures in running text, draft claims | `model` |
//! | [`reconcile`] | policies, conflict detection, confidence, roll-ups, findings | `model` |
//! | [`io`] | dossier files (TOML, CSV), the report (JSON, JSON Lines, a text table), synthetic claims | all |
//!
//! The headline types are re-exported here; every other item has one path,
//! in its module.
//!
//! # Overview
//!
//! - [`Estimate`]: a ranged value in the form it was stated (exact, range,
//!   open bound, approximate, vague word, unknown, low/best/high triple), with
//!   its [`Interval`]. Written and read in a compact grammar (`50–170`, `20+`,
//!   `>100`, `>10 <20`, `~1000`, `dozens`, `unknown`, `50/100/170`). A
//!   [`Unit`] says whether a figure counts whole things ("more than 100"
//!   people is at least 101) or is measured ("more than 1.5 km" is open at
//!   1.5; see [`Estimate::bounds`]); shares lie in [0, 1].
//! - [`Lexicon`]: the sourced table of vague words and approximators
//!   ([`VagueTerm`](model::VagueTerm), [`Approximator`](text::Approximator)), the [`Tolerance`](model::Tolerance) of approximate
//!   figures, and the [`Reading`](model::Reading) of vague words and round numbers.
//! - [`Source`], [`Figure`] with its [`Scope`], [`Claim`] and [`Relation`]: the
//!   model; [`Dossier`]: the collection, with [`Dossier::validate`].
//! - [`text`]: reading one English phrase as an [`Estimate`]
//!   ("two to three hundred", "more than a dozen") and numbers, and
//!   finding every figure in a paragraph, as a [`Mention`](text::Mention) with
//!   its span, value, unit, noun phrase and measure:
//!
//! ```
//! use reckon::{Lexicon, Measure};
//! use reckon::text;
//!
//! let text = "It was confirmed 6–7 Hezbollah and 17–32 rebel fighters were killed.";
//! let found = text::extract(text, Lexicon::shared());
//! assert_eq!(found[1].text(), "17–32");
//! assert_eq!(found[1].noun(), Some("rebel fighters"));
//! assert_eq!(found[1].measure(), Some(&Measure::Killed));
//! ```
//!
//! # Reconciliation
//!
//! - [`reconcile`]: the [`Reconciler`] turns a dossier into [`Findings`], one
//!   [`Finding`] per figure (range, best value, every claim with its role);
//!   independence by originator, revisions, and the mergeable per-figure
//!   [`Tally`](reconcile::Tally). Findings, conflicts, summaries and roll-ups
//!   implement `Serialize` (with the `serde` feature); [`io::report`] writes
//!   the documented JSON report, one figure at a time, and [`io::table`] an
//!   aligned text table.
//! - [`policy`](reconcile::policy): the [`Policy`](reconcile::policy::Policy) trait and the named policies — `envelope`
//!   (Iraq Body Count, Airwars), `consensus`, `conservative` (ACLED),
//!   `most_reliable` (UCDP), `most_recent` (GTD), `majority`, `weighted`
//!   (the default), and `learned` ([`learn`](reconcile::learn): weights
//!   learned from the sources' track record across figures) — and the
//!   stake model.
//! - [`conflict`](reconcile::conflict): typed [`Conflict`](reconcile::conflict::Conflict)s within and across figures, with a
//!   [`Severity`](reconcile::conflict::Severity) on a log scale.
//! - [`confidence`](reconcile::confidence): the per-figure [`Summary`](reconcile::confidence::Summary): counts, sides, agreement,
//!   spread, an Airwars [`Grade`](reconcile::confidence::Grade), Admiralty credibility, an ICD 203
//!   [`Likelihood`](reconcile::confidence::Likelihood) sentence and, apart, a [`Confidence`](reconcile::confidence::Confidence) level with reasons.
//! - [`rollup`](reconcile::rollup): interval sums of declared parts ([`Rollup`](reconcile::rollup::Rollup)), with a grade
//!   filter and never adding overlapping figures.
//!
//! # Crate features
//!
//! - `serde` (on by default): serde implementations for the model, the
//!   dossier file format (TOML) and the flat claims format (CSV), both
//!   described in [`io`]; see [`Dossier::load`].
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::print_stdout,
        clippy::print_stderr
    )
)]

#[doc = include_str!("../docs/design.md")]
pub mod design {}
pub mod error;
#[cfg(feature = "serde")]
pub mod io;
pub mod model;
pub mod reconcile;
pub mod text;

pub use error::Error;
pub use model::claim::Claim;
pub use model::dossier::Dossier;
pub use model::estimate::Estimate;
pub use model::figure::{Figure, Relation, Scope};
pub use model::interval::Interval;
pub use model::source::{Source, SourceKind};
pub use model::unit::{Measure, Unit};
pub use reconcile::finding::{Finding, Findings};
pub use reconcile::reconciler::Reconciler;
pub use rust_decimal::Decimal;
pub use text::lexicon::Lexicon;

/// The README's examples, compiled and run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
