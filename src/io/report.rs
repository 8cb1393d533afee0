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
//! | `conflicts[].kind` | string | `disjoint`, `empty_consensus`, `outlier`, `partisan_only`, `revision`, `invalid_triple`, `part_exceeds_whole`, `components_exceed_total`, `total_below_parts`, `scope_mismatch` |
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

use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use crate::error::Location;
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
    pub fn write_json(&self, mut out: impl Write) -> Result<(), Error> {
        let mut first = true;
        for figure in self.figures() {
            out.write_all(if first { b"[\n" } else { b",\n" })
                .map_err(unwritten)?;
            serde_json::to_writer(&mut out, &figure).map_err(write_error)?;
            first = false;
        }
        out.write_all(if first { b"[]\n" } else { b"\n]\n" })
            .map_err(unwritten)
    }

    /// Writes the report as one JSON array, indented for reading, ending in
    /// a newline.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when `out` fails.
    pub fn write_json_pretty(&self, mut out: impl Write) -> Result<(), Error> {
        serde_json::to_writer_pretty(&mut out, self).map_err(write_error)?;
        out.write_all(b"\n").map_err(unwritten)
    }

    /// Writes the report as JSON Lines: one figure's object per line.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when `out` fails.
    pub fn write_jsonl(&self, mut out: impl Write) -> Result<(), Error> {
        for figure in self.figures() {
            serde_json::to_writer(&mut out, &figure).map_err(write_error)?;
            out.write_all(b"\n").map_err(unwritten)?;
        }
        Ok(())
    }
}

/// A report that could not be written out.
pub(crate) fn unwritten(e: std::io::Error) -> Error {
    Error::write("the report", e)
}

pub(crate) fn write_error(e: serde_json::Error) -> Error {
    match e.io_error_kind() {
        Some(kind) => unwritten(std::io::Error::new(kind, e.to_string())),
        None => Error::syntax(e.to_string()).at(Location::default()),
    }
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
}

/// Serializes the items of an iterator as a sequence, as they come.
struct Items<I>(std::cell::Cell<Option<I>>);

impl<I: Iterator<Item = T>, T: Serialize> Serialize for Items<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        if let Some(items) = self.0.take() {
            for item in items {
                seq.serialize_element(&item)?;
            }
        }
        seq.end()
    }
}

fn items<I: Iterator>(i: I) -> Items<I> {
    Items(std::cell::Cell::new(Some(i)))
}

impl Serialize for FigureReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        figure_entry(s, self.finding, self.label(), self.conflicts(), self)
    }
}

impl Claims for FigureReport<'_> {
    fn claim(&self, id: &ClaimId) -> Option<(&str, &Estimate)> {
        let c = self.dossier.claim(id)?;
        Some((c.source().as_str(), c.value()))
    }
}

/// Where a report finds a claim's source and value, by the claim's id.
pub(crate) trait Claims {
    /// The claim's source id and value.
    fn claim(&self, id: &ClaimId) -> Option<(&str, &Estimate)>;
}

/// Writes one figure's object of the JSON contract: the finding, its
/// label, its conflicts, and its claims' sources and values from `claims`.
pub(crate) fn figure_entry<'a, S: Serializer>(
    s: S,
    f: &'a Finding,
    label: &str,
    conflicts: impl Iterator<Item = &'a Conflict>,
    claims: &impl Claims,
) -> Result<S::Ok, S::Error> {
    let entries = f.claims().iter().map(|c| {
        let claim = claims.claim(c.claim());
        ClaimEntry {
            id: c.claim().as_str(),
            source: claim.map(|x| x.0),
            value: claim.map(|x| Value(x.1)),
            interval: c.interval(),
            counted: c.is_counted(),
            role: c.role(),
        }
    });
    let mut m = s.serialize_map(None)?;
    f.write_fields(&mut m, Some(label), &items(entries), &items(conflicts))?;
    m.end()
}

/// Anything with `Display`, written as a JSON string without an
/// intermediate `String`.
struct Text<T>(T);

impl<T: std::fmt::Display> Serialize for Text<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A claim's value in the value grammar, as its `Display` writes it. An
/// exact value (most of a table's) is written as a decimal, through the
/// digits of its mantissa rather than `fmt` (the same text: an exact form
/// displays as its decimal); with the `used` role written as it is, not
/// through `fmt`, `reconcile --json` of 10^5 claims takes 2.4 % fewer
/// instructions (callgrind, 2.156 G -> 2.103 G).
struct Value<'a>(&'a Estimate);

impl Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.form() {
            Form::Exact(n) => wire::Dec(*n).serialize(s),
            _ => s.collect_str(self.0),
        }
    }
}

/// One claim of a figure as the contract writes it.
struct ClaimEntry<'a> {
    id: &'a str,
    source: Option<&'a str>,
    value: Option<Value<'a>>,
    interval: Interval,
    counted: bool,
    role: &'a Role,
}

impl Serialize for ClaimEntry<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry("id", self.id)?;
        m.serialize_entry("source", &self.source)?;
        m.serialize_entry("value", &self.value)?;
        m.serialize_entry("low", &wire::Dec(self.interval.low()))?;
        m.serialize_entry("high", &wire::dec(self.interval.high()))?;
        m.serialize_entry("counted", &self.counted)?;
        match self.role {
            Role::Used => m.serialize_entry("role", "used")?,
            role => m.serialize_entry("role", &Text(role))?,
        }
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reconciler;

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
            let json = serde_json::to_string(&Value(&e)).unwrap();
            assert_eq!(json, format!("\"{e}\""), "{text}");
        }
    }

    #[test]
    fn an_empty_report_is_an_empty_array_in_every_layout() {
        let csv = "figure,source,value\n";
        assert_eq!(written(csv, |r, out| r.write_json(out)), "[]\n");
        assert_eq!(written(csv, |r, out| r.write_json_pretty(out)), "[]\n");
        assert_eq!(written(csv, |r, out| r.write_jsonl(out)), "");
    }
}
