//! The source report: what was learned about each originator.

use std::fmt;

use unicode_width::UnicodeWidthStr;

use super::scale::{PRIOR_CLAIMS, Z, chi2, prior_loss};
use crate::model::{Reliability, SourceId};

/// What was learned about one originator: its learned reliability with a
/// 95 % interval, the Admiralty letter derived from it, how many figures it
/// reported, how often it agreed with the estimate, and the sources it is
/// suspected of copying (or being copied by).
///
/// Reliability is `1 / (1 + m)` for the source's mean loss `m` (0 for a
/// source that always agrees, towards 0 for one far off): the interval
/// comes from the χ² interval of `m`, prior included, so a source with few
/// compared claims has a wide one. The letter reads the point estimate —
/// A from 0.85, B from 0.7, C from 0.5, D from 0.3, E below — and is `F`
/// (cannot be judged) when fewer than 3 of its claims could be compared.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SourceRow {
    source: SourceId,
    prior: Reliability,
    grade: Reliability,
    reliability: f64,
    low: f64,
    high: f64,
    weight: f64,
    reported: usize,
    compared: usize,
    agreed: usize,
    copies: Vec<SourceId>,
}

impl SourceRow {
    #[allow(clippy::too_many_arguments)] // one row of the learner's tallies
    pub(crate) fn new(
        source: SourceId,
        prior: Reliability,
        loss: f64,
        compared: f64,
        reported: usize,
        agreed: f64,
        weight: f64,
        copies: Vec<SourceId>,
    ) -> Self {
        let total = loss + PRIOR_CLAIMS * prior_loss(prior);
        let k = compared + PRIOR_CLAIMS;
        let score = |m: f64| if m.is_nan() { 0.0 } else { 1.0 / (1.0 + m) };
        let reliability = score(total / k);
        let grade = match reliability {
            _ if compared < 3.0 => Reliability::F,
            r if r >= 0.85 => Reliability::A,
            r if r >= 0.7 => Reliability::B,
            r if r >= 0.5 => Reliability::C,
            r if r >= 0.3 => Reliability::D,
            _ => Reliability::E,
        };
        SourceRow {
            source,
            prior,
            grade,
            reliability,
            low: score(total / chi2(k, -Z)),
            high: score(total / chi2(k, Z)),
            weight,
            reported,
            compared: compared as usize,
            agreed: agreed as usize,
            copies,
        }
    }

    /// The originator.
    pub fn source(&self) -> &SourceId {
        &self.source
    }

    /// Its hand-set grade, the prior.
    pub fn prior(&self) -> Reliability {
        self.prior
    }

    /// The Admiralty letter its learned reliability earns.
    pub fn grade(&self) -> Reliability {
        self.grade
    }

    /// Its learned reliability, in `[0, 1]`.
    pub fn reliability(&self) -> f64 {
        self.reliability
    }

    /// The 95 % interval of its reliability.
    pub fn interval(&self) -> (f64, f64) {
        (self.low, self.high)
    }

    /// The weight its claims get.
    pub fn weight(&self) -> f64 {
        self.weight
    }

    /// How many claims (with a number) it made.
    pub fn reported(&self) -> usize {
        self.reported
    }

    /// How many of them were on figures another source reported too.
    pub fn compared(&self) -> usize {
        self.compared
    }

    /// How many of those agreed with the estimate, within the figure's spread.
    pub fn agreed(&self) -> usize {
        self.agreed
    }

    /// The share of compared claims that agreed, `None` when none was compared.
    pub fn agreement(&self) -> Option<f64> {
        (self.compared > 0).then(|| self.agreed as f64 / self.compared as f64)
    }

    /// The sources it shares wrong values with far more often than
    /// independence allows.
    pub fn copies(&self) -> &[SourceId] {
        &self.copies
    }
}

/// Every originator's [`SourceRow`], most reliable first (ties by id);
/// `Display` prints it as a table with one line of reasons per source.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SourceReport {
    rows: Vec<SourceRow>,
}

impl SourceReport {
    pub(crate) fn new(mut rows: Vec<SourceRow>) -> Self {
        rows.sort_by(|a, b| {
            b.reliability
                .total_cmp(&a.reliability)
                .then_with(|| a.source.cmp(&b.source))
        });
        SourceReport { rows }
    }

    /// The rows, most reliable first.
    pub fn rows(&self) -> &[SourceRow] {
        &self.rows
    }

    /// The row of `source`.
    pub fn get(&self, source: &SourceId) -> Option<&SourceRow> {
        self.rows.iter().find(|r| &r.source == source)
    }
}

impl fmt::Display for SourceReport {
    /// A table: source, learned grade (prior), reliability with interval,
    /// claims, agreement, suspected copying.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = self
            .rows
            .iter()
            .map(|r| r.source.as_str().width())
            .max()
            .unwrap_or(6)
            .max(6);
        // Padded by the columns a terminal gives each name, which `{:<w$}`
        // (counting characters) does not: "戦闘" takes four.
        let pad = |name: &str| " ".repeat(width.saturating_sub(name.width()));
        writeln!(
            f,
            "source{}  grade  reliability (95 %)   claims  agreed",
            pad("source")
        )?;
        for r in &self.rows {
            let agreement = r
                .agreement()
                .map_or_else(|| "-".to_owned(), |a| format!("{:.0} %", 100.0 * a));
            write!(
                f,
                "{}{}  {} ({})  {:.2} [{:.2}, {:.2}]  {:>6}  {:>3} of {} ({agreement})",
                r.source.as_str(),
                pad(r.source.as_str()),
                r.grade.as_str(),
                r.prior.as_str(),
                r.reliability,
                r.low,
                r.high,
                r.reported,
                r.agreed,
                r.compared,
            )?;
            if !r.copies.is_empty() {
                let names: Vec<&str> = r.copies.iter().map(SourceId::as_str).collect();
                write!(f, "; repeats wrong values with {}", names.join(", "))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name in Chinese, Japanese or Korean takes two columns a character:
    /// the columns after it line up with those after a Latin name.
    #[test]
    fn names_are_padded_to_the_columns_a_terminal_gives_them() {
        let row = |name: &str| {
            SourceRow::new(
                name.into(),
                Reliability::B,
                1.0,
                4.0,
                4,
                3.0,
                1.0,
                Vec::new(),
            )
        };
        let text = SourceReport::new(vec![row("新华社通讯"), row("afp")]).to_string();
        // "新华社通讯" is ten columns wide, so every name is padded to ten.
        assert!(text.starts_with("source      grade"), "{text}");
        assert!(text.contains("\n新华社通讯  B (B)"), "{text}");
        assert!(text.contains("\nafp         B (B)"), "{text}");
    }
}
