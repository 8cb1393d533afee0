//! The crate's layout stays readable: no source file in `src/` over 1,000
//! lines, and no example but the `qalamoun` showcase over 300.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn longer_than(dir: &str, limit: usize, except: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(!files.is_empty(), "no Rust files under {dir}");
    let mut long = Vec::new();
    for path in files {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if except.contains(&name) {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let lines = text.lines().count();
        if lines > limit {
            long.push(format!("{} has {lines} lines", path.display()));
        }
    }
    long
}

#[test]
fn no_source_file_is_over_a_thousand_lines() {
    let long = longer_than("src", 1_000, &[]);
    assert!(long.is_empty(), "split these files: {long:#?}");
}

#[test]
fn no_example_but_the_showcase_is_over_three_hundred_lines() {
    let long = longer_than("examples", 300, &["qalamoun"]);
    assert!(long.is_empty(), "shorten these examples: {long:#?}");
}
