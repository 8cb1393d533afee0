//! Cardinals and ordinals in words, one atom at a time: "one hundred and
//! five", "twenty-first", "three lakh crore", "nineteen hundred seventy-three".

use rust_decimal::Decimal;

use super::digits::digits;
use super::digits::{from_mantissa, push_digits};
use super::num::{Num, NumKind, add, dec, mul, pow10, scale};
use crate::text::token::{Cx, Kind};
use crate::text::vocabulary::W;

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

pub(super) fn is_hyphen(c: char) -> bool {
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

/// The cardinal (or ordinal) number in words starting at `i`, possibly
/// continuing a number given in digits (`seed`). With `denom`, plural
/// ordinals compound with tens ("twenty fifths" is 25ths, as a denominator).
pub(super) fn cardinal(cx: &Cx<'_>, i: usize, seed: Option<Num>, denom: bool) -> Option<Num> {
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
                // "3 hundred and 2 hundred", "2 million and 3 million":
                // two numbers.
                if matches!(w, W::Hundred(_) | W::Scale(..)) && m.since_and.is_some() {
                    best = before_and;
                }
                break;
            }
        }
    }
    // "one billion and three quarters million", "one hundred and three
    // quarters": the fraction after "and" belongs to a mixed number, not to
    // a numerator. After a hundred only a proper fraction does, its number
    // agreeing ("one half", "three quarters"): "one hundred and
    // thirty fifths" is 130 fifths and "one hundred and one halves" 101
    // halves (as Recognizers-Text reads them).
    if let (Some(after_and), Some((_, next, _))) = (m.since_and, best) {
        let k = if cx.punct(next).is_some_and(is_hyphen) {
            next + 1
        } else {
            next
        };
        let mixed = match (cx.w(k), m.hundred_in_group) {
            (Some(w), false) => {
                m.scale.is_some()
                    && matches!(
                        w,
                        W::Half(_)
                            | W::Quarter(_)
                            | W::OrdUnit(_, true)
                            | W::OrdTeen(_, true)
                            | W::OrdTens(_, true)
                            | W::OrdHundred(true)
                    )
            }
            (Some(w), true) => {
                let (denominator, plural) = match w {
                    W::Half(p) => (Some(Decimal::TWO), p),
                    W::Quarter(p) => (Some(Decimal::from(4)), p),
                    W::OrdUnit(d, p) | W::OrdTeen(d, p) | W::OrdTens(d, p) => {
                        (Some(Decimal::from(d)), p)
                    }
                    W::OrdHundred(p) => (Some(Decimal::ONE_HUNDRED), p),
                    W::OrdScale(q, p) => (pow10(q), p),
                    _ => (None, false),
                };
                plural == (after_and != Decimal::ONE) && denominator.is_some_and(|d| after_and < d)
            }
            (None, _) => false,
        };
        if mixed {
            best = before_and;
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

/// The digits after a decimal "point": a digit run ("1 point 1"), digit
/// words ("zero three", "o five", "nine nine"), or one two-digit number
/// ("seventy-one", "eleven"). Returns the fraction (< 1) and the next token.
pub(super) fn decimal_part(cx: &Cx<'_>, k: usize) -> Option<(Decimal, usize)> {
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
