//! Reconciles a dossier (TOML) or a claims table (CSV) and prints what can
//! be believed about each figure.
//!
//! ```text
//! cargo run --profile release-lto --example reconcile -- [--json | --jsonl | --pretty] [--sorted] [--policy NAME] [--lenient | --rounded] [--count-superseded] FILE | -
//! ```
//!
//! - `FILE`: a `.csv` claims table (only the columns `figure,source,value`
//!   are required; `value` takes the value grammar or English phrases such as
//!   "more than 100", "approximately 1000", "fewer than 10") or a `.toml`
//!   dossier; another name is read by its first line (`Dossier::load`). `-` reads a
//!   claims table of `figure,source,value` from standard input
//!   (`zcat claims.csv.gz | reconcile --json --sorted -`).
//! - `--policy NAME`: `envelope`, `consensus`, `conservative`,
//!   `most_reliable`, `most_recent`, `majority`, `weighted` (the default),
//!   or `learned` (weights learned from the sources' record across every
//!   figure of the file before any figure is decided, so not with
//!   `--sorted`).
//! - `--lenient`: read vague words leniently ("dozens" is 12–119).
//! - `--rounded`: as `--lenient`, and read a round number as the counts
//!   that round to it ("13000" is 12500–13499; see `reckon::model::Reading`).
//! - `--count-superseded`: let revised claims count too.
//! - `--json`: print JSON instead of a table (one array, one figure per
//!   line); `--pretty`: the same JSON, indented; `--jsonl`: one figure's
//!   JSON object per line.
//! - `--sorted`: the file lists its figures in ascending order (checked), so
//!   with `--json`, `--jsonl` or `--pretty` memory is bounded by the largest
//!   figure (the table keeps every row until the end, to align its columns).
//!
//! A claims table of only `figure,source,value` (or a `.jsonl` file of such
//! objects, or `-`) takes the bulk path (`reckon::io::bulk`): streamed,
//! reconciled on every core and written figure by figure (the table, once
//! every figure's row is in), with a summary line (claims read, figures,
//! conflicts, time) on stderr; while it runs, a progress bar on stderr when
//! stderr is a terminal and the report goes elsewhere (nothing otherwise). A bad row does not stop it: the row is named
//! on stderr (file, line, column, field, text) and left out, the other
//! figures are reported, and the exit status is 1. A dossier is read whole
//! first: a bad record stops the run before anything is printed.
//!
//! Either way, a figure that cannot be reconciled (a sum past a decimal's
//! limit) is named on stderr, every other figure is reported, and the exit
//! status is 1: 0 means every claim was read and every figure reported.
//!
//! # The JSON output (a stable contract)
//!
//! A JSON array with one object per figure, in the file's order. Fields are
//! only ever added, never renamed or removed; consumers should ignore fields
//! they do not know. Every figure is a **decimal string** (`"50"`, `"0.5"`),
//! never a JSON number, so no digit is lost; `null` stands for an unbounded
//! end or for a value that cannot be given.
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `figure` | string | the figure's id |
//! | `label` | string | the figure's label |
//! | `policy` | string | the policy's name |
//! | `claims` | array | every claim considered, superseded ones included, by interval |
//! | `claims[].id` | string | the claim's id |
//! | `claims[].source` | string | the source's id |
//! | `claims[].value` | string | the value in the value grammar (`50–170`, `>100`, `~1000`) |
//! | `claims[].low`, `claims[].high` | decimal string / null | its interval; `high` null when open |
//! | `claims[].counted` | bool | false for a claim revised by a later one |
//! | `claims[].role` | string | `used`, or why the policy left it out |
//! | `raw_claims` | integer | counted claims, relays and re-reports included |
//! | `independent_sources` | integer | distinct originators of the counted claims |
//! | `low`, `best`, `high` | decimal string / null | the reconciled figure, bounds inclusive |
//! | `envelope` | `[low, high]` / null | lowest to highest counted claim (`high` null when open) |
//! | `consensus` | `[low, high]` / null | the values every counted claim allows; null when none |
//! | `conflicts` | array | conflicts within the figure and with related figures |
//! | `conflicts[].kind` | string | `disjoint`, `empty_consensus`, `outlier`, `partisan_only`, `revision`, `invalid_triple`, `part_exceeds_whole`, `components_exceed_total`, `total_below_parts`, `scope_mismatch` |
//! | `conflicts[].claims` | array of strings | the claims involved |
//! | `conflicts[].figures` | array of strings | the figures involved |
//! | `conflicts[].severity` | string | `info`, `low`, `moderate`, `high`, `severe` |
//! | `conflicts[].score` | decimal string / null | the gap on a log scale (`log10((b+1)/(a+1))`) |
//! | `conflicts[].explanation` | string | one lowercase sentence |
//! | `grade` | string | `confirmed`, `fair`, `weak`, `contested` (after Airwars) |
//! | `credibility` | integer 1–6 | Admiralty credibility of the reconciled range |
//! | `agreement` | decimal string / null | how much of the envelope the consensus covers, 0–1 |
//! | `spread` | decimal string / null | reconciled high / low |
//! | `sides` | array of strings | sides of the speakers of counted claims |
//! | `likelihood` | string / null | ICD 203 sentence: "The figure is likely between 50 and 170." |
//! | `confidence` | string | `high`, `moderate`, `low` (never in the same sentence as the likelihood) |
//! | `reasons` | array of strings | the reasons for the confidence level |

mod common;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};

use reckon::io::bulk::{Bulk, Output, Progress};
use reckon::io::report::Report;
use reckon::io::table::Table;
use reckon::model::Reading;
use reckon::reconcile::Superseded;
use reckon::reconcile::policy::{Policy, Registry};
use reckon::{Dossier, Reconciler};
use std::sync::Arc;

/// The allocator: the bulk path frees a claim on another thread than the one that read it,
/// where the system allocator takes a lock; huge pages off (`no_thp`), or the kernel clears
/// them. `reconcile --json` of the 4.09 M claims of the peers' synthetic file, three
/// alternating runs when it was chosen (a claim's list then grew one claim at a time):
/// 7.15–7.49 s with the system allocator and 6.61–6.82 s with this one on one core;
/// 4.23–4.30 s and 3.71–3.90 s on two; the peak 374 MB and 408–412 MB (100 B/claim).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: reconcile [--json | --jsonl | --pretty] [--sorted] [--policy NAME] [--lenient | --rounded] [--count-superseded] FILE | -";

struct Args {
    /// The JSON written; a table when `None`.
    json: Option<Output>,
    sorted: bool,
    r: Reconciler,
    file: String,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut json = None;
    let mut sorted = false;
    let mut policy = None;
    let mut reading = Reading::Strict;
    let mut count_superseded = false;
    let mut file = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" | "--jsonl" | "--pretty" if json.is_some() => {
                return Err("give one of --json, --jsonl and --pretty".into());
            }
            "--json" => json = Some(Output::Json),
            "--jsonl" => json = Some(Output::JsonLines),
            "--pretty" => json = Some(Output::JsonPretty),
            "--sorted" => sorted = true,
            "--lenient" | "--rounded" if reading != Reading::Strict => {
                return Err("give one of --lenient and --rounded".into());
            }
            "--lenient" => reading = Reading::Lenient,
            "--rounded" => reading = Reading::Rounded,
            "--count-superseded" => count_superseded = true,
            "--policy" => {
                policy = Some(args.next().ok_or("--policy needs a name")?);
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--policy=") => policy = Some(s["--policy=".len()..].to_owned()),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option `{s}`")),
            _ if file.is_some() => return Err(format!("more than one file: `{a}`")),
            _ => file = Some(a),
        }
    }
    let file = file.ok_or("no file given")?;
    let mut r = Reconciler::new().reading(reading);
    if count_superseded {
        r = r.superseded(Superseded::Count);
    }
    if let Some(name) = policy {
        r = r.policy(policy_for(&name, sorted)?);
    }
    Ok(Args {
        json,
        sorted,
        r,
        file,
    })
}

fn run(args: Args) -> Result<String, String> {
    let r = &args.r;
    let stdin = args.file == "-";
    // Any input but a `.toml` read sorted takes the bulk path (`<(zcat x.csv.gz)`).
    let sorted = args.sorted && !args.file.to_ascii_lowercase().ends_with(".toml");
    if stdin || sorted || Bulk::accepts(&args.file) {
        let output = args.json.unwrap_or(Output::Table);
        let mut bulk = Bulk::new(r.clone()).output(output).sorted(args.sorted);
        // On the terminal the report is printed to, a bar would mix with it.
        let bar = std::io::stderr().is_terminal() && !std::io::stdout().is_terminal();
        if bar {
            // With sorted input the figures are not known ahead: the share
            // of the file read stands in.
            let size = (!stdin)
                .then(|| std::fs::metadata(&args.file).map(|m| m.len()).ok())
                .flatten();
            bulk = bulk.progress(move |p| draw(p, size));
        }
        let out = std::io::stdout().lock();
        let summary = if stdin {
            bulk.run(std::io::stdin().lock(), "standard input", out)
        } else {
            bulk.run_file(&args.file, out)
        };
        if bar {
            // The bar's line is cleared for the summary or the error.
            eprint!("\r\x1b[K");
        }
        let summary = summary.map_err(|e| e.to_string())?;
        // One write: stderr is unbuffered and the summary comes in pieces.
        let line = format!("reconcile: {summary}\n");
        eprint!("{line}");
        return match summary.into_error() {
            Some(e) => Err(e.to_string()),
            None => Ok(String::new()),
        };
    }
    if args.sorted {
        return Err("--sorted reads a claims table of figure, source and value \
                    (or JSON Lines), not a dossier"
            .into());
    }
    let (out, problems) = report(&args, r).map_err(|e| e.to_string())?;
    if problems == 0 {
        return Ok(out);
    }
    common::write(&out)?;
    let s = if problems == 1 { "" } else { "s" };
    Err(format!(
        "{problems} figure{s} or relation{s} not reconciled"
    ))
}

/// Draws `p` on stderr over the line before, at most every tenth of a
/// second (and at the last figure): a bar when the share done is known (of
/// the figures, from `p`, or else of the file's `size` bytes), and the
/// counts, cut to 79 characters so that the line never wraps on 80 columns
/// (a wrapped line is not drawn over).
fn draw(p: &Progress, size: Option<u64>) {
    static DRAWN_AT_MS: AtomicU64 = AtomicU64::new(0);
    let ms = u64::try_from(p.elapsed().as_millis()).unwrap_or(u64::MAX);
    let percent = p.percent().or_else(|| {
        size.filter(|&s| s > 0)
            .map(|s| p.bytes_read().saturating_mul(100) / s)
    });
    let last = DRAWN_AT_MS.load(Ordering::Relaxed);
    if ms < last.saturating_add(100) && last != 0 && p.percent() != Some(100) {
        return;
    }
    DRAWN_AT_MS.store(ms.max(1), Ordering::Relaxed);
    const WIDTH: u64 = 20;
    let bar = percent.map_or(String::new(), |pc| {
        let done = (pc.min(100) * WIDTH / 100) as usize;
        let of_file = match p.percent() {
            Some(_) => String::new(),
            None => format!("{pc} % of the file, "),
        };
        format!(
            "[{}{}] {of_file}",
            "#".repeat(done),
            "-".repeat(WIDTH as usize - done)
        )
    });
    let line: String = format!("{bar}{p}").chars().take(79).collect();
    eprint!("\r\x1b[K{line}");
}

/// The policy `name`; one that learns across figures cannot read sorted.
fn policy_for(name: &str, sorted: bool) -> Result<Arc<dyn Policy>, String> {
    let policy = Registry::standard().get(name).map_err(|e| e.to_string())?;
    // The library refuses it too; this names the flags.
    if sorted && policy.learns_across_figures() {
        return Err(format!(
            "--sorted cannot take --policy {name}: it learns from every figure before it \
             decides one, and --sorted decides each figure as it is read"
        ));
    }
    Ok(policy)
}

/// The report of a dossier, and how many of its figures and relations could
/// not be reconciled.
fn report(args: &Args, r: &Reconciler) -> Result<(String, usize), reckon::Error> {
    let dossier = Dossier::load(&args.file)?;
    let findings = r.reconcile(&dossier)?;
    // A figure or relation that could not be reconciled is named; every
    // other figure is reported.
    let problems = findings.problems().len();
    for problem in findings.problems() {
        eprintln!("reconcile: {problem}");
    }
    let report = Report::new(&dossier, &findings);
    let mut out = Vec::new();
    match args.json {
        None => {
            let mut table = Table::new();
            for f in &findings {
                table.push(f, findings.conflicts_of(f.figure()));
            }
            return Ok((table.to_string(), problems));
        }
        Some(Output::JsonLines) => report.write_jsonl(&mut out)?,
        Some(Output::JsonPretty) => report.write_json_pretty(&mut out)?,
        Some(_) => report.write_json(&mut out)?,
    }
    Ok((String::from_utf8_lossy(&out).into_owned(), problems))
}

fn main() -> ExitCode {
    common::main("reconcile", USAGE, parse_args, run)
}
