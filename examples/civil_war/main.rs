//! The American Civil War battles dossier: what nine compilations say about
//! the losses of each side, and how far apart they are.
//!
//! ```sh
//! cargo run --example civil_war                  # ten major battles
//! cargo run --example civil_war -- --battle PA002 # one battle (CWSAC id), repeatable
//! cargo run --example civil_war -- --all          # all 196 battles
//! cargo run --example civil_war -- --rounded      # round numbers read as rounded
//! ```
//!
//! With `--rounded`, a round number such as Bodart's "13000" is read as the
//! counts that round to it (`reckon::model::Reading::Rounded`), so it no longer
//! contradicts "13047". Of the 796 figures graded contested, 43 are then
//! fair: the compilations mostly differ in exact counts (1735 against 1754
//! Union dead at Shiloh), not only by rounding.
//!
//! For every figure (battle × side × measure) it prints each compilation's
//! claim; the envelope, the hull of the claims' intervals from the lowest
//! figure any compilation gives to the highest (Iraq Body Count and Airwars
//! publish such a range); the reconciled low–high and best value under the
//! default policy (`weighted`), with the claims it left out, the incident
//! grade and the confidence; and the conflicts found, within the figure and
//! with the figures it is related to (killed + wounded + missing against
//! casualties). Low-severity gaps (within about 25 %) are counted, the
//! others explained; last, the compilations ranked by learned reliability.
//! Data: Arnold, J. B., *American Civil War Battle Data*, v11.0.0, figshare
//! 1515995, CC BY 4.0 (`examples/data/README.md` says how it was converted).

mod battle;
#[path = "../common/mod.rs"]
mod common;

use std::error::Error;
use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use reckon::model::Reading;
use reckon::reconcile::conflict::Conflict;
use reckon::{Decimal, Dossier, Figure, Interval, Reconciler};

use battle::{count_kinds, envelope, spread, write_battle, write_wrapped};

/// The battles shown by default, by CWSAC id.
const MAJOR: &[&str] = &[
    "TN003", "VA026", "MD003", "VA028", "TN010", "VA032", "PA002", "GA004", "VA046", "VA048",
];

/// The CWSAC id a figure belongs to: its id starts with it (`pa002-…`).
fn battle_of(f: &Figure) -> String {
    f.id()
        .as_str()
        .split('-')
        .next()
        .unwrap_or_default()
        .to_uppercase()
}

/// Writes to `out` the battles the arguments ask for, then the summary of
/// all of them.
fn run(out: &mut String) -> Result<(), Box<dyn Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/acw-battles.toml");
    let d = Dossier::load(&path)?;

    let mut wanted: Vec<String> = Vec::new();
    let mut all = false;
    let mut reading = Reading::Strict;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--all" => all = true,
            "--rounded" => reading = Reading::Rounded,
            "--battle" => wanted.push(
                args.next()
                    .ok_or("--battle needs a CWSAC id, e.g. PA002")?
                    .to_uppercase(),
            ),
            other => {
                return Err(format!(
                    "unknown argument '{other}'; try --battle PA002, --all or --rounded"
                )
                .into());
            }
        }
    }
    let findings = Reconciler::new().reading(reading).reconcile(&d)?;
    if wanted.is_empty() && !all {
        wanted = MAJOR.iter().map(|s| (*s).to_owned()).collect();
    }

    // Battles in file order (sorted by CWSAC id), each with its figures.
    let mut battles: Vec<(String, Vec<&Figure>)> = Vec::new();
    for f in d.figures() {
        let b = battle_of(f);
        match battles.last_mut() {
            Some((last, figs)) if *last == b => figs.push(f),
            _ => battles.push((b, vec![f])),
        }
    }

    writeln!(
        out,
        "American Civil War battles: what the compilations say about each side's losses.\n\
         Data: Arnold, J. B., American Civil War Battle Data, v11.0.0, figshare 1515995,\n\
         CC BY 4.0."
    )?;
    if reading == Reading::Rounded {
        writeln!(
            out,
            "Round numbers are read as every count that rounds to them (--rounded)."
        )?;
    }
    writeln!(
        out,
        "{} battles, {} figures, {} claims from {} compilations, {} relations.",
        battles.len(),
        d.figures().len(),
        d.claims().len(),
        d.sources().len(),
        d.relations().len()
    )?;
    writeln!(out)?;

    let shown: Vec<&(String, Vec<&Figure>)> = if all {
        battles.iter().collect()
    } else {
        let mut shown = Vec::new();
        for w in &wanted {
            match battles.iter().find(|(b, _)| b == w) {
                Some(b) => shown.push(b),
                None => return Err(format!("no battle {w} in {}", path.display()).into()),
            }
        }
        shown
    };
    for (_, figures) in shown {
        write_battle(out, &d, &findings, figures)?;
    }

    // Where the compilations disagree most on a side's casualties.
    let mut widest: Vec<(Decimal, &Figure, Interval)> = d
        .figures()
        .iter()
        .filter(|f| f.id().as_str().ends_with("-casualties"))
        .filter(|f| d.claims_of(f.id()).count() >= 3)
        .filter_map(|f| {
            let env = envelope(&findings, f)?;
            Some((spread(&env)?, f, env))
        })
        .collect();
    widest.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id().cmp(b.1.id())));
    let across = findings.cross_figure_conflicts();
    writeln!(
        out,
        "Conflicts between related figures (components against totals), all battles:"
    )?;
    writeln!(out, "  {}", count_kinds(across))?;
    let mut worst: Vec<&Conflict> = across.iter().collect();
    worst.sort_by(|a, b| {
        b.score()
            .cmp(&a.score())
            .then_with(|| a.figures().cmp(b.figures()))
    });
    writeln!(out, "The widest gaps:")?;
    for c in worst.iter().take(5) {
        let total = c.figures().last().map_or("", |f| f.as_str());
        write_wrapped(out, &format!("{total}: {c}"), "  ", "    ")?;
    }
    writeln!(
        out,
        "\nWidest disagreements on casualties (figures with at least 3 claims):"
    )?;
    for (s, f, env) in widest.iter().take(5) {
        writeln!(
            out,
            "  {:>11}  high/low {s:<6} {}",
            env.compact().to_string(),
            f.label()
        )?;
    }
    // Which compilations agree with the others across all the battles.
    let learning = reckon::reconcile::learn::Learner::new()
        .reading(reading)
        .learn(&d)?;
    writeln!(
        out,
        "\nThe compilations by learned reliability (agreement with the others, 95 % interval):"
    )?;
    write!(out, "{}", learning.report())?;
    Ok(())
}

fn main() -> ExitCode {
    let mut out = String::new();
    let done = run(&mut out);
    common::print_then("civil_war", &out, done)
}
