//! Sources: who said a figure, on whose side, how reliable, relaying whom.

use crate::model::names::worded_enum;
use crate::model::{Side, SourceId};

worded_enum!(
    /// What kind of speaker a source is.
    SourceKind, "a source kind" {
        /// A government or its ministries and army spokesmen.
        Government = "government",
        /// State-run media (e.g. Syrian state TV).
        StateMedia = "state-media" | "state media",
        /// A belligerent or militia speaking for itself (e.g. Hezbollah sources).
        Belligerent = "belligerent" | "militia",
        /// An armed opposition group or its commanders.
        ArmedOpposition = "armed-opposition" | "opposition" | "rebel",
        /// An unnamed security or military source.
        Security = "security" | "security-source",
        /// A monitoring group or NGO (e.g. SOHR, Airwars).
        Monitor = "monitor" | "ngo",
        /// Independent media.
        Media = "media" | "independent-media",
        /// An encyclopedia or its infobox.
        Encyclopedia = "encyclopedia" | "infobox",
        /// An unattributed report: "another report", "other sources".
        Anonymous = "anonymous" | "unattributed",
        /// Not stated: a named source whose kind the data does not give
        /// (a claims table with no `source_kind` column).
        Unspecified = "unspecified",
    }
);

worded_enum!(
    /// How reliable a source is, on the NATO Admiralty scale (A–F).
    ///
    /// `F` ("cannot be judged") is the default: an unknown source is not a
    /// bad one. Orders from best (`A`) to `F`.
    Reliability, "a reliability grade A-F" {
        /// Completely reliable.
        A = "A",
        /// Usually reliable.
        B = "B",
        /// Fairly reliable.
        C = "C",
        /// Not usually reliable.
        D = "D",
        /// Unreliable.
        E = "E",
        /// Reliability cannot be judged.
        F = "F",
    }
);

#[allow(clippy::derivable_impls)] // the enum is declared by a macro
impl Default for Reliability {
    fn default() -> Self {
        Reliability::F
    }
}

impl Reliability {
    /// What the grade means, in the Admiralty code's words.
    pub fn meaning(&self) -> &'static str {
        match self {
            Reliability::A => "completely reliable",
            Reliability::B => "usually reliable",
            Reliability::C => "fairly reliable",
            Reliability::D => "not usually reliable",
            Reliability::E => "unreliable",
            Reliability::F => "reliability cannot be judged",
        }
    }
}

/// Who said a figure.
///
/// A source has an id, a display name as the text attributes it ("a rebel
/// commander", "Hezbollah sources"), a [`SourceKind`], the [`Side`] it belongs
/// to (if any), an Admiralty [`Reliability`] grade and, for an outlet repeating
/// someone, the originator it relays: ten outlets relaying Syrian state TV
/// are one independent source. A part of a publication (an article's
/// infobox) names the whole it belongs to ([`Source::as_part_of`]).
///
/// ```
/// use reckon::model::{Reliability, Side};
/// use reckon::{Source, SourceKind};
///
/// let hezbollah = Source::new("hezbollah-sources", "Hezbollah sources", SourceKind::Belligerent)
///     .with_side(Side::new("government"))
///     .with_reliability(Reliability::C);
/// assert_eq!(hezbollah.side().map(|s| s.as_str()), Some("government"));
/// assert_eq!(Source::new("x", "another report", SourceKind::Anonymous).reliability(), Reliability::F);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Source {
    id: SourceId,
    name: String,
    kind: SourceKind,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    side: Option<Side>,
    #[cfg_attr(feature = "serde", serde(default))]
    reliability: Reliability,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    relays: Option<SourceId>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    part_of: Option<SourceId>,
}

impl Source {
    /// A source with no side, reliability `F` and no originator.
    pub fn new(id: impl Into<SourceId>, name: &str, kind: SourceKind) -> Self {
        Source {
            id: id.into(),
            name: name.to_owned(),
            kind,
            side: None,
            reliability: Reliability::F,
            relays: None,
            part_of: None,
        }
    }

    /// This source, belonging to `side`.
    #[must_use]
    pub fn with_side(mut self, side: Side) -> Self {
        self.side = Some(side);
        self
    }

    /// This source, graded `reliability`.
    #[must_use]
    pub fn with_reliability(mut self, reliability: Reliability) -> Self {
        self.reliability = reliability;
        self
    }

    /// This source, an outlet relaying `originator`.
    #[must_use]
    pub fn relaying(mut self, originator: impl Into<SourceId>) -> Self {
        self.relays = Some(originator.into());
        self
    }

    /// This source, a part of the publication `whole`: the infobox of an
    /// article, a press release's annex. It does not repeat the whole's
    /// claims (the two may disagree), but it is not independent of it:
    /// [`Dossier::originator`](crate::Dossier::originator) follows it to the
    /// whole, so their agreement counts once.
    ///
    /// ```
    /// use reckon::{Dossier, Source, SourceKind};
    ///
    /// let mut d = Dossier::new();
    /// d.add_source(Source::new("article", "the article", SourceKind::Encyclopedia));
    /// d.add_source(Source::new("infobox", "its infobox", SourceKind::Encyclopedia).as_part_of("article"));
    /// assert_eq!(d.originator(&"infobox".into()).as_str(), "article");
    /// ```
    #[must_use]
    pub fn as_part_of(mut self, whole: impl Into<SourceId>) -> Self {
        self.part_of = Some(whole.into());
        self
    }

    /// The id.
    pub fn id(&self) -> &SourceId {
        &self.id
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind of speaker.
    pub fn kind(&self) -> SourceKind {
        self.kind
    }

    /// The side it belongs to, if any.
    pub fn side(&self) -> Option<&Side> {
        self.side.as_ref()
    }

    /// The Admiralty reliability grade.
    pub fn reliability(&self) -> Reliability {
        self.reliability
    }

    /// The originator this outlet relays, if it relays one.
    pub fn relays(&self) -> Option<&SourceId> {
        self.relays.as_ref()
    }

    /// The publication this source is a part of, if it is one.
    pub fn part_of(&self) -> Option<&SourceId> {
        self.part_of.as_ref()
    }

    /// The source this one's claims come from, for independence: the one it
    /// relays, else the publication it is part of.
    pub(crate) fn upstream(&self) -> Option<&SourceId> {
        self.relays.as_ref().or(self.part_of.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_grades_read_their_words() {
        assert_eq!(
            "state media".parse::<SourceKind>().unwrap(),
            SourceKind::StateMedia
        );
        assert_eq!("b".parse::<Reliability>().unwrap(), Reliability::B);
        assert_eq!(
            "G".parse::<Reliability>().unwrap_err().to_string(),
            "'G' is not a value: expected a reliability grade A-F: `A`, `B`, `C`, `D`, `E`, `F`"
        );
        assert!(Reliability::A < Reliability::F);
        for k in SourceKind::ALL {
            assert_eq!(k.to_string().parse::<SourceKind>().unwrap(), *k);
        }
    }
}
