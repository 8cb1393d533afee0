//! Reconciliation: from every claim about each figure to what can be
//! believed, where the sources contradict each other, and how sure we are.
//!
//! A [`Reconciler`](crate::Reconciler) holds the options — the [`Policy`](policy::Policy)
//! (`weighted` by default), the [`Reading`](crate::model::Reading) of vague words and round
//! numbers, whether
//! [`Superseded`] claims count — and reconciles a whole [`Dossier`](crate::Dossier) into
//! [`Findings`](crate::Findings), one [`Finding`](crate::Finding) per figure plus the conflicts between
//! related figures. Underneath, each figure's claims become [`Evidence`]
//! gathered in a mergeable [`Tally`], which can also be fed and finished
//! directly.
//!
//! # Independence
//!
//! Claims are grouped by **originator** ([`Dossier::originator`](crate::Dossier::originator)): ten
//! outlets relaying Syrian state TV are one source, and the same source
//! saying the same thing twice is one report. Summaries give both the raw
//! count of claims and the count of independent originators; policies share
//! an originator's weight among its claims and count it once.
//!
//! # Revisions
//!
//! A claim that `supersedes` another keeps the earlier one in the history
//! (it is listed, with [`Exclusion::Superseded`](policy::Exclusion::Superseded),
//! and a `revision` conflict records the change) but, by default, only the
//! latest counts.
//!
//! ```
//! use reckon::{Claim, Dossier, Figure, Measure, Scope, Source, SourceKind};
//! use reckon::Reconciler;
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
//! assert_eq!(f.policy(), "weighted");
//! assert_eq!(f.range().unwrap().to_string(), "[50, 200]");
//! assert_eq!(f.best(), Some(110.into()));
//! assert_eq!(f.consensus(), None);
//! assert_eq!(f.conflicts()[0].kind().as_str(), "disjoint");
//! assert_eq!(f.summary().grade().as_str(), "contested");
//! # Ok::<(), reckon::Error>(())
//! ```

pub mod confidence;
pub mod conflict;
mod detect;
pub(crate) mod evidence;
pub(crate) mod finding;
pub mod learn;
pub(crate) mod pieces;
pub mod policy;
pub(crate) mod prepared;
mod ratio;
pub(crate) mod reconciler;
mod relations;
pub mod rollup;
pub(crate) mod tally;
#[cfg(feature = "serde")]
pub(crate) mod wire;

pub use evidence::Evidence;
pub use finding::ClaimStatus;
pub use prepared::EvidenceSet;
pub use tally::{Superseded, Tally};
