//! Figures: what exactly is counted (event, period, place, party, measure,
//! unit), and the declared relations between figures.

use crate::model::{FigureId, Period, Side};
use crate::{Measure, Unit};
/// What exactly a figure counts. Two figures can only be compared or added
/// when their scopes match (UCDP, Iraq Body Count).
///
/// ```
/// use reckon::{Measure, Scope, Unit};
/// use reckon::model::Side;
///
/// let scope = Scope::new(Measure::Killed)
///     .with_event("al-Jobeh ambush")
///     .with_period("2014-08-01/2014-08-02".parse()?)
///     .with_place("al-Jobeh")
///     .with_party("Hezbollah", Some(Side::new("government")));
/// assert_eq!(scope.unit(), &Unit::People);
/// # Ok::<(), reckon::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Scope {
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    events: Vec<String>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    period: Option<Period>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    place: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    party: Option<String>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    side: Option<Side>,
    measure: Measure,
    #[cfg_attr(feature = "serde", serde(default))]
    unit: Unit,
}

impl Scope {
    /// A scope counting `measure`, in people, with nothing else known.
    pub fn new(measure: Measure) -> Self {
        Scope {
            measure,
            ..Scope::default()
        }
    }

    /// Adds an event the figure covers.
    #[must_use]
    pub fn with_event(mut self, event: &str) -> Self {
        self.events.push(event.to_owned());
        self
    }

    /// Sets the period.
    #[must_use]
    pub fn with_period(mut self, period: Period) -> Self {
        self.period = Some(period);
        self
    }

    /// Sets the place.
    #[must_use]
    pub fn with_place(mut self, place: &str) -> Self {
        self.place = Some(place.to_owned());
        self
    }

    /// Sets the party counted (a group, e.g. `Hezbollah`) and the side it fights on.
    #[must_use]
    pub fn with_party(mut self, party: &str, side: Option<Side>) -> Self {
        self.party = Some(party.to_owned());
        self.side = side;
        self
    }

    /// Sets the unit.
    #[must_use]
    pub fn with_unit(mut self, unit: Unit) -> Self {
        self.unit = unit;
        self
    }

    /// The events covered.
    pub fn events(&self) -> &[String] {
        &self.events
    }

    /// The period, if known.
    pub fn period(&self) -> Option<&Period> {
        self.period.as_ref()
    }

    /// The place, if known.
    pub fn place(&self) -> Option<&str> {
        self.place.as_deref()
    }

    /// The party counted, if any.
    pub fn party(&self) -> Option<&str> {
        self.party.as_deref()
    }

    /// The side of the party counted, if any.
    pub fn side(&self) -> Option<&Side> {
        self.side.as_ref()
    }

    /// The side whose losses the figure counts: the counted party's side,
    /// when the measure is a loss. The stake model judges speakers against it.
    pub(crate) fn losing_side(&self) -> Option<&Side> {
        self.side().filter(|_| self.measure.is_loss())
    }

    /// What is measured.
    pub fn measure(&self) -> &Measure {
        &self.measure
    }

    /// The unit.
    pub fn unit(&self) -> &Unit {
        &self.unit
    }
}

/// One disputed quantity: an id, a label, and its [`Scope`].
///
/// ```
/// use reckon::{Figure, Measure, Scope};
///
/// let f = Figure::new("jobeh-rebels-killed", "rebels killed at al-Jobeh", Scope::new(Measure::Killed));
/// assert_eq!(f.id().as_str(), "jobeh-rebels-killed");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Figure {
    id: FigureId,
    label: String,
    #[cfg_attr(feature = "serde", serde(flatten))]
    scope: Scope,
}

impl Figure {
    /// A figure.
    pub fn new(id: impl Into<FigureId>, label: &str, scope: Scope) -> Self {
        Figure {
            id: id.into(),
            label: label.to_owned(),
            scope,
        }
    }

    /// The id.
    pub fn id(&self) -> &FigureId {
        &self.id
    }

    /// A short description for reports.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// What it counts.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }
}

/// A declared relation between figures, checked by reconciliation.
///
/// ```
/// use reckon::model::FigureId;
/// use reckon::Relation;
///
/// let r = Relation::part_of("jobeh-hezbollah-killed", "jobeh-government-killed");
/// assert_eq!(r.figures().count(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)
)]
#[non_exhaustive]
pub enum Relation {
    /// `part` is counted within `whole` (Hezbollah dead ⊂ government fighters
    /// dead): the part can never exceed the whole.
    PartOf {
        /// The smaller figure.
        part: FigureId,
        /// The figure that includes it.
        whole: FigureId,
    },
    /// `components` are disjoint shares of `total` (released + executed ≤
    /// captured): their sum can never exceed it.
    Components {
        /// The disjoint shares.
        components: Vec<FigureId>,
        /// The figure they are shares of.
        total: FigureId,
    },
    /// `total` is the sum over disjoint `parts` (the offensive's deaths over
    /// its battles): it is at least the sum of the parts, and the parts can be
    /// rolled up into it.
    SumOver {
        /// The disjoint parts.
        parts: Vec<FigureId>,
        /// Their total.
        total: FigureId,
    },
    /// The figures count some of the same things, so they are never added up
    /// together (Iraq Body Count, [design notes §1](crate::design)).
    Overlap {
        /// The overlapping figures.
        figures: Vec<FigureId>,
    },
}

impl Relation {
    /// `part` ⊂ `whole`.
    pub fn part_of(part: impl Into<FigureId>, whole: impl Into<FigureId>) -> Self {
        Relation::PartOf {
            part: part.into(),
            whole: whole.into(),
        }
    }

    /// `components` are disjoint shares of `total`.
    pub fn components<I, F>(components: I, total: impl Into<FigureId>) -> Self
    where
        I: IntoIterator<Item = F>,
        F: Into<FigureId>,
    {
        Relation::Components {
            components: components.into_iter().map(Into::into).collect(),
            total: total.into(),
        }
    }

    /// `total` is the sum over `parts`.
    pub fn sum_over<I, F>(parts: I, total: impl Into<FigureId>) -> Self
    where
        I: IntoIterator<Item = F>,
        F: Into<FigureId>,
    {
        Relation::SumOver {
            parts: parts.into_iter().map(Into::into).collect(),
            total: total.into(),
        }
    }

    /// The `figures` overlap.
    pub fn overlap<I, F>(figures: I) -> Self
    where
        I: IntoIterator<Item = F>,
        F: Into<FigureId>,
    {
        Relation::Overlap {
            figures: figures.into_iter().map(Into::into).collect(),
        }
    }

    /// The kind, as written in files: `part-of`, `components`, `sum-over`, `overlap`.
    pub fn kind(&self) -> &'static str {
        match self {
            Relation::PartOf { .. } => "part-of",
            Relation::Components { .. } => "components",
            Relation::SumOver { .. } => "sum-over",
            Relation::Overlap { .. } => "overlap",
        }
    }

    /// Every figure the relation names; the containing figure (whole or total) last.
    pub fn figures(&self) -> impl Iterator<Item = &FigureId> {
        let (list, last): (&[FigureId], Option<&FigureId>) = match self {
            Relation::PartOf { part, whole } => (std::slice::from_ref(part), Some(whole)),
            Relation::Components { components, total } => (components, Some(total)),
            Relation::SumOver { parts, total } => (parts, Some(total)),
            Relation::Overlap { figures } => (figures, None),
        };
        list.iter().chain(last)
    }

    /// Every figure the relation names, as [`Relation::figures`] gives
    /// them, each with the key a file gives it under (`part`, `whole`, …).
    pub(crate) fn named_figures(&self) -> impl Iterator<Item = (&'static str, &FigureId)> {
        let (key, list, last): (_, &[FigureId], _) = match self {
            Relation::PartOf { part, whole } => {
                ("part", std::slice::from_ref(part), Some(("whole", whole)))
            }
            Relation::Components { components, total } => {
                ("components", components, Some(("total", total)))
            }
            Relation::SumOver { parts, total } => ("parts", parts, Some(("total", total))),
            Relation::Overlap { figures } => ("figures", figures, None),
        };
        list.iter().map(move |f| (key, f)).chain(last)
    }

    /// The containment edges `(smaller, containing)` this relation declares.
    pub(crate) fn edges(&self) -> impl Iterator<Item = (&FigureId, &FigureId)> {
        let (list, total): (&[FigureId], Option<&FigureId>) = match self {
            Relation::PartOf { part, whole } => (std::slice::from_ref(part), Some(whole)),
            Relation::Components { components, total } => (components, Some(total)),
            Relation::SumOver { parts, total } => (parts, Some(total)),
            Relation::Overlap { .. } => (&[], None),
        };
        list.iter().filter_map(move |p| total.map(|t| (p, t)))
    }
}
