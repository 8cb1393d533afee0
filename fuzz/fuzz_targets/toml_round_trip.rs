//! Any UTF-8 as a dossier file: loading never panics; a dossier that loads
//! and validates reconciles, writes back to TOML, and reads back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reckon::{Dossier, Reconciler};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(dossier) = Dossier::from_toml_str(text, "fuzz.toml") else {
        return;
    };
    if dossier.validate().is_err() {
        return;
    }
    let _ = Reconciler::new().reconcile(&dossier);
    let written = dossier
        .to_toml_string()
        .expect("a valid dossier writes as TOML");
    let again = Dossier::from_toml_str(&written, "written.toml")
        .unwrap_or_else(|e| panic!("the written dossier does not read back: {e}\n{written}"));
    assert_eq!(again.to_toml_string().ok(), Some(written), "not a fixed point");
});
