//! What the example binaries share: the shape of their `main`, and the
//! printing of their output. An example that prints through [`print`]
//! writes its output into a `String` first and prints it at the end, in one
//! write that can fail without a panic; so a long run shows nothing until
//! it is done (`reconcile` streams the report of a claims table itself).
// Each example uses only part of this module.
#![allow(dead_code)]

use std::process::ExitCode;

/// The `main` of an example: parses the arguments (an empty error asks for
/// the usage), runs, prints the output or the error, and exits 0, 1 on an
/// error (writing the output included, see [`print`]), or 2 on bad
/// arguments.
pub(crate) fn main<A>(
    name: &str,
    usage: &str,
    parse: impl FnOnce(std::iter::Skip<std::env::Args>) -> Result<A, String>,
    run: impl FnOnce(A) -> Result<String, String>,
) -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => return print(name, &format!("{usage}\n")),
        Err(e) => {
            eprintln!("{name}: {e}\n{usage}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(out) => print(name, &out),
        Err(e) => {
            eprintln!("{name}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints `out`, the output of the example `name`, and exits 0, or 1 when it
/// cannot be written, said on stderr: `| head` closing the pipe is an error,
/// not the panic of `println!`.
pub(crate) fn print(name: &str, out: &str) -> ExitCode {
    match write(out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{name}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints `out`, what the example `name` wrote before it finished or failed
/// (as `println!` would have printed it before the error), then the error
/// of `done`, if any, on stderr: exits as [`print`] does, or 1 on the error.
pub(crate) fn print_then<E: std::fmt::Display>(
    name: &str,
    out: &str,
    done: Result<(), E>,
) -> ExitCode {
    let printed = print(name, out);
    match done {
        Ok(()) => printed,
        Err(e) => {
            eprintln!("{name}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `out` to stdout; the error says that the output cannot be written.
pub(crate) fn write(out: &str) -> Result<(), String> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot write the output: {e}"))
}
