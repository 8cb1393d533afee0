//! Reads any UTF-8 input as a phrase and as a number: no panic, and a phrase
//! that reads writes a value that reads back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reckon::Lexicon;
use reckon::text;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(e) = text::phrase(text, Lexicon::shared()) {
        let written = e.to_string();
        assert!(
            text::phrase(&written, Lexicon::shared()).is_ok(),
            "{text:?} read as {written}, which does not read back"
        );
        assert!(
            written.parse::<reckon::Estimate>().is_ok(),
            "{text:?} read as {written}, which FromStr does not read"
        );
        // The interval and the measured bounds agree on where the value lies.
        let i = e.interval();
        let _ = e.bounds();
        let _ = e.interval_read(reckon::model::Reading::Rounded);
        assert!(i.high().is_none_or(|h| i.low() <= h));
    }
    let _ = text::number(text);
});
