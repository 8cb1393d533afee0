//! What the example binaries share: the shape of their `main`.
// Each example uses only part of this module.
#![allow(dead_code)]

/// The `main` of an example: parses the arguments (an empty error asks for
/// the usage), runs, prints the output or the error, and exits 0, 1 on an
/// error (writing the output included: `| head` closing the pipe is an
/// error said on stderr, not a panic), or 2 on bad arguments.
pub(crate) fn main<A>(
    name: &str,
    usage: &str,
    parse: impl FnOnce(std::iter::Skip<std::env::Args>) -> Result<A, String>,
    run: impl FnOnce(A) -> Result<String, String>,
) -> std::process::ExitCode {
    use std::process::ExitCode;
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{usage}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("{name}: {e}\n{usage}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(out) => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("{name}: cannot write the output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("{name}: {e}");
            ExitCode::FAILURE
        }
    }
}
