//! Splitting running text into words, digit runs and single marks, in one
//! pass over the bytes. The readers of numbers and figures work on these
//! tokens; white space is never a token, only the gap between two tokens.
//! Each word token carries what the [vocabulary](crate::text::vocabulary)
//! says of it, looked up once.

use crate::text::vocabulary::{self, Case, Class, W, Word};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// Letters, with inner apostrophes: `Hezbollah`, `o'clock`, `Qalamoun’s`.
    Word,
    /// A run of ASCII digits: `12`.
    Digits,
    /// Any other single character that is not white space: `,`, `–`, `½`.
    Punct,
}

/// A token: its kind, its byte span in the text, and for a word what the
/// vocabulary says of it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) word: Option<&'static Word>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Named HTML character references pasted from a page's source, and what
/// each stands for: spaces ("3&nbsp;000"), dashes ("50&ndash;170"), quotes,
/// signs ("&plusmn;", "&asymp;"), vulgar fractions and the letters of names
/// ("M&eacute;decins"). Names are case-sensitive, as in HTML.
const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("nbsp", "\u{a0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("hairsp", "\u{200a}"),
    ("numsp", "\u{2007}"),
    ("NonBreakingSpace", "\u{a0}"),
    ("shy", "\u{ad}"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("minus", "−"),
    ("hyphen", "‐"),
    ("dash", "‐"),
    ("amp", "&"),
    ("quot", "\""),
    ("apos", "'"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("sbquo", "‚"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lt", "<"),
    ("gt", ">"),
    ("lsqb", "["),
    ("rsqb", "]"),
    ("lpar", "("),
    ("rpar", ")"),
    ("comma", ","),
    ("period", "."),
    ("colon", ":"),
    ("semi", ";"),
    ("excl", "!"),
    ("quest", "?"),
    ("plus", "+"),
    ("num", "#"),
    ("percnt", "%"),
    ("dollar", "$"),
    ("pound", "£"),
    ("euro", "€"),
    ("yen", "¥"),
    ("frac12", "½"),
    ("half", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("frac13", "⅓"),
    ("frac23", "⅔"),
    ("plusmn", "±"),
    ("pm", "±"),
    ("asymp", "≈"),
    ("approx", "≈"),
    ("sim", "∼"),
    ("tilde", "˜"),
    ("le", "≤"),
    ("ge", "≥"),
    ("times", "×"),
    ("deg", "°"),
    ("hellip", "…"),
    ("middot", "·"),
    ("bull", "•"),
    ("sect", "§"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("eacute", "é"),
    ("Eacute", "É"),
    ("egrave", "è"),
    ("agrave", "à"),
    ("aacute", "á"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("uacute", "ú"),
    ("ecirc", "ê"),
    ("ocirc", "ô"),
    ("acirc", "â"),
    ("icirc", "î"),
    ("ucirc", "û"),
    ("auml", "ä"),
    ("ouml", "ö"),
    ("uuml", "ü"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("euml", "ë"),
    ("iuml", "ï"),
    ("ccedil", "ç"),
    ("ntilde", "ñ"),
    ("atilde", "ã"),
    ("otilde", "õ"),
    ("szlig", "ß"),
    ("oslash", "ø"),
    ("aring", "å"),
];

/// The longest name of [`NAMED_ENTITIES`].
const LONGEST_ENTITY: usize = 16;

/// The HTML character reference `text` starts with, if any: a named one
/// from [`NAMED_ENTITIES`], or a numeric one ("&#8211;", "&#x2013;"). Its
/// length in bytes and the character it stands for.
pub(crate) fn entity_at(text: &str) -> Option<(usize, char)> {
    let rest = text.strip_prefix('&')?;
    let semi = rest
        .bytes()
        .take(LONGEST_ENTITY + 1)
        .position(|b| b == b';')?;
    let body = rest.get(..semi)?;
    let len = semi + 2;
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 6 => u32::from_str_radix(hex, 16).ok()?,
            None if !num.is_empty()
                && num.len() <= 7
                && num.bytes().all(|b| b.is_ascii_digit()) =>
            {
                num.parse().ok()?
            }
            _ => return None,
        };
        char::from_u32(code).filter(|c| !c.is_control() && *c != '\0')?
    } else {
        let (_, s) = NAMED_ENTITIES.iter().find(|(name, _)| *name == body)?;
        s.chars().next()?
    };
    Some((len, c))
}

/// `text` with every entity of [`entity_at`] replaced by its character:
/// "M&eacute;decins Sans Fronti&egrave;res" is "Médecins Sans Frontières".
/// Borrowed when there is none.
pub(crate) fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        match entity_at(from) {
            Some((n, c)) => {
                out.push(if c.is_whitespace() { ' ' } else { c });
                rest = from.get(n..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The text a decoded character stands as, for the characters that
/// [`NAMED_ENTITIES`] names.
fn entity_text(c: char) -> Option<&'static str> {
    NAMED_ENTITIES
        .iter()
        .map(|(_, s)| *s)
        .find(|s| s.starts_with(c) && s.len() == c.len_utf8())
}

/// The text of token `t` of `text`: what an entity stands for ("&ndash;"
/// reads as "–"), the bytes of the text otherwise.
pub(crate) fn text_of<'a>(text: &'a str, t: &Token) -> &'a str {
    let raw = text.get(t.start..t.end).unwrap_or("");
    if t.kind == Kind::Punct && raw.len() > 1 && raw.starts_with('&') {
        if let Some(s) = entity_at(raw).and_then(|(_, c)| entity_text(c)) {
            return s;
        }
    }
    raw
}

/// Splits `text` into tokens, replacing the contents of `out`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b.is_ascii_whitespace() {
                i += 1;
            } else if b.is_ascii_digit() {
                let start = i;
                while i < len && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                out.push(Token {
                    start,
                    end: i,
                    kind: Kind::Digits,
                    word: None,
                });
            } else if b.is_ascii_alphabetic() {
                let start = i;
                i = word_end(text, i);
                out.push(word_token(text, start, i));
            } else if let Some((n, c)) = (b == b'&').then(|| entity_at(&text[i..])).flatten() {
                // An entity is one token, read as what it stands for; a
                // space entity is a space, a stray soft hyphen nothing.
                if c.is_whitespace() || c == SOFT_HYPHEN {
                    i += n;
                } else if is_word_char(c) {
                    let start = i;
                    i = word_end(text, i);
                    out.push(word_token(text, start, i));
                } else {
                    out.push(Token {
                        start: i,
                        end: i + n,
                        kind: Kind::Punct,
                        word: None,
                    });
                    i += n;
                }
            } else {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    kind: Kind::Punct,
                    word: None,
                });
                i += 1;
            }
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        let n = c.len_utf8();
        if c.is_whitespace() {
            i += n;
        } else if is_word_char(c) {
            let start = i;
            i = word_end(text, i);
            out.push(word_token(text, start, i));
        } else {
            out.push(Token {
                start: i,
                end: i + n,
                kind: Kind::Punct,
                word: None,
            });
            i += n;
        }
    }
}

fn word_token(text: &str, start: usize, end: usize) -> Token {
    Token {
        start,
        end,
        kind: Kind::Word,
        word: text.get(start..end).and_then(vocabulary::lookup),
    }
}

/// The end of the word starting at `i`: letters, and apostrophes between letters.
/// A soft hyphen: where a word may break at the end of a line, read as
/// part of the word.
pub(crate) const SOFT_HYPHEN: char = '\u{ad}';

fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => i += 1,
            Some(b'\'') if bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => i += 2,
            Some(b'&') => {
                // "M&eacute;decins", "re&shy;bels", "Qalamoun&rsquo;s".
                let Some((n, c)) = text.get(i..).and_then(entity_at) else {
                    return i;
                };
                let joins = matches!(c, '’' | '\'' | SOFT_HYPHEN)
                    && text
                        .get(i + n..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(is_word_char);
                if is_word_char(c) || joins {
                    i += n;
                } else {
                    return i;
                }
            }
            Some(b) if b.is_ascii() => return i,
            Some(_) => {
                let Some(c) = char_at(text, i) else { return i };
                // "Qalamoun’s"; a soft hyphen inside a word ("re\u{ad}bels")
                // is only where a line may break.
                let joins = (c == '’' || c == SOFT_HYPHEN)
                    && char_at(text, i + c.len_utf8()).is_some_and(is_word_char);
                if is_word_char(c) || joins {
                    i += c.len_utf8();
                } else {
                    return i;
                }
            }
            None => return i,
        }
    }
}

/// A text and its tokens, with the questions the readers ask of a token.
#[derive(Clone, Copy)]
pub(crate) struct Cx<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Token],
}

impl<'a> Cx<'a> {
    pub(crate) fn tok(&self, i: usize) -> Option<Token> {
        self.toks.get(i).copied()
    }

    /// The text of token `i` ("" past the end).
    pub(crate) fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| text_of(self.text, t))
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Digits)
    }

    pub(crate) fn is_wordtok(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// What the vocabulary says of the word at `i`, if it knows it.
    pub(crate) fn word(&self, i: usize) -> Option<&'static Word> {
        self.toks.get(i).and_then(|t| t.word)
    }

    /// The number word at `i`, if it is one.
    pub(crate) fn w(&self, i: usize) -> Option<W> {
        self.word(i).and_then(|w| w.number)
    }

    /// Whether the word at `i` is in `class`.
    pub(crate) fn has(&self, i: usize, class: Class) -> bool {
        self.word(i).is_some_and(|w| w.is(class))
    }

    /// Whether token `i` is the word `w` (lowercase ASCII), in any case.
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        // A word token is its text as written (only marks are entities
        // decoded), so its bytes are compared, the length first: most
        // tokens asked about are not the word.
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && t.end.wrapping_sub(t.start) == w.len()
                && self
                    .text
                    .as_bytes()
                    .get(t.start..t.end)
                    .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
        })
    }

    /// The character of a one-character mark at `i`.
    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        if self.kind(i) != Some(Kind::Punct) {
            return None;
        }
        let raw = self
            .toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))?;
        if raw.len() > 1 && raw.starts_with('&') {
            if let Some((_, c)) = entity_at(raw) {
                return Some(c);
            }
        }
        raw.chars().next()
    }

    pub(crate) fn is_punct(&self, i: usize, c: char) -> bool {
        self.punct(i) == Some(c)
    }

    /// Whether token `i` follows token `i - 1` with no space between.
    pub(crate) fn adjacent(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    /// The white space between token `i - 1` and token `i`.
    pub(crate) fn gap(&self, i: usize) -> &'a str {
        match (
            i.checked_sub(1).and_then(|p| self.toks.get(p)),
            self.toks.get(i),
        ) {
            (Some(a), Some(b)) => self.text.get(a.end..b.start).unwrap_or(""),
            _ => "",
        }
    }

    /// The byte span of tokens `first..next`.
    pub(crate) fn span(&self, first: usize, next: usize) -> (usize, usize) {
        let start = self.toks.get(first).map_or(self.text.len(), |t| t.start);
        let end = next
            .checked_sub(1)
            .and_then(|l| self.toks.get(l))
            .map_or(start, |t| t.end.max(start));
        (start, end)
    }

    /// Whether the word at `i` starts with a capital.
    pub(crate) fn is_cap(&self, i: usize) -> bool {
        self.is_wordtok(i) && self.s(i).starts_with(char::is_uppercase)
    }

    /// Whether the word at `i` names a month ("August"; "May", "March" and
    /// the abbreviations only capitalized).
    pub(crate) fn month_at(&self, i: usize) -> bool {
        let capitalized = self.s(i).starts_with(|c: char| c.is_ascii_uppercase());
        self.word(i)
            .and_then(|w| w.month)
            .is_some_and(|(_, case)| case == Case::Any || capitalized)
    }

    /// Whether the word at `i` is a month's abbreviation ("Aug", "Sept",
    /// capitalized), whose full stop does not end a sentence: "12 August.
    /// 60 militants …" is two sentences, "Aug. 8" is one.
    pub(crate) fn abbreviated_month_at(&self, i: usize) -> bool {
        let w = self.s(i);
        self.month_at(i)
            && w.len() <= 4
            && !["may", "june", "july"]
                .iter()
                .any(|m| w.eq_ignore_ascii_case(m))
    }

    /// Whether token `i` ends a sentence or a clause: ".", "!", "?", ";".
    pub(crate) fn is_boundary(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('.' | '!' | '?' | ';'))
    }

    /// Whether no sentence boundary lies between tokens `a` and `b`.
    pub(crate) fn same_sentence(&self, a: usize, b: usize) -> bool {
        (a..b).all(|k| !self.is_boundary(k))
    }

    /// Whether token `i` starts a sentence or a list item.
    pub(crate) fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.punct(i - 1),
                Some('.' | '!' | '?' | ';' | ':' | '-' | '–' | '—' | '"' | '“' | '(' | '*' | '•')
            )
    }

    /// The text of tokens `first..next`.
    pub(crate) fn span_text(&self, first: usize, next: usize) -> &'a str {
        let (a, b) = self.span(first, next);
        self.text.get(a..b).unwrap_or("")
    }
}

/// A phrase as a sequence of tokens ("more than", "c.", "~", "a few"),
/// words lowercased, matched against text token by token.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Pattern(Box<[(Kind, Box<str>)]>);

impl Pattern {
    pub(crate) fn new(phrase: &str) -> Pattern {
        let mut toks = Vec::new();
        tokenize(phrase, &mut toks);
        Pattern(
            toks.iter()
                .map(|t| {
                    let s = phrase.get(t.start..t.end).unwrap_or("");
                    (t.kind, s.to_lowercase().into_boxed_str())
                })
                .collect(),
        )
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first token's text, lowercased.
    pub(crate) fn first(&self) -> &str {
        self.0.first().map_or("", |(_, s)| s)
    }

    /// The last token's text, lowercased.
    pub(crate) fn last(&self) -> &str {
        self.0.last().map_or("", |(_, s)| s)
    }

    /// Whether the pattern matches the tokens starting at `at`; the token after the match.
    pub(crate) fn matches(&self, text: &str, toks: &[Token], at: usize) -> Option<usize> {
        if self.0.is_empty() {
            return None;
        }
        for (n, (kind, want)) in self.0.iter().enumerate() {
            let t = toks.get(at + n)?;
            if t.kind != *kind {
                return None;
            }
            let got = text_of(text, t);
            if !same_word(got, want) {
                return None;
            }
        }
        Some(at + self.0.len())
    }
}

/// Runs `f` on `word` lowercased, without allocating for a short ASCII word.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return f(word);
    }
    let mut buf = [0; 32];
    if word.is_ascii() {
        if let Some(b) = buf.get_mut(..word.len()) {
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(b) {
                return f(lower);
            }
        }
    }
    f(&word.to_lowercase())
}

/// Whether `got` is `want` (lowercase) in any case.
pub(crate) fn same_word(got: &str, want: &str) -> bool {
    if got.len() == want.len() && got.eq_ignore_ascii_case(want) {
        return true;
    }
    !got.is_ascii() && got.to_lowercase() == want
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(Kind, &str)> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| (t.kind, &s[t.start..t.end])).collect()
    }

    #[test]
    fn splits_words_digits_and_marks() {
        use Kind::*;
        assert_eq!(
            toks("50–170 rebels, o'clock 12,000 Qalamoun’s 2.5km"),
            vec![
                (Digits, "50"),
                (Punct, "–"),
                (Digits, "170"),
                (Word, "rebels"),
                (Punct, ","),
                (Word, "o'clock"),
                (Digits, "12"),
                (Punct, ","),
                (Digits, "000"),
                (Word, "Qalamoun’s"),
                (Digits, "2"),
                (Punct, "."),
                (Digits, "5"),
                (Word, "km"),
            ]
        );
        assert_eq!(
            toks("rebels' 40\u{202f}000"),
            vec![
                (Word, "rebels"),
                (Punct, "'"),
                (Digits, "40"),
                (Digits, "000")
            ]
        );
    }

    #[test]
    fn an_entity_is_one_token_read_as_its_character() {
        use Kind::*;
        assert_eq!(
            toks("50&ndash;170 M&eacute;decins re&shy;bels 3&nbsp;000 &amp; &#x2013; &bogus;"),
            vec![
                (Digits, "50"),
                (Punct, "&ndash;"),
                (Digits, "170"),
                (Word, "M&eacute;decins"),
                (Word, "re&shy;bels"),
                (Digits, "3"),
                (Digits, "000"),
                (Punct, "&amp;"),
                (Punct, "&#x2013;"),
                (Punct, "&"),
                (Word, "bogus"),
                (Punct, ";"),
            ]
        );
        let text = "50&ndash;170 &#8722; &#x1F600;";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        let cx = Cx { text, toks: &v };
        assert_eq!((cx.s(1), cx.punct(1)), ("–", Some('–')));
        assert_eq!((cx.s(3), cx.punct(3)), ("−", Some('−')));
        // A character no name stands for keeps its text, and is still read.
        assert_eq!((cx.s(4), cx.punct(4)), ("&#x1F600;", Some('😀')));
        assert_eq!(
            decode_entities("M&eacute;decins&nbsp;Sans Fronti&egrave;res &amp; &bogus; &"),
            "Médecins Sans Frontières & &bogus; &"
        );
        assert!(matches!(
            decode_entities("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(entity_at("&#0;"), None);
        assert_eq!(entity_at("&#xD800;"), None);
        assert_eq!(entity_at("&#99999999;"), None);
        assert_eq!(entity_at("&nbsp"), None);
        // A character of several bytes soon after does not hide it.
        assert_eq!(entity_at("&ndash;Äéèüö"), Some((7, '–')));
        assert_eq!(entity_at("&ndashÄéèüöÄéèüö;"), None);
        assert!(std::ptr::eq(
            vocabulary::lookup("re&shy;bels").unwrap(),
            vocabulary::lookup("rebels").unwrap()
        ));
    }

    #[test]
    fn words_carry_their_vocabulary() {
        let mut v = Vec::new();
        tokenize("Hundred Zabadani’s 12", &mut v);
        let numbers: Vec<_> = v.iter().map(|t| t.word.and_then(|w| w.number)).collect();
        assert_eq!(numbers, [Some(W::Hundred(false)), None, None]);
    }
}
