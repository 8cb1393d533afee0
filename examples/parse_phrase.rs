//! Lesson: read figures the way reporters write them.
//!
//! ```text
//! cargo run --example parse_phrase -- "more than a dozen" "50-170" "dozens" "about 3,000"
//! ```
//!
//! Each argument is read as one value, in the compact grammar (`50–170`,
//! `20+`, `~1000`) or as an English phrase ("two to three hundred", "more
//! than a dozen"), and printed with its interval, its best value when it has
//! one, and how it is written back. A word such as "dozens" is read through
//! the [`Lexicon`], which says where its reading comes from. Without
//! arguments it reads a few phrases from the Qalamoun article.

mod common;

use std::fmt::Write;
use std::process::ExitCode;

use reckon::{Estimate, Lexicon, text};

/// What one phrase reads as, on one line.
fn describe(phrase: &str, lexicon: &Lexicon) -> String {
    match text::phrase(phrase, lexicon) {
        Ok(value) => describe_value(phrase, &value),
        Err(e) => format!("{phrase:>22}  error: {e}"),
    }
}

fn describe_value(phrase: &str, value: &Estimate) -> String {
    let best = value
        .best()
        .map_or_else(|| "none".to_owned(), |b| b.to_string());
    format!(
        "{phrase:>22}  interval {:<14} best {best:<6} written {value}",
        value.interval().to_string()
    )
}

fn main() -> Result<ExitCode, std::fmt::Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let phrases: Vec<&str> = if args.is_empty() {
        vec![
            "6–7",
            "more than 100",
            "dozens",
            "approximately 1,000",
            "nearly 300",
            "two to three hundred",
            "Unknown",
            "50–",
        ]
    } else {
        args.iter().map(String::as_str).collect()
    };
    let lexicon = Lexicon::shared();
    let mut out = String::new();
    for p in phrases {
        writeln!(out, "{}", describe(p, lexicon))?;
    }
    if let Some(dozens) = lexicon.term("dozens") {
        writeln!(
            out,
            "\n'dozens' reads {} because: {}",
            dozens.interval(),
            dozens.provenance()
        )?;
    }
    Ok(common::print("parse_phrase", &out))
}
