//! The flat claims format (CSV), one claim per row; described in the
//! [`io`](crate::io) module docs.

use std::collections::HashMap;
use std::io::Read;

use super::rows::{Rows, field_text, one_line_id as one_line, other_format};
use super::toml::scope_of;
use super::{repeated_unread, used_again};
use crate::error::{ErrorKind, Location, Problems, ProblemsByPlace, Record};
use crate::model::{
    ClaimId, Credibility, FigureId, Period, Qualifier, Side, SourceId, Stake, Unread,
};
use crate::text;
use crate::{Claim, Dossier, Error, Figure, Measure, Source, SourceKind, Unit};

impl Dossier {
    /// Reads a claims table (CSV; the format is described in [`io`](crate::io)),
    /// then validates it.
    ///
    /// # Errors
    /// an error listing every bad row and every problem of the whole table
    /// (a duplicate id, a revision cycle), in the order of their lines
    /// ([`ErrorKind::Many`], or the one error), each with line, column,
    /// field and text; [`ErrorKind::Syntax`] for a malformed header or
    /// unreadable CSV. A reference to a rejected row's id is not reported
    /// again as naming nothing.
    pub fn from_csv_reader(reader: impl Read, name: &str) -> Result<Dossier, Error> {
        let mut rows = Rows::new(reader, name);
        let (header, line) = match rows.next_row() {
            None => {
                return Err(Error::field("header", "the file is empty").at(Location::file(name)));
            }
            Some(Err(e)) => return Err(e),
            Some(Ok(row)) => {
                if let Some(e) = other_format(&row, name) {
                    return Err(e);
                }
                let mut names = Vec::with_capacity(row.record.len());
                for i in 0..row.record.len() {
                    names.push(field_text(&row, i, name, None)?.to_owned());
                }
                (names, row.line)
            }
        };
        let columns = Columns::new(&header, name, line)?;
        let mut loader = CsvLoader {
            name,
            columns: &columns,
            dossier: Dossier::new(),
            figures: HashMap::new(),
            sources: HashMap::new(),
            problems: ProblemsByPlace::default(),
            unread: Unread::default(),
            unread_unknown: false,
            rejected_claims: Vec::new(),
            rows_read: 0,
            rows_rejected: 0,
            source_lines: Vec::new(),
            figure_lines: Vec::new(),
            claim_lines: Vec::new(),
        };
        while let Some(row) = rows.next_row() {
            loader.rows_read += 1;
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    loader.unread_unknown = true;
                    loader.reject(vec![e]);
                    continue;
                }
            };
            let mut fields = Vec::with_capacity(columns.count);
            let mut bad = Vec::new();
            for i in 0..row.record.len() {
                let column = columns.name_of(i);
                match field_text(&row, i, name, column) {
                    Ok(t) => fields.push(t),
                    Err(e) => {
                        bad.push(e);
                        fields.push("");
                    }
                }
            }
            if bad.is_empty() {
                loader.row(row.line, &fields);
            } else {
                loader.unread_unknown = true;
                loader.reject(bad);
            }
        }
        let loaded = loader.dossier.claims().len() as u64;
        if loader.rows_read != loaded + loader.rows_rejected {
            return Err(Error::invalid(
                name,
                format!(
                    "{} rows were read but {loaded} loaded and {} reported: a row was lost",
                    loader.rows_read, loader.rows_rejected
                ),
            ));
        }
        loader.validate();
        loader.problems.into_result("problems")?;
        Ok(loader.dossier)
    }
}

const CSV_COLUMNS: &[&str] = &[
    "figure",
    "source",
    "value",
    "claim",
    "reported",
    "quote",
    "supersedes",
    "credibility",
    "stake",
    "qualifiers",
    "label",
    "measure",
    "unit",
    "events",
    "period",
    "place",
    "party",
    "side",
    "source_name",
    "source_kind",
    "source_side",
    "reliability",
    "relays",
    "part_of",
];

/// Where each known column is in the header.
struct Columns {
    index: HashMap<&'static str, usize>,
    /// The known column at each position.
    names: Vec<Option<&'static str>>,
    count: usize,
}

impl Columns {
    /// The columns of `header`, on line `line` of the file `name`.
    fn new(header: &[String], name: &str, line: u64) -> Result<Self, Error> {
        let mut index = HashMap::new();
        let mut names = Vec::with_capacity(header.len());
        let mut errors = Problems::default();
        for (i, h) in header.iter().enumerate() {
            let at = || {
                Location::file(name)
                    .with_line(line)
                    .with_column(i as u64 + 1)
            };
            let known = CSV_COLUMNS
                .iter()
                .find(|c| c.eq_ignore_ascii_case(h))
                .copied();
            names.push(known);
            match known {
                Some(c) => {
                    if index.insert(c, i).is_some() {
                        errors.push(
                            Error::duplicate(format!("column `{h}`"), "it appears twice").at(at()),
                        );
                    }
                }
                None => errors.push(
                    Error::field(
                        format!("column `{h}`"),
                        format!(
                            "it is not a claims column; known columns: {}",
                            CSV_COLUMNS.join(", ")
                        ),
                    )
                    .at(at()),
                ),
            }
        }
        for required in ["figure", "source", "value"] {
            if !index.contains_key(required) {
                errors.push(
                    Error::field(
                        "header",
                        format!("the required column `{required}` is missing"),
                    )
                    .at(Location::file(name).with_line(line)),
                );
            }
        }
        errors.into_result("problems of the header")?;
        Ok(Columns {
            index,
            names,
            count: header.len(),
        })
    }

    /// The known column at position `i`.
    fn name_of(&self, i: usize) -> Option<&'static str> {
        self.names.get(i).copied().flatten()
    }
}

struct CsvLoader<'a> {
    name: &'a str,
    columns: &'a Columns,
    dossier: Dossier,
    /// For each figure and source: the line that declared it.
    figures: HashMap<FigureId, u64>,
    sources: HashMap<SourceId, u64>,
    problems: ProblemsByPlace,
    /// The figure and source ids of the rejected rows (their claim ids
    /// join them at validation): a reference to one of them is not also
    /// reported as naming nothing.
    unread: Unread,
    /// Whether a rejected row's ids could not be read (a row of the wrong
    /// width or with a cell that is not text): then no reference is
    /// reported as naming nothing, as it may name that row's.
    unread_unknown: bool,
    /// The claim id of each rejected row, and its line.
    rejected_claims: Vec<(ClaimId, u64)>,
    rows_read: u64,
    rows_rejected: u64,
    /// The line of each source, figure and claim, in the dossier's order.
    source_lines: Vec<u64>,
    figure_lines: Vec<u64>,
    claim_lines: Vec<u64>,
}

impl CsvLoader<'_> {
    /// Validates what the rows hold, each problem placed at its row. A
    /// reference to a rejected row's id is not reported: it names what
    /// did not read, which is already a problem.
    fn validate(&mut self) {
        self.rejected_duplicates();
        let rejected = self.rejected_claims.iter().map(|(id, _)| id.clone());
        self.unread.claims.extend(rejected);
        let mut found = Vec::new();
        self.dossier.check(&self.unread, &mut |p| found.push(p));
        for mut p in found {
            if self.unread_unknown && p.kind() == ErrorKind::Dangling {
                continue;
            }
            if let Some(line) = p.first_record().and_then(|r| self.line_of(r)) {
                p = p.first_on_line(line);
            }
            self.problems
                .push(match p.record().and_then(|r| self.line_of(r)) {
                    Some(l) => p.at(Location::file(self.name).with_line(l)),
                    None => p,
                });
        }
    }

    /// The line a record was read from.
    fn line_of(&self, record: Record) -> Option<u64> {
        match record {
            Record::Source(i) => self.source_lines.get(i).copied(),
            Record::Figure(i) => self.figure_lines.get(i).copied(),
            Record::Claim(i) => self.claim_lines.get(i).copied(),
            Record::Relation(_) => None,
        }
    }

    /// Rejects a row that has problems, noting the ids it gives.
    fn reject_row(&mut self, row: Row<'_>) {
        let unread = &mut self.unread;
        unread.figures.extend(row.get("figure").map(FigureId::from));
        unread.sources.extend(row.get("source").map(SourceId::from));
        let claim = row
            .get("claim")
            .map_or_else(|| ClaimId::from(format!("L{}", row.line)), ClaimId::from);
        self.rejected_claims.push((claim, row.line));
        self.reject(row.errors);
    }

    /// Reports a claim id given twice where one of the two rows was
    /// rejected, which validation, seeing only the rows that read, cannot.
    fn rejected_duplicates(&mut self) {
        if self.rejected_claims.is_empty() {
            return;
        }
        let read = self.dossier.claims().iter().zip(&self.claim_lines);
        let mut uses: Vec<(Option<&str>, u64, bool)> = read
            .map(|(c, &line)| (Some(c.id().as_str()), line, true))
            .collect();
        let rejected = self.rejected_claims.iter();
        uses.extend(rejected.map(|(id, line)| (Some(id.as_str()), *line, false)));
        uses.sort_by_key(|&(_, line, _)| line);
        let mut found = Vec::new();
        for (i, id, first) in repeated_unread(uses.iter().copied()) {
            let line = uses.get(i).map_or(first, |&(_, line, _)| line);
            let at = Location::file(self.name).with_line(line);
            found.push(used_again(format!("claim `{id}`"), first).at(at));
        }
        for e in found {
            self.problems.push(e);
        }
    }

    /// Reports a row's problems: the row is rejected.
    fn reject(&mut self, errors: Vec<Error>) {
        self.rows_rejected += 1;
        for e in errors {
            self.problems.push(e);
        }
    }

    fn row(&mut self, line: u64, record: &[&str]) {
        if record.len() != self.columns.count {
            self.unread_unknown = true;
            let text = record.join(",");
            self.reject(vec![
                super::rows::wrong_width(&text, record.len(), self.columns.count)
                    .at(Location::file(self.name).with_line(line)),
            ]);
            return;
        }
        let mut row = Row {
            record,
            columns: self.columns,
            name: self.name,
            line,
            errors: Vec::new(),
        };
        let figure_id = row.required_with("figure", one_line).map(FigureId::from);
        let source_id = row.required_with("source", one_line).map(SourceId::from);
        let value = row.required_with("value", |t| text::phrase(t, crate::Lexicon::shared()));
        let claim_id = row
            .id("claim")
            .map_or_else(|| ClaimId::from(format!("L{line}")), ClaimId::from);
        let reported = row.parsed("reported");
        let supersedes = row.id("supersedes").map(ClaimId::from);
        let credibility: Option<Credibility> = row.parsed("credibility");
        let stake: Option<Stake> = row.parsed("stake");
        let qualifiers: Vec<Qualifier> = row.list("qualifiers");
        let quote = row.get("quote");
        let measure: Option<Measure> = row.parsed("measure");
        let unit: Option<Unit> = row.parsed("unit");
        let period: Option<Period> = row.parsed("period");
        let kind: Option<SourceKind> = row.parsed("source_kind");
        let reliability = row.parsed("reliability");
        let figure_attrs = [
            "label", "measure", "unit", "events", "period", "place", "party", "side",
        ];
        let source_attrs = [
            "source_name",
            "source_kind",
            "source_side",
            "reliability",
            "relays",
            "part_of",
        ];

        let (Some(figure_id), Some(source_id), Some(value)) = (figure_id, source_id, value) else {
            self.reject_row(row);
            return;
        };
        if !row.errors.is_empty() {
            self.reject_row(row);
            return;
        }

        let figure = Figure::new(
            figure_id.clone(),
            row.get("label").unwrap_or(figure_id.as_str()),
            scope_of(
                measure.unwrap_or_default(),
                unit.clone().unwrap_or_default(),
                row.get("events")
                    .map(|t| {
                        t.split(';')
                            .map(str::trim)
                            .filter(|e| !e.is_empty())
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default(),
                period,
                row.get("place").map(str::to_owned),
                row.get("party").map(str::to_owned),
                row.get("side").map(Side::from),
            ),
        );
        let mut source = Source::new(
            source_id.clone(),
            row.get("source_name").unwrap_or(source_id.as_str()),
            kind.unwrap_or(SourceKind::Unspecified),
        );
        if let Some(side) = row.get("source_side") {
            source = source.with_side(Side::from(side));
        }
        if let Some(r) = reliability {
            source = source.with_reliability(r);
        }
        if let Some(o) = row.id("relays") {
            source = source.relaying(o);
        }
        if let Some(o) = row.id("part_of") {
            source = source.as_part_of(o);
        }

        // A figure or source is made by the first row that names it; a later
        // row may only describe it again the same way.
        let differs = |what: String, first: u64| {
            Error::mismatch(
                what,
                format!("this row describes it differently from line {first}"),
            )
            .at(Location::file(self.name).with_line(line))
        };
        match self.figures.get(&figure_id) {
            None => {
                self.figures.insert(figure_id.clone(), line);
                self.figure_lines.push(line);
                self.dossier.add_figure(figure);
            }
            Some(&first) => {
                let known = self.dossier.figure(&figure_id);
                if row.declares_any(&figure_attrs) && known.is_some_and(|k| *k != figure) {
                    row.errors
                        .push(differs(format!("figure `{figure_id}`"), first));
                }
            }
        }
        match self.sources.get(&source_id) {
            None => {
                self.sources.insert(source_id.clone(), line);
                self.source_lines.push(line);
                self.dossier.add_source(source);
            }
            Some(&first) => {
                let known = self.dossier.source(&source_id);
                if row.declares_any(&source_attrs) && known.is_some_and(|k| *k != source) {
                    row.errors
                        .push(differs(format!("source `{source_id}`"), first));
                }
            }
        }
        if !row.errors.is_empty() {
            self.reject_row(row);
            return;
        }

        let mut claim = Claim::new(claim_id, figure_id, source_id, value);
        if let Some(d) = reported {
            claim = claim.with_reported(d);
        }
        if let Some(s) = stake {
            claim = claim.with_stake(s);
        }
        for q in qualifiers {
            claim = claim.with_qualifier(q);
        }
        if let Some(c) = credibility {
            claim = claim.with_credibility(c);
        }
        if let Some(u) = unit {
            claim = claim.with_unit(u);
        }
        if let Some(q) = quote {
            claim = claim.with_quote(q);
        }
        if let Some(s) = supersedes {
            claim = claim.superseding(s);
        }
        self.claim_lines.push(line);
        self.dossier.add_claim(claim);
    }
}

struct Row<'a> {
    record: &'a [&'a str],
    columns: &'a Columns,
    name: &'a str,
    line: u64,
    errors: Vec<Error>,
}

impl<'a> Row<'a> {
    fn cell(&self, column: &str) -> Option<(usize, &'a str)> {
        let i = *self.columns.index.get(column)?;
        self.record.get(i).map(|t| (i, *t))
    }

    fn get(&self, column: &str) -> Option<&'a str> {
        self.cell(column).map(|(_, t)| t).filter(|t| !t.is_empty())
    }

    /// The id in `column`, if one is given; one that is not on one line is
    /// an error.
    fn id(&mut self, column: &str) -> Option<&'a str> {
        let (i, text) = self.cell(column)?;
        if let Err(e) = one_line(text) {
            self.errors.push(e.at(self.at(i, column)));
        }
        Some(text).filter(|t| !t.is_empty())
    }

    fn declares_any(&self, columns: &[&str]) -> bool {
        columns.iter().any(|c| self.get(c).is_some())
    }

    fn at(&self, i: usize, column: &str) -> Location {
        Location::file(self.name)
            .with_line(self.line)
            .with_column(i as u64 + 1)
            .with_field(column)
    }

    fn required_with<T>(
        &mut self,
        column: &str,
        read: impl FnOnce(&'a str) -> Result<T, Error>,
    ) -> Option<T> {
        let (i, text) = self.cell(column)?;
        if text.is_empty() {
            self.errors.push(Error::empty_cell().at(self.at(i, column)));
            return None;
        }
        match read(text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e.at(self.at(i, column)));
                None
            }
        }
    }

    fn parsed<T: std::str::FromStr<Err = Error>>(&mut self, column: &str) -> Option<T> {
        let (i, text) = self.cell(column)?;
        if text.is_empty() {
            return None;
        }
        match text.parse() {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e.at(self.at(i, column)));
                None
            }
        }
    }

    fn list<T: std::str::FromStr<Err = Error>>(&mut self, column: &str) -> Vec<T> {
        let Some((i, text)) = self.cell(column) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            match part.parse::<T>() {
                Ok(v) => out.push(v),
                Err(e) => self.errors.push(e.at(self.at(i, column))),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::Dossier;

    #[test]
    fn csv_reports_every_bad_row_with_its_place() {
        let csv = "figure,value,source,credibility\n\
                   a,50-170,s1,\n\
                   a,,s1,\n\
                   b,12,s2,9\n\
                   c,12\n\
                   a,about 70,s1,2\n";
        let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "t.csv line 3, column 2, field `value`: the cell is empty but the column is required",
                "t.csv line 4, column 4, field `credibility`: '9' is not a value: expected a credibility grade 1-6: `1`, `2`, `3`, `4`, `5`, `6`",
                "t.csv line 5: row 'c,12': it has 2 fields but the header has 4",
            ]
        );
    }

    #[test]
    fn csv_problems_come_in_line_order() {
        // The cycle is found once every row has read, after the bad row.
        let csv = "figure,source,value,claim,supersedes,credibility\n\
                   a,s1,10,c1,c2,\n\
                   a,s2,12,c2,c1,\n\
                   b,s3,5,c3,,9\n";
        let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "t.csv line 2: claims: revisions form a cycle: `c1` → `c2` → `c1`",
                "t.csv line 4, column 6, field `credibility`: '9' is not a value: expected a credibility grade 1-6: `1`, `2`, `3`, `4`, `5`, `6`",
            ]
        );
    }

    #[test]
    fn csv_a_reference_to_a_rejected_row_is_not_reported_again() {
        // `c3` is on a row that is rejected; `zz` is on no row at all.
        let csv = "figure,source,value,claim,supersedes,credibility\n\
                   a,s1,10,c1,,\n\
                   a,s2,12,c2,c3,\n\
                   b,s3,5,c3,,9\n\
                   b,s4,6,c4,zz,\n";
        let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "t.csv line 4, column 6, field `credibility`: '9' is not a value: expected a credibility grade 1-6: `1`, `2`, `3`, `4`, `5`, `6`",
                "t.csv line 5: claim `c4`: it supersedes claim `zz`, which is not in the dossier",
            ]
        );
        // A row of the wrong width gives no ids to trust: no reference is
        // called dangling while it stands.
        let csv = "figure,source,value,claim,supersedes\na,s1,10,c1,zz\nb,s3\n";
        let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv line 3: row 'b,s3': it has 2 fields but the header has 5"
        );
    }

    #[test]
    fn csv_a_claim_id_given_twice_is_reported_when_one_row_is_rejected() {
        let csv = "figure,source,value,claim\nf,a,1,c1\nf,a,x–,c1\nf,b,2,c1\nf,b,3,c2\nf,c,y–,c2\n";
        let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        let duplicates: Vec<&String> = got
            .iter()
            .filter(|m| m.contains("more than once"))
            .collect();
        assert_eq!(
            duplicates,
            [
                "t.csv line 3: claim `c1`: the id is used more than once, first on line 2",
                "t.csv line 4: claim `c1`: the id is used more than once, first on line 2",
                "t.csv line 6: claim `c2`: the id is used more than once, first on line 5",
            ]
        );
        assert_eq!(got.len(), 5, "{got:#?}");
    }

    #[test]
    fn csv_header_problems() {
        let err = Dossier::from_csv_reader("figure,valeu\n".as_bytes(), "t.csv").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(got.len(), 3);
        assert!(got[0].starts_with("t.csv line 1, column 2: column `valeu`: it is not a claims column; known columns: figure, source, value"));
        assert_eq!(
            got[1],
            "t.csv line 1: header: the required column `source` is missing"
        );
        assert_eq!(
            got[2],
            "t.csv line 1: header: the required column `value` is missing"
        );
    }

    #[test]
    fn csv_header_problems_stand_on_the_header_s_line() {
        let err =
            Dossier::from_csv_reader("\n\nfigure,source,valu\n".as_bytes(), "t.csv").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert!(
            got[0].starts_with("t.csv line 3, column 3: column `valu`"),
            "{got:?}"
        );
        assert_eq!(
            got[1],
            "t.csv line 3: header: the required column `value` is missing"
        );
    }

    #[test]
    fn csv_conflicting_figure_attributes() {
        let csv = "figure,source,value,unit\nd,s,10,km\nd,s,12,hours\nd,s,11,\n";
        let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv line 3: figure `d`: this row describes it differently from line 2"
        );
    }

    #[test]
    fn csv_three_columns_and_prose_values() {
        let csv = "value,figure,source\nmore than 100,f,a\napproximately 1000,g,b\nfewer than 10,h,c\n12,f,b\n";
        let d = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap();
        let v: Vec<String> = d
            .claims()
            .iter()
            .map(|c| format!("{}={}", c.id(), c.value()))
            .collect();
        assert_eq!(v, ["L2=>100", "L3=~1000", "L4=<10", "L5=12"]);
        assert_eq!(d.figures().len(), 3);
        assert_eq!(d.sources().len(), 3);
    }
}
