//! Reading figures out of English phrases.

use crate::{Error, Estimate, Lexicon};

/// Reads one phrase ("more than 100", "50–170", "dozens") as an [`Estimate`],
/// with the vague words and tolerance of `lexicon`.
///
/// ```
/// use reckon::{parse, Lexicon};
///
/// let v = parse::phrase("approximately 1,000", Lexicon::shared())?;
/// assert_eq!(v.interval().to_string(), "[900, 1100]");
/// # Ok::<(), reckon::Error>(())
/// ```
///
/// # Errors
/// [`Error::Value`] naming the phrase and what could not be read.
pub fn phrase(text: &str, lexicon: &Lexicon) -> Result<Estimate, Error> {
    lexicon.read(text)
}
