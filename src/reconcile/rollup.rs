//! Roll-ups: the interval sum of a figure's declared parts.
//!
//! A [`Relation::SumOver`] (a total over disjoint parts: an offensive's
//! deaths over its battles) or a [`Relation::Components`] (disjoint shares:
//! released + executed of captured) declares parts that may be added. Each
//! part contributes its reconciled range; the roll-up is `[Σ lows, Σ highs]`
//! (Iraq Body Count: "totals are sums of minima and of maxima"), open above
//! when any part is.
//!
//! - **Grade filter.** Airwars sums minima and maxima over *Fair* and
//!   *Confirmed* incidents only: [`Grades::AIRWARS`]. Parts of other grades
//!   are left out, and said to be.
//! - **Overlap.** Figures declared to overlap ([`Relation::Overlap`]) are
//!   never added: a group of overlapping parts contributes the *largest* of
//!   their lows (their union holds at least that many) and the sum of their
//!   highs (and at most that many). A total built from overlapping lists is
//!   only a minimum ([design notes §1](crate::design)).
//!
//! ```
//! use reckon::{Claim, Dossier, Figure, Measure, Relation, Scope, Source, SourceKind};
//! use reckon::reconcile::confidence::Grade;
//! use reckon::Reconciler;
//! use reckon::reconcile::rollup::{Grades, Usage};
//!
//! let mut d = Dossier::new();
//! d.add_source(Source::new("a", "monitor A", SourceKind::Monitor));
//! d.add_source(Source::new("b", "monitor B", SourceKind::Monitor));
//! for f in ["battle-1", "battle-2", "battle-3", "offensive"] {
//!     d.add_figure(Figure::new(f, f, Scope::new(Measure::Killed)));
//! }
//! // Battle 1: two sources (fair); battle 2: one source (weak); battle 3: two (fair).
//! d.add_claim(Claim::new("c1", "battle-1", "a", "10–20".parse()?));
//! d.add_claim(Claim::new("c2", "battle-1", "b", "12–25".parse()?));
//! d.add_claim(Claim::new("c3", "battle-2", "a", "40".parse()?));
//! d.add_claim(Claim::new("c4", "battle-3", "a", "5".parse()?));
//! d.add_claim(Claim::new("c5", "battle-3", "b", "5–8".parse()?));
//! let sum = Relation::sum_over(["battle-1", "battle-2", "battle-3"], "offensive");
//! d.relate(sum.clone());
//!
//! let findings = Reconciler::new().reconcile(&d)?;
//! let all = findings.rollup(&sum, Grades::ALL)?;
//! assert_eq!(all.sum().unwrap().to_string(), "[55, 73]");
//! let airwars = findings.rollup(&sum, Grades::AIRWARS)?;
//! // Battle 2 is left out: [10, 25] + [5, 8].
//! assert_eq!(airwars.sum().unwrap().to_string(), "[15, 33]");
//! assert_eq!(airwars.parts()[1].usage(), &Usage::LeftOutGrade(Grade::Weak));
//! # Ok::<(), reckon::Error>(())
//! ```

use std::fmt;

use rust_decimal::Decimal;

use super::confidence::Grade;
#[cfg(feature = "serde")]
use super::wire;
use crate::model::FigureId;
use crate::{Error, Interval, Relation};

/// A set of [`Grade`]s: which parts a roll-up may add.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Grades(u8);

impl Grades {
    /// Every grade.
    pub const ALL: Grades = Grades(0b1111);
    /// No grade.
    pub const NONE: Grades = Grades(0);
    /// Airwars' headline rule: Fair and Confirmed only.
    pub const AIRWARS: Grades = Grades(bit(Grade::Fair) | bit(Grade::Confirmed));

    /// This set with `g` added.
    #[must_use]
    pub const fn with(self, g: Grade) -> Self {
        Grades(self.0 | bit(g))
    }

    /// Whether `g` is in the set.
    pub const fn contains(&self, g: Grade) -> bool {
        self.0 & bit(g) != 0
    }
}

impl Default for Grades {
    fn default() -> Self {
        Grades::ALL
    }
}

impl FromIterator<Grade> for Grades {
    fn from_iter<I: IntoIterator<Item = Grade>>(iter: I) -> Self {
        iter.into_iter().fold(Grades::NONE, Grades::with)
    }
}

const fn bit(g: Grade) -> u8 {
    1 << (g as u8)
}

/// How a roll-up used one part.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Usage {
    /// Its range was added.
    Added,
    /// It overlaps other used parts: only the largest low of the group was
    /// added (and the sum of their highs).
    Overlapping,
    /// Left out: its grade is not in the filter.
    LeftOutGrade(Grade),
    /// Left out: it has no reconciled range (no claims with a number, or an
    /// empty consensus).
    LeftOutNoRange,
    /// Left out: it was not reconciled (not a figure of the dossier).
    LeftOutMissing,
}

impl Usage {
    /// Whether the part contributed to the sum.
    pub fn is_used(&self) -> bool {
        matches!(self, Usage::Added | Usage::Overlapping)
    }
}

impl fmt::Display for Usage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Usage::Added => f.write_str("added"),
            Usage::Overlapping => f.write_str("overlaps another part: counted once"),
            Usage::LeftOutGrade(g) => write!(f, "left out: graded {g}"),
            Usage::LeftOutNoRange => f.write_str("left out: no reconciled range"),
            Usage::LeftOutMissing => f.write_str("left out: not reconciled"),
        }
    }
}

/// One part of a roll-up, and how it was used.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Part {
    figure: FigureId,
    range: Option<Interval>,
    usage: Usage,
}

impl Part {
    /// The part's figure.
    pub fn figure(&self) -> &FigureId {
        &self.figure
    }

    /// Its reconciled range, if it has one.
    pub fn range(&self) -> Option<Interval> {
        self.range
    }

    /// How it was used.
    pub fn usage(&self) -> &Usage {
        &self.usage
    }
}

/// The interval sum of a total's declared parts (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Rollup {
    total: FigureId,
    sum: Option<Interval>,
    parts: Vec<Part>,
}

impl Rollup {
    /// The figure the parts add up to.
    pub fn total(&self) -> &FigureId {
        &self.total
    }

    /// The sum, `None` when no part could be used.
    pub fn sum(&self) -> Option<Interval> {
        self.sum
    }

    /// Every declared part, in declaration order, with its usage.
    pub fn parts(&self) -> &[Part] {
        &self.parts
    }

    /// The parts that contributed.
    pub fn used(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| p.usage.is_used())
    }

    /// The parts left out.
    pub fn left_out(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| !p.usage.is_used())
    }
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, Error> {
    a.checked_add(b)
        .ok_or_else(|| Error::overflow(format!("{a} + {b}")))
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// What a roll-up needs to know of one reconciled part.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reconciled {
    /// The part's reconciled range.
    pub(crate) range: Option<Interval>,
    /// The part's grade.
    pub(crate) grade: Grade,
}

/// Rolls up `parts` into `total` (see the module docs); `get` gives what
/// was reconciled of each part, `None` for a figure that was not.
pub(crate) fn roll(
    total: &FigureId,
    parts: &[FigureId],
    get: &dyn Fn(&FigureId) -> Option<Reconciled>,
    relations: &[Relation],
    grades: Grades,
) -> Result<Rollup, Error> {
    let mut out: Vec<Part> = parts
        .iter()
        .map(|p| {
            let f = get(p);
            let range = f.and_then(|f| f.range);
            let usage = match f {
                None => Usage::LeftOutMissing,
                Some(f) if !grades.contains(f.grade) => Usage::LeftOutGrade(f.grade),
                Some(_) if range.is_none() => Usage::LeftOutNoRange,
                Some(_) => Usage::Added,
            };
            Part {
                figure: p.clone(),
                range,
                usage,
            }
        })
        .collect();

    // Overlap groups among the used parts.
    let mut parent: Vec<usize> = (0..out.len()).collect();
    for r in relations {
        let Relation::Overlap { figures } = r else {
            continue;
        };
        let members: Vec<usize> = out
            .iter()
            .enumerate()
            .filter(|(_, p)| p.usage.is_used() && figures.contains(&p.figure))
            .map(|(i, _)| i)
            .collect();
        for w in members.windows(2) {
            let (a, b) = (find(&mut parent, w[0]), find(&mut parent, w[1]));
            parent[a] = b;
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); out.len()];
    for (i, part) in out.iter().enumerate() {
        if part.usage.is_used() {
            let root = find(&mut parent, i);
            groups[root].push(i);
        }
    }

    let mut sum: Option<Interval> = None;
    for members in groups.iter().filter(|g| !g.is_empty()) {
        let mut low = Decimal::ZERO;
        let mut high = Some(Decimal::ZERO);
        for &i in members {
            let r = out[i].range.unwrap_or(Interval::EVERYTHING);
            low = low.max(r.low());
            high = match (high, r.high()) {
                (Some(a), Some(b)) => Some(add(a, b)?),
                _ => None,
            };
            if members.len() > 1 {
                out[i].usage = Usage::Overlapping;
            }
        }
        let group = Interval::from_parts(low, high.map(|h| h.max(low)));
        sum = Some(match sum {
            None => group,
            Some(s) => s.checked_add(&group)?,
        });
    }
    Ok(Rollup {
        total: total.clone(),
        sum,
        parts: out,
    })
}

/// `figure`, `range` (`[low, high]` or null), `usage` (its phrase: `added`,
/// `left out: graded weak`, …) and `used` (whether it was added).
#[cfg(feature = "serde")]
impl serde::Serialize for Part {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Part", 4)?;
        st.serialize_field("figure", self.figure.as_str())?;
        st.serialize_field("range", &wire::iv(self.range))?;
        st.serialize_field("usage", &wire::Text(&self.usage))?;
        st.serialize_field("used", &self.usage.is_used())?;
        st.end()
    }
}

/// `total` (the figure), `sum` (`[low, high]` or null) and `parts` (see
/// [`Part`]).
#[cfg(feature = "serde")]
impl serde::Serialize for Rollup {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Rollup", 3)?;
        st.serialize_field("total", self.total.as_str())?;
        st.serialize_field("sum", &wire::iv(self.sum))?;
        st.serialize_field("parts", &self.parts)?;
        st.end()
    }
}
