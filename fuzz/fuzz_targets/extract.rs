//! Extracts figures and numerals from any UTF-8 input: no panic, and every
//! span lies on character boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reckon::{Lexicon, extract, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for m in extract::extract(text, Lexicon::shared()) {
        let r = m.span();
        assert!(r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        if let Some(n) = m.noun_span() {
            assert!(n.start < n.end && n.end <= text.len());
            assert!(text.is_char_boundary(n.start) && text.is_char_boundary(n.end));
        }
    }
    for n in parse::numerals(text) {
        let r = n.span();
        assert!(r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
});
