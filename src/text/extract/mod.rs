//! Finding the figures in running text: [`extract`] reads each line,
//! token by token, tries a figure wherever one may start, keeps what
//! [`accept`] takes for a figure, with its unit and noun phrase, and then
//! finds each figure's measure in its sentence. The rules are described in
//! the [`text`](crate::text) module docs.

mod accept;
mod field;
mod measure;
mod noun;
mod sentence;
mod speaker;
mod units;

use std::ops::Bound::{self, Excluded, Included, Unbounded};
use std::ops::Range;

use rust_decimal::Decimal;

use crate::model::Qualifier;
use crate::text::prose;
use crate::text::prose::Shape;
use crate::text::token::{Cx, Kind, Token, tokenize};
use crate::text::vocabulary;
use crate::{Estimate, Lexicon, Measure, SourceKind, Unit};

use crate::text::markers::drop_markers;
use accept::{Found, accept};
use measure::measure_of;
use sentence::{Semicolons, sentences};
use speaker::attribute;

pub(crate) use field::field_label;
use units::{After, unit_word};

/// One figure found in a text by [`extract`]: its span, its value, unit,
/// noun phrase and measure, and who the text says stated it.
///
/// # The JSON contract
///
/// With the `serde` feature a mention serializes as an object with these
/// fields, in this order (the `extract` example prints one JSON array of
/// them per line of its input). Fields are only ever added to this
/// contract, never renamed or removed.
///
/// | field | value |
/// |---|---|
/// | `text` | the mention as written: `"more than 100"` |
/// | `start`, `end` | byte offsets into the text, end exclusive |
/// | `kind` | the form: `exact`, `range`, `at-least`, `more-than`, `at-most`, `fewer-than`, `between`, `approximately`, `nearly`, `vague`, `unknown` ([`Mention::kind`]) |
/// | `low`, `high` | the bounds as decimal strings; `null` when unbounded or unknown. Inclusive whole counts for a unit that [counts whole things](Unit::counts_whole) ("more than 100" people has `low` `"101"`); for a measure, the numbers compared ("more than 1.5 km" has `low` `"1.5"`), a share's `high` at most `"1"` ([`Mention::low`]) |
/// | `value` | the value in the compact value grammar: `">100"` |
/// | `unit` | the unit: `people`, `km`, `m`, `hours`, `days`, `weeks`, `factions`, `brigades`, `percent`, `share`, … or another word ([`Unit`]) |
/// | `noun` | the noun phrase counted, or `null` |
/// | `measure` | `killed`, `wounded`, `captured`, `released`, `executed`, `surrendered`, `taken-hostage`, `strength`, `casualties`, `defected`, `displaced`, `duration`, `distance`, `groups`, …, or `null` |
/// | `low_open`, `high_open` | whether `low` or `high` is excluded: a strict comparison on a measure or a share ("more than half" has `low` `"0.5"`, `low_open` `true`); always `false` for whole counts |
/// | `speaker` | who the sentence says stated the figure, as `{"name", "start", "end", "kind"}` (byte offsets; `kind` a [`SourceKind`] word such as `government` or `anonymous`), or `null` ([`Mention::speaker`]) |
/// | `qualifier` | `claimed`, `confirmed`, `estimated`, `reportedly`, or `null` for a plain statement ([`Mention::qualifier`]) |
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use reckon::Lexicon;
/// use reckon::text;
///
/// let found = text::extract("A source confirmed more than 100 people had been killed.", Lexicon::shared());
/// assert_eq!(
///     serde_json::to_string(&found)?,
///     concat!(
///         r#"[{"text":"more than 100","start":19,"end":32,"kind":"more-than","low":"101","high":null,"#,
///         r#""value":">100","unit":"people","noun":"people","measure":"killed","#,
///         r#""low_open":false,"high_open":false,"#,
///         r#""speaker":{"name":"A source","start":0,"end":8,"kind":"anonymous"},"qualifier":"confirmed"}]"#,
///     )
/// );
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention<'a> {
    source: &'a str,
    start: usize,
    end: usize,
    value: Estimate,
    unit: Unit,
    noun: Option<(usize, usize)>,
    measure: Option<Measure>,
    speaker: Option<(usize, usize, SourceKind)>,
    qualifier: Option<Qualifier>,
    /// The byte span of the sentence the mention is in.
    sentence: (usize, usize),
}

/// Who the text says stated a figure: "military officials" in "…, military
/// officials said", "SLA" in "857 killed (SLA claims)", with its span and a
/// guess at its [`SourceKind`] from its words ([`Mention::speaker`]).
///
/// ```
/// use reckon::{Lexicon, SourceKind};
/// use reckon::model::Qualifier;
/// use reckon::text;
///
/// let text = "Hezbollah sources confirmed that 14 fighters were killed.";
/// let found = text::extract(text, Lexicon::shared());
/// let speaker = found[0].speaker().expect("the sentence names its source");
/// assert_eq!(speaker.name(), "Hezbollah sources");
/// assert_eq!(&text[speaker.span()], "Hezbollah sources");
/// assert_eq!(speaker.kind(), SourceKind::Belligerent);
/// assert_eq!(found[0].qualifier(), Some(Qualifier::Confirmed));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker<'a> {
    name: &'a str,
    start: usize,
    end: usize,
    kind: SourceKind,
}

impl<'a> Speaker<'a> {
    /// The speaker as written: "U.S. military officials", "a police official".
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The byte span of the name in the text.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The kind of source the name suggests: government for "police" or
    /// "military officials", a monitor for "the U.N.", media for "Al
    /// Jazeera", anonymous for "witnesses" or "reports", unspecified when
    /// the words do not say.
    pub fn kind(&self) -> SourceKind {
        self.kind
    }
}

impl<'a> Mention<'a> {
    /// The text the mention was found in.
    pub(crate) fn source_text(&self) -> &'a str {
        self.source
    }

    /// The sentence the mention is in, as written: from after the full
    /// stop that ends the sentence before it to its own, a closing
    /// quotation mark included, citation markers after either stop left
    /// out; an abbreviation's stop ("U.S.") ends none, nor does a ";".
    pub(crate) fn sentence(&self) -> &'a str {
        let (a, b) = self.sentence;
        self.source.get(a..b).unwrap_or("")
    }

    /// The mention as written: "more than 100", "50–170", "dozens".
    pub fn text(&self) -> &'a str {
        self.source.get(self.start..self.end).unwrap_or("")
    }

    /// The byte offset where the mention starts.
    pub fn start(&self) -> usize {
        self.start
    }

    /// The byte offset just past the mention.
    pub fn end(&self) -> usize {
        self.end
    }

    /// The byte span of the mention (end exclusive).
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The value (its verbatim text is [`Mention::text`]).
    pub fn value(&self) -> &Estimate {
        &self.value
    }

    /// The form of the value as a word: `exact`, `range`, `at-least`,
    /// `more-than`, `at-most`, `fewer-than`, `approximately`, `nearly`,
    /// `vague`, `unknown` (and `triple`, which prose never gives).
    ///
    /// ```
    /// use reckon::{Lexicon, Measure, Unit};
    /// use reckon::text;
    ///
    /// let m = &text::extract("Dozens of rebel fighters were killed.", Lexicon::shared())[0];
    /// assert_eq!((m.text(), m.kind()), ("Dozens", "vague"));
    /// assert_eq!((m.start(), m.end()), (0, 6));
    /// assert_eq!(m.value().interval().to_string(), "[24, 119]");
    /// assert_eq!((m.noun(), m.noun_span()), (Some("rebel fighters"), Some(10..24)));
    /// assert_eq!((m.unit(), m.measure()), (&Unit::People, Some(&Measure::Killed)));
    /// ```
    pub fn kind(&self) -> &'static str {
        self.value.form().name()
    }

    /// The low end; `None` when the figure is unknown. For a unit that
    /// counts whole things it is the least whole count admitted ("more than
    /// 100" people: 101); for a measure it is the number the comparison
    /// names, excluded when [`Mention::low_open`] ("more than 1.5 km": 1.5).
    ///
    /// ```
    /// use reckon::text;
    /// use reckon::{Decimal, Lexicon, Unit};
    ///
    /// let found = text::extract("more than 100 people within more than 1.5 km", Lexicon::shared());
    /// assert_eq!((found[0].low(), found[0].low_open()), (Some(Decimal::from(101)), false));
    /// assert_eq!((found[1].low(), found[1].low_open()), (Some(Decimal::new(15, 1)), true));
    ///
    /// let share = &text::extract("More than half of the fighters were killed", Lexicon::shared())[0];
    /// assert_eq!(share.unit(), &Unit::Share);
    /// assert_eq!((share.low(), share.low_open()), (Some(Decimal::new(5, 1)), true));
    /// assert_eq!((share.high(), share.high_open()), (Some(Decimal::ONE), false));
    /// ```
    pub fn low(&self) -> Option<Decimal> {
        match self.ends().0 {
            Included(n) | Excluded(n) => Some(n),
            Unbounded => None,
        }
    }

    /// Whether the low end is excluded: a strict comparison on a measure
    /// ("more than 30 %"). Always `false` for units that count whole things.
    pub fn low_open(&self) -> bool {
        matches!(self.ends().0, Excluded(_))
    }

    /// The high end; `None` when unbounded or unknown. Whole counts and
    /// measures read as for [`Mention::low`]; a share is never above 1.
    pub fn high(&self) -> Option<Decimal> {
        match self.ends().1 {
            Included(n) | Excluded(n) => Some(n),
            Unbounded => None,
        }
    }

    /// Whether the high end is excluded ("under 2.5 hours").
    pub fn high_open(&self) -> bool {
        matches!(self.ends().1, Excluded(_))
    }

    /// The ends under the unit's reading.
    fn ends(&self) -> (Bound<Decimal>, Bound<Decimal>) {
        if self.value.is_unknown() {
            return (Unbounded, Unbounded);
        }
        if self.unit.counts_whole() {
            let i = self.value.interval();
            // A count is whole: "more than 1.5 people" is at least 2.
            let (low, high) = (i.low().ceil(), i.high().map(|h| h.floor()));
            return match (high, i.high()) {
                (Some(h), Some(raw)) if h < low => (Included(i.low()), Included(raw)),
                (Some(h), _) => (Included(low), Included(h)),
                (None, _) => (Included(low), Unbounded),
            };
        }
        let (low, high) = self.value.bounds();
        if self.unit != Unit::Share {
            return (low, high);
        }
        let high = match high {
            Included(h) | Excluded(h) if h > Decimal::ONE => Included(Decimal::ONE),
            Unbounded => Included(Decimal::ONE),
            h => h,
        };
        (low, high)
    }

    /// The unit: people unless the text says otherwise.
    pub fn unit(&self) -> &Unit {
        &self.unit
    }

    /// The noun phrase counted: "Hezbollah fighters", "rebels of the Al-Nusra Front".
    pub fn noun(&self) -> Option<&'a str> {
        self.noun.and_then(|(a, b)| self.source.get(a..b))
    }

    /// The byte span of the noun phrase.
    pub fn noun_span(&self) -> Option<Range<usize>> {
        self.noun.map(|(a, b)| a..b)
    }

    /// What the figure reports, where the sentence says it.
    pub fn measure(&self) -> Option<&Measure> {
        self.measure.as_ref()
    }

    /// Who the figure's sentence says stated it, if it names anyone. The
    /// forms read are described in the [`text`](crate::text) module docs.
    pub fn speaker(&self) -> Option<Speaker<'a>> {
        let (start, end, kind) = self.speaker?;
        Some(Speaker {
            name: self.source.get(start..end)?,
            start,
            end,
            kind,
        })
    }

    /// How the figure is stated: claimed ("SLA claims", "The United States
    /// claimed"), confirmed, estimated ("an estimated 70", "U.N. officials
    /// estimate") or reportedly ("were reported wounded", "there are
    /// reports that"); `None` for a plain statement.
    pub fn qualifier(&self) -> Option<Qualifier> {
        self.qualifier
    }
}

/// Writes a speaker as the object of the mention's JSON contract: `name`,
/// `start`, `end`, `kind`.
#[cfg(feature = "serde")]
impl serde::Serialize for Speaker<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("Speaker", 4)?;
        m.serialize_field("name", self.name)?;
        m.serialize_field("start", &self.start)?;
        m.serialize_field("end", &self.end)?;
        m.serialize_field("kind", self.kind.as_str())?;
        m.end()
    }
}

/// Writes the documented JSON contract (see [`Mention`]).
#[cfg(feature = "serde")]
impl serde::Serialize for Mention<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let decimal = |d: Option<Decimal>| d.map(|d| d.normalize().to_string());
        let mut m = s.serialize_struct("Mention", 14)?;
        m.serialize_field("text", self.text())?;
        m.serialize_field("start", &self.start)?;
        m.serialize_field("end", &self.end)?;
        m.serialize_field("kind", self.kind())?;
        m.serialize_field("low", &decimal(self.low()))?;
        m.serialize_field("high", &decimal(self.high()))?;
        m.serialize_field("value", &self.value.to_string())?;
        m.serialize_field("unit", self.unit.as_str())?;
        m.serialize_field("noun", &self.noun())?;
        m.serialize_field("measure", &self.measure.as_ref().map(Measure::as_str))?;
        m.serialize_field("low_open", &self.low_open())?;
        m.serialize_field("high_open", &self.high_open())?;
        m.serialize_field("speaker", &self.speaker())?;
        m.serialize_field("qualifier", &self.qualifier.map(|q| q.as_str()))?;
        m.end()
    }
}

/// Every figure in `text`, in order, read with the vague words and
/// approximators of `lexicon`. Lines are read separately: a figure never
/// spans a line break. See the [`text`](crate::text) module docs for what counts.
///
/// ```
/// use reckon::text;
/// use reckon::{Lexicon, Unit};
///
/// let found = text::extract(
///     "On 5 August, a 24-hour cease-fire started; around 10 km away, dozens of rebels were killed.",
///     Lexicon::shared(),
/// );
/// assert_eq!(found.len(), 3);
/// assert_eq!((found[0].text(), found[0].unit()), ("24", &Unit::Hours));
/// assert_eq!(found[1].value().interval().to_string(), "[9, 11]");
/// assert_eq!(found[2].kind(), "vague");
/// assert_eq!(found[2].noun(), Some("rebels"));
/// ```
pub fn extract<'a>(text: &'a str, lexicon: &Lexicon) -> Vec<Mention<'a>> {
    let mut out = Vec::new();
    let mut scratch = (Vec::new(), Vec::new());
    let mut offset = 0;
    let mut heading = None;
    for line in text.split('\n') {
        if let Some(h) = heading_of(line) {
            heading = Some(h);
        } else if !short_line(line) {
            heading = None;
        }
        let this = Line {
            text: line,
            offset,
            heading: heading.as_ref(),
        };
        read_line(text, this, lexicon, &mut scratch, &mut out);
        offset += line.len() + 1;
    }
    out
}

/// A line of the text: its words, where it starts, and the measure of the
/// infobox heading it stands under, if any.
struct Line<'l> {
    text: &'l str,
    offset: usize,
    heading: Option<&'l Measure>,
}

/// The measure of a pasted infobox's heading line: "Strength",
/// "Casualties and losses" (table bars and dashes aside).
fn heading_of(line: &str) -> Option<Measure> {
    if line.len() > 64 {
        return None;
    }
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '*'))
        .filter(|w| !w.is_empty())
        .collect();
    let is = |w: &[&str]| {
        words.len() == w.len() && words.iter().zip(w).all(|(a, b)| a.eq_ignore_ascii_case(b))
    };
    if is(&["strength"]) {
        Some(Measure::Strength)
    } else if is(&["casualties", "and", "losses"]) || is(&["casualties"]) || is(&["losses"]) {
        Some(Measure::Casualties)
    } else {
        None
    }
}

/// Whether a line is short enough to be an infobox's value under a heading
/// (a paragraph of prose ends the heading's reach): twelve words at most.
fn short_line(line: &str) -> bool {
    line.split_whitespace().nth(12).is_none()
}

fn read_line<'a>(
    source: &'a str,
    line: Line<'_>,
    lex: &Lexicon,
    (toks, found): &mut (Vec<Token>, Vec<Found>),
    out: &mut Vec<Mention<'a>>,
) {
    let Line {
        text: line,
        offset,
        heading,
    } = line;
    tokenize(line, toks);
    // "[12]", "[note 2]", "<ref>…</ref>" are notes on the text, not in it.
    drop_markers(line, toks);
    found.clear();
    let cx = Cx { text: line, toks };
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        if !may_start(&cx, lex, i) {
            i += 1;
            continue;
        }
        let mut article = false;
        let fig = match prose::figure_at(&cx, lex, floor, i) {
            Some(f) => Some(f),
            None if is_article(&cx, i) && unit_word(&cx, i + 1, After::Spaced).is_some() => {
                article = true;
                prose::one_at(&cx, lex, floor, i)
            }
            None => None,
        };
        let Some(fig) = fig else {
            i += 1;
            continue;
        };
        let next = fig.next.max(i + 1) + usize::from(article);
        let word_core = matches!(fig.shape, Shape::Zero | Shape::Unknown);
        if let Some(mut f) = accept(&cx, fig) {
            // "two hills near Flita and several others": the others are hills.
            if let (Some(np), Some(prev)) = (&f.noun, found.last()) {
                if cx.is(np.head, "others") && cx.same_sentence(prev.fig.next, f.fig.first) {
                    if let Some(u) = prev.unit.clone().filter(|u| *u != Unit::People) {
                        f.unit = Some(u);
                    }
                }
            }
            if article {
                // "within a kilometer": the article is a number only with its unit.
                f.fig.next += 1;
            }
            found.push(f);
        } else if word_core {
            // "no" in "no less than 30" is not a figure but a bound word.
            i += 1;
            continue;
        }
        i = next;
        floor = next;
    }
    for k in 0..found.len() {
        let measure = measure_of(&cx, found, k);
        if let Some(f) = found.get_mut(k) {
            // Under a "Strength" heading, a count with no measure of its own
            // is a strength.
            let counts = f
                .unit
                .as_ref()
                .is_none_or(|u| u.counts_whole() && u.measure().is_none());
            f.measure = measure.or_else(|| heading.filter(|_| counts).cloned());
        }
    }
    let attributions = attribute(&cx, found);
    let quoted = if found.is_empty() {
        Vec::new()
    } else {
        sentences(&cx, Semicolons::Continue)
    };
    for (f, said) in found.drain(..).zip(attributions) {
        let (a, b) = cx.span(f.fig.first, f.fig.next);
        // The sentences the figure starts and ends in (the same one but
        // for a figure that runs over a stop).
        let first = quoted.partition_point(|s| s.end <= f.fig.first);
        let last = quoted.partition_point(|s| s.end < f.fig.next).max(first);
        let sentence = match (quoted.get(first), quoted.get(last)) {
            (Some(x), Some(y)) => cx.span(x.start, y.end),
            _ => (a, b),
        };
        out.push(Mention {
            source,
            start: offset + a,
            end: offset + b,
            value: f.fig.value,
            unit: f.unit.unwrap_or(Unit::People),
            noun: f.noun.map(|np| {
                let (x, y) = cx.span(np.first, np.next);
                (offset + x, offset + y)
            }),
            measure: f.measure,
            speaker: said.speaker.map(|(names, kind)| {
                let (x, y) = cx.span(names.start, names.end);
                (offset + x, offset + y, kind)
            }),
            qualifier: said.qualifier,
            sentence: (offset + sentence.0, offset + sentence.1),
        });
    }
}

fn is_article(cx: &Cx<'_>, i: usize) -> bool {
    cx.is(i, "a") || cx.is(i, "an")
}

/// Whether a figure may start at token `i`.
fn may_start(cx: &Cx<'_>, lex: &Lexicon, i: usize) -> bool {
    match cx.kind(i) {
        Some(Kind::Digits) => true,
        Some(Kind::Punct) => {
            let c = cx.punct(i);
            (c == Some('.') && cx.is_digits(i + 1) && cx.adjacent(i + 1))
                || c.and_then(vocabulary::vulgar).is_some()
        }
        Some(Kind::Word) => match cx.word(i) {
            Some(w) if w.starts_figure => true,
            // "the 3rd", "between the tenth and the fifteenth".
            _ if cx.is(i, "the") => {
                cx.is_digits(i + 1) || cx.w(i + 1).is_some_and(|w| w.is_ordinal())
            }
            _ => lex.may_start_term(cx.s(i)),
        },
        None => false,
    }
}

#[cfg(test)]
mod tests;
