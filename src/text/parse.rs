//! Reading one phrase ([`phrase`]) or one number ([`number`]) as a whole,
//! and every number in running text ([`numerals`]); `FromStr` and
//! `Deserialize` for [`Estimate`] read through [`phrase`]. How phrases read
//! is described in the [`text`](crate::text) module docs.

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::clip;
use crate::text::grammar;
use crate::text::markers::drop_markers;
use crate::text::numeral;
use crate::text::numeral::{NumKind, Opts};
use crate::text::prose;
use crate::text::token::{Cx, Token, tokenize};
use crate::text::vocabulary::{Class, W};
use crate::{Error, Estimate, Lexicon};

/// Reads one phrase ("more than 100", "50–170", "dozens", "two or three
/// hundred") as an [`Estimate`], with the vague words, approximators and
/// tolerance of `lexicon`. Everything the value grammar reads (see
/// [`Estimate`]) reads here too. A trailing "of" is allowed ("a couple of"),
/// and citation and editorial markers are left out, as in running text
/// (`50–170[12]`, `200[citation needed]`: see [`extract`](crate::text::extract)).
///
/// ```
/// use reckon::model::Form;
/// use reckon::Lexicon;
/// use reckon::text;
///
/// let lex = Lexicon::shared();
/// assert_eq!(text::phrase("approximately 1,000", lex)?.interval().to_string(), "[900, 1100]");
/// assert_eq!(text::phrase("more than a hundred", lex)?.interval().to_string(), "[101, ∞)");
/// assert_eq!(text::phrase("two to three hundred", lex)?.interval().to_string(), "[200, 300]");
/// assert_eq!(text::phrase("one hundred and five", lex)?.to_string(), "105");
/// assert_eq!(text::phrase("30 or more", lex)?.to_string(), "30+");
/// assert_eq!(text::phrase("more than a dozen", lex)?.interval().to_string(), "[13, ∞)");
/// assert!(matches!(text::phrase("several hundred", lex)?.form(), Form::Vague(_)));
/// assert_eq!(text::phrase("none", lex)?.to_string(), "0");
/// assert_eq!(text::phrase("50–170[12]", lex)?.to_string(), "50–170");
/// assert_eq!(text::phrase("dozens[citation needed]", lex)?.to_string(), "dozens");
/// # Ok::<(), reckon::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::Value`](crate::error::ErrorKind::Value) naming the phrase, what could not be read and at which
/// byte: `'more than a dozzen' is not a value: 'a' is not a number, at byte 10`.
pub fn phrase(text: &str, lexicon: &Lexicon) -> Result<Estimate, Error> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::value(text, "the text is empty"));
    }
    if let Some(e) = grammar::no_figure(t) {
        return Err(e);
    }
    let offset = t.as_ptr() as usize - text.as_ptr() as usize;
    let compact_first = !t.starts_with(char::is_alphabetic);
    if compact_first {
        // The value grammar is exact and fast for what starts with a digit or a mark.
        if let Ok(e) = grammar::read(text, lexicon) {
            return Ok(e);
        }
    }
    let mut toks = Vec::new();
    tokenize(t, &mut toks);
    let Some(unmarked) = without_markers(t, &toks) else {
        return tokens(text, t, offset, &toks, compact_first, lexicon);
    };
    // A value copied from a web page keeps its notes: "50–170[12]",
    // "200[citation needed]". What is left is read as written, once: the
    // notes are not looked for again.
    let unmarked = unmarked.map_err(|reason| Error::value(text, reason))?;
    let u = unmarked.trim();
    if u.is_empty() {
        return Err(Error::value(
            text,
            "the text is only what reads as citation markers ([12], <ref>…</ref>)",
        ));
    }
    let read = match grammar::read(u, lexicon) {
        Ok(e) => Ok(e),
        Err(_) => {
            toks.clear();
            tokenize(u, &mut toks);
            let compact_first = !u.starts_with(char::is_alphabetic);
            tokens(u, u, 0, &toks, compact_first, lexicon)
        }
    };
    read.map_err(|e| {
        let reason = e.reason().map_or_else(|| e.to_string(), str::to_owned);
        let shown = clip(u);
        Error::value(
            text,
            format!(
                "without its citation markers ('{shown}'): {}",
                reason.replace(u, &shown)
            ),
        )
    })
}

/// `text` (trimmed, `t`, from byte `offset`) read from its tokens, once the
/// value grammar has not read it from the start.
fn tokens(
    text: &str,
    t: &str,
    offset: usize,
    toks: &[Token],
    compact_first: bool,
    lexicon: &Lexicon,
) -> Result<Estimate, Error> {
    let cx = Cx { text: t, toks };
    if compact_first && negative(&cx) {
        return Err(Error::value(text, NEGATIVE));
    }
    match whole_figure(&cx, lexicon) {
        Ok(e) => Ok(e.with_text(t)),
        Err(fail) => {
            if !compact_first {
                if let Ok(e) = grammar::read(text, lexicon) {
                    return Ok(e);
                }
                if negative(&cx) {
                    return Err(Error::value(text, NEGATIVE));
                }
            } else if !t.contains(char::is_alphabetic) {
                // A value written in figures and marks: the value grammar's reason.
                return grammar::read(text, lexicon);
            }
            let at = cx.span(fail.at, fail.at + 1).0;
            Err(Error::value(
                text,
                format!("{}, at byte {}", fail.reason, offset + at),
            ))
        }
    }
}

/// `t` without the citation and editorial markers among its tokens `toks`
/// (each run of a marker's tokens, from its first byte to its last, made
/// one space); `None` when it has none. An error when a marker stands
/// between two numbers ("200<sup>3</sup>", "1[1]000"): without it they
/// would read as one.
fn without_markers(t: &str, toks: &[Token]) -> Option<Result<String, String>> {
    // Every marker opens with a bracket or a tag, or an entity for one.
    if !t.contains(['[', '<', '&']) {
        return None;
    }
    let mut kept = toks.to_vec();
    drop_markers(t, &mut kept);
    if kept.len() == toks.len() {
        return None;
    }
    let text = |tok: &Token| t.get(tok.start..tok.end).unwrap_or_default();
    let mut out = String::with_capacity(t.len());
    let mut from = 0;
    let mut kept = kept.iter().peekable();
    let mut cut: Option<(usize, usize)> = None;
    let mut before: Option<&Token> = None;
    for tok in toks {
        if kept.peek().is_some_and(|k| k.start == tok.start) {
            kept.next();
            if let Some((a, b)) = cut.take() {
                if let Some(prev) = before {
                    let (p, n) = (text(prev), text(tok));
                    if p.ends_with(|c: char| c.is_ascii_digit())
                        && n.starts_with(|c: char| c.is_ascii_digit())
                    {
                        return Some(Err(format!(
                            "a citation marker or a tag stands between two numbers, '{}' and '{}'",
                            clip(p),
                            clip(n)
                        )));
                    }
                }
                out.push_str(t.get(from..a).unwrap_or_default());
                out.push(' ');
                from = b;
            }
            before = Some(tok);
        } else {
            cut = Some(cut.map_or((tok.start, tok.end), |(a, _)| (a, tok.end)));
        }
    }
    if let Some((a, b)) = cut {
        out.push_str(t.get(from..a).unwrap_or_default());
        from = b;
    }
    out.push_str(t.get(from..).unwrap_or_default());
    Some(Ok(out))
}

const NEGATIVE: &str = "counts are never negative";

/// The figure that makes up the whole of the tokens, with an optional
/// "of" ("a couple of") and a full stop after it.
fn whole_figure(cx: &Cx<'_>, lexicon: &Lexicon) -> Result<Estimate, prose::Fail> {
    let fig = prose::figure_from(cx, lexicon, 0)?;
    let mut end = fig.next;
    if cx.is(end, "of") {
        end += 1;
    }
    if cx.is_punct(end, '.') && end + 1 == cx.toks.len() {
        end += 1;
    }
    if end < cx.toks.len() {
        let (a, _) = cx.span(end, end + 1);
        return Err(prose::Fail {
            at: end,
            reason: format!(
                "unexpected '{}' after the figure",
                clip(cx.text.get(a..).unwrap_or(""))
            ),
        });
    }
    Ok(fig.value)
}

/// Whether the tokens are one signed number: "-504", "minus five".
fn negative(cx: &Cx<'_>) -> bool {
    let opts = Opts {
        signed: true,
        over: false,
    };
    numeral::read(cx, 0, opts).is_some_and(|n| n.negative && n.next == cx.toks.len())
}

/// Reads one number ("one hundred and five", "twenty-three", "-504",
/// "1.5 million", "3/4", "two thirds", "0.77", "forty-five (45)"). Unlike
/// [`phrase`] it reads signs, fractions and powers, and no bounds or vague
/// words.
///
/// ```
/// use reckon::Decimal;
/// use reckon::text;
///
/// assert_eq!(text::number("one hundred and five")?, Decimal::from(105));
/// assert_eq!(text::number("minus 1,200,000")?, Decimal::from(-1_200_000));
/// assert_eq!(text::number("five and a half million")?, Decimal::from(5_500_000));
/// assert_eq!(text::number("3/4")?, Decimal::new(75, 2));
/// assert_eq!(
///     text::number("sixty fifteen").unwrap_err().to_string(),
///     "'sixty fifteen' is not a value: unexpected 'fifteen' after the number, at byte 6"
/// );
/// # Ok::<(), reckon::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::Value`](crate::error::ErrorKind::Value) when the text is not one number, saying what could not
/// be read and where.
pub fn number(text: &str) -> Result<Decimal, Error> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::value(text, "the text is empty"));
    }
    if let Some(e) = grammar::no_figure(t) {
        return Err(e);
    }
    let offset = t.as_ptr() as usize - text.as_ptr() as usize;
    let mut toks = Vec::new();
    tokenize(t, &mut toks);
    let cx = Cx {
        text: t,
        toks: &toks,
    };
    one_number(&cx)
        .map_err(|(at, reason)| Error::value(text, format!("{reason}, at byte {}", offset + at)))
}

/// The number that makes up the whole of the tokens, perhaps restated
/// ("forty-five (45)"); failing that, where and why not.
fn one_number(cx: &Cx<'_>) -> Result<Decimal, (usize, String)> {
    let opts = Opts {
        signed: true,
        over: true,
    };
    let Some(n) = numeral::read(cx, 0, opts) else {
        return Err((0, format!("'{}' is not a number", cx.s(0))));
    };
    if n.kind == NumKind::Ordinal {
        return Err((
            0,
            format!(
                "'{}' is an ordinal, not a number",
                cx.span_text(n.first, n.next)
            ),
        ));
    }
    let mut end = n.next;
    // A restatement: "forty-five (45)", "45 (forty five)".
    if cx.is_punct(end, '(') {
        if let Some(r) = numeral::read(cx, end + 1, opts) {
            if r.value == n.value && cx.is_punct(r.next, ')') {
                end = r.next + 1;
            }
        }
    }
    if cx.is_punct(end, '.') && end + 1 == cx.toks.len() {
        end += 1;
    }
    if end < cx.toks.len() {
        let (a, _) = cx.span(end, end + 1);
        return Err((
            a,
            format!(
                "unexpected '{}' after the number",
                clip(cx.text.get(a..).unwrap_or(""))
            ),
        ));
    }
    Ok(n.value.normalize())
}

/// How a numeral is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumeralKind {
    /// A whole number: "12,000", "twenty-three", "3 hundred and 21".
    Integer,
    /// A number with a decimal part: "1.5", "two point five".
    Decimal,
    /// A fraction or mixed number: "3/4", "two thirds", "one and a half".
    Fraction,
    /// Scientific notation or a power: "1e10", "1.1^23".
    Power,
    /// An ordinal: "third", "21st", "twenty-fifths".
    Ordinal,
}

impl fmt::Display for NumeralKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumeralKind::Integer => "integer",
            NumeralKind::Decimal => "decimal",
            NumeralKind::Fraction => "fraction",
            NumeralKind::Power => "power",
            NumeralKind::Ordinal => "ordinal",
        })
    }
}

/// A number found in running text by [`numerals`].
///
/// ```
/// use reckon::Decimal;
/// use reckon::text::{self, NumeralKind};
///
/// let text = "agent 007 met two thirds of them";
/// let found = text::numerals(text);
/// assert_eq!((found[0].text(), found[0].leading_zeros()), ("007", 2));
/// assert_eq!(&text[found[1].span()], "two thirds");
/// assert_eq!(found[1].kind(), NumeralKind::Fraction);
/// assert_eq!(found[1].kind().to_string(), "fraction");
/// assert_eq!(found[1].value().round_dp(2), Decimal::new(67, 2));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Numeral<'a> {
    source: &'a str,
    start: usize,
    end: usize,
    value: Decimal,
    kind: NumeralKind,
    leading_zeros: u32,
}

impl<'a> Numeral<'a> {
    /// The numeral as written.
    pub fn text(&self) -> &'a str {
        self.source.get(self.start..self.end).unwrap_or("")
    }

    /// Its byte span in the text (end exclusive).
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Its value (negative when a sign was written).
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// How it is written.
    pub fn kind(&self) -> NumeralKind {
        self.kind
    }

    /// The zeros written before it: 2 for "007" and for "zero zero seven".
    pub fn leading_zeros(&self) -> u32 {
        self.leading_zeros
    }
}

/// Every number in `text`, in order: digits, words, fractions, signs,
/// ordinals. Nothing is left out for its context (dates, years, identifiers
/// and phone numbers are numbers too), except digits with letters attached
/// ("29km", "LGA1156") and "one" used as a pronoun ("the one you mentioned").
/// [`extract`](crate::text::extract) reads figures.
///
/// ```
/// use reckon::text::NumeralKind;
/// use reckon::text;
///
/// let found = text::numerals("two hundred and five soldiers, 3rd brigade, -1.5");
/// let read: Vec<_> = found.iter().map(|n| (n.text(), n.value().to_string(), n.kind())).collect();
/// assert_eq!(read, [
///     ("two hundred and five", "205".to_owned(), NumeralKind::Integer),
///     ("3rd", "3".to_owned(), NumeralKind::Ordinal),
///     ("-1.5", "-1.5".to_owned(), NumeralKind::Decimal),
/// ]);
/// ```
pub fn numerals(text: &str) -> Vec<Numeral<'_>> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let cx = Cx { text, toks: &toks };
    let opts = Opts {
        signed: true,
        over: true,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some(n) = numeral::read(&cx, i, opts) else {
            i += 1;
            continue;
        };
        let next = n.next.max(i + 1);
        let digits_first = cx.is_digits(n.first) || cx.is_digits(n.first + 1);
        let letters_before =
            digits_first && n.first > 0 && cx.adjacent(n.first) && cx.is_wordtok(n.first - 1);
        let pronoun = i > 0
            && cx.w(i) == Some(W::Unit(1))
            && n.next == i + 1
            && cx.has(i - 1, Class::PronounOne);
        if !n.attached && !letters_before && !pronoun {
            let (start, end) = cx.span(n.first, n.next);
            out.push(Numeral {
                source: text,
                start,
                end,
                value: n.value.normalize(),
                kind: match n.kind {
                    NumKind::Integer => NumeralKind::Integer,
                    NumKind::Decimal => NumeralKind::Decimal,
                    NumKind::Fraction => NumeralKind::Fraction,
                    NumKind::Power => NumeralKind::Power,
                    NumKind::Ordinal => NumeralKind::Ordinal,
                },
                leading_zeros: n.zeros,
            });
        }
        i = next;
    }
    out
}

/// Reads the value grammar with the default [`Lexicon`]; see [`Estimate`].
impl FromStr for Estimate {
    type Err = Error;

    /// Reads the value grammar, and failing that a text that starts with a
    /// word as the English phrase [`text::phrase`](crate::text::phrase)
    /// reads ("more than 10 and fewer than 20", "a few hundred"). Figures
    /// and marks are the grammar's alone (`12,00` is refused, not read as
    /// 12), and an error is the grammar's.
    fn from_str(s: &str) -> Result<Self, Error> {
        let lex = Lexicon::shared();
        grammar::read(s, lex).or_else(|e| {
            if s.trim_start().starts_with(char::is_alphabetic) {
                phrase(s, lex).map_err(|_| e)
            } else {
                Err(e)
            }
        })
    }
}

/// Reads an English phrase or the value grammar with the English
/// [`Lexicon`], as [`text::phrase`](crate::text::phrase) does. A dossier
/// file's values are read with the file's own lexicon instead (see
/// [`io`](crate::io)).
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Estimate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        phrase(&s, Lexicon::shared()).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Form;

    fn p(s: &str) -> String {
        match phrase(s, Lexicon::shared()) {
            Ok(e) => format!("{} {}", e, e.interval()),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn what_follows_a_figure_is_quoted_clipped() {
        let long = "two hundred and ".repeat(5000);
        let message = p(&long);
        assert!(message.len() < 400, "{} bytes", message.len());
        assert!(message.contains("unexpected 'and two hundred"), "{message}");
        assert!(
            message.contains("… (79987 bytes)' after the figure"),
            "{message}"
        );
        let message = p(&format!("5 {}", "x".repeat(500)));
        assert!(message.len() < 400, "{} bytes", message.len());
    }

    #[test]
    fn citation_markers_are_left_out_of_a_value() {
        let lex = Lexicon::shared();
        let cases = [
            ("50–170[12]", "50–170 [50, 170]"),
            ("163[15]–900", "163–900 [163, 900]"),
            ("1,000 [note 2]", "1000 [1000, 1000]"),
            ("more than 80[3][4]", ">80 [81, ∞)"),
            ("dozens<ref name=\"bbc\"/>", "dozens [24, 119]"),
            ("about 300<sup>[a]</sup>", "~300 [270, 330]"),
            (">=0 <=2[12]", ">=0 <=2 [0, 2]"),
        ];
        for (text, want) in cases {
            let e = phrase(text, lex).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(format!("{e} {}", e.interval()), want, "{text}");
        }
        // A bracket holding words is not a note: it stays, and is not read.
        assert!(phrase("200 [the rebels]", lex).is_err());
        // What a marker stood between is not joined: a superscript's
        // number is kept, and two numbers a marker parts are not one.
        for (text, numbers) in [
            ("200<sup>3</sup>", "'200' and '3'"),
            ("2<sup>100</sup>", "'2' and '100'"),
            ("1[1]000", "'1' and '000'"),
            ("12 [a] 345", "'12' and '345'"),
            ("1200<br>1500", "'1200' and '1500'"),
        ] {
            assert_eq!(
                phrase(text, lex).unwrap_err().to_string(),
                format!(
                    "'{text}' is not a value: a citation marker or a tag stands between two \
                     numbers, {numbers}"
                )
            );
        }
        // A long text left after its markers is quoted clipped.
        let long = format!("{}x[1]", "1".repeat(1000));
        let message = phrase(&long, lex).unwrap_err().to_string();
        assert!(message.len() < 400, "{message}");
    }

    #[test]
    fn a_value_of_only_notes_or_bad_without_them_says_so() {
        let lex = Lexicon::shared();
        let message = |text: &str| phrase(text, lex).unwrap_err().to_string();
        assert_eq!(
            message("[12]"),
            "'[12]' is not a value: the text is only what reads as citation markers \
             ([12], <ref>…</ref>)"
        );
        assert_eq!(
            message(" [a][citation needed] "),
            "' [a][citation needed] ' is not a value: the text is only what reads as \
             citation markers ([12], <ref>…</ref>)"
        );
        assert_eq!(
            message("-5[3]"),
            "'-5[3]' is not a value: without its citation markers ('-5'): counts are never \
             negative"
        );
        assert_eq!(
            message("50–abc[1]"),
            "'50–abc[1]' is not a value: without its citation markers ('50–abc'): unexpected \
             '–abc' after the figure, at byte 2"
        );
        // Notes are looked for once: what is left is read as written.
        assert_eq!(
            message("[[1]1]"),
            "'[[1]1]' is not a value: without its citation markers ('[ 1]'): '[ 1]' is not a \
             number"
        );
    }

    #[test]
    fn issue_phrases() {
        let cases = [
            ("12,000", "12000 [12000, 12000]"),
            ("1 234", "1234 [1234, 1234]"),
            ("1.5 million", "1500000 [1500000, 1500000]"),
            ("2 million", "2000000 [2000000, 2000000]"),
            ("1.2k", "1200 [1200, 1200]"),
            ("two", "2 [2, 2]"),
            ("seven", "7 [7, 7]"),
            ("twenty-three", "23 [23, 23]"),
            ("one hundred and five", "105 [105, 105]"),
            ("three hundred", "300 [300, 300]"),
            ("50–170", "50–170 [50, 170]"),
            ("50-170", "50–170 [50, 170]"),
            ("6 to 7", "6–7 [6, 7]"),
            ("from 40 to 60", "40–60 [40, 60]"),
            ("between 25 and 28", "25–28 [25, 28]"),
            ("two or three", "2–3 [2, 3]"),
            ("two to three hundred", "200–300 [200, 300]"),
            ("5-6 thousand", "5000–6000 [5000, 6000]"),
            ("more than 100", ">100 [101, ∞)"),
            ("over 20", ">20 [21, ∞)"),
            ("at least 18", "18+ [18, ∞)"),
            ("20+", "20+ [20, ∞)"),
            ("30 or more", "30+ [30, ∞)"),
            ("up to 5,000", "<=5000 [0, 5000]"),
            ("no more than 12", "<=12 [0, 12]"),
            ("fewer than 10", "<10 [0, 9]"),
            ("under 10", "<10 [0, 9]"),
            ("approximately 1,000", "~1000 [900, 1100]"),
            ("about 70", "~70 [63, 77]"),
            ("around 70", "~70 [63, 77]"),
            ("some 200", "~200 [180, 220]"),
            ("roughly 200", "~200 [180, 220]"),
            ("nearly 300", "nearly 300 [270, 299]"),
            ("almost 50", "nearly 50 [45, 49]"),
            ("c. 400", "~400 [360, 440]"),
            ("~400", "~400 [360, 440]"),
            ("3,000 or so", "~3000 [2700, 3300]"),
            ("a few", "a few [2, 5]"),
            ("several", "several [3, 9]"),
            ("a handful", "a handful [3, 9]"),
            ("a dozen", "a dozen [10, 14]"),
            ("half a dozen", "half a dozen [5, 7]"),
            ("dozens", "dozens [24, 119]"),
            ("scores", "scores [40, 199]"),
            ("hundreds", "hundreds [200, 999]"),
            ("thousands", "thousands [2000, 9999]"),
            ("tens of thousands", "tens of thousands [20000, 99999]"),
            ("several hundred", "several hundred [300, 999]"),
            ("more than a dozen", ">12 [13, ∞)"),
            ("no", "0 [0, 0]"),
            ("none", "0 [0, 0]"),
            ("unknown", "unknown [0, ∞)"),
        ];
        for (input, want) in cases {
            assert_eq!(p(input), want, "{input}");
        }
    }

    #[test]
    fn more_phrases() {
        let cases = [
            ("more than 10 and fewer than 20", ">10 <20 [11, 19]"),
            ("at least 10 but under 20", ">=10 <20 [10, 19]"),
            (
                "above one quarter and below a half",
                ">0.25 <0.5 [0.25, 0.5]",
            ),
            ("more than half", ">0.5 [0.5, ∞)"),
            ("more than 1/2", ">0.5 [0.5, ∞)"),
            ("nearly half", "nearly 0.5 [0.45, 0.5]"),
            ("at most 100 and at least 20", ">=20 <=100 [20, 100]"),
            ("a few hundred", "a few hundred [200, 500]"),
            ("Twenty-Three", "23 [23, 23]"),
            ("a couple of", "a couple [2, 2]"),
            ("forty-five (45)", "45 [45, 45]"),
            (
                "between 2 and 3 million",
                "2000000–3000000 [2000000, 3000000]",
            ),
            ("less than 5000 or equal", "<=5000 [0, 5000]"),
            ("more than 5000 or equal to", "5000+ [5000, ∞)"),
            ("equal to 20", "20 [20, 20]"),
            ("an estimated 400", "~400 [360, 440]"),
            ("estimated at 400", "~400 [360, 440]"),
            ("nearly a dozen", "nearly 12 [11, 11]"),
            ("about a dozen", "a dozen [10, 14]"),
            ("in excess of 1,000", ">1000 [1001, ∞)"),
            ("~1000±50", "~1000±50 [950, 1050]"),
            ("50/100/170", "50/100/170 [50, 170]"),
            ("zero", "0 [0, 0]"),
        ];
        for (input, want) in cases {
            assert_eq!(p(input), want, "{input}");
        }
        let e = phrase("more than 10 and fewer than 20", Lexicon::shared()).unwrap();
        assert_eq!(e.text(), Some("more than 10 and fewer than 20"));
        assert!(matches!(
            e.form(),
            Form::Between {
                low_strict: true,
                high_strict: true,
                ..
            }
        ));
    }

    #[test]
    fn an_approximator_after_a_quantity_word_reads_as_before_it() {
        let cases = [
            ("a dozen or so", "a dozen [10, 14]"),
            ("about a dozen", "a dozen [10, 14]"),
            ("a few hundred or so", "a few hundred [200, 500]"),
            ("dozens or so", "dozens [24, 119]"),
            ("3,000 or so", "~3000 [2700, 3300]"),
            ("twelve or so", "~12 [11, 13]"),
        ];
        for (input, want) in cases {
            assert_eq!(p(input), want, "{input}");
        }
        let e = phrase("a dozen or so", Lexicon::shared()).unwrap();
        assert_eq!(e.text(), Some("a dozen or so"));
    }

    #[test]
    fn a_reversed_range_in_words_is_refused_as_in_figures() {
        let why = "range 200–50: the low end is above the high end";
        assert_eq!(p("200-50"), format!("'200-50' is not a value: {why}"));
        for (input, at) in [
            ("200 to 50", 0),
            ("two hundred to fifty", 0),
            ("200 or 50", 0),
            ("between 200 and 50", 0),
            ("from 200 to 50", 0),
            ("more than 200 to 50", 10),
        ] {
            assert_eq!(
                p(input),
                format!("'{input}' is not a value: {why}, at byte {at}"),
                "{input}"
            );
        }
        // Equal ends are a range, in words as in figures.
        assert_eq!(p("five to five"), p("5-5"));
    }

    #[test]
    fn errors_say_what_and_where() {
        let cases = [
            ("", "'' is not a value: the text is empty"),
            ("50–", "'50–' is not a value: the range has no upper end"),
            (
                "more than a dozzen",
                "'more than a dozzen' is not a value: 'a' is not a number, at byte 10",
            ),
            (
                "50 rebels",
                "'50 rebels' is not a value: unexpected 'rebels' after the figure, at byte 3",
            ),
            (
                "lots",
                "'lots' is not a value: 'lots' is not a number or a quantity word, at byte 0",
            ),
            ("-504", "'-504' is not a value: counts are never negative"),
            (
                "minus five",
                "'minus five' is not a value: counts are never negative",
            ),
            (
                "third",
                "'third' is not a value: an ordinal is not a count, at byte 0",
            ),
            (
                "fewer than 0",
                "'fewer than 0' is not a value: fewer than 0: no count is below zero, at byte 11",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(p(input), want, "{input}");
        }
    }

    #[test]
    fn numbers() {
        for (s, want) in [
            ("one hundred and five", "105"),
            ("-504", "-504"),
            ("negative five hundred and four", "-504"),
            (".77", "0.77"),
            ("point 77", "0.77"),
            ("1 point 1", "1.1"),
            ("100K", "100000"),
            ("3M", "3000000"),
            (".0012G", "1200000"),
            ("30 lakh", "3000000"),
            ("two hundred dozens", "2400"),
            ("three hundred Cr", "3000000000"),
            ("45 (forty five)", "45"),
            ("ONE hundred", "100"),
        ] {
            assert_eq!(
                number(s)
                    .map(|d| d.to_string())
                    .unwrap_or_else(|e| e.to_string()),
                want,
                "{s}"
            );
        }
        assert_eq!(
            number("third").unwrap_err().to_string(),
            "'third' is not a value: 'third' is an ordinal, not a number, at byte 0"
        );
    }
}
