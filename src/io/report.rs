//! The report of a reconciliation: every figure's result, its claims and
//! conflicts and its confidence summary, as JSON (one array, written as it
//! is produced, one figure per line or indented), JSON Lines (one figure per
//! line) or a plain-text table.
//!
//! # The JSON contract
//!
//! One object per figure, in the dossier's order. Fields are only ever
//! added, never renamed or removed; a consumer should ignore fields it does
//! not know. Every figure is a **decimal string** (`"50"`, `"0.5"`), never a
//! JSON number, so no digit is lost; `null` stands for an unbounded end or a
//! value that cannot be given.
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `figure` | string | the figure's id |
//! | `label` | string | the figure's label |
//! | `policy` | string | the policy's name |
//! | `claims` | array | every claim considered, superseded ones included, by interval |
//! | `claims[].id` | string | the claim's id |
//! | `claims[].source` | string | the source's id |
//! | `claims[].value` | string | the value in the value grammar (`50–170`, `>100`, `~1000`) |
//! | `claims[].low`, `claims[].high` | decimal string / null | its interval; `high` null when open |
//! | `claims[].counted` | bool | false for a claim revised by a later one |
//! | `claims[].role` | string | `used`, or why the policy left it out |
//! | `raw_claims` | integer | counted claims, relays and re-reports included |
//! | `independent_sources` | integer | distinct originators of the counted claims |
//! | `low`, `best`, `high` | decimal string / null | the reconciled figure, bounds inclusive |
//! | `envelope` | `[low, high]` / null | lowest to highest counted claim (`high` null when open) |
//! | `consensus` | `[low, high]` / null | the values every counted claim allows; null when none |
//! | `conflicts` | array | conflicts within the figure and with related figures |
//! | `conflicts[].kind` | string | `disjoint`, `empty_consensus`, `outlier`, `partisan_only`, `revision`, `invalid_triple`, `not_whole`, `ambiguous_point`, `part_exceeds_whole`, `components_exceed_total`, `total_below_parts`, `scope_mismatch` |
//! | `conflicts[].claims` | array of strings | the claims involved |
//! | `conflicts[].figures` | array of strings | the figures involved |
//! | `conflicts[].severity` | string | `info`, `low`, `moderate`, `high`, `severe` |
//! | `conflicts[].score` | decimal string / null | the gap on a log scale (`log10((b+1)/(a+1))`) |
//! | `conflicts[].explanation` | string | one lowercase sentence |
//! | `conflicts[].detail` | object | the intervals and values behind it, tagged by `kind` (see [`Detail`](crate::reconcile::conflict::Detail)) |
//! | `grade` | string | `confirmed`, `fair`, `weak`, `contested` (after Airwars) |
//! | `credibility` | integer 1–6 | Admiralty credibility of the reconciled range |
//! | `agreement` | decimal string / null | how much of the envelope the consensus covers, 0–1 |
//! | `spread` | decimal string / null | reconciled high / low |
//! | `sides` | array of strings | sides of the speakers of counted claims |
//! | `likelihood` | string / null | ICD 203 sentence: "The figure is likely between 50 and 170." |
//! | `confidence` | string | `high`, `moderate`, `low` (never in the same sentence as the likelihood) |
//! | `reasons` | array of strings | the reasons for the confidence level |
//!
//! ```
//! use reckon::{Dossier, Reconciler};
//! use reckon::io::report::Report;
//!
//! let csv = "figure,source,value\njobeh-rebels,article,50–170\njobeh-rebels,others,200\n";
//! let dossier = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv")?;
//! let findings = Reconciler::new().reconcile(&dossier)?;
//! let mut out = Vec::new();
//! Report::new(&dossier, &findings).write_jsonl(&mut out)?;
//! let line = String::from_utf8(out).unwrap();
//! assert!(line.starts_with(r#"{"figure":"jobeh-rebels","label":"jobeh-rebels","policy":"weighted","claims":[{"id":"L2","source":"article","value":"50–170","low":"50","high":"170","counted":true,"role":"used"}"#));
//! assert!(line.contains(r#""grade":"contested""#));
//! # Ok::<(), reckon::Error>(())
//! ```

use std::borrow::Cow;
use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use crate::model::{ClaimId, Form};
use crate::reconcile::conflict::Conflict;
use crate::reconcile::policy::Role;
use crate::reconcile::wire;
use crate::{Dossier, Error, Estimate, Finding, Findings, Interval};

/// The report of a dossier's findings. It serializes as the JSON contract
/// (an array of figures), written as it is produced, never as a whole
/// document in memory.
#[derive(Clone, Copy, Debug)]
pub struct Report<'a> {
    dossier: &'a Dossier,
    findings: &'a Findings,
}

impl<'a> Report<'a> {
    /// The report of `findings`, reconciled from `dossier` (which gives the
    /// figures' labels and the claims' sources and values).
    pub fn new(dossier: &'a Dossier, findings: &'a Findings) -> Self {
        Report { dossier, findings }
    }

    /// Each figure's part of the report, in the dossier's order.
    pub fn figures(&self) -> impl Iterator<Item = FigureReport<'a>> + 'a {
        let (dossier, findings) = (self.dossier, self.findings);
        findings.iter().map(move |finding| FigureReport {
            dossier,
            findings,
            finding,
        })
    }

    /// Writes the report as one JSON array, one figure's object per line,
    /// ending in a newline: `[`, the figures separated by `,` and a line
    /// break, `]`. Half the bytes of [`write_json_pretty`](Self::write_json_pretty),
    /// and a figure is found by its line.
    ///
    /// ```
    /// use reckon::{Dossier, Reconciler};
    /// use reckon::io::report::Report;
    ///
    /// let csv = "figure,source,value\na,x,5\nb,y,7\n";
    /// let dossier = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv")?;
    /// let findings = Reconciler::new().reconcile(&dossier)?;
    /// let mut out = Vec::new();
    /// Report::new(&dossier, &findings).write_json(&mut out)?;
    /// let text = String::from_utf8(out).unwrap();
    /// let lines: Vec<&str> = text.lines().collect();
    /// assert_eq!(lines.len(), 4);
    /// assert_eq!((lines[0], lines[3]), ("[", "]"));
    /// assert!(lines[1].starts_with(r#"{"figure":"a","#) && lines[1].ends_with("},"));
    /// assert!(lines[2].starts_with(r#"{"figure":"b","#) && lines[2].ends_with('}'));
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when `out` fails.
    pub fn write_json(&self, out: impl Write) -> Result<(), Error> {
        self.write_array(out, b"", |f, text| f.write_compact(text))
    }

    /// Writes the report as one JSON array, indented for reading, ending in
    /// a newline.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when `out` fails.
    pub fn write_json_pretty(&self, out: impl Write) -> Result<(), Error> {
        self.write_array(out, b"  ", |f, text| f.write_pretty(text))
    }

    /// Writes the report as one JSON array: `[`, each figure on a line of
    /// its own after `indent`, written by `figure`, `,` between them, `]`
    /// on a line of its own and a newline; `[]` and a newline when empty.
    fn write_array(
        &self,
        mut out: impl Write,
        indent: &[u8],
        figure: impl Fn(&FigureReport<'_>, &mut Vec<u8>),
    ) -> Result<(), Error> {
        let mut first = true;
        let mut text = Vec::new();
        for f in self.figures() {
            text.clear();
            text.extend_from_slice(if first { b"[\n" } else { b",\n" });
            text.extend_from_slice(indent);
            figure(&f, &mut text);
            out.write_all(&text).map_err(unwritten)?;
            first = false;
        }
        out.write_all(if first { b"[]\n" } else { b"\n]\n" })
            .map_err(unwritten)
    }

    /// Writes the report as JSON Lines: one figure's object per line.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when `out` fails.
    pub fn write_jsonl(&self, mut out: impl Write) -> Result<(), Error> {
        let mut line = Vec::new();
        for figure in self.figures() {
            line.clear();
            figure.write_compact(&mut line);
            line.push(b'\n');
            out.write_all(&line).map_err(unwritten)?;
        }
        Ok(())
    }
}

/// A report that could not be written out.
pub(crate) fn unwritten(e: std::io::Error) -> Error {
    Error::write("the report", e)
}

impl Serialize for Report<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.findings.len()))?;
        for figure in self.figures() {
            seq.serialize_element(&figure)?;
        }
        seq.end()
    }
}

/// One figure of a [`Report`]: its finding, with the dossier's label for it
/// and its claims' sources and values. Serializes as one object of the JSON
/// contract.
#[derive(Clone, Copy, Debug)]
pub struct FigureReport<'a> {
    dossier: &'a Dossier,
    findings: &'a Findings,
    finding: &'a Finding,
}

impl<'a> FigureReport<'a> {
    /// The finding reported.
    pub fn finding(&self) -> &'a Finding {
        self.finding
    }

    /// The figure's label, or its id when the dossier has no such figure.
    pub fn label(&self) -> &'a str {
        let id = self.finding.figure();
        self.dossier.figure(id).map_or(id.as_str(), |f| f.label())
    }

    /// The conflicts of the figure: within it, and with related figures.
    pub fn conflicts(&self) -> impl Iterator<Item = &'a Conflict> + 'a {
        self.findings.conflicts_of(self.finding.figure())
    }

    /// Appends the figure's object, compact, as `serde_json` writes it.
    fn write_compact(&self, out: &mut Vec<u8>) {
        let entry = FigureEntry::new(self.finding, self.label(), self.conflicts(), self);
        super::compact::object(out, &entry);
    }

    /// Appends the figure's object, indented as an element of the report's
    /// array, as `serde_json`'s pretty printer writes it.
    fn write_pretty(&self, out: &mut Vec<u8>) {
        let entry = FigureEntry::new(self.finding, self.label(), self.conflicts(), self);
        super::pretty::object(out, &entry, 1);
    }
}

impl Serialize for FigureReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FigureEntry::new(self.finding, self.label(), self.conflicts(), self).serialize(s)
    }
}

impl Claims for FigureReport<'_> {
    fn claim(&self, id: &ClaimId) -> Option<(&str, Cow<'_, Estimate>)> {
        let c = self.dossier.claim(id)?;
        Some((c.source().as_str(), Cow::Borrowed(c.value())))
    }
}

/// Where a report finds a claim's source and value, by the claim's id.
pub(crate) trait Claims {
    /// The claim's source id and value.
    fn claim(&self, id: &ClaimId) -> Option<(&str, Cow<'_, Estimate>)>;
}

/// One figure's object of the JSON contract: the finding, its label, its
/// conflicts, and its claims' sources and values from `claims`.
pub(crate) struct FigureEntry<'a, C, I> {
    finding: &'a Finding,
    label: &'a str,
    conflicts: std::cell::Cell<Option<I>>,
    claims: &'a C,
}

impl<'a, C: Claims, I: Iterator<Item = &'a Conflict>> FigureEntry<'a, C, I> {
    /// The object of `finding`, labelled `label`, with `conflicts`. The
    /// conflicts are an iterator, taken by the first write: an entry is
    /// made for one write, and a second would have none.
    pub(crate) fn new(finding: &'a Finding, label: &'a str, conflicts: I, claims: &'a C) -> Self {
        FigureEntry {
            finding,
            label,
            conflicts: std::cell::Cell::new(Some(conflicts)),
            claims,
        }
    }
}

impl<'a, C: Claims, I: Iterator<Item = &'a Conflict>> Serialize for FigureEntry<'a, C, I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        wire::Object::fields(self, &mut wire::Serde(wire::MapPut(&mut m)))?;
        m.end()
    }
}

impl<'a, C: Claims, I: Iterator<Item = &'a Conflict>> wire::Object for FigureEntry<'a, C, I> {
    fn fields<F: wire::Fields>(&self, out: &mut F) -> Result<(), F::Error> {
        let entries = self.finding.claims().iter().map(|c| {
            let (source, value) = self.claims.claim(c.claim()).unzip();
            ClaimEntry {
                id: c.claim().as_str(),
                source,
                value,
                interval: c.interval(),
                counted: c.is_counted(),
                role: c.role(),
            }
        });
        let conflicts = self.conflicts.take().into_iter().flatten();
        self.finding
            .write_fields(out, Some(self.label), entries, conflicts)
    }
}

/// One claim of a figure as the contract writes it.
struct ClaimEntry<'a> {
    id: &'a str,
    source: Option<&'a str>,
    value: Option<Cow<'a, Estimate>>,
    interval: Interval,
    counted: bool,
    role: &'a Role,
}

impl Serialize for ClaimEntry<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(7))?;
        wire::Object::fields(self, &mut wire::Serde(wire::MapPut(&mut m)))?;
        m.end()
    }
}

/// A claim's value is written in the value grammar, as its `Display` writes
/// it; an exact value (most of a table's) as a decimal, through the digits
/// of its mantissa rather than `fmt` (the same text: an exact form displays
/// as its decimal). With the `used` role written as it is, not through
/// `fmt`, `reconcile --json` of 10^5 claims takes 2.4 % fewer instructions
/// (callgrind, 2.156 G -> 2.103 G).
impl wire::Object for ClaimEntry<'_> {
    fn fields<F: wire::Fields>(&self, f: &mut F) -> Result<(), F::Error> {
        f.str("id", self.id)?;
        f.opt_str("source", self.source)?;
        match self.value.as_deref() {
            None => f.opt_str("value", None)?,
            Some(e) => match e.form() {
                Form::Exact(n) => f.dec("value", *n)?,
                _ => f.text("value", e)?,
            },
        }
        f.dec("low", self.interval.low())?;
        f.opt_dec("high", self.interval.high())?;
        f.bool("counted", self.counted)?;
        match self.role {
            Role::Used => f.word("role", "used"),
            role => f.text("role", role),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reconciler;
    use proptest::prelude::*;

    fn written(csv: &str, write: fn(&Report<'_>, &mut Vec<u8>) -> Result<(), Error>) -> String {
        let dossier = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap();
        let findings = Reconciler::new().reconcile(&dossier).unwrap();
        let mut out = Vec::new();
        write(&Report::new(&dossier, &findings), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn json_is_one_array_of_one_figure_per_line_and_pretty_json_the_same_array() {
        let csv = "figure,source,value\na,x,5\nb,y,7\nb,z,9\n";
        let json = written(csv, |r, out| r.write_json(out));
        let pretty = written(csv, |r, out| r.write_json_pretty(out));
        let lines: Vec<&str> = json.lines().collect();
        assert_eq!(lines.len(), 4, "{json}");
        assert!(json.ends_with("\n]\n"));
        assert!(pretty.contains("\n  {\n    \"figure\": \"a\","), "{pretty}");
        let value = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        assert_eq!(value(&json), value(&pretty));
    }

    #[test]
    fn a_value_is_written_as_its_display_text() {
        for text in [
            "200",
            "0.070",
            "79228162514264337593543950335",
            "50–170",
            "20+",
            "dozens",
        ] {
            let e: Estimate = text.parse().unwrap();
            let entry = ClaimEntry {
                id: "c1",
                source: Some("s"),
                value: Some(Cow::Borrowed(&e)),
                interval: e.interval_for(&crate::Unit::People),
                counted: true,
                role: &Role::Used,
            };
            let json: serde_json::Value = serde_json::to_value(&entry).unwrap();
            assert_eq!(json["value"], e.to_string(), "{text}");
        }
    }

    #[test]
    fn an_empty_report_is_an_empty_array_in_every_layout() {
        let csv = "figure,source,value\n";
        assert_eq!(written(csv, |r, out| r.write_json(out)), "[]\n");
        assert_eq!(written(csv, |r, out| r.write_json_pretty(out)), "[]\n");
        assert_eq!(written(csv, |r, out| r.write_jsonl(out)), "");
    }

    /// Each figure of `dossier`'s report, written by the compact writer and
    /// by `serde_json`; its indented text, written by the pretty writer,
    /// checked against `serde_json`'s pretty printer's on the way.
    fn both(dossier: &Dossier) -> Vec<(String, String)> {
        let findings = Reconciler::new().reconcile(dossier).unwrap();
        Report::new(dossier, &findings)
            .figures()
            .map(|figure| {
                let mut out = Vec::new();
                figure.write_compact(&mut out);
                let serde = serde_json::to_string(&figure).unwrap();
                // Indented, as an element of the report's array.
                let mut pretty = Vec::new();
                figure.write_pretty(&mut pretty);
                let serde_pretty = serde_json::to_string_pretty(&figure).unwrap();
                assert_eq!(
                    String::from_utf8(pretty).unwrap(),
                    serde_pretty.replace('\n', "\n  ")
                );
                (String::from_utf8(out).unwrap(), serde)
            })
            .collect()
    }

    #[test]
    fn the_qalamoun_report_is_written_as_serde_json_writes_it() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/qalamoun-2014.toml"
        );
        let dossier = Dossier::load(path).unwrap();
        let figures = both(&dossier);
        assert!(figures.len() > 20, "{}", figures.len());
        let mut kinds = std::collections::BTreeSet::new();
        for (_, serde) in &figures {
            let figure: serde_json::Value = serde_json::from_str(serde).unwrap();
            for c in figure["conflicts"].as_array().unwrap() {
                kinds.insert(c["kind"].as_str().unwrap().to_owned());
            }
        }
        eprintln!("conflict kinds written: {kinds:?}");
        assert!(kinds.len() >= 4, "{kinds:?}");
        for (ours, serde) in &figures {
            assert_eq!(ours, serde);
        }
    }

    #[test]
    fn ids_and_values_with_quotes_controls_and_ranges_are_written_as_serde_json_writes_them() {
        let csv = "figure,source,value\n\"a \"\"quoted\"\" \\ figure\",\"tab\there\",50–170\n\
                   \"a \"\"quoted\"\" \\ figure\",s\u{1},200\nb,é,>100\nb,x,dozens\nb,y,~1000\nc,z,0.070\n";
        let dossier = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap();
        let figures = both(&dossier);
        assert_eq!(figures.len(), 3);
        assert!(
            figures[0]
                .0
                .contains(r#""figure":"a \"quoted\" \\ figure""#),
            "{}",
            figures[0].0
        );
        assert!(
            figures[0].0.contains(r#""source":"s\u0001""#),
            "{}",
            figures[0].0
        );
        for (ours, serde) in &figures {
            assert_eq!(ours, serde);
        }
    }

    proptest! {
        /// Claims tables of exact values, ranges, open bounds, vague words
        /// and outliers, under any ids: every figure as `serde_json`
        /// writes it.
        #[test]
        fn any_claims_table_is_written_as_serde_json_writes_it(
            rows in proptest::collection::vec(
                (
                    "[a-c][a-c\"\\\\é ]{0,2}",
                    "[s-u][s-u\t\"]{0,1}",
                    proptest::sample::select(vec![
                        "5", "7", "0.070", "1000000", "50–170", "20+", ">100", "<3",
                        "dozens", "~1000", "at least 12", "79228162514264337593543950335",
                    ]),
                ),
                1..30,
            )
        ) {
            let mut csv = String::from("figure,source,value\n");
            for (figure, source, value) in &rows {
                let quoted = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
                csv.push_str(&format!("{},{},{value}\n", quoted(figure), quoted(source)));
            }
            let dossier = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap();
            for (ours, serde) in both(&dossier) {
                prop_assert_eq!(ours, serde);
            }
        }
    }
}
