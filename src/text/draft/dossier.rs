//! A draft dossier: an article's figures as sources, figures and claims, a
//! user edits and then reconciles.

use std::collections::HashSet;

use crate::model::{ClaimId, Side, SourceId};
use crate::text::extract::{Mention, Speaker, extract};
use crate::{Claim, Dossier, Estimate, Figure, Lexicon, Measure, Scope, Source, SourceKind};

use super::{Drafter, line_of, slug};
use crate::text::extract::field_label;
use crate::text::token::{Cx, decode_entities, tokenize};

/// The measure of a figure whose sentence says none.
const UNSTATED: &str = "unstated";

/// A dossier drafted from an article ([`DossierDrafter::draft`]), with the
/// claims the text attributes to nobody flagged.
#[derive(Clone, Debug)]
pub struct DossierDraft {
    dossier: Dossier,
    unattributed: Vec<ClaimId>,
}

impl DossierDraft {
    /// The drafted dossier: the sources (the article, its infobox if the
    /// text has one, and each speaker), a figure and a claim per mention.
    pub fn dossier(&self) -> &Dossier {
        &self.dossier
    }

    /// The drafted dossier, taken.
    pub fn into_dossier(self) -> Dossier {
        self.dossier
    }

    /// The claims whose sentence names no speaker, attributed to the
    /// article (or its infobox) for want of one: the ones to check first.
    pub fn unattributed(&self) -> &[ClaimId] {
        &self.unattributed
    }
}

/// Drafts a dossier from article text: every figure [`extract`] finds
/// becomes a figure (its measure, unit and party from the sentence) and a
/// claim (its value, quote and qualifier), attributed to the speaker its
/// sentence names, or else to the article itself and flagged
/// ([`DossierDraft::unattributed`]); no mention is left out. A line that is
/// an infobox field ("- Casualties1: 20+ killed") is the infobox's, a part
/// of the article.
///
/// Given a dossier to reuse ([`DossierDrafter::reusing`]), a speaker is
/// attributed to its source there when the names match (in any case, without
/// a leading article or a trailing "claim(s)"; "state TV" matches "Syrian
/// state TV"), the article and infobox are
/// its sources of those names, a party it names ("Hezbollah" in
/// "Hezbollah fighters") takes the side it has there, and a figure whose
/// sentence states no measure the vocabulary knows takes one of the
/// dossier's own measure words ("shelling", "attempted-capture") when every
/// word of it stands, in some form, in the figure's clause ("heavy shell
/// fire", "attempting to capture"). Otherwise a figure's measure is
/// `unstated`.
///
/// ```
/// use reckon::text::DossierDrafter;
/// use reckon::{Lexicon, Source, SourceKind};
///
/// let text = "Other sources claimed 200 rebels were killed. The army lost 20 soldiers.";
/// let article = Source::new("article", "the article", SourceKind::Encyclopedia);
/// let draft = DossierDrafter::new(article).draft(text, Lexicon::shared());
/// let d = draft.dossier();
/// assert_eq!(d.claims().len(), 2);
/// assert_eq!(d.claims()[0].source().as_str(), "other-sources");
/// assert_eq!(d.claims()[1].source().as_str(), "article");
/// assert_eq!(draft.unattributed(), [d.claims()[1].id().clone()]);
/// assert!(d.validate().is_ok());
/// ```
#[derive(Clone, Debug)]
pub struct DossierDrafter<'d> {
    article: Source,
    reuse: Option<&'d Dossier>,
}

impl<'d> DossierDrafter<'d> {
    /// A drafter attributing what the text names nobody for to `article`.
    pub fn new(article: Source) -> Self {
        DossierDrafter {
            article,
            reuse: None,
        }
    }

    /// This drafter, reusing the sources and sides of `dossier`.
    #[must_use]
    pub fn reusing(mut self, dossier: &'d Dossier) -> Self {
        self.reuse = Some(dossier);
        self
    }

    /// The draft of `text`, read with `lexicon`.
    pub fn draft(&self, text: &str, lexicon: &Lexicon) -> DossierDraft {
        let mut d = Dossier::new();
        let mut sources: HashSet<SourceId> = HashSet::new();
        let mut add_source = |d: &mut Dossier, s: Source| {
            if sources.insert(s.id().clone()) {
                d.add_source(s);
            }
        };
        let article = self
            .reuse
            .and_then(|r| r.source(self.article.id()))
            .cloned()
            .unwrap_or_else(|| self.article.clone());
        let infobox = self.infobox(&article);
        let sides = self.sides();
        let own = self.own_measures();
        let mut drafter = Drafter::new();
        let mut unattributed = Vec::new();
        for m in extract(text, lexicon) {
            let row = drafter.draft(&m);
            let source = match m.speaker() {
                Some(speaker) => self.speaker_source(&speaker),
                None if infobox_line(&m) => infobox.clone(),
                None => article.clone(),
            };
            if source.part_of() == Some(article.id()) {
                add_source(&mut d, article.clone());
            }
            add_source(&mut d, source.clone());
            let measure = m
                .measure()
                .cloned()
                .or_else(|| own_measure(&m, &own))
                .unwrap_or_else(|| Measure::Other(UNSTATED.into()));
            let mut scope = Scope::new(measure).with_unit(m.unit().clone());
            if let Some(party) = m.noun() {
                scope = scope.with_party(party, side_of(party, &sides));
            }
            let id = row.figure().to_owned();
            d.add_figure(Figure::new(id.as_str(), row.label(), scope));
            let value = row
                .value()
                .parse::<Estimate>()
                .unwrap_or_else(|_| m.value().clone());
            let mut claim = Claim::new(id.as_str(), id.as_str(), source.id().clone(), value)
                .with_quote(row.quote());
            if let Some(q) = m.qualifier() {
                claim = claim.with_qualifier(q);
            }
            if m.speaker().is_none() {
                unattributed.push(claim.id().clone());
            }
            d.add_claim(claim);
        }
        DossierDraft {
            dossier: d,
            unattributed,
        }
    }

    /// The source a speaker stands for: the reused dossier's of the same
    /// name or id, else a new one named as the text names it.
    fn speaker_source(&self, speaker: &Speaker<'_>) -> Source {
        // "M&eacute;decins" pasted from a page's source is "Médecins".
        let name = decode_entities(speaker.name());
        let id = slug(&name);
        let id = if id.is_empty() {
            "speaker".to_owned()
        } else {
            id
        };
        let wanted = name_key(&name);
        let found = self.reuse.and_then(|r| {
            r.sources()
                .iter()
                .find(|s| same_name(&name_key(s.name()), &wanted) || s.id().as_str() == id)
        });
        found
            .cloned()
            .unwrap_or_else(|| Source::new(id.as_str(), &name, speaker.kind()))
    }

    /// The infobox's source: the reused dossier's part of the article, else
    /// a new one.
    fn infobox(&self, article: &Source) -> Source {
        let part = self.reuse.and_then(|r| {
            r.sources()
                .iter()
                .find(|s| s.part_of() == Some(article.id()))
        });
        part.cloned().unwrap_or_else(|| {
            let id = format!("{}-infobox", article.id().as_str());
            Source::new(
                id.as_str(),
                &format!("{} (infobox)", article.name()),
                SourceKind::Encyclopedia,
            )
            .as_part_of(article.id().clone())
        })
    }

    /// The measures of the reused dossier's figures that the vocabulary
    /// does not know ("shelling", "attempted-capture"), each with the stems
    /// of its words, in the order the figures first use them.
    fn own_measures(&self) -> Vec<(Measure, Vec<String>)> {
        let mut out: Vec<(Measure, Vec<String>)> = Vec::new();
        let figures = self.reuse.map_or(&[][..], |r| r.figures());
        for f in figures {
            let measure = f.scope().measure();
            let Measure::Other(word) = measure else {
                continue;
            };
            if &**word == UNSTATED || out.iter().any(|(m, _)| m == measure) {
                continue;
            }
            let parts = stems(word);
            if !parts.is_empty() {
                out.push((measure.clone(), parts));
            }
        }
        out
    }

    /// The parties of the reused dossier's figures that have a side,
    /// lowercase, longest first.
    fn sides(&self) -> Vec<(String, Side)> {
        let mut out: Vec<(String, Side)> = self
            .reuse
            .map(|r| {
                r.figures()
                    .iter()
                    .filter_map(|f| {
                        let s = f.scope();
                        Some((s.party()?.to_lowercase(), s.side()?.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        out.dedup_by(|a, b| a.0 == b.0);
        out
    }
}

/// The stem of a word as measures are matched: lowercase, less one ending
/// of "-ing", "-ed", "-es", "-s" or "-e" ("attempting" and "attempted" are
/// "attempt", "strikes" and "strike" are "strik").
fn stem(word: &str) -> String {
    let lower = word.to_lowercase();
    for ending in ["ing", "ed", "es", "s", "e"] {
        if let Some(s) = lower
            .strip_suffix(ending)
            .filter(|s| s.chars().count() >= 3)
        {
            return s.to_owned();
        }
    }
    lower
}

/// The stems of the words (runs of letters) of `text`.
fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(stem)
        .collect()
}

/// Whether `word` (a stem) is a form of `part` (a stem): the same, or, for
/// a part of five letters or more, its end ("airstrik" holds "strik").
fn is_form_of(word: &str, part: &str) -> bool {
    word == part || (part.chars().count() >= 5 && word.ends_with(part))
}

/// The reused dossier's own measure whose every word stands, in some form,
/// in the mention's clause (its sentence between commas or semicolons):
/// "heavy shell fire" is "shelling", "attempting to capture" is
/// "attempted-capture", "airstrikes" are "strikes". Of several, the one of
/// most words, then the first in `own`'s order.
fn own_measure(m: &Mention<'_>, own: &[(Measure, Vec<String>)]) -> Option<Measure> {
    if own.is_empty() {
        return None;
    }
    let (line, line_start) = line_of(m);
    let (start, end) = (
        m.start().saturating_sub(line_start),
        m.end().saturating_sub(line_start),
    );
    let cut = |c: char| matches!(c, ',' | ';' | '.' | '!' | '?');
    let from = line
        .get(..start)
        .and_then(|b| b.rfind(cut))
        .map_or(0, |i| i + 1);
    let to = line
        .get(end..)
        .and_then(|a| a.find(cut))
        .map_or(line.len(), |i| end + i);
    let clause = decode_entities(line.get(from..to).unwrap_or(""));
    let words = stems(&clause);
    let mut best: Option<&(Measure, Vec<String>)> = None;
    for candidate in own {
        let (_, parts) = candidate;
        let stands = parts.iter().all(|p| words.iter().any(|w| is_form_of(w, p)));
        if stands && best.is_none_or(|(_, b)| parts.len() > b.len()) {
            best = Some(candidate);
        }
    }
    best.map(|(measure, _)| measure.clone())
}

/// Whether the mention's line is an infobox field: "- Casualties1: …",
/// "Strength2: …".
///
/// The field is read as extraction reads it ([`field_label`]), from the
/// line's start to its first colon, which a label keeps near the start.
fn infobox_line(m: &Mention<'_>) -> bool {
    let (line, _) = line_of(m);
    let Some(colon) = line.find(':').filter(|&c| c <= 48) else {
        return false;
    };
    let head = line.get(..=colon).unwrap_or("");
    let mut toks = Vec::new();
    tokenize(head, &mut toks);
    field_label(
        &Cx {
            text: head,
            toks: &toks,
        },
        0,
    )
    .is_some()
}

/// A name as compared: lowercase words, without a leading article or a
/// trailing "claim" or "claims".
fn name_key(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "a" | "an" | "the"))
    {
        words.remove(0);
    }
    if words
        .last()
        .is_some_and(|w| matches!(w.as_str(), "claim" | "claims"))
    {
        words.pop();
    }
    words
}

/// Whether two names (as [`name_key`] gives them) are the same, or the
/// shorter, of two words or more, ends the longer: "state TV" is "Syrian
/// state TV".
fn same_name(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= 2 && long.ends_with(short))
}

/// The side of the first known party named in `noun`, as a whole word.
fn side_of(noun: &str, sides: &[(String, Side)]) -> Option<Side> {
    let lower = noun.to_lowercase();
    sides
        .iter()
        .find(|(party, _)| {
            lower.match_indices(party.as_str()).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + party.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .map(|(_, side)| side.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_without_articles_and_claims() {
        assert_eq!(name_key("a security source"), name_key("A security source"));
        assert_eq!(
            name_key("Syrian and Lebanese government claims"),
            name_key("Syrian and Lebanese government")
        );
        assert_ne!(name_key("other sources"), name_key("another report"));
        let same = |a: &str, b: &str| same_name(&name_key(a), &name_key(b));
        assert!(same("state TV", "Syrian state TV"));
        assert!(!same("officials", "military officials"));
        assert!(!same("the army", "the Lebanese army general"));
    }

    #[test]
    fn a_party_takes_the_side_of_a_known_party_named_in_it() {
        let sides = vec![
            ("hezbollah".to_owned(), Side::new("government")),
            ("rebels".to_owned(), Side::new("rebels")),
        ];
        assert_eq!(
            side_of("Hezbollah fighters", &sides),
            Some(Side::new("government"))
        );
        assert_eq!(
            side_of("rebels of the Al-Nusra Front", &sides),
            Some(Side::new("rebels"))
        );
        assert_eq!(side_of("Hezbollahi", &sides), None);
        assert_eq!(side_of("civilians", &sides), None);
    }

    #[test]
    fn a_figure_of_no_stated_measure_takes_the_reused_dossiers_own_word() {
        let mut reused = Dossier::new();
        for (id, measure) in [
            ("a", "shelling"),
            ("b", "attempted-capture"),
            ("c", "strikes"),
        ] {
            let scope = Scope::new(Measure::Other(measure.into()));
            reused.add_figure(Figure::new(id, id, scope));
        }
        let text = "The town came under heavy shell fire from three directions. \
                    The army was attempting to capture two buildings, while 12 others stood. \
                    A series of airstrikes hit the hills, and 5 soldiers were killed. \
                    The army captured 3 villages.";
        let article = Source::new("article", "the article", SourceKind::Encyclopedia);
        let draft = DossierDrafter::new(article.clone())
            .reusing(&reused)
            .draft(text, Lexicon::shared());
        let measures: Vec<&str> = draft
            .dossier()
            .figures()
            .iter()
            .map(|f| f.scope().measure().as_str())
            .collect();
        // "12 others" are in a clause of their own, and the vocabulary's
        // "killed" stands however the sentence goes on.
        assert_eq!(
            measures,
            [
                "shelling",
                "attempted-capture",
                "unstated",
                "strikes",
                "killed",
                "seized"
            ]
        );
        // Without a dossier to reuse, none of these words is a measure.
        let plain = DossierDrafter::new(article).draft(text, Lexicon::shared());
        let unstated = plain
            .dossier()
            .figures()
            .iter()
            .filter(|f| f.scope().measure().as_str() == UNSTATED)
            .count();
        assert_eq!(unstated, 4);
    }

    #[test]
    fn words_are_forms_of_a_measure_by_their_stems() {
        assert_eq!(stem("attempting"), stem("attempted"));
        assert_eq!(stem("Strikes"), "strik");
        assert!(is_form_of(&stem("airstrikes"), &stem("strikes")));
        assert!(is_form_of(&stem("shell"), &stem("shelling")));
        // A short stem is matched whole: "arrest" is not "rest".
        assert!(!is_form_of(&stem("arrested"), &stem("rest")));
    }

    #[test]
    fn infobox_fields_are_the_infoboxs() {
        let text = "- Casualties1: 20+ killed\nAt 5 pm, 12 died.";
        let found = extract(text, Lexicon::shared());
        assert!(infobox_line(&found[0]));
        assert!(!found[1..].iter().any(infobox_line));
    }

    #[test]
    fn every_mention_is_a_claim_and_the_draft_validates() {
        let text = "- Strength1: 3,000 fighters\n\
                    A rebel commander claimed that 29 Hezbollah fighters were killed. \
                    Dozens of rebels died.";
        let article = Source::new("article", "the article", SourceKind::Encyclopedia);
        let draft = DossierDrafter::new(article).draft(text, Lexicon::shared());
        let d = draft.dossier();
        let sources: Vec<&str> = d.claims().iter().map(|c| c.source().as_str()).collect();
        assert_eq!(sources, ["article-infobox", "a-rebel-commander", "article"]);
        assert_eq!(draft.unattributed().len(), 2);
        assert!(d.validate().is_ok(), "{:?}", d.validate());
        let infobox = d
            .source(&SourceId::new("article-infobox"))
            .map(|s| s.part_of());
        assert_eq!(infobox, Some(Some(&SourceId::new("article"))));
    }
}
