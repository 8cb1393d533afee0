//! Reading the GED sample into a dossier (see the example's docs for the
//! mapping).

use std::collections::HashMap;
use std::error::Error;
use std::io::Read;

use reckon::model::{Date, Period, SourceId};
use reckon::{Claim, Decimal, Dossier, Estimate, Figure, Measure, Scope, Source, SourceKind};

/// An event whose triple is inconsistent.
pub(crate) struct Flagged {
    pub(crate) id: String,
    pub(crate) line: u64,
    pub(crate) value: Estimate,
}

/// What loading the file gave.
pub(crate) struct Loaded {
    pub(crate) dossier: Dossier,
    pub(crate) rows: usize,
    pub(crate) not_loaded: Vec<String>,
    pub(crate) flagged: Vec<Flagged>,
    pub(crate) several_outlets: usize,
    pub(crate) several_originators: usize,
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

pub(crate) fn load(reader: impl Read, name: &str) -> Result<Loaded, Box<dyn Error>> {
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
