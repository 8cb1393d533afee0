//! The unit of a figure: a unit word after the number ("10 km", "two
//! days", "30 per cent"), attached to it ("10km") or joined by a hyphen
//! ("a 24-hour cease-fire", "a 40-man unit"), a mark ("30 %", "$20"), or
//! the noun counted ("two brigades", "three hills"). Every unit word is
//! read through the model's table of units, as `Unit`'s `FromStr` reads it.

use crate::Unit;
use crate::model::unit::unit_named;
use crate::text::token::Cx;
use crate::text::vocabulary::{Class, Touching, UNIT_MARKS_AFTER, UNIT_MARKS_BEFORE};

/// How a word stands to the number before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum After {
    /// Touching the digits: "10km", "2h".
    Attached,
    /// After a space or a hyphen.
    Spaced,
}

/// A unit word at `i` that is read after a number ("km", "meters",
/// "hours", "per cent"); `after` says whether it touches the digits.
pub(super) fn unit_word(cx: &Cx<'_>, i: usize, after: After) -> Option<Unit> {
    let u = cx.word(i)?.unit?;
    let attached = after == After::Attached;
    let ok = match u.after_a_number? {
        Touching::Either => true,
        Touching::Attached => attached,
        Touching::AttachedOrLast => attached || !cx.is_wordtok(i + 1),
    };
    if !ok || (!u.rest.is_empty() && !cx.is(i + 1, u.rest)) {
        return None;
    }
    Some(u.row.unit.clone())
}

/// A unit after a hyphen: "24-hour", "40-man", "300-strong"; `true` when it
/// also says the figure is a strength.
pub(super) fn hyphen_unit(cx: &Cx<'_>, i: usize) -> Option<(Unit, bool)> {
    if cx.has(i, Class::StrengthSuffix) {
        return Some((Unit::People, true));
    }
    unit_word(cx, i, After::Attached).map(|u| (u, false))
}

/// The unit of "half an hour", "half a day", "a quarter of an hour": "a"
/// or "an" (after "of") and a unit word at `j`, after a fraction.
pub(super) fn unit_after_fraction(cx: &Cx<'_>, j: usize) -> Option<Unit> {
    let j = if cx.is(j, "of") { j + 1 } else { j };
    if cx.is(j, "a") || cx.is(j, "an") {
        unit_word(cx, j + 1, After::Spaced)
    } else {
        unit_word(cx, j, After::Spaced)
    }
}

/// The unit a mark right after a number gives: "30 %", "30%".
pub(super) fn mark_after(cx: &Cx<'_>, j: usize) -> Option<Unit> {
    let c = cx.punct(j).filter(|c| UNIT_MARKS_AFTER.contains(c))?;
    mark_unit(c)
}

/// The unit a mark right before a figure gives: "$20", "€5".
pub(super) fn mark_before(cx: &Cx<'_>, first: usize) -> Option<Unit> {
    let c = cx.punct(first.checked_sub(1)?)?;
    if !UNIT_MARKS_BEFORE.contains(&c) {
        return None;
    }
    mark_unit(c)
}

fn mark_unit(c: char) -> Option<Unit> {
    let mut buf = [0; 4];
    unit_named(c.encode_utf8(&mut buf)).map(|r| r.unit.clone())
}

/// The unit a noun phrase's head counts: a group ("brigades"), people
/// (people nouns, measure words, names), a unit of the table ("feet",
/// "dollars"), or the noun itself ("hills", "cease-fire").
pub(super) fn unit_of_head(cx: &Cx<'_>, head: usize) -> Option<Unit> {
    let s = cx.s(head);
    if !s.is_ascii() {
        return Some(Unit::People);
    }
    let word = cx.word(head);
    if let Some(u) = word.and_then(|w| w.group()) {
        return Some(u.clone());
    }
    let people = word.is_some_and(|w| w.is(Class::People) || w.measure.is_some());
    if people || cx.is_cap(head) {
        return Some(Unit::People);
    }
    if cx.is_punct(head + 1, '-') && cx.adjacent(head + 1) {
        // A compound head ("cease-fire") counts itself.
        let mut end = head + 1;
        while end < head + 16 && cx.adjacent(end) && (cx.is_punct(end, '-') || cx.is_wordtok(end)) {
            end += 1;
        }
        return Some(Unit::Other(cx.span_text(head, end).to_lowercase().into()));
    }
    if let Some(u) = word.and_then(|w| w.unit).filter(|u| u.rest.is_empty()) {
        return Some(u.row.unit.clone());
    }
    Some(Unit::Other(s.to_lowercase().into()))
}
