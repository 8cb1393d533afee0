//! The dossier format (TOML); described in the [`io`](crate::io) module docs.

mod read;
mod records;

use std::sync::Arc;

use super::lowercase_first;
#[cfg(doc)]
use crate::error::ErrorKind;
use crate::error::ProblemsByPlace;
use crate::model::{Form, Unread, VagueTerm};
use crate::text;
use crate::{Dossier, Error, Lexicon};
use read::{Places, Read, read_toml};
use records::{ClaimRecord, DossierFile, FigureRecord, TermRecord};

pub(super) use records::scope_of;

/// The problems of reading a file and of validating `d` (what it holds,
/// with the dossier it was added to), in one report, in the order of their
/// places in the file: a user fixing them goes down the file once.
/// Validation leaves out what only the file's records that do not read
/// would make problems (a claim about a source whose table does not read).
fn checked(
    d: Dossier,
    mut problems: ProblemsByPlace,
    places: &Places,
    unread: &Unread,
) -> Result<Dossier, Error> {
    d.check(unread, &mut |p| problems.push(places.placed(p)));
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
    /// // Every problem is reported at once, each at its place, in the
    /// // order of the file: a key misspelt hides none of the others.
    /// let bad = "[[claim]]\nid = \"c1\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"50–\"\nreportd = \"2014\"\n";
    /// let err = Dossier::from_toml_str(bad, "bad.toml").unwrap_err();
    /// let problems: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
    /// assert_eq!(problems, [
    ///     "bad.toml line 3, column 10, field `figure`: claim `c1`: figure `f` is not in the dossier",
    ///     "bad.toml line 4, column 10, field `source`: claim `c1`: source `s` is not in the dossier",
    ///     "bad.toml line 5, column 9, field `value`: '50–' is not a value: the range has no upper end",
    ///     "bad.toml line 6, column 1: unknown field `reportd`, expected one of `id`, `figure`, \
    ///      `source`, `value`, `reported`, `stake`, `qualifiers`, `credibility`, `unit`, `quote`, \
    ///      `supersedes`",
    /// ]);
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::Syntax`] with the line and column of malformed TOML,
    /// the one problem then reported. Otherwise every problem at once, in
    /// the order of the file's lines, each at its line and column and,
    /// when it is in a value, naming its key (`field `value``):
    /// [`ErrorKind::Field`] for a key a record does not know, which is left
    /// out (the record is read without it), or one it lacks;
    /// [`ErrorKind::Syntax`] for a record's value that does not read (a kind
    /// or grade that is not one, a string where a list belongs), and that
    /// record is left out and not validated, while what names its id is not
    /// reported as naming nothing;
    /// [`ErrorKind::Value`] for a claim's value that does not read;
    /// and the errors of every problem [`Dossier::validate`] finds, at the
    /// value of the key they are about (a claim's `source`, a duplicate's
    /// `id`), or at the line of their record.
    pub fn from_toml_str(text: &str, name: &str) -> Result<Dossier, Error> {
        let Read {
            dossier,
            problems,
            places,
            unread,
            terms: _,
        } = read_toml(text, name)?;
        checked(dossier, problems, &places, &unread)
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
    ///
    /// // A term no claim of its file uses would change nothing: it is refused.
    /// let term = "[[term]]\nname = \"dozens\"\nstrict = \"24–99\"\npoint = 24\nfrom = \"our style guide\"\n";
    /// let err = d.extend_from_toml_str(term, "terms.toml").unwrap_err();
    /// assert!(err.to_string().starts_with(
    ///     "terms.toml line 2, column 8, field `name`: vague term `dozens`: no claim of this file uses it"
    /// ));
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// The file's `[[term]]`s read its own values, as they do in a file read
    /// on its own; the dossier's claims keep the reading they were read
    /// with. So a term that no claim of the file uses is refused rather than
    /// dropped, as it would change nothing; and a term that reads a word
    /// otherwise than the dossier's claims do is refused by validation, as a
    /// dossier holds one meaning per word (add such a term to the file that
    /// holds those claims).
    ///
    /// # Errors
    /// As [`Dossier::from_toml_str`], for the combined dossier; and
    /// [`ErrorKind::Invalid`] at each `[[term]]` that no claim of the file
    /// uses, once the file has no other problem.
    pub fn extend_from_toml_str(&mut self, text: &str, name: &str) -> Result<(), Error> {
        let Read {
            dossier: read,
            mut problems,
            mut places,
            unread,
            terms,
        } = read_toml(text, name)?;
        // A term reads the file's own values: one that none of them uses
        // would change nothing, and saying nothing would let the user
        // believe the dossier's claims now read it. Asked only of a file
        // that read without a problem: the claim that uses a term may be
        // one that did not read.
        let terms = if problems.is_empty() {
            terms
        } else {
            Vec::new()
        };
        for (term, at) in terms {
            let used = read
                .claims()
                .iter()
                .any(|c| matches!(c.value().form(), Form::Vague(t) if t.name() == term.name()));
            if !used {
                problems.push(
                    Error::invalid(
                        format!("vague term `{}`", term.name()),
                        "no claim of this file uses it, and a file's terms read only its own \
                         values: the dossier's claims keep their reading",
                    )
                    .at(at),
                );
            }
        }
        places.before = [
            self.sources().len(),
            self.figures().len(),
            self.claims().len(),
            self.relations().len(),
        ];
        let mut combined = self.clone();
        combined.merge(read);
        *self = checked(combined, problems, &places, &unread)?;
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
            source: self.sources().to_vec(),
            figure: self.figures().iter().map(FigureRecord::from).collect(),
            claim: self.claims().iter().map(ClaimRecord::of).collect(),
            relation: self.relations().to_vec(),
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
                "d.toml line 5, column 8, field `kind`: 'tv' is not a value: expected a source kind: \
                 `government`, `state-media`, `belligerent`, `armed-opposition`, `security`, \
                 `monitor`, `media`, `encyclopedia`, `anonymous`, `unspecified`",
                "d.toml line 11, column 15, field `reliability`: 'Q' is not a value: expected a reliability grade \
                 A-F: `A`, `B`, `C`, `D`, `E`, `F`",
                "d.toml line 17, column 1: unknown field `colour`, expected one of `id`, \
                 `label`, `measure`, `unit`, `events`, `period`, `place`, `party`, `side`",
                "d.toml line 24, column 15, field `credibility`: '9' is not a value: expected a credibility grade \
                 1-6: `1`, `2`, `3`, `4`, `5`, `6`",
            ]
        );
    }

    #[test]
    fn toml_records_written_inline_are_read_one_by_one_too() {
        let text = "source = [{ id = \"a\", name = \"A\", kind = \"tv\" }, \
                    { id = \"b\", name = \"B\", kind = \"media\", reliability = \"Q\" }]\n";
        let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got[0].starts_with("d.toml line 1, column 42, field `kind`: 'tv' is not a value"),
            "{got:#?}"
        );
        assert!(
            got[1]
                .starts_with("d.toml line 1, column 104, field `reliability`: 'Q' is not a value"),
            "{got:#?}"
        );
    }

    #[test]
    fn toml_keys_before_the_first_record_and_bad_terms_do_not_hide_the_rest() {
        let text = "title = \"x\"\n\
                    [[term]]\nname = \"scores\"\nstrict = [20, 99]\nloose = \"?\"\n\n\
                    [[source]]\nid = \"a\"\nname = \"A\"\nkind = \"tv\"\n";
        let err = Dossier::from_toml_str(text, "d.toml").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            got,
            [
                "d.toml line 1, column 1: unknown field `title`, expected one of `term`, \
                 `source`, `figure`, `claim`, `relation`",
                "d.toml line 4, column 10, field `strict`: invalid type: sequence, expected a string",
                "d.toml line 5, column 1: unknown field `loose`, expected one of `name`, \
                 `strict`, `lenient`, `point`, `from`",
                "d.toml line 10, column 8, field `kind`: 'tv' is not a value: expected a source kind: \
                 `government`, `state-media`, `belligerent`, `armed-opposition`, `security`, \
                 `monitor`, `media`, `encyclopedia`, `anonymous`, `unspecified`",
            ]
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
            got[0].starts_with("d.toml line 13, column 9, field `value`: '50–' is not a value"),
            "{got:?}"
        );
        assert!(
            got[1].starts_with("d.toml line 23, column 9, field `value`: "),
            "{got:?}"
        );
        assert!(
            got[2].starts_with("d.toml line 28, column 9, field `value`: 'x y z' is not a value"),
            "{got:?}"
        );
    }
}
