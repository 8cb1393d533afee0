//! Reading one figure in English: a number or a vague word with the bound,
//! range, approximation or restatement around it ("more than 100", "between
//! 25 and 28", "two or three", "5-6 thousand", "about 70", "3,000 or so",
//! "more than a dozen", "several hundred"). `text::phrase` reads a whole
//! phrase with it; `extract` reads running text.
//!
//! Bound words are the vocabulary's: the value grammar's ([`BOUND_WORDS`],
//! [`BOUND_SUFFIXES`]) and the comparatives of prose ([`PROSE_PREFIXES`],
//! [`PROSE_SUFFIXES`]); approximators and vague words come from the
//! [`Lexicon`].

use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;

use crate::model::{Form, Tolerance, VagueTerm};
use crate::text::lexicon::{Approximator, Hedge, Placement};
use crate::text::numeral;
use crate::text::numeral::{Num, NumKind, Opts};
use crate::text::token::{Cx, Kind, Pattern, with_lowercase};
use crate::text::vocabulary::{
    BOUND_SUFFIXES, BOUND_WORDS, Bound, Class, Ending, PROSE_PREFIXES, PROSE_SUFFIXES, Post, Pre,
    W, WordMap,
};
use crate::{Error, Estimate, Interval, Lexicon};

/// The bound words as token patterns: those before a number, found by
/// their first or last word, and those after it.
struct Tables {
    pre: Vec<(Pattern, Pre)>,
    by_first: WordMap<Box<str>, Vec<usize>>,
    by_last: WordMap<Box<str>, Vec<usize>>,
    post: Vec<(Pattern, Post, Ending)>,
    /// The patterns of `post` by their first word.
    post_by_first: WordMap<Box<str>, Vec<usize>>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut pre = Vec::new();
        for (word, bound) in BOUND_WORDS {
            // Approximations are the lexicon's; "=>" in running text is an arrow.
            if matches!(bound, Bound::About | Bound::Nearly) || *word == "=>" {
                continue;
            }
            pre.push((Pattern::new(word), Pre::Bound(*bound)));
        }
        for (word, p) in PROSE_PREFIXES {
            pre.push((Pattern::new(word), *p));
        }
        let mut by_first: WordMap<Box<str>, Vec<usize>> = WordMap::default();
        let mut by_last: WordMap<Box<str>, Vec<usize>> = WordMap::default();
        for (i, (p, _)) in pre.iter().enumerate() {
            by_first.entry(p.first().into()).or_default().push(i);
            by_last.entry(p.last().into()).or_default().push(i);
        }
        let mut post = Vec::new();
        for (word, bound) in BOUND_SUFFIXES {
            if *bound != Bound::About {
                post.push((Pattern::new(word), Post::Bound(*bound), Ending::Complete));
            }
        }
        for (word, p, ending) in PROSE_SUFFIXES {
            post.push((Pattern::new(word), *p, *ending));
        }
        let mut post_by_first: WordMap<Box<str>, Vec<usize>> = WordMap::default();
        for (i, (p, _, _)) in post.iter().enumerate() {
            post_by_first.entry(p.first().into()).or_default().push(i);
        }
        Tables {
            pre,
            by_first,
            by_last,
            post,
            post_by_first,
        }
    })
}

/// A prefix found before a number.
#[derive(Clone, Copy, Debug)]
enum Prefix<'l> {
    Fixed(Pre),
    Hedge(&'l Approximator),
}

/// Whether a bound symbol at `s` is part of a longer mark ("<>", "=<", "=>").
fn symbol_clash(cx: &Cx<'_>, s: usize) -> bool {
    matches!(cx.punct(s), Some('<' | '>'))
        && s > 0
        && cx.adjacent(s)
        && matches!(cx.punct(s - 1), Some('=' | '<' | '>'))
}

/// The longest prefix that starts at `s` and ends at exactly `end`, if given.
fn prefix_at<'l>(
    cx: &Cx<'_>,
    lex: &'l Lexicon,
    s: usize,
    end: Option<usize>,
) -> Option<(Prefix<'l>, usize)> {
    let t = tables();
    let mut best: Option<(Prefix<'l>, usize)> = None;
    let mut consider = |p: Prefix<'l>, next: usize| {
        if end.is_some_and(|e| e != next) {
            return;
        }
        if best.is_none_or(|(_, b)| next > b) {
            best = Some((p, next));
        }
    };
    if let Some(list) = with_lowercase(cx.s(s), |w| t.by_first.get(w)) {
        for &i in list {
            if let Some((pat, pre)) = t.pre.get(i) {
                if let Some(next) = pat.matches(cx.text, cx.toks, s) {
                    consider(Prefix::Fixed(*pre), next);
                }
            }
        }
    }
    for a in lex.approximators_starting(cx.s(s), Placement::Before) {
        if let Some(next) = a.pattern().matches(cx.text, cx.toks, s) {
            consider(Prefix::Hedge(a), next);
        }
    }
    if symbol_clash(cx, s) {
        return None;
    }
    best
}

/// The longest prefix ending right before token `c`, starting at or after `floor`.
fn prefix_before<'l>(
    cx: &Cx<'_>,
    lex: &'l Lexicon,
    floor: usize,
    c: usize,
) -> Option<(Prefix<'l>, usize)> {
    if c == 0 || c <= floor {
        return None;
    }
    let last = cx.s(c - 1);
    let t = tables();
    let mut best: Option<(Prefix<'l>, usize)> = None;
    let mut consider = |p: Prefix<'l>, start: usize| {
        if start >= floor && best.is_none_or(|(_, b)| start < b) {
            best = Some((p, start));
        }
    };
    if let Some(list) = with_lowercase(last, |w| t.by_last.get(w)) {
        for &i in list {
            if let Some((pat, pre)) = t.pre.get(i) {
                if let Some(start) = c.checked_sub(pat.len()) {
                    if pat.matches(cx.text, cx.toks, start) == Some(c) && !symbol_clash(cx, start) {
                        consider(Prefix::Fixed(*pre), start);
                    }
                }
            }
        }
    }
    for a in lex.approximators_ending(last) {
        if let Some(start) = c.checked_sub(a.pattern().len()) {
            // "how about 2?" proposes a number, it does not hedge one.
            let idiom = start > 0
                && a.phrase() == "about"
                && (cx.is(start - 1, "how") || cx.is(start - 1, "what"));
            if a.pattern().matches(cx.text, cx.toks, start) == Some(c) && !idiom {
                consider(Prefix::Hedge(a), start);
            }
        }
    }
    best
}

/// How a figure reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A number alone: "200", "two".
    Plain,
    /// A number with a bound, an approximation or "exactly".
    Bounded,
    /// Two numbers: "50–170", "between 25 and 28".
    Range,
    /// A vague word: "dozens", "more than a dozen" is Bounded.
    Vague,
    /// "no", "none".
    Zero,
    /// "unknown", "an unknown number".
    Unknown,
}

/// A figure read at some tokens.
#[derive(Clone, Debug)]
pub(crate) struct Fig {
    /// The first token, prefix included.
    pub(crate) first: usize,
    /// The token after the figure.
    pub(crate) next: usize,
    pub(crate) value: Estimate,
    pub(crate) shape: Shape,
    /// The numbers read: the low end (or the only number) and the high end.
    pub(crate) low: Option<Num>,
    pub(crate) high: Option<Num>,
    /// Ordinals read as ranks ("between the tenth and the fifteenth").
    pub(crate) rank: bool,
    /// Whether a bound or approximation was stated.
    pub(crate) bounded: bool,
}

/// A figure could not be read: why, and at which token.
#[derive(Clone, Debug)]
pub(crate) struct Fail {
    pub(crate) at: usize,
    pub(crate) reason: String,
}

fn fail(at: usize, reason: impl Into<String>) -> Fail {
    Fail {
        at,
        reason: reason.into(),
    }
}

/// Whether the reading is for a whole phrase or for running text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Phrase,
    Text,
}

/// What stands at the heart of a figure.
#[derive(Clone, Debug)]
enum Core {
    Num(Num),
    Range { low: Num, high: Num, next: usize },
    Vague { term: Arc<VagueTerm>, next: usize },
    Zero(usize),
    Unknown(usize),
}

impl Core {
    fn next(&self) -> usize {
        match self {
            Core::Num(n) => n.next,
            Core::Range { next, .. } | Core::Vague { next, .. } => *next,
            Core::Zero(n) | Core::Unknown(n) => *n,
        }
    }
}

const NUM_OPTS: Opts = Opts {
    signed: false,
    over: false,
};

/// A number usable in a figure: a cardinal (not an ordinal, fraction or power).
fn count(cx: &Cx<'_>, k: usize) -> Option<Num> {
    let n = numeral::read(cx, k, NUM_OPTS)?;
    Some(n)
}

/// A number, or "the" and an ordinal (a rank).
fn operand(cx: &Cx<'_>, k: usize) -> Option<(Num, bool)> {
    if cx.is(k, "the") {
        let n = numeral::read(cx, k + 1, NUM_OPTS)?;
        if n.kind == NumKind::Ordinal && !n.plural {
            let mut n = n;
            n.first = k;
            return Some((n, true));
        }
        return None;
    }
    let n = count(cx, k)?;
    match n.kind {
        NumKind::Integer | NumKind::Decimal => Some((n, false)),
        _ => None,
    }
}

/// The multiplier word a number ends with ("three hundred", "6 thousand",
/// "three dozen").
fn trailing_multiplier(cx: &Cx<'_>, n: &Num) -> Option<Decimal> {
    if let Some(p) = n.scaled {
        return numeral::pow10(p);
    }
    match cx.w(n.next.checked_sub(1)?) {
        Some(W::Hundred(false)) if n.next - 1 > n.first => Some(Decimal::from(100)),
        // "two or three dozen", "2-3 dozen": [24, 36].
        Some(W::Dozen) if n.next - 1 > n.first => Some(Decimal::from(12)),
        _ => None,
    }
}

/// "5-6 thousand", "two to three hundred", "two or three dozen": a
/// multiplier on the high end alone applies to both ends.
fn spread_multiplier(cx: &Cx<'_>, low: &mut Num, high: &Num) {
    if trailing_multiplier(cx, low).is_some() || low.words != high.words && !high.words {
        return;
    }
    if let Some(m) = trailing_multiplier(cx, high) {
        if let Some(v) = low.value.checked_mul(m) {
            if v <= high.value && low.value < m {
                // "1.5-2 million": 1500000, not 1500000.0.
                low.value = v.normalize();
            }
        }
    }
}

pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‒' | '−' | '‐' | '‑')
}

/// The range after a number `a`: "–170", " to 7", " or three", "~100".
fn range_after(cx: &Cx<'_>, a: &Num) -> Option<(Num, usize)> {
    let j = a.next;
    let k = if let Some(c) = cx.punct(j) {
        if is_dash(c) {
            // A hyphen joins only when spaced alike on both sides ("50-170",
            // "1000 - 5000"), so "40-man" and "-5" are not ranges.
            let before = cx.adjacent(j);
            let after = cx.adjacent(j + 1);
            if c == '-' && before != after {
                return None;
            }
            j + 1
        } else if c == '~' && cx.adjacent(j) && cx.adjacent(j + 1) {
            j + 1
        } else {
            return None;
        }
    } else if cx.is(j, "to") || cx.is(j, "through") || cx.is(j, "thru") || cx.is(j, "or") {
        j + 1
    } else {
        return None;
    };
    let b = count(cx, k)?;
    if !matches!(b.kind, NumKind::Integer | NumKind::Decimal) || b.zeros > 0 {
        return None;
    }
    if cx.is(j, "or") && b.words != a.words {
        return None;
    }
    Some((b, b.next))
}

/// "between A and B", "from A to B": a range opened by the word at token
/// `c`, its ends joined by a token that `joins` accepts.
/// In running text a reversed pair is not a range; a phrase that is one
/// ("between 200 and 50") is read as a range, which [`build`] refuses.
fn worded_range(
    cx: &Cx<'_>,
    c: usize,
    mode: Mode,
    joins: impl Fn(usize) -> bool,
) -> Option<(Core, bool)> {
    let (mut low, r1) = operand(cx, c + 1)?;
    if !joins(low.next) {
        return None;
    }
    let (high, r2) = operand(cx, low.next + 1)?;
    spread_multiplier(cx, &mut low, &high);
    if (mode == Mode::Text && low.value > high.value) || r1 != r2 {
        return None;
    }
    Some((
        Core::Range {
            low,
            high,
            next: high.next,
        },
        r1,
    ))
}

/// Words that say a figure changed: "the toll rose from 1,200 to 1,240",
/// "was revised by 40 to 1,240".
const CHANGES: &[&str] = &[
    "climbed",
    "declined",
    "decreased",
    "dropped",
    "fell",
    "fallen",
    "grew",
    "grown",
    "increased",
    "jumped",
    "lowered",
    "raised",
    "revised",
    "rose",
    "risen",
    "soared",
    "up",
    "down",
];

/// Whether the word before token `c` says a figure changed ([`CHANGES`]).
fn after_change(cx: &Cx<'_>, c: usize) -> bool {
    c > 0 && CHANGES.iter().any(|w| cx.is(c - 1, w))
}

/// The core of a figure at token `c`.
fn core_at(cx: &Cx<'_>, lex: &Lexicon, c: usize, mode: Mode) -> Option<(Core, bool)> {
    let word = cx.is_wordtok(c);
    if word {
        if cx.is(c, "between") {
            return worded_range(cx, c, mode, |j| cx.is(j, "and") || cx.is_punct(j, '&'));
        }
        if cx.is(c, "from") && !(mode == Mode::Text && after_change(cx, c)) {
            return worded_range(cx, c, mode, |j| {
                cx.is(j, "to")
                    || cx.is(j, "through")
                    || cx.is(j, "until")
                    || cx.is(j, "till")
                    || cx.punct(j).is_some_and(is_dash)
            });
        }
        if cx.is(c, "none") {
            return Some((Core::Zero(c + 1), false));
        }
        if cx.is(c, "no") && (mode == Mode::Phrase || cx.is_wordtok(c + 1)) {
            return Some((Core::Zero(c + 1), false));
        }
        if cx.is(c, "unknown") {
            return Some((Core::Unknown(c + 1), false));
        }
        if (cx.is(c, "an") || cx.is(c, "a")) && cx.is(c + 1, "unknown") && cx.is(c + 2, "number") {
            return Some((Core::Unknown(c + 3), false));
        }
        if cx.is(c, "the") {
            let (n, rank) = operand(cx, c)?;
            return Some((Core::Num(n), rank));
        }
    }
    let num = count(cx, c);
    let term = if word && lex.may_start_term(cx.s(c)) {
        vague_at(cx, lex, c, mode)
    } else {
        None
    };
    match (num, term) {
        (n, Some((term, next))) if n.is_none_or(|n| next >= n.next) => {
            Some((Core::Vague { term, next }, false))
        }
        (Some(a), _) => {
            if matches!(a.kind, NumKind::Integer | NumKind::Decimal) && !a.attached && a.zeros == 0
            {
                // "rose from 1,200 to 1,240", "rose by 40 to 1,240": a
                // change, not a range.
                let change = mode == Mode::Text
                    && c > 0
                    && (cx.is(c - 1, "from") || cx.is(c - 1, "by"))
                    && after_change(cx, c - 1)
                    && cx.is(a.next, "to");
                if let Some((b, next)) = range_after(cx, &a).filter(|_| !change) {
                    let mut low = a;
                    spread_multiplier(cx, &mut low, &b);
                    // A whole phrase that is a reversed range ("200 to 50")
                    // is one, refused as the value grammar refuses "200-50";
                    // in running text it is two numbers.
                    if low.value < b.value || mode == Mode::Phrase {
                        return Some((Core::Range { low, high: b, next }, false));
                    }
                }
            }
            Some((Core::Num(a), false))
        }
        _ => None,
    }
}

/// The longest lexicon term at `c`, composed with a scale word after it
/// ("a few hundred").
fn vague_at(cx: &Cx<'_>, lex: &Lexicon, c: usize, mode: Mode) -> Option<(Arc<VagueTerm>, usize)> {
    let mut best: Option<(&Arc<VagueTerm>, usize)> = None;
    for (term, pat) in lex.terms_starting(cx.s(c)) {
        if let Some(next) = pat.matches(cx.text, cx.toks, c) {
            if best.is_none_or(|(_, b)| next > b) {
                best = Some((term, next));
            }
        }
    }
    let (term, next) = best?;
    // "scores" is a verb as often as a number: in running text it needs "of".
    if mode == Mode::Text && term.name() == "scores" && !cx.is(next, "of") {
        return None;
    }
    // "some 200" is about 200; "some time" and "multiple times" count nothing.
    if matches!(term.name(), "some" | "multiple")
        && (starts_number(cx, next) || (mode == Mode::Text && !plural_after(cx, next)))
    {
        return None;
    }
    // Multipliers, each larger than the one before: "a few hundred",
    // "several hundred thousand" (a term of the lexicon and a scale), "a
    // few dozen", "a couple of dozen".
    let multiplier = |k: usize| match cx.w(k) {
        Some(W::Scale(p, false)) => numeral::pow10(p),
        Some(W::Hundred(false)) => Some(Decimal::ONE_HUNDRED),
        Some(W::Dozen) if cx.is(k, "dozen") => Some(Decimal::from(12)),
        _ => None,
    };
    let mut last = next
        .checked_sub(1)
        .and_then(multiplier)
        .unwrap_or(Decimal::ONE);
    // "dozens hundred" and "some thousand" are not compounds.
    let plural_term = term.interval().low() >= Decimal::TEN || term.interval().high().is_none();
    if plural_term && last == Decimal::ONE {
        return Some((term.clone(), next));
    }
    let (mut term, mut next) = (term.clone(), next);
    loop {
        let k = if term.name() == "a couple" && cx.is(next, "of") {
            next + 1
        } else {
            next
        };
        let Some(t) = multiplier(k)
            .filter(|&m| m > last)
            .and_then(|m| compose(&term, m, cx.s(k)).map(|t| (t, m)))
        else {
            break;
        };
        (term, last) = t;
        next = k + 1;
    }
    Some((term, next))
}

/// Whether a plural noun follows at `j`, perhaps after words that describe
/// it ("some hills", "some rebel fighters", "multiple people"), or "of" and
/// a plural ("some of the rebels", "some of them"; not "some of it").
fn plural_after(cx: &Cx<'_>, j: usize) -> bool {
    let mut k = j;
    if cx.is(k, "of") {
        if cx.is(k + 1, "them") || cx.is(k + 1, "those") || cx.is(k + 1, "these") {
            return true;
        }
        k += 1;
        if cx.has(k, Class::OfDeterminer) {
            k += 1;
        }
    }
    (k..k + 3).any(|i| is_plural_noun(cx, i))
        && (k..k + 3)
            .take_while(|&i| cx.is_wordtok(i) && !is_plural_noun(cx, i))
            .all(|i| !cx.has(i, Class::EndsDescription))
}

/// Whether the word at `i` is a plural noun, roughly: a plural without an
/// "s" ("people", "men"), or a word ending in "s" that is not one of the
/// usual words that only look plural.
pub(crate) fn is_plural_noun(cx: &Cx<'_>, i: usize) -> bool {
    if !cx.is_wordtok(i) {
        return false;
    }
    if cx.has(i, Class::PluralWithoutS) {
        return true;
    }
    let w = cx.s(i).as_bytes();
    let ends =
        |e: &str| w.len() >= e.len() && w[w.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes());
    w.len() > 3
        && ends("s")
        && !["ss", "us", "is", "ics"].into_iter().any(ends)
        && !cx.has(i, Class::NotPlural)
}

/// A vague term times a multiplier: "a few" × 100 is "a few hundred".
fn compose(term: &VagueTerm, m: Decimal, word: &str) -> Option<Arc<VagueTerm>> {
    let times = |iv: Interval| -> Option<Interval> {
        let low = iv.low().checked_mul(m)?;
        let high = match iv.high() {
            Some(h) => Some(h.checked_mul(m)?),
            None => None,
        };
        Interval::new(low, high).ok()
    };
    let name = format!("{} {}", term.name(), word.to_lowercase());
    let provenance = format!("'{}' times {m}: {}", term.name(), term.provenance());
    VagueTerm::new(
        &name,
        times(term.interval())?,
        times(term.lenient())?,
        term.point().checked_mul(m)?,
        &provenance,
    )
    .ok()
    .map(Arc::new)
}

/// A bound after the number at `j`: "+", "or more", "or so", "or equal to".
fn suffix_at<'l>(cx: &Cx<'_>, lex: &'l Lexicon, j: usize) -> Option<(Suffix<'l>, usize)> {
    if cx.is_punct(j, '+') && cx.adjacent(j) && !(cx.is_digits(j + 1) && cx.adjacent(j + 1)) {
        return Some((Suffix::Fixed(Post::Bound(Bound::AtLeast)), j + 1));
    }
    if cx.kind(j) != Some(Kind::Word) {
        return None;
    }
    let t = tables();
    let mut best: Option<(Suffix<'l>, usize)> = None;
    let candidates =
        with_lowercase(cx.s(j), |w| t.post_by_first.get(w)).map_or(&[][..], Vec::as_slice);
    for (pat, post, ending) in candidates.iter().filter_map(|&i| t.post.get(i)) {
        if let Some(next) = pat.matches(cx.text, cx.toks, j) {
            let open = *ending == Ending::Open;
            if open && starts_number(cx, next) {
                continue;
            }
            // "or greater than 190", "or equal to 6000": the bound belongs to what follows.
            if !open && (cx.is(next, "than") || cx.is(next, "to")) {
                continue;
            }
            // "20 and more were wounded" is two clauses; "500 and more in stock" is a bound.
            if pat.first() == "and" && cx.is_wordtok(next) && !cx.has(next, Class::AfterAndMore) {
                continue;
            }
            if best.is_none_or(|(_, b)| next > b) {
                best = Some((Suffix::Fixed(*post), next));
            }
        }
    }
    for a in lex.approximators_starting(cx.s(j), Placement::After) {
        if let Some(next) = a.pattern().matches(cx.text, cx.toks, j) {
            if best.is_none_or(|(_, b)| next > b) {
                best = Some((Suffix::Hedge(a), next));
            }
        }
    }
    best
}

#[derive(Clone, Copy, Debug)]
enum Suffix<'l> {
    Fixed(Post),
    Hedge(&'l Approximator),
}

/// Whether a number starts at `k`.
fn starts_number(cx: &Cx<'_>, k: usize) -> bool {
    cx.is_digits(k)
        || matches!(
            cx.w(k),
            Some(
                W::Unit(_)
                    | W::Teen(_)
                    | W::Tens(_)
                    | W::Zero
                    | W::Hundred(false)
                    | W::Scale(_, false)
            )
        )
}

fn side(b: Bound) -> Option<bool> {
    match b {
        Bound::AtLeast | Bound::MoreThan => Some(true),
        Bound::AtMost | Bound::FewerThan => Some(false),
        _ => None,
    }
}

fn bounded(b: Bound, n: Decimal, tolerance: Tolerance) -> Result<Estimate, Error> {
    match b {
        Bound::AtLeast => Estimate::at_least(n),
        Bound::MoreThan => Estimate::more_than(n),
        Bound::AtMost => Estimate::at_most(n),
        Bound::FewerThan => Estimate::fewer_than(n),
        Bound::About => Estimate::approximately(n, &tolerance),
        Bound::Nearly => Estimate::nearly(n, &tolerance),
    }
}

fn hedged(h: Hedge, n: Decimal, tolerance: Tolerance) -> Result<Estimate, Error> {
    match h {
        Hedge::Nearly => Estimate::nearly(n, &tolerance),
        _ => Estimate::approximately(n, &tolerance),
    }
}

fn reason(e: &Error) -> String {
    e.to_string()
}

/// Reads a figure whose core starts at token `c`, with a prefix found
/// before it (not before `floor`). Running text uses this.
pub(crate) fn figure_at(cx: &Cx<'_>, lex: &Lexicon, floor: usize, c: usize) -> Option<Fig> {
    let (core, rank) = core_at(cx, lex, c, Mode::Text)?;
    let prefix = if matches!(core, Core::Zero(_) | Core::Unknown(_)) {
        None
    } else {
        prefix_before(cx, lex, floor, c)
    };
    if rank && prefix.is_none() && !matches!(core, Core::Range { .. }) {
        return None;
    }
    let fig = build(cx, lex, prefix, c, core, rank).ok()?;
    Some(two_sided(cx, lex, fig, Mode::Text))
}

/// "within a kilometer", "more than an hour": "a" or "an" as one, after a
/// bound (the caller checks that a unit follows).
pub(crate) fn one_at(cx: &Cx<'_>, lex: &Lexicon, floor: usize, c: usize) -> Option<Fig> {
    let (prefix, start) = prefix_before(cx, lex, floor, c)?;
    let mut n = Num::new(Decimal::ONE, c, c + 1, NumKind::Integer);
    n.words = true;
    build(cx, lex, Some((prefix, start)), c, Core::Num(n), false).ok()
}

/// Reads a figure starting at token `s`, prefix first. A whole phrase uses this.
pub(crate) fn figure_from(cx: &Cx<'_>, lex: &Lexicon, s: usize) -> Result<Fig, Fail> {
    let prefix = prefix_at(cx, lex, s, None);
    let c = prefix.map_or(s, |(_, next)| next);
    let Some((core, rank)) = core_at(cx, lex, c, Mode::Phrase) else {
        return Err(match cx.tok(c) {
            Some(_) if prefix.is_some() => fail(c, format!("'{}' is not a number", cx.s(c))),
            Some(_) => fail(
                c,
                format!("'{}' is not a number or a quantity word", cx.s(c)),
            ),
            None => fail(c, "a bound needs a number"),
        });
    };
    let prefix = prefix.map(|(p, _)| (p, s));
    let fig = build(cx, lex, prefix, c, core, rank)?;
    Ok(two_sided(cx, lex, fig, Mode::Phrase))
}

/// Puts prefix, core and suffix together.
fn build(
    cx: &Cx<'_>,
    lex: &Lexicon,
    prefix: Option<(Prefix<'_>, usize)>,
    c: usize,
    core: Core,
    rank: bool,
) -> Result<Fig, Fail> {
    let tol = lex.tolerance();
    let mut first = prefix.map_or(c, |(_, s)| s);
    let mut next = core.next();
    let e = |err: Error| fail(c, reason(&err));
    let (value, shape, low, high, bounded_flag) = match core {
        Core::Zero(_) => (
            Estimate::exact(Decimal::ZERO).map_err(e)?,
            Shape::Zero,
            None,
            None,
            false,
        ),
        Core::Unknown(_) => (Estimate::unknown(), Shape::Unknown, None, None, false),
        Core::Range { low, high, .. } => {
            // Checked whatever the prefix: "more than 200 to 50" is no value.
            let range = Estimate::range(low.value, high.value).map_err(e)?;
            let est = match prefix {
                Some((Prefix::Fixed(Pre::Bound(b)), _)) if side(b).is_some() => {
                    let n = if side(b) == Some(true) {
                        low.value
                    } else {
                        high.value
                    };
                    bounded(b, n, tol).map_err(e)?
                }
                _ => {
                    // An approximation of a range is the range.
                    first = c;
                    range
                }
            };
            let shape = if first == c {
                Shape::Range
            } else {
                Shape::Bounded
            };
            (est, shape, Some(low), Some(high), first != c)
        }
        Core::Vague { term, .. } => {
            let point = term.point();
            // "a dozen or so": an approximator after the word reads as the
            // same approximator before it ("about a dozen").
            let hedge_after = match (&prefix, suffix_at(cx, lex, next)) {
                (None, Some((Suffix::Hedge(a), s_next))) => {
                    next = s_next;
                    Some(a)
                }
                _ => None,
            };
            let est = match prefix {
                None => match hedge_after {
                    Some(a) if a.hedge() != Hedge::About => {
                        hedged(a.hedge(), point, lex.tolerance_of(a)).map_err(e)?
                    }
                    _ => Estimate::vague(term),
                },
                Some((Prefix::Hedge(a), _)) if a.hedge() == Hedge::About => Estimate::vague(term),
                Some((Prefix::Hedge(a), _)) => {
                    hedged(a.hedge(), point, lex.tolerance_of(a)).map_err(e)?
                }
                Some((Prefix::Fixed(Pre::Exactly), _)) => Estimate::vague(term),
                Some((Prefix::Fixed(Pre::Bound(b)), _)) => bounded(b, point, tol).map_err(e)?,
            };
            let shape = if matches!(est.form(), Form::Vague(_)) {
                Shape::Vague
            } else {
                Shape::Bounded
            };
            (
                est,
                shape,
                None,
                None,
                prefix.is_some() || hedge_after.is_some(),
            )
        }
        Core::Num(n) => {
            let mut n = n;
            let readable = matches!(
                n.kind,
                NumKind::Integer | NumKind::Decimal | NumKind::Fraction
            ) || (rank && n.kind == NumKind::Ordinal);
            if !readable {
                return Err(fail(
                    c,
                    match n.kind {
                        NumKind::Ordinal => "an ordinal is not a count".to_owned(),
                        _ => format!("'{}' is not a count", cx.span_text(n.first, n.next)),
                    },
                ));
            }
            if n.negative || n.value.is_sign_negative() && !n.value.is_zero() {
                return Err(fail(c, "counts are never negative"));
            }
            // A restatement in figures: "forty-five (45)".
            if prefix.is_none() {
                if let Some(r) = restated(cx, &n) {
                    next = r;
                    n.next = r;
                }
            }
            let suffix = suffix_at(cx, lex, n.next);
            let est = match (prefix, suffix) {
                (
                    Some((Prefix::Fixed(Pre::Bound(b)), _)),
                    Some((Suffix::Fixed(Post::OrEqual), s_next)),
                ) if matches!(b, Bound::MoreThan | Bound::FewerThan) => {
                    next = s_next;
                    let inclusive = if b == Bound::MoreThan {
                        Bound::AtLeast
                    } else {
                        Bound::AtMost
                    };
                    bounded(inclusive, n.value, tol).map_err(e)?
                }
                (pre, Some((Suffix::Fixed(Post::Bound(b)), s_next)))
                    if matches!(
                        pre,
                        None | Some((Prefix::Hedge(_) | Prefix::Fixed(Pre::Exactly), _))
                    ) =>
                {
                    next = s_next;
                    if matches!(pre, Some((Prefix::Hedge(_), _))) {
                        first = c;
                    }
                    bounded(b, n.value, tol).map_err(e)?
                }
                (None, Some((Suffix::Hedge(a), s_next))) => {
                    next = s_next;
                    hedged(a.hedge(), n.value, lex.tolerance_of(a)).map_err(e)?
                }
                (None, _) => Estimate::exact(n.value).map_err(e)?,
                (Some((Prefix::Fixed(Pre::Exactly), _)), _) => {
                    Estimate::exact(n.value).map_err(e)?
                }
                (Some((Prefix::Fixed(Pre::Bound(b)), _)), _) => {
                    bounded(b, n.value, tol).map_err(e)?
                }
                (Some((Prefix::Hedge(a), _)), _) => {
                    hedged(a.hedge(), n.value, lex.tolerance_of(a)).map_err(e)?
                }
            };
            let plain = first == c && next == n.next && matches!(est.form(), Form::Exact(_));
            let shape = if plain { Shape::Plain } else { Shape::Bounded };
            (est, shape, Some(n), Some(n), !plain)
        }
    };
    Ok(Fig {
        first,
        next,
        value,
        shape,
        low,
        high,
        rank,
        bounded: bounded_flag,
    })
}

/// "forty-five (45)": the token after the closing parenthesis.
fn restated(cx: &Cx<'_>, n: &Num) -> Option<usize> {
    let j = n.next;
    if !cx.is_punct(j, '(') {
        return None;
    }
    let r = numeral::read(cx, j + 1, NUM_OPTS)?;
    if r.value != n.value || r.words == n.words || !cx.is_punct(r.next, ')') {
        return None;
    }
    Some(r.next + 1)
}

/// "more than 10 and fewer than 20": two bounds on opposite sides make a range.
fn two_sided(cx: &Cx<'_>, lex: &Lexicon, fig: Fig, mode: Mode) -> Fig {
    let Some(first_side) = bound_side(&fig) else {
        return fig;
    };
    let mut j = fig.next;
    if cx.is_punct(j, ',') {
        j += 1;
    }
    if cx.is(j, "and") || cx.is(j, "but") {
        j += 1;
    } else if j == fig.next {
        return fig;
    }
    let Some((Prefix::Fixed(Pre::Bound(b)), c)) = prefix_at(cx, lex, j, None) else {
        return fig;
    };
    if side(b) != Some(!first_side) {
        return fig;
    }
    let Some((core, rank)) = core_at(cx, lex, c, mode) else {
        return fig;
    };
    if rank != fig.rank {
        return fig;
    }
    let Ok(second) = build(
        cx,
        lex,
        Some((Prefix::Fixed(Pre::Bound(b)), j)),
        c,
        core,
        rank,
    ) else {
        return fig;
    };
    if bound_side(&second) != Some(!first_side) {
        return fig;
    }
    let (lower, upper) = if first_side {
        (&fig.value, &second.value)
    } else {
        (&second.value, &fig.value)
    };
    let Ok(value) = Estimate::between(lower, upper) else {
        return fig;
    };
    Fig {
        first: fig.first,
        next: second.next,
        value,
        shape: Shape::Range,
        low: fig.low,
        high: second.high,
        rank: fig.rank,
        bounded: true,
    }
}

/// `Some(true)` for a lower bound, `Some(false)` for an upper bound.
fn bound_side(fig: &Fig) -> Option<bool> {
    match fig.value.form() {
        Form::AtLeast(_) | Form::MoreThan(_) => Some(true),
        Form::AtMost(_) | Form::FewerThan(_) => Some(false),
        _ => None,
    }
}
