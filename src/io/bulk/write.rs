//! Writing the report: each task's part of it, the format of a figure, the
//! writer that puts the parts together in order, and the pipeline that
//! writes one batch while the next is reconciled.

use std::io::Write;

use super::super::report::{FigureEntry, unwritten};
use super::super::table::Table;
use super::super::{compact, pretty};
use super::load::Group;
use super::progress::Meter;
use super::{Bulk, TASK_FIGURES};
use crate::{Error, Finding};

/// Room made for each claim's part of the report before a task renders:
/// about what indented JSON takes (compact JSON about half), so the buffer
/// is rarely grown and copied. Growing it cost about a tenth of a
/// `--jsonl` run (`perf` on 10⁶ claims); room never written is never
/// touched. At most [`REPORT_ROOM_MAX`], so a figure of millions of claims
/// asks for no more than that and grows from there.
const REPORT_BYTES_PER_CLAIM: usize = 1024;

/// The most room made ahead for one task's part of the report.
const REPORT_ROOM_MAX: usize = 32 << 20;

/// The format of the report written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Output {
    /// One JSON array, one figure per line, as [`Report::write_json`](super::super::report::Report::write_json) writes it.
    #[default]
    Json,
    /// One indented JSON array, as [`Report::write_json_pretty`](super::super::report::Report::write_json_pretty) writes it.
    JsonPretty,
    /// One figure's object per line, as [`Report::write_jsonl`](super::super::report::Report::write_jsonl) writes it.
    JsonLines,
    /// A plain-text [`Table`], one aligned row per
    /// figure, then the conflicts. The columns are aligned once every
    /// figure is read, so the table is written at the end; only its cells
    /// are kept until then, not the findings.
    Table,
}

/// What is counted of each part written: its figures, its conflicts, and
/// the errors of the figures that could not be reconciled.
pub(super) trait Counter {
    /// Counts a part's `figures` and `conflicts` and keeps the errors of
    /// the figures `unreconciled`.
    fn count(&mut self, figures: u64, conflicts: u64, unreconciled: Vec<Error>);
}

/// A part of the report, rendered by one task.
#[derive(Default)]
pub(super) struct Rendered {
    pub(super) bytes: Vec<u8>,
    /// The part's rows, for a table.
    pub(super) table: Option<Table>,
    pub(super) figures: u64,
    /// The claims of the part's figures.
    pub(super) claims: u64,
    pub(super) conflicts: u64,
    /// The figures that could not be reconciled.
    pub(super) problems: Vec<Error>,
}

/// The figures (reconciled or not) and claims of a batch's parts, for the
/// meter.
#[derive(Default)]
pub(super) struct Done {
    figures: u64,
    claims: u64,
}

impl Done {
    fn add(&mut self, part: &Rendered) {
        self.figures += part.figures + part.problems.len() as u64;
        self.claims += part.claims;
    }
}

/// How each figure is written.
#[derive(Clone, Copy)]
pub(super) struct Format(pub(super) Output);

impl Format {
    /// Appends one figure to `out`: for JSON, a line break and the figure
    /// (indented as an element of the array when pretty), a comma before it
    /// unless it is the first of `out`; for JSON Lines, the figure and a
    /// line break.
    pub(super) fn figure(self, out: &mut Vec<u8>, g: &Group, f: &Finding) {
        let label = g.figure.as_str();
        match self.0 {
            Output::JsonLines => {
                compact::object(out, &FigureEntry::new(f, label, f.conflicts().iter(), g));
                out.push(b'\n');
            }
            array => {
                if !out.is_empty() {
                    out.push(b',');
                }
                out.push(b'\n');
                if array == Output::JsonPretty {
                    out.extend_from_slice(b"  ");
                    pretty::object(out, &FigureEntry::new(f, label, f.conflicts().iter(), g), 1);
                } else {
                    compact::object(out, &FigureEntry::new(f, label, f.conflicts().iter(), g));
                }
            }
        }
    }
}

/// The report's writer: the array's brackets, the commas between parts;
/// for a table, the rows until the end.
pub(super) struct Writer<W: Write> {
    out: std::io::BufWriter<W>,
    pub(super) format: Format,
    written: bool,
    table: Table,
    /// Told how far the run has come after each batch.
    pub(super) meter: Option<Meter>,
}

impl<W: Write> Writer<W> {
    pub(super) fn new(out: W, output: Output) -> Self {
        Writer {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            format: Format(output),
            written: false,
            table: Table::new(),
            meter: None,
        }
    }

    /// Every figure is read: there are `figures`.
    pub(super) fn read(&mut self, figures: usize) {
        if let Some(meter) = &mut self.meter {
            meter.read(figures as u64);
        }
    }

    /// Whether the report is one JSON array.
    fn array(&self) -> bool {
        matches!(self.format.0, Output::Json | Output::JsonPretty)
    }

    fn put(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes).map_err(unwritten)
    }

    /// Writes one part, and returns its bytes' room emptied for the next;
    /// the errors of its figures that could not be reconciled go to
    /// `summary`.
    pub(super) fn write_part(
        &mut self,
        mut part: Rendered,
        summary: &mut impl Counter,
    ) -> Result<Vec<u8>, Error> {
        let mut bytes = std::mem::take(&mut part.bytes);
        summary.count(part.figures, part.conflicts, part.problems);
        if let Some(rows) = part.table {
            self.table.append(rows);
        }
        if !bytes.is_empty() {
            if self.array() {
                self.put(if self.written { b"," } else { b"[" })?;
            }
            self.written = true;
            self.put(&bytes)?;
        }
        bytes.clear();
        Ok(bytes)
    }

    /// Writes a batch's parts, in order: the first that could not be
    /// rendered is the error.
    pub(super) fn write_all(
        &mut self,
        parts: Vec<Result<Rendered, Error>>,
        summary: &mut impl Counter,
    ) -> Result<(), Error> {
        let mut done = Done::default();
        for part in parts {
            let part = part?;
            done.add(&part);
            self.write_part(part, summary)?;
        }
        self.tell(done);
        Ok(())
    }

    /// Tells the meter what a batch `done` wrote.
    fn tell(&mut self, done: Done) {
        if let Some(meter) = &mut self.meter {
            meter.written(done.figures, done.claims);
        }
    }

    pub(super) fn end(&mut self) -> Result<(), Error> {
        if self.format.0 == Output::Table {
            let table = std::mem::take(&mut self.table);
            write!(self.out, "{table}").map_err(unwritten)?;
        } else if self.array() {
            self.put(if self.written { b"\n]\n" } else { b"[]\n" })?;
        }
        self.out.flush().map_err(unwritten)
    }
}

impl Bulk {
    /// Reconciles `groups` and writes their report, in parallel when asked.
    ///
    /// [In turn](Bulk::in_turn), each task's part is written as soon as it
    /// is rendered, into the room of the one before, where a batch's parts
    /// (16 MB of report) were all rendered before any was written: the
    /// kernel copies a part into the file while it is still in the cache.
    /// `reconcile --json` of 4.09 M claims into a file on one core: the
    /// kernel's copy 5.1 % -> 3.5 % of the samples (`perf`), its system
    /// time 0.81 -> 0.74 s (medians of four alternating runs).
    pub(super) fn render<W: Write>(
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
    pub(super) fn rendered(
        &self,
        groups: Vec<Group>,
        format: Format,
    ) -> Vec<Result<Rendered, Error>> {
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
}

/// Batches of figures reconciled on every core by a thread of their own,
/// while the thread that started it reads the input and writes what is
/// reconciled, so that the cores are not idle while a batch is written (or,
/// for sorted input, read).
///
/// Batches are handed over one at a time: while one is reconciled, the next
/// may wait, and [`Pipeline::send`] blocks until the thread takes it. What
/// is reconciled comes back on a channel without bound, so that the thread
/// never waits for the writer while the writer waits to hand over a batch;
/// the writer takes it at each batch it hands over, so that no more than a
/// batch or two of the report wait to be written.
#[cfg(feature = "rayon")]
pub(super) struct Pipeline {
    batches: std::sync::mpsc::SyncSender<Vec<Group>>,
    parts: std::sync::mpsc::Receiver<Vec<Result<Rendered, Error>>>,
}

#[cfg(feature = "rayon")]
impl Pipeline {
    /// Starts the thread that reconciles each batch with `render`, in
    /// `scope`.
    pub(super) fn start<'scope, 'env: 'scope>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        render: impl Fn(Vec<Group>) -> Vec<Result<Rendered, Error>> + Send + 'scope,
    ) -> Pipeline {
        let (batches, to_render) = std::sync::mpsc::sync_channel::<Vec<Group>>(1);
        let (done, parts) = std::sync::mpsc::channel();
        scope.spawn(move || {
            for groups in to_render {
                // The writer has stopped (at an error): so does this.
                if done.send(render(groups)).is_err() {
                    break;
                }
            }
        });
        Pipeline { batches, parts }
    }

    /// Hands `groups` over to be reconciled, then writes every batch
    /// reconciled so far, in order.
    pub(super) fn send<W: Write>(
        &self,
        groups: Vec<Group>,
        writer: &mut Writer<W>,
        summary: &mut impl Counter,
    ) -> Result<(), Error> {
        if self.batches.send(groups).is_err() {
            // The thread has ended, which it does only on a panic: the
            // reading stops here, and the scope passes the panic on.
            return Err(Error::mismatch(
                "the report",
                "the thread that reconciles its figures has stopped",
            ));
        }
        for parts in self.parts.try_iter() {
            writer.write_all(parts, summary)?;
        }
        Ok(())
    }

    /// Waits for the batches handed over and writes them, in order.
    pub(super) fn finish<W: Write>(
        self,
        writer: &mut Writer<W>,
        summary: &mut impl Counter,
    ) -> Result<(), Error> {
        drop(self.batches);
        for parts in self.parts {
            writer.write_all(parts, summary)?;
        }
        Ok(())
    }
}
