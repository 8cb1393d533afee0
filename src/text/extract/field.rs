//! Infobox fields: a line that starts with a label and a colon
//! ("- Strength1: 3,000 fighters", "Injuries: Unknown"), whose label says
//! what the figures after it measure.

use crate::Measure;
use crate::text::token::Cx;

/// The measure a label names: "Strength", "Losses", or a measure word
/// ("Killed", "Injuries", "MIA").
pub(super) fn label_measure(cx: &Cx<'_>, i: usize) -> Option<Measure> {
    if cx.is(i, "strength") {
        return Some(Measure::Strength);
    }
    if cx.is(i, "losses") {
        return Some(Measure::Casualties);
    }
    cx.word(i).and_then(|w| w.measure.clone())
}

/// The measure of an infobox field whose line starts at token `from`:
/// "- Strength1: 10,000–11,000 servicemen", "Injuries: Unknown". It is
/// the measure of a figure of the field that says none of its own.
pub(super) fn field_measure(cx: &Cx<'_>, from: usize) -> Option<Measure> {
    let label = field_label(cx, from)?;
    label_measure(cx, label)
}

/// The label of an infobox field at the start of the line (token `from`):
/// an optional "-", "*" or "•", a word, optional digits, and a colon.
pub(crate) fn field_label(cx: &Cx<'_>, from: usize) -> Option<usize> {
    let mut i = from;
    while matches!(cx.punct(i), Some('-' | '*' | '•')) {
        i += 1;
    }
    let label = i;
    if !cx.is_cap(label) {
        return None;
    }
    i += 1;
    if cx.is_digits(i) && cx.adjacent(i) {
        i += 1;
    }
    cx.is_punct(i, ':').then_some(label)
}
