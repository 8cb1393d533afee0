//! Draft claims: the figures of a text as rows of a claims table,
//! attributed to the speaker the text names, or waiting for a source.

mod dossier;

use std::collections::HashMap;

use crate::model::{Form, Qualifier};
use crate::text::extract::Mention;
use crate::text::token::decode_entities;

use crate::{SourceKind, Unit};
pub use dossier::{DossierDraft, DossierDrafter};

/// One row of a claims table drafted from a [`Mention`]: a suggested figure
/// id, the source the text names (if it names one), the value, measure and
/// unit, a label, the sentence the figure is in as the quote, and the
/// qualifier.
///
/// Its fields are the columns of the flat claims format (see
/// [`io`](crate::io)), in order: `figure`, `source`, `value`, `measure`,
/// `unit`, `label`, `quote`, `qualifiers`, `source_name`, `source_kind`
/// ([`DraftClaim::COLUMNS`]). With the `serde` feature it serializes as
/// such a row, so the `csv` crate writes the table.
///
/// When the mention has a [speaker](Mention::speaker), the row is
/// attributed to it: `source` is an id made of its words
/// ("military-officials"), `source_name` the words as written and
/// `source_kind` the guessed kind. A row whose sentence names nobody keeps
/// an empty `source`, the flag that it is unattributed: the loader refuses
/// it, naming its line, until a source is given
/// ([`DraftClaim::with_source`]); it is never left out of the table.
///
/// ```
/// use reckon::Lexicon;
/// use reckon::text::{self, Drafter};
///
/// let text = "Hezbollah lost 14 fighters and 104 rebels were killed.";
/// let mut drafter = Drafter::new();
/// let rows: Vec<_> = text::extract(text, Lexicon::shared())
///     .iter()
///     .map(|m| drafter.draft(m))
///     .collect();
/// assert_eq!(rows[1].figure(), "rebels-killed");
/// assert_eq!(rows[1].value(), "104");
/// assert_eq!(rows[1].measure(), Some("killed"));
/// assert_eq!(rows[1].label(), "rebels killed");
/// assert_eq!(rows[1].quote(), text);
/// assert_eq!(rows[1].source(), None);
///
/// let said = "Coalition forces killed 10 militants, military officials said.";
/// let m = &text::extract(said, Lexicon::shared())[0];
/// let row = drafter.draft(m);
/// assert_eq!(row.source(), Some("military-officials"));
/// assert_eq!(row.source_name(), Some("military officials"));
/// assert_eq!(row.source_kind(), Some(reckon::SourceKind::Government));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DraftClaim {
    figure: String,
    source: Option<String>,
    value: String,
    measure: Option<String>,
    unit: String,
    label: String,
    quote: String,
    qualifiers: Option<Qualifier>,
    source_name: Option<String>,
    source_kind: Option<SourceKind>,
}

impl DraftClaim {
    /// The columns of the claims table a draft fills, in order.
    pub const COLUMNS: [&'static str; 10] = [
        "figure",
        "source",
        "value",
        "measure",
        "unit",
        "label",
        "quote",
        "qualifiers",
        "source_name",
        "source_kind",
    ];

    /// The suggested figure id: the label's words, lowercase ASCII letters
    /// and digits joined by `-` (`figure` when it has none), with `-2`,
    /// `-3` … where an id was suggested before.
    pub fn figure(&self) -> &str {
        &self.figure
    }

    /// The source, once one is given.
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The value in the compact value grammar. A share open above is
    /// closed at the whole, as [`Mention::high`] gives it: "more than half"
    /// is `>0.5 <=1`.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// What the figure reports, if the sentence says it.
    pub fn measure(&self) -> Option<&str> {
        self.measure.as_deref()
    }

    /// The unit, as written.
    pub fn unit(&self) -> &str {
        &self.unit
    }

    /// The label: the noun phrase and the measure in words ("rebels
    /// killed"), else the measure ("killed", "duration in days"), else the
    /// unit.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The sentence the figure is in, as the [`text`](crate::text) module
    /// docs read sentences: it starts after the full stop (and any citation
    /// markers, `[1]`, `[citation needed]`) that ends the sentence before
    /// it, and ends at its own full stop, "!" or "?", a closing quotation
    /// mark included. An abbreviation's stop ("U.S.", "Gen.") ends none.
    pub fn quote(&self) -> &str {
        &self.quote
    }

    /// How the text states the figure ([`Mention::qualifier`]).
    pub fn qualifier(&self) -> Option<Qualifier> {
        self.qualifiers
    }

    /// The speaker's name as the text writes it, when the text names one.
    /// Speakers whose ids are the same ("Officials", "officials") share the
    /// name first drafted, so the loader sees one source.
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }

    /// The kind of source the speaker's words suggest.
    pub fn source_kind(&self) -> Option<SourceKind> {
        self.source_kind
    }

    /// This row attributed to `source` (a source id of the dossier).
    ///
    /// ```
    /// use reckon::Lexicon;
    /// use reckon::text::{self, Drafter};
    ///
    /// let m = &text::extract("At least 18 were wounded.", Lexicon::shared())[0];
    /// let row = Drafter::new().draft(m).with_source("article");
    /// assert_eq!(row.source(), Some("article"));
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }
}

/// Drafts claims from mentions ([`DraftClaim`]), keeping the suggested
/// figure ids unique among all the rows it drafts, so that the mentions of
/// many texts (or of many lines read one at a time) make one table.
///
/// ```
/// use reckon::Lexicon;
/// use reckon::text::{self, Drafter};
///
/// let mut drafter = Drafter::new();
/// let mut ids = Vec::new();
/// for line in ["12 rebels were killed.", "Another 3 rebels were killed."] {
///     for m in text::extract(line, Lexicon::shared()) {
///         ids.push(drafter.draft(&m).figure().to_owned());
///     }
/// }
/// assert_eq!(ids, ["rebels-killed", "rebels-killed-2"]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Drafter {
    /// How many times each id was suggested.
    suggested: HashMap<String, usize>,
    /// The name and kind first drafted for each source id.
    sources: HashMap<String, (String, SourceKind)>,
}

impl Drafter {
    /// A drafter that has suggested no id yet.
    pub fn new() -> Self {
        Drafter::default()
    }

    /// The draft row of one mention; its quote is the sentence of the text
    /// the mention was found in. Names, nouns and quotes are read with their
    /// HTML entities decoded ("M&eacute;decins" is "Médecins"), since a
    /// dossier is for people to read.
    pub fn draft(&mut self, mention: &Mention<'_>) -> DraftClaim {
        let measure = mention.measure().map(|m| m.as_str().to_owned());
        let unit = mention.unit().as_str();
        let noun = mention.noun().map(decode_entities);
        let label = match (noun.as_deref(), measure.as_deref()) {
            (Some(noun), Some(x)) if !noun.to_lowercase().ends_with(x) => format!("{noun} {x}"),
            (Some(noun), _) => noun.to_owned(),
            (None, Some(x)) if mention.unit() == &Unit::People => x.to_owned(),
            (None, Some(x)) => format!("{x} in {unit}"),
            (None, None) => unit.to_owned(),
        };
        let base = match slug(&label) {
            s if s.is_empty() => "figure".to_owned(),
            s => s,
        };
        let n = self.suggested.entry(base.clone()).or_insert(0);
        *n += 1;
        let figure = if *n == 1 { base } else { format!("{base}-{n}") };
        let speaker = mention.speaker().and_then(|sp| {
            // "M&eacute;decins" pasted from a page's source is "Médecins".
            let name = decode_entities(sp.name());
            let id = slug(&name);
            if id.is_empty() {
                return None;
            }
            let (name, kind) = self
                .sources
                .entry(id.clone())
                .or_insert_with(|| (name.into_owned(), sp.kind()));
            Some((id, name.clone(), *kind))
        });
        let (source, source_name, source_kind) = match speaker {
            Some((id, name, kind)) => (Some(id), Some(name), Some(kind)),
            None => (None, None, None),
        };
        DraftClaim {
            figure,
            source,
            source_name,
            source_kind,
            qualifiers: mention.qualifier(),
            value: value_text(mention),
            measure,
            unit: unit.to_owned(),
            label,
            quote: decode_entities(mention.sentence()).into_owned(),
        }
    }
}

/// A figure id made of words: lowercase ASCII letters and digits joined by
/// `-`, accented Latin letters read without their accents ("Médecins" is
/// `medecins`).
fn slug(words: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in words.chars().map(unaccented) {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// The letter without its accent, for the accented letters of Latin-1.
fn unaccented(c: char) -> char {
    match c {
        'à'..='å' => 'a',
        'À'..='Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è'..='ë' => 'e',
        'È'..='Ë' => 'E',
        'ì'..='ï' => 'i',
        'Ì'..='Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò'..='ö' | 'ø' => 'o',
        'Ò'..='Ö' | 'Ø' => 'O',
        'ù'..='ü' => 'u',
        'Ù'..='Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        _ => c,
    }
}

/// The value as the claims table should hold it: a share open above is
/// closed at the whole ("more than half" is `>0.5 <=1`).
fn value_text(m: &Mention<'_>) -> String {
    let v = m.value();
    let open_share = m.unit() == &Unit::Share && v.interval().high().is_none();
    match v.form() {
        Form::AtLeast(_) | Form::MoreThan(_) if open_share => format!("{v} <=1"),
        _ => v.to_string(),
    }
}

/// The line of the text that holds the mention, and where it starts.
fn line_of<'a>(m: &Mention<'a>) -> (&'a str, usize) {
    let text = m.source_text();
    let (start, end) = (m.start(), m.end());
    let line_start = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = text
        .get(end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| end + i);
    (text.get(line_start..line_end).unwrap_or(""), line_start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;
    use crate::text::extract;

    fn rows(text: &str) -> Vec<DraftClaim> {
        let mut d = Drafter::new();
        extract(text, Lexicon::shared())
            .iter()
            .map(|m| d.draft(m))
            .collect()
    }

    #[test]
    fn rows_say_what_the_example_documents() {
        let r = rows("Hezbollah lost 14 fighters and 104 rebels were killed. It lasted two days.");
        let got: Vec<_> = r
            .iter()
            .map(|r| {
                (
                    r.figure(),
                    r.value(),
                    r.measure(),
                    r.unit(),
                    r.label(),
                    r.quote(),
                )
            })
            .collect();
        let s1 = "Hezbollah lost 14 fighters and 104 rebels were killed.";
        assert_eq!(
            got,
            [
                (
                    "fighters-killed",
                    "14",
                    Some("killed"),
                    "people",
                    "fighters killed",
                    s1
                ),
                (
                    "rebels-killed",
                    "104",
                    Some("killed"),
                    "people",
                    "rebels killed",
                    s1
                ),
                (
                    "duration-in-days",
                    "2",
                    Some("duration"),
                    "days",
                    "duration in days",
                    "It lasted two days."
                ),
            ]
        );
        let r = rows("More than half of the fighters were wounded. Dozens of جنود.");
        assert_eq!(
            (r[0].figure(), r[0].value()),
            ("fighters-wounded", ">0.5 <=1")
        );
        assert_eq!(
            (r[1].figure(), r[1].label(), r[1].measure()),
            ("figure", "جنود", None)
        );
    }

    #[test]
    fn quotes_stay_in_their_line_and_sentence() {
        let r = rows("First 3 dead.\r\nThen 1.5 km away, 20 rebels died. More.");
        assert_eq!(r[0].quote(), "First 3 dead.");
        assert_eq!(r[1].quote(), "Then 1.5 km away, 20 rebels died.");
        assert_eq!(r[2].quote(), "Then 1.5 km away, 20 rebels died.");
    }

    #[test]
    fn a_quote_ends_at_a_full_stop_before_citation_markers() {
        let quotes = |text: &str| -> Vec<String> {
            rows(text).iter().map(|r| r.quote().to_owned()).collect()
        };
        assert_eq!(
            quotes("Witnesses said 5 were killed.[1] Later 7 more died."),
            ["Witnesses said 5 were killed.", "Later 7 more died."]
        );
        assert_eq!(
            quotes(
                "5 died.[12][13] Then 6 fled.[a] Then 7 left.[citation needed] \
                 Then 8 stayed.[note 3] Then 9 hid."
            ),
            [
                "5 died.",
                "Then 6 fled.",
                "Then 7 left.",
                "Then 8 stayed.",
                "Then 9 hid."
            ]
        );
        // An abbreviation's stop ends no sentence; a closing quotation
        // mark belongs to the sentence it closes.
        assert_eq!(
            quotes(r#"U.S. officials said 5 died. "Three were killed." Later 7 more."#),
            [
                "U.S. officials said 5 died.",
                r#""Three were killed.""#,
                "Later 7 more."
            ]
        );
    }

    #[test]
    fn names_and_quotes_are_drafted_with_entities_decoded() {
        let r =
            rows("According to M&eacute;decins Sans Fronti&egrave;res, 50&ndash;170 rebels died.");
        assert_eq!(r[0].value(), "50–170");
        assert_eq!(r[0].source_name(), Some("Médecins Sans Frontières"));
        assert_eq!(r[0].source(), Some("medecins-sans-frontieres"));
        assert_eq!(
            r[0].quote(),
            "According to Médecins Sans Frontières, 50–170 rebels died."
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn a_row_serializes_in_the_columns_order() {
        let mut w = csv::Writer::from_writer(Vec::new());
        for r in rows("Dozens of rebels, \"fighters\", were killed.") {
            w.serialize(r).unwrap();
        }
        let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(
            out,
            format!(
                "{}\nrebels-killed,,dozens,killed,people,rebels killed,\"Dozens of rebels, \"\"fighters\"\", were killed.\",,,\n",
                DraftClaim::COLUMNS.join(",")
            )
        );
    }
}
