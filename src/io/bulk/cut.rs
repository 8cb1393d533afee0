//! Cutting a claims file's bytes: where a table's rows begin after its
//! header, chunks of whole lines for the cores, pieces of whole lines of a
//! stream, the lines of a piece of a table without quotes, and line breaks
//! counted as the claims-table reader counts them.

use std::io::Read;

/// Splits `bytes` after line feeds into pieces of about `size` bytes, each
/// with the number of lines before it (`before` lines precede `bytes`):
/// line feeds, and carriage returns not followed by one, as a claims table
/// counts them; only line feeds when `feeds_only` (JSON Lines, whose lines
/// end at a line feed, a lone carriage return being whitespace).
#[cfg(feature = "rayon")]
pub(super) fn chunks(
    bytes: &[u8],
    size: usize,
    before: u64,
    feeds_only: bool,
) -> Vec<(&[u8], u64)> {
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
        lines += line_breaks(piece, feeds_only);
        rest = tail;
    }
    out
}

/// The line breaks in `bytes` as the claims-table reader counts them: LF,
/// CRLF, and a lone CR; only LF when `feeds_only`.
pub(super) fn line_breaks(bytes: &[u8], feeds_only: bool) -> u64 {
    // Line feeds and carriage returns are first counted in blocks of 255
    // bytes into byte-wide sums, which compile to vector instructions; a
    // file without a CR needs nothing more. Cutting the 69 MB file of
    // 4.09 M claims took 42 ms on the main thread (the other cores idle)
    // counted byte by byte with the CR flag below, 8 ms so (a ten-line
    // harness on the same bytes).
    let (mut feeds, mut returns) = (0u64, 0u64);
    for block in bytes.chunks(255) {
        let (f, r) = block.iter().fold((0u8, 0u8), |(f, r), &b| {
            (
                f.wrapping_add(u8::from(b == b'\n')),
                r.wrapping_add(u8::from(b == b'\r')),
            )
        });
        feeds += u64::from(f);
        returns += u64::from(r);
    }
    if returns == 0 || feeds_only {
        return feeds;
    }
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

/// A stream's bytes in pieces of whole lines of about `size` bytes (more
/// when a line is longer), so that sorted input is read a piece at a time.
pub(super) struct Pieces<R> {
    input: R,
    size: usize,
    bytes: Vec<u8>,
    /// Where the piece handed out last ends in `bytes`.
    handed: usize,
    /// Bytes at the start of `bytes` already looked through for a line
    /// break, none found: a line longer than `size` is looked through once.
    scanned: usize,
    ended: bool,
}

impl<R: Read> Pieces<R> {
    pub(super) fn new(input: R, size: usize) -> Self {
        Pieces {
            input,
            size: size.max(1),
            bytes: Vec::with_capacity(size.max(1)),
            handed: 0,
            scanned: 0,
            ended: false,
        }
    }

    /// The next piece; `None` at the end of the input. A piece ends after
    /// a line feed, or after a carriage return that is not followed by one
    /// (a CRLF is never cut in two); the input's last piece may end
    /// without a line break.
    pub(super) fn next_piece(&mut self) -> std::io::Result<Option<&[u8]>> {
        self.bytes.drain(..self.handed);
        self.handed = 0;
        self.scanned = 0;
        loop {
            if self.bytes.len() >= self.size || self.ended {
                let cut = self.cut();
                if cut > 0 {
                    self.handed = cut;
                    return Ok(self.bytes.get(..cut));
                }
                if self.ended {
                    return Ok(None);
                }
                self.scanned = self.bytes.len();
            }
            let before = self.bytes.len();
            let want = self.size.saturating_sub(before).max(self.size / 2).max(1);
            (&mut self.input)
                .take(want as u64)
                .read_to_end(&mut self.bytes)?;
            // Short of `want` only at the end of the input.
            self.ended = self.bytes.len().saturating_sub(before) < want;
        }
    }

    /// Where the bytes read are cut: after the last line break whose end
    /// is known; all of them at the end of the input; 0 for none.
    fn cut(&self) -> usize {
        if self.ended {
            return self.bytes.len();
        }
        // A CR last looked at may have had no byte after it yet.
        let from = self.scanned.saturating_sub(1);
        let known = self.bytes.len().saturating_sub(1);
        let after = |i: usize| i + from + 1;
        let feed = self
            .bytes
            .get(from..)
            .and_then(|b| b.iter().rposition(|&b| b == b'\n'));
        let lone_cr = self.bytes.get(from..known).and_then(|b| {
            b.iter()
                .rposition(|&b| b == b'\r')
                .filter(|&i| self.bytes.get(after(i)) != Some(&b'\n'))
        });
        feed.max(lone_cr).map_or(0, after)
    }

    /// The last piece handed out and what follows it, read on.
    pub(super) fn last_piece_on(self) -> impl Read {
        std::io::Cursor::new(self.bytes).chain(self.input)
    }
}

/// Where the rows of a claims table without quotes begin, and the lines
/// before them: after a byte order mark, the blank lines the CSV reader
/// skips, and the header's line with its line break (LF, CRLF or a lone
/// CR; without quotes, none is inside a field).
pub(super) fn past_header(bytes: &[u8]) -> (usize, u64) {
    let mut at = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut lines = 0;
    let mut in_header = false;
    while let Some(&b) = bytes.get(at) {
        at += 1;
        if b != b'\r' && b != b'\n' {
            in_header = true;
            continue;
        }
        if b == b'\r' && bytes.get(at) == Some(&b'\n') {
            at += 1;
        }
        lines += 1;
        if in_header {
            break;
        }
    }
    (at, lines)
}

/// The lines of `piece`, a part of a claims table with no quote in it
/// that starts at a line's start, each with its 1-based number in the
/// piece: what the CSV reader reads there, without reading it byte by byte
/// twice (once for its fields, once for its lines). Lines end at an LF or a
/// CRLF; blank lines are left out, as the CSV reader skips them. `None`
/// when the piece is not UTF-8 or holds a CR that ends a line alone: the
/// CSV reader reads it then, and reports what it must. On one core,
/// `reconcile --json` of 10^5 claims, with the trimming of
/// `Loader::claim`: 1.1567 G -> 1.0241 G instructions (callgrind), the
/// same report.
pub(super) fn plain_lines(piece: &[u8]) -> Option<impl Iterator<Item = (u64, &str)>> {
    let text = std::str::from_utf8(piece).ok()?;
    let lone_cr = text
        .match_indices('\r')
        .any(|(i, _)| piece.get(i + 1) != Some(&b'\n'));
    if lone_cr {
        return None;
    }
    // Lines are a few bytes long: found by a loop over the bytes, where
    // `split` calls `memchr` for each.
    let mut rest = text;
    let mut number = 0;
    let lines = std::iter::from_fn(move || {
        while !rest.is_empty() {
            let end = rest.bytes().position(|b| b == b'\n');
            let (line, tail) = match end {
                Some(end) => (rest.get(..end), rest.get(end + 1..)),
                None => (Some(rest), Some("")),
            };
            rest = tail.unwrap_or_default();
            number += 1;
            let line = line.unwrap_or_default();
            let line = line.strip_suffix('\r').unwrap_or(line);
            if !line.is_empty() {
                return Some((number, line));
            }
        }
        None
    });
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::super::super::rows::Rows;
    use super::super::load::{Columns, Loader};
    use super::*;

    /// What a loader read of `table`, in pieces of `size` bytes or by the
    /// CSV reader: its counts, its problems and each figure's claims; or
    /// the error that ended the reading.
    fn table_read(table: &[u8], size: Option<usize>, sorted: bool) -> Result<String, String> {
        let mut loader = Loader::new("t.csv", sorted, 0);
        match size {
            Some(size) => loader.read_table(table, size, |_| Ok(())),
            None => (|| {
                let mut rows = Rows::new(table, "t.csv");
                let columns = Columns::read(&mut rows, "t.csv")?;
                while let Some(row) = rows.next_row() {
                    loader.csv_row(row, &columns)?;
                }
                Ok(())
            })(),
        }
        .map_err(|e| e.to_string())?;
        loader.close();
        let (problems, _) = loader.problems.drain();
        let mut read = format!("{} {} {}", loader.rows_read, loader.claims, loader.rejected);
        for p in problems {
            read += &format!("\n{p}");
        }
        for g in loader.take_groups() {
            read += &format!("\n{}:", g.figure);
            for c in &g.claims {
                read += &format!(" {} {} {}", c.line, c.source, c.value.estimate());
            }
        }
        Ok(read)
    }

    proptest::proptest! {
        /// A claims table read a piece at a time, whatever its line
        /// breaks, blank lines, byte order marks, quotes (a line break
        /// among them, one never closed) and bytes that are not UTF-8,
        /// and wherever the pieces end: what the CSV reader reads of it
        /// whole, each claim and problem at its line; sorted, the same
        /// error at the first figure out of order.
        #[test]
        fn a_table_read_in_pieces_is_the_table_the_csv_reader_reads(
            head in proptest::sample::select(vec!["figure,source,value", "\u{feff}\r\nvalue,figure,source", "\"figure\",source,value", "", "\n\n"]),
            rows in proptest::collection::vec(
                (
                    // A byte order mark in a row is text, not a mark.
                    proptest::sample::select(vec!["f1", "f2", " f3", "", "f1", "f2", "\u{feff}f1"]),
                    // Quotes in one row of six, so that pieces before the first
                    // are cut without the CSV reader.
                    proptest::sample::select(vec!["a", "b", "a", "b", "g\u{e9}", "h\u{ff}", "a", "b", "a", "b", "\"c,d\"", "\"e\nf\"", "\"g"]),
                    proptest::sample::select(vec!["5", "12", "50-170", "x", "", "1,0"]),
                    proptest::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", ""]),
                ),
                0..25,
            ),
            size in 1usize..48,
        ) {
            let mut table = head.as_bytes().to_vec();
            table.extend_from_slice(b"\n");
            for (figure, source, value, end) in &rows {
                let row = format!("{figure},{source},{value}{end}");
                // `\u{ff}` stands for a byte that is not UTF-8.
                table.extend(row.replace('\u{ff}', "\u{0}").bytes().map(|b| if b == 0 { 0xff } else { b }));
            }
            for sorted in [false, true] {
                let whole = table_read(&table, None, sorted);
                proptest::prop_assert_eq!(table_read(&table, Some(size), sorted), whole.clone(), "{:?}", String::from_utf8_lossy(&table));
                proptest::prop_assert_eq!(table_read(&table, Some(1 << 20), sorted), whole);
            }
        }
    }

    #[test]
    fn pieces_end_after_a_line_break_whose_end_is_known() {
        let text = b"ab\r\ncd\ref\ngh";
        let mut pieces = Pieces::new(&text[..], 3);
        let mut got = Vec::new();
        while let Some(piece) = pieces.next_piece().unwrap() {
            got.push(String::from_utf8(piece.to_vec()).unwrap());
        }
        assert_eq!(got, ["ab\r\n", "cd\r", "ef\n", "gh"]);
        // A CR at the end of what is read: the piece waits for the next byte.
        let mut pieces = Pieces::new(&b"abc\r\nd"[..], 4);
        assert_eq!(pieces.next_piece().unwrap(), Some(&b"abc\r\n"[..]));
        let mut rest = String::new();
        pieces.last_piece_on().read_to_string(&mut rest).unwrap();
        assert_eq!(rest, "abc\r\nd");
    }

    #[test]
    fn the_rows_begin_after_the_header_s_own_line_break() {
        assert_eq!(past_header(b"figure,source,value\na,x,5\n"), (20, 1));
        assert_eq!(past_header(b"figure,source,value\ra,x,5\r"), (20, 1));
        assert_eq!(past_header(b"figure,source,value\r\na,x,5"), (21, 1));
        // A byte order mark and blank lines before the header.
        assert_eq!(past_header(b"\xEF\xBB\xBF\r\n\nfigure\r\na"), (14, 3));
        assert_eq!(past_header(b"figure"), (6, 0));
        assert_eq!(past_header(b""), (0, 0));
    }

    #[cfg(feature = "rayon")]
    #[test]
    fn chunks_cut_after_line_feeds_and_count_lines_before_them() {
        let text = b"a\r\nb\rc\nd\ne\n";
        let pieces = chunks(text, 2, 1, false);
        let got: Vec<(&[u8], u64)> = pieces;
        assert_eq!(
            got,
            [(&b"a\r\n"[..], 1), (&b"b\rc\n"[..], 2), (&b"d\ne\n"[..], 4)]
        );
        assert_eq!(line_breaks(b"a\r\nb\rc\n", false), 3);
        assert_eq!(line_breaks(b"a\r\nb\rc\n", true), 2);
        let lines = b"{\"figure\":\"f\",\r\"source\":\"s\",\"value\":1}\n{}\n{}\n";
        let pieces = chunks(lines, 2, 0, true);
        assert_eq!(pieces.iter().map(|p| p.1).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[cfg(feature = "rayon")]
    proptest::proptest! {
        /// With or without carriage returns, past the 255 bytes of a
        /// block: an LF, a CRLF and a lone CR each one break.
        #[test]
        fn an_lf_a_crlf_and_a_lone_cr_are_one_line_break_each(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'\n', b'\r']),
                0..2000,
            ),
            plain in proptest::bool::ANY,
        ) {
            let bytes: Vec<u8> = if plain {
                bytes.into_iter().filter(|&b| b != b'\r').collect()
            } else {
                bytes
            };
            let mut n = 0;
            let mut after_cr = false;
            for &b in &bytes {
                if b == b'\r' || (b == b'\n' && !after_cr) {
                    n += 1;
                }
                after_cr = b == b'\r';
            }
            proptest::prop_assert_eq!(line_breaks(&bytes, false), n);
            let feeds = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
            proptest::prop_assert_eq!(line_breaks(&bytes, true), feeds);
        }
    }
}
