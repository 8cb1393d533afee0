//! Reading one number at a token: digits ("12,000", "1.5", "3/4", "1e10",
//! "10k"), words ("one hundred and five", "twenty-three", "two thirds",
//! "nought point five"), and the two mixed ("3 hundred and 21",
//! "five and a half million"). The reader is context-free: whether a number
//! is a figure, a date or an identifier is decided by its callers.
//!
//! Every loop here moves forward over tokens and each read looks at a bounded
//! number of tokens past the number it reads, so scanning a text is linear.

use rust_decimal::Decimal;

use crate::text::token::{Kind, Token, lower};
use crate::text::words::{W, number_word, vulgar};

/// A text and its tokens.
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
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
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

    /// The number word at `i`, if it is one.
    pub(crate) fn w(&self, i: usize) -> Option<W> {
        if self.kind(i) != Some(Kind::Word) {
            return None;
        }
        let mut buf = [0; 24];
        lower(self.s(i), &mut buf).and_then(number_word)
    }

    /// Whether token `i` is the word `w` (lowercase ASCII), in any case.
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.s(i).eq_ignore_ascii_case(w)
    }

    /// The character of a one-character mark at `i`.
    pub(crate) fn punct(&self, i: usize) -> Option<char> {
        if self.kind(i) != Some(Kind::Punct) {
            return None;
        }
        self.s(i).chars().next()
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
}

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumKind {
    /// A whole number.
    Integer,
    /// A number with a decimal part.
    Decimal,
    /// A fraction: "3/4", "two thirds", "one and a half".
    Fraction,
    /// Scientific notation or a power: "1e10", "1.1^23".
    Power,
    /// An ordinal: "third", "21st", "fifths".
    Ordinal,
}

/// A number read at a token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num {
    pub(crate) value: Decimal,
    /// The first token.
    pub(crate) first: usize,
    /// The token after the last.
    pub(crate) next: usize,
    pub(crate) kind: NumKind,
    /// A plural ordinal ("fifths").
    pub(crate) plural: bool,
    /// Leading zeros as written ("007", "zero eight").
    pub(crate) zeros: u32,
    /// Written at least partly in words.
    pub(crate) words: bool,
    /// Digits with group separators ("12,000").
    pub(crate) grouped: bool,
    /// The power of ten of the scale word the number ends with ("3 million").
    pub(crate) scaled: Option<u32>,
    /// Letters follow the digits with no space and were not read ("29km", "16px").
    pub(crate) attached: bool,
    /// Stated with a sign ("-5", "minus one").
    pub(crate) negative: bool,
}

impl Num {
    pub(crate) fn new(value: Decimal, first: usize, next: usize, kind: NumKind) -> Self {
        Num {
            value,
            first,
            next,
            kind,
            plural: false,
            zeros: 0,
            words: false,
            grouped: false,
            scaled: None,
            attached: false,
            negative: false,
        }
    }

    /// A plain whole cardinal written in digits without separators or
    /// anything else: the shape of a year ("2014") or an identifier.
    pub(crate) fn is_bare_digits(&self) -> bool {
        !self.words
            && !self.grouped
            && self.kind == NumKind::Integer
            && self.scaled.is_none()
            && self.next == self.first + 1
    }
}

/// What the reader accepts beyond plain numbers.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Opts {
    /// Signs: "-5", "minus one".
    pub(crate) signed: bool,
    /// "2000 over 3" as a fraction.
    pub(crate) over: bool,
}

pub(crate) fn pow10(p: u32) -> Option<Decimal> {
    10i128
        .checked_pow(p)
        .and_then(|v| Decimal::try_from_i128_with_scale(v, 0).ok())
}

fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        None
    } else {
        a.checked_div(b).map(|q| q.normalize())
    }
}

fn scale(a: Decimal, p: u32) -> Option<Decimal> {
    mul(a, pow10(p)?)
}

fn dec(v: u8) -> Decimal {
    Decimal::from(v)
}

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
            mixed_digits(cx, d)
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

// ---------------------------------------------------------------------------
// Digits

/// Accumulates decimal digits into a mantissa.
fn push_digits(m: &mut u128, s: &str) -> Option<()> {
    for b in s.bytes() {
        *m = m.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
    }
    Some(())
}

fn from_mantissa(m: u128, scale: u32) -> Option<Decimal> {
    let m = i128::try_from(m).ok()?;
    Decimal::try_from_i128_with_scale(m, scale).ok()
}

fn is_space_sep(gap: &str) -> bool {
    matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}")
}

/// Reads digits at `i` (a digit run, or "." before one): separators, a
/// decimal part, an exponent, a scale letter, an ordinal suffix, a slash
/// fraction.
pub(crate) fn digits(cx: &Cx<'_>, i: usize) -> Option<Num> {
    let mut mantissa: u128 = 0;
    let mut frac_digits: u32 = 0;
    let mut grouped = false;
    let mut zeros = 0;
    let mut j;
    let leading_dot = cx.is_punct(i, '.');
    if leading_dot {
        // ".08": not after a digit ("192.168" is read elsewhere).
        if !cx.is_digits(i + 1) || !cx.adjacent(i + 1) {
            return None;
        }
        if i > 0 && cx.adjacent(i) && cx.is_digits(i - 1) {
            return None;
        }
        let f = cx.s(i + 1);
        push_digits(&mut mantissa, f)?;
        frac_digits = u32::try_from(f.len()).ok()?;
        j = i + 2;
    } else {
        let first = cx.s(i);
        push_digits(&mut mantissa, first)?;
        j = i + 1;
        if first.len() > 1 && first.starts_with('0') {
            zeros = u32::try_from(first.bytes().take_while(|&b| b == b'0').count()).ok()?;
            if zeros as usize == first.len() {
                zeros -= 1;
            }
        }
        if first.len() <= 3 && zeros == 0 {
            j = groups(cx, j, &mut mantissa, &mut grouped)?;
        }
        // A decimal part, unless this is a dotted chain ("192.168.1.2").
        if cx.is_punct(j, '.')
            && cx.adjacent(j)
            && cx.is_digits(j + 1)
            && cx.adjacent(j + 1)
            && !(cx.is_punct(j + 2, '.')
                && cx.adjacent(j + 2)
                && cx.is_digits(j + 3)
                && cx.adjacent(j + 3))
            && !(i > 0
                && cx.is_punct(i - 1, '.')
                && cx.adjacent(i)
                && cx.is_digits(i.saturating_sub(2)))
        {
            let f = cx.s(j + 1);
            push_digits(&mut mantissa, f)?;
            frac_digits = u32::try_from(f.len()).ok()?;
            j += 2;
        } else if !grouped
            && zeros == 0
            && !(i >= 2
                && cx.is_punct(i - 1, ',')
                && cx.adjacent(i)
                && cx.is_digits(i - 2)
                && cx.adjacent(i - 1))
            && cx.is_punct(j, ',')
            && cx.adjacent(j)
            && cx.is_digits(j + 1)
            && cx.adjacent(j + 1)
            && cx.s(j + 1).len() <= 2
            && !(matches!(cx.punct(j + 2), Some(',' | '.'))
                && cx.adjacent(j + 2)
                && cx.is_digits(j + 3)
                && cx.adjacent(j + 3))
        {
            // A decimal comma: "1,3", "5,00".
            let f = cx.s(j + 1);
            push_digits(&mut mantissa, f)?;
            frac_digits = u32::try_from(f.len()).ok()?;
            j += 2;
        }
    }
    let mut value = from_mantissa(mantissa, frac_digits)?;
    let mut kind = if frac_digits > 0 {
        NumKind::Decimal
    } else {
        NumKind::Integer
    };
    let mut n_scaled = None;
    // A slash fraction "3/4", not part of a chain like "5/17/2018".
    if kind == NumKind::Integer && !grouped && !leading_dot {
        if let Some((v, next)) = slash_fraction(cx, i, j, value) {
            let mut n = Num::new(v, i, next, NumKind::Fraction);
            n.zeros = zeros;
            return Some(n);
        }
    }
    // Exponent "1e10", "12.32e+14"; power "1.1^23"; "1.3x10^6".
    if let Some((v, next)) = exponent(cx, j, value) {
        value = v;
        j = next;
        kind = NumKind::Power;
    }
    // A scale letter: "10k", "2.33 k", "10M", "1.2b".
    if kind != NumKind::Power {
        if let Some((p, next)) = scale_letter(cx, j) {
            value = scale(value, p)?;
            j = next;
            n_scaled = Some(p);
            kind = if value.fract().is_zero() {
                NumKind::Integer
            } else {
                NumKind::Decimal
            };
        }
    }
    let mut n = Num::new(value, i, j, kind);
    n.grouped = grouped;
    n.zeros = zeros;
    n.scaled = n_scaled;
    // An ordinal suffix: "4th", "21st".
    if n.kind == NumKind::Integer && n_scaled.is_none() && cx.is_wordtok(j) && cx.adjacent(j) {
        let s = cx.s(j);
        if ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| s.eq_ignore_ascii_case(x))
        {
            n.kind = NumKind::Ordinal;
            n.next = j + 1;
            return Some(n);
        }
    }
    if cx.is_wordtok(j) && cx.adjacent(j) {
        // Letters right after the digits: a word scale ("2mil") is read by
        // the caller; anything else ("29km", "16px") is attached.
        let scale_word = matches!(cx.w(j), Some(W::Scale(..) | W::Hundred(_) | W::Dozen));
        n.attached = !scale_word;
    }
    Some(n)
}

/// Reads thousands groups after the first digit run: "12,000", "1 234 567",
/// "40 000", "12,34,567" (Indian grouping). Returns the next token.
fn groups(cx: &Cx<'_>, mut j: usize, mantissa: &mut u128, grouped: &mut bool) -> Option<usize> {
    // Separator: a mark between digit runs, or a single space-like gap.
    let sep_at = |j: usize| -> Option<(Option<char>, usize)> {
        match cx.kind(j)? {
            Kind::Punct => {
                let c = cx.punct(j)?;
                if matches!(c, ',' | '\'' | '’')
                    && cx.adjacent(j)
                    && cx.is_digits(j + 1)
                    && cx.adjacent(j + 1)
                {
                    Some((Some(c), j + 1))
                } else {
                    None
                }
            }
            Kind::Digits if is_space_sep(cx.gap(j)) => Some((None, j)),
            _ => None,
        }
    };
    let Some((sep, _)) = sep_at(j) else {
        return Some(j);
    };
    // Indian grouping: two-digit groups, then a final three-digit group.
    if sep == Some(',') {
        let mut k = j;
        let mut twos = 0;
        while let Some((Some(','), d)) = sep_at(k) {
            // No number has more two-digit groups than this.
            if cx.s(d).len() != 2 || twos > 12 {
                break;
            }
            twos += 1;
            k = d + 1;
        }
        if twos > 0 {
            if let Some((Some(','), d)) = sep_at(k) {
                if cx.s(d).len() == 3 && !followed_by_group(cx, d + 1) {
                    let mut k2 = j;
                    while k2 <= d {
                        if let Some((_, dd)) = sep_at(k2) {
                            push_digits(mantissa, cx.s(dd))?;
                            k2 = dd + 1;
                        } else {
                            break;
                        }
                    }
                    *grouped = true;
                    return Some(d + 1);
                }
            }
        }
    }
    loop {
        match sep_at(j) {
            Some((s, d)) if s == sep && cx.s(d).len() == 3 => {
                push_digits(mantissa, cx.s(d))?;
                *grouped = true;
                j = d + 1;
            }
            _ => return Some(j),
        }
    }
}

fn followed_by_group(cx: &Cx<'_>, j: usize) -> bool {
    cx.is_punct(j, ',') && cx.adjacent(j) && cx.is_digits(j + 1) && cx.adjacent(j + 1)
}

/// Whether a run of digits at `i` sits in a chain of digit runs joined by
/// `/`, `-`, `.` or `:` ("5/17/2018", "+1-222-2222").
fn chained_before(cx: &Cx<'_>, i: usize) -> bool {
    i >= 2
        && cx.adjacent(i)
        && matches!(cx.punct(i - 1), Some('/' | '-' | '.' | ':'))
        && cx.adjacent(i - 1)
        && cx.is_digits(i - 2)
}

fn slash_fraction(cx: &Cx<'_>, i: usize, j: usize, a: Decimal) -> Option<(Decimal, usize)> {
    if j != i + 1
        || !cx.is_punct(j, '/')
        || !cx.adjacent(j)
        || !cx.is_digits(j + 1)
        || !cx.adjacent(j + 1)
    {
        return None;
    }
    if chained_before(cx, i) {
        return None;
    }
    let after = j + 2;
    if matches!(cx.punct(after), Some('/' | '-' | '.' | ':'))
        && cx.adjacent(after)
        && cx.is_digits(after + 1)
    {
        return None;
    }
    let b: Decimal = cx.s(j + 1).parse().ok()?;
    Some((div(a, b)?, after))
}

/// "e10", "e+14", "^23", "^-1", "x10^6" after a number.
fn exponent(cx: &Cx<'_>, j: usize, value: Decimal) -> Option<(Decimal, usize)> {
    if !cx.adjacent(j) {
        return None;
    }
    let signs = |mut k: usize| -> (bool, usize) {
        let mut negative = false;
        while matches!(cx.punct(k), Some('+' | '-' | '−')) && cx.adjacent(k) {
            if cx.punct(k) != Some('+') {
                negative = !negative;
            }
            k += 1;
        }
        (negative, k)
    };
    let exp_at = |k: usize| -> Option<(i64, usize)> {
        let (negative, k) = signs(k);
        if !cx.is_digits(k) || !cx.adjacent(k) {
            return None;
        }
        let e: i64 = cx.s(k).parse().ok()?;
        Some((if negative { -e } else { e }, k + 1))
    };
    let s = cx.s(j);
    if cx.is_wordtok(j) && (s == "e" || s == "E") {
        let (e, next) = exp_at(j + 1)?;
        return Some((times_pow10(value, e)?, next));
    }
    if cx.is_punct(j, '^') {
        let (e, next) = exp_at(j + 1)?;
        return Some((power(value, e)?, next));
    }
    if ((cx.is_wordtok(j) && (s == "x" || s == "X")) || cx.is_punct(j, '×'))
        && cx.s(j + 1) == "10"
        && cx.adjacent(j + 1)
        && cx.is_punct(j + 2, '^')
        && cx.adjacent(j + 2)
    {
        let (e, next) = exp_at(j + 3)?;
        return Some((mul(value, power(Decimal::TEN, e)?)?, next));
    }
    None
}

fn times_pow10(v: Decimal, e: i64) -> Option<Decimal> {
    let p = u32::try_from(e.unsigned_abs()).ok().filter(|&p| p <= 28)?;
    if e >= 0 {
        scale(v, p)
    } else {
        div(v, pow10(p)?)
    }
}

fn power(base: Decimal, e: i64) -> Option<Decimal> {
    let n = e.unsigned_abs();
    if n > 64 {
        return None;
    }
    let mut acc = Decimal::ONE;
    for _ in 0..n {
        acc = mul(acc, base)?;
    }
    if e < 0 {
        div(Decimal::ONE, acc)
    } else {
        Some(acc)
    }
}

/// A scale letter after digits: "k", "K", "M", "MM", "G", and attached only
/// "B", "b", "T". Lowercase "m", "g" and "t" are units (metres, grams, tonnes).
fn scale_letter(cx: &Cx<'_>, j: usize) -> Option<(u32, usize)> {
    if !cx.is_wordtok(j) {
        return None;
    }
    let attached = cx.adjacent(j);
    let gap = cx.gap(j);
    let spaced = gap.len() <= 2 && gap.bytes().all(|b| b == b' ');
    if !attached && !spaced {
        return None;
    }
    let p = match cx.s(j) {
        "k" | "K" => 3,
        "M" | "MM" => 6,
        "G" => 9,
        "B" | "b" if attached => 9,
        "T" if attached => 12,
        _ => return None,
    };
    // Not the start of a longer word or of a unit after it ("1 M sample"?):
    // the next token must not be an attached word.
    if cx.is_wordtok(j + 1) && cx.adjacent(j + 1) {
        return None;
    }
    Some((p, j + 1))
}

/// "2  1/4", "- 1 4/5", "2½": a whole number and a fraction.
fn mixed_digits(cx: &Cx<'_>, n: Num) -> Num {
    if n.kind != NumKind::Integer || n.grouped || n.words || n.attached || n.scaled.is_some() {
        return n;
    }
    let j = n.next;
    if let Some((a, b)) = cx.punct(j).and_then(vulgar) {
        if let Some(v) = div(dec(a), dec(b)).and_then(|f| add(n.value, f)) {
            let mut m = n;
            m.value = v;
            m.next = j + 1;
            m.kind = NumKind::Fraction;
            return m;
        }
    }
    if cx.is_digits(j) && !cx.adjacent(j) && cx.gap(j).bytes().all(|b| b == b' ') {
        if let Some(f) = digits(cx, j) {
            if f.kind == NumKind::Fraction && f.value < Decimal::ONE && !f.value.is_zero() {
                if let Some(v) = add(n.value, f.value) {
                    let mut m = n;
                    m.value = v;
                    m.next = f.next;
                    m.kind = NumKind::Fraction;
                    return m;
                }
            }
        }
    }
    n
}

// ---------------------------------------------------------------------------
// Words

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Start,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Hundred,
    Scale,
    Digits,
    AfterPoint,
    Done,
}

#[derive(Clone, Copy, Debug)]
struct M {
    total: Decimal,
    group: Decimal,
    since_and: Option<Decimal>,
    hundred_in_group: bool,
    last: Last,
    scale: Option<u32>,
    decimal: bool,
}

impl M {
    fn value(&self) -> Option<Decimal> {
        add(self.total, self.group)
    }
}

/// How two atoms are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Join {
    Space,
    Hyphen,
    And,
    Comma,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// The joiner before the atom after `j`, and the atom's token.
fn joiner(cx: &Cx<'_>, j: usize) -> Option<(Join, usize)> {
    match cx.kind(j)? {
        Kind::Punct => {
            let c = cx.punct(j)?;
            if is_hyphen(c) {
                Some((Join::Hyphen, j + 1))
            } else if c == '&' {
                Some((Join::And, j + 1))
            } else if c == ',' && !cx.adjacent(j + 1) && cx.adjacent(j) {
                Some((Join::Comma, j + 1))
            } else {
                None
            }
        }
        Kind::Word if cx.w(j) == Some(W::And) => Some((Join::And, j + 1)),
        _ => Some((Join::Space, j)),
    }
}

/// Reads a number that starts with a word.
fn words_number(cx: &Cx<'_>, i: usize) -> Option<Num> {
    let w = cx.w(i)?;
    let n = match w {
        W::Zero | W::Oh => zeros(cx, i)?,
        W::A => a_number(cx, i)?,
        W::Half(false) => half(cx, i)?,
        W::Quarter(false) => {
            // "quarter million"
            let Some(W::Scale(p, false)) = cx.w(i + 1) else {
                return None;
            };
            let mut n = Num::new(scale(Decimal::new(25, 2), p)?, i, i + 2, NumKind::Fraction);
            n.words = true;
            n.scaled = Some(p);
            n
        }
        W::Point => {
            let (f, next) = decimal_part(cx, i + 1)?;
            let mut n = Num::new(f, i, next, NumKind::Decimal);
            n.words = true;
            return Some(n);
        }
        W::Pair | W::And | W::Minus | W::Dozen | W::Half(true) | W::Quarter(true) => return None,
        _ => {
            let c = cardinal(cx, i, None, false)?;
            if c.kind == NumKind::Ordinal {
                return Some(c);
            }
            fraction_after(cx, c)
        }
    };
    Some(n)
}

/// "zero", "zero point five", "zero eight", "o nine", "zero zero five".
fn zeros(cx: &Cx<'_>, i: usize) -> Option<Num> {
    let mut k = i;
    let mut count = 0u32;
    while matches!(cx.w(k), Some(W::Zero | W::Oh)) && (k == i || !cx.adjacent(k)) {
        count += 1;
        k += 1;
    }
    let first_is_oh = cx.w(i) == Some(W::Oh);
    if count == 1 && !first_is_oh && cx.w(k) == Some(W::Point) {
        if let Some((f, next)) = decimal_part(cx, k + 1) {
            let mut n = Num::new(f, i, next, NumKind::Decimal);
            n.words = true;
            return Some(n);
        }
    }
    // A number after the zeros, with a space (not "three-nought-four").
    let after = if !cx.adjacent(k)
        && matches!(
            cx.w(k),
            Some(W::Unit(_) | W::Teen(_) | W::Tens(_) | W::Hundred(false))
        ) {
        cardinal(cx, k, None, false).filter(|c| c.kind == NumKind::Integer)
    } else {
        None
    };
    match after {
        Some(mut c) => {
            c.first = i;
            c.zeros = count;
            c.words = true;
            c.scaled = None;
            Some(c)
        }
        None => {
            // "o" alone is a letter, not a number.
            if first_is_oh && count == 1 {
                return None;
            }
            let mut n = Num::new(Decimal::ZERO, i, k, NumKind::Integer);
            n.words = true;
            n.zeros = count - 1;
            Some(n)
        }
    }
}

/// "a hundred", "a dozen", "a pair", "a third", "a half", "an eighth".
fn a_number(cx: &Cx<'_>, i: usize) -> Option<Num> {
    match cx.w(i + 1)? {
        W::Dozen => {
            let mut n = Num::new(Decimal::from(12), i, i + 2, NumKind::Integer);
            n.words = true;
            Some(n)
        }
        W::Hundred(false) | W::Scale(_, false) => {
            let mut c = cardinal(cx, i + 1, None, false)?;
            if c.kind == NumKind::Ordinal {
                // "a hundredth" is read below; "a hundred and first" is an ordinal.
                c.first = i;
                return Some(c);
            }
            c.first = i;
            Some(fraction_after(cx, c))
        }
        W::Pair => {
            let mut n = Num::new(Decimal::TWO, i, i + 2, NumKind::Integer);
            n.words = true;
            Some(n)
        }
        _ => {
            let (d, next) = denominator(cx, i + 1, false)?;
            let mut n = Num::new(div(Decimal::ONE, d)?, i, next, NumKind::Fraction);
            n.words = true;
            Some(scale_after_fraction(cx, n))
        }
    }
}

/// "half", "half a dozen", "half a million", "half million".
fn half(cx: &Cx<'_>, i: usize) -> Option<Num> {
    let h = Decimal::new(5, 1);
    let mut n = Num::new(h, i, i + 1, NumKind::Fraction);
    n.words = true;
    let (k, via_a) = if cx.w(i + 1) == Some(W::A) {
        (i + 2, true)
    } else {
        (i + 1, false)
    };
    match cx.w(k) {
        Some(W::Dozen) => {
            n.value = Decimal::from(6);
            n.kind = NumKind::Integer;
            n.next = k + 1;
        }
        Some(W::Scale(p, false)) => {
            n.value = scale(h, p)?;
            n.kind = NumKind::Integer;
            n.scaled = Some(p);
            n.next = k + 1;
        }
        Some(W::Hundred(false)) if !via_a => {
            n.value = Decimal::from(50);
            n.kind = NumKind::Integer;
            n.next = k + 1;
        }
        _ => {}
    }
    Some(n)
}

/// A fraction's denominator at `k`: "fifth(s)", "twenty-first(s)", "one
/// hundred fifth", "half", "quarters". `plural` says which number is wanted.
/// Returns the denominator and the next token.
fn denominator(cx: &Cx<'_>, k: usize, plural: bool) -> Option<(Decimal, usize)> {
    match cx.w(k)? {
        W::Half(p) if p == plural => return Some((Decimal::TWO, k + 1)),
        W::Quarter(p) if p == plural => return Some((Decimal::from(4), k + 1)),
        // "first" and "second" stand alone only as ranks and times.
        W::OrdUnit(1 | 2, _) => {
            // ... but "twenty-first" and "thirty seconds" compounds are read below.
            return None;
        }
        W::Unit(_)
        | W::Teen(_)
        | W::Tens(_)
        | W::Hundred(false)
        | W::Scale(..)
        | W::OrdUnit(..)
        | W::OrdTeen(..)
        | W::OrdTens(..)
        | W::OrdHundred(_)
        | W::OrdScale(..) => {}
        _ => return None,
    }
    let o = cardinal(cx, k, None, true)?;
    if o.kind != NumKind::Ordinal || o.plural != plural || o.value.is_zero() {
        return None;
    }
    Some((o.value, o.next))
}

/// After a cardinal: a denominator ("two thirds"), a mixed number ("one and
/// a half", "3 million and a quarter"), a scale after a fraction.
fn fraction_after(cx: &Cx<'_>, c: Num) -> Num {
    if c.kind != NumKind::Integer {
        return c;
    }
    // Numerator and denominator: "two thirds", "one-eighth", "five - eighths".
    if c.words {
        let k = if cx.punct(c.next).is_some_and(is_hyphen) {
            c.next + 1
        } else {
            c.next
        };
        let plural = c.value != Decimal::ONE;
        if let Some((d, next)) = denominator(cx, k, plural) {
            if let Some(v) = div(c.value, d) {
                let mut n = c;
                n.value = v;
                n.next = next;
                n.kind = NumKind::Fraction;
                return scale_after_fraction(cx, n);
            }
        }
    }
    // A mixed number: "and a half", "and three fifths".
    if cx.w(c.next) == Some(W::And) {
        if let Some(f) = and_fraction(cx, c.next + 1) {
            let whole_scale = c.scaled;
            // A scale after the fraction: "one billion and three quarters million",
            // "five and a half million".
            let after = match cx.w(f.next) {
                Some(W::Scale(p, false)) => Some(p),
                _ => None,
            };
            let value = match (whole_scale, after) {
                (Some(_), Some(p)) => scale(f.value, p).and_then(|x| add(c.value, x)),
                (Some(p), None) => scale(f.value, p).and_then(|x| add(c.value, x)),
                (None, Some(p)) => add(c.value, f.value).and_then(|x| scale(x, p)),
                (None, None) => add(c.value, f.value),
            };
            if let Some(v) = value {
                let mut n = c;
                n.value = v;
                n.next = f.next + usize::from(after.is_some());
                n.kind = if v.fract().is_zero() {
                    NumKind::Integer
                } else {
                    NumKind::Fraction
                };
                n.words = true;
                n.scaled = after.or(whole_scale);
                return n;
            }
        }
    }
    c
}

/// The fraction after "and" in a mixed number: "a half", "one fourth", "three fifths".
fn and_fraction(cx: &Cx<'_>, k: usize) -> Option<Num> {
    if cx.w(k) == Some(W::A) {
        let (d, next) = denominator(cx, k + 1, false)?;
        return Some(Num::new(div(Decimal::ONE, d)?, k, next, NumKind::Fraction));
    }
    let c = cardinal(cx, k, None, false)?;
    if c.kind != NumKind::Integer || c.scaled.is_some() {
        return None;
    }
    let hyphen = cx.punct(c.next).is_some_and(is_hyphen);
    let (d, next) = denominator(cx, c.next + usize::from(hyphen), c.value != Decimal::ONE)?;
    let mut n = Num::new(div(c.value, d)?, k, next, NumKind::Fraction);
    n.words = true;
    Some(n)
}

/// "two thirds of a million", "three quarters million".
fn scale_after_fraction(cx: &Cx<'_>, n: Num) -> Num {
    let (k, of) = if cx.is(n.next, "of") && cx.w(n.next + 1) == Some(W::A) {
        (n.next + 2, true)
    } else {
        (n.next, false)
    };
    let p = match cx.w(k) {
        Some(W::Scale(p, false)) => p,
        Some(W::Dozen) if of => {
            let mut m = n;
            if let Some(v) = mul(n.value, Decimal::from(12)) {
                m.value = v;
                m.next = k + 1;
            }
            return m;
        }
        _ => return n,
    };
    match scale(n.value, p) {
        Some(v) => {
            let mut m = n;
            m.value = v;
            m.next = k + 1;
            m.scaled = Some(p);
            if v.fract().is_zero() {
                m.kind = NumKind::Integer;
            }
            m
        }
        None => n,
    }
}

/// After digits: "3 hundred and 21", "322 hundred", "2 million", "3 dozens",
/// "1 point 1".
fn words_after_digits(cx: &Cx<'_>, d: Num) -> Num {
    if d.scaled.is_some() || d.zeros > 0 {
        return d;
    }
    match cx.w(d.next) {
        Some(W::Hundred(_) | W::Scale(..) | W::Dozen | W::Point) => {}
        _ => return d,
    }
    match cardinal(cx, d.next, Some(d), false) {
        Some(c) if c.next > d.next => {
            if c.kind == NumKind::Ordinal {
                return d;
            }
            let mut c = c;
            c.grouped = d.grouped;
            c
        }
        _ => d,
    }
}

/// The digits after a decimal "point": a digit run ("1 point 1"), digit
/// words ("zero three", "o five", "nine nine"), or one two-digit number
/// ("seventy-one", "eleven"). Returns the fraction (< 1) and the next token.
fn decimal_part(cx: &Cx<'_>, k: usize) -> Option<(Decimal, usize)> {
    if cx.is_digits(k) {
        let s = cx.s(k);
        let mut m = 0u128;
        push_digits(&mut m, s)?;
        return Some((from_mantissa(m, u32::try_from(s.len()).ok()?)?, k + 1));
    }
    let mut m = 0u128;
    let mut n = 0u32;
    let mut j = k;
    loop {
        let d = match cx.w(j) {
            Some(W::Zero | W::Oh) => 0,
            Some(W::Unit(u)) => u,
            _ => break,
        };
        if n > 0 && cx.adjacent(j) {
            break;
        }
        m = m.checked_mul(10)?.checked_add(u128::from(d))?;
        n += 1;
        j += 1;
    }
    if n > 0 {
        return Some((from_mantissa(m, n)?, j));
    }
    match cx.w(k)? {
        W::Teen(t) => Some((Decimal::new(i64::from(t), 2), k + 1)),
        W::Tens(t) => {
            let (u, next) = match (cx.punct(k + 1), cx.w(k + 2), cx.w(k + 1)) {
                (Some(c), Some(W::Unit(u)), _) if is_hyphen(c) => (u, k + 3),
                (_, _, Some(W::Unit(u))) => (u, k + 2),
                _ => (0, k + 1),
            };
            Some((Decimal::new(i64::from(t + u), 2), next))
        }
        _ => None,
    }
}

/// The cardinal (or ordinal) number in words starting at `i`, possibly
/// continuing a number given in digits (`seed`). With `denom`, plural
/// ordinals compound with tens ("twenty fifths" is 25ths, as a denominator).
fn cardinal(cx: &Cx<'_>, i: usize, seed: Option<Num>, denom: bool) -> Option<Num> {
    let mut m = M {
        total: Decimal::ZERO,
        group: Decimal::ZERO,
        since_and: None,
        hundred_in_group: false,
        last: Last::Start,
        scale: None,
        decimal: false,
    };
    let first = seed.map_or(i, |d| d.first);
    let mut words = seed.is_none();
    if let Some(d) = seed {
        m.group = d.value;
        m.last = Last::Digits;
        m.decimal = d.kind == NumKind::Decimal;
    }
    // The last complete number: (value, next token, last scale, state before the last atom's start).
    let mut best: Option<(Decimal, usize, Option<u32>)> = seed.map(|d| (d.value, d.next, None));
    // The best before the most recent atom, to give back a tens word that
    // belongs to a denominator ("one hundred thirty-fifths").
    let mut before_last = best;
    // The best before an "and": "3 hundred and 2 hundred" is two numbers.
    let mut before_and = best;
    let mut j = i;
    let mut steps = 0;
    loop {
        steps += 1;
        if steps > 64 {
            break;
        }
        // The joiner and the atom.
        let (join, k) = if m.last == Last::Start {
            (Join::Space, j)
        } else {
            match joiner(cx, j) {
                Some(x) => x,
                None => break,
            }
        };
        if join == Join::Hyphen && cx.gap(k).len() > 1 {
            break;
        }
        // Decimal point in words.
        if cx.w(k) == Some(W::Point) && join == Join::Space {
            if m.decimal || m.last == Last::Start {
                break;
            }
            let Some((f, next)) = decimal_part(cx, k + 1) else {
                break;
            };
            m.group = match add(m.group, f) {
                Some(v) => v,
                None => break,
            };
            m.decimal = true;
            m.last = Last::AfterPoint;
            words = true;
            j = next;
            before_last = best;
            best = m.value().map(|v| (v, j, None));
            continue;
        }
        // A digit run after "hundred", a scale or "and": "3 hundred and 21".
        if cx.is_digits(k) {
            let ok_state = matches!(m.last, Last::Hundred | Last::Scale);
            if !ok_state || matches!(join, Join::Hyphen | Join::Comma) {
                break;
            }
            let Some(d) = digits(cx, k) else { break };
            if d.kind != NumKind::Integer && d.kind != NumKind::Decimal
                || d.attached
                || d.scaled.is_some()
                || d.zeros > 0
            {
                break;
            }
            let limit = match m.last {
                Last::Hundred => Decimal::from(100),
                _ => match m.scale.and_then(pow10) {
                    Some(l) => l,
                    None => break,
                },
            };
            if d.value >= limit || d.value.is_zero() {
                break;
            }
            m.group = match add(m.group, d.value) {
                Some(v) => v,
                None => break,
            };
            if join == Join::And {
                before_and = best;
                m.since_and = Some(d.value);
            }
            m.last = Last::Digits;
            m.decimal = d.kind == NumKind::Decimal;
            j = d.next;
            before_last = best;
            best = m.value().map(|v| (v, j, None));
            continue;
        }
        let Some(w) = cx.w(k) else { break };
        // Ordinals end the number.
        if let Some(o) = ordinal_step(&m, w, join, denom) {
            match o {
                OrdStep::Take(value, plural) => {
                    let Some(v) = value_with(&m, value) else {
                        break;
                    };
                    let mut n = Num::new(v, first, k + 1, NumKind::Ordinal);
                    n.plural = plural;
                    n.words = true;
                    return Some(n);
                }
                OrdStep::GiveBackTens => {
                    best = before_last;
                    break;
                }
                OrdStep::Stop => break,
            }
        }
        if join == Join::And {
            before_and = best;
        }
        let next_state = step(&mut m, w, join);
        match next_state {
            Some(()) => {
                words = true;
                j = k + 1;
                // Spaced hyphen "fifty - two" consumed the hyphen token already.
                before_last = best;
                best = m.value().map(|v| {
                    (
                        v,
                        j,
                        m.scale
                            .filter(|_| m.group.is_zero() && m.last == Last::Scale),
                    )
                });
                if m.last == Last::Done {
                    break;
                }
            }
            None => {
                if matches!(w, W::Hundred(_)) && m.since_and.is_some() {
                    best = before_and;
                }
                break;
            }
        }
    }
    // "one billion and three quarters million": the fraction after "and"
    // belongs to a mixed number, not to a numerator.
    if m.since_and.is_some() && m.scale.is_some() && !m.hundred_in_group {
        if let Some((_, next, _)) = best {
            let k = if cx.punct(next).is_some_and(is_hyphen) {
                next + 1
            } else {
                next
            };
            if matches!(
                cx.w(k),
                Some(
                    W::Half(_)
                        | W::Quarter(_)
                        | W::OrdUnit(_, true)
                        | W::OrdTeen(_, true)
                        | W::OrdTens(_, true)
                        | W::OrdHundred(true)
                )
            ) {
                best = before_and;
            }
        }
    }
    let (value, next, scaled) = best?;
    if next <= i && seed.is_none() {
        return None;
    }
    let kind = if value.fract().is_zero() {
        NumKind::Integer
    } else {
        NumKind::Decimal
    };
    let mut n = Num::new(value, first, next, kind);
    n.words = words || seed.is_none();
    n.scaled = scaled;
    Some(n)
}

enum OrdStep {
    /// The ordinal completes the number: the value it adds, and whether plural.
    Take(OrdValue, bool),
    /// A plural tens-ordinal compound after other words: the tens word
    /// belongs to the denominator.
    GiveBackTens,
    Stop,
}

#[derive(Clone, Copy)]
enum OrdValue {
    /// Adds to the group: "twenty-first", "five hundred first".
    Add(u8),
    /// Multiplies the group by 100: "hundredth".
    Hundred,
    /// Multiplies by a scale: "thousandth".
    Scale(u32),
}

fn value_with(m: &M, o: OrdValue) -> Option<Decimal> {
    match o {
        OrdValue::Add(v) => add(m.total, add(m.group, dec(v))?),
        OrdValue::Hundred => {
            let g = if m.group.is_zero() {
                Decimal::ONE
            } else {
                m.group
            };
            add(m.total, mul(g, Decimal::from(100))?)
        }
        OrdValue::Scale(p) => {
            let g = if m.group.is_zero() && m.total.is_zero() {
                Decimal::ONE
            } else {
                m.group
            };
            if m.group.is_zero() && !m.total.is_zero() {
                // "one million thousandth" is not a number.
                return None;
            }
            add(m.total, scale(g, p)?)
        }
    }
}

fn ordinal_step(m: &M, w: W, join: Join, denom: bool) -> Option<OrdStep> {
    let (value, plural, class) = match w {
        W::OrdUnit(u, p) => (OrdValue::Add(u), p, 0),
        W::OrdTeen(t, p) => (OrdValue::Add(t), p, 1),
        W::OrdTens(t, p) => (OrdValue::Add(t), p, 1),
        W::OrdHundred(p) => (OrdValue::Hundred, p, 2),
        W::OrdScale(s, p) => (OrdValue::Scale(s), p, 3),
        _ => return None,
    };
    if m.decimal {
        return Some(OrdStep::Stop);
    }
    let allowed = match (m.last, class) {
        (Last::Start, _) => true,
        (Last::Tens, 0) => matches!(join, Join::Space | Join::Hyphen),
        (Last::Hundred | Last::Scale, 0 | 1) => matches!(join, Join::Space | Join::And),
        (Last::Unit | Last::Teen | Last::Tens | Last::TensUnit, 2) => join == Join::Space,
        (Last::Unit | Last::Teen | Last::Tens | Last::TensUnit | Last::Hundred, 3) => {
            join == Join::Space
        }
        _ => false,
    };
    if !allowed {
        return Some(OrdStep::Stop);
    }
    if !plural {
        return Some(OrdStep::Take(value, false));
    }
    // Plural ordinals are denominators.
    if m.last == Last::Start {
        return Some(OrdStep::Take(value, true));
    }
    if m.last == Last::Tens && class == 0 {
        let only_tens = m.total.is_zero() && !m.hundred_in_group && m.since_and.is_none();
        return Some(match join {
            Join::Hyphen if only_tens || denom => OrdStep::Take(value, true),
            Join::Hyphen => OrdStep::GiveBackTens,
            Join::Space if denom && only_tens => OrdStep::Take(value, true),
            // "one hundred thirty fifths" is 100/35; "one hundred and thirty fifths" is 130/5.
            Join::Space if !only_tens && m.since_and.is_none() => OrdStep::GiveBackTens,
            _ => OrdStep::Stop,
        });
    }
    if denom
        && matches!(
            m.last,
            Last::Hundred | Last::Scale | Last::Unit | Last::Teen | Last::TensUnit
        )
        && class >= 2
    {
        return Some(OrdStep::Take(value, true));
    }
    Some(OrdStep::Stop)
}

/// One cardinal atom; `None` when it cannot follow.
fn step(m: &mut M, w: W, join: Join) -> Option<()> {
    use Last::*;
    // After a decimal: a scale ("two point two million", "1.5 million"), or
    // "hundred" after digits ("2.12 hundred").
    if m.decimal
        && !(matches!(w, W::Scale(_, false))
            || (matches!(w, W::Hundred(false)) && m.last == Last::Digits))
    {
        return None;
    }
    let and_ok = matches!(m.last, Hundred | Scale);
    match join {
        Join::And if !and_ok => return None,
        Join::Comma if m.last != Scale => return None,
        Join::Hyphen if !(m.last == Tens && matches!(w, W::Unit(_))) => return None,
        _ => {}
    }
    match w {
        W::Unit(u) => {
            match m.last {
                Start => m.group = dec(u),
                Tens => m.group = add(m.group, dec(u))?,
                Hundred | Scale => m.group = add(m.group, dec(u))?,
                _ => return None,
            }
            if join == Join::And {
                m.since_and = Some(dec(u));
            } else if m.last == Tens {
                m.since_and = m.since_and.map(|s| s + dec(u));
            }
            m.last = if m.last == Tens { TensUnit } else { Unit };
        }
        W::Teen(t) | W::Tens(t) => {
            match m.last {
                Start | Hundred | Scale => m.group = add(m.group, dec(t))?,
                _ => return None,
            }
            if join == Join::And {
                m.since_and = Some(dec(t));
            }
            m.last = if matches!(w, W::Teen(_)) { Teen } else { Tens };
        }
        W::Hundred(plural) => {
            if m.hundred_in_group {
                return None;
            }
            match m.last {
                Start if !plural => m.group = Decimal::from(100),
                Unit | Teen | Tens | TensUnit | Digits => {
                    if m.group.is_zero() {
                        return None;
                    }
                    m.group = mul(m.group, Decimal::from(100))?;
                }
                _ => return None,
            }
            m.hundred_in_group = true;
            m.since_and = None;
            m.last = Hundred;
        }
        W::Scale(p, plural) => {
            if m.last == Scale && m.group.is_zero() {
                // "thousand millions", "lakh crore": a larger scale multiplies.
                let q = m.scale?;
                if p <= q {
                    return None;
                }
                m.total = scale(m.total, p)?;
            } else {
                if let Some(q) = m.scale {
                    if p >= q {
                        return None;
                    }
                }
                let g = match m.last {
                    Start if !plural => Decimal::ONE,
                    Start => return None,
                    _ if m.group.is_zero() => return None,
                    _ => m.group,
                };
                m.total = add(m.total, scale(g, p)?)?;
                m.group = Decimal::ZERO;
            }
            m.hundred_in_group = false;
            m.since_and = None;
            m.scale = Some(p);
            m.last = Scale;
        }
        W::Dozen => {
            if m.last == Start {
                return None;
            }
            let twelve = Decimal::from(12);
            if let Some(s) = m.since_and {
                m.group = add(m.group - s, mul(s, twelve)?)?;
            } else if !m.group.is_zero() {
                m.group = mul(m.group, twelve)?;
            } else {
                m.total = mul(m.total, twelve)?;
            }
            m.last = Done;
        }
        _ => return None,
    }
    Some(())
}

// ---------------------------------------------------------------------------
// Ratios

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
