//! The problems of a dossier file (TOML) as a user adding records to it
//! meets them: every one at once, in the order of the file, each where it
//! is.

#![cfg(feature = "serde")]

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

#[test]
fn a_record_that_does_not_read_hides_no_other_problem() {
    // The five mistakes of a user adding a source and its claims: a
    // misspelt key, a source no file declares, a range written high to
    // low, an id given twice and a figure no file declares.
    let text = format!(
        "{SOURCE}{FIGURE}\
         [[claim]]\nid = \"m1\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"20\"\nreportd = \"2014-08-05\"\n\n\
         [[claim]]\nid = \"m2\"\nfigure = \"f\"\nsource = \"montor\"\nvalue = \"5\"\n\n\
         [[claim]]\nid = \"m3\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"170–50\"\n\n\
         [[claim]]\nid = \"m2\"\nfigure = \"nope\"\nsource = \"s\"\nvalue = \"12\"\n"
    );
    assert_eq!(
        problems(&text),
        [
            "d.toml line 16, column 1: unknown field `reportd`, expected one of `id`, `figure`, \
             `source`, `value`, `reported`, `stake`, `qualifiers`, `credibility`, `unit`, \
             `quote`, `supersedes`",
            "d.toml line 21, column 10, field `source`: claim `m2`: source `montor` is not in the dossier",
            "d.toml line 28, column 9, field `value`: '170–50' is not a value: range 170–50: \
             the low end is above the high end",
            "d.toml line 31, column 6, field `id`: claim `m2`: the id is used more than once, \
             first on line 19",
            "d.toml line 32, column 10, field `figure`: claim `m2`: figure `nope` is not in the \
             dossier",
        ]
    );
}

#[test]
fn what_names_a_record_that_does_not_read_is_not_a_problem_again() {
    // A source, a figure and a claim whose tables do not read: the claims
    // and relations that name them name something the file gives. A claim
    // that names nothing the file gives is still reported.
    let text = "[[source]]\nid = \"monitor\"\nname = \"m\"\nkind = \"tv\"\n\n\
                [[source]]\nid = \"outlet\"\nname = \"o\"\nkind = \"media\"\nrelays = \"monitor\"\n\n\
                [[figure]]\nid = \"f\"\nlabel = \"f\"\nmeasure = \"killed\"\nevents = \"x\"\n\n\
                [[figure]]\nid = \"g\"\nlabel = \"g\"\nmeasure = \"killed\"\n\n\
                [[claim]]\nid = \"c1\"\nfigure = \"g\"\nsource = \"monitor\"\nvalue = \"5\"\ncredibility = \"9\"\n\n\
                [[claim]]\nid = \"c2\"\nfigure = \"f\"\nsource = \"monitor\"\nvalue = \"6\"\nsupersedes = \"c1\"\n\n\
                [[relation]]\nkind = \"part-of\"\npart = \"f\"\nwhole = \"g\"\n\n\
                [[claim]]\nid = \"c3\"\nfigure = \"g\"\nsource = \"nobody\"\nvalue = \"7\"\n";
    let got = problems(text);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(
        got[0].starts_with("d.toml line 4, column 8, field `kind`: 'tv' is not a value"),
        "{got:#?}"
    );
    assert!(
        got[1].starts_with(
            "d.toml line 16, column 10, field `events`: invalid type: string \"x\", expected a sequence"
        ),
        "{got:#?}"
    );
    assert!(
        got[2].starts_with("d.toml line 28, column 15, field `credibility`: '9' is not a value"),
        "{got:#?}"
    );
    assert_eq!(
        got[3],
        "d.toml line 45, column 10, field `source`: claim `c3`: source `nobody` is not in the dossier"
    );
}

#[test]
fn a_record_that_does_not_read_is_not_validated_but_its_neighbours_are() {
    // The claim with a bad grade names a source no file declares: that is
    // not reported until the claim reads. The claim after it is checked.
    let text = format!(
        "{SOURCE}{FIGURE}\
         [[claim]]\nid = \"a\"\nfigure = \"f\"\nsource = \"nobody\"\nvalue = \"5\"\ncredibility = \"9\"\n\n\
         [[claim]]\nid = \"b\"\nfigure = \"f\"\nsource = \"nobody\"\nvalue = \"x–\"\n"
    );
    let got = problems(&text);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(
        got[0].starts_with("d.toml line 16, column 15, field `credibility`: '9' is not a value"),
        "{got:#?}"
    );
    assert!(
        got[1].ends_with("claim `b`: source `nobody` is not in the dossier"),
        "{got:#?}"
    );
    assert!(
        got[2].starts_with("d.toml line 22, column 9, field `value`: 'x–' is not a value"),
        "{got:#?}"
    );
}

#[test]
fn every_key_and_value_of_a_record_that_does_not_read_is_reported() {
    // Two unknown keys (one a misspelt key the table needs) and two values
    // that do not read, in one table; and a relation, which serde reads
    // through its `kind`, with a key it does not know.
    let text = "[[source]]\nid = \"a\"\nnme = \"A\"\nkind = \"tv\"\nreliability = \"Q\"\nsde = \"x\"\n\n\
                [[relation]]\nkind = \"overlap\"\nfigures = []\nwhole = \"f\"\n";
    let got = problems(text);
    assert_eq!(got.len(), 6, "{got:#?}");
    assert_eq!(got[0], "d.toml line 1, column 1: missing field `name`");
    assert!(
        got[1].starts_with("d.toml line 3, column 1: unknown field `nme`"),
        "{got:#?}"
    );
    assert!(
        got[2].starts_with("d.toml line 4, column 8, field `kind`: 'tv' is not a value"),
        "{got:#?}"
    );
    assert!(
        got[3].starts_with("d.toml line 5, column 15, field `reliability`: 'Q' is not a value"),
        "{got:#?}"
    );
    assert!(
        got[4].starts_with("d.toml line 6, column 1: unknown field `sde`"),
        "{got:#?}"
    );
    assert_eq!(
        got[5],
        "d.toml line 11, column 1: unknown field `whole`, expected `figures`"
    );
}

#[test]
fn a_term_that_does_not_read_hides_nothing_but_the_values_that_use_it() {
    let text = format!(
        "[[term]]\nname = \"scores\"\nstrict = \"20–\"\npoint = 20\nfrom = \"x\"\n\n\
         {SOURCE}{FIGURE}\
         [[claim]]\nid = \"a\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"scores\"\n\n\
         [[claim]]\nid = \"b\"\nfigure = \"f\"\nsource = \"nobody\"\nvalue = \"5\"\n"
    );
    let got = problems(&text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0].starts_with("d.toml line 3, column 10, field `strict`: vague term `scores`: its strict reading '20–'"),
        "{got:#?}"
    );
    assert!(
        got[1].ends_with("claim `b`: source `nobody` is not in the dossier"),
        "{got:#?}"
    );
}

#[test]
fn malformed_toml_is_still_the_one_problem() {
    let text = format!("{SOURCE}[[claim]]\nid = \"a\"\nreportd = \"x\"\nvalue = \n");
    let got = problems(&text);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("d.toml line 9, column 9: "), "{got:#?}");
}

#[test]
fn problems_name_their_field_and_stand_at_its_value() {
    let text = format!(
        "{SOURCE}{FIGURE}\
         [[claim]]\nid = \"a\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"5\"\n\n\
         [[claim]]\nid = \"a\"\nfigure = \"nope\"\nsource = \"montor\"\nvalue = \"170–50\"\n\
         supersedes = \"gone\"\n\n\
         [[claim]]\nid = \"b\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"1\"\nreported = \"2014-02-30\"\n\n\
         [[relation]]\nkind = \"overlap\"\nfigures = [\"f\", \"lost\", \"f\"]\n"
    );
    assert_eq!(
        problems(&text),
        [
            "d.toml line 18, column 6, field `id`: claim `a`: the id is used more than once, \
             first on line 12",
            "d.toml line 19, column 10, field `figure`: claim `a`: figure `nope` is not in the \
             dossier",
            "d.toml line 20, column 10, field `source`: claim `a`: source `montor` is not in the \
             dossier",
            "d.toml line 21, column 9, field `value`: '170–50' is not a value: range 170–50: the \
             low end is above the high end",
            "d.toml line 22, column 14, field `supersedes`: claim `a`: it supersedes claim \
             `gone`, which is not in the dossier",
            "d.toml line 29, column 12, field `reported`: '2014-02-30' is not a value: date \
             2014-02-30: there is no such day in that month",
            "d.toml line 33, column 11, field `figures`: relation 1 (overlap): figure `lost` is \
             not in the dossier",
            "d.toml line 33, column 11, field `figures`: relation 1 (overlap): it names figure \
             `f` twice",
        ]
    );
}

#[test]
fn numbers_and_dates_written_bare_read_as_their_text() {
    let claim = |id: &str, rest: &str| {
        format!("[[claim]]\nid = \"{id}\"\nfigure = \"f\"\nsource = \"s\"\n{rest}\n\n")
    };
    let text = [
        SOURCE.to_owned(),
        "[[figure]]\nid = \"f\"\nlabel = \"f\"\nmeasure = \"killed\"\nperiod = 2014\n\n".to_owned(),
        claim("a", "value = 20\ncredibility = 3\nreported = 2014-08-05"),
        claim("b", "value = 0.1"),
        claim("c", "value = 1_000\nreported = 2014"),
    ]
    .concat();
    let d = Dossier::from_toml_str(&text, "d.toml").unwrap();
    let claim = |id: &str| d.claim(&id.into()).unwrap();
    assert_eq!(claim("a").value().to_string(), "20");
    assert_eq!(claim("a").credibility().number(), 3);
    assert_eq!(
        claim("a").reported().map(|r| r.to_string()),
        Some("2014-08-05".into())
    );
    // Not through a float: 0.1 is 0.1, not 0.1000000000000000055…
    assert_eq!(claim("b").value().to_string(), "0.1");
    assert_eq!(claim("c").value().to_string(), "1000");
    assert_eq!(
        claim("c").reported().map(|r| r.to_string()),
        Some("2014".into())
    );
    assert_eq!(
        d.figure(&"f".into())
            .unwrap()
            .scope()
            .period()
            .map(|p| p.to_string()),
        Some("2014".into())
    );
    // Written back as strings, as the format writes them.
    let written = d.to_toml_string().unwrap();
    for line in [
        "value = \"20\"\n",
        "value = \"0.1\"\n",
        "credibility = \"3\"\n",
        "reported = \"2014-08-05\"\n",
        "period = \"2014\"\n",
    ] {
        assert!(written.contains(line), "{line} in {written}");
    }
    assert_eq!(Dossier::from_toml_str(&written, "again.toml").unwrap(), d);
}

#[test]
fn a_bare_number_that_is_not_a_value_says_so_at_its_place() {
    let claim = |id: &str, rest: &str| {
        format!("[[claim]]\nid = \"{id}\"\nfigure = \"f\"\nsource = \"s\"\n{rest}\n\n")
    };
    let text = [
        SOURCE.to_owned(),
        FIGURE.to_owned(),
        claim("a", "value = -5"),
        claim("b", "value = nan"),
        claim("c", "value = true"),
        claim(
            "d",
            "value = 1\ncredibility = 9\nreported = 2014-08-05T10:00:00",
        ),
    ]
    .concat();
    assert_eq!(
        problems(&text),
        [
            "d.toml line 15, column 9, field `value`: '-5' is not a value: counts are never negative",
            "d.toml line 21, column 9, field `value`: 'nan' is not a value: 'nan' is not a number \
             or a quantity word, at byte 0",
            "d.toml line 27, column 9, field `value`: invalid type: boolean `true`, expected a \
             string",
            "d.toml line 34, column 15, field `credibility`: '9' is not a value: expected a \
             credibility grade 1-6: `1`, `2`, `3`, `4`, `5`, `6`",
            "d.toml line 35, column 12, field `reported`: '2014-08-05T10:00:00' is not a value: a \
             date is written YYYY, YYYY-MM or YYYY-MM-DD",
        ]
    );
}

/// The worked example dossier, whose claims say "dozens" in the English
/// lexicon's reading.
fn qalamoun() -> Dossier {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/qalamoun-2014.toml"
    );
    Dossier::load(path).unwrap()
}

const DOZENS: &str =
    "[[term]]\nname = \"dozens\"\nstrict = \"30–99\"\npoint = 30\nfrom = \"our style guide\"\n";

#[test]
fn a_term_added_on_its_own_is_refused_not_dropped() {
    let mut d = qalamoun();
    let before = d.to_toml_string().unwrap();
    let err = d.extend_from_toml_str(DOZENS, "terms.toml").unwrap_err();
    assert_eq!(
        err.to_string(),
        "terms.toml line 2, column 8, field `name`: vague term `dozens`: no claim of this file \
         uses it, and a file's terms read only its own values: the dossier's claims keep their \
         reading"
    );
    assert_eq!(err.kind(), reckon::error::ErrorKind::Invalid);
    assert_eq!(d.to_toml_string().unwrap(), before);
}

#[test]
fn a_term_added_with_the_claims_that_use_it_reads_them() {
    // Where the dossier's claims read the word another way, validation
    // refuses the file: a dossier holds one meaning per word.
    let claim = "\n[[claim]]\nid = \"new-dozens\"\nfigure = \"fakiha-rebels-killed\"\n\
                 source = \"article\"\nvalue = \"dozens\"\n";
    let mut d = qalamoun();
    let err = d
        .extend_from_toml_str(&format!("{DOZENS}{claim}"), "terms.toml")
        .unwrap_err();
    assert_eq!(err.kind(), reckon::error::ErrorKind::Mismatch, "{err}");
    assert!(
        err.to_string().starts_with(
            "terms.toml line 11, column 9, field `value`: claim `new-dozens`: it reads 'dozens' \
             as [30, 99] (our style guide)"
        ),
        "{err}"
    );
    // A word the dossier's claims do not use: the term reads the file's
    // claim, and is written back with the dossier.
    let scores = DOZENS.replace("dozens", "scores");
    let claim = claim.replace("dozens", "scores");
    d.extend_from_toml_str(&format!("{scores}{claim}"), "terms.toml")
        .unwrap();
    let value = d.claim(&"new-scores".into()).unwrap().value();
    assert_eq!(value.interval().to_string(), "[30, 99]");
    assert!(d.to_toml_string().unwrap().contains("name = \"scores\""));
}

/// A term whose claim does not read is not said to be used by no claim:
/// the claim's own problem is the one reported.
#[test]
fn a_term_whose_claim_does_not_read_is_not_called_unused() {
    let scores = DOZENS.replace("dozens", "scores");
    for claim in [
        "value = \"scores\"\ncredibility = \"9\"\n",
        "value = \"scores–\"\n",
    ] {
        let text = format!(
            "{scores}\n[[claim]]\nid = \"c\"\nfigure = \"fakiha-rebels-killed\"\n\
             source = \"article\"\n{claim}"
        );
        let err = qalamoun()
            .extend_from_toml_str(&text, "terms.toml")
            .unwrap_err();
        let all: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(all.len(), 1, "{all:#?}");
        assert!(
            !all[0].contains("no claim of this file uses it"),
            "{all:#?}"
        );
    }
}

/// Every key a record does not know is named, each at its place, in one
/// read of the record.
#[test]
fn every_unknown_key_of_a_record_is_named() {
    let keys: String = (0..50).map(|i| format!("k{i} = 1\n")).collect();
    let text = format!("[[source]]\nid = \"a\"\nname = \"A\"\nkind = \"media\"\n{keys}");
    let got = problems(&text);
    assert_eq!(got.len(), 50, "{got:#?}");
    for (i, p) in got.iter().enumerate() {
        let line = i + 5;
        assert!(
            p.starts_with(&format!(
                "d.toml line {line}, column 1: unknown field `k{i}`, expected one of `id`"
            )),
            "{p}"
        );
    }
}

/// A dotted key (`value.x = "5"`) makes a table where a text is needed:
/// one problem, of that field, not a second "missing field" for it.
#[test]
fn a_dotted_key_is_a_problem_of_its_field_alone() {
    let text = "[[source]]\nid = \"s\"\nname = \"S\"\nkind = \"media\"\n\n\
                [[figure]]\nid = \"f\"\nlabel = \"f\"\nmeasure = \"killed\"\n\n\
                [[claim]]\nid = \"c1\"\nfigure = \"f\"\nsource = \"s\"\nvalue.x = \"5\"\n";
    assert_eq!(
        problems(text),
        ["d.toml line 15, column 1, field `value`: invalid type: map, expected a string"]
    );
}

/// A value that names a term which did not read is reported once the term
/// reads; a value that only holds its letters ("fewer" for a term `few`)
/// is reported now.
#[test]
fn a_bad_term_hides_only_the_values_that_name_it() {
    let text = "[[term]]\nname = \"few\"\nstrict = \"zz\"\npoint = 3\nfrom = \"x\"\n\n\
                [[source]]\nid = \"s\"\nname = \"S\"\nkind = \"media\"\n\n\
                [[figure]]\nid = \"f\"\nlabel = \"f\"\nmeasure = \"killed\"\n\n\
                [[claim]]\nid = \"c1\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"a few\"\n\n\
                [[claim]]\nid = \"c2\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"fewer than 5–\"\n";
    let got = problems(text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].starts_with("d.toml line 3, "), "{got:#?}");
    assert!(
        got[1].starts_with("d.toml line 27, column 9, field `value`: 'fewer than 5–'"),
        "{got:#?}"
    );
}

#[test]
fn an_id_given_twice_is_reported_when_one_of_the_two_does_not_read() {
    // The second source's kind does not read, the second claim lacks its
    // value: each is also a second use of an id, said in the same run,
    // not once the first problem is mended.
    let text = format!(
        "{SOURCE}[[source]]\nid = \"s\"\nname = \"again\"\nkind = \"newspaper\"\n\n{FIGURE}\
         [[claim]]\nid = \"c\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"5\"\n\n\
         [[claim]]\nid = \"c\"\nfigure = \"f\"\nsource = \"s\"\n\n\
         [[claim]]\nid = \"c\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"7\"\n"
    );
    let got = problems(&text);
    let duplicates: Vec<&String> = got
        .iter()
        .filter(|m| m.contains("more than once"))
        .collect();
    assert_eq!(
        duplicates,
        [
            "d.toml line 7, column 6, field `id`: source `s`: the id is used more than once, \
             first on line 2",
            "d.toml line 23, column 6, field `id`: claim `c`: the id is used more than once, \
             first on line 17",
            "d.toml line 28, column 6, field `id`: claim `c`: the id is used more than once, \
             first on line 17",
        ],
        "{got:#?}"
    );
    assert_eq!(got.len(), 5, "{got:#?}");
}

#[test]
fn a_value_that_does_not_read_is_reported_with_the_record_s_other_problems() {
    let text = format!(
        "{SOURCE}{FIGURE}[[claim]]\nid = \"c\"\nfigure = \"f\"\nsource = \"s\"\nvalue = \"50–\"\n\
         reported = \"2014-13-45\"\ncredibility = 9\n"
    );
    assert_eq!(
        problems(&text),
        [
            "d.toml line 15, column 9, field `value`: '50–' is not a value: the range has no \
             upper end",
            "d.toml line 16, column 12, field `reported`: '2014-13-45' is not a value: date \
             2014-13-45: there is no such month",
            "d.toml line 17, column 15, field `credibility`: '9' is not a value: expected a \
             credibility grade 1-6: `1`, `2`, `3`, `4`, `5`, `6`",
        ]
    );
}
