//! The example binaries keep their promises: each runs on the bundled data
//! and prints what its documentation says.
#![cfg(feature = "serde")]

mod common;

use common::run_example;

use serde_json::Value;

#[test]
fn qalamoun_report() {
    let report = run_example("qalamoun", &[]);
    // Readable in an 80-column terminal.
    for line in report.lines() {
        assert!(line.chars().count() <= 80, "line too wide: {line}");
    }
    // Every contradiction the article holds is found and explained.
    for needle in [
        "disjoint [moderate] hills-hezbollah-killed",
        "why: 6–7 and 14 do not overlap: a gap of 7",
        "why: 17–32 and 104 do not overlap: a gap of 72",
        "why: 14 and 40 do not overlap: a gap of 26",
        "why: 50–170 and 200 do not overlap: a gap of 30",
        "why: 7–11 and 22 do not overlap: a gap of 11",
        "why: 16 and 20 do not overlap: a gap of 4",
        "why: 19 and 20 do not overlap: a gap of 1",
        "why: 18 was revised to 19",
        "part_exceeds_whole [high] rankous-hezbollah-killed, tfail-area-hezbollah-killed",
    ] {
        assert!(report.contains(needle), "missing: {needle}");
    }
    // A result is never cut inside a number: `900–1100 (100…` read as a
    // best value of 100.
    assert!(report.contains(" 900–1100 (1000) "), "{report}");
    insta::assert_snapshot!("qalamoun_report", report);
}

#[test]
fn qalamoun_markdown_and_json() {
    let md = run_example("qalamoun", &["--markdown"]);
    assert!(md.starts_with("# Qalamoun offensive (2014)\n"));
    assert!(
        md.contains("| `jobeh-rebels-killed` | 50–170, 200 | 50–200 (110) | none | contested |"),
        "{md}"
    );
    assert!(
        md.contains("## Conflicts") && md.contains("## Confidence") && md.contains("## Roll-ups")
    );

    let json: Value =
        serde_json::from_str(&run_example("qalamoun", &["--json"])).expect("valid JSON");
    let figures = json["figures"].as_array().unwrap();
    assert_eq!(figures.len(), 71);
    let jobeh = figures
        .iter()
        .find(|f| f["figure"] == "jobeh-rebels-killed")
        .unwrap();
    assert_eq!(jobeh["low"], "50");
    assert_eq!(jobeh["high"], "200");
    assert_eq!(jobeh["consensus"], Value::Null);
    assert_eq!(jobeh["grade"], "contested");
    let rollups = json["rollups"].as_array().unwrap();
    let captured = rollups
        .iter()
        .find(|r| r["total"] == "arsal-lebanese-soldiers-captured")
        .unwrap();
    // Released 14 + executed 4 of the 24 captured.
    assert_eq!(captured["sum"], serde_json::json!(["18", "18"]));
    assert!(
        json["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "part_exceeds_whole")
    );
}

#[test]
fn qalamoun_takes_another_policy() {
    let json: Value = serde_json::from_str(&run_example(
        "qalamoun",
        &["--json", "--policy", "envelope"],
    ))
    .unwrap();
    let f = &json["figures"][0];
    assert_eq!(f["policy"], "envelope");
}

#[test]
fn forest_plot_draws_the_disputed_figures() {
    let svg = run_example("forest", &[]);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    // One label per disputed figure counted in people; the al-Jobeh rebels among them.
    assert!(svg.contains(">rebels killed in the al-Jobeh ambush</text>"));
    // Each claim is a group with its id, source and value as a tooltip.
    assert!(
        svg.contains("<title>jobeh-rebels-killed-others — other-sources: 200</title>"),
        "{svg}"
    );
    // Open bounds are arrows; superseded claims are dashed.
    assert!(svg.contains("l-7,-4 v8 z"));
    assert!(svg.contains("stroke-dasharray"));
    let rows = svg.matches("<g><title>").count();
    assert_eq!(rows, 28, "claims of the disputed figures");
    let all = run_example("forest", &["--all"]);
    assert!(all.matches("<g><title>").count() > rows);
    // The plot in the README is this one (its PNG is rendered from the SVG
    // with `rsvg-convert -w 900 -b white`).
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/output/forest-qalamoun.svg"
    ))
    .unwrap();
    assert!(
        committed == svg,
        "examples/output/forest-qalamoun.svg is stale: run `cargo run --example forest -- -o examples/output/forest-qalamoun.svg` and render its PNG"
    );
}

/// The examples that read bundled data by default find it from any
/// directory, not only from the crate's root.
#[test]
fn examples_find_their_bundled_data_from_any_directory() {
    for name in ["qalamoun", "forest", "add_source"] {
        let out = std::process::Command::new(common::example_path(name))
            .current_dir(std::env::temp_dir())
            .stdin(std::process::Stdio::null())
            .output()
            .expect("the example runs");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, run_example(name, &[]).into_bytes(), "{name}");
    }
}

#[test]
fn forest_plot_colours_the_sides_the_dossier_names() {
    // Sides other than the Qalamoun dossier's: each gets its own colour, in
    // the order the dossier names them, and a legend entry.
    let csv = "figure,source,value,source_side\n\
               f,a,10,north\n\
               f,b,20-30,south\n\
               f,c,12,\n";
    let path = std::env::temp_dir().join(format!("reckon-forest-{}.csv", std::process::id()));
    std::fs::write(&path, csv).unwrap();
    let svg = run_example("forest", &[path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert!(svg.contains(r##"stroke="#c0392b" stroke-width="3"/><text x="35" y="##));
    assert!(svg.contains(">side: north</text>"), "{svg}");
    assert!(svg.contains(">side: south</text>"), "{svg}");
    assert!(svg.contains(">no side</text>"), "{svg}");
    assert!(!svg.contains("government"), "{svg}");
    // The north claim is red, the south claim blue, the unaffiliated one grey.
    let claim = |id: &str| {
        let at = svg.find(&format!("<title>{id} ")).unwrap();
        &svg[at..at + svg[at..].find("</g>").unwrap()]
    };
    assert!(claim("L2").contains("#c0392b"), "{}", claim("L2"));
    assert!(claim("L3").contains("#2471a3"), "{}", claim("L3"));
    assert!(claim("L4").contains("#616a6b"), "{}", claim("L4"));
}

#[test]
fn add_source_shows_the_change() {
    let out = run_example("add_source", &[]);
    assert!(out.contains("Before: the article's sources only"));
    assert!(out.contains("After adding a monitoring group in code"));
    assert!(out.contains("[[source]]\nid = \"monitor\""));
    assert!(out.contains("the dossier is identical to the one built in code"));
    insta::assert_snapshot!("add_source", out);
}

#[test]
fn the_readme_excerpt_is_what_qalamoun_prints() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```text\n====").expect("the excerpt") + "```text\n".len();
    let excerpt = &readme[start..start + readme[start..].find("```").unwrap()];
    let report = run_example("qalamoun", &[]);
    for line in excerpt.lines().filter(|l| *l != "...") {
        assert!(
            report.lines().any(|r| r == line),
            "not in the report: {line}"
        );
    }
}

#[test]
fn parse_phrase_lesson_reads_each_phrase() {
    let out = run_example("parse_phrase", &["more than a dozen", "20+", "x"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "     more than a dozen  interval [13, ∞)        best none   written >12"
    );
    assert_eq!(
        lines[1],
        "                   20+  interval [20, ∞)        best none   written 20+"
    );
    assert!(lines[2].starts_with("                     x  error: 'x' is not a value"));
    assert!(out.contains("'dozens' reads [24, 119] because: ACLED codebook"));
}

#[test]
fn located_errors_lesson_names_every_problem_and_its_place() {
    let out = run_example("located_errors", &[]);
    assert!(
        out.starts_with("claims.csv: not loaded, 3 problem(s)\n"),
        "{out}"
    );
    assert!(out.contains(
        "  - claims.csv line 3, column 3, field `value`: '50–' is not a value: the range has no upper end\n    (a value that does not read)\n"
    ));
    assert!(out.contains(
        "  - claims.csv line 5: row 'jobeh-soldiers,others': it has 2 fields but the header has 4\n    (a missing or unknown field)\n"
    ));
    assert!(
        out.contains(
            "dossier.toml line 16, column 9, field `value`: 'more then 100' is not a value"
        )
    );
    assert!(out.contains(
        "dossier.toml line 21, column 10, field `source`: claim `c2`: source `nobody` is not in the dossier\n    (a reference to nothing)\n"
    ));
}

#[test]
fn load_and_reconcile_lesson_prints_each_figure() {
    let out = run_example("load_and_reconcile", &[]);
    assert!(out.starts_with(
        "jobeh-rebels-killed\n  article says 50–170 (used)\n  other sources says 200 (used)\n  reconciled: [50, 200], best 110\n  grade: contested\n  The figure is likely between 50 and 200.\n"
    ), "{out}");
    assert!(out.contains("  conflict: 50–170 and 200 do not overlap: a gap of 30\n"));
    assert_eq!(out.matches("reconciled:").count(), 3);
}

#[test]
fn custom_policy_lesson_sets_the_parties_aside_when_a_monitor_speaks() {
    let out = run_example("custom_policy", &[]);
    assert_eq!(
        out,
        "policy neutral_first\n\
         hezbollah-killed   8–11 (best 10)\n\
         \x20   left out hezbollah: a party to the fighting, and a neutral source gives the figure\n\
         \x20   left out rebel-media: a party to the fighting, and a neutral source gives the figure\n\
         rebels-killed      24+ (best 24)\n\
         civilians-killed   12–40 (best 12)\n"
    );
    // The registry offers the built-in policies beside it.
    let weighted = run_example("custom_policy", &["--policy", "weighted"]);
    assert!(
        weighted.contains("hezbollah-killed   2+ (best 10)\n"),
        "{weighted}"
    );
    let unknown = common::example_output("custom_policy", &["--policy", "median"]);
    assert!(!unknown.status.success());
    assert_eq!(
        String::from_utf8_lossy(&unknown.stderr),
        "custom_policy: policy `median`: there is no such policy; the policies are envelope, \
         consensus, conservative, most_reliable, most_recent, majority, weighted, learned, \
         neutral_first\n"
    );
}

#[test]
fn merge_tallies_lesson_reconciles_shards_as_the_whole() {
    let out = run_example("merge_tallies", &[]);
    assert!(
        out.contains("jobeh-rebels-killed              2 claims  50–200     same as at once\n")
    );
    assert!(!out.contains("DIFFERS"), "{out}");
    assert!(out.ends_with("71 of 71 figures reconcile the same from merged shards as at once\n"));
    // Every figure of the civil war dossier, dealt over three shards.
    let acw = run_example("merge_tallies", &["examples/data/acw-battles.toml"]);
    assert!(!acw.contains("DIFFERS"));
}

#[test]
fn an_error_returned_from_main_prints_its_message() {
    // `load_and_reconcile` teaches `?` in `main`, which prints the error's
    // `Debug`: reckon's is its message.
    let out = common::example_output("load_and_reconcile", &["no/such/claims.csv"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("Error: cannot read no/such/claims.csv: "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn examples_that_fail_say_so_in_one_line_with_their_name() {
    for (name, args) in [
        ("ucdp", &["no/such/ged.csv"][..]),
        ("merge_tallies", &["no/such/dossier.toml"][..]),
        ("truth_discovery", &["no/such/folder"][..]),
        ("civil_war", &["--battle", "XX999"][..]),
    ] {
        let out = common::example_output(name, args);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(&format!("{name}: ")), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(!stderr.contains("Error {"), "{name}: {stderr}");
    }
}
