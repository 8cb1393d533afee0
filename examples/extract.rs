//! Finds the figures in text: reads standard input, one paragraph per line,
//! and prints one JSON array of mentions per line.
//!
//! ```text
//! $ echo 'A source confirmed more than 100 people had been killed.' | cargo run -q --example extract
//! [{"text":"more than 100","start":19,"end":32,"kind":"more-than","low":"101","high":null,"value":">100","unit":"people","noun":"people","measure":"killed"}]
//! ```
//!
//! Each mention is an object with these fields, a stable contract (fields
//! may be added, never renamed or removed):
//!
//! - `text`: the mention as written;
//! - `start`, `end`: byte offsets into the line, end exclusive;
//! - `kind`: `exact`, `range`, `at-least`, `more-than`, `at-most`,
//!   `fewer-than`, `approximately`, `nearly`, `vague` or `unknown`;
//! - `low`, `high`: the inclusive bounds as decimal strings ("more than 100"
//!   has `low` "101"), `null` when unbounded or unknown;
//! - `value`: the value in the compact value grammar (`>100`, `50–170`);
//! - `unit`: `people`, `km`, `m`, `hours`, `days`, `factions`, `brigades`
//!   or another word;
//! - `noun`: the noun phrase counted, or `null`;
//! - `measure`: what the figure reports (`killed`, `wounded`, `captured`,
//!   `released`, `executed`, `surrendered`, `taken-hostage`, `strength`,
//!   ...), or `null`.
//!
//! See the `reckon::extract` module docs for what counts as a figure.

use std::io::{self, BufRead, Write};

use reckon::Lexicon;
use reckon::extract::{Mention, extract};
use serde_json::{Value, json};

fn to_json(m: &Mention<'_>) -> Value {
    json!({
        "text": m.text(),
        "start": m.start(),
        "end": m.end(),
        "kind": m.kind(),
        "low": m.low().map(|d| d.normalize().to_string()),
        "high": m.high().map(|d| d.normalize().to_string()),
        "value": m.value().to_string(),
        "unit": m.unit().as_str(),
        "noun": m.noun(),
        "measure": m.measure().map(|x| x.as_str()),
    })
}

fn main() -> io::Result<()> {
    let lexicon = Lexicon::shared();
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut line = String::new();
    let mut input = stdin.lock();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        let text = line.strip_suffix('\n').unwrap_or(&line);
        let text = text.strip_suffix('\r').unwrap_or(text);
        let mentions: Vec<Value> = extract(text, lexicon).iter().map(to_json).collect();
        serde_json::to_writer(&mut out, &mentions)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
