//! Lesson: reconcile claims that arrive in pieces, by merging tallies.
//!
//! ```text
//! cargo run --example merge_tallies -- [FILE]
//! ```
//!
//! A [`Tally`] is the claims about one figure, kept as evidence: each
//! claim's value with its source's reliability, side and stake. Tallies
//! merge, in any order and any grouping, so claims read by several threads,
//! from several files or on several machines can each be tallied where they
//! are read and merged before the figure is reconciled.
//!
//! Here the dossier's claims are dealt into three shards, as if read by
//! three workers; each shard tallies its claims per figure; the shards'
//! tallies are merged (the last shard first, to show that order does not
//! matter) and each figure is reconciled. The result is compared with
//! reconciling the whole dossier at once. `FILE` defaults to the Qalamoun
//! dossier.

mod common;

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write;
use std::process::ExitCode;

use reckon::model::FigureId;
use reckon::reconcile::{Evidence, Tally};
use reckon::{Dossier, Reconciler};

/// Writes to `out` each figure of `file` reconciled from merged shards, and
/// whether it is the same as at once.
fn run(file: &str, out: &mut String) -> Result<(), Box<dyn Error>> {
    let dossier = Dossier::load(file)?;

    // Three workers, each tallying the claims dealt to it, figure by figure.
    let mut shards: Vec<BTreeMap<FigureId, Tally>> = vec![BTreeMap::new(); 3];
    for (n, claim) in dossier.claims().iter().enumerate() {
        let shard = &mut shards[n % 3];
        let tally = shard.entry(claim.figure().clone()).or_default();
        tally.push(Evidence::of(&dossier, claim));
    }

    // Merge the shards, last first.
    let mut merged: BTreeMap<FigureId, Tally> = BTreeMap::new();
    for shard in shards.into_iter().rev() {
        for (figure, tally) in shard {
            merged.entry(figure).or_default().merge(tally);
        }
    }

    let reconciler = Reconciler::new();
    let whole = reconciler.reconcile(&dossier)?;
    let mut same = 0;
    for (figure, tally) in merged {
        let claims = tally.len();
        // The figure's scope (what it counts) decides as in the dossier.
        let scope = dossier.figure(&figure).ok_or("a claim names no figure")?;
        let pieced = reconciler.finish_figure(scope, tally)?;
        let at_once = whole.get(&figure).ok_or("a figure went missing")?;
        let agree = (pieced.range(), pieced.best()) == (at_once.range(), at_once.best());
        same += usize::from(agree);
        if claims > 1 {
            let range = pieced
                .range()
                .map_or("none".to_owned(), |r| r.compact().to_string());
            let verdict = if agree { "same as at once" } else { "DIFFERS" };
            writeln!(
                out,
                "{:<32} {claims} claims  {range:<10} {verdict}",
                figure.as_str()
            )?;
        }
    }
    writeln!(
        out,
        "{same} of {} figures reconcile the same from merged shards as at once",
        whole.len()
    )?;
    Ok(())
}

fn main() -> ExitCode {
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/qalamoun-2014.toml".to_owned());
    let mut out = String::new();
    let done = run(&file, &mut out);
    common::print_then("merge_tallies", &out, done)
}
