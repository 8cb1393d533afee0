//! The `extract` example as a user runs it: its JSON contract, and every
//! figure of the seed article (tests/data/qalamoun-offensive-2014.txt,
//! Wikipedia, CC BY-SA 4.0; see tests/data/README.md).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

/// Builds the example once (with the profile cargo uses for these tests) and returns its path.
fn binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args([
            "build",
            "--quiet",
            "--example",
            "extract",
            "--message-format=json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
        if !cfg!(debug_assertions) {
            cmd.arg("--release");
        }
        let out = cmd.output().expect("cargo runs");
        assert!(
            out.status.success(),
            "building the example failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .find_map(|m| {
                let is_it = m["reason"] == "compiler-artifact" && m["target"]["name"] == "extract";
                is_it
                    .then(|| m["executable"].as_str().map(PathBuf::from))
                    .flatten()
            })
            .expect("cargo names the example's executable")
    })
}

/// Runs the example on `input`; one parsed JSON array per output line.
fn run(input: &str) -> Vec<Vec<Value>> {
    run_with(&[], input)
        .lines()
        .map(|l| serde_json::from_str::<Vec<Value>>(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// Runs the example with `args` on `input`; its standard output.
fn run_with(args: &[&str], input: &str) -> String {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the example starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("stdin takes the input");
    let out = child.wait_with_output().expect("the example runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs the example with `args` on `input` (bytes, not always UTF-8); its
/// exit status, standard output and standard error.
fn run_raw(args: &[&str], input: &[u8]) -> (Option<i32>, String, String) {
    let out = common::output_with_input(binary(), args, input);
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (out.status.code(), text(out.stdout), text(out.stderr))
}

/// Each error is one line on stderr that says what is wrong and where, not
/// a debug dump; `--help` is the usage on stdout.
#[test]
fn errors_name_what_is_wrong_and_where() {
    const USAGE: &str = "usage: extract [--csv | --toml [DOSSIER]] < text\n";
    let said = |args: &[&str], input: &[u8]| {
        let (code, _, stderr) = run_raw(args, input);
        (code, stderr)
    };
    let not_utf8 = b"5 were killed.\n\xff 3 died.\n";
    for args in [&[][..], &["--csv"]] {
        assert_eq!(
            said(args, not_utf8),
            (
                Some(1),
                "extract: line 2 of the input: it is not UTF-8\n".into()
            )
        );
    }
    assert_eq!(
        said(&["--toml"], b"5 were killed.\n\n\xff 3 died.\n"),
        (
            Some(1),
            "extract: line 3 of the input: it is not UTF-8\n".into()
        )
    );
    let (code, stderr) = said(&["--toml", "no-such-dossier.toml"], b"5 were killed.\n");
    assert_eq!(code, Some(1));
    assert!(
        stderr.starts_with("extract: cannot read no-such-dossier.toml: "),
        "{stderr}"
    );
    for (args, wrong) in [
        (&["--bogus"][..], "unknown option `--bogus`"),
        (&["--csv", "--jsonl"], "unknown option `--jsonl`"),
        (&["--toml", "a.toml", "b.toml"], "--toml takes one dossier"),
        (
            &["news.txt"],
            "unexpected argument `news.txt`: the text is read from stdin",
        ),
        (&["--csv", "--toml"], "give one of --csv and --toml"),
    ] {
        assert_eq!(
            said(args, b""),
            (Some(2), format!("extract: {wrong}\n{USAGE}"))
        );
    }
    assert_eq!(
        run_raw(&["--help"], b""),
        (Some(0), USAGE.into(), String::new())
    );
}

#[test]
fn csv_mode_prints_a_claims_table() {
    let out = run_with(
        &["--csv"],
        "Hezbollah lost 14 fighters and 104 rebels were killed. It lasted two days.\n",
    );
    assert_eq!(
        out,
        "figure,source,value,measure,unit,label,quote,qualifiers,source_name,source_kind\n\
         fighters-killed,,14,killed,people,fighters killed,Hezbollah lost 14 fighters and 104 rebels were killed.,,,\n\
         rebels-killed,,104,killed,people,rebels killed,Hezbollah lost 14 fighters and 104 rebels were killed.,,,\n\
         duration-in-days,,2,duration,days,duration in days,It lasted two days.,,,\n"
    );
    // A speaker named by the sentence fills the source columns.
    let out = run_with(
        &["--csv"],
        "Other sources claimed 200 rebels were killed.\n",
    );
    assert_eq!(
        out.lines().nth(1),
        Some(
            "rebels-killed,other-sources,200,killed,people,rebels killed,\
             Other sources claimed 200 rebels were killed.,\
             claimed,Other sources,anonymous"
        )
    );
    // A share is closed at the whole; a noun with no ASCII letters still
    // gives an id.
    let out = run_with(
        &["--csv"],
        "More than half of the fighters were wounded. Dozens of جنود.\n",
    );
    let rows: Vec<&str> = out.lines().skip(1).collect();
    assert_eq!(
        rows,
        [
            "fighters-wounded,,>0.5 <=1,wounded,share,fighters wounded,More than half of the fighters were wounded.,,,",
            "figure,,dozens,,people,جنود,Dozens of جنود.,,,",
        ]
    );
}

#[cfg(feature = "serde")]
#[test]
fn csv_rows_become_a_dossier_once_attributed() {
    // The whole article: one row per mention, ids unique.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/qalamoun-offensive-2014.txt");
    let article = std::fs::read_to_string(path).expect("the seed article is vendored");
    let mentions: usize = run(&article).iter().map(Vec::len).sum();
    let csv = run_with(&["--csv"], &article);
    assert_eq!(csv.lines().count(), mentions + 1);
    // Rows whose sentence names a speaker are attributed to it; the others
    // are refused, each named.
    let unattributed = csv
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(1) == Some(""))
        .count();
    assert_eq!(mentions - unattributed, 12, "{csv}");
    let err = reckon::Dossier::from_csv_reader(csv.as_bytes(), "article.csv").unwrap_err();
    assert_eq!(err.problems().len(), unattributed, "{err}");
    assert!(
        err.to_string()
            .contains("article.csv line 2, column 2, field `source`"),
        "{err}"
    );
    // The rest attributed to the article, they load: one figure and one
    // claim per mention, and a source for each speaker.
    let attributed: String = csv
        .lines()
        .map(|l| {
            let (figure, rest) = l.split_once(',').unwrap();
            match rest.split_once(',') {
                Some(("", rest)) => format!("{figure},article,{rest}\n"),
                _ => format!("{l}\n"),
            }
        })
        .collect();
    let d = reckon::Dossier::from_csv_reader(attributed.as_bytes(), "article.csv").unwrap();
    assert_eq!(d.claims().len(), mentions);
    assert_eq!(d.figures().len(), mentions);
    let mut sources: Vec<String> = d
        .sources()
        .iter()
        .map(|s| format!("{} ({})", s.name(), s.kind()))
        .collect();
    sources.sort();
    assert_eq!(
        sources,
        [
            "A security source (anonymous)",
            "Other sources (anonymous)",
            "Syrian and Lebanese government (government)",
            "a rebel commander (armed-opposition)",
            "another report (anonymous)",
            "article (unspecified)",
            "state TV (state-media)",
        ]
    );
}

#[cfg(feature = "serde")]
#[test]
fn toml_mode_drafts_a_dossier_that_reconciles() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/qalamoun-offensive-2014.txt");
    let article = std::fs::read_to_string(path).expect("the seed article is vendored");
    let mentions: usize = run(&article).iter().map(Vec::len).sum();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/qalamoun-2014.toml");
    let seed = seed.to_str().expect("a UTF-8 path");
    for args in [vec!["--toml"], vec!["--toml", seed]] {
        let toml = run_with(&args, &article);
        assert!(toml.starts_with("# A dossier drafted from text"), "{toml}");
        let d = reckon::Dossier::from_toml_str(&toml, "draft.toml").unwrap();
        // Every mention is a claim: none dropped for want of a speaker.
        assert_eq!(d.claims().len(), mentions);
        let flagged = toml.lines().filter(|l| l.starts_with("#   ")).count();
        let attributed = d
            .claims()
            .iter()
            .filter(|c| {
                !matches!(
                    c.source().as_str(),
                    "article" | "article-infobox" | "infobox"
                )
            })
            .count();
        assert_eq!(flagged + attributed, mentions, "{args:?}");
        let findings = reckon::Reconciler::new().reconcile(&d).unwrap();
        assert_eq!(findings.iter().count(), d.figures().len());
    }
    // Reusing the hand-made dossier, its sources are the draft's.
    let toml = run_with(&["--toml", seed], &article);
    let d = reckon::Dossier::from_toml_str(&toml, "draft.toml").unwrap();
    assert!(d.source(&"syrian-state-tv".into()).is_some());
    assert!(d.source(&"rebel-commander".into()).is_some());
}

#[test]
fn prints_the_documented_json() {
    let out = Command::new(binary())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .expect("stdin")
                .write_all(b"A source confirmed more than 100 people had been killed.\n")?;
            c.wait_with_output()
        })
        .expect("the example runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        concat!(
            r#"[{"text":"more than 100","start":19,"end":32,"kind":"more-than","low":"101","high":null,"#,
            r#""value":">100","unit":"people","noun":"people","measure":"killed","#,
            r#""low_open":false,"high_open":false,"#,
            r#""speaker":{"name":"A source","start":0,"end":8,"kind":"anonymous"},"qualifier":"confirmed"}]"#,
            "\n"
        )
    );
}

#[test]
fn one_array_per_line_with_byte_offsets() {
    let input = "Unknown casualties.\n\n“Some 200” rebels – and 7–11 soldiers\r\nno figures here\n";
    let out = run(input);
    assert_eq!(out.len(), 4);
    assert!(out[1].is_empty() && out[3].is_empty());
    // Unknown: no bounds.
    assert_eq!(out[0][0]["kind"], "unknown");
    assert_eq!(out[0][0]["low"], Value::Null);
    assert_eq!(out[0][0]["high"], Value::Null);
    assert_eq!(out[0][0]["measure"], "casualties");
    // Offsets are bytes into the line, past multi-byte characters.
    let line = "“Some 200” rebels – and 7–11 soldiers";
    for m in &out[2] {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&line[start..end], m["text"].as_str().unwrap());
    }
    assert_eq!(out[2][0]["text"], "Some 200");
    assert_eq!(out[2][0]["low"], "180");
    assert_eq!(out[2][1]["text"], "7–11");
    assert_eq!(out[2][1]["noun"], "soldiers");
    assert_eq!(out[2][1]["value"], "7–11");
}

/// A row's quote is its own sentence, even when citation markers follow
/// the stop of the sentence before it.
#[cfg(feature = "serde")]
#[test]
fn a_quote_is_the_sentence_after_citation_markers() {
    let quotes = |text: &str| -> Vec<String> {
        let csv = run_with(&["--csv"], text);
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        rows.records()
            .map(|r| r.expect("a CSV row")[6].to_owned())
            .collect()
    };
    assert_eq!(
        quotes("Witnesses said 5 were killed.[1] Later 7 more died.\n"),
        ["Witnesses said 5 were killed.", "Later 7 more died."]
    );
    assert_eq!(
        quotes("5 died.[12][13] Then 6 fled.[citation needed] Then 7 hid.[note 3] And 8 left.\n"),
        ["5 died.", "Then 6 fled.", "Then 7 hid.", "And 8 left."]
    );
}

/// An article is never a speaker, nor a source of the drafted dossier.
#[test]
fn an_article_is_never_a_speaker_or_a_source() {
    let text = "Families fled, and an estimated 300–400 fighters regrouped in Qabasin.\n";
    let json = &run(text)[0];
    assert_eq!(json[0]["speaker"], Value::Null);
    assert_eq!(json[0]["qualifier"], "estimated");
    let toml = run_with(&["--toml"], text);
    let ids: Vec<&str> = toml
        .lines()
        .filter_map(|l| l.strip_prefix("id = "))
        .collect();
    assert_eq!(
        ids,
        [
            r#""article""#,
            r#""fighters-strength""#,
            r#""fighters-strength""#
        ]
    );
}

/// A contrastive clause with a reporting verb states its own subject's
/// figure: the row's source is that subject, not the sentence's first.
#[test]
fn a_contrastive_clause_attributes_its_figure_to_its_own_subject() {
    let text =
        "The SOHR reported 26 dead, while the Local Coordination Committees gave a figure of 31.\n";
    let csv = run_with(&["--csv"], text);
    let sources: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(1))
        .collect();
    assert_eq!(sources, ["the-sohr", "the-local-coordination-committees"]);
}

/// A scaled figure is written as the value grammar writes it ("1.2 million"
/// is `1200000`), alike in JSON, CSV and TOML.
#[test]
fn a_scaled_figure_has_no_fractional_zero_in_any_output() {
    let text = "About 1.2 million people fled and 2.5 thousand soldiers died.\n";
    let json = &run(text)[0];
    let fields = |m: &Value| (m["value"].clone(), m["low"].clone(), m["high"].clone());
    assert_eq!(
        fields(&json[0]),
        ("~1200000".into(), "1080000".into(), "1320000".into())
    );
    assert_eq!(
        fields(&json[1]),
        ("2500".into(), "2500".into(), "2500".into())
    );
    let csv = run_with(&["--csv"], text);
    let values: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(2))
        .collect();
    assert_eq!(values, ["~1200000", "2500"]);
    let toml = run_with(&["--toml"], text);
    let values: Vec<&str> = toml
        .lines()
        .filter_map(|l| l.strip_prefix("value = "))
        .collect();
    assert_eq!(values, [r#""~1200000""#, r#""2500""#]);
}

/// One expected mention: line (1-based), start byte, text, kind, low, high,
/// unit, noun, measure.
type Row = (
    usize,
    usize,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

/// Every figure of the article, in order.
const SEED: &[Row] = &[
    // Infobox.
    (
        14,
        13,
        "3,000",
        "exact",
        Some("3000"),
        Some("3000"),
        "people",
        Some("fighters"),
        Some("strength"),
    ),
    (
        15,
        13,
        "12,000",
        "exact",
        Some("12000"),
        Some("12000"),
        "people",
        Some("Lebanese Army"),
        Some("strength"),
    ),
    (
        16,
        15,
        "20+",
        "at-least",
        Some("20"),
        None,
        "people",
        None,
        Some("killed"),
    ),
    (
        17,
        15,
        "Unknown",
        "unknown",
        None,
        None,
        "people",
        Some("Syrian and Hezbollah casualties"),
        Some("casualties"),
    ),
    (
        17,
        56,
        "20",
        "exact",
        Some("20"),
        Some("20"),
        "people",
        Some("Lebanese soldiers"),
        Some("killed"),
    ),
    (
        17,
        85,
        "85",
        "exact",
        Some("85"),
        Some("85"),
        "people",
        None,
        Some("wounded"),
    ),
    (
        17,
        100,
        "24",
        "exact",
        Some("24"),
        Some("24"),
        "people",
        None,
        Some("captured"),
    ),
    (
        17,
        113,
        "14",
        "exact",
        Some("14"),
        Some("14"),
        "people",
        None,
        Some("released"),
    ),
    (
        17,
        126,
        "4",
        "exact",
        Some("4"),
        Some("4"),
        "people",
        None,
        Some("executed"),
    ),
    (
        17,
        139,
        "20",
        "exact",
        Some("20"),
        Some("20"),
        "people",
        Some("policemen"),
        Some("captured"),
    ),
    (
        17,
        162,
        "6",
        "exact",
        Some("6"),
        Some("6"),
        "people",
        None,
        Some("released"),
    ),
    // Background.
    (
        23,
        523,
        "3,000",
        "exact",
        Some("3000"),
        Some("3000"),
        "people",
        Some("rebels"),
        Some("strength"),
    ),
    // Surrounding of Tfail.
    (
        27,
        43,
        "29",
        "exact",
        Some("29"),
        Some("29"),
        "people",
        Some("Hezbollah fighters"),
        Some("killed"),
    ),
    (
        27,
        78,
        "11",
        "exact",
        Some("11"),
        Some("11"),
        "people",
        None,
        Some("killed"),
    ),
    (
        27,
        134,
        "two",
        "exact",
        Some("2"),
        Some("2"),
        "days",
        None,
        Some("duration"),
    ),
    (
        29,
        0,
        "Four",
        "exact",
        Some("4"),
        Some("4"),
        "days",
        None,
        Some("duration"),
    ),
    (
        29,
        38,
        "within a kilometer",
        "at-most",
        Some("0"),
        Some("1"),
        "km",
        None,
        Some("distance"),
    ),
    (
        29,
        123,
        "three",
        "exact",
        Some("3"),
        Some("3"),
        "sides",
        Some("sides"),
        None,
    ),
    (
        29,
        324,
        "70",
        "exact",
        Some("70"),
        Some("70"),
        "people",
        Some("rebels"),
        Some("surrendered"),
    ),
    (
        31,
        138,
        "some",
        "vague",
        Some("2"),
        None,
        "hills",
        Some("hills"),
        Some("seized"),
    ),
    (
        31,
        282,
        "14",
        "exact",
        Some("14"),
        Some("14"),
        "people",
        Some("Hezbollah fighters"),
        Some("killed"),
    ),
    (
        31,
        336,
        "two",
        "exact",
        Some("2"),
        Some("2"),
        "weeks",
        None,
        Some("duration"),
    ),
    // Battle for the hills.
    (
        31,
        544,
        "some",
        "vague",
        Some("2"),
        None,
        "positions",
        Some("positions"),
        Some("seized"),
    ),
    (
        36,
        197,
        "two",
        "exact",
        Some("2"),
        Some("2"),
        "days",
        None,
        Some("duration"),
    ),
    (
        36,
        310,
        "6–7",
        "range",
        Some("6"),
        Some("7"),
        "people",
        Some("Hezbollah"),
        Some("killed"),
    ),
    (
        36,
        330,
        "17–32",
        "range",
        Some("17"),
        Some("32"),
        "people",
        Some("rebel fighters"),
        Some("killed"),
    ),
    (
        36,
        369,
        "31",
        "exact",
        Some("31"),
        Some("31"),
        "people",
        Some("Hezbollah"),
        Some("wounded"),
    ),
    (
        36,
        386,
        "23",
        "exact",
        Some("23"),
        Some("23"),
        "people",
        Some("rebel fighters"),
        Some("wounded"),
    ),
    (
        36,
        418,
        "14",
        "exact",
        Some("14"),
        Some("14"),
        "people",
        Some("rebels"),
        Some("captured"),
    ),
    (
        36,
        492,
        "14",
        "exact",
        Some("14"),
        Some("14"),
        "people",
        Some("fighters"),
        Some("killed"),
    ),
    (
        36,
        511,
        "104",
        "exact",
        Some("104"),
        Some("104"),
        "people",
        Some("rebels of the Al-Nusra Front"),
        Some("killed"),
    ),
    (
        36,
        560,
        "40",
        "exact",
        Some("40"),
        Some("40"),
        "people",
        Some("rebels"),
        Some("captured"),
    ),
    (
        38,
        107,
        "two",
        "exact",
        Some("2"),
        Some("2"),
        "people",
        Some("Hezbollah militiamen"),
        Some("killed"),
    ),
    (
        38,
        136,
        "dozens",
        "vague",
        Some("24"),
        Some("119"),
        "people",
        Some("rebels"),
        Some("killed"),
    ),
    (
        38,
        178,
        "seven",
        "exact",
        Some("7"),
        Some("7"),
        "people",
        Some("rebels"),
        Some("captured"),
    ),
    (
        38,
        389,
        "more than 100",
        "more-than",
        Some("101"),
        None,
        "people",
        Some("people"),
        Some("killed"),
    ),
    (
        40,
        169,
        "40",
        "exact",
        Some("40"),
        Some("40"),
        "people",
        Some("unit"),
        Some("strength"),
    ),
    (
        40,
        231,
        "250",
        "exact",
        Some("250"),
        Some("250"),
        "people",
        Some("Syrian rebels"),
        Some("strength"),
    ),
    (
        40,
        385,
        "10",
        "exact",
        Some("10"),
        Some("10"),
        "m",
        None,
        Some("distance"),
    ),
    (
        40,
        428,
        "five",
        "exact",
        Some("5"),
        Some("5"),
        "hours",
        Some("battle"),
        Some("duration"),
    ),
    (
        40,
        582,
        "10",
        "exact",
        Some("10"),
        Some("10"),
        "people",
        Some("Hezbollah militiamen"),
        Some("killed"),
    ),
    (
        40,
        622,
        "20",
        "exact",
        Some("20"),
        Some("20"),
        "people",
        None,
        Some("wounded"),
    ),
    (
        42,
        76,
        "20",
        "exact",
        Some("20"),
        Some("20"),
        "people",
        Some("rebels"),
        Some("killed"),
    ),
    (
        42,
        87,
        "Two",
        "exact",
        Some("2"),
        Some("2"),
        "days",
        None,
        Some("duration"),
    ),
    (
        46,
        144,
        "around 10",
        "approximately",
        Some("9"),
        Some("11"),
        "km",
        None,
        Some("distance"),
    ),
    (
        46,
        245,
        "50–170",
        "range",
        Some("50"),
        Some("170"),
        "people",
        Some("rebels"),
        Some("killed"),
    ),
    (
        46,
        265,
        "7–11",
        "range",
        Some("7"),
        Some("11"),
        "people",
        Some("government fighters"),
        Some("killed"),
    ),
    (
        46,
        303,
        "2",
        "exact",
        Some("2"),
        Some("2"),
        "people",
        Some("Hezbollah members"),
        Some("killed"),
    ),
    (
        46,
        359,
        "200",
        "exact",
        Some("200"),
        Some("200"),
        "people",
        Some("rebels"),
        Some("killed"),
    ),
    (
        46,
        371,
        "20",
        "exact",
        Some("20"),
        Some("20"),
        "people",
        Some("soldiers"),
        Some("killed"),
    ),
    (
        46,
        387,
        "two",
        "exact",
        Some("2"),
        Some("2"),
        "people",
        Some("Hezbollah militiamen"),
        Some("killed"),
    ),
    // Battle of Arsal.
    (
        50,
        261,
        "16",
        "exact",
        Some("16"),
        Some("16"),
        "people",
        Some("policemen"),
        Some("taken-hostage"),
    ),
    (
        50,
        305,
        "two",
        "exact",
        Some("2"),
        Some("2"),
        "people",
        Some("soldiers"),
        Some("taken-hostage"),
    ),
    (
        52,
        183,
        "multiple",
        "vague",
        Some("2"),
        None,
        "directions",
        Some("directions"),
        None,
    ),
    (
        54,
        52,
        "two",
        "exact",
        Some("2"),
        Some("2"),
        "buildings",
        Some("government buildings"),
        None,
    ),
    (
        54,
        231,
        "24",
        "exact",
        Some("24"),
        Some("24"),
        "hours",
        Some("cease-fire"),
        Some("duration"),
    ),
    (
        56,
        222,
        "dozens",
        "vague",
        Some("24"),
        Some("119"),
        "people",
        Some("wounded militants"),
        Some("wounded"),
    ),
    (
        56,
        251,
        "Two",
        "exact",
        Some("2"),
        Some("2"),
        "days",
        None,
        Some("duration"),
    ),
    (
        56,
        451,
        "18",
        "exact",
        Some("18"),
        Some("18"),
        "people",
        None,
        Some("killed"),
    ),
    (
        56,
        476,
        "19",
        "exact",
        Some("19"),
        Some("19"),
        "people",
        None,
        Some("killed"),
    ),
    (
        56,
        493,
        "60",
        "exact",
        Some("60"),
        Some("60"),
        "people",
        Some("militants"),
        Some("killed"),
    ),
    (
        56,
        543,
        "42",
        "exact",
        Some("42"),
        Some("42"),
        "people",
        Some("civilians"),
        Some("killed"),
    ),
    (
        56,
        599,
        "estimated at 400",
        "approximately",
        Some("360"),
        Some("440"),
        "people",
        None,
        Some("wounded"),
    ),
    // Aftermath.
    (
        59,
        158,
        "over 20",
        "more-than",
        Some("21"),
        None,
        "factions",
        Some("FSA factions"),
        Some("groups"),
    ),
    (
        59,
        253,
        "six",
        "exact",
        Some("6"),
        Some("6"),
        "brigades",
        Some("eastern Qalamoun FSA brigades"),
        Some("groups"),
    ),
    (
        61,
        121,
        "hundreds",
        "vague",
        Some("200"),
        Some("999"),
        "people",
        None,
        Some("defected"),
    ),
    (
        61,
        206,
        "approximately 1,000",
        "approximately",
        Some("900"),
        Some("1100"),
        "people",
        Some("fighters"),
        Some("strength"),
    ),
    (
        61,
        256,
        "600",
        "exact",
        Some("600"),
        Some("600"),
        "people",
        Some("militants"),
        Some("strength"),
    ),
    (
        67,
        69,
        "two",
        "exact",
        Some("2"),
        Some("2"),
        "hills",
        Some("hills"),
        Some("seized"),
    ),
    (
        67,
        94,
        "several",
        "vague",
        Some("3"),
        Some("9"),
        "hills",
        Some("others"),
        None,
    ),
    (
        67,
        151,
        "30",
        "exact",
        Some("30"),
        Some("30"),
        "people",
        Some("rebels"),
        Some("killed"),
    ),
    (
        67,
        197,
        "some",
        "vague",
        Some("2"),
        None,
        "positions",
        Some("positions"),
        Some("seized"),
    ),
    (
        67,
        310,
        "three",
        "exact",
        Some("3"),
        Some("3"),
        "axes",
        Some("axes"),
        None,
    ),
    (
        67,
        444,
        "15",
        "exact",
        Some("15"),
        Some("15"),
        "people",
        Some("al-Nusra fighters"),
        Some("killed"),
    ),
    (
        71,
        15,
        "a series of",
        "vague",
        Some("2"),
        None,
        "airstrikes",
        Some("Israeli Air Force airstrikes"),
        None,
    ),
    (
        71,
        141,
        "several",
        "vague",
        Some("3"),
        Some("9"),
        "people",
        Some("Syrian soldiers and Hezbollah members"),
        Some("killed"),
    ),
    (
        71,
        194,
        "6",
        "exact",
        Some("6"),
        Some("6"),
        "people",
        Some("Hezbollah members"),
        Some("killed"),
    ),
    (
        73,
        123,
        "several",
        "vague",
        Some("3"),
        Some("9"),
        "positions",
        Some("positions"),
        Some("seized"),
    ),
    (
        73,
        214,
        "15",
        "exact",
        Some("15"),
        Some("15"),
        "people",
        None,
        Some("killed"),
    ),
    (
        73,
        230,
        "30",
        "exact",
        Some("30"),
        Some("30"),
        "people",
        Some("militants"),
        Some("wounded"),
    ),
    (
        73,
        244,
        "A few",
        "vague",
        Some("2"),
        Some("5"),
        "days",
        None,
        Some("duration"),
    ),
    (
        73,
        310,
        "a number of",
        "vague",
        Some("2"),
        None,
        "hilltops",
        Some("hilltops"),
        None,
    ),
    (
        73,
        377,
        "dozens",
        "vague",
        Some("24"),
        Some("119"),
        "people",
        Some("rebels"),
        Some("killed"),
    ),
];

/// Text in the article that holds numbers but no figure: dates, years,
/// ordinals, image sizes, infobox field numbers.
const NOT_FIGURES: &[&str] = &[
    "21 June – 7 August 2014",
    "(2014)",
    "mid-November 2013",
    "late April 2014",
    "On 14 June",
    "On 21 June",
    "On 22 June",
    "On 27 June",
    "On 25 July",
    "between 1 and 2 August",
    "On 2 August",
    "On 4 August",
    "On 5 August",
    "By 7 August",
    "by 12 August",
    "On 25 August 2014",
    "On 31 December 2014",
    "December 2014",
    "On 4 January 2015",
    "On 23 January 2015",
    "late January 2015",
    "Between 25 and 28 March 2015",
    "By 3 April",
    "April 2015 Qalamoun incident",
    "16px",
    "17px",
    "Strength1",
    "Strength2",
    "Casualties1",
    "Casualties2",
    "Combatant1",
    "Commander2",
    "Units1",
    "At one point",
    "In one instance",
];

#[test]
fn seed_article_every_figure() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/qalamoun-offensive-2014.txt");
    let article = std::fs::read_to_string(path).expect("the seed article is vendored");
    let lines: Vec<&str> = article.lines().collect();
    let out = run(&article);
    assert_eq!(out.len(), lines.len());

    let got: Vec<String> = out
        .iter()
        .enumerate()
        .flat_map(|(n, ms)| ms.iter().map(move |m| (n + 1, m)))
        .map(|(n, m)| {
            let start = m["start"].as_u64().unwrap() as usize;
            let end = m["end"].as_u64().unwrap() as usize;
            // The span is the text.
            assert_eq!(&lines[n - 1][start..end], m["text"].as_str().unwrap());
            format!(
                "({n}, {start}, {}, {}, {}, {}, {}, {}, {})",
                m["text"], m["kind"], m["low"], m["high"], m["unit"], m["noun"], m["measure"]
            )
        })
        .collect();
    let q = |s: Option<&str>| s.map_or("null".to_owned(), |s| format!("{s:?}"));
    let want: Vec<String> = SEED
        .iter()
        .map(|(n, start, text, kind, low, high, unit, noun, measure)| {
            format!(
                "({n}, {start}, {text:?}, {kind:?}, {}, {}, {unit:?}, {}, {})",
                q(*low),
                q(*high),
                q(*noun),
                q(*measure)
            )
        })
        .collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "mention {i}");
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");

    // No date, year, ordinal or identifier is reported.
    for phrase in NOT_FIGURES {
        let (n, line) = lines
            .iter()
            .enumerate()
            .find(|(_, l)| l.contains(phrase))
            .unwrap_or_else(|| panic!("{phrase:?} is in the article"));
        let at = line.find(phrase).unwrap();
        for m in &out[n] {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(
                e <= at || s >= at + phrase.len(),
                "{phrase:?} reported as {m}"
            );
        }
    }
}
