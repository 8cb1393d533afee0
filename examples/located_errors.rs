//! Lesson: bad input is reported where it is, all at once, and nothing is
//! loaded from a file with a bad row.
//!
//! ```text
//! cargo run --example located_errors
//! ```
//!
//! A small claims table with three mistakes (a range with no upper end, an
//! unknown credibility grade, a row with a missing cell) is loaded. The
//! loader refuses the file and names every problem with its line, column and
//! field and the offending text; each problem has a [`ErrorKind`] a program
//! can act on. The same holds for a dossier file (TOML), shown second.

mod common;

use std::fmt::Write;
use std::process::ExitCode;

use reckon::error::ErrorKind;
use reckon::{Dossier, Error};

const CLAIMS: &str = "\
figure,source,value,credibility
jobeh-rebels,article,50-170,
jobeh-rebels,others,50–,
jobeh-soldiers,article,20,9
jobeh-soldiers,others
";

const DOSSIER: &str = r#"
[[source]]
id = "article"
name = "Wikipedia article"
kind = "encyclopedia"

[[figure]]
id = "jobeh-rebels"
label = "rebels killed at al-Jobeh"
measure = "killed"

[[claim]]
id = "c1"
figure = "jobeh-rebels"
source = "article"
value = "more then 100"

[[claim]]
id = "c2"
figure = "jobeh-rebels"
source = "nobody"
value = "200"
"#;

/// Writes to `out` what was loaded, or every problem that stopped it.
fn report(out: &mut String, what: &str, result: Result<Dossier, Error>) -> std::fmt::Result {
    match result {
        Ok(d) => writeln!(out, "{what}: loaded {} claims", d.claims().len()),
        Err(e) => {
            writeln!(out, "{what}: not loaded, {} problem(s)", e.problems().len())?;
            for p in e.problems() {
                let kind = match p.kind() {
                    ErrorKind::Value => "a value that does not read",
                    ErrorKind::Dangling => "a reference to nothing",
                    ErrorKind::Field => "a missing or unknown field",
                    _ => "another problem",
                };
                writeln!(out, "  - {p}\n    ({kind})")?;
            }
            Ok(())
        }
    }
}

fn main() -> Result<ExitCode, std::fmt::Error> {
    let mut out = String::new();
    report(
        &mut out,
        "claims.csv",
        Dossier::from_csv_reader(CLAIMS.as_bytes(), "claims.csv"),
    )?;
    report(
        &mut out,
        "dossier.toml",
        Dossier::from_toml_str(DOSSIER, "dossier.toml"),
    )?;
    Ok(common::print("located_errors", &out))
}
