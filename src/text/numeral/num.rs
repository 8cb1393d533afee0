//! A number read at some tokens, and checked arithmetic on the values read.

use rust_decimal::Decimal;

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

/// The product, normalized: a multiplier adds no decimal places, so that
/// "1.2 million" is 1200000, not 1200000.0, as the value grammar reads it.
pub(super) fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b).map(|p| p.normalize())
}

pub(super) fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

pub(super) fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        None
    } else {
        a.checked_div(b).map(|q| q.normalize())
    }
}

pub(super) fn scale(a: Decimal, p: u32) -> Option<Decimal> {
    mul(a, pow10(p)?)
}

pub(super) fn dec(v: u8) -> Decimal {
    Decimal::from(v)
}
