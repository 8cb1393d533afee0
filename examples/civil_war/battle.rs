//! How the example writes a battle: each figure's claims and their
//! envelope, its finding and its conflicts, wrapped to 80 columns; and the
//! measures and the wrapping that the summary after the battles shares.

use std::collections::BTreeMap;
use std::fmt::{self, Write};

use reckon::reconcile::conflict::{Conflict, Severity};
use reckon::{Decimal, Dossier, Figure, Findings, Interval};

/// The hull of the intervals of a figure's counted claims.
pub(crate) fn envelope(findings: &Findings, f: &Figure) -> Option<Interval> {
    findings.get(f.id())?.envelope()
}

/// `high / low` of an interval, to two decimals, when both ends are known and low > 0.
pub(crate) fn spread(i: &Interval) -> Option<Decimal> {
    let high = i.high()?;
    if i.low().is_zero() {
        return None;
    }
    high.checked_div(i.low()).map(|r| r.round_dp(2))
}

/// `items` joined by `sep`, in lines of at most `width` characters.
fn wrapped(items: &[String], sep: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for item in items {
        let len = line.chars().count() + sep.chars().count() + item.chars().count();
        if !line.is_empty() && len > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(sep);
        }
        line.push_str(item);
    }
    lines.extend((!line.is_empty()).then_some(line));
    lines
}

/// Writes `text` to `out` wrapped to 80 columns, the first line after
/// `first`, the others after `rest`.
pub(crate) fn write_wrapped(out: &mut String, text: &str, first: &str, rest: &str) -> fmt::Result {
    let words: Vec<String> = text.split(' ').map(str::to_owned).collect();
    for (i, l) in wrapped(&words, " ", 80 - rest.len()).iter().enumerate() {
        writeln!(out, "{}{l}", if i == 0 { first } else { rest })?;
    }
    Ok(())
}

/// `3 disjoint, 1 outlier`: the conflicts counted by kind.
pub(crate) fn count_kinds<'a>(conflicts: impl IntoIterator<Item = &'a Conflict>) -> String {
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for c in conflicts {
        *kinds.entry(c.kind().to_string()).or_default() += 1;
    }
    let counted: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    counted.join(", ")
}

/// Writes to `out` a battle's place and date, then each of its `figures`.
pub(crate) fn write_battle(
    out: &mut String,
    d: &Dossier,
    findings: &Findings,
    figures: &[&Figure],
) -> fmt::Result {
    let Some(first) = figures.first() else {
        return Ok(());
    };
    let scope = first.scope();
    let mut head = scope.events().first().cloned().unwrap_or_default();
    if let Some(p) = scope.period() {
        head.push_str(&format!(" · {p}"));
    }
    writeln!(out, "{head}")?;
    if let Some(place) = scope.place() {
        writeln!(out, "{place}")?;
    }
    for f in figures {
        let what = f.label().rsplit_once(": ").map_or(f.label(), |(_, w)| w);
        let claims: Vec<String> = d
            .claims_of(f.id())
            .map(|c| format!("{} {}", c.source(), c.value()))
            .collect();
        let s = if claims.len() == 1 { "" } else { "s" };
        let mut line = format!("  {what}: {} claim{s}", claims.len());
        if let Some(env) = envelope(findings, f) {
            line.push_str(&format!(", envelope {}", env.compact()));
            if let Some(s) = spread(&env).filter(|s| *s != Decimal::ONE) {
                line.push_str(&format!(" (high/low {s})"));
            }
        }
        write_wrapped(out, line.trim_start(), "  ", "      ")?;
        for l in wrapped(&claims, " · ", 74) {
            writeln!(out, "      {l}")?;
        }
        if let Some(finding) = findings.get(f.id()) {
            let mut line = format!("    {}: ", finding.policy());
            match finding.range() {
                Some(r) => line.push_str(&r.compact().to_string()),
                None => line.push_str("no range"),
            }
            if let Some(b) = finding.best() {
                line.push_str(&format!(", best {b}"));
            }
            let summary = finding.summary();
            line.push_str(&format!(
                " · {} · confidence {}",
                summary.grade(),
                summary.confidence()
            ));
            writeln!(out, "{line}")?;
            for c in finding.claims().iter().filter(|c| !c.role().is_used()) {
                let source = d.claim(c.claim()).map_or("?", |c| c.source().as_str());
                writeln!(out, "      left out: {source} ({})", c.role())?;
            }
        }
        write_conflicts(out, findings.conflicts_of(f.id()).collect())?;
    }
    writeln!(out)
}

/// Counts the conflicts by kind, and explains every one above low severity.
fn write_conflicts(out: &mut String, conflicts: Vec<&Conflict>) -> fmt::Result {
    if conflicts.is_empty() {
        return Ok(());
    }
    let counted = count_kinds(conflicts.iter().copied());
    write_wrapped(out, &format!("conflicts: {counted}"), "    ", "      ")?;
    for c in conflicts.iter().filter(|c| c.severity() > Severity::Low) {
        let between = if c.figures().len() > 1 {
            let ids: Vec<&str> = c.figures().iter().map(|f| f.as_str()).collect();
            format!(" [{}]", ids.join(", "))
        } else {
            String::new()
        };
        write_wrapped(
            out,
            &format!("{} ({}): {c}{between}", c.kind(), c.severity()),
            "      ",
            "        ",
        )?;
    }
    Ok(())
}
