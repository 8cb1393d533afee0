//! A sentence of the report as pieces: fixed words, counts, decimals,
//! values, and text of the user's. `Display` writes the sentence from
//! them, and so does the report's compact JSON writer (`io::compact`),
//! which writes all but the user's text straight into bytes, without
//! `fmt` and without escaping: words are the crate's own and numbers are
//! digits.
//!
//! A conflict's explanation is the commonest sentence of a report, about
//! one per claim, and every figure has a likelihood sentence and reasons.
//! On one core, `reconcile --json` of the 4.09 M claims of the peers'
//! synthetic file spent about 0.54 s of 5.6 s writing these sentences
//! through `fmt` (measured by writing them empty); written from pieces, the
//! whole run took 6 to 9 % less time (5.66 -> 5.24 s, 6.58 -> 6.18 s and
//! 6.93 -> 6.29 s in three sets of alternating runs on a shared machine,
//! the same report).

use std::fmt;

use rust_decimal::Decimal;

use crate::Interval;
use crate::model::interval::Plain;

/// One piece of a sentence.
#[derive(Clone, Copy)]
pub(crate) enum Piece<'a> {
    /// Words, as they are: the crate's own, with nothing JSON escapes.
    Words(&'static str),
    /// A whole number.
    Count(usize),
    /// A decimal, as `Decimal`'s `Display` writes it.
    Number(Decimal),
    /// A value, as [`Interval::compact`] writes it: `50`, `50–170` or `50+`.
    Value(Interval),
    /// Anything else, through its `Display`: an id, a side, a period.
    Text(&'a dyn fmt::Display),
}

impl fmt::Display for Piece<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Piece::Words(w) => f.write_str(w),
            Piece::Count(n) => write!(f, "{n}"),
            Piece::Number(d) => write!(f, "{}", Plain(d)),
            Piece::Value(v) => write!(f, "{}", v.compact()),
            Piece::Text(t) => write!(f, "{t}"),
        }
    }
}

/// Text written as pieces; its `Display` is [`write_pieces`].
pub(crate) trait Pieces: fmt::Display {
    /// Hands the text's pieces to `each`, in order, a slice at a time.
    fn pieces<'a>(&'a self, each: impl FnMut(&[Piece<'a>]));
}

/// Writes `v`'s pieces to `f`: a `Display` of a [`Pieces`].
pub(crate) fn write_pieces(v: &impl Pieces, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut result = Ok(());
    v.pieces(|pieces| {
        for p in pieces {
            if result.is_ok() {
                result = fmt::Display::fmt(p, f);
            }
        }
    });
    result
}
