//! Running the example binaries from tests.
// Each test file uses part of this module.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs an example from the crate root with `args`, and returns its output
/// whatever its exit status.
pub(crate) fn example_output(name: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs")
}

/// Runs an example that must succeed, and returns what it printed.
pub(crate) fn run_example(name: &str, args: &[&str]) -> String {
    let out = example_output(name, args);
    assert!(
        out.status.success(),
        "example {name} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the example prints UTF-8")
}
