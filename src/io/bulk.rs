//! Claims files of any size: claims streamed from a claims table (CSV) or
//! JSON Lines straight into per-figure state, reconciled and written out
//! figure by figure, without a [`Dossier`](crate::Dossier) in between.
//!
//! The bulk path reads the three columns every claims table has —
//! `figure`, `source` and `value` — and nothing else: each figure's id and
//! each source's id is kept once (interned), each value is parsed once, and
//! per claim only its line, its source and its value are kept until its
//! figure is reconciled. A claim's id is `L` and its line, as in
//! [`Dossier::from_csv_reader`](crate::Dossier::from_csv_reader), and the
//! findings and the report are the same as that path gives for the same
//! file (a test holds the two paths to it). A file with other columns
//! (figures' scopes, sources' kinds, quotes, revisions) is a dossier: load
//! it with [`Dossier::load`](crate::Dossier::load).
//!
//! Unlike the dossier path, a bad row does not stop the run: it is
//! reported (file, line, column, field and text) and left out, and the
//! [`Summary`] counts it, so that rows read = claims loaded + rows
//! rejected.
//!
//! ```
//! use reckon::Reconciler;
//! use reckon::io::bulk::{Bulk, Output};
//!
//! let csv = "figure,source,value\njobeh-rebels,article,50–170\njobeh-rebels,others,200\nx,a,50–\n";
//! let mut out = Vec::new();
//! let summary = Bulk::new(Reconciler::new())
//!     .output(Output::JsonLines)
//!     .run(csv.as_bytes(), "claims.csv", &mut out)?;
//! let text = String::from_utf8(out).unwrap();
//! assert!(text.starts_with(r#"{"figure":"jobeh-rebels","label":"jobeh-rebels","policy":"weighted","claims":[{"id":"L2""#));
//! assert_eq!((summary.rows_read(), summary.claims(), summary.rejected()), (3, 2, 1));
//! assert_eq!((summary.figures(), summary.conflicts()), (1, 1));
//! assert_eq!(
//!     summary.problems()[0].to_string(),
//!     "claims.csv line 4, column 3, field `value`: '50–' is not a value: the range has no upper end"
//! );
//! # Ok::<(), reckon::Error>(())
//! ```
//!
//! # Sorted input, bounded memory
//!
//! With [`Bulk::sorted`], the input must list its figures in ascending
//! order of their ids (text order, with runs of digits compared as numbers:
//! `f2` before `f10`, as `sort -V` orders them), each figure's claims
//! together. Each figure is then reconciled and written as soon as the next
//! one starts, so memory is bounded by the largest figure (and the set of
//! sources), whatever the number of claims. A figure out of order is an
//! error at its line.
//!
//! # In parallel
//!
//! With the `rayon` feature, [`Bulk::parallel`] (on by default then)
//! parses a whole file in chunks on every core and reconciles and writes
//! figures in parallel batches; the output is byte for byte the same.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use super::report::{Claims, figure_entry, write_error};
use super::rows::{Row, Rows, field_text};
use super::toml::scope_of;
use crate::error::{Location, Problems};
use crate::model::{ClaimId, FigureId, SourceId};
use crate::reconcile::Evidence;
use crate::{Error, Estimate, Finding, Lexicon, Measure, Reconciler, Scope, Unit};

/// The format of the claims read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input {
    /// A claims table with a header (`figure,source,value`).
    #[default]
    Csv,
    /// One JSON object per line: `{"figure": "f1", "source": "s", "value": "50–170"}`;
    /// `value` a string or an integer.
    JsonLines,
}

impl Input {
    /// The format a file name says: `.jsonl` and `.ndjson` are JSON Lines,
    /// anything else a claims table.
    pub fn of_path(path: impl AsRef<Path>) -> Input {
        match path.as_ref().extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson") => {
                Input::JsonLines
            }
            _ => Input::Csv,
        }
    }
}

/// The format of the report written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Output {
    /// One indented JSON array, as [`Report::write_json`](super::report::Report::write_json) writes it.
    #[default]
    Json,
    /// One figure's object per line, as [`Report::write_jsonl`](super::report::Report::write_jsonl) writes it.
    JsonLines,
}

/// Reads claims in bulk, reconciles them figure by figure and writes the
/// report as it goes; see the [module docs](self).
#[derive(Clone, Debug)]
pub struct Bulk {
    reconciler: Reconciler,
    input: Input,
    output: Output,
    sorted: bool,
    parallel: bool,
}

/// Claims reconciled and written together: enough to keep every core busy,
/// few enough that their report is a few megabytes.
const BATCH_CLAIMS: usize = 1 << 15;

/// Figures rendered by one task of a parallel batch.
const TASK_FIGURES: usize = 256;

/// The size of a chunk of input parsed by one task: a few per thread,
/// within these bounds.
#[cfg(feature = "rayon")]
const CHUNK_BYTES: std::ops::RangeInclusive<usize> = (64 << 10)..=(8 << 20);

impl Bulk {
    /// Reconciles with `reconciler`; reads a claims table, writes JSON,
    /// in parallel when the `rayon` feature is on.
    pub fn new(reconciler: Reconciler) -> Self {
        Bulk {
            reconciler,
            input: Input::Csv,
            output: Output::Json,
            sorted: false,
            parallel: cfg!(feature = "rayon"),
        }
    }

    /// Reads claims in this format.
    #[must_use]
    pub fn input(mut self, input: Input) -> Self {
        self.input = input;
        self
    }

    /// Writes the report in this format.
    #[must_use]
    pub fn output(mut self, output: Output) -> Self {
        self.output = output;
        self
    }

    /// Whether the input lists its figures in ascending order (checked):
    /// memory is then bounded by the largest figure.
    #[must_use]
    pub fn sorted(mut self, sorted: bool) -> Self {
        self.sorted = sorted;
        self
    }

    /// Whether to parse and reconcile on every core (the default).
    #[cfg(feature = "rayon")]
    #[must_use]
    pub fn parallel(mut self, parallel: bool) -> Self {
        self.parallel = parallel;
        self
    }

    /// Reads the file at `path` (its format from its name, see
    /// [`Input::of_path`]) and writes the report to `out`.
    ///
    /// # Errors
    /// As [`Bulk::run`]; [`ErrorKind::Io`](crate::error::ErrorKind::Io) when the file cannot be read.
    pub fn run_file(&self, path: impl AsRef<Path>, out: impl Write) -> Result<Summary, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let file = std::fs::File::open(path).map_err(|e| Error::io(name.clone(), e))?;
        let bulk = self.clone().input(Input::of_path(path));
        bulk.run(file, &name, out)
    }

    /// Reads claims from `input` (named `name` in errors), reconciles each
    /// figure and writes the report to `out`, figure by figure, in the
    /// order the figures first appear. Bad rows are left out and counted
    /// in the summary.
    ///
    /// # Errors
    /// [`ErrorKind::Field`](crate::error::ErrorKind::Field) for a header without the three columns or with others;
    /// with [`Bulk::sorted`], an error at the first figure out of order;
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when reading or writing fails; an error from the
    /// policy.
    pub fn run(&self, input: impl Read, name: &str, out: impl Write) -> Result<Summary, Error> {
        let started = Instant::now();
        let mut writer = Writer::new(out, self.output);
        let mut summary = Summary::default();
        let mut render =
            |groups: Vec<Group>, summary: &mut Summary| self.render(&groups, &mut writer, summary);
        let mut loader = self.read(input, name, &mut render, &mut summary)?;
        let groups = loader.take_groups();
        for batch in batches(groups) {
            render(batch, &mut summary)?;
        }
        writer.end()?;
        summary.absorb(loader);
        summary.elapsed = started.elapsed();
        Ok(summary)
    }

    /// Reads claims from `input` and reconciles them: every figure's
    /// finding, in the order the figures first appear, and the summary.
    /// What [`Bulk::run`] writes, without writing it.
    ///
    /// # Errors
    /// As [`Bulk::run`].
    pub fn findings(&self, input: impl Read, name: &str) -> Result<(Vec<Finding>, Summary), Error> {
        let started = Instant::now();
        let mut summary = Summary::default();
        let mut findings = Vec::new();
        let mut keep = |groups: Vec<Group>, summary: &mut Summary| {
            for g in &groups {
                let f = self.finish(g)?;
                summary.figures += 1;
                summary.conflicts += f.conflicts().len() as u64;
                findings.push(f);
            }
            Ok(())
        };
        let mut loader = self.read(input, name, &mut keep, &mut summary)?;
        keep(loader.take_groups(), &mut summary)?;
        summary.absorb(loader);
        summary.elapsed = started.elapsed();
        Ok((findings, summary))
    }

    /// Reads the input into a loader. In sorted mode, figures are handed
    /// to `done` as they complete; otherwise they wait in the loader.
    fn read(
        &self,
        input: impl Read,
        name: &str,
        done: &mut Sink<'_>,
        summary: &mut Summary,
    ) -> Result<Loader, Error> {
        #[cfg(feature = "rayon")]
        if self.parallel && !self.sorted {
            return self.read_chunks(input, name);
        }
        let mut loader = Loader::new(name, self.sorted, 0);
        let mut flush = |l: &mut Loader| -> Result<(), Error> {
            if l.done_claims >= BATCH_CLAIMS {
                l.done_claims = 0;
                done(std::mem::take(&mut l.done), summary)?;
            }
            Ok(())
        };
        match self.input {
            Input::Csv => {
                let mut rows = Rows::new(input, name);
                let columns = Columns::read(&mut rows, name)?;
                while let Some(row) = rows.next_row() {
                    loader.csv_row(row, &columns)?;
                    flush(&mut loader)?;
                }
            }
            Input::JsonLines => {
                let mut lines = BufReader::new(input);
                let mut line = Vec::new();
                let mut at = 0;
                loop {
                    line.clear();
                    let n = lines
                        .read_until(b'\n', &mut line)
                        .map_err(|e| Error::io(name.to_owned(), e))?;
                    if n == 0 {
                        break;
                    }
                    at += 1;
                    loader.json_line(at, &line)?;
                    flush(&mut loader)?;
                }
            }
        }
        loader.close();
        Ok(loader)
    }

    /// Reads the whole input, then parses it in chunks on every core and
    /// merges the chunks' figures in order.
    #[cfg(feature = "rayon")]
    fn read_chunks(&self, mut input: impl Read, name: &str) -> Result<Loader, Error> {
        use rayon::prelude::*;

        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(name.to_owned(), e))?;
        let (columns, body, skipped_lines) = match self.input {
            Input::Csv => {
                let mut rows = Rows::new(bytes.as_slice(), name);
                let columns = Columns::read(&mut rows, name)?;
                // A quote may hold a line break: such a file is read in one piece.
                if bytes.contains(&b'"') {
                    let mut loader = Loader::new(name, false, 0);
                    while let Some(row) = rows.next_row() {
                        loader.csv_row(row, &columns)?;
                    }
                    loader.close();
                    return Ok(loader);
                }
                // The header is the first line (no quotes, so no line break in it).
                let end = bytes
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |i| i + 1);
                (Some(columns), end, 1)
            }
            Input::JsonLines => (None, 0, 0),
        };
        let rest = bytes.get(body..).unwrap_or_default();
        let size = (rest.len() / (4 * rayon::current_num_threads()).max(1))
            .clamp(*CHUNK_BYTES.start(), *CHUNK_BYTES.end());
        let chunks = chunks(rest, size, skipped_lines);
        let parts: Vec<Result<Loader, Error>> = chunks
            .into_par_iter()
            .map(|(piece, offset)| {
                let mut loader = Loader::new(name, false, offset);
                match &columns {
                    Some(columns) => {
                        let mut rows = Rows::new(piece, name);
                        while let Some(row) = rows.next_row() {
                            loader.csv_row(row, columns)?;
                        }
                    }
                    None => {
                        for (i, line) in piece.split_inclusive(|&b| b == b'\n').enumerate() {
                            loader.json_line(i as u64 + 1, line)?;
                        }
                    }
                }
                loader.close();
                Ok(loader)
            })
            .collect();
        let mut whole = Loader::new(name, false, 0);
        for part in parts {
            whole.merge(part?);
        }
        Ok(whole)
    }

    /// Reconciles one figure's claims.
    fn finish(&self, g: &Group) -> Result<Finding, Error> {
        let unit = g.scope.unit();
        let evidence = g
            .claims
            .iter()
            .map(|c| {
                Evidence::of_row(
                    claim_id(c.line),
                    c.source.clone(),
                    &c.value,
                    c.value.interval_for(unit),
                )
            })
            .collect();
        self.reconciler
            .finish_scoped(g.figure.clone(), evidence, &g.scope)
    }

    /// Reconciles `groups` and writes their report, in parallel when asked.
    fn render<W: Write>(
        &self,
        groups: &[Group],
        writer: &mut Writer<W>,
        summary: &mut Summary,
    ) -> Result<(), Error> {
        let format = writer.format;
        let task = |part: &[Group]| -> Result<Rendered, Error> {
            let mut r = Rendered::default();
            let mut scratch = Vec::new();
            for g in part {
                let f = self.finish(g)?;
                r.figures += 1;
                r.conflicts += f.conflicts().len() as u64;
                format.figure(&mut r.bytes, &mut scratch, g, &f)?;
            }
            Ok(r)
        };
        #[cfg(feature = "rayon")]
        if self.parallel {
            use rayon::prelude::*;
            let parts: Vec<Result<Rendered, Error>> =
                groups.par_chunks(TASK_FIGURES).map(task).collect();
            for part in parts {
                writer.write(part?, summary)?;
            }
            return Ok(());
        }
        for part in groups.chunks(TASK_FIGURES) {
            writer.write(task(part)?, summary)?;
        }
        Ok(())
    }
}

/// Where completed figures go.
type Sink<'a> = dyn FnMut(Vec<Group>, &mut Summary) -> Result<(), Error> + 'a;

/// Figures in batches of about [`BATCH_CLAIMS`] claims.
fn batches(groups: Vec<Group>) -> impl Iterator<Item = Vec<Group>> {
    let mut groups = groups.into_iter().peekable();
    std::iter::from_fn(move || {
        let mut batch = Vec::new();
        let mut claims = 0;
        while claims < BATCH_CLAIMS {
            let Some(g) = groups.next() else { break };
            claims += g.claims.len();
            batch.push(g);
        }
        (!batch.is_empty()).then_some(batch)
    })
}

/// Splits `bytes` after line feeds into pieces of about `size` bytes, each
/// with the number of lines before it (`before` lines precede `bytes`):
/// line feeds, and carriage returns not followed by one.
#[cfg(feature = "rayon")]
fn chunks(bytes: &[u8], size: usize, before: u64) -> Vec<(&[u8], u64)> {
    let mut out = Vec::new();
    let mut rest = bytes;
    let mut lines = before;
    while !rest.is_empty() {
        let cut = match rest.get(size..) {
            None => rest.len(),
            Some(tail) => tail
                .iter()
                .position(|&b| b == b'\n')
                .map_or(rest.len(), |i| size + i + 1),
        };
        let (piece, tail) = rest.split_at(cut);
        out.push((piece, lines));
        lines += line_breaks(piece);
        rest = tail;
    }
    out
}

/// The line breaks in `bytes` as the claims-table reader counts them: LF,
/// CRLF, and a lone CR.
#[cfg(feature = "rayon")]
fn line_breaks(bytes: &[u8]) -> u64 {
    let mut n = 0;
    let mut after_cr = false;
    for &b in bytes {
        match b {
            b'\n' if after_cr => {}
            b'\n' | b'\r' => n += 1,
            _ => {}
        }
        after_cr = b == b'\r';
    }
    n
}

/// The id of the claim on line `line`: `L` and the line.
fn claim_id(line: u64) -> ClaimId {
    ClaimId::from(format!("L{line}"))
}

/// One claim as the bulk path keeps it until its figure is reconciled.
#[derive(Debug)]
struct Claimed {
    line: u64,
    source: SourceId,
    value: Estimate,
}

/// One figure's claims, in the order they were read.
#[derive(Debug)]
struct Group {
    figure: FigureId,
    scope: Scope,
    claims: Vec<Claimed>,
}

impl Claims for Group {
    fn claim(&self, id: &ClaimId) -> Option<(&str, &Estimate)> {
        let line: u64 = id.as_str().strip_prefix('L')?.parse().ok()?;
        let at = self.claims.binary_search_by_key(&line, |c| c.line).ok()?;
        self.claims.get(at).map(|c| (c.source.as_str(), &c.value))
    }
}

/// The positions of the three columns in a claims table's header.
struct Columns {
    figure: usize,
    source: usize,
    value: usize,
    count: usize,
}

impl Columns {
    fn read<R: Read>(rows: &mut Rows<R>, name: &str) -> Result<Columns, Error> {
        let header = match rows.next_row() {
            None => {
                return Err(Error::field("header", "the file is empty").at(Location::file(name)));
            }
            Some(row) => row?,
        };
        let mut found = [None; 3];
        let mut problems = Problems::default();
        let count = header.record.len();
        for i in 0..count {
            let text = field_text(&header, i, name, None)?;
            let at = Location::file(name)
                .with_line(header.line)
                .with_column(i as u64 + 1);
            let known = ["figure", "source", "value"]
                .iter()
                .position(|c| c.eq_ignore_ascii_case(text));
            match known.and_then(|k| found.get_mut(k)) {
                Some(Some(_)) => problems
                    .push(Error::duplicate(format!("column `{text}`"), "it appears twice").at(at)),
                Some(slot) => *slot = Some(i),
                None => problems.push(
                    Error::field(
                        format!("column `{text}`"),
                        "the bulk reader takes only the columns figure, source and value; \
                         load a table with other columns as a dossier",
                    )
                    .at(at),
                ),
            }
        }
        for (slot, column) in found.iter().zip(["figure", "source", "value"]) {
            if slot.is_none() {
                problems.push(
                    Error::field(
                        "header",
                        format!("the required column `{column}` is missing"),
                    )
                    .at(Location::file(name).with_line(header.line)),
                );
            }
        }
        problems.into_result("problems of the header")?;
        match found {
            [Some(figure), Some(source), Some(value)] => Ok(Columns {
                figure,
                source,
                value,
                count,
            }),
            _ => Err(Error::field("header", "a required column is missing")
                .at(Location::file(name).with_line(header.line))),
        }
    }
}

/// One line of JSON Lines input.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonClaim<'a> {
    #[serde(borrow)]
    figure: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    source: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    value: JsonValue<'a>,
}

/// A JSON Lines value: text, or a whole number.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum JsonValue<'a> {
    Text(#[serde(borrow)] std::borrow::Cow<'a, str>),
    Whole(u64),
    Negative(i64),
    Fraction(f64),
}

/// Claims read so far: interned ids, figures in the order they first
/// appear, the counts and the problems.
struct Loader {
    name: String,
    sorted: bool,
    /// Lines before the first one this loader reads.
    offset: u64,
    sources: HashSet<SourceId>,
    scope: Scope,
    /// Unsorted: every figure, and where it is in `groups`.
    index: HashMap<FigureId, usize>,
    groups: Vec<Group>,
    /// Sorted: the figure being read, and the figures completed since the
    /// last hand-over.
    current: Option<Group>,
    done: Vec<Group>,
    done_claims: usize,
    rows_read: u64,
    claims: u64,
    rejected: u64,
    problems: Problems,
}

impl Loader {
    fn new(name: &str, sorted: bool, offset: u64) -> Self {
        Loader {
            name: name.to_owned(),
            sorted,
            offset,
            sources: HashSet::new(),
            scope: scope_of(
                Measure::default(),
                Unit::default(),
                Vec::new(),
                None,
                None,
                None,
                None,
            ),
            index: HashMap::new(),
            groups: Vec::new(),
            current: None,
            done: Vec::new(),
            done_claims: 0,
            rows_read: 0,
            claims: 0,
            rejected: 0,
            problems: Problems::default(),
        }
    }

    /// The place of line `line` of the whole input.
    fn at(&self, line: u64) -> Location {
        Location::file(&self.name).with_line(line)
    }

    fn reject(&mut self, e: Error) {
        self.rejected += 1;
        self.problems.push(e);
    }

    /// Reads one record of a claims table.
    fn csv_row(&mut self, row: Result<Row<'_>, Error>, c: &Columns) -> Result<(), Error> {
        self.rows_read += 1;
        let row = match row {
            Ok(row) => Row {
                line: self.offset + row.line,
                record: row.record,
            },
            Err(e) => {
                self.reject(e);
                return Ok(());
            }
        };
        if row.record.len() != c.count {
            let e = Error::field(
                "row",
                format!(
                    "it has {} fields but the header has {}",
                    row.record.len(),
                    c.count
                ),
            );
            self.reject(e.at(self.at(row.line)));
            return Ok(());
        }
        let line = row.line;
        let cell = |i: usize, field: &str| {
            field_text(&row, i, &self.name, Some(field))
                .map_err(|e| e.at(self.at(line).with_column(i as u64 + 1).with_field(field)))
        };
        let (figure, source, value) = match (
            cell(c.figure, "figure"),
            cell(c.source, "source"),
            cell(c.value, "value"),
        ) {
            (Ok(f), Ok(s), Ok(v)) => (f, s, v),
            (f, s, v) => {
                self.rejected += 1;
                for e in [f.err(), s.err(), v.err()].into_iter().flatten() {
                    self.problems.push(e);
                }
                return Ok(());
            }
        };
        let columns = [(c.figure, figure), (c.source, source), (c.value, value)];
        self.claim(line, columns)
    }

    /// Reads one line of JSON Lines input; a blank line is no row.
    fn json_line(&mut self, line: u64, bytes: &[u8]) -> Result<(), Error> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        let line = self.offset + line;
        self.rows_read += 1;
        let parsed: JsonClaim<'_> = match serde_json::from_slice(bytes) {
            Ok(c) => c,
            Err(e) => {
                let msg = super::lowercase_first(&e.to_string());
                let at = self.at(line).with_column(e.column() as u64);
                self.reject(Error::syntax(msg).at(at));
                return Ok(());
            }
        };
        let number;
        let value = match &parsed.value {
            JsonValue::Text(t) => t.as_ref(),
            JsonValue::Whole(n) => {
                number = n.to_string();
                &number
            }
            JsonValue::Negative(n) => {
                number = n.to_string();
                &number
            }
            JsonValue::Fraction(x) => {
                let e = Error::value(
                    &x.to_string(),
                    "a fraction is written as a string (\"0.5\"), so that no digit is lost",
                );
                self.reject(e.at(self.at(line).with_field("value")));
                return Ok(());
            }
        };
        self.claim(line, [(0, &parsed.figure), (0, &parsed.source), (0, value)])
    }

    /// Adds a claim on line `line` of the whole input from its three
    /// fields, each with its column (all 0 when the input has no columns).
    fn claim(&mut self, line: u64, fields: [(usize, &str); 3]) -> Result<(), Error> {
        let [(fc, figure), (sc, source), (vc, value)] = fields;
        let at = |column: usize, field: &str| {
            let mut at = Location::file(&self.name).with_line(line).with_field(field);
            if column > 0 || fc != sc {
                at = at.with_column(column as u64 + 1);
            }
            at
        };
        let mut bad = Vec::new();
        for (column, field, text) in [(fc, "figure", figure), (sc, "source", source)] {
            if text.trim().is_empty() {
                let e = Error::field(
                    format!("`{field}`"),
                    "the cell is empty but the column is required",
                );
                bad.push(e.at(at(column, field)));
            }
        }
        let parsed = if value.trim().is_empty() {
            Err(Error::field(
                "`value`",
                "the cell is empty but the column is required",
            ))
        } else {
            crate::text::phrase(value, Lexicon::shared())
        };
        let value = match parsed {
            Ok(v) => Some(v),
            Err(e) => {
                bad.push(e.at(at(vc, "value")));
                None
            }
        };
        let (Some(value), true) = (value, bad.is_empty()) else {
            self.rejected += 1;
            for e in bad {
                self.problems.push(e);
            }
            return Ok(());
        };
        let (figure, source) = (figure.trim(), source.trim());
        let source = match self.sources.get(source) {
            Some(s) => s.clone(),
            None => {
                let s = SourceId::from(source);
                self.sources.insert(s.clone());
                s
            }
        };
        let claim = Claimed {
            line,
            source,
            value,
        };
        self.claims += 1;
        if self.sorted {
            return self.sorted_claim(figure, claim, at(fc, "figure"));
        }
        match self.index.get(figure) {
            Some(&i) => {
                if let Some(g) = self.groups.get_mut(i) {
                    g.claims.push(claim);
                }
            }
            None => {
                let id = FigureId::from(figure);
                self.index.insert(id.clone(), self.groups.len());
                self.groups.push(self.group(id, claim));
            }
        }
        Ok(())
    }

    fn group(&self, figure: FigureId, first: Claimed) -> Group {
        Group {
            figure,
            scope: self.scope.clone(),
            claims: vec![first],
        }
    }

    /// Adds a claim of sorted input: to the current figure, or to a next
    /// one, which must come after it.
    fn sorted_claim(&mut self, figure: &str, claim: Claimed, at: Location) -> Result<(), Error> {
        if let Some(g) = &mut self.current {
            match natural(figure, g.figure.as_str()) {
                Ordering::Equal => {
                    g.claims.push(claim);
                    return Ok(());
                }
                Ordering::Less => {
                    return Err(Error::field(
                        format!("figure `{figure}`"),
                        format!(
                            "the input is not sorted by figure: it comes after figure `{}`; \
                             sort the file by figure, or read it unsorted",
                            g.figure
                        ),
                    )
                    .at(at));
                }
                Ordering::Greater => self.close(),
            }
        }
        self.current = Some(self.group(FigureId::from(figure), claim));
        Ok(())
    }

    /// Completes the figure being read, if any.
    fn close(&mut self) {
        if let Some(g) = self.current.take() {
            self.done_claims += g.claims.len();
            self.done.push(g);
        }
    }

    /// Every figure waiting to be reconciled.
    fn take_groups(&mut self) -> Vec<Group> {
        self.close();
        let mut groups = std::mem::take(&mut self.groups);
        groups.append(&mut self.done);
        self.index = HashMap::new();
        groups
    }

    /// Adds a later chunk's figures and counts.
    #[cfg(feature = "rayon")]
    fn merge(&mut self, mut part: Loader) {
        self.rows_read += part.rows_read;
        self.claims += part.claims;
        self.rejected += part.rejected;
        let (kept, more) = part.problems.drain();
        for e in kept {
            self.problems.push(e);
        }
        self.problems.skipped(more);
        for g in part.take_groups() {
            match self.index.get(&g.figure) {
                Some(&i) => {
                    if let Some(into) = self.groups.get_mut(i) {
                        into.claims.extend(g.claims);
                    }
                }
                None => {
                    self.index.insert(g.figure.clone(), self.groups.len());
                    self.groups.push(g);
                }
            }
        }
    }
}

/// Compares figure ids as text, with runs of ASCII digits compared as
/// numbers (`f2` < `f10`); ids that compare equal so are compared as text.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.as_bytes(), b.as_bytes());
    loop {
        match (x.first(), y.first()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) if p.is_ascii_digit() && q.is_ascii_digit() => {
                let run = |s: &[u8]| s.iter().take_while(|b| b.is_ascii_digit()).count();
                let (m, n) = (run(x), run(y));
                let (dx, dy) = x.split_at(m);
                let (ex, ey) = y.split_at(n);
                let trim = |d: &[u8]| {
                    let zeros = d.iter().take_while(|&&b| b == b'0').count();
                    d.len() - zeros
                };
                let (tx, ty) = (trim(dx), trim(ex));
                let by_number = tx.cmp(&ty).then_with(|| dx[m - tx..].cmp(&ex[n - ty..]));
                if by_number != Ordering::Equal {
                    return by_number;
                }
                x = dy;
                y = ey;
            }
            (Some(p), Some(q)) if p != q => return p.cmp(q),
            _ => {
                x = &x[1..];
                y = &y[1..];
            }
        }
    }
}

/// A part of the report, rendered by one task.
#[derive(Default)]
struct Rendered {
    bytes: Vec<u8>,
    figures: u64,
    conflicts: u64,
}

/// How each figure is written.
#[derive(Clone, Copy)]
struct Format(Output);

impl Format {
    /// Appends one figure to `out`: for JSON, a line break and the figure
    /// indented as an element of the array, a comma before it unless it is
    /// the first of `out`; for JSON Lines, the figure and a line break.
    fn figure(
        self,
        out: &mut Vec<u8>,
        scratch: &mut Vec<u8>,
        g: &Group,
        f: &Finding,
    ) -> Result<(), Error> {
        let label = g.figure.as_str();
        match self.0 {
            Output::JsonLines => {
                let mut s = serde_json::Serializer::new(&mut *out);
                figure_entry(&mut s, f, label, f.conflicts().iter(), g).map_err(write_error)?;
                out.push(b'\n');
            }
            Output::Json => {
                scratch.clear();
                let mut s = serde_json::Serializer::pretty(&mut *scratch);
                figure_entry(&mut s, f, label, f.conflicts().iter(), g).map_err(write_error)?;
                if !out.is_empty() {
                    out.push(b',');
                }
                // JSON strings hold no raw line break: every one in the
                // figure's text is between tokens, where the array indents.
                out.extend_from_slice(b"\n  ");
                for &b in scratch.iter() {
                    out.push(b);
                    if b == b'\n' {
                        out.extend_from_slice(b"  ");
                    }
                }
            }
        }
        Ok(())
    }
}

/// The report's writer: the array's brackets, the commas between parts.
struct Writer<W: Write> {
    out: std::io::BufWriter<W>,
    format: Format,
    written: bool,
}

impl<W: Write> Writer<W> {
    fn new(out: W, output: Output) -> Self {
        Writer {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            format: Format(output),
            written: false,
        }
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out
            .write_all(bytes)
            .map_err(|e| Error::io("the report", e))
    }

    fn write(&mut self, part: Rendered, summary: &mut Summary) -> Result<(), Error> {
        summary.figures += part.figures;
        summary.conflicts += part.conflicts;
        if part.bytes.is_empty() {
            return Ok(());
        }
        if self.format.0 == Output::Json {
            self.put(if self.written { b"," } else { b"[" })?;
        }
        self.written = true;
        self.put(&part.bytes)
    }

    fn end(&mut self) -> Result<(), Error> {
        if self.format.0 == Output::Json {
            self.put(if self.written { b"\n]\n" } else { b"[]\n" })?;
        }
        self.out.flush().map_err(|e| Error::io("the report", e))
    }
}

/// What a bulk run read and wrote.
#[derive(Debug, Default)]
pub struct Summary {
    rows_read: u64,
    claims: u64,
    rejected: u64,
    figures: u64,
    conflicts: u64,
    elapsed: Duration,
    problems: Problems,
}

impl Summary {
    fn absorb(&mut self, loader: Loader) {
        self.rows_read = loader.rows_read;
        self.claims = loader.claims;
        self.rejected = loader.rejected;
        self.problems = loader.problems;
    }

    /// Rows read (a claims table's header and JSON Lines' blank lines not
    /// counted): always [`Summary::claims`] + [`Summary::rejected`].
    pub fn rows_read(&self) -> u64 {
        self.rows_read
    }

    /// Claims loaded and reconciled.
    pub fn claims(&self) -> u64 {
        self.claims
    }

    /// Rows left out, each reported in [`Summary::problems`].
    pub fn rejected(&self) -> u64 {
        self.rejected
    }

    /// Figures reconciled.
    pub fn figures(&self) -> u64 {
        self.figures
    }

    /// Conflicts found within figures.
    pub fn conflicts(&self) -> u64 {
        self.conflicts
    }

    /// The time from the first byte read to the last written.
    pub fn elapsed(&self) -> Duration {
        self.elapsed
    }

    /// The rejected rows' problems, in input order within each chunk of
    /// input (the first hundred are kept).
    pub fn problems(&self) -> &[Error] {
        self.problems.kept()
    }

    /// One error listing every rejected row's problem, `None` when no row
    /// was rejected.
    pub fn into_error(self) -> Option<Error> {
        self.problems.into_result("rejected rows").err()
    }
}

/// One line: claims read, figures, conflicts, time and rate.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            self.rows_read as f64 / secs / 1e6
        } else {
            0.0
        };
        write!(
            f,
            "{} claims read ({} loaded, {} rejected), {} figures, {} conflicts, {:.2} s ({:.2} M claims/s)",
            self.rows_read, self.claims, self.rejected, self.figures, self.conflicts, secs, rate
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_compares_digit_runs_as_numbers() {
        assert_eq!(natural("f2", "f10"), Ordering::Less);
        assert_eq!(natural("f10", "f9"), Ordering::Greater);
        assert_eq!(natural("a", "b"), Ordering::Less);
        assert_eq!(natural("f1x", "f1x"), Ordering::Equal);
        assert_eq!(natural("f01", "f1"), "f01".cmp("f1"));
        assert_eq!(natural("f1", "f1a"), Ordering::Less);
    }

    #[cfg(feature = "rayon")]
    #[test]
    fn chunks_cut_after_line_feeds_and_count_lines_before_them() {
        let text = b"a\r\nb\rc\nd\ne\n";
        let pieces = chunks(text, 2, 1);
        let got: Vec<(&[u8], u64)> = pieces;
        assert_eq!(
            got,
            [(&b"a\r\n"[..], 1), (&b"b\rc\n"[..], 2), (&b"d\ne\n"[..], 4)]
        );
        assert_eq!(line_breaks(b"a\r\nb\rc\n"), 3);
    }
}
