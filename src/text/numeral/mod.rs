//! Reading one number at a token: digits ("12,000", "1.5", "3/4", "1e10",
//! "10k"), words ("one hundred and five", "twenty-three", "two thirds",
//! "nought point five"), and the two mixed ("3 hundred and 21",
//! "five and a half million"). The reader is context-free: whether a number
//! is a figure, a date or an identifier is decided by its callers.
//!
//! Every loop here moves forward over tokens and each read looks at a bounded
//! number of tokens past the number it reads, so scanning a text is linear.

mod cardinal;
mod digits;
mod num;
mod words;

use rust_decimal::Decimal;

use crate::text::token::{Cx, Kind};
use crate::text::vocabulary::{W, vulgar};

use digits::{digits, mixed_digits};
use num::{dec, div};
use words::{fraction_after, scale_after_fraction, words_after_digits, words_number};

pub(crate) use num::{Num, NumKind, Opts, pow10};

/// Reads a number starting at token `i`.
pub(crate) fn read(cx: &Cx<'_>, i: usize, opts: Opts) -> Option<Num> {
    if opts.signed {
        if let Some(n) = signed(cx, i, opts) {
            return Some(n);
        }
    }
    let n = unsigned(cx, i, opts)?;
    Some(n)
}

fn signed(cx: &Cx<'_>, i: usize, opts: Opts) -> Option<Num> {
    let minus_mark = matches!(cx.punct(i), Some('-' | '−'));
    let minus_word = cx.w(i) == Some(W::Minus);
    if !minus_mark && !minus_word {
        return None;
    }
    if minus_mark && i > 0 && cx.adjacent(i) {
        // "SCP-173", "1-222": a hyphen after a word or a digit is no sign.
        if matches!(cx.kind(i - 1), Some(Kind::Word | Kind::Digits)) {
            return None;
        }
    }
    if minus_mark {
        // The number must start with a digit, a decimal point or a number word.
        let ok = cx.is_digits(i + 1)
            || (cx.is_punct(i + 1, '.') && cx.is_digits(i + 2) && cx.adjacent(i + 2))
            || cx.w(i + 1).is_some();
        if !ok {
            return None;
        }
    }
    let mut n = unsigned(cx, i + 1, opts)?;
    n.value = -n.value;
    n.first = i;
    n.negative = true;
    Some(n)
}

fn unsigned(cx: &Cx<'_>, i: usize, opts: Opts) -> Option<Num> {
    let base = match cx.kind(i)? {
        Kind::Digits => {
            let d = digits(cx, i)?;
            let d = if matches!(d.kind, NumKind::Integer | NumKind::Decimal) && !d.attached {
                fraction_after(cx, words_after_digits(cx, d))
            } else {
                d
            };
            // "1½ million", "2 1/4 thousand": a scale after a mixed number.
            let mixed = mixed_digits(cx, d);
            if mixed.next == d.next {
                mixed
            } else {
                scale_after_fraction(cx, mixed)
            }
        }
        Kind::Punct => {
            let c = cx.punct(i)?;
            if c == '.' {
                digits(cx, i)?
            } else {
                let (a, b) = vulgar(c)?;
                let mut n = Num::new(div(dec(a), dec(b))?, i, i + 1, NumKind::Fraction);
                n.words = false;
                n
            }
        }
        Kind::Word => words_number(cx, i)?,
    };
    Some(ratio(cx, base, opts))
}

/// "one out of three", "1 in twenty-one", and with `opts.over` "2000 over 3".
fn ratio(cx: &Cx<'_>, n: Num, opts: Opts) -> Num {
    if n.kind != NumKind::Integer || n.attached {
        return n;
    }
    let j = n.next;
    let (k, rule) = if cx.is(j, "out") && cx.is(j + 1, "of") {
        (j + 2, 0)
    } else if cx.is(j, "in") {
        (j + 1, 1)
    } else if opts.over && cx.is(j, "over") {
        (j + 1, 2)
    } else {
        return n;
    };
    let Some(d) = unsigned_plain(cx, k) else {
        return n;
    };
    if d.kind != NumKind::Integer || d.value.is_zero() || d.attached {
        return n;
    }
    let ok = match rule {
        0 => n.value < d.value,
        // "one in five victims"; but "2 in 5 raids" counts raids.
        1 => {
            n.value == Decimal::ONE
                && n.value < d.value
                && !(d.is_bare_digits() && cx.s(d.first).len() == 4)
        }
        // "2000 over 3", but not "$2000 over 3 years".
        _ => !cx.is_wordtok(d.next),
    };
    if !ok {
        return n;
    }
    match div(n.value, d.value) {
        Some(v) => {
            let mut m = n;
            m.value = v;
            m.next = d.next;
            m.kind = NumKind::Fraction;
            m.words |= d.words;
            m
        }
        None => n,
    }
}

/// A cardinal in digits or words, without ratios.
fn unsigned_plain(cx: &Cx<'_>, i: usize) -> Option<Num> {
    match cx.kind(i)? {
        Kind::Digits => {
            let d = digits(cx, i)?;
            Some(if matches!(d.kind, NumKind::Integer) && !d.attached {
                words_after_digits(cx, d)
            } else {
                d
            })
        }
        Kind::Word => match cx.w(i)? {
            W::A
            | W::Unit(_)
            | W::Teen(_)
            | W::Tens(_)
            | W::Hundred(false)
            | W::Scale(_, false) => {
                let n = words_number(cx, i)?;
                Some(n)
            }
            _ => None,
        },
        Kind::Punct => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn one(s: &str) -> Option<(String, String, NumKind)> {
        let mut toks = Vec::new();
        tokenize(s, &mut toks);
        let cx = Cx {
            text: s,
            toks: &toks,
        };
        let n = read(
            &cx,
            0,
            Opts {
                signed: true,
                over: true,
            },
        )?;
        let (a, b) = cx.span(n.first, n.next);
        Some((s[a..b].to_owned(), n.value.normalize().to_string(), n.kind))
    }

    fn v(s: &str) -> String {
        match one(s) {
            Some((text, value, _)) if text == s => value,
            Some((text, value, _)) => format!("{value} (read '{text}')"),
            None => "none".to_owned(),
        }
    }

    #[test]
    fn cardinal_words() {
        for (s, want) in [
            ("one hundred and five", "105"),
            ("twenty-three", "23"),
            ("fifty - two", "52"),
            ("three hundred", "300"),
            ("two hundred and two thousand", "202000"),
            ("two  thousand  and  two hundred", "2200"),
            ("hundred fifteen", "115"),
            ("thousand nine hundred twenty", "1920"),
            ("nineteen hundred seventy-three", "1973"),
            ("forty five hundred thirty eight", "4538"),
            ("sixty hundreds", "6000"),
            ("thirty-five thousands", "35000"),
            ("one billion twenty-five millions", "1025000000"),
            ("three thousand millions", "3000000000"),
            ("three lakh crore", "3000000000000"),
            ("twenty-one trillion and three hundred", "21000000000300"),
            ("a hundred and two", "102"),
            ("three hundred and two dozens", "324"),
            ("two hundred dozens", "2400"),
            ("half a dozen", "6"),
            ("a pair", "2"),
            ("three million, two hundred & forty", "3000240"),
        ] {
            assert_eq!(v(s), want, "{s}");
        }
    }

    #[test]
    fn digits_and_mixed() {
        for (s, want) in [
            ("12,000", "12000"),
            ("1 234 567", "1234567"),
            ("12,34,567.89", "1234567.89"),
            ("1.5 million", "1500000"),
            ("1.2k", "1200"),
            ("10M", "10000000"),
            ("3 hundred and 21", "321"),
            ("4 thousand 3 hundred and 21", "4321"),
            ("322 hundred", "32200"),
            ("1e10", "10000000000"),
            ("2.5^-1", "0.4"),
            ("1.3x10^6", "1300000"),
            ("2  1/4", "2.25"),
            ("- 1 4/5", "-1.8"),
            (".08", "0.08"),
            ("0033", "33"),
            ("1,3", "1.3"),
            ("3/4", "0.75"),
        ] {
            assert_eq!(v(s), want, "{s}");
        }
    }

    #[test]
    fn fractions_and_decimals() {
        for (s, want) in [
            ("two thirds", "0.6666666666666666666666666667"),
            ("one and a half", "1.5"),
            ("five and a half million", "5500000"),
            ("one billion and three quarters million", "1000750000"),
            ("one hundred and three quarters", "100.75"),
            ("two hundred and fifty-four hundredths", "200.54"),
            ("one hundred and a half", "100.5"),
            ("one hundred and thirty-two fifths", "26.4"),
            ("one hundred and four quarters", "26"),
            ("one hundred and one halves", "50.5"),
            ("one hundred and one quarter", "100.25"),
            ("one hundred and one fifth", "100.2"),
            ("three hundred and twenty-one thousandths", "300.021"),
            ("one thousand two hundred and three quarters", "1200.75"),
            ("3 million and a half", "3500000"),
            ("a hundred trillionths", "0.0000000001"),
            ("one one hundred fifth", "0.0095238095238095238095238095"),
            ("three twenty firsts", "0.1428571428571428571428571429"),
            ("twenty fifths", "4"),
            (
                "one hundred thirty-fifths",
                "2.8571428571428571428571428571",
            ),
            ("two hundred point zero three", "200.03"),
            ("two hundred point seventy-one", "200.71"),
            ("nought point eleven", "0.11"),
            ("one out of three", "0.3333333333333333333333333333"),
            ("2000 over 3", "666.66666666666666666666666667"),
        ] {
            assert_eq!(v(s), want, "{s}");
        }
    }

    #[test]
    fn a_scale_adds_no_decimal_places() {
        // The value as read, not normalized by the test: "1.2 million" is
        // written 1200000, as the value grammar writes it.
        let raw = |s: &str| {
            let mut toks = Vec::new();
            tokenize(s, &mut toks);
            let cx = Cx {
                text: s,
                toks: &toks,
            };
            read(&cx, 0, Opts::default()).map(|n| n.value.to_string())
        };
        for (s, want) in [
            ("1.2 million", "1200000"),
            ("1.50 million", "1500000"),
            ("2.5 thousand", "2500"),
            ("1.2k", "1200"),
            ("a quarter million", "250000"),
            ("1.25 million", "1250000"),
            ("1.2345 thousand", "1234.5"),
            ("2.0", "2.0"),
        ] {
            assert_eq!(raw(s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn a_fraction_in_figures_after_hundred_and_is_not_a_numerator() {
        // Not 103/4: the mixed number is read only in words, so the rest
        // is left unread rather than read wrong.
        assert_eq!(v("one hundred and 3 quarters"), "100 (read 'one hundred')");
    }

    #[test]
    fn ordinals_and_non_numbers() {
        assert_eq!(one("twenty-first").map(|x| x.2), Some(NumKind::Ordinal));
        assert_eq!(v("five hundred first"), "501");
        assert_eq!(v("4th"), "4");
        assert_eq!(v("o"), "none");
        assert_eq!(v("a"), "none");
        assert_eq!(v("sixty fifteen"), "60 (read 'sixty')");
        assert_eq!(v("ten five"), "10 (read 'ten')");
        assert_eq!(v("hundred hundreds"), "100 (read 'hundred')");
        assert_eq!(v("zero eight"), "8");
        assert_eq!(
            one("zero eight").map(|x| x.0),
            Some("zero eight".to_owned())
        );
    }
}
