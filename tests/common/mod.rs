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
    let built = modified(&path);
    assert!(
        built.is_some(),
        "{} is not built: run the tests with plain `cargo test`, which builds the examples \
         (or `cargo build --examples` first)",
        path.display()
    );
    // `cargo test --test NAME` does not rebuild the examples: refuse a binary
    // older than its source or than the library's sources.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    // An example is `examples/NAME.rs` or a folder `examples/NAME/`.
    let folder = root.join("examples").join(name);
    let mut sources: Vec<_> = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| modified(&entry.path()))
        .collect();
    let file = root.join("examples").join(format!("{name}.rs"));
    let main = if file.exists() {
        file
    } else {
        folder.join("main.rs")
    };
    // The shared module counts only for an example that uses it: cargo
    // rebuilds no other when it changes.
    let shares = std::fs::read_to_string(&main).is_ok_and(|s| s.contains("mod common;"));
    sources.extend([
        modified(&main),
        shares
            .then(|| modified(&root.join("examples/common/mod.rs")))
            .flatten(),
        newest_source(&root.join("src")),
    ]);
    assert!(
        sources.iter().flatten().all(|s| Some(*s) <= built),
        "{} is older than its source or the library: run plain `cargo test`, which \
         rebuilds the examples (or `cargo build --examples` first)",
        path.display()
    );
    path
}

fn modified(path: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// When a file of the library's sources under `dir` was last changed. The
/// sources, not a built library file: other builds of the workspace (the
/// companion crates, other feature sets) leave newer libraries beside the
/// one the examples link.
fn newest_source(dir: &std::path::Path) -> Option<std::time::SystemTime> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let path = e.path();
            if path.is_dir() {
                newest_source(&path)
            } else {
                modified(&path)
            }
        })
        .max()
}

/// Runs an example from the crate root with `args` and `stdin`, and returns
/// its output whatever its exit status.
pub(crate) fn example_output_with_input(name: &str, args: &[&str], stdin: &str) -> Output {
    output_with_input(&example_path(name), args, stdin.as_bytes())
}

/// Runs the binary at `path` from the crate root with `args` and `stdin`
/// (bytes, not always UTF-8), and returns its output whatever its exit
/// status.
pub(crate) fn output_with_input(path: &std::path::Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(path)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example starts");
    let written = child.stdin.take().expect("stdin is piped").write_all(stdin);
    // An example may refuse its arguments and exit before it reads a byte.
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
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
