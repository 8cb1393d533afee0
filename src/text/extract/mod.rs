//! Finding the figures in running text.
//!
//! [`extract`] reads a paragraph and returns every figure mentioned in it
//! as a [`Mention`]: its byte span, its value (an [`Estimate`], read as
//! [`text::phrase`](crate::text::phrase) reads phrases), its [`Unit`]
//! (people unless the text says otherwise), the noun phrase it counts where
//! there is one, and the [`Measure`] it reports where the sentence says it.
//!
//! ```
//! use reckon::text;
//! use reckon::{Lexicon, Measure};
//!
//! let text = "20 Lebanese soldiers killed, 85 wounded and 24 captured (14 released, 4 executed)";
//! let found = text::extract(text, Lexicon::shared());
//! let read: Vec<_> = found
//!     .iter()
//!     .map(|m| (m.text(), m.noun(), m.measure().map(Measure::as_str)))
//!     .collect();
//! assert_eq!(read, [
//!     ("20", Some("Lebanese soldiers"), Some("killed")),
//!     ("85", None, Some("wounded")),
//!     ("24", None, Some("captured")),
//!     ("14", None, Some("released")),
//!     ("4", None, Some("executed")),
//! ]);
//! ```
//!
//! # What is a figure
//!
//! A count, measure or share of something, stated with a number or a
//! quantity word: "50–170 rebels", "more than 100 people", "dozens of
//! rebels", "a 24-hour cease-fire", "more than half of the fighters",
//! "Unknown Syrian and Hezbollah casualties", "no casualties".
//! These are not figures and are never reported:
//!
//! - dates and years: "2 August", "between 1 and 2 August", "in 2014",
//!   "(2014)", "2013-14", "June 2014";
//! - ordinals: "3rd brigade", "the second day";
//! - times: "2 pm", "2.17pm", "10:30", "five o'clock";
//! - identifiers: "Resolution 1701", "LGA1156", "SCP-173", "007";
//! - phone numbers and other chains of digits: "+1-222-2222", "192.168.1.2",
//!   "5/17/2018";
//! - signed numbers: "-5 degrees" (an estimate is never negative);
//! - fractions on their own: "One-fourth is a fraction", "cut in half",
//!   "9/11", "24/7". A fraction is a figure when it is a share of something
//!   ("two thirds of the dead", "half the prisoners", "one in five
//!   victims") or compared ("more
//!   than half", "above one quarter and below a half"): its unit is
//!   [`Unit::Share`], from 0 to 1, and the noun names the whole;
//! - "one" and "a" with nothing counted after them: "at one point".
//!
//! # Units, nouns and measures
//!
//! The unit is read from a unit word after the number ("10 km", "10
//! meters", "two days"), attached to it ("10km") or joined by a hyphen
//! ("a 24-hour cease-fire", "a 40-man unit"); failing that, from the noun
//! counted: people nouns and named forces count people, "factions" and
//! "brigades" count groups, any other noun counts itself ("two hills" is in
//! `hills`). The measure is the nearest of: a measure word in the noun
//! phrase ("dozens of wounded militants"), a verb right before the figure
//! ("killing 20 rebels"), the first measure word after it in the clause
//! ("29 Hezbollah fighters were killed"), the measure of the figure a
//! parenthesis comments on ("(11 by an ambush)"), and a measure word earlier
//! in the sentence ("the death toll had risen to 18"). Durations, distances
//! and groups are measured as such.
//!
//! # The JSON contract of the `extract` example
//!
//! `cargo run --example extract` reads text from standard input, one
//! paragraph per line, and for each line prints one JSON array of mentions,
//! in order. Each mention is an object with these fields:
//!
//! | field | value |
//! |---|---|
//! | `text` | the mention as written: `"more than 100"` |
//! | `start`, `end` | byte offsets into the line, end exclusive |
//! | `kind` | the form: `exact`, `range`, `at-least`, `more-than`, `at-most`, `fewer-than`, `between`, `approximately`, `nearly`, `vague`, `unknown` ([`Mention::kind`]) |
//! | `low`, `high` | the bounds as decimal strings; `null` when unbounded or unknown. Inclusive whole counts for a unit that [counts whole things](Unit::counts_whole) ("more than 100" people has `low` `"101"`); for a measure, the numbers compared ("more than 1.5 km" has `low` `"1.5"`), a share's `high` at most `"1"` ([`Mention::low`]) |
//! | `value` | the value in the compact value grammar: `">100"` |
//! | `unit` | the unit: `people`, `km`, `m`, `hours`, `days`, `factions`, `brigades`, `percent`, `share`, or another word |
//! | `noun` | the noun phrase counted, or `null` |
//! | `measure` | `killed`, `wounded`, `captured`, `released`, `executed`, `surrendered`, `taken-hostage`, `strength`, `casualties`, `defected`, `duration`, `distance`, `groups`, ..., or `null` |
//! | `low_open`, `high_open` | whether `low` or `high` is excluded: a strict comparison on a measure or a share ("more than half" has `low` `"0.5"`, `low_open` `true`); always `false` for whole counts |
//!
//! ```text
//! $ echo 'A source confirmed more than 100 people had been killed.' | cargo run -q --example extract
//! [{"text":"more than 100","start":19,"end":32,"kind":"more-than","low":"101","high":null,"value":">100","unit":"people","noun":"people","measure":"killed","low_open":false,"high_open":false}]
//! ```
//!
//! Fields are only ever added to this contract, never renamed or removed.
//!
//! # Cost
//!
//! Extraction is one pass over the text: every reading looks at a bounded
//! number of tokens around a figure, so the time is linear in the length of
//! the text, whatever it holds.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::model::Form;
use crate::text::numeral::{Cx, Num, NumKind};
use crate::text::prose;
use crate::text::prose::{Fig, Shape};
use crate::text::token::{Kind, Token, lower, tokenize};
use crate::text::words;
use crate::text::words::W;
use crate::{Estimate, Lexicon, Measure, Unit};
use std::ops::Bound::{self, Excluded, Included, Unbounded};

/// One figure found in a text by [`extract`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention<'a> {
    source: &'a str,
    start: usize,
    end: usize,
    value: Estimate,
    unit: Unit,
    noun: Option<(usize, usize)>,
    measure: Option<Measure>,
}

impl<'a> Mention<'a> {
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
    pub fn kind(&self) -> &'static str {
        form_name(self.value.form())
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
}

/// The name of a form in the JSON contract.
fn form_name(form: &Form) -> &'static str {
    match form {
        Form::Exact(_) => "exact",
        Form::Range { .. } => "range",
        Form::AtLeast(_) => "at-least",
        Form::MoreThan(_) => "more-than",
        Form::AtMost(_) => "at-most",
        Form::FewerThan(_) => "fewer-than",
        Form::Between { .. } => "between",
        Form::Approximately { .. } => "approximately",
        Form::Nearly { .. } => "nearly",
        Form::Vague(_) => "vague",
        Form::Unknown => "unknown",
        Form::Triple { .. } => "triple",
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
    let mut toks = Vec::new();
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        read_line(text, line, offset, lexicon, &mut toks, &mut found, &mut out);
        offset += line.len() + 1;
    }
    out
}

/// A figure accepted in a line, with what is known about it so far.
struct Found {
    fig: Fig,
    unit: Option<Unit>,
    /// A unit that also says the figure is a strength ("a 300-strong force").
    strength: bool,
    noun: Option<Np>,
    measure: Option<Measure>,
}

fn read_line<'a>(
    source: &'a str,
    line: &str,
    offset: usize,
    lex: &Lexicon,
    toks: &mut Vec<Token>,
    found: &mut Vec<Found>,
    out: &mut Vec<Mention<'a>>,
) {
    tokenize(line, toks);
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
            None if is_article(&cx, i) && unit_word(&cx, i + 1, false).is_some() => {
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
                if cx.is(np.head, "others") && same_sentence(&cx, prev.fig.next, f.fig.first) {
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
            f.measure = measure;
        }
    }
    for f in found.drain(..) {
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
        });
    }
}

// ---------------------------------------------------------------------------
// Vocabulary

fn lw<'b>(cx: &Cx<'_>, i: usize, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    if cx.kind(i) != Some(Kind::Word) {
        return None;
    }
    lower(cx.s(i), buf)
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
                || c.and_then(words::vulgar).is_some()
        }
        Some(Kind::Word) => {
            let mut buf = [0; 24];
            let Some(l) = lower(cx.s(i), &mut buf) else {
                return lex.may_start_term(cx.s(i));
            };
            if let Some(w) = words::number_word(l) {
                if !matches!(w, W::And | W::Minus | W::Point | W::Pair | W::Oh) {
                    return true;
                }
            }
            match l {
                b"between" | b"from" | b"no" | b"none" | b"unknown" => true,
                b"the" => cx.is_digits(i + 1) || matches!(cx.w(i + 1), Some(w) if is_ordinal(w)),
                _ => lex.may_start_term(cx.s(i)),
            }
        }
        None => false,
    }
}

fn is_ordinal(w: W) -> bool {
    matches!(
        w,
        W::OrdUnit(..) | W::OrdTeen(..) | W::OrdTens(..) | W::OrdHundred(_) | W::OrdScale(..)
    )
}

/// A unit word at `i` ("km", "meters", "hours", "days"); `attached` when it
/// follows the digits with no space.
fn unit_word(cx: &Cx<'_>, i: usize, attached: bool) -> Option<Unit> {
    let mut buf = [0; 24];
    let l = lw(cx, i, &mut buf)?;
    Some(match l {
        b"km" | b"kms" | b"kilometre" | b"kilometres" | b"kilometer" | b"kilometers" => {
            Unit::Kilometres
        }
        b"m" if attached || !cx.is_wordtok(i + 1) => Unit::Metres,
        b"metre" | b"metres" | b"meter" | b"meters" => Unit::Metres,
        b"h" if attached => Unit::Hours,
        b"hour" | b"hours" | b"hr" | b"hrs" => Unit::Hours,
        b"day" | b"days" => Unit::Days,
        b"week" | b"weeks" => Unit::Other("weeks".into()),
        b"month" | b"months" => Unit::Other("months".into()),
        b"year" | b"years" | b"yr" | b"yrs" => Unit::Other("years".into()),
        b"minute" | b"minutes" | b"min" | b"mins" => Unit::Other("minutes".into()),
        b"second" | b"seconds" | b"sec" | b"secs" => Unit::Other("seconds".into()),
        b"mile" | b"miles" | b"mi" => Unit::Other("miles".into()),
        b"percent" | b"pc" => Unit::Percent,
        b"per" if cx.is(i + 1, "cent") => Unit::Percent,
        _ => return None,
    })
}

/// The measure a unit implies.
fn unit_measure(unit: &Unit) -> Option<Measure> {
    match unit {
        Unit::Kilometres | Unit::Metres => Some(Measure::Distance),
        Unit::Hours | Unit::Days => Some(Measure::Duration),
        Unit::Factions | Unit::Brigades => Some(Measure::Groups),
        Unit::Other(s) => match &**s {
            "weeks" | "months" | "years" | "minutes" | "seconds" => Some(Measure::Duration),
            "miles" => Some(Measure::Distance),
            "battalions" | "groups" => Some(Measure::Groups),
            _ => None,
        },
        _ => None,
    }
}

/// Nouns that count people.
fn is_people(l: &[u8]) -> bool {
    matches!(
        l,
        b"people"
            | b"persons"
            | b"person"
            | b"civilians"
            | b"civilian"
            | b"fighters"
            | b"fighter"
            | b"soldiers"
            | b"soldier"
            | b"troops"
            | b"rebels"
            | b"rebel"
            | b"militants"
            | b"militant"
            | b"militiamen"
            | b"militiaman"
            | b"members"
            | b"member"
            | b"men"
            | b"man"
            | b"women"
            | b"woman"
            | b"children"
            | b"child"
            | b"boys"
            | b"girls"
            | b"policemen"
            | b"policeman"
            | b"police"
            | b"officers"
            | b"officer"
            | b"guards"
            | b"guardsmen"
            | b"insurgents"
            | b"insurgent"
            | b"jihadists"
            | b"jihadist"
            | b"combatants"
            | b"combatant"
            | b"prisoners"
            | b"prisoner"
            | b"hostages"
            | b"hostage"
            | b"detainees"
            | b"captives"
            | b"victims"
            | b"victim"
            | b"refugees"
            | b"residents"
            | b"villagers"
            | b"protesters"
            | b"demonstrators"
            | b"gunmen"
            | b"gunman"
            | b"attackers"
            | b"commanders"
            | b"commander"
            | b"officials"
            | b"personnel"
            | b"recruits"
            | b"volunteers"
            | b"deserters"
            | b"defectors"
            | b"marines"
            | b"sailors"
            | b"pilots"
            | b"workers"
            | b"journalists"
            | b"doctors"
            | b"students"
            | b"patients"
            | b"inhabitants"
            | b"individuals"
            | b"bodies"
            | b"troopers"
            | b"paramilitaries"
            | b"mercenaries"
            | b"operatives"
            | b"supporters"
            | b"loyalists"
            | b"others"
    )
}

/// Nouns that name what a figure reports: "casualties", "deaths".
fn is_measure_noun(l: &[u8]) -> bool {
    matches!(
        l,
        b"casualties"
            | b"deaths"
            | b"fatalities"
            | b"injuries"
            | b"defections"
            | b"defectors"
            | b"prisoners"
            | b"hostages"
            | b"bodies"
            | b"executions"
    )
}

/// A word that says what a figure reports.
fn measure_word(l: &[u8]) -> Option<Measure> {
    Some(match l {
        b"killed" | b"killing" | b"kill" | b"kills" | b"dead" | b"died" | b"die" | b"dies"
        | b"deaths" | b"death" | b"fatalities" | b"slain" | b"perished" | b"massacred"
        | b"toll" | b"bodies" => Measure::Killed,
        b"wounded" | b"wounding" | b"injured" | b"injuring" | b"injuries" | b"injury" => {
            Measure::Wounded
        }
        b"casualties" => Measure::Casualties,
        b"captured" | b"capturing" | b"prisoners" | b"prisoner" => Measure::Captured,
        b"missing" => Measure::Missing,
        b"released" | b"releasing" | b"freed" | b"freeing" => Measure::Released,
        b"executed" | b"executing" | b"executions" | b"beheaded" => Measure::Executed,
        b"surrendered" | b"surrendering" => Measure::Surrendered,
        b"hostage" | b"hostages" | b"kidnapped" | b"abducted" => Measure::Hostages,
        b"defected" | b"defecting" | b"defections" | b"defectors" => Measure::Defected,
        b"strength" => Measure::Strength,
        _ => return None,
    })
}

/// A verb right before a figure that says what it reports: "killing 20",
/// "lost 14 fighters", "maintained 600 militants".
fn verb_before(l: &[u8]) -> Option<Measure> {
    Some(match l {
        b"lost" | b"losing" | b"lose" => Measure::Killed,
        b"seized" | b"seizing" | b"retook" | b"retake" | b"retaking" | b"retaken" => {
            Measure::Captured
        }
        b"maintained" | b"maintains" | b"fielded" | b"fields" | b"mustered" | b"musters" => {
            Measure::Strength
        }
        b"capture" | b"free" | b"release" | b"execute" | b"kill" | b"wound" => return None,
        _ => return measure_word(l),
    })
}

/// Words that end a noun phrase.
fn is_stop(l: &[u8]) -> bool {
    matches!(
        l,
        b"the"
            | b"a"
            | b"an"
            | b"and"
            | b"or"
            | b"but"
            | b"nor"
            | b"of"
            | b"in"
            | b"on"
            | b"at"
            | b"by"
            | b"for"
            | b"from"
            | b"to"
            | b"into"
            | b"onto"
            | b"near"
            | b"towards"
            | b"toward"
            | b"with"
            | b"without"
            | b"after"
            | b"before"
            | b"during"
            | b"since"
            | b"until"
            | b"till"
            | b"over"
            | b"under"
            | b"across"
            | b"along"
            | b"against"
            | b"around"
            | b"about"
            | b"between"
            | b"through"
            | b"throughout"
            | b"within"
            | b"as"
            | b"than"
            | b"like"
            | b"per"
            | b"via"
            | b"amid"
            | b"among"
            | b"behind"
            | b"beyond"
            | b"despite"
            | b"inside"
            | b"outside"
            | b"upon"
            | b"who"
            | b"which"
            | b"that"
            | b"whom"
            | b"whose"
            | b"where"
            | b"when"
            | b"while"
            | b"whereas"
            | b"if"
            | b"because"
            | b"so"
            | b"then"
            | b"is"
            | b"are"
            | b"was"
            | b"were"
            | b"be"
            | b"been"
            | b"being"
            | b"has"
            | b"have"
            | b"had"
            | b"having"
            | b"will"
            | b"would"
            | b"could"
            | b"should"
            | b"can"
            | b"may"
            | b"might"
            | b"must"
            | b"shall"
            | b"did"
            | b"do"
            | b"does"
            | b"also"
            | b"reportedly"
            | b"allegedly"
            | b"only"
            | b"still"
            | b"later"
            | b"earlier"
            | b"soon"
            | b"each"
            | b"all"
            | b"both"
            | b"respectively"
            | b"altogether"
            | b"again"
            | b"there"
            | b"here"
            | b"it"
            | b"its"
            | b"they"
            | b"them"
            | b"their"
            | b"he"
            | b"she"
            | b"his"
            | b"her"
            | b"we"
            | b"our"
            | b"you"
            | b"your"
            | b"i"
            | b"me"
            | b"my"
            | b"this"
            | b"these"
            | b"those"
            | b"not"
            | b"no"
            | b"more"
            | b"most"
            | b"less"
            | b"least"
            | b"some"
            | b"any"
            | b"such"
            | b"including"
            | b"according"
            | b"further"
            | b"already"
            | b"just"
            // Irregular past tenses, which do not end like a verb: "300
            // families fled".
            | b"fled"
            | b"died"
            | b"fell"
            | b"ran"
            | b"hid"
            | b"lost"
            | b"won"
            | b"came"
            | b"went"
            | b"took"
            | b"held"
            | b"said"
            | b"told"
            | b"fought"
            | b"got"
            | b"saw"
            | b"became"
            | b"began"
            | b"gave"
            | b"made"
            | b"sent"
            | b"stood"
            | b"struck"
            // Verbs of saying and thinking, which follow the people who say:
            // "three analysts expect 300 deaths".
            | b"say"
            | b"says"
            | b"expect"
            | b"expects"
            | b"believe"
            | b"believes"
            | b"think"
            | b"thinks"
            | b"fear"
            | b"fears"
            | b"tell"
            | b"tells"
            | b"warn"
            | b"warns"
            | b"even"
            | b"ever"
            | b"never"
            | b"yet"
            | b"ago"
            | b"away"
            | b"apiece"
            | b"plus"
            | b"now"
            | b"today"
            | b"yesterday"
    )
}

fn is_dash_char(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '−' | '‐' | '‑' | '~')
}

fn ends_like_verb(l: &[u8]) -> bool {
    l.len() > 4 && (l.ends_with(b"ed") || l.ends_with(b"ing"))
}

fn is_group(l: &[u8]) -> Option<Unit> {
    Some(match l {
        b"factions" | b"faction" => Unit::Factions,
        b"brigades" | b"brigade" => Unit::Brigades,
        b"battalions" | b"battalion" => Unit::Other("battalions".into()),
        b"groups" => Unit::Other("groups".into()),
        _ => return None,
    })
}

fn month_at(cx: &Cx<'_>, i: usize) -> bool {
    let mut buf = [0; 24];
    let Some(l) = lw(cx, i, &mut buf) else {
        return false;
    };
    let capitalized = cx.s(i).starts_with(|c: char| c.is_ascii_uppercase());
    words::month(l, capitalized).is_some()
}

fn is_cap(cx: &Cx<'_>, i: usize) -> bool {
    cx.is_wordtok(i) && cx.s(i).starts_with(char::is_uppercase)
}

fn is_boundary(cx: &Cx<'_>, i: usize) -> bool {
    matches!(cx.punct(i), Some('.' | '!' | '?' | ';'))
}

/// Whether no sentence boundary lies between tokens `a` and `b`.
fn same_sentence(cx: &Cx<'_>, a: usize, b: usize) -> bool {
    (a..b).all(|k| !is_boundary(cx, k))
}

/// Whether token `i` starts a sentence or a list item.
fn sentence_start(cx: &Cx<'_>, i: usize) -> bool {
    i == 0
        || matches!(
            cx.punct(i - 1),
            Some('.' | '!' | '?' | ';' | ':' | '-' | '–' | '—' | '"' | '“' | '(' | '*' | '•')
        )
}

// ---------------------------------------------------------------------------
// Which readings are figures

/// The numbers of a figure.
fn nums(fig: &Fig) -> impl Iterator<Item = Num> {
    let high = match (fig.low, fig.high) {
        (Some(l), Some(h)) if l.first == h.first => None,
        (_, h) => h,
    };
    fig.low.into_iter().chain(high)
}

/// Whether digits at `n` are part of a code, a date, a phone number or an
/// identifier rather than a count.
fn digits_in_code(cx: &Cx<'_>, n: &Num, high_end: bool, low_end: bool) -> bool {
    let f = n.first;
    let digits_first = cx.is_digits(f);
    if digits_first
        && f > 0
        && cx.adjacent(f)
        && !(high_end && cx.punct(f - 1).is_some_and(is_dash_char))
    {
        match cx.kind(f - 1) {
            // "LGA1156", "Strength2".
            Some(Kind::Word) => return true,
            Some(Kind::Punct) => {
                let c = cx.punct(f - 1);
                // "+1-222", "#5".
                if matches!(c, Some('+' | '#' | '№')) {
                    return true;
                }
                // "5/17/2018", "10:30", "192.168", "SCP-173", "1-222".
                if matches!(c, Some('/' | ':' | '.' | '-' | '‐'))
                    && f >= 2
                    && cx.adjacent(f - 1)
                    && matches!(cx.kind(f - 2), Some(Kind::Digits | Kind::Word))
                {
                    return true;
                }
            }
            _ => {}
        }
    }
    let j = n.next;
    if cx.adjacent(j)
        && !(low_end && cx.punct(j).is_some_and(is_dash_char))
        && matches!(cx.punct(j), Some('/' | ':' | '.' | '-' | '‐'))
        && cx.is_digits(j + 1)
        && cx.adjacent(j + 1)
    {
        // A dash to more digits is a range, read before; here it is a chain.
        return true;
    }
    // "No. 5", "nr. 22", "number 5".
    if f >= 2
        && cx.is_punct(f - 1, '.')
        && (cx.is(f - 2, "no") || cx.is(f - 2, "nr") || cx.is(f - 2, "nos"))
    {
        return true;
    }
    false
}

/// Whether something counted follows at `j`: a unit, a people noun, a
/// measure word, or a noun phrase about people.
fn counted_after(cx: &Cx<'_>, j: usize) -> bool {
    let mut buf = [0; 24];
    if unit_word(cx, j, false).is_some() {
        return true;
    }
    if cx.punct(j).is_some_and(|c| c == '-') && cx.adjacent(j) && hyphen_unit(cx, j + 1).is_some() {
        return true;
    }
    if let Some(l) = lw(cx, j, &mut buf) {
        if measure_word(l).is_some() || is_people(l) || is_group(l).is_some() {
            return true;
        }
        // "1500 were wounded".
        if matches!(l, b"were" | b"are" | b"have" | b"had") {
            let mut k = j + 1;
            while cx.is(k, "been") || cx.is(k, "reportedly") || cx.is(k, "also") {
                k += 1;
            }
            let mut b = [0; 24];
            return lw(cx, k, &mut b).is_some_and(|l| measure_word(l).is_some());
        }
    }
    noun_phrase(cx, j).is_some_and(|np| {
        let mut b = [0; 24];
        lw(cx, np.head, &mut b)
            .is_some_and(|l| is_people(l) || measure_word(l).is_some() || is_group(l).is_some())
            || is_cap(cx, np.head)
    })
}

/// Whether the word before token `i` introduces a year: "in 2014", "since 2011".
fn after_year_word(cx: &Cx<'_>, i: usize) -> bool {
    i > 0
        && [
            "in", "since", "by", "from", "until", "till", "during", "of", "before", "after",
            "early", "late", "mid", "summer", "spring", "autumn", "winter", "fall", "year",
        ]
        .iter()
        .any(|w| cx.is(i - 1, w))
}

/// Whether the figure is a year: four bare digits from 1000 to 2100 with
/// nothing counted after them.
fn year_like(cx: &Cx<'_>, n: &Num) -> bool {
    n.is_bare_digits()
        && cx.s(n.first).len() == 4
        && n.value >= Decimal::from(1000)
        && n.value <= Decimal::from(2100)
}

fn accept(cx: &Cx<'_>, fig: Fig) -> Option<Found> {
    let mut found = Found {
        fig,
        unit: None,
        strength: false,
        noun: None,
        measure: None,
    };
    let fig = &found.fig;
    match fig.shape {
        Shape::Zero => {
            // "no casualties", "none were killed"; not "no need".
            let c = fig.first;
            if cx.is(c, "none") {
                let j = fig.next;
                let ok = [
                    "of", "were", "was", "had", "have", "died", "survived", "is", "are",
                ]
                .iter()
                .any(|w| cx.is(j, w));
                if !ok {
                    return None;
                }
            } else {
                let np = noun_phrase(cx, fig.next)?;
                let mut buf = [0; 24];
                let l = lw(cx, np.head, &mut buf)?;
                if !(is_people(l) || measure_word(l).is_some()) || cx.is(np.head, "others") {
                    return None;
                }
            }
        }
        Shape::Unknown => {
            let start = if cx.is(fig.next, "of") {
                fig.next + 1
            } else {
                fig.next
            };
            let np = noun_phrase(cx, start)?;
            let mut buf = [0; 24];
            let l = lw(cx, np.head, &mut buf)?;
            if !(is_people(l) || measure_word(l).is_some() || is_cap(cx, np.head)) {
                return None;
            }
        }
        _ => {}
    }
    let mut attached_unit = None;
    let range = fig.shape == Shape::Range;
    let high_first = fig.high.map(|h| h.first);
    let low_first = fig.low.map(|l| l.first);
    let mut share = false;
    let mut fraction = false;
    for n in nums(fig) {
        let is_high = range && Some(n.first) == high_first && high_first != low_first;
        let is_low = range && Some(n.first) == low_first && high_first != low_first;
        match n.kind {
            NumKind::Ordinal if fig.rank => {}
            NumKind::Integer | NumKind::Decimal => {}
            NumKind::Fraction if unit_after_fraction(cx, n.next).is_some() => fraction = true,
            NumKind::Fraction if is_share(cx, fig, &n) => share = true,
            _ => return None,
        }
        if n.zeros > 0 || digits_in_code(cx, &n, is_high, is_low) {
            return None;
        }
        if n.attached {
            // "10km" is a figure; "16px", "2pm" and "1960s" are not.
            attached_unit = Some(unit_word(cx, n.next, true)?);
        }
    }
    // An end of a signed range the reader could not take: "between -5 and
    // 10", "from 10 to -5".
    let joined = |j: usize| cx.is(j, "and") || cx.is(j, "to");
    if let Some(p) = fig.first.checked_sub(2) {
        if joined(p + 1) && cx.is_digits(p) && signed(cx, p) {
            return None;
        }
    }
    if joined(fig.next) && cx.is_digits(fig.next + 2) && signed(cx, fig.next + 2) {
        return None;
    }
    // Signed numbers, at either end: "-5 degrees", "(−3)", "between -5 and
    // 10", "from 10 to -5", "minus 5". An estimate is never negative.
    for n in nums(fig) {
        let word_sign =
            n.first > 0 && (cx.is(n.first - 1, "minus") || cx.is(n.first - 1, "negative"));
        if n.negative || word_sign || signed(cx, n.first) {
            return None;
        }
    }
    // Dates: "21 June", "between 1 and 2 August", "June 2014", "August 12".
    if let Some(last) = fig.high.or(fig.low) {
        if month_at(cx, last.next) || (cx.is(last.next, "of") && month_at(cx, last.next + 1)) {
            return None;
        }
        let before = fig.low.map_or(fig.first, |n| n.first);
        if before > 0 && month_at(cx, before - 1) {
            return None;
        }
        // Times: "2 pm", "2.13 am", "five o'clock".
        let mut buf = [0; 24];
        if let Some(l) = lw(cx, last.next, &mut buf) {
            if matches!(l, b"am" | b"pm" | b"o'clock" | b"gmt" | b"utc") {
                return None;
            }
            if (l == b"a" || l == b"p")
                && cx.is_punct(last.next + 1, '.')
                && cx.is(last.next + 2, "m")
            {
                return None;
            }
        }
    }
    // Years: "in 2014", "(2014)", "2013-14".
    if !fig.bounded {
        match (fig.shape, fig.low, fig.high) {
            (Shape::Plain, Some(n), _)
                if year_like(cx, &n)
                    && (after_year_word(cx, n.first) || !counted_after(cx, fig.next)) =>
            {
                return None;
            }
            (Shape::Range, Some(l), Some(h)) if year_like(cx, &l) && year_like(cx, &h) => {
                return None;
            }
            _ => {}
        }
        if fig.shape == Shape::Plain {
            if let Some(n) = fig.low {
                if year_like(cx, &n) && cx.is_punct(n.next, '-') && cx.is_digits(n.next + 1) {
                    return None;
                }
            }
        }
    }
    if let Some(n) = fig.low {
        // Identifiers: "Resolution 1701", "Voyager 2" (a capitalized word
        // before a bare number, inside a sentence).
        if fig.shape == Shape::Plain && !n.words && n.first > 0 && !cx.adjacent(n.first) {
            let p = n.first - 1;
            if is_cap(cx, p)
                && !sentence_start(cx, p)
                && !exempt_before(cx, p)
                && attached_unit.is_none()
            {
                return None;
            }
        }
        // "one" and "a" count only with something counted: not "at one point".
        if fig.shape == Shape::Plain && n.words && n.value == Decimal::ONE {
            if n.first > 0
                && [
                    "the", "this", "that", "which", "each", "every", "any", "another", "no",
                ]
                .iter()
                .any(|w| cx.is(n.first - 1, w))
            {
                return None;
            }
            if !counted_after(cx, fig.next) {
                return None;
            }
        }
        // Phone numbers: "555-1234".
        if fig.shape == Shape::Range {
            if let Some(h) = fig.high {
                if !n.words
                    && cx.s(n.first).len() == 3
                    && cx.s(h.first).len() == 4
                    && cx.adjacent(h.first)
                    && n.is_bare_digits()
                    && h.is_bare_digits()
                {
                    return None;
                }
            }
        }
    }
    let fig_next = fig.next;
    let fig_first = fig.first;
    let vague_or_zero = matches!(fig.shape, Shape::Vague | Shape::Zero | Shape::Unknown);
    let rank = fig.rank;
    // Units, then the noun phrase.
    let mut np_start = Some(fig_next);
    if share {
        // "half of the dead": the noun names the whole.
        found.unit = Some(Unit::Share);
    } else if rank {
        found.unit = Some(Unit::Other("rank".into()));
        np_start = None;
    } else if let Some(u) = attached_unit {
        found.unit = Some(u);
        np_start = None;
    } else if cx.punct(fig_next).is_some_and(|c| c == '-')
        && cx.adjacent(fig_next)
        && cx.adjacent(fig_next + 1)
    {
        if let Some((u, strength)) = hyphen_unit(cx, fig_next + 1) {
            found.unit = Some(u);
            found.strength = strength;
            np_start = Some(fig_next + 2);
        }
    } else if let Some(u) = unit_word(cx, fig_next, false) {
        found.unit = Some(u);
        np_start = None;
    } else if let Some(u) = unit_after_fraction(cx, fig_next).filter(|_| fraction) {
        found.unit = Some(u);
        np_start = None;
    } else if cx.is_punct(fig_next, '%') {
        found.unit = Some(Unit::Percent);
        np_start = None;
    }
    if found.unit.is_none() && fig_first > 0 {
        found.unit = match cx.punct(fig_first - 1) {
            Some('$') => Some(Unit::Other("dollars".into())),
            Some('€') => Some(Unit::Other("euros".into())),
            Some('£') => Some(Unit::Other("pounds".into())),
            _ => None,
        };
        if found.unit.is_some() {
            np_start = None;
        }
    }
    if let Some(p) = np_start {
        let p = if cx.is(p, "of")
            && (vague_or_zero || share || found.fig.shape != Shape::Plain || determiner(cx, p + 1))
        {
            // "dozens of rebels", "two of the soldiers", "an unknown number of fighters".
            if determiner(cx, p + 1) { p + 2 } else { p + 1 }
        } else if share && determiner(cx, p) {
            // "half the prisoners".
            p + 1
        } else {
            p
        };
        if !(cx.is(p.saturating_sub(1), "of") && cx.is(p, "them")) {
            found.noun = noun_phrase(cx, p);
        }
    }
    if found.unit.is_none() {
        if let Some(np) = &found.noun {
            found.unit = unit_of_head(cx, np.head);
        }
    }
    Some(found)
}

/// Whether the number at token `i` has a minus sign: a dash right before
/// it that does not join it to a word or number before ("2013-14").
fn signed(cx: &Cx<'_>, i: usize) -> bool {
    let Some(d) = i.checked_sub(1) else {
        return false;
    };
    if !matches!(cx.punct(d), Some('-' | '−')) || !cx.adjacent(i) {
        return false;
    }
    d == 0
        || !cx.adjacent(d)
        || matches!(
            cx.punct(d - 1),
            Some('(' | '[' | '=' | ':' | '<' | '>' | '≤' | '≥' | '~')
        )
}

/// The unit of "half an hour", "half a day", "a quarter of an hour": "a"
/// or "an" (after "of") and a unit word at `j`, after a fraction.
fn unit_after_fraction(cx: &Cx<'_>, j: usize) -> Option<Unit> {
    let j = if cx.is(j, "of") { j + 1 } else { j };
    if cx.is(j, "a") || cx.is(j, "an") {
        unit_word(cx, j + 1, false)
    } else {
        unit_word(cx, j, false)
    }
}

/// Whether the fraction `n` in `fig` is a share of a whole: at most 1 and
/// either compared ("more than half", "above one quarter and below a half")
/// or of something ("two thirds of the dead", "half the prisoners", "one in
/// five victims"). A
/// fraction alone ("One-fourth is a fraction", "cut in half") is not a
/// figure, nor is a chain of digits such as "9/11" or "24/7".
fn is_share(cx: &Cx<'_>, fig: &Fig, n: &Num) -> bool {
    if n.value > Decimal::ONE || n.value <= Decimal::ZERO {
        return false;
    }
    if fig.bounded {
        // "more than 1/1" leaves no share.
        return match fig.value.bounds().0 {
            Excluded(v) => v < Decimal::ONE,
            Included(v) => v <= Decimal::ONE,
            Unbounded => true,
        };
    }
    // A stretch of time or a part of a place: "the first half of 2014",
    // "the other half of the town", "the second half of the year".
    if let Some(p) = n.first.checked_sub(1) {
        let part = [
            "the", "first", "second", "third", "last", "other", "latter", "former", "top",
            "bottom", "upper", "lower", "northern", "southern", "eastern", "western",
        ];
        if part.iter().any(|w| cx.is(p, w)) {
            return false;
        }
    }
    let mut whole = fig.next + 1;
    if determiner(cx, whole) {
        whole += 1;
    }
    let time = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "century", "decade",
        "season", "period", "hour", "hours",
    ];
    if cx.is_digits(whole) || time.iter().any(|w| cx.is(whole, w)) {
        return false;
    }
    let of_something = cx.is(fig.next, "of") || (cx.is(fig.next, "the") && n.words);
    // "one in five victims", "three out of four houses".
    let ratio = (n.first..n.next).any(|i| cx.is(i, "in") || cx.is(i, "out"));
    of_something || (ratio && cx.is_wordtok(fig.next))
}

/// Words that may stand capitalized before a count at the start of a
/// clause without making it an identifier.
fn exempt_before(cx: &Cx<'_>, p: usize) -> bool {
    let mut buf = [0; 24];
    let Some(l) = lw(cx, p, &mut buf) else {
        return false;
    };
    measure_word(l).is_some()
        || verb_before(l).is_some()
        || is_stop(l)
        || matches!(
            l,
            b"only" | b"some" | b"about" | b"over" | b"nearly" | b"almost" | b"killing"
        )
}

fn determiner(cx: &Cx<'_>, i: usize) -> bool {
    [
        "the", "these", "those", "his", "her", "their", "its", "our", "them",
    ]
    .iter()
    .any(|w| cx.is(i, w))
}

/// A unit after a hyphen: "24-hour", "40-man", "300-strong"; `true` when it
/// also says the figure is a strength.
fn hyphen_unit(cx: &Cx<'_>, i: usize) -> Option<(Unit, bool)> {
    let mut buf = [0; 24];
    let l = lw(cx, i, &mut buf)?;
    if matches!(l, b"man" | b"men" | b"strong" | b"member" | b"person") {
        return Some((Unit::People, true));
    }
    unit_word(cx, i, true).map(|u| (u, false))
}

/// The unit a noun phrase's head counts.
fn unit_of_head(cx: &Cx<'_>, head: usize) -> Option<Unit> {
    let mut buf = [0; 24];
    let s = cx.s(head);
    let Some(l) = lower(s, &mut buf) else {
        return Some(Unit::People);
    };
    if let Some(u) = is_group(l) {
        return Some(u);
    }
    if is_people(l) || measure_word(l).is_some() || is_cap(cx, head) {
        return Some(Unit::People);
    }
    if cx.is_punct(head + 1, '-') && cx.adjacent(head + 1) {
        // A compound head ("cease-fire") counts itself.
        let (a, _) = cx.span(head, head + 1);
        let mut end = head + 1;
        while end < head + 16 && cx.adjacent(end) && (cx.is_punct(end, '-') || cx.is_wordtok(end)) {
            end += 1;
        }
        let (_, b) = cx.span(head, end);
        return cx
            .text
            .get(a..b)
            .map(|t| Unit::Other(t.to_lowercase().into()));
    }
    Some(Unit::Other(s.to_lowercase().into()))
}

// ---------------------------------------------------------------------------
// Noun phrases

/// A noun phrase: its tokens and its head (the last word before an "of").
#[derive(Clone, Copy, Debug)]
struct Np {
    first: usize,
    next: usize,
    head: usize,
}

/// A word with hyphenated parts ("al-Nusra", "cease-fire"): the token after it.
fn compound_end(cx: &Cx<'_>, i: usize) -> usize {
    let mut j = i + 1;
    while j < i + 16
        && cx.punct(j).is_some_and(|c| c == '-' || c == '‐')
        && cx.adjacent(j)
        && cx.is_wordtok(j + 1)
        && cx.adjacent(j + 1)
    {
        j += 2;
    }
    j
}

fn np_word_ok(cx: &Cx<'_>, i: usize) -> bool {
    let mut buf = [0; 24];
    let Some(l) = lw(cx, i, &mut buf) else {
        // Non-ASCII words are names.
        return cx.is_wordtok(i);
    };
    if is_stop(l) || words::number_word(l).is_some() || month_at(cx, i) {
        return false;
    }
    let followed_by_people = || {
        let mut b = [0; 24];
        let n = compound_end(cx, i);
        lw(cx, n, &mut b).is_some_and(|x| is_people(x) || is_group(x).is_some())
    };
    if measure_word(l).is_some() && !is_people(l) && !is_measure_noun(l) {
        return followed_by_people();
    }
    if ends_like_verb(l) && !is_people(l) && !is_cap(cx, i) {
        return followed_by_people();
    }
    true
}

/// The noun phrase starting at `p`, if any: "Hezbollah fighters", "rebels of
/// the Al-Nusra Front", "Syrian and Hezbollah casualties".
fn noun_phrase(cx: &Cx<'_>, p: usize) -> Option<Np> {
    noun_phrase_inner(cx, p, true)
}

fn noun_phrase_inner(cx: &Cx<'_>, p: usize, nested: bool) -> Option<Np> {
    let mut k = p;
    let mut head = None;
    let mut next = p;
    let mut words = 0;
    // A noun phrase ends at its head: after "fighters", "remain" is a verb.
    let mut closed = false;
    while words < 8 && cx.is_wordtok(k) {
        if !closed && np_word_ok(cx, k) {
            head = Some(k);
            let noun = |i: usize| {
                let mut b = [0; 24];
                lw(cx, i, &mut b)
                    .is_some_and(|l| is_people(l) || is_measure_noun(l) || is_group(l).is_some())
            };
            // "rebel fighters", "police officers": a noun before a noun is a modifier.
            closed = noun(k) && !noun(compound_end(cx, k));
            k = compound_end(cx, k);
            next = k;
            words += 1;
            continue;
        }
        if !nested || head.is_none() {
            break;
        }
        // "Syrian and Hezbollah casualties", "soldiers and Hezbollah members".
        if cx.is(k, "and") {
            if let Some(np2) = noun_phrase_inner(cx, k + 1, false) {
                let mut b = [0; 24];
                let people = lw(cx, np2.head, &mut b)
                    .is_some_and(|l| is_people(l) || measure_word(l).is_some());
                if people {
                    return Some(Np {
                        first: p,
                        next: np2.next,
                        head: np2.head,
                    });
                }
            }
            break;
        }
        // "rebels of the Al-Nusra Front".
        if cx.is(k, "of") {
            let mut j = k + 1;
            if cx.is(j, "the") {
                j += 1;
            }
            if is_cap(cx, j) {
                if let Some(pp) = noun_phrase_inner(cx, j, false) {
                    return Some(Np {
                        first: p,
                        next: pp.next,
                        head: head.unwrap_or(p),
                    });
                }
            }
        }
        break;
    }
    head.map(|head| Np {
        first: p,
        next,
        head,
    })
}

// ---------------------------------------------------------------------------
// Measures

/// The measure of `found[k]`: see the module docs for the order.
fn measure_of(cx: &Cx<'_>, found: &[Found], k: usize) -> Option<Measure> {
    let f = found.get(k)?;
    let unit = f.unit.clone().unwrap_or(Unit::People);
    let share = unit == Unit::Share;
    if unit != Unit::People && !share {
        if let Some(m) = unit_measure(&unit) {
            return Some(m);
        }
        if !unit.counts_whole() {
            return None;
        }
        // A count of things: "300 families were killed", "captured two
        // hills" (places are seized, not taken prisoner).
        return match measure_of_people(cx, found, k, f, false, true)? {
            Measure::Captured => Some(Measure::Other("seized".into())),
            Measure::Strength => None,
            m => Some(m),
        };
    }
    measure_of_people(cx, found, k, f, share, false)
}

/// The measure of a count of people or `things`, or of a share of them,
/// from the words around it. Things take their measure from the words next
/// to them only, not from elsewhere in the sentence.
fn measure_of_people(
    cx: &Cx<'_>,
    found: &[Found],
    k: usize,
    f: &Found,
    share: bool,
    things: bool,
) -> Option<Measure> {
    let mut buf = [0; 24];
    // (a) A measure word in the noun phrase.
    if let Some(np) = &f.noun {
        for i in np.first..np.next {
            if let Some(l) = lw(cx, i, &mut buf) {
                if let Some(m) = measure_word(l) {
                    return Some(m);
                }
            }
        }
    }
    // (b) A verb right before: "killing 20 rebels", "lost 14 fighters".
    let mut b = f.fig.first;
    for _ in 0..3 {
        let Some(p) = b.checked_sub(1) else { break };
        let Some(l) = lw(cx, p, &mut buf) else { break };
        if matches!(
            l,
            b"reportedly" | b"allegedly" | b"also" | b"then" | b"only"
        ) {
            b = p;
            continue;
        }
        if let Some(m) = verb_before(l) {
            return Some(m);
        }
        break;
    }
    let after = f.noun.map_or(f.fig.next, |np| np.next);
    if things {
        // (c) for things: a measure word right after, past auxiliaries
        // ("300 families were killed"), not one further on ("Three outlets
        // reported 12 deaths").
        let mut j = after;
        while [
            "were",
            "was",
            "had",
            "have",
            "has",
            "been",
            "being",
            "are",
            "is",
            "reportedly",
            "allegedly",
            "also",
            "all",
        ]
        .iter()
        .any(|w| cx.is(j, w))
        {
            j += 1;
        }
        return lw(cx, j, &mut buf).and_then(measure_word);
    }
    // (c) The first measure word after it in the clause.
    if let Some(m) = measure_after(cx, found, after) {
        return Some(m);
    }
    // (d) Inside a parenthesis: the measure of the figure it comments on.
    if let Some(open) = open_paren_before(cx, f.fig.first) {
        for prev in found[..k].iter().rev().take(40) {
            if prev.fig.next <= open {
                return prev.measure.clone().or_else(|| measure_of_plain(cx, prev));
            }
        }
    }
    // (f) A strength: "3,000 fighters", "a 40-man unit"; not "half of the fighters".
    if f.strength {
        return Some(Measure::Strength);
    }
    // "some fighters fled" says nothing of a force's size.
    let indefinite = f.fig.shape == Shape::Vague && f.fig.value.interval().high().is_none();
    if let Some(np) = f.noun.as_ref().filter(|_| !share && !indefinite) {
        if cx.is(np.head, "fighters") || cx.is(np.head, "fighter") {
            return Some(Measure::Strength);
        }
    }
    // (e) A measure word earlier in the sentence.
    measure_before(cx, f.fig.first)
}

fn measure_of_plain(cx: &Cx<'_>, f: &Found) -> Option<Measure> {
    let after = f.noun.map_or(f.fig.next, |np| np.next);
    measure_after(cx, &[], after)
}

fn starts_figure(found: &[Found], i: usize) -> bool {
    // Figures are in text order.
    found.binary_search_by_key(&i, |f| f.fig.first).is_ok()
}

/// The first measure word from token `from` to the end of the clause.
fn measure_after(cx: &Cx<'_>, found: &[Found], from: usize) -> Option<Measure> {
    let mut k = from;
    let mut depth = 0u32;
    let mut steps = 0;
    let mut buf = [0; 24];
    while k < cx.toks.len() && steps < 40 {
        steps += 1;
        if is_boundary(cx, k) {
            return None;
        }
        match cx.punct(k) {
            Some('(') => depth += 1,
            Some(')') => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
            }
            _ => {}
        }
        if depth == 0 {
            if let Some(l) = lw(cx, k, &mut buf) {
                if matches!(
                    l,
                    b"while"
                        | b"but"
                        | b"whereas"
                        | b"which"
                        | b"who"
                        | b"whom"
                        | b"although"
                        | b"though"
                        | b"because"
                        | b"according"
                        | b"when"
                        | b"where"
                        | b"if"
                        | b"unless"
                ) {
                    return None;
                }
                if l == b"including" || l == b"among" {
                    // A parenthetical list: skip to the next comma.
                    while k < cx.toks.len()
                        && !cx.is_punct(k, ',')
                        && !is_boundary(cx, k)
                        && steps < 40
                    {
                        k += 1;
                        steps += 1;
                    }
                    continue;
                }
                if let Some(m) = measure_word(l) {
                    // A measure word right before another figure is that figure's.
                    if starts_figure(found, k + 1) {
                        return None;
                    }
                    return Some(m);
                }
                if (l == b"taken" || l == b"held") && cx.is(k + 1, "prisoner") {
                    return Some(Measure::Captured);
                }
            }
        }
        k += 1;
    }
    None
}

/// The opening parenthesis a figure stands in, in its sentence.
fn open_paren_before(cx: &Cx<'_>, first: usize) -> Option<usize> {
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 40 {
        k -= 1;
        steps += 1;
        if is_boundary(cx, k) || cx.is_punct(k, ')') {
            return None;
        }
        if cx.is_punct(k, '(') {
            return Some(k);
        }
    }
    None
}

/// The nearest measure word earlier in the sentence.
fn measure_before(cx: &Cx<'_>, first: usize) -> Option<Measure> {
    let mut k = first;
    let mut steps = 0;
    let mut buf = [0; 24];
    while k > 0 && steps < 40 {
        k -= 1;
        steps += 1;
        if is_boundary(cx, k) {
            return None;
        }
        if let Some(l) = lw(cx, k, &mut buf) {
            if matches!(l, b"while" | b"but" | b"whereas") {
                return None;
            }
            if let Some(m) = measure_word(l) {
                return Some(m);
            }
        }
    }
    None
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
