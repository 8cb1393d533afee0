//! The measure of a figure: what it reports (killed, wounded, captured …),
//! from the unit, the noun phrase, a verb before it, the words after it in
//! its clause, the figure a parenthesis comments on, or a measure word
//! earlier in the sentence (the order is in the [`text`](crate::text) docs).

use crate::text::prose::Shape;
use crate::text::token::Cx;
use crate::text::vocabulary::Class;
use crate::{Measure, Unit};

use super::accept::Found;
use super::field::{field_measure, label_measure};

/// What a figure counts, for finding its measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Counted {
    /// People.
    People,
    /// A share of people: "half of the fighters".
    Share,
    /// Things ("families", "hills"), which take their measure from the
    /// words next to them only.
    Things,
}

/// The measure of `found[k]`.
pub(super) fn measure_of(cx: &Cx<'_>, found: &[Found], k: usize) -> Option<Measure> {
    let f = found.get(k)?;
    let unit = f.unit.clone().unwrap_or(Unit::People);
    let counted = match unit {
        Unit::People => Counted::People,
        Unit::Share => Counted::Share,
        _ => Counted::Things,
    };
    if counted != Counted::Things {
        return measure_of_people(cx, found, k, f, counted)
            .or_else(|| field_measure(cx, 0).filter(|_| counted == Counted::People));
    }
    if let Some(m) = unit.measure() {
        return Some(m);
    }
    if !unit.counts_whole() {
        return None;
    }
    // A count of things: "300 families were killed", "captured two
    // hills" (places are seized, not taken prisoner).
    match measure_of_people(cx, found, k, f, counted)? {
        Measure::Captured => Some(Measure::Other("seized".into())),
        Measure::Strength => None,
        m => Some(m),
    }
}

/// The measure of a count of people or things, or of a share of them,
/// from the words around it.
fn measure_of_people(
    cx: &Cx<'_>,
    found: &[Found],
    k: usize,
    f: &Found,
    counted: Counted,
) -> Option<Measure> {
    // (0) A measure word labelling the figure in a list: "Killed: 169,
    // Wounded: 947", unless a measure word follows it ("Casualties: 366
    // killed").
    let after = f.noun.map_or(f.fig.next, |np| np.next);
    if let Some(label) = f
        .fig
        .first
        .checked_sub(2)
        .filter(|&l| cx.is_punct(l + 1, ':'))
    {
        let followed = cx.word(after).is_some_and(|w| w.measure.is_some());
        if let Some(m) = label_measure(cx, label).filter(|_| !followed) {
            return Some(m);
        }
    }
    // (a) A measure word in the noun phrase.
    if let Some(np) = &f.noun {
        for i in np.first..np.next {
            if let Some(m) = cx.word(i).and_then(|w| w.measure.clone()) {
                return Some(m);
            }
        }
    }
    // (b) A verb right before: "killing 20 rebels", "lost 14 fighters";
    // not the measure word of the figure before ("24 killed 52 wounded").
    let previous_end = k
        .checked_sub(1)
        .and_then(|p| found.get(p))
        .map(|p| p.noun.map_or(p.fig.next, |np| np.next));
    let mut b = f.fig.first;
    for _ in 0..3 {
        let Some(p) = b.checked_sub(1) else { break };
        if previous_end == Some(p) {
            break;
        }
        let Some(w) = cx.word(p) else { break };
        if w.is(Class::Adverb) {
            b = p;
            continue;
        }
        if let Some(m) = w.verb_measure() {
            return Some(m);
        }
        break;
    }
    if counted == Counted::Things {
        // (c) for things: a measure word right after, past auxiliaries
        // ("300 families were killed"), not one further on ("Three outlets
        // reported 12 deaths").
        let mut j = after;
        while cx.has(j, Class::Auxiliary) {
            j += 1;
        }
        return cx.word(j).and_then(|w| w.measure.clone());
    }
    // (c) The first measure word after it in the clause.
    if let Some(m) = measure_after(cx, found, after) {
        return Some(m);
    }
    // (d) Inside a parenthesis: the measure of the figure it comments on.
    if let Some(open) = open_paren_before(cx, f.fig.first) {
        for prev in found[..k].iter().rev().take(40) {
            if prev.fig.next <= open {
                return prev.measure.clone().or_else(|| {
                    measure_after(cx, &[], prev.noun.map_or(prev.fig.next, |np| np.next))
                });
            }
        }
    }
    // (f) A strength: "3,000 fighters", "a 40-man unit"; not "half of the fighters".
    if f.strength {
        return Some(Measure::Strength);
    }
    // "some fighters fled" says nothing of a force's size.
    let indefinite = f.fig.shape == Shape::Vague && f.fig.value.interval().high().is_none();
    if let Some(np) = f
        .noun
        .as_ref()
        .filter(|_| counted != Counted::Share && !indefinite)
    {
        if cx.is(np.head, "fighters") || cx.is(np.head, "fighter") {
            return Some(Measure::Strength);
        }
        // "250 Syrian rebels launched a counter-attack", "3,000 rebels
        // retreated": the people a force action follows are its size.
        let mut j = np.next;
        while cx.has(j, Class::Adverb) || cx.is(j, "then") || cx.is(j, "also") {
            j += 1;
        }
        if cx.has(j, Class::ForceAction) {
            return Some(Measure::Strength);
        }
    }
    // (g) The measure of the figure before, when the verb between them is
    // left out: "the army lost 12 soldiers and the rebels 30".
    if let Some(m) = gapped(cx, found, k) {
        return Some(m);
    }
    // (h) A measure word earlier in the sentence, unless the figure has a
    // verb of its own that says none: "300 died, 5.6 million fled".
    let mut j = after;
    while (cx.has(j, Class::Auxiliary) && !cx.is(j, "been")) || cx.has(j, Class::Adverb) {
        j += 1;
    }
    // "40 left the town", but not "12 were left behind".
    if OWN_VERBS.iter().any(|v| cx.is(j, v)) || (j == after && cx.is(j, "left")) {
        return None;
    }
    measure_before(cx, f.fig.first)
}

/// The measure of the figure before `found[k]` when `found[k]` repeats its
/// clause with the verb left out: "and" or a comma, then one to three words
/// naming who (no verb, no measure word), then the figure, the clause
/// ending there: "lost 12 soldiers and the rebels 30", "lost 50 men, the
/// rebels 120". The figure before must take its measure from a verb right
/// before it.
fn gapped(cx: &Cx<'_>, found: &[Found], k: usize) -> Option<Measure> {
    let f = found.get(k)?;
    let prev = found.get(k.checked_sub(1)?)?;
    let first = f.fig.first;
    let mut p = first.checked_sub(1)?;
    let mut words = 0;
    while cx.is_wordtok(p) && !cx.is(p, "and") && words < 3 {
        let w = cx.word(p);
        if w.is_some_and(|w| w.measure.is_some() || w.verb_measure().is_some()) {
            return None;
        }
        words += 1;
        p = p.checked_sub(1)?;
    }
    let joined = cx.is(p, "and") || cx.is_punct(p, ',');
    let after_prev = prev.noun.map_or(prev.fig.next, |np| np.next);
    let ends = f.noun.map_or(f.fig.next, |np| np.next);
    let clause_ends = cx.is_boundary(ends) || cx.punct(ends).is_some() || ends >= cx.toks.len();
    if words == 0 || !joined || p != after_prev || !clause_ends {
        return None;
    }
    let verb = prev.fig.first.checked_sub(1).and_then(|v| cx.word(v))?;
    verb.verb_measure().and(prev.measure.clone())
}

/// Verbs that, right after a figure, say what it did, and that it was not
/// what a measure word earlier in the sentence counted: the people who fled
/// a battle in which others died were not killed.
///
/// Not "remained", nor "left" after an auxiliary: "of the 300 killed, 40
/// remained unidentified" and "of the 40 taken, 12 were left behind" count
/// some of those the figure before counted.
const OWN_VERBS: &[&str] = &[
    "fled",
    "escaped",
    "returned",
    "arrived",
    "survived",
    "gathered",
    "marched",
    "protested",
    "crossed",
];

/// Whether a figure starts at token `i` (figures are in text order).
fn starts_figure(found: &[Found], i: usize) -> bool {
    found.binary_search_by_key(&i, |f| f.fig.first).is_ok()
}

/// The first measure word from token `from` to the end of the clause.
fn measure_after(cx: &Cx<'_>, found: &[Found], from: usize) -> Option<Measure> {
    let mut k = from;
    let mut depth = 0u32;
    let mut steps = 0;
    while k < cx.toks.len() && steps < 40 {
        steps += 1;
        if cx.is_boundary(k) {
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
            // ", and many civilians were reported dead": a comma and a
            // conjunction before anything but a figure start a new clause
            // (before a figure they close a list: "5 soldiers, and 2
            // civilians were killed").
            if cx.is_punct(k, ',')
                && ["and", "but", "while", "whereas"]
                    .iter()
                    .any(|c| cx.is(k + 1, c))
                && !starts_figure(found, k + 2)
            {
                return None;
            }
            if let Some(w) = cx.word(k) {
                if w.is(Class::ClauseEnd) {
                    return None;
                }
                if w.is(Class::ListStart) {
                    // A parenthetical list: skip to the next comma.
                    while k < cx.toks.len()
                        && !cx.is_punct(k, ',')
                        && !cx.is_boundary(k)
                        && steps < 40
                    {
                        k += 1;
                        steps += 1;
                    }
                    continue;
                }
                if let Some(m) = &w.measure {
                    // A measure word right before another figure is that
                    // figure's, unless it is right after this one ("24
                    // killed 52 wounded").
                    if starts_figure(found, k + 1) && k != from {
                        return None;
                    }
                    // "killed or wounded", "killed or captured": casualties.
                    let other = cx.word(k + 2).and_then(|w| w.measure.as_ref());
                    if cx.is(k + 1, "or") && other.is_some_and(|o| o != m) {
                        return Some(Measure::Casualties);
                    }
                    return Some(m.clone());
                }
            }
            if (cx.is(k, "taken") || cx.is(k, "held")) && cx.is(k + 1, "prisoner") {
                return Some(Measure::Captured);
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
        if cx.is_boundary(k) || cx.is_punct(k, ')') {
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
    while k > 0 && steps < 40 {
        k -= 1;
        steps += 1;
        if cx.is_boundary(k) {
            return None;
        }
        if let Some(w) = cx.word(k) {
            if w.is(Class::Contrast) {
                return None;
            }
            if let Some(m) = &w.measure {
                return Some(m.clone());
            }
        }
    }
    None
}
