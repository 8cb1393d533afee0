//! The `reconcile` example keeps its promises: it reads a claims CSV with
//! only the three required columns, and prints the documented JSON.
#![cfg(all(feature = "serde", feature = "rayon"))]

mod common;

use common::example_output;

use serde_json::Value;

const FIXTURE: &str = "examples/data/claims-minimal.csv";

fn json(args: &[&str]) -> Vec<Value> {
    let out = example_output("reconcile", args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    match serde_json::from_slice(&out.stdout).expect("valid JSON") {
        Value::Array(v) => v,
        other => panic!("not an array: {other}"),
    }
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn json_from_a_three_column_csv() {
    let figures = json(&["--json", FIXTURE]);
    assert_eq!(figures.len(), 3);

    // al-Jobeh: 50–170 against 200. Weighted: the hull [50, 200]; the points
    // 110 and 200 weigh alike, so the median is the lower, 110.
    let j = &figures[0];
    assert_eq!(j["figure"], "jobeh-rebels-killed");
    assert_eq!(j["policy"], "weighted");
    let claims = j["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    // Claim ids come from the CSV line numbers.
    assert_eq!(claims[0]["id"], "L2");
    assert_eq!(claims[0]["source"], "article");
    assert_eq!(claims[0]["value"], "50–170");
    assert_eq!(claims[0]["low"], "50");
    assert_eq!(claims[0]["high"], "170");
    assert_eq!(claims[0]["counted"], true);
    assert_eq!(claims[1]["source"], "other sources");
    assert_eq!(j["independent_sources"], 2);
    assert_eq!(
        (&j["low"], &j["best"], &j["high"]),
        (&"50".into(), &"110".into(), &"200".into())
    );
    assert_eq!(j["consensus"], Value::Null);
    let kinds: Vec<&str> = j["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["disjoint", "empty_consensus"]);
    assert_eq!(strs(&j["conflicts"][0]["claims"]), ["L2", "L3"]);
    assert_eq!(j["conflicts"][0]["severity"], "low");
    assert_eq!(j["conflicts"][0]["score"], "0.070");
    // The detail behind the sentence: 50–170 lies 30 below 200.
    let detail = &j["conflicts"][0]["detail"];
    assert_eq!(detail["kind"], "disjoint");
    assert_eq!(detail["lower"], serde_json::json!(["50", "170"]));
    assert_eq!(detail["nearest"], serde_json::json!(["200", "200"]));
    assert_eq!(detail["gap"], "30");
    assert_eq!(j["grade"], "contested");
    assert_eq!(j["likelihood"], "The figure is likely between 50 and 200.");
    assert_eq!(j["confidence"], "low");
    assert_eq!(strs(&j["reasons"])[0], "two non-overlapping reports");

    // "more than 100" and "approximately 1000", read by the phrase parser:
    // [101, ∞) and [900, 1100]. The hull is open above (high null); the
    // consensus is [900, 1100]; the points 101 and 1000 weigh alike: 101.
    let o = &figures[1];
    let claims = o["claims"].as_array().unwrap();
    assert_eq!(claims[0]["value"], ">100");
    assert_eq!(claims[0]["low"], "101");
    assert_eq!(claims[0]["high"], Value::Null);
    assert_eq!(claims[1]["value"], "~1000");
    assert_eq!(
        (&claims[1]["low"], &claims[1]["high"]),
        (&"900".into(), &"1100".into())
    );
    assert_eq!(
        (&o["low"], &o["best"], &o["high"]),
        (&"101".into(), &"101".into(), &Value::Null)
    );
    assert_eq!(strs(&o["consensus"]), ["900", "1100"]);
    assert_eq!(o["conflicts"], Value::Array(vec![]));
    assert_eq!(o["grade"], "fair");
    assert_eq!(o["likelihood"], "The figure is likely at least 101.");

    // "fewer than 10" is [0, 9] (midpoint 4.5), 6 is [6, 6]: consensus
    // [6, 6]; agreement (0 + 1) / (9 + 1) = 0.1. The best value, 4.5, is a
    // count of people: rounded to the nearest whole number, ties to even, 4.
    let h = &figures[2];
    assert_eq!(h["claims"][0]["value"], "<10");
    assert_eq!(
        (&h["low"], &h["best"], &h["high"]),
        (&"0".into(), &"4".into(), &"9".into())
    );
    assert_eq!(strs(&h["consensus"]), ["6", "6"]);
    assert_eq!(h["agreement"], "0.1");
}

#[test]
fn policy_flag_picks_the_policy() {
    // Under consensus, al-Jobeh has no range; the operation's consensus
    // [900, 1100] holds only the point 1000.
    let figures = json(&["--json", "--policy", "consensus", FIXTURE]);
    assert!(figures.iter().all(|f| f["policy"] == "consensus"));
    assert_eq!(figures[0]["low"], Value::Null);
    assert_eq!(figures[0]["likelihood"], Value::Null);
    assert_eq!(figures[1]["best"], "1000");
    assert_eq!(figures[2]["best"], "6");
}

#[test]
fn table_and_errors() {
    let out = example_output("reconcile", &[FIXTURE]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("figure "), "{text}");
    assert!(
        lines[1].starts_with("jobeh-rebels-killed  50   110   200"),
        "{text}"
    );
    assert!(text.contains("disjoint (low): 50–170 and 200 do not overlap: a gap of 30"));

    // A policy that is not one is a bad argument, as an unknown option is.
    let out = example_output("reconcile", &["--policy", "median", FIXTURE]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with(
        "reconcile: policy `median`: there is no such policy; the policies are envelope,"
    ));
    let out = example_output("reconcile", &["--frobnicate", FIXTURE]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("reconcile: unknown option `--frobnicate`")
    );
    let out = example_output("reconcile", &["--lenient", "--rounded", FIXTURE]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("reconcile: give one of --lenient and --rounded")
    );
    let out = example_output("reconcile", &["examples/data/no-such-file.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .starts_with("reconcile: cannot read examples/data/no-such-file.csv:")
    );
}

#[test]
fn jsonl_writes_the_json_figures_one_per_line_and_a_summary_on_stderr() {
    let figures = json(&["--json", FIXTURE]);
    let out = example_output("reconcile", &["--jsonl", FIXTURE]);
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines, figures);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Standard error is a pipe here, not a terminal: no progress bar.
    assert!(
        stderr.starts_with("reconcile: 6 claims read (6 loaded, 0 rejected), 3 figures, "),
        "{stderr}"
    );
    assert!(!stderr.contains(['\r', '\x1b']), "{stderr:?}");
}

#[test]
fn sorted_refuses_a_file_whose_figures_are_out_of_order() {
    let out = example_output("reconcile", &["--json", "--sorted", FIXTURE]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "claims-minimal.csv line 6, column 1, field `figure`: figure `hostages-freed`: \
             the input is not sorted by figure: it comes after figure `operation-killed`"
        ),
        "{stderr}"
    );
}

#[test]
fn a_claims_table_on_standard_input_reads_as_the_file_does() {
    let from_file = example_output("reconcile", &["--json", FIXTURE]);
    assert!(from_file.status.success());
    let table = std::fs::read_to_string(FIXTURE).unwrap();
    let piped = common::example_output_with_input("reconcile", &["--json", "-"], &table);
    assert!(
        piped.status.success(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
    assert_eq!(piped.stdout, from_file.stdout);
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert!(
        stderr.starts_with("reconcile: 6 claims read (6 loaded, 0 rejected), 3 figures, "),
        "{stderr}"
    );
    // Without --json, the table the file gives.
    let table_out = common::example_output_with_input("reconcile", &["-"], &table);
    assert!(table_out.status.success());
    assert_eq!(
        table_out.stdout,
        example_output("reconcile", &[FIXTURE]).stdout
    );
}

#[test]
fn sorted_is_refused_for_a_dossier() {
    let out = example_output(
        "reconcile",
        &["--sorted", "examples/data/qalamoun-2014.toml"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "reconcile: --sorted reads a claims table of figure, source and value \
         (or JSON Lines), not a dossier\n"
    );
}

/// A claims table to be read sorted whose header is wrong is read as one:
/// the error names what is wrong, rather than taking it for a dossier.
#[test]
fn sorted_names_what_is_wrong_with_a_tables_header() {
    let path = std::env::temp_dir().join(format!("reckon-header-{}.csv", std::process::id()));
    std::fs::write(&path, "figure,source\nf,a\n").unwrap();
    let out = example_output("reconcile", &["--sorted", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "reconcile: {} line 1: header: the required column `value` is missing\n",
            path.display()
        )
    );
}

/// A claims table read sorted from a pipe (`<(zcat claims.csv.gz)`), its
/// name without `.csv`, is read as the table it is.
#[cfg(unix)]
#[test]
fn sorted_reads_a_table_from_a_pipe_of_any_name() {
    let dir = std::env::temp_dir().join(format!("reckon-sorted-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("63");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let table = "figure,source,value\nf,a,10\nf,b,12\ng,a,5\n";
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, table))
    };
    let out = example_output("reconcile", &["--sorted", fifo.to_str().unwrap()]);
    let waited = std::time::Instant::now();
    while !writer.is_finished() && waited.elapsed() < std::time::Duration::from_secs(5) {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    if !writer.is_finished() {
        // The run did not read the pipe: reading it here lets the writer
        // end, rather than the test hang.
        let _ = std::fs::read(&fifo);
    }
    let _ = writer.join();
    std::fs::remove_dir_all(&dir).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.starts_with("reconcile: 3 claims read (3 loaded, 0 rejected), 2 figures"),
        "{stderr}"
    );
}

#[test]
fn json_lines_on_standard_input_are_named_as_such() {
    let line = "{\"figure\":\"f\",\"source\":\"a\",\"value\":\"3\"}\n";
    let out = common::example_output_with_input("reconcile", &["-"], line);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "reconcile: standard input line 1: the first line is a JSON object, not a claims \
         table's header: JSON Lines are read by the bulk reader, from a file named `.jsonl` \
         or `.ndjson`\n"
    );
}

#[test]
fn learned_on_a_claims_table_learns_as_the_dossier_path_does() {
    use reckon::io::report::Report;
    use reckon::reconcile::policy::Registry;
    use reckon::{Dossier, Reconciler};

    let learned = Reconciler::new().policy(Registry::standard().get("learned").unwrap());
    let dossier = Dossier::load(FIXTURE).unwrap();
    let mut expected = Vec::new();
    Report::new(&dossier, &learned.reconcile(&dossier).unwrap())
        .write_json(&mut expected)
        .unwrap();
    let table = std::fs::read_to_string(FIXTURE).unwrap();
    for file in [FIXTURE, "-"] {
        let args = ["--json", "--policy", "learned", file];
        let out = common::example_output_with_input("reconcile", &args, &table);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout == expected, "{file}");
    }
    let figures = json(&["--json", "--policy", "learned", FIXTURE]);
    assert!(figures.iter().all(|f| f["policy"] == "learned"));
    // A range's midpoint as every policy writes it: `110`, not `110.0`.
    let best: Vec<&Value> = figures.iter().map(|f| &f["best"]).collect();
    assert_eq!(best, ["110", "1000", "6"]);

    let out = example_output("reconcile", &["--sorted", "--policy", "learned", FIXTURE]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(
            "reconcile: --sorted cannot take --policy learned: it learns from every figure \
             before it decides one, and --sorted decides each figure as it is read\nusage: "
        ),
        "{stderr}"
    );
}

#[test]
fn a_bad_row_is_named_left_out_and_fails_the_run() {
    let table = "figure,source,value\nf1,a,10\nf1,b,12\nf2,a,50–\nf2,b,30\n";
    let out = common::example_output_with_input("reconcile", &["-"], table);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = text
        .lines()
        .skip(1)
        .take(2)
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(rows, ["f1", "f2"], "{text}");
    let f2: Vec<&str> = text.lines().nth(2).unwrap().split_whitespace().collect();
    assert_eq!(f2[..5], ["f2", "30", "30", "30", "1/1"], "{text}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("reconcile: 4 claims read (3 loaded, 1 rejected), 2 figures, "),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "standard input line 4, column 3, field `value`: '50–' is not a value: the range has \
             no upper end"
        ),
        "{stderr}"
    );
}

/// A decimal's largest value.
const MAX: &str = "79228162514264337593543950335";

/// A dossier with a relation that cannot be checked: two parts at a
/// decimal's largest value, whose sum, checked against the whole, cannot be
/// held.
fn past_a_decimals_limit() -> String {
    format!(
        r#"[[source]]
id = "a"
name = "a"
kind = "media"

[[figure]]
id = "whole"
label = "whole"
measure = "killed"

[[figure]]
id = "one"
label = "one"
measure = "killed"

[[figure]]
id = "two"
label = "two"
measure = "killed"

[[claim]]
id = "c1"
figure = "whole"
source = "a"
value = "10"

[[claim]]
id = "c2"
figure = "one"
source = "a"
value = "{MAX}"

[[claim]]
id = "c3"
figure = "two"
source = "a"
value = "{MAX}"

[[relation]]
kind = "components"
components = ["one", "two"]
total = "whole"
"#
    )
}

#[test]
fn a_relation_past_a_decimals_limit_is_named_and_fails_the_run() {
    let dossier = past_a_decimals_limit();
    let path = std::env::temp_dir().join(format!("reckon-overflow-{}.toml", std::process::id()));
    std::fs::write(&path, dossier).unwrap();
    let out = example_output("reconcile", &[path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    let figures: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(figures, ["whole", "one", "two"], "{text}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        format!(
            "reconcile: relation 1 (components): arithmetic overflow: {MAX} + {MAX}\n\
             reconcile: 1 figure or relation not reconciled\n"
        )
    );
}

/// A reader that goes away (`reconcile … | head`) is an error said on
/// stderr, exit status 1, on either path: not a panic. Each report is
/// larger than a pipe holds, so the write fails however fast the reader
/// closes.
#[test]
fn a_reader_that_goes_away_is_an_error_not_a_panic() {
    use std::process::{Command, Stdio};
    let table = std::env::temp_dir().join(format!("reckon-gone-{}.csv", std::process::id()));
    let rows: String = (0..2000)
        .map(|i| format!("f{},s{},{i}\n", i / 2, i % 2))
        .collect();
    std::fs::write(&table, format!("figure,source,value\n{rows}")).unwrap();
    let table = table.to_str().unwrap();
    for (args, said) in [
        (
            &["--jsonl", "examples/data/acw-battles.toml"][..],
            "reconcile: cannot write the output: ",
        ),
        (
            &["--json", table][..],
            "reconcile: cannot write the report: ",
        ),
    ] {
        let mut child = Command::new(common::example_path("reconcile"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the example starts");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("the example runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.starts_with(said), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    std::fs::remove_file(table).unwrap();
}

/// The writing end of a pipe whose reader has gone before anything is
/// written to it: the reader was `true`, which has exited.
#[cfg(unix)]
fn a_pipe_nobody_reads() -> std::process::Stdio {
    use std::process::{Command, Stdio};
    let mut reader = Command::new("true")
        .stdin(Stdio::piped())
        .spawn()
        .expect("`true` runs");
    let pipe = reader.stdin.take().expect("stdin is piped");
    reader.wait().expect("`true` exits");
    Stdio::from(pipe)
}

/// Every example whose reader has gone (`example | head` once `head` has
/// exited) says on stderr that it cannot write the output and exits 1, as
/// it does with the usage of `--help` and with the report `reconcile`
/// writes before it fails: none panics, as `println!` does. The reader goes
/// before the example starts, so that an output too short to fill a pipe
/// fails as surely as a long one.
#[cfg(unix)]
#[test]
fn every_example_says_it_cannot_write_to_a_reader_that_has_gone() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = std::env::temp_dir().join(format!("reckon-gone-all-{}", std::process::id()));
    // A truth-discovery benchmark of two figures, as the example reads one.
    std::fs::create_dir_all(dir.join("tiny")).unwrap();
    std::fs::write(dir.join("tiny/claims.tsv"), "a\tx/v\t10\nb\tx/v\t12\n").unwrap();
    std::fs::write(dir.join("tiny/truth.tsv"), "x/v\t10\n").unwrap();
    let overflow = dir.join("overflow.toml");
    std::fs::write(&overflow, past_a_decimals_limit()).unwrap();
    let (dir_arg, overflow) = (dir.to_str().unwrap(), overflow.to_str().unwrap());
    let runs: &[(&str, &[&str])] = &[
        ("add_source", &[]),
        ("civil_war", &[]),
        ("custom_policy", &[]),
        ("extract", &[]),
        ("extract", &["--help"]),
        ("forest", &[]),
        ("forest", &["--help"]),
        ("load_and_reconcile", &[]),
        ("located_errors", &[]),
        ("merge_tallies", &[]),
        ("parse_phrase", &[]),
        ("qalamoun", &[]),
        ("qalamoun", &["--help"]),
        ("reconcile", &["examples/data/qalamoun-2014.toml"]),
        ("reconcile", &["--help"]),
        ("reconcile", &[overflow]),
        ("truth_discovery", &[dir_arg, "tiny"]),
        ("ucdp", &[]),
    ];
    // Every example: a file `examples/NAME.rs` or a folder `examples/NAME/`.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut examples: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs") || p.join("main.rs").exists())
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    examples.sort();
    let mut run: Vec<String> = runs.iter().map(|(name, _)| (*name).to_owned()).collect();
    run.dedup();
    assert_eq!(run, examples, "each example is run");
    let mut wrong = Vec::new();
    for (name, args) in runs {
        let mut child = Command::new(common::example_path(name))
            .args(*args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(a_pipe_nobody_reads())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the example starts");
        // `extract` reads a text; the others exit without reading it.
        let text = b"Hezbollah lost 14 fighters.\n";
        let written = child.stdin.take().expect("stdin is piped").write_all(text);
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
        let out = child.wait_with_output().expect("the example runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let said = format!("{name}: cannot write the output: ");
        let said_last = stderr.lines().last().is_some_and(|l| l.starts_with(&said));
        if stderr.contains("panicked") || out.status.code() != Some(1) || !said_last {
            wrong.push(format!("{name} {args:?}: {}, {stderr}", out.status));
        }
    }
    std::fs::remove_dir_all(dir).unwrap();
    assert!(wrong.is_empty(), "{wrong:#?}");
}
