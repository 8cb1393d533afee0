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
/// its sources of those names, and a party it names ("Hezbollah" in
/// "Hezbollah fighters") takes the side it has there.
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
