//! Splitting running text into words, digit runs and single marks, in one
//! pass over the bytes. The readers of numbers and figures work on these
//! tokens; white space is never a token, only the gap between two tokens.

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

/// A token: its kind and its byte span in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
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
                });
            } else if b.is_ascii_alphabetic() {
                let start = i;
                i = word_end(text, i);
                out.push(Token {
                    start,
                    end: i,
                    kind: Kind::Word,
                });
            } else {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    kind: Kind::Punct,
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
            out.push(Token {
                start,
                end: i,
                kind: Kind::Word,
            });
        } else {
            out.push(Token {
                start: i,
                end: i + n,
                kind: Kind::Punct,
            });
            i += n;
        }
    }
}

/// The end of the word starting at `i`: letters, and apostrophes between letters.
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphabetic() => i += 1,
            Some(b'\'') if bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => i += 2,
            Some(b) if b.is_ascii() => return i,
            Some(_) => {
                let Some(c) = char_at(text, i) else { return i };
                let apostrophe =
                    c == '’' && char_at(text, i + c.len_utf8()).is_some_and(is_word_char);
                if is_word_char(c) || apostrophe {
                    i += c.len_utf8();
                } else {
                    return i;
                }
            }
            None => return i,
        }
    }
}

/// Copies an ASCII word into `buf`, lowercased; `None` when the word is not
/// ASCII or longer than the buffer (no vocabulary word is).
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    for (dst, &b) in buf.iter_mut().zip(bytes) {
        if !b.is_ascii() {
            return None;
        }
        *dst = b.to_ascii_lowercase();
    }
    buf.get(..bytes.len())
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
            let got = text.get(t.start..t.end)?;
            if !same_word(got, want) {
                return None;
            }
        }
        Some(at + self.0.len())
    }
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
    fn lowercases_ascii_words_only() {
        let mut buf = [0; 24];
        assert_eq!(lower("Hundred", &mut buf), Some(&b"hundred"[..]));
        assert_eq!(lower("Zabadani’s", &mut buf), None);
    }
}
