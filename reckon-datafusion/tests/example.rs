//! The example as a user runs it, on a small file: it reconciles the same
//! figures on each path and says how fast.

use std::path::PathBuf;
use std::process::Command;

/// The example binary `cargo test` built beside this test.
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path = profile
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let built = std::fs::metadata(&path).and_then(|m| m.modified());
    let source = std::fs::metadata(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("examples/{name}.rs")),
    )
    .and_then(|m| m.modified())
    .unwrap();
    assert!(
        built.is_ok_and(|b| b >= source),
        "{} is missing or stale: run plain `cargo test -p reckon-datafusion`, which builds the examples",
        path.display()
    );
    path
}

#[test]
fn sql_at_scale_reconciles_the_same_figures_on_every_path() {
    let out = Command::new(example("sql_at_scale"))
        .arg("20000")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[0].starts_with("2")
            && lines[0].contains(" claims of 5000 figures written as CSV and Parquet"),
        "{stdout}"
    );
    for (line, what) in lines[1..].iter().zip([
        "library bulk path (CSV to JSON)",
        "DataFusion, one process (Parquet)",
        "Ballista, standalone (Parquet)",
    ]) {
        assert!(
            line.starts_with(what) && line.ends_with("claims/s/core"),
            "{stdout}"
        );
    }
    assert_eq!(lines.len(), 4, "{stdout}");
}
