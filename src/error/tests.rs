use super::*;

#[test]
fn control_characters_an_error_quotes_are_escaped() {
    let e = Error::field("id 'b\n\u{1b}[2Jc'", "it holds a line break")
        .at(Location::file("t\r.csv").with_line(3));
    assert_eq!(
        e.to_string(),
        "t\\r.csv line 3: id 'b\\n\\u{1b}[2Jc': it holds a line break"
    );
    // A list keeps a line to each problem, each escaped.
    let mut list = Problems::default();
    list.push(Error::syntax("a\tb"));
    list.push(Error::syntax("c"));
    let e = list.into_result("problems").unwrap_err();
    assert_eq!(e.to_string(), "2 problems:\n  - a\\tb\n  - c");
    // A mark that turns the text's direction, and a line separator.
    let e = Error::syntax("a\u{202e}b\u{2028}c");
    assert_eq!(e.to_string(), "a\\u{202e}b\\u{2028}c");
}

#[test]
fn debug_writes_the_message_and_alternate_debug_its_parts() {
    let e = Error::field("id 'b'", "it is given twice").at(Location::file("t.csv").with_line(3));
    // What `main` prints of an error returned through `?`.
    assert_eq!(format!("{e:?}"), "t.csv line 3: id 'b': it is given twice");
    let parts = format!("{e:#?}");
    assert!(parts.starts_with("Error {\n    kind: "), "{parts}");
    assert!(parts.contains("line: Some(\n"), "{parts}");
}

#[test]
fn a_long_token_a_reason_quotes_is_clipped() {
    let long = "1".repeat(1000);
    let e = Error::value(&format!("{long}x"), format!("'{long}' is not a number"));
    let message = e.to_string();
    assert!(message.len() < 300, "{message}");
    assert!(
        message.ends_with(&format!("'{}…' is not a number", "1".repeat(79))),
        "{message}"
    );
}

#[test]
fn location_display_writes_known_parts() {
    let loc = Location::file("claims.csv")
        .with_line(12)
        .with_field("value");
    assert_eq!(loc.to_string(), "claims.csv line 12, field `value`");
    assert_eq!(
        Location::default().with_line(3).with_column(7).to_string(),
        "line 3, column 7"
    );
}

#[test]
fn many_lists_every_problem() {
    let e = Error::collect_of(
        vec![
            Error::dangling("claim `a`", "source `x` is not in the dossier"),
            Error::dangling("claim `b`", "figure `y` is not in the dossier"),
        ],
        2,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "2 problems:\n  - claim `a`: source `x` is not in the dossier\n  - claim `b`: figure `y` is not in the dossier"
    );
    assert_eq!(e.kind(), ErrorKind::Many);
    assert_eq!(e.problems().len(), 2);
    assert!(e.problems().iter().all(|p| p.kind() == ErrorKind::Dangling));
}

#[test]
fn located_error_names_the_place() {
    let e = Error::value("50–", "the range has no upper end").at(Location::file("claims.csv")
        .with_line(12)
        .with_field("value"));
    assert_eq!(
        e.to_string(),
        "claims.csv line 12, field `value`: '50–' is not a value: the range has no upper end"
    );
    assert_eq!(e.text(), Some("50–"));
}

#[test]
fn an_inner_place_keeps_its_parts_and_takes_the_file() {
    let e = Error::value("x", "not a number")
        .at(Location::default().with_line(4).with_column(9))
        .at(Location::file("d.toml").with_line(1));
    assert_eq!(
        e.to_string(),
        "d.toml line 4, column 9: 'x' is not a value: not a number"
    );
}

#[test]
fn problems_past_the_limit_are_counted_not_listed() {
    let mut p = Problems::default();
    for i in 0..250 {
        p.push(Error::value(&i.to_string(), "no"));
    }
    let e = p.into_result("problems").unwrap_err();
    assert_eq!(e.problems().len(), Problems::LIMIT + 1);
    // The count is of every problem, not of the lines listed.
    assert!(e.to_string().starts_with("250 problems:\n  - "), "{e}");
    assert_eq!(
        e.problems()[Problems::LIMIT].to_string(),
        "and 150 more problems: only the first 100 problems are listed"
    );
}

#[test]
fn problems_by_place_come_by_line_then_column_and_those_with_no_place_last() {
    let at = |line, column| Location::file("d.toml").with_line(line).with_column(column);
    let mut p = ProblemsByPlace::default();
    p.push(Error::value("a", "no").at(at(9, 1)));
    p.push(Error::value("b", "no"));
    p.push(Error::value("c", "no").at(Location::file("d.toml").with_line(3)));
    p.push(Error::value("d", "no").at(at(3, 5)));
    p.push(Error::value("e", "no").at(at(3, 5)));
    p.push(Error::value("f", "no").at(at(1, 7)));
    let e = p.into_result("problems").unwrap_err();
    let texts: Vec<_> = e.problems().iter().filter_map(Error::text).collect();
    assert_eq!(texts, ["f", "c", "d", "e", "a", "b"]);
}

#[test]
fn problems_by_place_past_the_limit_keep_the_first_by_place() {
    let mut p = ProblemsByPlace::default();
    for line in (1..=250).rev() {
        let at = Location::file("d.toml").with_line(line);
        p.push(Error::value(&line.to_string(), "no").at(at));
    }
    let e = p.into_result("problems").unwrap_err();
    assert_eq!(e.problems().len(), Problems::LIMIT + 1);
    assert!(
        e.to_string()
            .starts_with("250 problems:\n  - d.toml line 1: '1'"),
        "{e}"
    );
    assert_eq!(e.problems()[Problems::LIMIT - 1].text(), Some("100"));
    assert_eq!(
        e.problems()[Problems::LIMIT].to_string(),
        "and 150 more problems: only the first 100 problems are listed"
    );
}

#[test]
fn an_error_is_one_pointer_wide() {
    assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
}

#[test]
fn io_errors_keep_their_source() {
    let e = Error::io(
        "missing.toml",
        std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
    );
    assert_eq!(e.kind(), ErrorKind::Io);
    assert_eq!(e.to_string(), "cannot read missing.toml: no such file");
    assert!(std::error::Error::source(&e).is_some());
}

#[test]
fn a_failed_write_says_what_could_not_be_written() {
    let e = Error::write(
        "the report",
        std::io::Error::new(std::io::ErrorKind::BrokenPipe, "broken pipe"),
    );
    assert_eq!(e.kind(), ErrorKind::Io);
    assert_eq!(e.to_string(), "cannot write the report: broken pipe");
    assert!(std::error::Error::source(&e).is_some());
}
