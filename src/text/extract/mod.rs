//! Finding the figures in running text: [`extract`] reads each line,
//! token by token, tries a figure wherever one may start, keeps what
//! [`accept`] takes for a figure, with its unit and noun phrase, and then
//! finds each figure's measure in its sentence. The rules are described in
//! the [`text`](crate::text) module docs.

mod accept;
mod field;
mod markers;
mod measure;
mod noun;
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

use accept::{Found, accept};
use markers::drop_markers;
use measure::measure_of;
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
    for (f, said) in found.drain(..).zip(attributions) {
        let (a, b) = cx.span(f.fig.first, f.fig.next);
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
mod tests {
    use super::*;

    /// Mentions as "text [low, high] unit noun measure".
    fn ex(s: &str) -> Vec<String> {
        extract(s, Lexicon::shared())
            .iter()
            .map(|m| {
                format!(
                    "{} {} {} {} {}",
                    m.text(),
                    m.value().interval(),
                    m.unit(),
                    m.noun().unwrap_or("-"),
                    m.measure().map_or("-", |x| x.as_str())
                )
            })
            .collect()
    }

    #[test]
    fn issue_example_yields_five_mentions() {
        assert_eq!(
            ex("20 Lebanese soldiers killed, 85 wounded and 24 captured (14 released, 4 executed)"),
            [
                "20 [20, 20] people Lebanese soldiers killed",
                "85 [85, 85] people - wounded",
                "24 [24, 24] people - captured",
                "14 [14, 14] people - released",
                "4 [4, 4] people - executed",
            ]
        );
    }

    #[test]
    fn dates_years_times_ordinals_and_codes_are_not_figures() {
        for s in [
            "On 2 August the town fell.",
            "By 12 August 2014 it was over.",
            "It happened in 2014.",
            "The offensive (2014) ended.",
            "During the night between 1 and 2 August.",
            "August 12, 2014",
            "We produced nothing in 2013-14.",
            "the 3rd brigade and the twenty-first battalion",
            "At 2 pm they left; at 2.17pm they came back, at 10:30 again.",
            "under UN Security Council Resolution 1701",
            "Call +1-222-2222-2222 or 555-1234.",
            "version 192.168.1.2 on 5/17/2018",
            "the LGA1156 socket and SCP-173",
            "agent 007",
            "At one point, the rebels fled.",
            "Which one do you prefer?",
            "One-fourth is a fraction number; they cut it in half.",
            "after 9/11, open 24/7",
            "it was -5 degrees, or (-3)",
            "between -5 and 10 degrees; from 10 to -5 degrees; minus 5 degrees",
            "He said some of it was true; some time later; he has multiple sclerosis.",
            "In the first half of 2014, and the other half of the town.",
            "more than 1/1 of the people",
            "There was no need for a costly assault.",
        ] {
            assert_eq!(ex(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn shares_are_fractions_of_something_or_compared() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Two thirds of the fighters were killed.",
                &[
                    "Two thirds [0.6666666666666666666666666667, 0.6666666666666666666666666667] share fighters killed",
                ],
            ),
            (
                "half the prisoners",
                &["half [0.5, 0.5] share prisoners captured"],
            ),
            (
                "More than 1/2 of the people came",
                &["More than 1/2 [0.5, ∞) share people -"],
            ),
            (
                "above one quarter and below a half",
                &["above one quarter and below a half [0.25, 0.5] share - -"],
            ),
            (
                "one and a half hours",
                &["one and a half [1.5, 1.5] hours - duration"],
            ),
            (
                "more than half an hour",
                &["more than half [0.5, ∞) hours - duration"],
            ),
            (
                "one in five victims",
                &["one in five [0.2, 0.2] share victims -"],
            ),
            (
                "a quarter of an hour",
                &["a quarter [0.25, 0.25] hours - duration"],
            ),
            (
                "Some rebel fighters fled",
                &["Some [2, ∞) people rebel fighters -"],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(ex(input), *want, "{input}");
        }
        let m = &extract("more than half of them", Lexicon::shared())[0];
        assert_eq!((m.low(), m.low_open()), (Some(Decimal::new(5, 1)), true));
        assert_eq!((m.high(), m.high_open()), (Some(Decimal::ONE), false));
    }

    #[test]
    fn counts_of_things_take_the_measure_next_to_them() {
        let cases: &[(&str, &[&str])] = &[
            (
                "300 families fled the town",
                &["300 [300, 300] families families -"],
            ),
            (
                "300 families were killed",
                &["300 [300, 300] families families killed"],
            ),
            // Places are seized, not taken prisoner.
            (
                "the army captured two hills",
                &["two [2, 2] hills hills seized"],
            ),
            (
                "Three analysts expect 300 deaths.",
                &[
                    "Three [3, 3] analysts analysts -",
                    "300 [300, 300] people deaths killed",
                ],
            ),
            (
                "Three news outlets reported 12 deaths.",
                &[
                    "Three [3, 3] outlets news outlets -",
                    "12 [12, 12] people deaths killed",
                ],
            ),
            // Not from elsewhere in the sentence.
            (
                "they captured the building under fire from multiple directions",
                &["multiple [2, ∞) directions directions -"],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(ex(input), *want, "{input}");
        }
    }

    #[test]
    fn strict_bounds_on_measures_stay_open() {
        let m = &extract("under 2.5 hours", Lexicon::shared())[0];
        assert_eq!(m.unit(), &Unit::Hours);
        assert_eq!((m.low(), m.low_open()), (Some(Decimal::ZERO), false));
        assert_eq!((m.high(), m.high_open()), (Some(Decimal::new(25, 1)), true));
        let m = &extract("more than 30% of the dead", Lexicon::shared())[0];
        assert_eq!(m.unit(), &Unit::Percent);
        assert_eq!((m.low(), m.low_open()), (Some(Decimal::from(30)), true));
        // Whole counts stay inclusive and whole.
        let m = &extract("more than 1.5 million people", Lexicon::shared())[0];
        assert_eq!(
            (m.low(), m.low_open()),
            (Some(Decimal::from(1_500_001)), false)
        );
    }

    #[test]
    fn figures_in_prose() {
        let cases: &[(&str, &[&str])] = &[
            (
                "A 24-hour cease-fire, a 40-man unit and a five-hour battle.",
                &[
                    "24 [24, 24] hours cease-fire duration",
                    "40 [40, 40] people unit strength",
                    "five [5, 5] hours battle duration",
                ],
            ),
            (
                "More than 100 people had been killed and at least 18 wounded.",
                &[
                    "More than 100 [101, ∞) people people killed",
                    "at least 18 [18, ∞) people - wounded",
                ],
            ),
            (
                "there were no casualties; none were killed",
                &[
                    "no [0, 0] people casualties casualties",
                    "none [0, 0] people - killed",
                ],
            ),
            (
                "an unknown number of fighters were captured",
                &["an unknown number [0, ∞) people fighters captured"],
            ),
            (
                "some 2,000 troops, a 300-strong force and 10km of road",
                &[
                    "some 2,000 [1800, 2200] people troops -",
                    "300 [300, 300] people force strength",
                    "10 [10, 10] km - distance",
                ],
            ),
            (
                "between 25 and 28 rebels, two or three soldiers, 5-6 thousand civilians",
                &[
                    "between 25 and 28 [25, 28] people rebels -",
                    "two or three [2, 3] people soldiers -",
                    "5-6 thousand [5000, 6000] people civilians -",
                ],
            ),
            (
                "killing more than a dozen and wounding several hundred",
                &[
                    "more than a dozen [13, ∞) people - killed",
                    "several hundred [300, 999] people - wounded",
                ],
            ),
            (
                "2000 people died; 1500 were wounded",
                &[
                    "2000 [2000, 2000] people people killed",
                    "1500 [1500, 1500] people - wounded",
                ],
            ),
            (
                "forty-five (45) hostages",
                &["forty-five (45) [45, 45] people hostages taken-hostage"],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(ex(s), *want, "{s}");
        }
    }

    #[test]
    fn citation_and_editorial_markers_are_never_figures() {
        for s in [
            "The town fell.[12]",
            "The town fell.[3][4][5]",
            "The town fell[note 2] and[update] then[citation needed].",
            "The town fell[*][**][a].",
            "The town fell<ref>BBC News, 12 May 2014, p. 4</ref>.",
            r#"The town fell<ref name="bbc2014" />."#,
            "The town fell<sup>3</sup> and<sup>[4]</sup> then<sup>b</sup>.",
        ] {
            assert_eq!(ex(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn a_marker_does_not_hide_the_figure_beside_it() {
        let cases: &[(&str, &[&str])] = &[
            ("185 killed[*][23]", &["185 [185, 185] people - killed"]),
            (
                "163[15]–900 technicals",
                &["163[15]–900 [163, 900] technicals technicals -"],
            ),
            (
                "5,000[8] – 14,426 troops",
                &["5,000[8] – 14,426 [5000, 14426] people troops -"],
            ),
            (
                "30 killed,[3] 40 wounded",
                &[
                    "30 [30, 30] people - killed",
                    "40 [40, 40] people - wounded",
                ],
            ),
            (
                "1,250+[3] killed[note 1] and 12[citation needed] wounded",
                &[
                    "1,250+ [1250, ∞) people - killed",
                    "12 [12, 12] people - wounded",
                ],
            ),
            (
                "killed 30<ref>AP, 2 June 2014</ref> rebels",
                &["30 [30, 30] people rebels killed"],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(ex(s), *want, "{s}");
        }
    }

    #[test]
    fn detained_people_are_captured() {
        let cases: &[(&str, &[&str])] = &[
            // A headline: the count after "Detain" is no identifier.
            (
                "Troops in Iraq Detain 13",
                &["13 [13, 13] people - captured"],
            ),
            (
                "Forces killed five terrorists and detained 14 suspects today.",
                &[
                    "five [5, 5] people terrorists killed",
                    "14 [14, 14] people suspects captured",
                ],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(ex(s), *want, "{s}");
        }
    }

    #[test]
    fn dates_coordinates_formations_and_ages_are_not_counts() {
        assert!(
            ex("Aug. 8, 2008 - Forces detained three suspects.")
                .iter()
                .all(|m| !m.starts_with("8 "))
        );
        assert_eq!(
            ex("DateMay 23, 2017 (2017-05-23) – present"),
            Vec::<String>::new()
        );
        assert_eq!(
            ex("8°00′38″N 124°17′52″E / 8.0106°N 124.2977°E / 8.0106; 124.2977"),
            Vec::<String>::new()
        );
        assert_eq!(
            ex("** 53 Division, ** 55 Division, 543 Brigade:"),
            Vec::<String>::new()
        );
        assert_eq!(
            ex("Three divisions attacked."),
            ["Three [3, 3] divisions divisions -"]
        );
        assert_eq!(
            ex("Boko Haram abducted eight girls aged between 12 and 15."),
            ["eight [8, 8] people girls taken-hostage"]
        );
        // A month's full name ends a sentence: the count after it stands.
        assert_eq!(
            ex("It rose to 19 by 12 August. 60 militants were also confirmed dead."),
            [
                "19 [19, 19] people - -",
                "60 [60, 60] people militants killed"
            ]
        );
    }

    #[test]
    fn infobox_fields_give_their_figures_a_measure() {
        assert_eq!(
            ex("- Casualties1: Killed: 169, Wounded: 947, MIA: 1"),
            [
                "169 [169, 169] people - killed",
                "947 [947, 947] people - wounded",
                "1 [1, 1] people - missing"
            ]
        );
        assert_eq!(
            ex("- Strength2: 1000"),
            ["1000 [1000, 1000] people - strength"]
        );
        assert_eq!(
            ex("- Strength1: Up to 3,500 troops"),
            ["Up to 3,500 [0, 3500] people troops strength"]
        );
        assert_eq!(
            ex("- Injuries: Unknown"),
            ["Unknown [0, ∞) people - wounded"]
        );
        assert_eq!(
            ex("- Casualties1: 50 killed, unknown wounded")[1],
            "unknown [0, ∞) people - wounded"
        );
        // A field that counts nothing has no figure in "Unknown".
        assert_eq!(ex("- Units1: Unknown"), Vec::<String>::new());
        assert_eq!(ex("Total: 641+ KIA"), ["641+ [641, ∞) people - killed"]);
    }

    #[test]
    fn html_space_entities_read_as_spaces() {
        assert_eq!(
            ex("Some 3&nbsp;000 soldiers and 40&#160;civilians died."),
            [
                "Some 3&nbsp;000 [2700, 3300] people soldiers killed",
                "40 [40, 40] people civilians killed"
            ]
        );
        assert_eq!(
            ex("1&thinsp;200 rebels&nbsp;were killed."),
            ["1&thinsp;200 [1200, 1200] people rebels killed"]
        );
        // Only a whole entity is a space: "&nbsp" without its ";" is kept.
        assert_eq!(ex("3&nbsp000 soldiers"), ["3 [3, 3] people - -"]);
    }

    #[test]
    fn a_soft_hyphen_does_not_break_a_word() {
        assert_eq!(
            ex("12 re\u{ad}bels were kil\u{ad}led."),
            ["12 [12, 12] people re\u{ad}bels killed"]
        );
    }

    #[test]
    fn an_entity_reads_as_the_character_it_stands_for() {
        // Dashes make ranges, in named and numeric references alike.
        assert_eq!(
            ex("50&ndash;170 rebels were killed."),
            ["50&ndash;170 [50, 170] people rebels killed"]
        );
        assert_eq!(
            ex("20&#8211;30 soldiers and 5&#x2013;8 civilians died"),
            [
                "20&#8211;30 [20, 30] people soldiers killed",
                "5&#x2013;8 [5, 8] people civilians killed"
            ]
        );
        // Signs and fractions.
        assert_eq!(
            ex("&asymp;400 fighters were killed"),
            ["&asymp;400 [360, 440] people fighters killed"]
        );
        assert_eq!(ex("2&frac12; km"), ["2&frac12; [2.5, 2.5] km - distance"]);
        // Soft hyphens and letters inside a word keep it whole.
        assert_eq!(
            ex("12 re&shy;bels were kil&#173;led."),
            ["12 [12, 12] people re&shy;bels killed"]
        );
        // An escaped citation marker is still a marker.
        assert_eq!(
            ex("40 civilians&lt;ref&gt;SOHR&lt;/ref&gt; died"),
            ["40 [40, 40] people civilians killed"]
        );
        // "&amp;" is an ampersand, not a figure or a break; an unknown or
        // unterminated reference is left as text.
        assert_eq!(
            ex("Smith &amp; Jones said 30 rebels died &#; &bogus 4"),
            ["30 [30, 30] people rebels killed", "4 [4, 4] people - -"]
        );
    }

    #[test]
    fn a_quoted_figure_counts_the_noun_after_the_quote() {
        assert_eq!(
            ex("“Some 200” rebels were killed."),
            ["Some 200 [180, 220] people rebels killed"]
        );
        assert_eq!(
            ex("\"12\" fighters"),
            ["12 [12, 12] people fighters strength"]
        );
    }

    #[test]
    fn a_heading_gives_the_lines_under_it_their_measure() {
        let text = "Strength\n3,000+ soldiers[11]\n  • Abu Sayyaf: 60[10]\nCasualties and losses\n128 killed\n";
        assert_eq!(
            ex(text),
            [
                "3,000+ [3000, ∞) people soldiers strength",
                "60 [60, 60] people - strength",
                "128 [128, 128] people - killed"
            ]
        );
        // A paragraph of prose ends the heading's reach.
        let text = "Strength\nThe town was quiet for weeks before the army came back with more men.\n300 soldiers\n";
        assert_eq!(ex(text), ["300 [300, 300] people soldiers -"]);
    }

    #[test]
    fn killed_or_wounded_are_casualties_and_a_table_row_keeps_its_measures() {
        assert_eq!(
            ex("Some civilians were killed or wounded."),
            ["Some [2, ∞) people civilians casualties"]
        );
        assert_eq!(
            ex("24 killed 52 wounded"),
            [
                "24 [24, 24] people - killed",
                "52 [52, 52] people - wounded"
            ]
        );
        // A year before the singular of a people noun is a year.
        assert_eq!(ex("2004 Russian hostage crisis"), Vec::<String>::new());
    }

    #[test]
    fn displaced_people_are_displaced_and_those_who_fled_are_not_killed() {
        let cases: &[(&str, &[&str])] = &[
            // "fled" says no measure: fighters flee a battle and are not
            // displaced. The measure of the next clause is not taken.
            (
                "About 90,000 others had fled across the border, and many civilians were \
                 reported dead.",
                &["About 90,000 [81000, 99000] people others -"],
            ),
            (
                "180,000 evacuated, 84,760 displaced",
                &[
                    "180,000 [180000, 180000] people - displaced",
                    "84,760 [84760, 84760] people - displaced",
                ],
            ),
            (
                "Casualties: 200+ civilians killed, 15,000 displaced",
                &[
                    "200+ [200, ∞) people civilians killed",
                    "15,000 [15000, 15000] people - displaced",
                ],
            ),
        ];
        for (s, want) in cases {
            assert_eq!(ex(s), *want, "{s}");
        }
    }

    #[test]
    fn a_lexicon_of_ones_own_is_used() {
        let house = Lexicon::english().without_term("dozens");
        assert!(extract("dozens of rebels", &house).is_empty());
        assert_eq!(extract("dozens of rebels", Lexicon::shared()).len(), 1);
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let text = "first line\n“About 70 militants”\r\nlast: 3 dead";
        let found = extract(text, Lexicon::shared());
        let spans: Vec<_> = found
            .iter()
            .map(|m| (&text[m.span()], m.start(), m.end()))
            .collect();
        assert_eq!(spans, [("About 70", 14, 22), ("3", 43, 44)]);
        assert_eq!(found[0].noun(), Some("militants"));
        assert_eq!(found[0].noun_span().map(|r| &text[r]), Some("militants"));
        assert_eq!(found[1].measure(), Some(&Measure::Killed));
    }
}
