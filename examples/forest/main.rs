//! Draws a forest plot of a dossier as SVG: one row per figure, each claim a
//! bar (a range) or a dot (an exact figure) coloured by the side of its
//! source (the dossier's sides in the order it names them, grey for none),
//! open bounds drawn as arrows, with the reconciled range shaded and
//! the consensus bracketed. The picture analysts draw for ranged estimates
//! from several sources.
//!
//! ```text
//! cargo run --example forest -- [--all] [--event NAME] [-o OUT.svg] [FILE]
//! ```
//!
//! - `FILE`: a dossier (TOML) or claims table (CSV); default
//!   `examples/data/qalamoun-2014.toml`.
//! - By default only the disputed figures are drawn: those with two claims or
//!   more, or with a conflict. `--all` draws every figure counted in people.
//! - `--event NAME`: only the figures of that event.
//! - `-o OUT.svg`: write to a file instead of standard output.
//!
//! The x axis is logarithmic (`log10(1 + x)`), so 2 and 200 fit on one row.

#[path = "../common/mod.rs"]
mod common;
mod svg;

use std::process::ExitCode;

use reckon::{Decimal, Dossier, Finding, Findings, Reconciler, Unit};

const USAGE: &str = "usage: forest [--all] [--event NAME] [-o OUT.svg] [FILE]";
/// Found from any directory, as `qalamoun` finds it.
const DEFAULT_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/qalamoun-2014.toml"
);

struct Args {
    all: bool,
    event: Option<String>,
    out: Option<String>,
    file: String,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        all: false,
        event: None,
        out: None,
        file: DEFAULT_FILE.to_owned(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--all" => a.all = true,
            "--event" => a.event = Some(args.next().ok_or("--event needs a name")?),
            "-o" => a.out = Some(args.next().ok_or("-o needs a file name")?),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            _ => a.file = arg,
        }
    }
    Ok(a)
}

fn selected<'a>(d: &'a Dossier, findings: &'a Findings, a: &Args) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|fd| {
            let Some(fig) = d.figure(fd.figure()) else {
                return false;
            };
            let people = fig.scope().unit() == &Unit::People;
            let event = a
                .event
                .as_ref()
                .is_none_or(|e| fig.scope().events().iter().any(|x| x == e));
            let disputed =
                fd.claims().len() > 1 || findings.conflicts_of(fd.figure()).next().is_some();
            people
                && event
                && (a.all || disputed)
                && fd
                    .claims()
                    .iter()
                    .any(|c| !c.interval().is_unbounded() || c.interval().low() > Decimal::ZERO)
        })
        .collect()
}

fn run(a: &Args) -> Result<String, reckon::Error> {
    let d = Dossier::load(&a.file)?;
    let findings = Reconciler::new().reconcile(&d)?;
    let rows = selected(&d, &findings, a);
    Ok(svg::draw(&d, &rows))
}

fn main() -> ExitCode {
    common::main("forest", USAGE, parse_args, |a| {
        let svg = run(&a).map_err(|e| e.to_string())?;
        match &a.out {
            Some(path) => std::fs::write(path, svg)
                .map(|()| String::new())
                .map_err(|e| format!("cannot write {path}: {e}")),
            None => Ok(svg),
        }
    })
}
