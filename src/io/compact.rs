//! The report's compact JSON written straight into bytes: byte for byte
//! what `serde_json` writes for the objects of the contract (the report's
//! tests hold the two to it, on the Qalamoun dossier and on any claims
//! table), without its serializer in between. One difference: a `Display`
//! that fails (none of the contract's does) leaves its text cut short here,
//! where `serde_json` returns an error.
//!
//! Each object lists its fields once, to a [`Fields`]; this module writes
//! each key as the literal bytes it is and a decimal as its digits, and
//! escapes only the strings that need it. `reconcile --json` of the 4.09 M
//! claims of the peers' synthetic file, on one core, took 7.74 s through
//! `serde_json` and 7.33 s so (means of four alternating runs, the same
//! report).

use std::convert::Infallible;
use std::fmt::{self, Display, Write as _};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::Interval;
use crate::model::interval::{dcmp, words};
use crate::reconcile::pieces::{Piece, Pieces};
use crate::reconcile::wire::{Fields, Object, with_text};

/// Appends an object of the contract to `out`, as `serde_json` writes it
/// (compact).
pub(crate) fn object(out: &mut Vec<u8>, o: &impl Object) {
    Compact(out).object(o);
}

/// The fields of objects, appended to a buffer, without a flag for the
/// first field (see [`Compact::object`]): the flag was read and stored at
/// every field. `reconcile --json` of 10^5 claims, 0.973 G -> 0.962 G
/// instructions (callgrind), the same report.
///
/// Putting each field together in an array on the stack, appended at once,
/// took 0.931 G instructions but was slower on one core (5.04 s against
/// 4.74 s, means of five alternating runs of the 4.09 M claims): each
/// field's bytes were read back as wide loads just after narrow stores.
struct Compact<'a>(&'a mut Vec<u8>);

impl Compact<'_> {
    /// `o` as an object. Each key is written with a comma before it; the
    /// first one's comma becomes the opening brace, so that no field has to
    /// know whether it is the first.
    #[inline(always)]
    fn object(&mut self, o: &impl Object) {
        let start = self.0.len();
        let Ok(()) = o.fields(self);
        match self.0.get_mut(start) {
            Some(comma) => *comma = b'{',
            None => self.0.push(b'{'),
        }
        self.0.push(b'}');
    }

    /// A comma and the key. Every key of the contract is a lowercase word,
    /// with nothing to escape.
    #[inline(always)]
    fn key(&mut self, key: &'static str) {
        self.key_then(key, b"");
    }

    /// A comma, the key and `then`, the bytes known to follow it (a
    /// value's opening quote, `null`), appended as one copy. Inlined where
    /// the key and `then` are known, the bytes are put together at compile
    /// time: the appends, each checking the buffer's room and moving its
    /// end, become one of known length. `reconcile --json` of 10^5 claims:
    /// 929.75 M -> 895.10 M instructions for the key alone (callgrind), the
    /// same report.
    #[inline(always)]
    fn key_then(&mut self, key: &'static str, then: &'static [u8]) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        let (k, n) = (key.as_bytes(), key.len() + then.len() + 4);
        let mut bytes = [0u8; 32];
        match bytes.get_mut(2..n).map(|room| room.split_at_mut(k.len())) {
            Some((name, rest)) => {
                name.copy_from_slice(k);
                let (colon, value) = rest.split_at_mut(2);
                colon.copy_from_slice(b"\":");
                value.copy_from_slice(then);
                bytes[0] = b',';
                bytes[1] = b'"';
                self.0.extend_from_slice(bytes.get(..n).unwrap_or_default());
            }
            // Longer than any key of the contract.
            None => {
                self.0.extend_from_slice(b",\"");
                self.0.extend_from_slice(k);
                self.0.extend_from_slice(b"\":");
                self.0.extend_from_slice(then);
            }
        }
    }
}

/// `s` as a JSON string.
#[inline(always)]
pub(super) fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    escaped(out, s.as_bytes());
    out.push(b'"');
}

/// `bytes` (UTF-8 text) with what JSON requires escaped, as `serde_json`
/// escapes it: a quote, a backslash, and control characters (`\b`, `\t`,
/// `\n`, `\f`, `\r`, the others as `\u00xx`); everything else as it is.
fn escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    if !needs_escaping(bytes) {
        return short(out, bytes);
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !must_escape(b) {
            continue;
        }
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        start = i + 1;
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0c => b'f',
            b'\r' => b'r',
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let (high, low) = (HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]);
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', high, low]);
                continue;
            }
        };
        out.extend_from_slice(&[b'\\', short]);
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
}

/// `bytes` appended. Four to thirty-two of them (most ids, most words of
/// a sentence) go as two overlapping pieces of known length, the second
/// written over the end of the first, where a copy of any length is a
/// call that picks its way by the length. With a sentence's words so
/// too, `reconcile --json` of 4.09 M claims on one core took 3.43 s of
/// user time against 3.50 s (the fastest of six alternating runs; medians
/// 3.50 and 3.55 s).
#[inline(always)]
fn short(out: &mut Vec<u8>, bytes: &[u8]) {
    let n = bytes.len();
    let start = out.len();
    if let (Some(first), Some(last)) = (bytes.first_chunk::<16>(), bytes.last_chunk::<16>())
        && n <= 32
    {
        out.extend_from_slice(first);
        out.truncate(start + n - 16);
        out.extend_from_slice(last);
        return;
    }
    match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(first), Some(last)) if n <= 16 => {
            out.extend_from_slice(first);
            out.truncate(start + n - 8);
            out.extend_from_slice(last);
        }
        (None, None) => match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            (Some(first), Some(last)) => {
                out.extend_from_slice(first);
                out.truncate(start + n - 4);
                out.extend_from_slice(last);
            }
            _ => out.extend_from_slice(bytes),
        },
        _ => out.extend_from_slice(bytes),
    }
}

/// Whether any byte of `bytes` must be escaped. Nearly every string of a
/// report needs nothing escaped, and most are ids of a few bytes: they are
/// read eight bytes at a time, the last word overlapping the one before it
/// (and one of four to seven bytes as two overlapping halves), so that a
/// string costs a few word operations and no loop over its bytes.
/// `reconcile --json` of 10^5 claims: 1.2728 G -> 1.2288 G instructions
/// (callgrind), where a scan that the compiler vectorised cost about 100
/// instructions a string.
fn needs_escaping(bytes: &[u8]) -> bool {
    let n = bytes.len();
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(first), Some(last)) if n < 8 => {
            let (first, last) = (u32::from_le_bytes(*first), u32::from_le_bytes(*last));
            escapes_in(u64::from(first) | u64::from(last) << 32)
        }
        (Some(_), Some(_)) => {
            let mut words = bytes.chunks_exact(8);
            let whole = words.by_ref().any(|w| {
                w.first_chunk::<8>()
                    .is_some_and(|w| escapes_in(u64::from_le_bytes(*w)))
            });
            whole
                || bytes
                    .last_chunk::<8>()
                    .is_some_and(|w| escapes_in(u64::from_le_bytes(*w)))
        }
        _ => bytes.iter().any(|&b| must_escape(b)),
    }
}

/// Whether any of the eight bytes of `word` must be escaped: a byte below
/// 0x20, a quote or a backslash. Each test is exact for the word as a whole
/// (a borrow can only start at a byte that matches), which is all a yes or
/// no needs.
fn escapes_in(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    let zero_in = |w: u64| w.wrapping_sub(ONES) & !w;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = zero_in(word ^ (ONES * u64::from(b'"')));
    let backslash = zero_in(word ^ (ONES * u64::from(b'\\')));
    (below_space | quote | backslash) & HIGH != 0
}

/// Whether JSON requires `b` escaped in a string.
fn must_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Text written through `fmt`, escaped as it comes.
struct Escaping<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escaped(self.0, s.as_bytes());
        Ok(())
    }
}

/// `v`'s text as a JSON string.
pub(super) fn text(out: &mut Vec<u8>, v: &dyn Display) {
    out.push(b'"');
    text_closed(out, v);
}

/// `v`'s text escaped and the closing quote, its opening quote written.
#[inline(always)]
fn text_closed(out: &mut Vec<u8>, v: &dyn Display) {
    // Writing into a buffer cannot fail; a `Display` that fails leaves its
    // text cut short, as `serde_json` would have failed the whole report.
    let _ = write!(Escaping(out), "{v}");
    out.push(b'"');
}

/// `v`'s text, written from its pieces, as a JSON string.
pub(super) fn sentence(out: &mut Vec<u8>, v: &impl Pieces) {
    out.push(b'"');
    v.pieces(|pieces| pieces.iter().for_each(|&p| piece(out, p)));
    out.push(b'"');
}

/// A piece of a sentence, inside a JSON string: only a user's text can
/// need escaping.
fn piece(out: &mut Vec<u8>, p: Piece<'_>) {
    match p {
        Piece::Words(w) => {
            debug_assert!(!needs_escaping(w.as_bytes()), "{w:?}");
            short(out, w.as_bytes());
        }
        Piece::Count(n) => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
        Piece::Number(d) => plain(out, d),
        Piece::Value(v) => match v.high() {
            // `0.0` as `[0, 0.0]` writes, as `Interval::compact` does.
            Some(high) if dcmp(&high, &v.low()).is_eq() => plain(out, high),
            Some(high) => {
                plain(out, v.low());
                out.extend_from_slice("–".as_bytes());
                plain(out, high);
            }
            None => {
                plain(out, v.low());
                out.push(b'+');
            }
        },
        Piece::Text(t) => {
            let _ = write!(Escaping(out), "{t}");
        }
    }
}

/// `d`'s text, as `Decimal`'s `Display` writes it: digits, a point and a
/// sign, with nothing to escape. Most of a report's decimals are counts
/// below 10,000: inlined where a decimal is written, each is pushed digit
/// by digit. An array of its digits, copied at once, is left a call to
/// `Vec`'s copy where many decimals are written (`Detail`'s fields), about
/// 58 instructions each: pushed, `reconcile --json` of 10^5 claims takes
/// 0.946 G instructions against 0.961 G, and of 4.09 M claims on one core
/// 4.97 s against 5.24 s (means of five alternating runs). Against every decimal written as `Display` writes it:
/// 1.2033 G -> 1.1567 G instructions (10^5 claims, callgrind), where each
/// was a call that saved six registers, a 128-bit `itoa`, a buffer checked as
/// UTF-8 and a copy of any length. That figure had the other decimals
/// written here too, the point put in place by a copy of
/// `model::interval::place_point`; through `wire::with_text`, which uses
/// it, they cost 0.961 G -> 0.973 G of the whole run.
#[inline(always)]
fn plain(out: &mut Vec<u8>, d: Decimal) {
    let [flags, lo, mid, hi] = words(d);
    if flags | mid | hi == 0 && lo < 10_000 {
        return count(out, lo);
    }
    plain_other(out, d);
}

/// `n`, below 10,000, pushed digit by digit.
#[inline(always)]
fn count(out: &mut Vec<u8>, n: u32) {
    // The digit worth `place` (1, 10, 100, 1,000).
    let digit = |place: u32| b'0' + (n / place % 10) as u8;
    if n >= 1000 {
        out.push(digit(1000));
    }
    if n >= 100 {
        out.push(digit(100));
    }
    if n >= 10 {
        out.push(digit(10));
    }
    out.push(digit(1));
}

/// A decimal that is not a count below 10,000, as [`plain`] writes it.
/// A score or a share (`0.152`, `12.5`), with one to three digits after
/// the point and fewer than five in all, is written from its digits here;
/// any other through [`with_text`].
#[inline(never)]
fn plain_other(out: &mut Vec<u8>, d: Decimal) {
    let [_, lo, mid, hi] = words(d);
    let scale = d.scale();
    if d.is_sign_negative() || mid | hi != 0 || lo >= 10_000 || !(1..=3).contains(&scale) {
        return with_text(d, |t| out.extend_from_slice(t.as_bytes()));
    }
    let (whole, fraction, mut place) = match scale {
        1 => (lo / 10, lo % 10, 1),
        2 => (lo / 100, lo % 100, 10),
        _ => (lo / 1000, lo % 1000, 100),
    };
    count(out, whole);
    out.push(b'.');
    while place > 0 {
        out.push(b'0' + (fraction / place % 10) as u8);
        place /= 10;
    }
}

/// A decimal string.
#[inline(always)]
pub(super) fn dec(out: &mut Vec<u8>, d: Decimal) {
    out.push(b'"');
    plain(out, d);
    out.push(b'"');
}

#[inline(always)]
pub(super) fn opt_dec(out: &mut Vec<u8>, d: Option<Decimal>) {
    match d {
        Some(d) => dec(out, d),
        None => out.extend_from_slice(b"null"),
    }
}

/// The items of an array whose `[` is written: each by `each`, a comma
/// between two, then the `]`.
fn items<T>(out: &mut Vec<u8>, items: impl Iterator<Item = T>, each: impl Fn(&mut Vec<u8>, T)) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
    out.push(b']');
}

impl Fields for Compact<'_> {
    type Error = Infallible;

    #[inline(always)]
    fn str(&mut self, key: &'static str, v: &str) -> Result<(), Infallible> {
        self.key_then(key, b"\"");
        escaped(self.0, v.as_bytes());
        self.0.push(b'"');
        Ok(())
    }

    /// Written as it is: no word of the contract holds a byte to escape.
    /// `reconcile --json` of 10^5 claims: 1.2288 G -> 1.2033 G instructions
    /// (callgrind), a fifth of its strings being such words.
    #[inline(always)]
    fn word(&mut self, key: &'static str, v: &'static str) -> Result<(), Infallible> {
        debug_assert!(!needs_escaping(v.as_bytes()), "{v:?}");
        self.key_then(key, b"\"");
        self.0.extend_from_slice(v.as_bytes());
        self.0.push(b'"');
        Ok(())
    }

    #[inline(always)]
    fn opt_str(&mut self, key: &'static str, v: Option<&str>) -> Result<(), Infallible> {
        match v {
            Some(v) => self.str(key, v),
            None => {
                self.key_then(key, b"null");
                Ok(())
            }
        }
    }

    #[inline(always)]
    fn text(&mut self, key: &'static str, v: &dyn Display) -> Result<(), Infallible> {
        self.key_then(key, b"\"");
        text_closed(self.0, v);
        Ok(())
    }

    #[inline(always)]
    fn pieces<T: Pieces>(&mut self, key: &'static str, v: &T) -> Result<(), Infallible> {
        self.key_then(key, b"\"");
        v.pieces(|pieces| pieces.iter().for_each(|&p| piece(self.0, p)));
        self.0.push(b'"');
        Ok(())
    }

    #[inline(always)]
    fn dec(&mut self, key: &'static str, v: Decimal) -> Result<(), Infallible> {
        self.key_then(key, b"\"");
        plain(self.0, v);
        self.0.push(b'"');
        Ok(())
    }

    #[inline(always)]
    fn opt_dec(&mut self, key: &'static str, v: Option<Decimal>) -> Result<(), Infallible> {
        match v {
            Some(v) => self.dec(key, v),
            None => {
                self.key_then(key, b"null");
                Ok(())
            }
        }
    }

    #[inline(always)]
    fn opt_iv(&mut self, key: &'static str, v: Option<Interval>) -> Result<(), Infallible> {
        match v {
            Some(v) => {
                self.key_then(key, b"[\"");
                plain(self.0, v.low());
                match v.high() {
                    Some(high) => {
                        self.0.extend_from_slice(b"\",\"");
                        plain(self.0, high);
                        self.0.extend_from_slice(b"\"]");
                    }
                    None => self.0.extend_from_slice(b"\",null]"),
                }
            }
            None => self.key_then(key, b"null"),
        }
        Ok(())
    }

    #[inline(always)]
    fn uint(&mut self, key: &'static str, v: u64) -> Result<(), Infallible> {
        self.key(key);
        // Most counts of a report (claims, sources, a credibility) are
        // small: pushed digit by digit, as a decimal's are.
        match u32::try_from(v) {
            Ok(n) if n < 10_000 => count(self.0, n),
            _ => self
                .0
                .extend_from_slice(itoa::Buffer::new().format(v).as_bytes()),
        }
        Ok(())
    }

    #[inline(always)]
    fn bool(&mut self, key: &'static str, v: bool) -> Result<(), Infallible> {
        if v {
            self.key_then(key, b"true");
        } else {
            self.key_then(key, b"false");
        }
        Ok(())
    }

    /// Each id in its quotes, the quotes and comma between two ids
    /// appended as one.
    #[inline(always)]
    fn ids<T: AsRef<str>>(&mut self, key: &'static str, v: &[T]) -> Result<(), Infallible> {
        match v.split_first() {
            Some((first, rest)) => {
                self.key_then(key, b"[\"");
                escaped(self.0, first.as_ref().as_bytes());
                for id in rest {
                    self.0.extend_from_slice(b"\",\"");
                    escaped(self.0, id.as_ref().as_bytes());
                }
                self.0.extend_from_slice(b"\"]");
            }
            None => self.key_then(key, b"[]"),
        }
        Ok(())
    }

    #[inline(always)]
    fn texts<T: Pieces>(&mut self, key: &'static str, v: &[T]) -> Result<(), Infallible> {
        self.key_then(key, b"[");
        items(self.0, v.iter(), |out, t| sentence(out, t));
        Ok(())
    }

    #[inline(always)]
    fn objects<T: Object + Serialize>(
        &mut self,
        key: &'static str,
        v: impl Iterator<Item = T>,
    ) -> Result<(), Infallible> {
        self.key_then(key, b"[");
        items(self.0, v, |out, o| Compact(out).object(&o));
        Ok(())
    }

    #[inline(always)]
    fn object<T: Object + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Infallible> {
        self.key(key);
        self.object(v);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Measure;
    use crate::model::{Date, FigureId, Period, Side, TripleIssue};
    use crate::reconcile::confidence::{Likelihood, Reason, Sentence};
    use crate::reconcile::conflict::{Detail, ScopeIssue};
    use proptest::prelude::*;

    proptest! {
        /// Whether a string needs escaping, read a word at a time: as read
        /// byte by byte, at every length and alignment.
        #[test]
        fn needs_escaping_is_any_byte_that_must_be_escaped(
            bytes in prop::collection::vec(prop_oneof![Just(0u8), Just(0x1f), Just(b' '), Just(b'"'), Just(b'\\'), Just(0x21), Just(0x5b), Just(0x5d), Just(0x7f), Just(0x80), Just(0xff), any::<u8>()], 0..40),
        ) {
            for start in 0..bytes.len().min(8) {
                let b = &bytes[start..];
                prop_assert_eq!(needs_escaping(b), b.iter().any(|&x| must_escape(x)), "{:?}", b);
            }
        }

        /// Appended in overlapping pieces or copied whole: the same bytes
        /// after whatever the buffer held, at every length.
        #[test]
        fn short_bytes_are_appended_as_they_are(
            before in prop::collection::vec(any::<u8>(), 0..20),
            bytes in prop::collection::vec(any::<u8>(), 0..70),
        ) {
            for n in 0..=bytes.len() {
                let mut out = before.clone();
                short(&mut out, &bytes[..n]);
                prop_assert_eq!(&out[..before.len()], &before[..]);
                prop_assert_eq!(&out[before.len()..], &bytes[..n]);
            }
        }

        /// A decimal written digit by digit, or through its mantissa: its
        /// `Display`, at every scale and sign, `-0` and `0.00` included.
        #[test]
        fn decimals_are_written_as_they_display(d in decimals(), scale in 0u32..5, n in 0u16..12_000) {
            for d in [d, Decimal::from(n), Decimal::new(i64::from(n), scale), -Decimal::new(i64::from(n), scale)] {
                let mut out = Vec::new();
                plain(&mut out, d);
                prop_assert_eq!(String::from_utf8(out).unwrap(), d.to_string());
            }
        }

        /// Any text, control characters, quotes, backslashes and
        /// non-ASCII included: the bytes `serde_json` writes.
        #[test]
        fn strings_are_escaped_as_serde_json_escapes_them(s in "(?s).{0,40}", t in "[\\x00-\\x7f]{0,40}") {
            for s in [&s, &t] {
                let mut out = Vec::new();
                string(&mut out, s);
                prop_assert_eq!(&out, &serde_json::to_vec(s).unwrap());
                let mut out = Vec::new();
                text(&mut out, &s);
                prop_assert_eq!(&out, &serde_json::to_vec(s).unwrap());
            }
        }

        /// Every explanation, reason and likelihood sentence, written from
        /// its pieces: the bytes `serde_json` writes for its `Display`.
        #[test]
        fn sentences_are_their_display_as_serde_json_writes_it(
            d in decimals(), e in decimals(), g in decimals(), n in 0usize..12, m in 0usize..12,
            side in "(?s).{0,12}", word in "[a-z\"\\\\]{1,8}",
        ) {
            // Intervals never hold a negative value; a triple may.
            let (lo, hi) = if d.abs() <= e.abs() { (d.abs(), e.abs()) } else { (e.abs(), d.abs()) };
            let ivs = [
                Interval::exact(lo).unwrap(),
                Interval::new(lo, Some(hi)).unwrap(),
                Interval::at_least(lo).unwrap(),
            ];
            let side = Side::new(&side);
            let date: Date = "2014-03-01".parse().unwrap();
            let (a, b) = (FigureId::from(word.as_str()), FigureId::from("whole"));
            let mut details = vec![
                Detail::PartisanOnly { side: side.clone() },
                Detail::InvalidTriple { issue: TripleIssue::BestAboveHigh, low: d, best: e, high: g },
                Detail::NotWhole { value: e },
                Detail::AmbiguousPoint { value: e },
                Detail::TotalBelowParts { total: ivs[1], figure: g, parts: ivs[0] },
                Detail::ScopeMismatch {
                    part: a.clone(), whole: b.clone(),
                    issue: ScopeIssue::Measure { part: Measure::Killed, whole: Measure::Other(word.as_str().into()) },
                },
                Detail::ScopeMismatch {
                    part: a, whole: b,
                    issue: ScopeIssue::Period { part: Period::on(date), whole: Period::on(date) },
                },
            ];
            for (x, y) in ivs.iter().flat_map(|x| ivs.iter().map(move |y| (*x, *y))) {
                details.extend([
                    Detail::Disjoint { lower: x, nearest: y, farthest: y, uppers: n },
                    Detail::EmptyConsensus { ceiling: x, floor: y },
                    Detail::Outlier { value: x, nearest: y },
                    Detail::Revision { from: x, to: y },
                    Detail::PartExceedsWhole { part: x, whole: y },
                    Detail::ComponentsExceedTotal { sum: x, total: y },
                ]);
            }
            let reasons = [
                Reason::Reports { reports: n, independent: m, disjoint: true },
                Reason::Reports { reports: n, independent: n, disjoint: false },
                Reason::Reports { reports: m, independent: n, disjoint: false },
                Reason::Unattributed { count: n, of: m },
                Reason::Unattributed { count: n, of: n },
                Reason::OneSide(side),
                Reason::Outliers(n),
                Reason::Questionable(m),
                Reason::WideRange(d),
                Reason::NoCommonValue,
                Reason::RelatedConflict,
                Reason::InvalidTriple,
                Reason::NotWhole,
                Reason::AmbiguousPoint,
            ];
            let sentences = ivs.map(|range| Sentence { likelihood: Likelihood::RoughlyEvenChance, range });
            fn check(v: &impl Pieces) -> Result<(), TestCaseError> {
                let mut out = Vec::new();
                sentence(&mut out, v);
                prop_assert_eq!(
                    String::from_utf8(out).unwrap(),
                    serde_json::to_string(&v.to_string()).unwrap()
                );
                Ok(())
            }
            for d in &details {
                check(d)?;
            }
            for r in &reasons {
                check(r)?;
            }
            for s in &sentences {
                check(s)?;
            }
        }
    }

    /// An object without fields, and objects whose first field is an
    /// object or an array of them: the first comma became the brace.
    #[test]
    fn an_object_opens_with_a_brace_however_its_fields_begin() {
        #[derive(Serialize)]
        struct Empty {}
        impl Object for Empty {
            fn fields<F: Fields>(&self, _: &mut F) -> Result<(), F::Error> {
                Ok(())
            }
        }
        struct Nested(usize);
        impl Object for Nested {
            fn fields<F: Fields>(&self, f: &mut F) -> Result<(), F::Error> {
                f.objects("inner", (0..self.0).map(|_| Empty {}))
            }
        }
        let written = |o: &dyn Fn(&mut Vec<u8>)| {
            let mut out = b"x".to_vec();
            o(&mut out);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(written(&|out| object(out, &Empty {})), "x{}");
        assert_eq!(written(&|out| object(out, &Nested(0))), r#"x{"inner":[]}"#);
        assert_eq!(
            written(&|out| object(out, &Nested(2))),
            r#"x{"inner":[{},{}]}"#
        );
    }

    /// The edges of the two paths written from digits, counts below
    /// 10,000 and fractions with one to three digits after the point: each
    /// as it displays.
    #[test]
    fn counts_and_short_fractions_at_their_edges() {
        for (m, scale, text) in [
            (0, 0, "0"),
            (9_999, 0, "9999"),
            (10_000, 0, "10000"),
            (152, 3, "0.152"),
            (1, 3, "0.001"),
            (0, 3, "0.000"),
            (1_520, 3, "1.520"),
            (9_999, 3, "9.999"),
            (10_000, 3, "10.000"),
            (9_999, 1, "999.9"),
            (5, 2, "0.05"),
            (1, 4, "0.0001"),
            (-152, 3, "-0.152"),
        ] {
            let mut out = Vec::new();
            plain(&mut out, Decimal::new(m, scale));
            assert_eq!(
                String::from_utf8(out).unwrap(),
                text,
                "{m} at scale {scale}"
            );
        }
    }

    /// Decimals of any sign and scale, whole ones most often.
    fn decimals() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (0u64..100_000).prop_map(Decimal::from),
            (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
            Just(Decimal::MAX),
        ]
    }
}
