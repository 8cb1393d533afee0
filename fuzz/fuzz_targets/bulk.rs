//! Any bytes as a claims file for the bulk path, read as a claims table and
//! as JSON Lines, sorted and not: no panic, and a run on one thread and a
//! run on every core write the same report and give the same summary (or
//! the same error).
#![no_main]

use libfuzzer_sys::fuzz_target;
use reckon::Reconciler;
use reckon::io::bulk::{Bulk, Input, Output};

/// The report, and the counts and problems or the error, of one run.
type Run = (Vec<u8>, Result<(u64, u64, u64, u64, Vec<String>), String>);

fn run(data: &[u8], input: Input, sorted: bool, parallel: bool) -> Run {
    let mut out = Vec::new();
    let summary = Bulk::new(Reconciler::new())
        .input(input)
        .output(Output::JsonLines)
        .sorted(sorted)
        .parallel(parallel)
        .run(data, "fuzz", &mut out);
    let summary = summary
        .map(|s| {
            let problems = s.problems().iter().map(ToString::to_string).collect();
            (s.rows_read(), s.claims(), s.rejected(), s.figures(), problems)
        })
        .map_err(|e| e.to_string());
    (out, summary)
}

fuzz_target!(|data: &[u8]| {
    for input in [Input::Csv, Input::JsonLines] {
        for sorted in [false, true] {
            let one = run(data, input, sorted, false);
            let every = run(data, input, sorted, true);
            assert!(one == every, "{input:?}, sorted {sorted}: {one:?} against {every:?}");
        }
    }
});
