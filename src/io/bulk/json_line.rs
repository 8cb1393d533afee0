//! One line of JSON Lines input read as a claim's three fields: an object
//! with `figure`, `source` and `value`, the value a string or a number.

use std::borrow::Cow;

use crate::Error;

/// 2⁵³: below it, a float holds every whole number exactly.
const EXACT_IN_FLOAT: f64 = 9_007_199_254_740_992.0;

/// One line of JSON Lines input.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonClaim<'a> {
    #[serde(borrow)]
    figure: Cow<'a, str>,
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    value: JsonValue<'a>,
}

/// A JSON Lines value: text, or a whole number.
#[derive(serde::Deserialize)]
#[serde(
    untagged,
    expecting = "`value` is neither a string (\"50–170\") nor a number"
)]
enum JsonValue<'a> {
    Text(#[serde(borrow)] Cow<'a, str>),
    Whole(u64),
    Negative(i64),
    Fraction(f64),
}

/// A claim's fields as a line gives them, the value as text.
pub(super) struct Fields<'a> {
    pub(super) figure: Cow<'a, str>,
    pub(super) source: Cow<'a, str>,
    pub(super) value: Cow<'a, str>,
}

/// Why a line is no claim, and where on it: the byte column (none at the
/// line's end) and the key.
pub(super) struct Misread {
    pub(super) error: Error,
    pub(super) column: Option<u64>,
    pub(super) field: Option<&'static str>,
}

/// Reads `line`, without its line break, as a claim.
pub(super) fn read(line: &[u8]) -> Result<Fields<'_>, Misread> {
    // serde reads a struct from an array too: a line must be an object.
    if line.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(Misread {
            error: Error::syntax(
                "not a JSON object: each line holds one, with `figure`, `source` and `value`",
            ),
            column: None,
            field: None,
        });
    }
    let parsed: JsonClaim<'_> = serde_json::from_slice(line).map_err(|e| {
        let reason = reason(&e);
        // A value of the wrong type: the key it is given under (a key
        // missing or unknown is named in the reason). serde reads the whole
        // of a `value` it cannot take, an object's keys included, before it
        // says so.
        let field = if reason.contains("is neither") {
            Some("value")
        } else if reason.starts_with("invalid") {
            key_before(line, e.column())
        } else {
            None
        };
        Misread {
            error: Error::syntax(reason),
            // At the end of the line there is no column to give.
            column: (!e.is_eof()).then_some(e.column() as u64),
            field,
        }
    })?;
    let value = match parsed.value {
        JsonValue::Text(t) => t,
        JsonValue::Whole(n) => Cow::Owned(n.to_string()),
        JsonValue::Negative(n) => Cow::Owned(n.to_string()),
        // A count written as a float (`12.0`, `1e3`: what a table with
        // gaps is exported as) is the whole number it is, when a float
        // holds every digit of it.
        JsonValue::Fraction(x) if x.fract() == 0.0 && x.abs() < EXACT_IN_FLOAT => {
            // `-0.0` is 0; below 2⁵³, `{:.0}` writes the exact digits.
            Cow::Owned(if x == 0.0 {
                "0".to_owned()
            } else {
                format!("{x:.0}")
            })
        }
        JsonValue::Fraction(x) => {
            let reason = if x.fract() == 0.0 {
                "a number this large is written as a string (\"100000000000000000000\"), \
                 so that no digit is lost"
            } else {
                "a fraction is written as a string (\"0.5\"), so that no digit is lost"
            };
            return Err(Misread {
                error: Error::value(&number_text(line).unwrap_or_else(|| x.to_string()), reason),
                column: None,
                field: Some("value"),
            });
        }
    };
    Ok(Fields {
        figure: parsed.figure,
        source: parsed.source,
        value,
    })
}

/// The text of a JSON line's `value` as written: a number a float cannot
/// hold (`123456789012345678901`) is quoted so in the error that asks for
/// it as a string, not as the float reads it (`123456789012345680000`).
fn number_text(line: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Value<'a> {
        #[serde(borrow)]
        value: &'a serde_json::value::RawValue,
    }
    let v: Value<'_> = serde_json::from_slice(line).ok()?;
    Some(v.value.get().to_owned())
}

/// The key of a claim's JSON object (`figure`, `source`, `value`) given
/// last up to byte column `column` (1-based) of `line`: the key of the
/// value serde stopped at there.
fn key_before(line: &[u8], column: usize) -> Option<&'static str> {
    let before = line.get(..column).unwrap_or(line);
    ["figure", "source", "value"]
        .into_iter()
        .filter_map(|key| {
            let quoted = format!("\"{key}\"");
            let at = before
                .windows(quoted.len())
                .enumerate()
                .rev()
                .find(|(i, w)| {
                    *w == quoted.as_bytes() && {
                        let rest = before.get(i + quoted.len()..).unwrap_or_default();
                        rest.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b':')
                    }
                })
                .map(|(i, _)| i)?;
            Some((at, key))
        })
        .max()
        .map(|(_, key)| key)
}

/// Why a line is not a claim's JSON object, without the position
/// `serde_json` adds (the error's location gives it, in the whole input):
/// "not JSON: expected value", "missing field `value`".
fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let reason = super::super::lowercase_first(text.strip_suffix(&suffix).unwrap_or(&text));
    match e.classify() {
        serde_json::error::Category::Syntax => format!("not JSON: {reason}"),
        serde_json::error::Category::Eof => "not JSON: the line ends inside its object".to_owned(),
        serde_json::error::Category::Data | serde_json::error::Category::Io => reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_no_type_a_claim_takes_is_named_whatever_it_holds() {
        for line in [
            br#"{"figure":"f","source":"a","value":{"figure":1}}"#.as_slice(),
            br#"{"figure":"f","source":"a","value":[{"source":"x"}]}"#,
            br#"{"figure":"f","value":true,"source":"a"}"#,
        ] {
            let Err(m) = read(line) else {
                panic!("no value")
            };
            assert_eq!(m.field, Some("value"), "{}", String::from_utf8_lossy(line));
        }
    }

    #[test]
    fn the_key_before_an_error_is_the_last_key_given_not_a_word_in_a_string() {
        let line = br#"{"figure" : "\"value\": 1", "source": [1]}"#;
        let at = line.iter().position(|&b| b == b'[').unwrap() + 1;
        assert_eq!(key_before(line, at), Some("source"));
        assert_eq!(key_before(br#"{"figure":"f""#, 13), Some("figure"));
        assert_eq!(key_before(b"{", 1), None);
        let Err(m) = read(line) else {
            panic!("an array is no source")
        };
        assert_eq!(m.field, Some("source"));
        assert!(m.column.is_some());
    }
}
