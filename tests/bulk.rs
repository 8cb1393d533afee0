//! The bulk path against the dossier path: the same findings and the same
//! report (JSON, JSON Lines, indented JSON, table) for the same claims
//! table, whatever the reading mode.
#![cfg(feature = "serde")]

use std::sync::Arc;

use reckon::error::ErrorKind;
use reckon::io::bulk::{Bulk, Input, Output};
use reckon::io::report::Report;
use reckon::io::synth::Synth;
use reckon::io::table::Table;
use reckon::model::FigureId;
use reckon::reconcile::learn::Learned;
use reckon::reconcile::policy::{Outcome, Policy, Registry};
use reckon::reconcile::{Evidence, EvidenceSet};
use reckon::{Dossier, Reconciler};

/// A generated claims table of about 10^5 claims, grouped by figure.
fn table() -> Vec<u8> {
    let world = Synth::new(14).sources(2_000).figures(25_000).world();
    let mut csv = Vec::new();
    let n = world.write_csv(&mut csv).unwrap();
    assert!((90_000..110_000).contains(&n), "{n} claims");
    csv
}

/// The bulk reader, one thread and (with `rayon`) every thread.
fn modes() -> Vec<Bulk> {
    modes_of(Reconciler::new())
}

/// The bulk reader with `reconciler`, one thread and (with `rayon`) every thread.
fn modes_of(reconciler: Reconciler) -> Vec<Bulk> {
    let one = Bulk::new(reconciler);
    #[cfg(feature = "rayon")]
    return vec![one.clone().parallel(false), one.parallel(true)];
    #[cfg(not(feature = "rayon"))]
    vec![one]
}

fn bulk_report(bulk: &Bulk, input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let summary = bulk.run(input, "claims.csv", &mut out).unwrap();
    assert_eq!(summary.rejected(), 0);
    assert_eq!(summary.rows_read(), summary.claims());
    out
}

#[test]
fn the_bulk_path_gives_the_dossier_paths_findings_and_report() {
    let csv = table();
    let dossier = Dossier::from_csv_reader(csv.as_slice(), "claims.csv").unwrap();
    let findings = Reconciler::new().reconcile(&dossier).unwrap();
    let mut json = Vec::new();
    Report::new(&dossier, &findings)
        .write_json(&mut json)
        .unwrap();
    let mut jsonl = Vec::new();
    Report::new(&dossier, &findings)
        .write_jsonl(&mut jsonl)
        .unwrap();
    let mut pretty = Vec::new();
    Report::new(&dossier, &findings)
        .write_json_pretty(&mut pretty)
        .unwrap();
    // One report, three layouts; the indented one is `serde_json`'s pretty
    // printer's, byte for byte.
    let parsed = |b: &[u8]| serde_json::from_slice::<serde_json::Value>(b).unwrap();
    assert_eq!(parsed(&json), parsed(&pretty));
    let mut serde_pretty = serde_json::to_vec_pretty(&Report::new(&dossier, &findings)).unwrap();
    serde_pretty.push(b'\n');
    assert!(pretty == serde_pretty);
    assert_eq!(
        json.iter().filter(|&&b| b == b'\n').count(),
        findings.len() + 2
    );

    let base = Bulk::new(Reconciler::new());
    let (bulk_findings, summary) = base.findings(csv.as_slice(), "claims.csv").unwrap();
    assert_eq!(summary.claims(), dossier.claims().len() as u64);
    assert_eq!(summary.figures(), findings.len() as u64);
    assert!(summary.conflicts() > 0);
    assert!(bulk_findings.iter().eq(findings.iter()));
    for mode in modes() {
        let (found, by_mode) = mode.findings(csv.as_slice(), "claims.csv").unwrap();
        assert!(found.iter().eq(findings.iter()), "{mode:?}");
        assert_eq!(by_mode.conflicts(), summary.conflicts(), "{mode:?}");
    }

    let mut table = Table::new();
    for f in &findings {
        table.push(f, findings.conflicts_of(f.figure()));
    }
    let table = table.to_string().into_bytes();
    assert_eq!(table.iter().filter(|&&b| b == b'\n').count(), {
        let conflicts: usize = findings.iter().map(|f| f.conflicts().len()).sum();
        findings.len() + 1 + 2 + conflicts
    });
    for sorted in [false, true] {
        let bulk = base.clone().sorted(sorted);
        assert!(bulk_report(&bulk, &csv) == json, "json, sorted {sorted}");
        for mode in modes() {
            let rows = bulk_report(&mode.sorted(sorted).output(Output::Table), &csv);
            assert!(rows == table, "table, sorted {sorted}");
        }
        let lines = bulk_report(&bulk.clone().output(Output::JsonLines), &csv);
        assert!(lines == jsonl, "json lines, sorted {sorted}");
        let indented = bulk_report(&bulk.clone().output(Output::JsonPretty), &csv);
        assert!(indented == pretty, "indented json, sorted {sorted}");
    }
}

#[cfg(feature = "rayon")]
#[test]
fn parallel_and_sequential_runs_write_the_same_bytes() {
    // A small table too: its batches and their tasks are smaller.
    let mut small = Vec::new();
    let n = Synth::new(15)
        .sources(300)
        .figures(1_500)
        .world()
        .write_csv(&mut small)
        .unwrap();
    assert!((4_000..8_000).contains(&n), "{n} claims");
    let parallel = Bulk::new(Reconciler::new()).parallel(true);
    let sequential = Bulk::new(Reconciler::new()).parallel(false);
    for csv in [table(), small] {
        for output in [
            Output::Json,
            Output::JsonLines,
            Output::JsonPretty,
            Output::Table,
        ] {
            let a = bulk_report(&parallel.clone().output(output), &csv);
            let b = bulk_report(&sequential.clone().output(output), &csv);
            assert!(a == b, "{output:?}");
            assert!(!a.is_empty());
        }
    }
}

/// Runs called from inside a rayon pool (a file per task of a
/// `par_iter`), as many as the pool has threads and more: each reconciles
/// and writes its batches in turn on its own thread, and writes what a run
/// alone writes.
#[cfg(feature = "rayon")]
#[test]
fn runs_inside_a_rayon_pool_finish_and_write_what_one_run_writes() {
    use rayon::prelude::*;
    let csv = table();
    let bulk = Bulk::new(Reconciler::new()).parallel(true);
    let alone = bulk_report(&bulk, &csv);
    // The global pool, whose threads the runs would wait for.
    let reports: Vec<Vec<u8>> = (0..rayon::current_num_threads() + 1)
        .into_par_iter()
        .map(|_| bulk_report(&bulk, &csv))
        .collect();
    assert!(reports.iter().all(|r| *r == alone));
}

/// `learned` weighs every pair of a figure's claims: a figure of more than
/// 2,048 claims is left out of the learning and named as not reconciled,
/// at once and in little memory (10⁴ claims took 2 GB and 10 s, 10⁵ more
/// than the machine had); the other figures are decided.
#[test]
fn learned_names_a_figure_of_too_many_claims_and_decides_the_others() {
    let mut csv = String::from("figure,source,value\n");
    for i in 0..2_049 {
        csv.push_str(&format!("crowded,s{},{}\n", i % 10, 100 + i % 37));
    }
    csv.push_str("small,s1,50\nsmall,s2,52\nsmall,s3,90\n");
    let learned = Reconciler::new().policy(Registry::standard().get("learned").unwrap());
    let mut out = Vec::new();
    let summary = Bulk::new(learned)
        .run(csv.as_bytes(), "t.csv", &mut out)
        .unwrap();
    assert_eq!((summary.claims(), summary.figures()), (2_052, 1));
    let problems: Vec<String> = summary.problems().iter().map(|e| e.to_string()).collect();
    assert_eq!(
        problems,
        [
            "figure `crowded`: policy `learned`: the figure has 2049 claims with a value, and the \
          policy weighs every pair of a figure's claims: it takes at most 2048; decide this \
          figure with another policy"
        ]
    );
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains(r#"{"figure":"small","#)
    );
}

/// `learned` learns across figures: the bulk path fits it to every claim
/// read, as the reconciler fits it to a dossier, and does not fall back to
/// the hand-set grades.
#[test]
fn the_bulk_path_learns_as_the_dossier_path_does() {
    let world = Synth::new(5).sources(300).figures(3_000).world();
    let mut csv = Vec::new();
    world.write_csv(&mut csv).unwrap();
    let learned = Reconciler::new().policy(Registry::standard().get("learned").unwrap());
    let dossier = Dossier::from_csv_reader(csv.as_slice(), "claims.csv").unwrap();
    let findings = learned.reconcile(&dossier).unwrap();
    let mut json = Vec::new();
    Report::new(&dossier, &findings)
        .write_json(&mut json)
        .unwrap();
    // The weights decided: every finding names them.
    assert!(
        findings
            .iter()
            .all(|f| f.note().is_some_and(|n| n.starts_with("learned weights: ")))
    );
    // `learned` never fitted (hand-set grades alone) decides otherwise.
    let (unfitted, _) = Bulk::new(Reconciler::new().policy(Unfitted(Learned::new())))
        .findings(csv.as_slice(), "claims.csv")
        .unwrap();
    let differ = unfitted
        .iter()
        .zip(findings.iter())
        .filter(|(a, b)| a.best() != b.best())
        .count();
    assert!(differ > 100, "{differ} of {} figures", findings.len());

    for bulk in modes_of(learned.clone()) {
        let (bulk_findings, _) = bulk.findings(csv.as_slice(), "claims.csv").unwrap();
        assert!(bulk_findings.iter().eq(findings.iter()), "{bulk:?}");
        assert!(bulk_report(&bulk, &csv) == json, "{bulk:?}");
        let err = bulk
            .sorted(true)
            .run(csv.as_slice(), "claims.csv", Vec::new())
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Mismatch);
        assert_eq!(
            err.to_string(),
            "policy `learned`: it learns from every figure before it decides one, and sorted \
             input is decided figure by figure as it is read: read the input unsorted"
        );
    }
}

/// A policy that applies `learned` without ever fitting it.
struct Unfitted(Learned);

impl Policy for Unfitted {
    fn name(&self) -> &str {
        self.0.name()
    }
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, reckon::Error> {
        self.0.apply(set)
    }
}

/// A policy that breaks the contract of learning across figures in one of
/// its three ways.
struct Broken(&'static str);

impl Policy for Broken {
    fn name(&self) -> &str {
        self.0
    }
    fn apply(&self, set: &EvidenceSet<'_>) -> Result<Outcome, reckon::Error> {
        Learned::new().apply(set)
    }
    fn learns_across_figures(&self) -> bool {
        self.0 != "fits-but-says-not"
    }
    fn fit(
        &self,
        _: &Dossier,
        _: reckon::model::Reading,
    ) -> Result<Option<Arc<dyn Policy>>, reckon::Error> {
        Ok(self.fitted())
    }
    fn fit_claims(
        &self,
        _: &mut dyn Iterator<Item = (FigureId, Evidence)>,
        _: reckon::model::Reading,
    ) -> Result<Option<Arc<dyn Policy>>, reckon::Error> {
        Ok(self.fitted())
    }
}

impl Broken {
    fn fitted(&self) -> Option<Arc<dyn Policy>> {
        match self.0 {
            "says-but-gives-none" => None,
            "fits-but-says-not" => Some(Arc::new(Learned::new())),
            _ => Some(Arc::new(Broken("says-but-gives-none"))),
        }
    }
}

#[test]
fn a_policy_that_breaks_the_learning_contract_is_refused_on_both_paths() {
    let csv = table();
    let dossier = Dossier::from_csv_reader(csv.as_slice(), "claims.csv").unwrap();
    for (name, reason) in [
        (
            "says-but-gives-none",
            "it learns across figures but gave no fitted policy: implement `fit` and \
             `fit_claims` both",
        ),
        (
            "fits-but-says-not",
            "it gave a fitted policy but does not say it learns across figures: implement \
             `learns_across_figures`",
        ),
        (
            "fits-a-learner",
            "its fitted policy still learns across figures",
        ),
    ] {
        let expected = format!("policy `{name}`: {reason}");
        let reconciler = Reconciler::new().policy(Broken(name));
        for bulk in modes_of(reconciler.clone()) {
            let err = bulk.findings(csv.as_slice(), "claims.csv").unwrap_err();
            assert_eq!(err.kind(), ErrorKind::PolicyContract, "{name}");
            assert_eq!(err.to_string(), expected);
            let err = bulk
                .run(csv.as_slice(), "claims.csv", Vec::new())
                .unwrap_err();
            assert_eq!(err.to_string(), expected);
        }
        let err = reconciler.reconcile(&dossier).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::PolicyContract, "{name}");
        assert_eq!(err.to_string(), expected);
    }
}

#[test]
fn json_lines_input_reads_as_the_table_does() {
    let csv = table();
    let text = String::from_utf8(csv.clone()).unwrap();
    // A blank first line keeps the claims on the lines (and so the ids)
    // they have in the table, whose first line is its header. A carriage
    // return inside a line is JSON whitespace, not a line break: read in
    // chunks, the lines after it keep their numbers.
    let mut jsonl = String::from("\n");
    for row in text.lines().skip(1) {
        let mut f = row.splitn(3, ',');
        let (figure, source, value) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        let value = serde_json::to_string(value).unwrap();
        jsonl.push_str(&format!(
            "{{\"figure\":\"{figure}\",\r\"source\":\"{source}\",\"value\":{value}}}\n"
        ));
    }
    for b in modes() {
        let from_json = bulk_report(&b.clone().input(Input::JsonLines), jsonl.as_bytes());
        assert!(from_json == bulk_report(&b, &csv), "{b:?}");
    }
}

#[test]
fn bad_rows_are_located_counted_and_left_out() {
    let csv = "figure,source,value\nf1,a,10\nf1,,12\nf1,b\nf2,a,50–\nf2,b,30\n";
    for bulk in modes() {
        let mut out = Vec::new();
        let summary = bulk
            .output(Output::JsonLines)
            .run(csv.as_bytes(), "t.csv", &mut out)
            .unwrap();
        assert_eq!(summary.rows_read(), 5);
        assert_eq!((summary.claims(), summary.rejected()), (2, 3));
        assert_eq!(summary.figures(), 2);
        let problems: Vec<String> = summary.problems().iter().map(|e| e.to_string()).collect();
        assert_eq!(
            problems,
            [
                "t.csv line 3, column 2, field `source`: the cell is empty but the column is required",
                "t.csv line 4: row 'f1,b': it has 2 fields but the header has 3",
                "t.csv line 5, column 3, field `value`: '50–' is not a value: the range has no upper end",
            ]
        );
        assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
        assert!(summary.into_error().is_some());
    }
}

#[test]
fn sorted_input_out_of_order_is_an_error_at_its_line() {
    let csv = "figure,source,value\nf2,a,10\nf10,a,12\nf3,b,7\n";
    let err = Bulk::new(Reconciler::new())
        .sorted(true)
        .run(csv.as_bytes(), "t.csv", std::io::sink())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.csv line 4, column 1, field `figure`: figure `f3`: the input is not sorted by figure: \
         it comes after figure `f10`; sort the file by figure (in text order, as `LC_ALL=C sort` \
         does, or with runs of digits compared as numbers, `f2` before `f10`), or read it unsorted"
    );
    // A figure id of a megabyte is quoted by its start.
    let long = "x".repeat(1 << 20);
    let csv = format!("figure,source,value\n{long}b,a,10\n{long}a,a,12\n");
    let err = Bulk::new(Reconciler::new())
        .sorted(true)
        .run(csv.as_bytes(), "t.csv", std::io::sink())
        .unwrap_err();
    assert!(err.to_string().len() < 600, "{}", err.to_string().len());
}

/// A figure out of order ends a sorted run: the rows rejected before it
/// are named with it, first, in a table and in JSON Lines.
#[test]
fn sorted_input_out_of_order_names_the_rows_rejected_before_it() {
    let csv = "figure,source,value\nf1,a,5\nf1,b,x\nf0,c,7\n";
    let jsonl = "{\"figure\":\"f1\",\"source\":\"a\",\"value\":5}\n\
                 {\"figure\":\"f1\",\"source\":\"b\",\"value\":\"x\"}\n\
                 {\"figure\":\"f0\",\"source\":\"c\",\"value\":7}\n";
    for (input, text, bad, late) in [
        (Input::Csv, csv, "t line 3, column 3", "t line 4, column 1"),
        (Input::JsonLines, jsonl, "t line 2", "t line 3"),
    ] {
        for bulk in modes() {
            let err = bulk
                .input(input)
                .sorted(true)
                .run(text.as_bytes(), "t", std::io::sink())
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Many, "{err}");
            let problems: Vec<String> = err.problems().iter().map(|e| e.to_string()).collect();
            assert_eq!(problems.len(), 2, "{problems:?}");
            assert!(problems[0].starts_with(bad), "{problems:?}");
            assert!(problems[1].starts_with(late), "{problems:?}");
            assert!(problems[1].contains("not sorted by figure"), "{problems:?}");
            assert!(err.to_string().starts_with("2 problems:\n"), "{err}");
        }
    }
}

/// Sorted input may list its figures in text order (as `LC_ALL=C sort`
/// leaves them: `f10` before `f2`) or in natural order (`f2` before `f10`);
/// either way the report is the unsorted run's. Once neither order holds,
/// the figure is out of order.
#[test]
fn sorted_input_is_taken_in_text_or_natural_order() {
    let bulk = Bulk::new(Reconciler::new()).output(Output::JsonLines);
    for figures in [
        ["f1", "f10", "f2", "f9"],
        ["f1", "f2", "f9", "f10"],
        ["a-b", "ab", "b10", "b9"],
        ["a", "a1", "a2", "a10"],
    ] {
        let mut csv = String::from("figure,source,value\n");
        for (i, f) in figures.iter().enumerate() {
            csv.push_str(&format!("{f},a,{i}5\n{f},b,{i}7\n"));
        }
        let unsorted = bulk_report(&bulk, csv.as_bytes());
        let sorted = bulk_report(&bulk.clone().sorted(true), csv.as_bytes());
        assert!(sorted == unsorted, "{figures:?}");
    }
    // Text order broken at line 3 (`f2` before `f10`), natural order at
    // line 4.
    let csv = "figure,source,value\nf2,a,1\nf10,a,2\nf3,a,3\n";
    let err = bulk
        .sorted(true)
        .run(csv.as_bytes(), "t.csv", std::io::sink())
        .unwrap_err();
    assert!(
        err.to_string().starts_with("t.csv line 4, column 1"),
        "{err}"
    );
}

/// A figure out of order far into a sorted file ends the run at its line,
/// after the figures read before it are written: the same report on one
/// thread and on every core, where the figures are reconciled while the
/// file is read.
#[test]
fn sorted_input_out_of_order_late_writes_what_came_before() {
    let mut csv = table();
    let first = csv
        .split(|&b| b == b'\n')
        .nth(1)
        .and_then(|row| row.split(|&b| b == b',').next())
        .unwrap()
        .to_vec();
    let line = csv.iter().filter(|&&b| b == b'\n').count() + 1;
    csv.extend_from_slice(&first);
    csv.extend_from_slice(b",late,5\n");
    let mut reports = Vec::new();
    for bulk in modes() {
        let mut out = Vec::new();
        let err = bulk
            .sorted(true)
            .output(Output::JsonLines)
            .run(&csv[..], "claims.csv", &mut out)
            .unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&format!("claims.csv line {line}, column 1, field `figure`")),
            "{err}"
        );
        // Batches of figures came before the error.
        assert!(out.iter().filter(|&&b| b == b'\n').count() > 10_000);
        reports.push(out);
    }
    assert!(reports.windows(2).all(|w| w[0] == w[1]));
}

/// A run tells how far it has come: unsorted, once every figure is read
/// and after each batch written; sorted, after each batch, the number of
/// figures not known ahead. The last report has every figure, claim and
/// byte, on one thread and on every core.
#[test]
fn a_run_reports_its_progress_to_the_end() {
    use std::sync::{Arc, Mutex};
    let csv = table();
    for bulk in modes() {
        for sorted in [false, true] {
            let seen = Arc::new(Mutex::new(Vec::new()));
            let keep = Arc::clone(&seen);
            let summary = bulk
                .clone()
                .sorted(sorted)
                .progress(move |p| keep.lock().unwrap().push(*p))
                .run(&csv[..], "claims.csv", std::io::sink())
                .unwrap();
            let seen = seen.lock().unwrap();
            // About 100,000 claims: batches of about 32,000.
            assert!(seen.len() >= 4, "{bulk:?} sorted {sorted}: {}", seen.len());
            assert!(seen.windows(2).all(|w| {
                w[0].figures_written() <= w[1].figures_written()
                    && w[0].claims_written() <= w[1].claims_written()
                    && w[0].elapsed() <= w[1].elapsed()
            }));
            let all = summary.figures() + summary.unreconciled();
            let expected = (!sorted).then_some(all);
            assert!(
                seen.iter().all(|p| p.figures() == expected),
                "sorted {sorted}"
            );
            if !sorted {
                assert_eq!(seen[0].figures_written(), 0);
                assert_eq!(seen[0].percent(), Some(0));
            }
            let last = seen.last().unwrap();
            assert_eq!(last.figures_written(), all);
            assert_eq!(last.claims_written(), summary.claims());
            assert_eq!(last.bytes_read(), csv.len() as u64);
            assert_eq!(last.percent(), (!sorted).then_some(100));
        }
    }
}

#[test]
fn a_header_with_other_columns_is_refused_with_its_place() {
    let csv = "figure,source,value,quote\nf,a,1,x\n";
    let err = Bulk::new(Reconciler::new())
        .run(csv.as_bytes(), "t.csv", std::io::sink())
        .unwrap_err();
    assert!(err.to_string().starts_with(
        "t.csv line 1, column 4: column `quote`: the bulk reader takes only the columns figure, source and value"
    ), "{err}");
}

/// The summary of a bulk run over `input` as JSON Lines named `c.jsonl`.
fn jsonl_summary(input: &str) -> reckon::io::bulk::Summary {
    Bulk::new(Reconciler::new())
        .input(Input::JsonLines)
        .run(input.as_bytes(), "c.jsonl", std::io::sink())
        .unwrap()
}

#[test]
fn json_lines_errors_name_line_and_column() {
    let input = "{\"figure\":\"f\",\"source\":\"a\",\"value\":12}\n{\"figure\":\"f\",\"source\":\"b\",\"value\":0.5}\n{\"figure\":\"f\"\n{\"figure\":\"f\",\"source\":\" \",\"value\":\"\"}\n";
    let summary = jsonl_summary(input);
    assert_eq!((summary.claims(), summary.rejected()), (1, 3));
    let problems: Vec<String> = summary.problems().iter().map(|e| e.to_string()).collect();
    assert_eq!(
        problems[0],
        "c.jsonl line 2, field `value`: '0.5' is not a value: a fraction is written as a string (\"0.5\"), so that no digit is lost"
    );
    assert_eq!(
        problems[1],
        "c.jsonl line 3: not JSON: the line ends inside its object"
    );
    // A JSON line has fields, not cells and columns.
    assert_eq!(
        problems[2..],
        [
            "c.jsonl line 4, field `source`: the field is empty but every claim needs it",
            "c.jsonl line 4, field `value`: the field is empty but every claim needs it",
        ]
    );
}

#[test]
fn json_lines_counts_written_as_floats_are_whole_numbers() {
    // What a table with gaps is exported as: 12.0, 1e3; -0.0 is 0. A float
    // too large to hold every digit, and a true fraction, are rejected, the
    // number quoted as written.
    let input = "{\"figure\":\"f\",\"source\":\"a\",\"value\":12.0}\n\
                 {\"figure\":\"f\",\"source\":\"b\",\"value\":1e3}\n\
                 {\"figure\":\"g\",\"source\":\"a\",\"value\":-0.0}\n\
                 {\"figure\":\"g\",\"source\":\"b\",\"value\":1e20}\n\
                 {\"figure\":\"g\",\"source\":\"c\",\"value\":2.5}\n\
                 {\"figure\":\"g\",\"source\":\"d\",\"value\":123456789012345678901}\n";
    let (findings, summary) = Bulk::new(Reconciler::new())
        .input(Input::JsonLines)
        .findings(input.as_bytes(), "c.jsonl")
        .unwrap();
    assert_eq!((summary.claims(), summary.rejected()), (3, 3));
    let values: Vec<String> = findings
        .iter()
        .flat_map(|f| f.claims().iter().map(|c| c.interval().to_string()))
        .collect();
    assert_eq!(values, ["[12, 12]", "[1000, 1000]", "[0, 0]"]);
    let problems: Vec<String> = summary.problems().iter().map(|e| e.to_string()).collect();
    assert_eq!(
        problems,
        [
            "c.jsonl line 4, field `value`: '1e20' is not a value: a number this \
             large is written as a string (\"100000000000000000000\"), so that no digit is lost",
            "c.jsonl line 5, field `value`: '2.5' is not a value: a fraction is written as a \
             string (\"0.5\"), so that no digit is lost",
            // Quoted as written, not as a float reads it (123456789012345680000).
            "c.jsonl line 6, field `value`: '123456789012345678901' is not a value: a number this \
             large is written as a string (\"100000000000000000000\"), so that no digit is lost",
        ]
    );
}

#[test]
fn json_lines_errors_say_what_is_wrong_in_the_line_s_terms() {
    // A byte-order mark before the first object is not an error, nor is
    // one alone on the first line.
    for start in ["\u{feff}", "\u{feff}\n"] {
        let input = format!("{start}{{\"figure\":\"f\",\"source\":\"a\",\"value\":12}}\n");
        let summary = jsonl_summary(&input);
        assert_eq!((summary.claims(), summary.rejected()), (1, 0), "{start:?}");
    }
    let input = "\u{feff}{\"figure\":\"f\",\"source\":\"a\",\"value\":12}\n\
                 {\"figure\":\"f\",\"source\":\"c\"}\n\
                 not json\n\
                 [\"f\", \"d\", \"3\"]\n\
                 {\"figure\":\"f\",\"source\":\"d\",\"value\":[1]}\n\
                 {\"figure\":\"f\",\"source\":\"d\",\"value\":\"3\"} x\n\
                 {\"figure\":\"f\",\"source\":\"d\",\"value\":\"3\",\"note\":1}\n\
                 {\"figure\":\"f\r\n\
                 {\"figure\": 1, \"source\":\"d\",\"value\":\"3\"}\n\
                 {\"figure\":\"f\",\"source\" : [\"value\"],\"value\":\"3\"}\n";
    let summary = jsonl_summary(input);
    assert_eq!((summary.claims(), summary.rejected()), (1, 9));
    let problems: Vec<String> = summary.problems().iter().map(|e| e.to_string()).collect();
    assert_eq!(
        problems,
        [
            "c.jsonl line 2, column 27: missing field `value`",
            "c.jsonl line 3: not a JSON object: each line holds one, with `figure`, `source` and `value`",
            "c.jsonl line 4: not a JSON object: each line holds one, with `figure`, `source` and `value`",
            "c.jsonl line 5, column 39, field `value`: `value` is neither a string (\"50–170\") nor a number",
            "c.jsonl line 6, column 41: not JSON: trailing characters",
            "c.jsonl line 7, column 45: unknown field `note`, expected one of `figure`, `source`, `value`",
            "c.jsonl line 8: not JSON: the line ends inside its object",
            "c.jsonl line 9, column 12, field `figure`: invalid type: integer `1`, expected a string",
            "c.jsonl line 10, column 25, field `source`: invalid type: sequence, expected a string",
        ]
    );
}

#[cfg(feature = "rayon")]
#[test]
fn a_tally_collected_in_parallel_reconciles_as_one_fed_in_order() {
    use rayon::prelude::*;
    use reckon::Estimate;
    use reckon::reconcile::{Evidence, Tally};

    let evidence: Vec<Evidence> = (0..500u32)
        .map(|i| {
            let value: Estimate = (100 + i % 37).to_string().parse().unwrap();
            Evidence::new(format!("c{i}"), format!("s{}", i % 23), &value)
        })
        .collect();
    let serial: Tally = evidence.iter().cloned().collect();
    let parallel: Tally = evidence.par_iter().cloned().collect();
    let mut extended = Tally::new();
    extended.par_extend(evidence.clone().into_par_iter());
    assert_eq!((parallel.len(), extended.len()), (500, 500));
    let r = Reconciler::new();
    let want = r.finish("f".into(), serial).unwrap();
    assert_eq!(r.finish("f".into(), parallel).unwrap(), want);
    assert_eq!(r.finish("f".into(), extended).unwrap(), want);
}

/// A named pipe, as a decompressor feeds one (`mkfifo claims.csv; zcat
/// claims.csv.gz > claims.csv &`), can be read only once: asking whether
/// the bulk path takes it must not eat its header.
#[cfg(unix)]
#[test]
fn a_named_pipe_is_accepted_by_its_name_and_read_whole() {
    let dir = std::env::temp_dir().join(format!("reckon-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("claims.csv");
    let _ = std::fs::remove_file(&path);
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("no mkfifo here: skipped");
        return;
    }
    let csv = table();
    let expected = bulk_report(&Bulk::new(Reconciler::new()), &csv);
    // Opening a pipe to write waits for a reader, so the writer runs beside.
    let writer = {
        let path = path.clone();
        let csv = csv.clone();
        std::thread::spawn(move || std::fs::write(path, csv))
    };
    assert!(Bulk::accepts(&path));
    let mut out = Vec::new();
    let summary = Bulk::new(Reconciler::new())
        .sorted(true)
        .run_file(&path, &mut out)
        .unwrap();
    writer.join().unwrap().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(summary.rejected(), 0);
    assert_eq!(out, expected);
}

/// A report that cannot be written (the reader of a pipe went away) says
/// so, as a write: at the first write, or after a few batches were written
/// (in parallel, while the next ones are being reconciled), sorted or not.
#[test]
fn a_report_that_cannot_be_written_says_so() {
    /// Takes `room` bytes, then the pipe is closed.
    struct Closed {
        room: usize,
    }
    impl std::io::Write for Closed {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.room == 0 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::BrokenPipe,
                    "broken pipe",
                ));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let table = table();
    for room in [0, 20 << 20] {
        for bulk in modes()
            .into_iter()
            .flat_map(|b| [b.clone(), b.sorted(true)])
        {
            let err = bulk
                .run(&table[..], "claims.csv", Closed { room })
                .unwrap_err();
            assert_eq!(err.kind(), reckon::error::ErrorKind::Io);
            assert_eq!(err.to_string(), "cannot write the report: broken pipe");
        }
    }
}

#[test]
fn the_summary_counts_in_words() {
    let mut out = Vec::new();
    let one = Bulk::new(Reconciler::new())
        .run("figure,source,value\nf,a,5\n".as_bytes(), "t.csv", &mut out)
        .unwrap();
    assert!(
        one.to_string()
            .starts_with("1 claim read (1 loaded, 0 rejected), 1 figure, 0 conflicts, "),
        "{one}"
    );
    let two = Bulk::new(Reconciler::new())
        .run(
            "figure,source,value\nf,a,5\nf,b,9\n".as_bytes(),
            "t.csv",
            &mut out,
        )
        .unwrap();
    assert!(
        two.to_string()
            .starts_with("2 claims read (2 loaded, 0 rejected), 1 figure, 2 conflicts, "),
        "{two}"
    );
}

/// What a run of `bulk` on `input` writes and reports: the report, the
/// counts and every problem.
#[cfg(feature = "rayon")]
fn run_whole(bulk: &Bulk, input: &[u8]) -> (String, (u64, u64, u64), Vec<String>) {
    let mut out = Vec::new();
    let summary = bulk
        .clone()
        .output(Output::JsonLines)
        .run(input, "t.csv", &mut out)
        .unwrap();
    let problems = summary.problems().iter().map(|e| e.to_string()).collect();
    let counts = (summary.rows_read(), summary.claims(), summary.rejected());
    (String::from_utf8(out).unwrap(), counts, problems)
}

#[cfg(feature = "rayon")]
#[test]
fn a_table_with_blank_lines_or_carriage_returns_before_its_rows_loses_none() {
    for csv in [
        "figure,source,value\ra,x,5\rb,y,7\r",
        "\nfigure,source,value\na,x,5\nb,y,7\n",
        "\u{feff}\r\n\r\nfigure,source,value\r\na,x,5\r\nb,y,7",
        "\u{feff}figure,source,value\r\ra,x,5\r\n\rb,y,7",
    ] {
        for bulk in modes() {
            let (report, counts, problems) = run_whole(&bulk, csv.as_bytes());
            assert_eq!(counts, (2, 2, 0), "{csv:?} {bulk:?}: {problems:?}");
            assert_eq!(report.lines().count(), 2, "{csv:?} {bulk:?}");
        }
    }
}

#[cfg(feature = "rayon")]
proptest::proptest! {
    /// A claims table without quotes, whatever its line breaks (LF, CRLF,
    /// a lone CR), blank lines, byte order mark, padding, short rows and
    /// bad values: read in parallel, the report, the counts and the
    /// problems (each at its line) are those of one reading on one thread.
    #[test]
    fn a_table_read_in_parallel_is_the_table_read_on_one_thread(
        bom in proptest::bool::ANY,
        lead in proptest::collection::vec(proptest::sample::select(vec!["\n", "\r\n", "\r"]), 0..3),
        rows in proptest::collection::vec(
            (
                proptest::sample::select(vec!["f1", " f2", "f3 ", "", "f\u{e9}"]),
                proptest::sample::select(vec!["a", "b ", "\tc", "", "a,b"]),
                proptest::sample::select(vec!["5", " 12", "50–170", "dozens", "x", "", "7\u{a0}", "1,000"]),
                proptest::sample::select(vec!["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " \n"]),
            ),
            0..30,
        ),
        header_break in proptest::sample::select(vec!["\n", "\r\n", "\r"]),
    ) {
        let mut csv = String::new();
        if bom {
            csv.push('\u{feff}');
        }
        for l in &lead {
            csv.push_str(l);
        }
        csv.push_str("figure,source,value");
        csv.push_str(header_break);
        for (figure, source, value, end) in &rows {
            csv.push_str(&format!("{figure},{source},{value}{end}"));
        }
        let one = Bulk::new(Reconciler::new()).parallel(false);
        let every = Bulk::new(Reconciler::new()).parallel(true);
        proptest::prop_assert_eq!(run_whole(&every, csv.as_bytes()), run_whole(&one, csv.as_bytes()), "{:?}", csv);
    }
}

/// A claims table takes the bulk path however its header is written: after
/// a byte order mark or a blank line, quoted, its lines ended by CRLF or a
/// lone CR, as a spreadsheet may save it; and reads as the same table with
/// plain lines does (but for its claims' ids, their line numbers, after a
/// blank line). One with another column does not (the dossier path reads
/// it).
#[test]
fn a_claims_table_is_accepted_however_its_header_is_written() {
    let dir = std::env::temp_dir().join(format!("reckon-accepts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plain = "figure,source,value\nf1,a,5\nf1,b,7\nf2,a,70\n";
    let bulk = Bulk::new(Reconciler::new()).output(Output::JsonLines);
    let report = |path: &std::path::Path| {
        let mut out = Vec::new();
        let summary = bulk.run_file(path, &mut out).unwrap();
        assert_eq!((summary.claims(), summary.rejected()), (3, 0), "{path:?}");
        out
    };
    let path = dir.join("plain.csv");
    std::fs::write(&path, plain).unwrap();
    let expected = report(&path);
    for (name, text) in [
        ("bom.csv", format!("\u{feff}{plain}")),
        ("blank.csv", format!("\n{plain}")),
        ("quoted.csv", plain.replacen("figure", "\"figure\"", 1)),
        ("crlf.csv", plain.replace('\n', "\r\n")),
        ("cr.csv", plain.replace('\n', "\r")),
        (
            "spaced.csv",
            plain.replacen("figure,source", "Figure , source", 1),
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &text).unwrap();
        assert!(Bulk::accepts(&path), "{name}");
        let got = report(&path);
        if name == "blank.csv" {
            let got = String::from_utf8(got).unwrap();
            assert!(
                got.contains(r#"{"id":"L3","source":"a","value":"5""#),
                "{got}"
            );
        } else {
            assert!(got == expected, "{name}");
        }
    }
    for (name, text) in [
        ("extra.csv", plain.replacen("value", "value,date", 1)),
        ("missing.csv", plain.replacen(",value", "", 1)),
        ("empty.csv", String::new()),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &text).unwrap();
        assert!(!Bulk::accepts(&path), "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A claims table counts people: a value with a fraction ("1,20" read
/// with a decimal comma, or 2.5) is kept and flagged `not_whole`, on
/// every path; whole values, however written, are not.
#[test]
fn a_count_with_a_fraction_is_flagged_not_whole() {
    let csv = "figure,source,value\n\
               jobeh,article,\"1,20\"\n\
               jobeh,wire,2.5\n\
               fakiha,article,\"1,200\"\n\
               fakiha,wire,1.5 million\n\
               fakiha,monitor,12.0\n";
    for b in modes() {
        let report: serde_json::Value = serde_json::from_slice(&bulk_report(
            &b.clone().output(Output::Json),
            csv.as_bytes(),
        ))
        .unwrap();
        let not_whole = |figure: usize| -> Vec<(String, String)> {
            report[figure]["conflicts"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["kind"] == "not_whole")
                .map(|c| {
                    assert_eq!(c["severity"], "moderate");
                    let value = c["detail"]["value"].as_str().unwrap().to_owned();
                    (c["claims"][0].as_str().unwrap().to_owned(), value)
                })
                .collect()
        };
        let pair = |id: &str, v: &str| (id.to_owned(), v.to_owned());
        assert_eq!(
            not_whole(0),
            [pair("L2", "1.20"), pair("L3", "2.5")],
            "{b:?}"
        );
        assert_eq!(
            report[0]["conflicts"][2]["explanation"],
            "a count given as 1.20, not a whole number"
        );
        assert!(
            report[0]["reasons"]
                .as_array()
                .unwrap()
                .contains(&"a count that is not a whole number".into())
        );
        assert_eq!(not_whole(1), [], "{b:?}");
    }
}

/// A count written with a point before three digits ("12.000", "1.500")
/// is read with a decimal point and flagged `ambiguous_point`, on the bulk
/// path and the dossier path alike, with the reading 1,000 times larger
/// in its detail; a fraction flagged so is not also `not_whole`.
#[test]
fn a_count_whose_point_may_separate_thousands_is_flagged() {
    let csv = "figure,source,value\n\
               fakiha,agencia,12.000\n\
               fakiha,wire,12000\n\
               jobeh,agencia,1.500–2.000\n\
               jobeh,wire,0.125\n\
               jobeh,monitor,1234.000\n\
               jobeh,other,12.0\n";
    let dossier = Dossier::from_csv_reader(csv.as_bytes(), "claims.csv").unwrap();
    let findings = Reconciler::new().reconcile(&dossier).unwrap();
    let mut json = Vec::new();
    Report::new(&dossier, &findings)
        .write_json(&mut json)
        .unwrap();
    let mut reports = vec![json];
    for b in modes() {
        reports.push(bulk_report(&b.output(Output::Json), csv.as_bytes()));
    }
    for report in reports {
        let report: serde_json::Value = serde_json::from_slice(&report).unwrap();
        let flagged = |figure: usize| -> Vec<(String, String, String)> {
            report[figure]["conflicts"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| matches!(c["kind"].as_str(), Some("ambiguous_point" | "not_whole")))
                .map(|c| {
                    assert_eq!(c["severity"], "moderate");
                    let word = |v: &serde_json::Value| v.as_str().unwrap_or("").to_owned();
                    let (kind, claim) = (word(&c["kind"]), word(&c["claims"][0]));
                    (kind, claim, word(&c["detail"]["thousands"]))
                })
                .collect()
        };
        let three = |k: &str, id: &str, t: &str| (k.to_owned(), id.to_owned(), t.to_owned());
        assert_eq!(flagged(0), [three("ambiguous_point", "L2", "12000")]);
        // Beside it, the disjoint pair it explains: 12.000 against 12000.
        let explained = |kind: &str| {
            let conflicts = report[0]["conflicts"].as_array().unwrap();
            let c = conflicts.iter().find(|c| c["kind"] == kind).unwrap();
            c["explanation"].as_str().unwrap().to_owned()
        };
        assert_eq!(
            explained("ambiguous_point"),
            "a count given as 12.000: 12 with a decimal point, 12000 if the point separates thousands"
        );
        assert_eq!(
            explained("disjoint"),
            "12.000 and 12000 do not overlap: a gap of 11988.000"
        );
        assert!(
            report[0]["reasons"]
                .as_array()
                .unwrap()
                .contains(&"a count whose point may separate thousands".into())
        );
        assert_eq!(
            flagged(1),
            [
                three("not_whole", "L5", ""),
                three("ambiguous_point", "L4", "1500")
            ]
        );
    }
}

/// Each figure's id and claim count in a JSON report.
fn figures_of(report: &[u8]) -> Vec<(String, usize)> {
    let v: serde_json::Value = serde_json::from_slice(report).unwrap();
    let figures = v.as_array().unwrap();
    figures
        .iter()
        .map(|f| {
            let id = f["figure"].as_str().unwrap().to_owned();
            (id, f["claims"].as_array().unwrap().len())
        })
        .collect()
}

#[test]
fn ids_padded_with_unicode_spaces_read_alike_on_both_paths() {
    // A no-break space or an em space around an id, as text pasted from a
    // web page carries them, is no part of it; an id of spaces alone is empty.
    let rows = "\u{a0}f1,a,10\nf1,b,20\nf1\u{2003},c\u{a0},30\n\u{a0},d,5\n";
    let csv = format!("figure,source,value\n{rows}");
    let quoted = format!(
        "figure,source,value\n\"\u{a0}f1\",a,10\n{}",
        &rows[rows.find("f1,b").unwrap()..]
    );
    for input in [&csv, &quoted] {
        let err = Dossier::from_csv_reader(input.as_bytes(), "t.csv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.csv line 5, column 1, field `figure`: the cell is empty but the column is required"
        );
        for bulk in modes() {
            let mut out = Vec::new();
            let summary = bulk.run(input.as_bytes(), "t.csv", &mut out).unwrap();
            assert_eq!((summary.claims(), summary.rejected()), (3, 1), "{bulk:?}");
            assert_eq!(figures_of(&out), [("f1".to_owned(), 3)], "{bulk:?}");
        }
    }
    let kept = format!(
        "figure,source,value\n{}",
        &rows[..rows.find("\u{a0},d").unwrap()]
    );
    let dossier = Dossier::from_csv_reader(kept.as_bytes(), "t.csv").unwrap();
    let ids: Vec<&str> = dossier.figures().iter().map(|f| f.id().as_str()).collect();
    assert_eq!(ids, ["f1"]);
    let sources: Vec<&str> = dossier.sources().iter().map(|s| s.id().as_str()).collect();
    assert_eq!(sources, ["a", "b", "c"]);
}

#[test]
fn a_quote_left_open_in_an_id_is_an_error_not_rows_lost() {
    // The quote opened on line 3 closes on line 6: the rows between would
    // be one source's id.
    let csv = "figure,source,value\nf1,a,1\nf1,\"b,2\nf2,c,3\nf2,d,4\nf3,e\",5\nf4,x,6\n";
    let expected = "t.csv line 3, column 2, field `source`: id 'b,2\\nf2,c,3\\nf2,d,4\\nf3,e': \
                    it holds a line break, and an id is on one line: a quote left open here \
                    takes every row up to the next quote into the cell";
    for bulk in modes() {
        let mut out = Vec::new();
        let summary = bulk.run(csv.as_bytes(), "t.csv", &mut out).unwrap();
        assert_eq!((summary.claims(), summary.rejected()), (2, 1), "{bulk:?}");
        let problems: Vec<String> = summary.problems().iter().map(|e| e.to_string()).collect();
        assert_eq!(problems, [expected], "{bulk:?}");
    }
    let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
    assert_eq!(err.to_string(), expected);
    // A dossier table's other ids are held to it too.
    let csv = "figure,source,value,claim\nf1,a,1,\"c\n1\"\n";
    let err = Dossier::from_csv_reader(csv.as_bytes(), "t.csv").unwrap_err();
    assert!(
        err.to_string().starts_with(
            "t.csv line 2, column 4, field `claim`: id 'c\\n1': it holds a line break"
        ),
        "{err}"
    );
}

#[test]
fn a_dossier_or_json_lines_read_as_a_table_are_named_as_such() {
    let toml = "# a dossier\n[[source]]\nid = \"a\"\n";
    let json = "{\"figure\":\"f\",\"source\":\"a\",\"value\":\"3\"}\n";
    for (input, said) in [
        (
            toml,
            "t.csv line 1: the first line is TOML, not a claims table's header",
        ),
        (
            json,
            "t.csv line 1: the first line is a JSON object, not a claims table's header",
        ),
    ] {
        for bulk in modes() {
            let err = bulk.run(input.as_bytes(), "t.csv", Vec::new()).unwrap_err();
            assert!(err.to_string().starts_with(said), "{err}");
        }
        let err = Dossier::from_csv_reader(input.as_bytes(), "t.csv").unwrap_err();
        assert!(err.to_string().starts_with(said), "{err}");
    }
}
