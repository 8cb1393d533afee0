//! Loads the bundled UCDP GED sample (1,000 events) as low/best/high claims
//! and lists every event whose triple is inconsistent.
//!
//! ```sh
//! cargo run --example ucdp [-- FILE]
//! ```
//!
//! `FILE` defaults to `examples/data/ucdp-ged-sample.csv`: UCDP Georeferenced
//! Event Dataset 23.1, CC BY 4.0; Sundberg & Melander (2013), *Journal of
//! Peace Research* 50(4); Davies, Pettersson & Öberg (2023).
//!
//! # How an event becomes a claim
//!
//! - **Figure** `ged-<id>`: the deaths of the event (measure `killed`), with
//!   the event (`UCDP GED event <id>`, then the dyad) as event, `date_start`/
//!   `date_end` as period, `where_description`, `adm_1` and `country` as
//!   place, and a label naming `side_a` and `side_b`. GED's triple counts
//!   every death of the event (both sides, civilians, unknown), so the figure
//!   counts no single party.
//! - **Claim** `ged-<id>`: the value is [`Estimate::triple`] of `low`, `best`,
//!   `high`, kept as given even when inconsistent; `reported` is the first
//!   date of `source_date`; the quote is `source_headline`.
//! - **Source**: GED names the outlets that published (`source_office`) and
//!   the originators they quote (`source_original`), each a `;`-separated
//!   list. GED's triple is the coders' reading of all of them together and
//!   does not say which report gave which number, and a reckon claim has one
//!   source, so the claim is attributed to the **first** outlet relaying the
//!   **first** originator; the example counts the events that name more. An
//!   outlet that relays someone is its own source (`<outlet> relaying
//!   <originator>`, kind `media`) because in reckon relaying is a property of
//!   the source; the originator is a source of kind `unspecified` (GED does
//!   not classify originators: `army statement`, `SOHR`, `local sources`). An outlet
//!   with no originator is kind `media`; an event with neither is attributed
//!   to `ucdp-ged` (kind `monitor`). Names that differ only in case or
//!   punctuation (`Police`, `police`) are one source.
//!
//! A row that cannot be read (a missing id, a count that is not a number)
//! is listed with its line and not loaded; no row is left out silently.

#[path = "../common/mod.rs"]
mod common;
mod ged;

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use reckon::model::{TripleIssue, TripleRepair};

/// The issue in GED's terms.
fn short(issue: TripleIssue) -> &'static str {
    match issue {
        TripleIssue::LowAboveHigh => "low > high",
        TripleIssue::BestBelowLow => "best < low",
        TripleIssue::BestAboveHigh => "best > high",
        _ => "other",
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(out) => common::print("ucdp", &out),
        Err(e) => {
            eprintln!("ucdp: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Loads the sample (or the file named), and writes what it found.
fn run() -> Result<String, Box<dyn Error>> {
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/ucdp-ged-sample.csv");
    let path = std::env::args_os()
        .nth(1)
        .map_or(default, std::path::PathBuf::from);
    let file =
        std::fs::File::open(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let l = ged::load(file, &name)?;

    let mut out = String::new();
    writeln!(
        out,
        "UCDP Georeferenced Event Dataset 23.1, a sample of 1,000 events. CC BY 4.0:\n\
         Sundberg & Melander (2013); Davies, Pettersson & Öberg (2023).\n"
    )?;
    writeln!(
        out,
        "{name}: {} rows read, {} loaded as claims, {} not loaded",
        l.rows,
        l.dossier.claims().len(),
        l.not_loaded.len()
    )?;
    for e in &l.not_loaded {
        writeln!(out, "  {e}")?;
    }
    let relaying = l
        .dossier
        .sources()
        .iter()
        .filter(|s| s.relays().is_some())
        .count();
    writeln!(
        out,
        "{} figures, {} claims, {} sources ({relaying} are outlets relaying an originator)",
        l.dossier.figures().len(),
        l.dossier.claims().len(),
        l.dossier.sources().len()
    )?;
    writeln!(
        out,
        "{} events name several outlets and {} several originators: the first outlet",
        l.several_outlets, l.several_originators
    )?;
    writeln!(out, "relaying the first originator is the claim's source.")?;
    writeln!(out)?;

    let mut by_issue: BTreeMap<String, usize> = BTreeMap::new();
    for f in &l.flagged {
        if let Some(issue) = f.value.triple_issue() {
            *by_issue.entry(issue.to_string()).or_default() += 1;
        }
    }
    writeln!(
        out,
        "{} {} an inconsistent low/best/high triple (kept as given, flagged):",
        l.flagged.len(),
        if l.flagged.len() == 1 {
            "event has"
        } else {
            "events have"
        }
    )?;
    for (issue, n) in &by_issue {
        writeln!(out, "  {n:>3}  {issue}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<8} {:>5}  {:<13}  {:<11}  repaired by TripleRepair::Hull",
        "id", "line", "low/best/high", "issue"
    )?;
    for f in &l.flagged {
        let repaired = f
            .value
            .repair(TripleRepair::Hull)
            .map_or_else(|e| format!("cannot repair: {e}"), |r| r.to_string());
        writeln!(
            out,
            "{:<8} {:>5}  {:<13}  {:<11}  {}",
            f.id,
            f.line,
            f.value.to_string(),
            f.value.triple_issue().map_or("", short),
            repaired
        )?;
    }
    Ok(out)
}
