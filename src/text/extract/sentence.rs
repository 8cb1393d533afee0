//! The sentences of a line, as token ranges: what a mention's speaker is
//! read from ([`speaker`](super::speaker)) and what its quote is
//! ([`Mention::sentence`](super::Mention)).
//!
//! A sentence ends at "!", "?", or a full stop that a space or the line's
//! end follows, unless the stop is an abbreviation's ("U.S.", "acc.",
//! "Dec."). The tokens of citation and editorial markers are dropped before
//! sentences are read, so a stop followed by markers and then a space ends
//! one ("killed.[1] Later", "died.[12][13] Then", "fled.[citation needed]
//! The"). A closing quotation mark right after the stop belongs to the
//! sentence it closes ('… were killed." Later').

use std::ops::Range;

use crate::text::token::{Cx, Kind};

/// Abbreviations whose full stop does not end a sentence, besides the
/// months' ([`Cx::abbreviated_month_at`]).
const ABBREVIATIONS: &[&str] = &[
    "acc", "approx", "brig", "capt", "col", "dr", "gen", "gov", "jr", "lt", "maj", "mr", "mrs",
    "ms", "no", "pres", "rep", "sen", "sgt", "sr", "st", "vs",
];

/// Whether a ";" outside brackets ends a sentence too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Semicolons {
    /// A ";" ends a sentence: the scope of a speaker ("A claimed 14; B
    /// claimed 30").
    End,
    /// A ";" does not: the sentence a mention is quoted in.
    Continue,
}

/// The sentences of the line, as token ranges covering every token in
/// order.
pub(super) fn sentences(cx: &Cx<'_>, semicolons: Semicolons) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, t) in cx.toks.iter().enumerate() {
        if t.kind != Kind::Punct || i < start {
            continue;
        }
        let end = match cx.punct(i) {
            Some('(') => {
                depth += 1;
                None
            }
            Some(')') => {
                depth = depth.saturating_sub(1);
                None
            }
            Some(';') => (semicolons == Semicolons::End && depth == 0).then_some(i + 1),
            Some('.' | '!' | '?') => sentence_end(cx, i),
            _ => None,
        };
        if let Some(next) = end {
            out.push(start..next);
            start = next;
        }
    }
    if start < cx.toks.len() {
        out.push(start..cx.toks.len());
    }
    out
}

/// Whether a space (or the line's end) follows token `i`, markers aside:
/// what is left between two tokens is space, or markers and space
/// ("[1] "), or markers alone ("[1]"), which are not a space.
fn spaced_after(cx: &Cx<'_>, i: usize) -> bool {
    if i + 1 >= cx.toks.len() {
        return true;
    }
    let gap = cx.gap(i + 1);
    !gap.is_empty() && !gap.ends_with([']', '>'])
}

/// The token after the sentence that the mark at `i` ends, if it ends one:
/// "!", "?", or a full stop that is not an abbreviation's and that a space
/// follows, perhaps after a closing quotation mark, which is then the
/// sentence's last token.
fn sentence_end(cx: &Cx<'_>, i: usize) -> Option<usize> {
    match cx.punct(i) {
        Some('!' | '?') => Some(i + 1),
        Some('.') if ends_sentence(cx, i) => Some(i + 1),
        Some('.') => {
            let closing = matches!(cx.punct(i + 1), Some('"' | '”' | '’'))
                && cx.adjacent(i + 1)
                && spaced_after(cx, i + 1)
                && !abbreviation_before(cx, i);
            closing.then_some(i + 2)
        }
        _ => None,
    }
}

/// Whether token `i` is a mark that ends a sentence: "!", "?", or a full
/// stop that is not an abbreviation's and that a space or the line's end
/// follows, markers aside.
pub(super) fn ends_sentence(cx: &Cx<'_>, i: usize) -> bool {
    match cx.punct(i) {
        Some('!' | '?') => true,
        Some('.') => spaced_after(cx, i) && !abbreviation_before(cx, i),
        _ => false,
    }
}

/// Whether the full stop at `i` is an abbreviation's: after one letter
/// ("U.S."), a month's abbreviation ("Aug.") or one of [`ABBREVIATIONS`].
fn abbreviation_before(cx: &Cx<'_>, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    if cx.kind(p) != Some(Kind::Word) || !cx.adjacent(i) {
        return false;
    }
    let w = cx.s(p);
    w.chars().count() == 1
        || cx.abbreviated_month_at(p)
        || ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::markers::drop_markers;
    use crate::text::token::tokenize;

    /// The sentences of `text`, as written.
    fn split(text: &str, semicolons: Semicolons) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        drop_markers(text, &mut toks);
        let cx = Cx { text, toks: &toks };
        sentences(&cx, semicolons)
            .into_iter()
            .map(|s| {
                let (a, b) = cx.span(s.start, s.end);
                &text[a..b]
            })
            .collect()
    }

    #[test]
    fn a_full_stop_and_a_space_end_a_sentence_but_an_abbreviations_does_not() {
        assert_eq!(
            split(
                "U.S. officials said 5 died. Gen. Smith said 1.5 km away! Then?",
                Semicolons::End
            ),
            [
                "U.S. officials said 5 died.",
                "Gen. Smith said 1.5 km away!",
                "Then?"
            ]
        );
        assert_eq!(
            split("Aug. 8 it ended.Then", Semicolons::End),
            ["Aug. 8 it ended.Then"]
        );
    }

    #[test]
    fn citation_markers_after_a_full_stop_do_not_hide_the_end() {
        assert_eq!(
            split(
                "5 were killed.[1] Later 7 died.[12][13] Then 8 fled.[a] Then 9.[citation needed] \
                 Then 10.[note 3] End.<ref>BBC</ref> Last",
                Semicolons::End
            ),
            [
                "5 were killed.",
                "Later 7 died.",
                "Then 8 fled.",
                "Then 9.",
                "Then 10.",
                "End.",
                "Last"
            ]
        );
        // Markers without a space after them are no end.
        assert_eq!(
            split("5 died.[1]Later", Semicolons::End),
            ["5 died.[1]Later"]
        );
    }

    #[test]
    fn a_closing_quotation_mark_ends_the_sentence_it_closes() {
        assert_eq!(
            split(r#""Three were killed." Later 7 died."#, Semicolons::End),
            [r#""Three were killed.""#, "Later 7 died."]
        );
        assert_eq!(
            split("“Three were killed.” Later", Semicolons::End),
            ["“Three were killed.”", "Later"]
        );
    }

    #[test]
    fn a_semicolon_ends_a_speakers_sentence_but_not_a_quotes() {
        let text = "A claimed 14; B claimed 30 (C; D).";
        assert_eq!(
            split(text, Semicolons::End),
            ["A claimed 14;", "B claimed 30 (C; D)."]
        );
        assert_eq!(split(text, Semicolons::Continue), [text]);
    }
}
