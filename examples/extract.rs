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

use std::io::{self, BufRead, Write};

use reckon::Lexicon;
use reckon::extract::{Mention, extract};
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

fn main() -> io::Result<()> {
    let lexicon = Lexicon::shared();
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut input = stdin.lock();
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        let text = line.strip_suffix('\n').unwrap_or(&line);
        let text = text.strip_suffix('\r').unwrap_or(text);
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
