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
//! point = 24                        # the conservative point: a number (24.5) or a decimal string
//! from = "our style guide, 2024"    # the provenance every reading of it cites
//! ```
//!
//! A number or a date may be written bare where the format reads text:
//! `value = 20`, `credibility = 3`, `reported = 2014-08-05`, `period = 2014`,
//! a term's `strict = 24` or `point = 24.5`. It is read as the text it is
//! written as, never through a float (`value = 0.1` is exactly 0.1), and a
//! dossier is written back with it quoted.
//!
//! The file's values are read with the English [`Lexicon`](crate::Lexicon) and the file's
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
//! A file's terms read its own values only. A term that none of them uses
//! is not kept (the dossier written back does not hold it), and
//! [`Dossier::extend_from_toml_str`] refuses a file with such a term, as it
//! would not change how the dossier's claims read.
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

pub mod bulk;
mod compact;
mod csv;
mod pretty;
pub mod report;
mod rows;
pub mod synth;
pub mod table;
mod toml;
pub mod truth;

use std::path::Path;

use crate::error::Location;
use crate::{Dossier, Error};

impl Dossier {
    /// Reads a dossier from a file: a `.csv` file as a claims table, a
    /// `.toml` file in the TOML dossier format, and a file of another name
    /// (`.txt`, none, a pipe such as `/dev/fd/63`) by what its first line
    /// that is not blank is: TOML's (a `[[claim]]` header, a `key = value`,
    /// a `#` comment), or else a claims table's header.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::error::ErrorKind::Io) when the file cannot be read; otherwise as
    /// [`Dossier::from_toml_str`] or [`Dossier::from_csv_reader`].
    pub fn load(path: impl AsRef<Path>) -> Result<Dossier, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let io = |source| Error::io(name.clone(), source);
        let extension = path.extension().and_then(|e| e.to_str());
        let is = |e: &str| extension.is_some_and(|x| x.eq_ignore_ascii_case(e));
        if is("csv") {
            let f = std::fs::File::open(path).map_err(io)?;
            return Dossier::from_csv_reader(f, &name);
        }
        let bytes = std::fs::read(path).map_err(io)?;
        if !is("toml") && is_table(&bytes) {
            return Dossier::from_csv_reader(bytes.as_slice(), &name);
        }
        Dossier::from_toml_str(utf8(&bytes, &name)?, &name)
    }
}

/// Whether a file's first line that is not blank is a claims table's
/// header rather than TOML (see [`is_toml_line`]).
fn is_table(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    text.split(|&b| b == b'\n' || b == b'\r')
        .map(rows::trimmed)
        .find(|l| !l.is_empty())
        .is_some_and(|line| !is_toml_line(line))
}

/// Whether a line, trimmed, is TOML's rather than a claims table's header:
/// a `[table]` header, a `#` comment, or an `=` before its first comma.
fn is_toml_line(line: &[u8]) -> bool {
    let at = |c: u8| line.iter().position(|&b| b == c);
    line.starts_with(b"[")
        || line.starts_with(b"#")
        || match (at(b'='), at(b',')) {
            (Some(equals), Some(comma)) => equals < comma,
            (Some(_), None) => true,
            (None, _) => false,
        }
}

/// The uses of ids that repeat an earlier one where one of the two records
/// did not read, which validation, seeing only the records that read,
/// cannot report. `uses` gives each record's id (if it has one), its line
/// and whether it read, in the order of the input; each use to report comes
/// back as its index in `uses`, its id and the line of the id's first use.
pub(crate) fn repeated_unread<'a>(
    uses: impl IntoIterator<Item = (Option<&'a str>, u64, bool)>,
) -> Vec<(usize, &'a str, u64)> {
    // The line of each id's first use, and whether a record that read
    // gave it.
    let mut first: std::collections::HashMap<&str, (u64, bool)> = Default::default();
    let mut again = Vec::new();
    for (i, (id, line, read)) in uses.into_iter().enumerate() {
        let Some(id) = id else { continue };
        let Some((first_line, any_read)) = first.get_mut(id) else {
            first.insert(id, (line, read));
            continue;
        };
        // Two records that both read: validation says so.
        if !(read && *any_read) {
            again.push((i, id, *first_line));
        }
        *any_read |= read;
    }
    again
}

/// The problem of the id of `subject` (`claim `c1``) used again, first on
/// line `first`, as validation words it.
pub(crate) fn used_again(subject: String, first: u64) -> Error {
    Error::duplicate(
        subject,
        format!("the id is used more than once, first on line {first}"),
    )
}

/// The text of a file, or an error at the line and column of its first
/// byte that is not UTF-8.
fn utf8<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
        // The prefix is valid UTF-8 by construction.
        let before = std::str::from_utf8(good).unwrap_or_default();
        let (line, column) = Lines::new(before).at(before.len());
        Error::syntax("the text is not valid UTF-8")
            .at(Location::file(name).with_line(line).with_column(column))
    })
}

/// A format reader's message with its first letter lowercased, as every
/// message of the crate is.
fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The lines of a text, to turn byte offsets into 1-based lines and
/// columns in logarithmic time.
struct Lines<'a> {
    text: &'a str,
    /// The offset at which each line starts.
    starts: Vec<usize>,
    /// The lines (0-based) holding a character of more than one byte: on
    /// any other, a column is a difference of offsets, not a count of
    /// characters from the line's start (records written inline, 40,000
    /// on one line, were counted along the line for each place: 17 s).
    wide: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let (mut starts, mut wide) = (vec![0], Vec::new());
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b == b'\n' {
                starts.push(i + 1);
            } else if b >= 0x80 && wide.last() != Some(&(starts.len() - 1)) {
                wide.push(starts.len() - 1);
            }
        }
        // A byte-order mark is no column of the first line.
        if let Some(first) = starts.first_mut() {
            *first = if text.starts_with('\u{feff}') { 3 } else { 0 };
        }
        Lines { text, starts, wide }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    fn at(&self, offset: usize) -> (u64, u64) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = if self.wide.binary_search(&(line - 1)).is_ok() {
            self.text
                .get(start..offset.max(start))
                .map_or(0, |t| t.chars().count())
        } else {
            offset.saturating_sub(start)
        };
        (line as u64, column as u64 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn lines_turn_offsets_into_lines_and_character_columns() {
        let text = "ab\nçé=x\n\nlast";
        let lines = Lines::new(text);
        assert_eq!(lines.at(0), (1, 1));
        assert_eq!(lines.at(2), (1, 3));
        assert_eq!(lines.at(3), (2, 1));
        // "çé" is four bytes and two characters.
        assert_eq!(lines.at(7), (2, 3));
        assert_eq!(lines.at(10), (3, 1));
        assert_eq!(lines.at(11), (4, 1));
        // Only the line with "çé" counts characters.
        assert_eq!(lines.wide, [1]);
        // A byte-order mark is not a column.
        let bom = Lines::new("\u{feff}ab\ncd");
        assert_eq!((bom.at(3), bom.at(4), bom.at(7)), ((1, 1), (1, 2), (2, 2)));
        assert_eq!(lines.at(text.len()), (4, 5));
    }
}
