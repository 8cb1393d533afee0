//! The dossier format (TOML); described in the [`io`](crate::io) module docs.

mod records;

use std::collections::HashMap;
use std::sync::Arc;

use toml::Spanned;

use super::{Lines, lowercase_first};
#[cfg(doc)]
use crate::error::ErrorKind;
use crate::error::{Location, ProblemsByPlace, Record};
use crate::model::{Form, VagueTerm};
use crate::text;
use crate::{Dossier, Error, Lexicon};
use records::{ClaimRecord, DossierFile, FigureRecord, TermRecord, unspanned};

pub(super) use records::scope_of;

/// The lines of a file's records, by kind and position, to place the
/// problems validation finds in them.
#[derive(Default)]
struct Places {
    name: String,
    sources: Vec<u64>,
    figures: Vec<u64>,
    claims: Vec<u64>,
    relations: Vec<u64>,
    /// Records of each kind that came before this file's (extending a dossier).
    before: [usize; 4],
}

impl Places {
    /// The place of a record, when it came from this file.
    fn of(&self, record: Record) -> Option<Location> {
        let line = self.line_of(record)?;
        Some(Location::file(&self.name).with_line(line))
    }

    /// The line of a record, when it came from this file.
    fn line_of(&self, record: Record) -> Option<u64> {
        let (lines, i, before) = match record {
            Record::Source(i) => (&self.sources, i, self.before[0]),
            Record::Figure(i) => (&self.figures, i, self.before[1]),
            Record::Claim(i) => (&self.claims, i, self.before[2]),
            Record::Relation(i) => (&self.relations, i, self.before[3]),
        };
        lines.get(i.checked_sub(before)?).copied()
    }
}

/// The vague terms of a file, read before anything else.
#[derive(serde::Deserialize)]
struct TermsOnly {
    #[serde(default)]
    term: Vec<toml::Spanned<TermRecord>>,
}

/// Reads a dossier file without validating it. Its `[[term]]` tables are
/// read first: the file's values are read with the English lexicon and
/// those terms.
fn read_toml(text: &str, name: &str) -> Result<(Dossier, ProblemsByPlace, Places), Error> {
    let lines = Lines::new(text);
    let line_column = |offset: usize| lines.at(offset);
    let terms: TermsOnly =
        toml::from_str(text).map_err(|e| every_record_problem(text, e, &lines, name))?;
    let mut own = Vec::with_capacity(terms.term.len());
    let mut term_lines: HashMap<String, u64> = HashMap::new();
    for t in &terms.term {
        let (line, _) = line_column(t.span().start);
        let at = || Location::file(name).with_line(line);
        let term = t.get_ref().to_term().map_err(|e| e.at(at()))?;
        if let Some(first) = term_lines.insert(term.name().to_owned(), line) {
            return Err(Error::duplicate(
                format!("vague term `{}`", term.name()),
                format!("it is defined twice, here and on line {first}"),
            )
            .at(at()));
        }
        own.push(term);
    }
    let lexicon = Lexicon::english().with_terms(own);
    let file: DossierFile =
        toml::from_str(text).map_err(|e| every_record_problem(text, e, &lines, name))?;
    let line = |span: std::ops::Range<usize>| line_column(span.start).0;
    let mut places = Places {
        name: name.to_owned(),
        ..Places::default()
    };
    let mut problems = ProblemsByPlace::default();
    let mut d = Dossier::new();
    for s in file.source {
        places.sources.push(line(s.span()));
        d.add_source(s.into_inner());
    }
    for f in file.figure {
        places.figures.push(line(f.span()));
        d.add_figure(f.into_inner().into());
    }
    for c in file.claim {
        places.claims.push(line(c.span()));
        let c = c.into_inner();
        let (line, column) = line_column(c.value.span().start);
        let (claim, error) = c.into_claim(&lexicon);
        if let Some(e) = error {
            problems.push(e.at(Location::file(name).with_line(line).with_column(column)));
        }
        d.add_claim(claim);
    }
    for r in file.relation {
        places.relations.push(line(r.span()));
        d.relate(r.into_inner());
    }
    Ok((d, problems, places))
}

/// A TOML error, at its line and column in the file: `offset` is where the
/// text it was found in starts.
fn located(e: toml::de::Error, offset: usize, lines: &Lines<'_>, name: &str) -> Error {
    let mut location = Location::file(name);
    if let Some(span) = e.span() {
        let (line, column) = lines.at(offset + span.start);
        location = location.with_line(line).with_column(column);
    }
    Error::syntax(lowercase_first(e.message().trim_end())).at(location)
}

/// Every record of a file that does not read, each at its line and column,
/// once the file as a whole has not (`first`, the problem `toml` stopped
/// at): each record is read again on its own, from its `[[…]]` header to
/// the next one, so that a bad field does not hide the problems of the
/// records after it. Nothing is validated: records that do not read would
/// make every reference to them a problem too.
fn every_record_problem(
    text: &str,
    first: toml::de::Error,
    lines: &Lines<'_>,
    name: &str,
) -> Error {
    /// Where each record's header is.
    #[derive(serde::Deserialize)]
    struct Headers {
        #[serde(default)]
        term: Vec<Spanned<toml::Value>>,
        #[serde(default)]
        source: Vec<Spanned<toml::Value>>,
        #[serde(default)]
        figure: Vec<Spanned<toml::Value>>,
        #[serde(default)]
        claim: Vec<Spanned<toml::Value>>,
        #[serde(default)]
        relation: Vec<Spanned<toml::Value>>,
    }
    let Ok(h) = toml::from_str::<Headers>(text) else {
        return located(first, 0, lines, name);
    };
    let mut starts: Vec<usize> = [h.term, h.source, h.figure, h.claim, h.relation]
        .iter()
        .flatten()
        .map(|r| r.span().start)
        .collect();
    starts.sort_unstable();
    // Records written inline (`source = [{ … }]`) cannot be cut apart.
    if starts
        .iter()
        .any(|&at| !text.get(at..).is_some_and(|t| t.starts_with("[[")))
    {
        return located(first, 0, lines, name);
    }
    let first_at = first.span().map(|s| s.start);
    let mut first = Some(first);
    let mut errors = Vec::new();
    // What comes before the first record (keys of the file's own) too.
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        let Some(record) = text.get(start..end) else {
            continue;
        };
        let Err(e) = toml::from_str::<DossierFile>(record) else {
            continue;
        };
        // The problem `toml` stopped at keeps its own place.
        let e = match first.take_if(|_| first_at.is_some_and(|at| (start..end).contains(&at))) {
            Some(f) => located(f, 0, lines, name),
            None => located(e, start, lines, name),
        };
        errors.push(e);
    }
    if let Some(f) = first {
        // Found only when the file is read whole: it comes first.
        errors.insert(0, located(f, 0, lines, name));
    }
    match Error::collect(errors) {
        Err(e) => e,
        Ok(()) => Error::syntax("the file does not read as a dossier"),
    }
}

/// The problems of reading a file and of validating what it holds, in one
/// report, in the order of their places in the file: a user fixing them
/// goes down the file once.
fn checked(d: Dossier, mut problems: ProblemsByPlace, places: &Places) -> Result<Dossier, Error> {
    d.check(&mut |mut p| {
        if let Some(line) = p.first_record().and_then(|r| places.line_of(r)) {
            p = p.first_on_line(line);
        }
        problems.push(match p.record().and_then(|r| places.of(r)) {
            Some(at) => p.at(at),
            None => p,
        });
    });
    problems.into_result("problems")?;
    Ok(d)
}

impl Dossier {
    /// Reads a dossier file (TOML; the format is described in [`io`](crate::io)),
    /// then validates it.
    ///
    /// ```
    /// use reckon::Dossier;
    ///
    /// let d = Dossier::from_toml_str(r#"
    /// [[source]]
    /// id = "article"
    /// name = "Wikipedia article"
    /// kind = "encyclopedia"
    ///
    /// [[figure]]
    /// id = "jobeh-rebels"
    /// label = "rebels killed at al-Jobeh"
    /// measure = "killed"
    ///
    /// [[claim]]
    /// id = "c1"
    /// figure = "jobeh-rebels"
    /// source = "article"
    /// value = "50–170"
    /// "#, "example.toml")?;
    /// assert_eq!(d.claims().len(), 1);
    ///
    /// // Every problem is reported at once, each at its place.
    /// let err = Dossier::from_toml_str("[[claim]]\nid = \"c1\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"50–\"\n", "bad.toml")
    ///     .unwrap_err();
    /// let problems: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
    /// assert_eq!(problems, [
    ///     "bad.toml line 1: claim `c1`: figure `f` is not in the dossier",
    ///     "bad.toml line 1: claim `c1`: source `s` is not in the dossier",
    ///     "bad.toml line 5, column 9: '50–' is not a value: the range has no upper end",
    /// ]);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Syntax`] with the line and column of malformed TOML;
    /// of a record that does not read (an unknown field, a kind or grade
    /// that is not one), every such record's, each at its field, and then
    /// nothing is validated;
    /// [`ErrorKind::Value`] with those of each value that does not read;
    /// the errors of every problem [`Dossier::validate`] finds.
    pub fn from_toml_str(text: &str, name: &str) -> Result<Dossier, Error> {
        let (d, problems, places) = read_toml(text, name)?;
        checked(d, problems, &places)
    }

    /// Adds the records of a dossier file to this dossier — a new source and
    /// its claims kept in a file of their own — and validates the whole. On
    /// any error this dossier is left as it was.
    ///
    /// ```
    /// use reckon::Dossier;
    ///
    /// let mut d = Dossier::from_toml_str(r#"
    /// [[figure]]
    /// id = "jobeh-rebels"
    /// label = "rebels killed at al-Jobeh"
    /// measure = "killed"
    /// "#, "base.toml")?;
    /// d.extend_from_toml_str(r#"
    /// [[source]]
    /// id = "monitor"
    /// name = "a monitoring group"
    /// kind = "monitor"
    ///
    /// [[claim]]
    /// id = "m1"
    /// figure = "jobeh-rebels"
    /// source = "monitor"
    /// value = "at least 180"
    /// "#, "monitor.toml")?;
    /// assert_eq!(d.claims().len(), 1);
    ///
    /// // A claim about a figure no file declares is refused, and nothing is added.
    /// let bad = "[[claim]]\nid = \"m2\"\nfigure = \"nowhere\"\nsource = \"monitor\"\nvalue = \"3\"\n";
    /// assert!(d.extend_from_toml_str(bad, "bad.toml").is_err());
    /// assert_eq!(d.claims().len(), 1);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Dossier::from_toml_str`], for the combined dossier.
    pub fn extend_from_toml_str(&mut self, text: &str, name: &str) -> Result<(), Error> {
        let (read, problems, mut places) = read_toml(text, name)?;
        places.before = [
            self.sources().len(),
            self.figures().len(),
            self.claims().len(),
            self.relations().len(),
        ];
        let mut combined = self.clone();
        combined.merge(read);
        *self = checked(combined, problems, &places)?;
        Ok(())
    }

    /// Writes the dossier in the TOML file format; [`Dossier::from_toml_str`]
    /// reads it back to an equal dossier.
    ///
    /// # Errors
    /// When a record cannot be written as TOML (not expected for valid
    /// records), and when a vague term cannot be: claims that read one word
    /// two ways ([`Dossier::validate`] reports it), or a term built in code
    /// whose name reads as something else ("about 50").
    pub fn to_toml_string(&self) -> Result<String, Error> {
        let file = DossierFile {
            term: self
                .own_terms()?
                .iter()
                .map(|t| TermRecord::of(t))
                .collect(),
            source: self.sources().iter().cloned().map(unspanned).collect(),
            figure: self
                .figures()
                .iter()
                .map(|f| unspanned(FigureRecord::from(f)))
                .collect(),
            claim: self
                .claims()
                .iter()
                .map(|c| unspanned(ClaimRecord::of(c)))
                .collect(),
            relation: self.relations().iter().cloned().map(unspanned).collect(),
        };
        toml::to_string(&file).map_err(|e| Error::syntax(lowercase_first(&e.to_string())))
    }

    /// The vague terms the claims use that the English lexicon does not
    /// read the same way: a file's own `[[term]]`s, written back with it.
    ///
    /// # Errors
    /// When claims read one word two ways, or a term's name reads as
    /// something else (a term named "about 50" would read back as ~50).
    fn own_terms(&self) -> Result<Vec<Arc<VagueTerm>>, Error> {
        let reads_as = |lex: &Lexicon, term: &Arc<VagueTerm>| {
            text::phrase(term.name(), lex)
                .is_ok_and(|e| matches!(e.form(), Form::Vague(t) if t == term))
        };
        let (used, clashes) = self.vague_terms();
        if let Some(((_, term), _)) = clashes.first() {
            return Err(Error::mismatch(
                format!("vague term `{}`", term.name()),
                "claims read it two ways, and a file holds one",
            ));
        }
        let english = Lexicon::shared();
        let own: Vec<Arc<VagueTerm>> = used
            .into_iter()
            .map(|(_, t)| t.clone())
            .filter(|t| !reads_as(english, t))
            .collect();
        let lexicon = Lexicon::english().with_terms(own.iter().map(|t| (**t).clone()));
        if let Some(t) = own.iter().find(|t| !reads_as(&lexicon, t)) {
            return Err(Error::invalid(
                format!("vague term `{}`", t.name()),
                "its name does not read back as the term, so a file cannot hold it",
            ));
        }
        Ok(own)
    }
}

impl text::DossierDraft {
    /// Writes the drafted dossier in the TOML file format, after a comment
    /// that lists the claims attributed to the article for want of a
    /// speaker, so that a user editing the file sees them first. It reads
    /// back ([`Dossier::from_toml_str`]) to the drafted dossier.
    ///
    /// ```
    /// use reckon::text::DossierDrafter;
    /// use reckon::{Dossier, Lexicon, Source, SourceKind};
    ///
    /// let article = Source::new("article", "the article", SourceKind::Encyclopedia);
    /// let draft = DossierDrafter::new(article)
    ///     .draft("Dozens of rebels died, officials said. 12 soldiers died.", Lexicon::shared());
    /// let toml = draft.to_toml_string()?;
    /// assert!(toml.starts_with("# A dossier drafted from text"));
    /// assert!(toml.contains("#   soldiers-killed\n"));
    /// assert_eq!(&Dossier::from_toml_str(&toml, "draft.toml")?, draft.dossier());
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Dossier::to_toml_string`].
    pub fn to_toml_string(&self) -> Result<String, Error> {
        let body = self.dossier().to_toml_string()?;
        let mut out = String::from(
            "# A dossier drafted from text: check each figure's measure, unit and party,\n\
             # each claim's value and source, then reconcile.\n",
        );
        if self.unattributed().is_empty() {
            out.push_str("# Every claim is attributed to a speaker the text names.\n");
        } else {
            out.push_str(&format!(
                "#\n# {} claim(s) attributed to the article (or its infobox) because their sentence names no speaker:\n",
                self.unattributed().len()
            ));
            for id in self.unattributed() {
                out.push_str("#   ");
                out.push_str(id.as_str());
                out.push('\n');
            }
        }
        out.push('\n');
        out.push_str(&body);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::Dossier;

    #[test]
    fn toml_unknown_key_is_located() {
        let err = Dossier::from_toml_str(
            "[[figure]]\nid = \"f\"\nlabel = \"x\"\nmeasure = \"killed\"\nplase = \"Arsal\"\n",
            "d.toml",
        )
        .unwrap_err();
        let s = err.to_string();
        assert!(
            s.starts_with("d.toml line 5, column 1: unknown field `plase`"),
            "{s}"
        );
    }

    #[test]
    fn toml_every_record_that_does_not_read_is_reported_at_its_place() {
        let text = "# a dossier\n\
                    [[source]]\nid = \"a\"\nname = \"A\"\nkind = \"tv\"\n\n\
                    [[source]]\nid = \"b\"\nname = \"B\"\nkind = \"media\"\nreliability = \"Q\"\n\n\
                    [[figure]]\nid = \"f\"\nlabel = \"f\"\nmeasure = \"killed\"\ncolour = \"red\"\n\n\
                    [[claim]]\nid = \"c1\"\nfigure = \"f\"\nsource = \"a\"\nvalue = \"5\"\ncredibility = \"9\"\n\n\
                    [[claim]]\nid = \"c2\"\nfigure = \"f\"\nsource = \"b\"\nvalue = \"5\"\n";
        let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "d.toml line 5, column 8: 'tv' is not a value: expected a source kind: \
                 `government`, `state-media`, `belligerent`, `armed-opposition`, `security`, \
                 `monitor`, `media`, `encyclopedia`, `anonymous`, `unspecified`",
                "d.toml line 11, column 15: 'Q' is not a value: expected a reliability grade \
                 A-F: `A`, `B`, `C`, `D`, `E`, `F`",
                "d.toml line 17, column 1: unknown field `colour`, expected one of `id`, \
                 `label`, `measure`, `unit`, `events`, `period`, `place`, `party`, `side`",
                "d.toml line 24, column 15: '9' is not a value: expected a credibility grade \
                 1-6: `1`, `2`, `3`, `4`, `5`, `6`",
            ]
        );
    }

    #[test]
    fn toml_records_written_inline_report_the_first_problem() {
        let text = "source = [{ id = \"a\", name = \"A\", kind = \"tv\" }, \
                    { id = \"b\", name = \"B\", kind = \"media\", reliability = \"Q\" }]\n";
        let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
        assert_eq!(err.problems().len(), 1, "{err}");
        assert!(
            err.to_string()
                .starts_with("d.toml line 1, column 42: 'tv' is not a value"),
            "{err}"
        );
    }

    #[test]
    fn toml_keys_before_the_first_record_and_bad_terms_do_not_hide_the_rest() {
        let text = "title = \"x\"\n\
                    [[term]]\nname = \"scores\"\nstrict = [20, 99]\nloose = \"?\"\n\n\
                    [[source]]\nid = \"a\"\nname = \"A\"\nkind = \"tv\"\n";
        let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(got.len(), 3, "{got:#?}");
        assert!(
            got[0].starts_with("d.toml line 1, column 1: unknown field `title`"),
            "{got:#?}"
        );
        assert!(got[1].starts_with("d.toml line 5, column 1: "), "{got:#?}");
        assert!(
            got[2].starts_with("d.toml line 10, column 8: 'tv' is not a value"),
            "{got:#?}"
        );
    }

    #[test]
    fn toml_a_syntax_error_is_the_one_problem() {
        let text = "[[source]]\nid = \"a\"\nkind = \"tv\"\n[[source]]\nid = \n";
        let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
        assert_eq!(err.problems().len(), 1, "{err}");
        assert!(
            err.to_string().starts_with("d.toml line 5, column 6: "),
            "{err}"
        );
    }

    #[test]
    fn toml_validation_problems_are_all_reported() {
        let text = "[[claim]]\nid = \"c\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"3\"\n";
        let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
        assert_eq!(err.problems().len(), 2);
    }

    #[test]
    fn toml_every_bad_value_is_reported_at_its_place() {
        let claim = |id: &str, value: &str| {
            format!(
                "[[claim]]\nid = \"{id}\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"{value}\"\n"
            )
        };
        let text = [
            "[[source]]\nid = \"s\"\nname = \"s\"\nkind = \"media\"\n".to_owned(),
            "[[figure]]\nid = \"f\"\nlabel = \"f\"\nmeasure = \"killed\"\n".to_owned(),
            claim("a", "50–"),
            claim("b", "12"),
            claim("c", "<0"),
            claim("d", "x y z"),
        ]
        .concat();
        let err = Dossier::from_toml_str(&text, "d.toml").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[0].starts_with("d.toml line 13, column 9: '50–' is not a value"),
            "{got:?}"
        );
        assert!(got[1].starts_with("d.toml line 23, column 9: "), "{got:?}");
        assert!(
            got[2].starts_with("d.toml line 28, column 9: 'x y z' is not a value"),
            "{got:?}"
        );
    }
}
