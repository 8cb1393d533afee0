//! Running the example binaries from tests, as a user runs them.
//!
//! `cargo test` builds every example beside the test binaries, in
//! `target/<profile>/examples/`; the tests run those binaries directly.
// Each test file uses part of this module.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The path of the built example `name`.
pub(crate) fn example_path(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its path");
    // target/<profile>/deps/<test binary>
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary lies in target/<profile>/deps");
    let path = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} is not built: run the tests with plain `cargo test`, which builds the examples \
         (or `cargo build --examples` first)",
        path.display()
    );
    path
}

/// Runs an example from the crate root with `args` and `stdin`, and returns
/// its output whatever its exit status.
pub(crate) fn example_output_with_input(name: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(example_path(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("the example reads its input");
    child.wait_with_output().expect("the example runs")
}

/// Runs an example from the crate root with `args`, and returns its output
/// whatever its exit status.
pub(crate) fn example_output(name: &str, args: &[&str]) -> Output {
    Command::new(example_path(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("the example runs")
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
