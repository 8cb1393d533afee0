//! No input makes the readers panic, spans are always valid, and reading
//! stays linear on inputs built to make it backtrack.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use reckon::Lexicon;
use reckon::text;

/// Text made of the parts figures are made of, in any order.
fn figure_salad() -> impl Strategy<Value = String> {
    let parts = prop::sample::select(vec![
        "one",
        "two",
        "twenty",
        "-",
        "–",
        "three",
        "hundred",
        "and",
        "thousand",
        "million",
        "a",
        "half",
        "dozen",
        "dozens",
        "of",
        "more",
        "than",
        "at",
        "least",
        "up",
        "to",
        "between",
        "from",
        "or",
        "so",
        "about",
        "nearly",
        "~",
        ">",
        "<",
        "=",
        "+",
        "12",
        ",",
        "000",
        ".",
        "5",
        "1,2",
        "3/4",
        "½",
        "first",
        "fifths",
        "point",
        "zero",
        "o",
        "no",
        "none",
        "unknown",
        "number",
        "rebels",
        "killed",
        "wounded",
        "(",
        ")",
        "August",
        "2014",
        "km",
        "hour",
        "man",
        "several",
        "the",
        "in",
        "e",
        "^",
        "x10",
        "k",
        "M",
        "'",
        "’",
        "é",
        "\n",
        " ",
        "  ",
        "some",
        "quarter",
        "1/1",
        "hours",
        "percent",
        "%",
        "minus",
        "below",
        "above",
        "[",
        "]",
        "[12]",
        "[note",
        "citation needed]",
        "<ref>",
        "</ref>",
        "<ref name=a/>",
        "<",
        "/",
    ]);
    prop::collection::vec(parts, 0..40).prop_map(|v| v.join(" "))
}

fn check_spans(text: &str) {
    let found = text::extract(text, Lexicon::shared());
    // Every mention drafts a claim row quoting the text, and serializes.
    let mut drafter = text::Drafter::new();
    for m in &found {
        let row = drafter.draft(m);
        assert!(!row.figure().is_empty(), "{} in {text:?}", m.text());
        assert!(text.contains(row.quote()), "{} in {text:?}", m.text());
    }
    #[cfg(feature = "serde")]
    assert!(serde_json::to_string(&found).is_ok(), "{text:?}");
    for m in found {
        let r = m.span();
        assert!(r.start < r.end && r.end <= text.len(), "{r:?} in {text:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert_eq!(&text[r], m.text());
        if let Some(n) = m.noun_span() {
            assert!(n.start < n.end && n.end <= text.len());
            assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
        }
        let iv = m.value().interval();
        assert!(iv.high().is_none_or(|h| h >= iv.low()));
        // The mention's own ends are in order and leave room for a value.
        if let (Some(low), Some(high)) = (m.low(), m.high()) {
            assert!(low <= high, "{} in {text:?}", m.text());
            assert!(
                low < high || !(m.low_open() || m.high_open()),
                "{} in {text:?}",
                m.text()
            );
        }
        // Its value writes and reads back.
        let written = m.value().to_string();
        assert!(
            written.parse::<reckon::Estimate>().is_ok(),
            "{written} from {text:?}"
        );
    }
    for n in text::numerals(text) {
        let r = n.span();
        assert!(r.start < r.end && r.end <= text.len(), "{r:?} in {text:?}");
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn phrase_and_number_never_panic(s in "\\PC{0,60}") {
        let _ = text::phrase(&s, Lexicon::shared());
        let _ = text::number(&s);
    }

    #[test]
    fn extract_spans_are_valid(s in "\\PC{0,200}") {
        check_spans(&s);
    }

    #[test]
    fn figure_salad_reads_safely(s in figure_salad()) {
        check_spans(&s);
        if let Ok(e) = text::phrase(&s, Lexicon::shared()) {
            // A phrase that reads has a consistent interval and writes a value that reads back.
            let back = text::phrase(&e.to_string(), Lexicon::shared());
            prop_assert!(back.is_ok(), "{s:?} -> {e}");
            prop_assert!(e.to_string().parse::<reckon::Estimate>().is_ok(), "{s:?} -> {e}");
        }
        let _ = text::number(&s);
    }
}

/// Inputs that would make a backtracking or rescanning reader slow, about
/// 200 KB each: a reader that is quadratic on any of them takes minutes.
#[test]
fn reading_is_linear_on_adversarial_input() {
    let inputs = [
        ("one hundred and ", 13_000),
        ("1,", 100_000),
        ("12,34,", 34_000),
        ("1 234 ", 34_000),
        ("zero ", 40_000),
        ("more than ", 20_000),
        ("a-", 100_000),
        ("(1, ", 50_000),
        ("20 killed and ", 15_000),
        ("twenty-", 28_000),
        ("between 1 and ", 14_000),
        ("dozens of ", 20_000),
        ("<ref>1 ", 30_000),
        ("<ref>1</ref>", 20_000),
        ("<sup>1 ", 30_000),
        ("1<sup>[2]</sup>", 20_000),
        ("[note 1 ", 25_000),
        ("[1", 100_000),
        // Attribution: clauses, parenthesised sources, quotations.
        ("officials said 1, ", 12_000),
        ("1 killed (acc. U.S. officials), ", 7_000),
        ("according to 1 ", 14_000),
        ("1 were reported ", 14_000),
        ("\"1,\" said X. ", 16_000),
        ("- A: B C: 1 (", 16_000),
        ("1&nbsp;", 30_000),
        ("&#160", 40_000),
    ];
    for (unit, reps) in inputs {
        let input = unit.repeat(reps);
        let t = Instant::now();
        let found = text::extract(&input, Lexicon::shared()).len();
        let numerals = text::numerals(&input).len();
        let took = t.elapsed();
        assert!(
            took < Duration::from_secs(10),
            "{unit:?} × {reps}: {found} mentions, {numerals} numerals in {took:?}"
        );
    }
}

#[test]
fn reading_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<reckon::text::Mention<'static>>();
    check::<reckon::text::Numeral<'static>>();
    check::<reckon::text::NumeralKind>();
    check::<reckon::text::Approximator>();
    check::<reckon::text::DraftClaim>();
    check::<reckon::text::Drafter>();
    check::<reckon::Lexicon>();
}
