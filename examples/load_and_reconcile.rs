//! Lesson: load a claims file, reconcile it, and read what can be believed.
//!
//! ```text
//! cargo run --example load_and_reconcile -- [FILE]
//! ```
//!
//! `FILE` is a claims table (CSV, at least `figure,source,value`) or a
//! dossier (TOML); the default is `examples/data/claims-minimal.csv`. Each
//! figure's claims are reconciled under the default policy, `weighted`, and
//! printed with the reconciled range and best value, the incident grade
//! (after Airwars), the ICD 203 likelihood sentence and — apart, as ICD 203
//! asks — the confidence in it and why, and the conflicts found.

mod common;

use std::fmt::Write;
use std::process::ExitCode;

use reckon::{Dossier, Reconciler};

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "examples/data/claims-minimal.csv".to_owned());
    let dossier = Dossier::load(&path)?;
    let findings = Reconciler::new().reconcile(&dossier)?;
    let mut out = String::new();
    for f in &findings {
        writeln!(out, "{}", f.figure())?;
        for c in f.claims() {
            let said = dossier.claim(c.claim()).map(|x| (x.source(), x.value()));
            if let Some((source, value)) = said {
                writeln!(out, "  {source} says {value} ({})", c.role())?;
            }
        }
        match (f.range(), f.best()) {
            (Some(range), Some(best)) => writeln!(out, "  reconciled: {range}, best {best}"),
            (Some(range), None) => writeln!(out, "  reconciled: {range}"),
            _ => writeln!(out, "  reconciled: no range fits the claims"),
        }?;
        let s = f.summary();
        writeln!(out, "  grade: {}", s.grade())?;
        if let Some(sentence) = s.likelihood_sentence() {
            writeln!(out, "  {sentence}")?;
        }
        writeln!(
            out,
            "  confidence: {} ({})",
            s.confidence(),
            s.reasons_text()
        )?;
        for c in findings.conflicts_of(f.figure()) {
            writeln!(out, "  conflict: {c}")?;
        }
    }
    Ok(common::print("load_and_reconcile", &out))
}
