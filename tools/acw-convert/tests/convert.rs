//! The converter against Arnold's raw files: it rebuilds the bundled
//! dossier byte for byte, and reports bad cells and rows without stopping.
//! The raw files are `../shared/data/acw-battle-data` beside the repository
//! (or `RECKON_ACW_DATA`); the tests fail when they are missing, because
//! they are the converter's only input.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use reckon::Dossier;

fn data(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(file)
}

/// Runs the converter with `args`; it must succeed.
fn run_converter(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_acw-convert"))
        .args(args)
        .output()
        .expect("the converter runs");
    assert!(
        out.status.success(),
        "the converter failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the converter prints UTF-8")
}

/// Arnold's raw files, when they are on this machine (`RECKON_ACW_DATA`, or
/// `../shared/data/acw-battle-data` next to the crate).
fn raw_acw_data() -> PathBuf {
    let raw = std::env::var_os("RECKON_ACW_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/acw-battle-data"),
        PathBuf::from,
    );
    assert!(
        raw.join("datapackage.json").exists(),
        "the raw data are not at {} (set RECKON_ACW_DATA)",
        raw.display()
    );
    raw
}

#[test]
fn acw_converter_reproduces_the_bundled_dossier() {
    let raw = raw_acw_data();
    let out = std::env::temp_dir().join(format!("reckon-acw-{}.toml", std::process::id()));
    let report = run_converter(&[
        raw.to_str().expect("UTF-8 path"),
        "--out",
        out.to_str().expect("UTF-8 path"),
    ]);
    let written = std::fs::read_to_string(&out).expect("the converter wrote its output");
    let _ = std::fs::remove_file(&out);
    let bundled = std::fs::read_to_string(data("acw-battles.toml")).expect("bundled file");
    assert!(
        written == bundled,
        "the converter's output differs from examples/data/acw-battles.toml"
    );
    assert!(
        report
            .contains("dossier: 9 sources, 196 battles, 1463 figures, 4371 claims, 505 relations")
    );
    assert!(report.contains(
        "kennedy1997_forces.csv line 85: range 1500–1000: the low end is above the high end (GA011, Confederate); not converted"
    ));
    assert!(report.contains("SC007: fox links its rows U119, U120 to the union side"));
}

#[test]
fn acw_converter_reports_bad_cells_and_rows_and_goes_on() {
    let raw = raw_acw_data();
    let dir = std::env::temp_dir().join(format!("reckon-acw-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for entry in std::fs::read_dir(&raw).expect("raw data") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.join(entry.file_name())).expect("copy");
    }
    // Spoil Fox's Confederate casualties at Gettysburg, and cut a Phisterer row short.
    let fox = std::fs::read_to_string(dir.join("fox_forces.csv")).expect("fox");
    let fox = fox.replace(
        ",PA,2592,12706,5150,20448,",
        ",PA,2592,12706,5150,about 20k,",
    );
    std::fs::write(dir.join("fox_forces.csv"), fox).expect("fox");
    let phisterer = std::fs::read_to_string(dir.join("phisterer_forces.csv")).expect("phisterer");
    let phisterer = phisterer.replace("2317,Confederate,31621,", "2317,Confederate\n");
    std::fs::write(dir.join("phisterer_forces.csv"), phisterer).expect("phisterer");

    let out = dir.join("out.toml");
    let report = run_converter(&[
        dir.to_str().expect("UTF-8 path"),
        "--out",
        out.to_str().expect("UTF-8 path"),
    ]);
    let converted = Dossier::load(&out).expect("the output is a valid dossier");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        report.contains("fox_forces.csv line 366, column `casualties`: 'about 20k' is not a count (C57, Confederate); not converted"),
        "{report}"
    );
    assert!(
        report.lines().any(|l| l.starts_with("  phisterer_forces.csv: CSV error: record 111 (")
            && l.ends_with("found record with 2 fields, but the previous record has 6 fields; row not converted")),
        "{report}"
    );
    let gettysburg: BTreeSet<&str> = converted
        .claims_of(&"pa002-confederate-casualties".into())
        .map(|c| c.source().as_str())
        .collect();
    assert_eq!(
        gettysburg,
        BTreeSet::from(["bodart", "civilwarorg", "cwsac", "kennedy"])
    );
    // Fox's other Gettysburg figures are still there.
    assert!(
        converted
            .claim(&"pa002-confederate-killed-fox".into())
            .is_some()
    );
}
