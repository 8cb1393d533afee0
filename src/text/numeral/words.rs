//! Numbers that start with a word or mix words with digits: "zero point
//! five", "a dozen", "half a million", "two thirds", "3 hundred and 21".

use rust_decimal::Decimal;

use super::cardinal::{cardinal, decimal_part, is_hyphen};
use super::num::{Num, NumKind, add, div, mul, scale};
use crate::text::token::Cx;
use crate::text::vocabulary::W;

/// Reads a number that starts with a word.
pub(super) fn words_number(cx: &Cx<'_>, i: usize) -> Option<Num> {
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
pub(super) fn fraction_after(cx: &Cx<'_>, c: Num) -> Num {
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

/// "two thirds of a million", "three quarters million", and after a mixed
/// number "1½ million".
pub(super) fn scale_after_fraction(cx: &Cx<'_>, n: Num) -> Num {
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
pub(super) fn words_after_digits(cx: &Cx<'_>, d: Num) -> Num {
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
