//! Files: the dossier format (TOML) and the flat claims format (CSV).
//!
//! # The dossier file (TOML)
//!
//! A dossier is written as TOML because people edit it by hand: it allows
//! comments (where a claim's reading is explained), needs no quoting of
//! keys, and keeps one record per table, so a new source and its claims are
//! a few lines added at the end, with no recompiling. Five arrays of tables,
//! each optional:
//!
//! ```toml
//! [[source]]
//! id = "hezbollah-sources"          # unique among sources
//! name = "Hezbollah sources"        # as the text attributes it
//! kind = "belligerent"              # government, state-media, belligerent, armed-opposition,
//!                                   # security, monitor, media, encyclopedia, anonymous
//! side = "government"               # optional
//! reliability = "C"                 # Admiralty A-F, default F (cannot be judged)
//! relays = "other-source-id"        # optional: the originator an outlet repeats
//! part_of = "other-source-id"       # optional: the publication it is a part of (an infobox)
//!
//! [[figure]]
//! id = "hills-hezbollah-killed"
//! label = "Hezbollah fighters killed in the battle for the hills"
//! measure = "killed"                # killed, wounded, casualties, captured, missing, released,
//!                                   # executed, surrendered, taken-hostage, strength, ... or any word
//! unit = "people"                   # default people; km, m, hours, days, factions, ... or any word
//! events = ["battle for the hills"] # optional
//! period = "2014-07"                # optional: YYYY[-MM[-DD]] or start/end
//! place = "Youneen"                 # optional
//! party = "Hezbollah"               # optional: the group counted
//! side = "government"               # optional: the side of the group counted
//!
//! [[claim]]
//! id = "hills-hez-1"                # stable: never reuse
//! figure = "hills-hezbollah-killed"
//! source = "article"
//! value = "6–7"                     # the value grammar, or an English phrase
//! reported = "2014-07"              # optional
//! stake = "own"                     # optional: own, enemy, neutral (derived when absent)
//! qualifiers = ["confirmed"]        # optional: confirmed, claimed, reportedly, estimated
//! credibility = "3"                 # optional: Admiralty 1-6, default 6
//! unit = "people"                   # optional: checked against the figure's unit
//! quote = "It was confirmed 6–7 Hezbollah ... were killed"
//! supersedes = "earlier-claim-id"   # optional: a revision keeps the claim it revises
//!
//! [[relation]]
//! kind = "part-of"                  # part-of {part, whole}, components {components, total},
//! part = "jobeh-hezbollah-killed"   # sum-over {parts, total}, overlap {figures}
//! whole = "jobeh-government-killed"
//!
//! [[term]]                          # a vague word of the file's own (a newsroom's convention)
//! name = "dozens"                   # replaces the English lexicon's term of this name
//! strict = "24–99"                  # a range, a number, or 24+ for no upper end
//! lenient = "12–99"                 # optional: defaults to strict
//! point = 24                        # the conservative point: an integer or a decimal string
//! from = "our style guide, 2024"    # the provenance every reading of it cites
//! ```
//!
//! The file's values are read with the English [`Lexicon`] and the file's
//! own terms, wherever the `[[term]]` tables stand in it; writing a dossier
//! writes back the terms its claims use that the English lexicon does not
//! read the same way:
//!
//! ```
//! use reckon::Dossier;
//!
//! let d = Dossier::from_toml_str(r#"
//! [[source]]
//! id = "desk"
//! name = "our desk"
//! kind = "media"
//!
//! [[figure]]
//! id = "f"
//! label = "rebels killed"
//! measure = "killed"
//!
//! [[claim]]
//! id = "c1"
//! figure = "f"
//! source = "desk"
//! value = "dozens"
//!
//! [[term]]
//! name = "dozens"
//! strict = "24–99"
//! point = 24
//! from = "our style guide, 2024"
//! "#, "desk.toml")?;
//! let value = d.claims()[0].value();
//! assert_eq!(value.interval().to_string(), "[24, 99]");
//! assert!(d.to_toml_string()?.contains("[[term]]"));
//! # Ok::<(), reckon::Error>(())
//! ```
//!
//! # The claims file (CSV)
//!
//! One claim per row, with a header. The columns `figure`, `source` and
//! `value` are required, in any order; every other column is optional:
//!
//! | column | meaning |
//! |---|---|
//! | `claim` | the claim id (default `L` and the line number, e.g. `L12`) |
//! | `reported`, `quote`, `supersedes`, `credibility`, `stake` | as in the dossier file |
//! | `qualifiers` | `;`-separated qualifiers |
//! | `label`, `measure`, `unit`, `events`, `period`, `place`, `party`, `side` | the figure's scope (`events` `;`-separated) |
//! | `source_name`, `source_kind`, `source_side`, `reliability`, `relays`, `part_of` | the source |
//!
//! A figure or source is created from the first row that names it (a figure
//! with no `measure` counts `killed` in `people`; a source with no kind is
//! `unspecified`, which is not the same as unattributed); a later row that gives it a different attribute is an
//! error. Every bad row is reported, with its line, column and text, and
//! nothing is loaded from a file with a bad row:
//!
//! ```
//! use reckon::Dossier;
//!
//! let csv = "figure,source,value\njobeh-rebels,article,50-170\njobeh-rebels,others,more than 100\njobeh-rebels,x,50–\n";
//! let err = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "claims.csv line 4, column 3, field `value`: '50–' is not a value: the range has no upper end"
//! );
//! ```

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::error::Location;
use crate::model::{
    ClaimId, Credibility, FigureId, Form, Period, Qualifier, Side, SourceId, Stake, VagueTerm,
};
use crate::text;
use crate::{
    Claim, Dossier, Error, Figure, Interval, Lexicon, Measure, Relation, Scope, Source, SourceKind,
    Unit,
};

#[derive(serde::Serialize, serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DossierFile {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    term: Vec<TermRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    source: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    figure: Vec<FigureRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    claim: Vec<Claim>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    relation: Vec<Relation>,
}

/// The vague terms of a file, read before anything else.
#[derive(serde::Deserialize)]
struct TermsOnly {
    #[serde(default)]
    term: Vec<toml::Spanned<TermRecord>>,
}

/// A vague term of the file's own lexicon: `[[term]]`.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TermRecord {
    name: String,
    strict: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lenient: Option<String>,
    point: TermPoint,
    from: String,
}

/// A term's point, written as a TOML integer or a decimal string.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
enum TermPoint {
    Whole(i64),
    Text(String),
    /// Anything else TOML allows (a float, a boolean), refused with a reason.
    Other(toml::Value),
}

/// Reads a term's interval: `24–119`, `24`, or `24+` for no upper end.
fn term_interval(text: &str, name: &str, which: &str) -> Result<Interval, Error> {
    match crate::text::grammar::read(text, &Lexicon::empty()) {
        Ok(e)
            if matches!(
                e.form(),
                Form::Exact(_) | Form::Range { .. } | Form::AtLeast(_)
            ) =>
        {
            Ok(e.interval())
        }
        _ => Err(Error::invalid(
            format!("vague term `{name}`"),
            format!(
                "its {which} reading '{text}' is not a number, a range like 24–119 or an open range like 24+"
            ),
        )),
    }
}

/// Writes an interval as a term record does.
fn interval_text(i: Interval) -> String {
    // A negative zero would write "-0", which does not read back.
    let i = if i.low().is_zero() {
        Interval::from_parts(Decimal::ZERO, i.high())
    } else {
        i
    };
    match i.high() {
        None => format!("{}+", i.low()),
        Some(h) if h == i.low() => h.to_string(),
        Some(h) => format!("{}–{h}", i.low()),
    }
}

impl TermRecord {
    fn to_term(&self) -> Result<VagueTerm, Error> {
        let strict = term_interval(&self.strict, &self.name, "strict")?;
        let lenient = match &self.lenient {
            Some(t) => term_interval(t, &self.name, "lenient")?,
            None => strict,
        };
        let point = match &self.point {
            TermPoint::Whole(n) => Decimal::from(*n),
            TermPoint::Text(t) => t.trim().parse::<Decimal>().map_err(|_| {
                Error::invalid(
                    format!("vague term `{}`", self.name),
                    format!("its point '{t}' is not a number"),
                )
            })?,
            TermPoint::Other(v) => {
                return Err(Error::invalid(
                    format!("vague term `{}`", self.name),
                    format!(
                        "its point {v} is not an integer or a decimal string (write point = \"24.5\")"
                    ),
                ));
            }
        };
        VagueTerm::new(&self.name, strict, lenient, point, &self.from)
    }

    fn of(term: &VagueTerm) -> Self {
        let point = term.point();
        TermRecord {
            name: term.name().to_owned(),
            strict: interval_text(term.interval()),
            lenient: (term.lenient() != term.interval()).then(|| interval_text(term.lenient())),
            point: match i64::try_from(point) {
                Ok(n) if point.fract().is_zero() => TermPoint::Whole(n),
                _ => TermPoint::Text(point.to_string()),
            },
            from: term.provenance().to_owned(),
        }
    }
}

/// A figure as one flat table, so that unknown keys are caught.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureRecord {
    id: FigureId,
    label: String,
    measure: Measure,
    #[serde(default)]
    unit: Unit,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    events: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period: Option<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    party: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    side: Option<Side>,
}

impl From<FigureRecord> for Figure {
    fn from(r: FigureRecord) -> Self {
        Figure::new(
            r.id,
            &r.label,
            scope_of(
                r.measure, r.unit, r.events, r.period, r.place, r.party, r.side,
            ),
        )
    }
}

fn scope_of(
    measure: Measure,
    unit: Unit,
    events: Vec<String>,
    period: Option<Period>,
    place: Option<String>,
    party: Option<String>,
    side: Option<Side>,
) -> Scope {
    let mut s = Scope::new(measure).with_unit(unit);
    for e in &events {
        s = s.with_event(e);
    }
    if let Some(p) = period {
        s = s.with_period(p);
    }
    if let Some(p) = place {
        s = s.with_place(&p);
    }
    if party.is_some() || side.is_some() {
        s = s.with_party(party.as_deref().unwrap_or(""), side);
    }
    s
}

impl From<&Figure> for FigureRecord {
    fn from(f: &Figure) -> Self {
        let s = f.scope();
        FigureRecord {
            id: f.id().clone(),
            label: f.label().to_owned(),
            measure: s.measure().clone(),
            unit: s.unit().clone(),
            events: s.events().to_vec(),
            period: s.period().copied(),
            place: s.place().map(str::to_owned),
            party: s.party().filter(|p| !p.is_empty()).map(str::to_owned),
            side: s.side().cloned(),
        }
    }
}

/// 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u64, column as u64)
}

/// Reads a dossier file without validating it. Its `[[term]]` tables are
/// read first: the file's values are read with the English lexicon and
/// those terms.
fn read_toml(text: &str, name: &str) -> Result<Dossier, Error> {
    let syntax = |e: toml::de::Error| {
        let mut location = Location::file(name);
        if let Some(span) = e.span() {
            let (line, column) = line_column(text, span.start);
            location = location.line(line).column(column);
        }
        Error::Syntax {
            location,
            message: lowercase_first(e.message().trim_end()),
        }
    };
    let terms: TermsOnly = toml::from_str(text).map_err(syntax)?;
    let mut own = Vec::with_capacity(terms.term.len());
    let mut lines: HashMap<String, u64> = HashMap::new();
    for t in &terms.term {
        let (line, _) = line_column(text, t.span().start);
        let at = || Location::file(name).line(line);
        let term = t.get_ref().to_term().map_err(|e| e.at(at()))?;
        if let Some(first) = lines.insert(term.name().to_owned(), line) {
            return Err(Error::invalid(
                format!("vague term `{}`", term.name()),
                format!("it is defined twice, here and on line {first}"),
            )
            .at(at()));
        }
        own.push(term);
    }
    let lexicon = Lexicon::english().with_terms(own);
    let file: DossierFile = if terms.term.is_empty() {
        toml::from_str(text).map_err(syntax)?
    } else {
        crate::text::lexicon::reading_with(lexicon, || toml::from_str(text)).map_err(syntax)?
    };
    let mut d = Dossier::new();
    for s in file.source {
        d.add_source(s);
    }
    for f in file.figure {
        d.add_figure(f.into());
    }
    for c in file.claim {
        d.add_claim(c);
    }
    for r in file.relation {
        d.relate(r);
    }
    Ok(d)
}

impl Dossier {
    /// Reads a dossier file (TOML; the format is described in [`file`](mod@crate::io)),
    /// then validates it.
    ///
    /// ```
    /// use reckon::Dossier;
    ///
    /// let d = Dossier::from_toml_str(r#"
    /// [[source]]
    /// id = "article"
    /// name = "Wikipedia article"
    /// kind = "encyclopedia"
    ///
    /// [[figure]]
    /// id = "jobeh-rebels"
    /// label = "rebels killed at al-Jobeh"
    /// measure = "killed"
    ///
    /// [[claim]]
    /// id = "c1"
    /// figure = "jobeh-rebels"
    /// source = "article"
    /// value = "50–170"
    /// "#, "example.toml")?;
    /// assert_eq!(d.claims().len(), 1);
    ///
    /// let err = Dossier::from_toml_str("[[claim]]\nid = \"c1\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"50–\"\n", "bad.toml")
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "bad.toml line 5, column 9: '50–' is not a value: the range has no upper end");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Syntax`] with the line and column of malformed TOML or of a
    /// value that does not read; [`Error::Invalid`] / [`Error::Many`] for
    /// every problem [`Dossier::validate`] finds.
    pub fn from_toml_str(text: &str, name: &str) -> Result<Dossier, Error> {
        let d = read_toml(text, name)?;
        d.validate()?;
        Ok(d)
    }

    /// Adds the records of a dossier file to this dossier — a new source and
    /// its claims kept in a file of their own — and validates the whole. On
    /// any error this dossier is left as it was.
    ///
    /// ```
    /// use reckon::Dossier;
    ///
    /// let mut d = Dossier::from_toml_str(r#"
    /// [[figure]]
    /// id = "jobeh-rebels"
    /// label = "rebels killed at al-Jobeh"
    /// measure = "killed"
    /// "#, "base.toml")?;
    /// d.extend_from_toml_str(r#"
    /// [[source]]
    /// id = "monitor"
    /// name = "a monitoring group"
    /// kind = "monitor"
    ///
    /// [[claim]]
    /// id = "m1"
    /// figure = "jobeh-rebels"
    /// source = "monitor"
    /// value = "at least 180"
    /// "#, "monitor.toml")?;
    /// assert_eq!(d.claims().len(), 1);
    ///
    /// // A claim about a figure no file declares is refused, and nothing is added.
    /// let bad = "[[claim]]\nid = \"m2\"\nfigure = \"nowhere\"\nsource = \"monitor\"\nvalue = \"3\"\n";
    /// assert!(d.extend_from_toml_str(bad, "bad.toml").is_err());
    /// assert_eq!(d.claims().len(), 1);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Dossier::from_toml_str`], for the combined dossier.
    pub fn extend_from_toml_str(&mut self, text: &str, name: &str) -> Result<(), Error> {
        let mut combined = self.clone();
        combined.merge(read_toml(text, name)?);
        combined.validate()?;
        *self = combined;
        Ok(())
    }

    /// Writes the dossier in the TOML file format; [`Dossier::from_toml_str`]
    /// reads it back to an equal dossier.
    ///
    /// # Errors
    /// When a record cannot be written as TOML (not expected for valid
    /// records), and when a vague term cannot be: claims that read one word
    /// two ways ([`Dossier::validate`] reports it), or a term built in code
    /// whose name reads as something else ("about 50").
    pub fn to_toml_string(&self) -> Result<String, Error> {
        let file = DossierFile {
            term: self
                .own_terms()?
                .iter()
                .map(|t| TermRecord::of(t))
                .collect(),
            source: self.sources().to_vec(),
            figure: self.figures().iter().map(FigureRecord::from).collect(),
            claim: self.claims().to_vec(),
            relation: self.relations().to_vec(),
        };
        toml::to_string(&file).map_err(|e| Error::Syntax {
            location: Location::default(),
            message: lowercase_first(&e.to_string()),
        })
    }

    /// The vague terms the claims use that the English lexicon does not
    /// read the same way: a file's own `[[term]]`s, written back with it.
    ///
    /// # Errors
    /// When claims read one word two ways, or a term's name reads as
    /// something else (a term named "about 50" would read back as ~50).
    fn own_terms(&self) -> Result<Vec<Arc<VagueTerm>>, Error> {
        let reads_as = |lex: &Lexicon, term: &Arc<VagueTerm>| {
            text::phrase(term.name(), lex)
                .is_ok_and(|e| matches!(e.form(), Form::Vague(t) if t == term))
        };
        let (used, clashes) = self.vague_terms();
        if let Some(((_, term), _)) = clashes.first() {
            return Err(Error::invalid(
                format!("vague term `{}`", term.name()),
                "claims read it two ways, and a file holds one",
            ));
        }
        let english = Lexicon::shared();
        let own: Vec<Arc<VagueTerm>> = used
            .into_iter()
            .map(|(_, t)| t.clone())
            .filter(|t| !reads_as(english, t))
            .collect();
        let lexicon = Lexicon::english().with_terms(own.iter().map(|t| (**t).clone()));
        if let Some(t) = own.iter().find(|t| !reads_as(&lexicon, t)) {
            return Err(Error::invalid(
                format!("vague term `{}`", t.name()),
                "its name does not read back as the term, so a file cannot hold it",
            ));
        }
        Ok(own)
    }

    /// Reads a dossier from a file: `.csv` files as claims tables, anything
    /// else as the TOML dossier format.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read; otherwise as
    /// [`Dossier::from_toml_str`] or [`Dossier::from_csv_reader`].
    pub fn load(path: impl AsRef<Path>) -> Result<Dossier, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let io = |source| Error::Io {
            path: name.clone(),
            source,
        };
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if is_csv {
            let f = std::fs::File::open(path).map_err(io)?;
            Dossier::from_csv_reader(f, &name)
        } else {
            let text = std::fs::read_to_string(path).map_err(io)?;
            Dossier::from_toml_str(&text, &name)
        }
    }

    /// Reads a claims table (CSV; the format is described in [`file`](mod@crate::io)),
    /// then validates it.
    ///
    /// # Errors
    /// [`Error::Many`] listing every bad row (or [`Error::Located`] for one),
    /// each with line, column, field and text; [`Error::Syntax`] for a
    /// malformed header or unreadable CSV.
    pub fn from_csv_reader(reader: impl Read, name: &str) -> Result<Dossier, Error> {
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(reader);
        let syntax = |e: csv::Error, line: Option<u64>| {
            let mut location = Location::file(name);
            if let Some(l) = line.or_else(|| e.position().map(csv::Position::line)) {
                location = location.line(l);
            }
            Error::Syntax {
                location,
                message: lowercase_first(&e.to_string()),
            }
        };
        let header = rdr.headers().map_err(|e| syntax(e, Some(1)))?.clone();
        let columns = Columns::new(&header, name)?;
        let mut loader = CsvLoader {
            name,
            columns: &columns,
            dossier: Dossier::new(),
            figures: HashMap::new(),
            sources: HashMap::new(),
            errors: Vec::new(),
        };
        let mut record = csv::StringRecord::new();
        loop {
            match rdr.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => loader.row(&record),
                Err(e) => loader.errors.push(syntax(e, None)),
            }
        }
        Error::collect(loader.errors)?;
        loader.dossier.validate()?;
        Ok(loader.dossier)
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

const CSV_COLUMNS: &[&str] = &[
    "figure",
    "source",
    "value",
    "claim",
    "reported",
    "quote",
    "supersedes",
    "credibility",
    "stake",
    "qualifiers",
    "label",
    "measure",
    "unit",
    "events",
    "period",
    "place",
    "party",
    "side",
    "source_name",
    "source_kind",
    "source_side",
    "reliability",
    "relays",
    "part_of",
];

/// Where each known column is in the header.
struct Columns {
    index: HashMap<&'static str, usize>,
    count: usize,
}

impl Columns {
    fn new(header: &csv::StringRecord, name: &str) -> Result<Self, Error> {
        let mut index = HashMap::new();
        let mut errors = Vec::new();
        for (i, h) in header.iter().enumerate() {
            let at = || Location::file(name).line(1).column(i as u64 + 1);
            let h = h.trim_start_matches('\u{feff}');
            match CSV_COLUMNS.iter().find(|c| c.eq_ignore_ascii_case(h)) {
                Some(c) => {
                    if index.insert(*c, i).is_some() {
                        errors.push(
                            Error::invalid(format!("column `{h}`"), "it appears twice").at(at()),
                        );
                    }
                }
                None => errors.push(
                    Error::invalid(
                        format!("column `{h}`"),
                        format!(
                            "it is not a claims column; known columns: {}",
                            CSV_COLUMNS.join(", ")
                        ),
                    )
                    .at(at()),
                ),
            }
        }
        for required in ["figure", "source", "value"] {
            if !index.contains_key(required) {
                errors.push(
                    Error::invalid(
                        "header",
                        format!("the required column `{required}` is missing"),
                    )
                    .at(Location::file(name).line(1)),
                );
            }
        }
        Error::collect(errors)?;
        Ok(Columns {
            index,
            count: header.len(),
        })
    }
}

struct CsvLoader<'a> {
    name: &'a str,
    columns: &'a Columns,
    dossier: Dossier,
    /// For each figure and source: the line that declared it.
    figures: HashMap<FigureId, u64>,
    sources: HashMap<SourceId, u64>,
    errors: Vec<Error>,
}

impl CsvLoader<'_> {
    fn row(&mut self, record: &csv::StringRecord) {
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != self.columns.count {
            self.errors.push(
                Error::invalid(
                    "row",
                    format!(
                        "it has {} fields but the header has {}",
                        record.len(),
                        self.columns.count
                    ),
                )
                .at(Location::file(self.name).line(line)),
            );
            return;
        }
        let mut row = Row {
            record,
            columns: self.columns,
            name: self.name,
            line,
            errors: Vec::new(),
        };
        let figure_id = row.required("figure").map(FigureId::from);
        let source_id = row.required("source").map(SourceId::from);
        let value = row.required_with("value", |t| text::phrase(t, crate::Lexicon::shared()));
        let claim_id = row
            .get("claim")
            .map_or_else(|| ClaimId::from(format!("L{line}")), ClaimId::from);
        let reported = row.parsed("reported");
        let supersedes = row.get("supersedes").map(ClaimId::from);
        let credibility: Option<Credibility> = row.parsed("credibility");
        let stake: Option<Stake> = row.parsed("stake");
        let qualifiers: Vec<Qualifier> = row.list("qualifiers");
        let quote = row.get("quote");
        let measure: Option<Measure> = row.parsed("measure");
        let unit: Option<Unit> = row.parsed("unit");
        let period: Option<Period> = row.parsed("period");
        let kind: Option<SourceKind> = row.parsed("source_kind");
        let reliability = row.parsed("reliability");
        let figure_attrs = [
            "label", "measure", "unit", "events", "period", "place", "party", "side",
        ];
        let source_attrs = [
            "source_name",
            "source_kind",
            "source_side",
            "reliability",
            "relays",
            "part_of",
        ];

        let (Some(figure_id), Some(source_id), Some(value)) = (figure_id, source_id, value) else {
            self.errors.append(&mut row.errors);
            return;
        };
        if !row.errors.is_empty() {
            self.errors.append(&mut row.errors);
            return;
        }

        let figure = Figure::new(
            figure_id.clone(),
            row.get("label").unwrap_or(figure_id.as_str()),
            scope_of(
                measure.unwrap_or_default(),
                unit.clone().unwrap_or_default(),
                row.get("events")
                    .map(|t| {
                        t.split(';')
                            .map(str::trim)
                            .filter(|e| !e.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
                period,
                row.get("place").map(str::to_owned),
                row.get("party").map(str::to_owned),
                row.get("side").map(Side::from),
            ),
        );
        let mut source = Source::new(
            source_id.clone(),
            row.get("source_name").unwrap_or(source_id.as_str()),
            kind.unwrap_or(SourceKind::Unspecified),
        );
        if let Some(side) = row.get("source_side") {
            source = source.with_side(Side::from(side));
        }
        if let Some(r) = reliability {
            source = source.with_reliability(r);
        }
        if let Some(o) = row.get("relays") {
            source = source.relaying(o);
        }
        if let Some(o) = row.get("part_of") {
            source = source.as_part_of(o);
        }

        // A figure or source is made by the first row that names it; a later
        // row may only describe it again the same way.
        let differs = |what: String, first: u64| {
            Error::invalid(
                what,
                format!("this row describes it differently from line {first}"),
            )
            .at(Location::file(self.name).line(line))
        };
        match self.figures.get(&figure_id) {
            None => {
                self.figures.insert(figure_id.clone(), line);
                self.dossier.add_figure(figure);
            }
            Some(&first) => {
                let known = self.dossier.figure(&figure_id);
                if row.declares_any(&figure_attrs) && known.is_some_and(|k| *k != figure) {
                    row.errors
                        .push(differs(format!("figure `{figure_id}`"), first));
                }
            }
        }
        match self.sources.get(&source_id) {
            None => {
                self.sources.insert(source_id.clone(), line);
                self.dossier.add_source(source);
            }
            Some(&first) => {
                let known = self.dossier.source(&source_id);
                if row.declares_any(&source_attrs) && known.is_some_and(|k| *k != source) {
                    row.errors
                        .push(differs(format!("source `{source_id}`"), first));
                }
            }
        }
        if !row.errors.is_empty() {
            self.errors.append(&mut row.errors);
            return;
        }

        let mut claim = Claim::new(claim_id, figure_id, source_id, value);
        if let Some(d) = reported {
            claim = claim.with_reported(d);
        }
        if let Some(s) = stake {
            claim = claim.with_stake(s);
        }
        for q in qualifiers {
            claim = claim.with_qualifier(q);
        }
        if let Some(c) = credibility {
            claim = claim.with_credibility(c);
        }
        if let Some(u) = unit {
            claim = claim.with_unit(u);
        }
        if let Some(q) = quote {
            claim = claim.with_quote(q);
        }
        if let Some(s) = supersedes {
            claim = claim.superseding(s);
        }
        self.dossier.add_claim(claim);
    }
}

struct Row<'a> {
    record: &'a csv::StringRecord,
    columns: &'a Columns,
    name: &'a str,
    line: u64,
    errors: Vec<Error>,
}

impl<'a> Row<'a> {
    fn cell(&self, column: &str) -> Option<(usize, &'a str)> {
        let i = *self.columns.index.get(column)?;
        self.record.get(i).map(|t| (i, t))
    }

    fn get(&self, column: &str) -> Option<&'a str> {
        self.cell(column).map(|(_, t)| t).filter(|t| !t.is_empty())
    }

    fn declares_any(&self, columns: &[&str]) -> bool {
        columns.iter().any(|c| self.get(c).is_some())
    }

    fn at(&self, i: usize, column: &str) -> Location {
        Location::file(self.name)
            .line(self.line)
            .column(i as u64 + 1)
            .field(column)
    }

    fn required(&mut self, column: &str) -> Option<&'a str> {
        self.required_with(column, Ok::<_, Error>)
    }

    fn required_with<T>(
        &mut self,
        column: &str,
        read: impl FnOnce(&'a str) -> Result<T, Error>,
    ) -> Option<T> {
        let (i, text) = self.cell(column)?;
        if text.is_empty() {
            let e = Error::invalid(
                format!("`{column}`"),
                "the cell is empty but the column is required",
            );
            self.errors.push(e.at(self.at(i, column)));
            return None;
        }
        match read(text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e.at(self.at(i, column)));
                None
            }
        }
    }

    fn parsed<T: std::str::FromStr<Err = Error>>(&mut self, column: &str) -> Option<T> {
        let (i, text) = self.cell(column)?;
        if text.is_empty() {
            return None;
        }
        match text.parse() {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e.at(self.at(i, column)));
                None
            }
        }
    }

    fn list<T: std::str::FromStr<Err = Error>>(&mut self, column: &str) -> Vec<T> {
        let Some((i, text)) = self.cell(column) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match part.parse::<T>() {
                Ok(v) => out.push(v),
                Err(e) => self.errors.push(e.at(self.at(i, column))),
            }
        }
        out
    }
}

impl PartialEq for Dossier {
    /// Two dossiers are equal when they hold the same records in the same order.
    fn eq(&self, other: &Self) -> bool {
        self.sources() == other.sources()
            && self.figures() == other.figures()
            && self.claims() == other.claims()
            && self.relations() == other.relations()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_reports_every_bad_row_with_its_place() {
        let csv = "figure,value,source,credibility\n\
                   a,50-170,s1,\n\
                   a,,s1,\n\
                   b,12,s2,9\n\
                   c,12\n\
                   a,about 70,s1,2\n";
        let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "t.csv line 3, column 2, field `value`: `value`: the cell is empty but the column is required",
                "t.csv line 4, column 4, field `credibility`: '9' is not a value: expected a credibility grade 1-6: `1`, `2`, `3`, `4`, `5`, `6`",
                "t.csv line 5: row: it has 2 fields but the header has 4",
            ]
        );
    }

    #[test]
    fn csv_header_problems() {
        let err = Dossier::from_csv_reader("figure,valeu\n".as_bytes(), "t.csv").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(got.len(), 3);
        assert!(got[0].starts_with("t.csv line 1, column 2: column `valeu`: it is not a claims column; known columns: figure, source, value"));
        assert_eq!(
            got[1],
            "t.csv line 1: header: the required column `source` is missing"
        );
        assert_eq!(
            got[2],
            "t.csv line 1: header: the required column `value` is missing"
        );
    }

    #[test]
    fn csv_conflicting_figure_attributes() {
        let csv = "figure,source,value,unit\nd,s,10,km\nd,s,12,hours\nd,s,11,\n";
        let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv line 3: figure `d`: this row describes it differently from line 2"
        );
    }

    #[test]
    fn csv_three_columns_and_prose_values() {
        let csv = "value,figure,source\nmore than 100,f,a\napproximately 1000,g,b\nfewer than 10,h,c\n12,f,b\n";
        let d = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap();
        let v: Vec<String> = d
            .claims()
            .iter()
            .map(|c| format!("{}={}", c.id(), c.value()))
            .collect();
        assert_eq!(v, ["L2=>100", "L3=~1000", "L4=<10", "L5=12"]);
        assert_eq!(d.figures().len(), 3);
        assert_eq!(d.sources().len(), 3);
    }

    #[test]
    fn toml_unknown_key_is_located() {
        let err = Dossier::from_toml_str(
            "[[figure]]\nid = \"f\"\nlabel = \"x\"\nmeasure = \"killed\"\nplase = \"Arsal\"\n",
            "d.toml",
        )
        .unwrap_err();
        let s = err.to_string();
        assert!(
            s.starts_with("d.toml line 5, column 1: unknown field `plase`"),
            "{s}"
        );
    }

    #[test]
    fn toml_validation_problems_are_all_reported() {
        let text = "[[claim]]\nid = \"c\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"3\"\n";
        let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
        assert_eq!(err.problems().len(), 2);
    }
}
