//! Reading English: numbers and number words, the compact value grammar,
//! phrases ("more than a hundred"), and every figure in a paragraph.

pub(crate) mod extract;
pub(crate) mod grammar;
pub(crate) mod lexicon;
pub(crate) mod numeral;
pub(crate) mod parse;
pub(crate) mod prose;
pub(crate) mod token;
pub(crate) mod vocabulary;

pub use extract::{Mention, extract};
pub use lexicon::{Approximator, Hedge, Placement};
pub use parse::{Numeral, NumeralKind, number, numerals, phrase};
