//! Findings as a plain-text table: one aligned row per figure (its range,
//! best value, claims, grade, confidence and the kinds of its conflicts),
//! then every conflict's explanation.
//!
//! A [`Table`] takes findings one at a time and keeps only their cells and
//! conflict lines, so a bulk run can print a table of millions of figures
//! without keeping their findings; the columns are aligned when the table
//! is written.
//!
//! ```
//! use reckon::io::table::Table;
//! use reckon::{Dossier, Reconciler};
//!
//! let csv = "figure,source,value\nf1,a,50–170\nf1,b,200\nf2,a,12\nf2,b,12\n";
//! let dossier = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv")?;
//! let findings = Reconciler::new().reconcile(&dossier)?;
//! let mut table = Table::new();
//! for f in &findings {
//!     table.push(f, findings.conflicts_of(f.figure()));
//! }
//! let text = table.to_string();
//! assert!(text.starts_with("figure  low  best  high  claims/indep"));
//! assert!(text.contains("\nf2      12   12    12    2/2"));
//! assert!(text.contains("\nconflicts:\n  f1: disjoint"));
//! # Ok::<(), reckon::Error>(())
//! ```

use std::borrow::Cow;
use std::fmt;

use unicode_width::UnicodeWidthStr;

use crate::Finding;
use crate::error::is_hidden;
use crate::reconcile::conflict::Conflict;

/// The columns, as the header names them.
const HEADER: [&str; 8] = [
    "figure",
    "low",
    "best",
    "high",
    "claims/indep",
    "grade",
    "confidence",
    "conflicts",
];

/// Findings as a plain-text table; see the [module docs](self). Written
/// with `Display`.
#[derive(Clone, Debug)]
pub struct Table {
    /// Every row's cells, one after another.
    text: String,
    /// Where each cell ends in `text`, `HEADER.len()` per row.
    ends: Vec<usize>,
    /// The widest cell of each column, in the columns a terminal gives it.
    widths: [usize; HEADER.len()],
    /// The conflict lines, each ending in a line break.
    conflicts: String,
}

impl Default for Table {
    fn default() -> Self {
        Table::new()
    }
}

impl Table {
    /// A table of no figures: the header alone.
    pub fn new() -> Self {
        let mut table = Table {
            text: String::new(),
            ends: Vec::new(),
            widths: [0; HEADER.len()],
            conflicts: String::new(),
        };
        table.row(HEADER.map(str::to_owned));
        table
    }

    /// Adds `finding`'s row, and the lines of `conflicts`, every conflict
    /// that involves its figure. A conflict between figures is listed once,
    /// under the first of its figures, and named in each one's row.
    pub fn push<'c>(
        &mut self,
        finding: &Finding,
        conflicts: impl IntoIterator<Item = &'c Conflict>,
    ) {
        let figure = finding.figure();
        let mut kinds: Vec<&str> = Vec::new();
        for c in conflicts {
            if kinds.last() != Some(&c.kind().as_str()) {
                kinds.push(c.kind().as_str());
            }
            if c.figures().first() == Some(figure) {
                let line = format!(
                    "{figure}: {} ({}): {}",
                    c.kind(),
                    c.severity(),
                    c.explanation()
                );
                self.conflicts.push_str("  ");
                self.conflicts.push_str(&printable(&line));
                self.conflicts.push('\n');
            }
        }
        let cell =
            |d: Option<rust_decimal::Decimal>| d.map_or_else(|| "—".to_owned(), |d| d.to_string());
        let s = finding.summary();
        self.row([
            printable(figure.as_str()).into_owned(),
            cell(finding.low()),
            cell(finding.best()),
            match finding.range() {
                Some(r) if r.high().is_none() => "∞".to_owned(),
                _ => cell(finding.high()),
            },
            format!("{}/{}", s.claim_count(), s.independent_count()),
            s.grade().to_string(),
            s.confidence().to_string(),
            kinds.join(", "),
        ]);
    }

    /// Adds the figures of `other` after this table's.
    pub(crate) fn append(&mut self, other: Table) {
        let skip = other.ends.get(HEADER.len() - 1).copied().unwrap_or(0);
        let base = self.text.len();
        self.text
            .push_str(other.text.get(skip..).unwrap_or_default());
        self.ends.extend(
            other
                .ends
                .iter()
                .skip(HEADER.len())
                .map(|end| base + end.saturating_sub(skip)),
        );
        for (w, o) in self.widths.iter_mut().zip(other.widths) {
            *w = (*w).max(o);
        }
        self.conflicts.push_str(&other.conflicts);
    }

    /// How many figures the table has.
    pub fn len(&self) -> usize {
        (self.ends.len() / HEADER.len()).saturating_sub(1)
    }

    /// Whether the table has no figure.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn row(&mut self, cells: [String; HEADER.len()]) {
        for (i, cell) in cells.iter().enumerate() {
            self.widths[i] = self.widths[i].max(cell.width());
            self.text.push_str(cell);
            self.ends.push(self.text.len());
        }
    }
}

/// `text` with each [hidden](crate::error::is_hidden) character escaped
/// (`\n`, `\u{1b}`): an id read from a file may hold one, and the table
/// keeps a line to a figure and sends no escape sequence to the terminal.
fn printable(text: &str) -> Cow<'_, str> {
    if !text.contains(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut start = 0;
        let mut line = String::new();
        for row in self.ends.chunks(HEADER.len()) {
            line.clear();
            for (i, (&end, width)) in row.iter().zip(self.widths).enumerate() {
                let cell = self.text.get(start..end).unwrap_or_default();
                start = end;
                if i > 0 {
                    line.push_str("  ");
                }
                line.push_str(cell);
                for _ in cell.width()..width {
                    line.push(' ');
                }
            }
            writeln!(f, "{}", line.trim_end())?;
        }
        if !self.conflicts.is_empty() {
            write!(f, "\nconflicts:\n{}", self.conflicts)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dossier, Reconciler};

    fn findings() -> crate::Findings {
        findings_of(
            "figure,source,value\nlong-figure-name,a,50–170\nlong-figure-name,b,200\n\
             f2,a,12\nf2,b,more than 10\nf3,a,1000\nf3,b,1000\n",
        )
    }

    /// The findings of a claims table.
    fn findings_of(csv: &str) -> crate::Findings {
        let dossier = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap();
        Reconciler::new().reconcile(&dossier).unwrap()
    }

    /// The table of a claims table's findings, as written.
    fn table_of(csv: &str) -> String {
        let findings = findings_of(csv);
        let mut table = Table::new();
        for f in &findings {
            table.push(f, findings.conflicts_of(f.figure()));
        }
        table.to_string()
    }

    #[test]
    fn control_characters_of_an_id_are_escaped() {
        let text = table_of("figure,source,value\n\"f\u{1b}[2J\",a,12\n\"f\u{1b}[2J\",b,20\n");
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("\nf\\u{1b}[2J  12 "), "{text}");
        assert!(text.contains("\n  f\\u{1b}[2J: disjoint"), "{text}");
    }

    /// A figure id in Chinese, Japanese or Korean takes two columns a
    /// character, and a combining accent none: the columns after it line up.
    #[test]
    fn wide_and_combining_characters_take_the_columns_a_terminal_gives_them() {
        let text = table_of(
            "figure,source,value\n死者数の推計,a,12\n死者数の推計,b,12\nf1,a,40\nf1,b,40\n\
             cafe\u{301},a,7\ncafe\u{301},b,7\n",
        );
        // Twelve columns for the widest id, then two spaces.
        assert!(text.starts_with("figure        low"), "{text}");
        assert!(text.contains("\n死者数の推計  12 "), "{text}");
        assert!(text.contains("\nf1            40 "), "{text}");
        assert!(text.contains("\ncafe\u{301}          7 "), "{text}");
    }

    #[test]
    fn a_table_of_no_figure_is_its_header() {
        let table = Table::new();
        assert!(table.is_empty());
        assert_eq!(
            table.to_string(),
            "figure  low  best  high  claims/indep  grade  confidence  conflicts\n"
        );
    }

    #[test]
    fn parts_appended_align_as_one_table() {
        let findings = findings();
        let mut whole = Table::new();
        let mut parts = vec![Table::new(), Table::new()];
        for (i, f) in findings.iter().enumerate() {
            whole.push(f, findings.conflicts_of(f.figure()));
            parts[usize::from(i > 0)].push(f, findings.conflicts_of(f.figure()));
        }
        let mut joined = Table::new();
        for part in parts {
            joined.append(part);
        }
        assert_eq!(joined.len(), 3);
        assert_eq!(joined.to_string(), whole.to_string());
        let text = whole.to_string();
        let lines: Vec<&str> = text.lines().collect();
        // Columns aligned on the longest cell; an open end is ∞.
        assert_eq!(
            lines[2],
            "f2                11    11    ∞     2/2           fair       moderate"
        );
        assert!(text.contains("\nconflicts:\n  long-figure-name: disjoint (low): "));
    }
}
