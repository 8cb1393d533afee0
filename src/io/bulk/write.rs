//! Writing the report: each task's part of it, the format of a figure, the
//! writer that puts the parts together in order, and the pipeline that
//! writes one batch while the next is reconciled.

use std::io::Write;

use super::super::report::{FigureEntry, unwritten};
use super::super::table::Table;
use super::super::{compact, pretty};
use super::load::Group;
use super::progress::Meter;
use crate::{Error, Finding};

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
    /// Counts `part`'s figures and claims.
    pub(super) fn add(&mut self, part: &Rendered) {
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
    pub(super) fn tell(&mut self, done: Done) {
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
