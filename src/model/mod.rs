//! The claim model: values and their intervals, sources, figures, claims and
//! the dossier that holds them. It depends on nothing else in the crate.

pub(crate) mod claim;
pub(crate) mod date;
pub(crate) mod dossier;
pub(crate) mod estimate;
pub(crate) mod figure;
pub(crate) mod id;
pub(crate) mod interval;
pub(crate) mod names;
pub(crate) mod source;
pub(crate) mod unit;
pub(crate) mod vague;

pub use claim::{Credibility, Qualifier, Qualifiers, Stake};
pub use date::{Date, Period, Precision};
#[cfg(feature = "serde")]
pub(crate) use dossier::Unread;
pub use estimate::{Form, TripleIssue, TripleRepair};
pub use id::{ClaimId, FigureId, Side, SourceId};
pub use source::Reliability;
pub use vague::{Reading, Tolerance, VagueTerm};
pub(crate) use vague::{normalize, rounded};
