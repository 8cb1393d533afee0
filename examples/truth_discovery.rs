//! Scores every reckon policy, the `learned` one and the naive baselines
//! against the gold of the truth-discovery benchmarks (weather, flight):
//! MAE, RMSE and ER@1 % (the share of figures more than 1 % off).
//!
//! ```text
//! cargo run --release --example truth_discovery -- [DIR [NAME…]]
//! ```
//!
//! `DIR` defaults to `../shared/data/truth-discovery`, the names to
//! `flight weather`. Weather has
//! negative values: `learned` reads them as they are (nothing in log
//! space), and the other policies see each attribute shifted up by one
//! amount, which changes nothing for policies that pick claimed values.
//!
//! Under each table, a line says how far a plurality vote explains the
//! gold. On weather, every figure whose most frequent claimed value is
//! unique has that value as its gold, and every tied figure's gold is one
//! of the tied values: the gold was made by a vote, so a method can beat
//! the `base:majority` row only by guessing the vote's choice among tied
//! values better than the lowest-nearest-the-median rule does.

mod common;

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reckon::Decimal;
use reckon::io::truth::{Baseline, Benchmark};
use reckon::model::FigureId;
use reckon::reconcile::learn::EXACT_DATA;
use reckon::reconcile::policy::Registry;

/// Writes to `out` the scores of every method on each benchmark the
/// arguments name.
fn run(out: &mut String) -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    // `../shared` beside the crate, from any directory.
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/truth-discovery");
    let dir = args.next().map_or(shared, PathBuf::from);
    let mut names: Vec<String> = args.collect();
    if names.is_empty() {
        names = vec!["flight".into(), "weather".into()];
    }
    for name in &names {
        let bench = Benchmark::load(dir.join(name))?;
        let mut rows: Vec<(String, BTreeMap<FigureId, Decimal>)> = vec![
            ("base:mean".into(), bench.baseline(Baseline::Mean)),
            ("base:median".into(), bench.baseline(Baseline::Median)),
            ("base:majority".into(), bench.baseline(Baseline::Majority)),
        ];
        let registry = Registry::standard();
        for policy in registry.names().filter(|p| *p != "learned") {
            rows.push((policy.to_owned(), bench.reconcile(registry.get(policy)?)?));
        }
        let learning = bench.learn();
        rows.push(("learned".into(), learning.estimates().clone()));
        writeln!(
            out,
            "{name}: {} claims, {} figures with gold",
            bench.claims().len(),
            bench.truth().len()
        )?;
        writeln!(
            out,
            "  {:<14} {:>8} {:>9} {:>8}  {:>7}",
            "method", "MAE", "RMSE", "ER@1%", "no best"
        )?;
        for (method, estimates) in &rows {
            let all = &bench.score(estimates)[0];
            writeln!(out, "  {method:<14} {all}  {:>7}", all.missing())?;
        }
        writeln!(out, "  {}", bench.plurality())?;
        writeln!(out, "  learned, by attribute:")?;
        for s in bench.score(learning.estimates()).iter().skip(1) {
            writeln!(out, "    {:<14} {s}", s.attribute())?;
        }
        let share = learning.exact_share();
        writeln!(
            out,
            "  claims repeated exactly by another source: {:.1} % ({})",
            100.0 * share,
            if share >= EXACT_DATA {
                "transcribed data: agreement is exact"
            } else {
                "estimates: agreement is within the spread"
            }
        )?;
        writeln!(
            out,
            "  sources, most reliable first ({} iterations):",
            learning.iterations()
        )?;
        for line in learning.report().to_string().lines() {
            writeln!(out, "    {line}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let mut out = String::new();
    let done = run(&mut out);
    common::print_then("truth_discovery", &out, done)
}
