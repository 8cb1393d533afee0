//! The one error type of the crate, and where an error happened.

use std::fmt;

/// Where in an input a problem was found: a file, a line, a column, a field.
///
/// Every part is optional; [`Display`](fmt::Display) writes the parts that are
/// known, e.g. `claims.csv line 12, column 3 (value)`.
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
    pub fn line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// This location, at a 1-based column.
    #[must_use]
    pub fn column(mut self, column: u64) -> Self {
        self.column = Some(column);
        self
    }

    /// This location, in the named field (a CSV column name or a TOML key).
    #[must_use]
    pub fn field(mut self, field: impl Into<String>) -> Self {
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
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Text that does not read as a value.
    #[error("'{text}' is not a value: {reason}")]
    Value {
        /// The text as given.
        text: String,
        /// Why it does not read.
        reason: String,
    },
    /// A value, record or relation that breaks an invariant.
    #[error("{subject}: {reason}")]
    Invalid {
        /// What is invalid, e.g. ``claim `c3` `` or `range 170–50`.
        subject: String,
        /// Why.
        reason: String,
    },
    /// Checked arithmetic on user data overflowed.
    #[error("arithmetic overflow: {operation}")]
    Overflow {
        /// The operation that overflowed, e.g. `79228162514264337593543950335 + 1`.
        operation: String,
    },
    /// An error found at a known place in an input.
    #[error("{location}: {error}")]
    Located {
        /// Where.
        location: Location,
        /// What.
        error: Box<Error>,
    },
    /// A file that is not well-formed TOML or CSV.
    #[error("{location}: {message}")]
    Syntax {
        /// Where.
        location: Location,
        /// What the format reader said, lowercased.
        message: String,
    },
    /// A file that cannot be read or written.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// Several problems, all reported at once (a dossier's validation, a file's bad rows).
    #[error("{} problem{}:{}", .errors.len(), if .errors.len() == 1 { "" } else { "s" }, ManyList(.errors))]
    Many {
        /// Every problem, in input order.
        errors: Vec<Error>,
    },
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
    pub(crate) fn value(text: &str, reason: impl Into<String>) -> Self {
        Error::Value {
            text: text.to_owned(),
            reason: reason.into(),
        }
    }

    pub(crate) fn invalid(subject: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Invalid {
            subject: subject.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn overflow(operation: impl Into<String>) -> Self {
        Error::Overflow {
            operation: operation.into(),
        }
    }

    /// This error, located at `location`.
    #[must_use]
    pub fn at(self, location: Location) -> Self {
        Error::Located {
            location,
            error: Box::new(self),
        }
    }

    /// The location of this error, if it has one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Located { location, .. } | Error::Syntax { location, .. } => Some(location),
            _ => None,
        }
    }

    /// The individual problems: the members of [`Error::Many`], or this error alone.
    pub fn problems(&self) -> &[Error] {
        match self {
            Error::Many { errors } => errors,
            other => std::slice::from_ref(other),
        }
    }

    /// Wraps a non-empty list of problems; `Ok(())` when the list is empty.
    pub(crate) fn collect(mut errors: Vec<Error>) -> Result<(), Error> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.swap_remove(0)),
            _ => Err(Error::Many { errors }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_display_writes_known_parts() {
        let loc = Location::file("claims.csv").line(12).field("value");
        assert_eq!(loc.to_string(), "claims.csv line 12, field `value`");
        assert_eq!(
            Location::default().line(3).column(7).to_string(),
            "line 3, column 7"
        );
    }

    #[test]
    fn many_lists_every_problem() {
        let e = Error::collect(vec![
            Error::invalid("claim `a`", "source `x` is not in the dossier"),
            Error::invalid("claim `b`", "figure `y` is not in the dossier"),
        ])
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "2 problems:\n  - claim `a`: source `x` is not in the dossier\n  - claim `b`: figure `y` is not in the dossier"
        );
        assert_eq!(e.problems().len(), 2);
    }

    #[test]
    fn located_error_names_the_place() {
        let e = Error::value("50–", "the range has no upper end")
            .at(Location::file("claims.csv").line(12).field("value"));
        assert_eq!(
            e.to_string(),
            "claims.csv line 12, field `value`: '50–' is not a value: the range has no upper end"
        );
    }
}
