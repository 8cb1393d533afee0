//! Scores every reckon policy, the `learned` one and the naive baselines
//! against the gold of the truth-discovery benchmarks (weather, flight):
//! MAE, RMSE and ER@1 % (the share of figures more than 1 % off).
//!
//! ```text
//! cargo run --release --example truth_discovery -- [DIR]
//! ```
//!
//! `DIR` defaults to `../shared/data/truth-discovery`. Weather has
//! negative values: `learned` reads them as they are (nothing in log
//! space), and the other policies see each attribute shifted up by one
//! amount, which changes nothing for policies that pick claimed values.

use std::collections::BTreeMap;
use std::path::PathBuf;

use reckon::io::truth::{Baseline, Benchmark};
use reckon::reconcile::policy::Registry;
use reckon::{Decimal, Error};
use reckon::model::FigureId;

fn main() -> Result<(), Error> {
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("../shared/data/truth-discovery"), PathBuf::from);
    for name in ["flight", "weather"] {
        let bench = Benchmark::load(dir.join(name))?;
        let mut rows: Vec<(String, BTreeMap<FigureId, Decimal>)> = vec![
            ("mean".into(), bench.baseline(Baseline::Mean)),
            ("median".into(), bench.baseline(Baseline::Median)),
            ("majority".into(), bench.baseline(Baseline::Majority)),
        ];
        let registry = Registry::standard();
        for policy in registry.names().filter(|p| *p != "learned") {
            rows.push((policy.to_owned(), bench.reconcile(registry.get(policy)?)?));
        }
        let learning = bench.learn();
        rows.push(("learned".into(), learning.estimates().clone()));
        println!("{name}: {} claims, {} figures with gold", bench.claims().len(), bench.truth().len());
        println!("  {:<14} {:>8} {:>9} {:>8}  {:>7}", "method", "MAE", "RMSE", "ER@1%", "no best");
        for (method, estimates) in &rows {
            let all = &bench.score(estimates)[0];
            println!("  {method:<14} {all}  {:>7}", all.missing());
        }
        println!("  learned, by attribute:");
        for s in bench.score(learning.estimates()).iter().skip(1) {
            println!("    {:<14} {s}", s.attribute());
        }
        println!("  sources, most reliable first ({} iterations):", learning.iterations());
        for line in learning.report().to_string().lines() {
            println!("    {line}");
        }
        println!();
    }
    Ok(())
}
