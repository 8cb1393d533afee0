//! Reading a dossier file record by record, so that a record that does not
//! read is reported at its place and hides the problems of no other.
//!
//! The file is parsed once, keeping the place of every key and value; each
//! `[[…]]` table is then read on its own. A key a record does not know is
//! reported and left out, and the record read without it. A record with a
//! value that does not read (a kind or grade that is not one, a string
//! where a list belongs) is reported at that value and left out of the
//! dossier; the id it gives, when it gives one, is kept, so that the records
//! that name it are not reported as naming nothing. Malformed TOML is the
//! one problem: nothing after it can be trusted to be what the user meant.

use std::collections::HashSet;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::records::{ClaimRecord, FigureRecord, TermRecord};
use crate::error::{Location, ProblemsByPlace, Record};
use crate::io::{Lines, lowercase_first, repeated_unread, used_again};
use crate::model::{Unread, VagueTerm};
use crate::{Dossier, Error, Lexicon, Relation, Source, text};

/// What a file holds, read but not validated.
pub(super) struct Read {
    /// The records that read.
    pub(super) dossier: Dossier,
    /// The problems of the records that do not read, and of the values
    /// that do not.
    pub(super) problems: ProblemsByPlace,
    /// Where each record that read is.
    pub(super) places: Places,
    /// The ids of the records that do not read.
    pub(super) unread: Unread,
    /// The file's own vague terms that read, each with its place.
    pub(super) terms: Vec<(VagueTerm, Location)>,
}

/// The kinds of record a file holds, as its tables are named.
const KINDS: [&str; 5] = ["term", "source", "figure", "claim", "relation"];

/// Where a record is: the line of its table, and the line and column at
/// which the value of each of its keys starts.
struct Place {
    line: u64,
    keys: Vec<(String, (u64, u64))>,
}

impl Place {
    /// The line and column of the value of `key`, if the record gives one.
    fn key(&self, key: &str) -> Option<(u64, u64)> {
        self.keys.iter().find(|(k, _)| k == key).map(|(_, at)| *at)
    }
}

/// Where a file's records are, by kind and position, to place the problems
/// validation finds in them.
#[derive(Default)]
pub(super) struct Places {
    name: String,
    sources: Vec<Place>,
    figures: Vec<Place>,
    claims: Vec<Place>,
    relations: Vec<Place>,
    /// Records of each kind that came before this file's (extending a dossier).
    pub(super) before: [usize; 4],
}

impl Places {
    /// Where a record is, when it came from this file.
    fn place(&self, record: Record) -> Option<&Place> {
        let (places, i, before) = match record {
            Record::Source(i) => (&self.sources, i, self.before[0]),
            Record::Figure(i) => (&self.figures, i, self.before[1]),
            Record::Claim(i) => (&self.claims, i, self.before[2]),
            Record::Relation(i) => (&self.relations, i, self.before[3]),
        };
        places.get(i.checked_sub(before)?)
    }

    /// A problem validation found, at its place in this file (when its
    /// record came from it): at the value of the key it is about (a claim's
    /// `source`), named, or else at the line of its record's table; a
    /// duplicate id saying the line of its first use.
    pub(super) fn placed(&self, mut p: Error) -> Error {
        if let Some(first) = p.first_record().and_then(|r| self.place(r)) {
            let line = first.key("id").map_or(first.line, |(line, _)| line);
            p = p.first_on_line(line);
        }
        let Some(place) = p.record().and_then(|r| self.place(r)) else {
            return p;
        };
        let at = Location::file(&self.name);
        let at = match p.record_field().and_then(|k| Some((k, place.key(k)?))) {
            Some((key, (line, column))) => at.with_line(line).with_column(column).with_field(key),
            None => at.with_line(place.line),
        };
        p.at(at)
    }
}

/// One `[[…]]` table of the file, not read yet.
struct Table<'i> {
    span: Range<usize>,
    entries: DeTable<'i>,
}

impl Table<'_> {
    /// The string given under `key`, if there is one.
    fn text(&self, key: &str) -> Option<&str> {
        self.entries.get(key).and_then(|v| v.get_ref().as_str())
    }
}

/// Reads a file: its records, each on its own, its `[[term]]`s first, as
/// the file's values are read with the English lexicon and those terms.
///
/// # Errors
/// Only for malformed TOML; every other problem is in what it returns.
pub(super) fn read_toml(text: &str, name: &str) -> Result<Read, Error> {
    let mut r = Reader {
        name,
        lines: Lines::new(text),
        problems: ProblemsByPlace::default(),
    };
    let root = DeTable::parse(text).map_err(|e| r.toml_error(&e))?;
    let mut tables: [Vec<Table<'_>>; 5] = Default::default();
    for (key, value) in root.into_inner() {
        match KINDS.iter().position(|k| key.get_ref().as_ref() == *k) {
            Some(kind) => r.tables(key.get_ref(), value, &mut tables[kind]),
            None => r.problems.push(
                Error::key(format!(
                    "unknown field `{}`, expected one of `term`, `source`, `figure`, `claim`, `relation`",
                    key.get_ref()
                ))
                .at(r.at(key.span().start)),
            ),
        }
    }
    let [terms, sources, figures, claims, relations] = tables;
    let mut places = Places {
        name: name.to_owned(),
        ..Places::default()
    };
    let mut unread = Unread::default();
    let mut d = Dossier::new();

    let Terms {
        lexicon,
        own: terms,
        unread: unread_terms,
    } = r.terms(&terms);
    let mut read = Vec::with_capacity(sources.len());
    for t in &sources {
        let s = r.record::<Source>(t, &[]);
        read.push(s.is_some());
        match s {
            Some(s) => {
                places.sources.push(r.place(t));
                d.add_source(s);
            }
            None => unread.sources.extend(t.text("id").map(Into::into)),
        }
    }
    r.unread_duplicates(&sources, &read, "source");
    read.clear();
    for t in &figures {
        let f = r.record::<FigureRecord>(t, &["period"]);
        read.push(f.is_some());
        match f {
            Some(f) => {
                places.figures.push(r.place(t));
                d.add_figure(f.into());
            }
            None => unread.figures.extend(t.text("id").map(Into::into)),
        }
    }
    r.unread_duplicates(&figures, &read, "figure");
    read.clear();
    for t in &claims {
        let c = r.record::<ClaimRecord>(t, &["value", "credibility", "reported"]);
        read.push(c.is_some());
        // A value that names a term that does not read is not reported
        // again: it reads once the term does.
        let value_problem = |r: &mut Reader<'_>, text: &str, error: Option<Error>| {
            let names_unread_term = || {
                let text = text.to_lowercase();
                unread_terms
                    .iter()
                    .any(|t| names_word(&text, &t.to_lowercase()))
            };
            if let Some(e) = error.filter(|_| !names_unread_term()) {
                let at = r.at_key(t, "value").unwrap_or_else(|| r.at(t.span.start));
                r.problems.push(e.at(at));
            }
        };
        let Some(c) = c else {
            unread.claims.extend(t.text("id").map(Into::into));
            // The value is read all the same, so that its problem comes
            // with the record's others, not once they are mended.
            if let Some(text) = t.text("value") {
                value_problem(&mut r, text, text::phrase(text, &lexicon).err());
            }
            continue;
        };
        let text = c.value.clone();
        let (claim, error) = c.into_claim(&lexicon);
        value_problem(&mut r, &text, error);
        places.claims.push(r.place(t));
        d.add_claim(claim);
    }
    r.unread_duplicates(&claims, &read, "claim");
    for t in &relations {
        if let Some(rel) = r.record::<Relation>(t, &[]) {
            places.relations.push(r.place(t));
            d.relate(rel);
        }
    }
    Ok(Read {
        dossier: d,
        problems: r.problems,
        places,
        unread,
        terms,
    })
}

/// The vague terms of a file.
struct Terms {
    /// The English lexicon with the file's terms.
    lexicon: Lexicon,
    /// The file's terms that read, each with its place.
    own: Vec<(VagueTerm, Location)>,
    /// The names of the file's terms that do not read.
    unread: HashSet<String>,
}

/// What reads a file: its name and lines, to place problems, and the
/// problems found.
struct Reader<'a> {
    name: &'a str,
    lines: Lines<'a>,
    problems: ProblemsByPlace,
}

impl<'i> Reader<'_> {
    /// The line and column of a byte offset in the file.
    fn at(&self, offset: usize) -> Location {
        let (line, column) = self.lines.at(offset);
        Location::file(self.name)
            .with_line(line)
            .with_column(column)
    }

    /// Malformed TOML, at its place.
    fn toml_error(&self, e: &toml::de::Error) -> Error {
        let error = Error::syntax(lowercase_first(e.message().trim_end()));
        match e.span() {
            Some(span) => error.at(self.at(span.start)),
            None => error.at(Location::file(self.name)),
        }
    }

    /// Where a record and the value of each of its keys are.
    fn place(&self, t: &Table<'_>) -> Place {
        Place {
            line: self.lines.at(t.span.start).0,
            keys: t
                .entries
                .iter()
                .map(|(k, v)| (k.get_ref().to_string(), self.lines.at(v.span().start)))
                .collect(),
        }
    }

    /// Reports an id given twice where one of the two records did not
    /// read, which validation, seeing only the records that read, cannot.
    /// `read` says, for each of `tables`, whether its record read.
    fn unread_duplicates(&mut self, tables: &[Table<'_>], read: &[bool], what: &str) {
        let uses = tables.iter().zip(read).map(|(t, &read)| {
            // The line of the id, as validation says it.
            let at = t.entries.get("id").map_or(t.span.start, |v| v.span().start);
            (t.text("id"), self.lines.at(at).0, read)
        });
        for (i, id, first) in repeated_unread(uses.collect::<Vec<_>>()) {
            let Some(t) = tables.get(i) else { continue };
            let at = self
                .at_key(t, "id")
                .unwrap_or_else(|| self.at(t.span.start));
            self.problems
                .push(used_again(format!("{what} `{id}`"), first).at(at));
        }
    }

    /// Where the value of a record's key is, the key named.
    fn at_key(&self, t: &Table<'_>, key: &str) -> Option<Location> {
        let (_, value) = t.entries.get_key_value(key)?;
        Some(self.at(value.span().start).with_field(key))
    }

    /// The tables given under the key `kind`: an array of tables, as
    /// `[[kind]]` writes it (or `kind = [{ … }]`).
    fn tables(&mut self, kind: &str, value: Spanned<DeValue<'i>>, out: &mut Vec<Table<'i>>) {
        let at = value.span().start;
        match value.into_inner() {
            DeValue::Array(items) => {
                for item in items {
                    let span = item.span();
                    match item.into_inner() {
                        DeValue::Table(entries) => out.push(Table { span, entries }),
                        other => self.problems.push(
                            Error::syntax(format!(
                                "a {kind} is a table, not {}: write it under `[[{kind}]]`",
                                a_type(&other)
                            ))
                            .at(self.at(span.start)),
                        ),
                    }
                }
            }
            DeValue::Table(_) => self.problems.push(
                Error::syntax(format!(
                    "`[{kind}]` is one table, but each {kind} is a table of its own: write `[[{kind}]]`"
                ))
                .at(self.at(at)),
            ),
            other => self.problems.push(
                Error::syntax(format!(
                    "`{kind}` is {}, but each {kind} is a table: write it under `[[{kind}]]`",
                    a_type(&other)
                ))
                .at(self.at(at)),
            ),
        }
    }

    /// The file's vague terms, in a lexicon with the English one, and
    /// each with its place; and the names of those that do not read.
    fn terms(&mut self, tables: &[Table<'i>]) -> Terms {
        let mut own: Vec<(VagueTerm, u64, Location)> = Vec::with_capacity(tables.len());
        let mut unread = HashSet::new();
        for t in tables {
            let line = self.lines.at(t.span.start).0;
            let at = Location::file(self.name).with_line(line);
            let term = self
                .record::<TermRecord>(t, &["strict", "lenient", "point"])
                .map(|r| r.to_term());
            match term {
                None => unread.extend(t.text("name").map(str::to_owned)),
                Some(Err(e)) => {
                    unread.extend(t.text("name").map(str::to_owned));
                    let at_key = e.record_field().and_then(|k| self.at_key(t, k));
                    self.problems.push(e.at(at_key.unwrap_or(at)));
                }
                Some(Ok(term)) => match own.iter().find(|(o, ..)| o.name() == term.name()) {
                    Some((_, first, _)) => self.problems.push(
                        Error::duplicate(
                            format!("vague term `{}`", term.name()),
                            format!("it is defined twice, here and on line {first}"),
                        )
                        .at(at),
                    ),
                    None => {
                        let named = self.at_key(t, "name").unwrap_or(at);
                        own.push((term, line, named));
                    }
                },
            }
        }
        let lexicon = Lexicon::english().with_terms(own.iter().map(|(t, ..)| t.clone()));
        Terms {
            lexicon,
            own: own.into_iter().map(|(t, _, at)| (t, at)).collect(),
            unread,
        }
    }

    /// Reads one record as a `T`, or reports why it does not read.
    ///
    /// Serde stops at the first problem of a record, so the record is read
    /// again without the key that problem is at, until it reads or a
    /// problem is at no key: a key the record does not know is left out,
    /// and the record reads without it; a value that does not read is
    /// reported, and the record does not read. `None` when it does not.
    /// The values of the keys in `text` are read as the text they are
    /// written as (see [`as_text`]).
    fn record<T: Deserialize<'i>>(&mut self, t: &Table<'i>, text: &[&str]) -> Option<T> {
        // The keys left out, and of those the ones whose value did not read.
        let mut left_out: Vec<String> = Vec::new();
        let mut bad: Vec<String> = Vec::new();
        // Each pass leaves out one more key of the record, so the passes end.
        loop {
            let mut entries = t.entries.clone();
            as_text(&mut entries, text);
            for key in &left_out {
                entries.remove(key.as_str());
            }
            let table = Spanned::new(t.span.clone(), DeValue::Table(entries));
            let e = match T::deserialize(ValueDeserializer::from(table)) {
                Ok(record) => return bad.is_empty().then_some(record),
                Err(e) => e,
            };
            let message = lowercase_first(e.message().trim_end());
            if let Some((key, at)) = unknown_key(&t.entries, &e) {
                // serde names the keys the record knows: every other key is
                // left out at once, not one pass each (a record of 15,000
                // unknown keys took 21.5 s so).
                let expected = message.split_once("`, ").map(|(_, rest)| rest.to_owned());
                self.problems.push(Error::key(message).at(self.at(at)));
                left_out.push(key);
                if let Some(expected) = expected.filter(|r| r.starts_with("expected")) {
                    let mut known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
                    // A record serde reads through its buffer (no span) is
                    // a relation, whose tag its list leaves out.
                    if e.span().is_none() {
                        known.push("kind");
                    }
                    for (k, _) in t.entries.iter() {
                        let name = k.get_ref().as_ref();
                        if !known.contains(&name) && !left_out.iter().any(|l| l == name) {
                            let message = format!("unknown field `{name}`, {expected}");
                            self.problems
                                .push(Error::key(message).at(self.at(k.span().start)));
                            left_out.push(name.to_owned());
                        }
                    }
                }
                continue;
            }
            let span = e.span().unwrap_or(t.span.clone());
            let value_of = t
                .entries
                .iter()
                .find(|(k, v)| v.span().contains(&span.start) || k.span() == span)
                .map(|(k, _)| k.get_ref().to_string());
            if let Some(key) = value_of {
                let at = self.at(span.start).with_field(key.as_str());
                self.problems.push(Error::syntax(message).at(at));
                left_out.push(key.clone());
                bad.push(key);
                continue;
            }
            // serde's words for a key the record needs: one whose value
            // did not read was reported already.
            let missing = |k: &String| message == format!("missing field `{k}`");
            if !bad.iter().any(missing) {
                let e = if message.starts_with("missing field `") {
                    Error::key(message)
                } else {
                    Error::syntax(message)
                };
                self.problems.push(e.at(self.at(span.start)));
            }
            return None;
        }
    }
}

/// A TOML value's type with its article: "an integer", "a string".
fn a_type(value: &DeValue<'_>) -> String {
    let t = value.type_str();
    let article = if t.starts_with(['a', 'i']) { "an" } else { "a" };
    format!("{article} {t}")
}

/// Whether `text` holds `word` as a word of its own (a term named `few`
/// is not in "fewer than 5–"), not only as letters of a longer word.
fn names_word(text: &str, word: &str) -> bool {
    let apart = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    !word.is_empty()
        && text.match_indices(word).any(|(i, _)| {
            let (before, after) = (&text[..i], &text[i + word.len()..]);
            apart(before.chars().next_back()) && apart(after.chars().next())
        })
}

/// The key a record does not know that `e` is about, and where it is: the
/// key `e` is placed at or, for records read through serde's buffer (a
/// relation, tagged by its `kind`), the key serde's message names.
fn unknown_key(entries: &DeTable<'_>, e: &toml::de::Error) -> Option<(String, usize)> {
    let at = |k: &Spanned<std::borrow::Cow<'_, str>>| (k.get_ref().to_string(), k.span().start);
    // At a key, serde may also be saying its value is of the wrong type
    // (`value.x = "5"`, a table): that is the value's problem.
    let unknown = e.message().starts_with("unknown field `");
    if let Some(span) = e.span().filter(|_| unknown) {
        if let Some((k, _)) = entries.iter().find(|(k, _)| k.span() == span) {
            return Some(at(k));
        }
    }
    let name = e
        .message()
        .strip_prefix("unknown field `")?
        .split('`')
        .next()?;
    entries.keys().find(|k| k.get_ref() == name).map(at)
}

/// Gives the values of `keys` that are TOML numbers or dates as the text
/// they are written as, for the keys the model reads from text that a user
/// naturally writes bare: `value = 20`, `credibility = 3`, `reported =
/// 2014-08-05`, a term's `point = 24.5`. A number is never read through a
/// float: `0.1` is the text `0.1` (a float would be
/// 0.1000000000000000055…), and `1_000` the text `1000`. Written back, the
/// values are strings again.
fn as_text(entries: &mut DeTable<'_>, keys: &[&str]) {
    for (key, value) in entries.iter_mut() {
        if !keys.contains(&key.get_ref().as_ref()) {
            continue;
        }
        let text = match value.get_ref() {
            DeValue::Integer(n) => {
                // `+20`, `0x14`: the decimal digits of the integer.
                i128::from_str_radix(n.as_str(), n.radix())
                    .map_or_else(|_| n.as_str().to_owned(), |n| n.to_string())
            }
            // `+1.5` as `1.5`, as `+20` is `20`.
            DeValue::Float(f) => f.as_str().trim_start_matches('+').to_owned(),
            DeValue::Datetime(d) => d.to_string(),
            _ => continue,
        };
        *value.get_mut() = DeValue::String(text.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_named_as_a_word_not_as_letters_of_one() {
        assert!(names_word("scores", "scores"));
        assert!(names_word("a handful or so", "a handful"));
        assert!(!names_word("fewer than 5–", "few"));
        assert!(names_word("a few–", "few"));
        assert!(!names_word("dozens", "dozen"));
        assert!(!names_word("5", ""));
    }

    #[test]
    fn bare_numbers_and_dates_of_the_keys_named_are_read_as_their_text() {
        let text = "a = +20\nb = 0x14\nc = 1_000.5e3\nd = 2014-08-05\ne = 7\nf = true\ng = +1.5\n";
        let mut t = DeTable::parse(text).unwrap().into_inner();
        as_text(&mut t, &["a", "b", "c", "d", "f", "g"]);
        let text_of = |k: &str| t.get(k).and_then(|v| v.get_ref().as_str());
        assert_eq!(text_of("a"), Some("20"));
        assert_eq!(text_of("b"), Some("20"));
        assert_eq!(text_of("c"), Some("1000.5e3"));
        assert_eq!(text_of("d"), Some("2014-08-05"));
        assert_eq!(text_of("g"), Some("1.5"));
        // A key not named, and a value that is not a number or a date, stay.
        assert!(t.get("e").is_some_and(|v| v.get_ref().is_integer()));
        assert!(t.get("f").is_some_and(|v| v.get_ref().is_bool()));
    }
}
