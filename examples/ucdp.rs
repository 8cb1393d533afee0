//! Loads the bundled UCDP GED sample (1,000 events) as low/best/high claims
//! and lists every event whose triple is inconsistent.
//!
//! ```sh
//! cargo run --example ucdp [-- FILE]
//! ```
//!
//! `FILE` defaults to `examples/data/ucdp-ged-sample.csv`: UCDP Georeferenced
//! Event Dataset 23.1, CC BY 4.0; Sundberg & Melander (2013), *Journal of
//! Peace Research* 50(4); Davies, Pettersson & Öberg (2023).
//!
//! # How an event becomes a claim
//!
//! - **Figure** `ged-<id>`: the deaths of the event (measure `killed`), with
//!   the event (`UCDP GED event <id>`, then the dyad) as event, `date_start`/
//!   `date_end` as period, `where_description`, `adm_1` and `country` as
//!   place, and a label naming `side_a` and `side_b`. GED's triple counts
//!   every death of the event (both sides, civilians, unknown), so the figure
//!   counts no single party.
//! - **Claim** `ged-<id>`: the value is [`Estimate::triple`] of `low`, `best`,
//!   `high`, kept as given even when inconsistent; `reported` is the first
//!   date of `source_date`; the quote is `source_headline`.
//! - **Source**: GED names the outlets that published (`source_office`) and
//!   the originators they quote (`source_original`), each a `;`-separated
//!   list. GED's triple is the coders' reading of all of them together and
//!   does not say which report gave which number, and a reckon claim has one
//!   source, so the claim is attributed to the **first** outlet relaying the
//!   **first** originator; the example counts the events that name more. An
//!   outlet that relays someone is its own source (`<outlet> relaying
//!   <originator>`, kind `media`) because in reckon relaying is a property of
//!   the source; the originator is a source of kind `unspecified` (GED does
//!   not classify originators: `army statement`, `SOHR`, `local sources`). An outlet
//!   with no originator is kind `media`; an event with neither is attributed
//!   to `ucdp-ged` (kind `monitor`). Names that differ only in case or
//!   punctuation (`Police`, `police`) are one source.
//!
//! A row that cannot be read (a missing id, a count that is not a number)
//! is listed with its line and not loaded; no row is left out silently.

use std::collections::{BTreeMap, HashMap};
use std::error::Error;
use std::io::Read;
use std::path::Path;

use reckon::model::{Date, Period, SourceId, TripleIssue, TripleRepair};
use reckon::{Claim, Decimal, Dossier, Estimate, Figure, Measure, Scope, Source, SourceKind};

/// An event whose triple is inconsistent.
struct Flagged {
    id: String,
    line: u64,
    value: Estimate,
}

/// What loading the file gave.
struct Loaded {
    dossier: Dossier,
    rows: usize,
    not_loaded: Vec<String>,
    flagged: Vec<Flagged>,
    several_outlets: usize,
    several_originators: usize,
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.is_empty() && !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_owned()
}

fn names(cell: &str) -> Vec<&str> {
    cell.split(';')
        .map(str::trim)
        .filter(|n| !slug(n).is_empty())
        .collect()
}

/// The sources of the file, created on first use.
#[derive(Default)]
struct Sources {
    list: Vec<Source>,
    index: HashMap<String, usize>,
}

impl Sources {
    fn get(&mut self, id: String, make: impl FnOnce(&str) -> Source) -> SourceId {
        if let Some(&i) = self.index.get(&id) {
            return self.list[i].id().clone();
        }
        let source = make(&id);
        let sid = source.id().clone();
        self.index.insert(id, self.list.len());
        self.list.push(source);
        sid
    }

    /// The source a claim is attributed to (see the module docs).
    fn attribution(&mut self, outlet: Option<&str>, originator: Option<&str>) -> SourceId {
        let originator =
            originator.map(|o| self.get(slug(o), |id| Source::new(id, o, SourceKind::Unspecified)));
        match (outlet, originator) {
            (Some(out), Some(orig)) if slug(out) == orig.as_str() => orig,
            (Some(out), Some(orig)) => self.get(format!("{}+{orig}", slug(out)), |id| {
                Source::new(id, &format!("{out} relaying {orig}"), SourceKind::Media)
                    .relaying(orig.clone())
            }),
            (Some(out), None) => self.get(slug(out), |id| Source::new(id, out, SourceKind::Media)),
            (None, Some(orig)) => orig,
            (None, None) => self.get("ucdp-ged".to_owned(), |id| {
                Source::new(id, "UCDP GED (no source named)", SourceKind::Monitor)
            }),
        }
    }
}

const COLUMNS: &[&str] = &[
    "id",
    "low",
    "best",
    "high",
    "source_office",
    "source_original",
    "source_date",
    "source_headline",
    "date_start",
    "date_end",
    "where_description",
    "adm_1",
    "country",
    "side_a",
    "side_b",
    "dyad_name",
];

fn load(reader: impl Read, name: &str) -> Result<Loaded, Box<dyn Error>> {
    let mut rdr = csv::Reader::from_reader(reader);
    let header: HashMap<String, usize> = rdr
        .headers()?
        .iter()
        .enumerate()
        .map(|(i, h)| (h.to_owned(), i))
        .collect();
    for c in COLUMNS {
        if !header.contains_key(*c) {
            return Err(format!("{name}: the column `{c}` is missing").into());
        }
    }
    let mut loaded = Loaded {
        dossier: Dossier::new(),
        rows: 0,
        not_loaded: Vec::new(),
        flagged: Vec::new(),
        several_outlets: 0,
        several_originators: 0,
    };
    let mut sources = Sources::default();
    for record in rdr.records() {
        loaded.rows += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                loaded.not_loaded.push(format!("{name}: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let cell = |c: &str| record.get(header[c]).unwrap_or("").trim();
        let at = |c: &str, why: String| format!("{name} line {line}, column `{c}`: {why}");
        let count = |c: &str| -> Result<Decimal, String> {
            cell(c)
                .parse::<Decimal>()
                .map_err(|_| at(c, format!("'{}' is not a count", cell(c))))
        };
        let date = |c: &str| -> Result<Date, String> {
            cell(c).parse::<Date>().map_err(|e| at(c, e.to_string()))
        };
        let row = (|| -> Result<(String, Estimate, Period), String> {
            let id = cell("id");
            if id.is_empty() {
                return Err(at("id", "the event has no id".into()));
            }
            let value = Estimate::triple(count("low")?, count("best")?, count("high")?)
                .map_err(|e| at("best", e.to_string()))?;
            let period = Period::new(date("date_start")?, date("date_end")?)
                .map_err(|e| at("date_end", e.to_string()))?;
            Ok((id.to_owned(), value, period))
        })();
        let (id, value, period) = match row {
            Ok(r) => r,
            Err(e) => {
                loaded.not_loaded.push(format!("{e}; not loaded"));
                continue;
            }
        };

        let outlets = names(cell("source_office"));
        let originators = names(cell("source_original"));
        loaded.several_outlets += usize::from(outlets.len() > 1);
        loaded.several_originators += usize::from(originators.len() > 1);
        let source = sources.attribution(outlets.first().copied(), originators.first().copied());

        let place: Vec<&str> = ["where_description", "adm_1", "country"]
            .into_iter()
            .map(cell)
            .filter(|p| !p.is_empty())
            .collect();
        let mut scope = Scope::new(Measure::Killed)
            .with_event(&format!("UCDP GED event {id}"))
            .with_period(period);
        if !cell("dyad_name").is_empty() {
            scope = scope.with_event(cell("dyad_name"));
        }
        if !place.is_empty() {
            scope = scope.with_place(&place.join(", "));
        }
        let figure = format!("ged-{id}");
        loaded.dossier.add_figure(Figure::new(
            figure.as_str(),
            &format!(
                "deaths in event {id}: {} vs {}",
                cell("side_a"),
                cell("side_b")
            ),
            scope,
        ));
        if value.triple_issue().is_some() {
            loaded.flagged.push(Flagged {
                id: id.clone(),
                line,
                value: value.clone(),
            });
        }
        let mut claim = Claim::new(figure.as_str(), figure.as_str(), source, value);
        if let Some(d) = cell("source_date")
            .split(';')
            .find_map(|d| d.trim().parse::<Date>().ok())
        {
            claim = claim.with_reported(d);
        }
        if !cell("source_headline").is_empty() {
            claim = claim.with_quote(cell("source_headline"));
        }
        loaded.dossier.add_claim(claim);
    }
    for s in sources.list {
        loaded.dossier.add_source(s);
    }
    loaded.dossier.validate()?;
    Ok(loaded)
}

/// The issue in GED's terms.
fn short(issue: TripleIssue) -> &'static str {
    match issue {
        TripleIssue::LowAboveHigh => "low > high",
        TripleIssue::BestBelowLow => "best < low",
        TripleIssue::BestAboveHigh => "best > high",
        _ => "other",
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/ucdp-ged-sample.csv");
    let path = std::env::args_os()
        .nth(1)
        .map_or(default, std::path::PathBuf::from);
    let file =
        std::fs::File::open(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let l = load(file, &name)?;

    println!("UCDP Georeferenced Event Dataset 23.1, a sample of 1,000 events. CC BY 4.0:");
    println!("Sundberg & Melander (2013); Davies, Pettersson & Öberg (2023).");
    println!();
    println!(
        "{name}: {} rows read, {} loaded as claims, {} not loaded",
        l.rows,
        l.dossier.claims().len(),
        l.not_loaded.len()
    );
    for e in &l.not_loaded {
        println!("  {e}");
    }
    let relaying = l
        .dossier
        .sources()
        .iter()
        .filter(|s| s.relays().is_some())
        .count();
    println!(
        "{} figures, {} claims, {} sources ({relaying} are outlets relaying an originator)",
        l.dossier.figures().len(),
        l.dossier.claims().len(),
        l.dossier.sources().len()
    );
    println!(
        "{} events name several outlets and {} several originators: the first outlet",
        l.several_outlets, l.several_originators
    );
    println!("relaying the first originator is the claim's source.");
    println!();

    let mut by_issue: BTreeMap<String, usize> = BTreeMap::new();
    for f in &l.flagged {
        if let Some(issue) = f.value.triple_issue() {
            *by_issue.entry(issue.to_string()).or_default() += 1;
        }
    }
    println!(
        "{} {} an inconsistent low/best/high triple (kept as given, flagged):",
        l.flagged.len(),
        if l.flagged.len() == 1 {
            "event has"
        } else {
            "events have"
        }
    );
    for (issue, n) in &by_issue {
        println!("  {n:>3}  {issue}");
    }
    println!();
    println!(
        "{:<8} {:>5}  {:<13}  {:<11}  repaired by TripleRepair::Hull",
        "id", "line", "low/best/high", "issue"
    );
    for f in &l.flagged {
        let repaired = f
            .value
            .repair(TripleRepair::Hull)
            .map_or_else(|e| format!("cannot repair: {e}"), |r| r.to_string());
        println!(
            "{:<8} {:>5}  {:<13}  {:<11}  {}",
            f.id,
            f.line,
            f.value.to_string(),
            f.value.triple_issue().map_or("", short),
            repaired
        );
    }
    Ok(())
}
