//! How the example prints a battle: each figure's claims and their
//! envelope, its finding and its conflicts, wrapped to 80 columns; and the
//! measures and the wrapping that the summary after the battles shares.

use std::collections::BTreeMap;

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

/// Prints `text` wrapped to 80 columns, the first line after `first`, the
/// others after `rest`.
pub(crate) fn print_wrapped(text: &str, first: &str, rest: &str) {
    let words: Vec<String> = text.split(' ').map(str::to_owned).collect();
    for (i, l) in wrapped(&words, " ", 80 - rest.len()).iter().enumerate() {
        println!("{}{l}", if i == 0 { first } else { rest });
    }
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

/// Prints a battle's place and date, then each of its `figures`.
pub(crate) fn print_battle(d: &Dossier, findings: &Findings, figures: &[&Figure]) {
    let Some(first) = figures.first() else {
        return;
    };
    let scope = first.scope();
    let mut head = scope.events().first().cloned().unwrap_or_default();
    if let Some(p) = scope.period() {
        head.push_str(&format!(" · {p}"));
    }
    println!("{head}");
    if let Some(place) = scope.place() {
        println!("{place}");
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
        print_wrapped(line.trim_start(), "  ", "      ");
        for l in wrapped(&claims, " · ", 74) {
            println!("      {l}");
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
            println!("{line}");
            for c in finding.claims().iter().filter(|c| !c.role().is_used()) {
                let source = d.claim(c.claim()).map_or("?", |c| c.source().as_str());
                println!("      left out: {source} ({})", c.role());
            }
        }
        print_conflicts(findings.conflicts_of(f.id()).collect());
    }
    println!();
}

/// Counts the conflicts by kind, and explains every one above low severity.
fn print_conflicts(conflicts: Vec<&Conflict>) {
    if conflicts.is_empty() {
        return;
    }
    let counted = count_kinds(conflicts.iter().copied());
    print_wrapped(&format!("conflicts: {counted}"), "    ", "      ");
    for c in conflicts.iter().filter(|c| c.severity() > Severity::Low) {
        let between = if c.figures().len() > 1 {
            let ids: Vec<&str> = c.figures().iter().map(|f| f.as_str()).collect();
            format!(" [{}]", ids.join(", "))
        } else {
            String::new()
        };
        print_wrapped(
            &format!("{} ({}): {c}{between}", c.kind(), c.severity()),
            "      ",
            "        ",
        );
    }
}
