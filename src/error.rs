//! The one error type of the crate, what kind of problem it is, and where it
//! was found.
//!
//! An [`Error`] is small (one pointer) and says three things: its
//! [`ErrorKind`], for callers that handle causes differently; its message,
//! lowercase and naming the offending text; and, when the input came from a
//! file, its [`Location`]. A check that finds several problems reports them
//! all at once, as [`ErrorKind::Many`] with [`Error::problems`].
//!
//! ```
//! use reckon::Dossier;
//! use reckon::error::ErrorKind;
//!
//! let csv = "figure,source,value\nf,a,12\nf,b,50–\n";
//! let err = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::Value);
//! assert_eq!(err.text(), Some("50–"));
//! let at = err.location().unwrap();
//! assert_eq!((at.line_number(), at.field_name()), (Some(3), Some("value")));
//! assert_eq!(
//!     err.to_string(),
//!     "claims.csv line 3, column 3, field `value`: '50–' is not a value: the range has no upper end"
//! );
//! ```

use std::fmt::{self, Write as _};

/// Where in an input a problem was found: a file, a line, a column, a field.
///
/// Every part is optional; [`Display`](fmt::Display) writes the parts that are
/// known, e.g. `claims.csv line 12, column 3, field `value``.
///
/// ```
/// use reckon::error::Location;
///
/// let at = Location::file("claims.csv").with_line(12).with_field("value");
/// assert_eq!(at.to_string(), "claims.csv line 12, field `value`");
/// assert_eq!(Location::default().with_line(3).with_column(7).to_string(), "line 3, column 7");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    file: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
    field: Option<String>,
}

impl Location {
    /// A location in the named file (or other input, such as `<stdin>`).
    pub fn file(name: impl Into<String>) -> Self {
        Location {
            file: Some(name.into()),
            ..Location::default()
        }
    }

    /// This location, at a 1-based line.
    #[must_use]
    pub fn with_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// This location, at a 1-based column.
    #[must_use]
    pub fn with_column(mut self, column: u64) -> Self {
        self.column = Some(column);
        self
    }

    /// This location, in the named field (a CSV column name or a TOML key).
    #[must_use]
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The file or input name, if known.
    pub fn file_name(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The 1-based line, if known.
    pub fn line_number(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column, if known.
    pub fn column_number(&self) -> Option<u64> {
        self.column
    }

    /// The field name, if known.
    pub fn field_name(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// Whether no part is known.
    pub fn is_empty(&self) -> bool {
        *self == Location::default()
    }

    /// This location, with the parts it lacks taken from `outer`.
    fn within(self, outer: Location) -> Location {
        Location {
            file: self.file.or(outer.file),
            line: self.line.or(outer.line),
            column: self.column.or(outer.column),
            field: self.field.or(outer.field),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sep = "";
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            sep = " ";
        }
        if let Some(line) = self.line {
            write!(f, "{sep}line {line}")?;
            sep = ", ";
        }
        if let Some(column) = self.column {
            write!(f, "{sep}column {column}")?;
            sep = ", ";
        }
        if let Some(field) = &self.field {
            write!(f, "{sep}field `{field}`")?;
        }
        Ok(())
    }
}

/// What kind of problem an [`Error`] is: the cause, for callers that handle
/// causes differently. The message says the rest.
///
/// ```
/// use reckon::Estimate;
/// use reckon::error::ErrorKind;
///
/// assert_eq!("50–".parse::<Estimate>().unwrap_err().kind(), ErrorKind::Value);
/// assert_eq!("170–50".parse::<Estimate>().unwrap_err().kind(), ErrorKind::Value);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Text that does not read as a value, a date, a grade or another word
    /// of the model (`'50–' is not a value: …`).
    Value,
    /// A value or record that breaks an invariant: a range whose low end is
    /// above its high end, a negative count, a day that does not exist.
    Invalid,
    /// An id (or a CSV column, or a vague term) given more than once.
    Duplicate,
    /// A reference to something that is not there: a claim about a figure,
    /// a source, or an earlier claim the dossier does not hold.
    Dangling,
    /// Records that refer to each other in a circle: revisions, relays,
    /// relations between figures.
    Cycle,
    /// Things that must agree and do not: a claim's unit and its figure's,
    /// the figures of one relation, a row and the earlier row that declared
    /// the same figure, sorted input read figure by figure and a policy that
    /// learns across figures.
    Mismatch,
    /// A policy name that no [registry](crate::reconcile::policy)
    /// holds.
    UnknownPolicy,
    /// A policy broke its contract: a best value outside its range, or a
    /// fit that does not match what it says of learning across figures.
    PolicyContract,
    /// A column or key the format does not know, or a required one missing.
    Field,
    /// Checked arithmetic on user values overflowed.
    Overflow,
    /// Input that is not well-formed TOML or CSV, or not UTF-8.
    Syntax,
    /// A file that cannot be read or written.
    Io,
    /// Several problems, all reported at once: see [`Error::problems`].
    Many,
}

/// Everything that can go wrong in reckon.
///
/// Messages are lowercase, carry the offending text and, when the input came
/// from a file, where it is:
///
/// ```
/// use reckon::Estimate;
///
/// let err = "50–".parse::<Estimate>().unwrap_err();
/// assert_eq!(err.to_string(), "'50–' is not a value: the range has no upper end");
/// ```
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    detail: Detail,
    location: Option<Location>,
    record: Option<Record>,
    /// The field of the record the problem is in, as a file names it.
    field: Option<&'static str>,
    /// For a duplicate: the record that gave the id first.
    first: Option<Record>,
}

/// The record of a dossier a problem is in, by its position among the
/// dossier's records of that kind: a reader that knows where each record
/// came from turns it into a [`Location`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Record {
    Source(usize),
    Figure(usize),
    Claim(usize),
    Relation(usize),
}

#[derive(Debug, thiserror::Error)]
enum Detail {
    #[error("'{text}' is not a value: {reason}")]
    Value { text: String, reason: String },
    #[error("{subject}: {reason}")]
    Subject { subject: String, reason: String },
    #[error("arithmetic overflow: {operation}")]
    Overflow { operation: String },
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    #[error("{message}")]
    Syntax { message: String },
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    #[error("cannot write {what}: {source}")]
    Write {
        what: String,
        #[source]
        source: std::io::Error,
    },
    /// The problems listed, and how many there were in all (more than
    /// listed when the last one counts those past a limit).
    #[error("{} problem{}:{}", .total, if *.total == 1 { "" } else { "s" }, ManyList(.errors))]
    Many { errors: Vec<Error>, total: u64 },
}

struct ManyList<'a>(&'a [Error]);

impl fmt::Display for ManyList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in self.0 {
            write!(f, "\n  - {e}")?;
        }
        Ok(())
    }
}

impl Error {
    fn new(kind: ErrorKind, detail: Detail) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                detail,
                location: None,
                record: None,
                field: None,
                first: None,
            }),
        }
    }

    fn subject(kind: ErrorKind, subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::new(
            kind,
            Detail::Subject {
                subject: subject.into(),
                reason: reason.into(),
            },
        )
    }

    /// `text` does not read as a value: [`ErrorKind::Value`].
    pub(crate) fn value(text: &str, reason: impl Into<String>) -> Self {
        let mut reason = reason.into();
        let shown = clip(text);
        if shown.len() < text.len() {
            // The reason may quote the whole text again: a long text is shown
            // once, clipped, and the reason calls it "it".
            reason = reason
                .replace(&format!("'{text}'"), "it")
                .replace(text, &shown);
        }
        let reason = clip_runs(&reason);
        Error::new(
            ErrorKind::Value,
            Detail::Value {
                text: shown,
                reason,
            },
        )
    }

    /// `subject` breaks an invariant: [`ErrorKind::Invalid`].
    pub(crate) fn invalid(subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::subject(ErrorKind::Invalid, subject, reason)
    }

    /// `subject` is given twice: [`ErrorKind::Duplicate`].
    pub(crate) fn duplicate(subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::subject(ErrorKind::Duplicate, subject, reason)
    }

    /// `subject` refers to something absent: [`ErrorKind::Dangling`].
    pub(crate) fn dangling(subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::subject(ErrorKind::Dangling, subject, reason)
    }

    /// Records in a circle: [`ErrorKind::Cycle`].
    pub(crate) fn cycle(subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::subject(ErrorKind::Cycle, subject, reason)
    }

    /// Things that must agree do not: [`ErrorKind::Mismatch`].
    pub(crate) fn mismatch(subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::subject(ErrorKind::Mismatch, subject, reason)
    }

    /// A column or key unknown, twice or missing: [`ErrorKind::Field`].
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn field(subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::subject(ErrorKind::Field, subject, reason)
    }

    /// A key a format does not know or needs, in the format reader's own
    /// words (`unknown field `reportd`, expected one of …`):
    /// [`ErrorKind::Field`].
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn key(message: impl Into<String>) -> Self {
        Error::new(
            ErrorKind::Field,
            Detail::Syntax {
                message: message.into(),
            },
        )
    }

    /// A required cell left empty: [`ErrorKind::Field`]. The location it is
    /// given names the field, so the message does not name it again.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn empty_cell() -> Self {
        Error::new(
            ErrorKind::Field,
            Detail::Syntax {
                message: "the cell is empty but the column is required".to_owned(),
            },
        )
    }

    /// A required field of a JSON line left empty (`""`, or only blanks):
    /// [`ErrorKind::Field`], as [`Error::empty_cell`] is for a table.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn empty_field() -> Self {
        Error::new(
            ErrorKind::Field,
            Detail::Syntax {
                message: "the field is empty but every claim needs it".to_owned(),
            },
        )
    }

    /// No policy of that name: [`ErrorKind::UnknownPolicy`].
    pub(crate) fn unknown_policy(name: &str, known: &[&str]) -> Self {
        let reason = if known.is_empty() {
            "there is no such policy; no policy is registered".to_owned()
        } else {
            format!(
                "there is no such policy; the policies are {}",
                known.join(", ")
            )
        };
        Error::subject(ErrorKind::UnknownPolicy, format!("policy `{name}`"), reason)
    }

    /// A policy broke its contract: [`ErrorKind::PolicyContract`].
    pub(crate) fn policy_contract(subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::subject(ErrorKind::PolicyContract, subject, reason)
    }

    /// Checked arithmetic overflowed in `operation`: [`ErrorKind::Overflow`].
    pub(crate) fn overflow(operation: impl Into<String>) -> Self {
        Error::new(
            ErrorKind::Overflow,
            Detail::Overflow {
                operation: operation.into(),
            },
        )
    }

    /// This error, about `subject`: its kind kept, its message after the
    /// subject (`relation 2 (sum-over): arithmetic overflow: …`).
    pub(crate) fn concerning(self, subject: impl Into<String>) -> Self {
        let record = self.inner.record;
        let field = self.inner.field;
        let kind = self.inner.kind;
        let mut e = Error::subject(kind, subject, self.to_string());
        e.inner.record = record;
        e.inner.field = field;
        e
    }

    /// A format reader's message: [`ErrorKind::Syntax`].
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn syntax(message: impl Into<String>) -> Self {
        Error::new(
            ErrorKind::Syntax,
            Detail::Syntax {
                message: message.into(),
            },
        )
    }

    /// A file that cannot be read: [`ErrorKind::Io`].
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn io(path: impl Into<String>, source: std::io::Error) -> Self {
        Error::new(
            ErrorKind::Io,
            Detail::Io {
                path: path.into(),
                source,
            },
        )
    }

    /// Output that cannot be written (a report, generated claims):
    /// [`ErrorKind::Io`].
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn write(what: impl Into<String>, source: std::io::Error) -> Self {
        Error::new(
            ErrorKind::Io,
            Detail::Write {
                what: what.into(),
                source,
            },
        )
    }

    /// This error, found at `location`. A location it already has keeps
    /// its parts, and takes the ones it lacks (the file, say) from `location`.
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        let inner = &mut *self.inner;
        inner.location = Some(match inner.location.take() {
            Some(own) => own.within(location),
            None => location,
        });
        self
    }

    /// This error, about the dossier record `record`.
    #[must_use]
    pub(crate) fn about(mut self, record: Record) -> Self {
        self.inner.record = Some(record);
        self
    }

    /// This error, in the field `field` of its record (`source`, say): a
    /// reader that knows where each field is places it there.
    #[must_use]
    pub(crate) fn in_field(mut self, field: &'static str) -> Self {
        self.inner.field = Some(field);
        self
    }

    /// The field of its record this error is in, if known.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn record_field(&self) -> Option<&'static str> {
        self.inner.field
    }

    /// This error, about an id that `record` gave first.
    #[must_use]
    pub(crate) fn first_given_by(mut self, record: Record) -> Self {
        self.inner.first = Some(record);
        self
    }

    /// The record that gave a duplicated id first, if known.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn first_record(&self) -> Option<Record> {
        self.inner.first
    }

    /// This error, saying the line of the record that gave its id first.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    #[must_use]
    pub(crate) fn first_on_line(mut self, line: u64) -> Self {
        if let Detail::Subject { reason, .. } = &mut self.inner.detail {
            reason.push_str(&format!(", first on line {line}"));
        }
        self.inner.first = None;
        self
    }

    /// The dossier record this error is about, if known.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn record(&self) -> Option<Record> {
        self.inner.record
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// Where the problem was found, when the input came from a file.
    pub fn location(&self) -> Option<&Location> {
        self.inner.location.as_ref().filter(|l| !l.is_empty())
    }

    /// The offending text, for an [`ErrorKind::Value`] error. A text of
    /// more than 80 characters is clipped to its first 80, followed by `…`
    /// and its length in bytes, so that a bad 10 MB cell is not copied into
    /// every message that names it.
    pub fn text(&self) -> Option<&str> {
        match &self.inner.detail {
            Detail::Value { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Why the text is not a value, for an [`ErrorKind::Value`] error.
    pub(crate) fn reason(&self) -> Option<&str> {
        match &self.inner.detail {
            Detail::Value { reason, .. } => Some(reason),
            _ => None,
        }
    }

    /// The individual problems: the members of an [`ErrorKind::Many`]
    /// error, or this error alone.
    pub fn problems(&self) -> &[Error] {
        match &self.inner.detail {
            Detail::Many { errors, .. } => errors,
            _ => std::slice::from_ref(self),
        }
    }

    /// The individual problems, owned (see [`Error::problems`]).
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn into_problems(self) -> Vec<Error> {
        match self.inner.detail {
            Detail::Many { errors, .. } => errors,
            _ => vec![self],
        }
    }

    /// Wraps a list of problems: `Ok(())` when it is empty, the one error
    /// when it holds one, [`ErrorKind::Many`] otherwise; `errors` stand for
    /// `total` problems, the last one counting those past a limit.
    fn collect_of(mut errors: Vec<Error>, total: u64) -> Result<(), Error> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.swap_remove(0)),
            _ => Err(Error::new(ErrorKind::Many, Detail::Many { errors, total })),
        }
    }
}

/// The problems one pass over an input finds, kept up to a limit so that a
/// file with millions of bad rows (or a header of millions of unknown
/// columns) gives a report of a readable size: the first
/// [`Problems::LIMIT`] in input order, then one line saying how many more
/// there were.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    kept: Vec<Error>,
    more: u64,
}

impl Problems {
    /// How many problems are kept and listed.
    pub(crate) const LIMIT: usize = 100;

    pub(crate) fn push(&mut self, e: Error) {
        if self.kept.len() < Self::LIMIT {
            self.kept.push(e);
        } else {
            self.more += 1;
        }
    }

    /// The problems kept, in the order they were found.
    #[cfg(feature = "serde")]
    pub(crate) fn kept(&self) -> &[Error] {
        &self.kept
    }

    /// Counts `n` more problems past the limit.
    #[cfg(feature = "serde")]
    pub(crate) fn skipped(&mut self, n: u64) {
        self.more += n;
    }

    /// Takes every problem kept and the count of those past the limit,
    /// leaving none.
    #[cfg(feature = "serde")]
    pub(crate) fn drain(&mut self) -> (Vec<Error>, u64) {
        (
            std::mem::take(&mut self.kept),
            std::mem::take(&mut self.more),
        )
    }

    /// `Ok(())` when there was none; else every problem kept and, past the
    /// limit, a last one saying how many more there were.
    pub(crate) fn into_result(self, what: &str) -> Result<(), Error> {
        let (kept, total) = self.listed(what);
        Error::collect_of(kept, total)
    }

    /// `last`, an error that ended the pass, after the problems found
    /// before it (listed as [`Problems::into_result`] lists them), so that
    /// none is lost: `last` alone when there was none.
    #[cfg(feature = "serde")]
    pub(crate) fn ended_by(self, last: Error, what: &str) -> Error {
        if self.kept.is_empty() {
            return last;
        }
        let (mut kept, total) = self.listed(what);
        let total = total.saturating_add(match &last.inner.detail {
            Detail::Many { total, .. } => *total,
            _ => 1,
        });
        // At least two: one kept, and `last`.
        kept.extend(last.into_problems());
        Error::new(
            ErrorKind::Many,
            Detail::Many {
                errors: kept,
                total,
            },
        )
    }

    /// The problems kept and, past the limit, a last one saying how many
    /// more there were; and how many there were in all.
    fn listed(mut self, what: &str) -> (Vec<Error>, u64) {
        let total = (self.kept.len() as u64).saturating_add(self.more);
        if self.more > 0 {
            let n = self.more;
            self.kept.push(Error::subject(
                ErrorKind::Many,
                format!("and {n} more problem{}", if n == 1 { "" } else { "s" }),
                format!("only the first {} {what} are listed", Self::LIMIT),
            ));
        }
        (self.kept, total)
    }
}

/// The problems of one input listed in the order of their places in it:
/// by line, then column, those found at the same place in the order found,
/// and those with no line (a record of another input) last. Kept up to
/// [`Problems::LIMIT`] as [`Problems`] keeps them, but the first by place
/// rather than the first found: a reader that checks records kind by kind
/// (a file's sources, then its claims) finds its problems out of line order.
#[derive(Debug, Default)]
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub(crate) struct ProblemsByPlace {
    /// Each problem with the count of those found before it.
    kept: Vec<(u64, Error)>,
    found: u64,
    more: u64,
}

#[cfg_attr(not(feature = "serde"), allow(dead_code))]
impl ProblemsByPlace {
    /// Whether no problem was found.
    pub(crate) fn is_empty(&self) -> bool {
        self.found == 0
    }

    pub(crate) fn push(&mut self, e: Error) {
        self.kept.push((self.found, e));
        self.found += 1;
        // Sorted and cut now and then, so that memory stays bounded.
        if self.kept.len() >= 2 * Problems::LIMIT {
            self.cut();
        }
    }

    /// Sorts the problems by place and keeps the first [`Problems::LIMIT`].
    fn cut(&mut self) {
        self.kept.sort_unstable_by_key(|(found, e)| {
            let at = e.location();
            let line = at.and_then(Location::line_number);
            let column = at.and_then(Location::column_number);
            (line.is_none(), line, column, *found)
        });
        let over = self.kept.len().saturating_sub(Problems::LIMIT);
        self.kept.truncate(Problems::LIMIT);
        self.more = self.more.saturating_add(over as u64);
    }

    /// As [`Problems::into_result`], the problems in the order of their places.
    pub(crate) fn into_result(mut self, what: &str) -> Result<(), Error> {
        self.cut();
        Problems {
            kept: self.kept.into_iter().map(|(_, e)| e).collect(),
            more: self.more,
        }
        .into_result(what)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A list writes each of its problems on a line of its own, each
        // one escaped as it is written.
        let mut out = Escaped(f);
        if let Some(location) = self.location() {
            write!(out, "{location}: ")?;
        }
        if let Detail::Many { .. } = self.inner.detail {
            return self.inner.detail.fmt(out.0);
        }
        write!(out, "{}", self.inner.detail)
    }
}

/// Whether `c` is written escaped where text quoted from an input is
/// shown: a control character (a line break, the escape that begins a
/// terminal's sequence), a line or paragraph separator, or a mark that
/// turns the direction of the text that follows.
pub(crate) fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Writes text with each [hidden](is_hidden) character escaped (`\n`,
/// `\u{1b}`): an error is one line, and what it quotes of an input (a cell
/// a quote left open ran over several lines, an escape sequence) can
/// neither break it nor act on the terminal that shows it.
struct Escaped<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for Escaped<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while let Some(i) = rest.find(is_hidden) {
            let (plain, tail) = rest.split_at(i);
            self.0.write_str(plain)?;
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                write!(self.0, "{}", c.escape_default())?;
            }
            rest = chars.as_str();
        }
        self.0.write_str(rest)
    }
}

/// Written as its message (`{:?}` gives what `{}` gives), so that an error
/// returned from `main` through `?`, or shown by a failed `unwrap`, reads as
/// the message a user can act on; `{:#?}` gives its parts.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !f.alternate() {
            return fmt::Display::fmt(self, f);
        }
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("location", &self.inner.location)
            .field("message", &self.inner.detail.to_string())
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.inner.detail)
    }
}

// An error is only read once made: the I/O error it may carry (the one
// part of it std does not mark unwind-safe, being a boxed trait object) is
// never mutated through a shared reference, so an error observed across a
// caught panic is as it was. Errors, and the findings that carry the
// problems they list, can then cross `catch_unwind`.
impl std::panic::UnwindSafe for Error {}
impl std::panic::RefUnwindSafe for Error {}

/// How many characters of an offending text an error quotes.
const CLIP: usize = 80;

/// `text`, or its first [`CLIP`] characters, `…` and its length in bytes.
pub(crate) fn clip(text: &str) -> String {
    match text.char_indices().nth(CLIP) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}… ({} bytes)", &text[..end], text.len()),
    }
}

/// `reason` with every run of more than [`CLIP`] characters without a space
/// (a token of a long text it quotes) cut to its first [`CLIP`] and `…`.
fn clip_runs(reason: &str) -> String {
    let mut out = String::with_capacity(reason.len().min(1024));
    let mut run = 0;
    for c in reason.chars() {
        if c.is_whitespace() {
            run = 0;
        } else {
            run += 1;
            if run == CLIP + 1 {
                out.push('…');
            }
            // The quote that closes the token stays.
            if run > CLIP && !matches!(c, '\'' | '"' | '`') {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_an_error_quotes_are_escaped() {
        let e = Error::field("id 'b\n\u{1b}[2Jc'", "it holds a line break")
            .at(Location::file("t\r.csv").with_line(3));
        assert_eq!(
            e.to_string(),
            "t\\r.csv line 3: id 'b\\n\\u{1b}[2Jc': it holds a line break"
        );
        // A list keeps a line to each problem, each escaped.
        let mut list = Problems::default();
        list.push(Error::syntax("a\tb"));
        list.push(Error::syntax("c"));
        let e = list.into_result("problems").unwrap_err();
        assert_eq!(e.to_string(), "2 problems:\n  - a\\tb\n  - c");
        // A mark that turns the text's direction, and a line separator.
        let e = Error::syntax("a\u{202e}b\u{2028}c");
        assert_eq!(e.to_string(), "a\\u{202e}b\\u{2028}c");
    }

    #[test]
    fn debug_writes_the_message_and_alternate_debug_its_parts() {
        let e =
            Error::field("id 'b'", "it is given twice").at(Location::file("t.csv").with_line(3));
        // What `main` prints of an error returned through `?`.
        assert_eq!(format!("{e:?}"), "t.csv line 3: id 'b': it is given twice");
        let parts = format!("{e:#?}");
        assert!(parts.starts_with("Error {\n    kind: "), "{parts}");
        assert!(parts.contains("line: Some(\n"), "{parts}");
    }

    #[test]
    fn a_long_token_a_reason_quotes_is_clipped() {
        let long = "1".repeat(1000);
        let e = Error::value(&format!("{long}x"), format!("'{long}' is not a number"));
        let message = e.to_string();
        assert!(message.len() < 300, "{message}");
        assert!(
            message.ends_with(&format!("'{}…' is not a number", "1".repeat(79))),
            "{message}"
        );
    }

    #[test]
    fn many_lists_every_problem() {
        let e = Error::collect_of(
            vec![
                Error::dangling("claim `a`", "source `x` is not in the dossier"),
                Error::dangling("claim `b`", "figure `y` is not in the dossier"),
            ],
            2,
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "2 problems:\n  - claim `a`: source `x` is not in the dossier\n  - claim `b`: figure `y` is not in the dossier"
        );
        assert_eq!(e.kind(), ErrorKind::Many);
        assert_eq!(e.problems().len(), 2);
        assert!(e.problems().iter().all(|p| p.kind() == ErrorKind::Dangling));
    }

    #[test]
    fn located_error_names_the_place() {
        let e = Error::value("50–", "the range has no upper end").at(Location::file("claims.csv")
            .with_line(12)
            .with_field("value"));
        assert_eq!(
            e.to_string(),
            "claims.csv line 12, field `value`: '50–' is not a value: the range has no upper end"
        );
        assert_eq!(e.text(), Some("50–"));
    }

    #[test]
    fn an_inner_place_keeps_its_parts_and_takes_the_file() {
        let e = Error::value("x", "not a number")
            .at(Location::default().with_line(4).with_column(9))
            .at(Location::file("d.toml").with_line(1));
        assert_eq!(
            e.to_string(),
            "d.toml line 4, column 9: 'x' is not a value: not a number"
        );
    }

    #[test]
    fn problems_past_the_limit_are_counted_not_listed() {
        let mut p = Problems::default();
        for i in 0..250 {
            p.push(Error::value(&i.to_string(), "no"));
        }
        let e = p.into_result("problems").unwrap_err();
        assert_eq!(e.problems().len(), Problems::LIMIT + 1);
        // The count is of every problem, not of the lines listed.
        assert!(e.to_string().starts_with("250 problems:\n  - "), "{e}");
        assert_eq!(
            e.problems()[Problems::LIMIT].to_string(),
            "and 150 more problems: only the first 100 problems are listed"
        );
    }

    #[test]
    fn problems_by_place_come_by_line_then_column_and_those_with_no_place_last() {
        let at = |line, column| Location::file("d.toml").with_line(line).with_column(column);
        let mut p = ProblemsByPlace::default();
        p.push(Error::value("a", "no").at(at(9, 1)));
        p.push(Error::value("b", "no"));
        p.push(Error::value("c", "no").at(Location::file("d.toml").with_line(3)));
        p.push(Error::value("d", "no").at(at(3, 5)));
        p.push(Error::value("e", "no").at(at(3, 5)));
        p.push(Error::value("f", "no").at(at(1, 7)));
        let e = p.into_result("problems").unwrap_err();
        let texts: Vec<_> = e.problems().iter().filter_map(Error::text).collect();
        assert_eq!(texts, ["f", "c", "d", "e", "a", "b"]);
    }

    #[test]
    fn problems_by_place_past_the_limit_keep_the_first_by_place() {
        let mut p = ProblemsByPlace::default();
        for line in (1..=250).rev() {
            let at = Location::file("d.toml").with_line(line);
            p.push(Error::value(&line.to_string(), "no").at(at));
        }
        let e = p.into_result("problems").unwrap_err();
        assert_eq!(e.problems().len(), Problems::LIMIT + 1);
        assert!(
            e.to_string()
                .starts_with("250 problems:\n  - d.toml line 1: '1'"),
            "{e}"
        );
        assert_eq!(e.problems()[Problems::LIMIT - 1].text(), Some("100"));
        assert_eq!(
            e.problems()[Problems::LIMIT].to_string(),
            "and 150 more problems: only the first 100 problems are listed"
        );
    }

    #[test]
    fn io_errors_keep_their_source() {
        let e = Error::io(
            "missing.toml",
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        );
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(e.to_string(), "cannot read missing.toml: no such file");
        assert!(std::error::Error::source(&e).is_some());
    }

    #[test]
    fn a_failed_write_says_what_could_not_be_written() {
        let e = Error::write(
            "the report",
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "broken pipe"),
        );
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(e.to_string(), "cannot write the report: broken pipe");
        assert!(std::error::Error::source(&e).is_some());
    }
}
