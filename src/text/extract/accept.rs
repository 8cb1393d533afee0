//! Which readings are figures: a reading of the prose reader is kept
//! unless it is a date, a year, a time, an ordinal, an identifier, a phone
//! number, a signed number or a fraction on its own (see the
//! [`text`](crate::text) docs), and a kept figure gets its unit and noun
//! phrase.

use std::ops::Bound::{Excluded, Included, Unbounded};

use rust_decimal::Decimal;

use crate::text::numeral::{Num, NumKind};
use crate::text::prose::{Fig, Shape, is_dash, is_plural_noun};
use crate::text::token::{Cx, Kind};
use crate::text::vocabulary::{self, Class};
use crate::{Measure, Unit};

use super::field::field_measure;
use super::noun::{Np, counts_people, noun_phrase};
use super::units::{
    After, area_unit, hyphen_unit, mark_after, mark_before, unit_after_fraction, unit_of_head,
    unit_word,
};

/// A figure accepted in a line, with what is known about it so far.
pub(super) struct Found {
    pub(super) fig: Fig,
    pub(super) unit: Option<Unit>,
    /// A unit that also says the figure is a strength ("a 300-strong force").
    pub(super) strength: bool,
    pub(super) noun: Option<Np>,
    pub(super) measure: Option<Measure>,
}

/// The figure `fig` with its unit and noun phrase, when it is a figure.
pub(super) fn accept(cx: &Cx<'_>, fig: Fig) -> Option<Found> {
    if !word_core_counts(cx, &fig) {
        return None;
    }
    let numbers = numbers_count(cx, &fig)?;
    if signed_figure(cx, &fig)
        || date_or_time(cx, &fig)
        || coordinate(cx, &fig)
        || age(cx, &fig)
        || scale_reading(cx, &fig)
        || year(cx, &fig)
        || identifier(cx, &fig, &numbers)
        || lone_one(cx, &fig)
        || phone_number(cx, &fig)
    {
        return None;
    }
    Some(unit_and_noun(cx, fig, numbers))
}

/// What the numbers of a figure say of it beyond their values.
struct Numbers {
    /// A fraction that is a share of a whole: "half of the dead".
    share: bool,
    /// A fraction of a unit: "half an hour".
    fraction: bool,
    /// The unit attached to the digits: "10km".
    attached_unit: Option<Unit>,
}

/// The numbers of a figure: the low end (or the only number) and a
/// distinct high end.
fn nums(fig: &Fig) -> impl Iterator<Item = Num> {
    let high = match (fig.low, fig.high) {
        (Some(l), Some(h)) if l.first == h.first => None,
        (_, h) => h,
    };
    fig.low.into_iter().chain(high)
}

/// Whether "no", "none" or "unknown" counts something: "no casualties",
/// "none were killed", "Unknown Syrian and Hezbollah casualties"; not "no
/// need". A figure with a number passes.
fn word_core_counts(cx: &Cx<'_>, fig: &Fig) -> bool {
    match fig.shape {
        Shape::Zero if cx.is(fig.first, "none") => cx.has(fig.next, Class::AfterNone),
        Shape::Zero => noun_phrase(cx, fig.next).is_some_and(|np| {
            cx.word(np.head).is_some_and(counts_people) && !cx.is(np.head, "others")
        }),
        Shape::Unknown => {
            let start = if cx.is(fig.next, "of") {
                fig.next + 1
            } else {
                fig.next
            };
            // "Injuries: Unknown", "unknown wounded": the whole value of a
            // field that counts (not "Units1: Unknown"), or a measure word
            // after it.
            let whole_field = fig
                .first
                .checked_sub(1)
                .is_some_and(|p| cx.is_punct(p, ':'))
                && field_measure(cx, 0).is_some()
                && (fig.next >= cx.toks.len() || cx.is_punct(fig.next, ','));
            whole_field
                || cx.word(fig.next).is_some_and(|w| w.measure.is_some())
                || noun_phrase(cx, start).is_some_and(|np| {
                    cx.s(np.head).is_ascii()
                        && (cx.word(np.head).is_some_and(counts_people) || cx.is_cap(np.head))
                })
        }
        _ => true,
    }
}

/// The numbers of a figure, when each is a count, a measure or a share and
/// none is written as a code ("007", "LGA1156", "5/17/2018") or has letters
/// attached that are not a unit ("16px", "2pm", "1960s").
fn numbers_count(cx: &Cx<'_>, fig: &Fig) -> Option<Numbers> {
    let mut numbers = Numbers {
        share: false,
        fraction: false,
        attached_unit: None,
    };
    // A bound on a range ("at least 50-170") has its two ends too.
    let range = matches!(fig.shape, Shape::Range | Shape::Bounded);
    let high_first = fig.high.map(|h| h.first);
    let low_first = fig.low.map(|l| l.first);
    for n in nums(fig) {
        let two_ends = range && high_first != low_first;
        let end = match (two_ends, Some(n.first)) {
            (true, f) if f == high_first => End::High,
            (true, f) if f == low_first => End::Low,
            _ => End::Only,
        };
        match n.kind {
            NumKind::Ordinal if fig.rank => {}
            NumKind::Integer | NumKind::Decimal => {}
            NumKind::Fraction if unit_after_fraction(cx, n.next).is_some() => {
                numbers.fraction = true;
            }
            NumKind::Fraction if is_share(cx, fig, &n) => numbers.share = true,
            _ => return None,
        }
        if n.zeros > 0 || digits_in_code(cx, &n, end) {
            return None;
        }
        if n.attached {
            // "10km" is a figure; "16px", "2pm" and "1960s" are not.
            numbers.attached_unit = Some(unit_word(cx, n.next, After::Attached)?);
        }
    }
    Some(numbers)
}

/// Which end of a range a number is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    Low,
    High,
    Only,
}

fn is_dash_char(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '−' | '‐' | '‑' | '~')
}

/// Whether digits at `n` are part of a code, a date, a phone number or an
/// identifier rather than a count.
fn digits_in_code(cx: &Cx<'_>, n: &Num, end: End) -> bool {
    let f = n.first;
    if cx.is_digits(f)
        && f > 0
        && cx.adjacent(f)
        && !(end == End::High && cx.punct(f - 1).is_some_and(is_dash_char))
        && code_before(cx, f)
    {
        return true;
    }
    let j = n.next;
    if cx.adjacent(j)
        && !(end == End::Low && cx.punct(j).is_some_and(is_dash_char))
        && matches!(cx.punct(j), Some('/' | ':' | '.' | '-' | '‐'))
        && cx.is_digits(j + 1)
        && cx.adjacent(j + 1)
    {
        // A dash to more digits is a range, read before; here it is a chain.
        return true;
    }
    // "No. 5", "nr. 22".
    f >= 2 && cx.is_punct(f - 1, '.') && cx.has(f - 2, Class::NumberSign)
}

/// Whether what touches the digits at `f` from before makes them a code.
fn code_before(cx: &Cx<'_>, f: usize) -> bool {
    match cx.kind(f - 1) {
        // "LGA1156", "Strength2".
        Some(Kind::Word) => true,
        Some(Kind::Punct) => {
            let c = cx.punct(f - 1);
            // "+1-222", "#5".
            matches!(c, Some('+' | '#' | '№'))
            // "5/17/2018", "10:30", "192.168", "SCP-173", "1-222".
                || (matches!(c, Some('/' | ':' | '.' | '-' | '‐'))
                    && f >= 2
                    && cx.adjacent(f - 1)
                    && matches!(cx.kind(f - 2), Some(Kind::Digits | Kind::Word)))
        }
        _ => false,
    }
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

/// Whether the figure, or the other end of a range it stands in, is signed:
/// "-5 degrees", "(−3)", "between -5 and 10", "from 10 to -5", "minus 5".
/// An estimate is never negative.
fn signed_figure(cx: &Cx<'_>, fig: &Fig) -> bool {
    // An end of a signed range the reader could not take.
    let joined = |j: usize| cx.is(j, "and") || cx.is(j, "to");
    if let Some(p) = fig.first.checked_sub(2) {
        if joined(p + 1) && cx.is_digits(p) && signed(cx, p) {
            return true;
        }
    }
    if joined(fig.next) && cx.is_digits(fig.next + 2) && signed(cx, fig.next + 2) {
        return true;
    }
    nums(fig).any(|n| {
        let word_sign =
            n.first > 0 && (cx.is(n.first - 1, "minus") || cx.is(n.first - 1, "negative"));
        n.negative || word_sign || signed(cx, n.first)
    })
}

/// Dates and times: "21 June", "between 1 and 2 August", "June 2014",
/// "August 12", "2 pm", "2.13 a.m.", "five o'clock".
fn date_or_time(cx: &Cx<'_>, fig: &Fig) -> bool {
    let Some(last) = fig.high.or(fig.low) else {
        return false;
    };
    let j = last.next;
    if cx.month_at(j) || (cx.is(j, "of") && cx.month_at(j + 1)) {
        return true;
    }
    if let (Shape::Plain, Some(n)) = (fig.shape, fig.low) {
        if !n.words && day_like(cx, n.first) && in_list_of_days(cx, n.first) {
            return true;
        }
    }
    let before = fig.low.map_or(fig.first, |n| n.first);
    if before > 0 && cx.month_at(before - 1) {
        // "March 12", "May 2014"; but "In March 40 people were killed",
        // "On 12 March 1,400 people": no day, no year, and counted.
        let neither = fig.low.is_some_and(|n| {
            let year = !n.words && !n.grouped && cx.s(n.first).len() == 4;
            n.grouped || (n.value > Decimal::from(31) && !year)
        });
        return !(neither && counted_after(cx, fig.next));
    }
    // "Aug. 8, 2008"; "DateMay 23, 2017", an infobox label run into its value.
    if before > 1
        && cx.is_punct(before - 1, '.')
        && cx.adjacent(before - 1)
        && cx.abbreviated_month_at(before - 2)
    {
        return true;
    }
    if before > 0 && glued_month(cx.s(before - 1)) {
        return true;
    }
    cx.has(j, Class::Clock)
        || ((cx.is(j, "a") || cx.is(j, "p")) && cx.is_punct(j + 1, '.') && cx.is(j + 2, "m"))
}

/// Whether token `k` is one or two digits that may be a day of a month.
fn day_like(cx: &Cx<'_>, k: usize) -> bool {
    cx.is_digits(k)
        && cx.s(k).len() <= 2
        && cx.s(k).parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Whether the day-like digits at `k` stand in a list of days joined to a
/// month: "3 and 4 March", "3, 4 and 5 March", "August 1 and 2".
fn in_list_of_days(cx: &Cx<'_>, k: usize) -> bool {
    let joins =
        |j: usize| cx.is(j, "and") || cx.is(j, "or") || matches!(cx.punct(j), Some(',' | '&'));
    let mut j = k + 1;
    let mut steps = 0;
    while joins(j) && day_like(cx, j + 1) && steps < 31 {
        j += 2;
        steps += 1;
    }
    if steps > 0 && (cx.month_at(j) || (cx.is(j, "of") && cx.month_at(j + 1))) {
        return true;
    }
    let mut j = k;
    steps = 0;
    while j >= 2 && joins(j - 1) && day_like(cx, j - 2) && steps < 31 {
        j -= 2;
        steps += 1;
    }
    steps > 0 && j > 0 && cx.month_at(j - 1)
}

/// Whether a word ends in a capitalized month name after other letters:
/// "DateMay", "DateJuly".
fn glued_month(word: &str) -> bool {
    let Some((k, _)) = word
        .char_indices()
        .skip(1)
        .filter(|(_, c)| c.is_uppercase())
        .last()
    else {
        return false;
    };
    word.get(k..)
        .and_then(vocabulary::lookup)
        .is_some_and(|w| w.month.is_some() && word.len() - k >= 3)
}

/// Coordinates and temperatures: a number next to a degree, minute or
/// second mark ("8°00′38″N"), or before a degree mark after a space ("40
/// °C"), and, on a line that has such marks, a decimal of four places or
/// more ("8.0106; 124.2977").
fn coordinate(cx: &Cx<'_>, fig: &Fig) -> bool {
    let mark = |i: usize| matches!(cx.punct(i), Some('°' | '′' | '″' | '\''));
    nums(fig).any(|n| {
        (cx.adjacent(n.next) && mark(n.next))
            // "40 °C": a temperature.
            || cx.is_punct(n.next, '°')
            || (n.first > 0 && cx.adjacent(n.first) && mark(n.first - 1))
            || (cx
                .span_text(n.first, n.next)
                .split_once('.')
                .is_some_and(|(_, d)| d.len() >= 4)
                && (0..cx.toks.len()).any(|i| cx.is_punct(i, '°')))
    })
}

/// Ages: "aged between 12 and 15", "under the age of 16", "as young as
/// 10", "ages 8 to 14", "a 10-year-old boy", "two 6-month-olds", "12
/// years of age". An age is not a count of people.
fn age(cx: &Cx<'_>, fig: &Fig) -> bool {
    let i = fig.first;
    let back = |k: usize| i.checked_sub(k);
    back(1).is_some_and(|p| cx.is(p, "aged") || cx.is(p, "ages") || cx.is(p, "age"))
        || (back(1).is_some_and(|p| cx.is(p, "of")) && back(2).is_some_and(|p| cx.is(p, "age")))
        || (back(1).is_some_and(|p| cx.is(p, "as"))
            && back(2).is_some_and(|p| cx.is(p, "young") || cx.is(p, "old"))
            && back(3).is_some_and(|p| cx.is(p, "as")))
        || age_after(cx, fig.next)
}

/// Whether an age's words start at token `j`, after its number: a span of
/// time with a hyphen on either side of it, then "old" or "olds"
/// ("10-year-old", "10-year old", "10 year-old"), or a span and "of age".
/// "More than thirty years old", with no hyphen, stays a span of time, as
/// the Recognizers-Text suite of number ranges reads it.
fn age_after(cx: &Cx<'_>, j: usize) -> bool {
    // A span as the table of units names it: "year", "yrs", "months".
    let span_at = |k: usize| {
        cx.word(k).and_then(|w| w.unit).is_some_and(|u| {
            u.rest.is_empty()
                && matches!(
                    u.row.unit,
                    Unit::Years | Unit::Months | Unit::Weeks | Unit::Days
                )
        })
    };
    // "10-year-old", "10 year-old", "10-year old": a hyphen on either side
    // of the span.
    let hyphen = |k: usize| touching_dash(cx, k);
    let (before, k) = if hyphen(j) { (true, j + 1) } else { (false, j) };
    let (after, old) = if hyphen(k + 1) {
        (true, k + 2)
    } else {
        (false, k + 1)
    };
    let aged = (before || after) && (cx.is(old, "old") || cx.is(old, "olds"));
    // "12 years of age", not "30 years of age-old rivalry".
    let of_age = cx.is(k + 1, "of") && cx.is(k + 2, "age") && !hyphen(k + 3);
    span_at(k) && (aged || of_age)
}

/// Whether token `k` is a dash that touches the tokens on both sides of it:
/// "10-year-old", "7.8-magnitude", "2013–14".
fn touching_dash(cx: &Cx<'_>, k: usize) -> bool {
    cx.punct(k).is_some_and(is_dash) && cx.adjacent(k) && cx.adjacent(k + 1)
}

/// Readings on a scale, which count nothing: an earthquake's magnitude,
/// "a 7.8-magnitude earthquake", "magnitude 6.2", "a magnitude of 6.2",
/// "5.9 on the Richter scale", "a Richter scale 7.1 earthquake".
fn scale_reading(cx: &Cx<'_>, fig: &Fig) -> bool {
    // A hyphen joins only when it touches both words: "of such magnitude –
    // 300 people dead" is a count.
    let hyphen = |k: usize| touching_dash(cx, k);
    let after = if hyphen(fig.next) {
        fig.next + 1
    } else {
        fig.next
    };
    let before = match fig.first.checked_sub(1) {
        Some(p) if hyphen(p) => p.checked_sub(1),
        p => p,
    };
    // The word before, and the one before it: "magnitude of 6.2",
    // "Richter scale 7.1".
    let word_before = |k: usize, w: &str| {
        before
            .and_then(|p| p.checked_sub(k))
            .is_some_and(|p| cx.is(p, w))
    };
    // Before the number, a reading has a decimal point or nothing counted
    // after it: "the magnitude of 300 deaths" is a count.
    let named_before = word_before(0, "magnitude")
        || (word_before(0, "of") && word_before(1, "magnitude"))
        || (word_before(0, "scale") && word_before(1, "richter"));
    let decimal = nums(fig).any(|n| cx.span_text(n.first, n.next).contains('.'));
    cx.is(after, "magnitude")
        || (named_before && (decimal || !counted_after(cx, fig.next)))
        || (cx.is(after, "on") && cx.is(after + 1, "the") && cx.is(after + 2, "richter"))
}

/// Whether the word before token `i` introduces a year: "in 2014", "since 2011".
fn after_year_word(cx: &Cx<'_>, i: usize) -> bool {
    i > 0 && cx.has(i - 1, Class::BeforeYear)
}

/// Whether the number is shaped like a year: four bare digits from 1000 to 2100.
fn year_like(cx: &Cx<'_>, n: &Num) -> bool {
    n.is_bare_digits() && year_digits(cx, n.first)
}

/// Whether token `k` is four digits from 1000 to 2100.
fn year_digits(cx: &Cx<'_>, k: usize) -> bool {
    let s = cx.s(k);
    s.len() == 4 && s.parse::<u16>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// Years: "in 2014", "(2014)", "2013-14", "2013–14", "2013–2014"; a
/// year-like number with something counted after it ("2000 people") is a
/// figure.
fn year(cx: &Cx<'_>, fig: &Fig) -> bool {
    if fig.bounded {
        return false;
    }
    let dash = |j: usize| cx.punct(j).is_some_and(is_dash);
    // The "14" of "2013–14": two digits after a year and a dash, touching.
    if let (Shape::Plain, Some(n)) = (fig.shape, fig.low) {
        let year_before =
            n.first >= 2 && touching_dash(cx, n.first - 1) && year_digits(cx, n.first - 2);
        if year_before && n.is_bare_digits() && cx.s(n.first).len() == 2 {
            return true;
        }
    }
    match (fig.shape, fig.low, fig.high) {
        // "Strength2: 1000": a count field's value is a count.
        (Shape::Plain, Some(n), _)
            if year_like(cx, &n)
                && n.first.checked_sub(1).is_some_and(|p| cx.is_punct(p, ':'))
                && field_measure(cx, 0).is_some() =>
        {
            false
        }
        (Shape::Plain, Some(n), _) if year_like(cx, &n) => {
            after_year_word(cx, n.first)
                || !counted_after(cx, fig.next)
                || singular_after(cx, fig.next)
                || (dash(n.next) && cx.adjacent(n.next + 1) && cx.is_digits(n.next + 1))
        }
        (Shape::Range, Some(l), Some(h)) => year_like(cx, &l) && year_like(cx, &h),
        _ => false,
    }
}

/// Identifiers: "Resolution 1701", "Voyager 2": a capitalized word before
/// a bare number, inside a sentence, unless what follows is counted ("In
/// Homs 40 people were killed", "the UN 400,000 Syrians"): a word that is
/// not a name, or a people noun.
fn identifier(cx: &Cx<'_>, fig: &Fig, numbers: &Numbers) -> bool {
    let Some(n) = fig.low.filter(|_| fig.shape == Shape::Plain) else {
        return false;
    };
    if n.words || n.first == 0 || cx.adjacent(n.first) || numbers.attached_unit.is_some() {
        return false;
    }
    // "53 Division", "543 Brigade": a formation's number.
    if cx.is_cap(n.next) && cx.has(n.next, Class::Formation) {
        return true;
    }
    let p = n.first - 1;
    let counted_next = counted_after(cx, n.next);
    let counted = ((!cx.is_cap(n.next) || cx.word(n.next).is_some_and(counts_people))
        && counted_next)
        || named_plural_acts(cx, n.first, n.next);
    // At the start of a sentence a capitalized word is no name by itself
    // ("Some 200", "Rebels 40"?): there a number is an identifier only with
    // nothing counted after it ("Resolution 2254 was passed"), and only
    // after the end of another sentence (not after a quote or a bracket).
    let start = cx.sentence_start(p);
    let after_sentence = p == 0 || matches!(cx.punct(p - 1), Some('.' | '!' | '?'));
    let bare = !counted_next && !cx.is_punct(n.next, ',');
    cx.is_cap(p) && !opens_count(cx, p) && !counted && (!start || (after_sentence && bare))
}

/// Whether a capitalized plural at `j` ("Kurds", "Syrians") is what the
/// number at `first` counts: "died", or an auxiliary and a measure word,
/// follows it ("300 Kurds were killed", "400,000 Syrians have died"; not
/// "300 Kurds killed 40 soldiers", where they did the killing), and the
/// word before the number is a name of one word ("In Aleppo", "the UN";
/// not "World War 2", "the Boeing 737").
fn named_plural_acts(cx: &Cx<'_>, first: usize, j: usize) -> bool {
    if !(cx.is_cap(j) && is_plural_noun(cx, j)) {
        return false;
    }
    let one_word_name = first
        .checked_sub(2)
        .is_none_or(|b| !cx.is_cap(b) || cx.has(b, Class::Stop) || cx.sentence_start(b));
    one_word_name && (cx.is(j + 1, "died") || auxiliary_then_measure(cx, j + 1) == Some(true))
}

/// Whether a capitalized word may open a clause before a count without
/// making it an identifier: "Killing 20", "Some 200", "Only 3".
fn opens_count(cx: &Cx<'_>, p: usize) -> bool {
    cx.word(p).is_some_and(|w| {
        w.measure.is_some()
            || w.verb_measure().is_some()
            || w.is(Class::Stop)
            || w.is(Class::OpensCount)
    })
}

/// "one" and "a" count only with something counted: not "at one point",
/// "the one you mentioned".
fn lone_one(cx: &Cx<'_>, fig: &Fig) -> bool {
    let Some(n) = fig.low.filter(|_| fig.shape == Shape::Plain) else {
        return false;
    };
    if !n.words || n.value != Decimal::ONE {
        return false;
    }
    (n.first > 0 && cx.has(n.first - 1, Class::PronounOne)) || !counted_after(cx, fig.next)
}

/// Phone numbers: "555-1234", and groups of digits after a country code,
/// "+961 1 234 567", "+44 20 7946 0958", when nothing counted follows.
fn phone_number(cx: &Cx<'_>, fig: &Fig) -> bool {
    // Back over groups of digits with a space before each, to the first; a
    // phone number has a few of them (and a long run is not walked again
    // for each figure in it).
    let mut k = fig.first;
    while k > 0
        && fig.first - k < 6
        && cx.is_digits(k - 1)
        && !cx.adjacent(k)
        && cx.s(k - 1).len() <= 4
    {
        k -= 1;
    }
    if k < fig.first
        && k > 0
        && cx.is_punct(k - 1, '+')
        && cx.adjacent(k)
        && !counted_after(cx, fig.next)
    {
        return true;
    }
    let (Shape::Range, Some(l), Some(h)) = (fig.shape, fig.low, fig.high) else {
        return false;
    };
    !l.words
        && cx.s(l.first).len() == 3
        && cx.s(h.first).len() == 4
        && cx.adjacent(h.first)
        && l.is_bare_digits()
        && h.is_bare_digits()
}

/// Whether the noun phrase at `j` ends in the singular of a people noun:
/// "2004 Russian hostage crisis" names a year's crisis, where a count would
/// say "hostages".
fn singular_after(cx: &Cx<'_>, j: usize) -> bool {
    noun_phrase(cx, j).is_some_and(|np| {
        let head = cx.s(np.head);
        !head.ends_with(['s', 'S'])
            && vocabulary::lookup(&format!("{head}s")).is_some_and(counts_people)
    })
}

/// Whether something counted follows at `j`: a unit, a people noun, a
/// measure word, or a noun phrase about people.
fn counted_after(cx: &Cx<'_>, j: usize) -> bool {
    if unit_word(cx, j, After::Spaced).is_some() {
        return true;
    }
    if cx.punct(j).is_some_and(|c| c == '-') && cx.adjacent(j) && hyphen_unit(cx, j + 1).is_some() {
        return true;
    }
    if let Some(w) = cx.word(j) {
        if counts_people(w) || w.group().is_some() {
            return true;
        }
        // "1500 were wounded".
        if let Some(measured) = auxiliary_then_measure(cx, j) {
            return measured;
        }
    }
    noun_phrase(cx, j).is_some_and(|np| {
        cx.word(np.head)
            .is_some_and(|w| counts_people(w) || w.group().is_some())
            || cx.is_cap(np.head)
    })
}

/// At an auxiliary ("were", "are", "have", "had") at `j`: whether a measure
/// word follows it, past "been", "reportedly" and "also" ("were killed",
/// "have reportedly been wounded"); `None` when `j` is no such auxiliary.
fn auxiliary_then_measure(cx: &Cx<'_>, j: usize) -> Option<bool> {
    if !["were", "are", "have", "had"].iter().any(|v| cx.is(j, v)) {
        return None;
    }
    let mut k = j + 1;
    while cx.is(k, "been") || cx.is(k, "reportedly") || cx.is(k, "also") {
        k += 1;
    }
    Some(cx.word(k).is_some_and(|w| w.measure.is_some()))
}

/// Whether the fraction `n` in `fig` is a share of a whole: at most 1 and
/// either compared ("more than half", "above one quarter and below a half")
/// or of something ("two thirds of the dead", "half the prisoners", "one in
/// five victims"). A fraction alone ("One-fourth is a fraction", "cut in
/// half") is not a figure, nor is a chain of digits such as "9/11" or "24/7".
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
    if n.first > 0 && cx.has(n.first - 1, Class::Part) {
        return false;
    }
    let mut whole = fig.next + 1;
    if determiner(cx, whole) {
        whole += 1;
    }
    if cx.is_digits(whole) || cx.has(whole, Class::TimeSpan) {
        return false;
    }
    let of_something = cx.is(fig.next, "of") || (cx.is(fig.next, "the") && n.words);
    // "one in five victims", "three out of four houses".
    let ratio = (n.first..n.next).any(|i| cx.is(i, "in") || cx.is(i, "out"));
    of_something || (ratio && cx.is_wordtok(fig.next))
}

fn determiner(cx: &Cx<'_>, i: usize) -> bool {
    cx.has(i, Class::Determiner)
}

/// The unit of an accepted figure, then the noun phrase it counts (where
/// the unit does not stand in its place), then the unit of that noun.
fn unit_and_noun(cx: &Cx<'_>, fig: Fig, numbers: Numbers) -> Found {
    // A figure quoted on its own counts what follows the quote: "“Some
    // 200” rebels".
    let quoted = fig
        .first
        .checked_sub(1)
        .is_some_and(|p| matches!(cx.punct(p), Some('“' | '"' | '‘')))
        && matches!(cx.punct(fig.next), Some('”' | '"' | '’'))
        && cx.adjacent(fig.next);
    let next = fig.next + usize::from(quoted);
    let mut found = Found {
        fig,
        unit: None,
        strength: false,
        noun: None,
        measure: None,
    };
    // Where the noun phrase starts, if the figure has one.
    let mut np_start = Some(next);
    if numbers.share {
        // "half of the dead": the noun names the whole.
        found.unit = Some(Unit::Share);
    } else if found.fig.rank {
        found.unit = Some(Unit::Other("rank".into()));
        np_start = None;
    } else if let Some(u) = numbers.attached_unit {
        found.unit = Some(u);
        np_start = None;
    } else if cx.punct(next).is_some_and(|c| c == '-') && cx.adjacent(next) && cx.adjacent(next + 1)
    {
        if let Some((u, strength)) = hyphen_unit(cx, next + 1) {
            found.unit = Some(u);
            found.strength = strength;
            np_start = Some(next + 2);
        }
    } else if cx.is(next, "strong") && !noun_after_strong(cx, next + 1) {
        // "a force 3,000 strong": the noun came before the number.
        found.unit = Some(Unit::People);
        found.strength = true;
        np_start = None;
    } else if let Some(u) = area_unit(cx, next) {
        found.unit = Some(u);
        np_start = None;
    } else if let Some(u) = unit_word(cx, next, After::Spaced)
        .or_else(|| unit_after_fraction(cx, next).filter(|_| numbers.fraction))
        .or_else(|| mark_after(cx, next))
    {
        found.unit = Some(u);
        np_start = None;
    }
    if found.unit.is_none() {
        found.unit = mark_before(cx, found.fig.first);
        if found.unit.is_some() {
            np_start = None;
        }
    }
    if let Some(p) = np_start {
        found.noun = noun_after(cx, &found.fig, numbers.share, p);
    }
    if found.unit.is_none() {
        if let Some(np) = &found.noun {
            found.unit = unit_of_head(cx, np.head);
        }
    }
    found
}

/// Whether a noun may follow "strong" at `j`, making it an adjective ("3
/// strong typhoons", "a 3,000 strong force"): a word that is no measure
/// word, verb or auxiliary and does not end in "-ed".
fn noun_after_strong(cx: &Cx<'_>, j: usize) -> bool {
    let Some(w) = cx.is_wordtok(j).then(|| cx.s(j)) else {
        return false;
    };
    let verb = cx.word(j).is_some_and(|w| {
        w.measure.is_some()
            || w.verb_measure().is_some()
            || w.is(Class::Auxiliary)
            || w.is(Class::ForceAction)
    });
    !verb && !w.ends_with("ed")
}

/// The noun phrase a figure counts, from token `p`: "dozens of rebels",
/// "two of the soldiers", "half the prisoners"; not "some of them".
fn noun_after(cx: &Cx<'_>, fig: &Fig, share: bool, p: usize) -> Option<Np> {
    let vague_or_zero = matches!(fig.shape, Shape::Vague | Shape::Zero | Shape::Unknown);
    let p = if cx.is(p, "of")
        && (vague_or_zero || share || fig.shape != Shape::Plain || determiner(cx, p + 1))
    {
        // "dozens of rebels", "two of the soldiers", "an unknown number of fighters".
        if determiner(cx, p + 1) { p + 2 } else { p + 1 }
    } else if share && determiner(cx, p) {
        // "half the prisoners".
        p + 1
    } else {
        p
    };
    if cx.is(p.saturating_sub(1), "of") && cx.is(p, "them") {
        return None;
    }
    noun_phrase(cx, p)
}
