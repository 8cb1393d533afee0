//! Any bytes as a claims table: loading never panics; a table that loads
//! reconciles under every registered policy without a panic, and its report
//! writes as JSON and JSON Lines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reckon::io::report::Report;
use reckon::reconcile::policy::Registry;
use reckon::{Dossier, Reconciler};

fuzz_target!(|data: &[u8]| {
    let Ok(dossier) = Dossier::from_csv_reader(data, "fuzz.csv") else {
        return;
    };
    let registry = Registry::standard();
    for name in registry.names() {
        let Ok(policy) = registry.get(name) else {
            continue;
        };
        // An error is allowed (a value at Decimal's limit may overflow a
        // sum); a panic is not.
        if let Ok(findings) = Reconciler::new().policy(policy).reconcile(&dossier) {
            let report = Report::new(&dossier, &findings);
            let mut out = Vec::new();
            let _ = report.write_json(&mut out);
            out.clear();
            let _ = report.write_jsonl(&mut out);
        }
    }
});
