//! What a bulk run read and wrote: its counts, its time and its problems.

use std::fmt;
use std::time::Duration;

use super::load::Loader;
use super::write::Counter;
use crate::Error;
use crate::error::Problems;

/// What a bulk run read and wrote.
#[derive(Debug, Default)]
pub struct Summary {
    pub(super) rows_read: u64,
    pub(super) claims: u64,
    pub(super) rejected: u64,
    pub(super) figures: u64,
    pub(super) conflicts: u64,
    pub(super) elapsed: Duration,
    pub(super) problems: Problems,
    pub(super) unreconciled: u64,
}

impl Counter for Summary {
    fn count(&mut self, figures: u64, conflicts: u64, unreconciled: Vec<Error>) {
        self.figures += figures;
        self.conflicts += conflicts;
        self.add_unreconciled(unreconciled);
    }
}

impl Summary {
    /// Takes the loader's counts and its rows' problems, which come before
    /// the figures' problems met so far.
    pub(super) fn absorb(&mut self, loader: Loader) {
        self.rows_read = loader.rows_read;
        self.claims = loader.claims;
        self.rejected = loader.rejected;
        let (figures, skipped) = self.problems.drain();
        self.problems = loader.problems;
        for e in figures {
            self.problems.push(e);
        }
        self.problems.skipped(skipped);
    }

    /// Counts and keeps the problems of figures that could not be reconciled.
    pub(super) fn add_unreconciled(&mut self, problems: Vec<Error>) {
        self.unreconciled += problems.len() as u64;
        for e in problems {
            self.problems.push(e);
        }
    }

    /// Rows read (a claims table's header and JSON Lines' blank lines not
    /// counted): always [`Summary::claims`] + [`Summary::rejected`].
    pub fn rows_read(&self) -> u64 {
        self.rows_read
    }

    /// Claims loaded and reconciled.
    pub fn claims(&self) -> u64 {
        self.claims
    }

    /// Rows left out, each reported in [`Summary::problems`].
    pub fn rejected(&self) -> u64 {
        self.rejected
    }

    /// Figures reconciled.
    pub fn figures(&self) -> u64 {
        self.figures
    }

    /// Figures that could not be reconciled (a sum past a decimal's limit,
    /// say), each reported in [`Summary::problems`] and left out of the
    /// report; every other figure is in it.
    pub fn unreconciled(&self) -> u64 {
        self.unreconciled
    }

    /// Conflicts found within figures.
    pub fn conflicts(&self) -> u64 {
        self.conflicts
    }

    /// The time from the first byte read to the last written.
    pub fn elapsed(&self) -> Duration {
        self.elapsed
    }

    /// The rejected rows' problems, in input order within each chunk of
    /// input, then those of the figures that could not be reconciled (the
    /// first hundred are kept).
    pub fn problems(&self) -> &[Error] {
        self.problems.kept()
    }

    /// One error listing every rejected row's problem and every figure's
    /// that could not be reconciled, `None` when there is none.
    pub fn into_error(self) -> Option<Error> {
        self.problems.into_result("problems").err()
    }
}

/// One line: claims read, figures, conflicts, time and rate.
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.elapsed.as_secs_f64();
        let rate = if secs > 0.0 {
            self.rows_read as f64 / secs / 1e6
        } else {
            0.0
        };
        let s = |n: u64| if n == 1 { "" } else { "s" };
        write!(
            f,
            "{} claim{} read ({} loaded, {} rejected), {} figure{}, {} conflict{}, {:.2} s ({:.2} M claims/s)",
            self.rows_read,
            s(self.rows_read),
            self.claims,
            self.rejected,
            self.figures,
            s(self.figures),
            self.conflicts,
            s(self.conflicts),
            secs,
            rate
        )?;
        if self.unreconciled > 0 {
            let n = self.unreconciled;
            write!(f, "; {n} figure{} not reconciled", s(n))?;
        }
        Ok(())
    }
}
