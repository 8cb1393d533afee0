//! The English number vocabulary: cardinal and ordinal words, scales,
//! fraction words and months. Words are looked up lowercased.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum W {
    /// zero, nought, naught, nil.
    Zero,
    /// "o" / "oh": zero only inside a spoken digit string ("o eight").
    Oh,
    /// one … nine.
    Unit(u8),
    /// ten … nineteen.
    Teen(u8),
    /// twenty … ninety.
    Tens(u8),
    /// hundred; `true` when plural ("hundreds").
    Hundred(bool),
    /// thousand, million, lakh, crore …: the power of ten; `true` when plural.
    Scale(u32, bool),
    /// dozen, dozens, dz, doz.
    Dozen,
    /// An ordinal of one … nine ("first", "fifths"); `true` when plural.
    OrdUnit(u8, bool),
    /// tenth … nineteenth.
    OrdTeen(u8, bool),
    /// twentieth … ninetieth.
    OrdTens(u8, bool),
    /// hundredth.
    OrdHundred(bool),
    /// thousandth, millionth …: the power of ten.
    OrdScale(u32, bool),
    /// half, halves.
    Half(bool),
    /// quarter, quarters.
    Quarter(bool),
    /// a, an.
    A,
    /// and.
    And,
    /// point (a decimal point in words).
    Point,
    /// minus, negative.
    Minus,
    /// pair ("a pair").
    Pair,
}

/// Every number word, lowercase.
const TABLE: &[(&str, W)] = &[
    ("zero", W::Zero),
    ("nought", W::Zero),
    ("naught", W::Zero),
    ("nil", W::Zero),
    ("o", W::Oh),
    ("oh", W::Oh),
    ("one", W::Unit(1)),
    ("two", W::Unit(2)),
    ("three", W::Unit(3)),
    ("four", W::Unit(4)),
    ("five", W::Unit(5)),
    ("six", W::Unit(6)),
    ("seven", W::Unit(7)),
    ("eight", W::Unit(8)),
    ("nine", W::Unit(9)),
    ("ten", W::Teen(10)),
    ("eleven", W::Teen(11)),
    ("twelve", W::Teen(12)),
    ("thirteen", W::Teen(13)),
    ("fourteen", W::Teen(14)),
    ("fifteen", W::Teen(15)),
    ("sixteen", W::Teen(16)),
    ("seventeen", W::Teen(17)),
    ("eighteen", W::Teen(18)),
    ("nineteen", W::Teen(19)),
    ("twenty", W::Tens(20)),
    ("thirty", W::Tens(30)),
    ("forty", W::Tens(40)),
    ("fourty", W::Tens(40)),
    ("fifty", W::Tens(50)),
    ("sixty", W::Tens(60)),
    ("seventy", W::Tens(70)),
    ("eighty", W::Tens(80)),
    ("ninety", W::Tens(90)),
    ("hundred", W::Hundred(false)),
    ("hundreds", W::Hundred(true)),
    ("thousand", W::Scale(3, false)),
    ("thousands", W::Scale(3, true)),
    ("million", W::Scale(6, false)),
    ("mn", W::Scale(6, false)),
    ("mil", W::Scale(6, false)),
    ("millions", W::Scale(6, true)),
    ("billion", W::Scale(9, false)),
    ("bn", W::Scale(9, false)),
    ("bln", W::Scale(9, false)),
    ("billions", W::Scale(9, true)),
    ("trillion", W::Scale(12, false)),
    ("tln", W::Scale(12, false)),
    ("trillions", W::Scale(12, true)),
    ("lakh", W::Scale(5, false)),
    ("lac", W::Scale(5, false)),
    ("lakhs", W::Scale(5, false)),
    ("lacs", W::Scale(5, false)),
    ("lkh", W::Scale(5, false)),
    ("lkhs", W::Scale(5, false)),
    ("crore", W::Scale(7, false)),
    ("crores", W::Scale(7, false)),
    ("cr", W::Scale(7, false)),
    ("koti", W::Scale(7, false)),
    ("krore", W::Scale(7, false)),
    ("krores", W::Scale(7, false)),
    ("kr", W::Scale(7, false)),
    ("dozen", W::Dozen),
    ("dozens", W::Dozen),
    ("dz", W::Dozen),
    ("dzs", W::Dozen),
    ("doz", W::Dozen),
    ("dozs", W::Dozen),
    ("first", W::OrdUnit(1, false)),
    ("firsts", W::OrdUnit(1, true)),
    ("second", W::OrdUnit(2, false)),
    ("third", W::OrdUnit(3, false)),
    ("thirds", W::OrdUnit(3, true)),
    ("fourth", W::OrdUnit(4, false)),
    ("fourths", W::OrdUnit(4, true)),
    ("fifth", W::OrdUnit(5, false)),
    ("fifths", W::OrdUnit(5, true)),
    ("sixth", W::OrdUnit(6, false)),
    ("sixths", W::OrdUnit(6, true)),
    ("seventh", W::OrdUnit(7, false)),
    ("sevenths", W::OrdUnit(7, true)),
    ("eighth", W::OrdUnit(8, false)),
    ("eighths", W::OrdUnit(8, true)),
    ("ninth", W::OrdUnit(9, false)),
    ("ninths", W::OrdUnit(9, true)),
    ("tenth", W::OrdTeen(10, false)),
    ("tenths", W::OrdTeen(10, true)),
    ("eleventh", W::OrdTeen(11, false)),
    ("elevenths", W::OrdTeen(11, true)),
    ("twelfth", W::OrdTeen(12, false)),
    ("twelfths", W::OrdTeen(12, true)),
    ("thirteenth", W::OrdTeen(13, false)),
    ("thirteenths", W::OrdTeen(13, true)),
    ("fourteenth", W::OrdTeen(14, false)),
    ("fourteenths", W::OrdTeen(14, true)),
    ("fifteenth", W::OrdTeen(15, false)),
    ("fifteenths", W::OrdTeen(15, true)),
    ("sixteenth", W::OrdTeen(16, false)),
    ("sixteenths", W::OrdTeen(16, true)),
    ("seventeenth", W::OrdTeen(17, false)),
    ("seventeenths", W::OrdTeen(17, true)),
    ("eighteenth", W::OrdTeen(18, false)),
    ("eighteenths", W::OrdTeen(18, true)),
    ("nineteenth", W::OrdTeen(19, false)),
    ("nineteenths", W::OrdTeen(19, true)),
    ("twentieth", W::OrdTens(20, false)),
    ("twentieths", W::OrdTens(20, true)),
    ("thirtieth", W::OrdTens(30, false)),
    ("thirtieths", W::OrdTens(30, true)),
    ("fortieth", W::OrdTens(40, false)),
    ("fourtieth", W::OrdTens(40, false)),
    ("fortieths", W::OrdTens(40, true)),
    ("fourtieths", W::OrdTens(40, true)),
    ("fiftieth", W::OrdTens(50, false)),
    ("fiftieths", W::OrdTens(50, true)),
    ("sixtieth", W::OrdTens(60, false)),
    ("sixtieths", W::OrdTens(60, true)),
    ("seventieth", W::OrdTens(70, false)),
    ("seventieths", W::OrdTens(70, true)),
    ("eightieth", W::OrdTens(80, false)),
    ("eightieths", W::OrdTens(80, true)),
    ("ninetieth", W::OrdTens(90, false)),
    ("ninetieths", W::OrdTens(90, true)),
    ("hundredth", W::OrdHundred(false)),
    ("hundredths", W::OrdHundred(true)),
    ("thousandth", W::OrdScale(3, false)),
    ("thousandths", W::OrdScale(3, true)),
    ("millionth", W::OrdScale(6, false)),
    ("millionths", W::OrdScale(6, true)),
    ("billionth", W::OrdScale(9, false)),
    ("billionths", W::OrdScale(9, true)),
    ("trillionth", W::OrdScale(12, false)),
    ("trillionths", W::OrdScale(12, true)),
    ("half", W::Half(false)),
    ("halves", W::Half(true)),
    ("quarter", W::Quarter(false)),
    ("quarters", W::Quarter(true)),
    ("a", W::A),
    ("an", W::A),
    ("and", W::And),
    ("point", W::Point),
    ("minus", W::Minus),
    ("negative", W::Minus),
    ("pair", W::Pair),
];

/// FNV-1a, a fast hash for short keys.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Looks up a lowercased word.
pub(crate) fn number_word(w: &[u8]) -> Option<W> {
    static MAP: OnceLock<FnvMap<&'static [u8], W>> = OnceLock::new();
    if w.is_empty() || w.len() > 12 {
        return None;
    }
    let map = MAP.get_or_init(|| TABLE.iter().map(|(k, v)| (k.as_bytes(), *v)).collect());
    map.get(w).copied()
}

/// The month a word names (1–12). "May" and "March" only count capitalized,
/// as do the abbreviations; `capitalized` says whether the word was.
pub(crate) fn month(w: &[u8], capitalized: bool) -> Option<u8> {
    let m = match w {
        b"january" => 1,
        b"february" => 2,
        b"april" => 4,
        b"june" => 6,
        b"july" => 7,
        b"august" => 8,
        b"september" => 9,
        b"october" => 10,
        b"november" => 11,
        b"december" => 12,
        _ if !capitalized => return None,
        b"march" | b"mar" => 3,
        b"may" => 5,
        b"jan" => 1,
        b"feb" => 2,
        b"apr" => 4,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" | b"sept" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// The value of a single-character vulgar fraction, as (numerator, denominator).
pub(crate) fn vulgar(c: char) -> Option<(u8, u8)> {
    Some(match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅐' => (1, 7),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        '⅑' => (1, 9),
        '⅒' => (1, 10),
        _ => return None,
    })
}
