//! The table of vague quantity words and approximators ("about", "nearly",
//! "or so") that text is read with: a configurable, sourced [`Lexicon`].

use std::fmt;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;

use crate::model::{Tolerance, VagueTerm, normalize};
use crate::text::token::{Pattern, with_lowercase};
use crate::text::vocabulary::WordMap;
use crate::{Error, Interval};

/// How an approximator hedges the number it goes with.
///
/// ```
/// use reckon::Lexicon;
/// use reckon::text::{self, Hedge, Placement};
///
/// let lex = Lexicon::shared();
/// assert_eq!(lex.approximator("almost", Placement::Before).map(|a| a.hedge()), Some(Hedge::Nearly));
/// assert_eq!(text::phrase("almost 50", lex)?.interval().to_string(), "[45, 49]");
/// assert_eq!(text::phrase("about 50", lex)?.interval().to_string(), "[45, 55]");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Hedge {
    /// Either side of the number: "about n" reads `[n − t, n + t]`.
    About,
    /// Just below the number: "nearly n" reads `[n − t, n − 1]`.
    Nearly,
}

/// Where an approximator stands: before the number ("about 70") or after it
/// ("3,000 or so").
///
/// ```
/// use reckon::Lexicon;
/// use reckon::text::Placement;
///
/// let lex = Lexicon::shared();
/// assert!(lex.approximator("or so", Placement::After).is_some());
/// assert!(lex.approximator("or so", Placement::Before).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Placement {
    /// Before the number.
    Before,
    /// After the number.
    After,
}

/// A word or phrase that hedges a number ("about", "roughly", "c.", "~",
/// "nearly", "or so"): how it hedges, where it stands, an optional
/// tolerance of its own, and where the reading comes from.
///
/// ```
/// use reckon::{Decimal, Lexicon};
/// use reckon::text::{Approximator, Hedge, Placement};
/// use reckon::model::Tolerance;
/// use reckon::text;
///
/// // A newsroom that reads "roughly" more loosely than "about".
/// let roughly = Approximator::new("roughly", Hedge::About, Placement::Before, "house style, 2024")?
///     .with_tolerance(Tolerance::new(Decimal::new(2, 1), Decimal::ONE)?);
/// let lex = Lexicon::english().with_approximator(roughly);
/// assert_eq!(text::phrase("roughly 100", &lex)?.interval().to_string(), "[80, 120]");
/// assert_eq!(text::phrase("about 100", &lex)?.interval().to_string(), "[90, 110]");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Approximator {
    phrase: String,
    hedge: Hedge,
    placement: Placement,
    tolerance: Option<Tolerance>,
    provenance: String,
    pattern: Pattern,
}

impl Approximator {
    /// An approximator written `phrase` (matched without regard to case or
    /// spacing), hedging as `hedge`, standing at `placement`, with the rule's
    /// `provenance`; it uses the lexicon's tolerance unless given its own.
    ///
    /// # Errors
    /// When the phrase is empty.
    pub fn new(
        phrase: &str,
        hedge: Hedge,
        placement: Placement,
        provenance: &str,
    ) -> Result<Self, Error> {
        let phrase = normalize(phrase);
        let pattern = Pattern::new(&phrase);
        if pattern.is_empty() {
            return Err(Error::invalid("approximator", "the phrase is empty"));
        }
        Ok(Approximator {
            phrase,
            hedge,
            placement,
            tolerance: None,
            provenance: provenance.to_owned(),
            pattern,
        })
    }

    /// This approximator with a tolerance of its own.
    #[must_use]
    pub fn with_tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = Some(tolerance);
        self
    }

    /// The phrase, lowercase: `about`, `or so`.
    pub fn phrase(&self) -> &str {
        &self.phrase
    }

    /// How it hedges.
    pub fn hedge(&self) -> Hedge {
        self.hedge
    }

    /// Where it stands.
    pub fn placement(&self) -> Placement {
        self.placement
    }

    /// Its own tolerance, if it has one.
    pub fn tolerance(&self) -> Option<Tolerance> {
        self.tolerance
    }

    /// Where the reading comes from.
    pub fn provenance(&self) -> &str {
        &self.provenance
    }

    pub(crate) fn pattern(&self) -> &Pattern {
        &self.pattern
    }
}

/// A table of vague quantity words, and the tolerance for approximate figures.
///
/// [`Lexicon::english`] is the default table, drawn from ACLED's coding rules
/// and the plural rule "Ns of" = `[2N, 10N−1]`:
///
/// | term | strict | lenient | point | from |
/// |---|---|---|---|---|
/// | a couple | [2, 2] | [2, 3] | 2 | usage |
/// | a few | [2, 5] | [2, 9] | 3 | usage; point as Duckling |
/// | a handful | [3, 9] | [2, 12] | 3 | usage |
/// | several | [3, 9] | [2, 19] | 3 | usage |
/// | half a dozen | [5, 7] | [4, 8] | 6 | usage |
/// | a dozen | [10, 14] | [8, 18] | 12 | usage |
/// | tens | [20, 99] | [10, 99] | 10 | ACLED point, plural rule |
/// | dozens | [24, 119] | [12, 119] | 12 | ACLED point, plural rule |
/// | scores | [40, 199] | [20, 199] | 20 | plural rule |
/// | hundreds | [200, 999] | [100, 999] | 100 | ACLED point, plural rule |
/// | thousands | [2000, 9999] | [1000, 9999] | 1000 | plural rule |
/// | tens of thousands | [20000, 99999] | [10000, 99999] | 10000 | plural rule |
/// | hundreds of thousands | [200000, 999999] | [100000, 999999] | 100000 | plural rule |
/// | millions | [2000000, 9999999] | [1000000, 9999999] | 1000000 | plural rule |
/// | several dozen | [36, 119] | [24, 119] | 36 | "several" = 3 |
/// | several hundred | [300, 999] | [200, 999] | 300 | "several" = 3 |
/// | several thousand | [3000, 9999] | [2000, 9999] | 3000 | "several" = 3 |
/// | some, a number of, multiple, a series of, numerous | [2, ∞) | [2, ∞) | 2 | a plural: more than one |
///
/// "some" before a number is an approximator ("some 200" is about 200); in
/// running text, "some" and "multiple" are quantities only before a plural
/// noun or "of" ("some hills", "some of the rebels", not "some time").
///
/// It also holds the approximators, each with its provenance: the value
/// grammar's "approximately", "approx.", "about", "around", "roughly",
/// "some", "circa", "ca.", "c.", "an estimated", "estimated", "~", "≈" and
/// "or so" (about: `[n − t, n + t]`), "nearly", "almost", "close to"
/// (nearly: `[n − t, n − 1]`), and prose ones ("estimated at", "in the
/// region of", "give or take", "not quite" ...). Each uses the table's
/// [`Tolerance`] unless it has its own.
///
/// A newsroom with its own conventions replaces or adds terms:
///
/// ```
/// use reckon::{Interval, Lexicon};
/// use reckon::model::VagueTerm;
///
/// let house = Lexicon::english().with_term(VagueTerm::new(
///     "dozens",
///     Interval::new(24.into(), Some(99.into()))?,
///     Interval::new(12.into(), Some(99.into()))?,
///     24.into(),
///     "our style guide, 2024",
/// )?);
/// let v = house.read("dozens")?;
/// assert_eq!(v.interval().to_string(), "[24, 99]");
///
/// // Reading "some 200" as exactly 200, and "about" with 5 %:
/// use reckon::Decimal;
/// use reckon::model::Tolerance;
/// use reckon::text;
/// let strict = Lexicon::english()
///     .without_approximator("some")
///     .with_tolerance(Tolerance::new(Decimal::new(5, 2), Decimal::ONE)?);
/// assert!(text::phrase("some 200", &strict).is_err());
/// assert_eq!(text::phrase("about 200", &strict)?.interval().to_string(), "[190, 210]");
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Lexicon {
    terms: Vec<Arc<VagueTerm>>,
    tolerance: Tolerance,
    approximators: Vec<Approximator>,
    /// The terms' names as token patterns, in table order.
    term_patterns: Vec<Pattern>,
    /// Where the terms and approximators are, by a word of theirs.
    index: Index,
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("terms", &self.terms)
            .field("tolerance", &self.tolerance)
            .field("approximators", &self.approximators)
            .finish_non_exhaustive()
    }
}

/// The terms and approximators that start or end with a word, lowercase:
/// their positions in the table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Index {
    /// Terms, by first word.
    terms: WordMap<Box<str>, Vec<usize>>,
    /// Approximators placed before a number, by first word.
    before_first: WordMap<Box<str>, Vec<usize>>,
    /// Approximators placed before a number, by last word.
    before_last: WordMap<Box<str>, Vec<usize>>,
    /// Approximators placed after a number, by first word.
    after_first: WordMap<Box<str>, Vec<usize>>,
}

/// The positions `map` holds for `word`, in any case.
fn keyed<'m>(map: &'m WordMap<Box<str>, Vec<usize>>, word: &str) -> &'m [usize] {
    if map.is_empty() {
        return &[];
    }
    with_lowercase(word, |w| map.get(w)).map_or(&[], Vec::as_slice)
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::english()
    }
}

const PLURAL_RULE: &str = "plural rule: 'Ns of' reads [2N, 10N-1], leniently [N, 10N-1]";

impl Lexicon {
    /// An empty table with the default tolerance.
    pub fn empty() -> Self {
        Lexicon {
            terms: Vec::new(),
            tolerance: Tolerance::default(),
            approximators: Vec::new(),
            term_patterns: Vec::new(),
            index: Index::default(),
        }
    }

    /// The default English table (see the type's docs).
    pub fn english() -> Self {
        Lexicon::shared().clone()
    }

    /// The default English table, built once and shared.
    pub fn shared() -> &'static Lexicon {
        static ENGLISH: OnceLock<Lexicon> = OnceLock::new();
        ENGLISH.get_or_init(build_english)
    }

    /// This table with `term` added, replacing a term of the same name.
    #[must_use]
    pub fn with_term(self, term: VagueTerm) -> Self {
        self.with_terms([term])
    }

    /// This table with `terms` added, each replacing a term of the same
    /// name (a later one of `terms` replacing an earlier), indexed once.
    #[must_use]
    pub fn with_terms(mut self, terms: impl IntoIterator<Item = VagueTerm>) -> Self {
        let mut at: std::collections::HashMap<String, usize> = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name().to_owned(), i))
            .collect();
        for term in terms {
            match at.get(term.name()) {
                Some(&i) => self.terms[i] = Arc::new(term),
                None => {
                    at.insert(term.name().to_owned(), self.terms.len());
                    self.terms.push(Arc::new(term));
                }
            }
        }
        self.reindex();
        self
    }

    /// This table without the term named `name`, if it had one.
    #[must_use]
    pub fn without_term(mut self, name: &str) -> Self {
        self.terms.retain(|t| !same_words(t.name(), name));
        self.reindex();
        self
    }

    /// This table with `approximator` added, replacing one with the same
    /// phrase and placement.
    #[must_use]
    pub fn with_approximator(mut self, approximator: Approximator) -> Self {
        match self
            .approximators
            .iter()
            .position(|a| a.phrase == approximator.phrase && a.placement == approximator.placement)
        {
            Some(i) => self.approximators[i] = approximator,
            None => self.approximators.push(approximator),
        }
        self.reindex();
        self
    }

    /// This table without the approximators written `phrase` ("some", when
    /// a newsroom reads "some 200" as exact).
    #[must_use]
    pub fn without_approximator(mut self, phrase: &str) -> Self {
        self.approximators
            .retain(|a| !same_words(&a.phrase, phrase));
        self.reindex();
        self
    }

    /// Every approximator, in table order.
    pub fn approximators(&self) -> impl Iterator<Item = &Approximator> {
        self.approximators.iter()
    }

    /// The approximator written `phrase` that stands at `placement`.
    pub fn approximator(&self, phrase: &str, placement: Placement) -> Option<&Approximator> {
        self.approximators
            .iter()
            .find(|a| a.placement == placement && same_words(&a.phrase, phrase))
    }

    /// The tolerance to use with `approximator`: its own, else the table's.
    pub(crate) fn tolerance_of(&self, approximator: &Approximator) -> Tolerance {
        approximator.tolerance.unwrap_or(self.tolerance)
    }

    /// Whether a word (in any case) starts a term.
    pub(crate) fn may_start_term(&self, word: &str) -> bool {
        !keyed(&self.index.terms, word).is_empty()
    }

    /// The terms whose first word is `word` (in any case).
    pub(crate) fn terms_starting<'a>(
        &'a self,
        word: &str,
    ) -> impl Iterator<Item = (&'a Arc<VagueTerm>, &'a Pattern)> + 'a {
        keyed(&self.index.terms, word)
            .iter()
            .filter_map(|&i| Some((self.terms.get(i)?, self.term_patterns.get(i)?)))
    }

    /// The approximators at `placement` whose first word is `word` (in any case).
    pub(crate) fn approximators_starting<'a>(
        &'a self,
        word: &str,
        placement: Placement,
    ) -> impl Iterator<Item = &'a Approximator> + 'a {
        let map = match placement {
            Placement::Before => &self.index.before_first,
            Placement::After => &self.index.after_first,
        };
        keyed(map, word)
            .iter()
            .filter_map(|&i| self.approximators.get(i))
    }

    /// The approximators placed before a number whose last word is `word`
    /// (in any case).
    pub(crate) fn approximators_ending<'a>(
        &'a self,
        word: &str,
    ) -> impl Iterator<Item = &'a Approximator> + 'a {
        keyed(&self.index.before_last, word)
            .iter()
            .filter_map(|&i| self.approximators.get(i))
    }

    fn reindex(&mut self) {
        self.term_patterns = self.terms.iter().map(|t| Pattern::new(t.name())).collect();
        let mut index = Index::default();
        let add = |map: &mut WordMap<Box<str>, Vec<usize>>, word: &str, i: usize| {
            map.entry(word.into()).or_default().push(i);
        };
        for (i, p) in self.term_patterns.iter().enumerate() {
            add(&mut index.terms, p.first(), i);
        }
        for (i, a) in self.approximators.iter().enumerate() {
            match a.placement {
                Placement::Before => {
                    add(&mut index.before_first, a.pattern.first(), i);
                    add(&mut index.before_last, a.pattern.last(), i);
                }
                Placement::After => add(&mut index.after_first, a.pattern.first(), i),
            }
        }
        self.index = index;
    }

    /// This table with a different tolerance for approximate figures.
    #[must_use]
    pub fn with_tolerance(mut self, tolerance: Tolerance) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// The tolerance for approximate figures.
    pub fn tolerance(&self) -> Tolerance {
        self.tolerance
    }

    /// The term named `name`, matched without regard to case or repeated spaces.
    pub fn term(&self, name: &str) -> Option<&Arc<VagueTerm>> {
        self.terms.iter().find(|t| same_words(t.name(), name))
    }

    /// Every term, in table order.
    pub fn terms(&self) -> impl Iterator<Item = &VagueTerm> {
        self.terms.iter().map(|t| &**t)
    }
}

/// Compares a normalized name with user text, ignoring case and spacing.
fn same_words(name: &str, text: &str) -> bool {
    let mut words = text.split_whitespace();
    for n in name.split(' ') {
        match words.next() {
            Some(w) if w.eq_ignore_ascii_case(n) => {}
            Some(w) if !w.is_ascii() && w.to_lowercase() == n => {}
            _ => return false,
        }
    }
    words.next().is_none()
}

fn build_english() -> Lexicon {
    let mut lex = Lexicon::empty();
    let mut add = |name: &str, strict: (i64, i64), lenient: (i64, i64), point: i64, from: &str| {
        let iv = |(a, b): (i64, i64)| Interval::from_parts(a.into(), Some(b.into()));
        lex.terms.push(Arc::new(VagueTerm::from_parts(
            name,
            iv(strict),
            iv(lenient),
            point.into(),
            from,
        )));
    };
    add("a couple", (2, 2), (2, 3), 2, "common usage");
    add(
        "a few",
        (2, 5),
        (2, 9),
        3,
        "common usage; point as Duckling's 'a few' = 3",
    );
    add("a handful", (3, 9), (2, 12), 3, "common usage");
    add(
        "several",
        (3, 9),
        (2, 19),
        3,
        "common usage: 'several' is at least three",
    );
    add("half a dozen", (5, 7), (4, 8), 6, "common usage: about six");
    add(
        "a dozen",
        (10, 14),
        (8, 18),
        12,
        "common usage: about twelve",
    );
    for (name, n, acled) in [
        ("tens", 10, true),
        ("dozens", 12, true),
        ("scores", 20, false),
        ("hundreds", 100, true),
        ("thousands", 1_000, false),
        ("tens of thousands", 10_000, false),
        ("hundreds of thousands", 100_000, false),
        ("millions", 1_000_000, false),
    ] {
        let from = if acled {
            format!("ACLED codebook: '{name}' is coded {n}; {PLURAL_RULE}")
        } else {
            format!("conservative point N = {n} as ACLED codes plurals; {PLURAL_RULE}")
        };
        add(name, (2 * n, 10 * n - 1), (n, 10 * n - 1), n, &from);
    }
    for (name, n) in [
        ("several dozen", 12),
        ("several hundred", 100),
        ("several thousand", 1_000),
    ] {
        add(
            name,
            (3 * n, 10 * n - 1),
            (2 * n, 10 * n - 1),
            3 * n,
            "'several' is at least three: [3N, 10N-1], leniently [2N, 10N-1]",
        );
    }
    // Indefinite plurals: more than one, with no conventional upper end.
    for name in ["some", "a number of", "multiple", "a series of", "numerous"] {
        let plural = Interval::from_parts(Decimal::TWO, None);
        lex.terms.push(Arc::new(VagueTerm::from_parts(
            name,
            plural,
            plural,
            Decimal::TWO,
            INDEFINITE_RULE,
        )));
    }
    lex.approximators = english_approximators();
    lex.reindex();
    lex
}

const INDEFINITE_RULE: &str = "reckon's reading of indefinite plurals ('some hills', 'a number of hilltops'): more than one, with no upper end; conservative point 2";

const ABOUT_RULE: &str = "reckon's reading of approximators: 'about / around / approximately / some / ~ n' reads [n - t, n + t], t the tolerance";
const NEARLY_RULE: &str = "reckon's reading of approximators: 'nearly / almost n' is below n (Nouwen 2010) and within the tolerance: [n - t, n - 1]";

/// The value grammar's approximation words, and prose ones.
fn english_approximators() -> Vec<Approximator> {
    use crate::text::vocabulary::{
        BOUND_SUFFIXES, BOUND_WORDS, Bound, PROSE_ABOUT_AFTER, PROSE_ABOUT_BEFORE,
        PROSE_NEARLY_BEFORE,
    };
    let mut v = Vec::new();
    let mut add = |phrase: &str, hedge: Hedge, placement: Placement, from: &str| {
        if let Ok(a) = Approximator::new(phrase, hedge, placement, from) {
            v.push(a);
        }
    };
    for (word, bound) in BOUND_WORDS {
        match bound {
            Bound::About => add(word, Hedge::About, Placement::Before, ABOUT_RULE),
            Bound::Nearly => add(word, Hedge::Nearly, Placement::Before, NEARLY_RULE),
            _ => {}
        }
    }
    for (word, bound) in BOUND_SUFFIXES {
        if *bound == Bound::About {
            add(word, Hedge::About, Placement::After, ABOUT_RULE);
        }
    }
    let about = format!("common usage, read as 'about'; {ABOUT_RULE}");
    for phrase in PROSE_ABOUT_BEFORE {
        add(phrase, Hedge::About, Placement::Before, &about);
    }
    for phrase in PROSE_ABOUT_AFTER {
        add(phrase, Hedge::About, Placement::After, &about);
    }
    let nearly = format!("common usage, read as 'nearly'; {NEARLY_RULE}");
    for phrase in PROSE_NEARLY_BEFORE {
        add(phrase, Hedge::Nearly, Placement::Before, &nearly);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rounded;

    #[test]
    fn default_table_matches_the_documented_rules() {
        let lex = Lexicon::english();
        let get = |n: &str| lex.term(n).unwrap().clone();
        assert_eq!(get("hundreds").interval().to_string(), "[200, 999]");
        assert_eq!(get("Several  Hundred").interval().to_string(), "[300, 999]");
        assert_eq!(get("dozens").point(), Decimal::from(12));
        assert_eq!(get("hundreds").point(), Decimal::from(100));
        for t in lex.terms() {
            assert!(t.lenient().contains_interval(&t.interval()), "{}", t.name());
            assert!(t.lenient().contains(t.point()), "{}", t.name());
            assert!(!t.provenance().is_empty());
        }
        assert!(lex.term("dozen").is_none());
    }

    #[test]
    fn term_checks_its_readings() {
        let strict = Interval::new(24.into(), Some(119.into())).unwrap();
        let err = VagueTerm::new("dozens", strict, strict, 12.into(), "x").unwrap_err();
        assert_eq!(
            err.to_string(),
            "vague term `dozens`: the lenient reading [24, 119] does not contain the point 12"
        );
    }

    #[test]
    fn tolerance_rounds_whole_numbers_down() {
        let t = Tolerance::default();
        assert_eq!(t.of(70.into()), 7.into());
        assert_eq!(t.of(75.into()), 7.into());
        assert_eq!(t.of(3.into()), Decimal::ONE);
    }

    #[test]
    fn rounding_stays_within_five_percent_and_never_overflows() {
        let big = Decimal::from_i128_with_scale(10i128.pow(28), 0);
        let r = rounded(big);
        assert_eq!(r.low(), big - big / Decimal::from(20));
        assert!(r.high().is_some_and(|h| h > big));
        for n in [
            Decimal::ZERO,
            Decimal::MAX,
            Decimal::new(15, 1),
            Decimal::from(7),
        ] {
            assert_eq!(rounded(n), Interval::from_parts(n, Some(n)), "{n}");
        }
        // 500: u = 10 (100 is more than a tenth of 500).
        assert_eq!(rounded(Decimal::from(500)).to_string(), "[495, 504]");
    }

    #[test]
    fn tolerance_of_a_fraction_is_relative_only() {
        let t = Tolerance::default();
        assert_eq!(t.of(Decimal::new(25, 1)), Decimal::new(25, 2));
        assert_eq!(t.of(Decimal::new(5, 1)), Decimal::new(5, 2));
        assert!(Tolerance::new(Decimal::TWO, Decimal::ONE).is_err());
    }
}
