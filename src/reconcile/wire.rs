//! How the results are written through serde: every figure a decimal
//! string (`"0.070"`), never a number, so that no digit is lost; an
//! interval `[low, high]`, `high` null when unbounded; `null` for what
//! cannot be given.

use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::Interval;

/// A decimal, written as its string.
pub(crate) struct Dec(pub(crate) Decimal);

impl Serialize for Dec {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Most figures in a report are whole numbers: written through the
        // integer formatter, they take a fraction of the time of
        // `Decimal`'s own (which divides its 96-bit mantissa digit by digit).
        // The text is the same.
        if self.0.scale() == 0 && !self.0.is_sign_negative() {
            if let Ok(n) = u64::try_from(self.0.mantissa()) {
                return s.collect_str(&n);
            }
        }
        s.collect_str(&self.0)
    }
}

/// An optional decimal: its string, or `null`.
pub(crate) fn dec(d: Option<Decimal>) -> Option<Dec> {
    d.map(Dec)
}

/// An interval, written as `[low, high]`.
pub(crate) struct Iv(pub(crate) Interval);

impl Serialize for Iv {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(2))?;
        seq.serialize_element(&Dec(self.0.low()))?;
        seq.serialize_element(&dec(self.0.high()))?;
        seq.end()
    }
}

/// An optional interval: `[low, high]`, or `null`.
pub(crate) fn iv(i: Option<Interval>) -> Option<Iv> {
    i.map(Iv)
}

/// Anything with `Display`, written as its text.
pub(crate) struct Text<T>(pub(crate) T);

impl<T: std::fmt::Display> Serialize for Text<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// Ids (of claims, figures, sides) written as their strings, as a sequence.
pub(crate) struct Ids<'a, T>(pub(crate) &'a [T]);

impl<T: AsRef<str>> Serialize for Ids<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for id in self.0 {
            seq.serialize_element(id.as_ref())?;
        }
        seq.end()
    }
}

/// Items written as their text, as a sequence.
pub(crate) fn texts<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> Vec<Text<T>> {
    items.into_iter().map(Text).collect()
}
