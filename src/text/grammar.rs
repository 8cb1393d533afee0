//! The compact value grammar: reading `50–170`, `20+`, `~1000`, `dozens`, …
//! (writing is `Display for Estimate`), with a lexicon's vague words and
//! approximators. Its bound words are the vocabulary's
//! ([`BOUND_WORDS`], [`BOUND_SUFFIXES`]).

use rust_decimal::Decimal;

use crate::model::Tolerance;
use crate::text::lexicon::Placement;
use crate::text::vocabulary::{BOUND_SUFFIXES, BOUND_WORDS, Bound, SCALES};
use crate::{Error, Estimate, Lexicon};

impl Lexicon {
    /// Reads a value in the compact grammar with this table's terms and
    /// tolerance (`str::parse` uses the default table).
    ///
    /// ```
    /// use reckon::Lexicon;
    ///
    /// let v = Lexicon::english().read("several hundred")?;
    /// assert_eq!(v.interval().to_string(), "[300, 999]");
    /// # Ok::<(), reckon::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the text is not a value; see [`Estimate`](crate::Estimate).
    pub fn read(&self, text: &str) -> Result<Estimate, Error> {
        read(text, self)
    }
}

/// Dashes that separate the ends of a range.
const DASHES: &[char] = &['–', '—', '‒', '-', '−'];

/// What tables write in a cell where no figure was given: `n/a`, `—`, `?`.
const NO_FIGURE: &[&str] = &[
    "n/a", "na", "n.a.", "-", "–", "—", "?", "??", "tbd", "tbc", "unk", "…", "...",
];

/// The error for a text that says no figure was given ([`NO_FIGURE`]),
/// which is not a value; `None` for any other text.
pub(crate) fn no_figure(text: &str) -> Option<Error> {
    let t = text.trim();
    NO_FIGURE
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
        .then(|| {
            Error::value(
                text,
                "it says no figure was given: write `unknown` where a figure exists but its \
             number was not given, or leave the claim out",
            )
        })
}

/// Reads a value in the compact grammar.
pub(crate) fn read(text: &str, lex: &Lexicon) -> Result<Estimate, Error> {
    if let Some(e) = no_figure(text) {
        return Err(e);
    }
    let t = text.trim();
    let e = read_trimmed(t, lex).map_err(|e| match e {
        Reason::Text(r) => Error::value(text, r),
        Reason::Error(err) => Error::value(text, err.to_string()),
    })?;
    Ok(e.with_text(t))
}

enum Reason {
    Text(String),
    Error(Error),
}

impl From<Error> for Reason {
    fn from(e: Error) -> Self {
        Reason::Error(e)
    }
}

impl From<&str> for Reason {
    fn from(s: &str) -> Self {
        Reason::Text(s.to_owned())
    }
}

impl From<String> for Reason {
    fn from(s: String) -> Self {
        Reason::Text(s)
    }
}

fn read_trimmed(t: &str, lex: &Lexicon) -> Result<Estimate, Reason> {
    if t.is_empty() {
        return Err("the text is empty".into());
    }
    let first = t.chars().next().unwrap_or(' ');
    if first.is_alphabetic() {
        if t.eq_ignore_ascii_case("unknown") {
            return Ok(Estimate::unknown());
        }
        if let Some(term) = lex.term(t) {
            return Ok(Estimate::vague(term.clone()));
        }
    }
    if let Some((lower, upper)) = two_sided(t) {
        let lower = read_trimmed(lower, lex)?;
        let upper = read_trimmed(upper, lex)?;
        return Ok(Estimate::between(&lower, &upper)?);
    }
    // No bound word or symbol starts with a digit: skip the table for plain numbers.
    if !first.is_ascii_digit() {
        if let Some((bound, rest)) = strip_bound_prefix(t) {
            let word = t.get(..t.len() - rest.len()).unwrap_or("");
            let tolerance = hedge_tolerance(bound, word, Placement::Before, lex)?;
            return bounded(bound, rest.trim_start(), lex, tolerance);
        }
    }
    for (word, bound) in BOUND_SUFFIXES {
        if let Some(rest) = strip_suffix_word(t, word) {
            let tolerance = hedge_tolerance(*bound, word, Placement::After, lex)?;
            return bounded(*bound, rest, lex, tolerance);
        }
    }
    if let Some(rest) = t.strip_suffix('+') {
        return bounded(Bound::AtLeast, rest.trim_end(), lex, None);
    }
    if t.contains('/') {
        let mut parts = t.split('/');
        let (Some(a), Some(b), Some(c), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(
                "a triple is written low/best/high, and a fraction as a decimal (0.5)".into(),
            );
        };
        return Ok(Estimate::triple(number(a)?, number(b)?, number(c)?)?);
    }
    if let Some((a, b)) = split_range(t)? {
        let (high, scale) =
            read_scaled(b.trim()).map_err(|r| format!("the range's high end {r}"))?;
        let (low, low_scale) =
            read_scaled(a.trim()).map_err(|r| format!("the range's low end {r}"))?;
        // "5-6 thousand": a scale on the high end alone applies to both ends.
        let low = match (low_scale, scale) {
            (0, s) => scale_by(low, s)?,
            (s, _) => scale_by(low, s)?,
        };
        let high = scale_by(high, scale)?;
        return Ok(Estimate::range(low, high)?);
    }
    Ok(Estimate::exact(number(t)?)?)
}

/// Splits `>10 <20`, `> 10 < 20` or `≥10 ≤20` (a lower bound symbol, then
/// after white space an upper bound symbol) into its two bounds.
fn two_sided(t: &str) -> Option<(&str, &str)> {
    if !t.starts_with(['>', '≥', '=']) {
        return None;
    }
    let (at, _) = t
        .char_indices()
        .find(|&(i, c)| matches!(c, '<' | '≤') && t[..i].ends_with(char::is_whitespace))?;
    Some((t[..at].trim_end(), &t[at..]))
}

/// The tolerance of a hedge word, from the lexicon's approximators. "~",
/// "≈" and "nearly" are the grammar's own notation and always read; other
/// hedge words read only while the lexicon has them.
fn hedge_tolerance(
    bound: Bound,
    word: &str,
    placement: Placement,
    lex: &Lexicon,
) -> Result<Option<Tolerance>, Reason> {
    if !matches!(bound, Bound::About | Bound::Nearly) {
        return Ok(None);
    }
    let word = word.trim();
    match lex.approximator(word, placement) {
        Some(a) => Ok(Some(lex.tolerance_of(a))),
        None if matches!(word, "~" | "≈") || word.eq_ignore_ascii_case("nearly") => Ok(None),
        None => Err(format!("'{word}' is not an approximator of this lexicon").into()),
    }
}

fn bounded(
    bound: Bound,
    rest: &str,
    lex: &Lexicon,
    tolerance: Option<Tolerance>,
) -> Result<Estimate, Reason> {
    if rest.is_empty() {
        return Err("a bound needs a number".into());
    }
    Ok(match bound {
        Bound::AtLeast => Estimate::at_least(number(rest)?)?,
        Bound::MoreThan => Estimate::more_than(number(rest)?)?,
        Bound::AtMost => Estimate::at_most(number(rest)?)?,
        Bound::FewerThan => Estimate::fewer_than(number(rest)?)?,
        Bound::About | Bound::Nearly => {
            let (n, t) = match rest.split_once('±').or_else(|| rest.split_once("+/-")) {
                Some((n, t)) => (number(n)?, Some(number(t)?)),
                None => (number(rest)?, None),
            };
            let t = t.unwrap_or_else(|| tolerance.unwrap_or(lex.tolerance()).of(n));
            if bound == Bound::About {
                Estimate::approximately_within(n, t)?
            } else {
                Estimate::nearly_within(n, t)?
            }
        }
    })
}

/// Strips a bound word or symbol from the front of `t`, ignoring ASCII case.
pub(crate) fn strip_bound_prefix(t: &str) -> Option<(Bound, &str)> {
    for (word, bound) in BOUND_WORDS {
        if let Some(rest) = strip_prefix_word(t, word) {
            return Some((*bound, rest));
        }
    }
    None
}

/// Strips `word` from the front of `t` (ASCII case ignored). A word that ends
/// in a letter must be followed by white space.
pub(crate) fn strip_prefix_word<'a>(t: &'a str, word: &str) -> Option<&'a str> {
    let head = t.get(..word.len())?;
    if !head.eq_ignore_ascii_case(word) {
        return None;
    }
    let rest = &t[word.len()..];
    let needs_space = word.ends_with(|c: char| c.is_ascii_alphabetic());
    if needs_space && !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(rest)
}

fn strip_suffix_word<'a>(t: &'a str, word: &str) -> Option<&'a str> {
    let cut = t.len().checked_sub(word.len())?;
    let tail = t.get(cut..)?;
    if !tail.eq_ignore_ascii_case(word) {
        return None;
    }
    let rest = &t[..cut];
    if !rest.ends_with(char::is_whitespace) {
        return None;
    }
    Some(rest.trim_end())
}

/// Splits `a–b`, `a - b` or `a to b`; `None` when there is no separator.
fn split_range(t: &str) -> Result<Option<(&str, &str)>, Reason> {
    let lower_to = find_ascii_ci(t, " to ");
    let dash = t
        .char_indices()
        .skip(1)
        .find(|(_, c)| DASHES.contains(c))
        .map(|(i, c)| (i, c.len_utf8()));
    let (at, len) = match (lower_to, dash) {
        (Some(i), _) => (i, 4),
        (None, Some((i, len))) => (i, len),
        (None, None) => {
            if t.starts_with(DASHES) {
                return Err("the range has no lower end".into());
            }
            return Ok(None);
        }
    };
    let (a, b) = (&t[..at], &t[at + len..]);
    if b.trim().is_empty() {
        return Err("the range has no upper end".into());
    }
    Ok(Some((a, b)))
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| {
        h.get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

fn number(s: &str) -> Result<Decimal, Reason> {
    read_number(s.trim()).map_err(Reason::Text)
}

fn scale_by(n: Decimal, power: u32) -> Result<Decimal, Reason> {
    if power == 0 {
        return Ok(n);
    }
    let factor = Decimal::from(10u64.pow(power));
    n.checked_mul(factor)
        .map(|d| d.normalize())
        .ok_or_else(|| Reason::Text(format!("{n} × 10^{power} is too large")))
}

/// Reads a number written with digits: `12000`, `12,000`, `1 234`, `1.5`,
/// with an optional scale word (`1.5 million`, `1.2k`).
///
/// # Errors
/// A lowercase reason, e.g. `'12,00' has a digit group that is not three digits long`.
pub(crate) fn read_number(s: &str) -> Result<Decimal, String> {
    let (n, power) = read_scaled(s)?;
    if power == 0 {
        return Ok(n);
    }
    match scale_by(n, power) {
        Ok(d) => Ok(d),
        Err(Reason::Text(t)) => Err(t),
        Err(Reason::Error(e)) => Err(e.to_string()),
    }
}

/// Reads digits and an optional scale; returns the unscaled number and the
/// scale's power of ten (0 when there is none).
fn read_scaled(s: &str) -> Result<(Decimal, u32), String> {
    let mut digits = s;
    let mut power = 0;
    if s.ends_with(|c: char| c.is_ascii_alphabetic()) {
        for (word, p) in SCALES {
            if let Some(head) = s
                .len()
                .checked_sub(word.len())
                .and_then(|cut| s.get(cut..).map(|tail| (cut, tail)))
                .filter(|(_, tail)| tail.eq_ignore_ascii_case(word))
                .map(|(cut, _)| &s[..cut])
            {
                // "1.5 million", "1.5million", "1.2k" — but not "k" alone.
                let head = head.trim_end();
                if head.ends_with(|c: char| c.is_ascii_digit()) {
                    digits = head;
                    power = *p;
                    break;
                }
            }
        }
    }
    Ok((read_digits(digits)?, power))
}

const GROUP_SEPARATORS: &[char] = &[',', ' ', '\u{a0}', '\u{202f}', '\u{2009}', '\u{2007}', '\''];

/// The most decimal places a `Decimal` keeps.
const MAX_PLACES: u32 = 28;

/// Digits with optional three-digit group separators and a decimal point.
fn read_digits(s: &str) -> Result<Decimal, String> {
    if s.is_empty() {
        return Err("a number is missing".to_owned());
    }
    let mut mantissa: u128 = 0;
    let mut scale: u32 = 0;
    let mut ndigits = 0usize;
    let mut group_len = 0usize;
    let mut separator: Option<char> = None;
    let mut in_fraction = false;
    let mut last_was_separator = false;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(d)))
                .ok_or_else(|| {
                    if in_fraction {
                        format!("'{s}' has more digits than a decimal keeps (28 or 29 in all)")
                    } else {
                        format!("'{s}' is too large")
                    }
                })?;
            ndigits += 1;
            group_len += 1;
            if in_fraction {
                scale += 1;
            }
            last_was_separator = false;
        } else if c == '.' && !in_fraction && ndigits > 0 && !last_was_separator {
            if separator.is_some() && group_len != 3 {
                return Err(format!(
                    "'{s}' has a digit group that is not three digits long"
                ));
            }
            in_fraction = true;
            group_len = 0;
        } else if GROUP_SEPARATORS.contains(&c) && !in_fraction && ndigits > 0 {
            if last_was_separator
                || separator.is_some_and(|sep| sep != c)
                || (separator.is_some() && group_len != 3)
                || (separator.is_none() && group_len > 3)
            {
                return Err(format!(
                    "'{s}' has a digit group that is not three digits long"
                ));
            }
            separator = Some(c);
            group_len = 0;
            last_was_separator = true;
        } else {
            return Err(format!("'{s}' is not a number"));
        }
    }
    if ndigits == 0 || last_was_separator || (in_fraction && group_len == 0) {
        return Err(format!("'{s}' is not a number"));
    }
    if separator.is_some() && !in_fraction && group_len != 3 {
        return Err(format!(
            "'{s}' has a digit group that is not three digits long"
        ));
    }
    if scale > MAX_PLACES {
        return Err(format!(
            "'{s}' has {scale} decimal places; a decimal keeps at most {MAX_PLACES}"
        ));
    }
    let too_many = || {
        if scale > 0 {
            format!("'{s}' has more digits than a decimal keeps (28 or 29 in all)")
        } else {
            format!("'{s}' is too large")
        }
    };
    let m = i128::try_from(mantissa).map_err(|_| too_many())?;
    Decimal::try_from_i128_with_scale(m, scale).map_err(|_| too_many())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Form;
    use proptest::prelude::*;

    fn p(s: &str) -> Estimate {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn canonical_forms_read_back() {
        for s in [
            "200",
            "50–170",
            "20+",
            ">100",
            "<=30",
            "<10",
            "~1000",
            "~1000±50",
            "nearly 300",
            "dozens",
            "several hundred",
            "unknown",
            "50/100/170",
            "170/100/50",
            "0",
            "1.5",
        ] {
            assert_eq!(p(s).to_string(), s);
        }
    }

    #[test]
    fn spreadsheet_variants() {
        let cases = [
            ("50-170", "50–170"),
            ("50 – 170", "50–170"),
            ("50 to 170", "50–170"),
            ("≥20", "20+"),
            (">= 20", "20+"),
            ("at least 18", "18+"),
            ("20 or more", "20+"),
            ("≤30", "<=30"),
            ("up to 5,000", "<=5000"),
            ("no more than 12", "<=12"),
            ("more than 100", ">100"),
            ("Over 20", ">20"),
            ("fewer than 10", "<10"),
            ("under 10", "<10"),
            ("12,000", "12000"),
            ("1 234", "1234"),
            ("1.5 million", "1500000"),
            ("1.2k", "1200"),
            ("5-6 thousand", "5000–6000"),
            ("approximately 1,000", "~1000"),
            ("about 70", "~70"),
            ("c. 400", "~400"),
            ("3,000 or so", "~3000"),
            ("almost 50", "nearly 50"),
            ("Unknown", "unknown"),
            ("DOZENS", "dozens"),
            ("  200 ", "200"),
        ];
        for (input, want) in cases {
            assert_eq!(p(input).to_string(), want, "{input}");
        }
    }

    #[test]
    fn two_sided_bounds_keep_their_strictness() {
        let cases = [
            (">10 <20", ">10 <20", "[11, 19]"),
            ("≥10 ≤20", ">=10 <=20", "[10, 20]"),
            (">=10  <20", ">=10 <20", "[10, 19]"),
            (">0.25 <0.5", ">0.25 <0.5", "[0.25, 0.5]"),
            ("> 10 < 20", ">10 <20", "[11, 19]"),
            ("≥ 10 ≤ 20", ">=10 <=20", "[10, 20]"),
            // No whole number lies between: the closure.
            (">1 <2", ">1 <2", "[1, 2]"),
            (">10 <10.5", ">10 <10.5", "[10, 10.5]"),
            ("more than 10 and fewer than 20", ">10 <20", "[11, 19]"),
        ];
        for (input, written, interval) in cases {
            let e = p(input);
            assert_eq!(e.to_string(), written, "{input}");
            assert_eq!(e.interval().to_string(), interval, "{input}");
        }
        let errors = [
            (
                ">20 <10",
                "'>20 <10' is not a value: value >20 <10: no value meets both bounds",
            ),
            (
                ">10 <10",
                "'>10 <10' is not a value: value >10 <10: no value meets both bounds",
            ),
            (
                ">=0.5 <0.5",
                "'>=0.5 <0.5' is not a value: value >=0.5 <0.5: no value meets both bounds",
            ),
            (
                ">10 ~20",
                "'>10 ~20' is not a value: '10 ~20' is not a number",
            ),
            (">10 <", "'>10 <' is not a value: a bound needs a number"),
        ];
        for (input, want) in errors {
            assert_eq!(
                input.parse::<Estimate>().unwrap_err().to_string(),
                want,
                "{input}"
            );
        }
    }

    #[test]
    fn english_phrases_read_and_write_back() {
        for phrase in [
            "a few hundred",
            "a couple thousand",
            "more than 10 and fewer than 20",
            "two to three hundred",
        ] {
            let e: Estimate = phrase.parse().unwrap();
            let back: Estimate = e.to_string().parse().unwrap();
            assert_eq!(back, e, "{phrase}");
        }
    }

    #[test]
    fn about_uses_the_lexicon_tolerance() {
        assert_eq!(p("about 70").interval().to_string(), "[63, 77]");
        assert_eq!(p("~5").interval().to_string(), "[4, 6]");
        assert_eq!(p("~1000±50").interval().to_string(), "[950, 1050]");
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let cases = [
            ("", "'' is not a value: the text is empty"),
            ("50–", "'50–' is not a value: the range has no upper end"),
            ("–170", "'–170' is not a value: the range has no lower end"),
            (
                "12,00",
                "'12,00' is not a value: '12,00' has a digit group that is not three digits long",
            ),
            ("abc", "'abc' is not a value: 'abc' is not a number"),
            (
                "more than",
                "'more than' is not a value: 'more than' is not a number",
            ),
            (
                "170–50",
                "'170–50' is not a value: range 170–50: the low end is above the high end",
            ),
            (
                "1/2",
                "'1/2' is not a value: a triple is written low/best/high, and a fraction \
                 as a decimal (0.5)",
            ),
            (
                "N/A",
                "'N/A' is not a value: it says no figure was given: write `unknown` where a \
                 figure exists but its number was not given, or leave the claim out",
            ),
            (
                "50-x",
                "'50-x' is not a value: the range's high end 'x' is not a number",
            ),
            (
                "<0",
                "'<0' is not a value: fewer than 0: no count is below zero",
            ),
            (
                "99999999999999999999999999999999",
                "'99999999999999999999999999999999' is not a value: '99999999999999999999999999999999' is too large",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(
                input.parse::<Estimate>().unwrap_err().to_string(),
                want,
                "{input}"
            );
        }
    }

    #[test]
    fn verbatim_text_is_kept() {
        assert_eq!(p(" 50 – 170 ").text(), Some("50 – 170"));
        assert_eq!(
            p("50 – 170").form(),
            &Form::Range {
                low: 50.into(),
                high: 170.into()
            }
        );
    }

    fn arb_decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (0i64..100_000).prop_map(Decimal::from),
            (1i64..10_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        ]
    }

    pub(crate) fn arb_estimate() -> impl Strategy<Value = Estimate> {
        let lex = Lexicon::shared();
        let terms: Vec<_> = lex.terms().map(|t| t.name().to_owned()).collect();
        prop_oneof![
            arb_decimal().prop_map(|n| Estimate::exact(n).unwrap()),
            (arb_decimal(), arb_decimal())
                .prop_map(|(a, b)| Estimate::range(a.min(b), a.max(b)).unwrap()),
            arb_decimal().prop_map(|n| Estimate::at_least(n).unwrap()),
            arb_decimal().prop_map(|n| Estimate::more_than(n).unwrap()),
            arb_decimal().prop_map(|n| Estimate::at_most(n).unwrap()),
            arb_decimal().prop_map(|n| Estimate::fewer_than(n + Decimal::ONE).unwrap()),
            (arb_decimal(), arb_decimal(), any::<bool>(), any::<bool>()).prop_map(
                |(a, b, low_strict, high_strict)| {
                    let (low, high) = (a.min(b), a.max(b) + Decimal::TWO);
                    let lower = if low_strict {
                        Estimate::more_than(low)
                    } else {
                        Estimate::at_least(low)
                    };
                    let upper = if high_strict {
                        Estimate::fewer_than(high)
                    } else {
                        Estimate::at_most(high)
                    };
                    Estimate::between(&lower.unwrap(), &upper.unwrap()).unwrap()
                }
            ),
            arb_decimal().prop_map(|n| Estimate::approximately(n, &lex.tolerance()).unwrap()),
            (arb_decimal(), arb_decimal())
                .prop_map(|(n, t)| Estimate::approximately_within(n, t).unwrap()),
            arb_decimal()
                .prop_map(|n| Estimate::nearly(n + Decimal::ONE, &lex.tolerance()).unwrap()),
            proptest::sample::select(terms).prop_map(|t| lex.read(&t).unwrap()),
            Just(Estimate::unknown()),
            (arb_decimal(), arb_decimal(), arb_decimal())
                .prop_map(|(a, b, c)| Estimate::triple(a, b, c).unwrap()),
        ]
    }

    proptest! {
        #[test]
        fn display_from_str_round_trip(e in arb_estimate()) {
            let written = e.to_string();
            let read: Estimate = written.parse().unwrap();
            prop_assert_eq!(&read, &e);
            prop_assert_eq!(read.to_string(), written);
            prop_assert_eq!(read.interval(), e.interval());
        }

        #[test]
        fn a_citation_marker_after_a_value_changes_nothing(
            e in arb_estimate(),
            marker in proptest::sample::select(vec![
                "[12]", "[3][4]", " [a]", "[note 2]", "[citation needed]",
                "<ref>Reuters</ref>", "<sup>[b]</sup>",
            ]),
        ) {
            let lex = Lexicon::shared();
            let plain = crate::text::phrase(&e.to_string(), lex).unwrap();
            let noted = crate::text::phrase(&format!("{e}{marker}"), lex);
            prop_assert!(noted.is_ok(), "{e}{marker}: {noted:?}");
            let noted = noted.unwrap();
            prop_assert_eq!(noted.to_string(), plain.to_string());
            prop_assert_eq!(noted.interval(), plain.interval());
        }

        #[test]
        fn reading_never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<Estimate>();
        }

        #[test]
        fn separators_read_as_the_plain_number(n in 0u64..10_000_000_000_000) {
            let plain = n.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            prop_assert_eq!(p(&grouped), p(&plain));
        }
    }
}
