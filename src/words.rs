//! The English number vocabulary: cardinal and ordinal words, scales,
//! fraction words and months. Words are looked up lowercased.

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

/// Looks up a lowercased word.
pub(crate) fn number_word(w: &[u8]) -> Option<W> {
    use W::*;
    Some(match w {
        b"zero" | b"nought" | b"naught" | b"nil" => Zero,
        b"o" | b"oh" => Oh,
        b"one" => Unit(1),
        b"two" => Unit(2),
        b"three" => Unit(3),
        b"four" => Unit(4),
        b"five" => Unit(5),
        b"six" => Unit(6),
        b"seven" => Unit(7),
        b"eight" => Unit(8),
        b"nine" => Unit(9),
        b"ten" => Teen(10),
        b"eleven" => Teen(11),
        b"twelve" => Teen(12),
        b"thirteen" => Teen(13),
        b"fourteen" => Teen(14),
        b"fifteen" => Teen(15),
        b"sixteen" => Teen(16),
        b"seventeen" => Teen(17),
        b"eighteen" => Teen(18),
        b"nineteen" => Teen(19),
        b"twenty" => Tens(20),
        b"thirty" => Tens(30),
        b"forty" | b"fourty" => Tens(40),
        b"fifty" => Tens(50),
        b"sixty" => Tens(60),
        b"seventy" => Tens(70),
        b"eighty" => Tens(80),
        b"ninety" => Tens(90),
        b"hundred" => Hundred(false),
        b"hundreds" => Hundred(true),
        b"thousand" => Scale(3, false),
        b"thousands" => Scale(3, true),
        b"million" | b"mn" | b"mil" => Scale(6, false),
        b"millions" => Scale(6, true),
        b"billion" | b"bn" | b"bln" => Scale(9, false),
        b"billions" => Scale(9, true),
        b"trillion" | b"tln" => Scale(12, false),
        b"trillions" => Scale(12, true),
        b"lakh" | b"lac" | b"lakhs" | b"lacs" | b"lkh" | b"lkhs" => Scale(5, false),
        b"crore" | b"crores" | b"cr" | b"koti" | b"krore" | b"krores" | b"kr" => Scale(7, false),
        b"dozen" | b"dozens" | b"dz" | b"dzs" | b"doz" | b"dozs" => Dozen,
        b"first" => OrdUnit(1, false),
        b"firsts" => OrdUnit(1, true),
        b"second" => OrdUnit(2, false),
        b"third" => OrdUnit(3, false),
        b"thirds" => OrdUnit(3, true),
        b"fourth" => OrdUnit(4, false),
        b"fourths" => OrdUnit(4, true),
        b"fifth" => OrdUnit(5, false),
        b"fifths" => OrdUnit(5, true),
        b"sixth" => OrdUnit(6, false),
        b"sixths" => OrdUnit(6, true),
        b"seventh" => OrdUnit(7, false),
        b"sevenths" => OrdUnit(7, true),
        b"eighth" => OrdUnit(8, false),
        b"eighths" => OrdUnit(8, true),
        b"ninth" => OrdUnit(9, false),
        b"ninths" => OrdUnit(9, true),
        b"tenth" => OrdTeen(10, false),
        b"tenths" => OrdTeen(10, true),
        b"eleventh" => OrdTeen(11, false),
        b"elevenths" => OrdTeen(11, true),
        b"twelfth" => OrdTeen(12, false),
        b"twelfths" => OrdTeen(12, true),
        b"thirteenth" => OrdTeen(13, false),
        b"thirteenths" => OrdTeen(13, true),
        b"fourteenth" => OrdTeen(14, false),
        b"fourteenths" => OrdTeen(14, true),
        b"fifteenth" => OrdTeen(15, false),
        b"fifteenths" => OrdTeen(15, true),
        b"sixteenth" => OrdTeen(16, false),
        b"sixteenths" => OrdTeen(16, true),
        b"seventeenth" => OrdTeen(17, false),
        b"seventeenths" => OrdTeen(17, true),
        b"eighteenth" => OrdTeen(18, false),
        b"eighteenths" => OrdTeen(18, true),
        b"nineteenth" => OrdTeen(19, false),
        b"nineteenths" => OrdTeen(19, true),
        b"twentieth" => OrdTens(20, false),
        b"twentieths" => OrdTens(20, true),
        b"thirtieth" => OrdTens(30, false),
        b"thirtieths" => OrdTens(30, true),
        b"fortieth" | b"fourtieth" => OrdTens(40, false),
        b"fortieths" | b"fourtieths" => OrdTens(40, true),
        b"fiftieth" => OrdTens(50, false),
        b"fiftieths" => OrdTens(50, true),
        b"sixtieth" => OrdTens(60, false),
        b"sixtieths" => OrdTens(60, true),
        b"seventieth" => OrdTens(70, false),
        b"seventieths" => OrdTens(70, true),
        b"eightieth" => OrdTens(80, false),
        b"eightieths" => OrdTens(80, true),
        b"ninetieth" => OrdTens(90, false),
        b"ninetieths" => OrdTens(90, true),
        b"hundredth" => OrdHundred(false),
        b"hundredths" => OrdHundred(true),
        b"thousandth" => OrdScale(3, false),
        b"thousandths" => OrdScale(3, true),
        b"millionth" => OrdScale(6, false),
        b"millionths" => OrdScale(6, true),
        b"billionth" => OrdScale(9, false),
        b"billionths" => OrdScale(9, true),
        b"trillionth" => OrdScale(12, false),
        b"trillionths" => OrdScale(12, true),
        b"half" => Half(false),
        b"halves" => Half(true),
        b"quarter" => Quarter(false),
        b"quarters" => Quarter(true),
        b"a" | b"an" => A,
        b"and" => And,
        b"point" => Point,
        b"minus" | b"negative" => Minus,
        b"pair" => Pair,
        _ => return None,
    })
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
