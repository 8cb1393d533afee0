//! The American Civil War battles dossier: what nine compilations say about
//! the losses of each side, and how far apart they are.
//!
//! ```sh
//! cargo run --example civil_war                  # ten major battles
//! cargo run --example civil_war -- --battle PA002 # one battle (CWSAC id), repeatable
//! cargo run --example civil_war -- --all          # all 196 battles
//! cargo run --example civil_war -- --rounded      # round numbers read as rounded
//! ```
//!
//! With `--rounded`, a round number such as Bodart's "13000" is read as the
//! counts that round to it (`reckon::model::Reading::Rounded`), so it no longer
//! contradicts "13047". Of the 796 figures graded contested, 43 are then
//! fair: the compilations mostly differ in exact counts (1735 against 1754
//! Union dead at Shiloh), not only by rounding.
//!
//! For every figure (battle × side × measure) it prints each compilation's
//! claim; the envelope, the hull of the claims' intervals from the lowest
//! figure any compilation gives to the highest (Iraq Body Count and Airwars
//! publish such a range); the reconciled low–high and best value under the
//! default policy (`weighted`), with the claims it left out, the incident
//! grade and the confidence; and the conflicts found, within the figure and
//! with the figures it is related to (killed + wounded + missing against
//! casualties). Low-severity gaps (within about 25 %) are counted, the
//! others explained; last, the compilations ranked by learned reliability.
//! Data: Arnold, J. B., *American Civil War Battle Data*, v11.0.0, figshare
//! 1515995, CC BY 4.0 (`examples/data/README.md` says how it was converted).

use std::collections::BTreeMap;
use std::error::Error;
use std::path::Path;

use reckon::model::Reading;
use reckon::reconcile::conflict::{Conflict, Severity};
use reckon::{Decimal, Dossier, Figure, Findings, Interval, Reconciler};

/// The battles shown by default, by CWSAC id.
const MAJOR: &[&str] = &[
    "TN003", "VA026", "MD003", "VA028", "TN010", "VA032", "PA002", "GA004", "VA046", "VA048",
];

/// The CWSAC id a figure belongs to: its id starts with it (`pa002-…`).
fn battle_of(f: &Figure) -> String {
    f.id()
        .as_str()
        .split('-')
        .next()
        .unwrap_or_default()
        .to_uppercase()
}

/// The hull of the intervals of a figure's counted claims.
fn envelope(findings: &Findings, f: &Figure) -> Option<Interval> {
    findings.get(f.id())?.envelope()
}

/// `high / low` of an interval, to two decimals, when both ends are known and low > 0.
fn spread(i: &Interval) -> Option<Decimal> {
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
fn print_wrapped(text: &str, first: &str, rest: &str) {
    let words: Vec<String> = text.split(' ').map(str::to_owned).collect();
    for (i, l) in wrapped(&words, " ", 80 - rest.len()).iter().enumerate() {
        println!("{}{l}", if i == 0 { first } else { rest });
    }
}

/// `3 disjoint, 1 outlier`: the conflicts counted by kind.
fn count_kinds<'a>(conflicts: impl IntoIterator<Item = &'a Conflict>) -> String {
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for c in conflicts {
        *kinds.entry(c.kind().to_string()).or_default() += 1;
    }
    let counted: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    counted.join(", ")
}

fn print_battle(d: &Dossier, findings: &Findings, figures: &[&Figure]) {
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

fn main() -> Result<(), Box<dyn Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/acw-battles.toml");
    let d = Dossier::load(&path)?;

    let mut wanted: Vec<String> = Vec::new();
    let mut all = false;
    let mut reading = Reading::Strict;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--all" => all = true,
            "--rounded" => reading = Reading::Rounded,
            "--battle" => wanted.push(
                args.next()
                    .ok_or("--battle needs a CWSAC id, e.g. PA002")?
                    .to_uppercase(),
            ),
            other => {
                return Err(format!(
                    "unknown argument '{other}'; try --battle PA002, --all or --rounded"
                )
                .into());
            }
        }
    }
    let findings = Reconciler::new().reading(reading).reconcile(&d)?;
    if wanted.is_empty() && !all {
        wanted = MAJOR.iter().map(|s| (*s).to_owned()).collect();
    }

    // Battles in file order (sorted by CWSAC id), each with its figures.
    let mut battles: Vec<(String, Vec<&Figure>)> = Vec::new();
    for f in d.figures() {
        let b = battle_of(f);
        match battles.last_mut() {
            Some((last, figs)) if *last == b => figs.push(f),
            _ => battles.push((b, vec![f])),
        }
    }

    println!("American Civil War battles: what the compilations say about each side's losses.");
    println!("Data: Arnold, J. B., American Civil War Battle Data, v11.0.0, figshare 1515995,");
    println!("CC BY 4.0.");
    if reading == Reading::Rounded {
        println!("Round numbers are read as every count that rounds to them (--rounded).");
    }
    println!(
        "{} battles, {} figures, {} claims from {} compilations, {} relations.",
        battles.len(),
        d.figures().len(),
        d.claims().len(),
        d.sources().len(),
        d.relations().len()
    );
    println!();

    let shown: Vec<&(String, Vec<&Figure>)> = if all {
        battles.iter().collect()
    } else {
        let mut shown = Vec::new();
        for w in &wanted {
            match battles.iter().find(|(b, _)| b == w) {
                Some(b) => shown.push(b),
                None => return Err(format!("no battle {w} in {}", path.display()).into()),
            }
        }
        shown
    };
    for (_, figures) in shown {
        print_battle(&d, &findings, figures);
    }

    // Where the compilations disagree most on a side's casualties.
    let mut widest: Vec<(Decimal, &Figure, Interval)> = d
        .figures()
        .iter()
        .filter(|f| f.id().as_str().ends_with("-casualties"))
        .filter(|f| d.claims_of(f.id()).count() >= 3)
        .filter_map(|f| {
            let env = envelope(&findings, f)?;
            Some((spread(&env)?, f, env))
        })
        .collect();
    widest.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id().cmp(b.1.id())));
    let across = findings.cross_figure_conflicts();
    println!("Conflicts between related figures (components against totals), all battles:");
    println!("  {}", count_kinds(across));
    let mut worst: Vec<&Conflict> = across.iter().collect();
    worst.sort_by(|a, b| {
        b.score()
            .cmp(&a.score())
            .then_with(|| a.figures().cmp(b.figures()))
    });
    println!("The widest gaps:");
    for c in worst.iter().take(5) {
        let total = c.figures().last().map_or("", |f| f.as_str());
        print_wrapped(&format!("{total}: {c}"), "  ", "    ");
    }
    println!();
    println!("Widest disagreements on casualties (figures with at least 3 claims):");
    for (s, f, env) in widest.iter().take(5) {
        println!(
            "  {:>11}  high/low {s:<6} {}",
            env.compact().to_string(),
            f.label()
        );
    }
    // Which compilations agree with the others across all the battles.
    let learning = reckon::reconcile::learn::Learner::new()
        .reading(reading)
        .learn(&d)?;
    println!(
        "\nThe compilations by learned reliability (agreement with the others, 95 % interval):"
    );
    print!("{}", learning.report());
    Ok(())
}
