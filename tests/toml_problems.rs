//! The problems of a dossier file (TOML) as a user adding records to it
//! meets them: every one at once, in the order of the file, each where it
//! is.

use reckon::Dossier;

/// The messages of every problem of a file that does not load.
fn problems(text: &str) -> Vec<String> {
    match Dossier::from_toml_str(text, "d.toml") {
        Ok(_) => panic!("the file loads"),
        Err(e) => e.problems().iter().map(ToString::to_string).collect(),
    }
}

/// The line of a message, `d.toml line N…`.
fn line(message: &str) -> u64 {
    let rest = message.strip_prefix("d.toml line ").unwrap_or_default();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(0)
}

const SOURCE: &str = "[[source]]\nid = \"s\"\nname = \"s\"\nkind = \"media\"\n\n";
const FIGURE: &str = "[[figure]]\nid = \"f\"\nlabel = \"f\"\nmeasure = \"killed\"\n\n";

#[test]
fn problems_come_in_the_order_of_the_file() {
    // A value that does not read, then a claim about a source no file
    // declares, then a source that relays one: validation finds them in
    // another order (sources, then claims).
    let text = format!(
        "{FIGURE}{SOURCE}\
         [[claim]]\nid = \"a\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"50–\"\n\n\
         [[claim]]\nid = \"b\"\nfigure = \"f\"\nsource = \"nobody\"\nvalue = \"5\"\n\n\
         [[source]]\nid = \"t\"\nname = \"t\"\nkind = \"media\"\nrelays = \"ghost\"\n"
    );
    let got = problems(&text);
    assert_eq!(got.len(), 3, "{got:#?}");
    let lines: Vec<u64> = got.iter().map(|m| line(m)).collect();
    assert!(lines.is_sorted(), "{got:#?}");
    assert!(got[0].contains("'50–' is not a value"), "{got:#?}");
    assert!(
        got[1].contains("source `nobody` is not in the dossier"),
        "{got:#?}"
    );
    assert!(got[2].contains("relays source `ghost`"), "{got:#?}");
}
