//! The noun phrase a figure counts: "Hezbollah fighters", "rebels of the
//! Al-Nusra Front", "Syrian and Hezbollah casualties".

use crate::text::token::Cx;
use crate::text::vocabulary::{Class, Word};

/// A noun phrase: its tokens and its head (the last word before an "of").
#[derive(Clone, Copy, Debug)]
pub(super) struct Np {
    pub(super) first: usize,
    pub(super) next: usize,
    pub(super) head: usize,
}

/// Whether the word names people or what happened to them: a people
/// noun or a measure word ("fighters", "casualties", "killed").
pub(super) fn counts_people(w: &Word) -> bool {
    w.is(Class::People) || w.measure.is_some()
}

/// Whether the word at `i` is a noun that ends a compound of nouns: a noun
/// of people, a measure noun or a group ("rebel fighters", "police officers").
fn is_noun(cx: &Cx<'_>, i: usize) -> bool {
    cx.word(i)
        .is_some_and(|w| w.is(Class::People) || w.is(Class::MeasureNoun) || w.group().is_some())
}

/// A word with hyphenated parts ("al-Nusra", "cease-fire"): the token after it.
pub(super) fn compound_end(cx: &Cx<'_>, i: usize) -> usize {
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

/// Whether the word ends like a verb: "-ed", "-ing".
fn ends_like_verb(s: &str) -> bool {
    let b = s.as_bytes();
    let ends = |e: &[u8]| b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e);
    b.len() > 4 && (ends(b"ed") || ends(b"ing"))
}

/// Whether the word at `i` may stand in a noun phrase.
fn np_word_ok(cx: &Cx<'_>, i: usize) -> bool {
    if !cx.is_wordtok(i) {
        return false;
    }
    let s = cx.s(i);
    if !s.is_ascii() {
        // Non-ASCII words are names.
        return true;
    }
    let word = cx.word(i);
    if word.is_some_and(|w| w.is(Class::Stop) || w.number.is_some()) || cx.month_at(i) {
        return false;
    }
    let followed_by_people = || {
        let n = compound_end(cx, i);
        cx.word(n)
            .is_some_and(|w| w.is(Class::People) || w.group().is_some())
    };
    let people = word.is_some_and(|w| w.is(Class::People));
    let measure = word.is_some_and(|w| w.measure.is_some() && !w.is(Class::MeasureNoun));
    if measure && !people {
        return followed_by_people();
    }
    if ends_like_verb(s) && !people && !cx.is_cap(i) {
        return followed_by_people();
    }
    true
}

/// The noun phrase starting at `p`, if any: "Hezbollah fighters", "rebels of
/// the Al-Nusra Front", "Syrian and Hezbollah casualties".
pub(super) fn noun_phrase(cx: &Cx<'_>, p: usize) -> Option<Np> {
    noun_phrase_inner(cx, p, Nesting::Outer)
}

/// Whether a noun phrase may hold another ("soldiers and Hezbollah members").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Nesting {
    Outer,
    Inner,
}

fn noun_phrase_inner(cx: &Cx<'_>, p: usize, nesting: Nesting) -> Option<Np> {
    let mut k = p;
    let mut head = None;
    let mut next = p;
    let mut words = 0;
    // A noun phrase ends at its head: after "fighters", "remain" is a verb.
    let mut closed = false;
    while words < 8 && cx.is_wordtok(k) {
        if !closed && np_word_ok(cx, k) {
            head = Some(k);
            // "rebel fighters", "police officers": a noun before a noun is a modifier.
            closed = is_noun(cx, k) && !is_noun(cx, compound_end(cx, k));
            k = compound_end(cx, k);
            next = k;
            words += 1;
            continue;
        }
        if nesting == Nesting::Inner || head.is_none() {
            break;
        }
        // "Syrian and Hezbollah casualties", "soldiers and Hezbollah members".
        if cx.is(k, "and") {
            if let Some(np2) = noun_phrase_inner(cx, k + 1, Nesting::Inner) {
                if cx.word(np2.head).is_some_and(counts_people) {
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
            if cx.is_cap(j) {
                if let Some(pp) = noun_phrase_inner(cx, j, Nesting::Inner) {
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
