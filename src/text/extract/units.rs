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

/// An area after a number: "square kilometres", "sq km", "sq. mi", "km²",
/// "km2", "m²": a length of kilometres, miles or metres, squared.
pub(super) fn area_unit(cx: &Cx<'_>, i: usize) -> Option<Unit> {
    let prefixed = cx.is(i, "square") || cx.is(i, "sq");
    let k = match (prefixed, cx.is_punct(i + 1, '.')) {
        (true, true) => i + 2,
        (true, false) => i + 1,
        (false, _) => i,
    };
    let squared = prefixed || (cx.adjacent(k + 1) && matches!(cx.s(k + 1), "²" | "2"));
    if !squared {
        return None;
    }
    match cx.word(k)?.unit?.row.unit {
        Unit::Kilometres => Some(Unit::SquareKilometres),
        Unit::Miles => Some(Unit::SquareMiles),
        Unit::Metres => Some(Unit::SquareMetres),
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::model::unit::UNITS;
    use crate::text::extract;
    use crate::{Lexicon, Unit};

    /// The unit of the one mention in `text`, and its low end and openness.
    fn read(text: &str) -> (Unit, Option<Decimal>, bool) {
        let found = extract(text, Lexicon::shared());
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let m = &found[0];
        (m.unit().clone(), m.low(), m.low_open())
    }

    /// Every unit word the reader knows reads as `Unit`'s `FromStr` reads
    /// it, and so counts whole things or is measured alike: after a number,
    /// attached to it, or as the noun counted.
    #[test]
    fn every_unit_word_reads_as_from_str_reads_it() {
        let measured = (Some(Decimal::new(15, 1)), true);
        let whole = (Some(Decimal::TWO), false);
        for row in &UNITS {
            for &word in row.words {
                let unit: Unit = word.parse().unwrap();
                assert_eq!(unit, row.unit, "{word}");
                let mut texts = vec![format!("more than 1.5 {word}")];
                if matches!(word, "$" | "€" | "£") {
                    texts = vec![format!("{word}1.5"), format!("{word} 1.5")];
                } else if word.chars().all(|c| c.is_ascii_alphabetic())
                    && crate::text::vocabulary::lookup(word)
                        .and_then(|w| w.unit)
                        .is_some_and(|u| u.after_a_number.is_some())
                {
                    texts.push(format!("more than 1.5{word}"));
                }
                for text in texts {
                    let (got, low, open) = read(&text);
                    assert_eq!(got, unit, "{text}");
                    assert_eq!(got.counts_whole(), unit.counts_whole(), "{text}");
                    if text.starts_with("more than") && unit != Unit::Share {
                        let want = if unit.counts_whole() { whole } else { measured };
                        assert_eq!((low, open), want, "{text}");
                    }
                }
            }
        }
    }

    #[test]
    fn one_letter_units_read_only_where_they_can() {
        assert_eq!(read("a 10m wall").0, Unit::Metres);
        assert_eq!(read("at 10 m.").0, Unit::Metres);
        assert_eq!(read("3 m people").0, Unit::People);
        assert_eq!(read("after 2h").0, Unit::Hours);
        // Unattached, "h" is the noun counted, read through the same table.
        assert_eq!(read("after 2 h").0, Unit::Hours);
    }
}
