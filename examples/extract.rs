//! Finds the figures in text: reads standard input, one paragraph per line,
//! and prints one JSON array of mentions per line.
//!
//! ```text
//! $ echo 'A source confirmed more than 100 people had been killed.' | cargo run -q --example extract
//! [{"text":"more than 100","start":19,"end":32,"kind":"more-than","low":"101","high":null,"value":">100","unit":"people","noun":"people","measure":"killed","low_open":false,"high_open":false}]
//! ```
//!
//! Each mention is an object with these fields, a stable contract (fields
//! may be added, never renamed or removed):
//!
//! - `text`: the mention as written;
//! - `start`, `end`: byte offsets into the line, end exclusive;
//! - `kind`: `exact`, `range`, `at-least`, `more-than`, `at-most`,
//!   `fewer-than`, `between`, `approximately`, `nearly`, `vague` or `unknown`;
//! - `low`, `high`: the bounds as decimal strings, `null` when unbounded or
//!   unknown. For a unit that counts whole things they are inclusive whole
//!   counts ("more than 100" people has `low` "101"); for a measure they are
//!   the numbers compared ("more than 1.5 km" has `low` "1.5", and
//!   `low_open` says it is excluded). A share's `high` is at most "1";
//! - `value`: the value in the compact value grammar (`>100`, `50–170`);
//! - `unit`: `people`, `km`, `m`, `hours`, `days`, `factions`, `brigades`,
//!   `percent`, `share` (a share of the whole the noun names, 0 to 1) or
//!   another word;
//! - `noun`: the noun phrase counted, or `null`;
//! - `measure`: what the figure reports (`killed`, `wounded`, `captured`,
//!   `released`, `executed`, `surrendered`, `taken-hostage`, `strength`,
//!   ...), or `null`;
//! - `low_open`, `high_open`: whether `low` or `high` is excluded (a strict
//!   comparison on a measure or a share: "more than half" has `low` "0.5"
//!   and `low_open` true); always `false` for whole counts.
//!
//! See the `reckon::extract` module docs for what counts as a figure.
//!
//! With `--csv` it prints instead the start of a claims table (the CSV
//! format of `reckon::file`), one row per mention, so that building a
//! dossier from an article is a matter of attributing each figure:
//!
//! ```text
//! $ echo 'Hezbollah lost 14 fighters and 104 rebels were killed.' | cargo run -q --example extract -- --csv
//! figure,source,value,measure,unit,label,quote
//! fighters-killed,,14,killed,people,fighters killed,Hezbollah lost 14 fighters and 104 rebels were killed.
//! rebels-killed,,104,killed,people,rebels killed,Hezbollah lost 14 fighters and 104 rebels were killed.
//! ```
//!
//! The `source` column is left empty: the loader refuses a row without one,
//! naming its line, until it is filled in. `figure` is a suggested id made
//! from the noun and the measure (`figure` when they have no ASCII letters;
//! `-2`, `-3` ... where two would be the same), `label` says the same in
//! words, and `quote` is the sentence the figure is in. A share open above
//! is written closed at the whole (`>0.5 <=1`), as the JSON gives it.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};

use reckon::Lexicon;
use reckon::model::Form;
use reckon::text::{Mention, extract};
use serde_json::Value;

/// One mention as a JSON object, its fields in the documented order.
fn write_mention(out: &mut impl Write, m: &Mention<'_>) -> io::Result<()> {
    let decimal = |d: Option<reckon::Decimal>| match d {
        Some(d) => Value::String(d.normalize().to_string()),
        None => Value::Null,
    };
    let fields: [(&str, Value); 12] = [
        ("text", m.text().into()),
        ("start", m.start().into()),
        ("end", m.end().into()),
        ("kind", m.kind().into()),
        ("low", decimal(m.low())),
        ("high", decimal(m.high())),
        ("value", m.value().to_string().into()),
        ("unit", m.unit().as_str().into()),
        ("noun", m.noun().map_or(Value::Null, Value::from)),
        (
            "measure",
            m.measure().map_or(Value::Null, |x| x.as_str().into()),
        ),
        ("low_open", m.low_open().into()),
        ("high_open", m.high_open().into()),
    ];
    out.write_all(b"{")?;
    for (i, (key, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write!(out, "\"{key}\":{value}")?;
    }
    out.write_all(b"}")
}

/// A field of a CSV row, quoted when it must be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The sentence of `line` that holds bytes `start..end`.
fn sentence(line: &str, start: usize, end: usize) -> &str {
    let stop = |c: char| matches!(c, '.' | '!' | '?');
    let from = line[..start]
        .char_indices()
        .rfind(|&(i, c)| stop(c) && line[i + c.len_utf8()..].starts_with(' '))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = line[end..]
        .char_indices()
        .find(|&(i, c)| {
            stop(c) && !line[end + i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
        })
        .map_or(line.len(), |(i, c)| end + i + c.len_utf8());
    line[from..to].trim()
}

/// A figure id made of words: lowercase ASCII letters and digits joined by `-`.
fn slug(words: &str) -> String {
    let mut out = String::new();
    for w in words.split(|c: char| !c.is_ascii_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    out
}

/// The value as the claims table should hold it: a share open above is
/// closed at the whole ("more than half" is `>0.5 <=1`).
fn value_text(m: &Mention<'_>) -> String {
    let v = m.value();
    let open_share = m.unit() == &reckon::Unit::Share && v.interval().high().is_none();
    match v.form() {
        Form::AtLeast(_) | Form::MoreThan(_) if open_share => format!("{v} <=1"),
        _ => v.to_string(),
    }
}

/// One claims-table row per mention, the figure ids unique within the run.
fn write_row(
    out: &mut impl Write,
    line: &str,
    m: &Mention<'_>,
    seen: &mut HashMap<String, usize>,
) -> io::Result<()> {
    let measure = m.measure().map(|x| x.as_str());
    let unit = m.unit().as_str();
    let label = match (m.noun(), measure) {
        (Some(noun), Some(x)) if !noun.to_lowercase().ends_with(x) => format!("{noun} {x}"),
        (Some(noun), _) => noun.to_owned(),
        (None, Some(x)) if unit == "people" => x.to_owned(),
        (None, Some(x)) => format!("{x} in {unit}"),
        (None, None) => unit.to_owned(),
    };
    let base = match slug(&label) {
        s if s.is_empty() => "figure".to_owned(),
        s => s,
    };
    let n = seen.entry(base.clone()).or_insert(0);
    *n += 1;
    let figure = if *n == 1 { base } else { format!("{base}-{n}") };
    let fields = [
        figure,
        String::new(),
        value_text(m),
        measure.unwrap_or("").to_owned(),
        m.unit().as_str().to_owned(),
        label,
        sentence(line, m.start(), m.end()).to_owned(),
    ];
    let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    writeln!(out, "{}", row.join(","))
}

fn main() -> io::Result<()> {
    let csv = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--csv") => true,
        Some(other) => {
            eprintln!("extract: unknown argument '{other}'; the only option is --csv");
            std::process::exit(2);
        }
    };
    let lexicon = Lexicon::shared();
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut input = stdin.lock();
    let mut line = String::new();
    let mut seen = HashMap::new();
    if csv {
        writeln!(out, "figure,source,value,measure,unit,label,quote")?;
    }
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        let text = line.strip_suffix('\n').unwrap_or(&line);
        let text = text.strip_suffix('\r').unwrap_or(text);
        if csv {
            for m in extract(text, lexicon) {
                write_row(&mut out, text, &m, &mut seen)?;
            }
            continue;
        }
        out.write_all(b"[")?;
        for (i, m) in extract(text, lexicon).iter().enumerate() {
            if i > 0 {
                out.write_all(b",")?;
            }
            write_mention(&mut out, m)?;
        }
        out.write_all(b"]\n")?;
    }
    out.flush()
}
