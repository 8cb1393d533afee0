//! Extends the Qalamoun dossier with a new source and its claims, and shows
//! how the findings change.
//!
//! ```text
//! cargo run --example add_source
//! ```
//!
//! A source is added two ways, with the same result:
//!
//! 1. **In code**: `Dossier::add_source` and `Dossier::add_claim`.
//! 2. **In a data file**: a few TOML lines (printed below) appended to a copy
//!    of `examples/data/qalamoun-2014.toml`, or kept in a file of their own
//!    and added with `Dossier::extend_from_toml_str`. No recompiling.
//!
//! The new source is a monitoring group (hypothetical, for the example)
//! graded B, "usually reliable", that counted the soldiers and the rebels
//! killed at al-Jobeh. Its count of soldiers turns a figure resting on one
//! unattributed report (weak) into one that two independent sources agree
//! on (fair, high confidence). Its count of rebels, 150, agrees with the
//! article's 50–170 but not with "other sources'" 200: the figure stays
//! contested, as it should — a third report does not make a contradiction
//! go away.

mod common;

use std::error::Error;
use std::fmt::Write;
use std::process::ExitCode;

use reckon::model::{Qualifier, Reliability};
use reckon::{Claim, Dossier, Source, SourceKind};
use reckon::{Finding, Reconciler};

/// The same source and claims as a data file would hold them.
const NEW_SOURCE_TOML: &str = r#"
[[source]]
id = "monitor"
name = "a monitoring group"
kind = "monitor"
reliability = "B"

[[claim]]
id = "monitor-jobeh-rebels"
figure = "jobeh-rebels-killed"
source = "monitor"
value = "150"
reported = "2014-08-05"
qualifiers = ["confirmed"]
credibility = "2"

[[claim]]
id = "monitor-jobeh-soldiers"
figure = "jobeh-soldiers-killed"
source = "monitor"
value = "20"
reported = "2014-08-05"
qualifiers = ["confirmed"]
credibility = "2"
"#;

const FIGURES: [&str; 2] = ["jobeh-rebels-killed", "jobeh-soldiers-killed"];

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn describe(f: &Finding) -> String {
    let s = f.summary();
    let range = f.range().map_or_else(|| "—".to_owned(), |r| r.to_string());
    format!(
        "  {}: {} from {}; range {range}; grade {}; confidence {}\n    {}\n    reasons: {}",
        f.figure(),
        plural(s.claim_count(), "claim"),
        plural(s.independent_count(), "independent source"),
        s.grade(),
        s.confidence(),
        s.likelihood_sentence().unwrap_or_default(),
        s.reasons_text(),
    )
}

fn show(out: &mut String, title: &str, d: &Dossier) -> Result<(), Box<dyn Error>> {
    let findings = Reconciler::new().reconcile(d)?;
    writeln!(out, "{title}")?;
    for id in FIGURES {
        if let Some(f) = findings.get(&id.into()) {
            writeln!(out, "{}", describe(f))?;
        }
    }
    writeln!(out)?;
    Ok(())
}

fn run(out: &mut String) -> Result<(), Box<dyn Error>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/qalamoun-2014.toml"
    );
    let before = Dossier::load(path)?;
    show(out, "Before: the article's sources only", &before)?;

    // 1. In code.
    let mut in_code = before.clone();
    in_code
        .add_source(
            Source::new("monitor", "a monitoring group", SourceKind::Monitor)
                .with_reliability(Reliability::B),
        )
        .add_claim(
            Claim::new(
                "monitor-jobeh-rebels",
                "jobeh-rebels-killed",
                "monitor",
                "150".parse()?,
            )
            .with_reported("2014-08-05".parse()?)
            .with_qualifier(Qualifier::Confirmed)
            .with_credibility(reckon::model::Credibility::Probable),
        )
        .add_claim(
            Claim::new(
                "monitor-jobeh-soldiers",
                "jobeh-soldiers-killed",
                "monitor",
                "20".parse()?,
            )
            .with_reported("2014-08-05".parse()?)
            .with_qualifier(Qualifier::Confirmed)
            .with_credibility(reckon::model::Credibility::Probable),
        );
    in_code.validate()?;
    show(out, "After adding a monitoring group in code", &in_code)?;

    // 2. In a data file: the same lines, merged into the dossier.
    let mut from_file = before;
    from_file.extend_from_toml_str(NEW_SOURCE_TOML, "monitor.toml")?;
    writeln!(
        out,
        "The same source as data-file lines (append them to the dossier, or keep them in\n\
         a file of their own and merge it):\n{NEW_SOURCE_TOML}"
    )?;
    assert_eq!(
        from_file, in_code,
        "code and data file give the same dossier"
    );
    writeln!(
        out,
        "Merged from the data file: the dossier is identical to the one built in code."
    )?;
    Ok(())
}

fn main() -> ExitCode {
    let mut out = String::new();
    let done = run(&mut out);
    common::print_then("add_source", &out, done)
}
