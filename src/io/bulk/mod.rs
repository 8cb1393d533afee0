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
//! A policy that learns across figures (`learned`) is fitted to every
//! claim read before any figure is decided, as
//! [`Reconciler::reconcile`](crate::Reconciler::reconcile) fits it to a
//! dossier ([`Policy::fit_claims`](crate::reconcile::policy::Policy::fit_claims)),
//! so the two paths give the same findings; it cannot read
//! [sorted](Bulk::sorted) input, which is decided figure by figure.
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
//! assert_eq!((summary.figures(), summary.conflicts()), (1, 2));
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
//! order of their ids, each figure's claims together: in text order (byte
//! by byte, as `LC_ALL=C sort` orders them: `f10` before `f2`), or in
//! natural order (text order with runs of digits compared as numbers: `f2`
//! before `f10`). Either order keeps a figure's claims together, which is
//! what is checked. Each figure is then reconciled and written as soon as the next
//! one starts, so memory is bounded by the largest figure (and the set of
//! sources), whatever the number of claims; [`Output::Table`] still keeps
//! every row until the end, to align the columns. A figure out of order is
//! an error at its line.
//!
//! # In parallel
//!
//! With the `rayon` feature, [`Bulk::parallel`] (on by default then)
//! parses a whole file in chunks on every core and reconciles figures in
//! parallel batches; the output is byte for byte the same. On more than one
//! core, a thread of its own has each batch reconciled while the calling
//! thread writes the batches before it (and, for sorted input, reads the
//! next), so a batch or two more are held in memory. Called from inside a
//! rayon pool, a run reconciles and writes its batches in turn, so that it
//! never waits for work that only the pool's busy threads could do.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Instant;

use super::rows::Rows;
use super::table::Table;
use super::toml::scope_of;
use crate::error::ErrorKind;
use crate::model::SourceId;
use crate::reconcile::Evidence;
use crate::reconcile::reconciler::Stage;
use crate::{Error, Finding, Measure, Reconciler, Scope, Unit};

mod cut;
mod json_line;
mod load;
mod progress;
mod summary;
mod write;

#[cfg(feature = "rayon")]
use cut::chunks;
use load::{Columns, Group, Loader, claim_id};
pub use progress::Progress;
use progress::{Counted, Meter, OnProgress};
pub use summary::Summary;
pub use write::Output;
use write::{Counter, Done, Format, Rendered, Writer};

/// The format of the claims read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input {
    /// A claims table with a header (`figure,source,value`).
    #[default]
    Csv,
    /// One JSON object per line: `{"figure": "f1", "source": "s", "value": "50–170"}`;
    /// `value` a string or a whole number (`12`, or `12.0` and `1e3` as a table
    /// with gaps is exported); a fraction is written as a string.
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

/// Reads claims in bulk, reconciles them figure by figure and writes the
/// report as it goes; see the [module docs](self).
#[derive(Clone, Debug)]
pub struct Bulk {
    reconciler: Reconciler,
    /// The scope of every figure: what a claims table's row without scope
    /// columns gives its figure.
    scope: Scope,
    input: Input,
    output: Output,
    sorted: bool,
    /// On every core; always `false` without the `rayon` feature, which
    /// alone has a setter for it.
    parallel: bool,
    /// Told how far a run has come.
    progress: Option<OnProgress>,
}

/// Claims reconciled and written together (at most, see [`batch_claims`];
/// sorted input is handed over in batches of this many): enough to keep
/// every core busy, few enough that their report is a few megabytes.
const BATCH_CLAIMS: usize = 1 << 15;

/// Bytes of sorted input read at a time.
const SORTED_PIECE_BYTES: usize = 1 << 20;

/// The fewest claims of a batch (see [`batch_claims`]).
const SMALL_BATCH_CLAIMS: usize = 1 << 11;

/// Room made for each claim's part of the report before a task renders:
/// about what indented JSON takes (compact JSON about half), so the buffer
/// is rarely grown and copied. Growing it cost about a tenth of a
/// `--jsonl` run (`perf` on 10⁶ claims); room never written is never
/// touched. At most [`REPORT_ROOM_MAX`], so a figure of millions of claims
/// asks for no more than that and grows from there.
const REPORT_BYTES_PER_CLAIM: usize = 1024;

/// The most room made ahead for one task's part of the report.
const REPORT_ROOM_MAX: usize = 32 << 20;

/// Figures rendered by one task of a batch; on every core, fewer in a
/// small batch, so that each thread has about four tasks (see
/// `Bulk::per_task`).
const TASK_FIGURES: usize = 256;

/// The fewest figures of a task (see [`TASK_FIGURES`]).
#[cfg(feature = "rayon")]
const SMALL_TASK_FIGURES: usize = 32;

/// How much of a file [`Bulk::accepts`] reads for its header.
const HEADER_BYTES: u64 = 1 << 16;

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
            scope: scope_of(
                Measure::default(),
                Unit::default(),
                Vec::new(),
                None,
                None,
                None,
                None,
            ),
            input: Input::Csv,
            output: Output::Json,
            sorted: false,
            parallel: cfg!(feature = "rayon"),
            progress: None,
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
    /// memory is then bounded by the largest figure (and, for
    /// [`Output::Table`], the table's rows). A policy that learns across
    /// figures (`learned`) cannot read sorted input: the run is an error.
    #[must_use]
    pub fn sorted(mut self, sorted: bool) -> Self {
        self.sorted = sorted;
        self
    }

    /// Calls `report` with how far [`Bulk::run`] has come: once the input
    /// is read (unsorted input, read whole before any figure is written),
    /// and after each batch of figures is written; on the thread that
    /// called `run`. A command-line tool draws a progress bar with it (the
    /// `reconcile` example does, when its standard error is a terminal).
    /// See [`Progress`].
    #[must_use]
    pub fn progress(mut self, report: impl Fn(&Progress) + Send + Sync + 'static) -> Self {
        self.progress = Some(OnProgress(std::sync::Arc::new(report)));
        self
    }

    /// Whether to parse and reconcile on every core (the default).
    #[cfg(feature = "rayon")]
    #[must_use]
    pub fn parallel(mut self, parallel: bool) -> Self {
        self.parallel = parallel;
        self
    }

    /// Whether the bulk path reads the file at `path`: JSON Lines, or a
    /// claims table whose header (read as a run reads it, within its first
    /// 64 KB) names only `figure`, `source` and `value`. `false` for a file
    /// that cannot be read (the dossier path reports it).
    ///
    /// A path that is not a regular file (a named pipe a decompressor
    /// writes to) can be read only once, so its header is not looked at:
    /// it is accepted when its name ends in `.csv`, and its first line is
    /// left for the run, which reports a header with other columns.
    ///
    /// ```
    /// use reckon::io::bulk::Bulk;
    ///
    /// assert!(!Bulk::accepts("examples/data/no-such-file.csv"));
    /// ```
    pub fn accepts(path: impl AsRef<Path>) -> bool {
        let path = path.as_ref();
        if Input::of_path(path) == Input::JsonLines {
            return true;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_file() => {}
            Ok(_) => {
                return path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
            }
            Err(_) => return false,
        }
        let Ok(file) = std::fs::File::open(path) else {
            return false;
        };
        // The header as a run reads it: by the CSV reader, past a byte
        // order mark and blank lines, its names quoted or not, its line
        // ended by LF, CRLF or a lone CR.
        let name = path.display().to_string();
        let mut rows = Rows::new(file.take(HEADER_BYTES), &name);
        Columns::read(&mut rows, &name).is_ok()
    }

    /// Reads the file at `path` (its format from its name, see
    /// [`Input::of_path`]) and writes the report to `out`.
    ///
    /// # Errors
    /// As [`Bulk::run`]; [`ErrorKind::Io`] when the file cannot be read.
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
    /// [`ErrorKind::Field`] for a header without the three columns or with others;
    /// with [`Bulk::sorted`], an error at the first figure out of order, or
    /// [`ErrorKind::Mismatch`] before anything is read when the policy
    /// learns across figures;
    /// [`ErrorKind::Io`] when reading or writing fails; an error from the
    /// policy. An error that ends a run after rows were rejected (or
    /// figures left unreconciled) is [`ErrorKind::Many`]: those problems,
    /// then it, in [`Error::problems`].
    pub fn run(&self, input: impl Read, name: &str, out: impl Write) -> Result<Summary, Error> {
        let started = Instant::now();
        self.streams()?;
        let mut writer = Writer::new(out, self.output);
        let bytes = std::rc::Rc::new(std::cell::Cell::new(0));
        writer.meter = (self.progress.clone()).map(|p| Meter::new(p, bytes.clone(), started));
        let input = Counted {
            inner: input,
            bytes,
        };
        let mut summary = Summary::default();
        let loader = match self.read_and_write(input, name, &mut writer, &mut summary) {
            Ok(loader) => loader,
            // Figures that could not be reconciled before the error are
            // named with it.
            Err(e) => return Err(std::mem::take(&mut summary.problems).ended_by(e, "problems")),
        };
        writer.end()?;
        summary.absorb(loader);
        summary.elapsed = started.elapsed();
        Ok(summary)
    }

    /// Reads the input, reconciles its figures and writes their report,
    /// batch by batch: sorted input as it is read, unsorted input once read
    /// whole.
    fn read_and_write<W: Write>(
        &self,
        input: impl Read,
        name: &str,
        writer: &mut Writer<W>,
        summary: &mut Summary,
    ) -> Result<Loader, Error> {
        #[cfg(feature = "rayon")]
        if self.sorted && self.pipelines() {
            return self.read_and_write_sorted(input, name, writer, summary);
        }
        let mut render =
            |groups: Vec<Group>, summary: &mut Summary| self.render(groups, writer, summary);
        let mut loader = self.read(input, name, &mut render, summary)?;
        let groups = loader.take_groups();
        if !self.sorted {
            writer.read(groups.len());
        }
        let fitted = self.fitted(&groups)?;
        let bulk = fitted.as_ref().unwrap_or(self);
        bulk.render_batches(groups, writer, summary)?;
        Ok(loader)
    }

    /// Whether every task runs on this thread, one after another: on one
    /// core (a pool of one thread), when not [parallel](Self::parallel),
    /// and without the `rayon` feature. Then the chunks of the input are
    /// read here too, not on the pool's thread: what they allocate is
    /// freed where it was allocated, which the allocator does with less
    /// work (781.8 M instructions against 790.1 M, `reconcile --json` of
    /// 10^5 claims on one thread, callgrind).
    fn in_turn(&self) -> bool {
        #[cfg(feature = "rayon")]
        return !self.parallel || rayon::current_num_threads() == 1;
        #[cfg(not(feature = "rayon"))]
        true
    }

    /// Whether batches go through a [`Pipeline`](write::Pipeline): reconciled
    /// on every core by a thread of their own while this one reads and
    /// writes. Not on one core, where a second thread gains nothing; nor
    /// inside a rayon pool (a run per file of a `par_iter`), where this
    /// thread is one of the pool's, and waiting for the pipeline could leave
    /// no thread to reconcile.
    ///
    /// Reconciling and writing in turn left the cores idle through every
    /// write: `reconcile --json` of 4.09 M claims into a file, on two cores,
    /// takes 3.02 s so and 3.67 s in turn, the machine idle 0.22 s and
    /// 1.27 s of core time (medians of six alternating runs); with
    /// `--sorted`, 3.11 s and 4.10 s (three alternating runs), its peak
    /// 81–104 MB and 55–67 MB, as a batch or two more wait to be reconciled
    /// or written.
    #[cfg(feature = "rayon")]
    fn pipelines(&self) -> bool {
        self.parallel && rayon::current_num_threads() > 1 && rayon::current_thread_index().is_none()
    }

    /// Sorted input read, and its batches written, while a
    /// [`Pipeline`](write::Pipeline) reconciles them. Sorted input is never
    /// fitted: it streams.
    #[cfg(feature = "rayon")]
    fn read_and_write_sorted<W: Write>(
        &self,
        input: impl Read,
        name: &str,
        writer: &mut Writer<W>,
        summary: &mut Summary,
    ) -> Result<Loader, Error> {
        let format = writer.format;
        std::thread::scope(|s| {
            let pipeline = write::Pipeline::start(s, |g| self.rendered(g, format));
            let mut stopped = false;
            let read = self.read(
                input,
                name,
                &mut |groups, summary| {
                    let sent = pipeline.send(groups, writer, summary);
                    stopped = sent.is_err();
                    sent
                },
                summary,
            );
            let mut loader = match read {
                Ok(loader) => loader,
                Err(e) => {
                    // An error of the reading (a figure out of order): what
                    // was handed over before it is written, as on one core.
                    // An error of the writing, or a policy's, ends the
                    // writing.
                    if !stopped {
                        pipeline.finish(writer, summary)?;
                    }
                    return Err(e);
                }
            };
            let rest = loader.take_groups();
            if !rest.is_empty() {
                pipeline.send(rest, writer, summary)?;
            }
            pipeline.finish(writer, summary)?;
            Ok(loader)
        })
    }

    /// Reconciles `groups` and writes their report, in batches of
    /// [`batch_claims`] claims: through a [`Pipeline`](write::Pipeline)
    /// when [`pipelines`](Self::pipelines) and there is more than one batch
    /// (one has nothing to write while it is reconciled: 10^4 claims in
    /// one batch of 32,768 claims at most, 9.91 ms against 10.26 ms through
    /// it, medians of 150 alternating runs).
    fn render_batches<W: Write>(
        &self,
        groups: Vec<Group>,
        writer: &mut Writer<W>,
        summary: &mut Summary,
    ) -> Result<(), Error> {
        let claims = groups.iter().map(|g| g.claims.len()).sum::<usize>();
        let batches: Vec<Vec<Group>> = batches(groups, batch_claims(claims)).collect();
        #[cfg(feature = "rayon")]
        if self.pipelines() && batches.len() > 1 {
            let format = writer.format;
            return std::thread::scope(|s| {
                let pipeline = write::Pipeline::start(s, |g| self.rendered(g, format));
                for batch in batches {
                    pipeline.send(batch, writer, summary)?;
                }
                pipeline.finish(writer, summary)
            });
        }
        for batch in batches {
            self.render(batch, writer, summary)?;
        }
        Ok(())
    }

    /// Reads claims from `input` and reconciles them: every figure's
    /// finding, in the order the figures first appear, and the summary.
    /// What [`Bulk::run`] writes, without writing it; on every core when
    /// `run` is (the `rayon` feature).
    ///
    /// # Errors
    /// As [`Bulk::run`].
    pub fn findings(&self, input: impl Read, name: &str) -> Result<(Vec<Finding>, Summary), Error> {
        let started = Instant::now();
        self.streams()?;
        let mut summary = Summary::default();
        let mut findings = Vec::new();
        let keep = |bulk: &Bulk, groups: Vec<Group>, summary: &mut Summary, found: &mut Vec<_>| {
            found.reserve(groups.len());
            for batch in batches(groups, BATCH_CLAIMS) {
                for part in bulk.found(batch) {
                    let (findings, failed) = part?;
                    summary.add_unreconciled(failed);
                    summary.figures += findings.len() as u64;
                    for f in findings {
                        summary.conflicts += f.conflicts().len() as u64;
                        found.push(f);
                    }
                }
            }
            Ok(())
        };
        let mut loader = self.read(
            input,
            name,
            &mut |groups, summary| keep(self, groups, summary, &mut findings),
            &mut summary,
        )?;
        let groups = loader.take_groups();
        let fitted = self.fitted(&groups)?;
        keep(
            fitted.as_ref().unwrap_or(self),
            groups,
            &mut summary,
            &mut findings,
        )?;
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
        if !self.sorted && (self.input == Input::Csv || self.parallel) {
            return self.read_whole(input, name);
        }
        let mut loader = Loader::new(name, self.sorted, 0);
        let mut flush = |l: &mut Loader| -> Result<(), Error> {
            if l.done_claims >= BATCH_CLAIMS {
                l.done_claims = 0;
                done(std::mem::take(&mut l.done), summary)?;
            }
            Ok(())
        };
        let read = match self.input {
            Input::Csv => loader.read_table(input, SORTED_PIECE_BYTES, &mut flush),
            Input::JsonLines => loader.read_json_lines(input, &mut flush),
        };
        if let Err(e) = read {
            // The rows rejected before the error are named with it.
            return Err(std::mem::take(&mut loader.problems).ended_by(e, "problems"));
        }
        loader.close();
        Ok(loader)
    }

    /// Reads the whole input, then parses it: in parallel, in chunks on
    /// every core, merging the chunks' figures in order. A claims table
    /// without quotes is cut into lines and fields by [`cut::plain_lines`].
    fn read_whole(&self, mut input: impl Read, name: &str) -> Result<Loader, Error> {
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
                let (end, lines) = cut::past_header(&bytes);
                (Some(columns), end, lines)
            }
            Input::JsonLines => (None, 0, 0),
        };
        let rest = bytes.get(body..).unwrap_or_default();
        let read = |(piece, offset): (&[u8], u64)| -> Result<Loader, Error> {
            let mut loader = Loader::new(name, false, offset);
            match &columns {
                Some(columns) => match cut::plain_lines(piece) {
                    Some(lines) => {
                        for (line, text) in lines {
                            loader.plain_row(line, text, columns)?;
                        }
                    }
                    None => {
                        let mut rows = Rows::after(piece, name, offset);
                        while let Some(row) = rows.next_row() {
                            loader.csv_row(row, columns)?;
                        }
                    }
                },
                None => {
                    for (i, line) in piece.split_inclusive(|&b| b == b'\n').enumerate() {
                        loader.json_line(i as u64 + 1, line)?;
                    }
                }
            }
            loader.close();
            Ok(loader)
        };
        #[cfg(feature = "rayon")]
        if self.parallel {
            let parts = self.read_parallel(rest, skipped_lines, read);
            // The parts own what they read: the input's bytes can go before
            // the parts are merged (peak 771 -> 703 MB on 4.09 M claims, 172
            // B/claim, when a claim took 96 bytes).
            drop(bytes);
            let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
            return Ok(load::merge_chunks(name, parts));
        }
        read((rest, skipped_lines))
    }

    /// Reads `rest` (after `before` lines) in chunks on every core with
    /// `read`: a loader per chunk, in order.
    #[cfg(feature = "rayon")]
    fn read_parallel<'b>(
        &self,
        rest: &'b [u8],
        before: u64,
        read: impl Fn((&'b [u8], u64)) -> Result<Loader, Error> + Sync + Send,
    ) -> Vec<Result<Loader, Error>> {
        use rayon::prelude::*;

        let size = (rest.len() / (4 * rayon::current_num_threads()).max(1))
            .clamp(*CHUNK_BYTES.start(), *CHUNK_BYTES.end());
        let chunks = chunks(rest, size, before, self.input == Input::JsonLines);
        let read = |chunk| {
            let mut loader = read(chunk)?;
            // Merging reads a part's groups, not its index: free the
            // index while the other chunks are read (peak of reconcile
            // --json of 4.09 M claims 785 -> 771 MB).
            loader.index = Default::default();
            Ok(loader)
        };
        if self.in_turn() {
            return chunks.into_iter().map(read).collect();
        }
        chunks.into_par_iter().map(read).collect()
    }

    /// An error when the input is read figure by figure ([`Bulk::sorted`])
    /// and the policy learns across figures (`learned`): it would have to
    /// decide a figure before it has seen the others.
    fn streams(&self) -> Result<(), Error> {
        if self.sorted && self.reconciler.learns_across_figures() {
            return Err(Error::mismatch(
                format!("policy `{}`", self.reconciler.policy_name()),
                "it learns from every figure before it decides one, and sorted input \
                 is decided figure by figure as it is read: read the input unsorted",
            ));
        }
        Ok(())
    }

    /// This run with its policy fitted to every claim in `groups` (for
    /// `learned`: the weights learned across the figures); `None` when the
    /// policy learns nothing, and for sorted input, whose figures are
    /// decided as they are read.
    fn fitted(&self, groups: &[Group]) -> Result<Option<Bulk>, Error> {
        if self.sorted {
            return Ok(None);
        }
        let (shared, mut text) = (self.in_turn(), String::new());
        let mut read = groups
            .iter()
            .flat_map(|g| g.claims.iter().map(move |c| (g, c)));
        let mut claims = std::iter::from_fn(|| {
            let (g, c) = read.next()?;
            Some((g.figure.clone(), self.evidence(c, shared, &mut text)))
        });
        let fitted = self.reconciler.fit_claims(&mut claims)?;
        Ok(fitted.map(|reconciler| Bulk {
            reconciler,
            ..self.clone()
        }))
    }

    /// The evidence of one claim read, its id put together in `text` (see
    /// [`claim_id`]).
    ///
    /// Its source id is the claim's, `shared`, only [in turn](Self::in_turn)
    /// (10^5 claims on one thread: 799.8 M -> 790.1 M instructions,
    /// callgrind). On every core it is a copy of the claim's: a
    /// source is named by claims of figures that other threads reconcile,
    /// and the count of each shared clone was written from both cores, the
    /// line it sits on (with the id's text) passing from one core's cache to
    /// the other's. `reconcile --json` of 4.09 M claims to `/dev/null` on
    /// two cores: 3.29 / 2.91 / 2.93 s -> 2.94 / 2.78 / 2.67 s (alternating
    /// runs), 5.44 -> 4.93 s of user time. Inlined where the evidence is
    /// gathered: 795.6 M -> 792.3 M instructions (10^5 claims), and on one
    /// core of 4.09 M claims 3.64 -> 3.52 s of user time (medians of five
    /// alternating runs).
    #[inline(always)]
    fn evidence(&self, c: &load::Claimed, shared: bool, text: &mut String) -> Evidence {
        let (id, source) = (
            claim_id(c.line, text),
            if shared {
                c.source.clone()
            } else {
                SourceId::from(c.source.as_str())
            },
        );
        match c.value.whole_value() {
            Some(n) => Evidence::of_whole_row(id, source, n),
            None => Evidence::of_row(
                id,
                source,
                &c.value.estimate(),
                c.value.interval_for(self.scope.unit()),
            ),
        }
    }

    /// Reconciles one figure's claims in `stage`, their sources `shared` or
    /// not and their ids put together in `text` (see
    /// [`evidence`](Self::evidence)).
    fn finish<'s>(
        &'s self,
        g: &Group,
        stage: &mut Stage<'s>,
        shared: bool,
        text: &mut String,
    ) -> Result<Finding, Error> {
        let evidence = g.claims.iter().map(|c| self.evidence(c, shared, text));
        self.reconciler
            .finish_in(stage, g.figure.clone(), evidence, &self.scope)
    }

    /// The findings of `groups` in their order, a part per task, each with
    /// the figures that could not be reconciled; on every core when
    /// parallel.
    fn found(&self, groups: Vec<Group>) -> Vec<Result<Found, Error>> {
        self.per_task(groups, |part| {
            let (mut findings, mut failed) = (Vec::with_capacity(part.len()), Vec::new());
            self.reconcile_part(part, &mut failed, |_, f| {
                findings.push(f);
                Ok(())
            })?;
            Ok((findings, failed))
        })
    }

    /// Reconciles `groups` and writes their report, in parallel when asked.
    ///
    /// [In turn](Bulk::in_turn), each task's part is written as soon as it
    /// is rendered, into the room of the one before, where a batch's parts
    /// (16 MB of report) were all rendered before any was written: the
    /// kernel copies a part into the file while it is still in the cache.
    /// `reconcile --json` of 4.09 M claims into a file on one core: the
    /// kernel's copy 5.1 % -> 3.5 % of the samples (`perf`), its system
    /// time 0.81 -> 0.74 s (medians of four alternating runs).
    fn render<W: Write>(
        &self,
        groups: Vec<Group>,
        writer: &mut Writer<W>,
        summary: &mut impl Counter,
    ) -> Result<(), Error> {
        let format = writer.format;
        if self.in_turn() {
            let (mut room, mut done) = (Vec::new(), Done::default());
            for part in groups.chunks(TASK_FIGURES) {
                let rendered = self.render_part(part, format, room)?;
                done.add(&rendered);
                room = writer.write_part(rendered, summary)?;
            }
            writer.tell(done);
            return Ok(());
        }
        writer.write_all(self.rendered(groups, format), summary)
    }

    /// The report of `groups`, a part per task; on every core when
    /// parallel.
    fn rendered(&self, groups: Vec<Group>, format: Format) -> Vec<Result<Rendered, Error>> {
        self.per_task(groups, |part| self.render_part(part, format, Vec::new()))
    }

    /// The report of `part`, rendered into `room` (emptied first; kept
    /// when it has room enough).
    fn render_part(
        &self,
        part: &[Group],
        format: Format,
        mut room: Vec<u8>,
    ) -> Result<Rendered, Error> {
        let claims: usize = part.iter().map(|g| g.claims.len()).sum();
        let table = format.0 == Output::Table;
        let wanted = if table {
            0
        } else {
            claims
                .saturating_mul(REPORT_BYTES_PER_CLAIM)
                .min(REPORT_ROOM_MAX)
        };
        room.clear();
        if room.capacity() < wanted {
            // Not `reserve`: growing copies the old room, written or not.
            room = Vec::with_capacity(wanted);
        }
        let mut r = Rendered {
            bytes: room,
            table: table.then(Table::new),
            claims: claims as u64,
            ..Rendered::default()
        };
        self.reconcile_part(part, &mut r.problems, |g, f| {
            r.figures += 1;
            r.conflicts += f.conflicts().len() as u64;
            match &mut r.table {
                Some(table) => table.push(&f, f.conflicts()),
                None => format.figure(&mut r.bytes, g, &f),
            }
            Ok(())
        })?;
        Ok(r)
    }

    /// `task` of each run of [`TASK_FIGURES`] figures of `groups` (fewer
    /// in a small batch on every core), in order; on every core when
    /// parallel, each task then freeing its figures' claims. Freed on the
    /// thread that waits for the tasks, the claims of 4.09 M (`reconcile
    /// --json`, 2 cores) took 141 ms of its time, with the other threads
    /// idle. A batch of fewer than
    /// `4 * TASK_FIGURES` figures a thread is cut into smaller tasks, about
    /// four a thread: 10^4 claims in batches of 2,500 on 2 cores, 12.92
    /// against 13.48 ms with tasks of 256 figures (medians of 250
    /// alternating runs).
    fn per_task<T: Send>(
        &self,
        groups: Vec<Group>,
        task: impl Fn(&[Group]) -> Result<T, Error> + Sync + Send,
    ) -> Vec<Result<T, Error>> {
        #[cfg(feature = "rayon")]
        if self.parallel {
            use rayon::prelude::*;
            let each = (groups.len() / (4 * rayon::current_num_threads()))
                .clamp(SMALL_TASK_FIGURES, TASK_FIGURES);
            return groups
                .into_par_iter()
                .chunks(each)
                .map(|part| task(&part))
                .collect();
        }
        groups.chunks(TASK_FIGURES).map(task).collect()
    }

    /// Reconciles each figure of `part` and hands its finding to `each`;
    /// a figure that cannot be reconciled is kept in `problems`.
    fn reconcile_part(
        &self,
        part: &[Group],
        problems: &mut Vec<Error>,
        mut each: impl FnMut(&Group, Finding) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut stage = Stage::default();
        // Asked once a task: the pool's size is a thread-local's.
        let shared = self.in_turn();
        let mut text = String::new();
        for g in part {
            match self.finish(g, &mut stage, shared, &mut text) {
                Ok(f) => each(g, f)?,
                Err(e) => unreconciled(e, g, problems)?,
            }
        }
        Ok(())
    }
}

/// The error of a figure that cannot be reconciled (a sum at a decimal's
/// limit, say), kept in `problems` naming the figure. A policy that breaks
/// its contract is wrong for every figure: its error ends the run.
///
/// Apart from the finding, which is handed on as it comes: passed through
/// here, as an `Option`, it was moved once more (344 bytes a figure;
/// `reconcile --json` of 10^5 claims on one thread 773.4 M -> 769.5 M
/// instructions, callgrind).
fn unreconciled(e: Error, g: &Group, problems: &mut Vec<Error>) -> Result<(), Error> {
    if e.kind() == ErrorKind::PolicyContract {
        return Err(e);
    }
    problems.push(e.concerning(format!("figure `{}`", g.figure)));
    Ok(())
}

/// Where completed figures go.
type Sink<'a> = dyn FnMut(Vec<Group>, &mut Summary) -> Result<(), Error> + 'a;

/// The claims of a batch when `claims` are written in all: a quarter of
/// them, from [`SMALL_BATCH_CLAIMS`] to [`BATCH_CLAIMS`].
///
/// Each batch's report is freed once written, and the next batch's is
/// rendered into the memory it leaves, where one batch of a small run
/// took all its report's memory fresh from the kernel, each page cleared
/// on first touch. 10^4 claims (`reconcile --json` to `/dev/null`, 4.6
/// MB of report): 2,021 -> 1,106 page faults and 25.0 -> 18.0 ms of CPU
/// time on 2 cores (`perf stat -r 40`); wall time 12.40 -> 11.05 ms on 2
/// cores, 24.05 -> 19.57 ms on one (medians of 100 alternating runs).
/// A half (11.88 ms) or an eighth (11.32 ms) did less well.
fn batch_claims(claims: usize) -> usize {
    (claims / 4).clamp(SMALL_BATCH_CLAIMS, BATCH_CLAIMS)
}

/// Figures in batches of about `size` claims.
fn batches(groups: Vec<Group>, size: usize) -> impl Iterator<Item = Vec<Group>> {
    let mut groups = groups.into_iter().peekable();
    std::iter::from_fn(move || {
        let mut batch = Vec::new();
        let mut claims = 0;
        while claims < size {
            let Some(g) = groups.next() else { break };
            claims += g.claims.len();
            batch.push(g);
        }
        (!batch.is_empty()).then_some(batch)
    })
}

/// The findings of a task's figures, and the errors of those that could
/// not be reconciled.
type Found = (Vec<Finding>, Vec<Error>);
