//! A macro for enums written as fixed words (`state-media`, `killed`), with
//! `Display`, `FromStr` and serde through those words.

/// Declares a closed enum whose variants are written as the given words.
/// With `open`, a last variant `Other(Box<str>)` takes any other word.
macro_rules! worded_enum {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal { $( $(#[$vdoc:meta])* $variant:ident = $word:literal $(| $alias:literal)* ),+ $(,)? }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word this variant is written as.
            pub fn as_str(&self) -> &'static str {
                match self { $( $name::$variant => $word, )+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(s: &str) -> Result<Self, $crate::Error> {
                let t = s.trim();
                $( if t.eq_ignore_ascii_case($word) $(|| t.eq_ignore_ascii_case($alias))* { return Ok($name::$variant); } )+
                Err($crate::Error::value(
                    s,
                    concat!("expected ", $what, ": ", $crate::model::names::join!($($word),+)),
                ))
            }
        }

        $crate::model::names::serde_via_str!($name);
    };
    (
        open
        $(#[$doc:meta])*
        $name:ident, $what:literal { $( $(#[$vdoc:meta])* $variant:ident = $word:literal $(| $alias:literal)* ),+ $(,)? }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )+
            /// Any other word, lowercase.
            Other(Box<str>),
        }

        impl $name {
            /// The predefined variants, in declaration order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The word this variant is written as.
            pub fn as_str(&self) -> &str {
                match self { $( $name::$variant => $word, )+ $name::Other(s) => s }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Reads a predefined word (or an alias) in any case; any other
        /// non-empty word becomes `Other`, lowercased.
        impl std::str::FromStr for $name {
            type Err = $crate::Error;

            fn from_str(s: &str) -> Result<Self, $crate::Error> {
                let t = s.trim();
                $( if t.eq_ignore_ascii_case($word) $(|| t.eq_ignore_ascii_case($alias))* { return Ok($name::$variant); } )+
                if t.is_empty() {
                    return Err($crate::Error::value(s, concat!("expected ", $what)));
                }
                Ok($name::Other(t.to_lowercase().into()))
            }
        }

        $crate::model::names::serde_via_str!($name);
    };
}

macro_rules! join {
    ($first:literal $(, $rest:literal)*) => { concat!("`", $first, "`" $(, ", `", $rest, "`")*) };
}

macro_rules! serde_via_str {
    ($name:ident) => {
        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use {join, serde_via_str, worded_enum};
