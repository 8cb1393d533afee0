//! Numbers written with digits: "12,000", "1.5", "3/4", "1e10", "10k",
//! "2½", "4th".

use rust_decimal::Decimal;

use super::num::{Num, NumKind, add, dec, div, mul, pow10, scale};
use crate::text::token::{self, Cx, Kind};
use crate::text::vocabulary::{Class, ORDINAL_SUFFIXES, SCALE_LETTERS, Touching, W, vulgar};

/// Accumulates decimal digits into a mantissa.
pub(super) fn push_digits(m: &mut u128, s: &str) -> Option<()> {
    for b in s.bytes() {
        *m = m.checked_mul(10)?.checked_add(u128::from(b - b'0'))?;
    }
    Some(())
}

pub(super) fn from_mantissa(m: u128, scale: u32) -> Option<Decimal> {
    let m = i128::try_from(m).ok()?;
    Decimal::try_from_i128_with_scale(m, scale).ok()
}

fn is_space_sep(gap: &str) -> bool {
    let space = |c| matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}');
    match token::entity_at(gap) {
        // "3&nbsp;000", "40&#8239;000".
        Some((n, c)) => n == gap.len() && space(c),
        None => gap.chars().count() == 1 && gap.chars().all(space),
    }
}

/// Reads digits at `i` (a digit run, or "." before one): separators, a
/// decimal part, an exponent, a scale letter, an ordinal suffix, a slash
/// fraction.
pub(super) fn digits(cx: &Cx<'_>, i: usize) -> Option<Num> {
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
        // A group of three after "79," is inside a number, never the start
        // of one: when the number is too large to read, none of it is read
        // ("79,228,162,…" is not 228,162,…).
        if first.len() == 3
            && i >= 2
            && cx.is_punct(i - 1, ',')
            && cx.adjacent(i)
            && cx.adjacent(i - 1)
            && cx.is_digits(i - 2)
        {
            return None;
        }
        push_digits(&mut mantissa, first)?;
        j = i + 1;
        if first.len() > 1 && first.starts_with('0') {
            zeros = u32::try_from(first.bytes().take_while(|&b| b == b'0').count()).ok()?;
            if zeros as usize == first.len() {
                zeros -= 1;
            }
        }
        // "On March 3 300 people": a day after a month starts no number
        // grouped with spaces, when the group after it can stand alone
        // ("In March 3 000 people" is 3,000).
        let day = first.len() <= 2 && i > 0 && cx.month_at(i - 1);
        let spaced =
            cx.kind(j) == Some(Kind::Digits) && !cx.adjacent(j) && !cx.s(j).starts_with('0');
        if first.len() <= 3 && zeros == 0 && !(day && spaced) {
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
        if let Some((p, next)) = scale_letter(cx, i, j) {
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
        if ORDINAL_SUFFIXES.iter().any(|x| s.eq_ignore_ascii_case(x)) {
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

/// A scale letter after digits (see [`SCALE_LETTERS`]): "10k", "2.33 k",
/// "10M", "1.2b"; and "m" touching them where it can only be a million, as
/// the press writes it: before people ("1.2m Syrians", "3m refugees") or
/// after a currency sign ("£3.5m"). Elsewhere "10m" is ten metres. `i` is
/// the number's first token.
fn scale_letter(cx: &Cx<'_>, i: usize, j: usize) -> Option<(u32, usize)> {
    if !cx.is_wordtok(j) {
        return None;
    }
    let attached = cx.adjacent(j);
    let gap = cx.gap(j);
    let spaced = gap.len() <= 2 && gap.bytes().all(|b| b == b' ');
    if !attached && !spaced {
        return None;
    }
    // Not the start of a longer word or of a unit after it ("1 M sample"?):
    // the next token must not be an attached word.
    if cx.is_wordtok(j + 1) && cx.adjacent(j + 1) {
        return None;
    }
    let letter = cx.s(j);
    if letter == "m" && attached {
        let currency = i > 0 && matches!(cx.punct(i - 1), Some('£' | '$' | '€'));
        let people = cx.word(j + 1).is_some_and(|w| w.is(Class::People))
            || (cx.is_cap(j + 1) && cx.s(j + 1).ends_with('s'));
        return (currency || people).then_some((6, j + 1));
    }
    let &(_, p, touching) = SCALE_LETTERS.iter().find(|(l, _, _)| *l == letter)?;
    if touching == Touching::Attached && !attached {
        return None;
    }
    Some((p, j + 1))
}

/// "2  1/4", "- 1 4/5", "2½": a whole number and a fraction.
pub(super) fn mixed_digits(cx: &Cx<'_>, n: Num) -> Num {
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
