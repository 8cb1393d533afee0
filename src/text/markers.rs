//! Citation and editorial markers: `[12]`, `[3][4][5]`, `[note 2]`, `[a]`,
//! `[*]`, `[update]`, `[citation needed]`, `<ref>…</ref>`, `<ref name="x"/>`,
//! and superscript notes, `<sup>3</sup>`, `<sup>[a]</sup>`.
//! They are notes on the text, not part of it: [`drop_markers`] takes their
//! tokens out before figures are read, so that a marker is never read as a
//! figure and a figure it stands beside reads as if it were not there
//! ("163[15]–900 technicals" is one range). A marker's text stays inside a
//! figure's span when it stands between the figure's words.
//!
//! Only what reads as a marker goes: a bracket holding anything else (a
//! gloss, "chaddor [cloak]", or an insertion in a quote, "[the rebels]") is
//! kept.
//!
//! The tags of HTML markup pasted with a figure go too, and what they
//! enclose stays: `<b>1,500</b> killed`, `1,200<br>1,500`, `<a href="…">40
//! soldiers</a>`. Their `>` is not "more than", and the numbers of their
//! attributes (`<img width="300">`) are not figures.

use crate::text::token::{Kind, Token, text_of};

/// The most tokens read inside one bracket before it is taken for
/// ordinary text.
const MAX_BRACKET: usize = 12;

/// The most tokens read for the tag of a `<ref …>`.
const MAX_TAG: usize = 32;

/// Words an editorial marker starts with: `[note 2]`, `[nb 1]`,
/// `[update]`, `[citation needed]`, `[clarification needed]`, `[who?]`,
/// `[according to whom?]`, `[page needed]`, `[sic]`, `[dubious – discuss]`.
const EDITORIAL: &[&str] = &[
    "according",
    "attribution",
    "better",
    "citation",
    "clarification",
    "dead",
    "disputed",
    "dubious",
    "failed",
    "full",
    "how",
    "irrelevant",
    "lower",
    "n",
    "nb",
    "needs",
    "note",
    "notes",
    "not",
    "obsolete",
    "original",
    "page",
    "pages",
    "permanent",
    "quantify",
    "ref",
    "sic",
    "specify",
    "unreliable",
    "update",
    "updated",
    "upper",
    "vague",
    "verification",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "why",
];

/// Of [`EDITORIAL`], the markers that may number a note: `[note 2]`,
/// `[nb 1]`, `[n 3]`, `[lower-alpha 1]`, `[page 12]`, `[update 2]`. The
/// others hold no digits, so that a bracket with a count in it is kept.
const NUMBERED: &[&str] = &[
    "lower", "n", "nb", "note", "notes", "page", "pages", "ref", "update", "updated", "upper",
];

/// The HTML tags that go (see the module docs), opening, closing or
/// closing themselves. Others (`<reference>`) are kept as text.
const HTML_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "font",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "s",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
];

/// Takes every citation and editorial marker out of `toks`, the tokens of
/// `text`, keeping the others in order. One pass: each bracket is looked
/// into at most [`MAX_BRACKET`] tokens deep, and the closing `</ref>` is
/// searched for with a cursor that only moves forward.
pub(crate) fn drop_markers(text: &str, toks: &mut Vec<Token>) {
    let s = |t: &Token| text_of(text, t);
    // The last search for a `</ref>`: where it started, and the index just
    // past the one it found (`None`: there is none after that start).
    let mut close: Option<(usize, Option<usize>)> = None;
    let mut read = 0;
    let mut write = 0;
    while read < toks.len() {
        let skip = match toks.get(read).map(|t| (t.kind, s(t))) {
            Some((Kind::Punct, "[")) => bracket(text, toks, read),
            Some((Kind::Punct, "<")) => {
                if let Some(end) = closing_ref(text, toks, read)
                    .or_else(|| closing_tag(text, toks, read, "sup"))
                    .or_else(|| superscript(text, toks, read))
                {
                    Some(end)
                } else if let Some((tag_end, self_closing)) = opening_ref(text, toks, read) {
                    if self_closing {
                        Some(tag_end)
                    } else {
                        let ahead = match close {
                            // The last search found a `</ref>` after this tag.
                            Some((_, Some(end))) if end >= tag_end + 4 => Some(end),
                            // The last search, from before this tag, found none.
                            Some((from, None)) if from <= tag_end => None,
                            _ => {
                                let end = next_closing_ref(text, toks, tag_end);
                                close = Some((tag_end, end));
                                end
                            }
                        };
                        // No `</ref>` ahead: the tag alone is the marker.
                        Some(ahead.unwrap_or(tag_end))
                    }
                } else {
                    html_tag(text, toks, read)
                }
            }
            _ => None,
        };
        match skip {
            Some(next) if next > read => read = next,
            _ => {
                if let Some(&t) = toks.get(read) {
                    if let Some(slot) = toks.get_mut(write) {
                        *slot = t;
                    }
                }
                write += 1;
                read += 1;
            }
        }
    }
    toks.truncate(write);
}

/// The index just past the marker that the `[` at `open` starts, if it is one.
fn bracket(text: &str, toks: &[Token], open: usize) -> Option<usize> {
    let s = |t: &Token| text_of(text, t);
    let rest = toks.get(open + 1..)?;
    let len = rest
        .iter()
        .take(MAX_BRACKET + 1)
        .position(|t| t.kind == Kind::Punct && matches!(s(t), "]" | "["))?;
    let inner = rest.get(..len)?;
    let closed = rest.get(len).is_some_and(|t| s(t) == "]");
    (closed && is_marker(text, inner)).then_some(open + len + 2)
}

/// Whether the tokens inside a bracket make a marker.
fn is_marker(text: &str, inner: &[Token]) -> bool {
    let s = |t: &Token| text_of(text, t);
    let Some(first) = inner.first() else {
        return false;
    };
    // [12], [12, 13], [12–14]
    let numbers = inner.len() % 2 == 1
        && inner.iter().enumerate().all(|(k, t)| {
            if k % 2 == 0 {
                t.kind == Kind::Digits
            } else {
                matches!(s(t), "," | "–" | "-")
            }
        });
    // [*], [**], [†]
    let stars = inner.iter().all(|t| matches!(s(t), "*" | "†" | "‡"));
    // [a], [b]: a lettered note.
    let letter = inner.len() == 1
        && first.kind == Kind::Word
        && s(first).chars().count() == 1
        && s(first).chars().all(|c| c.is_ascii_lowercase());
    numbers || stars || letter || editorial(text, first, &inner[1..])
}

/// Whether `first` and `rest` read as an editorial marker: a word of
/// [`EDITORIAL`] then words, and only a [`NUMBERED`] one with digits.
fn editorial(text: &str, first: &Token, rest: &[Token]) -> bool {
    let s = |t: &Token| text_of(text, t);
    if first.kind != Kind::Word {
        return false;
    }
    let head = s(first).to_ascii_lowercase();
    if !EDITORIAL.contains(&head.as_str()) {
        return false;
    }
    let numbered = NUMBERED.contains(&head.as_str());
    rest.iter().all(|t| match t.kind {
        Kind::Word => true,
        Kind::Digits => numbered,
        Kind::Punct => matches!(s(t), "?" | "-" | "–" | "—" | ":" | "," | "'" | "’"),
    })
}

/// Whether tokens `i`, `i + 1` are `<` (or `/`) and the word `tag` joined
/// to it.
fn tag_word_at(text: &str, toks: &[Token], i: usize, tag: &str) -> bool {
    let (Some(a), Some(b)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    a.end == b.start
        && b.kind == Kind::Word
        && text
            .get(b.start..b.end)
            .is_some_and(|w| w.eq_ignore_ascii_case(tag))
}

/// The index just past a `<ref …>` tag starting at `i`, and whether it
/// closes itself (`<ref name="x" />`).
fn opening_ref(text: &str, toks: &[Token], i: usize) -> Option<(usize, bool)> {
    opening_tag(text, toks, i, "ref")
}

/// The index just past a `<tag …>` starting at `i`, and whether it closes
/// itself (`<tag … />`).
fn opening_tag(text: &str, toks: &[Token], i: usize, tag: &str) -> Option<(usize, bool)> {
    if !tag_word_at(text, toks, i, tag) {
        return None;
    }
    let s = |t: &Token| text_of(text, t);
    let from = i + 2;
    let rest = toks.get(from..)?;
    // "<ref>", or "<ref name=…>": not "<reference" (another word).
    let k = rest
        .iter()
        .take(MAX_TAG)
        .position(|t| t.kind == Kind::Punct && matches!(s(t), ">" | "<"))?;
    if rest.get(k).is_some_and(|t| s(t) == "<") {
        return None;
    }
    let self_closing = k > 0 && rest.get(k - 1).is_some_and(|t| s(t) == "/");
    Some((from + k + 1, self_closing))
}

/// The index just past a tag of [`HTML_TAGS`] starting at `i`: `<b>`,
/// `</b>`, `<br/>`, `<a href="…">`.
fn html_tag(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let closing = toks.get(i + 1).is_some_and(|t| text_of(text, t) == "/");
    let name = if closing { i + 1 } else { i };
    let tag = HTML_TAGS
        .iter()
        .find(|tag| tag_word_at(text, toks, name, tag))?;
    let (end, _) = opening_tag(text, toks, name, tag)?;
    // What stands between the name and the `>` is nothing, a `/`, or
    // attributes (`href="…"`): "<b and 4 > 3" is no tag.
    let between = toks.get(name + 2..end - 1)?;
    let plain = between.iter().all(|t| text_of(text, t) == "/");
    (plain || between.iter().any(|t| text_of(text, t) == "=")).then_some(end)
}

/// The index just past a `</ref>` starting at `i`.
fn closing_ref(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    closing_tag(text, toks, i, "ref")
}

/// The index just past a `</tag>` starting at `i`.
fn closing_tag(text: &str, toks: &[Token], i: usize, tag: &str) -> Option<usize> {
    let s = |j: usize| toks.get(j).map_or("", |t| text_of(text, t));
    (s(i) == "<" && s(i + 1) == "/" && tag_word_at(text, toks, i + 1, tag) && s(i + 3) == ">")
        .then_some(i + 4)
}

/// The index just past what a `<sup>` at `i` starts, when its text is a
/// note: `<sup>3</sup>`, `<sup>[3]</sup>`, `<sup>a</sup>`,
/// `<sup>citation needed</sup>` go whole. A superscript that is not a note
/// (`10<sup>6</sup>`, digits right after digits) loses only its tags.
fn superscript(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let (tag_end, self_closing) = opening_tag(text, toks, i, "sup")?;
    if self_closing {
        return Some(tag_end);
    }
    let rest = toks.get(tag_end..)?;
    let Some(len) = (0..=MAX_BRACKET.min(rest.len()))
        .find(|&k| closing_tag(text, toks, tag_end + k, "sup").is_some())
    else {
        return Some(tag_end);
    };
    let inner = rest.get(..len)?;
    let bracketed = inner.first().is_some_and(|t| text_of(text, t) == "[")
        && bracket(text, toks, tag_end) == Some(tag_end + len);
    let after_digits = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .zip(toks.get(i))
        .is_some_and(|(p, lt)| p.kind == Kind::Digits && p.end == lt.start);
    let exponent = after_digits && inner.iter().all(|t| t.kind == Kind::Digits);
    if bracketed || (!exponent && is_marker(text, inner)) {
        Some(tag_end + len + 4)
    } else {
        Some(tag_end)
    }
}

/// The index just past the first `</ref>` at or after `from`.
fn next_closing_ref(text: &str, toks: &[Token], from: usize) -> Option<usize> {
    (from..toks.len()).find_map(|i| closing_ref(text, toks, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    /// The text of the tokens left, joined by spaces.
    fn left(text: &str) -> String {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        drop_markers(text, &mut toks);
        toks.iter()
            .map(|t| text_of(text, t))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn citation_markers_are_dropped() {
        assert_eq!(left("185 killed[23]"), "185 killed");
        assert_eq!(left("killed.[3][4][5] Then"), "killed . Then");
        assert_eq!(
            left("185 killed[*][23] 81 missing[***]"),
            "185 killed 81 missing"
        );
        assert_eq!(left("163[15]–900 technicals"), "163 – 900 technicals");
        assert_eq!(left("as reported[12, 13] and[2–4]"), "as reported and");
        assert_eq!(left("a note[a] here"), "a note here");
    }

    #[test]
    fn editorial_markers_are_dropped() {
        assert_eq!(left("12 dead[note 2] and"), "12 dead and");
        assert_eq!(left("12 dead[Note 2]"), "12 dead");
        assert_eq!(left("30 killed[update] in"), "30 killed in");
        assert_eq!(left("30 killed[citation needed]."), "30 killed .");
        assert_eq!(left("30 killed[according to whom?]"), "30 killed");
        assert_eq!(left("30 killed[dubious – discuss]"), "30 killed");
    }

    #[test]
    fn ref_tags_and_their_contents_are_dropped() {
        assert_eq!(
            left("30 killed<ref>BBC, 12 May 2014, p. 4</ref> and 5 wounded"),
            "30 killed and 5 wounded"
        );
        assert_eq!(
            left(r#"30 killed<ref name="bbc">BBC 2014</ref><ref name="x" /> 4"#),
            "30 killed 4"
        );
        assert_eq!(left("30 killed<ref name=a/>, 4"), "30 killed , 4");
        // An unclosed tag goes alone; a stray closing tag goes too.
        assert_eq!(left("30 killed<ref> and 4</ref"), "30 killed and 4 < / ref");
        assert_eq!(left("30 killed</ref> 4"), "30 killed 4");
    }

    #[test]
    fn superscript_notes_are_dropped_and_other_superscripts_lose_their_tags() {
        assert_eq!(left("12 soldiers<sup>3</sup> and 4"), "12 soldiers and 4");
        assert_eq!(left("12 soldiers<sup>[3]</sup> and 4"), "12 soldiers and 4");
        assert_eq!(
            left(r#"12 soldiers<sup class="reference">a</sup>, 4"#),
            "12 soldiers , 4"
        );
        assert_eq!(left("killed 40<sup>[12]</sup> people"), "killed 40 people");
        assert_eq!(left("30 dead<sup>citation needed</sup>"), "30 dead");
        // An exponent is not a note, nor a word; their tags still go.
        assert_eq!(left("10<sup>6</sup> cells"), "10 6 cells");
        assert_eq!(left("the 1<sup>st</sup> day"), "the 1 st day");
        assert_eq!(left("12 soldiers<sup>3"), "12 soldiers 3");
    }

    #[test]
    fn html_tags_go_and_what_they_enclose_stays() {
        assert_eq!(left("Killed: 1200<br>1500"), "Killed : 1200 1500");
        assert_eq!(left("1200<br/>1500 and<HR>4"), "1200 1500 and 4");
        assert_eq!(left("<b>1500</b> killed"), "1500 killed");
        assert_eq!(left(r#"<a href="x?id=3">40 soldiers</a>"#), "40 soldiers");
        assert_eq!(left(r#"<img width="300" height="200"> 5"#), "5");
        // Not a tag: a comparison, another word, a tag left open.
        assert_eq!(left("x <b and 4 > 3"), "x < b and 4 > 3");
        assert_eq!(left("<bold>4"), "< bold > 4");
    }

    #[test]
    fn brackets_that_are_not_markers_are_kept() {
        assert_eq!(left("a chaddor [cloak] and"), "a chaddor [ cloak ] and");
        assert_eq!(left("[the rebels] lost 30"), "[ the rebels ] lost 30");
        assert_eq!(left("[citation 30 killed]"), "[ citation 30 killed ]");
        assert_eq!(left("[12"), "[ 12");
        assert_eq!(left("[]"), "[ ]");
        assert_eq!(
            left("x < 30 and <reference> 4"),
            "x < 30 and < reference > 4"
        );
    }
}
