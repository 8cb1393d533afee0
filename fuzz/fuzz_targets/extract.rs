//! Extracts figures and numerals from any UTF-8 input: no panic, every span
//! lies on character boundaries inside the text, every mention's ends are
//! in order and its value writes and reads back, and its draft claim row
//! quotes the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reckon::Lexicon;
use reckon::text;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut drafter = text::Drafter::new();
    for m in text::extract(text, Lexicon::shared()) {
        let row = drafter.draft(&m);
        assert!(!row.figure().is_empty());
        assert!(text.contains(row.quote()), "{text:?}: {} quotes {:?}", m.text(), row.quote());
        let r = m.span();
        assert!(r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        if let (Some(low), Some(high)) = (m.low(), m.high()) {
            assert!(low <= high, "{text:?}: {} has low {low} above high {high}", m.text());
            assert!(
                low < high || !(m.low_open() || m.high_open()),
                "{text:?}: {} is empty",
                m.text()
            );
        }
        let written = m.value().to_string();
        assert!(
            written.parse::<reckon::Estimate>().is_ok(),
            "{text:?}: {} writes {written}, which does not read back",
            m.text()
        );
        if let Some(n) = m.noun_span() {
            assert!(n.start < n.end && n.end <= text.len());
            assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
        }
    }
    for n in text::numerals(text) {
        let r = n.span();
        assert!(r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
});
