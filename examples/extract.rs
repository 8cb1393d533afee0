//! Finds the figures in text: reads standard input, one paragraph per line,
//! and prints one JSON array of mentions per line.
//!
//! ```text
//! $ echo 'A source confirmed more than 100 people had been killed.' | cargo run -q --example extract
//! [{"text":"more than 100","start":19,"end":32,"kind":"more-than","low":"101","high":null,"value":">100","unit":"people","noun":"people","measure":"killed","low_open":false,"high_open":false,"speaker":{"name":"A source","start":0,"end":8,"kind":"anonymous"},"qualifier":"confirmed"}]
//! ```
//!
//! Each mention is written as `reckon::text::Mention` serializes, a stable
//! contract documented there (fields may be added, never renamed or
//! removed): the text and byte offsets of the mention in its line, its
//! kind, its bounds as decimal strings (`low`, `high`, `low_open`,
//! `high_open`), its value in the compact value grammar, its unit, noun
//! phrase and measure, and who the sentence says stated it (`speaker`,
//! `qualifier`). See the `reckon::text` module docs for what counts as a
//! figure and how speakers are read.
//!
//! With `--csv` it prints instead the start of a claims table (the flat
//! claims format of `reckon::io`), one row per mention as
//! `reckon::text::Drafter` drafts it, so that building a dossier from an
//! article is a matter of attributing each figure:
//!
//! ```text
//! $ printf 'Hezbollah lost 14 fighters.\nOther sources claimed 200 rebels were killed.\n' | cargo run -q --example extract -- --csv
//! figure,source,value,measure,unit,label,quote,qualifiers,source_name,source_kind
//! fighters-killed,,14,killed,people,fighters killed,Hezbollah lost 14 fighters.,,,
//! rebels-killed,other-sources,200,killed,people,rebels killed,Other sources claimed 200 rebels were killed.,claimed,Other sources,anonymous
//! ```
//!
//! `figure` is a suggested id made from the noun and the measure (`figure`
//! when they have no ASCII letters; `-2`, `-3` ... where two would be the
//! same), `label` says the same in words, and `quote` is the sentence the
//! figure is in. A share open above is written closed at the whole
//! (`>0.5 <=1`), as the JSON gives it.
//!
//! A row whose sentence names its speaker is attributed to it (`source` an
//! id made of the speaker's words, `source_name` and a guessed
//! `source_kind`). The others keep an empty `source`: the loader refuses
//! such a row, naming its line, until it is filled in.
//!
//! With `--toml` it reads the whole input as one article and prints a draft
//! dossier (`reckon::text::DossierDrafter`) to edit and reconcile: a figure
//! and a claim per mention, attributed to its speaker or, flagged in a
//! comment at the top, to the article. Given a dossier after `--toml`, it
//! reuses that dossier's sources, sides and own measure words:
//!
//! ```text
//! $ cargo run -q --example extract -- --toml examples/data/qalamoun-2014.toml \
//!     < tests/data/qalamoun-offensive-2014.txt > draft.toml
//! $ cargo run -q --example reconcile -- draft.toml
//! ```
//!
//! Errors are said on stderr, naming the input line that could not be read
//! or the dossier that could not be loaded; the exit status is 1, or 2 for
//! arguments it does not take.

mod common;

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use reckon::text::{DossierDrafter, DraftClaim, Drafter, extract};
use reckon::{Dossier, Lexicon, Source, SourceKind};

/// What to print.
enum Output {
    /// One JSON array of mentions per line.
    Json,
    /// One claims table, one row per mention.
    Csv,
    /// One draft dossier for the whole input, reusing a dossier's sources,
    /// sides and measure words if one is named.
    Toml(Option<String>),
}

const USAGE: &str = "usage: extract [--csv | --toml [DOSSIER]] < text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let output = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["-h" | "--help"] => return common::print("extract", &format!("{USAGE}\n")),
        [] => Output::Json,
        ["--csv"] => Output::Csv,
        ["--toml"] => Output::Toml(None),
        ["--toml", dossier] if !dossier.starts_with('-') => Output::Toml(Some(dossier.to_owned())),
        _ => {
            eprintln!("extract: {}\n{USAGE}", wrong(&args));
            return ExitCode::from(2);
        }
    };
    let stdin = io::stdin();
    let stdout = io::stdout();
    let out = io::BufWriter::new(stdout.lock());
    let done = match output {
        Output::Json => json(stdin.lock(), out),
        Output::Csv => table(stdin.lock(), out),
        Output::Toml(reuse) => draft(stdin.lock(), out, reuse.as_deref()),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("extract: {e}");
            ExitCode::FAILURE
        }
    }
}

/// What is wrong with arguments `main` does not take.
fn wrong(args: &[String]) -> String {
    let options = ["--csv", "--toml"];
    match args
        .iter()
        .find(|a| a.starts_with('-') && !options.contains(&a.as_str()))
    {
        Some(a) => format!("unknown option `{a}`"),
        None if args.first().is_some_and(|a| a == "--toml") => "--toml takes one dossier".into(),
        None => match args.iter().find(|a| !options.contains(&a.as_str())) {
            Some(a) => format!("unexpected argument `{a}`: the text is read from stdin"),
            None => "give one of --csv and --toml".into(),
        },
    }
}

fn draft(mut input: impl BufRead, mut out: impl Write, reuse: Option<&str>) -> Result<(), String> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the input: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let read = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = 1 + read.iter().filter(|&&b| b == b'\n').count();
        format!("line {line} of the input: it is not UTF-8")
    })?;
    let reused = reuse
        .map(Dossier::load)
        .transpose()
        .map_err(|e| e.to_string())?;
    let article = Source::new("article", "the article", SourceKind::Encyclopedia);
    let mut drafter = DossierDrafter::new(article);
    if let Some(d) = &reused {
        drafter = drafter.reusing(d);
    }
    let draft = drafter.draft(&text, Lexicon::shared());
    let toml = draft.to_toml_string().map_err(|e| e.to_string())?;
    out.write_all(toml.as_bytes())
        .and_then(|()| out.flush())
        .map_err(cannot_write)?;
    eprintln!(
        "extract: {} claims, {} attributed to the article for want of a speaker",
        draft.dossier().claims().len(),
        draft.unattributed().len()
    );
    Ok(())
}

fn cannot_write(e: impl std::fmt::Display) -> String {
    format!("cannot write the output: {e}")
}

/// Calls `each` with every line of `input`, its line ending removed; an
/// error names the line.
fn lines(
    mut input: impl BufRead,
    mut each: impl FnMut(&str) -> Result<(), String>,
) -> Result<(), String> {
    let mut line = String::new();
    for n in 1.. {
        line.clear();
        let read = input.read_line(&mut line).map_err(|e| match e.kind() {
            io::ErrorKind::InvalidData => format!("line {n} of the input: it is not UTF-8"),
            _ => format!("line {n} of the input: {e}"),
        });
        match read? {
            0 => break,
            _ => {
                let text = line.strip_suffix('\n').unwrap_or(&line);
                each(text.strip_suffix('\r').unwrap_or(text))?;
            }
        }
    }
    Ok(())
}

fn json(input: impl BufRead, mut out: impl Write) -> Result<(), String> {
    lines(input, |text| {
        serde_json::to_writer(&mut out, &extract(text, Lexicon::shared())).map_err(cannot_write)?;
        out.write_all(b"\n").map_err(cannot_write)
    })?;
    out.flush().map_err(cannot_write)
}

fn table(input: impl BufRead, out: impl Write) -> Result<(), String> {
    let mut csv = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    csv.write_record(DraftClaim::COLUMNS)
        .map_err(cannot_write)?;
    let mut drafter = Drafter::new();
    lines(input, |text| {
        for m in extract(text, Lexicon::shared()) {
            csv.serialize(drafter.draft(&m)).map_err(cannot_write)?;
        }
        Ok(())
    })?;
    csv.flush().map_err(cannot_write)
}
