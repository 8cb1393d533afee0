//! Converts Jeffrey B. Arnold's *American Civil War Battle Data* into a reckon
//! dossier: the battles that several compilations report, one figure per
//! battle × side × measure, one claim per compilation.
//!
//! ```sh
//! cargo run -p acw-convert -- [DATA_DIR] [--out FILE]
//! ```
//!
//! `DATA_DIR` defaults to `../shared/data/acw-battle-data` beside the
//! repository and `FILE` to its `examples/data/acw-battles.toml`. This is
//! a tool that builds the bundled data, kept in the workspace but out of
//! the published crate: it needs Arnold's raw files, which a user of the
//! crate does not have. The data are Arnold, J. B., *American
//! Civil War Battle Data*, v11.0.0, figshare 1515995, licensed CC BY 4.0.
//!
//! # Why a TOML dossier and not a claims CSV
//!
//! The compilations report a side's losses as a total, as components
//! (killed, wounded, missing), or both, and the components are tied to the
//! total by `components` relations. The flat claims CSV has no place for
//! relations; the TOML dossier keeps them, so it is written with
//! [`Dossier::to_toml_string`] and read back before it is kept.
//!
//! # Sources
//!
//! One source per compilation, kind `encyclopedia` (reckon's kind for
//! reference works and compilations: none of them is a party, a monitor
//! counting as events happen, or news media), no side, reliability `F`
//! (not judged), `reported` the year of the work when the bibliography in
//! `datapackage.json` gives one:
//!
//! | source id | file | linked to CWSAC battles by |
//! |---|---|---|
//! | `cwsac` | `cwsac_forces.csv` (CWSAC 1997) | its own ids |
//! | `kennedy` | `kennedy1997_forces.csv` (Kennedy 1998) | `kennedy1997_battles.csv` `cwsac_id` |
//! | `livermore` | `livermore_forces.csv` (Livermore 1900) | `livermore_to_cwsac.json` |
//! | `fox` | `fox_forces.csv` (Fox, *Regimental Losses*) | `fox_forces_to_cwsac.json` |
//! | `phisterer` | `phisterer_forces.csv` (Phisterer 1883) | `phisterer_to_cwsac.json` |
//! | `bodart` | `bodart1908_forces.csv` (Bodart 1908) | `bodart1908_to_cwsac.json` |
//! | `clodfelter` | `clodfelter_forces.csv` (Clodfelter 2008) | `clodfelter_to_cwsac.json` |
//! | `civilwarorg` | `civilwarorg_forces.csv` (Civil War Trust) | `civilwarorg_battles.csv` `cwsac_id` |
//! | `wikipedia` | `wikipedia_forces.csv` (infoboxes) | `wikipedia_battles.csv` `cwsac_id` |
//!
//! Not used: `nps_forces.csv` (Arnold's own combination of the NPS figures,
//! a reconciliation rather than a source) and `cws2_forces.csv` (strengths
//! only).
//!
//! # Linking
//!
//! A crosswalk entry is used only when its relation is `eq` and it links one
//! battle of the compilation to one CWSAC battle. Entries with another
//! relation (`lt`, `<`, `gt`, `neq`) and `eq` entries that involve several
//! battles on either side (a campaign counted as one battle, one battle
//! split over several rows) are skipped: their figures do not count the same
//! thing as a CWSAC battle's. A Kennedy row whose id lists several battles
//! is skipped for the same reason. A compilation that links two of its rows
//! to the same battle and side is ambiguous: neither row is kept. The
//! converter prints how many rows each rule left out, and every cell or row
//! it cannot read, with its place.
//!
//! # Figures and claims
//!
//! Belligerents `US` and `Union` are the side `union`, `Confederate` is
//! `confederate`, `Native American` is `native-american`. For each linked
//! row, every non-empty cell below becomes one claim on the figure
//! `<cwsac id>-<side>-<measure>` (e.g. `pa002-confederate-casualties`):
//!
//! | measure | figure counts | columns |
//! |---|---|---|
//! | `casualties` | killed + wounded + missing or captured | `casualties`; Kennedy and Wikipedia `casualties_min`/`_max` |
//! | `killed` | killed | `killed`, Livermore `kia`, Wikipedia `killed_min`/`_max` |
//! | `wounded` | wounded | `wounded`, Livermore `wia`, Wikipedia `wounded_min`/`_max` |
//! | `killed-and-wounded` | killed + wounded | `killed_wounded`, Livermore `kw`, Kennedy and Wikipedia `killed_wounded_min`/`_max` |
//! | `missing` | missing or captured | `missing` (when the row gives no `captured`), `missing_captured`, Wikipedia `captured_missing_min`/`_max`, Livermore `miapow` |
//! | `captured` | captured | `captured`, Wikipedia `captured_min`/`_max` |
//! | `missing-not-captured` | missing, captured not counted | `missing` of a row that also gives `captured` |
//!
//! A `_min`/`_max` pair becomes a range when the two differ and an exact
//! value when they are equal; a pair with min above max is reported and not
//! converted. Clodfelter's `killed_missing` and `wounded_missing` and
//! Wikipedia's `wounded_missing` cut across the measures above and are not
//! converted (the converter counts them). Each claim's `quote` says where the
//! figure is: file, row id and column(s) with the cell text.
//!
//! A battle is kept when at least four compilations give it a figure. Each
//! figure's scope has the battle's CWSAC name and id as event, its dates as
//! period, its CWSAC locations as place, and the side's forces as party.
//!
//! # Relations
//!
//! Per battle and side, among the figures that exist: killed and wounded are
//! `components` of killed-and-wounded; killed-and-wounded (or else killed and
//! wounded) and missing (or else captured and missing-not-captured) are
//! `components` of casualties; captured and missing-not-captured are
//! `components` of missing. A relation is `components` even when only one
//! share is reported (captured alone is still a share of missing or
//! captured); a `part-of` between two measures would read as a scope
//! mismatch.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::error::Error;
use std::path::Path;

use reckon::model::{Date, Period, Side};
use reckon::{
    Claim, Decimal, Dossier, Estimate, Figure, Measure, Relation, Scope, Source, SourceKind,
};

/// What a battle's figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Part {
    Casualties,
    Killed,
    Wounded,
    KilledWounded,
    Missing,
    Captured,
    MissingNotCaptured,
}

impl Part {
    fn slug(self) -> &'static str {
        match self {
            Part::Casualties => "casualties",
            Part::Killed => "killed",
            Part::Wounded => "wounded",
            Part::KilledWounded => "killed-and-wounded",
            Part::Missing => "missing",
            Part::Captured => "captured",
            Part::MissingNotCaptured => "missing-not-captured",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Part::Casualties => "casualties",
            Part::Killed => "killed",
            Part::Wounded => "wounded",
            Part::KilledWounded => "killed and wounded",
            Part::Missing => "missing or captured",
            Part::Captured => "captured",
            Part::MissingNotCaptured => "missing, not counting captured",
        }
    }

    fn measure(self) -> Measure {
        match self {
            Part::Casualties => Measure::Casualties,
            Part::Killed => Measure::Killed,
            Part::Wounded => Measure::Wounded,
            Part::Missing => Measure::Missing,
            Part::Captured => Measure::Captured,
            Part::KilledWounded | Part::MissingNotCaptured => Measure::Other(self.slug().into()),
        }
    }
}

/// Where a column's figure goes: a part, or `missing` unless the row also
/// gives `captured` separately.
#[derive(Clone, Copy)]
enum Target {
    To(Part),
    MissingUnlessCaptured,
}

/// A column, or a `_min`/`_max` pair of columns.
#[derive(Clone, Copy)]
enum Cells {
    One(&'static str),
    Range(&'static str, &'static str),
}

/// How a compilation's battle ids reach CWSAC ids.
enum Link {
    /// The ids are CWSAC ids.
    Direct,
    /// A `*_to_cwsac.json` crosswalk.
    Crosswalk(&'static str),
    /// A battles table with a `cwsac_id` column.
    Table(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum SideKey {
    Union,
    Confederate,
    NativeAmerican,
}

impl SideKey {
    fn of(belligerent: &str) -> Option<SideKey> {
        match belligerent {
            "US" | "Union" => Some(SideKey::Union),
            "Confederate" => Some(SideKey::Confederate),
            "Native American" | "I" => Some(SideKey::NativeAmerican),
            _ => None,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            SideKey::Union => "union",
            SideKey::Confederate => "confederate",
            SideKey::NativeAmerican => "native-american",
        }
    }

    fn label(self) -> &'static str {
        match self {
            SideKey::Union => "Union",
            SideKey::Confederate => "Confederate",
            SideKey::NativeAmerican => "Native American",
        }
    }
}

struct Compilation {
    id: &'static str,
    name: &'static str,
    reported: Option<&'static str>,
    forces: &'static str,
    id_column: &'static str,
    link: Link,
    columns: &'static [(Cells, Target)],
    /// Columns that cut across the measures and are counted, not converted.
    unused: &'static [&'static str],
    /// Whether a row id may list several battles, separated by spaces (Kennedy).
    id_lists: bool,
}

use Cells::{One, Range};
use Target::{MissingUnlessCaptured, To};

const COMPILATIONS: &[Compilation] = &[
    Compilation {
        id: "cwsac",
        name: "Civil War Sites Advisory Commission (1997), Report on the Nation's Civil War Battlefields, Technical Volume II: Battle Summaries",
        reported: Some("1997"),
        forces: "cwsac_forces.csv",
        id_column: "battle",
        link: Link::Direct,
        columns: &[
            (One("casualties"), To(Part::Casualties)),
            (One("killed"), To(Part::Killed)),
            (One("wounded"), To(Part::Wounded)),
            (One("missing"), MissingUnlessCaptured),
            (One("captured"), To(Part::Captured)),
        ],
        unused: &[],
        id_lists: false,
    },
    Compilation {
        id: "kennedy",
        name: "Kennedy, F. H. and the Conservation Fund (1998), The Civil War Battlefield Guide",
        reported: Some("1998"),
        forces: "kennedy1997_forces.csv",
        id_column: "battle_id",
        link: Link::Table("kennedy1997_battles.csv"),
        columns: &[
            (
                Range("casualties_min", "casualties_max"),
                To(Part::Casualties),
            ),
            (
                Range("killed_wounded_min", "killed_wounded_max"),
                To(Part::KilledWounded),
            ),
            (One("missing"), To(Part::Missing)),
        ],
        unused: &[],
        id_lists: true,
    },
    Compilation {
        id: "livermore",
        name: "Livermore, T. L. (1900), Numbers and Losses in the Civil War in America, 1861-65",
        reported: Some("1900"),
        forces: "livermore_forces.csv",
        id_column: "battle_id",
        link: Link::Crosswalk("livermore_to_cwsac.json"),
        columns: &[
            (One("kia"), To(Part::Killed)),
            (One("wia"), To(Part::Wounded)),
            (One("kw"), To(Part::KilledWounded)),
            (One("miapow"), To(Part::Missing)),
        ],
        unused: &[],
        id_lists: false,
    },
    Compilation {
        id: "fox",
        name: "Fox, W. F., Regimental Losses in the American Civil War, 1861-1865, chapter 14",
        reported: None,
        forces: "fox_forces.csv",
        id_column: "battle_id",
        link: Link::Crosswalk("fox_forces_to_cwsac.json"),
        columns: &[
            (One("casualties"), To(Part::Casualties)),
            (One("killed"), To(Part::Killed)),
            (One("wounded"), To(Part::Wounded)),
            (One("missing"), MissingUnlessCaptured),
        ],
        unused: &[],
        id_lists: false,
    },
    Compilation {
        id: "phisterer",
        name: "Phisterer, F. (1883), Statistical Record of the Armies of the United States",
        reported: Some("1883"),
        forces: "phisterer_forces.csv",
        id_column: "battle_id",
        link: Link::Crosswalk("phisterer_to_cwsac.json"),
        columns: &[
            (One("casualties"), To(Part::Casualties)),
            (One("killed"), To(Part::Killed)),
            (One("wounded"), To(Part::Wounded)),
            (One("missing"), MissingUnlessCaptured),
        ],
        unused: &[],
        id_lists: false,
    },
    Compilation {
        id: "bodart",
        name: "Bodart, G. (1908), Militär-historisches Kriegs-Lexikon (1618-1905)",
        reported: Some("1908"),
        forces: "bodart1908_forces.csv",
        id_column: "battle_id",
        link: Link::Crosswalk("bodart1908_to_cwsac.json"),
        columns: &[
            (One("casualties"), To(Part::Casualties)),
            (One("killed"), To(Part::Killed)),
            (One("wounded"), To(Part::Wounded)),
            (One("killed_wounded"), To(Part::KilledWounded)),
            (One("missing"), MissingUnlessCaptured),
            (One("captured"), To(Part::Captured)),
        ],
        unused: &[],
        id_lists: false,
    },
    Compilation {
        id: "clodfelter",
        name: "Clodfelter, M. (2008), Warfare and Armed Conflicts: A Statistical Encyclopedia of Casualty and Other Figures, 1494-2007, 3rd ed.",
        reported: Some("2008"),
        forces: "clodfelter_forces.csv",
        id_column: "battle_id",
        link: Link::Crosswalk("clodfelter_to_cwsac.json"),
        columns: &[
            (One("casualties"), To(Part::Casualties)),
            (One("killed"), To(Part::Killed)),
            (One("wounded"), To(Part::Wounded)),
            (One("killed_wounded"), To(Part::KilledWounded)),
            (One("missing"), MissingUnlessCaptured),
            (One("missing_captured"), To(Part::Missing)),
            (One("captured"), To(Part::Captured)),
        ],
        unused: &["killed_missing", "wounded_missing"],
        id_lists: false,
    },
    Compilation {
        id: "civilwarorg",
        name: "Civil War Trust, battle pages at civilwar.org (accessed 2015-12-24)",
        reported: Some("2015-12-24"),
        forces: "civilwarorg_forces.csv",
        id_column: "battle_id",
        link: Link::Table("civilwarorg_battles.csv"),
        columns: &[
            (One("casualties"), To(Part::Casualties)),
            (One("killed"), To(Part::Killed)),
            (One("wounded"), To(Part::Wounded)),
            (One("killed_wounded"), To(Part::KilledWounded)),
            (One("missing_captured"), To(Part::Missing)),
        ],
        unused: &[],
        id_lists: false,
    },
    Compilation {
        id: "wikipedia",
        name: "English Wikipedia, battle article infoboxes",
        reported: None,
        forces: "wikipedia_forces.csv",
        id_column: "battle_id",
        link: Link::Table("wikipedia_battles.csv"),
        columns: &[
            (
                Range("casualties_min", "casualties_max"),
                To(Part::Casualties),
            ),
            (Range("killed_min", "killed_max"), To(Part::Killed)),
            (Range("wounded_min", "wounded_max"), To(Part::Wounded)),
            (
                Range("killed_wounded_min", "killed_wounded_max"),
                To(Part::KilledWounded),
            ),
            (Range("missing_min", "missing_max"), MissingUnlessCaptured),
            (
                Range("captured_missing_min", "captured_missing_max"),
                To(Part::Missing),
            ),
            (Range("captured_min", "captured_max"), To(Part::Captured)),
        ],
        unused: &["wounded_missing_min"],
        id_lists: false,
    },
];

/// Battles need figures from at least this many compilations to be kept.
const MIN_COMPILATIONS: usize = 4;

/// A CSV file read whole, with its header.
struct Table {
    file: &'static str,
    header: HashMap<String, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    /// Reads a file; a row the CSV reader rejects is reported and left out.
    fn read(
        dir: &Path,
        file: &'static str,
        report: &mut Vec<String>,
    ) -> Result<Table, Box<dyn Error>> {
        let path = dir.join(file);
        let mut rdr = csv::Reader::from_path(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let header = rdr
            .headers()?
            .iter()
            .enumerate()
            .map(|(i, h)| (h.to_owned(), i))
            .collect();
        let mut rows = Vec::new();
        for record in rdr.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    report.push(format!("{file}: {e}; row not converted"));
                    continue;
                }
            };
            let line = record.position().map_or(0, csv::Position::line);
            rows.push((line, record));
        }
        Ok(Table { file, header, rows })
    }

    fn column(&self, name: &str) -> Result<usize, Box<dyn Error>> {
        self.header
            .get(name)
            .copied()
            .ok_or_else(|| format!("{}: there is no column `{name}`", self.file).into())
    }

    /// The trimmed cell, `None` when empty.
    fn cell<'a>(&self, row: &'a csv::StringRecord, name: &str) -> Option<&'a str> {
        let i = *self.header.get(name)?;
        row.get(i).map(str::trim).filter(|t| !t.is_empty())
    }
}

/// A CWSAC battle, from `cwsac_battles.csv`.
struct Battle {
    name: String,
    locations: String,
    period: Option<Period>,
}

/// One figure as one compilation gives it.
struct Observation {
    battle: String,
    side: SideKey,
    part: Part,
    source: &'static str,
    /// The row's battle id in the compilation.
    row: String,
    value: Estimate,
    quote: String,
}

/// What the conversion left out and why, per compilation.
#[derive(Default)]
struct Tally {
    rows: usize,
    linked: usize,
    /// Reason → rows.
    unlinked: BTreeMap<String, usize>,
    cells: usize,
    unused_cells: usize,
}

#[derive(Default)]
struct Crosswalk {
    links: HashMap<String, String>,
    /// Source battle ids that appear only in skipped entries, with the reason.
    skipped: HashMap<String, &'static str>,
    entries_used: usize,
    entries_other_relation: usize,
    entries_several_battles: usize,
}

fn id_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.trim().to_owned()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn read_crosswalk(dir: &Path, file: &str) -> Result<Crosswalk, Box<dyn Error>> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    let mut cw = Crosswalk::default();
    let mut targets: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let list = |key: &str| -> Result<Vec<String>, Box<dyn Error>> {
            e.get(key)
                .and_then(serde_json::Value::as_array)
                .ok_or_else(|| format!("{file}: entry {i} has no list `{key}`"))?
                .iter()
                .map(|v| {
                    id_text(v).ok_or_else(|| format!("{file}: entry {i}: `{key}` holds {v}").into())
                })
                .collect()
        };
        let from = list("battles_from")?;
        let to = list("battles_to")?;
        let relation = e
            .get("relation")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| format!("{file}: entry {i} has no relation"))?;
        if relation != "eq" {
            cw.entries_other_relation += 1;
            for f in from {
                cw.skipped
                    .entry(f)
                    .or_insert("crosswalk relation is not `eq`");
            }
        } else if from.len() != 1 || to.len() != 1 {
            cw.entries_several_battles += 1;
            for f in from {
                cw.skipped
                    .entry(f)
                    .or_insert("crosswalk `eq` entry involves several battles");
            }
        } else {
            cw.entries_used += 1;
            targets
                .entry(from[0].clone())
                .or_default()
                .insert(to[0].clone());
        }
    }
    for (from, to) in targets {
        if to.len() == 1 {
            cw.skipped.remove(&from);
            cw.links.extend(to.into_iter().map(|t| (from.clone(), t)));
        } else {
            cw.skipped
                .insert(from, "crosswalk links it to several CWSAC battles");
        }
    }
    Ok(cw)
}

fn number(table: &Table, line: u64, column: &str, text: &str) -> Result<Decimal, String> {
    text.parse::<Decimal>()
        .ok()
        .filter(|n| !n.is_sign_negative())
        .ok_or_else(|| {
            format!(
                "{} line {line}, column `{column}`: '{text}' is not a count",
                table.file
            )
        })
}

/// The estimate of one column (or min/max pair) of a row, if the row gives one.
fn read_cells(
    table: &Table,
    line: u64,
    row: &csv::StringRecord,
    cells: Cells,
) -> Option<Result<(Estimate, String), String>> {
    match cells {
        One(c) => {
            let text = table.cell(row, c)?;
            Some(number(table, line, c, text).and_then(|n| {
                Estimate::exact(n)
                    .map(|e| (e, format!("{c}={text}")))
                    .map_err(|e| e.to_string())
            }))
        }
        Range(lo, hi) => {
            let (a, b) = (table.cell(row, lo), table.cell(row, hi));
            if a.is_none() && b.is_none() {
                return None;
            }
            let (Some(a), Some(b)) = (a, b) else {
                return Some(Err(format!(
                    "{} line {line}: only one of `{lo}` and `{hi}` is given",
                    table.file
                )));
            };
            Some((|| {
                let (low, high) = (number(table, line, lo, a)?, number(table, line, hi, b)?);
                let value = if low == high {
                    Estimate::exact(low)
                } else {
                    Estimate::range(low, high)
                };
                value
                    .map(|e| (e, format!("{lo}={a}, {hi}={b}")))
                    .map_err(|e| format!("{} line {line}: {e}", table.file))
            })())
        }
    }
}

struct Conversion {
    dossier: Dossier,
    report: Vec<String>,
}

fn convert(dir: &Path) -> Result<Conversion, Box<dyn Error>> {
    let mut report = Vec::new();

    let cwsac = Table::read(dir, "cwsac_battles.csv", &mut report)?;
    for c in [
        "battle",
        "battle_name",
        "locations",
        "start_date",
        "end_date",
    ] {
        cwsac.column(c)?;
    }
    let mut battles: HashMap<String, Battle> = HashMap::new();
    for (line, row) in &cwsac.rows {
        let Some(id) = cwsac.cell(row, "battle") else {
            continue;
        };
        let words = |c: &str| {
            cwsac
                .cell(row, c)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let date = |c: &str| cwsac.cell(row, c).and_then(|t| t.parse::<Date>().ok());
        let period = match (date("start_date"), date("end_date")) {
            (Some(a), Some(b)) => Period::new(a, b).ok(),
            (Some(a), None) => Some(Period::on(a)),
            _ => None,
        };
        if period.is_none() {
            report.push(format!(
                "cwsac_battles.csv line {line}: {id} has no readable dates; its figures have no period"
            ));
        }
        battles.insert(
            id.to_owned(),
            Battle {
                name: words("battle_name"),
                locations: words("locations"),
                period,
            },
        );
    }

    let mut observations: Vec<Observation> = Vec::new();
    let mut tallies: Vec<(&'static str, Tally, String)> = Vec::new();
    for comp in COMPILATIONS {
        let forces = Table::read(dir, comp.forces, &mut report)?;
        forces.column(comp.id_column)?;
        forces.column("belligerent")?;
        for (cells, _) in comp.columns {
            match cells {
                One(c) => {
                    forces.column(c)?;
                }
                Range(a, b) => {
                    forces.column(a)?;
                    forces.column(b)?;
                }
            }
        }
        let mut link_note = String::new();
        let (links, skipped): (HashMap<String, String>, HashMap<String, &'static str>) = match comp
            .link
        {
            Link::Direct => (
                battles.keys().map(|k| (k.clone(), k.clone())).collect(),
                HashMap::new(),
            ),
            Link::Crosswalk(file) => {
                let cw = read_crosswalk(dir, file)?;
                link_note = format!(
                    "{file}: {} one-to-one `eq` entries used, {} `eq` entries involving several battles skipped, {} entries with another relation skipped",
                    cw.entries_used, cw.entries_several_battles, cw.entries_other_relation
                );
                (cw.links, cw.skipped)
            }
            Link::Table(file) => {
                let t = Table::read(dir, file, &mut report)?;
                t.column("battle_id")?;
                t.column("cwsac_id")?;
                let mut links = HashMap::new();
                let mut skipped = HashMap::new();
                for (_, row) in &t.rows {
                    let Some(id) = t.cell(row, "battle_id") else {
                        continue;
                    };
                    match t.cell(row, "cwsac_id") {
                        Some(c) if c.split_whitespace().count() == 1 => {
                            links.insert(id.to_owned(), c.to_owned());
                        }
                        Some(_) => {
                            skipped.insert(id.to_owned(), "linked to several CWSAC battles");
                        }
                        None => {
                            skipped.insert(id.to_owned(), "no CWSAC id");
                        }
                    }
                }
                (links, skipped)
            }
        };

        let mut tally = Tally::default();
        for (line, row) in &forces.rows {
            tally.rows += 1;
            let Some(id) = forces.cell(row, comp.id_column) else {
                *tally.unlinked.entry("no battle id".into()).or_default() += 1;
                continue;
            };
            let cwsac_id = if comp.id_lists && id.split_whitespace().count() > 1 {
                Err("the row covers several battles")
            } else {
                links.get(id).ok_or_else(|| {
                    skipped
                        .get(id)
                        .copied()
                        .unwrap_or("no link to a CWSAC battle")
                })
            };
            let cwsac_id = match cwsac_id {
                Ok(c) if battles.contains_key(c) => c,
                Ok(_) => {
                    *tally
                        .unlinked
                        .entry("linked to an id not in cwsac_battles.csv".into())
                        .or_default() += 1;
                    continue;
                }
                Err(reason) => {
                    *tally.unlinked.entry(reason.into()).or_default() += 1;
                    continue;
                }
            };
            let belligerent = forces.cell(row, "belligerent").unwrap_or("");
            let Some(side) = SideKey::of(belligerent) else {
                report.push(format!(
                    "{} line {line}: belligerent '{belligerent}' is not a known side; row not converted",
                    forces.file
                ));
                continue;
            };
            tally.linked += 1;
            let gives_captured = comp.columns.iter().any(|(cells, target)| {
                matches!(target, To(Part::Captured)) && cells_present(&forces, row, *cells)
            });
            for (cells, target) in comp.columns {
                let part = match target {
                    To(p) => *p,
                    MissingUnlessCaptured if gives_captured => Part::MissingNotCaptured,
                    MissingUnlessCaptured => Part::Missing,
                };
                match read_cells(&forces, *line, row, *cells) {
                    None => {}
                    Some(Err(e)) => {
                        report.push(format!("{e} ({id}, {belligerent}); not converted"))
                    }
                    Some(Ok((value, text))) => {
                        tally.cells += 1;
                        observations.push(Observation {
                            battle: cwsac_id.clone(),
                            side,
                            part,
                            source: comp.id,
                            row: id.to_owned(),
                            value,
                            quote: format!("{} {}={id}: {text}", forces.file, comp.id_column),
                        });
                    }
                }
            }
            tally.unused_cells += comp
                .unused
                .iter()
                .filter(|c| forces.cell(row, c).is_some())
                .count();
        }
        tallies.push((comp.id, tally, link_note));
    }

    // A compilation linking two of its rows to the same battle and side is
    // ambiguous: it is reported and none of those rows' figures is kept.
    let mut rows_of: BTreeMap<(String, &'static str, SideKey), BTreeSet<String>> = BTreeMap::new();
    for o in &observations {
        rows_of
            .entry((o.battle.clone(), o.source, o.side))
            .or_default()
            .insert(o.row.clone());
    }
    let before = observations.len();
    let mut dropped: BTreeMap<(String, &'static str, SideKey), usize> = BTreeMap::new();
    observations.retain(|o| {
        let key = (o.battle.clone(), o.source, o.side);
        let several = rows_of[&key].len() > 1;
        if several {
            *dropped.entry(key).or_default() += 1;
        }
        !several
    });
    for ((battle, source, side), n) in dropped {
        let rows: Vec<&str> = rows_of[&(battle.clone(), source, side)]
            .iter()
            .map(String::as_str)
            .collect();
        report.push(format!(
            "{battle}: {source} links its rows {} to the {} side of this one battle; their {n} figures are not kept",
            rows.join(", "),
            side.slug()
        ));
    }
    let ambiguous = before - observations.len();

    let mut by_battle: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    for o in &observations {
        by_battle
            .entry(o.battle.clone())
            .or_default()
            .insert(o.source);
    }
    let kept: BTreeSet<String> = by_battle
        .iter()
        .filter(|(_, s)| s.len() >= MIN_COMPILATIONS)
        .map(|(b, _)| b.clone())
        .collect();

    let mut d = Dossier::new();
    for comp in COMPILATIONS {
        d.add_source(Source::new(comp.id, comp.name, SourceKind::Encyclopedia));
    }
    let reported: HashMap<&str, Option<Date>> = COMPILATIONS
        .iter()
        .map(|c| Ok((c.id, c.reported.map(str::parse).transpose()?)))
        .collect::<Result<_, reckon::Error>>()?;
    let order: HashMap<&str, usize> = COMPILATIONS
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id, i))
        .collect();

    // battle → side → part → observations, in compilation order.
    let mut grouped: BTreeMap<&str, BTreeMap<SideKey, BTreeMap<Part, Vec<&Observation>>>> =
        BTreeMap::new();
    for o in observations.iter().filter(|o| kept.contains(&o.battle)) {
        grouped
            .entry(&o.battle)
            .or_default()
            .entry(o.side)
            .or_default()
            .entry(o.part)
            .or_default()
            .push(o);
    }
    for (battle_id, sides) in &grouped {
        let battle = &battles[*battle_id];
        for (side, parts) in sides {
            let figure_id =
                |p: Part| format!("{}-{}-{}", battle_id.to_lowercase(), side.slug(), p.slug());
            for (part, obs) in parts {
                let mut scope = Scope::new(part.measure())
                    .with_event(&format!("{} (CWSAC {battle_id})", battle.name))
                    .with_party(
                        &format!("{} forces", side.label()),
                        Some(Side::new(side.slug())),
                    );
                if let Some(p) = battle.period {
                    scope = scope.with_period(p);
                }
                if !battle.locations.is_empty() {
                    scope = scope.with_place(&battle.locations);
                }
                let fid = figure_id(*part);
                d.add_figure(Figure::new(
                    fid.as_str(),
                    &format!(
                        "{} ({battle_id}): {} {}",
                        battle.name,
                        side.label(),
                        part.label()
                    ),
                    scope,
                ));
                let mut obs = obs.clone();
                obs.sort_by_key(|o| order[o.source]);
                for o in obs {
                    let mut claim = Claim::new(
                        format!("{fid}-{}", o.source),
                        fid.as_str(),
                        o.source,
                        o.value.clone(),
                    )
                    .with_quote(&o.quote);
                    if let Some(date) = reported[o.source] {
                        claim = claim.with_reported(date);
                    }
                    d.add_claim(claim);
                }
            }
            for r in relations(parts.keys().copied().collect(), &figure_id) {
                d.relate(r);
            }
        }
    }
    d.validate()?;

    let mut lines = vec![
        "American Civil War battles: Arnold, J. B., American Civil War Battle Data, v11.0.0,"
            .to_owned(),
        "figshare 1515995, CC BY 4.0".to_owned(),
        String::new(),
    ];
    for (id, t, note) in &tallies {
        lines.push(format!(
            "{id}: {} rows, {} linked to a CWSAC battle, {} figures read, {} cells in cross-cutting columns not converted",
            t.rows, t.linked, t.cells, t.unused_cells
        ));
        if !note.is_empty() {
            lines.push(format!("  {note}"));
        }
        for (reason, n) in &t.unlinked {
            lines.push(format!("  {n} rows not linked: {reason}"));
        }
    }
    lines.push(String::new());
    if !report.is_empty() {
        lines.push(format!("{} problems:", report.len()));
        lines.extend(report.iter().map(|r| format!("  {r}")));
    }
    lines.push(format!(
        "{} figures read in all; {ambiguous} dropped as ambiguous; {} battles have figures, {} of them from at least {MIN_COMPILATIONS} compilations",
        before,
        by_battle.len(),
        kept.len()
    ));
    lines.push(format!(
        "dossier: {} sources, {} battles, {} figures, {} claims, {} relations",
        d.sources().len(),
        grouped.len(),
        d.figures().len(),
        d.claims().len(),
        d.relations().len()
    ));
    Ok(Conversion {
        dossier: d,
        report: lines,
    })
}

fn cells_present(table: &Table, row: &csv::StringRecord, cells: Cells) -> bool {
    match cells {
        One(c) => table.cell(row, c).is_some(),
        Range(a, b) => table.cell(row, a).is_some() || table.cell(row, b).is_some(),
    }
}

/// The relations among one battle side's figures (see the module docs).
fn relations(parts: BTreeSet<Part>, id: &dyn Fn(Part) -> String) -> Vec<Relation> {
    let has = |p: Part| parts.contains(&p);
    let ids = |list: &[Part]| -> Vec<String> {
        list.iter().copied().filter(|p| has(*p)).map(id).collect()
    };
    // Always `components`, even with one share: captured is a share of
    // missing-or-captured, killed-and-wounded a share of casualties, and the
    // other shares are simply not reported. (A `part-of` between different
    // measures would read as a scope mismatch.)
    let relate = |smaller: Vec<String>, total: Part| -> Option<Relation> {
        (!smaller.is_empty())
            .then(|| Relation::components(smaller.iter().map(String::as_str), id(total).as_str()))
    };
    let mut out = Vec::new();
    if has(Part::KilledWounded) {
        out.extend(relate(
            ids(&[Part::Killed, Part::Wounded]),
            Part::KilledWounded,
        ));
    }
    if has(Part::Missing) {
        out.extend(relate(
            ids(&[Part::Captured, Part::MissingNotCaptured]),
            Part::Missing,
        ));
    }
    if has(Part::Casualties) {
        let mut smaller = if has(Part::KilledWounded) {
            ids(&[Part::KilledWounded])
        } else {
            ids(&[Part::Killed, Part::Wounded])
        };
        smaller.extend(if has(Part::Missing) {
            ids(&[Part::Missing])
        } else {
            ids(&[Part::Captured, Part::MissingNotCaptured])
        });
        out.extend(relate(smaller, Part::Casualties));
    }
    out
}

const HEADER: &str = "\
# American Civil War battles: casualty figures of the battles that at least four
# compilations report, one figure per battle, side and measure, one claim per
# compilation.
#
# Data: Arnold, J. B., American Civil War Battle Data, v11.0.0, figshare 1515995,
# licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Converted
# (figures regrouped, nothing else changed) by `cargo run -p acw-convert`;
# the rules are in examples/data/README.md. Do not edit by hand: re-run the converter.

";

fn main() -> Result<(), Box<dyn Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut dir = root.join("../shared/data/acw-battle-data");
    let mut out = root.join("examples/data/acw-battles.toml");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().ok_or("--out needs a file name")?.into(),
            "-h" | "--help" => {
                println!("usage: acw-convert [DATA_DIR] [--out FILE]");
                return Ok(());
            }
            _ => dir = a.into(),
        }
    }
    let Conversion { dossier, report } = convert(&dir)?;
    let text = format!("{HEADER}{}", dossier.to_toml_string()?);
    let back = Dossier::from_toml_str(&text, &out.display().to_string())?;
    if back != dossier {
        return Err("the written dossier does not read back to the same dossier".into());
    }
    std::fs::write(&out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    for line in report {
        println!("{line}");
    }
    println!("written to {}", out.display());
    Ok(())
}
