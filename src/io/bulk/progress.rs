//! How far a bulk run has come: what [`Bulk::progress`](super::Bulk::progress)
//! hands its function as the report is written, and the reader that counts
//! the input's bytes for it.

use std::cell::Cell;
use std::fmt;
use std::io::Read;
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How far a run of [`Bulk::run`](super::Bulk::run) has come.
///
/// Handed to the function given to [`Bulk::progress`](super::Bulk::progress)
/// once the input is read, when every figure is read before any is written
/// (unsorted input), and after each batch of figures (about 32,000 claims)
/// is written. For [`Output::Table`](super::Output::Table), a batch is
/// "written" into the table's rows, and the table itself once every figure
/// is in, after the last report. Its text is one line:
///
/// ```
/// use reckon::Reconciler;
/// use reckon::io::bulk::Bulk;
/// use std::sync::{Arc, Mutex};
///
/// let seen = Arc::new(Mutex::new(Vec::new()));
/// let keep = Arc::clone(&seen);
/// let csv = "figure,source,value\nf1,a,10\nf1,b,12\nf2,a,7\n";
/// Bulk::new(Reconciler::new())
///     .progress(move |p| keep.lock().unwrap().push((p.figures_written(), p.figures())))
///     .run(csv.as_bytes(), "claims.csv", std::io::sink())?;
/// // Read: two figures, none written yet; then both written.
/// assert_eq!(*seen.lock().unwrap(), [(0, Some(2)), (2, Some(2))]);
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    bytes_read: u64,
    claims_written: u64,
    figures_written: u64,
    figures: Option<u64>,
    elapsed: Duration,
}

impl Progress {
    /// The bytes of input read so far.
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// The claims of the figures written so far, and of those that could
    /// not be reconciled.
    pub fn claims_written(&self) -> u64 {
        self.claims_written
    }

    /// The figures written so far, and those that could not be reconciled
    /// (counted in the [`Summary`](super::Summary)).
    pub fn figures_written(&self) -> u64 {
        self.figures_written
    }

    /// Every figure of the input, when it is known before the report is
    /// written: for unsorted input, read whole first; `None` for sorted
    /// input, written as it is read.
    pub fn figures(&self) -> Option<u64> {
        self.figures
    }

    /// The time since the run started.
    pub fn elapsed(&self) -> Duration {
        self.elapsed
    }

    /// The share of the figures written, in per cent (rounded down), when
    /// the number of figures is known.
    pub fn percent(&self) -> Option<u64> {
        let all = self.figures?;
        Some(match all {
            0 => 100,
            _ => self.figures_written.saturating_mul(100) / all,
        })
    }
}

/// "12,345 figures of 50,000 written (24 %), 49,380 claims, 1.2 MB read,
/// 0.4 s", or without "of …" and the share when the number of figures is
/// not known.
impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} figures", grouped(self.figures_written))?;
        if let (Some(all), Some(percent)) = (self.figures, self.percent()) {
            write!(f, " of {} written ({percent} %)", grouped(all))?;
        } else {
            f.write_str(" written")?;
        }
        write!(
            f,
            ", {} claims, {:.1} MB read, {:.1} s",
            grouped(self.claims_written),
            self.bytes_read as f64 / 1e6,
            self.elapsed.as_secs_f64()
        )
    }
}

/// `n` with a comma between groups of three digits.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The function given to [`Bulk::progress`](super::Bulk::progress).
#[derive(Clone)]
pub(super) struct OnProgress(pub(super) Arc<dyn Fn(&Progress) + Send + Sync>);

impl fmt::Debug for OnProgress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OnProgress")
    }
}

/// What a run has written so far, handed to its [`OnProgress`] after each
/// batch.
pub(super) struct Meter {
    report: OnProgress,
    bytes_read: Rc<Cell<u64>>,
    started: Instant,
    figures: Option<u64>,
    claims_written: u64,
    figures_written: u64,
}

impl Meter {
    /// A meter for a run started at `started`, reading bytes counted in
    /// `bytes_read`.
    pub(super) fn new(report: OnProgress, bytes_read: Rc<Cell<u64>>, started: Instant) -> Meter {
        Meter {
            report,
            bytes_read,
            started,
            figures: None,
            claims_written: 0,
            figures_written: 0,
        }
    }

    /// Every figure is read: there are `figures`.
    pub(super) fn read(&mut self, figures: u64) {
        self.figures = Some(figures);
        self.report();
    }

    /// A batch of `figures` figures and `claims` claims is written.
    pub(super) fn written(&mut self, figures: u64, claims: u64) {
        self.figures_written += figures;
        self.claims_written += claims;
        self.report();
    }

    fn report(&self) {
        (self.report.0)(&Progress {
            bytes_read: self.bytes_read.get(),
            claims_written: self.claims_written,
            figures_written: self.figures_written,
            figures: self.figures,
            elapsed: self.started.elapsed(),
        });
    }
}

/// A reader that counts the bytes read through it.
pub(super) struct Counted<R> {
    pub(super) inner: R,
    pub(super) bytes: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count(n);
        Ok(n)
    }

    /// The inner reader's own, which for a file makes room for the whole
    /// of it at once.
    fn read_to_end(&mut self, buf: &mut Vec<u8>) -> std::io::Result<usize> {
        let n = self.inner.read_to_end(buf)?;
        self.count(n);
        Ok(n)
    }
}

impl<R> Counted<R> {
    fn count(&self, n: usize) {
        self.bytes.set(self.bytes.get().saturating_add(n as u64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_as_one_line() {
        let p = Progress {
            bytes_read: 1_234_567,
            claims_written: 49_380,
            figures_written: 12_345,
            figures: Some(50_000),
            elapsed: Duration::from_millis(420),
        };
        assert_eq!(p.percent(), Some(24));
        assert_eq!(
            p.to_string(),
            "12,345 figures of 50,000 written (24 %), 49,380 claims, 1.2 MB read, 0.4 s"
        );
        let sorted = Progress { figures: None, ..p };
        assert_eq!(sorted.percent(), None);
        assert_eq!(
            sorted.to_string(),
            "12,345 figures written, 49,380 claims, 1.2 MB read, 0.4 s"
        );
        let none = Progress {
            figures: Some(0),
            ..Progress::default()
        };
        assert_eq!(none.percent(), Some(100));
    }

    #[test]
    fn grouped_puts_a_comma_between_thousands() {
        for (n, text) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (123_456_789, "123,456,789"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ] {
            assert_eq!(grouped(n), text);
        }
    }
}
