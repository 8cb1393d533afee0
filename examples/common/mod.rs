//! Output shared by the example binaries: the JSON contract of a reconciled
//! figure (documented in `reconcile.rs`) and compact intervals.
// Each example uses only part of this module.
#![allow(dead_code)]

use reckon::reconcile::conflict::Conflict;
use reckon::{Decimal, Dossier, Interval};
use reckon::{Finding, Findings};
use serde_json::{Value, json};

/// A decimal as a JSON string, `null` when absent.
pub(crate) fn decimal_json(d: Option<Decimal>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

/// An interval as `[low, high]` (`high` null when open), `null` when absent.
pub(crate) fn interval_json(i: Option<Interval>) -> Value {
    i.map_or(Value::Null, |i| {
        json!([i.low().to_string(), decimal_json(i.high())])
    })
}

/// `200` for a point, `50–170` for a range, `20+` when open above.
pub(crate) fn compact(i: Interval) -> String {
    match i.high() {
        Some(h) if h == i.low() => h.to_string(),
        Some(h) => format!("{}–{h}", i.low()),
        None => format!("{}+", i.low()),
    }
}

/// One conflict as JSON.
pub(crate) fn conflict_json(c: &Conflict) -> Value {
    json!({
        "kind": c.kind().as_str(),
        "claims": c.claims().iter().map(|x| x.as_str()).collect::<Vec<_>>(),
        "figures": c.figures().iter().map(|x| x.as_str()).collect::<Vec<_>>(),
        "severity": c.severity().as_str(),
        "score": decimal_json(c.score()),
        "explanation": c.explanation(),
    })
}

/// One reconciled figure as JSON (the `reconcile` example's contract).
pub(crate) fn finding_json(d: &Dossier, findings: &Findings, f: &Finding) -> Value {
    let label = d.figure(f.figure()).map_or("", |x| x.label());
    let claims: Vec<Value> = f
        .claims()
        .iter()
        .map(|c| {
            let claim = d.claim(c.claim());
            json!({
                "id": c.claim().as_str(),
                "source": claim.map(|x| x.source().as_str()),
                "value": claim.map(|x| x.value().to_string()),
                "low": c.interval().low().to_string(),
                "high": decimal_json(c.interval().high()),
                "counted": c.is_counted(),
                "role": c.role().to_string(),
            })
        })
        .collect();
    let s = f.summary();
    json!({
        "figure": f.figure().as_str(),
        "label": label,
        "policy": f.policy(),
        "claims": claims,
        "raw_claims": s.claim_count(),
        "independent_sources": s.independent_count(),
        "low": decimal_json(f.low()),
        "best": decimal_json(f.best()),
        "high": decimal_json(f.high()),
        "envelope": interval_json(f.envelope()),
        "consensus": interval_json(f.consensus()),
        "conflicts": findings.conflicts_of(f.figure()).map(conflict_json).collect::<Vec<_>>(),
        "grade": s.grade().as_str(),
        "credibility": s.credibility().number(),
        "agreement": decimal_json(s.agreement()),
        "spread": decimal_json(s.spread()),
        "sides": s.sides().iter().map(|x| x.as_str()).collect::<Vec<_>>(),
        "likelihood": s.likelihood_sentence(),
        "confidence": s.confidence().as_str(),
        "reasons": s.reasons().iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
}

/// The `main` of an example: parses the arguments (an empty error asks for
/// the usage), runs, prints the output or the error, and exits 0, 1 on an
/// error, or 2 on bad arguments.
pub(crate) fn main<A>(
    name: &str,
    usage: &str,
    parse: impl FnOnce(std::iter::Skip<std::env::Args>) -> Result<A, String>,
    run: impl FnOnce(A) -> Result<String, String>,
) -> std::process::ExitCode {
    use std::process::ExitCode;
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{usage}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{name}: {e}\n{usage}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{name}: {e}");
            ExitCode::FAILURE
        }
    }
}
