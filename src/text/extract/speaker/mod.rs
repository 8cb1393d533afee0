//! Attribution: who the text says stated a figure, and how.
//!
//! Only the figure's own line is read, and inside it the figure's own
//! sentence (an abbreviation's full stop, as in "U.S." or "acc.", does not
//! end one). The forms, tried in this order:
//!
//! 1. A parenthesised source after figures: "857 killed (SLA claims)",
//!    "420 killed (acc. BBC News Ukrainian)". It covers the figures before
//!    it, back to the previous parenthesised source.
//! 2. A source before a colon in a field: "Casualties1: Russian Military
//!    Data: , 400+ killed". It covers the figures after it.
//! 3. "according to X" anywhere in the sentence.
//! 4. A source and a reporting verb closing the sentence: "…, military
//!    officials said."; or after a quotation: "…," said police official
//!    Zafar Khan.", which also covers the quotation that follows it.
//! 5. A source and a reporting verb opening the sentence, covering the
//!    figures after the verb: "Military officials say two …", "The United
//!    States claimed to have killed …", "There are reports that …". A
//!    clause after a comma, and a contrastive clause ("while", "whereas",
//!    "but"), may name its own: "…, while the Local Coordination
//!    Committees gave a figure of 31" gives 31 to them. A contrastive
//!    clause with a subject and a reporting verb that name nobody ("…,
//!    while they said 31 …") gives its figures to nobody; one without a
//!    reporting verb leaves them to the sentence's speaker. A verb may
//!    state the figure through a noun for it: "gave a figure of", "put the
//!    death toll at".
//!
//! A qualifier comes from the verb ("claimed", "confirmed", "estimate";
//! a plain "said" or "reported" with a speaker gives none) or from the
//! figure's own words: "an estimated 70", "were reported wounded",
//! "reportedly".

use std::ops::Range;

use crate::SourceKind;
use crate::model::Qualifier;
use crate::text::token::{Cx, Kind};
use crate::text::vocabulary::Class;

mod kind;

use kind::kind_of;

use super::accept::Found;
use super::sentence::{Semicolons, ends_sentence, sentences};

/// The attribution of one figure: its speaker's tokens and kind, and the
/// qualifier.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Attribution {
    /// The speaker's tokens, `first..next`, and its guessed kind.
    pub(super) speaker: Option<(Range<usize>, SourceKind)>,
    pub(super) qualifier: Option<Qualifier>,
    /// Whether a clause with a reporting verb of its own has the figure,
    /// naming its speaker or nobody ("…, while they said 31 …"): a
    /// speaker of an earlier clause does not cover it.
    scoped: bool,
}

/// Words that may open a sentence before its subject: "However, most
/// sources estimate …".
const OPENERS: &[&str] = &[
    "however",
    "meanwhile",
    "but",
    "and",
    "also",
    "separately",
    "earlier",
    "later",
    "still",
];

/// Words that open a contrastive clause: "…, while the Local
/// Coordination Committees gave a figure of 31", "whereas …", "but …". A
/// clause so opened that has a subject and a reporting verb of its own
/// states its figures for its own subject, not the sentence's.
const CONTRASTS: &[&str] = &["while", "whereas", "but"];

/// Verbs that state a figure through a noun for it ([`FIGURE_NOUNS`]):
/// "gave a figure of 31", "put the toll at 31", "placed the number at".
const FIGURE_VERBS: &[&str] = &[
    "gave", "give", "gives", "giving", "put", "puts", "putting", "placed", "places", "placing",
    "set", "sets", "setting",
];

/// The nouns of a [`FIGURE_VERBS`] verb, before "of", "at" or "as": "a
/// figure of", "the death toll at", "it at".
const FIGURE_NOUNS: &[&str] = &[
    "figure", "figures", "toll", "number", "count", "tally", "total", "estimate", "it",
];

/// Adverbs between a speaker and its verb: "both reported", "also said".
const BETWEEN: &[&str] = &[
    "both",
    "also",
    "later",
    "earlier",
    "initially",
    "first",
    "had",
    "have",
    "has",
];

/// Words that end a speaker's noun phrase from the left: "Witnesses in
/// Somalia's capital say" names the witnesses.
const CUT: &[&str] = &[
    "in", "at", "from", "on", "near", "inside", "outside", "who", "which", "that",
];

/// Words that make a field's label a source: "Ministry data:".
const SOURCE_WORDS: &[&str] = &[
    "data",
    "sources",
    "source",
    "figures",
    "estimate",
    "estimates",
    "ministry",
    "military",
    "government",
    "officials",
    "report",
    "reports",
];

/// Words before a reporting verb that make it passive: "It is estimated
/// that", "were reported".
const AUXILIARIES: &[&str] = &["is", "are", "was", "were", "been", "be"];

/// Words a lowercase speaker may start with: "a rebel commander", "most
/// sources".
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "most", "other", "several", "local", "some", "state",
];

/// Function words that are never a speaker on their own.
const NOT_SPEAKERS: &[&str] = &[
    "it", "he", "she", "they", "we", "i", "you", "this", "that", "there", "which", "who", "one",
    "some", "others", "what",
];

/// Articles, demonstratives, possessives and quantifiers: words that open
/// a noun phrase. A reporting word right after one is a noun or an
/// adjective, not a verb ("an estimated 300", "the reported toll", "a
/// report said"), and a name made of such words alone ("an", "the") names
/// nobody.
const NOUN_OPENERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "some", "most", "other", "several", "many", "each", "every", "any", "all", "no", "such",
];

/// The attribution of each figure of `found`, in order, on the line `cx`.
pub(super) fn attribute(cx: &Cx<'_>, found: &[Found]) -> Vec<Attribution> {
    let mut out = vec![Attribution::default(); found.len()];
    if found.is_empty() {
        return out;
    }
    let figs: Vec<Range<usize>> = found.iter().map(|f| f.fig.first..f.fig.next).collect();
    let sentences = sentences(cx, Semicolons::End);
    for s in &sentences {
        // Figures are in text order: those of the sentence are a run.
        let lo = figs.partition_point(|f| f.start < s.start);
        let hi = figs.partition_point(|f| f.start < s.end);
        if lo == hi {
            // A sentence without figures may still name the speaker of a
            // quotation with figures right after it.
            let next_quoted = matches!(cx.punct(s.end), Some('"' | '“'));
            if next_quoted && figs.get(hi).is_some_and(|f| f.start > s.end) {
                let comma = (s.start..s.end).rev().find(|&j| cx.is_punct(j, ','));
                closing(cx, s, comma, &sentences, &figs, &[], &mut out);
            }
            continue;
        }
        let inside: Vec<usize> = (lo..hi).collect();
        let marks = Marks::of(cx, s);
        closing(
            cx,
            s,
            marks.commas.last().copied(),
            &sentences,
            &figs,
            &inside,
            &mut out,
        );
        if marks.paren {
            parenthesised(cx, s, &figs, &inside, &mut out);
        }
        if let [field, second] = marks.colons[..] {
            field_prefix(cx, s, (field, second), &figs, &inside, &mut out);
        }
        if let Some(at) = marks.according {
            according_to(cx, s, at, &figs, &inside, &mut out);
        }
        opening(cx, s, &marks, &figs, &inside, &mut out);
    }
    let mut last: Option<(Range<usize>, SourceKind)> = None;
    for (names, kind) in out.iter_mut().filter_map(|a| a.speaker.as_mut()) {
        *kind = match &last {
            Some((r, k)) if r == names => *k,
            _ => kind_of(cx.span_text(names.start, names.end)),
        };
        last = Some((names.clone(), *kind));
    }
    for (k, f) in figs.iter().enumerate() {
        if let Some(q) = own_qualifier(cx, f, &sentences) {
            if let Some(a) = out.get_mut(k) {
                a.qualifier = a.qualifier.or(Some(q));
            }
        }
    }
    out
}

/// What one sentence holds that the rules look for, found in one pass so
/// that each rule looks only where it may apply.
#[derive(Default)]
struct Marks {
    /// Whether it has an opening bracket.
    paren: bool,
    /// Its first two colons.
    colons: Vec<usize>,
    /// Its commas, in order.
    commas: Vec<usize>,
    /// Where "according to" starts.
    according: Option<usize>,
    /// Its "and"s, in order.
    conjunctions: Vec<usize>,
    /// Its "while"s, "whereas"es and "but"s that no comma comes right
    /// before (a clause after a comma is read as such), in order.
    contrasts: Vec<usize>,
}

impl Marks {
    fn of(cx: &Cx<'_>, s: &Range<usize>) -> Marks {
        let mut m = Marks::default();
        for j in s.clone() {
            match cx.kind(j) {
                Some(Kind::Punct) => match cx.punct(j) {
                    Some('(') => m.paren = true,
                    Some(':') if m.colons.len() < 2 => m.colons.push(j),
                    Some(',') => m.commas.push(j),
                    _ => {}
                },
                Some(Kind::Word) => match cx.s(j).len() {
                    3 if cx.is(j, "and") => m.conjunctions.push(j),
                    3 | 5 | 7
                        if is_any(cx, j, CONTRASTS)
                            && (j == s.start || !cx.is_punct(j - 1, ',')) =>
                    {
                        m.contrasts.push(j);
                    }
                    9 if m.according.is_none() && cx.is(j, "according") && cx.is(j + 1, "to") => {
                        m.according = Some(j);
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        m
    }
}

/// The reporting verb at `i` ([`Class::Reporting`]), with the qualifier
/// it gives when it has a speaker: "claimed" and "alleged" claim,
/// "confirmed" confirms, "estimate" estimates; "said" and "reported" give
/// none. A capitalised word is a name, not a verb: "The United States";
/// a word after an article or a determiner is a noun or an adjective: "an
/// estimated 300", "a report".
fn verb_at(cx: &Cx<'_>, i: usize) -> Option<Option<Qualifier>> {
    if !cx.has(i, Class::Reporting) || cx.is_cap(i) {
        return None;
    }
    if i.checked_sub(1)
        .is_some_and(|p| is_any(cx, p, NOUN_OPENERS))
    {
        return None;
    }
    let w = cx.s(i);
    let starts = |p: &str| w.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    Some(if starts("claim") || starts("alleg") {
        Some(Qualifier::Claimed)
    } else if starts("confirm") {
        Some(Qualifier::Confirmed)
    } else if starts("estimat") {
        Some(Qualifier::Estimated)
    } else {
        None
    })
}

fn is_any(cx: &Cx<'_>, i: usize, words: &[&str]) -> bool {
    words.iter().any(|w| cx.is(i, w))
}

/// Whether tokens `first..next` may name a speaker: words (and the marks
/// inside names: "U.S.", "LTTE & UNP", "People's"), no figure, not a bare
/// pronoun, and some word that is not a function word: "an" or "the" alone
/// names nobody.
fn speaker_like(cx: &Cx<'_>, first: usize, next: usize, figs: &[Range<usize>]) -> bool {
    if first >= next || next - first > 12 {
        return false;
    }
    // Figures are in text order and do not overlap: only the first that
    // ends after `first` may overlap the name.
    let k = figs.partition_point(|f| f.end <= first);
    if figs.get(k).is_some_and(|f| f.start < next) {
        return false;
    }
    let mut words = 0;
    for i in first..next {
        match cx.kind(i) {
            Some(Kind::Word) => words += 1,
            Some(Kind::Punct) if matches!(cx.punct(i), Some('.' | '&' | '-' | '\'' | '’')) => {}
            _ => return false,
        }
    }
    let content = |i: usize| {
        cx.kind(i) == Some(Kind::Word)
            && !is_any(cx, i, NOUN_OPENERS)
            && !(next - first == 1 && is_any(cx, i, NOT_SPEAKERS))
    };
    words > 0 && (first..next).any(content)
}

fn set(out: &mut [Attribution], k: usize, first: usize, next: usize, q: Option<Qualifier>) {
    if let Some(a) = out.get_mut(k) {
        if a.speaker.is_none() {
            // The kind is guessed once per speaker, at the end of `attribute`.
            a.speaker = Some((first..next, SourceKind::Unspecified));
            a.qualifier = q;
        }
    }
}

/// 1. "(SLA claims)", "(acc. Ukrainian military)", "(regular forces; acc.
///    Russian opposition)": covers the figures back to the previous one.
fn parenthesised(
    cx: &Cx<'_>,
    s: &Range<usize>,
    figs: &[Range<usize>],
    inside: &[usize],
    out: &mut [Attribution],
) {
    let mut from = s.start;
    let mut i = s.start;
    while i < s.end {
        if !cx.is_punct(i, '(') {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..s.end).find(|&j| cx.is_punct(j, ')')) else {
            break;
        };
        // After a ";" inside: "(separatists; acc. Al Jazeera)".
        let mut a = (i + 1..close)
            .rev()
            .find(|&j| cx.is_punct(j, ';'))
            .map_or(i + 1, |j| j + 1);
        let mut b = close;
        let mut q = None;
        let mut named = false;
        if cx.is(a, "acc") {
            a += 1 + usize::from(cx.is_punct(a + 1, '.'));
            named = true;
        } else if cx.is(a, "according") && cx.is(a + 1, "to") {
            a += 2;
            named = true;
        } else if b > a + 1 {
            if let Some(Some(v)) = verb_at(cx, b - 1).filter(|v| v.is_some()) {
                b -= 1;
                q = Some(v);
                named = true;
            }
        }
        if named && speaker_like(cx, a, b, figs) {
            for &k in inside {
                if figs[k].start >= from && figs[k].end <= i {
                    set(out, k, a, b, q);
                }
            }
            from = close + 1;
        }
        i = close + 1;
    }
}

/// 2. "- Casualties1: Russian Military Data: , 400+ killed": a name
///    between a field's colon and a second colon covers what follows.
fn field_prefix(
    cx: &Cx<'_>,
    s: &Range<usize>,
    (field, second): (usize, usize),
    figs: &[Range<usize>],
    inside: &[usize],
    out: &mut [Attribution],
) {
    // The field: an optional "-", one word, an optional number.
    let mut j = s.start + usize::from(cx.is_punct(s.start, '-'));
    if !cx.is_wordtok(j) {
        return;
    }
    j += 1;
    if cx.is_digits(j) {
        j += 1;
    }
    if j != field || !cx.is_cap(field + 1) || !speaker_like(cx, field + 1, second, figs) {
        return;
    }
    // A source, not a label ("Killed:", "Encircled forces:"): a name of
    // two or more capitalised words, or words that name a source.
    let words: Vec<usize> = (field + 1..second).filter(|&w| cx.is_wordtok(w)).collect();
    let title = words.len() >= 2 && words.iter().all(|&w| cx.is_cap(w));
    if !title && !words.iter().any(|&w| is_any(cx, w, SOURCE_WORDS)) {
        return;
    }
    for &k in inside {
        if figs[k].start > second {
            set(out, k, field + 1, second, None);
        }
    }
}

/// The end of a name that starts at `a` and runs to a comma, a stop, a
/// bracket or the sentence's end.
fn name_end(cx: &Cx<'_>, a: usize, end: usize) -> usize {
    (a..end)
        .find(|&j| {
            matches!(
                cx.punct(j),
                Some(',' | ';' | ':' | '(' | ')' | '"' | '“' | '”')
            ) || (cx.is_punct(j, '.') && (j + 1 == end || ends_sentence(cx, j)))
        })
        .unwrap_or(end)
}

/// 3. "according to a police official": the whole sentence.
fn according_to(
    cx: &Cx<'_>,
    s: &Range<usize>,
    at: usize,
    figs: &[Range<usize>],
    inside: &[usize],
    out: &mut [Attribution],
) {
    let a = at + 2;
    let b = name_end(cx, a, s.end);
    if !speaker_like(cx, a, b, figs) {
        return;
    }
    for &k in inside {
        set(out, k, a, b, None);
    }
}

/// Trailing words after a closing verb: "said today", "reported Saturday".
fn trailing_ok(cx: &Cx<'_>, from: usize, end: usize) -> bool {
    (from..end).all(|j| {
        cx.is_punct(j, '.')
            || matches!(cx.punct(j), Some('"' | '”' | '\''))
            || is_any(
                cx,
                j,
                &[
                    "today",
                    "yesterday",
                    "tonight",
                    "on",
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ],
            )
    })
}

/// 4. "…, military officials said." and "…," said police official Zafar Khan.
#[allow(clippy::too_many_arguments)]
fn closing(
    cx: &Cx<'_>,
    s: &Range<usize>,
    last_comma: Option<usize>,
    sentences: &[Range<usize>],
    figs: &[Range<usize>],
    inside: &[usize],
    out: &mut [Attribution],
) {
    let Some(comma) = last_comma else {
        return;
    };
    let mut a = comma + 1;
    // A quotation closing before the comma or after it: ',"' or '",'.
    let quoted = matches!(cx.punct(a), Some('"' | '”'))
        || comma
            .checked_sub(1)
            .is_some_and(|p| matches!(cx.punct(p), Some('"' | '”')));
    if matches!(cx.punct(a), Some('"' | '”')) {
        a += 1;
    }
    // "…," said police official Zafar Khan.
    if let Some(q) = verb_at(cx, a).filter(|_| quoted) {
        let b = name_end(cx, a + 1, s.end);
        if trailing_ok(cx, b, s.end) && speaker_like(cx, a + 1, b, figs) {
            for &k in inside {
                set(out, k, a + 1, b, q);
            }
            // The quotation that goes on right after: '"One of our constables …"'.
            let next = sentences
                .binary_search_by_key(&s.end, |n| n.start)
                .ok()
                .and_then(|n| sentences.get(n));
            if let Some(next) = next.filter(|n| matches!(cx.punct(n.start), Some('"' | '“'))) {
                let lo = figs.partition_point(|f| f.start < next.start);
                let hi = figs.partition_point(|f| f.start < next.end);
                for k in lo..hi {
                    set(out, k, a + 1, b, q);
                }
            }
            return;
        }
    }
    // "…, military officials said."
    let Some(v) = (a..s.end).find(|&j| verb_at(cx, j).is_some()) else {
        return;
    };
    let Some(q) = verb_at(cx, v) else { return };
    if !trailing_ok(cx, v + 1, s.end) || !speaker_like(cx, a, v, figs) {
        return;
    }
    for &k in inside {
        if figs[k].end <= comma {
            set(out, k, a, v, q);
        }
    }
}

/// 5. "Military officials say two …", "Witnesses in Mogadishu say …",
///    "However, most sources estimate …", "There are reports that …".
fn opening(
    cx: &Cx<'_>,
    s: &Range<usize>,
    marks: &Marks,
    figs: &[Range<usize>],
    inside: &[usize],
    out: &mut [Attribution],
) {
    // The sentence's start, each clause after a comma and each contrastive
    // clause: "On 14 June, a rebel commander claimed …", "…, and state TV
    // claimed …", "… 26 dead while the LCC gave a figure of 31".
    // From the last clause back, each speaker covering the figures after
    // its verb up to the first one a later clause has attributed: "A said 5
    // died, while B claimed 7" gives 7 to B.
    let mut starts: Vec<usize> = marks.commas.iter().map(|c| c + 1).collect();
    starts.extend(&marks.contrasts);
    starts.sort_unstable();
    for &a in starts.iter().rev() {
        clause(cx, a, s, figs, inside, out);
    }
    clause(cx, s.start, s, figs, inside, out);
    // Last, a clause joined by "and" without a comma: "… the Qalamoun
    // mountains and state TV claimed …", for figures no clause above has
    // given a speaker.
    for &j in marks.conjunctions.iter().rev() {
        clause(cx, j + 1, s, figs, inside, out);
    }
}

/// The opening rule for the clause that starts at token `a`.
fn clause(
    cx: &Cx<'_>,
    mut a: usize,
    s: &Range<usize>,
    figs: &[Range<usize>],
    inside: &[usize],
    out: &mut [Attribution],
) {
    // Nothing to do without a figure after the clause's start and a
    // reporting verb ("reports" included) before it.
    let Some(&next_fig) = inside.get(inside.partition_point(|&k| figs[k].start < a)) else {
        return;
    };
    let reach = figs[next_fig].start.min(a + 18);
    if !(a..reach).any(|j| cx.has(j, Class::Reporting) || is_any(cx, j, FIGURE_VERBS)) {
        return;
    }
    // A list item's dash, a quotation mark, an opener and its comma.
    while matches!(cx.punct(a), Some('-' | '–' | '—' | '"' | '“')) {
        a += 1;
    }
    let contrast = is_any(cx, a, CONTRASTS);
    if is_any(cx, a, OPENERS) || contrast {
        a += 1 + usize::from(cx.is_punct(a + 1, ','));
    }
    // "There are (also) reports that …".
    if cx.is(a, "there") && (cx.is(a + 1, "are") || cx.is(a + 1, "were")) {
        let r = a + 2 + usize::from(cx.is(a + 2, "also"));
        if cx.is(r, "reports") || cx.is(r, "report") {
            cover(
                Some(r..r + 1),
                r,
                figs,
                inside,
                out,
                Some(Qualifier::Reportedly),
            );
        }
        return;
    }
    let first_fig = inside
        .get(inside.partition_point(|&k| figs[k].start < a))
        .map_or(s.end, |&k| figs[k].start);
    let window = (a + 1..first_fig.min(a + 14)).take_while(|&j| !cx.is_punct(j, ','));
    let Some(v) = window.into_iter().find(|&j| reporting_at(cx, j).is_some()) else {
        return;
    };
    let Some(q) = reporting_at(cx, v) else { return };
    // "It is estimated that …": a qualifier, and nobody named; in a
    // contrastive clause ("…, while it was estimated that 31 …"), nobody
    // for its figures.
    if is_any(cx, v - 1, AUXILIARIES) {
        if contrast && v - 1 > a {
            cover(None, v, figs, inside, out, None);
        }
        let q = if cx.is(v, "reported") {
            Some(Qualifier::Reportedly)
        } else {
            q
        };
        let from = inside.partition_point(|&k| figs[k].start <= v);
        for &k in inside.get(from..).unwrap_or(&[]) {
            match out.get_mut(k) {
                Some(at) if at.qualifier.is_none() => at.qualifier = q,
                _ => break,
            }
        }
        return;
    }
    let mut b = v;
    while b > a && is_any(cx, b - 1, BETWEEN) {
        b -= 1;
    }
    if let Some(cut) = (a + 1..b).find(|&j| is_any(cx, j, CUT)) {
        b = cut;
    }
    // A subject starts with a capital or a determiner: "most sources".
    let named = (cx.is_cap(a) || is_any(cx, a, DETERMINERS)) && speaker_like(cx, a, b, figs);
    if named {
        cover(Some(a..b), v, figs, inside, out, q);
    } else if contrast && b > a {
        // "…, while they said 31 …": a subject of its own that names
        // nobody; without one ("… but later said 31") the clause shares the
        // sentence's.
        cover(None, v, figs, inside, out, q);
    }
}

/// The reporting verb at `i` ([`verb_at`]), or a verb that states a figure
/// through a noun for it ([`figure_verb_at`]).
fn reporting_at(cx: &Cx<'_>, i: usize) -> Option<Option<Qualifier>> {
    verb_at(cx, i).or_else(|| figure_verb_at(cx, i))
}

/// A verb of [`FIGURE_VERBS`] at `i` whose noun of [`FIGURE_NOUNS`] comes
/// within four words, before "of", "at" or "as": "gave a figure of", "put
/// the death toll at", "put it at". "an estimate" gives an estimate; the
/// others give no qualifier.
fn figure_verb_at(cx: &Cx<'_>, i: usize) -> Option<Option<Qualifier>> {
    if !is_any(cx, i, FIGURE_VERBS)
        || cx.is_cap(i)
        || i.checked_sub(1)
            .is_some_and(|p| is_any(cx, p, NOUN_OPENERS))
    {
        return None;
    }
    let noun = (i + 1..i + 5)
        .take_while(|&j| cx.is_wordtok(j))
        .find(|&j| is_any(cx, j, FIGURE_NOUNS))?;
    if !is_any(cx, noun + 1, &["of", "at", "as"]) {
        return None;
    }
    Some(cx.is(noun, "estimate").then_some(Qualifier::Estimated))
}

/// Gives the speaker `names` (or, with `None`, nobody) to the figures of
/// `inside` after token `v`, up to the first that a clause has already
/// attributed; the figures are then the clause's ([`Attribution::scoped`]).
/// A qualifier goes with a speaker; without one, to a figure that has none.
fn cover(
    names: Option<Range<usize>>,
    v: usize,
    figs: &[Range<usize>],
    inside: &[usize],
    out: &mut [Attribution],
    q: Option<Qualifier>,
) {
    let from = inside.partition_point(|&k| figs[k].start <= v);
    for &k in inside.get(from..).unwrap_or(&[]) {
        let Some(at) = out.get_mut(k) else { break };
        if at.speaker.is_some() || at.scoped {
            break;
        }
        match &names {
            Some(n) => set(out, k, n.start, n.end, q),
            None => at.qualifier = at.qualifier.or(q),
        }
        if let Some(at) = out.get_mut(k) {
            at.scoped = true;
        }
    }
}

/// A qualifier in the figure's own words: "an estimated 70", "six soldiers
/// were reported wounded", "reportedly".
fn own_qualifier(cx: &Cx<'_>, f: &Range<usize>, sentences: &[Range<usize>]) -> Option<Qualifier> {
    let s = sentences.get(sentences.partition_point(|s| s.end <= f.start))?;
    // "an estimated 70" (the hedge may be read into the figure), "269
    // confirmed killed".
    let before = f.start.saturating_sub(2)..f.end;
    if before.clone().any(|j| cx.is(j, "estimated")) {
        return Some(Qualifier::Estimated);
    }
    if before.clone().any(|j| cx.is(j, "reportedly")) {
        return Some(Qualifier::Reportedly);
    }
    if cx.is(f.end, "confirmed") {
        return Some(Qualifier::Confirmed);
    }
    // "were reported wounded" after the figure, before the next comma and
    // within a few words, so that each figure looks at a bounded number of
    // tokens.
    let near = s.end.min(f.end + 8);
    let end = (f.end..near).find(|&j| cx.is_punct(j, ',')).unwrap_or(near);
    let after_auxiliary = |j: usize| {
        (1..=2).any(|back| {
            j.checked_sub(back)
                .is_some_and(|p| is_any(cx, p, AUXILIARIES))
        })
    };
    (f.end..end).find_map(|j| {
        if cx.is(j, "reportedly") || (cx.is(j, "reported") && after_auxiliary(j)) {
            Some(Qualifier::Reportedly)
        } else if cx.is(j, "confirmed") && after_auxiliary(j) {
            Some(Qualifier::Confirmed)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests;
