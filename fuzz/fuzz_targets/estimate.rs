//! Any UTF-8 as a value in the compact grammar: `FromStr` never panics, and
//! a value that reads writes (`Display`) a text that reads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reckon::Estimate;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(e) = text.parse::<Estimate>() {
        let written = e.to_string();
        let again: Estimate = written
            .parse()
            .unwrap_or_else(|err| panic!("{text:?} wrote {written:?}, which does not read: {err}"));
        assert_eq!(again, e, "{text:?} wrote {written:?}, which reads as another value");
        let i = e.interval();
        assert!(i.high().is_none_or(|h| i.low() <= h));
    }
});
