//! Every public type is `Send`, `Sync` and `Unpin`, so findings, dossiers,
//! errors and policies cross threads and live in async code; the data types
//! are also unwind-safe. A new public type must be added here, and
//! `the_list_names_every_public_type` fails until it is.

use std::panic::{RefUnwindSafe, UnwindSafe};

fn threads<T: Send + Sync + Unpin + ?Sized>() {}
fn unwind<T: UnwindSafe + RefUnwindSafe + ?Sized>() {}

/// Checks both sets of auto traits for each type.
macro_rules! data {
    ($($t:ty),* $(,)?) => {$( threads::<$t>(); unwind::<$t>(); )*};
}

#[test]
fn public_types_are_send_sync_unpin_and_unwind_safe() {
    use reckon::error::{ErrorKind, Location};
    use reckon::model::{
        ClaimId, Credibility, Date, FigureId, Form, Period, Precision, Qualifier, Qualifiers,
        Reading, Reliability, Side, SourceId, Stake, Tolerance, TripleIssue, TripleRepair,
        VagueTerm,
    };
    use reckon::reconcile::confidence::{Confidence, Grade, Likelihood, Reason, Summary};
    use reckon::reconcile::conflict::{Conflict, ConflictKind, Detail, ScopeIssue, Severity};
    use reckon::reconcile::policy::{
        Consensus, Conservative, Envelope, Exclusion, Majority, MostRecent, MostReliable, Outcome,
        Role, Weighted,
    };
    use reckon::reconcile::rollup::{Grades, Part, Rollup, Usage};
    use reckon::reconcile::{ClaimStatus, Evidence, EvidenceSet, Superseded, Tally};
    use reckon::text::{Approximator, DraftClaim, Drafter, Hedge, Mention, Numeral};
    use reckon::text::{DossierDraft, DossierDrafter, NumeralKind, Placement, Speaker};
    use reckon::*;

    data!(Error, ErrorKind, Location);
    data!(
        Claim,
        Credibility,
        Qualifier,
        Qualifiers,
        Stake,
        Date,
        Period,
        Precision
    );
    data!(
        Dossier,
        Estimate,
        Form,
        TripleIssue,
        TripleRepair,
        Figure,
        Relation,
        Scope
    );
    data!(
        ClaimId,
        FigureId,
        Side,
        SourceId,
        Interval,
        Reliability,
        Source,
        SourceKind
    );
    data!(Measure, Unit, Reading, Tolerance, VagueTerm, Decimal);
    data!(Confidence, Grade, Likelihood, Reason, Summary);
    data!(Conflict, ConflictKind, Detail, ScopeIssue, Severity);
    data!(
        Evidence,
        ClaimStatus,
        Finding,
        Findings,
        Exclusion,
        Outcome,
        Role
    );
    data!(
        Consensus,
        Conservative,
        Envelope,
        Majority,
        MostRecent,
        MostReliable,
        Weighted
    );
    data!(
        EvidenceSet<'static>,
        Grades,
        Part,
        Rollup,
        Usage,
        Superseded,
        Tally
    );
    data!(
        DraftClaim,
        Drafter,
        Mention<'static>,
        Approximator,
        Hedge,
        Lexicon
    );
    data!(Placement, Numeral<'static>, NumeralKind, Speaker<'static>);
    data!(DossierDraft, DossierDrafter<'static>);
    {
        use reckon::reconcile::learn::{Learned, Learner, Learning, SourceReport, SourceRow};
        data!(Learner, Learning, SourceReport, SourceRow, Learned);
    }
    #[cfg(feature = "serde")]
    {
        data!(reckon::io::table::Table);
        use reckon::io::report::{FigureReport, Report};
        use reckon::io::synth::{Synth, World, WorldFigure, WorldSource};
        data!(Report<'static>, FigureReport<'static>);
        data!(Synth, World, WorldFigure, WorldSource);
        use reckon::io::bulk::{Bulk, Input, Output, Progress};
        data!(Input, Output, Progress, reckon::io::bulk::Summary);
        // Holds a reconciler, so a policy: shared across threads only.
        threads::<Bulk>();
        use reckon::io::truth::{Baseline, Benchmark, Plurality, Score};
        data!(Benchmark, Baseline, Plurality, Score);
    }
    // A policy may be any user type: it is shared across threads, but
    // need not be unwind-safe, and neither are what hold one.
    fn shared<T: Send + Sync + ?Sized>() {}
    shared::<dyn reckon::reconcile::policy::Policy>();
    threads::<Reconciler>();
    threads::<reckon::reconcile::policy::Registry>();
}

#[test]
fn the_list_names_every_public_type() {
    let list = include_str!("autotraits.rs");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut missing = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
            for line in text.lines() {
                let line = line.trim_start();
                let Some(rest) = ["pub struct ", "pub enum ", "pub trait "]
                    .iter()
                    .find_map(|p| line.strip_prefix(p))
                else {
                    continue;
                };
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let named = list.split(|c: char| !c.is_alphanumeric() && c != '_');
                if !named.clone().any(|w| w == name) {
                    missing.push(format!("{name} ({})", path.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in tests/autotraits.rs: {missing:?}"
    );
}
