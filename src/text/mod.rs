//! Reading English: one phrase as a value ("more than a hundred"), one
//! number ("one hundred and five"), every number in running text, and every
//! figure in a paragraph with its unit, noun phrase, measure and speaker.
//!
//! - [`phrase`] reads one phrase as an [`Estimate`]: "more than 100",
//!   "between 25 and 28", "two or three", "5-6 thousand", "about 70",
//!   "3,000 or so", "several hundred", "more than a dozen", "none".
//! - [`number`] reads one number, signed: "one hundred and five", "-504",
//!   "1.5 million", "two thirds", "forty-five (45)".
//! - [`numerals`] finds every number in running text, dates and
//!   identifiers included, as a [`Numeral`].
//! - [`extract`] finds the figures, as [`Mention`]s, each with the
//!   [`Speaker`] its sentence names; [`Drafter`] turns them into
//!   [`DraftClaim`]s, the rows of a claims table, attributed to their
//!   speakers or waiting for a source; [`DossierDrafter`] turns an article
//!   into a draft dossier (sources, figures and claims, reusing a dossier's
//!   sources, sides and own measure words if given one), with the claims it could attribute
//!   only to the article flagged.
//! - The vague words and approximators are the [`Lexicon`]'s
//!   ([`Approximator`], [`Hedge`], [`Placement`]).
//!
//! ```
//! use reckon::text;
//! use reckon::{Lexicon, Measure};
//!
//! let text = "20 Lebanese soldiers killed, 85 wounded and 24 captured (14 released, 4 executed)";
//! let found = text::extract(text, Lexicon::shared());
//! let read: Vec<_> = found
//!     .iter()
//!     .map(|m| (m.text(), m.noun(), m.measure().map(Measure::as_str)))
//!     .collect();
//! assert_eq!(read, [
//!     ("20", Some("Lebanese soldiers"), Some("killed")),
//!     ("85", None, Some("wounded")),
//!     ("24", None, Some("captured")),
//!     ("14", None, Some("released")),
//!     ("4", None, Some("executed")),
//! ]);
//! assert_eq!(text::phrase("more than a dozen", Lexicon::shared())?.to_string(), ">12");
//! # Ok::<(), reckon::Error>(())
//! ```
//!
//! # How phrases read
//!
//! Intervals follow the project's reading table ([design notes §3](crate::design)): ranges
//! include both ends; "more than n" and "fewer than n" are strict and count
//! whole things ("more than 100" is `[101, ∞)`); "at least", "up to", "n or
//! more" are inclusive; approximators ("about", "some", "c.", "~", "or so")
//! and vague words ("dozens", "a few", "several hundred") come from the
//! [`Lexicon`], with their provenance. A vague word under a bound reads
//! through its conventional point: "more than a dozen" is more than 12.
//! "no" and "none" are zero; "unknown" is unknown, which is not zero.
//!
//! | phrase | interval |
//! |---|---|
//! | `12,000`, `twelve thousand`, `1.2k` | `[12000, 12000]` |
//! | `1.2m Syrians`, `£1.2m` (a million before people or after a currency sign; `a 10m wall` is metres) | `[1200000, 1200000]` |
//! | `50–170`, `from 50 to 170`, `between 50 and 170` | `[50, 170]` |
//! | `rose from 1,200 to 1,240`, `rose by 40 to 1,240` (a change, in running text) | two figures, each a number |
//! | `two or three`, `two to three hundred`, `5-6 thousand` | `[2, 3]`, `[200, 300]`, `[5000, 6000]` |
//! | `more than 100`, `over 100` | `[101, ∞)` |
//! | `at least 18`, `18 or more`, `18+` | `[18, ∞)` |
//! | `fewer than 10`, `under 10` | `[0, 9]` |
//! | `up to 30`, `no more than 30` | `[0, 30]` |
//! | `more than 10 and fewer than 20` | `[11, 19]` |
//! | `about 70`, `some 70`, `70 or so` | `[63, 77]` (default tolerance) |
//! | `nearly 300`, `almost 300` | `[270, 299]` |
//! | `dozens`, `several hundred` | `[24, 119]`, `[300, 999]` |
//! | `a few dozen`, `a couple of dozen`, `several hundred thousand` (a term times each larger scale after it) | `[24, 60]`, `[24, 24]`, `[300000, 999000]` |
//! | `no`, `none`, `zero` | `[0, 0]` |
//!
//! # What is a figure
//!
//! [`extract`] reports a count, measure or share of something, stated with
//! a number or a quantity word: "50–170 rebels", "more than 100 people",
//! "dozens of rebels", "a 24-hour cease-fire", "more than half of the
//! fighters", "Unknown Syrian and Hezbollah casualties", "no casualties".
//! These are not figures and are never reported:
//!
//! - dates and years: "2 August", "between 1 and 2 August", "3, 4 and 5
//!   March", "August 1 and 2", "in 2014",
//!   "(2014)", "2013-14", "2013–14", "June 2014", "Aug. 8", and "DateMay 23" where an
//!   infobox label runs into its value; a year before the singular of a
//!   people noun ("2004 Russian hostage crisis"); but a number after a
//!   month that can be neither a day nor a year, with something counted
//!   after it, is a count ("In March 40 people were killed", "on 12 March
//!   1,400 people"), and a day after a month is no group of the number
//!   after it ("On March 3 300 people": 300);
//! - temperatures, "40 °C", and coordinates: "8°00′38″N", and the
//!   decimals "8.0106; 124.2977" on a line that has them;
//! - ages: "aged between 12 and 15", "under the age of 16", "as young as
//!   10", "a 10-year-old boy", "a 10-year old boy", "12 years of age"
//!   (but "over thirty years old" is a span of years, as number suites
//!   read it);
//! - readings on a scale: "a 7.8-magnitude earthquake", "magnitude 6.2",
//!   "a magnitude of 6.2", "5.9 on the Richter scale" (but "the magnitude
//!   of 300 deaths" is a count);
//! - formations named by a number: "53 Division", "543 Brigade";
//! - ordinals: "3rd brigade", "the second day";
//! - times: "2 pm", "2.17pm", "10:30", "five o'clock";
//! - identifiers: "Resolution 1701", "LGA1156", "SCP-173", "007"; a
//!   number after a capitalized word inside a sentence is one, unless
//!   something counted follows ("In Homs 40 people were killed", "In
//!   Aleppo 300 Kurds were killed": a capitalized plural is counted after
//!   a one-word name when "died", or an auxiliary and a measure word,
//!   follows it), and at
//!   the start of a sentence when nothing counted follows ("Resolution
//!   2254 was passed");
//! - phone numbers and other chains of digits: "+1-222-2222", "+961 1 234
//!   567" (groups after a country code, with nothing counted after them), "192.168.1.2",
//!   "5/17/2018";
//! - numbers too large for a [`Decimal`](crate::Decimal) (above about
//!   7.9 × 10²⁸): none of their digits, not the groups that would fit;
//! - signed numbers: "-5 degrees" (an estimate is never negative);
//! - fractions on their own: "One-fourth is a fraction", "cut in half",
//!   "9/11", "24/7". A fraction is a figure when it is a share of something
//!   ("two thirds of the dead", "half the prisoners", "one in five
//!   victims") or compared ("more than half", "above one quarter and below
//!   a half"): its unit is [`Unit::Share`](crate::Unit::Share), from 0 to
//!   1, and the noun names the whole;
//! - "one" and "a" with nothing counted after them: "at one point";
//! - the numbers of HTML entities: an entity reads as the character it
//!   stands for, named or numbered, and never as a figure. `&#160;` is a
//!   space (as are `&nbsp;`, `&thinsp;` and the others of its kind), so
//!   `3&nbsp;000 soldiers` is 3,000 soldiers; `50&ndash;170` and
//!   `50&#8211;170` are ranges, `&asymp;400` is about 400, `2&frac12;` is
//!   2.5, `&amp;` is an ampersand and `&lt;ref&gt;` a citation tag. A soft
//!   hyphen inside a word is part of it ("re\u{ad}bels" and `re&shy;bels`
//!   are rebels), as is an accented letter (`M&eacute;decins`). Spans and
//!   quotes keep the text as written;
//! - citation and editorial markers: `[12]`, `[3][4][5]`, `[note 2]`,
//!   `[*]`, `[update]`, `[citation needed]`, `<ref>…</ref>`, `<sup>3</sup>`. A figure
//!   beside one reads as if it were not there: `185 killed[23]` is 185
//!   killed, and `163[15]–900` is one range, its span keeping the marker;
//! - the tags of HTML markup (`<b>`, `</b>`, `<br>`, `<a href="…">`) and
//!   the numbers of their attributes (`<img width="300">`): what a tag
//!   encloses is read, and its `>` is not "more than" (`1,200<br>1,500`
//!   is two figures).
//!
//! # Units, nouns and measures
//!
//! The unit is read from a unit word after the number ("10 km", "10
//! meters", "two days", "30 per cent"; a squared length is an area, "300
//! square kilometres", "40 sq mi", "2,000 km²", "50,000 km2"), attached to it ("10km") or joined
//! by a hyphen ("a 24-hour cease-fire", "a 40-man unit"), or a mark ("30
//! %", "$20"); failing that, from the noun counted: people nouns and named
//! forces count people, "factions" and "brigades" count groups, any other
//! noun counts itself ("two hills" is in `hills`). Unit words are read
//! through the same table as [`Unit`](crate::Unit)'s `FromStr`, so a
//! mention's unit reads back as itself, measured or counted alike. The
//! measure is the nearest of: the measure the unit implies (a distance, a
//! duration, groups); a measure word in the noun phrase ("dozens of wounded
//! militants"); a verb right before the figure ("killing 20 rebels"); the
//! first measure word after it in the clause ("29 Hezbollah fighters were
//! killed"); the measure of the figure a parenthesis comments on ("(11 by
//! an ambush)"); the measure of the figure before, taken from a verb,
//! when the verb is left out ("the army lost 12 soldiers and the rebels
//! 30"); and a measure word earlier in the sentence ("the death
//! toll had risen to 18"), unless a verb right after the figure says what
//! it did instead ("300 died, 5.6 million fled": the 5.6 million have no
//! measure). In an infobox field, a measure word labelling
//! the figure ("Killed: 169, Wounded: 947", "MIA: 1") comes first, and
//! the field's own label ("Strength1: 1000", "Injuries: Unknown") is the
//! measure of a figure that has none; a bare "Unknown" is a figure only as
//! the whole value of such a field. A pasted infobox's heading line
//! ("Strength", "Casualties and losses") gives its measure to the figures of
//! the short lines under it that have none, up to a line of prose. "killed
//! or wounded" and "killed or captured" are casualties.
//!
//! # Speakers and qualifiers
//!
//! A mention's speaker is read from its own sentence only (a full stop
//! after "U.S.", "acc." or "Dec." does not end one; one followed by
//! citation markers and a space, `killed.[1] Later`, does), in this order: a
//! parenthesised source after the figures it covers ("857 killed (SLA
//! claims)", "(acc. BBC News Ukrainian)"), back to the previous one; a
//! source named between a field's colon and a second colon ("Casualties1:
//! Russian Military Data: , 400+ killed"); "according to …"; a source and
//! a reporting verb closing the sentence ("…, military officials said.")
//! or following a quotation ("…," said police official Zafar Khan.", which
//! covers the quotation after it too); a source and a reporting verb
//! opening the sentence, a clause after a comma or a contrastive clause
//! ("Military officials say two …", "On 14 June, a rebel commander claimed
//! …", "…, while the Local Coordination Committees gave a figure of 31"),
//! covering the figures after the verb up to the next clause that names
//! its own; a contrastive clause ("while", "whereas", "but") whose subject
//! and reporting verb name nobody ("…, while they said 31 …") gives its
//! figures to nobody. "It is estimated that" and "were reported" name
//! nobody; an article or a determiner ("an estimated 300") never does. The qualifier comes
//! from the verb (claimed, confirmed, estimate; a plain "said" gives none)
//! or from the figure's own words ("an estimated 70", "were reported
//! wounded", "reportedly", "269 confirmed killed"). On the hand-labelled
//! gold set of `tests/data/gold/` (real text about fourteen other
//! conflicts), 77 of the 80 figures whose sentence names a speaker get it,
//! and 1 of the 208 found figures whose sentence names none is given one.
//!
//! # Cost
//!
//! Extraction is one pass over the text: every reading looks at a bounded
//! number of tokens around a figure, so the time is linear in the length of
//! the text, whatever it holds.
//!
//! [`Estimate`]: crate::Estimate
//! [`Lexicon`]: crate::Lexicon

pub(crate) mod draft;
pub(crate) mod extract;
pub(crate) mod grammar;
pub(crate) mod lexicon;
pub(crate) mod markers;
pub(crate) mod numeral;
pub(crate) mod parse;
pub(crate) mod prose;
pub(crate) mod token;
pub(crate) mod vocabulary;

pub use draft::{DossierDraft, DossierDrafter, DraftClaim, Drafter};
pub use extract::{Mention, Speaker, extract};
pub use lexicon::{Approximator, Hedge, Placement};
pub use parse::{Numeral, NumeralKind, number, numerals, phrase};
