//! Reading claims into per-figure state: the header, rows of a claims
//! table or lines of JSON Lines, interned ids, figures in order, sorted
//! input checked, chunks of a file cut and merged.

use foldhash::{HashMap, HashSet};
use std::borrow::Cow;
use std::cmp::Ordering;

use super::super::report::Claims;
use super::super::rows::{
    Row, Rows, field_text, joined, one_line_id, other_format, trim, wrong_width,
};
use super::cut::{Pieces, line_breaks, past_header, plain_lines};
use super::json_line;
use crate::error::{Location, Problems, clip};
use crate::model::estimate::Kept;
use crate::model::{ClaimId, FigureId, SourceId};
use crate::{Error, Estimate, Lexicon};

/// The id of the claim on line `line`: `L` and the line, put together in
/// `text` (a task's, emptied for each claim) and allocated once. Made for
/// every claim reconciled: `format!` allocated a `String` and then the id
/// (4.09 M claims on one core, 6.55 -> 6.46 s, three alternating runs);
/// an array on the stack had its bytes checked again as UTF-8 (10^5
/// claims on one thread, 781.8 M -> 778.6 M instructions, callgrind).
pub(super) fn claim_id(line: u64, text: &mut String) -> ClaimId {
    text.clear();
    text.push('L');
    text.push_str(itoa::Buffer::new().format(line));
    ClaimId::from(text.as_str())
}

/// The number `text` is when it is only digits, without a leading zero,
/// at most 19 of them, so that it fits in a `u64` (the value of most
/// claims of a table): read as the phrase reader reads it, without going
/// through its grammar. On one core, `reconcile --json` of 4.09 M claims
/// 6.33 -> 6.14 s (four alternating runs, the same report). The digits
/// are added up here, where `str::parse` took about 100 instructions for
/// a claim's line read back from its id ([`Group::claim`]).
fn whole_number(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let plain = matches!(b, [b'1'..=b'9', ..] | [b'0']) && b.len() <= 19;
    if !plain {
        return None;
    }
    b.iter().try_fold(0u64, |n, &d| {
        let digit = d.checked_sub(b'0').filter(|d| *d <= 9)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

/// One claim as the bulk path keeps it until its figure is reconciled: 48
/// bytes. With the value an [`Estimate`] (72 bytes), a claim took 96, and
/// `reconcile --json` of 4.09 M claims peaked at 566 MB.
#[derive(Debug)]
pub(super) struct Claimed {
    pub(super) line: u64,
    pub(super) source: SourceId,
    pub(super) value: Kept,
}

/// The claims a figure's list has room for when it is made, where a `Vec`
/// made with one claim grew to four at the second (its copy and the
/// allocator's work for each figure): `reconcile --json` of 10^5 claims on
/// one thread 778.6 M -> 773.3 M instructions (callgrind), and of 4.09 M
/// claims peak 477 -> 465 MB. A figure of one claim takes 144 bytes more.
/// Room for two did less (777.9 M), its peak 436 MB.
const FIRST_ROOM: usize = 4;

/// One figure's claims, in the order they were read. Every figure of the
/// bulk path has the default scope (people killed), kept once by the
/// [`Bulk`](super::Bulk).
///
/// The list grows as a `Vec` does, by doubling. Grown one claim at a time
/// up to eight, it left no room unused, which paid while a claim took 96
/// bytes; at 48, `reconcile --json` of 4.09 M claims took 6.48 s on one
/// core and 3.56 s on two so, and 6.28 s and 3.44 s by doubling, its peak
/// 376 -> 447 MB (92 -> 109 B/claim; three alternating runs each). It
/// starts with room for [`FIRST_ROOM`] claims.
#[derive(Debug)]
pub(super) struct Group {
    pub(super) figure: FigureId,
    /// A hash of the figure's id, taken when the group is made, its id
    /// just read: merging chunks matches figures by it and reads an id's
    /// text only when two hashes are equal. Hashing each id again there,
    /// its text long out of the cache, took 3.6 % of the cycles of
    /// `reconcile --json` of 4.09 M claims on one core (`perf`); with the
    /// hashes kept, the fastest of four alternating runs took 3.95 s
    /// against 4.07 s on one core, 2.16 s against 2.26 s on two, its peak
    /// 447 -> 477 MB (8 bytes more a figure, and its hash while merging).
    /// Only chunks read in parallel are merged.
    #[cfg(feature = "rayon")]
    hash: u64,
    pub(super) claims: Vec<Claimed>,
}

impl Claims for Group {
    fn claim(&self, id: &ClaimId) -> Option<(&str, Cow<'_, Estimate>)> {
        let line = id.as_str().strip_prefix('L').and_then(whole_number)?;
        let at = self.claims.binary_search_by_key(&line, |c| c.line).ok()?;
        self.claims
            .get(at)
            .map(|c| (c.source.as_str(), c.value.estimate()))
    }
}

/// The positions of the three columns in a claims table's header.
pub(super) struct Columns {
    pub(super) figure: usize,
    pub(super) source: usize,
    pub(super) value: usize,
    pub(super) count: usize,
}

impl Columns {
    pub(super) fn read<R: std::io::Read>(
        rows: &mut super::super::rows::Rows<R>,
        name: &str,
    ) -> Result<Columns, Error> {
        let header = match rows.next_row() {
            None => {
                return Err(Error::field("header", "the file is empty").at(Location::file(name)));
            }
            Some(row) => row?,
        };
        if let Some(e) = other_format(&header, name) {
            return Err(e);
        }
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

/// Claims read so far: interned ids, figures in the order they first
/// appear, the counts and the problems.
pub(super) struct Loader {
    pub(super) name: String,
    pub(super) sorted: bool,
    /// Lines before those it is handed cut ([`Loader::plain_row`],
    /// [`Loader::json_line`]): of the file before its chunk, or of a sorted
    /// table before the piece it reads. The CSV reader numbers its own.
    pub(super) offset: u64,
    pub(super) sources: HashSet<SourceId>,
    /// Unsorted: every figure, and where it is in `groups`.
    pub(super) index: HashMap<FigureId, usize>,
    pub(super) groups: Vec<Group>,
    /// Sorted: whether the figures read so far ascend in text order (as
    /// `LC_ALL=C sort` orders them), and in natural order ([`natural`]).
    /// Either keeps each figure's claims together; the input is out of
    /// order once neither holds.
    in_text_order: bool,
    in_natural_order: bool,
    /// Sorted: the figure being read, and the figures completed since the
    /// last hand-over.
    pub(super) current: Option<Group>,
    pub(super) done: Vec<Group>,
    pub(super) done_claims: usize,
    pub(super) rows_read: u64,
    pub(super) claims: u64,
    pub(super) rejected: u64,
    pub(super) problems: Problems,
}

impl Loader {
    pub(super) fn new(name: &str, sorted: bool, offset: u64) -> Self {
        Loader {
            name: name.to_owned(),
            sorted,
            offset,
            sources: HashSet::default(),
            index: HashMap::default(),
            groups: Vec::new(),
            in_text_order: true,
            in_natural_order: true,
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

    /// Reads one record of a claims table, at the line the CSV reader
    /// numbers it (from the file's start: see [`Rows::after`]).
    pub(super) fn csv_row(
        &mut self,
        row: Result<Row<'_>, Error>,
        c: &Columns,
    ) -> Result<(), Error> {
        self.rows_read += 1;
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                self.reject(e);
                return Ok(());
            }
        };
        if row.record.len() != c.count {
            let text = joined(row.record);
            let e = wrong_width(&text, row.record.len(), c.count);
            self.reject(e.at(self.at(row.line)));
            return Ok(());
        }
        let line = row.line;
        let cell = |i: usize, field: &str, id: bool| {
            field_text(&row, i, &self.name, Some(field))
                .and_then(|t| if id { one_line_id(t) } else { Ok(t) })
                .map_err(|e| e.at(self.at(line).with_column(i as u64 + 1).with_field(field)))
        };
        let (figure, source, value) = match (
            cell(c.figure, "figure", true),
            cell(c.source, "source", true),
            cell(c.value, "value", false),
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

    /// Reads line `line` of a piece of a claims table without quotes (see
    /// [`plain_lines`](super::cut::plain_lines)), its fields cut at its commas, as
    /// [`Loader::csv_row`] reads the CSV reader's record of it.
    pub(super) fn plain_row(&mut self, line: u64, text: &str, c: &Columns) -> Result<(), Error> {
        self.rows_read += 1;
        let line = self.offset + line;
        // The bulk reader's tables have its three columns, no other (see
        // `Columns::read`). The cuts at a row's two commas are found in one
        // pass (a comma is ASCII, so each cut is between characters), and
        // each cell trimmed once: where each cut looked for its column
        // among the three and trimmed its cell in a closure, `reconcile
        // --json` of 10^5 claims took 829.4 M instructions, not 818.9 M.
        debug_assert_eq!(c.count, 3);
        let (mut cuts, mut commas) = ([0usize; 2], 0usize);
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b == b',' {
                if let Some(cut) = cuts.get_mut(commas) {
                    *cut = i;
                }
                commas += 1;
            }
        }
        let count = commas + 1;
        if count != c.count {
            self.reject(wrong_width(text, count, c.count).at(self.at(line)));
            return Ok(());
        }
        let [one, two] = cuts;
        let cut = |a: usize, b: usize| {
            super::super::rows::trimmed_text(text.get(a..b).unwrap_or_default())
        };
        let cells = [cut(0, one), cut(one + 1, two), cut(two + 1, text.len())];
        let cell = |k: usize| cells.get(k).copied().unwrap_or_default();
        let (figure, source, value) = (cell(c.figure), cell(c.source), cell(c.value));
        self.claim(
            line,
            [(c.figure, figure), (c.source, source), (c.value, value)],
        )
    }

    /// Reads one line of JSON Lines input; a blank line is no row.
    pub(super) fn json_line(&mut self, line: u64, bytes: &[u8]) -> Result<(), Error> {
        let line = self.offset + line;
        let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) if line == 1 => rest,
            _ => bytes,
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        self.rows_read += 1;
        // Without its line break, serde places every problem on this line.
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        match json_line::read(bytes) {
            Ok(c) => self.claim(line, [(0, &c.figure), (0, &c.source), (0, &c.value)]),
            Err(m) => {
                let mut at = self.at(line);
                if let Some(column) = m.column {
                    at = at.with_column(column);
                }
                if let Some(field) = m.field {
                    at = at.with_field(field);
                }
                self.reject(m.error.at(at));
                Ok(())
            }
        }
    }

    /// Adds a claim on line `line` of the whole input from its three
    /// fields, each with its column (all 0 when the input has no columns).
    fn claim(&mut self, line: u64, fields: [(usize, &str); 3]) -> Result<(), Error> {
        let [(fc, figure), (sc, source), (vc, value)] = fields;
        // A table's three columns are apart; a JSON line has none, its
        // fields all at column 0, and is no table of cells.
        let table = fc != sc;
        let at = |column: usize, field: &str| {
            let at = Location::file(&self.name).with_line(line).with_field(field);
            if table {
                at.with_column(column as u64 + 1)
            } else {
                at
            }
        };
        let empty = || {
            if table {
                Error::empty_cell()
            } else {
                Error::empty_field()
            }
        };
        let mut bad = Vec::new();
        for (column, field, text) in [(fc, "figure", figure), (sc, "source", source)] {
            if trim(text).is_empty() {
                bad.push(empty().at(at(column, field)));
            }
        }
        // The report writes a value from its form, never from the text it
        // was read from: a claim keeps no copy of that text.
        let parsed = if trim(value).is_empty() {
            Err(empty())
        } else if let Some(n) = whole_number(value) {
            Ok(Kept::whole(n))
        } else {
            crate::text::phrase(value, Lexicon::shared()).map(|v| Kept::from(v.without_text()))
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
        let (figure, source) = (trim(figure), trim(source));
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
            #[cfg(feature = "rayon")]
            hash: id_hash(figure.as_str()),
            figure,
            claims: {
                let mut claims = Vec::with_capacity(FIRST_ROOM);
                claims.push(first);
                claims
            },
        }
    }

    /// Adds a claim of sorted input: to the current figure, or to a next
    /// one, which must come after it in text order or in natural order, as
    /// every figure before it has.
    fn sorted_claim(&mut self, figure: &str, claim: Claimed, at: Location) -> Result<(), Error> {
        if let Some(g) = &mut self.current {
            let last = g.figure.as_str();
            if figure == last {
                g.claims.push(claim);
                return Ok(());
            }
            self.in_text_order = self.in_text_order && figure > last;
            self.in_natural_order = self.in_natural_order && natural(figure, last).is_gt();
            if !(self.in_text_order || self.in_natural_order) {
                return Err(Error::field(
                    format!("figure `{}`", clip(figure)),
                    format!(
                        "the input is not sorted by figure: it comes after figure `{}`; \
                         sort the file by figure (in text order, as `LC_ALL=C sort` does, \
                         or with runs of digits compared as numbers, `f2` before `f10`), \
                         or read it unsorted",
                        clip(last)
                    ),
                )
                .at(at));
            }
            self.close();
        }
        self.current = Some(self.group(FigureId::from(figure), claim));
        Ok(())
    }

    /// Reads JSON Lines from `input` a line at a time, handing the loader
    /// to `flush` after each line.
    pub(super) fn read_json_lines(
        &mut self,
        input: impl std::io::Read,
        mut flush: impl FnMut(&mut Loader) -> Result<(), Error>,
    ) -> Result<(), Error> {
        use std::io::BufRead;
        let mut lines = std::io::BufReader::new(input);
        let mut line = Vec::new();
        let mut at = 0;
        loop {
            line.clear();
            let n = lines
                .read_until(b'\n', &mut line)
                .map_err(|e| Error::io(self.name.clone(), e))?;
            if n == 0 {
                return Ok(());
            }
            at += 1;
            self.json_line(at, &line)?;
            flush(self)?;
        }
    }

    /// Reads a claims table from `input` a piece of about `size` bytes at
    /// a time, handing the loader to `flush` after each row: the header
    /// read by the CSV reader, each piece without a quote cut into lines
    /// and fields as the chunks of a table read whole are; from the first
    /// piece with a quote on (a quote may hold a line break), the rest
    /// through the CSV reader, as is a file whose header is not in its
    /// first piece. On one core, `reconcile --json --sorted` of 10^5
    /// claims: 1.0764 G -> 0.9809 G instructions (callgrind; read row by
    /// row by the CSV reader before), the same report.
    pub(super) fn read_table(
        &mut self,
        input: impl std::io::Read,
        size: usize,
        mut flush: impl FnMut(&mut Loader) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let name = self.name.clone();
        let unread = |e| Error::io(name.clone(), e);
        let mut pieces = Pieces::new(input, size);
        let mut columns = None;
        let mut before = 0;
        let mut by_reader = false;
        while let Some(piece) = pieces.next_piece().map_err(unread)? {
            if piece.contains(&b'"') {
                by_reader = true;
                break;
            }
            let (body, c) = match &columns {
                Some(c) => (piece, c),
                None => {
                    let (end, lines) = past_header(piece);
                    let header = piece.get(..end).unwrap_or_default();
                    let header = header.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(header);
                    if !header.iter().any(|&b| b != b'\r' && b != b'\n') {
                        by_reader = true;
                        break;
                    }
                    let mut rows = Rows::new(piece, &name);
                    before = lines;
                    (
                        piece.get(end..).unwrap_or_default(),
                        &*columns.insert(Columns::read(&mut rows, &name)?),
                    )
                }
            };
            match plain_lines(body) {
                Some(lines) => {
                    self.offset = before;
                    for (line, text) in lines {
                        self.plain_row(line, text, c)?;
                        flush(self)?;
                    }
                }
                None => {
                    let mut rows = Rows::after(body, &name, before);
                    while let Some(row) = rows.next_row() {
                        self.csv_row(row, c)?;
                        flush(self)?;
                    }
                }
            }
            before += line_breaks(body, false);
        }
        if by_reader || columns.is_none() {
            let rest = pieces.last_piece_on();
            let (mut rows, columns) = match columns {
                Some(c) => (Rows::after(rest, &name, before), c),
                None => {
                    let mut rows = Rows::new(rest, &name);
                    let c = Columns::read(&mut rows, &name)?;
                    (rows, c)
                }
            };
            while let Some(row) = rows.next_row() {
                self.csv_row(row, &columns)?;
                flush(self)?;
            }
        }
        Ok(())
    }

    /// Completes the figure being read, if any.
    pub(super) fn close(&mut self) {
        if let Some(g) = self.current.take() {
            self.done_claims += g.claims.len();
            self.done.push(g);
        }
    }

    /// Every figure waiting to be reconciled.
    pub(super) fn take_groups(&mut self) -> Vec<Group> {
        self.close();
        let mut groups = std::mem::take(&mut self.groups);
        groups.append(&mut self.done);
        self.index = HashMap::default();
        groups
    }

    /// Adds a later chunk's counts and problems.
    #[cfg(feature = "rayon")]
    fn absorb_counts(&mut self, part: &mut Loader) {
        self.rows_read += part.rows_read;
        self.claims += part.claims;
        self.rejected += part.rejected;
        let (kept, more) = part.problems.drain();
        for e in kept {
            self.problems.push(e);
        }
        self.problems.skipped(more);
    }
}

/// The shards chunks' figures are matched in, each on a core of its own:
/// a figure's shard is a hash of its id.
#[cfg(feature = "rayon")]
const SHARDS: u64 = 64;

/// The hash of a figure's id that chunks are merged by ([`Group::hash`]).
#[cfg(feature = "rayon")]
fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0).hash_one(id)
}

/// A chunk's figure (chunk, place in it) whose claims go to the same
/// figure in an earlier chunk.
#[cfg(feature = "rayon")]
struct Move {
    from: (u32, u32),
    to: (u32, u32),
}

/// Merges the loaders of a file's chunks, in order, into one: the counts
/// and problems added up, each figure's claims in the order read, the
/// figures in the order they first appear. Which figures of later chunks
/// continue one of an earlier chunk is found on every core, a shard of
/// figures each. The merge this replaces, one chunk after another into
/// one table of every figure, took 0.2 s of `reconcile --json` of 4.09 M
/// claims on the main thread, the other cores idle.
#[cfg(feature = "rayon")]
pub(super) fn merge_chunks(name: &str, mut parts: Vec<Loader>) -> Loader {
    use rayon::prelude::*;
    use smallvec::SmallVec;

    let shard = |g: &Group| (g.hash % SHARDS) as usize;
    // Each chunk's figures, by shard: their places in the chunk and their
    // hashes, read here in order rather than from the groups in a shard's.
    let by_shard: Vec<Vec<Vec<(u32, u32)>>> = parts
        .par_iter()
        .map(|part| {
            let mut by = vec![Vec::new(); SHARDS as usize];
            for (i, g) in part.groups.iter().enumerate() {
                if let Some(places) = by.get_mut(shard(g)) {
                    // The hash's high half: its low bits chose the shard.
                    places.push((i as u32, (g.hash >> 32) as u32));
                }
            }
            by
        })
        .collect();
    let moves: Vec<Vec<Move>> = (0..SHARDS as usize)
        .into_par_iter()
        .map(|s| {
            // By hash, the first place of each figure with that hash: one,
            // unless two ids share a hash.
            let mut first: HashMap<u32, SmallVec<[(u32, u32); 1]>> = HashMap::default();
            let mut moves = Vec::new();
            let group = |(c, i): (u32, u32)| {
                parts
                    .get(c as usize)
                    .and_then(|p: &Loader| p.groups.get(i as usize))
            };
            for (c, by) in by_shard.iter().enumerate() {
                for &(i, hash) in by.get(s).map(Vec::as_slice).unwrap_or_default() {
                    let at = (c as u32, i);
                    let places = first.entry(hash).or_default();
                    // Ids are read only when hashes are equal.
                    let same = places.iter().find(|&&p| match (group(p), group(at)) {
                        (Some(f), Some(g)) => f.figure == g.figure,
                        _ => false,
                    });
                    match same {
                        Some(&to) => moves.push(Move { from: at, to }),
                        None => places.push(at),
                    }
                }
            }
            moves
        })
        .collect();
    drop(by_shard);
    let mut moves: Vec<Move> = moves.into_iter().flatten().collect();
    // In the order read, so that a figure's claims stay in it.
    moves.sort_unstable_by_key(|m| m.from);
    for m in &moves {
        // A figure is one group per chunk (an unsorted loader's index), so
        // `to` is in an earlier chunk; claims are only taken once their
        // figure is found there.
        debug_assert!(m.to.0 < m.from.0);
        let (earlier, later) = parts.split_at_mut(m.from.0 as usize);
        let into = earlier
            .get_mut(m.to.0 as usize)
            .and_then(|p| p.groups.get_mut(m.to.1 as usize));
        let from = later
            .first_mut()
            .and_then(|p| p.groups.get_mut(m.from.1 as usize));
        if let (Some(into), Some(from)) = (into, from) {
            into.claims.append(&mut from.claims);
        }
    }
    let mut whole = Loader::new(name, false, 0);
    let figures: usize = parts.iter().map(|p| p.groups.len()).sum();
    whole.groups.reserve(figures.saturating_sub(moves.len()));
    for mut part in parts {
        whole.absorb_counts(&mut part);
        // A figure whose claims moved to an earlier chunk has none left;
        // every other has at least one.
        whole
            .groups
            .extend(part.groups.into_iter().filter(|g| !g.claims.is_empty()));
    }
    whole
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Digits, with or without a leading zero, signs, spaces, points,
        /// too many for a `u64`: a whole number read as the phrase reader
        /// reads it, or left to the reader.
        #[test]
        fn a_whole_number_is_what_the_phrase_reader_reads(text in "[0-9]{1,21}|[ +-]?[0-9]{1,4}[ .,]?[0-9]{0,3}") {
            if let Some(n) = whole_number(&text) {
                let read = crate::text::phrase(&text, Lexicon::shared()).unwrap();
                proptest::prop_assert_eq!(read.form(), &crate::model::Form::Exact(n.into()));
            }
        }
    }

    #[test]
    fn a_claim_id_is_l_and_the_line() {
        for (line, id) in [(0, "L0"), (12, "L12"), (u64::MAX, "L18446744073709551615")] {
            assert_eq!(claim_id(line, &mut String::new()).as_str(), id);
        }
    }

    #[test]
    fn natural_order_compares_digit_runs_as_numbers() {
        assert_eq!(natural("f2", "f10"), Ordering::Less);
        assert_eq!(natural("f10", "f9"), Ordering::Greater);
        assert_eq!(natural("a", "b"), Ordering::Less);
        assert_eq!(natural("f1x", "f1x"), Ordering::Equal);
        assert_eq!(natural("f01", "f1"), "f01".cmp("f1"));
        assert_eq!(natural("f1", "f1a"), Ordering::Less);
    }

    /// The figures of JSON Lines `lines` read by one loader, or by one
    /// loader per piece and merged: each figure's lines, in order. With
    /// `collide`, every figure's hash is made the same before the merge, as
    /// if every id shared one.
    #[cfg(feature = "rayon")]
    fn figures_read(lines: &[String], pieces: &[usize], collide: bool) -> Vec<(String, Vec<u64>)> {
        let mut parts = Vec::new();
        let mut start = 0;
        for end in pieces.iter().copied().chain([lines.len()]) {
            let end = end.clamp(start, lines.len());
            let mut part = Loader::new("t.jsonl", false, start as u64);
            for (i, line) in lines[start..end].iter().enumerate() {
                part.json_line(i as u64 + 1, line.as_bytes()).unwrap();
            }
            part.close();
            if collide {
                part.groups.iter_mut().for_each(|g| g.hash = 7);
            }
            parts.push(part);
            start = end;
        }
        merge_chunks("t.jsonl", parts)
            .take_groups()
            .into_iter()
            .map(|g| {
                (
                    g.figure.to_string(),
                    g.claims.iter().map(|c| c.line).collect(),
                )
            })
            .collect()
    }

    /// A loader's counts (rows, claims, rejected), problems and figures,
    /// each with its claims as text.
    type Read = (u64, u64, u64, Vec<String>, Vec<(String, Vec<String>)>);

    /// What `loader` read: its counts, its problems and each figure's
    /// claims (line, source, value).
    fn read_by(mut loader: Loader) -> Read {
        let (problems, _) = loader.problems.drain();
        let groups = loader.take_groups();
        let figures = groups
            .iter()
            .map(|g| {
                let claims = g
                    .claims
                    .iter()
                    .map(|c| format!("{} {} {}", c.line, c.source, c.value.estimate()));
                (g.figure.to_string(), claims.collect())
            })
            .collect();
        let problems = problems.iter().map(ToString::to_string).collect();
        (
            loader.rows_read,
            loader.claims,
            loader.rejected,
            problems,
            figures,
        )
    }

    proptest::proptest! {
        /// The rows of a claims table without quotes, whatever their line
        /// breaks, blank lines, padding, field counts and values, in any
        /// order of the columns: cut into lines and fields without the CSV
        /// reader, what the CSV reader reads, each problem at its place.
        #[test]
        fn rows_cut_without_the_csv_reader_are_those_it_reads(
            rows in proptest::collection::vec(
                (
                    proptest::sample::select(vec!["f1", " f2", "f3 ", "", "f\u{e9}", "\u{a0}f4"]),
                    proptest::sample::select(vec!["a", "b ", "\tc", "", "a,b", "\x0bd\x0c"]),
                    proptest::sample::select(vec!["5", " 12", "50–170", "dozens", "x", "", "7\u{a0}", "1,000", "-3"]),
                    proptest::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " \n", "\n\r\n", ""]),
                ),
                0..30,
            ),
            order in proptest::sample::select(vec![[0, 1, 2], [2, 0, 1], [1, 2, 0]]),
            offset in 0u64..3,
        ) {
            let mut body = String::new();
            for (figure, source, value, end) in &rows {
                let mut cells = [""; 3];
                for (k, text) in order.iter().zip([figure, source, value]) {
                    cells[*k] = text;
                }
                body.push_str(&cells.join(","));
                body.push_str(end);
            }
            let [figure, source, value] = order;
            let c = Columns { figure, source, value, count: 3 };
            let Some(lines) = super::super::cut::plain_lines(body.as_bytes()) else {
                // A lone CR: the CSV reader reads the piece.
                proptest::prop_assert!(body.replace("\r\n", "").contains('\r'));
                return Ok(());
            };
            let mut cut = Loader::new("t.csv", false, offset);
            for (line, text) in lines {
                cut.plain_row(line, text, &c).unwrap();
            }
            let mut read = Loader::new("t.csv", false, offset);
            let mut csv = super::super::super::rows::Rows::after(body.as_bytes(), "t.csv", offset);
            while let Some(row) = csv.next_row() {
                read.csv_row(row, &c).unwrap();
            }
            proptest::prop_assert_eq!(read_by(cut), read_by(read), "{:?}", body);
        }
    }

    #[cfg(feature = "rayon")]
    proptest::proptest! {
        /// Figures scattered through a file, cut anywhere into chunks:
        /// merged, the figures are those of one reading, in the order they
        /// first appear, each with its claims in the order read.
        #[test]
        fn chunks_merged_are_the_file_read_whole(
            figures in proptest::collection::vec(0u8..12, 1..200),
            mut cuts in proptest::collection::vec(0usize..200, 0..6),
        ) {
            let lines: Vec<String> = figures
                .iter()
                .map(|f| format!(r#"{{"figure":"f{f}","source":"s","value":"{f}"}}"#))
                .collect();
            cuts.sort_unstable();
            let whole = figures_read(&lines, &[], false);
            proptest::prop_assert_eq!(figures_read(&lines, &cuts, false), whole.clone());
            // Figures matched by their ids, not only by their hashes.
            proptest::prop_assert_eq!(figures_read(&lines, &cuts, true), whole.clone());
            let mut seen = Vec::new();
            for f in &figures {
                if !seen.contains(f) {
                    seen.push(*f);
                }
            }
            let order: Vec<String> = seen.iter().map(|f| format!("f{f}")).collect();
            proptest::prop_assert_eq!(whole.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>(), order);
        }
    }
}
