//! CSV records with the line each one starts on, right whatever the line
//! ends (LF, CRLF or CR) and after a byte order mark, and a quote left open
//! at the end of the input reported instead of swallowing the rows after it.
//!
//! The `csv` crate counts lines by `\n` alone and its positions are one low
//! under CRLF; a CR-only file is all "line 1". The reader here counts line
//! ends itself as the bytes stream past, keeping only those not yet reached
//! by a record, so memory stays bounded by the reader's look-ahead.

use std::collections::VecDeque;
use std::io::{self, Read};

use super::lowercase_first;
use crate::Error;
use crate::error::Location;

/// Where a quoted field began, for a quote that is never closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Opened {
    /// The offset of the opening quote.
    offset: u64,
    /// The 1-based line of the opening quote.
    line: u64,
    /// The 1-based column (field number) it opens.
    column: u64,
}

/// What the bytes seen so far say about lines and quotes.
#[derive(Debug, Default)]
struct Tracker {
    /// Bytes seen, not counting a byte order mark.
    offset: u64,
    /// The offset and line of each record's first byte that no record
    /// has reached yet.
    record_starts: VecDeque<(u64, u64)>,
    /// Lines started so far.
    lines_seen: u64,
    /// At the start of a line, before any of its bytes.
    line_start: bool,
    /// The input is at its end.
    eof: bool,
    /// The last byte was a CR (its LF, if any, is in the next chunk).
    after_cr: bool,
    /// The last byte was an LF.
    after_lf: bool,
    quote: QuoteState,
    /// Fields begun on the current record, for the quote scanner.
    field: u64,
    /// Where the current quoted field opened.
    opened: Option<Opened>,
    /// Bytes of a possible byte order mark still to check.
    bom_left: u8,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum QuoteState {
    /// At the start of a field.
    #[default]
    FieldStart,
    /// In a field that did not start with a quote.
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// A quote inside a quoted field: it closes the field, or doubles.
    QuoteInQuoted,
}

impl Tracker {
    fn new() -> Self {
        Tracker {
            bom_left: 3,
            line_start: true,
            ..Tracker::default()
        }
    }

    /// A line starts at byte `at`; it ends the record unless a quoted
    /// field goes on.
    fn line_break(&mut self) {
        self.lines_seen += 1;
        if self.quote != QuoteState::Quoted {
            self.line_start = true;
            self.quote = QuoteState::FieldStart;
            self.field = 0;
        }
    }

    /// Follows the bytes the CSV reader is given (those after a BOM).
    fn scan(&mut self, bytes: &[u8]) {
        if let Some(&last) = bytes.last() {
            self.after_lf = last == b'\n';
        }
        for &b in bytes {
            let at = self.offset;
            self.offset += 1;
            if std::mem::take(&mut self.after_cr) {
                // A CR ends a line, with the LF after it if there is one.
                self.line_break();
                if b == b'\n' {
                    continue;
                }
            }
            match b {
                b'\r' => {
                    self.after_cr = true;
                    continue;
                }
                b'\n' => {
                    self.line_break();
                    continue;
                }
                _ => {}
            }
            if std::mem::take(&mut self.line_start) {
                self.record_starts.push_back((at, self.lines_seen + 1));
            }
            self.quote = match (self.quote, b) {
                (QuoteState::FieldStart, b'"') => {
                    self.field += 1;
                    self.opened = Some(Opened {
                        offset: at,
                        line: self.lines_seen + 1,
                        column: self.field,
                    });
                    QuoteState::Quoted
                }
                (QuoteState::FieldStart, b',') => {
                    self.field += 1;
                    QuoteState::FieldStart
                }
                (QuoteState::FieldStart, _) => {
                    self.field += 1;
                    QuoteState::Unquoted
                }
                (QuoteState::Unquoted | QuoteState::QuoteInQuoted, b',') => QuoteState::FieldStart,
                (QuoteState::Unquoted, _) => QuoteState::Unquoted,
                (QuoteState::Quoted, b'"') => QuoteState::QuoteInQuoted,
                (QuoteState::Quoted, _) => QuoteState::Quoted,
                (QuoteState::QuoteInQuoted, b'"') => QuoteState::Quoted,
                (QuoteState::QuoteInQuoted, _) => QuoteState::Unquoted,
            };
        }
    }

    /// The first byte and 1-based line of the record the CSV reader
    /// began reading at `offset` (it skips blank lines and the LF of a
    /// CRLF before a record's first byte).
    fn record_at(&mut self, offset: u64) -> (u64, u64) {
        while self.record_starts.front().is_some_and(|&(o, _)| o < offset) {
            self.record_starts.pop_front();
        }
        self.record_starts
            .pop_front()
            .unwrap_or((offset, self.lines_seen + 1))
    }
}

/// A reader that shows the CSV reader the bytes after a UTF-8 byte order
/// mark, and tracks lines and quotes as they pass.
struct Tracked<R> {
    inner: R,
    tracker: Tracker,
    /// A line feed to hand the CSV reader before the input, which it
    /// skips as a blank line: it strips a byte order mark only at the
    /// start of what it reads.
    lead: bool,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.lead {
            if let Some(first) = buf.first_mut() {
                *first = b'\n';
                self.lead = false;
                return Ok(1);
            }
        }
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 && !buf.is_empty() {
                self.tracker.eof = true;
            }
            let mut start = 0;
            while self.tracker.bom_left > 0 && start < n {
                let want = [0xEF, 0xBB, 0xBF][usize::from(3 - self.tracker.bom_left)];
                if buf[start] == want {
                    self.tracker.bom_left -= 1;
                    start += 1;
                } else if self.tracker.bom_left == 3 {
                    self.tracker.bom_left = 0;
                } else {
                    // A partial mark: not a BOM after all. Too rare to
                    // restore; the bytes are text the CSV reader will see
                    // as invalid UTF-8 and report.
                    self.tracker.bom_left = 0;
                }
            }
            if start > 0 {
                buf.copy_within(start..n, 0);
            }
            let n = n - start;
            if n == 0 && start > 0 {
                // The chunk held only the mark: read on.
                continue;
            }
            self.tracker.scan(&buf[..n]);
            return Ok(n);
        }
    }
}

/// A claims-table reader: records with their lines, and located errors.
pub(crate) struct Rows<R: Read> {
    reader: csv::Reader<Tracked<R>>,
    name: String,
    record: csv::ByteRecord,
}

/// One record of the table.
pub(crate) struct Row<'a> {
    /// The 1-based line it starts on.
    pub(crate) line: u64,
    /// Its fields, as written: read them trimmed with [`field_text`].
    pub(crate) record: &'a csv::ByteRecord,
}

impl<R: Read> Rows<R> {
    /// A reader of `input`, named `name` in errors. Records may have any
    /// number of fields (the loader checks them).
    pub(crate) fn new(input: R, name: &str) -> Self {
        Rows::tracked(input, name, Tracker::new(), false)
    }

    /// A reader of `input`, the rest of a table after its first `lines`
    /// lines: lines are numbered on from there, and a byte order mark
    /// there is text, as it is anywhere but at the start of a file.
    pub(crate) fn after(input: R, name: &str, lines: u64) -> Self {
        let tracker = Tracker {
            lines_seen: lines,
            line_start: true,
            // The line feed handed first.
            offset: 1,
            ..Tracker::default()
        };
        Rows::tracked(input, name, tracker, true)
    }

    fn tracked(input: R, name: &str, tracker: Tracker, lead: bool) -> Self {
        let reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(Tracked {
                inner: input,
                tracker,
                lead,
            });
        Rows {
            reader,
            name: name.to_owned(),
            record: csv::ByteRecord::new(),
        }
    }

    /// The next record, `None` at the end; an error names its place.
    ///
    /// A record that runs to the end of the input inside a quoted field
    /// (a quote never closed) is an error at the quote.
    pub(crate) fn next_row(&mut self) -> Option<Result<Row<'_>, Error>> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                let offset = self.record.position().map_or(0, csv::Position::byte);
                let (start, line) = self.reader.get_mut().tracker.record_at(offset);
                if let Some(e) = self.unclosed_quote(start, line) {
                    return Some(Err(e));
                }
                Some(Ok(Row {
                    line,
                    record: &self.record,
                }))
            }
            Err(e) => {
                let offset = e.position().map_or(0, csv::Position::byte);
                let (_, line) = self.reader.get_mut().tracker.record_at(offset);
                Some(Err(Error::syntax(lowercase_first(&e.to_string()))
                    .at(Location::file(&self.name).with_line(line))))
            }
        }
    }

    /// The error for a quote left open at the end of the input, when the
    /// record starting at byte `start` holds it.
    fn unclosed_quote(&self, start: u64, line: u64) -> Option<Error> {
        let tracker = &self.reader.get_ref().tracker;
        if !tracker.eof || tracker.quote != QuoteState::Quoted {
            return None;
        }
        let opened = tracker.opened.filter(|o| o.offset >= start)?;
        // The quote's line and those after it that hold any byte: the last
        // one is not counted yet unless an LF ended it.
        let last = tracker.lines_seen + u64::from(!tracker.after_lf);
        let swallowed = (last + 1).saturating_sub(opened.line);
        Some(
            Error::syntax(format!(
                "a quote opens here and is never closed: the {} after it would be read \
                 into this one field (the row starts on line {line})",
                if swallowed == 1 {
                    "line".to_owned()
                } else {
                    format!("{swallowed} lines")
                }
            ))
            .at(Location::file(&self.name)
                .with_line(opened.line)
                .with_column(opened.column)),
        )
    }
}

/// Whitespace around a field, as the `csv` crate's trimming reads it:
/// space, tab, line feed, vertical tab, form feed, carriage return.
fn is_blank(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `bytes` without the whitespace around them. Fields are trimmed as they
/// are read, not by the reader, which rebuilds every record to trim it:
/// that rebuild took 5.5% of the instructions of `reconcile --json` on
/// 10^5 claims (callgrind).
pub(crate) fn trimmed(bytes: &[u8]) -> &[u8] {
    bytes.get(unblank(bytes)).unwrap_or_default()
}

/// Where `bytes` are, without the whitespace around them.
fn unblank(bytes: &[u8]) -> std::ops::Range<usize> {
    let start = bytes
        .iter()
        .position(|b| !is_blank(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !is_blank(b))
        .map_or(start, |e| e + 1);
    start..end
}

/// `text` without the whitespace around it, as [`field_text`] trims a
/// field's bytes (only ASCII bytes are cut, so what is left is text).
pub(crate) fn trimmed_text(text: &str) -> &str {
    text.get(unblank(text.as_bytes())).unwrap_or_default()
}

/// Why the header `row` of an input read as a claims table is another
/// format's first line: a JSON object (JSON Lines) or TOML (a dossier),
/// where the table's reader would call every part of it an unknown column.
pub(crate) fn other_format(row: &Row<'_>, name: &str) -> Option<Error> {
    let line = joined(row.record);
    let line = trimmed(line.as_bytes());
    let reason = if line.starts_with(b"{") {
        "the first line is a JSON object, not a claims table's header: JSON Lines are read \
         by the bulk reader, from a file named `.jsonl` or `.ndjson`"
    } else if super::is_toml_line(line) {
        "the first line is TOML, not a claims table's header: a dossier in TOML is read whole, \
         from a file named `.toml`, never as a table"
    } else {
        return None;
    };
    Some(Error::syntax(reason).at(Location::file(name).with_line(row.line)))
}

/// An id read from a cell, when it is on one line. A cell holds a line
/// break only when quoted; in an id that is nearly always a quote left
/// open, which takes the rows up to the next quote into one cell: they
/// would be lost inside an id rather than reported.
pub(crate) fn one_line_id(text: &str) -> Result<&str, Error> {
    if text.bytes().any(|b| b == b'\n' || b == b'\r') {
        return Err(Error::field(
            format!("id '{}'", crate::error::clip(text)),
            "it holds a line break, and an id is on one line: a quote left open here \
             takes every row up to the next quote into the cell",
        ));
    }
    Ok(text)
}

/// A row of `fields` fields, `text` as read, where the header has
/// `header`: the row quoted (by its start when long), the two counts.
pub(crate) fn wrong_width(text: &str, fields: usize, header: usize) -> Error {
    let s = if fields == 1 { "" } else { "s" };
    Error::field(
        format!("row '{}'", crate::error::clip(text)),
        format!("it has {fields} field{s} but the header has {header}"),
    )
}

/// The fields of `record` joined by commas, as one text: a row as read,
/// for an error to quote (a byte that is not UTF-8 shown as `�`).
pub(crate) fn joined(record: &csv::ByteRecord) -> String {
    let fields: Vec<std::borrow::Cow<'_, str>> =
        record.iter().map(String::from_utf8_lossy).collect();
    fields.join(",")
}

/// `text` without the whitespace around it, as `str::trim` gives it; at
/// once when it begins and ends with a visible ASCII character, as nearly
/// every id and value does, where `str::trim` decodes a character at each
/// end (4 % of the instructions of `reconcile --json`, 10^5 claims).
pub(crate) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// A field as text, without the whitespace around it (a no-break space
/// pasted from a web page included, on every path alike); invalid UTF-8 is
/// an error at its line and column.
pub(crate) fn field_text<'a>(
    row: &Row<'a>,
    i: usize,
    name: &str,
    field: Option<&str>,
) -> Result<&'a str, Error> {
    let bytes = trimmed(row.record.get(i).unwrap_or_default());
    std::str::from_utf8(bytes).map(trim).map_err(|e| {
        let mut at = Location::file(name)
            .with_line(row.line)
            .with_column(i as u64 + 1);
        if let Some(f) = field {
            at = at.with_field(f);
        }
        Error::syntax(format!(
            "the text is not valid UTF-8 from byte {} of the field: '{}' (� marks the bytes that are not)",
            e.valid_up_to() + 1,
            crate::error::clip(&String::from_utf8_lossy(bytes)),
        ))
        .at(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_of_another_width_is_quoted_and_its_fields_counted() {
        assert_eq!(
            wrong_width("f1,a", 2, 3).to_string(),
            "row 'f1,a': it has 2 fields but the header has 3"
        );
        assert_eq!(
            wrong_width("   ", 1, 3).to_string(),
            "row '   ': it has 1 field but the header has 3"
        );
        let long = wrong_width(&"x,".repeat(5_000), 5_001, 3).to_string();
        assert!(long.len() < 200, "{long}");
        assert!(long.contains("… (10000 bytes)'"), "{long}");
    }

    /// Every record's line and first field, or the error.
    fn lines(input: &[u8]) -> Vec<Result<(u64, String), String>> {
        let mut rows = Rows::new(input, "t.csv");
        let mut out = Vec::new();
        while let Some(r) = rows.next_row() {
            out.push(match r {
                Ok(row) => Ok((
                    row.line,
                    field_text(&row, 0, "t.csv", None)
                        .map_or_else(|e| e.to_string(), str::to_owned),
                )),
                Err(e) => Err(e.to_string()),
            });
        }
        out
    }

    fn ok(v: &[(u64, &str)]) -> Vec<Result<(u64, String), String>> {
        v.iter().map(|(l, s)| Ok((*l, (*s).to_owned()))).collect()
    }

    #[test]
    fn the_rest_of_a_table_is_numbered_on_and_keeps_a_byte_order_mark() {
        let mut rows = Rows::after(&b"\xEF\xBB\xBFa,1\r\n\nb,\"2\n"[..], "t.csv", 5);
        let first = rows
            .next_row()
            .map(|r| r.map(|row| (row.line, row.record[0].to_vec())));
        assert_eq!(
            first.and_then(Result::ok),
            Some((6, "\u{feff}a".as_bytes().to_vec()))
        );
        let Some(Err(e)) = rows.next_row() else {
            panic!("the open quote is an error")
        };
        assert!(e.to_string().starts_with("t.csv line 8, column 2:"), "{e}");
        assert!(e.to_string().contains("the row starts on line 8"), "{e}");
        // Without a line break at the end, or with a CR, the quote's own line.
        for end in ["", "\r"] {
            let input = format!("q\n\"a{end}");
            let got = lines(input.as_bytes());
            assert!(
                got[1]
                    .as_ref()
                    .is_err_and(|e| e.contains("the line after it")),
                "{got:?}"
            );
        }
    }

    #[test]
    fn fields_are_read_without_the_whitespace_around_them() {
        let input = b"figure\n \x0B\x0Ca b\t\r\n\"  q  \"\n   \n";
        assert_eq!(
            lines(input),
            ok(&[(1, "figure"), (2, "a b"), (3, "q"), (4, "")])
        );
    }

    #[test]
    fn lines_are_right_under_lf_crlf_cr_and_a_bom() {
        let want = ok(&[(1, "figure"), (2, "a"), (4, "b"), (5, "c")]);
        assert_eq!(lines(b"figure,v\na,1\n\nb,2\nc,3\n"), want);
        assert_eq!(lines(b"figure,v\r\na,1\r\n\r\nb,2\r\nc,3\r\n"), want);
        assert_eq!(lines(b"figure,v\ra,1\r\rb,2\rc,3\r"), want);
        assert_eq!(
            lines(b"\xEF\xBB\xBFfigure,v\r\na,1\r\n\r\nb,2\r\nc,3"),
            want
        );
    }

    #[test]
    fn a_field_over_several_lines_counts_them() {
        assert_eq!(
            lines(b"figure,q\na,\"one\r\ntwo\"\nb,x\n"),
            ok(&[(1, "figure"), (2, "a"), (4, "b")])
        );
    }

    #[test]
    fn lines_are_right_across_chunk_boundaries() {
        // A reader that hands over one byte at a time splits every CRLF.
        struct OneByte<'a>(&'a [u8]);
        impl Read for OneByte<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                match (self.0.split_first(), buf.first_mut()) {
                    (Some((b, rest)), Some(slot)) => {
                        *slot = *b;
                        self.0 = rest;
                        Ok(1)
                    }
                    _ => Ok(0),
                }
            }
        }
        let input = b"\xEF\xBB\xBFfigure,v\r\na,1\r\rb,\"2\r\n3\"\r\nc,3\r\n";
        let mut rows = Rows::new(OneByte(input), "t.csv");
        let mut got = Vec::new();
        while let Some(r) = rows.next_row() {
            let row = r.unwrap();
            got.push((row.line, row.record.get(0).unwrap().to_vec()));
        }
        assert_eq!(
            got,
            [
                (1, b"figure".to_vec()),
                (2, b"a".to_vec()),
                (4, b"b".to_vec()),
                (6, b"c".to_vec())
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_is_an_error_not_a_silent_loss() {
        let got = lines(b"figure,source,value,quote\nf,a,5,\"he said\nf,b,6,\nf,c,7,\nf,d,8,\n");
        assert_eq!(got[0], Ok((1, "figure".to_owned())));
        assert_eq!(
            got[1],
            Err(
                "t.csv line 2, column 4: a quote opens here and is never closed: the 4 lines \
                 after it would be read into this one field (the row starts on line 2)"
                    .to_owned()
            )
        );
        assert_eq!(got.len(), 2);
        // A closed quote over two lines is fine.
        assert!(lines(b"q\n\"a\nb\"\n").iter().all(Result::is_ok));
        // A quote inside an unquoted field is a character, not a quote.
        assert!(lines(b"q,v\n5 ft 3\",x\n").iter().all(Result::is_ok));
    }

    #[test]
    fn invalid_utf8_names_its_line_and_column() {
        let mut rows = Rows::new(&b"figure,value\na,\xFF12\n"[..], "t.csv");
        let _ = rows.next_row();
        let row = rows.next_row().unwrap().unwrap();
        assert_eq!(field_text(&row, 0, "t.csv", None).unwrap(), "a");
        assert_eq!(
            field_text(&row, 1, "t.csv", Some("value"))
                .unwrap_err()
                .to_string(),
            "t.csv line 2, column 2, field `value`: the text is not valid UTF-8 from byte 1 of the \
             field: '\u{fffd}12' (\u{fffd} marks the bytes that are not)"
        );
    }
}
