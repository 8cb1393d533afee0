//! The English vocabulary of the readers, in one table: number words and
//! months, the words of bounds and comparisons, unit words (through the
//! model's table of units), people nouns, measure nouns, verbs of measure,
//! and the function words that end a noun phrase or a clause.
//!
//! Each list below is data. [`word`] looks a lowercase word up once and
//! gives everything the lists say of it; the tokenizer stores that answer
//! in each word token, so the readers never look a word up twice.

use std::sync::OnceLock;

use crate::Measure;
use crate::model::unit::{UNITS, Unit, UnitRow};

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

impl W {
    /// Whether the word is an ordinal ("third", "twentieths").
    pub(crate) fn is_ordinal(self) -> bool {
        matches!(
            self,
            W::OrdUnit(..) | W::OrdTeen(..) | W::OrdTens(..) | W::OrdHundred(_) | W::OrdScale(..)
        )
    }
}

/// Every number word.
#[rustfmt::skip]
const NUMBER_WORDS: &[(&str, W)] = &[
    ("zero", W::Zero), ("nought", W::Zero), ("naught", W::Zero), ("nil", W::Zero), ("o", W::Oh),
    ("oh", W::Oh), ("one", W::Unit(1)), ("two", W::Unit(2)), ("three", W::Unit(3)),
    ("four", W::Unit(4)), ("five", W::Unit(5)), ("six", W::Unit(6)), ("seven", W::Unit(7)),
    ("eight", W::Unit(8)), ("nine", W::Unit(9)), ("ten", W::Teen(10)), ("eleven", W::Teen(11)),
    ("twelve", W::Teen(12)), ("thirteen", W::Teen(13)), ("fourteen", W::Teen(14)),
    ("fifteen", W::Teen(15)), ("sixteen", W::Teen(16)), ("seventeen", W::Teen(17)),
    ("eighteen", W::Teen(18)), ("nineteen", W::Teen(19)), ("twenty", W::Tens(20)),
    ("thirty", W::Tens(30)), ("forty", W::Tens(40)), ("fourty", W::Tens(40)),
    ("fifty", W::Tens(50)), ("sixty", W::Tens(60)), ("seventy", W::Tens(70)),
    ("eighty", W::Tens(80)), ("ninety", W::Tens(90)), ("hundred", W::Hundred(false)),
    ("hundreds", W::Hundred(true)), ("thousand", W::Scale(3, false)),
    ("thousands", W::Scale(3, true)), ("million", W::Scale(6, false)), ("mn", W::Scale(6, false)),
    ("mil", W::Scale(6, false)), ("millions", W::Scale(6, true)), ("billion", W::Scale(9, false)),
    ("bn", W::Scale(9, false)), ("bln", W::Scale(9, false)), ("billions", W::Scale(9, true)),
    ("trillion", W::Scale(12, false)), ("tln", W::Scale(12, false)),
    ("trillions", W::Scale(12, true)), ("lakh", W::Scale(5, false)), ("lac", W::Scale(5, false)),
    ("lakhs", W::Scale(5, false)), ("lacs", W::Scale(5, false)), ("lkh", W::Scale(5, false)),
    ("lkhs", W::Scale(5, false)), ("crore", W::Scale(7, false)), ("crores", W::Scale(7, false)),
    ("cr", W::Scale(7, false)), ("koti", W::Scale(7, false)), ("krore", W::Scale(7, false)),
    ("krores", W::Scale(7, false)), ("kr", W::Scale(7, false)), ("dozen", W::Dozen),
    ("dozens", W::Dozen), ("dz", W::Dozen), ("dzs", W::Dozen), ("doz", W::Dozen),
    ("dozs", W::Dozen), ("first", W::OrdUnit(1, false)), ("firsts", W::OrdUnit(1, true)),
    ("second", W::OrdUnit(2, false)), ("third", W::OrdUnit(3, false)),
    ("thirds", W::OrdUnit(3, true)), ("fourth", W::OrdUnit(4, false)),
    ("fourths", W::OrdUnit(4, true)), ("fifth", W::OrdUnit(5, false)),
    ("fifths", W::OrdUnit(5, true)), ("sixth", W::OrdUnit(6, false)),
    ("sixths", W::OrdUnit(6, true)), ("seventh", W::OrdUnit(7, false)),
    ("sevenths", W::OrdUnit(7, true)), ("eighth", W::OrdUnit(8, false)),
    ("eighths", W::OrdUnit(8, true)), ("ninth", W::OrdUnit(9, false)),
    ("ninths", W::OrdUnit(9, true)), ("tenth", W::OrdTeen(10, false)),
    ("tenths", W::OrdTeen(10, true)), ("eleventh", W::OrdTeen(11, false)),
    ("elevenths", W::OrdTeen(11, true)), ("twelfth", W::OrdTeen(12, false)),
    ("twelfths", W::OrdTeen(12, true)), ("thirteenth", W::OrdTeen(13, false)),
    ("thirteenths", W::OrdTeen(13, true)), ("fourteenth", W::OrdTeen(14, false)),
    ("fourteenths", W::OrdTeen(14, true)), ("fifteenth", W::OrdTeen(15, false)),
    ("fifteenths", W::OrdTeen(15, true)), ("sixteenth", W::OrdTeen(16, false)),
    ("sixteenths", W::OrdTeen(16, true)), ("seventeenth", W::OrdTeen(17, false)),
    ("seventeenths", W::OrdTeen(17, true)), ("eighteenth", W::OrdTeen(18, false)),
    ("eighteenths", W::OrdTeen(18, true)), ("nineteenth", W::OrdTeen(19, false)),
    ("nineteenths", W::OrdTeen(19, true)), ("twentieth", W::OrdTens(20, false)),
    ("twentieths", W::OrdTens(20, true)), ("thirtieth", W::OrdTens(30, false)),
    ("thirtieths", W::OrdTens(30, true)), ("fortieth", W::OrdTens(40, false)),
    ("fourtieth", W::OrdTens(40, false)), ("fortieths", W::OrdTens(40, true)),
    ("fourtieths", W::OrdTens(40, true)), ("fiftieth", W::OrdTens(50, false)),
    ("fiftieths", W::OrdTens(50, true)), ("sixtieth", W::OrdTens(60, false)),
    ("sixtieths", W::OrdTens(60, true)), ("seventieth", W::OrdTens(70, false)),
    ("seventieths", W::OrdTens(70, true)), ("eightieth", W::OrdTens(80, false)),
    ("eightieths", W::OrdTens(80, true)), ("ninetieth", W::OrdTens(90, false)),
    ("ninetieths", W::OrdTens(90, true)), ("hundredth", W::OrdHundred(false)),
    ("hundredths", W::OrdHundred(true)), ("thousandth", W::OrdScale(3, false)),
    ("thousandths", W::OrdScale(3, true)), ("millionth", W::OrdScale(6, false)),
    ("millionths", W::OrdScale(6, true)), ("billionth", W::OrdScale(9, false)),
    ("billionths", W::OrdScale(9, true)), ("trillionth", W::OrdScale(12, false)),
    ("trillionths", W::OrdScale(12, true)), ("half", W::Half(false)), ("halves", W::Half(true)),
    ("quarter", W::Quarter(false)), ("quarters", W::Quarter(true)), ("a", W::A), ("an", W::A),
    ("and", W::And), ("point", W::Point), ("minus", W::Minus), ("negative", W::Minus),
    ("pair", W::Pair),
];

/// Scale letters after digits ("10k", "10M", "1.2b"), case as written:
/// the power of ten, and whether the letter must touch the digits. Lowercase
/// "m", "g" and "t" are units (metres, grams, tonnes), not scales.
#[rustfmt::skip]
pub(crate) const SCALE_LETTERS: &[(&str, u32, Touching)] = &[
    ("k", 3, Touching::Either), ("K", 3, Touching::Either), ("M", 6, Touching::Either),
    ("MM", 6, Touching::Either), ("G", 9, Touching::Either), ("B", 9, Touching::Attached),
    ("b", 9, Touching::Attached), ("T", 12, Touching::Attached),
];

/// Whether a letter or word after digits must touch them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Touching {
    /// "10k" and "10 k".
    Either,
    /// Only "10B", "2h".
    Attached,
    /// Touching, or with no word after it: "10m" and "10 m.", not "10 m people".
    AttachedOrLast,
}

/// Ordinal suffixes after digits: "4th", "21st".
pub(crate) const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// Scale words and suffixes after a number in the value grammar, with
/// their power of ten: "1.5 million", "1.2k".
pub(crate) const SCALES: &[(&str, u32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("mn", 6),
    ("bn", 9),
    ("k", 3),
];

/// The value of a single-character vulgar fraction, as (numerator, denominator).
#[rustfmt::skip]
const VULGAR_FRACTIONS: &[(char, u8, u8)] = &[
    ('½', 1, 2), ('⅓', 1, 3), ('⅔', 2, 3), ('¼', 1, 4), ('¾', 3, 4), ('⅕', 1, 5), ('⅖', 2, 5),
    ('⅗', 3, 5), ('⅘', 4, 5), ('⅙', 1, 6), ('⅚', 5, 6), ('⅐', 1, 7), ('⅛', 1, 8), ('⅜', 3, 8),
    ('⅝', 5, 8), ('⅞', 7, 8), ('⅑', 1, 9), ('⅒', 1, 10),
];

/// The value of a single-character vulgar fraction ("½"), as (numerator, denominator).
pub(crate) fn vulgar(c: char) -> Option<(u8, u8)> {
    if c.is_ascii() {
        return None;
    }
    VULGAR_FRACTIONS
        .iter()
        .find(|(v, _, _)| *v == c)
        .map(|&(_, n, d)| (n, d))
}

/// Months: the word, the month, and whether it names the month only
/// capitalized ("May", "March" and the abbreviations).
#[rustfmt::skip]
const MONTHS: &[(&str, u8, Case)] = &[
    ("january", 1, Case::Any), ("february", 2, Case::Any), ("april", 4, Case::Any),
    ("june", 6, Case::Any), ("july", 7, Case::Any), ("august", 8, Case::Any),
    ("september", 9, Case::Any), ("october", 10, Case::Any), ("november", 11, Case::Any),
    ("december", 12, Case::Any), ("march", 3, Case::Capitalized), ("mar", 3, Case::Capitalized),
    ("may", 5, Case::Capitalized), ("jan", 1, Case::Capitalized), ("feb", 2, Case::Capitalized),
    ("apr", 4, Case::Capitalized), ("jun", 6, Case::Capitalized), ("jul", 7, Case::Capitalized),
    ("aug", 8, Case::Capitalized), ("sep", 9, Case::Capitalized), ("sept", 9, Case::Capitalized),
    ("oct", 10, Case::Capitalized), ("nov", 11, Case::Capitalized), ("dec", 12, Case::Capitalized),
];

/// In which case a word has a meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    Any,
    Capitalized,
}

// ---------------------------------------------------------------------------
// Bounds and comparisons

/// What a bound word or symbol makes of the number after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bound {
    AtLeast,
    MoreThan,
    AtMost,
    FewerThan,
    About,
    Nearly,
}

/// The value grammar's words and symbols that stand before a number,
/// longest first where one is a prefix of another. Words must be followed
/// by white space. The approximations among them ("about", "~", "nearly")
/// are the English [`Lexicon`](crate::Lexicon)'s approximators.
#[rustfmt::skip]
pub(crate) const BOUND_WORDS: &[(&str, Bound)] = &[
    (">=", Bound::AtLeast), ("≥", Bound::AtLeast), ("=>", Bound::AtLeast), ("<=", Bound::AtMost),
    ("≤", Bound::AtMost), (">", Bound::MoreThan), ("<", Bound::FewerThan), ("~", Bound::About),
    ("≈", Bound::About), ("at least", Bound::AtLeast), ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast), ("not less than", Bound::AtLeast),
    ("a minimum of", Bound::AtLeast), ("more than", Bound::MoreThan), ("over", Bound::MoreThan),
    ("above", Bound::MoreThan), ("in excess of", Bound::MoreThan), ("upwards of", Bound::MoreThan),
    ("at most", Bound::AtMost), ("up to", Bound::AtMost), ("no more than", Bound::AtMost),
    ("not more than", Bound::AtMost), ("a maximum of", Bound::AtMost),
    ("fewer than", Bound::FewerThan), ("less than", Bound::FewerThan), ("under", Bound::FewerThan),
    ("below", Bound::FewerThan), ("approximately", Bound::About), ("approx.", Bound::About),
    ("approx", Bound::About), ("about", Bound::About), ("around", Bound::About),
    ("roughly", Bound::About), ("some", Bound::About), ("circa", Bound::About),
    ("ca.", Bound::About), ("c.", Bound::About), ("an estimated", Bound::About),
    ("estimated", Bound::About), ("nearly", Bound::Nearly), ("almost", Bound::Nearly),
    ("close to", Bound::Nearly),
];

/// The value grammar's words that stand after a number.
pub(crate) const BOUND_SUFFIXES: &[(&str, Bound)] = &[
    ("or more", Bound::AtLeast),
    ("or so", Bound::About),
    ("or fewer", Bound::AtMost),
    ("or less", Bound::AtMost),
];

/// What a comparative of prose before a number does to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pre {
    Bound(Bound),
    /// "exactly", "a total of": the number as it is.
    Exactly,
}

/// Comparatives of prose before a number, beyond the value grammar's.
#[rustfmt::skip]
pub(crate) const PROSE_PREFIXES: &[(&str, Pre)] = &[
    ("at least or equal to", Pre::Bound(Bound::AtLeast)),
    ("equal to or more than", Pre::Bound(Bound::AtLeast)),
    ("equal to or greater than", Pre::Bound(Bound::AtLeast)),
    ("greater than or equal to", Pre::Bound(Bound::AtLeast)),
    ("more than or equal to", Pre::Bound(Bound::AtLeast)),
    ("higher than or equal to", Pre::Bound(Bound::AtLeast)),
    ("larger than or equal to", Pre::Bound(Bound::AtLeast)),
    ("bigger than or equal to", Pre::Bound(Bound::AtLeast)),
    ("higher or equal than", Pre::Bound(Bound::AtLeast)),
    ("bigger or equal than", Pre::Bound(Bound::AtLeast)),
    ("larger or equal than", Pre::Bound(Bound::AtLeast)),
    ("greater or equal than", Pre::Bound(Bound::AtLeast)),
    ("more or equal than", Pre::Bound(Bound::AtLeast)),
    ("not fewer than", Pre::Bound(Bound::AtLeast)), ("greater than", Pre::Bound(Bound::MoreThan)),
    ("larger than", Pre::Bound(Bound::MoreThan)), ("bigger than", Pre::Bound(Bound::MoreThan)),
    ("higher than", Pre::Bound(Bound::MoreThan)), ("exceeding", Pre::Bound(Bound::MoreThan)),
    ("exceeded", Pre::Bound(Bound::MoreThan)), ("exceeds", Pre::Bound(Bound::MoreThan)),
    ("exceed", Pre::Bound(Bound::MoreThan)), ("surpassing", Pre::Bound(Bound::MoreThan)),
    ("surpassed", Pre::Bound(Bound::MoreThan)), ("surpasses", Pre::Bound(Bound::MoreThan)),
    ("surpass", Pre::Bound(Bound::MoreThan)), ("well over", Pre::Bound(Bound::MoreThan)),
    ("well above", Pre::Bound(Bound::MoreThan)), ("just over", Pre::Bound(Bound::MoreThan)),
    ("just above", Pre::Bound(Bound::MoreThan)),
    ("less than or equal to", Pre::Bound(Bound::AtMost)),
    ("fewer than or equal to", Pre::Bound(Bound::AtMost)),
    ("smaller than or equal to", Pre::Bound(Bound::AtMost)),
    ("lower than or equal to", Pre::Bound(Bound::AtMost)),
    ("smaller or equal than", Pre::Bound(Bound::AtMost)),
    ("lower or equal than", Pre::Bound(Bound::AtMost)),
    ("less or equal than", Pre::Bound(Bound::AtMost)),
    ("fewer or equal than", Pre::Bound(Bound::AtMost)),
    ("equal to or less than", Pre::Bound(Bound::AtMost)),
    ("equal to or fewer than", Pre::Bound(Bound::AtMost)),
    ("equal to or smaller than", Pre::Bound(Bound::AtMost)),
    ("equal to or lower than", Pre::Bound(Bound::AtMost)),
    ("no greater than", Pre::Bound(Bound::AtMost)), ("no larger than", Pre::Bound(Bound::AtMost)),
    ("no higher than", Pre::Bound(Bound::AtMost)), ("not exceeding", Pre::Bound(Bound::AtMost)),
    ("as many as", Pre::Bound(Bound::AtMost)), ("within", Pre::Bound(Bound::AtMost)),
    ("smaller than", Pre::Bound(Bound::FewerThan)), ("lower than", Pre::Bound(Bound::FewerThan)),
    ("just under", Pre::Bound(Bound::FewerThan)), ("just below", Pre::Bound(Bound::FewerThan)),
    ("well under", Pre::Bound(Bound::FewerThan)), ("well below", Pre::Bound(Bound::FewerThan)),
    ("exactly", Pre::Exactly), ("precisely", Pre::Exactly), ("a total of", Pre::Exactly),
    ("equal to", Pre::Exactly), ("equals to", Pre::Exactly), ("equals", Pre::Exactly),
    ("equaling to", Pre::Exactly), ("equaling", Pre::Exactly), ("equalling to", Pre::Exactly),
    ("equalling", Pre::Exactly),
];

/// What a comparative of prose after a number does to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Post {
    Bound(Bound),
    /// "or equal (to)": makes a strict bound before the number inclusive.
    OrEqual,
}

/// Whether a comparative after a number ends in "than" or "to", and so
/// only counts when no number follows ("200 or greater than", but not
/// "200 or greater than 190").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ending {
    Open,
    Complete,
}

/// Comparatives of prose after a number, beyond the value grammar's.
#[rustfmt::skip]
pub(crate) const PROSE_SUFFIXES: &[(&str, Post, Ending)] = &[
    ("and more", Post::Bound(Bound::AtLeast), Ending::Complete),
    ("or greater", Post::Bound(Bound::AtLeast), Ending::Complete),
    ("or greater than", Post::Bound(Bound::AtLeast), Ending::Open),
    ("or more than", Post::Bound(Bound::AtLeast), Ending::Open),
    ("or higher", Post::Bound(Bound::AtLeast), Ending::Complete),
    ("or above", Post::Bound(Bound::AtLeast), Ending::Complete),
    ("and above", Post::Bound(Bound::AtLeast), Ending::Complete),
    ("or over", Post::Bound(Bound::AtLeast), Ending::Complete),
    ("and over", Post::Bound(Bound::AtLeast), Ending::Complete),
    ("or lower", Post::Bound(Bound::AtMost), Ending::Complete),
    ("or below", Post::Bound(Bound::AtMost), Ending::Complete),
    ("or under", Post::Bound(Bound::AtMost), Ending::Complete),
    ("and below", Post::Bound(Bound::AtMost), Ending::Complete),
    ("and under", Post::Bound(Bound::AtMost), Ending::Complete),
    ("and less", Post::Bound(Bound::AtMost), Ending::Complete),
    ("or less than", Post::Bound(Bound::AtMost), Ending::Open),
    ("or fewer than", Post::Bound(Bound::AtMost), Ending::Open),
    ("or equal to", Post::OrEqual, Ending::Open), ("or equal", Post::OrEqual, Ending::Complete),
];

/// Prose approximators beyond the value grammar's: before a number, read
/// as "about".
pub(crate) const PROSE_ABOUT_BEFORE: &[&str] = &[
    "estimated at",
    "an estimated total of",
    "in the region of",
    "in the order of",
    "on the order of",
    "something like",
    "somewhere around",
    "more or less",
];

/// Prose approximators after a number, read as "about".
pub(crate) const PROSE_ABOUT_AFTER: &[&str] = &["or thereabouts", "give or take", "more or less"];

/// Prose approximators before a number, read as "nearly".
pub(crate) const PROSE_NEARLY_BEFORE: &[&str] = &["not quite", "just shy of", "close on"];

// ---------------------------------------------------------------------------
// Units

/// The units written as a word after a number ("10 km", "two days", "30
/// percent"), with all their words from the model's table; other units are
/// read from the noun counted ("two brigades", "ten dollars").
const UNITS_AFTER_A_NUMBER: &[Unit] = &[
    Unit::Kilometres,
    Unit::Metres,
    Unit::Miles,
    Unit::Seconds,
    Unit::Minutes,
    Unit::Hours,
    Unit::Days,
    Unit::Weeks,
    Unit::Months,
    Unit::Years,
    Unit::Percent,
];

/// One-letter unit words, which read as units only in these positions:
/// "10m" or "10 m." is ten metres, "3 m people" is not; "2h" only touching.
const SHORT_UNIT_WORDS: &[(&str, Touching)] =
    &[("m", Touching::AttachedOrLast), ("h", Touching::Attached)];

/// The units of groups, read from a noun: "three factions", "two brigades".
const GROUP_UNITS: &[Unit] = &[
    Unit::Factions,
    Unit::Brigades,
    Unit::Battalions,
    Unit::Groups,
];

/// Marks of a unit before a number ("$20") and after it ("30 %").
pub(crate) const UNIT_MARKS_BEFORE: &[char] = &['$', '€', '£'];
pub(crate) const UNIT_MARKS_AFTER: &[char] = &['%'];

/// A word of a named unit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct UnitWord {
    /// The unit.
    pub(crate) row: &'static UnitRow,
    /// The words that complete this one ("cent" after "per"), or "".
    pub(crate) rest: &'static str,
    /// Whether, and where, it is read as a unit right after a number.
    pub(crate) after_a_number: Option<Touching>,
}

// ---------------------------------------------------------------------------
// Measures

/// Words that say what a figure reports: "killed", "deaths", "wounding".
#[rustfmt::skip]
const MEASURE_WORDS: &[(Measure, &[&str])] = &[
    (Measure::Killed, &[
        "killed", "killing", "kill", "kills", "dead", "died", "die", "dies", "deaths", "death",
        "fatalities", "slain", "perished", "massacred", "toll", "bodies", "kia",
    ]),
    (Measure::Wounded, &[
        "wounded", "wounding", "injured", "injuring", "injuries", "injury", "wia",
    ]),
    (Measure::Casualties, &["casualties"]),
    (Measure::Captured, &[
        "captured", "capturing", "prisoners", "prisoner", "detained", "detaining", "detain",
        "detains", "detainees", "detainee",
    ]),
    (Measure::Missing, &["missing", "mia"]),
    (Measure::Released, &["released", "releasing", "freed", "freeing"]),
    (Measure::Executed, &["executed", "executing", "executions", "beheaded"]),
    (Measure::Surrendered, &["surrendered", "surrendering"]),
    (Measure::Hostages, &["hostage", "hostages", "kidnapped", "abducted"]),
    (Measure::Displaced, &[
        "displaced", "displacing", "evacuated", "evacuating",
    ]),
    (Measure::Defected, &["defected", "defecting", "defections", "defectors"]),
    (Measure::Strength, &["strength"]),
];

/// What a verb right before a figure says of it ("killing 20", "lost 14
/// fighters", "maintained 600 militants").
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Verb {
    /// The figure reports this measure.
    Reports(Measure),
    /// A bare verb that says nothing of a figure after it ("to kill 20"
    /// is an intent, not a count).
    Silent,
}

/// Verbs before a figure beyond the measure words, which also count there.
#[rustfmt::skip]
const VERBS_BEFORE: &[(Verb, &[&str])] = &[
    (Verb::Reports(Measure::Killed), &["lost", "losing", "lose"]),
    (Verb::Reports(Measure::Captured), &[
        "seized", "seizing", "retook", "retake", "retaking", "retaken",
    ]),
    (Verb::Reports(Measure::Strength), &[
        "maintained", "maintains", "fielded", "fields", "mustered", "musters",
    ]),
    (Verb::Silent, &["capture", "free", "release", "execute", "kill", "wound"]),
];

// ---------------------------------------------------------------------------
// Classes of words

/// A class of words the readers test for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Nouns that count people.
    People,
    /// Nouns that name what a figure reports: "casualties", "deaths".
    MeasureNoun,
    /// Words that end a noun phrase.
    Stop,
    /// Plurals without an "s" ("people", "men"), for "some" and "multiple".
    PluralWithoutS,
    /// Words in "s" that are not plural nouns ("news", "always").
    NotPlural,
    /// Words that end a phrase of describing words before a plural noun
    /// ("some time", "some of it").
    EndsDescription,
    /// Determiners after "of" before a plural: "some of the rebels".
    OfDeterminer,
    /// Determiners of a noun or of a whole: "the", "their", "them".
    Determiner,
    /// Words before "one" that make it a pronoun: "the one", "which one".
    PronounOne,
    /// Words that introduce a year: "in 2014", "since 2011".
    BeforeYear,
    /// Words after a number that make it a time: "2 pm", "five o'clock".
    Clock,
    /// Words after "none" that make it a figure: "none of", "none were".
    AfterNone,
    /// Abbreviations of "number" before "." and digits: "No. 5".
    NumberSign,
    /// Capitalized words that may open a clause before a count without
    /// making it an identifier, beyond stop words and measure words.
    OpensCount,
    /// Words after a hyphen that make a figure a strength of people:
    /// "40-man", "300-strong".
    StrengthSuffix,
    /// Words before a fraction that make it a part of a stretch of time or
    /// a place ("the first half of 2014"), not a share.
    Part,
    /// Spans of time after a fraction: "half of the year".
    TimeSpan,
    /// Auxiliaries and adverbs between a count of things and its verb:
    /// "300 families were killed".
    Auxiliary,
    /// Adverbs between a verb and the figure after it: "killing reportedly 20".
    Adverb,
    /// Words that end a clause, where the search for a measure stops.
    ClauseEnd,
    /// Words that turn a sentence, where the search back for a measure stops.
    Contrast,
    /// Words that open a list inside a clause: "including", "among".
    ListStart,
    /// What a force does, right after a count of people, that makes the
    /// count its size: "250 rebels launched a counter-attack".
    ForceAction,
    /// Formations named by a number, capitalized: "53 Division".
    Formation,
    /// Verbs that report a statement, for finding who stated a figure:
    /// "said", "claimed", "estimate".
    Reporting,
    /// Prepositions after "and more" that make it a bound: "500 and more in stock".
    AfterAndMore,
}

impl Class {
    fn bit(self) -> u32 {
        1 << self as u32
    }
}

// Every class has a bit of its own in a `u32` (`AfterAndMore` is the last).
const _: () = assert!((Class::AfterAndMore as u32) < u32::BITS);

/// Nouns that count people.
#[rustfmt::skip]
const PEOPLE: &[&str] = &[
    "people", "persons", "person", "civilians", "civilian", "fighters", "fighter", "soldiers",
    "soldier", "troops", "rebels", "rebel", "militants", "militant", "militiamen", "militiaman",
    "servicemen", "serviceman", "servicewomen", "militia",
    "members", "member", "men", "man", "women", "woman", "children", "child", "boys", "girls",
    "policemen", "policeman", "police", "officers", "officer", "guards", "guardsmen", "insurgents",
    "insurgent", "jihadists", "jihadist", "combatants", "combatant", "prisoners", "prisoner",
    "hostages", "hostage", "detainees", "victims", "victim", "refugees", "residents",
    "villagers", "protesters", "demonstrators", "gunmen", "gunman", "attackers", "commanders",
    "commander", "officials", "personnel", "recruits", "volunteers", "deserters", "defectors",
    "marines", "sailors", "pilots", "workers", "journalists", "doctors", "students", "patients",
    "inhabitants", "individuals", "bodies", "troopers", "paramilitaries", "mercenaries",
    "operatives", "supporters", "loyalists", "others", "suspects", "suspect", "terrorists",
    "terrorist", "extremists", "extremist", "detainee", "captives", "migrants", "migrant",
    "passengers", "passenger", "pilgrims", "nurses", "medics", "peacekeepers", "peacekeeper",
    "inmates", "miners", "cadets", "seekers", "lives", "crew", "crewmen", "fishermen", "farmers",
    "teachers", "tourists", "worshippers", "mourners", "babies", "infants", "teenagers", "adults",
];

/// Nouns that name what a figure reports: "casualties", "deaths".
#[rustfmt::skip]
const MEASURE_NOUNS: &[&str] = &[
    "casualties", "deaths", "fatalities", "injuries", "defections", "defectors", "prisoners",
    "hostages", "bodies", "executions",
];

/// Words that end a noun phrase.
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "nor", "of", "in", "on", "at", "by", "for", "from", "to",
    "into", "onto", "near", "towards", "toward", "with", "without", "after", "before", "during",
    "since", "until", "till", "over", "under", "across", "along", "against", "around", "about",
    "between", "through", "throughout", "within", "as", "than", "like", "per", "via", "amid",
    "among", "behind", "beyond", "despite", "inside", "outside", "upon", "who", "which", "that",
    "whom", "whose", "where", "when", "while", "whereas", "if", "because", "so", "then", "is",
    "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "will", "would",
    "could", "should", "can", "may", "might", "must", "shall", "did", "do", "does", "also",
    "reportedly", "allegedly", "only", "still", "later", "earlier", "soon", "each", "all", "both",
    "respectively", "altogether", "again", "there", "here", "it", "its", "they", "them", "their",
    "he", "she", "his", "her", "we", "our", "you", "your", "i", "me", "my", "this", "these",
    "those", "not", "no", "more", "most", "less", "least", "some", "any", "such", "including",
    "according", "further", "already", "just",
    // Irregular past tenses, which do not end like a verb: "300
    // families fled".
    "fled", "died", "fell", "ran", "hid", "lost", "won", "came", "went", "took", "held", "said",
    "told", "fought", "got", "saw", "became", "began", "gave", "made", "sent", "stood", "struck",
    "left", "remain",
    // Verbs of saying and thinking, which follow the people who say:
    // "three analysts expect 300 deaths".
    "say", "says", "expect", "expects", "believe", "believes", "think", "thinks", "fear", "fears",
    "tell", "tells", "warn", "warns", "even", "ever", "never", "yet", "ago", "away", "apiece",
    "plus", "now", "today", "yesterday",
];

/// Plurals without an "s" ("people", "men"), for "some" and "multiple".
#[rustfmt::skip]
const PLURALS_WITHOUT_S: &[&str] = &[
    "people", "men", "women", "children", "police", "personnel",
];

/// Words in "s" that are not plural nouns ("news", "always").
#[rustfmt::skip]
const NOT_PLURAL: &[&str] = &[
    "times", "news", "means", "species", "series", "always", "perhaps", "whereas", "besides",
    "towards", "afterwards", "sometimes", "nevertheless", "was", "has", "this", "thus", "does",
    "goes", "says", "seems", "remains",
];

/// Words that end a phrase of describing words before a plural noun
/// ("some time", "some of it").
#[rustfmt::skip]
const ENDS_DESCRIPTION: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "but", "in", "on", "at", "by", "for", "from", "to",
    "with", "is", "are", "was", "were", "be", "been", "it", "that", "which", "who", "said", "say",
    "says", "time",
];

/// Determiners after "of" before a plural: "some of the rebels".
#[rustfmt::skip]
const OF_DETERMINERS: &[&str] = &[
    "the", "their", "its", "his", "her", "our", "your",
];

/// Determiners of a noun or of a whole: "the", "their", "them".
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "these", "those", "his", "her", "their", "its", "our", "them",
];

/// Words before "one" that make it a pronoun: "the one", "which one".
#[rustfmt::skip]
const PRONOUN_ONE: &[&str] = &[
    "the", "this", "that", "which", "each", "every", "any", "another", "no",
];

/// Words that introduce a year: "in 2014", "since 2011".
#[rustfmt::skip]
const BEFORE_YEAR: &[&str] = &[
    "in", "since", "by", "from", "until", "till", "during", "of", "before", "after", "early",
    "late", "mid", "summer", "spring", "autumn", "winter", "fall", "year",
];

/// Words after a number that make it a time: "2 pm", "five o'clock".
#[rustfmt::skip]
const CLOCK: &[&str] = &[
    "am", "pm", "o'clock", "gmt", "utc",
];

/// Words after "none" that make it a figure: "none of", "none were".
#[rustfmt::skip]
const AFTER_NONE: &[&str] = &[
    "of", "were", "was", "had", "have", "died", "survived", "is", "are",
];

/// Abbreviations of "number" before "." and digits: "No. 5".
#[rustfmt::skip]
const NUMBER_SIGNS: &[&str] = &[
    "no", "nr", "nos",
];

/// Capitalized words that may open a clause before a count without
/// making it an identifier, beyond stop words and measure words.
#[rustfmt::skip]
const OPENS_COUNT: &[&str] = &[
    "only", "some", "about", "over", "nearly", "almost", "killing",
];

/// Words after a hyphen that make a figure a strength of people:
/// "40-man", "300-strong".
#[rustfmt::skip]
const STRENGTH_SUFFIXES: &[&str] = &[
    "man", "men", "strong", "member", "person",
];

/// Words before a fraction that make it a part of a stretch of time or
/// a place ("the first half of 2014"), not a share.
#[rustfmt::skip]
const PARTS: &[&str] = &[
    "the", "first", "second", "third", "last", "other", "latter", "former", "top", "bottom",
    "upper", "lower", "northern", "southern", "eastern", "western",
];

/// Spans of time after a fraction: "half of the year".
#[rustfmt::skip]
const TIME_SPANS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "century", "decade",
    "season", "period", "hour", "hours",
];

/// Auxiliaries and adverbs between a count of things and its verb:
/// "300 families were killed".
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "were", "was", "had", "have", "has", "been", "being", "are", "is", "reportedly", "allegedly",
    "also", "all",
];

/// Adverbs between a verb and the figure after it: "killing reportedly 20".
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "reportedly", "allegedly", "also", "then", "only",
];

/// Words that end a clause, where the search for a measure stops.
#[rustfmt::skip]
const CLAUSE_ENDS: &[&str] = &[
    "while", "but", "whereas", "which", "who", "whom", "although", "though", "because",
    "according", "when", "where", "if", "unless",
];

/// Words that turn a sentence, where the search back for a measure stops.
#[rustfmt::skip]
const CONTRASTS: &[&str] = &[
    "while", "but", "whereas",
];

/// What a force does: the people counted right before are its strength.
/// The gold set labels "around 200 Taliban insurgents attacked" and "20 to
/// 30 fighters joined in" as strengths (`tests/data/gold/README.md`).
#[rustfmt::skip]
const FORCE_ACTIONS: &[&str] = &[
    "attacked", "launched", "retreated", "stormed", "assaulted", "advanced", "joined",
    "ambushed", "raided", "besieged", "overran", "defended", "attack", "attacking",
];

/// Formations a number names when capitalized after it: "53 Division",
/// "543 Brigade" (lowercase, "three divisions" counts them).
#[rustfmt::skip]
const FORMATIONS: &[&str] = &[
    "division", "brigade", "battalion", "regiment", "corps", "squadron", "fleet", "infantry",
];

/// Verbs that report a statement: "officials said", "SLA claims",
/// "activists counted".
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "said", "say", "says", "reported", "report", "reports", "stated", "states", "told",
    "announced", "indicated", "added", "believe", "believed", "claimed", "claim", "claims",
    "alleged", "confirmed", "confirm", "confirms", "estimated", "estimate", "estimates",
    "counted", "recorded", "documented",
];

/// Words that open a list inside a clause: "including", "among".
#[rustfmt::skip]
const LIST_STARTS: &[&str] = &[
    "including", "among",
];

/// Prepositions after "and more" that make it a bound: "500 and more in stock".
#[rustfmt::skip]
const AFTER_AND_MORE: &[&str] = &[
    "in", "of", "at", "on", "for", "from", "with", "among",
];

/// The words of each class.
const CLASSES: &[(Class, &[&str])] = &[
    (Class::People, PEOPLE),
    (Class::MeasureNoun, MEASURE_NOUNS),
    (Class::Stop, STOP_WORDS),
    (Class::PluralWithoutS, PLURALS_WITHOUT_S),
    (Class::NotPlural, NOT_PLURAL),
    (Class::EndsDescription, ENDS_DESCRIPTION),
    (Class::OfDeterminer, OF_DETERMINERS),
    (Class::Determiner, DETERMINERS),
    (Class::PronounOne, PRONOUN_ONE),
    (Class::BeforeYear, BEFORE_YEAR),
    (Class::Clock, CLOCK),
    (Class::AfterNone, AFTER_NONE),
    (Class::NumberSign, NUMBER_SIGNS),
    (Class::OpensCount, OPENS_COUNT),
    (Class::StrengthSuffix, STRENGTH_SUFFIXES),
    (Class::Part, PARTS),
    (Class::TimeSpan, TIME_SPANS),
    (Class::Auxiliary, AUXILIARIES),
    (Class::Adverb, ADVERBS),
    (Class::ClauseEnd, CLAUSE_ENDS),
    (Class::Contrast, CONTRASTS),
    (Class::ListStart, LIST_STARTS),
    (Class::ForceAction, FORCE_ACTIONS),
    (Class::Formation, FORMATIONS),
    (Class::Reporting, REPORTING),
    (Class::AfterAndMore, AFTER_AND_MORE),
];

/// Words that may start a figure beyond number words: "between 25 and
/// 28", "from 40 to 60", "no casualties", "none", "unknown".
const FIGURE_STARTS: &[&str] = &["between", "from", "no", "none", "unknown"];

// ---------------------------------------------------------------------------
// The table

/// Everything the vocabulary says of one word.
#[derive(Clone, Debug, Default)]
pub(crate) struct Word {
    /// The number word it is.
    pub(crate) number: Option<W>,
    /// The month it names, and in which case.
    pub(crate) month: Option<(u8, Case)>,
    /// The unit it is a word of.
    pub(crate) unit: Option<UnitWord>,
    /// The measure it says a figure reports.
    pub(crate) measure: Option<Measure>,
    /// What it says of a figure right after it, as a verb.
    pub(crate) verb: Option<Verb>,
    /// Whether it may start a figure (a number word or "between", "no" …).
    pub(crate) starts_figure: bool,
    classes: u32,
}

impl Word {
    /// Whether the word is in `class`.
    pub(crate) fn is(&self, class: Class) -> bool {
        self.classes & class.bit() != 0
    }

    /// The unit of a group this word counts ("factions", "brigade").
    pub(crate) fn group(&self) -> Option<&'static Unit> {
        self.unit
            .filter(|u| u.rest.is_empty() && GROUP_UNITS.contains(&u.row.unit))
            .map(|u| &u.row.unit)
    }

    /// The measure this word says a figure right after it reports: a verb
    /// ("lost 14 fighters", "killing 20") or a measure word.
    pub(crate) fn verb_measure(&self) -> Option<Measure> {
        match &self.verb {
            Some(Verb::Reports(m)) => Some(m.clone()),
            Some(Verb::Silent) => None,
            None => self.measure.clone(),
        }
    }
}

/// A map from words (a few bytes each) to what is known of them, hashed
/// with foldhash, as the crate's id tables are. Every word of a text is
/// looked up here once, and a word that may start a figure once more in
/// the lexicon's index. Against FNV-1a, which these maps used before:
/// `cargo bench --bench parse`, extract 52.0, 44.1, 54.9 MiB/s with FNV and
/// 57.0, 57.7, 56.8 with foldhash (interleaved); std's SipHash was slower
/// than FNV by 23 %.
pub(crate) type WordMap<K, V> = foldhash::HashMap<K, V>;

/// At least as long as the longest word of the table, in bytes; longer
/// words are not looked up.
const LONGEST: usize = 16;

/// The table: every word of the lists above, lowercase, with all they say
/// of it. Keys are bytes, as the tokenizer lowercases words into a buffer.
fn table() -> &'static WordMap<&'static [u8], Word> {
    static TABLE: OnceLock<WordMap<&'static [u8], Word>> = OnceLock::new();
    TABLE.get_or_init(build)
}

fn build() -> WordMap<&'static [u8], Word> {
    let mut t: WordMap<&'static [u8], Word> = WordMap::default();
    for &(w, n) in NUMBER_WORDS {
        let e = t.entry(w.as_bytes()).or_default();
        e.number = Some(n);
        // "and", "minus", "point", "pair" and "o" never start a figure.
        e.starts_figure |= !matches!(n, W::And | W::Minus | W::Point | W::Pair | W::Oh);
    }
    for &(w, n, case) in MONTHS {
        t.entry(w.as_bytes()).or_default().month = Some((n, case));
    }
    for row in &UNITS {
        let after = UNITS_AFTER_A_NUMBER.contains(&row.unit);
        for &word in row.words {
            if !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            let (first, rest) = word.split_once(' ').unwrap_or((word, ""));
            let touching = SHORT_UNIT_WORDS
                .iter()
                .find(|(w, _)| *w == first)
                .map_or(Touching::Either, |(_, t)| *t);
            t.entry(first.as_bytes()).or_default().unit = Some(UnitWord {
                row,
                rest,
                after_a_number: after.then_some(touching),
            });
        }
    }
    for (m, words) in MEASURE_WORDS {
        for &w in *words {
            t.entry(w.as_bytes()).or_default().measure = Some(m.clone());
        }
    }
    for (v, words) in VERBS_BEFORE {
        for &w in *words {
            t.entry(w.as_bytes()).or_default().verb = Some(v.clone());
        }
    }
    for &(class, words) in CLASSES {
        for &w in words {
            t.entry(w.as_bytes()).or_default().classes |= class.bit();
        }
    }
    for &w in FIGURE_STARTS {
        t.entry(w.as_bytes()).or_default().starts_figure = true;
    }
    t
}

/// What the vocabulary says of `word` in any case; `None` for a word that
/// is not ASCII or is longer than any word of the table.
pub(crate) fn lookup(word: &str) -> Option<&'static Word> {
    let bytes = word.as_bytes();
    if bytes.len() > LONGEST && !bytes.contains(&b'&') {
        return None;
    }
    if !bytes
        .iter()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii() || *b == b'&')
    {
        return table().get(bytes);
    }
    // Lowercase, without soft hyphens ("re\u{ad}bels", "re&shy;bels" are
    // "rebels"). A word with an entity may be longer than any in the table.
    let mut buf = [0; LONGEST];
    let mut n = 0;
    let mut rest = bytes;
    while let Some((&b, tail)) = rest.split_first() {
        if let [0xc2, 0xad, after @ ..] = rest {
            rest = after;
            continue;
        }
        if let Some(after) = [&b"&shy;"[..], b"&#173;", b"&#xad;", b"&#xAD;"]
            .iter()
            .find_map(|e| rest.strip_prefix(*e))
        {
            rest = after;
            continue;
        }
        if !b.is_ascii() {
            return None;
        }
        *buf.get_mut(n)? = b.to_ascii_lowercase();
        n += 1;
        rest = tail;
    }
    table().get(buf.get(..n)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_lowercase_and_fits() {
        for w in table().keys() {
            assert_eq!(w.to_ascii_lowercase(), *w, "{w:?}");
            assert!(w.len() <= LONGEST, "{w:?}");
        }
    }

    #[test]
    fn one_lookup_gives_every_role() {
        let second = lookup("Second").unwrap();
        assert_eq!(second.number, Some(W::OrdUnit(2, false)));
        assert_eq!(second.unit.map(|u| &u.row.unit), Some(&Unit::Seconds));
        let lost = lookup("lost").unwrap();
        assert!(lost.is(Class::Stop));
        assert_eq!(lost.verb_measure(), Some(Measure::Killed));
        assert_eq!(lookup("kill").unwrap().verb_measure(), None);
        assert_eq!(lookup("kill").unwrap().measure, Some(Measure::Killed));
        assert_eq!(lookup("may").unwrap().month, Some((5, Case::Capitalized)));
        assert_eq!(lookup("brigade").unwrap().group(), Some(&Unit::Brigades));
        assert!(lookup("Hezbollah").is_none());
        assert!(lookup("Zabadani’s").is_none());
        let per = lookup("per").unwrap().unit.unwrap();
        assert_eq!((&per.row.unit, per.rest), (&Unit::Percent, "cent"));
    }
}
