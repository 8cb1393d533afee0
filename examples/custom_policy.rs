//! Lesson: write your own policy, register it by name, and reconcile with it.
//!
//! ```text
//! cargo run --example custom_policy -- [--policy NAME] [FILE]
//! ```
//!
//! The policy here, `neutral_first`, is the rule many casualty recorders
//! apply by hand: when a source that is not a party to the fighting gives
//! the figure, the parties' own claims are set aside; otherwise every
//! claim counts. Its range is the hull of the claims it uses and its best
//! value their weighted median ([`weighted_median`]); it never goes below
//! an admission against interest ([`Outcome::with_floor`]).
//!
//! It is registered beside the eight built-in policies, so `--policy`
//! accepts any of them (`neutral_first` by default). `FILE` is a dossier or
//! claims table whose sources carry sides; the default,
//! `examples/data/claims-sides.csv`, has a figure where a monitor speaks
//! beside both parties, one where only the parties speak, and one that
//! counts no party.

mod common;

use std::fmt::Write;

use reckon::model::Stake;
use reckon::reconcile::EvidenceSet;
use reckon::reconcile::policy::{Exclusion, Outcome, Policy, Registry, weighted_median};
use reckon::{Dossier, Error, Reconciler};

/// Neutral sources first; the parties' claims only when no neutral source speaks.
struct NeutralFirst;

impl Policy for NeutralFirst {
    fn name(&self) -> &str {
        "neutral_first"
    }

    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, Error> {
        let neutral = |i: usize| set.get(i).stake() == Stake::Neutral;
        let any_neutral = set.numeric().any(neutral);
        let used: Vec<usize> = set
            .numeric()
            .filter(|&i| !any_neutral || neutral(i))
            .collect();
        let mut outcome = Outcome::new(set);
        for i in set.numeric().filter(|i| !used.contains(i)) {
            let why = "a party to the fighting, and a neutral source gives the figure";
            outcome = outcome.with_exclusion(i, Exclusion::Other(why.into()));
        }
        let range = used
            .iter()
            .map(|&i| set.interval(i))
            .reduce(|a, b| a.hull(&b));
        let best = weighted_median(set, used.iter().copied(), range);
        Ok(outcome
            .with_range(range)
            .with_best(best)
            .with_floor(set.admission_floor()))
    }
}

/// The findings of the dossier named in the arguments, under the policy named there.
fn run() -> Result<String, Box<dyn std::error::Error>> {
    let registry = Registry::standard().with(NeutralFirst);
    let mut policy = "neutral_first".to_owned();
    let mut file = "examples/data/claims-sides.csv".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--policy" => policy = args.next().ok_or("--policy needs a name")?,
            _ => file = a,
        }
    }
    let dossier = Dossier::load(&file)?;
    let reconciler = Reconciler::new().policy(registry.get(&policy)?);
    let findings = reconciler.reconcile(&dossier)?;
    let mut out = String::new();
    writeln!(out, "policy {}", reconciler.policy_name())?;
    for f in &findings {
        let result = match (f.range(), f.best()) {
            (Some(r), Some(b)) => format!("{} (best {b})", r.compact()),
            (Some(r), None) => r.compact().to_string(),
            _ => "no range".to_owned(),
        };
        writeln!(out, "{:<18} {result}", f.figure().as_str())?;
        for c in f.claims().iter().filter(|c| !c.role().is_used()) {
            let source = dossier
                .claim(c.claim())
                .map_or("?", |x| x.source().as_str());
            writeln!(out, "    left out {source}: {}", c.role())?;
        }
    }
    Ok(out)
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(out) => common::print("custom_policy", &out),
        Err(e) => {
            eprintln!("custom_policy: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
