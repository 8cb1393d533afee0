//! The report of the 2014 Qalamoun offensive: every figure of the Wikipedia
//! article, reconciled.
//!
//! ```text
//! cargo run --example qalamoun -- [--markdown | --json] [--policy NAME] [FILE]
//! ```
//!
//! Reads `examples/data/qalamoun-2014.toml` (or `FILE`, a dossier or claims
//! table) and prints, in an 80-column terminal:
//!
//! 1. **Figures**, event by event: each figure's claims, the reconciled range
//!    and best value under the policy (`weighted` by default), the consensus
//!    (the values every counted claim allows) and the incident grade.
//! 2. **Conflicts**: every contradiction found, within a figure or between
//!    related figures, with the claims involved (value, source, words) and
//!    why they conflict.
//! 3. **Confidence**: for each disputed figure, an ICD 203 likelihood
//!    sentence and, separately, a confidence level with its reasons.
//! 4. **Roll-ups**: each declared total against the interval sum of its
//!    parts, with the parts used and those left out.
//!
//! `--markdown` prints the same report as Markdown; `--json` prints one JSON
//! object: `{"figures": [...], "conflicts": [...], "rollups": [...]}`, where
//! each figure is the object the `reconcile` example prints (its stable
//! contract), `conflicts` are the conflicts between related figures, and each
//! roll-up is `{"total", "sum": [low, high] | null, "parts": [{"figure",
//! "range": [low, high] | null, "usage", "used"}]}`.

mod common;

use std::fmt::Write as _;
use std::process::ExitCode;

use reckon::io::report::Report;
use reckon::reconcile::conflict::Conflict;
use reckon::reconcile::policy::Registry;
use reckon::reconcile::rollup::{Grades, Rollup};
use reckon::{Dossier, Relation};
use reckon::{Finding, Findings, Reconciler};

const USAGE: &str = "usage: qalamoun [--markdown | --json] [--policy NAME] [FILE]";
const WIDTH: usize = 80;

#[derive(PartialEq)]
enum Format {
    Text,
    Markdown,
    Json,
}

struct Args {
    format: Format,
    policy: Option<String>,
    file: String,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        format: Format::Text,
        policy: None,
        file: concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/qalamoun-2014.toml"
        )
        .to_owned(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--markdown" => a.format = Format::Markdown,
            "--json" => a.format = Format::Json,
            "--policy" => a.policy = Some(args.next().ok_or("--policy needs a name")?),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option `{s}`")),
            _ => a.file = arg,
        }
    }
    Ok(a)
}

/// Wraps `text` to `width` columns, every line after the first indented by `indent`.
fn wrap(text: &str, first: &str, indent: usize, width: usize) -> String {
    let mut out = String::from(first);
    let mut col = first.chars().count();
    let mut at_start = true;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if !at_start && col + 1 + w > width {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
            at_start = true;
        }
        if !at_start {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
        at_start = false;
    }
    out.push('\n');
    out
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n - 1).chain(std::iter::once('…')).collect()
    }
}

/// The reconciled range with its best value, `50–200 (110)`, in at most
/// `width` characters: the best value goes before a number is cut.
fn result(f: &Finding, width: usize) -> String {
    let range = match f.range() {
        None => return "—".to_owned(),
        Some(r) => r,
    };
    match f.best() {
        Some(b) if range.high() != Some(range.low()) => {
            let both = format!("{} ({b})", range.compact());
            if both.chars().count() <= width {
                return both;
            }
        }
        _ => {}
    }
    cut(&range.compact().to_string(), width)
}

fn claims_text(d: &Dossier, f: &Finding) -> String {
    f.claims()
        .iter()
        .filter_map(|c| d.claim(c.claim()).map(|x| (c.is_counted(), x)))
        // A claim revised by a later one is shown in brackets.
        .map(|(counted, c)| {
            if counted {
                c.value().to_string()
            } else {
                format!("({})", c.value())
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn event_of(d: &Dossier, f: &Finding) -> String {
    d.figure(f.figure())
        .and_then(|x| x.scope().events().first().cloned())
        .unwrap_or_else(|| "other".to_owned())
}

/// Figures grouped by their first event, in the dossier's order.
fn by_event<'a>(d: &Dossier, findings: &'a Findings) -> Vec<(String, Vec<&'a Finding>)> {
    let mut groups: Vec<(String, Vec<&Finding>)> = Vec::new();
    for f in findings {
        let e = event_of(d, f);
        match groups.iter_mut().find(|(name, _)| *name == e) {
            Some((_, v)) => v.push(f),
            None => groups.push((e, vec![f])),
        }
    }
    groups
}

fn is_disputed(findings: &Findings, f: &Finding) -> bool {
    f.summary().claim_count() > 1 || findings.conflicts_of(f.figure()).next().is_some()
}

/// Every conflict once: those within each figure, then those across figures.
fn all_conflicts(findings: &Findings) -> Vec<&Conflict> {
    findings
        .iter()
        .flat_map(|f| f.conflicts().iter())
        .chain(findings.cross_figure_conflicts().iter())
        .collect()
}

fn claim_line(d: &Dossier, id: &reckon::model::ClaimId) -> String {
    match d.claim(id) {
        Some(c) => {
            let source = d
                .source(c.source())
                .map_or(c.source().as_str(), |s| s.name());
            let quote = c.quote().map(|q| format!(": \"{q}\"")).unwrap_or_default();
            format!("{} — {} ({source}){quote}", c.id(), c.value())
        }
        None => id.to_string(),
    }
}

fn rollups(d: &Dossier, findings: &Findings) -> Vec<Rollup> {
    d.relations()
        .iter()
        .filter(|r| matches!(r, Relation::SumOver { .. } | Relation::Components { .. }))
        // Only relations that declare parts are kept, so a roll-up cannot fail here.
        .filter_map(|r| findings.rollup(r, Grades::ALL).ok())
        .collect()
}

/// The same roll-up over Fair and Confirmed parts only, as Airwars sums.
fn airwars_sum(d: &Dossier, findings: &Findings, r: &Rollup) -> String {
    d.relations()
        .iter()
        .filter(|rel| {
            rel.figures().last() == Some(r.total()) && !matches!(rel, Relation::PartOf { .. })
        })
        .find_map(|rel| findings.rollup(rel, Grades::AIRWARS).ok())
        .and_then(|x| x.sum())
        .map_or_else(
            || "— (no part qualifies)".to_owned(),
            |r| r.compact().to_string(),
        )
}

fn total_range(findings: &Findings, r: &Rollup) -> String {
    findings
        .get(r.total())
        .and_then(Finding::range)
        .map_or_else(|| "—".to_owned(), |r| r.compact().to_string())
}

fn text(d: &Dossier, findings: &Findings, policy: &str) -> String {
    let mut s = String::new();
    let rule = "=".repeat(WIDTH);
    let _ = writeln!(
        s,
        "{rule}\nQalamoun offensive (2014): {} figures, {} claims, {} sources",
        d.figures().len(),
        d.claims().len(),
        d.sources().len()
    );
    let _ = writeln!(
        s,
        "policy: {policy}; source text: Wikipedia, CC BY-SA 4.0\n{rule}\n"
    );

    let _ = writeln!(
        s,
        "FIGURES  claims as stated, (revised); result: reconciled range (best)\n"
    );
    let _ = writeln!(
        s,
        "{:<28} {:<15} {:<15} {:<9} grade",
        "figure", "claims", "result", "consensus"
    );
    for (event, group) in by_event(d, findings) {
        let _ = writeln!(s, "\n-- {event}");
        for f in group {
            let consensus = f
                .consensus()
                .map_or_else(|| "none".to_owned(), |r| r.compact().to_string());
            let _ = writeln!(
                s,
                "{:<28} {:<15} {:<15} {:<9} {}",
                cut(f.figure().as_str(), 28),
                cut(&claims_text(d, f), 15),
                result(f, 15),
                cut(&consensus, 9),
                f.summary().grade()
            );
        }
    }

    let conflicts = all_conflicts(findings);
    let _ = writeln!(
        s,
        "\n{rule}\nCONFLICTS  ({} found)\n{rule}",
        conflicts.len()
    );
    for c in conflicts {
        let figures: Vec<&str> = c.figures().iter().map(|f| f.as_str()).collect();
        let _ = write!(
            s,
            "\n{}",
            wrap(
                &figures.join(", "),
                &format!("{} [{}] ", c.kind(), c.severity()),
                4,
                WIDTH
            )
        );
        s.push_str(&wrap(&c.explanation(), "  why: ", 7, WIDTH));
        for id in c.claims() {
            s.push_str(&wrap(&claim_line(d, id), "  - ", 4, WIDTH));
        }
    }

    let _ = writeln!(s, "\n{rule}\nCONFIDENCE  (disputed figures)\n{rule}");
    let mut single = 0;
    for f in findings {
        if !is_disputed(findings, f) {
            single += 1;
            continue;
        }
        let sm = f.summary();
        let label = d.figure(f.figure()).map_or("", |x| x.label());
        let _ = write!(
            s,
            "\n{}",
            wrap(label, &format!("{}: ", f.figure()), 4, WIDTH)
        );
        if let Some(l) = sm.likelihood_sentence() {
            s.push_str(&wrap(&l, "  ", 2, WIDTH));
        }
        s.push_str(&wrap(
            &sm.reasons_text(),
            &format!(
                "  confidence {} ({}, credibility {}): ",
                sm.confidence(),
                sm.grade(),
                sm.credibility().number()
            ),
            4,
            WIDTH,
        ));
    }
    let _ = writeln!(
        s,
        "\n({single} other figures rest on one source each: graded weak, low confidence.)"
    );

    let _ = writeln!(
        s,
        "\n{rule}\nROLL-UPS  (declared totals against the sum of their parts)\n{rule}"
    );
    for r in rollups(d, findings) {
        let sum = r
            .sum()
            .map_or_else(|| "—".to_owned(), |r| r.compact().to_string());
        let _ = writeln!(
            s,
            "\n{}: stated {}, parts add up to {sum}",
            r.total(),
            total_range(findings, &r)
        );
        let airwars = airwars_sum(d, findings, &r);
        let _ = writeln!(s, "  fair and confirmed parts only (Airwars): {airwars}");
        for p in r.parts() {
            let range = p
                .range()
                .map_or_else(|| "—".to_owned(), |r| r.compact().to_string());
            s.push_str(&wrap(
                &format!("{} {range}: {}", p.figure(), p.usage()),
                "  - ",
                4,
                WIDTH,
            ));
        }
    }
    s
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

fn markdown(d: &Dossier, findings: &Findings, policy: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Qalamoun offensive (2014)\n");
    let _ = writeln!(
        s,
        "{} figures, {} claims, {} sources; policy `{policy}`. Source text: Wikipedia, CC BY-SA 4.0.\n",
        d.figures().len(),
        d.claims().len(),
        d.sources().len()
    );
    let _ = writeln!(s, "## Figures");
    for (event, group) in by_event(d, findings) {
        let _ = writeln!(
            s,
            "\n### {event}\n\n| figure | claims | result | consensus | grade |\n|---|---|---|---|---|"
        );
        for f in group {
            let consensus = f
                .consensus()
                .map_or_else(|| "none".to_owned(), |r| r.compact().to_string());
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} | {} |",
                f.figure(),
                md_escape(&claims_text(d, f)),
                result(f, usize::MAX),
                consensus,
                f.summary().grade()
            );
        }
    }
    let _ = writeln!(s, "\n## Conflicts\n");
    for c in all_conflicts(findings) {
        let figures: Vec<String> = c.figures().iter().map(|f| format!("`{f}`")).collect();
        let _ = writeln!(
            s,
            "- **{}** ({}), {}: {}",
            c.kind(),
            c.severity(),
            figures.join(", "),
            md_escape(&c.explanation())
        );
        for id in c.claims() {
            let _ = writeln!(s, "  - {}", md_escape(&claim_line(d, id)));
        }
    }
    let _ = writeln!(
        s,
        "\n## Confidence\n\n| figure | likelihood | confidence | reasons |\n|---|---|---|---|"
    );
    for f in findings.iter().filter(|f| is_disputed(findings, f)) {
        let sm = f.summary();
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} |",
            f.figure(),
            sm.likelihood_sentence().unwrap_or_default(),
            sm.confidence(),
            md_escape(&sm.reasons_text())
        );
    }
    let _ = writeln!(s, "\n## Roll-ups\n");
    for r in rollups(d, findings) {
        let sum = r
            .sum()
            .map_or_else(|| "—".to_owned(), |r| r.compact().to_string());
        let _ = writeln!(
            s,
            "- `{}`: stated {}, parts add up to {sum}",
            r.total(),
            total_range(findings, &r)
        );
        for p in r.parts() {
            let range = p
                .range()
                .map_or_else(|| "—".to_owned(), |r| r.compact().to_string());
            let _ = writeln!(s, "  - `{}` {range}: {}", p.figure(), p.usage());
        }
    }
    s
}

/// The whole reconciliation as one JSON document: the report's figures,
/// the conflicts between figures, and the roll-ups, each written by the
/// library's serializers.
#[derive(serde::Serialize)]
struct Document<'a> {
    figures: Report<'a>,
    conflicts: &'a [Conflict],
    rollups: Vec<Rollup>,
}

fn run(a: &Args) -> Result<String, Box<dyn std::error::Error>> {
    let d = Dossier::load(&a.file)?;
    let mut r = Reconciler::new();
    if let Some(name) = &a.policy {
        r = r.policy(Registry::standard().get(name)?);
    }
    let findings = r.reconcile(&d)?;
    Ok(match a.format {
        Format::Text => text(&d, &findings, r.policy_name()),
        Format::Markdown => markdown(&d, &findings, r.policy_name()),
        Format::Json => {
            let doc = Document {
                figures: Report::new(&d, &findings),
                conflicts: findings.cross_figure_conflicts(),
                rollups: rollups(&d, &findings),
            };
            let mut s = serde_json::to_string_pretty(&doc)?;
            s.push('\n');
            s
        }
    })
}

fn main() -> ExitCode {
    common::main("qalamoun", USAGE, parse_args, |a| {
        run(&a).map_err(|e| e.to_string())
    })
}
