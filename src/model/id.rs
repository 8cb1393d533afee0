//! Newtype identifiers for sources, figures, claims and sides.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Cheap to clone (a shared string). Compared, hashed and ordered as its text.
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(transparent))]
        pub struct $name(Arc<str>);

        impl $name {
            /// An id with this text.
            pub fn new(id: &str) -> Self {
                $name(Arc::from(id))
            }

            /// The id's text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{:?}", &*self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name::new(s)
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                $name(Arc::from(s))
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// Identifies a [`Source`](crate::Source) in a dossier: `hezbollah-sources`.
    SourceId
);
id_type!(
    /// Identifies a [`Figure`](crate::Figure) in a dossier: `jobeh-rebels-killed`.
    FigureId
);
id_type!(
    /// Identifies a [`Claim`](crate::Claim) in a dossier; stable across edits.
    ClaimId
);
id_type!(
    /// A side of a conflict (`government`, `rebels`), to which sources and
    /// counted parties belong. Two sides are the same when their text is.
    Side
);
