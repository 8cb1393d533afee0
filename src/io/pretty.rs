//! The report's indented JSON written straight into bytes: byte for byte
//! what `serde_json`'s pretty printer writes for the objects of the
//! contract (two spaces a level, `"key": value`, each member and element on
//! a line of its own, `[]` and `{}` when empty), with the values written as
//! the compact writer writes them (`io::compact`). The report's tests hold
//! the two to it, on the Qalamoun dossier and on any claims table.
//!
//! Through `serde_json` (its pretty printer, behind a writer that indented
//! each figure as an element of the report's array), `reconcile --pretty`
//! of 10^5 claims took 377 ms of CPU time, three times `--json`'s; written
//! so, 157 ms, against 124 ms for `--json` (whose text is half as long;
//! medians of 20 alternating runs, the same bytes). 4.09 M claims on two
//! cores: 14.8 s -> 6.3 s (4.7 s for `--json`).

use std::convert::Infallible;
use std::fmt::Display;

use rust_decimal::Decimal;
use serde::Serialize;

use super::compact;
use crate::Interval;
use crate::reconcile::pieces::Pieces;
use crate::reconcile::wire::{Fields, Object};

/// Appends an object of the contract to `out`, indented as `serde_json`'s
/// pretty printer indents it when the object is an element `level` deep
/// (an element of the report's array is one level deep: its members are
/// two levels, four spaces, in).
pub(crate) fn object(out: &mut Vec<u8>, o: &impl Object, level: usize) {
    Pretty { out, level }.object(o);
}

/// The writer: where it writes, and how deep the members it writes are.
struct Pretty<'a> {
    out: &'a mut Vec<u8>,
    /// The level of the object or array being written; its members are
    /// one level further in.
    level: usize,
}

impl Pretty<'_> {
    /// A line break and the indentation of `level`.
    fn line(&mut self, level: usize) {
        self.out.push(b'\n');
        for _ in 0..level {
            self.out.extend_from_slice(b"  ");
        }
    }

    /// `o` as an object. Each member is written with a comma before it;
    /// the first one's comma becomes the opening brace, as in the compact
    /// writer, so that no member has to know whether it is the first.
    fn object(&mut self, o: &impl Object) {
        let start = self.out.len();
        self.level += 1;
        let Ok(()) = o.fields(self);
        self.level -= 1;
        self.close(start, b'{', b'}');
    }

    /// The items of an array, each written by `each` on a line of its own.
    fn array<T>(&mut self, items: impl Iterator<Item = T>, mut each: impl FnMut(&mut Self, T)) {
        let start = self.out.len();
        self.level += 1;
        for item in items {
            self.out.push(b',');
            self.line(self.level);
            each(self, item);
        }
        self.level -= 1;
        self.close(start, b'[', b']');
    }

    /// Ends an object or array whose members began at `start`: the first
    /// member's comma made the `open` bracket, and the `close` one on a
    /// line of its own; `open` and `close` together when there was none.
    fn close(&mut self, start: usize, open: u8, close: u8) {
        match self.out.get_mut(start) {
            Some(comma) => {
                *comma = open;
                self.line(self.level);
            }
            None => self.out.push(open),
        }
        self.out.push(close);
    }

    /// A comma, then the key on a line of its own.
    fn key(&mut self, key: &'static str) {
        self.out.push(b',');
        self.line(self.level);
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\": ");
    }
}

impl Fields for Pretty<'_> {
    type Error = Infallible;

    fn str(&mut self, key: &'static str, v: &str) -> Result<(), Infallible> {
        self.key(key);
        compact::string(self.out, v);
        Ok(())
    }

    fn opt_str(&mut self, key: &'static str, v: Option<&str>) -> Result<(), Infallible> {
        self.key(key);
        match v {
            Some(v) => compact::string(self.out, v),
            None => self.out.extend_from_slice(b"null"),
        }
        Ok(())
    }

    fn word(&mut self, key: &'static str, v: &'static str) -> Result<(), Infallible> {
        self.str(key, v)
    }

    fn text(&mut self, key: &'static str, v: &dyn Display) -> Result<(), Infallible> {
        self.key(key);
        compact::text(self.out, v);
        Ok(())
    }

    fn pieces<T: Pieces>(&mut self, key: &'static str, v: &T) -> Result<(), Infallible> {
        self.key(key);
        compact::sentence(self.out, v);
        Ok(())
    }

    fn dec(&mut self, key: &'static str, v: Decimal) -> Result<(), Infallible> {
        self.key(key);
        compact::dec(self.out, v);
        Ok(())
    }

    fn opt_dec(&mut self, key: &'static str, v: Option<Decimal>) -> Result<(), Infallible> {
        self.key(key);
        compact::opt_dec(self.out, v);
        Ok(())
    }

    fn opt_iv(&mut self, key: &'static str, v: Option<Interval>) -> Result<(), Infallible> {
        self.key(key);
        match v {
            Some(v) => {
                let ends = [Some(v.low()), v.high()];
                self.array(ends.into_iter(), |p, end| compact::opt_dec(p.out, end));
            }
            None => self.out.extend_from_slice(b"null"),
        }
        Ok(())
    }

    fn uint(&mut self, key: &'static str, v: u64) -> Result<(), Infallible> {
        self.key(key);
        self.out
            .extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
        Ok(())
    }

    fn bool(&mut self, key: &'static str, v: bool) -> Result<(), Infallible> {
        self.key(key);
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn ids<T: AsRef<str>>(&mut self, key: &'static str, v: &[T]) -> Result<(), Infallible> {
        self.key(key);
        self.array(v.iter(), |p, id| compact::string(p.out, id.as_ref()));
        Ok(())
    }

    fn texts<T: Pieces>(&mut self, key: &'static str, v: &[T]) -> Result<(), Infallible> {
        self.key(key);
        self.array(v.iter(), |p, t| compact::sentence(p.out, t));
        Ok(())
    }

    fn objects<T: Object + Serialize>(
        &mut self,
        key: &'static str,
        v: impl Iterator<Item = T>,
    ) -> Result<(), Infallible> {
        self.key(key);
        self.array(v, |p, o| p.object(&o));
        Ok(())
    }

    fn object<T: Object + Serialize>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Infallible> {
        self.key(key);
        Pretty::object(self, v);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An object of every kind of member, nested: what `serde_json`'s
    /// pretty printer writes for it through the contract's serde path.
    struct Sample {
        ids: Vec<&'static str>,
        inner: Vec<Sample>,
    }

    impl Object for Sample {
        fn fields<F: Fields>(&self, f: &mut F) -> Result<(), F::Error> {
            f.str("name", "a \"quoted\"\tname")?;
            f.opt_str("none", None)?;
            f.word("word", "used")?;
            f.text("text", &"50–170")?;
            f.dec("dec", Decimal::new(70, 3))?;
            f.opt_dec("no_dec", None)?;
            f.iv("iv", Interval::at_least(Decimal::from(100)).unwrap())?;
            f.opt_iv("no_iv", None)?;
            f.uint("uint", 42)?;
            f.bool("bool", false)?;
            f.ids("ids", &self.ids)?;
            f.objects("inner", self.inner.iter())?;
            f.object("empty", &Empty)
        }
    }

    impl Serialize for Sample {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use crate::reconcile::wire::{MapPut, Serde};
            use serde::ser::SerializeMap;
            let mut map = s.serialize_map(None)?;
            self.fields(&mut Serde(MapPut(&mut map)))?;
            map.end()
        }
    }

    struct Empty;

    impl Object for Empty {
        fn fields<F: Fields>(&self, _: &mut F) -> Result<(), F::Error> {
            Ok(())
        }
    }

    impl Serialize for Empty {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            s.serialize_map(Some(0))?.end()
        }
    }

    #[test]
    fn every_kind_of_member_is_indented_as_serde_json_indents_it() {
        let sample = Sample {
            ids: vec!["L2", "L3"],
            inner: vec![
                Sample {
                    ids: vec![],
                    inner: vec![],
                },
                Sample {
                    ids: vec!["x"],
                    inner: vec![],
                },
            ],
        };
        let mut ours = Vec::new();
        object(&mut ours, &sample, 0);
        let theirs = serde_json::to_string_pretty(&sample).unwrap();
        assert_eq!(String::from_utf8(ours).unwrap(), theirs);
        assert!(theirs.contains("\"ids\": []"), "{theirs}");
        assert!(theirs.contains("\"empty\": {}"), "{theirs}");
    }

    #[test]
    fn an_object_deeper_in_is_indented_further() {
        let mut out = Vec::new();
        object(&mut out, &Empty, 3);
        assert_eq!(out, b"{}");
        let sample = Sample {
            ids: vec!["a"],
            inner: vec![],
        };
        let mut out = Vec::new();
        object(&mut out, &sample, 1);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\n    \"name\": "), "{text}");
        assert!(
            text.contains("\n    \"ids\": [\n      \"a\"\n    ],"),
            "{text}"
        );
        assert!(text.ends_with("\n  }"), "{text}");
    }
}
